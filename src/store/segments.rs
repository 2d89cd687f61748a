//! Segments (saved filters by name), and the people they hold.

use super::narrowing::Narrowing;
use super::records::{self, SEGMENTS};
use super::{Writer, stage_sql};
use crate::error::{Error, Result};
use crate::model::dates::format_timestamp;
use crate::model::segment::{Segment, SegmentFilter};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

/// Saves `filter` as segment `name`; a live segment of that name gets the new filter.
/// Returns its id and whether it was new.
pub fn save(w: &mut Writer<'_>, name: &str, filter: &SegmentFilter) -> Result<(String, bool)> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::said_plain("error-segment-needs-name"));
    }
    let json = Value::Text(serde_json::to_string(filter).unwrap_or_else(|_| "{}".into()));
    if let Some(found) = get(w.conn(), name)? {
        records::update(w, &SEGMENTS, &found.id, &[("filter", json)])?;
        return Ok((found.id, false));
    }
    let stamp = w.stamp();
    let id = crate::model::ids::new_id();
    let values = [("name", Value::Text(name.to_string())), ("filter", json)];
    records::insert(
        w,
        &SEGMENTS,
        &id,
        &values,
        &stamp,
        &format_timestamp(&stamp.at),
    )?;
    Ok((id, true))
}

/// Deletes the live segment `name`.
pub fn delete(w: &mut Writer<'_>, name: &str) -> Result<()> {
    let found = get(w.conn(), name)?.ok_or_else(|| not_found(name))?;
    records::update(w, &SEGMENTS, &found.id, &[("deleted", Value::Integer(1))])?;
    Ok(())
}

pub fn not_found(name: &str) -> Error {
    Error::NotFound {
        kind: "segment",
        prefix: name.trim().to_string(),
    }
}

fn segment(id: String, name: String, filter: &str) -> Segment {
    Segment {
        id,
        name,
        // A filter written by a newer leadtrack keeps the parts this one knows.
        filter: serde_json::from_str(filter).unwrap_or_default(),
    }
}

/// The live segment named `name` (trimmed); of two made at once by two reps, the first.
pub fn get(conn: &Connection, name: &str) -> Result<Option<Segment>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, name, filter FROM segments WHERE gone = 0 AND name = ?1
             ORDER BY created_hlc, id LIMIT 1",
        )?
        .query_row([name.trim()], |r| {
            Ok(segment(r.get(0)?, r.get(1)?, &r.get::<_, String>(2)?))
        })
        .optional()?)
}

/// Live segments by name (one per name: the first made).
pub fn list(conn: &Connection) -> Result<Vec<Segment>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, filter FROM segments s WHERE gone = 0
           AND NOT EXISTS (SELECT 1 FROM segments o WHERE o.gone = 0 AND o.name = s.name
                             AND (o.created_hlc, o.id) < (s.created_hlc, s.id))
         ORDER BY name",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(segment(r.get(0)?, r.get(1)?, &r.get::<_, String>(2)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A person a segment holds, with the first of their leads in it (board order).
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub contact_id: String,
    pub family_name: Option<String>,
    pub given_name: Option<String>,
    pub family_reading: Option<String>,
    pub given_reading: Option<String>,
    pub company: Option<String>,
    pub email: Option<String>,
    pub no_mail_on: Option<String>,
    pub lead: String,
    pub rank: String,
}

/// Hands each person on the leads `narrowing` keeps to `each`, once, in the order of their
/// contact's name; every stage counts unless the narrowing names one.
pub fn each_member(
    conn: &Connection,
    narrowing: &Narrowing,
    mut each: impl FnMut(Member) -> Result<()>,
) -> Result<()> {
    let mut params = Vec::new();
    let clause = narrowing.clause("l", &mut params);
    let sql = format!(
        "WITH kept AS (
             SELECT lc.contact_id, l.title, l.rank,
                    row_number() OVER (PARTITION BY lc.contact_id
                                       ORDER BY {order}, l.board_key) AS n
             FROM leads l JOIN lead_contacts lc ON lc.lead_id = l.id AND lc.gone = 0
             WHERE l.gone = 0{clause})
         SELECT c.id, c.family_name, c.given_name, c.family_reading, c.given_reading,
                c.company, c.email, c.no_mail_on, k.title, k.rank
         FROM kept k JOIN contacts c ON c.id = k.contact_id AND c.gone = 0
         WHERE k.n = 1
         ORDER BY c.sort_key, c.id",
        order = stage_sql::board_order("l.stage"),
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
    while let Some(r) = rows.next()? {
        each(Member {
            contact_id: r.get(0)?,
            family_name: r.get(1)?,
            given_name: r.get(2)?,
            family_reading: r.get(3)?,
            given_reading: r.get(4)?,
            company: r.get(5)?,
            email: r.get(6)?,
            no_mail_on: r.get(7)?,
            lead: r.get(8)?,
            rank: r.get(9)?,
        })?;
    }
    Ok(())
}
