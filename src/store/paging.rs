//! Paging by key: a list on screen reads only the rows it shows, starting after (or before)
//! the key of a row it already has, so scrolling costs the same at row 10 and row 100,000.

use rusqlite::types::Value;

/// The sort key of a row in its list; rows are ordered by it.
#[derive(Debug, Clone, PartialEq)]
pub struct Key(pub Vec<Value>);

/// Which way to read from a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toward {
    /// Rows after the key, in list order (the key's own row too when `inclusive`).
    Later,
    /// Rows before the key, nearest first.
    Earlier,
}

/// A page request: from a key (or the start/end of the list), which way, how many.
#[derive(Debug, Clone)]
pub struct Page<'k> {
    pub from: Option<&'k Key>,
    pub toward: Toward,
    pub inclusive: bool,
    pub limit: usize,
}

impl Page<'_> {
    pub fn first(limit: usize) -> Page<'static> {
        Page {
            from: None,
            toward: Toward::Later,
            inclusive: false,
            limit,
        }
    }

    pub fn last(limit: usize) -> Page<'static> {
        Page {
            from: None,
            toward: Toward::Earlier,
            inclusive: false,
            limit,
        }
    }
}

/// Builds the WHERE/ORDER BY/LIMIT tail of a keyset query. `columns` are the key
/// expressions, `descending` says whether the list shows them in descending order, and the
/// page's key values are appended to `params`.
pub(crate) fn clause(
    columns: &[&str],
    descending: bool,
    page: &Page<'_>,
    params: &mut Vec<Value>,
) -> String {
    let reading_up = (page.toward == Toward::Later) != descending;
    let mut sql = String::new();
    if let Some(key) = page.from {
        let first = params.len() + 1;
        let placeholders: Vec<String> = (0..columns.len())
            .map(|i| format!("?{}", first + i))
            .collect();
        params.extend(key.0.iter().cloned());
        let op = match (reading_up, page.inclusive) {
            (true, false) => ">",
            (true, true) => ">=",
            (false, false) => "<",
            (false, true) => "<=",
        };
        sql.push_str(&format!(
            " AND ({}) {op} ({})",
            columns.join(", "),
            placeholders.join(", ")
        ));
    }
    let order = if reading_up { "ASC" } else { "DESC" };
    let order_by: Vec<String> = columns.iter().map(|c| format!("{c} {order}")).collect();
    sql.push_str(&format!(
        " ORDER BY {} LIMIT {}",
        order_by.join(", "),
        page.limit
    ));
    sql
}

/// Reads the key columns that follow `offset` in a row.
pub(crate) fn key_at(row: &rusqlite::Row<'_>, offset: usize, len: usize) -> rusqlite::Result<Key> {
    Ok(Key((offset..offset + len)
        .map(|i| row.get::<_, Value>(i))
        .collect::<rusqlite::Result<_>>()?))
}
