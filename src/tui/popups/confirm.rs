//! A yes/no question before something that cannot be seen again without undo (a delete).

use super::clear;
use crate::keymap::{Action, Context, Keymap};
use crate::model::text::{display_safe, width};
use crate::tr;
use crate::tui::views::{Ctx, centered};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// What a confirm box is asking about.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    DeleteLead { id: String },
    DeleteContact { id: String },
    DeleteActivity { id: String },
    Unlink { lead_id: String, contact_id: String },
}

pub struct Confirm {
    pub message: String,
    pub pending: Pending,
}

/// The rep's answer to a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
    /// Any other key: the question stays.
    Undecided,
}

impl Confirm {
    pub fn on_key(&self, key: &KeyEvent, keymap: &Keymap) -> Answer {
        match keymap.action(Context::Confirm, key) {
            Some(Action::ConfirmYes) => Answer::Yes,
            Some(Action::ConfirmNo) => Answer::No,
            _ => Answer::Undecided,
        }
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, keymap: &Keymap, ctx: &Ctx<'_>) {
        let w = (width(&self.message) as u16 + 6).clamp(30, area.width);
        let rect = centered(area, w, 5);
        clear(frame, rect);
        let lang = ctx.language;
        let block = Block::bordered()
            .title(format!(" {} ", tr!(lang, "popup-confirm-title")))
            .border_style(ctx.theme.error());
        let text = vec![
            Line::raw(display_safe(&self.message)),
            Line::raw(""),
            Line::from(vec![
                Span::styled(keymap.label(Action::ConfirmYes), ctx.theme.accent()),
                Span::raw(format!(" {}   ", tr!(lang, "popup-confirm-yes"))),
                Span::styled(keymap.label(Action::ConfirmNo), ctx.theme.accent()),
                Span::raw(format!(" {}", tr!(lang, "popup-confirm-no"))),
            ]),
        ];
        frame.render_widget(Paragraph::new(text).block(block), rect);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::KeyList;
    use crossterm::event::{KeyCode, KeyModifiers};
    use std::collections::BTreeMap;

    fn question() -> Confirm {
        Confirm {
            message: "Delete lead X?".into(),
            pending: Pending::DeleteLead { id: "l1".into() },
        }
    }

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn y_and_n_answer_and_other_keys_wait() {
        let keymap = Keymap::new(&BTreeMap::new()).unwrap();
        let q = question();
        assert_eq!(q.on_key(&key('y'), &keymap), Answer::Yes);
        assert_eq!(q.on_key(&key('Y'), &keymap), Answer::Yes);
        assert_eq!(q.on_key(&key('n'), &keymap), Answer::No);
        assert_eq!(
            q.on_key(&KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), &keymap),
            Answer::No
        );
        assert_eq!(q.on_key(&key('x'), &keymap), Answer::Undecided);
    }

    #[test]
    fn rebound_keys_answer_instead() {
        let mut keys = BTreeMap::new();
        keys.insert("confirm_yes".to_string(), KeyList::One("j".into()));
        keys.insert("confirm_no".to_string(), KeyList::One("x".into()));
        let keymap = Keymap::new(&keys).unwrap();
        let q = question();
        assert_eq!(q.on_key(&key('j'), &keymap), Answer::Yes);
        assert_eq!(q.on_key(&key('x'), &keymap), Answer::No);
        assert_eq!(q.on_key(&key('y'), &keymap), Answer::Undecided);
    }
}
