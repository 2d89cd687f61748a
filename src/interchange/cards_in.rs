//! Reading a file of business cards, CSV or vCard, decided by its content.

use super::cards_csv::{self, Card};
use super::encoding::{InputEncoding, decode};
use super::{card_columns, csv_in, leads_csv};
use crate::error::{Error, Result};
use crate::i18n::Arg;
use crate::model::text::display_safe;
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CardFormat {
    /// By the content: a file that starts with BEGIN:VCARD is vCard, anything else CSV.
    #[default]
    Auto,
    Csv,
    Vcard,
}

/// What a card file held.
pub struct CardFile {
    pub format: CardFormat,
    pub cards: Vec<Card>,
    /// CSV columns with no field of their own, kept in the notes.
    pub kept_in_notes: Vec<String>,
}

/// Whether the bytes are a vCard file (whatever the file is called), in UTF-8 or, with its
/// byte order mark, UTF-16 (as Windows address books save them).
pub fn looks_like_vcard(bytes: &[u8]) -> bool {
    if let Some((utf16, rest)) = super::encoding::utf16_by_bom(bytes) {
        return utf16
            .decode_without_bom_handling(rest)
            .0
            .trim_start()
            .get(..11)
            .is_some_and(|start| start.eq_ignore_ascii_case("BEGIN:VCARD"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes[start..].len() >= 11 && bytes[start..start + 11].eq_ignore_ascii_case(b"BEGIN:VCARD")
}

/// The cells of a line read as a header, without quotes.
fn header_fields(line: &str) -> Vec<String> {
    line.split(',')
        .map(|f| f.trim().trim_matches('"').to_string())
        .collect()
}

/// The error for a file that holds no cards: a file of leads is named as one.
fn not_cards(leads: bool, file: &str, line: usize) -> Error {
    let id = if leads {
        "error-no-card-columns-leads"
    } else {
        "error-no-card-columns"
    };
    Error::said(
        id,
        [("file", display_safe(file)), ("line", line.to_string())],
    )
}

/// Where the header row is when lines of explanation come before it (Eight's export opens
/// with the date it was made, a count and some advice): the first of the first twenty lines
/// that reads as a card file's header, when the first line does not.
fn header_after_preamble(text: &str, maps: &[(String, String)]) -> Option<usize> {
    if !maps.is_empty() {
        return None;
    }
    let header = |line: &str| {
        let fields = header_fields(line);
        let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
        cards_csv::looks_like_header(&fields)
    };
    let mut lines = text.lines().take(20);
    if lines.next().is_none_or(header) {
        return None;
    }
    lines.position(header).map(|at| at + 1)
}

pub fn read(
    bytes: &[u8],
    file: &str,
    format: CardFormat,
    encoding: InputEncoding,
    maps: &[(String, String)],
    today: NaiveDate,
) -> Result<CardFile> {
    let format = match format {
        CardFormat::Auto if looks_like_vcard(bytes) => CardFormat::Vcard,
        CardFormat::Auto => CardFormat::Csv,
        other => other,
    };
    match format {
        CardFormat::Vcard => {
            if !maps.is_empty() {
                return Err(Error::said_plain("error-map-is-for-csv"));
            }
            let cards = super::vcard::read(bytes).map_err(|e| {
                Error::said(
                    "error-vcard",
                    [
                        ("file", Arg::from(file)),
                        ("line", Arg::from(e.line.to_string())),
                        ("problem", Arg::in_each(|l| e.message.in_language(l))),
                    ],
                )
            })?;
            Ok(CardFile {
                format,
                cards,
                kept_in_notes: Vec::new(),
            })
        }
        _ => {
            let text = decode(bytes, encoding, file)?;
            // A file whose first lines name no column of cards is not read as one (a mail
            // message, a list of leads): it is said at once, not as a row of it gone wrong.
            // A line too long to be a header is left for the reader, which names its length.
            let first_lines: Vec<&str> = text.lines().take(20).collect();
            let readable = first_lines.iter().all(|l| l.len() <= csv_in::MAX_LINE);
            let names_a_column = |l: &&str| {
                header_fields(l)
                    .iter()
                    .any(|f| card_columns::recognise(f).is_some())
            };
            if maps.is_empty() && readable && !first_lines.iter().any(names_a_column) {
                let first = header_fields(text.lines().next().unwrap_or(""));
                return Err(not_cards(leads_csv::looks_like_leads(&first), file, 1));
            }
            let header_at = header_after_preamble(&text, maps);
            let header_at = header_at.unwrap_or(0);
            let table = csv_in::read_from(&text, file, header_at)?;
            let layout = cards_csv::layout(&table.headers, maps, file)?;
            let leads = leads_csv::looks_like_leads(&table.headers);
            if !layout.has_people() || (leads && !layout.has_names()) {
                return Err(not_cards(leads, file, header_at + 1));
            }
            let cards = cards_csv::cards(&table, &layout, file, today)?;
            Ok(CardFile {
                format: CardFormat::Csv,
                kept_in_notes: cards_csv::noted_columns(&table, &layout),
                cards,
            })
        }
    }
}
