//! Leads from a CSV table. A value that cannot be read (an unknown stage, a date that is
//! not one) stops the whole file with its line and column named.
//!
//! Files come from Japanese Excel as often as from leadtrack: an amount may carry a yen
//! sign (`\3,500,000` once Shift_JIS is decoded), a date may be an era date or an Excel
//! serial number, a stage or source may be its label in either language. leadtrack's own
//! export reads back as it was written: its formula guards go, its `id` column says which
//! lead a row updates, and the columns it works out itself (rank, score, timestamps) are
//! not read.

use super::columns::{field_for, header_key};
use super::csv_in::{Table, cell_at, cell_error, said_each};
use super::excel::without_guard;
use super::skipped::SkipReason;
use crate::config::Language;
use crate::error::{Error, Result};
use crate::i18n::{Arg, Said};
use crate::model::Stage;
use crate::model::amount::parse_amount;
use crate::model::dates::parse_cell_date;
use crate::model::lead::LeadFields;
use crate::model::source;
use crate::model::text::{display_safe, split_tags};
use crate::model::{Lead, Record};
use chrono::NaiveDate;

/// How many of a lead's fields a file gives (the rest leadtrack works out itself).
const READ: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < Lead::FIELDS.len() {
        if !Lead::FIELDS[i].derived {
            n += 1;
        }
        i += 1;
    }
    n
};

/// The names of `Lead::FIELDS` whose `derived` is `derived`, then `last` if given.
const fn names<const N: usize>(derived: bool, last: Option<&'static str>) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut i, mut j) = (0, 0);
    while i < Lead::FIELDS.len() {
        if Lead::FIELDS[i].derived == derived {
            out[j] = Lead::FIELDS[i].name;
            j += 1;
        }
        i += 1;
    }
    if let Some(last) = last {
        out[j] = last;
    }
    out
}

/// The fields `--map` may name: those of `Lead::FIELDS` a file gives, and `ignore`.
pub const MAPPABLE: &[&str] = &names::<{ READ + 1 }>(false, Some("ignore"));

/// Columns of leadtrack's export that it works out itself: known, never read.
pub const DERIVED: &[&str] = &names::<{ Lead::FIELDS.len() - READ }>(true, None);

/// Whether a header row is a file of leads': a title column and a stage or value one.
pub fn looks_like_leads(headers: &[String]) -> bool {
    let has = |field: &str| {
        headers
            .iter()
            .any(|h| field_for(h, Lead::FIELDS) == Some(field))
    };
    has("title") && (has("stage") || has("value") || has("next_action"))
}

/// A lead row, or why the row was passed over.
#[derive(Debug, Clone)]
pub enum Row {
    /// `id`: the lead the row was exported from, if the file says (it may name no lead here).
    /// `stage_given`: the file said the stage (else the default applies to new leads only).
    Lead {
        line: usize,
        id: Option<String>,
        fields: Box<LeadFields>,
        stage_given: bool,
    },
    Skipped {
        line: usize,
        reason: SkipReason,
    },
}

/// What a lead file holds.
pub struct LeadFile {
    pub rows: Vec<Row>,
    /// Headers of the columns with no field of their own, kept in each lead's notes.
    pub kept_in_notes: Vec<String>,
    /// Headers of the columns leadtrack works out itself ([`DERIVED`]), not read.
    pub not_read: Vec<String>,
    /// The header of the campaign column, if the file has one: its cells name a campaign
    /// by name or id, looked up when the rows are taken in.
    pub campaign_column: Option<String>,
}

/// The leads of a table. `sources` are the configured lead sources.
pub fn leads(
    table: &Table,
    maps: &[(String, String)],
    sources: &[String],
    file: &str,
    today: NaiveDate,
) -> Result<LeadFile> {
    for (header, field) in maps {
        if !MAPPABLE.contains(&field.as_str()) {
            return Err(Error::said(
                "error-map-not-a-lead-field",
                [
                    ("header", header.to_string()),
                    ("field", field.to_string()),
                    ("fields", MAPPABLE.join(", ")),
                ],
            ));
        }
        if !table
            .headers
            .iter()
            .any(|h| header_key(h) == header_key(header))
        {
            return Err(Error::said(
                "error-map-no-column",
                [("file", file.to_string()), ("header", header.to_string())],
            ));
        }
    }
    let fields: Vec<Option<&'static str>> = table
        .headers
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
                None => field_for(h, Lead::FIELDS),
            }
        })
        .collect();
    if !fields.contains(&Some("title")) {
        return Err(Error::said("error-no-title-column", [("file", file)]));
    }
    let headers_of = |wanted: fn(Option<&str>) -> bool| -> Vec<String> {
        table
            .headers
            .iter()
            .zip(&fields)
            .filter(|(_, f)| wanted(**f))
            .map(|(h, _)| h.clone())
            .collect()
    };
    let kept_in_notes = headers_of(|f| f.is_none());
    let not_read = headers_of(|f| f.is_some_and(|f| DERIVED.contains(&f)));
    let mut rows = Vec::new();
    for (line, row) in &table.rows {
        let line = *line;
        let mut lead = LeadFields::default();
        let mut id = None;
        let mut stage_given = false;
        let mut extras: Vec<String> = Vec::new();
        for ((value, field), header) in row.iter().zip(&fields).zip(&table.headers) {
            let value = without_guard(value.trim());
            if value.is_empty() {
                continue;
            }
            let at = || cell_at(file, line, header);
            let text = Some(value.to_string());
            match field {
                None => extras.push(format!("{header}: {value}")),
                Some("id") => id = text,
                Some("title") => lead.title = value.to_string(),
                Some("company") => lead.company = text,
                Some("stage") => {
                    lead.stage = value.parse::<Stage>().map_err(|e| {
                        Error::said(
                            "error-not-a-stage",
                            [
                                ("flag", at()),
                                ("typed", Arg::from(display_safe(&e.0))),
                                (
                                    "names",
                                    Arg::Each {
                                        en: crate::model::stage::accepted_names(),
                                        ja: crate::model::stage::accepted_names_ja(),
                                    },
                                ),
                            ],
                        )
                    })?;
                    stage_given = true;
                }
                Some("source") => {
                    let Some(id) = source::resolve(value, sources) else {
                        let problem = Said::new(
                            "error-not-a-source",
                            [
                                ("typed", Arg::from(display_safe(value))),
                                (
                                    "names",
                                    Arg::Each {
                                        en: source::accepted_names(sources),
                                        ja: source::accepted_names_ja(sources),
                                    },
                                ),
                            ],
                        );
                        return Err(cell_error(at(), said_each(&problem)));
                    };
                    lead.source = Some(id.to_string());
                }
                Some("source_detail") => lead.source_detail = text,
                Some("owner") => lead.owner = text,
                Some("value") => {
                    let amount = parse_amount(value).map_err(|e| {
                        Error::said(
                            "error-not-an-amount",
                            [("flag", at()), ("typed", Arg::from(e.0))],
                        )
                    })?;
                    lead.value = Some(amount);
                }
                Some("next_action") => lead.next_action = text,
                Some("next_action_on") => {
                    let due = parse_cell_date(value, today).map_err(|e| {
                        let problem = Arg::in_each(|l| e.message(l == Language::Ja));
                        cell_error(at(), problem)
                    })?;
                    lead.next_action_on = Some(due);
                }
                Some("tags") => lead.tags = split_tags(&[value.to_string()]),
                Some("notes") => lead.notes = text,
                Some("campaign_id") => lead.campaign_id = text,
                Some(_) => {}
            }
        }
        if !extras.is_empty() {
            let mut notes: Vec<String> = lead.notes.take().into_iter().collect();
            notes.extend(extras);
            lead.notes = Some(notes.join("\n"));
        }
        if lead.title.is_empty() {
            rows.push(Row::Skipped {
                line,
                reason: SkipReason::NoTitle,
            });
        } else {
            rows.push(Row::Lead {
                line,
                id,
                fields: Box::new(lead),
                stage_given,
            });
        }
    }
    let campaign_column = table
        .headers
        .iter()
        .zip(&fields)
        .find(|(_, f)| **f == Some("campaign_id"))
        .map(|(h, _)| h.clone());
    Ok(LeadFile {
        rows,
        kept_in_notes,
        not_read,
        campaign_column,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::csv_in;

    /// leadtrack's own export with Japanese headers: its id and fields read, the columns it
    /// works out itself known and left out, nothing of its own kept in the notes.
    #[test]
    fn its_own_japanese_columns_are_read_or_known() {
        let text = "リードID,案件名,流入元の詳細,ランク,スコア,最終活動日時,作成日時,更新日時,好きな色\n\
                    L1,刷新,展示会2026,A,12,2026-11-01T00:00:00Z,2026-10-01T00:00:00Z,2026-10-02T00:00:00Z,青\n";
        let table = csv_in::read(text, "f.csv").unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let file = leads(&table, &[], &[], "f.csv", today).unwrap();
        assert_eq!(
            file.not_read,
            ["ランク", "スコア", "最終活動日時", "作成日時", "更新日時"]
        );
        assert_eq!(file.kept_in_notes, ["好きな色"]);
        let Row::Lead { id, fields, .. } = &file.rows[0] else {
            panic!("row 2 is a lead");
        };
        assert_eq!(id.as_deref(), Some("L1"));
        assert_eq!(fields.source_detail.as_deref(), Some("展示会2026"));
        assert_eq!(fields.notes.as_deref(), Some("好きな色: 青"));
    }
}
