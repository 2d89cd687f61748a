//! `campaign add|list|show|edit|delete`: campaigns and what each brought for what it cost.

use super::Session;
use super::output::{self, Table, TableOrJson, field, opt, print_json};
use super::parse;
use crate::config::Language;
use crate::error::Result;
use crate::features::campaigns::{self, DEFAULT_WINDOW_DAYS, Effect};
use crate::i18n::labels;
use crate::model::campaign::CampaignPatch;
use crate::model::text::display_safe;
use crate::store;
use crate::tr;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum CampaignCommand {
    /// Add a campaign; prints its id.
    Add(AddArgs),
    /// Every campaign side by side with its effect: leads, considering, won, cost per lead,
    /// cost per won lead, return.
    List(ListArgs),
    /// One campaign and its effect: what it brought and touched, how far those leads went.
    Show(ShowArgs),
    /// Change a campaign (an empty value clears a field).
    Edit(EditArgs),
    /// Delete a campaign (its leads and activities still name it).
    Delete {
        /// The campaign: its name or any unique id prefix.
        campaign: String,
    },
}

#[derive(Debug, clap::Args)]
pub struct FieldArgs {
    /// exhibition, seminar, webinar, newsletter, advertising, direct_mail or other, or its
    /// label (Seminar, セミナー...).
    #[arg(long)]
    kind: Option<String>,
    /// The first day: 2026-12-01, 12/1, tomorrow...
    #[arg(long, allow_hyphen_values = true)]
    start: Option<String>,
    /// The last day.
    #[arg(long, allow_hyphen_values = true)]
    end: Option<String>,
    /// What it cost, in yen: 300000, 300,000 or 30万.
    #[arg(long, allow_hyphen_values = true)]
    cost: Option<String>,
    /// Whose campaign it is (default: you).
    #[arg(long)]
    owner: Option<String>,
    #[arg(long)]
    notes: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    #[arg(long)]
    name: String,
    #[command(flatten)]
    fields: FieldArgs,
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The campaign: its name or any unique id prefix.
    campaign: String,
    #[arg(long)]
    name: Option<String>,
    #[command(flatten)]
    fields: FieldArgs,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Count a lead's moves this many days after the campaign first reached it.
    #[arg(long, value_name = "DAYS", default_value_t = DEFAULT_WINDOW_DAYS)]
    window: i64,
    #[arg(long, value_enum, default_value_t)]
    format: TableOrJson,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The campaign: its name or any unique id prefix.
    campaign: String,
    /// Count a lead's moves this many days after the campaign first reached it.
    #[arg(long, value_name = "DAYS", default_value_t = DEFAULT_WINDOW_DAYS)]
    window: i64,
    #[arg(long, value_enum, default_value_t)]
    format: TableOrJson,
}

pub fn run(session: &mut Session, command: &CampaignCommand) -> Result<bool> {
    let lang = session.config.language;
    match command {
        CampaignCommand::Add(args) => {
            let mut fields = patch(&args.fields)?;
            fields.name = Some(args.name.clone());
            if fields.owner.is_none() {
                fields.owner = Some(Some(session.config.user_name()));
            }
            let id = campaigns::add(&mut session.store, &fields)?;
            outln!("{id}")?;
        }
        CampaignCommand::List(args) => list(session, args)?,
        CampaignCommand::Show(args) => show(session, args)?,
        CampaignCommand::Edit(args) => {
            let id = store::campaigns::resolve(session.store.conn(), &args.campaign)?;
            let mut patch = patch(&args.fields)?;
            patch.name = args.name.clone();
            if patch.is_empty() {
                return Err(crate::Error::invalid(tr!(
                    lang,
                    "cli-campaign-nothing-to-change"
                )));
            }
            let changed = campaigns::edit(&mut session.store, &id, &patch)?;
            let name = name_of(session, &id)?;
            if changed.is_empty() {
                outln!("{}", tr!(lang, "cli-campaign-unchanged", name = name))?;
            } else {
                let fields: Vec<&str> = changed
                    .iter()
                    .map(|f| campaigns::field_label(f, lang))
                    .collect();
                outln!(
                    "{}",
                    tr!(
                        lang,
                        "cli-campaign-changed",
                        fields = labels::list(&fields, lang),
                        name = name
                    )
                )?;
            }
        }
        CampaignCommand::Delete { campaign } => {
            let id = store::campaigns::resolve(session.store.conn(), campaign)?;
            let name = name_of(session, &id)?;
            campaigns::delete(&mut session.store, &id)?;
            outln!("{}", tr!(lang, "cli-campaign-deleted", name = name))?;
        }
    }
    Ok(true)
}

fn name_of(session: &Session, id: &str) -> Result<String> {
    Ok(store::campaigns::get_any(session.store.conn(), id)?
        .map(|c| display_safe(&c.name))
        .unwrap_or_default())
}

/// The fields given, as a patch (an empty value clears).
fn patch(args: &FieldArgs) -> Result<CampaignPatch> {
    Ok(CampaignPatch {
        name: None,
        kind: args
            .kind
            .as_deref()
            .map(|k| parse::campaign_kind("--kind", k))
            .transpose()?,
        starts_on: args
            .start
            .as_deref()
            .map(|d| parse::optional_date("--start", d))
            .transpose()?,
        ends_on: args
            .end
            .as_deref()
            .map(|d| parse::optional_date("--end", d))
            .transpose()?,
        cost: args
            .cost
            .as_deref()
            .map(|c| parse::optional_amount("--cost", c))
            .transpose()?,
        owner: parse::text_patch(&args.owner),
        notes: parse::text_patch(&args.notes),
    })
}

/// A cost per lead or per win to the yen (`25,000`, `25,000円`), `-` where there is none.
fn yen_or_dash(lang: Language, value: Option<f64>) -> String {
    dash(crate::model::format::yen_each(value, lang))
}

/// A return on cost (`4.0`), `-` where there is none.
fn times_or_dash(value: Option<f64>) -> String {
    dash(crate::model::format::ratio(value))
}

fn dash(text: String) -> String {
    if text.is_empty() {
        "-".to_string()
    } else {
        text
    }
}

fn list(session: &Session, args: &ListArgs) -> Result<()> {
    let lang = session.config.language;
    let effects = campaigns::effects(&session.store, args.window)?;
    if args.format == TableOrJson::Json {
        return print_json(&effects);
    }
    let ids: Vec<String> = effects.iter().map(|e| e.campaign.id.clone()).collect();
    let shorts = store::campaigns::short_ids(session.store.conn(), &ids)?;
    let mut table = Table::new(&[
        tr!(lang, "cli-header-id"),
        tr!(lang, "cli-header-campaign"),
        tr!(lang, "cli-header-kind"),
        tr!(lang, "cli-header-start"),
        tr!(lang, "cli-header-cost"),
        tr!(lang, "cli-header-leads"),
        tr!(lang, "cli-header-considering"),
        tr!(lang, "cli-header-won"),
        tr!(lang, "cli-header-cost-per-lead"),
        tr!(lang, "cli-header-cost-per-won"),
        tr!(lang, "cli-header-return"),
    ]);
    for (e, short) in effects.iter().zip(shorts) {
        table.row(vec![
            short,
            e.campaign.name.clone(),
            labels::campaign_kind(e.campaign.kind, lang).to_string(),
            e.campaign
                .starts_on
                .map(|d| output::day(lang, d))
                .unwrap_or_default(),
            output::money(lang, e.campaign.cost),
            e.leads.to_string(),
            e.reached_considering.to_string(),
            e.won.to_string(),
            yen_or_dash(lang, e.cost_per_lead),
            yen_or_dash(lang, e.cost_per_won),
            times_or_dash(e.return_on_cost),
        ]);
    }
    table.print(&mut std::io::stdout().lock())
}

fn show(session: &Session, args: &ShowArgs) -> Result<()> {
    let lang = session.config.language;
    let id = store::campaigns::resolve(session.store.conn(), &args.campaign)?;
    let shown = campaigns::show(&session.store, &id, args.window)?;
    if args.format == TableOrJson::Json {
        return print_json(&shown);
    }
    print_effect(lang, &shown.effect)?;
    // The fields by the names a rep reads, the cost as money.
    let history: Vec<_> = shown
        .history
        .iter()
        .map(|h| crate::store::history::HistoryEntry {
            field: campaigns::field_label(&h.field, lang).to_string(),
            previous: match (&h.previous, h.field.as_str()) {
                (serde_json::Value::Number(n), "cost") => n.as_i64().map_or_else(
                    || h.previous.clone(),
                    |v| output::money(lang, Some(v)).into(),
                ),
                (serde_json::Value::String(id), "kind") => id
                    .parse::<crate::model::campaign::CampaignKind>()
                    .map_or_else(
                        |_| h.previous.clone(),
                        |kind| labels::campaign_kind(kind, lang).into(),
                    ),
                _ => h.previous.clone(),
            },
            ..h.clone()
        })
        .collect();
    output::history(&mut std::io::stdout().lock(), lang, &history)
}

fn print_effect(lang: Language, e: &Effect) -> Result<()> {
    let c = &e.campaign;
    let out = &mut std::io::stdout().lock();
    let days = match (c.starts_on, c.ends_on) {
        (Some(s), Some(t)) if s != t => {
            format!("{} – {}", output::day(lang, s), output::day(lang, t))
        }
        (Some(s), _) => output::day(lang, s),
        (None, Some(t)) => format!("– {}", output::day(lang, t)),
        (None, None) => String::new(),
    };
    field(out, &tr!(lang, "cli-campaign-name"), &c.name)?;
    field(
        out,
        &tr!(lang, "cli-campaign-kind"),
        labels::campaign_kind(c.kind, lang),
    )?;
    field(out, &tr!(lang, "cli-campaign-days"), &days)?;
    field(
        out,
        &tr!(lang, "cli-campaign-cost"),
        &output::money(lang, c.cost),
    )?;
    field(out, &tr!(lang, "cli-campaign-owner"), &opt(&c.owner))?;
    field(out, &tr!(lang, "cli-campaign-notes"), &opt(&c.notes))?;
    field(out, &tr!(lang, "cli-campaign-leads"), &e.leads.to_string())?;
    field(
        out,
        &tr!(lang, "cli-campaign-touched"),
        &tr!(
            lang,
            "cli-campaign-touched-counts",
            leads = e.touched_leads,
            contacts = e.touched_contacts
        ),
    )?;
    let responses: Vec<String> = e
        .responses
        .iter()
        .map(|(kind, n)| format!("{} {n}", labels::kind_id(kind, lang)))
        .collect();
    field(
        out,
        &tr!(lang, "cli-campaign-responses"),
        &responses.join(", "),
    )?;
    field(
        out,
        &tr!(lang, "cli-campaign-window"),
        &tr!(lang, "cli-campaign-window-days", days = e.window_days),
    )?;
    field(
        out,
        &tr!(lang, "cli-campaign-considering"),
        &e.reached_considering.to_string(),
    )?;
    field(
        out,
        &tr!(lang, "cli-campaign-won"),
        &format!("{} ({})", e.won, output::money(lang, Some(e.won_value))),
    )?;
    field(
        out,
        &tr!(lang, "cli-campaign-cost-per-lead"),
        &yen_or_dash(lang, e.cost_per_lead),
    )?;
    field(
        out,
        &tr!(lang, "cli-campaign-cost-per-won"),
        &yen_or_dash(lang, e.cost_per_won),
    )?;
    field(
        out,
        &tr!(lang, "cli-campaign-return"),
        &times_or_dash(e.return_on_cost),
    )
}
