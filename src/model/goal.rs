//! Step goals: a target for a period (a month or a quarter) on one of the funnel's steps,
//! and the pace the actual figure keeps towards it.

use super::variants::{array_of, find_named, one_of_named};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use strum::{EnumCount, VariantArray};

/// A month (`2026-12`) or a quarter (`2026-Q4`) of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    Month { year: i32, month: u32 },
    Quarter { year: i32, quarter: u32 },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a period: use a month such as 2026-12 or a quarter such as 2026-Q4")]
pub struct BadPeriod(pub String);

impl Period {
    /// The month a day falls in.
    pub fn month_of(day: NaiveDate) -> Period {
        Period::Month {
            year: day.year(),
            month: day.month(),
        }
    }

    /// The quarter a day falls in.
    pub fn quarter_of(day: NaiveDate) -> Period {
        Period::Quarter {
            year: day.year(),
            quarter: (day.month() - 1) / 3 + 1,
        }
    }

    /// Its first day.
    pub fn first_day(self) -> NaiveDate {
        let (year, month) = match self {
            Period::Month { year, month } => (year, month),
            Period::Quarter { year, quarter } => (year, quarter * 3 - 2),
        };
        NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The first day after it.
    pub fn end(self) -> NaiveDate {
        let months = match self {
            Period::Month { .. } => 1,
            Period::Quarter { .. } => 3,
        };
        self.first_day()
            .checked_add_months(chrono::Months::new(months))
            .unwrap_or(NaiveDate::MAX)
    }

    /// How many days it has.
    pub fn days(self) -> i64 {
        (self.end() - self.first_day()).num_days()
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        self.first_day() <= day && day < self.end()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Period::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
        }
    }
}

impl FromStr for Period {
    type Err = BadPeriod;

    /// `2026-12`, `2026-Q4`, `2026q4`, full-width digits and a slash (`2026/12`) too.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadPeriod(super::text::display_safe(s.trim()));
        let folded = super::text::fold(s).to_ascii_lowercase();
        let folded = folded.trim();
        let (year, rest) = folded.split_at(folded.find(['-', '/', 'q']).ok_or_else(bad)?);
        let year: i32 = year.parse().map_err(|_| bad())?;
        if !(1900..=9999).contains(&year) {
            return Err(bad());
        }
        let rest = rest.trim_start_matches(['-', '/']);
        let period = match rest.strip_prefix('q') {
            Some(q) => Period::Quarter {
                year,
                quarter: q
                    .parse()
                    .ok()
                    .filter(|q| (1..=4).contains(q))
                    .ok_or_else(bad)?,
            },
            None => Period::Month {
                year,
                month: rest
                    .parse()
                    .ok()
                    .filter(|m| (1..=12).contains(m))
                    .ok_or_else(bad)?,
            },
        };
        Ok(period)
    }
}

/// The step of the funnel a goal counts.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumCount,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Metric {
    NewLeads,
    ToConsidering,
    Meetings,
    Wins,
    WonValue,
}

impl Metric {
    pub const ALL: [Metric; Metric::COUNT] = array_of(<Metric as VariantArray>::VARIANTS);

    pub fn id(self) -> &'static str {
        self.into()
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Metric::NewLeads => "New leads",
            Metric::ToConsidering => "Moved to considering",
            Metric::Meetings => "Meetings held",
            Metric::Wins => "Wins",
            Metric::WonValue => "Won value",
        }
    }

    pub fn label_ja(self) -> &'static str {
        match self {
            Metric::NewLeads => "新規リード",
            Metric::ToConsidering => "検討段階へ",
            Metric::Meetings => "商談",
            Metric::Wins => "受注",
            Metric::WonValue => "受注額",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a goal's metric: use {names}", names = one_of_named(&Metric::ALL.map(|m| (m.id(), m.label_en(), m.label_ja()))))]
pub struct UnknownMetric(pub String);

impl FromStr for Metric {
    type Err = UnknownMetric;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        find_named(
            Metric::ALL,
            s,
            |m| [m.id(), m.label_en(), m.label_ja()],
            |_| &[],
        )
        .ok_or_else(|| UnknownMetric(s.to_string()))
    }
}

fn named_metrics() -> [(&'static str, &'static str, &'static str); Metric::COUNT] {
    Metric::ALL.map(|m| (m.id(), m.label_en(), m.label_ja()))
}

/// What a rep may type for a goal's step, in the error that tells them.
pub fn accepted_names() -> String {
    one_of_named(&named_metrics())
}

/// The same, for a Japanese message.
pub fn accepted_names_ja() -> String {
    super::variants::one_of_named_ja(&named_metrics())
}

/// A goal as stored: a target on a step for a period, for a rep or (no owner) the team.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub id: String,
    pub period: Period,
    pub metric: Metric,
    pub target: i64,
    pub owner: Option<String>,
}

/// Where an actual figure stands against its target on a day of the period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Pace {
    /// The target is reached.
    Reached,
    /// At least what an even pace would have by the end of that day (whole: a count is
    /// not behind by a fraction of one).
    OnTrack,
    /// Short of an even pace by `by`; `per_day` more each day left reaches the target.
    Behind { by: f64, per_day: f64 },
    /// The period is over and the target was not reached, by `short`.
    Missed { short: f64 },
}

/// The pace `actual` keeps towards `target` in `period`, on `today` (counted as passed).
pub fn pace(period: Period, target: f64, actual: f64, today: NaiveDate) -> Pace {
    if actual >= target {
        return Pace::Reached;
    }
    if today >= period.end() {
        return Pace::Missed {
            short: target - actual,
        };
    }
    let days = period.days() as f64;
    let passed = ((today - period.first_day()).num_days() + 1).clamp(0, period.days()) as f64;
    let expected = target * passed / days;
    // A count is reached whole: on the first days of a month, 0.1 of a win is no lag.
    if actual >= expected.floor() {
        return Pace::OnTrack;
    }
    let left = (days - passed).max(1.0);
    Pace::Behind {
        by: expected - actual,
        per_day: (target - actual) / left,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn months_and_quarters_read_as_reps_type_them() {
        let december = Period::Month {
            year: 2026,
            month: 12,
        };
        let q4 = Period::Quarter {
            year: 2026,
            quarter: 4,
        };
        for typed in ["2026-12", "2026/12", "２０２６－１２", " 2026-12 "] {
            assert_eq!(typed.parse(), Ok(december), "{typed}");
        }
        for typed in ["2026-Q4", "2026q4", "2026-q4", "２０２６－Ｑ４"] {
            assert_eq!(typed.parse(), Ok(q4), "{typed}");
        }
        assert_eq!(december.to_string(), "2026-12");
        assert_eq!(q4.to_string(), "2026-Q4");
        for bad in [
            "2026", "2026-13", "2026-Q5", "2026-Q0", "12-2026", "", "abcd-12",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_period_runs_from_its_first_day_to_the_day_before_the_next() {
        let december = Period::month_of(day(2026, 12, 14));
        assert_eq!(december.first_day(), day(2026, 12, 1));
        assert_eq!(december.end(), day(2027, 1, 1));
        assert_eq!(december.days(), 31);
        let q1 = Period::Quarter {
            year: 2028,
            quarter: 1,
        };
        assert_eq!(
            (q1.first_day(), q1.end()),
            (day(2028, 1, 1), day(2028, 4, 1))
        );
        assert_eq!(q1.days(), 91, "a leap year's first quarter");
        assert!(q1.contains(day(2028, 3, 31)) && !q1.contains(day(2028, 4, 1)));
        assert_eq!(Period::month_of(day(2026, 2, 14)).to_string(), "2026-02");
    }

    #[test]
    fn metrics_parse_from_ids_and_labels() {
        for metric in Metric::ALL {
            assert_eq!(metric.id().parse(), Ok(metric));
            assert_eq!(metric.label_ja().parse(), Ok(metric));
        }
        assert_eq!("won-value".parse(), Ok(Metric::WonValue));
        assert!("calls".parse::<Metric>().is_err());
    }

    #[test]
    fn the_pace_is_the_target_spread_evenly_over_the_period() {
        let november = Period::Month {
            year: 2026,
            month: 11,
        };
        // 30 days, a target of 30: one a day is on track.
        assert_eq!(pace(november, 30.0, 10.0, day(2026, 11, 10)), Pace::OnTrack);
        assert_eq!(
            pace(november, 30.0, 7.0, day(2026, 11, 10)),
            Pace::Behind {
                by: 3.0,
                per_day: 23.0 / 20.0
            }
        );
        assert_eq!(pace(november, 30.0, 30.0, day(2026, 11, 2)), Pace::Reached);
        assert_eq!(
            pace(november, 30.0, 29.0, day(2026, 12, 1)),
            Pace::Missed { short: 1.0 }
        );
        // On its last day, what is left is for that day.
        assert_eq!(
            pace(november, 30.0, 28.0, day(2026, 11, 30)),
            Pace::Behind {
                by: 2.0,
                per_day: 2.0
            }
        );
        // Before it starts, nothing is expected yet.
        assert_eq!(pace(november, 30.0, 0.0, day(2026, 10, 20)), Pace::OnTrack);
    }
}
