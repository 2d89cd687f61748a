//! This database's side of a team server round: the rows it changed since its last push,
//! and the rows pulled from the server merged in by the same laws as a team file's.
//!
//! Pulled rows are written to a private scratch database shaped like this one's synced
//! tables, then merged from there as a copy is (`merge::merge_attached_since`): one rule for
//! clocks, history, tag marks, tombstones and purges, whichever way changes arrive.

use super::generation::{self, TOUCHED_TABLES};
use super::pulled::{PulledRow, RowReader};
use super::server::Change;
use super::{Store, merge, read_meta, set_meta};
use crate::error::{Error, Result};
use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};
use std::collections::HashMap;
use std::path::PathBuf;

/// The local generation last pushed: rows touched after it have not been.
pub(crate) const PUSHED: &str = "server:pushed";
/// The same for the history, which a pull does not move: the values a pull's merge found
/// losing are this database's own news (the row they lost to may leave the server once a
/// rep's push holds it, and the loss must be told by someone).
const PUSHED_HISTORY: &str = "server:pushed_history";
/// The newest stamp among authors, their names and purges last pushed.
const PUSHED_HLC: &str = "server:pushed_hlc";
/// The server's change sequence last pulled.
const PULLED: &str = "server:pulled";

/// The tables that carry no `touched`: sent by their stamps.
const STAMPED_TABLES: [&str; 3] = ["authors", "author_names", "purged"];

/// Columns kept on this machine only: derived from the synced ones, or its own bookkeeping.
const LOCAL_COLUMNS: [&str; 12] = [
    "seq",
    "touched",
    "score",
    "rank",
    "last_activity_at",
    "board_key",
    "due_key",
    "value_key",
    "quiet_key",
    "sort_key",
    "name_key",
    "match_key",
];

/// Where this database stands with the team server.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Watermarks {
    pub pushed: i64,
    pub pushed_history: i64,
    pub pulled: i64,
}

impl Watermarks {
    /// The push watermark of `table`'s rows.
    fn of(&self, table: &str) -> i64 {
        if table == "history" {
            self.pushed_history
        } else {
            self.pushed
        }
    }
}

/// What a push read: up to which generation and stamp.
#[derive(Debug, Clone, Default)]
pub struct Outgoing {
    pub generation: i64,
    pub hlc: String,
    pub rows: usize,
}

fn kind_of(table: &str) -> &'static str {
    TOUCHED_TABLES
        .iter()
        .chain(STAMPED_TABLES.iter())
        .find(|t| **t == table)
        .copied()
        .unwrap_or("")
}

/// A row's key on the server (rows of one key replace each other there) and the record it
/// belongs to.
fn key_of(kind: &str, row: &serde_json::Map<String, serde_json::Value>) -> (String, String) {
    let text = |name: &str| match row.get(name) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    match kind {
        "stage_changes" => (text("id"), text("lead_id")),
        "history" => (
            format!(
                "{}\u{1f}{}\u{1f}{}",
                text("record_id"),
                text("field"),
                text("value_hlc")
            ),
            text("record_id"),
        ),
        "tag_marks" => (
            format!("{}\u{1f}{}", text("record_id"), text("tag")),
            text("record_id"),
        ),
        "authors" => (text("node"), text("node")),
        "author_names" => (
            format!("{}\u{1f}{}", text("node"), text("hlc")),
            text("node"),
        ),
        _ => (text("id"), text("id")),
    }
}

fn to_json(value: Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Integer(i) => i.into(),
        Value::Real(f) => f.into(),
        Value::Text(t) => t.into(),
        Value::Blob(b) => b
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect::<String>()
            .into(),
    }
}

fn columns(conn: &Connection, schema: &str, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT name FROM pragma_table_info('{table}', '{schema}')"
    ))?;
    let names = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(names)
}

/// Where the database on `conn` stands with the team server.
pub(crate) fn watermarks_in(conn: &Connection) -> Result<Watermarks> {
    let number = |key| -> Result<i64> {
        Ok(read_meta(conn, key)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0))
    };
    Ok(Watermarks {
        pushed: number(PUSHED)?,
        pushed_history: number(PUSHED_HISTORY)?,
        pulled: number(PULLED)?,
    })
}

/// How many rows of the database on `conn` wait to be pushed.
pub(crate) fn waiting_in(conn: &Connection) -> Result<i64> {
    let marks = watermarks_in(conn)?;
    let hlc = read_meta(conn, PUSHED_HLC)?.unwrap_or_default();
    let mut total = 0;
    for table in TOUCHED_TABLES {
        let since = marks.of(table);
        let n: i64 = conn
            .prepare_cached(&format!("SELECT count(*) FROM {table} WHERE touched > ?1"))?
            .query_row([since], |r| r.get(0))?;
        total += n;
    }
    for table in STAMPED_TABLES {
        let n: i64 = conn
            .prepare_cached(&format!("SELECT count(*) FROM {table} WHERE hlc > ?1"))?
            .query_row([&hlc], |r| r.get(0))?;
        total += n;
    }
    Ok(total)
}

/// The newest stamp among the rows sent by their stamps (authors, their names, purges).
fn newest_fact_stamp(conn: &Connection) -> Result<Option<String>> {
    let sql = STAMPED_TABLES
        .map(|table| format!("SELECT max(hlc) AS h FROM {table}"))
        .join(" UNION ALL ");
    Ok(conn.query_row(&format!("SELECT max(h) FROM ({sql})"), [], |r| r.get(0))?)
}

/// Marks the database on `conn` as holding every change up to the server's `pulled` and
/// as having pushed everything it holds (a new rep's database started from a snapshot).
pub(crate) fn mark_synced_in(conn: &Connection, pulled: i64) -> Result<()> {
    let generation = generation::current(conn)?;
    super::write_meta(conn, PUSHED, &generation.to_string())?;
    super::write_meta(conn, PUSHED_HISTORY, &generation.to_string())?;
    let newest = newest_fact_stamp(conn)?;
    super::write_meta(conn, PUSHED_HLC, &newest.unwrap_or_default())?;
    super::write_meta(conn, PULLED, &pulled.to_string())
}

impl Store {
    pub fn watermarks(&self) -> Result<Watermarks> {
        watermarks_in(&self.conn)
    }

    /// How many rows wait to be pushed (what the status line says while the server is out
    /// of reach).
    pub fn waiting_to_push(&self) -> Result<i64> {
        self.read(waiting_in)
    }

    /// Hands every row changed since the last push to `send`, in batches, from one moment
    /// of the database; says up to where.
    pub fn outgoing(
        &self,
        batch: usize,
        send: &mut dyn FnMut(Vec<Change>) -> Result<()>,
    ) -> Result<Outgoing> {
        let marks = self.watermarks()?;
        let since_hlc = read_meta(&self.conn, PUSHED_HLC)?.unwrap_or_default();
        self.outgoing_since(marks, since_hlc, batch, send)
    }

    /// Hands every row this database holds to `send` (a team file moving to a server).
    pub fn outgoing_all(
        &self,
        batch: usize,
        send: &mut dyn FnMut(Vec<Change>) -> Result<()>,
    ) -> Result<Outgoing> {
        let all = Watermarks {
            pushed: i64::MIN,
            pushed_history: i64::MIN,
            pulled: 0,
        };
        self.outgoing_since(all, String::new(), batch, send)
    }

    fn outgoing_since(
        &self,
        marks: Watermarks,
        since_hlc: String,
        batch: usize,
        send: &mut dyn FnMut(Vec<Change>) -> Result<()>,
    ) -> Result<Outgoing> {
        self.read(|conn| {
            let mut out = Outgoing {
                generation: generation::current(conn)?,
                hlc: since_hlc.clone(),
                rows: 0,
            };
            let tables = TOUCHED_TABLES
                .iter()
                .map(|t| (*t, "touched > ?1", Value::Integer(marks.of(t))))
                .chain(
                    STAMPED_TABLES
                        .iter()
                        .map(|t| (*t, "hlc > ?1", Value::Text(since_hlc.clone()))),
                );
            for (table, newer, since) in tables {
                let names = columns(conn, "main", table)?;
                let mut stmt = conn.prepare(&format!("SELECT * FROM {table} WHERE {newer}"))?;
                let mut rows = stmt.query([since])?;
                let mut pending = Vec::new();
                while let Some(r) = rows.next()? {
                    let mut row = serde_json::Map::new();
                    for (i, name) in names.iter().enumerate() {
                        if LOCAL_COLUMNS.contains(&name.as_str()) {
                            continue;
                        }
                        row.insert(name.clone(), to_json(r.get::<_, Value>(i)?));
                    }
                    if STAMPED_TABLES.contains(&table)
                        && let Some(serde_json::Value::String(h)) = row.get("hlc")
                        && *h > out.hlc
                    {
                        out.hlc = h.clone();
                    }
                    let kind = kind_of(table);
                    let (key, record) = key_of(kind, &row);
                    pending.push(Change {
                        kind,
                        key,
                        record,
                        row: serde_json::Value::Object(row).to_string(),
                    });
                    if pending.len() >= batch {
                        out.rows += pending.len();
                        send(std::mem::take(&mut pending))?;
                    }
                }
                if !pending.is_empty() {
                    out.rows += pending.len();
                    send(pending)?;
                }
            }
            Ok(out)
        })
    }

    /// Remembers that the server holds everything `sent` read.
    pub fn note_pushed(&mut self, sent: &Outgoing) -> Result<()> {
        let tx = self.conn.transaction()?;
        super::write_meta(&tx, PUSHED, &sent.generation.to_string())?;
        super::write_meta(&tx, PUSHED_HISTORY, &sent.generation.to_string())?;
        super::write_meta(&tx, PUSHED_HLC, &sent.hlc)?;
        tx.commit()?;
        Ok(())
    }

    /// A scratch database beside this one for the rows `rows` reads.
    pub fn incoming(&self, rows: &RowReader) -> Result<Incoming> {
        Incoming::new(self, rows)
    }

    /// What reads pulled rows into the columns of this database's synced tables.
    pub fn row_reader(&self) -> Result<RowReader> {
        let conn = self.conn();
        TOUCHED_TABLES
            .iter()
            .chain(STAMPED_TABLES.iter())
            .map(|&table| Ok((table, columns(conn, "main", table)?)))
            .collect::<Result<_>>()
            .map(RowReader::new)
    }

    /// Merges what `incoming` holds, in one transaction that also moves the pull watermark
    /// to `last`. When nothing here waited to be pushed, the push watermark moves past what
    /// the merge wrote (those rows came from the server: sending them back would echo).
    pub fn merge_pulled(
        &mut self,
        incoming: Incoming,
        last: i64,
        shown: &str,
    ) -> Result<merge::MergeCounts> {
        let path = incoming.finish()?;
        let source = path.display().to_string();
        let pushed_before = self.watermarks()?.pushed;
        let merged = self.merge_from(&source, shown, |w| {
            let nothing_waited = w
                .turn
                .as_ref()
                .is_some_and(|turn| turn.before() == pushed_before);
            let counts = if super::published::holds_no_records(w.conn())? {
                merge::merge_attached_into_new(w)?
            } else {
                merge::merge_attached_since(w, None)?
            };
            set_meta(w, PULLED, &last.to_string())?;
            if nothing_waited {
                if let Some(newest) = newest_fact_stamp(w.conn())? {
                    set_meta(w, PUSHED_HLC, &newest)?;
                }
                w.pushed_at_commit = true;
            }
            Ok(counts)
        });
        let _ = std::fs::remove_file(&path);
        merged
    }

    /// Moves the pull watermark alone (a pull that brought nothing).
    pub fn note_pulled(&mut self, last: i64) -> Result<()> {
        super::write_meta(&self.conn, PULLED, &last.to_string())
    }
}

/// Rows pulled from the server, gathered in a scratch database shaped like this one's synced
/// tables. Rows of the same key pushed by several reps are all kept for the records (the
/// merge joins them one after another) and settled here for the facts.
pub struct Incoming {
    conn: Connection,
    path: PathBuf,
    inserts: HashMap<&'static str, String>,
    pub rows: usize,
}

impl Incoming {
    fn new(store: &Store, rows: &RowReader) -> Result<Incoming> {
        let path = scratch_file(store, SCRATCH)?;
        let conn = Connection::open(&path)?;
        conn.execute_batch(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -16384;",
        )?;
        let mut inserts = HashMap::new();
        // A kind of row is named after its table.
        for (table, names) in rows.kinds() {
            let defs = names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>();
            conn.execute(&format!("CREATE TABLE {table} ({})", defs.join(", ")), [])?;
            let marks = vec!["?"; names.len()].join(", ");
            let upsert = match table {
                "authors" => {
                    conn.execute("CREATE UNIQUE INDEX authors_key ON authors (node)", [])?;
                    " ON CONFLICT (node) DO UPDATE SET name = excluded.name, hlc = excluded.hlc
                      WHERE excluded.hlc > authors.hlc"
                }
                "author_names" => {
                    conn.execute(
                        "CREATE UNIQUE INDEX names_key ON author_names (node, hlc)",
                        [],
                    )?;
                    " ON CONFLICT DO NOTHING"
                }
                "purged" => {
                    conn.execute("CREATE UNIQUE INDEX purged_key ON purged (id)", [])?;
                    " ON CONFLICT DO NOTHING"
                }
                "history" => {
                    conn.execute(
                        "CREATE UNIQUE INDEX history_key ON history (record_id, field, value_hlc)",
                        [],
                    )?;
                    " ON CONFLICT DO NOTHING"
                }
                "stage_changes" => {
                    conn.execute("CREATE UNIQUE INDEX stage_key ON stage_changes (id)", [])?;
                    " ON CONFLICT (id) DO UPDATE SET undone = max(undone, excluded.undone)"
                }
                "tag_marks" => {
                    conn.execute(
                        "CREATE UNIQUE INDEX marks_key ON tag_marks (record_id, tag)",
                        [],
                    )?;
                    " ON CONFLICT (record_id, tag) DO UPDATE SET entity = excluded.entity,
                      present = excluded.present, hlc = excluded.hlc, pos = excluded.pos,
                      added_hlc = excluded.added_hlc WHERE excluded.hlc > tag_marks.hlc"
                }
                _ => "",
            };
            let sql = format!(
                "INSERT INTO {table} ({}) VALUES ({marks}){upsert}",
                defs.join(", ")
            );
            inserts.insert(table, sql);
        }
        conn.execute_batch("BEGIN")?;
        Ok(Incoming {
            conn,
            path,
            inserts,
            rows: 0,
        })
    }

    /// Takes one pulled row, as the `RowReader` it was made for read it.
    pub fn add(&mut self, row: PulledRow) -> Result<()> {
        let Some(sql) = self.inserts.get(row.kind) else {
            return Ok(());
        };
        self.conn
            .prepare_cached(sql)?
            .execute(params_from_iter(row.values))?;
        self.rows += 1;
        Ok(())
    }

    fn finish(self) -> Result<PathBuf> {
        self.conn.execute_batch("COMMIT")?;
        let path = self.path.clone();
        drop(self);
        Ok(path)
    }
}

/// How a pull's scratch database is named: this, the pulling process's id, a dash.
const SCRATCH: &str = ".leadtrack-pull-";

/// A new, empty scratch file named `prefix`, this process's id and a dash, beside `store`'s
/// database (the temporary folder when that folder cannot be written); those left by
/// processes that are gone are removed first.
pub(crate) fn scratch_file(store: &Store, prefix: &str) -> Result<PathBuf> {
    let folder = super::folder_of(std::path::Path::new(store.path()));
    super::leftovers::remove_abandoned(&folder, prefix);
    let own = super::leftovers::own_prefix(prefix);
    let file = tempfile::Builder::new()
        .prefix(&own)
        .suffix(".db")
        .tempfile_in(&folder)
        .or_else(|_| tempfile::Builder::new().suffix(".db").tempfile())
        .map_err(|e| {
            Error::said(
                "error-cannot-write",
                [
                    ("path", crate::i18n::Arg::from(folder.display().to_string())),
                    ("reason", crate::i18n::io_reason(&e)),
                ],
            )
        })?;
    let (_, path) = file.keep().map_err(|e| Error::invalid(e.to_string()))?;
    Ok(path)
}

impl Drop for Incoming {
    fn drop(&mut self) {
        // Dropped before `finish` (a pull that failed): the scratch file goes too.
        if self.conn.is_autocommit() {
            return;
        }
        let _ = std::fs::remove_file(&self.path);
    }
}
