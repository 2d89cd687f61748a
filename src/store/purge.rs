//! Erasing a person for privacy (`contact delete --purge`, SPEC §8).
//!
//! A delete keeps a tombstone and the history, so team copies agree and it can be undone. A
//! purge removes the person's data from the file: the contact record, its history, its tags'
//! marks, its match keys, its places on leads and its search entry; activities stay on their
//! leads without the contact. Only the id is kept, in `purged`, so merging a copy that still
//! holds the contact erases it there instead of bringing it back.

use super::records::{ACTIVITIES, CONTACTS};
use super::search::{self, Index};
use super::{Store, Writer, records};
use crate::error::{Error, Result};
use rusqlite::types::Value;
use rusqlite::{Connection, params};

/// What a purge removed.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Purged {
    /// History entries of the contact and of its places on leads.
    pub history: usize,
    /// Places on leads.
    pub links: usize,
    /// Activities that now name no contact.
    pub activities_unlinked: usize,
}

/// Purges the contact `id` (live or deleted) inside `w`'s transaction.
pub fn purge_contact(w: &mut Writer<'_>, id: &str) -> Result<Purged> {
    if records::read_state(w.conn(), &CONTACTS, id)?.is_none() {
        return Err(Error::NotFound {
            kind: "contact",
            prefix: id.to_string(),
        });
    }
    // The activities change through stamped edits, so every copy ends with the same value.
    let activities: Vec<String> = w
        .conn()
        .prepare_cached("SELECT id FROM activities WHERE contact_id = ?1")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for activity in &activities {
        records::update(w, &ACTIVITIES, activity, &[("contact_id", Value::Null)])?;
    }
    let stamp = w.stamp();
    w.conn()
        .prepare_cached("INSERT OR IGNORE INTO purged (id, hlc) VALUES (?1, ?2)")?
        .execute(params![id, stamp.hlc.to_string()])?;
    let mut purged = erase_purged(w.conn())?;
    purged.activities_unlinked = activities.len();
    Ok(purged)
}

/// Whether anyone was ever purged here (usually no one: what looks for them can be left out).
pub(crate) fn any_purged(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM purged)", [], |r| r.get(0))?)
}

/// Erases every record of a purged contact this copy holds (after a merge brought some in):
/// the contact, its history, match keys, places on leads and search entry. Activities that
/// still name one lose the name.
pub(crate) fn erase_purged(conn: &Connection) -> Result<Purged> {
    // Nothing was ever purged: skip the scans below (every merge comes here).
    if !any_purged(conn)? {
        return Ok(Purged::default());
    }
    let seqs: Vec<i64> = conn
        .prepare_cached("SELECT seq FROM contacts WHERE id IN (SELECT id FROM purged)")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for seq in &seqs {
        search::set_document(conn, Index::Contacts, *seq, None, false)?;
    }
    let links = "SELECT id FROM lead_contacts WHERE contact_id IN (SELECT id FROM purged)";
    let values = "SELECT id FROM contact_values WHERE contact_id IN (SELECT id FROM purged)";
    let history = conn
        .prepare_cached(&format!(
            "DELETE FROM history WHERE record_id IN (SELECT id FROM purged)
             OR record_id IN ({links}) OR record_id IN ({values})"
        ))?
        .execute([])?;
    conn.prepare_cached("DELETE FROM contact_values WHERE contact_id IN (SELECT id FROM purged)")?
        .execute([])?;
    conn.prepare_cached("DELETE FROM tag_marks WHERE record_id IN (SELECT id FROM purged)")?
        .execute([])?;
    let links = conn
        .prepare_cached("DELETE FROM lead_contacts WHERE contact_id IN (SELECT id FROM purged)")?
        .execute([])?;
    conn.prepare_cached("DELETE FROM contact_keys WHERE contact_id IN (SELECT id FROM purged)")?
        .execute([])?;
    conn.prepare_cached(
        "UPDATE activities SET contact_id = NULL WHERE contact_id IN (SELECT id FROM purged)",
    )?
    .execute([])?;
    conn.prepare_cached("DELETE FROM contacts WHERE id IN (SELECT id FROM purged)")?
        .execute([])?;
    Ok(Purged {
        history,
        links,
        activities_unlinked: 0,
    })
}

impl Store {
    /// Runs a purge with SQLite's secure delete on, so the freed space is overwritten with
    /// zeros, then scrubs the file (see `scrub`): afterwards no copy of the erased bytes is
    /// left in the database file or beside it.
    pub fn purge<T>(&mut self, change: impl FnOnce(&mut Writer<'_>) -> Result<T>) -> Result<T> {
        self.conn.pragma_update(None, "secure_delete", true)?;
        let result = self.write(change);
        let scrubbed = result.is_ok().then(|| self.scrub());
        self.conn.pragma_update(None, "secure_delete", false)?;
        let value = result?;
        scrubbed.transpose()?;
        Ok(value)
    }

    /// After erasing: rewrites the contacts' search index without the erased entries (a
    /// delete only marks them), then rebuilds the whole file: secure delete zeroes the freed
    /// space, but an index keeps copies of some keys (a name's reading, an email) in its
    /// inner pages after their entries are gone, and only a rebuild drops them. Last, the
    /// write-ahead log is emptied into the file.
    pub(super) fn scrub(&self) -> Result<()> {
        let path = self.path.clone();
        let at_path = |e: rusqlite::Error| Error::from(e).at_path(&path);
        self.conn
            .execute_batch("INSERT INTO contact_search (contact_search) VALUES ('optimize')")
            .map_err(at_path)?;
        // The rebuild goes through a temporary file rather than memory: it is as large as
        // the database. Switching drops the temporary tables, made again after.
        self.conn
            .execute_batch("PRAGMA temp_store = FILE; VACUUM; PRAGMA temp_store = MEMORY;")
            .map_err(at_path)?;
        self.conn
            .execute_batch(super::search::PENDING_TABLE)
            .map_err(at_path)?;
        if !path.starts_with(':') {
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
                .map_err(at_path)?;
        }
        Ok(())
    }
}

/// Whether the attached copy `other` has purged contacts this database has not: merging it
/// erases them here, with secure delete.
pub(super) fn brings_purges(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM other.purged WHERE id NOT IN (SELECT id FROM main.purged))",
        [],
        |r| r.get(0),
    )?)
}

/// The contact a prefix names, deleted or not (a deleted contact's data is still in the file).
pub fn resolve(conn: &Connection, prefix: &str) -> Result<String> {
    records::resolve_any(conn, &CONTACTS, prefix)
}

/// Whether any record still holds `text` in a field (another contact with the same name, an
/// activity that mentions it), or a history entry or author name does: such bytes in the
/// file are not a trace of a purge.
pub fn held_elsewhere(conn: &Connection, text: &str) -> Result<bool> {
    let records = records::Table::ALL.iter().map(|t| (t.name, t.fields));
    let others: [(&str, &[&str]); 2] = [("history", &["value"]), ("authors", &["name"])];
    for (table, fields) in records.chain(others) {
        let any = fields
            .iter()
            .map(|f| format!("instr({f}, ?1) > 0"))
            .collect::<Vec<_>>()
            .join(" OR ");
        let sql = format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE {any})");
        if conn.query_row(&sql, [text], |r| r.get::<_, bool>(0))? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Which of `needles` occur anywhere in the bytes of the database file and its write-ahead
/// log. Read in blocks, so a large file needs little memory.
pub fn found_in_files(path: &std::path::Path, needles: &[&[u8]]) -> std::io::Result<Vec<bool>> {
    use std::io::Read;
    let mut found = vec![false; needles.len()];
    let overlap = needles.iter().map(|n| n.len()).max().unwrap_or(0);
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    for file in [path.to_path_buf(), std::path::PathBuf::from(wal)] {
        let mut reader = match std::fs::File::open(&file) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        let mut block = vec![0u8; 4 << 20];
        let mut kept = 0;
        loop {
            let n = reader.read(&mut block[kept..])?;
            if n == 0 {
                break;
            }
            let filled = kept + n;
            for (i, needle) in needles.iter().enumerate() {
                if !found[i] && memchr::memmem::find(&block[..filled], needle).is_some() {
                    found[i] = true;
                }
            }
            // The end of this block starts the next, so a needle across the seam is found.
            kept = overlap.min(filled);
            block.copy_within(filled - kept..filled, 0);
        }
    }
    Ok(found)
}
