//! Whom to call: the follow-up list (SPEC §2.6) as CSV for Excel, JSON for scripts, ICS
//! for calendars and Markdown for chat.

use crate::config::{Language, TextEncoding};
use crate::error::{Error, Result};
use crate::features::export::{CsvOptions, Exported, Written, csv_rows, json_rows};
use crate::followups::{Bucket, bucket};
use crate::i18n::columns;
use crate::interchange::csv_out::write_error;
use crate::interchange::ics::{self, Event};
use crate::interchange::markdown::escape;
use crate::model::contact::{NameOrder, display_name};
use crate::model::dates::format_timestamp;
use crate::model::{Due, Rank};
use crate::store::Store;
use crate::store::narrowing::Narrowing;
use crate::store::reports::{self, FollowUpRecord};
use chrono::{Days, NaiveDate};
use serde::Serialize;
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    Csv,
    Json,
    Ics,
    Md,
}

/// One row of the list (JSON field names).
#[derive(Debug, Clone, Serialize)]
pub struct FollowUp {
    pub due: Option<Due>,
    pub bucket: Bucket,
    pub lead_id: String,
    pub lead: String,
    pub company: Option<String>,
    pub stage: crate::model::Stage,
    pub rank: Rank,
    pub score: f64,
    pub next_action: Option<String>,
    pub contact: Option<String>,
    pub contact_phone: Option<String>,
    pub contact_email: Option<String>,
    pub owner: Option<String>,
    #[serde(with = "crate::model::dates::timestamp_opt")]
    pub last_activity_at: Option<chrono::DateTime<chrono::Utc>>,
    #[serde(skip)]
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// Which follow-ups.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Due within this many days from today (overdue always included).
    pub within_days: Option<u32>,
    /// The rep's filters (see `features::lead_filter`).
    pub narrowing: Narrowing,
}

pub fn list(
    store: &Store,
    selection: &Selection,
    today: NaiveDate,
    order: NameOrder,
) -> Result<Vec<FollowUp>> {
    let until = until(selection, today)?;
    let records = reports::follow_ups(store.conn(), until.as_deref(), &selection.narrowing)?;
    Ok(records.into_iter().map(|r| row(r, today, order)).collect())
}

/// The bound of `--within` (exclusive), as the store compares dates.
fn until(selection: &Selection, today: NaiveDate) -> Result<Option<String>> {
    let Some(days) = selection.within_days else {
        return Ok(None);
    };
    let last = today
        .checked_add_days(Days::new(u64::from(days) + 1))
        .ok_or_else(|| Error::said("error-too-many-days", [("days", days.to_string())]))?;
    Ok(Some(last.format("%Y-%m-%d").to_string()))
}

/// How a list is written out.
#[derive(Debug, Clone, Copy)]
pub struct ListOptions {
    pub format: ListFormat,
    pub encoding: TextEncoding,
    pub excel_safe: bool,
    /// The language of Markdown's headings.
    pub language: Language,
    /// The language of the CSV's header row and of its groups (`--headers`).
    pub headers: Language,
}

/// Writes the list of `selection` to `out` as it reads it (in one read transaction); with
/// it, the rows a calendar cannot hold (ICS).
pub fn export(
    store: &Store,
    selection: &Selection,
    today: NaiveDate,
    order: NameOrder,
    options: &ListOptions,
    out: &mut dyn Write,
) -> Result<(Written, usize)> {
    let until = until(selection, today)?;
    store.read(|conn| {
        let each = |f: &mut dyn FnMut(FollowUp) -> Result<()>| {
            reports::each_follow_up(conn, until.as_deref(), &selection.narrowing, |r| {
                f(row(r, today, order))
            })
        };
        write(&each, options, out)
    })
}

fn row(r: FollowUpRecord, today: NaiveDate, order: NameOrder) -> FollowUp {
    let contact = (r.contact_family.is_some() || r.contact_given.is_some()).then(|| {
        display_name(
            r.contact_family.as_deref(),
            r.contact_given.as_deref(),
            order,
        )
    });
    FollowUp {
        bucket: bucket(r.next_action_on.as_ref(), today),
        due: r.next_action_on,
        lead_id: r.lead_id,
        lead: r.title,
        company: r.company,
        stage: r.stage,
        rank: r.rank,
        score: r.score,
        next_action: r.next_action,
        contact,
        contact_phone: r.contact_phone,
        contact_email: r.contact_email,
        owner: r.owner,
        last_activity_at: r.last_activity_at,
        updated_at: r.updated_at,
    }
}

pub const COLUMNS: &[&str] = &[
    "due",
    "bucket",
    "lead",
    "company",
    "rank",
    "score",
    "next_action",
    "contact",
    "contact_phone",
    "contact_email",
    "owner",
    "last_activity",
    "lead_id",
];

/// The list as `options` say, in memory; with it, the rows a calendar cannot hold (ICS).
pub fn render(rows: &[FollowUp], options: &ListOptions) -> Result<(Exported, usize)> {
    let each = |f: &mut dyn FnMut(FollowUp) -> Result<()>| rows.iter().cloned().try_for_each(f);
    let mut undated = 0;
    let exported = Exported::collect(|out| {
        let (written, skipped) = write(&each, options, out)?;
        undated = skipped;
        Ok(written)
    })?;
    Ok((exported, undated))
}

/// Hands over the rows of the list one at a time, in order (Markdown asks twice: it counts
/// each group before it writes it).
type EachRow<'a> = dyn Fn(&mut dyn FnMut(FollowUp) -> Result<()>) -> Result<()> + 'a;

/// Writes the list to `out` row by row; with it, the rows a calendar cannot hold (ICS).
fn write(
    each: &EachRow<'_>,
    options: &ListOptions,
    out: &mut dyn Write,
) -> Result<(Written, usize)> {
    let mut records = 0;
    let mut undated = 0;
    match options.format {
        ListFormat::Csv => {
            let csv = CsvOptions {
                encoding: options.encoding,
                excel_safe: options.excel_safe,
                headers: options.headers,
            };
            let titles = COLUMNS.iter().map(|c| columns::follow_up(c, csv.headers));
            let cells = |f: &FollowUp| cells(f, csv.headers);
            let written = csv_rows(titles, cells, each, csv, out)?;
            return Ok((written, 0));
        }
        ListFormat::Json => return Ok((json_rows(each, out)?, 0)),
        ListFormat::Ics => {
            out.write_all(ics::begin().as_bytes())
                .map_err(write_error)?;
            each(&mut |f| match calendar_event(&f) {
                Some(event) => {
                    records += 1;
                    out.write_all(ics::event(&event).as_bytes())
                        .map_err(write_error)
                }
                None => {
                    undated += 1;
                    Ok(())
                }
            })?;
            out.write_all(ics::end().as_bytes()).map_err(write_error)?;
        }
        ListFormat::Md => {
            let mut counts = [0usize; Bucket::ALL.len()];
            each(&mut |f| {
                counts[bucket_index(f.bucket)] += 1;
                Ok(())
            })?;
            // Rows come by date, so each bucket's rows come together.
            let mut current = None;
            each(&mut |f| {
                if current != Some(f.bucket) {
                    if current.is_some() {
                        out.write_all(b"\n").map_err(write_error)?;
                    }
                    current = Some(f.bucket);
                    let label = match options.language {
                        Language::En => f.bucket.label_en(),
                        Language::Ja => f.bucket.label_ja(),
                    };
                    let header = format!("## {label} ({})\n\n", counts[bucket_index(f.bucket)]);
                    out.write_all(header.as_bytes()).map_err(write_error)?;
                }
                records += 1;
                out.write_all(markdown_line(&f).as_bytes())
                    .map_err(write_error)
            })?;
            if current.is_some() {
                out.write_all(b"\n").map_err(write_error)?;
            }
        }
    }
    Ok((
        Written {
            records,
            lost_characters: 0,
        },
        undated,
    ))
}

fn bucket_index(bucket: Bucket) -> usize {
    Bucket::ALL.iter().position(|b| *b == bucket).unwrap_or(0)
}

fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

/// A row's cells; with Japanese headers its group by its Japanese name (期限切れ).
fn cells(f: &FollowUp, headers: Language) -> [String; 13] {
    let bucket = match headers {
        Language::En => serde_json::to_value(f.bucket)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default(),
        Language::Ja => f.bucket.label_ja().to_string(),
    };
    [
        f.due.map(|d| d.to_storage()).unwrap_or_default(),
        bucket,
        f.lead.clone(),
        opt(&f.company),
        f.rank.to_string(),
        crate::model::format::score(f.score),
        opt(&f.next_action),
        opt(&f.contact),
        opt(&f.contact_phone),
        opt(&f.contact_email),
        opt(&f.owner),
        f.last_activity_at
            .as_ref()
            .map(format_timestamp)
            .unwrap_or_default(),
        f.lead_id.clone(),
    ]
}

/// The calendar event of a follow-up with a date.
fn calendar_event(f: &FollowUp) -> Option<Event> {
    let due = f.due?;
    let action = f.next_action.clone().unwrap_or_else(|| "Follow up".into());
    let mut description = vec![format!(
        "{} ({})",
        f.lead,
        f.company.clone().unwrap_or_default()
    )];
    if let Some(c) = &f.contact {
        let reach = [f.contact_phone.clone(), f.contact_email.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>();
        description.push(format!("{c} {}", reach.join(" ")));
    }
    description.push(format!(
        "rank {} · score {} · {}",
        f.rank,
        crate::model::format::score(f.score),
        opt(&f.owner)
    ));
    Some(Event {
        uid: format!("{}@leadtrack", f.lead_id),
        due,
        summary: format!("{action} — {}", f.lead),
        description: description.join("\n"),
        changed: f.updated_at,
    })
}

/// A follow-up's line in Markdown.
fn markdown_line(f: &FollowUp) -> String {
    let due = f.due.map(|d| format!("**{}** ", d)).unwrap_or_default();
    let company = f
        .company
        .as_deref()
        .map(|c| format!(" ({})", escape(c)))
        .unwrap_or_default();
    let action = f
        .next_action
        .as_deref()
        .map(|a| format!(" — {}", escape(a)))
        .unwrap_or_default();
    let contact = f.contact.as_deref().map(|c| {
        let reach = f
            .contact_phone
            .as_deref()
            .or(f.contact_email.as_deref())
            .map(|r| format!(" {}", escape(r)))
            .unwrap_or_default();
        format!(" · {}{reach}", escape(c))
    });
    let owner = f
        .owner
        .as_deref()
        .map(|o| format!(" · {}", escape(o)))
        .unwrap_or_default();
    format!(
        "- {due}{}{company}{action}{}{owner} [{}]\n",
        escape(&f.lead),
        contact.unwrap_or_default(),
        f.rank
    )
}
