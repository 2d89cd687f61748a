//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use leadtrack::config::Language;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

pub mod merge_laws;
#[cfg(unix)]
pub mod pg;
#[cfg(unix)]
pub mod server_reps;
#[cfg(unix)]
pub mod unprivileged;

/// A scratch home with its own database path; the real user's config is never read.
pub struct Scratch {
    pub dir: TempDir,
}

impl Scratch {
    pub fn new() -> Scratch {
        Scratch {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("leads.db")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `leadtrack --db <scratch db> ...`, as rep "tester", with no config but the defaults.
    pub fn cmd(&self) -> Command {
        let mut cmd = self.bare();
        cmd.arg("--db").arg(self.db());
        cmd
    }

    /// `leadtrack` in the scratch home, with no database named.
    pub fn bare(&self) -> Command {
        self.at_home(Command::cargo_bin("leadtrack").unwrap())
    }

    /// `bare`, run as a user the permissions of files apply to (see `unprivileged`).
    #[cfg(unix)]
    pub fn bare_as(&self, who: &unprivileged::Unprivileged) -> Command {
        self.at_home(who.leadtrack())
    }

    /// `cmd` with the scratch home as its only environment.
    fn at_home(&self, mut cmd: Command) -> Command {
        cmd.env_clear().envs(self.home_env());
        cmd
    }

    /// `bare` as a plain process, for a test that must start it and kill it or wait on it.
    pub fn process(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_leadtrack"));
        cmd.env_clear().envs(self.home_env());
        cmd
    }

    /// The environment of a command in the scratch home.
    fn home_env(&self) -> Vec<(&'static str, std::ffi::OsString)> {
        let home = self.dir.path();
        let mut env = vec![
            ("HOME", home.as_os_str().to_owned()),
            ("XDG_CONFIG_HOME", home.join("config").into_os_string()),
            ("XDG_DATA_HOME", home.join("data").into_os_string()),
            ("USER", "tester".into()),
        ];
        // Same time zone as this test process, so "tomorrow" means the same day to both.
        if let Some(tz) = std::env::var_os("TZ") {
            env.push(("TZ", tz));
        }
        env
    }

    /// Runs a command that must succeed; returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "leadtrack {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs a command that must fail with exit code 1 and one line on stderr; returns it
    /// (English). The same command with `--lang ja` must fail the same way, in Japanese: so
    /// every error path a test walks is walked in both languages, and each line holds no
    /// word of the other language but what came from the rep (see `speaks_one_language`).
    pub fn fails(&self, args: &[&str]) -> String {
        // A test that chose the language checks that one.
        if let Some(at) = args.iter().position(|a| *a == "--lang") {
            let said = self.refused(args);
            let language = match args.get(at + 1) {
                Some(&"ja") => Language::Ja,
                _ => Language::En,
            };
            speaks_one_language(&said, language, &self.data_of(args));
            return said;
        }
        let english = self.refused(args);
        let mut in_japanese = vec!["--lang", "ja"];
        in_japanese.extend(args);
        let japanese = self.refused(&in_japanese);
        assert!(english.starts_with("error: "), "{english}");
        assert!(japanese.starts_with("エラー："), "{japanese}");
        let data = self.data_of(args);
        speaks_one_language(&japanese, Language::Ja, &data);
        speaks_one_language(&english, Language::En, &data);
        english
    }

    /// Runs a command that must fail with exit code 1 and one line on stderr; returns it.
    fn refused(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "leadtrack {args:?}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(
            err.trim_end().lines().count(),
            1,
            "one sentence expected: {err}"
        );
        err.trim_end().to_string()
    }

    /// What a message may quote: the arguments, the database's path, and the text of every
    /// file (or the names in every folder) an argument names.
    fn data_of(&self, args: &[&str]) -> String {
        let mut data = format!("{} {}", args.join(" "), self.db().display());
        for arg in args {
            let path = Path::new(arg);
            if path.is_file() {
                let bytes = std::fs::read(path).unwrap();
                data.push_str(&String::from_utf8_lossy(&bytes));
                data.push_str(&encoding_rs::SHIFT_JIS.decode(&bytes).0);
                data.push_str(&encoding_rs::UTF_16LE.decode(&bytes).0);
            } else if path.is_dir() {
                for entry in walkdir(path) {
                    data.push_str(&entry);
                    data.push(' ');
                }
            }
        }
        data
    }
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }
}

/// What an attacker puts in a card or a note: a clipboard write (OSC 52), a hyperlink
/// (OSC 8), screen clear and cursor moves (CSI), an 8-bit CSI (C1), bell, backspace, DEL,
/// a right-to-left override and a zero-width space.
pub const HOSTILE: &str = "佐藤\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}]8;;https://evil.example/\u{1b}\\link\u{1b}]8;;\u{1b}\\\u{1b}[2J\u{1b}[999;999H\u{9b}31m\u{7}\u{8}\u{7f}\u{202e}gnp.exe\u{200b}花子";

/// A bidi control or zero-width character: invisible, yet it reorders or hides text.
pub fn is_bidi_or_zero_width(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}'..='\u{200f}' | '\u{feff}')
}

/// The bytes of a database file, to prove a failed command left it as it was.
pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

/// A private PostgreSQL cluster with `reps`, set up for the team by its owner's `team init`
/// (`None` where PostgreSQL is not installed, outside CI).
#[cfg(unix)]
pub fn team_server(s: &Scratch, reps: &[&str]) -> Option<pg::Cluster> {
    let cluster = pg::Cluster::start(reps)?;
    let out = s
        .bare()
        .args(["--team-server", &cluster.url(pg::OWNER), "team", "init"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "team init: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(cluster)
}

/// The first column of every row `sql` reads, as text.
pub fn strings<C: FromIterator<String>>(conn: &rusqlite::Connection, sql: &str) -> C {
    conn.prepare(sql)
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Columns no copy shares with another: row numbers and what each copy derives for itself.
pub const LOCAL_COLUMNS: &[&str] = &[
    "seq",
    "score",
    "rank",
    "board_key",
    "due_key",
    "value_key",
    "quiet_key",
    "sort_key",
    "name_key",
    "match_key",
    // when the row last changed in this database (what a round reads of it next time)
    "touched",
];

/// Everything a copy of the database holds that team sync must agree on, as text: the
/// records with their field stamps, history, stage changes, authors. Local and derived
/// columns are left out.
pub fn shared_state(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut leave_out = LOCAL_COLUMNS.to_vec();
    leave_out.push("last_activity_at");
    state_of(&conn, &leave_out, "")
}

/// The records, history, stage changes and authors of a database as text, without the
/// columns in `leave_out`; `authors_where` filters the authors (`WHERE ...`, or empty).
pub fn state_of(conn: &rusqlite::Connection, leave_out: &[&str], authors_where: &str) -> String {
    let mut out = String::new();
    for (table, order) in [
        ("leads", "id"),
        ("activities", "id"),
        ("contacts", "id"),
        ("lead_contacts", "id"),
        ("contact_values", "id"),
        ("stage_changes", "id"),
        ("history", "record_id, field, value_hlc"),
        ("tag_marks", "record_id, tag"),
        ("campaigns", "id"),
        ("goals", "id"),
        ("segments", "id"),
        ("authors", "node"),
    ] {
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap()
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(|c| c.unwrap())
            .filter(|c| !leave_out.contains(&c.as_str()))
            .collect();
        let filter = if table == "authors" {
            authors_where
        } else {
            ""
        };
        let sql = format!(
            "SELECT {} FROM {table} {filter} ORDER BY {order}",
            columns.join(", ")
        );
        let mut stmt = conn.prepare(&sql).unwrap();
        let rows = stmt
            .query_map([], |r| {
                (0..columns.len())
                    .map(|i| r.get::<_, rusqlite::types::Value>(i))
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .unwrap();
        for row in rows {
            out.push_str(&format!("{table}: {:?}\n", row.unwrap()));
        }
    }
    out
}

/// A database file as an older leadtrack made it: the schema's migration files up to
/// `version`, applied as that build did (tables only, no rows).
pub fn database_at_schema(path: &Path, version: usize) -> rusqlite::Connection {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    let conn = rusqlite::Connection::open(path).unwrap();
    for file in files.iter().take(version) {
        conn.execute_batch(&std::fs::read_to_string(file).unwrap())
            .unwrap();
    }
    conn.execute_batch(&format!(
        "PRAGMA application_id = {}; PRAGMA user_version = {version};",
        leadtrack::store::APPLICATION_ID
    ))
    .unwrap();
    conn
}

/// Every `.rs` file below `dir`, for the tests that read the source itself.
pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Runs the command `make` builds, which must fail with exit code 1 and one line: as it is
/// (English) and with `LEADTRACK_LANG=ja` (Japanese), each line in its language alone
/// (`data` is what the message may quote besides the command's arguments). Returns the
/// English line.
pub fn refused_both(make: impl Fn() -> Command, data: &str) -> String {
    let run = |cmd: &mut Command| {
        let out = cmd.output().unwrap();
        let args: Vec<String> = cmd
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        assert_eq!(out.status.code(), Some(1), "leadtrack {args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(
            err.trim_end().lines().count(),
            1,
            "one sentence expected: {err}"
        );
        (err.trim_end().to_string(), args.join(" "))
    };
    let (english, args) = run(&mut make());
    let (japanese, _) = run(make().env("LEADTRACK_LANG", "ja"));
    assert!(english.starts_with("error: "), "{english}");
    assert!(japanese.starts_with("エラー："), "{japanese}");
    let data = format!("{data} {args}");
    speaks_one_language(&japanese, Language::Ja, &data);
    speaks_one_language(&english, Language::En, &data);
    english
}

/// The paths under `dir`, as text.
fn walkdir(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        out.push(path.display().to_string());
        if path.is_dir() {
            out.extend(walkdir(&path));
        }
    }
    out
}

/// Words a message may hold in either language: names of formats, keys and commands.
const TECHNICAL: &[&str] = &[
    "ID",
    "CSV",
    "ICS",
    "JSON",
    "UTF",
    "UTF-8",
    "UTF-16",
    "BOM",
    "Shift_JIS",
    "vCard",
    "VCARD",
    "BEGIN",
    "END",
    "MiB",
    "MB",
    "Maildir",
    "mbox",
    "From",
    "To",
    "Subject",
    "Date",
    "cur",
    "new",
    "NUL",
    "leadtrack",
    "LEADTRACK_DB",
    "LEADTRACK_LANG",
    "SQLite",
    "os",
    "error",
    "ctrl",
    "enter",
    "pagedown",
    "inbound",
    "outbound",
    "yes",
    "no",
    "unknown",
    "csv",
    "json",
    "vcard",
    "md",
    "ics",
    "work",
    "home",
    "mobile",
    "fax",
    "other",
    "Web",
    "SNS",
    "sources",
    "names",
    "keys",
    "field",
    "title",
    "import",
    "leads",
    "backup",
    "demo",
    "db",
    "force",
    "wal",
    "memory",
    "ctrl-s",
    "down",
    "FAX",
    "true",
    "false",
    "TOML",
];

/// Fails when `line` holds a word of the other language that is not in `data` (what the
/// rep typed or a file they named), the names a rep may type (ids and labels of stages,
/// kinds, roles and sources, in both languages), a `--flag`, a `keys.x` path or a
/// technical word.
pub fn speaks_one_language(line: &str, language: Language, data: &str) {
    use leadtrack::model::{activity, lead, source, stage};
    let sources = leadtrack::config::Config::default().sources.names;
    let typed_names = [
        stage::accepted_names(),
        stage::accepted_names_ja(),
        activity::accepted_names(),
        activity::accepted_names_ja(),
        lead::LinkRole::accepted_names(),
        lead::LinkRole::accepted_names_ja(),
        source::accepted_names(&sources),
        source::accepted_names_ja(&sources),
        leadtrack::model::campaign::accepted_names(),
        leadtrack::model::campaign::accepted_names_ja(),
        leadtrack::model::goal::accepted_names(),
        leadtrack::model::goal::accepted_names_ja(),
        leadtrack::interchange::cards_csv::MAPPABLE.join(" "),
        // Examples that show either language is understood.
        "120万 ¥1,200,000 明日".to_string(),
    ]
    .join(" ");
    let mut rest = line.to_string();
    // Flags, config keys and commands in backquotes are the same in every language; a
    // program's own diagnostic (the TOML reader's) is quoted in 〔〕 as it said it.
    for quoted in line.split('`').skip(1).step_by(2) {
        rest = rest.replace(&format!("`{quoted}`"), " ");
    }
    while let (Some(open), Some(close)) = (rest.find('〔'), rest.find('〕')) {
        if close < open {
            break;
        }
        rest.replace_range(open..close + '〕'.len_utf8(), " ");
    }
    let foreign: Vec<String> = match language {
        Language::Ja => rest
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.'))
            .filter(|w| !w.starts_with("--"))
            .map(|w| w.trim_matches(|c: char| c == '-' || c == '.'))
            .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 2)
            .filter(|w| !w.contains('.') && !w.contains('_'))
            .filter(|w| !TECHNICAL.contains(w) && !typed_names.contains(w) && !data.contains(w))
            .map(str::to_string)
            .collect(),
        Language::En => japanese_runs(&rest)
            .into_iter()
            .filter(|run| !typed_names.contains(run.as_str()) && !data.contains(run.as_str()))
            .collect(),
    };
    assert!(
        foreign.is_empty(),
        "{foreign:?} in a {} message that is not data: {line}",
        match language {
            Language::Ja => "Japanese",
            Language::En => "English",
        }
    );
}

/// The runs of Japanese letters (kana, kanji, full-width forms) in `text`.
fn japanese_runs(text: &str) -> Vec<String> {
    let japanese = |c: char| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}' | '\u{3000}'..='\u{303f}');
    text.split(|c: char| !japanese(c))
        .filter(|run| !run.is_empty())
        .map(str::to_string)
        .collect()
}

/// What `app` shows on a `w`×`h` screen once settled, a line of text per row (a wide
/// character once, its second cell skipped; trailing blanks cut).
pub fn screen(app: &mut leadtrack::tui::app::App, w: u16, h: u16) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    leadtrack::tui::draw_settled(&mut terminal, app).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..w {
            let symbol = buffer[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
