//! The performance suite (SPEC §8, README "Performance"): `cargo bench --bench performance`.
//!
//! Builds a small (1k leads) and a large (100k leads, 300k contacts, 1M activities) database
//! once (kept in target/bench-data), then measures each job beside its natural baseline on
//! the same data in the same run and prints one table: first frame, keystroke, search
//! keystroke, card import, follow-up export, peak memory of every export format, merge and
//! peak memory.
//!
//! Whole-process figures time the release binary; in-process figures drive the app with
//! keys on a headless 120×40 screen, the way the terminal loop does (key, then frame).
//! `-- --quick` uses a mid-size "large" database (10k leads) to try the suite fast.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use leadtrack::config::Config;
use leadtrack::session::Session;
use leadtrack::store::{Store, contacts, leads};
use leadtrack::tui::{self, app::App};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The private PostgreSQL cluster the tests use, for the team-server rounds.
#[path = "../tests/common/pg.rs"]
#[allow(dead_code)]
mod pg;

/// The shape of a database the suite builds with `leadtrack demo`.
#[derive(Clone, Copy)]
struct Size {
    name: &'static str,
    leads: usize,
    contacts: usize,
    activities: usize,
}

const SMALL: Size = Size {
    name: "small",
    leads: 1_000,
    contacts: 3_000,
    activities: 10_000,
};
const LARGE: Size = Size {
    name: "large",
    leads: 100_000,
    contacts: 300_000,
    activities: 1_000_000,
};
const QUICK_LARGE: Size = Size {
    name: "mid",
    leads: 10_000,
    contacts: 30_000,
    activities: 100_000,
};

/// Bump when the demo generator or the schema changes, so cached databases are rebuilt.
const DATA_VERSION: &str = "9";
const CARDS: usize = 100_000;

struct Row {
    what: String,
    ours: String,
    baseline: String,
    ratio: String,
    target: String,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick");
    // `-- --only keys,search`: just those parts (frame, keys, filters, search, import, export,
    // export-memory, merge, rounds, server, memory).
    let only: Option<Vec<String>> = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .map(|list| list.split(',').map(String::from).collect());
    let runs = |part: &str| only.as_ref().is_none_or(|o| o.iter().any(|p| p == part));
    let large_size = if quick { QUICK_LARGE } else { LARGE };
    let bin = release_binary();
    let dir = data_dir();
    let small = ensure_database(&bin, &dir, SMALL);
    let large = ensure_database(&bin, &dir, large_size);
    let mut rows = Vec::new();
    if let Some(built) = build_time(&large) {
        rows.push(Row {
            what: format!(
                "Build the {} database with `leadtrack demo` ({} leads, {} contacts, {} activities)",
                large_size.name, large_size.leads, large_size.contacts, large_size.activities
            ),
            ours: secs(built),
            baseline: "—".into(),
            ratio: "—".into(),
            target: "well under 60 s".into(),
        });
    }

    if runs("frame") {
        eprintln!("first frame…");
        let frame_small = median(
            &mut (0..21)
                .map(|_| first_frame(&bin, &small))
                .collect::<Vec<_>>(),
        );
        let frame_large = median(
            &mut (0..21)
                .map(|_| first_frame(&bin, &large))
                .collect::<Vec<_>>(),
        );
        rows.push(Row {
            what: format!(
                "First frame, {} database (process start to board drawn)",
                large_size.name
            ),
            ours: ms(frame_large),
            baseline: format!("{} (small)", ms(frame_small)),
            ratio: format!("{:.2}×", ratio(frame_large, frame_small)),
            target: "≤ 50 ms and ≤ 1.3× small".into(),
        });
    }
    if runs("keys") {
        eprintln!("keystrokes…");
        for (what, samples) in keystrokes(&large) {
            let (p50, p99) = percentiles(samples);
            rows.push(Row {
                what: format!("Keystroke to frame: {what}"),
                ours: format!("{} p50 / {} p99", ms(p50), ms(p99)),
                baseline: "—".into(),
                ratio: "—".into(),
                target: "≤ 5 ms p99".into(),
            });
        }
    }
    if runs("filters") {
        eprintln!("filters…");
        for (what, samples) in filter_keystrokes(&large) {
            let (p50, p99) = percentiles(samples);
            rows.push(Row {
                what: format!("Filter the board: {what}"),
                ours: format!("{} p50 / {} p99", ms(p50), ms(p99)),
                baseline: "—".into(),
                ratio: "—".into(),
                target: "≤ 16 ms p99 a keystroke; counts ≤ 50 ms p99".into(),
            });
        }
    }
    if runs("search") {
        eprintln!("search…");
        for query in ["yamamo", "やまもとつよ", "株式会社コス"] {
            let (samples, per_length) = search_keystrokes(&large, query);
            let (p50, p99) = percentiles(samples);
            let prefixes: Vec<String> = (1..=query.chars().count())
                .map(|n| query.chars().take(n).collect())
                .collect();
            let same: Vec<Duration> = prefixes
                .iter()
                .map(|p| like_scan(&large, p, true))
                .collect();
            let full: Vec<Duration> = prefixes
                .iter()
                .map(|p| like_scan(&large, p, false))
                .collect();
            // The slowest ratio over the query's lengths: each prefix against its own scan.
            // A scan under the shell's timer resolution (1 ms) reads 0 and gives no ratio.
            let worst = |scans: &[Duration]| {
                let (measured, under): (Vec<_>, Vec<_>) = per_length
                    .iter()
                    .zip(scans)
                    .partition(|(_, scan)| !scan.is_zero());
                let worst = measured
                    .iter()
                    .map(|(ours, scan)| ratio(**scan, **ours))
                    .fold(f64::INFINITY, f64::min);
                match under.len() {
                    0 => format!("{worst:.1}×"),
                    n => format!(
                        "{worst:.1}× from {} characters (shorter: the LIKE reads 0 on the shell's 1 ms timer)",
                        n + 1
                    ),
                }
            };
            rows.push(Row {
            what: format!("Search keystroke, “{query}” typed 1 to 6 characters"),
            ours: format!("{} p50 / {} p99", ms(p50), ms(p99)),
            baseline: format!(
                "`LIKE '%q%'` in sqlite3, median: {} newest 12 per kind (same query) / {} all matches",
                ms(median(&mut same.clone())),
                ms(median(&mut full.clone()))
            ),
            ratio: format!(
                "{} / {} faster (worst length)",
                worst(&same),
                worst(&full)
            ),
            target: "≤ 16 ms p99, ≥ 10× faster".into(),
        });
        }
    }
    if runs("import") {
        eprintln!("import…");
        let cards = dir.join("cards-100k.csv");
        if !cards.exists() {
            write_cards(&cards, CARDS);
        }
        let ours = median(
            &mut (0..3)
                .map(|_| import_cards(&bin, &dir, &cards))
                .collect::<Vec<_>>(),
        );
        let base = median(
            &mut (0..3)
                .map(|_| sqlite_import(&dir, &cards))
                .collect::<Vec<_>>(),
        );
        rows.push(Row {
            what: format!("Import {CARDS} business cards (CSV) into a new database"),
            ours: secs(ours),
            baseline: format!("{} `sqlite3 .import --csv`", secs(base)),
            ratio: format!("{:.2}×", ratio(ours, base)),
            target: "≤ 2×".into(),
        });
    }
    if runs("export") {
        eprintln!("export…");
        let ours = median(
            &mut (0..5)
                .map(|_| export_followups(&bin, &large, &dir))
                .collect::<Vec<_>>(),
        );
        let base = median(
            &mut (0..5)
                .map(|_| sqlite_export(&large, &dir))
                .collect::<Vec<_>>(),
        );
        rows.push(Row {
            what: format!(
                "Export the follow-up list of the {} database to CSV",
                large_size.name
            ),
            ours: secs(ours),
            baseline: format!("{} `sqlite3 -csv`", secs(base)),
            ratio: format!("{:.2}×", ratio(ours, base)),
            target: "≤ 2×".into(),
        });
    }
    if runs("export-memory") {
        eprintln!("export memory…");
        for (what, args) in EXPORT_MEMORY {
            let (peak, bytes) = export_peak_memory(&bin, &large, &dir, args);
            let what = what
                .replace("{activities}", &large_size.activities.to_string())
                .replace("{contacts}", &large_size.contacts.to_string())
                .replace("{size}", large_size.name);
            rows.push(Row {
                what: format!(
                    "Peak memory exporting {what} (`leadtrack {}`)",
                    args.join(" ")
                ),
                ours: format!("{:.1} MB", peak as f64 / 1024.0),
                baseline: format!("{:.0} MB written", bytes as f64 / 1_048_576.0),
                ratio: "—".into(),
                target: "≤ 64 MB".into(),
            });
        }
    }
    if runs("merge") {
        eprintln!("merge…");
        let (mine, theirs) = ensure_merge_pair(&large, &dir);
        let merged = median(
            &mut (0..3)
                .map(|_| merge(&bin, &mine, &theirs, &dir))
                .collect::<Vec<_>>(),
        );
        rows.push(Row {
            what: format!(
                "Merge two {} databases that differ in 10% of records",
                large_size.name
            ),
            ours: secs(merged),
            baseline: "—".into(),
            ratio: "—".into(),
            target: "≤ 10 s".into(),
        });
    }
    if runs("rounds") {
        eprintln!("sync rounds…");
        rows.extend(sync_rounds(&bin, &large, &dir, large_size));
    }
    if runs("server") {
        eprintln!("team server rounds…");
        rows.extend(server_rounds(&bin, &large, &dir, large_size));
    }
    if runs("memory") {
        eprintln!("memory…");
        let peak = peak_memory(&bin, &large);
        rows.push(Row {
            what: format!("Peak memory browsing the {} database", large_size.name),
            ours: format!("{:.1} MB", peak as f64 / 1024.0),
            baseline: "—".into(),
            ratio: "—".into(),
            target: "≤ 64 MB".into(),
        });
    }
    let table = markdown(&rows);
    println!("\n{}\n\n{table}", machine());
    let _ = std::fs::write(dir.join("results.md"), format!("{}\n\n{table}", machine()));
}

// ---- data -----------------------------------------------------------------------------

/// The release `leadtrack`, with the bench driver `leadtrack-bench` beside it (the feature
/// adds that binary and changes nothing in `leadtrack`).
fn release_binary() -> PathBuf {
    let status = Command::new(env!("CARGO"))
        .args([
            "build",
            "--release",
            "--quiet",
            "--features",
            "bench-driver",
        ])
        .args(["--bin", "leadtrack", "--bin", "leadtrack-bench"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("cargo build runs");
    assert!(status.success(), "the release build failed");
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/leadtrack")
}

fn data_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The demo database of `size`, built once and kept while the data version holds.
fn ensure_database(bin: &Path, dir: &Path, size: Size) -> PathBuf {
    let path = dir.join(format!("{}-v{DATA_VERSION}.db", size.name));
    if path.exists() {
        return path;
    }
    eprintln!(
        "building the {} database ({} leads, {} contacts, {} activities)…",
        size.name, size.leads, size.contacts, size.activities
    );
    let partial = path.with_extension("partial");
    remove_db(&partial);
    let started = Instant::now();
    let status = leadtrack(bin, &partial)
        .args(["demo", "--seed", "1"])
        .args(["--leads", &size.leads.to_string()])
        .args(["--contacts", &size.contacts.to_string()])
        .args(["--activities", &size.activities.to_string()])
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "leadtrack demo failed");
    let took = started.elapsed();
    eprintln!("  built in {}", secs(took));
    std::fs::rename(&partial, &path).unwrap();
    std::fs::write(build_time_file(&path), took.as_millis().to_string()).unwrap();
    path
}

fn build_time_file(db: &Path) -> PathBuf {
    db.with_extension("build-ms")
}

/// How long `leadtrack demo` took to build this database (when the suite built it).
fn build_time(db: &Path) -> Option<Duration> {
    let text = std::fs::read_to_string(build_time_file(db)).ok()?;
    Some(Duration::from_millis(text.trim().parse().ok()?))
}

fn remove_db(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// A command of the binary on `db`, with the suite's config (no user config read).
fn leadtrack(bin: &Path, db: &Path) -> Command {
    let config = data_dir().join("bench-config.toml");
    if !config.exists() {
        std::fs::write(&config, "[user]\nname = \"Bench\"\n").unwrap();
    }
    let mut command = Command::new(bin);
    command.env("LEADTRACK_CONFIG", config).arg("--db").arg(db);
    command
}

fn copy_db(from: &Path, to: &Path) {
    remove_db(to);
    std::fs::copy(from, to).unwrap();
}

// ---- whole processes ------------------------------------------------------------------

fn time(mut command: Command) -> Duration {
    let started = Instant::now();
    let output = command.stdout(Stdio::null()).output().unwrap();
    let took = started.elapsed();
    assert!(
        output.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    took
}

/// `leadtrack-bench`, beside the release `leadtrack`: the app driven without a terminal.
fn driver(bin: &Path) -> PathBuf {
    bin.with_file_name("leadtrack-bench")
}

fn first_frame(bin: &Path, db: &Path) -> Duration {
    let mut command = leadtrack(&driver(bin), db);
    command.arg("frame");
    time(command)
}

fn peak_memory(bin: &Path, db: &Path) -> u64 {
    let output = leadtrack(&driver(bin), db).arg("browse").output().unwrap();
    assert!(output.status.success());
    String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .unwrap()
}

/// Every export format, each on the most records it has in the large database.
const EXPORT_MEMORY: &[(&str, &[&str])] = &[
    (
        "{activities} activities as CSV",
        &["export", "activities", "--format", "csv"],
    ),
    (
        "{activities} activities as Shift_JIS CSV",
        &[
            "export",
            "activities",
            "--format",
            "csv",
            "--encoding",
            "shift_jis",
        ],
    ),
    (
        "{activities} activities as JSON",
        &["export", "activities", "--format", "json"],
    ),
    (
        "{contacts} contacts as vCard",
        &["export", "contacts", "--format", "vcard"],
    ),
    (
        "the {size} database's follow-up list as ICS",
        &["export", "followups", "--format", "ics"],
    ),
    (
        "the {size} database's follow-up list as Markdown",
        &["export", "followups", "--format", "md"],
    ),
];

/// Runs an export into a file and returns the process's peak resident memory (KiB) and the
/// file's size. The peak is the child's `VmHWM` (Linux), read from /proc while it runs: the
/// high-water mark only rises, so the last reading is the peak up to a millisecond before
/// the end.
fn export_peak_memory(bin: &Path, db: &Path, dir: &Path, args: &[&str]) -> (u64, u64) {
    let out = dir.join("export-memory.out");
    let mut command = leadtrack(bin, db);
    command.args(args).arg("-o").arg(&out);
    let (_, peak) = measured(command);
    let bytes = std::fs::metadata(&out).unwrap().len();
    std::fs::remove_file(&out).unwrap();
    (peak, bytes)
}

fn vm_hwm_kib(status: &str) -> Option<u64> {
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
}

fn import_cards(bin: &Path, dir: &Path, cards: &Path) -> Duration {
    let db = dir.join("import.db");
    remove_db(&db);
    let mut command = leadtrack(bin, &db);
    command.args(["import", "cards"]).arg(cards);
    let took = time(command);
    remove_db(&db);
    took
}

fn sqlite_import(dir: &Path, cards: &Path) -> Duration {
    let db = dir.join("import-baseline.db");
    remove_db(&db);
    let mut command = Command::new("sqlite3");
    command
        .arg(&db)
        .arg(format!(".import --csv {} cards", cards.display()));
    let took = time(command);
    remove_db(&db);
    took
}

fn export_followups(bin: &Path, db: &Path, dir: &Path) -> Duration {
    let out = std::fs::File::create(dir.join("followups.csv")).unwrap();
    let mut command = leadtrack(bin, db);
    command.args(["export", "followups", "--format", "csv"]);
    let started = Instant::now();
    let status = command.stdout(out).status().unwrap();
    assert!(status.success());
    started.elapsed()
}

/// The follow-up list as one query, as the export reads it: open leads (and customers with a
/// next action) by next-action date, none last, each with its first contact.
const FOLLOWUPS_SQL: &str = "SELECT l.id, l.title, l.company, l.stage, l.rank, l.score, \
    l.next_action, l.next_action_on, l.owner, l.last_activity_at, l.updated_at, \
    c.family_name, c.given_name, coalesce(c.mobile, c.phone), c.email \
    FROM leads l LEFT JOIN contacts c ON c.gone = 0 AND c.id = ( \
        SELECT lc.contact_id FROM lead_contacts lc WHERE lc.lead_id = l.id AND lc.gone = 0 \
        ORDER BY CASE lc.role WHEN 'decision_maker' THEN 0 WHEN 'influencer' THEN 1 \
                 WHEN 'user' THEN 2 WHEN 'gatekeeper' THEN 3 ELSE 4 END, lc.seq LIMIT 1) \
    WHERE l.gone = 0 AND (l.stage != 'customer' OR l.next_action_on IS NOT NULL) \
    ORDER BY l.due_key";

fn sqlite_export(db: &Path, dir: &Path) -> Duration {
    let out = std::fs::File::create(dir.join("followups-baseline.csv")).unwrap();
    let started = Instant::now();
    let status = Command::new("sqlite3")
        .args(["-csv", "-header", "-readonly"])
        .arg(db)
        .arg(FOLLOWUPS_SQL)
        .stdout(out)
        .status()
        .unwrap();
    assert!(status.success());
    started.elapsed()
}

/// Two copies of `db`: `theirs` has 10% of the leads, contacts and activities changed by
/// another rep (other node, newer stamps).
fn ensure_merge_pair(db: &Path, dir: &Path) -> (PathBuf, PathBuf) {
    let stem = db.file_stem().unwrap().to_string_lossy().to_string();
    let mine = dir.join(format!("{stem}-mine.db"));
    let theirs = dir.join(format!("{stem}-theirs.db"));
    if !theirs.exists() {
        eprintln!("  making a copy with 10% of its records changed…");
        let partial = dir.join(format!("{stem}-theirs.partial"));
        copy_db(db, &partial);
        change_tenth(&partial);
        std::fs::rename(&partial, &theirs).unwrap();
    }
    if !mine.exists() {
        copy_db(db, &mine);
    }
    (mine, theirs)
}

/// Another rep's month: every tenth lead renamed, every tenth contact with a new phone, and
/// a tenth more activities.
fn change_tenth(path: &Path) {
    let mut store = Store::open(path, "Bench Other").unwrap();
    store
        .write_bulk(|w| {
            let lead_ids = leads::all_ids(w.conn())?;
            for id in lead_ids.iter().step_by(10) {
                let patch = leadtrack::model::lead::LeadPatch {
                    title: Some(format!("{id} (renewed)")),
                    ..Default::default()
                };
                leads::update(w, id, &patch)?;
            }
            let mut contact_ids = Vec::new();
            contacts::each(w.conn(), |c| {
                contact_ids.push(c.id);
                Ok(())
            })?;
            for (n, id) in contact_ids.iter().step_by(10).enumerate() {
                let patch = leadtrack::model::contact::ContactFields::default().with_phone(
                    &format!("03-9999-{:04}", n % 10_000),
                    leadtrack::model::contact::ValueKind::Work,
                );
                contacts::update(w, id, &patch)?;
            }
            // And as many new activities as a tenth of those there are, on their leads.
            let activities = leadtrack::store::counts(w.conn())?.activities;
            for n in 0..usize::try_from(activities / 10).unwrap_or(0) {
                let fields = leadtrack::model::activity::ActivityFields {
                    kind: leadtrack::model::ActivityKind::Call,
                    lead_id: Some(lead_ids[n % lead_ids.len()].clone()),
                    contact_id: None,
                    occurred_at: chrono::Utc::now(),
                    duration_minutes: Some(5),
                    direction: None,
                    summary: format!("フォロー電話 {n}"),
                    body: None,
                    by: Some("Bench Other".into()),
                    campaign_id: None,
                };
                leadtrack::store::activities::insert(w, &fields, &leads::Origin::default())?;
            }
            Ok(())
        })
        .unwrap();
}

fn merge(bin: &Path, mine: &Path, theirs: &Path, dir: &Path) -> Duration {
    let work = dir.join("merge-work.db");
    copy_db(mine, &work);
    let mut command = leadtrack(bin, &work);
    command.arg("merge").arg(theirs);
    let took = time(command);
    remove_db(&work);
    took
}

// ---- sync rounds ----------------------------------------------------------------------

/// A process's wall time and peak resident memory (KiB): its `VmHWM` (Linux), read from
/// /proc while it runs (the high-water mark only rises).
fn measured(mut command: Command) -> (Duration, u64) {
    let started = Instant::now();
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    let status = loop {
        if let Some(kib) = std::fs::read_to_string(&status_file)
            .ok()
            .and_then(|s| vm_hwm_kib(&s))
        {
            peak = peak.max(kib);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    let took = started.elapsed();
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert!(status.success(), "{command:?} failed: {err}");
    (took, peak)
}

fn sync(bin: &Path, db: &Path, team: &Path) -> Command {
    let mut command = leadtrack(bin, db);
    command.arg("sync").arg("--team-file").arg(team);
    command
}

/// A rep's change of one lead's title (not measured).
fn edit_one(bin: &Path, db: &Path, lead: &str, title: &str) {
    let mut command = leadtrack(bin, db);
    command.args(["lead", "edit", lead, "--title", title]);
    time(command);
}

fn first_lead(db: &Path) -> String {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row(
            "SELECT id FROM leads WHERE gone = 0 ORDER BY seq LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

fn cp(from: &Path, to: &Path) -> Duration {
    let _ = std::fs::remove_file(to);
    let mut command = Command::new("cp");
    command.arg(from).arg(to);
    let took = time(command);
    std::fs::remove_file(to).unwrap();
    took
}

fn mb(kib: u64) -> String {
    format!("{:.0} MB", kib as f64 / 1024.0)
}

/// Two reps sharing a team file made from the large database: A made it, B joins with an
/// empty database; then rounds where nothing changed, where B publishes one change, where
/// B pulls one change of A's, and the app's keystrokes while its rounds run.
fn sync_rounds(bin: &Path, large: &Path, dir: &Path, size: Size) -> Vec<Row> {
    let work = dir.join("rounds");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(work.join("team")).unwrap();
    let team = work.join("team/team.leadtrack.db");
    let (a, b) = (work.join("a.db"), work.join("b.db"));
    copy_db(large, &a);
    let mut rows = Vec::new();
    let row = |what: String, ours: String, baseline: String, ratio: String, target: &str| Row {
        what,
        ours,
        baseline,
        ratio,
        target: target.into(),
    };

    let (made, made_peak) = measured(sync(bin, &a, &team));
    let copied = cp(&team, &work.join("cp.db"));
    rows.push(row(
        format!(
            "Sync: the first round makes the team file from the {} database",
            size.name
        ),
        format!("{}, {}", secs(made), mb(made_peak)),
        format!("{} `cp` of the team file", secs(copied)),
        format!("{:.2}×", ratio(made, copied)),
        "—",
    ));

    let (joined, join_peak) = measured(sync(bin, &b, &team));
    rows.push(row(
        "Sync: a new rep joins (empty local database)".into(),
        format!("{}, {}", secs(joined), mb(join_peak)),
        format!("{} `cp`", secs(copied)),
        format!("{:.2}×", ratio(joined, copied)),
        "≤ 30 s, ≤ 256 MB",
    ));

    let mut idle: Vec<(Duration, u64)> = (0..5).map(|_| measured(sync(bin, &b, &team))).collect();
    idle.sort();
    rows.push(row(
        "Sync: a round where nothing changed anywhere".into(),
        format!(
            "{}, {}",
            ms(idle[2].0),
            mb(idle.iter().map(|r| r.1).max().unwrap())
        ),
        "—".into(),
        "—".into(),
        "≤ 0.1 s, ≤ 32 MB",
    ));

    let lead = first_lead(&b);
    let (mut published, mut copies, mut publish_peak) = (Vec::new(), Vec::new(), 0);
    for n in 0..3 {
        edit_one(bin, &b, &lead, &format!("Bの件名 {n}"));
        let (took, peak) = measured(sync(bin, &b, &team));
        published.push(took);
        publish_peak = publish_peak.max(peak);
        copies.push(cp(&team, &work.join("cp.db")));
    }
    let (published, copied) = (median(&mut published), median(&mut copies));
    rows.push(row(
        "Sync: a round that publishes one change".into(),
        format!("{}, {}", secs(published), mb(publish_peak)),
        format!("{} `cp` of the team file", secs(copied)),
        format!("{:.2}×", ratio(published, copied)),
        "≤ 2× `cp`, ≤ 64 MB",
    ));

    let (mut pulled, mut pull_peak) = (Vec::new(), 0);
    for n in 0..3 {
        edit_one(bin, &a, &lead, &format!("Aの件名 {n}"));
        time(sync(bin, &a, &team));
        let (took, peak) = measured(sync(bin, &b, &team));
        pulled.push(took);
        pull_peak = pull_peak.max(peak);
    }
    rows.push(row(
        "Sync: a round that pulls one change".into(),
        format!("{}, {}", ms(median(&mut pulled)), mb(pull_peak)),
        "—".into(),
        "—".into(),
        "≤ 1 s, ≤ 64 MB",
    ));

    rows.push(keys_while_syncing(bin, &a, &b, &team, &lead, &work));
    let _ = std::fs::remove_dir_all(&work);
    rows
}

/// The app on B's database, keys pressed at a rep's pace for 20 s while the sync tool
/// delivers a team file with one more change of A's every two seconds (made beforehand, so
/// that A's work does not share the machine), and the app's own rounds take them in and
/// publish B's saves.
fn keys_while_syncing(bin: &Path, a: &Path, b: &Path, team: &Path, lead: &str, work: &Path) -> Row {
    let deliveries = work.join("deliveries");
    std::fs::create_dir_all(&deliveries).unwrap();
    // B starts on the very team file it last took in (moved aside and back, so that it is
    // the same file: a copy would be a file delivered again, which B checks whole first).
    let before = deliveries.join("before.db");
    std::fs::rename(team, &before).unwrap();
    std::fs::copy(&before, team).unwrap();
    const FILES: usize = 9;
    for n in 0..FILES {
        edit_one(bin, a, lead, &format!("Aの件名 while {n}"));
        time(sync(bin, a, team));
        std::fs::copy(team, deliveries.join(format!("{n}.db"))).unwrap();
    }
    std::fs::rename(&before, team).unwrap();
    let config = work.join("b-config.toml");
    std::fs::write(
        &config,
        format!(
            "[user]\nname = \"Bench B\"\n\n[team]\nfile = \"{}\"\nsync_interval_secs = 5\n",
            team.display()
        ),
    )
    .unwrap();
    let app = leadtrack(&driver(bin), b)
        .env("LEADTRACK_CONFIG", &config)
        .args(["syncing", "--seconds", "20"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    for n in 0..FILES {
        std::thread::sleep(Duration::from_secs(2));
        // As a sync tool delivers a file: downloaded beside (at the network's pace, made
        // beforehand here so that copying gigabytes does not share the disk with the app),
        // then renamed over.
        std::fs::rename(deliveries.join(format!("{n}.db")), team).unwrap();
    }
    let [m50, m99, s50, s99, rounds, peak] = syncing_figures(app);
    Row {
        what: format!(
            "Sync: keystroke to frame in the app while its rounds run ({rounds:.0} rounds in 20 s, taking in {FILES} files of another rep's and publishing the rep's own moves)"
        ),
        ours: format!(
            "j {m50:.2} ms p50 / {m99:.2} ms p99; L/H (saved) {s50:.2} / {s99:.2} ms; peak {}",
            mb(peak as u64)
        ),
        baseline: "—".into(),
        ratio: "—".into(),
        target: "≤ 5 ms p99, ≤ 64 MB".into(),
    }
}

// ---- team server ----------------------------------------------------------------------

/// A rep's config for the team server at `url`.
fn server_config(work: &Path, name: &str, url: &str, interval: u64) -> PathBuf {
    let config = work.join(format!("{name}.toml"));
    std::fs::write(
        &config,
        format!("[team]\nserver = \"{url}\"\nsync_interval_secs = {interval}\n"),
    )
    .unwrap();
    config
}

fn server_sync(bin: &Path, db: &Path, config: &Path) -> Command {
    let mut command = leadtrack(bin, db);
    command.env("LEADTRACK_CONFIG", config).arg("sync");
    command
}

fn some_leads(db: &Path, n: usize) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT id FROM leads WHERE gone = 0 ORDER BY seq LIMIT ?1")
        .unwrap();
    stmt.query_map([n as i64], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

/// Two reps on a private PostgreSQL cluster (writes synced to disk, as in production): A's
/// first round pushes the large database; the owner joins with an empty database, pulling
/// every change, and publishes a snapshot; B joins from it; then rounds where B
/// pushes ten changes and pulls ten of A's, rounds where nothing changed, and the app's
/// keystrokes while its rounds run and A pushes every two seconds.
fn server_rounds(bin: &Path, large: &Path, dir: &Path, size: Size) -> Vec<Row> {
    let Some(cluster) = pg::Cluster::start_as(&["bench_a", "bench_b"], true) else {
        return Vec::new();
    };
    let work = dir.join("server");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    let mut init = Command::new(bin);
    init.args(["--team-server", &cluster.url(pg::OWNER), "team", "init"]);
    time(init);
    let (a, b) = (work.join("a.db"), work.join("b.db"));
    copy_db(large, &a);
    let a_config = server_config(&work, "a", &cluster.url("bench_a"), 60);
    let b_config = server_config(&work, "b", &cluster.url("bench_b"), 5);
    let row = |what: String, ours: String, baseline: String, target: &str| Row {
        what,
        ours,
        baseline,
        ratio: "—".into(),
        target: target.into(),
    };
    let mut rows = Vec::new();

    let (first, first_peak) = measured(server_sync(bin, &a, &a_config));
    rows.push(row(
        format!(
            "Team server: the first round pushes the whole {} database",
            size.name
        ),
        format!("{}, {}", secs(first), mb(first_peak)),
        "—".into(),
        "—",
    ));
    // A new rep joins a server at rest: what autovacuum and the checkpointer do within
    // minutes of a bulk load is done first, not left to compete with the join.
    cluster.sql_as(pg::OWNER, pg::DB, "VACUUM (ANALYZE) leadtrack.changes");
    cluster.sql_as("postgres", pg::DB, "CHECKPOINT");
    // The server's writes reach the disk before the join starts writing its own (on a
    // team, the server is another machine).
    let _ = Command::new("sync").status();
    // With no snapshot on the server, the join pulls every change and works the database
    // out from them: the owner's database, from which the snapshot is then published.
    let owner = work.join("owner.db");
    let owner_config = server_config(&work, "owner", &cluster.url(pg::OWNER), 60);
    let (pulled, pull_peak) = measured(server_sync(bin, &owner, &owner_config));
    rows.push(row(
        "Team server: a new rep joins with no snapshot on the server (pulls every change)".into(),
        format!("{}, {}", secs(pulled), mb(pull_peak)),
        "—".into(),
        "—",
    ));
    let mut publish = leadtrack(bin, &owner);
    publish
        .env("LEADTRACK_CONFIG", &owner_config)
        .args(["team", "snapshot"]);
    let (published, publish_peak) = measured(publish);
    rows.push(row(
        "Team server: the owner publishes a snapshot (`team snapshot`, after a round)".into(),
        format!("{}, {}", secs(published), mb(publish_peak)),
        "—".into(),
        "—",
    ));
    let _ = std::fs::remove_file(&owner);
    let _ = Command::new("sync").status();
    let (joined, join_peak) = measured(server_sync(bin, &b, &b_config));
    rows.push(row(
        "Team server: a new rep joins (empty local database, from the snapshot)".into(),
        format!("{}, {}", secs(joined), mb(join_peak)),
        "—".into(),
        "≤ 60 s",
    ));
    // The rounds below are a working day's: the server at rest again after the snapshot's
    // half a gigabyte was written (a nightly job's).
    cluster.sql_as("postgres", pg::DB, "CHECKPOINT");
    let _ = Command::new("sync").status();

    let leads = some_leads(&b, 20);
    let (mut tens, mut ten_peak) = (Vec::new(), 0);
    for n in 0..3 {
        for lead in &leads[..10] {
            edit_one(bin, &a, lead, &format!("Aの件名 {n}"));
        }
        time(server_sync(bin, &a, &a_config));
        for lead in &leads[10..] {
            edit_one(bin, &b, lead, &format!("Bの件名 {n}"));
        }
        let (took, peak) = measured(server_sync(bin, &b, &b_config));
        tens.push(took);
        ten_peak = ten_peak.max(peak);
    }
    rows.push(row(
        "Team server: a round that pushes 10 changes and pulls 10".into(),
        format!("{}, {}", ms(median(&mut tens)), mb(ten_peak)),
        "—".into(),
        "≤ 300 ms, ≤ 64 MB",
    ));
    let mut idle: Vec<(Duration, u64)> = (0..5)
        .map(|_| measured(server_sync(bin, &b, &b_config)))
        .collect();
    idle.sort();
    rows.push(row(
        "Team server: a round where nothing changed".into(),
        format!(
            "{}, {}",
            ms(idle[2].0),
            mb(idle.iter().map(|r| r.1).max().unwrap())
        ),
        "—".into(),
        "—",
    ));

    // The app on B's database for 20 s, while A changes a lead and pushes every 2 s.
    let app = leadtrack(&driver(bin), &b)
        .env("LEADTRACK_CONFIG", &b_config)
        .args(["syncing", "--seconds", "20"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let mut pushes = 0;
    while started.elapsed() < Duration::from_secs(18) {
        std::thread::sleep(Duration::from_secs(2));
        edit_one(bin, &a, &leads[0], &format!("Aの件名 while {pushes}"));
        time(server_sync(bin, &a, &a_config));
        pushes += 1;
    }
    let [m50, m99, s50, s99, rounds, peak] = syncing_figures(app);
    rows.push(row(
        format!(
            "Team server: keystroke to frame in the app while its rounds run ({rounds:.0} rounds in 20 s; another rep pushed {pushes} times)"
        ),
        format!(
            "j {m50:.2} ms p50 / {m99:.2} ms p99; L/H (saved) {s50:.2} / {s99:.2} ms; peak {}",
            mb(peak as u64)
        ),
        "—".into(),
        "≤ 5 ms p99, ≤ 64 MB",
    ));
    drop(cluster);
    let _ = std::fs::remove_dir_all(&work);
    rows
}

/// What `leadtrack-bench syncing` measured: keystroke p50 and p99 of moves and of saves (ms),
/// the rounds run and the peak memory (KiB).
fn syncing_figures(app: std::process::Child) -> [f64; 6] {
    let output = app.wait_with_output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    let figures: Vec<f64> = text
        .split_whitespace()
        .map(|f| f.parse().unwrap())
        .collect();
    figures[..]
        .try_into()
        .unwrap_or_else(|_| panic!("leadtrack-bench syncing said: {text}"))
}

/// The time of the `LIKE '%q%'` scan over the same fields our search covers, in the sqlite3
/// shell (median of 5).
/// `limited`: newest first and as many per kind as the app shows (the same query as ours);
/// else every match (a plain scan).
fn like_scan(db: &Path, typed: &str, limited: bool) -> Duration {
    let q = format!("'%{}%'", typed.replace('\'', "''"));
    let lead_fields = ["title", "company", "next_action", "source_detail", "tags"];
    let contact_fields = [
        "family_name",
        "given_name",
        "family_reading",
        "given_reading",
        "company",
        "company_reading",
        "department",
        "title",
        "email",
        "phone",
        "mobile",
    ];
    let any = |fields: &[&str]| {
        fields
            .iter()
            .map(|f| format!("{f} LIKE {q}"))
            .collect::<Vec<_>>()
            .join(" OR ")
    };
    let tail = if limited {
        "ORDER BY seq DESC LIMIT 12"
    } else {
        ""
    };
    let sql = format!(
        "SELECT count(*) FROM (SELECT seq FROM leads WHERE gone = 0 AND ({}) {tail}); \
         SELECT count(*) FROM (SELECT seq FROM contacts WHERE gone = 0 AND ({}) {tail}); \
         SELECT count(*) FROM (SELECT seq FROM activities WHERE gone = 0 AND summary LIKE {q} {tail});",
        any(&lead_fields),
        any(&contact_fields),
    );
    let mut script = String::from(".timer on\n");
    for _ in 0..5 {
        let _ = writeln!(script, "SELECT 'run';");
        script.push_str(&sql);
        script.push('\n');
    }
    let output = Command::new("sqlite3")
        .arg("-readonly")
        .arg(db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(script.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    // The shell times each input line: the 'run' marker, then the three scans together.
    let runs: Vec<Duration> = text
        .lines()
        .filter_map(|line| line.strip_prefix("Run Time: real "))
        .skip(1)
        .step_by(2)
        .map(|rest| {
            Duration::from_secs_f64(rest.split_whitespace().next().unwrap().parse().unwrap())
        })
        .collect();
    let mut runs = runs;
    assert_eq!(runs.len(), 5, "sqlite3 said: {text}");
    median(&mut runs)
}

// ---- in process -----------------------------------------------------------------------

fn today() -> NaiveDate {
    leadtrack::model::dates::today()
}

fn open_app(db: &Path) -> App {
    let mut config = Config::default();
    config.user.name = Some("Bench".into());
    // The app's board is what is measured, whatever is due.
    config.ui.start_view = leadtrack::config::StartView::Board;
    let store = Store::open(db, "Bench").unwrap();
    App::new(Session { config, store }, today()).unwrap()
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

struct Screen(Terminal<TestBackend>);

impl Screen {
    fn new() -> Screen {
        Screen(Terminal::new(TestBackend::new(120, 40)).unwrap())
    }

    fn draw(&mut self, app: &mut App) {
        tui::draw(&mut self.0, app).unwrap();
    }

    /// A key, then the frame that shows it: what a rep waits for.
    fn press(&mut self, app: &mut App, code: KeyCode) -> Duration {
        let started = Instant::now();
        app.on_key(key(code));
        self.draw(app);
        started.elapsed()
    }
}

/// Each board action many times on a copy of the large database (moving leads writes).
fn keystrokes(db: &Path) -> Vec<(&'static str, Vec<Duration>)> {
    let work = db.with_file_name("keys-work.db");
    copy_db(db, &work);
    let mut app = open_app(&work);
    let mut screen = Screen::new();
    screen.draw(&mut app);
    let mut down = Vec::new();
    let mut column = Vec::new();
    let mut moved = Vec::new();
    let mut open = Vec::new();
    let mut back = Vec::new();
    for round in 0..200 {
        for _ in 0..3 {
            down.push(screen.press(&mut app, KeyCode::Char('j')));
        }
        let (there, home) = if round % 2 == 0 {
            ('l', 'h')
        } else {
            ('h', 'l')
        };
        let _ = home;
        column.push(screen.press(&mut app, KeyCode::Char(there)));
        // Move the selected lead a stage on and back: two saved changes.
        moved.push(screen.press(&mut app, KeyCode::Char('L')));
        moved.push(screen.press(&mut app, KeyCode::Char('H')));
        open.push(screen.press(&mut app, KeyCode::Enter));
        back.push(screen.press(&mut app, KeyCode::Esc));
        // The pause between a rep's keystrokes, where the app's idle work runs.
        app.tick(today());
    }
    drop(app);
    remove_db(&work);
    vec![
        ("move selection (j)", down),
        ("switch column (h/l)", column),
        ("move a lead to another stage (L/H, saved)", moved),
        ("open a lead's detail (enter)", open),
        ("back to the board (esc)", back),
    ]
}

/// Each filter applied from the form (`f`, the value, Enter: the frame after Enter) and the
/// selection moved on the filtered board, 30 times over; then every filter cleared (`F`).
fn filter_keystrokes(db: &Path) -> Vec<(&'static str, Vec<Duration>)> {
    let mut app = open_app(db);
    let mut screen = Screen::new();
    screen.draw(&mut app);
    // (what, keys after `f` before Enter): Tab moves from field to field, Right picks.
    let filters: [(&'static str, &[KeyCode]); 4] = [
        (
            "words “物流” (enter)",
            &[KeyCode::Char('物'), KeyCode::Char('流')],
        ),
        (
            "tag “展示会” (enter)",
            &[
                KeyCode::Tab,
                KeyCode::Char('展'),
                KeyCode::Char('示'),
                KeyCode::Char('会'),
            ],
        ),
        (
            "next action overdue (enter)",
            &[
                KeyCode::Tab,
                KeyCode::Tab,
                KeyCode::Tab,
                KeyCode::Tab,
                KeyCode::Tab,
                KeyCode::Tab,
                KeyCode::Right,
            ],
        ),
        (
            "stale, rank A (enter)",
            &[
                KeyCode::Tab,
                KeyCode::Tab,
                KeyCode::Tab,
                KeyCode::Tab,
                KeyCode::Right,
                KeyCode::Tab,
                KeyCode::Tab,
                KeyCode::Tab,
                KeyCode::Right,
            ],
        ),
    ];
    let mut out = Vec::new();
    let mut moves = Vec::new();
    let mut clears = Vec::new();
    let mut counted = Vec::new();
    for (what, keys) in filters {
        let mut applied = Vec::new();
        for _ in 0..30 {
            screen.press(&mut app, KeyCode::Char('f'));
            for k in keys {
                screen.press(&mut app, *k);
            }
            let started = Instant::now();
            applied.push(screen.press(&mut app, KeyCode::Enter));
            // The column heads' counts, read on the next frame with no key pending.
            while app.waiting_reads() {
                app.allow_slow_reads();
                screen.draw(&mut app);
            }
            counted.push(started.elapsed());
            for _ in 0..3 {
                moves.push(screen.press(&mut app, KeyCode::Char('j')));
            }
            let started = Instant::now();
            app.on_key(KeyEvent::new(KeyCode::Char('F'), KeyModifiers::SHIFT));
            screen.draw(&mut app);
            clears.push(started.elapsed());
        }
        out.push((what, applied));
    }
    out.push((
        "every filter above, until the column heads are counted (next frame)",
        counted,
    ));
    out.push(("move selection on a filtered board (j)", moves));
    out.push(("clear every filter (F)", clears));
    out
}

/// Types `query` into the search one character at a time, 30 times over; returns every
/// keystroke's time and the median per query length.
fn search_keystrokes(db: &Path, query: &str) -> (Vec<Duration>, Vec<Duration>) {
    let mut app = open_app(db);
    let mut screen = Screen::new();
    screen.draw(&mut app);
    let chars: Vec<char> = query.chars().collect();
    let mut by_length: Vec<Vec<Duration>> = vec![Vec::new(); chars.len()];
    for _ in 0..30 {
        screen.press(&mut app, KeyCode::Char('/'));
        for (n, c) in chars.iter().enumerate() {
            by_length[n].push(screen.press(&mut app, KeyCode::Char(*c)));
        }
        screen.press(&mut app, KeyCode::Esc);
    }
    let all: Vec<Duration> = by_length.iter().flatten().copied().collect();
    let per_length = by_length.iter_mut().map(|v| median(v)).collect();
    (all, per_length)
}

// ---- figures --------------------------------------------------------------------------

fn median(samples: &mut [Duration]) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// p50 and p99 (nearest rank).
fn percentiles(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort();
    let at = |p: f64| {
        let rank = ((p * samples.len() as f64).ceil() as usize).clamp(1, samples.len());
        samples[rank - 1]
    };
    (at(0.50), at(0.99))
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn markdown(rows: &[Row]) -> String {
    let mut out =
        String::from("| Job | leadtrack | Baseline | Ratio | Target |\n|---|---|---|---|---|\n");
    for r in rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            r.what, r.ours, r.baseline, r.ratio, r.target
        );
    }
    out
}

/// The machine the figures came from.
fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|l| l.trim_start_matches([' ', '\t', ':']).to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or("? GiB".into(), |kib| format!("{} GiB", kib / 1024 / 1024));
    let sqlite = Command::new("sqlite3")
        .arg("--version")
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .split_whitespace()
                .next()
                .unwrap_or("?")
                .to_string()
        })
        .unwrap_or_else(|_| "?".into());
    format!(
        "Machine: {cpu}, {cores} cores, {memory} RAM, Linux; sqlite3 shell {sqlite}; {}.",
        chrono::Local::now().format("%Y-%m-%d")
    )
}

/// `count` business cards in the Eight-style CSV (UTF-8), every one a different person.
fn write_cards(path: &Path, count: usize) {
    let family = [
        ("佐藤", "sato"),
        ("鈴木", "suzuki"),
        ("高橋", "takahashi"),
        ("田中", "tanaka"),
        ("伊藤", "ito"),
        ("渡辺", "watanabe"),
        ("山本", "yamamoto"),
        ("中村", "nakamura"),
    ];
    let given = [
        ("花子", "hanako"),
        ("太郎", "taro"),
        ("健二", "kenji"),
        ("美咲", "misaki"),
        ("翔", "sho"),
        ("直子", "naoko"),
    ];
    let companies = [
        "サンプル商事",
        "ミドリ技研",
        "アオバ物流",
        "コスモ精機",
        "ツバサ印刷",
    ];
    let mut out = String::from(
        "会社名,部署名,役職,姓,名,e-mail,郵便番号,住所,TEL会社,TEL部門,TEL直通,Fax,携帯電話,URL,名刺交換日\n",
    );
    for i in 0..count {
        let (f, fr) = family[i % family.len()];
        let (g, gr) = given[(i / family.len()) % given.len()];
        let company = companies[(i / 7) % companies.len()];
        let _ = writeln!(
            out,
            "株式会社{company}{n},営業部,課長,{f},{g},{gr}.{fr}{i}@example{n}.co.jp,100-{z:04},東京都千代田区丸の内{n}-1-1,03-{a:04}-{b:04},,,,090-{a:04}-{c:04},https://example{n}.co.jp,2026/10/{d:02}",
            n = i % 997,
            z = i % 10_000,
            a = (i / 10_000) % 10_000,
            b = i % 10_000,
            c = (i * 7) % 10_000,
            d = 1 + i % 28,
        );
    }
    std::fs::write(path, out).unwrap();
}
