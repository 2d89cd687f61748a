//! What a key opens: the lead under the selection or a search result, and the form or the
//! question for the record under the selection — add, edit, log, link, change a role, delete. Saving what the form holds is `save.rs`'s.

use super::app::{App, Popup, View};
use super::forms;
use super::popups::confirm::{Confirm, Pending};
use super::popups::search::Hit;
use crate::error::Result;
use crate::keymap::Action;
use crate::model::text::display_safe;
use crate::model::{ActivityKind, Stage};
use crate::tr;

impl App {
    pub(super) fn add(&mut self) -> Result<()> {
        if self.on_contacts() {
            self.open_form(forms::contact::form(None, self.language()));
            return Ok(());
        }
        let stage = match self.view {
            View::Board => self.board.stage(),
            View::Customers => Stage::Customer,
            _ => Stage::default(),
        };
        let campaigns = self.campaign_choices(None)?;
        self.open_form(forms::lead::form(
            &self.session.config,
            None,
            stage,
            &campaigns,
        ));
        Ok(())
    }

    /// The campaigns a form offers, as (id, name): the live ones, newest first, and the
    /// record's own `current` one even when it has since been deleted.
    fn campaign_choices(&self, current: Option<&str>) -> Result<Vec<(String, String)>> {
        let conn = self.session.store.conn();
        let mut choices: Vec<(String, String)> = crate::store::campaigns::list(conn)?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect();
        if let Some(id) = current
            && !choices.iter().any(|(live, _)| live == id)
            && let Some(gone) = crate::store::campaigns::get_any(conn, id)?
        {
            choices.push((gone.id, gone.name));
        }
        Ok(choices)
    }

    /// The activity `e` and `d` act on: the one picked in the open lead, or the one selected
    /// in Activities.
    fn target_activity(&self) -> Option<crate::model::Activity> {
        match &self.detail {
            Some(d) => d.selected_activity().cloned(),
            None if self.view == View::Activities => {
                self.activities.selected().map(|(a, _, _)| a.clone())
            }
            None => None,
        }
    }

    /// The edit form of a logged activity, with its lead's contacts to choose from.
    fn edit_activity(&mut self, activity: &crate::model::Activity) -> Result<()> {
        let conn = self.session.store.conn();
        let order = self.session.config.ui.name_order;
        let lang = self.language();
        let lead = match &activity.lead_id {
            Some(id) => crate::store::leads::get(conn, id, order)?,
            None => None,
        };
        let people: Vec<(String, String)> = lead
            .iter()
            .flat_map(|l| &l.contacts)
            .map(|c| {
                let role = self.role_label(c.role);
                let label = tr!(lang, "form-log-person", name = c.name.as_str(), role = role);
                (c.id.clone(), label)
            })
            .collect();
        let own = match &activity.contact_id {
            Some(id) => crate::store::contacts::get(conn, id)?.map(|c| (id.clone(), c.name(order))),
            None => None,
        };
        let title = lead.as_ref().map(|l| l.title.as_str());
        let campaigns = self.campaign_choices(activity.campaign_id.as_deref())?;
        let form = forms::log::edit_form(activity, title, &people, own, &campaigns, lang);
        self.open_form(form);
        Ok(())
    }

    pub(super) fn edit(&mut self) -> Result<()> {
        if let Some(activity) = self.target_activity() {
            return self.edit_activity(&activity);
        }
        if self.on_contacts() {
            if let Some(id) = self.contacts.list.selected_id()
                && let Some(contact) = crate::store::contacts::get(self.session.store.conn(), &id)?
            {
                self.open_form(forms::contact::form(Some(&contact), self.language()));
            }
            return Ok(());
        }
        if let Some(lead) = self.target_lead() {
            let campaigns = self.campaign_choices(lead.campaign_id.as_deref())?;
            self.open_form(forms::lead::form(
                &self.session.config,
                Some(&lead),
                lead.stage,
                &campaigns,
            ));
        }
        Ok(())
    }

    pub(super) fn log(&mut self, kind: Option<ActivityKind>) -> Result<()> {
        if self.on_contacts() {
            if let Some(id) = self.contacts.list.selected_id() {
                let campaigns = self.campaign_choices(None)?;
                let form =
                    forms::log::form(kind, None, Some(&id), &[], &campaigns, self.language());
                self.open_form(form);
            }
            return Ok(());
        }
        let Some(lead) = self.target_lead() else {
            return Ok(());
        };
        let order = self.session.config.ui.name_order;
        let full =
            crate::store::leads::get(self.session.store.conn(), &lead.id, order)?.unwrap_or(lead);
        let contacts = full.contacts.clone();
        let campaigns = self.campaign_choices(None)?;
        let form = forms::log::form(
            kind,
            Some(&full),
            None,
            &contacts,
            &campaigns,
            self.language(),
        );
        self.open_form(form);
        Ok(())
    }

    pub(super) fn ask_delete(&mut self) {
        let lang = self.language();
        let picked_contact = self.detail.as_ref().and_then(|d| {
            d.selected_contact()
                .map(|c| (d.lead_id.clone(), c.id.clone(), c.name.clone()))
        });
        let question = if let Some((lead_id, contact_id, name)) = picked_contact {
            Some(Confirm {
                message: tr!(lang, "popup-confirm-unlink", name = display_safe(&name)),
                pending: Pending::Unlink {
                    lead_id,
                    contact_id,
                },
            })
        } else if let Some(a) = self.target_activity() {
            Some(Confirm {
                message: tr!(
                    lang,
                    "popup-confirm-delete-activity",
                    kind = super::words::kind_in_sentence(a.kind, lang),
                    summary = crate::model::text::truncate(&display_safe(&a.summary), 40)
                ),
                pending: Pending::DeleteActivity { id: a.id },
            })
        } else if self.detail.is_none() && self.view == View::Activities {
            None
        } else if self.on_contacts() {
            self.contacts.list.selected().map(|c| Confirm {
                message: tr!(
                    lang,
                    "popup-confirm-delete-contact",
                    name = display_safe(&c.name(self.session.config.ui.name_order))
                ),
                pending: Pending::DeleteContact { id: c.id.clone() },
            })
        } else {
            self.target_lead().map(|lead| Confirm {
                message: tr!(
                    lang,
                    "popup-confirm-delete-lead",
                    title = display_safe(&lead.title)
                ),
                pending: Pending::DeleteLead { id: lead.id },
            })
        };
        if let Some(question) = question {
            self.popup = Some(Popup::Confirm(question));
        }
    }

    /// `p`: a contact onto the lead, or (in Contacts) the card onto a lead.
    pub(super) fn link(&mut self) {
        if self.on_contacts() {
            if let Some(c) = self.contacts.list.selected() {
                let name = c.name(self.session.config.ui.name_order);
                self.open_form(forms::link::lead_form(&c.id, &name, self.language()));
            } else {
                let key = self.keymap.first_key(Action::Add);
                self.say(tr!(self.language(), "said-no-card-selected", key = key));
            }
        } else if let Some(lead) = self.target_lead() {
            self.open_form(forms::link::form(&lead.id, &lead.title, self.language()));
        }
    }

    /// The next role for the contact picked in the open lead.
    pub(super) fn change_role(&mut self) -> Result<()> {
        let picked = self.detail.as_ref().and_then(|d| {
            d.selected_contact()
                .map(|c| (d.lead_id.clone(), c.id.clone(), c.role))
        });
        match picked {
            Some((lead_id, contact_id, role)) => {
                self.next_role(&lead_id, &contact_id, role)?;
            }
            None => {
                let key = self.keymap.label(Action::NextItem);
                self.say(tr!(self.language(), "said-pick-a-contact-first", key = key));
            }
        }
        Ok(())
    }

    pub(super) fn open(&mut self) -> Result<()> {
        if self.view == View::Campaigns {
            self.campaigns.open_selected();
            return Ok(());
        }
        let lead_id = match self.view {
            View::Activities => self
                .activities
                .selected()
                .and_then(|(a, _, _)| a.lead_id.clone()),
            View::Contacts => {
                let id = self.contacts.list.selected_id();
                let leads = match id {
                    Some(id) => crate::store::links::leads_of(self.session.store.conn(), &id)?,
                    None => Vec::new(),
                };
                if leads.is_empty() {
                    self.say(tr!(self.language(), "said-contact-on-no-lead"));
                }
                leads.first().map(|l| l.id.clone())
            }
            _ => self.target_lead().map(|l| l.id),
        };
        if let Some(id) = lead_id {
            self.open_detail(&id);
        }
        Ok(())
    }

    /// Goes to a search result: a lead's detail, a contact in Contacts, an activity's lead.
    pub(super) fn jump(&mut self, hit: Hit) -> Result<()> {
        match hit {
            Hit::Lead(lead) => self.open_detail(&lead.id),
            Hit::Activity(a, _) => match (a.lead_id, a.contact_id) {
                (Some(lead), _) => self.open_detail(&lead),
                (None, Some(contact)) => self.show_contact(&contact)?,
                (None, None) => {}
            },
            Hit::Contact(c) => self.show_contact(&c.id)?,
        }
        Ok(())
    }

    fn show_contact(&mut self, id: &str) -> Result<()> {
        self.show(View::Contacts);
        self.contacts.list.select(self.session.store.conn(), id)?;
        Ok(())
    }
}
