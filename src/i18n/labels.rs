//! The model's values by the names a rep reads in their language: a stage, a kind of
//! activity, a role, a source, a follow-up group, and lists of names. The app and the
//! command line both name them through here.

use crate::config::Language;
use crate::followups::Bucket;
use crate::model::{ActivityKind, Direction, LinkRole, Stage};

pub fn stage(stage: Stage, language: Language) -> &'static str {
    match language {
        Language::En => stage.label_en(),
        Language::Ja => stage.label_ja(),
    }
}

pub fn campaign_kind(
    kind: crate::model::campaign::CampaignKind,
    language: Language,
) -> &'static str {
    match language {
        Language::En => kind.label_en(),
        Language::Ja => kind.label_ja(),
    }
}

pub fn kind(kind: ActivityKind, language: Language) -> &'static str {
    match language {
        Language::En => kind.label_en(),
        Language::Ja => kind.label_ja(),
    }
}

/// An activity kind kept by its id (the stats count by id); an id that names no kind as
/// it is.
pub fn kind_id(id: &str, language: Language) -> &str {
    ActivityKind::from_id(id).map_or(id, |k| kind(k, language))
}

/// A kind with its direction when it says something: `Email, received`, 「メール 受信」.
pub fn kind_with_direction(
    kind: ActivityKind,
    direction: Option<Direction>,
    language: Language,
) -> String {
    match language {
        Language::En => crate::model::activity::kind_with_direction_en(kind, direction),
        Language::Ja => crate::model::activity::kind_with_direction_ja(kind, direction),
    }
}

pub fn role(role: LinkRole, language: Language) -> &'static str {
    match language {
        Language::En => role.label_en(),
        Language::Ja => role.label_ja(),
    }
}

/// A lead source as the rep reads it: a default source by its label, one of the rep's own
/// (`[sources] names`) by the name configured.
pub fn source(id: &str, language: Language) -> &str {
    let label = match language {
        Language::En => crate::model::source::label_en(id),
        Language::Ja => crate::model::source::label_ja(id),
    };
    label.unwrap_or(id)
}

pub fn bucket(bucket: Bucket, language: Language) -> &'static str {
    match language {
        Language::En => bucket.label_en(),
        Language::Ja => bucket.label_ja(),
    }
}

/// Names in a row: `title, notes` in English, 「案件名、メモ」 in Japanese.
pub fn list<S: AsRef<str>>(items: &[S], language: Language) -> String {
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    items.join(match language {
        Language::En => ", ",
        Language::Ja => "、",
    })
}

/// One record of a kind, by its entity name (`lead`, `contact`, `activity`); another name
/// as it is.
pub fn entity(entity: &str, language: Language) -> String {
    match entity {
        "lead" => crate::tr!(language, "kind-lead"),
        "contact" => crate::tr!(language, "kind-contact"),
        "activity" => crate::tr!(language, "kind-activity"),
        "campaign" => crate::tr!(language, "kind-campaign"),
        "goal" => crate::tr!(language, "kind-goal"),
        "segment" => crate::tr!(language, "kind-segment"),
        other => other.to_string(),
    }
}

/// The records of a kind, by their `Record::NOUNS` (`leads`, `contacts`, `activities`).
pub fn records(nouns: &str, language: Language) -> String {
    match nouns {
        "leads" => crate::tr!(language, "records-leads"),
        "contacts" => crate::tr!(language, "records-contacts"),
        _ => crate::tr!(language, "records-activities"),
    }
}

/// A goal's step.
pub fn metric(metric: crate::model::goal::Metric, language: Language) -> &'static str {
    match language {
        Language::En => metric.label_en(),
        Language::Ja => metric.label_ja(),
    }
}

/// A figure of a goal's step: a count, or yen for the won value.
pub fn metric_figure(
    metric: crate::model::goal::Metric,
    figure: f64,
    language: Language,
) -> String {
    if metric == crate::model::goal::Metric::WonValue {
        crate::model::format::yen(Some(figure.round() as i64), language)
    } else if figure.fract().abs() < 0.05 {
        format!("{figure:.0}")
    } else {
        format!("{figure:.1}")
    }
}

/// Where a goal stands, in words: reached, on track, behind by how much (and how much a day
/// is needed for the days left), missed by how much.
pub fn pace(
    metric: crate::model::goal::Metric,
    pace: &crate::model::goal::Pace,
    language: Language,
) -> String {
    use crate::model::goal::Pace;
    let figure = |x: f64| metric_figure(metric, x, language);
    match pace {
        Pace::Reached => crate::tr!(language, "pace-reached"),
        Pace::OnTrack => crate::tr!(language, "pace-on-track"),
        Pace::Behind { by, per_day } => crate::tr!(
            language,
            "pace-behind",
            by = figure(*by),
            per_day = figure(*per_day)
        ),
        Pace::Missed { short } => crate::tr!(language, "pace-missed", short = figure(*short)),
    }
}
