//! Search over leads, contacts and activity summaries (the app's `/` and `leadtrack search`).

use crate::error::Result;
use crate::model::{Activity, Contact, Lead};
use crate::store::search::{Index, matching};
use crate::store::{Store, activities, contacts, leads};
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct SearchResults {
    pub leads: Vec<Lead>,
    pub contacts: Vec<Contact>,
    pub activities: Vec<Activity>,
}

impl SearchResults {
    pub fn is_empty(&self) -> bool {
        self.leads.is_empty() && self.contacts.is_empty() && self.activities.is_empty()
    }
}

/// Up to `limit` of each kind of record, newest first.
pub fn search(store: &Store, typed: &str, limit: usize) -> Result<SearchResults> {
    let conn = store.conn();
    Ok(SearchResults {
        leads: leads::by_seqs(conn, &matching(conn, Index::Leads, typed, limit)?)?,
        contacts: contacts::by_seqs(conn, &matching(conn, Index::Contacts, typed, limit)?)?,
        activities: activities::by_seqs(conn, &matching(conn, Index::Activities, typed, limit)?)?,
    })
}
