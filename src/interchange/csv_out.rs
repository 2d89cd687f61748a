//! Writing CSV for spreadsheets (RFC 4180, CRLF): cells a spreadsheet would run as a formula
//! made inert unless `raw`, and the text in the chosen encoding. Rows go out as they are
//! written (through the CSV writer's small buffer), so a file of any length takes the same
//! memory.

use super::encoding::{BOM, encode};
use super::excel::inert;
use crate::config::TextEncoding;
use crate::error::{Error, Result};
use crate::i18n::{Said, io_reason};
use std::io::{self, Write};

pub struct CsvOut<W: Write> {
    writer: csv::Writer<Encoder<W>>,
    excel_safe: bool,
}

impl<W: Write> CsvOut<W> {
    /// Starts a file on `out`: the byte order mark if the encoding has one, then the headers.
    pub fn new<'h>(
        out: W,
        headers: impl IntoIterator<Item = &'h str>,
        encoding: TextEncoding,
        excel_safe: bool,
    ) -> Result<CsvOut<W>> {
        let mut out = Encoder {
            out,
            encoding,
            pending: Vec::new(),
            lost: 0,
        };
        if encoding == TextEncoding::Utf8Bom {
            out.out.write_all(BOM).map_err(write_error)?;
        }
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        writer.write_record(headers).map_err(csv_error)?;
        Ok(CsvOut { writer, excel_safe })
    }

    pub fn row<S>(&mut self, cells: impl IntoIterator<Item = S>) -> Result<()>
    where
        S: AsRef<str> + AsRef<[u8]>,
    {
        if self.excel_safe {
            self.writer
                .write_record(cells.into_iter().map(|c| inert(AsRef::<str>::as_ref(&c))))
                .map_err(csv_error)
        } else {
            self.writer.write_record(cells).map_err(csv_error)
        }
    }

    /// Writes what is left; the writer back, and how many characters the encoding could not
    /// hold.
    pub fn finish(self) -> Result<(W, usize)> {
        let encoder = self
            .writer
            .into_inner()
            .map_err(|e| write_error(e.into_error()))?;
        if !encoder.pending.is_empty() {
            return Err(Error::Io(Said::plain("error-csv-cell-split")));
        }
        Ok((encoder.out, encoder.lost))
    }
}

/// UTF-8 in, the output encoding out. Shift_JIS takes whole characters, so the bytes of one
/// cut between two writes wait for the rest.
struct Encoder<W> {
    out: W,
    encoding: TextEncoding,
    pending: Vec<u8>,
    lost: usize,
}

impl<W: Write> Write for Encoder<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.encoding != TextEncoding::ShiftJis {
            return self.out.write(buf);
        }
        self.pending.extend_from_slice(buf);
        let whole = match std::str::from_utf8(&self.pending) {
            Ok(text) => text.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(e) => return Err(io::Error::new(io::ErrorKind::InvalidData, e)),
        };
        let text = std::str::from_utf8(&self.pending[..whole])
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        let (bytes, lost) = encode(text, self.encoding);
        self.out.write_all(&bytes)?;
        self.lost += lost;
        self.pending.drain(..whole);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

fn csv_error(e: csv::Error) -> Error {
    if !e.is_io_error() {
        return Error::Io(Said::new(
            "error-cannot-write-csv",
            [("reason", e.to_string())],
        ));
    }
    match e.into_kind() {
        csv::ErrorKind::Io(e) => write_error(e),
        other => Error::Io(Said::new(
            "error-cannot-write-csv",
            [("reason", format!("{other:?}"))],
        )),
    }
}

/// A failed write: the reader went away (`| head`), or the disk said no.
pub fn write_error(e: io::Error) -> Error {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return Error::OutputClosed;
    }
    Error::Io(Said::new(
        "error-cannot-write-output",
        [("reason", io_reason(&e))],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::encoding::{InputEncoding, decode};

    #[test]
    fn shift_jis_cells_cut_between_writes_come_out_whole() {
        let mut out =
            CsvOut::new(Vec::new(), ["名前", "メモ"], TextEncoding::ShiftJis, true).unwrap();
        let long = "佐藤".repeat(5000);
        out.row(["=1+1", long.as_str()]).unwrap();
        out.row(["😀", "ｹﾝｼﾞ"]).unwrap();
        let (bytes, lost) = out.finish().unwrap();
        assert_eq!(lost, 1);
        let text = decode(&bytes, InputEncoding::ShiftJis, "f").unwrap();
        assert_eq!(text, format!("名前,メモ\r\n'=1+1,{long}\r\n?,ｹﾝｼﾞ\r\n"));
    }
}
