//! Property: importing the same card file twice changes nothing the second time, whatever
//! the cards (collisions of email, mobile, name and company included).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use leadtrack::config::Config;
use leadtrack::features::cards;
use leadtrack::features::export::{self, CsvOptions, RecordFormat};
use leadtrack::interchange::cards_in::{self, CardFormat};
use leadtrack::interchange::encoding::InputEncoding;
use leadtrack::interchange::vcard::VcardVersion;
use leadtrack::model::contact::{Channel, ContactFields, ContactValue, NameOrder, ValueKind};
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

/// A card with several email addresses, numbers, addresses and URLs, as a phone or an
/// address book has them.
fn card() -> impl Strategy<Value = ContactFields> {
    let family = prop::sample::select(vec![
        ("佐藤", "さとう"),
        ("能勢", "のせ"),
        ("Smith", ""),
        ("十河", "そごう"),
    ]);
    let given = prop::sample::select(vec![("花子", "はなこ"), ("John", ""), ("表", "ひょう")]);
    let company = prop::sample::select(vec!["ミドリ技研株式会社", "ＡＢＣ商事", "Acme; Inc.", ""]);
    let kind = prop::sample::select(ValueKind::ALL.to_vec());
    let email = (
        prop::sample::select(vec!["a", "hanako.sato", "info", "b.c"]),
        prop::sample::select(vec!["midori.example.co.jp", "home.example.jp"]),
        kind.clone(),
    )
        .prop_map(|(local, domain, kind)| ContactValue::new(&format!("{local}@{domain}"), kind));
    let phone = (
        prop::sample::select(vec![
            "090-1111-2222",
            "+81 3-5555-0101",
            "03 1234 5678",
            "0120-000-111 (内線12)",
        ]),
        kind.clone(),
    )
        .prop_map(|(n, kind)| ContactValue::new(n, kind));
    let address = (
        prop::sample::select(vec![
            "〒150-0001 東京都渋谷区神宮前1-2-3, 4F",
            "1 Infinite Loop, Cupertino, CA 95014",
        ]),
        kind.clone(),
    )
        .prop_map(|(a, kind)| ContactValue::new(a, kind));
    let url = (
        prop::sample::select(vec![
            "https://midori.example.co.jp/a,b",
            "https://hanako.example.jp/",
        ]),
        kind,
    )
        .prop_map(|(u, kind)| ContactValue::new(u, kind));
    (
        family,
        given,
        company,
        prop::collection::vec(email, 0..4),
        prop::collection::vec(phone, 0..5),
        prop::collection::vec(address, 0..3),
        prop::collection::vec(url, 0..3),
        any::<bool>(),
    )
        .prop_map(
            |(family, given, company, emails, phones, addresses, urls, first_preferred)| {
                let mut card = ContactFields {
                    family_name: Some(family.0.to_string()),
                    given_name: Some(given.0.to_string()),
                    family_reading: Some(family.1.to_string()).filter(|r| !r.is_empty()),
                    given_reading: Some(given.1.to_string()).filter(|r| !r.is_empty()),
                    company: Some(company.to_string()).filter(|c| !c.is_empty()),
                    postal_code: Some("100-0005".into()),
                    address: Some("東京都千代田区丸の内1-1-1".into()),
                    url: Some("https://www.example.co.jp/".into()),
                    notes: Some("一行目\n二行目, カンマ; セミコロン".into()),
                    tags: Some(vec!["展示会".into()]),
                    ..ContactFields::default()
                };
                for (channel, list) in [
                    (Channel::Email, emails),
                    (Channel::Phone, phones),
                    (Channel::Address, addresses),
                    (Channel::Url, urls),
                ] {
                    let last = list.len().saturating_sub(1);
                    for (i, mut v) in list.into_iter().enumerate() {
                        // The preferred one is not always the first.
                        v.preferred = if first_preferred { i == 0 } else { i == last };
                        card.add(channel, v);
                    }
                }
                card
            },
        )
}

/// Every contact as text, lists as sets (their order in a file is not what they are).
fn people(session: &Session) -> Vec<String> {
    let all = leadtrack::store::contacts::list(session.store.conn(), &Default::default()).unwrap();
    let mut out: Vec<String> = all
        .into_iter()
        .map(|mut c| {
            for channel in Channel::ALL {
                c.list_mut(channel).sort_by(|a, b| a.value.cmp(&b.value));
            }
            c.id.clear();
            c.created_at = Default::default();
            c.updated_at = Default::default();
            serde_json::to_string(&c).unwrap()
        })
        .collect();
    out.sort();
    out
}

fn vcard_of(session: &Session, version: VcardVersion) -> Vec<u8> {
    export::contacts(
        &session.store,
        RecordFormat::Vcard,
        CsvOptions {
            encoding: Default::default(),
            excel_safe: true,
            headers: Default::default(),
        },
        version,
        NameOrder::Auto,
        &|_| {},
    )
    .unwrap()
    .bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(48)))]

    /// Cards imported, exported as vCard 3.0 or 4.0 and imported again: the same contacts,
    /// every email address, number, address and URL with its kind and the preferred ones.
    #[test]
    fn a_vcard_round_trip_changes_no_contact(cards in prop::collection::vec(card(), 1..5), v4 in any::<bool>()) {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let version = if v4 { VcardVersion::V4 } else { VcardVersion::V3 };
        let mut session = Session::in_memory(Config::default()).unwrap();
        for (i, card) in cards.iter().enumerate() {
            // Each card a person of their own: a name, addresses and numbers no other has.
            let mut card = card.clone();
            card.family_name = card.family_name.map(|f| format!("{f}{i}"));
            for channel in [Channel::Email, Channel::Phone] {
                for v in card.list_mut(channel).iter_mut().flatten() {
                    v.value = match channel {
                        Channel::Email => format!("{i}.{}", v.value),
                        _ => format!("{} 9{i}", v.value),
                    };
                }
            }
            leadtrack::features::contacts::add(&mut session.store, &card).unwrap();
        }
        let before = people(&session);
        let bytes = vcard_of(&session, version);
        let file = cards_in::read(&bytes, "out.vcf", CardFormat::Auto, InputEncoding::Auto, &[], today).unwrap();
        // Into the same database: each card is the contact it came from, nothing changes.
        let again = cards::import(&mut session.store, NameOrder::Auto, &file.cards, false, &|_| {}).unwrap();
        prop_assert!(again.added.is_empty(), "{:?}", again.added);
        prop_assert!(again.merged.is_empty(), "{:?}", again.merged);
        prop_assert_eq!(people(&session), before.clone());
        // Into a new one: the same people.
        let mut fresh = Session::in_memory(Config::default()).unwrap();
        cards::import(&mut fresh.store, NameOrder::Auto, &file.cards, false, &|_| {}).unwrap();
        // Cards that are one person by their keys became one contact there and here alike.
        prop_assert_eq!(people(&fresh), before);
    }
}
