//! Stats (SPEC §6) as bar charts: stages beside the 10/65/25 rule of thumb, the flow
//! between stages, sources, reps, and what won leads were touched by first and last.

use super::{Ctx, compact_amount, kind_label, source_label, squeeze, stage_label};
use crate::features::stats::Stats;
use crate::model::text::{display_safe, fit, truncate, width};
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

    pub fn label(self) -> &'static str {
        match self {
            StatsPeriod::ThisMonth => "this month",
            StatsPeriod::LastMonth => "last month",
            StatsPeriod::ThisQuarter => "this quarter",
            StatsPeriod::Last90Days => "90 days",
            StatsPeriod::All => "all time",
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

fn lines(s: &Stats, area: Rect, ctx: &Ctx<'_>) -> Vec<Line<'static>> {
    let theme = ctx.theme;
    let w = area.width as usize;
    let mut lines: Vec<Line<'static>> = Vec::new();

    let everything = s.until.is_none() && s.since <= crate::features::stats::BEGINNING;
    let period = match s.name {
        Some(name) if !everything => format!("Period: {name} — {}", s.period()),
        Some(name) => format!("Period: {name}"),
        None => format!("Period: {}", s.period()),
    };
    lines.push(Line::from(Span::styled(
        truncate(&period, w),
        ctx.theme.title(),
    )));
    lines.push(Line::raw(""));
    let open: i64 = s.stages.iter().map(|st| st.count).sum();
    lines.push(heading(
        format!("Open leads per stage — {open} open; ┊ marks the healthy share (10/65/25)"),
        ctx,
        w,
    ));
    let tails: Vec<String> = s
        .stages
        .iter()
        .map(|st| {
            format!(
                " {:>6} {:>5.1}% (ref {}%)  {}",
                st.count,
                st.share,
                st.reference_share.unwrap_or(0),
                compact_amount(st.value, ctx.language)
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
            Span::raw(fit(&stage_label(st.stage, ctx.language), label_w)),
            Span::styled(before, theme.bar()),
            Span::styled("┊", marker_style),
            Span::styled(after, theme.bar()),
            Span::raw(tail),
        ]));
    }
    lines.push(Line::from(vec![
        Span::raw(fit(&stage_label(s.customers.stage, ctx.language), label_w)),
        Span::raw(format!(
            "{} customers, {}",
            s.customers.count,
            compact_amount(s.customers.value, ctx.language)
        )),
    ]));

    lines.push(Line::raw(""));
    let won = s
        .flow
        .median_days_to_won
        .map(|d| format!(", median {d:.1} days from creation to won"))
        .unwrap_or_default();
    lines.push(heading(
        format!("Flow {} — {} won{won}", s.period(), s.flow.won),
        ctx,
        w,
    ));
    let numbers: Vec<String> = s.flow.changes.iter().map(|m| m.count.to_string()).collect();
    let widths = section(w, floor, &numbers);
    let max = s.flow.changes.iter().map(|m| m.count).max().unwrap_or(0) as f64;
    for m in &s.flow.changes {
        let label = format!("{} → {}", m.from.label_en(), m.to.label_en());
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
            "  no stage changes in the period",
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
        .map(|d| format!("{:.1} (median of {})", d.median_days, d.moves))
        .collect();
    let widths = section(w, floor, &numbers);
    for (d, number) in s.flow.median_days_in_stage.iter().zip(numbers) {
        let label = format!("days in {}", d.stage.label_en());
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
        format!(
            "By source — leads created {}, share reaching considering, won",
            s.period()
        ),
        ctx,
        w,
    ));
    let numbers: Vec<String> = s
        .sources
        .iter()
        .map(|src| {
            format!(
                "{} leads, {:.0}% considering, {} won",
                src.leads, src.reached_considering_share, src.won
            )
        })
        .collect();
    let widths = section(w, floor, &numbers);
    let max = s.sources.iter().map(|x| x.leads).max().unwrap_or(0) as f64;
    for (src, number) in s.sources.iter().zip(numbers) {
        let label = src
            .source
            .as_deref()
            .map_or("(none)", |id| source_label(id, ctx.language));
        lines.push(bar_line(
            widths,
            label,
            src.leads as f64,
            max,
            number,
            theme.bar(),
        ));
    }

    lines.push(Line::raw(""));
    lines.push(heading(
        "By rep — activities per week, overdue follow-ups".to_string(),
        ctx,
        w,
    ));
    // The rate and the overdue count stay whole; the kinds after them may be cut.
    let widths = section(w, floor, &["9.9/wk, 99 overdue (".to_string()]);
    let max = s
        .reps
        .iter()
        .map(|r| r.activities_per_week)
        .fold(0.0, f64::max);
    for r in &s.reps {
        let label = r.rep.clone().unwrap_or_else(|| "(nobody)".into());
        let top: Vec<String> = {
            let mut kinds: Vec<(&String, &f64)> = r.per_week_by_kind.iter().collect();
            kinds.sort_by(|a, b| b.1.total_cmp(a.1));
            kinds
                .iter()
                .take(3)
                .map(|(k, v)| format!("{} {v:.1}", kind_label(k, ctx.language).to_lowercase()))
                .collect()
        };
        let number = format!(
            "{:.1}/wk, {} overdue ({})",
            r.activities_per_week,
            r.overdue_follow_ups,
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
        format!(
            "Won {}: {} — first touch, last touch, source",
            s.period(),
            s.attribution.won
        ),
        ctx,
        w,
    ));
    let widths = section(w, floor, &["9999".to_string()]);
    // Kinds and sources are counted by their ids, and shown by their labels.
    type Label = fn(&str, crate::config::Language) -> &str;
    for (name, map, label_of) in [
        (
            "first touch",
            &s.attribution.first_touch_by_kind,
            kind_label as Label,
        ),
        ("last touch", &s.attribution.last_touch_by_kind, kind_label),
        ("source", &s.attribution.won_by_source, source_label),
    ] {
        let max = map.values().copied().max().unwrap_or(0) as f64;
        for (key, n) in map {
            let label = format!("{name}: {}", label_of(key, ctx.language));
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
    lines
}
