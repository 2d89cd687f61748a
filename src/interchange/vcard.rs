//! vCard (`.vcf`) in and out: business cards from phones and address books (vCard 2.1, 3.0
//! and 4.0), and our contacts out as 3.0 or 4.0.
//!
//! Reading works on bytes. Lines are unfolded, and the soft line breaks of 2.1
//! quoted-printable joined, before any text is decoded, so a fold that splits a multi-byte
//! character does no harm; then each value is decoded by its own `CHARSET` (Shift_JIS from
//! Japanese phones, UTF-8 elsewhere). Escapes are undone only after decoding, so a
//! Shift_JIS character whose second byte is `\` (表, ソ, 能) is never taken for an escape.
//! Nothing in a file can make the reader panic: every malformed part is either skipped or
//! reported as a [`VcardError`] with its line.

use crate::i18n::Said;
use crate::model::Contact;
use crate::model::contact::{
    Channel, ContactFields, ContactValue, NameOrder, ValueKind, display_name,
};
use crate::model::contact_value::settle;

use super::address::AddressParts;
use super::cards_csv::Card;
use crate::model::text::is_japanese;
use chrono::NaiveDate;
use encoding_rs::{Encoding, SHIFT_JIS, UTF_8};
use std::borrow::Cow;

/// What leadtrack's own cards say made them.
const PRODID: &str = "-//leadtrack//leadtrack//EN";

/// The longest physical line read: anything longer is not a vCard file.
const MAX_LINE: usize = 1 << 20;
/// Lines are folded at this many octets, CRLF not counted (RFC 6350 §3.2).
const FOLD_AT: usize = 75;

/// Why a file could not be read, with the line it concerns.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct VcardError {
    pub line: usize,
    /// What is wrong, a catalog sentence (English when displayed).
    pub message: Said,
}

impl VcardError {
    fn new(line: usize, id: &'static str) -> Self {
        Self {
            line,
            message: Said::plain(id),
        }
    }
}

/// The vCard version [`write`] produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VcardVersion {
    /// vCard 3.0 (RFC 2426): what most address books read.
    V3,
    /// vCard 4.0 (RFC 6350).
    V4,
}

// ---------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------

/// Reads every card of a `.vcf` file.
///
/// Unknown properties, malformed property lines and undecodable values are skipped; the
/// file is refused only when its structure is broken (a card without `END:VCARD`, an
/// `END:VCARD` without a card, no card at all) or when it is not text.
pub fn read(bytes: &[u8]) -> Result<Vec<Card>, VcardError> {
    let data = transcode_utf16(bytes);
    let data: &[u8] = data.as_ref();
    let data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    if let Some(at) = data.iter().position(|&b| b == 0) {
        return Err(VcardError::new(line_of(data, at), "error-vcard-binary"));
    }
    let lines = unfold(data)?;

    let mut cards = Vec::new();
    let mut open: Option<OpenCard> = None;
    for logical in &lines {
        let Some(prop) = Prop::parse(&logical.bytes) else {
            continue;
        };
        let begin = prop.is("BEGIN");
        let end = prop.is("END");
        match open.as_mut() {
            None if begin => {
                open = Some(OpenCard {
                    line: logical.line,
                    props: Vec::new(),
                    nested: 0,
                });
            }
            None if end => {
                return Err(VcardError::new(
                    logical.line,
                    "error-vcard-end-without-begin",
                ));
            }
            None => {}
            Some(card) if begin => {
                // A 2.1 AGENT may hold a whole card; anything else means the open card
                // never ended.
                let agent = card
                    .props
                    .last()
                    .is_some_and(|p| p.name == "AGENT" && p.value.trim_ascii().is_empty());
                if card.nested > 0 || agent {
                    card.nested += 1;
                } else {
                    return Err(no_end(card.line));
                }
            }
            Some(card) if end => {
                if card.nested > 0 {
                    card.nested -= 1;
                } else {
                    cards.push(build_card(card.line, &card.props));
                    open = None;
                }
            }
            Some(card) if card.nested == 0 => card.props.push(prop),
            Some(_) => {}
        }
    }
    if let Some(card) = open {
        return Err(no_end(card.line));
    }
    if cards.is_empty() {
        return Err(VcardError::new(1, "error-vcard-none"));
    }
    Ok(cards)
}

fn no_end(line: usize) -> VcardError {
    VcardError::new(line, "error-vcard-no-end")
}

struct OpenCard<'a> {
    line: usize,
    props: Vec<Prop<'a>>,
    /// Depth inside a card carried by a 2.1 `AGENT` (its properties are not ours).
    nested: usize,
}

/// A file in UTF-16 (with its byte order mark) as UTF-8; any other file as it is.
fn transcode_utf16(bytes: &[u8]) -> Cow<'_, [u8]> {
    let Some((encoding, rest)) = super::encoding::utf16_by_bom(bytes) else {
        return Cow::Borrowed(bytes);
    };
    let (text, _) = encoding.decode_without_bom_handling(rest);
    Cow::Owned(text.into_owned().into_bytes())
}

/// Lines end in LF (with or without CR); a file without any LF has CR line ends.
fn line_separator(data: &[u8]) -> u8 {
    if data.contains(&b'\n') { b'\n' } else { b'\r' }
}

/// The 1-based line of the byte at `at`.
fn line_of(data: &[u8], at: usize) -> usize {
    let sep = line_separator(data);
    let before = data.get(..at).unwrap_or(data);
    before.iter().filter(|&&b| b == sep).count() + 1
}

/// A content line after unfolding.
struct Logical {
    /// The physical line it starts on.
    line: usize,
    bytes: Vec<u8>,
    /// Whether its value is quoted-printable; `None` while the `:` is not yet seen.
    qp: Option<bool>,
    /// Where the quoted-printable soft break (`=`, maybe followed by spaces) that ends its
    /// last physical line starts, if it has one.
    soft_break: Option<usize>,
}

impl Logical {
    fn new(line: usize, raw: &[u8]) -> Self {
        let mut logical = Self {
            line,
            bytes: Vec::new(),
            qp: None,
            soft_break: None,
        };
        logical.append(raw);
        logical
    }

    fn append(&mut self, chunk: &[u8]) {
        self.bytes.extend_from_slice(chunk);
        if self.qp.is_none() && chunk.contains(&b':') {
            self.qp = Some(Prop::parse(&self.bytes).is_some_and(|p| p.is_quoted_printable()));
        }
        let body = chunk.trim_ascii_end();
        self.soft_break = (self.qp == Some(true) && body.last() == Some(&b'='))
            .then(|| self.bytes.len() - (chunk.len() - body.len()) - 1);
    }
}

/// Physical lines joined into content lines: a line starting with a space or tab continues
/// the one before (the one whitespace removed); after a quoted-printable line ending in
/// `=`, the next line continues it as it is.
fn unfold(data: &[u8]) -> Result<Vec<Logical>, VcardError> {
    let sep = line_separator(data);
    let mut out: Vec<Logical> = Vec::new();
    for (index, raw) in data.split(|&b| b == sep).enumerate() {
        let number = index + 1;
        let mut raw = raw;
        while let [rest @ .., b'\r'] = raw {
            raw = rest;
        }
        if raw.len() > MAX_LINE {
            return Err(VcardError::new(number, "error-vcard-line-too-long"));
        }
        if let Some(current) = out.last_mut() {
            if let Some(cut) = current.soft_break.filter(|_| !is_card_boundary(raw)) {
                current.bytes.truncate(cut);
                current.append(raw);
                continue;
            }
            if let [b' ' | b'\t', rest @ ..] = raw {
                current.append(rest);
                continue;
            }
        }
        if raw.trim_ascii().is_empty() {
            continue;
        }
        out.push(Logical::new(number, raw));
    }
    Ok(out)
}

/// `BEGIN:VCARD` or `END:VCARD`, which a dangling soft break must not swallow.
fn is_card_boundary(raw: &[u8]) -> bool {
    let raw = raw.trim_ascii();
    raw.eq_ignore_ascii_case(b"BEGIN:VCARD") || raw.eq_ignore_ascii_case(b"END:VCARD")
}

/// The version of a card, which decides how its text is escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Version {
    V21,
    V30,
    V40,
}

/// One property: `[group.]NAME;PARAM=VALUE;BARE:value`, still in bytes.
struct Prop<'a> {
    /// Upper case, without the group.
    name: String,
    /// The group (`item1` of Apple's `item1.EMAIL`), upper case, if any.
    group: Option<String>,
    /// Parameter names in upper case; a 2.1 bare parameter is a `TYPE` (or an `ENCODING`
    /// for `QUOTED-PRINTABLE`, `BASE64`, `8BIT`); quotes removed from values.
    params: Vec<(String, Vec<u8>)>,
    value: &'a [u8],
}

impl<'a> Prop<'a> {
    fn parse(line: &'a [u8]) -> Option<Self> {
        Self::parse_with(line, true).or_else(|| Self::parse_with(line, false))
    }

    /// `quotes`: whether `"` quotes parameter values (a second try without, for a stray
    /// quote that is never closed).
    fn parse_with(line: &'a [u8], quotes: bool) -> Option<Self> {
        let name_end = line.iter().position(|&b| b == b';' || b == b':')?;
        let name = line.get(..name_end)?.trim_ascii();
        let name_ok = name
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'));
        if name.is_empty() || !name_ok {
            return None;
        }
        let (group, name) = match name.iter().rposition(|&b| b == b'.') {
            Some(dot) => (
                Some(String::from_utf8_lossy(&name[..dot]).to_ascii_uppercase()),
                &name[dot + 1..],
            ),
            None => (None, name),
        };
        let name = String::from_utf8_lossy(name).to_ascii_uppercase();

        let mut params = Vec::new();
        let mut at = name_end;
        loop {
            match line.get(at) {
                Some(b':') => {
                    let value = line.get(at + 1..).unwrap_or_default();
                    return Some(Self {
                        name,
                        group,
                        params,
                        value,
                    });
                }
                Some(b';') => {
                    let start = at + 1;
                    let mut end = start;
                    let mut quoted = false;
                    loop {
                        match line.get(end) {
                            None => return None,
                            Some(b'"') if quotes => quoted = !quoted,
                            Some(b';' | b':') if !quoted => break,
                            _ => {}
                        }
                        end += 1;
                    }
                    if let Some(param) = line.get(start..end).and_then(parse_param) {
                        params.push(param);
                    }
                    at = end;
                }
                _ => return None,
            }
        }
    }

    fn is(&self, keyword: &str) -> bool {
        self.value.trim_ascii().eq_ignore_ascii_case(b"VCARD") && self.name == keyword
    }

    fn param(&self, name: &str) -> Option<&[u8]> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_slice())
    }

    fn param_is(&self, name: &str, value: &str) -> bool {
        self.param(name)
            .is_some_and(|v| v.trim_ascii().eq_ignore_ascii_case(value.as_bytes()))
    }

    /// Every `TYPE` value, upper case (`TYPE=WORK,VOICE`, `TYPE=WORK;TYPE=VOICE`, 2.1 bare).
    fn types(&self) -> Vec<String> {
        self.params
            .iter()
            .filter(|(n, _)| n == "TYPE")
            .flat_map(|(_, v)| v.split(|&b| b == b','))
            .map(|v| String::from_utf8_lossy(v.trim_ascii()).to_ascii_uppercase())
            .filter(|v| !v.is_empty())
            .collect()
    }

    fn has_type(&self, types: &[&str]) -> bool {
        self.types().iter().any(|t| types.contains(&t.as_str()))
    }

    /// Marked preferred: `TYPE=PREF` (2.1 and 3.0) or `PREF=1` (4.0).
    fn is_preferred(&self) -> bool {
        self.has_type(&["PREF"]) || self.param("PREF").is_some()
    }

    fn is_quoted_printable(&self) -> bool {
        self.param_is("ENCODING", "QUOTED-PRINTABLE") || self.param_is("ENCODING", "QP")
    }

    /// The value's bytes with the transfer encoding undone. Quoted-printable that is not
    /// valid stays as written; base64 that is not valid is kept as written.
    fn value_bytes(&self) -> Cow<'a, [u8]> {
        if self.is_quoted_printable() {
            Cow::Owned(qp_decode(self.value))
        } else if self.param_is("ENCODING", "B") || self.param_is("ENCODING", "BASE64") {
            base64_decode(self.value).map_or(Cow::Borrowed(self.value), Cow::Owned)
        } else {
            Cow::Borrowed(self.value)
        }
    }

    /// The value as text (still escaped).
    fn text(&self) -> String {
        decode_text(&self.value_bytes(), self.param("CHARSET"))
    }

    /// A parameter as a list of text values (`SORT-AS="なかむら,しょう"`).
    fn param_list(&self, name: &str, version: Version) -> Vec<String> {
        let Some(raw) = self.param(name) else {
            return Vec::new();
        };
        let text = decode_text(raw, self.param("CHARSET"));
        let text = if version == Version::V21 {
            text
        } else {
            caret_decode(&text)
        };
        text.split(',').map(clean).collect()
    }
}

fn parse_param(raw: &[u8]) -> Option<(String, Vec<u8>)> {
    let raw = raw.trim_ascii();
    if raw.is_empty() {
        return None;
    }
    match raw.iter().position(|&b| b == b'=') {
        Some(eq) => {
            let name = raw.get(..eq)?.trim_ascii();
            let value = raw.get(eq + 1..)?;
            Some((
                String::from_utf8_lossy(name).to_ascii_uppercase(),
                value.iter().copied().filter(|&b| b != b'"').collect(),
            ))
        }
        None => {
            let upper = raw.to_ascii_uppercase();
            let name = match upper.as_slice() {
                b"QUOTED-PRINTABLE" | b"BASE64" | b"8BIT" | b"7BIT" => "ENCODING",
                _ => "TYPE",
            };
            Some((name.to_string(), raw.to_vec()))
        }
    }
}

fn hex_digit(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'A'..=b'F' => Some(b - b'A' + 10),
        b'a'..=b'f' => Some(b - b'a' + 10),
        _ => None,
    }
}

/// Quoted-printable: `=XX` is a byte; an `=` that starts no valid pair stays as it is.
fn qp_decode(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut rest = input;
    while let Some((&b, tail)) = rest.split_first() {
        if b == b'=' {
            if let [high, low, after @ ..] = tail
                && let (Some(high), Some(low)) = (hex_digit(*high), hex_digit(*low))
            {
                out.push((high << 4) | low);
                rest = after;
                continue;
            }
            if tail.is_empty() {
                // A soft break at the very end of the value.
                break;
            }
        }
        out.push(b);
        rest = tail;
    }
    out
}

/// Base64 (standard or URL alphabet, whitespace ignored); `None` when it is not base64.
fn base64_decode(input: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len() / 4 * 3);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &b in input {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            b if b.is_ascii_whitespace() => continue,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xFF) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

fn is_shift_jis_label(label: &[u8]) -> bool {
    const LABELS: &[&[u8]] = &[
        b"SHIFT_JIS",
        b"SHIFT-JIS",
        b"SJIS",
        b"CP932",
        b"MS932",
        b"WINDOWS-31J",
        b"X-SJIS",
        b"MS_KANJI",
        b"CSSHIFTJIS",
    ];
    LABELS.iter().any(|l| l.eq_ignore_ascii_case(label))
}

/// Bytes to text by their `CHARSET`. Without one: UTF-8 when the bytes are valid UTF-8,
/// else Shift_JIS (Japanese phones write raw Shift_JIS). A value that its declared UTF-8 or
/// Shift_JIS cannot decode but the other one can (a mislabelled card) is read by the other.
fn decode_text(bytes: &[u8], charset: Option<&[u8]>) -> String {
    let label = charset.map(<[u8]>::trim_ascii).unwrap_or_default();
    let encoding = if label.is_empty() {
        None
    } else if is_shift_jis_label(label) {
        Some(SHIFT_JIS)
    } else {
        Encoding::for_label(label)
    };
    let Some(encoding) = encoding else {
        return match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => SHIFT_JIS.decode_without_bom_handling(bytes).0.into_owned(),
        };
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        if encoding == UTF_8 {
            let (sjis, sjis_errors) = SHIFT_JIS.decode_without_bom_handling(bytes);
            if !sjis_errors {
                return sjis.into_owned();
            }
        } else if encoding == SHIFT_JIS
            && let Ok(utf8) = std::str::from_utf8(bytes)
        {
            return utf8.to_owned();
        }
    }
    text.into_owned()
}

/// RFC 6868 parameter escapes: `^n` newline, `^'` double quote, `^^` caret.
fn caret_decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '^' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some('\'') => out.push('"'),
            Some('^') => out.push('^'),
            Some(other) => {
                out.push('^');
                out.push(other);
            }
            None => out.push('^'),
        }
    }
    out
}

/// Undoes text escapes: in 3.0/4.0 `\n` `\N` (newline), `\,` `\;` `\\` and `\:` (which some
/// address books write in URLs); in 2.1 only `\;`. Any other backslash stays.
fn unescape(s: &str, version: Version) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match (version, chars.next()) {
            (_, None) => out.push('\\'),
            (_, Some(';')) => out.push(';'),
            (Version::V30 | Version::V40, Some('n' | 'N')) => out.push('\n'),
            (Version::V30 | Version::V40, Some(c @ (',' | '\\' | ':'))) => out.push(c),
            (_, Some(other)) => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    out
}

/// Splits on each `sep` that is not escaped, then unescapes the parts.
fn split_escaped(s: &str, sep: char, version: Version) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            current.push(c);
            if let Some(next) = chars.next() {
                current.push(next);
            }
        } else if c == sep {
            parts.push(unescape(&current, version));
            current.clear();
        } else {
            current.push(c);
        }
    }
    parts.push(unescape(&current, version));
    parts
}

/// Text made safe to store and to write: CRLF and CR become LF, tab a space, other control
/// characters (terminal escapes among them) are dropped, and the ends trimmed.
fn clean(s: &str) -> String {
    let s = s.replace("\r\n", "\n");
    let kept: String = s
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    kept.trim().to_string()
}

/// `Some` cleaned text, `None` when nothing is left.
fn non_empty(s: &str) -> Option<String> {
    Some(clean(s)).filter(|s| !s.is_empty())
}

fn has_kana(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c,
            '\u{3041}'..='\u{309F}' // hiragana
            | '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' // katakana
            | '\u{FF66}'..='\u{FF9F}' // half-width katakana
        )
    })
}

/// A name written in one piece, split into (family, given) at whitespace.
fn split_reading(s: &str) -> Pair {
    let mut words = s.split_whitespace();
    let first = words.next().and_then(non_empty);
    let rest = words.collect::<Vec<_>>().join(" ");
    (first, non_empty(&rest))
}

/// `ADR` parts (pobox; extended; street; locality; region; postal code; country).
fn address_parts(parts: &[String]) -> AddressParts {
    let part = |i: usize| parts.get(i).map(|p| clean(p)).unwrap_or_default();
    AddressParts {
        po_box: part(0),
        extended: part(1),
        street: vec![part(2)],
        city: part(3),
        region: part(4),
        postal_code: part(5),
        country: part(6),
        ..AddressParts::default()
    }
}

fn version_of(props: &[Prop<'_>]) -> Version {
    let version = props
        .iter()
        .find(|p| p.name == "VERSION")
        .map(|p| p.value.trim_ascii());
    match version {
        Some(b"2.1") => Version::V21,
        Some(b"4.0") => Version::V40,
        _ => Version::V30,
    }
}

fn set_first(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        *slot = value;
    }
}

/// Two parts of a value: (family, given) names, (company, department), (postal code,
/// address).
type Pair = (Option<String>, Option<String>);

/// What a card says, gathered property by property, then settled in [`Gathered::finish`].
#[derive(Default)]
struct Gathered {
    uid: Option<String>,
    formatted_name: Option<String>,
    name: Option<Pair>,
    name_sort_as: Vec<String>,
    phonetic_family: Option<String>,
    phonetic_given: Option<String>,
    irmc_reading: Option<Vec<String>>,
    sort_string: Option<String>,
    org: Option<Pair>,
    org_sort_as: Option<String>,
    phonetic_org: Option<String>,
    title: Option<String>,
    shows_as_company: bool,
    /// The card is leadtrack's own export (its `PRODID`): its escapes are leadtrack's.
    ours: bool,
    /// Apple's labels of grouped properties (`item1.X-ABLabel:_$!<Mobile>!$_`), by group.
    labels: Vec<(String, String)>,
    urls: Vec<(ContactValue, bool)>,
    emails: Vec<ContactValue>,
    phones: Vec<ContactValue>,
    /// (the address, kind, marked preferred, a work address)
    addresses: Vec<(AddressParts, ValueKind, bool, bool)>,
    other_companies: Vec<ContactValue>,
    notes: Vec<String>,
    /// Properties with no field of their own (`BDAY`, `NICKNAME`, `X-CUSTOM1`), kept in the
    /// notes as `NAME: value` so nothing on the card is lost.
    kept: Vec<String>,
    tags: Vec<String>,
    exchanged_on: Option<NaiveDate>,
    exchanged_at: Option<String>,
}

/// Properties that say nothing about the person a rep needs to keep: the file's own
/// bookkeeping, pictures, what other properties already hold, and address books' layout.
const HOUSEKEEPING: &[&str] = &[
    "BEGIN",
    "END",
    "VERSION",
    "PRODID",
    "REV",
    "UID",
    "FN",
    "N",
    "SORT-STRING",
    "LABEL",
    "PHOTO",
    "LOGO",
    "KEY",
    "SOUND",
    "AGENT",
    "CLIENTPIDMAP",
    "X-ABADR",
    "X-ABLABEL",
    "X-ABSHOWAS",
    "X-ABUID",
    "X-MS-OL-DESIGN",
    "X-MS-OL-DEFAULT-POSTAL-ADDRESS",
    "X-CLASS",
    "X-REDUCTION",
    "X-NO",
    "X-DCM-HMN-MODE",
    "X-PHONETIC-MIDDLE-NAME",
    "X-PRONUNCIATION-FIRST-NAME",
    "X-PRONUNCIATION-MIDDLE-NAME",
    "X-PRONUNCIATION-LAST-NAME",
    "X-PRONUNCIATION-ORG",
    "X-APPLE-SUBLOCALITY",
    "X-APPLE-SUBADMINISTRATIVEAREA",
    "X-APPLE-OMIT-YEAR",
];

/// Google's own groups among a card's categories: every contact is in `myContacts`.
const SYSTEM_GROUPS: &[&str] = &["myContacts", "starred"];

fn build_card(line: usize, props: &[Prop<'_>]) -> Card {
    let version = version_of(props);
    let mut gathered = Gathered {
        ours: props
            .iter()
            .any(|p| p.name == "PRODID" && p.value.starts_with(PRODID.as_bytes())),
        ..Gathered::default()
    };
    // Labels first: Apple writes a group's label after the property it names.
    for prop in props.iter().filter(|p| p.name == "X-ABLABEL") {
        if let Some(group) = &prop.group {
            let label = unescape(&prop.text(), version);
            let label = label
                .trim()
                .trim_start_matches("_$!<")
                .trim_end_matches(">!$_")
                .to_string();
            gathered.labels.push((group.clone(), label));
        }
    }
    for prop in props {
        gathered.take(prop, version);
    }
    gathered.finish(line)
}

/// The kind the `TYPE`s of a `TEL` say, if they say one.
fn tel_kind(prop: &Prop<'_>) -> Option<ValueKind> {
    if prop.has_type(&["FAX"]) {
        Some(ValueKind::Fax)
    } else if prop.has_type(&["CELL", "MOBILE", "IPHONE"]) {
        Some(ValueKind::Mobile)
    } else if prop.has_type(&["HOME"]) {
        Some(ValueKind::Home)
    } else if prop.has_type(&["WORK", "MAIN", "COMPANY", "X-COMPANY_MAIN"]) {
        Some(ValueKind::Work)
    } else if prop.has_type(&["PAGER", "OTHER"]) {
        Some(ValueKind::Other)
    } else {
        None
    }
}

/// The kind the `TYPE`s of an `EMAIL`, `ADR` or `URL` say, if they say one (a phone's mail
/// address is `CELL`).
fn place_kind(prop: &Prop<'_>) -> Option<ValueKind> {
    if prop.has_type(&["CELL", "MOBILE", "X-MOBILE"]) {
        Some(ValueKind::Mobile)
    } else if prop.has_type(&["HOME"]) {
        Some(ValueKind::Home)
    } else if prop.has_type(&["WORK"]) {
        Some(ValueKind::Work)
    } else if prop.has_type(&["OTHER"]) {
        Some(ValueKind::Other)
    } else {
        None
    }
}

impl Gathered {
    /// The kind a grouped property's label says (`_$!<Mobile>!$_`, a custom `携帯`).
    fn label_kind(&self, prop: &Prop<'_>) -> Option<ValueKind> {
        let group = prop.group.as_ref()?;
        let (_, label) = self.labels.iter().find(|(g, _)| g == group)?;
        ValueKind::parse(label).or(Some(ValueKind::Other))
    }

    fn take(&mut self, prop: &Prop<'_>, version: Version) {
        let text = || unescape(&prop.text(), version);
        let parts = || split_escaped(&prop.text(), ';', version);
        match prop.name.as_str() {
            "UID" => {
                let uid = text();
                let uid = uid.trim();
                let uid = match uid.get(..9) {
                    Some(p) if p.eq_ignore_ascii_case("urn:uuid:") => uid.get(9..).unwrap_or(""),
                    _ => uid,
                };
                set_first(&mut self.uid, non_empty(uid));
            }
            "FN" => set_first(&mut self.formatted_name, non_empty(&text())),
            "N" if self.name.is_none() => {
                let parts = parts();
                let family = parts.first().and_then(|p| non_empty(p));
                let given = parts.get(1).and_then(|p| non_empty(p));
                if family.is_some() || given.is_some() {
                    self.name = Some((family, given));
                    self.name_sort_as = prop.param_list("SORT-AS", version);
                }
            }
            "X-PHONETIC-LAST-NAME" => set_first(&mut self.phonetic_family, non_empty(&text())),
            "X-PHONETIC-FIRST-NAME" => set_first(&mut self.phonetic_given, non_empty(&text())),
            "SOUND" if self.irmc_reading.is_none() && prop.has_type(&["X-IRMC-N"]) => {
                let parts: Vec<String> = parts().iter().map(|p| clean(p)).collect();
                if parts.iter().any(|p| !p.is_empty()) {
                    self.irmc_reading = Some(parts);
                }
            }
            "SORT-STRING" => set_first(&mut self.sort_string, non_empty(&text())),
            "ORG" if self.org.is_none() => {
                let mut parts = parts();
                // Android 3.0 escapes the separator of company and department (`A\;B`).
                if !self.ours
                    && parts.iter().skip(1).all(|p| p.trim().is_empty())
                    && let Some((company, department)) = parts
                        .first()
                        .and_then(|p| p.split_once(';'))
                        .filter(|(c, d)| !c.trim().is_empty() && !d.trim().is_empty())
                {
                    parts = vec![company.to_string(), department.to_string()];
                }
                let company = parts.first().and_then(|p| non_empty(p));
                let departments: Vec<String> =
                    parts.iter().skip(1).filter_map(|p| non_empty(p)).collect();
                let department = non_empty(&departments.join(" "));
                if company.is_some() || department.is_some() {
                    self.org = Some((company, department));
                    self.org_sort_as = prop
                        .param_list("SORT-AS", version)
                        .into_iter()
                        .find(|s| !s.is_empty());
                }
            }
            "X-LEADTRACK-OTHER-COMPANY" => {
                if let Some(company) = non_empty(&text()) {
                    let kind = place_kind(prop).unwrap_or(ValueKind::Other);
                    self.other_companies.push(ContactValue::new(&company, kind));
                }
            }
            "KIND" => {
                self.shows_as_company |= text().trim().eq_ignore_ascii_case("org");
            }
            "X-PHONETIC-ORG" => set_first(&mut self.phonetic_org, non_empty(&text())),
            "X-ABSHOWAS" => {
                self.shows_as_company |= text().trim().eq_ignore_ascii_case("COMPANY");
            }
            "TITLE" => match (&self.title, non_empty(&text())) {
                (None, title) => self.title = title,
                // Android writes one TITLE for each of several ORGs: the others are kept.
                (Some(first), Some(title)) if *first != title => {
                    self.kept.push(format!("TITLE: {title}"));
                }
                _ => {}
            },
            "URL" => {
                if let Some(url) = non_empty(&text()) {
                    let kind = place_kind(prop)
                        .or_else(|| self.label_kind(prop))
                        .unwrap_or(ValueKind::Other);
                    self.urls
                        .push((ContactValue::new(&url, kind), prop.is_preferred()));
                }
            }
            "EMAIL" => {
                if let Some(email) = non_empty(&text()) {
                    let kind = place_kind(prop)
                        .or_else(|| self.label_kind(prop))
                        .unwrap_or(ValueKind::Other);
                    let mut value = ContactValue::new(&email, kind);
                    value.preferred = prop.is_preferred();
                    self.emails.push(value);
                }
            }
            "TEL" => {
                let number = text();
                let number = number.trim();
                let number = match number.get(..4) {
                    Some(scheme) if scheme.eq_ignore_ascii_case("tel:") => {
                        number.get(4..).unwrap_or("")
                    }
                    _ => number,
                };
                if let Some(number) = non_empty(number) {
                    let kind = tel_kind(prop)
                        .or_else(|| self.label_kind(prop))
                        .unwrap_or(ValueKind::Other);
                    let mut value = ContactValue::new(&number, kind);
                    value.preferred = prop.is_preferred();
                    self.phones.push(value);
                }
            }
            "ADR" => {
                let address = address_parts(&parts());
                if !address.is_empty() {
                    let typed = place_kind(prop);
                    let kind = typed
                        .or_else(|| self.label_kind(prop))
                        .unwrap_or(ValueKind::Other);
                    self.addresses.push((
                        address,
                        kind,
                        prop.is_preferred(),
                        typed == Some(ValueKind::Work),
                    ));
                }
            }
            "NOTE" => self.notes.extend(non_empty(&text())),
            "CATEGORIES" => {
                let text = prop.text();
                let tags = split_escaped(&text, ',', version);
                let tags = tags.iter().flat_map(|t| {
                    // 2.1 writers also separate categories with `;`.
                    if version == Version::V21 {
                        t.split(';').map(str::to_string).collect()
                    } else {
                        vec![t.clone()]
                    }
                });
                self.tags.extend(
                    tags.filter_map(|t| non_empty(&t))
                        .filter(|t| !SYSTEM_GROUPS.contains(&t.as_str())),
                );
            }
            "X-LEADTRACK-EXCHANGED-ON" if self.exchanged_on.is_none() => {
                let date = text();
                let date = date.trim();
                self.exchanged_on = NaiveDate::parse_from_str(date, "%Y-%m-%d")
                    .or_else(|_| NaiveDate::parse_from_str(date, "%Y%m%d"))
                    .ok();
            }
            "X-LEADTRACK-EXCHANGED-AT" => set_first(&mut self.exchanged_at, non_empty(&text())),
            "X-ANDROID-CUSTOM" => {
                // `vnd.android.cursor.item/nickname;ケンさん;1;;...`: the kind of data, then
                // its value.
                let parts = parts();
                let kind = parts
                    .first()
                    .and_then(|k| k.rsplit('/').next())
                    .map(|k| k.trim().to_ascii_uppercase())
                    .filter(|k| !k.is_empty());
                if let (Some(kind), Some(value)) = (kind, parts.get(1).and_then(|v| non_empty(v))) {
                    self.kept.push(format!("{kind}: {value}"));
                }
            }
            name if HOUSEKEEPING.contains(&name)
                || name.starts_with("X-LEADTRACK-")
                || name.starts_with("X-ADDRESSBOOKSERVER-") => {}
            name => {
                let value = parts()
                    .iter()
                    .filter_map(|p| non_empty(p))
                    .collect::<Vec<_>>()
                    .join(" ");
                if !value.is_empty() {
                    self.kept.push(format!("{name}: {value}"));
                }
            }
        }
    }

    fn finish(self, line: usize) -> Card {
        let (company, department) = self.org.clone().unwrap_or_default();
        let first_email = crate::model::contact_value::preferred_among(&self.emails, |_| true)
            .map(|v| v.value.clone());

        let (mut family_name, mut given_name) = self.name.clone().unwrap_or_default();
        if family_name.is_none() && given_name.is_none() {
            // No N: the FN, unless it is the company or the address (a card for a company).
            let formatted = self
                .formatted_name
                .as_ref()
                .filter(|f| Some(*f) != company.as_ref() && Some(*f) != first_email.as_ref());
            if let Some(formatted) = formatted {
                let words: Vec<&str> = formatted.split_whitespace().collect();
                if is_japanese(formatted) {
                    family_name = words.first().and_then(|w| non_empty(w));
                    given_name = words.get(1..).and_then(|w| non_empty(&w.join(" ")));
                } else if let Some((last, rest)) = words.split_last() {
                    family_name = non_empty(last);
                    given_name = non_empty(&rest.join(" "));
                }
            }
        }

        let japanese_name = [&family_name, &given_name]
            .into_iter()
            .flatten()
            .any(|n| is_japanese(n));
        let (mut family_reading, mut given_reading) =
            if self.phonetic_family.is_some() || self.phonetic_given.is_some() {
                (self.phonetic_family, self.phonetic_given)
            } else if let Some(parts) = self.irmc_reading {
                let family = parts.first().and_then(|p| non_empty(p));
                let given = parts.get(1).and_then(|p| non_empty(p));
                match (family, given) {
                    (Some(family), None) => split_reading(&family),
                    pair => pair,
                }
            } else if self.name_sort_as.iter().any(|s| !s.is_empty())
                && (has_kana(&self.name_sort_as.concat()) || japanese_name)
            {
                let family = self.name_sort_as.first().and_then(|p| non_empty(p));
                let given = self.name_sort_as.get(1).and_then(|p| non_empty(p));
                match (family, given) {
                    (Some(family), None) => split_reading(&family),
                    pair => pair,
                }
            } else if let Some(sort) = self.sort_string.filter(|s| has_kana(s)) {
                split_reading(&sort)
            } else {
                (None, None)
            };
        // Japanese phones write the whole name in N's family part (`N:能勢 聡子;;;;`): split
        // at the space, as its reading is. leadtrack's own cards say what they mean.
        if given_name.is_none()
            && !self.ours
            && let Some(whole) = family_name.clone().filter(|f| is_japanese(f))
        {
            let (family, given) = split_reading(&whole);
            if given.is_some() {
                family_name = family;
                given_name = given;
                if given_reading.is_none()
                    && let Some(reading) = family_reading.clone()
                {
                    let (f, g) = split_reading(&reading);
                    if g.is_some() {
                        family_reading = f;
                        given_reading = g;
                    }
                }
            }
        }

        let company_reading = self.phonetic_org.or_else(|| {
            self.org_sort_as
                .filter(|reading| has_kana(reading) || company.as_deref().is_some_and(is_japanese))
        });
        // The card's main address: the preferred one, else the first work one, else the
        // first; the others are kept as further addresses.
        let main = self
            .addresses
            .iter()
            .position(|(_, _, preferred, _)| *preferred)
            .or_else(|| self.addresses.iter().position(|(_, _, _, work)| *work))
            .unwrap_or(0);
        let mut postal_code = None;
        let mut address = None;
        let mut other_addresses = Vec::new();
        for (i, (parts, kind, _, _)) in self.addresses.into_iter().enumerate() {
            if i == main {
                postal_code = parts.postal();
                address = parts.address_line();
            } else if let Some(text) = parts.full_line() {
                other_addresses.push(ContactValue::new(&text, kind));
            }
        }
        let main_url = self
            .urls
            .iter()
            .position(|(_, preferred)| *preferred)
            .unwrap_or(0);
        let mut url = None;
        let mut other_urls = Vec::new();
        for (i, (value, _)) in self.urls.into_iter().enumerate() {
            if i == main_url {
                url = Some(value.value);
            } else {
                other_urls.push(value);
            }
        }
        // One preferred value per slot: the one marked, else the first.
        let list = |channel: Channel, values: Vec<ContactValue>| {
            (!values.is_empty()).then(|| settle(channel, &values))
        };

        // No person: the address book says the card shows as the company, or its display
        // name is the company's, or it has none (Android writes no N and no FN then).
        let shown_as_company = self.shows_as_company
            || self.formatted_name.is_none()
            || self.formatted_name == company;
        let fields = ContactFields {
            family_name,
            given_name,
            family_reading,
            given_reading,
            company,
            company_reading,
            department,
            title: self.title,
            emails: list(Channel::Email, self.emails),
            phones: list(Channel::Phone, self.phones),
            postal_code,
            address,
            url,
            other_addresses: list(Channel::Address, other_addresses),
            other_urls: list(Channel::Url, other_urls),
            other_companies: list(Channel::Company, self.other_companies),
            exchanged_on: self.exchanged_on,
            exchanged_at: self.exchanged_at,
            exchanged_by: None,
            notes: non_empty(
                &self
                    .notes
                    .iter()
                    .chain(&self.kept)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            tags: (!self.tags.is_empty()).then_some(self.tags),
            no_mail_on: None,
        };
        Card {
            line,
            uid: self.uid,
            is_company: shown_as_company && fields.has_company_only(),
            fields,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------

/// Writes contacts as vCards: CRLF line ends, lines folded at 75 octets, text escaped,
/// control characters dropped. `name_order` decides how the `FN` (display name) reads.
pub fn write(contacts: &[Contact], version: VcardVersion, name_order: NameOrder) -> String {
    let mut out = String::new();
    for contact in contacts {
        write_card(&mut out, contact, version, name_order);
    }
    out
}

fn write_card(out: &mut String, c: &Contact, version: VcardVersion, order: NameOrder) {
    let v4 = version == VcardVersion::V4;
    let text = |s: &Option<String>| clean(s.as_deref().unwrap_or(""));

    push_line(out, "BEGIN:VCARD");
    push_line(out, if v4 { "VERSION:4.0" } else { "VERSION:3.0" });
    push_property(out, "PRODID", PRODID);
    // A company's own card (no person on it), as address books mark one.
    let company_card = c.has_company_only();
    if company_card && v4 {
        push_property(out, "KIND", "org");
    }

    let id = clean(&c.id);
    if !id.is_empty() {
        if !v4 {
            push_property(out, "UID", &escape(&id));
        } else if uuid::Uuid::parse_str(&id).is_ok() {
            push_property(out, "UID", &format!("urn:uuid:{id}"));
        } else {
            push_property(out, "UID;VALUE=text", &escape(&id));
        }
    }

    let family = text(&c.family_name);
    let given = text(&c.given_name);
    let family_reading = text(&c.family_reading);
    let given_reading = text(&c.given_reading);
    let company = text(&c.company);
    let company_reading = text(&c.company_reading);
    let department = text(&c.department);
    let email = text(&c.email);

    // FN is required: the name, else the company, else the address.
    let display = clean(&display_name(Some(&family), Some(&given), order));
    let display = [display, company.clone(), email.clone()]
        .into_iter()
        .find(|s| !s.is_empty())
        .unwrap_or_default();
    push_property(out, "FN", &escape(&display));

    // N is required in 3.0, optional in 4.0.
    if !v4 || !family.is_empty() || !given.is_empty() {
        let mut head = String::from("N");
        if v4 && (!family_reading.is_empty() || !given_reading.is_empty()) {
            head.push_str(&sort_as(&[&family_reading, &given_reading]));
        }
        let value = format!("{};{};;;", escape(&family), escape(&given));
        push_property(out, &head, &value);
    }
    push_text(out, "X-PHONETIC-LAST-NAME", &family_reading);
    push_text(out, "X-PHONETIC-FIRST-NAME", &given_reading);

    if !company.is_empty() || !department.is_empty() {
        let mut head = String::from("ORG");
        if v4 && !company_reading.is_empty() {
            head.push_str(&sort_as(&[&company_reading]));
        }
        let mut value = escape(&company);
        if !department.is_empty() {
            value.push(';');
            value.push_str(&escape(&department));
        }
        push_property(out, &head, &value);
    }
    push_text(out, "X-PHONETIC-ORG", &company_reading);
    push_text(out, "TITLE", &text(&c.title));
    for company in &c.other_companies {
        let head = typed_head(
            "X-LEADTRACK-OTHER-COMPANY",
            kind_type(company.kind),
            false,
            v4,
        );
        push_text(out, &head, &clean(&company.value));
    }
    for email in &c.emails {
        let value = clean(&email.value);
        if value.is_empty() {
            continue;
        }
        // A phone's mail address: vCard has no type for it; x-mobile is what Android
        // (DAVx5) writes.
        let kind = match email.kind {
            ValueKind::Work => Some("work"),
            ValueKind::Home => Some("home"),
            ValueKind::Mobile => Some("x-mobile"),
            ValueKind::Fax | ValueKind::Other => None,
        };
        push_text(out, &typed_head("EMAIL", kind, email.preferred, v4), &value);
    }

    for phone in &c.phones {
        let number = clean(&phone.value);
        if number.is_empty() {
            continue;
        }
        let types = match phone.kind {
            ValueKind::Work => "work,voice",
            ValueKind::Home => "home,voice",
            ValueKind::Mobile => "cell",
            ValueKind::Fax => "fax",
            ValueKind::Other => "voice",
        };
        if v4 && is_tel_uri(&number) {
            push_property(
                out,
                &typed_head("TEL;VALUE=uri", Some(types), phone.preferred, v4),
                &format!("tel:{number}"),
            );
        } else {
            push_text(
                out,
                &typed_head("TEL", Some(types), phone.preferred, v4),
                &number,
            );
        }
    }

    let address = text(&c.address);
    let postal_code = text(&c.postal_code);
    if !address.is_empty() || !postal_code.is_empty() {
        // The whole address in the street part: it is kept as the card gave it.
        let value = format!(";;{};;;{};", escape(&address), escape(&postal_code));
        push_property(out, "ADR;TYPE=work", &value);
    }
    for other in &c.other_addresses {
        let line = clean(&other.value);
        if !line.is_empty() {
            let head = typed_head("ADR", kind_type(other.kind), false, v4);
            push_property(out, &head, &format!(";;{};;;;", escape(&line)));
        }
    }

    let url = text(&c.url);
    if !url.is_empty() {
        push_property(out, "URL", &uri_text(&url));
    }
    for other in &c.other_urls {
        let url = clean(&other.value);
        if !url.is_empty() {
            let head = typed_head("URL", kind_type(other.kind), false, v4);
            push_property(out, &head, &uri_text(&url));
        }
    }
    push_text(out, "NOTE", &text(&c.notes));
    let tags: Vec<String> = c
        .tags
        .iter()
        .map(|t| clean(t))
        .filter(|t| !t.is_empty())
        .map(|t| escape(&t))
        .collect();
    if !tags.is_empty() {
        push_property(out, "CATEGORIES", &tags.join(","));
    }
    if let Some(date) = c.exchanged_on {
        push_property(
            out,
            "X-LEADTRACK-EXCHANGED-ON",
            &date.format("%Y-%m-%d").to_string(),
        );
    }
    push_text(out, "X-LEADTRACK-EXCHANGED-AT", &text(&c.exchanged_at));
    if company_card {
        push_property(out, "X-ABShowAs", "COMPANY");
    }
    push_property(
        out,
        "REV",
        &c.updated_at.format("%Y%m%dT%H%M%SZ").to_string(),
    );
    push_line(out, "END:VCARD");
}

/// A property name with its `TYPE` and preferred mark: `EMAIL;TYPE=work;PREF=1` (4.0),
/// `EMAIL;TYPE=work,pref` (3.0).
fn typed_head(name: &str, types: Option<&str>, preferred: bool, v4: bool) -> String {
    let mut head = name.to_string();
    match (types, preferred, v4) {
        (Some(t), _, true) if t.contains(',') => head.push_str(&format!(";TYPE=\"{t}\"")),
        (Some(t), _, true) => head.push_str(&format!(";TYPE={t}")),
        (Some(t), true, false) => head.push_str(&format!(";TYPE={t},pref")),
        (Some(t), false, false) => head.push_str(&format!(";TYPE={t}")),
        (None, true, false) => head.push_str(";TYPE=pref"),
        (None, _, _) => {}
    }
    if preferred && v4 {
        head.push_str(";PREF=1");
    }
    head
}

/// The `TYPE` of a further address or URL.
fn kind_type(kind: ValueKind) -> Option<&'static str> {
    match kind {
        ValueKind::Work => Some("work"),
        ValueKind::Home => Some("home"),
        _ => None,
    }
}

/// A URI as a property value: commas and semicolons stay as they are.
fn uri_text(url: &str) -> String {
    url.replace('\\', "\\\\").replace('\n', "\\n")
}

/// Text escaped for a vCard value: `\\`, `\,`, `\;`, newline as `\n`.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// `;SORT-AS="a,b"` with RFC 6868 escapes; commas inside a part are dropped (they would
/// split it), trailing empty parts left out.
fn sort_as(parts: &[&str]) -> String {
    let mut parts: Vec<String> = parts
        .iter()
        .map(|p| {
            p.chars()
                .filter(|&c| c != ',')
                .map(|c| match c {
                    '^' => "^^".to_string(),
                    '\n' => "^n".to_string(),
                    '"' => "^'".to_string(),
                    c => c.to_string(),
                })
                .collect()
        })
        .collect();
    while parts.last().is_some_and(String::is_empty) {
        parts.pop();
    }
    format!(";SORT-AS=\"{}\"", parts.join(","))
}

/// Whether a phone number, as written, is the body of a `tel:` URI; one that is not
/// (`03 1234 5678`, `03-1234-5678 内線12`) 4.0 writes as text.
fn is_tel_uri(number: &str) -> bool {
    // A number with spaces goes as text: a `tel:` URI would have to change how it is written.
    let (main, params) = number.split_once(';').unwrap_or((number, ""));
    let main_ok = main.chars().any(|c| c.is_ascii_digit())
        && main
            .chars()
            .all(|c| c.is_ascii_digit() || "+-().*#".contains(c));
    let params_ok = params
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "=;-+.".contains(c));
    main_ok && params_ok
}

/// A text property, escaped, unless the value is empty.
fn push_text(out: &mut String, head: &str, value: &str) {
    if !value.is_empty() {
        push_property(out, head, &escape(value));
    }
}

fn push_property(out: &mut String, head: &str, value: &str) {
    push_line(out, &format!("{head}:{value}"));
}

/// One content line, folded at 75 octets without splitting a character; each fold is CRLF
/// and one space.
fn push_line(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > FOLD_AT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::contact::PhoneSlot;
    use chrono::{DateTime, Utc};
    use proptest::prelude::*;

    const V3: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/cards/contacts-v3.vcf"
    ));
    const V21_SJIS: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/cards/contacts-v21-sjis.vcf"
    ));
    const V4: &[u8] = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/cards/contacts-v4.vcf"
    ));

    fn s(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    fn one(input: &str) -> ContactFields {
        let cards = read(input.as_bytes()).unwrap();
        assert_eq!(cards.len(), 1, "{cards:?}");
        cards.into_iter().next().unwrap().fields
    }

    /// A contact as the store gives it back for these card fields: each list settled (one
    /// preferred value per slot).
    fn contact_from(f: &ContactFields, id: &str) -> Contact {
        let list = |channel: Channel| {
            crate::model::contact_value::settle(channel, f.list(channel).map_or(&[][..], |l| l))
        };
        let mut c = Contact {
            id: id.to_string(),
            family_name: f.family_name.clone(),
            given_name: f.given_name.clone(),
            family_reading: f.family_reading.clone(),
            given_reading: f.given_reading.clone(),
            company: f.company.clone(),
            company_reading: f.company_reading.clone(),
            department: f.department.clone(),
            title: f.title.clone(),
            emails: list(Channel::Email),
            phones: list(Channel::Phone),
            postal_code: f.postal_code.clone(),
            address: f.address.clone(),
            url: f.url.clone(),
            other_addresses: list(Channel::Address),
            other_urls: list(Channel::Url),
            other_companies: list(Channel::Company),
            exchanged_on: f.exchanged_on,
            exchanged_at: f.exchanged_at.clone(),
            exchanged_by: None,
            notes: f.notes.clone(),
            tags: f.tags.clone().unwrap_or_default(),
            created_at: DateTime::<Utc>::from_timestamp(1_780_000_000, 0).unwrap(),
            created_by: "me".into(),
            updated_at: DateTime::<Utc>::from_timestamp(1_790_000_000, 0).unwrap(),
            updated_by: "me".into(),
            ..Contact::default()
        };
        // The preferred values, as the store derives them from the lists.
        let settled = c.to_fields();
        let owned = |v: Option<&str>| v.map(str::to_string);
        c.email = owned(settled.email());
        c.phone = owned(settled.number(PhoneSlot::Phone));
        c.mobile = owned(settled.number(PhoneSlot::Mobile));
        c.fax = owned(settled.number(PhoneSlot::Fax));
        c
    }

    fn full_fields() -> ContactFields {
        ContactFields {
            family_name: s("佐藤"),
            given_name: s("花子"),
            family_reading: s("さとう"),
            given_reading: s("はなこ"),
            company: s("株式会社ミドリ技研"),
            company_reading: s("みどりぎけん"),
            department: s("営業部 第二課"),
            title: s("課長"),
            emails: Some(vec![
                ContactValue::new("hanako.sato@midori.example.co.jp", ValueKind::Work).preferred(),
                ContactValue::new("hanako@home.example.jp", ValueKind::Home),
                ContactValue::new("hanako.s@docomo.example.ne.jp", ValueKind::Mobile),
            ]),
            phones: Some(vec![
                ContactValue::new("03 1234 5678", ValueKind::Work).preferred(),
                ContactValue::new("090-1234-5678", ValueKind::Mobile).preferred(),
                ContactValue::new("03-1234-5679 (代表)", ValueKind::Fax).preferred(),
                ContactValue::new("042-111-2222", ValueKind::Home),
                ContactValue::new("050-3333-4444", ValueKind::Other),
            ]),
            postal_code: s("100-0001"),
            address: s("東京都千代田区千代田1-1, ミドリビル; 5F"),
            url: s("https://midori.example.co.jp/a,b;c"),
            other_addresses: Some(vec![ContactValue::new(
                "〒150-0001 東京都渋谷区神宮前1-2-3, 4F",
                ValueKind::Home,
            )]),
            other_urls: Some(vec![ContactValue::new(
                "https://hanako.example.jp/",
                ValueKind::Home,
            )]),
            other_companies: Some(vec![ContactValue::new(
                "株式会社旧ミドリ",
                ValueKind::Other,
            )]),
            exchanged_on: NaiveDate::from_ymd_opt(2026, 11, 10),
            exchanged_at: s("展示会 (幕張)"),
            exchanged_by: None,
            notes: s("一行目\n二行目, カンマ; セミコロン \\ バックスラッシュ"),
            tags: Some(vec!["展示会".into(), "a,b".into(), "VIP".into()]),
            no_mail_on: None,
        }
    }

    // ---- the sample files --------------------------------------------------------------

    #[test]
    fn reads_the_3_0_sample() {
        let cards = read(V3).unwrap();
        assert_eq!(cards.len(), 2);
        let yamada = &cards[0];
        assert_eq!(yamada.line, 1);
        let f = &yamada.fields;
        assert_eq!(f.family_name, s("山田"));
        assert_eq!(f.given_name, s("太郎"));
        assert_eq!(f.family_reading, s("やまだ"));
        assert_eq!(f.given_reading, s("たろう"));
        assert_eq!(f.company, s("株式会社やまだ製作所"));
        assert_eq!(f.department, s("製造部"));
        assert_eq!(f.title, s("工場長"));
        assert_eq!(
            f.email().map(str::to_string),
            s("taro.yamada@yamada-ss.example.jp")
        );
        assert_eq!(
            f.number(PhoneSlot::Mobile).map(str::to_string),
            s("090-9876-5432")
        );
        assert_eq!(
            f.number(PhoneSlot::Phone).map(str::to_string),
            s("0276-12-3456")
        );
        assert_eq!(f.number(PhoneSlot::Fax).map(str::to_string), None);
        assert_eq!(f.postal_code, s("373-0001"));
        assert_eq!(f.address, s("群馬県太田市本町1-2-3"));
        assert_eq!(
            f.notes,
            s(
                "展示会で名刺交換。来期に設備更新の予定あり。長いメモが折り返されても正しく読めること。"
            )
        );

        let doe = &cards[1];
        assert_eq!(doe.line, 16);
        let f = &doe.fields;
        assert_eq!(f.family_name, s("Doe"));
        assert_eq!(f.given_name, s("Jane"));
        assert_eq!(f.company, s("Example Labs"));
        assert_eq!(
            f.email().map(str::to_string),
            s("jane@example-labs.example.com")
        );
        assert_eq!(f.family_reading, None, "SORT-STRING:Doe is not a reading");
        assert_eq!(f.given_reading, None);
    }

    #[test]
    fn reads_the_2_1_shift_jis_sample() {
        let cards = read(V21_SJIS).unwrap();
        assert_eq!(cards.len(), 1);
        let f = &cards[0].fields;
        assert_eq!(f.family_name, s("小林"));
        assert_eq!(f.given_name, s("直子"));
        assert_eq!(f.family_reading, s("ｺﾊﾞﾔｼ"));
        assert_eq!(f.given_reading, s("ﾅｵｺ"));
        assert_eq!(f.company, s("有限会社こばやし商店"));
        assert_eq!(
            f.number(PhoneSlot::Mobile).map(str::to_string),
            s("09012340000")
        );
        assert_eq!(f.number(PhoneSlot::Phone).map(str::to_string), None);
        assert_eq!(f.email().map(str::to_string), s("naoko.k@example.ne.jp"));
    }

    #[test]
    fn reads_the_4_0_sample() {
        let cards = read(V4).unwrap();
        assert_eq!(cards.len(), 1);
        let f = &cards[0].fields;
        assert_eq!(f.family_name, s("中村"));
        assert_eq!(f.given_name, s("翔"));
        assert_eq!(f.family_reading, s("なかむら"));
        assert_eq!(f.given_reading, s("しょう"));
        assert_eq!(
            f.number(PhoneSlot::Phone).map(str::to_string),
            s("+81-3-5555-0101")
        );
        assert_eq!(f.company, s("合同会社ナカムラデザイン"));
        assert_eq!(f.url, s("https://nakamura-design.example.jp"));
        assert_eq!(
            f.email().map(str::to_string),
            s("sho@nakamura-design.example.jp")
        );
    }

    #[test]
    fn fixtures_match_the_shared_samples_when_present() {
        let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/");
        for (name, fixture) in [
            ("contacts-v3.vcf", V3),
            ("contacts-v21-sjis.vcf", V21_SJIS),
            ("contacts-v4.vcf", V4),
        ] {
            if let Ok(bytes) = std::fs::read(format!("{shared}{name}")) {
                assert_eq!(bytes, fixture, "{name}");
            }
        }
    }

    // ---- syntax --------------------------------------------------------------------------

    #[test]
    fn lf_endings_a_bom_and_groups_are_fine() {
        let f = one(
            "\u{FEFF}BEGIN:VCARD\nVERSION:3.0\nitem1.N:Smith;John;;;\nitem1.X-ABLabel:x\n\
             item2.EMAIL;type=INTERNET;type=pref:john@example.com\nEND:VCARD\n",
        );
        assert_eq!(f.family_name, s("Smith"));
        assert_eq!(f.given_name, s("John"));
        assert_eq!(f.email().map(str::to_string), s("john@example.com"));
    }

    #[test]
    fn old_mac_cr_line_ends_are_read() {
        let f = one("BEGIN:VCARD\rVERSION:3.0\rN:Smith;John;;;\rEND:VCARD\r");
        assert_eq!(f.family_name, s("Smith"));
    }

    #[test]
    fn utf16_files_with_a_bom_are_read() {
        let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:佐藤;花子;;;\r\nEND:VCARD\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let cards = read(&bytes).unwrap();
        assert_eq!(cards[0].fields.family_name, s("佐藤"));
    }

    #[test]
    fn a_fold_that_splits_a_character_is_unfolded_before_decoding() {
        // Some writers fold at 75 octets blindly, in the middle of a UTF-8 character.
        let note = "長いメモ".repeat(20);
        let line = format!("NOTE:{note}");
        let bytes = line.as_bytes();
        let mut input = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A B\r\n".to_vec();
        for (i, chunk) in bytes.chunks(75).enumerate() {
            if i > 0 {
                input.extend_from_slice(b"\r\n ");
            }
            input.extend_from_slice(chunk);
        }
        input.extend_from_slice(b"\r\nEND:VCARD\r\n");
        assert!(std::str::from_utf8(bytes.chunks(75).next().unwrap()).is_err());
        let cards = read(&input).unwrap();
        assert_eq!(cards[0].fields.notes.as_deref(), Some(note.as_str()));
    }

    #[test]
    fn tab_folds_and_blank_lines_are_fine() {
        let f = one("BEGIN:VCARD\r\nVERSION:3.0\r\n\r\nNOTE:one\r\n\t two\r\n\r\nEND:VCARD\r\n");
        assert_eq!(f.notes, s("one two"));
    }

    #[test]
    fn params_are_case_insensitive_and_may_be_quoted() {
        let f = one(
            "BEGIN:VCARD\r\nVERSION:4.0\r\nN;sort-as=\"なかむら,しょう\":中村;翔;;;\r\n\
             tel;type=\"voice,cell\":090-1111-2222\r\n\
             TEL;Type=Work;Type=Fax:03-1111-2222\r\n\
             X-UNKNOWN;FOO=\"a;b:c\":ignored\r\nEND:VCARD\r\n",
        );
        assert_eq!(f.family_reading, s("なかむら"));
        assert_eq!(f.given_reading, s("しょう"));
        assert_eq!(
            f.number(PhoneSlot::Mobile).map(str::to_string),
            s("090-1111-2222")
        );
        assert_eq!(
            f.number(PhoneSlot::Fax).map(str::to_string),
            s("03-1111-2222")
        );
        assert_eq!(f.number(PhoneSlot::Phone).map(str::to_string), None);
    }

    #[test]
    fn bare_2_1_params() {
        let f = one(
            "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Tanaka;Ichiro\r\nTEL;WORK;VOICE:03-1111-0000\r\n\
             TEL;WORK;FAX:03-1111-0001\r\nTEL;CELL:090-0000-1111\r\n\
             EMAIL;INTERNET;HOME:home@example.com\r\nEMAIL;INTERNET;PREF:pref@example.com\r\n\
             NOTE;QUOTED-PRINTABLE:50=25 off\r\nEND:VCARD\r\n",
        );
        assert_eq!(
            f.number(PhoneSlot::Phone).map(str::to_string),
            s("03-1111-0000")
        );
        assert_eq!(
            f.number(PhoneSlot::Fax).map(str::to_string),
            s("03-1111-0001")
        );
        assert_eq!(
            f.number(PhoneSlot::Mobile).map(str::to_string),
            s("090-0000-1111")
        );
        assert_eq!(f.email().map(str::to_string), s("pref@example.com"));
        assert_eq!(f.notes, s("50% off"));
    }

    #[test]
    fn quoted_printable_soft_breaks_join_lines() {
        let f = one("BEGIN:VCARD\r\nVERSION:2.1\r\nN:A;B\r\n\
             NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=B1=95=E7=A4=BA=E4=BC=9A=\r\n\
             =E3=81=A7=0D=0A=E5=90=8D=\r\n\
             =E5=88=BA\r\nTITLE:x\r\nEND:VCARD\r\n");
        assert_eq!(f.notes, s("展示会で\n名刺"));
        assert_eq!(f.title, s("x"));
    }

    #[test]
    fn spaces_after_a_soft_break_are_transport_padding() {
        let f = one(
            "BEGIN:VCARD\r\nVERSION:2.1\r\nN:A;B\r\nNOTE;ENCODING=QUOTED-PRINTABLE:ab= \t\r\ncd\r\n\
             END:VCARD\r\n",
        );
        assert_eq!(f.notes, s("abcd"));
    }

    #[test]
    fn a_dangling_soft_break_does_not_swallow_the_end() {
        let f = one(
            "BEGIN:VCARD\r\nVERSION:2.1\r\nN:A;B\r\nNOTE;ENCODING=QUOTED-PRINTABLE:abc=\r\n\
             END:VCARD\r\n",
        );
        assert_eq!(f.notes, s("abc"));
    }

    #[test]
    fn invalid_quoted_printable_is_kept_as_written() {
        let f = one(
            "BEGIN:VCARD\r\nVERSION:2.1\r\nN:A;B\r\nNOTE;ENCODING=QUOTED-PRINTABLE:a=ZZb=4\r\n\
             END:VCARD\r\n",
        );
        assert_eq!(f.notes, s("a=ZZb=4"));
    }

    #[test]
    fn base64_text_is_decoded_and_photos_are_ignored() {
        let f = one("BEGIN:VCARD\r\nVERSION:3.0\r\nN:A;B\r\n\
             PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAgGBgcGBQgHBwcJCQgK\r\n \
             DBQNDAsLDBkSEx8dGh4eHRoc\r\n\
             NOTE;ENCODING=b:44GC44GE44GG\r\nEND:VCARD\r\n");
        assert_eq!(f.notes, s("あいう"));
    }

    #[test]
    fn unindented_2_1_base64_photo_lines_are_skipped() {
        let f = one(
            "BEGIN:VCARD\r\nVERSION:2.1\r\nN:A;B\r\nPHOTO;ENCODING=BASE64;TYPE=JPEG:\r\n\
             /9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAgGBgcGBQgHBwcJCQgK\r\n\
             DBQNDAsLDBkSEx8dGh4eHRoc==\r\n\r\nTITLE:after\r\nEND:VCARD\r\n",
        );
        assert_eq!(f.title, s("after"));
    }

    #[test]
    fn raw_shift_jis_with_and_without_charset() {
        // 表 and ソ have 0x5C (a backslash) as their second byte.
        let (family, _, _) = SHIFT_JIS.encode("表");
        let (given, _, _) = SHIFT_JIS.encode("ソラ");
        let (org, _, _) = SHIFT_JIS.encode("株式会社ソフト表示");
        let mut input = b"BEGIN:VCARD\r\nVERSION:3.0\r\nN;CHARSET=SHIFT_JIS:".to_vec();
        input.extend_from_slice(&family);
        input.push(b';');
        input.extend_from_slice(&given);
        input.extend_from_slice(b";;;\r\nORG:");
        input.extend_from_slice(&org);
        input.extend_from_slice(b"\r\nTITLE;CHARSET=cp932:");
        input.extend_from_slice(&SHIFT_JIS.encode("部長").0);
        input.extend_from_slice(b"\r\nEND:VCARD\r\n");
        let cards = read(&input).unwrap();
        let f = &cards[0].fields;
        assert_eq!(f.family_name, s("表"));
        assert_eq!(f.given_name, s("ソラ"));
        assert_eq!(f.company, s("株式会社ソフト表示"));
        assert_eq!(f.title, s("部長"));
    }

    #[test]
    fn mislabelled_charset_falls_back() {
        let f =
            one("BEGIN:VCARD\r\nVERSION:3.0\r\nN;CHARSET=SHIFT_JIS:山田;太郎;;;\r\nEND:VCARD\r\n");
        assert_eq!(f.family_name, s("山田"));
    }

    #[test]
    fn unescapes_3_0_text() {
        let f = one(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nN:O\\;Brien;Pat\\, Jr.;;;\r\n\
             NOTE:a\\nb\\Nc\\,d\\;e\\\\f\r\nURL:http\\://example.com/x\r\n\
             ORG:Acme\\; Co;Sales;East\r\nCATEGORIES:a\\,b,c,,d\r\nEND:VCARD\r\n",
        );
        assert_eq!(f.family_name, s("O;Brien"));
        assert_eq!(f.given_name, s("Pat, Jr."));
        assert_eq!(f.notes, s("a\nb\nc,d;e\\f"));
        assert_eq!(f.url, s("http://example.com/x"));
        assert_eq!(f.company, s("Acme; Co"));
        assert_eq!(f.department, s("Sales East"));
        assert_eq!(f.tags, Some(vec!["a,b".into(), "c".into(), "d".into()]));
    }

    #[test]
    fn names_from_fn_when_there_is_no_n() {
        let f = one("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:佐藤　花子\r\nEND:VCARD\r\n");
        assert_eq!((f.family_name, f.given_name), (s("佐藤"), s("花子")));
        let f = one("BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:Mary Ann Smith\r\nEND:VCARD\r\n");
        assert_eq!((f.family_name, f.given_name), (s("Smith"), s("Mary Ann")));
        let f = one("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Acme Inc.\r\nORG:Acme Inc.\r\nEND:VCARD\r\n");
        assert_eq!((f.family_name, f.given_name), (None, None));
        assert_eq!(f.company, s("Acme Inc."));
    }

    #[test]
    fn readings_from_sort_string_only_with_kana() {
        let f = one(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nN:佐藤;花子;;;\r\nSORT-STRING:さとう はなこ\r\nEND:VCARD\r\n",
        );
        assert_eq!(f.family_reading, s("さとう"));
        assert_eq!(f.given_reading, s("はなこ"));
        let f = one(
            "BEGIN:VCARD\r\nVERSION:4.0\r\nN;SORT-AS=\"Doe,Jane\":Doe;Jane;;;\r\nEND:VCARD\r\n",
        );
        assert_eq!(f.family_reading, None);
    }

    #[test]
    fn company_readings() {
        let f = one(
            "BEGIN:VCARD\r\nVERSION:4.0\r\nN:A;B;;;\r\nORG;SORT-AS=\"みどりぎけん\":株式会社ミドリ技研\r\nEND:VCARD\r\n",
        );
        assert_eq!(f.company_reading, s("みどりぎけん"));
        let f = one(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nN:A;B;;;\r\nORG:ミドリ技研\r\nX-PHONETIC-ORG:ミドリギケン\r\nEND:VCARD\r\n",
        );
        assert_eq!(f.company_reading, s("ミドリギケン"));
    }

    #[test]
    fn addresses_in_japanese_and_latin_order() {
        let f = one("BEGIN:VCARD\r\nVERSION:3.0\r\nN:A;B;;;\r\n\
             ADR;TYPE=HOME:;;1 Main St;Springfield;IL;62701;USA\r\n\
             ADR;TYPE=WORK:;ミドリビル5F;千代田1-1;千代田区;東京都;100-0001;Japan\r\nEND:VCARD\r\n");
        assert_eq!(f.address, s("東京都千代田区千代田1-1 ミドリビル5F"));
        assert_eq!(f.postal_code, s("100-0001"));
        let f = one(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nN:A;B;;;\r\nADR:;;1 Main St;Springfield;IL;62701;USA\r\nEND:VCARD\r\n",
        );
        assert_eq!(f.address, s("1 Main St, Springfield, IL, USA"));
        assert_eq!(f.postal_code, s("62701"));
    }

    #[test]
    fn tel_uris_keep_their_extension() {
        let f = one(
            "BEGIN:VCARD\r\nVERSION:4.0\r\nN:A;B;;;\r\nTEL;VALUE=uri;TYPE=work:tel:+81-3-5555-0101;ext=12\r\nEND:VCARD\r\n",
        );
        assert_eq!(
            f.number(PhoneSlot::Phone).map(str::to_string),
            s("+81-3-5555-0101;ext=12")
        );
    }

    #[test]
    fn our_own_extensions_and_uid() {
        let cards = read(
            b"BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:0190a6c4-0000-7000-8000-000000000001\r\n\
              N:A;B;;;\r\nX-LEADTRACK-EXCHANGED-ON:2026-11-10\r\nX-LEADTRACK-EXCHANGED-AT:Booth 3\r\n\
              END:VCARD\r\n",
        )
        .unwrap();
        assert_eq!(
            cards[0].uid.as_deref(),
            Some("0190a6c4-0000-7000-8000-000000000001")
        );
        assert_eq!(
            cards[0].fields.exchanged_on,
            NaiveDate::from_ymd_opt(2026, 11, 10)
        );
        assert_eq!(cards[0].fields.exchanged_at, s("Booth 3"));
    }

    #[test]
    fn agent_cards_and_junk_lines_inside_a_card_are_ignored() {
        let cards = read(
            b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Boss;Big\r\nAGENT:\r\nBEGIN:VCARD\r\nVERSION:2.1\r\n\
              N:Assistant;Amy\r\nEND:VCARD\r\nthis line has no colon\r\n:no name\r\n\
              \xE5\xB1\xB1:x\r\nEND:VCARD\r\n",
        )
        .unwrap();
        assert_eq!(cards.len(), 1);
        assert_eq!(cards[0].fields.family_name, s("Boss"));
    }

    #[test]
    fn control_characters_read_from_a_file_are_dropped() {
        let f = one("BEGIN:VCARD\r\nVERSION:3.0\r\nN:A\x1b[31m;B\x07;;;\r\nEND:VCARD\r\n");
        assert_eq!(f.family_name, s("A[31m"));
        assert_eq!(f.given_name, s("B"));
    }

    // ---- errors --------------------------------------------------------------------------

    #[test]
    fn a_card_without_end_is_an_error_at_its_begin() {
        let err = read(b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:A;B;;;\r\n").unwrap_err();
        assert_eq!(err.line, 1);
        assert_eq!(
            err.to_string(),
            "line 1: the card that starts here has no END:VCARD"
        );
        let err = read(
            b"BEGIN:VCARD\r\nN:A;B;;;\r\nEND:VCARD\r\nBEGIN:VCARD\r\nN:C;D;;;\r\n\
              BEGIN:VCARD\r\nN:E;F;;;\r\nEND:VCARD\r\n",
        )
        .unwrap_err();
        assert_eq!(err.line, 4);
    }

    #[test]
    fn end_without_begin_is_an_error() {
        let err = read(b"BEGIN:VCARD\nN:A;B;;;\nEND:VCARD\nEND:VCARD\n").unwrap_err();
        assert_eq!(err.line, 4);
        assert!(err.to_string().contains("without a BEGIN:VCARD"), "{err}");
    }

    #[test]
    fn empty_and_foreign_files_have_no_vcard() {
        for input in [&b""[..], b"\r\n\r\n", b"name,email\r\nA,a@example.com\r\n"] {
            let err = read(input).unwrap_err();
            assert_eq!(err.to_string(), "line 1: no vCard in the file");
        }
    }

    #[test]
    fn binary_junk_is_an_error() {
        let err = read(b"\x00\xff\xfe\x01\x02garbage\x80\x81").unwrap_err();
        assert_eq!(err.line, 1);
        let err = read(b"BEGIN:VCARD\r\nN:A;B\r\nPHOTO:\x00\x01\r\nEND:VCARD\r\n").unwrap_err();
        assert_eq!(err.line, 3);
        let err = read(b"\xff\xd8\xff\xe0\x10JFIF\x80\x90\xa0").unwrap_err();
        assert_eq!(err.line, 1);
    }

    #[test]
    fn a_line_longer_than_one_mib_is_an_error() {
        let mut input = b"BEGIN:VCARD\r\nNOTE:".to_vec();
        input.extend(std::iter::repeat_n(b'a', MAX_LINE));
        input.extend_from_slice(b"\r\nEND:VCARD\r\n");
        let err = read(&input).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.to_string().contains("1 MiB"), "{err}");
    }

    // ---- writing -------------------------------------------------------------------------

    const ID: &str = "0190a6c4-1234-7abc-8def-0123456789ab";

    #[test]
    fn writes_4_0() {
        let out = write(
            &[contact_from(&full_fields(), ID)],
            VcardVersion::V4,
            NameOrder::Auto,
        );
        let unfolded = out.replace("\r\n ", "");
        let lines: Vec<&str> = unfolded.split("\r\n").collect();
        assert_eq!(lines[0], "BEGIN:VCARD");
        assert_eq!(lines[1], "VERSION:4.0");
        assert!(lines.contains(&format!("UID:urn:uuid:{ID}").as_str()));
        assert!(lines.contains(&"FN:佐藤 花子"));
        assert!(lines.contains(&"N;SORT-AS=\"さとう,はなこ\":佐藤;花子;;;"));
        assert!(lines.contains(&"X-PHONETIC-LAST-NAME:さとう"));
        assert!(lines.contains(&"ORG;SORT-AS=\"みどりぎけん\":株式会社ミドリ技研;営業部 第二課"));
        assert!(lines.contains(&"X-PHONETIC-ORG:みどりぎけん"));
        assert!(lines.contains(&"EMAIL;TYPE=work;PREF=1:hanako.sato@midori.example.co.jp"));
        assert!(lines.contains(&"EMAIL;TYPE=home:hanako@home.example.jp"));
        assert!(lines.contains(&"EMAIL;TYPE=x-mobile:hanako.s@docomo.example.ne.jp"));
        assert!(lines.contains(&"TEL;TYPE=\"work,voice\";PREF=1:03 1234 5678"));
        assert!(lines.contains(&"TEL;VALUE=uri;TYPE=cell;PREF=1:tel:090-1234-5678"));
        assert!(lines.contains(&"TEL;TYPE=fax;PREF=1:03-1234-5679 (代表)"));
        assert!(lines.contains(&"TEL;VALUE=uri;TYPE=\"home,voice\":tel:042-111-2222"));
        assert!(lines.contains(&"TEL;VALUE=uri;TYPE=voice:tel:050-3333-4444"));
        assert!(lines.contains(&"ADR;TYPE=home:;;〒150-0001 東京都渋谷区神宮前1-2-3\\, 4F;;;;"));
        assert!(lines.contains(&"URL;TYPE=home:https://hanako.example.jp/"));
        assert!(lines.contains(&"X-LEADTRACK-OTHER-COMPANY:株式会社旧ミドリ"));
        assert!(
            lines.contains(
                &"ADR;TYPE=work:;;東京都千代田区千代田1-1\\, ミドリビル\\; 5F;;;100-0001;"
            )
        );
        assert!(lines.contains(&"URL:https://midori.example.co.jp/a,b;c"));
        assert!(lines.contains(&"CATEGORIES:展示会,a\\,b,VIP"));
        assert!(lines.contains(&"X-LEADTRACK-EXCHANGED-ON:2026-11-10"));
        assert!(lines.contains(&"REV:20260921T141320Z"));
        assert_eq!(lines[lines.len() - 2], "END:VCARD");
        assert_eq!(lines[lines.len() - 1], "");
    }

    #[test]
    fn writes_3_0() {
        let out = write(
            &[contact_from(&full_fields(), ID)],
            VcardVersion::V3,
            NameOrder::GivenFirst,
        );
        let unfolded = out.replace("\r\n ", "");
        let lines: Vec<&str> = unfolded.split("\r\n").collect();
        assert_eq!(lines[1], "VERSION:3.0");
        assert!(lines.contains(&format!("UID:{ID}").as_str()));
        assert!(lines.contains(&"FN:花子 佐藤"));
        assert!(lines.contains(&"N:佐藤;花子;;;"));
        assert!(lines.contains(&"ORG:株式会社ミドリ技研;営業部 第二課"));
        assert!(lines.contains(&"EMAIL;TYPE=work,pref:hanako.sato@midori.example.co.jp"));
        assert!(lines.contains(&"EMAIL;TYPE=home:hanako@home.example.jp"));
        assert!(lines.contains(&"TEL;TYPE=work,voice,pref:03 1234 5678"));
        assert!(lines.contains(&"TEL;TYPE=cell,pref:090-1234-5678"));
        assert!(lines.contains(&"TEL;TYPE=home,voice:042-111-2222"));
        assert!(!unfolded.contains("SORT-AS"));
    }

    #[test]
    fn escapes_commas_semicolons_backslashes_and_newlines() {
        let mut fields = ContactFields {
            family_name: s("Smith"),
            ..Default::default()
        };
        fields.notes = s("a,b;c\\d\ne");
        fields.title = s("VP, Sales; East");
        let out = write(
            &[contact_from(&fields, ID)],
            VcardVersion::V3,
            NameOrder::Auto,
        );
        assert!(out.contains("\r\nNOTE:a\\,b\\;c\\\\d\\ne\r\n"), "{out}");
        assert!(out.contains("\r\nTITLE:VP\\, Sales\\; East\r\n"), "{out}");
        let back = &read(out.as_bytes()).unwrap()[0].fields;
        assert_eq!(back.notes, fields.notes);
        assert_eq!(back.title, fields.title);
    }

    #[test]
    fn long_japanese_notes_fold_between_characters_and_read_back() {
        for prefix in ["", "a", "ab"] {
            let note = format!(
                "{prefix}{}",
                "展示会で名刺交換。来期に設備更新の予定あり。".repeat(8)
            );
            let fields = ContactFields {
                family_name: s("山田"),
                notes: Some(note.clone()),
                ..Default::default()
            };
            let out = write(
                &[contact_from(&fields, ID)],
                VcardVersion::V4,
                NameOrder::Auto,
            );
            assert!(out.ends_with("\r\n"));
            let mut folds = 0;
            for line in out.split("\r\n") {
                assert!(line.len() <= FOLD_AT, "{} octets: {line}", line.len());
                folds += usize::from(line.starts_with(' '));
            }
            assert!(folds >= 6, "the note was folded {folds} times");
            let back = read(out.as_bytes()).unwrap();
            assert_eq!(back[0].fields.notes.as_deref(), Some(note.as_str()));
        }
    }

    #[test]
    fn control_characters_are_stripped_on_write() {
        let fields = ContactFields {
            family_name: s("Evil\x1b]0;pwned\x07"),
            given_name: s("\x1b[2JBob"),
            notes: s("line 1\r\nline 2\x1b[31m\x00\u{9b}x\ty"),
            ..Default::default()
        };
        let out = write(
            &[contact_from(&fields, ID)],
            VcardVersion::V3,
            NameOrder::Auto,
        );
        assert!(
            !out.chars()
                .any(|c| c.is_control() && c != '\r' && c != '\n'),
            "{out:?}"
        );
        // Only the CRLF line ends are line breaks.
        assert_eq!(out.matches('\n').count(), out.matches("\r\n").count());
        let back = &read(out.as_bytes()).unwrap()[0].fields;
        assert_eq!(back.family_name, s("Evil]0;pwned"));
        assert_eq!(back.given_name, s("[2JBob"));
        assert_eq!(back.notes, s("line 1\nline 2[31mx y"));
    }

    #[test]
    fn empty_values_are_left_out() {
        let fields = ContactFields {
            company: s("Acme"),
            title: s("  "),
            ..Default::default()
        };
        let out = write(
            &[contact_from(&fields, "")],
            VcardVersion::V4,
            NameOrder::Auto,
        );
        assert!(!out.contains("TITLE"));
        assert!(!out.contains("EMAIL"));
        assert!(!out.contains("UID"));
        assert!(!out.contains("\r\nN"), "no N in 4.0 without a name");
        assert!(out.contains("\r\nFN:Acme\r\n"));
        let back = &read(out.as_bytes()).unwrap()[0];
        assert_eq!(back.fields.family_name, None);
        assert_eq!(back.fields.company, s("Acme"));
        assert_eq!(back.uid, None);
    }

    #[test]
    fn round_trip_in_both_versions() {
        let fields = full_fields();
        let contacts = [
            contact_from(&fields, ID),
            contact_from(
                &ContactFields {
                    family_name: s("Doe"),
                    given_name: s("Jane"),
                    ..Default::default()
                },
                "0190a6c4-1234-7abc-8def-0123456789ac",
            ),
        ];
        for version in [VcardVersion::V3, VcardVersion::V4] {
            let out = write(&contacts, version, NameOrder::Auto);
            let back = read(out.as_bytes()).unwrap();
            assert_eq!(back.len(), 2);
            assert_eq!(back[0].uid.as_deref(), Some(ID));
            assert_eq!(back[0].line, 1);
            let expected = fields.clone();
            assert_eq!(back[0].fields, expected, "{version:?}");
            assert_eq!(back[1].fields.family_name, s("Doe"));
            assert_eq!(back[1].fields.given_name, s("Jane"));
        }
    }

    #[test]
    fn round_trip_of_the_samples() {
        for sample in [V3, V21_SJIS, V4] {
            let cards = read(sample).unwrap();
            let contacts: Vec<Contact> = cards
                .iter()
                .map(|c| contact_from(&c.fields, c.uid.as_deref().unwrap_or("")))
                .collect();
            for version in [VcardVersion::V3, VcardVersion::V4] {
                let back = read(write(&contacts, version, NameOrder::Auto).as_bytes()).unwrap();
                let back: Vec<ContactFields> = back.into_iter().map(|c| c.fields).collect();
                let original: Vec<ContactFields> = cards.iter().map(|c| c.fields.clone()).collect();
                assert_eq!(back, original);
            }
        }
    }

    fn line_text() -> impl Strategy<Value = String> {
        "[^\\p{Cc}]{0,24}"
    }

    fn multiline_text() -> impl Strategy<Value = String> {
        prop::collection::vec(line_text(), 1..4).prop_map(|lines| lines.join("\n"))
    }

    proptest! {
        #[test]
        fn write_then_read_gives_the_same_fields(
            texts in prop::collection::vec(line_text(), 15),
            address in multiline_text(),
            notes in multiline_text(),
            tags in prop::collection::vec(line_text(), 0..4),
            day in 0i32..40_000,
            v4 in any::<bool>(),
        ) {
            let t = |i: usize| texts.get(i).cloned();
            let fields = ContactFields {
                family_name: t(0),
                given_name: t(1),
                family_reading: t(2),
                given_reading: t(3),
                company: t(4),
                company_reading: t(5),
                department: t(6),
                title: t(7),
                postal_code: t(12),
                url: t(13),
                exchanged_at: t(14),
                address: Some(address),
                notes: Some(notes),
                exchanged_on: NaiveDate::from_num_days_from_ce_opt(700_000 + day),
                exchanged_by: None,
                tags: Some(tags),
                ..Default::default()
            }
            .with_email(&t(8).unwrap_or_default())
            .with_phone(&t(9).unwrap_or_default(), ValueKind::Work)
            .with_phone(&t(10).unwrap_or_default(), ValueKind::Mobile)
            .with_phone(&t(11).unwrap_or_default(), ValueKind::Fax);
            let version = if v4 { VcardVersion::V4 } else { VcardVersion::V3 };
            let out = write(&[contact_from(&fields, ID)], version, NameOrder::Auto);
            let cards = read(out.as_bytes()).unwrap();
            prop_assert_eq!(cards.len(), 1);
            prop_assert_eq!(cards[0].uid.as_deref(), Some(ID));

            let o = |v: &Option<String>| v.as_deref().and_then(non_empty);
            let tags: Vec<String> = fields.tags.iter().flatten().filter_map(|t| non_empty(t)).collect();
            let expected = ContactFields {
                family_name: o(&fields.family_name),
                given_name: o(&fields.given_name),
                family_reading: o(&fields.family_reading),
                given_reading: o(&fields.given_reading),
                company: o(&fields.company),
                company_reading: o(&fields.company_reading),
                department: o(&fields.department),
                title: o(&fields.title),
                postal_code: o(&fields.postal_code),
                // An address is read as one line.
                address: o(&fields.address)
                    .map(|a| a.split_whitespace().collect::<Vec<_>>().join(" ")),
                url: o(&fields.url),
                exchanged_on: fields.exchanged_on,
                exchanged_at: o(&fields.exchanged_at),
                exchanged_by: None,
                notes: o(&fields.notes),
                tags: (!tags.is_empty()).then_some(tags),
                ..Default::default()
            };
            let mut expected = expected;
            if let Some(email) = o(&fields.email().map(str::to_string)) {
                expected.push_email(&email, ValueKind::Work);
            }
            for slot in [PhoneSlot::Phone, PhoneSlot::Mobile, PhoneSlot::Fax] {
                if let Some(number) = o(&fields.number(slot).map(str::to_string)) {
                    expected.push_phone(&number, slot.kind());
                }
            }
            prop_assert_eq!(&cards[0].fields, &expected);
            for line in out.split("\r\n") {
                prop_assert!(line.len() <= FOLD_AT);
            }
        }

        #[test]
        fn reading_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            let _ = read(&bytes);
        }

        #[test]
        fn reading_mangled_cards_never_panics(
            cut in 0usize..700,
            junk in prop::collection::vec(any::<u8>(), 0..20),
        ) {
            let mut bytes = V3.to_vec();
            let at = cut.min(bytes.len());
            bytes.splice(at..at, junk);
            let _ = read(&bytes);
        }
    }
}
