use super::Session;
use super::output::{self, Format, Table, field, io, local_time, opt, pad, print_json};
use super::parse;
use crate::config::Language;
use crate::error::{Error, Result};
use crate::features::contacts::{self, ContactDetail};
use crate::i18n::labels;
use crate::i18n::{Arg, Said};
use crate::model::contact::{Channel, ContactFields, ListEdits, PhoneSlot, ValueKind};
use crate::model::contact_value::{check, parse_list, parse_numbers};
use crate::model::text::{display_safe, is_japanese};
use crate::store;
use crate::tr;
use clap::Subcommand;
use std::io::Write;

#[derive(Debug, Subcommand)]
pub enum ContactCommand {
    /// Add a contact (a business card); prints its id.
    Add(Box<CardArgs>),
    /// List contacts sorted by reading.
    List(ListArgs),
    /// The card, the leads the person is on, activities and history.
    Show(ShowArgs),
    /// Change fields of a contact (an empty value clears a field).
    Edit {
        id: String,
        #[command(flatten)]
        card: Box<CardArgs>,
        #[command(flatten)]
        mail: MailArgs,
    },
    /// Delete a contact (kept as a tombstone so team copies agree; `u` in the app undoes it).
    Delete {
        id: String,
        /// Erase the person from the database file instead: the card, its history, its
        /// places on leads and its search entry, overwritten on disk; activities stay on
        /// their leads without the contact. Cannot be undone; team copies erase it too at
        /// their next sync.
        #[arg(long)]
        purge: bool,
    },
}

#[derive(Debug, clap::Args)]
pub struct CardArgs {
    /// The whole name, split at the space: 「佐藤 花子」 is family then given, "John Smith"
    /// given then family.
    #[arg(long)]
    name: Option<String>,
    /// The reading of the whole name, split the same way (さとう はなこ).
    #[arg(long)]
    reading: Option<String>,
    #[arg(long)]
    family_name: Option<String>,
    #[arg(long)]
    given_name: Option<String>,
    #[arg(long)]
    family_reading: Option<String>,
    #[arg(long)]
    given_reading: Option<String>,
    #[arg(long)]
    company: Option<String>,
    #[arg(long)]
    company_reading: Option<String>,
    #[arg(long)]
    department: Option<String>,
    #[arg(long)]
    title: Option<String>,
    /// The preferred email address. In an edit, one the contact has becomes the preferred
    /// one (the one before stays); a new one replaces the preferred one (kept in the
    /// history); '' removes it.
    #[arg(long)]
    email: Option<String>,
    /// The preferred office number (replaces the preferred one in an edit).
    #[arg(long, allow_hyphen_values = true)]
    phone: Option<String>,
    /// The preferred mobile number.
    #[arg(long, allow_hyphen_values = true)]
    mobile: Option<String>,
    /// The preferred fax number.
    #[arg(long, allow_hyphen_values = true)]
    fax: Option<String>,
    /// One more email address, its kind in brackets if not work: 'hanako@example.jp (home)'.
    #[arg(long = "add-email", value_name = "EMAIL")]
    add_emails: Vec<String>,
    /// One more number, its kind in brackets: '03-1111-2222 (home)', '090-1111-2222 (mobile)'.
    #[arg(long = "add-phone", value_name = "NUMBER", allow_hyphen_values = true)]
    add_phones: Vec<String>,
    /// Remove an email address (kept in the history).
    #[arg(long = "remove-email", value_name = "EMAIL")]
    remove_emails: Vec<String>,
    /// Remove a number, however it is written (kept in the history).
    #[arg(
        long = "remove-phone",
        value_name = "NUMBER",
        allow_hyphen_values = true
    )]
    remove_phones: Vec<String>,
    #[arg(long)]
    postal_code: Option<String>,
    #[arg(long)]
    address: Option<String>,
    #[arg(long)]
    url: Option<String>,
    /// When the card was exchanged (a date: 2026-11-20, yesterday, 11/20...).
    #[arg(long, allow_hyphen_values = true)]
    exchanged_on: Option<String>,
    /// The event or place.
    #[arg(long)]
    exchanged_at: Option<String>,
    /// The rep who got the card.
    #[arg(long)]
    exchanged_by: Option<String>,
    #[arg(long)]
    notes: Option<String>,
    #[arg(long = "tag")]
    tags: Vec<String>,
}

/// Whether the person may be sent mail (`contact edit`).
#[derive(Debug, clap::Args)]
pub struct MailArgs {
    /// The person asked for no more mail (配信停止): segment exports leave them out.
    #[arg(long, conflicts_with = "mail")]
    no_mail: bool,
    /// The day they asked (default: today); implies --no-mail.
    #[arg(
        long,
        value_name = "DATE",
        allow_hyphen_values = true,
        conflicts_with = "mail"
    )]
    no_mail_on: Option<String>,
    /// Mail may be sent to the person again (takes the no-mail mark off).
    #[arg(long)]
    mail: bool,
}

impl MailArgs {
    /// The change to the no-mail mark the flags ask for, if any.
    fn change(&self) -> Result<Option<Option<chrono::NaiveDate>>> {
        if self.mail {
            return Ok(Some(None));
        }
        match &self.no_mail_on {
            Some(typed) => Ok(Some(Some(parse::date("--no-mail-on", typed)?))),
            None if self.no_mail => Ok(Some(Some(crate::model::dates::today()))),
            None => Ok(None),
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[arg(long)]
    company: Option<String>,
    #[arg(long)]
    limit: Option<usize>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    id: String,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

/// Splits "佐藤 花子" into (family, given) and "John Smith" into (Smith, John).
fn split_name(name: &str) -> (Option<String>, Option<String>) {
    let parts: Vec<&str> = name.split_whitespace().collect();
    match parts.as_slice() {
        [] => (None, None),
        [one] => (Some(one.to_string()), None),
        [first, rest @ ..] if is_japanese(name) => (Some(first.to_string()), Some(rest.join(" "))),
        [init @ .., last] => (Some(last.to_string()), Some(init.join(" "))),
    }
}

/// The list changes the flags ask for.
fn list_edits(args: &CardArgs) -> Result<ListEdits> {
    let mut edits = ListEdits {
        email: args.email.clone(),
        ..ListEdits::default()
    };
    for (slot, number) in [
        (PhoneSlot::Phone, &args.phone),
        (PhoneSlot::Mobile, &args.mobile),
        (PhoneSlot::Fax, &args.fax),
    ] {
        if let Some(number) = number {
            edits.numbers.push((slot, number.clone()));
        }
    }
    for (flag, channel, typed) in [
        ("--add-email", Channel::Email, &args.add_emails),
        ("--add-phone", Channel::Phone, &args.add_phones),
    ] {
        for text in typed {
            let values = match channel {
                Channel::Phone => parse_numbers(text),
                _ => parse_list(text, ValueKind::Work),
            }
            .map_err(|e| {
                Error::said(
                    "error-flag-text-value",
                    [
                        ("flag", Arg::Text(flag.to_string())),
                        ("text", Arg::Text(text.clone())),
                        ("problem", value_problem(&e)),
                    ],
                )
            })?;
            edits.add.extend(values.into_iter().map(|v| (channel, v)));
        }
    }
    // What is typed must be an address or a number; an empty one only removes.
    let typed = edits
        .email
        .iter()
        .map(|e| ("--email", Channel::Email, e.as_str()))
        .chain(
            edits
                .numbers
                .iter()
                .map(|(_, n)| ("--phone/--mobile/--fax", Channel::Phone, n.as_str())),
        )
        .chain(edits.add.iter().map(|(c, v)| {
            let flag = if *c == Channel::Email {
                "--add-email"
            } else {
                "--add-phone"
            };
            (flag, *c, v.value.as_str())
        }));
    for (flag, channel, value) in typed {
        if !value.trim().is_empty() {
            check(channel, value).map_err(|e| {
                Error::said(
                    "error-flag-value",
                    [
                        ("flag", Arg::Text(flag.to_string())),
                        ("problem", value_problem(&e)),
                    ],
                )
            })?;
        }
    }
    for (channel, typed) in [
        (Channel::Email, &args.remove_emails),
        (Channel::Phone, &args.remove_phones),
    ] {
        edits
            .remove
            .extend(typed.iter().map(|v| (channel, v.trim().to_string())));
    }
    Ok(edits)
}

fn card(args: &CardArgs) -> Result<ContactFields> {
    let (family, given) = args.name.as_deref().map(split_name).unwrap_or((None, None));
    let (family_reading, given_reading) = match args.reading.as_deref() {
        Some(r) => {
            let parts: Vec<&str> = r.split_whitespace().collect();
            match parts.as_slice() {
                [] => (None, None),
                [one] => (Some(one.to_string()), None),
                [first, rest @ ..] => (Some(first.to_string()), Some(rest.join(" "))),
            }
        }
        None => (None, None),
    };
    Ok(ContactFields {
        family_name: args.family_name.clone().or(family),
        given_name: args.given_name.clone().or(given),
        family_reading: args.family_reading.clone().or(family_reading),
        given_reading: args.given_reading.clone().or(given_reading),
        company: args.company.clone(),
        company_reading: args.company_reading.clone(),
        department: args.department.clone(),
        title: args.title.clone(),
        postal_code: args.postal_code.clone(),
        address: args.address.clone(),
        url: args.url.clone(),
        exchanged_on: args
            .exchanged_on
            .as_deref()
            .map(|d| parse::date("--exchanged-on", d))
            .transpose()?,
        exchanged_at: args.exchanged_at.clone(),
        exchanged_by: args.exchanged_by.clone(),
        notes: args.notes.clone(),
        tags: (!args.tags.is_empty()).then(|| parse::tags(&args.tags)),
        ..ContactFields::default()
    })
}

/// What a rep calls a stored field of a contact, in the language shown.
fn field_label(language: Language, field: &str) -> &'static str {
    match language {
        Language::En => crate::model::Contact::field_label(field),
        Language::Ja => crate::model::Contact::field_label_ja(field),
    }
}

pub fn run(session: &mut Session, command: &ContactCommand) -> Result<bool> {
    let lang = session.config.language;
    match command {
        ContactCommand::Add(args) => {
            let mut new = card(args)?;
            list_edits(args)?.apply(&[], &mut new);
            let id = contacts::add(&mut session.store, &new)?;
            outln!("{id}")?;
        }
        ContactCommand::List(args) => list(session, args)?,
        ContactCommand::Show(args) => {
            let id = store::contacts::resolve(session.store.conn(), &args.id)?;
            let detail = contacts::detail(&session.store, session.config.ui.name_order, &id)?;
            if args.format == Format::Json {
                print_json(&detail)?;
            } else {
                print_detail(&detail, lang, &mut std::io::stdout().lock())?;
            }
        }
        ContactCommand::Edit {
            id,
            card: args,
            mail,
        } => {
            let id = store::contacts::resolve(session.store.conn(), id)?;
            let mut patch = card(args)?;
            patch.no_mail_on = mail.change()?;
            let edits = list_edits(args)?;
            if patch == ContactFields::default() && edits.is_empty() {
                return Err(Error::invalid(tr!(lang, "cli-contact-nothing-to-change")));
            }
            let changed = contacts::edit(&mut session.store, &id, &patch, &edits)?.changed;
            if changed.is_empty() {
                outln!("{}", tr!(lang, "cli-contact-unchanged", id = id.as_str()))?;
            } else {
                let labels: Vec<&str> = changed.iter().map(|f| field_label(lang, f)).collect();
                outln!(
                    "{}",
                    tr!(
                        lang,
                        "cli-contact-changed",
                        fields = labels::list(&labels, lang),
                        id = id.as_str()
                    )
                )?;
            }
        }
        ContactCommand::Delete { id, purge: false } => {
            let id = store::contacts::resolve(session.store.conn(), id)?;
            contacts::delete(&mut session.store, &id)?;
            outln!("{}", tr!(lang, "cli-deleted-contact", id = id.as_str()))?;
        }
        ContactCommand::Delete { id, purge: true } => {
            let id = store::purge::resolve(session.store.conn(), id)?;
            let order = session.config.ui.name_order;
            let report = contacts::purge(&mut session.store, &id, order)?;
            let r = &report.removed;
            outln!(
                "{}",
                tr!(
                    lang,
                    "cli-purged",
                    id = report.id.as_str(),
                    name = report.name.as_str(),
                    history = r.history,
                    links = r.links,
                    activities = r.activities_unlinked
                )
            )?;
            let path = session.store.path();
            if report.traces.is_empty() {
                outln!("{}", tr!(lang, "cli-purge-checked", path = path))?;
            } else {
                let fields = &report.traces;
                return Err(Error::Io(Said::new(
                    "cli-purge-traces",
                    [
                        (
                            "fields",
                            Arg::in_each(|l| {
                                let names: Vec<&str> =
                                    fields.iter().map(|f| field_label(l, f)).collect();
                                labels::list(&names, l)
                            }),
                        ),
                        ("path", Arg::from(path)),
                    ],
                )));
            }
            outln!("{}", tr!(lang, "cli-purge-backups"))?;
        }
    }
    Ok(true)
}

fn list(session: &Session, args: &ListArgs) -> Result<()> {
    let filter = store::contacts::ContactFilter {
        company: args.company.clone(),
        limit: args.limit,
    };
    let conn = session.store.conn();
    let all = store::contacts::list(conn, &filter)?;
    let order = session.config.ui.name_order;
    let lang = session.config.language;
    match args.format {
        Format::Json => print_json(&all),
        Format::Csv => Err(Error::invalid(tr!(lang, "cli-contact-list-no-csv"))),
        Format::Table => {
            let ids: Vec<String> = all.iter().map(|c| c.id.clone()).collect();
            let mut table = Table::new(&[
                tr!(lang, "cli-header-id"),
                tr!(lang, "cli-header-name"),
                tr!(lang, "cli-header-reading"),
                tr!(lang, "cli-header-company"),
                tr!(lang, "cli-header-job-title"),
                tr!(lang, "cli-header-email"),
                tr!(lang, "cli-header-phone"),
            ]);
            for (c, short) in all.iter().zip(store::contacts::short_ids(conn, &ids)?) {
                table.row(vec![
                    short,
                    c.name(order),
                    c.reading().unwrap_or_default(),
                    opt(&c.company),
                    opt(&c.title),
                    opt(&c.email),
                    c.mobile.clone().or(c.phone.clone()).unwrap_or_default(),
                ]);
            }
            table.print(&mut std::io::stdout().lock())
        }
    }
}

fn print_detail(d: &ContactDetail, lang: Language, out: &mut impl Write) -> Result<()> {
    let c = &d.contact;
    writeln!(out, "{}", display_safe(&d.name)).map_err(io)?;
    field(out, &tr!(lang, "cli-field-id"), &c.id)?;
    field(
        out,
        &tr!(lang, "cli-field-reading"),
        &c.reading().unwrap_or_default(),
    )?;
    for (name, value) in [
        ("company", &c.company),
        ("company_reading", &c.company_reading),
        ("department", &c.department),
        ("title", &c.title),
        ("email", &c.email),
        ("phone", &c.phone),
        ("mobile", &c.mobile),
        ("fax", &c.fax),
        ("postal_code", &c.postal_code),
        ("address", &c.address),
        ("url", &c.url),
    ] {
        field(out, field_label(lang, name), &opt(value))?;
    }
    // Every value beyond the ones shown above.
    let rows = [
        (tr!(lang, "cli-field-other-emails"), Channel::Email),
        (tr!(lang, "cli-field-other-numbers"), Channel::Phone),
        (tr!(lang, "cli-field-other-addresses"), Channel::Address),
        (tr!(lang, "cli-field-other-urls"), Channel::Url),
        (tr!(lang, "cli-field-other-companies"), Channel::Company),
    ]
    .map(|(label, channel)| (label, c.further_values(channel)));
    for (label, list) in rows {
        for (i, text) in list.iter().enumerate() {
            field(out, if i == 0 { &label } else { "" }, text)?;
        }
    }
    for (name, value) in [
        ("exchanged_at", &c.exchanged_at),
        ("exchanged_by", &c.exchanged_by),
        ("notes", &c.notes),
    ] {
        field(out, field_label(lang, name), &opt(value))?;
    }
    field(
        out,
        field_label(lang, "exchanged_on"),
        &c.exchanged_on
            .map(|d| output::day(lang, d))
            .unwrap_or_default(),
    )?;
    field(out, field_label(lang, "tags"), &c.tags.join(", "))?;
    if let Some(day) = c.no_mail_on {
        field(
            out,
            field_label(lang, "no_mail_on"),
            &tr!(lang, "cli-no-mail-since", date = output::day(lang, day)),
        )?;
    }
    field(
        out,
        &tr!(lang, "cli-field-updated"),
        &tr!(
            lang,
            "cli-when-by",
            when = local_time(lang, &c.updated_at),
            who = c.updated_by.as_str()
        ),
    )?;
    writeln!(out, "\n{}", tr!(lang, "cli-heading-leads")).map_err(io)?;
    if d.leads.is_empty() {
        writeln!(out, "  {}", tr!(lang, "cli-none")).map_err(io)?;
    }
    super::output::indented(out, &d.leads, |l| {
        tr!(
            lang,
            "cli-lead-of-contact",
            title = display_safe(&l.title),
            role = labels::role(l.role, lang),
            stage = labels::stage(l.stage, lang)
        )
    })?;
    writeln!(out, "\n{}", tr!(lang, "cli-heading-activities")).map_err(io)?;
    if d.activities.is_empty() {
        writeln!(out, "  {}", tr!(lang, "cli-none")).map_err(io)?;
    }
    let times = output::column(
        d.activities
            .iter()
            .map(|a| local_time(lang, &a.occurred_at)),
    );
    for (a, time) in d.activities.iter().zip(times) {
        writeln!(
            out,
            "  {time}  {}{}",
            pad(&labels::kind_with_direction(a.kind, a.direction, lang), 18),
            display_safe(&a.summary)
        )
        .map_err(io)?;
    }
    // The fields by the names a rep reads (`postal code`, not `postal_code`).
    let history: Vec<_> = d
        .history
        .iter()
        .map(|h| crate::store::history::HistoryEntry {
            field: field_label(lang, &h.field).to_string(),
            ..h.clone()
        })
        .collect();
    super::output::history(out, lang, &history)
}

/// What is wrong with a typed address or number, in either language.
fn value_problem(error: &crate::model::contact_value::ValueError) -> Arg {
    Arg::Each {
        en: error.to_string(),
        ja: error.message(Language::Ja),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_by_script() {
        assert_eq!(
            split_name("佐藤 花子"),
            (Some("佐藤".into()), Some("花子".into()))
        );
        assert_eq!(
            split_name("John Smith"),
            (Some("Smith".into()), Some("John".into()))
        );
        assert_eq!(split_name("Cher"), (Some("Cher".into()), None));
    }
}
