//! Clocks far ahead of the team's (SPEC §5.5). A rep whose clock says a wrong, later date
//! dates every change by it, and those changes win over everyone's until that date comes.
//! The stamps still merge as any others (the team converges); the people are told: each rep
//! whose round takes such changes in is warned with the author's name, and notes it in the
//! team file, from which the author learns it at their next round.

use super::RoundReport;
use crate::config::Language;
use crate::error::Result;
use crate::model::clock::FarAhead;
use crate::model::text::display_safe;
use crate::store::merge::MergeCounts;
use crate::store::{Store, clock_notes};
use crate::tr;
use chrono::{DateTime, Local, Utc};
use std::path::Path;

/// What this clock says, when the team file just taken in holds another rep's note that
/// this rep's changes were dated far ahead of their clock, and this clock still says that
/// date or later (a clock set right again is not told).
pub fn told(store: &Store, team_copy: &Path) -> Result<Option<DateTime<Utc>>> {
    let (me, now) = (&store.author().node, store.now());
    let noted = clock_notes::read_copy(team_copy)?
        .iter()
        .any(|note| &note.node == me && now >= note.at);
    Ok(noted.then_some(now))
}

/// Keeps the reps this round found far ahead (`taken`) among this database's notes, for the
/// team file to carry, and forgets the notes this clock has since caught up with. Returns
/// the reps found this round, for the warning.
pub fn remember(store: &mut Store, taken: &MergeCounts) -> Result<Vec<FarAhead>> {
    let found: Vec<FarAhead> = taken.far_ahead.values().cloned().collect();
    let now = store.now();
    let known = clock_notes::read(store.conn())?;
    let mut notes: Vec<FarAhead> = known.iter().filter(|n| n.at > now).cloned().collect();
    for far in &found {
        match notes.iter_mut().find(|n| n.node == far.node) {
            Some(note) if note.at >= far.at => {}
            Some(note) => *note = far.clone(),
            None => notes.push(far.clone()),
        }
    }
    if notes != known {
        store.write(|w| clock_notes::write(w, &notes))?;
    }
    Ok(found)
}

/// The round's warnings about clocks, one sentence each.
pub fn warnings(report: &RoundReport, lang: Language) -> Vec<String> {
    let day = |at: &DateTime<Utc>| at.with_timezone(&Local).format("%Y-%m-%d").to_string();
    let mut said = Vec::new();
    if let Some(now) = &report.clock_far_ahead {
        said.push(tr!(lang, "sync-clock-far-ahead-of-team", now = day(now)));
    }
    for far in &report.clocks_far_ahead {
        said.push(tr!(
            lang,
            "sync-clock-far-ahead-of-rep",
            name = display_safe(&far.name),
            at = day(&far.at)
        ));
    }
    said
}
