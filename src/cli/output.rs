//! How the command line prints: aligned tables for people (double-width aware, untrusted
//! text made safe), JSON for scripts.

use crate::config::Language;
use crate::error::{Error, Result};
use crate::i18n::{Said, io_reason};
use crate::model::dates::{Due, day_ja, today};
pub use crate::model::format::{amount, score};
use crate::tr;
use chrono::NaiveDate;

/// A moment as the command line shows it: local time to the minute (`2026-12-03 14:00`,
/// `12/3(木) 14:00`).
pub fn local_time(language: Language, t: &chrono::DateTime<chrono::Utc>) -> String {
    let local = t.with_timezone(&chrono::Local);
    match language {
        Language::En => local.format("%Y-%m-%d %H:%M").to_string(),
        Language::Ja => format!(
            "{} {}",
            day_ja(local.date_naive(), today()),
            local.format("%H:%M")
        ),
    }
}

/// A date as a person reads it: `2026-12-03`, `12/3(木)`.
pub fn day(language: Language, date: NaiveDate) -> String {
    match language {
        Language::En => date.format("%Y-%m-%d").to_string(),
        Language::Ja => day_ja(date, today()),
    }
}

/// A next-action date with its time when it has one.
pub fn due(language: Language, due: &Due) -> String {
    match (language, due.time) {
        (Language::En, _) => due.to_string(),
        (Language::Ja, None) => day_ja(due.date, today()),
        (Language::Ja, Some(t)) => format!("{} {}", day_ja(due.date, today()), t.format("%H:%M")),
    }
}

/// An amount of yen: `1,200,000`, `120万円`.
pub fn money(language: Language, value: Option<i64>) -> String {
    crate::model::format::yen(value, language)
}

use crate::model::text::{display_safe, display_safe_multiline, fit, is_invisible, width};
use crate::store::history::HistoryEntry;
use serde::Serialize;
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Table,
    Json,
    Csv,
}

/// What a command that prints no CSV prints: a table for people, or JSON for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum TableOrJson {
    #[default]
    Table,
    Json,
}

/// Longest a table cell gets before it is cut with an ellipsis.
const MAX_CELL: usize = 40;

pub struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new<S: AsRef<str>>(headers: &[S]) -> Table {
        Table {
            headers: headers.iter().map(|h| h.as_ref().to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows
            .push(cells.iter().map(|c| display_safe(c)).collect());
    }

    pub fn print(&self, out: &mut impl Write) -> Result<()> {
        let widths: Vec<usize> = (0..self.headers.len())
            .map(|i| {
                let longest = self
                    .rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(|c| width(c))
                    .max()
                    .unwrap_or(0);
                longest.max(width(&self.headers[i])).min(MAX_CELL)
            })
            .collect();
        let line = |cells: Vec<&str>| -> String {
            let last = cells.len().saturating_sub(1);
            let mut text = String::new();
            for (i, cell) in cells.into_iter().enumerate() {
                if i == last {
                    text.push_str(&crate::model::text::truncate(cell, widths[i]));
                } else {
                    text.push_str(&fit(cell, widths[i]));
                    text.push_str("  ");
                }
            }
            text.trim_end().to_string()
        };
        writeln!(
            out,
            "{}",
            line(self.headers.iter().map(String::as_str).collect())
        )
        .map_err(io)?;
        for row in &self.rows {
            writeln!(out, "{}", line(row.iter().map(String::as_str).collect())).map_err(io)?;
        }
        Ok(())
    }
}

pub fn io(e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return Error::OutputClosed;
    }
    Error::Io(Said::new(
        "error-cannot-write-output",
        [("reason", io_reason(&e))],
    ))
}

/// One line of command output on stdout.
/// A line of command output. Messages quote names, titles and file contents, so the line is
/// made safe for a terminal whole: no control sequence in the data reaches the screen.
pub fn write_line(args: std::fmt::Arguments<'_>) -> Result<()> {
    let line = display_safe_multiline(&args.to_string());
    let mut out = std::io::stdout().lock();
    out.write_all(line.as_bytes())
        .and_then(|()| out.write_all(b"\n"))
        .map_err(io)
}

/// JSON for scripts. serde_json escapes C0 controls; C1 controls and invisible characters
/// (bidi overrides, zero-width) are escaped here too, so the same value reads back and a
/// terminal showing it has nothing to act on.
pub fn print_json<T: Serialize + ?Sized>(value: &T) -> Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(|e| {
        Error::Io(Said::new(
            "error-cannot-write-json",
            [("reason", e.to_string())],
        ))
    })?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", json_escape_invisible(&text)).map_err(io)
}

/// Outside strings JSON has only ASCII, so every such character is inside a string, where
/// `\uXXXX` means the same character.
fn json_escape_invisible(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c != '\n' && is_invisible(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Exported data (CSV, vCard, ICS, Markdown) on standard output: byte for byte into a file or
/// a pipe; on a terminal, control characters are shown as `�` (`?` in Shift_JIS) so the data
/// cannot drive the terminal.
pub fn write_data(bytes: &[u8]) -> Result<()> {
    use std::io::IsTerminal;
    let mut out = std::io::stdout().lock();
    let shown;
    let bytes = if out.is_terminal() {
        shown = terminal_safe(bytes);
        &shown
    } else {
        bytes
    };
    out.write_all(bytes).and_then(|()| out.flush()).map_err(io)
}

fn terminal_safe(bytes: &[u8]) -> Vec<u8> {
    let keep = |c: char| matches!(c, '\n' | '\r' | '\t');
    match std::str::from_utf8(bytes) {
        Ok(text) => text
            .chars()
            .filter(|c| keep(*c) || !is_invisible(*c))
            .map(|c| {
                if c.is_control() && !keep(c) {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect::<String>()
            .into_bytes(),
        // Shift_JIS: its two-byte characters never use bytes below 0x40, so C0 controls and
        // DEL are single bytes here.
        Err(_) => bytes
            .iter()
            .map(|&b| {
                if (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t')) || b == 0x7f {
                    b'?'
                } else {
                    b
                }
            })
            .collect(),
    }
}

/// A field line of a record view: `  label  value`, the value made safe.
/// Each of `items` on a line of its own, indented under the line before: what `say` makes
/// of it.
pub fn indented<T>(out: &mut impl Write, items: &[T], say: impl Fn(&T) -> String) -> Result<()> {
    for item in items {
        writeln!(out, "  {}", say(item)).map_err(io)?;
    }
    Ok(())
}

pub fn field(out: &mut impl Write, label: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Ok(());
    }
    writeln!(out, "  {}  {}", fit(label, 16), display_safe(value)).map_err(io)
}

/// The "Changed fields" part of `lead show` and `contact show`: each value a field had, and
/// who replaced it when. The entries' fields are already named by their labels.
pub fn history(out: &mut impl Write, language: Language, entries: &[HistoryEntry]) -> Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{}", tr!(language, "cli-history-heading")).map_err(io)?;
    for h in entries {
        let was = match &h.previous {
            serde_json::Value::Null => tr!(language, "cli-empty"),
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let line = tr!(
            language,
            "cli-history-line",
            when = local_time(language, &h.replaced_at),
            field = h.field.clone(),
            was = display_safe(&was),
            who = display_safe(&h.replaced_by)
        );
        writeln!(out, "  {line}").map_err(io)?;
    }
    Ok(())
}

/// `text` followed by spaces to `cells` of the terminal (a longer text is not cut).
pub fn pad(text: &str, cells: usize) -> String {
    format!("{text}{}", " ".repeat(cells.saturating_sub(width(text))))
}

/// Texts padded to the widest of them, to stand as a column (Japanese dates differ in
/// width: `1/5(月)`, `12/25(金)`).
pub fn column(texts: impl IntoIterator<Item = String>) -> Vec<String> {
    let texts: Vec<String> = texts.into_iter().collect();
    let widest = texts.iter().map(|t| width(t)).max().unwrap_or(0);
    texts.iter().map(|t| pad(t, widest)).collect()
}

pub fn opt(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_double_width_text() {
        let mut t = Table::new(&["TITLE", "OWNER"]);
        t.row(vec!["ミドリ技研".into(), "me".into()]);
        t.row(vec!["abc".into(), "you".into()]);
        let mut out = Vec::new();
        t.print(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let columns: Vec<usize> = text
            .lines()
            .map(|l| width(&l[..l.rfind(' ').unwrap()]))
            .collect();
        assert!(columns.iter().all(|c| *c == columns[0]), "{text}");
    }
}
