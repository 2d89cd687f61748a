//! Contacts on leads, with their roles.

use super::Writer;
use super::records::{self, LINKS};
use crate::error::{Error, Result};
use crate::model::contact::{NameOrder, display_name};
use crate::model::lead::LinkedContact;
use crate::model::{LinkRole, Stage};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

fn link_id(lead_id: &str, contact_id: &str) -> String {
    format!("{lead_id}/{contact_id}")
}

/// Links a contact to a lead with a role (or changes the role of an existing link).
/// Returns true when something changed.
pub fn link(w: &mut Writer<'_>, lead_id: &str, contact_id: &str, role: LinkRole) -> Result<bool> {
    let id = link_id(lead_id, contact_id);
    let existing: Option<i64> = w
        .conn()
        .prepare_cached("SELECT seq FROM lead_contacts WHERE id = ?1")?
        .query_row([&id], |r| r.get(0))
        .optional()?;
    if existing.is_some() {
        let changes = [
            ("role", Value::Text(role.id().to_string())),
            ("deleted", Value::Integer(0)),
        ];
        return Ok(!records::update(w, &LINKS, &id, &changes)?.is_empty());
    }
    let stamp = w.stamp();
    let values = [
        ("lead_id", Value::Text(lead_id.to_string())),
        ("contact_id", Value::Text(contact_id.to_string())),
        ("role", Value::Text(role.id().to_string())),
    ];
    records::insert(w, &LINKS, &id, &values, &stamp, &stamp.at_text())?;
    Ok(true)
}

fn not_on(lead_id: &str, contact_id: &str) -> Error {
    Error::said(
        "error-contact-not-on-lead",
        [("contact", contact_id), ("lead", lead_id)],
    )
}

/// Takes a contact off a lead.
pub fn unlink(w: &mut Writer<'_>, lead_id: &str, contact_id: &str) -> Result<()> {
    let id = link_id(lead_id, contact_id);
    let changed = records::update(w, &LINKS, &id, &[("deleted", Value::Integer(1))])
        .map_err(|_| not_on(lead_id, contact_id))?;
    if changed.is_empty() {
        return Err(not_on(lead_id, contact_id));
    }
    Ok(())
}

/// The live contacts on a lead, by role then reading.
pub fn contacts_of(
    conn: &Connection,
    lead_id: &str,
    order: NameOrder,
) -> Result<Vec<LinkedContact>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.family_name, c.given_name, c.company, l.role, coalesce(c.mobile, c.phone), c.email
         FROM lead_contacts l JOIN contacts c ON c.id = l.contact_id
         WHERE l.lead_id = ?1 AND l.gone = 0 AND c.gone = 0
         ORDER BY CASE l.role WHEN 'decision_maker' THEN 0 WHEN 'influencer' THEN 1
                  WHEN 'user' THEN 2 WHEN 'gatekeeper' THEN 3 ELSE 4 END, c.sort_key",
    )?;
    let rows = stmt.query_map([lead_id], |r| {
        let family: Option<String> = r.get(1)?;
        let given: Option<String> = r.get(2)?;
        let role: String = r.get(4)?;
        Ok(LinkedContact {
            id: r.get(0)?,
            name: display_name(family.as_deref(), given.as_deref(), order),
            company: r.get(3)?,
            role: role.parse().unwrap_or_default(),
            phone: r.get(5)?,
            email: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A lead a contact is on.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LeadOfContact {
    pub id: String,
    pub title: String,
    pub stage: Stage,
    pub role: LinkRole,
}

/// The live leads a contact is on.
pub fn leads_of(conn: &Connection, contact_id: &str) -> Result<Vec<LeadOfContact>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.title, d.stage, l.role
         FROM lead_contacts l JOIN leads d ON d.id = l.lead_id
         WHERE l.contact_id = ?1 AND l.gone = 0 AND d.gone = 0
         ORDER BY d.seq DESC",
    )?;
    let rows = stmt.query_map([contact_id], |r| {
        let stage: String = r.get(2)?;
        let role: String = r.get(3)?;
        Ok(LeadOfContact {
            id: r.get(0)?,
            title: r.get(1)?,
            stage: stage.parse().unwrap_or_default(),
            role: role.parse().unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Moves a contact's places on leads to another contact (merging duplicates): where the
/// other is already on the lead, the moved link is simply removed.
pub fn move_contact(w: &mut Writer<'_>, from: &str, to: &str) -> Result<usize> {
    let links: Vec<(String, String)> = w
        .conn()
        .prepare_cached(
            "SELECT lead_id, role FROM lead_contacts WHERE contact_id = ?1 AND gone = 0",
        )?
        .query_map([from], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (lead_id, role) in &links {
        let already: Option<i64> = w
            .conn()
            .prepare_cached("SELECT gone FROM lead_contacts WHERE id = ?1")?
            .query_row([link_id(lead_id, to)], |r| r.get(0))
            .optional()?;
        if already != Some(0) {
            link(w, lead_id, to, role.parse().unwrap_or_default())?;
        }
        records::update(
            w,
            &LINKS,
            &link_id(lead_id, from),
            &[("deleted", Value::Integer(1))],
        )?;
    }
    Ok(links.len())
}
