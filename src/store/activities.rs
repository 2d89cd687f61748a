//! Activities: calls, meetings, emails, visits... on leads and contacts.

use super::leads::Origin;
use super::records::{self, ACTIVITIES, CONTACTS, LEADS, text};
use super::{Writer, beside, search};
use crate::error::{Error, Result};
use crate::model::activity::ActivityFields;
use crate::model::dates::{format_timestamp, parse_timestamp};
use crate::model::{Activity, ActivityKind, Direction};
use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row};

const COLUMNS: &str = "id, kind, lead_id, contact_id, occurred_at, duration_minutes, direction, \
    summary, body, rep, created_at, created_by, updated_at, updated_by, seq, campaign_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Activity> {
    let ts = |i: usize| -> rusqlite::Result<DateTime<Utc>> {
        Ok(parse_timestamp(&r.get::<_, String>(i)?).unwrap_or_default())
    };
    let kind: String = r.get(1)?;
    let direction: Option<String> = r.get(6)?;
    Ok(Activity {
        id: r.get(0)?,
        kind: kind.parse().unwrap_or(ActivityKind::Note),
        lead_id: r.get(2)?,
        contact_id: r.get(3)?,
        occurred_at: ts(4)?,
        duration_minutes: r.get(5)?,
        direction: direction.and_then(|d| d.parse().ok()),
        summary: r.get(7)?,
        body: r.get(8)?,
        by: r.get(9)?,
        created_at: ts(10)?,
        created_by: r.get(11)?,
        updated_at: ts(12)?,
        updated_by: r.get(13)?,
        campaign_id: r.get(15)?,
    })
}

/// Records an activity; returns its id. The lead's last activity follows, and the lead and
/// contact it is on are kept alive at its stamp: a rep logging on them still uses them, so a
/// delete made on another copy before the log does not hide the log (see
/// `records::keep_alive`).
pub fn insert(w: &mut Writer<'_>, a: &ActivityFields, origin: &Origin) -> Result<String> {
    let new = prepare(a, origin)?;
    let stamp = w.stamp();
    write(w, &new, &stamp)?;
    keep_alive(
        w,
        new.lead_id.as_deref(),
        new.contact_id.as_deref(),
        &stamp.hlc,
    )?;
    Ok(new.id.clone())
}

/// An activity ready to write: checked, with its row values and search terms worked out.
/// `prepare` needs no database, so a bulk load can prepare the next activities on another
/// thread while this one is written.
pub struct NewActivity {
    id: String,
    created_at: Option<DateTime<Utc>>,
    lead_id: Option<String>,
    contact_id: Option<String>,
    values: [(&'static str, Value); 10],
    terms: Option<String>,
}

pub fn prepare(a: &ActivityFields, origin: &Origin) -> Result<NewActivity> {
    if a.summary.trim().is_empty() {
        return Err(Error::said_plain("error-activity-needs-summary"));
    }
    if a.lead_id.is_none() && a.contact_id.is_none() {
        return Err(Error::said_plain("error-activity-needs-lead-or-contact"));
    }
    Ok(NewActivity {
        id: origin.id.clone().unwrap_or_else(crate::model::ids::new_id),
        created_at: origin.created_at,
        lead_id: a.lead_id.clone(),
        contact_id: a.contact_id.clone(),
        values: [
            ("kind", Value::Text(a.kind.id().to_string())),
            ("lead_id", text(a.lead_id.as_deref())),
            ("contact_id", text(a.contact_id.as_deref())),
            ("occurred_at", Value::Text(format_timestamp(&a.occurred_at))),
            (
                "duration_minutes",
                a.duration_minutes.map_or(Value::Null, Value::Integer),
            ),
            ("direction", text(a.direction.map(|d| d.id()))),
            ("summary", Value::Text(a.summary.trim().to_string())),
            ("body", text(a.body.as_deref())),
            ("rep", text(a.by.as_deref())),
            ("campaign_id", text(a.campaign_id.as_deref())),
        ],
        terms: search::terms_of(&a.summary),
    })
}

/// Writes a prepared activity; returns its id. For bulk loads that make the activity's lead
/// and contact in the same transaction (demo data), which need no keeping alive.
pub fn insert_prepared(w: &mut Writer<'_>, new: &NewActivity) -> Result<String> {
    let stamp = w.stamp();
    write(w, new, &stamp)?;
    Ok(new.id.clone())
}

fn write(w: &mut Writer<'_>, new: &NewActivity, stamp: &super::Stamp) -> Result<()> {
    let created_at = format_timestamp(&new.created_at.unwrap_or(stamp.at));
    let seq = records::insert(w, &ACTIVITIES, &new.id, &new.values, stamp, &created_at)?;
    search::set_terms(
        w.conn(),
        search::Index::Activities,
        seq,
        new.terms.as_deref(),
        true,
    )?;
    if let Some(lead_id) = &new.lead_id {
        w.activity_changed(lead_id);
    }
    Ok(())
}

/// Deletes an activity (a tombstone).
pub fn delete(w: &mut Writer<'_>, id: &str) -> Result<()> {
    records::update(w, &ACTIVITIES, id, &[("deleted", Value::Integer(1))])?;
    let (seq, lead_id): (i64, Option<String>) = w.conn().query_row(
        "SELECT seq, lead_id FROM activities WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    search::set_document(w.conn(), search::Index::Activities, seq, None, false)?;
    if let Some(lead_id) = lead_id {
        w.activity_changed(&lead_id);
    }
    Ok(())
}

/// Changes to an activity: each `Some` sets its field (`Some(None)` clears an optional one).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActivityPatch {
    pub kind: Option<ActivityKind>,
    pub occurred_at: Option<DateTime<Utc>>,
    pub duration_minutes: Option<Option<i64>>,
    pub direction: Option<Option<Direction>>,
    pub summary: Option<String>,
    pub body: Option<Option<String>>,
    pub contact_id: Option<Option<String>>,
    pub campaign_id: Option<Option<String>>,
}

impl ActivityPatch {
    pub fn is_empty(&self) -> bool {
        *self == ActivityPatch::default()
    }

    /// What a rep calls a stored field of an activity (`occurred_at` is "When").
    pub fn label(field: &str) -> &'static str {
        ActivityPatch::labels(field).0
    }

    /// The same in Japanese (`occurred_at` is 日時).
    pub fn label_ja(field: &str) -> &'static str {
        ActivityPatch::labels(field).1
    }

    fn labels(field: &str) -> (&'static str, &'static str) {
        match field {
            "kind" => ("Kind", "種類"),
            "occurred_at" => ("When", "日時"),
            "duration_minutes" => ("Duration", "所要時間"),
            "direction" => ("Direction", "発信・着信"),
            "summary" => ("Summary", "概要"),
            "body" => ("Details", "詳細"),
            "contact_id" => ("Contact", "担当者"),
            "lead_id" => ("Lead", "リード"),
            "rep" | "by" => ("By", "記録者"),
            "campaign_id" => ("Campaign", "キャンペーン"),
            _ => ("Field", "項目"),
        }
    }

    /// The patch that puts back what this one changes of `a`.
    pub fn undoing(&self, a: &Activity) -> ActivityPatch {
        ActivityPatch {
            kind: self.kind.map(|_| a.kind),
            occurred_at: self.occurred_at.map(|_| a.occurred_at),
            duration_minutes: self.duration_minutes.map(|_| a.duration_minutes),
            direction: self.direction.map(|_| a.direction),
            summary: self.summary.as_ref().map(|_| a.summary.clone()),
            body: self.body.as_ref().map(|_| a.body.clone()),
            contact_id: self.contact_id.as_ref().map(|_| a.contact_id.clone()),
            campaign_id: self.campaign_id.as_ref().map(|_| a.campaign_id.clone()),
        }
    }
}

/// Changes fields of a live activity: each changed value goes to the record history and
/// syncs like a lead's. Returns the fields that changed.
pub fn update(w: &mut Writer<'_>, id: &str, patch: &ActivityPatch) -> Result<Vec<&'static str>> {
    let Some(before) = get(w.conn(), id)? else {
        return Err(Error::NotFound {
            kind: "activity",
            prefix: id.to_string(),
        });
    };
    let mut changes: Vec<(&'static str, Value)> = Vec::new();
    if let Some(kind) = patch.kind {
        changes.push(("kind", Value::Text(kind.id().to_string())));
    }
    if let Some(at) = &patch.occurred_at {
        changes.push(("occurred_at", Value::Text(format_timestamp(at))));
    }
    if let Some(minutes) = patch.duration_minutes {
        if minutes.is_some_and(|m| m < 0) {
            return Err(Error::said_plain("error-duration-minutes"));
        }
        changes.push((
            "duration_minutes",
            minutes.map_or(Value::Null, Value::Integer),
        ));
    }
    if let Some(direction) = patch.direction {
        changes.push(("direction", text(direction.map(|d| d.id()))));
    }
    if let Some(summary) = &patch.summary {
        if summary.trim().is_empty() {
            return Err(Error::said_plain("error-activity-needs-summary"));
        }
        changes.push(("summary", Value::Text(summary.trim().to_string())));
    }
    if let Some(body) = &patch.body {
        changes.push(("body", text(body.as_deref())));
    }
    if let Some(contact) = &patch.contact_id {
        if contact.is_none() && before.lead_id.is_none() {
            return Err(Error::said_plain("error-activity-keeps-contact"));
        }
        changes.push(("contact_id", text(contact.as_deref())));
    }
    if let Some(campaign) = &patch.campaign_id {
        changes.push(("campaign_id", text(campaign.as_deref())));
    }
    let changed = records::update(w, &ACTIVITIES, id, &changes)?;
    if changed.contains(&"summary") {
        let seq: i64 =
            w.conn()
                .query_row("SELECT seq FROM activities WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
        let terms = patch.summary.as_deref().and_then(search::terms_of);
        search::set_terms(
            w.conn(),
            search::Index::Activities,
            seq,
            terms.as_deref(),
            false,
        )?;
    }
    if !changed.is_empty() {
        keep_owners_alive(w, id)?;
        if let Some(lead_id) = &before.lead_id {
            w.activity_changed(lead_id);
        }
    }
    Ok(changed)
}

/// Keeps the lead and contact an activity is on alive at `stamp` (see `records::keep_alive`).
fn keep_alive(
    w: &Writer<'_>,
    lead_id: Option<&str>,
    contact_id: Option<&str>,
    stamp: &crate::model::Hlc,
) -> Result<()> {
    if let Some(lead_id) = lead_id {
        records::keep_alive(w.conn(), &LEADS, lead_id, stamp)?;
    }
    if let Some(contact_id) = contact_id {
        records::keep_alive(w.conn(), &CONTACTS, contact_id, stamp)?;
    }
    Ok(())
}

/// Keeps the lead and contact of the activity `id` alive at its newest stamp, as logging
/// it did (see `insert`): changing or restoring it is use of them too.
fn keep_owners_alive(w: &Writer<'_>, id: &str) -> Result<()> {
    let (hlc, lead_id, contact_id): (String, Option<String>, Option<String>) = w.conn().query_row(
        "SELECT hlc, lead_id, contact_id FROM activities WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    match hlc.parse() {
        Ok(stamp) => keep_alive(w, lead_id.as_deref(), contact_id.as_deref(), &stamp),
        Err(_) => Ok(()),
    }
}

/// Brings a deleted activity back (undoing a delete): a newer change than its tombstone.
pub fn restore(w: &mut Writer<'_>, id: &str) -> Result<()> {
    records::update(w, &ACTIVITIES, id, &[("deleted", Value::Integer(0))])?;
    keep_owners_alive(w, id)?;
    let (seq, lead_id, summary): (i64, Option<String>, String) = w.conn().query_row(
        "SELECT seq, lead_id, summary FROM activities WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    search::set_document(
        w.conn(),
        search::Index::Activities,
        seq,
        Some(&summary),
        false,
    )?;
    if let Some(lead_id) = lead_id {
        w.activity_changed(&lead_id);
    }
    Ok(())
}

/// `leads.last_activity_at` is derived: the newest live activity of the lead.
pub(crate) fn refresh_last_activity(conn: &Connection, lead_id: &str) -> Result<()> {
    refresh_last_activity_where(conn, "id = ?1", [lead_id])
}

/// `refresh_last_activity` for many leads at once: the same two statements over a list of
/// ids instead of two per lead (the leads of a large import or of demo data).
pub(crate) fn refresh_last_activity_of(conn: &Connection, lead_ids: &[String]) -> Result<()> {
    if lead_ids.len() < 256 {
        return lead_ids
            .iter()
            .try_for_each(|id| refresh_last_activity(conn, id));
    }
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS stale_leads (id TEXT PRIMARY KEY) WITHOUT ROWID;
         DELETE FROM temp.stale_leads;",
    )?;
    let mut add = conn.prepare_cached("INSERT OR IGNORE INTO temp.stale_leads (id) VALUES (?1)")?;
    for id in lead_ids {
        add.execute([id])?;
    }
    refresh_last_activity_where(
        conn,
        "id IN (SELECT id FROM temp.stale_leads)",
        rusqlite::params![],
    )?;
    conn.execute_batch("DELETE FROM temp.stale_leads")?;
    Ok(())
}

/// The last activity, then the list keys (the quiet order follows it), of the leads `which`
/// (a fixed SQL condition, never input) selects.
fn refresh_last_activity_where(
    conn: &Connection,
    which: &str,
    params: impl rusqlite::Params + Copy,
) -> Result<()> {
    conn.prepare_cached(&format!(
        "UPDATE leads SET last_activity_at =
           (SELECT max(occurred_at) FROM activities WHERE lead_id = leads.id AND gone = 0)
         WHERE {which}"
    ))?
    .execute(params)?;
    super::leads::refresh_keys_where(conn, which, params)
}

pub fn resolve(conn: &Connection, prefix: &str) -> Result<String> {
    records::resolve(conn, &ACTIVITIES, prefix)
}

/// Whether an activity with this id was ever recorded here (deleted ones too).
pub fn exists(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM activities WHERE id = ?1)")?
        .query_row([id], |r| r.get(0))?)
}

/// One live activity by full id.
pub fn get(conn: &Connection, id: &str) -> Result<Option<Activity>> {
    by_id(conn, id, "gone = 0")
}

/// One activity by full id, deleted or not.
pub fn get_any(conn: &Connection, id: &str) -> Result<Option<Activity>> {
    by_id(conn, id, "true")
}

/// `which` is a fixed SQL condition, never input.
fn by_id(conn: &Connection, id: &str, which: &str) -> Result<Option<Activity>> {
    let sql = format!("SELECT {COLUMNS} FROM activities WHERE id = ?1 AND {which}");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?)
}

/// A lead's activities, newest first, at most `limit`.
pub fn of_lead(conn: &Connection, lead_id: &str, limit: usize) -> Result<Vec<Activity>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM activities WHERE lead_id = ?1 AND gone = 0
         ORDER BY occurred_at DESC, seq DESC LIMIT ?2"
    );
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params![lead_id, limit], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A contact's activities, newest first, at most `limit`.
pub fn of_contact(conn: &Connection, contact_id: &str, limit: usize) -> Result<Vec<Activity>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM activities WHERE contact_id = ?1 AND gone = 0
         ORDER BY occurred_at DESC, seq DESC LIMIT ?2"
    );
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params![contact_id, limit], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// What scoring needs of a lead's activities: kind and when, for every live activity.
pub fn scoring_inputs(
    conn: &Connection,
    lead_id: &str,
) -> Result<Vec<(ActivityKind, DateTime<Utc>)>> {
    let rows = conn
        .prepare_cached("SELECT kind, occurred_at FROM activities WHERE lead_id = ?1 AND gone = 0")?
        .query_map([lead_id], |r| {
            let kind: String = r.get(0)?;
            let at: String = r.get(1)?;
            Ok((
                kind.parse().unwrap_or(ActivityKind::Note),
                parse_timestamp(&at).unwrap_or_default(),
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// What scoring needs of every live activity on a lead, in no particular order: one pass
/// over the table, for rescoring every lead at once.
pub fn each_scoring_input(
    conn: &Connection,
    mut f: impl FnMut(&str, ActivityKind, DateTime<Utc>),
) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT lead_id, kind, occurred_at FROM activities WHERE gone = 0 AND lead_id IS NOT NULL",
    )?;
    let mut rows = stmt.query([])?;
    // Read in place: a million activities need no copies of their ids and times.
    while let Some(r) = rows.next()? {
        let text = |i| -> rusqlite::Result<&str> { Ok(r.get_ref(i)?.as_str()?) };
        let (lead_id, kind, at) = (text(0)?, text(1)?, text(2)?);
        f(
            lead_id,
            kind.parse().unwrap_or(ActivityKind::Note),
            parse_timestamp(at).unwrap_or_default(),
        );
    }
    Ok(())
}

/// Live activities by their `seq`s, in the order given (search results).
pub fn by_seqs(conn: &Connection, seqs: &[i64]) -> Result<Vec<Activity>> {
    let sql = format!("SELECT {COLUMNS} FROM activities WHERE seq = ?1 AND gone = 0");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut out = Vec::with_capacity(seqs.len());
    for seq in seqs {
        if let Some(a) = stmt.query_row([seq], from_row).optional()? {
            out.push(a);
        }
    }
    Ok(out)
}

/// Whether the activity `a` is shown: while the record it opens is there, its lead, or for
/// one on a contact alone, the contact. One whose lead was deleted (here, or on another copy
/// after the activity was logged) is kept, for when the lead comes back, but not shown.
pub(crate) const SHOWN: &str = "a.gone = 0 AND CASE WHEN a.lead_id IS NOT NULL
     THEN (SELECT gone FROM leads WHERE id = a.lead_id) = 0
     ELSE (SELECT gone FROM contacts WHERE id = a.contact_id) = 0 END";

/// Short unique forms of these ids, for tables.
pub fn short_ids(conn: &Connection, ids: &[String]) -> Result<Vec<String>> {
    records::short_ids(conn, &ACTIVITIES, ids)
}

/// An activity with the title of its lead and the name of the person it was with (none for
/// an activity on a contact alone, or with nobody).
pub type WithLead = (Activity, Option<String>, Option<String>);

/// The timeline's key: newest first, by when the activity happened, then as written.
const TIMELINE_KEY: [&str; 2] = ["a.occurred_at", "a.seq"];

/// One page of the timeline across leads (newest first), each activity with its key, the
/// title of its lead and the name of its contact (family name first, as a card reads).
pub fn page(
    conn: &Connection,
    page: &super::paging::Page<'_>,
) -> Result<Vec<(super::paging::Key, WithLead)>> {
    let columns = TIMELINE_KEY;
    let mut params: Vec<Value> = Vec::new();
    let prefixed: Vec<String> = COLUMNS
        .split(", ")
        .map(|c| format!("a.{}", c.trim()))
        .collect();
    let mut sql = format!(
        "SELECT {}, (SELECT title FROM leads WHERE id = a.lead_id),
                c.family_name, c.given_name, c.company, a.occurred_at, a.seq
         FROM activities a LEFT JOIN contacts c ON c.id = a.contact_id AND c.gone = 0
         WHERE {SHOWN}",
        prefixed.join(", ")
    );
    sql.push_str(&super::paging::clause(&columns, true, page, &mut params));
    let offset = COLUMNS.split(',').count();
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
        let family: Option<String> = r.get(offset + 1)?;
        let given: Option<String> = r.get(offset + 2)?;
        let company: Option<String> = r.get(offset + 3)?;
        let name = crate::model::contact::display_name(
            family.as_deref(),
            given.as_deref(),
            crate::model::contact::NameOrder::Auto,
        );
        let person = if name.is_empty() { company } else { Some(name) };
        Ok((
            super::paging::key_at(r, offset + 4, 2)?,
            (from_row(r)?, r.get(offset)?, person),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The key of one activity in the timeline (to show the timeline from it); `None` when it
/// is deleted or missing.
pub fn key_of(conn: &Connection, id: &str) -> Result<Option<super::paging::Key>> {
    let sql = format!(
        "SELECT {} FROM activities a WHERE a.id = ?1 AND a.gone = 0",
        TIMELINE_KEY.join(", ")
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], |r| super::paging::key_at(r, 0, TIMELINE_KEY.len()))
        .optional()?)
}

/// Moves every activity of one contact to another (merging duplicates).
pub fn reassign_contact(w: &mut Writer<'_>, from: &str, to: &str) -> Result<usize> {
    let ids: Vec<String> = w
        .conn()
        .prepare_cached("SELECT id FROM activities WHERE contact_id = ?1 AND gone = 0")?
        .query_map([from], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in &ids {
        records::update(
            w,
            &ACTIVITIES,
            id,
            &[("contact_id", Value::Text(to.to_string()))],
        )?;
    }
    Ok(ids.len())
}

/// Calls `f` with every live activity, newest first, one at a time (exports).
pub fn each(conn: &Connection, mut f: impl FnMut(Activity) -> Result<()>) -> Result<()> {
    let sql = format!(
        "SELECT {COLUMNS} FROM activities WHERE gone = 0 ORDER BY occurred_at DESC, seq DESC"
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        f(from_row(row)?)?;
    }
    Ok(())
}

/// Puts every activity after `seq` (those a merge has just made) in the search index, their
/// summaries worked out on a second thread, and hands each one's lead to `lead`.
pub(crate) fn index_made_after(
    conn: &Connection,
    seq: i64,
    mut lead: impl FnMut(String),
) -> Result<()> {
    type Read = (i64, bool, String, Option<String>);
    let read = |from: &i64| {
        beside::page_after(
            conn,
            "SELECT seq, gone, summary, lead_id FROM activities WHERE seq > ?1
             ORDER BY seq LIMIT 4096",
            *from,
            |r| -> rusqlite::Result<Read> {
                Ok((r.get(0)?, r.get::<_, i64>(1)? == 0, r.get(2)?, r.get(3)?))
            },
        )
    };
    beside::paged(
        seq,
        read,
        |(at, live, summary, lead_id)| {
            let terms = live.then(|| search::terms_of(&summary)).flatten();
            (at, terms, lead_id)
        },
        |(at, terms, lead_id)| {
            search::set_terms(conn, search::Index::Activities, at, terms.as_deref(), true)?;
            if let Some(lead_id) = lead_id {
                lead(lead_id);
            }
            Ok(())
        },
    )
}
