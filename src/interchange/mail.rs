//! Mail in: the messages of a single RFC 5322 file (`.eml`, or what mutt's `pipe-message`
//! and aerc's `:pipe` write to standard input), of an mbox, or of a Maildir, each read as a
//! [`MailMessage`] for the `import mail` command to log as an activity.
//!
//! The parsing is mail-parser's: MIME structure, RFC 2047 encoded words, the charsets
//! (ISO-2022-JP, Shift_JIS, EUC-JP, Windows-1252 ... through encoding_rs), quoted-printable
//! and base64, HTML to text; and so is the splitting of an mbox, which undoes the `>From `
//! quoting of mboxo and mboxrd alike. This module decides what the input is, walks a
//! Maildir itself (in file-name order, naming the file at fault, which the crate's iterator
//! does neither of), picks the body, and makes all text from the mail safe to store and
//! show: control and invisible characters dropped (the body keeps its line breaks and tabs;
//! in the subject, names and addresses they become spaces) and the body cut at [`MAX_BODY`].
//!
//! A read is all or nothing, like the import it feeds: the first file, or mbox message, that
//! is not mail fails the whole read, and the error names it. A read that succeeds holds at
//! least one message.

use crate::config::Language;
use crate::error::{Error, Result};
use crate::i18n::{Arg, io_reason};
use crate::model::text::{display_safe, is_invisible};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use mail_parser::mailbox::mbox;
use mail_parser::{HeaderName, HeaderValue, Message, MessageParser, MimeHeaders, PartType};
use std::fmt;
use std::io::{BufRead, BufReader, Cursor, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// The longest body kept, in bytes of UTF-8; a longer one is cut at a character boundary
/// and ends with [`CUT_MARKER`].
pub const MAX_BODY: usize = 64 * 1024;
/// What ends a body that was cut.
pub const CUT_MARKER: &str = "\n[… the rest of this message is left out]";

/// The namespace of the ids made for messages without a Message-ID (a name-based UUID).
const DERIVED_ID_NAMESPACE: uuid::Uuid = uuid::uuid!("d6eecafb-ea4e-4a16-ac07-1fe1144582d2");
/// The domain of a made-up id: `.invalid` (RFC 2606) can never be a real sender's.
const DERIVED_ID_DOMAIN: &str = "leadtrack.invalid";

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Where mail is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailSource {
    /// Standard input: one message, or an mbox.
    Stdin,
    /// A message file, an mbox file, or a Maildir folder.
    Path(PathBuf),
}

impl MailSource {
    /// What the command line names: `-` is standard input, anything else a path.
    pub fn from_arg(arg: &str) -> MailSource {
        if arg == "-" {
            MailSource::Stdin
        } else {
            MailSource::Path(PathBuf::from(arg))
        }
    }
}

/// One address of a From, To or Cc field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailbox {
    /// The display name, decoded (`佐藤 花子` from `=?ISO-2022-JP?B?...?=`); `None` when the
    /// field gives none.
    pub name: Option<String>,
    /// The address as written, trimmed (never empty).
    pub address: String,
}

/// Where a message came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MailOrigin {
    /// The file read (the message file, the mbox, the Maildir file); `None` for standard input.
    pub file: Option<PathBuf>,
    /// Where in an mbox the message is; `None` for a file of one message.
    pub mbox: Option<MboxPosition>,
}

/// A message's place in an mbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MboxPosition {
    /// 1 for the first message.
    pub number: usize,
    /// The 1-based line of the message's `From ` separator.
    pub line: usize,
}

impl MailOrigin {
    /// `inbox.mbox, message 3 (line 42)`, `standard input`, in `language`: safe to print.
    pub fn in_language(&self, language: Language) -> String {
        let file = match &self.file {
            Some(file) => display_safe(&file.display().to_string()),
            None => crate::tr!(language, "mail-from-stdin"),
        };
        match self.mbox {
            Some(at) => crate::tr!(
                language,
                "mail-message-in-mbox",
                file = file,
                number = at.number.to_string(),
                line = at.line.to_string()
            ),
            None => file,
        }
    }

    /// The catalog's sentence `id` about this message, with `more` values.
    fn error<const N: usize>(&self, id: &'static str, more: [(&'static str, Arg); N]) -> Error {
        let mut args = vec![("origin", Arg::in_each(|l| self.in_language(l)))];
        args.extend(more);
        Error::said(id, args)
    }
}

impl fmt::Display for MailOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_language(Language::En))
    }
}

/// One message, as the import needs it. All text is decoded and safe to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailMessage {
    /// The Message-ID without its angle brackets. A message without one gets
    /// `UUID@leadtrack.invalid`, the UUID a name-based one (v5) of its date, From and To
    /// addresses, subject and body as read here: the same message read twice, piped or from a
    /// file, with CRLF or LF line ends, from an mbox or from a Maildir, gets the same id, so
    /// importing it again finds it. (A leadtrack that reads bodies differently, say a
    /// better HTML conversion, derives other ids for such messages.)
    pub message_id: String,
    /// Whether `message_id` was made here because the message has none.
    pub id_derived: bool,
    pub from: Vec<Mailbox>,
    /// Every address of every To field (a group's members included, its name dropped).
    pub to: Vec<Mailbox>,
    pub cc: Vec<Mailbox>,
    /// The decoded subject, on one line; empty when there is none.
    pub subject: String,
    /// The Date field in UTC; `None` when it is missing or cannot be read.
    pub date: Option<DateTime<Utc>>,
    /// The plain-text body: the text/plain part (of a multipart/alternative too), or the
    /// HTML made text when there is no plain part; format=flowed lines joined; attachments
    /// left out; line ends `\n`; at most [`MAX_BODY`] bytes plus [`CUT_MARKER`].
    pub body: String,
    /// Whether the body was cut at [`MAX_BODY`].
    pub body_cut: bool,
    pub origin: MailOrigin,
}

/// Reads every message of `source`, in order: a file's one message, an mbox's messages in
/// file order, a Maildir's (`cur/` and `new/`, or one of them named directly) by file name,
/// which starts with the delivery time. `tmp/` and hidden files are never read.
pub fn read(source: &MailSource) -> Result<Vec<MailMessage>> {
    match source {
        MailSource::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| {
                    MailOrigin {
                        file: None,
                        mbox: None,
                    }
                    .error("error-mail-cannot-read", [("reason", io_reason(&e))])
                })?;
            read_bytes(&bytes, None)
        }
        MailSource::Path(path) if path.is_dir() => read_maildir(path),
        MailSource::Path(path) => read_file(path),
    }
}

/// Reads the messages of bytes that are one message or an mbox (which starts with a
/// `From ` line). `file` is where they came from; `None` for standard input.
pub fn read_bytes(bytes: &[u8], file: Option<&Path>) -> Result<Vec<MailMessage>> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let origin = MailOrigin {
        file: file.map(Path::to_path_buf),
        mbox: None,
    };
    if is_blank(bytes) {
        return Err(origin.error("error-mail-empty", []));
    }
    if bytes.starts_with(b"From ") {
        return read_mbox(Cursor::new(bytes), file);
    }
    Ok(vec![parse_message(bytes, origin)?])
}

/// A path as a message shows it: made safe to print.
fn shown(path: &Path) -> String {
    display_safe(&path.display().to_string())
}

/// The sentence for a file or folder that cannot be read.
fn cannot_read(shown: &str, e: &std::io::Error) -> Error {
    Error::said(
        "error-cannot-read",
        [("path", Arg::from(shown)), ("reason", io_reason(e))],
    )
}

/// A file: an mbox is read as it streams, anything else whole.
fn read_file(path: &Path) -> Result<Vec<MailMessage>> {
    let cannot_read = |e: std::io::Error| cannot_read(&shown(path), &e);
    let mut file = std::fs::File::open(path).map_err(cannot_read)?;
    let mut head = Vec::new();
    (&mut file)
        .take((UTF8_BOM.len() + 5) as u64)
        .read_to_end(&mut head)
        .map_err(cannot_read)?;
    let bom = if head.starts_with(UTF8_BOM) {
        UTF8_BOM.len()
    } else {
        0
    };
    if head[bom..].starts_with(b"From ") {
        file.seek(SeekFrom::Start(bom as u64))
            .map_err(cannot_read)?;
        return read_mbox(BufReader::new(file), Some(path));
    }
    file.rewind().map_err(cannot_read)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(cannot_read)?;
    read_bytes(&bytes, Some(path))
}

/// The messages of an mbox, each knowing its number and the line of its `From ` separator.
fn read_mbox(reader: impl BufRead, file: Option<&Path>) -> Result<Vec<MailMessage>> {
    let mut messages = Vec::new();
    // The reader drops only the `From ` lines and unquotes `>From ` without joining lines,
    // so each message starts one line, plus its own lines, after the one before.
    let mut line = 1;
    for (index, contents) in mbox::MessageIterator::new(reader).enumerate() {
        let origin = MailOrigin {
            file: file.map(Path::to_path_buf),
            mbox: Some(MboxPosition {
                number: index + 1,
                line,
            }),
        };
        let contents = contents
            .map_err(|e| origin.error("error-mail-cannot-read", [("reason", io_reason(&e))]))?
            .unwrap_contents();
        line += 1 + contents.iter().filter(|&&b| b == b'\n').count();
        if is_blank(&contents) {
            return Err(origin.error("error-mbox-message-empty", []));
        }
        messages.push(parse_message(&contents, origin)?);
    }
    if messages.is_empty() {
        let origin = MailOrigin {
            file: file.map(Path::to_path_buf),
            mbox: None,
        };
        return Err(origin.error("error-mbox-empty", []));
    }
    Ok(messages)
}

/// The messages of a Maildir, by file name. `dir` is the Maildir (holding `cur/` and `new/`)
/// or its `cur/` or `new/` folder itself.
fn read_maildir(dir: &Path) -> Result<Vec<MailMessage>> {
    let named_folder = dir
        .file_name()
        .is_some_and(|name| name == "cur" || name == "new");
    let folders: Vec<PathBuf> = if named_folder {
        vec![dir.to_path_buf()]
    } else {
        ["cur", "new"]
            .iter()
            .map(|sub| dir.join(sub))
            .filter(|sub| sub.is_dir())
            .collect()
    };
    if folders.is_empty() {
        return Err(Error::said("error-not-a-maildir", [("path", shown(dir))]));
    }
    let mut files = Vec::new();
    for folder in &folders {
        let cannot_read = |e: std::io::Error| cannot_read(&shown(folder), &e);
        for entry in std::fs::read_dir(folder).map_err(cannot_read)? {
            let entry = entry.map_err(cannot_read)?;
            let name = entry.file_name();
            // Hidden files are not messages (a sync tool's state, `.DS_Store`, a `.keep`).
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            let path = entry.path();
            if path.is_file() {
                files.push((name, path));
            }
        }
    }
    if files.is_empty() {
        return Err(Error::said("error-maildir-empty", [("path", shown(dir))]));
    }
    files.sort();
    files
        .into_iter()
        .map(|(_, path)| {
            let bytes = std::fs::read(&path).map_err(|e| cannot_read(&shown(&path), &e))?;
            let origin = MailOrigin {
                file: Some(path),
                mbox: None,
            };
            if is_blank(&bytes) {
                return Err(origin.error("error-mail-empty", []));
            }
            parse_message(&bytes, origin)
        })
        .collect()
}

fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_whitespace)
}

/// Fields that every real message has at least one of.
const KNOWN_FIELDS: &[&str] = &[
    "From",
    "To",
    "Cc",
    "Subject",
    "Date",
    "Message-ID",
    "Sender",
    "Reply-To",
    "In-Reply-To",
    "References",
    "MIME-Version",
    "Received",
    "Return-Path",
    "Delivered-To",
];

/// Why `raw` is not a mail message, if it is not: it must start with a header field, its
/// header block must hold one of [`KNOWN_FIELDS`], and no NUL byte. (mail-parser makes the
/// best of anything, so a photo or a spreadsheet would otherwise read as an empty mail.)
/// Other control characters are let through, to be dropped from the text: one odd byte in
/// a header does not make a message unreadable.
fn header_block_problem(raw: &[u8]) -> Option<&'static str> {
    // Catalog ids of the reasons.
    const BINARY: &str = "mail-problem-binary";
    const NO_HEADERS: &str = "mail-problem-not-headers";
    let mut known = false;
    for (index, line) in raw.split(|&b| b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if line.contains(&0) {
            return Some(BINARY);
        }
        let name = line
            .iter()
            .position(|&b| b == b':')
            .map(|colon| line[..colon].trim_ascii_end())
            .filter(|name| !name.is_empty() && name.iter().all(|b| (33..=126).contains(b)));
        match name {
            Some(name) => {
                known |= KNOWN_FIELDS
                    .iter()
                    .any(|k| name.eq_ignore_ascii_case(k.as_bytes()));
            }
            None if index == 0 => {
                return Some(if looks_binary(raw) {
                    BINARY
                } else {
                    NO_HEADERS
                });
            }
            // A folded line goes on with the field before it.
            None if matches!(line[0], b' ' | b'\t') => {}
            None => break,
        }
    }
    (!known).then_some(NO_HEADERS)
}

/// Whether the start of `raw` is binary rather than text: a NUL, or a control character
/// that text does not hold (text has tabs, line ends, form feeds, ISO-2022-JP escapes).
fn looks_binary(raw: &[u8]) -> bool {
    raw.iter()
        .take(1024)
        .any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | b'\x0c' | b'\x1b'))
}

/// One message. A leading `From ` envelope line (some tools keep one on a Maildir file) is
/// skipped.
fn parse_message(raw: &[u8], origin: MailOrigin) -> Result<MailMessage> {
    let raw = raw.strip_prefix(UTF8_BOM).unwrap_or(raw);
    let raw = match raw.strip_prefix(b"From ") {
        Some(rest) => rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(&rest[rest.len()..], |end| &rest[end + 1..]),
        None => raw,
    };
    let not_mail = |why: &'static str| {
        let why = Arg::in_each(|l| crate::i18n::message(l, why, None));
        Error::said(
            "error-not-mail",
            [
                ("origin", Arg::in_each(|l| origin.in_language(l))),
                ("why", why),
            ],
        )
    };
    if let Some(why) = header_block_problem(raw) {
        return Err(not_mail(why));
    }
    let message = MessageParser::new()
        .parse(raw)
        .ok_or_else(|| not_mail("mail-problem-no-headers"))?;

    let subject = one_line(message.subject().unwrap_or_default());
    let from = mailboxes(&message, HeaderName::From);
    let to = mailboxes(&message, HeaderName::To);
    let cc = mailboxes(&message, HeaderName::Cc);
    let date = message.date().and_then(to_utc);
    let (body, body_cut) = cap(tidy_body(&body_text(&message)));

    let written_id = message
        .message_id()
        .map(one_line)
        .filter(|id| !id.is_empty());
    let id_derived = written_id.is_none();
    let message_id = written_id.unwrap_or_else(|| {
        // An unreadable date still tells two messages apart: its text stands in.
        let date_text = match date {
            Some(date) => date.to_rfc3339(),
            None => one_line(message.header_raw(HeaderName::Date).unwrap_or_default()),
        };
        derived_id(&date_text, &from, &to, &subject, &body)
    });

    Ok(MailMessage {
        message_id,
        id_derived,
        from,
        to,
        cc,
        subject,
        date,
        body,
        body_cut,
        origin,
    })
}

/// The id of a message that has none: a name-based UUID (v5) of its date, From and To
/// addresses, subject and body, each prefixed by its length so that different fields never
/// run together into the same name.
fn derived_id(date: &str, from: &[Mailbox], to: &[Mailbox], subject: &str, body: &str) -> String {
    let addresses = |list: &[Mailbox]| {
        list.iter()
            .map(|m| m.address.as_str())
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut name = Vec::new();
    for field in [date, &addresses(from), &addresses(to), subject, body] {
        name.extend_from_slice(&(field.len() as u64).to_le_bytes());
        name.extend_from_slice(field.as_bytes());
    }
    let id = uuid::Uuid::new_v5(&DERIVED_ID_NAMESPACE, &name);
    format!("{id}@{DERIVED_ID_DOMAIN}")
}

/// Every address of every `field` header, in order.
fn mailboxes(message: &Message<'_>, field: HeaderName<'_>) -> Vec<Mailbox> {
    message
        .header_values(field)
        .filter_map(HeaderValue::as_address)
        .flat_map(|address| address.iter())
        .filter_map(|addr| {
            let address = one_line(addr.address()?);
            (!address.is_empty()).then(|| Mailbox {
                name: addr.name().map(one_line).filter(|n| !n.is_empty()),
                address,
            })
        })
        .collect()
}

/// A date with its zone, in UTC; `None` for a date that does not exist (31 February).
fn to_utc(date: &mail_parser::DateTime) -> Option<DateTime<Utc>> {
    if !date.is_valid() {
        return None;
    }
    let local = NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into())?
        .and_hms_opt(date.hour.into(), date.minute.into(), date.second.into())?;
    let offset = i32::from(date.tz_hour) * 3600 + i32::from(date.tz_minute) * 60;
    let zone = if date.tz_before_gmt {
        FixedOffset::west_opt(offset)
    } else {
        FixedOffset::east_opt(offset)
    }?;
    zone.from_local_datetime(&local)
        .single()
        .map(|at| at.with_timezone(&Utc))
}

/// The text of the message's body parts, joined: text/plain as written (format=flowed
/// joined), text/html made text. In a multipart/alternative the parser lists only the
/// plain part; attachments and nested messages are never listed.
fn body_text(message: &Message<'_>) -> String {
    let mut parts = Vec::new();
    for index in 0..message.text_body_count() {
        let Some(part) = message.text_part(index as u32) else {
            continue;
        };
        let flowed = part
            .content_type()
            .and_then(|ct| ct.attribute("format"))
            .is_some_and(|f| f.eq_ignore_ascii_case("flowed"));
        let text = match &part.body {
            PartType::Text(text) if flowed => {
                let delsp = part
                    .content_type()
                    .and_then(|ct| ct.attribute("delsp"))
                    .is_some_and(|d| d.eq_ignore_ascii_case("yes"));
                unflow(text, delsp)
            }
            PartType::Text(text) => text.to_string(),
            PartType::Html(html) => html_text(html),
            _ => continue,
        };
        parts.push(text);
    }
    parts.join("\n")
}

/// HTML as text: mail-parser's conversion (no tags, no head, style or script, entities
/// decoded), with a line break after each block as well as after `<br>` and `</p>`, and
/// without the indent its word spacing leaves at the start of lines.
fn html_text(html: &str) -> String {
    const BLOCKS: &[&str] = &[
        "div",
        "li",
        "tr",
        "table",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "ul",
        "ol",
        "dl",
        "dd",
        "dt",
    ];
    let mut marked = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some(at) = rest.find("</") {
        let (before, tag) = rest.split_at(at);
        marked.push_str(before);
        let name_end = tag[2..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .map_or(tag.len(), |end| end + 2);
        let is_block = BLOCKS
            .iter()
            .any(|block| tag[2..name_end].eq_ignore_ascii_case(block));
        // A tag ends soon after its name; looking no further keeps hostile HTML linear.
        let close = tag.bytes().take(256).position(|b| b == b'>');
        match close {
            Some(close) if is_block => {
                marked.push_str(&tag[..=close]);
                marked.push_str("<br>");
                rest = &tag[close + 1..];
            }
            _ => {
                marked.push_str("</");
                rest = &tag[2..];
            }
        }
    }
    marked.push_str(rest);
    // `&nbsp;` is for layout; in text it is a space.
    mail_parser::decoders::html::html_to_text(&marked)
        .replace('\u{a0}', " ")
        .lines()
        .map(str::trim_start)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Joins the soft line breaks of format=flowed text (RFC 3676): a line ending in a space goes
/// on with the next line of the same quote depth; one space of stuffing is undone; the
/// signature separator `-- ` never flows. With DelSp=yes the soft break's space goes too.
fn unflow(text: &str, delsp: bool) -> String {
    let mut out = String::with_capacity(text.len());
    // The quote depth of the paragraph that is still flowing.
    let mut flowing: Option<usize> = None;
    for (index, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let depth = line.bytes().take_while(|&b| b == b'>').count();
        let content = &line[depth..];
        let content = content.strip_prefix(' ').unwrap_or(content);
        if flowing != Some(depth) {
            if index > 0 {
                out.push('\n');
            }
            if depth > 0 {
                out.extend(std::iter::repeat_n('>', depth));
                out.push(' ');
            }
        }
        let soft = content.ends_with(' ') && content != "-- ";
        out.push_str(if soft && delsp {
            &content[..content.len() - 1]
        } else {
            content
        });
        flowing = soft.then_some(depth);
    }
    out
}

/// Line ends as `\n`, no control or invisible characters but tabs, no trailing spaces, at
/// most one empty line in a row, none at either end.
fn tidy_body(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.split('\n') {
        let line: String = line
            .chars()
            .filter(|&c| c == '\t' || !is_invisible(c))
            .collect();
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank_run > 0 {
                out.push('\n');
            }
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

/// Cuts a body longer than [`MAX_BODY`] at a character boundary and marks the cut.
fn cap(mut body: String) -> (String, bool) {
    if body.len() <= MAX_BODY {
        return (body, false);
    }
    let mut end = MAX_BODY;
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    body.truncate(end);
    body.push_str(CUT_MARKER);
    (body, true)
}

/// Text for one line: raw ISO-2022-JP decoded, line breaks and tabs as spaces, runs of
/// them as one, no control or invisible characters, trimmed. The ideographic space (`　`)
/// is written on purpose in Japanese names and subjects, and stays.
fn one_line(text: &str) -> String {
    let decoded = raw_iso_2022_jp(text);
    let text = decoded.as_deref().unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let breaks = matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}');
        if c.is_ascii_whitespace() || breaks {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else if !is_invisible(c) {
            out.push(c);
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// Japanese mailers of old wrote ISO-2022-JP straight into header fields, without encoded
/// words, and the parser keeps such text as it is, escape sequences and all. Text that is
/// 7-bit, switches to JIS X 0208 and decodes cleanly is taken for it.
fn raw_iso_2022_jp(text: &str) -> Option<String> {
    let switches = text.contains("\x1b$B") || text.contains("\x1b$@");
    if !switches || !text.is_ascii() {
        return None;
    }
    encoding_rs::ISO_2022_JP
        .decode_without_bom_handling_and_without_replacement(text.as_bytes())
        .map(std::borrow::Cow::into_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/mail")
            .join(name)
    }

    fn read_one(name: &str) -> MailMessage {
        let mut messages = read(&MailSource::Path(fixture(name))).unwrap();
        assert_eq!(messages.len(), 1, "{name}");
        messages.remove(0)
    }

    fn message(text: &str) -> MailMessage {
        read_bytes(text.as_bytes(), None).unwrap().remove(0)
    }

    fn error(bytes: &[u8]) -> String {
        read_bytes(bytes, Some(Path::new("in.eml")))
            .unwrap_err()
            .to_string()
    }

    fn mailbox(name: Option<&str>, address: &str) -> Mailbox {
        Mailbox {
            name: name.map(String::from),
            address: address.to_string(),
        }
    }

    fn utc(text: &str) -> Option<DateTime<Utc>> {
        Some(DateTime::parse_from_rfc3339(text).unwrap().to_utc())
    }

    #[test]
    fn a_dash_is_standard_input() {
        assert_eq!(MailSource::from_arg("-"), MailSource::Stdin);
        assert_eq!(
            MailSource::from_arg("a.eml"),
            MailSource::Path(PathBuf::from("a.eml"))
        );
    }

    #[test]
    fn thunderbird_flowed_text_reads_as_paragraphs() {
        let m = read_one("thunderbird-flowed.eml");
        assert_eq!(m.subject, "Re: お見積りの件");
        assert_eq!(
            m.from,
            [mailbox(
                Some("佐藤 花子"),
                "hanako.sato@midori.example.co.jp"
            )]
        );
        assert_eq!(
            m.to,
            [mailbox(Some("田中 一郎"), "tanaka@hikari-sol.example.jp")]
        );
        assert_eq!(
            m.cc,
            [
                mailbox(Some("Suzuki, Ken"), "ken.suzuki@hikari-sol.example.jp"),
                mailbox(None, "yamamoto@midori.example.co.jp"),
            ]
        );
        assert_eq!(m.date, utc("2026-03-10T14:05:32+09:00"));
        assert_eq!(
            m.message_id,
            "5b2f8c1e-3a7d-4e9b-9c41-2f6d8e0a7b13@midori.example.co.jp"
        );
        assert!(!m.id_derived);
        let lines: Vec<&str> = m.body.lines().collect();
        assert_eq!(lines[0], "田中様");
        // Soft line breaks joined, hard ones kept.
        assert!(
            lines.contains(&"先日ご依頼いただいた見積書をお送りします。ご不明な点がございましたら お気軽にお問い合わせください。"),
            "{}",
            m.body
        );
        assert!(lines.contains(
            &"Thank you again for taking the time to meet with us last Thursday in Osaka. The figures below are valid until the end of April."
        ));
        // Space-stuffing undone; a quote flows within its own depth.
        assert!(lines.contains(&">Space-stuffed line."), "{}", m.body);
        assert!(
            lines.contains(&"> 見積書をお送りいただけますか。来週の会議で検討したいと思い ます。")
        );
        assert_eq!(lines.last(), Some(&"ミドリ技研株式会社 営業部"));
    }

    #[test]
    fn gmail_alternative_takes_the_plain_part() {
        let m = read_one("gmail-alternative.eml");
        assert_eq!(m.subject, "Re: Demo next week");
        assert_eq!(
            m.from,
            [mailbox(Some("Ken Suzuki"), "ken.suzuki@example.com")]
        );
        assert_eq!(
            m.cc,
            [
                mailbox(Some("Mika Ito"), "mika.ito@example.com"),
                mailbox(Some("Jiro Kato"), "jiro.kato@example.com"),
            ]
        );
        assert_eq!(m.date, utc("2026-03-11T09:15:02+09:00"));
        assert!(m.body.starts_with(
            "Hi Hanako,\n\nThanks for the demo yesterday — the team liked the kanban view.\n"
        ));
        assert!(m.body.contains("来週火曜日はいかがでしょうか。"));
        // The quote as the plain part writes it, not the HTML's blockquote.
        assert!(
            m.body.ends_with("wrote:\n> Thank you for your time today."),
            "{}",
            m.body
        );
        assert!(!m.body.contains("<div") && !m.body.contains("gmail_quote"));
        assert!(!m.body.contains('\r'));
    }

    #[test]
    fn outlook_windows_1252_quoted_printable_is_decoded() {
        let m = read_one("outlook-alternative.eml");
        assert_eq!(m.subject, "RE: Pricing for the Osaka office");
        assert_eq!(
            m.message_id,
            "TYCPR01MB8456A1B2C3D4E5F6A7B8C9D0E1F2A3B4@TYCPR01MB8456.jpnprd01.prod.example.com"
        );
        assert_eq!(m.cc, [mailbox(Some("Legal Team"), "legal@example.com")]);
        assert_eq!(m.date, utc("2026-03-12T02:41:17Z"));
        assert!(
            m.body.contains("Thanks – we’re happy with the proposal. Please send the contract to our legal team; they’ll review it by Friday."),
            "{}",
            m.body
        );
        for leftover in ["=92", "=\n", "MsoNormal", "font-family"] {
            assert!(!m.body.contains(leftover), "{leftover} in {}", m.body);
        }
    }

    #[test]
    fn iphone_mail_quoted_printable_and_q_encoded_subject() {
        let m = read_one("iphone-qp.eml");
        assert_eq!(m.subject, "Re: 来週の打ち合わせ");
        assert_eq!(
            m.from,
            [mailbox(Some("田中 一郎"), "tanaka@hikari-sol.example.jp")]
        );
        assert_eq!(m.date, utc("2026-03-13T21:03:44+09:00"));
        assert_eq!(
            m.body,
            "了解です。来週火曜日の15時でお願いします。\n\niPhoneから送信\n\n\
             > 2026/03/13 18:40、佐藤 花子 <hanako.sato@midori.example.co.jp>のメール:\n>\n\
             > 打ち合わせの日程はいかがでしょうか。"
        );
    }

    #[test]
    fn japanese_iso_2022_jp_reads_right() {
        let m = read_one("japanese-iso2022jp.eml");
        // Two encoded words folded over two lines make one subject.
        assert_eq!(
            m.subject,
            "【ご相談】来期導入に向けた正式なお見積書ご送付のお願い（さくら商事）"
        );
        assert_eq!(
            m.from,
            [mailbox(
                Some("山本 太郎"),
                "taro.yamamoto@sakura.example.co.jp"
            )]
        );
        assert_eq!(
            m.to,
            [mailbox(
                Some("佐藤 花子"),
                "hanako.sato@midori.example.co.jp"
            )]
        );
        // A group (`購買部: ...;`) gives its members.
        assert_eq!(
            m.cc,
            [
                mailbox(None, "kobai1@sakura.example.co.jp"),
                mailbox(Some("鈴木 次郎"), "jiro.suzuki@sakura.example.co.jp"),
            ]
        );
        assert_eq!(m.date, utc("2026-03-16T10:12:45+09:00"));
        assert_eq!(
            m.message_id,
            "20260316101245.7C3E.A1B2C3D4@sakura.example.co.jp"
        );
        assert!(
            m.body.starts_with(
                "株式会社ミドリ技研\n佐藤 花子 様\n\nいつも大変お世話になっております。"
            )
        );
        assert!(
            m.body
                .contains("正式なお見積書を３月末までにお送りいただけますでしょうか。")
        );
        assert!(m.body.contains("さくら商事株式会社　購買部"));
        assert!(!m.body.contains('\u{1b}') && !m.body.contains("$B"));
    }

    #[test]
    fn html_only_newsletter_becomes_readable_text() {
        let m = read_one("newsletter-html.eml");
        assert_eq!(m.subject, "[ミドリ通信] 3月号：新機能とイベントのお知らせ");
        assert_eq!(
            m.from,
            [mailbox(
                Some("ミドリ通信"),
                "news@mail.midori.example.co.jp"
            )]
        );
        let lines: Vec<&str> = m.body.lines().collect();
        assert_eq!(lines[0], "ミドリ通信 3月号", "{}", m.body);
        assert!(
            lines.contains(&"今月の新機能 & イベントのお知らせです—ぜひご覧ください。"),
            "{}",
            m.body
        );
        assert!(lines.contains(&"詳しくはこちら"), "{}", m.body);
        for leftover in [
            "<",
            "&amp;",
            "&nbsp;",
            "font-family",
            "dataLayer",
            "preheader",
            "utm_source",
        ] {
            assert!(!m.body.contains(leftover), "{leftover} in {}", m.body);
        }
    }

    #[test]
    fn html_divs_become_lines() {
        let m = message(
            "From: a@x.example\nSubject: s\nContent-Type: text/html; charset=utf-8\n\n\
             <div dir=\"ltr\"><div>Hi Hanako,</div><div><br></div><div>See you on Tuesday.</div>\
             <ul><li>one</li><li>two</li></ul></DIV>",
        );
        assert_eq!(m.body, "Hi Hanako,\n\nSee you on Tuesday.\none\ntwo");
    }

    #[test]
    fn a_message_without_id_gets_one_that_stays_the_same() {
        let first = read_one("no-message-id.eml");
        assert!(first.id_derived);
        assert!(
            first.message_id.ends_with("@leadtrack.invalid"),
            "{}",
            first.message_id
        );
        assert_eq!(first.subject, "Weekly pipeline report");
        assert_eq!(first.body.lines().next(), Some("Open leads: 12"));
        // Read again, from standard input, with CRLF line ends: the same id.
        let again = read_one("no-message-id.eml");
        assert_eq!(again.message_id, first.message_id);
        let bytes = std::fs::read(fixture("no-message-id.eml")).unwrap();
        let crlf = String::from_utf8(bytes).unwrap().replace('\n', "\r\n");
        assert_eq!(message(&crlf).message_id, first.message_id);
        // Another body or another date: another id.
        assert_ne!(
            message(&crlf.replace("12", "13")).message_id,
            first.message_id
        );
        assert_ne!(
            message(&crlf.replace("23:00:00", "23:00:01")).message_id,
            first.message_id
        );
    }

    #[test]
    fn mbox_messages_come_in_order_with_their_place() {
        let path = fixture("three.mbox");
        let messages = read(&MailSource::Path(path.clone())).unwrap();
        let ids: Vec<&str> = messages.iter().map(|m| m.message_id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "mbox-1@midori.example.co.jp",
                "mbox-2@example.com",
                "mbox-3@hikari-sol.example.jp"
            ]
        );
        let text = std::fs::read(&path).unwrap();
        let separators: Vec<usize> = text
            .split(|&b| b == b'\n')
            .enumerate()
            .filter(|(_, line)| line.starts_with(b"From "))
            .map(|(i, _)| i + 1)
            .collect();
        for (n, m) in messages.iter().enumerate() {
            assert_eq!(m.origin.file.as_deref(), Some(path.as_path()));
            assert_eq!(
                m.origin.mbox,
                Some(MboxPosition {
                    number: n + 1,
                    line: separators[n]
                })
            );
        }
        assert!(
            messages[1]
                .origin
                .to_string()
                .ends_with(&format!("three.mbox, message 2 (line {})", separators[1]))
        );
        // `>From ` quoting undone, one level (mboxrd).
        assert!(
            messages[1]
                .body
                .contains("\nFrom the notes of our call: legal wants two more days.")
        );
        assert!(
            messages[2]
                .body
                .contains("\n>From here on the quote is ours")
        );
        // Shift_JIS body and subject, ISO-2022-JP name.
        assert_eq!(messages[2].subject, "資料の件");
        assert_eq!(messages[2].from[0].name.as_deref(), Some("小林"));
        assert!(
            messages[2]
                .body
                .starts_with("鈴木様\n\n資料を拝見しました。")
        );
        // The same bytes on standard input read the same, without a file.
        let piped = read_bytes(&text, None).unwrap();
        assert_eq!(piped.len(), 3);
        assert_eq!(piped[2].body, messages[2].body);
        assert_eq!(
            piped[2].origin.to_string(),
            format!("standard input, message 3 (line {})", separators[2])
        );
    }

    #[test]
    fn maildir_messages_come_by_file_name() {
        let messages = read(&MailSource::Path(fixture("maildir"))).unwrap();
        let ids: Vec<&str> = messages.iter().map(|m| m.message_id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "md-1@example.com",
                "md-2@example.com",
                "md-3@hikari-sol.example.jp"
            ]
        );
        let names: Vec<String> = messages
            .iter()
            .map(|m| {
                m.origin
                    .file
                    .as_ref()
                    .unwrap()
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(
            names,
            [
                "1773885600.M101P4242Q1.mail.example:2,S",
                "1773901200.M202P4242Q2.mail.example:2,RS",
                "1773965100.M303P4242Q3.mail.example",
            ]
        );
        assert_eq!(
            messages[0].body,
            "We'd like 25 seats from April — 来月からお願いします。"
        );
        assert_eq!(messages[1].subject, "請求書について");
        assert_eq!(
            messages[1].body,
            "請求書の宛名を「株式会社エグザンプル」に変更してください。"
        );
        // EUC-JP, header and body.
        assert_eq!(messages[2].subject, "訪問日程");
        assert_eq!(messages[2].from[0].name.as_deref(), Some("小林 誠"));
        assert_eq!(messages[2].body, "来週水曜日の午後に伺います。");
        // Its cur folder named directly: just those.
        let cur = read(&MailSource::Path(fixture("maildir/cur"))).unwrap();
        assert_eq!(cur.len(), 2);
        assert_eq!(cur[0], messages[0]);
    }

    #[test]
    fn a_broken_maildir_message_fails_the_read_and_is_named() {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["cur", "new", "tmp"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
        }
        std::fs::write(
            dir.path().join("cur/1.a:2,S"),
            "From: a@x.example\nSubject: ok\n\nfine\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("new/2.b"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
        std::fs::write(dir.path().join("tmp/3.c"), b"\0half-delivered").unwrap();
        let err = read(&MailSource::Path(dir.path().to_path_buf()))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("2.b is not a mail message: it holds binary data"),
            "{err}"
        );
        assert!(!err.contains('\n'));
        // Without it, the rest reads; tmp/ and hidden files are never read.
        std::fs::remove_file(dir.path().join("new/2.b")).unwrap();
        std::fs::write(dir.path().join("new/.DS_Store"), b"\0\0\0\x01Bud1").unwrap();
        let messages = read(&MailSource::Path(dir.path().to_path_buf())).unwrap();
        assert_eq!(messages.len(), 1);
        assert_eq!(messages[0].subject, "ok");
    }

    #[test]
    fn folders_that_are_no_maildir_or_an_empty_one_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = read(&MailSource::Path(dir.path().to_path_buf()))
            .unwrap_err()
            .to_string();
        let shown = dir.path().display().to_string();
        assert_eq!(
            err,
            format!("{shown} is not a Maildir: it has no cur or new folder")
        );
        std::fs::create_dir(dir.path().join("cur")).unwrap();
        std::fs::create_dir(dir.path().join("new")).unwrap();
        let err = read(&MailSource::Path(dir.path().to_path_buf()))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            format!("{shown} is an empty Maildir: it holds no mail message")
        );
    }

    #[test]
    fn files_that_are_not_mail_are_named() {
        let missing = fixture("no-such.eml");
        let err = read(&MailSource::Path(missing.clone()))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(&format!("{} cannot be read: ", missing.display())),
            "{err}"
        );
        assert_eq!(error(b""), "in.eml is empty: it holds no mail message");
        assert_eq!(
            error(b"\r\n \n"),
            "in.eml is empty: it holds no mail message"
        );
        assert_eq!(
            error(b"PK\x03\x04\x14\0\x06\0"),
            "in.eml is not a mail message: it holds binary data"
        );
        let no_headers = "in.eml is not a mail message: it does not begin with mail headers (From:, To:, Subject:, Date:)";
        assert_eq!(
            error("佐藤様\n\nお世話になっております。\n".as_bytes()),
            no_headers
        );
        assert_eq!(error(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), no_headers);
        // Colons alone do not make a message.
        assert_eq!(
            error(b"Note: call back on Monday\nTime: 10:00\n"),
            no_headers
        );
        assert_eq!(error(b" From: a@x.example\n\nbody"), no_headers);
    }

    #[test]
    fn a_bad_mbox_message_is_named_by_number_and_line() {
        let mbox = b"From a@x.example Tue Mar 17 09:00:00 2026\nFrom: a@x.example\nSubject: one\n\nfine\n\n\
                     From b@x.example Tue Mar 17 10:00:00 2026\nthis is not a message\n";
        let err = read_bytes(mbox, Some(Path::new("box.mbox")))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("box.mbox, message 2 (line 7) is not a mail message:"),
            "{err}"
        );
        let err = read_bytes(
            b"From a@x.example Tue Mar 17 09:00:00 2026\n\n",
            Some(Path::new("box.mbox")),
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            err,
            "box.mbox, message 1 (line 1) is empty: there is nothing after its From line"
        );
    }

    #[test]
    fn dates_in_utc_or_none() {
        let dated = |date: &str| message(&format!("From: a@x.example\n{date}Subject: s\n\nb")).date;
        assert_eq!(
            dated("Date: Mon, 16 Mar 2026 10:12:45 +0900\n"),
            utc("2026-03-16T01:12:45Z")
        );
        assert_eq!(
            dated("Date: 16 Mar 2026 10:12 -0500\n"),
            utc("2026-03-16T15:12:00Z")
        );
        assert_eq!(dated(""), None);
        assert_eq!(dated("Date: next Tuesday\n"), None);
        assert_eq!(dated("Date: Mon, 31 Feb 2026 10:00:00 +0000\n"), None);
    }

    #[test]
    fn every_address_of_every_field_and_group() {
        let m = message(
            "From: \"Sato, Hanako\" <hanako.sato@midori.example.co.jp>\n\
             To: Sales: ken.suzuki@example.com, Mika Ito <mika.ito@example.com>;, jiro@example.com\n\
             To:   late.field@example.com  \n\
             Cc: undisclosed-recipients:;\n\
             Subject: s\n\nb",
        );
        assert_eq!(
            m.from,
            [mailbox(
                Some("Sato, Hanako"),
                "hanako.sato@midori.example.co.jp"
            )]
        );
        let to: Vec<&str> = m.to.iter().map(|a| a.address.as_str()).collect();
        assert_eq!(
            to,
            [
                "ken.suzuki@example.com",
                "mika.ito@example.com",
                "jiro@example.com",
                "late.field@example.com"
            ]
        );
        assert!(m.cc.is_empty());
    }

    #[test]
    fn text_from_mail_cannot_drive_the_terminal() {
        // An encoded word can carry any byte: ESC, BEL, a bidi override, a line break.
        let subject = "=?UTF-8?B?".to_string()
            + &base64("Re:\u{1b}]52;c;aGk=\u{7} \u{202E}見積\r\n書\u{1b}[2J")
            + "?=";
        let name = "=?UTF-8?B?".to_string() + &base64("佐藤\u{1b}[31m 花子\u{0}") + "?=";
        let m = message(&format!(
            "From: {name} <hanako\u{7}.sato@midori.example.co.jp>\nSubject: {subject}\n\n\
             line one\u{1b}[2J\tcell\u{202E}\n\u{1b}]0;title\u{7}line two\n"
        ));
        assert_eq!(m.subject, "Re:]52;c;aGk= 見積 書[2J");
        assert_eq!(m.from[0].name.as_deref(), Some("佐藤[31m 花子"));
        assert!(!m.from[0].address.chars().any(char::is_control));
        assert_eq!(m.body, "line one[2J\tcell\n]0;titleline two");
    }

    #[test]
    fn raw_iso_2022_jp_in_a_header_is_decoded() {
        let mut raw = b"From: a@x.example\nSubject: ".to_vec();
        raw.extend_from_slice(&encoding_rs::ISO_2022_JP.encode("お見積りの件").0);
        raw.extend_from_slice(b"\n\nbody\n");
        let m = read_bytes(&raw, None).unwrap().remove(0);
        assert_eq!(m.subject, "お見積りの件");
    }

    #[test]
    fn ideographic_spaces_stay_and_folds_are_one_space() {
        let m = message(
            "From: =?UTF-8?B?5bGx5pys44CA5aSq6YOO?= <taro@x.example>\n\
             Subject: =?UTF-8?B?44GK6KaL56mN44KK44CA56ys5LqM54mI?=\n  =?UTF-8?Q?_r2?= and\n\tmore\n\nb",
        );
        assert_eq!(m.from[0].name.as_deref(), Some("山本　太郎"));
        assert_eq!(m.subject, "お見積り　第二版 r2 and more");
    }

    #[test]
    fn a_long_body_is_cut_at_a_character() {
        let body = "あ".repeat(MAX_BODY); // three bytes each
        let m = message(&format!("From: a@x.example\nSubject: long\n\n{body}"));
        assert!(m.body_cut);
        assert!(m.body.ends_with(CUT_MARKER));
        let kept = m.body.strip_suffix(CUT_MARKER).unwrap();
        assert!(kept.len() <= MAX_BODY && kept.len() > MAX_BODY - 3);
        assert!(kept.chars().all(|c| c == 'あ'));
        let short = message("From: a@x.example\nSubject: short\n\nhello\n");
        assert!(!short.body_cut);
        assert_eq!(short.body, "hello");
    }

    #[test]
    fn attachments_are_left_out() {
        let m = message(
            "From: a@x.example\nSubject: quote\nMIME-Version: 1.0\n\
             Content-Type: multipart/mixed; boundary=\"b1\"\n\n\
             --b1\nContent-Type: text/plain; charset=utf-8\n\nPlease find the quote attached.\n\
             --b1\nContent-Type: text/plain; name=\"notes.txt\"\nContent-Disposition: attachment; filename=\"notes.txt\"\n\n\
             internal notes\n\
             --b1\nContent-Type: application/pdf; name=\"quote.pdf\"\nContent-Transfer-Encoding: base64\n\
             Content-Disposition: attachment; filename=\"quote.pdf\"\n\nJVBERi0xLjcK\n--b1--\n",
        );
        assert_eq!(m.body, "Please find the quote attached.");
    }

    #[test]
    fn flowed_with_delsp_drops_the_soft_space() {
        let m = message(
            "From: a@x.example\nSubject: s\nContent-Type: text/plain; charset=utf-8; format=flowed; delsp=yes\n\n\
             来週の打ち合わせは火曜日 \nでお願いします。\n",
        );
        assert_eq!(m.body, "来週の打ち合わせは火曜日でお願いします。");
    }

    #[test]
    fn a_bom_or_an_envelope_line_before_the_headers_is_fine() {
        let m = message("\u{feff}From: a@x.example\nSubject: bom\n\nb");
        assert_eq!(m.subject, "bom");
        let m = parse_message(
            b"From a@x.example Tue Mar 17 09:00:00 2026\nFrom: a@x.example\nSubject: env\n\nb",
            MailOrigin::default(),
        )
        .unwrap();
        assert_eq!(m.subject, "env");
    }

    fn base64(text: &str) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for chunk in text.as_bytes().chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Any bytes: messages or a one-line error naming the input, never a panic.
        #[test]
        fn any_bytes_read_or_fail_in_one_line(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2048)) {
            check_no_panic(&bytes)?;
        }

        /// Mail-shaped bytes: real header fields, MIME and encodings, with arbitrary text.
        #[test]
        fn mail_shaped_bytes_read_or_fail_in_one_line(
            prefix in proptest::sample::select(vec!["", "From a@x.example Tue Mar 17 09:00:00 2026\n", "\u{feff}"]),
            content_type in proptest::sample::select(vec![
                "text/plain; charset=ISO-2022-JP", "text/plain; charset=Shift_JIS; format=flowed",
                "text/html; charset=EUC-JP", "multipart/alternative; boundary=b", "multipart/mixed; boundary=\"b\"",
                "text/plain; charset=x-unknown", "message/rfc822",
            ]),
            encoding in proptest::sample::select(vec!["7bit", "8bit", "base64", "quoted-printable", "x-uuencode"]),
            subject in proptest::sample::select(vec!["=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=", "=?UTF-8?Q?=E3=81=82?=", "=?x?B?!!?=", "\u{1b}$B%F\u{1b}(B", ""]),
            body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..512),
            tail in proptest::sample::select(vec!["", "\n--b\nContent-Type: text/html\n\n<p>x</p>\n--b--\n", "\nFrom b@x Tue\n\n", "\n--b"]),
        ) {
            let mut raw = format!(
                "{prefix}From: =?UTF-8?B?5L2Q6Jek?= <a@x.example>\nTo: G: b@x.example;\nSubject: {subject}\n\
                 Date: Mon, 16 Mar 2026 10:12:45 +0900\nMIME-Version: 1.0\nContent-Type: {content_type}\n\
                 Content-Transfer-Encoding: {encoding}\n\n--b\nContent-Type: text/plain\n\n"
            ).into_bytes();
            raw.extend_from_slice(&body);
            raw.extend_from_slice(tail.as_bytes());
            check_no_panic(&raw)?;
        }
    }

    fn check_no_panic(bytes: &[u8]) -> Result<(), proptest::test_runner::TestCaseError> {
        match read_bytes(bytes, None) {
            Ok(messages) => {
                proptest::prop_assert!(!messages.is_empty());
                for m in messages {
                    for text in [&m.subject, &m.message_id]
                        .into_iter()
                        .chain(m.from.iter().chain(&m.to).chain(&m.cc).map(|a| &a.address))
                    {
                        proptest::prop_assert!(!text.chars().any(is_invisible), "{text:?}");
                    }
                    proptest::prop_assert!(
                        !m.body
                            .chars()
                            .any(|c| is_invisible(c) && c != '\n' && c != '\t'),
                        "{:?}",
                        m.body
                    );
                    proptest::prop_assert!(m.body.len() <= MAX_BODY + CUT_MARKER.len());
                }
            }
            Err(e) => {
                let e = e.to_string();
                proptest::prop_assert!(e.starts_with("standard input"), "{e}");
                proptest::prop_assert!(!e.chars().any(char::is_control), "{e:?}");
            }
        }
        Ok(())
    }
}
