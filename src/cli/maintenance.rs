use super::Session;
use super::output::{Format, pad, print_json};
use crate::error::Result;
use crate::features::maintenance;
use crate::tr;
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
    let lang = session.config.language;
    // Each line a label in a column, then what it found.
    let line = |label: String, value: String| outln!("{}{value}", pad(&label, 13));
    line(tr!(lang, "cli-check-database"), report.path.to_string())?;
    line(
        tr!(lang, "cli-check-schema"),
        tr!(
            lang,
            "cli-check-schema-version",
            found = report.schema_version,
            known = crate::store::SCHEMA_VERSION
        ),
    )?;
    line(
        tr!(lang, "cli-check-integrity"),
        if report.ok {
            tr!(lang, "cli-check-ok")
        } else {
            report.integrity.join("; ")
        },
    )?;
    line(
        tr!(lang, "cli-check-leads"),
        tr!(
            lang,
            "cli-check-leads-counts",
            open = c.leads,
            customers = c.customers
        ),
    )?;
    line(
        tr!(lang, "cli-check-contacts"),
        tr!(
            lang,
            "cli-check-contacts-counts",
            contacts = c.contacts,
            links = c.links
        ),
    )?;
    line(
        tr!(lang, "cli-check-activities"),
        tr!(lang, "cli-check-activities-count", count = c.activities),
    )?;
    line(
        tr!(lang, "cli-check-history"),
        tr!(
            lang,
            "cli-check-history-counts",
            stages = c.stage_changes,
            values = c.history
        ),
    )?;
    if !report.ok {
        eprintln!(
            "{}",
            tr!(lang, "cli-check-failed", path = report.path.to_string())
        );
    }
    Ok(report.ok)
}

pub fn backup(session: &Session, args: &BackupArgs) -> Result<bool> {
    maintenance::backup(&session.store, &args.file)?;
    outln!(
        "{}",
        tr!(
            session.config.language,
            "cli-backed-up",
            db = session.store.path(),
            file = args.file.display().to_string()
        )
    )?;
    Ok(true)
}
