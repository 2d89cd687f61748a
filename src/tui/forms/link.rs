//! Put a contact on a lead: find the person by typing part of a name or reading.

use super::{Field, FieldKind, Form, FormKind};
use crate::error::Result;
use crate::model::LinkRole;
use crate::model::contact::NameOrder;
use crate::store::Store;
use crate::store::search::{Index, matching};

pub fn form(lead_id: &str) -> Form {
    let roles = LinkRole::ALL
        .iter()
        .map(|r| (r.id().to_string(), format!("{} {}", r.id(), r.label_ja())))
        .collect();
    let fields = vec![
        Field::new("contact", "Contact", FieldKind::ContactPicker)
            .required()
            .hint("type a name, reading or company"),
        Field::new("role", "Role", FieldKind::Choice(roles)).with_choice("decision_maker"),
    ];
    Form::new(
        "Put a contact on the lead",
        FormKind::Link {
            lead_id: lead_id.to_string(),
        },
        fields,
        1,
    )
}

/// Fills the picker with the contacts matching what was typed.
pub fn find(form: &mut Form, store: &Store, typed: &str, order: NameOrder) -> Result<()> {
    let seqs = matching(store.conn(), Index::Contacts, typed, 5)?;
    let found = crate::store::contacts::by_seqs(store.conn(), &seqs)?;
    if let Some(field) = form.field_mut("contact") {
        field.matches = found
            .iter()
            .map(|c| {
                let company = c
                    .company
                    .as_deref()
                    .map(|co| format!(" — {co}"))
                    .unwrap_or_default();
                (
                    c.id.clone(),
                    crate::model::text::display_safe(&format!("{}{company}", c.name(order))),
                )
            })
            .collect();
        field.picked = 0;
    }
    Ok(())
}

/// The chosen contact and role; marks the picker when nobody is chosen.
pub fn read(form: &mut Form) -> Option<(String, LinkRole)> {
    form.clear_errors();
    let contact = form
        .field("contact")
        .and_then(|f| f.chosen())
        .map(String::from);
    if contact.is_none() {
        form.reject("contact", "type part of a name and choose someone with ↑/↓");
    }
    let role = form
        .field("role")
        .and_then(|f| f.chosen())
        .and_then(|r| r.parse().ok())
        .unwrap_or_default();
    form.settle().then(|| (contact.unwrap_or_default(), role))
}
