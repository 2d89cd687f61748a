use super::Session;
use super::output::{self, Format, Table, print_json};
use crate::error::Result;
use crate::features::search::search;
use crate::i18n::labels;
use crate::model::text::display_safe;
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// Any part of a name, reading, company, title or summary (width, case and kana ignored).
    #[arg(required = true, num_args = 1..)]
    query: Vec<String>,
    /// At most this many of each kind of record.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub fn run(session: &Session, args: &SearchArgs) -> Result<bool> {
    let typed = args.query.join(" ");
    let lang = session.config.language;
    let results = search(&session.store, &typed, args.limit)?;
    if args.format == Format::Json {
        print_json(&results)?;
        return Ok(true);
    }
    if results.is_empty() {
        outln!(
            "{}",
            tr!(lang, "cli-search-nothing", typed = display_safe(&typed))
        )?;
        return Ok(true);
    }
    let order = session.config.ui.name_order;
    let mut table = Table::new(&[
        tr!(lang, "cli-header-kind"),
        tr!(lang, "cli-header-id"),
        tr!(lang, "cli-header-what"),
        tr!(lang, "cli-header-detail"),
    ]);
    let conn = session.store.conn();
    let ids: Vec<String> = results.leads.iter().map(|l| l.id.clone()).collect();
    for (lead, short) in results
        .leads
        .iter()
        .zip(crate::store::leads::short_ids(conn, &ids)?)
    {
        table.row(vec![
            tr!(lang, "cli-record-lead"),
            short,
            lead.title.clone(),
            lead.company.clone().unwrap_or_default(),
        ]);
    }
    let ids: Vec<String> = results.contacts.iter().map(|c| c.id.clone()).collect();
    for (c, short) in results
        .contacts
        .iter()
        .zip(crate::store::contacts::short_ids(conn, &ids)?)
    {
        let detail = [c.reading(), c.company.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("  ");
        table.row(vec![
            tr!(lang, "cli-record-contact"),
            short,
            c.name(order),
            detail,
        ]);
    }
    let ids: Vec<String> = results.activities.iter().map(|a| a.id.clone()).collect();
    for (a, short) in results
        .activities
        .iter()
        .zip(crate::store::activities::short_ids(conn, &ids)?)
    {
        let when = output::local_time(lang, &a.occurred_at);
        table.row(vec![
            labels::kind(a.kind, lang).into(),
            short,
            a.summary.clone(),
            when,
        ]);
    }
    table.print(&mut std::io::stdout().lock())?;
    Ok(true)
}
