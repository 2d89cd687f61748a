//! Reps of a team on a PostgreSQL server, for the server tests: each with their own
//! database and config, connecting as their role.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::Scratch;
use super::pg::Cluster;
use serde_json::Value;
use std::path::PathBuf;

/// A rep on the team server: their own database and config, connecting as their role.
pub struct Rep<'a> {
    pub s: &'a Scratch,
    pub role: &'static str,
    pub config: PathBuf,
}

impl<'a> Rep<'a> {
    /// `name` is what the rep's config says their name is: the server's role wins.
    pub fn new(s: &'a Scratch, cluster: &Cluster, role: &'static str, name: &str) -> Rep<'a> {
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

    pub fn db(&self) -> PathBuf {
        self.s.path(&format!("{}.db", self.role))
    }

    pub fn command(&self, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = self.s.bare();
        cmd.arg("--db")
            .arg(self.db())
            .arg("--config")
            .arg(&self.config)
            .args(args);
        cmd
    }

    pub fn run(&self, args: &[&str]) -> std::process::Output {
        self.command(args).output().unwrap()
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{} {args:?}: {}",
            self.role,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn sync(&self) -> String {
        self.ok(&["sync"])
    }

    pub fn json(&self, args: &[&str]) -> Value {
        let mut args = args.to_vec();
        args.extend(["--format", "json"]);
        serde_json::from_str(&self.ok(&args)).unwrap()
    }

    pub fn add_lead(&self, title: &str) -> String {
        self.ok(&["lead", "add", "--title", title])
            .trim()
            .to_string()
    }
}

/// The two reps most tests need: sato and tanaka, whose configs give their names in Japanese.
pub fn sato_and_tanaka<'a>(s: &'a Scratch, cluster: &Cluster) -> (Rep<'a>, Rep<'a>) {
    (
        Rep::new(s, cluster, "sato", "佐藤"),
        Rep::new(s, cluster, "tanaka", "田中"),
    )
}

pub fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

/// One sentence on stderr, exit code 1.
pub fn refused(out: &std::process::Output) -> String {
    assert_eq!(out.status.code(), Some(1), "{}", stderr(out));
    let said = stderr(out);
    assert_eq!(said.trim_end().lines().count(), 1, "one sentence: {said}");
    said
}

/// What a database works out from the records it holds, whichever way they came: the search
/// index's terms per record, contacts' match keys and preferred values, values' match keys,
/// leads' sort keys (without the seq each ends with), scores and last activities.
pub fn derived_state(db: &std::path::Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut state = Vec::new();
    let mut read = |sql: &str| {
        let mut stmt = conn.prepare(sql).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                (0..n)
                    .map(|i| {
                        r.get::<_, rusqlite::types::Value>(i)
                            .map(|v| format!("{v:?}"))
                    })
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .unwrap();
        for row in rows {
            state.push(format!(
                "{}: {}",
                &sql[..40.min(sql.len())],
                row.unwrap().join(" | ")
            ));
        }
    };
    for (fts, table) in [
        ("lead_search", "leads"),
        ("contact_search", "contacts"),
        ("activity_search", "activities"),
    ] {
        conn.execute_batch(&format!(
            "CREATE VIRTUAL TABLE temp.{fts}_terms USING fts5vocab(main, {fts}, 'instance')"
        ))
        .unwrap();
        read(&format!(
            "SELECT t.id, v.term, v.offset FROM temp.{fts}_terms v JOIN {table} t ON t.seq = v.doc
             ORDER BY 1, 3, 2"
        ));
    }
    read("SELECT kind, key, contact_id FROM contact_keys ORDER BY 1, 2, 3");
    read(
        "SELECT id, name_key, email, phone, mobile, fax,
                substr(sort_key, 1, instr(sort_key, char(1))) FROM contacts ORDER BY id",
    );
    read("SELECT id, match_key FROM contact_values ORDER BY id");
    read(
        "SELECT id, score, rank, last_activity_at, substr(board_key, 1, length(board_key) - 12),
                substr(due_key, 1, length(due_key) - 12), substr(value_key, 1, length(value_key) - 12),
                substr(quiet_key, 1, length(quiet_key) - 12) FROM leads ORDER BY id",
    );
    read("SELECT stage, leads, value FROM stage_totals ORDER BY 1");
    state
}

/// Asserts that `role` may not read any of `tables` (in the schema `leadtrack`) with a client
/// of its own.
pub fn reads_none(cluster: &Cluster, role: &str, tables: &[&str]) {
    let mut sql = cluster.client(role, super::pg::DB);
    for table in tables {
        let e = sql
            .query(&format!("SELECT * FROM leadtrack.{table}"), &[])
            .unwrap_err();
        let said = e
            .as_db_error()
            .map(|d| d.message().to_string())
            .unwrap_or_default();
        assert!(said.contains("permission denied"), "{table}: {said}");
    }
}
