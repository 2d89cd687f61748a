use super::Session;
use super::output::{self, Format, Table, field, io, local_time, opt, pad, print_json, score};
use super::parse;
use crate::config::{Language, TextEncoding};
use crate::error::Result;
use crate::features::export::{self, CsvOptions};
use crate::features::leads::{self, LeadDetail};
use crate::i18n::labels;
use crate::model::dates::today;
use crate::model::lead::{LeadFields, LeadPatch, Qualification};
use crate::model::text::display_safe;
use crate::model::{Lead, Stage};
use crate::store;
use crate::tr;
use clap::Subcommand;
use std::io::Write;

#[derive(Debug, Subcommand)]
pub enum LeadCommand {
    /// Add a lead; prints its id.
    Add(AddArgs),
    /// List leads in board order (stage, rank, next-action date).
    List(ListArgs),
    /// Everything about a lead: fields, contacts, activities, score, stage and field history.
    Show(ShowArgs),
    /// Change fields of a lead (an empty value clears a field).
    Edit(EditArgs),
    /// Move a lead to another stage (considering, future, no_prospect, customer, or a label:
    /// Future potential, 将来見込み...).
    Move { id: String, stage: String },
    /// Mark a lead won: it becomes a customer.
    Won { id: String },
    /// Delete a lead (kept as a tombstone so team copies agree).
    Delete { id: String },
    /// Take a contact off a lead.
    Unlink {
        id: String,
        /// The contact (any unique id prefix).
        #[arg(long)]
        contact: String,
    },
    /// Put a contact on a lead, with a role (a contact already on it gets the new role).
    Link {
        id: String,
        contact_id: String,
        /// decision_maker, influencer, user, gatekeeper or other, or its label (決裁者, 窓口...).
        #[arg(long, default_value = "other")]
        role: String,
    },
}

#[derive(Debug, clap::Args)]
pub struct FieldArgs {
    #[arg(long)]
    company: Option<String>,
    /// Channel: exhibition, website, seminar, referral, inbound_call, advertising, sns,
    /// business_card, other (configurable in [sources]), or its label (Exhibition, 展示会...).
    #[arg(long)]
    source: Option<String>,
    /// E.g. the exhibition's name.
    #[arg(long)]
    source_detail: Option<String>,
    /// The rep (default: you).
    #[arg(long)]
    owner: Option<String>,
    /// Expected amount: 1200000, 1,200,000 or 120万.
    #[arg(long, allow_hyphen_values = true)]
    value: Option<String>,
    #[arg(long)]
    next_action: Option<String>,
    /// When the next action is due: +3d, tomorrow, friday, 12/1, 2026-12-01, 明日...
    #[arg(long, allow_hyphen_values = true)]
    due: Option<String>,
    /// A tag (repeat, or separate with commas).
    #[arg(long = "tag")]
    tags: Vec<String>,
    #[arg(long)]
    notes: Option<String>,
    /// Budget: yes, no or unknown, optionally ':note' (yes:予算確保済み).
    #[arg(long)]
    budget: Option<String>,
    /// Authority: yes, no or unknown, optionally ':note'.
    #[arg(long)]
    authority: Option<String>,
    /// Need: yes, no or unknown, optionally ':note'.
    #[arg(long)]
    need: Option<String>,
    /// Timing: yes, no or unknown, optionally ':note'.
    #[arg(long)]
    timing: Option<String>,
    /// The campaign the lead came from: its name or id (empty clears it).
    #[arg(long)]
    campaign: Option<String>,
    /// Mark the lead an upsell (a new deal with a customer); by default a lead on a company
    /// that is already a customer is marked by itself.
    #[arg(long, conflicts_with = "no_upsell")]
    upsell: bool,
    /// Mark the lead not an upsell.
    #[arg(long)]
    no_upsell: bool,
}

impl FieldArgs {
    /// `--upsell` or `--no-upsell`, if either was given.
    fn upsell(&self) -> Option<bool> {
        if self.upsell {
            Some(true)
        } else if self.no_upsell {
            Some(false)
        } else {
            None
        }
    }

    /// The campaign named by `--campaign`: `Some(None)` when it was given empty.
    fn campaign(&self, session: &Session) -> Result<Option<Option<String>>> {
        match parse::text_patch(&self.campaign) {
            Some(Some(typed)) => Ok(Some(Some(store::campaigns::resolve(
                session.store.conn(),
                &typed,
            )?))),
            other => Ok(other),
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    #[arg(long)]
    title: String,
    /// considering (default), future, no_prospect or customer, or a label (Future potential,
    /// 検討段階...).
    #[arg(long)]
    stage: Option<String>,
    #[command(flatten)]
    fields: FieldArgs,
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    id: String,
    #[arg(long)]
    title: Option<String>,
    #[command(flatten)]
    fields: FieldArgs,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[command(flatten)]
    filters: super::filters::FilterArgs,
    /// Include customers.
    #[arg(long)]
    all: bool,
    #[arg(long)]
    limit: Option<usize>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    #[command(flatten)]
    headers: super::export::HeadersArgs,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    id: String,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Every activity, not only the newest 500 (the output says how many it leaves out).
    #[arg(long)]
    all: bool,
}

pub fn run(session: &mut Session, command: &LeadCommand) -> Result<bool> {
    let lang = session.config.language;
    match command {
        LeadCommand::Add(args) => add(session, args),
        LeadCommand::List(args) => list(session, args),
        LeadCommand::Show(args) => show(session, args),
        LeadCommand::Edit(args) => edit(session, args),
        LeadCommand::Move { id, stage } => {
            let stage = parse::stage(parse::positional("arg-stage"), stage)?;
            move_to(session, id, stage)
        }
        LeadCommand::Won { id } => move_to(session, id, Stage::Customer),
        LeadCommand::Delete { id } => {
            let id = store::leads::resolve(session.store.conn(), id)?;
            let title = title_of(session, &id)?;
            leads::delete(&mut session.store, &id)?;
            outln!(
                "{}",
                tr!(lang, "cli-deleted-lead", title = display_safe(&title))
            )?;
            Ok(true)
        }
        LeadCommand::Link {
            id,
            contact_id,
            role,
        } => {
            let role = parse::role("--role", role)?;
            let lead_id = store::leads::resolve(session.store.conn(), id)?;
            let contact_id = store::contacts::resolve(session.store.conn(), contact_id)?;
            let linked = leads::link(&mut session.store, &lead_id, &contact_id, role)?;
            let said = match linked.role_before {
                Some(before) if before != role => tr!(
                    lang,
                    "cli-role-changed",
                    contact = contact_id.as_str(),
                    lead = lead_id.as_str(),
                    role = labels::role(role, lang),
                    before = labels::role(before, lang)
                ),
                _ => tr!(
                    lang,
                    "cli-linked",
                    contact = contact_id.as_str(),
                    lead = lead_id.as_str(),
                    role = labels::role(role, lang)
                ),
            };
            outln!("{said}")?;
            Ok(true)
        }
        LeadCommand::Unlink { id, contact } => {
            let lead_id = store::leads::resolve(session.store.conn(), id)?;
            let contact_id = store::contacts::resolve(session.store.conn(), contact)?;
            let said = match leads::unlink(&mut session.store, &lead_id, &contact_id)? {
                Some(role) => tr!(
                    lang,
                    "cli-unlinked",
                    contact = contact_id.as_str(),
                    lead = lead_id.as_str(),
                    role = labels::role(role, lang)
                ),
                None => tr!(
                    lang,
                    "cli-not-linked",
                    contact = contact_id.as_str(),
                    lead = lead_id.as_str()
                ),
            };
            outln!("{said}")?;
            Ok(true)
        }
    }
}

fn qualification(args: &FieldArgs, base: Qualification) -> Result<Qualification> {
    let mut q = base;
    for (flag, typed, slot) in [
        ("--budget", &args.budget, &mut q.budget),
        ("--authority", &args.authority, &mut q.authority),
        ("--need", &args.need, &mut q.need),
        ("--timing", &args.timing, &mut q.timing),
    ] {
        if let Some(typed) = typed {
            *slot = parse::criterion(flag, typed)?;
        }
    }
    Ok(q)
}

fn add(session: &mut Session, args: &AddArgs) -> Result<bool> {
    let f = &args.fields;
    let fields = LeadFields {
        title: args.title.clone(),
        company: f.company.clone(),
        stage: args
            .stage
            .as_deref()
            .map(|s| parse::stage("--stage", s))
            .transpose()?
            .unwrap_or_default(),
        source: f.source.clone(),
        source_detail: f.source_detail.clone(),
        owner: f.owner.clone(),
        value: f
            .value
            .as_deref()
            .map(|v| parse::optional_amount("--value", v))
            .transpose()?
            .flatten(),
        next_action: f.next_action.clone(),
        next_action_on: f
            .due
            .as_deref()
            .map(|d| parse::due_or_clear("--due", d))
            .transpose()?
            .flatten(),
        qualification: qualification(f, Qualification::default())?,
        tags: parse::tags(&f.tags),
        notes: f.notes.clone(),
        campaign_id: f.campaign(session)?.flatten(),
        upsell: f.upsell(),
    };
    let id = leads::add(&mut session.store, &session.config, fields)?;
    outln!("{id}")?;
    Ok(true)
}

fn edit(session: &mut Session, args: &EditArgs) -> Result<bool> {
    let lang = session.config.language;
    let id = store::leads::resolve(session.store.conn(), &args.id)?;
    let f = &args.fields;
    let any_criterion = [&f.budget, &f.authority, &f.need, &f.timing]
        .iter()
        .any(|c| c.is_some());
    let qualification = if any_criterion {
        let current = store::leads::get(session.store.conn(), &id, session.config.ui.name_order)?
            .map(|l| l.qualification)
            .unwrap_or_default();
        Some(self::qualification(f, current)?)
    } else {
        None
    };
    let patch = LeadPatch {
        title: args.title.clone(),
        company: parse::text_patch(&f.company),
        source: parse::text_patch(&f.source),
        source_detail: parse::text_patch(&f.source_detail),
        owner: parse::text_patch(&f.owner),
        value: f
            .value
            .as_deref()
            .map(|v| parse::optional_amount("--value", v))
            .transpose()?,
        next_action: parse::text_patch(&f.next_action),
        next_action_on: f
            .due
            .as_deref()
            .map(|d| parse::due_or_clear("--due", d))
            .transpose()?,
        qualification,
        tags: (!f.tags.is_empty()).then(|| parse::tags(&f.tags)),
        notes: parse::text_patch(&f.notes),
        campaign_id: f.campaign(session)?,
        upsell: f.upsell(),
    };
    if patch.is_empty() {
        return Err(crate::Error::invalid(tr!(
            lang,
            "cli-lead-nothing-to-change"
        )));
    }
    let changed = leads::edit(&mut session.store, &session.config, &id, &patch)?.changed;
    if changed.is_empty() {
        outln!("{}", tr!(lang, "cli-lead-unchanged", id = id.as_str()))?;
    } else {
        let labels: Vec<&str> = changed.iter().map(|f| field_label(lang, f)).collect();
        outln!(
            "{}",
            tr!(
                lang,
                "cli-lead-changed",
                fields = labels::list(&labels, lang),
                id = id.as_str()
            )
        )?;
    }
    Ok(true)
}

fn move_to(session: &mut Session, prefix: &str, stage: Stage) -> Result<bool> {
    let id = store::leads::resolve(session.store.conn(), prefix)?;
    let title = title_of(session, &id)?;
    let moved = leads::move_to(&mut session.store, &id, stage)?.moved;
    let lang = session.config.language;
    let (title, stage) = (display_safe(&title), labels::stage(stage, lang));
    if moved {
        outln!("{}", tr!(lang, "cli-moved", title = title, stage = stage))?;
    } else {
        outln!(
            "{}",
            tr!(lang, "cli-already-in", title = title, stage = stage)
        )?;
    }
    Ok(true)
}

/// What a rep calls a field of a lead, in the language shown.
fn field_label(language: crate::config::Language, field: &str) -> &'static str {
    match language {
        crate::config::Language::En => LeadPatch::label_en(field),
        crate::config::Language::Ja => LeadPatch::label_ja(field),
    }
}

fn title_of(session: &Session, id: &str) -> Result<String> {
    Ok(
        store::leads::get(session.store.conn(), id, session.config.ui.name_order)?
            .map(|l| l.title)
            .unwrap_or_default(),
    )
}

fn list(session: &Session, args: &ListArgs) -> Result<bool> {
    let config = &session.config;
    let filter = store::leads::LeadFilter {
        narrowing: args
            .filters
            .filters(config, session.store.conn())?
            .narrowing(today(), &config.stages.stale_after_days),
        include_customers: args.all,
        limit: args.limit,
    };
    let conn = session.store.conn();
    let customers = filter.narrowing.stage == Some(Stage::Customer);
    let mut leads = store::leads::list(conn, &filter)?;
    // Customers are listed with what each is worth.
    let values = if customers {
        leads::customer_values(&session.store, &leads)?
    } else {
        Vec::new()
    };
    match args.format {
        Format::Json => {
            for lead in &mut leads {
                lead.contacts =
                    store::links::contacts_of(conn, &lead.id, session.config.ui.name_order)?;
            }
            if customers {
                let valued: Vec<leads::ValuedLead<'_>> = leads
                    .iter()
                    .zip(&values)
                    .map(|(lead, value)| leads::ValuedLead { lead, value })
                    .collect();
                return print_json(&valued).map(|()| true);
            }
            print_json(&leads)
        }
        Format::Table if customers => {
            print_customers(session, &leads, &values)?;
            Ok(())
        }
        Format::Csv => print_csv(
            &leads,
            session.config.export.excel_safe,
            args.headers.language(),
        ),
        Format::Table => {
            let lang = config.language;
            let ids: Vec<String> = leads.iter().map(|l| l.id.clone()).collect();
            let mut table = Table::new(&[
                tr!(lang, "cli-header-id"),
                tr!(lang, "cli-header-stage"),
                tr!(lang, "cli-header-rank"),
                tr!(lang, "cli-header-due"),
                tr!(lang, "cli-header-title"),
                tr!(lang, "cli-header-company"),
                tr!(lang, "cli-header-owner"),
                tr!(lang, "cli-header-value"),
            ]);
            for (lead, short) in leads.iter().zip(store::leads::short_ids(conn, &ids)?) {
                table.row(vec![
                    short,
                    labels::stage(lead.stage, lang).to_string(),
                    lead.rank.to_string(),
                    lead.next_action_on
                        .map(|d| output::due(lang, &d))
                        .unwrap_or_default(),
                    lead.title.clone(),
                    opt(&lead.company),
                    opt(&lead.owner),
                    output::money(lang, lead.value),
                ]);
            }
            table.print(&mut std::io::stdout().lock())?;
            Ok(())
        }
    }?;
    Ok(true)
}

/// Customers with what each is worth: lifetime value, deals won, the last win and the open
/// upsell leads on the company.
fn print_customers(
    session: &Session,
    leads: &[Lead],
    values: &[crate::model::lead::CustomerValue],
) -> Result<()> {
    let lang = session.config.language;
    let ids: Vec<String> = leads.iter().map(|l| l.id.clone()).collect();
    let mut table = Table::new(&[
        tr!(lang, "cli-header-id"),
        tr!(lang, "cli-header-title"),
        tr!(lang, "cli-header-company"),
        tr!(lang, "cli-header-owner"),
        tr!(lang, "cli-header-value"),
        tr!(lang, "cli-header-lifetime-value"),
        tr!(lang, "cli-header-last-won"),
        tr!(lang, "cli-header-open-upsell"),
    ]);
    let conn = session.store.conn();
    for ((lead, value), short) in leads
        .iter()
        .zip(values)
        .zip(store::leads::short_ids(conn, &ids)?)
    {
        table.row(vec![
            short,
            lead.title.clone(),
            opt(&lead.company),
            opt(&lead.owner),
            output::money(lang, lead.value),
            output::money(lang, Some(value.lifetime_value)),
            value
                .last_won_at
                .map(|at| output::day(lang, at.with_timezone(&chrono::Local).date_naive()))
                .unwrap_or_default(),
            value.open_upsell_leads.to_string(),
        ]);
    }
    table.print(&mut std::io::stdout().lock())
}

/// `lead list`'s CSV columns: what the list shows, fewer than `export leads` writes.
const CSV_COLUMNS: [&str; 12] = [
    "id",
    "title",
    "company",
    "stage",
    "source",
    "owner",
    "value",
    "next_action",
    "next_action_on",
    "rank",
    "score",
    "last_activity_at",
];

fn print_csv(leads: &[Lead], excel_safe: bool, headers: Language) -> Result<()> {
    let csv = CsvOptions {
        encoding: TextEncoding::Utf8,
        excel_safe,
        headers,
    };
    let mut bytes = Vec::new();
    export::lead_table(leads, &CSV_COLUMNS, csv, &mut bytes)?;
    output::write_data(&bytes)
}

fn show(session: &Session, args: &ShowArgs) -> Result<bool> {
    let id = store::leads::resolve(session.store.conn(), &args.id)?;
    let limit = (!args.all).then_some(leads::DETAIL_ACTIVITIES);
    let detail = leads::detail_with(&session.store, &session.config, &id, limit)?;
    if args.format == Format::Json {
        print_json(&detail)?;
    } else {
        print_detail(
            &detail,
            session.config.language,
            &mut std::io::stdout().lock(),
        )?;
    }
    Ok(true)
}

fn print_detail(d: &LeadDetail, lang: crate::config::Language, out: &mut impl Write) -> Result<()> {
    let l = &d.lead;
    writeln!(out, "{}", display_safe(&l.title)).map_err(io)?;
    field(out, &tr!(lang, "cli-field-id"), &l.id)?;
    field(out, &tr!(lang, "cli-field-company"), &opt(&l.company))?;
    field(
        out,
        &tr!(lang, "cli-field-stage"),
        labels::stage(l.stage, lang),
    )?;
    field(out, &tr!(lang, "cli-field-owner"), &opt(&l.owner))?;
    field(
        out,
        &tr!(lang, "cli-field-value"),
        &output::money(lang, l.value),
    )?;
    let date = l.next_action_on.map(|d| output::due(lang, &d));
    let next = match (&l.next_action, date) {
        (Some(a), Some(d)) => format!("{a} — {d}"),
        (Some(a), None) => a.clone(),
        (None, Some(d)) => d,
        (None, None) => tr!(lang, "cli-none"),
    };
    field(out, &tr!(lang, "cli-field-next-action"), &next)?;
    let source_label = l
        .source
        .as_deref()
        .map(|id| labels::source(id, lang).to_string());
    let source = [source_label, l.source_detail.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" — ");
    field(out, &tr!(lang, "cli-field-source"), &source)?;
    let campaign = [
        d.campaign_name.clone(),
        l.upsell.then(|| tr!(lang, "detail-upsell")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    field(out, &tr!(lang, "detail-campaign"), &campaign)?;
    field(
        out,
        &tr!(lang, "cli-field-score"),
        &tr!(
            lang,
            "cli-score-with-rank",
            score = score(d.score_breakdown.score),
            rank = d.score_breakdown.rank.to_string()
        ),
    )?;
    field(out, &tr!(lang, "cli-field-tags"), &l.tags.join(", "))?;
    if !l.qualification.is_unknown() {
        let q = &l.qualification;
        let show = |c: &crate::model::lead::Criterion| {
            use crate::model::lead::Answer;
            let answer = match c.value {
                Answer::Yes => tr!(lang, "cli-answer-yes"),
                Answer::No => tr!(lang, "cli-answer-no"),
                Answer::Unknown => tr!(lang, "cli-answer-unknown"),
            };
            if c.note.is_empty() {
                answer
            } else {
                tr!(
                    lang,
                    "cli-answer-with-note",
                    answer = answer,
                    note = c.note.as_str()
                )
            }
        };
        field(out, &tr!(lang, "cli-field-budget"), &show(&q.budget))?;
        field(out, &tr!(lang, "cli-field-authority"), &show(&q.authority))?;
        field(out, &tr!(lang, "cli-field-need"), &show(&q.need))?;
        field(out, &tr!(lang, "cli-field-timing"), &show(&q.timing))?;
    }
    field(out, &tr!(lang, "cli-field-notes"), &opt(&l.notes))?;
    field(
        out,
        &tr!(lang, "cli-field-created"),
        &tr!(
            lang,
            "cli-when-by",
            when = local_time(lang, &l.created_at),
            who = l.created_by.as_str()
        ),
    )?;
    field(
        out,
        &tr!(lang, "cli-field-updated"),
        &tr!(
            lang,
            "cli-when-by",
            when = local_time(lang, &l.updated_at),
            who = l.updated_by.as_str()
        ),
    )?;

    writeln!(out, "\n{}", tr!(lang, "cli-heading-contacts")).map_err(io)?;
    if l.contacts.is_empty() {
        writeln!(out, "  {}", tr!(lang, "cli-none")).map_err(io)?;
    }
    for c in &l.contacts {
        let company = c
            .company
            .as_deref()
            .map(|c| format!(" — {c}"))
            .unwrap_or_default();
        let person = tr!(
            lang,
            "cli-name-with-role",
            name = display_safe(&c.name),
            role = labels::role(c.role, lang)
        );
        writeln!(out, "  {person}{}", display_safe(&company)).map_err(io)?;
    }

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
        let by =
            a.by.as_deref()
                .map(|b| format!("  {}", tr!(lang, "cli-by", who = b)))
                .unwrap_or_default();
        writeln!(
            out,
            "  {time}  {}{}{}",
            pad(&labels::kind_with_direction(a.kind, a.direction, lang), 18),
            display_safe(&a.summary),
            display_safe(&by)
        )
        .map_err(io)?;
    }
    if d.activities_hidden > 0 {
        writeln!(
            out,
            "  {}",
            tr!(
                lang,
                "cli-activities-hidden",
                count = d.activities_hidden,
                id = l.id.as_str()
            )
        )
        .map_err(io)?;
    }

    let total = score(d.score_breakdown.score);
    let sum = match d.score_breakdown.half_life_days {
        Some(h) => tr!(
            lang,
            "cli-score-sum-halving",
            score = total,
            days = score(h)
        ),
        None => tr!(lang, "cli-score-sum", score = total),
    };
    writeln!(out, "\n{sum}").map_err(io)?;
    let lines = &d.score_breakdown.lines;
    let times = output::column(lines.iter().map(|l| local_time(lang, &l.occurred_at)));
    for (line, time) in lines.iter().zip(times) {
        writeln!(
            out,
            "  +{:<6} {} {time}  {} × {}",
            score(line.counted),
            pad(labels::kind(line.kind, lang), 18),
            score(line.points),
            score(line.factor)
        )
        .map_err(io)?;
    }

    if d.activities_hidden > 0 {
        writeln!(
            out,
            "  {}",
            tr!(lang, "cli-score-hidden", count = d.activities_hidden)
        )
        .map_err(io)?;
    }

    writeln!(out, "\n{}", tr!(lang, "cli-heading-stage-history")).map_err(io)?;
    let times = output::column(d.stage_history.iter().map(|s| local_time(lang, &s.at)));
    for (s, time) in d.stage_history.iter().zip(times) {
        let from = s
            .from
            .map(|f| format!("{} → ", labels::stage(f, lang)))
            .unwrap_or_default();
        // A move taken back stays in the history, marked (the stats leave it out).
        let undone = if s.undone {
            format!("  {}", tr!(lang, "cli-undone"))
        } else {
            String::new()
        };
        writeln!(
            out,
            "  {time}  {from}{}{undone}  {}",
            labels::stage(s.to, lang),
            tr!(lang, "cli-by", who = display_safe(&s.by))
        )
        .map_err(io)?;
    }

    // The fields by the names a rep reads (`next action date`, not `next_action_on`).
    let history: Vec<_> = d
        .history
        .iter()
        .map(|h| crate::store::history::HistoryEntry {
            field: field_label(lang, &h.field).to_string(),
            previous: match (&h.previous, h.field.as_str()) {
                (serde_json::Value::String(id), "source") => {
                    serde_json::Value::from(labels::source(id, lang))
                }
                (serde_json::Value::Number(n), "value") => n.as_i64().map_or_else(
                    || h.previous.clone(),
                    |v| output::money(lang, Some(v)).into(),
                ),
                (serde_json::Value::String(stored), "next_action_on") => {
                    crate::model::dates::Due::from_storage(stored)
                        .map_or_else(|| h.previous.clone(), |d| output::due(lang, &d).into())
                }
                (serde_json::Value::String(id), "stage") => Stage::from_id(id).map_or_else(
                    || h.previous.clone(),
                    |stage| labels::stage(stage, lang).into(),
                ),
                _ => h.previous.clone(),
            },
            ..h.clone()
        })
        .collect();
    super::output::history(out, lang, &history)
}
