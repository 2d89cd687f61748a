//! `kill -9` of a round with a team server at random moments: rep A changes something (a
//! lead, a call, a note) and starts `leadtrack sync`, killed anywhere in its round (connecting,
//! pushing in its PostgreSQL transaction, noting the push, pulling, merging in its SQLite
//! transaction), 100 times over, while rep B changes things and syncs between the kills. The
//! moments are drawn over the whole round, or after what the round was seen doing (its push
//! writing on the server, committed there, its pull begun), so the narrow stretches are hit.
//! After each kill A's database is whole and holds every change A made; once both reps sync to
//! the end, both databases pass `check` and hold the same data, every lead, call and note
//! either rep made is there exactly once, the server holds no row twice and a further round
//! moves nothing: a push sent again after a kill adds nothing, a pull cut short is taken in
//! again, and no watermark passes what was not committed.
//!
//! The moments of the kills and the changes come from a seeded generator, so a failure
//! repeats (`LEADTRACK_KILL_SEED` chooses another seed, `LEADTRACK_KILLS` more trials); the
//! test prints where the kills landed. Skipped, with the reason, where PostgreSQL is not
//! installed (never under CI=true).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(unix)]

mod common;

use common::pg::{self, Cluster};
use common::{Scratch, shared_state, strings, team_server};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::Connection;
use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Rounds killed (or let finish, when the kill comes too late) at a random moment.
const TRIALS: usize = 100;
/// The seed unless `LEADTRACK_KILL_SEED` gives one.
const SEED: u64 = 0x5EED_7EA3;
/// Clean rounds timed before the kills, to know how long a round takes.
const TIMED_ROUNDS: usize = 7;

/// A rep on the team server: their own database and config, connecting as their role.
struct Rep<'a> {
    s: &'a Scratch,
    role: &'static str,
    config: PathBuf,
}

impl<'a> Rep<'a> {
    fn new(s: &'a Scratch, cluster: &Cluster, role: &'static str) -> Rep<'a> {
        let config = s.path(&format!("{role}.toml"));
        std::fs::write(
            &config,
            format!("[team]\nserver = \"{}\"\n", cluster.url(role)),
        )
        .unwrap();
        Rep { s, role, config }
    }

    fn db(&self) -> PathBuf {
        self.s.path(&format!("{}.db", self.role))
    }

    /// `leadtrack --db <db> --config <config> ARGS` with the scratch home as its only
    /// environment (as `Scratch::bare` builds it), a plain process the test can kill.
    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = self.s.process();
        cmd.arg("--db")
            .arg(self.db())
            .arg("--config")
            .arg(&self.config)
            .args(args)
            .stdin(Stdio::null());
        cmd
    }

    fn ok(&self, args: &[&str]) -> String {
        let out: Output = self.command(args).output().unwrap();
        assert!(
            out.status.success(),
            "{} {args:?}: {}",
            self.role,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// A round left alone; what it pushed and pulled.
    fn sync(&self) -> serde_json::Value {
        serde_json::from_str(&self.ok(&["sync", "--format", "json"])).unwrap()
    }

    /// The ids of the leads this rep's database holds, in id order.
    fn lead_ids(&self) -> Vec<String> {
        if !self.db().exists() {
            return Vec::new();
        }
        strings(&self.open(), "SELECT id FROM leads ORDER BY id")
    }

    fn open(&self) -> Connection {
        Connection::open(self.db()).unwrap()
    }
}

/// Every change the reps made, as each database must hold it in the end.
#[derive(Default)]
struct Made {
    /// Lead titles (each unique) and the id `lead add` printed.
    leads: BTreeMap<String, String>,
    /// Call summaries (each unique) and their lead.
    calls: BTreeMap<String, String>,
    /// The note each lead was last given (edits come one after another: the last one wins).
    notes: BTreeMap<String, String>,
}

/// One change by `rep`, chosen by `rng`; returns the text that marks it (unique).
fn change(rep: &Rep<'_>, rng: &mut ChaCha8Rng, n: usize, made: &mut Made) -> String {
    let leads = rep.lead_ids();
    let pick = rng.random_range(0..100);
    let on = if leads.is_empty() {
        None
    } else {
        Some(leads[rng.random_range(0..leads.len())].clone())
    };
    match (pick, on) {
        (0..35, _) | (_, None) => {
            let title = format!("{}の案件（{n}）", rep.role);
            let id = rep
                .ok(&["lead", "add", "--title", &title])
                .trim()
                .to_string();
            made.leads.insert(title.clone(), id);
            title
        }
        (35..75, Some(lead)) => {
            let summary = format!("{}の電話（{n}）", rep.role);
            rep.ok(&["log", "call", "--lead", &lead, "--summary", &summary]);
            made.calls.insert(summary.clone(), lead);
            summary
        }
        (_, Some(lead)) => {
            let note = format!("{}のメモ（{n}）", rep.role);
            rep.ok(&["lead", "edit", &lead, "--notes", &note]);
            made.notes.insert(lead, note.clone());
            note
        }
    }
}

/// When a round is killed: a moment after it starts, a moment after its push has begun
/// writing on the server (its session holds a write transaction), a moment after its push
/// is seen committed there, or a moment after its pull has begun (its scratch file is
/// there). The last three wait on what the round did, not on time, so the narrow stretches
/// (before the server's commit, between that commit and the note of it here, inside the
/// merge) are hit often.
#[derive(Debug, Clone, Copy)]
enum Aim {
    Anywhere(Duration),
    InPush(Duration),
    AfterPush(Duration),
    InPull(Duration),
}

/// How a killed round ended.
enum Ended {
    /// Done before the kill (it must have succeeded).
    Finished,
    Killed,
}

/// What a round left alone showed, as times since it started.
struct Timing {
    pushing: Option<Duration>,
    pushed: Option<Duration>,
    pulling: Option<Duration>,
    ended: Duration,
}

/// The scratch files of pulls (`.leadtrack-pull-*`) in the reps' folder; a killed round
/// leaves its own behind.
fn pull_files(s: &Scratch) -> BTreeSet<PathBuf> {
    std::fs::read_dir(s.dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(".leadtrack-pull-"))
        })
        .collect()
}

/// Whether the server holds a row with `marker` in it.
fn on_server(server: &mut postgres::Client, marker: &str) -> bool {
    server
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM leadtrack.changes WHERE position($1 in row::text) > 0)",
            &[&marker],
        )
        .unwrap()
        .get(0)
}

/// A round of `rep`'s, started; its output goes to files, so it is never held up by a full
/// pipe.
struct Round<'s> {
    s: &'s Scratch,
    child: std::process::Child,
    started: Instant,
    pulls_before: BTreeSet<PathBuf>,
}

impl<'s> Round<'s> {
    fn start(s: &'s Scratch, rep: &Rep<'_>) -> Round<'s> {
        let pulls_before = pull_files(s);
        let child = rep
            .command(&["sync"])
            .stdout(File::create(s.path("round.out")).unwrap())
            .stderr(File::create(s.path("round.err")).unwrap())
            .spawn()
            .unwrap();
        Round {
            s,
            child,
            started: Instant::now(),
            pulls_before,
        }
    }

    fn running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// Waits until the round's push writes on the server, in a transaction not committed yet
    /// (true), or the round has ended.
    fn until_pushing(&mut self, server: &mut postgres::Client) -> bool {
        while self.running() {
            let writing: bool = server
                .query_one(
                    "SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                                    WHERE usename = 'sato' AND backend_xid IS NOT NULL)",
                    &[],
                )
                .unwrap()
                .get(0);
            if writing {
                return true;
            }
        }
        false
    }

    /// Waits until the round's push is on the server (true) or the round has ended.
    fn until_pushed(&mut self, server: &mut postgres::Client, marker: &str) -> bool {
        while self.running() {
            if on_server(server, marker) {
                return true;
            }
        }
        false
    }

    /// Waits until the round's pull has begun (true) or the round has ended.
    fn until_pulling(&mut self) -> bool {
        while self.running() {
            if pull_files(self.s)
                .difference(&self.pulls_before)
                .next()
                .is_some()
            {
                return true;
            }
            std::thread::sleep(Duration::from_micros(100));
        }
        false
    }

    /// Left alone: when it pushed, began to pull and ended.
    fn timed(mut self, server: &mut postgres::Client, marker: &str) -> Timing {
        let pushing = self.until_pushing(server).then(|| self.started.elapsed());
        let pushed = self
            .until_pushed(server, marker)
            .then(|| self.started.elapsed());
        let pulling = self.until_pulling().then(|| self.started.elapsed());
        let started = self.started;
        assert!(matches!(self.end(), Ended::Finished));
        Timing {
            pushing,
            pushed,
            pulling,
            ended: started.elapsed(),
        }
    }

    /// Sends SIGKILL at the moment `aim` says (unless the round ended before) and reaps it.
    fn kill(mut self, aim: Aim, server: &mut postgres::Client, marker: &str) -> Ended {
        let after = match aim {
            Aim::Anywhere(delay) => Some(delay),
            Aim::InPush(delay) => self.until_pushing(server).then_some(delay),
            Aim::AfterPush(delay) => self.until_pushed(server, marker).then_some(delay),
            Aim::InPull(delay) => self.until_pulling().then_some(delay),
        };
        if let Some(delay) = after {
            // The delay, cut short when the round ends first.
            let from = Instant::now();
            while self.running() && from.elapsed() < delay {
                std::thread::sleep(
                    delay
                        .saturating_sub(from.elapsed())
                        .min(Duration::from_micros(500)),
                );
            }
            let _ = self.child.kill();
        }
        let ended = self.end();
        // What the killed round had sent the server is done with (a commit it sent before
        // dying is committed) once its session is gone.
        while server
            .query_one(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = 'sato'",
                &[],
            )
            .unwrap()
            .get::<_, i64>(0)
            > 0
        {
            std::thread::sleep(Duration::from_micros(200));
        }
        ended
    }

    fn end(mut self) -> Ended {
        let status = self.child.wait().unwrap();
        match (status.code(), status.signal()) {
            (Some(code), _) => {
                let said = std::fs::read_to_string(self.s.path("round.err")).unwrap_or_default();
                assert_eq!(code, 0, "a round left alone failed: {said}");
                Ended::Finished
            }
            (None, Some(9)) => Ended::Killed,
            other => panic!("the round ended by {other:?}"),
        }
    }
}

/// Where a kill left a change of A's: not on the server, on it but not noted here as
/// pushed, noted, or the round finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Landed {
    BeforePush,
    PushedNotNoted,
    NotedNotMerged,
    RoundDone,
}

fn meta(conn: &Connection, key: &str) -> i64 {
    conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| {
        r.get::<_, String>(0)
    })
    .map(|v| v.parse().unwrap())
    .unwrap_or(0)
}

/// Opens `db` as SQLite does after a crash and checks it whole.
fn whole(db: &Path, trial: usize) -> Connection {
    let conn = Connection::open(db).unwrap();
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok", "trial {trial}: {} is damaged", db.display());
    conn
}

/// Where the kill of trial `trial` left A's change marked `marker`.
fn landed(
    server: &mut postgres::Client,
    a: &Rep<'_>,
    marker: &str,
    trial: usize,
    ended: &Ended,
) -> Landed {
    let conn = whole(&a.db(), trial);
    // The change is A's database whatever the kill did to the round.
    let touched: i64 = conn
        .query_row(
            "SELECT max(touched) FROM (
                 SELECT touched FROM leads WHERE title = ?1 OR notes = ?1
                 UNION ALL SELECT touched FROM activities WHERE summary = ?1)",
            [marker],
            |r| r.get::<_, Option<i64>>(0),
        )
        .unwrap()
        .unwrap_or_else(|| panic!("trial {trial}: A's change {marker} was lost"));
    let on_server: i64 = server
        .query_one(
            "SELECT count(*) FROM leadtrack.changes WHERE position($1 in row::text) > 0",
            &[&marker],
        )
        .unwrap()
        .get(0);
    let others: i64 = server
        .query_one(
            "SELECT coalesce(max(c.seq), 0) FROM leadtrack.changes c
             JOIN leadtrack.nodes n USING (node) WHERE n.role <> 'sato'",
            &[],
        )
        .unwrap()
        .get(0);
    if matches!(ended, Ended::Finished) {
        return Landed::RoundDone;
    }
    match (
        on_server > 0,
        meta(&conn, "server:pushed") >= touched,
        meta(&conn, "server:pulled") >= others,
    ) {
        (false, noted, _) => {
            assert!(
                !noted,
                "trial {trial}: {marker} is noted as pushed, and the server lacks it"
            );
            Landed::BeforePush
        }
        (true, false, _) => Landed::PushedNotNoted,
        (true, true, false) => Landed::NotedNotMerged,
        (true, true, true) => Landed::RoundDone,
    }
}

/// Kills land within 0 to a little past the longest of `spans` (`longest`), or the middle
/// one.
fn within(spans: impl Iterator<Item = Duration>, longest: bool) -> u64 {
    let mut spans: Vec<Duration> = spans.collect();
    spans.sort();
    let span = if longest {
        spans.last()
    } else {
        spans.get(spans.len() / 2)
    };
    span.copied().unwrap_or_default().mul_f64(1.25).as_micros() as u64
}

/// The rows the server holds more than once: their kind, key, and each copy's sequence
/// number and pushing role, then the row.
fn held_twice(server: &mut postgres::Client) -> Vec<String> {
    server
        .query(
            "SELECT kind, key, string_agg(seq || ' by ' || pushed_by, ', ' ORDER BY seq), row::text
             FROM leadtrack.changes GROUP BY kind, key, row HAVING count(*) > 1",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| {
            let (kind, key, copies, row): (String, String, String, String) =
                (r.get(0), r.get(1), r.get(2), r.get(3));
            format!("{kind} {key} (seq {copies}): {row}")
        })
        .collect()
}

/// Two states the same, or the lines each holds alone.
fn same(one: &str, other: &str, what: &str) {
    let lines = |s: &str| s.lines().map(str::to_string).collect::<BTreeSet<_>>();
    let (one, other) = (lines(one), lines(other));
    let first: Vec<&String> = one.difference(&other).collect();
    let second: Vec<&String> = other.difference(&one).collect();
    assert!(
        first.is_empty() && second.is_empty(),
        "{what} differ:\nonly in the first:\n{first:#?}\nonly in the second:\n{second:#?}"
    );
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

#[test]
fn a_round_killed_at_any_moment_loses_nothing_and_duplicates_nothing() {
    let s = Scratch::new();
    let Some(cluster) = team_server(&s, &["sato", "tanaka"]) else {
        return;
    };
    let (a, b) = (
        Rep::new(&s, &cluster, "sato"),
        Rep::new(&s, &cluster, "tanaka"),
    );
    let seed = env_number("LEADTRACK_KILL_SEED").unwrap_or(SEED);
    let trials = env_number("LEADTRACK_KILLS").map_or(TRIALS, |n| n as usize);
    eprintln!("team server kills: seed {seed}, {trials} trials");
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut made = Made::default();
    let mut n = 0;

    // As the cluster's superuser: it sees whether a session holds a write transaction.
    let mut server = cluster.client("postgres", pg::DB);
    // How long a round takes left alone, and its stretches: each pushes A's change and
    // pulls one of B's.
    let mut timings = Vec::new();
    for _ in 0..TIMED_ROUNDS {
        n += 1;
        change(&b, &mut rng, n, &mut made);
        b.sync();
        n += 1;
        let marker = change(&a, &mut rng, n, &mut made);
        timings.push(Round::start(&s, &a).timed(&mut server, &marker));
    }
    let whole_round = within(timings.iter().map(|t| t.ended), true);
    let in_push = within(
        timings.iter().filter_map(|t| Some(t.pushed? - t.pushing?)),
        false,
    );
    let after_push = within(
        timings.iter().filter_map(|t| Some(t.pulling? - t.pushed?)),
        false,
    );
    let in_pull = within(
        timings.iter().filter_map(|t| Some(t.ended - t.pulling?)),
        false,
    );
    eprintln!(
        "a round: {:?}; kills within {whole_round} µs of its start, {in_push} µs of its push's \
         start, {after_push} µs of its push's commit, {in_pull} µs of its pull",
        timings.iter().map(|t| t.ended).collect::<Vec<_>>()
    );

    let mut landings: BTreeMap<(&str, Landed), usize> = BTreeMap::new();
    let mut before = String::from("none");
    for trial in 0..trials {
        let aim = rng.random_range(0..20);
        // B changes something and syncs in between now and then, and always before a kill
        // aimed at the pull (so it has something to take in).
        if aim >= 16 || rng.random_bool(0.2) {
            n += 1;
            change(&b, &mut rng, n, &mut made);
            b.sync();
        }
        n += 1;
        let marker = change(&a, &mut rng, n, &mut made);
        // Anywhere in the round, evenly; after its push or in its pull, mostly early (the
        // note of the push follows its commit closely, the merge comes first in the pull).
        let evenly =
            |rng: &mut ChaCha8Rng, within: u64| Duration::from_micros(rng.random_range(0..=within));
        let early = |rng: &mut ChaCha8Rng, within: u64| {
            Duration::from_micros((within as f64 * rng.random::<f64>().powi(2)) as u64)
        };
        let (aim, name) = match aim {
            0..7 => (Aim::Anywhere(evenly(&mut rng, whole_round)), "anywhere"),
            7..10 => (Aim::InPush(early(&mut rng, in_push)), "in the push"),
            10..16 => (
                Aim::AfterPush(early(&mut rng, after_push)),
                "after the push",
            ),
            _ => (Aim::InPull(early(&mut rng, in_pull)), "in the pull"),
        };
        let ended = Round::start(&s, &a).kill(aim, &mut server, &marker);
        let landed = landed(&mut server, &a, &marker, trial, &ended);
        *landings.entry((name, landed)).or_default() += 1;
        let this = format!("trial {trial} (A's change {marker}, aimed {aim:?}, {landed:?})");
        let twice = held_twice(&mut server);
        assert!(
            twice.is_empty(),
            "after {this}, the one before being {before}: the server holds rows twice: {twice:#?}"
        );
        before = this;
    }
    eprintln!("where the kills landed: {landings:?}");
    // The kills spread over the whole round: some before its push, some after it.
    let at = |landed| landings.iter().any(|((_, l), _)| *l == landed);
    assert!(at(Landed::BeforePush), "{landings:?}");
    assert!(
        at(Landed::PushedNotNoted) || at(Landed::NotedNotMerged),
        "{landings:?}"
    );

    for _ in 0..2 {
        a.sync();
        b.sync();
    }
    // The scratch files the killed rounds left are gone with the next rounds: no copy of
    // the team's rows outlives its pull.
    let left = pull_files(&s);
    assert!(left.is_empty(), "scratch files left: {left:?}");
    for rep in [&a, &b] {
        let out = rep.command(&["check"]).output().unwrap();
        assert!(
            out.status.success(),
            "{}: leadtrack check: {}{}",
            rep.role,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for rep in [&a, &b] {
        let conn = rep.open();
        let who = rep.role;
        // Every lead once, with the id it was made with; every call once, on its lead.
        for (what, sql, made) in [
            ("leads", "SELECT title, id FROM leads", &made.leads),
            (
                "calls",
                "SELECT summary, lead_id FROM activities",
                &made.calls,
            ),
        ] {
            let held: Vec<(String, String)> = conn
                .prepare(sql)
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            let mut seen = BTreeSet::new();
            let twice: Vec<&(String, String)> = held.iter().filter(|h| !seen.insert(*h)).collect();
            let lost: Vec<(&String, &String)> = made
                .iter()
                .filter(|(text, id)| !seen.contains(&((*text).clone(), (*id).clone())))
                .collect();
            let unknown: Vec<&(String, String)> = held
                .iter()
                .filter(|(text, id)| made.get(text) != Some(id))
                .collect();
            assert!(
                lost.is_empty() && twice.is_empty() && unknown.is_empty(),
                "{who}'s {what}: lost {lost:?}, held twice {twice:?}, never made {unknown:?}"
            );
            assert_eq!(held.len(), made.len(), "{who}: {what} held");
        }
        // Every lead's last note.
        for (lead, note) in &made.notes {
            let held: Option<String> = conn
                .query_row("SELECT notes FROM leads WHERE id = ?1", [lead], |r| {
                    r.get(0)
                })
                .unwrap();
            assert_eq!(held.as_deref(), Some(note.as_str()), "{who}: {lead}'s note");
        }
        let gone: i64 = conn
            .query_row(
                "SELECT (SELECT count(*) FROM leads WHERE deleted <> 0)
                      + (SELECT count(*) FROM activities WHERE deleted <> 0)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(gone, 0, "{who}: nothing was deleted");
    }

    // The server holds no row twice: a push sent again after a kill added nothing.
    let twice = held_twice(&mut server);
    assert!(twice.is_empty(), "rows the server holds twice: {twice:#?}");
    // Each lead made is on the server under its own id, and no other.
    let keys: BTreeSet<String> = server
        .query(
            "SELECT DISTINCT key FROM leadtrack.changes WHERE kind = 'leads'",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let ids: BTreeSet<String> = made.leads.values().cloned().collect();
    assert_eq!(keys, ids, "the leads on the server");

    // Both databases hold the same, to the last stamp and author.
    let state = shared_state(&a.db());
    same(&state, &shared_state(&b.db()), "A and B");
    let left = pull_files(&s).len();
    eprintln!("scratch files of killed pulls left beside the databases: {left}");

    // A further round moves nothing either way.
    for rep in [&a, &b] {
        let round = rep.sync();
        assert_eq!(round["pushed"]["new"], 0, "{}: {round}", rep.role);
        assert_eq!(round["pulled"]["added"], 0, "{}: {round}", rep.role);
        assert_eq!(round["pulled"]["updated"], 0, "{}: {round}", rep.role);
    }
    same(
        &shared_state(&a.db()),
        &state,
        "A after a further round, and before",
    );
}
