//! Contacts (business cards) and the keys that find duplicates among them.

use super::leads::Origin;
use super::records::{self, CONTACTS, parse_tags, tags_value, text};
use super::{Writer, search};
use crate::error::{Error, Result};
use crate::model::Contact;
use crate::model::contact::{ContactFields, match_keys, sort_key};
use crate::model::dates::{format_timestamp, parse_timestamp};
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params};

const COLUMNS: &str = "id, family_name, given_name, family_reading, given_reading, company, \
    company_reading, department, title, email, phone, mobile, fax, postal_code, address, url, \
    exchanged_on, exchanged_at, exchanged_by, notes, tags, created_at, created_by, updated_at, \
    updated_by, seq";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Contact> {
    let ts = |i: usize| -> rusqlite::Result<_> {
        Ok(parse_timestamp(&r.get::<_, String>(i)?).unwrap_or_default())
    };
    Ok(Contact {
        id: r.get(0)?,
        family_name: r.get(1)?,
        given_name: r.get(2)?,
        family_reading: r.get(3)?,
        given_reading: r.get(4)?,
        company: r.get(5)?,
        company_reading: r.get(6)?,
        department: r.get(7)?,
        title: r.get(8)?,
        email: r.get(9)?,
        phone: r.get(10)?,
        mobile: r.get(11)?,
        fax: r.get(12)?,
        postal_code: r.get(13)?,
        address: r.get(14)?,
        url: r.get(15)?,
        exchanged_on: r
            .get::<_, Option<String>>(16)?
            .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        exchanged_at: r.get(17)?,
        exchanged_by: r.get(18)?,
        notes: r.get(19)?,
        tags: parse_tags(r.get(20)?),
        created_at: ts(21)?,
        created_by: r.get(22)?,
        updated_at: ts(23)?,
        updated_by: r.get(24)?,
    })
}

fn date_value(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| {
        Value::Text(d.format("%Y-%m-%d").to_string())
    })
}

/// Adds a contact; returns its id.
pub fn insert(w: &mut Writer<'_>, card: &ContactFields, origin: &Origin) -> Result<String> {
    let has_email = card.email.as_deref().is_some_and(|e| !e.trim().is_empty());
    if !card.has_name() && !has_email {
        return Err(Error::invalid("a contact needs a name or an email"));
    }
    let stamp = w.stamp();
    let created_at = origin.created_at.unwrap_or(stamp.at);
    let id = origin.id.clone().unwrap_or_else(crate::model::ids::new_id);
    let mut values: Vec<(&str, Value)> = card
        .text_fields()
        .into_iter()
        .map(|(field, v)| (field, text(v)))
        .collect();
    values.push(("exchanged_on", date_value(card.exchanged_on)));
    values.push(("tags", tags_value(card.tags.as_deref().unwrap_or(&[]))));
    let seq = records::insert(
        w,
        &CONTACTS,
        &id,
        &values,
        &stamp,
        &format_timestamp(&created_at),
    )?;
    refresh_derived(w.conn(), seq)?;
    Ok(id)
}

/// Applies the fields given in `patch` (`None` leaves a field alone, an empty text clears
/// it); returns the fields that changed.
pub fn update(w: &mut Writer<'_>, id: &str, patch: &ContactFields) -> Result<Vec<&'static str>> {
    ensure_live(w.conn(), id)?;
    let mut changes: Vec<(&'static str, Value)> = patch
        .text_fields()
        .into_iter()
        .filter_map(|(field, v)| v.map(|v| (field, text(Some(v)))))
        .collect();
    if let Some(d) = patch.exchanged_on {
        changes.push(("exchanged_on", date_value(Some(d))));
    }
    if let Some(tags) = &patch.tags {
        changes.push(("tags", tags_value(tags)));
    }
    let changed = records::update(w, &CONTACTS, id, &changes)?;
    if !changed.is_empty() {
        // Checked after the change, inside the transaction: an error rolls it back.
        let after = get(w.conn(), id)?;
        let named = after.as_ref().is_some_and(|c| {
            let filled = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
            filled(&c.family_name) || filled(&c.given_name) || filled(&c.email)
        });
        if !named {
            return Err(Error::invalid(
                "a contact needs a name or an email; this change would leave neither",
            ));
        }
        refresh_derived_id(w.conn(), id)?;
    }
    Ok(changed)
}

pub fn delete(w: &mut Writer<'_>, id: &str) -> Result<()> {
    ensure_live(w.conn(), id)?;
    records::update(w, &CONTACTS, id, &[("deleted", Value::Integer(1))])?;
    refresh_derived_id(w.conn(), id)
}

pub fn restore(w: &mut Writer<'_>, id: &str) -> Result<()> {
    records::update(w, &CONTACTS, id, &[("deleted", Value::Integer(0))])?;
    refresh_derived_id(w.conn(), id)
}

fn ensure_live(conn: &Connection, id: &str) -> Result<()> {
    let gone: Option<i64> = conn
        .prepare_cached("SELECT gone FROM contacts WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    match gone {
        None => Err(Error::NotFound {
            kind: "contact",
            prefix: id.to_string(),
        }),
        Some(0) => Ok(()),
        Some(_) => Err(Error::Deleted {
            kind: "contact",
            id: id.to_string(),
        }),
    }
}

/// Recomputes what is derived from a contact's fields: sort key, match keys, search terms.
fn refresh_derived(conn: &Connection, seq: i64) -> Result<()> {
    let sql = format!("SELECT {COLUMNS}, gone FROM contacts WHERE seq = ?1");
    let row = conn
        .prepare_cached(&sql)?
        .query_row([seq], |r| Ok((from_row(r)?, r.get::<_, i64>(26)?)))
        .optional()?;
    let Some((c, gone)) = row else { return Ok(()) };
    let sort = sort_key(
        c.family_name.as_deref(),
        c.given_name.as_deref(),
        c.family_reading.as_deref(),
        c.given_reading.as_deref(),
        c.company.as_deref(),
    );
    let keys = match_keys(
        c.family_name.as_deref(),
        c.given_name.as_deref(),
        c.company.as_deref(),
        c.email.as_deref(),
        c.mobile.as_deref(),
    );
    // The seq makes the key unique, so a page of contacts seeks straight to its start.
    let sort = format!("{sort}\u{1}{seq:012}");
    conn.prepare_cached(
        "UPDATE contacts SET sort_key = ?2, email_key = ?3, name_key = ?4, mobile_key = ?5 WHERE seq = ?1",
    )?
    .execute(params![seq, sort, keys.email, keys.name_company, keys.mobile])?;
    let doc = (gone == 0).then(|| search_text(&c));
    search::set_document(conn, search::Index::Contacts, seq, doc.as_deref())
}

/// A contact's searchable text: names and readings (also run together, so 佐藤花子 and
/// さとうはなこ find 佐藤 花子), company and its reading, department, title, email, phones.
fn search_text(c: &Contact) -> String {
    let joined = |a: &Option<String>, b: &Option<String>| {
        format!(
            "{}{}",
            a.as_deref().unwrap_or(""),
            b.as_deref().unwrap_or("")
        )
    };
    let parts = [
        c.family_name.clone(),
        c.given_name.clone(),
        Some(joined(&c.family_name, &c.given_name)),
        c.family_reading.clone(),
        c.given_reading.clone(),
        Some(joined(&c.family_reading, &c.given_reading)),
        c.company.clone(),
        c.company_reading.clone(),
        c.department.clone(),
        c.title.clone(),
        c.email.clone(),
        c.phone.clone(),
        c.mobile.clone(),
    ];
    parts.into_iter().flatten().collect::<Vec<_>>().join(" ")
}

pub(crate) fn refresh_derived_id(conn: &Connection, id: &str) -> Result<()> {
    let seq: Option<i64> = conn
        .prepare_cached("SELECT seq FROM contacts WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    match seq {
        Some(seq) => refresh_derived(conn, seq),
        None => Ok(()),
    }
}

pub fn resolve(conn: &Connection, prefix: &str) -> Result<String> {
    records::resolve(conn, &CONTACTS, prefix)
}

/// One live contact by full id.
pub fn get(conn: &Connection, id: &str) -> Result<Option<Contact>> {
    let sql = format!("SELECT {COLUMNS} FROM contacts WHERE id = ?1 AND gone = 0");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?)
}

/// Live contacts by their `seq`s, in the order given (search results).
pub fn by_seqs(conn: &Connection, seqs: &[i64]) -> Result<Vec<Contact>> {
    let sql = format!("SELECT {COLUMNS} FROM contacts WHERE seq = ?1 AND gone = 0");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut out = Vec::with_capacity(seqs.len());
    for seq in seqs {
        if let Some(c) = stmt.query_row([seq], from_row).optional()? {
            out.push(c);
        }
    }
    Ok(out)
}

/// Which contacts `list` returns: a page in reading order, after `after` (a sort position).
#[derive(Debug, Clone, Default)]
pub struct ContactFilter {
    pub company: Option<String>,
    pub limit: Option<usize>,
}

/// Live contacts sorted by reading (佐藤 under さ).
pub fn list(conn: &Connection, filter: &ContactFilter) -> Result<Vec<Contact>> {
    let mut sql = format!("SELECT {COLUMNS} FROM contacts WHERE gone = 0");
    let mut params: Vec<Value> = Vec::new();
    if let Some(company) = &filter.company {
        params.push(Value::Text(company.clone()));
        sql.push_str(&format!(" AND company = ?{}", params.len()));
    }
    sql.push_str(" ORDER BY sort_key");
    if let Some(limit) = filter.limit {
        sql.push_str(&format!(" LIMIT {limit}"));
    }
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params), from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Short unique forms of these ids, for tables.
pub fn short_ids(conn: &Connection, ids: &[String]) -> Result<Vec<String>> {
    records::short_ids(conn, &CONTACTS, ids)
}

/// One page of contacts in reading order, each with its key.
pub fn page(
    conn: &Connection,
    page: &super::paging::Page<'_>,
) -> Result<Vec<(super::paging::Key, Contact)>> {
    let columns = ["sort_key"];
    let mut params: Vec<Value> = Vec::new();
    let mut sql = format!("SELECT {COLUMNS}, sort_key FROM contacts WHERE gone = 0");
    sql.push_str(&super::paging::clause(&columns, false, page, &mut params));
    let offset = COLUMNS.split(',').count();
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
        Ok((super::paging::key_at(r, offset, 1)?, from_row(r)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn key_of(conn: &Connection, id: &str) -> Result<Option<super::paging::Key>> {
    Ok(conn
        .prepare_cached("SELECT sort_key FROM contacts WHERE id = ?1 AND gone = 0")?
        .query_row([id], |r| super::paging::key_at(r, 0, 1))
        .optional()?)
}
