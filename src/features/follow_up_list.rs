//! Whom to call: the follow-up list (SPEC §2.6) as CSV for Excel, JSON for scripts, ICS
//! for calendars and Markdown for chat.

use crate::config::{Language, TextEncoding};
use crate::error::{Error, Result};
use crate::features::export::{Exported, Written, json_array};
use crate::followups::{Bucket, bucket};
use crate::interchange::csv_out::{CsvOut, write_error};
use crate::interchange::ics::{self, Event};
use crate::interchange::markdown::escape;
use crate::model::contact::{NameOrder, display_name};
use crate::model::dates::format_timestamp;
use crate::model::{Due, Rank};
use crate::store::Store;
use crate::store::reports::{self, FollowUpRecord};
use chrono::{Days, NaiveDate};
use serde::Serialize;
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
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
    pub owner: Option<String>,
}

pub fn list(
    store: &Store,
    selection: &Selection,
    today: NaiveDate,
    order: NameOrder,
) -> Result<Vec<FollowUp>> {
    let until = match selection.within_days {
        Some(days) => {
            let last = today
                .checked_add_days(Days::new(u64::from(days) + 1))
                .ok_or_else(|| Error::invalid(format!("--within {days}: too many days")))?;
            Some(last.format("%Y-%m-%d").to_string())
        }
        None => None,
    };
    let records = reports::follow_ups(store.conn(), until.as_deref(), selection.owner.as_deref())?;
    Ok(records.into_iter().map(|r| row(r, today, order)).collect())
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

const COLUMNS: &[&str] = &[
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

/// The list in a format, in memory; with it, the rows a calendar cannot hold (ICS).
pub fn render(
    rows: &[FollowUp],
    format: ListFormat,
    encoding: TextEncoding,
    excel_safe: bool,
    language: Language,
) -> Result<(Exported, usize)> {
    let mut undated = 0;
    let exported = Exported::collect(|out| {
        let (written, skipped) = write(rows, format, encoding, excel_safe, language, out)?;
        undated = skipped;
        Ok(written)
    })?;
    Ok((exported, undated))
}

/// Writes the list in a format to `out`; with it, the rows a calendar cannot hold (ICS).
pub fn write(
    rows: &[FollowUp],
    format: ListFormat,
    encoding: TextEncoding,
    excel_safe: bool,
    language: Language,
    out: &mut dyn Write,
) -> Result<(Written, usize)> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    match format {
        ListFormat::Csv => {
            let mut csv = CsvOut::new(out, COLUMNS.iter().copied(), encoding, excel_safe)?;
            for f in rows {
                csv.row([
                    f.due.map(|d| d.to_storage()).unwrap_or_default(),
                    serde_json::to_value(f.bucket)
                        .ok()
                        .and_then(|v| v.as_str().map(String::from))
                        .unwrap_or_default(),
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
                ])?;
            }
            let (_, lost_characters) = csv.finish()?;
            Ok((
                Written {
                    records: rows.len(),
                    lost_characters,
                },
                0,
            ))
        }
        ListFormat::Json => {
            json_array(rows, out)?;
            Ok((
                Written {
                    records: rows.len(),
                    lost_characters: 0,
                },
                0,
            ))
        }
        ListFormat::Ics => {
            let events: Vec<Event> = rows
                .iter()
                .filter_map(|f| {
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
                })
                .collect();
            let skipped = rows.len() - events.len();
            out.write_all(ics::calendar(&events).as_bytes())
                .map_err(write_error)?;
            Ok((
                Written {
                    records: events.len(),
                    lost_characters: 0,
                },
                skipped,
            ))
        }
        ListFormat::Md => {
            let mut text = String::new();
            for b in Bucket::ALL {
                let group: Vec<&FollowUp> = rows.iter().filter(|f| f.bucket == b).collect();
                if group.is_empty() {
                    continue;
                }
                let label = match language {
                    Language::En => b.label_en(),
                    Language::Ja => b.label_ja(),
                };
                text.push_str(&format!("## {label} ({})\n\n", group.len()));
                for f in group {
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
                    text.push_str(&format!(
                        "- {due}{}{company}{action}{}{owner} [{}]\n",
                        escape(&f.lead),
                        contact.unwrap_or_default(),
                        f.rank
                    ));
                }
                text.push('\n');
            }
            out.write_all(text.as_bytes()).map_err(write_error)?;
            Ok((
                Written {
                    records: rows.len(),
                    lost_characters: 0,
                },
                0,
            ))
        }
    }
}
