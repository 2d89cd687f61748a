//! Lead stages (SPEC §2.1).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    #[default]
    Considering,
    Future,
    NoProspect,
    Customer,
}

impl Stage {
    /// The three stages of the board, left to right.
    pub const OPEN: [Stage; 3] = [Stage::Considering, Stage::Future, Stage::NoProspect];
    pub const ALL: [Stage; 4] = [
        Stage::Considering,
        Stage::Future,
        Stage::NoProspect,
        Stage::Customer,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Stage::Considering => "considering",
            Stage::Future => "future",
            Stage::NoProspect => "no_prospect",
            Stage::Customer => "customer",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Stage::Considering => "Considering",
            Stage::Future => "Future potential",
            Stage::NoProspect => "No prospect",
            Stage::Customer => "Customer",
        }
    }

    pub fn label_ja(self) -> &'static str {
        match self {
            Stage::Considering => "検討段階",
            Stage::Future => "将来見込み",
            Stage::NoProspect => "見込みなし",
            Stage::Customer => "顧客",
        }
    }

    /// Share of open leads a healthy funnel has in this stage (SPEC §2.1), in percent.
    pub fn reference_share(self) -> Option<u32> {
        match self {
            Stage::Considering => Some(10),
            Stage::Future => Some(65),
            Stage::NoProspect => Some(25),
            Stage::Customer => None,
        }
    }

    pub fn is_open(self) -> bool {
        self != Stage::Customer
    }

    /// The board column to the right, if any (`L`).
    pub fn next(self) -> Option<Stage> {
        match self {
            Stage::Considering => Some(Stage::Future),
            Stage::Future => Some(Stage::NoProspect),
            Stage::NoProspect | Stage::Customer => None,
        }
    }

    /// The board column to the left, if any (`H`).
    pub fn previous(self) -> Option<Stage> {
        match self {
            Stage::Future => Some(Stage::Considering),
            Stage::NoProspect => Some(Stage::Future),
            Stage::Considering | Stage::Customer => None,
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a stage: use considering, future, no_prospect or customer")]
pub struct UnknownStage(pub String);

impl FromStr for Stage {
    type Err = UnknownStage;

    /// Accepts the id, the English label and the Japanese label, ignoring case,
    /// spaces, hyphens and underscores.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key: String = s
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '_' | '\u{3000}'))
            .collect();
        let stage = match key.as_str() {
            "considering" | "検討段階" | "検討中" | "検討" => Stage::Considering,
            "future" | "futurepotential" | "将来見込み" | "将来" => Stage::Future,
            "noprospect" | "見込みなし" | "見込無し" => Stage::NoProspect,
            "customer" | "won" | "顧客" | "受注" => Stage::Customer,
            _ => return Err(UnknownStage(s.to_string())),
        };
        Ok(stage)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_parse_from_ids_and_labels() {
        for stage in Stage::ALL {
            assert_eq!(stage.id().parse::<Stage>(), Ok(stage));
            assert_eq!(stage.label_en().parse::<Stage>(), Ok(stage));
            assert_eq!(stage.label_ja().parse::<Stage>(), Ok(stage));
        }
        assert_eq!("No-Prospect".parse::<Stage>(), Ok(Stage::NoProspect));
        assert!("later".parse::<Stage>().is_err());
    }

    #[test]
    fn board_moves_stop_at_the_edges() {
        assert_eq!(Stage::Considering.previous(), None);
        assert_eq!(Stage::Considering.next(), Some(Stage::Future));
        assert_eq!(Stage::NoProspect.next(), None);
        assert_eq!(Stage::Customer.next(), None);
    }
}
