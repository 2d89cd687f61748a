//! A progress bar on stderr for imports and exports that take more than a moment; nothing
//! when stderr is not a terminal (scripts, pipes, tests).

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

/// Below this many records a job is quick enough to need no bar.
const WORTH_A_BAR: usize = 2_000;

pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar for `total` records (None when unknown), shown only on a terminal.
    pub fn new(total: Option<usize>, what: &str) -> Progress {
        let big = total.is_none_or(|t| t >= WORTH_A_BAR);
        if !big || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = match total {
            Some(t) => {
                let bar = ProgressBar::new(t as u64);
                bar.set_style(
                    ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} ({eta})")
                        .unwrap_or_else(|_| ProgressStyle::default_bar()),
                );
                bar
            }
            None => {
                let bar = ProgressBar::new_spinner();
                bar.set_style(
                    ProgressStyle::with_template("{spinner} {msg} {pos}")
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                );
                bar
            }
        };
        bar.set_message(what.to_string());
        Progress { bar: Some(bar) }
    }

    pub fn tick(&self, done: usize) {
        if let Some(bar) = &self.bar
            && done.is_multiple_of(256)
        {
            bar.set_position(done as u64);
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
