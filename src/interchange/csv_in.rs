//! Reading CSV files (RFC 4180): records with the line each starts on, with the mistakes a
//! hand-edited file has (an unterminated quote, ragged rows, an enormous line) reported by
//! line.

use crate::error::{Error, Result};
use crate::i18n::{Arg, Said};
use crate::model::text::display_safe;

/// Longest line a card or lead file may have; anything longer is not such a file.
pub const MAX_LINE: usize = 1 << 20;

#[derive(Debug)]
pub struct Table {
    pub headers: Vec<String>,
    /// (line the record starts on, its fields)
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Parses CSV text. `file` names the file in errors.
pub fn read(text: &str, file: &str) -> Result<Table> {
    read_from(text, file, 0)
}

/// Parses CSV text whose header is on line `skip` + 1 (the lines before it are not CSV);
/// lines are still counted from the top of the file.
pub fn read_from(text: &str, file: &str, skip: usize) -> Result<Table> {
    // CRLF and CR line ends (Excel, card apps, old Mac exports) read as LF: the csv reader
    // ends records at either but counts only LF as a line, and a line break inside a quoted
    // field is better stored as one character.
    let whole = text.replace("\r\n", "\n").replace('\r', "\n");
    let start = match skip {
        0 => 0,
        n => whole
            .match_indices('\n')
            .nth(n - 1)
            .map_or(whole.len(), |(at, _)| at + 1),
    };
    let text = &whole[start..];
    if let Some((line, len)) = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1 + skip, l.len()))
        .find(|(_, len)| *len > MAX_LINE)
    {
        return Err(at_line(
            "error-csv-line-too-long",
            file,
            line,
            [("mb", (len >> 20).to_string())],
        ));
    }
    if let Some(line) = unterminated_quote(text) {
        return Err(at_line("error-csv-unclosed-quote", file, line + skip, []));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| csv_error(file, e, skip))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(at_line("error-csv-empty-header", file, skip + 1, []));
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(file, e, skip))?;
        let line = record.position().map_or(0, |p| p.line() as usize) + skip;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        rows.push((line, record.iter().map(String::from).collect()));
    }
    Ok(Table { headers, rows })
}

/// The catalog's message `id` about `line` of `file`, with `more` values.
fn at_line<const N: usize>(
    id: &'static str,
    file: &str,
    line: impl ToString,
    more: [(&'static str, String); N],
) -> Error {
    let mut args = vec![("file", file.to_string()), ("line", line.to_string())];
    args.extend(more);
    Error::said(id, args)
}

/// Where a cell is, in each language: `f.csv, line 3, column 'stage'`. Its header comes
/// from the file, so it is made safe to print.
pub fn cell_at(file: &str, line: usize, header: &str) -> Arg {
    let header = display_safe(header);
    Arg::in_each(|l| {
        crate::tr!(
            l,
            "cell-at",
            file = file,
            line = line.to_string(),
            header = header.as_str()
        )
    })
}

/// `problem` (a sentence in each language) with the cell it is about.
pub fn cell_error(at: Arg, problem: Arg) -> Error {
    Error::said("error-flag-value", [("flag", at), ("problem", problem)])
}

/// `problem` said in each language.
pub fn said_each(problem: &Said) -> Arg {
    Arg::in_each(|l| problem.in_language(l))
}

fn csv_error(file: &str, e: csv::Error, skip: usize) -> Error {
    let line = e.position().map_or(0, |p| p.line()) + skip as u64;
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => at_line(
            "error-csv-field-count",
            file,
            line,
            [
                ("len", len.to_string()),
                ("expected", expected_len.to_string()),
            ],
        ),
        csv::ErrorKind::Utf8 { .. } => at_line("error-csv-not-utf8", file, line, []),
        _ => at_line("error-csv-other", file, line, [("detail", e.to_string())]),
    }
}

/// The line of a quoted field that never closes, if any (RFC 4180: a quote opens only at
/// the start of a field, `""` inside is a quote).
fn unterminated_quote(text: &str) -> Option<usize> {
    let mut line = 1;
    let mut opened_at = 0;
    let mut quoted = false;
    let mut field_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                }
                '"' => quoted = false,
                '\n' => line += 1,
                _ => {}
            }
            continue;
        }
        match c {
            '"' if field_start => {
                quoted = true;
                opened_at = line;
            }
            ',' => {
                field_start = true;
                continue;
            }
            '\n' => {
                line += 1;
                field_start = true;
                continue;
            }
            '\r' => continue,
            _ => {}
        }
        field_start = false;
    }
    quoted.then_some(opened_at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_know_their_line_across_quoted_line_breaks() {
        let t = read("a,b\n1,\"x\ny\"\n2,z\n", "f.csv").unwrap();
        assert_eq!(t.headers, ["a", "b"]);
        assert_eq!(t.rows[0], (2, vec!["1".to_string(), "x\ny".to_string()]));
        assert_eq!(t.rows[1].0, 4);
    }

    #[test]
    fn crlf_files_count_lines_right() {
        let t = read("a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n", "f.csv").unwrap();
        assert_eq!(t.rows[0], (2, vec!["1".to_string(), "x\ny".to_string()]));
        assert_eq!(t.rows[1].0, 4);
    }

    #[test]
    fn cr_files_count_lines_right() {
        let t = read("a,b\r1,\"x\ny\"\r2,z\r", "f.csv").unwrap();
        assert_eq!(t.rows[0], (2, vec!["1".to_string(), "x\ny".to_string()]));
        assert_eq!(t.rows[1].0, 4);
        let err = read("a,b\r1,2\r3\r", "f.csv").unwrap_err().to_string();
        assert!(err.contains("f.csv, line 3"), "{err}");
    }

    #[test]
    fn broken_files_are_named_by_line() {
        let err = read("a,b\n1,2\n3,\"open\n4,5\n", "f.csv")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("f.csv, line 3") && err.contains("never closed"),
            "{err}"
        );
        let err = read("a,b\n1,2,3\n", "f.csv").unwrap_err().to_string();
        assert!(
            err.contains("line 2") && err.contains("3 fields where the header has 2"),
            "{err}"
        );
        let long = format!("a\n{}\n", "x".repeat(MAX_LINE + 1));
        assert!(
            read(&long, "f.csv")
                .unwrap_err()
                .to_string()
                .contains("line 2")
        );
        assert!(
            read("a,\"b\"\"c\"\n1,2\n", "f.csv").is_ok(),
            "escaped quotes are fine"
        );
    }
}
