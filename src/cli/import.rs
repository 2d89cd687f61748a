use super::Session;
use super::output::{self, TableOrJson, indented, io, print_json};
use super::progress::Progress;
use crate::config::Language;
use crate::error::{Error, Result};
use crate::features::cards::{self, ImportReport, Skipped};
use crate::features::lead_import::{self, LeadImportReport};
use crate::i18n::{Arg, Said, io_reason, labels};
use crate::interchange::cards_csv::parse_maps;
use crate::interchange::cards_in::{self, CardFormat};
use crate::interchange::encoding::{InputEncoding, decode};
use crate::interchange::mail::MailSource;
use crate::interchange::{csv_in, leads_csv};
use crate::model::dates::today;
use crate::model::text::display_safe;
use crate::tr;
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
    report: TableOrJson,
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
    report: TableOrJson,
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
    report: TableOrJson,
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        Error::Io(Said::new(
            "error-cannot-read",
            [
                ("path", Arg::from(path.display().to_string())),
                ("reason", io_reason(&e)),
            ],
        ))
    })
}

/// A line number of the file at the head of a report line: in English padded so the words
/// after it stand in a column (`line 7     added`), in Japanese as it is (「7行目 追加」).
fn line_number(lang: Language, line: impl std::fmt::Display) -> String {
    match lang {
        Language::En => format!("{line:<5}"),
        Language::Ja => line.to_string(),
    }
}

/// What a dry run adds to its summary line.
fn dry_run(lang: Language, dry_run: bool) -> String {
    if dry_run {
        format!(" {}", tr!(lang, "cli-dry-run"))
    } else {
        String::new()
    }
}

pub fn run(session: &mut Session, command: &ImportCommand) -> Result<bool> {
    match command {
        ImportCommand::Cards(args) => cards(session, args),
        ImportCommand::Leads(args) => leads(session, args),
        ImportCommand::Mail(args) => mail(session, args),
    }
}

fn mail(session: &mut Session, args: &MailArgs) -> Result<bool> {
    let lang = session.config.language;
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
        MailSource::Stdin => tr!(lang, "cli-standard-input"),
        MailSource::Path(p) => p.display().to_string(),
    };
    // Nothing logged and nothing logged before: nobody in it is known.
    if report.logged.is_empty() && report.already_logged.is_empty() {
        return Err(Error::invalid(display_safe(&tr!(
            lang,
            "cli-mail-from-nobody",
            source = shown.as_str(),
            count = messages.len()
        ))));
    }
    if args.report == TableOrJson::Json {
        print_json(&report)?;
    } else {
        print_mail(
            &shown,
            messages.len(),
            &report,
            lang,
            &mut std::io::stdout().lock(),
        )?;
    }
    Ok(true)
}

fn print_mail(
    shown: &str,
    total: usize,
    r: &crate::features::mail::MailReport,
    lang: Language,
    out: &mut impl Write,
) -> Result<()> {
    let summary = tr!(
        lang,
        "cli-mail-summary",
        source = display_safe(shown),
        total = total,
        logged = r.logged.len(),
        known = r.already_logged.len(),
        unknown = r.unknown.len()
    );
    writeln!(out, "{summary}{}", dry_run(lang, r.dry_run)).map_err(io)?;
    for l in &r.logged {
        let on = match (&l.lead, &l.contact) {
            (Some(lead), Some(contact)) => format!("{lead} ({contact})"),
            (Some(lead), None) => lead.clone(),
            (None, Some(contact)) => contact.clone(),
            (None, None) => String::new(),
        };
        let email = crate::model::ActivityKind::Email;
        let arrow = match lang {
            Language::En => l.direction.word_en(email),
            Language::Ja => l.direction.word_ja(email),
        };
        let line = tr!(
            lang,
            "cli-mail-logged",
            direction = output::pad(arrow, 8),
            subject = display_safe(&l.subject),
            on = display_safe(&on)
        );
        writeln!(out, "  {line}").map_err(io)?;
    }
    indented(out, &r.already_logged, |m| {
        tr!(
            lang,
            "cli-mail-known",
            subject = display_safe(&m.subject),
            source = m.source.to_string()
        )
    })?;
    indented(out, &r.unknown, |m| {
        tr!(
            lang,
            "cli-mail-skipped",
            subject = display_safe(&m.subject),
            source = m.source.to_string()
        )
    })?;
    Ok(())
}

fn cards(session: &mut Session, args: &CardArgs) -> Result<bool> {
    let lang = session.config.language;
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
            return Err(Error::invalid(tr!(lang, "cli-no-cards", file = file)));
        }
        files.push((file, read));
    }
    let mut reports = Vec::with_capacity(files.len());
    for (n, (file, read)) in files.iter().enumerate() {
        let progress = Progress::new(
            Some(read.cards.len()),
            &tr!(lang, "cli-progress-importing-cards"),
        );
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
                return Err(Error::invalid(display_safe(&tr!(
                    lang,
                    "cli-import-file-failed",
                    file = file.as_str(),
                    error = e.to_string(),
                    before = labels::list(&before, lang)
                ))));
            }
            Err(e) => return Err(e),
        };
        report.kept_in_notes = read.kept_in_notes.clone();
        if args.report == TableOrJson::Table {
            if n > 0 {
                outln!("")?;
            }
            print_cards(
                file,
                read.format,
                read.cards.len(),
                &report,
                lang,
                &mut std::io::stdout().lock(),
            )?;
        }
        reports.push((file, report));
    }
    if args.report == TableOrJson::Json {
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
            "\n{}",
            tr!(
                lang,
                "cli-cards-files-summary",
                files = reports.len(),
                added = sum(|r| r.added.len()),
                merged = sum(|r| r.merged.len()),
                known = sum(|r| r.unchanged.len()),
                skipped = sum(|r| r.skipped.len())
            )
        )?;
    }
    Ok(true)
}

fn print_cards(
    file: &str,
    format: CardFormat,
    total: usize,
    r: &ImportReport,
    lang: Language,
    out: &mut impl Write,
) -> Result<()> {
    // The file formats' own names, the same in every language.
    let kind = if format == CardFormat::Vcard {
        "vCard"
    } else {
        "CSV"
    };
    let read = tr!(
        lang,
        "cli-cards-read",
        file = display_safe(file),
        count = total,
        format = kind
    );
    writeln!(out, "{read}").map_err(io)?;
    let summary = tr!(
        lang,
        "cli-cards-summary",
        added = r.added.len(),
        merged = r.merged.len(),
        known = r.unchanged.len(),
        skipped = r.skipped.len()
    );
    writeln!(out, "{summary}{}", dry_run(lang, r.dry_run)).map_err(io)?;
    let reason = |reason: crate::store::contacts::MatchReason| match lang {
        Language::En => reason.words(),
        Language::Ja => reason.words_ja(),
    };
    indented(out, &r.added, |a| {
        tr!(
            lang,
            "cli-cards-line-added",
            line = line_number(lang, a.line),
            name = display_safe(&a.name)
        )
    })?;
    // The contact a card was taken for; a line of this file in the rep's language.
    let with = |m: &crate::features::cards::Merged| match m.added_on_line {
        Some(line) => display_safe(&tr!(
            lang,
            "cli-cards-added-on-line",
            name = m.name.as_str(),
            line = line
        )),
        None => display_safe(&m.with),
    };
    indented(out, &r.merged, |m| {
        tr!(
            lang,
            "cli-cards-line-merged",
            line = line_number(lang, m.line),
            with = with(m),
            reason = reason(m.reason)
        )
    })?;
    indented(out, &r.unchanged, |m| {
        tr!(
            lang,
            "cli-cards-line-known",
            line = line_number(lang, m.line),
            with = with(m),
            reason = reason(m.reason)
        )
    })?;
    skipped(out, lang, &r.skipped)?;
    kept_in_notes(out, lang, &r.kept_in_notes)
}

/// The columns no field took, kept in each record's notes.
/// The rows of a file left out of an import, each with its line and why.
fn skipped(out: &mut impl Write, lang: Language, rows: &[Skipped]) -> Result<()> {
    indented(out, rows, |s| {
        tr!(
            lang,
            "cli-line-skipped",
            line = s.line,
            reason = crate::i18n::message(lang, s.reason.message_id(), None)
        )
    })
}

fn kept_in_notes(out: &mut impl Write, lang: Language, columns: &[String]) -> Result<()> {
    if columns.is_empty() {
        return Ok(());
    }
    let said = tr!(
        lang,
        "cli-columns-in-notes",
        columns = display_safe(&labels::list(columns, lang))
    );
    writeln!(out, "{said}").map_err(io)
}

fn leads(session: &mut Session, args: &LeadArgs) -> Result<bool> {
    let lang = session.config.language;
    let file = args.file.display().to_string();
    let bytes = read_file(&args.file)?;
    let text = decode(&bytes, args.encoding, &file)?;
    let table = csv_in::read(&text, &file)?;
    let maps = parse_maps_for_leads(&args.maps, lang)?;
    let read = leads_csv::leads(&table, &maps, &session.config.sources.names, &file, today())?;
    let rows = read.rows;
    if rows.is_empty() {
        return Err(Error::invalid(tr!(lang, "cli-no-leads", file = file)));
    }
    let progress = Progress::new(Some(rows.len()), &tr!(lang, "cli-progress-importing-leads"));
    let mut report = lead_import::import(
        &mut session.store,
        &session.config,
        &rows,
        &lead_import::Source {
            file: &file,
            campaign_column: read.campaign_column.as_deref(),
        },
        args.dry_run,
        &|n| progress.tick(n),
    )?;
    drop(progress);
    report.kept_in_notes = read.kept_in_notes;
    report.not_read = read.not_read;
    if args.report == TableOrJson::Json {
        print_json(&report)?;
    } else {
        print_leads(&file, &report, lang, &mut std::io::stdout().lock())?;
    }
    Ok(true)
}

fn parse_maps_for_leads(maps: &[String], lang: Language) -> Result<Vec<(String, String)>> {
    maps.iter()
        .map(|m| {
            m.rsplit_once('=')
                .map(|(h, f)| (h.trim().to_string(), f.trim().to_string()))
                .ok_or_else(|| Error::invalid(tr!(lang, "cli-map-form", typed = m.as_str())))
        })
        .collect()
}

fn print_leads(
    file: &str,
    r: &LeadImportReport,
    lang: Language,
    out: &mut impl Write,
) -> Result<()> {
    let summary = tr!(
        lang,
        "cli-leads-summary",
        file = display_safe(file),
        added = r.added.len(),
        updated = r.updated.len(),
        unchanged = r.unchanged.len(),
        skipped = r.skipped.len()
    );
    writeln!(out, "{summary}{}", dry_run(lang, r.dry_run)).map_err(io)?;
    indented(out, &r.added, |l| {
        tr!(
            lang,
            "cli-leads-line-added",
            line = line_number(lang, l.line),
            title = display_safe(&l.title)
        )
    })?;
    indented(out, &r.updated, |l| {
        tr!(
            lang,
            "cli-leads-line-updated",
            line = line_number(lang, l.line),
            title = display_safe(&l.title)
        )
    })?;
    skipped(out, lang, &r.skipped)?;
    kept_in_notes(out, lang, &r.kept_in_notes)?;
    if !r.not_read.is_empty() {
        let said = tr!(
            lang,
            "cli-columns-not-read",
            columns = display_safe(&labels::list(&r.not_read, lang))
        );
        writeln!(out, "{said}").map_err(io)?;
    }
    Ok(())
}
