//! `leadtrack-bench frame|browse|syncing|panic`: the app driven without a user, for the performance
//! suite (`cargo bench --bench performance`) to time and measure whole processes, and for
//! the end-to-end test of a panic (tests/e2e_tmux.rs).
//!
//! Built only with the `bench-driver` feature (tests and benchmarks turn it on through the
//! crate's dev-dependency on itself), so the `leadtrack` a user installs has no such command
//! and no way to a deliberate panic.

use clap::{Parser, Subcommand};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use leadtrack::error::{Error, Result};
use leadtrack::i18n::Said;
use leadtrack::model::dates::today;
use leadtrack::session::Session;
use leadtrack::tui::{self, app::App};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(Debug, Parser)]
#[command(
    name = "leadtrack-bench",
    about = "The app without a terminal, for the performance suite."
)]
struct Args {
    /// The database file, as for `leadtrack`.
    #[arg(long, env = "LEADTRACK_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    /// The config file, as for `leadtrack`.
    #[arg(long, env = "LEADTRACK_CONFIG", value_name = "PATH")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    job: Job,
}

#[derive(Debug, Clone, Copy, Subcommand)]
enum Job {
    /// Open the app and draw the board once on a headless screen (first-frame time).
    Frame,
    /// Browse the way a rep does (columns, pages, details, search, every view) on a headless
    /// screen, then print the peak resident memory in KiB.
    Browse,
    /// Move through the board and move leads for `seconds` while the app's sync rounds run
    /// in the background against the config's team file; then print, in milliseconds, the
    /// p50 and p99 of a selection move (j) and of a saved stage move (L/H), the rounds that
    /// finished, and the peak resident memory in KiB.
    Syncing {
        #[arg(long, default_value_t = 30)]
        seconds: u64,
    },
    /// Open the app full-screen on the real terminal, draw the board, then panic on purpose:
    /// shows that a panic leaves the terminal as it was.
    Panic,
}

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<()> {
    let session = Session::open(args.db.as_deref(), args.config.as_deref())?;
    let mut app = App::new(session, today())?;
    if let Job::Panic = args.job {
        panic_full_screen(&mut app);
    }
    let mut screen = Terminal::new(TestBackend::new(WIDTH, HEIGHT))
        .map_err(|e| Error::Io(Said::new("error-terminal", [("reason", e.to_string())])))?;
    tui::draw(&mut screen, &mut app)?;
    if let Job::Browse = args.job {
        for key in browsing() {
            app.on_key(key);
            tui::draw(&mut screen, &mut app)?;
        }
        say(&peak_memory_kib().unwrap_or(0).to_string())?;
    }
    if let Job::Syncing { seconds } = args.job {
        let team = app_team(args)?;
        app.start_sync(team);
        let (moves, saves, rounds) = keys_while_syncing(&mut app, &mut screen, seconds)?;
        let (m50, m99) = percentiles(moves);
        let (s50, s99) = percentiles(saves);
        let peak = peak_memory_kib().unwrap_or(0);
        say(&format!(
            "{m50:.2} {m99:.2} {s50:.2} {s99:.2} {rounds} {peak}"
        ))?;
        app.stop_sync();
    }
    Ok(())
}

fn say(line: &str) -> Result<()> {
    writeln!(std::io::stdout(), "{line}").map_err(|e| {
        Error::Io(Said::new(
            "error-cannot-write-output",
            [("reason", e.to_string())],
        ))
    })
}

/// The team (file or server) of the config the app was opened with.
fn app_team(args: &Args) -> Result<leadtrack::sync::Team> {
    let session = Session::open(args.db.as_deref(), args.config.as_deref())?;
    leadtrack::sync::Team::choose(None, None, &session.config.team)?
        .ok_or_else(|| Error::said_plain("cli-no-team-file"))
}

/// Keystrokes at a rep's pace while rounds run: the time of each from key to frame, of
/// moves and of saved stage changes, and how many rounds finished meanwhile.
fn keys_while_syncing(
    app: &mut App,
    screen: &mut Terminal<TestBackend>,
    seconds: u64,
) -> Result<(Vec<f64>, Vec<f64>, usize)> {
    let (mut moves, mut saves) = (Vec::new(), Vec::new());
    let mut rounds = 0;
    let until = Instant::now() + Duration::from_secs(seconds);
    while Instant::now() < until {
        for code in ['j', 'L', 'H'] {
            let started = Instant::now();
            app.on_key(key(KeyCode::Char(code)));
            tui::draw(screen, app)?;
            let took = started.elapsed().as_secs_f64() * 1000.0;
            if code == 'j' {
                moves.push(took);
            } else {
                saves.push(took);
            }
        }
        let before = app.sync_rounds();
        app.tick(today());
        rounds += app.sync_rounds() - before;
        // The pause between a rep's keystrokes.
        std::thread::sleep(Duration::from_millis(30));
    }
    Ok((moves, saves, rounds))
}

/// The p50 and p99 of `samples`.
fn percentiles(mut samples: Vec<f64>) -> (f64, f64) {
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| {
        let i = ((samples.len() as f64 - 1.0) * q).round() as usize;
        samples.get(i).copied().unwrap_or(0.0)
    };
    (at(0.5), at(0.99))
}

/// What the app does on the real terminal (`ratatui::init`, which also installs the hook that
/// restores the terminal on a panic), then the panic no user path may reach.
#[allow(clippy::panic)]
fn panic_full_screen(app: &mut App) -> ! {
    let mut terminal = ratatui::init();
    let _ = tui::draw(&mut terminal, app);
    panic!("a deliberate panic (leadtrack-bench panic), after the board was drawn");
}

/// A rep's tour of the app: down the columns a few pages, into leads and back, a search,
/// then every view.
fn browsing() -> Vec<KeyEvent> {
    // From the board, whichever view the app opened on.
    let mut keys = vec![key(KeyCode::Char('1'))];
    for column in 0..3 {
        if column > 0 {
            keys.push(key(KeyCode::Char('l')));
        }
        keys.extend(std::iter::repeat_n(key(KeyCode::Char('j')), 50));
        keys.extend(std::iter::repeat_n(key(KeyCode::PageDown), 20));
        keys.push(key(KeyCode::Enter));
        keys.push(key(KeyCode::Esc));
        keys.push(key(KeyCode::Char('G')));
        keys.push(key(KeyCode::Char('g')));
    }
    keys.push(key(KeyCode::Char('/')));
    keys.extend("やまもと".chars().map(|c| key(KeyCode::Char(c))));
    keys.push(key(KeyCode::Esc));
    for view in ['2', '3', '4', '5', '6', '1'] {
        keys.push(key(KeyCode::Char(view)));
        keys.extend(std::iter::repeat_n(key(KeyCode::PageDown), 20));
    }
    keys
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// `VmHWM` of /proc/self/status: the most resident memory the process has had (Linux).
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
}
