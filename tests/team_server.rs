//! A team on a PostgreSQL server (the team store past a shared file): a private cluster per
//! test, three reps with their own databases and roles, the owner setting it up, a role
//! outside the team, the server stopped while reps work, and a team file moved onto it.
//! Skipped, with the reason, where PostgreSQL is not installed (never under CI=true).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(unix)]

mod common;

use common::pg::{self, Cluster};
use common::server_reps::{Rep, derived_state, reads_none, refused, sato_and_tanaka, stderr};
use common::{Scratch, shared_state, team_server};
use serde_json::Value;

fn history_values(db: &std::path::Path, record: &str, field: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT value FROM history WHERE record_id = ?1 AND field = ?2")
        .unwrap();
    stmt.query_map([record, field], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|v| v.unwrap())
        .collect()
}

#[test]
fn three_reps_on_a_server_edit_delete_purge_and_end_identical() {
    let s = Scratch::new();
    let Some(cluster) = team_server(&s, &["sato", "tanaka", "suzuki"]) else {
        return;
    };
    let (a, b, c) = (
        Rep::new(&s, &cluster, "sato", "佐藤"),
        Rep::new(&s, &cluster, "tanaka", "田中"),
        Rep::new(&s, &cluster, "suzuki", "Suzuki"),
    );
    a.ok(&["demo", "--leads", "12"]);
    a.sync();
    b.sync();
    c.sync();
    let leads = a.json(&["lead", "list"]);
    let l1 = leads[0]["id"].as_str().unwrap().to_string();
    let l2 = leads[1]["id"].as_str().unwrap().to_string();
    let l3 = leads[2]["id"].as_str().unwrap().to_string();
    assert_eq!(b.json(&["lead", "list"]), leads, "B's list after joining");
    let contacts = a.json(&["contact", "list"]);
    let purged = contacts[0]["id"].as_str().unwrap().to_string();

    // Different fields, and the same field, of one lead at once.
    a.ok(&["lead", "edit", &l1, "--title", "Aの件名"]);
    b.ok(&["lead", "edit", &l1, "--owner", "田中", "--title", "Bの件名"]);
    // An activity while another rep moves the stage.
    c.ok(&["log", "call", "--lead", &l1, "--summary", "Cの電話"]);
    a.ok(&["lead", "move", &l1, "no_prospect"]);
    // A delete against an edit.
    c.ok(&["lead", "delete", &l2]);
    a.ok(&["lead", "edit", &l2, "--notes", "Aのメモ"]);
    b.ok(&["lead", "edit", &l3, "--notes", "Bのメモ"]);
    // A purge while another rep edits the person.
    b.ok(&["contact", "delete", &purged, "--purge"]);
    c.ok(&["contact", "edit", &purged, "--title", "部長"]);

    for _ in 0..2 {
        for rep in [&b, &c, &a] {
            rep.sync();
        }
    }
    let state = shared_state(&a.db());
    assert_eq!(state, shared_state(&b.db()), "A and B");
    assert_eq!(state, shared_state(&c.db()), "A and C");
    for rep in [&a, &b, &c] {
        let titles = history_values(&rep.db(), &l1, "title");
        let lead = rep.json(&["lead", "show", &l1]);
        let all = format!("{titles:?} {}", lead["title"]);
        assert!(all.contains("Aの件名") && all.contains("Bの件名"), "{all}");
        assert_eq!(lead["owner"], "田中");
        assert_eq!(lead["stage"], "no_prospect", "{lead}");
        assert!(lead["activities"].to_string().contains("Cの電話"), "{lead}");
        // The edit after the delete brings the lead back with A's note.
        assert_eq!(rep.json(&["lead", "show", &l2])["notes"], "Aのメモ");
        // The purged person is gone everywhere, the edit after the purge too.
        let out = rep.run(&["contact", "show", &purged]);
        assert!(!out.status.success(), "{}", rep.role);
    }
    // Nothing of the person is left on the server either.
    let mut owner = cluster.client(pg::OWNER, pg::DB);
    let left: i64 = owner
        .query_one(
            "SELECT count(*) FROM leadtrack.changes
             WHERE kind <> 'purged' AND (record = $1 OR row->>'contact_id' = $1)",
            &[&purged],
        )
        .unwrap()
        .get(0);
    assert_eq!(left, 0, "the purged contact's rows on the server");
    // A further round everywhere brings nothing.
    for rep in [&a, &b, &c] {
        assert!(rep.sync().contains("pulled: nothing new"), "{}", rep.role);
    }
}

#[test]
fn a_call_logged_on_another_reps_lead_keeps_that_rep_as_its_last_editor_everywhere() {
    let s = Scratch::new();
    let Some(cluster) = team_server(&s, &["sato", "tanaka"]) else {
        return;
    };
    let (a, b) = sato_and_tanaka(&s, &cluster);
    let id = a.add_lead("佐藤の案件");
    a.sync();
    b.add_lead("田中の案件");
    b.sync();
    // B's call keeps A's lead alive (a newer stamp of B's) without editing it.
    b.ok(&["log", "call", "--lead", &id, "--summary", "田中の電話"]);
    b.sync();
    a.sync();
    assert_eq!(shared_state(&a.db()), shared_state(&b.db()));
    assert_eq!(a.json(&["lead", "show", &id])["updated_by"], "sato");
    // Sent again (a round cut short after the server took it), the row is nothing new.
    let mut owner = cluster.client(pg::OWNER, pg::DB);
    let twice: i64 = owner
        .query_one(
            "SELECT count(*) FROM (SELECT 1 FROM leadtrack.changes
             GROUP BY kind, key, row HAVING count(*) > 1) d",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(twice, 0);
}

#[test]
fn the_role_is_the_author_whatever_the_config_says() {
    let s = Scratch::new();
    let Some(cluster) = team_server(&s, &["sato", "tanaka"]) else {
        return;
    };
    let (a, b) = (
        Rep::new(&s, &cluster, "sato", "Someone Else"),
        Rep::new(&s, &cluster, "tanaka", "田中"),
    );
    let id = a.add_lead("名古屋の件");
    a.ok(&["log", "meeting", "--lead", &id, "--summary", "訪問"]);
    a.sync();
    b.sync();
    b.ok(&["lead", "edit", &id, "--title", "名古屋の件（改）"]);
    b.sync();
    a.sync();
    for rep in [&a, &b] {
        let lead = rep.json(&["lead", "show", &id]);
        assert_eq!(lead["created_by"], "sato", "{lead}");
        assert_eq!(lead["updated_by"], "tanaka", "{lead}");
        assert_eq!(lead["activities"][0]["by"], "sato", "{lead}");
        let text = format!("{} {}", lead["history"], lead["stage_history"]);
        assert!(
            text.contains("\"sato\"") && text.contains("\"tanaka\""),
            "{text}"
        );
        assert!(!text.contains("Someone Else"), "{text}");
    }

    // A database that sends another name for its own changes (an old build, a script on the
    // file) is corrected by the server: what the others see is the role.
    let mut store = leadtrack::store::Store::open(&a.db(), "Not Sato").unwrap();
    let config = leadtrack::config::Config::default();
    leadtrack::features::leads::edit(
        &mut store,
        &config,
        &id,
        &leadtrack::model::lead::LeadPatch {
            notes: Some(Some("署名なし".into())),
            ..Default::default()
        },
    )
    .unwrap();
    let target = leadtrack::store::server::Target::parse(&cluster.url("sato")).unwrap();
    leadtrack::sync::run_server_round(&mut store, &config, &target).unwrap();
    b.sync();
    let lead = b.json(&["lead", "show", &id]);
    assert_eq!(lead["notes"], "署名なし");
    assert_eq!(lead["updated_by"], "sato", "{lead}");
}

/// The local database as a round leaves it: the shared data and the server watermarks.
fn local_state(rep: &Rep<'_>) -> String {
    let conn = rusqlite::Connection::open(rep.db()).unwrap();
    let marks: Vec<(String, String)> = conn
        .prepare("SELECT key, value FROM meta WHERE key LIKE 'server:%' ORDER BY key")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    format!("{marks:?}\n{}", shared_state(&rep.db()))
}

#[test]
fn a_role_outside_the_team_or_a_wrong_password_is_one_sentence_and_reads_nothing() {
    let s = Scratch::new();
    let Some(cluster) = team_server(&s, &["sato"]) else {
        return;
    };
    let a = Rep::new(&s, &cluster, "sato", "佐藤");
    a.add_lead("社外秘の案件");
    a.sync();

    let outsider = Rep::new(&s, &cluster, "outsider", "部外者");
    outsider.add_lead("部外者の案件");
    let before = local_state(&outsider);
    let said = refused(&outsider.run(&["sync"]));
    assert!(said.contains("may not use the team's tables"), "{said}");
    assert!(said.contains("nothing was changed"), "{said}");
    assert_eq!(local_state(&outsider), before, "the outsider's database");
    let said = refused(&outsider.run(&["sync", "--lang", "ja"]));
    assert!(said.contains("権限がありません"), "{said}");
    // Nor can the role read the team's rows with a client of its own.
    reads_none(&cluster, "outsider", &["changes", "nodes", "team"]);
    // The outsider's lead never reached the team.
    a.sync();
    assert!(!a.ok(&["lead", "list"]).contains("部外者の案件"));

    // A wrong password: refused, nothing changed; the right one from PGPASSWORD or
    // ~/.pgpass works.
    let careful = Rep::new(&s, &cluster, "careful", "Careful");
    let wrong = cluster.url("careful").replace("careful@", "careful:wrong@");
    careful.add_lead("慎重な案件");
    let before = local_state(&careful);
    let said = refused(&careful.run(&["--team-server", &wrong, "sync"]));
    assert!(said.contains("refused the login"), "{said}");
    assert!(
        !said.contains("wrong"),
        "the password is never shown: {said}"
    );
    assert_eq!(local_state(&careful), before);
    // No password anywhere: the login is what failed, not the server's reach.
    let said = refused(&careful.run(&["sync"]));
    assert!(
        said.contains("refused the login") && said.contains("password"),
        "{said}"
    );
    assert_eq!(local_state(&careful), before);
    let out = careful
        .command(&["sync"])
        .env("PGPASSWORD", pg::PASSWORD)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let pgpass = s.dir.path().join(".pgpass");
    std::fs::write(
        &pgpass,
        format!("*:*:{}:careful:{}\n", pg::DB, pg::PASSWORD),
    )
    .unwrap();
    careful.ok(&["sync"]);
    assert!(careful.ok(&["lead", "list"]).contains("社外秘の案件"));
}

#[test]
fn team_init_is_the_owners_and_refuses_a_missing_group_or_a_newer_server() {
    let s = Scratch::new();
    let Some(cluster) = Cluster::start(&["sato"]) else {
        return;
    };
    let init = |role: &str, extra: &[&str]| {
        s.bare()
            .args(["--team-server", &cluster.url(role), "team", "init"])
            .args(extra)
            .output()
            .unwrap()
    };
    // A rep may not set the team up; a group that does not exist is named.
    let said = refused(&init("sato", &[]));
    assert!(said.contains("postgresql://sato@"), "{said}");
    let said = refused(&init(pg::OWNER, &["--group", "no_such_group"]));
    assert!(
        said.contains("no_such_group") && said.contains("does not exist"),
        "{said}"
    );
    // A rep before the team is set up is told what to run.
    let a = Rep::new(&s, &cluster, "sato", "佐藤");
    let said = refused(&a.run(&["sync"]));
    assert!(said.contains("leadtrack team init"), "{said}");
    // Set up by its owner, twice: the second run changes nothing.
    let out = init(pg::OWNER, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("schema 4"));
    let out = init(pg::OWNER, &["--format", "json"]);
    let done: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(done["from_version"], 4);
    a.add_lead("最初の案件");
    a.sync();
    // A server a newer leadtrack set up is refused, as a newer local file is.
    cluster.sql_as(
        pg::OWNER,
        pg::DB,
        "INSERT INTO leadtrack.migrations (version) VALUES (99)",
    );
    let before = local_state(&a);
    let said = refused(&a.run(&["sync"]));
    assert!(
        said.contains("newer leadtrack") && said.contains("99"),
        "{said}"
    );
    assert_eq!(local_state(&a), before);
    let said = refused(&init(pg::OWNER, &[]));
    assert!(said.contains("newer leadtrack"), "{said}");
}

#[test]
fn the_server_stopped_while_reps_work_then_started_and_everything_converges() {
    let s = Scratch::new();
    let Some(cluster) = team_server(&s, &["sato", "tanaka"]) else {
        return;
    };
    let (a, b) = sato_and_tanaka(&s, &cluster);
    let id = a.add_lead("止まる前の案件");
    a.sync();
    b.sync();
    cluster.stop_server();
    a.ok(&["lead", "edit", &id, "--title", "停止中に変えた件名"]);
    a.ok(&["log", "call", "--lead", &id, "--summary", "停止中の電話"]);
    b.add_lead("停止中の新規");
    let said = refused(&a.run(&["sync"]));
    assert!(said.contains("team server unreachable"), "{said}");
    let waiting: i64 = said
        .split("; ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a count of changes waiting: {said}"));
    assert!(waiting >= 2, "{said}");
    let said = refused(&b.run(&["sync", "--lang", "ja"]));
    assert!(
        said.contains("チームサーバーに接続できません") && said.contains("未送信"),
        "{said}"
    );
    // Work goes on locally meanwhile.
    assert!(a.ok(&["lead", "list"]).contains("停止中に変えた件名"));

    cluster.start_server();
    for _ in 0..2 {
        a.sync();
        b.sync();
    }
    assert_eq!(shared_state(&a.db()), shared_state(&b.db()));
    let lead = b.json(&["lead", "show", &id]);
    assert_eq!(lead["title"], "停止中に変えた件名");
    assert!(lead["activities"].to_string().contains("停止中の電話"));
    assert!(a.ok(&["lead", "list"]).contains("停止中の新規"));
}

#[test]
fn a_team_file_and_a_team_server_together_are_refused() {
    let s = Scratch::new();
    let config = s.path("both.toml");
    std::fs::write(
        &config,
        "[team]\nfile = \"/share/team.leadtrack.db\"\nserver = \"postgresql://sato@db.example.jp/sales\"\n",
    )
    .unwrap();
    let out = s
        .cmd()
        .arg("--config")
        .arg(&config)
        .args(["lead", "list"])
        .output()
        .unwrap();
    let said = refused(&out);
    assert!(
        said.contains("team.server") && said.contains("team.file"),
        "{said}"
    );
    let out = s
        .cmd()
        .args([
            "--team-file",
            "/share/team.leadtrack.db",
            "--team-server",
            "postgresql://sato@db.example.jp/sales",
            "sync",
        ])
        .output()
        .unwrap();
    let said = refused(&out);
    assert!(
        said.contains("/share/team.leadtrack.db") && said.contains("db.example.jp"),
        "{said}"
    );
}

#[test]
fn a_team_file_moves_to_the_server_with_its_ids_authors_and_history() {
    let s = Scratch::new();
    let Some(cluster) = team_server(&s, &["sato", "tanaka"]) else {
        return;
    };
    // A file team of two, with a conflict in its history.
    let team = s.path("Dropbox/sales/team.leadtrack.db");
    std::fs::create_dir_all(team.parent().unwrap()).unwrap();
    let file_rep = |name: &str| {
        let config = s.path(&format!("{name}-file.toml"));
        std::fs::write(
            &config,
            format!(
                "[user]\nname = \"{name}\"\n\n[team]\nfile = \"{}\"\n",
                team.display()
            ),
        )
        .unwrap();
        config
    };
    let (x_config, y_config) = (file_rep("山本"), file_rep("鈴木"));
    let x = |args: &[&str]| {
        let out = s
            .bare()
            .arg("--db")
            .arg(s.path("sato.db"))
            .arg("--config")
            .arg(&x_config)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    let y = |args: &[&str]| {
        let out = s
            .bare()
            .arg("--db")
            .arg(s.path("suzuki.db"))
            .arg("--config")
            .arg(&y_config)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    x(&["demo", "--leads", "8"]);
    x(&["sync"]);
    y(&["sync"]);
    let leads: Value = serde_json::from_str(&x(&["lead", "list", "--format", "json"])).unwrap();
    let id = leads[0]["id"].as_str().unwrap().to_string();
    x(&["lead", "edit", &id, "--title", "山本の件名"]);
    y(&["lead", "edit", &id, "--title", "鈴木の件名"]);
    y(&["sync"]);
    x(&["sync"]);
    let file_view = x(&["lead", "show", &id, "--format", "json"]);

    let migrate = || {
        s.bare()
            .args([
                "--team-server",
                &cluster.url(pg::OWNER),
                "team",
                "migrate",
                "--from",
            ])
            .arg(&team)
            .args(["--format", "json"])
            .output()
            .unwrap()
    };
    let out = migrate();
    assert!(out.status.success(), "{}", stderr(&out));
    let first: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(first["pushed"].as_u64().unwrap() > 100, "{first}");
    assert_eq!(first["pushed"], first["held"], "{first}");
    let out = migrate();
    let again: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        again["pushed"], 0,
        "a second migration adds nothing: {again}"
    );

    // A new rep joins the server: everything the file held, as it held it.
    let z = Rep::new(&s, &cluster, "tanaka", "田中");
    z.sync();
    let file_lead: Value = serde_json::from_str(&file_view).unwrap();
    let joined = z.json(&["lead", "show", &id]);
    for field in [
        "title",
        "created_by",
        "updated_by",
        "history",
        "stage_history",
        "activities",
    ] {
        assert_eq!(joined[field], file_lead[field], "{field}");
    }
    let history = joined["history"].to_string();
    assert!(
        history.contains("山本") || history.contains("鈴木"),
        "{history}"
    );
    assert_eq!(
        z.json(&["lead", "list"]),
        serde_json::from_str::<Value>(&x(&["lead", "list", "--format", "json"])).unwrap()
    );
    // A rep of the file team moves over with the database they have: the team is the same
    // team, their edits reach the others.
    let x_server = Rep::new(&s, &cluster, "sato", "山本");
    x_server.ok(&["lead", "edit", &id, "--notes", "サーバーから"]);
    x_server.sync();
    z.sync();
    assert_eq!(z.json(&["lead", "show", &id])["notes"], "サーバーから");
}

#[test]
fn the_app_pulls_as_soon_as_another_rep_pushes() {
    use leadtrack::tui::app::App;
    let s = Scratch::new();
    let Some(cluster) = team_server(&s, &["sato", "tanaka"]) else {
        return;
    };
    let (a, b) = sato_and_tanaka(&s, &cluster);
    // Rounds on a timer only every hour: what arrives sooner came by the server's word.
    std::fs::write(
        &a.config,
        format!(
            "[team]\nserver = \"{}\"\nsync_interval_secs = 3600\n",
            cluster.url("sato")
        ),
    )
    .unwrap();
    let today = chrono::Local::now().date_naive();
    let session = leadtrack::session::Session::open(Some(&a.db()), Some(&a.config)).unwrap();
    let mut app = App::new(session, today).unwrap();
    let team = leadtrack::sync::Team::choose(None, None, &app.session.config.team)
        .unwrap()
        .unwrap();
    app.start_sync(team);
    let patience = std::time::Duration::from_secs(20);
    let worker = app.sync.as_ref().unwrap();
    // The round at start and the one when the listener reaches the server; after them no
    // round runs before an hour is up, but on the server's word.
    let mut rounds = 0;
    while rounds < 2 {
        assert!(worker.wait_for_round(patience), "the first rounds");
        rounds += worker.events().len();
    }
    b.add_lead("通知で届く案件");
    b.sync();
    assert!(worker.wait_for_round(patience), "a round after B's push");
    app.tick(today);
    let board = common::screen(&mut app, 120, 40);
    assert!(board.contains("通知で届く案件"), "{board}");
    app.stop_sync();
}

/// Runs `rep`'s `sync` while the team's changes are locked by another session, so the round
/// stops inside its transaction on the server; restarts the server under it; returns what
/// the round said.
fn sync_through_a_restart(cluster: &Cluster, rep: &Rep<'_>) -> std::process::Output {
    let mut holder = cluster.client("postgres", pg::DB);
    let mut lock = holder.transaction().unwrap();
    lock.batch_execute("LOCK TABLE leadtrack.changes IN ACCESS EXCLUSIVE MODE")
        .unwrap();
    let child = rep
        .s
        .process()
        .arg("--db")
        .arg(rep.db())
        .arg("--config")
        .arg(&rep.config)
        .arg("sync")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The round is inside its transaction once it waits on the lock.
    let mut watcher = cluster.client("postgres", "postgres");
    let waiting =
        "SELECT count(*) FROM pg_stat_activity WHERE usename = $1 AND wait_event_type = 'Lock'";
    let started = std::time::Instant::now();
    while watcher
        .query_one(waiting, &[&rep.role])
        .unwrap()
        .get::<_, i64>(0)
        == 0
    {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "the round never reached the server"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    drop(watcher);
    std::mem::forget(lock);
    std::mem::forget(holder);
    cluster.stop_server();
    cluster.start_server();
    child.wait_with_output().unwrap()
}

#[test]
fn the_server_restarted_mid_round_leaves_no_half_push_and_no_half_pull() {
    let s = Scratch::new();
    let Some(cluster) = team_server(&s, &["sato", "tanaka"]) else {
        return;
    };
    let (a, b) = sato_and_tanaka(&s, &cluster);
    a.ok(&["demo", "--leads", "20"]);
    // A's push is cut off inside its transaction: the server holds none of it, and A has
    // not noted anything as sent.
    let before = local_state(&a);
    let said = refused(&sync_through_a_restart(&cluster, &a));
    assert!(said.contains("team server"), "{said}");
    assert_eq!(local_state(&a), before, "A after the cut push");
    let held: i64 = cluster
        .client(pg::OWNER, pg::DB)
        .query_one("SELECT count(*) FROM leadtrack.changes", &[])
        .unwrap()
        .get(0);
    assert_eq!(held, 0, "rows of a push that never committed");
    a.sync();
    // B's first pull is cut off: B holds nothing of it and pulls it whole next time.
    b.ok(&["lead", "list"]);
    let before = local_state(&b);
    let said = refused(&sync_through_a_restart(&cluster, &b));
    assert!(said.contains("team server"), "{said}");
    assert_eq!(local_state(&b), before, "B after the cut pull");
    b.sync();
    assert_eq!(shared_state(&a.db()), shared_state(&b.db()));
    assert_eq!(b.json(&["lead", "list"]), a.json(&["lead", "list"]));
}

#[test]
fn a_new_rep_works_out_from_the_team_what_the_rep_who_made_it_has() {
    let s = Scratch::new();
    let Some(cluster) = team_server(&s, &["sato", "tanaka"]) else {
        return;
    };
    let (sato, tanaka) = sato_and_tanaka(&s, &cluster);
    sato.ok(&[
        "demo",
        "--seed",
        "7",
        "--leads",
        "300",
        "--contacts",
        "600",
        "--activities",
        "2000",
    ]);
    sato.sync();
    // Tanaka's database holds nothing: the first pull takes the team in bulk.
    tanaka.sync();
    let (made, joined) = (derived_state(&sato.db()), derived_state(&tanaka.db()));
    assert!(made.len() > 5_000, "{} facts compared", made.len());
    let differing: Vec<_> = made
        .iter()
        .zip(&joined)
        .filter(|(a, b)| a != b)
        .take(5)
        .collect();
    assert!(differing.is_empty(), "first differences: {differing:#?}");
    assert_eq!(made.len(), joined.len());

    // What the pull wrote is not sent back; what the rep adds afterwards is.
    let round = tanaka.json(&["sync"]);
    assert_eq!(round["pushed"]["sent"], 0, "{round}");
    let id = tanaka.add_lead("新人の初案件");
    let round = tanaka.json(&["sync"]);
    assert!(round["pushed"]["new"].as_u64().unwrap() >= 1, "{round}");
    sato.sync();
    assert_eq!(sato.json(&["lead", "show", &id])["title"], "新人の初案件");
}

#[test]
fn a_server_set_up_at_schema_1_is_upgraded_by_team_init_keeping_what_it_holds() {
    let s = Scratch::new();
    let Some(cluster) = Cluster::start(&["sato", "tanaka"]) else {
        return;
    };
    // The team set up by a leadtrack that knew schema 1 only: its migration, its record and
    // the grants `team init` gave then.
    cluster.sql_as(
        pg::OWNER,
        pg::DB,
        &format!(
            "{}
             INSERT INTO leadtrack.migrations (version) VALUES (1);
             INSERT INTO leadtrack.team (id) VALUES ('0197a6b2-3c40-7d1e-9f20-5a6b7c8d9e0f');
             REVOKE ALL ON SCHEMA leadtrack FROM PUBLIC;
             REVOKE ALL ON ALL TABLES IN SCHEMA leadtrack FROM PUBLIC;
             REVOKE ALL ON ALL FUNCTIONS IN SCHEMA leadtrack FROM PUBLIC;
             GRANT USAGE ON SCHEMA leadtrack TO {group};
             GRANT SELECT ON leadtrack.migrations, leadtrack.team TO {group};
             GRANT SELECT, INSERT ON leadtrack.nodes TO {group};
             GRANT SELECT, INSERT, UPDATE, DELETE ON leadtrack.changes TO {group};
             GRANT USAGE ON SEQUENCE leadtrack.change_seq TO {group};
             GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA leadtrack TO {group};",
            include_str!("../src/store/server/migrations/0001_changes.sql"),
            group = pg::GROUP,
        ),
    );
    let (a, b) = sato_and_tanaka(&s, &cluster);
    let id = a.add_lead("スキーマ1時代の案件");
    a.ok(&["log", "call", "--lead", &id, "--summary", "初回の電話"]);
    a.sync();
    b.add_lead("田中の案件");
    b.sync();
    a.sync();
    assert_eq!(shared_state(&a.db()), shared_state(&b.db()));

    let out = s
        .bare()
        .args(["--team-server", &cluster.url(pg::OWNER), "team", "init"])
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let done: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (done["from_version"].as_i64(), done["version"].as_i64()),
        (Some(1), Some(4))
    );
    assert_eq!(done["team_id"], "0197a6b2-3c40-7d1e-9f20-5a6b7c8d9e0f");

    // Schema 2's rule now holds: a call on another rep's lead leaves its last editor be.
    b.ok(&["log", "call", "--lead", &id, "--summary", "田中の電話"]);
    b.sync();
    a.sync();
    assert_eq!(shared_state(&a.db()), shared_state(&b.db()));
    assert_eq!(a.json(&["lead", "show", &id])["updated_by"], "sato");
    // And what the server took at schema 1 is still there for a rep who joins now.
    let joined = Scratch::new();
    let newcomer = Rep::new(&joined, &cluster, "tanaka", "田中");
    newcomer.sync();
    assert_eq!(shared_state(&newcomer.db()), shared_state(&a.db()));
    let lead = newcomer.json(&["lead", "show", &id]);
    assert_eq!(lead["created_by"], "sato");
    assert_eq!(lead["title"], "スキーマ1時代の案件");
}
