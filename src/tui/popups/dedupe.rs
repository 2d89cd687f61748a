//! `D` in Contacts: probable duplicate contacts side by side, one pair at a time; the rep
//! merges or skips each.

use super::clear;
use crate::features::cards::Duplicate;
use crate::keymap::{Action, Context, Keymap};
use crate::model::Contact;
use crate::model::text::{display_safe, fit};
use crate::store::contacts::MatchReason;
use crate::tr;
use crate::tui::views::{Ctx, centered};
use crate::tui::words::value_list;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

pub struct DedupeReview {
    pub pairs: Vec<Duplicate>,
    pub index: usize,
    pub merged: usize,
    pub skipped: usize,
}

/// What a key asks about the pair on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Merge,
    Skip,
    Stop,
    /// A key of no meaning here.
    Undecided,
}

impl DedupeReview {
    pub fn new(pairs: Vec<Duplicate>) -> DedupeReview {
        DedupeReview {
            pairs,
            index: 0,
            merged: 0,
            skipped: 0,
        }
    }

    pub fn on_key(&self, key: &KeyEvent, keymap: &Keymap) -> Verdict {
        match keymap.action(Context::Dedupe, key) {
            Some(Action::MergePair) => Verdict::Merge,
            Some(Action::SkipPair) => Verdict::Skip,
            Some(Action::StopReview) => Verdict::Stop,
            _ => Verdict::Undecided,
        }
    }

    pub fn current(&self) -> Option<&Duplicate> {
        self.pairs.get(self.index)
    }

    /// On to the next pair whose two contacts both still exist (`live`): a pair whose
    /// contact was merged away already is no longer a question. False when none is left.
    pub fn advance(&mut self, live: impl Fn(&str) -> bool) -> bool {
        self.index += 1;
        while let Some(pair) = self.pairs.get(self.index) {
            if live(&pair.keep.id) && live(&pair.merge.id) {
                return true;
            }
            self.index += 1;
        }
        false
    }

    /// The pair side by side: the fields where the two cards differ are marked, and the
    /// keys say what happens.
    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, keymap: &Keymap, ctx: &Ctx<'_>) {
        let Some(pair) = self.current() else {
            return;
        };
        let w = 100.min(area.width);
        let rect = centered(area, w, area.height.min(24));
        clear(frame, rect);
        let lang = ctx.language;
        let title = format!(
            " {} ",
            tr!(
                lang,
                "popup-dedupe-title",
                at = self.index + 1,
                of = self.pairs.len(),
                reason = crate::i18n::message(lang, reason_id(pair.reason), None)
            )
        );
        let block = Block::bordered()
            .title(title)
            .border_style(ctx.theme.accent());
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let label_w = 12usize;
        let col_w = (inner.width as usize).saturating_sub(label_w + 2) / 2;
        let mut lines = vec![Line::from(vec![
            Span::raw(fit("", label_w + 1)),
            Span::styled(
                fit(&tr!(lang, "popup-dedupe-stays"), col_w),
                ctx.theme.title(),
            ),
            Span::raw(" "),
            Span::styled(
                fit(&tr!(lang, "popup-dedupe-merged-into-it"), col_w),
                ctx.theme.title(),
            ),
        ])];
        for (label, left, right) in rows(&pair.keep, &pair.merge, ctx) {
            if left.is_none() && right.is_none() {
                continue;
            }
            let differs = left.is_some() && right.is_some() && left != right;
            let style = if differs {
                ctx.theme.bucket(crate::followups::Bucket::NoNextAction)
            } else {
                ctx.theme.plain()
            };
            let value = |v: &Option<String>| fit(&display_safe(v.as_deref().unwrap_or("—")), col_w);
            let label = crate::i18n::message(lang, label, None);
            lines.push(Line::from(vec![
                Span::styled(fit(&label, label_w + 1), ctx.theme.field_label()),
                Span::styled(value(&left), style),
                Span::raw(" "),
                Span::styled(value(&right), style),
            ]));
        }
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            tr!(lang, "popup-dedupe-rule"),
            ctx.theme.dim(),
        )));
        lines.push(Line::from(vec![
            Span::styled(keymap.first_key(Action::MergePair), ctx.theme.accent()),
            Span::raw(format!(" {}   ", tr!(lang, "popup-dedupe-merge"))),
            Span::styled(keymap.first_key(Action::SkipPair), ctx.theme.accent()),
            Span::raw(format!(" {}   ", tr!(lang, "popup-dedupe-skip"))),
            Span::styled(keymap.first_key(Action::StopReview), ctx.theme.accent()),
            Span::raw(format!(" {}", tr!(lang, "popup-dedupe-stop"))),
        ]));
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

/// Why two cards are taken for one person, as the title says it.
fn reason_id(reason: MatchReason) -> &'static str {
    match reason {
        MatchReason::SameId => "popup-dedupe-same-id",
        MatchReason::SameUid => "popup-dedupe-same-uid",
        MatchReason::SameCard => "popup-dedupe-same-card",
        MatchReason::SameEmail => "popup-dedupe-same-email",
        MatchReason::SameMobile => "popup-dedupe-same-mobile",
        MatchReason::SameNameAndCompany => "popup-dedupe-same-name-and-company",
        MatchReason::SameName => "popup-dedupe-same-name",
    }
}

/// A row: the catalog id of its label, and the two cards' values.
type Row = (&'static str, Option<String>, Option<String>);

/// The fields compared, each with the two cards' values.
fn rows(a: &Contact, b: &Contact, ctx: &Ctx<'_>) -> Vec<Row> {
    let name = |c: &Contact| c.name(ctx.name_order);
    let date = |c: &Contact| c.exchanged_on.map(|d| d.to_string());
    let all = |list: &[crate::model::contact::ContactValue]| {
        (!list.is_empty())
            .then(|| value_list(list, crate::model::contact::ValueKind::Work, ctx.language))
    };
    vec![
        ("popup-dedupe-name", Some(name(a)), Some(name(b))),
        ("popup-dedupe-reading", a.reading(), b.reading()),
        ("form-contact-company", a.company.clone(), b.company.clone()),
        (
            "form-contact-department",
            a.department.clone(),
            b.department.clone(),
        ),
        ("form-contact-title", a.title.clone(), b.title.clone()),
        ("form-contact-email", all(&a.emails), all(&b.emails)),
        ("popup-dedupe-numbers", all(&a.phones), all(&b.phones)),
        ("form-contact-address", a.address.clone(), b.address.clone()),
        ("form-contact-exchanged-on", date(a), date(b)),
        (
            "form-contact-exchanged-at",
            a.exchanged_at.clone(),
            b.exchanged_at.clone(),
        ),
    ]
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
    fn keys_give_verdicts_and_rebinding_moves_them() {
        let review = DedupeReview::new(Vec::new());
        let keymap = Keymap::new(&BTreeMap::new()).unwrap();
        assert_eq!(
            review.on_key(&key(KeyCode::Char('m')), &keymap),
            Verdict::Merge
        );
        assert_eq!(review.on_key(&key(KeyCode::Enter), &keymap), Verdict::Merge);
        assert_eq!(
            review.on_key(&key(KeyCode::Char(' ')), &keymap),
            Verdict::Skip
        );
        assert_eq!(
            review.on_key(&key(KeyCode::Char('q')), &keymap),
            Verdict::Stop
        );
        assert_eq!(
            review.on_key(&key(KeyCode::Char('x')), &keymap),
            Verdict::Undecided
        );

        let mut keys = BTreeMap::new();
        keys.insert("merge_pair".to_string(), KeyList::One("y".into()));
        let keymap = Keymap::new(&keys).unwrap();
        assert_eq!(
            review.on_key(&key(KeyCode::Char('y')), &keymap),
            Verdict::Merge
        );
        assert_eq!(
            review.on_key(&key(KeyCode::Char('m')), &keymap),
            Verdict::Undecided
        );
    }
}
