//! What a well-kept command-line tool offers around its work: shell completions, a man page,
//! and the config file — where it and the database are, a commented one to start from, and a
//! check. None of these opens the database, except `config check`.

use super::Cli;
use crate::config::{Config, default_config_path};
use crate::error::{Error, Result};
use crate::i18n::{Arg, Said, io_reason};
use crate::session::database_path;
use crate::tr;
use clap::CommandFactory;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The commented example config: every key with its default.
const EXAMPLE_CONFIG: &str = include_str!("../../config.example.toml");

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

#[derive(Debug, clap::Subcommand)]
pub enum ConfigCommand {
    /// Where the config file and the database are (whether they exist yet or not).
    Path,
    /// Write the commented example config where leadtrack reads it; never overwrites one.
    Init,
    /// Check the config and the database: the same as `leadtrack check`.
    Check(super::maintenance::CheckArgs),
}

/// `leadtrack completions SHELL`: the completion script on standard output.
pub fn completions(args: &CompletionsArgs) -> Result<bool> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "leadtrack", &mut script);
    super::output::write_data(&script)?;
    Ok(true)
}

/// `leadtrack man`: the man page (roff) on standard output.
pub fn man() -> Result<bool> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|e| {
            Error::Io(Said::new(
                "error-cannot-write-man-page",
                [("reason", io_reason(&e))],
            ))
        })?;
    super::output::write_data(&page)?;
    Ok(true)
}

/// The config file leadtrack reads: `--config`/`LEADTRACK_CONFIG`, else the platform one.
fn config_path(cli: &Cli) -> Result<PathBuf> {
    cli.config
        .clone()
        .or_else(default_config_path)
        .ok_or_else(|| Error::invalid(tr!(cli.language(), "cli-no-config-home")))
}

/// `leadtrack config path`: one line each, `config PATH` and `database PATH`. The two words
/// stay as they are in every language, for scripts that read the lines.
pub fn path(cli: &Cli) -> Result<bool> {
    let lang = cli.language();
    let config = config_path(cli)?;
    // The database may be named in the config; a config that does not load still has a
    // place, and the database is then where it would be without it.
    let loaded = Config::load(cli.config.as_deref());
    let settings = loaded.as_ref().map(|(c, _)| c.clone()).unwrap_or_default();
    let database = database_path(cli.db.as_deref(), &settings)?;
    outln!("config    {}", config.display())?;
    outln!("database  {}", database.display())?;
    if !config.exists() {
        eprintln!("{}", tr!(lang, "cli-note-no-config"));
    }
    if let Err(e) = loaded {
        eprintln!("{}", tr!(lang, "cli-note", message = e.to_string()));
    }
    Ok(true)
}

/// `leadtrack config init`: writes the example config if there is none.
pub fn init(cli: &Cli) -> Result<bool> {
    let lang = cli.language();
    let path = config_path(cli)?;
    write_new(&path, EXAMPLE_CONFIG.as_bytes(), lang)?;
    outln!(
        "{}",
        tr!(
            lang,
            "cli-config-written",
            path = path.display().to_string()
        )
    )?;
    Ok(true)
}

/// Creates `path` with `bytes`, refusing a file that is already there (whatever it holds).
fn write_new(path: &Path, bytes: &[u8], lang: crate::config::Language) -> Result<()> {
    let shown = path.display().to_string();
    let cannot_write = |e: std::io::Error| {
        Error::Io(Said::new(
            "error-cannot-write",
            [
                ("path", Arg::from(shown.as_str())),
                ("reason", io_reason(&e)),
            ],
        ))
    };
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|e| {
            Error::Io(Said::new(
                "cli-cannot-make-folder",
                [
                    ("path", Arg::from(shown.as_str())),
                    ("reason", io_reason(&e)),
                ],
            ))
        })?;
    }
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Error::invalid(tr!(
                lang,
                "cli-config-exists",
                path = shown.as_str()
            )));
        }
        Err(e) => return Err(cannot_write(e)),
    };
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| {
            // A half-written config would be refused at the next start: leave none.
            let _ = std::fs::remove_file(path);
            cannot_write(e)
        })
}
