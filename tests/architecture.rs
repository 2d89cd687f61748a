//! The shape of the house (STYLE.md): data flows model → store → features → faces, and the
//! two faces (the command line in src/cli, the terminal app in src/tui) never import each
//! other. This reads every file under src/ and fails on a path that crosses a wall: a `use`
//! (groups and `self`/`super` paths resolved) or an inline `crate::…` path. clap belongs to
//! the command line alone: below the faces and in the app, the word `clap` does not occur in
//! code (comments and strings are not code).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::rust_files;
use std::path::Path;

/// Which modules a room may not reach, and whether clap may appear in it.
struct Wall {
    forbidden: &'static [&'static str],
    clap: bool,
}

/// The room of a file under src/ (its first path component), and its wall. None: not checked
/// (the crate root, which declares every module, and the binaries, which are crates of their
/// own).
fn wall(relative: &Path) -> Option<Wall> {
    let first = relative.components().next()?.as_os_str().to_str()?;
    let below_the_faces = Wall {
        forbidden: &["cli", "tui"],
        clap: false,
    };
    match first {
        "cli" => Some(Wall {
            forbidden: &["tui"],
            clap: true,
        }),
        "tui" => Some(Wall {
            forbidden: &["cli"],
            clap: false,
        }),
        "features" | "interchange" | "store" | "model" | "sync" | "scoring.rs" | "followups.rs"
        | "config.rs" | "session.rs" | "keymap.rs" | "error.rs" => Some(below_the_faces),
        _ => None,
    }
}

/// The module path of a file: src/tui/app.rs is `tui::app`, src/tui/mod.rs is `tui`.
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a Rust file as tokens: identifiers (`$crate` is one), `::`, and single
/// punctuation characters; comments and string and character literals left out.
fn tokens(source: &str) -> Vec<String> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == '"' {
            i = skip_string(&chars, i + 1);
        } else if (c == 'r' || c == 'b' || c == 'c') && raw_string_start(&chars, i).is_some() {
            let (hashes, quote) = raw_string_start(&chars, i).unwrap();
            i = quote + 1;
            loop {
                if i >= chars.len() {
                    break;
                }
                if chars[i] == '"' && (1..=hashes).all(|h| at(i + h) == '#') {
                    i += hashes + 1;
                    break;
                }
                i += 1;
            }
        } else if (c == 'b' || c == 'c') && at(i + 1) == '"' {
            i = skip_string(&chars, i + 2);
        } else if c == '\'' && (at(i + 1) == '\\' || (at(i + 2) == '\'' && at(i + 1) != '\'')) {
            // A character literal ('a', '\n', '\u{1b}'); a lifetime has no closing quote.
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
        } else if c == '$' || c.is_alphabetic() || c == '_' {
            let start = i;
            i += 1;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else if c == ':' && at(i + 1) == ':' {
            out.push("::".to_string());
            i += 2;
        } else if c.is_whitespace() || c.is_ascii_digit() {
            i += 1;
        } else {
            out.push(c.to_string());
            i += 1;
        }
    }
    out
}

/// Past the closing quote of a string whose text starts at `i`.
fn skip_string(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '"' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

/// `r"`, `r#"`, `br##"`…: the number of hashes and where the opening quote is.
fn raw_string_start(chars: &[char], i: usize) -> Option<(usize, usize)> {
    if i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_') {
        return None;
    }
    let mut j = i;
    if chars[j] != 'r' {
        j += 1;
    }
    if chars.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let hashes = chars[j..].iter().take_while(|c| **c == '#').count();
    (chars.get(j + hashes) == Some(&'"')).then_some((hashes, j + hashes))
}

fn is_identifier(token: &str) -> bool {
    token.starts_with(|c: char| c.is_alphabetic() || c == '_' || c == '$')
}

/// Every path a `use` declaration brings in, its groups flattened:
/// `use crate::{model, cli::parse as p};` gives `crate::model` and `crate::cli::parse`.
fn use_paths(tokens: &[String]) -> Vec<Vec<String>> {
    fn tree(tokens: &[String], i: &mut usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
        let mut path = prefix;
        while *i < tokens.len() {
            let token = tokens[*i].as_str();
            if token == "{" {
                *i += 1;
                while *i < tokens.len() && tokens[*i] != "}" {
                    tree(tokens, i, path.clone(), out);
                    if tokens.get(*i).is_some_and(|t| t == ",") {
                        *i += 1;
                    }
                }
                *i += 1;
                return;
            } else if token == "::" {
                *i += 1;
            } else if is_identifier(token) || token == "*" {
                path.push(token.to_string());
                *i += 1;
                if tokens.get(*i).is_some_and(|t| t == "as") {
                    *i += 2;
                }
                if tokens.get(*i).is_none_or(|t| t != "::") {
                    out.push(path);
                    return;
                }
            } else {
                out.push(path);
                return;
            }
        }
    }
    let mut out = Vec::new();
    for (n, token) in tokens.iter().enumerate() {
        // `use<'a>` in an `impl Trait` bound captures lifetimes; it imports nothing.
        if token == "use" && tokens.get(n + 1).is_some_and(|t| t != "<") {
            let mut i = n + 1;
            tree(tokens, &mut i, Vec::new(), &mut out);
        }
    }
    out
}

/// Every inline path that starts at the crate or at this module: `crate::cli::x`,
/// `$crate::…`, `super::super::cli`, `self::…`.
fn inline_paths(tokens: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (n, token) in tokens.iter().enumerate() {
        let starts = matches!(token.as_str(), "crate" | "$crate" | "super" | "self");
        let first = n == 0 || tokens[n - 1] != "::";
        if !(starts && first && tokens.get(n + 1).is_some_and(|t| t == "::")) {
            continue;
        }
        let mut path = vec![token.clone()];
        let mut i = n + 1;
        while tokens.get(i).is_some_and(|t| t == "::")
            && tokens.get(i + 1).is_some_and(|t| is_identifier(t))
        {
            path.push(tokens[i + 1].clone());
            i += 2;
        }
        out.push(path);
    }
    out
}

/// A path as seen from the crate root (`crate` left off), for a file in `module`; None for a
/// path that starts elsewhere (std, another crate).
fn resolve(module: &[String], path: &[String]) -> Option<Vec<String>> {
    let mut here: Vec<String> = module.to_vec();
    let mut rest = path;
    match path.first()?.as_str() {
        "crate" | "$crate" => {
            here.clear();
            rest = &path[1..];
        }
        "self" | "super" => {
            while let Some(first) = rest.first() {
                match first.as_str() {
                    "self" => {}
                    "super" => {
                        here.pop()?;
                    }
                    _ => break,
                }
                rest = &rest[1..];
            }
        }
        _ => return None,
    }
    here.extend(rest.iter().cloned());
    Some(here)
}

/// What is wrong with one file, one line per crossing.
fn crossings(relative: &Path, source: &str) -> Vec<String> {
    let Some(wall) = wall(relative) else {
        return Vec::new();
    };
    let module = module_of(relative);
    let tokens = tokens(source);
    let mut problems = Vec::new();
    for path in use_paths(&tokens).into_iter().chain(inline_paths(&tokens)) {
        let Some(target) = resolve(&module, &path) else {
            continue;
        };
        if let Some(face) = target
            .first()
            .filter(|first| wall.forbidden.contains(&first.as_str()))
        {
            problems.push(format!(
                "{}: {} reaches into src/{face}",
                relative.display(),
                path.join("::")
            ));
        }
    }
    if !wall.clap && tokens.iter().any(|t| t == "clap") {
        problems.push(format!(
            "{}: clap belongs to src/cli alone",
            relative.display()
        ));
    }
    problems.sort();
    problems.dedup();
    problems
}

#[test]
fn faces_never_import_each_other_and_clap_stays_in_the_command_line() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut checked = 0;
    let mut problems = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        if wall(relative).is_some() {
            checked += 1;
        }
        problems.extend(crossings(relative, &std::fs::read_to_string(file).unwrap()));
    }
    assert!(checked > 50, "only {checked} files were checked");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_sees_every_way_of_writing_a_crossing() {
    let caught = |file: &str, source: &str| !crossings(Path::new(file), source).is_empty();
    // Caught:
    assert!(caught("features/x.rs", "use crate::cli::parse;"));
    assert!(caught(
        "features/x.rs",
        "use crate::{model::Lead, cli::{parse}};"
    ));
    assert!(caught(
        "features/x.rs",
        "use crate::{\n    model,\n    cli as c,\n};"
    ));
    assert!(caught(
        "features/x.rs",
        "fn f() { crate::cli::parse::stage(); }"
    ));
    assert!(caught("store/x.rs", "use super::super::cli::output;"));
    assert!(caught("tui/mod.rs", "use super::cli;"));
    assert!(caught(
        "tui/views/board.rs",
        "fn f() { super::super::super::cli::run(); }"
    ));
    assert!(caught(
        "model/x.rs",
        "#[derive(clap::ValueEnum)] enum E { A }"
    ));
    assert!(caught("tui/app.rs", "use clap::Parser;"));
    assert!(caught("cli/lead.rs", "use crate::tui::app::App;"));
    assert!(caught("cli/mod.rs", "fn f() { crate::tui::run(); }"));
    assert!(caught("scoring.rs", "use crate::tui::theme;"));
    // Not crossings:
    assert!(!caught(
        "features/x.rs",
        "// crate::cli::parse is the CLI's\nuse crate::model;"
    ));
    assert!(!caught(
        "features/x.rs",
        "const S: &str = \"crate::cli clap\";"
    ));
    assert!(!caught(
        "features/x.rs",
        "const S: &str = r#\"use crate::cli;\"#;"
    ));
    assert!(!caught(
        "features/x.rs",
        "fn f<'a>(c: char) -> bool { c == '\"' }"
    ));
    assert!(!caught("tui/views/board.rs", "use super::super::theme;"));
    assert!(!caught(
        "cli/export.rs",
        "use clap::Subcommand;\nuse crate::features::export;"
    ));
    assert!(!caught("lib.rs", "pub mod cli;\npub mod tui;"));
    assert!(!caught(
        "bin/leadtrack-bench.rs",
        "use leadtrack::tui; use clap::Parser;"
    ));
}
