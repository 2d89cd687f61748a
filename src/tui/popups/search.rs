//! `/`: one box that finds leads, contacts and activities as the rep types.

use crate::features::search::SearchResults;
use crate::keymap::{Action, Context, Keymap};
use crate::model::text::display_safe;
use crate::model::text::fit;
use crate::model::{Activity, Contact, Lead};
use crate::tr;
use crate::tui::views::{Ctx, pad_line, when};
use crate::tui::words;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui_textarea::TextArea;

/// One search result.
#[derive(Debug, Clone)]
pub enum Hit {
    Lead(Lead),
    Contact(Contact),
    /// An activity and the title of its lead (None: on no lead).
    Activity(Activity, Option<String>),
}

pub struct Search {
    pub input: TextArea<'static>,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// How many of each kind fit on screen (set by `prepare`).
    pub per_kind: usize,
}

/// What a key in the search box asks of the app.
#[derive(Debug, Clone)]
pub enum SearchOutcome {
    Stay,
    /// The query changed: search again.
    QueryChanged,
    Close,
    Go(Box<Hit>),
}

impl Default for Search {
    fn default() -> Self {
        Search {
            input: TextArea::default(),
            hits: Vec::new(),
            selected: 0,
            per_kind: 5,
        }
    }
}

impl Search {
    pub fn query(&self) -> String {
        self.input.lines().join(" ")
    }

    pub fn set_results(&mut self, results: SearchResults) {
        let titles = results.lead_titles;
        let activity = |a: Activity| {
            let title = a.lead_id.as_ref().and_then(|id| titles.get(id)).cloned();
            Hit::Activity(a, title)
        };
        self.hits = results
            .leads
            .into_iter()
            .map(Hit::Lead)
            .chain(results.contacts.into_iter().map(Hit::Contact))
            .chain(results.activities.into_iter().map(activity))
            .collect();
        self.selected = self.selected.min(self.hits.len().saturating_sub(1));
    }

    /// Keys of the keymap move, go and close; every other key edits the query.
    pub fn on_key(&mut self, key: &KeyEvent, keymap: &Keymap) -> SearchOutcome {
        match keymap.action(Context::Search, key) {
            Some(Action::SearchClose) => SearchOutcome::Close,
            Some(Action::Open) => match self.hits.get(self.selected) {
                Some(hit) => SearchOutcome::Go(Box::new(hit.clone())),
                None => SearchOutcome::Close,
            },
            Some(Action::SearchNext) => {
                self.selected = (self.selected + 1).min(self.hits.len().saturating_sub(1));
                SearchOutcome::Stay
            }
            Some(Action::SearchPrevious) => {
                self.selected = self.selected.saturating_sub(1);
                SearchOutcome::Stay
            }
            _ => {
                let before = self.query();
                self.input.input(*key);
                self.edited(before)
            }
        }
    }

    pub fn on_paste(&mut self, text: &str) -> SearchOutcome {
        let before = self.query();
        self.input.insert_str(display_safe(text));
        self.edited(before)
    }

    fn edited(&mut self, before: String) -> SearchOutcome {
        if self.query() == before {
            return SearchOutcome::Stay;
        }
        self.selected = 0;
        SearchOutcome::QueryChanged
    }

    fn areas(area: Rect) -> [Rect; 3] {
        Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(area)
    }

    /// How many results of each kind the screen has room for. True when that changed and
    /// the results should be read again.
    pub fn prepare(&mut self, area: Rect) -> bool {
        let [_, _, body] = Self::areas(area);
        let per_kind = (body.height as usize / 3).max(1);
        let changed = per_kind != self.per_kind;
        self.per_kind = per_kind;
        changed
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, ctx: &Ctx<'_>) {
        frame.render_widget(Clear, area);
        let [input_area, _, body] = Self::areas(area);
        let [prompt, field] =
            Layout::horizontal([Constraint::Length(2), Constraint::Min(0)]).areas(input_area);
        frame.render_widget(
            Paragraph::new(Span::styled("/ ", ctx.theme.accent())),
            prompt,
        );
        frame.render_widget(&self.input, field);
        let cursor = self.input.screen_cursor();
        frame.set_cursor_position(Position::new(field.x + cursor.col as u16, field.y));
        let w = area.width as usize;
        let mut lines: Vec<Line<'static>> = Vec::new();
        for (i, hit) in self.hits.iter().enumerate() {
            let style = if i == self.selected {
                ctx.theme.selected()
            } else {
                ctx.theme.plain()
            };
            lines.push(pad_line(hit_line(hit, w, ctx), w).style(style));
        }
        if self.hits.is_empty() {
            let hint = if self.query().trim().is_empty() {
                tr!(ctx.language, "popup-search-hint")
            } else {
                tr!(ctx.language, "popup-search-nothing")
            };
            lines.push(Line::from(Span::styled(hint, ctx.theme.dim())));
        }
        frame.render_widget(Paragraph::new(lines), body);
    }
}

/// The cells of a result's kind column.
const KIND_CELLS: usize = 9;

/// The widths of the columns after the kind in a line `w` cells wide: what was found (a
/// title, a name, a summary), where it belongs (company, lead), and a detail (stage,
/// reading, date).
fn columns(w: usize) -> (usize, usize, usize) {
    let rest = w.saturating_sub(KIND_CELLS);
    let first = rest * 2 / 5;
    let second = rest * 7 / 20;
    (first, second, rest.saturating_sub(first + second))
}

/// A result's line: its kind, then three columns that line up across kinds.
fn hit_line(hit: &Hit, w: usize, ctx: &Ctx<'_>) -> Line<'static> {
    let (first_w, second_w, third_w) = columns(w);
    // Each column keeps a space before the next.
    let cell = |text: &str, cells: usize, style| {
        Span::styled(
            fit(&display_safe(text), cells.saturating_sub(1)) + " ",
            style,
        )
    };
    let kind = |label: &str, style| cell(label, KIND_CELLS, style);
    let lang = ctx.language;
    match hit {
        Hit::Lead(l) => Line::from(vec![
            kind(&tr!(lang, "popup-search-lead"), ctx.theme.accent()),
            cell(
                &format!("{} {}", l.rank, l.title),
                first_w,
                ctx.theme.title(),
            ),
            cell(
                l.company.as_deref().unwrap_or(""),
                second_w,
                ctx.theme.plain(),
            ),
            cell(words::stage(l.stage, lang), third_w, ctx.theme.dim()),
        ]),
        Hit::Contact(c) => Line::from(vec![
            kind(&tr!(lang, "popup-search-contact"), ctx.theme.accent()),
            cell(&c.name(ctx.name_order), first_w, ctx.theme.title()),
            cell(
                c.company.as_deref().unwrap_or(""),
                second_w,
                ctx.theme.plain(),
            ),
            cell(&c.reading().unwrap_or_default(), third_w, ctx.theme.dim()),
        ]),
        Hit::Activity(a, lead) => Line::from(vec![
            kind(words::kind(a.kind, lang), ctx.theme.accent()),
            cell(&a.summary, first_w, ctx.theme.plain()),
            cell(lead.as_deref().unwrap_or("—"), second_w, ctx.theme.title()),
            cell(
                &when(&a.occurred_at, ctx.date_format),
                third_w,
                ctx.theme.dim(),
            ),
        ]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::KeyList;
    use crossterm::event::{KeyCode, KeyModifiers};
    use std::collections::BTreeMap;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn two_hits() -> Vec<Hit> {
        let contact = |id: &str| {
            Hit::Contact(Contact {
                id: id.into(),
                ..Contact::default()
            })
        };
        vec![contact("a"), contact("b")]
    }

    #[test]
    fn typing_edits_the_query_and_keys_move_and_go() {
        let keymap = Keymap::new(&BTreeMap::new()).unwrap();
        let mut s = Search::default();
        assert!(matches!(
            s.on_key(&key(KeyCode::Char('j')), &keymap),
            SearchOutcome::QueryChanged
        ));
        assert_eq!(s.query(), "j", "j types, it does not move");
        s.hits = two_hits();
        assert!(matches!(
            s.on_key(&key(KeyCode::Down), &keymap),
            SearchOutcome::Stay
        ));
        assert_eq!(s.selected, 1);
        s.on_key(&key(KeyCode::Tab), &keymap);
        assert_eq!(s.selected, 1, "stops at the last result");
        match s.on_key(&key(KeyCode::Enter), &keymap) {
            SearchOutcome::Go(hit) => match *hit {
                Hit::Contact(c) => assert_eq!(c.id, "b"),
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            s.on_key(&key(KeyCode::Esc), &keymap),
            SearchOutcome::Close
        ));
    }

    #[test]
    fn rebound_keys_move_and_close() {
        let mut keys = BTreeMap::new();
        keys.insert("search_next".to_string(), KeyList::One("ctrl-j".into()));
        keys.insert("search_close".to_string(), KeyList::One("ctrl-g".into()));
        let keymap = Keymap::new(&keys).unwrap();
        let mut s = Search {
            hits: two_hits(),
            ..Search::default()
        };
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        s.on_key(&ctrl('j'), &keymap);
        assert_eq!(s.selected, 1);
        assert!(matches!(
            s.on_key(&ctrl('g'), &keymap),
            SearchOutcome::Close
        ));
        // Esc is no longer bound to closing: the box stays.
        assert!(!matches!(
            s.on_key(&key(KeyCode::Esc), &keymap),
            SearchOutcome::Close
        ));
    }
}
