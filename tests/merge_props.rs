//! The merge laws (SPEC §5.5), over random edits on three copies and random sync orders:
//! every order ends in the same data, and merging again changes nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::merge_laws::{
    Reach, counted_due, counted_totals, due_probes, reach, retagged, tags_follow_marks,
};

use leadtrack::model::activity::ActivityFields;
use leadtrack::model::contact::{
    Channel, ContactFields, ContactValue, ListEdits, NameOrder, PhoneSlot, ValueKind,
};
use leadtrack::model::lead::{LeadFields, LeadPatch};
use leadtrack::model::{ActivityKind, LinkRole, Stage};
use leadtrack::store::leads::Origin;
use leadtrack::store::{Store, activities, contacts, leads, links};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

#[derive(Debug, Clone)]
enum Op {
    Add {
        rep: usize,
    },
    Title {
        rep: usize,
        lead: usize,
        text: String,
    },
    Owner {
        rep: usize,
        lead: usize,
        text: String,
    },
    Move {
        rep: usize,
        lead: usize,
        stage: Stage,
    },
    Delete {
        rep: usize,
        lead: usize,
    },
    Restore {
        rep: usize,
        lead: usize,
    },
    Log {
        rep: usize,
        lead: usize,
    },
    AddContact {
        rep: usize,
    },
    CardTitle {
        rep: usize,
        contact: usize,
        text: String,
    },
    Link {
        rep: usize,
        lead: usize,
        contact: usize,
        role: LinkRole,
    },
    /// A contact's email addresses or numbers: a new preferred one, one more, one fewer.
    Reach {
        rep: usize,
        contact: usize,
        edit: Reach,
    },
    Sync {
        from: usize,
        to: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let rep = 0..3usize;
    let lead = 0..6usize;
    let text =
        prop::sample::select(vec!["見積", "デモ", "Proposal", "再訪問", ""]).prop_map(String::from);
    let stage = prop::sample::select(Stage::ALL.to_vec());
    prop_oneof![
        2 => rep.clone().prop_map(|rep| Op::Add { rep }),
        3 => (rep.clone(), lead.clone(), text.clone()).prop_map(|(rep, lead, text)| Op::Title { rep, lead, text }),
        2 => (rep.clone(), lead.clone(), text).prop_map(|(rep, lead, text)| Op::Owner { rep, lead, text }),
        2 => (rep.clone(), lead.clone(), stage).prop_map(|(rep, lead, stage)| Op::Move { rep, lead, stage }),
        1 => (rep.clone(), lead.clone()).prop_map(|(rep, lead)| Op::Delete { rep, lead }),
        1 => (rep.clone(), lead.clone()).prop_map(|(rep, lead)| Op::Restore { rep, lead }),
        2 => (rep.clone(), lead.clone()).prop_map(|(rep, lead)| Op::Log { rep, lead }),
        1 => rep.clone().prop_map(|rep| Op::AddContact { rep }),
        1 => (rep.clone(), 0..4usize, prop::sample::select(vec!["部長", "課長", ""])).prop_map(|(rep, contact, t)| Op::CardTitle { rep, contact, text: t.to_string() }),
        1 => (rep.clone(), lead.clone(), 0..4usize, prop::sample::select(LinkRole::ALL.to_vec())).prop_map(|(rep, lead, contact, role)| Op::Link { rep, lead, contact, role }),
        3 => (rep.clone(), 0..4usize, reach()).prop_map(|(rep, contact, edit)| Op::Reach { rep, contact, edit }),
        3 => (rep.clone(), rep).prop_map(|(from, to)| Op::Sync { from, to }),
    ]
}

struct Team {
    dir: TempDir,
    reps: Vec<Store>,
    leads: Vec<String>,
    contacts: Vec<String>,
    snapshots: usize,
}

impl Team {
    fn new() -> Team {
        let dir = tempfile::tempdir().unwrap();
        let reps = ["山本", "鈴木", "Tanaka"]
            .iter()
            .enumerate()
            .map(|(i, name)| Store::open(&dir.path().join(format!("rep{i}.db")), name).unwrap())
            .collect();
        Team {
            dir,
            reps,
            leads: Vec::new(),
            contacts: Vec::new(),
            snapshots: 0,
        }
    }

    fn snapshot(&mut self, rep: usize) -> PathBuf {
        self.snapshots += 1;
        let path = self.dir.path().join(format!("snap{}.db", self.snapshots));
        self.reps[rep].snapshot(&path).unwrap();
        path
    }

    fn has(&self, rep: usize, lead: usize) -> Option<String> {
        let id = self.leads.get(lead)?;
        let exists: i64 = self.reps[rep]
            .conn()
            .query_row("SELECT count(*) FROM leads WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap();
        (exists > 0).then(|| id.clone())
    }

    fn has_contact(&self, rep: usize, contact: usize) -> Option<String> {
        let id = self.contacts.get(contact)?;
        let live: i64 = self.reps[rep]
            .conn()
            .query_row(
                "SELECT count(*) FROM contacts WHERE id = ?1 AND gone = 0",
                [id],
                |r| r.get(0),
            )
            .unwrap();
        (live > 0).then(|| id.clone())
    }

    fn apply(&mut self, op: &Op) {
        match op {
            Op::Add { rep } => {
                let fields = LeadFields {
                    title: format!("案件{}", self.leads.len()),
                    value: Some(1_000_000),
                    owner: Some(["aki", "ben"][self.leads.len() % 2].to_string()),
                    next_action_on: Some(leadtrack::model::Due::on(
                        chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
                            + chrono::Duration::days(self.leads.len() as i64 % 4),
                    )),
                    ..LeadFields::default()
                };
                let id = self.reps[*rep]
                    .write(|w| leads::insert(w, &fields, &Origin::default()))
                    .unwrap();
                self.leads.push(id);
            }
            Op::Title { rep, lead, text } | Op::Owner { rep, lead, text } => {
                let Some(id) = self.has(*rep, *lead) else {
                    return;
                };
                let patch = match op {
                    Op::Title { .. } => LeadPatch {
                        title: Some(format!("{text}{lead}")),
                        value: Some(Some(i64::try_from(text.len()).unwrap() * 10_000)),
                        // A next-action date from the text, cleared for every third length:
                        // the follow-up counts follow dates, owners and deletes.
                        next_action_on: Some((text.len() % 3 != 0).then(|| {
                            let first = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
                            leadtrack::model::Due::on(
                                first + chrono::Duration::days(text.len() as i64 % 5),
                            )
                        })),
                        ..Default::default()
                    },
                    _ => LeadPatch {
                        owner: Some(Some(text.clone()).filter(|t| !t.is_empty())),
                        ..Default::default()
                    },
                };
                // A deleted lead cannot be edited here; a merge may still bring edits in.
                let _ = self.reps[*rep].write(|w| leads::update(w, &id, &patch));
            }
            Op::Move { rep, lead, stage } => {
                let Some(id) = self.has(*rep, *lead) else {
                    return;
                };
                let _ = self.reps[*rep].write(|w| leads::set_stage(w, &id, *stage));
            }
            Op::Delete { rep, lead } => {
                let Some(id) = self.has(*rep, *lead) else {
                    return;
                };
                let _ = self.reps[*rep].write(|w| leads::delete(w, &id));
            }
            Op::Restore { rep, lead } => {
                let Some(id) = self.has(*rep, *lead) else {
                    return;
                };
                let _ = self.reps[*rep].write(|w| leads::restore(w, &id));
            }
            Op::Log { rep, lead } => {
                let Some(id) = self.has(*rep, *lead) else {
                    return;
                };
                let fields = ActivityFields {
                    kind: ActivityKind::Call,
                    lead_id: Some(id),
                    contact_id: None,
                    occurred_at: chrono::Utc::now(),
                    duration_minutes: None,
                    direction: None,
                    summary: "電話".into(),
                    body: None,
                    by: None,
                    campaign_id: None,
                };
                self.reps[*rep]
                    .write(|w| activities::insert(w, &fields, &Origin::default()))
                    .unwrap();
            }
            Op::AddContact { rep } => {
                let card = ContactFields {
                    family_name: Some(format!("佐藤{}", self.contacts.len())),
                    ..Default::default()
                };
                let id = self.reps[*rep]
                    .write(|w| contacts::insert(w, &card, &Origin::default()))
                    .unwrap();
                self.contacts.push(id);
            }
            Op::CardTitle { rep, contact, text } => {
                let Some(id) = self.has_contact(*rep, *contact) else {
                    return;
                };
                let patch = ContactFields {
                    title: Some(text.clone()),
                    ..Default::default()
                };
                let _ = self.reps[*rep].write(|w| contacts::update(w, &id, &patch));
            }
            Op::Link {
                rep,
                lead,
                contact,
                role,
            } => {
                let (Some(lead), Some(contact)) =
                    (self.has(*rep, *lead), self.has_contact(*rep, *contact))
                else {
                    return;
                };
                let _ = self.reps[*rep].write(|w| links::link(w, &lead, &contact, *role));
            }
            Op::Reach { rep, contact, edit } => {
                let Some(id) = self.has_contact(*rep, *contact) else {
                    return;
                };
                let edits = match edit {
                    Reach::PreferredEmail(e) => ListEdits {
                        email: Some(e.to_string()),
                        ..Default::default()
                    },
                    Reach::AddEmail(e) => ListEdits {
                        add: vec![(Channel::Email, ContactValue::new(e, ValueKind::Home))],
                        ..Default::default()
                    },
                    Reach::RemoveEmail(e) => ListEdits {
                        remove: vec![(Channel::Email, e.to_string())],
                        ..Default::default()
                    },
                    Reach::Mobile(n) => ListEdits {
                        numbers: vec![(PhoneSlot::Mobile, n.to_string())],
                        ..Default::default()
                    },
                    Reach::AddPhone(n, k) => ListEdits {
                        add: vec![(Channel::Phone, ContactValue::new(n, *k))],
                        ..Default::default()
                    },
                    Reach::RemovePhone(n) => ListEdits {
                        remove: vec![(Channel::Phone, n.to_string())],
                        ..Default::default()
                    },
                };
                let _ = leadtrack::features::contacts::edit(
                    &mut self.reps[*rep],
                    &id,
                    &ContactFields::default(),
                    &edits,
                );
            }
            Op::Sync { from, to } => {
                if from != to {
                    let snap = self.snapshot(*from);
                    self.reps[*to].merge_copy(&snap, "snapshot").unwrap();
                }
            }
        }
    }
}

/// Everything a copy holds that sync must agree on, as text. A merging copy's own author
/// row is not part of the others' data.
fn state(store: &Store) -> String {
    common::state_of(
        store.conn(),
        common::LOCAL_COLUMNS,
        "WHERE name != 'merger'",
    )
}

fn merge_into(dir: &Path, name: &str, parts: &[&Path]) -> String {
    let mut store = Store::open(&dir.join(name), "merger").unwrap();
    for part in parts {
        store.merge_copy(part, "part").unwrap();
    }
    state(&store)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(24)))]

    #[test]
    fn every_sync_order_ends_the_same_and_merging_twice_changes_nothing(ops in prop::collection::vec(op(), 1..40)) {
        let mut team = Team::new();
        for op in &ops {
            team.apply(op);
        }
        // The merge laws on the three copies as they stand.
        let snaps: Vec<PathBuf> = (0..3).map(|r| team.snapshot(r)).collect();
        let dir = team.dir.path().to_path_buf();
        let (a, b, c) = (snaps[0].as_path(), snaps[1].as_path(), snaps[2].as_path());
        let abc = merge_into(&dir, "m1.db", &[a, b, c]);
        prop_assert_eq!(&abc, &merge_into(&dir, "m2.db", &[c, a, b]), "commutative");
        prop_assert_eq!(&abc, &merge_into(&dir, "m3.db", &[b, c, a]), "commutative");
        prop_assert_eq!(&abc, &merge_into(&dir, "m4.db", &[a, b, c, a, b, c]), "idempotent");
        let mut ab = Store::open(&dir.join("ab.db"), "merger").unwrap();
        ab.merge_copy(a, "a").unwrap();
        ab.merge_copy(b, "b").unwrap();
        let ab_snap = dir.join("ab-snap.db");
        ab.snapshot(&ab_snap).unwrap();
        let mut bc = Store::open(&dir.join("bc.db"), "merger").unwrap();
        bc.merge_copy(b, "b").unwrap();
        bc.merge_copy(c, "c").unwrap();
        let bc_snap = dir.join("bc-snap.db");
        bc.snapshot(&bc_snap).unwrap();
        prop_assert_eq!(merge_into(&dir, "l.db", &[&ab_snap, c]), merge_into(&dir, "r.db", &[a, &bc_snap]), "associative");

        // Every rep syncing with every other, twice: all three hold the same data.
        for _ in 0..2 {
            for from in 0..3 {
                for to in 0..3 {
                    team.apply(&Op::Sync { from, to });
                }
            }
        }
        let first = state(&team.reps[0]);
        prop_assert_eq!(&first, &state(&team.reps[1]));
        prop_assert_eq!(&first, &state(&team.reps[2]));
        let again = team.snapshot(1);
        let counts = team.reps[0].merge_copy(&again, "again").unwrap();
        prop_assert!(counts.is_empty(), "merging again brings nothing: {:?}", counts);
        prop_assert_eq!(&first, &state(&team.reps[0]));
        // The board's column heads, kept by triggers through every edit and merge, agree
        // with a count of the leads.
        for rep in &team.reps {
            prop_assert_eq!(kept_totals(rep), counted_totals(rep));
            // The status line's follow-up counts, kept by triggers the same way.
            for (day, owner) in due_probes(rep) {
                let kept =
                    leadtrack::store::leads::due_before(rep.conn(), day, owner.as_deref()).unwrap();
                prop_assert_eq!(kept, counted_due(rep, day, owner.as_deref()), "{} {:?}", day, owner);
            }
        }
    }
}

fn kept_totals(store: &Store) -> Vec<(Stage, i64, i64)> {
    leadtrack::store::leads::stage_totals(store.conn())
        .unwrap()
        .into_iter()
        .map(|(stage, t)| (stage, t.count, t.value))
        .collect()
}

/// A tag put on or taken off a lead or the contact, by one rep, or a sync.
#[derive(Debug, Clone)]
enum TagOp {
    Lead {
        rep: usize,
        lead: usize,
        tag: &'static str,
        on: bool,
    },
    Card {
        rep: usize,
        tag: &'static str,
        on: bool,
    },
    Sync {
        from: usize,
        to: usize,
    },
}

const TAGS: [&str; 4] = ["重点", "展示会", "紹介", "VIP"];

fn tag_op() -> impl Strategy<Value = TagOp> {
    let rep = 0..3usize;
    let tag = prop::sample::select(TAGS.to_vec());
    prop_oneof![
        4 => (rep.clone(), 0..2usize, tag.clone(), any::<bool>()).prop_map(|(rep, lead, tag, on)| TagOp::Lead { rep, lead, tag, on }),
        2 => (rep.clone(), tag, any::<bool>()).prop_map(|(rep, tag, on)| TagOp::Card { rep, tag, on }),
        2 => (rep.clone(), rep).prop_map(|(from, to)| TagOp::Sync { from, to }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(24)))]

    #[test]
    fn tags_merge_as_a_set_in_every_sync_order(ops in prop::collection::vec(tag_op(), 1..40)) {
        let mut team = Team::new();
        team.apply(&Op::Add { rep: 0 });
        team.apply(&Op::Add { rep: 0 });
        team.apply(&Op::AddContact { rep: 0 });
        team.apply(&Op::Sync { from: 0, to: 1 });
        team.apply(&Op::Sync { from: 0, to: 2 });
        let (mut put_on, mut taken_off) = (Vec::new(), Vec::new());
        for op in &ops {
            match op {
                TagOp::Lead { rep, lead, tag, on } => {
                    let id = team.leads[*lead].clone();
                    let store = &mut team.reps[*rep];
                    let now = leads::get(store.conn(), &id, NameOrder::Auto).unwrap().unwrap().tags;
                    let tags = Some(retagged(now, tag, *on));
                    store.write(|w| leads::update(w, &id, &LeadPatch { tags, ..Default::default() })).unwrap();
                    (if *on { &mut put_on } else { &mut taken_off }).push((id, *tag));
                }
                TagOp::Card { rep, tag, on } => {
                    let id = team.contacts[0].clone();
                    let store = &mut team.reps[*rep];
                    let now = contacts::get(store.conn(), &id).unwrap().unwrap().tags;
                    let tags = Some(retagged(now, tag, *on));
                    store.write(|w| contacts::update(w, &id, &ContactFields { tags, ..Default::default() })).unwrap();
                    (if *on { &mut put_on } else { &mut taken_off }).push((id, *tag));
                }
                TagOp::Sync { from, to } => team.apply(&Op::Sync { from: *from, to: *to }),
            }
        }
        let snaps: Vec<PathBuf> = (0..3).map(|r| team.snapshot(r)).collect();
        let dir = team.dir.path().to_path_buf();
        let (a, b, c) = (snaps[0].as_path(), snaps[1].as_path(), snaps[2].as_path());
        let abc = merge_into(&dir, "m1.db", &[a, b, c]);
        prop_assert_eq!(&abc, &merge_into(&dir, "m2.db", &[c, a, b]), "commutative");
        prop_assert_eq!(&abc, &merge_into(&dir, "m3.db", &[b, a, c]), "commutative");
        prop_assert_eq!(&abc, &merge_into(&dir, "m4.db", &[a, b, c, c, b, a]), "idempotent");
        let mut ab = Store::open(&dir.join("ab.db"), "merger").unwrap();
        ab.merge_copy(a, "a").unwrap();
        ab.merge_copy(b, "b").unwrap();
        let ab_snap = dir.join("ab-snap.db");
        ab.snapshot(&ab_snap).unwrap();
        prop_assert_eq!(&abc, &merge_into(&dir, "l.db", &[&ab_snap, c]), "associative");

        for _ in 0..2 {
            for from in 0..3 {
                for to in 0..3 {
                    team.apply(&Op::Sync { from, to });
                }
            }
        }
        let first = state(&team.reps[0]);
        prop_assert_eq!(&first, &state(&team.reps[1]));
        prop_assert_eq!(&first, &state(&team.reps[2]));
        let again = team.snapshot(2);
        prop_assert!(team.reps[0].merge_copy(&again, "again").unwrap().is_empty());
        for store in &team.reps {
            prop_assert!(tags_follow_marks(store));
            let lead_tags: Vec<(String, Vec<String>)> = team.leads.iter()
                .map(|id| (id.clone(), leads::get(store.conn(), id, NameOrder::Auto).unwrap().unwrap().tags))
                .chain(team.contacts.iter().map(|id| (id.clone(), contacts::get(store.conn(), id).unwrap().unwrap().tags)))
                .collect();
            for (id, tags) in &lead_tags {
                for tag in TAGS {
                    let on = put_on.contains(&(id.clone(), tag));
                    let off = taken_off.contains(&(id.clone(), tag));
                    // Put on and never taken off: there on every copy. Never put on: nowhere.
                    if on && !off {
                        prop_assert!(tags.iter().any(|t| t == tag), "{} lost {}: {:?}", id, tag, tags);
                    }
                    if !on {
                        prop_assert!(!tags.iter().any(|t| t == tag), "{} gained {}: {:?}", id, tag, tags);
                    }
                }
            }
        }
    }
}
