//! The model's values by the names a rep reads in the app's language: a stage, a kind of
//! activity, a role, a source, a follow-up group, the kind of an email address or a number.
//! Forms, popups and the status line's messages name them through here, so a Japanese rep
//! reads the Japanese label alone and an English rep the English one.

use crate::config::Language;
use crate::model::ActivityKind;
use crate::model::contact::{ContactValue, ValueKind};

// The names every face shares; the app's own follow below.
pub use crate::i18n::labels::{bucket, kind, list, role, source, stage};

/// A kind inside a sentence: `call` (not `Call`) in English.
pub fn kind_in_sentence(kind: ActivityKind, language: Language) -> String {
    match language {
        Language::En => kind.label_en().to_lowercase(),
        Language::Ja => kind.label_ja().to_string(),
    }
}

/// A stored field of a lead as a sentence names it (`next action date`, `次回アクション日`).
pub fn lead_field(field: &str, language: Language) -> String {
    let id = match field {
        "title" => "said-lead-field-title",
        "company" => "said-lead-field-company",
        "source" => "said-lead-field-source",
        "source_detail" => "said-lead-field-source-detail",
        "owner" => "said-lead-field-owner",
        "value" => "said-lead-field-value",
        "next_action" => "said-lead-field-next-action",
        "next_action_on" => "said-lead-field-next-action-on",
        "qualification" => "said-lead-field-qualification",
        "tags" => "said-lead-field-tags",
        "notes" => "said-lead-field-notes",
        "stage" => "said-lead-field-stage",
        "campaign_id" => "said-lead-field-campaign",
        _ => "said-field-other",
    };
    crate::i18n::message(language, id, None)
}

/// A stored field of a contact as a sentence names it; a list by what it holds (`email`,
/// `number`), as `contact show` names them.
pub fn contact_field(field: &str, language: Language) -> String {
    let id = match field {
        "family_name" => "said-contact-field-family-name",
        "given_name" => "said-contact-field-given-name",
        "family_reading" => "said-contact-field-family-reading",
        "given_reading" => "said-contact-field-given-reading",
        "company" => "said-contact-field-company",
        "company_reading" => "said-contact-field-company-reading",
        "department" => "said-contact-field-department",
        "title" => "said-contact-field-title",
        "email" | "emails" => "said-contact-field-email",
        "phone" => "said-contact-field-phone",
        "mobile" => "said-contact-field-mobile",
        "fax" => "said-contact-field-fax",
        "phones" => "said-contact-field-number",
        "postal_code" => "said-contact-field-postal-code",
        "address" => "said-contact-field-address",
        "url" => "said-contact-field-url",
        "other_addresses" => "said-contact-field-other-address",
        "other_urls" => "said-contact-field-other-url",
        "other_companies" => "said-contact-field-other-company",
        "exchanged_on" => "said-contact-field-exchanged-on",
        "exchanged_at" => "said-contact-field-exchanged-at",
        "exchanged_by" => "said-contact-field-exchanged-by",
        "notes" => "said-contact-field-notes",
        "tags" => "said-contact-field-tags",
        _ => "said-field-other",
    };
    crate::i18n::message(language, id, None)
}

/// A stored field of an activity as a sentence names it (`occurred_at` is `when`).
pub fn activity_field(field: &str, language: Language) -> String {
    let id = match field {
        "kind" => "said-activity-field-kind",
        "occurred_at" => "said-activity-field-when",
        "duration_minutes" => "said-activity-field-duration",
        "direction" => "said-activity-field-direction",
        "summary" => "said-activity-field-summary",
        "body" => "said-activity-field-details",
        "contact_id" => "said-activity-field-contact",
        "lead_id" => "said-activity-field-lead",
        "campaign_id" => "said-activity-field-campaign",
        _ => "said-field-other",
    };
    crate::i18n::message(language, id, None)
}

/// One email address or number with its kind in brackets unless it is `usual`:
/// `03-1111-2222 (home)`, `03-1111-2222（自宅）`. `parse_list` reads both back.
pub fn value_item(v: &ContactValue, usual: ValueKind, language: Language) -> String {
    match language {
        Language::En => crate::model::contact_value::item_text(v, usual),
        Language::Ja if v.kind == usual => v.value.clone(),
        Language::Ja => format!("{}（{}）", v.value, v.kind.label_ja()),
    }
}

/// Values as a list field of a form shows them (and `parse_list` reads them back).
pub fn value_list(values: &[ContactValue], usual: ValueKind, language: Language) -> String {
    let items: Vec<String> = values
        .iter()
        .map(|v| value_item(v, usual, language))
        .collect();
    list(&items, language)
}

/// Values one a line (addresses, which may hold commas).
pub fn value_lines(values: &[ContactValue], usual: ValueKind, language: Language) -> String {
    values
        .iter()
        .map(|v| value_item(v, usual, language))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::contact_value::{parse_lines, parse_list};

    #[test]
    fn values_written_in_either_language_read_back_with_their_kinds() {
        let values = vec![
            ContactValue::new("hanako@example.jp", ValueKind::Work),
            ContactValue::new("h@home.example.jp", ValueKind::Home),
            ContactValue::new("090-1234-5678", ValueKind::Mobile),
            ContactValue::new("03-5555-0109", ValueKind::Fax),
            ContactValue::new("x", ValueKind::Other),
        ];
        for language in [Language::En, Language::Ja] {
            let text = value_list(&values, ValueKind::Work, language);
            assert_eq!(
                parse_list(&text, ValueKind::Work).unwrap(),
                values,
                "{text}"
            );
            let lines = value_lines(&values, ValueKind::Other, language);
            assert_eq!(parse_lines(&lines, ValueKind::Other).unwrap(), values);
        }
        assert_eq!(
            value_list(&values[..2], ValueKind::Work, Language::Ja),
            "hanako@example.jp、h@home.example.jp（自宅）"
        );
    }
}
