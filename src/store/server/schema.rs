//! The team server's schema: numbered migrations recorded on the server, applied by
//! `leadtrack team init` as the database's owner in one transaction, and the grants that
//! open the team's tables to its group role and to no one else.

use super::{Server, refused};
use crate::error::{Error, Result};

/// The server migrations, in order; only ever added to.
const MIGRATIONS: [&str; 4] = [
    include_str!("migrations/0001_changes.sql"),
    include_str!("migrations/0002_role_names_kept.sql"),
    include_str!("migrations/0003_snapshots.sql"),
    include_str!("migrations/0004_nurturing.sql"),
];

/// The newest server schema this leadtrack knows.
pub const LATEST: i32 = MIGRATIONS.len() as i32;

/// What `team init` did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Initialised {
    pub server: String,
    pub group: String,
    /// The schema before (0: a new team database) and after.
    pub from_version: i32,
    pub version: i32,
    pub team_id: String,
}

/// The schema version the server holds (0 when it holds none).
pub(crate) fn version(
    client: &mut impl postgres::GenericClient,
) -> std::result::Result<i32, postgres::Error> {
    let exists: bool = client
        .query_one(
            "SELECT to_regclass('leadtrack.migrations') IS NOT NULL",
            &[],
        )?
        .get(0);
    if !exists {
        return Ok(0);
    }
    let row = client.query_one(
        "SELECT coalesce(max(version), 0) FROM leadtrack.migrations",
        &[],
    )?;
    Ok(row.get(0))
}

impl Server {
    /// Creates or upgrades the team's schema and grants it to `group` (which must exist),
    /// in one transaction. `team_id` names the team on a new server (a team file moving
    /// there keeps its own).
    pub fn init(&mut self, group: &str, team_id: &str) -> Result<Initialised> {
        let shown = self.shown.clone();
        let fail = |e: postgres::Error| refused(&e, &shown);
        let mut tx = self.client.transaction().map_err(fail)?;
        let group_exists: bool = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
                &[&group],
            )
            .map_err(fail)?
            .get(0);
        if !group_exists {
            return Err(Error::said(
                "error-team-group-missing",
                [("group", group), ("server", shown.as_str())],
            ));
        }
        let from_version = version(&mut tx).map_err(fail)?;
        if from_version > LATEST {
            return Err(newer(&shown, from_version));
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(from_version as usize) {
            tx.batch_execute(sql).map_err(fail)?;
            let number = i as i32 + 1;
            tx.execute(
                "INSERT INTO leadtrack.migrations (version) VALUES ($1)",
                &[&number],
            )
            .map_err(fail)?;
        }
        tx.execute(
            "INSERT INTO leadtrack.team (id) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM leadtrack.team)",
            &[&team_id],
        )
        .map_err(fail)?;
        let team: String = tx
            .query_one("SELECT id FROM leadtrack.team", &[])
            .map_err(fail)?
            .get(0);
        tx.batch_execute(&grants(&quote_ident(group)))
            .map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(Initialised {
            server: shown,
            group: group.to_string(),
            from_version,
            version: LATEST,
            team_id: team,
        })
    }

    /// The team this server holds; refuses a server without leadtrack's tables and one set
    /// up by a newer leadtrack.
    pub fn team(&mut self) -> Result<String> {
        let shown = self.shown.clone();
        let fail = |e: postgres::Error| refused(&e, &shown);
        let found = version(&mut self.client).map_err(fail)?;
        if found == 0 {
            return Err(Error::said(
                "error-team-server-empty",
                [("server", shown.as_str())],
            ));
        }
        if found > LATEST {
            return Err(newer(&shown, found));
        }
        let row = self
            .client
            .query_one("SELECT id FROM leadtrack.team", &[])
            .map_err(fail)?;
        Ok(row.get(0))
    }
}

fn newer(shown: &str, found: i32) -> Error {
    Error::NewerSchema {
        path: shown.to_string(),
        found: i64::from(found),
        known: i64::from(LATEST),
    }
}

/// The team's tables for its group and for no one else: a role outside it cannot even look
/// into the schema. Snapshots are the owner's to write; a rep reads them, and a purge a rep
/// pushes deletes those made before it.
fn grants(group: &str) -> String {
    format!(
        "REVOKE ALL ON SCHEMA leadtrack FROM PUBLIC;
         REVOKE ALL ON ALL TABLES IN SCHEMA leadtrack FROM PUBLIC;
         REVOKE ALL ON ALL FUNCTIONS IN SCHEMA leadtrack FROM PUBLIC;
         GRANT USAGE ON SCHEMA leadtrack TO {group};
         GRANT SELECT ON leadtrack.migrations, leadtrack.team TO {group};
         GRANT SELECT, INSERT ON leadtrack.nodes TO {group};
         GRANT SELECT, INSERT, UPDATE, DELETE ON leadtrack.changes TO {group};
         GRANT USAGE ON SEQUENCE leadtrack.change_seq TO {group};
         GRANT SELECT, DELETE ON leadtrack.snapshots, leadtrack.snapshot_parts TO {group};
         GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA leadtrack TO {group};"
    )
}

/// A role name as an SQL identifier (grants take no parameters).
fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}
