//! The lead detail: every field, the contacts with their roles, the score and the
//! activities behind it, the timeline, stage history and changed fields.

use super::{Ctx, squeeze, when};
use crate::error::Result;
use crate::features::leads::LeadDetail;
use crate::model::ActivityKind;
use crate::model::format::{amount, score};
use crate::model::text::{display_safe, display_safe_multiline, truncate, width, wrap};
use crate::tr;
use crate::tui::views::{due_label, source_label};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// A contact or an activity of the open lead, picked with Tab to act on it (`e`, `d`, `R`);
/// by id, so the pick stays on its record when the lead is read again (a new role sorts the
/// contacts anew).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DetailItem {
    Contact(String),
    Activity(String),
}

pub struct DetailState {
    pub lead_id: String,
    pub detail: Option<LeadDetail>,
    /// The contact or activity picked, none at first.
    pub selected: Option<DetailItem>,
    pub scroll: u16,
    /// Lines in the scrolling part, measured by `prepare` (to stop scrolling at the end).
    pub length: u16,
    pub page: u16,
    /// The score's breakdown shown line by line (folded to one line at first).
    pub score_open: bool,
    /// The selection moved: `prepare` scrolls it into view.
    follow: bool,
    /// What `page` and `length` were measured for: the area, the pick and the score's
    /// folding, over the lead as read. The lines are laid out again only when one changes.
    measured: Option<(Rect, Option<DetailItem>, bool)>,
}

impl DetailState {
    pub fn new(lead_id: &str) -> DetailState {
        DetailState {
            lead_id: lead_id.to_string(),
            detail: None,
            selected: None,
            scroll: 0,
            length: 0,
            page: 10,
            score_open: false,
            follow: false,
            measured: None,
        }
    }

    pub fn invalidate(&mut self) {
        self.detail = None;
        self.measured = None;
    }

    pub fn scroll_by(&mut self, delta: i32) {
        let max = self.length.saturating_sub(self.page / 2);
        let next = (i32::from(self.scroll) + delta).clamp(0, i32::from(max));
        self.scroll = u16::try_from(next).unwrap_or(0);
    }

    /// Picks the next (or previous) contact or activity: contacts first, then activities,
    /// then none again.
    pub fn select_step(&mut self, forward: bool) {
        let Some(d) = &self.detail else {
            return;
        };
        let items: Vec<DetailItem> = d
            .lead
            .contacts
            .iter()
            .map(|c| DetailItem::Contact(c.id.clone()))
            .chain(
                d.activities
                    .iter()
                    .map(|a| DetailItem::Activity(a.id.clone())),
            )
            .collect();
        let at = self
            .selected
            .as_ref()
            .and_then(|s| items.iter().position(|i| i == s));
        let n = items.len();
        self.selected = match (at, forward) {
            (None, true) => items.first().cloned(),
            (None, false) => items.last().cloned(),
            (Some(i), true) => (i + 1 < n).then(|| items[i + 1].clone()),
            (Some(i), false) => i.checked_sub(1).map(|i| items[i].clone()),
        };
        self.follow = true;
    }

    /// The picked contact's id and role.
    pub fn selected_contact(&self) -> Option<&crate::model::lead::LinkedContact> {
        match (&self.selected, &self.detail) {
            (Some(DetailItem::Contact(id)), Some(d)) => {
                d.lead.contacts.iter().find(|c| c.id == *id)
            }
            _ => None,
        }
    }

    /// The picked activity.
    pub fn selected_activity(&self) -> Option<&crate::model::Activity> {
        match (&self.selected, &self.detail) {
            (Some(DetailItem::Activity(id)), Some(d)) => d.activities.iter().find(|a| a.id == *id),
            _ => None,
        }
    }
}

/// The width of a field's label column; a long value wraps under its start. Japanese
/// labels run to seven characters (次回アクション), fourteen cells, and keep a gap after.
fn label_width(ctx: &Ctx<'_>) -> usize {
    match ctx.language {
        crate::config::Language::En => 14,
        crate::config::Language::Ja => 16,
    }
}

/// A field, its value wrapped (never cut) under the value's column; none when empty.
fn field(label: &str, value: impl Into<String>, ctx: &Ctx<'_>, w: usize) -> Vec<Line<'static>> {
    let value = value.into();
    if value.is_empty() {
        return Vec::new();
    }
    let label_w = label_width(ctx);
    let indent = " ".repeat(label_w);
    wrap(&display_safe(&value), w, &indent, &indent)
        .into_iter()
        .enumerate()
        .map(|(n, text)| {
            let text = text[label_w.min(text.len())..].to_string();
            // The label fills its column by width: a Japanese label is two cells a character.
            let label = if n == 0 {
                crate::model::text::fit(label, label_w)
            } else {
                indent.clone()
            };
            Line::from(vec![
                Span::styled(label, ctx.theme.field_label()),
                Span::raw(text),
            ])
        })
        .collect()
}

/// Long text (notes, an activity's body) wrapped under `indent`, paragraph by paragraph.
fn text_block(text: &str, indent: &str, w: usize, style: Style) -> Vec<Line<'static>> {
    display_safe_multiline(text)
        .lines()
        .flat_map(|paragraph| wrap(paragraph, w, indent, indent))
        .map(|line| Line::from(Span::styled(line, style)))
        .collect()
}

/// A lead field's name as the rep reads it.
fn field_label(field: &str, ctx: &Ctx<'_>) -> &'static str {
    match ctx.language {
        crate::config::Language::Ja => crate::model::lead::LeadPatch::label_ja(field),
        crate::config::Language::En => crate::model::lead::LeadPatch::label_en(field),
    }
}

fn heading(text: &str, ctx: &Ctx<'_>, w: usize) -> Line<'static> {
    Line::from(Span::styled(truncate(text, w), ctx.theme.accent()))
}

/// The summary, with the picked contact highlighted; the line it is on.
fn summary_lines_marked(
    d: &LeadDetail,
    ctx: &Ctx<'_>,
    w: usize,
    selected: Option<&DetailItem>,
) -> (Vec<Line<'static>>, Option<usize>) {
    let mut marked = None;
    let l = &d.lead;
    let theme = ctx.theme;
    let lang = ctx.language;
    let mut lines: Vec<Line<'static>> = wrap(&display_safe(&l.title), w, "", "  ")
        .into_iter()
        .map(|t| Line::from(Span::styled(t, theme.title())))
        .collect();
    let next = match (&l.next_action, l.next_action_on) {
        (Some(a), _) => display_safe(a),
        (None, _) => String::new(),
    };
    lines.extend(
        [
            field(
                &tr!(lang, "detail-company"),
                l.company.clone().unwrap_or_default(),
                ctx,
                w,
            ),
            field(
                &tr!(lang, "detail-stage"),
                super::stage_label(l.stage, lang),
                ctx,
                w,
            ),
            field(
                &tr!(lang, "detail-owner"),
                l.owner.clone().unwrap_or_default(),
                ctx,
                w,
            ),
            field(
                &tr!(lang, "detail-value"),
                match (l.value, lang) {
                    // Whole, with the yen: the detail keeps every digit.
                    (Some(_), crate::config::Language::Ja) => format!("{}円", amount(l.value)),
                    _ => amount(l.value),
                },
                ctx,
                w,
            ),
        ]
        .into_iter()
        .flatten(),
    );
    lines.push(squeeze(
        vec![
            Span::styled(
                crate::model::text::fit(&tr!(lang, "detail-next-action"), label_width(ctx)),
                theme.field_label(),
            ),
            due_label(l.next_action_on.as_ref(), ctx.today, ctx.language, theme),
            Span::raw(if next.is_empty() {
                String::new()
            } else {
                format!("  {next}")
            }),
        ],
        2,
        w,
    ));
    let source_label = l
        .source
        .as_deref()
        .map(|id| source_label(id, ctx.language).to_string());
    let source = [source_label, l.source_detail.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" — ");
    let q = &l.qualification;
    let answer = |c: &crate::model::lead::Criterion| {
        let a = match c.value {
            crate::model::lead::Answer::Yes => tr!(lang, "answer-yes"),
            crate::model::lead::Answer::No => tr!(lang, "answer-no"),
            crate::model::lead::Answer::Unknown => "?".to_string(),
        };
        if c.note.is_empty() {
            a.to_string()
        } else {
            format!("{a} ({})", c.note)
        }
    };
    lines.extend(
        [
            field(&tr!(lang, "detail-source"), source, ctx, w),
            field(
                &tr!(lang, "detail-campaign"),
                [
                    d.campaign_name.clone(),
                    l.upsell.then(|| tr!(lang, "detail-upsell")),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
                ctx,
                w,
            ),
            field(
                &tr!(lang, "detail-score"),
                tr!(
                    lang,
                    "detail-score-rank",
                    score = score(d.score_breakdown.score),
                    rank = d.score_breakdown.rank.to_string()
                ),
                ctx,
                w,
            ),
            field(&tr!(lang, "detail-tags"), l.tags.join(", "), ctx, w),
            field(
                "BANT",
                if q.is_unknown() {
                    String::new()
                } else {
                    // No-break spaces (in the catalog) keep each criterion with its answer.
                    tr!(
                        lang,
                        "detail-bant",
                        budget = answer(&q.budget),
                        authority = answer(&q.authority),
                        need = answer(&q.need),
                        timing = answer(&q.timing)
                    )
                },
                ctx,
                w,
            ),
            field(
                &tr!(lang, "detail-created"),
                tr!(
                    lang,
                    "detail-when-by",
                    when = when(&l.created_at, ctx.date_format),
                    who = l.created_by.clone()
                ),
                ctx,
                w,
            ),
            field(
                &tr!(lang, "detail-changed"),
                tr!(
                    lang,
                    "detail-when-by",
                    when = when(&l.updated_at, ctx.date_format),
                    who = l.updated_by.clone()
                ),
                ctx,
                w,
            ),
        ]
        .into_iter()
        .flatten(),
    );
    if let Some(notes) = &l.notes {
        lines.push(Line::from(Span::styled(
            tr!(lang, "detail-notes"),
            theme.field_label(),
        )));
        lines.extend(text_block(notes, "  ", w, Style::default()));
    }
    lines.push(Line::raw(""));
    lines.push(heading(&tr!(lang, "detail-contacts"), ctx, w));
    if l.contacts.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {}", tr!(lang, "detail-no-contacts")),
            theme.dim(),
        )));
    }
    for c in &l.contacts {
        // The company only when it is not the lead's own.
        let company = c
            .company
            .as_deref()
            .filter(|co| Some(*co) != l.company.as_deref())
            .map(|co| format!("  {}", display_safe(co)))
            .unwrap_or_default();
        let line = squeeze(
            vec![
                Span::raw(format!("  {}", display_safe(&c.name))),
                Span::styled(
                    format!("  {}", super::role_label(c.role, lang)),
                    theme.accent(),
                ),
                Span::styled(company, theme.dim()),
            ],
            2,
            w,
        );
        if matches!(selected, Some(DetailItem::Contact(id)) if *id == c.id) {
            marked = Some(lines.len());
            lines.push(line.style(theme.selected()));
        } else {
            lines.push(line);
        }
        // How to reach them, under the name: the phone stays whole, the address gives way.
        let reach: Vec<String> = [c.phone.as_deref(), c.email.as_deref()]
            .into_iter()
            .flatten()
            .map(display_safe)
            .collect();
        if !reach.is_empty() {
            let mut spans = vec![Span::raw("    ")];
            for (i, r) in reach.into_iter().enumerate() {
                let sep = if i == 0 { "" } else { "  " };
                spans.push(Span::styled(format!("{sep}{r}"), theme.dim()));
            }
            let give_way = spans.len() - 1;
            lines.push(squeeze(spans, give_way, w));
        }
    }
    (lines, marked)
}

/// The score's lines: one, folded, or its breakdown line by line.
fn score_lines(d: &LeadDetail, ctx: &Ctx<'_>, w: usize, score_open: bool) -> Vec<Line<'static>> {
    let theme = ctx.theme;
    let lang = ctx.language;
    let b = &d.score_breakdown;
    let decay = b
        .half_life_days
        .map(|h| tr!(lang, "score-decay", days = score(h)))
        .unwrap_or_default();
    if !score_open {
        return vec![score_folded(b, &decay, ctx, w)];
    }
    let mut lines = vec![heading(
        &format!(
            "{}{decay}",
            tr!(lang, "score-points-of", score = score(b.score))
        ),
        ctx,
        w,
    )];
    if b.lines.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {}", tr!(lang, "score-no-activities")),
            theme.dim(),
        )));
    }
    // The longest kind name ("Newsletter sign-up") still leaves a space before its points.
    let kind_width = ActivityKind::ALL
        .iter()
        .map(|k| width(super::kind_label(k.id(), lang)))
        .max()
        .unwrap_or(0);
    for line in &b.lines {
        let factor = if b.half_life_days.is_some() {
            format!(" × {}", score(line.factor))
        } else {
            String::new()
        };
        lines.push(squeeze(
            vec![
                Span::styled(format!("  +{:<5}", score(line.counted)), theme.ok()),
                Span::raw(format!(
                    "{} ",
                    crate::model::text::fit(super::kind_label(line.kind.id(), lang), kind_width)
                )),
                Span::styled(
                    format!(
                        "{}{factor}  ",
                        tr!(lang, "score-points", points = score(line.points))
                    ),
                    theme.dim(),
                ),
                Span::raw(display_safe(&line.summary)),
            ],
            3,
            w,
        ));
    }
    lines
}

/// The score on one line: how many activities, and the points of each kind, most first.
fn score_folded(
    b: &crate::scoring::Breakdown,
    decay: &str,
    ctx: &Ctx<'_>,
    w: usize,
) -> Line<'static> {
    let mut by_kind: Vec<(ActivityKind, f64)> = Vec::new();
    for line in &b.lines {
        match by_kind.iter_mut().find(|(k, _)| *k == line.kind) {
            Some((_, points)) => *points += line.counted,
            None => by_kind.push((line.kind, line.counted)),
        }
    }
    by_kind.sort_by(|a, b| b.1.total_cmp(&a.1));
    let lang = ctx.language;
    let mut text = tr!(
        lang,
        "score-of-activities",
        score = score(b.score),
        count = b.lines.len()
    );
    // Kinds that count nothing (a note) are left out of the sum.
    for (kind, points) in by_kind.into_iter().filter(|(_, p)| *p > 0.0) {
        let label = super::kind_label(kind.id(), lang);
        let label = match lang {
            crate::config::Language::En => label.to_lowercase(),
            crate::config::Language::Ja => label.to_string(),
        };
        text.push_str(&format!(" · +{} {label}", score(points)));
    }
    text.push_str(decay);
    heading(&text, ctx, w)
}

/// The score (folded or line by line), then the timeline and histories, with the picked
/// activity highlighted; the line it starts on.
fn history_lines_marked(
    d: &LeadDetail,
    ctx: &Ctx<'_>,
    w: usize,
    selected: Option<&DetailItem>,
    score_open: bool,
) -> (Vec<Line<'static>>, Option<usize>) {
    let mut marked = None;
    let theme = ctx.theme;
    let lang = ctx.language;
    let mut lines = score_lines(d, ctx, w, score_open);
    lines.push(Line::raw(""));
    lines.push(heading(&tr!(lang, "detail-activities"), ctx, w));
    for a in &d.activities {
        let by =
            a.by.as_deref()
                .map(|b| format!("  {}", display_safe(b)))
                .unwrap_or_default();
        let minutes = a
            .duration_minutes
            .map(|m| format!(" {}", tr!(lang, "detail-minutes", minutes = m)))
            .unwrap_or_default();
        let picked = matches!(selected, Some(DetailItem::Activity(id)) if *id == a.id);
        if picked {
            marked = Some(lines.len());
        }
        // The summary gives way; the length of the call and who made it stay whole.
        let line = squeeze(
            vec![
                Span::styled(
                    format!("  {}  ", when(&a.occurred_at, ctx.date_format)),
                    theme.dim(),
                ),
                Span::styled(
                    crate::model::text::fit(
                        &super::kind_with_direction(a.kind, a.direction, lang),
                        13,
                    ),
                    theme.accent(),
                ),
                Span::raw(display_safe(&a.summary)),
                Span::styled(format!("{minutes}{by}"), theme.dim()),
            ],
            2,
            w,
        );
        lines.push(if picked {
            line.style(theme.selected())
        } else {
            line
        });
        if let Some(body) = &a.body {
            lines.extend(text_block(body, "      ", w, theme.dim()));
        }
    }
    lines.push(Line::raw(""));
    lines.push(heading(&tr!(lang, "detail-stage-history"), ctx, w));
    for s in &d.stage_history {
        let from = s
            .from
            .map(|f| format!("{} → ", super::stage_label(f, lang)))
            .unwrap_or_default();
        // A move taken back stays in the history (the stats leave it out): marked, so the
        // history still reads as the way the lead went.
        let undone = if s.undone {
            format!("  {}", tr!(lang, "detail-undone"))
        } else {
            String::new()
        };
        lines.push(squeeze(
            vec![
                Span::styled(format!("  {}  ", when(&s.at, ctx.date_format)), theme.dim()),
                Span::raw(format!("{from}{}", super::stage_label(s.to, lang))),
                Span::styled(undone, theme.dim()),
                Span::styled(format!("  {}", display_safe(&s.by)), theme.dim()),
            ],
            1,
            w,
        ));
    }
    if !d.history.is_empty() {
        lines.push(Line::raw(""));
        lines.push(heading(&tr!(lang, "detail-changed-fields"), ctx, w));
        for h in d.history.iter().rev() {
            let was = match &h.previous {
                serde_json::Value::Null => tr!(lang, "detail-empty-value"),
                // A source was kept by its id: shown by its label like the current one.
                serde_json::Value::String(s) if h.field == "source" => {
                    display_safe(source_label(s, ctx.language))
                }
                serde_json::Value::String(s) => display_safe(s),
                other => other.to_string(),
            };
            lines.push(squeeze(
                vec![
                    Span::styled(
                        format!("  {}  ", when(&h.replaced_at, ctx.date_format)),
                        theme.dim(),
                    ),
                    Span::raw(tr!(
                        lang,
                        "detail-was",
                        field = field_label(&h.field, ctx),
                        was = was
                    )),
                    Span::styled(format!("  {}", display_safe(&h.replaced_by)), theme.dim()),
                ],
                1,
                w,
            ));
        }
    }
    (lines, marked)
}

/// The summary on the left and the history on the right (wide), or one column.
fn halves(area: Rect) -> Option<[Rect; 2]> {
    (area.width >= 100).then(|| {
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
            .spacing(1)
            .areas(area)
    })
}

/// The history's cells beside its border.
fn history_width(right: Rect) -> usize {
    (right.width as usize).saturating_sub(1)
}

/// Reads the lead when it is not read yet (or changed), and measures the scrolling part.
pub fn prepare(
    state: &mut DetailState,
    area: Rect,
    store: &crate::store::Store,
    config: &crate::config::Config,
    ctx: &Ctx<'_>,
) -> Result<()> {
    if state.detail.is_none() {
        state.detail = Some(crate::features::leads::detail(
            store,
            config,
            &state.lead_id,
        )?);
    }
    let Some(detail) = &state.detail else {
        return Ok(());
    };
    let key = (area, state.selected.clone(), state.score_open);
    if !state.follow && state.measured.as_ref() == Some(&key) {
        return Ok(());
    }
    let selected = state.selected.as_ref();
    // The line of the picked item in the scrolling part, if it scrolls.
    let (page, length, picked_at) = match halves(area) {
        Some([_, right]) => {
            let (history, activity_at) = history_lines_marked(
                detail,
                ctx,
                history_width(right),
                selected,
                state.score_open,
            );
            (right.height, history.len(), activity_at)
        }
        None => {
            let w = area.width as usize;
            let (summary, contact_at) = summary_lines_marked(detail, ctx, w, selected);
            let (history, activity_at) =
                history_lines_marked(detail, ctx, w, selected, state.score_open);
            (
                area.height,
                summary.len() + 1 + history.len(),
                contact_at.or(activity_at.map(|a| a + summary.len() + 1)),
            )
        }
    };
    state.page = page;
    state.length = u16::try_from(length).unwrap_or(u16::MAX);
    state.measured = Some(key);
    if std::mem::take(&mut state.follow)
        && let Some(at) = picked_at.and_then(|a| u16::try_from(a).ok())
    {
        if at < state.scroll {
            state.scroll = at;
        } else if at >= state.scroll + page {
            state.scroll = at.saturating_sub(page / 2);
        }
    }
    Ok(())
}

pub fn render(frame: &mut Frame<'_>, area: Rect, state: &DetailState, ctx: &Ctx<'_>) {
    let Some(detail) = &state.detail else {
        return;
    };
    if let Some([left, right]) = halves(area) {
        let selected = state.selected.as_ref();
        let summary = summary_lines_marked(detail, ctx, left.width as usize, selected).0;
        let history = history_lines_marked(
            detail,
            ctx,
            history_width(right),
            selected,
            state.score_open,
        )
        .0;
        frame.render_widget(Paragraph::new(summary), left);
        let block = Block::default()
            .borders(Borders::LEFT)
            .border_style(ctx.theme.dim());
        frame.render_widget(
            Paragraph::new(history)
                .block(block)
                .scroll((state.scroll, 0)),
            right,
        );
    } else {
        let w = area.width as usize;
        let selected = state.selected.as_ref();
        let mut all = summary_lines_marked(detail, ctx, w, selected).0;
        all.push(Line::raw(""));
        all.extend(history_lines_marked(detail, ctx, w, selected, state.score_open).0);
        frame.render_widget(
            Paragraph::new(all)
                .scroll((state.scroll, 0))
                .style(Style::default()),
            area,
        );
    }
}
