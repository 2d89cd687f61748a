//! Several email addresses and numbers per contact, end to end on the command line: each
//! found by search however the number is typed, kept through a merge of duplicates, edited
//! with --add/--remove, and leadtrack's own contacts file read back unchanged.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Scratch, fixture};
use serde_json::Value;

fn values(contact: &Value, list: &str) -> Vec<String> {
    let mut all: Vec<String> = contact[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["value"].as_str().unwrap().to_string())
        .collect();
    all.sort();
    all
}

fn found_contacts(s: &Scratch, typed: &str) -> Vec<String> {
    s.json(&["search", typed, "--format", "json"])["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_number_is_found_however_a_caller_id_writes_it() {
    let s = Scratch::new();
    let id = s
        .ok(&[
            "contact",
            "add",
            "--name",
            "佐藤 花子",
            "--mobile",
            "090-1234-5678",
        ])
        .trim()
        .to_string();
    s.ok(&[
        "contact",
        "add",
        "--name",
        "鈴木 一郎",
        "--mobile",
        "090-9999-0000",
    ]);
    for typed in [
        "09012345678",
        "+81 90 1234 5678",
        "090-1234-5678",
        "+81-90-1234-5678",
        "０９０－１２３４－５６７８",
        "1234-5678",
    ] {
        assert_eq!(
            found_contacts(&s, typed),
            std::slice::from_ref(&id),
            "{typed}"
        );
    }
    // Shown as it was written.
    let shown = s.ok(&["contact", "show", &id]);
    assert!(shown.contains("090-1234-5678"), "{shown}");
}

#[test]
fn list_edits_add_replace_and_remove_and_keep_what_was_replaced() {
    let s = Scratch::new();
    let id = s
        .ok(&[
            "contact",
            "add",
            "--name",
            "佐藤 花子",
            "--email",
            "hanako@midori.example.co.jp",
            "--add-email",
            "hanako@home.example.jp (home)",
            "--phone",
            "03-5555-0101",
            "--add-phone",
            "03-1111-2222 (自宅)",
            "--mobile",
            "090-1234-5678",
        ])
        .trim()
        .to_string();
    let c = s.json(&["contact", "show", &id, "--format", "json"]);
    assert_eq!(c["email"], "hanako@midori.example.co.jp");
    assert_eq!(c["phone"], "03-5555-0101");
    assert_eq!(c["mobile"], "090-1234-5678");
    let kinds: Vec<(String, String)> = c["phones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["value"].as_str().unwrap().to_string(),
                p["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        kinds.contains(&("03-1111-2222".into(), "home".into())),
        "{kinds:?}"
    );

    s.ok(&[
        "contact",
        "edit",
        &id,
        "--email",
        "h.sato@midori.example.co.jp",
        "--remove-phone",
        "0311112222",
    ]);
    let c = s.json(&["contact", "show", &id, "--format", "json"]);
    assert_eq!(c["email"], "h.sato@midori.example.co.jp");
    assert_eq!(
        values(&c, "emails"),
        ["h.sato@midori.example.co.jp", "hanako@home.example.jp"]
    );
    assert_eq!(values(&c, "phones"), ["03-5555-0101", "090-1234-5678"]);
    let history = c["history"].as_array().unwrap();
    for gone in ["hanako@midori.example.co.jp", "03-1111-2222"] {
        assert!(
            history.iter().any(|h| h["previous"] == gone),
            "{gone}: {history:?}"
        );
    }
    // The replaced address still finds nobody: it is history, not a value.
    assert!(found_contacts(&s, "hanako@midori").is_empty());
    // An empty preferred email removes it; the other one takes its place.
    s.ok(&["contact", "edit", &id, "--email", ""]);
    let c = s.json(&["contact", "show", &id, "--format", "json"]);
    assert_eq!(c["email"], "hanako@home.example.jp");
    // A kind that is not one is refused, naming it, and nothing changes.
    let before = common::bytes(&s.db());
    let err = s.fails(&[
        "contact",
        "edit",
        &id,
        "--add-email",
        "x@y.example.jp (boat)",
    ]);
    assert!(err.contains("'boat' is not a kind"), "{err}");
    assert_eq!(before, common::bytes(&s.db()));
}

#[test]
fn merging_duplicates_keeps_both_cards_addresses_and_numbers_findable() {
    let s = Scratch::new();
    let older = s
        .ok(&[
            "contact",
            "add",
            "--name",
            "佐藤 花子",
            "--company",
            "ミドリ技研株式会社",
            "--email",
            "hanako@midori.example.co.jp",
            "--mobile",
            "090-1111-2222",
            "--address",
            "東京都千代田区丸の内1-1-1",
            "--exchanged-on",
            "2026-01-10",
        ])
        .trim()
        .to_string();
    s.ok(&[
        "contact",
        "add",
        "--name",
        "佐藤 花子",
        "--company",
        "(株)ミドリ技研",
        "--email",
        "sato.h@midori.example.co.jp",
        "--mobile",
        "080-3333-4444",
        "--address",
        "大阪府大阪市北区梅田2-2-2",
        "--exchanged-on",
        "2026-11-01",
    ]);
    s.ok(&["dedupe", "--apply"]);
    let kept = s.json(&["contact", "show", &older, "--format", "json"]);
    assert_eq!(
        values(&kept, "emails"),
        ["hanako@midori.example.co.jp", "sato.h@midori.example.co.jp"]
    );
    assert_eq!(values(&kept, "phones"), ["080-3333-4444", "090-1111-2222"]);
    assert_eq!(
        kept["email"], "sato.h@midori.example.co.jp",
        "the newer card's"
    );
    assert_eq!(kept["address"], "大阪府大阪市北区梅田2-2-2");
    assert_eq!(
        values(&kept, "other_addresses"),
        ["東京都千代田区丸の内1-1-1"]
    );
    for typed in [
        "hanako@midori",
        "sato.h@",
        "09011112222",
        "080-3333-4444",
        "丸の内1-1-1",
    ] {
        assert_eq!(
            found_contacts(&s, typed),
            std::slice::from_ref(&older),
            "{typed}"
        );
    }
}

#[test]
fn a_docomo_card_and_the_same_person_split_properly_make_one_contact_with_one_name() {
    let s = Scratch::new();
    for file in ["docomo-sjis-v21.vcf", "docomo-split-v30.vcf"] {
        let path = fixture(&format!("producers/{file}"));
        s.ok(&["import", "cards", path.to_str().unwrap()]);
    }
    let all = s.json(&["contact", "list", "--format", "json"]);
    let nose: Vec<&Value> = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["family_name"] == "能勢")
        .collect();
    assert_eq!(nose.len(), 1, "{all}");
    assert_eq!(nose[0]["given_name"], "聡子");
    let shown = s.ok(&["contact", "show", nose[0]["id"].as_str().unwrap()]);
    assert!(shown.starts_with("能勢 聡子\n"), "{shown}");
    assert!(!shown.contains("聡子 聡子"), "{shown}");
}

#[test]
fn a_cards_uid_is_never_a_record_id_and_never_brings_a_deleted_contact_back() {
    let s = Scratch::new();
    let path = fixture("producers/iphone-icloud-v30.vcf");
    let path = path.to_str().unwrap();
    let report = s.json(&["import", "cards", path, "--report", "json"]);
    let id = report["added"][0]["id"].as_str().unwrap().to_string();
    let uid = "8F3C2A71-4D6B-4E0A-9C5F-1B7D2E9A6C34";
    assert!(!id.eq_ignore_ascii_case(uid));
    let shown = s.json(&["contact", "show", &id, "--format", "json"]);
    assert_eq!(shown["external_ids"][0], uid);
    // The same file again: recognised by its UID, nothing new.
    let again = s.json(&["import", "cards", path, "--report", "json"]);
    assert!(again["added"].as_array().unwrap().is_empty(), "{again}");
    // Deleted, then the file again: a new contact, the deleted one stays deleted.
    s.ok(&["contact", "delete", &id]);
    let after = s.json(&["import", "cards", path, "--report", "json"]);
    let new_id = after["added"][0]["id"].as_str().unwrap();
    assert_ne!(new_id, id);
    let err = s.fails(&["contact", "show", &id]);
    assert!(err.contains("contact"), "{err}");
}

#[test]
fn leadtracks_own_contacts_csv_reads_back_unchanged() {
    let s = Scratch::new();
    for file in ["google-contacts.csv", "iphone-icloud-v30.vcf", "sansan.csv"] {
        let path = fixture(&format!("producers/{file}"));
        s.ok(&["import", "cards", path.to_str().unwrap()]);
    }
    let before = s.json(&["contact", "list", "--format", "json"]);
    for encoding in ["utf-8", "utf-8-bom", "shift_jis"] {
        let out = s.path(&format!("contacts-{encoding}.csv"));
        s.ok(&[
            "export",
            "contacts",
            "--format",
            "csv",
            "--encoding",
            encoding,
            "-o",
            out.to_str().unwrap(),
        ]);
        let report = s.json(&["import", "cards", out.to_str().unwrap(), "--report", "json"]);
        assert!(
            report["added"].as_array().unwrap().is_empty(),
            "{encoding}: {report}"
        );
        assert!(
            report["merged"].as_array().unwrap().is_empty(),
            "{encoding}: {report}"
        );
        assert!(
            report["kept_in_notes"].as_array().unwrap().is_empty(),
            "{encoding}: {report}"
        );
        let after = s.json(&["contact", "list", "--format", "json"]);
        assert_eq!(before, after, "{encoding}");
    }
    // Into a new database: the same people, their values and kinds, no guard left.
    let fresh = Scratch::new();
    let out = s.path("contacts-utf-8.csv");
    fresh.ok(&["import", "cards", out.to_str().unwrap()]);
    let strip = |all: Value| -> Vec<Value> {
        let mut all: Vec<Value> = all
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                let mut c = c.clone();
                for k in ["id", "created_at", "updated_at", "created_by", "updated_by"] {
                    c.as_object_mut().unwrap().remove(k);
                }
                c
            })
            .collect();
        all.sort_by_key(|c| c.to_string());
        all
    };
    assert_eq!(
        strip(fresh.json(&["contact", "list", "--format", "json"])),
        strip(before)
    );
    let text = fresh
        .json(&["contact", "list", "--format", "json"])
        .to_string();
    assert!(!text.contains("\"'"), "a formula guard was kept");
}

/// The columns each producer's file keeps in the notes: those with no field of leadtrack's
/// (a birthday, the honorific, a middle name). A column that has a field is never here.
#[test]
fn no_column_with_a_field_lands_in_the_notes() {
    let cases: [(&str, &[&str]); 7] = [
        ("eight.csv", &[]),
        (
            "eight-with-preamble-sjis.csv",
            &[
                "Eightでつながっている人",
                "再データ化中の名刺",
                "'?'を含んだデータ",
            ],
        ),
        ("sansan.csv", &["会社名（英名）", "名刺所有者ユーザID"]),
        (
            "google-contacts.csv",
            &[
                "Middle Name",
                "Phonetic Middle Name",
                "Name Prefix",
                "Name Suffix",
                "Nickname",
                "Birthday",
                "Custom Field 1 - Value",
            ],
        ),
        (
            "outlook-en.csv",
            &[
                "Title",
                "Middle Name",
                "Suffix",
                "Account",
                "Anniversary",
                "Assistant's Name",
                "Billing Information",
                "Birthday",
                "Children",
                "Directory Server",
                "Gender",
                "Government ID Number",
                "Hobby",
                "Initials",
                "Internet Free Busy",
                "Keywords",
                "Language",
                "Location",
                "Manager's Name",
                "Mileage",
                "Office Location",
                "Organizational ID Number",
                "Priority",
                "Private",
                "Profession",
                "Referred By",
                "Sensitivity",
                "Spouse",
                "User 1",
                "User 2",
                "User 3",
                "User 4",
            ],
        ),
        (
            "outlook-ja-sjis.csv",
            &[
                "肩書き",
                "ミドル ネーム",
                "敬称",
                "ID 番号",
                "アカウント",
                "イニシャル",
                "インターネット空き時間情報",
                "キーワード",
                "ディレクトリ サーバー",
                "プライベート",
                "マネージャー",
                "ユーザー 1",
                "ユーザー 2",
                "ユーザー 3",
                "ユーザー 4",
                "会社 ID",
                "記念日",
                "経費情報",
                "言語",
                "参照事項",
                "子供",
                "支払い条件",
                "事業所",
                "趣味",
                "場所",
                "職業",
                "性別",
                "誕生日",
                "配偶者",
                "秘書の氏名",
                "秘密度",
                "優先度",
            ],
        ),
        (
            "thunderbird.csv",
            &[
                "Nickname",
                "Screen Name",
                "Birth Year",
                "Birth Month",
                "Birth Day",
                "Custom 1",
                "Custom 2",
                "Custom 3",
                "Custom 4",
            ],
        ),
    ];
    for (file, allowed) in cases {
        let s = Scratch::new();
        let path = fixture(&format!("producers/{file}"));
        let report = s.json(&[
            "import",
            "cards",
            path.to_str().unwrap(),
            "--report",
            "json",
        ]);
        let kept: Vec<&str> = report["kept_in_notes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h.as_str().unwrap())
            .collect();
        for header in &kept {
            assert!(
                allowed.contains(header),
                "{file}: the column '{header}' has a field but landed in the notes"
            );
        }
    }
}

#[test]
fn a_card_from_the_new_company_does_not_keep_the_old_companys_desk() {
    let s = Scratch::new();
    let id = s
        .ok(&[
            "contact",
            "add",
            "--name",
            "佐藤 花子",
            "--company",
            "ミドリ技研株式会社",
            "--department",
            "営業部",
            "--title",
            "課長",
            "--email",
            "hanako@example.jp",
            "--address",
            "東京都千代田区丸の内1-1-1",
            "--exchanged-on",
            "2026-01-10",
        ])
        .trim()
        .to_string();
    // Her new card, met in November, as Sansan writes it: no department or address yet.
    let card = s.path("moved.csv");
    std::fs::write(
        &card,
        "会社名,氏名,E-mail,名刺交換日\r\nアオバ商事株式会社,佐藤 花子,hanako@example.jp,2026/11/20\r\n",
    )
    .unwrap();
    s.ok(&["import", "cards", card.to_str().unwrap()]);
    let shown = s.json(&["contact", "show", &id, "--format", "json"]);
    assert_eq!(shown["company"], "アオバ商事株式会社");
    assert!(shown["department"].is_null(), "{shown}");
    assert!(shown["title"].is_null(), "{shown}");
    assert!(shown["address"].is_null(), "{shown}");
    assert_eq!(
        values(&shown, "other_addresses"),
        ["東京都千代田区丸の内1-1-1"],
        "the old desk's address stays findable"
    );
    assert_eq!(values(&shown, "other_companies"), ["ミドリ技研株式会社"]);
}

#[test]
fn a_removed_address_does_not_come_back_with_the_same_file() {
    let s = Scratch::new();
    let card = s.path("two.vcf");
    std::fs::write(
        &card,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:佐藤;花子;;;\r\nFN:佐藤 花子\r\n\
         EMAIL;TYPE=INTERNET,WORK:hanako@example.jp\r\n\
         EMAIL;TYPE=INTERNET,HOME:old-hanako@example.jp\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let report = s.json(&[
        "import",
        "cards",
        card.to_str().unwrap(),
        "--report",
        "json",
    ]);
    let id = report["added"][0]["id"].as_str().unwrap().to_string();
    s.ok(&[
        "contact",
        "edit",
        &id,
        "--remove-email",
        "old-hanako@example.jp",
    ]);
    s.ok(&["import", "cards", card.to_str().unwrap()]);
    let shown = s.json(&["contact", "show", &id, "--format", "json"]);
    assert_eq!(values(&shown, "emails"), ["hanako@example.jp"], "{shown}");
}

#[test]
fn typed_values_that_are_not_addresses_or_numbers_are_refused() {
    let s = Scratch::new();
    s.ok(&["contact", "add", "--name", "鈴木 一郎"]);
    let before = common::bytes(&s.db());
    let err = s.fails(&["contact", "add", "--name", "佐藤 花子", "--email", "hanako"]);
    assert!(err.contains("hanako"), "{err}");
    let err = s.fails(&[
        "contact",
        "add",
        "--name",
        "佐藤 花子",
        "--phone",
        "call me",
    ]);
    assert!(err.contains("call me"), "{err}");
    assert_eq!(before, common::bytes(&s.db()));
    let id = s
        .ok(&["contact", "add", "--name", "佐藤 花子"])
        .trim()
        .to_string();
    s.ok(&["contact", "edit", &id, "--add-phone", "090-1111-2222"]);
    let shown = s.json(&["contact", "show", &id, "--format", "json"]);
    assert_eq!(
        shown["mobile"], "090-1111-2222",
        "a 090 number is a mobile: {shown}"
    );
}
