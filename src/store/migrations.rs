//! Numbered migrations, applied in order at open. Files are only ever added, never edited.

use crate::error::{Error, Result};
use crate::i18n::Arg;
use rusqlite::Connection;

/// Marks a file as a leadtrack database (`PRAGMA application_id`, "LTRK").
pub const APPLICATION_ID: i64 = 0x4C54_524B;

/// One schema version: its SQL, and a step in code where the data it moves needs rules SQL
/// does not have (value keys, name-based ids).
struct Migration {
    sql: &'static str,
    then: Option<fn(&Connection) -> Result<()>>,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        sql: include_str!("migrations/0001_initial.sql"),
        then: None,
    },
    Migration {
        sql: include_str!("migrations/0002_stage_totals.sql"),
        then: None,
    },
    Migration {
        sql: include_str!("migrations/0003_purged.sql"),
        then: None,
    },
    Migration {
        sql: include_str!("migrations/0004_contact_values.sql"),
        then: Some(super::contact_values::fill_from_single_values),
    },
    Migration {
        sql: include_str!("migrations/0005_undone_stage_changes.sql"),
        then: None,
    },
    Migration {
        sql: include_str!("migrations/0006_author_names.sql"),
        then: None,
    },
    Migration {
        sql: include_str!("migrations/0007_filter_indexes.sql"),
        then: None,
    },
    Migration {
        sql: include_str!("migrations/0008_tag_marks.sql"),
        then: Some(super::tags::fill_from_tags),
    },
    Migration {
        sql: include_str!("migrations/0009_touched.sql"),
        then: None,
    },
    Migration {
        sql: include_str!("migrations/0010_campaigns_goals.sql"),
        then: None,
    },
];

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// What a file holds, read before anything is written to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// An empty file or one with no tables: a new database.
    Empty,
    /// A leadtrack database at this schema version.
    Leadtrack(i64),
}

/// Looks at a freshly opened connection without writing anything.
///
/// A leadtrack database must hold leadtrack's schema and nothing that runs code: a view or
/// trigger leadtrack never made would run on our reads and writes (an endless view hangs
/// every query), so a file with one is refused before any of its tables is read.
pub fn inspect(conn: &Connection, path: &str) -> Result<Found> {
    let read = |sql: &str| {
        conn.query_row(sql, [], |r| r.get::<_, i64>(0))
            .map_err(|e| unreadable(e.into(), path))
    };
    let app_id = read("PRAGMA application_id")?;
    let version = read("PRAGMA user_version")?;
    let tables = read("SELECT count(*) FROM sqlite_schema")?;
    match (app_id, version, tables) {
        (0, 0, 0) => Ok(Found::Empty),
        (APPLICATION_ID, v, _) if v > LATEST => Err(Error::NewerSchema {
            path: path.to_string(),
            found: v,
            known: LATEST,
        }),
        (APPLICATION_ID, v, _) if v >= 1 => {
            check_schema(conn, path, v)?;
            Ok(Found::Leadtrack(v))
        }
        _ => Err(Error::NotLeadtrack {
            path: path.to_string(),
        }),
    }
}

/// An error reading what should be a database file: SQLite's generic error there ("unsupported
/// file format", "malformed database schema") means the file itself is at fault.
pub(super) fn unreadable(e: Error, path: &str) -> Error {
    if let Error::Sqlite(rusqlite::Error::SqliteFailure(failure, message)) = &e
        && failure.code == rusqlite::ErrorCode::Unknown
    {
        return Error::Corrupt {
            path: path.to_string(),
            detail: match message {
                Some(message) => Arg::quoted(message.as_str()),
                None => Arg::in_each(|l| crate::tr!(l, "detail-unreadable")),
            },
        };
    }
    e.at_path(path)
}

/// One table, view, index or trigger of a schema.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Object {
    /// `table`, `virtual`, `shadow` (a virtual table's storage), `view`, `index` or `trigger`.
    kind: String,
    name: String,
    sql: Option<String>,
    /// An ordinary table's columns, in order.
    columns: Vec<String>,
}

fn objects(conn: &Connection) -> rusqlite::Result<Vec<Object>> {
    let mut out: Vec<Object> = conn
        .prepare(
            "SELECT l.type, l.name, s.sql FROM pragma_table_list AS l
             LEFT JOIN main.sqlite_schema AS s ON s.name = l.name AND s.type IN ('table', 'view')
             WHERE l.schema = 'main' AND l.name NOT LIKE 'sqlite!_%' ESCAPE '!'
             UNION ALL
             SELECT type, name, sql FROM main.sqlite_schema
             WHERE type IN ('index', 'trigger') AND name NOT LIKE 'sqlite!_%' ESCAPE '!'",
        )?
        .query_map([], |r| {
            Ok(Object {
                kind: r.get(0)?,
                name: r.get(1)?,
                sql: r.get(2)?,
                columns: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    for object in out.iter_mut().filter(|o| o.kind == "table") {
        object.columns = conn
            .prepare("SELECT name FROM pragma_table_info(?1, 'main') ORDER BY cid")?
            .query_map([&object.name], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(out)
}

/// The schema leadtrack's own migrations make up to `version`, built in a private
/// in-memory database.
fn expected_schema(version: i64) -> rusqlite::Result<Vec<Object>> {
    let conn = Connection::open_in_memory()?;
    for migration in MIGRATIONS
        .iter()
        .take(usize::try_from(version).unwrap_or(0))
    {
        conn.execute_batch(migration.sql)?;
        if let Some(step) = migration.then {
            step(&conn).map_err(|e| match e {
                Error::Sqlite(e) => e,
                other => rusqlite::Error::ToSqlConversionFailure(Box::new(std::io::Error::other(
                    other.to_string(),
                ))),
            })?;
        }
    }
    objects(&conn)
}

/// Checks that a file claiming to be a leadtrack database at `version` holds leadtrack's
/// schema: every table of it (with the same columns), no view, trigger or virtual table
/// leadtrack does not make, and leadtrack's own ones word for word. Extra plain tables and
/// indexes run no code of their own and are let be.
fn check_schema(conn: &Connection, path: &str, version: i64) -> Result<()> {
    let expected = expected_schema(version)?;
    let found = objects(conn).map_err(|e| unreadable(e.into(), path))?;
    let foreign = |detail: Arg| Error::ForeignSchema {
        path: path.to_string(),
        detail,
    };
    for object in &found {
        let known = expected
            .iter()
            .find(|e| e.name.eq_ignore_ascii_case(&object.name));
        let same = match known {
            None => matches!(object.kind.as_str(), "table" | "index"),
            Some(known) if known.kind != object.kind => false,
            Some(known) => match object.kind.as_str() {
                "table" => known.columns == object.columns,
                "shadow" | "index" => true,
                _ => known.sql == object.sql,
            },
        };
        if !same {
            let kind = object.kind.clone();
            let name = object.name.clone();
            return Err(foreign(Arg::in_each(move |l| {
                crate::tr!(
                    l,
                    "detail-foreign-object",
                    kind = describe(&kind, l),
                    name = name.as_str()
                )
            })));
        }
    }
    if let Some(missing) = expected
        .iter()
        .filter(|e| e.kind != "index")
        .find(|e| !found.iter().any(|f| f.name.eq_ignore_ascii_case(&e.name)))
    {
        return Err(foreign(Arg::in_each(|l| {
            crate::tr!(
                l,
                "detail-missing-object",
                kind = describe(&missing.kind, l),
                name = missing.name.as_str()
            )
        })));
    }
    Ok(())
}

/// A kind of schema object (`table`, `view`, `trigger`, ...) in `language`.
fn describe(kind: &str, language: crate::config::Language) -> String {
    match kind {
        "virtual" => crate::tr!(language, "schema-virtual-table"),
        "table" | "shadow" => crate::tr!(language, "schema-table"),
        "index" => crate::tr!(language, "schema-index"),
        "view" => crate::tr!(language, "schema-view"),
        "trigger" => crate::tr!(language, "schema-trigger"),
        other => other.to_string(),
    }
}

/// Applies the migrations after `from`, all in one transaction.
pub fn migrate(conn: &mut Connection, from: i64, path: &str) -> Result<()> {
    if from >= LATEST {
        return Ok(());
    }
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(|e| Error::from(e).at_path(path))?;
    for (index, migration) in MIGRATIONS.iter().enumerate() {
        let version = index as i64 + 1;
        if version > from {
            tx.execute_batch(migration.sql)
                .map_err(|e| Error::from(e).at_path(path))?;
            if let Some(step) = migration.then {
                step(&tx).map_err(|e| e.at_path(path))?;
            }
        }
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", LATEST)?;
    tx.commit().map_err(|e| Error::from(e).at_path(path))?;
    Ok(())
}
