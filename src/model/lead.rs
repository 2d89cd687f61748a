//! Leads: prospective deals (SPEC §2.2).

use super::dates::{self, Due, format_timestamp};
use super::fields::{Field, Record, text};
use super::stage::Stage;
use super::variants::{name_key, one_of_named};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lead {
    pub id: String,
    pub title: String,
    pub company: Option<String>,
    pub stage: Stage,
    pub source: Option<String>,
    pub source_detail: Option<String>,
    pub owner: Option<String>,
    pub value: Option<i64>,
    pub next_action: Option<String>,
    pub next_action_on: Option<Due>,
    pub qualification: Qualification,
    pub tags: Vec<String>,
    pub notes: Option<String>,
    /// The campaign the lead came from (its id).
    pub campaign_id: Option<String>,
    /// A new deal with a company that is already a customer: marked when the lead is made,
    /// changed by the rep.
    pub upsell: bool,
    #[serde(with = "dates::timestamp")]
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    #[serde(with = "dates::timestamp")]
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
    pub score: f64,
    pub rank: Rank,
    #[serde(with = "dates::timestamp_opt")]
    pub last_activity_at: Option<DateTime<Utc>>,
    pub contacts: Vec<LinkedContact>,
}

impl Record for Lead {
    const NOUN: &'static str = "lead";
    const NOUNS: &'static str = "leads";
    const FIELDS: &'static [Field<Lead>] = &[
        Field::new("id", &["リードID", "Lead ID"], |l| l.id.clone()),
        Field::new(
            "title",
            &[
                "案件名",
                "商談名",
                "タイトル",
                "件名",
                "案件",
                "Title",
                "Lead",
                "Deal",
                "Lead Title",
            ],
            |l| l.title.clone(),
        ),
        Field::new(
            "company",
            &[
                "会社名",
                "会社",
                "企業名",
                "顧客名",
                "Company",
                "Company Name",
            ],
            |l| text(&l.company),
        ),
        Field::new(
            "stage",
            &[
                "ステージ",
                "段階",
                "状態",
                "フェーズ",
                "見込み度",
                "Stage",
                "Status",
            ],
            |l: &Lead| l.stage.id().to_string(),
        )
        .ja(|l| l.stage.label_ja().to_string()),
        Field::new(
            "source",
            &[
                "流入元",
                "流入経路",
                "ソース",
                "獲得経路",
                "チャネル",
                "Source",
                "Channel",
            ],
            |l: &Lead| text(&l.source),
        )
        // A default source by its label (展示会); one of the rep's own as configured.
        .ja(|l| {
            let id = text(&l.source);
            super::source::label_ja(&id).map_or(id, str::to_string)
        }),
        Field::new(
            "source_detail",
            &[
                "流入元の詳細",
                "流入元詳細",
                "流入詳細",
                "ソース詳細",
                "Source Detail",
            ],
            |l| text(&l.source_detail),
        ),
        Field::new(
            "owner",
            &["担当者", "担当", "営業担当", "Owner", "Rep", "Sales Rep"],
            |l| text(&l.owner),
        ),
        Field::new(
            "value",
            &[
                "金額",
                "見込金額",
                "予定金額",
                "受注見込額",
                "見込み金額",
                "Value",
                "Amount",
                "Expected Amount",
            ],
            |l| l.value.map(|v| v.to_string()).unwrap_or_default(),
        ),
        Field::new(
            "next_action",
            &[
                "次回アクション",
                "次のアクション",
                "ネクストアクション",
                "Next Action",
            ],
            |l| text(&l.next_action),
        ),
        Field::new(
            "next_action_on",
            &[
                "次回予定日",
                "次回日付",
                "期日",
                "予定日",
                "次回アクション日",
                "Due",
                "Next Action On",
                "Next Action Date",
                "Due Date",
            ],
            |l| l.next_action_on.map(|d| d.to_storage()).unwrap_or_default(),
        ),
        Field::derived("rank", &["ランク"], |l| l.rank.to_string()),
        Field::derived("score", &["スコア"], |l| super::format::score(l.score)),
        Field::new("tags", &["タグ", "Tags", "Tag"], |l| l.tags.join(", ")),
        Field::new("notes", &["メモ", "備考", "Notes", "Note"], |l| {
            text(&l.notes)
        }),
        // A file names a campaign by its name or id; leadtrack writes the id.
        Field::new(
            "campaign_id",
            &["キャンペーン", "施策", "Campaign", "Campaign ID"],
            |l| text(&l.campaign_id),
        ),
        // Marked by company when a lead is made; a file does not set it.
        Field::derived("upsell", &["アップセル", "Upsell"], |l| {
            if l.upsell { "yes" } else { "" }.to_string()
        }),
        Field::derived("last_activity_at", &["最終活動日時"], |l| {
            l.last_activity_at
                .as_ref()
                .map(format_timestamp)
                .unwrap_or_default()
        }),
        Field::derived("created_at", &["作成日時"], |l| {
            format_timestamp(&l.created_at)
        }),
        Field::derived("updated_at", &["更新日時"], |l| {
            format_timestamp(&l.updated_at)
        }),
    ];
}

/// A contact on a lead, with the part they play in the deal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinkedContact {
    pub id: String,
    pub name: String,
    pub company: Option<String>,
    pub role: LinkRole,
    /// Mobile first, else the office phone.
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// A lead's rank from its score (SPEC §2.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Rank {
    A,
    B,
    C,
}

impl Rank {
    pub fn letter(self) -> &'static str {
        match self {
            Rank::A => "A",
            Rank::B => "B",
            Rank::C => "C",
        }
    }

    pub fn from_letter(s: &str) -> Rank {
        match s {
            "A" => Rank::A,
            "B" => Rank::B,
            _ => Rank::C,
        }
    }
}

impl fmt::Display for Rank {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.letter())
    }
}

/// The part a contact plays in a deal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum LinkRole {
    DecisionMaker,
    Influencer,
    User,
    Gatekeeper,
    #[default]
    Other,
}

impl LinkRole {
    pub const ALL: [LinkRole; 5] = [
        LinkRole::DecisionMaker,
        LinkRole::Influencer,
        LinkRole::User,
        LinkRole::Gatekeeper,
        LinkRole::Other,
    ];

    pub fn id(self) -> &'static str {
        match self {
            LinkRole::DecisionMaker => "decision_maker",
            LinkRole::Influencer => "influencer",
            LinkRole::User => "user",
            LinkRole::Gatekeeper => "gatekeeper",
            LinkRole::Other => "other",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            LinkRole::DecisionMaker => "Decision maker",
            LinkRole::Influencer => "Influencer",
            LinkRole::User => "User",
            LinkRole::Gatekeeper => "Gatekeeper",
            LinkRole::Other => "Other",
        }
    }

    pub fn label_ja(self) -> &'static str {
        match self {
            LinkRole::DecisionMaker => "決裁者",
            LinkRole::Influencer => "影響者",
            LinkRole::User => "利用者",
            LinkRole::Gatekeeper => "窓口",
            LinkRole::Other => "その他",
        }
    }
}

impl FromStr for LinkRole {
    type Err = String;

    /// Accepts the id, the English label and the Japanese label, ignoring width, case,
    /// spaces, hyphens and underscores.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key = name_key(s);
        LinkRole::ALL
            .into_iter()
            .find(|role| {
                [role.id(), role.label_en(), role.label_ja()]
                    .iter()
                    .any(|word| name_key(word) == key)
            })
            .ok_or_else(|| format!("'{s}' is not a role: use {}", LinkRole::accepted_names()))
    }
}

impl LinkRole {
    fn named() -> [(&'static str, &'static str, &'static str); LinkRole::ALL.len()] {
        LinkRole::ALL.map(|role| (role.id(), role.label_en(), role.label_ja()))
    }

    /// What a rep may type for a role, in the error that tells them.
    pub fn accepted_names() -> String {
        one_of_named(&LinkRole::named())
    }

    /// The same, for a Japanese message.
    pub fn accepted_names_ja() -> String {
        super::variants::one_of_named_ja(&LinkRole::named())
    }
}

/// BANT qualification: budget, authority, need and timing, each yes/no/unknown with a note.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Qualification {
    pub budget: Criterion,
    pub authority: Criterion,
    pub need: Criterion,
    pub timing: Criterion,
}

impl Qualification {
    pub fn is_unknown(&self) -> bool {
        *self == Qualification::default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Criterion {
    pub value: Answer,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl FromStr for Criterion {
    type Err = String;

    /// `yes`, `no`, `unknown`, optionally followed by `:` and a note (`yes:予算確保済み`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (answer, note) = s.split_once([':', '：']).unwrap_or((s, ""));
        let value = match answer.trim().to_lowercase().as_str() {
            "yes" | "y" | "はい" | "有" | "あり" => Answer::Yes,
            "no" | "n" | "いいえ" | "無" | "なし" => Answer::No,
            "unknown" | "?" | "" | "不明" => Answer::Unknown,
            _ => {
                return Err(format!(
                    "'{s}' is not yes, no or unknown (optionally with ':note')"
                ));
            }
        };
        Ok(Criterion {
            value,
            note: note.trim().to_string(),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Yes,
    No,
    #[default]
    Unknown,
}

#[cfg(test)]
impl Lead {
    /// A lead with a title and nothing else, made now by `me`: a start for unit tests.
    pub(crate) fn blank(id: &str, title: &str) -> Lead {
        let now = chrono::Utc::now();
        Lead {
            id: id.into(),
            title: title.into(),
            company: None,
            stage: Stage::default(),
            source: None,
            source_detail: None,
            owner: None,
            value: None,
            next_action: None,
            next_action_on: None,
            qualification: Qualification::default(),
            tags: Vec::new(),
            notes: None,
            campaign_id: None,
            upsell: false,
            created_at: now,
            created_by: "me".into(),
            updated_at: now,
            updated_by: "me".into(),
            score: 0.0,
            rank: Rank::C,
            last_activity_at: None,
            contacts: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn criteria_read_answer_and_note() {
        let c: Criterion = "yes:予算確保済み".parse().unwrap();
        assert_eq!(c.value, Answer::Yes);
        assert_eq!(c.note, "予算確保済み");
        assert_eq!("no".parse::<Criterion>().unwrap().value, Answer::No);
        assert!("maybe".parse::<Criterion>().is_err());
    }

    #[test]
    fn undoing_a_patch_puts_back_what_it_set_and_only_that() {
        let before = Lead {
            owner: Some("田中".into()),
            value: Some(1_000_000),
            tags: vec!["重点".into()],
            ..Lead::blank("l", "保守契約")
        };
        let patch = LeadPatch {
            title: Some("保守契約（更新）".into()),
            company: Some(Some("ミドリ技研".into())),
            value: Some(None),
            tags: Some(Vec::new()),
            ..LeadPatch::default()
        };
        let undo = patch.undoing(&before);
        assert_eq!(
            undo,
            LeadPatch {
                title: Some("保守契約".into()),
                company: Some(None),
                value: Some(Some(1_000_000)),
                tags: Some(vec!["重点".into()]),
                ..LeadPatch::default()
            }
        );
        assert!(LeadPatch::default().undoing(&before).is_empty());
    }

    #[test]
    fn roles_parse() {
        assert_eq!("decision-maker".parse(), Ok(LinkRole::DecisionMaker));
        assert_eq!("決裁者".parse(), Ok(LinkRole::DecisionMaker));
        assert!("boss".parse::<LinkRole>().is_err());
    }

    #[test]
    fn roles_parse_from_ids_and_labels_in_either_language() {
        for role in LinkRole::ALL {
            assert_eq!(role.id().parse(), Ok(role));
            assert_eq!(role.label_en().parse(), Ok(role));
            assert_eq!(role.label_ja().parse(), Ok(role));
        }
        for (typed, role) in [
            ("Decision Maker", LinkRole::DecisionMaker),
            ("影響者", LinkRole::Influencer),
            ("利用者", LinkRole::User),
            ("窓口", LinkRole::Gatekeeper),
            (" 決裁者 ", LinkRole::DecisionMaker),
            ("ＧＡＴＥＫＥＥＰＥＲ", LinkRole::Gatekeeper),
        ] {
            assert_eq!(typed.parse(), Ok(role), "{typed}");
        }
        super::super::variants::assert_names_distinct(
            &LinkRole::ALL.map(|r| vec![r.id(), r.label_en(), r.label_ja()]),
        );
        assert_eq!(
            "boss".parse::<LinkRole>(),
            Err(
                "'boss' is not a role: use decision_maker (Decision maker, 決裁者), \
                 influencer (影響者), user (利用者), gatekeeper (窓口) or other (その他)"
                    .into()
            )
        );
    }
}

/// Everything a rep types about a lead, for adding one.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LeadFields {
    pub title: String,
    pub company: Option<String>,
    pub stage: Stage,
    pub source: Option<String>,
    pub source_detail: Option<String>,
    pub owner: Option<String>,
    pub value: Option<i64>,
    pub next_action: Option<String>,
    pub next_action_on: Option<Due>,
    pub qualification: Qualification,
    pub tags: Vec<String>,
    pub notes: Option<String>,
    pub campaign_id: Option<String>,
    /// None: an upsell when the company is already a customer.
    pub upsell: Option<bool>,
}

/// `LeadPatch` and its undoing from one list of the fields a patch sets (each named as on
/// `Lead`, with the type it has there).
macro_rules! lead_patch {
    ($($field:ident: $ty:ty),* $(,)?) => {
        /// Changes to a lead: each `Some` is set; `Some(None)` clears an optional field.
        /// The stage changes through a move, never through a patch (it has its own history).
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct LeadPatch {
            $(pub $field: Option<$ty>,)*
        }

        impl LeadPatch {
            /// The fields a patch sets, by name (as stored and kept in the history).
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// The patch that puts back on `before` what this patch changes (what undo
            /// applies).
            pub fn undoing(&self, before: &Lead) -> LeadPatch {
                LeadPatch {
                    $($field: self.$field.as_ref().map(|_| before.$field.clone()),)*
                }
            }
        }
    };
}

lead_patch! {
    title: String,
    company: Option<String>,
    source: Option<String>,
    source_detail: Option<String>,
    owner: Option<String>,
    value: Option<i64>,
    next_action: Option<String>,
    next_action_on: Option<Due>,
    qualification: Qualification,
    tags: Vec<String>,
    notes: Option<String>,
    campaign_id: Option<String>,
    upsell: bool,
}

impl LeadPatch {
    pub fn is_empty(&self) -> bool {
        *self == LeadPatch::default()
    }

    /// What a rep calls a field of `FIELDS` (or the stage), in English and Japanese: the
    /// screen and the command line's sentences say these, never the stored names.
    fn labels(field: &str) -> (&'static str, &'static str) {
        match field {
            "title" => ("title", "案件名"),
            "company" => ("company", "会社名"),
            "source" => ("source", "流入元"),
            "source_detail" => ("source detail", "流入元の詳細"),
            "owner" => ("owner", "担当者"),
            "value" => ("value", "金額"),
            "next_action" => ("next action", "次回アクション"),
            "next_action_on" => ("next action date", "次回アクション日"),
            "qualification" => ("qualification (BANT)", "BANT"),
            "tags" => ("tags", "タグ"),
            "notes" => ("notes", "メモ"),
            "campaign_id" => ("campaign", "キャンペーン"),
            "upsell" => ("upsell", "アップセル"),
            "stage" => ("stage", "段階"),
            "deleted" => ("deleted", "削除"),
            _ => ("field", "項目"),
        }
    }

    pub fn label_en(field: &str) -> &'static str {
        LeadPatch::labels(field).0
    }

    pub fn label_ja(field: &str) -> &'static str {
        LeadPatch::labels(field).1
    }
}

/// One move between stages (SPEC §2.1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageChange {
    pub id: String,
    pub from: Option<Stage>,
    pub to: Stage,
    #[serde(with = "dates::timestamp")]
    pub at: DateTime<Utc>,
    pub by: String,
    /// Taken back by undo (the move, and the move that took it back): left out of the stats.
    pub undone: bool,
}

/// What a customer is worth: its company's won deals (the lead alone when it names no
/// company), the last win, and the open upsell leads on the company.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CustomerValue {
    /// The sum of the won deals' values.
    pub lifetime_value: i64,
    pub won_deals: i64,
    #[serde(with = "dates::timestamp_opt")]
    pub last_won_at: Option<DateTime<Utc>>,
    /// Upsell leads on the company still being worked (considering or future).
    pub open_upsell_leads: i64,
}
