//! What a rep narrows a lead list to (owner, tag, source, rank, stage, next-action dates,
//! quiet leads, free text), as SQL conditions. The board, the follow-up and customer lists,
//! `lead list` and `export followups` all narrow through this one clause.

use super::stage_sql;
use crate::model::text::index_query;
use crate::model::{Rank, Stage, StageMap};
use rusqlite::types::Value;

/// Every part optional; the parts set are all required at once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Narrowing {
    pub owner: Option<String>,
    /// One tag, matched exactly.
    pub tag: Option<String>,
    /// A source id.
    pub source: Option<String>,
    pub rank: Option<Rank>,
    pub stage: Option<Stage>,
    pub due: Option<DueWindow>,
    /// Leads with nothing since these timestamps, one per stage (stale leads).
    pub quiet_since: Option<StageMap<String>>,
    /// Free text, found through the search index (title, company, notes and the rest).
    pub text: Option<String>,
    /// A campaign id: the leads that came from it.
    pub campaign: Option<String>,
}

/// Which next-action dates a list keeps.
#[derive(Debug, Clone, PartialEq)]
pub enum DueWindow {
    /// No next action set.
    Unscheduled,
    /// Dates from `from` (inclusive) and before `before` (exclusive), as `YYYY-MM-DD`; a
    /// date with a time compares by its date.
    Dates {
        from: Option<String>,
        before: Option<String>,
    },
}

impl Narrowing {
    pub fn is_empty(&self) -> bool {
        *self == Narrowing::default()
    }

    /// The conditions on the leads table `t` (its name or alias), each starting with AND,
    /// their values added to `params`.
    pub(crate) fn clause(&self, t: &str, params: &mut Vec<Value>) -> String {
        let mut sql = String::new();
        // `+column`: the lists' own indexes hold every filtered column, so a filter is tested
        // on index entries in the list's order; the planner is kept from the owner index,
        // which would read each of a rep's leads from the table.
        let mut equal = |column: &str, value: String, params: &mut Vec<Value>| {
            params.push(Value::Text(value));
            sql.push_str(&format!(" AND +{t}.{column} = ?{}", params.len()));
        };
        if let Some(owner) = &self.owner {
            equal("owner", owner.clone(), params);
        }
        if let Some(source) = &self.source {
            equal("source", source.clone(), params);
        }
        if let Some(rank) = self.rank {
            equal("rank", rank.letter().to_string(), params);
        }
        if let Some(stage) = self.stage {
            equal("stage", stage.id().to_string(), params);
        }
        if let Some(campaign) = &self.campaign {
            equal("campaign_id", campaign.clone(), params);
        }
        if let Some(tag) = &self.tag {
            params.push(Value::Text(tag.clone()));
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM json_each({t}.tags) WHERE json_each.value = ?{})",
                params.len()
            ));
        }
        match &self.due {
            None => {}
            Some(DueWindow::Unscheduled) => {
                sql.push_str(&format!(" AND {t}.next_action_on IS NULL"));
            }
            Some(DueWindow::Dates { from, before }) => {
                // `YYYY-MM-DD HH:MM` sorts after its own date and before the next one.
                if let Some(from) = from {
                    params.push(Value::Text(from.clone()));
                    sql.push_str(&format!(" AND {t}.next_action_on >= ?{}", params.len()));
                }
                if let Some(before) = before {
                    params.push(Value::Text(before.clone()));
                    sql.push_str(&format!(" AND {t}.next_action_on < ?{}", params.len()));
                }
                sql.push_str(&format!(" AND {t}.next_action_on IS NOT NULL"));
            }
        }
        if let Some(cutoffs) = &self.quiet_since {
            let first = params.len() + 1;
            params.extend(Stage::ALL.map(|stage| Value::Text(cutoffs[stage].clone())));
            let cutoff = stage_sql::case(&format!("{t}.stage"), |stage| {
                format!("?{}", first + stage as usize)
            });
            sql.push_str(&format!(
                " AND ifnull({t}.last_activity_at, {t}.created_at) < {cutoff}"
            ));
        }
        if let Some(text) = &self.text {
            match index_query(text) {
                Some(query) => {
                    params.push(Value::Text(query));
                    sql.push_str(&format!(
                        " AND {t}.seq IN (SELECT rowid FROM lead_search WHERE lead_search MATCH ?{})",
                        params.len()
                    ));
                }
                // Nothing in it can be searched for (only punctuation the index drops):
                // as in search, nothing matches.
                None => sql.push_str(" AND 0"),
            }
        }
        sql
    }
}
