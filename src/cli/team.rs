use super::Session;
use super::output::print_json;
use crate::config::Language;
use crate::error::{Error, Result};
use crate::store::merge::MergeCounts;
use crate::sync::{self, RoundReport};
use crate::tr;
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

fn words(c: &MergeCounts, lang: Language) -> String {
    if c.is_empty() {
        tr!(lang, "cli-merge-nothing-new")
    } else {
        tr!(
            lang,
            "cli-merge-counts",
            added = c.added,
            updated = c.updated,
            history = c.history,
            stages = c.stage_changes
        )
    }
}

pub fn sync(session: &mut Session, team_file: Option<&Path>, args: &SyncArgs) -> Result<bool> {
    let lang = session.config.language;
    let team = team_file
        .map(Path::to_path_buf)
        .or_else(|| session.config.team.file.clone())
        .ok_or_else(|| Error::invalid(tr!(lang, "cli-no-team-file")))?;
    let report = sync::run_round(&mut session.store, &session.config, &team)?;
    if args.format == super::import::ReportFormat::Json {
        print_json(&report)?;
    } else {
        print_round(&report, lang)?;
    }
    match report.unpublished() {
        Some(refusal) => Err(refusal),
        None => Ok(true),
    }
}

fn print_round(r: &RoundReport, lang: Language) -> Result<()> {
    let team = r.team_file.to_string();
    if r.created {
        outln!("{}", tr!(lang, "cli-team-created", file = team.as_str()))?;
    } else {
        let counts = words(&r.from_team, lang);
        outln!(
            "{}",
            tr!(
                lang,
                "cli-merged-from",
                file = team.as_str(),
                counts = counts
            )
        )?;
    }
    for c in &r.conflicted {
        outln!(
            "{}",
            tr!(
                lang,
                "cli-merged-from-conflicted",
                file = c.file.to_string(),
                counts = words(&c.counts, lang),
                moved = c.archived_to.to_string()
            )
        )?;
    }
    for s in &r.skipped {
        outln!(
            "{}",
            tr!(
                lang,
                "cli-left-alone",
                file = s.file.to_string(),
                reason = s.reason.to_string()
            )
        )?;
    }
    if r.published {
        outln!("{}", tr!(lang, "cli-published", file = team.as_str()))?;
    } else if r.read_only_folder.is_none() {
        outln!("{}", tr!(lang, "cli-team-holds-everything"))?;
    }
    for warning in sync::clock::warnings(r, lang) {
        outln!("{warning}")?;
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
        let lang = session.config.language;
        outln!(
            "{}",
            tr!(
                lang,
                "cli-merged-from",
                file = shown,
                counts = words(&counts, lang)
            )
        )?;
    }
    Ok(true)
}
