//! The real binary in a real terminal (tmux, 120×40): a new user's first minutes, checked
//! afterwards against the command line. Skipped, with a note, only where tmux is missing;
//! `.ci/run` installs it so CI always runs this.
//!
//! The tests wait on what the screen shows, never for a fixed time: every step polls the
//! pane until it shows (or no longer shows) what the step expects, within `PATIENCE`, and
//! fails with the last screen. A program that must not start before the test is ready (its
//! first bytes are captured) waits in its pane on a tmux channel the test signals.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use chrono::{Days, Local, NaiveDate};
use common::HOSTILE;
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// How long one step may take to show on the screen: generous, for slow shared machines;
/// a passing step takes what the app takes.
const PATIENCE: Duration = Duration::from_secs(20);
/// How often the screen is looked at while waiting.
const LOOK: Duration = Duration::from_millis(25);
/// The tmux channel a gated program waits on before it starts.
const GO: &str = "leadtrack-go";

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("-f")
            .arg("/dev/null")
            .args(args)
            .output()
            .unwrap()
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).to_string()
    }

    /// Sends keys (tmux names: `Enter`, `C-s`). An Escape is read as one only when the next
    /// byte comes later (else the terminal reports Alt and that key), so a step that sends
    /// Escape waits for its effect on the screen before the next key.
    fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "e2e", key]);
        }
    }

    fn text(&self, text: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", text]);
    }

    /// Polls the screen until `done` holds for it; panics with the last screen after
    /// `PATIENCE`.
    fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            if start.elapsed() > PATIENCE {
                panic!("the screen never {what}; it shows:\n{screen}");
            }
            std::thread::sleep(LOOK);
        }
    }

    /// Waits until the screen shows `needle`.
    fn wait_for(&self, needle: &str) -> String {
        self.wait_until(&format!("showed {needle:?}"), |s| s.contains(needle))
    }

    /// Waits until the screen no longer shows `needle`.
    fn wait_gone(&self, needle: &str) -> String {
        self.wait_until(&format!("stopped showing {needle:?}"), |s| {
            !s.contains(needle)
        })
    }

    fn alive(&self) -> bool {
        self.run(&["has-session", "-t", "e2e"]).status.success()
    }

    /// Runs `program` (a shell line) in a new 120×40 session "e2e" on its own server, as rep
    /// "tester" with `home` as HOME. The shell waits for `go` before it starts the program,
    /// so what the test sets up first (a capture of the pane's bytes) sees all of it. None
    /// (with a note) where tmux is missing.
    fn start(label: &str, home: &Path, program: &str) -> Option<Tmux> {
        Tmux::start_in(label, home, program, "C.UTF-8")
    }

    /// `start`, with `LANG` set to `lang`.
    fn start_in(label: &str, home: &Path, program: &str, lang: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("tmux is not installed: skipping the end-to-end test (.ci/run installs it)");
            return None;
        }
        let tmux = Tmux {
            socket: format!("leadtrack-{label}-{}", std::process::id()),
        };
        let home_env = format!("HOME={}", home.display());
        let command = format!(
            "tmux -L {} -f /dev/null wait-for {GO} && exec {program}",
            tmux.socket
        );
        let started = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            "120",
            "-y",
            "40",
            "-e",
            &home_env,
            "-e",
            "USER=tester",
            "-e",
            &format!("LANG={lang}"),
            &command,
        ]);
        assert!(
            started.status.success(),
            "{}",
            String::from_utf8_lossy(&started.stderr)
        );
        Some(tmux)
    }

    /// Lets the program start (a signal that comes before the shell waits is kept).
    fn go(&self) {
        let signalled = self.run(&["wait-for", "-S", GO]);
        assert!(
            signalled.status.success(),
            "{}",
            String::from_utf8_lossy(&signalled.stderr)
        );
    }

    /// From now on, every byte the program in the pane writes is appended to `file` (the
    /// pipe is in place when tmux answers).
    fn capture_to(&self, file: &Path) {
        let capture = format!("cat >> {}", file.display());
        let piped = self.run(&["pipe-pane", "-o", "-t", "e2e", &capture]);
        assert!(piped.status.success());
    }

    /// Waits until the program has quit; true when it did.
    fn wait_until_gone(&self) -> bool {
        let start = Instant::now();
        while self.alive() && start.elapsed() < PATIENCE {
            std::thread::sleep(LOOK);
        }
        !self.alive()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// The captured bytes once they hold `needle` (the capture is written by a `cat` of its
/// own, which may lag the screen); panics after `PATIENCE`.
fn captured_once_it_holds(file: &Path, needle: &str) -> Vec<u8> {
    let start = Instant::now();
    loop {
        let bytes = std::fs::read(file).unwrap_or_default();
        if String::from_utf8_lossy(&bytes).contains(needle) {
            return bytes;
        }
        if start.elapsed() > PATIENCE {
            panic!(
                "the capture never held {needle:?} ({} bytes captured)",
                bytes.len()
            );
        }
        std::thread::sleep(LOOK);
    }
}

fn local_today() -> NaiveDate {
    Local::now().date_naive()
}

fn leadtrack(home: &Path, db: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_leadtrack"))
        .env_clear()
        .env("HOME", home)
        .env("USER", "tester")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_new_user_works_the_board_from_the_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("e2e.db");
    leadtrack(home, &db, &["demo", "--leads", "30"]);
    leadtrack(
        home,
        &db,
        &[
            "contact",
            "add",
            "--name",
            "佐藤 花子",
            "--reading",
            "さとう はなこ",
            "--company",
            "テスト商事",
        ],
    );

    // "+3d" counts from the day the call is logged: a day of the run, which may cross
    // midnight.
    let first_day = local_today();
    let command = format!("{} --db {}", env!("CARGO_BIN_EXE_leadtrack"), db.display());
    let Some(tmux) = Tmux::start("e2e", home, &command) else {
        return;
    };
    tmux.go();
    // The app opens on the follow-ups when the demo left one of tester's due: the board.
    tmux.wait_for("1 Board");
    tmux.keys(&["1"]);
    tmux.wait_for("Future potential");

    // Add a lead with a Japanese title in the first column.
    tmux.keys(&["a"]);
    tmux.wait_for("New lead");
    tmux.text("テスト商事 新規導入");
    tmux.keys(&["C-s"]);
    tmux.wait_for("Added テスト商事 新規導入");

    // Log a call with a next action: c, summary, Enter, +3d, Enter.
    tmux.keys(&["c"]);
    tmux.wait_for("Call — テスト商事 新規導入");
    tmux.text("課長と電話");
    tmux.keys(&["Enter"]);
    tmux.text("+3d");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Logged call");

    // To Future potential and back.
    tmux.keys(&["L"]);
    tmux.wait_for("to Future potential");
    tmux.keys(&["H"]);
    tmux.wait_for("to Considering");

    // The detail shows the call, the stage history and the score.
    tmux.keys(&["Enter"]);
    let detail = tmux.wait_for("Stage history");
    for part in [
        "課長と電話",
        "Considering → Future potential",
        "Future potential → Considering",
        "Score 1",
    ] {
        assert!(
            detail.contains(part),
            "{part:?} missing from the detail:\n{detail}"
        );
    }
    tmux.keys(&["Escape"]);
    tmux.wait_gone("Stage history");

    // Find a contact by part of the reading, in katakana.
    tmux.keys(&["/"]);
    tmux.text("サトウ");
    tmux.wait_for("佐藤 花子");
    tmux.keys(&["Enter"]);
    tmux.wait_for("さとう はなこ");

    // Shrink below 80×24 and back: a notice, then the screen again.
    tmux.run(&["resize-window", "-t", "e2e", "-x", "60", "-y", "15"]);
    tmux.wait_for("Terminal too small");
    tmux.run(&["resize-window", "-t", "e2e", "-x", "120", "-y", "40"]);
    tmux.wait_for("NAME");

    tmux.keys(&["q"]);
    assert!(tmux.wait_until_gone(), "q quits");
    let last_day = local_today();

    // The command line agrees with everything the screen said.
    let leads: Value =
        serde_json::from_str(&leadtrack(home, &db, &["lead", "list", "--format", "json"])).unwrap();
    let lead = leads
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["title"] == "テスト商事 新規導入")
        .expect("the new lead");
    let id = lead["id"].as_str().unwrap();
    let shown: Value = serde_json::from_str(&leadtrack(
        home,
        &db,
        &["lead", "show", id, "--format", "json"],
    ))
    .unwrap();
    assert_eq!(shown["stage"], "considering");
    assert_eq!(shown["activities"][0]["summary"], "課長と電話");
    assert_eq!(shown["activities"][0]["kind"], "call");
    let due = shown["next_action_on"].as_str().unwrap();
    assert!(
        [first_day, last_day].iter().any(|day| day
            .checked_add_days(Days::new(3))
            .unwrap()
            .to_string()
            == due),
        "due {due}, three days after {first_day} (or {last_day})"
    );
    let moves: Vec<(String, String)> = shown["stage_history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["from"].as_str().unwrap_or("").to_string(),
                s["to"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        moves,
        [
            ("".into(), "considering".into()),
            ("considering".into(), "future".into()),
            ("future".into(), "considering".into())
        ]
    );
    assert_eq!(shown["score"], 1.0);
}

#[test]
fn hostile_text_never_reaches_the_real_terminal_as_control_sequences() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("hostile.db");
    let id = leadtrack(
        home,
        &db,
        &[
            "lead",
            "add",
            "--title",
            HOSTILE,
            "--company",
            HOSTILE,
            "--next-action",
            HOSTILE,
            "--due",
            "today",
            "--notes",
            HOSTILE,
        ],
    );
    let name = format!("{HOSTILE} {HOSTILE}");
    leadtrack(
        home,
        &db,
        &["contact", "add", "--name", &name, "--company", HOSTILE],
    );
    leadtrack(
        home,
        &db,
        &["log", "call", "--lead", id.trim(), "--summary", HOSTILE],
    );

    let bytes_file = home.join("terminal.bytes");
    let command = format!("{} --db {}", env!("CARGO_BIN_EXE_leadtrack"), db.display());
    let Some(tmux) = Tmux::start("hostile", home, &command) else {
        return;
    };
    // The capture is attached before the app starts, so its first frame is in it.
    tmux.capture_to(&bytes_file);
    tmux.go();
    // The lead is due today for tester: the app opens on the follow-ups, then the board.
    tmux.wait_for("BUCKET / DUE");
    tmux.keys(&["1"]);
    tmux.wait_for("Future potential");
    // Every view, and the detail of a lead from the board and from the activities.
    tmux.keys(&["Enter"]);
    tmux.wait_for("Stage history");
    tmux.keys(&["Escape"]);
    tmux.wait_gone("Stage history");
    tmux.keys(&["2"]);
    tmux.wait_for("BUCKET / DUE");
    tmux.keys(&["3"]);
    tmux.wait_for("READING");
    tmux.keys(&["Enter", "4"]);
    tmux.wait_for("SUMMARY");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Stage history");
    tmux.keys(&["Escape"]);
    tmux.wait_gone("Stage history");
    tmux.keys(&["1"]);
    tmux.wait_for("Future potential");
    tmux.keys(&["/"]);
    tmux.text("佐藤");
    tmux.wait_for("/ 佐藤");
    tmux.keys(&["Escape"]);
    tmux.wait_gone("/ 佐藤");
    tmux.keys(&["q"]);
    assert!(tmux.wait_until_gone(), "q quits");
    // The app's last bytes leave the full screen.
    let bytes = captured_once_it_holds(&bytes_file, "\u{1b}[?1049l");
    let text = String::from_utf8_lossy(&bytes);
    // Wide characters are written one at a time, each after a cursor move.
    assert!(
        text.contains('佐') && text.contains('花'),
        "the capture holds the screen ({} bytes)",
        bytes.len()
    );
    for (what, needle) in [
        ("OSC 52 clipboard write", "\u{1b}]52"),
        ("OSC 8 hyperlink", "\u{1b}]8;"),
        ("the data's cursor move", "\u{1b}[999;999H"),
        ("8-bit CSI", "\u{9b}"),
        ("bell", "\u{7}"),
        ("backspace", "\u{8}"),
        ("DEL", "\u{7f}"),
        ("right-to-left override", "\u{202e}"),
        ("zero-width space", "\u{200b}"),
    ] {
        assert!(
            !text.contains(needle),
            "{what} reached the terminal ({} bytes captured)",
            bytes.len()
        );
    }
}

#[test]
fn a_panic_leaves_the_terminal_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("panic.db");
    leadtrack(home, &db, &["demo", "--leads", "10"]);
    let bytes_file = home.join("terminal.bytes");
    let command = format!(
        "{} --db {} panic",
        env!("CARGO_BIN_EXE_leadtrack-bench"),
        db.display()
    );
    let Some(tmux) = Tmux::start("panic", home, &command) else {
        return;
    };
    // The pane stays after the process ends; its screen is what the user is left with.
    tmux.run(&["set-option", "-t", "e2e", "remain-on-exit", "on"]);
    tmux.capture_to(&bytes_file);
    tmux.go();
    let screen = tmux.wait_for("deliberate panic");
    assert!(
        !screen.contains("Future potential"),
        "the board is gone, the normal screen is back:\n{screen}"
    );
    let bytes = captured_once_it_holds(&bytes_file, "deliberate panic");
    let text = String::from_utf8_lossy(&bytes);
    let entered = text
        .find("\u{1b}[?1049h")
        .expect("the app took the full screen");
    let left = text
        .rfind("\u{1b}[?1049l")
        .expect("the full screen was left");
    let message = text.find("deliberate panic").unwrap();
    assert!(
        entered < left && left < message,
        "the terminal is restored before the message"
    );
}

/// Half-width katakana with voiced marks (`ﾊﾟ`, `ｶﾞ`) take the cells the terminal gives
/// them: the company column starts where it does on every other row.
#[test]
fn halfwidth_voiced_kana_keep_the_columns_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("kana.db");
    for (name, company) in [
        ("ﾊﾟｿｺﾝ ｼｮｯﾌﾟ", "ｶﾞｯｺｳ ﾎﾟｲﾝﾄ"),
        ("Aoki Hanako", "Midori"),
        ("佐藤 花子", "ミドリ技研"),
    ] {
        leadtrack(
            home,
            &db,
            &["contact", "add", "--name", name, "--company", company],
        );
    }
    let command = format!("{} --db {}", env!("CARGO_BIN_EXE_leadtrack"), db.display());
    let Some(tmux) = Tmux::start("kana", home, &command) else {
        return;
    };
    tmux.go();
    tmux.wait_for("1 Board");
    tmux.keys(&["3"]);
    let screen = tmux.wait_for("ｼｮｯﾌﾟ");
    // The cell where a row's text after `prefix` starts, counted as the terminal does.
    let column_of = |prefix: &str, next: &str| -> usize {
        let line = screen
            .lines()
            .find(|l| l.contains(prefix) && l.contains(next))
            .unwrap_or_else(|| panic!("no row with {prefix} and {next}:\n{screen}"));
        let at = line.find(next).unwrap_or_default();
        leadtrack::model::text::width(&line[..at])
    };
    let header = column_of("COMPANY", "COMPANY");
    assert_eq!(column_of("ｼｮｯﾌﾟ", "ｶﾞｯｺｳ"), header, "{screen}");
    assert_eq!(column_of("Hanako", "Midori"), header, "{screen}");
    assert_eq!(column_of("佐藤", "ミドリ"), header, "{screen}");
    tmux.keys(&["q"]);
    assert!(tmux.wait_until_gone());
}

/// The id of the lead titled `title`, from `lead list`.
fn lead_id(home: &Path, db: &Path, title: &str) -> String {
    let leads: Value =
        serde_json::from_str(&leadtrack(home, db, &["lead", "list", "--format", "json"])).unwrap();
    leads
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["title"] == title)
        .and_then(|l| l["id"].as_str())
        .unwrap_or_else(|| panic!("no lead titled {title}"))
        .to_string()
}

/// A rep's working day, from the keyboard: the app opens on what is due, a call with its
/// next action, a wrongly logged call put right, undo and redo, the board filtered by a tag,
/// the month's stats. The command line then agrees with what the screen said.
#[test]
fn a_working_day_from_follow_ups_to_stats() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("day.db");
    let add = |args: &[&str]| {
        let mut full = vec!["lead", "add"];
        full.extend_from_slice(args);
        leadtrack(home, &db, &full);
    };
    add(&[
        "--title",
        "ミドリ技研 設備更新",
        "--due",
        "yesterday",
        "--tag",
        "展示会",
    ]);
    add(&[
        "--title",
        "Pinecrest ERP upgrade",
        "--due",
        "today",
        "--tag",
        "vip",
    ]);
    add(&[
        "--title",
        "Harbor logistics",
        "--due",
        "+20d",
        "--tag",
        "展示会",
    ]);
    add(&[
        "--title",
        "Ben's renewal",
        "--due",
        "yesterday",
        "--owner",
        "ben",
    ]);
    let midori = lead_id(home, &db, "ミドリ技研 設備更新");

    let command = format!("{} --db {}", env!("CARGO_BIN_EXE_leadtrack"), db.display());
    let Some(tmux) = Tmux::start("day", home, &command) else {
        return;
    };
    let first_day = local_today();
    tmux.go();

    // Something of mine is overdue: the app opens on the follow-ups, mine counted apart.
    let start = tmux.wait_for("Overdue");
    assert!(start.contains("ミドリ技研 設備更新"), "{start}");
    assert!(start.contains("1 overdue, 1 today (mine)"), "{start}");

    // The first overdue row is selected: a call with the next action in two days.
    tmux.keys(&["c"]);
    tmux.wait_for("Call — ミドリ技研 設備更新");
    tmux.text("見積の件で電話");
    tmux.keys(&["Enter"]);
    tmux.text("+2d");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Logged call");
    let moved = |s: &str, day: NaiveDate| {
        let date = day.checked_add_days(Days::new(2)).unwrap();
        let date = date.format("%m/%d").to_string();
        s.lines()
            .any(|l| l.contains("ミドリ技研 設備更新") && l.contains(&date))
    };
    tmux.wait_until("showed the follow-up two days on", |s| {
        moved(s, first_day) || moved(s, local_today())
    });

    // It was a meeting, not a call: put it right in Activities.
    tmux.keys(&["4"]);
    tmux.wait_for("見積の件で電話");
    tmux.keys(&["e"]);
    tmux.wait_for("Edit call — ミドリ技研 設備更新");
    tmux.keys(&["Right", "Tab", "C-u"]);
    tmux.text("見積提出の打合せ");
    tmux.keys(&["C-s"]);
    tmux.wait_for("Saved kind, summary");
    let edited = tmux.wait_for("見積提出の打合せ");
    assert!(!edited.contains("見積の件で電話"), "{edited}");

    // Undo puts the call back, saying what; redo makes it the meeting again.
    tmux.keys(&["u"]);
    let undone = tmux.wait_for("Undone:");
    tmux.wait_for("見積の件で電話");
    assert!(undone.contains("ミドリ技研 設備更新"), "{undone}");
    tmux.keys(&["U"]);
    tmux.wait_for("Redone:");
    tmux.wait_for("見積提出の打合せ");

    // The board, filtered by a tag: its leads, and the filter above every column.
    tmux.keys(&["1"]);
    tmux.wait_for("Future potential");
    tmux.keys(&["f"]);
    tmux.wait_for("Filter the board");
    tmux.keys(&["Tab"]);
    tmux.text("展示会");
    tmux.keys(&["Enter"]);
    let board = tmux.wait_for("── tag 展示会 ─");
    assert!(board.contains("ミドリ技研 設備更新"), "{board}");
    assert!(board.contains("Harbor logistics"), "{board}");
    assert!(!board.contains("Pinecrest"), "{board}");
    tmux.keys(&["F"]);
    tmux.wait_for("Pinecrest");

    // This month's stats (p until the period is this month): the meeting counts for tester.
    tmux.keys(&["6"]);
    let period = |s: &str| {
        s.lines()
            .find(|l| l.starts_with("Period:"))
            .unwrap_or("")
            .to_string()
    };
    let mut stats = tmux.wait_for("Period:");
    for _ in 0..5 {
        if period(&stats).starts_with("Period: this month") {
            break;
        }
        let before = period(&stats);
        tmux.keys(&["p"]);
        stats = tmux.wait_until("changed its period", |s| period(s) != before);
    }
    assert!(period(&stats).starts_with("Period: this month"), "{stats}");
    let tester = stats
        .lines()
        .find(|l| l.starts_with("tester"))
        .unwrap_or("");
    assert!(tester.contains("(meeting "), "{stats}");

    tmux.keys(&["q"]);
    assert!(tmux.wait_until_gone(), "q quits");

    // The command line agrees: one meeting with the corrected summary, due in two days.
    let activities: Value = serde_json::from_str(&leadtrack(
        home,
        &db,
        &["activity", "list", "--lead", &midori, "--format", "json"],
    ))
    .unwrap();
    let activities = activities.as_array().unwrap();
    assert_eq!(activities.len(), 1, "{activities:#?}");
    assert_eq!(activities[0]["kind"], "meeting");
    assert_eq!(activities[0]["summary"], "見積提出の打合せ");
    let shown: Value = serde_json::from_str(&leadtrack(
        home,
        &db,
        &["lead", "show", &midori, "--format", "json"],
    ))
    .unwrap();
    let due = shown["next_action_on"].as_str().unwrap().to_string();
    assert!(
        [first_day, local_today()].iter().any(|d| d
            .checked_add_days(Days::new(2))
            .unwrap()
            .to_string()
            == due),
        "due {due}"
    );
}

/// A Japanese locale and no config: the app opens in Japanese, and `--lang en` (as
/// `LEADTRACK_LANG` would) brings English back.
#[test]
fn a_japanese_locale_opens_the_app_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("ja.db");
    leadtrack(
        home,
        &db,
        &["lead", "add", "--title", "ミドリ技研 設備更新"],
    );
    let command = format!("{} --db {}", env!("CARGO_BIN_EXE_leadtrack"), db.display());
    let Some(tmux) = Tmux::start_in("ja", home, &command, "ja_JP.UTF-8") else {
        return;
    };
    tmux.go();
    let screen = tmux.wait_for("1 ボード");
    for word in ["2 フォロー", "検討段階", "? ヘルプ"] {
        assert!(screen.contains(word), "{word} missing:\n{screen}");
    }
    assert!(!screen.contains("Board"), "{screen}");
    tmux.keys(&["q"]);
    assert!(tmux.wait_until_gone(), "q quits");

    let command = format!(
        "{} --lang en --db {}",
        env!("CARGO_BIN_EXE_leadtrack"),
        db.display()
    );
    let Some(tmux) = Tmux::start_in("en", home, &command, "ja_JP.UTF-8") else {
        return;
    };
    tmux.go();
    let screen = tmux.wait_for("1 Board");
    assert!(screen.contains("Considering"), "{screen}");
    tmux.keys(&["q"]);
    assert!(tmux.wait_until_gone(), "q quits");
}
