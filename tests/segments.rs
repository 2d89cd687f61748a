//! Segments for nurturing (issue 19): filters saved by name, their people written out for a
//! mail tool in the encodings Japanese spreadsheets open, and contacts marked no mail
//! (配信停止) never among them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use chrono::{Duration, Local};
use common::{Scratch, bytes};
use std::path::Path;

fn today() -> String {
    Local::now().date_naive().to_string()
}

/// The local moment `days` ago at 10:00, as `--at` takes it.
fn days_ago(days: i64) -> String {
    format!("{} 10:00", Local::now().date_naive() - Duration::days(days))
}

fn id(out: String) -> String {
    out.trim().to_string()
}

fn lead(s: &Scratch, title: &str, extra: &[&str]) -> String {
    let mut args = vec!["lead", "add", "--title", title];
    args.extend(extra);
    id(s.ok(&args))
}

/// A card: the whole name, its reading, the company and the email address ("" for none).
fn contact(s: &Scratch, name: &str, reading: &str, company: &str, email: &str) -> String {
    let mut args = vec![
        "contact",
        "add",
        "--name",
        name,
        "--reading",
        reading,
        "--company",
        company,
        "--phone",
        "03-5555-0101",
    ];
    if !email.is_empty() {
        args.extend(["--email", email]);
    }
    id(s.ok(&args))
}

fn link(s: &Scratch, lead: &str, contact: &str) {
    s.ok(&["lead", "link", lead, contact]);
}

/// Four meetings: 12 points, rank A.
fn make_rank_a(s: &Scratch, lead: &str) {
    for _ in 0..4 {
        s.ok(&["log", "meeting", "--lead", lead, "--summary", "打ち合わせ"]);
    }
}

/// The people of the exhibition: on the A-rank 展示会 lead, 佐藤 and 髙橋 (to mail), 鈴木 (no
/// mail) and 田村 (no email address); 田中 on a 展示会 lead of rank C, 山田 on an A-rank
/// seminar lead. Returns 鈴木's id.
fn exhibition(s: &Scratch) -> String {
    let a = lead(
        s,
        "ミドリ技研 設備更新",
        &["--company", "ミドリ技研株式会社", "--tag", "展示会"],
    );
    make_rank_a(s, &a);
    let c = lead(s, "サクラ電機 更新", &["--tag", "展示会"]);
    let seminar = lead(s, "アオバ印刷 導入", &["--tag", "セミナー"]);
    make_rank_a(s, &seminar);
    let sato = contact(
        s,
        "佐藤 花子",
        "さとう はなこ",
        "ミドリ技研株式会社",
        "hanako@midori.example.jp",
    );
    let takahashi = contact(
        s,
        "髙橋 健",
        "たかはし けん",
        "ミドリ技研株式会社",
        "ken@midori.example.jp",
    );
    let suzuki = contact(
        s,
        "鈴木 一郎",
        "すずき いちろう",
        "ミドリ技研株式会社",
        "ichiro@midori.example.jp",
    );
    let tamura = contact(s, "田村 学", "たむら まなぶ", "ミドリ技研株式会社", "");
    for person in [&sato, &takahashi, &suzuki, &tamura] {
        link(s, &a, person);
    }
    let tanaka = contact(
        s,
        "田中 美咲",
        "たなか みさき",
        "サクラ電機株式会社",
        "misaki@sakura.example.jp",
    );
    link(s, &c, &tanaka);
    let yamada = contact(
        s,
        "山田 太郎",
        "やまだ たろう",
        "アオバ印刷株式会社",
        "taro@aoba.example.jp",
    );
    link(s, &seminar, &yamada);
    s.ok(&[
        "segment",
        "add",
        "展示会A",
        "--tag",
        "展示会",
        "--rank",
        "A",
    ]);
    let marked = s.ok(&["contact", "edit", &suzuki, "--no-mail"]);
    assert!(marked.contains("no mail"), "{marked}");
    suzuki
}

/// Runs a command that must succeed; its stdout and stderr.
fn run(s: &Scratch, args: &[&str]) -> (Vec<u8>, String) {
    let out = s.cmd().args(args).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "leadtrack {args:?}: {stderr}");
    (out.stdout, stderr)
}

fn export(s: &Scratch, file: &Path, extra: &[&str]) -> String {
    let mut args = vec![
        "export",
        "contacts",
        "--segment",
        "展示会A",
        "-o",
        file.to_str().unwrap(),
    ];
    args.extend(extra);
    run(s, &args).1
}

const SATO_ROW: &str =
    "hanako@midori.example.jp,佐藤 花子,さとう はなこ,ミドリ技研株式会社,ミドリ技研 設備更新,A";
const TAKAHASHI_ROW: &str =
    "ken@midori.example.jp,髙橋 健,たかはし けん,ミドリ技研株式会社,ミドリ技研 設備更新,A";

#[test]
fn a_shift_jis_export_leaves_out_the_no_mail_contact_and_says_so() {
    let s = Scratch::new();
    exhibition(&s);
    let file = s.path("展示会A.csv");
    let said = export(&s, &file, &["--encoding", "shift_jis", "--headers", "ja"]);
    assert_eq!(
        said.trim_end(),
        format!(
            "Segment 展示会A: wrote 2 people to {}; left out 1 who asked for no mail and 1 with \
             no email address",
            file.display()
        )
    );
    let raw = bytes(&file);
    let (text, _, had_errors) = encoding_rs::SHIFT_JIS.decode(&raw);
    assert!(!had_errors, "not Shift_JIS");
    assert!(!raw.starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(
        text,
        format!(
            "メールアドレス,氏名,ふりがな,会社名,リード,ランク\r\n{SATO_ROW}\r\n{TAKAHASHI_ROW}\r\n"
        )
    );

    // In Japanese, the same counts.
    let said = export(&s, &file, &["--encoding", "shift_jis", "--lang", "ja"]);
    assert_eq!(
        said.trim_end(),
        format!(
            "セグメント「展示会A」の 2人を {} に書き出しました（配信停止のため除外 1人、\
             メールアドレスなし 1人）",
            file.display()
        )
    );
}

#[test]
fn a_utf8_bom_export_keeps_japanese_and_mail_puts_the_contact_back() {
    let s = Scratch::new();
    let suzuki = exhibition(&s);
    let file = s.path("segment.csv");
    export(&s, &file, &["--encoding", "utf-8-bom"]);
    let raw = bytes(&file);
    let text = raw
        .strip_prefix(b"\xEF\xBB\xBF")
        .map(|t| String::from_utf8(t.to_vec()).unwrap())
        .expect("a BOM");
    assert_eq!(
        text,
        format!("email,name,reading,company,lead,rank\r\n{SATO_ROW}\r\n{TAKAHASHI_ROW}\r\n")
    );
    assert!(!text.contains("鈴木"), "{text}");

    // The mark, with its day, in show and list.
    let shown = s.json(&["contact", "show", &suzuki, "--format", "json"]);
    assert_eq!(shown["no_mail_on"], today(), "{shown}");
    let listed = s.json(&["contact", "list", "--format", "json"]);
    let row = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == suzuki.as_str())
        .unwrap();
    assert_eq!(row["no_mail_on"], today());
    let ja = s.ok(&["--lang", "ja", "contact", "show", &suzuki]);
    assert!(
        ja.lines()
            .any(|l| l.contains("配信停止") && l.trim_end().ends_with("から")),
        "{ja}"
    );
    s.ok(&["contact", "edit", &suzuki, "--no-mail-on", "2026-11-20"]);
    let en = s.ok(&["contact", "show", &suzuki]);
    assert!(
        en.lines()
            .any(|l| l.contains("no mail") && l.contains("since 2026-11-20")),
        "{en}"
    );

    // --mail takes the mark off: the next export has them, and nobody left out for it.
    s.ok(&["contact", "edit", &suzuki, "--mail"]);
    let shown = s.json(&["contact", "show", &suzuki, "--format", "json"]);
    assert!(shown["no_mail_on"].is_null(), "{shown}");
    let (out, said) = run(&s, &["export", "contacts", "--segment", "展示会A"]);
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains(
            "ichiro@midori.example.jp,鈴木 一郎,すずき いちろう,ミドリ技研株式会社,ミドリ技研 設備更新,A"
        ),
        "{text}"
    );
    assert_eq!(
        said.trim_end(),
        "Segment 展示会A: wrote 3 people; left out 0 who asked for no mail and 1 with no email \
         address"
    );
}

#[test]
fn a_segment_by_campaign_and_quiet_days_keeps_exactly_the_quiet_leads_of_the_campaign() {
    let s = Scratch::new();
    s.ok(&[
        "campaign",
        "add",
        "--name",
        "秋の展示会",
        "--kind",
        "exhibition",
    ]);
    let from_campaign = ["--campaign", "秋の展示会"];
    let quiet = lead(&s, "秋展 A社", &from_campaign);
    let recent = lead(&s, "秋展 B社", &from_campaign);
    let untouched = lead(&s, "秋展 C社", &from_campaign);
    let elsewhere = lead(&s, "別件 D社", &[]);
    for (lead, days) in [(&quiet, 31), (&recent, 29), (&elsewhere, 40)] {
        s.ok(&[
            "log",
            "call",
            "--lead",
            lead,
            "--summary",
            "電話",
            "--at",
            &days_ago(days),
        ]);
    }
    let people = [
        (
            "小林 さくら",
            "こばやし さくら",
            "sakura@a.example.jp",
            &quiet,
        ),
        ("中村 蓮", "なかむら れん", "ren@b.example.jp", &recent),
        ("伊藤 舞", "いとう まい", "mai@c.example.jp", &untouched),
        ("渡辺 翔", "わたなべ しょう", "sho@d.example.jp", &elsewhere),
    ];
    let mut kobayashi = String::new();
    for (name, reading, email, on) in people {
        let c = contact(&s, name, reading, "テスト株式会社", email);
        link(&s, on, &c);
        if kobayashi.is_empty() {
            kobayashi = c;
        }
    }
    // On a lead outside the segment too: still one row, for the lead that is in it.
    link(&s, &elsewhere, &kobayashi);
    let added = s.ok(&[
        "segment",
        "add",
        "秋展フォロー",
        "--campaign",
        "秋の展示会",
        "--quiet-days",
        "30",
    ]);
    assert_eq!(
        added.trim_end(),
        "Added segment 秋展フォロー: campaign 秋の展示会, nothing done for over 30 days"
    );
    let (out, said) = run(&s, &["export", "contacts", "--segment", "秋展フォロー"]);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "email,name,reading,company,lead,rank\r\n\
         sakura@a.example.jp,小林 さくら,こばやし さくら,テスト株式会社,秋展 A社,C\r\n"
    );
    assert!(said.contains("wrote 1 person;"), "{said}");
}

#[test]
fn adding_a_segment_again_changes_it_and_list_names_each_filter() {
    let s = Scratch::new();
    let added = s.ok(&["segment", "add", "重点", "--tag", "展示会", "--owner", "me"]);
    assert!(added.starts_with("Added segment 重点: "), "{added}");
    let changed = s.ok(&["segment", "add", "重点", "--tag", "展示会", "--rank", "b"]);
    assert_eq!(
        changed.trim_end(),
        "Changed segment 重点: tag 展示会, rank B"
    );
    let ja = s.ok(&[
        "--lang",
        "ja",
        "segment",
        "add",
        "重点",
        "--stage",
        "future",
        "--source",
        "exhibition",
    ]);
    assert_eq!(
        ja.trim_end(),
        "セグメント「重点」の条件を変更しました：展示会、将来見込み"
    );
    s.ok(&["segment", "add", "休眠", "--quiet-days", "90"]);

    let listed = s.json(&["segment", "list", "--format", "json"]);
    let all = listed.as_array().unwrap();
    assert_eq!(all.len(), 2, "{listed}");
    assert_eq!(all[0]["name"], "休眠");
    assert_eq!(all[0]["filter"]["quiet_days"], 90);
    assert_eq!(all[1]["name"], "重点");
    assert_eq!(
        all[1]["filter"],
        serde_json::json!({"source": "exhibition", "stage": "future"})
    );
    let table = s.ok(&["segment", "list"]);
    let lines: Vec<&str> = table.lines().map(str::trim_end).collect();
    assert_eq!(
        lines,
        [
            "SEGMENT  FILTERS",
            "休眠     nothing done for over 90 days",
            "重点     Exhibition, Future potential",
        ]
    );
    let table = s.ok(&["--lang", "ja", "segment", "list"]);
    assert!(table.contains("90日を超えて動きなし"), "{table}");

    assert_eq!(
        s.ok(&["segment", "delete", "休眠"]).trim_end(),
        "Deleted segment 休眠"
    );
    let left = s.json(&["segment", "list", "--format", "json"]);
    assert_eq!(left.as_array().unwrap().len(), 1, "{left}");
}

#[test]
fn unknown_segments_empty_filters_and_other_formats_are_refused_in_one_sentence() {
    let s = Scratch::new();
    let said = s.fails(&["export", "contacts", "--segment", "存在しない"]);
    assert_eq!(
        said,
        "error: no segment is named '存在しない': see `leadtrack segment list`"
    );
    let said = s.fails(&["segment", "delete", "存在しない"]);
    assert!(said.contains("'存在しない'"), "{said}");
    let said = s.fails(&["segment", "add", "空"]);
    assert!(said.contains("at least one filter"), "{said}");
    let said = s.fails(&["segment", "add", "x", "--rank", "S"]);
    assert!(said.contains('S'), "{said}");
    s.ok(&["segment", "add", "展示会A", "--tag", "展示会"]);
    let said = s.fails(&[
        "export",
        "contacts",
        "--segment",
        "展示会A",
        "--format",
        "json",
    ]);
    assert!(said.contains("CSV"), "{said}");
    // Nothing was written for a refused export.
    let file = s.path("none.csv");
    s.fails(&[
        "export",
        "contacts",
        "--segment",
        "ない",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(!file.exists());
    let card = contact(&s, "佐藤 花子", "さとう はなこ", "", "hanako@example.jp");
    let said = s.fails(&["contact", "edit", &card, "--no-mail-on", "someday"]);
    assert!(said.contains("--no-mail-on"), "{said}");
}
