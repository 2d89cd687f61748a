//! Undo and redo. Each change the app makes leaves a step that reverses it. A step is applied
//! as a new change (so the reversal is in the record history too) and gives back the step
//! that reverses it in turn: undoing leaves a redo step, redoing leaves an undo step again.
//! Every step says which record it changed and how, and the selection follows that record.

use crate::config::Language;
use crate::error::{Error, Result};
use crate::features::activity::{ActivityPatch, LogEntry};
use crate::features::{activity, contacts, leads};
use crate::model::contact::ContactFields;
use crate::model::lead::LeadPatch;
use crate::model::text::display_safe;
use crate::model::{LinkRole, Stage};
use crate::session::Session;
use crate::tr;
use crate::tui::words;

#[derive(Debug, Clone)]
pub enum UndoStep {
    /// A lead moved to `to` by the stage change `change_id`.
    Moved {
        lead_id: String,
        to: Stage,
        change_id: String,
    },
    /// A move to `to` was undone: redoing moves the lead there again.
    Unmoved {
        lead_id: String,
        to: Stage,
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
        /// What was logged, for redoing it.
        entry: Box<LogEntry>,
    },
    /// A logged activity was undone: redoing logs it again.
    Unlogged {
        entry: Box<LogEntry>,
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
    /// A deleted activity was brought back: redoing deletes it again.
    RestoredActivity {
        activity_id: String,
    },
}

/// The record a step changed, for the selection to follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    Lead(String),
    Contact(String),
    /// An activity that is there (again): selected in Activities; elsewhere its lead is.
    Activity {
        id: String,
        lead: Option<String>,
    },
    /// The step removed this lead.
    LeadGone(String),
    Nothing,
}

/// What applying a step did.
#[derive(Debug)]
pub struct Applied {
    /// The change, naming its record (`call on ミドリ技研 設備更新 removed`).
    pub said: String,
    /// The step that takes this one back.
    pub reverse: UndoStep,
    pub focus: Focus,
}

/// The steps to undo and to redo. They last as long as the app, whatever view is shown.
#[derive(Debug, Default)]
pub struct UndoHistory {
    undo: Vec<UndoStep>,
    redo: Vec<UndoStep>,
}

impl UndoHistory {
    /// A new change: it can be undone, and what was undone before can no longer be redone
    /// (it would apply to a state that no longer is).
    pub fn push(&mut self, step: UndoStep) {
        self.undo.push(step);
        self.redo.clear();
    }

    pub fn take_undo(&mut self) -> Option<UndoStep> {
        self.undo.pop()
    }

    pub fn take_redo(&mut self) -> Option<UndoStep> {
        self.redo.pop()
    }

    /// The step that redoes what was just undone.
    pub fn undone(&mut self, reverse: UndoStep) {
        self.redo.push(reverse);
    }

    /// The step that undoes what was just redone (the redo stack stays).
    pub fn redone(&mut self, reverse: UndoStep) {
        self.undo.push(reverse);
    }
}

fn language(session: &Session) -> Language {
    session.config.language
}

fn lead_title(session: &Session, id: &str) -> String {
    let order = session.config.ui.name_order;
    match crate::store::leads::get(session.store.conn(), id, order) {
        Ok(Some(lead)) => display_safe(&lead.title),
        _ => tr!(language(session), "said-a-deleted-lead"),
    }
}

fn contact_name(session: &Session, id: &str) -> String {
    let order = session.config.ui.name_order;
    match crate::store::contacts::get_any(session.store.conn(), id) {
        Ok(Some(contact)) => display_safe(&contact.name(order)),
        _ => tr!(language(session), "said-a-contact"),
    }
}

/// What an activity is called in a message: `call on <lead>` or `call with <contact>`.
fn activity_words(session: &Session, entry: &LogEntry) -> String {
    let lang = language(session);
    let kind = words::kind_in_sentence(entry.kind, lang);
    match (&entry.lead_id, &entry.contact_id) {
        (Some(lead), _) => tr!(
            lang,
            "said-activity-on-lead",
            kind = kind,
            lead = lead_title(session, lead)
        ),
        (None, Some(contact)) => tr!(
            lang,
            "said-activity-with-contact",
            kind = kind,
            name = contact_name(session, contact)
        ),
        (None, None) => kind,
    }
}

/// `next action of <lead> back to 2026-11-21`, or `title, notes of <lead> back`.
fn edit_words(lang: Language, title: &str, patch: &LeadPatch, changed: &[&str]) -> String {
    if let [only] = changed
        && *only == "next_action_on"
        && let Some(due) = &patch.next_action_on
    {
        return match due {
            Some(due) => tr!(
                lang,
                "said-next-action-back-to",
                title = title,
                date = due.to_string()
            ),
            None => tr!(lang, "said-next-action-back-to-no-date", title = title),
        };
    }
    if changed.is_empty() {
        return tr!(lang, "said-lead-as-it-was", title = title);
    }
    // Each field by its label, as the save message names it.
    let fields: Vec<String> = changed.iter().map(|f| words::lead_field(f, lang)).collect();
    tr!(
        lang,
        "said-lead-fields-back",
        fields = words::list(&fields, lang),
        title = title
    )
}

impl UndoStep {
    /// Makes the change the step describes, as a new change.
    pub fn apply(self, session: &mut Session) -> Result<Applied> {
        let lang = language(session);
        let applied = match self {
            UndoStep::Moved {
                lead_id,
                to,
                change_id,
            } => {
                let back = leads::undo_move(&mut session.store, &lead_id, &change_id).map_err(
                    |e| match e {
                        Error::Invalid(why) => {
                            Error::invalid(format!("{}: {why}", lead_title(session, &lead_id)))
                        }
                        Error::Said(said) => Error::invalid(format!(
                            "{}: {}",
                            lead_title(session, &lead_id),
                            said.in_language(lang)
                        )),
                        other => other,
                    },
                )?;
                Applied {
                    said: tr!(
                        lang,
                        "said-lead-back-to",
                        title = lead_title(session, &lead_id),
                        stage = words::stage(back, lang)
                    ),
                    reverse: UndoStep::Unmoved {
                        lead_id: lead_id.clone(),
                        to,
                    },
                    focus: Focus::Lead(lead_id),
                }
            }
            UndoStep::Unmoved { lead_id, to } => {
                let moved = leads::move_to(&mut session.store, &lead_id, to)?;
                let title = lead_title(session, &lead_id);
                let stage = words::stage(to, lang);
                let Some(change_id) = moved.change else {
                    return Err(Error::invalid(tr!(
                        lang,
                        "said-already-in",
                        title = title,
                        stage = stage
                    )));
                };
                Applied {
                    said: tr!(lang, "said-lead-moved-to", title = title, stage = stage),
                    reverse: UndoStep::Moved {
                        lead_id: lead_id.clone(),
                        to,
                        change_id,
                    },
                    focus: Focus::Lead(lead_id),
                }
            }
            UndoStep::DeletedLead { lead_id } => {
                leads::restore(&mut session.store, &lead_id)?;
                Applied {
                    said: tr!(
                        lang,
                        "said-lead-back",
                        title = lead_title(session, &lead_id)
                    ),
                    reverse: UndoStep::AddedLead {
                        lead_id: lead_id.clone(),
                    },
                    focus: Focus::Lead(lead_id),
                }
            }
            UndoStep::AddedLead { lead_id } => {
                let title = lead_title(session, &lead_id);
                leads::delete(&mut session.store, &lead_id)?;
                Applied {
                    said: tr!(lang, "said-lead-removed", title = title),
                    reverse: UndoStep::DeletedLead {
                        lead_id: lead_id.clone(),
                    },
                    focus: Focus::LeadGone(lead_id),
                }
            }
            UndoStep::EditedLead { lead_id, before } => {
                let edit = leads::edit(&mut session.store, &session.config, &lead_id, &before)?;
                Applied {
                    said: edit_words(lang, &lead_title(session, &lead_id), &before, &edit.changed),
                    reverse: UndoStep::EditedLead {
                        lead_id: lead_id.clone(),
                        before: edit.undo,
                    },
                    focus: Focus::Lead(lead_id),
                }
            }
            UndoStep::Logged {
                activity_id,
                lead_id,
                before,
                entry,
            } => {
                activity::delete(&mut session.store, &session.config, &activity_id)?;
                if let (Some(lead_id), Some(before)) = (&lead_id, before) {
                    leads::edit(&mut session.store, &session.config, lead_id, &before)?;
                }
                let focus = match (lead_id, &entry.contact_id) {
                    (Some(lead), _) => Focus::Lead(lead),
                    (None, Some(contact)) => Focus::Contact(contact.clone()),
                    (None, None) => Focus::Nothing,
                };
                Applied {
                    said: tr!(
                        lang,
                        "said-activity-removed",
                        activity = activity_words(session, &entry)
                    ),
                    reverse: UndoStep::Unlogged { entry },
                    focus,
                }
            }
            UndoStep::Unlogged { entry } => {
                let logged = activity::log(&mut session.store, &session.config, &entry)?;
                let focus = match (&entry.lead_id, &entry.contact_id) {
                    (Some(lead), _) => Focus::Lead(lead.clone()),
                    (None, Some(contact)) => Focus::Contact(contact.clone()),
                    (None, None) => Focus::Nothing,
                };
                Applied {
                    said: tr!(
                        lang,
                        "said-activity-logged-again",
                        activity = activity_words(session, &entry)
                    ),
                    reverse: UndoStep::Logged {
                        activity_id: logged.id,
                        lead_id: entry.lead_id.clone(),
                        before: logged.lead_undo,
                        entry,
                    },
                    focus,
                }
            }
            UndoStep::AddedContact { contact_id } => {
                contacts::delete(&mut session.store, &contact_id)?;
                Applied {
                    said: tr!(
                        lang,
                        "said-contact-removed",
                        name = contact_name(session, &contact_id)
                    ),
                    reverse: UndoStep::DeletedContact {
                        contact_id: contact_id.clone(),
                    },
                    focus: Focus::Nothing,
                }
            }
            UndoStep::EditedContact { contact_id, before } => {
                let edit = contacts::edit(
                    &mut session.store,
                    &contact_id,
                    &before,
                    &Default::default(),
                )?;
                let fields: Vec<String> = edit
                    .changed
                    .iter()
                    .map(|f| words::contact_field(f, lang))
                    .collect();
                Applied {
                    said: tr!(
                        lang,
                        "said-contact-fields-back",
                        fields = words::list(&fields, lang),
                        name = contact_name(session, &contact_id)
                    ),
                    reverse: UndoStep::EditedContact {
                        contact_id: contact_id.clone(),
                        before: edit.undo,
                    },
                    focus: Focus::Contact(contact_id),
                }
            }
            UndoStep::DeletedContact { contact_id } => {
                contacts::restore(&mut session.store, &contact_id)?;
                Applied {
                    said: tr!(
                        lang,
                        "said-contact-back",
                        name = contact_name(session, &contact_id)
                    ),
                    reverse: UndoStep::AddedContact {
                        contact_id: contact_id.clone(),
                    },
                    focus: Focus::Contact(contact_id),
                }
            }
            UndoStep::Linked {
                lead_id,
                contact_id,
                before,
            } => {
                let (name, title) = (
                    contact_name(session, &contact_id),
                    lead_title(session, &lead_id),
                );
                let (said, had) = match before {
                    Some(role) => {
                        let linked = leads::link(&mut session.store, &lead_id, &contact_id, role)?;
                        let said = tr!(
                            lang,
                            "said-link-as-before",
                            name = name.as_str(),
                            title = title.as_str()
                        );
                        (said, linked.role_before)
                    }
                    None => {
                        let had = leads::unlink(&mut session.store, &lead_id, &contact_id)?;
                        let said = tr!(
                            lang,
                            "said-link-taken-off",
                            name = name.as_str(),
                            title = title.as_str()
                        );
                        (said, had)
                    }
                };
                Applied {
                    said,
                    reverse: UndoStep::Linked {
                        lead_id: lead_id.clone(),
                        contact_id,
                        before: had,
                    },
                    focus: Focus::Lead(lead_id),
                }
            }
            UndoStep::EditedActivity {
                activity_id,
                before,
            } => {
                let edit =
                    activity::edit(&mut session.store, &session.config, &activity_id, &before)?;
                let fields: Vec<String> = edit
                    .changed
                    .iter()
                    .map(|f| words::activity_field(f, lang))
                    .collect();
                Applied {
                    said: tr!(
                        lang,
                        "said-activity-fields-back",
                        fields = words::list(&fields, lang)
                    ),
                    reverse: UndoStep::EditedActivity {
                        activity_id: activity_id.clone(),
                        before: edit.undo,
                    },
                    focus: Focus::Activity {
                        id: activity_id,
                        lead: edit.lead_id,
                    },
                }
            }
            UndoStep::DeletedActivity { activity_id } => {
                activity::restore(&mut session.store, &session.config, &activity_id)?;
                Applied {
                    said: tr!(
                        lang,
                        "said-activity-back",
                        activity = activity_of(session, &activity_id)
                    ),
                    reverse: UndoStep::RestoredActivity {
                        activity_id: activity_id.clone(),
                    },
                    focus: Focus::Activity {
                        lead: activity_lead(session, &activity_id),
                        id: activity_id,
                    },
                }
            }
            UndoStep::RestoredActivity { activity_id } => {
                let said = tr!(
                    lang,
                    "said-activity-removed",
                    activity = activity_of(session, &activity_id)
                );
                let focus = lead_focus(activity_lead(session, &activity_id));
                activity::delete(&mut session.store, &session.config, &activity_id)?;
                Applied {
                    said,
                    reverse: UndoStep::DeletedActivity { activity_id },
                    focus,
                }
            }
        };
        Ok(applied)
    }
}

fn lead_focus(lead_id: Option<String>) -> Focus {
    lead_id.map_or(Focus::Nothing, Focus::Lead)
}

/// The lead an activity is on, deleted or not.
fn activity_lead(session: &Session, id: &str) -> Option<String> {
    crate::store::activities::get_any(session.store.conn(), id)
        .ok()
        .flatten()
        .and_then(|a| a.lead_id)
}

/// `call on <lead>` for an activity by id.
fn activity_of(session: &Session, id: &str) -> String {
    let lang = language(session);
    match crate::store::activities::get_any(session.store.conn(), id) {
        Ok(Some(a)) => {
            let kind = words::kind_in_sentence(a.kind, lang);
            match a.lead_id {
                Some(lead) => tr!(
                    lang,
                    "said-activity-on-lead",
                    kind = kind,
                    lead = lead_title(session, &lead)
                ),
                None => kind,
            }
        }
        _ => tr!(lang, "said-the-activity"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::contact::{ContactValue, ValueKind};

    /// A lead's fields read as the detail and the save message name them.
    #[test]
    fn undo_names_lead_fields_by_their_labels() {
        let said = edit_words(
            Language::En,
            "ミドリ技研 設備更新",
            &LeadPatch::default(),
            &["qualification", "source_detail", "next_action"],
        );
        assert_eq!(
            said,
            "qualification (BANT), source detail, next action of ミドリ技研 設備更新 back"
        );
    }

    /// A contact's fields read as `contact show` names them: a list by what it holds.
    #[test]
    fn undo_names_contact_fields_by_their_labels() {
        let mut session = Session::in_memory(crate::config::Config::default()).unwrap();
        let email = |address: &str| ContactValue::new(address, ValueKind::Work);
        let id = contacts::add(
            &mut session.store,
            &ContactFields {
                family_name: Some("佐藤".into()),
                given_name: Some("花子".into()),
                postal_code: Some("100-0001".into()),
                emails: Some(vec![email("hanako@example.jp"), email("h@example.jp")]),
                phones: Some(vec![ContactValue::new("090-1234-5678", ValueKind::Mobile)]),
                ..ContactFields::default()
            },
        )
        .unwrap();
        let step = UndoStep::EditedContact {
            contact_id: id,
            before: ContactFields {
                postal_code: Some("100-0002".into()),
                emails: Some(vec![email("hanako@example.jp")]),
                phones: Some(Vec::new()),
                ..ContactFields::default()
            },
        };
        let said = step.apply(&mut session).unwrap().said;
        assert_eq!(said, "postal code, email, number of contact 佐藤 花子 back");
    }
}
