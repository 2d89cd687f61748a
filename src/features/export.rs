//! Records out: contacts as CSV, JSON or vCard; leads and activities as CSV or JSON.
//!
//! One exporter for every record and format: it reads the records in one statement (one
//! read transaction, so the file is one moment of the store) and writes each as it is read,
//! so memory stays the same whatever the number of records. The columns come from the
//! record's field table (`Record::FIELDS`).

use crate::config::{Language, TextEncoding};
use crate::error::{Error, Result};
use crate::i18n::Arg;
use crate::i18n::columns;
use crate::interchange::csv_out::{CsvOut, write_error};
use crate::interchange::vcard::{self, VcardVersion};
use crate::model::contact::NameOrder;
use crate::model::fields::Field;
use crate::model::{Activity, Contact, Lead, Record};
use crate::store::{Store, activities, contacts, leads};
use serde::Serializer;
use serde::ser::SerializeSeq;
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordFormat {
    Csv,
    Json,
    Vcard,
}

/// Which records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Records {
    Contacts,
    Leads,
    Activities,
}

impl Records {
    pub fn noun(self) -> &'static str {
        match self {
            Records::Contacts => Contact::NOUNS,
            Records::Leads => Lead::NOUNS,
            Records::Activities => Activity::NOUNS,
        }
    }
}

/// How a CSV comes out.
#[derive(Debug, Clone, Copy)]
pub struct CsvOptions {
    pub encoding: TextEncoding,
    /// Make formula-like cells inert (off with `--raw`).
    pub excel_safe: bool,
    /// The language of the header row (`--headers`): English is the field names, as
    /// scripts read them; Japanese titles come with the model's names in Japanese too
    /// (検討段階 for `considering`), which the import reads back.
    pub headers: Language,
}

/// How an export comes out.
#[derive(Debug, Clone, Copy)]
pub struct ExportOptions {
    pub format: RecordFormat,
    pub csv: CsvOptions,
    /// vCard (contacts only).
    pub vcard: VcardVersion,
    pub name_order: NameOrder,
}

/// What an export wrote: the number of records, and characters the encoding could not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Written {
    pub records: usize,
    pub lost_characters: usize,
}

/// An export held in memory (small ones, and tests): its bytes, the number of records, and
/// characters the encoding could not hold.
pub struct Exported {
    pub bytes: Vec<u8>,
    pub records: usize,
    pub lost_characters: usize,
}

impl Exported {
    /// Runs an export into memory.
    pub fn collect(write: impl FnOnce(&mut dyn Write) -> Result<Written>) -> Result<Exported> {
        let mut bytes = Vec::new();
        let written = write(&mut bytes)?;
        Ok(Exported {
            bytes,
            records: written.records,
            lost_characters: written.lost_characters,
        })
    }
}

/// Every live contact, in reading order, in memory ([`export`] writes them as it goes).
pub fn contacts(
    store: &Store,
    format: RecordFormat,
    csv: CsvOptions,
    vcard: VcardVersion,
    name_order: NameOrder,
    progress: &dyn Fn(usize),
) -> Result<Exported> {
    let options = ExportOptions {
        format,
        csv,
        vcard,
        name_order,
    };
    Exported::collect(|out| export(store, Records::Contacts, &options, out, progress))
}

/// Every live lead, customers included, in memory.
pub fn leads(
    store: &Store,
    format: RecordFormat,
    csv: CsvOptions,
    progress: &dyn Fn(usize),
) -> Result<Exported> {
    let options = ExportOptions {
        format,
        csv,
        vcard: VcardVersion::V4,
        name_order: NameOrder::default(),
    };
    Exported::collect(|out| export(store, Records::Leads, &options, out, progress))
}

/// Every live activity, newest first, in memory.
pub fn activities(
    store: &Store,
    format: RecordFormat,
    csv: CsvOptions,
    progress: &dyn Fn(usize),
) -> Result<Exported> {
    let options = ExportOptions {
        format,
        csv,
        vcard: VcardVersion::V4,
        name_order: NameOrder::default(),
    };
    Exported::collect(|out| export(store, Records::Activities, &options, out, progress))
}

/// Writes every live record of `what` to `out` as it reads it (in one read transaction): contacts in reading order,
/// leads by stage and board order, activities newest first. `progress` hears the count.
pub fn export(
    store: &Store,
    what: Records,
    options: &ExportOptions,
    out: &mut dyn Write,
    progress: &dyn Fn(usize),
) -> Result<Written> {
    store.read(|conn| match what {
        Records::Contacts => {
            let card = |c: &Contact| {
                vcard::write(std::slice::from_ref(c), options.vcard, options.name_order)
            };
            write_all(
                |f| contacts::each(conn, f),
                Some(&card),
                columns::contact,
                options,
                out,
                progress,
            )
        }
        Records::Leads => write_all(
            |f| leads::each(conn, f),
            None,
            columns::lead,
            options,
            out,
            progress,
        ),
        Records::Activities => write_all(
            |f| activities::each(conn, f),
            None,
            columns::activity,
            options,
            out,
            progress,
        ),
    })
}

/// The one way records become a file: `each` hands over the records one at a time;
/// `title` names a CSV column in a language.
fn write_all<R: Record>(
    each: impl FnOnce(&mut dyn FnMut(R) -> Result<()>) -> Result<()>,
    card: Option<&dyn Fn(&R) -> String>,
    title: fn(&str, Language) -> String,
    options: &ExportOptions,
    out: &mut dyn Write,
    progress: &dyn Fn(usize),
) -> Result<Written> {
    let mut records = 0;
    let counted = |records: &mut usize| {
        *records += 1;
        progress(*records);
    };
    match options.format {
        RecordFormat::Csv => csv_rows(
            R::headers().map(|name| title(name, options.csv.headers)),
            |record: &R| record.cells_in(options.csv.headers).collect::<Vec<_>>(),
            |f| {
                each(&mut |record: R| {
                    counted(&mut records);
                    f(record)
                })
            },
            options.csv,
            out,
        ),
        RecordFormat::Json => json_rows(
            |f| {
                each(&mut |record: R| {
                    counted(&mut records);
                    f(record)
                })
            },
            out,
        ),
        RecordFormat::Vcard => {
            let card = card.ok_or_else(|| {
                Error::said(
                    "error-vcard-is-for-contacts",
                    [(
                        "records",
                        Arg::in_each(|l| crate::i18n::labels::records(R::NOUNS, l)),
                    )],
                )
            })?;
            each(&mut |record: R| {
                counted(&mut records);
                out.write_all(card(&record).as_bytes()).map_err(write_error)
            })?;
            Ok(Written {
                records,
                lost_characters: 0,
            })
        }
    }
}

/// Leads already read (`lead list`) as CSV: the columns of `Lead::FIELDS` named in
/// `names`, in that order (a name of no field is left out).
pub fn lead_table(
    leads: &[Lead],
    names: &[&str],
    csv: CsvOptions,
    out: &mut dyn Write,
) -> Result<Written> {
    let fields: Vec<&Field<Lead>> = names
        .iter()
        .filter_map(|name| Lead::FIELDS.iter().find(|f| f.name == *name))
        .collect();
    csv_rows(
        fields.iter().map(|f| columns::lead(f.name, csv.headers)),
        |lead: &&Lead| {
            fields
                .iter()
                .map(|f| f.cell_in(lead, csv.headers))
                .collect::<Vec<_>>()
        },
        |f| leads.iter().try_for_each(f),
        csv,
        out,
    )
}

/// Rows as CSV (with the header line), written as `each` hands them over; how many rows,
/// and how many characters the encoding could not hold. Every CSV export goes through here.
pub(crate) fn csv_rows<T, C, S>(
    headers: impl Iterator<Item = String>,
    cells: impl Fn(&T) -> C,
    each: impl FnOnce(&mut dyn FnMut(T) -> Result<()>) -> Result<()>,
    options: CsvOptions,
    out: &mut dyn Write,
) -> Result<Written>
where
    C: IntoIterator<Item = S>,
    S: AsRef<str> + AsRef<[u8]>,
{
    let headers: Vec<String> = headers.collect();
    let mut csv = CsvOut::new(
        &mut *out,
        headers.iter().map(String::as_str),
        options.encoding,
        options.excel_safe,
    )?;
    let mut records = 0;
    each(&mut |row: T| {
        records += 1;
        csv.row(cells(&row))
    })?;
    let (_, lost_characters) = csv.finish()?;
    Ok(Written {
        records,
        lost_characters,
    })
}

/// Rows as one JSON array, each element written as `each` hands it over. Every JSON export
/// goes through here.
pub(crate) fn json_rows<T: serde::Serialize>(
    each: impl FnOnce(&mut dyn FnMut(T) -> Result<()>) -> Result<()>,
    out: &mut dyn Write,
) -> Result<Written> {
    let mut json = serde_json::Serializer::pretty(&mut *out);
    let mut array = json.serialize_seq(None).map_err(json_error)?;
    let mut records = 0;
    each(&mut |row: T| {
        records += 1;
        array.serialize_element(&row).map_err(json_error)
    })?;
    array.end().map_err(json_error)?;
    Ok(Written {
        records,
        lost_characters: 0,
    })
}

pub(crate) fn json_error(e: serde_json::Error) -> Error {
    if e.is_io() {
        return write_error(e.into());
    }
    Error::Io(crate::i18n::Said::new(
        "error-cannot-write-json",
        [("reason", e.to_string())],
    ))
}
