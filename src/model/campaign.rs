//! Campaigns (nurturing and lead generation): what kind each is, and what one brought for
//! what it cost.

use super::variants::{array_of, find_named, one_of_named};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use strum::{EnumCount, VariantArray};

/// What kind of campaign it is. The id is the variant's name in snake_case (stored, in JSON
/// and typed); the labels in both languages are parsed too.
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
    strum::EnumCount,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum CampaignKind {
    Exhibition,
    Seminar,
    Webinar,
    Newsletter,
    Advertising,
    DirectMail,
    #[default]
    Other,
}

impl CampaignKind {
    pub const ALL: [CampaignKind; CampaignKind::COUNT] =
        array_of(<CampaignKind as VariantArray>::VARIANTS);

    pub fn id(self) -> &'static str {
        self.into()
    }

    pub fn label_en(self) -> &'static str {
        match self {
            CampaignKind::Exhibition => "Exhibition",
            CampaignKind::Seminar => "Seminar",
            CampaignKind::Webinar => "Webinar",
            CampaignKind::Newsletter => "Newsletter",
            CampaignKind::Advertising => "Advertising",
            CampaignKind::DirectMail => "Direct mail",
            CampaignKind::Other => "Other",
        }
    }

    pub fn label_ja(self) -> &'static str {
        match self {
            CampaignKind::Exhibition => "展示会",
            CampaignKind::Seminar => "セミナー",
            CampaignKind::Webinar => "ウェビナー",
            CampaignKind::Newsletter => "メルマガ",
            CampaignKind::Advertising => "広告",
            CampaignKind::DirectMail => "DM",
            CampaignKind::Other => "その他",
        }
    }

    /// Other words reps use for a kind.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            CampaignKind::Newsletter => &["メールマガジン", "ニュースレター"],
            CampaignKind::DirectMail => &["ダイレクトメール", "dm"],
            CampaignKind::Webinar => &["オンラインセミナー"],
            _ => &[],
        }
    }
}

impl fmt::Display for CampaignKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a kind of campaign: use {names}", names = accepted_names())]
pub struct UnknownCampaignKind(pub String);

/// `exhibition (展示会), seminar (セミナー), ...`: what a rep may type.
pub fn accepted_names() -> String {
    one_of_named(&CampaignKind::ALL.map(|k| (k.id(), k.label_en(), k.label_ja())))
}

/// The same, for a Japanese message.
pub fn accepted_names_ja() -> String {
    super::variants::one_of_named_ja(
        &CampaignKind::ALL.map(|k| (k.id(), k.label_en(), k.label_ja())),
    )
}

impl FromStr for CampaignKind {
    type Err = UnknownCampaignKind;

    /// The id, either label or an alias, ignoring width, case, spaces, hyphens and
    /// underscores.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        find_named(
            CampaignKind::ALL,
            s,
            |kind| [kind.id(), kind.label_en(), kind.label_ja()],
            CampaignKind::aliases,
        )
        .ok_or_else(|| UnknownCampaignKind(s.to_string()))
    }
}

/// A campaign as stored: what, when, what it cost, whose.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Campaign {
    pub id: String,
    pub name: String,
    pub kind: CampaignKind,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    /// Yen, whole.
    pub cost: Option<i64>,
    pub owner: Option<String>,
    pub notes: Option<String>,
    #[serde(with = "super::dates::timestamp")]
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    #[serde(with = "super::dates::timestamp")]
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
}

/// What a rep gives for a campaign: everything to add one; to change one, each `Some` is
/// set (`Some(None)` clears an optional field).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CampaignPatch {
    pub name: Option<String>,
    pub kind: Option<CampaignKind>,
    pub starts_on: Option<Option<NaiveDate>>,
    pub ends_on: Option<Option<NaiveDate>>,
    pub cost: Option<Option<i64>>,
    pub owner: Option<Option<String>>,
    pub notes: Option<Option<String>>,
}

impl CampaignPatch {
    pub fn is_empty(&self) -> bool {
        *self == CampaignPatch::default()
    }
}

/// What a campaign brought, and what it cost: the figures its effect is worked out from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Brought {
    /// What it cost (none recorded: no cost figures).
    pub cost: Option<i64>,
    /// Leads that came from it.
    pub leads: u64,
    /// Of those, won.
    pub won: u64,
    /// The value of those won.
    pub won_value: i64,
}

impl Brought {
    /// Cost per lead that came from it (none without a cost or a lead).
    pub fn cost_per_lead(&self) -> Option<f64> {
        per(self.cost?, self.leads)
    }

    /// Cost per lead won.
    pub fn cost_per_won(&self) -> Option<f64> {
        per(self.cost?, self.won)
    }

    /// The won value for each yen it cost (none without a cost).
    pub fn return_on_cost(&self) -> Option<f64> {
        let cost = self.cost.filter(|c| *c > 0)?;
        Some(self.won_value as f64 / cost as f64)
    }
}

fn per(cost: i64, count: u64) -> Option<f64> {
    (count > 0).then(|| cost as f64 / count as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_from_ids_labels_and_aliases_in_either_language() {
        for kind in CampaignKind::ALL {
            assert_eq!(kind.id().parse(), Ok(kind));
            assert_eq!(kind.label_en().parse(), Ok(kind));
            assert_eq!(kind.label_ja().parse(), Ok(kind));
            let json = serde_json::to_string(&kind).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", kind.id()));
        }
        for (word, kind) in [
            ("direct-mail", CampaignKind::DirectMail),
            ("ダイレクトメール", CampaignKind::DirectMail),
            ("ＤＭ", CampaignKind::DirectMail),
            ("メールマガジン", CampaignKind::Newsletter),
            ("ｾﾐﾅｰ", CampaignKind::Seminar),
            ("WEBINAR", CampaignKind::Webinar),
        ] {
            assert_eq!(word.parse::<CampaignKind>(), Ok(kind), "{word}");
        }
        assert!("".parse::<CampaignKind>().is_err());
        assert_eq!(
            "fax".parse::<CampaignKind>().map_err(|e| e.to_string()),
            Err(
                "'fax' is not a kind of campaign: use exhibition (展示会), seminar (セミナー), \
                 webinar (ウェビナー), newsletter (メルマガ), advertising (広告), \
                 direct_mail (Direct mail, DM) or other (その他)"
                    .into()
            )
        );
    }

    #[test]
    fn no_two_kinds_share_a_name() {
        let mut seen = std::collections::BTreeMap::new();
        for kind in CampaignKind::ALL {
            let words = [kind.id(), kind.label_en(), kind.label_ja()];
            for word in words.iter().chain(kind.aliases()) {
                let before = seen.insert(super::super::variants::name_key(word), kind);
                assert!(before.is_none() || before == Some(kind), "{word}");
            }
        }
    }

    #[test]
    fn a_seminar_of_300000_yen_with_12_leads_and_one_won_at_1200000() {
        let seminar = Brought {
            cost: Some(300_000),
            leads: 12,
            won: 1,
            won_value: 1_200_000,
        };
        assert_eq!(seminar.cost_per_lead(), Some(25_000.0));
        assert_eq!(seminar.cost_per_won(), Some(300_000.0));
        assert_eq!(seminar.return_on_cost(), Some(4.0));
    }

    #[test]
    fn figures_without_a_cost_or_a_count_are_none_not_zero_or_infinite() {
        let free = Brought {
            cost: None,
            leads: 5,
            won: 1,
            won_value: 100,
        };
        assert_eq!(
            (
                free.cost_per_lead(),
                free.cost_per_won(),
                free.return_on_cost()
            ),
            (None, None, None)
        );
        let nothing_yet = Brought {
            cost: Some(50_000),
            ..Brought::default()
        };
        assert_eq!(nothing_yet.cost_per_lead(), None);
        assert_eq!(nothing_yet.cost_per_won(), None);
        assert_eq!(nothing_yet.return_on_cost(), Some(0.0));
        let zero_cost = Brought {
            cost: Some(0),
            leads: 3,
            won: 1,
            won_value: 10,
        };
        assert_eq!(zero_cost.cost_per_lead(), Some(0.0));
        assert_eq!(zero_cost.return_on_cost(), None);
    }
}
