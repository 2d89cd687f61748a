//! Scratch files a process makes beside a database or in the temporary folder (a pull's
//! scratch copy, a team file's private copy) carry its id in their name, so that the next
//! process can remove those of one killed mid-round: they hold copies of the team's rows,
//! which must not outlive a purge nor fill the disk.

use std::path::Path;

/// The name a scratch file of this process starts with: `prefix`, its id, a dash.
pub(crate) fn own_prefix(prefix: &str) -> String {
    format!("{prefix}{}-", std::process::id())
}

/// Removes the files in `folder` named by `own_prefix(prefix)` of processes that are gone
/// (with their journals: anything after the name).
pub(crate) fn remove_abandoned(folder: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(prefix))
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if !process_alive(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(target_os = "linux")]
fn process_alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

/// Without a way to ask, every scratch file is taken for a live process's.
#[cfg(not(target_os = "linux"))]
fn process_alive(_pid: u32) -> bool {
    true
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn the_files_of_gone_processes_go_and_the_others_stay() {
        let folder = tempfile::tempdir().unwrap();
        let gone = u32::MAX;
        let names = [
            format!("leadtrack-copy-{gone}-a1b2.db"),
            format!("leadtrack-copy-{gone}-a1b2.db-wal"),
            format!("{}c3d4.db", own_prefix("leadtrack-copy-")),
            "leadtrack-copy-notapid.db".to_string(),
            format!("other-{gone}-e5f6.db"),
        ];
        for name in &names {
            std::fs::write(folder.path().join(name), "rows").unwrap();
        }
        remove_abandoned(folder.path(), "leadtrack-copy-");
        let mut left: Vec<String> = std::fs::read_dir(folder.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        let mut kept = names[2..].to_vec();
        kept.sort();
        assert_eq!(left, kept);
    }
}
