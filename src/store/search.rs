//! The search index: any substring of names, readings, companies and summaries, ignoring
//! width, case and kana (see `model::text::index_terms`).

use crate::error::Result;
use crate::model::text::{index_query, index_terms};
use rusqlite::Connection;

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

/// Puts a record's text in the index (replacing what was there), or takes it out (`None`).
pub(crate) fn set_document(
    conn: &Connection,
    index: Index,
    seq: i64,
    text: Option<&str>,
) -> Result<()> {
    let table = index.table();
    conn.prepare_cached(&format!("DELETE FROM {table} WHERE rowid = ?1"))?
        .execute([seq])?;
    if let Some(text) = text {
        let terms = index_terms(text);
        if !terms.is_empty() {
            conn.prepare_cached(&format!(
                "INSERT INTO {table} (rowid, terms) VALUES (?1, ?2)"
            ))?
            .execute(rusqlite::params![seq, terms])?;
        }
    }
    Ok(())
}

/// The `seq`s of the records matching `typed`, newest first, at most `limit`.
pub fn matching(conn: &Connection, index: Index, typed: &str, limit: usize) -> Result<Vec<i64>> {
    let Some(expr) = index_query(typed) else {
        return Ok(Vec::new());
    };
    let sql = format!(
        "SELECT rowid FROM {} WHERE {} MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
        index.table(),
        index.table()
    );
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let seqs = conn
        .prepare_cached(&sql)?
        .query_map(rusqlite::params![expr, limit], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(seqs)
}
