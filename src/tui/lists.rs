//! Moving through the lists and filtering them: the selection keys of every view, the
//! board's order, and the owner and stale filters of the board and the lead lists.

use super::app::{App, View};
use crate::error::Result;
use crate::features::lead_filter::LeadFilters;
use crate::keymap::Action;
use crate::model::Stage;
use crate::model::text::display_safe;
use crate::store::leads::{LeadOrder, LeadScope};
use crate::tr;

impl App {
    /// Up, down, page, first and last: in the open lead they scroll, in lists they select.
    pub(super) fn navigate(&mut self, action: Action) -> Result<()> {
        if let Some(d) = &mut self.detail {
            let page = i32::from(d.page.max(2)) - 1;
            match action {
                Action::Up => d.scroll_by(-1),
                Action::Down => d.scroll_by(1),
                Action::PageUp => d.scroll_by(-page),
                Action::PageDown => d.scroll_by(page),
                Action::Top => d.scroll = 0,
                Action::Bottom => d.scroll_by(i32::from(u16::MAX)),
                _ => {}
            }
            return Ok(());
        }
        let conn = self.session.store.conn();
        macro_rules! go {
            ($pager:expr) => {
                match action {
                    Action::Up => $pager.up(conn),
                    Action::Down => $pager.down(conn),
                    Action::PageUp => $pager.page_up(conn),
                    Action::PageDown => $pager.page_down(conn),
                    Action::Top => $pager.top(conn),
                    Action::Bottom => $pager.bottom(conn),
                    _ => Ok(()),
                }
            };
        }
        match self.view {
            View::Board => go!(self.board.column()),
            View::FollowUps => go!(self.follow_ups),
            View::Customers => go!(self.customers),
            View::Contacts => go!(self.contacts.list),
            View::Activities => go!(self.activities),
            View::Stats => {
                // `prepare` keeps it within the numbers on screen.
                self.stats_scroll = match action {
                    Action::Up => self.stats_scroll.saturating_sub(1),
                    Action::Down => self.stats_scroll.saturating_add(1),
                    Action::PageUp => self.stats_scroll.saturating_sub(10),
                    Action::PageDown => self.stats_scroll.saturating_add(10),
                    Action::Top => 0,
                    _ => u16::MAX,
                };
                Ok(())
            }
            View::Campaigns => {
                self.campaigns.navigate(action);
                Ok(())
            }
        }
    }

    /// `s`: the board by rank, next-action date, value, longest quiet.
    pub(super) fn sort(&mut self) {
        self.board.order = match self.board.order {
            LeadOrder::Board => LeadOrder::Due,
            LeadOrder::Due => LeadOrder::Value,
            LeadOrder::Value => LeadOrder::Quiet,
            LeadOrder::Quiet => LeadOrder::Board,
        };
        self.apply_filters();
        let lang = self.language();
        self.say(match self.board.order {
            LeadOrder::Board => tr!(lang, "said-sorted-by-rank"),
            LeadOrder::Due => tr!(lang, "said-sorted-by-next-action"),
            LeadOrder::Value => tr!(lang, "said-sorted-by-value"),
            LeadOrder::Quiet => tr!(lang, "said-sorted-longest-quiet-first"),
        });
    }

    /// The filters of what is on screen: the board's, or the lead lists'.
    fn filters_mut(&mut self) -> &mut LeadFilters {
        if self.view == View::Board {
            &mut self.board.filters
        } else {
            &mut self.list_filters
        }
    }

    /// `S`: only stale leads, or all again.
    pub(super) fn toggle_stale_only(&mut self) {
        let filters = self.filters_mut();
        filters.stale = !filters.stale;
        let on = filters.stale;
        self.apply_filters();
        self.say(if on {
            tr!(self.language(), "said-only-stale")
        } else {
            tr!(self.language(), "said-stale-or-not")
        });
    }

    /// `o`: everyone's leads → mine → each other rep's → everyone's.
    pub(super) fn next_owner_filter(&mut self) -> Result<()> {
        let owners = crate::store::leads::owners(self.session.store.conn())?;
        let me = self.session.config.user_name();
        let filters = self.filters_mut();
        let next = next_owner(filters.owner.as_deref(), &me, &owners);
        filters.owner = next.clone();
        let lang = self.language();
        self.say(match &next {
            None => tr!(lang, "said-everyones-leads"),
            Some(o) if *o == me => tr!(lang, "said-my-leads", name = display_safe(o)),
            Some(o) => tr!(lang, "said-their-leads", name = display_safe(o)),
        });
        self.apply_filters();
        Ok(())
    }

    /// `f`: the filter form, filled with the filters on now.
    pub(super) fn open_filter(&mut self) -> Result<()> {
        let owners = crate::store::leads::owners(self.session.store.conn())?;
        let board = self.view == View::Board;
        let filters = if board {
            &self.board.filters
        } else {
            &self.list_filters
        };
        let form = super::forms::filter::form(&self.session.config, filters, &owners, board);
        self.open_form(form);
        Ok(())
    }

    /// The filter form's answer: these filters on the board (or the lists) from now.
    pub(super) fn set_filters(&mut self, board: bool, filters: LeadFilters) {
        if board {
            self.board.filters = filters;
        } else {
            self.list_filters = filters;
        }
        self.apply_filters();
        let words = self.filter_words(board);
        let lang = self.language();
        self.say(match words {
            Some(words) => tr!(
                lang,
                "said-filtered",
                filters = words,
                key = self.clear_key()
            ),
            None => tr!(lang, "said-no-filters"),
        });
    }

    /// `F`: every filter off at once (the order stays).
    pub(super) fn clear_filters(&mut self) {
        let filters = self.filters_mut();
        if filters.is_empty() {
            self.say(tr!(self.language(), "said-no-filters-to-clear"));
            return;
        }
        *filters = LeadFilters::default();
        self.apply_filters();
        self.say(tr!(self.language(), "said-filters-cleared"));
    }

    fn clear_key(&self) -> String {
        self.keymap.first_key(Action::ClearFilters)
    }

    /// Puts the board's and the lists' orders and filters into their sources.
    fn apply_filters(&mut self) {
        let config = &self.session.config;
        let limits = &config.stages.stale_after_days;
        let board = self.board.filters.narrowing(self.today, limits);
        self.board.apply(&board);
        let lists = self.list_filters.narrowing(self.today, limits);
        for (pager, follow_ups, stage) in [
            (&mut self.follow_ups, true, None),
            (&mut self.customers, false, Some(Stage::Customer)),
        ] {
            pager.source.scope = LeadScope {
                stage,
                follow_ups,
                narrowing: lists.clone(),
            };
            pager.reset();
        }
    }

    /// The board's (or the lists') filters in words, `None` without any.
    fn filter_words(&self, board: bool) -> Option<String> {
        let filters = if board {
            &self.board.filters
        } else {
            &self.list_filters
        };
        let words = filters.words(self.language());
        (!words.is_empty()).then(|| words.join(" · "))
    }

    /// The lists' filters in words.
    pub fn list_caption(&self) -> Option<String> {
        self.filter_words(false)
    }
}

/// The owner filter after `current`: everyone → me → each other rep → everyone.
fn next_owner(current: Option<&str>, me: &str, owners: &[String]) -> Option<String> {
    let mut cycle: Vec<&str> = vec![me];
    cycle.extend(owners.iter().map(String::as_str).filter(|o| *o != me));
    match current {
        None => Some(me.to_string()),
        Some(c) => cycle
            .iter()
            .position(|o| *o == c)
            .and_then(|i| cycle.get(i + 1))
            .map(|o| o.to_string()),
    }
}
