//! Crash safety (SPEC §8 Durability): a writer — command-line writes, a business-card import,
//! a sync round — is killed with SIGKILL at random moments, many times over; after each kill
//! the database is reopened and must pass `PRAGMA integrity_check` and hold every change the
//! writer reported as done, and a half-done import must be entirely absent.
//!
//! 200 kills per kind by default; more with `LEADTRACK_KILLS`, e.g.
//! `LEADTRACK_KILLS=2000 LEADTRACK_KILL_CARDS=3000 cargo test --release --test crash_kill -- --nocapture`.
//! Each kind prints what it did (kills, changes verified) and its random seed; a seed can be
//! given again with `LEADTRACK_KILL_SEED`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Scratch, strings};
use rusqlite::Connection;
use std::collections::HashSet;
use std::fs::File;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Kills per kind.
fn kills_wanted() -> usize {
    env_number("LEADTRACK_KILLS").unwrap_or(200)
}

fn env_number(name: &str) -> Option<usize> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// A small random generator (xorshift): the moments of the kills.
struct Rng(u64);

impl Rng {
    /// Seeded from `LEADTRACK_KILL_SEED`, else the clock (each run kills at other moments).
    fn new(kind: &str) -> Rng {
        let seed = std::env::var("LEADTRACK_KILL_SEED")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
            })
            | 1;
        eprintln!("{kind}: seed {seed}");
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A moment in `0..=window`.
    fn moment(&mut self, window: Duration) -> Duration {
        Duration::from_micros(self.next() % (window.as_micros() as u64 + 1))
    }
}

/// `leadtrack --db DB` as rep "tester" in the scratch home, never reading the user's config.
fn leadtrack(s: &Scratch, db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_leadtrack"));
    cmd.env_clear()
        .env("HOME", s.dir.path())
        .env("XDG_CONFIG_HOME", s.path("config"))
        .env("XDG_DATA_HOME", s.path("data"))
        .env("USER", "tester")
        .arg("--db")
        .arg(db)
        .stdin(Stdio::null());
    if let Ok(tz) = std::env::var("TZ") {
        cmd.env("TZ", tz);
    }
    cmd
}

/// How a writer ended.
#[derive(Debug)]
enum Ended {
    /// It finished before the kill: exit code and what it printed.
    Finished(i32, String),
    Killed,
}

/// Starts `cmd`, sends SIGKILL after `delay` (`Child::kill`), and reaps it. Output goes to a
/// file, so a writer is never held up by a full pipe.
fn run_and_kill(s: &Scratch, mut cmd: Command, delay: Duration) -> Ended {
    let out_path = s.path("writer.out");
    let err_path = s.path("writer.err");
    let mut child = cmd
        .stdout(File::create(&out_path).unwrap())
        .stderr(File::create(&err_path).unwrap())
        .spawn()
        .unwrap();
    std::thread::sleep(delay);
    let _ = child.kill();
    let status = child.wait().unwrap();
    match (status.code(), status.signal()) {
        (Some(code), _) => {
            let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
            assert!(
                !stderr.contains("panicked"),
                "the writer panicked: {stderr}"
            );
            Ended::Finished(code, std::fs::read_to_string(&out_path).unwrap())
        }
        (None, Some(9)) => Ended::Killed,
        other => panic!("the writer ended by {other:?}"),
    }
}

/// Runs `cmd` to the end; it must succeed. Returns its output and how long it took.
fn run_to_end(mut cmd: Command) -> (String, Duration) {
    let start = Instant::now();
    let out = cmd.output().unwrap();
    let took = start.elapsed();
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (String::from_utf8(out.stdout).unwrap(), took)
}

/// The window kills are spread over: a little longer than the writer takes when left alone.
fn window(took: &[Duration]) -> Duration {
    let mut sorted = took.to_vec();
    sorted.sort();
    sorted[sorted.len() / 2].mul_f64(1.2)
}

/// Opens `db` as SQLite would after a crash (a hot journal is rolled back, the WAL
/// recovered) and checks it whole; returns the connection for further questions.
fn reopen_checked(db: &Path, what: &str) -> Connection {
    let conn = Connection::open(db).unwrap();
    let check: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap_or_else(|e| panic!("{what}: {} cannot be read: {e}", db.display()));
    assert_eq!(check, ["ok"], "{what}: {} is damaged", db.display());
    conn
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// leadtrack itself opens the database and finds nothing wrong.
fn leadtrack_check(s: &Scratch, db: &Path, what: &str) {
    let out = leadtrack(s, db).arg("check").output().unwrap();
    assert!(
        out.status.success(),
        "{what}: leadtrack check: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn remove_beside(db: &Path) {
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = db.as_os_str().to_os_string();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

#[test]
fn killed_command_line_writes_keep_every_reported_change() {
    let wanted = kills_wanted();
    let mut rng = Rng::new("cli writes");
    let s = Scratch::new();
    let db = s.path("writes.db");
    let (printed, _) = run_to_end({
        let mut c = leadtrack(&s, &db);
        c.args(["lead", "add", "--title", "基準案件 ミドリ技研"]);
        c
    });
    let base_lead = printed.trim().to_string();
    // Every change reported done: lead ids, activity summaries, contact emails.
    let mut leads: Vec<String> = vec![base_lead.clone()];
    let mut summaries: Vec<String> = Vec::new();
    let mut emails: Vec<String> = Vec::new();
    let command = |i: usize| -> Vec<String> {
        let args: Vec<String> = match i % 3 {
            0 => vec![
                "lead".into(),
                "add".into(),
                "--title".into(),
                format!("案件{i} 設備更新"),
                "--company".into(),
                format!("テスト商事{i}株式会社"),
                "--value".into(),
                "120万".into(),
                "--due".into(),
                "+3d".into(),
            ],
            1 => vec![
                "log".into(),
                "call".into(),
                "--lead".into(),
                base_lead.clone(),
                "--summary".into(),
                format!("電話{i} 課長と"),
                "--next-action".into(),
                "見積送付".into(),
                "--due".into(),
                "tomorrow".into(),
            ],
            _ => vec![
                "contact".into(),
                "add".into(),
                "--name".into(),
                format!("佐藤 花子{i}"),
                "--company".into(),
                "ミドリ技研株式会社".into(),
                "--email".into(),
                format!("hanako{i}@midori.example.co.jp"),
            ],
        };
        args
    };
    let record = |i: usize,
                  printed: &str,
                  leads: &mut Vec<String>,
                  summaries: &mut Vec<String>,
                  emails: &mut Vec<String>| match i % 3 {
        0 => leads.push(printed.trim().to_string()),
        1 => summaries.push(format!("電話{i} 課長と")),
        _ => emails.push(format!("hanako{i}@midori.example.co.jp")),
    };
    // How long a write takes left alone.
    let mut took = Vec::new();
    let mut i = 0;
    while i < 3 {
        let (printed, t) = run_to_end({
            let mut c = leadtrack(&s, &db);
            c.args(command(i));
            c
        });
        record(i, &printed, &mut leads, &mut summaries, &mut emails);
        took.push(t);
        i += 1;
    }
    let window = window(&took);

    let (mut kills, mut finished, mut verified) = (0, 0, 0);
    let mut done_anyway = 0;
    let mut leads_seen = leads.len();
    while kills < wanted && i < 10 * wanted + 10 {
        let mut cmd = leadtrack(&s, &db);
        cmd.args(command(i));
        let ended = run_and_kill(&s, cmd, rng.moment(window));
        match &ended {
            Ended::Finished(0, printed) => {
                record(i, printed, &mut leads, &mut summaries, &mut emails);
                finished += 1;
            }
            Ended::Finished(code, _) => panic!("write {i} failed with exit code {code}"),
            Ended::Killed => kills += 1,
        }
        let what = format!("after write {i} ({ended:?})");
        let conn = reopen_checked(&db, &what);
        let have_leads: HashSet<String> = strings(&conn, "SELECT id FROM leads WHERE gone = 0");
        let have_summaries: HashSet<String> =
            strings(&conn, "SELECT summary FROM activities WHERE gone = 0");
        let have_emails: HashSet<String> =
            strings(&conn, "SELECT email FROM contacts WHERE gone = 0");
        for id in &leads {
            assert!(have_leads.contains(id), "{what}: lead {id} is gone");
        }
        for summary in &summaries {
            assert!(
                have_summaries.contains(summary),
                "{what}: activity '{summary}' is gone"
            );
        }
        for email in &emails {
            assert!(
                have_emails.contains(email),
                "{what}: contact {email} is gone"
            );
        }
        verified += leads.len() + summaries.len() + emails.len();
        if matches!(ended, Ended::Killed) {
            let committed = match i % 3 {
                0 => have_leads.len() > leads_seen,
                1 => have_summaries.contains(&format!("電話{i} 課長と")),
                _ => have_emails.contains(&format!("hanako{i}@midori.example.co.jp")),
            };
            done_anyway += usize::from(committed);
        }
        leads_seen = have_leads.len();
        drop(conn);
        if i % 25 == 0 {
            leadtrack_check(&s, &db, &what);
        }
        i += 1;
    }
    eprintln!(
        "cli writes: {kills} kills ({done_anyway} had committed before the kill), {finished} \
         finished first; {} changes reported done, {verified} presence checks passed; \
         kill window {window:?}",
        leads.len() + summaries.len() + emails.len()
    );
    assert_eq!(
        kills, wanted,
        "the writer was rarely still running when killed"
    );
}

/// An Eight-style card file of `cards` people, UTF-8, every card a new person.
fn card_file(path: &Path, cards: usize) {
    let mut text = String::from(
        "会社名,部署名,役職,姓,名,e-mail,郵便番号,住所,TEL会社,携帯電話,名刺交換日\r\n",
    );
    for j in 0..cards {
        text.push_str(&format!(
            "株式会社テスト商事{},営業{}部,課長,山田{j},太郎,taro{j}@kill-import.example.jp,100-0001,東京都千代田区{j},03-1234-{:04},090-{:04}-{:04},2026/11/{:02}\r\n",
            j % 97,
            j % 7,
            j % 10000,
            j / 10000,
            j % 10000,
            1 + j % 28
        ));
    }
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_killed_import_is_entirely_present_or_entirely_absent() {
    let wanted = kills_wanted();
    let cards = env_number("LEADTRACK_KILL_CARDS").unwrap_or(2000);
    let mut rng = Rng::new("card import");
    let s = Scratch::new();
    let db = s.path("cards.db");
    run_to_end({
        let mut c = leadtrack(&s, &db);
        c.args([
            "demo",
            "--leads",
            "10",
            "--contacts",
            "10",
            "--activities",
            "20",
        ]);
        c
    });
    let base = std::fs::read(&db).unwrap();
    let (base_contacts, base_history) = {
        let conn = reopen_checked(&db, "the base database");
        (
            count(&conn, "SELECT count(*) FROM contacts"),
            count(&conn, "SELECT count(*) FROM history"),
        )
    };
    let csv = s.path("meishi.csv");
    card_file(&csv, cards);
    let reset = || {
        remove_beside(&db);
        std::fs::write(&db, &base).unwrap();
    };
    let import = || {
        let mut c = leadtrack(&s, &db);
        c.args(["import", "cards"]).arg(&csv);
        c
    };
    let imported = |conn: &Connection| {
        count(
            conn,
            "SELECT count(*) FROM contacts WHERE email LIKE '%@kill-import.example.jp'",
        ) as usize
    };
    let mut took = Vec::new();
    for _ in 0..2 {
        reset();
        took.push(run_to_end(import()).1);
        assert_eq!(imported(&reopen_checked(&db, "a whole import")), cards);
    }
    let window = window(&took);

    let (mut kills, mut runs, mut all, mut none, mut finished) = (0, 0, 0, 0, 0);
    while kills < wanted && runs < 10 * wanted {
        reset();
        let ended = run_and_kill(&s, import(), rng.moment(window));
        runs += 1;
        let what = format!("import run {runs} ({ended:?})");
        let conn = reopen_checked(&db, &what);
        let found = imported(&conn);
        match ended {
            Ended::Finished(0, _) => {
                assert_eq!(found, cards, "{what}: a finished import is incomplete");
                finished += 1;
                continue;
            }
            Ended::Finished(code, _) => panic!("{what}: the import failed with exit code {code}"),
            Ended::Killed => kills += 1,
        }
        if found == cards {
            all += 1;
        } else {
            assert_eq!(
                found, 0,
                "{what}: {found} of {cards} cards are in the database"
            );
            assert_eq!(
                count(&conn, "SELECT count(*) FROM contacts"),
                base_contacts,
                "{what}"
            );
            assert_eq!(
                count(&conn, "SELECT count(*) FROM history"),
                base_history,
                "{what}"
            );
            none += 1;
        }
        drop(conn);
        if kills % 25 == 0 {
            leadtrack_check(&s, &db, &what);
        }
    }
    eprintln!(
        "card import of {cards} cards: {kills} kills ({all} after the commit: all {cards} cards \
         present; {none} before it: none present), {finished} finished first; kill window {window:?}"
    );
    assert_eq!(
        kills, wanted,
        "the import was rarely still running when killed"
    );
    assert!(none > 0, "no kill landed before the import committed");
}

/// A rep's local database with its own `--team-file`.
struct Rep<'a> {
    s: &'a Scratch,
    db: PathBuf,
    team: PathBuf,
}

impl Rep<'_> {
    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = leadtrack(self.s, &self.db);
        // The private copies of the team file go here, where the test can see them.
        let temp = self.s.path("tmp");
        std::fs::create_dir_all(&temp).unwrap();
        c.env("TMPDIR", temp);
        c.arg("--team-file").arg(&self.team).args(args);
        c
    }

    fn ok(&self, args: &[&str]) -> String {
        run_to_end(self.cmd(args)).0
    }
}

/// The leads in a database file, read from a copy (a file in the team folder is never
/// opened in place, and reading must not leave a `-wal` beside it).
/// The names of the files in `dir` that `wanted` picks.
fn names_in(dir: &Path, wanted: impl Fn(&str) -> bool) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| wanted(n))
        .collect()
}

fn lead_ids(s: &Scratch, db: &Path) -> HashSet<String> {
    let copy = s.path("read-copy.db");
    remove_beside(&copy);
    std::fs::copy(db, &copy).unwrap();
    let wal = PathBuf::from(format!("{}-wal", db.display()));
    if wal.exists() {
        std::fs::copy(&wal, format!("{}-wal", copy.display())).unwrap();
    }
    let conn = Connection::open(&copy).unwrap();
    strings(&conn, "SELECT id FROM leads")
}

#[test]
fn a_killed_sync_round_loses_nothing_and_leaves_whole_files() {
    let wanted = kills_wanted();
    let mut rng = Rng::new("sync round");
    let s = Scratch::new();
    let folder = s.path("Dropbox/sales");
    std::fs::create_dir_all(&folder).unwrap();
    let team = folder.join("team.leadtrack.db");
    let a = Rep {
        s: &s,
        db: s.path("yamamoto.db"),
        team: team.clone(),
    };
    let b = Rep {
        s: &s,
        db: s.path("suzuki.db"),
        team: team.clone(),
    };
    a.ok(&[
        "demo",
        "--leads",
        "20",
        "--contacts",
        "20",
        "--activities",
        "40",
    ]);
    a.ok(&["sync"]);
    b.ok(&["sync"]);
    let mut took = Vec::new();
    for i in 0..2 {
        a.ok(&["lead", "add", "--title", &format!("較正{i}")]);
        took.push(run_to_end(a.cmd(&["sync"])).1);
    }
    let window = window(&took);

    let (mut kills, mut rounds, mut finished, mut copies, mut verified) = (0, 0, 0, 0, 0);
    while kills < wanted && rounds < 10 * wanted {
        rounds += 1;
        // Something new here each round, so every round publishes.
        let id = a.ok(&["lead", "add", "--title", &format!("同期{rounds}")]);
        // Now and then the other rep publishes, or a sync tool leaves a conflicted copy.
        if rounds % 20 == 0 {
            b.ok(&["lead", "add", "--title", &format!("鈴木{rounds}")]);
            b.ok(&["sync"]);
        }
        let copy = (rounds % 10 == 5).then(|| {
            b.ok(&["lead", "add", "--title", &format!("衝突{rounds}")]);
            let copy = folder.join(format!(
                "team (鈴木's conflicted copy {rounds}).leadtrack.db"
            ));
            // B's own version of the team file, published elsewhere and copied in.
            let elsewhere = s.path("b-laptop/team.leadtrack.db");
            std::fs::create_dir_all(s.path("b-laptop")).unwrap();
            let _ = std::fs::remove_file(&elsewhere);
            let b_alone = Rep {
                s: &s,
                db: b.db.clone(),
                team: elsewhere.clone(),
            };
            b_alone.ok(&["sync"]);
            std::fs::copy(&elsewhere, &copy).unwrap();
            copies += 1;
            copy
        });
        let local_before = lead_ids(&s, &a.db);
        assert!(local_before.contains(id.trim()));
        let team_before = lead_ids(&s, &team);
        let copy_holds = copy.as_ref().map(|c| lead_ids(&s, c));

        let ended = run_and_kill(&s, a.cmd(&["sync"]), rng.moment(window));
        let what = format!("sync round {rounds} ({ended:?})");
        match ended {
            Ended::Finished(0, _) => finished += 1,
            Ended::Finished(code, _) => panic!("{what}: failed with exit code {code}"),
            Ended::Killed => kills += 1,
        }
        let local: HashSet<String> = strings(
            &reopen_checked(&a.db, &format!("{what}, local")),
            "SELECT id FROM leads",
        );
        // The team file is never opened in place: check a copy, as a round does.
        let team_copy = s.path("team-check.db");
        std::fs::copy(&team, &team_copy).unwrap();
        let shared = {
            let conn = reopen_checked(&team_copy, &format!("{what}, team file"));
            let app: i64 = conn
                .query_row("PRAGMA application_id", [], |r| r.get(0))
                .unwrap();
            assert_eq!(app, leadtrack::store::APPLICATION_ID, "{what}");
            strings(&conn, "SELECT id FROM leads")
        };
        let lost_here: Vec<_> = local_before.difference(&local).collect();
        assert!(
            lost_here.is_empty(),
            "{what}: the local database lost {lost_here:?}"
        );
        let lost_shared: Vec<_> = team_before.difference(&shared).collect();
        assert!(
            lost_shared.is_empty(),
            "{what}: the team file lost {lost_shared:?}"
        );
        verified += local_before.len() + team_before.len();
        if matches!(ended, Ended::Finished(0, _)) {
            // A round reported done took the team file in and published everything.
            assert!(team_before.is_subset(&local), "{what}");
            assert!(local_before.is_subset(&shared), "{what}");
            verified += team_before.len() + local_before.len();
        }
        if let (Some(copy), Some(holds)) = (&copy, &copy_holds)
            && !copy.exists()
        {
            // Moved to the archive only once merged.
            let archived = folder
                .join("leadtrack-archive")
                .join(copy.file_name().unwrap());
            assert!(archived.exists(), "{what}: the conflicted copy vanished");
            let missing: Vec<_> = holds.difference(&local).collect();
            assert!(
                missing.is_empty(),
                "{what}: archived before its leads were merged: {missing:?}"
            );
            verified += holds.len();
        }
        if rounds % 25 == 0 {
            leadtrack_check(&s, &a.db, &what);
        }
    }
    // Whatever was killed, the next round takes in every conflicted copy and publishes all,
    // and removes the private copies the killed rounds left (they hold the team's rows).
    a.ok(&["sync"]);
    let local = lead_ids(&s, &a.db);
    assert_eq!(local, lead_ids(&s, &team));
    let private = names_in(&s.path("tmp"), |n| n.starts_with("leadtrack-copy-"));
    assert!(private.is_empty(), "left behind: {private:?}");
    let left = names_in(&folder, |n| n.contains("conflicted copy"));
    assert!(left.is_empty(), "conflicted copies left unmerged: {left:?}");
    eprintln!(
        "sync round: {kills} kills, {finished} finished first, {copies} conflicted copies; \
         {verified} presence checks passed; kill window {window:?}"
    );
    assert_eq!(
        kills, wanted,
        "the round was rarely still running when killed"
    );
}
