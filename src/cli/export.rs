use super::Session;
use super::progress::Progress;
use crate::config::TextEncoding;
use crate::error::{Error, Result};
use crate::features::export::{self, CsvOptions, Exported, RecordFormat};
use crate::features::follow_up_list::{self, ListFormat, Selection};
use crate::interchange::vcard::VcardVersion;
use crate::model::dates::today;
use clap::Subcommand;
use clap::builder::{EnumValueParser, TypedValueParser};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Contacts as CSV, JSON or vCard (4.0, or 3.0 with --vcard-version 3).
    Contacts(ExportArgs),
    /// Leads (customers included) as CSV or JSON.
    Leads(ExportArgs),
    /// Activities as CSV or JSON.
    Activities(ExportArgs),
    /// The follow-up list: CSV for Excel, JSON, ICS for calendars, Markdown for chat.
    Followups(FollowupArgs),
}

#[derive(Debug, clap::Args)]
pub struct FollowupArgs {
    /// Only what is due within this many days (overdue always; leads with no next action
    /// are listed too, except in a calendar).
    #[arg(long, value_name = "DAYS")]
    within: Option<u32>,
    /// Only this rep's (`me` for you).
    #[arg(long)]
    owner: Option<String>,
    #[arg(long, default_value = "csv", value_parser = list_format())]
    format: ListFormat,
    /// CSV encoding (default: [export] encoding of the config).
    #[arg(long, value_enum)]
    encoding: Option<EncodingArg>,
    /// Write cells exactly as stored, even those a spreadsheet would run as a formula.
    #[arg(long)]
    raw: bool,
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

/// `--format` of the follow-up list, as typed (the feature's `ListFormat` knows no clap).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ListFormatArg {
    Csv,
    Json,
    Ics,
    Md,
}

impl From<ListFormatArg> for ListFormat {
    fn from(f: ListFormatArg) -> ListFormat {
        match f {
            ListFormatArg::Csv => ListFormat::Csv,
            ListFormatArg::Json => ListFormat::Json,
            ListFormatArg::Ics => ListFormat::Ics,
            ListFormatArg::Md => ListFormat::Md,
        }
    }
}

fn list_format() -> impl TypedValueParser<Value = ListFormat> {
    EnumValueParser::<ListFormatArg>::new().map(ListFormat::from)
}

/// `--format` of a records export, as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum RecordFormatArg {
    Csv,
    Json,
    Vcard,
}

impl From<RecordFormatArg> for RecordFormat {
    fn from(f: RecordFormatArg) -> RecordFormat {
        match f {
            RecordFormatArg::Csv => RecordFormat::Csv,
            RecordFormatArg::Json => RecordFormat::Json,
            RecordFormatArg::Vcard => RecordFormat::Vcard,
        }
    }
}

fn record_format() -> impl TypedValueParser<Value = RecordFormat> {
    EnumValueParser::<RecordFormatArg>::new().map(RecordFormat::from)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EncodingArg {
    #[value(name = "utf-8")]
    Utf8,
    /// UTF-8 with a BOM: Excel on Windows opens it with the right characters.
    #[value(name = "utf-8-bom")]
    Utf8Bom,
    /// Shift_JIS (CP932), for older Japanese Excel.
    #[value(name = "shift_jis")]
    ShiftJis,
}

impl From<EncodingArg> for TextEncoding {
    fn from(e: EncodingArg) -> TextEncoding {
        match e {
            EncodingArg::Utf8 => TextEncoding::Utf8,
            EncodingArg::Utf8Bom => TextEncoding::Utf8Bom,
            EncodingArg::ShiftJis => TextEncoding::ShiftJis,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[arg(long, default_value = "csv", value_parser = record_format())]
    format: RecordFormat,
    /// CSV encoding (default: [export] encoding of the config).
    #[arg(long, value_enum)]
    encoding: Option<EncodingArg>,
    /// vCard version: 4 (default) or 3.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u8).range(3..=4))]
    vcard_version: u8,
    /// Write cells exactly as stored, even those a spreadsheet would run as a formula.
    #[arg(long)]
    raw: bool,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(session: &Session, command: &ExportCommand) -> Result<bool> {
    let (args, what) = match command {
        ExportCommand::Contacts(a) => (a, "contacts"),
        ExportCommand::Leads(a) => (a, "leads"),
        ExportCommand::Activities(a) => (a, "activities"),
        ExportCommand::Followups(a) => return follow_ups(session, a),
    };
    let csv = CsvOptions {
        encoding: args
            .encoding
            .map(TextEncoding::from)
            .unwrap_or(session.config.export.encoding),
        excel_safe: session.config.export.excel_safe && !args.raw,
    };
    let progress = Progress::new(None, &format!("exporting {what}"));
    let tick = |n: usize| progress.tick(n);
    let store = &session.store;
    let exported = match command {
        ExportCommand::Contacts(_) => {
            let version = if args.vcard_version == 3 {
                VcardVersion::V3
            } else {
                VcardVersion::V4
            };
            export::contacts(
                store,
                args.format,
                csv,
                version,
                session.config.ui.name_order,
                &tick,
            )?
        }
        ExportCommand::Leads(_) => export::leads(store, args.format, csv, &tick)?,
        ExportCommand::Activities(_) => export::activities(store, args.format, csv, &tick)?,
        ExportCommand::Followups(_) => return Ok(true),
    };
    drop(progress);
    deliver(&exported, args.output.as_deref(), what)?;
    Ok(true)
}

fn follow_ups(session: &Session, args: &FollowupArgs) -> Result<bool> {
    let config = &session.config;
    let owner = args.owner.as_ref().map(|o| {
        if o == "me" {
            config.user_name()
        } else {
            o.clone()
        }
    });
    let selection = Selection {
        within_days: args.within,
        owner,
    };
    let rows = follow_up_list::list(&session.store, &selection, today(), config.ui.name_order)?;
    let encoding = args
        .encoding
        .map(TextEncoding::from)
        .unwrap_or(config.export.encoding);
    let (exported, undated) = follow_up_list::render(
        &rows,
        args.format,
        encoding,
        config.export.excel_safe && !args.raw,
        config.ui.language,
    )?;
    deliver(&exported, args.output.as_deref(), "follow-ups")?;
    if undated > 0 {
        eprintln!(
            "note: {undated} open leads have no next action, so they are not in the calendar"
        );
    }
    Ok(true)
}

/// Writes an export to a file (whole or not at all: a temporary file renamed into place)
/// or to standard output, and says what could not be written in the encoding.
pub fn deliver(exported: &Exported, output: Option<&Path>, what: &str) -> Result<()> {
    match output {
        Some(path) => {
            write_whole(path, &exported.bytes)?;
            eprintln!("Wrote {} {what} to {}", exported.records, path.display());
        }
        None => super::output::write_data(&exported.bytes)?,
    }
    if exported.lost_characters > 0 {
        eprintln!(
            "note: {} characters have no Shift_JIS form and were written as ?; use --encoding utf-8-bom to keep them",
            exported.lost_characters
        );
    }
    Ok(())
}

fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let shown = path.display();
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let fail = |e: std::io::Error| Error::Io(format!("cannot write {shown}: {e}"));
    let mut file = tempfile::NamedTempFile::new_in(folder).map_err(fail)?;
    file.write_all(bytes).map_err(fail)?;
    file.as_file().sync_all().map_err(fail)?;
    file.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}
