use super::Session;
use super::output::{Format, Table, amount, print_json};
use super::parse;
use crate::error::Result;
use crate::features::stats::{self, Stats};
use crate::model::ActivityKind;
use crate::model::dates::today;
use chrono::Days;

#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Count flows, sources, reps and wins from this date (default: 90 days ago).
    #[arg(long, allow_hyphen_values = true)]
    since: Option<String>,
    /// Count up to this date, included (default: today).
    #[arg(long, allow_hyphen_values = true)]
    until: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub fn run(session: &Session, args: &StatsArgs) -> Result<bool> {
    let today = today();
    let since = match &args.since {
        Some(s) => parse::date("--since", s)?,
        None => today.checked_sub_days(Days::new(90)).unwrap_or(today),
    };
    let until = match &args.until {
        Some(s) => Some(parse::date("--until", s)?),
        None => None,
    };
    if let Some(until) = until
        && until < since
    {
        return Err(crate::error::Error::invalid(format!(
            "--until {until} is before --since {since}"
        )));
    }
    let stats = stats::compute_period(&session.store, since, until, today)?;
    if args.format == Format::Json {
        print_json(&stats)?;
    } else {
        print(&stats)?;
    }
    Ok(true)
}

fn label(s: &Option<String>) -> String {
    s.clone().unwrap_or_else(|| "(none)".to_string())
}

/// A source kept by its id (the stats count by id) as a rep reads it: a default source by
/// its label, one of the rep's own by the name configured.
fn source_label(id: &str) -> String {
    crate::model::source::label_en(id).unwrap_or(id).to_string()
}

/// An activity kind kept by its id, by its label; an id that names no kind as it is.
fn kind_label(id: &str) -> String {
    ActivityKind::from_id(id).map_or_else(|| id.to_string(), |k| k.label_en().to_string())
}

fn print(s: &Stats) -> Result<()> {
    let out = &mut std::io::stdout().lock();
    outln!("Open leads per stage (rule of thumb 10/65/25)")?;
    let mut t = Table::new(&["STAGE", "LEADS", "SHARE", "REF", "VALUE"]);
    for st in s.stages.iter().chain(std::iter::once(&s.customers)) {
        t.row(vec![
            format!("{} {}", st.stage.label_en(), st.stage.label_ja()),
            st.count.to_string(),
            format!("{:.1}%", st.share),
            st.reference_share
                .map(|r| format!("{r}%"))
                .unwrap_or_default(),
            amount(Some(st.value)),
        ]);
    }
    t.print(out)?;
    outln!(
        "\nFlow {} — {} won, median {} days from creation to won",
        s.period(),
        s.flow.won,
        s.flow
            .median_days_to_won
            .map(|d| format!("{d:.1}"))
            .unwrap_or_else(|| "—".into())
    )?;
    let mut t = Table::new(&["FROM", "TO", "LEADS"]);
    for m in &s.flow.changes {
        t.row(vec![
            m.from.label_en().into(),
            m.to.label_en().into(),
            m.count.to_string(),
        ]);
    }
    t.print(out)?;
    let mut t = Table::new(&["STAGE", "MEDIAN DAYS IN STAGE", "MOVES OUT"]);
    for d in &s.flow.median_days_in_stage {
        t.row(vec![
            d.stage.label_en().into(),
            format!("{:.1}", d.median_days),
            d.moves.to_string(),
        ]);
    }
    t.print(out)?;
    outln!("\nBy source (leads created {})", s.period())?;
    let mut t = Table::new(&["SOURCE", "LEADS", "REACHED CONSIDERING", "WON"]);
    for src in &s.sources {
        t.row(vec![
            src.source
                .as_deref()
                .map_or_else(|| label(&None), source_label),
            src.leads.to_string(),
            format!(
                "{} ({:.1}%)",
                src.reached_considering, src.reached_considering_share
            ),
            src.won.to_string(),
        ]);
    }
    t.print(out)?;
    outln!("\nBy rep (activities per week {})", s.period())?;
    let kind_headers: Vec<String> = ActivityKind::ALL
        .iter()
        .map(|k| k.label_en().to_uppercase())
        .collect();
    let mut headers = vec!["REP", "PER WEEK", "OVERDUE"];
    headers.extend(kind_headers.iter().map(String::as_str));
    let mut t = Table::new(&headers);
    for r in &s.reps {
        let mut row = vec![
            label(&r.rep),
            format!("{:.1}", r.activities_per_week),
            r.overdue_follow_ups.to_string(),
        ];
        row.extend(ActivityKind::ALL.iter().map(|k| {
            r.per_week_by_kind
                .get(k.id())
                .map(|v| format!("{v:.1}"))
                .unwrap_or_default()
        }));
        t.row(row);
    }
    t.print(out)?;
    outln!("\nWon {}: {} leads", s.period(), s.attribution.won)?;
    let mut t = Table::new(&["TOUCH", "KIND", "WON"]);
    for (touch, map) in [
        ("first", &s.attribution.first_touch_by_kind),
        ("last", &s.attribution.last_touch_by_kind),
    ] {
        for (kind, n) in map {
            t.row(vec![touch.into(), kind_label(kind), n.to_string()]);
        }
    }
    t.print(out)?;
    let mut t = Table::new(&["SOURCE", "WON"]);
    for (source, n) in &s.attribution.won_by_source {
        t.row(vec![source_label(source), n.to_string()]);
    }
    t.print(out)?;
    Ok(())
}
