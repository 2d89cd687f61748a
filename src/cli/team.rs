use super::Session;
use super::output::print_json;
use crate::error::{Error, Result};
use crate::store::merge::MergeCounts;
use crate::sync::{self, RoundReport};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct SyncArgs {
    #[arg(long, value_enum, default_value_t)]
    format: super::import::ReportFormat,
}

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// Another leadtrack database (a colleague's copy, a backup, a team file).
    other: PathBuf,
    #[arg(long, value_enum, default_value_t)]
    format: super::import::ReportFormat,
}

fn words(c: &MergeCounts) -> String {
    if c.is_empty() {
        "nothing new".to_string()
    } else {
        format!(
            "{} new records, {} updated, {} earlier values kept in history, {} stage changes",
            c.added, c.updated, c.history, c.stage_changes
        )
    }
}

pub fn sync(session: &mut Session, team_file: Option<&Path>, args: &SyncArgs) -> Result<bool> {
    let team = team_file
        .map(Path::to_path_buf)
        .or_else(|| session.config.team.file.clone())
        .ok_or_else(|| {
            Error::invalid("no team file: set [team] file in the config or give --team-file PATH")
        })?;
    let report = sync::run_round(&mut session.store, &session.config, &team)?;
    if args.format == super::import::ReportFormat::Json {
        print_json(&report)?;
    } else {
        print_round(&report)?;
    }
    Ok(true)
}

fn print_round(r: &RoundReport) -> Result<()> {
    if r.created {
        outln!("Created the team file {}", r.team_file)?;
    } else {
        outln!("From {}: {}", r.team_file, words(&r.from_team))?;
    }
    for c in &r.conflicted {
        outln!(
            "From the conflicted copy {}: {} (moved to {})",
            c.file,
            words(&c.counts),
            c.archived_to
        )?;
    }
    for s in &r.skipped {
        outln!("Left alone {}: {}", s.file, s.reason)?;
    }
    if r.published {
        outln!("Published to {}", r.team_file)?;
    } else {
        outln!("The team file already holds everything here")?;
    }
    Ok(())
}

pub fn merge(session: &mut Session, args: &MergeArgs) -> Result<bool> {
    let shown = args.other.display().to_string();
    let counts = sync::round::merge_file(&mut session.store, &args.other, None)?;
    crate::features::scores::refresh_merged(
        &mut session.store,
        &session.config.scoring,
        &counts.leads_touched,
        crate::model::dates::today(),
    )?;
    if args.format == super::import::ReportFormat::Json {
        print_json(&counts)?;
    } else {
        outln!("From {shown}: {}", words(&counts))?;
    }
    Ok(true)
}
