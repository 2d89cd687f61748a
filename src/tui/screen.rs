//! Drawing the whole screen from state alone: the tab bar, the view or the open lead, the
//! popup on top, the hint bar and the status line. Nothing here reads the database;
//! `prepare.rs` has read what is shown.

use super::app::{App, View};
use super::theme::Theme;
use super::views::{self, Ctx, MIN_HEIGHT, MIN_WIDTH};
use crate::config::Config;
use crate::keymap::Action;
use crate::model::Stage;
use crate::model::text::{display_safe, width};
use crate::store::leads::StageTotal;
use crate::tr;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::path::Path;

/// Where each part of the screen goes.
pub struct Screen {
    pub tabs: Rect,
    /// The view, under a blank line.
    pub body: Rect,
    pub hints: Rect,
    pub status: Rect,
}

impl Screen {
    /// The parts of a screen of `area`; `None` when it is too small for the app.
    pub fn of(area: Rect) -> Option<Screen> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let [tabs, body, hints, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let body = Rect {
            y: body.y + 1,
            height: body.height.saturating_sub(1),
            ..body
        };
        Some(Screen {
            tabs,
            body,
            hints,
            status,
        })
    }
}

/// The settings every view draws with.
pub fn ctx<'a>(
    config: &'a Config,
    theme: &'a Theme,
    today: NaiveDate,
    totals: &'a [(Stage, StageTotal)],
) -> Ctx<'a> {
    Ctx {
        theme,
        today,
        language: config.language,
        stale: &config.stages.stale_after_days,
        totals,
        date_format: &config.ui.date_format,
        name_order: config.ui.name_order,
    }
}

impl App {
    /// Draws the whole screen (after `prepare`).
    pub fn render(&self, frame: &mut Frame<'_>) {
        let Some(screen) = Screen::of(frame.area()) else {
            views::too_small(frame, frame.area(), self.language());
            return;
        };
        let ctx = ctx(&self.session.config, &self.theme, self.today, &self.totals);
        let body = screen.body;
        self.render_tabs(frame, screen.tabs);
        match (&self.detail, self.view) {
            (Some(d), _) => views::detail::render(frame, body, d, &ctx),
            (None, View::Board) if self.first_run() => {
                views::board::render_welcome(frame, body, &self.welcome(), &ctx)
            }
            (None, View::Board) => views::board::render(frame, body, &self.board, &ctx),
            (None, View::FollowUps) => {
                views::followups::render_follow_ups(frame, body, &self.follow_ups, &ctx)
            }
            (None, View::Customers) => views::followups::render_customers(
                frame,
                body,
                (&self.customers, &self.customer_values),
                &ctx,
            ),
            (None, View::Contacts) => views::contacts::render(frame, body, &self.contacts, &ctx),
            (None, View::Activities) => {
                views::activities::render(frame, body, &self.activities, &ctx)
            }
            (None, View::Stats) => {
                views::stats::render(frame, body, self.stats.as_ref(), self.stats_scroll, &ctx)
            }
            (None, View::Campaigns) => {
                views::campaigns::render(frame, body, &self.campaigns, &self.command(), &ctx)
            }
        }
        if let (None, View::FollowUps | View::Customers) = (&self.detail, self.view)
            && let Some(caption) = self.list_caption()
        {
            let text = format!(" [{}] ", display_safe(&caption));
            let w = (width(&text) as u16).min(body.width);
            let r = Rect {
                x: body.x + body.width - w,
                y: body.y,
                width: w,
                height: 1,
            };
            frame.render_widget(Paragraph::new(Span::styled(text, self.theme.accent())), r);
        }
        if let Some(popup) = &self.popup {
            popup.render(frame, body, &self.keymap, &ctx);
        }
        self.render_hints(frame, screen.hints);
        self.render_status(frame, screen.status);
    }

    fn render_tabs(&self, frame: &mut Frame<'_>, area: Rect) {
        let lang = self.language();
        let tabs: Vec<String> = View::ALL
            .iter()
            .enumerate()
            .map(|(i, view)| format!("{} {}", i + 1, view.label(lang)))
            .collect();
        let help = tr!(lang, "tab-help", key = self.keymap.label(Action::Help));
        // Every view's number and name stay whole: on a narrow screen the tabs are one
        // space apart, then the help is offered by its key alone.
        let fits = |gap: usize, help: &str| {
            tabs.iter().map(|t| width(t) + gap).sum::<usize>() + width(help)
                <= usize::from(area.width)
        };
        let (gap, help) = if fits(2, &help) {
            (2, help)
        } else if fits(1, &help) {
            (1, help)
        } else {
            (1, self.keymap.label(Action::Help))
        };
        let mut spans = Vec::new();
        for (tab, view) in tabs.into_iter().zip(View::ALL) {
            let style = if *view == self.view && self.detail.is_none() {
                self.theme.tab_active()
            } else {
                self.theme.plain()
            };
            spans.push(Span::styled(tab, style));
            spans.push(Span::raw(" ".repeat(gap)));
        }
        let w = width(&help) as u16;
        if let Some(d) = self.detail.as_ref().and_then(|d| d.detail.as_ref()) {
            let used: usize = spans.iter().map(|s| width(&s.content)).sum();
            let room = (area.width as usize).saturating_sub(used + w as usize + 3);
            if room >= 6 {
                spans.push(Span::styled("› ", self.theme.dim()));
                spans.push(views::cut(&d.lead.title, room, self.theme.tab_active()));
            }
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        if area.width > w {
            let r = Rect {
                x: area.x + area.width - w,
                width: w,
                ..area
            };
            frame.render_widget(Paragraph::new(Span::styled(help, self.theme.dim())), r);
        }
    }

    /// The keys of whatever has the keys now: the popup on top, else the view.
    fn render_hints(&self, frame: &mut Frame<'_>, area: Rect) {
        let context = match &self.popup {
            Some(popup) => popup.context(),
            None => self.context(),
        };
        let mut spans = Vec::new();
        let mut used = 0;
        for (keys, word_id) in self.keymap.hints(context) {
            let word = crate::i18n::message(self.language(), word_id, None);
            // A hint that does not fit whole is left out, never cut.
            let hint = width(&keys) + width(&word) + 1;
            if used + hint > usize::from(area.width) {
                break;
            }
            used += hint + 2;
            spans.push(Span::styled(keys, self.theme.accent()));
            spans.push(Span::styled(format!(" {word}  "), self.theme.dim()));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    /// No lead at all, in any stage: the board says how to start.
    fn first_run(&self) -> bool {
        self.totals.iter().all(|(_, t)| t.count == 0)
    }

    /// What the first-run board says, from the keymap, the config and the open database.
    fn welcome(&self) -> views::board::Welcome {
        let import = format!("{} import cards FILE", self.command());
        views::board::Welcome {
            add_key: self.keymap.label(Action::Add),
            import,
            name: self.session.store.author().name.clone(),
            name_set: self.name_is_set(),
            config_path: self.config_path.as_deref().map(shown_path),
        }
    }

    /// How a command reaches the open database: `leadtrack`, or `leadtrack --db PATH` when
    /// a bare command would reach another one (the one the config names, else the default).
    fn command(&self) -> String {
        let here = self.session.store.path();
        let default = crate::session::database_path(None, &self.session.config).ok();
        if here == ":memory:" || default.as_deref() == Some(Path::new(here)) {
            "leadtrack".to_string()
        } else {
            format!("leadtrack --db {}", shell_word(here))
        }
    }

    /// `[user] name` is in the config (else the login name, or "me", is used).
    /// Whether the rep's name is settled: set in the config, or the team server's role
    /// (which `[user] name` does not change).
    fn name_is_set(&self) -> bool {
        let config = &self.session.config;
        let name = config.user.name.as_deref();
        name.is_some_and(|n| !n.trim().is_empty()) || config.team.server.is_some()
    }

    /// `3 overdue (mine) · 8 team`: my follow-ups, then the team's when they differ.
    fn due_spans(&self) -> Vec<Span<'static>> {
        use crate::followups::Bucket;
        let due = self.overdue;
        let lang = self.language();
        let mine = match due.today {
            0 => tr!(lang, "status-overdue-mine", overdue = due.overdue),
            t => tr!(
                lang,
                "status-overdue-today-mine",
                overdue = due.overdue,
                today = t
            ),
        };
        let mine = format!("· {mine} ");
        let style = if due.overdue > 0 {
            self.theme.bucket(Bucket::Overdue)
        } else if due.today > 0 {
            self.theme.bucket(Bucket::Today)
        } else {
            self.theme.dim()
        };
        let mut spans = vec![Span::styled(mine, style)];
        if due.team_overdue != due.overdue {
            let team = format!(
                "· {} ",
                tr!(lang, "status-team-overdue", count = due.team_overdue)
            );
            spans.push(Span::styled(team, self.theme.dim()));
        }
        spans
    }

    fn render_status(&self, frame: &mut Frame<'_>, area: Rect) {
        let store = &self.session.store;
        let path = shorten_home(store.path());
        let mut spans = vec![
            Span::styled(format!(" {} ", display_safe(&path)), self.theme.selected()),
            Span::raw(format!(" {} ", display_safe(&store.author().name))),
        ];
        if store.is_team_file() {
            let said = tr!(self.language(), "status-team-file-read-only");
            spans.push(Span::styled(format!("{said} "), self.theme.dim()));
        }
        let mut tail = self.due_spans();
        use crate::sync::worker::SyncEvent;
        match (&self.sync, &self.sync_state) {
            (Some(_), None) => tail.push(Span::styled(
                format!("· {} ", tr!(self.language(), "status-syncing")),
                self.theme.dim(),
            )),
            (_, Some(SyncEvent::Synced { at, warning, .. })) => {
                let at = at.format("%H:%M").to_string();
                let synced = tr!(self.language(), "status-synced", at = at);
                match warning {
                    Some(warning) => tail.push(views::cut(
                        &format!("· {synced} · {} ", display_safe(warning)),
                        (area.width as usize) / 2,
                        self.theme.error(),
                    )),
                    None => tail.push(Span::styled(format!("· {synced} "), self.theme.dim())),
                }
            }
            (_, Some(SyncEvent::Failed { at, problem })) => {
                let text = format!("· {} ({}) ", display_safe(problem), at.format("%H:%M"));
                tail.push(views::cut(
                    &text,
                    (area.width as usize) / 2,
                    self.theme.error(),
                ));
            }
            (None, None) => {}
        }
        // Until the config names the rep, say which name is used and where to set it; a
        // message, when there is one, has the room instead.
        if !self.name_is_set() && self.status.is_none() {
            let used: usize = spans.iter().chain(&tail).map(|s| width(&s.content)).sum();
            let room = (area.width as usize).saturating_sub(used + 1);
            if room >= 12 {
                let hint = name_hint(self.language(), self.config_path.as_deref());
                spans.push(views::cut(&hint, room, self.theme.dim()));
                spans.push(Span::raw(" "));
            }
        }
        let head = spans.len();
        spans.extend(tail);
        if let Some(status) = &self.status {
            let style = if status.error {
                self.theme.error()
            } else {
                self.theme.ok()
            };
            let room = |spans: &[Span<'_>]| {
                let used: usize = spans.iter().map(|s| width(&s.content)).sum();
                (area.width as usize).saturating_sub(used + 3)
            };
            // The message answers what the rep just did: on a narrow screen it takes the
            // room of the due counts and the sync state, then of the file's path.
            let wanted = width(&status.text).min(MESSAGE_ROOM);
            if room(&spans) < wanted {
                spans.truncate(head);
            }
            if room(&spans) < wanted && !spans.is_empty() {
                spans.remove(0);
            }
            let room = room(&spans);
            spans.push(Span::raw("· "));
            spans.push(views::cut(&status.text, room, style));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }
}

/// The room a message in the status line is given before anything else there, in columns.
const MESSAGE_ROOM: usize = 48;

/// `(set [user] name in ~/.config/leadtrack/config.toml)`, after the name the app uses.
fn name_hint(language: crate::config::Language, config: Option<&Path>) -> String {
    match config {
        Some(p) => tr!(language, "status-set-name-in", path = shown_path(p)),
        None => tr!(language, "status-set-name"),
    }
}

/// A path as the screen shows it: printable, the home directory as `~`.
fn shown_path(path: &Path) -> String {
    display_safe(&shorten_home(&path.to_string_lossy()))
}

/// A path a shell reads as one word: quoted when it holds anything but plain characters.
fn shell_word(path: &str) -> String {
    let plain = |c: char| c.is_alphanumeric() || "/._-+:@".contains(c);
    if path.chars().all(plain) {
        display_safe(path)
    } else {
        format!("'{}'", display_safe(&path.replace('\'', r"'\''")))
    }
}

/// `/home/me/x.db` → `~/x.db`.
fn shorten_home(path: &str) -> String {
    match std::env::var("HOME") {
        Ok(home) if !home.is_empty() && path.starts_with(&home) => {
            format!("~{}", &path[home.len()..])
        }
        _ => path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::demo::{self, DemoSize};
    use crate::session::Session;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use rusqlite::trace::{TraceEvent, TraceEventCodes};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Every view, the open lead and each popup: once prepared, drawing the frame runs no
    /// statement on the database (SQLite's own trace counts them).
    #[test]
    fn drawing_a_frame_runs_no_query() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut session = Session::in_memory(Config::default()).unwrap();
        let size = DemoSize {
            leads: 40,
            contacts: 60,
            activities: 200,
            seed: 3,
        };
        demo::generate_on(&mut session.store, &session.config, size, today).unwrap();
        let seminar = crate::model::campaign::CampaignPatch {
            name: Some("秋の設備セミナー".into()),
            cost: Some(Some(300_000)),
            ..Default::default()
        };
        crate::features::campaigns::add(&mut session.store, &seminar).unwrap();
        let mut app = App::new(session, today).unwrap();
        let statements = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&statements);
        app.session
            .store
            .conn_mut()
            .trace_v2(
                TraceEventCodes::SQLITE_TRACE_STMT,
                Some(move |_: TraceEvent<'_>| {
                    seen.fetch_add(1, Ordering::SeqCst);
                }),
            )
            .unwrap();
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let tour = [
            None,
            Some(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
            Some(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
            Some(key('2')),
            Some(key('3')),
            Some(key('4')),
            Some(key('5')),
            Some(key('6')),
            Some(key('7')),
            Some(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
            Some(key('?')),
            Some(key('j')),
            Some(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
            Some(key('/')),
            Some(key('s')),
            Some(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
            Some(key('1')),
            Some(key('d')),
        ];
        let mut drawn = 0;
        for step in tour {
            if let Some(k) = step {
                app.on_key(k);
            }
            let size = terminal.size().unwrap();
            app.prepare(Rect::new(0, 0, size.width, size.height));
            let before = statements.load(Ordering::SeqCst);
            terminal.draw(|frame| app.render(frame)).unwrap();
            assert_eq!(
                statements.load(Ordering::SeqCst),
                before,
                "drawing after {step:?} ran a query (view {:?}, popup open: {})",
                app.view,
                app.popup.is_some()
            );
            drawn += 1;
        }
        assert!(
            statements.load(Ordering::SeqCst) > 0,
            "the trace counts the statements prepare runs"
        );
        assert_eq!(drawn, 18);
    }
}
