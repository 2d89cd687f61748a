//! Clocks far ahead of the team's (SPEC §5.5). A rep whose clock says a wrong, later date
//! dates every change by it, and those changes win over everyone's until that date comes.
//! The stamps still merge as any others (the team converges); the people are told: each rep
//! whose round takes such changes in is warned with the author's name, and notes it in the
//! team file, from which the author learns it at their next round.

use super::RoundReport;
use crate::config::Language;
use crate::error::Result;
use crate::model::clock::{FarAhead, is_far_ahead};
use crate::model::text::display_safe;
use crate::store::merge::MergeCounts;
use crate::store::{Store, clock_notes};
use crate::tr;
use chrono::{DateTime, Local, Utc};

/// What a team file's notes mean here, read before its changes are taken in.
#[derive(Debug, Default)]
pub struct Heard {
    /// What this clock says, when another rep noted this rep's changes dated far ahead of
    /// their clock and this clock still says that date or later (a clock set right again
    /// is not told).
    told: Option<DateTime<Utc>>,
    /// Reps the file notes far ahead of this clock whom this database had not noted: a
    /// rep joining the team hears of them, though their changes come with the whole file.
    others: Vec<FarAhead>,
}

pub fn hear(store: &Store, notes: &[FarAhead]) -> Result<Heard> {
    let (me, now) = (&store.author().node, store.now());
    let known = clock_notes::read(store.conn())?;
    let told = notes
        .iter()
        .any(|note| &note.node == me && now >= note.at)
        .then_some(now);
    let others = notes
        .iter()
        .filter(|n| &n.node != me && is_far_ahead(n.at, now))
        .filter(|n| !known.iter().any(|k| k.node == n.node))
        .cloned()
        .collect();
    Ok(Heard { told, others })
}

/// Puts in the round's report what it learned of clocks: this rep's own, from the team
/// file, and the reps whose changes it took in (`taken`) dated far ahead of this clock.
/// Keeps those among this database's notes, for the team file to carry, and forgets the
/// notes this clock has since caught up with.
pub fn remember(
    store: &mut Store,
    taken: &MergeCounts,
    heard: Heard,
    report: &mut RoundReport,
) -> Result<()> {
    let mut found = heard.others;
    for far in taken.far_ahead.values() {
        FarAhead::note_in(&mut found, far);
    }
    let now = store.now();
    let known = clock_notes::read(store.conn())?;
    let mut notes: Vec<FarAhead> = known.iter().filter(|n| n.at > now).cloned().collect();
    for far in &found {
        FarAhead::note_in(&mut notes, far);
    }
    if notes != known {
        store.write(|w| clock_notes::write(w, &notes))?;
    }
    report.clock_far_ahead = heard.told;
    report.clocks_far_ahead = found;
    Ok(())
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
