//! The files of team sharing: private copies, conflicted copies left by sync tools, the
//! archive they move to, and publishing a team file whole or not at all.

use crate::error::{Error, Result};
use crate::i18n::{Arg, io_reason};
use crate::store::{self, Role};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The folder merged conflicted copies move to, beside the team file.
pub const ARCHIVE: &str = "leadtrack-archive";

/// The catalog's sentence `id` ("cannot read PATH: REASON") about `path`.
fn io_error(id: &'static str, path: &Path, e: &std::io::Error) -> Error {
    Error::said(
        id,
        [
            ("path", Arg::from(path.display().to_string())),
            ("reason", io_reason(e)),
        ],
    )
}

/// How a private copy is named: this, the copying process's id, a dash.
const COPY: &str = "leadtrack-copy-";

/// Copies `source` (and its `-wal`, if one lies beside it) to a private temporary file.
/// The copy is owner-only and goes away when dropped.
pub fn private_copy(source: &Path) -> Result<tempfile::TempPath> {
    let mut reader =
        fs::File::open(source).map_err(|e| io_error("error-cannot-read", source, &e))?;
    // Named with this process's id: the copies of a round killed midway hold the team's
    // rows, and the next round removes them.
    store::leftovers::remove_abandoned(&std::env::temp_dir(), COPY);
    let mut copy = tempfile::Builder::new()
        .prefix(&store::leftovers::own_prefix(COPY))
        .suffix(".db")
        .tempfile()
        .map_err(|e| Error::said("error-cannot-make-copy", [("reason", io_reason(&e))]))?;
    std::io::copy(&mut reader, copy.as_file_mut())
        .map_err(|e| io_error("error-cannot-read", source, &e))?;
    copy.as_file_mut()
        .flush()
        .map_err(|e| io_error("error-cannot-copy", source, &e))?;
    let path = copy.into_temp_path();
    let wal = wal_of(source);
    if wal.exists() {
        let mut from = fs::File::open(&wal).map_err(|e| io_error("error-cannot-read", &wal, &e))?;
        let mut to = owner_only_create(&wal_of(&path))?;
        std::io::copy(&mut from, &mut to).map_err(|e| io_error("error-cannot-read", &wal, &e))?;
    }
    Ok(path)
}

fn wal_of(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push("-wal");
    PathBuf::from(name)
}

fn owner_only_create(path: &Path) -> Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
        .open(path)
        .map_err(|e| io_error("error-cannot-write", path, &e))
}

/// The part of a team file's name before its first dot: `team` of `team.leadtrack.db`.
fn stem(name: &str) -> &str {
    name.split('.').next().unwrap_or(name)
}

/// Whether `candidate` is a conflicted copy of the team file `team` as a sync tool names it:
/// Dropbox `team (X's conflicted copy 2026-11-22).leadtrack.db`, Syncthing
/// `team.sync-conflict-20261122-101500-ABCDEFG.leadtrack.db`, OneDrive
/// `team-LAPTOP.leadtrack.db`, Google Drive `team (1).leadtrack.db`, Nextcloud
/// `team (conflicted copy 2026-11-22 101500).leadtrack.db`.
pub fn is_conflicted_copy(team: &str, candidate: &str) -> bool {
    if candidate == team || !candidate.ends_with(".db") || candidate.starts_with('.') {
        return false;
    }
    // Most tools put their mark before the last extension: `team.leadtrack (2).db`,
    // `team.leadtrack-DESKTOP.db`; some after the first dot's stem, as below.
    if let Some(base) = team.strip_suffix(".db")
        && base.contains('.')
        && marked_copy(base, ".db", candidate)
    {
        return true;
    }
    marked_copy(stem(team), &team[stem(team).len()..], candidate)
}

/// Whether `candidate` is `prefix`, a sync tool's mark, then `suffix`.
fn marked_copy(prefix: &str, suffix: &str, candidate: &str) -> bool {
    let Some(rest) = candidate
        .strip_prefix(prefix)
        .and_then(|r| r.strip_suffix(suffix))
    else {
        return false;
    };
    if rest.is_empty() {
        return false;
    }
    let lower = rest.to_lowercase();
    if lower.contains("conflict") {
        return true;
    }
    // Google Drive: " (1)"
    if let Some(inner) = rest.strip_prefix(" (").and_then(|r| r.strip_suffix(')'))
        && !inner.is_empty()
        && inner.chars().all(|c| c.is_ascii_digit())
    {
        return true;
    }
    // OneDrive: "-LAPTOP", the machine name after a hyphen.
    rest.strip_prefix('-').is_some_and(|machine| {
        !machine.is_empty()
            && machine
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    })
}

/// A file beside the team file that a round looks at as a copy of it.
pub struct Candidate {
    pub path: PathBuf,
    /// A database never published as a team file (a rep's own, kept in the folder under a
    /// name like a copy's): left alone, not merged.
    pub never_published: bool,
}

/// The copies of this team's file lying beside it, whatever a sync tool or a person named
/// them: a file published as a team file (`role` = team) of this team, or a file named as a
/// sync tool names a conflicted copy (checked for its team when merged, as files from before
/// the mark are). A file written by `leadtrack backup` is never one, nor the rep's own
/// database (`local`), wherever it lies.
pub fn conflicted_copies(team: &Path, team_id: &str, local: &Path) -> Result<Vec<Candidate>> {
    let Some(name) = team.file_name().and_then(|n| n.to_str()) else {
        return Ok(Vec::new());
    };
    let folder = folder_of(team);
    let local = fs::canonicalize(local).ok();
    let entries =
        fs::read_dir(&folder).map_err(|e| io_error("error-cannot-read-folder", &folder, &e))?;
    let mut out: Vec<Candidate> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let file = e.file_name().to_str()?.to_string();
            if file == name || file.starts_with('.') {
                return None;
            }
            let path = e.path();
            // The rep's own database may lie in the team folder too: never a copy.
            if local.is_some() && fs::canonicalize(&path).ok() == local {
                return None;
            }
            let named_as_copy = is_conflicted_copy(name, &file);
            // A database file, however a tool or a person named it (`x.db`, `x.db (1)`).
            if !named_as_copy && !file.contains(".db") {
                return None;
            }
            let found = store::peek_role(&path);
            let copy = match found.as_ref().map(|f| (f.role, f.team_id.as_deref())) {
                Some((Some(Role::Backup), _)) => false,
                Some((Some(Role::Team), Some(id))) => id == team_id || named_as_copy,
                _ => named_as_copy,
            };
            copy.then(|| Candidate {
                never_published: found.as_ref().is_some_and(store::Peeked::never_published),
                path,
            })
        })
        .collect();
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Moves a merged conflicted copy into the archive folder (never deletes it). Returns where
/// it went.
pub fn archive(copy: &Path) -> Result<PathBuf> {
    let folder = folder_of(copy).join(ARCHIVE);
    fs::create_dir_all(&folder).map_err(|e| io_error("error-cannot-make-archive", &folder, &e))?;
    let name = copy
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    let mut target = folder.join(&name);
    let mut n = 1;
    while target.exists() {
        let mut numbered = name.clone();
        numbered.push(format!(".{n}"));
        target = folder.join(numbered);
        n += 1;
    }
    fs::rename(copy, &target).map_err(|e| io_error("error-cannot-archive", copy, &e))?;
    Ok(target)
}

/// A temporary name beside the team file for a snapshot about to replace it.
pub fn publish_temp(team: &Path) -> PathBuf {
    let name = team
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("team.leadtrack.db");
    let tag: u64 = rand::random();
    folder_of(team).join(format!(
        ".{name}.publishing-{}-{tag:016x}",
        std::process::id()
    ))
}

/// Whether the team folder refuses this rep's writing (its permissions, a share mounted
/// read-only). Found by making and removing a file there, as publishing does: a folder's
/// mode bits do not tell (ACLs, mounts, root). Other failures are left to publishing, which
/// names them.
pub fn refuses_writing(team: &Path) -> bool {
    let probe = publish_temp(team);
    match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(file) => {
            drop(file);
            let _ = fs::remove_file(&probe);
            false
        }
        Err(e) => matches!(
            e.kind(),
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
        ),
    }
}

/// Gives a snapshot the team folder's group: on a share used by several Unix users of one
/// group (a group-writable folder, often setgid), the team file is read and written by the
/// group (0660) and belongs to the folder's group; elsewhere it stays owner-only (0600), as
/// the local database and backups always do.
pub fn share_with_folder_group(snapshot: &Path, team: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let folder = folder_of(team);
        let Ok(meta) = fs::metadata(&folder) else {
            return Ok(());
        };
        if meta.mode() & 0o020 != 0 {
            // The group of a setgid folder is already the file's; otherwise it becomes it
            // when the rep belongs to it (a refusal leaves the rep's own group).
            let _ = std::os::unix::fs::chown(snapshot, None, Some(meta.gid()));
            fs::set_permissions(snapshot, fs::Permissions::from_mode(0o660))
                .map_err(|e| io_error("error-cannot-write", snapshot, &e))?;
        }
    }
    #[cfg(not(unix))]
    let _ = (snapshot, team);
    Ok(())
}

/// Puts a finished snapshot in place of the team file: rename (atomic), then sync the
/// folder so the rename itself survives a crash. The team file is always a whole database.
pub fn replace(snapshot: &Path, team: &Path) -> Result<()> {
    fs::rename(snapshot, team).map_err(|e| io_error("error-cannot-replace-team-file", team, &e))?;
    #[cfg(unix)]
    {
        let folder = folder_of(team);
        if let Ok(dir) = fs::File::open(&folder) {
            let _ = dir.sync_all();
        }
    }
    Ok(())
}

/// Removes snapshots that a killed round left behind (older than ten minutes).
pub fn remove_stale_temps(team: &Path) {
    let Some(name) = team.file_name().and_then(|n| n.to_str()) else {
        return;
    };
    let prefix = format!(".{name}.publishing-");
    let Ok(entries) = fs::read_dir(folder_of(team)) else {
        return;
    };
    for entry in entries.filter_map(|e| e.ok()) {
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 600);
        if old
            && entry
                .file_name()
                .to_str()
                .is_some_and(|n| n.starts_with(&prefix))
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sync_tools_naming_is_recognised() {
        let team = "team.leadtrack.db";
        for name in [
            "team (Yamamoto's conflicted copy 2026-11-22).leadtrack.db",
            "team.sync-conflict-20261122-101500-ABCDEFG.leadtrack.db",
            "team.leadtrack.sync-conflict-20261122-101500-ABCDEFG.db",
            "team-LAPTOP.leadtrack.db",
            "team-DESKTOP-7QK2.leadtrack.db",
            "team (1).leadtrack.db",
            "team (conflicted copy 2026-11-22 101500).leadtrack.db",
            "team.leadtrack (2).db",
            "team.leadtrack-DESKTOP.db",
            "team.leadtrack (鈴木's conflicted copy 2026-11-22).db",
        ] {
            assert!(is_conflicted_copy(team, name), "{name}");
        }
        for name in [
            "team.leadtrack.db",
            "other.leadtrack.db",
            "team.leadtrack.db-journal",
            ".team.leadtrack.db.publishing-1-ab",
            "team (notes).leadtrack.db",
            "teammates.leadtrack.db",
            "team-old.txt",
            "team.leadtrack (notes).db",
            "team.leadtrack.db.db",
        ] {
            assert!(!is_conflicted_copy(team, name), "{name}");
        }
    }
}
