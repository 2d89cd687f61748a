//! Business cards in: each card is matched to the people already known (名寄せ) and either
//! merged into that contact — the card with the newer exchange date wins each field it
//! fills, every replaced value kept in the history — or added as a new contact. One
//! transaction per file: a file that fails leaves the database as it was.

use crate::error::Result;
use crate::interchange::cards_csv::Card;
use crate::model::Contact;
use crate::model::contact::{ContactFields, NameOrder, card_fingerprint, match_keys};
use crate::store::contacts::{self, MatchReason};
use crate::store::leads::Origin;
use crate::store::{Store, Writer};
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    pub added: Vec<Added>,
    pub merged: Vec<Merged>,
    pub unchanged: Vec<Merged>,
    pub skipped: Vec<Skipped>,
    /// Columns with no field of their own, kept in the notes.
    pub kept_in_notes: Vec<String>,
    pub dry_run: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Added {
    pub line: usize,
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Merged {
    pub line: usize,
    pub id: String,
    /// Who the card was taken to be.
    pub with: String,
    pub reason: MatchReason,
}

#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    pub line: usize,
    pub reason: String,
}

/// Imports cards (already read and checked); with `dry_run` nothing is written.
pub fn import(
    store: &mut Store,
    order: NameOrder,
    cards: &[Card],
    dry_run: bool,
    progress: &dyn Fn(usize),
) -> Result<ImportReport> {
    let run = |w: &mut Writer<'_>| -> Result<ImportReport> {
        let mut report = ImportReport {
            dry_run,
            ..ImportReport::default()
        };
        for (n, card) in cards.iter().enumerate() {
            progress(n);
            import_one(w, order, card, &mut report)?;
        }
        Ok(report)
    };
    if dry_run {
        store.rehearse(run)
    } else {
        store.write_bulk(run)
    }
}

fn import_one(
    w: &mut Writer<'_>,
    order: NameOrder,
    card: &Card,
    report: &mut ImportReport,
) -> Result<()> {
    let fields = &card.fields;
    if !fields.has_name() {
        let has_email = fields
            .email
            .as_deref()
            .is_some_and(|e| !e.trim().is_empty());
        let reason = if has_email {
            "no name — skipped"
        } else {
            "no name or email — skipped"
        };
        report.skipped.push(Skipped {
            line: card.line,
            reason: reason.to_string(),
        });
        return Ok(());
    }
    let known = match card
        .uid
        .as_deref()
        .filter(|u| uuid::Uuid::parse_str(u).is_ok())
    {
        Some(uid) => match contacts::exists(w.conn(), uid)? {
            Some(true) => Some((uid.to_string(), MatchReason::SameId)),
            Some(false) => {
                contacts::restore(w, uid)?;
                Some((uid.to_string(), MatchReason::SameId))
            }
            None => None,
        },
        None => None,
    };
    let keys = match_keys(
        fields.family_name.as_deref(),
        fields.given_name.as_deref(),
        fields.company.as_deref(),
        fields.email.as_deref(),
        fields.mobile.as_deref(),
    );
    let fingerprint = card_fingerprint(fields);
    let found = match known {
        Some(k) => Some(k),
        None => match contacts::card_seen(w.conn(), &fingerprint)? {
            Some(id) => Some((id, MatchReason::SameCard)),
            None => contacts::find_match(w.conn(), &keys)?,
        },
    };
    match found {
        None => {
            let id = card
                .uid
                .clone()
                .filter(|u| uuid::Uuid::parse_str(u).is_ok());
            let id = contacts::insert(
                w,
                fields,
                &Origin {
                    id,
                    created_at: None,
                },
            )?;
            contacts::take_card(w, &id, &fingerprint)?;
            let name = crate::model::contact::display_name(
                fields.family_name.as_deref(),
                fields.given_name.as_deref(),
                order,
            );
            report.added.push(Added {
                line: card.line,
                id,
                name,
            });
        }
        Some((id, reason)) => {
            let existing = contacts::get(w.conn(), &id)?;
            let Some(existing) = existing else {
                return Ok(());
            };
            let with = match report.added.iter().find(|a| a.id == id) {
                Some(a) => format!("{} (line {})", existing.name(order), a.line),
                None => format!("{} ({})", existing.name(order), &id[..id.len().min(13)]),
            };
            let entry = Merged {
                line: card.line,
                id: id.clone(),
                with,
                reason,
            };
            contacts::take_keys(w, &id, &keys)?;
            contacts::take_card(w, &id, &fingerprint)?;
            if merge_into(w, &existing, fields)? {
                report.merged.push(entry);
            } else {
                report.unchanged.push(entry);
            }
        }
    }
    Ok(())
}

/// Merges a card into a contact. The card with the newer exchange date wins each field it
/// fills, an empty field takes the card's value, and a value that loses stays in the
/// history either way. Returns whether anything
/// changed.
pub fn merge_into(w: &mut Writer<'_>, existing: &Contact, card: &ContactFields) -> Result<bool> {
    // Strictly newer: on the same date (or with no dates to tell) what the contact has
    // stays and the card's different value goes to the history, so importing a file twice
    // changes nothing the second time.
    let card_is_newer = match (card.exchanged_on, existing.exchanged_on) {
        (Some(new), Some(old)) => new > old,
        (Some(_), None) => true,
        _ => false,
    };
    let current = fields_of(existing);
    let mut patch = ContactFields::default();
    let mut losing: Vec<(&'static str, String)> = Vec::new();
    for ((field, offered), (_, have)) in card.text_fields().into_iter().zip(current.text_fields()) {
        let Some(offered) = offered.map(str::trim).filter(|v| !v.is_empty()) else {
            continue;
        };
        let have = have.map(str::trim).filter(|v| !v.is_empty());
        match have {
            Some(have) if have == offered => {}
            Some(_) if !card_is_newer => losing.push((field, offered.to_string())),
            Some(_) | None => set(&mut patch, field, offered),
        }
    }
    if let Some(date) = card.exchanged_on {
        match existing.exchanged_on {
            Some(old) if old == date => {}
            Some(old) if old > date => losing.push(("exchanged_on", date.to_string())),
            _ => patch.exchanged_on = Some(date),
        }
    }
    if let Some(tags) = &card.tags {
        let mut all = existing.tags.clone();
        for t in tags {
            if !all.contains(t) {
                all.push(t.clone());
            }
        }
        if all != existing.tags {
            patch.tags = Some(all);
        }
    }
    let mut changed = false;
    if patch != ContactFields::default() {
        changed = !contacts::update(w, &existing.id, &patch)?.is_empty();
    }
    for (field, value) in losing {
        let before = crate::store::history::holds(
            w.conn(),
            &existing.id,
            field,
            &serde_json::Value::from(value.as_str()),
        )?;
        if !before {
            contacts::keep_in_history(w, &existing.id, field, &value)?;
            changed = true;
        }
    }
    Ok(changed)
}

fn set(patch: &mut ContactFields, field: &str, value: &str) {
    let slot = match field {
        "family_name" => &mut patch.family_name,
        "given_name" => &mut patch.given_name,
        "family_reading" => &mut patch.family_reading,
        "given_reading" => &mut patch.given_reading,
        "company" => &mut patch.company,
        "company_reading" => &mut patch.company_reading,
        "department" => &mut patch.department,
        "title" => &mut patch.title,
        "email" => &mut patch.email,
        "phone" => &mut patch.phone,
        "mobile" => &mut patch.mobile,
        "fax" => &mut patch.fax,
        "postal_code" => &mut patch.postal_code,
        "address" => &mut patch.address,
        "url" => &mut patch.url,
        "exchanged_at" => &mut patch.exchanged_at,
        "exchanged_by" => &mut patch.exchanged_by,
        "notes" => &mut patch.notes,
        _ => return,
    };
    *slot = Some(value.to_string());
}

/// A stored contact's fields, as a card.
pub fn fields_of(c: &Contact) -> ContactFields {
    ContactFields {
        family_name: c.family_name.clone(),
        given_name: c.given_name.clone(),
        family_reading: c.family_reading.clone(),
        given_reading: c.given_reading.clone(),
        company: c.company.clone(),
        company_reading: c.company_reading.clone(),
        department: c.department.clone(),
        title: c.title.clone(),
        email: c.email.clone(),
        phone: c.phone.clone(),
        mobile: c.mobile.clone(),
        fax: c.fax.clone(),
        postal_code: c.postal_code.clone(),
        address: c.address.clone(),
        url: c.url.clone(),
        exchanged_on: c.exchanged_on,
        exchanged_at: c.exchanged_at.clone(),
        exchanged_by: c.exchanged_by.clone(),
        notes: c.notes.clone(),
        tags: Some(c.tags.clone()),
    }
}

/// Two contacts that look like one person.
#[derive(Debug, Clone, Serialize)]
pub struct Duplicate {
    /// The older record: it stays, with the other's values merged in.
    pub keep: Contact,
    pub merge: Contact,
    pub reason: MatchReason,
}

/// Probable duplicates, older contact first, at most `limit` pairs.
pub fn duplicates(store: &Store, limit: usize) -> Result<Vec<Duplicate>> {
    let conn = store.conn();
    let mut out = Vec::new();
    for (a, b, reason) in contacts::duplicate_pairs(conn, limit)? {
        if let (Some(keep), Some(merge)) = (contacts::get(conn, &a)?, contacts::get(conn, &b)?) {
            out.push(Duplicate {
                keep,
                merge,
                reason,
            });
        }
    }
    Ok(out)
}

/// Merges contact `merge_id` into `keep_id`: values by the newer exchange date (every
/// replaced value in the history), activities and places on leads moved over, the merged
/// record kept as a tombstone. Returns false when either is gone already.
pub fn merge_contacts(store: &mut Store, keep_id: &str, merge_id: &str) -> Result<bool> {
    store.write(|w| {
        let (Some(keep), Some(merge)) = (
            contacts::get(w.conn(), keep_id)?,
            contacts::get(w.conn(), merge_id)?,
        ) else {
            return Ok(false);
        };
        merge_into(w, &keep, &fields_of(&merge))?;
        let keys = match_keys(
            merge.family_name.as_deref(),
            merge.given_name.as_deref(),
            merge.company.as_deref(),
            merge.email.as_deref(),
            merge.mobile.as_deref(),
        );
        contacts::take_keys(w, keep_id, &keys)?;
        crate::store::activities::reassign_contact(w, merge_id, keep_id)?;
        crate::store::links::move_contact(w, merge_id, keep_id)?;
        contacts::delete(w, merge_id)?;
        Ok(true)
    })
}
