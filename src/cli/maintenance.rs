use super::Session;
use super::output::{Format, print_json};
use crate::error::Result;
use crate::features::maintenance;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// Where to write the copy (must not exist yet).
    file: PathBuf,
}

pub fn check(session: &Session, args: &CheckArgs) -> Result<bool> {
    let report = maintenance::check(&session.store)?;
    if args.format == Format::Json {
        print_json(&report)?;
        return Ok(report.ok);
    }
    let c = &report.counts;
    outln!("Database     {}", report.path)?;
    outln!(
        "Schema       version {} (this leadtrack: {})",
        report.schema_version,
        crate::store::SCHEMA_VERSION
    )?;
    outln!(
        "Integrity    {}",
        if report.ok {
            "ok".to_string()
        } else {
            report.integrity.join("; ")
        }
    )?;
    outln!("Leads        {} open, {} customers", c.leads, c.customers)?;
    outln!("Contacts     {} ({} on leads)", c.contacts, c.links)?;
    outln!("Activities   {}", c.activities)?;
    outln!(
        "History      {} stage changes, {} replaced values",
        c.stage_changes,
        c.history
    )?;
    if !report.ok {
        eprintln!(
            "error: {} failed its integrity check; restore it from a backup",
            report.path
        );
    }
    Ok(report.ok)
}

pub fn backup(session: &Session, args: &BackupArgs) -> Result<bool> {
    maintenance::backup(&session.store, &args.file)?;
    outln!(
        "Backed up {} to {}",
        session.store.path(),
        args.file.display()
    )?;
    Ok(true)
}
