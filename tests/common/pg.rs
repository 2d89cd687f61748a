//! A private PostgreSQL cluster for one test: `initdb` in a temporary folder, a server
//! listening only on a unix socket in that folder (so any port is free), stopped and removed
//! when the test ends. Run as `nobody` when the tests run as root (PostgreSQL refuses root).
//!
//! Where the PostgreSQL server programs are missing, `start` says so and the test is
//! skipped, except under `CI=true`: `.ci/run` installs them, and a missing server there is a
//! failure.

use std::path::{Path, PathBuf};
use std::process::Command;

const NOBODY: u32 = 65534;

/// The database the team shares, its owner (not a superuser) and the team's group.
pub const DB: &str = "sales";
pub const OWNER: &str = "team_admin";
pub const GROUP: &str = "leadtrack_team";
/// The password of the role `careful` (a member of the group whose password is checked).
pub const PASSWORD: &str = "kaigi-2026";

pub struct Cluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    as_nobody: bool,
    pub port: u16,
    durable: bool,
}

/// The folder of the newest PostgreSQL server programs on this machine.
fn server_programs() -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|bin| bin.join("initdb").is_file() && bin.join("pg_ctl").is_file())
        .collect();
    found.sort_by_key(|p| {
        p.parent()
            .and_then(|v| v.file_name())
            .and_then(|v| v.to_str())
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(0)
    });
    found.pop().or_else(|| {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .find(|dir| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file())
        })
    })
}

impl Cluster {
    /// A running cluster with the team's database, owner and group, and a login role for
    /// each of `reps` (members of the group) and `outsider` (not a member); None (with the
    /// reason printed) where PostgreSQL is not installed and this is not CI.
    pub fn start(reps: &[&str]) -> Option<Cluster> {
        Cluster::start_as(reps, false)
    }

    /// `start`; `durable`: the server syncs its writes to disk as a production one does (the
    /// benchmarks), where the tests skip it.
    pub fn start_as(reps: &[&str], durable: bool) -> Option<Cluster> {
        let Some(bin) = server_programs() else {
            let reason = "the PostgreSQL server programs (initdb, pg_ctl) are not installed";
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("{reason}: .ci/run installs the postgresql package");
            }
            eprintln!("{reason}: skipping this team-server test (.ci/run installs them)");
            return None;
        };
        let as_nobody = running_as_root();
        let dir = tempfile::Builder::new()
            .prefix("leadtrack-pg-")
            .tempdir()
            .unwrap();
        if as_nobody {
            std::os::unix::fs::chown(dir.path(), Some(NOBODY), Some(NOBODY)).unwrap();
        }
        let cluster = Cluster {
            dir,
            bin,
            as_nobody,
            port: 5432,
            durable,
        };
        cluster.run(
            "initdb",
            &[
                "-D",
                &cluster.data().display().to_string(),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
        );
        // Every role logs in over the socket without a password, but `careful`, whose
        // password is checked (the wrong-password refusal).
        std::fs::write(
            cluster.data().join("pg_hba.conf"),
            "local all careful scram-sha-256\nlocal all all trust\n",
        )
        .unwrap();
        cluster.start_server();
        let mut setup = vec![
            format!("CREATE ROLE careful LOGIN PASSWORD '{PASSWORD}'"),
            format!("CREATE ROLE {OWNER} LOGIN"),
            format!("CREATE ROLE {GROUP} NOLOGIN"),
            "CREATE ROLE outsider LOGIN".to_string(),
            format!("CREATE DATABASE {DB} OWNER {OWNER}"),
            format!("REVOKE CONNECT ON DATABASE {DB} FROM PUBLIC"),
            format!("GRANT CONNECT ON DATABASE {DB} TO {GROUP}, {OWNER}, outsider"),
        ];
        for rep in reps {
            setup.push(format!("CREATE ROLE {rep} LOGIN IN ROLE {GROUP}"));
        }
        setup.push(format!("GRANT {GROUP} TO careful"));
        for sql in setup {
            cluster.sql_as("postgres", "postgres", &sql);
        }
        Some(cluster)
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn socket_dir(&self) -> &Path {
        self.dir.path()
    }

    /// A server program, as the cluster's user.
    fn run(&self, program: &str, args: &[&str]) {
        let path = self.bin.join(program);
        let mut cmd = if self.as_nobody {
            let mut cmd = Command::new("setpriv");
            cmd.arg(format!("--reuid={NOBODY}"))
                .arg(format!("--regid={NOBODY}"))
                .arg("--clear-groups")
                .arg("--")
                .arg(path);
            cmd
        } else {
            Command::new(path)
        };
        let out = cmd
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{program} {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    pub fn start_server(&self) {
        let options = format!(
            "-k {} -p {} -c listen_addresses=''{}",
            self.dir.path().display(),
            self.port,
            if self.durable { "" } else { " -c fsync=off" }
        );
        let log = self.dir.path().join("server.log").display().to_string();
        self.run(
            "pg_ctl",
            &[
                "-D",
                &self.data().display().to_string(),
                "-o",
                &options,
                "-l",
                &log,
                "-w",
                "start",
            ],
        );
    }

    /// Stops the server at once (as a crash or a pulled cable would).
    pub fn stop_server(&self) {
        self.run(
            "pg_ctl",
            &[
                "-D",
                &self.data().display().to_string(),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
        );
    }

    /// The address a role connects with (the socket folder as the host, percent-encoded).
    pub fn url(&self, role: &str) -> String {
        let host = self.dir.path().display().to_string().replace('/', "%2F");
        format!("postgresql://{role}@{host}:{}/{DB}", self.port)
    }

    /// A client connected as `role` to `db`.
    pub fn client(&self, role: &str, db: &str) -> postgres::Client {
        postgres::Config::new()
            .host_path(self.dir.path())
            .port(self.port)
            .user(role)
            .dbname(db)
            .connect(postgres::NoTls)
            .unwrap()
    }

    /// Runs `sql` as `role` on `db`.
    pub fn sql_as(&self, role: &str, db: &str, sql: &str) {
        self.client(role, db)
            .batch_execute(sql)
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
}

/// Root ignores file permissions and PostgreSQL refuses to run as root (see
/// `unprivileged`).
fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = tempfile::NamedTempFile::new().unwrap();
    probe.as_file().metadata().unwrap().uid() == 0
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = Command::new(self.bin.join("pg_ctl"))
            .args([
                "-D",
                &self.data().display().to_string(),
                "-m",
                "immediate",
                "stop",
            ])
            .output();
        if self.as_nobody {
            // pg_ctl as root is refused: stop it as its owner.
            let _ = Command::new("setpriv")
                .arg(format!("--reuid={NOBODY}"))
                .arg(format!("--regid={NOBODY}"))
                .arg("--clear-groups")
                .arg("--")
                .arg(self.bin.join("pg_ctl"))
                .args([
                    "-D",
                    &self.data().display().to_string(),
                    "-m",
                    "immediate",
                    "-w",
                    "stop",
                ])
                .output();
        }
    }
}
