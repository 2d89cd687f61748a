//! Follow-up buckets and stale leads (SPEC §2.6): pure rules over dates.

use crate::config::StaleAfterDays;
use crate::model::{Due, Stage};
use chrono::{DateTime, Local, NaiveDate, Utc};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bucket {
    Overdue,
    Today,
    /// Within the next seven days.
    ThisWeek,
    Later,
    /// An open lead with nothing scheduled: a warning, never silently dropped.
    NoNextAction,
}

impl Bucket {
    pub const ALL: [Bucket; 5] = [
        Bucket::Overdue,
        Bucket::Today,
        Bucket::ThisWeek,
        Bucket::Later,
        Bucket::NoNextAction,
    ];

    pub fn label_en(self) -> &'static str {
        match self {
            Bucket::Overdue => "Overdue",
            Bucket::Today => "Today",
            Bucket::ThisWeek => "This week",
            Bucket::Later => "Later",
            Bucket::NoNextAction => "No next action",
        }
    }

    pub fn label_ja(self) -> &'static str {
        match self {
            Bucket::Overdue => "期限切れ",
            Bucket::Today => "今日",
            Bucket::ThisWeek => "今週",
            Bucket::Later => "それ以降",
            Bucket::NoNextAction => "次回未設定",
        }
    }
}

/// The bucket of a next-action date seen on `today`.
pub fn bucket(due: Option<&Due>, today: NaiveDate) -> Bucket {
    let Some(due) = due else {
        return Bucket::NoNextAction;
    };
    let days = (due.date - today).num_days();
    match days {
        d if d < 0 => Bucket::Overdue,
        0 => Bucket::Today,
        1..=7 => Bucket::ThisWeek,
        _ => Bucket::Later,
    }
}

/// A lead is stale when nothing has happened on it (or since it was created) for longer
/// than its stage allows.
pub fn is_stale(
    stage: Stage,
    last_activity_at: Option<&DateTime<Utc>>,
    created_at: &DateTime<Utc>,
    limits: &StaleAfterDays,
    today: NaiveDate,
) -> bool {
    let since = last_activity_at
        .unwrap_or(created_at)
        .with_timezone(&Local)
        .date_naive();
    (today - since).num_days() > i64::from(limits.of(stage))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn buckets_around_today_and_the_week() {
        let today = d(11, 23);
        let b = |date: NaiveDate| bucket(Some(&Due::on(date)), today);
        assert_eq!(b(d(11, 22)), Bucket::Overdue);
        assert_eq!(b(d(11, 23)), Bucket::Today);
        assert_eq!(b(d(11, 24)), Bucket::ThisWeek);
        assert_eq!(b(d(11, 30)), Bucket::ThisWeek);
        assert_eq!(b(d(12, 1)), Bucket::Later);
        assert_eq!(bucket(None, today), Bucket::NoNextAction);
    }

    #[test]
    fn times_of_day_do_not_move_a_follow_up_across_midnight() {
        let today = d(11, 23);
        let at = |day: NaiveDate, h: u32, m: u32| Due {
            date: day,
            time: chrono::NaiveTime::from_hms_opt(h, m, 0),
        };
        assert_eq!(bucket(Some(&at(d(11, 22), 23, 59)), today), Bucket::Overdue);
        assert_eq!(bucket(Some(&at(d(11, 23), 0, 0)), today), Bucket::Today);
        assert_eq!(bucket(Some(&at(d(11, 23), 23, 59)), today), Bucket::Today);
        assert_eq!(bucket(Some(&at(d(11, 24), 0, 0)), today), Bucket::ThisWeek);
        // "This week" is the next seven days, across a weekend and a month end.
        let friday = d(11, 27);
        assert_eq!(bucket(Some(&Due::on(d(12, 4))), friday), Bucket::ThisWeek);
        assert_eq!(bucket(Some(&Due::on(d(12, 5))), friday), Bucket::Later);
    }

    #[test]
    fn stale_after_the_stage_limit() {
        let limits = StaleAfterDays::default();
        let today = d(11, 23);
        let at = |date: NaiveDate| {
            crate::model::dates::local_to_utc(date.and_hms_opt(12, 0, 0).unwrap())
        };
        assert!(!is_stale(
            Stage::Considering,
            Some(&at(d(11, 9))),
            &at(d(1, 1)),
            &limits,
            today
        ));
        assert!(is_stale(
            Stage::Considering,
            Some(&at(d(11, 8))),
            &at(d(1, 1)),
            &limits,
            today
        ));
        assert!(!is_stale(
            Stage::Future,
            None,
            &at(d(10, 1)),
            &limits,
            today
        ));
        assert!(is_stale(Stage::Future, None, &at(d(9, 1)), &limits, today));
    }
}
