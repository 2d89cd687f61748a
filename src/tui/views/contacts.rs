//! Contacts sorted by reading, with the selected card and the leads the person is on.

use super::{ContactSource, Ctx, cell, cut, pad_line};
use crate::error::Result;
use crate::features::contacts::ContactDetail;
use crate::model::contact::Channel;
use crate::model::text::display_safe;
use crate::tr;
use crate::tui::pager::Pager;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub struct ContactsState {
    pub list: Pager<ContactSource>,
    /// The card of the selected contact, read when the selection changes.
    pub card: Option<ContactDetail>,
}

impl Default for ContactsState {
    fn default() -> Self {
        ContactsState {
            list: Pager::new(ContactSource),
            card: None,
        }
    }
}

impl ContactsState {
    pub fn invalidate(&mut self) {
        self.list.invalidate();
        self.card = None;
    }
}

/// The list beside the card (wide) or above it.
fn halves(area: Rect) -> [Rect; 2] {
    if area.width >= 100 {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
            .spacing(1)
            .areas(area)
    } else {
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
    }
}

/// Reads the rows that fit and the card of the selected contact.
pub fn prepare(
    state: &mut ContactsState,
    area: Rect,
    conn: &rusqlite::Connection,
    order: crate::model::contact::NameOrder,
) -> Result<()> {
    let [list_area, _] = halves(area);
    let [_, body] = super::table_layout(list_area);
    state.list.prepare(conn, body.height as usize)?;
    let selected_id = state.list.selected_id();
    if state.card.as_ref().map(|c| c.contact.id.clone()) != selected_id {
        state.card = match &selected_id {
            Some(id) => Some(crate::features::contacts::detail_from(conn, order, id)?),
            None => None,
        };
    }
    Ok(())
}

pub fn render(frame: &mut Frame<'_>, area: Rect, state: &ContactsState, ctx: &Ctx<'_>) {
    let lang = ctx.language;
    let wide = area.width >= 100;
    let [list_area, card_area] = halves(area);
    let [head, body] = super::table_layout(list_area);
    let w = list_area.width as usize;
    let name_w = 16;
    let reading_w = 18;
    let company_w = w.saturating_sub(name_w + reading_w + 2);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            cell(&tr!(lang, "col-name"), name_w + 1, ctx.theme.dim()),
            cell(&tr!(lang, "col-reading"), reading_w + 1, ctx.theme.dim()),
            cell(&tr!(lang, "col-company"), company_w, ctx.theme.dim()),
        ])),
        head,
    );
    let selected = state.list.selected_index();
    let mut lines = Vec::new();
    for (n, c) in state.list.rows().enumerate() {
        let line = Line::from(vec![
            cell(&c.name(ctx.name_order), name_w, ctx.theme.title()),
            Span::raw(" "),
            cell(&c.reading().unwrap_or_default(), reading_w, ctx.theme.dim()),
            Span::raw(" "),
            cell(
                c.company.as_deref().unwrap_or(""),
                company_w,
                ctx.theme.plain(),
            ),
        ]);
        let style = if n == selected {
            ctx.theme.selected()
        } else {
            ctx.theme.plain()
        };
        lines.push(pad_line(line, w).style(style));
    }
    if state.list.is_empty() {
        lines.push(Line::from(Span::styled(
            tr!(lang, "contacts-empty"),
            ctx.theme.dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), body);

    let borders = if wide { Borders::LEFT } else { Borders::TOP };
    let block = Block::default()
        .borders(borders)
        .border_style(ctx.theme.dim());
    let inner = block.inner(card_area);
    let lines = card_lines(state.card.as_ref(), ctx, card_area.width as usize);
    frame.render_widget(
        Paragraph::new(fit_card(lines, inner, ctx))
            .block(block)
            .wrap(Wrap { trim: false }),
        card_area,
    );
}

/// The card's lines that fit `area`; when some do not, the last row says how many and where
/// to see them all, so a value below the fold is never silently out of sight.
fn fit_card(mut lines: Vec<Line<'static>>, area: Rect, ctx: &Ctx<'_>) -> Vec<Line<'static>> {
    let (w, h) = (usize::from(area.width.max(1)), usize::from(area.height));
    let rows = |line: &Line<'_>| line.width().div_ceil(w).max(1);
    if lines.iter().map(rows).sum::<usize>() <= h || h == 0 {
        return lines;
    }
    let mut used = 1;
    let kept = lines
        .iter()
        .take_while(|line| {
            used += rows(line);
            used <= h
        })
        .count();
    let hidden = lines.len() - kept;
    lines.truncate(kept);
    let more = tr!(ctx.language, "card-more-lines", count = hidden);
    lines.push(Line::from(Span::styled(more, ctx.theme.dim())));
    lines
}

fn card_lines(card: Option<&ContactDetail>, ctx: &Ctx<'_>, w: usize) -> Vec<Line<'static>> {
    let Some(d) = card else { return Vec::new() };
    let c = &d.contact;
    let theme = ctx.theme;
    let mut lines = vec![Line::from(vec![
        Span::styled(display_safe(&d.name), theme.title()),
        Span::styled(
            c.reading()
                .map(|r| format!("  {}", display_safe(&r)))
                .unwrap_or_default(),
            theme.dim(),
        ),
    ])];
    let company = [c.company.clone(), c.department.clone(), c.title.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>();
    if !company.is_empty() {
        lines.push(Line::raw(display_safe(&company.join("  "))));
    }
    let one = |v: &Option<String>| v.iter().cloned().collect::<Vec<_>>();
    // (label, values): a value after the first goes under it with no label of its own.
    // Numbers beyond the phone, mobile and fax go under a label of their own (under "Fax"
    // a work number would read as a fax).
    let lang = ctx.language;
    let rows: [(String, Vec<String>); 12] = [
        (tr!(lang, "card-email"), one(&c.email)),
        (String::new(), c.further_values(Channel::Email)),
        (tr!(lang, "card-phone"), one(&c.phone)),
        (tr!(lang, "card-mobile"), one(&c.mobile)),
        (tr!(lang, "card-fax"), one(&c.fax)),
        (
            tr!(lang, "card-other-number"),
            c.further_values(Channel::Phone),
        ),
        (tr!(lang, "card-address"), one(&c.address)),
        (String::new(), c.further_values(Channel::Address)),
        ("URL".to_string(), one(&c.url)),
        (String::new(), c.further_values(Channel::Url)),
        (
            tr!(lang, "card-also-at"),
            c.further_values(Channel::Company),
        ),
        (tr!(lang, "card-met-at"), one(&c.exchanged_at)),
    ];
    // Labels fill nine cells, by width: a Japanese label is two cells a character.
    let label_cell = |label: &str| crate::model::text::fit(label, 9);
    for (label, values) in rows {
        for (i, v) in values.iter().enumerate() {
            let label = if i == 0 { label.as_str() } else { "" };
            lines.push(Line::from(vec![
                Span::styled(label_cell(label), theme.field_label()),
                cut(v, w.saturating_sub(10), theme.plain()),
            ]));
        }
    }
    if let Some(on) = c.exchanged_on {
        lines.push(Line::from(vec![
            Span::styled(label_cell(&tr!(lang, "card-met-on")), theme.field_label()),
            Span::raw(on.to_string()),
        ]));
    }
    if let Some(on) = c.no_mail_on {
        lines.push(Line::from(vec![
            Span::styled(label_cell(&tr!(lang, "card-no-mail")), theme.field_label()),
            Span::styled(
                tr!(lang, "card-no-mail-since", date = on.to_string()),
                theme.error(),
            ),
        ]));
    }
    lines.push(Line::from(vec![
        Span::styled(label_cell(&tr!(lang, "card-changed")), theme.field_label()),
        Span::styled(
            tr!(
                lang,
                "card-changed-by",
                when = super::when(&c.updated_at, ctx.date_format),
                who = display_safe(&c.updated_by)
            ),
            theme.dim(),
        ),
    ]));
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        tr!(lang, "card-leads"),
        theme.accent(),
    )));
    if d.leads.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {}", tr!(lang, "card-no-lead")),
            theme.dim(),
        )));
    }
    for l in &d.leads {
        lines.push(Line::from(vec![
            Span::raw("  "),
            cut(&l.title, w.saturating_sub(28), theme.plain()),
            Span::styled(
                format!(
                    "  {} · {}",
                    super::role_label(l.role, lang),
                    super::stage_label(l.stage, lang)
                ),
                theme.dim(),
            ),
        ]));
    }
    if !d.activities.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            tr!(lang, "card-activities"),
            theme.accent(),
        )));
        for a in d.activities.iter().take(5) {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {}  ", super::when(&a.occurred_at, ctx.date_format)),
                    theme.dim(),
                ),
                cut(&a.summary, w.saturating_sub(22), theme.plain()),
            ]));
        }
    }
    lines
}
