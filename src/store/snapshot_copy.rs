//! This side of a team server's snapshots: the copy of this database the owner publishes,
//! and a new rep's empty database made that copy.

use super::team_server::{mark_synced_in, waiting_in, watermarks_in};
use super::{Store, read_meta, write_meta};
use crate::error::{Error, Result};
use rusqlite::Connection;
use std::path::Path;

/// The meta a copy keeps from the database it was made of: the generation its rows were
/// touched up to, its clock, what its scores were worked out by, its team. The rest (which
/// database this is, where it stands with a team file or server) is the adopting one's.
const KEPT: [&str; 4] = ["generation", "hlc", "score_basis", "team_id"];

/// A copy made for a snapshot.
#[derive(Debug, Clone, Copy)]
pub struct SnapshotCopy {
    /// The last server change it holds.
    pub upto: i64,
    /// Its schema version.
    pub schema: i32,
    /// Rows in it that the server does not hold yet.
    pub waiting: i64,
}

impl Store {
    /// A copy of this database at the new file `dest`, of one moment, for a snapshot: with
    /// the last server change it holds and how many of its rows wait to be pushed (a copy
    /// holding those would hand new reps what the team does not have).
    pub fn snapshot_copy(&self, dest: &Path) -> Result<SnapshotCopy> {
        self.page_copy_to(dest)?;
        let shown = dest.display().to_string();
        let conn = Connection::open(dest).map_err(|e| Error::from(e).at_path(&shown))?;
        let schema: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        Ok(SnapshotCopy {
            upto: watermarks_in(&conn)?.pulled,
            schema,
            waiting: waiting_in(&conn)?,
        })
    }

    /// Makes this database, which holds no records, the snapshot copy at `copy`, which holds
    /// every change up to the server's `upto` (a new rep joining a team server): one write,
    /// all of it or nothing. It keeps its own node and settings, counts what the copy holds
    /// as pushed and pulled, and takes the copy's clock, generation and scores. A copy that
    /// does not read as a database of this schema is `damaged(reason)`, and nothing changes.
    pub fn adopt_snapshot(
        &mut self,
        copy: &Path,
        upto: i64,
        damaged: impl Fn(String) -> Error,
    ) -> Result<()> {
        let mine: Vec<(String, String)> = self
            .conn
            .prepare("SELECT key, value FROM meta")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let schema = self.schema_version()?;
        let source = settle_copy(copy, upto, schema, &mine).map_err(|e| damaged(e.to_string()))?;
        self.copy_pages_from(&source)?;
        self.back_to_wal()?;
        // Copied through the WAL, the log is as large as the database: given back to the
        // disk once its pages are in the file.
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

/// Opens the copy at `path` and gives it this database's meta (`mine`), but for what it
/// keeps of its own, marked as holding every change up to `upto`, all pushed.
fn settle_copy(
    path: &Path,
    upto: i64,
    schema: i64,
    mine: &[(String, String)],
) -> Result<Connection> {
    let mut conn = Connection::open(path)?;
    let theirs: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if theirs != schema {
        return Err(Error::invalid(format!(
            "schema {theirs}, this leadtrack's is {schema}"
        )));
    }
    let tx = conn.transaction()?;
    let newer = |key: &str, theirs: Option<String>| -> Option<String> {
        let own = mine.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        match (own, theirs) {
            (Some(a), Some(b)) if key == "generation" => {
                let number = |v: &str| v.parse::<i64>().unwrap_or(0);
                Some(if number(&a) > number(&b) { a } else { b })
            }
            (a, b) => a.max(b),
        }
    };
    let generation = newer("generation", read_meta(&tx, "generation")?);
    let hlc = newer("hlc", read_meta(&tx, "hlc")?);
    let placeholders = vec!["?"; KEPT.len()].join(", ");
    tx.execute(
        &format!("DELETE FROM meta WHERE key NOT IN ({placeholders})"),
        rusqlite::params_from_iter(KEPT),
    )?;
    for (key, value) in mine {
        if !KEPT.contains(&key.as_str()) && !key.starts_with("server:") {
            write_meta(&tx, key, value)?;
        }
    }
    for (key, value) in [("generation", generation), ("hlc", hlc)] {
        if let Some(value) = value {
            write_meta(&tx, key, &value)?;
        }
    }
    mark_synced_in(&tx, upto)?;
    tx.commit()?;
    Ok(conn)
}
