//! The vCard reader (2.1/3.0/4.0, folding, quoted-printable, base64, charsets, UTF-16).

#![no_main]

#[path = "shared.rs"]
mod shared;

use leadtrack::interchange::cards_in::{self, CardFormat};
use leadtrack::interchange::encoding::InputEncoding;
use leadtrack::interchange::vcard;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match vcard::read(data) {
        Ok(cards) => {
            assert!(!cards.is_empty(), "Ok with no card");
            for card in &cards {
                assert!(card.line >= 1, "a card without a line");
                // What a vCard says is cleaned: no terminal escapes, no stray CR or tab.
                let f = &card.fields;
                let texts = [
                    &f.family_name, &f.given_name, &f.family_reading, &f.given_reading,
                    &f.company, &f.company_reading, &f.department, &f.title,
                    &f.postal_code, &f.address, &f.url, &f.exchanged_at, &f.notes, &card.uid,
                ];
                let listed = [&f.emails, &f.phones, &f.other_addresses, &f.other_urls, &f.other_companies]
                    .into_iter()
                    .flatten()
                    .flatten()
                    .map(|v| &v.value);
                for text in texts.into_iter().flatten().chain(f.tags.iter().flatten()).chain(listed) {
                    assert!(
                        !text.chars().any(|c| c.is_control() && c != '\n'),
                        "a control character kept: {text:?}"
                    );
                    assert!(!text.is_empty(), "an empty field kept as Some");
                }
            }
        }
        Err(e) => {
            assert!(e.line >= 1, "an error on line 0");
            shared::check_message(&e.to_string(), "line ");
        }
    }
    if let Err(e) = cards_in::read(
        data,
        "f.vcf",
        CardFormat::Vcard,
        InputEncoding::Auto,
        &[],
        shared::today(),
    ) {
        shared::check_message(&e.to_string(), "f.vcf, line ");
    }
});
