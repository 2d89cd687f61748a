//! One sync round (SPEC §5.3): take the team file in, take in every conflicted copy beside
//! it, publish the result as the new team file.

use super::{clock, files};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::features::scores;
use crate::model::dates::today;
use crate::store::merge::MergeCounts;
use crate::store::published::{Published, read_published};
use crate::store::{CopyCheck, SCHEMA_VERSION as LATEST, Store, check_copy};
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
///
/// A round costs what changed: the team file is read where it lies, only for the rows its
/// publisher changed since this database last took its file in, and published only when it
/// lacks something this database holds.
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
    let mut read = None;
    let mut heard = clock::Heard::default();
    let team_id = if team.exists() {
        let published = read_published(team, &shown)?;
        let team_id = settle_team(store, &published, &shown)?;
        heard = clock::hear(store, &published.clocks_far_ahead)?;
        report.from_team = take_in(store, config, team, &shown, &published)?;
        read = Some(published);
        team_id
    } else {
        report.created = true;
        store.team_id()?.unwrap_or_else(crate::model::ids::new_id)
    };
    if store.team_id()?.as_deref() != Some(team_id.as_str()) {
        store.set_team_id(&team_id)?;
    }
    let mut copies = files::conflicted_copies(team, &team_id, Path::new(store.path()))?;
    if !copies.is_empty() && files::refuses_writing(team) {
        copies.clear();
        report.read_only_folder = Some(folder.display().to_string());
    }
    for files::Candidate {
        path,
        never_published,
    } in copies
    {
        let name = path.display().to_string();
        // A rep's own database lying in the folder under a name like a copy's: left alone
        // (merged, it would be moved away), told without copying it whole first.
        if never_published {
            report.skipped.push(Skipped {
                file: name,
                reason: Error::said_plain("error-not-this-teams-copy").message(config.language),
            });
            continue;
        }
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
    if !report.conflicted.is_empty() {
        store.note_joined()?;
    }
    let taken = report.total();
    clock::remember(store, &taken, heard, &mut report)?;
    scores::refresh_merged(store, &config.scoring, &taken.leads_touched, today())?;
    // The team file already holds everything here: publishing again would only make the
    // sync tool upload the same data. A clock found far ahead is news for its owner, who
    // learns it from the team file.
    let holds_all = match (store.clean_basis()?, &read) {
        (Some(basis), Some(published)) => published.holds(&basis),
        _ => false,
    };
    if report.conflicted.is_empty() && report.clocks_far_ahead.is_empty() && holds_all {
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

/// Which team this round is of, when the team file says another than this database's.
///
/// Two reps who make the team file at once (or a newcomer whose first round publishes
/// before the team file reached them) each start a team of their own; the sync tool keeps
/// one file and makes the other a conflicted copy. A database that no one else has
/// published to (`joined`) joins the team of the file it finds; a team file no one else
/// has published to is taken into this database's team. Only a file of a team others have
/// joined, read by a database of a team others have joined, is another team's.
fn settle_team(store: &mut Store, published: &Published, shown: &str) -> Result<String> {
    let ours = store.team_id()?;
    let mine = published.node.as_deref() == Some(store.author().node.as_str());
    let id = match (ours, published.team_id.clone()) {
        (Some(ours), Some(theirs)) if ours != theirs => {
            if !store.joined()? {
                store.note_joined()?;
                theirs
            } else if !published.joined {
                ours
            } else {
                return Err(Error::said("error-another-teams-file", [("path", shown)]));
            }
        }
        (_, Some(theirs)) => {
            if !mine && published.node.is_some() {
                store.note_joined()?;
            }
            theirs
        }
        (Some(ours), None) => ours,
        (None, None) => crate::model::ids::new_id(),
    };
    Ok(id)
}

/// Takes in what the team file holds that this database does not: read in place, only what
/// its publisher changed since this database last took its file in; a new rep's empty
/// database becomes a copy of it whole; a file of an older leadtrack is copied, brought up
/// to date in the copy and merged whole.
fn take_in(
    store: &mut Store,
    config: &Config,
    team: &Path,
    shown: &str,
    published: &Published,
) -> Result<MergeCounts> {
    let Some(node) = published
        .node
        .as_deref()
        .filter(|_| published.schema_version == LATEST)
    else {
        let copy = files::private_copy(team)?;
        check_copy(&copy, shown, CopyCheck::Whole)?;
        return store.merge_copy(&copy, shown);
    };
    if store.seen(node)? == Some(published.generation) {
        if !store.knows_file(published)? {
            published.check_whole(team, shown)?;
            store.note_team_file(team, shown)?;
        }
        return Ok(MergeCounts::default());
    }
    let since = store.read_since(published)?;
    if since.is_none() {
        published.check_whole(team, shown)?;
    }
    if store.team_id()?.is_none() && store.has_no_records()? {
        store.adopt_published(team, shown, published)?;
        store.note_team_file(team, shown)?;
        let mut counts = MergeCounts::default();
        let held = crate::store::counts(store.conn())?;
        counts.added =
            usize::try_from(held.leads + held.customers + held.contacts + held.activities)
                .unwrap_or(usize::MAX);
        // Its scores are the publisher's: counted again by this rep's rules.
        scores::ensure_fresh(store, &config.scoring, today())?;
        return Ok(counts);
    }
    let clean = store
        .clean_basis()?
        .is_some_and(|basis| published.holds(&basis));
    let counts = store.merge_published(team, shown, published, since, clean)?;
    store.note_team_file(team, shown)?;
    Ok(counts)
}

/// Writes a snapshot of the local database beside the team file, then renames it over.
pub fn publish(store: &mut Store, team: &Path) -> Result<()> {
    let temp = files::publish_temp(team);
    let written = store.snapshot(&temp).and_then(|held| {
        files::share_with_folder_group(&temp, team)?;
        files::replace(&temp, team)?;
        Ok(held)
    });
    match written {
        Ok(held) => {
            store.note_published(held)?;
            store.note_team_file(team, &team.display().to_string())
        }
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            Err(e)
        }
    }
}

/// Merges a private, checked copy of the file at `path` into `store`; the file itself is
/// never opened. `leadtrack merge` and every conflicted copy beside the team file come here;
/// with `team`, a copy of another team's file is refused.
pub fn merge_file(store: &mut Store, path: &Path, team: Option<&str>) -> Result<MergeCounts> {
    let shown = path.display().to_string();
    let copy = files::private_copy(path)?;
    let info = check_copy(&copy, &shown, CopyCheck::MergedTables)?;
    // A copy of a team no one else joined is a team made at the same time as this one
    // (see `settle_team`): taken in.
    if let Some(team) = team
        && info.team_id.as_deref() != Some(team)
        && info.joined
    {
        return Err(Error::said_plain("error-not-this-teams-copy"));
    }
    store.merge_copy(&copy, &shown)
}
