//! Snapshots on the team server: a copy of a database holding every change up to a point,
//! published by the database's owner (`leadtrack team snapshot`), for a new rep to start
//! from rather than pull and work out the whole team.
//!
//! A copy is stored compressed (zstd, with its checksum: a damaged one is told, never
//! taken) and cut into parts, written in one transaction with the older ones deleted, and
//! read in one transaction: a rep reading while the owner publishes reads the one before.

use super::{Server, refused};
use crate::error::{Error, Result};
use crate::i18n::Arg;
use postgres::Transaction;
use std::io::{Read, Write};
use std::path::Path;

/// How many compressed bytes one part holds.
const PART: usize = 8 << 20;
/// zstd's level: its fastest but one; a database compresses about four to one at it.
const LEVEL: i32 = 1;

/// A snapshot the server holds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Snapshot {
    pub id: i64,
    /// The last change it holds.
    pub upto: i64,
    /// The local database schema of the copy.
    pub schema: i32,
    /// Bytes of the database file, and bytes stored on the server.
    pub size: i64,
    pub stored: i64,
    pub made_at: String,
    pub made_by: String,
}

const COLUMNS: &str = "s.id, s.upto, s.schema, s.size,
    (SELECT coalesce(sum(length(p.bytes)), 0)::bigint FROM leadtrack.snapshot_parts p WHERE p.snapshot = s.id),
    to_char(s.made_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), s.made_by::text";

fn from_row(row: &postgres::Row) -> Snapshot {
    Snapshot {
        id: row.get(0),
        upto: row.get(1),
        schema: row.get(2),
        size: row.get(3),
        stored: row.get(4),
        made_at: row.get(5),
        made_by: row.get(6),
    }
}

impl Server {
    /// Whether this role may publish snapshots (the database's owner may; a rep may not).
    pub fn may_publish_snapshots(&mut self) -> Result<bool> {
        let shown = self.shown.clone();
        let row = self
            .client
            .query_one(
                "SELECT has_table_privilege('leadtrack.snapshots', 'INSERT')",
                &[],
            )
            .map_err(|e| refused(&e, &shown))?;
        Ok(row.get(0))
    }

    /// Publishes the database file `copy`, which holds every change up to `upto`, as the
    /// team's snapshot, replacing the older ones, in one transaction.
    pub fn publish_snapshot(&mut self, copy: &Path, upto: i64, schema: i32) -> Result<Snapshot> {
        let shown = self.shown.clone();
        let fail = |e: postgres::Error| refused(&e, &shown);
        let size = std::fs::metadata(copy).map(|m| m.len()).unwrap_or(0);
        let size = i64::try_from(size).unwrap_or(i64::MAX);
        let mut tx = self.client.transaction().map_err(fail)?;
        let id: i64 = tx
            .query_one(
                "INSERT INTO leadtrack.snapshots (upto, schema, size, parts) VALUES ($1, $2, $3, 0)
                 RETURNING id",
                &[&upto, &schema, &size],
            )
            .map_err(fail)?
            .get(0);
        let mut parts = Parts {
            tx: &mut tx,
            snapshot: id,
            buffer: Vec::with_capacity(PART),
            written: 0,
            failed: None,
        };
        let compressed = (|| -> std::io::Result<()> {
            let mut source = std::fs::File::open(copy)?;
            let mut encoder = zstd::Encoder::new(&mut parts, LEVEL)?;
            encoder.include_checksum(true)?;
            std::io::copy(&mut source, &mut encoder)?;
            encoder.finish()?;
            parts.flush()
        })();
        if let Some(e) = parts.failed.take() {
            return Err(fail(e));
        }
        let written = parts.written;
        compressed.map_err(|e| {
            Error::said(
                "error-cannot-read",
                [
                    ("path", Arg::from(copy.display().to_string())),
                    ("reason", crate::i18n::io_reason(&e)),
                ],
            )
        })?;
        tx.execute(
            "UPDATE leadtrack.snapshots SET parts = $2 WHERE id = $1",
            &[&id, &written],
        )
        .map_err(fail)?;
        tx.execute("DELETE FROM leadtrack.snapshots WHERE id <> $1", &[&id])
            .map_err(fail)?;
        let row = tx
            .query_one(
                &format!("SELECT {COLUMNS} FROM leadtrack.snapshots s WHERE s.id = $1"),
                &[&id],
            )
            .map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(from_row(&row))
    }

    /// The newest snapshot a database of local schema `schema` can start from.
    pub fn newest_snapshot(&mut self, schema: i32) -> Result<Option<Snapshot>> {
        let shown = self.shown.clone();
        let row = self
            .client
            .query_opt(
                &format!(
                    "SELECT {COLUMNS} FROM leadtrack.snapshots s WHERE s.schema = $1
                     ORDER BY s.id DESC LIMIT 1"
                ),
                &[&schema],
            )
            .map_err(|e| refused(&e, &shown))?;
        Ok(row.as_ref().map(from_row))
    }

    /// Writes `snapshot` to the new file `dest` as the database file it was made from. A
    /// snapshot deleted meanwhile (a newer one published) is still read whole; one that does
    /// not decompress, whose checksum differs or that comes out of another size is
    /// `error-team-snapshot-damaged`.
    pub fn download_snapshot(&mut self, snapshot: &Snapshot, dest: &Path) -> Result<()> {
        let shown = self.shown.clone();
        let fail = |e: postgres::Error| refused(&e, &shown);
        let cannot_write = |e: &std::io::Error| {
            Error::said(
                "error-cannot-write",
                [
                    ("path", Arg::from(dest.display().to_string())),
                    ("reason", crate::i18n::io_reason(e)),
                ],
            )
        };
        let file = std::fs::File::create(dest).map_err(|e| cannot_write(&e))?;
        let mut written = Counted {
            to: std::io::BufWriter::with_capacity(1 << 20, file),
            bytes: 0,
            failed: None,
        };
        let mut tx = self
            .client
            .build_transaction()
            .read_only(true)
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .start()
            .map_err(fail)?;
        let mut reader = PartReader {
            tx: &mut tx,
            snapshot: snapshot.id,
            next: 0,
            buffer: Vec::new(),
            at: 0,
            failed: None,
        };
        let copied = zstd::Decoder::new(&mut reader)
            .and_then(|mut decoder| std::io::copy(&mut decoder, &mut written))
            .and_then(|_| written.flush());
        if let Some(e) = reader.failed.take() {
            return Err(fail(e));
        }
        if let Some(e) = written.failed.take() {
            return Err(cannot_write(&e));
        }
        if let Err(e) = copied {
            return Err(damaged(&shown, snapshot, &e.to_string()));
        }
        if i64::try_from(written.bytes).ok() != Some(snapshot.size) {
            let said = format!("{} bytes, not {}", written.bytes, snapshot.size);
            return Err(damaged(&shown, snapshot, &said));
        }
        tx.commit().map_err(fail)
    }
}

/// A file being written, counting its bytes and keeping its own error apart from the
/// snapshot's.
struct Counted<W: Write> {
    to: W,
    bytes: u64,
    failed: Option<std::io::Error>,
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        match self.to.write(bytes) {
            Ok(n) => {
                self.bytes += n as u64;
                Ok(n)
            }
            Err(e) => {
                let kind = e.kind();
                self.failed = Some(e);
                Err(kind.into())
            }
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.to.flush().map_err(|e| {
            let kind = e.kind();
            self.failed = Some(e);
            kind.into()
        })
    }
}

/// A snapshot that cannot be read back into a database.
pub(crate) fn damaged(shown: &str, snapshot: &Snapshot, reason: &str) -> Error {
    Error::said(
        "error-team-snapshot-damaged",
        [
            ("server", Arg::from(shown)),
            ("made", Arg::from(snapshot.made_at.clone())),
            ("reason", Arg::quoted(reason.to_string())),
        ],
    )
}

/// Whether `e` says a snapshot was damaged (a round then pulls every change instead).
pub fn is_damaged(e: &Error) -> bool {
    matches!(e, Error::Said(said) if said.id == "error-team-snapshot-damaged")
}

/// Compressed bytes going to the server, a part at a time.
struct Parts<'a, 'b> {
    tx: &'a mut Transaction<'b>,
    snapshot: i64,
    buffer: Vec<u8>,
    written: i32,
    /// The server's error, kept whole (the writer can only say an I/O error).
    failed: Option<postgres::Error>,
}

impl Parts<'_, '_> {
    fn send(&mut self) -> std::io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let sent = self.tx.execute(
            "INSERT INTO leadtrack.snapshot_parts (snapshot, part, bytes) VALUES ($1, $2, $3)",
            &[&self.snapshot, &self.written, &self.buffer],
        );
        if let Err(e) = sent {
            self.failed = Some(e);
            return Err(std::io::Error::new(
                std::io::ErrorKind::BrokenPipe,
                "team server",
            ));
        }
        self.written += 1;
        self.buffer.clear();
        Ok(())
    }
}

impl Write for Parts<'_, '_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let room = PART - self.buffer.len();
        let taken = bytes.len().min(room);
        self.buffer.extend_from_slice(&bytes[..taken]);
        if self.buffer.len() >= PART {
            self.send()?;
        }
        Ok(taken)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.send()
    }
}

/// Compressed bytes coming from the server, a part at a time.
struct PartReader<'a, 'b> {
    tx: &'a mut Transaction<'b>,
    snapshot: i64,
    next: i32,
    buffer: Vec<u8>,
    at: usize,
    failed: Option<postgres::Error>,
}

impl Read for PartReader<'_, '_> {
    fn read(&mut self, into: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.buffer.len() {
            let row = self.tx.query_opt(
                "SELECT bytes FROM leadtrack.snapshot_parts WHERE snapshot = $1 AND part = $2",
                &[&self.snapshot, &self.next],
            );
            match row {
                Ok(Some(row)) => {
                    self.buffer = row.get(0);
                    self.at = 0;
                    self.next += 1;
                }
                // Past the last part.
                Ok(None) => return Ok(0),
                Err(e) => {
                    self.failed = Some(e);
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::BrokenPipe,
                        "team server",
                    ));
                }
            }
        }
        let n = into.len().min(self.buffer.len() - self.at);
        into[..n].copy_from_slice(&self.buffer[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}
