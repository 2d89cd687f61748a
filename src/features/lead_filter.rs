//! The filters a rep puts on the board, the lead lists, `lead list` and `export followups`:
//! owner, tag, source, rank, stage, when the next action is due, stale, and free text, all
//! combined. One definition, so the app's header and the command line mean the same thing.

use crate::config::{Language, StaleAfterDays};
use crate::followups::Bucket;
use crate::i18n::labels;
use crate::model::dates::{format_timestamp, local_to_utc};
use crate::model::{Rank, Stage};
use crate::store::narrowing::{DueWindow, Narrowing};
use crate::tr;
use chrono::{Days, NaiveDate, NaiveTime};

/// What the rep chose; `LeadFilters::default()` shows everything.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LeadFilters {
    pub owner: Option<String>,
    /// One tag, matched exactly.
    pub tag: Option<String>,
    /// A source id (see `model::source::resolve` for what a rep may type).
    pub source: Option<String>,
    pub rank: Option<Rank>,
    pub stage: Option<Stage>,
    /// The follow-up group the next action falls in (overdue, today, this week, later, none).
    pub due: Option<Bucket>,
    /// Only leads with nothing done for longer than their stage allows.
    pub stale: bool,
    /// Words found in the lead's title, company, notes and the rest (as search finds them).
    pub text: Option<String>,
    /// A campaign id: the leads that came from it.
    pub campaign: Option<String>,
}

impl LeadFilters {
    pub fn is_empty(&self) -> bool {
        *self == LeadFilters::default()
    }

    /// The filters in the store's terms on `today`: the due group as dates, stale as the
    /// moment each stage goes quiet.
    pub fn narrowing(&self, today: NaiveDate, stale_after: &StaleAfterDays) -> Narrowing {
        Narrowing {
            owner: self.owner.clone(),
            tag: self.tag.clone(),
            source: self.source.clone(),
            rank: self.rank,
            stage: self.stage,
            due: self.due.map(|b| due_window(b, today)),
            quiet_since: self.stale.then(|| quiet_since(today, stale_after)),
            text: self
                .text
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string),
            campaign: self.campaign.clone(),
        }
    }

    /// Each filter in words, in a fixed order, for a header: `tag 展示会`, `rank A`.
    pub fn words(&self, language: Language) -> Vec<String> {
        let mut words = Vec::new();
        if let Some(text) = &self.text {
            words.push(format!("\"{text}\""));
        }
        if let Some(owner) = &self.owner {
            words.push(owner.clone());
        }
        if let Some(tag) = &self.tag {
            words.push(tr!(language, "filter-word-tag", tag = tag.clone()));
        }
        if let Some(source) = &self.source {
            words.push(labels::source(source, language).to_string());
        }
        if let Some(rank) = self.rank {
            words.push(tr!(language, "filter-word-rank", rank = rank.to_string()));
        }
        if let Some(stage) = self.stage {
            words.push(labels::stage(stage, language).to_string());
        }
        if let Some(due) = self.due {
            words.push(labels::bucket(due, language).to_string());
        }
        if self.stale {
            words.push(tr!(language, "filter-word-stale"));
        }
        words
    }
}

/// The next-action dates of a follow-up group seen on `today` (the groups of
/// `followups::bucket`: this week is the seven days after today).
fn due_window(bucket: Bucket, today: NaiveDate) -> DueWindow {
    let day = |n: u64| {
        today
            .checked_add_days(Days::new(n))
            .unwrap_or(NaiveDate::MAX)
            .format("%Y-%m-%d")
            .to_string()
    };
    let dates = |from: Option<String>, before: Option<String>| DueWindow::Dates { from, before };
    match bucket {
        Bucket::Overdue => dates(None, Some(day(0))),
        Bucket::Today => dates(Some(day(0)), Some(day(1))),
        Bucket::ThisWeek => dates(Some(day(1)), Some(day(8))),
        Bucket::Later => dates(Some(day(8)), None),
        Bucket::NoNextAction => DueWindow::Unscheduled,
    }
}

/// The timestamps before which a lead of each stage is stale (nothing done since).
pub fn quiet_since(
    today: NaiveDate,
    stale_after: &StaleAfterDays,
) -> crate::model::StageMap<String> {
    quiet_for(today, |stage| stale_after.of(stage))
}

/// The timestamps before which a lead of each stage has had nothing done for `days` of its
/// stage: the start (local midnight) of that many days before `today`.
pub fn quiet_for(today: NaiveDate, days: impl Fn(Stage) -> u32) -> crate::model::StageMap<String> {
    Stage::ALL.map(|stage| {
        let day = today - chrono::Duration::days(i64::from(days(stage)));
        format_timestamp(&local_to_utc(day.and_time(NaiveTime::MIN)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    /// Every date falls in exactly the window of its own follow-up group.
    #[test]
    fn due_windows_hold_the_dates_of_their_group() {
        let today = d(11, 27);
        let inside = |window: &DueWindow, date: NaiveDate| {
            let s = date.format("%Y-%m-%d").to_string();
            match window {
                DueWindow::Unscheduled => false,
                DueWindow::Dates { from, before } => {
                    from.as_ref().is_none_or(|f| s >= *f) && before.as_ref().is_none_or(|b| s < *b)
                }
            }
        };
        for offset in -40i64..40 {
            let date = today + chrono::Duration::days(offset);
            let group = crate::followups::bucket(Some(&crate::model::Due::on(date)), today);
            for b in Bucket::ALL {
                assert_eq!(
                    inside(&due_window(b, today), date),
                    b == group,
                    "{date} in {b:?} (its group: {group:?})"
                );
            }
        }
        assert_eq!(
            due_window(Bucket::NoNextAction, today),
            DueWindow::Unscheduled
        );
    }

    #[test]
    fn blank_text_filters_nothing() {
        let filters = LeadFilters {
            text: Some("   ".into()),
            ..LeadFilters::default()
        };
        let n = filters.narrowing(d(11, 27), &StaleAfterDays::default());
        assert!(n.is_empty());
    }
}
