//! Leads in from a CSV file. A row whose `id` names a lead already there (leadtrack's own
//! export read back), or else whose title and company match one, updates it (every replaced
//! value kept in the history) instead of adding it twice.

use crate::config::Config;
use crate::error::Result;
use crate::features::scores;
use crate::interchange::csv_in::{cell_at, cell_error, said_each};
use crate::interchange::leads_csv::Row;
use crate::model::contact::company_key;
use crate::model::dates::today;
use crate::model::lead::{LeadFields, LeadPatch};
use crate::model::text::{display_safe, fold};
use crate::store::leads::Origin;
use crate::store::{Store, Writer, leads};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Default, Serialize)]
pub struct LeadImportReport {
    pub added: Vec<Line>,
    pub updated: Vec<Line>,
    pub unchanged: Vec<Line>,
    pub skipped: Vec<super::cards::Skipped>,
    pub kept_in_notes: Vec<String>,
    /// Columns leadtrack works out itself (rank, score, timestamps), not read.
    pub not_read: Vec<String>,
    pub dry_run: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Line {
    pub line: usize,
    pub id: String,
    pub title: String,
}

fn identity(title: &str, company: Option<&str>) -> String {
    format!(
        "{}|{}",
        fold(title.trim()),
        company.map(company_key).unwrap_or_default()
    )
}

/// Where the rows came from: the file, and its campaign column's header.
pub struct Source<'a> {
    pub file: &'a str,
    pub campaign_column: Option<&'a str>,
}

/// The campaign each row names, by id: a name or id prefix that names no live campaign
/// stops the file at its cell, before anything is written.
fn campaigns_named(store: &Store, rows: &[Row], source: &Source<'_>) -> Result<Vec<Row>> {
    let mut found: HashMap<String, String> = HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut row = row.clone();
        if let Row::Lead { line, fields, .. } = &mut row
            && let Some(typed) = fields.campaign_id.take()
        {
            let id = match found.get(&typed) {
                Some(id) => id.clone(),
                None => {
                    let id =
                        crate::store::campaigns::resolve(store.conn(), &typed).map_err(|_| {
                            let problem = crate::i18n::Said::new(
                                "error-no-such-campaign",
                                [("typed", crate::i18n::Arg::from(display_safe(&typed)))],
                            );
                            cell_error(
                                cell_at(source.file, *line, source.campaign_column.unwrap_or("")),
                                said_each(&problem),
                            )
                        })?;
                    found.insert(typed, id.clone());
                    id
                }
            };
            fields.campaign_id = Some(id);
        }
        out.push(row);
    }
    Ok(out)
}

pub fn import(
    store: &mut Store,
    config: &Config,
    rows: &[Row],
    source: &Source<'_>,
    dry_run: bool,
    progress: &dyn Fn(usize),
) -> Result<LeadImportReport> {
    // Rows are copied only when there are campaigns to look up.
    let named;
    let rows = if source.campaign_column.is_some() {
        named = campaigns_named(store, rows, source)?;
        &named
    } else {
        rows
    };
    let mut known: HashMap<String, String> = HashMap::new();
    let mut live: HashSet<String> = HashSet::new();
    leads::each(store.conn(), |l| {
        known.insert(identity(&l.title, l.company.as_deref()), l.id.clone());
        live.insert(l.id);
        Ok(())
    })?;
    // The id a row of the file named for each lead it made or matched: two rows naming
    // different ids are two leads, however alike their titles (an export of two leads
    // with the same title and company imports back as two).
    let mut named_by: HashMap<String, String> = HashMap::new();
    let run = |w: &mut Writer<'_>| -> Result<LeadImportReport> {
        let mut report = LeadImportReport {
            dry_run,
            ..LeadImportReport::default()
        };
        for (n, row) in rows.iter().enumerate() {
            progress(n);
            match row {
                Row::Skipped { line, reason } => {
                    report.skipped.push(super::cards::Skipped {
                        line: *line,
                        reason: *reason,
                    });
                }
                Row::Lead {
                    line,
                    id,
                    fields,
                    stage_given,
                } => {
                    let key = identity(&fields.title, fields.company.as_deref());
                    let by_id = id.as_ref().filter(|id| live.contains(*id));
                    let entry = |id: &str| Line {
                        line: *line,
                        id: id.to_string(),
                        title: fields.title.clone(),
                    };
                    let by_title = known
                        .get(&key)
                        .filter(|lead| match (id, named_by.get(*lead)) {
                            (Some(row), Some(earlier)) => row == earlier,
                            _ => true,
                        });
                    let matched = by_id.or(by_title).cloned();
                    let row_id = id.as_ref();
                    if let (Some(row), Some(lead)) = (id, &matched) {
                        named_by.insert(lead.clone(), row.clone());
                    }
                    match matched {
                        Some(id) => {
                            let mut patch = patch_of(fields);
                            if by_id.is_some() {
                                // Matched by id, the title may be what changed.
                                patch.title = Some(fields.title.clone());
                                known.insert(key, id.clone());
                            }
                            let mut changed = !leads::update(w, &id, &patch)?.is_empty();
                            if *stage_given {
                                changed |= leads::set_stage(w, &id, fields.stage)?;
                            }
                            scores::refresh_lead(w, &config.scoring, &id, today())?;
                            if changed {
                                report.updated.push(entry(&id))
                            } else {
                                report.unchanged.push(entry(&id))
                            }
                        }
                        None => {
                            let mut fields = fields.clone();
                            if fields.owner.is_none() {
                                fields.owner = Some(config.user_name());
                            }
                            let id = leads::insert(w, &fields, &Origin::default())?;
                            scores::refresh_lead(w, &config.scoring, &id, today())?;
                            known.insert(key, id.clone());
                            if let Some(row) = row_id {
                                named_by.insert(id.clone(), row.clone());
                            }
                            live.insert(id.clone());
                            report.added.push(entry(&id));
                        }
                    }
                }
            }
        }
        Ok(report)
    };
    if dry_run {
        store.rehearse(run)
    } else {
        store.write_bulk(run)
    }
}

/// The fields a row fills, as a patch (empty cells leave a field alone).
fn patch_of(f: &LeadFields) -> LeadPatch {
    let set = |v: &Option<String>| v.clone().map(Some);
    LeadPatch {
        title: None,
        company: set(&f.company),
        source: set(&f.source),
        source_detail: set(&f.source_detail),
        owner: set(&f.owner),
        value: f.value.map(Some),
        next_action: set(&f.next_action),
        next_action_on: f.next_action_on.map(Some),
        qualification: None,
        tags: (!f.tags.is_empty()).then(|| f.tags.clone()),
        notes: set(&f.notes),
        campaign_id: set(&f.campaign_id),
        upsell: None,
    }
}
