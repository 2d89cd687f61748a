//! The database's generation: a number that grows with every write transaction that changes
//! shared data, and the `touched` mark it leaves on each row it changed (schema 9). A sync
//! round that took in another rep's file at generation G reads only the rows that file
//! touched after G, and knows this database has nothing new when its own generation has not
//! moved since it last matched the team file.

use super::{read_meta, write_meta};
use crate::error::Result;
use rusqlite::Connection;

/// The tables whose rows carry `touched`.
pub(crate) const TOUCHED_TABLES: [&str; 11] = [
    "leads",
    "contacts",
    "activities",
    "lead_contacts",
    "contact_values",
    "campaigns",
    "goals",
    "segments",
    "stage_changes",
    "history",
    "tag_marks",
];

/// A write transaction's generation, and what to put back if it changes nothing shared.
pub(crate) struct Turn {
    before: Option<String>,
    now: i64,
    purged: i64,
}

impl Turn {
    /// The generation before this transaction began.
    pub(crate) fn before(&self) -> i64 {
        self.before
            .as_deref()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    }
}

/// The current generation of the database on `conn` (0 before its first change).
pub fn current(conn: &Connection) -> Result<i64> {
    Ok(read_meta(conn, "generation")?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

/// Starts a write transaction's generation: one past the last, and never below the wall
/// clock in milliseconds, so a database restored from a backup still counts upwards from
/// every generation it had ever published.
pub(crate) fn begin(conn: &Connection, wall_ms: i64) -> Result<Turn> {
    let before = read_meta(conn, "generation")?;
    let last = before.as_deref().and_then(|v| v.parse::<i64>().ok());
    let now = last.map_or(wall_ms, |last| (last + 1).max(wall_ms));
    write_meta(conn, "generation", &now.to_string())?;
    let purged = conn.query_row("SELECT count(*) FROM purged", [], |r| r.get(0))?;
    Ok(Turn {
        before,
        now,
        purged,
    })
}

/// Ends a write transaction's generation: kept when the transaction changed shared data
/// (a row touched, a contact purged), else put back, so that a write that changed nothing
/// (a score recounted, a save of the same value) gives a round nothing to publish.
pub(crate) fn end(conn: &Connection, turn: Turn) -> Result<()> {
    for table in TOUCHED_TABLES {
        let changed: bool = conn
            .prepare_cached(&format!(
                "SELECT EXISTS (SELECT 1 FROM {table} WHERE touched = ?1)"
            ))?
            .query_row([turn.now], |r| r.get(0))?;
        if changed {
            return Ok(());
        }
    }
    let purged: i64 = conn.query_row("SELECT count(*) FROM purged", [], |r| r.get(0))?;
    if purged != turn.purged {
        return Ok(());
    }
    match turn.before {
        Some(before) => write_meta(conn, "generation", &before),
        None => {
            conn.execute("DELETE FROM meta WHERE key = 'generation'", [])?;
            Ok(())
        }
    }
}
