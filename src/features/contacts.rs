//! Adding, changing and showing contacts (business cards).

use crate::error::{Error, Result};
use crate::model::contact::{Channel, ContactFields, ListEdits, NameOrder};
use crate::model::{Activity, Contact};
use crate::store::history::{self, HistoryEntry};
use crate::store::leads::Origin;
use crate::store::links::{self, LeadOfContact};
use crate::store::{Store, activities, contacts, purge};
use serde::Serialize;

pub fn add(store: &mut Store, card: &ContactFields) -> Result<String> {
    store.write(|w| contacts::insert(w, card, &Origin::default()))
}

/// What a contact edit changed, and the card fields that put it back (read in the edit's
/// own transaction).
#[derive(Debug, Clone, PartialEq)]
pub struct ContactEdit {
    pub changed: Vec<&'static str>,
    pub undo: ContactFields,
}

/// Changes fields of a contact (`patch`) and its lists (`edits`, worked out against the
/// lists as they are inside the same transaction).
pub fn edit(
    store: &mut Store,
    id: &str,
    patch: &ContactFields,
    edits: &ListEdits,
) -> Result<ContactEdit> {
    store.write(|w| {
        let mut patch = patch.clone();
        let current = contacts::get(w.conn(), id)?.ok_or_else(|| Error::NotFound {
            kind: "contact",
            prefix: id.to_string(),
        })?;
        if !edits.is_empty() {
            edits.apply(&current.lists(), &mut patch);
        }
        let undo = patch.undoing(&current);
        let changed = contacts::update(w, id, &patch)?;
        Ok(ContactEdit { changed, undo })
    })
}

pub fn delete(store: &mut Store, id: &str) -> Result<()> {
    store.write(|w| contacts::delete(w, id))
}

/// What `contact delete --purge` did.
#[derive(Debug, Clone, Serialize)]
pub struct PurgeReport {
    pub id: String,
    pub name: String,
    #[serde(flatten)]
    pub removed: purge::Purged,
    /// The contact's fields whose values were still found in the database file after the
    /// purge although no record holds them (none is expected).
    pub traces: Vec<&'static str>,
}

/// Erases a contact (live or deleted) from the database file: record, history, match keys,
/// places on leads and search entry; then checks the file for the erased values.
pub fn purge(store: &mut Store, id: &str, order: NameOrder) -> Result<PurgeReport> {
    let contact = contacts::get_any(store.conn(), id)?.ok_or_else(|| Error::NotFound {
        kind: "contact",
        prefix: id.to_string(),
    })?;
    let removed = store.purge(|w| purge::purge_contact(w, id))?;
    let traces = traces_left(store, &contact)?;
    Ok(PurgeReport {
        id: id.to_string(),
        name: contact.name(order),
        removed,
        traces,
    })
}

/// The contact's values still in the file's bytes that no remaining record holds.
fn traces_left(store: &Store, contact: &Contact) -> Result<Vec<&'static str>> {
    if store.path().starts_with(':') {
        return Ok(Vec::new());
    }
    // Values of a few bytes occur by chance in any file; names are checked whole.
    let fields = [
        ("family_name", &contact.family_name),
        ("given_name", &contact.given_name),
        ("family_reading", &contact.family_reading),
        ("given_reading", &contact.given_reading),
        ("address", &contact.address),
        ("notes", &contact.notes),
    ]
    .into_iter()
    .filter_map(|(field, value)| Some((field, value.as_deref()?)));
    let lists = Channel::ALL.into_iter().flat_map(|channel| {
        contact
            .list(channel)
            .iter()
            .map(move |v| (channel.list_name(), v.value.as_str()))
    });
    let values: Vec<(&'static str, &str)> = fields
        .chain(lists)
        .filter(|(_, value)| value.len() >= 6)
        .collect();
    let needles: Vec<&[u8]> = values.iter().map(|(_, v)| v.as_bytes()).collect();
    let path = std::path::Path::new(store.path());
    let found = purge::found_in_files(path, &needles).map_err(|e| {
        Error::Io(crate::i18n::Said::new(
            "error-cannot-read",
            [
                ("path", store.path().to_string()),
                ("reason", e.to_string()),
            ],
        ))
    })?;
    let mut traces = Vec::new();
    for ((field, value), found) in values.into_iter().zip(found) {
        if found && !purge::held_elsewhere(store.conn(), value)? {
            traces.push(field);
        }
    }
    Ok(traces)
}

/// Everything about one contact: the card, the leads they are on, activities, history.
#[derive(Debug, Clone, Serialize)]
pub struct ContactDetail {
    #[serde(flatten)]
    pub contact: Contact,
    pub name: String,
    /// The ids other address books know this person by (the `UID`s of the cards read
    /// into this contact).
    pub external_ids: Vec<String>,
    pub leads: Vec<LeadOfContact>,
    pub activities: Vec<Activity>,
    pub history: Vec<HistoryEntry>,
}

pub fn detail(store: &Store, order: NameOrder, id: &str) -> Result<ContactDetail> {
    detail_from(store.conn(), order, id)
}

/// The same, on a connection (the app reads it while drawing).
pub fn detail_from(
    conn: &rusqlite::Connection,
    order: NameOrder,
    id: &str,
) -> Result<ContactDetail> {
    let contact = contacts::get(conn, id)?.ok_or_else(|| Error::NotFound {
        kind: "contact",
        prefix: id.to_string(),
    })?;
    Ok(ContactDetail {
        name: contact.name(order),
        external_ids: contacts::external_ids(conn, id)?,
        leads: links::leads_of(conn, id)?,
        activities: activities::of_contact(conn, id, 500)?,
        history: history::of_contact(conn, id)?,
        contact,
    })
}

pub fn restore(store: &mut Store, id: &str) -> Result<()> {
    store.write(|w| contacts::restore(w, id))
}
