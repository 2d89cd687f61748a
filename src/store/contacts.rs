//! Contacts (business cards) and the keys that find duplicates among them.

use super::leads::Origin;
use super::records::{self, CONTACTS, parse_tags, tags_value, text};
use super::{Writer, search};
use crate::error::{Error, Result};
use crate::model::Contact;
use crate::model::contact::{ContactFields, MatchKeys, match_keys, sort_key};
use crate::model::dates::{format_timestamp, parse_timestamp};
use chrono::{DateTime, NaiveDate, Utc};
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
    insert_prepared(w, &prepare(card, origin)?)
}

/// A card ready to write: checked, with its row values and what is derived from them worked
/// out. `prepare` needs no database, so a bulk load can prepare the next cards on another
/// thread while this one is written.
pub struct NewContact {
    id: String,
    created_at: Option<DateTime<Utc>>,
    values: Vec<(&'static str, Value)>,
    derived: Derived,
}

pub fn prepare(card: &ContactFields, origin: &Origin) -> Result<NewContact> {
    let has_email = card.email.as_deref().is_some_and(|e| !e.trim().is_empty());
    if !card.has_name() && !has_email {
        return Err(Error::invalid("a contact needs a name or an email"));
    }
    let mut values: Vec<(&'static str, Value)> = card
        .text_fields()
        .into_iter()
        .map(|(field, v)| (field, text(v)))
        .collect();
    values.push(("exchanged_on", date_value(card.exchanged_on)));
    values.push(("tags", tags_value(card.tags.as_deref().unwrap_or(&[]))));
    // Derived straight from the values to be written: nothing to read back.
    let derived = Derived::of(&Derivable::of_values(&values), true);
    Ok(NewContact {
        id: origin.id.clone().unwrap_or_else(crate::model::ids::new_id),
        created_at: origin.created_at,
        values,
        derived,
    })
}

/// Writes a prepared contact; returns its id.
pub fn insert_prepared(w: &mut Writer<'_>, new: &NewContact) -> Result<String> {
    let stamp = w.stamp();
    let created_at = format_timestamp(&new.created_at.unwrap_or(stamp.at));
    let seq = records::insert(w, &CONTACTS, &new.id, &new.values, &stamp, &created_at)?;
    write_derived(w.conn(), seq, &new.derived, true)?;
    if !w.remember_keys_at_commit(seq) {
        remember_keys(w.conn(), &new.id, &new.derived.keys)?;
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

/// The fields a contact's derived data comes from.
#[derive(Default)]
struct Derivable<'a> {
    family_name: Option<&'a str>,
    given_name: Option<&'a str>,
    family_reading: Option<&'a str>,
    given_reading: Option<&'a str>,
    company: Option<&'a str>,
    company_reading: Option<&'a str>,
    department: Option<&'a str>,
    title: Option<&'a str>,
    email: Option<&'a str>,
    phone: Option<&'a str>,
    mobile: Option<&'a str>,
}

impl<'a> Derivable<'a> {
    fn of_contact(c: &'a Contact) -> Self {
        Derivable {
            family_name: c.family_name.as_deref(),
            given_name: c.given_name.as_deref(),
            family_reading: c.family_reading.as_deref(),
            given_reading: c.given_reading.as_deref(),
            company: c.company.as_deref(),
            company_reading: c.company_reading.as_deref(),
            department: c.department.as_deref(),
            title: c.title.as_deref(),
            email: c.email.as_deref(),
            phone: c.phone.as_deref(),
            mobile: c.mobile.as_deref(),
        }
    }

    /// From the values just written, exactly as stored.
    fn of_values(values: &'a [(&str, Value)]) -> Self {
        let mut d = Derivable::default();
        for (field, value) in values {
            let Value::Text(v) = value else { continue };
            let slot = match *field {
                "family_name" => &mut d.family_name,
                "given_name" => &mut d.given_name,
                "family_reading" => &mut d.family_reading,
                "given_reading" => &mut d.given_reading,
                "company" => &mut d.company,
                "company_reading" => &mut d.company_reading,
                "department" => &mut d.department,
                "title" => &mut d.title,
                "email" => &mut d.email,
                "phone" => &mut d.phone,
                "mobile" => &mut d.mobile,
                _ => continue,
            };
            *slot = Some(v.as_str());
        }
        d
    }

    /// A contact's searchable text: names and readings (also run together, so 佐藤花子 and
    /// さとうはなこ find 佐藤 花子), company and its reading, department, title, email, phones.
    fn search_text(&self) -> String {
        let joined =
            |a: Option<&str>, b: Option<&str>| format!("{}{}", a.unwrap_or(""), b.unwrap_or(""));
        let names = joined(self.family_name, self.given_name);
        let readings = joined(self.family_reading, self.given_reading);
        let parts = [
            self.family_name,
            self.given_name,
            Some(names.as_str()),
            self.family_reading,
            self.given_reading,
            Some(readings.as_str()),
            self.company,
            self.company_reading,
            self.department,
            self.title,
            self.email,
            self.phone,
            self.mobile,
        ];
        parts.into_iter().flatten().collect::<Vec<_>>().join(" ")
    }
}

/// Recomputes what is derived from a contact's fields: sort key, match keys, search terms.
fn refresh_derived(conn: &Connection, seq: i64, fresh: bool) -> Result<()> {
    let sql = format!("SELECT {COLUMNS}, gone FROM contacts WHERE seq = ?1");
    let row = conn
        .prepare_cached(&sql)?
        .query_row([seq], |r| Ok((from_row(r)?, r.get::<_, i64>(26)?)))
        .optional()?;
    let Some((c, gone)) = row else { return Ok(()) };
    let derived = Derived::of(&Derivable::of_contact(&c), gone == 0);
    write_derived(conn, seq, &derived, fresh)?;
    remember_keys(conn, &c.id, &derived.keys)
}

/// What is derived from a contact's fields: its sort key (without the seq that makes it
/// unique), match keys and search terms (none for a deleted contact).
struct Derived {
    sort: String,
    keys: MatchKeys,
    terms: Option<String>,
}

impl Derived {
    fn of(c: &Derivable<'_>, live: bool) -> Self {
        Derived {
            sort: sort_key(
                c.family_name,
                c.given_name,
                c.family_reading,
                c.given_reading,
                c.company,
            ),
            keys: match_keys(c.family_name, c.given_name, c.company, c.email, c.mobile),
            terms: live.then(|| search::terms_of(&c.search_text())).flatten(),
        }
    }
}

/// Writes the derived columns and search terms of the contact at `seq`; the caller
/// remembers the match keys in `contact_keys`.
fn write_derived(conn: &Connection, seq: i64, d: &Derived, fresh: bool) -> Result<()> {
    // The seq makes the key unique, so a page of contacts seeks straight to its start.
    let sort = format!("{}\u{1}{seq:012}", d.sort);
    conn.prepare_cached(
        "UPDATE contacts SET sort_key = ?2, email_key = ?3, name_key = ?4, mobile_key = ?5 WHERE seq = ?1",
    )?
    .execute(params![seq, sort, d.keys.email, d.keys.name_company, d.keys.mobile])?;
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

pub(crate) fn refresh_derived_id(conn: &Connection, id: &str) -> Result<()> {
    let seq: Option<i64> = conn
        .prepare_cached("SELECT seq FROM contacts WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    match seq {
        Some(seq) => refresh_derived(conn, seq, false),
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

/// Remembers match keys for a contact (its own, or those of a card merged into it).
pub(crate) fn remember_keys(conn: &Connection, id: &str, keys: &MatchKeys) -> Result<()> {
    for (kind, key) in [
        ("email", &keys.email),
        ("mobile", &keys.mobile),
        ("name", &keys.name_company),
    ] {
        if let Some(key) = key {
            conn.prepare_cached(
                "INSERT OR IGNORE INTO contact_keys (kind, key, contact_id) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![kind, key, id])?;
        }
    }
    Ok(())
}

/// Remembers the match keys of every contact from `seq` on, in one pass sorted like the key
/// table: the same rows `remember_keys` writes one contact at a time.
pub(crate) fn remember_keys_from(conn: &Connection, seq: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO contact_keys (kind, key, contact_id)
         SELECT kind, key, id FROM (
             SELECT 'email' AS kind, email_key AS key, id FROM contacts
              WHERE seq >= ?1 AND email_key IS NOT NULL
             UNION ALL
             SELECT 'mobile', mobile_key, id FROM contacts WHERE seq >= ?1 AND mobile_key IS NOT NULL
             UNION ALL
             SELECT 'name', name_key, id FROM contacts WHERE seq >= ?1 AND name_key IS NOT NULL)
         ORDER BY kind, key, id",
    )?
    .execute([seq])?;
    Ok(())
}

/// A card merged into contact `id`: its keys find that contact from now on.
pub fn take_keys(w: &Writer<'_>, id: &str, keys: &crate::model::contact::MatchKeys) -> Result<()> {
    remember_keys(w.conn(), id, keys)
}

/// Remembers that the card with this fingerprint went to contact `id`.
pub fn take_card(w: &Writer<'_>, id: &str, fingerprint: &str) -> Result<()> {
    w.conn()
        .prepare_cached(
            "INSERT OR IGNORE INTO contact_keys (kind, key, contact_id) VALUES ('card', ?1, ?2)",
        )?
        .execute(params![fingerprint, id])?;
    Ok(())
}

/// The live contact a card with this fingerprint went to before, if any.
pub fn card_seen(conn: &Connection, fingerprint: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT k.contact_id FROM contact_keys k JOIN contacts c ON c.id = k.contact_id
             WHERE k.kind = 'card' AND k.key = ?1 AND c.gone = 0 ORDER BY c.seq LIMIT 1",
        )?
        .query_row([fingerprint], |r| r.get(0))
        .optional()?)
}

/// Why a card is taken for an existing contact (名寄せ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchReason {
    SameId,
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
            MatchReason::SameCard => "the same card again",
            MatchReason::SameEmail => "same email",
            MatchReason::SameMobile => "same mobile number",
            MatchReason::SameNameAndCompany => "same name and company",
            MatchReason::SameName => "same name, nothing that differs",
        }
    }
}

/// The live contact these keys say is the same person, and why: email first, then mobile,
/// then name with company (a name without a company only where email and mobile agree).
pub fn find_match(
    conn: &Connection,
    keys: &crate::model::contact::MatchKeys,
) -> Result<Option<(String, MatchReason)>> {
    // The contact that holds the key now comes before one that took it in from a card.
    let lookups = [
        (
            "email",
            "email_key",
            keys.email.as_deref(),
            MatchReason::SameEmail,
        ),
        (
            "mobile",
            "mobile_key",
            keys.mobile.as_deref(),
            MatchReason::SameMobile,
        ),
    ];
    for (kind, column, key, reason) in lookups {
        let Some(key) = key else { continue };
        let sql = format!(
            "SELECT k.contact_id FROM contact_keys k JOIN contacts c ON c.id = k.contact_id
             WHERE k.kind = ?1 AND k.key = ?2 AND c.gone = 0
             ORDER BY ifnull(c.{column} = ?2, 0) DESC, c.seq LIMIT 1"
        );
        if let Some(id) = conn
            .prepare_cached(&sql)?
            .query_row([kind, key], |r| r.get::<_, String>(0))
            .optional()?
        {
            return Ok(Some((id, reason)));
        }
    }
    let Some(name_key) = keys.name_company.as_deref() else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, lower(trim(c.email)), c.mobile_key FROM contact_keys k JOIN contacts c ON c.id = k.contact_id
         WHERE k.kind = 'name' AND k.key = ?1 AND c.gone = 0 ORDER BY ifnull(c.name_key = ?1, 0) DESC, c.seq",
    )?;
    let candidates = stmt.query_map([name_key], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, Option<String>>(2)?,
        ))
    })?;
    for candidate in candidates {
        let (id, email, mobile) = candidate?;
        if !keys.name_only() {
            return Ok(Some((id, MatchReason::SameNameAndCompany)));
        }
        let email = email.map(|e| crate::model::text::fold(&e));
        let differ =
            |a: &Option<String>, b: &Option<String>| matches!((a, b), (Some(x), Some(y)) if x != y);
        if !differ(&email, &keys.any_email) && !differ(&mobile, &keys.mobile) {
            return Ok(Some((id, MatchReason::SameName)));
        }
    }
    Ok(None)
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
    let mut out: Vec<(String, String, MatchReason)> = Vec::new();
    for (column, reason) in [
        ("email_key", MatchReason::SameEmail),
        ("mobile_key", MatchReason::SameMobile),
        ("name_key", MatchReason::SameNameAndCompany),
    ] {
        let sql = format!(
            "SELECT a.id, b.id, a.{column}, lower(trim(a.email)), lower(trim(b.email)), a.mobile_key, b.mobile_key
             FROM contacts a JOIN contacts b ON b.{column} = a.{column} AND b.seq > a.seq
             WHERE a.{column} IS NOT NULL AND a.gone = 0 AND b.gone = 0 ORDER BY a.seq, b.seq LIMIT ?1"
        );
        let limit_i = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut stmt = conn.prepare(&sql)?;
        let pairs = stmt.query_map([limit_i], |r| {
            let texts = (2..7)
                .map(|i| r.get::<_, Option<String>>(i))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, texts))
        })?;
        for pair in pairs {
            let (a, b, texts) = pair?;
            let mut reason = reason;
            if column == "name_key" && texts[0].as_deref().is_some_and(|k| k.ends_with('|')) {
                // A name alone: only when nothing else says they are two people.
                let differ = |x: &Option<String>, y: &Option<String>| matches!((x, y), (Some(p), Some(q)) if p != q);
                if differ(&texts[1], &texts[2]) || differ(&texts[3], &texts[4]) {
                    continue;
                }
                reason = MatchReason::SameName;
            }
            if !out.iter().any(|(x, y, _)| *x == a && *y == b) {
                out.push((a, b, reason));
            }
        }
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
        f(from_row(row)?)?;
    }
    Ok(())
}
