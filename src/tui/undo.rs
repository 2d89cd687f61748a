//! Undo: each change the app makes leaves a step that reverses it, applied as a new change
//! (so the reversal is in the record history too).

use crate::error::Result;
use crate::features::activity::ActivityPatch;
use crate::features::{activity, contacts, leads};
use crate::model::contact::ContactFields;
use crate::model::lead::LeadPatch;
use crate::model::{LinkRole, Stage};
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
    EditedActivity {
        activity_id: String,
        before: ActivityPatch,
    },
    DeletedActivity {
        activity_id: String,
    },
    Unlinked {
        lead_id: String,
        contact_id: String,
        role: LinkRole,
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
                    None => {
                        leads::unlink(store, &lead_id, &contact_id)?;
                    }
                }
                Ok("Undone: the link is as it was".into())
            }
            UndoStep::EditedActivity {
                activity_id,
                before,
            } => {
                activity::edit(store, &session.config, &activity_id, &before)?;
                Ok("Undone: the activity is as it was".into())
            }
            UndoStep::DeletedActivity { activity_id } => {
                activity::restore(store, &session.config, &activity_id)?;
                Ok("Undone: the activity is back".into())
            }
            UndoStep::Unlinked {
                lead_id,
                contact_id,
                role,
            } => {
                leads::link(store, &lead_id, &contact_id, role)?;
                Ok("Undone: the contact is on the lead again".into())
            }
        }
    }
}
