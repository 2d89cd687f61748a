//! One sync round (SPEC §5.3): take the team file in, take in every conflicted copy beside
//! it, publish the result as the new team file.

use super::{clock, files};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::features::scores;
use crate::model::dates::today;
use crate::store::merge::MergeCounts;
use crate::store::{CopyCheck, Store, check_copy};
use serde::Serialize;
use std::path::Path;

#[derive(Debug, Clone, Default, Serialize)]
pub struct RoundReport {
    pub team_file: String,
    /// There was no team file yet: this round made it.
    pub created: bool,
    /// What the team file brought in.
    pub from_team: MergeCounts,
    pub conflicted: Vec<Conflicted>,
    /// Files beside the team file that looked like conflicted copies but were not taken in.
    pub skipped: Vec<Skipped>,
    pub published: bool,
    /// What this machine's clock says, when the team file says it is far ahead of the
    /// team's.
    pub clock_far_ahead: Option<chrono::DateTime<chrono::Utc>>,
    /// The reps whose changes this round took in were made by a clock far ahead of this one.
    pub clocks_far_ahead: Vec<crate::model::clock::FarAhead>,
    /// The team folder, when this rep may not write in it: the round took in what the team
    /// file holds and published nothing (conflicted copies wait for a round that can move
    /// them).
    pub read_only_folder: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Conflicted {
    pub file: String,
    pub archived_to: String,
    pub counts: MergeCounts,
}

#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    pub file: String,
    pub reason: String,
}

impl RoundReport {
    /// The refusal to report after what the round pulled, when it could not publish.
    pub fn unpublished(&self) -> Option<Error> {
        let folder = self.read_only_folder.as_ref()?;
        let total = self.total();
        Some(Error::said(
            "error-team-folder-read-only",
            [
                ("folder", folder.clone()),
                ("pulled", (total.added + total.updated).to_string()),
            ],
        ))
    }

    /// Everything this round brought in.
    pub fn total(&self) -> MergeCounts {
        let mut all = self.from_team.clone();
        for c in &self.conflicted {
            all.add(c.counts.clone());
        }
        all
    }
}

/// Runs one round against `team`. A team file that is damaged, from a newer leadtrack, not
/// a leadtrack database or another team's is refused before anything is merged, and the
/// local database stays as it was.
pub fn run_round(store: &mut Store, config: &Config, team: &Path) -> Result<RoundReport> {
    let shown = team.display().to_string();
    let folder = files::folder_of(team);
    if !folder.is_dir() {
        return Err(Error::said(
            "error-team-folder-unreachable",
            [("folder", folder.display().to_string())],
        ));
    }
    files::remove_stale_temps(team);
    let mut report = RoundReport {
        team_file: shown.clone(),
        ..RoundReport::default()
    };
    let mut team_digest = None;
    let team_id = if team.exists() {
        let copy = files::private_copy(team)?;
        let info = check_copy(&copy, &shown, CopyCheck::Whole)?;
        let team_id = match (store.team_id()?, info.team_id) {
            (Some(ours), Some(theirs)) if ours != theirs => {
                return Err(Error::said("error-another-teams-file", [("path", shown)]));
            }
            (_, Some(theirs)) => theirs,
            (Some(ours), None) => ours,
            (None, None) => crate::model::ids::new_id(),
        };
        report.from_team = store.merge_copy(&copy, &shown)?;
        report.clock_far_ahead = clock::told(store, &copy)?;
        team_digest = Some(info.digest);
        team_id
    } else {
        report.created = true;
        store.team_id()?.unwrap_or_else(crate::model::ids::new_id)
    };
    if store.team_id()?.as_deref() != Some(team_id.as_str()) {
        store.set_team_id(&team_id)?;
    }
    let mut copies = files::conflicted_copies(team, &team_id)?;
    if !copies.is_empty() && files::refuses_writing(team) {
        copies.clear();
        report.read_only_folder = Some(folder.display().to_string());
    }
    for path in copies {
        let name = path.display().to_string();
        let taken = merge_file(store, &path, Some(&team_id));
        match taken {
            Ok(counts) => {
                let archived = files::archive(&path)?;
                report.conflicted.push(Conflicted {
                    file: name,
                    archived_to: archived.display().to_string(),
                    counts,
                });
            }
            Err(e) => report.skipped.push(Skipped {
                file: name,
                reason: e.message(config.language),
            }),
        }
    }
    let taken = report.total();
    report.clocks_far_ahead = clock::remember(store, &taken)?;
    scores::refresh_merged(store, &config.scoring, &taken.leads_touched, today())?;
    // The team file already holds everything here: publishing again would only make the
    // sync tool upload the same data. A clock found far ahead is news for its owner, who
    // learns it from the team file.
    let current = crate::store::digest(store.conn())?;
    if report.conflicted.is_empty()
        && report.clocks_far_ahead.is_empty()
        && team_digest.as_deref() == Some(current.as_str())
    {
        return Ok(report);
    }
    if report.read_only_folder.is_some() || files::refuses_writing(team) {
        report.read_only_folder = Some(folder.display().to_string());
        report.created = false;
        return Ok(report);
    }
    publish(store, team)?;
    report.published = true;
    Ok(report)
}

/// Writes a snapshot of the local database beside the team file, then renames it over.
pub fn publish(store: &Store, team: &Path) -> Result<()> {
    let temp = files::publish_temp(team);
    let written = store
        .snapshot(&temp)
        .and_then(|()| files::share_with_folder_group(&temp, team))
        .and_then(|()| files::replace(&temp, team));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// Merges a private, checked copy of the file at `path` into `store`; the file itself is
/// never opened. `leadtrack merge` and every conflicted copy beside the team file come here;
/// with `team`, a copy of another team's file is refused.
pub fn merge_file(store: &mut Store, path: &Path, team: Option<&str>) -> Result<MergeCounts> {
    let shown = path.display().to_string();
    let copy = files::private_copy(path)?;
    let info = check_copy(&copy, &shown, CopyCheck::MergedTables)?;
    if let Some(team) = team
        && info.team_id.as_deref() != Some(team)
    {
        return Err(Error::said_plain("error-not-this-teams-copy"));
    }
    store.merge_copy(&copy, &shown)
}
