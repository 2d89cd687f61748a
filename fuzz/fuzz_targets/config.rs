//! The config loader: bytes of a config file through UTF-8, TOML, the types and the
//! validation; then what starting the app does with a config it accepted.

#![no_main]

#[path = "shared.rs"]
mod shared;

use chrono::{DateTime, Local};
use leadtrack::config::Config;
use leadtrack::keymap::Keymap;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    match Config::parse_bytes(data, Path::new("c.toml")) {
        Ok(config) => {
            // An accepted date format must draw a date: the views format it as the TUI's
            // `when` does, which panics on a format chrono cannot write.
            let at = DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default();
            let _ = format!("{}", at.with_timezone(&Local).format(&config.ui.date_format));
            if let Err(e) = Keymap::new(&config.keys) {
                assert!(e.key_path.starts_with("keys"), "{e:?}");
            }
        }
        Err(e) => shared::check_message(&e.to_string(), "config file c.toml, line "),
    }
});
