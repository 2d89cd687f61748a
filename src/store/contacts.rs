//! Contacts (business cards) and the keys that find duplicates among them.

use super::leads::Origin;
use super::records::{self, CONTACTS, parse_tags, tags_value, text};
use super::{Writer, beside, contact_values, search};
use crate::error::{Error, Result};
use crate::model::Contact;
use crate::model::contact::{
    Channel, ContactFields, MatchKeys, PhoneSlot, card_keys, phone_key, sort_key,
};
use crate::model::dates::{format_timestamp, parse_timestamp};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params};

const COLUMNS: &str = "id, family_name, given_name, family_reading, given_reading, company, \
    company_reading, department, title, email, phone, mobile, fax, postal_code, address, url, \
    exchanged_on, exchanged_at, exchanged_by, notes, tags, created_at, created_by, updated_at, \
    updated_by, seq, no_mail_on";

/// `COLUMNS` for working out what is derived from a contact, which never depends on its
/// no-mail mark: schema 4's step derives every contact before schema 10 adds the column.
const DERIVING_COLUMNS: &str = "id, family_name, given_name, family_reading, given_reading, \
    company, company_reading, department, title, email, phone, mobile, fax, postal_code, \
    address, url, exchanged_on, exchanged_at, exchanged_by, notes, tags, created_at, \
    created_by, updated_at, updated_by, seq, NULL";

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
        emails: Vec::new(),
        phones: Vec::new(),
        postal_code: r.get(13)?,
        address: r.get(14)?,
        url: r.get(15)?,
        other_addresses: Vec::new(),
        other_urls: Vec::new(),
        other_companies: Vec::new(),
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
        no_mail_on: r
            .get::<_, Option<String>>(26)?
            .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
    })
}

/// A contact as read, with its lists.
fn with_lists(conn: &Connection, contact: Contact) -> Result<Contact> {
    let mut contact = lists_into(conn, contact)?;
    if let Some((at, by)) = contact_values::last_change(conn, &contact.id)?
        && let Some(at) = parse_timestamp(&at).filter(|at| *at > contact.updated_at)
    {
        contact.updated_at = at;
        contact.updated_by = by;
    }
    Ok(contact)
}

/// A contact with its emails and numbers (what its derived columns are worked out from).
fn lists_into(conn: &Connection, mut contact: Contact) -> Result<Contact> {
    for (channel, list) in contact_values::lists_of(conn, &contact.id)? {
        *contact.list_mut(channel) = list;
    }
    Ok(contact)
}

fn date_value(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| {
        Value::Text(d.format("%Y-%m-%d").to_string())
    })
}

/// Adds a contact; returns its id.
pub fn insert(w: &mut Writer<'_>, card: &ContactFields, origin: &Origin) -> Result<String> {
    insert_prepared(w, &prepare(card, origin)?)
}

/// A card ready to write: checked, with its row values and what is derived from them worked
/// out. `prepare` needs no database, so a bulk load can prepare the next cards on another
/// thread while this one is written.
pub struct NewContact {
    id: String,
    created_at: Option<DateTime<Utc>>,
    values: Vec<(&'static str, Value)>,
    /// The values of the card's lists.
    lists: Vec<contact_values::NewValue>,
    derived: Derived,
}

pub fn prepare(card: &ContactFields, origin: &Origin) -> Result<NewContact> {
    if !card.has_name() && !card.has_email() && !card.has_company_only() {
        return Err(Error::said_plain("error-contact-needs-name"));
    }
    let mut values: Vec<(&'static str, Value)> = card
        .text_fields()
        .into_iter()
        .map(|(field, v)| (field, text(v)))
        .collect();
    values.push(("exchanged_on", date_value(card.exchanged_on)));
    values.push(("tags", tags_value(card.tags.as_deref().unwrap_or(&[]))));
    values.push(("no_mail_on", date_value(card.no_mail_on.flatten())));
    // Derived straight from the card: nothing to read back.
    let derived = Derived::of(card, true);
    let id = origin.id.clone().unwrap_or_else(crate::model::ids::new_id);
    Ok(NewContact {
        lists: contact_values::prepare_all(&id, card),
        id,
        created_at: origin.created_at,
        values,
        derived,
    })
}

/// Writes a prepared contact; returns its id.
pub fn insert_prepared(w: &mut Writer<'_>, new: &NewContact) -> Result<String> {
    let stamp = w.stamp();
    let created_at = format_timestamp(&new.created_at.unwrap_or(stamp.at));
    // The sort key ends with the row's seq (unique keys page by seek): known before the
    // insert, so the row is written once with everything derived from it.
    let seq = records::next_seq(w.conn(), &CONTACTS)?;
    let d = &new.derived;
    let [email, phone, mobile, fax] = &d.preferred;
    let text = |v: &Option<String>| v.clone().map_or(Value::Null, Value::Text);
    let derived = [
        ("seq", Value::Integer(seq)),
        ("sort_key", Value::Text(format!("{}\u{1}{seq:012}", d.sort))),
        ("name_key", text(&d.keys.name_company)),
        ("email", text(email)),
        ("phone", text(phone)),
        ("mobile", text(mobile)),
        ("fax", text(fax)),
    ];
    records::insert_with(
        w,
        &CONTACTS,
        &new.id,
        &new.values,
        &derived,
        &stamp,
        &created_at,
    )?;
    contact_values::insert_prepared(w, &new.id, &new.lists, &created_at)?;
    search::set_terms(
        w.conn(),
        search::Index::Contacts,
        seq,
        d.terms.as_deref(),
        true,
    )?;
    if !w.remember_keys_at_commit(seq) {
        take_keys(w, &new.id, &new.derived.keys)?;
    }
    Ok(new.id.clone())
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
    if let Some(day) = patch.no_mail_on {
        changes.push(("no_mail_on", date_value(day)));
    }
    let mut changed = records::update(w, &CONTACTS, id, &changes)?;
    changed.extend(contact_values::write_lists(w, id, patch)?);
    if !changed.is_empty() {
        // Checked after the change, inside the transaction: an error rolls it back.
        let after = get(w.conn(), id)?;
        let named = after.as_ref().is_some_and(|c| {
            let card = c.to_fields();
            card.has_name() || card.has_email() || card.has_company_only()
        });
        if !named {
            return Err(Error::said_plain("error-contact-keeps-name"));
        }
        refresh_derived_id(w.conn(), id, false)?;
    }
    Ok(changed)
}

pub fn delete(w: &mut Writer<'_>, id: &str) -> Result<()> {
    ensure_live(w.conn(), id)?;
    records::update(w, &CONTACTS, id, &[("deleted", Value::Integer(1))])?;
    refresh_derived_id(w.conn(), id, false)
}

pub fn restore(w: &mut Writer<'_>, id: &str) -> Result<()> {
    records::update(w, &CONTACTS, id, &[("deleted", Value::Integer(0))])?;
    refresh_derived_id(w.conn(), id, false)
}

/// Keeps `value` in the history of a contact's field, as a value that lost to the current
/// one (unless the history already holds it).
pub fn keep_in_history(w: &mut Writer<'_>, id: &str, field: &str, value: &str) -> Result<()> {
    let json = serde_json::Value::from(value);
    if super::history::holds(w.conn(), id, field, &json)? {
        return Ok(());
    }
    records::note_superseded(w, &CONTACTS, id, field, &Value::Text(value.to_string()))
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

/// A contact's searchable text: names and readings (also run together, so 佐藤花子 and
/// さとうはなこ find 佐藤 花子), company and its reading, department, title, every email
/// address, every number (also as its digits, so `09012345678` finds `090-1234-5678`),
/// and the further addresses, URLs and companies.
fn search_text(c: &ContactFields) -> String {
    let joined = |a: &Option<String>, b: &Option<String>| {
        format!(
            "{}{}",
            a.as_deref().unwrap_or(""),
            b.as_deref().unwrap_or("")
        )
    };
    let mut parts: Vec<String> = [
        &c.family_name,
        &c.given_name,
        &c.family_reading,
        &c.given_reading,
        &c.company,
        &c.company_reading,
        &c.department,
        &c.title,
    ]
    .into_iter()
    .flatten()
    .cloned()
    .collect();
    parts.push(joined(&c.family_name, &c.given_name));
    parts.push(joined(&c.family_reading, &c.given_reading));
    for channel in Channel::ALL {
        for v in c.list(channel).into_iter().flatten() {
            parts.push(v.value.clone());
            // A number written with hyphens or +81 is also found by its digits.
            if channel == Channel::Phone {
                let digits = phone_key(&v.value);
                if digits != v.value {
                    parts.push(digits);
                }
            }
        }
    }
    parts.join(" ")
}

/// Recomputes what is derived from a contact's fields: sort key, match keys, search terms.
fn refresh_derived(conn: &Connection, seq: i64, fresh: bool) -> Result<()> {
    let sql = format!("SELECT {DERIVING_COLUMNS}, gone FROM contacts WHERE seq = ?1");
    let row = conn
        .prepare_cached(&sql)?
        .query_row([seq], |r| Ok((from_row(r)?, r.get::<_, i64>(27)?)))
        .optional()?;
    let Some((c, gone)) = row else { return Ok(()) };
    let c = with_lists(conn, c)?;
    let derived = Derived::of(&c.to_fields(), gone == 0);
    write_derived(conn, seq, &derived, fresh)?;
    remember_keys(conn, &c.id, &derived.keys)
}

/// What is derived from a contact's fields: its sort key (without the seq that makes it
/// unique), the preferred email and numbers, match keys and search terms (none for a
/// deleted contact).
struct Derived {
    sort: String,
    preferred: [Option<String>; 4],
    keys: MatchKeys,
    terms: Option<String>,
}

impl Derived {
    fn of(c: &ContactFields, live: bool) -> Self {
        let owned = |v: Option<&str>| v.map(str::to_string);
        Derived {
            sort: sort_key(
                c.family_name.as_deref(),
                c.given_name.as_deref(),
                c.family_reading.as_deref(),
                c.given_reading.as_deref(),
                c.company.as_deref(),
            ),
            preferred: [
                owned(c.email()),
                owned(c.number(PhoneSlot::Phone)),
                owned(c.number(PhoneSlot::Mobile)),
                owned(c.number(PhoneSlot::Fax)),
            ],
            keys: card_keys(c),
            terms: live.then(|| search::terms_of(&search_text(c))).flatten(),
        }
    }
}

/// Writes the derived columns and search terms of the contact at `seq`; the caller
/// remembers the match keys in `contact_keys`.
fn write_derived(conn: &Connection, seq: i64, d: &Derived, fresh: bool) -> Result<()> {
    // The seq makes the key unique, so a page of contacts seeks straight to its start.
    let sort = format!("{}\u{1}{seq:012}", d.sort);
    let [email, phone, mobile, fax] = &d.preferred;
    conn.prepare_cached(
        "UPDATE contacts SET sort_key = ?2, name_key = ?3, email = ?4, phone = ?5, mobile = ?6, fax = ?7
         WHERE seq = ?1",
    )?
    .execute(params![seq, sort, d.keys.name_company, email, phone, mobile, fax])?;
    search::set_terms(
        conn,
        search::Index::Contacts,
        seq,
        d.terms.as_deref(),
        fresh,
    )
}

/// Refreshes a contact's derived columns and search terms by `seq`.
pub(crate) fn refresh_derived_seq(conn: &Connection, seq: i64, fresh: bool) -> Result<()> {
    refresh_derived(conn, seq, fresh)
}

/// Works out what is derived from every contact after `seq` (those a merge has just made),
/// a page at a time in the order they were written, the folding and keys on a second
/// thread; their match keys are remembered at the end in one sorted pass, as a bulk load's
/// are.
pub(crate) fn derive_made_after(conn: &Connection, seq: i64) -> Result<()> {
    const PAGE: usize = 1024;
    let sql = format!(
        "SELECT {DERIVING_COLUMNS}, gone, seq FROM contacts WHERE seq > ?1 ORDER BY seq LIMIT {PAGE}"
    );
    type Page = Vec<(Contact, bool, i64)>;
    let read = |from: &i64| -> Result<Option<(i64, Page)>> {
        let page: Vec<(Contact, i64, i64)> = conn
            .prepare_cached(&sql)?
            .query_map([from], |r| Ok((from_row(r)?, r.get(27)?, r.get(28)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let Some(&(_, _, last)) = page.last() else {
            return Ok(None);
        };
        let page = page
            .into_iter()
            .map(|(contact, gone, at)| Ok((lists_into(conn, contact)?, gone == 0, at)))
            .collect::<Result<_>>()?;
        Ok(Some((last, page)))
    };
    beside::paged(
        seq,
        read,
        |(contact, live, at)| (at, Derived::of(&contact.to_fields(), live)),
        |(at, derived)| write_derived(conn, at, &derived, true),
    )?;
    remember_keys_from(conn, seq + 1)
}

/// `fresh`: the contact was made in this transaction (nothing of it is indexed yet).
pub(crate) fn refresh_derived_id(conn: &Connection, id: &str, fresh: bool) -> Result<()> {
    let seq: Option<i64> = conn
        .prepare_cached("SELECT seq FROM contacts WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    match seq {
        Some(seq) => refresh_derived(conn, seq, fresh),
        None => Ok(()),
    }
}

pub fn resolve(conn: &Connection, prefix: &str) -> Result<String> {
    records::resolve(conn, &CONTACTS, prefix)
}

/// One live contact by full id.
pub fn get(conn: &Connection, id: &str) -> Result<Option<Contact>> {
    by_id(conn, id, "gone = 0")
}

/// One contact by full id, deleted or not.
pub fn get_any(conn: &Connection, id: &str) -> Result<Option<Contact>> {
    by_id(conn, id, "true")
}

/// `which` is a fixed SQL condition, never input.
fn by_id(conn: &Connection, id: &str, which: &str) -> Result<Option<Contact>> {
    let sql = format!("SELECT {COLUMNS} FROM contacts WHERE id = ?1 AND {which}");
    let found = conn
        .prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?;
    found.map(|c| with_lists(conn, c)).transpose()
}

/// Live contacts by their `seq`s, in the order given (search results).
pub fn by_seqs(conn: &Connection, seqs: &[i64]) -> Result<Vec<Contact>> {
    let sql = format!("SELECT {COLUMNS} FROM contacts WHERE seq = ?1 AND gone = 0");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut out = Vec::with_capacity(seqs.len());
    for seq in seqs {
        if let Some(c) = stmt.query_row([seq], from_row).optional()? {
            out.push(with_lists(conn, c)?);
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
    let all = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    all.into_iter().map(|c| with_lists(conn, c)).collect()
}

/// Short unique forms of these ids, for tables.
pub fn short_ids(conn: &Connection, ids: &[String]) -> Result<Vec<String>> {
    records::short_ids(conn, &CONTACTS, ids)
}

/// One page of contacts in reading order, each with its key: the rows only, without their
/// lists (the list shows names and companies; the selected card is read whole).
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

/// Remembers match keys for a contact (its own, or those of a card merged into it).
pub(crate) fn remember_keys(conn: &Connection, id: &str, keys: &MatchKeys) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO contact_keys (kind, key, contact_id) VALUES (?1, ?2, ?3)",
    )?;
    for (kind, key) in keys.rows() {
        stmt.execute(params![kind, key, id])?;
    }
    Ok(())
}

/// Remembers the match keys of every contact from `seq` on, in one pass sorted like the key
/// table: the same rows `remember_keys` writes one contact at a time.
pub(crate) fn remember_keys_from(conn: &Connection, seq: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO contact_keys (kind, key, contact_id)
         SELECT kind, key, id FROM (
             SELECT CASE v.channel WHEN 'email' THEN 'email' ELSE 'mobile' END AS kind,
                    v.match_key AS key, c.id AS id
             FROM contacts c JOIN contact_values v ON v.contact_id = c.id
             WHERE c.seq >= ?1 AND v.match_key IS NOT NULL AND v.gone = 0
             UNION ALL
             SELECT 'name', name_key, id FROM contacts WHERE seq >= ?1 AND name_key IS NOT NULL)
         ORDER BY kind, key, id",
    )?
    .execute([seq])?;
    Ok(())
}

/// A card made or merged into contact `id`: its keys find that contact from now on.
pub fn take_keys(w: &mut Writer<'_>, id: &str, keys: &MatchKeys) -> Result<()> {
    match w.pending_keys_mut() {
        Some(pending) => {
            for (kind, key) in keys.rows() {
                pending.add(kind, key, id);
            }
            Ok(())
        }
        None => remember_keys(w.conn(), id, keys),
    }
}

/// Remembers that the card with this fingerprint went to contact `id`.
pub fn take_card(w: &mut Writer<'_>, id: &str, fingerprint: &str) -> Result<()> {
    take_key(w, "card", fingerprint, id)
}

/// Remembers that the card with this `UID` (vCard) went to contact `id`.
pub fn take_uid(w: &mut Writer<'_>, id: &str, uid: &str) -> Result<()> {
    take_key(w, "uid", uid.trim(), id)
}

fn take_key(w: &mut Writer<'_>, kind: &'static str, key: &str, id: &str) -> Result<()> {
    if let Some(pending) = w.pending_keys_mut() {
        pending.add(kind, key, id);
        return Ok(());
    }
    w.conn()
        .prepare_cached(
            "INSERT OR IGNORE INTO contact_keys (kind, key, contact_id) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![kind, key, id])?;
    Ok(())
}

/// Match keys an import gave contacts, kept in memory until its commit (see
/// `Writer::defer_contact_keys`): by key for lookups, and as rows to write.
#[derive(Debug, Default)]
pub struct PendingKeys {
    /// kind → key → contacts.
    by_key: std::collections::HashMap<&'static str, std::collections::HashMap<String, Vec<String>>>,
    /// The key table was empty when the import began: every key is here, and lookups need
    /// not ask the database (a first import into a new database).
    complete: bool,
}

impl PendingKeys {
    /// Keys waiting for the commit of a transaction on `conn`.
    pub(crate) fn new(conn: &Connection) -> Result<PendingKeys> {
        let any: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM contact_keys)", [], |r| {
            r.get(0)
        })?;
        Ok(PendingKeys {
            by_key: std::collections::HashMap::new(),
            complete: !any,
        })
    }

    fn add(&mut self, kind: &'static str, key: &str, id: &str) {
        let keys = self.by_key.entry(kind).or_default();
        let ids = match keys.get_mut(key) {
            Some(ids) => ids,
            None => keys.entry(key.to_string()).or_default(),
        };
        if !ids.iter().any(|i| i == id) {
            ids.push(id.to_string());
        }
    }

    /// The contacts a key went to in this import, in the order it went to them.
    fn get(&self, kind: &'static str, key: &str) -> &[String] {
        self.by_key
            .get(kind)
            .and_then(|keys| keys.get(key))
            .map_or(&[], Vec::as_slice)
    }

    /// Writes the keys, sorted like the key table.
    pub(crate) fn write(self, conn: &Connection) -> Result<()> {
        let mut rows: Vec<(&'static str, String, String)> = self
            .by_key
            .into_iter()
            .flat_map(|(kind, keys)| {
                keys.into_iter().flat_map(move |(key, ids)| {
                    ids.into_iter().map(move |id| (kind, key.clone(), id))
                })
            })
            .collect();
        rows.sort();
        // Many rows a statement: one statement a key would cost more than the inserts.
        const ROWS: usize = 256;
        let full = keys_insert_sql(ROWS);
        for chunk in rows.chunks(ROWS) {
            let sql = if chunk.len() == ROWS {
                full.clone()
            } else {
                keys_insert_sql(chunk.len())
            };
            let params: Vec<&dyn rusqlite::ToSql> = chunk
                .iter()
                .flat_map(|(kind, key, id)| {
                    [
                        kind as &dyn rusqlite::ToSql,
                        key as &dyn rusqlite::ToSql,
                        id,
                    ]
                })
                .collect();
            conn.prepare_cached(&sql)?.execute(params.as_slice())?;
        }
        Ok(())
    }
}

/// `INSERT OR IGNORE INTO contact_keys ... VALUES (?, ?, ?), ...` for `rows` keys.
fn keys_insert_sql(rows: usize) -> String {
    let tuples = (0..rows)
        .map(|r| format!("(?{}, ?{}, ?{})", 3 * r + 1, 3 * r + 2, 3 * r + 3))
        .collect::<Vec<_>>()
        .join(", ");
    format!("INSERT OR IGNORE INTO contact_keys (kind, key, contact_id) VALUES {tuples}")
}

/// The contacts a key went to in this import (none outside one).
fn pending<'w>(w: &'w Writer<'_>, kind: &'static str, key: &str) -> &'w [String] {
    w.pending_keys().map_or(&[], |p| p.get(kind, key))
}

/// Whether the key table may hold keys the import does not know.
fn ask_database(w: &Writer<'_>) -> bool {
    w.pending_keys().is_none_or(|p| !p.complete)
}

/// The values a contact had and no longer has, by channel and key.
pub fn removed_values(conn: &Connection, id: &str) -> Result<Vec<(Channel, String)>> {
    Ok(contact_values::removed_of(conn, id)?
        .into_iter()
        .map(|(channel, value, _, _)| (channel, channel.key_of(&value)))
        .collect())
}

/// The live contacts that have this email address (compared without case), oldest first.
pub fn with_email(conn: &Connection, email: &str) -> Result<Vec<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT DISTINCT c.id FROM contact_values v JOIN contacts c ON c.id = v.contact_id
             WHERE v.channel = 'email' AND v.gone = 0 AND lower(v.value) = lower(?1) AND c.gone = 0
             ORDER BY c.seq",
        )?
        .query_map([email.trim()], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// The `UID`s of the cards that went to contact `id` (the ids other address books know it by).
pub fn external_ids(conn: &Connection, id: &str) -> Result<Vec<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT key FROM contact_keys WHERE kind = 'uid' AND contact_id = ?1 ORDER BY key",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// The live contact a card with this `UID` is: one leadtrack exported (its UID is the
/// contact's id), or one a card with the same UID went to before. A deleted contact is never
/// brought back by a card.
pub fn card_by_uid(w: &Writer<'_>, uid: &str) -> Result<Option<(String, MatchReason)>> {
    let conn = w.conn();
    let uid = uid.trim();
    if let Some(Some(true)) = crate::model::ids::is_id_prefix(uid)
        .then(|| exists(conn, uid))
        .transpose()?
    {
        return Ok(Some((uid.to_string(), MatchReason::SameId)));
    }
    Ok(conn
        .prepare_cached(
            "SELECT k.contact_id FROM contact_keys k JOIN contacts c ON c.id = k.contact_id
             WHERE k.kind = 'uid' AND k.key = ?1 AND c.gone = 0 ORDER BY c.seq LIMIT 1",
        )?
        .query_row([uid], |r| r.get::<_, String>(0))
        .optional()?
        .or_else(|| pending(w, "uid", uid).first().cloned())
        .map(|id| (id, MatchReason::SameUid)))
}

/// The live contact a card with this fingerprint went to before, if any.
pub fn card_seen(w: &Writer<'_>, fingerprint: &str) -> Result<Option<String>> {
    if !ask_database(w) {
        return Ok(pending(w, "card", fingerprint).first().cloned());
    }
    Ok(w.conn()
        .prepare_cached(
            "SELECT k.contact_id FROM contact_keys k JOIN contacts c ON c.id = k.contact_id
             WHERE k.kind = 'card' AND k.key = ?1 AND c.gone = 0 ORDER BY c.seq LIMIT 1",
        )?
        .query_row([fingerprint], |r| r.get(0))
        .optional()?
        .or_else(|| pending(w, "card", fingerprint).first().cloned()))
}

/// Why a card is taken for an existing contact (名寄せ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchReason {
    SameId,
    /// A card with the same `UID` was read before.
    SameUid,
    /// This very card was read before.
    SameCard,
    SameEmail,
    SameMobile,
    SameNameAndCompany,
    /// Same name, no company on either card, and nothing (email, mobile) that differs.
    SameName,
}

impl MatchReason {
    pub fn words(self) -> &'static str {
        match self {
            MatchReason::SameId => "same id",
            MatchReason::SameUid => "same card UID",
            MatchReason::SameCard => "the same card again",
            MatchReason::SameEmail => "same email",
            MatchReason::SameMobile => "same mobile number",
            MatchReason::SameNameAndCompany => "same name and company",
            MatchReason::SameName => "same name, nothing that differs",
        }
    }

    pub fn words_ja(self) -> &'static str {
        match self {
            MatchReason::SameId => "同じID",
            MatchReason::SameUid => "同じ名刺UID",
            MatchReason::SameCard => "同じ名刺をもう一度",
            MatchReason::SameEmail => "同じメール",
            MatchReason::SameMobile => "同じ携帯番号",
            MatchReason::SameNameAndCompany => "同じ氏名と会社名",
            MatchReason::SameName => "同じ氏名、食い違う項目なし",
        }
    }
}

/// The live contact these keys say is the same person, and why: email first, then mobile,
/// then name with company (a name without a company only where email and mobile agree).
/// Among contacts with the key, one that has it now comes before one that took it in from a
/// card, then the oldest; keys an import gave contacts (waiting for its commit) count as
/// had now.
pub fn find_match(w: &Writer<'_>, keys: &MatchKeys) -> Result<Option<(String, MatchReason)>> {
    let conn = w.conn();
    let lookups = keys
        .emails
        .iter()
        .map(|k| ("email", k, MatchReason::SameEmail))
        .chain(
            keys.mobiles
                .iter()
                .map(|k| ("mobile", k, MatchReason::SameMobile)),
        );
    let ask = ask_database(w);
    for (kind, key, reason) in lookups {
        if !ask {
            if let Some(id) = pending(w, kind, key).first() {
                return Ok(Some((id.clone(), reason)));
            }
            continue;
        }
        let found: Option<(String, bool)> = conn
            .prepare_cached(
                "SELECT k.contact_id, EXISTS (SELECT 1 FROM contact_values v
                                              WHERE v.contact_id = c.id AND v.match_key = ?2 AND v.gone = 0)
                 FROM contact_keys k JOIN contacts c ON c.id = k.contact_id
                 WHERE k.kind = ?1 AND k.key = ?2 AND c.gone = 0
                 ORDER BY 2 DESC, c.seq LIMIT 1",
            )?
            .query_row([kind, key], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let waiting = pending(w, kind, key).first();
        let id = match (found, waiting) {
            (Some((id, true)), _) => Some(id),
            (_, Some(id)) => Some(id.clone()),
            (Some((id, false)), None) => Some(id),
            (None, None) => None,
        };
        if let Some(id) = id {
            return Ok(Some((id, reason)));
        }
    }
    let Some(name_key) = keys.name_company.as_deref() else {
        return Ok(None);
    };
    let mut candidates: Vec<String> = if ask {
        conn.prepare_cached(
            "SELECT c.id FROM contact_keys k JOIN contacts c ON c.id = k.contact_id
             WHERE k.kind = 'name' AND k.key = ?1 AND c.gone = 0
             ORDER BY ifnull(c.name_key = ?1, 0) DESC, c.seq",
        )?
        .query_map([name_key], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?
    } else {
        Vec::new()
    };
    for id in pending(w, "name", name_key) {
        if !candidates.contains(id) {
            candidates.push(id.clone());
        }
    }
    for id in candidates {
        if !keys.name_only() {
            return Ok(Some((id, MatchReason::SameNameAndCompany)));
        }
        let theirs = keys_now(conn, &id)?;
        if !tell_apart(&theirs, keys) {
            return Ok(Some((id, MatchReason::SameName)));
        }
    }
    Ok(None)
}

/// The email addresses (folded) and mobile numbers (digits) a live contact has now.
fn keys_now(conn: &Connection, id: &str) -> Result<MatchKeys> {
    let lists = contact_values::lists_of(conn, id)?;
    let emails: Vec<&str> = lists
        .get(&Channel::Email)
        .into_iter()
        .flatten()
        .map(|v| v.value.as_str())
        .collect();
    let mobiles: Vec<&str> = lists
        .get(&Channel::Phone)
        .into_iter()
        .flatten()
        .filter(|v| PhoneSlot::of(v.kind) == PhoneSlot::Mobile)
        .map(|v| v.value.as_str())
        .collect();
    Ok(crate::model::contact::match_keys(
        None, None, None, &emails, &mobiles,
    ))
}

/// Whether email addresses or mobile numbers say two people with one name are two people:
/// both have some and they share none.
fn tell_apart(a: &MatchKeys, b: &MatchKeys) -> bool {
    let differ = |x: &[String], y: &[String]| {
        !x.is_empty() && !y.is_empty() && !x.iter().any(|k| y.contains(k))
    };
    differ(&a.any_emails, &b.any_emails) || differ(&a.mobiles, &b.mobiles)
}

/// Whether a contact row with this id exists at all (deleted ones too): ids from another
/// copy are reused only when free.
pub fn exists(conn: &Connection, id: &str) -> Result<Option<bool>> {
    Ok(conn
        .prepare_cached("SELECT gone FROM contacts WHERE id = ?1")?
        .query_row([id], |r| r.get::<_, i64>(0))
        .optional()?
        .map(|gone| gone == 0))
}

/// Pairs of live contacts that look like one person: (older, newer, why), at most `limit`.
pub fn duplicate_pairs(
    conn: &Connection,
    limit: usize,
) -> Result<Vec<(String, String, MatchReason)>> {
    let limit_i = i64::try_from(limit).unwrap_or(i64::MAX);
    let mut out: Vec<(String, String, MatchReason)> = Vec::new();
    let push = |out: &mut Vec<(String, String, MatchReason)>, a: String, b: String, reason| {
        if !out.iter().any(|(x, y, _)| *x == a && *y == b) {
            out.push((a, b, reason));
        }
    };
    for (channel, reason) in [
        ("email", MatchReason::SameEmail),
        ("phone", MatchReason::SameMobile),
    ] {
        let pairs: Vec<(String, String)> = conn
            .prepare_cached(
                "SELECT ca.id, cb.id
                 FROM contact_values a
                 JOIN contact_values b ON b.match_key = a.match_key AND b.gone = 0
                 JOIN contacts ca ON ca.id = a.contact_id
                 JOIN contacts cb ON cb.id = b.contact_id
                 WHERE a.channel = ?1 AND a.match_key IS NOT NULL AND a.gone = 0
                   AND ca.gone = 0 AND cb.gone = 0 AND cb.seq > ca.seq
                 GROUP BY ca.seq, cb.seq ORDER BY ca.seq, cb.seq LIMIT ?2",
            )?
            .query_map(params![channel, limit_i], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (a, b) in pairs {
            push(&mut out, a, b, reason);
        }
    }
    let pairs: Vec<(String, String, String)> = conn
        .prepare_cached(
            "SELECT a.id, b.id, a.name_key
             FROM contacts a JOIN contacts b ON b.name_key = a.name_key AND b.seq > a.seq
             WHERE a.name_key IS NOT NULL AND a.gone = 0 AND b.gone = 0
             ORDER BY a.seq, b.seq LIMIT ?1",
        )?
        .query_map([limit_i], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (a, b, key) in pairs {
        let mut reason = MatchReason::SameNameAndCompany;
        if key.ends_with('|') {
            // A name alone: only when nothing else says they are two people.
            if tell_apart(&keys_now(conn, &a)?, &keys_now(conn, &b)?) {
                continue;
            }
            reason = MatchReason::SameName;
        }
        push(&mut out, a, b, reason);
    }
    out.truncate(limit);
    Ok(out)
}

/// Calls `f` with every live contact in reading order, one at a time (exports).
pub fn each(conn: &Connection, mut f: impl FnMut(Contact) -> Result<()>) -> Result<()> {
    let sql = format!("SELECT {COLUMNS} FROM contacts WHERE gone = 0 ORDER BY sort_key");
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        f(with_lists(conn, from_row(row)?)?)?;
    }
    Ok(())
}
