use super::Session;
use super::progress::Progress;
use crate::config::{Language, TextEncoding};
use crate::error::{Error, Result};
use crate::features::export::{self, CsvOptions, ExportOptions, RecordFormat, Records, Written};
use crate::features::follow_up_list::{self, ListFormat, ListOptions, Selection};
use crate::features::segments::{self, SegmentExport, SegmentOptions};
use crate::i18n::{Arg, Said, io_reason};
use crate::interchange::vcard::VcardVersion;
use crate::model::dates::today;
use crate::tr;
use clap::Subcommand;
use clap::builder::{EnumValueParser, TypedValueParser};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Contacts as CSV, JSON or vCard (4.0, or 3.0 with --vcard-version 3); with --segment,
    /// the people of a segment as CSV for a mail tool.
    Contacts(ContactsArgs),
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
    #[command(flatten)]
    filters: super::filters::FilterArgs,
    #[arg(long, default_value = "csv", value_parser = list_format())]
    format: ListFormat,
    /// CSV encoding (default: [export] encoding of the config).
    #[arg(long, value_enum)]
    encoding: Option<EncodingArg>,
    /// Write cells exactly as stored, even those a spreadsheet would run as a formula.
    #[arg(long)]
    raw: bool,
    #[command(flatten)]
    headers: HeadersArgs,
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

/// `--headers` of every command that writes CSV.
#[derive(Debug, clap::Args)]
pub struct HeadersArgs {
    /// The CSV header row: en, the field names (as the JSON keys; what scripts read), or ja,
    /// Japanese titles for Excel with stages, sources and kinds named in Japanese too.
    /// `import leads` and `import cards` read either back.
    #[arg(long = "headers", value_enum, default_value_t = HeadersArg::En)]
    language: HeadersArg,
}

impl HeadersArgs {
    pub fn language(&self) -> Language {
        match self.language {
            HeadersArg::En => Language::En,
            HeadersArg::Ja => Language::Ja,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum HeadersArg {
    En,
    Ja,
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
    #[command(flatten)]
    headers: HeadersArgs,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

/// `export contacts`: the records flags, and a segment to write instead of every contact.
#[derive(Debug, clap::Args)]
pub struct ContactsArgs {
    #[command(flatten)]
    records: ExportArgs,
    /// Only the people of this segment, as CSV for a mail tool: email, name, reading,
    /// company, lead and rank. Contacts marked no mail, and those without an email address,
    /// are left out and counted.
    #[arg(long, value_name = "NAME")]
    segment: Option<String>,
}

pub fn run(session: &Session, command: &ExportCommand) -> Result<bool> {
    let (args, what) = match command {
        ExportCommand::Contacts(ContactsArgs {
            records,
            segment: Some(name),
        }) => return segment(session, records, name),
        ExportCommand::Contacts(a) => (&a.records, Records::Contacts),
        ExportCommand::Leads(a) => (a, Records::Leads),
        ExportCommand::Activities(a) => (a, Records::Activities),
        ExportCommand::Followups(a) => return follow_ups(session, a),
    };
    let options = ExportOptions {
        format: args.format,
        csv: CsvOptions {
            encoding: args
                .encoding
                .map(TextEncoding::from)
                .unwrap_or(session.config.export.encoding),
            excel_safe: session.config.export.excel_safe && !args.raw,
            headers: args.headers.language(),
        },
        vcard: if args.vcard_version == 3 {
            VcardVersion::V3
        } else {
            VcardVersion::V4
        },
        name_order: session.config.ui.name_order,
    };
    let lang = session.config.language;
    deliver(args.output.as_deref(), lang, Some(what), |out| {
        let doing = match what {
            Records::Contacts => tr!(lang, "cli-progress-exporting-contacts"),
            Records::Leads => tr!(lang, "cli-progress-exporting-leads"),
            Records::Activities => tr!(lang, "cli-progress-exporting-activities"),
        };
        let progress = Progress::new(None, &doing);
        let tick = |n: usize| progress.tick(n);
        export::export(&session.store, what, &options, out, &tick)
    })?;
    Ok(true)
}

fn follow_ups(session: &Session, args: &FollowupArgs) -> Result<bool> {
    let config = &session.config;
    let selection = Selection {
        within_days: args.within,
        narrowing: args
            .filters
            .filters(config, session.store.conn())?
            .narrowing(today(), &config.stages.stale_after_days),
    };
    let options = ListOptions {
        format: args.format,
        encoding: args
            .encoding
            .map(TextEncoding::from)
            .unwrap_or(config.export.encoding),
        excel_safe: config.export.excel_safe && !args.raw,
        language: config.language,
        headers: args.headers.language(),
    };
    let mut undated = 0;
    let lang = config.language;
    deliver(args.output.as_deref(), lang, None, |out| {
        let (written, skipped) = follow_up_list::export(
            &session.store,
            &selection,
            today(),
            config.ui.name_order,
            &options,
            out,
        )?;
        undated = skipped;
        Ok(written)
    })?;
    if undated > 0 {
        eprintln!("{}", tr!(lang, "cli-note-undated", count = undated));
    }
    Ok(true)
}

/// `export contacts --segment NAME`: the segment's people as CSV, and on standard error one
/// line saying how many were written and how many were left out, and why.
fn segment(session: &Session, args: &ExportArgs, name: &str) -> Result<bool> {
    let config = &session.config;
    let lang = config.language;
    if args.format != RecordFormat::Csv {
        return Err(Error::invalid(tr!(lang, "cli-segment-csv-only")));
    }
    let options = SegmentOptions {
        csv: CsvOptions {
            encoding: args
                .encoding
                .map(TextEncoding::from)
                .unwrap_or(config.export.encoding),
            excel_safe: config.export.excel_safe && !args.raw,
            headers: args.headers.language(),
        },
        name_order: config.ui.name_order,
        today: today(),
    };
    let mut exported = SegmentExport::default();
    let write = |out: &mut dyn Write| {
        exported = segments::export(&session.store, name, &options, out)?;
        Ok(Written {
            records: exported.written,
            lost_characters: exported.lost_characters,
        })
    };
    match args.output.as_deref() {
        Some(path) => write_whole(path, write)?,
        None => to_stdout(write)?,
    };
    let name = crate::model::text::display_safe(name.trim());
    let (count, no_mail, no_email) = (
        exported.written,
        exported.no_mail_left_out,
        exported.no_email_left_out,
    );
    let said = match args.output.as_deref() {
        Some(path) => tr!(
            lang,
            "cli-segment-wrote",
            name = name,
            count = count,
            path = path.display().to_string(),
            no_mail = no_mail,
            no_email = no_email
        ),
        None => tr!(
            lang,
            "cli-segment-written",
            name = name,
            count = count,
            no_mail = no_mail,
            no_email = no_email
        ),
    };
    eprintln!("{said}");
    note_lost(lang, exported.lost_characters);
    Ok(true)
}

/// Writes an export of `what` (records, or the follow-up list when `None`) to a file (whole
/// or not at all: a temporary file renamed into place) or to standard output as `write`
/// makes it, and says what could not be written in the encoding.
pub fn deliver(
    output: Option<&Path>,
    lang: Language,
    what: Option<Records>,
    write: impl FnOnce(&mut dyn Write) -> Result<Written>,
) -> Result<Written> {
    let exported = match output {
        Some(path) => {
            let exported = write_whole(path, write)?;
            let (count, path) = (exported.records, path.display().to_string());
            let wrote = match what {
                Some(Records::Contacts) => {
                    tr!(lang, "cli-wrote-contacts", count = count, path = path)
                }
                Some(Records::Leads) => tr!(lang, "cli-wrote-leads", count = count, path = path),
                Some(Records::Activities) => {
                    tr!(lang, "cli-wrote-activities", count = count, path = path)
                }
                None => tr!(lang, "cli-wrote-followups", count = count, path = path),
            };
            eprintln!("{wrote}");
            exported
        }
        None => to_stdout(write)?,
    };
    note_lost(lang, exported.lost_characters);
    Ok(exported)
}

/// Says how many characters the file's encoding could not hold, if any.
fn note_lost(lang: Language, lost: usize) {
    if lost > 0 {
        eprintln!("{}", tr!(lang, "cli-note-lost-characters", count = lost));
    }
}

/// Into a file or a pipe as it is made; on a terminal, whole and made safe to show
/// (`write_data`).
fn to_stdout(write: impl FnOnce(&mut dyn Write) -> Result<Written>) -> Result<Written> {
    use std::io::IsTerminal;
    let stdout = std::io::stdout();
    if stdout.is_terminal() {
        let mut bytes = Vec::new();
        let exported = write(&mut bytes)?;
        super::output::write_data(&bytes)?;
        return Ok(exported);
    }
    let mut out = BufWriter::new(stdout.lock());
    let exported = write(&mut out)?;
    out.flush().map_err(super::output::io)?;
    Ok(exported)
}

fn write_whole(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<Written>,
) -> Result<Written> {
    let shown = path.display().to_string();
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let fail = |e: std::io::Error| {
        Error::Io(Said::new(
            "error-cannot-write",
            [
                ("path", Arg::from(shown.as_str())),
                ("reason", io_reason(&e)),
            ],
        ))
    };
    let file = tempfile::NamedTempFile::new_in(folder).map_err(fail)?;
    let mut out = BufWriter::new(file);
    let exported = write(&mut out).map_err(|e| match e {
        Error::Io(message) => Error::Io(Said::new(
            "error-at-path",
            [
                ("path", Arg::from(shown.as_str())),
                ("problem", Arg::in_each(|l| message.in_language(l))),
            ],
        )),
        other => other,
    })?;
    let file = out.into_inner().map_err(|e| fail(e.into_error()))?;
    file.as_file().sync_all().map_err(fail)?;
    file.persist(path).map_err(|e| fail(e.error))?;
    Ok(exported)
}
