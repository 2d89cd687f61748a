//! Snapshots on the team server: the database's owner publishes a copy of a synced database
//! (`leadtrack team snapshot`), and a new rep's first round starts from it and pulls only
//! what came after. The copy is only the owner's to write, a purge takes older copies off
//! the server, and a damaged copy or one of another schema is never taken: the new rep then
//! pulls every change, as without a snapshot. Skipped, with the reason, where PostgreSQL is
//! not installed (never under CI=true).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(unix)]

mod common;

use common::pg::{self, Cluster};
use common::server_reps::{Rep, derived_state, reads_none, refused, sato_and_tanaka};
use common::{Scratch, shared_state, team_server};
use serde_json::Value;

/// Sato's demo team, pushed to the server.
fn demo_team(sato: &Rep<'_>) {
    sato.ok(&[
        "demo",
        "--seed",
        "11",
        "--leads",
        "200",
        "--contacts",
        "400",
        "--activities",
        "1500",
    ]);
    sato.sync();
}

/// The owner, as a rep with a database of their own (the copy they publish).
fn owner<'a>(s: &'a Scratch, cluster: &Cluster) -> Rep<'a> {
    Rep::new(s, cluster, pg::OWNER, "管理者")
}

/// How many snapshots the server holds.
fn snapshots(cluster: &Cluster) -> i64 {
    let mut sql = cluster.client(pg::OWNER, pg::DB);
    sql.query_one("SELECT count(*) FROM leadtrack.snapshots", &[])
        .unwrap()
        .get(0)
}

fn node(rep: &Rep<'_>) -> String {
    let conn = rusqlite::Connection::open(rep.db()).unwrap();
    conn.query_row("SELECT value FROM meta WHERE key = 'node'", [], |r| {
        r.get(0)
    })
    .unwrap()
}

/// The two databases hold the same records and work out the same from them.
fn same_team(one: &Rep<'_>, other: &Rep<'_>) {
    assert_eq!(shared_state(&one.db()), shared_state(&other.db()));
    let (a, b) = (derived_state(&one.db()), derived_state(&other.db()));
    let differing: Vec<_> = a.iter().zip(&b).filter(|(x, y)| x != y).take(5).collect();
    assert!(differing.is_empty(), "first differences: {differing:#?}");
    assert_eq!(a.len(), b.len());
}

#[test]
fn a_new_rep_starts_from_the_owners_snapshot_and_pulls_only_what_came_after() {
    let s = Scratch::new();
    let Some(cluster) = team_server(&s, &["sato", "tanaka"]) else {
        return;
    };
    let (sato, tanaka) = sato_and_tanaka(&s, &cluster);
    demo_team(&sato);
    let admin = owner(&s, &cluster);
    let said = admin.ok(&["team", "snapshot"]);
    assert!(said.contains("published a snapshot"), "{said}");
    let published = admin.json(&["team", "snapshot"]);
    assert_eq!(snapshots(&cluster), 1, "the newer replaces the older");
    let size = published["snapshot"]["size"].as_i64().unwrap();
    assert!(
        published["snapshot"]["stored"].as_i64().unwrap() < size / 2,
        "{published}"
    );

    // Sato goes on working after the snapshot was made.
    let later = sato.add_lead("スナップショット後の案件");
    sato.ok(&["log", "call", "--lead", &later, "--summary", "後からの電話"]);
    let leads = sato.json(&["lead", "list"]);
    let first = leads[0]["id"].as_str().unwrap().to_string();
    sato.ok(&["lead", "edit", &first, "--title", "後から変えた件名"]);
    sato.sync();

    let round = tanaka.json(&["sync"]);
    assert_eq!(
        round["snapshot"]["id"], published["snapshot"]["id"],
        "{round}"
    );
    assert_eq!(round["snapshot_unusable"], Value::Null);
    // Only what came after the snapshot was pulled: the new lead and its call, the edit.
    let added = round["pulled"]["added"].as_u64().unwrap();
    assert!((2..20).contains(&added), "{round}");
    same_team(&sato, &tanaka);
    assert_eq!(
        tanaka.json(&["lead", "show", &first])["title"],
        "後から変えた件名"
    );

    // Tanaka's database is Tanaka's: a node of its own, nothing sent back, and what Tanaka
    // does next reaches the team as Tanaka's.
    assert_ne!(node(&tanaka), node(&admin));
    assert_eq!(tanaka.json(&["sync"])["pushed"]["sent"], 0);
    let id = tanaka.add_lead("新人の初案件");
    assert!(tanaka.json(&["sync"])["pushed"]["new"].as_u64().unwrap() >= 1);
    sato.sync();
    let lead = sato.json(&["lead", "show", &id]);
    assert_eq!(lead["created_by"], "tanaka", "{lead}");
    assert!(tanaka.ok(&["check"]).contains("Integrity    ok"));

    // In Japanese, the rep is told where the database started from.
    let joined = Scratch::new();
    let newcomer = Rep::new(&joined, &cluster, "tanaka", "田中");
    let said = newcomer.ok(&["sync", "--lang", "ja"]);
    assert!(said.contains("スナップショット"), "{said}");
    same_team(&sato, &newcomer);
}

#[test]
fn only_the_owner_publishes_and_a_role_outside_the_team_reads_no_snapshot() {
    let s = Scratch::new();
    let Some(cluster) = team_server(&s, &["sato"]) else {
        return;
    };
    let sato = Rep::new(&s, &cluster, "sato", "佐藤");
    sato.add_lead("社外秘の案件");
    let before = shared_state(&sato.db());
    let said = refused(&sato.run(&["team", "snapshot"]));
    assert!(said.contains("only the owner"), "{said}");
    assert!(said.contains("leadtrack team snapshot"), "{said}");
    let said = refused(&sato.run(&["team", "snapshot", "--lang", "ja"]));
    assert!(said.contains("所有者"), "{said}");
    assert_eq!(snapshots(&cluster), 0);
    assert_eq!(shared_state(&sato.db()), before, "nothing was sent");

    sato.sync();
    owner(&s, &cluster).ok(&["team", "snapshot"]);
    assert_eq!(snapshots(&cluster), 1);
    // A rep reads the snapshot but cannot write one with a client of their own.
    let mut rep_sql = cluster.client("sato", pg::DB);
    let e = rep_sql
        .execute(
            "INSERT INTO leadtrack.snapshots (upto, schema, size, parts) VALUES (1, 9, 1, 0)",
            &[],
        )
        .unwrap_err();
    let message = e.as_db_error().unwrap().message().to_string();
    assert!(message.contains("permission denied"), "{message}");
    // A role outside the team's group cannot even read it.
    reads_none(&cluster, "outsider", &["snapshots", "snapshot_parts"]);
}

#[test]
fn a_damaged_snapshot_or_one_of_another_schema_is_passed_over_and_every_change_pulled() {
    let s = Scratch::new();
    let Some(cluster) = team_server(&s, &["sato", "tanaka"]) else {
        return;
    };
    let (sato, tanaka) = sato_and_tanaka(&s, &cluster);
    demo_team(&sato);
    owner(&s, &cluster).ok(&["team", "snapshot"]);
    // Bytes changed in the middle of the stored copy: its checksum tells.
    cluster.sql_as(
        pg::OWNER,
        pg::DB,
        "UPDATE leadtrack.snapshot_parts
         SET bytes = overlay(bytes PLACING '\\x00000000'::bytea FROM length(bytes) / 2)",
    );
    let before = std::fs::read_dir(s.dir.path()).unwrap().count();
    let out = tanaka.run(&["sync"]);
    assert!(out.status.success());
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("cannot be used") && said.contains("every change was pulled instead"),
        "{said}"
    );
    same_team(&sato, &tanaka);
    // Its scratch file went with it.
    assert_eq!(
        std::fs::read_dir(s.dir.path()).unwrap().count(),
        before + 1,
        "tanaka's database and nothing else"
    );

    // Said in the rep's language.
    let joined = Scratch::new();
    let newcomer = Rep::new(&joined, &cluster, "tanaka", "田中");
    let said = newcomer.ok(&["sync", "--lang", "ja"]);
    assert!(
        said.contains("使えません") && said.contains("代わりにすべての変更を取り込みました"),
        "{said}"
    );

    // A copy made by a leadtrack of another database schema is not for this one.
    cluster.sql_as(pg::OWNER, pg::DB, "DELETE FROM leadtrack.snapshots; ");
    owner(&s, &cluster).ok(&["team", "snapshot"]);
    cluster.sql_as(
        pg::OWNER,
        pg::DB,
        "UPDATE leadtrack.snapshots SET schema = 99",
    );
    let joined = Scratch::new();
    let newcomer = Rep::new(&joined, &cluster, "tanaka", "田中");
    let round = newcomer.json(&["sync"]);
    assert_eq!(round["snapshot"], Value::Null, "{round}");
    same_team(&sato, &newcomer);
}

#[test]
fn a_purge_takes_the_snapshots_made_before_it_off_the_server() {
    let s = Scratch::new();
    let Some(cluster) = team_server(&s, &["sato", "tanaka"]) else {
        return;
    };
    let sato = Rep::new(&s, &cluster, "sato", "佐藤");
    let person = sato
        .ok(&[
            "contact",
            "add",
            "--name",
            "消される 人",
            "--email",
            "kesu@example.jp",
        ])
        .trim()
        .to_string();
    sato.add_lead("残る案件");
    sato.sync();
    let admin = owner(&s, &cluster);
    admin.ok(&["team", "snapshot"]);
    assert_eq!(snapshots(&cluster), 1);

    sato.ok(&["contact", "delete", &person, "--purge"]);
    sato.sync();
    assert_eq!(snapshots(&cluster), 0, "the copy held the person");
    let mut sql = cluster.client(pg::OWNER, pg::DB);
    let stored: i64 = sql
        .query_one("SELECT count(*) FROM leadtrack.snapshot_parts", &[])
        .unwrap()
        .get(0);
    assert_eq!(stored, 0);

    // A snapshot made after the purge stays as the team goes on.
    admin.ok(&["team", "snapshot"]);
    sato.ok(&["lead", "add", "--title", "その後の案件"]);
    sato.sync();
    assert_eq!(snapshots(&cluster), 1);
    let tanaka = Rep::new(&s, &cluster, "tanaka", "田中");
    let round = tanaka.json(&["sync"]);
    assert!(round["snapshot"].is_object(), "{round}");
    assert!(!tanaka.run(&["contact", "show", &person]).status.success());
    assert!(
        !tanaka
            .ok(&["search", "kesu@example.jp"])
            .contains("消される")
    );
    same_team(&sato, &tanaka);
}

/// Joins killed at a random moment, each from an empty database.
const KILLED_JOINS: usize = 24;

#[test]
fn a_join_from_a_snapshot_killed_at_any_moment_leaves_nothing_half_taken() {
    use rand::{RngExt, SeedableRng};
    use std::os::unix::process::ExitStatusExt;
    let s = Scratch::new();
    let Some(cluster) = team_server(&s, &["sato", "tanaka"]) else {
        return;
    };
    let sato = Rep::new(&s, &cluster, "sato", "佐藤");
    demo_team(&sato);
    owner(&s, &cluster).ok(&["team", "snapshot"]);
    sato.add_lead("スナップショット後の案件");
    sato.sync();
    let leads = sato
        .json(&["lead", "list", "--limit", "1000"])
        .as_array()
        .unwrap()
        .len();
    let joined = Scratch::new();
    let tanaka = Rep::new(&joined, &cluster, "tanaka", "田中");
    let join = || {
        let mut cmd = joined.process();
        cmd.arg("--db")
            .arg(tanaka.db())
            .arg("--config")
            .arg(&tanaka.config)
            .arg("sync")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        cmd
    };
    let forget = || {
        for end in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(format!("{}{end}", tanaka.db().display()));
        }
    };
    // How long a whole join takes here, to draw the moments within it.
    let started = std::time::Instant::now();
    assert!(join().status().unwrap().success());
    let whole = started.elapsed();
    same_team(&sato, &tanaka);

    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(0x5_4A95_0001);
    let (mut killed, mut taken) = (0, 0);
    for trial in 0..KILLED_JOINS {
        forget();
        let mut child = join().spawn().unwrap();
        let moment = rng.random_range(0..=whole.as_micros() as u64);
        std::thread::sleep(std::time::Duration::from_micros(moment));
        let _ = child.kill();
        let status = child.wait().unwrap();
        killed += usize::from(status.signal() == Some(9));
        // All of the copy or none of it, whatever the moment.
        if tanaka.db().exists() {
            let conn = rusqlite::Connection::open(tanaka.db()).unwrap();
            let ok: String = conn
                .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                .unwrap();
            assert_eq!(ok, "ok", "trial {trial}");
            // Killed while the database was being made, it has no tables yet.
            let held: i64 = conn
                .query_row("SELECT count(*) FROM leads", [], |r| r.get(0))
                .unwrap_or(0);
            assert!(
                held == 0 || held as usize >= leads - 1,
                "trial {trial}: {held} of {leads} leads"
            );
            taken += usize::from(held > 0);
        }
        // The next round finishes the join.
        tanaka.sync();
        assert_eq!(
            shared_state(&sato.db()),
            shared_state(&tanaka.db()),
            "trial {trial} (killed after {moment} µs)"
        );
    }
    eprintln!(
        "{killed} of {KILLED_JOINS} joins killed before their end, {taken} after the copy was taken"
    );
    assert!(killed >= KILLED_JOINS / 2, "{killed} kills landed");
    // No scratch copy outlives the next process.
    let left: Vec<_> = std::fs::read_dir(joined.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(".leadtrack-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    same_team(&sato, &tanaka);
}
