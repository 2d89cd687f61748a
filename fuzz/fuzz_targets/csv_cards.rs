//! The business-card CSV importer: bytes in any encoding through detection, RFC 4180
//! reading, header recognition (and `--map`) and the cards themselves.

#![no_main]

#[path = "shared.rs"]
mod shared;

use leadtrack::interchange::cards_csv::MAPPABLE;
use leadtrack::interchange::cards_in::{self, CardFormat};
use leadtrack::interchange::encoding::InputEncoding;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let today = shared::today();
    for encoding in [
        InputEncoding::Auto,
        InputEncoding::Utf8,
        InputEncoding::ShiftJis,
    ] {
        match cards_in::read(data, "f.csv", CardFormat::Csv, encoding, &[], today) {
            Ok(file) => {
                for card in &file.cards {
                    assert!(card.line >= 1, "a card without a line");
                }
            }
            Err(e) => shared::check_message(&e.to_string(), "f.csv"),
        }
    }
    // `--map` on the file's first column, to whichever field the input picks.
    let first_header = data
        .split(|&b| b == b'\n' || b == b',')
        .next()
        .map(|h| String::from_utf8_lossy(h).trim().to_string())
        .unwrap_or_default();
    let field = MAPPABLE[data.len() % MAPPABLE.len()];
    let maps = vec![(first_header, field.to_string())];
    if let Err(e) = cards_in::read(data, "f.csv", CardFormat::Csv, InputEncoding::Auto, &maps, today) {
        let message = e.to_string();
        // A `--map` error names the option rather than the file.
        let prefix = if message.starts_with("--map") { "--map" } else { "f.csv" };
        shared::check_message(&message, prefix);
    }
});
