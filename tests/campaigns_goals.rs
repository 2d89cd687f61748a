//! Nurturing and goals from the command line: a campaign's effect for what it cost, the
//! campaign a lead came from and an activity belongs to (typed, imported), the Demand
//! Waterfall per campaign, step goals with their pace per rep and for the team, what a
//! customer is worth with its upsell leads, and demo data that holds all of it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::Scratch;
use serde_json::Value;

fn id(s: &Scratch, args: &[&str]) -> String {
    s.ok(args).trim().to_string()
}

/// The seminar: 300,000 円, 12 leads from it, 3 moved to considering, 1 of them won
/// at 1,200,000 円. Returns the leads.
fn seminar(s: &Scratch) -> Vec<String> {
    s.ok(&[
        "campaign",
        "add",
        "--name",
        "秋の業務改善セミナー",
        "--kind",
        "セミナー",
        "--start",
        "2026-11-10",
        "--cost",
        "30万",
    ]);
    let leads: Vec<String> = (1..=12)
        .map(|n| {
            id(
                s,
                &[
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
                ],
            )
        })
        .collect();
    for lead in &leads[..3] {
        s.ok(&["lead", "move", lead, "considering"]);
    }
    s.ok(&["lead", "edit", &leads[0], "--value", "1,200,000"]);
    s.ok(&["lead", "won", &leads[0]]);
    leads
}

#[test]
fn a_seminars_effect_is_its_cost_per_lead_per_win_and_its_return() {
    let s = Scratch::new();
    seminar(&s);
    // A lead from no campaign and one from another campaign count for neither.
    s.ok(&["lead", "add", "--title", "紹介の案件", "--stage", "future"]);
    s.ok(&[
        "campaign",
        "add",
        "--name",
        "DX EXPO",
        "--kind",
        "exhibition",
    ]);
    s.ok(&[
        "lead",
        "add",
        "--title",
        "展示会の案件",
        "--campaign",
        "DX EXPO",
    ]);

    let effect = s.json(&[
        "campaign",
        "show",
        "秋の業務改善セミナー",
        "--format",
        "json",
    ]);
    assert_eq!(effect["kind"], "seminar");
    assert_eq!(effect["cost"], 300_000);
    assert_eq!(effect["leads"], 12);
    assert_eq!(effect["reached_considering"], 3);
    assert_eq!(effect["won"], 1);
    assert_eq!(effect["won_value"], 1_200_000);
    assert_eq!(effect["cost_per_lead"], 25_000.0);
    assert_eq!(effect["cost_per_won"], 300_000.0);
    assert_eq!(effect["return"], 4.0);
    assert_eq!(effect["window_days"], 90);

    let shown = s.ok(&["campaign", "show", "秋の業務改善セミナー"]);
    for said in [
        "Cost per lead     25,000",
        "Cost per won      300,000",
        "Return            4.0",
    ] {
        assert!(shown.contains(said), "{said}: {shown}");
    }
    let ja = s.ok(&["--lang", "ja", "campaign", "list"]);
    let row = ja
        .lines()
        .find(|l| l.contains("秋の業務改善セミナー"))
        .unwrap();
    for said in ["セミナー", "30万円", "12", "25,000円", "300,000円", "4.0"] {
        assert!(row.contains(said), "{said}: {ja}");
    }
    // The exhibition had no cost: no figure is made up for it.
    let all = s.json(&["campaign", "list", "--format", "json"]);
    let expo = all
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "DX EXPO")
        .unwrap();
    assert_eq!(expo["leads"], 1);
    assert_eq!(expo["cost_per_lead"], Value::Null);
    assert_eq!(expo["return"], Value::Null);
    // The leads that came from it, by name.
    let listed = s.ok(&[
        "lead",
        "list",
        "--campaign",
        "秋の業務改善セミナー",
        "--all",
    ]);
    assert_eq!(listed.lines().count(), 1 + 12, "{listed}");
}

#[test]
fn moves_count_within_the_window_after_the_campaign_first_reached_the_lead() {
    let s = Scratch::new();
    s.ok(&[
        "campaign",
        "add",
        "--name",
        "メルマガ12月",
        "--kind",
        "newsletter",
    ]);
    let old = id(
        &s,
        &[
            "lead",
            "add",
            "--title",
            "昔からの案件",
            "--stage",
            "future",
        ],
    );
    let card = id(&s, &["contact", "add", "--name", "高橋 一郎"]);
    // The newsletter reached the lead 100 days ago; the lead moved 95 days ago, in the
    // window, and was won today, after it.
    s.ok(&[
        "log",
        "email",
        "--lead",
        &old,
        "--contact",
        &card,
        "--summary",
        "メルマガに返信",
        "--campaign",
        "メルマガ12月",
        "--at",
        &day(-100),
    ]);
    s.ok(&[
        "log",
        "note",
        "--contact",
        &card,
        "--summary",
        "開封",
        "--campaign",
        "メルマガ12月",
    ]);
    move_at(&s, &old, "considering", -95);
    s.ok(&["lead", "won", &old]);
    let effect = s.json(&["campaign", "show", "メルマガ12月", "--format", "json"]);
    assert_eq!(effect["leads"], 0, "none came from it");
    assert_eq!(effect["touched_leads"], 1);
    assert_eq!(effect["touched_contacts"], 1);
    assert_eq!(effect["responses"]["email"], 1);
    assert_eq!(effect["responses"]["note"], 1);
    assert_eq!(effect["reached_considering"], 1);
    assert_eq!(effect["won"], 0, "won after the window: {effect}");
    let wider = s.json(&[
        "campaign",
        "show",
        "メルマガ12月",
        "--window",
        "120",
        "--format",
        "json",
    ]);
    assert_eq!(wider["won"], 1, "{wider}");
    // No cost, no lead from it: the ratios are none, never 0 or infinite.
    assert_eq!(effect["cost_per_lead"], Value::Null);
    assert_eq!(effect["cost_per_won"], Value::Null);
}

/// `YYYY-MM-DD 10:00`, `days` from today.
fn day(days: i64) -> String {
    let at = chrono::Local::now().date_naive() + chrono::Duration::days(days);
    format!("{at} 10:00")
}

/// Moves a lead, then dates the move `days` from today, as a move made then would be.
fn move_at(s: &Scratch, lead: &str, stage: &str, days: i64) {
    s.ok(&["lead", "move", lead, stage]);
    let conn = rusqlite::Connection::open(s.db()).unwrap();
    let at = chrono::Utc::now() + chrono::Duration::days(days);
    conn.execute(
        "UPDATE stage_changes SET at = ?1 WHERE rowid = (SELECT max(rowid) FROM stage_changes)",
        [at.format("%Y-%m-%dT%H:%M:%SZ").to_string()],
    )
    .unwrap();
}

#[test]
fn campaigns_are_named_by_name_or_id_and_refused_in_one_sentence() {
    let s = Scratch::new();
    let seminar = id(
        &s,
        &[
            "campaign",
            "add",
            "--name",
            "業務改善セミナー",
            "--kind",
            "seminar",
        ],
    );
    let said = s.fails(&["campaign", "show", "存在しないキャンペーン"]);
    assert!(said.contains("存在しないキャンペーン"), "{said}");
    let said = s.fails(&["campaign", "add", "--name", "x", "--kind", "fax"]);
    assert!(said.contains("fax") && said.contains("seminar"), "{said}");
    s.fails(&["campaign", "add", "--name", " "]);
    s.fails(&["lead", "add", "--title", "x", "--campaign", "ない"]);
    // By an id prefix, and edited, then deleted: its leads still name it.
    let lead = id(
        &s,
        &[
            "lead",
            "add",
            "--title",
            "案件",
            "--campaign",
            &seminar[..8],
        ],
    );
    s.ok(&[
        "campaign",
        "edit",
        &seminar[..8],
        "--cost",
        "120000",
        "--end",
        "2026-12-24",
    ]);
    let effect = s.json(&["campaign", "show", &seminar, "--format", "json"]);
    assert_eq!(effect["cost"], 120_000);
    assert_eq!(effect["ends_on"], "2026-12-24");
    assert_eq!(effect["cost_per_lead"], 120_000.0);
    let shown = s.ok(&["campaign", "show", &seminar]);
    assert!(
        shown.contains("Changed fields") && shown.contains("cost"),
        "the history: {shown}"
    );
    s.ok(&["campaign", "delete", "業務改善セミナー"]);
    assert_eq!(
        s.json(&["campaign", "list", "--format", "json"]),
        Value::Array(vec![])
    );
    let kept = s.json(&["lead", "show", &lead, "--format", "json"]);
    assert_eq!(kept["campaign_id"], seminar.as_str());
}

#[test]
fn an_imported_campaign_column_names_the_campaign_by_name_or_id() {
    let s = Scratch::new();
    let expo = id(
        &s,
        &[
            "campaign",
            "add",
            "--name",
            "DX EXPO 2026",
            "--kind",
            "展示会",
        ],
    );
    let file = s.path("expo.csv");
    std::fs::write(
        &file,
        format!(
            "案件名,会社名,キャンペーン\n複合機更新,大和商事,DX EXPO 2026\n保守契約,ミドリ技研,{}\n",
            &expo[..8]
        ),
    )
    .unwrap();
    s.ok(&["import", "leads", file.to_str().unwrap()]);
    let effect = s.json(&["campaign", "show", "DX EXPO 2026", "--format", "json"]);
    assert_eq!(effect["leads"], 2);
    // A name no campaign has stops the file at its cell: nothing is added.
    let bad = s.path("bad.csv");
    std::fs::write(&bad, "案件名,キャンペーン\n別の案件,秋のセミナー\n").unwrap();
    let said = s.fails(&["import", "leads", bad.to_str().unwrap()]);
    assert!(
        said.contains("bad.csv") && said.contains("2") && said.contains("キャンペーン"),
        "file, line and column: {said}"
    );
    assert!(!s.ok(&["lead", "list"]).contains("別の案件"));
}

#[test]
fn the_waterfall_has_a_line_per_campaign() {
    let s = Scratch::new();
    seminar(&s);
    s.ok(&["lead", "add", "--title", "紹介の案件"]);
    let stats = s.json(&["stats", "--format", "json"]);
    let lines = stats["waterfall"]["by_campaign"].as_array().unwrap();
    assert_eq!(lines.len(), 1, "{lines:?}");
    let line = &lines[0];
    assert_eq!(line["campaign_name"], "秋の業務改善セミナー");
    assert_eq!(line["created"], 12);
    assert_eq!(line["considering"], 3);
    assert_eq!(line["customer"], 1);
    assert_eq!(stats["waterfall"]["total"]["created"], 13);
    let text = s.ok(&["--lang", "ja", "stats"]);
    assert!(
        text.contains("キャンペーン：秋の業務改善セミナー"),
        "{text}"
    );
}

#[test]
fn goals_show_their_actual_figure_and_pace_per_rep_and_for_the_team() {
    let s = Scratch::new();
    let today = chrono::Local::now().date_naive();
    let month = today.format("%Y-%m").to_string();
    use chrono::Datelike;
    let quarter = format!("{}-Q{}", today.year(), (today.month() - 1) / 3 + 1);
    // This month: the team wants 2 wins and 2,000,000 円; 佐藤 wants 3 new leads, and the
    // rep at this machine 1 meeting; this quarter the team wants 100 new leads.
    s.ok(&[
        "goal", "set", "--period", &month, "--metric", "wins", "--target", "2",
    ]);
    s.ok(&[
        "goal",
        "set",
        "--period",
        &month,
        "--metric",
        "受注額",
        "--target",
        "200万",
    ]);
    s.ok(&[
        "goal",
        "set",
        "--period",
        &month,
        "--metric",
        "new_leads",
        "--target",
        "3",
        "--owner",
        "佐藤",
    ]);
    s.ok(&[
        "goal", "set", "--period", &month, "--metric", "meetings", "--target", "1", "--owner", "me",
    ]);
    s.ok(&[
        "goal",
        "set",
        "--period",
        &quarter,
        "--metric",
        "new_leads",
        "--target",
        "100",
    ]);
    // Setting it again changes the target: still one goal.
    let said = s.ok(&[
        "goal", "set", "--period", &month, "--metric", "wins", "--target", "3",
    ]);
    assert!(said.contains("2 → 3"), "{said}");

    let a = id(
        &s,
        &[
            "lead", "add", "--title", "A", "--owner", "佐藤", "--value", "150万",
        ],
    );
    id(&s, &["lead", "add", "--title", "B", "--owner", "佐藤"]);
    let c = id(
        &s,
        &[
            "lead", "add", "--title", "C", "--owner", "田中", "--value", "50万",
        ],
    );
    s.ok(&["lead", "won", &a]);
    s.ok(&["lead", "won", &c]);
    s.ok(&["log", "meeting", "--lead", &c, "--summary", "定例"]);

    let stats = s.json(&["stats", "--format", "json"]);
    let goals = stats["goals"].as_array().unwrap();
    let find = |metric: &str, owner: Value| -> &Value {
        goals
            .iter()
            .find(|g| g["metric"] == metric && g["owner"] == owner)
            .unwrap_or_else(|| panic!("{metric} {owner}: {goals:?}"))
    };
    let wins = find("wins", Value::Null);
    assert_eq!(
        (wins["target"].clone(), wins["actual"].clone()),
        (3.into(), 2.into())
    );
    assert_eq!(wins["period"], month.as_str());
    assert!(wins["pace"]["status"].is_string(), "{wins}");
    let value = find("won_value", Value::Null);
    assert_eq!(value["actual"], 2_000_000);
    assert_eq!(value["pace"]["status"], "reached");
    let sato = find("new_leads", "佐藤".into());
    assert_eq!(sato["actual"], 2, "only 佐藤's leads: {sato}");
    // Meetings count by who held them: the rep who logged it.
    let mine = goals.iter().find(|g| g["metric"] == "meetings").unwrap();
    assert_eq!(mine["owner"], "tester", "{mine}");
    assert_eq!(mine["actual"], 1, "{mine}");
    assert_eq!(mine["pace"]["status"], "reached");
    let team_quarter = goals
        .iter()
        .find(|g| g["period"] == quarter.as_str())
        .unwrap();
    assert_eq!(team_quarter["actual"], 3);
    assert_eq!(goals.len(), 5, "{goals:?}");

    let text = s.ok(&["--lang", "ja", "stats"]);
    assert!(text.contains("目標"), "{text}");
    assert!(text.contains("受注額") && text.contains("200万円") && text.contains("達成"));
    let list = s.ok(&["goal", "list", "--period", &month]);
    assert_eq!(list.lines().count(), 1 + 4, "{list}");
    let goal = s.json(&["goal", "list", "--format", "json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    s.ok(&["goal", "delete", &goal[..13]]);
    assert_eq!(
        s.json(&["goal", "list", "--format", "json"])
            .as_array()
            .unwrap()
            .len(),
        4
    );
    let said = s.fails(&[
        "goal", "set", "--period", "2026-13", "--metric", "wins", "--target", "1",
    ]);
    assert!(said.contains("2026-13"), "{said}");
    s.fails(&[
        "goal", "set", "--period", &month, "--metric", "calls", "--target", "1",
    ]);
}

#[test]
fn a_goal_behind_its_pace_says_by_how_much_and_what_a_day_is_needed() {
    let s = Scratch::new();
    // Last year's December is over: missed; a target far ahead this quarter: behind.
    let today = chrono::Local::now().date_naive();
    use chrono::Datelike;
    let last_year = format!("{}-12", today.year() - 1);
    s.ok(&[
        "goal", "set", "--period", &last_year, "--metric", "wins", "--target", "4",
    ]);
    let goals = s.json(&["goal", "list", "--format", "json"]);
    assert_eq!(goals[0]["pace"]["status"], "missed");
    assert_eq!(goals[0]["pace"]["short"], 4.0);
    let list = s.ok(&["--lang", "ja", "goal", "list"]);
    assert!(list.contains("4 未達"), "{list}");
    let quarter = format!("{}-Q{}", today.year(), (today.month() - 1) / 3 + 1);
    s.ok(&[
        "goal",
        "set",
        "--period",
        &quarter,
        "--metric",
        "new_leads",
        "--target",
        "100000",
    ]);
    let list = s.ok(&["goal", "list", "--period", &quarter]);
    assert!(
        list.contains("behind by") && list.contains("/day needed"),
        "{list}"
    );
}

#[test]
fn a_customer_shows_its_lifetime_value_last_win_and_open_upsell_leads() {
    let s = Scratch::new();
    let first = id(
        &s,
        &[
            "lead",
            "add",
            "--title",
            "複合機導入",
            "--company",
            "大和商事",
            "--value",
            "300万",
        ],
    );
    s.ok(&["lead", "won", &first]);
    // A new lead on a customer's company is an upsell by itself; another is not.
    let more = id(
        &s,
        &[
            "lead",
            "add",
            "--title",
            "保守契約",
            "--company",
            "大和商事",
            "--value",
            "80万",
        ],
    );
    let other = id(
        &s,
        &["lead", "add", "--title", "新規", "--company", "ミドリ技研"],
    );
    assert_eq!(
        s.json(&["lead", "show", &more, "--format", "json"])["upsell"],
        true
    );
    assert_eq!(
        s.json(&["lead", "show", &other, "--format", "json"])["upsell"],
        false
    );
    let third = id(
        &s,
        &[
            "lead",
            "add",
            "--title",
            "追加端末",
            "--company",
            "大和商事",
            "--value",
            "120万",
        ],
    );
    s.ok(&["lead", "won", &third]);
    // Editable: the rep says the maintenance deal is not an upsell, then that it is.
    s.ok(&["lead", "edit", &more, "--no-upsell"]);
    assert_eq!(
        s.json(&["lead", "show", &more, "--format", "json"])["upsell"],
        false
    );
    s.ok(&["lead", "edit", &more, "--upsell"]);

    let customers = s.json(&["lead", "list", "--stage", "customer", "--format", "json"]);
    let customers = customers.as_array().unwrap();
    assert_eq!(customers.len(), 2);
    for c in customers {
        assert_eq!(c["lifetime_value"], 4_200_000, "{c}");
        assert_eq!(c["won_deals"], 2, "{c}");
        assert_eq!(c["open_upsell_leads"], 1, "{c}");
        assert!(c["last_won_at"].is_string(), "{c}");
    }
    let table = s.ok(&["--lang", "ja", "lead", "list", "--stage", "customer"]);
    assert!(
        table.contains("累計受注額") && table.contains("420万円"),
        "{table}"
    );
    assert!(table.contains("進行中のアップセル"), "{table}");
}

#[test]
fn demo_data_holds_campaigns_with_costs_no_mail_contacts_and_upsell_leads() {
    let s = Scratch::new();
    s.ok(&[
        "demo",
        "--leads",
        "300",
        "--contacts",
        "400",
        "--activities",
        "1500",
    ]);
    let campaigns = s.json(&["campaign", "list", "--format", "json"]);
    let campaigns = campaigns.as_array().unwrap();
    assert!(campaigns.len() >= 5, "{campaigns:?}");
    assert!(
        campaigns
            .iter()
            .all(|c| c["cost"].as_i64().unwrap_or(0) > 0)
    );
    assert!(
        campaigns
            .iter()
            .any(|c| c["leads"].as_i64().unwrap_or(0) > 0)
    );
    assert!(
        campaigns
            .iter()
            .any(|c| c["touched_leads"].as_i64().unwrap_or(0) > 0)
    );
    let conn = rusqlite::Connection::open(s.db()).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert!(count("SELECT count(*) FROM contacts WHERE no_mail_on IS NOT NULL") > 0);
    assert!(count("SELECT count(*) FROM leads WHERE upsell = 1") > 0);
    // A second set beside the first takes the same campaigns.
    s.ok(&[
        "demo",
        "--force",
        "--leads",
        "30",
        "--contacts",
        "30",
        "--activities",
        "30",
    ]);
    assert_eq!(
        s.json(&["campaign", "list", "--format", "json"])
            .as_array()
            .unwrap()
            .len(),
        campaigns.len()
    );
}
