//! `leadtrack bench ...` (hidden): the app driven without a terminal, for the performance
//! suite (`cargo bench --bench performance`) to time and measure whole processes.

use super::Session;
use crate::error::{Error, Result};
use crate::model::dates::today;
use crate::tui::app::App;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[derive(Debug, clap::Subcommand)]
pub enum BenchCommand {
    /// Open the app and draw the board once on a headless screen (first-frame time).
    Frame,
    /// Browse the way a rep does (columns, pages, details, search, every view) on a headless
    /// screen, then print the peak resident memory in KiB.
    Browse,
    /// Open the app full-screen on the real terminal, draw the board, then panic on purpose:
    /// shows that a panic leaves the terminal as it was (tests/e2e_tmux.rs).
    Panic,
}

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

pub fn run(session: Session, command: &BenchCommand) -> Result<bool> {
    let mut app = App::new(session, today())?;
    if let BenchCommand::Panic = command {
        panic_full_screen(&mut app);
    }
    let mut screen = Terminal::new(TestBackend::new(WIDTH, HEIGHT))
        .map_err(|e| Error::Io(format!("the headless screen failed: {e}")))?;
    let mut draw = |app: &mut App| crate::tui::draw(&mut screen, app);
    draw(&mut app)?;
    if let BenchCommand::Browse = command {
        for key in browsing() {
            app.on_key(key);
            draw(&mut app)?;
        }
        outln!("{}", peak_memory_kib().unwrap_or(0))?;
    }
    Ok(true)
}

/// What the app does on the real terminal (`ratatui::init`, which also installs the hook that
/// restores the terminal on a panic), then the panic no user path may reach.
#[allow(clippy::panic)]
fn panic_full_screen(app: &mut App) -> ! {
    let mut terminal = ratatui::init();
    let _ = crate::tui::draw(&mut terminal, app);
    panic!("a deliberate panic (leadtrack bench panic), after the board was drawn");
}

/// A rep's tour of the app: down the columns a few pages, into leads and back, a search,
/// then every view.
fn browsing() -> Vec<KeyEvent> {
    let mut keys = Vec::new();
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
