//! SQLite storage: the only place that writes SQL.
//!
//! One `Store` is one open database. Reads go through `Store::conn`; every change goes
//! through `Store::write`, one `BEGIN IMMEDIATE` transaction that commits whole or not at all.

pub mod activities;
mod beside;
pub mod campaigns;
pub mod clock_notes;
pub mod contact_values;
pub mod contacts;
pub mod generation;
pub mod goals;
pub mod history;
pub mod leads;
pub(crate) mod leftovers;
pub mod links;
pub mod merge;
mod migrations;
pub mod narrowing;
pub mod paging;
pub mod published;
pub mod pulled;
pub mod purge;
pub(crate) mod records;
pub mod reports;
pub mod search;
pub mod segments;
pub mod server;
pub mod snapshot_copy;
mod stage_sql;
mod tags;
pub mod team_server;

pub use migrations::{APPLICATION_ID, LATEST as SCHEMA_VERSION};

use crate::error::{Error, Result};
use crate::i18n::{Arg, io_reason};
use crate::model::dates::format_timestamp;
use crate::model::{Hlc, Stage};
use chrono::{DateTime, Utc};
use rand::RngExt;
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a write waits for another process (the app, a script) holding the write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Who is writing: the rep's name and this database's node id (the clock's tie-breaker).
#[derive(Debug, Clone)]
pub struct Author {
    pub name: String,
    pub node: String,
}

pub struct Store {
    conn: Connection,
    path: String,
    author: Author,
    /// How far this machine's clock is off (simulating skewed machines; zero otherwise).
    clock_offset: chrono::Duration,
    /// A team file opened by name (`--db`): read-only, so looking never changes it.
    team_file: bool,
}

impl Store {
    /// Opens (creating on first use) the local database at `path`, writing as `author_name`.
    ///
    /// A file that is not a leadtrack database, or was written by a newer leadtrack, is
    /// refused before anything is written to it.
    pub fn open(path: &Path, author_name: &str) -> Result<Store> {
        let shown = path.display().to_string();
        create_private(path).map_err(|reason| Error::CannotOpen {
            path: shown.clone(),
            reason,
        })?;
        refuse_non_sqlite(path, &shown)?;
        let conn = match access(path) {
            Access::Writable => Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            ),
            // A file we may not write is opened read-only: it reads, and every change is
            // refused as "read-only" rather than the file failing to open.
            Access::NotPermitted => Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            ),
            // On a read-only mount a WAL database cannot make its shared-memory index, and
            // nothing can change the file there: SQLite reads it as immutable.
            Access::ReadOnlyMount => Connection::open_with_flags(
                format!("file:{}?immutable=1", uri_path(path)),
                OpenFlags::SQLITE_OPEN_READ_ONLY
                    | OpenFlags::SQLITE_OPEN_URI
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            ),
        }
        .map_err(|e| Error::from(e).at_path(&shown))?;
        Store::setup(conn, shown, author_name, true)
    }

    /// Whether this is a team file opened by name, read-only.
    pub fn is_team_file(&self) -> bool {
        self.team_file
    }

    /// A private database in memory (tests, scratch work).
    pub fn open_in_memory(author_name: &str) -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        Store::setup(conn, ":memory:".to_string(), author_name, false)
    }

    fn setup(mut conn: Connection, path: String, author_name: &str, wal: bool) -> Result<Store> {
        harden(&conn).map_err(|e| migrations::unreadable(e, &path))?;
        let found = migrations::inspect(&conn, &path)?;
        // A team file is the synced folder's: opened in place it is only read (no switch to
        // WAL, no -wal or -shm beside it), and rounds alone write it, whole.
        let team_file = matches!(found, migrations::Found::Leadtrack(_))
            && read_meta(&conn, "role")
                .map_err(|e| e.at_path(&path))?
                .as_deref()
                == Some(Role::Team.id());
        if team_file {
            conn.pragma_update(None, "query_only", true)?;
        }
        // A read-only file stays as it is; every write to it is refused as "read-only".
        let read_only = team_file || conn.is_readonly(rusqlite::MAIN_DB)?;
        if wal && !read_only {
            // Only now, once the file is known to be ours: switching to WAL writes to it.
            let mode: String = conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
                .map_err(|e| Error::from(e).at_path(&path))?;
            if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
                return Err(Error::CannotOpen {
                    path,
                    reason: Arg::in_each(|l| crate::tr!(l, "detail-no-wal", mode = mode.as_str())),
                });
            }
        }
        let from = match found {
            migrations::Found::Empty => 0,
            migrations::Found::Leadtrack(v) => v,
        };
        migrations::migrate(&mut conn, from, &path)?;
        let node = node_id(&mut conn).map_err(|e| e.at_path(&path))?;
        let author = Author {
            name: author_name.to_string(),
            node,
        };
        Ok(Store {
            conn,
            path,
            author,
            clock_offset: chrono::Duration::zero(),
            team_file,
        })
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The database file as given when opened (`:memory:` for a private one).
    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn author(&self) -> &Author {
        &self.author
    }

    /// Makes the changes from now on under `name` (a team server's role).
    pub fn set_author_name(&mut self, name: &str) {
        self.author.name = name.to_string();
    }

    /// The connection itself, for unit tests that watch what runs on it.
    #[cfg(test)]
    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// Makes this store's clock run `offset` off the machine's, as a machine with a skewed
    /// clock would (for simulations of a team).
    pub fn set_clock_offset(&mut self, offset: chrono::Duration) {
        self.clock_offset = offset;
    }

    /// What this machine's clock says (the time changes are dated by).
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.clock_offset
    }

    /// Runs `reading` in one read transaction: every statement in it sees the same moment
    /// of the database, however long it takes (an export streaming a million rows).
    pub fn read<T>(&self, reading: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let tx = self.conn.unchecked_transaction()?;
        let out = reading(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Runs `change` in one write transaction (`BEGIN IMMEDIATE`): it commits whole when
    /// `change` returns `Ok`, and leaves the database as it was otherwise. A read-only file,
    /// a full disk or a damaged page met on the way is reported naming the file.
    pub fn write<T>(&mut self, change: impl FnOnce(&mut Writer<'_>) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        self.transact(change).map_err(|e| e.at_path(&path))
    }

    /// `write`, with the errors of `change` as they came (a merge decides which file is at
    /// fault).
    fn transact<T>(&mut self, change: impl FnOnce(&mut Writer<'_>) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        // Said as the team file it is, to the app as to the command line: "read-only" alone
        // would send the rep looking at file permissions.
        if self.team_file {
            return Err(Error::said(
                "error-team-file-read-only",
                [("path", path.as_str())],
            ));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| Error::from(e).at_path(&path))?;
        let last = read_meta(&tx, "hlc")?.and_then(|s| s.parse().ok());
        let now = Utc::now() + self.clock_offset;
        let turn = generation::begin(&tx, Utc::now().timestamp_millis())?;
        let mut writer = Writer {
            tx,
            author: &self.author,
            last,
            issued: None,
            now,
            stale_leads: HashSet::new(),
            keys_at_commit: false,
            keys_from: None,
            pending_keys: None,
            turn: Some(turn),
            basis_at_commit: None,
            pushed_at_commit: false,
        };
        let value = change(&mut writer)?;
        writer.finish().map_err(|e| e.at_path(&path))?;
        Ok(value)
    }

    /// `write` for changes that touch much of the database (demo data, imports, merges):
    /// the page cache grows for the duration so the transaction does not spill pages to the
    /// WAL and read them back, and shrinks again afterwards (the browsing app stays small).
    pub fn write_bulk<T>(
        &mut self,
        change: impl FnOnce(&mut Writer<'_>) -> Result<T>,
    ) -> Result<T> {
        let path = self.path.clone();
        self.transact_bulk(change).map_err(|e| e.at_path(&path))
    }

    /// `write_bulk`, with the errors of `change` as they came.
    fn transact_bulk<T>(&mut self, change: impl FnOnce(&mut Writer<'_>) -> Result<T>) -> Result<T> {
        self.conn
            .execute_batch(&format!("PRAGMA main.cache_size = -{BULK_CACHE_KIB}"))?;
        // The WAL writes every page twice (to the log, then back into the file); a rollback
        // journal writes a new page once. Only possible while no one else has the file open.
        let journal = self.journal_mode("DELETE").ok();
        let result = self.transact(change);
        let back = match journal.as_deref() {
            Some(mode) if mode.eq_ignore_ascii_case("delete") => self.journal_mode("WAL").map(drop),
            _ => Ok(()),
        };
        let shrunk = self
            .conn
            .execute_batch(&format!("PRAGMA main.cache_size = -{CACHE_KIB}"));
        let value = result?;
        back?;
        shrunk?;
        Ok(value)
    }

    /// Sets the journal mode of this database only: without `main.` SQLite sets it on every
    /// attached one too (a merge source), and one that cannot change would leave this
    /// database switched and never switched back.
    /// Makes this database a page copy of `source`, in one write (a new rep's empty
    /// database taking the team's copy in). Through the WAL every page would be written
    /// twice (to the log, then into the file); with a rollback journal once. That switch is
    /// only possible while no one else has the file open (the app's other connection): then
    /// the WAL it is. `back_to_wal` ends it.
    fn copy_pages_from(&mut self, source: &Connection) -> rusqlite::Result<()> {
        let _ = self.journal_mode("DELETE");
        let backup = rusqlite::backup::Backup::new(source, &mut self.conn)?;
        copy_pages(&backup, -1, || {})
    }

    /// Back in WAL mode after `copy_pages_from`.
    fn back_to_wal(&self) -> Result<()> {
        let _mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        Ok(())
    }

    fn journal_mode(&self, mode: &str) -> Result<String> {
        Ok(self
            .conn
            .query_row(&format!("PRAGMA main.journal_mode = {mode}"), [], |r| {
                r.get(0)
            })?)
    }

    /// Runs `change` in a write transaction and always rolls it back: what it would do,
    /// without doing it (`--dry-run`).
    pub fn rehearse<T>(&mut self, change: impl FnOnce(&mut Writer<'_>) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| Error::from(e).at_path(&path))?;
        let last = read_meta(&tx, "hlc")?.and_then(|s| s.parse().ok());
        let mut writer = Writer {
            tx,
            author: &self.author,
            last,
            issued: None,
            now: Utc::now() + self.clock_offset,
            stale_leads: HashSet::new(),
            keys_at_commit: false,
            keys_from: None,
            pending_keys: None,
            turn: None,
            basis_at_commit: None,
            pushed_at_commit: false,
        };
        change(&mut writer).map_err(|e| e.at_path(&path))
    }

    /// A counter that changes whenever another connection commits (`PRAGMA data_version`).
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Leaves copying the write-ahead log back into the file to `checkpoint`, called when
    /// the app is idle: SQLite otherwise does it inside a commit once the log passes 1,000
    /// pages, and that commit (a keystroke's save) waits for it and its fsync.
    pub fn checkpoint_when_idle(&self) -> Result<()> {
        self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        Ok(())
    }

    /// Copies what the write-ahead log holds back into the database file, as far as no
    /// reader needs it (a passive checkpoint: it never waits for other connections).
    pub fn checkpoint(&self) -> Result<()> {
        if !self.path.starts_with(':') {
            self.conn
                .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
                .map_err(|e| Error::from(e).at_path(&self.path))?;
        }
        Ok(())
    }

    /// `PRAGMA integrity_check`: "ok", or the problems found.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| Error::from(e).at_path(&self.path))
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Writes a consistent copy of the database to `dest` (`VACUUM INTO`), owner-only,
    /// marked a backup: a team round never takes it for a copy of the team file.
    pub fn backup(&self, dest: &Path) -> Result<()> {
        self.copy_to(dest)?;
        mark(dest, Role::Backup).map(drop)
    }

    /// A consistent, owner-only copy of the database at `dest` (`VACUUM INTO`).
    fn copy_to(&self, dest: &Path) -> Result<()> {
        let shown = new_private_file(dest)?;
        // VACUUM INTO needs a missing or empty file; the empty private file keeps 0600.
        let dest_text = dest
            .to_str()
            .ok_or_else(|| Error::said("error-path-not-utf8", [("path", shown.as_str())]))?;
        self.conn
            .execute("VACUUM INTO ?1", [dest_text])
            .map_err(|e| {
                let _ = std::fs::remove_file(dest);
                Error::from(e).at_path(&shown)
            })?;
        Ok(())
    }

    /// A consistent, owner-only copy of the database at `dest`, page by page (SQLite's
    /// backup, all in one read transaction). Several times faster than `VACUUM INTO`,
    /// which rebuilds every table and index: what a round publishes every time.
    ///
    /// The pages go to disk a slice at a time as they are copied: written all at once, the
    /// gigabytes of a large database sat in the page cache until the end, and a save in the
    /// app meanwhile waited behind them for its own commit to reach the disk.
    fn page_copy_to(&self, dest: &Path) -> Result<()> {
        let shown = new_private_file(dest)?;
        let copied = (|| {
            // One read transaction across every slice: the copy is of one moment, and a
            // change made meanwhile by another connection does not start it over.
            let moment = self.conn.unchecked_transaction()?;
            moment.query_row("SELECT count(*) FROM meta", [], |_| Ok(()))?;
            let mut to = Connection::open(dest)?;
            let written = std::fs::File::open(dest).ok();
            copy_pages(
                &rusqlite::backup::Backup::new(&self.conn, &mut to)?,
                SLICE_PAGES,
                || {
                    if let Some(file) = &written {
                        start_writeback(file);
                    }
                },
            )?;
            moment.rollback()
        })();
        copied.map_err(|e| {
            let _ = std::fs::remove_file(dest);
            Error::from(e).at_path(&shown)
        })
    }
}

/// How many pages a snapshot copies before it sends them to disk (16 MB of 4 KB pages).
const SLICE_PAGES: i32 = 4096;

/// Starts writing what is written of `file` to disk, without waiting for it (Linux starts
/// the writeback of dirty pages on this advice; elsewhere nothing happens).
fn start_writeback(file: &std::fs::File) {
    #[cfg(target_os = "linux")]
    let _ = rustix::fs::fadvise(file, 0, None, rustix::fs::Advice::DontNeed);
    #[cfg(not(target_os = "linux"))]
    let _ = file;
}

/// Makes the empty, owner-only file a copy is written into; refuses one that exists.
/// Returns the path as shown in messages.
fn new_private_file(dest: &Path) -> Result<String> {
    let shown = dest.display().to_string();
    if dest.exists() {
        return Err(Error::said("error-file-exists", [("path", shown)]));
    }
    create_private(dest).map_err(|reason| Error::CannotOpen {
        path: shown.clone(),
        reason,
    })?;
    Ok(shown)
}

/// Runs a backup `slice` pages at a time (-1: all at once), calling `after_slice` between
/// slices, waiting while another connection holds a lock. The source's read transaction, if
/// it has one open, makes the copy of one moment; without one, one step does.
pub(crate) fn copy_pages(
    backup: &rusqlite::backup::Backup<'_, '_>,
    slice: i32,
    mut after_slice: impl FnMut(),
) -> rusqlite::Result<()> {
    use rusqlite::backup::StepResult;
    // As long as the busy timeout of every connection (BUSY_TIMEOUT), then given up.
    let mut waits = 0;
    loop {
        match backup.step(slice)? {
            StepResult::Done => return Ok(()),
            StepResult::More => after_slice(),
            _ if waits < BUSY_TIMEOUT.as_millis() / 20 => {
                waits += 1;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            _ => {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    None,
                ));
            }
        }
    }
}

/// What a copy of a database was written as, kept in its `meta` as `role`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A team file: published by a round (and any copy a sync tool makes of one).
    Team,
    /// Written by `leadtrack backup`: never merged or moved by a round.
    Backup,
}

impl Role {
    fn id(self) -> &'static str {
        match self {
            Role::Team => "team",
            Role::Backup => "backup",
        }
    }
}

/// Marks the copy at `dest` with its role; returns the connection, for more finishing.
fn mark(dest: &Path, role: Role) -> Result<Connection> {
    let shown = dest.display().to_string();
    let conn = Connection::open(dest).map_err(|e| Error::from(e).at_path(&shown))?;
    write_meta(&conn, "role", role.id()).map_err(|e| e.at_path(&shown))?;
    Ok(conn)
}

/// What a file beside the team file says it is, without changing a byte of it (opened
/// read-only and immutable), or nothing for a file that is not a readable leadtrack
/// database.
pub fn peek_role(path: &Path) -> Option<Peeked> {
    let conn = Connection::open_with_flags(
        format!("file:{}?mode=ro&immutable=1", uri_path(path)),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
    )
    .ok()?;
    // Any file may lie in a synced folder: only a leadtrack database whose `meta` is a
    // plain table is read (a hostile file's `meta` could be a view that never ends).
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)
        .ok()?;
    let app: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .ok()?;
    let meta_is_table: bool = conn
        .query_row(
            "SELECT type = 'table' FROM sqlite_schema WHERE name = 'meta'",
            [],
            |r| r.get(0),
        )
        .ok()?;
    if app != APPLICATION_ID || !meta_is_table {
        return None;
    }
    let role = match read_meta(&conn, "role").ok()?.as_deref() {
        Some("team") => Some(Role::Team),
        Some("backup") => Some(Role::Backup),
        _ => None,
    };
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .ok()?;
    Some(Peeked {
        role,
        team_id: read_meta(&conn, "team_id").ok()?,
        version,
    })
}

/// What `peek_role` found in a file.
pub struct Peeked {
    pub role: Option<Role>,
    pub team_id: Option<String>,
    version: i64,
}

impl Peeked {
    /// A database never published as a team file: a rep's own, whatever its name. Every
    /// team file published at schema 8 or later says it is one.
    pub fn never_published(&self) -> bool {
        self.role.is_none() && self.version >= MARKED_SINCE
    }
}

/// The schema from which every team file published says so in its `role`.
const MARKED_SINCE: i64 = 8;

/// The page cache of everyday use, and of bulk writes (KiB).
const CACHE_KIB: u32 = 8 * 1024;
const BULK_CACHE_KIB: u32 = 512 * 1024;

/// Pragmas and defensive settings, set explicitly on every connection.
pub(crate) fn harden(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    // Stable query plans: without this, a bound value compared against a partial index's
    // WHERE makes SQLite prepare the statement again at every run, and cached statements
    // cost as much as fresh ones.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA synchronous = FULL;
         PRAGMA trusted_schema = OFF;
         PRAGMA cell_size_check = ON;
         PRAGMA temp_store = MEMORY;",
    )?;
    conn.execute_batch(&format!("PRAGMA cache_size = -{CACHE_KIB}"))?;
    // Large sorts (an index built again after a bulk load, a merge's ordered insert) run
    // on the other cores too; small ones are not split.
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    conn.execute_batch(&format!("PRAGMA threads = {}", cores.clamp(1, 4) - 1))?;
    conn.execute_batch(search::PENDING_TABLE)?;
    contact_values::register_match_key(conn)?;
    Ok(())
}

/// Creates `path` (and its folder) readable by the owner only, if it does not exist yet.
/// SQLite gives its journal and WAL files the same permissions as the database file.
fn create_private(path: &Path) -> std::result::Result<(), Arg> {
    if path.exists() {
        return Ok(());
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| io_reason(&e))?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(io_reason(&e)),
    }
}

/// How the file may be opened by this process.
enum Access {
    Writable,
    /// No permission to write it.
    NotPermitted,
    /// On a file system mounted read-only.
    ReadOnlyMount,
}

fn access(path: &Path) -> Access {
    match std::fs::OpenOptions::new().append(true).open(path) {
        Err(e) if e.kind() == std::io::ErrorKind::ReadOnlyFilesystem => Access::ReadOnlyMount,
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Access::NotPermitted,
        _ => Access::Writable,
    }
}

/// A path as the path part of an SQLite `file:` URI: `%`, `?` and `#` escaped.
pub(crate) fn uri_path(path: &Path) -> String {
    let text = path.to_string_lossy();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            c => out.push(c),
        }
    }
    out
}

/// The first bytes of every SQLite database file.
pub(crate) const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Refuses a file that has content but is not an SQLite database. SQLite itself takes a
/// file of a few bytes for an empty database and would write a new one over it.
fn refuse_non_sqlite(path: &Path, shown: &str) -> Result<()> {
    use std::io::Read;
    let mut head = Vec::with_capacity(SQLITE_MAGIC.len());
    let read = std::fs::File::open(path)
        .and_then(|file| file.take(SQLITE_MAGIC.len() as u64).read_to_end(&mut head));
    match read {
        Ok(0) => Ok(()),
        Ok(_) if head == SQLITE_MAGIC => Ok(()),
        Ok(_) => Err(Error::NotLeadtrack {
            path: shown.to_string(),
        }),
        Err(e) => Err(Error::CannotOpen {
            path: shown.to_string(),
            reason: io_reason(&e),
        }),
    }
}

pub(crate) fn read_meta(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}

pub(crate) fn write_meta(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )?;
    Ok(())
}

/// This database's node id, made once on first open.
pub(crate) fn node_id(conn: &mut Connection) -> Result<String> {
    if let Some(node) = read_meta(conn, "node")? {
        return Ok(node);
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let node = match read_meta(&tx, "node")? {
        Some(node) => node,
        None => {
            let bytes: [u8; 6] = rand::rng().random();
            let node: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            write_meta(&tx, "node", &node)?;
            node
        }
    };
    tx.commit()?;
    Ok(node)
}

/// A clock stamp for one change: the HLC, the wall time and the author's name.
#[derive(Debug, Clone)]
pub struct Stamp {
    pub hlc: Hlc,
    pub at: DateTime<Utc>,
    pub by: String,
}

impl Stamp {
    pub fn at_text(&self) -> String {
        format_timestamp(&self.at)
    }
}

/// The definitions of indexes (or triggers) dropped for a bulk load.
#[must_use = "they must be made again with Writer::restore_indexes"]
pub struct SetAside(Vec<String>);

/// An open write transaction. Dropped without `finish`, it rolls back.
pub struct Writer<'s> {
    tx: rusqlite::Transaction<'s>,
    author: &'s Author,
    last: Option<Hlc>,
    /// The newest stamp this transaction issued for its own changes (not merely saw).
    issued: Option<Hlc>,
    now: DateTime<Utc>,
    /// Leads whose activities changed: their last activity is recounted once, at commit,
    /// rather than after every activity of a batch.
    stale_leads: HashSet<String>,
    /// Whether contacts made from now on have their match keys remembered at commit.
    keys_at_commit: bool,
    /// The first contact made since then.
    keys_from: Option<i64>,
    /// Match keys an import gave contacts, waiting for the commit (see `defer_contact_keys`).
    pending_keys: Option<contacts::PendingKeys>,
    /// This transaction's generation (none in a rehearsal, which is rolled back).
    turn: Option<generation::Turn>,
    /// The team file this database will hold nothing beyond once committed (a round).
    basis_at_commit: Option<published::Basis>,
    /// The team server will hold everything here once committed (a pull that found nothing
    /// unpushed): the push watermark moves to this transaction's generation.
    pushed_at_commit: bool,
}

impl Writer<'_> {
    pub fn conn(&self) -> &Connection {
        &self.tx
    }

    pub fn author(&self) -> &Author {
        self.author
    }

    /// A new clock stamp, newer than every stamp this database has issued or seen.
    pub fn stamp(&mut self) -> Stamp {
        let now_ms = u64::try_from(self.now.timestamp_millis()).unwrap_or(0);
        let hlc = Hlc::tick(self.last.as_ref(), now_ms, &self.author.node);
        self.last = Some(hlc.clone());
        self.issued = Some(hlc.clone());
        Stamp {
            hlc,
            at: self.now,
            by: self.author.name.clone(),
        }
    }

    /// Records the following changes as made at `at` (demo data, imports of dated records).
    /// Clock stamps stay monotonic: they never go back past a stamp already issued.
    pub fn set_now(&mut self, at: DateTime<Utc>) {
        self.now = at;
    }

    /// Takes note of a stamp made elsewhere (a merge), so later local stamps are newer.
    pub fn observe(&mut self, seen: &Hlc) {
        if self.last.as_ref().is_none_or(|last| seen > last) {
            self.last = Some(Hlc {
                node: self.author.node.clone(),
                ..seen.clone()
            });
        }
    }

    /// Drops the secondary indexes of `tables` for a bulk load into them: building an index
    /// once from sorted rows is far cheaper than keeping it in order row by row. Inside the
    /// transaction, so a rollback brings them back; `restore_indexes` rebuilds them.
    pub fn set_aside_indexes(&self, tables: &[&str]) -> Result<SetAside> {
        self.set_aside(tables, &[])
    }

    /// `set_aside_indexes`, keeping the indexes named in `kept` (those the load itself looks
    /// things up by).
    pub fn set_aside_indexes_but(&self, tables: &[&str], kept: &[&str]) -> Result<SetAside> {
        self.set_aside(tables, kept)
    }

    fn set_aside(&self, tables: &[&str], kept: &[&str]) -> Result<SetAside> {
        let mut aside = Vec::new();
        for table in tables {
            let found: Vec<(String, String)> = self
                .tx
                .prepare(
                    "SELECT name, sql FROM sqlite_schema
                     WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL",
                )?
                .query_map([table], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
                })?
                .filter(|row| {
                    row.as_ref()
                        .map_or(true, |(name, _)| !kept.contains(&name.as_str()))
                })
                .collect::<rusqlite::Result<_>>()?;
            for (name, sql) in found {
                self.tx.execute_batch(&format!("DROP INDEX \"{name}\""))?;
                aside.push(sql);
            }
        }
        Ok(SetAside(aside))
    }

    /// Sets aside the contacts' indexes that a load of `new` cards keeps in order at more
    /// cost than it takes to build them again after, when there are that many new cards for
    /// the contacts there are (an import into a new or small database). The lookups of
    /// matching keep theirs.
    pub fn set_aside_contact_indexes(&self, new: usize) -> Result<Option<SetAside>> {
        let there: i64 = self
            .tx
            .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))?;
        let new = i64::try_from(new).unwrap_or(i64::MAX);
        if new < 1_000 || new.saturating_mul(4) < there {
            return Ok(None);
        }
        self.set_aside(
            &["contacts", "contact_values"],
            &["contact_values_by_contact"],
        )
        .map(Some)
    }

    /// Drops the triggers named for a bulk load whose statement does their work itself
    /// (sets the column they would set, in the same row). `restore_indexes` makes them again.
    pub fn set_aside_triggers(&self, names: &[&str]) -> Result<SetAside> {
        let mut aside = Vec::new();
        for name in names {
            let sql: Option<String> = self
                .tx
                .query_row(
                    "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1",
                    [name],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(sql) = sql {
                self.tx.execute_batch(&format!("DROP TRIGGER \"{name}\""))?;
                aside.push(sql);
            }
        }
        Ok(SetAside(aside))
    }

    /// Rebuilds the indexes `set_aside_indexes` dropped (or the triggers
    /// `set_aside_triggers` did).
    pub fn restore_indexes(&self, aside: SetAside) -> Result<()> {
        for sql in aside.0 {
            self.tx.execute_batch(&sql)?;
        }
        Ok(())
    }

    /// Contacts made from now on have their match keys remembered at commit, in one sorted
    /// pass: one insert per key lands all over the key table, several times slower for demo
    /// data. Not for imports, which match each card against the keys of the cards before it.
    pub fn remember_contact_keys_at_commit(&mut self) {
        self.keys_at_commit = true;
    }

    /// Match keys given to contacts from now on wait in memory and are written at commit in
    /// one sorted pass (an import: one insert per key lands all over the key table, most of
    /// an import's time). Lookups see them meanwhile.
    pub fn defer_contact_keys(&mut self) -> Result<()> {
        if self.pending_keys.is_none() {
            self.pending_keys = Some(contacts::PendingKeys::new(&self.tx)?);
        }
        Ok(())
    }

    pub(crate) fn pending_keys(&self) -> Option<&contacts::PendingKeys> {
        self.pending_keys.as_ref()
    }

    pub(crate) fn pending_keys_mut(&mut self) -> Option<&mut contacts::PendingKeys> {
        self.pending_keys.as_mut()
    }

    /// Whether the keys of the contact just made (`seq`) wait for the commit.
    pub(crate) fn remember_keys_at_commit(&mut self, seq: i64) -> bool {
        if self.keys_at_commit {
            self.keys_from.get_or_insert(seq);
        }
        self.keys_at_commit
    }

    /// A lead's activities changed; its derived last activity follows at commit.
    pub(crate) fn activity_changed(&mut self, lead_id: &str) {
        if !self.stale_leads.contains(lead_id) {
            self.stale_leads.insert(lead_id.to_string());
        }
    }

    /// Recounts the last activity of the leads whose activities changed so far (otherwise
    /// done at commit).
    pub fn refresh_stale_leads(&mut self) -> Result<()> {
        let stale: Vec<String> = self.stale_leads.drain().collect();
        activities::refresh_last_activity_of(&self.tx, &stale)
    }

    fn finish(mut self) -> Result<()> {
        self.refresh_stale_leads()?;
        if let Some(seq) = self.keys_from.take() {
            contacts::remember_keys_from(&self.tx, seq)?;
        }
        if let Some(pending) = self.pending_keys.take() {
            pending.write(&self.tx)?;
        }
        search::apply_pending(&self.tx)?;
        if let Some(last) = &self.last {
            write_meta(&self.tx, "hlc", &last.to_string())?;
        }
        // The author's row says the newest stamp they made: the same on every copy.
        if let Some(last) = &self.issued {
            self.tx.execute(
                "INSERT INTO authors (node, name, hlc) VALUES (?1, ?2, ?3)
                 ON CONFLICT (node) DO UPDATE SET name = excluded.name, hlc = excluded.hlc
                 WHERE excluded.hlc > authors.hlc",
                [&self.author.node, &self.author.name, &last.to_string()],
            )?;
        }
        if let Some(turn) = self.turn.take() {
            generation::end(&self.tx, turn)?;
        }
        if let Some(basis) = self.basis_at_commit.take() {
            let at = generation::current(&self.tx)?;
            published::write_basis(&self.tx, &basis, at)?;
        }
        if self.pushed_at_commit {
            let at = generation::current(&self.tx)?;
            write_meta(&self.tx, team_server::PUSHED, &at.to_string())?;
        }
        self.tx.commit()?;
        Ok(())
    }
}

/// Read or write a value in the `meta` table (local settings such as the score basis).
pub fn meta(conn: &Connection, key: &str) -> Result<Option<String>> {
    read_meta(conn, key)
}

pub fn set_meta(w: &Writer<'_>, key: &str, value: &str) -> Result<()> {
    write_meta(w.conn(), key, value)
}

/// Record counts for `check`.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Counts {
    pub leads: i64,
    pub customers: i64,
    pub contacts: i64,
    pub activities: i64,
    pub links: i64,
    pub stage_changes: i64,
    pub history: i64,
}

pub fn counts(conn: &Connection) -> Result<Counts> {
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0));
    let closed = stage_sql::closed();
    Ok(Counts {
        leads: count(&format!(
            "SELECT count(*) FROM leads WHERE gone = 0 AND stage NOT IN ({closed})"
        ))?,
        customers: count(&format!(
            "SELECT count(*) FROM leads WHERE gone = 0 AND stage = {}",
            stage_sql::literal(Stage::Customer)
        ))?,
        contacts: count("SELECT count(*) FROM contacts WHERE gone = 0")?,
        activities: count("SELECT count(*) FROM activities WHERE gone = 0")?,
        links: count("SELECT count(*) FROM lead_contacts WHERE gone = 0")?,
        stage_changes: count("SELECT count(*) FROM stage_changes")?,
        history: count("SELECT count(*) FROM history")?,
    })
}

/// The folder a database path lives in (for messages and backups).
pub fn folder_of(path: &Path) -> PathBuf {
    path.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// What a copy of a database is, read before anything is merged from it.
#[derive(Debug, Clone, PartialEq)]
pub struct CopyInfo {
    pub schema_version: i64,
    /// The team the copy belongs to (set on team files), if any.
    pub team_id: Option<String>,
    /// Whether its team has been published to by more than one database.
    pub joined: bool,
}

/// A digest of the shared data: per table the row count and the sums of the wall-clock and
/// counter parts of each row's newest stamp, and the history and stage-change counts. After
/// merging a copy in, this database holds everything the copy holds and every row's stamp is
/// at least the copy's; so equal digests mean the copy holds everything this one does.
pub fn digest(conn: &Connection) -> Result<String> {
    let mut parts = Vec::new();
    for table in [
        "leads",
        "contacts",
        "activities",
        "lead_contacts",
        "contact_values",
        "tag_marks",
        "campaigns",
        "goals",
        "segments",
    ] {
        // A stamp past 2286 (`z` and twenty digits, see `Hlc`) adds the last twelve digits
        // of its wall time: it still changes the sum when it moves, and cannot overflow it.
        let sql = format!(
            "SELECT count(*),
                    ifnull(sum(CASE WHEN hlc GLOB 'z*' THEN CAST(substr(hlc, 10, 12) AS INTEGER)
                               ELSE CAST(substr(hlc, 1, 13) AS INTEGER) END), 0),
                    ifnull(sum(CAST(substr(hlc, CASE WHEN hlc GLOB 'z*' THEN 23 ELSE 15 END, 6)
                                    AS INTEGER)), 0) FROM {table}"
        );
        let (n, wall, counter): (i64, i64, i64) =
            conn.query_row(&sql, [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        parts.push(format!("{table}:{n}:{wall}:{counter}"));
    }
    for table in ["history", "stage_changes"] {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        parts.push(format!("{table}:{n}"));
    }
    Ok(parts.join(" "))
}

/// How much of a copy `check_copy` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyCheck {
    /// The whole file, search index included: the team file, which stays in use.
    Whole,
    /// The tables a merge reads: a copy merged once and thrown away. Its search index is
    /// never read (a merge indexes what it takes in), and checking it is most of the time a
    /// whole-file check takes at 100,000 leads.
    MergedTables,
}

/// Checks a private copy of a database: intact (`quick_check` of the whole file or of what
/// a merge reads), a leadtrack database, not from a newer leadtrack. An older schema is
/// brought up to date in the copy. `shown` names the original in messages.
pub fn check_copy(copy: &Path, shown: &str, scope: CopyCheck) -> Result<CopyInfo> {
    let conn = Connection::open_with_flags(
        copy,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| Error::from(e).at_path(shown))?;
    harden(&conn).map_err(|e| migrations::unreadable(e, shown))?;
    let found = migrations::inspect(&conn, shown)?;
    // The copy is ours and writable: read-only here means its header forbids writing (a
    // format this SQLite does not write), and a merge could not even attach it.
    if conn
        .is_readonly(rusqlite::MAIN_DB)
        .map_err(|e| Error::from(e).at_path(shown))?
    {
        return Err(Error::Corrupt {
            path: shown.to_string(),
            detail: Arg::in_each(|l| crate::tr!(l, "detail-format-not-writable")),
        });
    }
    let version = match found {
        migrations::Found::Empty => {
            return Err(Error::NotLeadtrack {
                path: shown.to_string(),
            });
        }
        migrations::Found::Leadtrack(v) => v,
    };
    let problems = match scope {
        CopyCheck::Whole => quick_check(&conn, None),
        CopyCheck::MergedTables => check_merged_tables(&conn),
    }
    .map_err(|e| Error::from(e).at_path(shown))?;
    if problems != ["ok"] {
        return Err(Error::Corrupt {
            path: shown.to_string(),
            detail: Arg::quoted(one_line(&problems)),
        });
    }
    let mut conn = conn;
    migrations::migrate(&mut conn, version, shown)?;
    let team_id = read_meta(&conn, "team_id").map_err(|e| e.at_path(shown))?;
    let joined = read_meta(&conn, "team_joined")
        .map_err(|e| e.at_path(shown))?
        .is_some();
    Ok(CopyInfo {
        schema_version: version,
        team_id,
        joined,
    })
}

/// The tables a merge reads from a copy.
const MERGED_TABLES: &[&str] = &[
    "meta",
    "authors",
    "leads",
    "contacts",
    "activities",
    "lead_contacts",
    "contact_values",
    "stage_changes",
    "history",
    "purged",
    "tag_marks",
    "campaigns",
    "goals",
    "segments",
];

/// `quick_check` of each merged table the copy has (an older schema lacks some): `["ok"]`
/// when all are intact.
fn check_merged_tables(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut problems = Vec::new();
    for table in MERGED_TABLES {
        let present: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1)",
            [table],
            |r| r.get(0),
        )?;
        if !present {
            continue;
        }
        problems.extend(
            quick_check(conn, Some(table))?
                .into_iter()
                .filter(|p| p != "ok"),
        );
    }
    if problems.is_empty() {
        problems.push("ok".to_string());
    }
    Ok(problems)
}

/// `PRAGMA quick_check`, of one table when named: `["ok"]` or the problems found.
pub(crate) fn quick_check(conn: &Connection, table: Option<&str>) -> rusqlite::Result<Vec<String>> {
    // The name is one of ours (MERGED_TABLES), never input: a pragma takes no parameters.
    let sql = match table {
        Some(table) => format!("PRAGMA quick_check('{table}')"),
        None => "PRAGMA quick_check".to_string(),
    };
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    rows.collect()
}

/// The first problems `quick_check` found, on one line (its reports span several).
pub(crate) fn one_line(problems: &[String]) -> String {
    const SHOWN: usize = 3;
    let mut words: Vec<String> = problems
        .iter()
        .map(|p| p.replace("*** in database main ***", ""))
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .take(SHOWN)
        .collect();
    if problems.len() > SHOWN {
        words.push(format!("and {} more", problems.len() - SHOWN));
    }
    words.join("; ")
}

/// Names the file at fault in an error of a merge: the local database when it cannot be
/// written (read-only, full disk, failing disk), else the copy being merged, the untrusted
/// one: it passed `quick_check`, which reads neither every index nor every value, and a
/// value leadtrack cannot read (text that is not UTF-8) is damage too.
pub(crate) fn blame_merge(e: Error, local: &str, copy: &str) -> Error {
    use rusqlite::ErrorCode as C;
    match e {
        Error::Sqlite(rusqlite::Error::SqliteFailure(failure, _))
            if matches!(
                failure.code,
                C::ReadOnly | C::DiskFull | C::SystemIoFailure | C::CannotOpen
            ) =>
        {
            e.at_path(local)
        }
        Error::Sqlite(rusqlite::Error::SqliteFailure(failure, _))
            if matches!(failure.code, C::DatabaseCorrupt | C::NotADatabase) =>
        {
            e.at_path(copy)
        }
        Error::Sqlite(other) => Error::Corrupt {
            path: copy.to_string(),
            detail: Arg::quoted(other.to_string()),
        },
        other => other,
    }
}

impl Store {
    /// Merges a checked private copy of another leadtrack database into this one, in one
    /// transaction. `shown` names the original in messages.
    pub fn merge_copy(&mut self, copy: &Path, shown: &str) -> Result<merge::MergeCounts> {
        let copy_text = copy
            .to_str()
            .ok_or_else(|| Error::said("error-path-not-utf8", [("path", shown)]))?;
        self.merge_from(copy_text, shown, |w| merge::merge_attached_since(w, None))
    }

    /// Attaches the database at `source` (a path or a `file:` URI) as `other`, runs `merge`
    /// in one transaction, and detaches it. Contacts purged in the other copy are erased here
    /// as they would be by a purge: with secure delete, and the file scrubbed after.
    pub(crate) fn merge_from(
        &mut self,
        source: &str,
        shown: &str,
        merge: impl FnOnce(&mut Writer<'_>) -> Result<merge::MergeCounts>,
    ) -> Result<merge::MergeCounts> {
        self.conn
            .execute("ATTACH DATABASE ?1 AS other", [source])
            .map_err(|e| Error::from(e).at_path(shown))?;
        let local = self.path.clone();
        let erasing = match purge::brings_purges(&self.conn) {
            Ok(erasing) => erasing,
            Err(e) => {
                let _ = self.conn.execute("DETACH DATABASE other", []);
                return Err(blame_merge(e, &local, shown));
            }
        };
        if erasing {
            self.conn.pragma_update(None, "secure_delete", true)?;
        }
        let merged = self
            .transact_bulk(merge)
            .map_err(|e| blame_merge(e, &local, shown));
        let detached = self.conn.execute("DETACH DATABASE other", []);
        let scrubbed = if erasing && merged.is_ok() {
            self.scrub()
        } else {
            Ok(())
        };
        self.conn.pragma_update(None, "secure_delete", false)?;
        let counts = merged?;
        detached?;
        scrubbed?;
        Ok(counts)
    }

    /// This database's team (learned from the team file on the first sync).
    pub fn team_id(&self) -> Result<Option<String>> {
        read_meta(&self.conn, "team_id")
    }

    pub fn set_team_id(&mut self, team_id: &str) -> Result<()> {
        self.write(|w| set_meta(w, "team_id", team_id))
    }

    /// A snapshot of the database at `dest` in rollback-journal mode, synced to disk: what
    /// a team file is made of.
    /// Returns the generation the snapshot holds.
    pub fn snapshot(&self, dest: &Path) -> Result<i64> {
        self.page_copy_to(dest)?;
        let shown = dest.display().to_string();
        let conn = mark(dest, Role::Team)?;
        let held = generation::current(&conn).map_err(|e| e.at_path(&shown))?;
        let _mode: String = conn
            .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
            .map_err(|e| Error::from(e).at_path(&shown))?;
        drop(conn);
        std::fs::File::open(dest)
            .and_then(|f| f.sync_all())
            .map_err(|e| {
                Error::said(
                    "error-cannot-write",
                    [
                        ("path", Arg::from(shown.to_string())),
                        ("reason", io_reason(&e)),
                    ],
                )
            })?;
        Ok(held)
    }
}
