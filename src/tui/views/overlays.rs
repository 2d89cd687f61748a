//! What sits on top of a view: forms, the confirm box, help, search, the too-small notice.

use super::{Ctx, centered, cut, pad_line};
use crate::features::search::SearchResults;
use crate::keymap::{Context, Keymap};
use crate::model::text::{display_safe, fit, width};
use crate::model::{Activity, Contact, Lead};
use crate::tui::forms::{FieldKind, Form};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui_textarea::TextArea;

/// Clears a popup's area and the column on each side of it: a double-width character
/// straddling the popup's edge would otherwise be drawn over its border.
pub fn clear(frame: &mut Frame<'_>, rect: Rect) {
    let area = frame.area();
    let x = rect.x.saturating_sub(1).max(area.x);
    let right = (rect.x + rect.width + 1).min(area.x + area.width);
    frame.render_widget(
        Clear,
        Rect {
            x,
            width: right - x,
            ..rect
        },
    );
}

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn too_small(frame: &mut Frame<'_>, area: Rect) {
    let text = vec![
        Line::raw("Terminal too small"),
        Line::raw(format!(
            "{}×{} — leadtrack needs {MIN_WIDTH}×{MIN_HEIGHT}",
            area.width, area.height
        )),
        Line::raw("Make the window larger; q quits."),
    ];
    let box_area = centered(area, 44.min(area.width), 3.min(area.height));
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), box_area);
}

/// A yes/no question.
pub fn confirm(frame: &mut Frame<'_>, area: Rect, message: &str, ctx: &Ctx<'_>) {
    let w = (width(message) as u16 + 6).clamp(30, area.width);
    let rect = centered(area, w, 5);
    clear(frame, rect);
    let block = Block::bordered()
        .title(" Confirm ")
        .border_style(ctx.theme.error());
    let text = vec![
        Line::raw(display_safe(message)),
        Line::raw(""),
        Line::from(vec![
            Span::styled("y", ctx.theme.accent()),
            Span::raw(" yes   "),
            Span::styled("n", ctx.theme.accent()),
            Span::raw("/esc no"),
        ]),
    ];
    frame.render_widget(Paragraph::new(text).block(block), rect);
}

/// Every key of the current context, from the live keymap; j/k scroll when it is longer
/// than the screen.
pub fn help(
    frame: &mut Frame<'_>,
    area: Rect,
    context: Context,
    scroll: &mut u16,
    keymap: &Keymap,
    ctx: &Ctx<'_>,
) {
    let actions = context.actions();
    let key_w = actions
        .iter()
        .map(|a| width(&keymap.label(*a)))
        .max()
        .unwrap_or(4)
        .max(4);
    let mut lines: Vec<Line<'static>> = actions
        .iter()
        .map(|a| {
            Line::from(vec![
                Span::styled(fit(&keymap.label(*a), key_w + 2), ctx.theme.accent()),
                Span::raw(keymap.description(*a).to_string()),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        "Change any key in [keys] of the config.",
        ctx.theme.dim(),
    )));
    let total = lines.len() as u16;
    let h = (total + 2).min(area.height);
    let visible = h.saturating_sub(2);
    *scroll = (*scroll).min(total.saturating_sub(visible));
    let rect = centered(area, 64.min(area.width), h);
    clear(frame, rect);
    let more = if total > visible {
        " j/k scroll ·"
    } else {
        ""
    };
    let block = Block::bordered()
        .title(format!(" Keys — {} ", context.name()))
        .title_bottom(format!("{more} esc closes "))
        .border_style(ctx.theme.accent());
    frame.render_widget(
        Paragraph::new(lines).block(block).scroll((*scroll, 0)),
        rect,
    );
}

/// One search result.
#[derive(Debug, Clone)]
pub enum Hit {
    Lead(Lead),
    Contact(Contact),
    Activity(Activity),
}

pub struct SearchState {
    pub input: TextArea<'static>,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// How many of each kind fit on screen (set while drawing).
    pub per_kind: usize,
}

impl Default for SearchState {
    fn default() -> Self {
        SearchState {
            input: TextArea::default(),
            hits: Vec::new(),
            selected: 0,
            per_kind: 5,
        }
    }
}

impl SearchState {
    pub fn query(&self) -> String {
        self.input.lines().join(" ")
    }

    pub fn set_results(&mut self, results: SearchResults) {
        self.hits = results
            .leads
            .into_iter()
            .map(Hit::Lead)
            .chain(results.contacts.into_iter().map(Hit::Contact))
            .chain(results.activities.into_iter().map(Hit::Activity))
            .collect();
        self.selected = self.selected.min(self.hits.len().saturating_sub(1));
    }
}

pub fn search(frame: &mut Frame<'_>, area: Rect, state: &mut SearchState, ctx: &Ctx<'_>) {
    frame.render_widget(Clear, area);
    let [input_area, _, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    let [prompt, field] =
        Layout::horizontal([Constraint::Length(2), Constraint::Min(0)]).areas(input_area);
    frame.render_widget(
        Paragraph::new(Span::styled("/ ", ctx.theme.accent())),
        prompt,
    );
    frame.render_widget(&state.input, field);
    let cursor = state.input.screen_cursor();
    frame.set_cursor_position(Position::new(field.x + cursor.col as u16, field.y));
    state.per_kind = ((body.height as usize).saturating_sub(3) / 3).max(1);
    let w = area.width as usize;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut section = "";
    for (i, hit) in state.hits.iter().enumerate() {
        let (name, line) = match hit {
            Hit::Lead(l) => (
                "Leads",
                Line::from(vec![
                    Span::styled(format!("{} ", l.rank), ctx.theme.rank(l.rank)),
                    cut(&l.title, w / 2, ctx.theme.title()),
                    Span::raw("  "),
                    cut(l.company.as_deref().unwrap_or(""), w / 3, ctx.theme.dim()),
                    Span::styled(format!("  {}", l.stage.label_en()), ctx.theme.dim()),
                ]),
            ),
            Hit::Contact(c) => (
                "Contacts",
                Line::from(vec![
                    cut(&c.name(ctx.name_order), w / 3, ctx.theme.title()),
                    Span::raw("  "),
                    cut(&c.reading().unwrap_or_default(), w / 4, ctx.theme.dim()),
                    Span::raw("  "),
                    cut(c.company.as_deref().unwrap_or(""), w / 3, ctx.theme.plain()),
                ]),
            ),
            Hit::Activity(a) => (
                "Activities",
                Line::from(vec![
                    Span::styled(
                        format!("{}  ", super::when(&a.occurred_at, ctx.date_format)),
                        ctx.theme.dim(),
                    ),
                    Span::styled(format!("{:<6}", a.kind.label_ja()), ctx.theme.accent()),
                    cut(&a.summary, w.saturating_sub(30), ctx.theme.plain()),
                ]),
            ),
        };
        if name != section {
            if !section.is_empty() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::from(Span::styled(name, ctx.theme.accent())));
            section = name;
        }
        let style = if i == state.selected {
            ctx.theme.selected()
        } else {
            ctx.theme.plain()
        };
        lines.push(pad_line(line, w).style(style));
    }
    if state.hits.is_empty() {
        let hint = if state.query().trim().is_empty() {
            "Type part of a name, reading, company or summary (さとう, ｻﾄｳ and 佐藤 all work)."
        } else {
            "Nothing matches."
        };
        lines.push(Line::from(Span::styled(hint, ctx.theme.dim())));
    }
    frame.render_widget(Paragraph::new(lines), body);
}

/// A form in a box: one row per field (more for long text and pickers), the error under
/// its field, the keys at the bottom.
pub fn form(frame: &mut Frame<'_>, area: Rect, form: &Form, keymap: &Keymap, ctx: &Ctx<'_>) {
    let label_w: u16 = 16;
    let rows: Vec<u16> = form
        .fields
        .iter()
        .map(|f| f.lines_needed() + u16::from(f.error.is_some()))
        .collect();
    let wanted: u16 =
        rows.iter().sum::<u16>() + 4 + u16::from(form.error.is_some() || form.confirm_discard);
    let w = 76.min(area.width);
    let h = wanted.min(area.height);
    let rect = centered(area, w, h);
    clear(frame, rect);
    let block = Block::bordered()
        .title(format!(" {} ", display_safe(&form.title)))
        .border_style(ctx.theme.accent());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [fields_area, bottom] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(2)]).areas(inner);
    // Scroll so the focused field is on screen.
    let mut start = 0;
    while start < form.focus && rows[start..=form.focus].iter().sum::<u16>() > fields_area.height {
        start += 1;
    }
    let mut y = fields_area.y;
    for (i, field) in form.fields.iter().enumerate().skip(start) {
        let need = rows[i];
        if y + need > fields_area.y + fields_area.height {
            break;
        }
        let focused = i == form.focus;
        let label_style = if focused {
            ctx.theme.accent()
        } else {
            ctx.theme.field_label()
        };
        let star = if field.required { "*" } else { "" };
        let label = Rect {
            x: fields_area.x,
            y,
            width: label_w,
            height: 1,
        };
        frame.render_widget(
            Paragraph::new(Span::styled(
                fit(&format!("{}{star}", field.label), label_w as usize),
                label_style,
            )),
            label,
        );
        let value_w = fields_area.width.saturating_sub(label_w);
        let value = Rect {
            x: fields_area.x + label_w,
            y,
            width: value_w,
            height: field.lines_needed().min(3),
        };
        match &field.kind {
            FieldKind::Choice(options) => {
                let chosen = options
                    .get(field.choice)
                    .map(|(_, l)| l.as_str())
                    .unwrap_or("");
                let arrows = if focused { ("◂ ", " ▸") } else { ("", "") };
                frame.render_widget(
                    Paragraph::new(Line::from(vec![
                        Span::styled(arrows.0, ctx.theme.dim()),
                        Span::styled(
                            display_safe(chosen),
                            if focused {
                                ctx.theme.title()
                            } else {
                                ctx.theme.plain()
                            },
                        ),
                        Span::styled(arrows.1, ctx.theme.dim()),
                    ])),
                    value,
                );
            }
            _ => {
                let input = Rect {
                    height: if field.kind == FieldKind::LongText {
                        3
                    } else {
                        1
                    },
                    ..value
                };
                if field.text().is_empty() && !focused && field.hint.is_some() {
                    frame.render_widget(
                        Paragraph::new(Span::styled(field.hint.unwrap_or(""), ctx.theme.dim())),
                        input,
                    );
                } else {
                    let mut editor = field.editor.clone();
                    editor.set_cursor_style(if focused {
                        ctx.theme.selected()
                    } else {
                        ratatui::style::Style::default()
                    });
                    frame.render_widget(&editor, input);
                    if focused {
                        let c = editor.screen_cursor();
                        let (top, left) = editor.scroll_offset();
                        let row = (c.row as u16).saturating_sub(top);
                        let col = (c.col as u16).saturating_sub(left);
                        frame.set_cursor_position(Position::new(
                            input.x + col.min(input.width.saturating_sub(1)),
                            input.y + row,
                        ));
                    }
                    if focused
                        && field.text().is_empty()
                        && let Some(hint) = field.hint
                    {
                        let hint_area = Rect {
                            x: input.x + 1,
                            width: input.width.saturating_sub(1),
                            ..input
                        };
                        frame.render_widget(
                            Paragraph::new(Span::styled(hint, ctx.theme.dim())),
                            hint_area,
                        );
                    }
                }
                if field.kind == FieldKind::ContactPicker {
                    if field.matches.is_empty() && !field.text().trim().is_empty() {
                        let r = Rect {
                            x: value.x,
                            y: y + 1,
                            width: value_w,
                            height: 1,
                        };
                        frame.render_widget(
                            Paragraph::new(Span::styled(
                                "nobody matches: try the reading or the company",
                                ctx.theme.dim(),
                            )),
                            r,
                        );
                    }
                    for (n, (_, label)) in field.matches.iter().take(5).enumerate() {
                        let style = if n == field.picked {
                            ctx.theme.selected()
                        } else {
                            ctx.theme.plain()
                        };
                        let r = Rect {
                            x: value.x,
                            y: y + 1 + n as u16,
                            width: value_w,
                            height: 1,
                        };
                        frame.render_widget(
                            Paragraph::new(
                                pad_line(
                                    Line::from(cut(label, value_w as usize, ctx.theme.plain())),
                                    value_w as usize,
                                )
                                .style(style),
                            ),
                            r,
                        );
                    }
                }
            }
        }
        if let Some(err) = &field.error {
            let r = Rect {
                x: fields_area.x + label_w,
                y: y + field.lines_needed(),
                width: value_w,
                height: 1,
            };
            frame.render_widget(
                Paragraph::new(cut(err, value_w as usize, ctx.theme.error())),
                r,
            );
        }
        y += need;
    }
    let mut bottom_lines = Vec::new();
    if form.confirm_discard {
        bottom_lines.push(Line::from(Span::styled(
            "Discard what you typed? y discards, any other key goes back",
            ctx.theme.error(),
        )));
    } else if let Some(err) = &form.error {
        bottom_lines.push(Line::from(cut(
            err,
            inner.width as usize,
            ctx.theme.error(),
        )));
    } else {
        bottom_lines.push(Line::raw(""));
    }
    bottom_lines.push(Line::from(Span::styled(
        format!(
            "enter next/save · {} save · {} fields · {} $EDITOR · {} cancel",
            keymap.label(crate::keymap::Action::Save),
            keymap.label(crate::keymap::Action::NextField),
            keymap.label(crate::keymap::Action::ExternalEditor),
            keymap.label(crate::keymap::Action::Cancel)
        ),
        ctx.theme.dim(),
    )));
    frame.render_widget(Paragraph::new(bottom_lines), bottom);
}

/// One proposed duplicate pair side by side: the fields where the two cards differ are
/// marked, and the keys say what happens.
pub fn dedupe(
    frame: &mut Frame<'_>,
    area: Rect,
    review: &crate::tui::app::DedupeReview,
    ctx: &Ctx<'_>,
) {
    let Some(pair) = review.pairs.get(review.index) else {
        return;
    };
    let w = 100.min(area.width);
    let rect = centered(area, w, area.height.min(24));
    clear(frame, rect);
    let title = format!(
        " Probable duplicate {}/{} — {} ",
        review.index + 1,
        review.pairs.len(),
        pair.reason.words()
    );
    let block = Block::bordered()
        .title(title)
        .border_style(ctx.theme.accent());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let label_w = 12usize;
    let col_w = (inner.width as usize).saturating_sub(label_w + 2) / 2;
    let (a, b) = (&pair.keep, &pair.merge);
    let name = |c: &Contact| c.name(ctx.name_order);
    let date = |c: &Contact| c.exchanged_on.map(|d| d.to_string());
    let all = |list: &[crate::model::contact::ContactValue]| {
        (!list.is_empty()).then(|| {
            crate::model::contact_value::list_text(list, crate::model::contact::ValueKind::Work)
        })
    };
    let rows: Vec<(&str, Option<String>, Option<String>)> = vec![
        ("Name", Some(name(a)), Some(name(b))),
        ("Reading", a.reading(), b.reading()),
        ("Company", a.company.clone(), b.company.clone()),
        ("Department", a.department.clone(), b.department.clone()),
        ("Title", a.title.clone(), b.title.clone()),
        ("Email", all(&a.emails), all(&b.emails)),
        ("Numbers", all(&a.phones), all(&b.phones)),
        ("Address", a.address.clone(), b.address.clone()),
        ("Met on", date(a), date(b)),
        ("Met at", a.exchanged_at.clone(), b.exchanged_at.clone()),
    ];
    let mut lines = vec![Line::from(vec![
        Span::raw(fit("", label_w + 1)),
        Span::styled(fit("Stays", col_w), ctx.theme.title()),
        Span::raw(" "),
        Span::styled(fit("Merged into it", col_w), ctx.theme.title()),
    ])];
    for (label, left, right) in rows {
        if left.is_none() && right.is_none() {
            continue;
        }
        let differs = left.is_some() && right.is_some() && left != right;
        let style = if differs {
            ctx.theme.bucket(crate::followups::Bucket::NoNextAction)
        } else {
            ctx.theme.plain()
        };
        lines.push(Line::from(vec![
            Span::styled(fit(label, label_w + 1), ctx.theme.field_label()),
            Span::styled(
                fit(&display_safe(left.as_deref().unwrap_or("—")), col_w),
                style,
            ),
            Span::raw(" "),
            Span::styled(
                fit(&display_safe(right.as_deref().unwrap_or("—")), col_w),
                style,
            ),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        "The card met later wins; no email, number or address is lost.",
        ctx.theme.dim(),
    )));
    lines.push(Line::from(vec![
        Span::styled("m", ctx.theme.accent()),
        Span::raw(" merge   "),
        Span::styled("s", ctx.theme.accent()),
        Span::raw(" skip   "),
        Span::styled("esc", ctx.theme.accent()),
        Span::raw(" stop"),
    ]));
    frame.render_widget(Paragraph::new(lines), inner);
}
