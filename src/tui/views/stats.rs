//! Stats: open leads per stage beside the 10/65/25 rule of thumb, and the customers.

use super::{Ctx, compact_amount, stage_label};
use crate::error::Result;
use crate::model::Stage;
use crate::model::text::fit;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(frame: &mut Frame<'_>, area: Rect, ctx: &Ctx<'_>) -> Result<()> {
    let theme = ctx.theme;
    let open: i64 = ctx
        .totals
        .iter()
        .filter(|(s, _)| s.is_open())
        .map(|(_, t)| t.count)
        .sum();
    let label_w = 30;
    let bar_w = (area.width as usize)
        .saturating_sub(label_w + 36)
        .clamp(10, 60);
    let mut lines = vec![
        Line::from(Span::styled("Open leads per stage", theme.accent())),
        Line::from(Span::styled(
            format!(
                "{}{:>8} {:>6}  {:<bar_w$} {:>6}  {:>10}",
                fit("", label_w),
                "leads",
                "share",
                "",
                "ref.",
                "value"
            ),
            theme.dim(),
        )),
    ];
    for stage in Stage::OPEN {
        let total = ctx
            .totals
            .iter()
            .find(|(s, _)| *s == stage)
            .map(|(_, t)| *t)
            .unwrap_or_default();
        let share = if open > 0 {
            total.count as f64 * 100.0 / open as f64
        } else {
            0.0
        };
        let filled = ((share / 100.0) * bar_w as f64).round() as usize;
        let reference = stage.reference_share().unwrap_or(0);
        let mark = (reference as usize * bar_w / 100).min(bar_w.saturating_sub(1));
        let bar: String = (0..bar_w)
            .map(|i| {
                if i < filled {
                    '█'
                } else if i == mark {
                    '┊'
                } else {
                    ' '
                }
            })
            .collect();
        lines.push(Line::from(vec![
            Span::raw(fit(&stage_label(stage, ctx.language), label_w)),
            Span::raw(format!("{:>8} {:>5.0}%  ", total.count, share)),
            Span::styled(bar, theme.bar()),
            Span::styled(format!(" {:>5}%", reference), theme.dim()),
            Span::raw(format!(
                "  {:>10}",
                compact_amount(total.value, ctx.language)
            )),
        ]));
    }
    let customers = ctx
        .totals
        .iter()
        .find(|(s, _)| *s == Stage::Customer)
        .map(|(_, t)| *t)
        .unwrap_or_default();
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::raw(fit(&stage_label(Stage::Customer, ctx.language), label_w)),
        Span::raw(format!("{:>8}", customers.count)),
        Span::raw(format!(
            "{}  {:>10}",
            " ".repeat(bar_w + 16),
            compact_amount(customers.value, ctx.language)
        )),
    ]));
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        format!("{open} open leads. ┊ marks the share a healthy funnel has (10% / 65% / 25%)."),
        theme.dim(),
    )));
    frame.render_widget(Paragraph::new(lines), area);
    Ok(())
}
