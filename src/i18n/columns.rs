//! The header row of a CSV export: each column by its title in the language asked for
//! (`--headers`). In English the titles are the field names, the same as the JSON keys,
//! so scripts keep reading them; in Japanese they are words a rep reads in Excel, each one
//! a spelling leadtrack's import knows, so the file reads back.

use crate::config::Language;
use crate::tr;

/// A column of a leads export (`Lead::FIELDS`, and `lead list`).
pub fn lead(name: &str, language: Language) -> String {
    match name {
        "id" => tr!(language, "csv-lead-id"),
        "title" => tr!(language, "csv-lead-title"),
        "company" => tr!(language, "csv-lead-company"),
        "stage" => tr!(language, "csv-lead-stage"),
        "source" => tr!(language, "csv-lead-source"),
        "source_detail" => tr!(language, "csv-lead-source-detail"),
        "owner" => tr!(language, "csv-lead-owner"),
        "value" => tr!(language, "csv-lead-value"),
        "next_action" => tr!(language, "csv-lead-next-action"),
        "next_action_on" => tr!(language, "csv-lead-next-action-on"),
        "rank" => tr!(language, "csv-lead-rank"),
        "score" => tr!(language, "csv-lead-score"),
        "tags" => tr!(language, "csv-lead-tags"),
        "notes" => tr!(language, "csv-lead-notes"),
        "campaign_id" => tr!(language, "csv-lead-campaign"),
        "upsell" => tr!(language, "csv-lead-upsell"),
        "last_activity_at" => tr!(language, "csv-lead-last-activity-at"),
        "created_at" => tr!(language, "csv-lead-created-at"),
        "updated_at" => tr!(language, "csv-lead-updated-at"),
        other => other.to_string(),
    }
}

/// A column of a contacts export (`Contact::FIELDS`).
pub fn contact(name: &str, language: Language) -> String {
    match name {
        "id" => tr!(language, "csv-contact-id"),
        "family_name" => tr!(language, "csv-contact-family-name"),
        "given_name" => tr!(language, "csv-contact-given-name"),
        "family_reading" => tr!(language, "csv-contact-family-reading"),
        "given_reading" => tr!(language, "csv-contact-given-reading"),
        "company" => tr!(language, "csv-contact-company"),
        "company_reading" => tr!(language, "csv-contact-company-reading"),
        "department" => tr!(language, "csv-contact-department"),
        "title" => tr!(language, "csv-contact-title"),
        "email" => tr!(language, "csv-contact-email"),
        "phone" => tr!(language, "csv-contact-phone"),
        "mobile" => tr!(language, "csv-contact-mobile"),
        "fax" => tr!(language, "csv-contact-fax"),
        "emails" => tr!(language, "csv-contact-emails"),
        "phones" => tr!(language, "csv-contact-phones"),
        "postal_code" => tr!(language, "csv-contact-postal-code"),
        "address" => tr!(language, "csv-contact-address"),
        "url" => tr!(language, "csv-contact-url"),
        "other_addresses" => tr!(language, "csv-contact-other-addresses"),
        "other_urls" => tr!(language, "csv-contact-other-urls"),
        "other_companies" => tr!(language, "csv-contact-other-companies"),
        "exchanged_on" => tr!(language, "csv-contact-exchanged-on"),
        "exchanged_at" => tr!(language, "csv-contact-exchanged-at"),
        "exchanged_by" => tr!(language, "csv-contact-exchanged-by"),
        "notes" => tr!(language, "csv-contact-notes"),
        "tags" => tr!(language, "csv-contact-tags"),
        other => other.to_string(),
    }
}

/// A column of an activities export (`Activity::FIELDS`).
pub fn activity(name: &str, language: Language) -> String {
    match name {
        "id" => tr!(language, "csv-activity-id"),
        "kind" => tr!(language, "csv-activity-kind"),
        "lead_id" => tr!(language, "csv-activity-lead-id"),
        "contact_id" => tr!(language, "csv-activity-contact-id"),
        "occurred_at" => tr!(language, "csv-activity-occurred-at"),
        "duration_minutes" => tr!(language, "csv-activity-duration-minutes"),
        "direction" => tr!(language, "csv-activity-direction"),
        "summary" => tr!(language, "csv-activity-summary"),
        "body" => tr!(language, "csv-activity-body"),
        "by" => tr!(language, "csv-activity-by"),
        "campaign_id" => tr!(language, "csv-activity-campaign"),
        other => other.to_string(),
    }
}

/// A column of the follow-up list (`export followups`).
pub fn follow_up(name: &str, language: Language) -> String {
    match name {
        "due" => tr!(language, "csv-followup-due"),
        "bucket" => tr!(language, "csv-followup-bucket"),
        "lead" => tr!(language, "csv-followup-lead"),
        "company" => tr!(language, "csv-followup-company"),
        "rank" => tr!(language, "csv-followup-rank"),
        "score" => tr!(language, "csv-followup-score"),
        "next_action" => tr!(language, "csv-followup-next-action"),
        "contact" => tr!(language, "csv-followup-contact"),
        "contact_phone" => tr!(language, "csv-followup-contact-phone"),
        "contact_email" => tr!(language, "csv-followup-contact-email"),
        "owner" => tr!(language, "csv-followup-owner"),
        "last_activity" => tr!(language, "csv-followup-last-activity"),
        "lead_id" => tr!(language, "csv-followup-lead-id"),
        other => other.to_string(),
    }
}

/// A column of a segment's file for mail tools (`export contacts --segment`).
pub fn segment(name: &str, language: Language) -> String {
    match name {
        "email" => tr!(language, "csv-segment-email"),
        "name" => tr!(language, "csv-segment-name"),
        "reading" => tr!(language, "csv-segment-reading"),
        "company" => tr!(language, "csv-segment-company"),
        "lead" => tr!(language, "csv-segment-lead"),
        "rank" => tr!(language, "csv-segment-rank"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::TextEncoding;
    use crate::features::follow_up_list::COLUMNS;
    use crate::interchange::cards_csv::layout;
    use crate::interchange::columns::field_for;
    use crate::interchange::encoding::encode;
    use crate::model::{Activity, Contact, Lead, Record};
    use std::collections::HashSet;

    /// Each column named in both languages: the English title is the field's name (what
    /// scripts read), the Japanese one a title of its own, held by Shift_JIS, and no two
    /// columns of a file share it.
    fn titled(names: &[&str], title: fn(&str, Language) -> String) {
        let mut seen = HashSet::new();
        for name in names {
            assert_eq!(title(name, Language::En), *name);
            let ja = title(name, Language::Ja);
            assert_ne!(ja, *name, "{name} has no Japanese title");
            let (_, lost) = encode(&ja, TextEncoding::ShiftJis);
            assert_eq!(lost, 0, "{ja} does not fit Shift_JIS");
            assert!(seen.insert(ja.clone()), "{ja} twice");
        }
    }

    fn names<R: Record>() -> Vec<&'static str> {
        R::headers().collect()
    }

    #[test]
    fn every_column_has_a_title_in_each_language() {
        titled(&names::<Lead>(), lead);
        titled(&names::<Contact>(), contact);
        titled(&names::<Activity>(), activity);
        titled(COLUMNS, follow_up);
        titled(crate::features::segments::COLUMNS, segment);
    }

    /// A file with Japanese headers reads back: each title names the column its field's
    /// name does (derived lead columns too, so the import leaves them out by name).
    #[test]
    fn japanese_titles_read_back_as_their_fields() {
        for name in names::<Lead>() {
            let ja = lead(name, Language::Ja);
            assert_eq!(field_for(&ja, Lead::FIELDS), Some(name), "{ja}");
        }
        let row = |language| -> Vec<String> {
            names::<Contact>()
                .into_iter()
                .map(|name| contact(name, language))
                .collect()
        };
        let en = layout(&row(Language::En), &[], "en.csv").unwrap();
        let ja = layout(&row(Language::Ja), &[], "ja.csv").unwrap();
        assert!(en.columns.iter().all(Option::is_some), "{:?}", en.columns);
        assert_eq!(ja.columns, en.columns);
        assert_eq!(ja.producer, en.producer);
    }
}
