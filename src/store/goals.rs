//! Step goals, and the actual figures they are measured against.

use super::records::{self, GOALS, text};
use super::{Writer, stage_sql};
use crate::error::{Error, Result};
use crate::model::Stage;
use crate::model::dates::format_timestamp;
use crate::model::goal::{Goal, Metric, Period};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row};

fn from_row(r: &Row<'_>) -> rusqlite::Result<Option<Goal>> {
    let period: String = r.get(1)?;
    let metric: String = r.get(2)?;
    // A goal of a kind this leadtrack does not know (a newer one's) is left out.
    let (Ok(period), Ok(metric)) = (period.parse::<Period>(), metric.parse::<Metric>()) else {
        return Ok(None);
    };
    Ok(Some(Goal {
        id: r.get(0)?,
        period,
        metric,
        target: r.get(3)?,
        owner: r.get(4)?,
    }))
}

/// Whether a goal was added or an existing one's target changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Set {
    Added,
    Changed { before: i64 },
    Same,
}

/// Sets the target of the goal on `metric` for `period` and `owner` (none: the team): one
/// goal per period, step and owner, so setting it again changes its target.
pub fn set(
    w: &mut Writer<'_>,
    period: Period,
    metric: Metric,
    target: i64,
    owner: Option<&str>,
) -> Result<(String, Set)> {
    if target < 0 {
        return Err(Error::said_plain("error-goal-target"));
    }
    let owner = owner.map(str::trim).filter(|o| !o.is_empty());
    let found: Option<(String, i64)> = w
        .conn()
        .prepare_cached(
            "SELECT id, target FROM goals WHERE gone = 0 AND period = ?1 AND metric = ?2
               AND owner IS ?3 ORDER BY created_hlc LIMIT 1",
        )?
        .query_row(
            rusqlite::params![period.to_string(), metric.id(), owner],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((id, before)) = found {
        if before == target {
            return Ok((id, Set::Same));
        }
        records::update(w, &GOALS, &id, &[("target", Value::Integer(target))])?;
        return Ok((id, Set::Changed { before }));
    }
    let stamp = w.stamp();
    let id = crate::model::ids::new_id();
    let values = [
        ("period", Value::Text(period.to_string())),
        ("metric", Value::Text(metric.id().to_string())),
        ("target", Value::Integer(target)),
        ("owner", text(owner)),
    ];
    records::insert(
        w,
        &GOALS,
        &id,
        &values,
        &stamp,
        &format_timestamp(&stamp.at),
    )?;
    Ok((id, Set::Added))
}

/// Deletes a goal (a tombstone).
pub fn delete(w: &mut Writer<'_>, id: &str) -> Result<()> {
    records::update(w, &GOALS, id, &[("deleted", Value::Integer(1))])?;
    Ok(())
}

/// The live goal whose id starts with `prefix`.
pub fn resolve(conn: &Connection, prefix: &str) -> Result<String> {
    records::resolve(conn, &GOALS, prefix)
}

pub fn short_ids(conn: &Connection, ids: &[String]) -> Result<Vec<String>> {
    records::short_ids(conn, &GOALS, ids)
}

/// Live goals, of one period if given: by period, the team's first, then by rep and step.
pub fn list(conn: &Connection, period: Option<Period>) -> Result<Vec<Goal>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, period, metric, target, owner FROM goals
         WHERE gone = 0 AND (?1 IS NULL OR period = ?1)
         ORDER BY period, owner IS NOT NULL, owner, metric, id",
    )?;
    let rows = stmt.query_map([period.map(|p| p.to_string())], from_row)?;
    let mut goals = Vec::new();
    for goal in rows {
        goals.extend(goal?);
    }
    // Months and quarters sort by their text; the steps in the funnel's order.
    goals.sort_by(|a, b| {
        (a.period.to_string(), a.owner.is_some(), &a.owner, a.metric).cmp(&(
            b.period.to_string(),
            b.owner.is_some(),
            &b.owner,
            b.metric,
        ))
    });
    Ok(goals)
}

/// The actual figure of `metric` between two timestamps (`since` inclusive, `until`
/// exclusive), for one rep or (none) the team. New leads count by their owner; moves and
/// wins by the moved lead's owner; meetings by who held them (else the lead's owner).
pub fn actual(
    conn: &Connection,
    metric: Metric,
    since: &str,
    until: &str,
    owner: Option<&str>,
) -> Result<i64> {
    let entered = |stage: Stage, of: &str| {
        format!(
            "SELECT {of} FROM leads l WHERE l.gone = 0 AND (?3 IS NULL OR l.owner = ?3)
               AND l.id IN (SELECT s.lead_id FROM stage_changes s WHERE s.undone = 0
                              AND s.to_stage = {stage} AND s.at >= ?1 AND s.at < ?2){won}",
            stage = stage_sql::literal(stage),
            // A win taken back by a later move no longer counts.
            won = if stage == Stage::Customer {
                format!(" AND l.stage = {}", stage_sql::literal(Stage::Customer))
            } else {
                String::new()
            },
        )
    };
    let sql = match metric {
        Metric::NewLeads => "SELECT count(*) FROM leads WHERE gone = 0 AND created_at >= ?1
             AND created_at < ?2 AND (?3 IS NULL OR owner = ?3)"
            .to_string(),
        Metric::ToConsidering => entered(Stage::Considering, "count(*)"),
        Metric::Meetings => {
            "SELECT count(*) FROM activities a LEFT JOIN leads l ON l.id = a.lead_id
             WHERE a.gone = 0 AND a.kind = 'meeting' AND a.occurred_at >= ?1 AND a.occurred_at < ?2
               AND (?3 IS NULL OR coalesce(a.rep, l.owner) = ?3)"
                .to_string()
        }
        Metric::Wins => entered(Stage::Customer, "count(*)"),
        Metric::WonValue => entered(Stage::Customer, "ifnull(sum(l.value), 0)"),
    };
    Ok(conn
        .prepare_cached(&sql)?
        .query_row(rusqlite::params![since, until, owner], |r| r.get(0))?)
}
