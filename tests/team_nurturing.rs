//! Campaigns, goals and segments sync between reps like every record, through the team file
//! and through the team server: made by one rep, seen by the other with the same effect
//! figures, edited by both at once field by field, deleted by one and gone for both. The
//! campaign a lead came from, the campaign an activity belongs to, a contact's no-mail mark
//! and a lead's upsell mark travel with their records.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Scratch, shared_state, team_server};
use serde_json::Value;
use std::path::PathBuf;

/// A rep: their own database and config, sharing a team file or a team server.
struct Rep<'a> {
    s: &'a Scratch,
    name: &'static str,
    config: PathBuf,
}

impl<'a> Rep<'a> {
    /// `team`: the config's `[team]` line.
    fn new(s: &'a Scratch, name: &'static str, team: &str) -> Rep<'a> {
        let config = s.path(&format!("{name}.toml"));
        std::fs::write(
            &config,
            format!("[user]\nname = \"{name}\"\n\n[team]\n{team}\n"),
        )
        .unwrap();
        Rep { s, name, config }
    }

    fn db(&self) -> PathBuf {
        self.s.path(&format!("{}.db", self.name))
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self
            .s
            .bare()
            .arg("--db")
            .arg(self.db())
            .arg("--config")
            .arg(&self.config)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{} {args:?}: {}",
            self.name,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut args = args.to_vec();
        args.extend(["--format", "json"]);
        serde_json::from_str(&self.ok(&args)).unwrap()
    }

    fn id(&self, args: &[&str]) -> String {
        self.ok(args).trim().to_string()
    }
}

/// What one rep makes before the other has seen anything: the seminar (300,000 円,
/// 12 leads, 3 to considering, 1 won at 1,200,000 円), a newsletter reply, a goal, a
/// segment, a no-mail contact and an upsell lead.
fn nurture(a: &Rep<'_>) -> (String, String, String) {
    let seminar = a.id(&[
        "campaign",
        "add",
        "--name",
        "秋の業務改善セミナー",
        "--kind",
        "seminar",
        "--start",
        "2026-11-10",
        "--cost",
        "30万",
    ]);
    let mut leads = Vec::new();
    for n in 1..=12 {
        leads.push(a.id(&[
            "lead",
            "add",
            "--title",
            &format!("セミナー案件{n}"),
            "--company",
            &format!("顧客{n}"),
            "--stage",
            "future",
            "--campaign",
            "秋の業務改善セミナー",
        ]));
    }
    for lead in &leads[..3] {
        a.ok(&["lead", "move", lead, "considering"]);
    }
    a.ok(&["lead", "edit", &leads[0], "--value", "120万"]);
    a.ok(&["lead", "won", &leads[0]]);
    let newsletter = a.id(&[
        "campaign",
        "add",
        "--name",
        "12月メルマガ",
        "--kind",
        "メルマガ",
    ]);
    let card = a.id(&[
        "contact",
        "add",
        "--name",
        "高橋 一郎",
        "--company",
        "顧客2",
        "--email",
        "takahashi@example.jp",
    ]);
    a.ok(&["lead", "link", &leads[1], &card]);
    a.ok(&[
        "log",
        "email",
        "--lead",
        &leads[1],
        "--contact",
        &card,
        "--summary",
        "メルマガから問い合わせ",
        "--campaign",
        "12月メルマガ",
    ]);
    a.ok(&["contact", "edit", &card, "--no-mail"]);
    a.ok(&[
        "goal", "set", "--period", "2026-12", "--metric", "wins", "--target", "5",
    ]);
    a.ok(&[
        "segment",
        "add",
        "セミナー参加者",
        "--campaign",
        "秋の業務改善セミナー",
    ]);
    // The won lead's company is a customer now: a new lead on it is an upsell.
    let upsell = a.id(&["lead", "add", "--title", "追加導入", "--company", "顧客1"]);
    (seminar, newsletter, upsell)
}

/// What the other rep must see of it, the same as its maker.
fn sees_it(a: &Rep<'_>, b: &Rep<'_>, seminar: &str, upsell: &str) {
    let effect = |rep: &Rep<'_>| rep.json(&["campaign", "show", seminar]);
    let theirs = effect(b);
    assert_eq!(theirs, effect(a), "{}", b.name);
    assert_eq!(theirs["leads"], 12);
    assert_eq!(theirs["reached_considering"], 3);
    assert_eq!(theirs["won"], 1);
    assert_eq!(theirs["won_value"], 1_200_000);
    assert_eq!(theirs["cost_per_lead"], 25_000.0);
    assert_eq!(theirs["cost_per_won"], 300_000.0);
    assert_eq!(theirs["return"], 4.0);
    let newsletter = b.json(&["campaign", "show", "12月メルマガ"]);
    assert_eq!(newsletter["touched_leads"], 1, "{newsletter}");
    assert_eq!(newsletter["touched_contacts"], 1, "{newsletter}");
    assert_eq!(newsletter["responses"]["email"], 1, "{newsletter}");
    let goals = b.json(&["goal", "list"]);
    assert_eq!(goals[0]["metric"], "wins", "{goals}");
    assert_eq!(goals[0]["target"], 5, "{goals}");
    let segments = b.ok(&["segment", "list"]);
    assert!(segments.contains("セミナー参加者"), "{segments}");
    let contacts = b.json(&["contact", "list"]);
    let card = contacts
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["family_name"] == "高橋")
        .unwrap();
    assert!(card["no_mail_on"].is_string(), "{card}");
    assert_eq!(b.json(&["lead", "show", upsell])["upsell"], true);
}

/// Both reps change the seminar at once, each a field of their own; then one deletes the
/// newsletter campaign and the goal. Returns nothing: the caller syncs and compares.
fn edit_at_once(a: &Rep<'_>, b: &Rep<'_>, seminar: &str, newsletter: &str) {
    a.ok(&["campaign", "edit", seminar, "--cost", "36万"]);
    b.ok(&[
        "campaign",
        "edit",
        seminar,
        "--name",
        "秋の業務改善セミナー（東京）",
    ]);
    b.ok(&["campaign", "delete", newsletter]);
    let goal = b.json(&["goal", "list"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    b.ok(&["goal", "delete", &goal]);
}

fn both_edits_kept(a: &Rep<'_>, b: &Rep<'_>, seminar: &str) {
    for rep in [a, b] {
        let effect = rep.json(&["campaign", "show", seminar]);
        assert_eq!(
            effect["name"], "秋の業務改善セミナー（東京）",
            "{}",
            rep.name
        );
        assert_eq!(effect["cost"], 360_000, "{}", rep.name);
        assert_eq!(effect["cost_per_lead"], 30_000.0, "{}", rep.name);
        // What each field was before stays in the history, on both.
        let history = effect["history"].as_array().unwrap();
        assert!(
            history
                .iter()
                .any(|h| h["field"] == "cost" && h["previous"] == 300_000),
            "{}: {history:?}",
            rep.name
        );
        assert!(
            history
                .iter()
                .any(|h| h["field"] == "name" && h["previous"] == "秋の業務改善セミナー"),
            "{}: {history:?}",
            rep.name
        );
        let list = rep.json(&["campaign", "list"]);
        assert_eq!(list.as_array().unwrap().len(), 1, "{}: {list}", rep.name);
        assert_eq!(rep.json(&["goal", "list"]), Value::Array(Vec::new()));
    }
    assert_eq!(shared_state(&a.db()), shared_state(&b.db()));
}

#[test]
fn campaigns_goals_and_segments_sync_through_the_team_file() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path("Dropbox/sales")).unwrap();
    let team = format!(
        "file = \"{}\"",
        s.path("Dropbox/sales/team.leadtrack.db").display()
    );
    let (a, b) = (Rep::new(&s, "山本", &team), Rep::new(&s, "鈴木", &team));
    let (seminar, newsletter, upsell) = nurture(&a);
    a.ok(&["sync"]);
    b.ok(&["sync"]);
    sees_it(&a, &b, &seminar, &upsell);
    edit_at_once(&a, &b, &seminar, &newsletter);
    a.ok(&["sync"]);
    b.ok(&["sync"]);
    a.ok(&["sync"]);
    both_edits_kept(&a, &b, &seminar);
}

#[cfg(unix)]
#[test]
fn campaigns_goals_and_segments_sync_through_the_team_server() {
    let s = Scratch::new();
    let Some(cluster) = team_server(&s, &["sato", "tanaka"]) else {
        return;
    };
    let (a, b) = (
        Rep::new(&s, "sato", &format!("server = \"{}\"", cluster.url("sato"))),
        Rep::new(
            &s,
            "tanaka",
            &format!("server = \"{}\"", cluster.url("tanaka")),
        ),
    );
    let (seminar, newsletter, upsell) = nurture(&a);
    a.ok(&["sync"]);
    b.ok(&["sync"]);
    sees_it(&a, &b, &seminar, &upsell);
    edit_at_once(&a, &b, &seminar, &newsletter);
    a.ok(&["sync"]);
    b.ok(&["sync"]);
    a.ok(&["sync"]);
    both_edits_kept(&a, &b, &seminar);
}
