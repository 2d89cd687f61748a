//! What sits on top of a view, one file each: a popup has its own state, answers keys through
//! the keymap (`on_key(&KeyEvent, &Keymap)`, testable without a terminal) and draws from
//! that state alone. The app hands every key to the open popup first.
//!
//! A new popup: a file here with its state, `on_key` and `render`; a `Context` with its
//! actions in `src/keymap.rs` (and their keys in `assets/keymap.toml`); a variant of `Popup`.

pub mod confirm;
pub mod dedupe;
pub mod form;
pub mod help;
pub mod search;

use super::forms::Form;
use super::views::Ctx;
use crate::keymap::{Context, Keymap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Clear;

pub enum Popup {
    Form(Box<Form>),
    Confirm(confirm::Confirm),
    Help(help::Help),
    Search(Box<search::Search>),
    Dedupe(Box<dedupe::DedupeReview>),
}

impl Popup {
    /// Whose keys the hint bar shows while this popup is open.
    pub fn context(&self) -> Context {
        match self {
            Popup::Form(_) => Context::Form,
            Popup::Confirm(_) => Context::Confirm,
            Popup::Help(_) => Context::Help,
            Popup::Search(_) => Context::Search,
            Popup::Dedupe(_) => Context::Dedupe,
        }
    }

    /// Sizes what depends on the screen (help's scroll, how many search results fit).
    /// True when the search results must be read again for the new size.
    pub fn prepare(&mut self, area: Rect) -> bool {
        match self {
            Popup::Help(help) => {
                help.prepare(area);
                false
            }
            Popup::Search(search) => search.prepare(area),
            Popup::Form(_) | Popup::Confirm(_) | Popup::Dedupe(_) => false,
        }
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, keymap: &Keymap, ctx: &Ctx<'_>) {
        match self {
            Popup::Form(f) => form::render(frame, area, f, keymap, ctx),
            Popup::Confirm(c) => c.render(frame, area, keymap, ctx),
            Popup::Help(h) => h.render(frame, area, keymap, ctx),
            Popup::Search(s) => s.render(frame, area, ctx),
            Popup::Dedupe(d) => d.render(frame, area, keymap, ctx),
        }
    }
}

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
