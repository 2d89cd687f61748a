//! Before each frame: read what the visible screen needs — the counts of the tab and status
//! bars, the rows of the view that fit, the open lead, the stats, the search results — so
//! that drawing (`screen.rs`) runs no query. A failed read goes to the status line.

use super::app::{App, View};
use super::screen::Screen;
use super::views;
use crate::error::Result;
use ratatui::layout::Rect;

impl App {
    /// Reads what a screen of `area` shows.
    pub fn prepare(&mut self, area: Rect) {
        let Some(screen) = Screen::of(area) else {
            self.too_small = true;
            return;
        };
        self.too_small = false;
        if let Err(e) = self.prepare_view(screen.body) {
            self.fail(&e);
        }
        if let Some(popup) = &mut self.popup
            && popup.prepare(screen.body)
        {
            self.run_search();
        }
    }

    fn prepare_view(&mut self, body: Rect) -> Result<()> {
        let conn = self.session.store.conn();
        if self.counts_stale {
            self.totals = crate::store::leads::stage_totals(conn)?;
            self.overdue = crate::store::leads::due_before(conn, self.today, None)?;
            self.counts_stale = false;
        }
        if let Some(d) = &mut self.detail {
            let ctx =
                super::screen::ctx(&self.session.config, &self.theme, self.today, &self.totals);
            let read =
                views::detail::prepare(d, body, &self.session.store, &self.session.config, &ctx);
            if read.is_err() {
                // The lead is gone (deleted elsewhere) or unreadable: back to the view.
                self.detail = None;
            }
            return read;
        }
        match self.view {
            View::Board => views::board::prepare(&mut self.board, body, conn),
            View::FollowUps => {
                views::followups::prepare_follow_ups(&mut self.follow_ups, body, conn, self.today)
            }
            View::Customers => views::followups::prepare(&mut self.customers, body, conn),
            View::Contacts => views::contacts::prepare(
                &mut self.contacts,
                body,
                conn,
                self.session.config.ui.name_order,
            ),
            View::Activities => views::activities::prepare(&mut self.activities, body, conn),
            View::Stats => {
                if self.stats.is_none() {
                    let (since, until) = self.stats_period.range(self.today);
                    let mut stats = crate::features::stats::compute_period(
                        &self.session.store,
                        since,
                        until,
                        self.today,
                    )?;
                    stats.name = Some(self.stats_period.label());
                    self.stats = Some(stats);
                }
                if let Some(stats) = &self.stats {
                    let ctx = super::screen::ctx(
                        &self.session.config,
                        &self.theme,
                        self.today,
                        &self.totals,
                    );
                    let most = views::stats::max_scroll(stats, body, &ctx);
                    self.stats_scroll = self.stats_scroll.min(most);
                }
                Ok(())
            }
        }
    }
}
