//! Add and edit a contact (a business card).

use super::{Field, FieldKind, Form, FormKind};
use crate::model::Contact;
use crate::model::contact::ContactFields;
use crate::model::dates::parse_due;
use chrono::NaiveDate;

/// (field, label) in the order of a Japanese business card.
const CARD: &[(&str, &str)] = &[
    ("family_name", "Family name 姓"),
    ("given_name", "Given name 名"),
    ("family_reading", "Reading せい"),
    ("given_reading", "Reading めい"),
    ("company", "Company"),
    ("company_reading", "Company reading"),
    ("department", "Department"),
    ("title", "Title"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("mobile", "Mobile"),
    ("fax", "Fax"),
    ("postal_code", "Postal code"),
    ("address", "Address"),
    ("url", "URL"),
    ("exchanged_at", "Met at"),
    ("exchanged_by", "Met by"),
];

fn value<'c>(c: &'c Contact, name: &str) -> Option<&'c str> {
    match name {
        "family_name" => c.family_name.as_deref(),
        "given_name" => c.given_name.as_deref(),
        "family_reading" => c.family_reading.as_deref(),
        "given_reading" => c.given_reading.as_deref(),
        "company" => c.company.as_deref(),
        "company_reading" => c.company_reading.as_deref(),
        "department" => c.department.as_deref(),
        "title" => c.title.as_deref(),
        "email" => c.email.as_deref(),
        "phone" => c.phone.as_deref(),
        "mobile" => c.mobile.as_deref(),
        "fax" => c.fax.as_deref(),
        "postal_code" => c.postal_code.as_deref(),
        "address" => c.address.as_deref(),
        "url" => c.url.as_deref(),
        "exchanged_at" => c.exchanged_at.as_deref(),
        "exchanged_by" => c.exchanged_by.as_deref(),
        _ => None,
    }
}

pub fn form(contact: Option<&Contact>) -> Form {
    let mut fields: Vec<Field> = CARD
        .iter()
        .map(|(name, label)| {
            Field::new(name, label, FieldKind::Text)
                .with_text(contact.and_then(|c| value(c, name)).unwrap_or(""))
        })
        .collect();
    fields.push(
        Field::new("exchanged_on", "Met on", FieldKind::Date)
            .hint("2026-11-20, yesterday")
            .with_text(
                &contact
                    .and_then(|c| c.exchanged_on)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ),
    );
    fields.push(
        Field::new("notes", "Notes", FieldKind::LongText)
            .with_text(contact.and_then(|c| c.notes.as_deref()).unwrap_or("")),
    );
    let (title, kind) = match contact {
        Some(c) => ("Edit contact", FormKind::EditContact { id: c.id.clone() }),
        None => ("New contact", FormKind::AddContact),
    };
    let last = fields.len() - 1;
    Form::new(title, kind, fields, last)
}

/// The card from the form. For an edit, only changed fields are set (an emptied field is
/// `Some("")`, which clears it). `None` when something is invalid.
pub fn read(form: &mut Form, today: NaiveDate, only_changed: bool) -> Option<ContactFields> {
    form.clear_errors();
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
    let date_text = form.text("exchanged_on");
    let mut exchanged_on = None;
    let mut date_error = None;
    if !date_text.trim().is_empty()
        && (!only_changed || form.field("exchanged_on").is_some_and(|f| f.is_dirty()))
    {
        match parse_due(&date_text, today) {
            Ok(d) => exchanged_on = Some(d.date),
            Err(e) => date_error = Some(e.to_string()),
        }
    }
    let card = ContactFields {
        family_name: pick("family_name"),
        given_name: pick("given_name"),
        family_reading: pick("family_reading"),
        given_reading: pick("given_reading"),
        company: pick("company"),
        company_reading: pick("company_reading"),
        department: pick("department"),
        title: pick("title"),
        email: pick("email"),
        phone: pick("phone"),
        mobile: pick("mobile"),
        fax: pick("fax"),
        postal_code: pick("postal_code"),
        address: pick("address"),
        url: pick("url"),
        exchanged_on,
        exchanged_at: pick("exchanged_at"),
        exchanged_by: pick("exchanged_by"),
        notes: pick("notes"),
        tags: None,
    };
    if let Some(e) = date_error {
        form.reject("exchanged_on", e);
    }
    let named = ["family_name", "given_name", "email"]
        .iter()
        .any(|n| !form.text(n).trim().is_empty());
    if !named {
        form.reject("family_name", "a contact needs a name or an email");
    }
    form.settle().then_some(card)
}
