//! Spreadsheet safety (SPEC §7, §8): whatever text a lead, contact or activity holds, no cell
//! of any CSV export starts the way a spreadsheet formula does, unless `--raw` is asked for.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::{NaiveDate, Utc};
use leadtrack::config::{Config, Language, TextEncoding};
use leadtrack::features::export::{self, CsvOptions, RecordFormat};
use leadtrack::features::follow_up_list::{self, ListFormat, ListOptions, Selection};
use leadtrack::features::{activity, contacts, leads};
use leadtrack::interchange::vcard::VcardVersion;
use leadtrack::model::ActivityKind;
use leadtrack::model::contact::{ContactFields, NameOrder, ValueKind};
use leadtrack::model::dates::parse_due;
use leadtrack::model::lead::LeadFields;
use leadtrack::store::Store;
use proptest::prelude::*;

const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Text as a hostile or careless file gives it: often starting like a formula.
fn text() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec![
            "",
            "=",
            "+",
            "-",
            "@",
            "\t",
            "\r",
            "=cmd|'/c calc'!",
            "佐藤",
        ]),
        "\\PC{0,10}",
        prop::sample::select(vec!["", "\n=1+1", ",\"=2\"", "\r\n@x"]),
    )
        .prop_map(|(start, middle, end)| format!("{start}{middle}{end}"))
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// Every CSV the exports write for a database holding these texts.
fn exports(texts: &[String], excel_safe: bool) -> Vec<(String, Vec<u8>)> {
    let mut store = Store::open_in_memory("tester").unwrap();
    let config = Config::default();
    let t = |i: usize| texts[i % texts.len()].clone();
    let lead_id = leads::add(
        &mut store,
        &config,
        LeadFields {
            title: format!("{}件", t(0)),
            company: Some(t(1)),
            source_detail: Some(t(2)),
            owner: Some(t(3)),
            next_action: Some(t(4)),
            next_action_on: Some(parse_due("today", today()).unwrap()),
            tags: vec![t(5)],
            notes: Some(t(6)),
            value: Some(-5),
            ..LeadFields::default()
        },
    )
    .unwrap();
    let contact_id = contacts::add(
        &mut store,
        &ContactFields {
            family_name: Some(format!("{}様", t(7))),
            given_name: Some(t(8)),
            company: Some(t(9)),
            title: Some(t(10)),
            address: Some(t(13)),
            notes: Some(t(14)),
            ..ContactFields::default()
        }
        .with_email(&t(11))
        .with_phone(&t(12), ValueKind::Work),
    )
    .unwrap();
    activity::log(
        &mut store,
        &config,
        &activity::LogEntry {
            kind: ActivityKind::Call,
            lead_id: Some(lead_id),
            contact_id: Some(contact_id),
            occurred_at: Utc::now(),
            duration_minutes: Some(5),
            direction: None,
            summary: format!("{}。", t(15)),
            body: Some(t(16)),
            next_action: Some(t(17)),
            next_action_on: Some(parse_due("tomorrow", today()).unwrap()),
            campaign_id: None,
        },
    )
    .unwrap();
    let csv = CsvOptions {
        encoding: TextEncoding::Utf8,
        excel_safe,
        headers: Language::En,
    };
    let tick = |_: usize| {};
    let order = NameOrder::Auto;
    let rows = follow_up_list::list(&store, &Selection::default(), today(), order).unwrap();
    vec![
        (
            "contacts".into(),
            export::contacts(
                &store,
                RecordFormat::Csv,
                csv,
                VcardVersion::V4,
                order,
                &tick,
            )
            .unwrap()
            .bytes,
        ),
        (
            "leads".into(),
            export::leads(&store, RecordFormat::Csv, csv, &tick)
                .unwrap()
                .bytes,
        ),
        (
            "activities".into(),
            export::activities(&store, RecordFormat::Csv, csv, &tick)
                .unwrap()
                .bytes,
        ),
        (
            "followups".into(),
            follow_up_list::render(
                &rows,
                &ListOptions {
                    format: ListFormat::Csv,
                    encoding: csv.encoding,
                    excel_safe,
                    language: Language::En,
                    headers: Language::En,
                },
            )
            .unwrap()
            .0
            .bytes,
        ),
    ]
}

fn cells(bytes: &[u8]) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes);
    reader
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(48)
    ))]

    #[test]
    fn no_exported_cell_starts_like_a_formula(texts in prop::collection::vec(text(), 18)) {
        for (what, bytes) in exports(&texts, true) {
            for cell in cells(&bytes) {
                prop_assert!(
                    !cell.starts_with(FORMULA_STARTS),
                    "{what}: the cell {cell:?} would run as a formula"
                );
            }
        }
    }
}

/// The test above can fail: without the safety, the same data gives live formulas.
#[test]
fn raw_exports_keep_the_text_exactly() {
    let texts = vec!["=1+1".to_string()];
    for (what, bytes) in exports(&texts, false) {
        assert!(
            cells(&bytes).iter().any(|c| c.starts_with('=')),
            "{what}: --raw must keep the cells as stored"
        );
    }
}
