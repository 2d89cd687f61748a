//! Record history: every value a field had and no longer has, with who set it and when, and
//! who replaced it and when.

use super::records::{self, Table};
use crate::error::Result;
use crate::model::Hlc;
use crate::model::dates::timestamp;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use std::collections::BTreeMap;

/// "`field` was `previous` (set by `set_by` at `set_at`) until `replaced_by` changed it at
/// `replaced_at`."
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryEntry {
    pub field: String,
    pub previous: serde_json::Value,
    #[serde(with = "timestamp")]
    pub set_at: DateTime<Utc>,
    pub set_by: String,
    #[serde(with = "timestamp")]
    pub replaced_at: DateTime<Utc>,
    pub replaced_by: String,
}

/// The name the change stamped `stamp` was made under: the first name its writer is known to
/// have had at or after the stamp (`author_names`), else the writer's present name. Never the
/// present name for a change made under an older one.
fn author(conn: &Connection, stamp: &Hlc) -> Result<String> {
    let then: Option<String> = conn
        .prepare_cached(
            "SELECT name FROM author_names WHERE node = ?1 AND hlc >= ?2 ORDER BY hlc LIMIT 1",
        )?
        .query_row([&stamp.node, &stamp.to_string()], |r| r.get(0))
        .optional()?;
    if let Some(name) = then {
        return Ok(name);
    }
    let name: Option<String> = conn
        .prepare_cached("SELECT name FROM authors WHERE node = ?1")?
        .query_row([&stamp.node], |r| r.get(0))
        .optional()?;
    Ok(name.unwrap_or_else(|| "someone".to_string()))
}

/// The history of one record, oldest change first: its fields', and the tags taken off it
/// (each told by its mark, with the change that put it on and the one that took it off).
pub fn of_record(conn: &Connection, record_id: &str) -> Result<Vec<HistoryEntry>> {
    let mut out = of_fields(conn, record_id)?;
    let removed = super::tags::removed_of(conn, record_id)?;
    if removed.is_empty() {
        return Ok(out);
    }
    for (tag, added, taken_off) in removed {
        out.push(HistoryEntry {
            field: "tags".to_string(),
            previous: serde_json::Value::from(tag),
            set_at: added.time(),
            set_by: author(conn, &added)?,
            replaced_at: taken_off.time(),
            replaced_by: author(conn, &taken_off)?,
        });
    }
    out.sort_by_key(|e| e.replaced_at);
    Ok(out)
}

/// The values a record's fields had and no longer have, oldest change first.
fn of_fields(conn: &Connection, record_id: &str) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT entity, field, value_hlc, value FROM history WHERE record_id = ?1 ORDER BY value_hlc, field",
    )?;
    let rows: Vec<(String, String, String, Option<String>)> = stmt
        .query_map([record_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let Some(entity) = rows.first().map(|r| r.0.clone()) else {
        return Ok(Vec::new());
    };
    // The stamps each field has had: its history's and its current one.
    let mut stamps: BTreeMap<String, Vec<Hlc>> = BTreeMap::new();
    if let Some(table) = Table::of_entity(&entity)
        && let Some(state) = records::read_state(conn, table, record_id)?
    {
        for (field, clock) in table.fields.iter().zip(&state.clocks) {
            stamps
                .entry((*field).to_string())
                .or_default()
                .push(clock.clone());
        }
    }
    for (_, field, hlc, _) in &rows {
        if let Ok(stamp) = hlc.parse::<Hlc>() {
            stamps.entry(field.clone()).or_default().push(stamp);
        }
    }
    let mut out = Vec::with_capacity(rows.len());
    for (_, field, hlc, value) in rows {
        let Ok(set) = hlc.parse::<Hlc>() else {
            continue;
        };
        // Replaced by the next change of the field; a value that never became current (an
        // older card's) counts as replaced by the field's present value.
        let next = stamps
            .get(&field)
            .and_then(|all| {
                all.iter()
                    .filter(|s| **s > set)
                    .min()
                    .or_else(|| all.iter().max())
            })
            .cloned()
            .unwrap_or_else(|| set.clone());
        out.push(HistoryEntry {
            field: if field == "rep" {
                "by".to_string()
            } else {
                field
            },
            previous: value
                .and_then(|v| serde_json::from_str(&v).ok())
                .unwrap_or_default(),
            set_at: set.time(),
            set_by: author(conn, &set)?,
            replaced_at: next.time(),
            replaced_by: author(conn, &next)?,
        });
    }
    out.sort_by_key(|e| e.replaced_at);
    Ok(out)
}

/// A contact's history: its fields', and the email addresses, numbers and further
/// addresses, URLs and companies it had and no longer has (each removed by the change that
/// took it off its list), oldest change first.
pub fn of_contact(conn: &Connection, contact_id: &str) -> Result<Vec<HistoryEntry>> {
    let mut out = of_record(conn, contact_id)?;
    let mut removed_values = Vec::new();
    for (channel, value, added, removed) in super::contact_values::removed_of(conn, contact_id)? {
        let (Ok(added), Ok(removed)) = (added.parse::<Hlc>(), removed.parse::<Hlc>()) else {
            continue;
        };
        removed_values.push(HistoryEntry {
            field: channel.list_name().to_string(),
            previous: serde_json::Value::from(value),
            set_at: added.time(),
            set_by: author(conn, &added)?,
            replaced_at: removed.time(),
            replaced_by: author(conn, &removed)?,
        });
    }
    // A value of the single email, phone, mobile and fax fields of schema 3 that became a
    // removed value of a list is told once, by the list (which knows what replaced it).
    out.retain(|e| {
        !matches!(e.field.as_str(), "email" | "phone" | "mobile" | "fax")
            || !removed_values
                .iter()
                .any(|r| r.previous == e.previous && r.set_at == e.set_at)
    });
    out.extend(removed_values);
    out.sort_by_key(|e| e.replaced_at);
    Ok(out)
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
