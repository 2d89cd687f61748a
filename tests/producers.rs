//! Card files the way real producers write them (Android, DoCoMo phones, iPhone, Google,
//! Outlook, Thunderbird, Eight, Sansan), imported as a rep would, compared with what a correct
//! import shows (`tests/fixtures/producers/*.expected.json`, the README beside them says where
//! each file's shape comes from).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Scratch, fixture};
use serde_json::Value;
use std::collections::BTreeSet;

/// Every fixture with its expected contacts.
fn fixtures() -> Vec<(String, Vec<Value>)> {
    let dir = fixture("producers");
    let mut out: Vec<(String, Vec<Value>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".vcf") || name.ends_with(".csv"))
        .map(|name| {
            let expected = std::fs::read_to_string(dir.join(format!("{name}.expected.json")))
                .unwrap_or_else(|_| panic!("{name} has no .expected.json"));
            (name, serde_json::from_str(&expected).unwrap())
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 16, "{} fixtures", out.len());
    out
}

/// The contacts an import of `file` made (or merged into), in the order of the file's lines.
fn imported(s: &Scratch, file: &str) -> (Value, Vec<Value>) {
    let path = fixture(&format!("producers/{file}"));
    let report = s.json(&[
        "import",
        "cards",
        path.to_str().unwrap(),
        "--report",
        "json",
    ]);
    let mut lines: Vec<(u64, String)> = ["added", "merged", "unchanged"]
        .iter()
        .flat_map(|k| report[k].as_array().unwrap().clone())
        .map(|e| {
            (
                e["line"].as_u64().unwrap(),
                e["id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    lines.sort();
    let mut seen = BTreeSet::new();
    let contacts = lines
        .into_iter()
        .filter(|(_, id)| seen.insert(id.clone()))
        .map(|(_, id)| s.json(&["contact", "show", &id, "--format", "json"]))
        .collect();
    (report, contacts)
}

/// (value, kind) pairs of a list, as a set (the order in which a list is kept is not what the
/// file says), and the values marked preferred.
fn pairs(list: &Value) -> (BTreeSet<(String, String)>, BTreeSet<String>) {
    let mut all = BTreeSet::new();
    let mut preferred = BTreeSet::new();
    for v in list.as_array().cloned().unwrap_or_default() {
        let value = v["value"].as_str().unwrap().to_string();
        all.insert((value.clone(), v["kind"].as_str().unwrap_or("").to_string()));
        if v["preferred"] == Value::Bool(true) {
            preferred.insert(value);
        }
    }
    (all, preferred)
}

/// What differs between an imported contact and the expected one.
fn differences(file: &str, got: &Value, want: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let name = format!(
        "{file}: {} {}",
        want["family_name"].as_str().unwrap_or(""),
        want["company"].as_str().unwrap_or("")
    );
    for (key, expected) in want.as_object().unwrap() {
        let actual = &got[key];
        let same = match key.as_str() {
            "emails" => pairs(actual) == pairs(expected),
            // One preferred number of each of phone, mobile and fax; the file's mark (or its
            // first number) is one of them.
            "phones" => {
                let (all, preferred) = pairs(actual);
                let (want_all, want_preferred) = pairs(expected);
                all == want_all && want_preferred.is_subset(&preferred)
            }
            "other_addresses" | "other_urls" => pairs(actual).0 == pairs(expected).0,
            "external_id" => match expected.as_str() {
                Some(uid) => got["external_ids"]
                    .as_array()
                    .is_some_and(|ids| ids.iter().any(|i| i == uid)),
                None => true,
            },
            "notes" | "tags" | "address" | "url" => actual == expected,
            _ => actual == expected,
        };
        if !same {
            out.push(format!(
                "{name}: {key} is {actual} where the file says {expected}"
            ));
        }
    }
    out
}

#[test]
fn every_producer_file_imports_as_the_producer_meant() {
    let mut wrong = Vec::new();
    for (file, expected) in fixtures() {
        let s = Scratch::new();
        let (report, got) = imported(&s, &file);
        if got.len() != expected.len() {
            wrong.push(format!(
                "{file}: {} contacts where {} were expected; report {report}",
                got.len(),
                expected.len()
            ));
            continue;
        }
        for (got, want) in got.iter().zip(&expected) {
            wrong.extend(differences(&file, got, want));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
