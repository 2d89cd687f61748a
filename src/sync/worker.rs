//! Rounds in the background while the app runs: at start, a few seconds after a change,
//! every `sync_interval_secs`, when the team file changes on disk or another rep pushes to
//! the team server, and at quit. The worker has its own connection, so a slow or
//! unreachable team folder or server never blocks the screen.

use super::Team;
use super::round::{RoundReport, run_round};
use super::server::run_server_round;
use crate::config::{Config, Language};
use crate::error::Result;
use crate::store::Store;
use chrono::{DateTime, Local};
use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

/// How long after a change the round runs (changes in a burst share one round).
const AFTER_CHANGE: Duration = Duration::from_secs(3);
/// How often the worker looks at the team file's modification time.
const LOOK: Duration = Duration::from_secs(1);
/// How long the listener waits before trying an unreachable server again.
const RETRY_LISTEN: Duration = Duration::from_secs(10);

enum Message {
    Changed,
    /// Another rep pushed to the team server.
    Pushed,
    /// The listener is still there (and learns whether the worker is).
    Listening,
    Quit,
}

/// What a round came to, for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncEvent {
    Synced {
        at: DateTime<Local>,
        brought_in: usize,
        /// What the rep should know about the round (a clock far ahead).
        warning: Option<String>,
    },
    Failed {
        at: DateTime<Local>,
        problem: String,
    },
}

pub struct SyncWorker {
    messages: Sender<Message>,
    events: Receiver<SyncEvent>,
    /// Rounds `wait_for_round` saw finish, not yet handed out by `events`.
    waited: RefCell<Vec<SyncEvent>>,
    thread: Option<JoinHandle<()>>,
}

impl SyncWorker {
    /// Starts rounds against `team` for the local database at `db`, in the background.
    pub fn start(db: PathBuf, config: Config, team: Team) -> SyncWorker {
        let (messages, inbox) = mpsc::channel();
        let (outbox, events) = mpsc::channel();
        let to_worker = messages.clone();
        let thread = std::thread::Builder::new()
            .name("leadtrack-sync".into())
            .spawn(move || work(&db, &config, &team, (&inbox, to_worker), &outbox))
            .ok();
        SyncWorker {
            messages,
            events,
            waited: RefCell::new(Vec::new()),
            thread,
        }
    }

    /// The local database changed here: a round follows in a few seconds.
    pub fn changed(&self) {
        let _ = self.messages.send(Message::Changed);
    }

    /// Rounds finished since the last look.
    pub fn events(&self) -> Vec<SyncEvent> {
        let mut events = self.waited.take();
        events.extend(self.events.try_iter());
        events
    }

    /// Blocks until a round has finished since the last look, `patience` at most; false when
    /// none did. The round is still handed out by `events`. For a caller that must know a
    /// round is done (a test) rather than look again after a while.
    pub fn wait_for_round(&self, patience: Duration) -> bool {
        if !self.waited.borrow().is_empty() {
            return true;
        }
        match self.events.recv_timeout(patience) {
            Ok(event) => {
                self.waited.borrow_mut().push(event);
                true
            }
            Err(_) => false,
        }
    }

    /// A last round, waited for at most `patience`; None when it did not finish in time.
    pub fn quit(mut self, patience: Duration) -> Option<SyncEvent> {
        let _ = self.messages.send(Message::Quit);
        let last = self.events.recv_timeout(patience).ok();
        if last.is_some()
            && let Some(thread) = self.thread.take()
        {
            let _ = thread.join();
        }
        last
    }
}

/// Hears other reps' pushes on a connection of its own, and has the worker pull at once.
/// Out of reach, it tries again now and then; it ends with the worker.
fn listen(target: crate::store::server::Target, node: String, worker: Sender<Message>) {
    let _ = std::thread::Builder::new()
        .name("leadtrack-listen".into())
        .spawn(move || {
            loop {
                let heard = crate::store::server::Server::connect(&target).and_then(|mut s| {
                    s.listen()?;
                    // Reached (again): a round now sends what waited while it was out of
                    // reach, and takes in what was pushed meanwhile.
                    if worker.send(Message::Pushed).is_err() {
                        return Ok(());
                    }
                    loop {
                        if s.wait_for_push(&node, LOOK)? && worker.send(Message::Pushed).is_err() {
                            return Ok(());
                        }
                        // The worker is gone (the app closed): so is the listener.
                        if worker.send(Message::Listening).is_err() {
                            return Ok(());
                        }
                    }
                });
                if heard.is_ok() {
                    return;
                }
                std::thread::sleep(RETRY_LISTEN);
            }
        });
}

impl Drop for SyncWorker {
    /// The listener holds a way to the worker too: dropped, the worker still ends (after a
    /// last round, as at quit), and the listener with it.
    fn drop(&mut self) {
        let _ = self.messages.send(Message::Quit);
    }
}

fn modified(team: &Team) -> Option<SystemTime> {
    match team {
        Team::File(path) => std::fs::metadata(path).and_then(|m| m.modified()).ok(),
        Team::Server(_) => None,
    }
}

fn round(store: &mut Store, config: &Config, team: &Team) -> SyncEvent {
    let at = Local::now();
    match team {
        Team::File(path) => event(at, run_round(store, config, path), config.language),
        Team::Server(target) => match run_server_round(store, config, target) {
            Ok(report) => SyncEvent::Synced {
                at,
                brought_in: report.snapshot_records + report.pulled.added + report.pulled.updated,
                warning: report.snapshot_unusable,
            },
            Err(e) => SyncEvent::Failed {
                at,
                problem: status_problem(&e, config.language),
            },
        },
    }
}

/// What the status line says of a failed server round: out of reach, the count of changes
/// waiting comes first (the line is narrow; `sync` says the reason and the server too).
fn status_problem(e: &crate::error::Error, language: Language) -> String {
    if let crate::error::Error::Said(said) = e
        && said.id == "error-team-server-offline"
        && let Some((_, waiting)) = said.args.iter().find(|(name, _)| *name == "waiting")
    {
        return crate::tr!(
            language,
            "status-team-server-offline",
            waiting = waiting.in_language(language).to_string()
        );
    }
    e.message(language)
}

/// What the status bar says of a round: a round that could not publish is a problem, said
/// with what it pulled.
fn event(at: DateTime<Local>, outcome: Result<RoundReport>, language: Language) -> SyncEvent {
    let report = match outcome {
        Ok(report) => report,
        Err(e) => {
            return SyncEvent::Failed {
                at,
                problem: e.message(language),
            };
        }
    };
    if let Some(refusal) = report.unpublished() {
        return SyncEvent::Failed {
            at,
            problem: refusal.message(language),
        };
    }
    let total = report.total();
    SyncEvent::Synced {
        at,
        brought_in: total.added + total.updated,
        warning: super::clock::warnings(&report, language).into_iter().next(),
    }
}

/// `inbox`: the worker's messages, and a way to send it more (a listener's).
fn work(
    db: &std::path::Path,
    config: &Config,
    team: &Team,
    (inbox, to_worker): (&Receiver<Message>, Sender<Message>),
    outbox: &Sender<SyncEvent>,
) {
    let mut store = match Store::open(db, &config.user_name()) {
        Ok(store) => store,
        Err(e) => {
            let _ = outbox.send(SyncEvent::Failed {
                at: Local::now(),
                problem: e.message(config.language),
            });
            return;
        }
    };
    // Its own pushes are not news to this database.
    match team {
        Team::Server(target) => listen((**target).clone(), store.author().node.clone(), to_worker),
        Team::File(_) => drop(to_worker),
    }
    let interval = Duration::from_secs(config.team.sync_interval_secs);
    let mut next_interval = Instant::now() + interval;
    let mut after_change: Option<Instant> = None;
    let _ = outbox.send(round(&mut store, config, team));
    let mut seen = modified(team);
    loop {
        match inbox.recv_timeout(LOOK) {
            Ok(Message::Changed) => after_change = Some(Instant::now() + AFTER_CHANGE),
            Ok(Message::Pushed) => next_interval = Instant::now(),
            Ok(Message::Listening) => {}
            Ok(Message::Quit) | Err(RecvTimeoutError::Disconnected) => {
                let _ = outbox.send(round(&mut store, config, team));
                return;
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
        let now = Instant::now();
        let team_moved = modified(team) != seen;
        let due = after_change.is_some_and(|t| now >= t) || now >= next_interval || team_moved;
        if due {
            after_change = None;
            next_interval = now + interval;
            let _ = outbox.send(round(&mut store, config, team));
            seen = modified(team);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_round_that_could_not_publish_says_so_with_what_it_pulled() {
        let mut report = RoundReport {
            read_only_folder: Some("/share/sales".into()),
            ..RoundReport::default()
        };
        report.from_team.added = 2;
        report.from_team.updated = 1;
        let at = Local::now();
        for (language, expected) in [
            (Language::En, "/share/sales is read-only"),
            (Language::Ja, "/share/sales に書き込む権限がない"),
        ] {
            match event(at, Ok(report.clone()), language) {
                SyncEvent::Failed { problem, .. } => {
                    assert!(problem.contains(expected), "{problem}");
                    assert!(problem.contains('3'), "what was pulled: {problem}");
                }
                other => panic!("{other:?}"),
            }
        }
    }
}
