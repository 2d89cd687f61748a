//! Logging what happened — a call, a meeting, a note — with the next action in one go.

use crate::config::Config;
use crate::error::{Error, Result};
use crate::features::scores;
use crate::model::activity::ActivityFields;
use crate::model::contact::NameOrder;
use crate::model::dates::today;
use crate::model::lead::LeadPatch;
use crate::model::{Activity, ActivityKind, Direction, Due};
pub use crate::store::activities::ActivityPatch;
use crate::store::leads::Origin;
use crate::store::{Store, activities, leads};
use chrono::{DateTime, Utc};

/// One activity as a rep logs it, with the lead's next action when there is one.
#[derive(Debug, Clone, PartialEq)]
pub struct LogEntry {
    pub kind: ActivityKind,
    pub lead_id: Option<String>,
    pub contact_id: Option<String>,
    pub occurred_at: DateTime<Utc>,
    pub duration_minutes: Option<i64>,
    pub direction: Option<Direction>,
    pub summary: String,
    pub body: Option<String>,
    pub next_action: Option<String>,
    pub next_action_on: Option<Due>,
    /// The campaign the activity belongs to (its id).
    pub campaign_id: Option<String>,
}

/// Records the activity, sets the lead's next action and rescores the lead, all in one
/// transaction. Returns the activity's id.
/// A logged activity's id, and the patch that puts back the lead's next action when the
/// log changed it (read in the same transaction).
#[derive(Debug, Clone, PartialEq)]
pub struct Logged {
    pub id: String,
    pub lead_undo: Option<LeadPatch>,
}

pub fn log(store: &mut Store, config: &Config, entry: &LogEntry) -> Result<Logged> {
    let sets_next = entry.next_action.is_some() || entry.next_action_on.is_some();
    if sets_next && entry.lead_id.is_none() {
        return Err(Error::said_plain("error-next-action-needs-lead"));
    }
    if entry.duration_minutes.is_some_and(|m| m < 0) {
        return Err(Error::said_plain("error-duration-minutes"));
    }
    let fields = ActivityFields {
        kind: entry.kind,
        lead_id: entry.lead_id.clone(),
        contact_id: entry.contact_id.clone(),
        occurred_at: entry.occurred_at,
        duration_minutes: entry.duration_minutes,
        direction: entry.direction,
        summary: entry.summary.clone(),
        body: entry.body.clone(),
        by: Some(config.user_name()),
        campaign_id: entry.campaign_id.clone(),
    };
    store.write(|w| {
        let id = activities::insert(w, &fields, &Origin::default())?;
        let mut lead_undo = None;
        if let Some(lead_id) = &entry.lead_id {
            if sets_next {
                let patch = LeadPatch {
                    next_action: entry.next_action.clone().map(Some),
                    next_action_on: entry.next_action_on.map(Some),
                    ..LeadPatch::default()
                };
                let before = leads::get(w.conn(), lead_id, NameOrder::Auto)?;
                lead_undo = before.map(|lead| patch.undoing(&lead));
                leads::update(w, lead_id, &patch)?;
            } else {
                // A deleted lead takes no new activities.
                leads::update(w, lead_id, &LeadPatch::default())?;
            }
            scores::refresh_lead(w, &config.scoring, lead_id, today())?;
        }
        Ok(Logged { id, lead_undo })
    })
}

/// Deletes an activity (a tombstone) and rescores its lead.
pub fn delete(store: &mut Store, config: &Config, id: &str) -> Result<()> {
    store.write(|w| {
        let lead_id = activities::get(w.conn(), id)?.and_then(|a| a.lead_id);
        activities::delete(w, id)?;
        if let Some(lead_id) = lead_id {
            scores::refresh_lead(w, &config.scoring, &lead_id, today())?;
        }
        Ok(())
    })
}

/// What an activity edit changed, its lead, and the patch that puts it back (read in the
/// edit's own transaction, so no other change can come between).
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityEdit {
    pub changed: Vec<&'static str>,
    pub undo: ActivityPatch,
    pub lead_id: Option<String>,
}

/// Changes a logged activity (kind, time, summary, body, contact...); the lead's score and
/// last activity follow in the same transaction.
pub fn edit(
    store: &mut Store,
    config: &Config,
    id: &str,
    patch: &ActivityPatch,
) -> Result<ActivityEdit> {
    store.write(|w| {
        let before = activities::get(w.conn(), id)?.ok_or_else(|| Error::NotFound {
            kind: "activity",
            prefix: id.to_string(),
        })?;
        let undo = patch.undoing(&before);
        let changed = activities::update(w, id, patch)?;
        if let Some(lead_id) = &before.lead_id
            && !changed.is_empty()
        {
            scores::refresh_lead(w, &config.scoring, lead_id, today())?;
        }
        Ok(ActivityEdit {
            changed,
            undo,
            lead_id: before.lead_id,
        })
    })
}

/// Brings a deleted activity back and rescores its lead.
pub fn restore(store: &mut Store, config: &Config, id: &str) -> Result<()> {
    store.write(|w| {
        activities::restore(w, id)?;
        let lead_id = activities::get(w.conn(), id)?.and_then(|a| a.lead_id);
        if let Some(lead_id) = lead_id {
            scores::refresh_lead(w, &config.scoring, &lead_id, today())?;
        }
        Ok(())
    })
}

/// A lead's activities, newest first.
pub fn of_lead(store: &Store, lead_id: &str) -> Result<Vec<Activity>> {
    activities::of_lead(store.conn(), lead_id, usize::MAX >> 1)
}
