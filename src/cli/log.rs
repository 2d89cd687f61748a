use super::Session;
use super::parse;
use crate::error::Result;
use crate::features::activity::{LogEntry, log};
use crate::store;

#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("about").required(true).multiple(true).args(["lead", "contact"]))]
pub struct LogArgs {
    /// call, meeting, email, web_visit, document_request, newsletter_signup, seminar,
    /// inquiry or note, or its label (Call, 電話, 商談, 資料請求...).
    kind: String,
    /// The lead (any unique id prefix).
    #[arg(long)]
    lead: Option<String>,
    /// The contact (any unique id prefix).
    #[arg(long)]
    contact: Option<String>,
    /// One line: what happened.
    #[arg(long)]
    summary: String,
    /// Longer notes.
    #[arg(long)]
    body: Option<String>,
    /// When it happened (default now): 2026-11-20 14:00, yesterday 15:30...
    #[arg(long, allow_hyphen_values = true)]
    at: Option<String>,
    /// How long, in minutes.
    #[arg(long)]
    duration: Option<i64>,
    /// inbound or outbound.
    #[arg(long)]
    direction: Option<String>,
    /// The lead's next action.
    #[arg(long)]
    next_action: Option<String>,
    /// When the next action is due: +3d, tomorrow, friday, 12/1, 明日...
    #[arg(long, allow_hyphen_values = true)]
    due: Option<String>,
    /// The campaign it belongs to (a seminar attended, a newsletter answered): its name or
    /// id.
    #[arg(long)]
    campaign: Option<String>,
}

pub fn run(session: &mut Session, args: &LogArgs) -> Result<bool> {
    let kind = parse::kind(parse::positional("arg-kind"), &args.kind)?;
    let conn = session.store.conn();
    let lead_id = args
        .lead
        .as_deref()
        .map(|p| store::leads::resolve(conn, p))
        .transpose()?;
    let contact_id = args
        .contact
        .as_deref()
        .map(|p| store::contacts::resolve(conn, p))
        .transpose()?;
    let campaign_id = args
        .campaign
        .as_deref()
        .map(|c| store::campaigns::resolve(conn, c))
        .transpose()?;
    let entry = LogEntry {
        kind,
        lead_id,
        contact_id,
        occurred_at: match &args.at {
            Some(at) => parse::moment("--at", at)?,
            None => chrono::Utc::now(),
        },
        duration_minutes: args.duration,
        direction: args
            .direction
            .as_deref()
            .map(|d| super::parse::direction("--direction", d))
            .transpose()?,
        summary: args.summary.clone(),
        body: args.body.clone(),
        next_action: args.next_action.clone(),
        next_action_on: args
            .due
            .as_deref()
            .map(|d| parse::due("--due", d))
            .transpose()?,
        campaign_id,
    };
    let id = log(&mut session.store, &session.config, &entry)?.id;
    outln!("{id}")?;
    Ok(true)
}
