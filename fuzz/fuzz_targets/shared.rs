//! What every target checks besides "no panic": an error a user sees is one sentence on
//! one line, naming the file (and line) at fault, with nothing a terminal would run.

#![allow(dead_code)]

use chrono::NaiveDate;

/// The day the importers are run on.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

/// Panics (a libFuzzer crash) when `message` is not one clean line starting with `prefix`.
pub fn check_message(message: &str, prefix: &str) {
    assert!(
        message.starts_with(prefix),
        "the error does not start with {prefix:?}: {message:?}"
    );
    assert!(
        !message.chars().any(char::is_control),
        "the error holds a line break or control character: {message:?}"
    );
}
