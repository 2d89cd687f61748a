//! The fuzz targets (`fuzz/`, run with cargo-fuzz on nightly) as properties that run in every
//! `cargo test`: arbitrary bytes and strings, and near-valid files built from the pieces real
//! ones are made of, into the CSV importers, the vCard reader, the date grammar and the
//! config loader. None may panic; an error is one line naming the file and line (or the
//! key) at fault; and what a well-formed input says comes back out.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::{DateTime, Datelike, Days, Local, NaiveDate, NaiveTime};
use leadtrack::config::Config;
use leadtrack::interchange::cards_csv::MAPPABLE;
use leadtrack::interchange::cards_in::{self, CardFormat};
use leadtrack::interchange::encoding::{InputEncoding, decode};
use leadtrack::interchange::{csv_in, leads_csv, vcard};
use leadtrack::model::dates::{Due, parse_due, parse_moment};
use proptest::prelude::*;
use std::path::Path;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// An error as a user sees it: starting with `prefix`, on one line, and nothing in it that a
/// terminal would act on (the input's own text is echoed in some messages).
fn assert_one_line(message: &str, prefix: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        message.starts_with(prefix),
        "expected {prefix:?} first: {message:?}"
    );
    prop_assert!(
        !message.chars().any(char::is_control),
        "control character or line break in the error: {message:?}"
    );
    Ok(())
}

/// The line an error names (`line 7`), which must be a line of the input.
fn assert_names_a_line(message: &str, lines: usize) -> Result<(), TestCaseError> {
    let at = message.find("line ");
    prop_assert!(at.is_some(), "the error names no line: {message}");
    let digits: String = message[at.unwrap_or(0) + 5..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let line: usize = digits.parse().unwrap_or(0);
    prop_assert!(
        (1..=lines.max(1)).contains(&line),
        "line {line} of a {lines}-line input: {message}"
    );
    Ok(())
}

/// Physical lines, as an editor counts them (LF, CRLF or a lone CR ends one).
fn line_count(bytes: &[u8]) -> usize {
    let lf = bytes.iter().filter(|&&b| b == b'\n').count();
    let lone_cr = bytes
        .windows(2)
        .filter(|w| w[0] == b'\r' && w[1] != b'\n')
        .count()
        + usize::from(bytes.last() == Some(&b'\r'));
    lf + lone_cr + 1
}

// ---------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------

const CARD_HEADERS: &[&str] = &[
    "会社名",
    "部署名",
    "役職",
    "姓",
    "名",
    "e-mail",
    "郵便番号",
    "住所",
    "TEL会社",
    "TEL部門",
    "携帯電話",
    "URL",
    "名刺交換日",
    "氏名",
    "フリガナ",
    "氏名[姓]",
    "セイ",
    "Name",
    "Company",
    "Tags",
    "ID",
    "好きな色",
    "",
];

const LEAD_HEADERS: &[&str] = &[
    "案件名",
    "会社名",
    "ステージ",
    "流入元",
    "見込金額",
    "次回予定日",
    "タグ",
    "備考",
    "担当者",
    "Title",
    "Stage",
    "Source",
    "Value",
    "Due",
    "Next Action",
    "好きな色",
];

/// Cell values: ordinary, Japanese, dates good and bad, amounts, stages, and the awkward
/// ones (quotes, separators, line breaks, formula guards, terminal escapes).
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "佐藤", "ｻﾄｳ", "花子", "John Smith", "株式会社サンプル商事", "h@x.example.jp",
            "03-1234-5678", "090-1234-5678", "2026/10/02", "2026-12-01 14:00", "12/1", "fri",
            "明日14時", "+3d", "2026/13/45", "someday", "検討中", "future", "customer",
            "exhibition", "website", "nowhere", "120万", "1.5億", "¥1,200,000", "nan", "1e400",
            "a,b", "x;y、z", "say \"hi\"", "line\nbreak", "cr\r\nlf", "'=1+2", "'+81-3-1234",
            "=HYPERLINK(\"x\")", "\u{1b}[31mred", "\u{202e}evil", "\u{7f}", " ", "",
        ])
        .prop_map(String::from),
        1 => "\\PC{0,10}",
        1 => ".{0,10}",
    ]
}

#[derive(Debug, Clone, Copy)]
enum Enc {
    Utf8,
    Utf8Bom,
    ShiftJis,
}

fn encoding() -> impl Strategy<Value = Enc> {
    prop_oneof![Just(Enc::Utf8), Just(Enc::Utf8Bom), Just(Enc::ShiftJis)]
}

fn line_end() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["\n", "\r\n", "\r"])
}

fn encode(text: &str, enc: Enc) -> Vec<u8> {
    match enc {
        Enc::Utf8 => text.as_bytes().to_vec(),
        Enc::Utf8Bom => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        Enc::ShiftJis => encoding_rs::SHIFT_JIS.encode(text).0.into_owned(),
    }
}

/// A field as a careful writer quotes it, or (`careless`) as written by hand.
fn csv_field(value: &str, careless: bool) -> String {
    if !careless && value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// A near-valid CSV file: known headers, rows of known-shaped cells (some ragged, some not
/// quoted where they should be).
fn csv_file(headers: &'static [&'static str]) -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec(prop::sample::select(headers), 1..8),
        prop::collection::vec(prop::collection::vec((cell(), any::<bool>()), 0..9), 0..6),
        prop::bool::weighted(0.2),
        line_end(),
        encoding(),
    )
        .prop_map(|(headers, rows, careless, end, enc)| {
            let mut text = headers.join(",");
            for row in rows {
                text.push_str(end);
                let fields: Vec<String> = row
                    .iter()
                    .map(|(v, sloppy)| csv_field(v, careless && *sloppy))
                    .collect();
                text.push_str(&fields.join(","));
            }
            text.push_str(end);
            encode(&text, enc)
        })
}

fn check_card_csv(bytes: &[u8], maps: &[(String, String)]) -> Result<(), TestCaseError> {
    for encoding in [
        InputEncoding::Auto,
        InputEncoding::Utf8,
        InputEncoding::ShiftJis,
    ] {
        match cards_in::read(bytes, "p.csv", CardFormat::Csv, encoding, maps, today()) {
            Ok(file) => {
                for card in &file.cards {
                    prop_assert!(
                        (2..=line_count(bytes)).contains(&card.line),
                        "card on line {} of {}",
                        card.line,
                        line_count(bytes)
                    );
                }
            }
            Err(e) => {
                let message = e.to_string();
                if message.starts_with("--map") {
                    assert_one_line(&message, "--map")?;
                } else {
                    assert_one_line(&message, "p.csv")?;
                    assert_names_a_line(&message, line_count(bytes))?;
                }
            }
        }
    }
    Ok(())
}

fn check_lead_csv(bytes: &[u8], maps: &[(String, String)]) -> Result<(), TestCaseError> {
    let lines = line_count(bytes);
    let text = match decode(bytes, InputEncoding::Auto, "p.csv") {
        Ok(text) => text,
        Err(e) => {
            assert_one_line(&e.to_string(), "p.csv")?;
            return assert_names_a_line(&e.to_string(), lines);
        }
    };
    let table = match csv_in::read(&text, "p.csv") {
        Ok(table) => table,
        Err(e) => {
            assert_one_line(&e.to_string(), "p.csv")?;
            return assert_names_a_line(&e.to_string(), lines);
        }
    };
    let sources = Config::default().sources.names;
    match leads_csv::leads(&table, maps, &sources, "p.csv", today()) {
        Ok(file) => {
            for row in file.rows {
                let line = match row {
                    leads_csv::Row::Lead { line, fields, .. } => {
                        prop_assert!(!fields.title.is_empty());
                        line
                    }
                    leads_csv::Row::Skipped { line, .. } => line,
                };
                prop_assert!((2..=lines).contains(&line), "row on line {line} of {lines}");
            }
        }
        Err(e) => {
            let message = e.to_string();
            if message.starts_with("--map") {
                assert_one_line(&message, "--map")?;
            } else {
                assert_one_line(&message, "p.csv")?;
                assert_names_a_line(&message, lines)?;
            }
        }
    }
    Ok(())
}

/// A well-formed card file: every field quoted as needed, every row as long as the header.
fn tidy_cards() -> impl Strategy<Value = (Vec<(String, String, String)>, &'static str, Enc)> {
    let name = prop::sample::select(vec!["佐藤", "ｻﾄｳ", "Smith", "山田", "O'Brien", "髙橋"]);
    let company = prop::sample::select(vec!["ミドリ技研", "ＡＢＣ商事", "Acme, Inc.", "\"Q\" Ltd"]);
    let note = prop::sample::select(vec!["", "初回訪問", "two\nlines", "crlf\r\nnote"]);
    (
        prop::collection::vec(
            (name, company, note).prop_map(|(n, c, m)| (n.into(), c.into(), m.into())),
            1..6,
        ),
        line_end(),
        encoding(),
    )
}

proptest! {
    #[test]
    fn card_csv_survives_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_card_csv(&bytes, &[])?;
    }

    #[test]
    fn card_csv_survives_near_valid_files(
        bytes in csv_file(CARD_HEADERS),
        map_to in prop::option::of(prop::sample::select(MAPPABLE)),
    ) {
        let maps: Vec<(String, String)> = map_to
            .map(|field| vec![(CARD_HEADERS[0].to_string(), field.to_string())])
            .unwrap_or_default();
        check_card_csv(&bytes, &maps)?;
    }

    #[test]
    fn a_tidy_card_file_reads_back_row_by_row((rows, end, enc) in tidy_cards()) {
        let mut text = String::from("姓,会社名,メモ");
        let mut expected_lines = Vec::new();
        let mut line = 2;
        for (name, company, note) in &rows {
            text.push_str(end);
            expected_lines.push(line);
            line += note.matches('\n').count();
            line += 1;
            text.push_str(&format!("{},{},{}", csv_field(name, false), csv_field(company, false), csv_field(note, false)));
        }
        text.push_str(end);
        let bytes = encode(&text, enc);
        let file = cards_in::read(&bytes, "p.csv", CardFormat::Auto, InputEncoding::Auto, &[], today())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(file.cards.len(), rows.len());
        for (card, (name, company, note)) in file.cards.iter().zip(&rows) {
            prop_assert_eq!(card.fields.family_name.as_deref(), Some(name.as_str()));
            prop_assert_eq!(card.fields.company.as_deref(), Some(company.as_str()));
            let note = note.replace("\r\n", "\n");
            prop_assert_eq!(card.fields.notes.as_deref().unwrap_or(""), note.as_str());
        }
        let lines: Vec<usize> = file.cards.iter().map(|c| c.line).collect();
        prop_assert_eq!(lines, expected_lines, "{:?}", text);
    }

    #[test]
    fn lead_csv_survives_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_lead_csv(&bytes, &[])?;
    }

    #[test]
    fn lead_csv_survives_near_valid_files(
        bytes in csv_file(LEAD_HEADERS),
        map_to in prop::option::of(prop::sample::select(leads_csv::MAPPABLE)),
    ) {
        let maps: Vec<(String, String)> = map_to
            .map(|field| vec![(LEAD_HEADERS[0].to_string(), field.to_string())])
            .unwrap_or_default();
        check_lead_csv(&bytes, &maps)?;
    }
}

// ---------------------------------------------------------------------------------------
// vCard
// ---------------------------------------------------------------------------------------

fn check_vcard(bytes: &[u8]) -> Result<(), TestCaseError> {
    // UTF-16 files are transcoded first, so their lines are counted on the text.
    let lines = match bytes {
        [0xFF, 0xFE, rest @ ..] => line_count(
            encoding_rs::UTF_16LE
                .decode_without_bom_handling(rest)
                .0
                .as_bytes(),
        ),
        [0xFE, 0xFF, rest @ ..] => line_count(
            encoding_rs::UTF_16BE
                .decode_without_bom_handling(rest)
                .0
                .as_bytes(),
        ),
        _ => line_count(bytes),
    };
    match vcard::read(bytes) {
        Ok(cards) => {
            prop_assert!(!cards.is_empty());
            for card in &cards {
                prop_assert!((1..=lines).contains(&card.line));
                let f = &card.fields;
                let texts = [
                    &f.family_name,
                    &f.given_name,
                    &f.family_reading,
                    &f.given_reading,
                    &f.company,
                    &f.company_reading,
                    &f.department,
                    &f.title,
                    &f.postal_code,
                    &f.address,
                    &f.url,
                    &f.exchanged_at,
                    &f.notes,
                    &card.uid,
                ];
                let listed = [
                    &f.emails,
                    &f.phones,
                    &f.other_addresses,
                    &f.other_urls,
                    &f.other_companies,
                ]
                .into_iter()
                .flatten()
                .flatten()
                .map(|v| &v.value);
                for text in texts
                    .into_iter()
                    .flatten()
                    .chain(f.tags.iter().flatten())
                    .chain(listed)
                {
                    prop_assert!(!text.is_empty(), "an empty field kept");
                    prop_assert!(
                        !text.chars().any(|c| c.is_control() && c != '\n'),
                        "a control character kept: {:?}",
                        text
                    );
                }
            }
        }
        Err(e) => {
            let message = e.to_string();
            assert_one_line(&message, "line ")?;
            assert_names_a_line(&message, lines)?;
        }
    }
    Ok(())
}

/// One property line of a near-valid card: known names, 2.1 bare and 3.0/4.0 parameters,
/// charsets and transfer encodings, escaped and unescaped values.
fn vcard_prop() -> impl Strategy<Value = Vec<u8>> {
    let name = prop::sample::select(vec![
        "N",
        "FN",
        "ORG",
        "TITLE",
        "TEL",
        "EMAIL",
        "ADR",
        "NOTE",
        "CATEGORIES",
        "UID",
        "URL",
        "SOUND",
        "SORT-STRING",
        "X-PHONETIC-FIRST-NAME",
        "X-PHONETIC-LAST-NAME",
        "AGENT",
        "X-LEADTRACK-EXCHANGED-ON",
        "item1.EMAIL",
        "PHOTO",
        "BEGIN",
        "END",
        "VERSION",
        "",
    ]);
    let param = prop::sample::select(vec![
        "",
        ";CHARSET=SHIFT_JIS",
        ";CHARSET=UTF-8",
        ";CHARSET=\"utf-8\"",
        ";CHARSET=bogus",
        ";ENCODING=QUOTED-PRINTABLE",
        ";QUOTED-PRINTABLE",
        ";ENCODING=b",
        ";ENCODING=BASE64",
        ";TYPE=WORK,VOICE",
        ";CELL",
        ";FAX",
        ";X-IRMC-N",
        ";PREF=1",
        ";SORT-AS=\"さとう,はなこ\"",
        ";SORT-AS=\"a^'b^nc^^\"",
        ";TYPE=\"unclosed",
        ";=",
        ";;",
    ]);
    let value = prop::sample::select(vec![
        "VCARD",
        "佐藤;花子;;;",
        "Smith;John",
        "ミドリ技研;営業部;一課",
        "a\\,b\\;c\\nd\\\\",
        "=E4=BD=90=E8=97=A4",
        "=8D=B2=93=A1",
        "=\r\n",
        "=ZZ=",
        "QUJD",
        "!!!",
        "tel:+81-3-1234",
        "urn:uuid:0190",
        ";;本町1-2-3;太田市;群馬県;373-0000;日本",
        "2026-10-02",
        "20261002",
        "x,y;z",
        "\u{1b}[2J",
        "",
        " ",
    ]);
    (name, param, value, any::<bool>()).prop_map(|(name, param, value, sjis)| {
        let line = format!("{name}{param}:{value}");
        if sjis {
            encoding_rs::SHIFT_JIS.encode(&line).0.into_owned()
        } else {
            line.into_bytes()
        }
    })
}

/// Folds a line at `at` byte offsets (which may split a multi-byte character).
fn fold(line: &[u8], at: &[usize], end: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut cuts: Vec<usize> = at.iter().map(|a| a % (line.len() + 1)).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut from = 0;
    for cut in cuts {
        if cut == 0 || cut <= from {
            continue;
        }
        out.extend_from_slice(&line[from..cut]);
        out.extend_from_slice(end.as_bytes());
        out.push(b' ');
        from = cut;
    }
    out.extend_from_slice(&line[from..]);
    out
}

fn near_valid_vcard() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::sample::select(vec!["2.1", "3.0", "4.0", "9"]),
        prop::collection::vec(
            prop::collection::vec(
                (vcard_prop(), prop::collection::vec(0usize..200, 0..3)),
                0..8,
            ),
            1..4,
        ),
        line_end(),
        prop::bool::weighted(0.1),
        prop::sample::select(vec!["", "\u{FEFF}", "garbage\n", "\n\n"]),
    )
        .prop_map(|(version, cards, end, drop_end, lead)| {
            let mut out = lead.as_bytes().to_vec();
            let count = cards.len();
            for (i, props) in cards.into_iter().enumerate() {
                out.extend_from_slice(format!("BEGIN:VCARD{end}VERSION:{version}{end}").as_bytes());
                for (line, folds) in props {
                    out.extend(fold(&line, &folds, end));
                    out.extend_from_slice(end.as_bytes());
                }
                if !(drop_end && i + 1 == count) {
                    out.extend_from_slice(format!("END:VCARD{end}").as_bytes());
                }
            }
            out
        })
}

/// Cards whose names must come back: plain and quoted-printable, folded anywhere.
fn named_cards() -> impl Strategy<
    Value = (
        Vec<(String, String)>,
        &'static str,
        &'static str,
        Vec<usize>,
    ),
> {
    let family = prop::sample::select(vec!["佐藤", "Smith", "髙橋", "山田"]);
    let given = prop::sample::select(vec!["花子", "John", "一郎", "ｹﾝｼﾞ"]);
    (
        prop::collection::vec(
            (family, given).prop_map(|(f, g)| (f.to_string(), g.to_string())),
            1..5,
        ),
        prop::sample::select(vec!["2.1", "3.0", "4.0"]),
        line_end(),
        prop::collection::vec(0usize..64, 0..3),
    )
}

fn quoted_printable(s: &str) -> String {
    s.bytes().map(|b| format!("={b:02X}")).collect()
}

proptest! {
    #[test]
    fn vcard_survives_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_vcard(&bytes)?;
    }

    #[test]
    fn vcard_survives_any_text_after_begin(text in "\\PC{0,300}") {
        check_vcard(format!("BEGIN:VCARD\r\n{text}").as_bytes())?;
    }

    #[test]
    fn vcard_survives_near_valid_files(bytes in near_valid_vcard()) {
        check_vcard(&bytes)?;
    }

    #[test]
    fn every_well_formed_card_is_read_with_its_name((names, version, end, folds) in named_cards()) {
        // Built as bytes: a fold may cut a character in two, as phones do.
        let mut bytes = Vec::new();
        for (i, (family, given)) in names.iter().enumerate() {
            bytes.extend_from_slice(format!("BEGIN:VCARD{end}VERSION:{version}{end}").as_bytes());
            if version == "2.1" && i % 2 == 1 {
                // Quoted-printable is folded with soft line breaks, between its `=XX`.
                bytes.extend_from_slice(b"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:");
                let value = quoted_printable(&format!("{family};{given}"));
                let cuts: Vec<usize> = folds.iter().map(|f| f % (value.len() / 3) * 3).collect();
                for (at, triple) in value.as_bytes().chunks(3).enumerate() {
                    if at > 0 && cuts.contains(&(at * 3)) {
                        bytes.push(b'=');
                        bytes.extend_from_slice(end.as_bytes());
                    }
                    bytes.extend_from_slice(triple);
                }
            } else {
                bytes.extend(fold(format!("N:{family};{given};;;").as_bytes(), &folds, end));
            }
            bytes.extend_from_slice(format!("{end}FN:{family} {given}{end}END:VCARD{end}").as_bytes());
        }
        let cards = vcard::read(&bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(cards.len(), names.len());
        for (card, (family, given)) in cards.iter().zip(&names) {
            prop_assert_eq!(card.fields.family_name.as_deref(), Some(family.as_str()));
            prop_assert_eq!(card.fields.given_name.as_deref(), Some(given.as_str()));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------

fn any_day() -> impl Strategy<Value = NaiveDate> {
    (0u64..3_652_000).prop_map(|d| NaiveDate::from_ymd_opt(1, 1, 1).unwrap() + Days::new(d))
}

fn check_date(text: &str, today: NaiveDate) -> Result<(), TestCaseError> {
    match parse_due(text, today) {
        Ok(due) => {
            let stored = due.to_storage();
            prop_assert_eq!(
                Due::from_storage(&stored),
                Some(due),
                "stored as {}",
                stored
            );
        }
        Err(e) => {
            let message = e.to_string();
            assert_one_line(&message, "'")?;
            prop_assert!(message.contains("' is not a date"), "{}", message);
        }
    }
    let now = today.and_time(NaiveTime::from_hms_opt(9, 30, 0).unwrap());
    if let Err(e) = parse_moment(text, now) {
        assert_one_line(&e.to_string(), "'")?;
    }
    let _ = Due::from_storage(text);
    Ok(())
}

/// Full-width forms, as a Japanese input method types them.
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c),
            ' ' => '\u{3000}',
            c => c,
        })
        .collect()
}

fn near_valid_date() -> impl Strategy<Value = String> {
    let number = prop_oneof![
        0u64..40,
        0u64..200_000,
        Just(u64::from(u32::MAX)),
        Just(u64::MAX)
    ];
    let word = prop::sample::select(vec![
        "today",
        "tomorrow",
        "yesterday",
        "今日",
        "明日",
        "明後日",
        "来週",
        "来月",
        "fri",
        "next mon",
        "来週金曜",
        "日曜日",
        "now",
        "今",
        "someday",
        "",
    ]);
    let date = prop_oneof![
        (
            number.clone(),
            prop::sample::select(vec!["+", "-", ""]),
            prop::sample::select(vec![
                "d",
                "w",
                "m",
                "y",
                "日後",
                "週間後",
                "か月後",
                "年後",
                "x",
                ""
            ])
        )
            .prop_map(|(n, sign, unit)| format!("{sign}{n}{unit}")),
        word.prop_map(String::from),
        (
            0u32..12_000,
            0u32..15,
            0u32..34,
            prop::sample::select(vec!["-", "/", ".", "年"])
        )
            .prop_map(|(y, m, d, sep)| if sep == "年" {
                format!("{y}年{m}月{d}日")
            } else {
                format!("{y}{sep}{m}{sep}{d}")
            }),
        (
            0u32..15,
            0u32..34,
            prop::sample::select(vec!["/", "-", "月"])
        )
            .prop_map(|(m, d, sep)| if sep == "月" {
                format!("{m}月{d}日")
            } else {
                format!("{m}{sep}{d}")
            }),
    ];
    let time = prop_oneof![
        Just(String::new()),
        (0u32..30, 0u32..70).prop_map(|(h, m)| format!(" {h}:{m:02}")),
        (0u32..30).prop_map(|h| format!("{h}時")),
        (0u32..30, 0u32..70).prop_map(|(h, m)| format!("{h}時{m}分")),
        Just("14時半".to_string()),
        Just("T14:00".to_string()),
    ];
    (date, time, any::<bool>()).prop_map(|(d, t, wide)| {
        let s = format!("{d}{t}");
        if wide { full_width(&s) } else { s }
    })
}

proptest! {
    #[test]
    fn dates_survive_any_text(text in ".{0,40}", today in any_day()) {
        check_date(&text, today)?;
    }

    #[test]
    fn dates_survive_near_valid_text(text in near_valid_date(), today in any_day()) {
        check_date(&text, today)?;
    }

    #[test]
    fn days_ahead_are_counted_from_today(n in 0u64..5000, today in any_day()) {
        let due = parse_due(&format!("+{n}d"), today).unwrap();
        prop_assert_eq!(Some(due.date), today.checked_add_days(Days::new(n)));
        let wide = parse_due(&full_width(&format!("{n}日後")), today).unwrap();
        prop_assert_eq!(wide.date, due.date);
    }

    #[test]
    fn a_weekday_is_the_next_one_after_today(
        day in prop::sample::select(vec![("mon", 0), ("tue", 1), ("wed", 2), ("thu", 3), ("fri", 4), ("sat", 5), ("sun", 6), ("金曜日", 4)]),
        today in any_day(),
    ) {
        let due = parse_due(day.0, today).unwrap();
        prop_assert!(due.date > today && due.date <= today + Days::new(7));
        prop_assert_eq!(due.date.weekday().num_days_from_monday(), day.1);
    }

    #[test]
    fn a_written_date_is_that_date_or_an_error(y in 1000i32..10_000, m in 0u32..14, d in 0u32..33, h in 0u32..26) {
        let text = format!("{y}-{m:02}-{d:02} {h}:05");
        match (NaiveDate::from_ymd_opt(y, m, d), NaiveTime::from_hms_opt(h, 5, 0)) {
            (Some(date), Some(time)) => prop_assert_eq!(parse_due(&text, today()).unwrap(), Due { date, time: Some(time) }),
            _ => prop_assert!(parse_due(&text, today()).is_err(), "{} was read", text),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Config
// ---------------------------------------------------------------------------------------

fn check_config(bytes: &[u8]) -> Result<Option<Config>, TestCaseError> {
    match Config::parse_bytes(bytes, Path::new("c.toml")) {
        Ok(config) => {
            // What the views do with the date format; chrono panics on one it cannot write.
            let at = DateTime::from_timestamp(1_795_000_000, 0).unwrap();
            let _ = format!(
                "{}",
                at.with_timezone(&Local).format(&config.ui.date_format)
            );
            Ok(Some(config))
        }
        Err(e) => {
            let message = e.to_string();
            assert_one_line(&message, "config file c.toml, line ")?;
            assert_names_a_line(&message, line_count(bytes))?;
            Ok(None)
        }
    }
}

/// (section, key, valid values, a wrong value)
const CONFIG_KEYS: &[(&str, &str, &[&str], &str)] = &[
    ("user", "name", &["\"佐藤 花子\"", "'x'"], "5"),
    ("database", "path", &["\"/tmp/x.db\""], "[1]"),
    ("team", "file", &["\"/srv/team.json\""], "true"),
    (
        "team",
        "sync_interval_secs",
        &["5", "60", "86400"],
        "\"soon\"",
    ),
    ("scoring", "half_life_days", &["0", "30.5", "90"], "-1"),
    ("scoring.points", "call", &["1", "2.5", "0"], "\"one\""),
    ("scoring.points", "meeting", &["3", "-1"], "nan"),
    ("scoring.points", "inquiry", &["3"], "{}"),
    ("scoring.ranks", "a", &["10", "25.5"], "\"high\""),
    ("scoring.ranks", "b", &["5", "0"], "\"low\""),
    ("stages.stale_after_days", "considering", &["14", "0"], "-3"),
    ("stages.stale_after_days", "customer", &["90"], "1.5"),
    (
        "sources",
        "names",
        &["[\"exhibition\", \"展示会\"]", "[]"],
        "[\"\"]",
    ),
    (
        "export",
        "encoding",
        &["\"utf-8\"", "\"utf-8-bom\"", "\"shift_jis\""],
        "\"latin1\"",
    ),
    ("export", "excel_safe", &["true", "false"], "\"yes\""),
    ("ui", "language", &["\"en\"", "\"ja\""], "\"fr\""),
    (
        "ui",
        "date_format",
        &["\"%Y-%m-%d\"", "\"%Y年%m月%d日\"", "\"%m/%d %a\""],
        "\"%Q\"",
    ),
    (
        "ui",
        "theme",
        &["\"dark\"", "\"light\"", "\"mono\""],
        "\"neon\"",
    ),
    (
        "ui",
        "name_order",
        &["\"auto\"", "\"family_first\"", "\"given_first\""],
        "\"random\"",
    ),
    ("ui", "shoe_size", &[], "42"),
];

/// Config entries (key, which valid value, whether it is made wrong): at most one wrong,
/// each key once (a key twice is another error), and the unknown key only as the wrong one.
fn config_entries() -> impl Strategy<Value = Vec<(usize, usize, bool)>> {
    let entry = (0..CONFIG_KEYS.len(), any::<usize>());
    (
        prop::collection::vec(entry, 0..12),
        any::<prop::sample::Index>(),
        any::<bool>(),
    )
        .prop_map(|(mut entries, which, spoil)| {
            entries.sort_by_key(|(k, _)| *k);
            entries.dedup_by_key(|(k, _)| *k);
            let spoiled = (spoil && !entries.is_empty()).then(|| which.index(entries.len()));
            entries
                .into_iter()
                .enumerate()
                .map(|(i, (k, v))| (k, v, Some(i) == spoiled))
                .filter(|(k, _, bad)| *bad || !CONFIG_KEYS[*k].2.is_empty())
                .collect()
        })
}

proptest! {
    #[test]
    fn config_survives_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        check_config(&bytes)?;
    }

    #[test]
    fn config_survives_any_text(text in "(\\[[a-z.]{0,12}\\]\n|[a-z_]{1,12} = .{0,16}\n|.{0,20}\n){0,8}") {
        check_config(text.as_bytes())?;
    }

    #[test]
    fn a_wrong_value_is_named_by_key_and_line(entries in config_entries()) {
        let mut text = String::from("# leadtrack\n");
        let mut section = "";
        let mut spoiled_at = None;
        for (k, v, bad) in &entries {
            let (sec, key, good, wrong) = CONFIG_KEYS[*k];
            if sec != section {
                text.push_str(&format!("\n[{sec}]\n"));
                section = sec;
            }
            let value = if *bad {
                spoiled_at = Some((format!("{sec}.{key}"), text.lines().count() + 1));
                wrong
            } else {
                good[v % good.len()]
            };
            text.push_str(&format!("{key} = {value}\n"));
        }
        let result = check_config(text.as_bytes())?;
        match spoiled_at {
            None => prop_assert!(result.is_some(), "a valid config was refused:\n{}", text),
            Some((key, line)) => {
                prop_assert!(result.is_none(), "{} was accepted:\n{}", key, text);
                let message = Config::parse(&text, Path::new("c.toml")).map(|_| ()).unwrap_err().to_string();
                prop_assert!(message.contains(&key), "{} not named: {}\n{}", key, message, text);
                prop_assert!(message.contains(&format!("line {line}:")), "line {} not named: {}\n{}", line, message, text);
            }
        }
    }
}
