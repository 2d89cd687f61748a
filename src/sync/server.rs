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
use crate::store::server::{self, Server, Target};
use crate::store::team_server::Outgoing;
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
