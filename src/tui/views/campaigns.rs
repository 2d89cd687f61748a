//! Campaigns side by side: what each cost, the leads it brought, how far they went, what was
//! won, and what that makes per lead, per win and in return — the figures of `leadtrack
//! campaign list`, read through the same feature. Enter opens one with everything `campaign
//! show` says of it.

use super::{Ctx, kind_label, pad_line};
use crate::config::Language;
use crate::error::Result;
use crate::features::campaigns::{self, DEFAULT_WINDOW_DAYS, Effect};
use crate::keymap::Action;
use crate::model::format::{compact_amount, ratio, yen, yen_each};
use crate::model::text::{display_safe, display_safe_multiline, fit, truncate, width, wrap};
use crate::store::Store;
use crate::tr;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// The Campaigns view: the list, its selection, and the campaign opened from it.
#[derive(Debug, Default)]
pub struct CampaignsState {
    /// Every live campaign with its effect, read when the view is shown and after a change.
    pub effects: Option<Vec<Effect>>,
    /// The selected row; it stays on its campaign (by id) when the list is read again.
    pub selected: usize,
    selected_id: Option<String>,
    /// The first row on screen and how many fit, measured by `prepare`.
    top: usize,
    page: usize,
    /// The campaign opened with Enter (its id), and how far its page is scrolled.
    pub open: Option<String>,
    pub scroll: u16,
    /// How far the opened campaign can scroll on this screen, measured by `prepare`.
    most: u16,
}

impl CampaignsState {
    /// The data changed: the figures are read again before the next frame.
    pub fn invalidate(&mut self) {
        self.effects = None;
    }

    fn len(&self) -> usize {
        self.effects.as_ref().map_or(0, Vec::len)
    }

    /// The campaign the selection is on.
    pub fn selected(&self) -> Option<&Effect> {
        self.effects.as_ref()?.get(self.selected)
    }

    /// The opened campaign, while it is still there.
    pub fn opened(&self) -> Option<&Effect> {
        let id = self.open.as_deref()?;
        self.effects.as_ref()?.iter().find(|e| e.campaign.id == id)
    }

    /// Enter: opens the selected campaign.
    pub fn open_selected(&mut self) {
        self.open = self.selected().map(|e| e.campaign.id.clone());
        self.scroll = 0;
    }

    /// Esc: back from the opened campaign to the list. False when none was open.
    pub fn close(&mut self) -> bool {
        self.scroll = 0;
        self.open.take().is_some()
    }

    /// The moving keys: they scroll an opened campaign, and select in the list.
    pub fn navigate(&mut self, action: Action) {
        if self.open.is_some() {
            let page = self.page.max(2) as u16 - 1;
            self.scroll = match action {
                Action::Up => self.scroll.saturating_sub(1),
                Action::Down => self.scroll.saturating_add(1),
                Action::PageUp => self.scroll.saturating_sub(page),
                Action::PageDown => self.scroll.saturating_add(page),
                Action::Top => 0,
                _ => self.most,
            }
            .min(self.most);
            return;
        }
        let last = self.len().saturating_sub(1);
        let page = self.page.max(2) - 1;
        self.selected = match action {
            Action::Up => self.selected.saturating_sub(1),
            Action::Down => self.selected + 1,
            Action::PageUp => self.selected.saturating_sub(page),
            Action::PageDown => self.selected + page,
            Action::Top => 0,
            _ => last,
        }
        .min(last);
        self.selected_id = self.selected().map(|e| e.campaign.id.clone());
    }
}

/// Reads the campaigns and their effect when they are not read yet, and fits the selection
/// (or the opened campaign's page) to `area`.
pub fn prepare(state: &mut CampaignsState, area: Rect, store: &Store, ctx: &Ctx<'_>) -> Result<()> {
    if state.effects.is_none() {
        let effects = campaigns::effects(store, DEFAULT_WINDOW_DAYS)?;
        if let Some(at) = state
            .selected_id
            .as_deref()
            .and_then(|id| effects.iter().position(|e| e.campaign.id == id))
        {
            state.selected = at;
        }
        state.effects = Some(effects);
    }
    state.selected = state.selected.min(state.len().saturating_sub(1));
    state.selected_id = state.selected().map(|e| e.campaign.id.clone());
    let [_, body] = super::table_layout(area);
    state.page = usize::from(body.height).max(1);
    if state.selected < state.top {
        state.top = state.selected;
    } else if state.selected >= state.top + state.page {
        state.top = state.selected + 1 - state.page;
    }
    state.top = state.top.min(state.len().saturating_sub(state.page));
    if state.open.is_some() && state.opened().is_none() {
        // Deleted elsewhere: back to the list.
        state.close();
    }
    state.most = match state.opened() {
        Some(e) => {
            let lines = u16::try_from(page_lines(e, area.width as usize, ctx).len());
            lines.unwrap_or(u16::MAX).saturating_sub(area.height)
        }
        None => 0,
    };
    state.scroll = state.scroll.min(state.most);
    Ok(())
}

/// Draws the list, or the opened campaign. `command` reaches this database from the shell
/// (`leadtrack`, `leadtrack --db PATH`): with none yet, the view says how to add one.
pub fn render(
    frame: &mut Frame<'_>,
    area: Rect,
    state: &CampaignsState,
    command: &str,
    ctx: &Ctx<'_>,
) {
    let Some(effects) = &state.effects else {
        return;
    };
    if let Some(e) = state.opened() {
        let lines = page_lines(e, area.width as usize, ctx);
        frame.render_widget(Paragraph::new(lines).scroll((state.scroll, 0)), area);
        return;
    }
    if effects.is_empty() {
        // Campaigns are made on the command line.
        let hint = tr!(
            ctx.language,
            "campaigns-empty",
            command = format!("{command} campaign add --name … --kind seminar --cost 300000")
        );
        frame.render_widget(
            Paragraph::new(Span::styled(hint, ctx.theme.dim())).wrap(Wrap { trim: false }),
            area,
        );
        return;
    }
    let [head, body] = super::table_layout(area);
    let table = Table::of(effects, area.width as usize, ctx);
    frame.render_widget(Paragraph::new(table.header(ctx)), head);
    let w = area.width as usize;
    let lines: Vec<Line<'static>> = (state.top..effects.len())
        .take(usize::from(body.height))
        .map(|i| {
            let style = if i == state.selected {
                ctx.theme.selected()
            } else {
                ctx.theme.plain()
            };
            pad_line(table.row(i, ctx), w).style(style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

/// A column of figures: its header and a cell per campaign.
struct Column {
    header: String,
    cells: Vec<String>,
    /// Numbers line up on the right.
    right: bool,
    /// On a narrow screen the column of the highest rank goes first; 0 stays.
    drops: u8,
}

impl Column {
    fn width(&self) -> usize {
        self.cells
            .iter()
            .map(|c| width(c))
            .chain([width(&self.header)])
            .max()
            .unwrap_or(0)
    }
}

/// The narrowest a campaign's name is cut to before a column of figures gives way.
const NAME_MIN: usize = 16;

/// The list's columns, as many as fit the width, with the campaign names in what is left.
struct Table {
    name_header: String,
    names: Vec<String>,
    name_w: usize,
    gap: usize,
    /// The columns shown and their widths.
    columns: Vec<(Column, usize)>,
}

impl Table {
    fn of(effects: &[Effect], w: usize, ctx: &Ctx<'_>) -> Table {
        let lang = ctx.language;
        let cells = |f: &dyn Fn(&Effect) -> String| effects.iter().map(f).collect::<Vec<_>>();
        let dash = |text: String| if text.is_empty() { "—".into() } else { text };
        let all = vec![
            Column {
                header: tr!(lang, "col-kind"),
                cells: cells(&|e| crate::i18n::labels::campaign_kind(e.campaign.kind, lang).into()),
                right: false,
                drops: 3,
            },
            Column {
                header: tr!(lang, "col-start"),
                cells: cells(&|e| {
                    e.campaign
                        .starts_on
                        .map(|d| day(d, ctx.date_format))
                        .unwrap_or_default()
                }),
                right: false,
                drops: 4,
            },
            Column {
                header: tr!(lang, "col-cost"),
                cells: cells(&|e| dash(yen(e.campaign.cost, lang))),
                right: true,
                drops: 2,
            },
            Column {
                header: tr!(lang, "col-leads"),
                cells: cells(&|e| e.leads.to_string()),
                right: true,
                drops: 0,
            },
            Column {
                header: tr!(lang, "col-considering"),
                cells: cells(&|e| e.reached_considering.to_string()),
                right: true,
                drops: 0,
            },
            Column {
                header: tr!(lang, "col-won"),
                cells: cells(&|e| won(e, lang, true)),
                right: true,
                drops: 0,
            },
            Column {
                header: tr!(lang, "col-cost-per-lead"),
                cells: cells(&|e| dash(yen_each(e.cost_per_lead, lang))),
                right: true,
                drops: 0,
            },
            Column {
                header: tr!(lang, "col-cost-per-won"),
                cells: cells(&|e| dash(yen_each(e.cost_per_won, lang))),
                right: true,
                drops: 0,
            },
            Column {
                header: tr!(lang, "col-return"),
                cells: cells(&|e| dash(ratio(e.return_on_cost))),
                right: true,
                drops: 1,
            },
        ];
        let name_header = tr!(lang, "col-campaign");
        let names: Vec<String> = effects
            .iter()
            .map(|e| display_safe(&e.campaign.name))
            .collect();
        let widest_name = names
            .iter()
            .map(|n| width(n))
            .chain([width(&name_header)])
            .max()
            .unwrap_or(0);
        let mut columns: Vec<(Column, usize)> = all
            .into_iter()
            .map(|c| {
                let cw = c.width();
                (c, cw)
            })
            .collect();
        // Two spaces between columns, one when that lets every column stay; then the
        // columns of the highest rank give way until the names have their room.
        let needs = |columns: &[(Column, usize)], gap: usize| -> usize {
            columns.iter().map(|(_, cw)| cw + gap).sum::<usize>() + NAME_MIN.min(widest_name)
        };
        let gap = loop {
            if needs(&columns, 2) <= w {
                break 2;
            }
            if needs(&columns, 1) <= w {
                break 1;
            }
            let Some(at) = columns
                .iter()
                .enumerate()
                .filter(|(_, (c, _))| c.drops > 0)
                .max_by_key(|(_, (c, _))| c.drops)
                .map(|(i, _)| i)
            else {
                break 1;
            };
            columns.remove(at);
        };
        let others: usize = columns.iter().map(|(_, cw)| cw + gap).sum();
        let name_w = w.saturating_sub(others).min(widest_name.max(NAME_MIN));
        Table {
            name_header,
            names,
            name_w,
            gap,
            columns,
        }
    }

    fn line(&self, name: Span<'static>, cells: Vec<(String, bool, usize)>) -> Line<'static> {
        let mut spans = vec![name];
        for (text, right, cw) in cells {
            spans.push(Span::raw(" ".repeat(self.gap)));
            spans.push(Span::raw(if right {
                fit_right(&text, cw)
            } else {
                fit(&text, cw)
            }));
        }
        Line::from(spans)
    }

    fn header(&self, ctx: &Ctx<'_>) -> Line<'static> {
        let cells = self
            .columns
            .iter()
            .map(|(c, cw)| (c.header.clone(), c.right, *cw))
            .collect();
        let name = Span::raw(fit(&self.name_header, self.name_w));
        self.line(name, cells).style(ctx.theme.dim())
    }

    fn row(&self, i: usize, ctx: &Ctx<'_>) -> Line<'static> {
        let cells = self
            .columns
            .iter()
            .map(|(c, cw)| (c.cells.get(i).cloned().unwrap_or_default(), c.right, *cw))
            .collect();
        let name = self.names.get(i).map(String::as_str).unwrap_or("");
        let name = Span::styled(fit(name, self.name_w), ctx.theme.title());
        self.line(name, cells)
    }
}

/// `text` cut to `cells` and set against its right edge.
fn fit_right(text: &str, cells: usize) -> String {
    let cut = truncate(text, cells);
    format!("{}{cut}", " ".repeat(cells.saturating_sub(width(&cut))))
}

/// Leads won and what they were worth: `1 (1.2M)` in the list, `1 (1,200,000)` opened; just
/// the count when none was won.
fn won(e: &Effect, lang: Language, compact: bool) -> String {
    if e.won == 0 {
        return "0".into();
    }
    let value = if compact {
        compact_amount(e.won_value, lang)
    } else {
        yen(Some(e.won_value), lang)
    };
    format!("{} ({value})", e.won)
}

/// A day as the config writes dates (`[ui] date_format`).
fn day(date: NaiveDate, format: &str) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    // The config check refuses a format chrono cannot write; should one get through, the
    // day is shown in ISO form rather than panicking in `format!`.
    if write!(out, "{}", date.format(format)).is_err() {
        out = date.format("%Y-%m-%d").to_string();
    }
    out
}

/// The first and last day, as far as they are known.
fn days(e: &Effect, format: &str) -> String {
    let c = &e.campaign;
    match (c.starts_on, c.ends_on) {
        (Some(s), Some(t)) if s != t => format!("{} – {}", day(s, format), day(t, format)),
        (Some(s), _) => day(s, format),
        (None, Some(t)) => format!("– {}", day(t, format)),
        (None, None) => String::new(),
    }
}

/// The activities of a campaign by kind, most first: `Seminar 5, Call 2`.
fn responses(e: &Effect, lang: Language) -> String {
    let mut kinds: Vec<(&String, &i64)> = e.responses.iter().collect();
    kinds.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    let items: Vec<String> = kinds
        .into_iter()
        .map(|(kind, n)| format!("{} {n}", kind_label(kind, lang)))
        .collect();
    crate::i18n::labels::list(&items, lang)
}

/// The opened campaign: its name, what and when it was, then what it brought and what that
/// makes per lead, per win and in return. Figures without a value show `—`; the other
/// fields are left out when empty.
fn page_lines(e: &Effect, w: usize, ctx: &Ctx<'_>) -> Vec<Line<'static>> {
    let lang = ctx.language;
    let c = &e.campaign;
    let dash = |text: String| if text.is_empty() { "—".into() } else { text };
    let about = [
        (
            tr!(lang, "campaign-kind"),
            crate::i18n::labels::campaign_kind(c.kind, lang).to_string(),
        ),
        (tr!(lang, "campaign-days"), days(e, ctx.date_format)),
        (tr!(lang, "campaign-cost"), yen(c.cost, lang)),
        (
            tr!(lang, "campaign-owner"),
            c.owner.clone().unwrap_or_default(),
        ),
    ];
    let brought = [
        (tr!(lang, "campaign-leads"), e.leads.to_string()),
        (
            tr!(lang, "campaign-touched"),
            tr!(
                lang,
                "campaign-touched-counts",
                leads = e.touched_leads,
                contacts = e.touched_contacts
            ),
        ),
        (tr!(lang, "campaign-responses"), dash(responses(e, lang))),
        (
            tr!(lang, "campaign-window"),
            tr!(lang, "campaign-window-days", days = e.window_days),
        ),
        (
            tr!(lang, "campaign-considering"),
            e.reached_considering.to_string(),
        ),
        (tr!(lang, "campaign-won"), won(e, lang, false)),
        (
            tr!(lang, "campaign-cost-per-lead"),
            dash(yen_each(e.cost_per_lead, lang)),
        ),
        (
            tr!(lang, "campaign-cost-per-won"),
            dash(yen_each(e.cost_per_won, lang)),
        ),
        (tr!(lang, "campaign-return"), dash(ratio(e.return_on_cost))),
    ];
    let notes_label = tr!(lang, "campaign-notes");
    let label_w = about
        .iter()
        .chain(&brought)
        .map(|(label, _)| width(label))
        .chain([width(&notes_label)])
        .max()
        .unwrap_or(0)
        + 2;
    let indent = " ".repeat(label_w);
    let field = |label: &str, value: &str, lines: &mut Vec<Line<'static>>| {
        if value.is_empty() {
            return;
        }
        for (n, text) in wrap(&display_safe(value), w, &indent, &indent)
            .into_iter()
            .enumerate()
        {
            let text = text[label_w.min(text.len())..].to_string();
            let label = if n == 0 {
                fit(label, label_w)
            } else {
                indent.clone()
            };
            lines.push(Line::from(vec![
                Span::styled(label, ctx.theme.field_label()),
                Span::raw(text),
            ]));
        }
    };
    let mut lines = vec![
        Line::from(Span::styled(
            truncate(&display_safe(&c.name), w),
            ctx.theme.title(),
        )),
        Line::raw(""),
    ];
    for (label, value) in &about {
        field(label, value, &mut lines);
    }
    if let Some(notes) = c.notes.as_deref().filter(|n| !n.trim().is_empty()) {
        let safe = display_safe_multiline(notes);
        for (n, paragraph) in safe.lines().enumerate() {
            let label = if n == 0 { notes_label.as_str() } else { "" };
            field(label, paragraph, &mut lines);
        }
    }
    lines.push(Line::raw(""));
    for (label, value) in &brought {
        field(label, value, &mut lines);
    }
    lines
}
