//! Lead sources (SPEC §2.2): the channel a lead came from. The list is configurable
//! (`[sources] names`); the default sources have labels in English and Japanese, and what a
//! rep types or a file holds may be the id or either label.

use crate::model::text::fold;

/// A default source: its id, its English label and its Japanese labels (the first is shown).
struct Labels {
    id: &'static str,
    en: &'static str,
    ja: &'static [&'static str],
}

const LABELS: &[Labels] = &[
    Labels {
        id: "exhibition",
        en: "Exhibition",
        ja: &["展示会"],
    },
    Labels {
        id: "website",
        en: "Website",
        ja: &["Webサイト", "ウェブサイト"],
    },
    Labels {
        id: "seminar",
        en: "Seminar",
        ja: &["セミナー"],
    },
    Labels {
        id: "referral",
        en: "Referral",
        ja: &["紹介"],
    },
    Labels {
        id: "inbound_call",
        en: "Inbound call",
        ja: &["電話問い合わせ", "電話"],
    },
    Labels {
        id: "advertising",
        en: "Advertising",
        ja: &["広告"],
    },
    Labels {
        id: "sns",
        en: "SNS",
        ja: &["SNS"],
    },
    Labels {
        id: "business_card",
        en: "Business card",
        ja: &["名刺"],
    },
    Labels {
        id: "other",
        en: "Other",
        ja: &["その他"],
    },
];

/// The English label of a default source (`None` for a configured one of the rep's own).
pub fn label_en(id: &str) -> Option<&'static str> {
    LABELS.iter().find(|l| l.id == id).map(|l| l.en)
}

/// The Japanese label of a default source.
pub fn label_ja(id: &str) -> Option<&'static str> {
    LABELS
        .iter()
        .find(|l| l.id == id)
        .and_then(|l| l.ja.first().copied())
}

/// `exhibition (展示会), website (Webサイト), ..., inbound_call (Inbound call, 電話問い合わせ),
/// partner`: the configured sources, each default one with the labels it is also read from
/// (an English label that is its id capitalised is not said twice), for the error that
/// refuses a source.
pub fn accepted_names(configured: &[String]) -> String {
    configured
        .iter()
        .map(|id| match LABELS.iter().find(|l| l.id == id) {
            Some(l) if l.en.eq_ignore_ascii_case(id) => format!("{id} ({})", l.ja.join(", ")),
            Some(l) => format!("{id} ({}, {})", l.en, l.ja.join(", ")),
            None => id.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The same, for a Japanese message: each id with its Japanese labels, joined as Japanese
/// joins a list.
pub fn accepted_names_ja(configured: &[String]) -> String {
    configured
        .iter()
        .map(|id| match LABELS.iter().find(|l| l.id == id) {
            Some(l) => format!("{id}（{}）", l.ja.join("、")),
            None => id.clone(),
        })
        .collect::<Vec<_>>()
        .join("、")
}

/// What is compared: folded (width, case, kana), without spaces, underscores and hyphens.
fn key(s: &str) -> String {
    fold(s)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-'))
        .collect()
}

/// The configured source that `typed` names: its id as configured, or the id or a label of
/// a default source, in either language, ignoring width, case, spaces and underscores.
/// `None` when it names no configured source.
pub fn resolve<'a>(typed: &str, configured: &'a [String]) -> Option<&'a str> {
    let typed = typed.trim();
    if let Some(exact) = configured.iter().find(|s| *s == typed) {
        return Some(exact);
    }
    let wanted = key(typed);
    if wanted.is_empty() {
        return None;
    }
    if let Some(id) = configured.iter().find(|s| key(s) == wanted) {
        return Some(id);
    }
    let labelled = LABELS
        .iter()
        .find(|l| key(l.en) == wanted || l.ja.iter().any(|ja| key(ja) == wanted))?;
    configured
        .iter()
        .find(|s| *s == labelled.id)
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> Vec<String> {
        LABELS.iter().map(|l| l.id.to_string()).collect()
    }

    #[test]
    fn ids_and_labels_in_either_language() {
        let sources = defaults();
        let r = |typed: &str| resolve(typed, &sources);
        assert_eq!(r("exhibition"), Some("exhibition"));
        assert_eq!(r("展示会"), Some("exhibition"));
        assert_eq!(r("Exhibition"), Some("exhibition"));
        assert_eq!(r("Webサイト"), Some("website"));
        assert_eq!(r("ウェブサイト"), Some("website"));
        assert_eq!(r("ｳｪﾌﾞｻｲﾄ"), Some("website"));
        assert_eq!(r("ＷＥＢサイト"), Some("website"));
        assert_eq!(r("セミナー"), Some("seminar"));
        assert_eq!(r("紹介"), Some("referral"));
        assert_eq!(r("電話問い合わせ"), Some("inbound_call"));
        assert_eq!(r("電話"), Some("inbound_call"));
        assert_eq!(r("Inbound call"), Some("inbound_call"));
        assert_eq!(r("inbound-call"), Some("inbound_call"));
        assert_eq!(r("INBOUND_CALL"), Some("inbound_call"));
        assert_eq!(r("広告"), Some("advertising"));
        assert_eq!(r("sns"), Some("sns"));
        assert_eq!(r("ＳＮＳ"), Some("sns"));
        assert_eq!(r("名刺"), Some("business_card"));
        assert_eq!(r("Business Card"), Some("business_card"));
        assert_eq!(r(" その他 "), Some("other"));
    }

    #[test]
    fn unknown_or_unconfigured_sources_are_none() {
        let sources = defaults();
        assert_eq!(resolve("fax", &sources), None);
        assert_eq!(resolve("", &sources), None);
        assert_eq!(resolve("  ", &sources), None);
        let own = vec!["partner".to_string(), "展示会2026".to_string()];
        assert_eq!(
            resolve("展示会", &own),
            None,
            "exhibition is not configured"
        );
        assert_eq!(resolve("partner", &own), Some("partner"));
        assert_eq!(resolve("Partner", &own), Some("partner"));
        assert_eq!(resolve("展示会2026", &own), Some("展示会2026"));
    }

    #[test]
    fn the_accepted_names_are_the_configured_ids_with_their_labels() {
        let sources = vec![
            "exhibition".to_string(),
            "website".to_string(),
            "inbound_call".to_string(),
            "sns".to_string(),
            "partner".to_string(),
        ];
        assert_eq!(
            accepted_names(&sources),
            "exhibition (展示会), website (Webサイト, ウェブサイト), \
             inbound_call (Inbound call, 電話問い合わせ, 電話), sns (SNS), partner"
        );
    }

    #[test]
    fn a_configured_id_wins_over_a_label() {
        let sources = vec!["電話".to_string(), "inbound_call".to_string()];
        assert_eq!(resolve("電話", &sources), Some("電話"));
        assert_eq!(resolve("電話問い合わせ", &sources), Some("inbound_call"));
    }
}
