//! The date grammar of `--next-on`/`--due`/`--at`, forms and CSV cells: any text on any
//! day. A date it accepts must survive the database's stored form.

#![no_main]

#[path = "shared.rs"]
mod shared;

use chrono::{Days, NaiveDate, NaiveTime};
use leadtrack::model::dates::{Due, parse_due, parse_moment};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first three bytes pick "today": any day from year 1 to about 46,000.
    let (day, text) = match data {
        [a, b, c, rest @ ..] => (u32::from_le_bytes([*a, *b, *c, 0]), rest),
        _ => (0, data),
    };
    let Some(today) = NaiveDate::from_ymd_opt(1, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(u64::from(day))))
    else {
        return;
    };
    let text = String::from_utf8_lossy(text);
    match parse_due(&text, today) {
        Ok(due) => {
            let stored = due.to_storage();
            assert_eq!(
                Due::from_storage(&stored),
                Some(due),
                "{text:?} gave {stored:?}, which does not read back"
            );
        }
        Err(e) => shared::check_message(&e.to_string(), "'"),
    }
    let now = today.and_time(NaiveTime::from_hms_opt(9, 30, 0).unwrap_or_default());
    if let Err(e) = parse_moment(&text, now) {
        shared::check_message(&e.to_string(), "'");
    }
    // What the database hands back is untrusted too (a hostile or corrupt file).
    let _ = Due::from_storage(&text);
});
