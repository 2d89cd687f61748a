//! Undo: each change the app makes leaves a step that reverses it, applied as a new change
//! (so the reversal is in the record history too).

use crate::error::Result;
use crate::features::{activity, contacts, leads};
use crate::model::contact::{Channel, ContactFields};
use crate::model::lead::LeadPatch;
use crate::model::{Contact, Lead, LinkRole, Stage};
use crate::session::Session;

#[derive(Debug, Clone)]
pub enum UndoStep {
    Moved {
        lead_id: String,
        from: Stage,
    },
    DeletedLead {
        lead_id: String,
    },
    AddedLead {
        lead_id: String,
    },
    EditedLead {
        lead_id: String,
        before: LeadPatch,
    },
    Logged {
        activity_id: String,
        lead_id: Option<String>,
        before: Option<LeadPatch>,
    },
    AddedContact {
        contact_id: String,
    },
    EditedContact {
        contact_id: String,
        before: ContactFields,
    },
    DeletedContact {
        contact_id: String,
    },
    Linked {
        lead_id: String,
        contact_id: String,
        before: Option<LinkRole>,
    },
}

impl UndoStep {
    /// Reverses the change; returns what the status bar says.
    pub fn apply(self, session: &mut Session) -> Result<String> {
        let store = &mut session.store;
        match self {
            UndoStep::Moved { lead_id, from } => {
                leads::move_to(store, &lead_id, from)?;
                Ok(format!("Undone: back to {}", from.label_en()))
            }
            UndoStep::DeletedLead { lead_id } => {
                leads::restore(store, &lead_id)?;
                Ok("Undone: the lead is back".into())
            }
            UndoStep::AddedLead { lead_id } => {
                leads::delete(store, &lead_id)?;
                Ok("Undone: the new lead is removed".into())
            }
            UndoStep::EditedLead { lead_id, before } => {
                leads::edit(store, &session.config, &lead_id, &before)?;
                Ok("Undone: the lead's fields are back".into())
            }
            UndoStep::Logged {
                activity_id,
                lead_id,
                before,
            } => {
                activity::delete(store, &session.config, &activity_id)?;
                if let (Some(lead_id), Some(before)) = (lead_id, before) {
                    leads::edit(store, &session.config, &lead_id, &before)?;
                }
                Ok("Undone: the activity is removed".into())
            }
            UndoStep::AddedContact { contact_id } => {
                contacts::delete(store, &contact_id)?;
                Ok("Undone: the new contact is removed".into())
            }
            UndoStep::EditedContact { contact_id, before } => {
                contacts::edit(store, &contact_id, &before, &Default::default())?;
                Ok("Undone: the contact's fields are back".into())
            }
            UndoStep::DeletedContact { contact_id } => {
                contacts::restore(store, &contact_id)?;
                Ok("Undone: the contact is back".into())
            }
            UndoStep::Linked {
                lead_id,
                contact_id,
                before,
            } => {
                match before {
                    Some(role) => {
                        leads::link(store, &lead_id, &contact_id, role)?;
                    }
                    None => leads::unlink(store, &lead_id, &contact_id)?,
                }
                Ok("Undone: the link is as it was".into())
            }
        }
    }
}

/// The patch that puts back what `patch` changes on `lead`.
pub fn inverse_lead_patch(lead: &Lead, patch: &LeadPatch) -> LeadPatch {
    LeadPatch {
        title: patch.title.as_ref().map(|_| lead.title.clone()),
        company: patch.company.as_ref().map(|_| lead.company.clone()),
        source: patch.source.as_ref().map(|_| lead.source.clone()),
        source_detail: patch
            .source_detail
            .as_ref()
            .map(|_| lead.source_detail.clone()),
        owner: patch.owner.as_ref().map(|_| lead.owner.clone()),
        value: patch.value.as_ref().map(|_| lead.value),
        next_action: patch.next_action.as_ref().map(|_| lead.next_action.clone()),
        next_action_on: patch.next_action_on.as_ref().map(|_| lead.next_action_on),
        qualification: patch
            .qualification
            .as_ref()
            .map(|_| lead.qualification.clone()),
        tags: patch.tags.as_ref().map(|_| lead.tags.clone()),
        notes: patch.notes.as_ref().map(|_| lead.notes.clone()),
    }
}

/// The card fields that put back what `patch` changes on `contact` (an empty text clears).
pub fn inverse_contact_patch(contact: &Contact, patch: &ContactFields) -> ContactFields {
    let back = |set: &Option<String>, old: &Option<String>| {
        set.as_ref().map(|_| old.clone().unwrap_or_default())
    };
    let mut inverse = ContactFields {
        family_name: back(&patch.family_name, &contact.family_name),
        given_name: back(&patch.given_name, &contact.given_name),
        family_reading: back(&patch.family_reading, &contact.family_reading),
        given_reading: back(&patch.given_reading, &contact.given_reading),
        company: back(&patch.company, &contact.company),
        company_reading: back(&patch.company_reading, &contact.company_reading),
        department: back(&patch.department, &contact.department),
        title: back(&patch.title, &contact.title),
        postal_code: back(&patch.postal_code, &contact.postal_code),
        address: back(&patch.address, &contact.address),
        url: back(&patch.url, &contact.url),
        exchanged_on: patch.exchanged_on.and(contact.exchanged_on),
        exchanged_at: back(&patch.exchanged_at, &contact.exchanged_at),
        exchanged_by: back(&patch.exchanged_by, &contact.exchanged_by),
        notes: back(&patch.notes, &contact.notes),
        tags: patch.tags.as_ref().map(|_| contact.tags.clone()),
        ..ContactFields::default()
    };
    // Every list the patch set goes back to the contact's whole list.
    for channel in Channel::ALL {
        if patch.list(channel).is_some() {
            *inverse.list_mut(channel) = Some(contact.list(channel).to_vec());
        }
    }
    inverse
}
