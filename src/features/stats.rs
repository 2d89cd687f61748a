//! The funnel (SPEC §6): open leads per stage beside the 10/65/25 rule of thumb, the flow
//! between stages over a period, sources, reps, and what won leads were touched by first and
//! last. The app's Stats view and `stats --format json` show these same numbers.

use crate::error::Result;
use crate::model::Stage;
use crate::model::dates::local_to_utc;
use crate::store::leads::stage_totals;
use crate::store::{Store, reports};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub as_of: NaiveDate,
    pub since: NaiveDate,
    /// The last day counted (None: up to now).
    pub until: Option<NaiveDate>,
    /// What the app calls the period (`this month`), when it chose it by name.
    #[serde(skip)]
    pub name: Option<&'static str>,
    pub stages: Vec<StageStat>,
    pub customers: StageStat,
    pub flow: Flow,
    pub sources: Vec<SourceStat>,
    pub reps: Vec<RepStat>,
    pub attribution: Attribution,
    pub waterfall: Waterfall,
    /// The goals of the month and the quarter the period ends in, each beside its actual
    /// figure and pace (the team's first, then each rep's).
    pub goals: Vec<super::goals::GoalProgress>,
}

/// The Demand Waterfall of the leads created in the period: created → considering →
/// customer, for them all and per source.
#[derive(Debug, Clone, Serialize)]
pub struct Waterfall {
    pub total: WaterfallRow,
    pub by_source: Vec<WaterfallRow>,
    /// The leads that came from a campaign, per campaign.
    pub by_campaign: Vec<WaterfallRow>,
}

/// One line of the waterfall.
#[derive(Debug, Clone, Default, Serialize)]
pub struct WaterfallRow {
    /// The source (None: none recorded); for the total and the campaigns' lines, none.
    pub source: Option<String>,
    /// A campaign's line: its id and name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign_name: Option<String>,
    pub created: i64,
    /// Reached considering or went on to customer.
    pub considering: i64,
    /// Customers now.
    pub customer: i64,
    /// Percent of the step before.
    pub to_considering_rate: f64,
    pub to_customer_rate: f64,
    /// Median days from creation to considering, and from there to customer.
    pub median_days_to_considering: Option<f64>,
    pub median_days_to_customer: Option<f64>,
}

/// A waterfall line being counted, with the days of its moves.
#[derive(Default)]
struct Counting {
    row: WaterfallRow,
    to_considering: Vec<f64>,
    to_customer: Vec<f64>,
}

impl Counting {
    fn add(&mut self, lead: &reports::WaterfallLead) {
        self.row.created += 1;
        self.row.considering += i64::from(lead.considering);
        self.row.customer += i64::from(lead.customer);
        self.to_considering.extend(lead.days_to_considering);
        self.to_customer.extend(lead.days_to_customer);
    }

    fn done(mut self) -> WaterfallRow {
        self.row.to_considering_rate = percent(self.row.considering, self.row.created);
        self.row.to_customer_rate = percent(self.row.customer, self.row.considering);
        self.row.median_days_to_considering = median(&mut self.to_considering);
        self.row.median_days_to_customer = median(&mut self.to_customer);
        self.row
    }
}

fn waterfall(conn: &rusqlite::Connection, since: &str, until: &str) -> Result<Waterfall> {
    let mut total = Counting::default();
    let mut by_source: BTreeMap<Option<String>, Counting> = BTreeMap::new();
    let mut by_campaign: BTreeMap<String, Counting> = BTreeMap::new();
    reports::waterfall_leads(conn, since, until, |lead| {
        total.add(&lead);
        if let Some(campaign) = &lead.campaign {
            by_campaign
                .entry(campaign.clone())
                .or_insert_with(|| Counting {
                    row: WaterfallRow {
                        campaign: Some(campaign.clone()),
                        ..WaterfallRow::default()
                    },
                    ..Counting::default()
                })
                .add(&lead);
        }
        by_source
            .entry(lead.source.clone())
            .or_insert_with(|| Counting {
                row: WaterfallRow {
                    source: lead.source.clone(),
                    ..WaterfallRow::default()
                },
                ..Counting::default()
            })
            .add(&lead);
    })?;
    let mut by_source: Vec<WaterfallRow> = by_source.into_values().map(Counting::done).collect();
    by_source.sort_by(|a, b| b.created.cmp(&a.created).then(a.source.cmp(&b.source)));
    let mut by_campaign: Vec<WaterfallRow> = by_campaign
        .into_values()
        .map(Counting::done)
        .map(|mut row| {
            // A deleted campaign keeps its name: its leads still came from it.
            row.campaign_name = row
                .campaign
                .as_deref()
                .and_then(|id| crate::store::campaigns::get_any(conn, id).ok().flatten())
                .map(|c| c.name);
            row
        })
        .collect();
    by_campaign.sort_by(|a, b| b.created.cmp(&a.created).then(a.campaign.cmp(&b.campaign)));
    Ok(Waterfall {
        total: total.done(),
        by_source,
        by_campaign,
    })
}

#[derive(Debug, Clone, Serialize)]
pub struct StageStat {
    pub stage: Stage,
    pub count: i64,
    /// Percent of open leads (customers: of all leads).
    pub share: f64,
    pub value: i64,
    /// The share a healthy funnel has, in percent.
    pub reference_share: Option<u32>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Flow {
    pub changes: Vec<Move>,
    pub won: usize,
    pub median_days_to_won: Option<f64>,
    pub median_days_in_stage: Vec<Dwell>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Move {
    pub from: Stage,
    pub to: Stage,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Dwell {
    pub stage: Stage,
    pub moves: usize,
    pub median_days: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceStat {
    pub source: Option<String>,
    pub leads: i64,
    pub reached_considering: i64,
    pub reached_considering_share: f64,
    pub won: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct RepStat {
    pub rep: Option<String>,
    pub activities: i64,
    pub activities_per_week: f64,
    pub per_week_by_kind: BTreeMap<String, f64>,
    pub overdue_follow_ups: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Attribution {
    pub won: usize,
    pub first_touch_by_kind: BTreeMap<String, i64>,
    pub last_touch_by_kind: BTreeMap<String, i64>,
    pub won_by_source: BTreeMap<String, i64>,
}

/// The middle value (the mean of the two middle ones for an even count).
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    let mid = values.len() / 2;
    let m = if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    };
    Some((m * 10.0).round() / 10.0)
}

fn percent(part: i64, whole: i64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 * 1000.0 / whole as f64).round() / 10.0
    }
}

/// A `since` before any record: counts everything.
pub const BEGINNING: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The stats of the funnel as of `today`, flows counted from `since`.
pub fn compute(store: &Store, since: NaiveDate, today: NaiveDate) -> Result<Stats> {
    compute_period(store, since, None, today)
}

/// The start of a local day, as stored timestamps are written.
fn day_start(day: NaiveDate) -> String {
    crate::model::dates::format_timestamp(&local_to_utc(day.and_time(chrono::NaiveTime::MIN)))
}

/// The stats of the funnel as of `today`, flows counted from `since` to `until` (both days
/// included; None: up to now).
pub fn compute_period(
    store: &Store,
    since: NaiveDate,
    until: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Stats> {
    let conn = store.conn();
    let since_ts = day_start(since);
    let until_ts = match until.and_then(|u| u.succ_opt()) {
        Some(next) => day_start(next),
        // Past every stored timestamp.
        None => "9999".to_string(),
    };
    let (since_ts, until_ts) = (since_ts.as_str(), until_ts.as_str());
    let totals = stage_totals(conn)?;
    let open: i64 = totals
        .iter()
        .filter(|(s, _)| s.is_open())
        .map(|(_, t)| t.count)
        .sum();
    let all: i64 = totals.iter().map(|(_, t)| t.count).sum();
    let stat = |stage: Stage, whole: i64| {
        let t = totals
            .iter()
            .find(|(s, _)| *s == stage)
            .map(|(_, t)| *t)
            .unwrap_or_default();
        StageStat {
            stage,
            count: t.count,
            share: percent(t.count, whole),
            value: t.value,
            reference_share: stage.reference_share(),
        }
    };
    let stages = Stage::OPEN.iter().map(|s| stat(*s, open)).collect();
    let customers = stat(Stage::Customer, all);

    let changes = reports::stage_flow(conn, since_ts, until_ts)?
        .into_iter()
        .map(|(from, to, count)| Move { from, to, count })
        .collect();
    let mut to_won = reports::days_to_won(conn, since_ts, until_ts)?;
    let won = to_won.len();
    let mut dwell: BTreeMap<Stage, Vec<f64>> = BTreeMap::new();
    for (stage, days) in reports::days_in_stage(conn, since_ts, until_ts)? {
        dwell.entry(stage).or_default().push(days);
    }
    let median_days_in_stage = dwell
        .into_iter()
        .filter_map(|(stage, mut days)| {
            let moves = days.len();
            median(&mut days).map(|median_days| Dwell {
                stage,
                moves,
                median_days,
            })
        })
        .collect();
    let flow = Flow {
        changes,
        won,
        median_days_to_won: median(&mut to_won),
        median_days_in_stage,
    };

    let sources = reports::by_source(conn, since_ts, until_ts)?
        .into_iter()
        .map(|c| SourceStat {
            reached_considering_share: percent(c.reached_considering, c.leads),
            source: c.source,
            leads: c.leads,
            reached_considering: c.reached_considering,
            won: c.won,
        })
        .collect();

    let days = match until {
        Some(u) => (u.min(today) - since).num_days() + 1,
        None => (today - since).num_days(),
    };
    let weeks = (days.max(1) as f64) / 7.0;
    let mut reps: BTreeMap<Option<String>, RepStat> = BTreeMap::new();
    let blank = |rep: Option<String>| RepStat {
        rep,
        activities: 0,
        activities_per_week: 0.0,
        per_week_by_kind: BTreeMap::new(),
        overdue_follow_ups: 0,
    };
    for (rep, kind, count) in reports::activities_by_rep(conn, since_ts, until_ts)? {
        let entry = reps.entry(rep.clone()).or_insert_with(|| blank(rep));
        entry.activities += count;
        entry
            .per_week_by_kind
            .insert(kind, (count as f64 / weeks * 10.0).round() / 10.0);
    }
    for (owner, count) in reports::overdue_by_owner(conn, &today.format("%Y-%m-%d").to_string())? {
        reps.entry(owner.clone())
            .or_insert_with(|| blank(owner))
            .overdue_follow_ups = count;
    }
    let reps = reps
        .into_values()
        .map(|mut r| {
            r.activities_per_week = (r.activities as f64 / weeks * 10.0).round() / 10.0;
            r
        })
        .collect();

    let touches = reports::won_touches(conn, since_ts, until_ts)?;
    let mut attribution = Attribution {
        won: touches.len(),
        first_touch_by_kind: BTreeMap::new(),
        last_touch_by_kind: BTreeMap::new(),
        won_by_source: BTreeMap::new(),
    };
    for t in touches {
        let none = || "none".to_string();
        *attribution
            .first_touch_by_kind
            .entry(t.first_kind.unwrap_or_else(none))
            .or_default() += 1;
        *attribution
            .last_touch_by_kind
            .entry(t.last_kind.unwrap_or_else(none))
            .or_default() += 1;
        *attribution
            .won_by_source
            .entry(t.source.unwrap_or_else(none))
            .or_default() += 1;
    }
    let waterfall = waterfall(conn, since_ts, until_ts)?;
    let last_day = until.map_or(today, |u| u.min(today));
    let goals = super::goals::progress_on(store, last_day, today)?;
    Ok(Stats {
        as_of: today,
        since,
        until,
        name: None,
        stages,
        customers,
        flow,
        sources,
        reps,
        attribution,
        waterfall,
        goals,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }
}
