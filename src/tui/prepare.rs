//! Before each frame: read what the visible screen needs — the counts of the tab and status
//! bars, the rows of the view that fit, the open lead, the stats, the search results — so
//! that drawing (`screen.rs`) runs no query. A failed read goes to the status line.

use super::app::{App, View};
use super::screen::Screen;
use super::views;
use crate::error::Result;
use chrono::NaiveDate;
use ratatui::layout::Rect;

/// The status line's follow-up counts: the rep's own, and the whole team's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DueCounts {
    /// My follow-ups past their date.
    pub overdue: i64,
    /// My follow-ups due today.
    pub today: i64,
    /// Everyone's follow-ups past their date, mine included.
    pub team_overdue: i64,
}

impl DueCounts {
    /// Counts the follow-ups of `me` (the owner the app files new leads under) and the team's.
    pub fn read(conn: &rusqlite::Connection, today: NaiveDate, me: &str) -> Result<DueCounts> {
        use crate::store::leads::due_before;
        let overdue = due_before(conn, today, Some(me))?;
        let until_tomorrow = today
            .succ_opt()
            .map_or(Ok(overdue), |tomorrow| due_before(conn, tomorrow, Some(me)))?;
        Ok(DueCounts {
            overdue,
            today: until_tomorrow - overdue,
            team_overdue: due_before(conn, today, None)?,
        })
    }

    /// Something of mine is late or due today: the day starts with the follow-ups.
    pub fn anything_due(&self) -> bool {
        self.overdue + self.today > 0
    }
}

impl App {
    /// Reads what a screen of `area` shows.
    pub fn prepare(&mut self, area: Rect) {
        let Some(screen) = Screen::of(area) else {
            self.too_small = true;
            return;
        };
        self.too_small = false;
        self.waiting = false;
        if let Err(e) = self.prepare_view(screen.body) {
            self.fail(&e);
        }
        self.idle = false;
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
            self.overdue = DueCounts::read(conn, self.today, &self.session.config.user_name())?;
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
            View::Board => {
                self.waiting = views::board::prepare(&mut self.board, body, conn, self.idle)?;
                Ok(())
            }
            View::FollowUps => {
                views::followups::prepare_follow_ups(&mut self.follow_ups, body, conn, self.today)
            }
            View::Customers => {
                views::followups::prepare(&mut self.customers, body, conn)?;
                views::followups::customer_values(&self.customers, &mut self.customer_values, conn)
            }
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
            View::Campaigns => {
                let ctx =
                    super::screen::ctx(&self.session.config, &self.theme, self.today, &self.totals);
                views::campaigns::prepare(&mut self.campaigns, body, &self.session.store, &ctx)
            }
        }
    }
}
