//! `?`: every key of the view the rep is in, from the live keymap; long lists scroll.

use super::clear;
use crate::keymap::{Action, Context, Keymap};
use crate::model::text::{fit, truncate, truncate_words, width};
use crate::tr;
use crate::tui::views::{Ctx, centered};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

pub struct Help {
    /// The view whose keys are listed.
    pub context: Context,
    pub scroll: u16,
    /// How far it can scroll on the screen it was last prepared for.
    max_scroll: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpOutcome {
    Stay,
    Close,
}

/// Lines the help box holds besides one per action: a blank and the config note.
const FOOTER_LINES: u16 = 2;

impl Help {
    pub fn new(context: Context) -> Help {
        Help {
            context,
            scroll: 0,
            max_scroll: u16::MAX,
        }
    }

    /// Scroll keys scroll; every other key closes.
    pub fn on_key(&mut self, key: &KeyEvent, keymap: &Keymap) -> HelpOutcome {
        let scroll = match keymap.action(Context::Help, key) {
            Some(Action::Down) => self.scroll.saturating_add(1),
            Some(Action::Up) => self.scroll.saturating_sub(1),
            Some(Action::PageDown) => self.scroll.saturating_add(10),
            Some(Action::PageUp) => self.scroll.saturating_sub(10),
            _ => return HelpOutcome::Close,
        };
        self.scroll = scroll.min(self.max_scroll);
        HelpOutcome::Stay
    }

    fn total_lines(&self) -> u16 {
        self.context.actions().len() as u16 + FOOTER_LINES
    }

    fn height(&self, area: Rect) -> u16 {
        (self.total_lines() + 2).min(area.height)
    }

    pub fn prepare(&mut self, area: Rect) {
        let visible = self.height(area).saturating_sub(2);
        self.max_scroll = self.total_lines().saturating_sub(visible);
        self.scroll = self.scroll.min(self.max_scroll);
    }

    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, keymap: &Keymap, ctx: &Ctx<'_>) {
        let actions = self.context.actions();
        let key_w = actions
            .iter()
            .map(|a| width(&keymap.label(*a)))
            .max()
            .unwrap_or(4)
            .max(4);
        let desc_w = actions
            .iter()
            .map(|a| width(&keymap.description(*a, ctx.language)))
            .max()
            .unwrap_or(0);
        // The box grows to show every description whole when the screen allows.
        let box_w = (key_w + 2 + desc_w + 2).clamp(64, area.width as usize);
        let inner = box_w.saturating_sub(2);
        let mut lines: Vec<Line<'static>> = actions
            .iter()
            .map(|a| {
                key_line(
                    &keymap.label(*a),
                    &keymap.first_key(*a),
                    &keymap.description(*a, ctx.language),
                    key_w,
                    inner,
                    ctx,
                )
            })
            .collect();
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            tr!(ctx.language, "help-rebind"),
            ctx.theme.dim(),
        )));
        let h = self.height(area);
        let visible = h.saturating_sub(2);
        let rect = centered(area, u16::try_from(box_w).unwrap_or(area.width), h);
        clear(frame, rect);
        let lang = ctx.language;
        let more = if self.total_lines() > visible {
            format!(
                " {} ·",
                tr!(
                    lang,
                    "help-scroll",
                    down = keymap.first_key(Action::Down),
                    up = keymap.first_key(Action::Up)
                )
            )
        } else {
            String::new()
        };
        let place = crate::i18n::message(lang, self.context.message_id(), None);
        let block = Block::bordered()
            .title(format!(" {} ", tr!(lang, "help-title", place = place)))
            .title_bottom(format!(
                "{more} {} ",
                tr!(lang, "help-closes", key = keymap.first_key(Action::Cancel))
            ))
            .border_style(ctx.theme.accent());
        frame.render_widget(
            Paragraph::new(lines).block(block).scroll((self.scroll, 0)),
            rect,
        );
    }
}

/// One key and what it does in `inner` cells. The keys give way first (down to the first
/// key alone, then cut), so the description stays whole; a description still too long is
/// cut between words, with `…`.
fn key_line(
    keys: &str,
    first_key: &str,
    description: &str,
    key_w: usize,
    inner: usize,
    ctx: &Ctx<'_>,
) -> Line<'static> {
    let room = inner.saturating_sub(width(description) + 2).min(key_w);
    let keys = if width(keys) <= room {
        keys.to_string()
    } else if width(first_key) <= room {
        first_key.to_string()
    } else {
        truncate(first_key, room.max(4))
    };
    let key_cells = room.max(width(&keys));
    let description = truncate_words(description, inner.saturating_sub(key_cells + 2));
    Line::from(vec![
        Span::styled(fit(&keys, key_cells + 2), ctx.theme.accent()),
        Span::raw(description),
    ])
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

    #[test]
    fn scrolls_within_the_list_and_closes_on_other_keys() {
        let keymap = Keymap::new(&BTreeMap::new()).unwrap();
        let mut help = Help::new(Context::Board);
        help.prepare(Rect::new(0, 0, 80, 20));
        assert_eq!(
            help.on_key(&key(KeyCode::Char('j')), &keymap),
            HelpOutcome::Stay
        );
        assert_eq!(help.scroll, 1);
        for _ in 0..100 {
            help.on_key(&key(KeyCode::Down), &keymap);
        }
        let most = help.total_lines() - (20 - 2);
        assert_eq!(help.scroll, most, "stops at the end");
        assert_eq!(
            help.on_key(&key(KeyCode::PageUp), &keymap),
            HelpOutcome::Stay
        );
        assert_eq!(help.scroll, most - 10);
        assert_eq!(help.on_key(&key(KeyCode::Esc), &keymap), HelpOutcome::Close);
        assert_eq!(
            help.on_key(&key(KeyCode::Char('x')), &keymap),
            HelpOutcome::Close
        );
    }

    #[test]
    fn scrolls_with_rebound_keys() {
        let mut keys = BTreeMap::new();
        keys.insert("down".to_string(), KeyList::One("ctrl-j".into()));
        let keymap = Keymap::new(&keys).unwrap();
        let mut help = Help::new(Context::Board);
        help.prepare(Rect::new(0, 0, 80, 20));
        let ctrl_j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL);
        assert_eq!(help.on_key(&ctrl_j, &keymap), HelpOutcome::Stay);
        assert_eq!(help.scroll, 1);
        assert_eq!(
            help.on_key(&key(KeyCode::Char('j')), &keymap),
            HelpOutcome::Close
        );
    }
}
