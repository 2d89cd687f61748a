//! Whole screens at 80×24 and 120×40, with Japanese and English data: alignment,
//! truncation with an ellipsis at a character boundary, and every view and form.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use leadtrack::config::{Config, Language};
use leadtrack::features::demo::{self, DemoSize};
use leadtrack::session::Session;
use leadtrack::tui::{self, app::App};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn app() -> App {
    app_in(Language::En)
}

/// The demo database, the app speaking `language`.
fn app_in(language: Language) -> App {
    let mut config = Config {
        language,
        ..Config::default()
    };
    config.user.name = Some("山本".into());
    // The screens begin on the board, whatever is due.
    config.ui.start_view = leadtrack::config::StartView::Board;
    let mut session = Session::in_memory(config).unwrap();
    let size = DemoSize {
        leads: 40,
        contacts: 60,
        activities: 200,
        seed: 11,
    };
    demo::generate_on(&mut session.store, &session.config, size, today()).unwrap();
    App::new(session, today()).unwrap()
}

fn keys(app: &mut App, keys: &[KeyCode]) {
    for code in keys {
        let modifiers = match code {
            KeyCode::Char(c) if c.is_ascii_uppercase() => KeyModifiers::SHIFT,
            _ => KeyModifiers::NONE,
        };
        app.on_key(KeyEvent {
            code: *code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        });
    }
}

fn ctrl(app: &mut App, c: char) {
    app.on_key(KeyEvent {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    });
}

fn text(app: &mut App, s: &str) {
    let codes: Vec<KeyCode> = s.chars().map(KeyCode::Char).collect();
    keys(app, &codes);
}

/// The screen as text, one line per row, wide characters once.
fn screen(app: &mut App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    tui::draw_settled(&mut terminal, app).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..w {
            let symbol = buffer[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            skip = leadtrack::model::text::width(symbol).saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Every line of a screen fits its width exactly: double-width text never overflows.
fn assert_fits(shot: &str, w: u16) {
    for line in shot.lines() {
        assert!(
            leadtrack::model::text::width(line) <= w as usize,
            "too wide: {line}"
        );
    }
}

macro_rules! snapshot_both_sizes {
    ($name:ident, $setup:expr) => {
        snapshot_both_sizes!($name, Language::En, $setup);
    };
    ($name:ident, $language:expr, $setup:expr) => {
        #[test]
        fn $name() {
            for (w, h) in [(80u16, 24u16), (120, 40)] {
                let mut app = app_in($language);
                let setup: fn(&mut App) = $setup;
                // Draw once before the keys, as the running app does, so lists are loaded.
                screen(&mut app, w, h);
                setup(&mut app);
                let shot = screen(&mut app, w, h);
                assert_fits(&shot, w);
                insta::assert_snapshot!(format!("{}_{w}x{h}", stringify!($name)), shot);
            }
        }
    };
}

snapshot_both_sizes!(board, |_| {});
snapshot_both_sizes!(board_second_column_scrolled, |app| {
    keys(
        app,
        &[
            KeyCode::Char('l'),
            KeyCode::Char('j'),
            KeyCode::Char('j'),
            KeyCode::Char('j'),
            KeyCode::Char('j'),
            KeyCode::Char('j'),
        ],
    );
});
snapshot_both_sizes!(board_by_value_stale_only, |app| {
    keys(
        app,
        &[KeyCode::Char('s'), KeyCode::Char('s'), KeyCode::Char('S')],
    );
});
snapshot_both_sizes!(follow_ups_mine, |app| keys(
    app,
    &[KeyCode::Char('2'), KeyCode::Char('o')]
));
snapshot_both_sizes!(filter_form, |app| keys(app, &[KeyCode::Char('f')]));
snapshot_both_sizes!(board_filtered_by_words_and_due, |app| {
    keys(app, &[KeyCode::Char('f')]);
    text(app, "物流");
    keys(
        app,
        &[
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Right,
            KeyCode::Right,
            KeyCode::Right,
            KeyCode::Right,
            KeyCode::Enter,
        ],
    );
});
snapshot_both_sizes!(follow_ups_filtered_by_words_and_rank, |app| {
    keys(app, &[KeyCode::Char('2'), KeyCode::Char('f')]);
    text(app, "更新");
    keys(
        app,
        &[
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Right,
            KeyCode::Right,
            KeyCode::Enter,
        ],
    );
});
snapshot_both_sizes!(reschedule, |app| {
    keys(app, &[KeyCode::Char('2')]);
    // The list is read when drawn; then a lead is selected to reschedule.
    screen(app, 120, 40);
    keys(app, &[KeyCode::Char('r')]);
});
snapshot_both_sizes!(lead_detail, |app| keys(
    app,
    &[KeyCode::Char('l'), KeyCode::Enter]
));
snapshot_both_sizes!(follow_ups, |app| keys(app, &[KeyCode::Char('2')]));
snapshot_both_sizes!(contacts, |app| keys(
    app,
    &[KeyCode::Char('3'), KeyCode::Char('j'), KeyCode::Char('j')]
));
snapshot_both_sizes!(activities, |app| keys(app, &[KeyCode::Char('4')]));
snapshot_both_sizes!(customers, |app| keys(app, &[KeyCode::Char('5')]));
snapshot_both_sizes!(stats, |app| keys(app, &[KeyCode::Char('6')]));
snapshot_both_sizes!(help_on_the_board, |app| keys(app, &[KeyCode::Char('?')]));
snapshot_both_sizes!(help_scrolled, |app| {
    keys(
        app,
        &[
            KeyCode::Char('?'),
            KeyCode::Char('j'),
            KeyCode::Char('j'),
            KeyCode::PageDown,
        ],
    );
});
snapshot_both_sizes!(search_by_reading, |app| {
    keys(app, &[KeyCode::Char('/')]);
    text(app, "いけ");
});
snapshot_both_sizes!(form_log_call, |app| {
    keys(app, &[KeyCode::Char('c')]);
    text(app, "課長と電話: 予算の確認");
    keys(app, &[KeyCode::Enter]);
});
snapshot_both_sizes!(form_log_call_with_errors, |app| {
    keys(app, &[KeyCode::Char('c'), KeyCode::Enter]);
    text(app, "someday");
    keys(app, &[KeyCode::Enter]);
});
snapshot_both_sizes!(form_new_lead, |app| {
    keys(app, &[KeyCode::Char('a')]);
    text(app, "ミドリ技研 設備更新");
});
snapshot_both_sizes!(form_edit_lead, |app| keys(app, &[KeyCode::Char('e')]));
snapshot_both_sizes!(form_new_contact, |app| {
    keys(app, &[KeyCode::Char('3'), KeyCode::Char('a')]);
    text(app, "佐藤");
});
snapshot_both_sizes!(form_link_contact, |app| {
    keys(app, &[KeyCode::Char('p')]);
    text(app, "すずき");
});
snapshot_both_sizes!(confirm_delete, |app| keys(app, &[KeyCode::Char('d')]));

/// A contact with several addresses and numbers, as a card app and a phone give them.
fn add_many_valued(app: &mut App) {
    use leadtrack::model::contact::{Channel, ContactFields, ContactValue, ValueKind};
    let mut card = ContactFields {
        family_name: Some("Aoki".into()),
        given_name: Some("Hanako".into()),
        company: Some("ミドリ技研株式会社".into()),
        department: Some("営業本部 第一営業部".into()),
        title: Some("部長".into()),
        postal_code: Some("100-0005".into()),
        address: Some("東京都千代田区丸の内1-1-1 サンプルビル3F".into()),
        url: Some("https://midori-giken.example.jp/".into()),
        ..ContactFields::default()
    }
    .with_email("hanako.aoki@midori-giken.example.jp")
    .with_phone("03-5555-0101", ValueKind::Work)
    .with_phone("090-1234-5678", ValueKind::Mobile)
    .with_phone("03-5555-0109", ValueKind::Fax);
    card.add(
        Channel::Email,
        ContactValue::new("hanako@home.example.jp", ValueKind::Home),
    );
    card.add(
        Channel::Email,
        ContactValue::new("h-aoki@docomo.example.ne.jp", ValueKind::Mobile),
    );
    card.add(
        Channel::Phone,
        ContactValue::new("042-111-2222", ValueKind::Home),
    );
    card.add(
        Channel::Address,
        ContactValue::new(
            "〒530-0001 大阪府大阪市北区梅田1-1-3 大阪支店",
            ValueKind::Work,
        ),
    );
    card.add(
        Channel::Company,
        ContactValue::new("旧アオキ商事株式会社", ValueKind::Other),
    );
    insert_card(app, &card);
}

/// Adds a card made on a known day, so its "Changed" line reads the same in every run; its id.
fn insert_card(app: &mut App, card: &leadtrack::model::contact::ContactFields) -> String {
    let origin = leadtrack::store::leads::Origin {
        id: None,
        created_at: chrono::DateTime::parse_from_rfc3339("2026-11-20T01:00:00Z")
            .ok()
            .map(|t| t.to_utc()),
    };
    app.session
        .store
        .write(|w| leadtrack::store::contacts::insert(w, card, &origin))
        .unwrap()
}

snapshot_both_sizes!(contact_with_several_values, |app| {
    add_many_valued(app);
    keys(app, &[KeyCode::Char('3')]);
});
snapshot_both_sizes!(form_edit_contact_with_several_values, |app| {
    add_many_valued(app);
    keys(app, &[KeyCode::Char('3')]);
    // The list shows the new contact once drawn; then it can be opened.
    screen(app, 120, 40);
    keys(app, &[KeyCode::Char('e')]);
});

/// A card in half-width katakana with voiced marks, as old systems and card scanners give.
fn add_halfwidth_kana(app: &mut App) -> String {
    use leadtrack::model::contact::ContactFields;
    let card = ContactFields {
        family_name: Some("ﾊﾟｿｺﾝ ｼｮｯﾌﾟ".into()),
        family_reading: Some("ぱそこん しょっぷ".into()),
        company: Some("ｶﾞｯｺｳ ﾎﾟｲﾝﾄ ﾃﾞﾝｷ".into()),
        title: Some("ﾌﾞﾁｮｳ".into()),
        ..ContactFields::default()
    }
    .with_email("pasokon@example.jp");
    insert_card(app, &card)
}

// Every column after `ﾊﾟｿｺﾝ` starts where it does on the other rows.
snapshot_both_sizes!(contacts_halfwidth_kana, |app| {
    let id = add_halfwidth_kana(app);
    keys(app, &[KeyCode::Char('3')]);
    screen(app, 120, 40);
    let conn = app.session.store.conn();
    assert!(app.contacts.list.select(conn, &id).unwrap());
});

#[test]
fn too_small() {
    let mut app = app();
    insta::assert_snapshot!(screen(&mut app, 60, 15));
}

/// The same screens with `[ui] language = "ja"`: every form and popup in Japanese.
macro_rules! snapshot_both_sizes_ja {
    ($name:ident, $setup:expr) => {
        snapshot_both_sizes!($name, Language::Ja, $setup);
    };
}

snapshot_both_sizes_ja!(ja_form_new_lead, |app| {
    keys(app, &[KeyCode::Char('a')]);
    text(app, "ミドリ技研 設備更新");
});
snapshot_both_sizes_ja!(ja_form_new_lead_with_errors, |app| {
    keys(
        app,
        &[KeyCode::Char('a'), KeyCode::Tab, KeyCode::Tab, KeyCode::Tab],
    );
    text(app, "そのうち");
    keys(app, &[KeyCode::Tab, KeyCode::Tab]);
    text(app, "たくさん");
    ctrl(app, 's');
});
snapshot_both_sizes_ja!(ja_form_edit_lead, |app| keys(app, &[KeyCode::Char('e')]));
snapshot_both_sizes_ja!(ja_form_discard_question, |app| {
    keys(app, &[KeyCode::Char('a')]);
    text(app, "展示会");
    keys(app, &[KeyCode::Esc]);
});
snapshot_both_sizes_ja!(ja_form_new_contact, |app| {
    keys(app, &[KeyCode::Char('3'), KeyCode::Char('a')]);
    text(app, "佐藤");
});
snapshot_both_sizes_ja!(ja_form_new_contact_with_errors, |app| {
    keys(app, &[KeyCode::Char('3'), KeyCode::Char('a')]);
    for _ in 0..8 {
        keys(app, &[KeyCode::Tab]);
    }
    text(app, "佐藤あっと");
    keys(app, &[KeyCode::Tab]);
    text(app, "a@example.jp（船）");
    ctrl(app, 's');
});
snapshot_both_sizes_ja!(ja_form_edit_contact_with_several_values, |app| {
    add_many_valued(app);
    keys(app, &[KeyCode::Char('3')]);
    screen(app, 120, 40);
    keys(app, &[KeyCode::Char('e')]);
});
snapshot_both_sizes_ja!(ja_form_log_call, |app| {
    keys(app, &[KeyCode::Char('c')]);
    text(app, "課長と電話: 予算の確認");
    keys(app, &[KeyCode::Enter]);
});
snapshot_both_sizes_ja!(ja_form_log_call_with_errors, |app| {
    keys(app, &[KeyCode::Char('c'), KeyCode::Enter]);
    text(app, "そのうち");
    keys(app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Tab]);
    text(app, "半時間");
    ctrl(app, 's');
});
snapshot_both_sizes_ja!(ja_form_log_any_kind, |app| {
    keys(app, &[KeyCode::Char('A'), KeyCode::Right]);
});
snapshot_both_sizes_ja!(ja_form_link_contact, |app| {
    keys(app, &[KeyCode::Char('p')]);
    text(app, "すずき");
});
snapshot_both_sizes_ja!(ja_form_link_nobody_matches, |app| {
    keys(app, &[KeyCode::Char('p')]);
    text(app, "該当しない名前");
    ctrl(app, 's');
});
snapshot_both_sizes_ja!(ja_form_link_card_to_lead, |app| {
    keys(app, &[KeyCode::Char('3')]);
    screen(app, 120, 40);
    keys(app, &[KeyCode::Char('p')]);
    text(app, "物流");
});
snapshot_both_sizes_ja!(ja_filter_form, |app| {
    keys(
        app,
        &[
            KeyCode::Char('f'),
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Right,
        ],
    );
});
snapshot_both_sizes_ja!(ja_reschedule, |app| {
    keys(app, &[KeyCode::Char('2')]);
    screen(app, 120, 40);
    keys(app, &[KeyCode::Char('r')]);
});
snapshot_both_sizes_ja!(ja_form_edit_activity, |app| {
    keys(app, &[KeyCode::Char('4')]);
    screen(app, 120, 40);
    keys(app, &[KeyCode::Char('e')]);
});
snapshot_both_sizes_ja!(ja_confirm_delete, |app| keys(app, &[KeyCode::Char('d')]));
snapshot_both_sizes_ja!(ja_search_empty, |app| keys(app, &[KeyCode::Char('/')]));
snapshot_both_sizes_ja!(ja_search_by_reading, |app| {
    keys(app, &[KeyCode::Char('/')]);
    text(app, "いけ");
});
snapshot_both_sizes_ja!(ja_search_leads_contacts_and_activities, |app| {
    keys(app, &[KeyCode::Char('/')]);
    text(app, "予算");
});
snapshot_both_sizes_ja!(ja_search_nothing_matches, |app| {
    keys(app, &[KeyCode::Char('/')]);
    text(app, "該当しない言葉");
});
snapshot_both_sizes_ja!(ja_dedupe, |app| {
    add_duplicates(app);
    keys(app, &[KeyCode::Char('3'), KeyCode::Char('D')]);
});

/// Two cards of one person (same name and company), met months apart.
fn add_duplicates(app: &mut App) {
    use leadtrack::model::contact::{ContactFields, ValueKind};
    for (company, phone, month) in [
        ("ミドリ技研株式会社", "03-1111-0001", 1),
        ("(株)ミドリ技研", "03-2222-0002", 11),
    ] {
        let card = ContactFields {
            family_name: Some("佐藤".into()),
            given_name: Some("花子".into()),
            family_reading: Some("さとう".into()),
            company: Some(company.into()),
            exchanged_on: NaiveDate::from_ymd_opt(2026, month, 1),
            exchanged_at: Some("展示会".into()),
            ..ContactFields::default()
        }
        .with_phone(phone, ValueKind::Work)
        .with_phone("090-1234-5678", ValueKind::Mobile);
        insert_card(app, &card);
    }
}

// Every view, the lead detail and the help, in Japanese.
snapshot_both_sizes_ja!(ja_board, |_| {});
snapshot_both_sizes_ja!(ja_board_filtered, |app| {
    keys(app, &[KeyCode::Char('f')]);
    text(app, "物流");
    keys(app, &[KeyCode::Enter]);
});
snapshot_both_sizes_ja!(ja_follow_ups, |app| keys(app, &[KeyCode::Char('2')]));
snapshot_both_sizes_ja!(ja_contacts, |app| keys(
    app,
    &[KeyCode::Char('3'), KeyCode::Char('j')]
));
snapshot_both_sizes_ja!(ja_activities, |app| keys(app, &[KeyCode::Char('4')]));
snapshot_both_sizes_ja!(ja_customers, |app| keys(app, &[KeyCode::Char('5')]));
snapshot_both_sizes_ja!(ja_stats, |app| keys(app, &[KeyCode::Char('6')]));
snapshot_both_sizes_ja!(ja_lead_detail, |app| keys(
    app,
    &[KeyCode::Char('l'), KeyCode::Enter]
));
snapshot_both_sizes_ja!(ja_help_on_the_board, |app| keys(app, &[KeyCode::Char('?')]));

/// An app speaking `language` on a database of the campaigns, no demo data: a
/// seminar costing 300,000 yen that brought 12 leads (`lead add --stage future --campaign`),
/// 3 of them moved to considering and 1 of those won at 1,200,000 yen, with a call logged
/// in it; an exhibition with no lead yet; a newsletter with no cost or date.
fn campaign_app(language: Language) -> App {
    use leadtrack::features::{activity, campaigns, leads};
    use leadtrack::model::Stage;
    use leadtrack::model::campaign::{CampaignKind, CampaignPatch};
    use leadtrack::model::lead::{LeadFields, LeadPatch};
    let mut config = Config {
        language,
        ..Config::default()
    };
    config.user.name = Some("山本".into());
    let mut session = Session::in_memory(config).unwrap();
    let (store, config) = (&mut session.store, &session.config);
    let seminar = campaigns::add(
        store,
        &CampaignPatch {
            name: Some("秋の設備セミナー".into()),
            kind: Some(CampaignKind::Seminar),
            starts_on: Some(NaiveDate::from_ymd_opt(2026, 10, 1)),
            ends_on: Some(NaiveDate::from_ymd_opt(2026, 10, 2)),
            cost: Some(Some(300_000)),
            owner: Some(Some("佐藤".into())),
            notes: Some(Some("東京会場、参加者 40 名".into())),
        },
    )
    .unwrap();
    for (name, kind, start, cost) in [
        (
            "展示会 2026 春",
            CampaignKind::Exhibition,
            NaiveDate::from_ymd_opt(2026, 4, 10),
            Some(1_200_000),
        ),
        ("メルマガ 11月号", CampaignKind::Newsletter, None, None),
    ] {
        campaigns::add(
            store,
            &CampaignPatch {
                name: Some(name.into()),
                kind: Some(kind),
                starts_on: Some(start),
                cost: Some(cost),
                ..CampaignPatch::default()
            },
        )
        .unwrap();
    }
    let ids: Vec<String> = (1..=12)
        .map(|n| {
            let fields = LeadFields {
                title: format!("セミナー来場 {n}"),
                stage: Stage::Future,
                campaign_id: Some(seminar.clone()),
                ..LeadFields::default()
            };
            leads::add(store, config, fields).unwrap()
        })
        .collect();
    for id in &ids[..3] {
        leads::move_to(store, id, Stage::Considering).unwrap();
    }
    let value = LeadPatch {
        value: Some(Some(1_200_000)),
        ..LeadPatch::default()
    };
    leads::edit(store, config, &ids[0], &value).unwrap();
    leads::move_to(store, &ids[0], Stage::Customer).unwrap();
    let call = activity::LogEntry {
        kind: leadtrack::model::ActivityKind::Call,
        lead_id: Some(ids[1].clone()),
        contact_id: None,
        occurred_at: chrono::Utc::now(),
        duration_minutes: None,
        direction: None,
        summary: "セミナーのお礼".into(),
        body: None,
        next_action: None,
        next_action_on: None,
        campaign_id: Some(seminar),
    };
    activity::log(store, config, &call).unwrap();
    App::new(session, today()).unwrap()
}

/// The Campaigns view (`7`) at both sizes, and the first campaign opened, in `language`.
/// The seminar's figures are on screen whatever the size: 25,000 a lead, 300,000 a win,
/// a return of 4.0.
fn campaigns_in(language: Language, prefix: &str) {
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let mut app = campaign_app(language);
        screen(&mut app, w, h);
        keys(&mut app, &[KeyCode::Char('7')]);
        let list = screen(&mut app, w, h);
        assert_fits(&list, w);
        let seminar = list
            .lines()
            .find(|l| l.starts_with("秋の設備セミナー"))
            .unwrap_or_else(|| panic!("the seminar is listed:\n{list}"));
        for figure in ["12", "3", "25,000", "300,000", "4.0"] {
            assert!(seminar.contains(figure), "{figure} in {seminar}");
        }
        insta::assert_snapshot!(format!("{prefix}campaigns_{w}x{h}"), list);
        keys(&mut app, &[KeyCode::Enter]);
        let opened = screen(&mut app, w, h);
        assert_fits(&opened, w);
        insta::assert_snapshot!(format!("{prefix}campaign_opened_{w}x{h}"), opened);
    }
}

#[test]
fn campaigns() {
    campaigns_in(Language::En, "");
}

#[test]
fn ja_campaigns() {
    campaigns_in(Language::Ja, "ja_");
}
