//! Record history: every value a field had before a change or a merge replaced it.

use crate::error::Result;
use crate::model::Hlc;
use crate::model::dates::timestamp;
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;

/// "`field` was `previous` until `replaced_by` changed it at `replaced_at`."
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryEntry {
    pub field: String,
    pub previous: serde_json::Value,
    #[serde(with = "timestamp")]
    pub replaced_at: DateTime<Utc>,
    pub replaced_by: String,
}

/// The history of one record, oldest change first.
pub fn of_record(conn: &Connection, record_id: &str) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT h.field, h.value, h.replaced_hlc, a.name
         FROM history h
         LEFT JOIN authors a ON a.node = substr(h.replaced_hlc, 22)
         WHERE h.record_id = ?1
         ORDER BY h.replaced_hlc, h.field",
    )?;
    let rows = stmt.query_map([record_id], |r| {
        let field: String = r.get(0)?;
        let value: Option<String> = r.get(1)?;
        let replaced: String = r.get(2)?;
        let name: Option<String> = r.get(3)?;
        let stamp: Option<Hlc> = replaced.parse().ok();
        Ok(HistoryEntry {
            field: if field == "rep" {
                "by".to_string()
            } else {
                field
            },
            previous: value
                .and_then(|v| serde_json::from_str(&v).ok())
                .unwrap_or_default(),
            replaced_at: stamp.as_ref().map(Hlc::time).unwrap_or_default(),
            replaced_by: name.unwrap_or_else(|| "someone".to_string()),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Whether `value` is already in a field's history (so the same fact is not noted twice).
pub fn holds(
    conn: &Connection,
    record_id: &str,
    field: &str,
    value: &serde_json::Value,
) -> Result<bool> {
    let n: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM history WHERE record_id = ?1 AND field = ?2 AND value = ?3",
        )?
        .query_row(
            rusqlite::params![record_id, field, value.to_string()],
            |r| r.get(0),
        )?;
    Ok(n > 0)
}
