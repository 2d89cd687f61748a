//! Config validation: the binary run on fixture files, as a user would meet each mistake.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Scratch, fixture};
use leadtrack::config::Config;
use leadtrack::model::{ActivityKind, Stage};
use std::path::Path;

fn error_for(name: &str) -> String {
    let s = Scratch::new();
    let path = fixture(&format!("config/{name}"));
    s.fails(&["--config", path.to_str().unwrap(), "lead", "list"])
}

#[test]
fn each_mistake_names_file_line_and_key() {
    let cases = [
        (
            "unknown-key.toml",
            "line 6",
            "unknown key `scoring.points.fax`",
        ),
        ("unknown-section.toml", "line 4", "unknown key `colours`"),
        ("bad-type.toml", "line 2", "team.sync_interval_secs"),
        ("ranks-inverted.toml", "line 3", "scoring.ranks.a"),
        ("broken-syntax.toml", "line 2", ""),
        ("bad-enum.toml", "line 3", "ui.theme"),
        ("bad-date-format.toml", "line 2", "ui.date_format"),
    ];
    for (file, line, key) in cases {
        let err = error_for(file);
        assert!(err.contains(file), "{file}: {err}");
        assert!(err.contains(line), "{file}: expected {line}: {err}");
        assert!(err.contains(key), "{file}: expected {key}: {err}");
    }
}

#[test]
fn the_example_config_is_valid_and_states_the_defaults() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let example = Config::parse(&text, &path).unwrap();
    let defaults = Config::default();
    assert_eq!(format!("{example:?}"), format!("{defaults:?}"));
}

#[test]
fn the_example_config_mentions_every_key() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml"))
            .unwrap();
    for key in [
        "[user]",
        "name",
        "[database]",
        "path",
        "[team]",
        "file",
        "sync_interval_secs",
        "[scoring]",
        "half_life_days",
        "[scoring.points]",
        "call",
        "meeting",
        "email",
        "web_visit",
        "document_request",
        "newsletter_signup",
        "seminar",
        "inquiry",
        "note",
        "[scoring.ranks]",
        "[stages.stale_after_days]",
        "considering",
        "future",
        "no_prospect",
        "customer",
        "[sources]",
        "names",
        "[export]",
        "encoding",
        "excel_safe",
        "[ui]",
        "language",
        "date_format",
        "theme",
        "name_order",
        "start_view",
        "[keys]",
    ] {
        assert!(
            text.contains(key),
            "config.example.toml does not mention {key}"
        );
    }
}

#[test]
fn a_valid_config_takes_effect() {
    let path = fixture("config/full.toml");
    let (config, loaded) = Config::load(Some(&path)).unwrap();
    assert_eq!(loaded.as_deref(), Some(path.as_path()));
    assert_eq!(config.user_name(), "山本");
    assert_eq!(config.scoring.ranks.a, 6.0);
    assert_eq!(
        config.scoring.points[ActivityKind::Meeting],
        3.0,
        "unset keys keep their default"
    );
    assert_eq!(config.stages.stale_after_days[Stage::Considering], 7);
    assert_eq!(config.stages.stale_after_days[Stage::Future], 60);
}

#[test]
fn scoring_config_changes_every_score_at_the_next_start() {
    let s = Scratch::new();
    let lead = s.ok(&["lead", "add", "--title", "ミドリ技研"]);
    let lead = lead.trim();
    for kind in ["inquiry", "document_request", "document_request"] {
        s.ok(&["log", kind, "--lead", lead, "--summary", kind]);
    }
    let shown = s.json(&["lead", "show", lead, "--format", "json"]);
    assert_eq!(
        (shown["score"].as_f64(), shown["rank"].as_str()),
        (Some(7.0), Some("B"))
    );
    let config = fixture("config/full.toml");
    let shown = s.json(&[
        "--config",
        config.to_str().unwrap(),
        "lead",
        "show",
        lead,
        "--format",
        "json",
    ]);
    assert_eq!(
        (shown["score"].as_f64(), shown["rank"].as_str()),
        (Some(7.0), Some("A"))
    );
    let listed = s.json(&[
        "--config",
        config.to_str().unwrap(),
        "lead",
        "list",
        "--format",
        "json",
    ]);
    assert_eq!(listed[0]["rank"], "A", "stored ranks follow the config");
}

/// `leadtrack --config FILE ARGS...` in a scratch home: exit 1 and one sentence on stderr.
fn refused(s: &Scratch, file: &str, args: &[&str]) -> String {
    let path = fixture(&format!("config/{file}"));
    let mut all = vec!["--config", path.to_str().unwrap()];
    all.extend_from_slice(args);
    s.fails(&all)
}

#[test]
fn a_bad_keys_section_names_file_line_and_action_from_every_command() {
    let s = Scratch::new();
    let actions = leadtrack::keymap::Action::ALL
        .iter()
        .map(|a| format!("`{}`", a.id()))
        .collect::<Vec<_>>()
        .join(", ");
    let cases = [
        ("keys-unknown-action.toml", "line 6", "`keys.fly`"),
        (
            "keys-bad-chord.toml",
            "line 5",
            "`keys.won`: 'ctrl-banana' is not a key",
        ),
        (
            "keys-conflict.toml",
            "line 6",
            "`keys.won`: 'd' is already the key of `delete` in the board view",
        ),
        ("keys-bad-type.toml", "line 2", "`keys.quit`"),
    ];
    for (file, line, said) in cases {
        for command in [&["check"][..], &["config", "check"], &["lead", "list"]] {
            let err = refused(&s, file, command);
            assert!(
                err.contains(&format!(
                    "config file {}",
                    fixture(&format!("config/{file}")).display()
                )),
                "{file} {command:?}: {err}"
            );
            assert!(
                err.contains(&format!("{line}:")),
                "{file} {command:?}: {err}"
            );
            assert!(err.contains(said), "{file} {command:?}: {err}");
        }
    }
    let err = refused(&s, "keys-unknown-action.toml", &["check"]);
    assert!(err.contains(&actions), "names every action id: {err}");
    assert!(
        !s.db().exists(),
        "no command ran on a config the app refuses"
    );
}

#[test]
fn start_view_is_read_and_a_wrong_one_names_file_line_and_choices() {
    use leadtrack::config::StartView;
    let path = Path::new("config.toml");
    for (value, view) in [
        ("board", StartView::Board),
        ("followups", StartView::Followups),
        ("auto", StartView::Auto),
    ] {
        let text = format!("[ui]\nstart_view = \"{value}\"\n");
        assert_eq!(Config::parse(&text, path).unwrap().ui.start_view, view);
    }
    assert_eq!(Config::default().ui.start_view, StartView::Auto);
    let err = error_for("bad-start-view.toml");
    for part in [
        "bad-start-view.toml",
        "line 3",
        "ui.start_view",
        "followups",
    ] {
        assert!(err.contains(part), "expected {part}: {err}");
    }
}
