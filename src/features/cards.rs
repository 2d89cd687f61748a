//! Business cards in: each card is matched to the people already known (名寄せ) and either
//! merged into that contact — the card with the newer exchange date wins each field it
//! fills, every replaced value kept in the history — or added as a new contact. One
//! transaction per file: a file that fails leaves the database as it was.

use crate::error::Result;
use crate::interchange::cards_csv::Card;
use crate::interchange::skipped::SkipReason;
use crate::model::Contact;
use crate::model::contact::MatchKeys;
use crate::model::contact::{
    Channel, ContactFields, ContactValue, NameOrder, PhoneSlot, ValueKind, card_fingerprint,
    card_keys, company_key,
};
use crate::model::text::fold;
use crate::store::contacts::{self, MatchReason, NewContact};
use crate::store::leads::Origin;
use crate::store::{Store, Writer};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::mpsc;

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
    /// Who the card was taken to be: the name, with the line of this file that added the
    /// contact (`佐藤 花子 (line 2)`) or else the contact's short id.
    pub with: String,
    /// The same in parts, for a face that says it in another language.
    #[serde(skip)]
    pub name: String,
    #[serde(skip)]
    pub added_on_line: Option<usize>,
    pub reason: MatchReason,
}

#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    pub line: usize,
    pub reason: SkipReason,
}

/// What is worked out for a card before it is matched and written: its keys, fingerprint
/// and the contact it would become (with its search terms and sort key), or nothing for a
/// card to skip.
struct Prepared {
    keys: MatchKeys,
    fingerprint: String,
    new: Option<NewContact>,
}

fn prepare(card: &Card) -> Result<Prepared> {
    let fields = &card.fields;
    let skipped = !fields.has_name() && !card.is_company;
    Ok(Prepared {
        keys: card_keys(fields),
        fingerprint: card_fingerprint(fields),
        new: if skipped {
            None
        } else {
            Some(contacts::prepare(fields, &Origin::default())?)
        },
    })
}

/// Cards go from the thread that prepares them to the writer in batches of this many.
const BATCH: usize = 512;

/// Imports cards (already read and checked); with `dry_run` nothing is written.
///
/// A second thread works out what each card needs that takes no database (keys,
/// fingerprint, search terms) while this one matches and writes them, in file order.
pub fn import(
    store: &mut Store,
    order: NameOrder,
    cards: &[Card],
    dry_run: bool,
    progress: &dyn Fn(usize),
) -> Result<ImportReport> {
    let (to_writer, prepared) = mpsc::sync_channel::<Result<Vec<Prepared>>>(8);
    let (spent, back) = mpsc::channel::<Vec<Prepared>>();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for chunk in cards.chunks(BATCH) {
                let batch: Result<Vec<Prepared>> = chunk.iter().map(prepare).collect();
                let failed = batch.is_err();
                if to_writer.send(batch).is_err() || failed {
                    return;
                }
                // Freed by the thread that made them: the system allocator is slow to take
                // memory back from another thread.
                drop(back.try_iter().collect::<Vec<_>>());
            }
        });
        let run = |w: &mut Writer<'_>| -> Result<ImportReport> {
            w.defer_contact_keys()?;
            let aside = w.set_aside_contact_indexes(cards.len())?;
            let mut report = ImportReport {
                dry_run,
                ..ImportReport::default()
            };
            let mut added: HashMap<String, usize> = HashMap::new();
            let mut left = cards.iter().enumerate();
            while let Ok(batch) = prepared.recv() {
                let batch = batch?;
                for (prepared, (n, card)) in batch.iter().zip(left.by_ref()) {
                    progress(n);
                    import_one(w, order, card, prepared, &mut added, &mut report)?;
                }
                let _ = spent.send(batch);
            }
            if let Some(aside) = aside {
                w.restore_indexes(aside)?;
            }
            Ok(report)
        };
        if dry_run {
            store.rehearse(run)
        } else {
            store.write_bulk(run)
        }
    })
}

fn import_one(
    w: &mut Writer<'_>,
    order: NameOrder,
    card: &Card,
    prepared: &Prepared,
    added: &mut HashMap<String, usize>,
    report: &mut ImportReport,
) -> Result<()> {
    let fields = &card.fields;
    let Some(new) = &prepared.new else {
        let reason = if fields.has_email() {
            SkipReason::NoName
        } else {
            SkipReason::NoNameOrEmail
        };
        report.skipped.push(Skipped {
            line: card.line,
            reason,
        });
        return Ok(());
    };
    let (keys, fingerprint) = (&prepared.keys, &prepared.fingerprint);
    match known_as(w, card, prepared)? {
        None => {
            let id = contacts::insert_prepared(w, new)?;
            take_card_ids(w, &id, card, fingerprint)?;
            let name = fields.name(order);
            added.insert(id.clone(), card.line);
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
            let name = existing.name(order);
            let added_on_line = added.get(&id).copied();
            let with = match added_on_line {
                Some(line) => format!("{name} (line {line})"),
                None => {
                    let short = contacts::short_ids(w.conn(), std::slice::from_ref(&id))?;
                    let short = short.into_iter().next().unwrap_or_default();
                    format!("{name} ({short})")
                }
            };
            let entry = Merged {
                line: card.line,
                id: id.clone(),
                with,
                name,
                added_on_line,
                reason,
            };
            contacts::take_keys(w, &id, keys)?;
            take_card_ids(w, &id, card, fingerprint)?;
            if merge_into(w, &existing, fields)? {
                report.merged.push(entry);
            } else {
                report.unchanged.push(entry);
            }
        }
    }
    Ok(())
}

/// The contact a card already is, and why: the one its `UID` went to, the one this very card
/// went to, or one its keys say is the same person (名寄せ).
fn known_as(
    w: &Writer<'_>,
    card: &Card,
    prepared: &Prepared,
) -> Result<Option<(String, MatchReason)>> {
    if let Some(uid) = card.uid.as_deref()
        && let Some(known) = contacts::card_by_uid(w, uid)?
    {
        return Ok(Some(known));
    }
    if let Some(id) = contacts::card_seen(w, &prepared.fingerprint)? {
        return Ok(Some((id, MatchReason::SameCard)));
    }
    contacts::find_match(w, &prepared.keys)
}

/// Remembers that this card (its fingerprint, and its `UID` if it has one) went to `id`.
fn take_card_ids(w: &mut Writer<'_>, id: &str, card: &Card, fingerprint: &str) -> Result<()> {
    contacts::take_card(w, id, fingerprint)?;
    if let Some(uid) = &card.uid {
        contacts::take_uid(w, id, uid)?;
    }
    Ok(())
}

/// Merges a card into a contact. The card with the newer exchange date wins each field it
/// fills, an empty field takes the card's value, and a value that loses stays in the
/// history either way. Email addresses and numbers are joined (the newer card's preferred
/// ones become preferred); a different company, address or URL stays visible among the
/// contact's other ones. Returns whether anything changed.
pub fn merge_into(w: &mut Writer<'_>, existing: &Contact, card: &ContactFields) -> Result<bool> {
    // Strictly newer: on the same date (or with no dates to tell) what the contact has
    // stays and the card's different value goes to the history, so importing a file twice
    // changes nothing the second time.
    let card_is_newer = match (card.exchanged_on, existing.exchanged_on) {
        (Some(new), Some(old)) => new > old,
        (Some(_), None) => true,
        _ => false,
    };
    let current = existing.to_fields();
    let card = &same_name_split(&current, card);
    // A newer card from another company: the person moved, and what belonged to the old
    // company (its department, title, address, website) goes with it, kept visible or in
    // the history, even where the new card says nothing of its own.
    let moved = card_is_newer
        && matches!((&card.company, &current.company), (Some(new), Some(old))
            if !new.trim().is_empty() && company_key(new) != company_key(old));
    let mut patch = ContactFields::default();
    let mut losing: Vec<(&'static str, String)> = Vec::new();
    let mut others: Vec<(Channel, String)> = Vec::new();
    for ((field, offered), (_, have)) in card.text_fields().into_iter().zip(current.text_fields()) {
        let have = have.map(str::trim).filter(|v| !v.is_empty());
        let offered = offered.map(str::trim).filter(|v| !v.is_empty());
        let offered = match offered {
            Some(offered) => offered,
            None if moved && COMPANY_BOUND.contains(&field) && have.is_some() => "",
            None => continue,
        };
        // A value that loses stays visible among the other companies, addresses and URLs,
        // unless it is the same one written differently ((株) for 株式会社).
        let other = |value: &str, postal: Option<&str>| -> Option<(Channel, String)> {
            if offered.is_empty() {
                // Cleared: the value itself stays visible.
            } else if have.is_some_and(|have| same_value(field, have, offered)) {
                return None;
            }
            let channel = match field {
                "company" => Channel::Company,
                "address" => Channel::Address,
                "url" => Channel::Url,
                _ => return None,
            };
            let value = match channel {
                Channel::Address => address_line(postal, value),
                _ => value.to_string(),
            };
            Some((channel, value))
        };
        match have {
            Some(have) if have == offered || lossy_same(have, offered) => {}
            Some(_) if !card_is_newer => {
                losing.push((field, offered.to_string()));
                others.extend(other(offered, card.postal_code.as_deref()));
            }
            Some(have) => {
                set(&mut patch, field, offered);
                others.extend(other(have, current.postal_code.as_deref()));
                if field == "address" && card.postal_code.is_none() {
                    // The old postal code went with the old address.
                    patch.postal_code = Some(String::new());
                }
            }
            None if offered.is_empty() => {}
            None => set(&mut patch, field, offered),
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
    // What the contact had and lost (a rep removed it) is not brought back by a card.
    let removed = contacts::removed_values(w.conn(), &existing.id)?;
    for channel in Channel::ALL {
        let mut offered: Vec<ContactValue> = card.list(channel).cloned().unwrap_or_default();
        offered.extend(
            others
                .iter()
                .filter(|(c, _)| *c == channel)
                .map(|(_, v)| ContactValue::new(v, ValueKind::Work)),
        );
        offered.retain(|v| {
            let key = channel.key_of(&v.value);
            !removed.iter().any(|(c, k)| *c == channel && *k == key)
        });
        // The main company, address or URL after the merge is not also one of the others.
        let after = |patched: &Option<String>, had: &Option<String>| {
            patched
                .clone()
                .or_else(|| had.clone())
                .filter(|m| !m.is_empty())
        };
        let main: Vec<String> = match channel {
            Channel::Company => after(&patch.company, &existing.company)
                .into_iter()
                .collect(),
            Channel::Url => after(&patch.url, &existing.url).into_iter().collect(),
            Channel::Address => {
                let postal = after(&patch.postal_code, &existing.postal_code);
                after(&patch.address, &existing.address)
                    .map(|a| vec![address_line(postal.as_deref(), &a), a])
                    .unwrap_or_default()
            }
            Channel::Email | Channel::Phone => Vec::new(),
        };
        let have = existing.list(channel);
        if let Some(joined) = join_lists(channel, have, &offered, card_is_newer, &main) {
            *patch.list_mut(channel) = Some(joined);
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

/// The fields that belong to the company a person is at, which go when they move.
const COMPANY_BOUND: &[&str] = &[
    "company_reading",
    "department",
    "title",
    "postal_code",
    "address",
    "url",
];

/// Whether a value read from a file is the stored one with characters the file's encoding
/// could not hold written as `?` (a Shift_JIS export of `Weiß` reads back `Wei?`).
fn lossy_same(stored: &str, read: &str) -> bool {
    read.contains('?')
        && stored.chars().count() == read.chars().count()
        && stored
            .chars()
            .zip(read.chars())
            .all(|(s, r)| s == r || r == '?')
}

/// Whether two values of a field are the same for a merge: text as written; a company by
/// its name without the legal form; an address by its folded text.
fn same_value(field: &str, a: &str, b: &str) -> bool {
    match field {
        "company" => company_key(a) == company_key(b),
        "address" | "url" => Channel::Address.key_of(a) == Channel::Address.key_of(b),
        _ => a == b,
    }
}

/// An address with its postal code, as one further address of a contact.
fn address_line(postal: Option<&str>, address: &str) -> String {
    match postal.map(str::trim).filter(|p| !p.is_empty()) {
        Some(postal) if crate::model::text::is_japanese(address) => {
            format!("〒{postal} {address}")
        }
        Some(postal) => format!("{address} {postal}"),
        None => address.to_string(),
    }
}

/// A card whose whole name sits in the family part (「能勢 聡子」 with no given name, as some
/// phones write it) is the same name as one split in two: the split one is taken.
fn same_name_split(current: &ContactFields, card: &ContactFields) -> ContactFields {
    let whole = |f: &ContactFields| -> String {
        let text = format!(
            "{}{}",
            f.family_name.as_deref().unwrap_or(""),
            f.given_name.as_deref().unwrap_or("")
        );
        fold(&text).chars().filter(|c| !c.is_whitespace()).collect()
    };
    let mut card = card.clone();
    if card.has_name() && whole(current) == whole(&card) {
        let split = |f: &ContactFields| {
            f.given_name
                .as_deref()
                .is_some_and(|g| !g.trim().is_empty())
        };
        if split(current) {
            card.family_name = current.family_name.clone();
            card.given_name = current.given_name.clone();
        }
    }
    card
}

/// The list a contact has after taking in a card's values, if it differs: every value of
/// both, in each slot the newer card's preferred value preferred.
fn join_lists(
    channel: Channel,
    have: &[ContactValue],
    offered: &[ContactValue],
    card_is_newer: bool,
    main: &[String],
) -> Option<Vec<ContactValue>> {
    let mut joined: Vec<ContactValue> = have.to_vec();
    let is_main = |value: &str| {
        main.iter()
            .any(|m| channel.key_of(m) == channel.key_of(value) || lossy_same(m, value))
    };
    joined.retain(|v| !is_main(&v.value));
    for v in offered {
        if v.value.trim().is_empty() || is_main(&v.value) {
            continue;
        }
        let key = channel.key_of(&v.value);
        let there = joined
            .iter()
            .position(|h| channel.key_of(&h.value) == key || lossy_same(&h.value, &v.value));
        match there {
            Some(_) => {}
            None => {
                let mut v = v.clone();
                v.preferred = false;
                joined.push(v);
            }
        }
    }
    if card_is_newer {
        // The card's preferred values take their slots' place.
        for v in offered.iter().filter(|v| v.preferred) {
            let key = channel.key_of(&v.value);
            let slot = PhoneSlot::of(v.kind);
            let same_slot =
                |h: &ContactValue| channel != Channel::Phone || PhoneSlot::of(h.kind) == slot;
            for h in joined.iter_mut().filter(|h| same_slot(h)) {
                h.preferred = channel.key_of(&h.value) == key;
            }
        }
    }
    (joined != have).then_some(joined)
}

fn set(patch: &mut ContactFields, field: &str, value: &str) {
    if let Some(slot) = patch.text_mut(field) {
        *slot = Some(value.to_string());
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
        let merged = merge.to_fields();
        merge_into(w, &keep, &merged)?;
        contacts::take_keys(w, keep_id, &card_keys(&merged))?;
        crate::store::activities::reassign_contact(w, merge_id, keep_id)?;
        crate::store::links::move_contact(w, merge_id, keep_id)?;
        contacts::delete(w, merge_id)?;
        Ok(true)
    })
}
