//! Inputs the fuzz targets (`fuzz/`) found, kept as they were found: each once made a
//! target fail, and must not again.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::{Days, NaiveDate};
use leadtrack::config::Config;
use leadtrack::interchange::cards_in::{self, CardFormat};
use leadtrack::interchange::encoding::{InputEncoding, decode};
use leadtrack::interchange::{csv_in, leads_csv};
use leadtrack::model::dates::parse_due;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// An error a user sees is one line, and nothing from the input in it can drive a terminal.
fn assert_printable(message: &str) {
    assert!(
        !message.chars().any(char::is_control),
        "control character in the error: {message:?}"
    );
}

/// `dates`: control characters typed (or read from a CSV cell) were echoed in the error.
#[test]
fn a_date_error_does_not_echo_control_characters() {
    let data: &[u8] =
        b"f\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00J\x0b\xe6\x98\x8e\xe6\x97\xa5";
    // The target's first three bytes are the day, counted from 0001-01-01.
    let day = u32::from_le_bytes([data[0], data[1], data[2], 0]);
    let today = NaiveDate::from_ymd_opt(1, 1, 1)
        .unwrap()
        .checked_add_days(Days::new(day.into()))
        .unwrap();
    let text = std::str::from_utf8(&data[3..]).unwrap();
    let message = parse_due(text, today).unwrap_err().to_string();
    assert!(
        message.contains("J\u{FFFD}明日' is not a date"),
        "{message}"
    );
    assert_printable(&message);
}

/// `csv_leads`: a DEL in a source cell reached the terminal inside the error.
#[test]
fn a_lead_cell_error_does_not_echo_control_characters() {
    let data: &[u8] = b"Title,Company,Stage,Source,Vqlue,Due,Own#r,Next Actiof\r\nDeal,Acme,future,\x7febsite,\x221,200,000\x22,f,irme,call\r\n,,,,,,,\r\nX,Y,customer,other,2.5\xe5\x84\x84,2026-12-01 14\xe6\xb0\xb4:00,,\n";
    let text = decode(data, InputEncoding::Auto, "f.csv").unwrap();
    let table = csv_in::read(&text, "f.csv").unwrap();
    let sources = Config::default().sources.names;
    let Err(e) = leads_csv::leads(&table, &[], &sources, "f.csv", today()) else {
        panic!("a source that is not configured was accepted");
    };
    let message = e.to_string();
    assert!(
        message.starts_with("f.csv, line 2, column 'Source': '\u{FFFD}ebsite' is not a source"),
        "{message}"
    );
    assert_printable(&message);
}

/// `csv_cards`: a control character in a cell mapped to a date was echoed in the error.
#[test]
fn a_card_date_error_does_not_echo_control_characters() {
    let data: &[u8] = b"Name,Reading,\xe3\x82\xbb\xe3\x82\xa4Company,Email,Tags,ID\r\n\x22John\x17 \x22\x22J\x22\x22 Smith\x22,,Acme,\x22j@x.example\x22,a;b,U1\r\n";
    let maps = [("Name".to_string(), "exchanged_on".to_string())];
    let Err(e) = cards_in::read(
        data,
        "f.csv",
        CardFormat::Csv,
        InputEncoding::Auto,
        &maps,
        today(),
    ) else {
        panic!("a name was read as a date");
    };
    let message = e.to_string();
    assert_eq!(
        message,
        "f.csv, line 2, column 'Name': 'John\u{FFFD} \"J\" Smith' is not a date"
    );
    assert_printable(&message);
}

/// `config`: a control character written as `\u0001` in a TOML string came back in the
/// "unknown variant" error.
#[test]
fn a_config_error_does_not_echo_control_characters() {
    let data: &[u8] = b"[ui]\nlanguage= \"emore points tha????\\u0001????n\"\n";
    let Err(e) = Config::parse_bytes(data, std::path::Path::new("c.toml")) else {
        panic!("an unknown language was accepted");
    };
    let message = e.to_string();
    assert!(
        message.starts_with("config file c.toml, line 2: `ui.language`: unknown variant"),
        "{message}"
    );
    assert_printable(&message);
}

/// `config`: a date format that parses but cannot be written (`%#z` only parses) was
/// accepted, and the app's lists would have panicked formatting a date with it.
#[test]
fn a_date_format_that_cannot_write_a_date_is_refused() {
    let data: &[u8] = b"[ui]\ndate_format = \"ges%#z.staledark_#aft%+2_da1Q\"\n";
    let Err(e) = Config::parse_bytes(data, std::path::Path::new("c.toml")) else {
        panic!("a date format that cannot write a date was accepted");
    };
    let message = e.to_string();
    assert!(
        message.starts_with("config file c.toml, line 2: `ui.date_format`"),
        "{message}"
    );
    assert_printable(&message);
}
