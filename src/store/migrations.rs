//! Numbered migrations, applied in order at open. Files are only ever added, never edited.

use crate::error::{Error, Result};
use rusqlite::Connection;

/// Marks a file as a leadtrack database (`PRAGMA application_id`, "LTRK").
pub const APPLICATION_ID: i64 = 0x4C54_524B;

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_stage_totals.sql"),
];

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// What a file holds, read before anything is written to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// An empty file or one with no tables: a new database.
    Empty,
    /// A leadtrack database at this schema version.
    Leadtrack(i64),
}

/// Looks at a freshly opened connection without writing anything.
pub fn inspect(conn: &Connection, path: &str) -> Result<Found> {
    let read = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0));
    let app_id = read("PRAGMA application_id").map_err(|e| Error::from(e).at_path(path))?;
    let version = read("PRAGMA user_version").map_err(|e| Error::from(e).at_path(path))?;
    let tables =
        read("SELECT count(*) FROM sqlite_schema").map_err(|e| Error::from(e).at_path(path))?;
    match (app_id, version, tables) {
        (0, 0, 0) => Ok(Found::Empty),
        (APPLICATION_ID, v, _) if v > LATEST => Err(Error::NewerSchema {
            path: path.to_string(),
            found: v,
            known: LATEST,
        }),
        (APPLICATION_ID, v, _) if v >= 1 => Ok(Found::Leadtrack(v)),
        _ => Err(Error::NotLeadtrack {
            path: path.to_string(),
        }),
    }
}

/// Applies the migrations after `from`, all in one transaction.
pub fn migrate(conn: &mut Connection, from: i64, path: &str) -> Result<()> {
    if from >= LATEST {
        return Ok(());
    }
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(|e| Error::from(e).at_path(path))?;
    for (index, sql) in MIGRATIONS.iter().enumerate() {
        let version = index as i64 + 1;
        if version > from {
            tx.execute_batch(sql)
                .map_err(|e| Error::from(e).at_path(path))?;
        }
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", LATEST)?;
    tx.commit().map_err(|e| Error::from(e).at_path(path))?;
    Ok(())
}
