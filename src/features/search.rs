//! Search over leads, contacts and activity summaries (the app's `/` and `leadtrack search`).

use crate::error::Result;
use crate::model::{Activity, Contact, Lead};
use crate::store::search::{Index, lead_titles, matching};
use crate::store::{Store, activities, contacts, leads};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, Serialize)]
pub struct SearchResults {
    pub leads: Vec<Lead>,
    pub contacts: Vec<Contact>,
    pub activities: Vec<Activity>,
    /// The title of each found activity's lead, by the lead's id.
    pub lead_titles: BTreeMap<String, String>,
}

impl SearchResults {
    pub fn is_empty(&self) -> bool {
        self.leads.is_empty() && self.contacts.is_empty() && self.activities.is_empty()
    }
}

/// Up to `limit` of each kind of record, newest first.
pub fn search(store: &Store, typed: &str, limit: usize) -> Result<SearchResults> {
    let conn = store.conn();
    let activities = activities::by_seqs(conn, &matching(conn, Index::Activities, typed, limit)?)?;
    let lead_titles = lead_titles(conn, activities.iter().filter_map(|a| a.lead_id.as_deref()))?;
    Ok(SearchResults {
        leads: leads::by_seqs(conn, &matching(conn, Index::Leads, typed, limit)?)?,
        contacts: contacts::by_seqs(conn, &matching(conn, Index::Contacts, typed, limit)?)?,
        activities,
        lead_titles,
    })
}
