//! The lead filters (owner, tag, source, rank, stage, due, stale, words), combined: what
//! `lead list`, the board's columns and the follow-up export keep is exactly what a plain
//! reading of each filter over the leads keeps, for every filter alone and for thousands
//! of combinations.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use chrono::{Duration, NaiveDate, NaiveTime};
use common::Scratch;
use leadtrack::config::StaleAfterDays;
use leadtrack::features::lead_filter::LeadFilters;
use leadtrack::followups::{Bucket, bucket, is_stale};
use leadtrack::model::dates::{local_to_utc, today};
use leadtrack::model::lead::LeadFields;
use leadtrack::model::text::fold;
use leadtrack::model::{Due, Lead, Rank, Stage};
use leadtrack::store::leads::{self, LeadFilter, LeadOrder, LeadScope, Origin};
use leadtrack::store::paging::Page;
use leadtrack::store::{Store, reports};

const OWNERS: [&str; 3] = ["aki", "ben", "山本"];
const TAGS: [&str; 3] = ["展示会", "vip", "再訪"];
const SOURCES: [Option<&str>; 3] = [Some("exhibition"), Some("website"), None];
const WORDS: [&str; 4] = ["ERP刷新", "設備更新", "ｻｰﾊﾞｰ移行", "保守契約"];

/// 96 leads that differ in every filtered field, several days around today.
fn leads_store(today: NaiveDate) -> Store {
    let mut store = Store::open_in_memory("tester").unwrap();
    for i in 0..96usize {
        let due = match i % 7 {
            0 => None,
            n => {
                let date = today + Duration::days([-9, -1, 0, 1, 7, 8, 20][n - 1]);
                // Some dates carry a time: the late evening still counts for its own day.
                let time = (i % 3 == 0).then(|| NaiveTime::from_hms_opt(23, 30, 0).unwrap());
                Some(Due { date, time })
            }
        };
        let tags: Vec<String> = TAGS
            .iter()
            .enumerate()
            .filter(|(t, _)| (i >> t) & 1 == 1)
            .map(|(_, t)| t.to_string())
            .collect();
        let fields = LeadFields {
            title: format!("{} {i}", WORDS[i % WORDS.len()]),
            stage: Stage::ALL[i % Stage::ALL.len()],
            source: SOURCES[i % SOURCES.len()].map(str::to_string),
            owner: Some(OWNERS[(i / 2) % OWNERS.len()].to_string()),
            next_action_on: due,
            tags,
            value: (i % 4 != 0).then(|| i as i64 * 10_000),
            ..LeadFields::default()
        };
        // Half the leads were made long ago and have been quiet since: stale.
        let created = today - Duration::days(if i % 5 < 2 { 400 } else { 1 });
        let origin = Origin {
            id: None,
            created_at: Some(local_to_utc(created.and_time(NaiveTime::MIN))),
        };
        let rank = [Rank::A, Rank::B, Rank::C][(i / 3) % 3];
        store
            .write(|w| {
                let id = leads::insert(w, &fields, &origin)?;
                leads::set_score(w, &id, 0.0, rank)
            })
            .unwrap();
    }
    store
}

/// Every lead, customers too.
fn every_lead(store: &Store) -> Vec<Lead> {
    let all = LeadFilter {
        include_customers: true,
        ..LeadFilter::default()
    };
    leads::list(store.conn(), &all).unwrap()
}

/// What a rep means by each filter, read off the lead.
fn keeps(f: &LeadFilters, lead: &Lead, today: NaiveDate) -> bool {
    let stale_after = StaleAfterDays::default();
    f.owner
        .as_ref()
        .is_none_or(|o| lead.owner.as_ref() == Some(o))
        && f.tag.as_ref().is_none_or(|t| lead.tags.contains(t))
        && f.source
            .as_ref()
            .is_none_or(|s| lead.source.as_ref() == Some(s))
        && f.rank.is_none_or(|r| lead.rank == r)
        && f.stage.is_none_or(|s| lead.stage == s)
        && f.due
            .is_none_or(|b| bucket(lead.next_action_on.as_ref(), today) == b)
        && (!f.stale
            || is_stale(
                lead.stage,
                lead.last_activity_at.as_ref(),
                &lead.created_at,
                &stale_after,
                today,
            ))
        && f.text.as_ref().is_none_or(|t| {
            // Every word typed, anywhere in the text (as search reads words).
            let title = fold(&lead.title);
            t.split_whitespace().all(|w| title.contains(&fold(w)))
        })
}

/// The values each filter is tried with (`None`: the filter off), those that match no
/// lead included.
struct Choices {
    owner: Vec<Option<String>>,
    tag: Vec<Option<String>>,
    source: Vec<Option<String>>,
    rank: Vec<Option<Rank>>,
    stage: Vec<Option<Stage>>,
    due: Vec<Option<Bucket>>,
    stale: Vec<bool>,
    text: Vec<Option<String>>,
}

fn choices() -> Choices {
    let some = |values: &[&str]| {
        std::iter::once(None)
            .chain(values.iter().map(|v| Some(v.to_string())))
            .collect::<Vec<_>>()
    };
    Choices {
        owner: some(&["aki", "ben", "山本", "nobody"]),
        tag: some(&["展示会", "vip", "再訪", "なし"]),
        source: some(&["exhibition", "website", "seminar"]),
        rank: vec![None, Some(Rank::A), Some(Rank::B), Some(Rank::C)],
        stage: std::iter::once(None)
            .chain(Stage::ALL.iter().copied().map(Some))
            .collect(),
        due: std::iter::once(None)
            .chain(Bucket::ALL.iter().copied().map(Some))
            .collect(),
        stale: vec![false, true],
        // Half-width ｻｰﾊﾞｰ is found by full-width サーバー, as search finds it.
        text: some(&["ERP", "設備", "サーバー", "保守 契約", "無い語"]),
    }
}

/// A small deterministic generator: the same combinations on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }

    /// One of `from`, its first (the filter off) half the time: a few filters at once
    /// keep some leads, all eight at once rarely any.
    fn pick<T: Clone>(&mut self, from: &[T]) -> T {
        if self.next().is_multiple_of(2) {
            return from[0].clone();
        }
        from[self.next() % from.len()].clone()
    }
}

/// Every filter alone with each of its values, then random combinations.
fn combinations() -> Vec<LeadFilters> {
    let c = choices();
    let mut out = Vec::new();
    let base = LeadFilters::default;
    out.extend(c.owner.iter().map(|v| LeadFilters {
        owner: v.clone(),
        ..base()
    }));
    out.extend(c.tag.iter().map(|v| LeadFilters {
        tag: v.clone(),
        ..base()
    }));
    out.extend(c.source.iter().map(|v| LeadFilters {
        source: v.clone(),
        ..base()
    }));
    out.extend(c.rank.iter().map(|v| LeadFilters { rank: *v, ..base() }));
    out.extend(c.stage.iter().map(|v| LeadFilters {
        stage: *v,
        ..base()
    }));
    out.extend(c.due.iter().map(|v| LeadFilters { due: *v, ..base() }));
    out.extend(c.stale.iter().map(|v| LeadFilters {
        stale: *v,
        ..base()
    }));
    out.extend(c.text.iter().map(|v| LeadFilters {
        text: v.clone(),
        ..base()
    }));
    let mut rng = Lcg(7);
    for _ in 0..1500 {
        out.push(LeadFilters {
            owner: rng.pick(&c.owner),
            tag: rng.pick(&c.tag),
            source: rng.pick(&c.source),
            rank: rng.pick(&c.rank),
            stage: rng.pick(&c.stage),
            due: rng.pick(&c.due),
            stale: rng.pick(&c.stale),
            text: rng.pick(&c.text),
            campaign: None,
        });
    }
    out
}

fn ids(leads: impl IntoIterator<Item = Lead>) -> Vec<String> {
    let mut ids: Vec<String> = leads.into_iter().map(|l| l.id).collect();
    ids.sort();
    ids
}

#[test]
fn every_combination_of_filters_keeps_exactly_the_leads_it_names() {
    let today = today();
    let store = leads_store(today);
    let conn = store.conn();
    let all = every_lead(&store);
    assert_eq!(all.len(), 96);
    let stale_after = StaleAfterDays::default();
    let mut nonempty = 0;
    for filters in combinations() {
        let narrowing = filters.narrowing(today, &stale_after);
        let wanted: Vec<&Lead> = all.iter().filter(|l| keeps(&filters, l, today)).collect();
        nonempty += usize::from(!wanted.is_empty());

        // `lead list --all`, and without --all (customers only when asked for by stage).
        let listed = leads::list(
            conn,
            &LeadFilter {
                narrowing: narrowing.clone(),
                include_customers: true,
                limit: None,
            },
        )
        .unwrap();
        assert_eq!(
            ids(listed),
            ids(wanted.iter().map(|l| (*l).clone())),
            "{filters:?}"
        );
        let open = leads::list(
            conn,
            &LeadFilter {
                narrowing: narrowing.clone(),
                ..LeadFilter::default()
            },
        )
        .unwrap();
        let open_wanted = wanted
            .iter()
            .filter(|l| filters.stage.is_some() || l.stage != Stage::Customer)
            .map(|l| (*l).clone());
        assert_eq!(ids(open), ids(open_wanted), "open leads, {filters:?}");

        // The board's columns show and count what the filters keep.
        let totals = leads::narrowed_totals(conn, &narrowing).unwrap();
        for stage in Stage::ALL {
            let expected: Vec<&&Lead> = wanted.iter().filter(|l| l.stage == stage).collect();
            let value: i64 = expected.iter().filter_map(|l| l.value).sum();
            assert_eq!(
                (totals[stage].count as usize, totals[stage].value),
                (expected.len(), value),
                "{stage:?} column, {filters:?}"
            );
            let scope = LeadScope {
                stage: Some(stage),
                narrowing: narrowing.clone(),
                ..LeadScope::default()
            };
            let page = leads::page(
                conn,
                &scope,
                LeadOrder::Board,
                Default::default(),
                &Page::first(200),
            )
            .unwrap();
            assert_eq!(
                ids(page.into_iter().map(|(_, l)| l)),
                ids(expected.iter().map(|l| (**l).clone())),
                "{stage:?} column, {filters:?}"
            );
        }

        // The follow-up export: open leads and customers with a next action.
        let follow_ups = reports::follow_ups(conn, None, &narrowing).unwrap();
        let mut got: Vec<String> = follow_ups.into_iter().map(|r| r.lead_id).collect();
        got.sort();
        let expected = ids(wanted
            .iter()
            .filter(|l| l.stage != Stage::Customer || l.next_action_on.is_some())
            .map(|l| (*l).clone()));
        assert_eq!(got, expected, "follow-ups, {filters:?}");
    }
    // The combinations are not all empty: the comparison says something.
    assert!(nonempty > 700, "{nonempty} combinations keep any lead");
}

#[test]
fn the_command_line_takes_every_filter_and_says_which_value_is_wrong() {
    let s = Scratch::new();
    let add = |title: &str, extra: &[&str]| {
        let mut args = vec!["lead", "add", "--title", title];
        args.extend_from_slice(extra);
        s.ok(&args);
    };
    add(
        "ミドリ技研 設備更新",
        &[
            "--tag",
            "展示会",
            "--source",
            "展示会",
            "--owner",
            "山本",
            "--due",
            "yesterday",
        ],
    );
    add(
        "Pinecrest ERP upgrade",
        &["--tag", "vip", "--source", "website", "--due", "today"],
    );
    add("Harbor logistics", &["--tag", "展示会"]);
    let titles = |args: &[&str]| {
        let mut full = vec!["lead", "list", "--format", "json"];
        full.extend_from_slice(args);
        let mut t: Vec<String> = s
            .json(&full)
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["title"].as_str().unwrap().to_string())
            .collect();
        t.sort();
        t
    };
    assert_eq!(
        titles(&["--tag", "展示会"]),
        ["Harbor logistics", "ミドリ技研 設備更新"]
    );
    assert_eq!(
        titles(&["--tag", "展示会", "--due", "overdue"]),
        ["ミドリ技研 設備更新"]
    );
    assert_eq!(titles(&["--due", "today"]), ["Pinecrest ERP upgrade"]);
    assert_eq!(titles(&["--due", "none"]), ["Harbor logistics"]);
    assert_eq!(titles(&["--source", "exhibition"]), ["ミドリ技研 設備更新"]);
    assert_eq!(titles(&["--text", "erp"]), ["Pinecrest ERP upgrade"]);
    assert_eq!(titles(&["--text", "設備", "--owner", "ben"]), [""; 0]);
    assert_eq!(titles(&["--rank", "c", "--stage", "considering"]).len(), 3);
    // The same flags narrow the follow-up export.
    let rows = s.json(&[
        "export",
        "followups",
        "--format",
        "json",
        "--tag",
        "展示会",
        "--owner",
        "山本",
    ]);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0]["lead"], "ミドリ技研 設備更新");
    let table = s.ok(&["export", "followups", "--format", "md", "--due", "today"]);
    assert!(table.contains("Pinecrest"), "{table}");
    assert!(!table.contains("ミドリ"), "{table}");

    let err = s.fails(&["lead", "list", "--rank", "S"]);
    assert!(err.contains("--rank: 'S' is not a rank"), "{err}");
    let err = s.fails(&["lead", "list", "--source", "チラシ"]);
    assert!(err.contains("--source: 'チラシ' is not a source"), "{err}");
    // A value clap does not know is a usage error (exit 2), naming the flag and the values.
    let out = s
        .cmd()
        .args(["export", "followups", "--due", "soon"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("--due") && err.contains("overdue"), "{err}");
}
