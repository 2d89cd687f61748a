//! Writing CSV for spreadsheets (RFC 4180, CRLF): cells a spreadsheet would run as a formula
//! made inert unless `raw`, and the text in the chosen encoding.

use super::encoding::encode;
use super::excel::inert;
use crate::config::TextEncoding;
use crate::error::{Error, Result};

pub struct CsvOut {
    writer: csv::Writer<Vec<u8>>,
    excel_safe: bool,
}

impl CsvOut {
    pub fn new(headers: &[&str], excel_safe: bool) -> Result<CsvOut> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        writer.write_record(headers).map_err(error)?;
        Ok(CsvOut { writer, excel_safe })
    }

    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> Result<()> {
        if self.excel_safe {
            let safe: Vec<String> = cells.iter().map(|c| inert(c.as_ref())).collect();
            self.writer.write_record(&safe).map_err(error)
        } else {
            self.writer
                .write_record(cells.iter().map(|c| c.as_ref()))
                .map_err(error)
        }
    }

    /// The file's bytes, and how many characters the encoding could not hold.
    pub fn finish(self, encoding: TextEncoding) -> Result<(Vec<u8>, usize)> {
        let bytes = self
            .writer
            .into_inner()
            .map_err(|e| Error::Io(format!("cannot write CSV: {e}")))?;
        let text =
            String::from_utf8(bytes).map_err(|e| Error::Io(format!("cannot write CSV: {e}")))?;
        Ok(encode(&text, encoding))
    }
}

fn error(e: csv::Error) -> Error {
    Error::Io(format!("cannot write CSV: {e}"))
}
