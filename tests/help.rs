//! `--help` in the rep's language (issue 16). The Japanese help catalog
//! (`assets/locales/help-ja.ftl`) against the command tree, both ways; every command's help in
//! Japanese, with no English word that is not a flag, a value name, an id, a format or a name;
//! the language found as the rest of leadtrack finds it, before clap has understood the line;
//! English help still clap's own, from the doc comments.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use clap::{Command, CommandFactory};
use common::Scratch;
use leadtrack::cli::Cli;
use leadtrack::cli::help::{arg_id, command_id};
use leadtrack::i18n::help::{HELP_JA_FTL, clap_words};
use std::collections::{BTreeMap, BTreeSet};

/// Every command of the tree with its path, leadtrack itself (`[]`) first.
fn commands() -> Vec<(Vec<String>, Command)> {
    fn walk(command: &Command, path: Vec<String>, out: &mut Vec<(Vec<String>, Command)>) {
        out.push((path.clone(), command.clone()));
        for sub in command.get_subcommands() {
            let mut below = path.clone();
            below.push(sub.get_name().to_string());
            walk(sub, below, out);
        }
    }
    let mut out = Vec::new();
    walk(&Cli::command(), Vec::new(), &mut out);
    out
}

/// What the catalog must hold: each place of the tree by its id, with the attributes it needs
/// (`long`, `after`, a possible value that has a description).
fn places() -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (path, command) in commands() {
        let id = command_id(&path);
        // Text the translation does not reach would stay English: it must not exist yet.
        assert!(
            command.get_before_help().is_none()
                && command.get_before_long_help().is_none()
                && command.get_after_long_help().is_none(),
            "{id}: before_help or after_long_help is not translated by src/cli/help.rs"
        );
        let mut attributes = BTreeSet::new();
        if command.get_long_about().is_some() {
            attributes.insert("long".to_string());
        }
        if command.get_after_help().is_some() {
            attributes.insert("after".to_string());
        }
        out.insert(id.clone(), attributes);
        for arg in command.get_arguments() {
            let mut attributes = BTreeSet::new();
            if arg.get_long_help().is_some() {
                attributes.insert("long".to_string());
            }
            if arg.get_action().takes_values() {
                for value in arg.get_possible_values() {
                    if value.get_help().is_some() && !value.is_hide_set() {
                        attributes.insert(value.get_name().to_string());
                    }
                }
            }
            out.insert(arg_id(&id, arg), attributes);
        }
    }
    out
}

/// The catalog's messages with their attributes, read line by line: an id starts a line, an
/// attribute (`.long =`) starts an indented one.
fn catalog(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !line.starts_with(' ') {
            let (id, _) = line.split_once(" =").expect("a message line");
            assert!(!out.contains_key(id), "{id} is in help-ja.ftl twice");
            out.insert(id.to_string(), BTreeSet::new());
            current = Some(id.to_string());
        } else if let Some((attribute, _)) = line
            .trim_start()
            .strip_prefix('.')
            .and_then(|rest| rest.split_once(" ="))
        {
            let id = current.as_ref().expect("an attribute after a message");
            let fresh = out.get_mut(id).unwrap().insert(attribute.to_string());
            assert!(fresh, "{id}.{attribute} is in help-ja.ftl twice");
        }
    }
    out
}

#[test]
fn the_help_catalog_parses_and_names_every_place_of_the_command_tree_and_no_other() {
    if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(HELP_JA_FTL.to_string()) {
        panic!("help-ja.ftl does not parse: {errors:?}");
    }
    let mut expected = places();
    for word in clap_words::ALL {
        expected.insert(word.to_string(), BTreeSet::new());
    }
    let found = catalog(HELP_JA_FTL);
    let missing: Vec<String> = expected
        .iter()
        .flat_map(|(id, attributes)| match found.get(id) {
            None => vec![id.clone()],
            Some(there) => attributes
                .difference(there)
                .map(|a| format!("{id}.{a}"))
                .collect(),
        })
        .collect();
    assert!(missing.is_empty(), "not in help-ja.ftl: {missing:?}");
    let stray: Vec<String> = found
        .iter()
        .flat_map(|(id, attributes)| match expected.get(id) {
            None => vec![id.clone()],
            Some(wanted) => attributes
                .difference(wanted)
                .map(|a| format!("{id}.{a}"))
                .collect(),
        })
        .collect();
    assert!(
        stray.is_empty(),
        "in help-ja.ftl, naming no command, argument or value: {stray:?}"
    );
}

#[test]
fn the_catalog_check_sees_a_missing_and_a_stray_entry() {
    let found = catalog("help-lead = リード\n    .long = 長い説明\nhelp-lead--nope = ない\n");
    assert!(found["help-lead"].contains("long"));
    assert!(!places().contains_key("help-lead--nope"));
    assert!(places().contains_key("help-lead-add--title"));
    assert!(places()["help-import-cards--encoding"].contains("windows-1252"));
}

/// Names, not words: formats, programs and products a rep knows by these names.
const NAMES: &[&str] = &[
    "ID",
    "CSV",
    "JSON",
    "ICS",
    "vCard",
    "UTF-8",
    "BOM",
    "Shift_JIS",
    "CP932",
    "Excel",
    "Windows",
    "Outlook",
    "Eight",
    "Sansan",
    "Markdown",
    "mbox",
    "Maildir",
    "mutt",
    "aerc",
    "roff",
    "man",
    "OS",
    "URL",
    "FAX",
    "PostgreSQL",
    "postgresql",
    "leadtrack",
    "leadtrack.db",
    "config.toml",
    "yes",
    "no",
    "unknown",
    "inbound",
    "outbound",
    "help",
];

/// Words Japanese help may hold: what a rep types (command names, flags, value names, the
/// values an option takes, its default, its environment variable), the ids of stages, kinds,
/// roles and sources, and `NAMES`.
fn names_a_rep_types() -> BTreeSet<String> {
    use leadtrack::model::{ActivityKind, Stage, lead::LinkRole};
    let mut words: BTreeSet<String> = NAMES.iter().map(|w| w.to_string()).collect();
    let mut command = Cli::command();
    command.build();
    let mut built = vec![command];
    while let Some(command) = built.pop() {
        words.insert(command.get_name().to_string());
        for arg in command.get_arguments() {
            words.insert(arg.get_id().to_string());
            words.extend(arg.get_long().map(str::to_string));
            for value in arg.get_possible_values() {
                words.insert(value.get_name().to_string());
            }
            for value in arg.get_default_values() {
                words.insert(value.to_string_lossy().into_owned());
            }
            words.extend(arg.get_env().map(|e| e.to_string_lossy().into_owned()));
        }
        built.extend(command.get_subcommands().cloned());
    }
    words.extend(Stage::ALL.map(|s| s.id().to_string()));
    words.extend(ActivityKind::ALL.map(|k| k.id().to_string()));
    words.extend(LinkRole::ALL.map(|r| r.id().to_string()));
    words.extend(leadtrack::model::campaign::CampaignKind::ALL.map(|k| k.id().to_string()));
    words.extend(leadtrack::model::goal::Metric::ALL.map(|m| m.id().to_string()));
    words.extend(leadtrack::config::Config::default().sources.names);
    words
}

/// The English words of `help` (Japanese help) that are not names: a flag (`--title`, `-h`), a
/// placeholder (`<TITLE>`, `[OPTIONS]`) or what stands in backquotes (an example to type) is
/// not read as a word.
fn english_words(help: &str, names: &BTreeSet<String>) -> Vec<String> {
    let mut rest = String::new();
    for (i, part) in help.split('`').enumerate() {
        if i % 2 == 0 {
            rest.push_str(part);
        }
        rest.push(' ');
    }
    // Placeholders: `<TITLE>`, `<HEADER=field>`, and bracketed capitals `[OPTIONS]`, `[COMMAND]`.
    while let Some(open) = rest.find('<') {
        let close = rest[open..].find('>').map_or(rest.len(), |c| open + c + 1);
        rest.replace_range(open..close, " ");
    }
    let mut cleaned = String::new();
    for (i, part) in rest.split('[').enumerate() {
        match part.split_once(']') {
            Some((inside, after))
                if i > 0
                    && !inside.is_empty()
                    && inside
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c == '_' || c == '.') =>
            {
                cleaned.push(' ');
                cleaned.push_str(after);
            }
            _ if i > 0 => {
                cleaned.push('[');
                cleaned.push_str(part);
            }
            _ => cleaned.push_str(part),
        }
    }
    cleaned
        .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')))
        .filter(|w| !w.starts_with('-'))
        .map(|w| w.trim_end_matches(['.', '-']))
        .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 2)
        .filter(|w| !names.contains(*w))
        .map(str::to_string)
        .collect()
}

/// Fails when `help` (Japanese help, of `what`) holds an English word that is not a name.
fn speaks_japanese(help: &str, names: &BTreeSet<String>, what: &str) {
    let english = english_words(help, names);
    assert!(
        english.is_empty(),
        "{english:?} in the Japanese help of {what}:\n{help}"
    );
    assert!(help.contains("使い方: "), "{what}:\n{help}");
}

#[test]
fn the_english_word_check_finds_what_is_planted() {
    let names = names_a_rep_types();
    let line = "使い方: leadtrack lead add [OPTIONS] --title <TITLE>\n  -h, --help  ヘルプを表示 [既定値: table] `John Smith`";
    assert!(english_words(line, &names).is_empty());
    assert_eq!(
        english_words("リードを追加 Print help [possible values: csv]", &names),
        ["Print", "possible", "values"]
    );
    assert_eq!(english_words("Usage: leadtrack", &names), ["Usage"]);
}

/// `leadtrack <args>`'s help on standard output (exit 0), in a scratch home with no config.
fn help_of(command: &mut assert_cmd::Command, what: &str) -> String {
    let out = command.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_command_s_help_is_in_japanese_with_no_english_word_but_names() {
    let s = Scratch::new();
    let names = names_a_rep_types();
    let mut walked = 0;
    for (path, _) in commands() {
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        let shown = format!("leadtrack {}", path.join(" "));
        for flag in ["--help", "-h"] {
            let help = help_of(
                s.bare().args(["--lang", "ja"]).args(&path).arg(flag),
                &shown,
            );
            speaks_japanese(&help, &names, &format!("{shown} {flag}"));
        }
        // clap's `help` command shows the same help (the long one) from the parent.
        let help = help_of(
            s.bare().env("LEADTRACK_LANG", "ja").arg("help").args(&path),
            &shown,
        );
        speaks_japanese(&help, &names, &format!("leadtrack help {}", path.join(" ")));
        walked += 1;
    }
    assert!(walked > 40, "only {walked} commands");
}

#[test]
fn help_is_in_japanese_by_the_flag_the_environment_the_config_or_the_locale() {
    let s = Scratch::new();
    let names = names_a_rep_types();
    let japanese = |command: &mut assert_cmd::Command, what: &str| {
        let help = help_of(command, what);
        speaks_japanese(&help, &names, what);
        help
    };
    let english = |command: &mut assert_cmd::Command, what: &str| {
        let help = help_of(command, what);
        assert!(help.contains("Usage: leadtrack"), "{what}:\n{help}");
        assert!(!help.contains("使い方"), "{what}:\n{help}");
    };

    let top = japanese(
        s.bare().args(["--lang", "ja", "--help"]),
        "--lang ja --help",
    );
    assert!(top.contains("営業担当者のための"), "{top}");
    let add = japanese(
        s.bare().args(["--lang", "ja", "lead", "add", "--help"]),
        "--lang ja lead add --help",
    );
    assert!(add.contains("--title <TITLE>"), "{add}");
    assert!(add.contains("案件名"), "{add}");
    japanese(
        s.bare().args(["lead", "add", "--lang=ja", "--help"]),
        "lead add --lang=ja --help",
    );
    let cards = japanese(
        s.bare()
            .env("LEADTRACK_LANG", "ja")
            .args(["import", "cards", "--help"]),
        "LEADTRACK_LANG=ja import cards --help",
    );
    assert!(cards.contains("名刺を取り込みます"), "{cards}");
    japanese(
        s.bare()
            .env("LANG", "ja_JP.UTF-8")
            .args(["stats", "--help"]),
        "LANG=ja_JP.UTF-8 stats --help (no config)",
    );
    english(
        s.bare()
            .env("LANG", "en_US.UTF-8")
            .args(["stats", "--help"]),
        "LANG=en_US.UTF-8",
    );
    english(
        s.bare()
            .env("LANG", "ja_JP.UTF-8")
            .args(["--lang", "en", "stats", "--help"]),
        "--lang en over the locale",
    );
    english(
        s.bare()
            .env("LANG", "ja_JP.UTF-8")
            .env("LEADTRACK_LANG", "en")
            .args(["stats", "--help"]),
        "LEADTRACK_LANG=en over the locale",
    );

    // The config's `[ui] language`: the platform file, `--config`, `LEADTRACK_CONFIG`.
    let platform = s.path("config/leadtrack/config.toml");
    std::fs::create_dir_all(platform.parent().unwrap()).unwrap();
    std::fs::write(&platform, "[ui]\nlanguage = \"ja\"\n").unwrap();
    japanese(s.bare().args(["lead", "--help"]), "[ui] language = ja");
    english(
        s.bare().args(["--lang", "en", "lead", "--help"]),
        "--lang en over the config",
    );
    std::fs::remove_file(&platform).unwrap();
    let named = s.path("mine.toml");
    std::fs::write(&named, "[ui]\nlanguage = \"ja\"\n").unwrap();
    japanese(
        s.bare().arg("--config").arg(&named).args(["log", "--help"]),
        "--config mine.toml",
    );
    // Help shows the variable's value, as clap does: the path is data.
    let help = help_of(
        s.bare()
            .env("LEADTRACK_CONFIG", &named)
            .args(["log", "--help"]),
        "LEADTRACK_CONFIG=mine.toml",
    );
    let shown = format!("[環境変数: LEADTRACK_CONFIG={}]", named.display());
    assert!(help.contains(&shown), "{help}");
    speaks_japanese(
        &help.replace(&shown, ""),
        &names,
        "LEADTRACK_CONFIG=mine.toml",
    );
    // A config that does not load does not stop help: the locale decides.
    let broken = s.path("broken.toml");
    std::fs::write(&broken, "[ui\nlanguage = \"ja\"").unwrap();
    japanese(
        s.bare()
            .env("LANG", "ja_JP.UTF-8")
            .arg("--config")
            .arg(&broken)
            .args(["log", "--help"]),
        "a broken config, LANG=ja_JP.UTF-8",
    );
    english(
        s.bare()
            .arg("--config")
            .arg(&broken)
            .args(["log", "--help"]),
        "a broken config, no locale",
    );
}

#[test]
fn japanese_help_says_clap_s_own_words_in_japanese() {
    let s = Scratch::new();
    let ja = |args: &[&str]| help_of(s.bare().args(["--lang", "ja"]).args(args), "help");

    let top = ja(&["--help"]);
    for line in [
        "使い方: leadtrack [OPTIONS] [COMMAND]",
        "コマンド:\n  demo ",
        "  help         このヘルプ、または指定したコマンドのヘルプを表示",
        "オプション:\n      --db <PATH>",
        "[環境変数: LEADTRACK_DB=]",
        "  -h, --help\n          ヘルプを表示（-h で要約）",
        "  -V, --version\n          バージョンを表示",
        "日付：今日、明日、+3d",
    ] {
        assert!(top.contains(line), "{line:?} not in:\n{top}");
    }
    let summary = ja(&["-h"]);
    assert!(
        summary.contains("  -h, --help               ヘルプを表示（--help で詳しく）\n"),
        "{summary}"
    );

    let cards = ja(&["import", "cards", "--help"]);
    for line in [
        "引数:\n  <FILE>...",
        "指定できる値:\n          - auto:         バイト列が正しい UTF-8 なら",
        "- windows-1252: 欧文 Windows のコードページ",
        "[既定値: auto]",
        "報告の形式 [既定値: table] [指定できる値: table, json]",
    ] {
        assert!(cards.contains(line), "{line:?} not in:\n{cards}");
    }
    let short = ja(&["import", "cards", "-h"]);
    assert!(
        short.contains(
            "文字コード [既定値: auto] [指定できる値: auto, utf-8, shift_jis, windows-1252]"
        ),
        "{short}"
    );
    let add = ja(&["lead", "add", "--help"]);
    assert!(
        add.contains("  -h, --help                           ヘルプを表示\n"),
        "{add}"
    );
}

#[test]
fn help_and_refusals_exit_as_clap_makes_them_exit() {
    let s = Scratch::new();
    // A command group without its command shows its help on stderr, with clap's code 2.
    let out = s.bare().args(["--lang", "ja", "lead"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let help = String::from_utf8(out.stderr).unwrap();
    assert!(
        help.contains("使い方: leadtrack lead [OPTIONS] <COMMAND>"),
        "{help}"
    );
    assert!(
        help.contains("リードを追加し、その ID を表示します"),
        "{help}"
    );

    let version = help_of(s.bare().args(["--lang", "ja", "--version"]), "--version");
    assert_eq!(
        version,
        format!("leadtrack {}\n", env!("CARGO_PKG_VERSION"))
    );

    // What clap refuses goes to stderr with clap's code 2, in the rep's language.
    let out = s
        .bare()
        .args(["--lang", "ja", "lead", "add", "--bogus"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let refusal = String::from_utf8(out.stderr).unwrap();
    assert!(
        refusal.starts_with("エラー：「--bogus」という引数はありません。"),
        "{refusal}"
    );
}

/// A refusal of the mistyped line `args` in Japanese: clap's code 2, nothing on stdout, and on
/// stderr `エラー：`, where to read more, and no English word but names and what was typed.
fn refused_in_japanese(command: &mut assert_cmd::Command, args: &[&str], what: &str) -> String {
    let out = command.args(args).output().unwrap();
    let refusal = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{what}:\n{refusal}");
    assert!(out.stdout.is_empty(), "{what}: stdout not empty");
    assert!(refusal.starts_with("エラー："), "{what}:\n{refusal}");
    assert!(
        refusal.ends_with("\n\n詳しくは '--help' を付けて実行してください。\n"),
        "{what}:\n{refusal}"
    );
    let mut names = names_a_rep_types();
    names.extend(args.iter().map(|a| a.to_string()));
    let english = english_words(&refusal, &names);
    assert!(english.is_empty(), "{english:?} in {what}:\n{refusal}");
    refusal
}

#[test]
fn clap_s_refusals_of_a_mistyped_line_are_in_japanese_by_the_flag_and_the_environment() {
    let s = Scratch::new();
    // Each kind of refusal, with what it must say.
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["lead", "add", "--titel", "x"],
            &[
                "エラー：「--titel」という引数はありません。もしかして --title ですか？\n",
                "\n\n使い方: leadtrack lead add --title <TITLE>\n\n",
            ],
        ),
        (
            &["lead", "lsit"],
            &[
                "エラー：「lsit」というコマンドはありません。もしかして list ですか？\n",
                "使い方: leadtrack lead [OPTIONS] <COMMAND>",
            ],
        ),
        (
            &["lead", "add"],
            &[
                "エラー：次の引数が必要です：\n  --title <TITLE>\n\n使い方: leadtrack lead add --title <TITLE>",
            ],
        ),
        (
            &["export", "leads", "--format", "xml"],
            &[
                "エラー：「xml」は「--format <FORMAT>」に指定できません。\n  [指定できる値: csv, json, vcard]\n",
            ],
        ),
        (
            &["lead", "list", "--limit", "abc"],
            &["エラー：「abc」は「--limit <LIMIT>」に指定できません：整数ではありません。"],
        ),
        (
            &["export", "contacts", "--vcard-version", "5"],
            &["：3 から 4 までの数にしてください。"],
        ),
        (
            &["lead", "add", "--title"],
            &["エラー：「--title <TITLE>」に値がありません。"],
        ),
        (
            &["lead", "list", "--limit", "3", "--limit", "4"],
            &["エラー：「--limit <LIMIT>」は一度しか指定できません。"],
        ),
        (
            &["lead", "--", "add"],
            &["\n  「add」というコマンドがあります。使うには前の「--」を外してください。\n"],
        ),
    ];
    for (args, said) in cases {
        let what = format!("leadtrack {}", args.join(" "));
        let by_flag = refused_in_japanese(
            s.bare().args(["--lang", "ja"]),
            args,
            &format!("--lang ja, {what}"),
        );
        let by_environment = refused_in_japanese(
            s.bare().env("LEADTRACK_LANG", "ja"),
            args,
            &format!("LEADTRACK_LANG=ja, {what}"),
        );
        // The usage line names what was given (with the variable set, `--lang <LANG>`), as
        // clap's does: the rest is the same.
        for part in *said {
            for refusal in [&by_flag, &by_environment] {
                assert!(refusal.contains(part), "{part:?} not in {what}:\n{refusal}");
            }
        }
    }

    // leadtrack's own parser refuses `--lang fr` in its own words, from the catalog; the
    // language is then the environment's or the locale's.
    for (name, value) in [("LEADTRACK_LANG", "ja"), ("LANG", "ja_JP.UTF-8")] {
        let refusal = refused_in_japanese(
            s.bare().env(name, value),
            &["--lang", "fr", "lead", "list"],
            &format!("{name}={value} --lang fr"),
        );
        assert!(
            refusal.starts_with(
                "エラー：「fr」は「--lang <LANG>」に指定できません：「fr」は言語ではありません。en か ja を指定してください\n"
            ),
            "{refusal}"
        );
    }
}

#[test]
fn clap_s_refusals_stay_clap_s_english_for_an_english_rep() {
    let s = Scratch::new();
    let english = |command: &mut assert_cmd::Command| {
        let out = command.output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        String::from_utf8(out.stderr).unwrap()
    };
    let unknown = "error: unexpected argument '--titel' found\n\n  tip: a similar argument exists: '--title'\n\nUsage: leadtrack lead add --title <TITLE>\n\nFor more information, try '--help'.\n";
    assert_eq!(
        english(s.bare().args(["lead", "add", "--titel", "x"])),
        unknown
    );
    assert_eq!(
        english(
            s.bare()
                .env("LANG", "ja_JP.UTF-8")
                .args(["--lang", "en", "lead", "add", "--titel", "x"])
        ),
        unknown
    );
    assert_eq!(
        english(s.bare().args(["--lang", "fr", "lead", "list"])),
        "error: invalid value 'fr' for '--lang <LANG>': 'fr' is not a language (en or ja)\n\nFor more information, try '--help'.\n"
    );
}

/// The runs of Japanese letters (kana, kanji, full-width forms and punctuation) in `text`.
fn japanese_runs(text: &str) -> BTreeSet<String> {
    let japanese = |c: char| matches!(c, '\u{3000}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}');
    text.split(|c: char| !japanese(c))
        .filter(|run| !run.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn english_help_stays_the_doc_comments_with_no_japanese_of_its_own() {
    let s = Scratch::new();
    let add = help_of(s.bare().args(["lead", "add", "--help"]), "lead add --help");
    for line in [
        "Add a lead; prints its id\n",
        "Usage: leadtrack lead add [OPTIONS] --title <TITLE>\n",
        "Options:\n",
        "      --source-detail <SOURCE_DETAIL>  E.g. the exhibition's name\n",
        "      --due <DUE>                      When the next action is due: +3d, tomorrow, friday, 12/1, 2026-12-01, 明日...\n",
        "  -h, --help                           Print help\n",
    ] {
        assert!(add.contains(line), "{line:?} not in:\n{add}");
    }

    // Japanese in English help is what the doc comments show as examples (明日, 展示会), and
    // nothing of the Japanese help.
    let mut examples = BTreeSet::new();
    for (_, command) in commands() {
        let mut texts: Vec<String> = [
            command.get_about(),
            command.get_long_about(),
            command.get_after_help(),
        ]
        .into_iter()
        .flatten()
        .map(ToString::to_string)
        .collect();
        for arg in command.get_arguments() {
            texts.extend(
                [arg.get_help(), arg.get_long_help()]
                    .into_iter()
                    .flatten()
                    .map(ToString::to_string),
            );
            for value in arg.get_possible_values() {
                texts.extend(value.get_help().map(ToString::to_string));
            }
        }
        for text in texts {
            examples.extend(japanese_runs(&text));
        }
    }
    for (path, _) in commands() {
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        for flag in ["--help", "-h"] {
            let help = help_of(
                s.bare().env("LANG", "en_US.UTF-8").args(&path).arg(flag),
                "English help",
            );
            let foreign: Vec<String> = japanese_runs(&help)
                .into_iter()
                .filter(|run| !examples.contains(run))
                .collect();
            assert!(
                foreign.is_empty(),
                "{foreign:?} in the English help of leadtrack {} {flag}:\n{help}",
                path.join(" ")
            );
            assert!(help.contains("Usage: leadtrack"), "{help}");
        }
    }
}
