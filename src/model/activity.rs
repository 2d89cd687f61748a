//! Activities: what happened with a lead or a contact (SPEC §2.4).

use super::dates::format_timestamp;
use super::fields::{Field, Record, text};
use super::variants::{array_of, find_named, one_of_named};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use strum::{EnumCount, VariantArray};

/// What kind of thing happened.
///
/// Adding a kind is a variant here plus, in this file, its labels (`label_en`, `label_ja`)
/// and its default points (`default_points`); the compiler asks for each. The rest follows
/// from the variant:
/// - the id (`id()`, `Display`, serde, the `[scoring.points]` key, the stored
///   `activities.kind` text): the variant's name in snake_case;
/// - parsing (`FromStr`) from the id and either label; `ActivityKind::ALL`; `KindMap` tables
///   such as the config's points (`config::Points`), which scoring reads.
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
    strum::EnumIter,
    strum::EnumCount,
    strum::VariantArray,
    strum::VariantNames,
    strum::IntoStaticStr,
    strum::AsRefStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ActivityKind {
    Call,
    Meeting,
    Email,
    WebVisit,
    DocumentRequest,
    NewsletterSignup,
    Seminar,
    Inquiry,
    Note,
}

/// A value for every activity kind, read by kind (`points[ActivityKind::Call]`). Build one
/// with `ActivityKind::ALL.map(|kind| ...)`: its entries are in `ActivityKind::ALL` order.
pub type KindMap<T> = [T; ActivityKind::COUNT];

super::variants::indexed_by!(ActivityKind);

impl ActivityKind {
    /// Every kind, in the order forms and reports list them.
    pub const ALL: [ActivityKind; ActivityKind::COUNT] =
        array_of(<ActivityKind as VariantArray>::VARIANTS);

    /// The kind's id: `call`, `web_visit`.
    pub fn id(self) -> &'static str {
        self.into()
    }

    /// The kind whose id this is exactly (the stored form); `FromStr` is the lenient parse.
    pub fn from_id(id: &str) -> Option<ActivityKind> {
        ActivityKind::ALL.into_iter().find(|kind| kind.id() == id)
    }

    /// Points an activity of this kind adds to its lead's score (SPEC §2.5), unless
    /// `[scoring.points]` says otherwise.
    pub fn default_points(self) -> f64 {
        match self {
            ActivityKind::Call => 1.0,
            ActivityKind::Meeting => 3.0,
            ActivityKind::Email => 1.0,
            ActivityKind::WebVisit => 1.0,
            ActivityKind::DocumentRequest => 2.0,
            ActivityKind::NewsletterSignup => 2.0,
            ActivityKind::Seminar => 2.0,
            ActivityKind::Inquiry => 3.0,
            ActivityKind::Note => 0.0,
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            ActivityKind::Call => "Call",
            ActivityKind::Meeting => "Meeting",
            ActivityKind::Email => "Email",
            ActivityKind::WebVisit => "Web visit",
            ActivityKind::DocumentRequest => "Document request",
            ActivityKind::NewsletterSignup => "Newsletter sign-up",
            ActivityKind::Seminar => "Seminar",
            ActivityKind::Inquiry => "Inquiry",
            ActivityKind::Note => "Note",
        }
    }

    pub fn label_ja(self) -> &'static str {
        match self {
            ActivityKind::Call => "電話",
            ActivityKind::Meeting => "商談",
            ActivityKind::Email => "メール",
            ActivityKind::WebVisit => "Web訪問",
            ActivityKind::DocumentRequest => "資料請求",
            ActivityKind::NewsletterSignup => "メルマガ登録",
            ActivityKind::Seminar => "セミナー参加",
            ActivityKind::Inquiry => "問い合わせ",
            ActivityKind::Note => "メモ",
        }
    }
}

impl fmt::Display for ActivityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not an activity kind: use {names}", names = accepted_names())]
pub struct UnknownKind(pub String);

/// `call (電話), meeting (商談), ...`: what a rep may type, in the error that tells them.
pub fn accepted_names() -> String {
    one_of_named(&ActivityKind::ALL.map(|kind| (kind.id(), kind.label_en(), kind.label_ja())))
}

/// The same, for a Japanese message.
pub fn accepted_names_ja() -> String {
    super::variants::one_of_named_ja(
        &ActivityKind::ALL.map(|kind| (kind.id(), kind.label_en(), kind.label_ja())),
    )
}

impl FromStr for ActivityKind {
    type Err = UnknownKind;

    /// Accepts the id, the English label and the Japanese label, ignoring width, case,
    /// spaces, hyphens and underscores.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        find_named(
            ActivityKind::ALL,
            s,
            |kind| [kind.id(), kind.label_en(), kind.label_ja()],
            |_| &[],
        )
        .ok_or_else(|| UnknownKind(s.to_string()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Inbound,
    Outbound,
}

impl Direction {
    pub fn id(self) -> &'static str {
        match self {
            Direction::Inbound => "inbound",
            Direction::Outbound => "outbound",
        }
    }

    /// Its Japanese name whatever the kind (a column of directions in a spreadsheet):
    /// 受信, 発信, as `from_str` reads them back.
    pub fn label_ja(self) -> &'static str {
        match self {
            Direction::Inbound => "受信",
            Direction::Outbound => "発信",
        }
    }

    /// How a rep says it of an activity of this kind: a mail is sent or received, a call
    /// made or taken.
    pub fn word_en(self, kind: ActivityKind) -> &'static str {
        match (kind, self) {
            (ActivityKind::Email, Direction::Outbound) => "sent",
            (ActivityKind::Email, Direction::Inbound) => "received",
            (_, Direction::Outbound) => "made",
            (_, Direction::Inbound) => "taken",
        }
    }

    pub fn word_ja(self, kind: ActivityKind) -> &'static str {
        match (kind, self) {
            (ActivityKind::Email, Direction::Outbound) => "送信",
            (ActivityKind::Email, Direction::Inbound) => "受信",
            (_, Direction::Outbound) => "発信",
            (_, Direction::Inbound) => "着信",
        }
    }
}

/// The direction worth saying of an activity: a call's or a mail's (an inquiry or a document
/// request comes in by its nature).
fn said_direction(kind: ActivityKind, direction: Option<Direction>) -> Option<Direction> {
    direction.filter(|_| matches!(kind, ActivityKind::Call | ActivityKind::Email))
}

/// An activity's kind with its direction when it has one, as a rep reads it: `Email,
/// received`, `Web visit`, 「メール 受信」.
pub fn kind_with_direction_en(kind: ActivityKind, direction: Option<Direction>) -> String {
    match said_direction(kind, direction) {
        Some(d) => format!("{}, {}", kind.label_en(), d.word_en(kind)),
        None => kind.label_en().to_string(),
    }
}

pub fn kind_with_direction_ja(kind: ActivityKind, direction: Option<Direction>) -> String {
    match said_direction(kind, direction) {
        Some(d) => format!("{} {}", kind.label_ja(), d.word_ja(kind)),
        None => kind.label_ja().to_string(),
    }
}

impl FromStr for Direction {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "inbound" | "in" | "受信" => Ok(Direction::Inbound),
            "outbound" | "out" | "発信" => Ok(Direction::Outbound),
            _ => Err(format!("'{s}' is not a direction: use inbound or outbound")),
        }
    }
}

/// An activity as stored (SPEC §2.4 field names).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Activity {
    pub id: String,
    pub kind: ActivityKind,
    pub lead_id: Option<String>,
    pub contact_id: Option<String>,
    #[serde(with = "super::dates::timestamp")]
    pub occurred_at: DateTime<Utc>,
    pub duration_minutes: Option<i64>,
    pub direction: Option<Direction>,
    pub summary: String,
    pub body: Option<String>,
    pub by: Option<String>,
    /// The campaign the activity belongs to (a seminar attended, a newsletter answered).
    pub campaign_id: Option<String>,
    #[serde(with = "super::dates::timestamp")]
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    #[serde(with = "super::dates::timestamp")]
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
}

impl Record for Activity {
    const NOUN: &'static str = "activity";
    const NOUNS: &'static str = "activities";
    const FIELDS: &'static [Field<Activity>] = &[
        Field::new("id", &[], |a| a.id.clone()),
        Field::new("kind", &[], |a: &Activity| a.kind.id().to_string())
            .ja(|a| a.kind.label_ja().to_string()),
        Field::new("lead_id", &[], |a| text(&a.lead_id)),
        Field::new("contact_id", &[], |a| text(&a.contact_id)),
        Field::new("occurred_at", &[], |a| format_timestamp(&a.occurred_at)),
        Field::new("duration_minutes", &[], |a| {
            a.duration_minutes
                .map(|m| m.to_string())
                .unwrap_or_default()
        }),
        Field::new("direction", &[], |a: &Activity| {
            a.direction.map(|d| d.id().to_string()).unwrap_or_default()
        })
        .ja(|a| {
            a.direction
                .map(|d| d.label_ja().to_string())
                .unwrap_or_default()
        }),
        Field::new("summary", &[], |a| a.summary.clone()),
        Field::new("body", &[], |a| text(&a.body)),
        Field::new("by", &[], |a| text(&a.by)),
        Field::new("campaign_id", &[], |a| text(&a.campaign_id)),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_from_ids_and_labels() {
        for kind in ActivityKind::ALL {
            assert_eq!(kind.id().parse::<ActivityKind>(), Ok(kind));
            assert_eq!(kind.label_en().parse::<ActivityKind>(), Ok(kind));
            assert_eq!(kind.label_ja().parse::<ActivityKind>(), Ok(kind));
        }
        assert_eq!(
            "Document-Request".parse(),
            Ok(ActivityKind::DocumentRequest)
        );
        for (typed, kind) in [
            ("電話", ActivityKind::Call),
            ("商談", ActivityKind::Meeting),
            ("資料請求", ActivityKind::DocumentRequest),
            ("ＷＥＢ訪問", ActivityKind::WebVisit),
            ("web visit", ActivityKind::WebVisit),
            ("ﾒﾙﾏｶﾞ登録", ActivityKind::NewsletterSignup),
            ("Newsletter sign-up", ActivityKind::NewsletterSignup),
            (" メモ ", ActivityKind::Note),
        ] {
            assert_eq!(typed.parse(), Ok(kind), "{typed}");
        }
        assert_eq!(
            "fax".parse::<ActivityKind>().map_err(|e| e.to_string()),
            Err(
                "'fax' is not an activity kind: use call (電話), meeting (商談), email (メール), \
                 web_visit (Web visit, Web訪問), document_request (Document request, 資料請求), \
                 newsletter_signup (Newsletter sign-up, メルマガ登録), seminar (セミナー参加), \
                 inquiry (問い合わせ) or note (メモ)"
                    .into()
            )
        );
    }

    #[test]
    fn directions_parse_from_their_japanese_names() {
        for d in [Direction::Inbound, Direction::Outbound] {
            assert_eq!(d.label_ja().parse::<Direction>(), Ok(d));
            assert_eq!(d.id().parse::<Direction>(), Ok(d));
        }
    }

    #[test]
    fn no_two_kinds_share_a_name() {
        crate::model::variants::assert_names_distinct(
            &ActivityKind::ALL.map(|k| vec![k.id(), k.label_en(), k.label_ja()]),
        );
    }

    #[test]
    fn every_id_parses_back_to_its_kind() {
        use strum::IntoEnumIterator;
        for (i, kind) in ActivityKind::iter().enumerate() {
            assert_eq!(ActivityKind::from_id(kind.id()), Some(kind));
            assert_eq!(kind.id().parse::<ActivityKind>(), Ok(kind));
            assert_eq!(kind.to_string(), kind.id());
            let json = serde_json::to_string(&kind).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", kind.id()));
            assert_eq!(serde_json::from_str::<ActivityKind>(&json).ok(), Some(kind));
            // `KindMap` reads by discriminant: the order of `ALL`.
            assert_eq!(ActivityKind::ALL[i], kind);
            assert_eq!(kind as usize, i);
        }
        let points: KindMap<f64> = ActivityKind::ALL.map(ActivityKind::default_points);
        assert_eq!(points[ActivityKind::Inquiry], 3.0);
        assert_eq!(points[ActivityKind::Note], 0.0);
    }
}

/// What a rep records about an activity.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityFields {
    pub kind: ActivityKind,
    pub lead_id: Option<String>,
    pub contact_id: Option<String>,
    pub occurred_at: DateTime<Utc>,
    pub duration_minutes: Option<i64>,
    pub direction: Option<Direction>,
    pub summary: String,
    pub body: Option<String>,
    pub by: Option<String>,
    pub campaign_id: Option<String>,
}
