//! The command line (SPEC §4): one small function per subcommand — parse, call a feature,
//! print.

/// `println!` for command output: a closed pipe (`leadtrack lead list | head`) ends the
/// command quietly instead of a panic.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::cli::output::write_line(format_args!($($arg)*))
    };
}

mod activity;
mod campaign;
mod contact;
mod dedupe;
mod demo;
mod export;
mod filters;
mod goal;
pub mod help;
mod import;
mod lead;
mod log;
mod maintenance;
pub mod output;
pub mod parse;
mod progress;
pub mod refusals;
mod search;
mod segment;
mod setup;
mod stats;
mod team;

pub use crate::session::Session;

use crate::error::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "leadtrack",
    version,
    about = "A terminal lead tracker for sales reps: leads, business cards, follow-ups.",
    long_about = "A terminal lead tracker for sales reps.\n\nWith no command, opens the app on the \
                  database. Commands below work on the same database for scripts.",
    after_help = "Dates: today, tomorrow, +3d, +2w, +1m, friday, 12/1, 2026-12-01, 明日, 3日後.\n\
                  IDs: any unique prefix of 4 or more characters."
)]
pub struct Cli {
    /// The database file (default: leadtrack.db in the platform data directory).
    #[arg(long, global = true, env = "LEADTRACK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// The config file (default: config.toml in the platform config directory).
    #[arg(long, global = true, env = "LEADTRACK_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// The team file shared through a synced folder (default: [team] file of the config).
    #[arg(long, global = true, env = "LEADTRACK_TEAM_FILE", value_name = "PATH")]
    pub team_file: Option<PathBuf>,
    /// The team server, a PostgreSQL address such as postgresql://sato@db.example.jp/sales
    /// (default: [team] server of the config). Not together with a team file.
    #[arg(long, global = true, env = "LEADTRACK_TEAM_SERVER", value_name = "URL")]
    pub team_server: Option<String>,
    /// The language of everything shown: en or ja (default: [ui] language of the config,
    /// else the locale).
    #[arg(long, global = true, env = "LEADTRACK_LANG", value_name = "LANG")]
    pub lang: Option<crate::config::Language>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fill the database with realistic demo data.
    Demo(demo::DemoArgs),
    /// Add, list, show, change, move and delete leads.
    #[command(subcommand)]
    Lead(lead::LeadCommand),
    /// Add, list, show, change and delete contacts (business cards).
    #[command(subcommand)]
    Contact(contact::ContactCommand),
    /// Bring business cards or leads in from CSV or vCard files.
    #[command(subcommand)]
    Import(import::ImportCommand),
    /// Write contacts, leads or activities out as CSV, JSON or vCard.
    #[command(subcommand)]
    Export(export::ExportCommand),
    /// Find contacts that are probably one person; --apply merges them.
    Dedupe(dedupe::DedupeArgs),
    /// Record an activity (call, meeting, email, note...) with the next action.
    Log(log::LogArgs),
    /// List a lead's activities, change or delete a logged one.
    #[command(subcommand)]
    Activity(activity::ActivityCommand),
    /// Campaigns (exhibitions, seminars, newsletters...) and what each brought for its cost.
    #[command(subcommand)]
    Campaign(campaign::CampaignCommand),
    /// Segments for nurturing: filters saved by name, whose people `export contacts
    /// --segment` writes out for a mail tool.
    #[command(subcommand)]
    Segment(segment::SegmentCommand),
    /// Step goals for a month or a quarter (new leads, to considering, meetings, wins, won
    /// value), for the team or a rep, with their pace.
    #[command(subcommand)]
    Goal(goal::GoalCommand),
    /// Find leads, contacts and activities by any part of a name, reading or company.
    Search(search::SearchArgs),
    /// The funnel: stages, flow, sources, reps, what won leads were touched by.
    Stats(stats::StatsArgs),
    /// One sync round with the team: the team file (take it in, take in conflicted copies,
    /// publish) or the team server (push what changed here, pull what others pushed).
    Sync(team::SyncArgs),
    /// Set up a team server (`team init`), move a team file onto it (`team migrate`) or
    /// publish a snapshot new reps start from (`team snapshot`).
    #[command(subcommand)]
    Team(team::TeamCommand),
    /// Merge another leadtrack database into this one (the same rules as sync).
    Merge(team::MergeArgs),
    /// Check the config and the database: integrity, schema version, counts.
    Check(maintenance::CheckArgs),
    /// Write a consistent copy of the database.
    Backup(maintenance::BackupArgs),
    /// Where the config and the database are; write a first config; check them.
    #[command(subcommand)]
    Config(setup::ConfigCommand),
    /// Print the shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(setup::CompletionsArgs),
    /// Print the man page (roff): `leadtrack man > leadtrack.1`.
    Man,
}

impl Cli {
    /// `--lang` (or `LEADTRACK_LANG`) over the config's language.
    pub fn apply_language(&self, session: &mut Session) {
        if let Some(lang) = self.lang {
            session.config.language = lang;
        }
    }

    /// `--team-file` or `--team-server` over the config's `[team]` (both at once is refused),
    /// and with a team server, its role as the name changes are made under.
    pub fn apply_team(&self, session: &mut Session) -> Result<()> {
        if self.team_file.is_some() || self.team_server.is_some() {
            crate::sync::Team::choose(
                self.team_file.clone(),
                self.team_server.clone(),
                &session.config.team,
            )?;
            session.config.team.file = self.team_file.clone();
            session.config.team.server = self.team_server.clone();
        }
        let name = session.config.user_name();
        session.store.set_author_name(&name);
        Ok(())
    }

    /// The language of a command that opens no database: `--lang`, else the config's, else
    /// (a config that does not load) the locale's.
    pub fn language(&self) -> crate::config::Language {
        language_of(self.lang, self.config.as_deref(), |name| {
            std::env::var(name).ok()
        })
    }
}

/// The language of what is shown: `lang` when one was asked for, else the config's (the
/// file at `config`, or the default one; a config that does not load is passed over), else
/// the locale's (`env` reads the locale variables).
pub fn language_of(
    lang: Option<crate::config::Language>,
    config: Option<&std::path::Path>,
    env: impl Fn(&str) -> Option<String>,
) -> crate::config::Language {
    lang.unwrap_or_else(|| {
        crate::config::Config::load(config).map_or_else(
            |_| crate::i18n::from_locale(env),
            |(config, _)| config.language,
        )
    })
}

/// Runs one subcommand. `Ok(false)` means it ran but found a problem (e.g. `check`).
pub fn run(cli: &Cli, command: &Command) -> Result<bool> {
    // These work without a database (and `config path` even with a config that is wrong).
    match command {
        Command::Completions(args) => return setup::completions(args),
        Command::Man => return setup::man(),
        Command::Config(setup::ConfigCommand::Path) => return setup::path(cli),
        Command::Config(setup::ConfigCommand::Init) => return setup::init(cli),
        Command::Team(cmd) if !cmd.needs_database() => return team::run_team(cli, cmd),
        _ => {}
    }
    let mut session = Session::open(cli.db.as_deref(), cli.config.as_deref())?;
    cli.apply_language(&mut session);
    cli.apply_team(&mut session)?;
    let shown = session.store.path().to_string();
    let ran = match command {
        Command::Demo(args) => demo::run(&mut session, args),
        Command::Lead(cmd) => lead::run(&mut session, cmd),
        Command::Contact(cmd) => contact::run(&mut session, cmd),
        Command::Import(cmd) => import::run(&mut session, cmd),
        Command::Export(cmd) => export::run(&session, cmd),
        Command::Dedupe(args) => dedupe::run(&mut session, args),
        Command::Log(args) => log::run(&mut session, args),
        Command::Activity(cmd) => activity::run(&mut session, cmd),
        Command::Search(args) => search::run(&session, args),
        Command::Stats(args) => stats::run(&session, args),
        Command::Campaign(cmd) => campaign::run(&mut session, cmd),
        Command::Segment(cmd) => segment::run(&mut session, cmd),
        Command::Goal(cmd) => goal::run(&mut session, cmd),
        Command::Sync(args) => team::sync(&mut session, args),
        Command::Merge(args) => team::merge(&mut session, args),
        Command::Team(team::TeamCommand::Snapshot(args)) => team::snapshot(&mut session, args),
        Command::Check(args) => maintenance::check(&session, args),
        Command::Backup(args) => maintenance::backup(&session, args),
        Command::Config(setup::ConfigCommand::Check(args)) => maintenance::check(&session, args),
        // Answered above, before any database was opened.
        Command::Config(_) | Command::Completions(_) | Command::Man | Command::Team(_) => Ok(true),
    };
    // Reads go from the commands straight to SQLite; damage first met there (a page that
    // does not read, text that is not UTF-8) is named here, with the file it is in.
    let ran = ran.map_err(|e| e.at_path(&shown));
    if !session.store.is_team_file() {
        return ran;
    }
    // A team file opened by name is only read: a change is refused saying why, and what was
    // read comes with a note that it was a look, not the rep's own database.
    match ran {
        Err(crate::Error::ReadOnly { .. }) => Err(crate::Error::said(
            "error-team-file-read-only",
            [("path", shown.as_str())],
        )),
        Err(e) => Err(e),
        Ok(done) => {
            eprintln!(
                "{}",
                crate::model::text::display_safe(&crate::tr!(
                    session.config.language,
                    "note-team-file-read-only",
                    path = shown.as_str()
                ))
            );
            Ok(done)
        }
    }
}
