//! A team on a PostgreSQL server (the team store past a shared file): a private cluster per
//! test, three reps with their own databases and roles, the owner setting it up, a role
//! outside the team, the server stopped while reps work, and a team file moved onto it.
//! Skipped, with the reason, where PostgreSQL is not installed (never under CI=true).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(unix)]

mod common;

use common::pg::{self, Cluster};
use common::{Scratch, shared_state};
use serde_json::Value;
use std::path::PathBuf;

/// A rep on the team server: their own database and config, connecting as their role.
struct Rep<'a> {
    s: &'a Scratch,
    role: &'static str,
    config: PathBuf,
}

impl<'a> Rep<'a> {
    /// `name` is what the rep's config says their name is: the server's role wins.
    fn new(s: &'a Scratch, cluster: &Cluster, role: &'static str, name: &str) -> Rep<'a> {
        let config = s.path(&format!("{role}.toml"));
        std::fs::write(
            &config,
            format!(
                "[user]\nname = \"{name}\"\n\n[team]\nserver = \"{}\"\n",
                cluster.url(role)
            ),
        )
        .unwrap();
        Rep { s, role, config }
    }

    fn db(&self) -> PathBuf {
        self.s.path(&format!("{}.db", self.role))
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

    fn run(&self, args: &[&str]) -> std::process::Output {
        self.command(args).output().unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{} {args:?}: {}",
            self.role,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn sync(&self) -> String {
        self.ok(&["sync"])
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut args = args.to_vec();
        args.extend(["--format", "json"]);
        serde_json::from_str(&self.ok(&args)).unwrap()
    }

    fn add_lead(&self, title: &str) -> String {
        self.ok(&["lead", "add", "--title", title])
            .trim()
            .to_string()
    }
}

/// The team's owner runs `team init` on a new cluster.
fn team_server(s: &Scratch, reps: &[&str]) -> Option<Cluster> {
    let cluster = Cluster::start(reps)?;
    let out = s
        .bare()
        .args(["--team-server", &cluster.url(pg::OWNER), "team", "init"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "team init: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(cluster)
}

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

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
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
