//! The app's state and what each key does: `on_key` → `Outcome`, testable without a
//! terminal. The rest of the loop lives beside it: `prepare.rs` reads what the screen will
//! show, `screen.rs` draws it, `open.rs` opens the form or question a key asks for,
//! `save.rs` makes every change, `lists.rs` moves through lists and filters them, and each
//! popup answers its own keys (`popups/`).

pub use super::popups::Popup;
pub use super::views::View;

use super::forms::{self, Form, FormEvent};
use super::pager::Pager;
use super::popups::confirm::Answer;
use super::popups::dedupe::DedupeReview;
use super::popups::help::{Help, HelpOutcome};
use super::popups::search::SearchOutcome;
use super::theme::Theme;
use super::undo::UndoHistory;
use super::views::board::BoardState;
use super::views::contacts::ContactsState;
use super::views::detail::DetailState;
use super::views::{self, ActivitySource, LeadSource};
use crate::config::{Language, StartView};
use crate::error::{Error, Result};
use crate::features;
use crate::keymap::{Action, Context, Keymap};
use crate::model::{ActivityKind, Lead, Stage};
use crate::session::Session;
use crate::store::leads::StageTotal;
use crate::tr;
use chrono::NaiveDate;
use crossterm::event::{KeyEvent, KeyEventKind};

/// What the event loop does after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Continue,
    Quit,
    /// Suspend the screen and edit this text in `$EDITOR`; hand the result to
    /// `App::finish_external_edit`.
    ExternalEdit(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

pub struct App {
    pub session: Session,
    pub keymap: Keymap,
    pub theme: Theme,
    pub today: NaiveDate,
    pub view: View,
    pub detail: Option<DetailState>,
    pub board: BoardState,
    pub follow_ups: Pager<LeadSource>,
    pub customers: Pager<LeadSource>,
    /// What each customer on screen is worth, by lead id: read with the page.
    pub customer_values: std::collections::HashMap<String, crate::model::lead::CustomerValue>,
    pub contacts: ContactsState,
    pub activities: Pager<ActivitySource>,
    pub popup: Option<Popup>,
    pub status: Option<Status>,
    pub(super) undo: UndoHistory,
    data_version: i64,
    /// The tab bar's and status line's counts, read by `prepare` when stale.
    pub(super) totals: Vec<(Stage, StageTotal)>,
    pub(super) overdue: super::prepare::DueCounts,
    /// Where the config is read from (`--config`, else the platform file): the first-run
    /// board and the status line say where to set the rep's name.
    pub config_path: Option<std::path::PathBuf>,
    pub(super) counts_stale: bool,
    /// Filters of the follow-up and customer lists.
    pub list_filters: crate::features::lead_filter::LeadFilters,
    /// Team sync in the background, when there is a team file, and how its last round went.
    pub sync: Option<crate::sync::worker::SyncWorker>,
    pub sync_state: Option<crate::sync::worker::SyncEvent>,
    /// Sync rounds finished since the app opened.
    sync_rounds: usize,
    /// The Stats view's numbers, counted when it is shown and again after changes.
    pub stats: Option<crate::features::stats::Stats>,
    pub stats_scroll: u16,
    /// The period the Stats view counts over (a key cycles it).
    pub stats_period: views::stats::StatsPeriod,
    /// The Campaigns view: every campaign's figures, and the one opened.
    pub campaigns: views::campaigns::CampaignsState,
    /// The last search, whose results `Esc` returns to from the record it opened.
    pub last_search: Option<Box<super::popups::search::Search>>,
    /// The last frame was too small to show the app (`prepare` says): only quitting works.
    pub(super) too_small: bool,
    /// The last frame left slow reads (a filtered board's counts) for a frame with no key
    /// pending; `idle` lets the next frame do them.
    pub(super) waiting: bool,
    pub(super) idle: bool,
}

impl App {
    pub fn new(session: Session, today: NaiveDate) -> Result<App> {
        let keymap = Keymap::new(&session.config.keys).map_err(|e| Error::Said(e.said()))?;
        let theme = Theme::from_env(session.config.ui.theme);
        let data_version = session.store.data_version()?;
        session.store.checkpoint_when_idle()?;
        let overdue = super::prepare::DueCounts::read(
            session.store.conn(),
            today,
            &session.config.user_name(),
        )?;
        let view = match session.config.ui.start_view {
            StartView::Board => View::Board,
            StartView::Followups => View::FollowUps,
            StartView::Auto if overdue.anything_due() => View::FollowUps,
            StartView::Auto => View::Board,
        };
        let names = session.config.ui.name_order;
        Ok(App {
            session,
            keymap,
            theme,
            today,
            view,
            detail: None,
            board: BoardState::new(names),
            follow_ups: views::followups::follow_ups(names),
            customers: views::followups::customers(names),
            customer_values: std::collections::HashMap::new(),
            contacts: ContactsState::default(),
            activities: views::activities::timeline(),
            popup: None,
            status: None,
            undo: UndoHistory::default(),
            data_version,
            totals: Vec::new(),
            overdue,
            config_path: crate::config::default_config_path(),
            counts_stale: true,
            list_filters: Default::default(),
            stats: None,
            stats_scroll: 0,
            stats_period: Default::default(),
            campaigns: Default::default(),
            last_search: None,
            sync: None,
            sync_state: None,
            sync_rounds: 0,
            too_small: false,
            waiting: false,
            idle: false,
        })
    }

    pub(super) fn language(&self) -> Language {
        self.session.config.language
    }

    /// Where the user is, for the keymap and help.
    pub fn context(&self) -> Context {
        if self.detail.is_some() {
            Context::Detail
        } else {
            self.view.context()
        }
    }

    pub(super) fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    pub(super) fn fail(&mut self, error: &Error) {
        self.status = Some(Status {
            text: error.message(self.language()),
            error: true,
        });
    }

    /// The app changed the data: every view reads again, and the team hears of it.
    pub fn changed(&mut self) {
        self.refresh();
        if let Some(sync) = &self.sync {
            sync.changed();
        }
    }

    /// The data changed (here or elsewhere): every view reads again, keeping its selection.
    pub fn refresh(&mut self) {
        self.board.invalidate();
        self.follow_ups.invalidate();
        self.customers.invalidate();
        self.customer_values.clear();
        self.contacts.invalidate();
        self.activities.invalidate();
        if let Some(d) = &mut self.detail {
            d.invalidate();
        }
        self.counts_stale = true;
        self.stats = None;
        self.campaigns.invalidate();
        if let Ok(v) = self.session.store.data_version() {
            self.data_version = v;
        }
    }

    /// Called a few times a second: picks up changes other processes made (a script, a
    /// second window, team sync) and a new day.
    pub fn tick(&mut self, today: NaiveDate) {
        if today != self.today {
            self.today = today;
            self.refresh();
        }
        if let Some(sync) = &self.sync {
            for event in sync.events() {
                self.sync_state = Some(event);
                self.sync_rounds += 1;
            }
        }
        match self.session.store.data_version() {
            Ok(v) if v != self.data_version => {
                self.data_version = v;
                self.refresh();
            }
            Ok(_) => {}
            Err(e) => self.fail(&e),
        }
        // Idle: the saves since the last tick go from the log into the file now, not in
        // the middle of a keystroke (nothing to copy costs nothing).
        if let Err(e) = self.session.store.checkpoint() {
            self.fail(&e);
        }
    }

    /// Shares this database through `team` from now on (rounds run in the background).
    pub fn start_sync(&mut self, team: impl Into<crate::sync::Team>) {
        let team = team.into();
        let db = std::path::PathBuf::from(self.session.store.path());
        let worker = crate::sync::worker::SyncWorker::start(db, self.session.config.clone(), team);
        self.sync = Some(worker);
    }

    /// How many sync rounds have finished since the app opened.
    pub fn sync_rounds(&self) -> usize {
        self.sync_rounds
    }

    /// A last round before the app closes (waited for a few seconds at most).
    pub fn stop_sync(&mut self) {
        if let Some(worker) = self.sync.take() {
            worker.quit(std::time::Duration::from_secs(5));
        }
    }

    pub fn on_paste(&mut self, text: &str) {
        match &mut self.popup {
            Some(Popup::Form(form)) => {
                if let FormEvent::PickerQuery(q) = form.on_paste(text) {
                    self.find_contacts(&q);
                }
            }
            Some(Popup::Search(search)) => {
                if let SearchOutcome::QueryChanged = search.on_paste(text) {
                    self.run_search();
                }
            }
            _ => {}
        }
    }

    pub fn on_key(&mut self, key: KeyEvent) -> Outcome {
        if key.kind != KeyEventKind::Press {
            return Outcome::Continue;
        }
        if self.too_small {
            // Nothing is visible: a key must not change what the rep cannot see.
            return match self.keymap.action(self.context(), &key) {
                Some(Action::Quit) => Outcome::Quit,
                _ => Outcome::Continue,
            };
        }
        if let Some(popup) = self.popup.take() {
            return self.on_popup_key(popup, &key);
        }
        let Some(action) = self.keymap.action(self.context(), &key) else {
            return Outcome::Continue;
        };
        self.status = None;
        match self.act(action) {
            Ok(outcome) => outcome,
            Err(e) => {
                self.fail(&e);
                Outcome::Continue
            }
        }
    }

    fn act(&mut self, action: Action) -> Result<Outcome> {
        if View::shown_by(action).is_some()
            || matches!(
                action,
                Action::NextView | Action::PrevView | Action::Open | Action::Search
            )
        {
            // Going somewhere else: `Esc` no longer leads back to the search.
            self.last_search = None;
        }
        if let Some(view) = View::shown_by(action) {
            self.show(view);
            return Ok(Outcome::Continue);
        }
        match action {
            Action::Quit => return Ok(Outcome::Quit),
            Action::Help => self.popup = Some(Popup::Help(Help::new(self.context()))),
            Action::Search => self.popup = Some(Popup::Search(Box::default())),
            Action::NextView | Action::PrevView => {
                self.show(self.view.step(action == Action::NextView));
            }
            Action::Undo => self.undo()?,
            Action::Redo => self.redo()?,
            Action::Back => {
                if self.detail.is_none() && self.view == View::Campaigns {
                    self.campaigns.close();
                }
                self.detail = None;
                if let Some(search) = self.last_search.take() {
                    self.popup = Some(Popup::Search(search));
                    self.run_search();
                }
            }
            Action::Up
            | Action::Down
            | Action::Top
            | Action::Bottom
            | Action::PageUp
            | Action::PageDown => self.navigate(action)?,
            Action::Left => self.board.focus_by(-1),
            Action::Right => self.board.focus_by(1),
            Action::Open => self.open()?,
            Action::MoveLeft | Action::MoveRight => {
                if let Some(lead) = self.target_lead() {
                    let to = if action == Action::MoveLeft {
                        lead.stage.previous()
                    } else {
                        lead.stage.next()
                    };
                    match to {
                        Some(to) => self.move_lead(&lead, to)?,
                        None => {
                            let lang = self.language();
                            let stage = super::words::stage(lead.stage, lang);
                            self.say(tr!(lang, "said-last-stage", stage = stage));
                        }
                    }
                }
            }
            Action::Won => {
                if let Some(lead) = self.target_lead() {
                    if lead.stage == Stage::Customer {
                        self.say(tr!(self.language(), "said-already-customer"));
                    } else {
                        self.move_lead(&lead, Stage::Customer)?;
                    }
                }
            }
            Action::Delete => self.ask_delete(),
            Action::Add => self.add()?,
            Action::Edit => self.edit()?,
            Action::LogCall => self.log(Some(ActivityKind::Call))?,
            Action::LogMeeting => self.log(Some(ActivityKind::Meeting))?,
            Action::LogNote => self.log(Some(ActivityKind::Note))?,
            Action::LogActivity => self.log(None)?,
            Action::LinkContact => self.link(),
            Action::NextItem | Action::PrevItem => {
                if let Some(d) = &mut self.detail {
                    d.select_step(action == Action::NextItem);
                }
            }
            Action::ChangeRole => self.change_role()?,
            Action::ToggleScore => {
                if let Some(d) = &mut self.detail {
                    d.score_open = !d.score_open;
                }
            }
            Action::StatsPeriod => {
                self.stats_period = self.stats_period.next();
                self.stats = None;
                self.stats_scroll = 0;
            }
            Action::Sort => self.sort(),
            Action::StaleOnly => self.toggle_stale_only(),
            Action::OwnerFilter => self.next_owner_filter()?,
            Action::Filter => self.open_filter()?,
            Action::ClearFilters => self.clear_filters(),
            Action::Reschedule => {
                if let Some(lead) = self.target_lead() {
                    self.open_form(forms::lead::reschedule(&lead, self.language()));
                }
            }
            Action::Dedupe => {
                let pairs = features::cards::duplicates(&self.session.store, 500)?;
                if pairs.is_empty() {
                    self.say(tr!(self.language(), "said-no-duplicates"));
                } else {
                    self.popup = Some(Popup::Dedupe(Box::new(DedupeReview::new(pairs))));
                }
            }
            // Keys of forms and popups: they answer them themselves.
            _ => {}
        }
        Ok(Outcome::Continue)
    }

    /// The open popup answers the key; the app does what the answer asks.
    fn on_popup_key(&mut self, popup: Popup, key: &KeyEvent) -> Outcome {
        match popup {
            Popup::Help(mut help) => {
                if help.on_key(key, &self.keymap) == HelpOutcome::Stay {
                    self.popup = Some(Popup::Help(help));
                }
            }
            Popup::Confirm(confirm) => match confirm.on_key(key, &self.keymap) {
                Answer::Yes => {
                    if let Err(e) = self.delete(confirm.pending) {
                        self.fail(&e);
                    }
                }
                Answer::No => self.say(tr!(self.language(), "said-not-deleted")),
                Answer::Undecided => self.popup = Some(Popup::Confirm(confirm)),
            },
            Popup::Search(mut search) => match search.on_key(key, &self.keymap) {
                SearchOutcome::Stay => self.popup = Some(Popup::Search(search)),
                SearchOutcome::QueryChanged => {
                    self.popup = Some(Popup::Search(search));
                    self.run_search();
                }
                SearchOutcome::Close => {}
                SearchOutcome::Go(hit) => match self.jump(*hit) {
                    Ok(()) => self.last_search = Some(search),
                    Err(e) => self.fail(&e),
                },
            },
            Popup::Dedupe(review) => {
                let verdict = review.on_key(key, &self.keymap);
                self.review_pair(review, verdict);
            }
            Popup::Form(mut form) => match form.on_key(key, &self.keymap) {
                FormEvent::Nothing => self.popup = Some(Popup::Form(form)),
                FormEvent::Cancel => self.say(tr!(self.language(), "said-cancelled")),
                FormEvent::ExternalEdit(text) => {
                    self.popup = Some(Popup::Form(form));
                    return Outcome::ExternalEdit(text);
                }
                FormEvent::PickerQuery(q) => {
                    self.popup = Some(Popup::Form(form));
                    self.find_contacts(&q);
                }
                FormEvent::Submit => {
                    if !self.submit(&mut form) {
                        self.popup = Some(Popup::Form(form));
                    }
                }
            },
        }
        Outcome::Continue
    }

    /// The text back from `$EDITOR` (None when the editor failed: the field keeps its text).
    pub fn finish_external_edit(&mut self, text: Option<String>) {
        if let (Some(Popup::Form(form)), Some(text)) = (&mut self.popup, text) {
            form.finish_external(&text);
        }
    }

    /// The link picker's matches for what the rep typed.
    fn find_contacts(&mut self, query: &str) {
        let order = self.session.config.ui.name_order;
        let lang = self.language();
        if let Some(Popup::Form(form)) = &mut self.popup
            && let Err(e) = forms::link::find(form, &self.session.store, query, order)
        {
            form.error = Some(e.message(lang));
        }
    }

    pub(super) fn show(&mut self, view: View) {
        self.detail = None;
        self.campaigns.close();
        self.view = view;
    }

    pub(super) fn open_form(&mut self, form: Form) {
        self.popup = Some(Popup::Form(Box::new(form)));
    }

    /// Contacts in the Contacts view (without a lead open), leads everywhere else.
    pub(super) fn on_contacts(&self) -> bool {
        self.view == View::Contacts && self.detail.is_none()
    }

    /// The lead the keys act on: the open detail's, else the selected one of the view.
    /// The last frame left slow reads for a frame with no key pending.
    pub fn waiting_reads(&self) -> bool {
        self.waiting
    }

    /// The next frame may do the slow reads (no key is pending).
    pub fn allow_slow_reads(&mut self) {
        self.idle = true;
    }

    pub fn target_lead(&self) -> Option<Lead> {
        if let Some(d) = &self.detail {
            return d.detail.as_ref().map(|d| d.lead.clone());
        }
        match self.view {
            View::Board => self.board.selected().cloned(),
            View::FollowUps => self.follow_ups.selected().cloned(),
            View::Customers => self.customers.selected().cloned(),
            _ => None,
        }
    }

    pub fn open_detail(&mut self, lead_id: &str) {
        self.detail = Some(DetailState::new(lead_id));
    }

    /// Reads the search results for the query in the box.
    pub(super) fn run_search(&mut self) {
        let Some(Popup::Search(search)) = &mut self.popup else {
            return;
        };
        let query = search.query();
        match features::search::search(&self.session.store, &query, search.per_kind) {
            Ok(results) => search.set_results(results),
            Err(e) => self.fail(&e),
        }
    }
}
