//! Adding, changing and showing contacts (business cards).

use crate::error::{Error, Result};
use crate::model::contact::{ContactFields, NameOrder};
use crate::model::{Activity, Contact};
use crate::store::history::{self, HistoryEntry};
use crate::store::leads::Origin;
use crate::store::links::{self, LeadOfContact};
use crate::store::{Store, activities, contacts};
use serde::Serialize;

pub fn add(store: &mut Store, card: &ContactFields) -> Result<String> {
    store.write(|w| contacts::insert(w, card, &Origin::default()))
}

pub fn edit(store: &mut Store, id: &str, patch: &ContactFields) -> Result<Vec<&'static str>> {
    store.write(|w| contacts::update(w, id, patch))
}

pub fn delete(store: &mut Store, id: &str) -> Result<()> {
    store.write(|w| contacts::delete(w, id))
}

/// Everything about one contact: the card, the leads they are on, activities, history.
#[derive(Debug, Clone, Serialize)]
pub struct ContactDetail {
    #[serde(flatten)]
    pub contact: Contact,
    pub name: String,
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
        leads: links::leads_of(conn, id)?,
        activities: activities::of_contact(conn, id, 500)?,
        history: history::of_record(conn, id)?,
        contact,
    })
}

pub fn restore(store: &mut Store, id: &str) -> Result<()> {
    store.write(|w| contacts::restore(w, id))
}
