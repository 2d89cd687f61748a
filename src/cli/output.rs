//! How the command line prints: aligned tables for people (double-width aware, untrusted
//! text made safe), JSON for scripts.

use crate::error::{Error, Result};
use crate::model::text::{display_safe, fit, width};
use serde::Serialize;
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Table,
    Json,
    Csv,
}

/// Longest a table cell gets before it is cut with an ellipsis.
const MAX_CELL: usize = 40;

pub struct Table {
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(headers: &[&'static str]) -> Table {
        Table {
            headers: headers.to_vec(),
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
                longest.max(width(self.headers[i])).min(MAX_CELL)
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
        writeln!(out, "{}", line(self.headers.clone())).map_err(io)?;
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
    Error::Io(format!("cannot write the output: {e}"))
}

/// One line of command output on stdout.
pub fn write_line(args: std::fmt::Arguments<'_>) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_fmt(args)
        .and_then(|()| out.write_all(b"\n"))
        .map_err(io)
}

pub fn print_json<T: Serialize + ?Sized>(value: &T) -> Result<()> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Error::Io(format!("cannot write JSON: {e}")))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}").map_err(io)
}

/// A field line of a record view: `  label  value`, the value made safe.
pub fn field(out: &mut impl Write, label: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Ok(());
    }
    writeln!(out, "  {}  {}", fit(label, 16), display_safe(value)).map_err(io)
}

pub fn opt(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

/// 1234567 → "1,234,567".
pub fn amount(value: Option<i64>) -> String {
    let Some(v) = value else { return String::new() };
    let digits = v.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0 { format!("-{out}") } else { out }
}

/// Scores print without trailing zeros: 7, 1.5, 0.75.
pub fn score(x: f64) -> String {
    let text = format!("{x:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_group_thousands() {
        assert_eq!(amount(Some(1_234_567)), "1,234,567");
        assert_eq!(amount(Some(500)), "500");
        assert_eq!(amount(Some(-1000)), "-1,000");
        assert_eq!(amount(None), "");
    }

    #[test]
    fn scores_drop_trailing_zeros() {
        assert_eq!(score(7.0), "7");
        assert_eq!(score(1.5), "1.5");
        assert_eq!(score(0.75), "0.75");
    }

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
