//! Stats (SPEC §6) as bar charts: stages beside the 10/65/25 rule of thumb, the flow
//! between stages, sources, reps, what won leads were touched by first and last, and the
//! Demand Waterfall of the leads created in the period.

use super::{Ctx, compact_amount, kind_label, source_label, squeeze, stage_label};
use crate::features::stats::Stats;
use crate::model::text::{display_safe, fit, truncate, width};
use crate::tr;
use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The period the Stats view counts over, chosen with a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatsPeriod {
    ThisMonth,
    LastMonth,
    ThisQuarter,
    #[default]
    Last90Days,
    All,
}

impl StatsPeriod {
    /// The next period, after `All` back to this month.
    pub fn next(self) -> StatsPeriod {
        match self {
            StatsPeriod::ThisMonth => StatsPeriod::LastMonth,
            StatsPeriod::LastMonth => StatsPeriod::ThisQuarter,
            StatsPeriod::ThisQuarter => StatsPeriod::Last90Days,
            StatsPeriod::Last90Days => StatsPeriod::All,
            StatsPeriod::All => StatsPeriod::ThisMonth,
        }
    }

    /// The catalog id of the period's name (`this month`).
    pub fn label(self) -> &'static str {
        match self {
            StatsPeriod::ThisMonth => "period-this-month",
            StatsPeriod::LastMonth => "period-last-month",
            StatsPeriod::ThisQuarter => "period-this-quarter",
            StatsPeriod::Last90Days => "period-90-days",
            StatsPeriod::All => "period-all-time",
        }
    }

    /// The first and the last day counted, as of `today` (None: up to now).
    pub fn range(self, today: NaiveDate) -> (NaiveDate, Option<NaiveDate>) {
        let month_start = today.with_day(1).unwrap_or(today);
        match self {
            StatsPeriod::ThisMonth => (month_start, None),
            StatsPeriod::LastMonth => {
                let last = month_start.pred_opt().unwrap_or(month_start);
                (last.with_day(1).unwrap_or(last), Some(last))
            }
            StatsPeriod::ThisQuarter => {
                let first_month = (today.month0() / 3) * 3 + 1;
                let start = NaiveDate::from_ymd_opt(today.year(), first_month, 1).unwrap_or(today);
                (start, None)
            }
            StatsPeriod::Last90Days => (today - chrono::Duration::days(90), None),
            StatsPeriod::All => (crate::features::stats::BEGINNING, None),
        }
    }
}

/// `value` of `max` as a bar `width` cells long.
fn bar(value: f64, max: f64, width: usize) -> String {
    let filled = if max > 0.0 {
        ((value / max) * width as f64).round() as usize
    } else {
        0
    };
    "█".repeat(filled.min(width))
}

fn heading(text: String, ctx: &Ctx<'_>, w: usize) -> Line<'static> {
    Line::from(Span::styled(truncate(&text, w), ctx.theme.accent()))
}

/// The label and bar columns of a section `w` cells wide whose widest number after the bar
/// is `number` cells: the number stays whole, the label gives way first (to 12 cells),
/// then the bar (to 5).
fn columns(w: usize, number: usize) -> (usize, usize) {
    let bar_w = w.saturating_sub(33 + 1 + number).clamp(10, 50);
    let label_w = w.saturating_sub(bar_w + 1 + number).clamp(12, 33);
    let bar_w = bar_w.min(w.saturating_sub(label_w + 1 + number)).max(5);
    (label_w, bar_w)
}

/// A labelled bar with its number after it.
/// `widths`: the label's cells, the bar's and the line's.
fn bar_line(
    widths: (usize, usize, usize),
    label: &str,
    value: f64,
    max: f64,
    number: String,
    style: Style,
) -> Line<'static> {
    let (label_w, bar_w, w) = widths;
    squeeze(
        vec![
            Span::raw(fit(&display_safe(label), label_w)),
            Span::styled(fit(&bar(value, max, bar_w), bar_w), style),
            Span::raw(format!(" {}", display_safe(&number))),
        ],
        // The columns leave the number its room; only what goes past it (a rep's kinds)
        // is cut.
        2,
        w,
    )
}

/// The widths of a section of bars whose numbers are `numbers`: the bars line up with the
/// stages' (whose numbers are `floor` cells) unless these numbers need more room.
fn section(w: usize, floor: usize, numbers: &[String]) -> (usize, usize, usize) {
    let widest = numbers
        .iter()
        .map(|n| width(n))
        .max()
        .unwrap_or(0)
        .max(floor);
    let (label_w, bar_w) = columns(w, widest);
    (label_w, bar_w, w)
}

/// The Demand Waterfall: for all the leads created in the period, then per source, a bar of
/// those created and each step after it with its share of the step before and the median
/// days it took. `(w, floor)`: the line's width and the stages' number width.
fn waterfall_lines(
    s: &Stats,
    ctx: &Ctx<'_>,
    (w, floor): (usize, usize),
    lines: &mut Vec<Line<'static>>,
) {
    let lang = ctx.language;
    lines.push(Line::raw(""));
    lines.push(heading(
        tr!(lang, "stats-waterfall", span = period_words(s, lang)),
        ctx,
        w,
    ));
    let days = |d: Option<f64>| d.map_or_else(|| "—".to_string(), |d| format!("{d:.1}"));
    let rows: Vec<(String, &crate::features::stats::WaterfallRow)> =
        std::iter::once((tr!(lang, "stats-waterfall-all"), &s.waterfall.total))
            .chain(s.waterfall.by_source.iter().map(|row| {
                let label = row
                    .source
                    .as_deref()
                    .map_or(tr!(lang, "stats-no-source"), |id| {
                        source_label(id, lang).to_string()
                    });
                (label, row)
            }))
            .chain(s.waterfall.by_campaign.iter().map(|row| {
                let name = row.campaign_name.clone().unwrap_or_default();
                (tr!(lang, "waterfall-campaign", name = name), row)
            }))
            .collect();
    let numbers: Vec<String> = rows
        .iter()
        .map(|(_, row)| {
            tr!(
                lang,
                "stats-waterfall-line",
                created = row.created,
                considering = row.considering,
                to_considering = format!("{:.0}", row.to_considering_rate),
                customer = row.customer,
                to_customer = format!("{:.0}", row.to_customer_rate),
                days_considering = days(row.median_days_to_considering),
                days_customer = days(row.median_days_to_customer)
            )
        })
        .collect();
    let widths = section(w, floor, &numbers);
    let max = s.waterfall.total.created as f64;
    for ((label, row), number) in rows.iter().zip(numbers) {
        lines.push(bar_line(
            widths,
            label,
            row.created as f64,
            max,
            number,
            ctx.theme.bar(),
        ));
    }
}

/// The goals of the month and quarter the period ends in, when any are set: per goal a bar
/// of the actual figure against the target, then where it stands in words.
fn goal_lines(s: &Stats, ctx: &Ctx<'_>, w: usize, lines: &mut Vec<Line<'static>>) {
    if s.goals.is_empty() {
        return;
    }
    let lang = ctx.language;
    lines.push(heading(tr!(lang, "stats-goals"), ctx, w));
    let numbers: Vec<String> = s
        .goals
        .iter()
        .map(|g| {
            let figure = |x: i64| crate::i18n::labels::metric_figure(g.metric, x as f64, lang);
            format!("{} / {}", figure(g.actual), figure(g.target))
        })
        .collect();
    let widths = section(w, 0, &numbers);
    for (g, number) in s.goals.iter().zip(numbers) {
        let whose = g.owner.clone().unwrap_or_else(|| tr!(lang, "goal-team"));
        let label = format!(
            "{} {} · {}",
            g.period,
            whose,
            crate::i18n::labels::metric(g.metric, lang)
        );
        let style = match g.pace {
            crate::model::goal::Pace::Behind { .. } | crate::model::goal::Pace::Missed { .. } => {
                ctx.theme.stale()
            }
            _ => ctx.theme.bar(),
        };
        lines.push(bar_line(
            widths,
            &label,
            g.actual as f64,
            g.target.max(1) as f64,
            number,
            style,
        ));
        lines.push(Line::from(Span::styled(
            truncate(
                &format!("  {}", crate::i18n::labels::pace(g.metric, &g.pace, lang)),
                w,
            ),
            ctx.theme.dim(),
        )));
    }
    lines.push(Line::raw(""));
}

/// How far the numbers can scroll in `area`.
pub fn max_scroll(s: &Stats, area: Rect, ctx: &Ctx<'_>) -> u16 {
    let total = u16::try_from(lines(s, area, ctx).len()).unwrap_or(u16::MAX);
    total.saturating_sub(area.height)
}

pub fn render(
    frame: &mut Frame<'_>,
    area: Rect,
    stats: Option<&Stats>,
    scroll: u16,
    ctx: &Ctx<'_>,
) {
    let Some(s) = stats else {
        frame.render_widget(
            Paragraph::new(Span::styled("Counting…", ctx.theme.dim())),
            area,
        );
        return;
    };
    frame.render_widget(
        Paragraph::new(lines(s, area, ctx)).scroll((scroll, 0)),
        area,
    );
}

/// The counted span in words: `since 2026-09-01`, `2026-10-01 to 2026-10-31`, `over all time`.
fn period_words(s: &Stats, language: crate::config::Language) -> String {
    match s.until {
        Some(until) => tr!(
            language,
            "stats-span-between",
            since = s.since.to_string(),
            until = until.to_string()
        ),
        None if s.since <= crate::features::stats::BEGINNING => tr!(language, "stats-span-all"),
        None => tr!(language, "stats-span-since", since = s.since.to_string()),
    }
}

fn lines(s: &Stats, area: Rect, ctx: &Ctx<'_>) -> Vec<Line<'static>> {
    let theme = ctx.theme;
    let w = area.width as usize;
    let mut lines: Vec<Line<'static>> = Vec::new();

    let lang = ctx.language;
    let everything = s.until.is_none() && s.since <= crate::features::stats::BEGINNING;
    let span = period_words(s, lang);
    let period = match s.name.map(|id| crate::i18n::message(lang, id, None)) {
        Some(name) if !everything => tr!(lang, "stats-period-named", name = name, span = span),
        Some(name) => tr!(lang, "stats-period", span = name),
        None => tr!(lang, "stats-period", span = span),
    };
    lines.push(Line::from(Span::styled(
        truncate(&period, w),
        ctx.theme.title(),
    )));
    lines.push(Line::raw(""));
    goal_lines(s, ctx, w, &mut lines);
    let open: i64 = s.stages.iter().map(|st| st.count).sum();
    lines.push(heading(
        tr!(lang, "stats-open-per-stage", open = open),
        ctx,
        w,
    ));
    let tails: Vec<String> = s
        .stages
        .iter()
        .map(|st| {
            format!(
                " {:>6} {:>5.1}% ({})  {}",
                st.count,
                st.share,
                tr!(lang, "stats-ref", share = st.reference_share.unwrap_or(0)),
                compact_amount(st.value, lang)
            )
        })
        .collect();
    let floor = tails.iter().map(|t| width(t)).max().unwrap_or(0);
    let (label_w, bar_w) = columns(w, floor);
    for (st, tail) in s.stages.iter().zip(tails) {
        let reference = st.reference_share.unwrap_or(0) as usize;
        let mark = (reference * bar_w / 100).min(bar_w.saturating_sub(1));
        let filled = ((st.share / 100.0) * bar_w as f64).round() as usize;
        // The marker stays visible where the bar passes it: drawn over the bar, reversed.
        let before: String = (0..mark)
            .map(|i| if i < filled { '█' } else { ' ' })
            .collect();
        let after: String = (mark + 1..bar_w)
            .map(|i| if i < filled { '█' } else { ' ' })
            .collect();
        let marker_style = if mark < filled {
            theme.bar().add_modifier(Modifier::REVERSED)
        } else {
            theme.bar()
        };
        lines.push(Line::from(vec![
            Span::raw(fit(stage_label(st.stage, ctx.language), label_w)),
            Span::styled(before, theme.bar()),
            Span::styled("┊", marker_style),
            Span::styled(after, theme.bar()),
            Span::raw(tail),
        ]));
    }
    lines.push(Line::from(vec![
        Span::raw(fit(stage_label(s.customers.stage, ctx.language), label_w)),
        Span::raw(tr!(
            lang,
            "stats-customers",
            count = s.customers.count,
            value = compact_amount(s.customers.value, lang)
        )),
    ]));

    lines.push(Line::raw(""));
    let won = s
        .flow
        .median_days_to_won
        .map(|d| tr!(lang, "stats-median-to-won", days = format!("{d:.1}")))
        .unwrap_or_default();
    lines.push(heading(
        format!(
            "{}{won}",
            tr!(
                lang,
                "stats-flow",
                span = period_words(s, lang),
                won = s.flow.won
            )
        ),
        ctx,
        w,
    ));
    let numbers: Vec<String> = s.flow.changes.iter().map(|m| m.count.to_string()).collect();
    let widths = section(w, floor, &numbers);
    let max = s.flow.changes.iter().map(|m| m.count).max().unwrap_or(0) as f64;
    for m in &s.flow.changes {
        let label = format!(
            "{} → {}",
            stage_label(m.from, lang),
            stage_label(m.to, lang)
        );
        lines.push(bar_line(
            widths,
            &label,
            m.count as f64,
            max,
            m.count.to_string(),
            theme.bar(),
        ));
    }
    if s.flow.changes.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {}", tr!(lang, "stats-no-moves")),
            theme.dim(),
        )));
    }
    let max = s
        .flow
        .median_days_in_stage
        .iter()
        .map(|d| d.median_days)
        .fold(0.0, f64::max);
    let numbers: Vec<String> = s
        .flow
        .median_days_in_stage
        .iter()
        .map(|d| {
            tr!(
                lang,
                "stats-median-of",
                days = format!("{:.1}", d.median_days),
                moves = d.moves
            )
        })
        .collect();
    let widths = section(w, floor, &numbers);
    for (d, number) in s.flow.median_days_in_stage.iter().zip(numbers) {
        let label = tr!(lang, "stats-days-in", stage = stage_label(d.stage, lang));
        lines.push(bar_line(
            widths,
            &label,
            d.median_days,
            max,
            number,
            theme.dim(),
        ));
    }

    lines.push(Line::raw(""));
    lines.push(heading(
        tr!(lang, "stats-by-source", span = period_words(s, lang)),
        ctx,
        w,
    ));
    let numbers: Vec<String> = s
        .sources
        .iter()
        .map(|src| {
            tr!(
                lang,
                "stats-source-line",
                leads = src.leads,
                share = format!("{:.0}", src.reached_considering_share),
                won = src.won
            )
        })
        .collect();
    let widths = section(w, floor, &numbers);
    let max = s.sources.iter().map(|x| x.leads).max().unwrap_or(0) as f64;
    for (src, number) in s.sources.iter().zip(numbers) {
        let label = src
            .source
            .as_deref()
            .map_or(tr!(lang, "stats-no-source"), |id| {
                source_label(id, lang).to_string()
            });
        lines.push(bar_line(
            widths,
            &label,
            src.leads as f64,
            max,
            number,
            theme.bar(),
        ));
    }

    lines.push(Line::raw(""));
    lines.push(heading(tr!(lang, "stats-by-rep"), ctx, w));
    // The rate and the overdue count stay whole; the kinds after them may be cut.
    let widths = section(
        w,
        floor,
        &[format!(
            "{} (",
            tr!(lang, "stats-rep-line", rate = "9.9", overdue = 99)
        )],
    );
    let max = s
        .reps
        .iter()
        .map(|r| r.activities_per_week)
        .fold(0.0, f64::max);
    for r in &s.reps {
        let label = r.rep.clone().unwrap_or_else(|| tr!(lang, "stats-nobody"));
        let top: Vec<String> = {
            let mut kinds: Vec<(&String, &f64)> = r.per_week_by_kind.iter().collect();
            kinds.sort_by(|a, b| b.1.total_cmp(a.1));
            kinds
                .iter()
                .take(3)
                .map(|(k, v)| {
                    let kind = kind_label(k, lang);
                    let kind = match lang {
                        crate::config::Language::En => kind.to_lowercase(),
                        crate::config::Language::Ja => kind.to_string(),
                    };
                    format!("{kind} {v:.1}")
                })
                .collect()
        };
        let number = format!(
            "{} ({})",
            tr!(
                lang,
                "stats-rep-line",
                rate = format!("{:.1}", r.activities_per_week),
                overdue = r.overdue_follow_ups
            ),
            top.join(", ")
        );
        let style = if r.overdue_follow_ups > 0 {
            theme.bar()
        } else {
            theme.ok()
        };
        lines.push(bar_line(
            widths,
            &label,
            r.activities_per_week,
            max,
            number,
            style,
        ));
    }

    lines.push(Line::raw(""));
    lines.push(heading(
        tr!(
            lang,
            "stats-won-touches",
            span = period_words(s, lang),
            won = s.attribution.won
        ),
        ctx,
        w,
    ));
    let widths = section(w, floor, &["9999".to_string()]);
    // Kinds and sources are counted by their ids, and shown by their labels.
    type Label = fn(&str, crate::config::Language) -> &str;
    for (name, map, label_of) in [
        (
            tr!(lang, "stats-first-touch"),
            &s.attribution.first_touch_by_kind,
            kind_label as Label,
        ),
        (
            tr!(lang, "stats-last-touch"),
            &s.attribution.last_touch_by_kind,
            kind_label,
        ),
        (
            tr!(lang, "stats-source"),
            &s.attribution.won_by_source,
            source_label,
        ),
    ] {
        let max = map.values().copied().max().unwrap_or(0) as f64;
        for (key, n) in map {
            // A won lead with no activity (or no source) is counted under `none`.
            let shown = if key == "none" {
                tr!(lang, "stats-none")
            } else {
                label_of(key, lang).to_string()
            };
            let label = format!("{name}: {shown}");
            lines.push(bar_line(
                widths,
                &label,
                *n as f64,
                max,
                n.to_string(),
                theme.bar(),
            ));
        }
    }
    waterfall_lines(s, ctx, (w, floor), &mut lines);
    lines
}
