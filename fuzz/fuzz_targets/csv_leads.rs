//! The lead CSV importer: encoding detection, RFC 4180 reading, header recognition (and
//! `--map`), and each cell read as its field (stage, source, amount, date, tags).

#![no_main]

#[path = "shared.rs"]
mod shared;

use leadtrack::config::Config;
use leadtrack::interchange::encoding::{InputEncoding, decode};
use leadtrack::interchange::{csv_in, leads_csv};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let today = shared::today();
    let sources = Config::default().sources.names;
    let text = match decode(data, InputEncoding::Auto, "f.csv") {
        Ok(text) => text,
        Err(e) => return shared::check_message(&e.to_string(), "f.csv"),
    };
    let table = match csv_in::read(&text, "f.csv") {
        Ok(table) => table,
        Err(e) => return shared::check_message(&e.to_string(), "f.csv"),
    };
    let first = table.headers.first().cloned().unwrap_or_default();
    for maps in [vec![], vec![(first, "title".to_string())]] {
        match leads_csv::leads(&table, &maps, &sources, "f.csv", today) {
            Ok(file) => {
                for row in file.rows {
                    if let leads_csv::Row::Lead { fields, .. } = row {
                        assert!(!fields.title.is_empty(), "a lead without a title");
                    }
                }
            }
            Err(e) => {
                let message = e.to_string();
                // A `--map` error names the option rather than the file.
                let prefix = if message.starts_with("--map") { "--map" } else { "f.csv" };
                shared::check_message(&message, prefix);
            }
        }
    }
});
