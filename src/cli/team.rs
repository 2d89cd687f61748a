use super::Session;
use super::output::print_json;
use crate::config::Language;
use crate::error::{Error, Result};
use crate::store::merge::MergeCounts;
use crate::sync::{self, RoundReport};
use crate::tr;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct SyncArgs {
    #[arg(long, value_enum, default_value_t)]
    format: super::output::TableOrJson,
}

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// Another leadtrack database (a colleague's copy, a backup, a team file).
    other: PathBuf,
    #[arg(long, value_enum, default_value_t)]
    format: super::output::TableOrJson,
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

pub fn sync(session: &mut Session, args: &SyncArgs) -> Result<bool> {
    let lang = session.config.language;
    let team = sync::Team::choose(None, None, &session.config.team)?
        .ok_or_else(|| Error::invalid(tr!(lang, "cli-no-team-file")))?;
    let team = match team {
        sync::Team::File(path) => path,
        sync::Team::Server(target) => {
            let r = sync::run_server_round(&mut session.store, &session.config, &target)?;
            report(args.format, &r, || {
                let mut said = Vec::new();
                if let Some(snapshot) = &r.snapshot {
                    said.push(tr!(
                        lang,
                        "cli-snapshot-taken",
                        made = snapshot.made_at.as_str(),
                        size = megabytes(snapshot.size)
                    ));
                }
                if let Some(reason) = &r.snapshot_unusable {
                    said.push(tr!(lang, "cli-snapshot-unusable", reason = reason.as_str()));
                }
                said.push(tr!(
                    lang,
                    "cli-server-round",
                    server = r.server.as_str(),
                    role = r.role.as_str(),
                    pushed = r.pushed.sent,
                    counts = words(&r.pulled, lang)
                ));
                said.join("\n")
            })?;
            return Ok(true);
        }
    };
    let report = sync::run_round(&mut session.store, &session.config, &team)?;
    if args.format == super::output::TableOrJson::Json {
        print_json(&report)?;
    } else {
        print_round(&report, lang)?;
    }
    match report.unpublished() {
        Some(refusal) => Err(refusal),
        None => Ok(true),
    }
}

#[derive(Debug, clap::Subcommand)]
pub enum TeamCommand {
    /// Create or upgrade the team server's tables and grant them to the team's group role
    /// (run as the database's owner).
    Init(InitArgs),
    /// Push everything a team file holds to the team server, with its ids, authors and
    /// history (run as the database's owner; running it again adds nothing).
    Migrate(MigrateArgs),
    /// Sync this database with the team server, then publish a copy of it as the team's
    /// snapshot: a new rep starts from it and pulls only what came after (run as the
    /// database's owner, e.g. nightly).
    Snapshot(SnapshotArgs),
}

impl TeamCommand {
    /// Whether the command works on a local database (`team snapshot` publishes one).
    pub fn needs_database(&self) -> bool {
        matches!(self, TeamCommand::Snapshot(_))
    }
}

#[derive(Debug, clap::Args)]
pub struct SnapshotArgs {
    #[arg(long, value_enum, default_value_t)]
    format: super::output::TableOrJson,
}

/// `team snapshot`: publishes this database, synced first, as the team's snapshot.
pub fn snapshot(session: &mut Session, args: &SnapshotArgs) -> Result<bool> {
    let lang = session.config.language;
    let Some(sync::Team::Server(target)) = sync::Team::choose(None, None, &session.config.team)?
    else {
        return Err(Error::said_plain("error-no-team-server"));
    };
    let done = sync::server::publish_snapshot(&mut session.store, &session.config, &target)?;
    report(args.format, &done, || {
        tr!(
            lang,
            "cli-team-snapshot-published",
            server = done.server.as_str(),
            upto = done.snapshot.upto,
            size = megabytes(done.snapshot.size),
            stored = megabytes(done.snapshot.stored)
        )
    })?;
    Ok(true)
}

/// Bytes as megabytes, one decimal.
fn megabytes(bytes: i64) -> String {
    format!("{:.1}", bytes as f64 / 1_000_000.0)
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The group role the team's reps belong to.
    #[arg(long, default_value = "leadtrack_team", value_name = "ROLE")]
    group: String,
    #[arg(long, value_enum, default_value_t)]
    format: super::output::TableOrJson,
}

#[derive(Debug, clap::Args)]
pub struct MigrateArgs {
    /// The team file to move onto the server.
    #[arg(long, value_name = "TEAM_FILE")]
    from: PathBuf,
    #[arg(long, value_enum, default_value_t)]
    format: super::output::TableOrJson,
}

/// `team init` and `team migrate`: they work on the server, not on a local database.
pub fn run_team(cli: &super::Cli, command: &TeamCommand) -> Result<bool> {
    let (config, _) = crate::config::Config::load(cli.config.as_deref())?;
    let lang = cli.lang.unwrap_or(config.language);
    let server = cli.team_server.clone().or(config.team.server);
    let target = crate::store::server::Target::parse(
        &server.ok_or_else(|| Error::said_plain("error-no-team-server"))?,
    )?;
    match command {
        TeamCommand::Init(args) => {
            let done = crate::features::team::init(&target, &args.group)?;
            report(args.format, &done, || {
                tr!(
                    lang,
                    "cli-team-server-ready",
                    server = done.server.as_str(),
                    version = done.version,
                    group = done.group.as_str()
                )
            })?;
        }
        // Run with the rep's database open (`run`).
        TeamCommand::Snapshot(_) => {}
        TeamCommand::Migrate(args) => {
            let done = crate::features::team::migrate(&target, &args.from)?;
            report(args.format, &done, || {
                tr!(
                    lang,
                    "cli-team-migrated",
                    file = done.file.as_str(),
                    server = done.server.as_str(),
                    pushed = done.pushed,
                    held = done.held
                )
            })?;
        }
    }
    Ok(true)
}

/// `value` as JSON, or the sentence that tells it.
fn report<T: serde::Serialize>(
    format: super::output::TableOrJson,
    value: &T,
    sentence: impl FnOnce() -> String,
) -> Result<()> {
    if format == super::output::TableOrJson::Json {
        print_json(value)
    } else {
        outln!("{}", sentence())
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
    if args.format == super::output::TableOrJson::Json {
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
