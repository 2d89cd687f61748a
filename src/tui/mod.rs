//! The terminal app (SPEC §3): ratatui over the same features as the command line.

pub mod app;
pub mod forms;
mod lists;
mod open;
pub mod pager;
pub mod popups;
mod prepare;
mod save;
pub mod screen;
pub mod theme;
pub mod undo;
pub mod views;
pub mod words;

use crate::error::{Error, Result};
use crate::i18n::{Said, io_reason};
use crate::model::dates::today;
use crate::session::Session;
use app::{App, Outcome};
use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::execute;
use std::io::Write;
use std::time::{Duration, Instant};

/// How often the app looks for changes made by other processes.
const POLL: Duration = Duration::from_millis(500);

/// Runs the app full-screen until the user quits. The terminal is restored on every way
/// out, a panic included (`ratatui::init` installs the hook). `config`: the file named by
/// `--config` (else the platform one is meant).
pub fn run(
    session: Session,
    team: Option<crate::sync::Team>,
    config: Option<std::path::PathBuf>,
) -> Result<()> {
    let mut app = App::new(session, today())?;
    if config.is_some() {
        app.config_path = config;
    }
    if let Some(team) = team {
        app.start_sync(team);
    }
    let mut terminal = ratatui::init();
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, &mut app);
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

/// One frame: `prepare` reads what the screen will show, then the views draw from state
/// alone. Everything that draws the app (the event loop, tests, the benchmarks) goes
/// through here.
pub fn draw<B: ratatui::backend::Backend>(
    terminal: &mut ratatui::Terminal<B>,
    app: &mut App,
) -> Result<()> {
    let size = terminal
        .size()
        .map_err(|e| Error::Io(Said::new("error-terminal", [("reason", e.to_string())])))?;
    app.prepare(ratatui::layout::Rect::new(0, 0, size.width, size.height));
    terminal
        .draw(|frame| app.render(frame))
        .map(drop)
        .map_err(|e| Error::Io(Said::new("error-terminal", [("reason", e.to_string())])))
}

/// `draw`, then the frames that read what it left for a quiet moment: the screen once
/// nothing more is coming, as the event loop shows it while no key is pending (tests).
pub fn draw_settled<B: ratatui::backend::Backend>(
    terminal: &mut ratatui::Terminal<B>,
    app: &mut App,
) -> Result<()> {
    draw(terminal, app)?;
    while app.waiting_reads() {
        app.allow_slow_reads();
        draw(terminal, app)?;
    }
    Ok(())
}

fn io(e: std::io::Error) -> Error {
    Error::Io(Said::new("error-terminal", [("reason", io_reason(&e))]))
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> Result<()> {
    let mut last_poll = Instant::now();
    loop {
        draw(terminal, app)?;
        // What the frame left for a quiet moment (a filtered board's counts) is read now,
        // unless the rep is already typing: their key comes first.
        if app.waiting_reads() && !event::poll(Duration::ZERO).map_err(io)? {
            app.allow_slow_reads();
            continue;
        }
        let wait = POLL.saturating_sub(last_poll.elapsed());
        if event::poll(wait).map_err(io)? {
            match event::read().map_err(io)? {
                Event::Key(key) => match app.on_key(key) {
                    Outcome::Quit => {
                        app.stop_sync();
                        return Ok(());
                    }
                    Outcome::Continue => {}
                    Outcome::ExternalEdit(text) => {
                        let edited = edit_externally(terminal, &text);
                        app.finish_external_edit(edited);
                    }
                },
                Event::Paste(text) => app.on_paste(&text),
                _ => {}
            }
        }
        if last_poll.elapsed() >= POLL {
            app.tick(today());
            last_poll = Instant::now();
        }
    }
}

/// Leaves the full screen, runs `$VISUAL`/`$EDITOR` (else `vi`) on the text, comes back.
/// `None` when the editor could not run or exited with an error.
fn edit_externally(terminal: &mut ratatui::DefaultTerminal, text: &str) -> Option<String> {
    let editor = std::env::var("VISUAL")
        .ok()
        .filter(|e| !e.trim().is_empty())
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|e| !e.trim().is_empty())
        })
        .unwrap_or_else(|| "vi".to_string());
    let mut file = tempfile::Builder::new()
        .prefix("leadtrack-")
        .suffix(".txt")
        .tempfile()
        .ok()?;
    file.write_all(text.as_bytes()).ok()?;
    file.flush().ok()?;
    ratatui::restore();
    let mut parts = editor.split_whitespace();
    let program = parts.next()?;
    let status = std::process::Command::new(program)
        .args(parts)
        .arg(file.path())
        .status();
    *terminal = ratatui::init();
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    let _ = terminal.clear();
    match status {
        Ok(s) if s.success() => std::fs::read_to_string(file.path()).ok(),
        _ => None,
    }
}
