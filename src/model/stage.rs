//! Lead stages (SPEC §2.1).

use super::variants::{array_of, find_named, one_of_named};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use strum::{EnumCount, VariantArray};

/// Where a lead stands. The order of the variants is the board's, left to right.
///
/// Everything about a stage is written in this file; the rest follows from the variant:
/// - the id (`id()`, `Display`, serde, `[stages.stale_after_days]` keys, the stored
///   `leads.stage` text): the variant's name in snake_case;
/// - the words it is also parsed from: `label_en`, `label_ja` and `aliases` (`FromStr`);
/// - its share of a healthy funnel: `reference_share`; whether it is on the board: `is_open`;
/// - how long a lead may rest in it before it is stale: `default_stale_after_days` (the
///   config overrides it);
/// - `Stage::ALL`, `Stage::OPEN`, the board moves, `StageMap` tables and the stage lists in
///   SQL (`store::stage_sql`) are derived from the variants.
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
    Default,
    strum::EnumIter,
    strum::EnumCount,
    strum::VariantArray,
    strum::VariantNames,
    strum::IntoStaticStr,
    strum::AsRefStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Stage {
    #[default]
    Considering,
    Future,
    NoProspect,
    Customer,
}

/// A value for every stage, read by stage (`limits[Stage::Future]`). Build one with
/// `Stage::ALL.map(|stage| ...)`: its entries are in `Stage::ALL` order.
pub type StageMap<T> = [T; Stage::COUNT];

super::variants::indexed_by!(Stage);

impl Stage {
    /// Every stage, in board order (customers last).
    pub const ALL: [Stage; Stage::COUNT] = array_of(<Stage as VariantArray>::VARIANTS);

    /// The stages of the board, left to right: every open stage.
    pub const OPEN: [Stage; Stage::open_count()] = {
        let mut open = [Stage::Considering; Stage::open_count()];
        let (mut i, mut n) = (0, 0);
        while i < Stage::COUNT {
            if Stage::ALL[i].is_open() {
                open[n] = Stage::ALL[i];
                n += 1;
            }
            i += 1;
        }
        open
    };

    const fn open_count() -> usize {
        let (mut i, mut n) = (0, 0);
        while i < Stage::COUNT {
            if Stage::ALL[i].is_open() {
                n += 1;
            }
            i += 1;
        }
        n
    }

    /// The stage's id: `considering`, `no_prospect`.
    pub fn id(self) -> &'static str {
        self.into()
    }

    /// The stage whose id this is exactly (the stored form); `FromStr` is the lenient parse.
    pub fn from_id(id: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|stage| stage.id() == id)
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

    /// Other words a rep uses for the stage, parsed like its labels.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Stage::Considering => &["検討中", "検討"],
            Stage::Future => &["将来"],
            Stage::NoProspect => &["見込無し"],
            Stage::Customer => &["won", "受注"],
        }
    }

    /// Days without activity after which a lead in this stage is stale, unless
    /// `[stages.stale_after_days]` says otherwise.
    pub fn default_stale_after_days(self) -> u32 {
        match self {
            Stage::Considering => 14,
            Stage::Future => 60,
            Stage::NoProspect => 180,
            Stage::Customer => 90,
        }
    }

    /// On the board (not yet a customer).
    pub const fn is_open(self) -> bool {
        !matches!(self, Stage::Customer)
    }

    /// The board column to the right, if any (`L`).
    pub fn next(self) -> Option<Stage> {
        let i = Stage::OPEN.iter().position(|s| *s == self)?;
        Stage::OPEN.get(i + 1).copied()
    }

    /// The board column to the left, if any (`H`).
    pub fn previous(self) -> Option<Stage> {
        let i = Stage::OPEN.iter().position(|s| *s == self)?;
        Stage::OPEN.get(i.checked_sub(1)?).copied()
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a stage: use {names}", names = accepted_names())]
pub struct UnknownStage(pub String);

/// `considering (Considering, 検討段階), future (Future potential, 将来見込み), ...`: what a
/// rep may type, in the error that tells them.
pub fn accepted_names() -> String {
    one_of_named(&Stage::ALL.map(|stage| (stage.id(), stage.label_en(), stage.label_ja())))
}

/// The same, for a Japanese message.
pub fn accepted_names_ja() -> String {
    super::variants::one_of_named_ja(
        &Stage::ALL.map(|stage| (stage.id(), stage.label_en(), stage.label_ja())),
    )
}

impl FromStr for Stage {
    type Err = UnknownStage;

    /// Accepts the id, the English label, the Japanese label and the aliases, ignoring
    /// width, case, spaces, hyphens and underscores.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        find_named(
            Stage::ALL,
            s,
            |stage| [stage.id(), stage.label_en(), stage.label_ja()],
            Stage::aliases,
        )
        .ok_or_else(|| UnknownStage(s.to_string()))
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
    fn every_id_parses_back_to_its_stage() {
        use strum::IntoEnumIterator;
        for stage in Stage::iter() {
            assert_eq!(Stage::from_id(stage.id()), Some(stage));
            assert_eq!(stage.id().parse::<Stage>(), Ok(stage));
            assert_eq!(stage.to_string(), stage.id());
            // serde (the JSON output) and strum (the ids) name a stage alike.
            let json = serde_json::to_string(&stage).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", stage.id()));
            assert_eq!(serde_json::from_str::<Stage>(&json).ok(), Some(stage));
        }
        assert_eq!(Stage::from_id("Customer"), None, "ids are exact");
    }

    #[test]
    fn aliases_stay_and_the_error_names_every_stage_with_its_labels() {
        for (word, stage) in [
            ("検討中", Stage::Considering),
            ("検討", Stage::Considering),
            ("future potential", Stage::Future),
            ("将来", Stage::Future),
            ("見込無し", Stage::NoProspect),
            ("no_prospect", Stage::NoProspect),
            ("Won", Stage::Customer),
            ("受注", Stage::Customer),
            ("顧\u{3000}客", Stage::Customer),
            ("ＦＵＴＵＲＥ", Stage::Future),
        ] {
            assert_eq!(word.parse::<Stage>(), Ok(stage), "{word}");
        }
        assert_eq!(
            "later".parse::<Stage>().map_err(|e| e.to_string()),
            Err(
                "'later' is not a stage: use considering (検討段階), future (Future potential, \
                 将来見込み), no_prospect (No prospect, 見込みなし) or customer (顧客)"
                    .into()
            )
        );
    }

    #[test]
    fn no_two_stages_share_a_name() {
        super::super::variants::assert_names_distinct(&Stage::ALL.map(|stage| {
            let mut names = vec![stage.id(), stage.label_en(), stage.label_ja()];
            names.extend(stage.aliases());
            names
        }));
    }

    #[test]
    fn tables_by_stage_follow_the_order_of_all() {
        for (i, stage) in Stage::ALL.into_iter().enumerate() {
            assert_eq!(stage as usize, i);
        }
        assert_eq!(
            Stage::OPEN,
            [Stage::Considering, Stage::Future, Stage::NoProspect]
        );
        let days: StageMap<u32> = Stage::ALL.map(Stage::default_stale_after_days);
        assert_eq!(days[Stage::Future], 60);
        assert_eq!(days[Stage::Customer], 90);
    }

    #[test]
    fn board_moves_stop_at_the_edges() {
        assert_eq!(Stage::Considering.previous(), None);
        assert_eq!(Stage::Considering.next(), Some(Stage::Future));
        assert_eq!(Stage::NoProspect.next(), None);
        assert_eq!(Stage::Customer.next(), None);
        assert_eq!(Stage::Customer.previous(), None);
        assert_eq!(Stage::NoProspect.previous(), Some(Stage::Future));
    }
}
