//! A contact's lists: email addresses, numbers, and the addresses, URLs and companies beyond
//! its main ones. Each value is a record of its own (clocks, history, tombstone), so a list
//! merges as a set: two reps adding addresses at once both keep theirs, and a value removed
//! on one copy is removed on the other.
//!
//! A value's id is its contact's id and a name-based UUID of its channel and key
//! (`090-1234-5678` and `+81 90 1234 5678` are one number), so the same value added on two
//! copies is one record; and a contact's values sit together in the id index.

use super::Writer;
use super::records::{self, VALUES};
use crate::error::Result;
use crate::model::contact::{Channel, ContactFields, ContactValue, ValueKind};
use crate::model::contact_value::{match_key, settle, slot_of};
use crate::model::dates::format_timestamp;
use rusqlite::types::Value;
use rusqlite::{Connection, params};
use std::collections::BTreeMap;
use uuid::Uuid;

/// The namespace of value ids (RFC 9562 name-based UUIDs).
const NAMESPACE: Uuid = Uuid::from_u128(0x6c74_726b_7661_4c75_8e5a_2f0b_91c4_d3a7);

/// The id of a value of a contact: the same on every copy for the same value.
pub(crate) fn value_id(contact_id: &str, channel: Channel, value: &str) -> String {
    let name = format!(
        "{contact_id}\u{1f}{}\u{1f}{}",
        channel.id(),
        channel.key_of(value)
    );
    format!("{contact_id}/{}", Uuid::new_v5(&NAMESPACE, name.as_bytes()))
}

/// A value as stored, with what decides its place in the list.
struct Stored {
    id: String,
    channel: Channel,
    value: ContactValue,
    gone: bool,
    /// The stamp of the value's `preferred` flag: of two values marked preferred at once on
    /// two copies, the later mark wins everywhere.
    preferred_stamp: String,
}

fn stored_of(conn: &Connection, contact_id: &str) -> Result<Vec<Stored>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, channel, kind, value, preferred, gone,
                ifnull(json_extract(clocks, '$.preferred'), created_hlc)
         FROM contact_values WHERE contact_id = ?1 ORDER BY created_hlc, id",
    )?;
    let rows = stmt.query_map([contact_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, i64>(5)?,
            r.get::<_, String>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, channel, kind, value, preferred, gone, preferred_stamp) = row?;
        // A channel or kind this build does not know (a newer copy's) is left out.
        let Some(channel) = Channel::from_id(&channel) else {
            continue;
        };
        let kind = ValueKind::ALL
            .into_iter()
            .find(|k| k.id() == kind)
            .unwrap_or(ValueKind::Other);
        out.push(Stored {
            id,
            channel,
            value: ContactValue {
                value,
                kind,
                preferred: preferred != 0,
            },
            gone: gone != 0,
            preferred_stamp,
        });
    }
    Ok(out)
}

/// A contact's live values by channel: in each slot the value marked preferred (the latest
/// mark) comes first and alone says `preferred`, else the oldest value does; the others
/// follow in the order they were added.
pub(crate) fn lists_of(
    conn: &Connection,
    contact_id: &str,
) -> Result<BTreeMap<Channel, Vec<ContactValue>>> {
    let live: Vec<Stored> = stored_of(conn, contact_id)?
        .into_iter()
        .filter(|s| !s.gone)
        .collect();
    let mut winners: BTreeMap<(Channel, u8), usize> = BTreeMap::new();
    for (i, s) in live.iter().enumerate() {
        let Some(slot) = slot_of(s.channel, s.value.kind) else {
            continue;
        };
        let entry = winners.entry((s.channel, slot)).or_insert(i);
        let current = &live[*entry];
        let better = match (s.value.preferred, current.value.preferred) {
            (true, false) => true,
            (true, true) => (&s.preferred_stamp, &s.id) > (&current.preferred_stamp, &current.id),
            _ => false,
        };
        if better {
            *entry = i;
        }
    }
    let mut out: BTreeMap<Channel, Vec<ContactValue>> = BTreeMap::new();
    let chosen: Vec<usize> = winners.values().copied().collect();
    for (i, s) in live.iter().enumerate() {
        let mut value = s.value.clone();
        value.preferred = chosen.contains(&i);
        out.entry(s.channel).or_default().push(value);
    }
    for (channel, list) in out.iter_mut() {
        // Stable: the preferred ones first (phone, mobile, fax), each list otherwise in the
        // order added.
        list.sort_by_key(|v| {
            (
                !v.preferred,
                if v.preferred {
                    slot_of(*channel, v.kind)
                } else {
                    None
                },
            )
        });
    }
    Ok(out)
}

/// Makes the lists the card gives (`Some`) the contact's lists: values not there yet are
/// added, values no longer there removed (kept in their history), kinds and the preferred
/// marks set. Returns the names of the lists that changed.
pub(crate) fn write_lists(
    w: &mut Writer<'_>,
    contact_id: &str,
    card: &ContactFields,
) -> Result<Vec<&'static str>> {
    let mut changed = Vec::new();
    if Channel::ALL.iter().all(|c| card.list(*c).is_none()) {
        return Ok(changed);
    }
    // Each channel writes only its own rows: one read serves them all.
    let all = stored_of(w.conn(), contact_id)?;
    for channel in Channel::ALL {
        let Some(wanted) = card.list(channel) else {
            continue;
        };
        let wanted: Vec<(String, ContactValue)> = settle(channel, wanted)
            .into_iter()
            .map(|v| (value_id(contact_id, channel, &v.value), v))
            .collect();
        let mut touched = false;
        for (id, v) in &wanted {
            let id = id.clone();
            match all.iter().find(|s| s.id == id) {
                Some(s) => {
                    let mut changes: Vec<(&str, Value)> = Vec::new();
                    if s.value.value != v.value {
                        changes.push(("value", Value::Text(v.value.clone())));
                    }
                    if s.value.kind != v.kind {
                        changes.push(("kind", Value::Text(v.kind.id().to_string())));
                    }
                    if s.value.preferred != v.preferred {
                        changes.push(("preferred", Value::Integer(i64::from(v.preferred))));
                    }
                    if s.gone {
                        changes.push(("deleted", Value::Integer(0)));
                    }
                    if !changes.is_empty()
                        && !records::update(w, &VALUES, &id, &changes)?.is_empty()
                    {
                        touched = true;
                        set_match_key(w.conn(), &id, channel, v)?;
                    }
                }
                None => {
                    insert(w, contact_id, channel, v)?;
                    touched = true;
                }
            }
        }
        for s in all.iter().filter(|s| s.channel == channel && !s.gone) {
            if !wanted.iter().any(|(id, _)| *id == s.id) {
                records::update(w, &VALUES, &s.id, &[("deleted", Value::Integer(1))])?;
                touched = true;
            }
        }
        if touched {
            changed.push(channel.list_name());
        }
    }
    Ok(changed)
}

/// A new value of an existing contact.
fn insert(w: &mut Writer<'_>, contact_id: &str, channel: Channel, v: &ContactValue) -> Result<()> {
    let id = value_id(contact_id, channel, &v.value);
    let stamp = w.stamp();
    let values = [
        ("contact_id", Value::Text(contact_id.to_string())),
        ("channel", Value::Text(channel.id().to_string())),
        ("kind", Value::Text(v.kind.id().to_string())),
        ("value", Value::Text(v.value.clone())),
        ("preferred", Value::Integer(i64::from(v.preferred))),
    ];
    let created_at = format_timestamp(&stamp.at);
    let key = match_key(channel, v).map_or(Value::Null, Value::Text);
    records::insert_with(
        w,
        &VALUES,
        &id,
        &values,
        &[("match_key", key)],
        &stamp,
        &created_at,
    )?;
    Ok(())
}

/// A value of a contact being made, worked out before it is written (on another thread in
/// a bulk load): its id, what it holds, and its match key.
pub(crate) struct NewValue {
    id: String,
    channel: &'static str,
    kind: &'static str,
    value: String,
    preferred: bool,
    match_key: Option<String>,
}

/// The values of the lists a new contact's card gives, in the order given.
pub(crate) fn prepare_all(contact_id: &str, card: &ContactFields) -> Vec<NewValue> {
    let mut out = Vec::new();
    for channel in Channel::ALL {
        if let Some(list) = card.list(channel) {
            for v in settle(channel, list) {
                out.push(NewValue {
                    id: value_id(contact_id, channel, &v.value),
                    channel: channel.id(),
                    kind: v.kind.id(),
                    match_key: match_key(channel, &v),
                    preferred: v.preferred,
                    value: v.value,
                });
            }
        }
    }
    out
}

/// Writes the values of a contact made at `created_at`, each with a stamp of its own.
pub(crate) fn insert_prepared(
    w: &mut Writer<'_>,
    contact_id: &str,
    values: &[NewValue],
    created_at: &str,
) -> Result<()> {
    // Up to four values in one statement: a card's email and numbers are one write.
    for chunk in values.chunks(4) {
        let stamps: Vec<String> = chunk.iter().map(|_| w.stamp().hlc.to_string()).collect();
        let by = w.author().name.clone();
        let mut params: Vec<&dyn rusqlite::ToSql> = vec![&contact_id, &created_at, &by];
        let preferred: Vec<i64> = chunk.iter().map(|v| i64::from(v.preferred)).collect();
        for ((v, hlc), preferred) in chunk.iter().zip(&stamps).zip(&preferred) {
            params.extend([
                &v.id as &dyn rusqlite::ToSql,
                &v.channel,
                &v.kind,
                &v.value,
                preferred,
                hlc,
                &v.match_key,
            ]);
        }
        w.conn()
            .prepare_cached(values_insert_sql(chunk.len()))?
            .execute(params.as_slice())?;
    }
    Ok(())
}

/// `INSERT INTO contact_values ... VALUES (...), (...)` for `rows` new values of one contact
/// (one to four): ?1 is the contact, ?2 when and ?3 who, then seven parameters a value.
fn values_insert_sql(rows: usize) -> &'static str {
    const HEAD: &str = "INSERT INTO contact_values (contact_id, created_at, created_by, updated_at,
        updated_by, id, channel, kind, value, preferred, created_hlc, hlc, match_key) VALUES ";
    static SQL: [std::sync::OnceLock<String>; 4] = [const { std::sync::OnceLock::new() }; 4];
    let rows = rows.clamp(1, 4);
    SQL[rows - 1].get_or_init(|| {
        let tuples: Vec<String> = (0..rows)
            .map(|r| {
                let p = |i: usize| 4 + r * 7 + i;
                format!(
                    "(?1, ?2, ?3, ?2, ?3, ?{}, ?{}, ?{}, ?{}, ?{}, ?{}, ?{}, ?{})",
                    p(0),
                    p(1),
                    p(2),
                    p(3),
                    p(4),
                    p(5),
                    p(5),
                    p(6)
                )
            })
            .collect();
        format!("{HEAD}{}", tuples.join(", "))
    })
}

fn set_match_key(conn: &Connection, id: &str, channel: Channel, v: &ContactValue) -> Result<()> {
    write_match_key(conn, id, match_key(channel, v))
}

fn write_match_key(conn: &Connection, id: &str, key: Option<String>) -> Result<()> {
    conn.prepare_cached("UPDATE contact_values SET match_key = ?2 WHERE id = ?1")?
        .execute(params![id, key])?;
    Ok(())
}

/// After a merge changed the value at `seq`: its match key follows, and the contact it
/// belongs to (whose derived columns follow its lists).
pub(crate) fn refresh_derived_seq(conn: &Connection, seq: i64) -> Result<Option<String>> {
    let row: Option<(String, String, String, String, String)> = conn
        .prepare_cached(
            "SELECT id, contact_id, channel, kind, value FROM contact_values WHERE seq = ?1",
        )?
        .query_row([seq], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })?;
    let Some((id, contact_id, channel, kind, value)) = row else {
        return Ok(None);
    };
    if let Some(channel) = Channel::from_id(&channel) {
        write_match_key(conn, &id, stored_match_key(channel, &kind, &value))?;
    }
    Ok(Some(contact_id))
}

/// The match key of a value as its row stores it (channel and kind by their ids).
fn stored_match_key(channel: Channel, kind: &str, value: &str) -> Option<String> {
    let kind = ValueKind::ALL
        .into_iter()
        .find(|k| k.id() == kind)
        .unwrap_or(ValueKind::Other);
    match_key(channel, &ContactValue::new(value, kind))
}

/// What SQL calls a value's match key by: `leadtrack_match_key(channel, kind, value)`. A
/// merge's bulk insert writes each value with its key, rather than every row a second time
/// to add it.
pub(crate) const MATCH_KEY_SQL: &str = "leadtrack_match_key";

/// Lets this connection's own statements (never a schema's) work out match keys.
pub(crate) fn register_match_key(conn: &Connection) -> Result<()> {
    use rusqlite::functions::FunctionFlags;
    let flags = FunctionFlags::SQLITE_UTF8
        | FunctionFlags::SQLITE_DETERMINISTIC
        | FunctionFlags::SQLITE_DIRECTONLY;
    conn.create_scalar_function(MATCH_KEY_SQL, 3, flags, |ctx| {
        let text = |i| ctx.get_raw(i).as_str().ok();
        let (Some(channel), Some(kind), Some(value)) = (text(0), text(1), text(2)) else {
            return Ok(None);
        };
        Ok(Channel::from_id(channel).and_then(|c| stored_match_key(c, kind, value)))
    })?;
    Ok(())
}

/// When a contact's lists last changed and who changed them, if they ever did: a contact
/// shows as changed by the newest change to it or to its lists.
pub(crate) fn last_change(conn: &Connection, contact_id: &str) -> Result<Option<(String, String)>> {
    Ok(conn
        .prepare_cached(
            "SELECT updated_at, updated_by FROM contact_values WHERE contact_id = ?1
             ORDER BY updated_at DESC, updated_by DESC LIMIT 1",
        )?
        .query_row([contact_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })?)
}

/// The values a contact had and no longer has, for its history: (channel, value, the stamp
/// that added it, the stamp that removed it).
pub(crate) fn removed_of(
    conn: &Connection,
    contact_id: &str,
) -> Result<Vec<(Channel, String, String, String)>> {
    let mut out = Vec::new();
    let removed = conn
        .prepare_cached(
            "SELECT channel, value, created_hlc, ifnull(json_extract(clocks, '$.deleted'), created_hlc)
             FROM contact_values WHERE contact_id = ?1 AND gone = 1",
        )?
        .query_map([contact_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<Vec<(String, String, String, String)>>>()?;
    for (channel, value, added, gone) in removed {
        if let Some(channel) = Channel::from_id(&channel) {
            out.push((channel, value, added, gone));
        }
    }
    Ok(out)
}

/// A contact as schema 3 kept it: seq, id, creation stamp, clocks, its email, phone, mobile
/// and fax, and who made it.
type SingleValues = (i64, String, String, String, [Option<String>; 4], String);

/// What becomes of one value: the value, its kind, the stamp that last set it, and the stamp
/// that replaced it (none while it is current).
type Plan = (String, ValueKind, String, Option<String>);

/// Schema 4's step in code: the single email, phone, mobile and fax of every contact become
/// values of its lists, with the stamps the fields had, so every copy of a team makes the
/// same records; values a field had before (its history) become removed values, removed by
/// the change that replaced them, so a copy that still holds one as current loses it to that
/// change when merged. Then the contacts' clocks forget those fields, the single-value
/// match columns go, and what is derived from each contact (search terms with numbers as
/// digits) is worked out again.
pub(super) fn fill_from_single_values(conn: &Connection) -> Result<()> {
    use crate::model::Hlc;
    let authors: BTreeMap<String, String> = conn
        .prepare("SELECT node, name FROM authors")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let contacts: Vec<SingleValues> = conn
        .prepare(
            "SELECT seq, id, created_hlc, clocks, email, phone, mobile, fax, created_by
             FROM contacts ORDER BY seq",
        )?
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                [r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?],
                r.get(8)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut history =
        conn.prepare("SELECT value_hlc, value FROM history WHERE record_id = ?1 AND field = ?2")?;
    let fields = [
        ("email", Channel::Email, ValueKind::Work),
        ("phone", Channel::Phone, ValueKind::Work),
        ("mobile", Channel::Phone, ValueKind::Mobile),
        ("fax", Channel::Phone, ValueKind::Fax),
    ];
    for (_, id, created_hlc, clocks, current, created_by) in &contacts {
        let clocks: BTreeMap<String, String> = serde_json::from_str(clocks).unwrap_or_default();
        // Per channel, per value key.
        let mut plans: BTreeMap<(Channel, String), Plan> = BTreeMap::new();
        for ((field, channel, kind), now) in fields.iter().zip(current) {
            let set_at = clocks.get(*field).unwrap_or(created_hlc).clone();
            let mut events: Vec<(String, Option<String>)> = history
                .query_map(params![id, field], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?
                .into_iter()
                .map(|(stamp, json)| {
                    let value = json
                        .and_then(|j| serde_json::from_str::<serde_json::Value>(&j).ok())
                        .and_then(|v| v.as_str().map(str::to_string));
                    (stamp, value)
                })
                .collect();
            events.push((set_at, now.clone()));
            events.sort();
            for (i, (stamp, value)) in events.iter().enumerate() {
                let Some(value) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) else {
                    continue;
                };
                let replaced = events.get(i + 1).map(|(next, _)| next.clone());
                let key = (*channel, channel.key_of(value));
                // A current value wins over a replaced one of the same key.
                let keep_old = plans
                    .get(&key)
                    .is_some_and(|(_, _, _, gone)| gone.is_none() && replaced.is_some());
                if !keep_old {
                    plans.insert(key, (value.to_string(), *kind, stamp.clone(), replaced));
                }
            }
        }
        for ((channel, _), (value, kind, stamp, replaced)) in plans {
            let hlc: Option<Hlc> = stamp.parse().ok();
            let by = |stamp: &Option<Hlc>| {
                stamp
                    .as_ref()
                    .and_then(|h| authors.get(&h.node).cloned())
                    .unwrap_or_else(|| created_by.clone())
            };
            let at = |stamp: &Option<Hlc>| {
                format_timestamp(&stamp.as_ref().map(Hlc::time).unwrap_or_default())
            };
            let replaced_hlc: Option<Hlc> = replaced.as_deref().and_then(|r| r.parse().ok());
            let newest = replaced.clone().unwrap_or_else(|| stamp.clone());
            let clocks = match &replaced {
                Some(r) => serde_json::json!({ "deleted": r }).to_string(),
                None => "{}".to_string(),
            };
            let v = ContactValue {
                value,
                kind,
                preferred: replaced.is_none(),
            };
            conn.prepare_cached(
                "INSERT INTO contact_values (id, contact_id, channel, kind, value, preferred, deleted,
                     created_at, created_by, updated_at, updated_by, created_hlc, hlc, clocks, gone,
                     match_key)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?7, ?15)",
            )?
            .execute(params![
                value_id(id, channel, &v.value),
                id,
                channel.id(),
                v.kind.id(),
                v.value,
                i64::from(v.preferred),
                i64::from(replaced.is_some()),
                at(&hlc),
                by(&hlc),
                at(&replaced_hlc.clone().or(hlc.clone())),
                by(&replaced_hlc.or(hlc)),
                stamp,
                newest,
                clocks,
                match_key(channel, &v).filter(|_| replaced.is_none()),
            ])?;
        }
    }
    conn.execute_batch(
        "UPDATE contacts SET clocks = json_remove(clocks, '$.email', '$.phone', '$.mobile', '$.fax')
         WHERE clocks != '{}';
         DROP INDEX contacts_email_key;
         DROP INDEX contacts_mobile_key;
         ALTER TABLE contacts DROP COLUMN email_key;
         ALTER TABLE contacts DROP COLUMN mobile_key;",
    )?;
    for (seq, ..) in &contacts {
        super::contacts::refresh_derived_seq(conn, *seq, false)?;
    }
    if !contacts.is_empty() {
        super::search::apply_pending(conn)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_value_has_the_same_id_however_written() {
        let c = "0190a0b0-0000-7000-8000-000000000001";
        assert_eq!(
            value_id(c, Channel::Phone, "090-1234-5678"),
            value_id(c, Channel::Phone, "+81 90 1234 5678")
        );
        assert_eq!(
            value_id(c, Channel::Email, "Hanako@Example.jp"),
            value_id(c, Channel::Email, "hanako@example.jp")
        );
        assert_ne!(
            value_id(c, Channel::Email, "a@example.jp"),
            value_id(c, Channel::Email, "b@example.jp")
        );
        assert!(value_id(c, Channel::Email, "a@example.jp").starts_with(&format!("{c}/")));
    }
}
