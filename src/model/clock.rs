//! Hybrid logical clock stamps (SPEC §5.5).
//!
//! Every field change carries a stamp: wall-clock milliseconds, a counter that orders changes
//! within one millisecond (or while the wall clock lags behind a stamp already seen), and the
//! node (one per database) that made it. Comparing stamps gives one answer on every machine,
//! even with skewed clocks; the node breaks the last tie. The text form sorts like the stamp.

use chrono::{DateTime, Utc};
use std::fmt;
use std::str::FromStr;

/// Counters are written with six digits so the text form keeps sorting correctly.
const MAX_COUNTER: u32 = 999_999;

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
        write!(f, "{:013}-{:06}-{}", self.wall_ms, self.counter, self.node)
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
        let wall = parts.next().filter(|p| p.len() == 13).ok_or_else(bad)?;
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

    proptest! {
        #[test]
        fn text_form_sorts_like_the_stamp(
            w1 in 0u64..9_999_999_999_999, c1 in 0u32..=MAX_COUNTER,
            w2 in 0u64..9_999_999_999_999, c2 in 0u32..=MAX_COUNTER,
            n1 in "[0-9a-f]{12}", n2 in "[0-9a-f]{12}",
        ) {
            let a = Hlc { wall_ms: w1, counter: c1, node: n1 };
            let b = Hlc { wall_ms: w2, counter: c2, node: n2 };
            prop_assert_eq!(a.cmp(&b), a.to_string().cmp(&b.to_string()));
            prop_assert_eq!(a.to_string().parse::<Hlc>(), Ok(a));
        }
    }
}
