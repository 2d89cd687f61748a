//! The library's error: each message is one sentence naming the input at fault.

use crate::config::ConfigError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path} is not a leadtrack database")]
    NotLeadtrack { path: String },
    /// A file that claims to be a leadtrack database but whose schema is not leadtrack's.
    #[error("{path} is not a leadtrack database: {detail}")]
    ForeignSchema { path: String, detail: String },
    #[error(
        "{path} was written by a newer leadtrack (schema {found}, this one knows up to {known}); update leadtrack to open it"
    )]
    NewerSchema {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("{path} is damaged ({detail}); restore it from a backup")]
    Corrupt { path: String, detail: String },
    #[error("{path} cannot be opened: {reason}")]
    CannotOpen { path: String, reason: String },
    #[error("{path} is read-only; nothing was changed")]
    ReadOnly { path: String },
    #[error("the disk holding {path} is full; nothing was changed")]
    DiskFull { path: String },
    #[error("no {kind} has an id starting with '{prefix}'")]
    NotFound { kind: &'static str, prefix: String },
    #[error("'{prefix}' matches {count} {kind}s; type more of the id")]
    Ambiguous {
        kind: &'static str,
        prefix: String,
        count: usize,
    },
    #[error("'{prefix}' is not an id: ids are hexadecimal, at least 4 characters")]
    BadId { prefix: String },
    #[error("{kind} {id} was deleted")]
    Deleted { kind: &'static str, id: String },
    /// A value typed by the user is not valid; the message names the field.
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("{0}")]
    Io(String),
    /// Whoever read the output stopped reading (`| head`): not a failure.
    #[error("the output was closed")]
    OutputClosed,
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn invalid(message: impl Into<String>) -> Error {
        Error::Invalid(message.into())
    }

    /// Names `path` in a low-level SQLite error, turning the codes a user can act on
    /// (read-only file, full disk, damaged file, not a database) into plain sentences.
    pub fn at_path(self, path: &str) -> Error {
        use rusqlite::ErrorCode as C;
        // A value that does not read back as leadtrack wrote it (text that is not UTF-8, a
        // number out of range) can only come from damage to the file.
        if let Error::Sqlite(
            rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::Utf8Error(..)
            | rusqlite::Error::IntegralValueOutOfRange(..)
            | rusqlite::Error::InvalidColumnType(..),
        ) = &self
        {
            return Error::Corrupt {
                path: path.to_string(),
                detail: "a value in it does not read back as written".to_string(),
            };
        }
        let Error::Sqlite(rusqlite::Error::SqliteFailure(failure, message)) = &self else {
            return self;
        };
        let path = path.to_string();
        match failure.code {
            C::ReadOnly => Error::ReadOnly { path },
            C::DiskFull => Error::DiskFull { path },
            // The shared-memory index beside a WAL database could not grow: on a full disk,
            // the first write a connection makes fails here rather than with SQLITE_FULL.
            C::SystemIoFailure if failure.extended_code == rusqlite::ffi::SQLITE_IOERR_SHMSIZE => {
                Error::DiskFull { path }
            }
            // A write refused below SQLite (a full disk, a file size limit, a failing drive).
            C::SystemIoFailure => {
                let reading = matches!(
                    failure.extended_code,
                    rusqlite::ffi::SQLITE_IOERR_READ | rusqlite::ffi::SQLITE_IOERR_SHORT_READ
                );
                Error::Io(format!(
                    "{path} could not be {} (disk I/O error); nothing was changed",
                    if reading { "read" } else { "written" }
                ))
            }
            C::NotADatabase => Error::NotLeadtrack { path },
            C::DatabaseCorrupt => Error::Corrupt {
                path,
                detail: message.clone().unwrap_or_else(|| "malformed".to_string()),
            },
            C::CannotOpen | C::PermissionDenied => Error::CannotOpen {
                path,
                reason: message
                    .clone()
                    .unwrap_or_else(|| "permission denied".to_string()),
            },
            _ => self,
        }
    }
}
