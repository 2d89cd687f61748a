//! The queries behind follow-up lists and the funnel stats: whole-database reads, each one
//! SQL statement with the database doing the counting. Stage moves taken back by undo
//! (`stage_changes.undone`) count nowhere.

use super::narrowing::Narrowing;
use super::stage_sql;
use crate::error::Result;
use crate::model::dates::parse_timestamp;
use crate::model::{Due, Rank, Stage};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use rusqlite::types::Value;

/// One follow-up with what a list of them shows: the lead, and its first contact.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUpRecord {
    pub lead_id: String,
    pub title: String,
    pub company: Option<String>,
    pub stage: Stage,
    pub rank: Rank,
    pub score: f64,
    pub next_action: Option<String>,
    pub next_action_on: Option<Due>,
    pub owner: Option<String>,
    pub last_activity_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub contact_family: Option<String>,
    pub contact_given: Option<String>,
    pub contact_phone: Option<String>,
    pub contact_email: Option<String>,
}

/// Follow-ups due before `until` (a `YYYY-MM-DD` bound, exclusive; None for all), with the
/// open leads that have no next action, by date (none last); narrowed by the rep's filters.
pub fn follow_ups(
    conn: &Connection,
    until: Option<&str>,
    narrowing: &Narrowing,
) -> Result<Vec<FollowUpRecord>> {
    let mut out = Vec::new();
    each_follow_up(conn, until, narrowing, |r| {
        out.push(r);
        Ok(())
    })?;
    Ok(out)
}

/// `follow_ups`, handed over one at a time as they are read.
pub fn each_follow_up(
    conn: &Connection,
    until: Option<&str>,
    narrowing: &Narrowing,
    mut f: impl FnMut(FollowUpRecord) -> Result<()>,
) -> Result<()> {
    let mut params: Vec<Value> = vec![Value::from(until.map(str::to_string))];
    let narrowed = narrowing.clause("l", &mut params);
    let sql = format!(
        "SELECT l.id, l.title, l.company, l.stage, l.rank, l.score, l.next_action, l.next_action_on,
                l.owner, l.last_activity_at, l.updated_at,
                c.family_name, c.given_name, coalesce(c.mobile, c.phone), c.email
         FROM leads l
         LEFT JOIN contacts c ON c.gone = 0 AND c.id = (
             SELECT lc.contact_id FROM lead_contacts lc
             WHERE lc.lead_id = l.id AND lc.gone = 0
             ORDER BY CASE lc.role WHEN 'decision_maker' THEN 0 WHEN 'influencer' THEN 1
                      WHEN 'user' THEN 2 WHEN 'gatekeeper' THEN 3 ELSE 4 END, lc.seq
             LIMIT 1)
         WHERE l.gone = 0
           AND (l.stage NOT IN ({closed}) OR l.next_action_on IS NOT NULL)
           AND (?1 IS NULL OR l.next_action_on IS NULL OR l.due_key < ?1)
           {narrowed}
         ORDER BY l.due_key",
        closed = stage_sql::closed()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
    while let Some(r) = rows.next()? {
        let stage: String = r.get(3)?;
        let rank: String = r.get(4)?;
        let due: Option<String> = r.get(7)?;
        let last: Option<String> = r.get(9)?;
        let updated: String = r.get(10)?;
        f(FollowUpRecord {
            lead_id: r.get(0)?,
            title: r.get(1)?,
            company: r.get(2)?,
            stage: stage.parse().unwrap_or_default(),
            rank: Rank::from_letter(&rank),
            score: r.get(5)?,
            next_action: r.get(6)?,
            next_action_on: due.as_deref().and_then(Due::from_storage),
            owner: r.get(8)?,
            last_activity_at: last.as_deref().and_then(parse_timestamp),
            updated_at: parse_timestamp(&updated).unwrap_or_default(),
            contact_family: r.get(11)?,
            contact_given: r.get(12)?,
            contact_phone: r.get(13)?,
            contact_email: r.get(14)?,
        })?;
    }
    Ok(())
}

/// Stage changes in a period: (from, to, how many), a lead's first stage not counted.
pub fn stage_flow(conn: &Connection, since: &str, until: &str) -> Result<Vec<(Stage, Stage, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.from_stage, s.to_stage, count(*) FROM stage_changes s JOIN leads l ON l.id = s.lead_id
         WHERE l.gone = 0 AND s.undone = 0 AND s.from_stage IS NOT NULL AND s.at >= ?1 AND s.at < ?2
         GROUP BY s.from_stage, s.to_stage ORDER BY count(*) DESC, s.from_stage, s.to_stage",
    )?;
    let rows = stmt.query_map([since, until], |r| {
        let from: String = r.get(0)?;
        let to: String = r.get(1)?;
        Ok((
            from.parse().unwrap_or_default(),
            to.parse().unwrap_or_default(),
            r.get(2)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Days from creation to won, for each lead won in the period (its last move to customer).
pub fn days_to_won(conn: &Connection, since: &str, until: &str) -> Result<Vec<f64>> {
    let sql = format!(
        "SELECT julianday(max(s.at)) - julianday(l.created_at)
         FROM stage_changes s JOIN leads l ON l.id = s.lead_id
         WHERE l.gone = 0 AND l.stage = {won} AND s.to_stage = {won} AND s.undone = 0 AND s.at >= ?1 AND s.at < ?2
         GROUP BY l.id",
        won = stage_sql::literal(Stage::Customer)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([since, until], |r| r.get::<_, f64>(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// For each move out of a stage in the period: (the stage left, days spent in it).
pub fn days_in_stage(conn: &Connection, since: &str, until: &str) -> Result<Vec<(Stage, f64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.from_stage, julianday(s.at) - julianday(
             (SELECT p.at FROM stage_changes p
              WHERE p.lead_id = s.lead_id AND p.undone = 0 AND p.hlc < s.hlc ORDER BY p.hlc DESC LIMIT 1))
         FROM stage_changes s JOIN leads l ON l.id = s.lead_id
         WHERE l.gone = 0 AND s.undone = 0 AND s.from_stage IS NOT NULL AND s.at >= ?1 AND s.at < ?2",
    )?;
    let rows = stmt.query_map([since, until], |r| {
        let from: String = r.get(0)?;
        Ok((
            from.parse().unwrap_or_default(),
            r.get::<_, Option<f64>>(1)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        if let (stage, Some(days)) = row? {
            out.push((stage, days.max(0.0)));
        }
    }
    Ok(out)
}

/// Leads from one source created in a period.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceCount {
    pub source: Option<String>,
    pub leads: i64,
    pub reached_considering: i64,
    pub won: i64,
}

/// Leads created in the period by source.
pub fn by_source(conn: &Connection, since: &str, until: &str) -> Result<Vec<SourceCount>> {
    let sql = format!(
        "SELECT l.source, count(*),
                sum(l.stage IN ({considering_or_won}) OR EXISTS (
                    SELECT 1 FROM stage_changes s
                    WHERE s.lead_id = l.id AND s.to_stage = {considering} AND s.undone = 0)),
                sum(l.stage = {won})
         FROM leads l WHERE l.gone = 0 AND l.created_at >= ?1 AND l.created_at < ?2
         GROUP BY l.source ORDER BY count(*) DESC, l.source",
        considering_or_won = stage_sql::list([Stage::Considering, Stage::Customer]),
        considering = stage_sql::literal(Stage::Considering),
        won = stage_sql::literal(Stage::Customer),
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([since, until], |r| {
        Ok(SourceCount {
            source: r.get(0)?,
            leads: r.get(1)?,
            reached_considering: r.get(2)?,
            won: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A lead created in a period, as the Demand Waterfall counts it: whether it reached
/// considering (or went on to customer) and is a customer now, with the days from its
/// creation to the first of those moves (none for a lead made in considering, which took
/// no such step) and from there to its last move to customer (None
/// where its history holds no such move).
#[derive(Debug, Clone, PartialEq)]
pub struct WaterfallLead {
    pub source: Option<String>,
    /// The campaign it came from (an id).
    pub campaign: Option<String>,
    pub considering: bool,
    pub customer: bool,
    pub days_to_considering: Option<f64>,
    pub days_to_customer: Option<f64>,
}

/// Hands each lead created in the period to `each`, as the waterfall counts it.
pub fn waterfall_leads(
    conn: &Connection,
    since: &str,
    until: &str,
    mut each: impl FnMut(WaterfallLead),
) -> Result<()> {
    let sql = format!(
        "SELECT w.source, w.stage IN ({considering_or_won}) OR EXISTS (
                    SELECT 1 FROM stage_changes s
                    WHERE s.lead_id = w.id AND s.to_stage = {considering} AND s.undone = 0),
                w.stage = {won},
                CASE WHEN w.made_there THEN NULL ELSE julianday(w.reached) - julianday(w.created_at) END,
                julianday(w.won_at) - julianday(w.reached),
                w.campaign_id
         FROM (SELECT l.id, l.source, l.stage, l.created_at, l.campaign_id,
                      (SELECT min(s.at) FROM stage_changes s WHERE s.lead_id = l.id AND s.undone = 0
                         AND s.to_stage IN ({considering_or_won})) AS reached,
                      (SELECT max(s.at) FROM stage_changes s WHERE s.lead_id = l.id AND s.undone = 0
                         AND s.to_stage = {won}) AS won_at,
                      -- Made in considering (or as a customer): no step to take, no days.
                      EXISTS (SELECT 1 FROM stage_changes s WHERE s.lead_id = l.id
                         AND s.from_stage IS NULL AND s.to_stage IN ({considering_or_won})) AS made_there
               FROM leads l WHERE l.gone = 0 AND l.created_at >= ?1 AND l.created_at < ?2) w",
        considering_or_won = stage_sql::list([Stage::Considering, Stage::Customer]),
        considering = stage_sql::literal(Stage::Considering),
        won = stage_sql::literal(Stage::Customer),
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([since, until])?;
    while let Some(r) = rows.next()? {
        let customer: bool = r.get(2)?;
        let days = |d: Option<f64>| d.map(|d| d.max(0.0));
        each(WaterfallLead {
            source: r.get(0)?,
            campaign: r.get(5)?,
            considering: r.get(1)?,
            customer,
            days_to_considering: days(r.get(3)?),
            days_to_customer: days(r.get::<_, Option<f64>>(4)?).filter(|_| customer),
        });
    }
    Ok(())
}

/// Activities in the period by rep and kind: (rep, kind, how many).
pub fn activities_by_rep(
    conn: &Connection,
    since: &str,
    until: &str,
) -> Result<Vec<(Option<String>, String, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT rep, kind, count(*) FROM activities WHERE gone = 0 AND occurred_at >= ?1 AND occurred_at < ?2
         GROUP BY rep, kind ORDER BY rep, kind",
    )?;
    let rows = stmt.query_map([since, until], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Overdue follow-ups per owner, as of `today` (`YYYY-MM-DD`).
pub fn overdue_by_owner(conn: &Connection, today: &str) -> Result<Vec<(Option<String>, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT owner, count(*) FROM leads WHERE gone = 0 AND due_key < ?1 GROUP BY owner ORDER BY owner",
    )?;
    let rows = stmt.query_map([today], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A lead won in a period: its source, and the kinds of its first activity and of its last
/// activity before the win.
#[derive(Debug, Clone, PartialEq)]
pub struct WonTouch {
    pub source: Option<String>,
    pub first_kind: Option<String>,
    pub last_kind: Option<String>,
}

/// The leads won in the period, with their first and last touches.
pub fn won_touches(conn: &Connection, since: &str, until: &str) -> Result<Vec<WonTouch>> {
    let sql = format!(
        "WITH won AS (
             SELECT l.id, l.source, max(s.at) AS won_at
             FROM leads l JOIN stage_changes s ON s.lead_id = l.id
             WHERE l.gone = 0 AND l.stage = {won} AND s.to_stage = {won} AND s.undone = 0
               AND s.at >= ?1 AND s.at < ?2
             GROUP BY l.id)
         SELECT w.source,
                (SELECT a.kind FROM activities a WHERE a.lead_id = w.id AND a.gone = 0
                 ORDER BY a.occurred_at, a.seq LIMIT 1),
                (SELECT a.kind FROM activities a WHERE a.lead_id = w.id AND a.gone = 0 AND a.occurred_at <= w.won_at
                 ORDER BY a.occurred_at DESC, a.seq DESC LIMIT 1)
         FROM won w ORDER BY w.id",
        won = stage_sql::literal(Stage::Customer)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([since, until], |r| {
        Ok(WonTouch {
            source: r.get(0)?,
            first_kind: r.get(1)?,
            last_kind: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
