//! Campaigns and their effect: what each cost, what it brought and touched, how far those
//! leads went, and what that makes per lead, per win and in return. The command line's
//! `campaign` and the app's Campaigns view show these same figures.

use crate::error::Result;
use crate::model::campaign::{Brought, Campaign, CampaignPatch};
use crate::store::history::HistoryEntry;
use crate::store::{Store, campaigns};
use serde::Serialize;
use std::collections::BTreeMap;

/// How long after a campaign first reached a lead its moves still count, unless asked.
pub const DEFAULT_WINDOW_DAYS: i64 = 90;

/// A campaign with its effect.
#[derive(Debug, Clone, Serialize)]
pub struct Effect {
    #[serde(flatten)]
    pub campaign: Campaign,
    /// The days after first reaching a lead in which its moves count.
    pub window_days: i64,
    /// Leads that came from it.
    pub leads: i64,
    /// Leads and people its activities were on.
    pub touched_leads: i64,
    pub touched_contacts: i64,
    /// Its activities by kind id.
    pub responses: BTreeMap<String, i64>,
    /// Of the leads it brought or touched, those that reached considering (or went on to
    /// customer) within the window, and those won within it, with their value.
    pub reached_considering: i64,
    pub won: i64,
    pub won_value: i64,
    /// Cost ÷ leads, cost ÷ won, won value ÷ cost; none where a figure is missing.
    pub cost_per_lead: Option<f64>,
    pub cost_per_won: Option<f64>,
    #[serde(rename = "return")]
    pub return_on_cost: Option<f64>,
}

/// The effect of one campaign.
pub fn effect(store: &Store, campaign: Campaign, window_days: i64) -> Result<Effect> {
    let reach = campaigns::reach(store.conn(), &campaign.id, window_days)?;
    let brought = Brought {
        cost: campaign.cost,
        leads: u64::try_from(reach.leads).unwrap_or(0),
        won: u64::try_from(reach.won).unwrap_or(0),
        won_value: reach.won_value,
    };
    Ok(Effect {
        window_days,
        leads: reach.leads,
        touched_leads: reach.touched_leads,
        touched_contacts: reach.touched_contacts,
        responses: reach.responses.into_iter().collect(),
        reached_considering: reach.reached_considering,
        won: reach.won,
        won_value: reach.won_value,
        cost_per_lead: brought.cost_per_lead().map(round2),
        cost_per_won: brought.cost_per_won().map(round2),
        return_on_cost: brought.return_on_cost().map(round2),
        campaign,
    })
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Every live campaign with its effect, the newest first: one read, so the figures side by
/// side are of one moment.
pub fn effects(store: &Store, window_days: i64) -> Result<Vec<Effect>> {
    store.read(|conn| {
        campaigns::list(conn)?
            .into_iter()
            .map(|c| effect(store, c, window_days))
            .collect()
    })
}

/// One campaign: its effect, and the values its fields had before (who changed them when).
#[derive(Debug, Clone, Serialize)]
pub struct Shown {
    #[serde(flatten)]
    pub effect: Effect,
    pub history: Vec<HistoryEntry>,
}

/// The effect and history of the live campaign `id`.
pub fn show(store: &Store, id: &str, window_days: i64) -> Result<Shown> {
    store.read(|conn| {
        let campaign = campaigns::get(conn, id)?.ok_or_else(|| crate::Error::NotFound {
            kind: "campaign",
            prefix: id.to_string(),
        })?;
        Ok(Shown {
            effect: effect(store, campaign, window_days)?,
            history: crate::store::history::of_record(conn, id)?,
        })
    })
}

/// Adds a campaign; returns its id.
pub fn add(store: &mut Store, fields: &CampaignPatch) -> Result<String> {
    store.write(|w| campaigns::insert(w, fields))
}

/// Changes a campaign; returns the fields that changed.
pub fn edit(store: &mut Store, id: &str, patch: &CampaignPatch) -> Result<Vec<&'static str>> {
    store.write(|w| campaigns::update(w, id, patch))
}

pub fn delete(store: &mut Store, id: &str) -> Result<()> {
    store.write(|w| campaigns::delete(w, id))
}

/// What a rep calls a campaign's field, in English and Japanese.
pub fn field_label(field: &str, language: crate::config::Language) -> &'static str {
    let (en, ja) = match field {
        "name" => ("name", "名前"),
        "kind" => ("kind", "種類"),
        "starts_on" => ("start", "開始日"),
        "ends_on" => ("end", "終了日"),
        "cost" => ("cost", "費用"),
        "owner" => ("owner", "担当者"),
        "notes" => ("notes", "メモ"),
        _ => ("field", "項目"),
    };
    match language {
        crate::config::Language::En => en,
        crate::config::Language::Ja => ja,
    }
}
