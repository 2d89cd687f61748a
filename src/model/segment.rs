//! Segments: the board's filters saved by name, for the people a nurturing mail goes to.

use super::Rank;
use super::Stage;
use serde::{Deserialize, Serialize};

/// Which leads' people a segment holds: every part set must hold at once.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SegmentFilter {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// A source id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<Rank>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    /// A campaign id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    /// Only leads with nothing done for more than this many days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quiet_days: Option<u32>,
}

impl SegmentFilter {
    pub fn is_empty(&self) -> bool {
        *self == SegmentFilter::default()
    }
}

/// A segment as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    pub id: String,
    pub name: String,
    pub filter: SegmentFilter,
}
