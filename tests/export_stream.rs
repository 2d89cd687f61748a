//! Exports stream: each format writes its rows while the records are still being read, and
//! what comes out is a whole, well-formed file of every record. (The memory figure of a
//! million activities is the benchmark's: `cargo bench --bench performance -- --only export`.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use leadtrack::config::{Config, Language, TextEncoding};
use leadtrack::features::demo::{self, DemoSize};
use leadtrack::features::export::{self, CsvOptions, ExportOptions, RecordFormat, Records};
use leadtrack::features::follow_up_list::{self, ListFormat, ListOptions, Selection};
use leadtrack::interchange::encoding::{InputEncoding, decode};
use leadtrack::interchange::vcard::VcardVersion;
use leadtrack::model::contact::NameOrder;
use leadtrack::model::{Activity, Contact, Lead, Record};
use leadtrack::store::Store;
use std::cell::Cell;
use std::io::{self, Write};

const ACTIVITIES: usize = 3_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
}

fn store() -> Store {
    let mut store = Store::open_in_memory("Tester").unwrap();
    let size = DemoSize {
        leads: 400,
        contacts: 1_200,
        activities: ACTIVITIES,
        seed: 7,
    };
    demo::generate_on(&mut store, &Config::default(), size, today()).unwrap();
    store
}

/// A `Write` that notes, with every write, how many records the exporter had read by then.
struct Watched<'a> {
    bytes: Vec<u8>,
    read: &'a Cell<usize>,
    /// (records read, bytes written so far) after each write.
    writes: Vec<(usize, usize)>,
}

impl Write for Watched<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes.extend_from_slice(buf);
        self.writes.push((self.read.get(), self.bytes.len()));
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Watched<'_> {
    /// The share of the file written while no more than half the records had been read.
    fn written_by_half(&self, records: usize) -> f64 {
        let by_half = self
            .writes
            .iter()
            .filter(|(read, _)| *read <= records / 2)
            .map(|(_, written)| *written)
            .max()
            .unwrap_or(0);
        by_half as f64 / self.bytes.len() as f64
    }
}

fn options(format: RecordFormat, encoding: TextEncoding) -> ExportOptions {
    ExportOptions {
        format,
        csv: CsvOptions {
            encoding,
            excel_safe: true,
            headers: Language::En,
        },
        vcard: VcardVersion::V4,
        name_order: NameOrder::Auto,
    }
}

/// Exports `what` into a watched writer: the bytes, the record count, and how much of the
/// file was out by the time half the records were read.
fn export_watched(store: &Store, what: Records, options: &ExportOptions) -> (Vec<u8>, usize, f64) {
    let read = Cell::new(0);
    let mut out = Watched {
        bytes: Vec::new(),
        read: &read,
        writes: Vec::new(),
    };
    let written = export::export(store, what, options, &mut out, &|n| read.set(n)).unwrap();
    assert_eq!(written.records, read.get());
    let early = out.written_by_half(written.records);
    (out.bytes, written.records, early)
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

fn check_csv<R: Record>(text: &str, records: usize) {
    let rows = csv_rows(text);
    assert_eq!(
        rows.len(),
        records + 1,
        "a header and one row per {}",
        R::NOUN
    );
    assert_eq!(rows[0], R::headers().collect::<Vec<_>>());
    assert!(rows.iter().all(|r| r.len() == R::FIELDS.len()));
}

fn check_json<R: Record>(bytes: &[u8], records: usize) {
    let value: serde_json::Value = serde_json::from_slice(bytes).unwrap();
    let array = value.as_array().unwrap();
    assert_eq!(array.len(), records);
    for name in R::headers() {
        assert!(array[0].get(name).is_some(), "{} JSON has {name}", R::NOUN);
    }
}

type CheckCsv = fn(&str, usize);
type CheckJson = fn(&[u8], usize);

#[test]
fn every_record_format_streams_a_whole_file() {
    let store = store();
    let cases: [(Records, CheckCsv, CheckJson); 3] = [
        (
            Records::Activities,
            check_csv::<Activity>,
            check_json::<Activity>,
        ),
        (Records::Leads, check_csv::<Lead>, check_json::<Lead>),
        (
            Records::Contacts,
            check_csv::<Contact>,
            check_json::<Contact>,
        ),
    ];
    for (what, csv_ok, json_ok) in cases {
        let (bytes, records, early) = export_watched(
            &store,
            what,
            &options(RecordFormat::Csv, TextEncoding::Utf8),
        );
        assert!(records >= 400, "{what:?}: {records} records");
        csv_ok(std::str::from_utf8(&bytes).unwrap(), records);
        assert!(early > 0.3, "{what:?} CSV: {early:.2} written by half way");

        let (bytes, json_records, early) = export_watched(
            &store,
            what,
            &options(RecordFormat::Json, TextEncoding::Utf8),
        );
        assert_eq!(json_records, records);
        json_ok(&bytes, records);
        assert!(early > 0.3, "{what:?} JSON: {early:.2} written by half way");
    }
    let (_, activities, _) = export_watched(
        &store,
        Records::Activities,
        &options(RecordFormat::Csv, TextEncoding::Utf8),
    );
    assert_eq!(activities, ACTIVITIES);
}

#[test]
fn shift_jis_and_bom_stream_and_read_back_as_the_utf8_file() {
    let store = store();
    let (utf8, records, _) = export_watched(
        &store,
        Records::Contacts,
        &options(RecordFormat::Csv, TextEncoding::Utf8),
    );
    let (sjis, _, early) = export_watched(
        &store,
        Records::Contacts,
        &options(RecordFormat::Csv, TextEncoding::ShiftJis),
    );
    assert!(early > 0.3, "Shift_JIS: {early:.2} written by half way");
    let text = decode(&sjis, InputEncoding::ShiftJis, "contacts.csv").unwrap();
    assert_eq!(text, std::str::from_utf8(&utf8).unwrap());
    check_csv::<Contact>(&text, records);

    let (bom, _, _) = export_watched(
        &store,
        Records::Contacts,
        &options(RecordFormat::Csv, TextEncoding::Utf8Bom),
    );
    assert_eq!(&bom[..3], b"\xEF\xBB\xBF");
    assert_eq!(&bom[3..], &utf8[..]);
}

#[test]
fn vcards_stream_one_card_per_contact() {
    let store = store();
    let (bytes, records, early) = export_watched(
        &store,
        Records::Contacts,
        &options(RecordFormat::Vcard, TextEncoding::Utf8),
    );
    let text = std::str::from_utf8(&bytes).unwrap();
    assert_eq!(text.matches("BEGIN:VCARD\r\n").count(), records);
    assert_eq!(text.matches("END:VCARD\r\n").count(), records);
    assert!(early > 0.3, "vCard: {early:.2} written by half way");
    let refused = export::export(
        &store,
        Records::Activities,
        &options(RecordFormat::Vcard, TextEncoding::Utf8),
        &mut Vec::new(),
        &|_| {},
    );
    assert!(
        refused
            .unwrap_err()
            .to_string()
            .contains("vcard is for contacts")
    );
}

#[test]
fn the_streamed_follow_up_list_is_the_list_rendered_whole() {
    let store = store();
    let selection = Selection::default();
    let rows = follow_up_list::list(&store, &selection, today(), NameOrder::Auto).unwrap();
    assert!(rows.len() > 100);
    for format in [
        ListFormat::Csv,
        ListFormat::Json,
        ListFormat::Ics,
        ListFormat::Md,
    ] {
        let options = ListOptions {
            format,
            encoding: TextEncoding::ShiftJis,
            excel_safe: true,
            language: Language::Ja,
            headers: Language::Ja,
        };
        let (whole, undated) = follow_up_list::render(&rows, &options).unwrap();
        let mut streamed = Vec::new();
        let (written, skipped) = follow_up_list::export(
            &store,
            &selection,
            today(),
            NameOrder::Auto,
            &options,
            &mut streamed,
        )
        .unwrap();
        assert_eq!(streamed, whole.bytes, "{format:?}");
        assert_eq!((written.records, skipped), (whole.records, undated));
    }
}
