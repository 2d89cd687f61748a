//! The message catalogs (`assets/locales/en.ftl`, `ja.ftl`) against the code: both parse,
//! hold the same ids with the same values put in, every id the code asks for is in them and
//! every id in them is asked for.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use leadtrack::i18n::{EN_FTL, JA_FTL};
use leadtrack::keymap::{Action, Context};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each message id with the names of the values it takes (`{ $count }`), read line by line
/// (an id starts a line; its value runs until the next id).
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some((id, _)) = line.split_once(" =")
            && !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            assert!(!out.contains_key(id), "{id} is in the catalog twice");
            current = Some(id.to_string());
            out.insert(id.to_string(), BTreeSet::new());
        }
        let Some(id) = &current else { continue };
        let mut rest = line;
        while let Some(at) = rest.find("{ $") {
            let name: String = rest[at + 3..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            out.get_mut(id).unwrap().insert(name);
            rest = &rest[at + 3..];
        }
    }
    out
}

/// The string literals of the crate's source that look like message ids.
fn literals_in_source() -> BTreeSet<String> {
    let mut files = Vec::new();
    common::rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut out = BTreeSet::new();
    for file in files {
        // A quote that opens or closes no string (`'"'`, `\"`) would pair the rest wrongly.
        let text = std::fs::read_to_string(&file)
            .unwrap()
            .replace("'\"'", "")
            .replace("\\\"", "");
        for (i, part) in text.split('"').enumerate() {
            if i % 2 == 1
                && part.contains('-')
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                out.insert(part.to_string());
            }
        }
    }
    out
}

/// The ids `tr!` asks for: the literal after the language.
fn ids_asked_for() -> BTreeSet<String> {
    let mut files = Vec::new();
    common::rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut out = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // Code only: comments show calls as examples.
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let mut rest = code.as_str();
        while let Some(at) = rest.find("tr!(") {
            // `include_str!(` ends the same way: only `tr!` itself counts.
            let whole = rest[..at]
                .chars()
                .last()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            let call = &rest[at + 4..];
            rest = call;
            if !whole || call.trim_start().starts_with('$') {
                continue;
            }
            if let Some(quoted) = call.split('"').nth(1) {
                out.insert(quoted.to_string());
            }
        }
    }
    out
}

#[test]
fn both_catalogs_parse_and_hold_the_same_messages() {
    for (name, source) in [("en.ftl", EN_FTL), ("ja.ftl", JA_FTL)] {
        if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(source.to_string()) {
            panic!("{name} does not parse: {errors:?}");
        }
    }
    let en = messages(EN_FTL);
    let ja = messages(JA_FTL);
    let en_ids: BTreeSet<&String> = en.keys().collect();
    let ja_ids: BTreeSet<&String> = ja.keys().collect();
    assert_eq!(
        en_ids.difference(&ja_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "in en.ftl, missing from ja.ftl"
    );
    assert_eq!(
        ja_ids.difference(&en_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "in ja.ftl, missing from en.ftl"
    );
    for (id, names) in &en {
        assert_eq!(names, &ja[id], "{id} takes other values in ja.ftl");
    }
}

#[test]
fn every_id_the_code_asks_for_is_in_the_catalogs_and_every_id_is_asked_for() {
    let catalog = messages(EN_FTL);
    let asked = ids_asked_for();
    let missing: Vec<&String> = asked
        .iter()
        .filter(|id| !catalog.contains_key(*id))
        .collect();
    assert!(
        missing.is_empty(),
        "asked for, not in the catalogs: {missing:?}"
    );

    // Ids made from data: a key's description from its action, a context's name.
    let mut used: BTreeSet<String> = Action::ALL.iter().map(|a| a.message_id()).collect();
    for id in &used {
        assert!(
            catalog.contains_key(id),
            "{id} describes no key in the catalogs"
        );
    }
    used.extend(Context::ALL.iter().map(|c| c.message_id().to_string()));
    used.extend(literals_in_source());
    let unused: Vec<&String> = catalog.keys().filter(|id| !used.contains(*id)).collect();
    assert!(unused.is_empty(), "in the catalogs, never used: {unused:?}");
}

#[test]
fn a_check_that_would_miss_nothing_finds_what_is_planted() {
    // The readers above, on text with a planted fault: an id only in one catalog, a value
    // named differently.
    let en = messages("a-b = one { $n }\nc-d = two\n");
    let ja = messages("a-b = いち { $m }\n");
    assert!(!ja.contains_key("c-d"));
    assert_ne!(en["a-b"], ja["a-b"]);
}
