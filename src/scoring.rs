//! Lead scores and ranks (SPEC §2.5): pure functions over activities and the config.
//!
//! A lead's score is the sum over its activities of the kind's points, each multiplied by
//! a decay factor of ½ per `half_life_days` of age (1 when decay is off). Age counts whole
//! days, so a score holds still through a day.

use crate::config::{RankThresholds, ScoringConfig};
use crate::model::dates::timestamp;
use crate::model::{Activity, ActivityKind, Rank};
use chrono::{DateTime, Local, NaiveDate, Utc};
use serde::Serialize;

/// One activity's part in a score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreLine {
    pub activity_id: String,
    pub kind: ActivityKind,
    #[serde(with = "timestamp")]
    pub occurred_at: DateTime<Utc>,
    pub summary: String,
    /// The kind's points from the config.
    pub points: f64,
    /// The decay factor for the activity's age (1 without decay).
    pub factor: f64,
    /// points × factor.
    pub counted: f64,
}

/// A score with the lines that make it up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breakdown {
    pub score: f64,
    pub rank: Rank,
    pub half_life_days: Option<f64>,
    pub lines: Vec<ScoreLine>,
}

/// The decay factor of an activity that happened at `at`, seen on `today`.
pub fn factor(at: DateTime<Utc>, today: NaiveDate, half_life_days: f64) -> f64 {
    if half_life_days <= 0.0 {
        return 1.0;
    }
    let day = at.with_timezone(&Local).date_naive();
    let age = (today - day).num_days().max(0) as f64;
    0.5_f64.powf(age / half_life_days)
}

/// Rounds away float noise so scores print and compare as people expect (1.5, not
/// 1.4999999, and 0 rather than -0: an empty sum of floats is -0.0).
fn tidy(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0 + 0.0
}

/// The score of a lead from the kind and time of each of its activities.
pub fn score(
    activities: &[(ActivityKind, DateTime<Utc>)],
    config: &ScoringConfig,
    today: NaiveDate,
) -> f64 {
    score_of_sum(
        activities
            .iter()
            .map(|(kind, at)| counted(*kind, *at, config, today))
            .sum(),
    )
}

/// What one activity counts towards its lead's score.
pub fn counted(
    kind: ActivityKind,
    at: DateTime<Utc>,
    config: &ScoringConfig,
    today: NaiveDate,
) -> f64 {
    config.points.of(kind) * factor(at, today, config.half_life_days)
}

/// The score whose activities count `sum` in all.
pub fn score_of_sum(sum: f64) -> f64 {
    tidy(sum)
}

pub fn rank(score: f64, ranks: &RankThresholds) -> Rank {
    if score >= ranks.a {
        Rank::A
    } else if score >= ranks.b {
        Rank::B
    } else {
        Rank::C
    }
}

/// The score of a lead explained line by line, newest activity first.
pub fn explain(activities: &[Activity], config: &ScoringConfig, today: NaiveDate) -> Breakdown {
    let lines: Vec<ScoreLine> = activities
        .iter()
        .map(|a| {
            let points = config.points.of(a.kind);
            let factor = factor(a.occurred_at, today, config.half_life_days);
            ScoreLine {
                activity_id: a.id.clone(),
                kind: a.kind,
                occurred_at: a.occurred_at,
                summary: a.summary.clone(),
                points,
                factor: tidy(factor),
                counted: tidy(points * factor),
            }
        })
        .collect();
    let score = tidy(lines.iter().map(|l| l.points * l.factor).sum());
    Breakdown {
        score,
        rank: rank(score, &config.ranks),
        half_life_days: (config.half_life_days > 0.0).then_some(config.half_life_days),
        lines,
    }
}

/// What a config's scores depend on, so stored scores can be recomputed when it changes
/// (and each day, when they decay).
pub fn basis(config: &ScoringConfig, today: NaiveDate) -> String {
    let points: Vec<String> = ActivityKind::ALL
        .iter()
        .map(|k| format!("{}={}", k.id(), config.points.of(*k)))
        .collect();
    let day = if config.half_life_days > 0.0 {
        today.to_string()
    } else {
        String::new()
    };
    format!(
        "v1;{};hl={};a={};b={};{day}",
        points.join(","),
        config.half_life_days,
        config.ranks.a,
        config.ranks.b
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Points;
    use chrono::{Duration, TimeZone};

    #[test]
    fn a_lead_without_activities_scores_zero_not_minus_zero() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        assert_eq!(score(&[], &config(0.0), today).to_string(), "0");
        assert_eq!(explain(&[], &config(0.0), today).score.to_string(), "0");
    }

    fn config(half_life_days: f64) -> ScoringConfig {
        let mut points = Points::default();
        points[ActivityKind::WebVisit] = 1.0;
        points[ActivityKind::DocumentRequest] = 2.0;
        points[ActivityKind::Inquiry] = 3.0;
        ScoringConfig {
            points,
            half_life_days,
            ranks: RankThresholds { a: 6.0, b: 3.0 },
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn days_ago(n: i64) -> DateTime<Utc> {
        let noon = today().and_hms_opt(12, 0, 0).unwrap() - Duration::days(n);
        Local
            .from_local_datetime(&noon)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn one_inquiry_and_two_document_requests_make_rank_a() {
        let acts = [
            (ActivityKind::Inquiry, days_ago(1)),
            (ActivityKind::DocumentRequest, days_ago(2)),
            (ActivityKind::DocumentRequest, days_ago(3)),
        ];
        let s = score(&acts, &config(0.0), today());
        assert_eq!(s, 7.0);
        assert_eq!(rank(s, &config(0.0).ranks), Rank::A);
    }

    #[test]
    fn an_inquiry_a_half_life_ago_counts_half() {
        let s = score(
            &[(ActivityKind::Inquiry, days_ago(30))],
            &config(30.0),
            today(),
        );
        assert_eq!(s, 1.5);
        let s = score(
            &[(ActivityKind::Inquiry, days_ago(60))],
            &config(30.0),
            today(),
        );
        assert_eq!(s, 0.75);
    }

    #[test]
    fn ranks_follow_thresholds() {
        let r = RankThresholds { a: 10.0, b: 5.0 };
        assert_eq!(rank(10.0, &r), Rank::A);
        assert_eq!(rank(9.99, &r), Rank::B);
        assert_eq!(rank(5.0, &r), Rank::B);
        assert_eq!(rank(4.0, &r), Rank::C);
    }
}
