//! Key bindings as data: every action of the app with its default keys (embedded from
//! `assets/keymap.toml`), the user's `[keys]` merged on top, and the help text of each.

use crate::config::KeyList;
use crate::i18n::{Arg, Said};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

const DEFAULTS: &str = include_str!("../assets/keymap.toml");

macro_rules! actions {
    ($($variant:ident => $id:literal),* $(,)?) => {
        /// Everything a key can do in the app.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action { $($variant),* }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant),*];

            /// The action's name in `[keys]` of the config.
            pub fn id(self) -> &'static str {
                match self { $(Action::$variant => $id),* }
            }

            pub fn from_id(id: &str) -> Option<Action> {
                match id { $($id => Some(Action::$variant),)* _ => None }
            }
        }
    };
}

actions! {
    Quit => "quit", Help => "help", Search => "search", NextView => "next_view",
    PrevView => "prev_view", ViewBoard => "view_board", ViewFollowUps => "view_followups",
    ViewContacts => "view_contacts", ViewActivities => "view_activities",
    ViewCustomers => "view_customers", ViewStats => "view_stats",
    ViewCampaigns => "view_campaigns", Undo => "undo", Redo => "redo",
    Up => "up",
    Down => "down", Left => "left", Right => "right", Top => "top", Bottom => "bottom",
    PageUp => "page_up", PageDown => "page_down", Open => "open", Back => "back",
    MoveLeft => "move_left", MoveRight => "move_right", Won => "won", Delete => "delete",
    Add => "add", Edit => "edit", LogCall => "log_call", LogMeeting => "log_meeting",
    LogNote => "log_note", LogActivity => "log_activity", LinkContact => "link_contact",
    Dedupe => "dedupe", Sort => "sort", StaleOnly => "stale_only", OwnerFilter => "owner_filter",
    Reschedule => "reschedule",
    Save => "save", NextField => "next_field", PrevField => "prev_field",
    ExternalEditor => "external_editor", Cancel => "cancel",
    ConfirmYes => "confirm_yes", ConfirmNo => "confirm_no",
    SearchNext => "search_next", SearchPrevious => "search_previous",
    SearchClose => "search_close",
    MergePair => "merge_pair", SkipPair => "skip_pair", StopReview => "stop_review",
    ClearField => "clear_field", NextItem => "next_item", PrevItem => "prev_item",
    ChangeRole => "change_role", StatsPeriod => "stats_period", ToggleScore => "toggle_score",
    Filter => "filter", ClearFilters => "clear_filters",
}

impl Action {
    /// The catalog id of what the action does: `key-log-call`.
    pub fn message_id(self) -> String {
        format!("key-{}", self.id().replace('_', "-"))
    }

    /// The action shown with this one in the hint bar (`h/l column`, `k/j move`).
    fn partner(self) -> Option<Action> {
        match self {
            Action::Right => Some(Action::Left),
            Action::Down => Some(Action::Up),
            Action::MoveRight => Some(Action::MoveLeft),
            _ => None,
        }
    }
}

/// One key with its modifiers, as written in the config (`ctrl-s`, `H`, `pagedown`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chord {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Chord {
    /// The chord of a key event. Shift is part of the character (`H`), so it is dropped for
    /// characters; `backtab` is shift-tab.
    pub fn of(event: &KeyEvent) -> Chord {
        Chord {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    pub fn parse(text: &str) -> Result<Chord, Said> {
        let bad = || Said::new("error-not-a-key", [("text", text)]);
        let mut ctrl = false;
        let mut alt = false;
        let mut rest = text;
        loop {
            let lower = rest.to_lowercase();
            if lower.starts_with("ctrl-") && rest.chars().count() > 5 {
                ctrl = true;
                rest = &rest[5..];
            } else if lower.starts_with("alt-") && rest.chars().count() > 4 {
                alt = true;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
            _ => match rest.to_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" | "shift-tab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" => KeyCode::PageUp,
                "pagedown" => KeyCode::PageDown,
                f if f.starts_with('f') => {
                    let n: u8 = f[1..].parse().map_err(|_| bad())?;
                    if !(1..=12).contains(&n) {
                        return Err(bad());
                    }
                    KeyCode::F(n)
                }
                _ => return Err(bad()),
            },
        };
        Ok(Chord { code, ctrl, alt })
    }
}

impl Chord {
    /// `Y` when `y` is among `keys` too.
    fn is_capital_twin_in(&self, keys: &[Chord]) -> bool {
        match self.code {
            KeyCode::Char(c) if c.is_uppercase() => keys.iter().any(|k| {
                k.ctrl == self.ctrl
                    && k.alt == self.alt
                    && k.code == KeyCode::Char(c.to_lowercase().next().unwrap_or(c))
                    && k.code != self.code
            }),
            _ => false,
        }
    }
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("enter"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::Backspace => f.write_str("backspace"),
            KeyCode::Delete => f.write_str("delete"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("home"),
            KeyCode::End => f.write_str("end"),
            KeyCode::PageUp => f.write_str("pageup"),
            KeyCode::PageDown => f.write_str("pagedown"),
            KeyCode::F(n) => write!(f, "f{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DefaultBinding {
    keys: Vec<String>,
}

/// The live keymap: each action's keys.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: BTreeMap<Action, Vec<Chord>>,
}

/// Where a conflict or a bad binding is, for the config message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError {
    /// `keys.<action>`
    pub key_path: String,
    pub message: Said,
}

impl Keymap {
    /// The defaults, with `overrides` (the config's `[keys]`) replacing an action's keys.
    pub fn new(overrides: &BTreeMap<String, KeyList>) -> Result<Keymap, KeyError> {
        let defaults: BTreeMap<String, DefaultBinding> =
            toml::from_str(DEFAULTS).map_err(|e| KeyError {
                key_path: "keys".into(),
                message: Said::new("error-keymap-damaged", [("detail", e.to_string())]),
            })?;
        let mut bindings = BTreeMap::new();
        for (id, binding) in &defaults {
            let action = Action::from_id(id).ok_or_else(|| KeyError {
                key_path: format!("keys.{id}"),
                message: Said::new("error-keymap-damaged", [("detail", id.as_str())]),
            })?;
            let chords = binding
                .keys
                .iter()
                .map(|k| Chord::parse(k))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|message| KeyError {
                    key_path: format!("keys.{id}"),
                    message,
                })?;
            bindings.insert(action, chords);
        }
        for (id, keys) in overrides {
            let key_path = format!("keys.{id}");
            let action = Action::from_id(id).ok_or_else(|| KeyError {
                key_path: key_path.clone(),
                message: Said::new(
                    "error-key-not-an-action",
                    [("id", id.clone()), ("ids", action_ids())],
                ),
            })?;
            let chords = keys
                .keys()
                .into_iter()
                .map(Chord::parse)
                .collect::<Result<Vec<_>, _>>()
                .map_err(|message| KeyError {
                    key_path: key_path.clone(),
                    message,
                })?;
            if chords.is_empty() {
                return Err(KeyError {
                    key_path,
                    message: Said::plain("error-key-needs-a-key"),
                });
            }
            if let Some(slot) = bindings.get_mut(&action) {
                *slot = chords;
            }
        }
        let keymap = Keymap { bindings };
        let overridden: Vec<Action> = overrides
            .keys()
            .filter_map(|id| Action::from_id(id))
            .collect();
        keymap.check_conflicts(&overridden)?;
        Ok(keymap)
    }

    /// Two actions of one context on the same key would make one of them unreachable. The
    /// error names the binding the user wrote (`overridden`), not the default it collides
    /// with, so the message points at a line of their config.
    fn check_conflicts(&self, overridden: &[Action]) -> Result<(), KeyError> {
        for context in Context::ALL {
            let mut seen: BTreeMap<String, Action> = BTreeMap::new();
            for action in context.actions() {
                for chord in self.keys(*action) {
                    if let Some(other) = seen.insert(chord.to_string(), *action)
                        && other != *action
                    {
                        let (at_fault, holder) =
                            if overridden.contains(&other) && !overridden.contains(action) {
                                (other, *action)
                            } else {
                                (*action, other)
                            };
                        return Err(KeyError {
                            key_path: format!("keys.{}", at_fault.id()),
                            message: Said::new(
                                "error-key-taken",
                                [
                                    ("chord", Arg::from(chord.to_string())),
                                    ("action", Arg::from(holder.id())),
                                    (
                                        "view",
                                        Arg::in_each(|l| {
                                            crate::i18n::message(l, context.message_id(), None)
                                        }),
                                    ),
                                ],
                            ),
                        });
                    }
                }
            }
        }
        Ok(())
    }

    pub fn keys(&self, action: Action) -> &[Chord] {
        self.bindings.get(&action).map(Vec::as_slice).unwrap_or(&[])
    }

    /// What an action does, as `?` help says it (`key-<action>` of the catalog).
    pub fn description(&self, action: Action, language: crate::config::Language) -> String {
        crate::i18n::message(language, &action.message_id(), None)
    }

    /// The action a key event means in `context`, if any.
    pub fn action(&self, context: Context, event: &KeyEvent) -> Option<Action> {
        let chord = Chord::of(event);
        context
            .actions()
            .iter()
            .copied()
            .find(|a| self.keys(*a).contains(&chord))
    }

    /// The keys of an action as shown in help and hints: `j/↓`. A capital bound beside its
    /// small letter (`y` and `Y`) is one key to the reader and shows once.
    pub fn label(&self, action: Action) -> String {
        let keys = self.keys(action);
        keys.iter()
            .filter(|chord| !chord.is_capital_twin_in(keys))
            .map(Chord::to_string)
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The first key of an action, as the hint bar shows it.
    pub fn first_key(&self, action: Action) -> String {
        self.keys(action)
            .first()
            .map(Chord::to_string)
            .unwrap_or_default()
    }

    /// The hint bar of a context: its short list of actions with their first keys, an action
    /// with a partner shown as a pair (`h/l column`).
    pub fn hints(&self, context: Context) -> Vec<(String, &'static str)> {
        context
            .hints()
            .iter()
            .map(|(action, word)| {
                let keys = match action.partner() {
                    Some(partner) => {
                        format!("{}/{}", self.first_key(partner), self.first_key(*action))
                    }
                    None => self.first_key(*action),
                };
                (keys, *word)
            })
            .collect()
    }
}

/// Every action id, as `[keys]` takes them: `` `quit`, `help`, … ``.
fn action_ids() -> String {
    Action::ALL
        .iter()
        .map(|a| format!("`{}`", a.id()))
        .collect::<Vec<_>>()
        .join(", ")
}

impl KeyError {
    /// The sentence a config error shows after the file and line: `` `keys.won`: … ``.
    pub fn said(self) -> Said {
        let message = self.message;
        Said::new(
            "error-config-key-quoted",
            [
                ("key", Arg::from(self.key_path)),
                ("text", Arg::in_each(|l| message.in_language(l))),
            ],
        )
    }
}

/// Where the user is; each context answers a known set of actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Board,
    LeadList,
    Contacts,
    Activities,
    Stats,
    Campaigns,
    Detail,
    Form,
    Search,
    Confirm,
    Help,
    Dedupe,
}

impl Context {
    pub const ALL: [Context; 12] = [
        Context::Board,
        Context::LeadList,
        Context::Contacts,
        Context::Activities,
        Context::Stats,
        Context::Campaigns,
        Context::Detail,
        Context::Form,
        Context::Search,
        Context::Confirm,
        Context::Help,
        Context::Dedupe,
    ];

    /// The catalog id of the context's name, as `?` help titles it.
    pub fn message_id(self) -> &'static str {
        match self {
            Context::Board => "context-board",
            Context::LeadList => "context-lead-list",
            Context::Contacts => "context-contacts",
            Context::Activities => "context-activities",
            Context::Stats => "context-stats",
            Context::Campaigns => "context-campaigns",
            Context::Detail => "context-detail",
            Context::Form => "context-form",
            Context::Search => "context-search",
            Context::Confirm => "context-confirm",
            Context::Help => "context-help",
            Context::Dedupe => "context-dedupe",
        }
    }

    /// What the hint bar offers here, each action with the catalog id of its word.
    pub fn hints(self) -> &'static [(Action, &'static str)] {
        use Action::*;
        match self {
            Context::Board => &[
                (Right, "hint-column"),
                (Down, "hint-card"),
                (MoveRight, "hint-move"),
                (Open, "hint-open"),
                (LogCall, "hint-call"),
                (LogMeeting, "hint-meeting"),
                (Add, "hint-add"),
                (Search, "hint-search"),
                (Filter, "hint-filter"),
                (Undo, "hint-undo"),
            ],
            // At 80 columns the bar holds the first eight: the score's fold is offered
            // there, and a note (which the board's bar leaves out too) waits for a wider
            // screen or `?`.
            Context::Detail => &[
                (Back, "hint-back"),
                (Down, "hint-scroll"),
                (LogCall, "hint-call"),
                (LogMeeting, "hint-meeting"),
                (Edit, "hint-edit"),
                (LinkContact, "hint-contact"),
                (MoveRight, "hint-move"),
                (ToggleScore, "hint-score"),
                (LogNote, "hint-note"),
                (NextItem, "hint-select"),
            ],
            Context::Contacts => &[
                (Down, "hint-move"),
                (Open, "hint-lead"),
                (Add, "hint-add"),
                (Edit, "hint-edit"),
                (LogCall, "hint-call"),
                (Search, "hint-search"),
            ],
            Context::Stats => &[
                (StatsPeriod, "hint-period"),
                (Down, "hint-scroll"),
                (Search, "hint-search"),
                (NextView, "hint-next-view"),
            ],
            Context::Campaigns => &[
                (Down, "hint-move"),
                (Open, "hint-open"),
                (Back, "hint-back"),
                (Search, "hint-search"),
                (NextView, "hint-next-view"),
            ],
            Context::Activities => &[
                (Down, "hint-move"),
                (Open, "hint-lead"),
                (Edit, "hint-edit"),
                (Delete, "hint-delete"),
                (Search, "hint-search"),
            ],
            Context::LeadList => &[
                (Down, "hint-move"),
                (Open, "hint-open"),
                (LogCall, "hint-call"),
                (Search, "hint-search"),
                (Filter, "hint-filter"),
            ],
            Context::Help => &[(Down, "hint-scroll"), (Cancel, "hint-close")],
            Context::Search => &[(Open, "hint-go-to"), (SearchClose, "hint-back")],
            // The box itself says its keys.
            Context::Form | Context::Confirm | Context::Dedupe => &[],
        }
    }

    /// The actions of this context, in the order help lists them.
    pub fn actions(self) -> &'static [Action] {
        use Action::*;
        match self {
            Context::Board => &[
                Left,
                Right,
                Up,
                Down,
                Top,
                Bottom,
                PageUp,
                PageDown,
                Open,
                MoveLeft,
                MoveRight,
                Won,
                Sort,
                Reschedule,
                StaleOnly,
                OwnerFilter,
                Filter,
                ClearFilters,
                Delete,
                Add,
                Edit,
                LogCall,
                LogMeeting,
                LogNote,
                LogActivity,
                LinkContact,
                Undo,
                Redo,
                Search,
                NextView,
                PrevView,
                ViewBoard,
                ViewFollowUps,
                ViewContacts,
                ViewActivities,
                ViewCustomers,
                ViewStats,
                ViewCampaigns,
                Help,
                Quit,
            ],
            Context::LeadList => &[
                Up,
                Down,
                Top,
                Bottom,
                PageUp,
                PageDown,
                Open,
                Won,
                Reschedule,
                OwnerFilter,
                StaleOnly,
                Filter,
                ClearFilters,
                Delete,
                Edit,
                LogCall,
                LogMeeting,
                LogNote,
                LogActivity,
                LinkContact,
                Undo,
                Redo,
                Search,
                NextView,
                PrevView,
                ViewBoard,
                ViewFollowUps,
                ViewContacts,
                ViewActivities,
                ViewCustomers,
                ViewStats,
                ViewCampaigns,
                Help,
                Quit,
            ],
            Context::Contacts => &[
                Back,
                Up,
                Down,
                Top,
                Bottom,
                PageUp,
                PageDown,
                Open,
                Add,
                Edit,
                Delete,
                Dedupe,
                LogCall,
                LogMeeting,
                LogNote,
                LogActivity,
                LinkContact,
                Undo,
                Redo,
                Search,
                NextView,
                PrevView,
                ViewBoard,
                ViewFollowUps,
                ViewContacts,
                ViewActivities,
                ViewCustomers,
                ViewStats,
                ViewCampaigns,
                Help,
                Quit,
            ],
            Context::Activities => &[
                Up,
                Down,
                Top,
                Bottom,
                PageUp,
                PageDown,
                Open,
                Edit,
                Delete,
                Undo,
                Redo,
                Search,
                NextView,
                PrevView,
                ViewBoard,
                ViewFollowUps,
                ViewContacts,
                ViewActivities,
                ViewCustomers,
                ViewStats,
                ViewCampaigns,
                Help,
                Quit,
            ],
            Context::Stats => &[
                StatsPeriod,
                Up,
                Down,
                Top,
                Bottom,
                PageUp,
                PageDown,
                Undo,
                Redo,
                Search,
                NextView,
                PrevView,
                ViewBoard,
                ViewFollowUps,
                ViewContacts,
                ViewActivities,
                ViewCustomers,
                ViewStats,
                ViewCampaigns,
                Help,
                Quit,
            ],
            Context::Campaigns => &[
                Back,
                Up,
                Down,
                Top,
                Bottom,
                PageUp,
                PageDown,
                Open,
                Undo,
                Redo,
                Search,
                NextView,
                PrevView,
                ViewBoard,
                ViewFollowUps,
                ViewContacts,
                ViewActivities,
                ViewCustomers,
                ViewStats,
                ViewCampaigns,
                Help,
                Quit,
            ],
            Context::Detail => &[
                Back,
                Up,
                Down,
                Top,
                Bottom,
                PageUp,
                PageDown,
                MoveLeft,
                MoveRight,
                Won,
                Reschedule,
                Delete,
                Edit,
                LogCall,
                LogMeeting,
                LogNote,
                LogActivity,
                LinkContact,
                NextItem,
                PrevItem,
                ChangeRole,
                ToggleScore,
                Undo,
                Redo,
                Search,
                Help,
                Quit,
            ],
            Context::Form => &[
                Save,
                NextField,
                PrevField,
                ExternalEditor,
                ClearField,
                Cancel,
            ],
            Context::Search => &[SearchNext, SearchPrevious, Open, SearchClose],
            Context::Confirm => &[ConfirmYes, ConfirmNo],
            Context::Help => &[Up, Down, PageUp, PageDown, Cancel],
            Context::Dedupe => &[MergePair, SkipPair, StopReview],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventKind;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: crossterm::event::KeyEventState::NONE,
        }
    }

    #[test]
    fn defaults_cover_every_action_without_conflicts() {
        let keymap = Keymap::new(&BTreeMap::new()).unwrap();
        for action in Action::ALL {
            assert!(!keymap.keys(*action).is_empty(), "{action:?} has no key");
            for language in [crate::config::Language::En, crate::config::Language::Ja] {
                let description = keymap.description(*action, language);
                assert_ne!(
                    description,
                    action.message_id(),
                    "{action:?} has no description"
                );
            }
        }
        assert_eq!(
            keymap.action(
                Context::Board,
                &key(KeyCode::Char('H'), KeyModifiers::SHIFT)
            ),
            Some(Action::MoveLeft)
        );
        assert_eq!(
            keymap.action(
                Context::Board,
                &key(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
        assert_eq!(
            keymap.action(
                Context::Form,
                &key(KeyCode::Char('s'), KeyModifiers::CONTROL)
            ),
            Some(Action::Save)
        );
    }

    #[test]
    fn overrides_replace_keys_and_are_validated() {
        let mut overrides = BTreeMap::new();
        overrides.insert(
            "move_right".to_string(),
            KeyList::Many(vec!["ctrl-l".into(), ">".into()]),
        );
        let keymap = Keymap::new(&overrides).unwrap();
        assert_eq!(
            keymap.action(Context::Board, &key(KeyCode::Char('>'), KeyModifiers::NONE)),
            Some(Action::MoveRight)
        );
        assert_eq!(
            keymap.action(
                Context::Board,
                &key(KeyCode::Char('L'), KeyModifiers::SHIFT)
            ),
            None
        );

        let mut bad = BTreeMap::new();
        bad.insert("fly".to_string(), KeyList::One("f".into()));
        assert_eq!(Keymap::new(&bad).unwrap_err().key_path, "keys.fly");
        let mut clash = BTreeMap::new();
        clash.insert("won".to_string(), KeyList::One("d".into()));
        let err = Keymap::new(&clash).unwrap_err();
        assert!(
            err.message.to_string().contains("already the key of"),
            "{err:?}"
        );
        let mut junk = BTreeMap::new();
        junk.insert("won".to_string(), KeyList::One("ctrl-banana".into()));
        assert!(
            Keymap::new(&junk)
                .unwrap_err()
                .message
                .to_string()
                .contains("not a key")
        );
    }

    #[test]
    fn chords_read_and_print() {
        for text in [
            "q", "H", "ctrl-s", "enter", "pagedown", "f5", "alt-x", "space",
        ] {
            let chord = Chord::parse(text).unwrap();
            assert_eq!(
                Chord::parse(&chord.to_string().replace('↑', "up")).unwrap(),
                chord,
                "{text}"
            );
        }
    }
}
