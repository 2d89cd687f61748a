//! Step goals for a month or a quarter, for the team or a rep, and how each stands: the
//! actual figure so far and the pace it keeps. Stats (the app's view, `stats` and its JSON)
//! and `goal list` show these same figures.

use crate::error::Result;
use crate::model::dates::{format_timestamp, local_to_utc};
use crate::model::goal::{Goal, Metric, Pace, Period, pace};
use crate::store::{Store, goals};
use chrono::NaiveDate;
use serde::Serialize;

pub use crate::store::goals::Set;

/// A goal beside its actual figure.
#[derive(Debug, Clone, Serialize)]
pub struct GoalProgress {
    pub id: String,
    /// `2026-12` or `2026-Q4`.
    pub period: String,
    pub metric: Metric,
    pub target: i64,
    pub actual: i64,
    /// The rep; none for the team's goal.
    pub owner: Option<String>,
    pub pace: Pace,
    /// Days of the period left after today.
    pub days_left: i64,
    #[serde(skip)]
    pub goal: Goal,
}

/// The start of a local day, as stored timestamps are written.
fn day_start(day: NaiveDate) -> String {
    format_timestamp(&local_to_utc(day.and_time(chrono::NaiveTime::MIN)))
}

/// How `goal` stands on `today`: what was done from the period's first day through today
/// (or the period's end, when it is over).
pub fn progress_of(store: &Store, goal: Goal, today: NaiveDate) -> Result<GoalProgress> {
    let last = today.min(goal.period.end() - chrono::Days::new(1));
    let until = last.succ_opt().unwrap_or(last);
    let actual = goals::actual(
        store.conn(),
        goal.metric,
        &day_start(goal.period.first_day()),
        &day_start(until),
        goal.owner.as_deref(),
    )?;
    let days_left = (goal.period.end() - until).num_days().max(0);
    Ok(GoalProgress {
        id: goal.id.clone(),
        period: goal.period.to_string(),
        metric: goal.metric,
        target: goal.target,
        actual,
        owner: goal.owner.clone(),
        pace: pace(goal.period, goal.target as f64, actual as f64, today),
        days_left,
        goal,
    })
}

/// Every live goal of `period` (all periods when none) with how it stands on `today`: the
/// team's first, then each rep's, in one read.
pub fn progress(
    store: &Store,
    period: Option<Period>,
    today: NaiveDate,
) -> Result<Vec<GoalProgress>> {
    progress_of_periods(store, &[period], today)
}

/// The goals of the periods that hold `day` (its month and its quarter), in one read.
pub fn progress_on(store: &Store, day: NaiveDate, today: NaiveDate) -> Result<Vec<GoalProgress>> {
    progress_of_periods(
        store,
        &[Some(Period::month_of(day)), Some(Period::quarter_of(day))],
        today,
    )
}

fn progress_of_periods(
    store: &Store,
    periods: &[Option<Period>],
    today: NaiveDate,
) -> Result<Vec<GoalProgress>> {
    store.read(|conn| {
        let mut all = Vec::new();
        for period in periods {
            for goal in goals::list(conn, *period)? {
                all.push(progress_of(store, goal, today)?);
            }
        }
        Ok(all)
    })
}

/// Sets a goal's target (a goal of the same period, step and owner is changed).
pub fn set(
    store: &mut Store,
    period: Period,
    metric: Metric,
    target: i64,
    owner: Option<&str>,
) -> Result<(String, Set)> {
    store.write(|w| goals::set(w, period, metric, target, owner))
}

pub fn delete(store: &mut Store, id: &str) -> Result<()> {
    store.write(|w| goals::delete(w, id))
}
