//! The command line as scripts use it (SPEC §4): every command, its output and its errors.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use chrono::{Duration, Local};
use common::{Scratch, bytes};
use serde_json::Value;

fn day(offset: i64) -> String {
    (Local::now().date_naive() + Duration::days(offset)).to_string()
}

fn add_midori(s: &Scratch) -> String {
    let id = s.ok(&[
        "lead",
        "add",
        "--title",
        "ミドリ技研 設備更新",
        "--company",
        "ミドリ技研株式会社",
        "--stage",
        "considering",
        "--next-action",
        "見積送付",
        "--due",
        "+2d",
    ]);
    id.trim().to_string()
}

#[test]
fn the_foundation_story_works_as_written() {
    let s = Scratch::new();
    let id = add_midori(&s);
    assert_eq!(id.len(), 36, "prints the new id: {id}");

    let tomorrow = day(1);
    let activity = s.ok(&[
        "log",
        "call",
        "--lead",
        &id[..13],
        "--summary",
        "課長と電話",
        "--next-action",
        "デモ",
        "--due",
        "tomorrow",
    ]);
    assert_eq!(activity.trim().len(), 36);
    let moved = s.ok(&["lead", "move", &id, "future"]);
    assert!(moved.contains("Future potential"), "{moved}");

    let lead = s.json(&["lead", "show", &id, "--format", "json"]);
    assert_eq!(lead["stage"], "future");
    assert_eq!(lead["next_action"], "デモ");
    assert_eq!(lead["next_action_on"], tomorrow);
    assert_eq!(lead["activities"][0]["kind"], "call");
    assert_eq!(lead["activities"][0]["summary"], "課長と電話");
    let stages: Vec<(&Value, &Value)> = lead["stage_history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (&s["from"], &s["to"]))
        .collect();
    assert_eq!(
        stages,
        [
            (&Value::Null, &Value::from("considering")),
            (&Value::from("considering"), &Value::from("future"))
        ]
    );
    let replaced: Vec<&str> = lead["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["field"].as_str().unwrap())
        .collect();
    assert!(
        replaced.contains(&"next_action") && replaced.contains(&"stage"),
        "{replaced:?}"
    );
    let old_action = lead["history"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["field"] == "next_action")
        .unwrap();
    assert_eq!(old_action["previous"], "見積送付");
    assert_eq!(old_action["replaced_by"], "tester");

    for query in ["ミドリ", "みどり", "ﾐﾄﾞﾘ"] {
        let found = s.json(&["search", query, "--format", "json"]);
        assert_eq!(found["leads"][0]["id"], id.as_str(), "search {query}");
    }

    let check = s.ok(&["check"]);
    assert!(check.contains("Integrity    ok"), "{check}");
    let backup = s.path("b.db");
    s.ok(&["backup", backup.to_str().unwrap()]);
    let copy = rusqlite::Connection::open(&backup).unwrap();
    let ok: String = copy
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let title: String = copy
        .query_row("SELECT title FROM leads", [], |r| r.get(0))
        .unwrap();
    assert_eq!(title, "ミドリ技研 設備更新");
}

/// A move taken back in the app stays in the stage history: `lead show` marks it (and the
/// move that took it back) as undone, in the text and in the JSON.
#[test]
fn lead_show_marks_undone_moves() {
    let s = Scratch::new();
    let id = add_midori(&s);
    s.ok(&["lead", "move", &id, "future"]);
    let lead = s.json(&["lead", "show", &id, "--format", "json"]);
    let change = lead["stage_history"][1]["id"].as_str().unwrap().to_string();
    // What `u` in the app does.
    let mut session = leadtrack::session::Session::open(Some(&s.db()), None).unwrap();
    leadtrack::features::leads::undo_move(&mut session.store, &id, &change).unwrap();
    drop(session);

    let shown = s.ok(&["lead", "show", &id]);
    let moves: Vec<&str> = shown
        .lines()
        .skip_while(|l| *l != "Stage history")
        .skip(1)
        .take(3)
        .collect();
    assert!(!moves[0].contains("(undone)"), "{shown}");
    assert!(
        moves[1].contains("Considering → Future potential") && moves[1].contains("(undone)"),
        "{shown}"
    );
    assert!(
        moves[2].contains("Future potential → Considering") && moves[2].contains("(undone)"),
        "{shown}"
    );
    let undone: Vec<Value> = s.json(&["lead", "show", &id, "--format", "json"])["stage_history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["undone"].clone())
        .collect();
    assert_eq!(undone, [false, true, true].map(Value::from));
}

#[test]
fn demo_fills_all_three_stages_with_japanese_names() {
    let s = Scratch::new();
    let today = day(0);
    let out = s.ok(&["demo"]);
    assert!(out.starts_with("Added "), "{out}");
    // Links, which outnumber the contacts: not "120 contacts on leads" out of 90.
    assert!(out.contains(" places on leads)"), "{out}");
    let leads = s.json(&["lead", "list", "--format", "json"]);
    let leads = leads.as_array().unwrap();
    let count = |stage: &str| leads.iter().filter(|l| l["stage"] == stage).count();
    let (c, f, n) = (count("considering"), count("future"), count("no_prospect"));
    assert!(c > 0 && f > 0 && n > 0, "{c}/{f}/{n}");
    assert!(f > n && n > c / 2, "roughly 10/65/25: {c}/{f}/{n}");
    assert!(
        leads
            .iter()
            .any(|l| l["company"].as_str().unwrap_or("").contains("株式会社"))
    );
    let with_people = leads
        .iter()
        .filter(|l| !l["contacts"].as_array().unwrap().is_empty())
        .count();
    assert!(with_people > leads.len() / 2);
    let customers = s.json(&["lead", "list", "--stage", "customer", "--format", "json"]);
    assert!(!customers.as_array().unwrap().is_empty(), "some customers");
    let contacts = s.json(&["contact", "list", "--format", "json"]);
    assert!(
        contacts
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["family_reading"].is_string())
    );
    // Next actions overdue, today and later.
    let dues: Vec<String> = leads
        .iter()
        .filter_map(|l| l["next_action_on"].as_str().map(String::from))
        .collect();
    assert!(dues.iter().any(|d| *d < today) && dues.iter().any(|d| *d > today));
}

#[test]
fn demo_is_deterministic_for_a_seed() {
    let titles = |seed: &str| {
        let s = Scratch::new();
        s.ok(&["demo", "--leads", "20", "--seed", seed]);
        let leads = s.json(&["lead", "list", "--all", "--format", "json"]);
        let mut out: Vec<(String, String)> = leads
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["id"].as_str().unwrap().to_string(),
                    l["title"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        out.sort();
        out
    };
    assert_eq!(titles("7"), titles("7"));
    assert_ne!(titles("7"), titles("8"));
}

#[test]
fn lead_list_filters_and_formats() {
    let s = Scratch::new();
    let a = add_midori(&s);
    s.ok(&[
        "lead",
        "add",
        "--title",
        "Bluebird ERP",
        "--stage",
        "future",
        "--owner",
        "kim",
        "--tag",
        "展示会",
        "--value",
        "120万",
    ]);
    let table = s.ok(&["lead", "list"]);
    assert!(table.lines().next().unwrap().starts_with("ID"), "{table}");
    assert!(
        table.contains(&a[..8]) && table.contains("1,200,000"),
        "{table}"
    );
    let future = s.json(&["lead", "list", "--stage", "future", "--format", "json"]);
    assert_eq!(future.as_array().unwrap().len(), 1);
    assert_eq!(future[0]["value"], 1_200_000);
    assert_eq!(future[0]["tags"][0], "展示会");
    assert_eq!(
        s.json(&["lead", "list", "--owner", "kim", "--format", "json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        s.json(&["lead", "list", "--tag", "展示会", "--format", "json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let csv = s.ok(&["lead", "list", "--format", "csv"]);
    assert!(csv.starts_with("id,title,company,stage"), "{csv}");
    assert!(csv.contains("\r\n"));
}

#[test]
fn edit_won_delete_and_link() {
    let s = Scratch::new();
    let id = add_midori(&s);
    let out = s.ok(&[
        "lead",
        "edit",
        &id,
        "--value",
        "1,500,000",
        "--owner",
        "佐藤",
        "--budget",
        "yes:予算確保済み",
    ]);
    assert!(out.contains("value") && out.contains("owner"), "{out}");
    let lead = s.json(&["lead", "show", &id, "--format", "json"]);
    assert_eq!(lead["value"], 1_500_000);
    assert_eq!(lead["qualification"]["budget"]["value"], "yes");
    assert_eq!(lead["qualification"]["budget"]["note"], "予算確保済み");
    s.ok(&["lead", "edit", &id, "--company", ""]);
    assert_eq!(
        s.json(&["lead", "show", &id, "--format", "json"])["company"],
        Value::Null
    );

    let contact = s.ok(&[
        "contact",
        "add",
        "--name",
        "佐藤 花子",
        "--reading",
        "さとう はなこ",
        "--company",
        "ミドリ技研株式会社",
    ]);
    let contact = contact.trim();
    s.ok(&["lead", "link", &id, contact, "--role", "decision_maker"]);
    let lead = s.json(&["lead", "show", &id, "--format", "json"]);
    assert_eq!(lead["contacts"][0]["name"], "佐藤 花子");
    assert_eq!(lead["contacts"][0]["role"], "decision_maker");

    s.ok(&["lead", "won", &id]);
    assert_eq!(
        s.json(&["lead", "show", &id, "--format", "json"])["stage"],
        "customer"
    );
    assert!(
        s.json(&["lead", "list", "--format", "json"])
            .as_array()
            .unwrap()
            .is_empty(),
        "customers leave the board"
    );

    s.ok(&["lead", "delete", &id]);
    let err = s.fails(&["lead", "show", &id]);
    assert!(err.contains("no lead"), "{err}");
    assert!(
        s.json(&["search", "ミドリ", "--format", "json"])["leads"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

/// `contact show` names each changed field as a rep reads it (as `lead show` does), never
/// by its stored name; the JSON keeps the stored names.
#[test]
fn contact_show_names_changed_fields_by_their_labels() {
    let s = Scratch::new();
    let id = s.ok(&[
        "contact",
        "add",
        "--name",
        "佐藤 花子",
        "--company-reading",
        "ミドリギケン",
        "--postal-code",
        "100-0001",
        "--exchanged-at",
        "国際ロボット展",
        "--email",
        "hanako@example.co.jp",
        "--add-phone",
        "03-1111-2222 (home)",
    ]);
    let id = id.trim();
    s.ok(&[
        "contact",
        "edit",
        id,
        "--company-reading",
        "みどりぎけん",
        "--postal-code",
        "100-0002",
        "--exchanged-at",
        "展示会",
        "--remove-email",
        "hanako@example.co.jp",
        "--remove-phone",
        "03-1111-2222",
    ]);
    let shown = s.ok(&["contact", "show", id]);
    let changed: Vec<&str> = shown
        .lines()
        .skip_while(|l| *l != "Changed fields")
        .skip(1)
        .collect();
    for label in [
        "company reading was ミドリギケン",
        "postal code was 100-0001",
        "exchanged at was 国際ロボット展",
        "email was hanako@example.co.jp",
        "number was 03-1111-2222",
    ] {
        assert!(
            changed.iter().any(|l| l.contains(label)),
            "{label} missing:\n{shown}"
        );
    }
    let json = s.json(&["contact", "show", id, "--format", "json"]);
    let fields: Vec<&str> = json["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["field"].as_str().unwrap())
        .collect();
    assert!(fields.contains(&"postal_code"), "{fields:?}");
}

#[test]
fn contacts_add_list_show_edit_delete() {
    let s = Scratch::new();
    let sato = s.ok(&[
        "contact",
        "add",
        "--family-name",
        "佐藤",
        "--given-name",
        "花子",
        "--family-reading",
        "サトウ",
        "--given-reading",
        "ハナコ",
        "--company",
        "ミドリ技研株式会社",
        "--email",
        "hanako@example.co.jp",
        "--exchanged-on",
        "2026-11-10",
    ]);
    let ito = s.ok(&[
        "contact",
        "add",
        "--name",
        "伊藤 健二",
        "--reading",
        "いとう けんじ",
    ]);
    let smith = s.ok(&[
        "contact",
        "add",
        "--name",
        "John Smith",
        "--email",
        "john@example.com",
    ]);
    let list = s.json(&["contact", "list", "--format", "json"]);
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    // Sorted by reading: いとう before さとう; Latin names sort by family name.
    let pos = |id: &str| ids.iter().position(|x| *x == id.trim()).unwrap();
    assert!(pos(&ito) < pos(&sato), "{ids:?}");
    let smith_card = s.json(&["contact", "show", smith.trim(), "--format", "json"]);
    assert_eq!(smith_card["name"], "John Smith");
    assert_eq!(smith_card["family_name"], "Smith");
    let table = s.ok(&["contact", "show", sato.trim()]);
    assert!(table.starts_with("佐藤 花子"), "{table}");
    assert!(table.contains("サトウ ハナコ"));

    s.ok(&["contact", "edit", sato.trim(), "--title", "課長"]);
    let card = s.json(&["contact", "show", sato.trim(), "--format", "json"]);
    assert_eq!(card["title"], "課長");
    assert_eq!(card["exchanged_on"], "2026-11-10");
    for q in ["さとう", "サトウ", "ｻﾄｳ", "佐藤", "はなこ", "花子"] {
        let found = s.json(&["search", q, "--format", "json"]);
        assert_eq!(found["contacts"][0]["id"], sato.trim(), "search {q}");
    }
    s.ok(&["contact", "delete", sato.trim()]);
    assert!(
        s.fails(&["contact", "show", sato.trim()])
            .contains("no contact")
    );
}

#[test]
fn log_on_a_contact_and_every_kind() {
    let s = Scratch::new();
    let lead = add_midori(&s);
    let contact = s.ok(&["contact", "add", "--name", "佐藤 花子"]);
    for kind in [
        "call",
        "meeting",
        "email",
        "web_visit",
        "document_request",
        "newsletter_signup",
        "seminar",
        "inquiry",
        "note",
    ] {
        s.ok(&[
            "log",
            kind,
            "--lead",
            &lead,
            "--summary",
            &format!("{kind} done"),
            "--at",
            "yesterday 10:00",
        ]);
    }
    s.ok(&[
        "log",
        "meeting",
        "--contact",
        contact.trim(),
        "--summary",
        "名刺交換",
        "--duration",
        "30",
    ]);
    let card = s.json(&["contact", "show", contact.trim(), "--format", "json"]);
    assert_eq!(card["activities"][0]["summary"], "名刺交換");
    assert_eq!(card["activities"][0]["duration_minutes"], 30);
    let lead = s.json(&["lead", "show", &lead, "--format", "json"]);
    assert_eq!(lead["activities"].as_array().unwrap().len(), 9);
    // Default points: 1+3+1+1+2+2+2+3+0 = 15, rank A (≥ 10).
    assert_eq!(lead["score"], 15.0);
    assert_eq!(lead["rank"], "A");
    assert_eq!(
        lead["score_breakdown"]["lines"].as_array().unwrap().len(),
        9
    );
    let at = lead["activities"][0]["occurred_at"].as_str().unwrap();
    assert!(at.ends_with('Z'), "{at}");
}

#[test]
fn ids_resolve_by_unique_prefix_only() {
    let s = Scratch::new();
    let a = add_midori(&s);
    let b = add_midori(&s);
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    if common >= 4 {
        let err = s.fails(&["lead", "show", &a[..common]]);
        assert!(err.contains("matches 2 leads"), "{err}");
    }
    assert_eq!(
        s.json(&["lead", "show", &a[..common + 1], "--format", "json"])["id"],
        a.as_str()
    );
    assert!(s.fails(&["lead", "show", "abc"]).contains("not an id"));
    assert!(
        s.fails(&["lead", "show", "ffffffff"])
            .contains("no lead has an id starting with 'ffffffff'")
    );
}

#[test]
fn failures_leave_the_database_unchanged() {
    let s = Scratch::new();
    let id = add_midori(&s);
    let other = add_midori(&s);
    assert_eq!(
        id[..4],
        other[..4],
        "two leads made together share their first characters"
    );
    s.ok(&["check"]);
    let before = bytes(&s.db());
    let db = s.db();
    let cases: &[(&[&str], &str)] = &[
        (&["lead", "show", "ffffffff"], "no lead"),
        (&["lead", "move", &id[..4], "future"], "matches 2 leads"),
        (&["lead", "move", &id, "later"], "'later' is not a stage"),
        (
            &["lead", "add", "--title", "x", "--stage", "hot"],
            "'hot' is not a stage",
        ),
        (
            &["lead", "add", "--title", "x", "--due", "someday"],
            "'someday' is not a date",
        ),
        (
            &["lead", "edit", &id, "--due", "2026-02-30"],
            "is not a date",
        ),
        (
            &["lead", "edit", &id, "--value", "lots"],
            "is not an amount",
        ),
        (
            &["lead", "add", "--title", "x", "--source", "fax"],
            "'fax' is not a source",
        ),
        (&["lead", "add", "--title", " "], "needs a title"),
        (
            &["log", "fax", "--lead", &id, "--summary", "x"],
            "not an activity kind",
        ),
        (
            &[
                "log",
                "call",
                "--lead",
                &id,
                "--summary",
                "x",
                "--due",
                "nope",
            ],
            "not a date",
        ),
        (
            &["log", "call", "--lead", &id, "--summary", " "],
            "needs a summary",
        ),
        (
            &["contact", "add", "--title", "部長"],
            "needs a name, an email or a company",
        ),
        (&["lead", "link", &id, "ffffffff"], "no contact"),
        (&["backup", db.to_str().unwrap()], "already exists"),
    ];
    for (args, expected) in cases {
        let err = s.fails(args);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(before == bytes(&s.db()), "{args:?} changed the database");
    }
}

#[test]
fn a_file_that_is_not_a_leadtrack_database_is_refused_untouched() {
    let s = Scratch::new();
    let junk = s.path("notes.db");
    std::fs::write(&junk, "these are my notes, not a database\n").unwrap();
    let other = s.path("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    for file in [&junk, &other] {
        let before = bytes(file);
        let err = common::refused_both(
            || {
                let mut cmd = s.bare();
                cmd.args(["--db", file.to_str().unwrap(), "check"]);
                cmd
            },
            "",
        );
        assert!(err.contains("is not a leadtrack database"), "{err}");
        assert_eq!(before, bytes(file));
    }
}

#[test]
fn a_database_from_a_newer_leadtrack_is_refused_untouched() {
    let s = Scratch::new();
    add_midori(&s);
    rusqlite::Connection::open(s.db())
        .unwrap()
        .pragma_update(None, "user_version", 42)
        .unwrap();
    let before = bytes(&s.db());
    let err = s.fails(&["lead", "list"]);
    assert!(err.contains("newer leadtrack (schema 42"), "{err}");
    assert_eq!(before, bytes(&s.db()));
}

#[test]
fn unknown_config_keys_are_refused_with_path_and_line() {
    let s = Scratch::new();
    let config = common::fixture("config/unknown-key.toml");
    let err = s.fails(&["--config", config.to_str().unwrap(), "lead", "list"]);
    assert!(
        err.contains("line 6") && err.contains("unknown key `scoring.points.fax`"),
        "{err}"
    );
    assert!(!s.db().exists(), "nothing is created on a bad config");
    let err = s.fails(&[
        "--config",
        s.path("missing.toml").to_str().unwrap(),
        "lead",
        "list",
    ]);
    assert!(err.contains("does not exist"), "{err}");
}

#[test]
fn config_from_the_environment_and_the_platform_directory() {
    let s = Scratch::new();
    let platform = s.path("config/leadtrack/config.toml");
    std::fs::create_dir_all(platform.parent().unwrap()).unwrap();
    std::fs::write(&platform, "[user]\nname = \"山本\"\n").unwrap();
    let id = add_midori(&s);
    assert_eq!(
        s.json(&["lead", "show", &id, "--format", "json"])["created_by"],
        "山本"
    );
    let other = s.path("other.toml");
    std::fs::write(&other, "[user]\nname = \"鈴木\"\n").unwrap();
    let out = s
        .cmd()
        .env("LEADTRACK_CONFIG", &other)
        .args(["lead", "edit", &id, "--owner", "x"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        s.json(&["lead", "show", &id, "--format", "json"])["updated_by"],
        "鈴木"
    );
}

#[test]
fn the_default_database_is_created_in_the_data_directory() {
    let s = Scratch::new();
    let mut cmd = assert_cmd::Command::cargo_bin("leadtrack").unwrap();
    cmd.env_clear()
        .env("HOME", s.dir.path())
        .env("XDG_DATA_HOME", s.path("data"))
        .env("XDG_CONFIG_HOME", s.path("config"))
        .args(["lead", "add", "--title", "first"]);
    cmd.assert().success();
    let db = s.path("data/leadtrack/leadtrack.db");
    assert!(db.exists(), "{db:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&db).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "owner-only");
    }
    let out = assert_cmd::Command::cargo_bin("leadtrack")
        .unwrap()
        .env_clear()
        .env("LEADTRACK_DB", &db)
        .env("HOME", s.dir.path())
        .args(["lead", "list", "--format", "json"])
        .output()
        .unwrap();
    let leads: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(leads[0]["title"], "first");
}

#[test]
fn usage_errors_exit_2() {
    let s = Scratch::new();
    let out = s.cmd().args(["lead", "add"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = s
        .cmd()
        .args(["log", "call", "--summary", "x"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "--lead or --contact is required"
    );
}

#[test]
fn check_reports_counts_as_json() {
    let s = Scratch::new();
    s.ok(&["demo", "--leads", "10"]);
    let report = s.json(&["check", "--format", "json"]);
    assert_eq!(report["ok"], true);
    assert_eq!(report["integrity"][0], "ok");
    assert_eq!(report["schema_version"], leadtrack::store::SCHEMA_VERSION);
    let counts = &report["counts"];
    assert_eq!(
        counts["leads"].as_i64().unwrap() + counts["customers"].as_i64().unwrap(),
        10
    );
    assert_eq!(counts["activities"], 50);
}

#[test]
fn damaged_database_fails_check() {
    let s = Scratch::new();
    s.ok(&["demo", "--leads", "30"]);
    // Overwrite a page in the middle of the file.
    let mut data = bytes(&s.db());
    let page = 4096 * 5;
    for b in &mut data[page..page + 4096] {
        *b = 0x5a;
    }
    std::fs::write(s.db(), &data).unwrap();
    let err = s.fails(&["check"]);
    assert!(
        err.contains("damaged") || err.contains("integrity"),
        "{err}"
    );
}

#[test]
fn demo_leads_show_their_newest_activity() {
    // Enough leads that their last activities are recounted together, not one by one.
    let s = Scratch::new();
    s.ok(&[
        "demo",
        "--leads",
        "400",
        "--contacts",
        "100",
        "--activities",
        "3000",
    ]);
    let db = rusqlite::Connection::open(s.db()).unwrap();
    let (leads, wrong): (i64, i64) = db
        .query_row(
            "SELECT count(*), count(*) FILTER (WHERE
                 last_activity_at IS NOT (SELECT max(occurred_at) FROM activities
                                          WHERE lead_id = l.id AND gone = 0)
                 OR quiet_key NOT LIKE ifnull(last_activity_at, created_at) || '|%')
             FROM leads l WHERE gone = 0",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(leads > 300, "{leads} leads");
    assert_eq!(
        wrong, 0,
        "leads whose last activity or quiet order is stale"
    );
    let quiet = s.json(&["lead", "list", "--format", "json"]);
    assert!(
        quiet
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["last_activity_at"].is_string()),
        "every demo lead has had an activity"
    );
}

#[test]
fn completions_name_every_command_in_each_shell() {
    let s = Scratch::new();
    for shell in ["bash", "zsh", "fish"] {
        let script = s.ok(&["completions", shell]);
        for command in [
            "lead",
            "import",
            "export",
            "config",
            "completions",
            "man",
            "db",
        ] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
    }
    let bad = s.bare().args(["completions", "cmd.exe"]).output().unwrap();
    assert_eq!(
        bad.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
    assert!(!s.db().exists(), "completions open no database");
}

#[test]
fn the_man_page_is_roff() {
    let s = Scratch::new();
    let page = s.ok(&["man"]);
    assert!(
        page.starts_with(".ie") || page.starts_with(".TH"),
        "{page:.200}"
    );
    assert!(page.contains(".TH leadtrack 1"), "{page:.400}");
    assert!(page.contains(".SH NAME") && page.contains(".SH SUBCOMMANDS"));
    assert!(page.contains("leadtrack\\-import") || page.contains("import"));
    assert!(!s.db().exists(), "the man page opens no database");
}

#[test]
fn config_path_names_the_config_and_the_database() {
    let s = Scratch::new();
    let out = s.bare().args(["config", "path"]).output().unwrap();
    assert!(out.status.success());
    let shown = String::from_utf8(out.stdout).unwrap();
    let config = s.path("config/leadtrack/config.toml");
    let database = s.path("data/leadtrack/leadtrack.db");
    assert_eq!(
        shown,
        format!(
            "config    {}\ndatabase  {}\n",
            config.display(),
            database.display()
        )
    );
    assert!(!database.exists(), "config path creates nothing");
    // --db and the config's [database] path move the database; --config the config.
    let other = s.path("other.toml");
    std::fs::write(&other, "[database]\npath = \"/srv/sales/team-a.db\"\n").unwrap();
    let out = s
        .bare()
        .args(["--config", other.to_str().unwrap(), "config", "path"])
        .output()
        .unwrap();
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(
        shown.contains(&format!("config    {}\n", other.display())),
        "{shown}"
    );
    assert!(
        shown.contains("database  /srv/sales/team-a.db\n"),
        "{shown}"
    );
    let shown = s.ok(&["config", "path"]);
    assert!(
        shown.contains(&format!("database  {}\n", s.db().display())),
        "{shown}"
    );
}

#[test]
fn config_init_writes_the_example_once_and_never_overwrites() {
    let s = Scratch::new();
    let config = s.path("config/leadtrack/config.toml");
    let out = s.bare().args(["config", "init"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains(&config.display().to_string())
    );
    let written = std::fs::read_to_string(&config).unwrap();
    let example = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml"),
    )
    .unwrap();
    assert_eq!(written, example);
    leadtrack::config::Config::parse(&written, &config).unwrap();

    std::fs::write(&config, "[user]\nname = \"山本\"\n").unwrap();
    let err = common::refused_both(
        || {
            let mut cmd = s.bare();
            cmd.args(["config", "init"]);
            cmd
        },
        &config.display().to_string(),
    );
    assert!(
        err.starts_with(&format!("error: {} already exists", config.display())),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&config).unwrap(),
        "[user]\nname = \"山本\"\n",
        "the rep's config is kept as it was"
    );
    // --config names where to write.
    let elsewhere = s.path("elsewhere/leadtrack.toml");
    let out = s
        .bare()
        .args(["--config", elsewhere.to_str().unwrap(), "config", "init"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(elsewhere.exists());
}

#[test]
fn config_check_is_check() {
    let s = Scratch::new();
    s.ok(&["demo", "--leads", "10"]);
    let old = s.json(&["check", "--format", "json"]);
    let new = s.json(&["config", "check", "--format", "json"]);
    assert_eq!(old, new);
    assert_eq!(new["ok"], true);
}

#[test]
fn demo_never_goes_into_a_database_with_records_unless_forced() {
    let s = Scratch::new();
    s.ok(&["demo", "--leads", "10"]);
    let before = bytes(&s.db());
    let err = s.fails(&["demo", "--leads", "10"]);
    assert!(
        err.contains(&s.db().display().to_string())
            && err.contains("already holds 10 leads")
            && err.contains("--db demo.db")
            && err.contains("--force"),
        "{err}"
    );
    assert!(!err.contains("UNIQUE"), "{err}");
    assert_eq!(
        bytes(&s.db()),
        before,
        "refused before anything was written"
    );

    // A real database (one lead typed by hand) is refused just the same.
    let real = Scratch::new();
    add_midori(&real);
    real.fails(&["demo"]);

    // --force adds a second set beside the first, with ids of its own — twice over.
    s.ok(&["demo", "--leads", "10", "--force"]);
    s.ok(&["demo", "--leads", "10", "--force"]);
    let report = s.json(&["check", "--format", "json"]);
    let counts = &report["counts"];
    assert_eq!(
        counts["leads"].as_i64().unwrap() + counts["customers"].as_i64().unwrap(),
        30
    );
    assert_eq!(counts["activities"], 150);
    assert_eq!(report["ok"], true);
}

#[test]
fn import_cards_takes_several_files_and_names_the_one_at_fault() {
    let s = Scratch::new();
    let csv = common::fixture("cards/cards-generic-utf8-bom.csv");
    let vcf = common::fixture("cards/contacts-v3.vcf");
    let (csv, vcf) = (csv.to_str().unwrap(), vcf.to_str().unwrap());
    add_midori(&s);

    // A file that cannot be read, or is not cards, stops the import before anything is
    // written — even the files before it.
    let before = bytes(&s.db());
    let missing = s.path("missing.vcf");
    let err = s.fails(&["import", "cards", csv, missing.to_str().unwrap()]);
    assert!(err.contains("missing.vcf"), "{err}");
    let not_cards = s.path("notes.csv");
    std::fs::write(&not_cards, "memo,date\nhello,2026-01-01\n").unwrap();
    let err = s.fails(&["import", "cards", csv, vcf, not_cards.to_str().unwrap()]);
    assert!(err.contains("notes.csv"), "{err}");
    assert_eq!(bytes(&s.db()), before, "nothing half-written");

    let one_by_one = Scratch::new();
    let mut separately = 0;
    for file in [csv, vcf] {
        let report: Value =
            serde_json::from_str(&one_by_one.ok(&["import", "cards", file, "--report", "json"]))
                .unwrap();
        separately += report["added"].as_array().unwrap().len();
    }
    let shown = s.ok(&["import", "cards", csv, vcf]);
    assert!(shown.contains(&format!("{csv}: ")), "{shown}");
    assert!(shown.contains(&format!("{vcf}: ")), "{shown}");
    assert!(
        shown.contains(&format!("2 files: {separately} added")),
        "{shown}"
    );

    let again = Scratch::new();
    let reports = again.json(&["import", "cards", csv, vcf, "--report", "json"]);
    let reports = reports.as_array().unwrap();
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["file"], csv);
    assert_eq!(reports[1]["file"], vcf);
    let contacts = again.json(&["contact", "list", "--format", "json"]);
    assert_eq!(contacts.as_array().unwrap().len(), separately);
}

#[test]
fn lead_show_says_how_many_activities_it_leaves_out() {
    let s = Scratch::new();
    s.ok(&[
        "demo",
        "--leads",
        "1",
        "--contacts",
        "1",
        "--activities",
        "620",
    ]);
    let lead = s.json(&["lead", "list", "--all", "--format", "json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let shown = s.json(&["lead", "show", &lead, "--format", "json"]);
    assert_eq!(shown["activities"].as_array().unwrap().len(), 500);
    assert_eq!(shown["activities_hidden"], 120);
    assert_eq!(
        shown["score_breakdown"]["score"], shown["score"],
        "the score counts every activity, shown or not"
    );
    let text = s.ok(&["lead", "show", &lead]);
    assert!(
        text.contains(&format!(
            "… and 120 older, not shown (`leadtrack lead show {lead} --all` shows every one)"
        )),
        "{text}"
    );
    let all = s.json(&["lead", "show", &lead, "--all", "--format", "json"]);
    let activities = all["activities"].as_array().unwrap();
    assert_eq!(activities.len(), 620);
    assert_eq!(all["activities_hidden"], 0);
    assert!(
        !s.ok(&["lead", "show", &lead, "--all"])
            .contains("not shown")
    );
    // Newest first, ties in time by id: the same list on every copy of the database.
    let order: Vec<(&str, &str)> = activities
        .iter()
        .map(|a| {
            (
                a["occurred_at"].as_str().unwrap(),
                a["id"].as_str().unwrap(),
            )
        })
        .collect();
    let mut sorted = order.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(order, sorted);
    assert_eq!(
        shown["activities"].as_array().unwrap()[..],
        activities[..500],
        "the 500 shown are the newest"
    );
}

#[test]
fn log_at_takes_iso_8601_with_a_zone() {
    let s = Scratch::new();
    let lead = add_midori(&s);
    for (typed, stored) in [
        ("2026-10-31T09:56:39+09:00", "2026-10-31T00:56:39Z"),
        ("2026-10-31T09:58+09:00", "2026-10-31T00:58:00Z"),
        ("2026-10-31T01:00:00Z", "2026-10-31T01:00:00Z"),
    ] {
        let id = s.ok(&[
            "log",
            "call",
            "--lead",
            &lead,
            "--summary",
            typed,
            "--at",
            typed,
        ]);
        let shown = s.json(&["lead", "show", &lead, "--format", "json"]);
        let activity = shown["activities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id.trim())
            .unwrap_or_else(|| panic!("{typed}: {shown}"));
        assert_eq!(activity["occurred_at"], stored, "{typed}");
    }
    let err = s.fails(&[
        "log",
        "call",
        "--lead",
        &lead,
        "--summary",
        "x",
        "--at",
        "2026-10-31T09:56+25:00",
    ]);
    assert!(err.contains("--at"), "{err}");
}

#[test]
fn a_logged_activity_is_listed_edited_and_deleted_with_history() {
    let s = Scratch::new();
    let id = add_midori(&s);
    let contact = s.ok(&["contact", "add", "--name", "佐藤 花子"]);
    let contact = contact.trim();
    let call = s.ok(&[
        "log",
        "call",
        "--lead",
        &id,
        "--summary",
        "課長と電話",
        "--at",
        "2026-11-01 10:00",
    ]);
    let call = call.trim();
    let before = s.json(&["lead", "show", &id, "--format", "json"]);
    assert_eq!(before["score"], 1.0, "{before:#}");

    let listed = s.ok(&["activity", "list", "--lead", &id]);
    assert!(listed.contains("課長と電話"), "{listed}");
    assert!(listed.contains("Call"), "labels, not ids: {listed}");
    let listed = s.json(&["activity", "list", "--lead", &id, "--format", "json"]);
    assert_eq!(listed[0]["id"], call);
    assert_eq!(listed[0]["kind"], "call", "JSON keeps ids");

    let said = s.ok(&[
        "activity",
        "edit",
        &call[..13],
        "--kind",
        "meeting",
        "--summary",
        "部長と商談",
        "--at",
        "2026-11-05 14:00",
        "--body",
        "見積の説明",
        "--contact",
        contact,
    ]);
    assert!(said.contains("Kind") && said.contains("Summary"), "{said}");
    assert!(!said.contains("occurred_at"), "labels, not ids: {said}");
    let after = s.json(&["lead", "show", &id, "--format", "json"]);
    let a = &after["activities"][0];
    assert_eq!(a["kind"], "meeting");
    assert_eq!(a["summary"], "部長と商談");
    assert_eq!(a["body"], "見積の説明");
    assert_eq!(a["contact_id"], contact);
    assert_eq!(after["score"], 3.0, "the score follows the kind: {after:#}");
    assert_ne!(
        after["last_activity_at"], before["last_activity_at"],
        "the last activity follows the time"
    );
    let shown = s.ok(&["lead", "show", &id]);
    assert!(shown.contains("部長と商談"), "{shown}");
    let found = s.json(&["search", "部長", "--format", "json"]);
    assert!(
        found.to_string().contains("部長と商談"),
        "the search index follows: {found}"
    );

    s.ok(&["activity", "delete", call]);
    let gone = s.json(&["lead", "show", &id, "--format", "json"]);
    assert_eq!(gone["activities"].as_array().unwrap().len(), 0);
    assert_eq!(gone["score"], 0.0);
    assert!(gone["last_activity_at"].is_null(), "{gone:#}");
    let err = s.fails(&["activity", "edit", call, "--summary", "x"]);
    assert!(err.contains("activity"), "{err}");
}

#[test]
fn a_contact_is_taken_off_a_lead_and_link_changes_the_role() {
    let s = Scratch::new();
    let id = add_midori(&s);
    let contact = s.ok(&["contact", "add", "--name", "佐藤 花子"]);
    let contact = contact.trim();
    let said = s.ok(&["lead", "link", &id, contact, "--role", "decision_maker"]);
    assert!(said.contains("Decision maker"), "labels, not ids: {said}");
    let said = s.ok(&["lead", "link", &id, contact, "--role", "influencer"]);
    assert!(said.contains("now Influencer"), "{said}");
    let lead = s.json(&["lead", "show", &id, "--format", "json"]);
    assert_eq!(lead["contacts"].as_array().unwrap().len(), 1);
    assert_eq!(lead["contacts"][0]["role"], "influencer");
    let shown = s.ok(&["lead", "show", &id]);
    assert!(shown.contains("(Influencer)"), "{shown}");

    s.ok(&["lead", "unlink", &id, "--contact", &contact[..13]]);
    let lead = s.json(&["lead", "show", &id, "--format", "json"]);
    assert_eq!(lead["contacts"].as_array().unwrap().len(), 0);
    let err = s.fails(&["lead", "unlink", &id, "--contact", contact]);
    assert!(err.contains("not on lead"), "{err}");
}

#[test]
fn human_text_says_labels_where_machine_output_keeps_ids() {
    let s = Scratch::new();
    let id = add_midori(&s);
    s.ok(&["lead", "edit", &id, "--source", "business_card"]);
    let said = s.ok(&[
        "lead",
        "edit",
        &id,
        "--due",
        "+5d",
        "--source-detail",
        "展示会",
    ]);
    assert!(said.contains("next action date"), "{said}");
    assert!(!said.contains("next_action_on"), "{said}");
    s.ok(&["log", "web_visit", "--lead", &id, "--summary", "料金ページ"]);
    let shown = s.ok(&["lead", "show", &id]);
    for id_text in ["business_card", "web_visit", "next_action_on"] {
        assert!(!shown.contains(id_text), "{id_text} in {shown}");
    }
    assert!(shown.contains("Business card"), "{shown}");
    assert!(shown.contains("Web visit"), "{shown}");
    let json = s.json(&["lead", "show", &id, "--format", "json"]);
    assert_eq!(json["source"], "business_card");
    assert_eq!(json["activities"][0]["kind"], "web_visit");
}

#[test]
fn lists_search_and_contact_show_say_labels() {
    let s = Scratch::new();
    let id = add_midori(&s);
    let contact = s.ok(&["contact", "add", "--name", "佐藤 花子"]);
    let contact = contact.trim();
    s.ok(&["lead", "link", &id, contact, "--role", "decision_maker"]);
    s.ok(&[
        "log",
        "web_visit",
        "--lead",
        &id,
        "--summary",
        "料金ページを閲覧",
    ]);
    let table = s.ok(&["lead", "list"]);
    assert!(
        table.contains("Considering") && !table.contains("considering"),
        "{table}"
    );
    let card = s.ok(&["contact", "show", contact]);
    assert!(card.contains("(Decision maker, Considering)"), "{card}");
    let found = s.ok(&["search", "料金"]);
    assert!(
        found.contains("Web visit") && !found.contains("web_visit"),
        "{found}"
    );
    // A source replaced is named in the history by its label too.
    s.ok(&["lead", "edit", &id, "--source", "business_card"]);
    s.ok(&["lead", "edit", &id, "--source", "seminar"]);
    let shown = s.ok(&["lead", "show", &id]);
    assert!(shown.contains("source was Business card"), "{shown}");
}

/// The stats as text name stages, sources and activity kinds by their labels; the JSON
/// keeps the ids scripts match on.
#[test]
fn stats_text_shows_labels_and_json_keeps_ids() {
    let s = Scratch::new();
    let id = s.ok(&[
        "lead",
        "add",
        "--title",
        "ミドリ技研 設備更新",
        "--stage",
        "considering",
        "--source",
        "business_card",
    ]);
    let id = id.trim();
    s.ok(&[
        "log",
        "web_visit",
        "--lead",
        id,
        "--summary",
        "料金ページを閲覧",
    ]);
    s.ok(&["lead", "move", id, "no_prospect"]);
    s.ok(&["lead", "won", id]);

    let text = s.ok(&["stats"]);
    let ids = [
        "considering",
        "future",
        "no_prospect",
        "customer",
        "business_card",
        "web_visit",
    ];
    for word in text.split_whitespace() {
        assert!(!ids.contains(&word), "{word} in:\n{text}");
    }
    for label in ["No prospect", "Business card", "Web visit", "WEB VISIT"] {
        assert!(text.contains(label), "{label} missing:\n{text}");
    }

    let json = s.json(&["stats", "--format", "json"]);
    assert_eq!(json["sources"][0]["source"], "business_card");
    assert_eq!(json["flow"]["changes"][0]["to"], "no_prospect");
    assert_eq!(json["attribution"]["first_touch_by_kind"]["web_visit"], 1);
    assert_eq!(json["attribution"]["won_by_source"]["business_card"], 1);
    assert!(json["reps"][0]["per_week_by_kind"]["web_visit"].is_number());
}

/// `stats --since --until` counts one closed period: activities after it are left out, the
/// JSON names the bounds, and a period that ends before it starts is refused.
#[test]
fn stats_count_a_period_between_since_and_until() {
    let s = Scratch::new();
    let id = add_midori(&s);
    for at in ["2026-10-05 10:00", "2026-10-20 15:00", "2026-11-10 09:00"] {
        s.ok(&[
            "log",
            "call",
            "--lead",
            &id,
            "--summary",
            "電話",
            "--at",
            at,
        ]);
    }
    let activities = |args: &[&str]| -> i64 {
        let mut all = vec!["stats", "--format", "json"];
        all.extend_from_slice(args);
        let json: Value = serde_json::from_str(&s.ok(&all)).unwrap();
        json["reps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["activities"].as_i64().unwrap())
            .sum()
    };
    assert_eq!(activities(&["--since", "2026-10-01"]), 3);
    assert_eq!(
        activities(&["--since", "2026-10-01", "--until", "2026-10-31"]),
        2
    );
    // The last day counts whole.
    assert_eq!(
        activities(&["--since", "2026-10-01", "--until", "2026-10-20"]),
        2
    );
    let json: Value = serde_json::from_str(&s.ok(&[
        "stats",
        "--format",
        "json",
        "--since",
        "2026-10-01",
        "--until",
        "2026-10-31",
    ]))
    .unwrap();
    assert_eq!(json["since"], "2026-10-01");
    assert_eq!(json["until"], "2026-10-31");
    let text = s.ok(&["stats", "--since", "2026-10-01", "--until", "2026-10-31"]);
    assert!(text.contains("Flow 2026-10-01 to 2026-10-31"), "{text}");
    let err = s.fails(&["stats", "--since", "2026-10-01", "--until", "2026-09-30"]);
    assert!(
        err.contains("--until 2026-09-30 is before --since"),
        "{err}"
    );
}

/// A Japanese stage label, an English one or an id: each works wherever a stage is typed,
/// and the stage is stored (and written in JSON) as its id.
#[test]
fn stages_are_typed_by_their_japanese_or_english_label() {
    let s = Scratch::new();
    let id = s.ok(&["lead", "add", "--title", "設備更新", "--stage", "検討段階"]);
    let id = id.trim();
    let stage = || s.json(&["lead", "show", id, "--format", "json"])["stage"].clone();
    assert_eq!(stage(), "considering");
    for (typed, stored) in [
        ("将来見込み", "future"),
        ("見込みなし", "no_prospect"),
        ("Future potential", "future"),
        ("顧客", "customer"),
    ] {
        s.ok(&["lead", "move", id, typed]);
        assert_eq!(stage(), stored, "lead move {typed}");
    }
    let customers = s.json(&["lead", "list", "--stage", "顧客", "--format", "json"]);
    assert_eq!(customers.as_array().unwrap().len(), 1);
    assert_eq!(customers[0]["stage"], "customer");
}

/// `log 電話`, `log 商談`, `log 資料請求` and `activity edit --kind 資料請求`: the kind is
/// stored as its id.
#[test]
fn activity_kinds_are_typed_by_their_japanese_or_english_label() {
    let s = Scratch::new();
    let lead = add_midori(&s);
    let mut logged = Vec::new();
    for (typed, stored) in [
        ("電話", "call"),
        ("商談", "meeting"),
        ("資料請求", "document_request"),
        ("Web visit", "web_visit"),
        ("ＭＥＥＴＩＮＧ", "meeting"),
    ] {
        let activity = s.ok(&["log", typed, "--lead", &lead, "--summary", typed]);
        logged.push((activity.trim().to_string(), stored));
    }
    let listed = s.json(&["activity", "list", "--lead", &lead, "--format", "json"]);
    for (activity, stored) in &logged {
        let found = listed
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == activity.as_str())
            .unwrap();
        assert_eq!(found["kind"], *stored, "{found}");
    }

    let (call, _) = &logged[0];
    s.ok(&["activity", "edit", call, "--kind", "資料請求"]);
    s.ok(&["activity", "edit", &logged[1].0, "--kind", "メルマガ登録"]);
    let listed = s.json(&["activity", "list", "--lead", &lead, "--format", "json"]);
    let kind_of = |id: &str| {
        listed
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .unwrap()["kind"]
            .clone()
    };
    assert_eq!(kind_of(call), "document_request");
    assert_eq!(kind_of(&logged[1].0), "newsletter_signup");
}

/// `lead link --role 決裁者` and the other roles' Japanese labels store the role's id.
#[test]
fn roles_are_typed_by_their_japanese_or_english_label() {
    let s = Scratch::new();
    let lead = add_midori(&s);
    let contact = s.ok(&["contact", "add", "--name", "佐藤 花子"]);
    let contact = contact.trim();
    for (typed, stored) in [
        ("決裁者", "decision_maker"),
        ("影響者", "influencer"),
        ("利用者", "user"),
        ("窓口", "gatekeeper"),
        ("その他", "other"),
        ("Decision maker", "decision_maker"),
    ] {
        s.ok(&["lead", "link", &lead, contact, "--role", typed]);
        let shown = s.json(&["lead", "show", &lead, "--format", "json"]);
        assert_eq!(shown["contacts"][0]["role"], stored, "--role {typed}");
    }
}

/// `--source 展示会` on lead add, edit and list: stored and filtered by the id.
#[test]
fn sources_are_typed_by_their_japanese_label() {
    let s = Scratch::new();
    let id = s.ok(&[
        "lead",
        "add",
        "--title",
        "展示会の名刺",
        "--source",
        "展示会",
    ]);
    let id = id.trim();
    let shown = s.json(&["lead", "show", id, "--format", "json"]);
    assert_eq!(shown["source"], "exhibition");
    s.ok(&["lead", "edit", id, "--source", "紹介"]);
    let shown = s.json(&["lead", "show", id, "--format", "json"]);
    assert_eq!(shown["source"], "referral");
    let listed = s.json(&["lead", "list", "--source", "紹介", "--format", "json"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["source"], "referral");
}

/// An unknown stage, kind, role or source is refused with every id and the labels it is
/// also typed as, and nothing is written.
#[test]
fn unknown_names_are_refused_with_the_names_that_work() {
    let s = Scratch::new();
    let lead = add_midori(&s);
    let contact = s.ok(&["contact", "add", "--name", "佐藤 花子"]);
    let contact = contact.trim();
    let before = bytes(&s.db());
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["lead", "move", &lead, "有望"],
            &[
                "stage: '有望' is not a stage",
                "considering (検討段階)",
                "future (Future potential, 将来見込み)",
                "customer (顧客)",
            ],
        ),
        (
            &["lead", "add", "--title", "x", "--stage", "有望"],
            &[
                "--stage: '有望' is not a stage",
                "no_prospect (No prospect, 見込みなし)",
            ],
        ),
        (
            &["log", "訪問", "--lead", &lead, "--summary", "x"],
            &[
                "kind: '訪問' is not an activity kind",
                "call (電話)",
                "meeting (商談)",
                "document_request (Document request, 資料請求)",
            ],
        ),
        (
            &["lead", "link", &lead, contact, "--role", "社長"],
            &[
                "--role: '社長' is not a role",
                "decision_maker (Decision maker, 決裁者)",
                "gatekeeper (窓口)",
            ],
        ),
        (
            &["lead", "add", "--title", "x", "--source", "チラシ"],
            &[
                "'チラシ' is not a source",
                "exhibition (展示会)",
                "referral (紹介)",
            ],
        ),
    ];
    for (args, expected) in cases {
        let err = s.fails(args);
        for part in *expected {
            assert!(err.contains(part), "{args:?}: {err}");
        }
    }
    assert!(
        before == bytes(&s.db()),
        "a refused name changed the database"
    );
}

/// The Japanese relative dates on the command line: `--due 月末`, `来週月曜`, `しあさって`,
/// `来月末`, an era date, and `--at` with an era date and a time.
#[test]
fn japanese_relative_dates_on_the_command_line() {
    use chrono::{Datelike, Months, NaiveDate};
    let s = Scratch::new();
    let due = |typed: &str| {
        let id = s.ok(&["lead", "add", "--title", typed, "--due", typed]);
        s.json(&["lead", "show", id.trim(), "--format", "json"])["next_action_on"].clone()
    };
    let today = Local::now().date_naive();
    let first_of_month = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).unwrap();
    let month_end = |first: NaiveDate| (first + Months::new(1)).pred_opt().unwrap().to_string();
    let monday = today - Duration::days(today.weekday().num_days_from_monday().into());
    assert_eq!(due("月末"), month_end(first_of_month));
    assert_eq!(due("来月末"), month_end(first_of_month + Months::new(1)));
    assert_eq!(due("来週月曜"), (monday + Duration::days(7)).to_string());
    assert_eq!(due("来週の金曜"), (monday + Duration::days(11)).to_string());
    assert_eq!(
        due("再来週の水曜"),
        (monday + Duration::days(16)).to_string()
    );
    assert_eq!(due("しあさって"), day(3));
    assert_eq!(due("明明後日"), day(3));
    assert_eq!(due("来月"), (today + Months::new(1)).to_string());
    assert_eq!(due("令和8年12月1日"), "2026-12-01");
    assert_eq!(due("R8/12/1"), "2026-12-01");
    assert_eq!(
        due("来週月曜 10:00"),
        format!("{}T10:00", monday + Duration::days(7))
    );

    let lead = add_midori(&s);
    s.ok(&[
        "log",
        "商談",
        "--lead",
        &lead,
        "--summary",
        "紙の日報から",
        "--at",
        "R8.11.20 10:00",
    ]);
    let listed = s.ok(&["activity", "list", "--lead", &lead]);
    assert!(listed.contains("2026-11-20 10:00"), "{listed}");

    let err = s.fails(&["lead", "add", "--title", "x", "--due", "そのうち"]);
    assert!(
        err.contains("'そのうち' is not a date (try today, tomorrow, +3d"),
        "the English message stays: {err}"
    );
}

/// What the tests of the two languages put in: a lead with a contact on it, activities, a
/// move and changed fields, so every part of `lead show` and `contact show` has something.
/// Returns the lead's id, the contact's id, and the data typed (the only text a check of
/// the language may find in the other language).
fn a_desk_in_japanese(s: &Scratch) -> (String, String, Vec<&'static str>) {
    let lead = s.ok(&[
        "lead",
        "add",
        "--title",
        "ミドリ技研 設備更新",
        "--company",
        "ミドリ技研株式会社",
        "--stage",
        "considering",
        "--source",
        "exhibition",
        "--source-detail",
        "国際ロボット展",
        "--value",
        "1200000",
        "--next-action",
        "見積送付",
        "--due",
        "+2d",
        "--tag",
        "重点",
        "--budget",
        "yes:予算確保済み",
        "--notes",
        "来期の設備投資",
    ]);
    let lead = lead.trim().to_string();
    let contact = s.ok(&[
        "contact",
        "add",
        "--name",
        "佐藤 花子",
        "--reading",
        "さとう はなこ",
        "--company",
        "ミドリ技研株式会社",
        "--title",
        "課長",
        "--email",
        "hanako@midori.example.co.jp",
        "--phone",
        "03-1234-5678",
        "--postal-code",
        "100-0001",
        "--exchanged-on",
        "yesterday",
        "--exchanged-at",
        "国際ロボット展",
    ]);
    let contact = contact.trim().to_string();
    s.ok(&["lead", "link", &lead, &contact, "--role", "decision_maker"]);
    s.ok(&[
        "log",
        "call",
        "--lead",
        &lead,
        "--contact",
        &contact,
        "--direction",
        "outbound",
        "--summary",
        "ミドリ技研 課長と電話",
    ]);
    s.ok(&[
        "log",
        "web_visit",
        "--lead",
        &lead,
        "--summary",
        "料金ページを閲覧",
    ]);
    s.ok(&[
        "lead", "edit", &lead, "--owner", "鈴木", "--value", "1500000",
    ]);
    s.ok(&["contact", "edit", &contact, "--postal-code", "100-0002"]);
    s.ok(&["lead", "move", &lead, "future"]);
    let data = vec![
        "ミドリ技研 設備更新",
        "ミドリ技研株式会社",
        "ミドリ技研 課長と電話",
        "国際ロボット展",
        "見積送付",
        "重点",
        "予算確保済み",
        "来期の設備投資",
        "佐藤 花子",
        "さとう はなこ",
        "課長",
        "hanako@midori.example.co.jp",
        "料金ページを閲覧",
        "鈴木",
        "tester",
    ];
    (lead, contact, data)
}

/// The commands whose text a rep reads most, with their arguments.
fn read_by_a_rep(lead: &str, contact: &str) -> Vec<Vec<String>> {
    [
        vec!["lead", "list"],
        vec!["lead", "show", lead],
        vec!["contact", "list"],
        vec!["contact", "show", contact],
        vec!["activity", "list", "--lead", lead],
        vec!["stats"],
        vec!["search", "ミドリ"],
        vec!["check"],
    ]
    .into_iter()
    .map(|args| args.into_iter().map(String::from).collect())
    .collect()
}

/// `text` with every piece of `data` taken out, and the database's path.
fn without_data(text: &str, data: &[&str], s: &Scratch) -> String {
    let mut rest = text.replace(&s.db().display().to_string(), " ");
    // The longest first: a name inside a longer one goes with it.
    let mut data = data.to_vec();
    data.sort_by_key(|d| std::cmp::Reverse(d.len()));
    for d in data {
        rest = rest.replace(d, " ");
    }
    rest
}

/// The English words in a text: runs of ASCII letters of two or more (a run with a digit
/// in it is an id, a number or a date), leaving out what is in backticks (a command to
/// type) and the technical names a Japanese rep reads as they are.
fn english_words(text: &str) -> Vec<String> {
    const TECHNICAL: &[&str] = &[
        "ID",
        "CSV",
        "ICS",
        "JSON",
        "URL",
        "FAX",
        "UID",
        "BANT",
        "SNS",
        "Web",
        "leadtrack",
    ];
    let outside_backticks: String = text
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, part)| part)
        .collect::<Vec<_>>()
        .join(" ");
    outside_backticks
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .filter(|token| !token.chars().any(|c| c.is_ascii_digit()))
        .flat_map(|token| token.split('-'))
        .filter(|word| word.len() >= 2 && !TECHNICAL.contains(word))
        .map(String::from)
        .collect()
}

/// Characters of Japanese writing: kana, kanji, and the full-width forms and punctuation.
fn japanese_characters(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| {
            matches!(c,
                '\u{3000}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
                | '\u{ff00}'..='\u{ffef}')
        })
        .collect()
}

/// A date as the Japanese text shows it: `12/3(木)`, the year when it is not this year's.
fn ja_day(offset: i64) -> String {
    use chrono::Datelike;
    let today = Local::now().date_naive();
    let date = today + Duration::days(offset);
    let weekday =
        ["月", "火", "水", "木", "金", "土", "日"][date.weekday().num_days_from_monday() as usize];
    if date.year() == today.year() {
        format!("{}/{}({weekday})", date.month(), date.day())
    } else {
        format!("{}/{}/{}({weekday})", date.year(), date.month(), date.day())
    }
}

#[test]
fn the_english_word_check_finds_what_is_planted() {
    assert_eq!(
        english_words("段階 Stage ID 0193f2a1 `leadtrack lead show --all` Web訪問 a"),
        ["Stage"]
    );
    assert!(english_words("019e4296-ce40-7d03-bb47-e0f6b5aaab5f 12/3(木) 14:00").is_empty());
    assert_eq!(japanese_characters("Stage 段階"), ['段', '階']);
}

/// `--lang ja`: every command a rep reads says its headings, labels, dates and amounts in
/// Japanese, and no English word but the data typed in and technical names.
#[test]
fn in_japanese_the_command_line_says_no_english_word() {
    let s = Scratch::new();
    let (lead, contact, data) = a_desk_in_japanese(&s);
    for args in read_by_a_rep(&lead, &contact) {
        let mut all = vec!["--lang".to_string(), "ja".to_string()];
        all.extend(args.iter().cloned());
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        let text = s.ok(&all);
        let english = english_words(&without_data(&text, &data, &s));
        assert!(english.is_empty(), "{args:?} says {english:?}:\n{text}");
    }
    let ja = |args: &[&str]| {
        let mut all = vec!["--lang", "ja"];
        all.extend_from_slice(args);
        s.ok(&all)
    };

    let list = ja(&["lead", "list"]);
    let header = list.lines().next().unwrap();
    for word in [
        "ID",
        "段階",
        "ランク",
        "期日",
        "案件名",
        "会社名",
        "担当者",
        "金額",
    ] {
        assert!(header.contains(word), "{word} missing:\n{list}");
    }
    for cell in ["将来見込み", "150万円", &ja_day(2)] {
        assert!(list.contains(cell), "{cell} missing:\n{list}");
    }

    let shown = ja(&["lead", "show", &lead]);
    for part in [
        "会社名",
        "段階",
        "将来見込み",
        "150万円",
        &format!("見積送付 — {}", ja_day(2)),
        "流入元",
        "展示会 — 国際ロボット展",
        "予算",
        "はい（予算確保済み）",
        "佐藤 花子（決裁者） — ミドリ技研株式会社",
        "活動（新しい順）",
        "電話 発信",
        "Web訪問",
        "段階の履歴",
        "検討段階 → 将来見込み",
        "変更された項目",
        "担当者：変更前は",
    ] {
        assert!(shown.contains(part), "{part} missing:\n{shown}");
    }

    let card = ja(&["contact", "show", &contact]);
    for part in [
        "読み",
        "役職",
        "郵便番号",
        "名刺交換日",
        &ja_day(-1),
        "ミドリ技研 設備更新（決裁者・将来見込み）",
        "郵便番号：変更前は100-0001",
    ] {
        assert!(card.contains(part), "{part} missing:\n{card}");
    }

    let stats = ja(&["stats"]);
    for part in [
        "段階ごとの進行中リード",
        "将来見込み",
        "150万円",
        "流入元別",
        "展示会",
        "担当者別",
        "Web訪問",
        "受注",
    ] {
        assert!(stats.contains(part), "{part} missing:\n{stats}");
    }

    let found = ja(&["search", "ミドリ"]);
    for part in ["種類", "内容", "リード", "名刺", "電話"] {
        assert!(found.contains(part), "{part} missing:\n{found}");
    }

    // What a command did is said in Japanese too.
    let moved = ja(&["lead", "move", &lead, "considering"]);
    assert_eq!(
        moved.trim(),
        "「ミドリ技研 設備更新」を検討段階に移しました"
    );
    let linked = ja(&["lead", "link", &lead, &contact, "--role", "influencer"]);
    assert!(
        linked.contains("影響者にしました（前は決裁者）"),
        "{linked}"
    );
}

/// In English (the default) the same commands say no Japanese label: the only Japanese is
/// the data typed in.
#[test]
fn in_english_the_command_line_says_no_japanese_label() {
    let s = Scratch::new();
    let (lead, contact, data) = a_desk_in_japanese(&s);
    for args in read_by_a_rep(&lead, &contact) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let text = s.ok(&args);
        let japanese = japanese_characters(&without_data(&text, &data, &s));
        assert!(japanese.is_empty(), "{args:?} says {japanese:?}:\n{text}");
    }
    let list = s.ok(&["lead", "list"]);
    assert!(
        list.lines().next().unwrap().starts_with("ID")
            && list.contains("Future potential")
            && list.contains("1,500,000")
            && list.contains(&day(2)),
        "{list}"
    );
    let shown = s.ok(&["lead", "show", &lead]);
    for part in [
        "Future potential",
        "Exhibition — 国際ロボット展",
        "yes (予算確保済み)",
        "佐藤 花子 (Decision maker)",
        "Call, made",
        "Web visit",
        "Considering → Future potential",
        "owner was tester",
    ] {
        assert!(shown.contains(part), "{part} missing:\n{shown}");
    }
    let stats = s.ok(&["stats"]);
    assert!(
        stats.contains("Future potential  ") && stats.contains("Exhibition"),
        "{stats}"
    );
    let found = s.ok(&["search", "ミドリ"]);
    assert!(
        found.contains("KIND") && found.contains("lead") && found.contains("contact"),
        "{found}"
    );
}

/// The language comes from `--lang`, else `LEADTRACK_LANG`, else `[ui] language`, else the
/// locale; a language leadtrack does not speak is refused, naming the ones it does.
#[test]
fn the_language_comes_from_the_flag_the_environment_the_config_or_the_locale() {
    let s = Scratch::new();
    add_midori(&s);
    let heading = |cmd: &mut assert_cmd::Command| {
        let out = cmd.args(["lead", "list"]).output().unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    let japanese = |h: &str| h.contains("段階") && !h.contains("STAGE");
    let english = |h: &str| h.contains("STAGE") && !h.contains("段階");

    assert!(english(&heading(&mut s.cmd())), "English with no locale");
    assert!(japanese(&heading(s.cmd().env("LEADTRACK_LANG", "ja"))));
    assert!(japanese(&heading(s.cmd().env("LANG", "ja_JP.UTF-8"))));
    assert!(japanese(&heading(s.cmd().env("LC_ALL", "ja_JP.UTF-8"))));
    assert!(english(&heading(s.cmd().env("LANG", "en_US.UTF-8"))));
    assert!(english(&heading(
        s.cmd().env("LANG", "ja_JP.UTF-8").args(["--lang", "en"])
    )));
    assert!(english(&heading(
        s.cmd()
            .env("LANG", "ja_JP.UTF-8")
            .env("LEADTRACK_LANG", "en")
    )));

    let config = s.path("config.toml");
    std::fs::write(&config, "[ui]\nlanguage = \"ja\"\n").unwrap();
    let with_config = || {
        let mut cmd = s.cmd();
        cmd.arg("--config").arg(&config);
        cmd
    };
    assert!(japanese(&heading(&mut with_config())));
    assert!(english(&heading(with_config().args(["--lang", "en"]))));

    for cmd in [
        s.cmd().args(["--lang", "fr", "lead", "list"]),
        s.cmd().env("LEADTRACK_LANG", "fr").args(["lead", "list"]),
    ] {
        let out = cmd.output().unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("'fr' is not a language (en or ja)"), "{err}");
    }
}

/// Import, dedupe, export and sync reports in Japanese: the summary, each line and the
/// notes on stderr, with no English word but the data and the file formats' names.
#[test]
fn import_export_and_sync_report_in_japanese() {
    let s = Scratch::new();
    let cards = s.path("cards.csv");
    std::fs::write(
        &cards,
        "姓,名,会社名,メール,役職\n佐藤,花子,ミドリ技研,hanako@midori.example.co.jp,\n\
         佐藤,花子,ミドリ技研,hanako@midori.example.co.jp,課長\n",
    )
    .unwrap();
    s.ok(&["lead", "add", "--title", "ミドリ技研 設備更新"]);
    let ics = s.path("followups.ics");
    let team = s.path("team.leadtrack.db");
    let paths = [&cards, &ics, &team].map(|p| p.display().to_string());
    let data = [
        paths[0].as_str(),
        paths[1].as_str(),
        paths[2].as_str(),
        "ミドリ技研 設備更新",
        "佐藤 花子",
        "ミドリ技研",
        "課長",
    ];
    let run = |args: &[&str]| {
        let out = s.cmd().args(["--lang", "ja"]).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        let said = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
        let english = english_words(&without_data(&said, &data, &s));
        assert!(english.is_empty(), "{args:?} says {english:?}:\n{said}");
        said
    };

    let rehearsed = run(&["import", "cards", &paths[0], "--dry-run"]);
    assert!(rehearsed.contains("試しに実行しただけ"), "{rehearsed}");
    let imported = run(&["import", "cards", &paths[0]]);
    for part in [
        "名刺 2件（CSV）",
        "追加 1件、統合 1件",
        "2行目 追加",
        "3行目 統合",
        "佐藤 花子（2行目）",
    ] {
        assert!(imported.contains(part), "{part} missing:\n{imported}");
    }
    let dedupe = run(&["dedupe"]);
    assert!(dedupe.contains("重複らしい名刺はありません"), "{dedupe}");
    let exported = run(&["export", "followups", "--format", "ics", "-o", &paths[1]]);
    assert!(
        exported.contains("書き出しました")
            && exported.contains("次回アクションのない進行中リードが1件"),
        "{exported}"
    );
    let synced = run(&["sync", "--team-file", &paths[2]]);
    assert!(
        synced.contains("チームファイル") && synced.contains("作りました"),
        "{synced}"
    );
    let again = run(&["sync", "--team-file", &paths[2]]);
    assert!(again.contains("新しい変更なし"), "{again}");
}

#[test]
fn errors_about_ids_and_files_speak_the_reps_language() {
    let s = Scratch::new();
    s.ok(&["lead", "add", "--title", "設備更新"]);
    let err = s.fails(&["--lang", "ja", "lead", "show", "zzzz"]);
    assert!(
        err.contains("エラー：「zzzz」は ID ではありません"),
        "{err}"
    );
    let err = s.fails(&["--lang", "ja", "lead", "show", "0000"]);
    assert!(err.contains("0000」で始まるリードはありません"), "{err}");
    let err = s.fails(&["lead", "show", "0000"]);
    assert!(
        err.contains("error: no lead has an id starting with '0000'"),
        "{err}"
    );
    // The language of an error comes from the config too, and from the locale.
    let err = s
        .cmd()
        .env("LANG", "ja_JP.UTF-8")
        .args(["lead", "show", "zzzz"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&err.stderr).starts_with("エラー："),
        "{}",
        String::from_utf8_lossy(&err.stderr)
    );
}

/// The errors a rep meets typing a command (a date, a stage, a source, an id, a config
/// value) read in Japanese with `--lang ja`, one line, exit code 1; in English they are the
/// words they always were.
#[test]
fn errors_about_typed_values_and_the_config_speak_the_reps_language() {
    let s = Scratch::new();
    s.ok(&["lead", "add", "--title", "設備更新"]);
    let config = s.path("bad.toml");
    std::fs::write(&config, "[team]\nsync_interval_secs = 1\n").unwrap();
    let config = config.to_str().unwrap().to_string();
    let cases: [(Vec<&str>, String, &str); 5] = [
        (
            vec!["lead", "add", "--title", "x", "--due", "someday"],
            "error: --due: 'someday' is not a date (try today, tomorrow, +3d, +2w, friday, 12/1, \
             2026-12-01 or 明日)"
                .to_string(),
            "「someday」は日付として読めません",
        ),
        (
            vec!["lead", "add", "--title", "x", "--stage", "bogus"],
            "error: --stage: 'bogus' is not a stage: use considering (検討段階), future (Future \
             potential, 将来見込み), no_prospect (No prospect, 見込みなし) or customer (顧客)"
                .to_string(),
            "「bogus」は段階ではありません",
        ),
        (
            vec!["lead", "add", "--title", "x", "--source", "bogus"],
            "error: 'bogus' is not a source: use one of exhibition (展示会), website (Webサイト, \
             ウェブサイト), seminar (セミナー), referral (紹介), inbound_call (Inbound call, \
             電話問い合わせ, 電話), advertising (広告), sns (SNS), business_card (Business card, \
             名刺), other (その他) (or add it to [sources] names)"
                .to_string(),
            "「bogus」は流入元ではありません",
        ),
        (
            vec!["lead", "show", "0000"],
            "error: no lead has an id starting with '0000'".to_string(),
            "「0000」で始まるリードはありません",
        ),
        (
            vec!["--config", &config, "lead", "list"],
            format!(
                "error: config file {config}, line 2: `team.sync_interval_secs` must be at least 5"
            ),
            "の 2 行目：`team.sync_interval_secs` は 5 以上にしてください",
        ),
    ];
    // What a Japanese message may hold in ASCII: flags, ids and names a rep types, the
    // file's path, config keys.
    let technical = [
        "--due",
        "--stage",
        "someday",
        "bogus",
        "no_prospect",
        "considering",
        "future",
        "customer",
        "inbound_call",
        "business_card",
        "exhibition",
        "website",
        "seminar",
        "referral",
        "advertising",
        "sns",
        "SNS",
        "other",
        "Web",
        "[sources] names",
        "team.sync_interval_secs",
        "ID",
        &config,
    ];
    for (args, english, japanese) in cases {
        let en = s.fails(&args);
        assert_eq!(en.trim_end(), english);
        assert_eq!(en.lines().count(), 1, "{en}");

        let mut ja_args = vec!["--lang", "ja"];
        ja_args.extend(&args);
        let ja = s.fails(&ja_args);
        assert_eq!(ja.lines().count(), 1, "{ja}");
        assert!(ja.starts_with("エラー：") && ja.contains(japanese), "{ja}");
        let mut rest = ja.clone();
        for token in technical {
            rest = rest.replace(token, " ");
        }
        assert!(
            !rest
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|word| word.len() >= 2),
            "an English word in {ja}"
        );
    }
}

/// More values a rep types: an activity kind, an amount, a BANT answer, an email address.
/// Japanese with `--lang ja`, the English words unchanged; one line, exit code 1.
#[test]
fn more_typed_values_are_refused_in_the_reps_language() {
    let s = Scratch::new();
    let lead = add_midori(&s);
    let cases: [(Vec<&str>, &str, &str); 4] = [
        (
            vec!["log", "visit", "--lead", &lead, "--summary", "s"],
            "error: kind: 'visit' is not an activity kind: use call (電話), meeting (商談), \
             email (メール), web_visit (Web visit, Web訪問), document_request (Document request, \
             資料請求), newsletter_signup (Newsletter sign-up, メルマガ登録), seminar \
             (セミナー参加), inquiry (問い合わせ) or note (メモ)",
            "エラー：種類：「visit」は活動の種類ではありません。使えるのは call（電話）、",
        ),
        (
            vec!["lead", "add", "--title", "x", "--value", "lots"],
            "error: --value: 'lots' is not an amount (e.g. 1200000, 1,200,000, ¥1,200,000 or \
             120万)",
            "エラー：--value：「lots」は金額として読めません",
        ),
        (
            vec!["lead", "add", "--title", "x", "--budget", "maybe"],
            "error: --budget: 'maybe' is not yes, no or unknown (optionally with ':note')",
            "エラー：--budget：「maybe」は yes（はい）、no（いいえ）、unknown（不明）のどれでもありません",
        ),
        (
            vec!["contact", "add", "--family-name", "山田", "--email", "nope"],
            "error: --email: 'nope' is not an email address",
            "エラー：--email：「nope」はメールアドレスとして読めません",
        ),
    ];
    for (args, english, japanese) in cases {
        let en = s.fails(&args);
        assert_eq!(en.trim_end(), english);
        let mut ja_args = vec!["--lang", "ja"];
        ja_args.extend(&args);
        let ja = s.fails(&ja_args);
        assert_eq!(ja.lines().count(), 1, "{ja}");
        assert!(ja.starts_with(japanese), "{ja}");
    }
}

/// The check every refused command goes through finds a word of the other language that
/// no one typed, and lets data, flags and quoted diagnostics be.
#[test]
fn the_one_language_check_finds_a_planted_word() {
    use leadtrack::config::Language;
    let planted = |line: &str, language| {
        std::panic::catch_unwind(|| common::speaks_one_language(line, language, "佐藤 x.csv"))
            .is_err()
    };
    assert!(planted("エラー：x.csv is broken", Language::Ja));
    assert!(planted("error: x.csv は壊れています", Language::En));
    assert!(!planted(
        "エラー：x.csv の 2 行目：`keys.won` を --stage で〔invalid string〕",
        Language::Ja
    ));
    assert!(!planted(
        "error: '佐藤' is not a stage (検討段階)",
        Language::En
    ));
}

/// A row left out of an import is said in the report's language; the JSON report keeps the
/// words scripts read.
#[test]
fn rows_left_out_of_an_import_are_said_in_the_reps_language() {
    let s = Scratch::new();
    let cards = s.path("cards.csv");
    std::fs::write(&cards, "氏名,メモ\n,名前のない行\n山田 太郎,展示会\n").unwrap();
    let leads = s.path("leads.csv");
    std::fs::write(
        &leads,
        "案件名,会社名\n,名無し株式会社\n設備更新,山田商事\n",
    )
    .unwrap();
    let cards = cards.to_str().unwrap();
    let leads = leads.to_str().unwrap();
    let ja = s.ok(&["--lang", "ja", "import", "cards", cards, "--dry-run"]);
    assert!(
        ja.contains("2行目：氏名もメールアドレスもないためスキップ"),
        "{ja}"
    );
    let ja = s.ok(&["--lang", "ja", "import", "leads", leads, "--dry-run"]);
    assert!(ja.contains("案件名がないためスキップ"), "{ja}");
    let en = s.ok(&["import", "leads", leads, "--dry-run"]);
    assert!(en.contains("no title — skipped"), "{en}");
    let json = s.json(&["--lang", "ja", "import", "cards", cards, "--report", "json"]);
    assert_eq!(
        json["skipped"][0]["reason"], "no name or email — skipped",
        "{json}"
    );
}
