//! Keyboard forms: fields with editors, focus, validation at the field, nothing lost.
//!
//! Tab/Shift-Tab (or ↓/↑) move between fields; Enter moves to the next of the form's quick
//! fields and saves from the last of them (so a call with a next action is `c`, summary,
//! Enter, `+3d`, Enter); Ctrl-S saves from anywhere; Esc cancels, asking first when
//! something was typed; Ctrl-E edits the field in `$EDITOR`.

pub mod contact;
pub mod filter;
pub mod lead;
pub mod link;
pub mod log;

use crate::config::Language;
use crate::keymap::{Action, Context, Keymap};
use crate::model::text::display_safe;
use crate::tr;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Style;
use ratatui_textarea::{CursorMove, TextArea};

/// What a field holds and how it is edited.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    Text,
    /// Several lines (notes, a call's details): Alt-Enter adds a line, Ctrl-E opens $EDITOR.
    LongText,
    /// A date in the form grammar (`+3d`, `tomorrow`, `12/1`, `明日`...).
    Date,
    /// A date and time (`now`, `yesterday 15:00`).
    Moment,
    /// An amount (`1200000`, `120万`).
    Amount,
    /// A whole number of minutes.
    Minutes,
    /// One of a list: (value, label). ←/→ or space to change.
    Choice(Vec<(String, String)>),
    /// A contact found by typing part of a name or reading; ↑/↓ choose among matches.
    ContactPicker,
}

pub struct Field {
    pub name: &'static str,
    pub label: String,
    pub kind: FieldKind,
    pub required: bool,
    pub editor: TextArea<'static>,
    pub choice: usize,
    pub error: Option<String>,
    pub hint: Option<String>,
    /// Matches of a contact picker: (id, label), and the chosen one.
    pub matches: Vec<(String, String)>,
    pub picked: usize,
    initial_text: String,
    initial_choice: usize,
}

impl Field {
    pub fn new(name: &'static str, label: &str, kind: FieldKind) -> Field {
        let mut editor = TextArea::default();
        editor.set_cursor_line_style(Style::default());
        Field {
            name,
            label: label.to_string(),
            kind,
            required: false,
            editor,
            choice: 0,
            error: None,
            hint: None,
            matches: Vec::new(),
            picked: 0,
            initial_text: String::new(),
            initial_choice: 0,
        }
    }

    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Field {
        self.hint = Some(hint.into());
        self
    }

    /// Starts the field with a value (what the record has now). Text from data is made safe
    /// to show; the form compares against this to know what the user changed.
    pub fn with_text(mut self, text: &str) -> Field {
        let safe: String = if self.kind == FieldKind::LongText {
            crate::model::text::display_safe_multiline(text)
        } else {
            display_safe(text)
        };
        self.set_text(&safe);
        self.initial_text = safe;
        self
    }

    pub fn with_choice(mut self, value: &str) -> Field {
        if let FieldKind::Choice(options) = &self.kind
            && let Some(i) = options.iter().position(|(v, _)| v == value)
        {
            self.choice = i;
            self.initial_choice = i;
        }
        self
    }

    /// Opens the field with its text selected, so the first key typed replaces it (a date
    /// being moved is rarely edited in place: `2026-11-21+1w` is not a date).
    pub fn selected(mut self) -> Field {
        self.editor.select_all();
        self
    }

    pub fn set_text(&mut self, text: &str) {
        let lines: Vec<String> = text.split('\n').map(String::from).collect();
        let mut editor = TextArea::new(lines);
        editor.set_cursor_line_style(Style::default());
        editor.move_cursor(CursorMove::Bottom);
        editor.move_cursor(CursorMove::End);
        self.editor = editor;
    }

    pub fn text(&self) -> String {
        self.editor.lines().join("\n")
    }

    /// The value of a choice field.
    pub fn chosen(&self) -> Option<&str> {
        match &self.kind {
            FieldKind::Choice(options) => options.get(self.choice).map(|(v, _)| v.as_str()),
            FieldKind::ContactPicker => self.matches.get(self.picked).map(|(id, _)| id.as_str()),
            _ => None,
        }
    }

    pub fn is_dirty(&self) -> bool {
        match self.kind {
            FieldKind::Choice(_) => self.choice != self.initial_choice,
            _ => self.text() != self.initial_text,
        }
    }

    /// Whether the user changed the text (edit forms write only what changed).
    pub fn text_changed(&self) -> bool {
        self.text() != self.initial_text
    }

    pub fn lines_needed(&self) -> u16 {
        match self.kind {
            FieldKind::LongText => 3,
            FieldKind::ContactPicker => 1 + self.matches.len().clamp(1, 5) as u16,
            _ => 1,
        }
    }
}

/// What a form is for.
#[derive(Debug, Clone, PartialEq)]
pub enum FormKind {
    AddLead,
    EditLead {
        id: String,
    },
    Reschedule {
        id: String,
    },
    Log {
        lead_id: Option<String>,
        contact_id: Option<String>,
    },
    AddContact,
    EditContact {
        id: String,
    },
    Link {
        lead_id: String,
    },
    EditActivity {
        id: String,
    },
    /// Put a contact on a lead picked by search (from Contacts).
    LinkToLead {
        contact_id: String,
    },
    /// Narrow the board (or the lead lists): nothing is saved.
    Filter {
        board: bool,
    },
}

pub struct Form {
    /// The language the form speaks: its labels, and the problems it marks at its fields.
    pub language: Language,
    pub title: String,
    pub kind: FormKind,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Enter on this field (or a later one) saves; before it, Enter moves on.
    pub quick_end: usize,
    /// A problem saving (e.g. the disk is full): shown in the form, which stays open.
    pub error: Option<String>,
    pub confirm_discard: bool,
}

/// What a key did to a form.
#[derive(Debug, Clone, PartialEq)]
pub enum FormEvent {
    Nothing,
    Submit,
    Cancel,
    /// Edit this text in `$EDITOR`; the result comes back through `Form::finish_external`.
    ExternalEdit(String),
    /// The contact picker's query changed: find matches for it.
    PickerQuery(String),
}

impl Form {
    pub fn new(
        language: Language,
        title: &str,
        kind: FormKind,
        fields: Vec<Field>,
        quick_end: usize,
    ) -> Form {
        let quick_end = quick_end.min(fields.len().saturating_sub(1));
        Form {
            language,
            title: title.to_string(),
            kind,
            fields,
            focus: 0,
            quick_end,
            error: None,
            confirm_discard: false,
        }
    }

    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    pub fn field_mut(&mut self, name: &str) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.name == name)
    }

    pub fn text(&self, name: &str) -> String {
        self.field(name).map(Field::text).unwrap_or_default()
    }

    pub fn is_dirty(&self) -> bool {
        self.fields.iter().any(Field::is_dirty)
    }

    /// Marks a field invalid and puts the focus on it.
    pub fn reject(&mut self, name: &str, message: impl Into<String>) {
        if let Some(i) = self.fields.iter().position(|f| f.name == name) {
            self.fields[i].error = Some(message.into());
        }
    }

    /// After validation: focus the first invalid field. True when every field is valid.
    pub fn settle(&mut self) -> bool {
        match self.fields.iter().position(|f| f.error.is_some()) {
            Some(i) => {
                self.focus = i;
                false
            }
            None => true,
        }
    }

    pub fn clear_errors(&mut self) {
        for f in &mut self.fields {
            f.error = None;
        }
        self.error = None;
    }

    pub fn on_key(&mut self, key: &KeyEvent, keymap: &Keymap) -> FormEvent {
        if self.confirm_discard {
            return match keymap.action(Context::Confirm, key) {
                Some(Action::ConfirmYes) => FormEvent::Cancel,
                _ => {
                    self.confirm_discard = false;
                    FormEvent::Nothing
                }
            };
        }
        let picker = self.fields[self.focus].kind == FieldKind::ContactPicker;
        if picker && matches!(key.code, KeyCode::Up | KeyCode::Down) {
            let field = &mut self.fields[self.focus];
            let n = field.matches.len();
            if n > 0 {
                field.picked = if key.code == KeyCode::Down {
                    (field.picked + 1) % n
                } else {
                    (field.picked + n - 1) % n
                };
            }
            return FormEvent::Nothing;
        }
        match keymap.action(Context::Form, key) {
            Some(Action::Save) => return FormEvent::Submit,
            Some(Action::Cancel) => {
                if self.is_dirty() {
                    self.confirm_discard = true;
                    return FormEvent::Nothing;
                }
                return FormEvent::Cancel;
            }
            Some(Action::NextField) => {
                self.focus = (self.focus + 1) % self.fields.len();
                return FormEvent::Nothing;
            }
            Some(Action::PrevField) => {
                self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
                return FormEvent::Nothing;
            }
            Some(Action::ClearField) => {
                let field = &mut self.fields[self.focus];
                if matches!(field.kind, FieldKind::Choice(_)) {
                    return FormEvent::Nothing;
                }
                field.set_text("");
                field.error = None;
                if field.kind == FieldKind::ContactPicker {
                    return FormEvent::PickerQuery(String::new());
                }
                return FormEvent::Nothing;
            }
            Some(Action::ExternalEditor) => {
                let field = &self.fields[self.focus];
                if !matches!(field.kind, FieldKind::Choice(_) | FieldKind::ContactPicker) {
                    return FormEvent::ExternalEdit(field.text());
                }
                return FormEvent::Nothing;
            }
            _ => {}
        }
        let alt_enter = key.code == KeyCode::Enter && key.modifiers.contains(KeyModifiers::ALT);
        if key.code == KeyCode::Enter && !alt_enter {
            if self.focus >= self.quick_end {
                return FormEvent::Submit;
            }
            self.focus += 1;
            return FormEvent::Nothing;
        }
        let field = &mut self.fields[self.focus];
        match &field.kind {
            FieldKind::Choice(options) => {
                let n = options.len().max(1);
                match key.code {
                    KeyCode::Right | KeyCode::Char(' ') => field.choice = (field.choice + 1) % n,
                    KeyCode::Left => field.choice = (field.choice + n - 1) % n,
                    KeyCode::Char(c) => {
                        let c = c.to_lowercase().to_string();
                        let start = field.choice + 1;
                        if let Some(i) = (0..n).map(|k| (start + k) % n).find(|i| {
                            options[*i].1.to_lowercase().starts_with(&c)
                                || options[*i].0.starts_with(&c)
                        }) {
                            field.choice = i;
                        }
                    }
                    _ => {}
                }
                field.error = None;
                FormEvent::Nothing
            }
            kind => {
                let kind = kind.clone();
                if alt_enter {
                    if kind == FieldKind::LongText {
                        field.editor.insert_newline();
                    }
                    return FormEvent::Nothing;
                }
                let before = field.text();
                field.editor.input(*key);
                if kind != FieldKind::LongText && field.editor.lines().len() > 1 {
                    // One-line fields never hold a line break.
                    let joined = field.editor.lines().join(" ");
                    field.set_text(&joined);
                }
                let after = field.text();
                if after != before {
                    field.error = None;
                    if kind == FieldKind::ContactPicker {
                        return FormEvent::PickerQuery(after);
                    }
                }
                FormEvent::Nothing
            }
        }
    }

    /// Text pasted (or composed by an input method) goes into the focused field.
    pub fn on_paste(&mut self, text: &str) -> FormEvent {
        let field = &mut self.fields[self.focus];
        if matches!(field.kind, FieldKind::Choice(_)) {
            return FormEvent::Nothing;
        }
        let text = if field.kind == FieldKind::LongText {
            crate::model::text::display_safe_multiline(text)
        } else {
            display_safe(text)
        };
        field.editor.insert_str(&text);
        field.error = None;
        if field.kind == FieldKind::ContactPicker {
            return FormEvent::PickerQuery(field.text());
        }
        FormEvent::Nothing
    }

    /// The text back from `$EDITOR` replaces the focused field's.
    pub fn finish_external(&mut self, text: &str) {
        let field = &mut self.fields[self.focus];
        let text = text.trim_end_matches('\n');
        let text = if field.kind == FieldKind::LongText {
            crate::model::text::display_safe_multiline(text)
        } else {
            display_safe(text)
        };
        field.set_text(&text);
        field.error = None;
    }
}

/// The campaign a lead came from or an activity belongs to: none, or one of `campaigns`
/// (id, name), starting at `current`. No field when there is no campaign to choose.
pub fn campaign_field(
    campaigns: &[(String, String)],
    current: Option<&str>,
    language: Language,
) -> Option<Field> {
    if campaigns.is_empty() {
        return None;
    }
    let mut choices = vec![(String::new(), "—".to_string())];
    choices.extend(
        campaigns
            .iter()
            .map(|(id, name)| (id.clone(), display_safe(name))),
    );
    Some(
        Field::new(
            "campaign",
            &tr!(language, "form-campaign"),
            FieldKind::Choice(choices),
        )
        .with_choice(current.unwrap_or("")),
    )
}

/// The campaign chosen in the form's campaign field (none when it has none).
pub fn chosen_campaign(form: &Form) -> Option<String> {
    form.field("campaign")
        .and_then(Field::chosen)
        .filter(|id| !id.is_empty())
        .map(String::from)
}

/// Choices for yes/no/unknown questions.
pub fn answer_choices(language: Language) -> Vec<(String, String)> {
    vec![
        ("unknown".into(), tr!(language, "form-answer-unknown")),
        ("yes".into(), tr!(language, "form-answer-yes")),
        ("no".into(), tr!(language, "form-answer-no")),
    ]
}

/// How a date field reads what may be typed in it.
pub(crate) fn date_hint(language: Language) -> String {
    tr!(language, "form-hint-date")
}

/// How a moment field (when something happened) reads what may be typed in it.
pub(crate) fn moment_hint(language: Language) -> String {
    tr!(language, "form-hint-moment")
}

/// `text` is not a date the forms read, with examples that are.
pub(crate) fn bad_date(language: Language, text: &str) -> String {
    tr!(language, "form-bad-date", text = display_safe(text.trim()))
}

/// `text` is not an amount, with examples that are.
pub(crate) fn bad_amount(language: Language, text: &str) -> String {
    tr!(
        language,
        "form-bad-amount",
        text = display_safe(text.trim())
    )
}

/// `text` is not a whole number of minutes.
pub(crate) fn bad_minutes(language: Language, text: &str) -> String {
    tr!(
        language,
        "form-bad-minutes",
        text = display_safe(text.trim())
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEventKind, KeyEventState};
    use std::collections::BTreeMap;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }
    }

    fn typed(form: &mut Form, keymap: &Keymap, text: &str) {
        for c in text.chars() {
            form.on_key(&key(KeyCode::Char(c)), keymap);
        }
    }

    fn form() -> Form {
        Form::new(
            Language::En,
            "t",
            FormKind::AddLead,
            vec![
                Field::new("a", "A", FieldKind::Text),
                Field::new("b", "B", FieldKind::Date),
                Field::new("c", "C", FieldKind::Choice(answer_choices(Language::En))),
            ],
            1,
        )
    }

    #[test]
    fn enter_moves_then_saves_from_the_last_quick_field() {
        let keymap = Keymap::new(&BTreeMap::new()).unwrap();
        let mut f = form();
        typed(&mut f, &keymap, "課長と電話");
        assert_eq!(f.on_key(&key(KeyCode::Enter), &keymap), FormEvent::Nothing);
        assert_eq!(f.focus, 1);
        typed(&mut f, &keymap, "+3d");
        assert_eq!(f.on_key(&key(KeyCode::Enter), &keymap), FormEvent::Submit);
        assert_eq!(f.text("a"), "課長と電話");
        assert_eq!(f.text("b"), "+3d");
    }

    #[test]
    fn japanese_text_edits_by_character() {
        let keymap = Keymap::new(&BTreeMap::new()).unwrap();
        let mut f = form();
        typed(&mut f, &keymap, "佐藤花子");
        f.on_key(&key(KeyCode::Left), &keymap);
        f.on_key(&key(KeyCode::Backspace), &keymap);
        assert_eq!(f.text("a"), "佐藤子");
        f.on_paste("ﾃｽﾄ\u{1b}[2J");
        assert_eq!(f.text("a"), "佐藤ﾃｽﾄ\u{fffd}[2J子");
    }

    #[test]
    fn escape_asks_before_losing_typed_text() {
        let keymap = Keymap::new(&BTreeMap::new()).unwrap();
        let mut f = form();
        assert_eq!(
            f.on_key(&key(KeyCode::Esc), &keymap),
            FormEvent::Cancel,
            "nothing typed: just close"
        );
        typed(&mut f, &keymap, "x");
        assert_eq!(f.on_key(&key(KeyCode::Esc), &keymap), FormEvent::Nothing);
        assert!(f.confirm_discard);
        assert_eq!(
            f.on_key(&key(KeyCode::Char('n')), &keymap),
            FormEvent::Nothing
        );
        assert_eq!(f.text("a"), "x", "kept");
        f.on_key(&key(KeyCode::Esc), &keymap);
        assert_eq!(
            f.on_key(&key(KeyCode::Char('y')), &keymap),
            FormEvent::Cancel
        );
    }

    /// The examples a hint or a problem offers, split the way each catalog writes a list.
    fn examples(text: &str) -> Vec<String> {
        let inside = match text.find(['(', '（']) {
            Some(open) => text[open..]
                .trim_start_matches(['(', '（'])
                .trim_end_matches([')', '）'])
                .to_string(),
            None => text.to_string(),
        };
        let inside = ["try ", "e.g. ", "例: "]
            .iter()
            .fold(inside, |t, lead| t.trim_start_matches(lead).to_string());
        inside
            .replace(" or ", ", ")
            .split([',', '、'])
            .map(|e| e.trim().to_string())
            .filter(|e| !e.is_empty())
            .collect()
    }

    #[test]
    fn the_examples_the_forms_offer_are_read_in_both_languages() {
        use crate::model::amount::parse_amount;
        use crate::model::dates::{parse_due, parse_moment};
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let now = today.and_hms_opt(10, 0, 0).unwrap();
        for language in [Language::En, Language::Ja] {
            let dates = [date_hint(language), bad_date(language, "x")]
                .iter()
                .flat_map(|t| examples(t))
                .collect::<Vec<_>>();
            assert!(dates.len() >= 4, "{dates:?}");
            for example in dates {
                assert!(
                    parse_due(&example, today).is_ok(),
                    "{language:?}: {example}"
                );
            }
            for example in examples(&moment_hint(language)) {
                assert!(
                    parse_moment(&example, now).is_ok(),
                    "{language:?}: {example}"
                );
            }
            for text in [tr!(language, "form-hint-amount"), bad_amount(language, "x")] {
                let amounts: Vec<String> = text
                    .split(['(', '（'])
                    .next_back()
                    .unwrap_or_default()
                    .trim_start_matches("e.g. ")
                    .trim_start_matches("例: ")
                    .trim_end_matches([')', '）'])
                    .replace(" or ", ", ")
                    .split([' ', '、'])
                    .map(|e| e.trim_end_matches(',').to_string())
                    .filter(|e| !e.is_empty())
                    .collect();
                assert!(amounts.len() >= 2, "{amounts:?}");
                for example in amounts {
                    assert!(parse_amount(&example).is_ok(), "{language:?}: {example}");
                }
            }
        }
    }

    #[test]
    fn choices_cycle_and_jump() {
        let keymap = Keymap::new(&BTreeMap::new()).unwrap();
        let mut f = form();
        f.focus = 2;
        f.on_key(&key(KeyCode::Right), &keymap);
        assert_eq!(f.fields[2].chosen(), Some("yes"));
        f.on_key(&key(KeyCode::Char('n')), &keymap);
        assert_eq!(f.fields[2].chosen(), Some("no"));
        f.on_key(&key(KeyCode::Left), &keymap);
        assert_eq!(f.fields[2].chosen(), Some("yes"));
    }
}
