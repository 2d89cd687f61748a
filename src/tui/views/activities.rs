//! The timeline across leads, newest first.

use super::{ActivitySource, Ctx, cell, pad_line, when};
use crate::error::Result;
use crate::tr;
use crate::tui::pager::Pager;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn timeline() -> Pager<ActivitySource> {
    Pager::new(ActivitySource)
}

/// Reads the rows that fit under the header.
pub fn prepare(
    pager: &mut Pager<ActivitySource>,
    area: Rect,
    conn: &rusqlite::Connection,
) -> Result<()> {
    let [_, body] = super::table_layout(area);
    pager.prepare(conn, body.height as usize)
}

pub fn render(frame: &mut Frame<'_>, area: Rect, pager: &Pager<ActivitySource>, ctx: &Ctx<'_>) {
    let lang = ctx.language;
    let [head, body] = super::table_layout(area);
    let w = area.width as usize;
    let when_w = 17;
    let kind_w = 13;
    // Narrow, the rep who logged it gives way to the person it was with.
    let by_w = if w >= 100 { 8 } else { 0 };
    let lead_w = if w >= 110 { 28 } else { 16 };
    let person_w = if w >= 110 { 14 } else { 10 };
    let summary_w =
        w.saturating_sub(when_w + kind_w + lead_w + person_w + by_w + 4 + usize::from(by_w > 0));
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            cell(&tr!(lang, "col-when"), when_w + 1, ctx.theme.dim()),
            cell(&tr!(lang, "col-kind"), kind_w + 1, ctx.theme.dim()),
            cell(&tr!(lang, "col-summary"), summary_w + 1, ctx.theme.dim()),
            cell(&tr!(lang, "col-lead"), lead_w + 1, ctx.theme.dim()),
            cell(&tr!(lang, "col-with"), person_w + 1, ctx.theme.dim()),
            cell(
                &if by_w > 0 {
                    tr!(lang, "col-by")
                } else {
                    String::new()
                },
                by_w,
                ctx.theme.dim(),
            ),
        ])),
        head,
    );
    let selected = pager.selected_index();
    let mut lines = Vec::new();
    for (n, (a, lead, person)) in pager.rows().enumerate() {
        let line = Line::from(vec![
            cell(
                &when(&a.occurred_at, ctx.date_format),
                when_w,
                ctx.theme.dim(),
            ),
            Span::raw(" "),
            cell(
                &super::kind_with_direction(a.kind, a.direction, lang),
                kind_w,
                ctx.theme.accent(),
            ),
            Span::raw(" "),
            cell(&a.summary, summary_w, ctx.theme.plain()),
            Span::raw(" "),
            cell(lead.as_deref().unwrap_or("—"), lead_w, ctx.theme.plain()),
            Span::raw(" "),
            cell(
                person.as_deref().unwrap_or("—"),
                person_w,
                ctx.theme.plain(),
            ),
            Span::raw(" "),
            cell(a.by.as_deref().unwrap_or(""), by_w, ctx.theme.dim()),
        ]);
        let style = if n == selected {
            ctx.theme.selected()
        } else {
            ctx.theme.plain()
        };
        lines.push(pad_line(line, w).style(style));
    }
    if pager.is_empty() {
        lines.push(Line::from(Span::styled(
            tr!(lang, "activities-empty"),
            ctx.theme.dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), body);
}
