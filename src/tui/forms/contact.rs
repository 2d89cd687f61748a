//! Add and edit a contact (a business card).
//!
//! The preferred email address and numbers have a field each; the others are typed as a list
//! (`a@x.jp, b@y.jp (home)`), each with its kind in brackets unless it is the field's usual
//! one. Further addresses take a line each.

use super::{Field, FieldKind, Form, FormKind, bad_date};
use crate::config::Language;
use crate::model::Contact;
use crate::model::contact::{Channel, ContactFields, ContactValue, PhoneSlot, ValueKind};
use crate::model::contact_value::{
    ValueError, check, parse_lines, parse_list, parse_numbers, preferred_among,
};
use crate::model::dates::parse_due;
use crate::tr;
use crate::tui::words::{value_item, value_lines, value_list};
use chrono::NaiveDate;

/// (field, the catalog id of its label) in the order of a Japanese business card; the lists
/// come after their preferred value.
const CARD: &[(&str, &str)] = &[
    ("family_name", "form-contact-family-name"),
    ("given_name", "form-contact-given-name"),
    ("family_reading", "form-contact-family-reading"),
    ("given_reading", "form-contact-given-reading"),
    ("company", "form-contact-company"),
    ("company_reading", "form-contact-company-reading"),
    ("department", "form-contact-department"),
    ("title", "form-contact-title"),
    ("email", "form-contact-email"),
    ("more_emails", "form-contact-more-emails"),
    ("phone", "form-contact-phone"),
    ("mobile", "form-contact-mobile"),
    ("fax", "form-contact-fax"),
    ("more_phones", "form-contact-more-phones"),
    ("postal_code", "form-contact-postal-code"),
    ("address", "form-contact-address"),
    ("url", "form-contact-url"),
    ("other_urls", "form-contact-other-urls"),
    ("other_companies", "form-contact-other-companies"),
    ("exchanged_at", "form-contact-exchanged-at"),
    ("exchanged_by", "form-contact-exchanged-by"),
];

/// The usual kind of a field that holds numbers or addresses.
fn default_kind(name: &str) -> ValueKind {
    match name {
        "mobile" => ValueKind::Mobile,
        "fax" => ValueKind::Fax,
        "other_urls" | "other_companies" | "other_addresses" => ValueKind::Other,
        _ => ValueKind::Work,
    }
}

fn slot_of(name: &str) -> Option<PhoneSlot> {
    match name {
        "phone" => Some(PhoneSlot::Phone),
        "mobile" => Some(PhoneSlot::Mobile),
        "fax" => Some(PhoneSlot::Fax),
        _ => None,
    }
}

/// The preferred number of a slot, with its kind unless it is the slot's usual one.
fn preferred_number(c: &Contact, slot: PhoneSlot, lang: Language) -> String {
    preferred_among(&c.phones, |v| PhoneSlot::of(v.kind) == slot)
        .map(|v| value_item(v, slot.kind(), lang))
        .unwrap_or_default()
}

/// A field's text for the card `c`; the kinds of addresses and numbers in `lang`'s words.
fn value(c: &Contact, name: &str, lang: Language) -> String {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let not_preferred = |list: &[ContactValue]| -> Vec<ContactValue> {
        list.iter().filter(|v| !v.preferred).cloned().collect()
    };
    match name {
        "family_name" => text(&c.family_name),
        "given_name" => text(&c.given_name),
        "family_reading" => text(&c.family_reading),
        "given_reading" => text(&c.given_reading),
        "company" => text(&c.company),
        "company_reading" => text(&c.company_reading),
        "department" => text(&c.department),
        "title" => text(&c.title),
        "email" => preferred_among(&c.emails, |_| true)
            .map(|v| value_item(v, ValueKind::Work, lang))
            .unwrap_or_default(),
        "more_emails" => value_list(&not_preferred(&c.emails), ValueKind::Work, lang),
        "phone" | "mobile" | "fax" => slot_of(name)
            .map(|slot| preferred_number(c, slot, lang))
            .unwrap_or_default(),
        "more_phones" => value_list(&not_preferred(&c.phones), ValueKind::Work, lang),
        "postal_code" => text(&c.postal_code),
        "address" => text(&c.address),
        "url" => text(&c.url),
        "other_urls" => value_list(&c.other_urls, ValueKind::Other, lang),
        "other_companies" => value_list(&c.other_companies, ValueKind::Other, lang),
        "other_addresses" => value_lines(&c.other_addresses, ValueKind::Other, lang),
        "exchanged_at" => text(&c.exchanged_at),
        "exchanged_by" => text(&c.exchanged_by),
        _ => String::new(),
    }
}

pub fn form(contact: Option<&Contact>, lang: Language) -> Form {
    let mut fields: Vec<Field> = CARD
        .iter()
        .map(|(name, label)| {
            let label = crate::i18n::message(lang, label, None);
            let field = Field::new(name, &label, FieldKind::Text);
            let field = match *name {
                "more_emails" => field.hint(tr!(lang, "form-hint-more-emails")),
                "more_phones" => field.hint(tr!(lang, "form-hint-more-phones")),
                _ => field,
            };
            field.with_text(&contact.map(|c| value(c, name, lang)).unwrap_or_default())
        })
        .collect();
    fields.push(
        Field::new(
            "other_addresses",
            &tr!(lang, "form-contact-other-addresses"),
            FieldKind::LongText,
        )
        .hint(tr!(lang, "form-hint-other-addresses"))
        .with_text(
            &contact
                .map(|c| value(c, "other_addresses", lang))
                .unwrap_or_default(),
        ),
    );
    fields.push(
        Field::new(
            "exchanged_on",
            &tr!(lang, "form-contact-exchanged-on"),
            FieldKind::Date,
        )
        .hint(tr!(lang, "form-hint-met-on"))
        .with_text(
            &contact
                .and_then(|c| c.exchanged_on)
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ),
    );
    // A card being edited can be marked no mail (配信停止) from the day the person asked;
    // emptied, mail may go to them again.
    if let Some(c) = contact {
        fields.push(
            Field::new(
                "no_mail_on",
                &tr!(lang, "form-contact-no-mail"),
                FieldKind::Date,
            )
            .hint(tr!(lang, "form-hint-no-mail"))
            .with_text(&c.no_mail_on.map(|d| d.to_string()).unwrap_or_default()),
        );
    }
    fields.push(
        Field::new(
            "notes",
            &tr!(lang, "form-contact-notes"),
            FieldKind::LongText,
        )
        .with_text(contact.and_then(|c| c.notes.as_deref()).unwrap_or("")),
    );
    let (title, kind) = match contact {
        Some(c) => (
            tr!(lang, "form-contact-edit-title"),
            FormKind::EditContact { id: c.id.clone() },
        ),
        None => (tr!(lang, "form-contact-new-title"), FormKind::AddContact),
    };
    let last = fields.len() - 1;
    Form::new(lang, &title, kind, fields, last)
}

/// What is wrong with a value, in the form's language.
fn value_problem(lang: Language, error: &ValueError) -> String {
    error.message(lang)
}

/// Reads a list field; a kind that is not one is marked at the field.
fn read_list(form: &Form, name: &str, errors: &mut Vec<(String, String)>) -> Vec<ContactValue> {
    let text = form.text(name);
    let read = match name {
        "other_addresses" => parse_lines(&text, default_kind(name)),
        "more_phones" => parse_numbers(&text),
        _ => parse_list(&text, default_kind(name)),
    };
    // What is typed must be an address or a number.
    let channel = match name {
        "email" | "more_emails" => Some(Channel::Email),
        "phone" | "mobile" | "fax" | "more_phones" => Some(Channel::Phone),
        _ => None,
    };
    let checked = read.and_then(|values| {
        for v in &values {
            if let Some(channel) = channel {
                check(channel, &v.value)?;
            }
        }
        Ok(values)
    });
    match checked {
        Ok(values) => values,
        Err(e) => {
            errors.push((name.to_string(), value_problem(form.language, &e)));
            Vec::new()
        }
    }
}

/// The card from the form. For an edit, only changed fields are set (an emptied field is
/// `Some("")`, which clears it; a list whose fields changed is given whole). `None` when
/// something is invalid.
pub fn read(form: &mut Form, today: NaiveDate, only_changed: bool) -> Option<ContactFields> {
    form.clear_errors();
    let dirty = |form: &Form, names: &[&str]| {
        !only_changed
            || names
                .iter()
                .any(|n| form.field(n).is_some_and(|f| f.is_dirty()))
    };
    let pick = |name: &str| -> Option<String> {
        let field = form.field(name)?;
        if only_changed && !field.is_dirty() {
            return None;
        }
        let text = field.text().trim().to_string();
        if only_changed || !text.is_empty() {
            Some(text)
        } else {
            None
        }
    };
    let mut errors: Vec<(String, String)> = Vec::new();
    let date_text = form.text("exchanged_on");
    let mut exchanged_on = None;
    if !date_text.trim().is_empty()
        && (!only_changed || form.field("exchanged_on").is_some_and(|f| f.is_dirty()))
    {
        match parse_due(&date_text, today) {
            Ok(d) => exchanged_on = Some(d.date),
            Err(_) => errors.push((
                "exchanged_on".to_string(),
                bad_date(form.language, &date_text),
            )),
        }
    }
    // Only an edit form has the field; an emptied one takes the mark off.
    let mut no_mail_on = None;
    if let Some(field) = form.field("no_mail_on").filter(|f| f.is_dirty()) {
        let typed = field.text();
        if typed.trim().is_empty() {
            no_mail_on = Some(None);
        } else {
            match parse_due(&typed, today) {
                Ok(d) => no_mail_on = Some(Some(d.date)),
                Err(_) => errors.push(("no_mail_on".to_string(), bad_date(form.language, &typed))),
            }
        }
    }
    let mut card = ContactFields {
        family_name: pick("family_name"),
        given_name: pick("given_name"),
        family_reading: pick("family_reading"),
        given_reading: pick("given_reading"),
        company: pick("company"),
        company_reading: pick("company_reading"),
        department: pick("department"),
        title: pick("title"),
        postal_code: pick("postal_code"),
        address: pick("address"),
        url: pick("url"),
        exchanged_on,
        exchanged_at: pick("exchanged_at"),
        exchanged_by: pick("exchanged_by"),
        notes: pick("notes"),
        no_mail_on,
        ..ContactFields::default()
    };
    if dirty(form, &["email", "more_emails"]) {
        let mut emails: Vec<ContactValue> = read_list(form, "email", &mut errors)
            .into_iter()
            .take(1)
            .map(ContactValue::preferred)
            .collect();
        emails.extend(read_list(form, "more_emails", &mut errors));
        card.emails = Some(emails);
    }
    if dirty(form, &["phone", "mobile", "fax", "more_phones"]) {
        let mut phones: Vec<ContactValue> = Vec::new();
        for name in ["phone", "mobile", "fax"] {
            phones.extend(
                read_list(form, name, &mut errors)
                    .into_iter()
                    .take(1)
                    .map(ContactValue::preferred),
            );
        }
        phones.extend(read_list(form, "more_phones", &mut errors));
        card.phones = Some(phones);
    }
    for (name, channel) in [
        ("other_urls", Channel::Url),
        ("other_companies", Channel::Company),
        ("other_addresses", Channel::Address),
    ] {
        if dirty(form, &[name]) {
            *card.list_mut(channel) = Some(read_list(form, name, &mut errors));
        }
    }
    for (field, message) in errors {
        form.reject(&field, message);
    }
    let named = ["family_name", "given_name", "email", "company"]
        .iter()
        .any(|n| !form.text(n).trim().is_empty());
    if !named {
        let problem = tr!(form.language, "form-contact-needs-a-name");
        form.reject("family_name", problem);
    }
    form.settle().then_some(card)
}
