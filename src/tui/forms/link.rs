//! Put a contact on a lead: find the person by typing part of a name or reading — or, from
//! a card in Contacts, find the lead the same way.

use super::{Field, FieldKind, Form, FormKind};
use crate::config::Language;
use crate::error::Result;
use crate::model::LinkRole;
use crate::model::contact::NameOrder;
use crate::model::text::display_safe;
use crate::store::Store;
use crate::store::search::{Index, matching};
use crate::tr;
use crate::tui::words;

fn role_field(lang: Language) -> Field {
    let roles = LinkRole::ALL
        .iter()
        .map(|r| (r.id().to_string(), words::role(*r, lang).to_string()))
        .collect();
    Field::new(
        "role",
        &tr!(lang, "form-link-role"),
        FieldKind::Choice(roles),
    )
    .with_choice("decision_maker")
}

/// The picker of a contact for the lead `lead_title`.
pub fn form(lead_id: &str, lead_title: &str, lang: Language) -> Form {
    let fields = vec![
        Field::new(
            "contact",
            &tr!(lang, "form-link-contact"),
            FieldKind::ContactPicker,
        )
        .required()
        .hint(tr!(lang, "form-hint-find-contact")),
        role_field(lang),
    ];
    Form::new(
        lang,
        &tr!(lang, "form-link-title", lead = display_safe(lead_title)),
        FormKind::Link {
            lead_id: lead_id.to_string(),
        },
        fields,
        1,
    )
}

/// The same picker the other way round: the card `contact_name` goes on a lead found by
/// typing part of its title or company.
pub fn lead_form(contact_id: &str, contact_name: &str, lang: Language) -> Form {
    let fields = vec![
        Field::new(
            "contact",
            &tr!(lang, "form-link-lead"),
            FieldKind::ContactPicker,
        )
        .required()
        .hint(tr!(lang, "form-hint-find-lead")),
        role_field(lang),
    ];
    Form::new(
        lang,
        &tr!(
            lang,
            "form-link-to-lead-title",
            name = display_safe(contact_name)
        ),
        FormKind::LinkToLead {
            contact_id: contact_id.to_string(),
        },
        fields,
        1,
    )
}

/// Fills the picker with the contacts (or, in a lead picker, the leads) matching what was
/// typed.
pub fn find(form: &mut Form, store: &Store, typed: &str, order: NameOrder) -> Result<()> {
    let matches: Vec<(String, String)> = if matches!(form.kind, FormKind::LinkToLead { .. }) {
        let seqs = matching(store.conn(), Index::Leads, typed, 5)?;
        crate::store::leads::by_seqs(store.conn(), &seqs)?
            .iter()
            .map(|l| {
                let company = l
                    .company
                    .as_deref()
                    .map(|co| format!(" — {co}"))
                    .unwrap_or_default();
                (l.id.clone(), display_safe(&format!("{}{company}", l.title)))
            })
            .collect()
    } else {
        let seqs = matching(store.conn(), Index::Contacts, typed, 5)?;
        crate::store::contacts::by_seqs(store.conn(), &seqs)?
            .iter()
            .map(|c| {
                let company = c
                    .company
                    .as_deref()
                    .map(|co| format!(" — {co}"))
                    .unwrap_or_default();
                (
                    c.id.clone(),
                    display_safe(&format!("{}{company}", c.name(order))),
                )
            })
            .collect()
    };
    if let Some(field) = form.field_mut("contact") {
        field.matches = matches;
        field.picked = 0;
    }
    Ok(())
}

/// The chosen record (a contact, or a lead in a lead picker) and role; marks the picker
/// when nothing is chosen.
pub fn read(form: &mut Form) -> Option<(String, LinkRole)> {
    form.clear_errors();
    let chosen = form
        .field("contact")
        .and_then(|f| f.chosen())
        .map(String::from);
    if chosen.is_none() {
        let problem = if matches!(form.kind, FormKind::LinkToLead { .. }) {
            tr!(form.language, "form-link-choose-lead")
        } else {
            tr!(form.language, "form-link-choose-contact")
        };
        form.reject("contact", problem);
    }
    let role = form
        .field("role")
        .and_then(|f| f.chosen())
        .and_then(|r| r.parse().ok())
        .unwrap_or_default();
    form.settle().then(|| (chosen.unwrap_or_default(), role))
}
