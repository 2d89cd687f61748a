//! The board: three stage columns of lead cards.

use super::{LeadSource, compact_amount, cut, due_label, pad_line, stage_label};
use crate::error::Result;
use crate::features::lead_filter::LeadFilters;
use crate::followups::is_stale;
use crate::model::contact::NameOrder;
use crate::model::{Lead, Stage};
use crate::store::leads::{LeadOrder, LeadScope, StageTotal};
use crate::store::narrowing::Narrowing;
use crate::tr;
use crate::tui::pager::Pager;
use crate::tui::views::Ctx;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Lines per card, the blank line after it included.
const CARD_HEIGHT: u16 = 4;

pub struct BoardState {
    pub columns: Vec<Pager<LeadSource>>,
    pub focus: usize,
    pub order: LeadOrder,
    pub filters: LeadFilters,
    /// While a filter is on: what each column shows, counted with the column's own scope
    /// (`None` until `prepare` reads it; the plain board uses the stage totals).
    pub filtered: Option<Vec<StageTotal>>,
}

impl BoardState {
    /// The plain board; its cards name their main contact in `name_order`.
    pub fn new(name_order: NameOrder) -> BoardState {
        let columns = Stage::OPEN
            .iter()
            .map(|s| {
                Pager::new(LeadSource {
                    scope: LeadScope {
                        stage: Some(*s),
                        ..LeadScope::default()
                    },
                    order: LeadOrder::Board,
                    name_order,
                })
            })
            .collect();
        BoardState {
            columns,
            focus: 0,
            order: LeadOrder::Board,
            filters: LeadFilters::default(),
            filtered: None,
        }
    }
}

/// What the order of a list is called on screen.
pub fn order_label(order: LeadOrder, language: crate::config::Language) -> String {
    match order {
        LeadOrder::Board => tr!(language, "order-rank"),
        LeadOrder::Due => tr!(language, "order-due"),
        LeadOrder::Value => tr!(language, "order-value"),
        LeadOrder::Quiet => tr!(language, "order-quiet"),
    }
}

impl BoardState {
    /// The focused column's index, within the columns there are.
    fn focused(&self) -> usize {
        self.focus.min(Stage::OPEN.len() - 1)
    }

    pub fn stage(&self) -> Stage {
        Stage::OPEN[self.focused()]
    }

    /// Focus the column `delta` to the right (left when negative), stopping at the ends.
    pub fn focus_by(&mut self, delta: isize) {
        self.focus = self
            .focused()
            .saturating_add_signed(delta)
            .min(Stage::OPEN.len() - 1);
    }

    pub fn column(&mut self) -> &mut Pager<LeadSource> {
        let i = self.focused();
        &mut self.columns[i]
    }

    pub fn selected(&self) -> Option<&Lead> {
        self.columns[self.focused()].selected()
    }

    pub fn invalidate(&mut self) {
        self.columns.iter_mut().for_each(Pager::invalidate);
        self.filtered = None;
    }

    /// A filter hides some leads: the column heads count what the columns show.
    pub fn is_filtered(&self) -> bool {
        !self.filters.is_empty()
    }

    /// Applies the order and the filters (in the store's terms) to every column.
    pub fn apply(&mut self, narrowing: &Narrowing) {
        for (column, stage) in self.columns.iter_mut().zip(Stage::OPEN) {
            column.source.order = self.order;
            column.source.scope = LeadScope {
                stage: Some(stage),
                narrowing: narrowing.clone(),
                ..LeadScope::default()
            };
            column.reset();
        }
        self.filtered = None;
    }

    /// The order and filters in words, when they are not the plain board.
    pub fn caption(&self, language: crate::config::Language) -> Option<String> {
        let mut parts = Vec::new();
        if self.order != LeadOrder::Board {
            parts.push(order_label(self.order, language));
        }
        parts.extend(self.filters.words(language));
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    /// Focuses the column of `stage` with the selection on `id` (after a move).
    pub fn follow(&mut self, conn: &rusqlite::Connection, id: &str, stage: Stage) -> Result<()> {
        if let Some(i) = Stage::OPEN.iter().position(|s| *s == stage) {
            self.focus = i;
            self.columns[i].invalidate();
            self.columns[i].select(conn, id)?;
        }
        Ok(())
    }
}

/// The three columns side by side.
fn column_areas(area: Rect) -> std::rc::Rc<[Rect]> {
    Layout::horizontal([Constraint::Ratio(1, 3); 3])
        .spacing(1)
        .split(area)
}

/// A column's header and its cards.
fn column_layout(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Length(3), Constraint::Min(0)]).areas(area)
}

/// Reads the cards that fit each column. A filtered board's column heads count over the
/// leads: with `count` false that waits for a frame with no key pending (true is returned:
/// something is left to read), so the filtered cards show at once and their counts follow.
pub fn prepare(
    state: &mut BoardState,
    area: Rect,
    conn: &rusqlite::Connection,
    count: bool,
) -> Result<bool> {
    for (column, column_area) in state.columns.iter_mut().zip(column_areas(area).iter()) {
        let [_, cards] = column_layout(*column_area);
        column.prepare(conn, (cards.height / CARD_HEIGHT).max(1) as usize)?;
    }
    if !state.is_filtered() || state.filtered.is_some() {
        return Ok(false);
    }
    if !count {
        return Ok(true);
    }
    // Every column has the same filters; only the stage differs.
    let narrowing = &state.columns[0].source.scope.narrowing;
    let totals = crate::store::leads::narrowed_totals(conn, narrowing)?;
    state.filtered = Some(Stage::OPEN.iter().map(|s| totals[*s]).collect());
    Ok(false)
}

pub fn render(frame: &mut Frame<'_>, area: Rect, state: &BoardState, ctx: &Ctx<'_>) {
    let areas = column_areas(area);
    let caption = state.caption(ctx.language);
    let all = column_totals(ctx.totals);
    // A filtered board counts what its columns show, and says of how many; until that is
    // counted (the frame after the filter), its counts read `…`.
    let totals: Option<Vec<StageTotal>> = match &state.filtered {
        Some(shown) if state.is_filtered() => Some(shown.clone()),
        None if state.is_filtered() => None,
        _ => Some(all.clone()),
    };
    let counts: Vec<i64> = totals.iter().flatten().map(|t| t.count).collect();
    let shares = percent_shares(&counts);
    for (i, column_area) in areas.iter().enumerate() {
        let stage = Stage::OPEN[i];
        let total = totals
            .as_ref()
            .map(|t| t.get(i).copied().unwrap_or_default());
        let focused = i == state.focus;
        let column = Column {
            stage,
            total,
            share: shares.get(i).copied().unwrap_or(0),
            focused,
            caption: caption.as_deref(),
            of: state
                .is_filtered()
                .then(|| all.get(i).map_or(0, |t| t.count)),
        };
        render_column(frame, *column_area, &state.columns[i], &column, ctx);
    }
}

/// The stage totals of the open stages, in column order.
fn column_totals(totals: &[(Stage, StageTotal)]) -> Vec<StageTotal> {
    Stage::OPEN
        .iter()
        .map(|stage| {
            totals
                .iter()
                .find(|(s, _)| s == stage)
                .map(|(_, t)| *t)
                .unwrap_or_default()
        })
        .collect()
}

/// What the board says before there is any lead: how to start.
pub struct Welcome {
    /// The key that adds a lead (from the keymap).
    pub add_key: String,
    /// The command that imports business cards into this database.
    pub import: String,
    /// The name the app writes as the author of every change.
    pub name: String,
    /// `[user] name` is in the config.
    pub name_set: bool,
    /// Where the config is (`None` without a home directory).
    pub config_path: Option<String>,
}

/// The first-run board: add a lead, import cards, try the demo, set your name.
pub fn render_welcome(frame: &mut Frame<'_>, area: Rect, welcome: &Welcome, ctx: &Ctx<'_>) {
    let lang = ctx.language;
    let theme = ctx.theme;
    let w = (area.width as usize).saturating_sub(2);
    let config = welcome
        .config_path
        .clone()
        .unwrap_or_else(|| tr!(lang, "welcome-the-config"));
    let name = crate::model::text::display_safe(&welcome.name);
    let title = tr!(lang, "welcome-title");
    let add = tr!(lang, "welcome-add");
    let import = tr!(lang, "welcome-import");
    let demo = tr!(lang, "welcome-demo");
    let command = |text: &str| {
        Line::from(vec![
            Span::raw("      "),
            cut(text, w.saturating_sub(6), theme.accent()),
        ])
    };
    let said = |text: &str| {
        Line::from(vec![
            Span::raw("  "),
            cut(text, w.saturating_sub(2), theme.plain()),
        ])
    };
    let mut lines = vec![
        Line::from(cut(&title, w, theme.title())),
        Line::raw(""),
        Line::from(vec![
            Span::raw("  "),
            Span::styled(welcome.add_key.clone(), theme.accent()),
            Span::raw("  "),
            cut(
                &add,
                w.saturating_sub(4 + crate::model::text::width(&welcome.add_key)),
                theme.plain(),
            ),
        ]),
        Line::raw(""),
        said(&import),
        command(&welcome.import),
        Line::raw(""),
        said(&demo),
        command("leadtrack demo --db demo.db"),
        Line::raw(""),
    ];
    if welcome.name_set {
        lines.push(said(&tr!(
            lang,
            "welcome-name-set",
            name = name,
            config = config
        )));
    } else {
        lines.push(said(&tr!(
            lang,
            "welcome-set-name",
            name = name,
            config = config
        )));
        lines.push(command("[user]"));
        lines.push(command(&format!(
            "name = \"{}\"",
            tr!(lang, "welcome-example-name")
        )));
    }
    let inner = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(1),
        ..area
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Whole percents of `counts` that sum to 100 (largest remainder: each share rounded
/// down, then the points left go to the largest fractions), all 0 when nothing is counted.
pub fn percent_shares(counts: &[i64]) -> Vec<i64> {
    let total: i64 = counts.iter().map(|c| c.max(&0)).sum();
    if total == 0 {
        return vec![0; counts.len()];
    }
    let mut shares: Vec<i64> = counts.iter().map(|c| c.max(&0) * 100 / total).collect();
    let mut by_remainder: Vec<usize> = (0..counts.len()).collect();
    // Largest remainder first; ties to the earlier column, so the result is stable.
    by_remainder.sort_by_key(|&i| (std::cmp::Reverse(counts[i].max(0) * 100 % total), i));
    let left = 100 - shares.iter().sum::<i64>();
    for &i in by_remainder.iter().take(usize::try_from(left).unwrap_or(0)) {
        shares[i] += 1;
    }
    shares
}

/// What a column's header says.
struct Column<'a> {
    stage: Stage,
    /// `None` while a filtered column is not counted yet.
    total: Option<StageTotal>,
    /// Percent of the open leads, the columns' shares summing to 100.
    share: i64,
    focused: bool,
    caption: Option<&'a str>,
    /// With a filter on: the column's leads, of which `total` are shown.
    of: Option<i64>,
}

fn render_column(
    frame: &mut Frame<'_>,
    area: Rect,
    column: &Pager<LeadSource>,
    head: &Column<'_>,
    ctx: &Ctx<'_>,
) {
    let Column {
        stage,
        total,
        share,
        focused,
        caption,
        of,
    } = *head;
    let w = area.width as usize;
    let theme = ctx.theme;
    let head_style = if focused {
        theme.tab_active()
    } else {
        theme.title()
    };
    let header = vec![
        Line::from(cut(stage_label(stage, ctx.language), w, head_style)),
        Line::from(cut(
            &match total {
                Some(total) => format!(
                    "{} · {share}% · {}",
                    shown_count(total.count, of, ctx.language),
                    compact_amount(total.value, ctx.language)
                ),
                None => shown_count_pending(of, ctx.language),
            },
            w,
            theme.dim(),
        )),
        rule(
            w,
            caption,
            if focused { theme.accent() } else { theme.dim() },
        ),
    ];
    let [head, body] = column_layout(area);
    frame.render_widget(Paragraph::new(header), head);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let selected = column.selected_index();
    for (n, lead) in column.rows().enumerate() {
        let style = if focused && n == selected {
            theme.selected()
        } else {
            theme.plain()
        };
        for line in card(lead, w, ctx) {
            lines.push(pad_line(line, w).style(style));
        }
        lines.push(Line::raw(""));
    }
    if column.is_empty() {
        lines.push(Line::from(cut(
            &match (of.is_some(), focused) {
                (true, _) => tr!(ctx.language, "column-none-match"),
                (false, true) => tr!(ctx.language, "column-empty-add"),
                (false, false) => tr!(ctx.language, "column-empty"),
            },
            w,
            theme.dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), body);
}

/// A column's count: `5 of 18` (`18件中 5`) when a filter shows 5 of its 18 leads.
fn shown_count(count: i64, of: Option<i64>, language: crate::config::Language) -> String {
    match of {
        None => count.to_string(),
        Some(all) => tr!(language, "column-shown-of", shown = count, all = all),
    }
}

/// A filtered column's count before it is counted: `… of 18`.
fn shown_count_pending(of: Option<i64>, language: crate::config::Language) -> String {
    match of {
        None => "…".to_string(),
        Some(all) => tr!(language, "column-shown-of", shown = "…", all = all),
    }
}

/// The line under a column's header, with the order and filters in it when there are any.
fn rule(w: usize, caption: Option<&str>, style: ratatui::style::Style) -> Line<'static> {
    match caption {
        Some(c) if w > 8 => {
            let text = crate::model::text::truncate(
                &crate::model::text::display_safe(c),
                w.saturating_sub(6),
            );
            let used = crate::model::text::width(&text) + 4;
            Line::from(Span::styled(
                format!("── {text} {}", "─".repeat(w.saturating_sub(used))),
                style,
            ))
        }
        _ => Line::from(Span::styled("─".repeat(w), style)),
    }
}

/// A card: rank and title; company and main contact; next-action date, the stale mark,
/// value and owner. The company and the owner give way first.
fn card(lead: &Lead, w: usize, ctx: &Ctx<'_>) -> Vec<Line<'static>> {
    let theme = ctx.theme;
    let width = |spans: &[Span<'_>]| -> usize {
        spans
            .iter()
            .map(|s| crate::model::text::width(&s.content))
            .sum()
    };
    let rank = Span::styled(format!("{} ", lead.rank), theme.rank(lead.rank));
    let title = cut(&lead.title, w.saturating_sub(2), theme.title());

    let inner = w.saturating_sub(2);
    let company = lead.company.as_deref().unwrap_or("");
    let who = match lead.contacts.first() {
        // The person keeps up to half the line; the company gives way first.
        Some(c) => {
            let person = cut(&c.name, inner / 2, theme.plain());
            let sep = if company.is_empty() { "" } else { " · " };
            let room = inner.saturating_sub(
                width(std::slice::from_ref(&person)) + crate::model::text::width(sep),
            );
            let mut spans = vec![Span::raw("  ")];
            if !company.is_empty() {
                spans.push(cut(company, room, theme.dim()));
                spans.push(Span::styled(sep, theme.dim()));
            }
            spans.push(person);
            spans
        }
        None => vec![Span::raw("  "), cut(company, inner, theme.dim())],
    };

    let due = due_label(lead.next_action_on.as_ref(), ctx.today, ctx.language, theme);
    let stale = is_stale(
        lead.stage,
        lead.last_activity_at.as_ref(),
        &lead.created_at,
        ctx.stale,
        ctx.today,
    );
    let mut meta = vec![Span::raw("  "), due];
    if stale {
        meta.push(Span::styled(
            format!(" {}", tr!(ctx.language, "mark-stale")),
            theme.stale(),
        ));
    }
    if let Some(value) = lead.value {
        let amount = format!(" · {}", compact_amount(value, ctx.language));
        if width(&meta) + crate::model::text::width(&amount) <= w {
            meta.push(Span::styled(amount, theme.plain()));
        }
    }
    if let Some(owner) = lead.owner.as_deref() {
        let room = w.saturating_sub(width(&meta) + 3);
        // A name cut to `…` or one letter says nothing: shown when most of it fits.
        if room >= crate::model::text::width(owner).min(4) {
            meta.push(Span::raw(" · "));
            meta.push(cut(owner, room, theme.dim()));
        }
    }
    vec![
        Line::from(vec![rank, title]),
        Line::from(who),
        Line::from(meta),
    ]
}

#[cfg(test)]
mod tests {
    use super::percent_shares;

    #[test]
    fn shares_add_up_to_a_hundred() {
        // 12/71/32 of 115 rounds down to 10 · 61 · 27 (98).
        assert_eq!(percent_shares(&[12, 71, 32]), [10, 62, 28]);
        assert_eq!(percent_shares(&[1, 1, 1]), [34, 33, 33]);
        assert_eq!(percent_shares(&[0, 5, 0]), [0, 100, 0]);
        assert_eq!(percent_shares(&[0, 0, 0]), [0, 0, 0]);
        for counts in [[3, 7, 11], [1, 2, 997], [40, 40, 20], [13, 17, 19]] {
            assert_eq!(
                percent_shares(&counts).iter().sum::<i64>(),
                100,
                "{counts:?}"
            );
        }
    }
}
