//! One field table per record: the columns a record shows outside the program (CSV
//! headers, JSON keys, the headers an import recognises) and how each reads from the
//! record. Exports, imports and undo derive their columns from these tables, so a field is
//! added in one place: `Lead::FIELDS`, `Contact::FIELDS`, `Activity::FIELDS`.

use crate::config::Language;
use serde::Serialize;

/// One field of a record `R`.
pub struct Field<R> {
    /// Its name: the CSV header and JSON key of exports, the name `--map` and imports know.
    pub name: &'static str,
    /// Further header spellings an import recognises (English and Japanese).
    pub headers: &'static [&'static str],
    /// Worked out by leadtrack (a score, a timestamp): exported, known on import, never read.
    pub derived: bool,
    /// The value as one cell of text (empty when unset).
    pub cell: fn(&R) -> String,
    /// The value as a Japanese spreadsheet shows it, where that differs from `cell` (a
    /// stage by its label, 検討段階): the cell of an export with Japanese headers. An import
    /// reads it back as it reads `cell`.
    pub cell_ja: Option<fn(&R) -> String>,
}

impl<R> Field<R> {
    /// A field a rep writes, and an import reads.
    pub const fn new(
        name: &'static str,
        headers: &'static [&'static str],
        cell: fn(&R) -> String,
    ) -> Field<R> {
        Field {
            name,
            headers,
            derived: false,
            cell,
            cell_ja: None,
        }
    }

    /// A field leadtrack works out itself; `headers` are its spellings an import knows, so
    /// the column is left out rather than kept as unknown.
    pub const fn derived(
        name: &'static str,
        headers: &'static [&'static str],
        cell: fn(&R) -> String,
    ) -> Field<R> {
        Field {
            name,
            headers,
            derived: true,
            cell,
            cell_ja: None,
        }
    }

    /// The value of `record` as one cell, as a rep of `language` reads it (see
    /// [`Field::cell_ja`]).
    pub fn cell_in(&self, record: &R, language: Language) -> String {
        match (language, self.cell_ja) {
            (Language::Ja, Some(cell_ja)) => cell_ja(record),
            _ => (self.cell)(record),
        }
    }

    /// The same field, its value shown in Japanese by `cell_ja`.
    pub const fn ja(self, cell_ja: fn(&R) -> String) -> Field<R> {
        Field {
            name: self.name,
            headers: self.headers,
            derived: self.derived,
            cell: self.cell,
            cell_ja: Some(cell_ja),
        }
    }
}

/// A record with a field table; its JSON form (serde) carries every field by its name.
pub trait Record: Serialize + Sized + 'static {
    /// The fields in export order.
    const FIELDS: &'static [Field<Self>];
    /// What a record is called in messages ("lead").
    const NOUN: &'static str;
    /// Many of them ("leads").
    const NOUNS: &'static str;

    fn headers() -> impl Iterator<Item = &'static str> {
        Self::FIELDS.iter().map(|f| f.name)
    }

    /// The record's cells in the order of `FIELDS`, as a rep of `language` reads them.
    fn cells_in(&self, language: Language) -> impl Iterator<Item = String> {
        Self::FIELDS.iter().map(move |f| f.cell_in(self, language))
    }
}

/// `a == b` for `&str` at compile time.
pub const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// An optional text as a cell.
pub(crate) fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Activity, ActivityKind, Contact, Lead};
    use chrono::Utc;

    /// Every field's name is a key of the record's JSON: the CSV headers and the JSON keys
    /// of an export are the same names.
    fn names_are_json_keys<R: Record>(record: &R) {
        let json = serde_json::to_value(record).unwrap();
        let object = json.as_object().unwrap();
        for name in R::headers() {
            assert!(
                object.contains_key(name),
                "{} has no JSON key {name}",
                R::NOUN
            );
        }
        let mut seen = std::collections::HashSet::new();
        assert!(R::headers().all(|n| seen.insert(n)), "a name twice");
    }

    #[test]
    fn field_names_are_the_json_keys() {
        let now = Utc::now();
        names_are_json_keys(&Lead::blank("l", "t"));
        names_are_json_keys(&Contact::default());
        names_are_json_keys(&Activity {
            id: "a".into(),
            kind: ActivityKind::Call,
            lead_id: None,
            contact_id: None,
            occurred_at: now,
            duration_minutes: None,
            direction: None,
            summary: "s".into(),
            body: None,
            by: None,
            created_at: now,
            created_by: "me".into(),
            updated_at: now,
            updated_by: "me".into(),
            campaign_id: None,
        });
    }
}
