//! An open database with its config: what both faces work with.

use crate::config::{Config, default_database_path};
use crate::error::{Error, Result};
use crate::features::scores;
use crate::model::dates::today;
use crate::store::Store;
use std::path::{Path, PathBuf};

pub struct Session {
    pub config: Config,
    pub store: Store,
}

impl Session {
    /// Loads the config (`config`, else the platform file), opens the database (`db`, else
    /// `[database] path`, else the platform data directory) and brings scores up to date.
    pub fn open(db: Option<&Path>, config: Option<&Path>) -> Result<Session> {
        let (config, _) = Config::load(config)?;
        let path = database_path(db, &config)?;
        let mut store = Store::open(&path, &config.user_name())?;
        match scores::ensure_fresh(&mut store, &config.scoring, today()) {
            // A database this process may not write keeps the scores it has: reading it
            // must still work.
            Ok(_) | Err(Error::ReadOnly { .. }) => {}
            Err(e) => return Err(e),
        }
        Ok(Session { config, store })
    }

    /// A session on a private in-memory database (tests, trying things out).
    pub fn in_memory(config: Config) -> Result<Session> {
        let store = Store::open_in_memory(&config.user_name())?;
        Ok(Session { config, store })
    }
}

/// `db` (from `--db` or `LEADTRACK_DB`), else `[database] path`, else the data directory.
pub fn database_path(db: Option<&Path>, config: &Config) -> Result<PathBuf> {
    db.map(Path::to_path_buf)
        .or_else(|| config.database.path.clone())
        .or_else(default_database_path)
        .ok_or_else(|| Error::said_plain("error-no-home-for-database"))
}
