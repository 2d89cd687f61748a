//! Lead CSV files as reps have them: saved by Japanese Excel (Shift_JIS, yen signs, era and
//! serial dates, labels for stages and sources), and leadtrack's own export read back.
//!
//! `fixtures/leads/leads-excel-sjis.csv` is laid out as Japanese Excel's "CSV (コンマ区切り)"
//! writes it: CP932 (㈱ included, and 予 whose second byte is 0x5C), CRLF, a field quoted only
//! when it holds a comma or a quote, a CRLF after the last row, a currency cell as shown with
//! its yen sign as byte 0x5C (`"\3,500,000"`), and date cells as typed or, where the cell was
//! formatted General, as serial numbers. `leads-excel-utf8-bom.csv` is the same table saved as
//! "CSV UTF-8 (コンマ区切り)", the yen signs as `¥` and `￥`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Scratch, bytes, fixture};
use serde_json::Value;

fn lead_file(name: &str) -> String {
    fixture(&format!("leads/{name}"))
        .to_str()
        .unwrap()
        .to_string()
}

/// Every live lead, customers too, as `lead list` gives them.
fn all_leads(s: &Scratch) -> Vec<Value> {
    s.json(&["lead", "list", "--all", "--format", "json"])
        .as_array()
        .unwrap()
        .clone()
}

fn by_title<'a>(leads: &'a [Value], title: &str) -> &'a Value {
    let found: Vec<&Value> = leads.iter().filter(|l| l["title"] == title).collect();
    assert_eq!(found.len(), 1, "one lead titled {title}: {leads:#?}");
    found[0]
}

/// What a file says about a lead: every field but those the database gives it.
fn as_read(lead: &Value) -> Value {
    let mut lead = lead.clone();
    for field in ["id", "created_at", "updated_at"] {
        lead.as_object_mut().unwrap().remove(field);
    }
    lead
}

#[test]
fn a_lead_file_saved_by_japanese_excel_reads_whole() {
    let s = Scratch::new();
    let sjis = lead_file("leads-excel-sjis.csv");
    let out = s.ok(&["import", "leads", &sjis]);
    assert!(out.contains("5 added"), "{out}");
    let leads = all_leads(&s);
    assert_eq!(leads.len(), 5);

    let midori = by_title(&leads, "ミドリ技研 設備更新");
    assert_eq!(midori["company"], "ミドリ技研株式会社");
    assert_eq!(midori["stage"], "considering", "検討段階");
    assert_eq!(midori["source"], "exhibition", "展示会");
    assert_eq!(midori["owner"], "山本");
    assert_eq!(midori["value"], 3_500_000, "\"\\3,500,000\" in Shift_JIS");
    assert_eq!(midori["next_action"], "見積送付");
    assert_eq!(midori["next_action_on"], "2026-12-01", "令和8年12月1日");
    assert_eq!(midori["notes"], "展示会で名刺交換");

    let sakura = by_title(&leads, "さくら物流 倉庫管理");
    assert_eq!(sakura["stage"], "future", "将来見込み");
    assert_eq!(sakura["source"], "website", "Webサイト");
    assert_eq!(sakura["value"], 1_200_000, "\\1200000");
    assert_eq!(sakura["next_action_on"], "2026-12-01", "R8.12.1");
    assert_eq!(
        sakura["notes"], "共有フォルダ\\営業\\さくら",
        "a backslash outside an amount stays one"
    );

    let aoba = by_title(&leads, "青葉商事 基幹刷新");
    assert_eq!(aoba["stage"], "no_prospect", "見込みなし");
    assert_eq!(aoba["source"], "referral", "紹介");
    assert_eq!(aoba["value"], 1_200_000, "120万円");
    assert_eq!(aoba["next_action_on"], "2026-12-01", "Excel serial 46357");

    let hikari = by_title(&leads, "ひかり電機 保守契約");
    assert_eq!(hikari["company"], "㈱ひかり電機");
    assert_eq!(hikari["stage"], "considering", "Considering");
    assert_eq!(hikari["source"], "inbound_call", "電話問い合わせ");
    assert_eq!(hikari["value"], 3_500_000, "3,500,000円");
    assert_eq!(hikari["next_action_on"], "2026-12-01T12:00", "46357.5");
    assert_eq!(hikari["notes"], "初回訪問済み,次回デモ");

    let tsubasa = by_title(&leads, "つばさ工業 設備増強");
    assert_eq!(tsubasa["source"], "seminar", "セミナー");
    assert_eq!(tsubasa["value"], 120_000_000, "1.2億");
    assert_eq!(
        tsubasa["next_action_on"], "2026-12-01",
        "令和８年１２月１日"
    );
    assert_eq!(tsubasa["notes"], "見積は\"松\"プラン");

    let again = s.ok(&["import", "leads", &sjis]);
    assert!(
        again.contains("0 added, 0 updated, 5 unchanged"),
        "a second import changes nothing: {again}"
    );
    assert!(!again.contains("Columns"), "every column was read: {again}");

    // The same table saved as UTF-8 with a BOM (the yen sign as ¥ and ￥) is the same leads.
    let bom = lead_file("leads-excel-utf8-bom.csv");
    let same = s.ok(&["import", "leads", &bom]);
    assert!(same.contains("0 added, 0 updated, 5 unchanged"), "{same}");
    let fresh = Scratch::new();
    assert!(fresh.ok(&["import", "leads", &bom]).contains("5 added"));
    let mut from_sjis: Vec<Value> = leads.iter().map(as_read).collect();
    let mut from_bom: Vec<Value> = all_leads(&fresh).iter().map(as_read).collect();
    let title = |l: &Value| l["title"].as_str().unwrap().to_string();
    from_sjis.sort_by_key(title);
    from_bom.sort_by_key(title);
    assert_eq!(from_sjis, from_bom);
}

/// Leads whose values a spreadsheet would take for formulas, a customer, a time of day.
fn leads_to_export(s: &Scratch) {
    s.ok(&[
        "lead",
        "add",
        "--title",
        "=HYPERLINK(\"https://evil.example\",\"見積\")",
        "--company=-ミドリ技研",
        "--owner=@yamamoto",
        "--source",
        "exhibition",
        "--source-detail",
        "+DX展 2026",
        "--value=-50000",
        "--next-action",
        "+81-3-5555-0101 に電話",
        "--due",
        "2026-12-01 14:00",
        "--tag",
        "展示会,要フォロー",
        "--notes",
        "@課長\n=SUM(A1)\n二行目, カンマ \"引用\"",
    ]);
    s.ok(&[
        "lead",
        "add",
        "--title",
        "さくら物流 倉庫管理",
        "--company",
        "さくら物流株式会社",
        "--stage",
        "future",
        "--source",
        "website",
        "--value",
        "1200000",
        "--due",
        "2026-12-01",
    ]);
    let won = s.ok(&[
        "lead",
        "add",
        "--title",
        "青葉商事 基幹刷新",
        "--value",
        "800000",
    ]);
    s.ok(&["lead", "won", won.trim()]);
}

#[test]
fn an_export_imports_back_as_it_was() {
    for encoding in ["utf-8", "utf-8-bom", "shift_jis"] {
        let s = Scratch::new();
        leads_to_export(&s);
        let before = all_leads(&s);
        assert_eq!(before.len(), 3);
        assert!(
            before.iter().any(|l| l["stage"] == "customer"),
            "a customer is exported too"
        );
        let file = s.path(&format!("leads-{encoding}.csv"));
        let file = file.to_str().unwrap();
        s.ok(&[
            "export",
            "leads",
            "--format",
            "csv",
            "--encoding",
            encoding,
            "-o",
            file,
        ]);
        let written = std::fs::read(file).unwrap();
        assert!(
            written.windows(2).any(|w| w == b"'="),
            "{encoding}: the export guards formulas"
        );
        for round in ["first", "second"] {
            let out = s.ok(&["import", "leads", file]);
            assert!(
                out.contains("0 added, 0 updated, 3 unchanged"),
                "{encoding}, {round} import: {out}"
            );
            assert!(!out.contains("kept in the notes"), "{encoding}: {out}");
        }
        let after = all_leads(&s);
        assert_eq!(after, before, "{encoding}: no field changed");
        for lead in &after {
            for (field, value) in lead.as_object().unwrap() {
                if let Some(text) = value.as_str() {
                    assert!(!text.starts_with('\''), "{encoding}: {field} = {text}");
                }
            }
        }
    }
}

#[test]
fn an_exported_row_updates_the_lead_its_id_names() {
    let s = Scratch::new();
    leads_to_export(&s);
    let before = all_leads(&s);
    let file = s.path("leads.csv");
    let file = file.to_str().unwrap();
    s.ok(&["export", "leads", "--format", "csv", "-o", file]);
    // Renamed in the spreadsheet: the id still says which lead the row is.
    let text = std::fs::read_to_string(file).unwrap();
    let edited: String = text
        .split_inclusive("\r\n")
        .map(|line| {
            if line.contains("さくら物流") {
                line.replace("さくら物流 倉庫管理", "さくら物流 倉庫管理システム")
                    .replace(",1200000,", ",1500000,")
            } else {
                line.to_string()
            }
        })
        .collect();
    assert_ne!(edited, text);
    std::fs::write(file, edited).unwrap();
    let out = s.ok(&["import", "leads", file]);
    assert!(out.contains("0 added, 1 updated, 2 unchanged"), "{out}");
    let after = all_leads(&s);
    assert_eq!(after.len(), 3);
    let sakura = by_title(&after, "さくら物流 倉庫管理システム");
    assert_eq!(sakura["id"], by_title(&before, "さくら物流 倉庫管理")["id"]);
    assert_eq!(sakura["value"], 1_500_000);
    let history = s.json(&[
        "lead",
        "show",
        sakura["id"].as_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(
        history["history"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["field"] == "title" && h["previous"] == "さくら物流 倉庫管理"),
        "{history:#}"
    );

    // An id this database does not have: the title and company still find the lead.
    let other = s.path("other.csv");
    std::fs::write(
        &other,
        "id,title,company,value\r\n\
         01ffffff-ffff-7fff-bfff-ffffffffffff,さくら物流 倉庫管理システム,さくら物流株式会社,1600000\r\n",
    )
    .unwrap();
    let out = s.ok(&["import", "leads", other.to_str().unwrap()]);
    assert!(out.contains("0 added, 1 updated"), "{out}");
    let after = all_leads(&s);
    assert_eq!(after.len(), 3);
    assert_eq!(
        by_title(&after, "さくら物流 倉庫管理システム")["value"],
        1_600_000
    );
}

#[test]
fn a_value_that_cannot_be_read_stops_the_file_and_writes_nothing() {
    let s = Scratch::new();
    s.ok(&["lead", "add", "--title", "既存の案件"]);
    let header = "案件名,会社名,ステージ,流入元,見込金額,次回予定日\r\n";
    let good = "良い案件,良い株式会社,検討段階,展示会,\"\\3,500,000\",令和8年12月1日\r\n";
    let cases = [
        (
            "悪い案件,悪い株式会社,検討段階,展示会,たくさん,R8.12.1\r\n",
            "column '見込金額': 'たくさん' is not an amount",
        ),
        (
            "悪い案件,悪い株式会社,検討段階,展示会,\\ 3500,R8.12.1\r\n",
            "column '見込金額': '\\ 3500' is not an amount",
        ),
        (
            "悪い案件,悪い株式会社,検討段階,展示会,100万,令和元年4月1日\r\n",
            "column '次回予定日': '令和元年4月1日' is not a date",
        ),
        (
            "悪い案件,悪い株式会社,検討段階,展示会,100万,2958466\r\n",
            "column '次回予定日': '2958466' is not a date",
        ),
        (
            "悪い案件,悪い株式会社,検討段階,FAX,100万,R8.12.1\r\n",
            "column '流入元': 'FAX' is not a source",
        ),
    ];
    for (n, (row, expected)) in cases.iter().enumerate() {
        let name = format!("bad-{n}.csv");
        let path = s.path(&name);
        let text = format!("{header}{good}{row}");
        let (sjis, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
        assert!(!unmappable);
        std::fs::write(&path, &sjis).unwrap();
        let before = bytes(&s.db());
        let err = s.fails(&["import", "leads", path.to_str().unwrap()]);
        assert!(
            err.contains(&format!("{name}, line 3, {expected}")),
            "{err}"
        );
        assert_eq!(before, bytes(&s.db()), "{name}: nothing written");
    }
    assert_eq!(all_leads(&s).len(), 1, "the good row before was not added");
}

#[test]
fn the_command_line_takes_era_dates_yen_and_source_labels() {
    let s = Scratch::new();
    let id = s.ok(&[
        "lead",
        "add",
        "--title",
        "ミドリ技研 設備更新",
        "--source",
        "展示会",
        "--value",
        "\\3,500,000",
        "--due",
        "令和8年12月1日",
    ]);
    let id = id.trim();
    let lead = s.json(&["lead", "show", id, "--format", "json"]);
    assert_eq!(lead["source"], "exhibition");
    assert_eq!(lead["value"], 3_500_000);
    assert_eq!(lead["next_action_on"], "2026-12-01");
    s.ok(&[
        "lead",
        "edit",
        id,
        "--source",
        "Inbound call",
        "--due",
        "H31.4.30",
        "--value",
        "￥1,200,000",
    ]);
    let lead = s.json(&["lead", "show", id, "--format", "json"]);
    assert_eq!(lead["source"], "inbound_call");
    assert_eq!(lead["next_action_on"], "2019-04-30");
    assert_eq!(lead["value"], 1_200_000);
    let err = s.fails(&["lead", "edit", id, "--due", "46357"]);
    assert!(
        err.contains("'46357' is not a date"),
        "a serial number is a CSV cell's, not typed: {err}"
    );
}

#[test]
fn a_lead_file_given_as_cards_is_named_as_leads_and_a_mail_is_no_card_file() {
    let s = Scratch::new();
    s.ok(&["contact", "add", "--name", "鈴木 一郎"]);
    let before = common::bytes(&s.db());
    for name in ["leads-excel-sjis.csv", "leads-excel-utf8-bom.csv"] {
        let err = s.fails(&["import", "cards", &lead_file(name)]);
        assert!(err.contains("line 1"), "{err}");
        assert!(err.contains("leadtrack import leads"), "{err}");
    }
    let mail = common::fixture("mail/japanese-iso2022jp.eml");
    let err = s.fails(&["import", "cards", mail.to_str().unwrap()]);
    assert!(err.contains("no column is a name"), "{err}");
    assert!(!err.contains("import leads"), "{err}");
    assert_eq!(before, common::bytes(&s.db()));
}

/// Two leads with the same title and company are two leads in an export, and import back
/// as two, into a fresh database and into their own (where each row finds its lead by id).
#[test]
fn leads_alike_in_title_and_company_import_back_as_two() {
    let s = Scratch::new();
    for owner in ["山本", "鈴木"] {
        s.ok(&[
            "lead",
            "add",
            "--title",
            "設備更新",
            "--company",
            "山田商事",
            "--owner",
            owner,
        ]);
    }
    for headers in ["en", "ja"] {
        let file = s.path(&format!("alike-{headers}.csv"));
        let file = file.to_str().unwrap();
        s.ok(&["export", "leads", "--headers", headers, "-o", file]);
        let fresh = s.path(&format!("fresh-{headers}.db"));
        let fresh = fresh.to_str().unwrap();
        let in_fresh = |args: &[&str]| {
            let out = s.bare().arg("--db").arg(fresh).args(args).output().unwrap();
            assert!(out.status.success(), "{args:?}");
            String::from_utf8(out.stdout).unwrap()
        };
        in_fresh(&["import", "leads", file]);
        let listed: Value =
            serde_json::from_str(&in_fresh(&["lead", "list", "--format", "json"])).unwrap();
        let owners: Vec<String> = listed
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["owner"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(owners.len(), 2, "{headers}: {owners:?}");
        assert!(owners.contains(&"山本".to_string()) && owners.contains(&"鈴木".to_string()));
        let again = s.json(&["import", "leads", file, "--report", "json"]);
        assert_eq!(again["unchanged"].as_array().unwrap().len(), 2, "{again}");
    }
}
