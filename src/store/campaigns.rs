//! Campaigns, and what each brought: the leads that came from it, the leads and people its
//! activities touched, and how far those leads went within a window of days.

use super::records::{self, CAMPAIGNS, text};
use super::{Writer, stage_sql};
use crate::error::{Error, Result};
use crate::model::Stage;
use crate::model::campaign::{Campaign, CampaignKind, CampaignPatch};
use crate::model::dates::{format_timestamp, parse_timestamp};
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row};

const COLUMNS: &str = "id, name, kind, starts_on, ends_on, cost, owner, notes, created_at, \
    created_by, updated_at, updated_by";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Campaign> {
    let day = |i: usize| -> rusqlite::Result<Option<NaiveDate>> {
        Ok(r.get::<_, Option<String>>(i)?
            .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()))
    };
    let ts = |i: usize| -> rusqlite::Result<_> {
        Ok(parse_timestamp(&r.get::<_, String>(i)?).unwrap_or_default())
    };
    Ok(Campaign {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r
            .get::<_, String>(2)?
            .parse()
            .unwrap_or(CampaignKind::Other),
        starts_on: day(3)?,
        ends_on: day(4)?,
        cost: r.get(5)?,
        owner: r.get(6)?,
        notes: r.get(7)?,
        created_at: ts(8)?,
        created_by: r.get(9)?,
        updated_at: ts(10)?,
        updated_by: r.get(11)?,
    })
}

fn day_value(day: Option<NaiveDate>) -> Value {
    day.map_or(Value::Null, |d| {
        Value::Text(d.format("%Y-%m-%d").to_string())
    })
}

fn checked_name(name: &str) -> Result<Value> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::said_plain("error-campaign-needs-name"));
    }
    Ok(Value::Text(name.to_string()))
}

fn checked_cost(cost: Option<i64>) -> Result<Value> {
    match cost {
        Some(c) if c < 0 => Err(Error::said_plain("error-campaign-cost")),
        Some(c) => Ok(Value::Integer(c)),
        None => Ok(Value::Null),
    }
}

/// Adds a campaign; returns its id. `fields` must name it; the kind defaults to other.
pub fn insert(w: &mut Writer<'_>, fields: &CampaignPatch) -> Result<String> {
    insert_at(w, fields, &super::leads::Origin::default())
}

/// `insert` with a given id and time (demo data).
pub fn insert_at(
    w: &mut Writer<'_>,
    fields: &CampaignPatch,
    origin: &super::leads::Origin,
) -> Result<String> {
    let name = checked_name(fields.name.as_deref().unwrap_or(""))?;
    let stamp = w.stamp();
    let id = origin.id.clone().unwrap_or_else(crate::model::ids::new_id);
    let values = [
        ("name", name),
        (
            "kind",
            Value::Text(fields.kind.unwrap_or_default().id().to_string()),
        ),
        ("starts_on", day_value(fields.starts_on.flatten())),
        ("ends_on", day_value(fields.ends_on.flatten())),
        ("cost", checked_cost(fields.cost.flatten())?),
        ("owner", text(fields.owner.clone().flatten().as_deref())),
        ("notes", text(fields.notes.clone().flatten().as_deref())),
    ];
    let created = format_timestamp(&origin.created_at.unwrap_or(stamp.at));
    records::insert(w, &CAMPAIGNS, &id, &values, &stamp, &created)?;
    Ok(id)
}

/// Changes a live campaign; returns the fields that changed.
pub fn update(w: &mut Writer<'_>, id: &str, patch: &CampaignPatch) -> Result<Vec<&'static str>> {
    get(w.conn(), id)?.ok_or_else(|| not_found(id))?;
    let mut changes: Vec<(&'static str, Value)> = Vec::new();
    if let Some(name) = &patch.name {
        changes.push(("name", checked_name(name)?));
    }
    if let Some(kind) = patch.kind {
        changes.push(("kind", Value::Text(kind.id().to_string())));
    }
    if let Some(day) = patch.starts_on {
        changes.push(("starts_on", day_value(day)));
    }
    if let Some(day) = patch.ends_on {
        changes.push(("ends_on", day_value(day)));
    }
    if let Some(cost) = patch.cost {
        changes.push(("cost", checked_cost(cost)?));
    }
    if let Some(owner) = &patch.owner {
        changes.push(("owner", text(owner.as_deref())));
    }
    if let Some(notes) = &patch.notes {
        changes.push(("notes", text(notes.as_deref())));
    }
    records::update(w, &CAMPAIGNS, id, &changes)
}

/// Deletes a campaign (a tombstone, as every record). Its leads and activities keep naming
/// it: they still came from it.
pub fn delete(w: &mut Writer<'_>, id: &str) -> Result<()> {
    get(w.conn(), id)?.ok_or_else(|| not_found(id))?;
    records::update(w, &CAMPAIGNS, id, &[("deleted", Value::Integer(1))])?;
    Ok(())
}

fn not_found(id: &str) -> Error {
    Error::NotFound {
        kind: "campaign",
        prefix: id.to_string(),
    }
}

/// A live campaign by id.
pub fn get(conn: &Connection, id: &str) -> Result<Option<Campaign>> {
    let sql = format!("SELECT {COLUMNS} FROM campaigns WHERE id = ?1 AND gone = 0");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?)
}

/// A campaign by id, deleted or not (a lead names the campaign it came from for good).
pub fn get_any(conn: &Connection, id: &str) -> Result<Option<Campaign>> {
    let sql = format!("SELECT {COLUMNS} FROM campaigns WHERE id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?)
}

/// Live campaigns, the newest start first (none last), then by name.
pub fn list(conn: &Connection) -> Result<Vec<Campaign>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM campaigns WHERE gone = 0
         ORDER BY starts_on IS NULL, starts_on DESC, name, id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The live campaign a rep names: by its whole name (trimmed), else by an id prefix.
pub fn resolve(conn: &Connection, typed: &str) -> Result<String> {
    let named: Vec<String> = conn
        .prepare_cached("SELECT id FROM campaigns WHERE name = ?1 AND gone = 0 LIMIT 2")?
        .query_map([typed.trim()], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    match named.as_slice() {
        [id] => Ok(id.clone()),
        [] => records::resolve(conn, &CAMPAIGNS, typed).map_err(|e| match e {
            // Not an id either: say so by the name typed.
            Error::BadId { .. } => not_found(typed),
            other => other,
        }),
        _ => Err(Error::Ambiguous {
            kind: "campaign",
            prefix: typed.trim().to_string(),
            count: named.len(),
        }),
    }
}

/// The short ids campaigns are shown by.
pub fn short_ids(conn: &Connection, ids: &[String]) -> Result<Vec<String>> {
    records::short_ids(conn, &CAMPAIGNS, ids)
}

/// What a campaign reached, counted over live records.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reach {
    /// Leads that came from it.
    pub leads: i64,
    /// Leads and people its activities were on.
    pub touched_leads: i64,
    pub touched_contacts: i64,
    /// Its activities by kind id, most first.
    pub responses: Vec<(String, i64)>,
    /// Of the leads it brought or touched, those that reached considering (or went on to
    /// customer), and those won, within the window after it first reached them.
    pub reached_considering: i64,
    pub won: i64,
    pub won_value: i64,
}

/// What campaign `id` reached, each lead counted from when the campaign first reached it
/// (made from it, or its first activity in it) for `window_days` days.
pub fn reach(conn: &Connection, id: &str, window_days: i64) -> Result<Reach> {
    let (leads, touched_leads, touched_contacts): (i64, i64, i64) = conn
        .prepare_cached(
            "SELECT (SELECT count(*) FROM leads WHERE campaign_id = ?1 AND gone = 0),
                    (SELECT count(DISTINCT lead_id) FROM activities
                       WHERE campaign_id = ?1 AND gone = 0 AND lead_id IS NOT NULL),
                    (SELECT count(DISTINCT contact_id) FROM activities
                       WHERE campaign_id = ?1 AND gone = 0 AND contact_id IS NOT NULL)",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let responses = conn
        .prepare_cached(
            "SELECT kind, count(*) FROM activities WHERE campaign_id = ?1 AND gone = 0
             GROUP BY kind ORDER BY count(*) DESC, kind",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let sql = format!(
        "WITH reached (lead_id, start) AS (
             SELECT id, created_at FROM leads WHERE campaign_id = ?1 AND gone = 0
             UNION ALL
             SELECT lead_id, occurred_at FROM activities
               WHERE campaign_id = ?1 AND gone = 0 AND lead_id IS NOT NULL),
         first (lead_id, start) AS (SELECT lead_id, min(start) FROM reached GROUP BY lead_id),
         went AS (
             SELECT l.value, l.stage = {won} AS customer,
                    EXISTS (SELECT 1 FROM stage_changes s WHERE s.lead_id = f.lead_id
                              AND s.undone = 0 AND s.to_stage IN ({considering_or_won})
                              AND s.at >= f.start
                              AND julianday(s.at) <= julianday(f.start) + ?2) AS considering,
                    EXISTS (SELECT 1 FROM stage_changes s WHERE s.lead_id = f.lead_id
                              AND s.undone = 0 AND s.to_stage = {won}
                              AND s.at >= f.start
                              AND julianday(s.at) <= julianday(f.start) + ?2) AS won_in_window
             FROM first f JOIN leads l ON l.id = f.lead_id AND l.gone = 0)
         SELECT ifnull(sum(considering), 0), ifnull(sum(customer AND won_in_window), 0),
                ifnull(sum(CASE WHEN customer AND won_in_window THEN ifnull(value, 0) END), 0)
         FROM went",
        considering_or_won = stage_sql::list([Stage::Considering, Stage::Customer]),
        won = stage_sql::literal(Stage::Customer),
    );
    let (reached_considering, won, won_value) = conn
        .prepare_cached(&sql)?
        .query_row(rusqlite::params![id, window_days], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    Ok(Reach {
        leads,
        touched_leads,
        touched_contacts,
        responses,
        reached_considering,
        won,
        won_value,
    })
}
