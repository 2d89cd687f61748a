use super::Session;
use super::output::{io, print_json};
use super::progress::Progress;
use crate::error::{Error, Result};
use crate::features::cards::{self, ImportReport};
use crate::features::lead_import::{self, LeadImportReport};
use crate::interchange::cards_csv::parse_maps;
use crate::interchange::cards_in::{self, CardFormat};
use crate::interchange::encoding::{InputEncoding, decode};
use crate::interchange::mail::MailSource;
use crate::interchange::{csv_in, leads_csv};
use crate::model::dates::today;
use crate::model::text::display_safe;
use clap::Subcommand;
use clap::builder::{EnumValueParser, TypedValueParser};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Business cards from a card app's CSV (Eight, Sansan, Excel; UTF-8 or Shift_JIS) or a
    /// vCard file (2.1, 3.0, 4.0). The same person is never added twice.
    Cards(CardArgs),
    /// Leads from a CSV file (title, company, stage, source, owner, value, next action...).
    Leads(LeadArgs),
    /// Mail as an `email` activity on the contacts it is from or to (and their open leads):
    /// one message (a file, or standard input as mutt's pipe-message and aerc's :pipe send
    /// it), an mbox, or a Maildir. A message imported again is not logged twice.
    Mail(MailArgs),
}

#[derive(Debug, clap::Args)]
pub struct MailArgs {
    /// A message file, an mbox, a Maildir folder, or - for standard input.
    #[arg(default_value = "-")]
    source: String,
    /// Log every message on this lead, whoever it is from or to.
    #[arg(long)]
    lead: Option<String>,
    /// Show what would be logged, write nothing.
    #[arg(long)]
    dry_run: bool,
    #[arg(long, value_enum, default_value_t)]
    report: ReportFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ReportFormat {
    #[default]
    Table,
    Json,
}

/// `--format` of a card file, as typed (the reader's `CardFormat` knows no clap).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum CardFormatArg {
    /// By the content: a file that starts with BEGIN:VCARD is vCard, anything else CSV.
    Auto,
    Csv,
    Vcard,
}

impl From<CardFormatArg> for CardFormat {
    fn from(f: CardFormatArg) -> CardFormat {
        match f {
            CardFormatArg::Auto => CardFormat::Auto,
            CardFormatArg::Csv => CardFormat::Csv,
            CardFormatArg::Vcard => CardFormat::Vcard,
        }
    }
}

fn card_format() -> impl TypedValueParser<Value = CardFormat> {
    EnumValueParser::<CardFormatArg>::new().map(CardFormat::from)
}

/// `--encoding` of a file read in, as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum InputEncodingArg {
    /// UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else Shift_JIS.
    Auto,
    #[value(name = "utf-8")]
    Utf8,
    #[value(name = "shift_jis")]
    ShiftJis,
    /// Western Windows' code page (Outlook's CSV export on an English Windows).
    #[value(name = "windows-1252")]
    Windows1252,
}

impl From<InputEncodingArg> for InputEncoding {
    fn from(e: InputEncodingArg) -> InputEncoding {
        match e {
            InputEncodingArg::Auto => InputEncoding::Auto,
            InputEncodingArg::Utf8 => InputEncoding::Utf8,
            InputEncodingArg::ShiftJis => InputEncoding::ShiftJis,
            InputEncodingArg::Windows1252 => InputEncoding::Windows1252,
        }
    }
}

fn input_encoding() -> impl TypedValueParser<Value = InputEncoding> {
    EnumValueParser::<InputEncodingArg>::new().map(InputEncoding::from)
}

#[derive(Debug, clap::Args)]
pub struct CardArgs {
    /// One file or several (`a.csv b.vcf`): all are read and checked before any is written,
    /// then each is imported in its own transaction, in the order given, so the same person
    /// in two files is one contact. JSON: one report, or an array of them (each names its
    /// file) for several files. With --dry-run each file is rehearsed on its own.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// csv or vcard; auto decides by the content.
    #[arg(long, default_value = "auto", value_parser = card_format())]
    format: CardFormat,
    #[arg(long, default_value = "auto", value_parser = input_encoding())]
    encoding: InputEncoding,
    /// A column the headers do not say: 'HEADER=field' (repeat for several).
    #[arg(long = "map", value_name = "HEADER=field")]
    maps: Vec<String>,
    /// Report what would happen, write nothing.
    #[arg(long)]
    dry_run: bool,
    #[arg(long, value_enum, default_value_t)]
    report: ReportFormat,
}

#[derive(Debug, clap::Args)]
pub struct LeadArgs {
    file: PathBuf,
    #[arg(long, default_value = "auto", value_parser = input_encoding())]
    encoding: InputEncoding,
    #[arg(long = "map", value_name = "HEADER=field")]
    maps: Vec<String>,
    #[arg(long)]
    dry_run: bool,
    #[arg(long, value_enum, default_value_t)]
    report: ReportFormat,
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path)
        .map_err(|e| Error::invalid(format!("{} cannot be read: {e}", path.display())))
}

pub fn run(session: &mut Session, command: &ImportCommand) -> Result<bool> {
    match command {
        ImportCommand::Cards(args) => cards(session, args),
        ImportCommand::Leads(args) => leads(session, args),
        ImportCommand::Mail(args) => mail(session, args),
    }
}

fn mail(session: &mut Session, args: &MailArgs) -> Result<bool> {
    let source = MailSource::from_arg(&args.source);
    let messages = crate::interchange::mail::read(&source)?;
    let lead = args
        .lead
        .as_deref()
        .map(|prefix| crate::store::leads::resolve(session.store.conn(), prefix))
        .transpose()?;
    let report = crate::features::mail::import(
        &mut session.store,
        &session.config,
        &messages,
        lead.as_deref(),
        args.dry_run,
    )?;
    let shown = match &source {
        MailSource::Stdin => "standard input".to_string(),
        MailSource::Path(p) => p.display().to_string(),
    };
    // Nothing logged and nothing logged before: nobody in it is known.
    if report.logged.is_empty() && report.already_logged.is_empty() {
        let what = if messages.len() == 1 {
            "the message is from and to nobody"
        } else {
            "none of its messages is from or to anyone"
        };
        return Err(Error::invalid(display_safe(&format!(
            "{shown}: {what} leadtrack knows; nothing was logged (add the sender as a contact, or give --lead ID)"
        ))));
    }
    if args.report == ReportFormat::Json {
        print_json(&report)?;
    } else {
        print_mail(
            &shown,
            messages.len(),
            &report,
            &mut std::io::stdout().lock(),
        )?;
    }
    Ok(true)
}

fn print_mail(
    shown: &str,
    total: usize,
    r: &crate::features::mail::MailReport,
    out: &mut impl Write,
) -> Result<()> {
    let messages = if total == 1 { "message" } else { "messages" };
    let activities = if r.logged.len() == 1 {
        "activity"
    } else {
        "activities"
    };
    writeln!(
        out,
        "{}: {total} {messages}: {} {activities} logged, {} already logged, {} from nobody known{}",
        display_safe(shown),
        r.logged.len(),
        r.already_logged.len(),
        r.unknown.len(),
        if r.dry_run {
            " — dry run: nothing was written"
        } else {
            ""
        }
    )
    .map_err(io)?;
    for l in &r.logged {
        let on = match (&l.lead, &l.contact) {
            (Some(lead), Some(contact)) => format!("{lead} ({contact})"),
            (Some(lead), None) => lead.clone(),
            (None, Some(contact)) => contact.clone(),
            (None, None) => String::new(),
        };
        let arrow = l.direction.word_en(crate::model::ActivityKind::Email);
        writeln!(
            out,
            "  logged   {arrow:<8} {}  on {}",
            display_safe(&l.subject),
            display_safe(&on)
        )
        .map_err(io)?;
    }
    for m in &r.already_logged {
        writeln!(
            out,
            "  known    {}  ({}): logged before, nothing logged again",
            display_safe(&m.subject),
            m.source
        )
        .map_err(io)?;
    }
    for m in &r.unknown {
        writeln!(
            out,
            "  skipped  {}  ({}): from and to nobody known",
            display_safe(&m.subject),
            m.source
        )
        .map_err(io)?;
    }
    Ok(())
}

fn cards(session: &mut Session, args: &CardArgs) -> Result<bool> {
    let maps = parse_maps(&args.maps)?;
    let several = args.files.len() > 1;
    // Every file is read and checked first: one that cannot be read, is not cards or holds
    // none is named before anything is written.
    let mut files = Vec::with_capacity(args.files.len());
    for path in &args.files {
        let file = path.display().to_string();
        let bytes = read_file(path)?;
        // --map names CSV columns; among several files a vCard names its own fields.
        let maps =
            if several && args.format == CardFormat::Auto && cards_in::looks_like_vcard(&bytes) {
                &[][..]
            } else {
                &maps[..]
            };
        let read = cards_in::read(&bytes, &file, args.format, args.encoding, maps, today())?;
        if read.cards.is_empty() {
            return Err(Error::invalid(format!("{file} holds no cards")));
        }
        files.push((file, read));
    }
    let mut reports = Vec::with_capacity(files.len());
    for (n, (file, read)) in files.iter().enumerate() {
        let progress = Progress::new(Some(read.cards.len()), "importing cards");
        let imported = cards::import(
            &mut session.store,
            session.config.ui.name_order,
            &read.cards,
            args.dry_run,
            &|n| progress.tick(n),
        );
        drop(progress);
        let mut report = match imported {
            Ok(report) => report,
            // Each file is all or nothing; the ones before it are in and stay.
            Err(e) if n > 0 => {
                let before: Vec<&str> = files[..n].iter().map(|(f, _)| f.as_str()).collect();
                let e = e.at_path(session.store.path());
                return Err(Error::invalid(display_safe(&format!(
                    "{file}: {e}; nothing of it was written (imported before it: {})",
                    before.join(", ")
                ))));
            }
            Err(e) => return Err(e),
        };
        report.kept_in_notes = read.kept_in_notes.clone();
        if args.report == ReportFormat::Table {
            if n > 0 {
                outln!("")?;
            }
            print_cards(
                file,
                read.format,
                read.cards.len(),
                &report,
                &mut std::io::stdout().lock(),
            )?;
        }
        reports.push((file, report));
    }
    if args.report == ReportFormat::Json {
        if let [(_, report)] = reports.as_slice() {
            print_json(report)?;
        } else {
            let each: Vec<serde_json::Value> = reports
                .iter()
                .map(|(file, report)| {
                    let mut value = serde_json::to_value(report).unwrap_or_default();
                    if let Some(fields) = value.as_object_mut() {
                        fields.insert("file".into(), (*file).clone().into());
                    }
                    value
                })
                .collect();
            print_json(&each)?;
        }
    } else if several {
        let sum = |count: fn(&ImportReport) -> usize| -> usize {
            reports.iter().map(|(_, r)| count(r)).sum()
        };
        outln!(
            "\n{} files: {} added, {} merged, {} already known, {} skipped",
            reports.len(),
            sum(|r| r.added.len()),
            sum(|r| r.merged.len()),
            sum(|r| r.unchanged.len()),
            sum(|r| r.skipped.len()),
        )?;
    }
    Ok(true)
}

fn print_cards(
    file: &str,
    format: CardFormat,
    total: usize,
    r: &ImportReport,
    out: &mut impl Write,
) -> Result<()> {
    let kind = if format == CardFormat::Vcard {
        "vCard"
    } else {
        "CSV"
    };
    writeln!(out, "{}: {total} cards ({kind})", display_safe(file)).map_err(io)?;
    writeln!(
        out,
        "{} added, {} merged, {} already known, {} skipped{}",
        r.added.len(),
        r.merged.len(),
        r.unchanged.len(),
        r.skipped.len(),
        if r.dry_run {
            " — dry run: nothing was written"
        } else {
            ""
        }
    )
    .map_err(io)?;
    for a in &r.added {
        writeln!(
            out,
            "  line {:<5} added    {}",
            a.line,
            display_safe(&a.name)
        )
        .map_err(io)?;
    }
    for m in &r.merged {
        writeln!(
            out,
            "  line {:<5} merged   into {}: {}",
            m.line,
            display_safe(&m.with),
            m.reason.words()
        )
        .map_err(io)?;
    }
    for m in &r.unchanged {
        writeln!(
            out,
            "  line {:<5} known    {}: {}, nothing new",
            m.line,
            display_safe(&m.with),
            m.reason.words()
        )
        .map_err(io)?;
    }
    for s in &r.skipped {
        writeln!(out, "  line {}: {}", s.line, s.reason).map_err(io)?;
    }
    if !r.kept_in_notes.is_empty() {
        writeln!(
            out,
            "Columns kept in the notes: {}",
            display_safe(&r.kept_in_notes.join(", "))
        )
        .map_err(io)?;
    }
    Ok(())
}

fn leads(session: &mut Session, args: &LeadArgs) -> Result<bool> {
    let file = args.file.display().to_string();
    let bytes = read_file(&args.file)?;
    let text = decode(&bytes, args.encoding, &file)?;
    let table = csv_in::read(&text, &file)?;
    let maps = parse_maps_for_leads(&args.maps)?;
    let read = leads_csv::leads(&table, &maps, &session.config.sources.names, &file, today())?;
    let rows = read.rows;
    if rows.is_empty() {
        return Err(Error::invalid(format!("{file} holds no leads")));
    }
    let progress = Progress::new(Some(rows.len()), "importing leads");
    let mut report = lead_import::import(
        &mut session.store,
        &session.config,
        &rows,
        args.dry_run,
        &|n| progress.tick(n),
    )?;
    drop(progress);
    report.kept_in_notes = read.kept_in_notes;
    report.not_read = read.not_read;
    if args.report == ReportFormat::Json {
        print_json(&report)?;
    } else {
        print_leads(&file, &report, &mut std::io::stdout().lock())?;
    }
    Ok(true)
}

fn parse_maps_for_leads(maps: &[String]) -> Result<Vec<(String, String)>> {
    maps.iter()
        .map(|m| {
            m.rsplit_once('=')
                .map(|(h, f)| (h.trim().to_string(), f.trim().to_string()))
                .ok_or_else(|| Error::invalid(format!("--map '{m}': write it as 'HEADER=field'")))
        })
        .collect()
}

fn print_leads(file: &str, r: &LeadImportReport, out: &mut impl Write) -> Result<()> {
    writeln!(
        out,
        "{}: {} added, {} updated, {} unchanged, {} skipped{}",
        display_safe(file),
        r.added.len(),
        r.updated.len(),
        r.unchanged.len(),
        r.skipped.len(),
        if r.dry_run {
            " — dry run: nothing was written"
        } else {
            ""
        }
    )
    .map_err(io)?;
    for (word, lines) in [("added", &r.added), ("updated", &r.updated)] {
        for l in lines {
            writeln!(
                out,
                "  line {:<5} {word:<8} {}",
                l.line,
                display_safe(&l.title)
            )
            .map_err(io)?;
        }
    }
    for s in &r.skipped {
        writeln!(out, "  line {}: {}", s.line, s.reason).map_err(io)?;
    }
    if !r.kept_in_notes.is_empty() {
        writeln!(
            out,
            "Columns kept in the notes: {}",
            display_safe(&r.kept_in_notes.join(", "))
        )
        .map_err(io)?;
    }
    if !r.not_read.is_empty() {
        writeln!(
            out,
            "Columns not read (leadtrack works them out itself): {}",
            display_safe(&r.not_read.join(", "))
        )
        .map_err(io)?;
    }
    Ok(())
}
