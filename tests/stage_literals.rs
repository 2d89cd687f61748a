//! A stage is spelled in one place: no stage id appears as a string literal (`"customer"`,
//! or `'customer'` inside SQL) in src/ outside the stage's own definition and the
//! migrations. Queries take their stage lists from `store::stage_sql`, code from `Stage`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use leadtrack::model::Stage;
mod common;

use common::rust_files;
use std::path::Path;

/// Where stage ids are written out on purpose.
const ALLOWED: [&str; 3] = [
    "src/model/stage.rs",
    "src/store/migrations.rs",
    "src/store/migrations/",
];

/// Literals that happen to be a stage's id but mean something else: (file, literal, why).
const UNRELATED: [(&str, &str, &str); 1] = [(
    "src/model/contact_value.rs",
    "\"customer\"",
    "a role mailbox (customer@...), not the stage",
)];

/// Each stage id as a literal, in Rust (`"id"`) and in SQL (`'id'`).
fn literals() -> Vec<String> {
    Stage::ALL
        .iter()
        .flat_map(|stage| [format!("\"{}\"", stage.id()), format!("'{}'", stage.id())])
        .collect()
}

/// The `file:line: literal` of every stage id literal in `text`; comments are prose.
fn offenders(file: &str, text: &str) -> Vec<String> {
    let literals = literals();
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        for literal in &literals {
            let unrelated = UNRELATED.iter().any(|(f, l, _)| *f == file && l == literal);
            if line.contains(literal.as_str()) && !unrelated {
                found.push(format!("{file}:{}: {literal}", i + 1));
            }
        }
    }
    found
}

#[test]
fn no_stage_id_is_spelled_outside_the_stage_and_the_migrations() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    assert!(files.len() > 20, "src/ was not read: {files:?}");
    let mut found = Vec::new();
    for path in files {
        let file = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if ALLOWED.iter().any(|allowed| file.starts_with(allowed)) {
            continue;
        }
        found.extend(offenders(&file, &std::fs::read_to_string(&path).unwrap()));
    }
    assert!(
        found.is_empty(),
        "stage ids spelled out (use Stage, or store::stage_sql in SQL):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_sees_ids_in_rust_and_in_sql_but_not_in_comments() {
    let id = Stage::Customer.id();
    let text = format!(
        "let a = 1;\n\
         conn.execute(\"UPDATE leads SET stage = '{id}'\")?;\n\
         // stage != '{id}' is the old way\n\
         if s == \"{id}\" {{}}\n"
    );
    assert_eq!(
        offenders("src/x.rs", &text),
        [
            format!("src/x.rs:2: '{id}'"),
            format!("src/x.rs:4: \"{id}\"")
        ]
    );
    assert!(
        offenders("src/model/contact_value.rs", "    \"customer\",\n").is_empty(),
        "the role mailbox is not the stage"
    );
}
