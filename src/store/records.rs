//! The part every record table shares: insert, field updates with per-field clocks and
//! record history, and the derived tombstone (`gone`).
//!
//! Field and table names below are code constants; values always travel as bound parameters.

use super::{Stamp, Writer};
use crate::error::{Error, Result};
use crate::i18n::Arg;
use crate::model::contact::TEXT_FIELD_NAMES;
use crate::model::fields::Record;
use crate::model::lead::LeadPatch;
use crate::model::{Activity, Hlc};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params_from_iter};
use std::collections::BTreeMap;

/// A record table: its entity name (in history and messages) and its synced fields.
#[derive(Debug)]
pub(crate) struct Table {
    pub entity: &'static str,
    pub name: &'static str,
    pub fields: &'static [&'static str],
}

/// A lead's synced fields: its stage (changed by a move) and what a patch sets.
pub(crate) const LEADS: Table = Table {
    entity: "lead",
    name: "leads",
    fields: &concat::<{ LeadPatch::FIELDS.len() + 2 }>(&[
        &["stage"],
        LeadPatch::FIELDS,
        &["deleted"],
    ]),
};

/// A contact's synced fields: a card's texts, the day it was exchanged and its tags (its
/// lists are records of their own, `VALUES`).
pub(crate) const CONTACTS: Table = Table {
    entity: "contact",
    name: "contacts",
    fields: &concat::<{ TEXT_FIELD_NAMES.len() + 4 }>(&[
        &TEXT_FIELD_NAMES,
        &["exchanged_on", "tags", "no_mail_on", "deleted"],
    ]),
};

/// Field lists joined at compile time.
const fn concat<const N: usize>(parts: &[&[&'static str]]) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut part, mut at) = (0, 0);
    while part < parts.len() {
        let mut i = 0;
        while i < parts[part].len() {
            out[at] = parts[part][i];
            at += 1;
            i += 1;
        }
        part += 1;
    }
    assert!(at == N, "the field lists hold another number of fields");
    out
}

/// An activity's synced fields: those of its field table but the id (the `by` field is
/// stored in the `rep` column), and the tombstone.
pub(crate) const ACTIVITIES: Table = Table {
    entity: "activity",
    name: "activities",
    fields: &activity_fields::<{ Activity::FIELDS.len() }>(),
};

/// `Activity::FIELDS` as stored: without `id`, `by` as `rep`, then `deleted` (so as many
/// names as the table has fields).
const fn activity_fields<const N: usize>() -> [&'static str; N] {
    let mut out = [""; N];
    let (mut i, mut at) = (0, 0);
    while i < Activity::FIELDS.len() {
        let name = Activity::FIELDS[i].name;
        if !crate::model::fields::same(name, "id") {
            out[at] = if crate::model::fields::same(name, "by") {
                "rep"
            } else {
                name
            };
            at += 1;
        }
        i += 1;
    }
    out[at] = "deleted";
    out
}

pub(crate) const LINKS: Table = Table {
    entity: "link",
    name: "lead_contacts",
    fields: &["lead_id", "contact_id", "role", "deleted"],
};

/// A contact's email addresses, numbers and further addresses, URLs and companies: one
/// record per value (see `contact_values`).
pub(crate) const VALUES: Table = Table {
    entity: "contact_value",
    name: "contact_values",
    fields: &[
        "contact_id",
        "channel",
        "kind",
        "value",
        "preferred",
        "deleted",
    ],
};

/// A campaign: an exhibition, a seminar, a newsletter... with its dates and cost.
pub(crate) const CAMPAIGNS: Table = Table {
    entity: "campaign",
    name: "campaigns",
    fields: &[
        "name",
        "kind",
        "starts_on",
        "ends_on",
        "cost",
        "owner",
        "notes",
        "deleted",
    ],
};

/// A goal for a period, for the team (no owner) or a rep.
pub(crate) const GOALS: Table = Table {
    entity: "goal",
    name: "goals",
    fields: &["period", "metric", "target", "owner", "deleted"],
};

/// A saved filter of the people to mail.
pub(crate) const SEGMENTS: Table = Table {
    entity: "segment",
    name: "segments",
    fields: &["name", "filter", "deleted"],
};

impl Table {
    pub(crate) const ALL: [&'static Table; 8] = [
        &LEADS,
        &CONTACTS,
        &ACTIVITIES,
        &LINKS,
        &VALUES,
        &CAMPAIGNS,
        &GOALS,
        &SEGMENTS,
    ];

    pub(crate) fn of_entity(entity: &str) -> Option<&'static Table> {
        Table::ALL.into_iter().find(|t| t.entity == entity)
    }

    fn index_of(&self, field: &str) -> Option<usize> {
        self.fields.iter().position(|f| *f == field)
    }
}

/// A record as its fields and their clocks: what updates and merges work on.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RowState {
    pub seq: i64,
    pub id: String,
    pub values: Vec<Value>,
    pub clocks: Vec<Hlc>,
    pub created_hlc: Hlc,
}

impl RowState {
    /// A record is gone when its tombstone is set and newer than every other field change:
    /// an edit made after a delete brings the record back (SPEC §5.5).
    pub fn is_gone(&self, table: &Table) -> bool {
        let Some(d) = table.index_of("deleted") else {
            return false;
        };
        let deleted = matches!(self.values[d], Value::Integer(n) if n != 0);
        deleted
            && self
                .clocks
                .iter()
                .enumerate()
                .all(|(i, clock)| i == d || *clock < self.clocks[d])
    }

    pub fn newest(&self) -> &Hlc {
        self.clocks.iter().max().unwrap_or(&self.created_hlc)
    }

    /// The JSON object of the clocks that differ from the creation stamp.
    pub fn clocks_json(&self, table: &Table) -> String {
        let map: BTreeMap<&str, String> = table
            .fields
            .iter()
            .zip(&self.clocks)
            .filter(|(_, clock)| **clock != self.created_hlc)
            .map(|(field, clock)| (*field, clock.to_string()))
            .collect();
        serde_json::to_string(&map).unwrap_or_else(|_| "{}".to_string())
    }
}

/// Inserts a new record. `values` holds every synced field but `deleted`, in any order;
/// fields not given are NULL. Returns the new row's `seq`.
pub(crate) fn insert(
    w: &Writer<'_>,
    table: &Table,
    id: &str,
    values: &[(&str, Value)],
    stamp: &Stamp,
    created_at: &str,
) -> Result<i64> {
    insert_with(w, table, id, values, &[], stamp, created_at)
}

/// `insert`, with columns this copy derives for itself written in the same statement
/// (`derived`: a sort key, a match key, `seq` itself when a derived value needs it): one
/// write of the row and its indexes instead of an insert and an update.
pub(crate) fn insert_with(
    w: &Writer<'_>,
    table: &Table,
    id: &str,
    values: &[(&str, Value)],
    derived: &[(&str, Value)],
    stamp: &Stamp,
    created_at: &str,
) -> Result<i64> {
    let id = Value::Text(id.to_string());
    let created_at = Value::Text(created_at.to_string());
    let hlc = Value::Text(stamp.hlc.to_string());
    let by = Value::Text(stamp.by.clone());
    let stamps = [
        ("created_at", &created_at),
        ("created_by", &by),
        ("updated_at", &created_at),
        ("updated_by", &by),
        ("created_hlc", &hlc),
        ("hlc", &hlc),
    ];
    // Bound by reference: the values stay with the caller (and the thread that made them).
    let mut columns: Vec<&str> = Vec::with_capacity(values.len() + derived.len() + 7);
    let mut params: Vec<&Value> = Vec::with_capacity(values.len() + derived.len() + 7);
    columns.push("id");
    params.push(&id);
    for (field, value) in values {
        debug_assert!(
            table.index_of(field).is_some(),
            "{field} is not a field of {}",
            table.name
        );
        columns.push(field);
        params.push(value);
    }
    for (column, value) in stamps {
        columns.push(column);
        params.push(value);
    }
    for (column, value) in derived {
        columns.push(column);
        params.push(value);
    }
    let tags = values
        .iter()
        .find(|(field, value)| *field == "tags" && *value != Value::Null);
    let seq = insert_row(w.conn(), &insert_sql(table.name, &columns), params)?;
    if let Some((_, tags)) = tags
        && let Value::Text(id) = &id
    {
        super::tags::mark_new(w.conn(), table, id, tags, &stamp.hlc)?;
    }
    Ok(seq)
}

/// The `seq` the next row of `table` gets: rows are only added inside a write transaction,
/// which this connection holds alone.
pub(crate) fn next_seq(conn: &Connection, table: &Table) -> Result<i64> {
    let sql = format!("SELECT ifnull(max(seq), 0) + 1 FROM {}", table.name);
    Ok(conn.prepare_cached(&sql)?.query_row([], |r| r.get(0))?)
}

/// Runs an `insert_sql` statement; the new row's `seq`. Not `RETURNING`: SQLite runs a
/// returning statement through a temporary table of its results, a cost on every row of a
/// bulk load.
pub(crate) fn insert_row<P: rusqlite::ToSql>(
    conn: &Connection,
    sql: &str,
    params: Vec<P>,
) -> Result<i64> {
    conn.prepare_cached(sql)?
        .execute(params_from_iter(params))?;
    Ok(conn.last_insert_rowid())
}

/// `INSERT INTO table (columns) VALUES (?1, ?2, ...)`. Built without a string
/// per placeholder: bulk loads run it for every row.
pub(crate) fn insert_sql(table: &str, columns: &[&str]) -> String {
    use std::fmt::Write;
    let mut sql = String::with_capacity(64 + columns.len() * 24);
    sql.push_str("INSERT INTO ");
    sql.push_str(table);
    sql.push_str(" (");
    sql.push_str(&columns.join(", "));
    sql.push_str(") VALUES (");
    for i in 1..=columns.len() {
        if i > 1 {
            sql.push_str(", ");
        }
        let _ = write!(sql, "?{i}");
    }
    sql.push(')');
    sql
}

/// Reads a record's fields and clocks by id.
pub(crate) fn read_state(conn: &Connection, table: &Table, id: &str) -> Result<Option<RowState>> {
    let sql = format!(
        "SELECT seq, id, created_hlc, clocks, {} FROM {} WHERE id = ?1",
        table.fields.join(", "),
        table.name
    );
    let row = conn
        .prepare_cached(&sql)?
        .query_row([id], |r| {
            let seq: i64 = r.get(0)?;
            let id: String = r.get(1)?;
            let created: String = r.get(2)?;
            let clocks: String = r.get(3)?;
            let values = (0..table.fields.len())
                .map(|i| r.get::<_, Value>(4 + i))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((seq, id, created, clocks, values))
        })
        .optional()?;
    let Some((seq, id, created, clocks, values)) = row else {
        return Ok(None);
    };
    Ok(Some(state_from_parts(
        table, seq, id, &created, &clocks, values,
    )?))
}

/// A row's state from its columns: the creation stamp, the clocks JSON and the values.
pub(crate) fn state_from_parts(
    table: &Table,
    seq: i64,
    id: String,
    created: &str,
    clocks: &str,
    values: Vec<Value>,
) -> Result<RowState> {
    let created_hlc: Hlc = created.parse().map_err(|_| {
        let kind = |language| crate::i18n::labels::entity(table.entity, language);
        Error::said(
            "error-damaged-stamp",
            [("kind", Arg::in_each(kind)), ("id", id.as_str().into())],
        )
    })?;
    let stamps: BTreeMap<String, String> = serde_json::from_str(clocks).unwrap_or_default();
    let clocks = table
        .fields
        .iter()
        .map(|f| {
            stamps
                .get(*f)
                .and_then(|s| s.parse().ok())
                .unwrap_or_else(|| created_hlc.clone())
        })
        .collect();
    Ok(RowState {
        seq,
        id,
        values,
        clocks,
        created_hlc,
    })
}

/// Sets fields of a record under one new stamp. Each value that really changes is written,
/// its previous value goes to the record history, and its clock moves to the stamp.
/// Returns the fields that changed (none: nothing was written).
pub(crate) fn update<'f>(
    w: &mut Writer<'_>,
    table: &Table,
    id: &str,
    changes: &[(&'f str, Value)],
) -> Result<Vec<&'f str>> {
    let mut state = read_state(w.conn(), table, id)?.ok_or_else(|| Error::NotFound {
        kind: table.entity,
        prefix: id.to_string(),
    })?;
    let mut tag_plan = None;
    let mut changed: Vec<(usize, &str, Value)> = Vec::new();
    for (field, value) in changes {
        let Some(i) = table.index_of(field) else {
            continue;
        };
        let value = if *field == "tags" {
            // Tags are a set: what the record ends with follows from its marks.
            let plan = super::tags::plan(w.conn(), id, value)?;
            let visible = plan.visible.clone();
            tag_plan = Some(plan).filter(|p| !p.is_empty());
            visible
        } else {
            value.clone()
        };
        if state.values[i] != value {
            changed.push((i, *field, value));
        }
    }
    if changed.is_empty() {
        return Ok(Vec::new());
    }
    let stamp = w.stamp();
    for (i, field, value) in &mut changed {
        // A tag taken off is told by its mark, which every copy keeps the same (a list
        // merged from several reps' marks has no stamp of its own to be known by here).
        if *field != "tags" {
            record_history(
                w.conn(),
                table,
                id,
                field,
                &state.values[*i],
                &state.clocks[*i],
            )?;
        }
        state.values[*i] = std::mem::replace(value, Value::Null);
        state.clocks[*i] = stamp.hlc.clone();
    }
    if let Some(plan) = &tag_plan {
        super::tags::write(w.conn(), table, id, plan, &stamp.hlc)?;
    }
    write_state(w.conn(), table, &state, &stamp.at_text(), &stamp.by)?;
    Ok(changed.into_iter().map(|(_, field, _)| field).collect())
}

/// Says, at `stamp`, that a live record is still in use (an activity was just logged on it):
/// its tombstone register takes the stamp with the value "not deleted". A delete made on
/// another copy before this then loses to it in a merge, as it would to an edit (SPEC §5.5),
/// and a delete made after it still wins.
///
/// Nothing a rep sees changes: the value stays "not deleted" (no history entry), and the
/// record's last change (`updated_at`, `updated_by`) stays the last edit of its fields. A
/// record already gone here is left as it is: the faces refuse to log on it.
pub(crate) fn keep_alive(conn: &Connection, table: &Table, id: &str, stamp: &Hlc) -> Result<()> {
    let Some(d) = table.index_of("deleted") else {
        return Ok(());
    };
    let Some(mut state) = read_state(conn, table, id)? else {
        return Err(Error::NotFound {
            kind: table.entity,
            prefix: id.to_string(),
        });
    };
    if state.is_gone(table) || state.clocks[d] >= *stamp {
        return Ok(());
    }
    let live = Value::Integer(0);
    // Deleted, then brought back by a later edit: the tombstone's value is no longer true.
    if state.values[d] != live {
        record_history(
            conn,
            table,
            id,
            "deleted",
            &state.values[d],
            &state.clocks[d],
        )?;
        state.values[d] = live;
    }
    state.clocks[d] = stamp.clone();
    let sql = format!(
        "UPDATE {} SET deleted = ?1, clocks = ?2, hlc = ?3 WHERE seq = ?4",
        table.name
    );
    conn.prepare_cached(&sql)?.execute(rusqlite::params![
        state.values[d],
        state.clocks_json(table),
        state.newest().to_string(),
        state.seq
    ])?;
    Ok(())
}

/// Writes a record's fields, clocks and `gone` back; `updated_at`/`updated_by` describe the
/// newest change.
pub(crate) fn write_state(
    conn: &Connection,
    table: &Table,
    state: &RowState,
    updated_at: &str,
    updated_by: &str,
) -> Result<()> {
    let sets: Vec<String> = table
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| format!("{f} = ?{}", i + 1))
        .collect();
    let n = table.fields.len();
    let sql = format!(
        "UPDATE {} SET {}, clocks = ?{}, hlc = ?{}, updated_at = ?{}, updated_by = ?{}, gone = ?{} WHERE seq = ?{}",
        table.name,
        sets.join(", "),
        n + 1,
        n + 2,
        n + 3,
        n + 4,
        n + 5,
        n + 6
    );
    let mut params = state.values.clone();
    params.extend([
        Value::Text(state.clocks_json(table)),
        Value::Text(state.newest().to_string()),
        Value::Text(updated_at.to_string()),
        Value::Text(updated_by.to_string()),
        Value::Integer(i64::from(state.is_gone(table))),
        Value::Integer(state.seq),
    ]);
    conn.prepare_cached(&sql)?
        .execute(params_from_iter(params))?;
    Ok(())
}

/// Sets who made a record and when (a merge that finds an earlier making of the same id).
pub(crate) fn write_creation(
    conn: &Connection,
    table: &Table,
    seq: i64,
    created_hlc: &Hlc,
    created_at: &str,
    created_by: &str,
) -> Result<()> {
    let sql = format!(
        "UPDATE {} SET created_hlc = ?1, created_at = ?2, created_by = ?3 WHERE seq = ?4",
        table.name
    );
    conn.prepare_cached(&sql)?.execute(rusqlite::params![
        created_hlc.to_string(),
        created_at,
        created_by,
        seq
    ])?;
    Ok(())
}

/// Keeps a value a field had (set by the change stamped `value_hlc`) that is no longer its
/// value. A value is known by its stamp, so the same value kept by two copies is one entry
/// and merging histories is a plain union, in any order.
pub(crate) fn record_history(
    conn: &Connection,
    table: &Table,
    record_id: &str,
    field: &str,
    value: &Value,
    value_hlc: &Hlc,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO history (record_id, field, value_hlc, entity, value)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(rusqlite::params![
        record_id,
        field,
        value_hlc.to_string(),
        table.entity,
        value_to_json(value).to_string(),
    ])?;
    Ok(())
}

pub(crate) fn value_to_json(value: &Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Integer(n) => serde_json::Value::from(*n),
        Value::Real(x) => serde_json::Value::from(*x),
        Value::Text(s) => serde_json::Value::from(s.as_str()),
        Value::Blob(b) => serde_json::Value::from(b.len()),
    }
}

/// Finds the one live record whose id starts with `prefix` (at least 4 hex characters).
pub(crate) fn resolve(conn: &Connection, table: &Table, prefix: &str) -> Result<String> {
    resolve_among(conn, table, prefix, "gone = 0")
}

/// `resolve` among deleted records too.
pub(crate) fn resolve_any(conn: &Connection, table: &Table, prefix: &str) -> Result<String> {
    resolve_among(conn, table, prefix, "true")
}

/// `which` is a fixed SQL condition, never user input.
fn resolve_among(conn: &Connection, table: &Table, prefix: &str, which: &str) -> Result<String> {
    let prefix = prefix.trim().to_lowercase();
    if !crate::model::ids::is_id_prefix(&prefix) {
        return Err(Error::BadId { prefix });
    }
    // Ids are lower-case hex and '-', all below 'g': [prefix, prefix + 'g') holds every
    // id that starts with the prefix, and the unique index answers it.
    let sql = format!(
        "SELECT id FROM {} WHERE id >= ?1 AND id < ?1 || 'g' AND {which} LIMIT 2",
        table.name
    );
    let ids: Vec<String> = conn
        .prepare_cached(&sql)?
        .query_map([&prefix], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    match ids.as_slice() {
        [id] => Ok(id.clone()),
        [] => Err(Error::NotFound {
            kind: table.entity,
            prefix,
        }),
        _ => {
            let count_sql = format!(
                "SELECT count(*) FROM {} WHERE id >= ?1 AND id < ?1 || 'g' AND {which}",
                table.name
            );
            let count = conn.query_row(&count_sql, [&prefix], |r| r.get::<_, i64>(0))?;
            Err(Error::Ambiguous {
                kind: table.entity,
                prefix,
                count: usize::try_from(count).unwrap_or(2),
            })
        }
    }
}

/// Text or NULL for an optional string; blank strings are NULL.
pub(crate) fn text(value: Option<&str>) -> Value {
    match value.map(str::trim) {
        Some(s) if !s.is_empty() => Value::Text(s.to_string()),
        _ => Value::Null,
    }
}

/// The JSON array of tags (each once: they are a set), or NULL for none.
pub(crate) fn tags_value(tags: &[String]) -> Value {
    let mut seen = std::collections::BTreeSet::new();
    let tags: Vec<&str> = tags
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty() && seen.insert(*t))
        .collect();
    if tags.is_empty() {
        Value::Null
    } else {
        Value::Text(serde_json::to_string(&tags).unwrap_or_default())
    }
}

pub(crate) fn parse_tags(raw: Option<String>) -> Vec<String> {
    raw.and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

/// The shortest prefix (at least 8 characters) that tells each id apart from every other
/// id in the table, like git's abbreviated hashes.
pub(crate) fn short_ids(conn: &Connection, table: &Table, ids: &[String]) -> Result<Vec<String>> {
    let before = format!("SELECT max(id) FROM {} WHERE id < ?1", table.name);
    let after = format!("SELECT min(id) FROM {} WHERE id > ?1", table.name);
    let common = |a: &str, b: &str| a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let prev: Option<String> = conn
            .prepare_cached(&before)?
            .query_row([id], |r| r.get(0))?;
        let next: Option<String> = conn.prepare_cached(&after)?.query_row([id], |r| r.get(0))?;
        let shared = [prev, next]
            .iter()
            .flatten()
            .map(|other| common(id, other))
            .max()
            .unwrap_or(0);
        let mut len = (shared + 1).max(8).min(id.len());
        // A prefix ending in '-' reads oddly; take one more character.
        if id.as_bytes().get(len - 1) == Some(&b'-') {
            len = (len + 1).min(id.len());
        }
        out.push(id[..len].to_string());
    }
    Ok(out)
}

/// Keeps a value that lost to the current one without ever being current (an older card
/// merged into a newer one): it goes to the record's history, replaced at once.
pub(crate) fn note_superseded(
    w: &mut Writer<'_>,
    table: &Table,
    id: &str,
    field: &str,
    value: &Value,
) -> Result<()> {
    let offered = w.stamp();
    record_history(w.conn(), table, id, field, value, &offered.hlc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::contact::TEXT_FIELDS;
    use crate::model::{Activity, Lead, Record};

    /// The synced columns hold every field a rep writes in the model's field tables (by
    /// the same name, but an activity's `by`, stored as `rep`), and nothing else but the
    /// lists' own and the tombstone.
    #[test]
    fn synced_columns_are_the_model_fields() {
        let written = |fields: &[(&'static str, bool)]| -> Vec<&'static str> {
            fields
                .iter()
                .filter(|(name, derived)| !derived && *name != "id")
                .map(|(name, _)| if *name == "by" { "rep" } else { *name })
                .collect()
        };
        let lead: Vec<_> = Lead::FIELDS.iter().map(|f| (f.name, f.derived)).collect();
        let activity: Vec<_> = Activity::FIELDS
            .iter()
            .map(|f| (f.name, f.derived))
            .collect();
        let contact: Vec<_> = TEXT_FIELDS
            .iter()
            .map(|f| (f.name, false))
            .chain([("exchanged_on", false), ("tags", false)])
            .collect();
        for (table, model, beyond) in [
            (
                &LEADS,
                written(&lead),
                &["qualification", "upsell", "deleted"][..],
            ),
            (&ACTIVITIES, written(&activity), &["deleted"][..]),
            (&CONTACTS, written(&contact), &["no_mail_on", "deleted"][..]),
        ] {
            let mut expected: Vec<&str> = model.into_iter().chain(beyond.iter().copied()).collect();
            let mut synced = table.fields.to_vec();
            expected.sort_unstable();
            synced.sort_unstable();
            assert_eq!(synced, expected, "{}", table.name);
        }
    }
}
