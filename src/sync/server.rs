//! One round with a team server: push what this database changed since its last push, then
//! pull what others pushed since its last pull. Each side is one transaction, and each
//! watermark moves only once what it marks is committed: a round cut short anywhere sends
//! again what it may not have sent and never skips what it did not take in.

use crate::config::Config;
use crate::error::{Error, Result};
use crate::features::scores;
use crate::i18n::Arg;
use crate::model::dates::today;
use crate::store::Store;
use crate::store::merge::MergeCounts;
use crate::store::server::snapshot::{self, Snapshot};
use crate::store::server::{self, Server, Target};
use crate::store::team_server::{Outgoing, scratch_file};
use serde::Serialize;

/// Rows read and sent per batch (bounded memory whatever a push holds).
const BATCH: usize = 2000;

#[derive(Debug, Clone, Default, Serialize)]
pub struct ServerReport {
    pub server: String,
    /// The role changes go out as (their author everywhere).
    pub role: String,
    /// Rows this round sent, and how many the server did not hold yet.
    pub pushed: server::Pushed,
    /// What the pull brought in.
    pub pulled: MergeCounts,
    /// The snapshot a new rep's database started from, if it did, and the leads, contacts
    /// and activities it brought.
    pub snapshot: Option<Snapshot>,
    pub snapshot_records: usize,
    /// Why the team's snapshot could not be used, if it could not (every change was pulled
    /// instead).
    pub snapshot_unusable: Option<String>,
}

/// Runs one round against the server at `target`. Out of reach, it says so with the number
/// of changes waiting here; a refused login or a role outside the team's group is one
/// sentence, and nothing changes here.
pub fn run_server_round(
    store: &mut Store,
    config: &Config,
    target: &Target,
) -> Result<ServerReport> {
    let offline = |store: &Store, e: Error| -> Error {
        if !server::is_unreachable(&e) {
            return e;
        }
        let reason = match &e {
            Error::Said(said) => said
                .args
                .iter()
                .find(|(name, _)| *name == "reason")
                .map(|(_, reason)| reason.clone()),
            _ => None,
        };
        let waiting = store.waiting_to_push().unwrap_or(0);
        Error::said(
            "error-team-server-offline",
            [
                ("server", Arg::from(target.shown())),
                ("reason", reason.unwrap_or_else(|| Arg::from(""))),
                ("waiting", Arg::from(waiting.to_string())),
            ],
        )
    };
    let mut server = Server::connect(target).map_err(|e| offline(store, e))?;
    round_on(store, config, &mut server).map_err(|e| offline(store, e))
}

fn round_on(store: &mut Store, config: &Config, server: &mut Server) -> Result<ServerReport> {
    let team = server.team()?;
    settle_team(store, &team, server.shown())?;
    let mut report = ServerReport {
        server: server.shown().to_string(),
        role: server.role().to_string(),
        ..ServerReport::default()
    };
    if store.has_no_records()? && store.watermarks()?.pulled == 0 {
        start_from_snapshot(store, config, server, &mut report)?;
    }
    let marks = store.watermarks()?;
    let node = store.author().node.clone();
    report.pushed = push(store, server, &node)?;
    // The scratch copy is made once the first row arrives: a round with nothing to pull
    // writes no file.
    let mut incoming = None;
    let rows = store.row_reader()?;
    let read = |kind: &str, row: &str| rows.read(kind, row);
    let last = server.pull(marks.pulled, &node, read, |row| {
        let scratch = match &mut incoming {
            Some(scratch) => scratch,
            None => incoming.insert(store.incoming(&rows)?),
        };
        scratch.add(row)
    })?;
    match incoming.filter(|scratch| scratch.rows > 0) {
        Some(scratch) => {
            let shown = server.shown().to_string();
            report.pulled = store.merge_pulled(scratch, last, &shown)?;
        }
        None if last != marks.pulled => store.note_pulled(last)?,
        None => {}
    }
    // The values the merge found losing are this database's news: told in the same round,
    // before the row they lost to can leave the server.
    if report.pulled.history > 0 {
        let again = push(store, server, &node)?;
        report.pushed.sent += again.sent;
        report.pushed.new += again.new;
    }
    scores::refresh_merged(
        store,
        &config.scoring,
        &report.pulled.leads_touched,
        today(),
    )?;
    Ok(report)
}

/// A new rep's database, empty, becomes the team's newest snapshot its leadtrack can read,
/// when the server has one: the round then pulls only what came after it. A snapshot that
/// turns out damaged is said in the report, and every change is pulled instead.
fn start_from_snapshot(
    store: &mut Store,
    config: &Config,
    server: &mut Server,
    report: &mut ServerReport,
) -> Result<()> {
    let schema = i32::try_from(store.schema_version()?).unwrap_or(i32::MAX);
    let Some(snapshot) = server.newest_snapshot(schema)? else {
        return Ok(());
    };
    let path = scratch_file(store, SCRATCH)?;
    let shown = server.shown().to_string();
    let taken = server.download_snapshot(&snapshot, &path).and_then(|()| {
        store.adopt_snapshot(&path, snapshot.upto, |reason| {
            snapshot::damaged(&shown, &snapshot, &reason)
        })
    });
    let _ = std::fs::remove_file(&path);
    match taken {
        Ok(()) => {
            // Scores are worked out by this rep's scoring and today's date.
            scores::ensure_fresh(store, &config.scoring, today())?;
            report.snapshot = Some(snapshot);
            report.snapshot_records = store.record_count()?;
            Ok(())
        }
        Err(e) if snapshot::is_damaged(&e) => {
            report.snapshot_unusable = Some(e.message(config.language));
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// How a downloaded snapshot's scratch file is named: this, the process's id, a dash.
const SCRATCH: &str = ".leadtrack-snapshot-";

/// What `team snapshot` published.
#[derive(Debug, Clone, Serialize)]
pub struct SnapshotPublished {
    pub server: String,
    /// The round run first, so the copy holds everything the team has pushed.
    pub round: ServerReport,
    pub snapshot: Snapshot,
}

/// Runs a round with the server at `target`, then publishes a copy of this database as the
/// team's snapshot for new reps (`leadtrack team snapshot`). Only the database's owner may:
/// a copy is taken as it is, authors and all. Refused while rows here wait to be pushed.
pub fn publish_snapshot(
    store: &mut Store,
    config: &Config,
    target: &Target,
) -> Result<SnapshotPublished> {
    let mut server = Server::connect(target)?;
    server.team()?;
    if !server.may_publish_snapshots()? {
        return Err(Error::said(
            "error-team-snapshot-owner-only",
            [("server", server.shown()), ("role", server.role())],
        ));
    }
    let round = round_on(store, config, &mut server)?;
    let path = scratch_file(store, SCRATCH)?;
    // The copy is written into a file of its own name: made empty here, so the copy may not
    // find it there.
    let _ = std::fs::remove_file(&path);
    let published = (|| {
        let copy = store.snapshot_copy(&path)?;
        if copy.waiting > 0 {
            return Err(Error::said(
                "error-team-snapshot-waiting",
                [
                    ("server", Arg::from(server.shown())),
                    ("waiting", Arg::from(copy.waiting.to_string())),
                ],
            ));
        }
        server.publish_snapshot(&path, copy.upto, copy.schema)
    })();
    let _ = std::fs::remove_file(&path);
    Ok(SnapshotPublished {
        server: server.shown().to_string(),
        round,
        snapshot: published?,
    })
}

/// Pushes what this database changed since its last push, then remembers it was sent (only
/// once the server has committed it).
fn push(store: &mut Store, server: &mut Server, node: &str) -> Result<server::Pushed> {
    let marks = store.watermarks()?;
    let mut sent = Outgoing::default();
    let pushed = server.push(node, marks.pulled, |send| {
        sent = store.outgoing(BATCH, send)?;
        Ok(())
    })?;
    if sent.rows > 0 || sent.generation != marks.pushed {
        store.note_pushed(&sent)?;
    }
    Ok(pushed)
}

/// A database joins the team the server holds; one already syncing with another team is
/// refused (its data would mix two teams).
fn settle_team(store: &mut Store, team: &str, shown: &str) -> Result<()> {
    match store.team_id()? {
        Some(ours) if ours == team => Ok(()),
        Some(_) if store.joined()? && store.watermarks()?.pulled > 0 => Err(Error::said(
            "error-another-teams-server",
            [("server", shown)],
        )),
        _ => {
            store.set_team_id(team)?;
            store.note_joined()
        }
    }
}
