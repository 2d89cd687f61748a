//! Text from files and other reps is untrusted (SPEC §8): escape sequences, controls, bidi
//! overrides and zero-width characters are stored as they are, but never reach a terminal
//! as control sequences. Checked on the real binary's output bytes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::Scratch;

/// What an attacker puts in a card or a note: a clipboard write (OSC 52), a hyperlink
/// (OSC 8), screen clear and cursor moves (CSI), an 8-bit CSI (C1), bell, backspace, DEL,
/// a right-to-left override and a zero-width space.
const HOSTILE: &str = "佐藤\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}]8;;https://evil.example/\u{1b}\\link\u{1b}]8;;\u{1b}\\\u{1b}[2J\u{1b}[999;999H\u{9b}31m\u{7}\u{8}\u{7f}\u{202e}gnp.exe\u{200b}花子";

/// Bytes that must never appear in output meant for a terminal.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for (i, c) in text.char_indices() {
        let bad = (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}'..='\u{200f}' | '\u{feff}');
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
