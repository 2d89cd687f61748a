//! Segments for nurturing: the board's filters saved by name, and the people they hold
//! written out for a mail tool. A contact marked no mail (配信停止) is never written, nor one
//! without an email address; the export counts both so the rep can say why someone is
//! missing.

use super::export::{CsvOptions, csv_rows};
use super::lead_filter::quiet_for;
use crate::config::Language;
use crate::error::{Error, Result};
use crate::i18n::{columns, labels};
use crate::model::contact::{NameOrder, display_name};
use crate::model::segment::{Segment, SegmentFilter};
use crate::store::narrowing::Narrowing;
use crate::store::segments::{self, Member};
use crate::store::{Store, campaigns};
use crate::tr;
use chrono::NaiveDate;
use serde::Serialize;
use std::io::Write;

/// The columns of a segment's file, in order: what a mail tool needs to address a person.
pub const COLUMNS: &[&str] = &["email", "name", "reading", "company", "lead", "rank"];

/// Saves `filter` as segment `name` (a segment of that name gets the new filter); true when
/// the segment is new.
pub fn save(store: &mut Store, name: &str, filter: &SegmentFilter) -> Result<bool> {
    if filter.is_empty() {
        return Err(Error::said_plain("error-segment-needs-filter"));
    }
    store.write(|w| segments::save(w, name, filter).map(|(_, new)| new))
}

/// A segment as listed: its filter, and the name of its campaign when it has one.
#[derive(Debug, Clone, Serialize)]
pub struct Listed {
    #[serde(flatten)]
    pub segment: Segment,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign_name: Option<String>,
}

impl Listed {
    /// Each part of the filter in words, in a fixed order: `tag 展示会`, `rank A`.
    pub fn words(&self, language: Language) -> Vec<String> {
        words(
            &self.segment.filter,
            self.campaign_name.as_deref(),
            language,
        )
    }
}

/// Each part of `filter` in words, in the order the board's filters are named; the campaign
/// by `campaign_name` when it is known, else by its id.
pub fn words(
    filter: &SegmentFilter,
    campaign_name: Option<&str>,
    language: Language,
) -> Vec<String> {
    let mut words = Vec::new();
    if let Some(owner) = &filter.owner {
        words.push(tr!(language, "segment-word-owner", owner = owner.clone()));
    }
    if let Some(tag) = &filter.tag {
        words.push(tr!(language, "filter-word-tag", tag = tag.clone()));
    }
    if let Some(source) = &filter.source {
        words.push(labels::source(source, language).to_string());
    }
    if let Some(rank) = filter.rank {
        words.push(tr!(language, "filter-word-rank", rank = rank.to_string()));
    }
    if let Some(stage) = filter.stage {
        words.push(labels::stage(stage, language).to_string());
    }
    if let Some(campaign) = &filter.campaign {
        let name = campaign_name.unwrap_or(campaign).to_string();
        words.push(tr!(language, "segment-word-campaign", campaign = name));
    }
    if let Some(days) = filter.quiet_days {
        words.push(tr!(language, "segment-word-quiet", days = days));
    }
    words
}

/// Every live segment by name.
pub fn list(store: &Store) -> Result<Vec<Listed>> {
    store.read(|conn| {
        segments::list(conn)?
            .into_iter()
            .map(|segment| {
                let campaign_name = match &segment.filter.campaign {
                    Some(id) => campaigns::get_any(conn, id)?.map(|c| c.name),
                    None => None,
                };
                Ok(Listed {
                    segment,
                    campaign_name,
                })
            })
            .collect()
    })
}

/// Deletes the segment `name`.
pub fn delete(store: &mut Store, name: &str) -> Result<()> {
    store.write(|w| {
        if segments::get(w.conn(), name)?.is_none() {
            return Err(no_such_segment(name));
        }
        segments::delete(w, name)
    })
}

fn no_such_segment(name: &str) -> Error {
    Error::said("error-no-such-segment", [("name", name.trim())])
}

/// The segment's filter in the store's terms on `today`: quiet days become, for every
/// stage, the moment before which nothing may have been done (the last activity, else the
/// lead's creation, as the stale filter reads it).
pub fn narrowing(filter: &SegmentFilter, today: NaiveDate) -> Narrowing {
    Narrowing {
        owner: filter.owner.clone(),
        tag: filter.tag.clone(),
        source: filter.source.clone(),
        rank: filter.rank,
        stage: filter.stage,
        campaign: filter.campaign.clone(),
        quiet_since: filter.quiet_days.map(|days| quiet_for(today, |_| days)),
        ..Narrowing::default()
    }
}

/// How a segment's file comes out.
#[derive(Debug, Clone, Copy)]
pub struct SegmentOptions {
    pub csv: CsvOptions,
    pub name_order: NameOrder,
    /// The day quiet days count back from.
    pub today: NaiveDate,
}

/// What a segment's export wrote, and whom it left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SegmentExport {
    pub written: usize,
    /// People in the segment who asked for no mail.
    pub no_mail_left_out: usize,
    /// People in the segment (mail allowed) with no email address.
    pub no_email_left_out: usize,
    /// Characters the encoding could not hold.
    pub lost_characters: usize,
}

/// Writes the people of segment `name` to `out` as CSV, one row each as they are read (in
/// one read transaction): email, name, reading, company, their first lead in the segment
/// and its rank.
pub fn export(
    store: &Store,
    name: &str,
    options: &SegmentOptions,
    out: &mut dyn Write,
) -> Result<SegmentExport> {
    store.read(|conn| {
        let segment = segments::get(conn, name)?.ok_or_else(|| no_such_segment(name))?;
        let narrowing = narrowing(&segment.filter, options.today);
        let (mut no_mail, mut no_email) = (0, 0);
        let headers = COLUMNS
            .iter()
            .map(|c| columns::segment(c, options.csv.headers));
        let written = csv_rows(
            headers,
            |m: &Member| row(m, options.name_order),
            |each| {
                segments::each_member(conn, &narrowing, |member| {
                    if member.no_mail_on.as_deref().is_some_and(|d| !d.is_empty()) {
                        no_mail += 1;
                        return Ok(());
                    }
                    if member.email.as_deref().is_none_or(|e| e.trim().is_empty()) {
                        no_email += 1;
                        return Ok(());
                    }
                    each(member)
                })
            },
            options.csv,
            out,
        )?;
        Ok(SegmentExport {
            written: written.records,
            no_mail_left_out: no_mail,
            no_email_left_out: no_email,
            lost_characters: written.lost_characters,
        })
    })
}

/// A person's row, in the order of [`COLUMNS`].
fn row(m: &Member, order: NameOrder) -> [String; 6] {
    let text = |v: &Option<String>| v.as_deref().unwrap_or("").trim().to_string();
    // The reading family first, as `contact list` shows it (さとう はなこ).
    let reading = [&m.family_reading, &m.given_reading]
        .into_iter()
        .map(text)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    [
        text(&m.email),
        display_name(m.family_name.as_deref(), m.given_name.as_deref(), order),
        reading,
        text(&m.company),
        m.lead.clone(),
        m.rank.clone(),
    ]
}
