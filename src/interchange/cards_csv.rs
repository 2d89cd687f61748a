//! Business cards from a CSV table: columns recognised by header (or `--map`), whole names
//! and readings split, several phone or address columns combined, and every column with no
//! field of its own kept in the notes, so nothing in the file is lost.

use super::columns::{CARD_COLUMNS, field_for, header_key};
use super::csv_in::Table;
use super::excel::without_guard;
use crate::error::{Error, Result};
use crate::model::contact::{ContactFields, ValueKind};
use crate::model::dates::parse_due;
use crate::model::text::{display_safe, is_japanese};
use chrono::NaiveDate;

/// The fields `--map` may name.
pub const MAPPABLE: &[&str] = &[
    "id",
    "family_name",
    "given_name",
    "name",
    "family_reading",
    "given_reading",
    "reading",
    "company",
    "company_reading",
    "department",
    "title",
    "email",
    "phone",
    "mobile",
    "fax",
    "postal_code",
    "address",
    "url",
    "exchanged_on",
    "exchanged_at",
    "exchanged_by",
    "notes",
    "tags",
    "ignore",
];

/// A card read from a file, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub line: usize,
    /// The id it had where it was exported from (vCard UID), if any.
    pub uid: Option<String>,
    /// The card is a company's own, with no person on it (an address book's company entry).
    pub is_company: bool,
    pub fields: ContactFields,
}

/// Reads `--map 'HEADER=field'` options.
pub fn parse_maps(maps: &[String]) -> Result<Vec<(String, String)>> {
    maps.iter()
        .map(|m| {
            let (header, field) = m.rsplit_once('=').ok_or_else(|| {
                Error::invalid(format!("--map '{m}': write it as 'HEADER=field'"))
            })?;
            let field = field.trim().to_string();
            if !MAPPABLE.contains(&field.as_str()) {
                return Err(Error::invalid(format!(
                    "--map '{m}': '{field}' is not a card field (use one of {})",
                    MAPPABLE.join(", ")
                )));
            }
            Ok((header.trim().to_string(), field))
        })
        .collect()
}

/// What each column of a file holds.
#[derive(Debug)]
pub struct Layout {
    pub fields: Vec<Option<&'static str>>,
    /// Headers of the columns kept in the notes.
    pub kept_in_notes: Vec<String>,
}

pub fn layout(headers: &[String], maps: &[(String, String)], file: &str) -> Result<Layout> {
    for (header, _) in maps {
        if !headers.iter().any(|h| header_key(h) == header_key(header)) {
            // The columns come from the file: made safe to print.
            return Err(Error::invalid(display_safe(&format!(
                "--map: {file} has no column '{header}' (its columns: {})",
                headers.join(", ")
            ))));
        }
    }
    let fields: Vec<Option<&'static str>> = headers
        .iter()
        .map(|h| {
            match maps
                .iter()
                .find(|(header, _)| header_key(header) == header_key(h))
            {
                Some((_, field)) => MAPPABLE
                    .iter()
                    .copied()
                    .find(|f| f == field)
                    .filter(|f| *f != "ignore"),
                None => field_for(h, CARD_COLUMNS),
            }
        })
        .collect();
    let ignored: Vec<&str> = maps
        .iter()
        .filter(|(_, f)| f == "ignore")
        .map(|(h, _)| h.as_str())
        .collect();
    let kept_in_notes = headers
        .iter()
        .zip(&fields)
        .filter(|(h, f)| {
            f.is_none() && !h.is_empty() && !ignored.iter().any(|i| header_key(i) == header_key(h))
        })
        .map(|(h, _)| h.clone())
        .collect();
    Ok(Layout {
        fields,
        kept_in_notes,
    })
}

/// Splits a whole name: 「佐藤 花子」 → (佐藤, 花子); "John Smith" → (Smith, John).
pub fn split_name(name: &str, reading: bool) -> (Option<String>, Option<String>) {
    let parts: Vec<&str> = name.split_whitespace().collect();
    match parts.as_slice() {
        [] => (None, None),
        [one] => (Some(one.to_string()), None),
        [first, rest @ ..] if reading || is_japanese(name) => {
            (Some(first.to_string()), Some(rest.join(" ")))
        }
        [init @ .., last] => (Some(last.to_string()), Some(init.join(" "))),
    }
}

/// The cards of a CSV table.
pub fn cards(table: &Table, layout: &Layout, file: &str, today: NaiveDate) -> Result<Vec<Card>> {
    let mut out = Vec::with_capacity(table.rows.len());
    for (line, row) in &table.rows {
        let mut card = ContactFields::default();
        let mut uid = None;
        let mut notes: Vec<String> = Vec::new();
        let mut extras: Vec<String> = Vec::new();
        let mut address_parts: Vec<String> = Vec::new();
        for ((value, field), header) in row.iter().zip(&layout.fields).zip(&table.headers) {
            let value = without_guard(value.trim());
            if value.is_empty() {
                continue;
            }
            let Some(field) = field else {
                if layout.kept_in_notes.contains(header) {
                    extras.push(format!("{header}: {value}"));
                }
                continue;
            };
            let slot = match *field {
                "id" => {
                    uid = Some(value.to_string());
                    continue;
                }
                "name" => {
                    let (family, given) = split_name(value, false);
                    card.family_name = card.family_name.or(family);
                    card.given_name = card.given_name.or(given);
                    continue;
                }
                "reading" => {
                    let (family, given) = split_name(value, true);
                    card.family_reading = card.family_reading.or(family);
                    card.given_reading = card.given_reading.or(given);
                    continue;
                }
                "address_part" => {
                    address_parts.push(value.to_string());
                    continue;
                }
                "notes" => {
                    notes.push(value.to_string());
                    continue;
                }
                "tags" => {
                    let tags = value
                        .split([',', '、', ';'])
                        .map(|t| t.trim().to_string())
                        .filter(|t| !t.is_empty());
                    card.tags.get_or_insert_with(Vec::new).extend(tags);
                    continue;
                }
                "exchanged_on" => {
                    let date = parse_due(value, today).map_err(|_| {
                        // The header and the cell come from the file: made safe to print.
                        Error::invalid(display_safe(&format!(
                            "{file}, line {line}, column '{header}': '{value}' is not a date"
                        )))
                    })?;
                    card.exchanged_on = Some(date.date);
                    continue;
                }
                "family_name" => &mut card.family_name,
                "given_name" => &mut card.given_name,
                "family_reading" => &mut card.family_reading,
                "given_reading" => &mut card.given_reading,
                "company" => &mut card.company,
                "company_reading" => &mut card.company_reading,
                "department" => &mut card.department,
                "email" => {
                    card.push_email(value, ValueKind::Work);
                    continue;
                }
                "phone" | "mobile" | "fax" => {
                    let kind = match *field {
                        "mobile" => ValueKind::Mobile,
                        "fax" => ValueKind::Fax,
                        _ => ValueKind::Work,
                    };
                    card.push_phone(value, kind);
                    continue;
                }
                "title" => &mut card.title,
                "postal_code" => &mut card.postal_code,
                "address" => &mut card.address,
                "url" => &mut card.url,
                "exchanged_at" => &mut card.exchanged_at,
                "exchanged_by" => &mut card.exchanged_by,
                _ => continue,
            };
            match slot {
                None => *slot = Some(value.to_string()),
                // A second column for the same field (TEL部門 after TEL会社): kept in the notes.
                Some(existing) if existing != value => extras.push(format!("{header}: {value}")),
                Some(_) => {}
            }
        }
        if !address_parts.is_empty() {
            let joined = address_parts.join(if address_parts.iter().any(|p| is_japanese(p)) {
                ""
            } else {
                " "
            });
            card.address = Some(match card.address.take() {
                Some(a) => format!("{a} {joined}"),
                None => joined,
            });
        }
        notes.extend(extras);
        if !notes.is_empty() {
            card.notes = Some(notes.join("\n"));
        }
        out.push(Card {
            line: *line,
            uid,
            is_company: false,
            fields: card,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::contact::PhoneSlot;
    use crate::interchange::csv_in;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn eight_style_rows_map_and_keep_every_number() {
        let text = "会社名,部署名,役職,姓,名,e-mail,TEL会社,TEL部門,携帯電話,名刺交換日,好きな色\n\
                    株式会社サンプル商事,営業部,部長,佐藤,花子,h@x.example.jp,03-1,03-2,090-1,2026/10/02,青\n";
        let table = csv_in::read(text, "f.csv").unwrap();
        let layout = layout(&table.headers, &[], "f.csv").unwrap();
        assert_eq!(layout.kept_in_notes, ["好きな色"]);
        let cards = cards(&table, &layout, "f.csv", today()).unwrap();
        let c = &cards[0].fields;
        assert_eq!(c.family_name.as_deref(), Some("佐藤"));
        assert_eq!(c.number(PhoneSlot::Phone), Some("03-1"));
        assert_eq!(c.number(PhoneSlot::Mobile), Some("090-1"));
        let numbers: Vec<&str> = c.phones.iter().flatten().map(|v| v.value.as_str()).collect();
        assert_eq!(numbers, ["03-1", "03-2", "090-1"], "TEL部門 is a number too");
        assert_eq!(c.exchanged_on, NaiveDate::from_ymd_opt(2026, 10, 2));
        assert_eq!(c.notes.as_deref(), Some("好きな色: 青"));
        assert_eq!(cards[0].line, 2);
    }

    #[test]
    fn maps_and_whole_names() {
        let text = "氏名,ふりがな,勤務先\n佐藤 花子,さとう はなこ,ミドリ技研\nJohn Smith,,Acme\n";
        let table = csv_in::read(text, "f.csv").unwrap();
        let maps = parse_maps(&["勤務先=company".to_string()]).unwrap();
        let layout = layout(&table.headers, &maps, "f.csv").unwrap();
        let cards = cards(&table, &layout, "f.csv", today()).unwrap();
        assert_eq!(cards[0].fields.given_reading.as_deref(), Some("はなこ"));
        assert_eq!(cards[0].fields.company.as_deref(), Some("ミドリ技研"));
        assert_eq!(cards[1].fields.family_name.as_deref(), Some("Smith"));
        assert_eq!(cards[1].fields.given_name.as_deref(), Some("John"));
        assert!(
            parse_maps(&["x=shoe_size".to_string()])
                .unwrap_err()
                .to_string()
                .contains("not a card field")
        );
        assert!(
            super::layout(
                &table.headers,
                &[("nope".into(), "company".into())],
                "f.csv"
            )
            .is_err()
        );
    }

    #[test]
    fn a_bad_date_names_line_and_column() {
        let table = csv_in::read("姓,名刺交換日\n佐藤,2026/13/45\n", "f.csv").unwrap();
        let layout = layout(&table.headers, &[], "f.csv").unwrap();
        let err = cards(&table, &layout, "f.csv", today())
            .unwrap_err()
            .to_string();
        assert!(err.contains("f.csv, line 2, column '名刺交換日'"), "{err}");
    }
}
