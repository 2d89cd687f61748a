//! The views of `1`–`7`, what each draws, and the list sources behind them. A view has a
//! `prepare` that reads what fits its area (through the store's query functions, never SQL
//! of its own) and a `render` that draws from its state alone.
//!
//! A new view: a variant of `View` below (its label, its keymap `Context` and the action
//! that shows it), its file here with `prepare` and `render`, and its arms in
//! `tui/screen.rs` (drawing) and `tui/prepare.rs` (reading).

pub mod activities;
pub mod board;
pub mod campaigns;
pub mod contacts;
pub mod detail;
pub mod followups;
pub mod stats;

use super::pager::Source;
use super::theme::Theme;
use crate::config::Language;
use crate::error::Result;
use crate::followups::{Bucket, bucket};
use crate::keymap::{Action, Context};
use crate::model::contact::NameOrder;
use crate::model::text::{display_safe, fit, truncate, width};
use crate::model::{Contact, Due, Lead};
use crate::store::leads::{LeadOrder, LeadScope};
use crate::store::paging::{Key, Page};
use crate::tr;
use chrono::NaiveDate;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use rusqlite::Connection;

/// The views of the tab bar, in their order (`1`–`7`, tab and shift-tab cycle).
///
/// A new view is a variant here with its label, keymap context and the action that shows
/// it (below; the action's id and key go in `keymap.rs` and `assets/keymap.toml`), and its
/// file in this folder with `prepare` and `render`. The compiler then names the remaining
/// arms: reading (`tui/prepare.rs`), drawing (`tui/screen.rs`) and moving (`tui/lists.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray)]
pub enum View {
    Board,
    FollowUps,
    Contacts,
    Activities,
    Customers,
    Stats,
    Campaigns,
}

impl View {
    pub const ALL: &[View] = <View as strum::VariantArray>::VARIANTS;

    pub fn label(self, language: Language) -> String {
        match self {
            View::Board => tr!(language, "view-board"),
            View::FollowUps => tr!(language, "view-followups"),
            View::Contacts => tr!(language, "view-contacts"),
            View::Activities => tr!(language, "view-activities"),
            View::Customers => tr!(language, "view-customers"),
            View::Stats => tr!(language, "view-stats"),
            View::Campaigns => tr!(language, "view-campaigns"),
        }
    }

    /// Whose keys apply while the view is shown.
    pub fn context(self) -> Context {
        match self {
            View::Board => Context::Board,
            View::FollowUps | View::Customers => Context::LeadList,
            View::Contacts => Context::Contacts,
            View::Activities => Context::Activities,
            View::Stats => Context::Stats,
            View::Campaigns => Context::Campaigns,
        }
    }

    /// The action that shows this view.
    pub fn action(self) -> Action {
        match self {
            View::Board => Action::ViewBoard,
            View::FollowUps => Action::ViewFollowUps,
            View::Contacts => Action::ViewContacts,
            View::Activities => Action::ViewActivities,
            View::Customers => Action::ViewCustomers,
            View::Stats => Action::ViewStats,
            View::Campaigns => Action::ViewCampaigns,
        }
    }

    /// The view an action shows, if it is one of the view keys.
    pub fn shown_by(action: Action) -> Option<View> {
        View::ALL.iter().copied().find(|v| v.action() == action)
    }

    /// The next view (`forward`) or the previous one, going round.
    pub fn step(self, forward: bool) -> View {
        let n = View::ALL.len();
        let i = View::ALL.iter().position(|v| *v == self).unwrap_or(0);
        View::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

/// A table: a header row and the rows under it.
pub fn table_layout(area: Rect) -> [Rect; 2] {
    ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Length(1),
        ratatui::layout::Constraint::Min(0),
    ])
    .areas(area)
}

/// Leads in a scope and order: a board column, the follow-ups, the customers.
pub struct LeadSource {
    pub scope: LeadScope,
    pub order: LeadOrder,
    /// How a card names the lead's main contact (`[ui] name_order`).
    pub name_order: NameOrder,
}

impl Source for LeadSource {
    type Item = Lead;
    fn fetch(&self, conn: &Connection, page: &Page<'_>) -> Result<Vec<(Key, Lead)>> {
        crate::store::leads::page(conn, &self.scope, self.order, self.name_order, page)
    }
    fn key_of(&self, conn: &Connection, id: &str) -> Result<Option<Key>> {
        crate::store::leads::key_of(conn, id, &self.scope, self.order)
    }
    fn id(item: &Lead) -> &str {
        &item.id
    }
}

/// Contacts in reading order.
pub struct ContactSource;

impl Source for ContactSource {
    type Item = Contact;
    fn fetch(&self, conn: &Connection, page: &Page<'_>) -> Result<Vec<(Key, Contact)>> {
        crate::store::contacts::page(conn, page)
    }
    fn key_of(&self, conn: &Connection, id: &str) -> Result<Option<Key>> {
        crate::store::contacts::key_of(conn, id)
    }
    fn id(item: &Contact) -> &str {
        &item.id
    }
}

/// The timeline across leads, newest first, with each activity's lead title.
pub struct ActivitySource;

impl Source for ActivitySource {
    type Item = crate::store::activities::WithLead;
    fn fetch(&self, conn: &Connection, page: &Page<'_>) -> Result<Vec<(Key, Self::Item)>> {
        crate::store::activities::page(conn, page)
    }
    fn key_of(&self, conn: &Connection, id: &str) -> Result<Option<Key>> {
        crate::store::activities::key_of(conn, id)
    }
    fn id(item: &Self::Item) -> &str {
        &item.0.id
    }
}

/// A next-action date as a card shows it, with its bucket's style.
pub fn due_label(
    due: Option<&Due>,
    today: NaiveDate,
    language: Language,
    theme: &Theme,
) -> Span<'static> {
    let b = bucket(due, today);
    let text = match (due, b) {
        (None, _) => tr!(language, "due-none"),
        (Some(_), Bucket::Today) => tr!(language, "due-today"),
        (Some(d), Bucket::Overdue) => tr!(
            language,
            "due-late",
            date = short_date(d.date, language),
            days = (today - d.date).num_days()
        ),
        (Some(d), _) if (d.date - today).num_days() == 1 => tr!(language, "due-tomorrow"),
        (Some(d), _) => short_date(d.date, language),
    };
    let text = match due.and_then(|d| d.time) {
        Some(t) => format!("{text} {}", t.format("%H:%M")),
        None => text,
    };
    Span::styled(text, theme.bucket(b))
}

/// A date as a person reads it in a list: `12/03` in English, `12/3(木)` in Japanese.
pub fn short_date(date: chrono::NaiveDate, language: Language) -> String {
    use chrono::Datelike;
    match language {
        Language::En => date.format("%m/%d").to_string(),
        Language::Ja => {
            let day = crate::model::dates::weekday_ja(date);
            format!("{}/{}({day})", date.month(), date.day())
        }
    }
}

pub use crate::model::format::compact_amount;

/// A safe, fitted span of data text.
pub fn cell(text: &str, cells: usize, style: Style) -> Span<'static> {
    Span::styled(fit(&display_safe(text), cells), style)
}

/// A safe span cut to at most `cells`.
pub fn cut(text: &str, cells: usize, style: Style) -> Span<'static> {
    Span::styled(truncate(&display_safe(text), cells), style)
}

/// A line of `spans` cut to `cells`: span `give_way` (a label, a summary) is cut first, with
/// `…`, so the numbers, dates and names around it stay whole; only when those alone are too
/// wide is the line cut at its end, again with `…`.
pub fn squeeze(mut spans: Vec<Span<'static>>, give_way: usize, cells: usize) -> Line<'static> {
    let total: usize = spans.iter().map(|s| width(&s.content)).sum();
    if total <= cells {
        return Line::from(spans);
    }
    let others = total - spans.get(give_way).map_or(0, |s| width(&s.content));
    if let Some(span) = spans.get_mut(give_way)
        && others < cells
    {
        span.content = truncate(&span.content, cells - others).into();
        return Line::from(spans);
    }
    if let Some(span) = spans.get_mut(give_way) {
        span.content = "".into();
    }
    let mut used = 0;
    let mut out = Vec::new();
    for mut span in spans {
        let w = width(&span.content);
        if used + w > cells {
            span.content = truncate(&span.content, cells - used).into();
            out.push(span);
            break;
        }
        used += w;
        out.push(span);
    }
    Line::from(out)
}

/// Pads a line with spaces to `cells` (so a selected row is highlighted across).
pub fn pad_line(mut line: Line<'static>, cells: usize) -> Line<'static> {
    let used: usize = line.spans.iter().map(|s| width(&s.content)).sum();
    if used < cells {
        line.spans.push(Span::raw(" ".repeat(cells - used)));
    }
    line
}

/// A rectangle of `w`×`h` centred in `area` (clipped to it).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

// The names every face shares, by the names the views use.
pub use crate::i18n::labels::{
    bucket as bucket_label, kind_id as kind_label, kind_with_direction, role as role_label,
    source as source_label, stage as stage_label,
};

/// Local date and time of a timestamp, as lists show it.
pub fn when(t: &chrono::DateTime<chrono::Utc>, date_format: &str) -> String {
    use std::fmt::Write;
    let local = t.with_timezone(&chrono::Local);
    let mut out = String::new();
    // The config check refuses a format chrono cannot write; should one get through,
    // `format!` would panic where `write!` reports it, and the date is shown in ISO form.
    if write!(
        out,
        "{} {}",
        local.format(date_format),
        local.format("%H:%M")
    )
    .is_err()
    {
        out = local.format("%Y-%m-%d %H:%M").to_string();
    }
    out
}

/// What every view needs to draw besides its own state: the settings of the screen.
pub struct Ctx<'a> {
    pub theme: &'a Theme,
    pub today: NaiveDate,
    pub language: Language,
    pub stale: &'a crate::config::StaleAfterDays,
    pub totals: &'a [(crate::model::Stage, crate::store::leads::StageTotal)],
    pub date_format: &'a str,
    pub name_order: NameOrder,
}

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// What a screen smaller than `MIN_WIDTH`×`MIN_HEIGHT` shows instead of the app.
pub fn too_small(frame: &mut ratatui::Frame<'_>, area: Rect, language: Language) {
    let size = |w: u16, h: u16| format!("{w}×{h}");
    let text = vec![
        Line::raw(tr!(language, "too-small")),
        Line::raw(tr!(
            language,
            "too-small-needs",
            size = size(area.width, area.height),
            needs = size(MIN_WIDTH, MIN_HEIGHT)
        )),
        Line::raw(tr!(language, "too-small-what-to-do")),
    ];
    let box_area = centered(area, 44.min(area.width), 3.min(area.height));
    frame.render_widget(
        ratatui::widgets::Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }),
        box_area,
    );
}
