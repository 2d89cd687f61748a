//! Privacy (SPEC §8): `contact delete --purge` erases a person from the database file, its
//! search index and its history, so that the bytes are gone; team copies erase them too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::Scratch;
use std::path::Path;

/// Details only this person has, as they are stored.
const DETAILS: &[&str] = &[
    "紗季子",
    "はとやま",
    "hatoyama.sakiko@example.co.jp",
    "sakiko.h@example.co.jp",
    "03-9876-5432",
    "東京都千代田区紀尾井町9-9",
];

/// The details whose bytes are in the database file or its write-ahead log.
fn in_files(db: &Path) -> Vec<&'static str> {
    let mut bytes = std::fs::read(db).unwrap();
    if let Ok(wal) = std::fs::read(format!("{}-wal", db.display())) {
        bytes.extend(wal);
    }
    DETAILS
        .iter()
        .copied()
        .filter(|d| memchr::memmem::find(&bytes, d.as_bytes()).is_some())
        .collect()
}

/// A database with the person on a lead, in an activity and with an edit in history.
fn with_person(s: &Scratch) -> (String, String) {
    s.ok(&["demo", "--leads", "40"]);
    let contact = s
        .ok(&[
            "contact",
            "add",
            "--name",
            "鳩山 紗季子",
            "--reading",
            "はとやま さきこ",
            "--email",
            "hatoyama.sakiko@example.co.jp",
            "--phone",
            "03-9876-5432",
            "--address",
            "東京都千代田区紀尾井町9-9",
            "--company",
            "ミドリ技研",
        ])
        .trim()
        .to_string();
    s.ok(&[
        "contact",
        "edit",
        &contact,
        "--email",
        "sakiko.h@example.co.jp",
    ]);
    let leads = s.json(&["lead", "list", "--format", "json"]);
    let lead = leads[0]["id"].as_str().unwrap().to_string();
    s.ok(&["lead", "link", &lead, &contact, "--role", "decision_maker"]);
    s.ok(&[
        "log",
        "call",
        "--lead",
        &lead,
        "--contact",
        &contact,
        "--summary",
        "課長と電話",
    ]);
    (contact, lead)
}

#[test]
fn a_purged_contact_leaves_no_bytes_in_the_file() {
    let s = Scratch::new();
    let (contact, lead) = with_person(&s);
    assert_eq!(in_files(&s.db()), DETAILS, "the check can see every detail");

    let out = s.ok(&["contact", "delete", &contact[..8], "--purge"]);
    assert!(out.contains("Purged contact"), "{out}");
    assert!(out.contains("1 places on leads"), "{out}");
    assert!(
        out.contains("Checked: none of the contact's details remain"),
        "{out}"
    );

    assert_eq!(
        in_files(&s.db()),
        Vec::<&str>::new(),
        "bytes left in the file"
    );
    assert!(
        s.fails(&["contact", "show", &contact])
            .contains("no contact")
    );
    assert!(s.ok(&["search", "鳩山"]).contains("Nothing matches"));
    assert!(s.ok(&["search", "hatoyama"]).contains("Nothing matches"));
    let shown = s.json(&["lead", "show", &lead, "--format", "json"]);
    let call = shown["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["summary"] == "課長と電話")
        .expect("the call stays on the lead");
    assert!(call["contact_id"].is_null(), "{call}");
    assert!(s.ok(&["check"]).contains("ok"));
}

#[test]
fn a_plain_delete_keeps_the_bytes_which_is_why_purge_exists() {
    let s = Scratch::new();
    let (contact, _) = with_person(&s);
    s.ok(&["contact", "delete", &contact]);
    assert!(!in_files(&s.db()).is_empty());
}

#[test]
fn merging_a_copy_that_still_holds_the_person_does_not_bring_them_back() {
    let s = Scratch::new();
    let (contact, _) = with_person(&s);
    let before = s.path("before.db");
    s.ok(&["backup", before.to_str().unwrap()]);
    s.ok(&["contact", "delete", &contact, "--purge"]);

    // The old copy merged in: the contact stays erased here.
    s.ok(&["merge", before.to_str().unwrap()]);
    assert!(
        s.fails(&["contact", "show", &contact])
            .contains("no contact")
    );
    assert_eq!(in_files(&s.db()), Vec::<&str>::new());

    // This copy merged into the old one: the old one erases the contact too.
    let other = Scratch::new();
    std::fs::copy(&before, other.db()).unwrap();
    other.ok(&["contact", "show", &contact]);
    other.ok(&["merge", s.db().to_str().unwrap()]);
    assert!(
        other
            .fails(&["contact", "show", &contact])
            .contains("no contact")
    );
    assert!(other.ok(&["search", "鳩山"]).contains("Nothing matches"));
    assert_eq!(in_files(&other.db()), Vec::<&str>::new());
}

#[test]
fn the_database_its_wal_and_backups_are_owner_only_under_umask_022() {
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::new();
    let bin = env!("CARGO_BIN_EXE_leadtrack");
    let db = s.db();
    let backup = s.path("backup.db");
    let script = format!(
        "umask 022; {bin} --db {db} lead add --title x >/dev/null && \
         {bin} --db {db} backup {backup} >/dev/null && \
         touch {plain} && ls -l {db} {backup} {plain} >/dev/null",
        db = db.display(),
        backup = backup.display(),
        plain = s.path("plain").display(),
    );
    let out = std::process::Command::new("sh")
        .args(["-c", &script])
        .env("HOME", s.dir.path())
        .env("XDG_CONFIG_HOME", s.path("config"))
        .env("USER", "tester")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&s.path("plain")), 0o644, "the umask is 022");
    assert_eq!(mode(&db), 0o600);
    assert_eq!(mode(&backup), 0o600);
    // The WAL and its index exist while the database is open and written.
    let mut store = leadtrack::store::Store::open(&db, "tester").unwrap();
    let config = leadtrack::config::Config::default();
    let lead = leadtrack::model::lead::LeadFields {
        title: "y".into(),
        ..Default::default()
    };
    leadtrack::features::leads::add(&mut store, &config, lead).unwrap();
    for beside in ["-wal", "-shm"] {
        let path = std::path::PathBuf::from(format!("{}{beside}", db.display()));
        assert_eq!(mode(&path), 0o600, "{path:?}");
    }
}

/// `leadtrack --db DB --team-file TEAM ...` in the scratch home.
fn with_team(s: &Scratch, db: &Path, team: &Path, args: &[&str]) -> std::process::Output {
    s.bare()
        .arg("--db")
        .arg(db)
        .arg("--team-file")
        .arg(team)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_purge_reaches_every_rep_through_the_team_file() {
    let s = Scratch::new();
    let (contact, _) = with_person(&s);
    std::fs::create_dir_all(s.path("Dropbox")).unwrap();
    let team = s.path("Dropbox/team.leadtrack.db");
    let ok = |db: &Path, args: &[&str]| {
        let out = with_team(&s, db, &team, args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    // Two reps share the person; one purges, both sync.
    let other = s.path("other.db");
    ok(&s.db(), &["sync"]);
    ok(&other, &["sync"]);
    ok(&other, &["contact", "show", &contact]);
    ok(&s.db(), &["contact", "delete", &contact, "--purge"]);
    ok(&s.db(), &["sync"]);
    ok(&other, &["sync"]);
    let out = with_team(&s, &other, &team, &["contact", "show", &contact]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the other rep no longer has the contact"
    );
    for db in [s.db(), other, team.clone()] {
        assert_eq!(in_files(&db), Vec::<&str>::new(), "{db:?}");
    }
}
