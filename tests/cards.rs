//! Business cards in and out: the sample files, the matching rules (名寄せ), round trips,
//! spreadsheet safety, bad files, duplicate merging.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Scratch, bytes, fixture};
use serde_json::Value;

fn card_file(name: &str) -> String {
    fixture(&format!("cards/{name}"))
        .to_str()
        .unwrap()
        .to_string()
}

fn contacts(s: &Scratch) -> Vec<Value> {
    s.json(&["contact", "list", "--format", "json"])
        .as_array()
        .unwrap()
        .clone()
}

fn by_family<'a>(all: &'a [Value], family: &str) -> Vec<&'a Value> {
    all.iter().filter(|c| c["family_name"] == family).collect()
}

fn history_of(s: &Scratch, id: &str) -> Vec<Value> {
    s.json(&["contact", "show", id, "--format", "json"])["history"]
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn eight_style_shift_jis_csv_gives_seven_people() {
    let s = Scratch::new();
    let report = s.json(&[
        "import",
        "cards",
        &card_file("cards-eight-style-sjis.csv"),
        "--report",
        "json",
    ]);
    assert_eq!(report["added"].as_array().unwrap().len(), 7);
    assert_eq!(report["merged"].as_array().unwrap().len(), 1);
    assert_eq!(
        report["merged"][0]["line"], 6,
        "row 5 of the data is line 6 of the file"
    );
    assert_eq!(report["merged"][0]["reason"], "same_email");
    let all = contacts(&s);
    assert_eq!(all.len(), 7);

    // 佐藤 花子: one contact, the newer card's date wins, the older date kept in history.
    let sato = by_family(&all, "佐藤");
    assert_eq!(sato.len(), 1);
    assert_eq!(sato[0]["exchanged_on"], "2026-11-10");
    assert_eq!(sato[0]["phone"], "03-1234-5678");
    assert_eq!(
        sato[0]["fax"], "03-1234-5601",
        "a value only the older card had is kept"
    );
    let history = history_of(&s, sato[0]["id"].as_str().unwrap());
    assert!(
        history
            .iter()
            .any(|h| h["field"] == "exchanged_on" && h["previous"] == "2026-10-02"),
        "{history:?}"
    );
    // The second and third phone columns are numbers of hers, not notes.
    let numbers: Vec<&str> = sato[0]["phones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["value"].as_str().unwrap())
        .collect();
    assert!(
        numbers.contains(&"03-1234-5600") && numbers.contains(&"03-1234-5679"),
        "{numbers:?}"
    );
    assert_eq!(
        sato[0]["notes"],
        Value::Null,
        "no column lands in the notes"
    );

    // info@ is a role address: 高橋 美咲 is her own person.
    assert_eq!(by_family(&all, "高橋").len(), 1);
    assert_eq!(
        by_family(&all, "高橋")[0]["email"],
        "info@hikari-sol.example.jp"
    );

    // Stored as written, found by any width and kana.
    assert_eq!(
        by_family(&all, "田中")[0]["company"],
        "ＡＢＣシステムズ株式会社"
    );
    assert_eq!(by_family(&all, "伊藤")[0]["given_name"], "ｹﾝｼﾞ");
    let found = s.json(&["search", "ABC", "--format", "json"]);
    assert_eq!(found["contacts"][0]["family_name"], "田中");
    let found = s.json(&["search", "ケンジ", "--format", "json"]);
    assert_eq!(found["contacts"][0]["family_name"], "伊藤");
}

#[test]
fn company_forms_and_role_addresses_in_matching() {
    let s = Scratch::new();
    s.ok(&["import", "cards", &card_file("cards-eight-style-sjis.csv")]);
    let more = s.path("more.csv");
    std::fs::write(
        &more,
        "会社名,姓,名,e-mail,携帯電話,名刺交換日\n\
         株式会社ひかりソリューションズ,高橋,美咲,,,2026/11/20\n\
         別の会社,別人,太郎,info@hikari-sol.example.jp,,2026/11/20\n\
         ﾐﾄﾞﾘ技研(株),鈴木,一郎,,,2026/11/21\n\
         どこか,北野,武,,+81-90-1111-2222,2026/11/22\n",
    )
    .unwrap();
    let report = s.json(&[
        "import",
        "cards",
        more.to_str().unwrap(),
        "--report",
        "json",
    ]);
    let merged: Vec<(i64, &str)> = report["merged"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["line"].as_i64().unwrap(), m["reason"].as_str().unwrap()))
        .collect();
    assert!(
        merged.contains(&(2, "same_name_and_company")),
        "(株) is 株式会社: {merged:?}"
    );
    assert!(
        merged.contains(&(4, "same_name_and_company")),
        "width and kana ignored: {merged:?}"
    );
    assert!(merged.contains(&(5, "same_mobile")), "+81 is 0: {merged:?}");
    let added: Vec<i64> = report["added"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["line"].as_i64().unwrap())
        .collect();
    assert_eq!(
        added,
        [3],
        "a shared info@ address does not make one person"
    );
}

#[test]
fn generic_utf8_bom_csv_skips_the_row_without_a_name() {
    let s = Scratch::new();
    let out = s.ok(&["import", "cards", &card_file("cards-generic-utf8-bom.csv")]);
    assert!(
        out.contains("2 added") && out.contains("1 skipped"),
        "{out}"
    );
    assert!(out.contains("line 5: no name — skipped"), "{out}");
    let all = contacts(&s);
    assert_eq!(all.len(), 2);
    let maria = by_family(&all, "Garcia")[0];
    assert_eq!(maria["given_name"], "Maria");
    assert_eq!(
        maria["notes"],
        "Interested in the pro plan.\nCall back after budget review."
    );
    assert_eq!(maria["exchanged_at"], "Tokyo Big Sight IT Week");
}

#[test]
fn importing_a_file_twice_changes_nothing_the_second_time() {
    let s = Scratch::new();
    for file in ["cards-eight-style-sjis.csv", "cards-generic-utf8-bom.csv"] {
        s.ok(&["import", "cards", &card_file(file)]);
        let before = s.json(&["contact", "list", "--format", "json"]);
        let history = s.json(&["check", "--format", "json"])["counts"]["history"].clone();
        let report = s.json(&["import", "cards", &card_file(file), "--report", "json"]);
        assert!(
            report["added"].as_array().unwrap().is_empty()
                && report["merged"].as_array().unwrap().is_empty()
        );
        assert_eq!(s.json(&["contact", "list", "--format", "json"]), before);
        assert_eq!(
            s.json(&["check", "--format", "json"])["counts"]["history"],
            history
        );
    }
}

#[test]
fn dry_run_writes_nothing_and_map_names_a_column() {
    let s = Scratch::new();
    s.ok(&["check"]);
    let before = bytes(&s.db());
    let out = s.ok(&[
        "import",
        "cards",
        &card_file("cards-eight-style-sjis.csv"),
        "--dry-run",
    ]);
    assert!(out.contains("7 added") && out.contains("dry run"), "{out}");
    assert_eq!(before, bytes(&s.db()));

    let odd = s.path("odd.csv");
    std::fs::write(&odd, "苗字,下の名前,勤め先\n山本,一郎,ミドリ技研\n").unwrap();
    s.ok(&[
        "import",
        "cards",
        odd.to_str().unwrap(),
        "--map",
        "下の名前=given_name",
        "--map",
        "勤め先=company",
    ]);
    let all = contacts(&s);
    assert_eq!(all[0]["family_name"], "山本");
    assert_eq!(all[0]["given_name"], "一郎");
    assert_eq!(all[0]["company"], "ミドリ技研");
}

#[test]
fn bad_files_give_one_message_and_change_nothing() {
    let s = Scratch::new();
    s.ok(&["import", "cards", &card_file("cards-generic-utf8-bom.csv")]);
    let before = bytes(&s.db());
    let junk = s.path("junk.bin");
    std::fs::write(&junk, [0u8, 159, 146, 150, 255, 0, 1, 2, 3]).unwrap();
    let open_quote = s.path("open.csv");
    std::fs::write(
        &open_quote,
        "姓,名,会社名\n佐藤,花子,\"ミドリ技研\n鈴木,一郎,x\n",
    )
    .unwrap();
    let no_end = s.path("noend.vcf");
    std::fs::write(
        &no_end,
        "BEGIN:VCARD\nVERSION:3.0\nN:山田;太郎;;;\nFN:山田 太郎\n",
    )
    .unwrap();
    let huge = s.path("huge.csv");
    std::fs::write(&huge, "x".repeat(50 * 1024 * 1024)).unwrap();
    let ragged = s.path("ragged.csv");
    std::fs::write(&ragged, "姓,名\n佐藤,花子,余分\n").unwrap();
    let sjis = card_file("cards-eight-style-sjis.csv");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["import", "cards", junk.to_str().unwrap()],
            "junk.bin, line 1: this is not a text file",
        ),
        (
            vec!["import", "cards", open_quote.to_str().unwrap()],
            "open.csv, line 2: a quoted field opened here is never closed",
        ),
        (
            vec!["import", "cards", no_end.to_str().unwrap()],
            "noend.vcf, line 1",
        ),
        (
            vec!["import", "cards", huge.to_str().unwrap()],
            "huge.csv, line 1: the line is 50 MB long",
        ),
        (
            vec!["import", "cards", ragged.to_str().unwrap()],
            "ragged.csv, line 2: the row has 3 fields where the header has 2",
        ),
        (
            vec!["import", "cards", &sjis, "--encoding", "utf-8"],
            "line 1: the text is not UTF-8",
        ),
        (
            vec!["import", "cards", "/nonexistent/cards.csv"],
            "cannot be read",
        ),
        (
            vec!["import", "cards", &sjis, "--map", "x=shoe_size"],
            "not a card field",
        ),
    ];
    for (args, expected) in cases {
        let err = s.fails(&args);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(before == bytes(&s.db()), "{args:?} changed the database");
    }
}

#[test]
fn shift_jis_csv_export_reads_back_the_same_text() {
    let s = Scratch::new();
    s.ok(&["import", "cards", &card_file("cards-eight-style-sjis.csv")]);
    let out = s.path("out.csv");
    s.ok(&[
        "export",
        "contacts",
        "--encoding",
        "shift_jis",
        "-o",
        out.to_str().unwrap(),
    ]);
    let raw = std::fs::read(&out).unwrap();
    assert!(std::str::from_utf8(&raw).is_err(), "really Shift_JIS");
    let (text, _, had_errors) = encoding_rs::SHIFT_JIS.decode(&raw);
    assert!(!had_errors);
    for name in [
        "佐藤",
        "ｹﾝｼﾞ",
        "ＡＢＣシステムズ株式会社",
        "(株)ひかりソリューションズ",
    ] {
        assert!(text.contains(name), "{name} missing");
    }
    assert!(text.contains("\r\n"), "CRLF rows");
    // Importing the export into a fresh database gives the same people (under ids of
    // their own: a file's ids never become record ids).
    let fresh = Scratch::new();
    fresh.ok(&["import", "cards", out.to_str().unwrap()]);
    let strip = |all: Vec<Value>| -> Vec<Value> {
        all.into_iter()
            .map(|mut c| {
                for k in ["id", "created_at", "updated_at", "created_by", "updated_by"] {
                    c.as_object_mut().unwrap().remove(k);
                }
                c
            })
            .collect()
    };
    assert_eq!(strip(contacts(&fresh)), strip(contacts(&s)));
    // And into the same database: the same contacts, not duplicates.
    let report = s.json(&["import", "cards", out.to_str().unwrap(), "--report", "json"]);
    assert!(report["added"].as_array().unwrap().is_empty());
}

#[test]
fn csv_exports_never_carry_a_live_formula() {
    let s = Scratch::new();
    s.ok(&[
        "contact",
        "add",
        "--name",
        "佐藤 花子",
        "--company",
        "=HYPERLINK(\"http://x.example\",\"x\")",
        "--phone",
        "+81-3-5555-0101",
        "--title",
        "@SUM(A1)",
    ]);
    let safe = s.ok(&["export", "contacts"]);
    assert!(
        safe.contains("\"'=HYPERLINK(\"\"http://x.example\"\",\"\"x\"\")\""),
        "{safe}"
    );
    assert!(
        safe.contains(",'+81-3-5555-0101,"),
        "phone numbers stay readable: {safe}"
    );
    assert!(safe.contains(",'@SUM(A1),"), "{safe}");
    let raw = s.ok(&["export", "contacts", "--raw"]);
    assert!(raw.contains(",+81-3-5555-0101,"), "{raw}");
    let bom = s.path("bom.csv");
    s.ok(&[
        "export",
        "contacts",
        "--encoding",
        "utf-8-bom",
        "-o",
        bom.to_str().unwrap(),
    ]);
    assert!(std::fs::read(&bom).unwrap().starts_with(b"\xEF\xBB\xBFid,"));
}

#[test]
fn json_export_uses_the_spec_names() {
    let s = Scratch::new();
    s.ok(&["import", "cards", &card_file("cards-generic-utf8-bom.csv")]);
    let out = s.ok(&["export", "contacts", "--format", "json"]);
    let all: Value = serde_json::from_str(&out).unwrap();
    for key in [
        "family_name",
        "given_name",
        "family_reading",
        "company",
        "exchanged_on",
        "exchanged_at",
        "tags",
    ] {
        assert!(all[0].get(key).is_some(), "{key}");
    }
    let leads = s.ok(&["export", "leads", "--format", "json"]);
    assert_eq!(
        serde_json::from_str::<Value>(&leads).unwrap(),
        Value::Array(vec![])
    );
}

#[test]
fn dedupe_lists_and_merges_keeping_every_value() {
    let s = Scratch::new();
    let a = s.ok(&[
        "contact",
        "add",
        "--name",
        "佐藤 花子",
        "--company",
        "ミドリ技研株式会社",
        "--phone",
        "03-1111",
        "--exchanged-on",
        "2026-01-10",
    ]);
    let b = s.ok(&[
        "contact",
        "add",
        "--name",
        "佐藤 花子",
        "--company",
        "(株)ミドリ技研",
        "--phone",
        "03-2222",
        "--title",
        "課長",
        "--exchanged-on",
        "2026-11-01",
    ]);
    let c = s.ok(&[
        "contact",
        "add",
        "--name",
        "別の 人",
        "--email",
        "x@example.co.jp",
    ]);
    let (a, b) = (a.trim(), b.trim());
    let lead = s.ok(&["lead", "add", "--title", "ミドリ技研 設備更新"]);
    s.ok(&["lead", "link", lead.trim(), b, "--role", "decision_maker"]);
    s.ok(&["log", "meeting", "--contact", b, "--summary", "名刺交換"]);
    let listed = s.ok(&["dedupe"]);
    assert!(
        listed.contains("same name and company") && listed.contains("1 probable duplicates"),
        "{listed}"
    );
    assert!(!c.trim().is_empty());
    s.ok(&["dedupe", "--apply"]);
    let kept = s.json(&["contact", "show", a, "--format", "json"]);
    assert_eq!(kept["phone"], "03-2222", "the newer card wins");
    assert_eq!(kept["title"], "課長");
    assert_eq!(kept["company"], "(株)ミドリ技研");
    let numbers: Vec<&str> = kept["phones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["value"].as_str().unwrap())
        .collect();
    assert_eq!(
        numbers,
        ["03-2222", "03-1111"],
        "the older number stays visible"
    );
    assert_eq!(kept["leads"][0]["role"], "decision_maker", "the link moved");
    assert_eq!(
        kept["activities"][0]["summary"], "名刺交換",
        "the activity moved"
    );
    assert!(s.fails(&["contact", "show", b]).contains("no contact"));
    assert!(s.ok(&["dedupe"]).contains("No probable duplicates"));
}

#[test]
fn leads_from_csv_and_an_unknown_stage_names_its_line() {
    let s = Scratch::new();
    let file = s.path("leads.csv");
    std::fs::write(
        &file,
        "案件名,会社名,ステージ,流入元,担当者,金額,次回アクション,次回予定日\n\
         ミドリ技研 設備更新,ミドリ技研株式会社,検討段階,exhibition,山本,120万,見積送付,2026-12-01\n\
         Bluebird ERP,Bluebird Inc.,future,website,,1500000,,\n",
    )
    .unwrap();
    let out = s.ok(&["import", "leads", file.to_str().unwrap()]);
    assert!(out.contains("2 added"), "{out}");
    let leads = s.json(&["lead", "list", "--format", "json"]);
    let midori = leads
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["company"] == "ミドリ技研株式会社")
        .unwrap();
    assert_eq!(midori["stage"], "considering");
    assert_eq!(midori["value"], 1_200_000);
    assert_eq!(midori["next_action_on"], "2026-12-01");
    assert_eq!(midori["owner"], "山本");
    let again = s.ok(&["import", "leads", file.to_str().unwrap()]);
    assert!(
        again.contains("0 added") && again.contains("2 unchanged"),
        "{again}"
    );

    let bad = s.path("bad.csv");
    std::fs::write(&bad, "title,stage\nA,considering\nB,hot\n").unwrap();
    let before = bytes(&s.db());
    let err = s.fails(&["import", "leads", bad.to_str().unwrap()]);
    assert!(
        err.contains("bad.csv, line 3, column 'stage': 'hot' is not a stage"),
        "{err}"
    );
    assert_eq!(before, bytes(&s.db()));
}

#[test]
fn vcard_samples_import_as_their_readme_says() {
    let s = Scratch::new();
    let report = s.json(&[
        "import",
        "cards",
        &card_file("contacts-v3.vcf"),
        "--report",
        "json",
    ]);
    assert_eq!(report["added"].as_array().unwrap().len(), 2);
    s.ok(&["import", "cards", &card_file("contacts-v21-sjis.vcf")]);
    // The format is decided by the content, whatever the file is called.
    let renamed = s.path("phone-export.txt");
    std::fs::copy(card_file("contacts-v4.vcf"), &renamed).unwrap();
    s.ok(&["import", "cards", renamed.to_str().unwrap()]);
    let all = contacts(&s);
    assert_eq!(all.len(), 4);
    let yamada = by_family(&all, "山田")[0];
    assert_eq!(
        (
            yamada["family_reading"].as_str(),
            yamada["given_reading"].as_str()
        ),
        (Some("やまだ"), Some("たろう"))
    );
    assert_eq!(yamada["company"], "株式会社やまだ製作所");
    assert_eq!(yamada["department"], "製造部");
    assert_eq!(
        yamada["notes"],
        "展示会で名刺交換。来期に設備更新の予定あり。長いメモが折り返されても正しく読めること。"
    );
    let kobayashi = by_family(&all, "小林")[0];
    assert_eq!(kobayashi["given_name"], "直子");
    assert_eq!(kobayashi["family_reading"], "ｺﾊﾞﾔｼ");
    assert_eq!(kobayashi["company"], "有限会社こばやし商店");
    let found = s.json(&["search", "こばやし", "--format", "json"]);
    assert_eq!(found["contacts"][0]["family_name"], "小林");
    let nakamura = by_family(&all, "中村")[0];
    assert_eq!(
        (
            nakamura["family_reading"].as_str(),
            nakamura["given_reading"].as_str()
        ),
        (Some("なかむら"), Some("しょう"))
    );
    assert_eq!(nakamura["phone"], "+81-3-5555-0101");
    assert_eq!(
        by_family(&all, "Doe")[0]["family_reading"],
        Value::Null,
        "SORT-STRING Doe is not a reading"
    );
}

#[test]
fn a_vcard_round_trip_gives_the_same_people() {
    let s = Scratch::new();
    for f in [
        "cards-eight-style-sjis.csv",
        "contacts-v3.vcf",
        "contacts-v21-sjis.vcf",
        "contacts-v4.vcf",
    ] {
        s.ok(&["import", "cards", &card_file(f)]);
    }
    for version in ["4", "3"] {
        let out = s.path(&format!("all-{version}.vcf"));
        s.ok(&[
            "export",
            "contacts",
            "--format",
            "vcard",
            "--vcard-version",
            version,
            "-o",
            out.to_str().unwrap(),
        ]);
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.contains(&format!("VERSION:{version}.0")));
        let fresh = Scratch::new();
        fresh.ok(&["import", "cards", out.to_str().unwrap()]);
        let key = |c: &Value| -> Vec<String> {
            [
                "family_name",
                "given_name",
                "family_reading",
                "given_reading",
                "company",
                "department",
                "email",
                "phone",
                "mobile",
                "notes",
            ]
            .iter()
            .map(|k| c[*k].as_str().unwrap_or("").to_string())
            .collect()
        };
        let mut before: Vec<_> = contacts(&s).iter().map(key).collect();
        let mut after: Vec<_> = contacts(&fresh).iter().map(key).collect();
        before.sort();
        after.sort();
        assert_eq!(before, after, "vCard {version}");
        // Imported again where it came from: the same contacts, not duplicates.
        let report = s.json(&["import", "cards", out.to_str().unwrap(), "--report", "json"]);
        assert!(
            report["added"].as_array().unwrap().is_empty(),
            "vCard {version}: {report}"
        );
    }
}

#[test]
fn other_vcard_software_reads_the_export() {
    let probe = std::process::Command::new("python3")
        .args(["-c", "import vobject"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("python3 with vobject is not installed: skipping (.ci/run installs it)");
        return;
    }
    let s = Scratch::new();
    for f in [
        "cards-eight-style-sjis.csv",
        "contacts-v3.vcf",
        "contacts-v21-sjis.vcf",
        "contacts-v4.vcf",
    ] {
        s.ok(&["import", "cards", &card_file(f)]);
    }
    for version in ["4", "3"] {
        let out = s.path("check.vcf");
        s.ok(&[
            "export",
            "contacts",
            "--format",
            "vcard",
            "--vcard-version",
            version,
            "-o",
            out.to_str().unwrap(),
        ]);
        let script = "import sys, vobject\n\
                      for card in vobject.readComponents(open(sys.argv[1], encoding='utf-8').read()):\n\
                      \x20   print(card.n.value.family + '|' + card.n.value.given + '|' + card.fn.value)\n";
        let result = std::process::Command::new("python3")
            .args(["-c", script, out.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(
            result.status.success(),
            "vobject: {}",
            String::from_utf8_lossy(&result.stderr)
        );
        let names = String::from_utf8(result.stdout).unwrap();
        assert_eq!(names.lines().count(), 11, "every card: {names}");
        for expected in [
            "佐藤|花子|佐藤 花子",
            "山田|太郎|山田 太郎",
            "小林|直子|小林 直子",
            "Smith|John|John Smith",
            "Doe|Jane|",
        ] {
            assert!(
                names.contains(expected),
                "vCard {version}: {expected} missing in\n{names}"
            );
        }
    }
}

/// Opens a CSV in LibreOffice Calc (formulas evaluated on import, as a user's spreadsheet
/// would) and returns the cells that became formulas. None when LibreOffice or openpyxl is
/// missing.
fn formula_cells_in_a_spreadsheet(
    csv: &std::path::Path,
    work: &std::path::Path,
) -> Option<Vec<String>> {
    let soffice = std::process::Command::new("soffice")
        .arg("--version")
        .output();
    let openpyxl = std::process::Command::new("python3")
        .args(["-c", "import openpyxl"])
        .output();
    if !soffice.is_ok_and(|o| o.status.success()) || !openpyxl.is_ok_and(|o| o.status.success()) {
        return None;
    }
    let profile = format!("-env:UserInstallation=file://{}/lo-profile", work.display());
    let converted = std::process::Command::new("soffice")
        .args(["--headless", "--norestore", &profile])
        // comma, double quote, UTF-8, from row 1, ..., evaluate formulas
        .arg("--infilter=CSV:44,34,76,1,,0,false,false,false,false,false,false,true")
        .args(["--convert-to", "xlsx", "--outdir"])
        .arg(work)
        .arg(csv)
        .output()
        .unwrap();
    assert!(
        converted.status.success(),
        "{}",
        String::from_utf8_lossy(&converted.stderr)
    );
    let xlsx = work.join(csv.with_extension("xlsx").file_name().unwrap());
    let script = "import sys, openpyxl\n\
                  for row in openpyxl.load_workbook(sys.argv[1]).active.iter_rows():\n\
                  \x20   for c in row:\n\
                  \x20       if c.data_type == 'f': print(c.value)\n";
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&xlsx)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(String::from)
            .collect(),
    )
}

#[test]
fn a_spreadsheet_evaluates_no_cell_of_the_export() {
    let s = Scratch::new();
    s.ok(&[
        "contact",
        "add",
        "--name",
        "佐藤 花子",
        "--company",
        "=1+1",
        "--title",
        "@SUM(1,2)",
        "--phone",
        "+81-3-5555-0101",
        "--notes=-2+3",
    ]);
    let safe = s.path("safe.csv");
    s.ok(&["export", "contacts", "-o", safe.to_str().unwrap()]);
    let Some(formulas) = formula_cells_in_a_spreadsheet(&safe, s.dir.path()) else {
        eprintln!("LibreOffice or openpyxl is not installed: skipping (.ci/run installs them)");
        return;
    };
    assert!(
        formulas.is_empty(),
        "cells evaluated as formulas: {formulas:?}"
    );
    // The same export with --raw shows that the spreadsheet would have run them.
    let raw = s.path("raw.csv");
    s.ok(&["export", "contacts", "--raw", "-o", raw.to_str().unwrap()]);
    let formulas = formula_cells_in_a_spreadsheet(&raw, s.dir.path()).unwrap();
    assert!(
        formulas.iter().any(|f| f.starts_with("=1+1")),
        "{formulas:?}"
    );
}

#[test]
fn a_card_of_a_demo_contact_updates_that_contact() {
    let s = Scratch::new();
    s.ok(&["demo", "--leads", "30", "--contacts", "40"]);
    let contacts = s.json(&["contact", "list", "--format", "json"]);
    let contacts = contacts.as_array().unwrap();
    let known = contacts
        .iter()
        .find(|c| c["mobile"].is_string())
        .expect("a demo contact with a mobile number");
    // Another card of the same person: the email in capitals, only the mobile to match by
    // besides it, and a new title.
    let card = s.path("again.vcf");
    std::fs::write(
        &card,
        format!(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:someone\r\nEMAIL:{}\r\nTEL;TYPE=CELL:{}\r\nTITLE:部長代理\r\nEND:VCARD\r\n",
            known["email"].as_str().unwrap().to_uppercase(),
            known["mobile"].as_str().unwrap()
        ),
    )
    .unwrap();
    let report = s.json(&[
        "import",
        "cards",
        card.to_str().unwrap(),
        "--report",
        "json",
    ]);
    assert!(report["added"].as_array().unwrap().is_empty(), "{report}");
    assert_eq!(report["merged"].as_array().unwrap().len(), 1, "{report}");
    let after = s.json(&["contact", "list", "--format", "json"]);
    assert_eq!(after.as_array().unwrap().len(), contacts.len());
}
