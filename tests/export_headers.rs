//! `--headers ja`: the CSV exports with Japanese column titles for Excel (and the model's
//! names in Japanese in their cells), read back by `import leads` and `import cards` in
//! every encoding; the default header row and every JSON output stay as scripts know them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::Scratch;
use serde_json::Value;

/// Leads, contacts and an activity whose exports fill every kind of cell: a stage and a
/// default source each in its Japanese name, tags, an amount, dates, a company's own card,
/// a card with readings and further numbers.
fn seeded() -> Scratch {
    let s = Scratch::new();
    let future = s
        .ok(&[
            "lead",
            "add",
            "--title",
            "基幹システム刷新",
            "--company",
            "ミドリ技研",
            "--stage",
            "future",
            "--source",
            "exhibition",
            "--source-detail",
            "展示会2026",
            "--owner",
            "田中",
            "--value",
            "120万",
            "--next-action",
            "見積提出",
            "--due",
            "+3d",
            "--tag",
            "展示会",
            "--tag",
            "製造",
            "--notes",
            "決裁は来期",
        ])
        .trim()
        .to_string();
    s.ok(&[
        "lead",
        "add",
        "--title",
        "倉庫管理",
        "--company",
        "さくら物流",
        "--source",
        "inbound_call",
        "--value",
        "3500000",
    ]);
    let won = s
        .ok(&["lead", "add", "--title", "保守契約", "--source", "referral"])
        .trim()
        .to_string();
    s.ok(&["lead", "won", &won]);
    s.ok(&["lead", "add", "--title", "名前だけのリード"]);
    s.ok(&[
        "contact",
        "add",
        "--name",
        "佐藤 花子",
        "--reading",
        "さとう はなこ",
        "--company",
        "ミドリ技研",
        "--company-reading",
        "みどりぎけん",
        "--department",
        "営業部",
        "--title",
        "部長",
        "--email",
        "hanako@midori.example.jp",
        "--add-email",
        "hanako@home.example.jp",
        "--phone",
        "03-1111-2222",
        "--mobile",
        "090-1111-2222",
        "--fax",
        "03-1111-3333",
        "--postal-code",
        "100-0001",
        "--address",
        "東京都千代田区千代田1-1",
        "--url",
        "https://midori.example.jp",
        "--exchanged-on",
        "2026-10-02",
        "--exchanged-at",
        "展示会2026",
        "--exchanged-by",
        "田中",
        "--notes",
        "紹介者：鈴木",
        "--tag",
        "展示会",
    ]);
    s.ok(&["contact", "add", "--company", "アオバ商事"]);
    s.ok(&[
        "log",
        "call",
        "--lead",
        &future,
        "--summary",
        "初回電話",
        "--duration",
        "15",
        "--direction",
        "inbound",
    ]);
    s
}

/// The first line of a CSV export, and the rest.
fn header_and_rows(csv: &str) -> (&str, &str) {
    csv.split_once("\r\n").unwrap()
}

const LEADS_JA: &str = "リードID,案件名,会社名,段階,流入元,流入元の詳細,担当者,金額,次回アクション,\
    次回アクション日,ランク,スコア,タグ,メモ,キャンペーン,アップセル,最終活動日時,作成日時,更新日時";
const CONTACTS_JA: &str = "名刺ID,姓,名,姓の読み,名の読み,会社名,会社名の読み,部署,役職,メール,\
    電話,携帯,FAX,メール一覧,電話番号一覧,郵便番号,住所,URL,他の住所,他のURL,他の会社,名刺交換日,\
    名刺交換場所,名刺所有者,メモ,タグ";
const ACTIVITIES_JA: &str =
    "活動ID,種類,リードID,名刺ID,日時,所要時間（分）,方向,概要,詳細,記録者,キャンペーン";
const FOLLOWUPS_JA: &str = "次回アクション日,区分,案件名,会社名,ランク,スコア,次回アクション,\
    先方担当者,先方担当者の電話,先方担当者のメール,担当者,最終活動日時,リードID";
const LEAD_LIST_JA: &str = "リードID,案件名,会社名,段階,流入元,担当者,金額,次回アクション,\
    次回アクション日,ランク,スコア,最終活動日時";

#[test]
fn headers_ja_titles_every_csv_export_in_japanese() {
    let s = seeded();
    for (args, header) in [
        (&["export", "leads"][..], LEADS_JA),
        (&["export", "contacts"][..], CONTACTS_JA),
        (&["export", "activities"][..], ACTIVITIES_JA),
        (&["export", "followups"][..], FOLLOWUPS_JA),
        (
            &["lead", "list", "--all", "--format", "csv"][..],
            LEAD_LIST_JA,
        ),
    ] {
        let args = [args, &["--headers", "ja"]].concat();
        let csv = s.ok(&args);
        assert_eq!(header_and_rows(&csv).0, header, "{args:?}");
    }
    // The model's names in their cells are Japanese too.
    let leads = s.ok(&["export", "leads", "--headers", "ja"]);
    let rows = header_and_rows(&leads).1;
    for word in [
        ",将来見込み,展示会,",
        ",検討段階,電話問い合わせ,",
        ",顧客,紹介,",
    ] {
        assert!(rows.contains(word), "{word} in {rows}");
    }
    let activities = s.ok(&["export", "activities", "--headers", "ja"]);
    assert!(activities.contains(",電話,"), "{activities}");
    assert!(activities.contains(",15,受信,初回電話,"), "{activities}");
    let followups = s.ok(&["export", "followups", "--headers", "ja"]);
    assert!(followups.contains(",今週,基幹システム刷新,"), "{followups}");
    assert!(followups.contains(",次回未設定,倉庫管理,"), "{followups}");
    let list = s.ok(&["lead", "list", "--format", "csv", "--headers", "ja"]);
    assert!(list.contains(",将来見込み,展示会,田中,"), "{list}");
}

#[test]
fn the_default_header_row_is_the_field_names_whatever_the_language() {
    let s = seeded();
    for args in [
        &["export", "leads"][..],
        &["export", "contacts"][..],
        &["export", "activities"][..],
        &["export", "followups"][..],
        &["lead", "list", "--all", "--format", "csv"][..],
    ] {
        let default = s.ok(args);
        for more in [&["--headers", "en"][..], &["--lang", "ja"][..]] {
            let args = [args, more].concat();
            assert_eq!(s.ok(&args), default, "{args:?}");
        }
    }
    let header = |args: &[&str]| header_and_rows(&s.ok(args)).0.to_string();
    assert_eq!(
        header(&["export", "leads"]),
        "id,title,company,stage,source,source_detail,owner,value,next_action,next_action_on,\
         rank,score,tags,notes,campaign_id,upsell,last_activity_at,created_at,updated_at"
    );
    assert_eq!(
        header(&["export", "contacts"]),
        "id,family_name,given_name,family_reading,given_reading,company,company_reading,\
         department,title,email,phone,mobile,fax,emails,phones,postal_code,address,url,\
         other_addresses,other_urls,other_companies,exchanged_on,exchanged_at,exchanged_by,\
         notes,tags"
    );
    assert_eq!(
        header(&["export", "activities"]),
        "id,kind,lead_id,contact_id,occurred_at,duration_minutes,direction,summary,body,by,campaign_id"
    );
    assert_eq!(
        header(&["export", "followups"]),
        "due,bucket,lead,company,rank,score,next_action,contact,contact_phone,contact_email,\
         owner,last_activity,lead_id"
    );
    assert_eq!(
        header(&["lead", "list", "--format", "csv"]),
        "id,title,company,stage,source,owner,value,next_action,next_action_on,rank,score,\
         last_activity_at"
    );
    // Cells keep their ids.
    let leads = s.ok(&["export", "leads"]);
    assert!(leads.contains(",future,exhibition,"), "{leads}");
    let activities = s.ok(&["export", "activities"]);
    assert!(activities.contains(",call,"), "{activities}");
    assert!(activities.contains(",15,inbound,"), "{activities}");
}

/// A JSON export without what a database works out or makes for itself (ids, stamps,
/// scores), sorted, to compare two databases' records.
fn records(s: &Scratch, what: &str) -> Vec<Value> {
    let leave_out = [
        "id",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
        "score",
        "rank",
        "last_activity_at",
    ];
    let Value::Array(mut all) = s.json(&["export", what, "--format", "json"]) else {
        panic!("export {what}: not an array");
    };
    for record in &mut all {
        let object = record.as_object_mut().unwrap();
        object.retain(|key, _| !leave_out.contains(&key.as_str()));
    }
    all.sort_by_key(|r| r.to_string());
    all
}

#[test]
fn leads_and_cards_exported_with_japanese_headers_import_back_the_same() {
    let s = seeded();
    let leads = records(&s, "leads");
    let contacts = records(&s, "contacts");
    assert_eq!((leads.len(), contacts.len()), (4, 2));
    for encoding in ["utf-8", "utf-8-bom", "shift_jis"] {
        let leads_file = s.path(&format!("leads-{encoding}.csv"));
        let cards_file = s.path(&format!("cards-{encoding}.csv"));
        let (leads_file, cards_file) = (leads_file.to_str().unwrap(), cards_file.to_str().unwrap());
        for (what, file) in [("leads", leads_file), ("contacts", cards_file)] {
            s.ok(&[
                "export",
                what,
                "--headers",
                "ja",
                "--encoding",
                encoding,
                "-o",
                file,
            ]);
        }

        let fresh = Scratch::new();
        let out = fresh.ok(&["import", "leads", leads_file]);
        assert!(out.contains("4 added, 0 updated"), "{encoding}: {out}");
        assert!(
            out.contains("ランク, スコア, アップセル, 最終活動日時, 作成日時, 更新日時"),
            "{encoding}: the columns leadtrack works out are known and not read: {out}"
        );
        let out = fresh.ok(&["import", "cards", cards_file]);
        assert!(out.contains("2 added"), "{encoding}: {out}");
        assert_eq!(records(&fresh, "leads"), leads, "{encoding}");
        assert_eq!(records(&fresh, "contacts"), contacts, "{encoding}");

        // Back into the database it came from, its ids name the same records.
        let out = s.ok(&["import", "leads", leads_file]);
        assert!(
            out.contains("0 added, 0 updated, 4 unchanged"),
            "{encoding}: {out}"
        );
        let out = s.ok(&["import", "cards", cards_file]);
        assert!(
            out.contains("0 added, 0 merged, 2 already known"),
            "{encoding}: {out}"
        );
    }
}

#[test]
fn shift_jis_and_bom_exports_hold_the_japanese_titles() {
    let s = seeded();
    for (what, header) in [
        ("leads", LEADS_JA),
        ("contacts", CONTACTS_JA),
        ("activities", ACTIVITIES_JA),
        ("followups", FOLLOWUPS_JA),
    ] {
        let file = s.path(&format!("{what}.csv"));
        let file = file.to_str().unwrap();
        let args = [
            "export",
            what,
            "--headers",
            "ja",
            "--encoding",
            "shift_jis",
            "-o",
            file,
        ];
        let out = s.cmd().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(!stderr.contains("Shift_JIS"), "nothing lost: {stderr}");
        let bytes = std::fs::read(file).unwrap();
        let (text, had_errors) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(&bytes);
        assert!(!had_errors, "{what}");
        assert_eq!(header_and_rows(&text).0, header, "{what}");

        let bom = s.ok(&["export", what, "--headers", "ja", "--encoding", "utf-8-bom"]);
        let bom = bom.strip_prefix('\u{feff}').expect("a BOM first");
        assert_eq!(header_and_rows(bom).0, header, "{what}");
    }
}

#[test]
fn json_is_the_same_whatever_the_headers_or_the_language() {
    let s = seeded();
    for args in [
        &["export", "leads", "--format", "json"][..],
        &["export", "contacts", "--format", "json"][..],
        &["export", "activities", "--format", "json"][..],
        &["export", "followups", "--format", "json"][..],
        &["lead", "list", "--all", "--format", "json"][..],
    ] {
        let plain = s.json(args);
        for more in [
            &["--headers", "ja"][..],
            &["--headers", "ja", "--lang", "ja"][..],
            &["--lang", "ja"][..],
        ] {
            let args = [args, more].concat();
            assert_eq!(s.json(&args), plain, "{args:?}");
        }
        let first = plain.as_array().unwrap().first().unwrap();
        assert!(
            first.as_object().unwrap().keys().all(|k| k.is_ascii()),
            "{args:?}: {first}"
        );
    }
    let lead = &s.json(&["export", "leads", "--format", "json", "--headers", "ja"])[0];
    assert!(lead.get("stage").is_some() && lead.get("段階").is_none());
}
