//! The model's values by the names a rep reads in the app's language: a stage, a kind of
//! activity, a role, a source, a follow-up group, the kind of an email address or a number.
//! Forms, popups and the status line's messages name them through here, so a Japanese rep
//! reads the Japanese label alone and an English rep the English one.

use crate::config::Language;
use crate::followups::Bucket;
use crate::model::contact::{ContactValue, ValueKind};
use crate::model::{ActivityKind, LinkRole, Stage};

pub fn stage(stage: Stage, language: Language) -> &'static str {
    match language {
        Language::En => stage.label_en(),
        Language::Ja => stage.label_ja(),
    }
}

pub fn kind(kind: ActivityKind, language: Language) -> &'static str {
    match language {
        Language::En => kind.label_en(),
        Language::Ja => kind.label_ja(),
    }
}

/// A kind inside a sentence: `call` (not `Call`) in English.
pub fn kind_in_sentence(kind: ActivityKind, language: Language) -> String {
    match language {
        Language::En => kind.label_en().to_lowercase(),
        Language::Ja => kind.label_ja().to_string(),
    }
}

pub fn role(role: LinkRole, language: Language) -> &'static str {
    match language {
        Language::En => role.label_en(),
        Language::Ja => role.label_ja(),
    }
}

/// A source by its label; one the rep configured (not a default) by its name.
pub fn source(id: &str, language: Language) -> String {
    let label = match language {
        Language::En => crate::model::source::label_en(id),
        Language::Ja => crate::model::source::label_ja(id),
    };
    label.unwrap_or(id).to_string()
}

pub fn bucket(bucket: Bucket, language: Language) -> &'static str {
    match language {
        Language::En => bucket.label_en(),
        Language::Ja => bucket.label_ja(),
    }
}

/// Names in a row: `title, notes`, `案件名、メモ`.
pub fn list(items: &[String], language: Language) -> String {
    items.join(match language {
        Language::En => ", ",
        Language::Ja => "、",
    })
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
