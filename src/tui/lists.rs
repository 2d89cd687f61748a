//! Moving through the lists and filtering them: the selection keys of every view, the
//! board's order, and the owner and stale filters of the board and the lead lists.

use super::app::{App, View};
use crate::error::Result;
use crate::keymap::Action;
use crate::model::text::display_safe;
use crate::model::{Stage, StageMap};
use crate::store::leads::{LeadOrder, LeadScope};

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
        self.say(format!(
            "Sorted {}",
            super::views::board::order_label(self.board.order)
        ));
    }

    /// `S`: only stale leads, or all again.
    pub(super) fn toggle_stale_only(&mut self) {
        let on = if self.view == View::Board {
            self.board.stale_only = !self.board.stale_only;
            self.board.stale_only
        } else {
            self.list_stale_only = !self.list_stale_only;
            self.list_stale_only
        };
        self.apply_filters();
        self.say(if on {
            "Only stale leads"
        } else {
            "All leads, stale or not"
        });
    }

    /// `o`: everyone's leads → mine → each other rep's → everyone's.
    pub(super) fn next_owner_filter(&mut self) -> Result<()> {
        let owners = crate::store::leads::owners(self.session.store.conn())?;
        let me = self.session.config.user_name();
        let current = if self.view == View::Board {
            self.board.owner.clone()
        } else {
            self.list_owner.clone()
        };
        let next = next_owner(current.as_deref(), &me, &owners);
        self.say(match &next {
            None => "Everyone's leads".to_string(),
            Some(o) if *o == me => format!("My leads ({})", display_safe(o)),
            Some(o) => format!("{}'s leads", display_safe(o)),
        });
        if self.view == View::Board {
            self.board.owner = next;
        } else {
            self.list_owner = next;
        }
        self.apply_filters();
        Ok(())
    }

    /// The timestamps before which a lead of each stage is stale (no activity since).
    fn quiet_since(&self) -> StageMap<String> {
        let limits = &self.session.config.stages.stale_after_days;
        let cutoff = |stage: Stage| {
            let day = self.today - chrono::Duration::days(i64::from(limits.of(stage)));
            crate::model::dates::format_timestamp(&crate::model::dates::local_to_utc(
                day.and_time(chrono::NaiveTime::MIN),
            ))
        };
        Stage::ALL.map(cutoff)
    }

    /// Puts the board's and the lists' orders and filters into their sources.
    fn apply_filters(&mut self) {
        let quiet = self.quiet_since();
        self.board.apply(&quiet);
        let stale = self.list_stale_only.then(|| quiet.clone());
        for (pager, follow_ups, stage) in [
            (&mut self.follow_ups, true, None),
            (&mut self.customers, false, Some(Stage::Customer)),
        ] {
            pager.source.scope = LeadScope {
                stage,
                follow_ups,
                owner: self.list_owner.clone(),
                quiet_since: stale.clone(),
            };
            pager.reset();
        }
    }

    /// The lists' filters in words.
    pub fn list_caption(&self) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(o) = &self.list_owner {
            parts.push(o.clone());
        }
        if self.list_stale_only {
            parts.push("stale only".to_string());
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
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
