//! The terminal app as plain Rust: keys in, state and screens out.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use chrono::{Days, NaiveDate};
use common::{HOSTILE, is_bidi_or_zero_width, screen};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use leadtrack::config::{Config, KeyList};
use leadtrack::features::demo::{self, DemoSize};
use leadtrack::model::contact::NameOrder;
use leadtrack::model::lead::LeadFields;
use leadtrack::model::{ActivityKind, Stage};
use leadtrack::session::Session;
use leadtrack::store::leads::Origin;
use leadtrack::tui::{
    self,
    app::{App, Outcome, Popup, View},
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn config() -> Config {
    let mut config = Config::default();
    config.user.name = Some("山本".into());
    // These tests begin on the board; how the app picks its first view has its own tests.
    config.ui.start_view = leadtrack::config::StartView::Board;
    config
}

/// A small demo database with a few hand-made Japanese leads on top.
fn session(config: Config) -> Session {
    let mut session = Session::in_memory(config).unwrap();
    let size = DemoSize {
        leads: 30,
        contacts: 45,
        activities: 150,
        seed: 7,
    };
    demo::generate_on(&mut session.store, &session.config, size, today()).unwrap();
    session
}

fn app() -> App {
    App::new(session(config()), today()).unwrap()
}

fn empty_app() -> App {
    App::new(Session::in_memory(config()).unwrap(), today()).unwrap()
}

fn event(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

fn press(app: &mut App, code: KeyCode) -> Outcome {
    app.on_key(event(code, KeyModifiers::NONE))
}

fn ctrl(app: &mut App, c: char) -> Outcome {
    app.on_key(event(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Types text one character at a time, as a terminal delivers it (IME output included).
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let modifiers = if c.is_ascii_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        app.on_key(event(KeyCode::Char(c), modifiers));
    }
}

fn selected_lead(app: &App) -> leadtrack::model::Lead {
    app.target_lead().expect("a lead is selected")
}

fn lead(app: &App, id: &str) -> leadtrack::model::Lead {
    leadtrack::store::leads::get(app.session.store.conn(), id, NameOrder::Auto)
        .unwrap()
        .unwrap()
}

#[test]
fn columns_and_cards_move_with_hjkl_and_arrows() {
    let mut app = app();
    screen(&mut app, 120, 40);
    let first = selected_lead(&app);
    assert_eq!(first.stage, Stage::Considering);
    press(&mut app, KeyCode::Char('j'));
    let second = selected_lead(&app);
    assert_ne!(first.id, second.id);
    press(&mut app, KeyCode::Up);
    assert_eq!(selected_lead(&app).id, first.id);
    press(&mut app, KeyCode::Char('l'));
    screen(&mut app, 120, 40);
    assert_eq!(app.board.focus, 1);
    assert_eq!(selected_lead(&app).stage, Stage::Future);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    assert_eq!(app.board.focus, 2, "stops at the last column");
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(app.board.focus, 1);
}

#[test]
fn a_column_scrolls_and_keeps_its_selection_after_a_refresh() {
    let mut app = app();
    press(&mut app, KeyCode::Char('l'));
    screen(&mut app, 80, 24);
    for _ in 0..10 {
        press(&mut app, KeyCode::Char('j'));
        screen(&mut app, 80, 24);
    }
    let deep = selected_lead(&app);
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains(&deep.title[..6]),
        "the selected card is on screen:\n{shown}"
    );
    app.changed();
    screen(&mut app, 80, 24);
    assert_eq!(selected_lead(&app).id, deep.id);
    press(&mut app, KeyCode::Char('G'));
    screen(&mut app, 80, 24);
    press(&mut app, KeyCode::Char('g'));
    screen(&mut app, 80, 24);
    assert_eq!(app.board.columns[1].selected_index(), 0);
}

#[test]
fn moving_a_lead_records_the_stage_change_and_undo_reverts_it() {
    let mut app = app();
    screen(&mut app, 120, 40);
    let lead = selected_lead(&app);
    press(&mut app, KeyCode::Char('L'));
    assert_eq!(app.board.focus, 1, "the selection follows the card");
    assert_eq!(selected_lead(&app).id, lead.id);
    assert_eq!(self::lead(&app, &lead.id).stage, Stage::Future);
    let history =
        leadtrack::store::leads::stage_history(app.session.store.conn(), &lead.id).unwrap();
    let last = history.last().unwrap();
    assert_eq!(
        (last.from, last.to),
        (Some(Stage::Considering), Stage::Future)
    );
    press(&mut app, KeyCode::Char('H'));
    assert_eq!(self::lead(&app, &lead.id).stage, Stage::Considering);
    press(&mut app, KeyCode::Char('H'));
    assert!(app.status.as_ref().unwrap().text.contains("last stage"));
    press(&mut app, KeyCode::Char('L'));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(self::lead(&app, &lead.id).stage, Stage::Considering);
    assert!(app.status.as_ref().unwrap().text.starts_with("Undone"));
}

/// A move taken back stays in the stage history, marked as undone (the stats leave it out,
/// and the rep reading the history must be able to tell why).
#[test]
fn the_detail_marks_undone_moves_in_the_stage_history() {
    let (mut app, _, _, _) = one_of_each();
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Enter);
    screen(&mut app, 120, 40);
    shift(&mut app, 'L');
    press(&mut app, KeyCode::Char('u'));
    assert!(app.detail.is_some(), "the lead stays open");
    let shown = screen(&mut app, 120, 40);
    // The history is the right half of the wide detail.
    let moves: Vec<&str> = shown
        .lines()
        .filter_map(|l| l.split_once('│').map(|(_, right)| right))
        .skip_while(|l| !l.contains("Stage history"))
        .skip(1)
        .take(3)
        .collect();
    assert!(
        moves[0].contains("Considering") && !moves[0].contains("(undone)"),
        "the first stage was not undone: {moves:?}"
    );
    // The stage names give way (with …) before the mark and the rep's name do.
    for (line, what) in [
        (moves[1], "Considering → Future"),
        (moves[2], "Future potential → Consid"),
    ] {
        assert!(
            line.contains(what) && line.contains("(undone)"),
            "{what}: {moves:?}\n{shown}"
        );
    }
}

#[test]
fn won_makes_a_customer() {
    let mut app = app();
    screen(&mut app, 120, 40);
    let lead = selected_lead(&app);
    press(&mut app, KeyCode::Char('w'));
    assert_eq!(self::lead(&app, &lead.id).stage, Stage::Customer);
    press(&mut app, KeyCode::Char('5'));
    assert_eq!(app.view, View::Customers);
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains(&lead.title), "{shown}");
}

#[test]
fn delete_asks_first_and_undo_brings_it_back() {
    let mut app = app();
    screen(&mut app, 120, 40);
    let lead = selected_lead(&app);
    press(&mut app, KeyCode::Char('d'));
    assert!(matches!(app.popup, Some(Popup::Confirm { .. })));
    press(&mut app, KeyCode::Char('n'));
    assert!(app.popup.is_none());
    assert_eq!(self::lead(&app, &lead.id).id, lead.id);
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    assert!(
        leadtrack::store::leads::get(app.session.store.conn(), &lead.id, NameOrder::Auto)
            .unwrap()
            .is_none()
    );
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(self::lead(&app, &lead.id).id, lead.id);
}

#[test]
fn a_call_with_a_next_action_is_c_summary_enter_date_enter() {
    let mut app = app();
    screen(&mut app, 120, 40);
    let lead = selected_lead(&app);
    press(&mut app, KeyCode::Char('c'));
    type_text(&mut app, "課長と電話");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "+3d");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup.is_none(), "saved and closed");
    let after = self::lead(&app, &lead.id);
    assert_eq!(
        after.next_action_on.unwrap().date,
        today().checked_add_days(Days::new(3)).unwrap()
    );
    let activities =
        leadtrack::store::activities::of_lead(app.session.store.conn(), &lead.id, 1).unwrap();
    assert_eq!(activities[0].summary, "課長と電話");
    assert_eq!(activities[0].kind, ActivityKind::Call);
    assert!(app.status.as_ref().unwrap().text.starts_with("Logged call"));
    press(&mut app, KeyCode::Char('u'));
    let undone = self::lead(&app, &lead.id);
    assert_eq!(
        undone.next_action_on, lead.next_action_on,
        "undo puts the old date back"
    );
    assert!(
        leadtrack::store::activities::of_lead(app.session.store.conn(), &lead.id, 50)
            .unwrap()
            .iter()
            .all(|a| a.summary != "課長と電話")
    );
}

#[test]
fn invalid_input_is_marked_at_the_field_and_nothing_typed_is_lost() {
    let mut app = app();
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "someday");
    press(&mut app, KeyCode::Enter);
    let Some(Popup::Form(form)) = &app.popup else {
        panic!("the form stays open")
    };
    assert!(form.field("summary").unwrap().error.is_some());
    assert!(
        form.field("due")
            .unwrap()
            .error
            .as_ref()
            .unwrap()
            .contains("'someday' is not a date")
    );
    assert_eq!(form.text("due"), "someday");
    assert_eq!(
        form.fields[form.focus].name, "summary",
        "focus goes to the first problem"
    );
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("is not a date"), "{shown}");
    type_text(&mut app, "訪問");
    press(&mut app, KeyCode::Esc);
    let Some(Popup::Form(form)) = &app.popup else {
        panic!("esc asks first")
    };
    assert!(form.confirm_discard);
    press(&mut app, KeyCode::Char('n'));
    let Some(Popup::Form(form)) = &app.popup else {
        panic!("still open")
    };
    assert_eq!(form.text("summary"), "訪問");
}

#[test]
fn adding_a_lead_with_a_japanese_title() {
    let mut app = app();
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "ミドリ技研 設備更新");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "ミドリ技研株式会社");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "見積送付");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "明日");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup.is_none());
    let added = selected_lead(&app);
    assert_eq!(added.title, "ミドリ技研 設備更新");
    assert_eq!(added.stage, Stage::Future, "added to the focused column");
    assert_eq!(added.owner.as_deref(), Some("山本"));
    assert_eq!(
        added.next_action_on.unwrap().date,
        today().succ_opt().unwrap()
    );
}

#[test]
fn editing_a_lead_keeps_the_old_value_in_history() {
    let mut app = app();
    screen(&mut app, 120, 40);
    let lead = selected_lead(&app);
    press(&mut app, KeyCode::Char('e'));
    for _ in 0..30 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "新しい件名");
    ctrl(&mut app, 's');
    assert!(app.popup.is_none());
    assert_eq!(self::lead(&app, &lead.id).title, "新しい件名");
    let history = leadtrack::store::history::of_record(app.session.store.conn(), &lead.id).unwrap();
    assert!(
        history
            .iter()
            .any(|h| h.field == "title" && h.previous == lead.title.as_str())
    );
    assert_eq!(
        self::lead(&app, &lead.id).company,
        lead.company,
        "untouched fields stay"
    );
}

#[test]
fn detail_shows_everything_and_esc_returns() {
    let mut app = app();
    screen(&mut app, 120, 40);
    let lead = selected_lead(&app);
    press(&mut app, KeyCode::Enter);
    let shown = screen(&mut app, 120, 40);
    assert!(app.detail.is_some());
    for part in [
        lead.title.as_str(),
        "Stage history",
        "Activities (newest first)",
        "Score",
        "Contacts",
    ] {
        assert!(shown.contains(part), "{part} missing:\n{shown}");
    }
    screen(&mut app, 80, 24);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(
        app.detail.as_ref().unwrap().scroll,
        1,
        "a long detail scrolls at 80×24"
    );
    press(&mut app, KeyCode::Esc);
    assert!(app.detail.is_none());
    assert_eq!(selected_lead(&app).id, lead.id);
}

#[test]
fn the_score_breakdown_keeps_the_longest_kind_apart_from_its_points() {
    let mut app = app();
    screen(&mut app, 120, 40);
    let lead = selected_lead(&app);
    let signup = leadtrack::model::activity::ActivityFields {
        kind: ActivityKind::NewsletterSignup,
        lead_id: Some(lead.id.clone()),
        contact_id: None,
        occurred_at: chrono::Utc::now(),
        duration_minutes: None,
        direction: None,
        summary: "メルマガ登録".into(),
        body: None,
        by: None,
        campaign_id: None,
    };
    app.session
        .store
        .write(|w| leadtrack::store::activities::insert(w, &signup, &Origin::default()))
        .unwrap();
    press(&mut app, KeyCode::Enter);
    // The breakdown opens with its key.
    press(&mut app, KeyCode::Char('b'));
    let shown = screen(&mut app, 120, 40);
    assert!(
        shown
            .lines()
            .any(|l| l.contains("Newsletter sign-up 2 pt") || l.contains("Newsletter sign-up  ")),
        "kind and points run together:\n{shown}"
    );
    assert!(!shown.contains("sign-up2"), "{shown}");
}

#[test]
fn search_finds_by_reading_in_any_kana_or_width_and_jumps() {
    let mut app = app();
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "ｻｻｷ");
    screen(&mut app, 120, 40);
    let Some(Popup::Search(search)) = &app.popup else {
        panic!("search is open")
    };
    assert!(!search.hits.is_empty());
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.view, View::Contacts);
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("佐々木"), "{shown}");
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "xyz");
    press(&mut app, KeyCode::Esc);
    assert!(app.popup.is_none());
    assert_eq!(app.view, View::Board, "esc restores the view");
}

#[test]
fn every_search_keystroke_updates_the_results() {
    let mut app = app();
    let id = app
        .session
        .store
        .write(|w| {
            let fields = LeadFields {
                title: "ミドリ技研 設備更新".into(),
                ..LeadFields::default()
            };
            leadtrack::store::leads::insert(w, &fields, &Origin::default())
        })
        .unwrap();
    press(&mut app, KeyCode::Char('/'));
    let mut counts = Vec::new();
    for c in "みどりx".chars() {
        type_text(&mut app, &c.to_string());
        let Some(Popup::Search(search)) = &app.popup else {
            panic!()
        };
        counts.push(
            search
                .hits
                .iter()
                .filter(|h| matches!(h, leadtrack::tui::popups::search::Hit::Lead(l) if l.id == id))
                .count(),
        );
    }
    assert_eq!(counts, [1, 1, 1, 0]);
}

#[test]
fn help_lists_the_live_keymap_of_the_view() {
    let mut config = config();
    config
        .keys
        .insert("move_right".into(), KeyList::One(">".into()));
    let mut app = App::new(session(config), today()).unwrap();
    press(&mut app, KeyCode::Char('?'));
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("Move the lead to the next stage"), "{shown}");
    assert!(shown.contains(">  "), "the user's key is listed:\n{shown}");
    press(&mut app, KeyCode::Esc);
    assert!(app.popup.is_none());
    let lead = selected_lead(&app);
    press(&mut app, KeyCode::Char('>'));
    assert_eq!(self::lead(&app, &lead.id).stage, Stage::Future);
    press(&mut app, KeyCode::Char('L'));
    assert_eq!(
        self::lead(&app, &lead.id).stage,
        Stage::Future,
        "L is no longer bound"
    );
}

#[test]
fn a_contact_is_put_on_a_lead_by_typing_part_of_the_reading() {
    let mut app = app();
    screen(&mut app, 120, 40);
    let lead = selected_lead(&app);
    press(&mut app, KeyCode::Char('p'));
    type_text(&mut app, "ささき");
    let Some(Popup::Form(form)) = &app.popup else {
        panic!()
    };
    let candidate = form
        .field("contact")
        .unwrap()
        .matches
        .first()
        .cloned()
        .expect("someone matches");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert!(app.popup.is_none(), "{:?}", app.status);
    let linked = self::lead(&app, &lead.id).contacts;
    assert!(
        linked
            .iter()
            .any(|c| c.id == candidate.0 && c.role.id() == "decision_maker")
    );
}

#[test]
fn contacts_view_adds_and_edits_cards() {
    let mut app = empty_app();
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "佐藤");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "花子");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "さとう");
    ctrl(&mut app, 's');
    assert!(app.popup.is_none(), "{:?}", app.status);
    let shown = screen(&mut app, 120, 40);
    assert!(
        shown.contains("佐藤 花子") && shown.contains("さとう"),
        "{shown}"
    );
    press(&mut app, KeyCode::Char('e'));
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "ミドリ技研");
    ctrl(&mut app, 's');
    screen(&mut app, 120, 40);
    let c = app.contacts.list.selected().unwrap().clone();
    assert_eq!(c.company.as_deref(), Some("ミドリ技研"));
    assert_eq!(c.family_name.as_deref(), Some("佐藤"));
}

#[test]
fn another_process_writing_shows_up_without_losing_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.db");
    let session = Session::open(Some(&path), None).unwrap();
    let mut app = App::new(session, today()).unwrap();
    let mut other = leadtrack::store::Store::open(&path, "鈴木").unwrap();
    let add = |store: &mut leadtrack::store::Store, title: &str| {
        store
            .write(|w| {
                let fields = LeadFields {
                    title: title.into(),
                    ..LeadFields::default()
                };
                leadtrack::store::leads::insert(w, &fields, &Origin::default())
            })
            .unwrap()
    };
    let first = add(&mut other, "既存の案件");
    app.tick(today());
    screen(&mut app, 120, 40);
    assert_eq!(selected_lead(&app).id, first);
    add(&mut other, "別の端末で追加");
    app.tick(today());
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("別の端末で追加"), "{shown}");
    assert_eq!(
        selected_lead(&app).id,
        first,
        "the selection stays on the same lead"
    );
}

#[test]
fn a_small_terminal_gets_a_notice_and_recovers() {
    let mut app = app();
    let small = screen(&mut app, 60, 15);
    assert!(small.contains("Terminal too small"), "{small}");
    assert!(small.contains("60×15"));
    let back = screen(&mut app, 80, 24);
    assert!(back.contains("Considering"), "{back}");
}

#[test]
fn quit_keys() {
    let mut app = empty_app();
    assert_eq!(press(&mut app, KeyCode::Char('q')), Outcome::Quit);
    assert_eq!(ctrl(&mut app, 'c'), Outcome::Quit);
}

#[test]
fn ctrl_e_hands_the_field_to_the_editor_and_takes_the_result() {
    let mut app = app();
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "メモ");
    assert_eq!(ctrl(&mut app, 'e'), Outcome::ExternalEdit("メモ".into()));
    app.finish_external_edit(Some("長いメモ\n".into()));
    let Some(Popup::Form(form)) = &app.popup else {
        panic!()
    };
    assert_eq!(form.text("summary"), "長いメモ");
}

#[test]
fn contacts_view_reviews_duplicates_side_by_side() {
    let mut app = empty_app();
    let add = |app: &mut App, family: &str, company: &str, phone: &str, on: u32| {
        let card = leadtrack::model::contact::ContactFields {
            family_name: Some(family.into()),
            given_name: Some("花子".into()),
            company: Some(company.into()),
            exchanged_on: NaiveDate::from_ymd_opt(2026, on, 1),
            ..Default::default()
        }
        .with_phone(phone, leadtrack::model::contact::ValueKind::Work);
        app.session
            .store
            .write(|w| leadtrack::store::contacts::insert(w, &card, &Origin::default()))
            .unwrap()
    };
    let keep = add(&mut app, "佐藤", "ミドリ技研株式会社", "03-1111", 1);
    let merge = add(&mut app, "佐藤", "(株)ミドリ技研", "03-2222", 11);
    add(&mut app, "鈴木", "アオバ", "03-3333", 5);
    add(&mut app, "鈴木", "アオバ株式会社", "03-4444", 6);
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('D'));
    let shown = screen(&mut app, 120, 40);
    assert!(
        shown.contains("Probable duplicate 1/2") && shown.contains("same name and company"),
        "{shown}"
    );
    assert!(
        shown.contains("03-1111") && shown.contains("03-2222"),
        "{shown}"
    );
    press(&mut app, KeyCode::Char('m'));
    let kept = leadtrack::store::contacts::get(app.session.store.conn(), &keep)
        .unwrap()
        .unwrap();
    assert_eq!(
        kept.phone.as_deref(),
        Some("03-2222"),
        "the newer card wins"
    );
    assert!(
        leadtrack::store::contacts::get(app.session.store.conn(), &merge)
            .unwrap()
            .is_none()
    );
    press(&mut app, KeyCode::Char('s'));
    assert!(app.popup.is_none());
    assert_eq!(
        app.status.as_ref().unwrap().text,
        "Duplicates reviewed: merged 1, skipped 1"
    );
}

#[test]
fn s_cycles_the_board_sort_and_keeps_the_selection() {
    let mut app = app();
    press(&mut app, KeyCode::Char('l'));
    screen(&mut app, 120, 40);
    let lead = selected_lead(&app);
    for expected in [
        "by next action",
        "by value",
        "longest quiet first",
        "by rank",
    ] {
        press(&mut app, KeyCode::Char('s'));
        let shown = screen(&mut app, 120, 40);
        assert!(
            app.status.as_ref().unwrap().text.ends_with(expected),
            "{:?}",
            app.status
        );
        if expected != "by rank" {
            assert!(
                shown.contains(&format!("── {expected}")),
                "the column says how it is sorted:\n{shown}"
            );
        }
        assert_eq!(selected_lead(&app).id, lead.id, "sorted {expected}");
    }
    // By value: the first card has the largest value of the column.
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('s'));
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('g'));
    let values: Vec<i64> = app.board.columns[1]
        .rows()
        .filter_map(|l| l.value)
        .collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
}

#[test]
fn stale_and_owner_filters_on_the_board_and_the_follow_ups() {
    let mut app = app();
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('S'));
    screen(&mut app, 120, 40);
    let limits = app.session.config.stages.stale_after_days.clone();
    for column in &app.board.columns {
        for lead in column.rows() {
            assert!(leadtrack::followups::is_stale(
                lead.stage,
                lead.last_activity_at.as_ref(),
                &lead.created_at,
                &limits,
                today()
            ));
        }
    }
    press(&mut app, KeyCode::Char('S'));
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(
        app.board.filters.owner.as_deref(),
        Some("山本"),
        "o first shows my leads"
    );
    screen(&mut app, 120, 40);
    assert!(
        app.board
            .columns
            .iter()
            .flat_map(|c| c.rows())
            .all(|l| l.owner.as_deref() == Some("山本"))
    );
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('o'));
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("[山本]"), "{shown}");
    assert!(
        app.follow_ups
            .rows()
            .all(|l| l.owner.as_deref() == Some("山本"))
    );
    // The cycle comes back to everyone's leads after the last rep.
    let mut presses = 0;
    while app.list_filters.owner.is_some() && presses < 10 {
        press(&mut app, KeyCode::Char('o'));
        presses += 1;
    }
    assert_eq!(app.list_filters.owner, None, "the cycle never gets stuck");
}

#[test]
fn reschedule_from_the_follow_ups_is_one_date_field() {
    let mut app = app();
    press(&mut app, KeyCode::Char('2'));
    screen(&mut app, 120, 40);
    let lead = selected_lead(&app);
    press(&mut app, KeyCode::Char('r'));
    for _ in 0..12 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "金曜");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup.is_none(), "{:?}", app.status);
    let after = self::lead(&app, &lead.id);
    assert_eq!(
        after.next_action_on.unwrap().date,
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    );
    assert_eq!(after.next_action, lead.next_action, "only the date moves");
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(
        self::lead(&app, &lead.id).next_action_on,
        lead.next_action_on
    );
}

#[test]
fn the_stats_view_draws_the_funnel() {
    let mut app = app();
    press(&mut app, KeyCode::Char('6'));
    let shown = screen(&mut app, 120, 40);
    for part in [
        "Open leads per stage",
        "Flow since",
        "By source",
        "By rep",
        "Won since",
        "█",
    ] {
        assert!(shown.contains(part), "{part} missing:\n{shown}");
    }
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.stats_scroll, 1);
    // The Demand Waterfall comes last: scrolled to, all sources first.
    press(&mut app, KeyCode::End);
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("Demand waterfall"), "{shown}");
    let all = shown
        .lines()
        .find(|l| l.starts_with("All sources"))
        .unwrap_or_else(|| panic!("{shown}"));
    assert!(all.contains(" → ") && all.contains("days"), "{all}");
}

/// Sources and activity kinds read as their labels in every section of the Stats view
/// (by source, by rep, first and last touch of won leads), never as stored ids.
#[test]
fn the_stats_view_names_sources_and_kinds_by_their_labels() {
    let (mut app, lead_id, _, _) = one_of_each();
    leadtrack::features::activity::log(
        &mut app.session.store,
        &app.session.config,
        &leadtrack::features::activity::LogEntry {
            kind: ActivityKind::WebVisit,
            lead_id: Some(lead_id.clone()),
            contact_id: None,
            occurred_at: chrono::Utc::now() - chrono::Duration::days(1),
            duration_minutes: None,
            direction: None,
            summary: "料金ページを閲覧".into(),
            body: None,
            next_action: None,
            next_action_on: None,
            campaign_id: None,
        },
    )
    .unwrap();
    leadtrack::features::leads::mark_won(&mut app.session.store, &lead_id).unwrap();
    app.refresh();
    press(&mut app, KeyCode::Char('6'));
    // Wide enough that no line is cut.
    let shown = screen(&mut app, 200, 50);
    for id in ["business_card", "web_visit"] {
        assert!(!shown.contains(id), "{id} on screen:\n{shown}");
    }
    for label in [
        "Business card",
        "web visit 0.",
        "first touch: Call",
        "last touch: Web visit",
        "source: Business card",
    ] {
        assert!(shown.contains(label), "{label} missing:\n{shown}");
    }
}

/// How long a first team round may take on a slow shared machine (it takes milliseconds).
const ROUND: std::time::Duration = std::time::Duration::from_secs(20);

#[test]
fn the_status_bar_says_when_the_team_last_synced_or_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let session = Session::open(Some(&dir.path().join("local.db")), None).unwrap();
    let mut app = App::new(session, today()).unwrap();
    std::fs::create_dir(dir.path().join("shared")).unwrap();
    let team = dir.path().join("shared/team.leadtrack.db");
    app.start_sync(team.clone());
    let worker = app.sync.as_ref().unwrap();
    assert!(
        worker.wait_for_round(ROUND),
        "a first round within {ROUND:?}"
    );
    app.tick(today());
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("synced "), "{shown}");
    assert!(team.exists(), "the first round made the team file");
    app.stop_sync();

    let mut app = App::new(
        Session::open(Some(&dir.path().join("other.db")), None).unwrap(),
        today(),
    )
    .unwrap();
    app.start_sync(dir.path().join("not/mounted/team.leadtrack.db"));
    let worker = app.sync.as_ref().unwrap();
    assert!(
        worker.wait_for_round(ROUND),
        "a first round within {ROUND:?}"
    );
    app.tick(today());
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("not reachable — working locally"), "{shown}");
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "つながらなくても作業できる");
    ctrl(&mut app, 's');
    assert!(app.popup.is_none(), "the rep keeps working");
    app.stop_sync();
}

#[test]
fn a_save_that_fails_keeps_everything_typed_for_a_retry() {
    let mut app = app();
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "ミドリ技研 設備更新");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "ミドリ技研株式会社");
    // The database stops taking writes (a read-only mount, a full disk) before the save.
    app.session
        .store
        .conn()
        .execute_batch("PRAGMA query_only = ON")
        .unwrap();
    ctrl(&mut app, 's');
    let Some(Popup::Form(form)) = &app.popup else {
        panic!("the form stays open after a failed save")
    };
    assert_eq!(form.text("title"), "ミドリ技研 設備更新");
    assert_eq!(form.text("company"), "ミドリ技研株式会社");
    let shown = screen(&mut app, 120, 40);
    assert!(
        shown.contains("Not saved:") && shown.contains("read-only"),
        "{shown}"
    );
    // The fault is gone: the same keystroke saves what was typed.
    app.session
        .store
        .conn()
        .execute_batch("PRAGMA query_only = OFF")
        .unwrap();
    ctrl(&mut app, 's');
    assert!(app.popup.is_none());
    assert_eq!(selected_lead(&app).title, "ミドリ技研 設備更新");
}

/// Every cell of the screen holds only characters a terminal prints.
fn assert_screen_inert(app: &mut App, what: &str, w: u16, h: u16) {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    tui::draw(&mut terminal, app).unwrap();
    let buffer = terminal.backend().buffer();
    for y in 0..h {
        for x in 0..w {
            for c in buffer[(x, y)].symbol().chars() {
                let bad = c.is_control() || is_bidi_or_zero_width(c);
                assert!(
                    !bad,
                    "{what} at {w}x{h}: U+{:04X} in cell ({x},{y})",
                    c as u32
                );
            }
        }
    }
}

#[test]
fn hostile_text_in_every_view_draws_as_plain_characters() {
    use leadtrack::features::{activity, contacts, leads};
    let mut session = Session::in_memory(config()).unwrap();
    let config = session.config.clone();
    let lead_id = leads::add(
        &mut session.store,
        &config,
        LeadFields {
            title: HOSTILE.into(),
            company: Some(HOSTILE.into()),
            next_action: Some(HOSTILE.into()),
            next_action_on: Some(leadtrack::model::dates::parse_due("today", today()).unwrap()),
            notes: Some(format!("{HOSTILE}\n{HOSTILE}")),
            tags: vec![HOSTILE.into()],
            ..LeadFields::default()
        },
    )
    .unwrap();
    let contact_id = contacts::add(
        &mut session.store,
        &leadtrack::model::contact::ContactFields {
            family_name: Some(HOSTILE.into()),
            given_name: Some(HOSTILE.into()),
            company: Some(HOSTILE.into()),
            title: Some(HOSTILE.into()),
            notes: Some(HOSTILE.into()),
            ..Default::default()
        },
    )
    .unwrap();
    activity::log(
        &mut session.store,
        &config,
        &activity::LogEntry {
            kind: ActivityKind::Call,
            lead_id: Some(lead_id),
            contact_id: Some(contact_id),
            occurred_at: chrono::Utc::now(),
            duration_minutes: None,
            direction: None,
            summary: HOSTILE.into(),
            body: Some(HOSTILE.into()),
            next_action: None,
            next_action_on: None,
            campaign_id: None,
        },
    )
    .unwrap();
    let mut app = App::new(session, today()).unwrap();
    let board = screen(&mut app, 120, 40);
    // The text is there, its escape shown as a visible mark.
    assert!(board.contains("佐藤\u{FFFD}]52;c;"), "{board}");
    for (w, h) in [(120, 40), (80, 24)] {
        assert_screen_inert(&mut app, "the board", w, h);
        press(&mut app, KeyCode::Enter);
        assert_screen_inert(&mut app, "the lead's detail", w, h);
        press(&mut app, KeyCode::Esc);
        for view in ['2', '3', '4', '5', '6'] {
            press(&mut app, KeyCode::Char(view));
            assert_screen_inert(&mut app, &format!("view {view}"), w, h);
            press(&mut app, KeyCode::Enter);
            assert_screen_inert(&mut app, &format!("view {view}, opened"), w, h);
            press(&mut app, KeyCode::Esc);
        }
        press(&mut app, KeyCode::Char('1'));
        press(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "佐藤");
        assert_screen_inert(&mut app, "search", w, h);
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('e'));
        assert_screen_inert(&mut app, "the edit form", w, h);
        press(&mut app, KeyCode::Esc);
    }
    // The text is stored as it came: only the screen shows it made safe.
    let lead = selected_lead(&app);
    assert_eq!(lead.title, HOSTILE);
}

/// Keys rebound in `[keys]` work inside popups too, and the popups say the new keys.
#[test]
fn popups_answer_the_keys_of_the_config() {
    let mut config = config();
    for (action, key) in [
        ("confirm_yes", "J"),
        ("confirm_no", "x"),
        ("search_next", "ctrl-j"),
        ("search_previous", "ctrl-k"),
        ("search_close", "ctrl-g"),
    ] {
        config.keys.insert(action.into(), KeyList::One(key.into()));
    }
    let mut app = App::new(session(config), today()).unwrap();
    screen(&mut app, 120, 40);
    let lead = selected_lead(&app);

    press(&mut app, KeyCode::Char('d'));
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("J yes   x no"), "{shown}");
    press(&mut app, KeyCode::Char('y'));
    assert!(
        matches!(app.popup, Some(Popup::Confirm { .. })),
        "y is no longer yes: the question stays"
    );
    press(&mut app, KeyCode::Char('x'));
    assert!(app.popup.is_none());
    assert_eq!(self::lead(&app, &lead.id).id, lead.id, "x said no");
    press(&mut app, KeyCode::Char('d'));
    type_text(&mut app, "J");
    assert!(
        leadtrack::store::leads::get(app.session.store.conn(), &lead.id, NameOrder::Auto)
            .unwrap()
            .is_none(),
        "J said yes"
    );

    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "ｻ");
    screen(&mut app, 120, 40);
    let hits = |app: &App| match &app.popup {
        Some(Popup::Search(s)) => (s.hits.len(), s.selected, s.query()),
        _ => panic!("the search is open"),
    };
    let (found, selected, _) = hits(&app);
    assert!(found >= 2, "{found}");
    assert_eq!(selected, 0);
    ctrl(&mut app, 'j');
    assert_eq!(hits(&app).1, 1, "ctrl-j moves down");
    ctrl(&mut app, 'k');
    assert_eq!(hits(&app).1, 0, "ctrl-k moves up");
    press(&mut app, KeyCode::Esc);
    assert!(app.popup.is_some(), "esc no longer closes the search");
    let shown = screen(&mut app, 120, 40);
    assert!(
        shown.contains("ctrl-g back"),
        "the hint bar shows the new key:\n{shown}"
    );
    ctrl(&mut app, 'g');
    assert!(app.popup.is_none(), "ctrl-g closes it");

    // A form's "discard what you typed?" takes the same yes.
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "捨てる案件");
    press(&mut app, KeyCode::Esc);
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("J discards"), "{shown}");
    press(&mut app, KeyCode::Char('y'));
    assert!(
        matches!(app.popup, Some(Popup::Form(_))),
        "y keeps the form"
    );
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "J");
    assert!(app.popup.is_none(), "J discards");
}

/// Undo puts back what the database held when the change was made, not what the screen
/// showed: a lead moved elsewhere since the last frame is not sent back to a stale stage.
#[test]
fn undo_restores_what_the_change_replaced_not_the_stale_screen() {
    let mut app = app();
    screen(&mut app, 120, 40);
    let lead = selected_lead(&app);
    assert_eq!(lead.stage, Stage::Considering);
    // Another window moves it on; this app has not drawn since.
    leadtrack::features::leads::move_to(&mut app.session.store, &lead.id, Stage::Future).unwrap();
    press(&mut app, KeyCode::Char('L'));
    assert_eq!(self::lead(&app, &lead.id).stage, Stage::Future);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(
        self::lead(&app, &lead.id).stage,
        Stage::Future,
        "the move changed nothing, so undoing it changes nothing"
    );

    // The same for an edit: the value put back is the one the edit replaced.
    let mut app = self::app();
    screen(&mut app, 120, 40);
    let lead = selected_lead(&app);
    let elsewhere = leadtrack::model::Due {
        date: today().checked_add_days(Days::new(10)).unwrap(),
        time: None,
    };
    let patch = leadtrack::model::lead::LeadPatch {
        next_action_on: Some(Some(elsewhere)),
        ..Default::default()
    };
    leadtrack::features::leads::edit(
        &mut app.session.store,
        &app.session.config,
        &lead.id,
        &patch,
    )
    .unwrap();
    press(&mut app, KeyCode::Char('c'));
    type_text(&mut app, "電話した");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "+3d");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup.is_none(), "{:?}", app.status);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(
        self::lead(&app, &lead.id).next_action_on,
        Some(elsewhere),
        "undo puts back the date the call replaced"
    );
}

/// What the app measures is what ratatui places: a column after any of these text starts
/// where the app reserved it (`ﾊﾟ` is two cells on the screen and in the app alike).
#[test]
fn the_screen_places_text_in_the_cells_the_app_measures() {
    use leadtrack::model::text::width;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    for s in [
        "ﾊﾟｿｺﾝ ｼｮｯﾌﾟ",
        "ｶﾞｯｺｳ",
        "ﾞ",
        "e\u{301}te\u{301}",
        "か\u{3099}",
        "☺\u{FE0F} ok",
        "👍🏽",
        "👨\u{200D}👩\u{200D}👧",
        "ミドリ技研",
        "\u{1F1EF}\u{1F1F5}",
    ] {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 30, 1));
        let (x, _) = buffer.set_stringn(0, 0, s, 30, ratatui::style::Style::default());
        assert_eq!(x as usize, width(s), "{s:?}");
    }
}

/// The rows of a screen drawn reversed (the selection), as text.
fn reversed_rows(app: &mut App, w: u16, h: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    tui::draw(&mut terminal, app).unwrap();
    let buffer = terminal.backend().buffer();
    (0..h)
        .filter(|&y| {
            buffer[(w / 2, y)]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED)
        })
        .map(|y| (0..w).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

/// Follow-ups: each bucket's heading on a line of its own and every row with its date; the
/// rows and headings fit the screen, and the selection stays on it through j, k and pages.
#[test]
fn every_follow_up_shows_its_date_under_its_bucket_heading() {
    let mut app = app();
    press(&mut app, KeyCode::Char('2'));
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let shot = screen(&mut app, w, h);
        for heading in ["Overdue", "Today", "This week"] {
            assert!(
                shot.lines().any(|l| l.trim_end() == heading),
                "{heading} on a line of its own:\n{shot}"
            );
        }
        let body: Vec<&str> = shot.lines().skip(3).take(h as usize - 5).collect();
        if h == 24 {
            assert!(body.last().is_some_and(|l| !l.is_empty()), "full:\n{shot}");
        }
        for line in body
            .iter()
            .filter(|l| l.contains(" 山本 ") || l.contains(" 鈴木 "))
        {
            let first = line.split_whitespace().next().unwrap();
            assert!(
                first.len() == 5 && first.as_bytes()[2] == b'/' || first == "—",
                "a row without its date: {line}\n{shot}"
            );
        }
    }
    let keys = std::iter::repeat_n(KeyCode::Char('j'), 30)
        .chain([KeyCode::PageDown, KeyCode::PageUp])
        .chain(std::iter::repeat_n(KeyCode::Char('k'), 12));
    for key in keys {
        press(&mut app, key);
        let rows = reversed_rows(&mut app, 80, 24);
        let lead = selected_lead(&app);
        let date = lead
            .next_action_on
            .map(|d| d.date.format("%m/%d").to_string())
            .unwrap_or_else(|| "—".into());
        assert_eq!(rows.len(), 1, "one selected row after {key:?}");
        assert!(
            rows[0].starts_with(&date),
            "{key:?}: the selected row {:?} is {}",
            rows[0],
            lead.title
        );
    }
}

/// Long text is cut with `…` where it may give way and never where it carries the meaning:
/// the length of a call and who made it, a BANT answer, an amount, the last word of a help
/// line; notes and bodies wrap under their indent, no line starting with `。` or `、`.
#[test]
fn cut_text_keeps_its_numbers_names_and_answers() {
    use leadtrack::features::{activity, leads};
    use leadtrack::model::lead::Qualification;
    let mut session = session(config());
    let config = session.config.clone();
    let notes = "先方の稟議は来月。予算は年度末までに確保する見込みで、決裁者は山本部長（営業本部）です。\
                 導入時期は来期の第一四半期、現行システムの保守契約が切れる前に移行したいとのこと。";
    let lead_id = leads::add(
        &mut session.store,
        &config,
        LeadFields {
            title: "ミドリ技研 設備更新".into(),
            value: Some(46_000_000),
            notes: Some(notes.into()),
            qualification: Qualification {
                budget: "no:来期予算で再申請、今期の残予算では足りないとのこと"
                    .parse()
                    .unwrap(),
                authority: "yes".parse().unwrap(),
                need: "yes:現行機の故障が続いている".parse().unwrap(),
                timing: "no".parse().unwrap(),
            },
            ..LeadFields::default()
        },
    )
    .unwrap();
    activity::log(
        &mut session.store,
        &config,
        &activity::LogEntry {
            kind: ActivityKind::Call,
            lead_id: Some(lead_id.clone()),
            contact_id: None,
            occurred_at: chrono::Utc::now(),
            duration_minutes: Some(12),
            direction: None,
            summary: "設備更新の見積について先方の購買部と詳細を確認、仕様書の再提出を依頼された"
                .into(),
            body: Some(notes.into()),
            next_action: None,
            next_action_on: None,
            campaign_id: None,
        },
    )
    .unwrap();
    let mut app = App::new(session, today()).unwrap();
    for (w, h) in [(80u16, 60u16), (120, 60)] {
        screen(&mut app, w, h);
        app.open_detail(&lead_id);
        let shot = screen(&mut app, w, h);
        let call = shot
            .lines()
            .find(|l| l.contains("設備更新の見積") && l.contains("Call"))
            .unwrap_or_else(|| panic!("no call line:\n{shot}"));
        assert!(call.trim_end().ends_with("… 12min  山本"), "{call}\n{shot}");
        let bant = shot
            .lines()
            .skip_while(|l| !l.starts_with("BANT"))
            .take_while(|l| !l.starts_with("Created"))
            .flat_map(|l| l.split('│').next())
            .flat_map(str::split_whitespace)
            .collect::<Vec<_>>()
            .join(" ");
        for answer in ["budget no", "authority yes", "need yes", "timing no"] {
            assert!(bant.contains(answer), "{answer} in {bant:?}\n{shot}");
        }
        // Wrapped text keeps its indent and its kinsoku.
        for line in shot.lines() {
            let body = line.split('│').next_back().unwrap_or(line);
            let text = body.trim_start();
            if !text.is_empty() && body.starts_with("  ") {
                let first = text.chars().next().unwrap();
                assert!(
                    !"。、ー）」".contains(first),
                    "{line:?} starts with {first}\n{shot}"
                );
            }
        }
        assert!(
            shot.contains("  先方の稟議は来月。"),
            "notes under their indent:\n{shot}"
        );
        assert!(
            shot.contains("      先方の稟議は来月。"),
            "the body under its indent:\n{shot}"
        );
        press(&mut app, KeyCode::Esc);
    }

    // The amounts of the stats stay whole at 80 columns; the help's last words too.
    press(&mut app, KeyCode::Char('6'));
    let stats = screen(&mut app, 80, 24);
    for line in stats.lines().filter(|l| l.contains("(ref ")) {
        assert!(
            line.trim_end().ends_with('M'),
            "an amount cut: {line}\n{stats}"
        );
    }
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('?'));
    let help = screen(&mut app, 80, 24);
    assert!(help.contains("value, or longest quiet"), "{help}");
}

/// In Japanese the amounts of the stats read `4,600万円` at 80 columns, never `4,60`.
#[test]
fn stats_amounts_stay_whole_in_japanese_at_80_columns() {
    let mut config = config();
    config.language = leadtrack::config::Language::Ja;
    let mut app = App::new(session(config), today()).unwrap();
    press(&mut app, KeyCode::Char('6'));
    let stats = screen(&mut app, 80, 24);
    let stages: Vec<&str> = stats.lines().filter(|l| l.contains("(目安 ")).collect();
    assert!(!stages.is_empty(), "{stats}");
    for line in stages {
        let amount = line.split_whitespace().last().unwrap();
        assert!(
            amount.ends_with("万円") || amount.ends_with("億円"),
            "an amount cut: {line}\n{stats}"
        );
    }
}

#[test]
fn keys_do_nothing_while_the_terminal_is_too_small_but_q_quits() {
    let mut app = app();
    screen(&mut app, 120, 40);
    let lead = selected_lead(&app);
    let shown = screen(&mut app, 60, 20);
    assert!(shown.contains("too small"), "{shown}");
    assert_eq!(press(&mut app, KeyCode::Char('L')), Outcome::Continue);
    assert_eq!(press(&mut app, KeyCode::Char('3')), Outcome::Continue);
    assert_eq!(self::lead(&app, &lead.id).stage, lead.stage, "not moved");
    assert_eq!(app.view, View::Board, "no view switch");
    assert!(app.popup.is_none());
    assert_eq!(press(&mut app, KeyCode::Char('q')), Outcome::Quit);
    // Large enough again: keys work.
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.view, View::Contacts);
}

#[test]
fn reschedule_replaces_the_old_date_and_ctrl_u_clears_a_field() {
    let mut app = app();
    press(&mut app, KeyCode::Char('2'));
    screen(&mut app, 120, 40);
    let lead = selected_lead(&app);
    assert!(lead.next_action_on.is_some());
    press(&mut app, KeyCode::Char('r'));
    type_text(&mut app, "+1w");
    {
        let Some(Popup::Form(form)) = &app.popup else {
            panic!("the reschedule form is open")
        };
        assert_eq!(form.text("due"), "+1w", "typing replaces the old date");
    }
    press(&mut app, KeyCode::Enter);
    assert!(app.popup.is_none(), "{:?}", app.status);
    assert_eq!(
        self::lead(&app, &lead.id).next_action_on.unwrap().date,
        today().checked_add_days(Days::new(7)).unwrap()
    );

    // ctrl-u empties the focused field of any form.
    press(&mut app, KeyCode::Char('1'));
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::End);
    ctrl(&mut app, 'u');
    let Some(Popup::Form(form)) = &app.popup else {
        panic!("the edit form is open")
    };
    assert_eq!(form.text("title"), "");
}

/// An empty app with one lead (ミドリ技研), one card on it (佐藤 花子, decision maker) and
/// one call logged on it with her; their ids.
fn one_of_each() -> (App, String, String, String) {
    use leadtrack::features::activity::LogEntry;
    let mut app = empty_app();
    let lead_id = leadtrack::features::leads::add(
        &mut app.session.store,
        &app.session.config,
        LeadFields {
            title: "ミドリ技研 設備更新".into(),
            company: Some("ミドリ技研".into()),
            stage: Stage::Considering,
            source: Some("business_card".into()),
            ..LeadFields::default()
        },
    )
    .unwrap();
    let contact_id = leadtrack::features::contacts::add(
        &mut app.session.store,
        &leadtrack::model::contact::ContactFields {
            family_name: Some("佐藤".into()),
            given_name: Some("花子".into()),
            family_reading: Some("さとう".into()),
            ..Default::default()
        },
    )
    .unwrap();
    leadtrack::features::leads::link(
        &mut app.session.store,
        &lead_id,
        &contact_id,
        leadtrack::model::LinkRole::DecisionMaker,
    )
    .unwrap();
    let call = leadtrack::features::activity::log(
        &mut app.session.store,
        &app.session.config,
        &LogEntry {
            kind: ActivityKind::Call,
            lead_id: Some(lead_id.clone()),
            contact_id: Some(contact_id.clone()),
            occurred_at: chrono::Utc::now() - chrono::Duration::days(2),
            duration_minutes: None,
            direction: None,
            summary: "課長と電話".into(),
            body: None,
            next_action: None,
            next_action_on: None,
            campaign_id: None,
        },
    )
    .unwrap()
    .id;
    app.refresh();
    (app, lead_id, contact_id, call)
}

fn form_title(app: &App) -> String {
    match &app.popup {
        Some(Popup::Form(form)) => form.title.clone(),
        _ => panic!("a form is open"),
    }
}

#[test]
fn an_activity_is_edited_and_deleted_from_activities_and_the_detail_with_undo() {
    let (mut app, lead_id, _, call) = one_of_each();
    let score = |app: &App| lead(app, &lead_id).score;
    assert_eq!(score(&app), 1.0);
    press(&mut app, KeyCode::Char('4'));
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('e'));
    assert!(
        form_title(&app).contains("ミドリ技研"),
        "{}",
        form_title(&app)
    );
    // The kind is the first field: a meeting instead of a call.
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    type_text(&mut app, "部長と商談");
    ctrl(&mut app, 's');
    assert!(app.popup.is_none(), "{:?}", app.status);
    let status = app.status.clone().unwrap().text;
    assert!(
        status.contains("kind") && status.contains("summary"),
        "{status}"
    );
    let edited = leadtrack::store::activities::get(app.session.store.conn(), &call)
        .unwrap()
        .unwrap();
    assert_eq!(edited.kind, ActivityKind::Meeting);
    assert_eq!(edited.summary, "部長と商談");
    assert_eq!(score(&app), 3.0, "the score follows the kind");
    let history = leadtrack::store::history::of_record(app.session.store.conn(), &call).unwrap();
    assert!(
        history
            .iter()
            .any(|h| h.field == "summary" && h.previous == "課長と電話"),
        "{history:?}"
    );
    assert!(screen(&mut app, 120, 40).contains("部長と商談"));
    press(&mut app, KeyCode::Char('u'));
    let back = leadtrack::store::activities::get(app.session.store.conn(), &call)
        .unwrap()
        .unwrap();
    assert_eq!(
        (back.kind, back.summary.as_str()),
        (ActivityKind::Call, "課長と電話")
    );
    assert_eq!(score(&app), 1.0);

    // In the lead detail: Tab picks the contact, then the activity; d asks, y deletes.
    press(&mut app, KeyCode::Enter);
    screen(&mut app, 120, 40);
    assert!(app.detail.is_some());
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('d'));
    assert!(matches!(app.popup, Some(Popup::Confirm(_))));
    press(&mut app, KeyCode::Char('y'));
    assert!(
        leadtrack::store::activities::get(app.session.store.conn(), &call)
            .unwrap()
            .is_none()
    );
    assert_eq!(score(&app), 0.0);
    assert!(lead(&app, &lead_id).last_activity_at.is_none());
    assert!(app.detail.is_some(), "the lead stays open");
    press(&mut app, KeyCode::Char('u'));
    assert!(
        leadtrack::store::activities::get(app.session.store.conn(), &call)
            .unwrap()
            .is_some()
    );
    assert_eq!(score(&app), 1.0);
    assert!(lead(&app, &lead_id).last_activity_at.is_some());
}

/// In Activities, the selection follows an activity that undo brings back (and redo, or a
/// second undo), as it follows a lead on the board: to its place in the timeline.
#[test]
fn undoing_a_deleted_activity_selects_it_again_in_activities() {
    let mut app = app();
    press(&mut app, KeyCode::Char('4'));
    screen(&mut app, 120, 40);
    for _ in 0..5 {
        press(&mut app, KeyCode::Char('j'));
    }
    let selected = |app: &App| app.activities.selected().unwrap().0.id.clone();
    let deleted = selected(&app);
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    screen(&mut app, 120, 40);
    assert_ne!(selected(&app), deleted, "the activity is gone");
    press(&mut app, KeyCode::Char('u'));
    screen(&mut app, 120, 40);
    assert_eq!(selected(&app), deleted, "{:?}", app.status);
    assert_eq!(app.activities.selected_index(), 5, "in its place");
    // Redone, it is gone again; undone again, selected again, wherever the list was.
    shift(&mut app, 'U');
    press(&mut app, KeyCode::Char('g'));
    screen(&mut app, 120, 40);
    assert_ne!(selected(&app), deleted);
    press(&mut app, KeyCode::Char('u'));
    screen(&mut app, 120, 40);
    assert_eq!(selected(&app), deleted);
}

#[test]
fn a_contact_is_taken_off_the_lead_or_changes_role_in_the_detail_with_undo() {
    let (mut app, lead_id, contact_id, _) = one_of_each();
    let roles = |app: &App| -> Vec<String> {
        lead(app, &lead_id)
            .contacts
            .iter()
            .map(|c| c.role.id().to_string())
            .collect()
    };
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Enter);
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("Decision maker"), "{shown}");
    assert!(!shown.contains("decision_maker"), "{shown}");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('R'));
    assert_eq!(roles(&app), ["influencer"]);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(roles(&app), ["decision_maker"]);
    screen(&mut app, 120, 40);
    // The contact stays picked.
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    assert!(roles(&app).is_empty(), "taken off");
    assert!(
        leadtrack::store::contacts::get(app.session.store.conn(), &contact_id)
            .unwrap()
            .is_some(),
        "the card itself stays"
    );
    assert!(
        lead(&app, &lead_id).title.contains("ミドリ"),
        "the lead stays"
    );
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(roles(&app), ["decision_maker"]);
}

#[test]
fn the_picker_names_its_lead_and_contacts_link_a_card_to_a_lead_by_search() {
    let (mut app, lead_id, _, _) = one_of_each();
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('p'));
    assert!(
        form_title(&app).contains("ミドリ技研 設備更新"),
        "{}",
        form_title(&app)
    );
    press(&mut app, KeyCode::Esc);

    // A second card, put on the lead from Contacts.
    let other = leadtrack::features::contacts::add(
        &mut app.session.store,
        &leadtrack::model::contact::ContactFields {
            family_name: Some("山田".into()),
            given_name: Some("太郎".into()),
            family_reading: Some("やまだ".into()),
            ..Default::default()
        },
    )
    .unwrap();
    app.refresh();
    press(&mut app, KeyCode::Char('3'));
    screen(&mut app, 120, 40);
    app.contacts
        .list
        .select(app.session.store.conn(), &other)
        .unwrap();
    press(&mut app, KeyCode::Char('p'));
    assert!(form_title(&app).contains("山田"), "{}", form_title(&app));
    type_text(&mut app, "ミドリ");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert!(app.popup.is_none(), "{:?}", app.status);
    assert!(lead(&app, &lead_id).contacts.iter().any(|c| c.id == other));
    press(&mut app, KeyCode::Char('u'));
    assert!(!lead(&app, &lead_id).contacts.iter().any(|c| c.id == other));

    // Activities name the person each activity was with.
    press(&mut app, KeyCode::Char('4'));
    let shown = screen(&mut app, 120, 40);
    let row = shown
        .lines()
        .find(|l| l.contains("課長と電話"))
        .expect("the call is listed");
    assert!(row.contains("佐藤"), "{shown}");
}

#[test]
fn fields_sources_and_roles_show_their_labels() {
    let (mut app, lead_id, _, _) = one_of_each();
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('r'));
    type_text(&mut app, "+3d");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    type_text(&mut app, "ミドリ技研株式会社");
    ctrl(&mut app, 's');
    let status = app.status.clone().unwrap().text;
    assert_eq!(status, "Saved company");
    let patch = leadtrack::model::lead::LeadPatch {
        source: Some(Some("seminar".into())),
        ..Default::default()
    };
    leadtrack::features::leads::edit(
        &mut app.session.store,
        &app.session.config,
        &lead_id,
        &patch,
    )
    .unwrap();
    app.refresh();
    app.open_detail(&lead_id);
    let shown = screen(&mut app, 120, 40);
    for id in ["business_card", "next_action_on", "decision_maker"] {
        assert!(!shown.contains(id), "{id} on screen:\n{shown}");
    }
    assert!(shown.contains("source was Business card"), "{shown}");
    assert!(shown.contains("next action date was"), "{shown}");
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn shift(app: &mut App, c: char) -> Outcome {
    app.on_key(event(KeyCode::Char(c), KeyModifiers::SHIFT))
}

/// Each undo names the record and the change it takes back, the selection goes to that
/// record, `U` (or ctrl-r) redoes it as a new change, and a new change ends what can be redone.
#[test]
fn undo_names_what_it_takes_back_and_redo_puts_it_again() {
    let mut app = app();
    screen(&mut app, 120, 40);
    let called = selected_lead(&app);
    press(&mut app, KeyCode::Char('c'));
    type_text(&mut app, "課長と電話");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "+3d");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup.is_none(), "{:?}", app.status);
    press(&mut app, KeyCode::Char('j'));
    screen(&mut app, 120, 40);
    let moved = selected_lead(&app);
    assert_ne!(moved.id, called.id);
    shift(&mut app, 'L');
    assert_eq!(self::lead(&app, &moved.id).stage, Stage::Future);
    press(&mut app, KeyCode::Char('h'));
    screen(&mut app, 120, 40);

    press(&mut app, KeyCode::Char('u'));
    assert!(
        status(&app).starts_with(&format!("Undone: {} back to Considering", moved.title)),
        "{}",
        status(&app)
    );
    assert_eq!(self::lead(&app, &moved.id).stage, Stage::Considering);
    screen(&mut app, 120, 40);
    assert_eq!(selected_lead(&app).id, moved.id, "the selection follows");

    press(&mut app, KeyCode::Char('u'));
    assert!(
        status(&app).starts_with(&format!("Undone: call on {} removed", called.title)),
        "{}",
        status(&app)
    );
    screen(&mut app, 120, 40);
    assert_eq!(selected_lead(&app).id, called.id, "the selection follows");
    let calls = |app: &App| {
        leadtrack::store::activities::of_lead(app.session.store.conn(), &called.id, 50)
            .unwrap()
            .iter()
            .filter(|a| a.summary == "課長と電話")
            .count()
    };
    assert_eq!(calls(&app), 0);
    assert_eq!(
        self::lead(&app, &called.id).next_action_on,
        called.next_action_on
    );

    shift(&mut app, 'U');
    assert_eq!(
        status(&app),
        format!("Redone: call on {} logged again", called.title)
    );
    assert_eq!(calls(&app), 1);
    assert_eq!(
        self::lead(&app, &called.id).next_action_on.unwrap().date,
        today().checked_add_days(Days::new(3)).unwrap()
    );
    ctrl(&mut app, 'r');
    assert_eq!(
        status(&app),
        format!(
            "Redone: {} moved to {}",
            moved.title,
            Stage::Future.label_en()
        )
    );
    assert_eq!(self::lead(&app, &moved.id).stage, Stage::Future);
    screen(&mut app, 120, 40);
    assert_eq!(app.board.focus, 1, "the column of the lead's stage");
    assert_eq!(selected_lead(&app).id, moved.id);
    shift(&mut app, 'U');
    assert_eq!(status(&app), "Nothing to redo");

    // Undone again, then a new change: what was undone can no longer be redone.
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(self::lead(&app, &moved.id).stage, Stage::Considering);
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('r'));
    for _ in 0..20 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "+1w");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup.is_none(), "{:?}", app.status);
    shift(&mut app, 'U');
    assert_eq!(status(&app), "Nothing to redo");
    assert_eq!(self::lead(&app, &moved.id).stage, Stage::Considering);
}

/// A reschedule's undo says whose next action went back to which date.
#[test]
fn undoing_a_reschedule_names_the_lead_and_the_date() {
    let mut app = app();
    screen(&mut app, 120, 40);
    let lead = selected_lead(&app);
    let due = leadtrack::model::Due::on(today().checked_add_days(Days::new(2)).unwrap());
    leadtrack::features::leads::edit(
        &mut app.session.store,
        &app.session.config,
        &lead.id,
        &leadtrack::model::lead::LeadPatch {
            next_action_on: Some(Some(due)),
            ..Default::default()
        },
    )
    .unwrap();
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('r'));
    for _ in 0..20 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "+9d");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup.is_none(), "{:?}", app.status);
    assert_ne!(self::lead(&app, &lead.id).next_action_on, Some(due));
    press(&mut app, KeyCode::Char('u'));
    assert!(
        status(&app).starts_with(&format!(
            "Undone: next action of {} back to {due}",
            lead.title
        )),
        "{}",
        status(&app)
    );
    assert_eq!(self::lead(&app, &lead.id).next_action_on, Some(due));
}

/// Undo history lasts until the app closes: switching views, opening and closing a lead
/// keep it, and an open lead detail goes to the lead a step changed.
#[test]
fn undo_history_survives_view_switches_and_follows_into_the_detail() {
    let mut app = app();
    screen(&mut app, 120, 40);
    let lead = selected_lead(&app);
    shift(&mut app, 'L');
    for view in ['2', '3', '4', '5', '6', '1'] {
        press(&mut app, KeyCode::Char(view));
        screen(&mut app, 120, 40);
    }
    press(&mut app, KeyCode::Enter);
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Esc);
    screen(&mut app, 120, 40);
    // Another lead's detail is open when the undo comes.
    press(&mut app, KeyCode::Char('h'));
    screen(&mut app, 120, 40);
    let other = selected_lead(&app);
    assert_ne!(other.id, lead.id);
    press(&mut app, KeyCode::Enter);
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(self::lead(&app, &lead.id).stage, Stage::Considering);
    assert_eq!(
        app.detail.as_ref().map(|d| d.lead_id.clone()),
        Some(lead.id.clone()),
        "the detail shows the lead the undo changed"
    );

    // In Contacts the selection goes to the contact brought back.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('3'));
    screen(&mut app, 120, 40);
    let deleted = app.contacts.list.selected_id().unwrap();
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('u'));
    assert!(
        status(&app).starts_with("Undone: contact "),
        "{}",
        status(&app)
    );
    screen(&mut app, 120, 40);
    assert_eq!(app.contacts.list.selected_id(), Some(deleted));
}

/// The numbers of the Stats view, as JSON (to compare two countings).
fn stats_now(app: &App) -> serde_json::Value {
    let since = today() - Days::new(90);
    let stats = leadtrack::features::stats::compute(&app.session.store, since, today()).unwrap();
    serde_json::to_value(stats).unwrap()
}

/// A move taken back leaves no trace in the funnel: `L` then `u`, and `w` then `u`, give the
/// same flow, medians and attribution as before.
#[test]
fn undone_moves_count_nowhere_in_the_stats() {
    let mut app = app();
    screen(&mut app, 120, 40);
    let before = stats_now(&app);
    let lead = selected_lead(&app);
    shift(&mut app, 'L');
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(self::lead(&app, &lead.id).stage, Stage::Considering);
    assert_eq!(stats_now(&app), before);
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('w'));
    assert_eq!(self::lead(&app, &lead.id).stage, Stage::Customer);
    assert_ne!(stats_now(&app), before, "a win counts");
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(stats_now(&app), before);
    // Redone, the win counts again.
    shift(&mut app, 'U');
    assert_eq!(self::lead(&app, &lead.id).stage, Stage::Customer);
    assert_ne!(stats_now(&app), before);
}

/// A move whose lead has moved on since (another window, a teammate) is not undone: the
/// lead stays where it is now and the status line says why, naming it.
#[test]
fn undo_leaves_a_lead_that_moved_on_since_where_it_is() {
    let mut app = app();
    screen(&mut app, 120, 40);
    let lead = selected_lead(&app);
    shift(&mut app, 'L');
    leadtrack::features::leads::move_to(&mut app.session.store, &lead.id, Stage::NoProspect)
        .unwrap();
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(self::lead(&app, &lead.id).stage, Stage::NoProspect);
    let said = app.status.clone().unwrap();
    assert!(said.error, "{said:?}");
    assert!(
        said.text.contains(&lead.title) && said.text.contains("moved on"),
        "{said:?}"
    );
}

/// `p` in Stats cycles the period — this month, last month, this quarter, 90 days, all —
/// naming it in the header and counting only what happened in it.
#[test]
fn the_stats_period_is_chosen_with_a_key() {
    use leadtrack::tui::views::stats::StatsPeriod;
    let mut app = app();
    press(&mut app, KeyCode::Char('6'));
    let shown = screen(&mut app, 120, 40);
    assert!(
        shown.contains("Period: 90 days — since 2026-08-25"),
        "{shown}"
    );
    let mut seen = Vec::new();
    for _ in 0..5 {
        press(&mut app, KeyCode::Char('p'));
        let shown = screen(&mut app, 120, 40);
        let header = shown
            .lines()
            .find(|l| l.starts_with("Period: "))
            .unwrap_or_else(|| panic!("{shown}"))
            .to_string();
        seen.push(header);
    }
    assert_eq!(
        seen,
        [
            "Period: all time",
            "Period: this month — since 2026-11-01",
            "Period: last month — 2026-10-01 to 2026-10-31",
            "Period: this quarter — since 2026-10-01",
            "Period: 90 days — since 2026-08-25",
        ]
    );
    assert_eq!(app.stats_period, StatsPeriod::Last90Days);
    // Last month counts what happened in October only.
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Char('p'));
    screen(&mut app, 120, 40);
    assert_eq!(app.stats_period, StatsPeriod::LastMonth);
    let shown = app.stats.as_ref().unwrap();
    let expected = leadtrack::features::stats::compute_period(
        &app.session.store,
        NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 10, 31),
        today(),
    )
    .unwrap();
    assert_eq!(
        serde_json::to_value(shown).unwrap(),
        serde_json::to_value(&expected).unwrap()
    );
    let all = leadtrack::features::stats::compute(
        &app.session.store,
        NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        today(),
    )
    .unwrap();
    let activities = |s: &leadtrack::features::stats::Stats| -> i64 {
        s.reps.iter().map(|r| r.activities).sum()
    };
    assert!(
        activities(&expected) < activities(&all),
        "November's activities are left out"
    );
}

/// A card in the app's own terms: the lead ミドリ技研 with a value of 46M, a user (田中) put
/// on it first and a decision maker (佐藤, with a mobile and an address) after; their ids.
fn a_lead_with_two_contacts() -> (App, String) {
    a_lead_with_two_contacts_in(empty_app())
}

/// `a_lead_with_two_contacts` in an app of its own (another config).
fn a_lead_with_two_contacts_in(mut app: App) -> (App, String) {
    use leadtrack::model::contact::ContactFields;
    use leadtrack::model::contact_value::{ContactValue, ValueKind};
    let lead_id = leadtrack::features::leads::add(
        &mut app.session.store,
        &app.session.config,
        LeadFields {
            title: "ミドリ技研 設備更新".into(),
            company: Some("ミドリ技研".into()),
            stage: Stage::Considering,
            value: Some(46_000_000),
            ..LeadFields::default()
        },
    )
    .unwrap();
    let mut add = |family: &str, given: &str, card: ContactFields| {
        leadtrack::features::contacts::add(
            &mut app.session.store,
            &ContactFields {
                family_name: Some(family.into()),
                given_name: Some(given.into()),
                ..card
            },
        )
        .unwrap()
    };
    let user = add("田中", "一郎", ContactFields::default());
    let boss = add(
        "佐藤",
        "花子",
        ContactFields {
            phones: Some(vec![ContactValue::new("090-1234-5678", ValueKind::Mobile)]),
            emails: Some(vec![ContactValue::new(
                "hanako@midori.example.jp",
                ValueKind::Work,
            )]),
            ..ContactFields::default()
        },
    );
    for (contact, role) in [
        (&user, leadtrack::model::LinkRole::User),
        (&boss, leadtrack::model::LinkRole::DecisionMaker),
    ] {
        leadtrack::features::leads::link(&mut app.session.store, &lead_id, contact, role).unwrap();
    }
    app.refresh();
    (app, lead_id)
}

/// Search results line up in columns under one another with their kind; an activity
/// names its lead; `Esc` from what a result opened comes back to the results and the query.
#[test]
fn search_results_line_up_name_their_lead_and_esc_returns_to_them() {
    use leadtrack::features::activity::LogEntry;
    let (mut app, lead_id) = a_lead_with_two_contacts();
    leadtrack::features::activity::log(
        &mut app.session.store,
        &app.session.config,
        &LogEntry {
            kind: ActivityKind::Call,
            lead_id: Some(lead_id.clone()),
            contact_id: None,
            occurred_at: chrono::Utc::now() - chrono::Duration::days(1),
            duration_minutes: None,
            direction: None,
            summary: "ミドリの課長と電話".into(),
            body: None,
            next_action: None,
            next_action_on: None,
            campaign_id: None,
        },
    )
    .unwrap();
    app.refresh();
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "みどり");
    let shown = screen(&mut app, 120, 40);
    let lead_row = shown
        .lines()
        .find(|l| l.starts_with("Lead ") && l.contains("ミドリ技研 設備更新"))
        .unwrap_or_else(|| panic!("{shown}"));
    let call_row = shown
        .lines()
        .find(|l| l.starts_with("Call ") && l.contains("ミドリの課長と電話"))
        .unwrap_or_else(|| panic!("{shown}"));
    assert!(
        call_row.contains("ミドリ技研 設備更新"),
        "the call names its lead: {call_row}"
    );
    // Columns start at the same cell in every row: what was found, where it belongs (the
    // lead's company, the call's lead), then a detail (stage, date).
    let col = |row: &str, at: usize| unicode_width::UnicodeWidthStr::width(&row[..at]);
    assert_eq!(
        col(lead_row, lead_row.find("C ミドリ").unwrap()),
        col(call_row, call_row.find("ミドリの課長").unwrap()),
        "{lead_row}\n{call_row}"
    );
    assert_eq!(
        col(lead_row, lead_row.rfind("ミドリ技研").unwrap()),
        col(call_row, call_row.find("ミドリ技研").unwrap()),
        "{lead_row}\n{call_row}"
    );
    assert_eq!(
        col(lead_row, lead_row.find("Considering").unwrap()),
        col(call_row, call_row.find("2026-").unwrap()),
        "{lead_row}\n{call_row}"
    );
    // Down to the call, open its lead, and back.
    let Some(Popup::Search(search)) = &app.popup else {
        panic!("search is open")
    };
    let call_at = search
        .hits
        .iter()
        .position(|h| matches!(h, leadtrack::tui::popups::search::Hit::Activity(..)))
        .unwrap();
    for _ in 0..call_at {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.detail.as_ref().unwrap().lead_id, lead_id);
    assert!(app.popup.is_none());
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Esc);
    assert!(app.detail.is_none());
    let Some(Popup::Search(search)) = &app.popup else {
        panic!("esc goes back to the results")
    };
    assert_eq!(search.query(), "みどり");
    assert_eq!(search.selected, call_at, "on the result it opened");
    assert!(!search.hits.is_empty());
    // Closed with Esc, the search is over: Esc in the next lead opened goes to the board.
    press(&mut app, KeyCode::Esc);
    assert!(app.popup.is_none());
    press(&mut app, KeyCode::Enter);
    assert!(app.detail.is_some());
    press(&mut app, KeyCode::Esc);
    assert!(app.detail.is_none() && app.popup.is_none());
}

/// A date field shows the day a relative entry means as the rep types: `+3d` → `11/26
/// (Thu)`, in Japanese `11/26(木)`.
#[test]
fn forms_preview_the_day_a_relative_date_means() {
    for (language, day) in [
        (leadtrack::config::Language::En, "11/26 (Thu)"),
        (leadtrack::config::Language::Ja, "11/26(木)"),
    ] {
        let mut config = config();
        config.language = language;
        let mut app = App::new(session(config), today()).unwrap();
        screen(&mut app, 120, 40);
        press(&mut app, KeyCode::Char('c'));
        type_text(&mut app, "課長と電話");
        press(&mut app, KeyCode::Enter);
        let before = screen(&mut app, 120, 40);
        assert!(!before.contains("→ 11/"), "{before}");
        type_text(&mut app, "+3d");
        let shown = screen(&mut app, 120, 40);
        let row = shown
            .lines()
            .find(|l| l.contains("+3d"))
            .unwrap_or_else(|| panic!("{shown}"));
        assert!(row.contains(&format!("+3d  → {day}")), "{row}");
        let small = screen(&mut app, 80, 24);
        assert!(small.contains(&format!("→ {day}")), "{small}");
        // Not a date yet: no preview.
        type_text(&mut app, "x");
        let shown = screen(&mut app, 120, 40);
        assert!(!shown.contains("→ 11/26"), "{shown}");
    }
}

/// The board card shows the lead's value and its main contact — the decision maker, not
/// whoever was put on the lead first — at both sizes.
#[test]
fn board_cards_show_the_value_and_the_main_contact() {
    let (mut app, _) = a_lead_with_two_contacts();
    for (w, h) in [(120, 40), (80, 24)] {
        let shown = screen(&mut app, w, h);
        let card: Vec<&str> = shown
            .lines()
            .skip_while(|l| !l.contains("ミドリ技研 設備"))
            .take(3)
            .collect();
        assert_eq!(card.len(), 3, "{shown}");
        assert!(card[1].contains("佐藤 花子"), "{w}×{h}: {card:?}");
        assert!(!shown.contains("田中"), "{w}×{h}: {shown}");
        assert!(card[2].contains("46.0M"), "{w}×{h}: {card:?}");
    }
}

/// The card names its main contact in the configured order, as the detail does.
#[test]
fn board_cards_name_the_main_contact_in_the_configured_order() {
    let mut config = config();
    config.ui.name_order = NameOrder::GivenFirst;
    let app = App::new(Session::in_memory(config).unwrap(), today()).unwrap();
    let (mut app, _) = a_lead_with_two_contacts_in(app);
    let shown = screen(&mut app, 120, 40);
    let card: Vec<&str> = shown
        .lines()
        .skip_while(|l| !l.contains("ミドリ技研 設備"))
        .take(2)
        .collect();
    assert!(card[1].contains("花子 佐藤"), "{card:?}\n{shown}");
    press(&mut app, KeyCode::Enter);
    let detail = screen(&mut app, 120, 40);
    assert!(detail.contains("花子 佐藤"), "{detail}");
}

/// The detail shows each contact's phone and address, and the score on one line until `b`
/// opens its breakdown, so the timeline starts near the top.
#[test]
fn the_detail_shows_contacts_phone_and_email_and_folds_the_score() {
    use leadtrack::features::activity::LogEntry;
    let (mut app, lead_id) = a_lead_with_two_contacts();
    for (kind, summary) in [
        (ActivityKind::Inquiry, "問い合わせフォームから相談"),
        (ActivityKind::Call, "課長と電話"),
    ] {
        leadtrack::features::activity::log(
            &mut app.session.store,
            &app.session.config,
            &LogEntry {
                kind,
                lead_id: Some(lead_id.clone()),
                contact_id: None,
                occurred_at: chrono::Utc::now() - chrono::Duration::days(1),
                duration_minutes: None,
                direction: None,
                summary: summary.into(),
                body: None,
                next_action: None,
                next_action_on: None,
                campaign_id: None,
            },
        )
        .unwrap();
    }
    app.refresh();
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Enter);
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("090-1234-5678"), "{shown}");
    assert!(shown.contains("hanako@midori.example.jp"), "{shown}");
    let score = shown
        .lines()
        .find(|l| l.contains("Score ") && l.contains("2 activities"))
        .unwrap_or_else(|| panic!("no folded score line:\n{shown}"));
    assert!(
        score.contains("inquiry") && score.contains("call"),
        "{score}"
    );
    assert!(!shown.contains("points of the activities"), "{shown}");
    let row = |shown: &str, text: &str| shown.lines().position(|l| l.contains(text)).unwrap();
    let timeline_folded = row(&shown, "Activities (newest first)");
    press(&mut app, KeyCode::Char('b'));
    let open = screen(&mut app, 120, 40);
    assert!(open.contains("points of the activities"), "{open}");
    assert!(row(&open, "Activities (newest first)") > timeline_folded);
    press(&mut app, KeyCode::Char('b'));
    let folded = screen(&mut app, 120, 40);
    assert!(!folded.contains("points of the activities"), "{folded}");
}

/// The count line of the board's columns (`18 · 6% · 2.8億`), from the screen.
/// The key that unfolds the score is offered where the score is: in the detail's hint bar
/// at both sizes (with the keys to go back and to move the lead) and in its help.
#[test]
fn the_detail_offers_the_score_key_in_its_hints_and_help() {
    let (mut app, _) = a_lead_with_two_contacts();
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Enter);
    for (w, h) in [(80, 24), (120, 40)] {
        let shown = screen(&mut app, w, h);
        let hints = shown.lines().nth(usize::from(h) - 2).unwrap();
        for hint in ["esc back", "H/L move", "b score"] {
            assert!(hints.contains(hint), "{w}×{h}: {hint} missing: {hints}");
        }
    }
    press(&mut app, KeyCode::Char('?'));
    let help = screen(&mut app, 120, 40);
    let line = help
        .lines()
        .find(|l| l.contains("Show the score's breakdown"))
        .unwrap_or_else(|| panic!("no score key in help:\n{help}"));
    let key = line.split('│').nth(1).unwrap_or_default().trim_start();
    assert!(key.starts_with("b "), "{line}");
}

fn column_heads(app: &mut App) -> String {
    let shot = screen(app, 120, 40);
    let lines: Vec<&str> = shot.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("Future potential"))
        .expect("the board's column titles");
    lines[at + 1].to_string()
}

#[test]
fn a_filtered_board_counts_what_its_columns_show() {
    use leadtrack::store::leads::{LeadFilter, list};
    let mut app = app();
    let all = list(app.session.store.conn(), &LeadFilter::default()).unwrap();
    let stale_after = app.session.config.stages.stale_after_days.clone();
    let count = |stage: Stage, keep: &dyn Fn(&leadtrack::model::Lead) -> bool| {
        all.iter().filter(|l| l.stage == stage && keep(l)).count()
    };
    let mine = |l: &leadtrack::model::Lead| l.owner.as_deref() == Some("山本");
    let stale = |l: &leadtrack::model::Lead| {
        leadtrack::followups::is_stale(
            l.stage,
            l.last_activity_at.as_ref(),
            &l.created_at,
            &stale_after,
            today(),
        )
    };
    let plain = column_heads(&mut app);
    assert!(!plain.contains(" of "), "{plain}");

    press(&mut app, KeyCode::Char('o'));
    assert_eq!(app.board.filters.owner.as_deref(), Some("山本"));
    let heads = column_heads(&mut app);
    let mut shown = 0;
    for stage in Stage::OPEN {
        let expected = format!("{} of {} ·", count(stage, &mine), count(stage, &|_| true));
        shown += count(stage, &mine);
        assert!(
            heads.contains(&expected),
            "{stage:?}: {expected} in {heads}"
        );
    }
    assert!(
        shown > 0 && shown < all.len(),
        "the filter hides some leads"
    );

    app.on_key(event(KeyCode::Char('S'), KeyModifiers::SHIFT));
    assert!(app.board.filters.stale);
    let heads = column_heads(&mut app);
    for stage in Stage::OPEN {
        let expected = format!(
            "{} of {} ·",
            count(stage, &|l| mine(l) && stale(l)),
            count(stage, &|_| true)
        );
        assert!(
            heads.contains(&expected),
            "{stage:?}: {expected} in {heads}"
        );
    }
    // The shares are of what is shown, and still add up to 100.
    let shares: i64 = heads
        .split('·')
        .filter_map(|part| part.trim().strip_suffix('%'))
        .map(|p| p.parse::<i64>().unwrap())
        .sum();
    assert!(shares == 100 || shares == 0, "{heads}");
}

/// A lead of `owner` with its next action on `due` (a date as the forms take it).
fn add_due(session: &mut Session, title: &str, owner: &str, due: Option<&str>) -> String {
    let config = session.config.clone();
    leadtrack::features::leads::add(
        &mut session.store,
        &config,
        LeadFields {
            title: title.into(),
            owner: Some(owner.into()),
            next_action_on: due.map(|d| leadtrack::model::dates::parse_due(d, today()).unwrap()),
            ..LeadFields::default()
        },
    )
    .unwrap()
}

/// The last line of a screen: the status line.
fn status_line(app: &mut App, w: u16, h: u16) -> String {
    screen(app, w, h).lines().last().unwrap().to_string()
}

#[test]
fn the_status_line_counts_my_follow_ups_and_says_whose() {
    for (language, mine, team) in [
        (
            leadtrack::config::Language::En,
            "2 overdue, 1 today (mine)",
            "· 3 team",
        ),
        (
            leadtrack::config::Language::Ja,
            "期限切れ 2件・本日 1件（自分）",
            "チーム 3件",
        ),
    ] {
        let mut config = config();
        config.language = language;
        let mut session = Session::in_memory(config).unwrap();
        add_due(
            &mut session,
            "ミドリ技研 設備更新",
            "山本",
            Some("2026-11-20"),
        );
        add_due(
            &mut session,
            "Pinecrest ERP upgrade",
            "山本",
            Some("2026-11-22"),
        );
        add_due(&mut session, "青葉商事 更新", "山本", Some("2026-11-23"));
        add_due(&mut session, "佐藤さんの案件", "佐藤", Some("2026-11-21"));
        add_due(&mut session, "来週の件", "山本", Some("2026-11-30"));
        let mut app = App::new(session, today()).unwrap();
        for (w, h) in [(120, 40), (80, 24)] {
            let status = status_line(&mut app, w, h);
            assert!(status.contains(mine), "{w}×{h}: {status}");
            assert!(status.contains(team), "{w}×{h}: {status}");
        }
    }

    // Only mine overdue: the team count says nothing more, and is left out.
    let mut session = Session::in_memory(config()).unwrap();
    add_due(
        &mut session,
        "ミドリ技研 設備更新",
        "山本",
        Some("2026-11-20"),
    );
    let mut app = App::new(session, today()).unwrap();
    let status = status_line(&mut app, 120, 40);
    assert!(status.contains("· 1 overdue (mine)"), "{status}");
    assert!(!status.contains("team"), "{status}");
}

#[test]
fn the_app_starts_on_the_follow_ups_when_something_of_mine_is_due() {
    use leadtrack::config::StartView;
    let start = |start_view: StartView, due: &[(&str, Option<&str>)]| {
        let mut config = config();
        config.ui.start_view = start_view;
        let mut session = Session::in_memory(config).unwrap();
        for (i, (owner, date)) in due.iter().enumerate() {
            add_due(&mut session, &format!("案件 {i}"), owner, *date);
        }
        let mut app = App::new(session, today()).unwrap();
        screen(&mut app, 120, 40);
        app.view
    };
    let overdue = [("山本", Some("2026-11-20"))];
    let today_only = [("山本", Some("2026-11-23")), ("山本", None)];
    let not_mine = [("佐藤", Some("2026-11-20")), ("山本", Some("2026-11-30"))];
    assert_eq!(start(StartView::Auto, &overdue), View::FollowUps);
    assert_eq!(start(StartView::Auto, &today_only), View::FollowUps);
    assert_eq!(start(StartView::Auto, &not_mine), View::Board);
    assert_eq!(start(StartView::Auto, &[]), View::Board);
    assert_eq!(start(StartView::Board, &overdue), View::Board);
    assert_eq!(start(StartView::Followups, &not_mine), View::FollowUps);
}

#[test]
fn the_empty_board_says_how_to_start() {
    let mut config = Config::default();
    config.user.name = None;
    let mut app = App::new(Session::in_memory(config).unwrap(), today()).unwrap();
    app.config_path = Some("/home/rep/.config/leadtrack/config.toml".into());
    let name = app.session.store.author().name.clone();
    for (w, h) in [(120, 40), (80, 24)] {
        let shot = screen(&mut app, w, h);
        for part in [
            "No leads yet",
            "a  add a lead",
            "leadtrack import cards FILE",
            "leadtrack demo --db demo.db",
            "/home/rep/.config/leadtrack/config.toml",
            "[user]",
        ] {
            assert!(shot.contains(part), "{w}×{h}: {part:?} missing:\n{shot}");
        }
        // Until the config names the rep, the status line says which name is used.
        let status = shot.lines().last().unwrap();
        assert!(
            status.contains(&format!("{name} (set [user] name in")),
            "{w}×{h}: {status}"
        );
    }

    // On a team server the name is the role, which `[user] name` does not change: no hint.
    let mut config = Config::default();
    config.user.name = None;
    config.team.server = Some("postgresql://sato@db.example.jp/sales".into());
    let mut app = App::new(Session::in_memory(config).unwrap(), today()).unwrap();
    for (w, h) in [(120, 40), (80, 24)] {
        let status = screen(&mut app, w, h).lines().last().unwrap().to_string();
        assert!(status.contains(" sato "), "{w}×{h}: {status}");
        assert!(!status.contains("[user] name"), "{w}×{h}: {status}");
    }

    // With a name set, the status line is plain; a lead ends the first-run board.
    let mut app = empty_app();
    let shot = screen(&mut app, 120, 40);
    assert!(shot.contains("No leads yet"), "{shot}");
    assert!(!shot.contains("(set [user] name"), "{shot}");
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "ミドリ技研 設備更新");
    ctrl(&mut app, 's');
    let shot = screen(&mut app, 120, 40);
    assert!(!shot.contains("No leads yet"), "{shot}");
    assert!(shot.contains("ミドリ技研 設備更新"), "{shot}");
}

/// Every lead on the board's three columns, as loaded.
fn board_rows(app: &App) -> Vec<leadtrack::model::Lead> {
    app.board
        .columns
        .iter()
        .flat_map(|c| c.rows().cloned().collect::<Vec<_>>())
        .collect()
}

#[test]
fn filters_combine_show_in_the_header_and_clear_with_one_key() {
    use leadtrack::features::lead_filter::LeadFilters;
    use leadtrack::followups::{Bucket, bucket};
    use leadtrack::store::leads::{LeadFilter, list};
    let mut app = app();
    let all = list(app.session.store.conn(), &LeadFilter::default()).unwrap();
    let open_leads = all.len();
    screen(&mut app, 120, 40);

    // f, words, then the due date: later than this week; Enter applies from any field.
    press(&mut app, KeyCode::Char('f'));
    assert!(screen(&mut app, 120, 40).contains("Filter the board"));
    type_text(&mut app, "物流");
    for _ in 0..6 {
        press(&mut app, KeyCode::Tab);
    }
    for _ in 0..4 {
        press(&mut app, KeyCode::Right);
    }
    press(&mut app, KeyCode::Enter);
    assert!(app.popup.is_none(), "the form closed");
    // The frame after Enter shows the filtered cards; their counts follow on the next frame
    // with no key pending (a pass over the leads, kept off the keystroke).
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    tui::draw(&mut terminal, &mut app).unwrap();
    assert!(app.waiting_reads());
    let first = format!("{:?}", terminal.backend().buffer());
    assert!(
        first.contains("… of 4 ") && first.contains("… of 13 "),
        "{first}"
    );
    let wanted = LeadFilters {
        text: Some("物流".into()),
        due: Some(Bucket::Later),
        ..LeadFilters::default()
    };
    assert_eq!(app.board.filters, wanted);
    let shot = screen(&mut app, 120, 40);
    assert!(shot.contains("── \"物流\" · Later ──"), "{shot}");
    assert!(
        shot.contains("Filtered: \"物流\" · Later (F clears)"),
        "{shot}"
    );
    let keep = |l: &leadtrack::model::Lead| {
        l.title.contains("物流") && bucket(l.next_action_on.as_ref(), today()) == Bucket::Later
    };
    let expected = all.iter().filter(|l| keep(l)).count();
    let shown = board_rows(&app);
    assert!(expected > 0 && expected < open_leads, "{expected}");
    assert_eq!(shown.len(), expected, "every match fits on screen");
    assert!(shown.iter().all(keep));

    // A second filter narrows further; the form opens with what is on.
    press(&mut app, KeyCode::Char('f'));
    assert!(screen(&mut app, 120, 40).contains("物流"));
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "upsell");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.board.filters.tag.as_deref(), Some("upsell"));
    assert_eq!(app.board.filters.text.as_deref(), Some("物流"));
    assert!(
        board_rows(&app)
            .iter()
            .all(|l| keep(l) && l.tags.contains(&"upsell".to_string()))
    );

    // F clears every filter at once.
    app.on_key(event(KeyCode::Char('F'), KeyModifiers::SHIFT));
    assert!(app.board.filters.is_empty());
    let shot = screen(&mut app, 120, 40);
    assert!(shot.contains("Filters cleared"), "{shot}");
    assert!(!shot.contains(" of "), "{shot}");
    app.on_key(event(KeyCode::Char('F'), KeyModifiers::SHIFT));
    assert!(screen(&mut app, 120, 40).contains("No filters to clear"));

    // The lead lists have their own filters, shown in their header.
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('f'));
    assert!(screen(&mut app, 120, 40).contains("Filter the lists"));
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.list_filters.rank, Some(leadtrack::model::Rank::A));
    let shot = screen(&mut app, 120, 40);
    assert!(shot.contains("[rank A]"), "{shot}");
    assert!(
        app.follow_ups
            .rows()
            .all(|l| l.rank == leadtrack::model::Rank::A)
    );
    assert!(app.follow_ups.rows().count() > 0);
    assert!(app.board.filters.is_empty(), "the board keeps its own");
    // Esc leaves the filters as they were.
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "x");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.list_filters.tag, None);
}

/// A database whose every value is in one language: on its screens, a word of the other
/// language can only be a label.
fn one_language_session(language: leadtrack::config::Language) -> Session {
    use leadtrack::config::Language;
    use leadtrack::features::activity::{LogEntry, log};
    use leadtrack::model::contact::ContactFields;
    let ja = language == Language::Ja;
    let mut config = config();
    config.language = language;
    config.user.name = Some(if ja { "山本" } else { "Tanaka" }.into());
    let mut session = Session::in_memory(config).unwrap();
    let config = session.config.clone();
    let t = |ja_text: &str, en_text: &str| if ja { ja_text } else { en_text }.to_string();
    let mut leads = Vec::new();
    for (i, (title_ja, title_en)) in [
        ("ミドリ技研 設備更新", "Pinecrest upgrade"),
        ("青葉商事 保守契約", "Harbor maintenance"),
        ("東京物流 倉庫移転", "Redwood relocation"),
        ("札幌食品 新工場", "Summit new plant"),
    ]
    .into_iter()
    .enumerate()
    {
        let id = leadtrack::features::leads::add(
            &mut session.store,
            &config,
            LeadFields {
                title: t(title_ja, title_en),
                company: Some(t("株式会社ミドリ", "Pinecrest Inc")),
                source: Some("exhibition".into()),
                value: Some(12_000_000 * (i as i64 + 1)),
                next_action: Some(t("見積送付", "Send quote")),
                next_action_on: leadtrack::model::dates::parse_due(
                    ["yesterday", "today", "+3d", "+20d"][i],
                    today(),
                )
                .ok(),
                tags: vec![t("重点", "priority")],
                notes: Some(t("予算は来期。", "Budget next year.")),
                ..LeadFields::default()
            },
        )
        .unwrap();
        leads.push(id);
    }
    let contact = leadtrack::features::contacts::add(
        &mut session.store,
        &ContactFields {
            family_name: Some(t("佐藤", "Smith")),
            given_name: Some(t("花子", "Anna")),
            family_reading: ja.then(|| "さとう".to_string()),
            given_reading: ja.then(|| "はなこ".to_string()),
            company: Some(t("株式会社ミドリ", "Pinecrest Inc")),
            exchanged_at: Some(t("展示会", "Expo")),
            ..ContactFields::default()
        },
    )
    .unwrap();
    leadtrack::features::leads::link(
        &mut session.store,
        &leads[0],
        &contact,
        leadtrack::model::LinkRole::DecisionMaker,
    )
    .unwrap();
    let at = leadtrack::model::dates::local_to_utc(
        today().pred_opt().unwrap().and_hms_opt(10, 0, 0).unwrap(),
    );
    for kind in [
        ActivityKind::Call,
        ActivityKind::Meeting,
        ActivityKind::Note,
    ] {
        log(
            &mut session.store,
            &config,
            &LogEntry {
                kind,
                lead_id: Some(leads[0].clone()),
                contact_id: Some(contact.clone()),
                occurred_at: at,
                duration_minutes: Some(15),
                direction: None,
                summary: t("課長と打合せ", "Talked to the manager"),
                body: None,
                next_action: None,
                next_action_on: None,
                campaign_id: None,
            },
        )
        .unwrap();
    }
    leadtrack::features::leads::move_to(&mut session.store, &leads[1], Stage::Future).unwrap();
    leadtrack::features::leads::move_to(&mut session.store, &leads[3], Stage::Customer).unwrap();
    session
}

/// Words of the other language on a screen: in Japanese, words of two or more ASCII
/// letters that are not technical tokens; in English, any Japanese character.
fn other_language_words(screen: &str, language: leadtrack::config::Language) -> Vec<String> {
    use leadtrack::config::Language;
    // Key names, formats and units a Japanese screen shows as they are.
    const TOKENS: &[&str] = &[
        "ctrl",
        "alt",
        "shift",
        "tab",
        "backtab",
        "esc",
        "enter",
        "space",
        "backspace",
        "delete",
        "up",
        "down",
        "left",
        "right",
        "home",
        "end",
        "pageup",
        "pagedown",
        "CSV",
        "ICS",
        "ID",
        "URL",
        "FAX",
        "BANT",
        "vCard",
        "EDITOR",
        "leadtrack",
        "db",
        "demo",
        "user",
        "name",
        "keys",
        "memory",
        "toml",
        "config",
        "import",
        "cards",
        "FILE",
    ];
    let mut out = Vec::new();
    for line in screen.lines() {
        match language {
            Language::Ja => {
                for word in line.split(|c: char| !c.is_ascii_alphabetic()) {
                    if word.len() >= 2 && !TOKENS.contains(&word) {
                        out.push(format!("{word} in {line:?}"));
                    }
                }
            }
            Language::En => {
                if let Some(c) = line.chars().find(
                    |c| matches!(*c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xFF66..=0xFF9F),
                ) {
                    out.push(format!("{c} in {line:?}"));
                }
            }
        }
    }
    out
}

#[test]
fn every_view_speaks_the_reps_language_alone() {
    use leadtrack::config::Language;
    for language in [Language::Ja, Language::En] {
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            let mut app = App::new(one_language_session(language), today()).unwrap();
            let mut walk: Vec<(String, String)> = Vec::new();
            for (view, key) in [
                "board",
                "follow-ups",
                "contacts",
                "activities",
                "customers",
                "stats",
            ]
            .into_iter()
            .zip(['1', '2', '3', '4', '5', '6'])
            {
                press(&mut app, KeyCode::Char(key));
                walk.push((view.to_string(), screen(&mut app, w, h)));
                // The end of a long view (the stats scroll) and of its help.
                press(&mut app, KeyCode::Char('G'));
                walk.push((format!("{view}, last"), screen(&mut app, w, h)));
                press(&mut app, KeyCode::Char('?'));
                walk.push((format!("{view} help"), screen(&mut app, w, h)));
                for _ in 0..4 {
                    press(&mut app, KeyCode::PageDown);
                }
                walk.push((format!("{view} help, last"), screen(&mut app, w, h)));
                press(&mut app, KeyCode::Esc);
            }
            press(&mut app, KeyCode::Char('1'));
            press(&mut app, KeyCode::Enter);
            walk.push(("lead detail".into(), screen(&mut app, w, h)));
            press(&mut app, KeyCode::Char('b'));
            walk.push(("score breakdown".into(), screen(&mut app, w, h)));
            walk.push(("too small".into(), screen(&mut app, 60, 15)));
            let mut found = Vec::new();
            for (what, shot) in &walk {
                for word in other_language_words(shot, language) {
                    found.push(format!("{language:?} {w}×{h} {what}: {word}"));
                }
            }
            assert!(found.is_empty(), "{}", found.join("\n"));
        }
    }
}

/// A few records of our own, in an app speaking `language`, and every piece of data on
/// them: what the language walk allows on screen as it is.
fn walk_app(language: leadtrack::config::Language) -> (App, Vec<String>, String) {
    use leadtrack::features::activity::LogEntry;
    use leadtrack::model::contact::{ContactFields, ValueKind};
    let mut config = config();
    config.language = language;
    let mut app = App::new(Session::in_memory(config).unwrap(), today()).unwrap();
    let due = |text: &str| leadtrack::model::dates::parse_due(text, today()).ok();
    let (store, config) = (&mut app.session.store, &app.session.config);
    let lead_id = leadtrack::features::leads::add(
        store,
        config,
        LeadFields {
            title: "ミドリ技研 ERP更新".into(),
            company: Some("ミドリ技研".into()),
            stage: Stage::Considering,
            source: Some("business_card".into()),
            value: Some(1_200_000),
            next_action: Some("見積送付".into()),
            next_action_on: due("2026-11-25"),
            tags: vec!["展示会".into()],
            notes: Some("稟議は来月".into()),
            ..LeadFields::default()
        },
    )
    .unwrap();
    leadtrack::features::leads::add(
        store,
        config,
        LeadFields {
            title: "アオバ物流 倉庫管理".into(),
            company: Some("アオバ物流".into()),
            stage: Stage::Future,
            ..LeadFields::default()
        },
    )
    .unwrap();
    let contact_id = leadtrack::features::contacts::add(
        store,
        &ContactFields {
            family_name: Some("佐藤".into()),
            given_name: Some("花子".into()),
            family_reading: Some("さとう".into()),
            given_reading: Some("はなこ".into()),
            company: Some("ミドリ技研".into()),
            ..ContactFields::default()
        }
        .with_email("sato@midori.jp")
        .with_phone("03-1111-2222", ValueKind::Work)
        .with_phone("090-1234-5678", ValueKind::Mobile),
    )
    .unwrap();
    leadtrack::features::leads::link(
        store,
        &lead_id,
        &contact_id,
        leadtrack::model::LinkRole::DecisionMaker,
    )
    .unwrap();
    // Two cards of one person (same name and company), not on any lead.
    for phone in ["03-3333-0001", "03-3333-0002"] {
        leadtrack::features::contacts::add(
            store,
            &ContactFields {
                family_name: Some("鈴木".into()),
                given_name: Some("一郎".into()),
                family_reading: Some("すずき".into()),
                company: Some("アオバ物流".into()),
                ..ContactFields::default()
            }
            .with_phone(phone, ValueKind::Work),
        )
        .unwrap();
    }
    leadtrack::features::activity::log(
        store,
        config,
        &LogEntry {
            kind: ActivityKind::Call,
            lead_id: Some(lead_id.clone()),
            contact_id: Some(contact_id),
            occurred_at: chrono::Utc::now() - chrono::Duration::days(2),
            duration_minutes: None,
            direction: None,
            summary: "課長と電話".into(),
            body: None,
            next_action: None,
            next_action_on: None,
            campaign_id: None,
        },
    )
    .unwrap();
    app.refresh();
    let data = [
        "ミドリ技研 ERP更新",
        "ミドリ技研",
        "見積送付",
        "展示会",
        "稟議は来月",
        "アオバ物流 倉庫管理",
        "アオバ物流",
        "佐藤 花子",
        "さとう はなこ",
        "sato@midori.jp",
        "鈴木 一郎",
        "すずき",
        "課長と電話",
        "山本",
        ":memory:",
    ];
    (app, data.iter().map(|d| d.to_string()).collect(), lead_id)
}

/// Whether a character is Japanese script or Japanese punctuation (kana, kanji, 「」、。,
/// full-width and half-width forms).
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{ff00}'..='\u{ffef}')
}

/// What a rep of `language` should not meet in `text`: in Japanese a word of two or more
/// ASCII letters that is neither data (whole, or cut short with `…`) nor a key or a
/// technical token; in English any run of Japanese that is not part of the data.
fn foreign_words(
    text: &str,
    language: leadtrack::config::Language,
    data: &[String],
    tokens: &std::collections::BTreeSet<String>,
) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    let foreign = |c: char| match language {
        leadtrack::config::Language::Ja => c.is_ascii_alphabetic(),
        leadtrack::config::Language::En => is_cjk(c),
    };
    while i < chars.len() {
        if !foreign(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && foreign(chars[i]) {
            i += 1;
        }
        let run: String = chars[start..i].iter().collect();
        let allowed = match language {
            leadtrack::config::Language::Ja => {
                let cut = chars.get(i) == Some(&'…');
                run.len() < 2
                    || tokens.contains(&run)
                    || data.iter().any(|d| {
                        d.split(|c: char| !c.is_ascii_alphabetic())
                            .any(|word| word == run || (cut && word.starts_with(&run)))
                    })
            }
            leadtrack::config::Language::En => data.iter().any(|d| d.contains(&run)),
        };
        if !allowed {
            found.push(run);
        }
    }
    found
}

/// The screen as cells, a wide character's second cell empty.
fn cells(shot: &str, w: u16) -> Vec<Vec<String>> {
    shot.lines()
        .map(|line| {
            let mut row = Vec::new();
            for c in line.chars() {
                row.push(c.to_string());
                if unicode_width::UnicodeWidthChar::width(c) == Some(2) {
                    row.push(String::new());
                }
            }
            row.resize(usize::from(w), " ".to_string());
            row
        })
        .collect()
}

/// Walks the app in one language, looking at the parts of each screen this check covers:
/// the tab bar, the open popup (the cells it changes on the view under it), the hint bar and
/// the status line, and the whole of each status message.
struct LanguageWalk {
    language: leadtrack::config::Language,
    data: Vec<String>,
    tokens: std::collections::BTreeSet<String>,
    problems: Vec<String>,
    steps: usize,
}

impl LanguageWalk {
    fn new(app: &App, language: leadtrack::config::Language, data: Vec<String>) -> Self {
        // Keys read the same in both languages: the words of every key of the keymap, the
        // keys the form box names, and tokens a Japanese rep reads as they are.
        let mut tokens: std::collections::BTreeSet<String> = leadtrack::keymap::Action::ALL
            .iter()
            .flat_map(|a| {
                app.keymap
                    .label(*a)
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        tokens.extend(
            ["enter", "EDITOR", "CSV", "ID", "FAX", "URL", "Web"]
                .iter()
                .map(|t| t.to_string()),
        );
        LanguageWalk {
            language,
            data,
            tokens,
            problems: Vec::new(),
            steps: 0,
        }
    }

    fn look(&mut self, app: &mut App, step: &str) {
        self.steps += 1;
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            let shot = screen(app, w, h);
            let popup = app.popup.take();
            let under = popup.as_ref().map(|_| screen(app, w, h));
            app.popup = popup;
            let grid = cells(&shot, w);
            let mut texts: Vec<String> = Vec::new();
            let h = usize::from(h);
            // The tab bar, the hint bar and the status line.
            for y in [0, h - 2, h - 1] {
                texts.push(grid[y].concat());
            }
            // The popup: the rows and columns where it differs from the view under it.
            if let Some(under) = under {
                let under = cells(&under, w);
                let changed: Vec<(usize, usize)> = (1..h - 2)
                    .flat_map(|y| (0..usize::from(w)).map(move |x| (x, y)))
                    .filter(|&(x, y)| grid[y][x] != under[y][x])
                    .collect();
                assert!(!changed.is_empty(), "{step}: the popup changes the screen");
                let (x0, x1) = (
                    changed.iter().map(|c| c.0).min().unwrap(),
                    changed.iter().map(|c| c.0).max().unwrap(),
                );
                let (y0, y1) = (
                    changed.iter().map(|c| c.1).min().unwrap(),
                    changed.iter().map(|c| c.1).max().unwrap(),
                );
                texts.extend((y0..=y1).map(|y| grid[y][x0..=x1].concat()));
            }
            if let Some(status) = &app.status {
                texts.push(status.text.clone());
            }
            for text in texts {
                let words = foreign_words(&text, self.language, &self.data, &self.tokens);
                if !words.is_empty() {
                    self.problems
                        .push(format!("{step} at {w}x{h}: {words:?} in {text:?}\n{shot}"));
                }
            }
        }
    }

    /// Types `text`, which is data from then on.
    fn typed(&mut self, app: &mut App, text: &str) {
        type_text(app, text);
        self.data.push(text.to_string());
    }

    fn finish(self) {
        assert!(
            self.steps >= 40,
            "the walk looked at {} screens",
            self.steps
        );
        assert!(
            self.problems.is_empty(),
            "{} problems, the first:\n{}",
            self.problems.len(),
            self.problems[..self.problems.len().min(5)].join("\n")
        );
    }
}

/// What is open on top of the view.
fn open_popup(app: &App) -> Option<leadtrack::keymap::Context> {
    app.popup.as_ref().map(Popup::context)
}

/// Every form and popup, and the status line after every kind of action, in one language.
fn walk_every_form_and_popup(language: leadtrack::config::Language) {
    use leadtrack::keymap::Context;
    let (mut app, data, lead_id) = walk_app(language);
    let mut walk = LanguageWalk::new(&app, language, data);
    let app = &mut app;
    walk.look(app, "the board");
    press(app, KeyCode::Char('u'));
    walk.look(app, "nothing to undo");
    shift(app, 'U');
    walk.look(app, "nothing to redo");

    // A new lead, with problems, then saved.
    press(app, KeyCode::Char('a'));
    walk.look(app, "new lead");
    walk.typed(app, "新規案件");
    for _ in 0..3 {
        press(app, KeyCode::Tab);
    }
    walk.typed(app, "そのうち");
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    walk.typed(app, "たくさん");
    ctrl(app, 's');
    walk.look(app, "new lead with a bad date and amount");
    ctrl(app, 'u');
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    ctrl(app, 'u');
    ctrl(app, 's');
    assert_eq!(open_popup(app), None, "the lead is saved");
    walk.look(app, "lead added");

    // Edit, cancel, discard (the new lead is selected).
    press(app, KeyCode::Char('e'));
    walk.look(app, "edit lead");
    press(app, KeyCode::Tab);
    walk.typed(app, "株式会社");
    ctrl(app, 's');
    walk.look(app, "lead saved");
    press(app, KeyCode::Char('e'));
    ctrl(app, 's');
    walk.look(app, "no change");
    press(app, KeyCode::Char('e'));
    press(app, KeyCode::Esc);
    walk.look(app, "cancelled");
    press(app, KeyCode::Char('e'));
    ctrl(app, 'u');
    walk.typed(app, "追記");
    press(app, KeyCode::Esc);
    walk.look(app, "discard what was typed?");
    press(app, KeyCode::Char('y'));
    walk.look(app, "discarded");
    press(app, KeyCode::Char('d'));
    walk.look(app, "delete the lead?");
    assert_eq!(open_popup(app), Some(Context::Confirm));
    press(app, KeyCode::Char('n'));
    walk.look(app, "not deleted");
    press(app, KeyCode::Char('d'));
    press(app, KeyCode::Char('y'));
    walk.look(app, "deleted");
    press(app, KeyCode::Char('u'));
    walk.look(app, "delete undone");

    // The first lead: dates, activities, contacts, stages.
    press(app, KeyCode::Char('g'));
    walk.look(app, "the first lead");
    assert_eq!(selected_lead(app).id, lead_id);
    press(app, KeyCode::Char('r'));
    walk.look(app, "reschedule");
    walk.typed(app, "3日後");
    press(app, KeyCode::Enter);
    walk.look(app, "rescheduled");
    press(app, KeyCode::Char('r'));
    ctrl(app, 'u');
    press(app, KeyCode::Enter);
    walk.look(app, "no next action date");
    press(app, KeyCode::Char('u'));
    walk.look(app, "clearing the date undone");
    press(app, KeyCode::Char('u'));
    walk.look(app, "reschedule undone");

    press(app, KeyCode::Char('c'));
    walk.look(app, "log a call");
    walk.typed(app, "課長と電話");
    press(app, KeyCode::Enter);
    walk.typed(app, "明日");
    press(app, KeyCode::Enter);
    walk.look(app, "call logged with a next action");
    press(app, KeyCode::Char('u'));
    walk.look(app, "call undone");
    shift(app, 'U');
    walk.look(app, "call redone");
    press(app, KeyCode::Char('m'));
    ctrl(app, 's');
    press(app, KeyCode::Tab);
    walk.typed(app, "いつか");
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    ctrl(app, 'u');
    walk.typed(app, "夕方");
    press(app, KeyCode::Tab);
    walk.typed(app, "半時間");
    ctrl(app, 's');
    walk.look(app, "meeting with problems");
    press(app, KeyCode::Esc);
    press(app, KeyCode::Char('y'));
    press(app, KeyCode::Char('n'));
    walk.look(app, "note");
    walk.typed(app, "競合はA社");
    ctrl(app, 's');
    walk.look(app, "note logged");
    shift(app, 'A');
    press(app, KeyCode::Right);
    press(app, KeyCode::Tab);
    walk.look(app, "any kind of activity");
    press(app, KeyCode::Esc);
    press(app, KeyCode::Char('y'));

    press(app, KeyCode::Char('p'));
    walk.typed(app, "すずき");
    walk.look(app, "put a contact on the lead");
    ctrl(app, 's');
    walk.look(app, "contact put on the lead");
    press(app, KeyCode::Char('u'));
    walk.look(app, "link undone");
    press(app, KeyCode::Char('p'));
    walk.typed(app, "該当しない");
    ctrl(app, 's');
    walk.look(app, "nobody matches");
    press(app, KeyCode::Esc);
    press(app, KeyCode::Char('y'));
    assert_eq!(open_popup(app), None);

    shift(app, 'H');
    walk.look(app, "the last stage that way");
    shift(app, 'L');
    walk.look(app, "moved");
    press(app, KeyCode::Char('u'));
    walk.look(app, "move undone");
    shift(app, 'U');
    walk.look(app, "move redone");
    press(app, KeyCode::Char('u'));
    press(app, KeyCode::Char('w'));
    walk.look(app, "won");
    press(app, KeyCode::Char('5'));
    walk.look(app, "customers");
    press(app, KeyCode::Char('w'));
    walk.look(app, "already a customer");
    press(app, KeyCode::Char('u'));
    walk.look(app, "won undone");
    press(app, KeyCode::Char('1'));

    // Filters and orders.
    press(app, KeyCode::Char('f'));
    walk.look(app, "filter the board");
    walk.typed(app, "ミドリ");
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    press(app, KeyCode::Right);
    press(app, KeyCode::Enter);
    walk.look(app, "filtered");
    shift(app, 'F');
    walk.look(app, "filters cleared");
    shift(app, 'F');
    walk.look(app, "no filters to clear");
    press(app, KeyCode::Char('f'));
    press(app, KeyCode::Enter);
    walk.look(app, "no filters");
    for _ in 0..4 {
        press(app, KeyCode::Char('s'));
        walk.look(app, "sorted");
    }
    for _ in 0..2 {
        shift(app, 'S');
        walk.look(app, "stale or not");
    }
    for _ in 0..2 {
        press(app, KeyCode::Char('o'));
        walk.look(app, "whose leads");
    }

    // Search.
    press(app, KeyCode::Char('/'));
    walk.look(app, "search");
    walk.typed(app, "ミドリ");
    walk.look(app, "search results");
    press(app, KeyCode::Esc);
    press(app, KeyCode::Char('/'));
    walk.typed(app, "該当しない");
    walk.look(app, "nothing matches");
    press(app, KeyCode::Esc);

    // The lead's detail: its contact and its activities.
    app.open_detail(&lead_id);
    walk.look(app, "the detail");
    shift(app, 'R');
    walk.look(app, "pick a contact first");
    press(app, KeyCode::Tab);
    shift(app, 'R');
    walk.look(app, "a new role");
    press(app, KeyCode::Char('u'));
    walk.look(app, "role undone");
    press(app, KeyCode::Char('d'));
    walk.look(app, "take the contact off?");
    assert_eq!(open_popup(app), Some(Context::Confirm));
    press(app, KeyCode::Char('y'));
    walk.look(app, "taken off");
    press(app, KeyCode::Char('u'));
    walk.look(app, "taking off undone");
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    press(app, KeyCode::Char('e'));
    walk.look(app, "edit an activity");
    assert_eq!(open_popup(app), Some(Context::Form));
    press(app, KeyCode::Tab);
    ctrl(app, 'u');
    walk.typed(app, "再確認");
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    walk.typed(app, "三十");
    ctrl(app, 's');
    walk.look(app, "activity with a problem");
    ctrl(app, 'u');
    ctrl(app, 's');
    walk.look(app, "activity saved");
    press(app, KeyCode::Char('u'));
    walk.look(app, "activity edit undone");
    press(app, KeyCode::Char('d'));
    walk.look(app, "delete the activity?");
    assert_eq!(open_popup(app), Some(Context::Confirm));
    press(app, KeyCode::Char('y'));
    press(app, KeyCode::Char('u'));
    walk.look(app, "activity back");
    shift(app, 'U');
    walk.look(app, "activity deleted again");
    press(app, KeyCode::Char('u'));
    press(app, KeyCode::Esc);

    // Contacts: cards, their forms, duplicates.
    press(app, KeyCode::Char('3'));
    walk.look(app, "contacts");
    press(app, KeyCode::Char('a'));
    walk.look(app, "new contact");
    ctrl(app, 's');
    walk.look(app, "a contact needs a name");
    for _ in 0..8 {
        press(app, KeyCode::Tab);
    }
    walk.typed(app, "さとう");
    press(app, KeyCode::Tab);
    walk.typed(app, "x@midori.jp（船）");
    press(app, KeyCode::Tab);
    walk.typed(app, "なし");
    ctrl(app, 's');
    walk.look(app, "contact with bad values");
    press(app, KeyCode::Esc);
    press(app, KeyCode::Char('y'));
    press(app, KeyCode::Char('a'));
    walk.typed(app, "高橋");
    ctrl(app, 's');
    walk.look(app, "contact added");
    press(app, KeyCode::Char('u'));
    walk.look(app, "contact add undone");
    press(app, KeyCode::Char('g'));
    press(app, KeyCode::Char('e'));
    walk.look(app, "edit contact");
    assert_eq!(open_popup(app), Some(Context::Form));
    for _ in 0..6 {
        press(app, KeyCode::Tab);
    }
    walk.typed(app, "営業部");
    ctrl(app, 's');
    walk.look(app, "contact saved");
    press(app, KeyCode::Char('u'));
    walk.look(app, "contact edit undone");
    press(app, KeyCode::Char('c'));
    walk.look(app, "log a call with a contact");
    walk.typed(app, "名刺交換のお礼");
    ctrl(app, 's');
    press(app, KeyCode::Char('u'));
    walk.look(app, "call with a contact undone");
    press(app, KeyCode::Char('p'));
    walk.look(app, "put the card on a lead");
    walk.typed(app, "アオバ");
    ctrl(app, 's');
    walk.look(app, "card put on a lead");
    press(app, KeyCode::Char('p'));
    walk.typed(app, "該当しない");
    ctrl(app, 's');
    walk.look(app, "no lead matches");
    press(app, KeyCode::Esc);
    press(app, KeyCode::Char('y'));
    press(app, KeyCode::Char('j'));
    press(app, KeyCode::Enter);
    walk.look(app, "a card on no lead");
    press(app, KeyCode::Char('d'));
    walk.look(app, "delete the contact?");
    assert_eq!(open_popup(app), Some(Context::Confirm));
    press(app, KeyCode::Char('y'));
    press(app, KeyCode::Char('u'));
    walk.look(app, "contact back");
    shift(app, 'D');
    walk.look(app, "duplicates");
    assert_eq!(open_popup(app), Some(Context::Dedupe));
    press(app, KeyCode::Char('q'));
    walk.look(app, "duplicates stopped");
    shift(app, 'D');
    press(app, KeyCode::Char('m'));
    walk.look(app, "duplicates reviewed");
    shift(app, 'D');
    walk.look(app, "no duplicates");

    // Activities and the lead lists.
    press(app, KeyCode::Char('4'));
    walk.look(app, "activities");
    press(app, KeyCode::Char('e'));
    walk.look(app, "edit from activities");
    assert_eq!(open_popup(app), Some(Context::Form));
    press(app, KeyCode::Esc);
    press(app, KeyCode::Char('d'));
    walk.look(app, "delete from activities?");
    assert_eq!(open_popup(app), Some(Context::Confirm));
    press(app, KeyCode::Char('n'));
    press(app, KeyCode::Char('2'));
    press(app, KeyCode::Char('f'));
    walk.look(app, "filter the lists");
    assert_eq!(open_popup(app), Some(Context::Form));
    press(app, KeyCode::Esc);
    walk.finish();
}

/// `[ui] language = "ja"`: no English word in a form, a popup or a message but data, keys
/// and technical tokens.
#[test]
fn forms_popups_and_messages_speak_japanese() {
    walk_every_form_and_popup(leadtrack::config::Language::Ja);
}

/// `[ui] language = "en"`: no Japanese in a form, a popup or a message but data.
#[test]
fn forms_popups_and_messages_speak_english() {
    walk_every_form_and_popup(leadtrack::config::Language::En);
}

#[test]
fn the_language_check_finds_what_is_planted() {
    use leadtrack::config::Language;
    let data = vec![
        "sato@midori.jp".to_string(),
        "ミドリ技研 ERP更新".to_string(),
    ];
    let tokens = ["ctrl".to_string(), "esc".to_string()]
        .into_iter()
        .collect();
    let ja = |t: &str| foreign_words(t, Language::Ja, &data, &tokens);
    let en = |t: &str| foreign_words(t, Language::En, &data, &tokens);
    assert_eq!(
        ja("ctrl-s 保存 · esc 中止 · sato@midori.jp · ERP更新"),
        Vec::<String>::new()
    );
    assert_eq!(
        ja("「ミドリ技研 ERP…」 mid…"),
        Vec::<String>::new(),
        "data cut short"
    );
    assert_eq!(ja("担当者 Owner · y はい"), ["Owner"]);
    assert_eq!(ja("mid は"), ["mid"], "a part of a word is not the word");
    assert_eq!(
        en("Saved company · ミドリ技研 ERP更… · sato"),
        Vec::<String>::new()
    );
    assert_eq!(en("Stage 検討段階"), ["検討段階"]);
    assert_eq!(en("Role 決裁者（Decision maker）"), ["決裁者（", "）"]);
}

/// The contact form marks a card no mail (配信停止) from a day; the card says so, `u` takes
/// the mark off again, and emptying the field takes it off too.
#[test]
fn the_contact_form_marks_a_card_no_mail_and_undo_takes_it_back() {
    use leadtrack::model::contact::ContactFields;
    let mut app = empty_app();
    let id = leadtrack::features::contacts::add(
        &mut app.session.store,
        &ContactFields {
            family_name: Some("佐藤".into()),
            given_name: Some("花子".into()),
            company: Some("ミドリ技研株式会社".into()),
            ..ContactFields::default()
        },
    )
    .unwrap();
    let no_mail_on = |app: &App| {
        leadtrack::store::contacts::get(app.session.store.conn(), &id)
            .unwrap()
            .unwrap()
            .no_mail_on
    };
    let to_no_mail_field = |app: &mut App| {
        for _ in 0..40 {
            let Some(Popup::Form(form)) = &app.popup else {
                panic!("no form")
            };
            if form.fields[form.focus].name == "no_mail_on" {
                return form.fields[form.focus].text();
            }
            press(app, KeyCode::Tab);
        }
        panic!("the contact form has no no-mail field")
    };
    press(&mut app, KeyCode::Char('3'));
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(to_no_mail_field(&mut app), "");
    type_text(&mut app, "2026-11-20");
    ctrl(&mut app, 's');
    assert!(app.popup.is_none(), "{:?}", app.status);
    assert_eq!(no_mail_on(&app), NaiveDate::from_ymd_opt(2026, 11, 20));
    let shown = screen(&mut app, 120, 40);
    assert!(
        shown
            .lines()
            .any(|l| l.contains("No mail") && l.contains("since 2026-11-20")),
        "{shown}"
    );

    press(&mut app, KeyCode::Char('u'));
    assert_eq!(no_mail_on(&app), None, "{:?}", app.status);

    // Marked again, then the field emptied: mail again.
    press(&mut app, KeyCode::Char('e'));
    to_no_mail_field(&mut app);
    type_text(&mut app, "today");
    ctrl(&mut app, 's');
    assert_eq!(no_mail_on(&app), Some(today()));
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(to_no_mail_field(&mut app), today().to_string());
    for _ in 0..today().to_string().len() {
        press(&mut app, KeyCode::Backspace);
    }
    ctrl(&mut app, 's');
    assert!(app.popup.is_none(), "{:?}", app.status);
    assert_eq!(no_mail_on(&app), None);

    // A day that is not one is marked at the field, and nothing is saved.
    press(&mut app, KeyCode::Char('e'));
    to_no_mail_field(&mut app);
    type_text(&mut app, "someday");
    ctrl(&mut app, 's');
    let Some(Popup::Form(form)) = &app.popup else {
        panic!("the form stays open")
    };
    assert!(form.field("no_mail_on").unwrap().error.is_some());
    assert_eq!(no_mail_on(&app), None);
}

/// Two campaigns in `app`'s database (the seminar starts later, so it is listed and offered
/// first); their ids.
fn two_campaigns(app: &mut App) -> (String, String) {
    use leadtrack::features::campaigns;
    use leadtrack::model::campaign::{CampaignKind, CampaignPatch};
    let mut add = |name: &str, kind, start| {
        let fields = CampaignPatch {
            name: Some(name.into()),
            kind: Some(kind),
            starts_on: Some(NaiveDate::from_ymd_opt(2026, start, 1)),
            cost: Some(Some(300_000)),
            ..CampaignPatch::default()
        };
        campaigns::add(&mut app.session.store, &fields).unwrap()
    };
    let seminar = add("秋の設備セミナー", CampaignKind::Seminar, 10);
    let fair = add("展示会 2026 春", CampaignKind::Exhibition, 4);
    app.changed();
    (seminar, fair)
}

/// Tab through the open form to its field `name`; false when the form has none.
fn tab_to(app: &mut App, name: &str) -> bool {
    for _ in 0..30 {
        match &app.popup {
            Some(Popup::Form(form)) if form.fields[form.focus].name == name => return true,
            Some(Popup::Form(_)) => {
                press(app, KeyCode::Tab);
            }
            _ => return false,
        }
    }
    false
}

#[test]
fn a_call_logged_with_a_campaign_chosen_is_stored_under_it_and_counted_there() {
    let (mut app, lead_id, _, _) = one_of_each();
    let (seminar, _) = two_campaigns(&mut app);
    screen(&mut app, 80, 24);
    press(&mut app, KeyCode::Char('c'));
    type_text(&mut app, "セミナーのお礼の電話");
    assert!(
        tab_to(&mut app, "campaign"),
        "the log form offers the campaigns"
    );
    press(&mut app, KeyCode::Right);
    let form = screen(&mut app, 80, 24);
    assert!(
        form.contains("Campaign        ◂ 秋の設備セミナー ▸"),
        "{form}"
    );
    ctrl(&mut app, 's');
    assert!(app.popup.is_none(), "saved");
    let conn = app.session.store.conn();
    let logged = leadtrack::store::activities::of_lead(conn, &lead_id, 10).unwrap();
    let call = logged
        .iter()
        .find(|a| a.summary == "セミナーのお礼の電話")
        .expect("the call is stored");
    assert_eq!(call.campaign_id.as_deref(), Some(seminar.as_str()));
    // The seminar counts it: the lead it touched and the call among its responses.
    press(&mut app, KeyCode::Char('7'));
    screen(&mut app, 80, 24);
    press(&mut app, KeyCode::Enter);
    let opened = screen(&mut app, 80, 24);
    assert!(
        opened.contains("Touched            1 lead, 0 people"),
        "{opened}"
    );
    assert!(opened.contains("Responses          Call 1"), "{opened}");
    // Undone from there, the call is gone and no longer counted.
    press(&mut app, KeyCode::Char('u'));
    let undone = screen(&mut app, 80, 24);
    assert!(undone.contains("Responses          —"), "{undone}");
    let conn = app.session.store.conn();
    let left = leadtrack::store::activities::of_lead(conn, &lead_id, 10).unwrap();
    assert!(left.iter().all(|a| a.summary != "セミナーのお礼の電話"));
}

#[test]
fn a_logged_activity_moves_to_another_campaign_in_its_edit_form_and_back_with_undo() {
    let (mut app, _, _, call_id) = one_of_each();
    let (seminar, fair) = two_campaigns(&mut app);
    press(&mut app, KeyCode::Char('4'));
    screen(&mut app, 80, 24);
    press(&mut app, KeyCode::Char('e'));
    assert!(tab_to(&mut app, "campaign"));
    // None, then the seminar, then the exhibition.
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    ctrl(&mut app, 's');
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Saved campaign"), "{shown}");
    let stored = |app: &App| {
        leadtrack::store::activities::get(app.session.store.conn(), &call_id)
            .unwrap()
            .unwrap()
            .campaign_id
    };
    assert_eq!(stored(&app), Some(fair.clone()));
    press(&mut app, KeyCode::Char('e'));
    let form = screen(&mut app, 80, 24);
    assert!(
        form.contains("展示会 2026 春"),
        "the form starts at its campaign:\n{form}"
    );
    assert!(tab_to(&mut app, "campaign"));
    press(&mut app, KeyCode::Left);
    ctrl(&mut app, 's');
    assert_eq!(stored(&app), Some(seminar));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(stored(&app), Some(fair));
}

#[test]
fn a_lead_added_in_the_app_comes_from_the_campaign_chosen_and_its_edit_clears_it() {
    let mut app = empty_app();
    let (seminar, _) = two_campaigns(&mut app);
    screen(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "セミナー来場 ミドリ技研");
    assert!(
        tab_to(&mut app, "campaign"),
        "the lead form offers the campaigns"
    );
    press(&mut app, KeyCode::Right);
    ctrl(&mut app, 's');
    screen(&mut app, 120, 40);
    let added = selected_lead(&app);
    assert_eq!(added.title, "セミナー来場 ミドリ技研");
    assert_eq!(added.campaign_id.as_deref(), Some(seminar.as_str()));
    press(&mut app, KeyCode::Char('e'));
    let form = screen(&mut app, 120, 40);
    assert!(form.contains("Campaign        秋の設備セミナー"), "{form}");
    assert!(tab_to(&mut app, "campaign"));
    press(&mut app, KeyCode::Left);
    ctrl(&mut app, 's');
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("Saved campaign"), "{shown}");
    assert_eq!(lead(&app, &added.id).campaign_id, None);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(
        lead(&app, &added.id).campaign_id.as_deref(),
        Some(seminar.as_str())
    );
}

#[test]
fn without_a_campaign_the_forms_ask_nothing_of_one() {
    let (mut app, _, _, _) = one_of_each();
    screen(&mut app, 80, 24);
    press(&mut app, KeyCode::Char('c'));
    assert!(!tab_to(&mut app, "campaign"));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('a'));
    assert!(!tab_to(&mut app, "campaign"));
}

#[test]
fn the_campaigns_view_says_how_to_add_one_then_lists_opens_and_closes_them() {
    use leadtrack::config::Language;
    for language in [Language::En, Language::Ja] {
        let mut config = config();
        config.language = language;
        let mut app = App::new(Session::in_memory(config).unwrap(), today()).unwrap();
        press(&mut app, KeyCode::Char('7'));
        let empty = screen(&mut app, 80, 24);
        assert!(
            empty.contains("leadtrack campaign add --name … --kind seminar --cost 300000"),
            "{empty}"
        );
        assert_eq!(app.view, View::Campaigns);
        let (_, fair) = two_campaigns(&mut app);
        let list = screen(&mut app, 80, 24);
        let names: Vec<&str> = list
            .lines()
            .filter(|l| l.starts_with("秋の") || l.starts_with("展示会"))
            .collect();
        assert_eq!(names.len(), 2, "{list}");
        assert!(names[0].starts_with("秋の設備セミナー"), "{list}");
        press(&mut app, KeyCode::Char('j'));
        press(&mut app, KeyCode::Enter);
        let opened = screen(&mut app, 80, 24);
        assert_eq!(app.campaigns.open.as_deref(), Some(fair.as_str()));
        assert!(opened.contains("展示会 2026 春"), "{opened}");
        assert!(!opened.contains("秋の設備セミナー"), "{opened}");
        press(&mut app, KeyCode::Esc);
        let back = screen(&mut app, 80, 24);
        assert!(
            back.contains("秋の設備セミナー") && back.contains("展示会"),
            "{back}"
        );
        // Open, then away and back by its key: the list again.
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Char('1'));
        press(&mut app, KeyCode::Char('7'));
        screen(&mut app, 80, 24);
        assert_eq!(app.campaigns.open, None);
        // The help lists the view's keys, its own among them.
        press(&mut app, KeyCode::Char('?'));
        let help = screen(&mut app, 120, 40);
        let name = match language {
            Language::En => "Campaigns",
            Language::Ja => "キャンペーン",
        };
        assert!(
            help.lines().any(|l| l.contains("│7 ") && l.contains(name)),
            "{help}"
        );
    }
}

#[test]
fn a_hostile_campaign_name_draws_as_plain_characters() {
    use leadtrack::model::campaign::CampaignPatch;
    let (mut app, _, _, _) = one_of_each();
    let fields = CampaignPatch {
        name: Some(HOSTILE.into()),
        notes: Some(Some(HOSTILE.into())),
        cost: Some(Some(300_000)),
        ..CampaignPatch::default()
    };
    leadtrack::features::campaigns::add(&mut app.session.store, &fields).unwrap();
    app.changed();
    for (w, h) in [(80, 24), (120, 40)] {
        press(&mut app, KeyCode::Char('7'));
        assert_screen_inert(&mut app, "the campaigns", w, h);
        press(&mut app, KeyCode::Enter);
        assert_screen_inert(&mut app, "the campaign opened", w, h);
        press(&mut app, KeyCode::Char('1'));
        screen(&mut app, w, h);
        press(&mut app, KeyCode::Char('c'));
        assert!(tab_to(&mut app, "campaign"));
        press(&mut app, KeyCode::Right);
        assert_screen_inert(&mut app, "the log form", w, h);
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('y'));
    }
}

#[test]
fn the_campaigns_view_speaks_the_reps_language_alone() {
    use leadtrack::config::Language;
    use leadtrack::model::campaign::{CampaignKind, CampaignPatch};
    const COMMAND: &str = "leadtrack campaign add --name … --kind seminar --cost 300000";
    for language in [Language::Ja, Language::En] {
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            let mut app = App::new(one_language_session(language), today()).unwrap();
            let mut walk: Vec<(String, String)> = Vec::new();
            press(&mut app, KeyCode::Char('7'));
            let empty = screen(&mut app, w, h);
            assert!(empty.contains(COMMAND), "{empty}");
            // The command is typed as it is, in either language.
            walk.push(("no campaign".into(), empty.replace(COMMAND, "")));
            let name = match language {
                Language::Ja => "秋の設備セミナー",
                Language::En => "Autumn seminar",
            };
            let fields = CampaignPatch {
                name: Some(name.into()),
                // (Direct mail is `DM` in Japanese too.)
                kind: Some(CampaignKind::Seminar),
                starts_on: Some(NaiveDate::from_ymd_opt(2026, 10, 1)),
                ends_on: Some(NaiveDate::from_ymd_opt(2026, 10, 2)),
                cost: Some(Some(300_000)),
                owner: app.session.config.user.name.clone().map(Some),
                ..CampaignPatch::default()
            };
            leadtrack::features::campaigns::add(&mut app.session.store, &fields).unwrap();
            app.changed();
            walk.push(("campaigns".into(), screen(&mut app, w, h)));
            press(&mut app, KeyCode::Enter);
            walk.push(("campaign opened".into(), screen(&mut app, w, h)));
            press(&mut app, KeyCode::Char('?'));
            walk.push(("campaigns help".into(), screen(&mut app, w, h)));
            let mut found = Vec::new();
            for (what, shot) in &walk {
                for word in other_language_words(shot, language) {
                    found.push(format!("{language:?} {w}×{h} {what}: {word}"));
                }
            }
            assert!(found.is_empty(), "{}", found.join("\n"));
        }
    }
}
