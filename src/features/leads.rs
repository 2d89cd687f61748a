//! Adding, changing, moving and showing leads.

use crate::config::Config;
use crate::error::{Error, Result};
use crate::features::scores;
use crate::i18n::Arg;
use crate::model::contact::NameOrder;
use crate::model::dates::today;
use crate::model::lead::{CustomerValue, LeadFields, LeadPatch, StageChange};
use crate::model::source;
use crate::model::{Activity, Lead, LinkRole, Stage};
use crate::scoring::{self, Breakdown};
use crate::store::history::{self, HistoryEntry};
use crate::store::leads::Origin;
use crate::store::{Store, activities, links};
use serde::Serialize;

/// The configured source a typed one names (its id, or a label in either language); an
/// empty one is none. Refuses a source that is not in `[sources] names`.
fn source_id(config: &Config, source: Option<&str>) -> Result<Option<String>> {
    let Some(typed) = source.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    match source::resolve(typed, &config.sources.names) {
        Some(id) => Ok(Some(id.to_string())),
        None => Err(Error::said(
            "error-not-a-source",
            [
                ("typed", Arg::Text(typed.to_string())),
                (
                    "names",
                    Arg::Each {
                        en: source::accepted_names(&config.sources.names),
                        ja: source::accepted_names_ja(&config.sources.names),
                    },
                ),
            ],
        )),
    }
}

/// Adds a lead owned by the current rep unless another owner is given; returns its id.
pub fn add(store: &mut Store, config: &Config, mut fields: LeadFields) -> Result<String> {
    fields.source = source_id(config, fields.source.as_deref())?;
    if fields.owner.as_deref().is_none_or(|o| o.trim().is_empty()) {
        fields.owner = Some(config.user_name());
    }
    store.write(|w| {
        let id = crate::store::leads::insert(w, &fields, &Origin::default())?;
        scores::refresh_lead(w, &config.scoring, &id, today())?;
        Ok(id)
    })
}

/// What an edit changed, and the patch that puts it back (read in the edit's own
/// transaction, so no other change can come between).
#[derive(Debug, Clone, PartialEq)]
pub struct LeadEdit {
    pub changed: Vec<&'static str>,
    pub undo: LeadPatch,
}

/// The lead as it is inside a change's transaction.
fn current(w: &crate::store::Writer<'_>, id: &str) -> Result<Lead> {
    crate::store::leads::get(w.conn(), id, NameOrder::Auto)?.ok_or_else(|| Error::NotFound {
        kind: "lead",
        prefix: id.to_string(),
    })
}

/// Changes fields of a lead.
pub fn edit(store: &mut Store, config: &Config, id: &str, patch: &LeadPatch) -> Result<LeadEdit> {
    let mut patch = patch.clone();
    if let Some(source) = &patch.source {
        patch.source = Some(source_id(config, source.as_deref())?);
    }
    store.write(|w| {
        let undo = patch.undoing(&current(w, id)?);
        let changed = crate::store::leads::update(w, id, &patch)?;
        Ok(LeadEdit { changed, undo })
    })
}

/// A stage move: the stage the lead was in, whether it moved, and the recorded change (what
/// undoing the move names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    pub from: Stage,
    pub moved: bool,
    pub change: Option<String>,
}

/// Moves a lead to another stage (`moved` is false when it was already there).
pub fn move_to(store: &mut Store, id: &str, stage: Stage) -> Result<Moved> {
    store.write(|w| {
        let from = crate::store::leads::live_stage(w.conn(), id)?;
        let change = crate::store::leads::move_stage(w, id, stage)?;
        Ok(Moved {
            from,
            moved: change.is_some(),
            change,
        })
    })
}

/// Takes back the move `change_id`: the lead returns to the stage it left, and the move (with
/// the one taking it back) is marked undone, so it counts in no stats. Refused when the lead
/// has moved on since. Returns the stage the lead is back in.
pub fn undo_move(store: &mut Store, lead_id: &str, change_id: &str) -> Result<Stage> {
    store.write(|w| crate::store::leads::undo_move(w, lead_id, change_id))
}

/// Marks a lead won: it becomes a customer.
pub fn mark_won(store: &mut Store, id: &str) -> Result<Moved> {
    move_to(store, id, Stage::Customer)
}

pub fn delete(store: &mut Store, id: &str) -> Result<()> {
    store.write(|w| crate::store::leads::delete(w, id))
}

pub fn restore(store: &mut Store, id: &str) -> Result<()> {
    store.write(|w| crate::store::leads::restore(w, id))
}

/// A link made or changed: whether anything changed, and the role the contact had on the
/// lead before (none when it was not on it), read in the same transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Linked {
    pub changed: bool,
    pub role_before: Option<LinkRole>,
}

pub fn link(store: &mut Store, lead_id: &str, contact_id: &str, role: LinkRole) -> Result<Linked> {
    store.write(|w| {
        let role_before = role_of(w, lead_id, contact_id)?;
        let changed = links::link(w, lead_id, contact_id, role)?;
        Ok(Linked {
            changed,
            role_before,
        })
    })
}

/// What each customer of `leads` is worth (see `CustomerValue`), in one read.
pub fn customer_values(store: &Store, leads: &[Lead]) -> Result<Vec<CustomerValue>> {
    store.read(|conn| {
        leads
            .iter()
            .map(|lead| crate::store::leads::customer_value(conn, lead))
            .collect()
    })
}

/// A lead with what it is worth as a customer: its JSON with `lifetime_value`,
/// `won_deals`, `last_won_at` and `open_upsell_leads`.
#[derive(Debug, Clone, Serialize)]
pub struct ValuedLead<'a> {
    #[serde(flatten)]
    pub lead: &'a Lead,
    #[serde(flatten)]
    pub value: &'a CustomerValue,
}

/// Everything about one lead (SPEC §4 `lead show`).
#[derive(Debug, Clone, Serialize)]
pub struct LeadDetail {
    #[serde(flatten)]
    pub lead: Lead,
    /// The newest activities, newest first (ties in time by id, so every copy of the
    /// database shows the same ones), at most the limit the caller asked for.
    pub activities: Vec<Activity>,
    /// The lead's older activities left out of `activities` (0 when it holds them all).
    pub activities_hidden: usize,
    /// The score counts every activity; its lines are those of `activities`.
    pub score_breakdown: Breakdown,
    pub stage_history: Vec<StageChange>,
    pub history: Vec<HistoryEntry>,
    /// The name of the campaign the lead came from (kept after the campaign is deleted).
    pub campaign_name: Option<String>,
}

/// How many activities the detail shows by default; older ones stay in the database and
/// the detail says how many there are (`activities_hidden`).
pub const DETAIL_ACTIVITIES: usize = 500;

/// The lead with its newest `DETAIL_ACTIVITIES` activities.
pub fn detail(store: &Store, config: &Config, id: &str) -> Result<LeadDetail> {
    detail_with(store, config, id, Some(DETAIL_ACTIVITIES))
}

/// The lead with its newest `limit` activities (`None`: all of them).
pub fn detail_with(
    store: &Store,
    config: &Config,
    id: &str,
    limit: Option<usize>,
) -> Result<LeadDetail> {
    let conn = store.conn();
    let lead = crate::store::leads::get(conn, id, config.ui.name_order)?.ok_or_else(|| {
        Error::NotFound {
            kind: "lead",
            prefix: id.to_string(),
        }
    })?;
    let lead_campaign = lead.campaign_id.clone();
    let every = activities::scoring_inputs(conn, id)?;
    let activities = newest_activities(conn, id, limit.unwrap_or(usize::MAX))?;
    let today = today();
    let mut score_breakdown = scoring::explain(&activities, &config.scoring, today);
    score_breakdown.score = scoring::score(&every, &config.scoring, today);
    score_breakdown.rank = scoring::rank(score_breakdown.score, &config.scoring.ranks);
    Ok(LeadDetail {
        lead,
        activities_hidden: every.len().saturating_sub(activities.len()),
        activities,
        score_breakdown,
        stage_history: crate::store::leads::stage_history(conn, id)?,
        history: history::of_record(conn, id)?,
        campaign_name: match &lead_campaign {
            Some(campaign) => crate::store::campaigns::get_any(conn, campaign)?.map(|c| c.name),
            None => None,
        },
    })
}

/// A lead's newest `limit` activities, the same on every copy of the database: ties in time
/// are broken by id (the store breaks them by its local row order). Reads past the limit
/// until every activity as old as the last one kept is in hand.
fn newest_activities(conn: &rusqlite::Connection, id: &str, limit: usize) -> Result<Vec<Activity>> {
    if limit == 0 {
        return Ok(Vec::new());
    }
    let mut wanted = limit.saturating_add(1);
    let mut read = activities::of_lead(conn, id, wanted)?;
    // Complete when everything was read, or when the first row past the limit is older
    // than the last one kept (so no activity of that same moment is left unread).
    while read.len() == wanted
        && read
            .get(limit - 1)
            .zip(read.last())
            .is_some_and(|(kept, last)| last.occurred_at == kept.occurred_at)
    {
        wanted = wanted.saturating_mul(2);
        read = activities::of_lead(conn, id, wanted)?;
    }
    read.sort_by(|a, b| {
        b.occurred_at
            .cmp(&a.occurred_at)
            .then_with(|| b.id.cmp(&a.id))
    });
    read.truncate(limit);
    Ok(read)
}

/// Takes a contact off a lead; the role it had there (none when it was not on it), read in
/// the same transaction.
pub fn unlink(store: &mut Store, lead_id: &str, contact_id: &str) -> Result<Option<LinkRole>> {
    store.write(|w| {
        let role = role_of(w, lead_id, contact_id)?;
        links::unlink(w, lead_id, contact_id)?;
        Ok(role)
    })
}

/// The role a contact has on a lead, none when it is not on it.
fn role_of(
    w: &crate::store::Writer<'_>,
    lead_id: &str,
    contact_id: &str,
) -> Result<Option<LinkRole>> {
    Ok(links::contacts_of(w.conn(), lead_id, NameOrder::Auto)?
        .into_iter()
        .find(|c| c.id == contact_id)
        .map(|c| c.role))
}
