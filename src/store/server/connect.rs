//! Where the team server is and how to reach it: a `postgresql://` address completed the way
//! libpq completes one (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE and
//! `~/.pgpass`), and a connection over TLS when the server offers it.

use crate::error::{Error, Result};
use postgres::config::{Host, SslMode};
use postgres::{Client, Config};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

/// How long a round waits for the server to answer a connection before working locally.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// A team server's address, read and completed.
#[derive(Clone)]
pub struct Target {
    config: Config,
    shown: String,
}

impl std::fmt::Debug for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown)
    }
}

impl Target {
    /// Reads `address` (a URL or libpq's `key=value` form), completing what it leaves out
    /// from the environment as `psql` would.
    pub fn parse(address: &str) -> Result<Target> {
        Target::parse_with(address, |name| std::env::var(name).ok())
    }

    pub(crate) fn parse_with(
        address: &str,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Target> {
        let mut config = Config::from_str(address).map_err(|e| {
            Error::said(
                "error-team-server-address",
                [
                    ("address", without_password(address)),
                    ("reason", e.to_string()),
                ],
            )
        })?;
        let var = |name: &str| env(name).filter(|v| !v.is_empty());
        if config.get_hosts().is_empty() {
            match var("PGHOST") {
                Some(host) => {
                    config.host(&host);
                }
                None if std::path::Path::new("/var/run/postgresql").is_dir() => {
                    config.host_path("/var/run/postgresql");
                }
                None => {
                    config.host("localhost");
                }
            }
        }
        if config.get_ports().is_empty()
            && let Some(port) = var("PGPORT").and_then(|p| p.parse().ok())
        {
            config.port(port);
        }
        if config.get_user().is_none() {
            let user = var("PGUSER")
                .or_else(|| var("USER"))
                .or_else(|| var("USERNAME"))
                .unwrap_or_else(|| "postgres".into());
            config.user(&user);
        }
        if config.get_dbname().is_none()
            && let Some(db) = var("PGDATABASE")
        {
            config.dbname(&db);
        }
        if !address.contains("sslmode")
            && let Some(mode) = var("PGSSLMODE")
        {
            config.ssl_mode(match mode.as_str() {
                "disable" => SslMode::Disable,
                "require" | "verify-ca" | "verify-full" => SslMode::Require,
                _ => SslMode::Prefer,
            });
        }
        if config.get_password().is_none() {
            let password = var("PGPASSWORD").or_else(|| from_pgpass(&config, &var));
            if let Some(password) = password {
                config.password(password);
            }
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        config.application_name("leadtrack");
        let shown = shown(&config);
        Ok(Target { config, shown })
    }

    /// The role this address connects as: the author of every change pushed through it.
    pub fn user(&self) -> String {
        self.config.get_user().unwrap_or("postgres").to_string()
    }

    /// The address as messages show it (never the password).
    pub fn shown(&self) -> &str {
        &self.shown
    }

    pub fn connect(&self) -> Result<Client> {
        let connected = if self.config.get_ssl_mode() == SslMode::Disable {
            self.config.connect(postgres::NoTls)
        } else {
            self.config.connect(tls(&self.shown)?)
        };
        connected.map_err(|e| super::refused(&e, &self.shown))
    }
}

/// TLS as the server offers it, checked against the system's certificate authorities.
fn tls(shown: &str) -> Result<tokio_postgres_rustls::MakeRustlsConnect> {
    let mut roots = rustls::RootCertStore::empty();
    for cert in rustls_native_certs::load_native_certs().certs {
        let _ = roots.add(cert);
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map(|b| b.with_root_certificates(roots).with_no_client_auth());
    config
        .map(tokio_postgres_rustls::MakeRustlsConnect::new)
        .map_err(|e| {
            Error::said(
                "error-team-server-unreachable",
                [
                    ("server", crate::i18n::Arg::from(shown)),
                    ("reason", crate::i18n::Arg::quoted(e.to_string())),
                ],
            )
        })
}

/// `user@host:port/db`, as a rep would recognise it.
fn shown(config: &Config) -> String {
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(h)) => h.clone(),
        #[cfg(unix)]
        Some(Host::Unix(p)) => p.display().to_string(),
        None => String::new(),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let user = config.get_user().unwrap_or("");
    let db = config.get_dbname().unwrap_or(user);
    format!("postgresql://{user}@{host}:{port}/{db}")
}

/// An address as typed, with any password in it blanked.
fn without_password(address: &str) -> String {
    match (address.find("://"), address.find('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &address[scheme + 3..at];
            match userinfo.find(':') {
                Some(colon) => format!(
                    "{}{}:***{}",
                    &address[..scheme + 3],
                    &userinfo[..colon],
                    &address[at..]
                ),
                None => address.to_string(),
            }
        }
        _ => address
            .split_whitespace()
            .map(|kv| {
                if kv.starts_with("password=") {
                    "password=***"
                } else {
                    kv
                }
            })
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// The password `~/.pgpass` (or PGPASSFILE) gives for this host, port, database and user.
fn from_pgpass(config: &Config, var: &impl Fn(&str) -> Option<String>) -> Option<String> {
    let path = var("PGPASSFILE")
        .map(std::path::PathBuf::from)
        .or_else(|| directories::BaseDirs::new().map(|d| d.home_dir().join(".pgpass")))?;
    let text = std::fs::read_to_string(path).ok()?;
    let host = match config.get_hosts().first()? {
        Host::Tcp(h) => h.clone(),
        // libpq matches a socket directory as "localhost".
        #[cfg(unix)]
        Host::Unix(_) => "localhost".into(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let user = config.get_user()?.to_string();
    let db = config.get_dbname().map_or(user.clone(), str::to_string);
    let wanted = [host, port, db, user];
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .find_map(|line| {
            let fields = pgpass_fields(line);
            (fields.len() == 5
                && fields
                    .iter()
                    .zip(&wanted)
                    .all(|(field, want)| field == "*" || field == want))
            .then(|| fields[4].clone())
        })
}

/// A `.pgpass` line's five fields (`\:` and `\\` escape a colon and a backslash).
fn pgpass_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next()
                    && let Some(last) = fields.last_mut()
                {
                    last.push(next);
                }
            }
            ':' => fields.push(String::new()),
            c => {
                if let Some(last) = fields.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn an_address_is_completed_from_the_environment_as_psql_would() {
        let t = Target::parse_with(
            "postgresql:///sales",
            env(&[
                ("PGHOST", "db.example.jp"),
                ("PGPORT", "6432"),
                ("PGUSER", "tanaka"),
            ]),
        )
        .unwrap();
        assert_eq!(t.user(), "tanaka");
        assert_eq!(t.shown(), "postgresql://tanaka@db.example.jp:6432/sales");
        let t =
            Target::parse_with("postgresql://sato@h/sales", env(&[("PGUSER", "tanaka")])).unwrap();
        assert_eq!(t.user(), "sato", "the address wins over PGUSER");
    }

    #[test]
    fn a_password_comes_from_the_address_pgpassword_or_pgpass() {
        let dir = tempfile::tempdir().unwrap();
        let pass = dir.path().join("pgpass");
        std::fs::write(
            &pass,
            "# team\nother:*:*:*:nope\ndb.example.jp:5432:sales:sato:pa\\:ss\n*:*:*:*:fallback\n",
        )
        .unwrap();
        let file = pass.display().to_string();
        let t = Target::parse_with(
            "postgresql://sato@db.example.jp/sales",
            env(&[("PGPASSFILE", &file)]),
        )
        .unwrap();
        assert_eq!(t.config.get_password(), Some("pa:ss".as_bytes()));
        let t = Target::parse_with(
            "postgresql://sato@db.example.jp/sales",
            env(&[("PGPASSFILE", &file), ("PGPASSWORD", "env")]),
        )
        .unwrap();
        assert_eq!(t.config.get_password(), Some("env".as_bytes()));
        let t = Target::parse_with(
            "postgresql://sato:typed@db.example.jp/sales",
            env(&[("PGPASSFILE", &file)]),
        )
        .unwrap();
        assert_eq!(t.config.get_password(), Some("typed".as_bytes()));
        assert!(!t.shown().contains("typed"));
    }

    #[test]
    fn an_unreadable_address_is_one_sentence_without_its_password() {
        let e = Target::parse_with("postgresql://sato:secret@h:notaport/db", env(&[]))
            .err()
            .unwrap();
        let said = e.message(crate::config::Language::En);
        assert!(!said.contains("secret"), "{said}");
        assert!(said.contains("sato:***@h"), "{said}");
    }
}
