use super::Session;
use super::output::{self, Format, Table, print_json};
use super::parse;
use crate::config::Language;
use crate::error::Result;
use crate::features::stats::{self, Stats};
use crate::i18n::labels;
use crate::model::ActivityKind;
use crate::model::dates::today;
use crate::tr;
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
        return Err(crate::error::Error::invalid(tr!(
            session.config.language,
            "cli-until-before-since",
            until = until.to_string(),
            since = since.to_string()
        )));
    }
    let stats = stats::compute_period(&session.store, since, until, today)?;
    if args.format == Format::Json {
        print_json(&stats)?;
    } else {
        print(&stats, session.config.language)?;
    }
    Ok(true)
}

/// The period counted: `2026-10-01 to 2026-10-31`, `since 2026-08-25`, `over all time`.
fn period(s: &Stats, lang: Language) -> String {
    match s.until {
        Some(until) => tr!(
            lang,
            "cli-period-between",
            since = output::day(lang, s.since),
            until = output::day(lang, until)
        ),
        None if s.since <= stats::BEGINNING => tr!(lang, "cli-period-all"),
        None => tr!(lang, "cli-period-since", since = output::day(lang, s.since)),
    }
}

fn print(s: &Stats, lang: Language) -> Result<()> {
    let out = &mut std::io::stdout().lock();
    let none = || tr!(lang, "cli-none-in-brackets");
    let period = period(s, lang);
    outln!("{}", tr!(lang, "cli-stats-stages"))?;
    let mut t = Table::new(&[
        tr!(lang, "cli-header-stage"),
        tr!(lang, "cli-header-leads"),
        tr!(lang, "cli-header-share"),
        tr!(lang, "cli-header-reference"),
        tr!(lang, "cli-header-value"),
    ]);
    for st in s.stages.iter().chain(std::iter::once(&s.customers)) {
        t.row(vec![
            labels::stage(st.stage, lang).to_string(),
            st.count.to_string(),
            format!("{:.1}%", st.share),
            st.reference_share
                .map(|r| format!("{r}%"))
                .unwrap_or_default(),
            output::money(lang, Some(st.value)),
        ]);
    }
    t.print(out)?;
    let days = s
        .flow
        .median_days_to_won
        .map(|d| format!("{d:.1}"))
        .unwrap_or_else(|| "—".into());
    outln!(
        "\n{}",
        tr!(
            lang,
            "cli-stats-flow",
            period = period.as_str(),
            won = s.flow.won,
            days = days
        )
    )?;
    let mut t = Table::new(&[
        tr!(lang, "cli-header-from"),
        tr!(lang, "cli-header-to"),
        tr!(lang, "cli-header-leads"),
    ]);
    for m in &s.flow.changes {
        t.row(vec![
            labels::stage(m.from, lang).into(),
            labels::stage(m.to, lang).into(),
            m.count.to_string(),
        ]);
    }
    t.print(out)?;
    let mut t = Table::new(&[
        tr!(lang, "cli-header-stage"),
        tr!(lang, "cli-header-median-days"),
        tr!(lang, "cli-header-moves-out"),
    ]);
    for d in &s.flow.median_days_in_stage {
        t.row(vec![
            labels::stage(d.stage, lang).into(),
            format!("{:.1}", d.median_days),
            d.moves.to_string(),
        ]);
    }
    t.print(out)?;
    outln!(
        "\n{}",
        tr!(lang, "cli-stats-by-source", period = period.as_str())
    )?;
    let mut t = Table::new(&[
        tr!(lang, "cli-header-source"),
        tr!(lang, "cli-header-leads"),
        tr!(lang, "cli-header-reached-considering"),
        tr!(lang, "cli-header-won"),
    ]);
    for src in &s.sources {
        t.row(vec![
            src.source
                .as_deref()
                .map_or_else(none, |id| labels::source(id, lang).to_string()),
            src.leads.to_string(),
            format!(
                "{} ({:.1}%)",
                src.reached_considering, src.reached_considering_share
            ),
            src.won.to_string(),
        ]);
    }
    t.print(out)?;
    print_waterfall(out, s, lang, &period)?;
    print_goals(out, s, lang)?;
    outln!(
        "\n{}",
        tr!(lang, "cli-stats-by-rep", period = period.as_str())
    )?;
    let kind_headers: Vec<String> = ActivityKind::ALL
        .iter()
        .map(|k| match lang {
            Language::En => k.label_en().to_uppercase(),
            Language::Ja => k.label_ja().to_string(),
        })
        .collect();
    let mut headers = vec![
        tr!(lang, "cli-header-rep"),
        tr!(lang, "cli-header-per-week"),
        tr!(lang, "cli-header-overdue"),
    ];
    headers.extend(kind_headers);
    let mut t = Table::new(&headers);
    for r in &s.reps {
        let mut row = vec![
            r.rep.clone().unwrap_or_else(none),
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
    outln!(
        "\n{}",
        tr!(
            lang,
            "cli-stats-won",
            period = period.as_str(),
            count = s.attribution.won
        )
    )?;
    let mut t = Table::new(&[
        tr!(lang, "cli-header-touch"),
        tr!(lang, "cli-header-kind"),
        tr!(lang, "cli-header-won"),
    ]);
    for (touch, map) in [
        (
            tr!(lang, "cli-touch-first"),
            &s.attribution.first_touch_by_kind,
        ),
        (
            tr!(lang, "cli-touch-last"),
            &s.attribution.last_touch_by_kind,
        ),
    ] {
        for (kind, n) in map {
            t.row(vec![
                touch.clone(),
                labels::kind_id(kind, lang).to_string(),
                n.to_string(),
            ]);
        }
    }
    t.print(out)?;
    let mut t = Table::new(&[tr!(lang, "cli-header-source"), tr!(lang, "cli-header-won")]);
    for (source, n) in &s.attribution.won_by_source {
        t.row(vec![
            labels::source(source, lang).to_string(),
            n.to_string(),
        ]);
    }
    t.print(out)?;
    Ok(())
}

/// The goals of the month and quarter the period ends in, each beside its actual figure and
/// pace; nothing when none is set.
fn print_goals(out: &mut std::io::StdoutLock<'_>, s: &Stats, lang: Language) -> Result<()> {
    if s.goals.is_empty() {
        return Ok(());
    }
    outln!("\n{}", tr!(lang, "cli-stats-goals"))?;
    super::goal::table(lang, &s.goals, None).print(out)
}

/// The Demand Waterfall: created → considering → customer, all leads and per source.
fn print_waterfall(
    out: &mut std::io::StdoutLock<'_>,
    s: &Stats,
    lang: Language,
    period: &str,
) -> Result<()> {
    outln!("\n{}", tr!(lang, "cli-stats-waterfall", period = period))?;
    let mut t = Table::new(&[
        tr!(lang, "cli-header-source"),
        tr!(lang, "cli-header-created"),
        tr!(lang, "cli-header-to-considering"),
        tr!(lang, "cli-header-to-customer"),
        tr!(lang, "cli-header-median-days-steps"),
    ]);
    let days = |d: Option<f64>| d.map_or_else(|| "—".to_string(), |d| format!("{d:.1}"));
    let all = tr!(lang, "cli-waterfall-all");
    let none = tr!(lang, "cli-none-in-brackets");
    let rows = std::iter::once((&s.waterfall.total, all.clone()))
        .chain(s.waterfall.by_source.iter().map(|row| {
            let name = row
                .source
                .as_deref()
                .map_or_else(|| none.clone(), |id| labels::source(id, lang).to_string());
            (row, name)
        }))
        .chain(s.waterfall.by_campaign.iter().map(|row| {
            let name = row.campaign_name.clone().unwrap_or_default();
            (row, tr!(lang, "waterfall-campaign", name = name))
        }));
    for (row, name) in rows {
        t.row(vec![
            name,
            row.created.to_string(),
            format!("{} ({:.1}%)", row.considering, row.to_considering_rate),
            format!("{} ({:.1}%)", row.customer, row.to_customer_rate),
            format!(
                "{} / {}",
                days(row.median_days_to_considering),
                days(row.median_days_to_customer)
            ),
        ]);
    }
    t.print(out)
}
