//! Team sharing through one synced database file (SPEC §5).
//!
//! Each rep works on a local database. The team file in a synced folder is never opened in
//! place: a round copies it privately, checks the copy, merges it (and every conflicted copy
//! a sync tool left beside it) into the local database, then publishes a fresh snapshot of
//! the local database over the team file by an atomic rename.

pub mod clock;
pub mod files;
pub mod round;
pub mod server;
pub mod worker;

pub use round::{RoundReport, run_round};

pub use server::{ServerReport, run_server_round};

use crate::error::{Error, Result};
use crate::store::server::Target;
use std::path::PathBuf;

/// Where a team shares its data: a file in a synced folder, or a PostgreSQL server.
#[derive(Debug, Clone)]
pub enum Team {
    File(PathBuf),
    Server(Box<Target>),
}

impl From<PathBuf> for Team {
    fn from(path: PathBuf) -> Team {
        Team::File(path)
    }
}

impl Team {
    /// The team place a command works with: `--team-file` or `--team-server` when given
    /// (they replace the config's), else the config's `[team]`. Both at once is refused.
    pub fn choose(
        file: Option<PathBuf>,
        server: Option<String>,
        config: &crate::config::TeamConfig,
    ) -> Result<Option<Team>> {
        let (file, server) = if file.is_some() || server.is_some() {
            (file, server)
        } else {
            (config.file.clone(), config.server.clone())
        };
        match (file, server) {
            (Some(file), Some(server)) => Err(Error::said(
                "error-team-file-and-server",
                [
                    ("file", file.display().to_string()),
                    ("server", server_shown(&server)),
                ],
            )),
            (Some(file), None) => Ok(Some(Team::File(file))),
            (None, Some(server)) => Ok(Some(Team::Server(Box::new(Target::parse(&server)?)))),
            (None, None) => Ok(None),
        }
    }

    /// How messages name it.
    pub fn shown(&self) -> String {
        match self {
            Team::File(path) => path.display().to_string(),
            Team::Server(target) => target.shown().to_string(),
        }
    }
}

fn server_shown(address: &str) -> String {
    Target::parse(address).map_or_else(|_| "postgresql://…".to_string(), |t| t.shown().to_string())
}
