//! A lead's or contact's tags as a set (SPEC §5.5): two reps who tag one lead at once both
//! keep their tags, and of an add and a removal of the same tag, the later wins.
//!
//! Each tag a record has had is a mark in `tag_marks`: on the record or taken off it, with the
//! stamp of the change that said so. Marks merge as a union per (record, tag), the newer stamp
//! winning, so merging stays commutative, associative and idempotent. The record's `tags`
//! column is derived from its marks and nothing else (the tags on it, in the order they were
//! added), so copies holding the same marks show the same tags whatever order they merged in.
//! A tag taken off is told in the record's history by its mark (see `removed_of`).

use super::records::{self, Table, parse_tags, tags_value};
use crate::error::Result;
use crate::model::Hlc;
use rusqlite::types::Value;
use rusqlite::{Connection, params};
use std::collections::BTreeSet;

/// What setting a record's tags to a list does to its marks.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Plan {
    /// The `tags` value the record ends with.
    pub visible: Value,
    /// Tags put on, with their place in the list written.
    added: Vec<(String, i64)>,
    /// Tags taken off, with the stamp they were put on with.
    removed: Vec<(String, String)>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }
}

/// The tags on a record with the stamps they were put on with, in the order shown.
fn present(conn: &Connection, record_id: &str) -> Result<Vec<(String, String)>> {
    Ok(conn
        .prepare_cached(
            "SELECT tag, hlc FROM tag_marks WHERE record_id = ?1 AND present = 1
             ORDER BY hlc, pos, tag",
        )?
        .query_map([record_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// What setting a record's tags to `wanted` (a `tags` column value) changes: the tags kept stay
/// where they were, the new ones follow in the order written.
pub(crate) fn plan(conn: &Connection, record_id: &str, wanted: &Value) -> Result<Plan> {
    let wanted = tags_of(wanted);
    let there = present(conn, record_id)?;
    let mut shown: Vec<String> = there
        .iter()
        .filter(|(tag, _)| wanted.contains(tag))
        .map(|(tag, _)| tag.clone())
        .collect();
    let mut added = Vec::new();
    for (pos, tag) in wanted.iter().enumerate() {
        if !there.iter().any(|(t, _)| t == tag) {
            added.push((tag.clone(), i64::try_from(pos).unwrap_or(i64::MAX)));
            shown.push(tag.clone());
        }
    }
    let removed = there
        .into_iter()
        .filter(|(tag, _)| !wanted.contains(tag))
        .collect();
    Ok(Plan {
        visible: tags_value(&shown),
        added,
        removed,
    })
}

/// Writes a plan's marks, stamped `stamp`.
pub(crate) fn write(
    conn: &Connection,
    table: &Table,
    record_id: &str,
    plan: &Plan,
    stamp: &Hlc,
) -> Result<()> {
    let stamp = stamp.to_string();
    for (tag, pos) in &plan.added {
        put(
            conn,
            table,
            record_id,
            tag,
            true,
            &stamp,
            *pos,
            Some(&stamp),
        )?;
    }
    for (tag, added) in &plan.removed {
        put(conn, table, record_id, tag, false, &stamp, 0, Some(added))?;
    }
    Ok(())
}

/// The marks of a record just made with the tags `value`, all stamped `stamp`.
pub(crate) fn mark_new(
    conn: &Connection,
    table: &Table,
    record_id: &str,
    value: &Value,
    stamp: &Hlc,
) -> Result<()> {
    let stamp = stamp.to_string();
    for (pos, tag) in tags_of(value).iter().enumerate() {
        let pos = i64::try_from(pos).unwrap_or(i64::MAX);
        put(conn, table, record_id, tag, true, &stamp, pos, Some(&stamp))?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn put(
    conn: &Connection,
    table: &Table,
    record_id: &str,
    tag: &str,
    present: bool,
    hlc: &str,
    pos: i64,
    added: Option<&str>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO tag_marks (record_id, entity, tag, present, hlc, pos, added_hlc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (record_id, tag) DO UPDATE SET present = excluded.present,
           hlc = excluded.hlc, pos = excluded.pos, added_hlc = excluded.added_hlc",
    )?
    .execute(params![
        record_id,
        table.entity,
        tag,
        present,
        hlc,
        pos,
        added
    ])?;
    Ok(())
}

/// A `tags` column value as a list: trimmed, each tag once.
fn tags_of(value: &Value) -> Vec<String> {
    let raw = match value {
        Value::Text(s) => Some(s.clone()),
        _ => None,
    };
    let mut seen = BTreeSet::new();
    parse_tags(raw)
        .into_iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty() && seen.insert(t.clone()))
        .collect()
}

/// Takes in the marks of the copy attached as `other` that are newer than this copy's (a
/// purged contact's are left out), of those `after` selects (see `merge_attached_since`).
/// Returns the records whose marks changed, by entity.
pub(crate) fn merge_attached(conn: &Connection, after: &str) -> Result<BTreeSet<(String, String)>> {
    let newer = format!(
        "FROM other.tag_marks o
         LEFT JOIN main.tag_marks m ON m.record_id = o.record_id AND m.tag = o.tag
         WHERE (m.hlc IS NULL OR o.hlc > m.hlc)
           AND o.record_id NOT IN (SELECT id FROM main.purged){after}"
    );
    let changed: BTreeSet<(String, String)> = conn
        .prepare(&format!("SELECT DISTINCT o.entity, o.record_id {newer}"))?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if changed.is_empty() {
        return Ok(changed);
    }
    // Equal stamps are one change, so the same mark: only a newer one replaces a mark.
    conn.execute(
        &format!(
            "INSERT INTO main.tag_marks (record_id, entity, tag, present, hlc, pos, added_hlc)
             SELECT o.record_id, o.entity, o.tag, o.present, o.hlc, o.pos, o.added_hlc {newer}
             ON CONFLICT (record_id, tag) DO UPDATE SET present = excluded.present,
               hlc = excluded.hlc, pos = excluded.pos, added_hlc = excluded.added_hlc"
        ),
        [],
    )?;
    Ok(changed)
}

/// Sets a record's `tags` column to what its marks say; whether it changed.
pub(crate) fn settle(conn: &Connection, table: &Table, record_id: &str) -> Result<bool> {
    let shown: Vec<String> = present(conn, record_id)?
        .into_iter()
        .map(|(tag, _)| tag)
        .collect();
    let visible = tags_value(&shown);
    let current: Option<Value> = {
        use rusqlite::OptionalExtension;
        conn.prepare_cached(&format!("SELECT tags FROM {} WHERE id = ?1", table.name))?
            .query_row([record_id], |r| r.get(0))
            .optional()?
    };
    match current {
        Some(current) if current != visible => {
            conn.prepare_cached(&format!(
                "UPDATE {} SET tags = ?1 WHERE id = ?2",
                table.name
            ))?
            .execute(params![visible, record_id])?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// The tags taken off a record: each with the stamp it was put on with and the stamp of its
/// removal.
pub(crate) fn removed_of(conn: &Connection, record_id: &str) -> Result<Vec<(String, Hlc, Hlc)>> {
    let rows: Vec<(String, Option<String>, String)> = conn
        .prepare_cached(
            "SELECT tag, added_hlc, hlc FROM tag_marks WHERE record_id = ?1 AND present = 0",
        )?
        .query_map([record_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(tag, added, removed)| {
            let removed: Hlc = removed.parse().ok()?;
            let added = added
                .and_then(|a| a.parse().ok())
                .unwrap_or(removed.clone());
            Some((tag, added, removed))
        })
        .collect())
}

/// Migration step of schema 8: the tags records already have become marks, each stamped with
/// its record's `tags` field and placed as listed; a list naming a tag twice shows it once.
pub(super) fn fill_from_tags(conn: &Connection) -> Result<()> {
    for table in [&records::LEADS, &records::CONTACTS] {
        let rows: Vec<(String, Value, String, String)> = conn
            .prepare(&format!(
                "SELECT id, tags, created_hlc, clocks FROM {} WHERE tags IS NOT NULL",
                table.name
            ))?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, value, created, clocks) in rows {
            let stamp: String = serde_json::from_str::<serde_json::Value>(&clocks)
                .ok()
                .and_then(|c| c.get("tags").and_then(|s| s.as_str().map(String::from)))
                .unwrap_or(created);
            let Ok(stamp) = stamp.parse::<Hlc>() else {
                continue;
            };
            mark_new(conn, table, &id, &value, &stamp)?;
            settle(conn, table, &id)?;
        }
    }
    Ok(())
}
