//! Mail in: each message logged as an `email` activity on the people it concerns, so what
//! was written to a customer is beside the calls and meetings.
//!
//! A message concerns every contact with one of its From, To or Cc addresses (any of the
//! contact's addresses). It is logged on each such contact's open leads, or on the contact
//! itself when the contact is on none; `--lead` logs it on that lead whoever it is from. The
//! activity's id is made from the Message-ID and where it is logged, so a message imported
//! again, on this copy or another rep's, is the same record: it is never logged twice.

use crate::config::Config;
use crate::error::{Error, Result};
use crate::features::scores;
use crate::interchange::mail::MailMessage;
use crate::model::activity::ActivityFields;
use crate::model::dates::today;
use crate::model::{ActivityKind, Direction};
use crate::store::leads::Origin;
use crate::store::{Store, Writer, activities, contacts, leads, links};
use chrono::Utc;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

/// The namespace of the ids of activities logged from mail (name-based UUIDs).
const NAMESPACE: Uuid = Uuid::from_u128(0x5e4a_1c7d_9b20_4f6e_8d31_a7c5_0e92_b416);

/// What an import of mail did (or, with `dry_run`, would do).
#[derive(Debug, Clone, Default, Serialize)]
pub struct MailReport {
    pub logged: Vec<Logged>,
    /// Messages logged before: nothing was logged again.
    pub already_logged: Vec<Message>,
    /// Messages from and to nobody known: nothing was logged.
    pub unknown: Vec<Message>,
    pub dry_run: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Message {
    pub message_id: String,
    pub subject: String,
    /// Where it was read (`inbox.mbox, message 3 (line 42)`).
    pub source: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Logged {
    pub message_id: String,
    pub activity_id: String,
    pub subject: String,
    pub direction: Direction,
    pub contact_id: Option<String>,
    pub contact: Option<String>,
    pub lead_id: Option<String>,
    pub lead: Option<String>,
}

/// Where one message goes: a lead (with the contact it is from or to, if one) or a contact.
#[derive(Debug, Clone)]
struct Target {
    lead: Option<(String, String)>,
    contact: Option<(String, String)>,
}

/// Logs each message on the people it concerns; `lead` (a full id) takes every message
/// whoever it is from. One transaction: with `dry_run` it is rolled back.
pub fn import(
    store: &mut Store,
    config: &Config,
    messages: &[MailMessage],
    lead: Option<&str>,
    dry_run: bool,
) -> Result<MailReport> {
    let me = config
        .user
        .email
        .as_deref()
        .map(|e| e.trim().to_lowercase())
        .filter(|e| !e.is_empty());
    let is_me = |address: &str| me.as_deref() == Some(address.to_lowercase().as_str());
    let order = config.ui.name_order;
    let by = config.user_name();
    let run = |w: &mut Writer<'_>| -> Result<MailReport> {
        let mut report = MailReport {
            dry_run,
            ..MailReport::default()
        };
        let forced = match lead {
            Some(id) => {
                let l = leads::get(w.conn(), id, order)?.ok_or_else(|| Error::NotFound {
                    kind: "lead",
                    prefix: id.to_string(),
                })?;
                Some((l.id, l.title))
            }
            None => None,
        };
        // A mailbox holds many messages with the same people: each address and each
        // person's open leads are looked up once (logging mail changes neither).
        let mut people_by_address: HashMap<String, Vec<(String, String)>> = HashMap::new();
        let mut open_leads: HashMap<String, Vec<(String, String)>> = HashMap::new();
        let mut to_rescore: BTreeSet<String> = BTreeSet::new();
        for message in messages {
            let about = Message {
                message_id: message.message_id.clone(),
                subject: message.subject.clone(),
                source: message.origin.in_language(config.language),
            };
            let direction = if message.from.iter().any(|m| is_me(&m.address)) {
                Direction::Outbound
            } else {
                Direction::Inbound
            };
            let summary = if message.subject.trim().is_empty() {
                crate::tr!(config.language, "mail-no-subject")
            } else {
                message.subject.clone()
            };
            let people = people_of(w, message, &is_me, order, &mut people_by_address)?;
            let targets: Vec<Target> = match &forced {
                Some(lead) => vec![Target {
                    lead: Some(lead.clone()),
                    contact: people.first().cloned(),
                }],
                None => {
                    let mut targets = Vec::new();
                    for contact in &people {
                        let open = match open_leads.get(&contact.0) {
                            Some(open) => open.clone(),
                            None => {
                                let open: Vec<(String, String)> =
                                    links::leads_of(w.conn(), &contact.0)?
                                        .into_iter()
                                        .filter(|l| l.stage.is_open())
                                        .map(|l| (l.id, l.title))
                                        .collect();
                                open_leads.insert(contact.0.clone(), open.clone());
                                open
                            }
                        };
                        if open.is_empty() {
                            targets.push(Target {
                                lead: None,
                                contact: Some(contact.clone()),
                            });
                        }
                        for lead in open {
                            targets.push(Target {
                                lead: Some(lead),
                                contact: Some(contact.clone()),
                            });
                        }
                    }
                    targets
                }
            };
            if targets.is_empty() {
                report.unknown.push(about);
                continue;
            }
            let mut logged_any = false;
            for target in targets {
                let place = target
                    .lead
                    .as_ref()
                    .or(target.contact.as_ref())
                    .map(|(id, _)| id.as_str())
                    .unwrap_or_default();
                let id = activity_id(&message.message_id, place);
                if activities::exists(w.conn(), &id)? {
                    continue;
                }
                let fields = ActivityFields {
                    kind: ActivityKind::Email,
                    lead_id: target.lead.as_ref().map(|(id, _)| id.clone()),
                    contact_id: target.contact.as_ref().map(|(id, _)| id.clone()),
                    occurred_at: message.date.unwrap_or_else(Utc::now),
                    duration_minutes: None,
                    direction: Some(direction),
                    summary: summary.clone(),
                    body: Some(message.body.clone()).filter(|b| !b.trim().is_empty()),
                    by: Some(by.clone()),
                    campaign_id: None,
                };
                let origin = Origin {
                    id: Some(id.clone()),
                    created_at: None,
                };
                activities::insert(w, &fields, &origin)?;
                if let Some((lead_id, _)) = &target.lead {
                    to_rescore.insert(lead_id.clone());
                }
                logged_any = true;
                report.logged.push(Logged {
                    message_id: message.message_id.clone(),
                    activity_id: id,
                    subject: summary.clone(),
                    direction,
                    contact_id: target.contact.as_ref().map(|(id, _)| id.clone()),
                    contact: target.contact.map(|(_, name)| name),
                    lead_id: target.lead.as_ref().map(|(id, _)| id.clone()),
                    lead: target.lead.map(|(_, title)| title),
                });
            }
            if !logged_any {
                report.already_logged.push(about);
            }
        }
        for lead_id in &to_rescore {
            scores::refresh_lead(w, &config.scoring, lead_id, today())?;
        }
        Ok(report)
    };
    if dry_run {
        store.rehearse(run)
    } else {
        store.write(run)
    }
}

/// The live contacts a message's addresses belong to (the rep's own addresses aside):
/// (id, name), each once, in the order of From, To, Cc.
fn people_of(
    w: &Writer<'_>,
    message: &MailMessage,
    is_me: &dyn Fn(&str) -> bool,
    order: crate::model::contact::NameOrder,
    known: &mut HashMap<String, Vec<(String, String)>>,
) -> Result<Vec<(String, String)>> {
    let mut out: Vec<(String, String)> = Vec::new();
    let addresses = message.from.iter().chain(&message.to).chain(&message.cc);
    for mailbox in addresses.filter(|m| !is_me(&m.address)) {
        // As the store compares addresses: ASCII case aside.
        let key = mailbox.address.trim().to_ascii_lowercase();
        if !known.contains_key(&key) {
            let mut people = Vec::new();
            for id in contacts::with_email(w.conn(), &mailbox.address)? {
                if let Some(contact) = contacts::get(w.conn(), &id)? {
                    people.push((id, contact.name(order)));
                }
            }
            known.insert(key.clone(), people);
        }
        for person in known.get(&key).into_iter().flatten() {
            if !out.iter().any(|(id, _)| *id == person.0) {
                out.push(person.clone());
            }
        }
    }
    Ok(out)
}

/// The id of the activity a message is logged as at one place (a lead or a contact).
fn activity_id(message_id: &str, place: &str) -> String {
    Uuid::new_v5(&NAMESPACE, format!("{message_id}\u{1f}{place}").as_bytes()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_has_one_id_per_place() {
        let a = activity_id("abc@example.jp", "lead-1");
        assert_eq!(a, activity_id("abc@example.jp", "lead-1"));
        assert_ne!(a, activity_id("abc@example.jp", "lead-2"));
        assert_ne!(a, activity_id("abd@example.jp", "lead-1"));
        assert!(Uuid::parse_str(&a).is_ok());
    }
}
