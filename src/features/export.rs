//! Records out: contacts as CSV, JSON or vCard; leads and activities as CSV or JSON.

use crate::config::TextEncoding;
use crate::error::{Error, Result};
use crate::interchange::csv_out::CsvOut;
use crate::interchange::vcard::{self, VcardVersion};
use crate::model::contact::{NameOrder, ValueKind};
use crate::model::contact_value::{lines_text, list_text};
use crate::model::dates::format_timestamp;
use crate::model::{Activity, Contact, Lead};
use crate::store::{Store, activities, contacts, leads};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordFormat {
    Csv,
    Json,
    Vcard,
}

/// How a CSV comes out.
#[derive(Debug, Clone, Copy)]
pub struct CsvOptions {
    pub encoding: TextEncoding,
    /// Make formula-like cells inert (off with `--raw`).
    pub excel_safe: bool,
}

/// An export's bytes, the number of records, and characters the encoding could not hold.
pub struct Exported {
    pub bytes: Vec<u8>,
    pub records: usize,
    pub lost_characters: usize,
}

const CONTACT_COLUMNS: &[&str] = &[
    "id",
    "family_name",
    "given_name",
    "family_reading",
    "given_reading",
    "company",
    "company_reading",
    "department",
    "title",
    "email",
    "phone",
    "mobile",
    "fax",
    "emails",
    "phones",
    "postal_code",
    "address",
    "url",
    "other_addresses",
    "other_urls",
    "other_companies",
    "exchanged_on",
    "exchanged_at",
    "exchanged_by",
    "notes",
    "tags",
];

fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

fn contact_row(c: &Contact) -> Vec<String> {
    vec![
        c.id.clone(),
        opt(&c.family_name),
        opt(&c.given_name),
        opt(&c.family_reading),
        opt(&c.given_reading),
        opt(&c.company),
        opt(&c.company_reading),
        opt(&c.department),
        opt(&c.title),
        opt(&c.email),
        opt(&c.phone),
        opt(&c.mobile),
        opt(&c.fax),
        list_text(&c.emails, ValueKind::Work),
        list_text(&c.phones, ValueKind::Work),
        opt(&c.postal_code),
        opt(&c.address),
        opt(&c.url),
        lines_text(&c.other_addresses, ValueKind::Other),
        list_text(&c.other_urls, ValueKind::Other),
        list_text(&c.other_companies, ValueKind::Other),
        c.exchanged_on.map(|d| d.to_string()).unwrap_or_default(),
        opt(&c.exchanged_at),
        opt(&c.exchanged_by),
        opt(&c.notes),
        c.tags.join(", "),
    ]
}

fn json_error(e: serde_json::Error) -> Error {
    Error::Io(format!("cannot write JSON: {e}"))
}

/// Every live contact, in reading order.
pub fn contacts(
    store: &Store,
    format: RecordFormat,
    csv: CsvOptions,
    version: VcardVersion,
    order: NameOrder,
    progress: &dyn Fn(usize),
) -> Result<Exported> {
    let conn = store.conn();
    let mut records = 0;
    match format {
        RecordFormat::Csv => {
            let mut out = CsvOut::new(CONTACT_COLUMNS, csv.excel_safe)?;
            contacts::each(conn, |c| {
                records += 1;
                progress(records);
                out.row(&contact_row(&c))
            })?;
            let (bytes, lost_characters) = out.finish(csv.encoding)?;
            Ok(Exported {
                bytes,
                records,
                lost_characters,
            })
        }
        RecordFormat::Json => {
            let mut all = Vec::new();
            contacts::each(conn, |c| {
                records += 1;
                progress(records);
                all.push(c);
                Ok(())
            })?;
            let bytes = serde_json::to_vec_pretty(&all).map_err(json_error)?;
            Ok(Exported {
                bytes,
                records,
                lost_characters: 0,
            })
        }
        RecordFormat::Vcard => {
            let mut text = String::new();
            contacts::each(conn, |c| {
                records += 1;
                progress(records);
                text.push_str(&vcard::write(std::slice::from_ref(&c), version, order));
                Ok(())
            })?;
            Ok(Exported {
                bytes: text.into_bytes(),
                records,
                lost_characters: 0,
            })
        }
    }
}

const LEAD_COLUMNS: &[&str] = &[
    "id",
    "title",
    "company",
    "stage",
    "source",
    "source_detail",
    "owner",
    "value",
    "next_action",
    "next_action_on",
    "rank",
    "score",
    "tags",
    "notes",
    "last_activity_at",
    "created_at",
    "updated_at",
];

fn lead_row(l: &Lead) -> Vec<String> {
    vec![
        l.id.clone(),
        l.title.clone(),
        opt(&l.company),
        l.stage.id().to_string(),
        opt(&l.source),
        opt(&l.source_detail),
        opt(&l.owner),
        l.value.map(|v| v.to_string()).unwrap_or_default(),
        opt(&l.next_action),
        l.next_action_on.map(|d| d.to_storage()).unwrap_or_default(),
        l.rank.to_string(),
        crate::model::format::score(l.score),
        l.tags.join(", "),
        opt(&l.notes),
        l.last_activity_at
            .as_ref()
            .map(format_timestamp)
            .unwrap_or_default(),
        format_timestamp(&l.created_at),
        format_timestamp(&l.updated_at),
    ]
}

/// Every live lead, customers included.
pub fn leads(
    store: &Store,
    format: RecordFormat,
    csv: CsvOptions,
    progress: &dyn Fn(usize),
) -> Result<Exported> {
    let conn = store.conn();
    let mut records = 0;
    match format {
        RecordFormat::Csv => {
            let mut out = CsvOut::new(LEAD_COLUMNS, csv.excel_safe)?;
            leads::each(conn, |l| {
                records += 1;
                progress(records);
                out.row(&lead_row(&l))
            })?;
            let (bytes, lost_characters) = out.finish(csv.encoding)?;
            Ok(Exported {
                bytes,
                records,
                lost_characters,
            })
        }
        RecordFormat::Json => {
            let mut all = Vec::new();
            leads::each(conn, |l| {
                records += 1;
                progress(records);
                all.push(l);
                Ok(())
            })?;
            Ok(Exported {
                bytes: serde_json::to_vec_pretty(&all).map_err(json_error)?,
                records,
                lost_characters: 0,
            })
        }
        RecordFormat::Vcard => Err(Error::invalid(
            "--format vcard is for contacts; use csv or json for leads",
        )),
    }
}

const ACTIVITY_COLUMNS: &[&str] = &[
    "id",
    "kind",
    "lead_id",
    "contact_id",
    "occurred_at",
    "duration_minutes",
    "direction",
    "summary",
    "body",
    "by",
];

fn activity_row(a: &Activity) -> Vec<String> {
    vec![
        a.id.clone(),
        a.kind.id().to_string(),
        opt(&a.lead_id),
        opt(&a.contact_id),
        format_timestamp(&a.occurred_at),
        a.duration_minutes
            .map(|m| m.to_string())
            .unwrap_or_default(),
        a.direction.map(|d| d.id().to_string()).unwrap_or_default(),
        a.summary.clone(),
        opt(&a.body),
        opt(&a.by),
    ]
}

/// Every live activity, newest first.
pub fn activities(
    store: &Store,
    format: RecordFormat,
    csv: CsvOptions,
    progress: &dyn Fn(usize),
) -> Result<Exported> {
    let conn = store.conn();
    let mut records = 0;
    match format {
        RecordFormat::Csv => {
            let mut out = CsvOut::new(ACTIVITY_COLUMNS, csv.excel_safe)?;
            activities::each(conn, |a| {
                records += 1;
                progress(records);
                out.row(&activity_row(&a))
            })?;
            let (bytes, lost_characters) = out.finish(csv.encoding)?;
            Ok(Exported {
                bytes,
                records,
                lost_characters,
            })
        }
        RecordFormat::Json => {
            let mut all = Vec::new();
            activities::each(conn, |a| {
                records += 1;
                progress(records);
                all.push(a);
                Ok(())
            })?;
            Ok(Exported {
                bytes: serde_json::to_vec_pretty(&all).map_err(json_error)?,
                records,
                lost_characters: 0,
            })
        }
        RecordFormat::Vcard => Err(Error::invalid(
            "--format vcard is for contacts; use csv or json for activities",
        )),
    }
}
