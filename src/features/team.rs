//! Setting up a team server and moving a file team onto it (`leadtrack team init`,
//! `leadtrack team migrate`), for the CLI and any other face.

use crate::error::{Error, Result};
use crate::store::Store;
use crate::store::server::schema::Initialised;
use crate::store::server::{Server, Target};
use serde::Serialize;
use std::path::Path;

/// Creates or upgrades the team's schema on the server and grants it to `group`.
pub fn init(target: &Target, group: &str) -> Result<Initialised> {
    let mut server = Server::connect(target)?;
    server.init(group, &crate::model::ids::new_id())
}

/// What `team migrate` did.
#[derive(Debug, Clone, Serialize)]
pub struct Migrated {
    pub file: String,
    pub server: String,
    /// Rows the team file holds (records, history, stage changes, tag marks, authors).
    pub held: usize,
    /// Rows the server did not hold yet.
    pub pushed: usize,
}

/// Pushes everything the team file at `from` holds, with its ids, stamps, authors and
/// history, in one transaction. The server takes the file's team id when it holds nothing
/// yet, so the reps' databases of that team sync with it as they are.
pub fn migrate(target: &Target, from: &Path) -> Result<Migrated> {
    let shown = from.display().to_string();
    if !from.is_file() {
        return Err(Error::said(
            "error-no-such-file",
            [("path", shown.as_str())],
        ));
    }
    let file = Store::open(from, "leadtrack")?;
    let team = file
        .team_id()?
        .ok_or_else(|| Error::said("error-not-a-team-file", [("path", shown.as_str())]))?;
    let mut server = Server::connect(target)?;
    server.team()?;
    server.take_team_id(&team)?;
    // The file's rows go out as its own: a node of their own on the server, which stamped
    // none of them, so every author stays as the file says.
    let node = format!("migrated:{}", file.author().node);
    let mut held = 0;
    let pushed = server.push(&node, 0, |send| {
        held = file.outgoing_all(2000, send)?.rows;
        Ok(())
    })?;
    Ok(Migrated {
        file: shown,
        server: server.shown().to_string(),
        held,
        pushed: pushed.new,
    })
}
