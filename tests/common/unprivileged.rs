//! Running leadtrack where a folder's permissions apply. Root ignores them, and tests run as
//! root here and in CI: then the binary runs as `nobody` (uid and gid 65534) through
//! util-linux's `setpriv`, on files handed over to that user; anyone else runs it as
//! themselves, on their own files.

use assert_cmd::Command;
use std::path::Path;

/// The user and group id `nobody` has on Linux.
const NOBODY: u32 = 65534;

pub struct Unprivileged {
    as_nobody: bool,
}

impl Unprivileged {
    pub fn new() -> Unprivileged {
        Unprivileged {
            as_nobody: running_as_root(),
        }
    }

    /// The leadtrack binary, run as that user.
    pub fn leadtrack(&self) -> Command {
        let binary = env!("CARGO_BIN_EXE_leadtrack");
        if !self.as_nobody {
            return Command::new(binary);
        }
        let mut cmd = Command::new("setpriv");
        cmd.arg(format!("--reuid={NOBODY}"))
            .arg(format!("--regid={NOBODY}"))
            .arg("--clear-groups")
            .arg("--")
            .arg(binary);
        cmd
    }

    /// Gives `path`, and everything below it, to that user: what the test made as root
    /// becomes theirs to read and write, as a rep's own files are.
    pub fn hand_over(&self, path: &Path) {
        if !self.as_nobody {
            return;
        }
        std::os::unix::fs::chown(path, Some(NOBODY), Some(NOBODY)).unwrap();
        if path.is_dir() {
            for entry in std::fs::read_dir(path).unwrap() {
                self.hand_over(&entry.unwrap().path());
            }
        }
    }
}

impl Default for Unprivileged {
    fn default() -> Unprivileged {
        Unprivileged::new()
    }
}

/// Whether this process runs as root: a file it makes is owned by uid 0.
fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = tempfile::NamedTempFile::new().unwrap();
    probe.as_file().metadata().unwrap().uid() == 0
}
