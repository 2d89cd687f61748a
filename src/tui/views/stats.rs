//! Stats (SPEC §6) as bar charts: stages beside the 10/65/25 rule of thumb, the flow
//! between stages, sources, reps, and what won leads were touched by first and last.

use super::{Ctx, compact_amount, stage_label};
use crate::features::stats::Stats;
use crate::model::text::{display_safe, fit};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// `value` of `max` as a bar `width` cells long.
fn bar(value: f64, max: f64, width: usize) -> String {
    let filled = if max > 0.0 {
        ((value / max) * width as f64).round() as usize
    } else {
        0
    };
    "█".repeat(filled.min(width))
}

fn heading(text: String, ctx: &Ctx<'_>) -> Line<'static> {
    Line::from(Span::styled(text, ctx.theme.accent()))
}

/// A labelled bar with its number after it.
/// `widths`: the label's cells and the bar's.
fn bar_line(
    widths: (usize, usize),
    label: &str,
    value: f64,
    max: f64,
    number: String,
    style: Style,
) -> Line<'static> {
    let (label_w, bar_w) = widths;
    Line::from(vec![
        Span::raw(fit(&display_safe(label), label_w)),
        Span::styled(fit(&bar(value, max, bar_w), bar_w), style),
        Span::raw(format!(" {number}")),
    ])
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
    let label_w = 33usize;
    let bar_w = (area.width as usize)
        .saturating_sub(label_w + 30)
        .clamp(10, 50);
    let mut lines: Vec<Line<'static>> = Vec::new();

    let open: i64 = s.stages.iter().map(|st| st.count).sum();
    lines.push(heading(
        format!("Open leads per stage — {open} open; ┊ marks the healthy share (10/65/25)"),
        ctx,
    ));
    for st in &s.stages {
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
            Span::raw(format!(" {:>6} {:>5.1}%", st.count, st.share)),
            Span::styled(format!(" (ref {reference}%)",), theme.dim()),
            Span::raw(format!("  {}", compact_amount(st.value, ctx.language))),
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
        format!("Flow since {} — {} won{won}", s.since, s.flow.won),
        ctx,
    ));
    let max = s.flow.changes.iter().map(|m| m.count).max().unwrap_or(0) as f64;
    for m in &s.flow.changes {
        let label = format!("{} → {}", m.from.label_en(), m.to.label_en());
        lines.push(bar_line(
            (label_w, bar_w),
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
    for d in &s.flow.median_days_in_stage {
        let label = format!("days in {}", d.stage.label_en());
        lines.push(bar_line(
            (label_w, bar_w),
            &label,
            d.median_days,
            max,
            format!("{:.1} (median of {})", d.median_days, d.moves),
            theme.dim(),
        ));
    }

    lines.push(Line::raw(""));
    lines.push(heading(
        format!(
            "By source — leads created since {}, share reaching considering, won",
            s.since
        ),
        ctx,
    ));
    let max = s.sources.iter().map(|x| x.leads).max().unwrap_or(0) as f64;
    for src in &s.sources {
        let label = src.source.clone().unwrap_or_else(|| "(none)".into());
        let number = format!(
            "{} leads, {:.0}% considering, {} won",
            src.leads, src.reached_considering_share, src.won
        );
        lines.push(bar_line(
            (label_w, bar_w),
            &label,
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
    ));
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
                .map(|(k, v)| format!("{k} {v:.1}"))
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
            (label_w, bar_w),
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
            "Won since {}: {} — first touch, last touch, source",
            s.since, s.attribution.won
        ),
        ctx,
    ));
    for (name, map) in [
        ("first touch", &s.attribution.first_touch_by_kind),
        ("last touch", &s.attribution.last_touch_by_kind),
        ("source", &s.attribution.won_by_source),
    ] {
        let max = map.values().copied().max().unwrap_or(0) as f64;
        for (key, n) in map {
            let label = format!("{name}: {key}");
            lines.push(bar_line(
                (label_w, bar_w),
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
