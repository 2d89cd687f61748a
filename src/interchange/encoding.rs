//! Text encodings of files in and out: UTF-8 (with or without BOM) and Shift_JIS (CP932),
//! detected on the way in, chosen on the way out.

use crate::config::TextEncoding;
use crate::error::{Error, Result};

/// How to read a file's bytes as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputEncoding {
    /// UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else Shift_JIS.
    #[default]
    Auto,
    Utf8,
    ShiftJis,
    /// Western Windows' code page (Outlook's CSV export on an English Windows).
    Windows1252,
}

pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// UTF-16 by its byte order mark (a "Unicode" save from Windows programs): the encoding and
/// the bytes after the mark.
pub fn utf16_by_bom(bytes: &[u8]) -> Option<(&'static encoding_rs::Encoding, &[u8])> {
    match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((encoding_rs::UTF_16LE, rest)),
        [0xFE, 0xFF, rest @ ..] => Some((encoding_rs::UTF_16BE, rest)),
        _ => None,
    }
}

/// Text in UTF-16 (after its BOM); an error names the line of the first unit that is not
/// UTF-16 (an odd byte at the end, a lone surrogate).
fn decode_utf16(utf16: &'static encoding_rs::Encoding, bytes: &[u8], file: &str) -> Result<String> {
    let mut decoder = utf16.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() / 2 + 4);
    let (result, _) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok(text),
        // `text` holds what decoded before the fault: its line breaks give the line.
        _ => Err(Error::said(
            "error-not-utf16",
            [
                ("file", file.to_string()),
                ("line", (text.matches('\n').count() + 1).to_string()),
            ],
        )),
    }
}

/// The file's text. `file` names it in errors, with the line of the first bad byte.
pub fn decode(bytes: &[u8], encoding: InputEncoding, file: &str) -> Result<String> {
    if let Some((utf16, rest)) = utf16_by_bom(bytes).filter(|_| encoding == InputEncoding::Auto) {
        return decode_utf16(utf16, rest, file);
    }
    if let Some(pos) = bytes.iter().position(|b| *b == 0) {
        return Err(Error::said(
            "error-not-text",
            [
                ("file", file.to_string()),
                ("line", line_at(bytes, pos).to_string()),
            ],
        ));
    }
    let utf8 = |bytes: &[u8]| -> Result<String> {
        let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
        String::from_utf8(bytes.to_vec()).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            Error::said(
                "error-not-utf8-try-sjis",
                [
                    ("file", file.to_string()),
                    ("line", line_at(bytes, at).to_string()),
                ],
            )
        })
    };
    let shift_jis = |bytes: &[u8]| -> Result<String> {
        encoding_rs::SHIFT_JIS
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|text| text.into_owned())
            .ok_or_else(|| {
                let (text, _, _) = encoding_rs::SHIFT_JIS.decode(bytes);
                let line = text
                    .lines()
                    .position(|l| l.contains('\u{FFFD}'))
                    .map_or(1, |i| i + 1);
                Error::said(
                    "error-not-sjis",
                    [("file", file.to_string()), ("line", line.to_string())],
                )
            })
    };
    let western = |bytes: &[u8]| -> String {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()
    };
    match encoding {
        InputEncoding::Utf8 => utf8(bytes),
        InputEncoding::ShiftJis => shift_jis(bytes),
        InputEncoding::Windows1252 => Ok(western(bytes)),
        InputEncoding::Auto if bytes.starts_with(BOM) || std::str::from_utf8(bytes).is_ok() => {
            utf8(bytes)
        }
        // Neither: a Western Windows program's file (every byte is a character there).
        InputEncoding::Auto => shift_jis(bytes).or_else(|_| Ok(western(bytes))),
    }
}

fn line_at(bytes: &[u8], pos: usize) -> usize {
    bytes[..pos.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// Text in an output encoding. Characters Shift_JIS cannot hold become `?`; the count of
/// them is returned so the caller can say so.
pub fn encode(text: &str, encoding: TextEncoding) -> (Vec<u8>, usize) {
    match encoding {
        TextEncoding::Utf8 => (text.as_bytes().to_vec(), 0),
        TextEncoding::Utf8Bom => {
            let mut out = BOM.to_vec();
            out.extend_from_slice(text.as_bytes());
            (out, 0)
        }
        TextEncoding::ShiftJis => {
            let mut out = Vec::with_capacity(text.len());
            let mut lost = 0;
            let mut buf = [0u8; 4];
            for c in text.chars() {
                let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(c.encode_utf8(&mut buf));
                if unmappable {
                    out.push(b'?');
                    lost += 1;
                } else {
                    out.extend_from_slice(&bytes);
                }
            }
            (out, lost)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_utf16_is_named_by_its_line() {
        // "a\nb" in UTF-16LE with its BOM, then half a unit.
        let bytes = [0xFF, 0xFE, b'a', 0, b'\n', 0, b'b', 0, 0];
        let err = decode(&bytes, InputEncoding::Auto, "f.csv")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "f.csv, line 2: the text starts as UTF-16 but is not UTF-16 throughout"
        );
        let whole = [0xFF, 0xFE, b'a', 0, b'\n', 0, b'b', 0];
        assert_eq!(
            decode(&whole, InputEncoding::Auto, "f.csv").unwrap(),
            "a\nb"
        );
    }

    #[test]
    fn detects_utf8_bom_and_shift_jis() {
        assert_eq!(
            decode("佐藤".as_bytes(), InputEncoding::Auto, "f").unwrap(),
            "佐藤"
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFabc", InputEncoding::Auto, "f").unwrap(),
            "abc"
        );
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("佐藤,ｹﾝｼﾞ,①");
        assert_eq!(
            decode(&sjis, InputEncoding::Auto, "f").unwrap(),
            "佐藤,ｹﾝｼﾞ,①"
        );
        assert_eq!(
            decode(&sjis, InputEncoding::ShiftJis, "f").unwrap(),
            "佐藤,ｹﾝｼﾞ,①"
        );
    }

    #[test]
    fn wrong_or_binary_input_names_file_and_line() {
        let err = decode(b"ok\nok\n\x00\x01", InputEncoding::Auto, "cards.csv")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("cards.csv, line 3") && err.contains("not a text file"),
            "{err}"
        );
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("a\n佐藤");
        let err = decode(&sjis, InputEncoding::Utf8, "cards.csv")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 2") && err.contains("not UTF-8"), "{err}");
        // Neither UTF-8 nor Shift_JIS: a Western Windows file, where every byte is a letter.
        assert_eq!(
            decode(b"M\xfcller,Stra\xdfe", InputEncoding::Auto, "x.csv").unwrap(),
            "Müller,Straße"
        );
        assert_eq!(
            decode(b"M\xfcller", InputEncoding::Windows1252, "x.csv").unwrap(),
            "Müller"
        );
    }

    #[test]
    fn shift_jis_output_round_trips_and_counts_what_it_cannot_hold() {
        let (bytes, lost) = encode("佐藤 ｹﾝｼﾞ ㈱", TextEncoding::ShiftJis);
        assert_eq!(lost, 0);
        assert_eq!(
            decode(&bytes, InputEncoding::ShiftJis, "f").unwrap(),
            "佐藤 ｹﾝｼﾞ ㈱"
        );
        let (_, lost) = encode("😀佐藤", TextEncoding::ShiftJis);
        assert_eq!(lost, 1);
        let (bom, _) = encode("a", TextEncoding::Utf8Bom);
        assert_eq!(bom, b"\xEF\xBB\xBFa");
    }
}
