//! A team on one synced database file (SPEC §5): three reps, a shared folder, conflicted
//! copies, deletes against edits, skewed clocks, files that must be refused, processes
//! killed while publishing, and two processes on one database.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Scratch, bytes, screen, shared_state};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A rep: their own local database and name, the team folder they share.
struct Rep<'a> {
    s: &'a Scratch,
    name: &'static str,
    config: PathBuf,
}

impl<'a> Rep<'a> {
    fn new(s: &'a Scratch, name: &'static str) -> Rep<'a> {
        let config = s.path(&format!("{name}.toml"));
        let team = s.path("Dropbox/sales/team.leadtrack.db");
        std::fs::write(
            &config,
            format!(
                "[user]\nname = \"{name}\"\n\n[team]\nfile = \"{}\"\n",
                team.display()
            ),
        )
        .unwrap();
        Rep { s, name, config }
    }

    fn db(&self) -> PathBuf {
        self.s.path(&format!("{}.db", self.name))
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        self.command(args).output().unwrap()
    }

    fn command(&self, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = self.s.bare();
        cmd.arg("--db")
            .arg(self.db())
            .arg("--config")
            .arg(&self.config)
            .args(args);
        cmd
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{} {args:?}: {}",
            self.name,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn sync(&self) -> String {
        self.ok(&["sync"])
    }

    fn lead(&self, id: &str) -> Value {
        serde_json::from_str(&self.ok(&["lead", "show", id, "--format", "json"]))
            .unwrap_or(Value::Null)
    }
}

/// Whether the JSON list `list` has an item whose `key` is `value`.
fn lists(list: &Value, key: &str, value: &str) -> bool {
    list.as_array()
        .unwrap()
        .iter()
        .any(|item| item[key] == value)
}

fn team_file(s: &Scratch) -> PathBuf {
    s.path("Dropbox/sales/team.leadtrack.db")
}

fn history_values(db: &Path, record: &str, field: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT value FROM history WHERE record_id = ?1 AND field = ?2")
        .unwrap();
    stmt.query_map([record, field], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|v| v.unwrap())
        .collect()
}

fn current(db: &Path, record: &str, field: &str) -> Option<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(
        &format!("SELECT {field} FROM leads WHERE id = ?1"),
        [record],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn three_reps_edit_delete_and_publish_at_once_and_end_identical() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path("Dropbox/sales")).unwrap();
    let (a, b, c) = (
        Rep::new(&s, "山本"),
        Rep::new(&s, "鈴木"),
        Rep::new(&s, "Tanaka"),
    );
    a.ok(&["demo", "--leads", "12"]);
    assert!(a.sync().contains("Created the team file"));
    b.sync();
    c.sync();
    let leads: Value = serde_json::from_str(&a.ok(&["lead", "list", "--format", "json"])).unwrap();
    let l1 = leads[0]["id"].as_str().unwrap().to_string();
    let l2 = leads[1]["id"].as_str().unwrap().to_string();

    // Concurrent edits to one lead: different fields, and the same field.
    a.ok(&["lead", "edit", &l1, "--title", "Aの件名"]);
    b.ok(&["lead", "edit", &l1, "--owner", "鈴木", "--title", "Bの件名"]);
    c.ok(&[
        "log",
        "call",
        "--lead",
        &l1,
        "--summary",
        "Cの電話",
        "--next-action",
        "Cの次",
        "--due",
        "+3d",
    ]);
    // One deletes a lead another is editing.
    c.ok(&["lead", "delete", &l2]);
    a.ok(&["lead", "edit", &l2, "--notes", "Aのメモ"]);

    // A and B publish at the same moment: the sync tool keeps A's file and leaves B's as a
    // conflicted copy beside it.
    let team = team_file(&s);
    let before = std::fs::read(&team).unwrap();
    a.sync();
    let a_file = std::fs::read(&team).unwrap();
    std::fs::write(&team, &before).unwrap();
    b.sync();
    let b_file = std::fs::read(&team).unwrap();
    std::fs::write(&team, &a_file).unwrap();
    let conflicted = s.path("Dropbox/sales/team (鈴木's conflicted copy 2026-11-22).leadtrack.db");
    std::fs::write(&conflicted, &b_file).unwrap();

    for _ in 0..2 {
        for rep in [&a, &b, &c] {
            rep.sync();
        }
    }
    // No conflicted copy is left unmerged: it sits in the archive.
    assert!(!conflicted.exists());
    assert!(
        s.path(
            "Dropbox/sales/leadtrack-archive/team (鈴木's conflicted copy 2026-11-22).leadtrack.db"
        )
        .exists()
    );
    // Identical data in all three databases and in the team file.
    let state = shared_state(&a.db());
    assert_eq!(state, shared_state(&b.db()), "A and B");
    assert_eq!(state, shared_state(&c.db()), "A and C");
    assert_eq!(state, shared_state(&team), "A and the team file");
    // No typed value is missing from the current data or the history.
    for db in [a.db(), b.db(), c.db()] {
        let titles: Vec<String> = history_values(&db, &l1, "title")
            .into_iter()
            .chain(current(&db, &l1, "title").map(|t| format!("\"{t}\"")))
            .collect();
        assert!(
            titles.iter().any(|t| t.contains("Aの件名"))
                && titles.iter().any(|t| t.contains("Bの件名")),
            "{titles:?}"
        );
        assert_eq!(current(&db, &l1, "owner").as_deref(), Some("鈴木"));
        assert_eq!(current(&db, &l1, "next_action").as_deref(), Some("Cの次"));
        let notes: Vec<String> = history_values(&db, &l2, "notes")
            .into_iter()
            .chain(current(&db, &l2, "notes"))
            .collect();
        assert!(notes.iter().any(|n| n.contains("Aのメモ")), "{notes:?}");
    }
    let shown = a.lead(&l1);
    assert!(lists(&shown["activities"], "summary", "Cの電話"));
    // The edit made after the delete wins over it: the lead is back, with A's note.
    let l2_now = c.lead(&l2);
    assert_eq!(l2_now["notes"], "Aのメモ", "{l2_now}");
    // A third round everywhere changes nothing and publishes nothing.
    for rep in [&a, &b, &c] {
        assert!(rep.sync().contains("already holds everything"));
    }
}

#[test]
fn a_delete_after_an_edit_wins() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path("Dropbox/sales")).unwrap();
    let (a, b) = (Rep::new(&s, "山本"), Rep::new(&s, "鈴木"));
    let id = a
        .ok(&["lead", "add", "--title", "消える案件"])
        .trim()
        .to_string();
    a.sync();
    b.sync();
    a.ok(&["lead", "edit", &id, "--owner", "山本"]);
    // B deletes without having seen A's edit, by a clock a minute ahead: the delete is the
    // later change whichever millisecond each process ran in.
    let mut b_store = leadtrack::store::Store::open(&b.db(), b.name).unwrap();
    b_store.set_clock_offset(chrono::Duration::minutes(1));
    leadtrack::features::leads::delete(&mut b_store, &id).unwrap();
    drop(b_store);
    a.sync();
    b.sync();
    a.sync();
    assert!(
        a.run(&["lead", "show", &id]).status.code() == Some(1),
        "deleted for A too"
    );
    assert_eq!(shared_state(&a.db()), shared_state(&b.db()));
    assert_eq!(
        current(&a.db(), &id, "owner").as_deref(),
        Some("山本"),
        "the edit is kept in the tombstone"
    );
}

#[test]
fn an_activity_logged_after_a_concurrent_delete_brings_the_lead_back() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path("Dropbox/sales")).unwrap();
    let (a, b) = (Rep::new(&s, "山本"), Rep::new(&s, "鈴木"));
    let id = a
        .ok(&["lead", "add", "--title", "消された案件"])
        .trim()
        .to_string();
    let kept = a
        .ok(&["lead", "add", "--title", "残る案件"])
        .trim()
        .to_string();
    let card = a
        .ok(&["contact", "add", "--name", "佐藤 花子"])
        .trim()
        .to_string();
    a.sync();
    b.sync();
    // A deletes the lead and a contact; B, not having seen the deletes, logs a call on each
    // afterwards.
    a.ok(&["lead", "delete", &id]);
    a.ok(&["contact", "delete", &card]);
    std::thread::sleep(std::time::Duration::from_millis(5));
    b.ok(&["log", "call", "--lead", &id, "--summary", "削除後の電話"]);
    b.ok(&[
        "log",
        "call",
        "--contact",
        &card,
        "--summary",
        "名刺の方へ電話",
    ]);
    // On a lead nobody deleted, a logged call changes nothing of the lead itself.
    let before = b.lead(&kept);
    b.ok(&["log", "call", "--lead", &kept, "--summary", "いつもの電話"]);
    let after = b.lead(&kept);
    assert_eq!(before["updated_at"], after["updated_at"]);
    assert_eq!(before["updated_by"], after["updated_by"]);
    assert_eq!(before["history"], after["history"]);
    a.sync();
    b.sync();
    a.sync();
    for rep in [&a, &b] {
        // The search finds the call, and the lead it names is there to show.
        assert!(rep.ok(&["search", "削除後"]).contains("削除後の電話"));
        let shown = rep.lead(&id);
        assert_eq!(shown["title"], "消された案件", "{shown}");
        assert!(
            lists(&shown["activities"], "summary", "削除後の電話"),
            "{shown}"
        );
        assert!(history_values(&rep.db(), &kept, "deleted").is_empty());
        let contact = rep.ok(&["contact", "show", &card]);
        assert!(contact.contains("名刺の方へ電話"), "{contact}");
    }
    assert_eq!(shared_state(&a.db()), shared_state(&b.db()));
}

#[test]
fn an_activity_changed_after_a_concurrent_delete_brings_the_lead_back() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path("Dropbox/sales")).unwrap();
    let (a, b) = (Rep::new(&s, "山本"), Rep::new(&s, "鈴木"));
    let id = a
        .ok(&["lead", "add", "--title", "消された案件"])
        .trim()
        .to_string();
    let call = a
        .ok(&["log", "call", "--lead", &id, "--summary", "最初の電話"])
        .trim()
        .to_string();
    a.sync();
    b.sync();
    // A deletes the lead; B, not having seen it, corrects the call's notes afterwards.
    a.ok(&["lead", "delete", &id]);
    std::thread::sleep(std::time::Duration::from_millis(5));
    b.ok(&[
        "activity",
        "edit",
        &call,
        "--summary",
        "最初の電話（先方は来月導入）",
    ]);
    a.sync();
    b.sync();
    a.sync();
    for rep in [&a, &b] {
        let shown = rep.lead(&id);
        assert_eq!(shown["title"], "消された案件", "{shown}");
        assert!(
            lists(
                &shown["activities"],
                "summary",
                "最初の電話（先方は来月導入）"
            ),
            "{shown}"
        );
    }
    assert_eq!(shared_state(&a.db()), shared_state(&b.db()));
}

#[test]
fn a_delete_after_an_activity_takes_the_activity_out_of_search() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path("Dropbox/sales")).unwrap();
    let (a, b) = (Rep::new(&s, "山本"), Rep::new(&s, "鈴木"));
    let id = a
        .ok(&["lead", "add", "--title", "消える案件"])
        .trim()
        .to_string();
    a.sync();
    b.sync();
    // B logs a call; A, not having seen it, deletes the lead afterwards.
    b.ok(&["log", "call", "--lead", &id, "--summary", "削除前の電話"]);
    assert!(activities_view(&b).contains("削除前の電話"));
    std::thread::sleep(std::time::Duration::from_millis(5));
    a.ok(&["lead", "delete", &id]);
    a.sync();
    b.sync();
    a.sync();
    for rep in [&a, &b] {
        assert_eq!(rep.run(&["lead", "show", &id]).status.code(), Some(1));
        let found = rep.ok(&["search", "削除前"]);
        assert!(!found.contains("削除前の電話"), "{found}");
        let timeline = activities_view(rep);
        assert!(!timeline.contains("削除前の電話"), "{timeline}");
    }
    assert_eq!(shared_state(&a.db()), shared_state(&b.db()));
}

/// The app's Activities view of `rep`'s database, at 120×40, as text.
fn activities_view(rep: &Rep<'_>) -> String {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let session = leadtrack::session::Session::open(Some(&rep.db()), Some(&rep.config)).unwrap();
    let mut app =
        leadtrack::tui::app::App::new(session, chrono::Local::now().date_naive()).unwrap();
    screen(&mut app, 120, 40);
    app.on_key(KeyEvent::new(KeyCode::Char('4'), KeyModifiers::NONE));
    screen(&mut app, 120, 40)
}

/// B's own version of the team file, as a sync tool leaves it beside the team file when two
/// saves clash: B publishes to a folder of its own, and the file is copied in as `name`.
fn copy_of_bs_team_file(s: &Scratch, b: &Rep<'_>, name: &str) {
    let elsewhere = s.path("B-laptop/team.leadtrack.db");
    std::fs::create_dir_all(s.path("B-laptop")).unwrap();
    let _ = std::fs::remove_file(&elsewhere);
    b.ok(&["sync", "--team-file", elsewhere.to_str().unwrap()]);
    std::fs::copy(&elsewhere, s.path(&format!("Dropbox/sales/{name}"))).unwrap();
}

#[test]
fn each_conflicted_copy_naming_is_merged_and_archived() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path("Dropbox/sales")).unwrap();
    let (a, b) = (Rep::new(&s, "山本"), Rep::new(&s, "鈴木"));
    a.ok(&["lead", "add", "--title", "最初の案件"]);
    a.sync();
    b.sync();
    let namings = [
        "team (鈴木's conflicted copy 2026-11-22).leadtrack.db",
        "team.sync-conflict-20261122-101500-ABCDEFG.leadtrack.db",
        "team-LAPTOP.leadtrack.db",
        "team (1).leadtrack.db",
        "team (conflicted copy 2026-11-22 101500).leadtrack.db",
        // With the README's multi-dot name, most tools mark the copy before `.db`.
        "team.leadtrack (2).db",
        "team.leadtrack-DESKTOP.db",
        // Copied by hand under a name no tool makes: known by what it holds.
        "team.leadtrack のコピー.db",
    ];
    let mut titles = Vec::new();
    for (i, name) in namings.iter().enumerate() {
        let title = format!("コピー{i}の案件");
        b.ok(&["lead", "add", "--title", &title]);
        copy_of_bs_team_file(&s, &b, name);
        titles.push(title);
    }
    // A backup in the folder, even named like a copy, is never merged or moved.
    b.ok(&["lead", "add", "--title", "バックアップだけの案件"]);
    let backup = s.path("Dropbox/sales/team.leadtrack (9).db");
    b.ok(&["backup", backup.to_str().unwrap()]);
    // Another team's file named like a copy is left alone and said so (a team two reps
    // have published to: one rep's own new team is taken in, see the split teams below).
    let stranger = Scratch::new();
    stranger.ok(&["lead", "add", "--title", "他人の案件"]);
    let theirs = stranger.path("team.leadtrack.db");
    stranger.ok(&["sync", "--team-file", theirs.to_str().unwrap()]);
    let teammate = Rep::new(&stranger, "他人");
    teammate.ok(&["sync", "--team-file", theirs.to_str().unwrap()]);
    teammate.ok(&["lead", "add", "--title", "他人の二件目"]);
    teammate.ok(&["sync", "--team-file", theirs.to_str().unwrap()]);
    std::fs::copy(&theirs, s.path("Dropbox/sales/team (3).leadtrack.db")).unwrap();

    let report = a.sync();
    for name in namings {
        assert!(
            report.contains(&format!(
                "From the conflicted copy {}",
                s.path(&format!("Dropbox/sales/{name}")).display()
            )),
            "{name}: {report}"
        );
        assert!(
            s.path(&format!("Dropbox/sales/leadtrack-archive/{name}"))
                .exists(),
            "{name}"
        );
    }
    assert!(
        report.contains("not a copy of this team's file"),
        "{report}"
    );
    assert!(s.path("Dropbox/sales/team (3).leadtrack.db").exists());
    assert!(backup.exists(), "the backup stays where it was put");
    assert!(!report.contains("(9)"), "{report}");
    let list = a.ok(&["lead", "list"]);
    for title in &titles {
        assert!(list.contains(title.as_str()), "{title}: {list}");
    }
    assert!(!list.contains("他人の案件"));
    assert!(!list.contains("バックアップだけの案件"));
}

#[test]
fn a_clock_hours_behind_still_orders_changes_by_what_each_rep_saw() {
    use leadtrack::model::lead::{LeadFields, LeadPatch};
    use leadtrack::store::Store;
    use leadtrack::store::leads::{self, Origin};
    let dir = tempfile::tempdir().unwrap();
    let mut a = Store::open(&dir.path().join("a.db"), "山本").unwrap();
    let mut b = Store::open(&dir.path().join("b.db"), "鈴木").unwrap();
    b.set_clock_offset(chrono::Duration::hours(-3));
    let snap = |store: &Store, name: &str| {
        let path = dir.path().join(name);
        store.snapshot(&path).unwrap();
        path
    };
    let id = a
        .write(|w| {
            leads::insert(
                w,
                &LeadFields {
                    title: "案件".into(),
                    ..Default::default()
                },
                &Origin::default(),
            )
        })
        .unwrap();
    let title = |t: &str| LeadPatch {
        title: Some(t.into()),
        ..Default::default()
    };
    a.write(|w| leads::update(w, &id, &title("Aが先に変更")))
        .unwrap();
    // B, three hours behind, sees A's change, then changes the title: B's change came
    // after, and wins, whatever B's wall clock says.
    b.merge_copy(&snap(&a, "a1.db"), "a").unwrap();
    b.write(|w| leads::update(w, &id, &title("Bが後で変更")))
        .unwrap();
    a.merge_copy(&snap(&b, "b1.db"), "b").unwrap();
    let get = |s: &Store| {
        leads::get(s.conn(), &id, Default::default())
            .unwrap()
            .unwrap()
            .title
    };
    assert_eq!(get(&a), "Bが後で変更");
    // Changes made without seeing each other: one answer on both sides, the loser kept.
    a.write(|w| leads::update(w, &id, &title("A同時"))).unwrap();
    b.write(|w| leads::update(w, &id, &title("B同時"))).unwrap();
    a.merge_copy(&snap(&b, "b2.db"), "b").unwrap();
    b.merge_copy(&snap(&a, "a2.db"), "a").unwrap();
    assert_eq!(get(&a), get(&b));
    let kept = leadtrack::store::history::of_record(a.conn(), &id).unwrap();
    let loser = if get(&a) == "A同時" {
        "B同時"
    } else {
        "A同時"
    };
    assert!(kept.iter().any(|h| h.previous == loser), "{kept:?}");
}

/// A rep's machine whose clock says year 2300: the rep's own changes, made through the
/// library with that clock, and their rounds.
struct FarAhead {
    store: leadtrack::store::Store,
    config: leadtrack::config::Config,
    team: PathBuf,
}

impl FarAhead {
    fn new(rep: &Rep<'_>) -> FarAhead {
        let mut store = leadtrack::store::Store::open(&rep.db(), rep.name).unwrap();
        let year_2300 = chrono::DateTime::parse_from_rfc3339("2300-01-01T12:00:00Z").unwrap();
        store.set_clock_offset(year_2300.with_timezone(&chrono::Utc) - chrono::Utc::now());
        let text = std::fs::read_to_string(&rep.config).unwrap();
        let config = leadtrack::config::Config::parse(&text, &rep.config).unwrap();
        FarAhead {
            store,
            config,
            team: team_file(rep.s),
        }
    }

    fn round(&mut self) -> leadtrack::sync::RoundReport {
        leadtrack::sync::run_round(&mut self.store, &self.config, &self.team).unwrap()
    }
}

/// The app's status line after the first background round of `rep` (with their config).
fn status_after_a_round(rep: &Rep<'_>) -> String {
    use leadtrack::tui::app::App;
    let today = chrono::Local::now().date_naive();
    let session = leadtrack::session::Session::open(Some(&rep.db()), Some(&rep.config)).unwrap();
    let mut app = App::new(session, today).unwrap();
    app.start_sync(team_file(rep.s));
    let round = std::time::Duration::from_secs(20);
    assert!(
        app.sync.as_ref().unwrap().wait_for_round(round),
        "a round within {round:?}"
    );
    app.tick(today);
    let line = status_line(&mut app);
    app.stop_sync();
    line
}

/// The app's status line on a 240-column screen.
fn status_line(app: &mut leadtrack::tui::app::App) -> String {
    screen(app, 240, 30)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_clock_in_year_2300_is_named_and_the_team_still_converges() {
    use leadtrack::config::Language;
    use leadtrack::model::activity::ActivityFields;
    use leadtrack::model::lead::{LeadFields, LeadPatch};
    use leadtrack::store::leads::Origin;
    use leadtrack::store::{activities, leads};
    let s = Scratch::new();
    std::fs::create_dir_all(s.path("Dropbox/sales")).unwrap();
    let (a, b, c) = (
        Rep::new(&s, "山本"),
        Rep::new(&s, "鈴木"),
        Rep::new(&s, "田中"),
    );
    let shared = a
        .ok(&["lead", "add", "--title", "共有の案件"])
        .trim()
        .to_string();
    a.sync();
    b.sync();

    // 山本's clock jumps to 2300: a new lead with a call on it, and an edit, published.
    let mut far = FarAhead::new(&a);
    let title = |t: &str| LeadPatch {
        title: Some(t.into()),
        ..Default::default()
    };
    let new_lead = far
        .store
        .write(|w| {
            let id = leads::insert(
                w,
                &LeadFields {
                    title: "未来の案件".into(),
                    ..Default::default()
                },
                &Origin::default(),
            )?;
            activities::insert(
                w,
                &ActivityFields {
                    kind: leadtrack::model::ActivityKind::Call,
                    lead_id: Some(id.clone()),
                    contact_id: None,
                    occurred_at: chrono::Utc::now(),
                    duration_minutes: None,
                    direction: None,
                    summary: "未来からの電話".into(),
                    body: None,
                    by: Some("山本".into()),
                    campaign_id: None,
                },
                &Origin::default(),
            )?;
            leads::update(w, &shared, &title("山本が2300年に変更"))?;
            Ok(id)
        })
        .unwrap();
    assert!(far.round().published);

    // The others take it in, and are told whose clock it is.
    let seen = b.sync();
    assert!(
        seen.contains("山本's clock is far ahead") && seen.contains("2300-01-01"),
        "{seen}"
    );
    let seen_ja = c.ok(&["--lang", "ja", "sync"]);
    assert!(
        seen_ja.contains("山本さんのパソコンの時計が大きく進んでいます"),
        "{seen_ja}"
    );
    let team = team_file(&s);
    for line in seen_ja.lines() {
        common::speaks_one_language(line, Language::Ja, &team.display().to_string());
    }
    let d = Rep::new(&s, "Tanaka");
    let status = status_after_a_round(&d);
    assert!(status.contains("山本's clock is far ahead"), "{status}");
    assert_eq!(b.lead(&new_lead)["title"], "未来の案件");
    assert!(
        b.ok(&["lead", "show", &new_lead])
            .contains("未来からの電話"),
        "the call came with its lead"
    );
    // The team file stays readable by anyone.
    let looked = s
        .bare()
        .arg("--db")
        .arg(&team)
        .args(["lead", "list"])
        .output()
        .unwrap();
    assert!(
        looked.status.success(),
        "{}",
        String::from_utf8_lossy(&looked.stderr)
    );

    // 鈴木 changes the title after seeing 山本's change: that is the later change, whatever
    // the clocks say.
    b.ok(&["lead", "edit", &shared, "--title", "鈴木が後で変更"]);
    b.sync();
    // At 山本's next round the team's word comes back: this clock is far ahead.
    let report = far.round();
    assert!(report.clock_far_ahead.is_some(), "{report:?}");
    let told = leadtrack::sync::clock::warnings(&report, Language::En).join("\n");
    assert!(
        told.contains("This computer's clock says 2300-01-01"),
        "{told}"
    );
    let told_ja = leadtrack::sync::clock::warnings(&report, Language::Ja).join("\n");
    assert!(told_ja.contains("このパソコンの時計"), "{told_ja}");
    // A round that brings nothing new from the future names no one.
    assert!(!b.sync().contains("far ahead"));
    drop(far);
    c.sync();
    a.sync();
    b.sync();
    c.sync();
    d.sync();
    for rep in [&a, &b, &c, &d] {
        assert_eq!(rep.lead(&shared)["title"], "鈴木が後で変更", "{}", rep.name);
    }
    assert_eq!(shared_state(&a.db()), shared_state(&b.db()));
    assert_eq!(shared_state(&b.db()), shared_state(&c.db()));
    assert_eq!(shared_state(&c.db()), shared_state(&d.db()));
}

#[test]
fn bad_team_files_are_refused_and_the_local_database_is_untouched() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path("Dropbox/sales")).unwrap();
    let a = Rep::new(&s, "山本");
    a.ok(&["demo", "--leads", "20"]);
    a.sync();
    let team = team_file(&s);
    let good = std::fs::read(&team).unwrap();
    let b = Rep::new(&s, "鈴木");
    b.ok(&["lead", "add", "--title", "手元の案件"]);
    b.ok(&["check"]);
    let local = bytes(&b.db());

    let plain = s.path("plain.db");
    rusqlite::Connection::open(&plain)
        .unwrap()
        .execute_batch("CREATE TABLE notes (x); INSERT INTO notes VALUES ('hi');")
        .unwrap();
    let newer = s.path("newer.db");
    std::fs::write(&newer, &good).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated", good[..good.len() / 2].to_vec(), "damaged"),
        (
            "not SQLite",
            b"this is a text file, not a database\n".repeat(200),
            "is not a leadtrack database",
        ),
        (
            "not leadtrack",
            std::fs::read(&plain).unwrap(),
            "is not a leadtrack database",
        ),
        (
            "newer",
            std::fs::read(&newer).unwrap(),
            "written by a newer leadtrack",
        ),
    ];
    for (what, content, expected) in cases {
        std::fs::write(&team, &content).unwrap();
        let err = common::refused_both(|| b.command(&["sync"]), &team.display().to_string());
        assert!(
            err.contains(expected) && err.contains("team.leadtrack.db"),
            "{what}: {err}"
        );
        assert!(
            local == bytes(&b.db()),
            "{what}: the local database changed"
        );
        assert_eq!(
            std::fs::read(&team).unwrap(),
            content,
            "{what}: the team file is left as it was"
        );
    }
    std::fs::remove_dir_all(s.path("Dropbox")).unwrap();
    let err = common::refused_both(|| b.command(&["sync"]), &team.display().to_string());
    assert!(err.contains("not reachable — working locally"), "{err}");
}

/// A team folder the rep may read but not write (a share set up read-only for them): the
/// round brings the news in, says what it pulled and that nothing was published, names the
/// folder and what to do, and leaves nothing behind in it.
#[cfg(unix)]
#[test]
fn a_read_only_team_folder_pulls_the_news_and_says_nothing_was_published() {
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::new();
    let folder = s.path("Dropbox/sales");
    std::fs::create_dir_all(&folder).unwrap();
    let (a, b) = (Rep::new(&s, "山本"), Rep::new(&s, "鈴木"));
    a.ok(&["lead", "add", "--title", "最初の案件"]);
    a.sync();
    b.sync();
    let news = a
        .ok(&["lead", "add", "--title", "山本の新しい案件"])
        .trim()
        .to_string();
    a.sync();
    let mine = b
        .ok(&["lead", "add", "--title", "鈴木の手元の案件"])
        .trim()
        .to_string();
    let team = team_file(&s);
    let published = bytes(&team);

    let who = common::unprivileged::Unprivileged::new();
    who.hand_over(s.dir.path());
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let as_b = |args: &[&str]| {
        let mut cmd = s.bare_as(&who);
        cmd.arg("--db")
            .arg(b.db())
            .arg("--config")
            .arg(&b.config)
            .args(args);
        cmd
    };
    let out = as_b(&["sync"]).output().unwrap();
    let (said, err) = (
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    );
    assert_eq!(out.status.code(), Some(1), "{said}{err}");
    assert!(
        said.contains(&format!("From {}: 1 new records", team.display())),
        "what was pulled: {said}{err}"
    );
    assert!(!said.contains("Published"), "{said}");
    // One sentence, in each language, naming the folder and what to do.
    let refused = common::refused_both(|| as_b(&["sync"]), &folder.display().to_string());
    assert!(
        refused.contains(&format!(
            "the team folder {} is read-only",
            folder.display()
        )) && refused.contains("nothing was published")
            && refused.contains("write access"),
        "{refused}"
    );
    assert!(!refused.contains(".publishing"), "{refused}");
    // The news is in, whole; the rep's own lead is still only here; the folder is as it was.
    assert_eq!(b.lead(&news)["title"], "山本の新しい案件");
    assert_eq!(b.lead(&mine)["title"], "鈴木の手元の案件");
    b.ok(&["check"]);
    assert_eq!(bytes(&team), published, "the team file is untouched");
    let left: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["team.leadtrack.db"], "nothing left in the folder");

    // Once the folder may be written again, the next round publishes.
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(b.sync().contains("Published"));
    assert!(a.sync().contains("1 new records"));
    assert_eq!(a.lead(&mine)["title"], "鈴木の手元の案件");
}

#[test]
fn killing_a_sync_while_it_publishes_never_leaves_a_broken_team_file() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path("Dropbox/sales")).unwrap();
    let a = Rep::new(&s, "山本");
    a.ok(&["demo", "--leads", "200"]);
    a.sync();
    let team = team_file(&s);
    let kills: usize = std::env::var("LEADTRACK_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    for i in 0..kills {
        // Something new each time, so every round publishes.
        a.ok(&["lead", "add", "--title", &format!("案件{i}")]);
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_leadtrack"))
            .env_clear()
            .env("HOME", s.dir.path())
            .arg("--db")
            .arg(a.db())
            .arg("--config")
            .arg(&a.config)
            .arg("sync")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        std::thread::sleep(std::time::Duration::from_micros(rng % 60_000));
        let _ = child.kill();
        let _ = child.wait();
        let copy = s.path("check.db");
        std::fs::copy(&team, &copy).unwrap();
        let conn = rusqlite::Connection::open(&copy).unwrap();
        let ok: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok", "kill {i}");
        let app: i64 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap();
        assert_eq!(app, leadtrack::store::APPLICATION_ID, "kill {i}");
    }
    // Whatever was killed, the next round publishes everything.
    a.sync();
    assert_eq!(shared_state(&a.db()), shared_state(&team));
}

/// A soak: the app and a script write one database for `LEADTRACK_SOAK_SECS` (a minute
/// unless told), and nothing either saved is lost or refused as locked. Long, so it is left
/// out of a plain `cargo test`; `.ci/run` runs it. How much each side writes depends on the
/// machine: the test asserts only that both wrote while the other was writing (each side
/// goes on past the time until the other has saved something), never a rate.
#[test]
#[ignore = "a soak of a minute; .ci/run runs it"]
fn the_app_and_a_script_write_the_same_database_for_a_minute() {
    use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
    use leadtrack::session::Session;
    use leadtrack::tui::app::App;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let s = Scratch::new();
    let lead = s
        .ok(&["lead", "add", "--title", "同時書き込み"])
        .trim()
        .to_string();
    let seconds: u64 = std::env::var("LEADTRACK_SOAK_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60);
    let until = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    let from_app = Arc::new(AtomicUsize::new(0));
    let from_script = Arc::new(AtomicUsize::new(0));
    let db = s.db();
    let app_lead = lead.clone();
    let (app_saved, script_saved) = (Arc::clone(&from_app), Arc::clone(&from_script));
    let app = std::thread::spawn(move || {
        let mut app = App::new(
            Session::open(Some(&db), None).unwrap(),
            chrono::Local::now().date_naive(),
        )
        .unwrap();
        let key = |code| KeyEvent {
            code,
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        };
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
        while std::time::Instant::now() < until || script_saved.load(Ordering::SeqCst) == 0 {
            app.open_detail(&app_lead);
            leadtrack::tui::draw(&mut terminal, &mut app).unwrap();
            app.on_key(key(KeyCode::Char('n')));
            for c in "アプリのメモ".chars() {
                app.on_key(key(KeyCode::Char(c)));
            }
            app.on_key(key(KeyCode::Enter));
            app.on_key(key(KeyCode::Enter));
            let status = app.status.clone().unwrap();
            assert!(!status.error, "the app failed to save: {}", status.text);
            assert!(app.popup.is_none());
            app_saved.fetch_add(1, Ordering::SeqCst);
            app.tick(chrono::Local::now().date_naive());
            // A rep's pace, and room for the script between saves.
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    });
    while (std::time::Instant::now() < until || from_app.load(Ordering::SeqCst) == 0)
        && !app.is_finished()
    {
        let out = s
            .cmd()
            .args([
                "log",
                "note",
                "--lead",
                &lead,
                "--summary",
                "スクリプトのメモ",
            ])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "the script failed: {err}");
        assert!(!err.contains("locked"));
        from_script.fetch_add(1, Ordering::SeqCst);
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    app.join().unwrap();
    let (from_app, script) = (
        from_app.load(Ordering::SeqCst),
        from_script.load(Ordering::SeqCst),
    );
    let conn = rusqlite::Connection::open(s.db()).unwrap();
    let count = |summary: &str| -> usize {
        conn.query_row(
            "SELECT count(*) FROM activities WHERE summary = ?1",
            [summary],
            |r| r.get::<_, i64>(0),
        )
        .map(|n| usize::try_from(n).unwrap())
        .unwrap()
    };
    assert_eq!(
        count("アプリのメモ"),
        from_app,
        "everything the app saved is there"
    );
    assert_eq!(
        count("スクリプトのメモ"),
        script,
        "everything the script saved is there"
    );
    eprintln!("{seconds} s: the app saved {from_app} notes, the script {script}, none lost");
}

#[test]
fn two_reps_changing_a_contacts_addresses_at_once_keep_both() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path("Dropbox/sales")).unwrap();
    let (a, b) = (Rep::new(&s, "山本"), Rep::new(&s, "鈴木"));
    let id = a
        .ok(&[
            "contact",
            "add",
            "--name",
            "佐藤 花子",
            "--email",
            "hanako@midori.example.co.jp",
            "--mobile",
            "090-1111-2222",
        ])
        .trim()
        .to_string();
    a.sync();
    b.sync();
    // At once, before either syncs: 山本 replaces the preferred address, 鈴木 adds a home one
    // and a number.
    a.ok(&[
        "contact",
        "edit",
        &id,
        "--email",
        "h.sato@midori.example.co.jp",
    ]);
    b.ok(&[
        "contact",
        "edit",
        &id,
        "--add-email",
        "hanako@home.example.jp (home)",
        "--add-phone",
        "03-1111-2222 (home)",
    ]);
    a.sync();
    b.sync();
    a.sync();
    let show = |rep: &Rep| -> Value {
        serde_json::from_str(&rep.ok(&["contact", "show", &id, "--format", "json"])).unwrap()
    };
    let (seen_a, seen_b) = (show(&a), show(&b));
    let emails = |c: &Value| -> Vec<String> {
        let mut all: Vec<String> = c["emails"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["value"].as_str().unwrap().to_string())
            .collect();
        all.sort();
        all
    };
    assert_eq!(
        emails(&seen_a),
        ["h.sato@midori.example.co.jp", "hanako@home.example.jp"],
        "both reps' addresses, the replaced one gone"
    );
    assert_eq!(emails(&seen_a), emails(&seen_b));
    assert_eq!(seen_a["email"], "h.sato@midori.example.co.jp");
    assert_eq!(seen_a["phones"], seen_b["phones"]);
    assert_eq!(seen_a["phones"].as_array().unwrap().len(), 2);
    // The replaced address is in the history, on both.
    for seen in [&seen_a, &seen_b] {
        assert!(
            lists(&seen["history"], "previous", "hanako@midori.example.co.jp"),
            "{seen}"
        );
    }
    assert_eq!(shared_state(&a.db()), shared_state(&b.db()));
}

#[test]
fn two_reps_tagging_one_lead_at_once_keep_both_tags() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path("Dropbox/sales")).unwrap();
    let (a, b) = (Rep::new(&s, "山本"), Rep::new(&s, "鈴木"));
    let id = a
        .ok(&[
            "lead",
            "add",
            "--title",
            "タグの案件",
            "--tag",
            "既存",
            "--tag",
            "残す",
            "--tag",
            "戻す",
        ])
        .trim()
        .to_string();
    let card = a
        .ok(&["contact", "add", "--name", "佐藤 花子", "--tag", "名刺"])
        .trim()
        .to_string();
    a.sync();
    b.sync();
    // At once: each adds a tag of their own, to the lead and to the contact.
    a.ok(&["lead", "edit", &id, "--tag", "既存,残す,戻す,展示会"]);
    b.ok(&["lead", "edit", &id, "--tag", "既存,残す,戻す,紹介"]);
    a.ok(&["contact", "edit", &card, "--tag", "名刺,展示会"]);
    b.ok(&["contact", "edit", &card, "--tag", "名刺,紹介"]);
    // An add and a remove of the same tag: the later wins. B takes 既存 off and puts it
    // back, then A takes it off; A takes 戻す off, then B takes it off and puts it back.
    b.ok(&["lead", "edit", &id, "--tag", "残す,戻す,紹介"]);
    b.ok(&["lead", "edit", &id, "--tag", "残す,戻す,紹介,既存"]);
    std::thread::sleep(std::time::Duration::from_millis(5));
    a.ok(&["lead", "edit", &id, "--tag", "残す,戻す,展示会"]);
    a.ok(&["lead", "edit", &id, "--tag", "残す,展示会"]);
    std::thread::sleep(std::time::Duration::from_millis(5));
    b.ok(&["lead", "edit", &id, "--tag", "残す,紹介,既存"]);
    b.ok(&["lead", "edit", &id, "--tag", "残す,紹介,既存,戻す"]);
    a.sync();
    b.sync();
    a.sync();
    let tags = |v: &Value| -> Vec<String> {
        let mut all: Vec<String> = v["tags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap().to_string())
            .collect();
        all.sort();
        all
    };
    for rep in [&a, &b] {
        let lead = rep.lead(&id);
        let mut want = vec!["展示会", "戻す", "残す", "紹介"];
        want.sort_unstable();
        assert_eq!(tags(&lead), want, "{}: {lead}", rep.name);
        // The tag A took off is in the history, on both.
        assert!(
            lead["history"]
                .as_array()
                .unwrap()
                .iter()
                .any(|h| h["field"] == "tags" && h["previous"] == "既存"),
            "{lead}"
        );
        let contact: Value =
            serde_json::from_str(&rep.ok(&["contact", "show", &card, "--format", "json"])).unwrap();
        let mut want = vec!["名刺", "展示会", "紹介"];
        want.sort_unstable();
        assert_eq!(tags(&contact), want, "{}: {contact}", rep.name);
        // The filters see the merged tags too.
        assert!(
            rep.ok(&["lead", "list", "--tag", "展示会"])
                .contains("タグの案件")
        );
        assert!(
            rep.ok(&["lead", "list", "--tag", "紹介"])
                .contains("タグの案件")
        );
    }
    assert_eq!(shared_state(&a.db()), shared_state(&b.db()));
    // A round with nothing new changes nothing.
    assert!(a.sync().contains("already holds everything"));
}

/// On a share used by several Unix users of one group, the team file is the group's to read
/// and write (0660); in a private folder, and always for the local database and backups, it
/// is owner-only (0600).
#[cfg(unix)]
#[test]
fn the_team_file_takes_the_folders_group_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let s = Scratch::new();
    let shared = s.path("Dropbox/sales");
    std::fs::create_dir_all(&shared).unwrap();
    // A setgid, group-writable folder, as a team share is set up.
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o2775)).unwrap();
    let a = Rep::new(&s, "山本");
    a.ok(&["lead", "add", "--title", "共有の案件"]);
    a.sync();
    let team = shared.join("team.leadtrack.db");
    assert_eq!(mode(&team), 0o660, "the team file in a group folder");
    assert_eq!(mode(&a.db()), 0o600, "the local database");
    // Each round publishes anew: the next file keeps the group's permissions.
    a.ok(&["lead", "add", "--title", "次の案件"]);
    a.sync();
    assert_eq!(mode(&team), 0o660);
    let backup = shared.join("backup.db");
    a.ok(&["backup", backup.to_str().unwrap()]);
    assert_eq!(mode(&backup), 0o600, "a backup, even in the group folder");

    // A private folder keeps the team file owner-only.
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o700)).unwrap();
    a.ok(&["lead", "add", "--title", "非公開の案件"]);
    a.sync();
    assert_eq!(mode(&team), 0o600, "the team file in a private folder");
}

/// Looking inside the team file by name never changes it: it opens read-only, says so, and
/// leaves no `-wal` or `-shm` beside it in the synced folder.
#[test]
fn a_team_file_opened_by_name_is_only_read() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path("Dropbox/sales")).unwrap();
    let a = Rep::new(&s, "山本");
    a.ok(&["lead", "add", "--title", "共有の案件"]);
    a.sync();
    let team = s.path("Dropbox/sales/team.leadtrack.db");
    let before = bytes(&team);
    let look = |args: &[&str]| s.bare().arg("--db").arg(&team).args(args).output().unwrap();
    let listed = look(&["lead", "list"]);
    assert!(listed.status.success());
    assert!(String::from_utf8_lossy(&listed.stdout).contains("共有の案件"));
    let note = String::from_utf8_lossy(&listed.stderr).to_string();
    assert!(
        note.contains("is a team file: it is opened read-only"),
        "{note}"
    );
    let ja = look(&["--lang", "ja", "lead", "list"]);
    assert!(
        String::from_utf8_lossy(&ja.stderr).contains("チームファイルなので読み取り専用"),
        "{}",
        String::from_utf8_lossy(&ja.stderr)
    );
    let refused = look(&["lead", "add", "--title", "書き込めない案件"]);
    assert_eq!(refused.status.code(), Some(1));
    let said = String::from_utf8_lossy(&refused.stderr).to_string();
    assert!(
        said.starts_with("error: ") && said.contains("is a team file, opened read-only"),
        "{said}"
    );
    assert_eq!(said.trim_end().lines().count(), 1, "{said}");
    assert_eq!(
        before,
        bytes(&team),
        "the team file is byte for byte as it was"
    );
    for beside in ["-wal", "-shm", "-journal"] {
        let path = format!("{}{beside}", team.display());
        assert!(
            !Path::new(&path).exists(),
            "{path} left in the synced folder"
        );
    }
    // The rep's own database is not a team file, and stays writable.
    a.ok(&["lead", "add", "--title", "自分の案件"]);
}

#[test]
fn a_change_in_the_app_on_a_team_file_says_it_is_a_team_file() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use leadtrack::config::Language;
    use leadtrack::tui::app::App;
    let s = Scratch::new();
    std::fs::create_dir_all(s.path("Dropbox/sales")).unwrap();
    let a = Rep::new(&s, "山本");
    a.ok(&["lead", "add", "--title", "共有の案件"]);
    a.sync();
    let team = team_file(&s);
    let before = bytes(&team);
    for (language, said) in [
        (Language::En, "is a team file, opened read-only"),
        (
            Language::Ja,
            "はチームファイルなので読み取り専用で開きました",
        ),
    ] {
        let mut session = leadtrack::session::Session::open(Some(&team), None).unwrap();
        session.config.language = language;
        let mut app = App::new(session, chrono::Local::now().date_naive()).unwrap();
        status_line(&mut app);
        app.on_key(KeyEvent::new(KeyCode::Char('L'), KeyModifiers::NONE));
        let status = status_line(&mut app);
        assert!(status.contains(said), "{language:?}: {status}");
        assert!(!status.contains("is read-only;"), "{status}");
    }
    assert_eq!(
        before,
        bytes(&team),
        "the team file is byte for byte as it was"
    );
}

/// The sync tool keeps `winner`'s first team file and leaves `loser`'s beside it as a
/// conflicted copy: each published to a folder of its own before either file arrived.
fn first_rounds_at_once(s: &Scratch, winner: &Rep<'_>, loser: &Rep<'_>) {
    for rep in [winner, loser] {
        let own = s.path(&format!("{}-laptop/team.leadtrack.db", rep.name));
        std::fs::create_dir_all(own.parent().unwrap()).unwrap();
        rep.ok(&["sync", "--team-file", own.to_str().unwrap()]);
    }
    let copy = |rep: &Rep<'_>, to: &str| {
        let own = s.path(&format!("{}-laptop/team.leadtrack.db", rep.name));
        std::fs::copy(own, s.path(&format!("Dropbox/sales/{to}"))).unwrap();
    };
    copy(winner, "team.leadtrack.db");
    copy(
        loser,
        &format!(
            "team ({}'s conflicted copy 2026-11-30).leadtrack.db",
            loser.name
        ),
    );
}

#[test]
fn two_reps_making_the_team_at_once_end_in_one_team() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path("Dropbox/sales")).unwrap();
    let (aki, ben) = (Rep::new(&s, "aki"), Rep::new(&s, "ben"));
    aki.ok(&["lead", "add", "--title", "あきの案件"]);
    ben.ok(&["lead", "add", "--title", "べんの案件"]);
    first_rounds_at_once(&s, &ben, &aki);
    for _ in 0..2 {
        for rep in [&aki, &ben] {
            let out = rep.run(&["sync"]);
            assert!(
                out.status.success(),
                "{}: {}",
                rep.name,
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    assert_eq!(shared_state(&aki.db()), shared_state(&ben.db()));
    for rep in [&aki, &ben] {
        let list = rep.ok(&["lead", "list"]);
        assert!(
            list.contains("あきの案件") && list.contains("べんの案件"),
            "{}: {list}",
            rep.name
        );
        assert!(
            rep.sync().contains("already holds everything"),
            "{}",
            rep.name
        );
    }

    // A newcomer whose first round publishes before the team file reached them: their file
    // becomes the team file and the real one a conflicted copy.
    let carl = Rep::new(&s, "carl");
    carl.ok(&["lead", "add", "--title", "かーるの案件"]);
    let own = s.path("carl-laptop/team.leadtrack.db");
    std::fs::create_dir_all(own.parent().unwrap()).unwrap();
    carl.ok(&["sync", "--team-file", own.to_str().unwrap()]);
    let team = team_file(&s);
    std::fs::rename(
        &team,
        s.path("Dropbox/sales/team (carl's conflicted copy 2026-11-30).leadtrack.db"),
    )
    .unwrap();
    std::fs::copy(&own, &team).unwrap();
    for _ in 0..2 {
        for rep in [&aki, &ben, &carl] {
            let out = rep.run(&["sync"]);
            assert!(
                out.status.success(),
                "{}: {}",
                rep.name,
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    let state = shared_state(&aki.db());
    assert_eq!(state, shared_state(&ben.db()));
    assert_eq!(state, shared_state(&carl.db()));
    let list = carl.ok(&["lead", "list"]);
    for title in ["あきの案件", "べんの案件", "かーるの案件"] {
        assert!(list.contains(title), "{title}: {list}");
    }
}

#[test]
fn a_new_rep_joins_with_a_working_copy_of_the_team_file() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path("Dropbox/sales")).unwrap();
    let a = Rep::new(&s, "山本");
    let lead = a
        .ok(&["lead", "add", "--title", "共有の案件", "--tag", "展示会"])
        .trim()
        .to_string();
    a.ok(&["log", "call", "--lead", &lead, "--summary", "初回の電話"]);
    a.sync();
    let b = Rep::new(&s, "鈴木");
    let said = b.sync();
    assert!(said.contains("new records"), "{said}");
    assert_eq!(a.lead(&lead), b.lead(&lead), "B holds A's lead as A does");
    // B's copy is a working database: in WAL mode again after being written page by page
    // through a rollback journal, owner-only, and not a team file (it takes changes).
    let header = bytes(&b.db());
    assert_eq!(
        (header[18], header[19]),
        (2, 2),
        "B's database is in WAL mode"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(b.db()).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    assert!(!Path::new(&format!("{}-journal", b.db().display())).exists());
    b.ok(&["lead", "edit", &lead, "--title", "鈴木が直した案件"]);
    b.sync();
    a.sync();
    let title = a.lead(&lead)["title"].as_str().unwrap().to_string();
    assert_eq!(title, "鈴木が直した案件");
    // B's edit is B's: the copy took a node of its own, not A's.
    let by = a.lead(&lead)["updated_by"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert_eq!(by, "鈴木");
}

#[test]
fn a_reps_own_database_in_the_team_folder_is_never_taken_for_a_copy() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path("Dropbox/sales")).unwrap();
    let a = Rep::new(&s, "山本");
    a.ok(&["lead", "add", "--title", "共有の案件"]);
    a.sync();
    // A rep who keeps their database in the synced folder, under a name a sync tool could
    // have given a conflicted copy, joins the team and syncs again.
    let own = s.path("Dropbox/sales/team.leadtrack (2).db");
    let b = Rep::new(&s, "鈴木");
    let run = |args: &[&str]| {
        let out = b.command(args).arg("--db").arg(&own).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    run(&["sync"]);
    run(&["lead", "add", "--title", "鈴木の案件"]);
    let second = run(&["sync"]);
    assert!(!second.contains("conflicted copy"), "{second}");
    assert!(own.exists(), "the rep's database stays where it is");
    assert!(!s.path("Dropbox/sales/leadtrack-archive").exists());
    assert!(run(&["lead", "list"]).contains("鈴木の案件"));
    // Nor does another rep's round take it: it was never published as a team file.
    let theirs = a.sync();
    assert!(
        theirs.contains(&format!("Left alone {}", own.display()))
            && theirs.contains("not a copy of this team's file"),
        "{theirs}"
    );
    assert!(own.exists(), "the rep's database stays where it is");
    assert!(!s.path("Dropbox/sales/leadtrack-archive").exists());
    assert!(a.ok(&["lead", "list"]).contains("鈴木の案件"));
}
