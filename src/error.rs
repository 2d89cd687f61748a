//! The library's error: each message is one sentence naming the input at fault.

use crate::config::ConfigError;
use crate::i18n::Arg;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path} is not a leadtrack database")]
    NotLeadtrack { path: String },
    /// A file that claims to be a leadtrack database but whose schema is not leadtrack's.
    #[error("{path} is not a leadtrack database: {detail}")]
    ForeignSchema { path: String, detail: Arg },
    #[error(
        "{path} was written by a newer leadtrack (schema {found}, this one knows up to {known}); update leadtrack to open it"
    )]
    NewerSchema {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("{path} is damaged ({detail}); restore it from a backup")]
    Corrupt { path: String, detail: Arg },
    #[error("{path} cannot be opened: {reason}")]
    CannotOpen { path: String, reason: Arg },
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
    /// A message from the catalog, kept by its id and values: English when displayed, the
    /// rep's language through `message`.
    #[error("{0}")]
    Said(crate::i18n::Said),
    /// A date typed after `flag` that does not read as one.
    #[error("{flag}: {date}")]
    BadDate {
        flag: String,
        date: crate::model::dates::BadDate,
    },
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A file or the terminal that could not be read or written.
    #[error("{0}")]
    Io(crate::i18n::Said),
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

    /// The catalog's message `id`, which takes no values.
    pub fn said_plain(id: &'static str) -> Error {
        Error::Said(crate::i18n::Said::plain(id))
    }

    /// The catalog's message `id` with `args`: `Error::said("error-x", [("name", value)])`.
    pub fn said<V: Into<crate::i18n::Arg>>(
        id: &'static str,
        args: impl IntoIterator<Item = (&'static str, V)>,
    ) -> Error {
        Error::Said(crate::i18n::Said::new(id, args))
    }

    /// The sentence in the rep's language. The errors about files and ids come from the
    /// catalog; a message composed where the error arose is in the words it was made with.
    pub fn message(&self, language: crate::config::Language) -> String {
        use crate::tr;
        let kind = |kind: &str| crate::i18n::labels::entity(kind, language);
        match self {
            Error::NotLeadtrack { path } => {
                tr!(language, "error-not-leadtrack", path = path.clone())
            }
            Error::ForeignSchema { path, detail } => tr!(
                language,
                "error-foreign-schema",
                path = path.clone(),
                detail = detail.in_language(language).to_string()
            ),
            Error::NewerSchema { path, found, known } => tr!(
                language,
                "error-newer-schema",
                path = path.clone(),
                found = *found,
                known = *known
            ),
            Error::Corrupt { path, detail } => tr!(
                language,
                "error-corrupt",
                path = path.clone(),
                detail = detail.in_language(language).to_string()
            ),
            Error::CannotOpen { path, reason } => tr!(
                language,
                "error-cannot-open",
                path = path.clone(),
                reason = reason.in_language(language).to_string()
            ),
            Error::ReadOnly { path } => tr!(language, "error-read-only", path = path.clone()),
            Error::DiskFull { path } => tr!(language, "error-disk-full", path = path.clone()),
            Error::NotFound { kind: k, prefix } => tr!(
                language,
                "error-not-found",
                kind = kind(k),
                prefix = prefix.clone()
            ),
            Error::Ambiguous {
                kind: k,
                prefix,
                count,
            } => tr!(
                language,
                "error-ambiguous",
                kind = kind(k),
                prefix = prefix.clone(),
                count = *count
            ),
            Error::BadId { prefix } => tr!(language, "error-bad-id", prefix = prefix.clone()),
            Error::Deleted { kind: k, id } => {
                tr!(language, "error-deleted", kind = kind(k), id = id.clone())
            }
            Error::Config(e) => e.message(language),
            Error::Said(said) | Error::Io(said) => said.in_language(language),
            Error::BadDate { flag, date } => tr!(
                language,
                "error-flag-value",
                flag = flag.clone(),
                problem = date.message(language == crate::config::Language::Ja)
            ),
            other => other.to_string(),
        }
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
                detail: Arg::in_each(|l| crate::tr!(l, "detail-value-unreadable")),
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
                let id = if reading {
                    "error-disk-read"
                } else {
                    "error-disk-write"
                };
                Error::Io(crate::i18n::Said::new(id, [("path", path)]))
            }
            C::NotADatabase => Error::NotLeadtrack { path },
            C::DatabaseCorrupt => Error::Corrupt {
                path,
                detail: match message.as_deref() {
                    None | Some("database disk image is malformed") => {
                        Arg::in_each(|l| crate::tr!(l, "detail-malformed"))
                    }
                    Some(message) => Arg::quoted(message),
                },
            },
            // SQLite's own words here say no more than these.
            C::CannotOpen | C::PermissionDenied => Error::CannotOpen {
                path,
                reason: Arg::in_each(|l| {
                    if failure.code == C::PermissionDenied {
                        crate::tr!(l, "io-permission-denied")
                    } else {
                        crate::tr!(l, "detail-unable-to-open")
                    }
                }),
            },
            _ => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Language;

    fn each() -> Vec<Error> {
        let path = || "/tmp/x.db".to_string();
        vec![
            Error::NotLeadtrack { path: path() },
            Error::ForeignSchema {
                path: path(),
                detail: "a view".into(),
            },
            Error::NewerSchema {
                path: path(),
                found: 9,
                known: 7,
            },
            Error::Corrupt {
                path: path(),
                detail: "malformed".into(),
            },
            Error::CannotOpen {
                path: path(),
                reason: "permission denied".into(),
            },
            Error::ReadOnly { path: path() },
            Error::DiskFull { path: path() },
            Error::NotFound {
                kind: "lead",
                prefix: "01a2".into(),
            },
            Error::Ambiguous {
                kind: "contact",
                prefix: "01a2".into(),
                count: 2,
            },
            Error::BadId {
                prefix: "zz".into(),
            },
            Error::Deleted {
                kind: "activity",
                id: "01a2".into(),
            },
        ]
    }

    /// Errors kept by their catalog id display in English and read in either language.
    #[test]
    fn said_errors_display_english_and_read_japanese() {
        let said = [
            Error::said_plain("error-next-action-needs-lead"),
            Error::said(
                "error-not-an-amount",
                [("flag", "--value"), ("typed", "lots")],
            ),
            Error::BadDate {
                flag: "--due".into(),
                date: crate::model::dates::BadDate("someday".into()),
            },
        ];
        assert_eq!(
            said[1].to_string(),
            "--value: 'lots' is not an amount (e.g. 1200000, 1,200,000, ¥1,200,000 or 120万)"
        );
        assert_eq!(
            said[2].to_string(),
            "--due: 'someday' is not a date (try today, tomorrow, +3d, +2w, friday, 12/1, \
             2026-12-01 or 明日)"
        );
        for e in said {
            assert_eq!(e.message(Language::En), e.to_string());
            let ja = e.message(Language::Ja);
            assert_ne!(ja, e.to_string());
            assert!(ja.contains('「') || ja.contains("リード"), "{ja}");
        }
    }

    /// The English catalog says exactly what the errors always said.
    #[test]
    fn english_messages_are_the_errors_own_words() {
        for e in each() {
            assert_eq!(e.message(Language::En), e.to_string());
        }
    }

    #[test]
    fn japanese_messages_keep_what_they_name() {
        for e in each() {
            let ja = e.message(Language::Ja);
            assert_ne!(ja, e.to_string());
            assert!(
                !ja.split(|c: char| !c.is_ascii_alphabetic())
                    .any(|w| w.len() >= 2
                        && ![
                            "tmp",
                            "db",
                            "leadtrack",
                            "ID",
                            "zz",
                            "a",
                            "view",
                            "malformed",
                            "permission",
                            "denied"
                        ]
                        .contains(&w)),
                "{ja}"
            );
        }
    }
}
