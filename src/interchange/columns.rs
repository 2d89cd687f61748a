//! Recognising the columns of a CSV file from its headers, in English and Japanese: a
//! record's own spellings are in its field table (`Lead::FIELDS`); cards: see
//! `card_columns`.

use crate::model::Field;
use crate::model::text::fold;

/// A header as compared: folded (width, case, kana), without spaces and brackets.
pub fn header_key(header: &str) -> String {
    fold(header)
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '[' | ']'
                        | '('
                        | ')'
                        | '【'
                        | '】'
                        | '「'
                        | '」'
                        | '・'
                        | '_'
                        | '-'
                        | ':'
                        | '/'
                        | '.'
                        | '〔'
                        | '〕'
                )
        })
        .collect()
}

/// Finds the field a header names, among a record's `fields` (their names and header
/// spellings). The field's own name (`family_name`) is always understood, so leadtrack's
/// exports read back.
pub fn field_for<R>(header: &str, fields: &[Field<R>]) -> Option<&'static str> {
    let key = header_key(header);
    fields
        .iter()
        .find(|f| header_key(f.name) == key || f.headers.iter().any(|n| header_key(n) == key))
        .map(|f| f.name)
}
