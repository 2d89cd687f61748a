//! Property: importing the same card file twice changes nothing the second time, whatever
//! the cards (collisions of email, mobile, name and company included).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use leadtrack::config::Config;
use leadtrack::features::cards;
use leadtrack::interchange::cards_in::{self, CardFormat};
use leadtrack::interchange::encoding::InputEncoding;
use leadtrack::model::contact::NameOrder;
use leadtrack::session::Session;
use proptest::prelude::*;

fn row() -> impl Strategy<Value = String> {
    let family = prop::sample::select(vec!["佐藤", "ｻﾄｳ", "鈴木", "Smith", "", "田中"]);
    let given = prop::sample::select(vec!["花子", "ﾊﾅｺ", "一郎", "John", ""]);
    let company = prop::sample::select(vec![
        "ミドリ技研株式会社",
        "(株)ミドリ技研",
        "ＡＢＣ商事",
        "ABC商事",
        "",
    ]);
    let email = prop::sample::select(vec![
        "a@x.example.jp",
        "info@x.example.jp",
        "b@x.example.jp",
        "",
    ]);
    let mobile = prop::sample::select(vec![
        "090-1111-2222",
        "+81-90-1111-2222",
        "080-3333-4444",
        "",
    ]);
    let phone = prop::sample::select(vec!["03-1", "03-2", ""]);
    let date = prop::sample::select(vec!["2026/01/01", "2026/06/01", "2026/11/10", ""]);
    (family, given, company, email, mobile, phone, date)
        .prop_map(|(f, g, c, e, m, p, d)| format!("{f},{g},{c},{e},{m},{p},{d}"))
}

fn state(session: &Session) -> (String, i64) {
    let all = leadtrack::store::contacts::list(session.store.conn(), &Default::default()).unwrap();
    let history: i64 = session
        .store
        .conn()
        .query_row("SELECT count(*) FROM history", [], |r| r.get(0))
        .unwrap();
    (serde_json::to_string(&all).unwrap(), history)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64)))]

    #[test]
    fn the_second_import_changes_nothing(rows in prop::collection::vec(row(), 1..12)) {
        let text = format!("姓,名,会社名,e-mail,携帯電話,TEL会社,名刺交換日\n{}\n", rows.join("\n"));
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let file = cards_in::read(text.as_bytes(), "p.csv", CardFormat::Auto, InputEncoding::Auto, &[], today).unwrap();
        let mut session = Session::in_memory(Config::default()).unwrap();
        cards::import(&mut session.store, NameOrder::Auto, &file.cards, false, &|_| {}).unwrap();
        let first = state(&session);
        let again = cards::import(&mut session.store, NameOrder::Auto, &file.cards, false, &|_| {}).unwrap();
        prop_assert!(again.added.is_empty(), "{:?}", again.added);
        prop_assert!(again.merged.is_empty(), "{:?}", again.merged);
        prop_assert_eq!(state(&session), first);
    }
}
