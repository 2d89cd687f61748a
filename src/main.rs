//! `leadtrack`: with no command the terminal app, else one command of the command line.
//! Errors become one sentence on stderr and exit code 1.

use clap::Parser;
use leadtrack::cli::{self, Cli};
use leadtrack::session::Session;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => Session::open(cli.db.as_deref(), cli.config.as_deref())
            .and_then(leadtrack::tui::run)
            .map(|()| true),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
