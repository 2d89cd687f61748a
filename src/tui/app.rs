//! The app: state, what each key does (`on_key` → `Outcome`, testable without a terminal),
//! and drawing (`render`).

use super::forms::{self, Form, FormEvent, FormKind};
use super::pager::Pager;
use super::theme::Theme;
use super::undo::{UndoStep, inverse_contact_patch, inverse_lead_patch};
use super::views::board::BoardState;
use super::views::contacts::ContactsState;
use super::views::detail::DetailState;
use super::views::overlays::{self, Hit, MIN_HEIGHT, MIN_WIDTH, SearchState};
use super::views::{self, ActivitySource, Ctx, LeadSource};
use crate::config::Language;
use crate::error::{Error, Result};
use crate::features;
use crate::keymap::{Action, Context, Keymap};
use crate::model::lead::LeadPatch;
use crate::model::text::display_safe;
use crate::model::{ActivityKind, Lead, Stage};
use crate::session::Session;
use crate::store::leads::StageTotal;
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The six views of `1`–`6`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Board,
    FollowUps,
    Contacts,
    Activities,
    Customers,
    Stats,
}

impl View {
    pub const ALL: [View; 6] = [
        View::Board,
        View::FollowUps,
        View::Contacts,
        View::Activities,
        View::Customers,
        View::Stats,
    ];

    pub fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (View::Board, Language::En) => "Board",
            (View::FollowUps, Language::En) => "Follow-ups",
            (View::Contacts, Language::En) => "Contacts",
            (View::Activities, Language::En) => "Activities",
            (View::Customers, Language::En) => "Customers",
            (View::Stats, Language::En) => "Stats",
            (View::Board, Language::Ja) => "ボード",
            (View::FollowUps, Language::Ja) => "フォロー",
            (View::Contacts, Language::Ja) => "名刺",
            (View::Activities, Language::Ja) => "活動",
            (View::Customers, Language::Ja) => "顧客",
            (View::Stats, Language::Ja) => "統計",
        }
    }

    fn index(self) -> usize {
        View::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }
}

/// What the event loop does after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Continue,
    Quit,
    /// Suspend the screen and edit this text in `$EDITOR`; hand the result to
    /// `App::finish_external_edit`.
    ExternalEdit(String),
}

/// What a confirm box is asking about.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    DeleteLead { id: String },
    DeleteContact { id: String },
}

pub enum Popup {
    Form(Box<Form>),
    Confirm { message: String, pending: Pending },
    Help { context: Context, scroll: u16 },
    Search(Box<SearchState>),
    Dedupe(Box<DedupeReview>),
}

/// Probable duplicate contacts, reviewed one pair at a time.
pub struct DedupeReview {
    pub pairs: Vec<features::cards::Duplicate>,
    pub index: usize,
    pub merged: usize,
    pub skipped: usize,
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
    pub contacts: ContactsState,
    pub activities: Pager<ActivitySource>,
    pub popup: Option<Popup>,
    pub status: Option<Status>,
    undo: Vec<UndoStep>,
    data_version: i64,
    totals: Vec<(Stage, StageTotal)>,
    overdue: i64,
    counts_stale: bool,
    /// Filters of the follow-up and customer lists.
    pub list_owner: Option<String>,
    pub list_stale_only: bool,
    /// Team sync in the background, when there is a team file, and how its last round went.
    pub sync: Option<crate::sync::worker::SyncWorker>,
    pub sync_state: Option<crate::sync::worker::SyncEvent>,
    /// The Stats view's numbers, counted when it is shown and again after changes.
    pub stats: Option<crate::features::stats::Stats>,
    pub stats_scroll: u16,
}

impl App {
    pub fn new(session: Session, today: NaiveDate) -> Result<App> {
        let keymap = Keymap::new(&session.config.keys)
            .map_err(|e| Error::invalid(format!("`{}`: {}", e.key_path, e.message)))?;
        let theme = Theme::from_env(session.config.ui.theme);
        let data_version = session.store.data_version()?;
        session.store.checkpoint_when_idle()?;
        Ok(App {
            session,
            keymap,
            theme,
            today,
            view: View::Board,
            detail: None,
            board: BoardState::default(),
            follow_ups: views::followups::follow_ups(),
            customers: views::followups::customers(),
            contacts: ContactsState::default(),
            activities: views::activities::timeline(),
            popup: None,
            status: None,
            undo: Vec::new(),
            data_version,
            totals: Vec::new(),
            overdue: 0,
            counts_stale: true,
            list_owner: None,
            list_stale_only: false,
            stats: None,
            stats_scroll: 0,
            sync: None,
            sync_state: None,
        })
    }

    fn language(&self) -> Language {
        self.session.config.ui.language
    }

    /// Where the user is, for the keymap and help.
    pub fn context(&self) -> Context {
        if self.detail.is_some() {
            return Context::Detail;
        }
        match self.view {
            View::Board => Context::Board,
            View::FollowUps | View::Customers => Context::LeadList,
            View::Contacts => Context::Contacts,
            View::Activities => Context::Activities,
            View::Stats => Context::Stats,
        }
    }

    fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    fn fail(&mut self, error: &Error) {
        self.status = Some(Status {
            text: error.to_string(),
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
        self.contacts.invalidate();
        self.activities.invalidate();
        if let Some(d) = &mut self.detail {
            d.invalidate();
        }
        self.counts_stale = true;
        self.stats = None;
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
    pub fn start_sync(&mut self, team: std::path::PathBuf) {
        let db = std::path::PathBuf::from(self.session.store.path());
        let worker = crate::sync::worker::SyncWorker::start(db, self.session.config.clone(), team);
        self.sync = Some(worker);
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
                    let order = self.session.config.ui.name_order;
                    if let Err(e) = forms::link::find(form, &self.session.store, &q, order) {
                        form.error = Some(e.to_string());
                    }
                }
            }
            Some(Popup::Search(search)) => {
                search.input.insert_str(display_safe(text));
                self.run_search();
            }
            _ => {}
        }
    }

    pub fn on_key(&mut self, key: KeyEvent) -> Outcome {
        if key.kind != KeyEventKind::Press {
            return Outcome::Continue;
        }
        if let Some(popup) = self.popup.take() {
            return self.on_popup_key(popup, key);
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
        let conn_view = self.view;
        match action {
            Action::Quit => return Ok(Outcome::Quit),
            Action::Help => {
                self.popup = Some(Popup::Help {
                    context: self.context(),
                    scroll: 0,
                })
            }
            Action::Search => self.popup = Some(Popup::Search(Box::default())),
            Action::NextView => self.show((self.view.index() + 1) % 6),
            Action::PrevView => self.show((self.view.index() + 5) % 6),
            Action::ViewBoard => self.show(0),
            Action::ViewFollowUps => self.show(1),
            Action::ViewContacts => self.show(2),
            Action::ViewActivities => self.show(3),
            Action::ViewCustomers => self.show(4),
            Action::ViewStats => self.show(5),
            Action::Undo => self.undo()?,
            Action::Back => self.detail = None,
            Action::Up
            | Action::Down
            | Action::Top
            | Action::Bottom
            | Action::PageUp
            | Action::PageDown => {
                self.navigate(action)?;
            }
            Action::Left => self.board.focus = self.board.focus.saturating_sub(1),
            Action::Right => self.board.focus = (self.board.focus + 1).min(2),
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
                        None => self.say(format!(
                            "{} is the last stage that way",
                            lead.stage.label_en()
                        )),
                    }
                }
            }
            Action::Won => {
                if let Some(lead) = self.target_lead() {
                    if lead.stage == Stage::Customer {
                        self.say("Already a customer");
                    } else {
                        self.move_lead(&lead, Stage::Customer)?;
                    }
                }
            }
            Action::Delete => self.ask_delete(),
            Action::Add => {
                if conn_view == View::Contacts && self.detail.is_none() {
                    self.open_form(forms::contact::form(None));
                } else {
                    let stage = match conn_view {
                        View::Board => self.board.stage(),
                        View::Customers => Stage::Customer,
                        _ => Stage::Considering,
                    };
                    self.open_form(forms::lead::form(&self.session.config, None, stage));
                }
            }
            Action::Edit => self.edit()?,
            Action::LogCall => self.log(Some(ActivityKind::Call))?,
            Action::LogMeeting => self.log(Some(ActivityKind::Meeting))?,
            Action::LogNote => self.log(Some(ActivityKind::Note))?,
            Action::LogActivity => self.log(None)?,
            Action::LinkContact => {
                if let Some(lead) = self.target_lead() {
                    self.open_form(forms::link::form(&lead.id));
                }
            }
            Action::Sort => {
                use crate::store::leads::LeadOrder;
                self.board.order = match self.board.order {
                    LeadOrder::Board => LeadOrder::Due,
                    LeadOrder::Due => LeadOrder::Value,
                    LeadOrder::Value => LeadOrder::Quiet,
                    LeadOrder::Quiet => LeadOrder::Board,
                };
                self.apply_filters();
                self.say(format!(
                    "Sorted {}",
                    views::board::order_label(self.board.order)
                ));
            }
            Action::StaleOnly => {
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
            Action::OwnerFilter => {
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
            }
            Action::Reschedule => {
                if let Some(lead) = self.target_lead() {
                    self.open_form(forms::lead::reschedule(&lead));
                }
            }
            Action::Dedupe => {
                let pairs = features::cards::duplicates(&self.session.store, 500)?;
                if pairs.is_empty() {
                    self.say("No probable duplicates");
                } else {
                    let review = DedupeReview {
                        pairs,
                        index: 0,
                        merged: 0,
                        skipped: 0,
                    };
                    self.popup = Some(Popup::Dedupe(Box::new(review)));
                }
            }
            Action::Save
            | Action::NextField
            | Action::PrevField
            | Action::ExternalEditor
            | Action::Cancel => {}
        }
        Ok(Outcome::Continue)
    }

    /// m merges the pair on screen, s skips it, Esc stops; each answer shows the next pair.
    fn on_dedupe_key(&mut self, mut review: Box<DedupeReview>, key: KeyEvent) -> Outcome {
        let answer = match key.code {
            KeyCode::Char('m' | 'M') | KeyCode::Enter => Some(true),
            KeyCode::Char('s' | 'S' | 'n' | 'N' | ' ') => Some(false),
            KeyCode::Esc | KeyCode::Char('q') => None,
            _ => {
                self.popup = Some(Popup::Dedupe(review));
                return Outcome::Continue;
            }
        };
        let Some(merge) = answer else {
            self.say(format!(
                "Merged {}, skipped {}",
                review.merged, review.skipped
            ));
            return Outcome::Continue;
        };
        if let Some(pair) = review.pairs.get(review.index) {
            if merge {
                match features::cards::merge_contacts(
                    &mut self.session.store,
                    &pair.keep.id,
                    &pair.merge.id,
                ) {
                    Ok(true) => review.merged += 1,
                    Ok(false) => review.skipped += 1,
                    Err(e) => {
                        self.fail(&e);
                        self.popup = Some(Popup::Dedupe(review));
                        return Outcome::Continue;
                    }
                }
                self.changed();
            } else {
                review.skipped += 1;
            }
        }
        review.index += 1;
        // A pair whose contact was merged away already is no longer a question.
        while let Some(pair) = review.pairs.get(review.index) {
            let conn = self.session.store.conn();
            let live = |id: &str| {
                crate::store::contacts::get(conn, id)
                    .ok()
                    .flatten()
                    .is_some()
            };
            if live(&pair.keep.id) && live(&pair.merge.id) {
                break;
            }
            review.index += 1;
        }
        if review.index >= review.pairs.len() {
            self.say(format!(
                "Duplicates reviewed: merged {}, skipped {}",
                review.merged, review.skipped
            ));
        } else {
            self.popup = Some(Popup::Dedupe(review));
        }
        Outcome::Continue
    }

    /// The timestamps before which a lead of each stage is stale (no activity since).
    fn quiet_since(&self) -> [String; 4] {
        let limits = &self.session.config.stages.stale_after_days;
        let cutoff = |stage: Stage| {
            let day = self.today - chrono::Duration::days(i64::from(limits.of(stage)));
            crate::model::dates::format_timestamp(&crate::model::dates::local_to_utc(
                day.and_time(chrono::NaiveTime::MIN),
            ))
        };
        [
            cutoff(Stage::Considering),
            cutoff(Stage::Future),
            cutoff(Stage::NoProspect),
            cutoff(Stage::Customer),
        ]
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
            pager.source.scope = crate::store::leads::LeadScope {
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

    fn show(&mut self, index: usize) {
        self.detail = None;
        self.view = View::ALL[index.min(5)];
    }

    fn open_form(&mut self, form: Form) {
        self.popup = Some(Popup::Form(Box::new(form)));
    }

    /// The lead the keys act on: the open detail's, else the selected one of the view.
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

    fn navigate(&mut self, action: Action) -> Result<()> {
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

    fn open(&mut self) -> Result<()> {
        let lead_id = match self.view {
            View::Activities => self
                .activities
                .selected()
                .and_then(|(a, _)| a.lead_id.clone()),
            View::Contacts => {
                let id = self.contacts.list.selected_id();
                let leads = match id {
                    Some(id) => crate::store::links::leads_of(self.session.store.conn(), &id)?,
                    None => Vec::new(),
                };
                if leads.is_empty() {
                    self.say("This contact is not on any lead yet");
                }
                leads.first().map(|l| l.id.clone())
            }
            _ => self.target_lead().map(|l| l.id),
        };
        if let Some(id) = lead_id {
            self.open_detail(&id);
        }
        Ok(())
    }

    pub fn open_detail(&mut self, lead_id: &str) {
        self.detail = Some(DetailState::new(lead_id));
    }

    fn edit(&mut self) -> Result<()> {
        if self.view == View::Contacts && self.detail.is_none() {
            if let Some(id) = self.contacts.list.selected_id()
                && let Some(contact) = crate::store::contacts::get(self.session.store.conn(), &id)?
            {
                self.open_form(forms::contact::form(Some(&contact)));
            }
            return Ok(());
        }
        if let Some(lead) = self.target_lead() {
            self.open_form(forms::lead::form(
                &self.session.config,
                Some(&lead),
                lead.stage,
            ));
        }
        Ok(())
    }

    fn log(&mut self, kind: Option<ActivityKind>) -> Result<()> {
        if self.view == View::Contacts && self.detail.is_none() {
            if let Some(id) = self.contacts.list.selected_id() {
                self.open_form(forms::log::form(kind, None, Some(&id), &[]));
            }
            return Ok(());
        }
        let Some(lead) = self.target_lead() else {
            return Ok(());
        };
        let order = self.session.config.ui.name_order;
        let full =
            crate::store::leads::get(self.session.store.conn(), &lead.id, order)?.unwrap_or(lead);
        let contacts = full.contacts.clone();
        self.open_form(forms::log::form(kind, Some(&full), None, &contacts));
        Ok(())
    }

    fn ask_delete(&mut self) {
        if self.view == View::Contacts && self.detail.is_none() {
            if let Some(c) = self.contacts.list.selected() {
                let message = format!(
                    "Delete contact {}?",
                    c.name(self.session.config.ui.name_order)
                );
                let pending = Pending::DeleteContact { id: c.id.clone() };
                self.popup = Some(Popup::Confirm { message, pending });
            }
            return;
        }
        if let Some(lead) = self.target_lead() {
            let message = format!("Delete lead {}?", lead.title);
            self.popup = Some(Popup::Confirm {
                message,
                pending: Pending::DeleteLead { id: lead.id },
            });
        }
    }

    fn move_lead(&mut self, lead: &Lead, to: Stage) -> Result<()> {
        features::leads::move_to(&mut self.session.store, &lead.id, to)?;
        self.undo.push(UndoStep::Moved {
            lead_id: lead.id.clone(),
            from: lead.stage,
        });
        let undo = self.keymap.label(Action::Undo);
        self.say(format!(
            "Moved {} to {} — {undo} undoes",
            display_safe(&lead.title),
            to.label_en()
        ));
        self.changed();
        if self.detail.is_none() && self.view == View::Board && to.is_open() {
            self.board.follow(self.session.store.conn(), &lead.id, to)?;
        }
        Ok(())
    }

    fn undo(&mut self) -> Result<()> {
        let Some(step) = self.undo.pop() else {
            self.say("Nothing to undo");
            return Ok(());
        };
        let message = step.apply(&mut self.session)?;
        self.say(message);
        self.changed();
        Ok(())
    }

    fn on_popup_key(&mut self, popup: Popup, key: KeyEvent) -> Outcome {
        match popup {
            Popup::Help { context, scroll } => {
                let scroll = match key.code {
                    KeyCode::Char('j') | KeyCode::Down => Some(scroll.saturating_add(1)),
                    KeyCode::Char('k') | KeyCode::Up => Some(scroll.saturating_sub(1)),
                    KeyCode::PageDown | KeyCode::Char(' ') => Some(scroll.saturating_add(10)),
                    KeyCode::PageUp => Some(scroll.saturating_sub(10)),
                    _ => None,
                };
                if let Some(scroll) = scroll {
                    self.popup = Some(Popup::Help { context, scroll });
                }
                Outcome::Continue
            }
            Popup::Confirm { message, pending } => {
                if matches!(key.code, KeyCode::Char('y' | 'Y')) {
                    if let Err(e) = self.confirmed(pending) {
                        self.fail(&e);
                    }
                } else if !matches!(key.code, KeyCode::Char('n' | 'N') | KeyCode::Esc) {
                    self.popup = Some(Popup::Confirm { message, pending });
                } else {
                    self.say("Not deleted");
                }
                Outcome::Continue
            }
            Popup::Search(search) => self.on_search_key(search, key),
            Popup::Dedupe(review) => self.on_dedupe_key(review, key),
            Popup::Form(mut form) => match form.on_key(&key, &self.keymap) {
                FormEvent::Nothing => {
                    self.popup = Some(Popup::Form(form));
                    Outcome::Continue
                }
                FormEvent::Cancel => {
                    self.say("Cancelled: nothing was saved");
                    Outcome::Continue
                }
                FormEvent::ExternalEdit(text) => {
                    self.popup = Some(Popup::Form(form));
                    Outcome::ExternalEdit(text)
                }
                FormEvent::PickerQuery(q) => {
                    let order = self.session.config.ui.name_order;
                    if let Err(e) = forms::link::find(&mut form, &self.session.store, &q, order) {
                        form.error = Some(e.to_string());
                    }
                    self.popup = Some(Popup::Form(form));
                    Outcome::Continue
                }
                FormEvent::Submit => {
                    if !self.submit(&mut form) {
                        self.popup = Some(Popup::Form(form));
                    }
                    Outcome::Continue
                }
            },
        }
    }

    /// The text back from `$EDITOR` (None when the editor failed: the field keeps its text).
    pub fn finish_external_edit(&mut self, text: Option<String>) {
        if let (Some(Popup::Form(form)), Some(text)) = (&mut self.popup, text) {
            form.finish_external(&text);
        }
    }

    fn confirmed(&mut self, pending: Pending) -> Result<()> {
        match pending {
            Pending::DeleteLead { id } => {
                features::leads::delete(&mut self.session.store, &id)?;
                self.undo.push(UndoStep::DeletedLead {
                    lead_id: id.clone(),
                });
                if self.detail.as_ref().is_some_and(|d| d.lead_id == id) {
                    self.detail = None;
                }
                self.say(format!(
                    "Deleted — {} undoes",
                    self.keymap.label(Action::Undo)
                ));
            }
            Pending::DeleteContact { id } => {
                features::contacts::delete(&mut self.session.store, &id)?;
                self.undo.push(UndoStep::DeletedContact { contact_id: id });
                self.say(format!(
                    "Deleted — {} undoes",
                    self.keymap.label(Action::Undo)
                ));
            }
        }
        self.changed();
        Ok(())
    }

    /// Validates and saves a form. True when it can close; false keeps it open with the
    /// problem shown and everything typed still there.
    fn submit(&mut self, form: &mut Form) -> bool {
        match self.save(form) {
            Ok(saved) => saved,
            Err(e) => {
                form.error = Some(format!("Not saved: {e}"));
                false
            }
        }
    }

    fn save(&mut self, form: &mut Form) -> Result<bool> {
        let today = self.today;
        let order = self.session.config.ui.name_order;
        match form.kind.clone() {
            FormKind::AddLead => {
                let Some(fields) = forms::lead::read_new(form, today) else {
                    return Ok(false);
                };
                let (title, stage) = (fields.title.clone(), fields.stage);
                let id =
                    features::leads::add(&mut self.session.store, &self.session.config, fields)?;
                self.undo.push(UndoStep::AddedLead {
                    lead_id: id.clone(),
                });
                self.say(format!("Added {}", display_safe(&title)));
                self.changed();
                if self.detail.is_none() && self.view == View::Board && stage.is_open() {
                    self.board.follow(self.session.store.conn(), &id, stage)?;
                }
            }
            FormKind::Reschedule { id } => {
                let Some(due) = forms::lead::read_reschedule(form, today) else {
                    return Ok(false);
                };
                let patch = LeadPatch {
                    next_action_on: Some(due),
                    ..LeadPatch::default()
                };
                let before = crate::store::leads::get(self.session.store.conn(), &id, order)?
                    .map(|lead| inverse_lead_patch(&lead, &patch));
                features::leads::edit(&mut self.session.store, &self.session.config, &id, &patch)?;
                if let Some(before) = before {
                    self.undo.push(UndoStep::EditedLead {
                        lead_id: id,
                        before,
                    });
                }
                self.say(match due {
                    Some(d) => format!("Next action on {d}"),
                    None => "No next action date".to_string(),
                });
                self.changed();
            }
            FormKind::EditLead { id } => {
                let Some(patch) = forms::lead::read_patch(form, today) else {
                    return Ok(false);
                };
                if patch.is_empty() {
                    self.say("No change");
                    return Ok(true);
                }
                let before = crate::store::leads::get(self.session.store.conn(), &id, order)?
                    .map(|lead| inverse_lead_patch(&lead, &patch));
                let changed = features::leads::edit(
                    &mut self.session.store,
                    &self.session.config,
                    &id,
                    &patch,
                )?;
                if let Some(before) = before {
                    self.undo.push(UndoStep::EditedLead {
                        lead_id: id,
                        before,
                    });
                }
                self.say(format!("Saved {}", changed.join(", ")));
                self.changed();
            }
            FormKind::Log { lead_id, .. } => {
                let Some(entry) = forms::log::read(form, today, self.language()) else {
                    return Ok(false);
                };
                let sets_next = entry.next_action.is_some() || entry.next_action_on.is_some();
                let before = match (&lead_id, sets_next) {
                    (Some(id), true) => {
                        crate::store::leads::get(self.session.store.conn(), id, order)?.map(
                            |lead| {
                                let patch = LeadPatch {
                                    next_action: entry.next_action.clone().map(Some),
                                    next_action_on: entry.next_action_on.map(Some),
                                    ..LeadPatch::default()
                                };
                                inverse_lead_patch(&lead, &patch)
                            },
                        )
                    }
                    _ => None,
                };
                let id =
                    features::activity::log(&mut self.session.store, &self.session.config, &entry)?;
                self.undo.push(UndoStep::Logged {
                    activity_id: id,
                    lead_id,
                    before,
                });
                let next = match (&entry.next_action, entry.next_action_on) {
                    (Some(a), Some(d)) => format!(" · next: {} {}", display_safe(a), d),
                    (None, Some(d)) => format!(" · next: {d}"),
                    _ => String::new(),
                };
                self.say(format!(
                    "Logged {}{next}",
                    entry.kind.label_en().to_lowercase()
                ));
                self.changed();
            }
            FormKind::AddContact => {
                let Some(card) = forms::contact::read(form, today, false) else {
                    return Ok(false);
                };
                let id = features::contacts::add(&mut self.session.store, &card)?;
                self.undo.push(UndoStep::AddedContact {
                    contact_id: id.clone(),
                });
                self.say("Contact added");
                self.changed();
                if self.view == View::Contacts {
                    self.contacts.list.select(self.session.store.conn(), &id)?;
                }
            }
            FormKind::EditContact { id } => {
                let Some(patch) = forms::contact::read(form, today, true) else {
                    return Ok(false);
                };
                if patch == crate::model::contact::ContactFields::default() {
                    self.say("No change");
                    return Ok(true);
                }
                let before = crate::store::contacts::get(self.session.store.conn(), &id)?
                    .map(|c| inverse_contact_patch(&c, &patch));
                features::contacts::edit(
                    &mut self.session.store,
                    &id,
                    &patch,
                    &crate::model::contact::ListEdits::default(),
                )?;
                if let Some(before) = before {
                    self.undo.push(UndoStep::EditedContact {
                        contact_id: id,
                        before,
                    });
                }
                self.say("Contact saved");
                self.changed();
            }
            FormKind::Link { lead_id } => {
                let Some((contact_id, role)) = forms::link::read(form) else {
                    return Ok(false);
                };
                let before = crate::store::leads::get(self.session.store.conn(), &lead_id, order)?
                    .and_then(|l| {
                        l.contacts
                            .iter()
                            .find(|c| c.id == contact_id)
                            .map(|c| c.role)
                    });
                features::leads::link(&mut self.session.store, &lead_id, &contact_id, role)?;
                self.undo.push(UndoStep::Linked {
                    lead_id,
                    contact_id,
                    before,
                });
                self.say(format!("On the lead as {}", role.id()));
                self.changed();
            }
        }
        Ok(true)
    }

    fn run_search(&mut self) {
        let Some(Popup::Search(search)) = &mut self.popup else {
            return;
        };
        let query = search.query();
        match features::search::search(&self.session.store, &query, search.per_kind) {
            Ok(results) => search.set_results(results),
            Err(e) => {
                self.status = Some(Status {
                    text: e.to_string(),
                    error: true,
                })
            }
        }
    }

    fn on_search_key(&mut self, mut search: Box<SearchState>, key: KeyEvent) -> Outcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => return Outcome::Continue,
            KeyCode::Char('c') if ctrl => return Outcome::Continue,
            KeyCode::Enter => {
                if let Some(hit) = search.hits.get(search.selected).cloned()
                    && let Err(e) = self.jump(hit)
                {
                    self.fail(&e);
                }
                return Outcome::Continue;
            }
            KeyCode::Down | KeyCode::Tab => {
                search.selected = (search.selected + 1).min(search.hits.len().saturating_sub(1));
            }
            KeyCode::Char('n') if ctrl => {
                search.selected = (search.selected + 1).min(search.hits.len().saturating_sub(1));
            }
            KeyCode::Up | KeyCode::BackTab => search.selected = search.selected.saturating_sub(1),
            KeyCode::Char('p') if ctrl => search.selected = search.selected.saturating_sub(1),
            _ => {
                let before = search.query();
                search.input.input(key);
                let after = search.query();
                self.popup = Some(Popup::Search(search));
                if after != before {
                    if let Some(Popup::Search(s)) = &mut self.popup {
                        s.selected = 0;
                    }
                    self.run_search();
                }
                return Outcome::Continue;
            }
        }
        self.popup = Some(Popup::Search(search));
        Outcome::Continue
    }

    /// Goes to a search result: a lead's detail, a contact in Contacts, an activity's lead.
    fn jump(&mut self, hit: Hit) -> Result<()> {
        match hit {
            Hit::Lead(lead) => self.open_detail(&lead.id),
            Hit::Activity(a) => match (a.lead_id, a.contact_id) {
                (Some(lead), _) => self.open_detail(&lead),
                (None, Some(contact)) => self.show_contact(&contact)?,
                (None, None) => {}
            },
            Hit::Contact(c) => self.show_contact(&c.id)?,
        }
        Ok(())
    }

    fn show_contact(&mut self, id: &str) -> Result<()> {
        self.detail = None;
        self.view = View::Contacts;
        self.contacts.list.select(self.session.store.conn(), id)?;
        Ok(())
    }

    /// Draws the whole screen.
    pub fn render(&mut self, frame: &mut Frame<'_>) {
        let area = frame.area();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            overlays::too_small(frame, area);
            return;
        }
        if let Err(e) = self.refresh_counts() {
            self.fail(&e);
        }
        let [tabs, body, hints, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        self.render_tabs(frame, tabs);
        let body = Rect {
            y: body.y + 1,
            height: body.height.saturating_sub(1),
            ..body
        };
        if let Some(d) = &mut self.detail
            && d.detail.is_none()
        {
            match features::leads::detail(&self.session.store, &self.session.config, &d.lead_id) {
                Ok(detail) => d.detail = Some(detail),
                Err(e) => {
                    self.detail = None;
                    self.status = Some(Status {
                        text: e.to_string(),
                        error: true,
                    });
                }
            }
        }
        if self.view == View::Stats && self.detail.is_none() && self.stats.is_none() {
            let since = self.today - chrono::Duration::days(90);
            match crate::features::stats::compute(&self.session.store, since, self.today) {
                Ok(stats) => self.stats = Some(stats),
                Err(e) => self.fail(&e),
            }
        }
        let config = &self.session.config;
        let ctx = Ctx {
            conn: self.session.store.conn(),
            theme: &self.theme,
            today: self.today,
            language: config.ui.language,
            stale: &config.stages.stale_after_days,
            totals: &self.totals,
            date_format: &config.ui.date_format,
            name_order: config.ui.name_order,
        };
        let list_caption = match (&self.detail, self.view) {
            (None, View::FollowUps | View::Customers) => self.list_caption(),
            _ => None,
        };
        let drawn = match (&mut self.detail, self.view) {
            (Some(d), _) => views::detail::render(frame, body, d, &ctx),
            (None, View::Board) => views::board::render(frame, body, &mut self.board, &ctx),
            (None, View::FollowUps) => {
                views::followups::render_follow_ups(frame, body, &mut self.follow_ups, &ctx)
            }
            (None, View::Customers) => {
                views::followups::render_customers(frame, body, &mut self.customers, &ctx)
            }
            (None, View::Contacts) => {
                views::contacts::render(frame, body, &mut self.contacts, &ctx)
            }
            (None, View::Activities) => {
                views::activities::render(frame, body, &mut self.activities, &ctx)
            }
            (None, View::Stats) => {
                views::stats::render(
                    frame,
                    body,
                    self.stats.as_ref(),
                    &mut self.stats_scroll,
                    &ctx,
                );
                Ok(())
            }
        };
        if let Some(caption) = list_caption {
            let text = format!(" [{}] ", display_safe(&caption));
            let w = (crate::model::text::width(&text) as u16).min(body.width);
            let r = Rect {
                x: body.x + body.width - w,
                y: body.y,
                width: w,
                height: 1,
            };
            frame.render_widget(Paragraph::new(Span::styled(text, self.theme.accent())), r);
        }
        let context = self.context();
        match &mut self.popup {
            Some(Popup::Form(form)) => overlays::form(frame, body, form, &self.keymap, &ctx),
            Some(Popup::Confirm { message, .. }) => overlays::confirm(frame, body, message, &ctx),
            Some(Popup::Help { context, scroll }) => {
                overlays::help(frame, body, *context, scroll, &self.keymap, &ctx)
            }
            Some(Popup::Search(search)) => overlays::search(frame, body, search, &ctx),
            Some(Popup::Dedupe(review)) => overlays::dedupe(frame, body, review, &ctx),
            None => {}
        }
        self.render_hints(frame, hints, context);
        if let Err(e) = drawn {
            self.fail(&e);
        }
        self.render_status(frame, status);
    }

    fn refresh_counts(&mut self) -> Result<()> {
        if self.counts_stale {
            let conn = self.session.store.conn();
            self.totals = crate::store::leads::stage_totals(conn)?;
            self.overdue = crate::store::leads::due_before(conn, self.today, None)?;
            self.counts_stale = false;
        }
        Ok(())
    }

    fn render_tabs(&self, frame: &mut Frame<'_>, area: Rect) {
        let lang = self.language();
        let mut spans = Vec::new();
        for (i, view) in View::ALL.iter().enumerate() {
            let style = if *view == self.view && self.detail.is_none() {
                self.theme.tab_active()
            } else {
                self.theme.plain()
            };
            spans.push(Span::styled(
                format!("{} {}", i + 1, view.label(lang)),
                style,
            ));
            spans.push(Span::raw("  "));
        }
        let help = format!("{} help", self.keymap.label(Action::Help));
        let w = crate::model::text::width(&help) as u16;
        if let Some(d) = self.detail.as_ref().and_then(|d| d.detail.as_ref()) {
            let used: usize = spans
                .iter()
                .map(|s| crate::model::text::width(&s.content))
                .sum();
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

    fn render_hints(&self, frame: &mut Frame<'_>, area: Rect, context: Context) {
        let actions: &[(Action, &str)] = match (&self.popup, context) {
            (Some(Popup::Form(_)), _)
            | (Some(Popup::Confirm { .. }), _)
            | (Some(Popup::Dedupe(_)), _) => &[],
            (Some(Popup::Help { .. }), _) => &[(Action::Down, "scroll"), (Action::Cancel, "close")],
            (Some(Popup::Search(_)), _) => &[(Action::Open, "go to"), (Action::Cancel, "back")],
            (None, Context::Board) => &[
                (Action::Right, "column"),
                (Action::Down, "card"),
                (Action::MoveRight, "move"),
                (Action::Open, "open"),
                (Action::LogCall, "call"),
                (Action::LogMeeting, "meeting"),
                (Action::Add, "add"),
                (Action::Search, "search"),
                (Action::Undo, "undo"),
            ],
            (None, Context::Detail) => &[
                (Action::Back, "back"),
                (Action::Down, "scroll"),
                (Action::LogCall, "call"),
                (Action::LogMeeting, "meeting"),
                (Action::LogNote, "note"),
                (Action::Edit, "edit"),
                (Action::LinkContact, "contact"),
                (Action::MoveRight, "move"),
            ],
            (None, Context::Contacts) => &[
                (Action::Down, "move"),
                (Action::Open, "lead"),
                (Action::Add, "add"),
                (Action::Edit, "edit"),
                (Action::LogCall, "call"),
                (Action::Search, "search"),
            ],
            (None, Context::Stats) => &[
                (Action::Down, "scroll"),
                (Action::Search, "search"),
                (Action::NextView, "next view"),
            ],
            (None, _) => &[
                (Action::Down, "move"),
                (Action::Open, "open"),
                (Action::LogCall, "call"),
                (Action::Search, "search"),
            ],
        };
        let mut spans = Vec::new();
        for (action, word) in actions {
            let keys = match action {
                Action::Right => format!(
                    "{}/{}",
                    self.first_key(Action::Left),
                    self.first_key(Action::Right)
                ),
                Action::Down => format!(
                    "{}/{}",
                    self.first_key(Action::Up),
                    self.first_key(Action::Down)
                ),
                Action::MoveRight => format!(
                    "{}/{}",
                    self.first_key(Action::MoveLeft),
                    self.first_key(Action::MoveRight)
                ),
                other => self.first_key(*other),
            };
            spans.push(Span::styled(keys, self.theme.accent()));
            spans.push(Span::styled(format!(" {word}  "), self.theme.dim()));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    fn first_key(&self, action: Action) -> String {
        self.keymap
            .keys(action)
            .first()
            .map(|k| k.to_string())
            .unwrap_or_default()
    }

    fn render_status(&self, frame: &mut Frame<'_>, area: Rect) {
        let store = &self.session.store;
        let path = shorten_home(store.path());
        let mut spans = vec![
            Span::styled(format!(" {} ", display_safe(&path)), self.theme.selected()),
            Span::raw(format!(" {} ", display_safe(&store.author().name))),
        ];
        let overdue_style = if self.overdue > 0 {
            self.theme.bucket(crate::followups::Bucket::Overdue)
        } else {
            self.theme.dim()
        };
        spans.push(Span::styled(
            format!("· {} overdue ", self.overdue),
            overdue_style,
        ));
        use crate::sync::worker::SyncEvent;
        match (&self.sync, &self.sync_state) {
            (Some(_), None) => spans.push(Span::styled("· syncing… ", self.theme.dim())),
            (_, Some(SyncEvent::Synced { at, .. })) => {
                spans.push(Span::styled(
                    format!("· synced {} ", at.format("%H:%M")),
                    self.theme.dim(),
                ));
            }
            (_, Some(SyncEvent::Failed { at, problem })) => {
                let text = format!("· {} ({}) ", display_safe(problem), at.format("%H:%M"));
                spans.push(views::cut(
                    &text,
                    (area.width as usize) / 2,
                    self.theme.error(),
                ));
            }
            (None, None) => {}
        }
        if let Some(status) = &self.status {
            let style = if status.error {
                self.theme.error()
            } else {
                self.theme.ok()
            };
            let used: usize = spans
                .iter()
                .map(|s| crate::model::text::width(&s.content))
                .sum();
            let room = (area.width as usize).saturating_sub(used + 3);
            spans.push(Span::raw("· "));
            spans.push(views::cut(&status.text, room, style));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
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

/// `/home/me/x.db` → `~/x.db`.
fn shorten_home(path: &str) -> String {
    match std::env::var("HOME") {
        Ok(home) if !home.is_empty() && path.starts_with(&home) => {
            format!("~{}", &path[home.len()..])
        }
        _ => path.to_string(),
    }
}
