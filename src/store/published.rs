//! A published team file read where it lies, without copying it: what it says about itself
//! (publisher, generation, what it has taken in from whom), merging only the rows it changed
//! since this database last took it in, and a new rep's database made from it whole.
//!
//! The file is opened read-only. A publisher replaces the team file by renaming a new one over
//! it, so an open file never changes under the reader; a sync tool that writes in place
//! instead is caught by the file's identity (device, inode, size, modification time), read
//! before and again before the merge commits.

use super::{Store, Writer, generation, merge, migrations, read_meta, uri_path, write_meta};
use crate::error::{Error, Result};
use crate::i18n::{Arg, io_reason};
use rusqlite::{Connection, OpenFlags};
use std::collections::HashMap;
use std::path::Path;

/// What a team file says about itself.
#[derive(Debug, Clone, Default)]
pub struct Published {
    pub schema_version: i64,
    pub team_id: Option<String>,
    /// The database that published it, and its generation then.
    pub node: Option<String>,
    pub generation: i64,
    /// For each database it has taken a file of, the generation of that file.
    pub seen: HashMap<String, i64>,
    /// Whether it belongs to a team more than one database has published to (see `joined`).
    pub joined: bool,
    /// The team file its publisher's database was made from when it joined, if it was: its
    /// rows touched at or before that file's generation are that file's.
    pub adopted: Option<Basis>,
    /// The reps its publisher found with a clock far ahead of its own.
    pub clocks_far_ahead: Vec<crate::model::clock::FarAhead>,
    identity: Identity,
}

/// Which file a path named when it was read, to notice it being rewritten meanwhile.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Identity {
    dev: u64,
    ino: u64,
    len: u64,
    modified: Option<std::time::SystemTime>,
}

impl Identity {
    /// As text, to know the file again in a later round.
    fn text(&self) -> String {
        let modified = self
            .modified
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        format!("{} {} {} {modified}", self.dev, self.ino, self.len)
    }
}

fn identity(path: &Path, shown: &str) -> Result<Identity> {
    let meta = std::fs::metadata(path).map_err(|e| {
        Error::said(
            "error-cannot-read",
            [
                ("path", Arg::from(shown.to_string())),
                ("reason", io_reason(&e)),
            ],
        )
    })?;
    #[cfg(unix)]
    let (dev, ino) = {
        use std::os::unix::fs::MetadataExt;
        (meta.dev(), meta.ino())
    };
    #[cfg(not(unix))]
    let (dev, ino) = (0, 0);
    Ok(Identity {
        dev,
        ino,
        len: meta.len(),
        modified: meta.modified().ok(),
    })
}

/// The meta key of the generation a database took in of `node`'s files.
fn seen_key(node: &str) -> String {
    format!("seen:{node}")
}

/// A read-only connection to the file at `path`.
fn open_read_only(path: &Path, shown: &str) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        format!("file:{}?mode=ro", uri_path(path)),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
    )
    .map_err(|e| Error::from(e).at_path(shown))?;
    super::harden(&conn).map_err(|e| migrations::unreadable(e, shown))?;
    Ok(conn)
}

/// Whether the file is as long as its header says: a copy a sync tool cut short is damaged,
/// whichever pages a round reads of it.
fn whole(path: &Path, shown: &str, len: u64) -> Result<()> {
    use std::io::Read;
    let mut header = [0u8; 100];
    let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut header));
    if read.is_err() || &header[..16] != super::SQLITE_MAGIC {
        return Err(Error::NotLeadtrack {
            path: shown.to_string(),
        });
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let pages = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    // The page count is valid when the change counter matches "version valid for".
    let valid = header[24..28] == header[92..96];
    if valid && pages * page_size != len {
        return Err(Error::Corrupt {
            path: shown.to_string(),
            detail: Arg::in_each(|l| crate::tr!(l, "detail-cut-short")),
        });
    }
    Ok(())
}

/// Reads what the team file at `path` says about itself, without writing a byte of it.
/// A file that is not a leadtrack database, is cut short or is from a newer leadtrack is
/// refused.
pub fn read_published(path: &Path, shown: &str) -> Result<Published> {
    let identity = identity(path, shown)?;
    whole(path, shown, identity.len)?;
    let conn = open_read_only(path, shown)?;
    let version = match migrations::inspect(&conn, shown)? {
        migrations::Found::Empty => {
            return Err(Error::NotLeadtrack {
                path: shown.to_string(),
            });
        }
        migrations::Found::Leadtrack(v) => v,
    };
    let at = |e: Error| e.at_path(shown);
    let mut seen = HashMap::new();
    {
        let mut stmt = conn
            .prepare("SELECT key, value FROM meta WHERE key LIKE 'seen:%'")
            .map_err(|e| at(e.into()))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(|e| at(e.into()))?;
        for row in rows {
            let (key, value) = row.map_err(|e| at(e.into()))?;
            if let (Some(node), Ok(generation)) = (key.strip_prefix("seen:"), value.parse()) {
                seen.insert(node.to_string(), generation);
            }
        }
    }
    Ok(Published {
        schema_version: version,
        team_id: read_meta(&conn, "team_id").map_err(at)?,
        node: read_meta(&conn, "node").map_err(at)?,
        generation: generation::current(&conn).map_err(at)?,
        seen,
        joined: read_meta(&conn, "team_joined").map_err(at)?.is_some(),
        adopted: read_meta(&conn, "adopted")
            .map_err(at)?
            .as_deref()
            .and_then(Basis::parse),
        clocks_far_ahead: super::clock_notes::read(&conn).map_err(at)?,
        identity,
    })
}

impl Published {
    /// Whether this file holds everything the file `basis` held (it is that file or a later
    /// one of the same database, or it took that database's file in at or after it).
    pub fn holds(&self, basis: &Basis) -> bool {
        self.node.as_deref() == Some(basis.node.as_str()) && self.generation >= basis.generation
            || self
                .seen
                .get(&basis.node)
                .is_some_and(|&g| g >= basis.generation)
    }

    /// Checks the whole file (`quick_check`): before a round reads all of it or makes a new
    /// rep's database of it, and when a file that says it is one already taken in is not the
    /// file that was (delivered again, or damaged since). A round that reads only what
    /// changed relies on SQLite's checks of the pages it reads.
    pub fn check_whole(&self, path: &Path, shown: &str) -> Result<()> {
        let conn = open_read_only(path, shown)?;
        let problems =
            super::quick_check(&conn, None).map_err(|e| Error::from(e).at_path(shown))?;
        if problems != ["ok"] {
            return Err(Error::Corrupt {
                path: shown.to_string(),
                detail: Arg::quoted(super::one_line(&problems)),
            });
        }
        Ok(())
    }

    /// Whether the file at `path` is still the one read.
    fn unchanged(&self, path: &Path, shown: &str) -> Result<()> {
        if identity(path, shown)? == self.identity {
            Ok(())
        } else {
            Err(Error::said(
                "error-team-file-changed-while-read",
                [("path", shown)],
            ))
        }
    }
}

/// Remembers having taken in `node`'s file at `generation`, unless a later one was.
fn raise_seen(conn: &Connection, node: &str, generation: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value
         WHERE CAST(excluded.value AS INTEGER) > CAST(meta.value AS INTEGER)",
        [seen_key(node), generation.to_string()],
    )?;
    Ok(())
}

/// The team file this database last held nothing beyond: its publisher and generation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Basis {
    pub node: String,
    pub generation: i64,
}

impl Basis {
    /// `node generation`, as kept in `meta`.
    fn text(&self) -> String {
        format!("{} {}", self.node, self.generation)
    }

    fn parse(text: &str) -> Option<Basis> {
        let (node, generation) = text.split_once(' ')?;
        Some(Basis {
            node: node.to_string(),
            generation: generation.parse().ok()?,
        })
    }
}

impl Store {
    /// The generation of `node`'s file this database last took in.
    pub fn seen(&self, node: &str) -> Result<Option<i64>> {
        Ok(read_meta(&self.conn, &seen_key(node))?.and_then(|v| v.parse().ok()))
    }

    /// The team file this database holds nothing beyond, if it has not changed since: its
    /// generation has not moved since it matched that file.
    pub fn clean_basis(&self) -> Result<Option<Basis>> {
        let at = read_meta(&self.conn, "basis_generation")?.and_then(|v| v.parse::<i64>().ok());
        if at != Some(generation::current(&self.conn)?) {
            return Ok(None);
        }
        Ok(read_meta(&self.conn, "basis")?
            .as_deref()
            .and_then(Basis::parse))
    }

    /// The generation of `published`'s publisher after which its rows are new here: the
    /// one this database last took in of its files; or, for a database made from a team
    /// file this one holds, that file's generation (its rows touched up to it are that
    /// file's); none when everything must be read.
    pub fn read_since(&self, published: &Published) -> Result<Option<i64>> {
        let node = published.node.as_deref().unwrap_or_default();
        if let Some(seen) = self.seen(node)? {
            return Ok(Some(seen));
        }
        let Some(adopted) = &published.adopted else {
            return Ok(None);
        };
        let held = self
            .seen(&adopted.node)?
            .is_some_and(|g| g >= adopted.generation);
        Ok(held.then_some(adopted.generation))
    }

    /// Whether the team file read is the very file this database last took in or published.
    pub fn knows_file(&self, published: &Published) -> Result<bool> {
        Ok(read_meta(&self.conn, "team_file_identity")?.as_deref()
            == Some(published.identity.text().as_str()))
    }

    /// Remembers the team file at `path` as the one this database last took in or published.
    pub fn note_team_file(&mut self, path: &Path, shown: &str) -> Result<()> {
        let known = identity(path, shown)?;
        write_meta(&self.conn, "team_file_identity", &known.text())
    }

    /// Whether this database belongs to a team that more than one database has published to.
    pub fn joined(&self) -> Result<bool> {
        Ok(read_meta(&self.conn, "team_joined")?.is_some())
    }

    /// Merges, where it lies, what the team file at `path` changed after its publisher's
    /// generation `since` (see `read_since`; all of it without), in one transaction that also remembers having
    /// taken it in. When this database held nothing beyond the last team file (`clean`) and
    /// the new one holds that, the new one becomes the basis.
    pub fn merge_published(
        &mut self,
        path: &Path,
        shown: &str,
        published: &Published,
        since: Option<i64>,
        clean: bool,
    ) -> Result<merge::MergeCounts> {
        let node = published.node.clone().unwrap_or_default();
        let uri = format!("file:{}?mode=ro", uri_path(path));
        let generation = published.generation;
        self.merge_from(&uri, shown, |w| {
            let counts = merge::merge_attached_since(w, since)?;
            published.unchanged(path, shown)?;
            // What the file had taken in of others is now here too.
            for (other, &at) in &published.seen {
                raise_seen(w.conn(), other, at)?;
            }
            if !node.is_empty() {
                raise_seen(w.conn(), &node, generation)?;
                if clean {
                    w.basis_at_commit(Basis {
                        node: node.clone(),
                        generation,
                    });
                }
            }
            Ok(counts)
        })
    }

    /// Remembers that the team file just published from this database (at `generation`)
    /// holds everything in it as of that generation.
    pub fn note_published(&mut self, generation: i64) -> Result<()> {
        let node = self.author.node.clone();
        let tx = self.conn.transaction()?;
        write_meta(&tx, &seen_key(&node), &generation.to_string())?;
        write_basis(&tx, &Basis { node, generation }, generation)?;
        tx.commit()?;
        Ok(())
    }

    /// Marks this database as one of a team that others publish to too.
    pub fn note_joined(&mut self) -> Result<()> {
        write_meta(&self.conn, "team_joined", "1")
    }

    /// Whether this database has no records at all (a new rep's, before a first round).
    pub fn has_no_records(&self) -> Result<bool> {
        holds_no_records(&self.conn)
    }

    /// How many leads, contacts and activities this database holds.
    pub fn record_count(&self) -> Result<usize> {
        let n: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM leads) + (SELECT count(*) FROM contacts)
                  + (SELECT count(*) FROM activities)",
            [],
            |r| r.get(0),
        )?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Makes this empty database a copy of the team file at `path`, page by page (a new rep
    /// joining): then gives it its own node and makes it a working copy, not a team file.
    pub fn adopt_published(
        &mut self,
        path: &Path,
        shown: &str,
        published: &Published,
    ) -> Result<()> {
        let source = open_read_only(path, shown)?;
        self.copy_pages_from(&source)
            .map_err(|e| Error::from(e).at_path(shown))?;
        published.unchanged(path, shown)?;
        drop(source);
        let made_from = Basis {
            node: published.node.clone().unwrap_or_default(),
            generation: published.generation,
        };
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM meta WHERE key IN ('role', 'node')", [])?;
        write_meta(
            &tx,
            &seen_key(&made_from.node),
            &made_from.generation.to_string(),
        )?;
        write_meta(&tx, "adopted", &made_from.text())?;
        write_basis(&tx, &made_from, generation::current(&tx)?)?;
        write_meta(&tx, "team_joined", "1")?;
        tx.commit()?;
        // After that commit: the file itself never says it is a team file (a round that
        // finds it in the team folder reads the file alone, not its WAL).
        self.back_to_wal()?;
        self.author.node = super::node_id(&mut self.conn)?;
        Ok(())
    }
}

impl Writer<'_> {
    /// At commit, once this transaction's generation is settled, remembers that the
    /// database holds nothing beyond the team file `basis`.
    pub(crate) fn basis_at_commit(&mut self, basis: Basis) {
        self.basis_at_commit = Some(basis);
    }
}

/// Whether the database on `conn` holds no records at all.
pub(crate) fn holds_no_records(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT NOT EXISTS (SELECT 1 FROM leads) AND NOT EXISTS (SELECT 1 FROM contacts)
            AND NOT EXISTS (SELECT 1 FROM activities)",
        [],
        |r| r.get(0),
    )?)
}

/// Remembers that this database, at its generation `at`, holds nothing beyond the team
/// file `basis`.
pub(crate) fn write_basis(conn: &Connection, basis: &Basis, at: i64) -> Result<()> {
    write_meta(conn, "basis", &basis.text())?;
    write_meta(conn, "basis_generation", &at.to_string())
}
