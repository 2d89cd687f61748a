//! Every change the app makes, in one place: form submits, stage moves, deletes, merges,
//! undo and redo. Each calls a feature (the same the command line calls), leaves an undo
//! step (a new change clears what could be redone), says what happened on the status line
//! and has the views read again.

use super::app::{App, Popup, View};
use super::forms::{self, Form, FormKind};
use super::popups::confirm::Pending;
use super::popups::dedupe::{DedupeReview, Verdict};
use super::undo::{Focus, UndoStep};
use crate::error::Result;
use crate::features;
use crate::keymap::Action;
use crate::model::lead::LeadPatch;
use crate::model::text::display_safe;
use crate::model::{Lead, LinkRole, Stage};
use crate::tr;
use crate::tui::words;

impl App {
    /// Validates and saves a form. True when it can close; false keeps it open with the
    /// problem shown and everything typed still there.
    pub(super) fn submit(&mut self, form: &mut Form) -> bool {
        match self.save(form) {
            Ok(saved) => saved,
            Err(e) => {
                let problem = e.message(self.language());
                form.error = Some(tr!(self.language(), "said-not-saved", problem = problem));
                false
            }
        }
    }

    fn save(&mut self, form: &mut Form) -> Result<bool> {
        let today = self.today;
        let lang = self.language();
        match form.kind.clone() {
            FormKind::AddLead => {
                let Some(fields) = forms::lead::read_new(form, today) else {
                    return Ok(false);
                };
                let (title, stage) = (fields.title.clone(), fields.stage);
                let id =
                    features::leads::add(&mut self.session.store, &self.session.config, fields)?;
                self.undo.push(UndoStep::AddedLead {
                    lead_id: id.clone(),
                });
                self.say(tr!(lang, "said-added-lead", title = display_safe(&title)));
                self.changed();
                self.follow_on_board(&id, stage)?;
            }
            FormKind::Reschedule { id } => {
                let Some(due) = forms::lead::read_reschedule(form, today) else {
                    return Ok(false);
                };
                let patch = LeadPatch {
                    next_action_on: Some(due),
                    ..LeadPatch::default()
                };
                self.edit_lead(&id, &patch)?;
                self.say(match due {
                    Some(d) => tr!(lang, "said-next-action-on", date = d.to_string()),
                    None => tr!(lang, "said-no-next-action-date"),
                });
            }
            FormKind::EditLead { id } => {
                let Some(patch) = forms::lead::read_patch(form, today) else {
                    return Ok(false);
                };
                if patch.is_empty() {
                    self.say(tr!(lang, "said-no-change"));
                    return Ok(true);
                }
                let changed = self.edit_lead(&id, &patch)?;
                let labels: Vec<String> =
                    changed.iter().map(|f| words::lead_field(f, lang)).collect();
                let fields = words::list(&labels, lang);
                self.say(tr!(lang, "said-saved", fields = fields));
            }
            FormKind::Log { lead_id, .. } => {
                let Some(entry) = forms::log::read(form, today, self.language()) else {
                    return Ok(false);
                };
                let logged =
                    features::activity::log(&mut self.session.store, &self.session.config, &entry)?;
                self.undo.push(UndoStep::Logged {
                    activity_id: logged.id,
                    lead_id,
                    before: logged.lead_undo,
                    entry: Box::new(entry.clone()),
                });
                let kind = words::kind_in_sentence(entry.kind, lang);
                self.say(match (&entry.next_action, entry.next_action_on) {
                    (Some(a), Some(d)) => tr!(
                        lang,
                        "said-logged-next",
                        kind = kind,
                        next = format!("{} {d}", display_safe(a))
                    ),
                    (None, Some(d)) => {
                        tr!(lang, "said-logged-next", kind = kind, next = d.to_string())
                    }
                    _ => tr!(lang, "said-logged", kind = kind),
                });
                self.changed();
            }
            FormKind::AddContact => {
                let Some(card) = forms::contact::read(form, today, false) else {
                    return Ok(false);
                };
                let id = features::contacts::add(&mut self.session.store, &card)?;
                self.undo.push(UndoStep::AddedContact {
                    contact_id: id.clone(),
                });
                self.say(tr!(lang, "said-contact-added"));
                self.changed();
                if self.view == View::Contacts {
                    self.contacts.list.select(self.session.store.conn(), &id)?;
                }
            }
            FormKind::EditContact { id } => {
                let Some(patch) = forms::contact::read(form, today, true) else {
                    return Ok(false);
                };
                if patch == crate::model::contact::ContactFields::default() {
                    self.say(tr!(lang, "said-no-change"));
                    return Ok(true);
                }
                let edit = features::contacts::edit(
                    &mut self.session.store,
                    &id,
                    &patch,
                    &crate::model::contact::ListEdits::default(),
                )?;
                self.undo.push(UndoStep::EditedContact {
                    contact_id: id,
                    before: edit.undo,
                });
                self.say(tr!(lang, "said-contact-saved"));
                self.changed();
            }
            FormKind::Link { lead_id } => {
                let Some((contact_id, role)) = forms::link::read(form) else {
                    return Ok(false);
                };
                self.save_link(lead_id, contact_id, role)?;
            }
            FormKind::LinkToLead { contact_id } => {
                let Some((lead_id, role)) = forms::link::read(form) else {
                    return Ok(false);
                };
                self.save_link(lead_id, contact_id, role)?;
            }
            FormKind::Filter { board } => {
                self.set_filters(board, forms::filter::read(form));
            }
            FormKind::EditActivity { id } => {
                let Some(patch) = forms::log::read_edit(form, today) else {
                    return Ok(false);
                };
                if patch.is_empty() {
                    self.say(tr!(lang, "said-no-change"));
                    return Ok(true);
                }
                let edit = features::activity::edit(
                    &mut self.session.store,
                    &self.session.config,
                    &id,
                    &patch,
                )?;
                let labels: Vec<String> = edit
                    .changed
                    .iter()
                    .map(|f| words::activity_field(f, lang))
                    .collect();
                self.undo.push(UndoStep::EditedActivity {
                    activity_id: id,
                    before: edit.undo,
                });
                let fields = words::list(&labels, lang);
                let key = self.keymap.label(Action::Undo);
                self.say(tr!(lang, "said-saved-undoable", fields = fields, key = key));
                self.changed();
            }
        }
        Ok(true)
    }

    /// A contact's role as the rep reads it, in the app's language.
    pub(super) fn role_label(&self, role: crate::model::LinkRole) -> &'static str {
        words::role(role, self.language())
    }

    /// Gives the selected contact of the open lead the next role (undoable).
    pub(super) fn next_role(
        &mut self,
        lead_id: &str,
        contact_id: &str,
        role: crate::model::LinkRole,
    ) -> Result<()> {
        let roles = crate::model::LinkRole::ALL;
        let at = roles.iter().position(|r| *r == role).unwrap_or(0);
        let next = roles[(at + 1) % roles.len()];
        let linked = features::leads::link(&mut self.session.store, lead_id, contact_id, next)?;
        self.undo.push(UndoStep::Linked {
            lead_id: lead_id.to_string(),
            contact_id: contact_id.to_string(),
            before: linked.role_before,
        });
        let role = self.role_label(next);
        self.say(tr!(self.language(), "said-now-role", role = role));
        self.changed();
        Ok(())
    }

    /// Puts a contact on a lead (or gives it another role there), with the step that puts
    /// the link back as it was.
    fn save_link(&mut self, lead_id: String, contact_id: String, role: LinkRole) -> Result<()> {
        let linked = features::leads::link(&mut self.session.store, &lead_id, &contact_id, role)?;
        self.undo.push(UndoStep::Linked {
            lead_id,
            contact_id,
            before: linked.role_before,
        });
        let role = self.role_label(role);
        self.say(tr!(self.language(), "said-linked-as", role = role));
        self.changed();
        Ok(())
    }

    /// Saves a lead's changed fields with the step that puts them back; the names of the
    /// fields that changed.
    fn edit_lead(&mut self, id: &str, patch: &LeadPatch) -> Result<Vec<&'static str>> {
        let edit = features::leads::edit(&mut self.session.store, &self.session.config, id, patch)?;
        self.undo.push(UndoStep::EditedLead {
            lead_id: id.to_string(),
            before: edit.undo,
        });
        self.changed();
        Ok(edit.changed)
    }

    /// On the board, the selection follows a lead that was added or moved to an open stage.
    fn follow_on_board(&mut self, id: &str, stage: Stage) -> Result<()> {
        if self.detail.is_none() && self.view == View::Board && stage.is_open() {
            self.board.follow(self.session.store.conn(), id, stage)?;
        }
        Ok(())
    }

    pub(super) fn move_lead(&mut self, lead: &Lead, to: Stage) -> Result<()> {
        let lang = self.language();
        let title = display_safe(&lead.title);
        let stage = words::stage(to, lang);
        let moved = features::leads::move_to(&mut self.session.store, &lead.id, to)?;
        let Some(change_id) = moved.change else {
            self.say(tr!(lang, "said-already-in", title = title, stage = stage));
            self.changed();
            return Ok(());
        };
        self.undo.push(UndoStep::Moved {
            lead_id: lead.id.clone(),
            to,
            change_id,
        });
        let key = self.keymap.label(Action::Undo);
        self.say(tr!(
            lang,
            "said-moved",
            title = title,
            stage = stage,
            key = key
        ));
        self.changed();
        self.follow_on_board(&lead.id, to)
    }

    pub(super) fn undo(&mut self) -> Result<()> {
        let Some(step) = self.undo.take_undo() else {
            self.say(tr!(self.language(), "said-nothing-to-undo"));
            return Ok(());
        };
        let applied = step.apply(&mut self.session)?;
        self.undo.undone(applied.reverse);
        let key = self.keymap.label(Action::Redo);
        let what = applied.said;
        self.say(tr!(self.language(), "said-undone", what = what, key = key));
        self.changed();
        self.follow(&applied.focus)
    }

    pub(super) fn redo(&mut self) -> Result<()> {
        let Some(step) = self.undo.take_redo() else {
            self.say(tr!(self.language(), "said-nothing-to-redo"));
            return Ok(());
        };
        let applied = step.apply(&mut self.session)?;
        self.undo.redone(applied.reverse);
        let what = applied.said;
        self.say(tr!(self.language(), "said-redone", what = what));
        self.changed();
        self.follow(&applied.focus)
    }

    /// The selection follows the record an undo or redo changed: on the board the column of
    /// the lead's stage with the lead selected, in the lead lists, Contacts and Activities
    /// that record, and an open lead detail shows that lead (or closes when its lead is gone).
    fn follow(&mut self, focus: &Focus) -> Result<()> {
        match focus {
            Focus::Lead(id) => {
                let order = self.session.config.ui.name_order;
                let Some(lead) = crate::store::leads::get(self.session.store.conn(), id, order)?
                else {
                    return Ok(());
                };
                if self.detail.is_some() {
                    if self.detail.as_ref().is_none_or(|d| d.lead_id != *id) {
                        self.open_detail(id);
                    }
                    return Ok(());
                }
                match self.view {
                    View::Board => self.follow_on_board(id, lead.stage)?,
                    View::FollowUps => {
                        self.follow_ups.select(self.session.store.conn(), id)?;
                    }
                    View::Customers => {
                        self.customers.select(self.session.store.conn(), id)?;
                    }
                    _ => {}
                }
            }
            Focus::Contact(id) => {
                if self.on_contacts() {
                    self.contacts.list.select(self.session.store.conn(), id)?;
                }
            }
            Focus::Activity { id, lead } => {
                if self.detail.is_none() && self.view == View::Activities {
                    self.activities.select(self.session.store.conn(), id)?;
                } else if let Some(lead) = lead {
                    self.follow(&Focus::Lead(lead.clone()))?;
                }
            }
            Focus::LeadGone(id) => {
                if self.detail.as_ref().is_some_and(|d| d.lead_id == *id) {
                    self.detail = None;
                }
            }
            Focus::Nothing => {}
        }
        Ok(())
    }

    /// The rep said yes to deleting.
    pub(super) fn delete(&mut self, pending: Pending) -> Result<()> {
        match pending {
            Pending::DeleteLead { id } => {
                features::leads::delete(&mut self.session.store, &id)?;
                if self.detail.as_ref().is_some_and(|d| d.lead_id == id) {
                    self.detail = None;
                }
                self.undo.push(UndoStep::DeletedLead { lead_id: id });
            }
            Pending::DeleteContact { id } => {
                features::contacts::delete(&mut self.session.store, &id)?;
                self.undo.push(UndoStep::DeletedContact { contact_id: id });
            }
            Pending::DeleteActivity { id } => {
                features::activity::delete(&mut self.session.store, &self.session.config, &id)?;
                self.undo
                    .push(UndoStep::DeletedActivity { activity_id: id });
            }
            Pending::Unlink {
                lead_id,
                contact_id,
            } => {
                let role = features::leads::unlink(&mut self.session.store, &lead_id, &contact_id)?;
                self.undo.push(UndoStep::Linked {
                    lead_id,
                    contact_id,
                    before: role,
                });
                let key = self.keymap.label(Action::Undo);
                self.say(tr!(self.language(), "said-unlinked", key = key));
                self.changed();
                return Ok(());
            }
        }
        let key = self.keymap.label(Action::Undo);
        self.say(tr!(self.language(), "said-deleted", key = key));
        self.changed();
        Ok(())
    }

    /// The rep's verdict on the duplicate pair shown: merge it, skip it, or stop; each
    /// answer shows the next pair until none is left.
    pub(super) fn review_pair(&mut self, mut review: Box<DedupeReview>, verdict: Verdict) {
        let merge = match verdict {
            Verdict::Undecided => {
                self.popup = Some(Popup::Dedupe(review));
                return;
            }
            Verdict::Stop => {
                self.say(tr!(
                    self.language(),
                    "said-merged-skipped",
                    merged = review.merged,
                    skipped = review.skipped
                ));
                return;
            }
            Verdict::Merge => true,
            Verdict::Skip => false,
        };
        if let Some(pair) = review.current() {
            if merge {
                let merged = features::cards::merge_contacts(
                    &mut self.session.store,
                    &pair.keep.id,
                    &pair.merge.id,
                );
                match merged {
                    Ok(true) => review.merged += 1,
                    Ok(false) => review.skipped += 1,
                    Err(e) => {
                        self.fail(&e);
                        self.popup = Some(Popup::Dedupe(review));
                        return;
                    }
                }
                self.changed();
            } else {
                review.skipped += 1;
            }
        }
        let conn = self.session.store.conn();
        let live = |id: &str| {
            crate::store::contacts::get(conn, id)
                .ok()
                .flatten()
                .is_some()
        };
        if review.advance(live) {
            self.popup = Some(Popup::Dedupe(review));
        } else {
            self.say(tr!(
                self.language(),
                "said-duplicates-reviewed",
                merged = review.merged,
                skipped = review.skipped
            ));
        }
    }
}
