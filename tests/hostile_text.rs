//! Text from files and other reps is untrusted (SPEC §8): escape sequences, controls, bidi
//! overrides and zero-width characters are stored as they are, but never reach a terminal
//! as control sequences. Checked on the real binary's output bytes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{HOSTILE, Scratch, is_bidi_or_zero_width};

/// Bytes that must never appear in output meant for a terminal.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for (i, c) in text.char_indices() {
        let bad = (c.is_control() && c != '\n' && c != '\t') || is_bidi_or_zero_width(c);
        assert!(
            !bad,
            "{what}: U+{:04X} at byte {i} reaches the terminal: {text:?}",
            c as u32
        );
    }
}

fn run(s: &Scratch, args: &[&str]) -> (Vec<u8>, Vec<u8>) {
    let out = s.cmd().args(args).output().unwrap();
    (out.stdout, out.stderr)
}

#[test]
fn hostile_names_notes_and_summaries_never_reach_the_terminal_as_controls() {
    let s = Scratch::new();
    let lead = s
        .ok(&[
            "lead",
            "add",
            "--title",
            HOSTILE,
            "--company",
            HOSTILE,
            "--next-action",
            HOSTILE,
            "--due",
            "today",
        ])
        .trim()
        .to_string();
    let contact = s
        .ok(&[
            "contact",
            "add",
            "--family-name",
            HOSTILE,
            "--given-name",
            "花子",
            "--company",
            HOSTILE,
            "--email",
            "hanako@example.co.jp",
            "--title",
            HOSTILE,
        ])
        .trim()
        .to_string();
    s.ok(&[
        "log",
        "call",
        "--lead",
        &lead,
        "--contact",
        &contact,
        "--summary",
        HOSTILE,
        "--body",
        HOSTILE,
    ]);

    for args in [
        vec!["lead", "list"],
        vec!["lead", "show", &lead],
        vec!["contact", "list"],
        vec!["contact", "show", &contact],
        vec!["search", "佐藤"],
        vec!["stats"],
        vec!["lead", "list", "--format", "json"],
        vec!["lead", "show", &lead, "--format", "json"],
        vec!["contact", "show", &contact, "--format", "json"],
        vec!["search", "花子", "--format", "json"],
    ] {
        let (stdout, stderr) = run(&s, &args);
        assert!(!stdout.is_empty(), "{args:?} printed nothing");
        assert_inert(&format!("{args:?} stdout"), &stdout);
        assert_inert(&format!("{args:?} stderr"), &stderr);
    }

    // An error message that quotes what was typed.
    let (_, stderr) = run(&s, &["lead", "show", HOSTILE]);
    assert!(
        stderr.starts_with(b"error: "),
        "{}",
        String::from_utf8_lossy(&stderr)
    );
    assert_inert("error message", &stderr);
}

#[test]
fn json_escapes_controls_yet_keeps_the_exact_text() {
    let s = Scratch::new();
    let lead = s
        .ok(&["lead", "add", "--title", HOSTILE])
        .trim()
        .to_string();
    let (stdout, _) = run(&s, &["lead", "show", &lead, "--format", "json"]);
    assert_inert("json", &stdout);
    let value: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
    assert_eq!(value["title"], HOSTILE, "the stored text comes back whole");
}

#[test]
fn exports_to_a_file_or_pipe_keep_the_data_exactly() {
    // Data formats are for programs: into a pipe they are byte for byte what is stored
    // (the spreadsheet guard aside, see --raw); only a terminal gets them made safe.
    let s = Scratch::new();
    s.ok(&["lead", "add", "--title", "Plain 案件", "--company", HOSTILE]);
    let (stdout, _) = run(&s, &["export", "leads", "--format", "csv", "--raw"]);
    let text = String::from_utf8(stdout).unwrap();
    assert!(text.contains(HOSTILE), "{text:?}");
}

#[test]
fn a_hostile_card_file_is_imported_and_reported_safely() {
    let s = Scratch::new();
    let file = s.path("cards.csv");
    std::fs::write(
        &file,
        format!("会社名,姓,名,e-mail\n{HOSTILE},{HOSTILE},花子,a@example.co.jp\n,,,\u{1b}[2J\n"),
    )
    .unwrap();
    let (stdout, stderr) = run(&s, &["import", "cards", file.to_str().unwrap()]);
    assert_inert("import report", &stdout);
    assert_inert("import warnings", &stderr);
    let (stdout, _) = run(&s, &["contact", "list"]);
    assert_inert("contact list", &stdout);
    assert!(String::from_utf8_lossy(&stdout).contains("a@example.co.jp"));
}
