//! Hybrid logical clock stamps (SPEC §5.5).
//!
//! Every field change carries a stamp: wall-clock milliseconds, a counter that orders changes
//! within one millisecond (or while the wall clock lags behind a stamp already seen), and the
//! node (one per database) that made it. Comparing stamps gives one answer on every machine,
//! even with skewed clocks; the node breaks the last tie. The text form sorts like the stamp
//! (SQLite compares stamps as text), for every wall time a clock can say.

use chrono::{DateTime, Utc};
use std::fmt;
use std::str::FromStr;

/// Counters are written with six digits so the text form keeps sorting correctly.
const MAX_COUNTER: u32 = 999_999;

/// Wall times from here on (year 2286) no longer fit the thirteen digits every stamp had
/// until now. They are written `z` and twenty digits: `z` sorts after every digit, so such a
/// stamp sorts after all thirteen-digit ones, and stamps already written keep their text.
const WIDE_WALL: u64 = 10_000_000_000_000;

/// How far ahead of this machine's clock a change may be dated before its author is told
/// their clock is wrong. Clocks kept by the network agree within seconds; a day ahead is a
/// wrong date, whose stamps would win over every change the others make until then.
pub const FAR_AHEAD: chrono::TimeDelta = chrono::TimeDelta::days(1);

/// Whether a change made at `at` by its author's clock was made by a clock far ahead of
/// this one, which says `now`.
pub fn is_far_ahead(at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    at - now > FAR_AHEAD
}

/// A rep whose clock said `at` when they made a change: far ahead of another's clock.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FarAhead {
    /// The database the change came from (its clock stamps' node).
    pub node: String,
    /// The rep's name, as they set it.
    pub name: String,
    pub at: DateTime<Utc>,
}

impl FarAhead {
    /// Adds `far` to `notes`, one per rep: the furthest date said of them.
    pub fn note_in(notes: &mut Vec<FarAhead>, far: &FarAhead) {
        match notes.iter_mut().find(|n| n.node == far.node) {
            Some(known) if known.at >= far.at => {}
            Some(known) => *known = far.clone(),
            None => notes.push(far.clone()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hlc {
    pub wall_ms: u64,
    pub counter: u32,
    pub node: String,
}

impl Hlc {
    /// The stamp for a local change at wall time `now_ms`, after `last` (the newest stamp this
    /// node has issued or seen).
    pub fn tick(last: Option<&Hlc>, now_ms: u64, node: &str) -> Hlc {
        match last {
            Some(last) if last.wall_ms >= now_ms => {
                if last.counter >= MAX_COUNTER {
                    Hlc {
                        wall_ms: last.wall_ms + 1,
                        counter: 0,
                        node: node.to_string(),
                    }
                } else {
                    Hlc {
                        wall_ms: last.wall_ms,
                        counter: last.counter + 1,
                        node: node.to_string(),
                    }
                }
            }
            _ => Hlc {
                wall_ms: now_ms,
                counter: 0,
                node: node.to_string(),
            },
        }
    }

    /// When the change was made, by the clock of the machine that made it.
    pub fn time(&self) -> DateTime<Utc> {
        i64::try_from(self.wall_ms)
            .ok()
            .and_then(DateTime::from_timestamp_millis)
            .unwrap_or_default()
    }
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.wall_ms < WIDE_WALL {
            write!(f, "{:013}-{:06}-{}", self.wall_ms, self.counter, self.node)
        } else {
            write!(f, "z{:020}-{:06}-{}", self.wall_ms, self.counter, self.node)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a clock stamp")]
pub struct BadStamp(pub String);

impl FromStr for Hlc {
    type Err = BadStamp;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadStamp(s.chars().take(60).collect());
        let mut parts = s.splitn(3, '-');
        // Thirteen digits; `z` and twenty past 2286; and the fourteen or more digits a
        // leadtrack before the `z` form wrote for such clocks, read as what they meant.
        let wall = parts
            .next()
            .map(|p| p.strip_prefix('z').filter(|w| w.len() == 20).unwrap_or(p))
            .filter(|w| (13..=20).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(bad)?;
        let counter = parts.next().filter(|p| p.len() == 6).ok_or_else(bad)?;
        let node = parts
            .next()
            .filter(|p| !p.is_empty() && p.len() <= 64)
            .ok_or_else(bad)?;
        Ok(Hlc {
            wall_ms: wall.parse().map_err(|_| bad())?,
            counter: counter.parse().map_err(|_| bad())?,
            node: node.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ticks_increase_even_when_the_wall_clock_goes_back() {
        let a = Hlc::tick(None, 1_000, "n1");
        let b = Hlc::tick(Some(&a), 1_000, "n1");
        let c = Hlc::tick(Some(&b), 900, "n1");
        let d = Hlc::tick(Some(&c), 2_000, "n1");
        assert!(a < b && b < c && c < d);
        assert_eq!(d.counter, 0);
    }

    #[test]
    fn node_breaks_ties() {
        let a = Hlc {
            wall_ms: 5,
            counter: 0,
            node: "aaaa".into(),
        };
        let b = Hlc {
            wall_ms: 5,
            counter: 0,
            node: "bbbb".into(),
        };
        assert!(a < b);
    }

    /// Wall times of every kind: today's, around the 2286 boundary, and up to the last a
    /// stamp can hold.
    fn wall() -> impl Strategy<Value = u64> {
        prop_oneof![
            0u64..WIDE_WALL,
            WIDE_WALL - 1_000..WIDE_WALL + 1_000,
            WIDE_WALL..=u64::MAX,
        ]
    }

    #[test]
    fn a_clock_past_2286_keeps_its_stamps_readable_and_in_order() {
        let year_2300 = Hlc {
            wall_ms: 10_413_792_000_000,
            counter: 3,
            node: "far".into(),
        };
        let text = year_2300.to_string();
        assert_eq!(text, "z00000010413792000000-000003-far");
        assert_eq!(text.parse::<Hlc>(), Ok(year_2300.clone()));
        let today = Hlc::tick(None, 1_764_547_200_000, "near");
        assert!(today.to_string() < text);
        // A stamp written before the `z` form, for such a clock, is read as it was meant.
        assert_eq!("10413792000000-000003-far".parse::<Hlc>(), Ok(year_2300));
        for bad in [
            "z1041379200000-000000-n",
            "104137920000x0-000000-n",
            "z-000000-n",
        ] {
            assert!(bad.parse::<Hlc>().is_err(), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn text_form_sorts_like_the_stamp(
            w1 in wall(), c1 in 0u32..=MAX_COUNTER,
            w2 in wall(), c2 in 0u32..=MAX_COUNTER,
            n1 in "[0-9a-f]{12}", n2 in "[0-9a-f]{12}",
        ) {
            let a = Hlc { wall_ms: w1, counter: c1, node: n1 };
            let b = Hlc { wall_ms: w2, counter: c2, node: n2 };
            prop_assert_eq!(a.cmp(&b), a.to_string().cmp(&b.to_string()));
            prop_assert_eq!(a.to_string().parse::<Hlc>(), Ok(a));
        }
    }
}
