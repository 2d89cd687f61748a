//! The store: migrations, pragmas, transactions, history, tombstones and the search index.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use leadtrack::Error;
use leadtrack::model::activity::ActivityFields;
use leadtrack::model::contact::{ContactFields, NameOrder};
use leadtrack::model::lead::{LeadFields, LeadPatch};
use leadtrack::model::{ActivityKind, Stage};
use leadtrack::store::leads::Origin;
use leadtrack::store::search::{Index, matching};
use leadtrack::store::{self, SCHEMA_VERSION, Store, activities, contacts, leads};

fn lead(title: &str) -> LeadFields {
    LeadFields {
        title: title.into(),
        ..LeadFields::default()
    }
}

fn add_lead(store: &mut Store, title: &str) -> String {
    store
        .write(|w| leads::insert(w, &lead(title), &Origin::default()))
        .unwrap()
}

fn add_contact(store: &mut Store, card: ContactFields) -> String {
    store
        .write(|w| contacts::insert(w, &card, &Origin::default()))
        .unwrap()
}

fn found(store: &Store, index: Index, query: &str) -> usize {
    matching(store.conn(), index, query, 100).unwrap().len()
}

#[test]
fn a_new_file_gets_the_whole_schema_and_pragmas() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let store = Store::open(&path, "tester").unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let conn = store.conn();
    let pragma = |name: &str| {
        conn.query_row(&format!("PRAGMA {name}"), [], |r| {
            r.get::<_, rusqlite::types::Value>(0)
        })
        .unwrap()
    };
    assert_eq!(
        pragma("application_id"),
        rusqlite::types::Value::Integer(store::APPLICATION_ID)
    );
    assert_eq!(pragma("foreign_keys"), rusqlite::types::Value::Integer(1));
    assert_eq!(
        pragma("synchronous"),
        rusqlite::types::Value::Integer(2),
        "FULL"
    );
    assert_eq!(pragma("trusted_schema"), rusqlite::types::Value::Integer(0));
    assert!(
        conn.db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE)
            .unwrap(),
        "defensive mode"
    );
    assert_eq!(
        pragma("journal_mode"),
        rusqlite::types::Value::Text("wal".into())
    );
    for table in [
        "leads",
        "contacts",
        "activities",
        "lead_contacts",
        "stage_changes",
        "history",
        "lead_search",
    ] {
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "{table}");
    }
}

#[test]
fn reopening_a_populated_database_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pop.db");
    let id = {
        let mut store = Store::open(&path, "tester").unwrap();
        let id = add_lead(&mut store, "ミドリ技研 設備更新");
        store
            .write(|w| leads::set_stage(w, &id, Stage::Future))
            .unwrap();
        id
    };
    let node = {
        let store = Store::open(&path, "tester").unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let lead = leads::get(store.conn(), &id, NameOrder::Auto)
            .unwrap()
            .unwrap();
        assert_eq!(lead.stage, Stage::Future);
        assert_eq!(leads::stage_history(store.conn(), &id).unwrap().len(), 2);
        store.author().node.clone()
    };
    let store = Store::open(&path, "someone else").unwrap();
    assert_eq!(
        store.author().node,
        node,
        "the node id belongs to the database"
    );
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let mut store = Store::open_in_memory("tester").unwrap();
    let result: Result<(), Error> = store.write(|w| {
        leads::insert(w, &lead("half done"), &Origin::default())?;
        Err(Error::invalid("something went wrong"))
    });
    assert!(result.is_err());
    assert!(
        leads::list(store.conn(), &Default::default())
            .unwrap()
            .is_empty()
    );
    assert_eq!(found(&store, Index::Leads, "half"), 0);
}

#[test]
fn every_changed_field_keeps_its_previous_value() {
    let mut store = Store::open_in_memory("山本").unwrap();
    let id = add_lead(&mut store, "old title");
    let patch = LeadPatch {
        title: Some("new title".into()),
        owner: Some(Some("鈴木".into())),
        ..LeadPatch::default()
    };
    let changed = store.write(|w| leads::update(w, &id, &patch)).unwrap();
    assert_eq!(changed, ["title", "owner"]);
    let again = store.write(|w| leads::update(w, &id, &patch)).unwrap();
    assert!(again.is_empty(), "the same values change nothing");
    let history = store::history::of_record(store.conn(), &id).unwrap();
    assert_eq!(history.len(), 2);
    let title = history.iter().find(|h| h.field == "title").unwrap();
    assert_eq!(title.previous, "old title");
    assert_eq!(title.replaced_by, "山本");
    let owner = history.iter().find(|h| h.field == "owner").unwrap();
    assert_eq!(owner.previous, serde_json::Value::Null);
}

#[test]
fn deletes_are_tombstones_that_can_be_restored() {
    let mut store = Store::open_in_memory("tester").unwrap();
    let id = add_lead(&mut store, "ミドリ技研");
    store.write(|w| leads::delete(w, &id)).unwrap();
    assert!(
        leads::get(store.conn(), &id, NameOrder::Auto)
            .unwrap()
            .is_none()
    );
    assert_eq!(found(&store, Index::Leads, "ミドリ"), 0);
    let kept: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM leads", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, 1, "the row stays as a tombstone");
    let err = store.write(|w| {
        leads::update(
            w,
            &id,
            &LeadPatch {
                title: Some("x".into()),
                ..Default::default()
            },
        )
    });
    assert!(matches!(err, Err(Error::Deleted { .. })));
    store.write(|w| leads::restore(w, &id)).unwrap();
    assert!(
        leads::get(store.conn(), &id, NameOrder::Auto)
            .unwrap()
            .is_some()
    );
    assert_eq!(found(&store, Index::Leads, "ミドリ"), 1);
}

#[test]
fn search_finds_any_substring_ignoring_width_case_and_kana() {
    let mut store = Store::open_in_memory("tester").unwrap();
    add_contact(
        &mut store,
        ContactFields {
            family_name: Some("佐藤".into()),
            given_name: Some("花子".into()),
            family_reading: Some("さとう".into()),
            given_reading: Some("はなこ".into()),
            company: Some("ＡＢＣシステムズ株式会社".into()),
            ..ContactFields::default()
        },
    );
    add_contact(
        &mut store,
        ContactFields {
            family_name: Some("ｹﾝｼﾞ".into()),
            ..Default::default()
        }
        .with_email("Kenji@Example.co.jp"),
    );
    for query in [
        "さとう",
        "サトウ",
        "ｻﾄｳ",
        "佐藤",
        "佐",
        "藤",
        "佐藤花子",
        "さとうはなこ",
        "とう",
        "abc",
        "ABC",
        "ａｂｃ",
        "システム",
        "しすてむ",
    ] {
        assert_eq!(found(&store, Index::Contacts, query), 1, "{query}");
    }
    for query in ["ケンジ", "けんじ", "ｹﾝｼﾞ", "kenji@", "EXAMPLE.CO", "じ"] {
        assert_eq!(found(&store, Index::Contacts, query), 1, "{query}");
    }
    for query in ["さとうけんじ", "xyz", "藤花x", "株式会社x"] {
        assert_eq!(found(&store, Index::Contacts, query), 0, "{query}");
    }
    assert_eq!(found(&store, Index::Contacts, "株式"), 1);
    assert_eq!(
        found(&store, Index::Contacts, "佐藤 abc"),
        1,
        "every word must match"
    );
    assert_eq!(found(&store, Index::Contacts, "佐藤 けんじ"), 0);
}

#[test]
fn search_covers_leads_and_activity_summaries_and_follows_edits() {
    let mut store = Store::open_in_memory("tester").unwrap();
    let id = add_lead(&mut store, "ミドリ技研 設備更新");
    store
        .write(|w| {
            let a = ActivityFields {
                kind: ActivityKind::Call,
                lead_id: Some(id.clone()),
                contact_id: None,
                occurred_at: chrono::Utc::now(),
                duration_minutes: None,
                direction: None,
                summary: "課長と電話: 予算の確認".into(),
                body: None,
                by: None,
                campaign_id: None,
            };
            activities::insert(w, &a, &Origin::default())
        })
        .unwrap();
    assert_eq!(found(&store, Index::Activities, "予算"), 1);
    assert_eq!(found(&store, Index::Activities, "課長と電話"), 1);
    assert_eq!(found(&store, Index::Leads, "設備"), 1);
    store
        .write(|w| {
            leads::update(
                w,
                &id,
                &LeadPatch {
                    title: Some("アオバ工業 増設".into()),
                    ..Default::default()
                },
            )
        })
        .unwrap();
    assert_eq!(found(&store, Index::Leads, "設備"), 0);
    assert_eq!(found(&store, Index::Leads, "あおば"), 1);
}

#[test]
fn prefixes_resolve_only_when_unique() {
    let mut store = Store::open_in_memory("tester").unwrap();
    let at = chrono::Utc::now();
    let a = leadtrack::model::ids::id_at(at, [1; 10]);
    let b = leadtrack::model::ids::id_at(at, [2; 10]);
    for id in [&a, &b] {
        let origin = Origin {
            id: Some(id.clone()),
            created_at: None,
        };
        store
            .write(|w| leads::insert(w, &lead("x"), &origin))
            .unwrap();
    }
    let shared = &a[..14];
    assert!(matches!(
        leads::resolve(store.conn(), shared),
        Err(Error::Ambiguous { count: 2, .. })
    ));
    assert_eq!(leads::resolve(store.conn(), &a[..20]).unwrap(), a);
    assert_eq!(leads::resolve(store.conn(), &a.to_uppercase()).unwrap(), a);
    let short = leads::short_ids(store.conn(), &[a.clone(), b.clone()]).unwrap();
    assert_ne!(short[0], short[1]);
    assert_eq!(leads::resolve(store.conn(), &short[0]).unwrap(), a);
}

#[test]
fn files_are_created_owner_only() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("private.db");
        let mut store = Store::open(&path, "tester").unwrap();
        add_lead(&mut store, "x");
        let backup = dir.path().join("copy.db");
        store.backup(&backup).unwrap();
        for file in [path.clone(), dir.path().join("private.db-wal"), backup] {
            let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{file:?}");
        }
    }
}

/// Count and value per stage, as the board's column heads show them.
fn totals(store: &Store) -> Vec<(Stage, i64, i64)> {
    leads::stage_totals(store.conn())
        .unwrap()
        .into_iter()
        .map(|(stage, t)| (stage, t.count, t.value))
        .filter(|(_, n, _)| *n > 0)
        .collect()
}

fn add_valued(store: &mut Store, title: &str, value: i64) -> String {
    let fields = LeadFields {
        value: Some(value),
        ..lead(title)
    };
    store
        .write(|w| leads::insert(w, &fields, &Origin::default()))
        .unwrap()
}

#[test]
fn column_totals_follow_every_change_and_upgrade_from_schema_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("totals.db");
    let mut store = Store::open(&path, "tester").unwrap();
    let a = add_valued(&mut store, "大和商事 更新", 3_000_000);
    let b = add_valued(&mut store, "ミドリ技研", 500_000);
    add_valued(&mut store, "北斗物産", 1_000);
    assert_eq!(totals(&store), vec![(Stage::Considering, 3, 3_501_000)]);

    store
        .write(|w| leads::set_stage(w, &a, Stage::Future))
        .unwrap();
    let patch = LeadPatch {
        value: Some(Some(700_000)),
        ..LeadPatch::default()
    };
    store.write(|w| leads::update(w, &b, &patch)).unwrap();
    store.write(|w| leads::delete(w, &b)).unwrap();
    assert_eq!(
        totals(&store),
        vec![
            (Stage::Considering, 1, 1_000),
            (Stage::Future, 1, 3_000_000)
        ]
    );
    store.write(|w| leads::restore(w, &b)).unwrap();
    assert_eq!(
        totals(&store),
        vec![
            (Stage::Considering, 2, 701_000),
            (Stage::Future, 1, 3_000_000)
        ]
    );
    drop(store);

    // A file from the build before the totals (and the purged list): schema 1, holding these
    // leads. Opening upgrades it and counts what it holds.
    let old = dir.path().join("schema1.db");
    let conn = common::database_at_schema(&old, 1);
    conn.execute("ATTACH DATABASE ?1 AS now", [path.to_str().unwrap()])
        .unwrap();
    // The columns schema 1 had (later schemas add some at the end).
    let columns: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('leads')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|c| c.unwrap())
        .collect();
    let columns = columns.join(", ");
    conn.execute_batch(&format!(
        "INSERT INTO main.meta SELECT * FROM now.meta;
         INSERT INTO main.authors SELECT * FROM now.authors;
         INSERT INTO main.leads SELECT {columns} FROM now.leads;
         INSERT INTO main.stage_changes
             SELECT id, lead_id, from_stage, to_stage, at, by, hlc FROM now.stage_changes;
         DETACH DATABASE now;"
    ))
    .unwrap();
    drop(conn);
    let store = Store::open(&old, "tester").unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(
        totals(&store),
        vec![
            (Stage::Considering, 2, 701_000),
            (Stage::Future, 1, 3_000_000)
        ]
    );
}

#[test]
fn a_schema_3_file_keeps_every_email_and_number_as_values_and_copies_agree() {
    use leadtrack::model::Hlc;
    let dir = tempfile::tempdir().unwrap();
    let stamp = |ms: u64, node: &str| {
        Hlc {
            wall_ms: ms,
            counter: 0,
            node: node.to_string(),
        }
        .to_string()
    };
    let (t1, t2) = (
        stamp(1_790_000_000_000, "aaaaaaaaaaaa"),
        stamp(1_790_000_100_000, "bbbbbbbbbbbb"),
    );
    // As schema 3 kept a contact: one email, phone, mobile and fax in its own columns; the
    // email changed by 鈴木 from old@ to new@, the old one in the history.
    let old = dir.path().join("schema3.db");
    let conn = common::database_at_schema(&old, 3);
    conn.execute_batch(&format!(
        "INSERT INTO authors (node, name, hlc) VALUES ('aaaaaaaaaaaa', '山本', '{t1}'), ('bbbbbbbbbbbb', '鈴木', '{t2}');
         INSERT INTO contacts (id, family_name, given_name, email, phone, mobile, fax,
             created_at, created_by, updated_at, updated_by, created_hlc, hlc, clocks)
         VALUES ('0190a0b0-0000-7000-8000-000000000001', '佐藤', '花子', 'new@example.co.jp',
             '03-5555-0101', '090-1234-5678', '03-5555-0109',
             '2026-09-21T00:00:00Z', '山本', '2026-09-22T00:00:00Z', '鈴木', '{t1}', '{t2}',
             '{{\"email\":\"{t2}\"}}');
         INSERT INTO history (record_id, field, value_hlc, entity, value)
         VALUES ('0190a0b0-0000-7000-8000-000000000001', 'email', '{t1}', 'contact', '\"old@example.co.jp\"');"
    ))
    .unwrap();
    drop(conn);
    let copy = dir.path().join("copy.db");
    std::fs::copy(&old, &copy).unwrap();

    let mut store = Store::open(&old, "tester").unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let id = "0190a0b0-0000-7000-8000-000000000001";
    let c = contacts::get(store.conn(), id).unwrap().unwrap();
    assert_eq!(c.email.as_deref(), Some("new@example.co.jp"));
    assert_eq!(c.phone.as_deref(), Some("03-5555-0101"));
    assert_eq!(c.mobile.as_deref(), Some("090-1234-5678"));
    assert_eq!(c.fax.as_deref(), Some("03-5555-0109"));
    assert_eq!(
        c.emails.len(),
        1,
        "the replaced address is not current: {:?}",
        c.emails
    );
    assert_eq!(c.phones.len(), 3);
    let history = store::history::of_contact(store.conn(), id).unwrap();
    assert!(
        history.iter().any(|h| h.field == "emails"
            && h.previous == "old@example.co.jp"
            && h.replaced_by == "鈴木"),
        "{history:?}"
    );
    assert_eq!(history.len(), 1, "told once: {history:?}");
    // Numbers are found by their digits, also in a file made before that.
    for typed in ["09012345678", "+81 90 1234 5678", "090-1234-5678"] {
        assert_eq!(
            matching(store.conn(), Index::Contacts, typed, 10)
                .unwrap()
                .len(),
            1,
            "{typed}"
        );
    }
    // Another rep's copy of the same file, upgraded on its own: the same records, so a
    // merge of the two brings nothing.
    drop(Store::open(&copy, "other").unwrap());
    let counts = store.merge_copy(&copy, "copy").unwrap();
    assert!(counts.is_empty(), "{counts:?}");
}

/// A file made before tags merged as a set: each tag becomes a mark stamped with the lead's
/// `tags` field, the same on every copy upgraded on its own; afterwards two copies tagging
/// the lead at once keep both tags.
#[test]
fn a_schema_7_files_tags_merge_as_a_set_once_upgraded() {
    use leadtrack::model::Hlc;
    let dir = tempfile::tempdir().unwrap();
    let stamp = |ms: u64, node: &str| {
        Hlc {
            wall_ms: ms,
            counter: 0,
            node: node.to_string(),
        }
        .to_string()
    };
    let (t1, t2) = (
        stamp(1_790_000_000_000, "aaaaaaaaaaaa"),
        stamp(1_790_000_100_000, "bbbbbbbbbbbb"),
    );
    // Schema 7 is this schema without the marks, the rows' generations and schema 10's
    // campaigns, goals, segments and their columns (schema 4's step
    // in code means the SQL files alone do not make it).
    let old = dir.path().join("schema7.db");
    drop(Store::open(&old, "maker").unwrap());
    let conn = rusqlite::Connection::open(&old).unwrap();
    let mut undo_schema_9 = String::new();
    for table in [
        "leads",
        "contacts",
        "activities",
        "lead_contacts",
        "contact_values",
        "stage_changes",
        "history",
    ] {
        undo_schema_9.push_str(&format!(
            "DROP TRIGGER IF EXISTS {table}_touched_new; DROP TRIGGER IF EXISTS {table}_touched_changed;
             DROP INDEX {table}_touched; ALTER TABLE {table} DROP COLUMN touched;"
        ));
    }
    conn.execute_batch(
        "DROP TABLE campaigns; DROP TABLE goals; DROP TABLE segments;
         DROP INDEX leads_by_campaign; DROP INDEX leads_by_company; DROP INDEX activities_by_campaign;
         ALTER TABLE leads DROP COLUMN campaign_id; ALTER TABLE leads DROP COLUMN upsell;
         ALTER TABLE activities DROP COLUMN campaign_id; ALTER TABLE contacts DROP COLUMN no_mail_on;",
    )
    .unwrap();
    conn.execute_batch(&undo_schema_9).unwrap();
    conn.execute_batch(&format!(
        "DROP TABLE tag_marks; PRAGMA user_version = 7; DELETE FROM authors; DELETE FROM meta WHERE key = 'node';
         INSERT INTO authors (node, name, hlc) VALUES ('aaaaaaaaaaaa', '山本', '{t1}'), ('bbbbbbbbbbbb', '鈴木', '{t2}');
         INSERT INTO leads (id, title, stage, tags, created_at, created_by, updated_at, updated_by,
             created_hlc, hlc, clocks)
         VALUES ('0190a0b0-0000-7000-8000-000000000002', '展示会の案件', 'considering',
             '[\"既存\",\"重点\"]', '2026-09-21T00:00:00Z', '山本', '2026-09-22T00:00:00Z', '鈴木',
             '{t1}', '{t2}', '{{\"tags\":\"{t2}\"}}');"
    ))
    .unwrap();
    drop(conn);
    let copy = dir.path().join("copy.db");
    std::fs::copy(&old, &copy).unwrap();
    let id = "0190a0b0-0000-7000-8000-000000000002";
    let tags = |store: &Store| {
        leads::get(store.conn(), id, NameOrder::Auto)
            .unwrap()
            .unwrap()
            .tags
    };

    let mut a = Store::open(&old, "山本").unwrap();
    let mut b = Store::open(&copy, "鈴木").unwrap();
    assert_eq!(a.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(tags(&a), ["既存", "重点"]);
    let marks: Vec<String> = a
        .conn()
        .prepare("SELECT hlc FROM tag_marks WHERE record_id = ?1 AND present = 1")
        .unwrap()
        .query_map([id], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(marks, [t2.clone(), t2]);
    // Upgraded on their own, the two copies hold the same: a merge brings nothing.
    let b_file = dir.path().join("b-snap.db");
    b.snapshot(&b_file).unwrap();
    assert!(a.merge_copy(&b_file, "b").unwrap().is_empty());

    let add = |store: &mut Store, tag: &str| {
        let mut now = tags(store);
        now.push(tag.to_string());
        store
            .write(|w| {
                leads::update(
                    w,
                    id,
                    &LeadPatch {
                        tags: Some(now),
                        ..LeadPatch::default()
                    },
                )
            })
            .unwrap();
    };
    add(&mut a, "展示会");
    add(&mut b, "紹介");
    let (a_file, b_file) = (dir.path().join("a2.db"), dir.path().join("b2.db"));
    a.snapshot(&a_file).unwrap();
    b.snapshot(&b_file).unwrap();
    a.merge_copy(&b_file, "b").unwrap();
    b.merge_copy(&a_file, "a").unwrap();
    assert_eq!(tags(&a), ["既存", "重点", "展示会", "紹介"]);
    assert_eq!(tags(&a), tags(&b));
    // The filter's index sees the merged tags.
    let tagged: i64 = b
        .conn()
        .query_row(
            "SELECT count(*) FROM leads, json_each(leads.tags) WHERE json_each.value = '展示会'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tagged, 1);
}

/// Undoing a move marks it and the move taking it back undone, in one change; a copy that
/// has the move merges the mark in, and merging again brings nothing.
#[test]
fn an_undone_move_is_marked_and_the_mark_merges_into_other_copies() {
    let dir = tempfile::tempdir().unwrap();
    let (ours, theirs) = (dir.path().join("ours.db"), dir.path().join("theirs.db"));
    let mut store = Store::open(&ours, "山本").unwrap();
    let id = add_lead(&mut store, "ミドリ技研 設備更新");
    let moved = leadtrack::features::leads::move_to(&mut store, &id, Stage::Future).unwrap();
    let change = moved.change.expect("the move is recorded");
    drop(store);
    std::fs::copy(&ours, &theirs).unwrap();

    let mut store = Store::open(&ours, "山本").unwrap();
    let back = leadtrack::features::leads::undo_move(&mut store, &id, &change).unwrap();
    assert_eq!(back, Stage::Considering);
    let stage = |store: &Store| {
        leads::get(store.conn(), &id, NameOrder::Auto)
            .unwrap()
            .unwrap()
            .stage
    };
    assert_eq!(stage(&store), Stage::Considering);
    let history = leads::stage_history(store.conn(), &id).unwrap();
    let marks: Vec<(Option<Stage>, Stage, bool)> =
        history.iter().map(|c| (c.from, c.to, c.undone)).collect();
    assert_eq!(
        marks,
        [
            (None, Stage::Considering, false),
            (Some(Stage::Considering), Stage::Future, true),
            (Some(Stage::Future), Stage::Considering, true),
        ]
    );
    assert!(
        leadtrack::features::leads::undo_move(&mut store, &id, &change).is_err(),
        "a move is undone once"
    );
    drop(store);

    let mut other = Store::open(&theirs, "鈴木").unwrap();
    let before = leads::stage_history(other.conn(), &id).unwrap();
    assert!(before.iter().all(|c| !c.undone));
    other.merge_copy(&ours, "ours").unwrap();
    assert_eq!(stage(&other), Stage::Considering);
    assert_eq!(leads::stage_history(other.conn(), &id).unwrap(), history);
    let again = other.merge_copy(&ours, "ours").unwrap();
    assert!(again.is_empty(), "{again:?}");
}

/// A history line names who made the change by the name used then: a rep who wrote as `me`
/// and later set their name to 山本 still reads `me` on yesterday's changes, like Created
/// and the stage history do. Copies learn the old name by merging.
#[test]
fn history_names_the_author_as_they_were_called_at_the_time() {
    let dir = tempfile::tempdir().unwrap();
    let (path, other) = (dir.path().join("leads.db"), dir.path().join("other.db"));
    let mut store = Store::open(&path, "me").unwrap();
    let id = add_lead(&mut store, "ミドリ技研 設備更新");
    let retitle = |store: &mut Store, title: &str| {
        let patch = LeadPatch {
            title: Some(title.into()),
            ..LeadPatch::default()
        };
        store.write(|w| leads::update(w, &id, &patch)).unwrap();
    };
    retitle(&mut store, "ミドリ技研 設備更新（第2期）");
    drop(store);

    let mut store = Store::open(&path, "山本").unwrap();
    retitle(&mut store, "ミドリ技研 設備更新（第3期）");
    let told = |store: &Store| -> Vec<(String, String, String)> {
        store::history::of_record(store.conn(), &id)
            .unwrap()
            .into_iter()
            .map(|h| {
                (
                    h.previous.as_str().unwrap().to_string(),
                    h.set_by,
                    h.replaced_by,
                )
            })
            .collect()
    };
    let expected = vec![
        (
            "ミドリ技研 設備更新".to_string(),
            "me".to_string(),
            "me".to_string(),
        ),
        (
            "ミドリ技研 設備更新（第2期）".to_string(),
            "me".to_string(),
            "山本".to_string(),
        ),
    ];
    assert_eq!(told(&store), expected);
    let created_by = leads::get(store.conn(), &id, NameOrder::Auto)
        .unwrap()
        .unwrap();
    assert_eq!(created_by.created_by, "me");
    drop(store);

    // Another rep's database, which never saw the rename, reads the same lines after merging.
    let mut other = Store::open(&other, "鈴木").unwrap();
    other.merge_copy(&path, "leads").unwrap();
    assert_eq!(told(&other), expected);
}

/// Demo data tells one story per lead: its stage history starts when the lead was made, ends
/// in the stage the lead is in, in date order and not after the day it was made for; and no
/// history line dates a move to another day than its stage history does.
#[test]
fn demo_stage_histories_agree_with_the_leads() {
    use leadtrack::features::demo::{self, DemoSize};
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut session = leadtrack::session::Session::in_memory(Default::default()).unwrap();
    let size = DemoSize {
        leads: 120,
        contacts: 60,
        activities: 100,
        seed: 11,
    };
    demo::generate_on(&mut session.store, &session.config, size, today).unwrap();
    let conn = session.store.conn();
    let end_of_today = leadtrack::model::dates::local_to_utc(
        today.succ_opt().unwrap().and_time(chrono::NaiveTime::MIN),
    );
    let all = leads::list(
        conn,
        &leads::LeadFilter {
            include_customers: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(all.len(), 120);
    let mut moved = 0;
    for lead in all {
        let history = leads::stage_history(conn, &lead.id).unwrap();
        let first = history.first().unwrap();
        assert_eq!(
            (first.from, first.at),
            (None, lead.created_at),
            "{}",
            lead.title
        );
        assert_eq!(history.last().unwrap().to, lead.stage, "{}", lead.title);
        assert!(
            history
                .windows(2)
                .all(|p| p[0].at <= p[1].at && p[1].from == Some(p[0].to))
        );
        assert!(history.iter().all(|c| c.at < end_of_today), "{history:?}");
        assert_eq!(
            lead.updated_at,
            history.last().unwrap().at,
            "{}",
            lead.title
        );
        moved += history.len() - 1;
        for entry in store::history::of_record(conn, &lead.id).unwrap() {
            if entry.field == "stage" {
                assert!(
                    history.iter().any(|c| c.at == entry.replaced_at),
                    "{}: the history dates a move to {}, the stage history does not ({history:?})",
                    lead.title,
                    entry.replaced_at
                );
            }
        }
    }
    assert!(moved > 10, "some demo leads moved on: {moved}");
}
