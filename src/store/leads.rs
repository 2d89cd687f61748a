//! Leads and their stage history.

use super::narrowing::Narrowing;
use super::records::{self, LEADS, parse_tags, tags_value, text};
use super::{Stamp, Writer, beside, search, stage_sql};
use crate::error::{Error, Result};
use crate::model::dates::{format_timestamp, parse_timestamp};
use crate::model::lead::{CustomerValue, LeadFields, LeadPatch, LinkedContact, StageChange};
use crate::model::{Due, Lead, Qualification, Rank, Stage, StageMap};
use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params};

const COLUMNS: &str = "id, title, company, stage, source, source_detail, owner, value, \
    next_action, next_action_on, qualification, tags, notes, created_at, created_by, \
    updated_at, updated_by, score, rank, last_activity_at, seq, campaign_id, upsell";

/// Where a new record comes from: a fresh id and "now", or given ones (demo data, imports).
#[derive(Debug, Clone, Default)]
pub struct Origin {
    pub id: Option<String>,
    pub created_at: Option<DateTime<Utc>>,
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Lead> {
    let stage: String = r.get(3)?;
    let ts = |i: usize| -> rusqlite::Result<DateTime<Utc>> {
        Ok(parse_timestamp(&r.get::<_, String>(i)?).unwrap_or_default())
    };
    Ok(Lead {
        id: r.get(0)?,
        title: r.get(1)?,
        company: r.get(2)?,
        stage: stage.parse().unwrap_or_default(),
        source: r.get(4)?,
        source_detail: r.get(5)?,
        owner: r.get(6)?,
        value: r.get(7)?,
        next_action: r.get(8)?,
        next_action_on: r
            .get::<_, Option<String>>(9)?
            .as_deref()
            .and_then(Due::from_storage),
        qualification: r
            .get::<_, Option<String>>(10)?
            .and_then(|q| serde_json::from_str(&q).ok())
            .unwrap_or_default(),
        tags: parse_tags(r.get(11)?),
        notes: r.get(12)?,
        created_at: ts(13)?,
        created_by: r.get(14)?,
        updated_at: ts(15)?,
        updated_by: r.get(16)?,
        score: r.get(17)?,
        rank: Rank::from_letter(&r.get::<_, String>(18)?),
        last_activity_at: r
            .get::<_, Option<String>>(19)?
            .as_deref()
            .and_then(parse_timestamp),
        campaign_id: r.get(21)?,
        upsell: r.get::<_, Option<i64>>(22)?.unwrap_or(0) != 0,
        contacts: Vec::new(),
    })
}

fn qualification_value(q: &Qualification) -> Value {
    if q.is_unknown() {
        Value::Null
    } else {
        Value::Text(serde_json::to_string(q).unwrap_or_default())
    }
}

fn due_value(due: Option<&Due>) -> Value {
    due.map_or(Value::Null, |d| Value::Text(d.to_storage()))
}

fn value_of(v: Option<i64>) -> Value {
    v.map_or(Value::Null, Value::Integer)
}

/// Adds a lead; returns its id. The first stage is recorded in the stage history.
pub fn insert(w: &mut Writer<'_>, lead: &LeadFields, origin: &Origin) -> Result<String> {
    insert_moved(w, lead, origin, None)
}

/// Adds a lead that has since moved on (demo data): made in `lead.stage`, moved to `moved`'s
/// stage at its time. The lead is written in the stage it ended in, and its stage history
/// holds the first stage and the move, each with its own date, so that no record of the lead
/// dates the move to the day the data was made.
pub fn insert_moved(
    w: &mut Writer<'_>,
    lead: &LeadFields,
    origin: &Origin,
    moved: Option<(Stage, DateTime<Utc>)>,
) -> Result<String> {
    if lead.title.trim().is_empty() {
        return Err(Error::said_plain("error-lead-needs-title"));
    }
    let stamp = w.stamp();
    let created_at = origin.created_at.unwrap_or(stamp.at);
    let id = origin.id.clone().unwrap_or_else(crate::model::ids::new_id);
    let now_in = moved.map_or(lead.stage, |(stage, _)| stage);
    let upsell = match lead.upsell {
        Some(given) => given,
        None => is_customer_company(w.conn(), lead.company.as_deref())?,
    };
    let values = [
        ("title", Value::Text(lead.title.trim().to_string())),
        ("company", text(lead.company.as_deref())),
        ("stage", Value::Text(now_in.id().to_string())),
        ("source", text(lead.source.as_deref())),
        ("source_detail", text(lead.source_detail.as_deref())),
        ("owner", text(lead.owner.as_deref())),
        ("value", value_of(lead.value)),
        ("next_action", text(lead.next_action.as_deref())),
        ("next_action_on", due_value(lead.next_action_on.as_ref())),
        ("qualification", qualification_value(&lead.qualification)),
        ("tags", tags_value(&lead.tags)),
        ("notes", text(lead.notes.as_deref())),
        ("campaign_id", text(lead.campaign_id.as_deref())),
        ("upsell", Value::Integer(i64::from(upsell))),
    ];
    let created_text = format_timestamp(&created_at);
    let seq = records::insert(w, &LEADS, &id, &values, &stamp, &created_text)?;
    record_stage_change(w.conn(), &id, None, lead.stage, &created_text, &stamp)?;
    if let Some((to, at)) = moved.filter(|(to, _)| *to != lead.stage) {
        let later = w.stamp();
        let at = format_timestamp(&at);
        record_stage_change(w.conn(), &id, Some(lead.stage), to, &at, &later)?;
        // The move was the lead's last change.
        w.conn()
            .prepare_cached("UPDATE leads SET updated_at = ?2 WHERE seq = ?1")?
            .execute(params![seq, at])?;
    }
    reindex(w.conn(), seq, true)?;
    Ok(id)
}

/// Whether a company already has a lead that was won: a new lead on it is an upsell. Names
/// are matched as written, trimmed (the company a rep types for their own customer).
pub fn is_customer_company(conn: &Connection, company: Option<&str>) -> Result<bool> {
    let Some(company) = company.map(str::trim).filter(|c| !c.is_empty()) else {
        return Ok(false);
    };
    Ok(conn
        .prepare_cached(&format!(
            "SELECT EXISTS (SELECT 1 FROM leads WHERE company = ?1 AND stage = {} AND gone = 0)",
            stage_sql::literal(Stage::Customer)
        ))?
        .query_row([company], |r| r.get(0))?)
}

/// Applies a patch; returns the fields that changed.
pub fn update(w: &mut Writer<'_>, id: &str, patch: &LeadPatch) -> Result<Vec<&'static str>> {
    live_stage(w.conn(), id)?;
    let mut changes: Vec<(&'static str, Value)> = Vec::new();
    if let Some(title) = &patch.title {
        if title.trim().is_empty() {
            return Err(Error::said_plain("error-title-not-empty"));
        }
        changes.push(("title", Value::Text(title.trim().to_string())));
    }
    let texts = [
        ("company", &patch.company),
        ("source", &patch.source),
        ("source_detail", &patch.source_detail),
        ("owner", &patch.owner),
        ("next_action", &patch.next_action),
        ("notes", &patch.notes),
        ("campaign_id", &patch.campaign_id),
    ];
    for (field, value) in texts {
        if let Some(v) = value {
            changes.push((field, text(v.as_deref())));
        }
    }
    if let Some(v) = patch.value {
        changes.push(("value", value_of(v)));
    }
    if let Some(due) = &patch.next_action_on {
        changes.push(("next_action_on", due_value(due.as_ref())));
    }
    if let Some(q) = &patch.qualification {
        changes.push(("qualification", qualification_value(q)));
    }
    if let Some(tags) = &patch.tags {
        changes.push(("tags", tags_value(tags)));
    }
    if let Some(upsell) = patch.upsell {
        changes.push(("upsell", Value::Integer(i64::from(upsell))));
    }
    let changed = records::update(w, &LEADS, id, &changes)?;
    if !changed.is_empty() {
        reindex_id(w.conn(), id)?;
    }
    Ok(changed)
}

/// Moves a lead to `stage`, recording the move. Returns false when it was already there.
pub fn set_stage(w: &mut Writer<'_>, id: &str, stage: Stage) -> Result<bool> {
    Ok(move_stage(w, id, stage)?.is_some())
}

/// Moves a lead to `stage` now; the id of the recorded stage change (what an undo of the
/// move names), none when the lead was already there.
pub fn move_stage(w: &mut Writer<'_>, id: &str, stage: Stage) -> Result<Option<String>> {
    let now = w.stamp().at;
    move_stage_at(w, id, stage, now)
}

/// Moves a lead, recording the move as made at `at` (demo data and imports give the past).
pub fn set_stage_at(w: &mut Writer<'_>, id: &str, stage: Stage, at: DateTime<Utc>) -> Result<bool> {
    Ok(move_stage_at(w, id, stage, at)?.is_some())
}

fn move_stage_at(
    w: &mut Writer<'_>,
    id: &str,
    stage: Stage,
    at: DateTime<Utc>,
) -> Result<Option<String>> {
    let current = live_stage(w.conn(), id)?;
    if current == stage {
        return Ok(None);
    }
    records::update(
        w,
        &LEADS,
        id,
        &[("stage", Value::Text(stage.id().to_string()))],
    )?;
    let stamp = w.stamp();
    let change = record_stage_change(
        w.conn(),
        id,
        Some(current),
        stage,
        &format_timestamp(&at),
        &stamp,
    )?;
    Ok(Some(change))
}

/// Takes back the recorded move `change_id` of a lead: the lead goes back to the stage it
/// left, and the move and the one taking it back are both marked undone (they stay in the
/// stage history; the funnel stats leave them out). Returns the stage the lead is back in.
/// Refused when the lead has moved on since: its stage is no longer the move's to undo.
pub fn undo_move(w: &mut Writer<'_>, lead_id: &str, change_id: &str) -> Result<Stage> {
    let change: Option<(Option<String>, String, i64)> = w
        .conn()
        .prepare_cached(
            "SELECT from_stage, to_stage, undone FROM stage_changes WHERE id = ?1 AND lead_id = ?2",
        )?
        .query_row([change_id, lead_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    let Some((Some(from), to, 0)) = change else {
        return Err(Error::said(
            "error-move-not-undoable",
            [
                ("change", change_id.to_string()),
                ("lead", lead_id.to_string()),
            ],
        ));
    };
    let (from, to): (Stage, Stage) = (
        from.parse().unwrap_or_default(),
        to.parse().unwrap_or_default(),
    );
    let current = live_stage(w.conn(), lead_id)?;
    if current != to {
        let label = |stage: Stage| crate::i18n::Arg::Each {
            en: stage.label_en().to_string(),
            ja: stage.label_ja().to_string(),
        };
        return Err(Error::said(
            "error-moved-on-since",
            [("current", label(current)), ("to", label(to))],
        ));
    }
    let back = move_stage(w, lead_id, from)?;
    w.conn()
        .prepare_cached("UPDATE stage_changes SET undone = 1 WHERE id IN (?1, ?2)")?
        .execute(params![change_id, back])?;
    Ok(from)
}

/// Deletes a lead (a tombstone: it can be restored, and merges honour it).
pub fn delete(w: &mut Writer<'_>, id: &str) -> Result<()> {
    live_stage(w.conn(), id)?;
    records::update(w, &LEADS, id, &[("deleted", Value::Integer(1))])?;
    reindex_id(w.conn(), id)
}

/// Brings a deleted lead back (undo of a delete).
pub fn restore(w: &mut Writer<'_>, id: &str) -> Result<()> {
    records::update(w, &LEADS, id, &[("deleted", Value::Integer(0))])?;
    reindex_id(w.conn(), id)
}

fn record_stage_change(
    conn: &Connection,
    lead_id: &str,
    from: Option<Stage>,
    to: Stage,
    at: &str,
    stamp: &Stamp,
) -> Result<String> {
    let id = crate::model::ids::new_id();
    conn.prepare_cached(
        "INSERT INTO stage_changes (id, lead_id, from_stage, to_stage, at, by, hlc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        id,
        lead_id,
        from.map(Stage::id),
        to.id(),
        at,
        stamp.by,
        stamp.hlc.to_string()
    ])?;
    Ok(id)
}

/// The stage of a live lead; an error naming it when it is deleted or missing.
pub fn live_stage(conn: &Connection, id: &str) -> Result<Stage> {
    let row: Option<(String, i64)> = conn
        .prepare_cached("SELECT stage, gone FROM leads WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match row {
        None => Err(Error::NotFound {
            kind: "lead",
            prefix: id.to_string(),
        }),
        Some((_, gone)) if gone != 0 => Err(Error::Deleted {
            kind: "lead",
            id: id.to_string(),
        }),
        Some((stage, _)) => Ok(stage.parse().unwrap_or_default()),
    }
}

/// Refreshes what is derived from a lead's fields: sort keys and search terms.
fn reindex(conn: &Connection, seq: i64, fresh: bool) -> Result<()> {
    refresh_keys(conn, seq)?;
    let row: Option<(i64, Vec<Option<String>>)> = conn
        .prepare_cached(
            "SELECT gone, title, company, next_action, source_detail, tags FROM leads WHERE seq = ?1",
        )?
        .query_row([seq], |r| {
            let texts = (1..=5).map(|i| r.get(i)).collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((r.get(0)?, texts))
        })
        .optional()?;
    let Some((gone, texts)) = row else {
        return Ok(());
    };
    let terms = (gone == 0).then(|| document_terms(texts)).flatten();
    search::set_terms(conn, search::Index::Leads, seq, terms.as_deref(), fresh)
}

/// Refreshes a lead's derived columns and search terms by `seq`.
pub(crate) fn reindex_seq(conn: &Connection, seq: i64, fresh: bool) -> Result<()> {
    reindex(conn, seq, fresh)
}

/// Refreshes what is derived from every lead after `seq` (those a merge has just made): the
/// keys in one statement, the search terms worked out on a second thread. Hands each one's
/// id to `made`.
pub(crate) fn reindex_made_after(
    conn: &Connection,
    seq: i64,
    mut made: impl FnMut(String),
) -> Result<()> {
    refresh_keys_where(conn, "seq > ?1", [seq])?;
    type Read = (i64, String, bool, Vec<Option<String>>);
    let read = |from: &i64| {
        beside::page_after(
            conn,
            "SELECT seq, id, gone, title, company, next_action, source_detail, tags
             FROM leads WHERE seq > ?1 ORDER BY seq LIMIT 4096",
            *from,
            |r| -> rusqlite::Result<Read> {
                let texts = (3..=7).map(|i| r.get(i)).collect::<rusqlite::Result<_>>()?;
                Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? == 0, texts))
            },
        )
    };
    beside::paged(
        seq,
        read,
        |(at, id, live, texts)| (at, id, live.then(|| document_terms(texts)).flatten()),
        |(at, id, terms)| {
            search::set_terms(conn, search::Index::Leads, at, terms.as_deref(), true)?;
            made(id);
            Ok(())
        },
    )
}

/// The search terms of a lead's title, company, next action, source detail and tags.
fn document_terms(mut texts: Vec<Option<String>>) -> Option<String> {
    if let Some(tags) = texts.get_mut(4) {
        *tags = Some(parse_tags(tags.take()).join(" "));
    }
    let doc: Vec<String> = texts.into_iter().flatten().collect();
    search::terms_of(&doc.join(" "))
}

pub(crate) fn reindex_id(conn: &Connection, id: &str) -> Result<()> {
    let seq: Option<i64> = conn
        .prepare_cached("SELECT seq FROM leads WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    match seq {
        Some(seq) => reindex(conn, seq, false),
        None => Ok(()),
    }
}

/// Stores a lead's computed score and rank (derived data: not synced, no history).
pub fn set_score(w: &Writer<'_>, id: &str, score: f64, rank: Rank) -> Result<()> {
    // The board key follows the rank in the same statement (the other keys do not use it).
    let sql = format!(
        "UPDATE leads SET score = ?2, rank = ?3, board_key = {}
         WHERE id = ?1 AND (score != ?2 OR rank != ?3)",
        board_key("?3")
    );
    w.conn()
        .prepare_cached(&sql)?
        .execute(params![id, score, rank.letter()])?;
    Ok(())
}

/// The full id of the one live lead whose id starts with `prefix`.
pub fn resolve(conn: &Connection, prefix: &str) -> Result<String> {
    records::resolve(conn, &LEADS, prefix)
}

/// One lead by full id, linked contacts included; `None` when missing or deleted.
pub fn get(
    conn: &Connection,
    id: &str,
    order: crate::model::contact::NameOrder,
) -> Result<Option<Lead>> {
    let sql = format!("SELECT {COLUMNS} FROM leads WHERE id = ?1 AND gone = 0");
    let lead = conn
        .prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?;
    let Some(mut lead) = lead else {
        return Ok(None);
    };
    lead.contacts = super::links::contacts_of(conn, id, order)?;
    Ok(Some(lead))
}

/// Which leads `list` returns.
#[derive(Debug, Clone, Default)]
pub struct LeadFilter {
    pub narrowing: Narrowing,
    /// Customers are listed only when asked for by stage or with this flag.
    pub include_customers: bool,
    pub limit: Option<usize>,
}

/// Leads in board order (stage, rank, next-action date with none last, age).
pub fn list(conn: &Connection, filter: &LeadFilter) -> Result<Vec<Lead>> {
    let mut sql = format!("SELECT {COLUMNS} FROM leads WHERE gone = 0");
    let mut params: Vec<Value> = Vec::new();
    if filter.narrowing.stage.is_none() && !filter.include_customers {
        sql.push_str(&format!(" AND stage NOT IN ({})", stage_sql::closed()));
    }
    sql.push_str(&filter.narrowing.clause("leads", &mut params));
    sql.push_str(&format!(
        " ORDER BY {}, board_key",
        stage_sql::board_order("stage")
    ));
    if let Some(limit) = filter.limit {
        sql.push_str(&format!(" LIMIT {limit}"));
    }
    let mut stmt = conn.prepare(&sql)?;
    let leads = stmt
        .query_map(rusqlite::params_from_iter(params), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(leads)
}

/// A lead's stage changes, oldest first; moves taken back by undo are marked undone.
pub fn stage_history(conn: &Connection, id: &str) -> Result<Vec<StageChange>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, from_stage, to_stage, at, by, undone FROM stage_changes WHERE lead_id = ?1 ORDER BY hlc",
    )?;
    let rows = stmt.query_map([id], |r| {
        let from: Option<String> = r.get(1)?;
        let to: String = r.get(2)?;
        Ok(StageChange {
            id: r.get(0)?,
            from: from.and_then(|s| s.parse().ok()),
            to: to.parse().unwrap_or_default(),
            at: parse_timestamp(&r.get::<_, String>(3)?).unwrap_or_default(),
            by: r.get(4)?,
            undone: r.get::<_, i64>(5)? != 0,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Live leads by their `seq`s, in the order given (search results).
pub fn by_seqs(conn: &Connection, seqs: &[i64]) -> Result<Vec<Lead>> {
    let sql = format!("SELECT {COLUMNS} FROM leads WHERE seq = ?1 AND gone = 0");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut out = Vec::with_capacity(seqs.len());
    for seq in seqs {
        if let Some(lead) = stmt.query_row([seq], from_row).optional()? {
            out.push(lead);
        }
    }
    Ok(out)
}

/// The ids of every live lead (rescoring).
pub fn all_ids(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT id FROM leads WHERE gone = 0")?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(ids)
}

/// Short unique forms of these ids, for tables.
pub fn short_ids(conn: &Connection, ids: &[String]) -> Result<Vec<String>> {
    records::short_ids(conn, &LEADS, ids)
}

/// Which leads a paged list shows: its own scope, narrowed by the rep's filters.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LeadScope {
    /// One stage (a board column, or customers).
    pub stage: Option<Stage>,
    /// Follow-ups: open leads, and customers only when they have a next action.
    pub follow_ups: bool,
    pub narrowing: Narrowing,
}

impl LeadScope {
    /// The scope as SQL conditions (each starting with AND), its values added to `params`.
    fn clause(&self, params: &mut Vec<Value>) -> String {
        let mut sql = String::new();
        if let Some(stage) = self.stage {
            params.push(Value::Text(stage.id().to_string()));
            sql.push_str(&format!(" AND stage = ?{}", params.len()));
        }
        if self.follow_ups {
            sql.push_str(&format!(
                " AND (stage NOT IN ({}) OR next_action_on IS NOT NULL)",
                stage_sql::closed()
            ));
        }
        sql.push_str(&self.narrowing.clause("leads", params));
        sql
    }
}

/// The orders paged lead lists come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LeadOrder {
    /// Rank, then next-action date (none last): the board.
    #[default]
    Board,
    /// Next-action date (none last): follow-ups.
    Due,
    /// Largest expected value first (none last).
    Value,
    /// Longest without activity first.
    Quiet,
}

impl LeadOrder {
    fn columns(self) -> &'static [&'static str] {
        match self {
            LeadOrder::Board => &["board_key"],
            LeadOrder::Due => &["due_key"],
            LeadOrder::Value => &["value_key"],
            LeadOrder::Quiet => &["quiet_key"],
        }
    }
}

/// Recomputes the sort keys of the paged lists after rank or next-action date changed.
pub(crate) fn refresh_keys(conn: &Connection, seq: i64) -> Result<()> {
    refresh_keys_where(conn, "seq = ?1", [seq])
}

/// `refresh_keys` for every lead `which` (a fixed SQL condition, never input) selects.
pub(crate) fn refresh_keys_where(
    conn: &Connection,
    which: &str,
    params: impl rusqlite::Params,
) -> Result<()> {
    conn.prepare_cached(&keys_sql(which))?.execute(params)?;
    Ok(())
}

fn keys_sql(which: &str) -> String {
    format!(
        "UPDATE leads SET
           board_key = {},
           due_key = ifnull(next_action_on, '~') || '|' || printf('%012d', seq),
           value_key = printf('%019d', 9000000000000000000 - ifnull(value, -1)) || '|' || printf('%012d', seq),
           quiet_key = ifnull(last_activity_at, created_at) || '|' || printf('%012d', seq)
         WHERE {which}",
        board_key("rank")
    )
}

/// The board's order within a column: rank, then next-action date, then age.
fn board_key(rank: &str) -> String {
    format!("{rank} || '|' || ifnull(next_action_on, '~') || '|' || printf('%012d', seq)")
}

/// The main contact of the lead in `leads` (the decision maker first, then by role, then
/// the first linked), as id, family name, given name and role joined by U+001F; one lookup
/// per row, by the `lead_contacts_by_lead` index.
const MAIN_CONTACT: &str = "(SELECT c.id || char(31) || ifnull(c.family_name, '') || char(31)
        || ifnull(c.given_name, '') || char(31) || lc.role
    FROM lead_contacts lc JOIN contacts c ON c.id = lc.contact_id
    WHERE lc.lead_id = leads.id AND lc.gone = 0 AND c.gone = 0
    ORDER BY CASE lc.role WHEN 'decision_maker' THEN 0 WHEN 'influencer' THEN 1
             WHEN 'user' THEN 2 WHEN 'gatekeeper' THEN 3 ELSE 4 END, lc.seq
    LIMIT 1)";

/// The main contact read from `MAIN_CONTACT`, named in `order`.
fn main_contact(
    joined: Option<String>,
    order: crate::model::contact::NameOrder,
) -> Option<LinkedContact> {
    let joined = joined?;
    let mut parts = joined.split('\u{1f}');
    let id = parts.next()?.to_string();
    let family = parts.next().filter(|s| !s.is_empty());
    let given = parts.next().filter(|s| !s.is_empty());
    let role = parts
        .next()
        .and_then(|r| r.parse().ok())
        .unwrap_or_default();
    Some(LinkedContact {
        id,
        name: crate::model::contact::display_name(family, given, order),
        company: None,
        role,
        phone: None,
        email: None,
    })
}

/// One page of a lead list, each lead with its key. Of the linked contacts only the main
/// one is loaded (named in `names`, without phone or email).
pub fn page(
    conn: &Connection,
    scope: &LeadScope,
    order: LeadOrder,
    names: crate::model::contact::NameOrder,
    page: &super::paging::Page<'_>,
) -> Result<Vec<(super::paging::Key, Lead)>> {
    let columns = order.columns();
    let mut params: Vec<Value> = Vec::new();
    let mut sql = format!(
        "SELECT {COLUMNS}, {MAIN_CONTACT}, {} FROM leads WHERE gone = 0",
        columns.join(", ")
    );
    sql.push_str(&scope.clause(&mut params));
    sql.push_str(&super::paging::clause(columns, false, page, &mut params));
    let main_at = COLUMNS.split(',').count();
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
        let mut lead = from_row(r)?;
        lead.contacts
            .extend(main_contact(r.get::<_, Option<String>>(main_at)?, names));
        Ok((super::paging::key_at(r, main_at + 1, columns.len())?, lead))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The key of one lead in a paged list (to show the list from that lead); `None` when the
/// lead is not in that list.
pub fn key_of(
    conn: &Connection,
    id: &str,
    scope: &LeadScope,
    order: LeadOrder,
) -> Result<Option<super::paging::Key>> {
    let columns = order.columns();
    let mut params: Vec<Value> = vec![Value::Text(id.to_string())];
    let mut sql = format!(
        "SELECT {} FROM leads WHERE id = ?1 AND gone = 0",
        columns.join(", ")
    );
    sql.push_str(&scope.clause(&mut params));
    Ok(conn
        .prepare_cached(&sql)?
        .query_row(rusqlite::params_from_iter(params), |r| {
            super::paging::key_at(r, 0, columns.len())
        })
        .optional()?)
}

/// The reps who own leads, for the owner filter.
pub fn owners(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT owner FROM leads WHERE gone = 0 AND owner IS NOT NULL ORDER BY owner",
    )?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
}

/// Count and summed value of the live leads in each stage.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct StageTotal {
    pub count: i64,
    pub value: i64,
}

/// From the totals the triggers keep (see the schema), not a count over every lead.
pub fn stage_totals(conn: &Connection) -> Result<Vec<(Stage, StageTotal)>> {
    let mut stmt = conn.prepare_cached("SELECT stage, leads, value FROM stage_totals")?;
    let rows = stmt.query_map([], |r| {
        let stage: String = r.get(0)?;
        Ok((
            stage,
            StageTotal {
                count: r.get(1)?,
                value: r.get(2)?,
            },
        ))
    })?;
    let mut out: Vec<(Stage, StageTotal)> = Stage::ALL
        .iter()
        .map(|s| (*s, StageTotal::default()))
        .collect();
    for row in rows {
        let (stage, total) = row?;
        if let Some(slot) = out.iter_mut().find(|(s, _)| s.id() == stage) {
            slot.1 = total;
        }
    }
    Ok(out)
}

/// How many follow-ups are due before `day` (overdue when `day` is today), for `owner` or all.
pub fn due_before(conn: &Connection, day: chrono::NaiveDate, owner: Option<&str>) -> Result<i64> {
    // From the counts the triggers keep per owner and day (see migration 7), not a count
    // over the leads.
    let day = day.format("%Y-%m-%d").to_string();
    let n = match owner {
        Some(owner) => conn
            .prepare_cached(
                "SELECT ifnull(sum(leads), 0) FROM due_days WHERE owner = ?2 AND day < ?1",
            )?
            .query_row(params![day, owner], |r| r.get(0))?,
        None => conn
            .prepare_cached("SELECT ifnull(sum(leads), 0) FROM due_days WHERE day < ?1")?
            .query_row([day], |r| r.get(0))?,
    };
    Ok(n)
}

/// Count and summed value per stage of the leads `narrowing` keeps (a filtered board's
/// column heads): one pass over the leads for every stage at once, so a text filter asks the
/// search index once.
pub fn narrowed_totals(conn: &Connection, narrowing: &Narrowing) -> Result<StageMap<StageTotal>> {
    let mut params: Vec<Value> = Vec::new();
    let sql = format!(
        "SELECT stage, count(*), ifnull(sum(value), 0) FROM leads WHERE gone = 0{} GROUP BY stage",
        narrowing.clause("leads", &mut params)
    );
    let mut totals = Stage::ALL.map(|_| StageTotal::default());
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
    while let Some(r) = rows.next()? {
        if let Ok(stage) = r.get::<_, String>(0)?.parse::<Stage>() {
            totals[stage] = StageTotal {
                count: r.get(1)?,
                value: r.get(2)?,
            };
        }
    }
    Ok(totals)
}

/// Calls `f` with every live lead (customers too) in board order, one at a time (exports).
pub fn each(conn: &Connection, mut f: impl FnMut(Lead) -> Result<()>) -> Result<()> {
    let sql = format!(
        "SELECT {COLUMNS} FROM leads WHERE gone = 0 ORDER BY {}, board_key",
        stage_sql::board_order("stage")
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        f(from_row(row)?)?;
    }
    Ok(())
}

/// What the customer `lead` is worth: the won deals of its company (found by name, as a
/// rep writes it), or of the lead alone when it names none.
pub fn customer_value(conn: &Connection, lead: &Lead) -> Result<CustomerValue> {
    let won = stage_sql::literal(Stage::Customer);
    let company = lead
        .company
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    // The won leads counted: the company's, or the lead itself.
    let (which, key) = match company {
        Some(company) => ("company = ?1", company.to_string()),
        None => ("id = ?1", lead.id.clone()),
    };
    let (lifetime_value, won_deals, last_won): (i64, i64, Option<String>) = conn
        .prepare_cached(&format!(
            "SELECT ifnull(sum(l.value), 0), count(*),
                    (SELECT max(s.at) FROM stage_changes s WHERE s.undone = 0 AND s.to_stage = {won}
                       AND s.lead_id IN (SELECT id FROM leads WHERE {which} AND stage = {won} AND gone = 0))
             FROM leads l WHERE l.{which} AND l.stage = {won} AND l.gone = 0"
        ))?
        .query_row([&key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let open_upsell_leads = match company {
        Some(company) => conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM leads WHERE company = ?1 AND gone = 0 AND upsell = 1
                   AND stage IN ({})",
                stage_sql::list([Stage::Considering, Stage::Future])
            ))?
            .query_row([company], |r| r.get(0))?,
        None => 0,
    };
    Ok(CustomerValue {
        lifetime_value,
        won_deals,
        last_won_at: last_won.as_deref().and_then(parse_timestamp),
        open_upsell_leads,
    })
}
