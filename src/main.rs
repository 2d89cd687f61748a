//! `leadtrack`: with no command the terminal app, else one command of the command line.
//! Errors become one sentence on stderr and exit code 1.

use leadtrack::cli;
use leadtrack::session::Session;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Help (`--help`, a group without its command) in the rep's language.
    let cli = cli::help::parse(std::env::args_os().collect());
    let result = match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => Session::open(cli.db.as_deref(), cli.config.as_deref())
            .and_then(|mut session| {
                cli.apply_language(&mut session);
                cli.apply_team(&mut session)?;
                let team = leadtrack::sync::Team::choose(None, None, &session.config.team)?;
                leadtrack::tui::run(session, team, cli.config.clone())
            })
            .map(|()| true),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        // The reader of the output went away (`| head`): nothing went wrong here.
        Err(leadtrack::Error::OutputClosed) => ExitCode::SUCCESS,
        Err(e) => {
            // `--lang` (or `LEADTRACK_LANG`), else the config's (when it reads), else the
            // locale's.
            let language = cli.language();
            // Messages quote file contents and names: nothing in them may drive the terminal.
            let message = leadtrack::model::text::display_safe_multiline(&e.message(language));
            eprintln!(
                "{}",
                leadtrack::tr!(language, "error-line", message = message)
            );
            ExitCode::FAILURE
        }
    }
}
