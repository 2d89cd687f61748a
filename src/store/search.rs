//! The search index: any substring of names, readings, companies and summaries, ignoring
//! width, case and kana (see `model::text::index_terms`).

use crate::error::Result;
use crate::model::contact_value::phone_query;
use crate::model::text::{index_query, index_terms};
use rusqlite::{Connection, OptionalExtension};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Index {
    Leads,
    Contacts,
    Activities,
}

impl Index {
    fn table(self) -> &'static str {
        match self {
            Index::Leads => "lead_search",
            Index::Contacts => "contact_search",
            Index::Activities => "activity_search",
        }
    }
}

impl Index {
    /// Which indexed records a search finds: an activity as the timeline shows it
    /// (`activities::SHOWN`); one whose lead was deleted stays indexed, for when the lead
    /// comes back, but is not found.
    fn shown(self) -> String {
        match self {
            Index::Leads | Index::Contacts => String::new(),
            Index::Activities => format!(
                "AND EXISTS (SELECT 1 FROM activities a WHERE a.seq = activity_search.rowid
                   AND {})",
                super::activities::SHOWN
            ),
        }
    }

    const ALL: [Index; 3] = [Index::Leads, Index::Contacts, Index::Activities];

    fn number(self) -> i64 {
        match self {
            Index::Leads => 0,
            Index::Contacts => 1,
            Index::Activities => 2,
        }
    }
}

/// Where a transaction's index changes wait until it commits (see `apply_pending`).
pub(crate) const PENDING_TABLE: &str = "CREATE TEMP TABLE IF NOT EXISTS pending_search (
    idx   INTEGER NOT NULL,
    seq   INTEGER NOT NULL,
    terms TEXT,
    fresh INTEGER NOT NULL,
    PRIMARY KEY (idx, seq)
) WITHOUT ROWID";

/// Puts a record's text in the index (replacing what was there), or takes it out (`None`).
/// `fresh`: the record was made in this transaction, so nothing of it is indexed yet.
///
/// The change waits in a temporary table until the transaction commits: FTS5 writes its
/// pending terms out at every statement savepoint, so index writes mixed with other writes
/// would make one index segment per statement; applied together they make one.
pub(crate) fn set_document(
    conn: &Connection,
    index: Index,
    seq: i64,
    text: Option<&str>,
    fresh: bool,
) -> Result<()> {
    set_terms(conn, index, seq, text.and_then(terms_of).as_deref(), fresh)
}

/// The index terms of a record's text; `None` when nothing in it is searchable.
pub(crate) fn terms_of(text: &str) -> Option<String> {
    Some(index_terms(text)).filter(|t| !t.is_empty())
}

/// `set_document` with the terms worked out beforehand (`terms_of`).
pub(crate) fn set_terms(
    conn: &Connection,
    index: Index,
    seq: i64,
    terms: Option<&str>,
    fresh: bool,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO temp.pending_search (idx, seq, terms, fresh) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (idx, seq) DO UPDATE SET terms = excluded.terms, fresh = max(fresh, excluded.fresh)",
    )?
    .execute(rusqlite::params![index.number(), seq, terms, i64::from(fresh)])?;
    Ok(())
}

/// FTS5 writes its in-memory terms out as a new segment whenever they pass this many bytes,
/// and merges segments as they pile up. A large batch (an import, demo data) written with
/// the default (1 MiB) makes hundreds of segments and spends most of its time merging them.
const BULK_HASH_BYTES: i64 = 64 * 1024 * 1024;
const DEFAULT_HASH_BYTES: i64 = 1024 * 1024;

/// Writes the transaction's waiting index changes, one statement per index and kind.
pub(crate) fn apply_pending(conn: &Connection) -> Result<()> {
    for index in Index::ALL {
        let table = index.table();
        let n = index.number();
        let waiting: i64 = conn
            .prepare_cached("SELECT count(*) FROM temp.pending_search WHERE idx = ?1")?
            .query_row([n], |r| r.get(0))?;
        if waiting == 0 {
            continue;
        }
        let bulk = waiting > 10_000;
        if bulk {
            set_hash_size(conn, table, BULK_HASH_BYTES)?;
        }
        conn.prepare_cached(&format!(
            "DELETE FROM {table} WHERE rowid IN (SELECT seq FROM temp.pending_search WHERE idx = {n} AND fresh = 0)"
        ))?
        .execute([])?;
        conn.prepare_cached(&format!(
            "INSERT INTO {table} (rowid, terms) SELECT seq, terms FROM temp.pending_search
             WHERE idx = {n} AND terms IS NOT NULL ORDER BY seq"
        ))?
        .execute([])?;
        if bulk {
            set_hash_size(conn, table, DEFAULT_HASH_BYTES)?;
        }
    }
    conn.prepare_cached("DELETE FROM temp.pending_search")?
        .execute([])?;
    Ok(())
}

fn set_hash_size(conn: &Connection, table: &str, bytes: i64) -> Result<()> {
    conn.prepare_cached(&format!(
        "INSERT INTO {table} ({table}, rank) VALUES ('hashsize', ?1)"
    ))?
    .execute([bytes])?;
    Ok(())
}

/// The `seq`s of the records matching `typed`, newest first, at most `limit`.
pub fn matching(conn: &Connection, index: Index, typed: &str, limit: usize) -> Result<Vec<i64>> {
    // A number typed with separators or +81 also finds the digits contacts are indexed by.
    let digits = phone_query(typed).and_then(|d| index_query(&d));
    let expr = match (index_query(typed), digits) {
        (Some(text), Some(digits)) => format!("({text}) OR ({digits})"),
        (Some(text), None) => text,
        (None, _) => return Ok(Vec::new()),
    };
    let sql = format!(
        "SELECT rowid FROM {table} WHERE {table} MATCH ?1 {shown} ORDER BY rowid DESC LIMIT ?2",
        table = index.table(),
        shown = index.shown()
    );
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let seqs = conn
        .prepare_cached(&sql)?
        .query_map(rusqlite::params![expr, limit], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(seqs)
}

/// The titles of the leads with these ids (those gone or unknown left out), for naming the
/// lead an activity found by a search belongs to.
pub fn lead_titles<'a>(
    conn: &Connection,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<std::collections::BTreeMap<String, String>> {
    let mut stmt = conn.prepare_cached("SELECT title FROM leads WHERE id = ?1 AND gone = 0")?;
    let mut out = std::collections::BTreeMap::new();
    for id in ids {
        if out.contains_key(id) {
            continue;
        }
        if let Some(title) = stmt.query_row([id], |r| r.get::<_, String>(0)).optional()? {
            out.insert(id.to_string(), title);
        }
    }
    Ok(out)
}
