//! `activity list|edit|delete`: the activities logged on a lead, changed or removed after
//! the fact (with history, like a lead's fields).

use super::Session;
use super::output::{Format, Table, local_time, print_json};
use super::parse;
use crate::error::{Error, Result};
use crate::features::activity::{self, ActivityPatch};
use crate::i18n::labels;
use crate::store;
use crate::tr;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum ActivityCommand {
    /// A lead's activities, newest first.
    List {
        /// The lead (any unique id prefix).
        #[arg(long)]
        lead: String,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Change a logged activity; only the options given change.
    Edit(EditArgs),
    /// Delete a logged activity (kept as a tombstone so team copies agree).
    Delete { id: String },
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The activity (any unique id prefix).
    id: String,
    /// call, meeting, email, web_visit, document_request, newsletter_signup, seminar,
    /// inquiry or note, or its label (Call, 電話, 商談, 資料請求...).
    #[arg(long)]
    kind: Option<String>,
    /// When it happened: 2026-11-20 14:00, yesterday 15:30...
    #[arg(long, allow_hyphen_values = true)]
    at: Option<String>,
    /// One line: what happened.
    #[arg(long)]
    summary: Option<String>,
    /// Longer notes (empty clears them).
    #[arg(long)]
    body: Option<String>,
    /// The contact it was with (any unique id prefix; empty clears it).
    #[arg(long)]
    contact: Option<String>,
    /// How long, in minutes (empty clears it).
    #[arg(long)]
    duration: Option<String>,
    /// inbound or outbound (empty clears it).
    #[arg(long)]
    direction: Option<String>,
    /// The campaign it belongs to: its name or id (empty clears it).
    #[arg(long)]
    campaign: Option<String>,
}

/// An option given empty clears the field.
fn cleared(value: &str) -> bool {
    value.trim().is_empty()
}

fn patch(session: &Session, args: &EditArgs) -> Result<ActivityPatch> {
    let conn = session.store.conn();
    let lang = session.config.language;
    Ok(ActivityPatch {
        kind: args
            .kind
            .as_deref()
            .map(|k| parse::kind("--kind", k))
            .transpose()?,
        occurred_at: args
            .at
            .as_deref()
            .map(|at| parse::moment("--at", at))
            .transpose()?,
        duration_minutes: args
            .duration
            .as_deref()
            .map(|d| {
                if cleared(d) {
                    return Ok(None);
                }
                d.trim()
                    .parse::<i64>()
                    .map(Some)
                    .map_err(|_| Error::invalid(tr!(lang, "cli-not-minutes", typed = d)))
            })
            .transpose()?,
        direction: args
            .direction
            .as_deref()
            .map(|d| {
                if cleared(d) {
                    return Ok(None);
                }
                super::parse::direction("--direction", d).map(Some)
            })
            .transpose()?,
        summary: args.summary.clone(),
        body: args
            .body
            .as_deref()
            .map(|b| (!cleared(b)).then(|| b.to_string())),
        contact_id: args
            .contact
            .as_deref()
            .map(|c| {
                if cleared(c) {
                    Ok(None)
                } else {
                    store::contacts::resolve(conn, c).map(Some)
                }
            })
            .transpose()?,
        campaign_id: match parse::text_patch(&args.campaign) {
            Some(Some(typed)) => Some(Some(crate::store::campaigns::resolve(conn, &typed)?)),
            other => other,
        },
    })
}

pub fn run(session: &mut Session, cmd: &ActivityCommand) -> Result<bool> {
    let lang = session.config.language;
    match cmd {
        ActivityCommand::List { lead, format } => {
            let lead_id = store::leads::resolve(session.store.conn(), lead)?;
            let list = activity::of_lead(&session.store, &lead_id)?;
            match format {
                Format::Json => print_json(&list)?,
                Format::Csv => {
                    return Err(Error::invalid(tr!(lang, "cli-activity-list-no-csv")));
                }
                Format::Table => {
                    let ids: Vec<String> = list.iter().map(|a| a.id.clone()).collect();
                    let short = store::activities::short_ids(session.store.conn(), &ids)?;
                    let mut table = Table::new(&[
                        tr!(lang, "cli-header-id"),
                        tr!(lang, "cli-header-when"),
                        tr!(lang, "cli-header-kind"),
                        tr!(lang, "cli-header-summary"),
                        tr!(lang, "cli-header-by"),
                    ]);
                    for (a, id) in list.iter().zip(short) {
                        table.row(vec![
                            id,
                            local_time(lang, &a.occurred_at),
                            labels::kind_with_direction(a.kind, a.direction, lang),
                            a.summary.clone(),
                            a.by.clone().unwrap_or_default(),
                        ]);
                    }
                    table.print(&mut std::io::stdout().lock())?;
                }
            }
            Ok(true)
        }
        ActivityCommand::Edit(args) => {
            let id = store::activities::resolve(session.store.conn(), &args.id)?;
            let patch = patch(session, args)?;
            if patch.is_empty() {
                return Err(Error::invalid(tr!(lang, "cli-activity-nothing-to-change")));
            }
            let edit = activity::edit(&mut session.store, &session.config, &id, &patch)?;
            if edit.changed.is_empty() {
                outln!("{}", tr!(lang, "cli-activity-unchanged", id = id.as_str()))?;
            } else {
                let labels: Vec<&str> = edit
                    .changed
                    .iter()
                    .map(|f| match lang {
                        crate::config::Language::En => ActivityPatch::label(f),
                        crate::config::Language::Ja => ActivityPatch::label_ja(f),
                    })
                    .collect();
                outln!(
                    "{}",
                    tr!(
                        lang,
                        "cli-activity-changed",
                        fields = labels::list(&labels, lang),
                        id = id.as_str()
                    )
                )?;
            }
            Ok(true)
        }
        ActivityCommand::Delete { id } => {
            let id = store::activities::resolve(session.store.conn(), id)?;
            activity::delete(&mut session.store, &session.config, &id)?;
            outln!("{}", tr!(lang, "cli-deleted-activity", id = id.as_str()))?;
            Ok(true)
        }
    }
}
