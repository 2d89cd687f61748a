//! A form in a box, for every form of the app (lead, contact, log, reschedule, the link
//! picker): the fields live in `tui/forms/`, which also answers their keys.

use super::clear;
use crate::keymap::Action;
use crate::keymap::Keymap;
use crate::model::text::{display_safe, fit};
use crate::tr;
use crate::tui::forms::{FieldKind, Form, FormKind};
use crate::tui::views::{Ctx, centered, cut, pad_line};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// A form in a box: one row per field (more for long text and pickers), the error under
/// its field, the keys at the bottom.
pub fn render(frame: &mut Frame<'_>, area: Rect, form: &Form, keymap: &Keymap, ctx: &Ctx<'_>) {
    let lang = ctx.language;
    // Room for the longest label (with its `*`) and a space, at least 16 cells: a Japanese
    // label as wide as the column would run into its value.
    let label_w: u16 = form
        .fields
        .iter()
        .map(|f| crate::model::text::width(&f.label) + usize::from(f.required) + 1)
        .max()
        .map_or(16, |w| u16::try_from(w).unwrap_or(u16::MAX).clamp(16, 22));
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
                let mut input = Rect {
                    height: if field.kind == FieldKind::LongText {
                        3
                    } else {
                        1
                    },
                    ..value
                };
                // The day a date field's text means, beside it as the rep types.
                let preview = matches!(field.kind, FieldKind::Date | FieldKind::Moment)
                    .then(|| {
                        crate::model::dates::preview(
                            &field.text(),
                            ctx.today,
                            ctx.language == crate::config::Language::Ja,
                        )
                    })
                    .flatten()
                    .map(|day| format!(" → {day}"));
                if let Some(preview) = preview {
                    let cells = u16::try_from(crate::model::text::width(&preview)).unwrap_or(0);
                    let typed =
                        u16::try_from(crate::model::text::width(&field.text())).unwrap_or(u16::MAX);
                    // Right after the text (the editor keeps a cell for the cursor).
                    if typed.saturating_add(cells).saturating_add(1) <= input.width {
                        input.width = typed + 1;
                        frame.render_widget(
                            Paragraph::new(Span::styled(preview, ctx.theme.dim())),
                            Rect {
                                x: input.x + input.width,
                                width: cells,
                                ..input
                            },
                        );
                    }
                }
                if let Some(hint) = field.hint.as_deref()
                    && field.text().is_empty()
                    && !focused
                {
                    frame.render_widget(Paragraph::new(Span::styled(hint, ctx.theme.dim())), input);
                } else {
                    let mut editor = field.editor.clone();
                    editor.set_selection_style(ctx.theme.selected());
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
                        && let Some(hint) = field.hint.as_deref()
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
                                if matches!(form.kind, FormKind::LinkToLead { .. }) {
                                    tr!(lang, "form-link-no-lead-matches")
                                } else {
                                    tr!(lang, "form-link-nobody-matches")
                                },
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
            tr!(lang, "form-discard", key = keymap.label(Action::ConfirmYes)),
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
        tr!(
            lang,
            "form-keys",
            save = keymap.label(Action::Save),
            fields = keymap.label(Action::NextField),
            editor = keymap.label(Action::ExternalEditor),
            cancel = keymap.label(Action::Cancel)
        ),
        ctx.theme.dim(),
    )));
    frame.render_widget(Paragraph::new(bottom_lines), bottom);
}
