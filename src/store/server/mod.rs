//! The team server: a PostgreSQL database holding the team's changes (SPEC §5, issue of
//! teams past a shared file). The only place that speaks its SQL.
//!
//! Each rep's SQLite database stays the working copy. A round pushes the rows this database
//! changed since its last push and pulls the rows others pushed since its last pull, each in
//! one transaction, both by watermark: the local generation for what goes out, the server's
//! change sequence for what comes in.

mod connect;
pub mod schema;
pub mod snapshot;

pub use connect::Target;

use crate::error::{Error, Result};
use crate::i18n::Arg;
use postgres::{Client, Row};

/// The channel a push notifies, so the apps listening pull at once.
pub const CHANNEL: &str = "leadtrack_changes";

/// How many rows go to the server in one statement.
const BATCH: usize = 5000;
/// How many rows come from the server at a time.
const PULL_BATCH: i32 = 2000;

/// One row pushed or pulled: a record's state or a fact, as JSON with its local columns.
#[derive(Debug, Clone)]
pub struct Change {
    pub kind: &'static str,
    pub key: String,
    /// The record it belongs to (what a purge erases by).
    pub record: String,
    pub row: String,
}

/// What a push sent, and how much of it the server did not hold yet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Pushed {
    pub sent: usize,
    pub new: usize,
}

/// An open connection to the team server.
pub struct Server {
    client: Client,
    shown: String,
    role: String,
}

impl Server {
    pub fn connect(target: &Target) -> Result<Server> {
        let client = target.connect()?;
        Ok(Server {
            client,
            shown: target.shown().to_string(),
            role: target.user(),
        })
    }

    pub fn shown(&self) -> &str {
        &self.shown
    }

    pub fn role(&self) -> &str {
        &self.role
    }

    /// Pushes what `rows` hands over, in one transaction: all of it or nothing. `node` is the
    /// pushing database (bound to this role on its first push); `pulled` is the last change
    /// it took in, so the server can drop the rows the pushed ones hold already.
    pub fn push(
        &mut self,
        node: &str,
        pulled: i64,
        rows: impl FnOnce(&mut dyn FnMut(Vec<Change>) -> Result<()>) -> Result<()>,
    ) -> Result<Pushed> {
        let shown = self.shown.clone();
        let fail = |e: postgres::Error| refused(&e, &shown);
        let mut tx = self.client.transaction().map_err(fail)?;
        tx.execute(
            "INSERT INTO leadtrack.nodes (node) VALUES ($1) ON CONFLICT (node) DO NOTHING",
            &[&node],
        )
        .map_err(fail)?;
        let bound: String = tx
            .query_one(
                "SELECT role::text FROM leadtrack.nodes WHERE node = $1",
                &[&node],
            )
            .map_err(fail)?
            .get(0);
        if bound != self.role {
            return Err(Error::said(
                "error-team-node-bound",
                [
                    ("server", shown.as_str()),
                    ("bound", bound.as_str()),
                    ("role", self.role.as_str()),
                ],
            ));
        }
        let mut sent = 0;
        let mut send = |batch: Vec<Change>| -> Result<()> {
            // Seqs in commit order: a reader past seq N never misses a push that commits
            // later with a smaller one. Taken only when there is something to push: a round
            // with nothing to send never waits on another's push.
            if sent == 0 && !batch.is_empty() {
                tx.batch_execute(
                    "LOCK TABLE leadtrack.changes IN SHARE ROW EXCLUSIVE MODE;
                     CREATE TEMP TABLE incoming (kind text, key text, record text, row jsonb)
                       ON COMMIT DROP;",
                )
                .map_err(fail)?;
            }
            for chunk in batch.chunks(BATCH) {
                let kinds: Vec<&str> = chunk.iter().map(|c| c.kind).collect();
                let keys: Vec<&str> = chunk.iter().map(|c| c.key.as_str()).collect();
                let records: Vec<&str> = chunk.iter().map(|c| c.record.as_str()).collect();
                let rows: Vec<&str> = chunk.iter().map(|c| c.row.as_str()).collect();
                tx.execute(
                    "INSERT INTO incoming SELECT k, y, r, w::jsonb
                     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u (k, y, r, w)",
                    &[&kinds, &keys, &records, &rows],
                )
                .map_err(fail)?;
                sent += chunk.len();
            }
            Ok(())
        };
        rows(&mut send)?;
        if sent == 0 {
            return Ok(Pushed::default());
        }
        // A row the server holds as it is adds nothing (a push sent again after a round cut
        // short, a team file migrated twice).
        let new = tx
            .execute(
                "INSERT INTO leadtrack.changes (kind, key, record, row, node, pushed_by)
                 SELECT kind, key, record, row, $1, current_user FROM incoming i
                 WHERE NOT EXISTS (SELECT 1 FROM leadtrack.changes c
                                   WHERE c.kind = i.kind AND c.key = i.key AND c.row = i.row)",
                &[&node],
            )
            .map_err(fail)?;
        // What this database pushes holds every row of the same key it had taken in; a
        // row it sent as the server holds it already stays (it is the row pushed).
        tx.execute(
            "DELETE FROM leadtrack.changes c USING incoming i
             WHERE c.kind = i.kind AND c.key = i.key AND c.seq <= $1 AND c.row <> i.row",
            &[&pulled],
        )
        .map_err(fail)?;
        // A purge pushed erases the person's rows; so does one the server holds already,
        // from rows of that person pushed by a rep who had not pulled it yet.
        tx.execute(
            "SELECT leadtrack.erase(ARRAY(
                 SELECT key FROM incoming WHERE kind = 'purged'
                 UNION
                 SELECT p.key FROM incoming i JOIN leadtrack.changes p
                   ON p.kind = 'purged' AND (p.key = i.record OR p.key = i.row->>'contact_id')))",
            &[],
        )
        .map_err(fail)?;
        // Said with the pushing database's node, so its own app does not pull for it.
        if new > 0 {
            tx.execute("SELECT pg_notify($1, $2)", &[&CHANNEL, &node])
                .map_err(fail)?;
        }
        tx.commit().map_err(fail)?;
        Ok(Pushed {
            sent,
            new: usize::try_from(new).unwrap_or(usize::MAX),
        })
    }

    /// Gives a server that holds no changes yet the team id `team` (a team file moving
    /// there keeps its own, so its reps' databases are already of this team); a server
    /// holding another team's changes is refused.
    pub fn take_team_id(&mut self, team: &str) -> Result<()> {
        let shown = self.shown.clone();
        let fail = |e: postgres::Error| refused(&e, &shown);
        let mut tx = self.client.transaction().map_err(fail)?;
        let held: String = tx
            .query_one("SELECT id FROM leadtrack.team FOR UPDATE", &[])
            .map_err(fail)?
            .get(0);
        if held == team {
            return Ok(());
        }
        let empty: bool = tx
            .query_one("SELECT NOT EXISTS (SELECT 1 FROM leadtrack.changes)", &[])
            .map_err(fail)?
            .get(0);
        if !empty {
            return Err(Error::said(
                "error-team-server-other-team",
                [("server", shown.as_str())],
            ));
        }
        tx.execute("UPDATE leadtrack.team SET id = $1", &[&team])
            .map_err(fail)?;
        tx.commit().map_err(fail)
    }

    /// Hands each change pushed after `since` to `each`, in order, from one snapshot of the
    /// server, as `read` made it of its kind and row text; returns the last seq handed over
    /// (`since` when there was none). Rows this database pushed itself are not handed back;
    /// those `read` leaves (`None`) are passed over.
    pub fn pull<T: Send>(
        &mut self,
        since: i64,
        node: &str,
        read: impl Fn(&str, &str) -> Result<Option<T>> + Sync,
        mut each: impl FnMut(T) -> Result<()>,
    ) -> Result<i64> {
        let shown = self.shown.clone();
        let client = &mut self.client;
        let read = &read;
        // Fetched from the server, read, and taken in here, each on its own thread: a fetch
        // waits for the server's whole batch, so a new rep's first pull (the whole team)
        // costs the longest of the three rather than their sum.
        std::thread::scope(|scope| {
            // Made inside the scope: whichever way a thread leaves it, its receiver goes
            // first and the thread before it, waiting to send, stops.
            let (fetched, to_read) = std::sync::mpsc::sync_channel::<Result<Vec<Row>>>(2);
            let (made, received) = std::sync::mpsc::sync_channel::<Result<Vec<Pulled<T>>>>(2);
            let fetcher = spawn_in(scope, "team server pull", move || {
                if let Err(e) = fetch_changes(client, since, node, &shown, &fetched) {
                    // The reader may have stopped meanwhile, with an error of its own.
                    let _ = fetched.send(Err(e));
                }
            })?;
            let reader = spawn_in(scope, "team server rows", move || {
                for batch in to_read.iter() {
                    let rows = batch.and_then(|rows| {
                        rows.iter()
                            .map(|row| Ok((row.get(0), read(row.get(1), row.get(2))?)))
                            .collect()
                    });
                    let failed = rows.is_err();
                    if made.send(rows).is_err() || failed {
                        return;
                    }
                }
            })?;
            let mut last = since;
            let mut taken = Ok(());
            for batch in received.iter() {
                let rows = match batch {
                    Ok(rows) => rows,
                    Err(e) => {
                        taken = Err(e);
                        break;
                    }
                };
                for (seq, row) in rows {
                    if let Some(row) = row {
                        each(row)?;
                    }
                    last = seq;
                }
            }
            // Stopped early (an error): the reader's next send fails, then the fetcher's,
            // and its transaction rolls back.
            drop(received);
            let _ = reader.join();
            let _ = fetcher.join();
            taken.map(|()| last)
        })
    }

    /// Waits for a push from another database than `node`, `patience` at most; whether one
    /// came.
    pub fn wait_for_push(&mut self, node: &str, patience: std::time::Duration) -> Result<bool> {
        use postgres::fallible_iterator::FallibleIterator;
        let shown = self.shown.clone();
        let mut notifications = self.client.notifications();
        let mut heard = notifications
            .timeout_iter(patience)
            .next()
            .map_err(|e| refused(&e, &shown))?
            .is_some_and(|n| n.payload() != node);
        // A burst of pushes is one pull.
        while let Some(n) = notifications
            .iter()
            .next()
            .map_err(|e| refused(&e, &shown))?
        {
            heard |= n.payload() != node;
        }
        Ok(heard)
    }

    /// Starts hearing of other reps' pushes (see `wait_for_push`).
    pub fn listen(&mut self) -> Result<()> {
        let shown = self.shown.clone();
        self.client
            .batch_execute(&format!("LISTEN {CHANNEL}"))
            .map_err(|e| refused(&e, &shown))
    }
}

/// One pulled change: its sequence and what the pull's `read` made of it.
type Pulled<T> = (i64, Option<T>);

/// Starts `work` on a thread of `scope` named `name`.
fn spawn_in<'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    name: &str,
    work: impl FnOnce() + Send + 'scope,
) -> Result<std::thread::ScopedJoinHandle<'scope, ()>> {
    std::thread::Builder::new()
        .name(name.into())
        .spawn_scoped(scope, work)
        .map_err(|e| Error::invalid(e.to_string()))
}

/// Fetches the changes past `since` that another database than `node` pushed (their seq,
/// kind and row text), in one read-only transaction through a cursor, a batch at a time
/// into `batches`: the client holds a few batches, however much there is to pull (a new
/// rep's first round pulls the whole team). Stops when the taker has gone.
fn fetch_changes(
    client: &mut Client,
    since: i64,
    node: &str,
    shown: &str,
    batches: &std::sync::mpsc::SyncSender<Result<Vec<Row>>>,
) -> Result<()> {
    let fail = |e: postgres::Error| refused(&e, shown);
    let mut tx = client
        .build_transaction()
        .read_only(true)
        .isolation_level(postgres::IsolationLevel::RepeatableRead)
        .start()
        .map_err(fail)?;
    let portal = tx
        .bind(
            "SELECT seq, kind, row::text FROM leadtrack.changes
             WHERE seq > $1 AND node <> $2 ORDER BY seq",
            &[&since, &node],
        )
        .map_err(fail)?;
    loop {
        let rows = tx.query_portal(&portal, PULL_BATCH).map_err(fail)?;
        if rows.is_empty() {
            break;
        }
        if batches.send(Ok(rows)).is_err() {
            return Ok(());
        }
    }
    tx.commit().map_err(fail)
}

/// A PostgreSQL error as one sentence: a refused login or missing grant names the role and
/// what to do; anything else is the server being out of reach, and the rep works locally.
pub(crate) fn refused(e: &postgres::Error, shown: &str) -> Error {
    use postgres::error::SqlState;
    let Some(db) = e.as_db_error() else {
        // The client gave up before the server answered: for want of a password (none in
        // the address, PGPASSWORD or ~/.pgpass), or one the server's challenge refused.
        let said = e.to_string();
        if said.starts_with("invalid configuration") || said.starts_with("authentication error") {
            return Error::said(
                "error-team-server-login",
                [
                    ("server", Arg::from(shown)),
                    ("reason", Arg::quoted(reason(e))),
                ],
            );
        }
        return unreachable(shown, Arg::quoted(reason(e)));
    };
    let code = db.code();
    let message = Arg::quoted(db.message().to_string());
    let server = Arg::from(shown);
    if *code == SqlState::INVALID_PASSWORD
        || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
        || *code == SqlState::INVALID_CATALOG_NAME
    {
        Error::said(
            "error-team-server-login",
            [("server", server), ("reason", message)],
        )
    } else if *code == SqlState::INSUFFICIENT_PRIVILEGE {
        Error::said(
            "error-team-server-no-grant",
            [("server", server), ("reason", message)],
        )
    } else if code.code().starts_with("08")
        || code.code().starts_with("57")
        || code.code().starts_with("53")
    {
        unreachable(shown, message)
    } else {
        Error::said(
            "error-team-server-failed",
            [("server", server), ("reason", message)],
        )
    }
}

fn unreachable(shown: &str, reason: Arg) -> Error {
    Error::said(
        "error-team-server-unreachable",
        [("server", Arg::from(shown)), ("reason", reason)],
    )
}

/// Why a connection failed, in the fewest words ("connection refused", "timed out").
fn reason(e: &postgres::Error) -> String {
    let mut source: Option<&dyn std::error::Error> = std::error::Error::source(e);
    let mut deepest = None;
    while let Some(s) = source {
        deepest = Some(s.to_string());
        source = s.source();
    }
    deepest.unwrap_or_else(|| e.to_string())
}

/// Whether `e` says the server was out of reach (the round can wait).
pub fn is_unreachable(e: &Error) -> bool {
    matches!(e, Error::Said(said) if said.id == "error-team-server-unreachable")
}
