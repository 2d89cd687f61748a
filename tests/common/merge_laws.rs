//! What the property tests of the merge laws share, whichever way copies meet (a file or
//! the team server): a contact's email and number edits, and the checks that the counts
//! kept beside the leads (due days, stage totals) and the tags agree with the rows.

use leadtrack::model::Stage;
use leadtrack::model::contact::ValueKind;
use leadtrack::store::Store;
use proptest::prelude::*;

#[derive(Debug, Clone)]
pub enum Reach {
    PreferredEmail(&'static str),
    AddEmail(&'static str),
    RemoveEmail(&'static str),
    Mobile(&'static str),
    AddPhone(&'static str, ValueKind),
    RemovePhone(&'static str),
}

pub fn reach() -> impl Strategy<Value = Reach> {
    let email = prop::sample::select(vec![
        "a@x.example.jp",
        "A@X.example.jp",
        "b@y.example.jp",
        "c@z.example.jp",
    ]);
    let number = prop::sample::select(vec![
        "090-1111-2222",
        "+81 90 1111 2222",
        "03-5555-0101",
        "080-3333-4444",
    ]);
    let kind = prop::sample::select(vec![
        ValueKind::Work,
        ValueKind::Home,
        ValueKind::Mobile,
        ValueKind::Fax,
    ]);
    prop_oneof![
        email.clone().prop_map(Reach::PreferredEmail),
        email.clone().prop_map(Reach::AddEmail),
        email.prop_map(Reach::RemoveEmail),
        number.clone().prop_map(Reach::Mobile),
        (number.clone(), kind).prop_map(|(n, k)| Reach::AddPhone(n, k)),
        number.prop_map(Reach::RemovePhone),
    ]
}

/// Every day around the leads' next-action dates, each with every owner and with none.
pub fn due_probes(store: &Store) -> Vec<(chrono::NaiveDate, Option<String>)> {
    let conn = store.conn();
    let days: Vec<String> = conn
        .prepare("SELECT DISTINCT substr(next_action_on, 1, 10) FROM leads WHERE next_action_on IS NOT NULL")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut owners: Vec<Option<String>> = conn
        .prepare("SELECT DISTINCT owner FROM leads WHERE owner IS NOT NULL")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    owners.push(None);
    let mut probes = Vec::new();
    for day in days {
        let Ok(day) = chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d") else {
            continue;
        };
        for d in [day, day.succ_opt().unwrap_or(day)] {
            probes.extend(owners.iter().map(|o| (d, o.clone())));
        }
    }
    probes
}

/// The follow-ups due before `day`, counted over the leads.
pub fn counted_due(store: &Store, day: chrono::NaiveDate, owner: Option<&str>) -> i64 {
    store
        .conn()
        .query_row(
            "SELECT count(*) FROM leads WHERE gone = 0 AND next_action_on IS NOT NULL
             AND substr(next_action_on, 1, 10) < ?1 AND (?2 IS NULL OR owner = ?2)",
            rusqlite::params![day.format("%Y-%m-%d").to_string(), owner],
            |r| r.get(0),
        )
        .unwrap()
}

pub fn counted_totals(store: &Store) -> Vec<(Stage, i64, i64)> {
    Stage::ALL
        .iter()
        .map(|stage| {
            store
                .conn()
                .query_row(
                    "SELECT count(*), ifnull(sum(value), 0) FROM leads WHERE gone = 0 AND stage = ?1",
                    [stage.id()],
                    |r| Ok((*stage, r.get(0)?, r.get(1)?)),
                )
                .unwrap()
        })
        .collect()
}

/// Whether every lead's and contact's tags are what its marks say: the tags on it, in the
/// order they were put on.
pub fn tags_follow_marks(store: &Store) -> bool {
    let conn = store.conn();
    ["leads", "contacts"].iter().all(|table| {
        conn.query_row(
            &format!(
                "SELECT count(*) FROM {table} r WHERE r.tags IS NOT (
                   SELECT json_group_array(tag) FROM (SELECT tag FROM tag_marks
                     WHERE record_id = r.id AND present = 1 ORDER BY hlc, pos, tag)
                   HAVING count(*) > 0)"
            ),
            [],
            |r| r.get::<_, i64>(0),
        )
        .unwrap()
            == 0
    })
}

/// `tags` with `tag` put on or taken off.
pub fn retagged(mut tags: Vec<String>, tag: &str, on: bool) -> Vec<String> {
    tags.retain(|t| t != tag);
    if on {
        tags.push(tag.to_string());
    }
    tags
}
