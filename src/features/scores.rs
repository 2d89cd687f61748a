//! Keeping the stored scores and ranks in step with activities and the config.

use crate::config::ScoringConfig;
use crate::error::Result;
use crate::scoring;
use crate::store::{self, Store, Writer, activities, leads};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Recomputes one lead's score and rank.
pub fn refresh_lead(
    w: &Writer<'_>,
    config: &ScoringConfig,
    lead_id: &str,
    today: NaiveDate,
) -> Result<()> {
    let inputs = activities::scoring_inputs(w.conn(), lead_id)?;
    let score = scoring::score(&inputs, config, today);
    leads::set_score(w, lead_id, score, scoring::rank(score, &config.ranks))
}

/// Rescores the leads a merge or sync round changed, in one transaction: a bulk one when
/// they are many, as after merging a copy that changed most leads.
pub fn refresh_merged(
    store: &mut Store,
    config: &ScoringConfig,
    touched: &std::collections::BTreeSet<String>,
    today: NaiveDate,
) -> Result<()> {
    if touched.is_empty() {
        return Ok(());
    }
    let change = |w: &mut Writer<'_>| refresh_leads(w, config, touched.iter(), today);
    if touched.len() > MANY {
        store.write_bulk(change)
    } else {
        store.write(change)
    }
}

/// Past this many leads, one pass over every activity beats one query per lead.
const MANY: usize = 1_000;

/// Recomputes the scores of these leads: one by one when they are few, in one pass over all
/// activities when they are many (a merge that touched most leads).
pub fn refresh_leads<'a>(
    w: &Writer<'_>,
    config: &ScoringConfig,
    ids: impl ExactSizeIterator<Item = &'a String>,
    today: NaiveDate,
) -> Result<()> {
    if ids.len() > MANY {
        return refresh_all(w, config, today).map(drop);
    }
    for id in ids {
        refresh_lead(w, config, id, today)?;
    }
    Ok(())
}

/// Recomputes every lead's score when the scoring config (or, with decay, the day) changed
/// since the scores were stored. Returns how many leads were rescored.
pub fn ensure_fresh(store: &mut Store, config: &ScoringConfig, today: NaiveDate) -> Result<usize> {
    let basis = scoring::basis(config, today);
    if store::meta(store.conn(), "score_basis")?.as_deref() == Some(basis.as_str()) {
        return Ok(0);
    }
    store.write(|w| refresh_all(w, config, today))
}

/// Recomputes every lead's score in one pass over the activities; returns how many leads
/// were rescored.
pub fn refresh_all(w: &Writer<'_>, config: &ScoringConfig, today: NaiveDate) -> Result<usize> {
    let mut sums: HashMap<String, f64> = leads::all_ids(w.conn())?
        .into_iter()
        .map(|id| (id, 0.0))
        .collect();
    activities::each_scoring_input(w.conn(), |lead_id, kind, at| {
        if let Some(sum) = sums.get_mut(lead_id) {
            *sum += scoring::counted(kind, at, config, today);
        }
    })?;
    // In id order: the leads' pages are written one after another, not all over the file.
    let mut sums: Vec<(String, f64)> = sums.into_iter().collect();
    sums.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (id, sum) in &sums {
        let score = scoring::score_of_sum(*sum);
        leads::set_score(w, id, score, scoring::rank(score, &config.ranks))?;
    }
    store::set_meta(w, "score_basis", &scoring::basis(config, today))?;
    Ok(sums.len())
}
