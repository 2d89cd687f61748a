//! Fault paths (SPEC §8): a full disk and a read-only file system under the database give
//! one clear sentence, change nothing, and a retry once the fault is gone succeeds.
//!
//! The faults are real: a tiny tmpfs mounted in a private mount namespace (`unshare`), so
//! no root rights and no change to the machine are needed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::Scratch;
use std::process::Command;

/// Runs `script` with `sh` in a private mount namespace, `$LT` being the leadtrack binary.
/// None when this machine does not allow unprivileged namespaces.
fn in_namespace(s: &Scratch, script: &str) -> Option<std::process::Output> {
    let probe = Command::new("unshare").args(["-rm", "true"]).output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("SKIPPED: this machine does not allow `unshare -rm` (a private tmpfs)");
        return None;
    }
    let out = Command::new("unshare")
        .args(["-rm", "sh", "-c", script])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", s.dir.path())
        .env("XDG_CONFIG_HOME", s.path("config"))
        .env("XDG_DATA_HOME", s.path("data"))
        .env("USER", "tester")
        .env("LT", env!("CARGO_BIN_EXE_leadtrack"))
        .env("OUT", s.dir.path())
        .env("MNT", s.path("mnt"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the fault script failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(out)
}

/// What one step of the script wrote: exit code, stdout and stderr.
fn step(s: &Scratch, name: &str) -> (i32, String, String) {
    let read = |ext: &str| std::fs::read_to_string(s.path(&format!("{name}.{ext}"))).unwrap();
    (read("rc").trim().parse().unwrap(), read("out"), read("err"))
}

const STEPS: &str = r#"
set -e
mkdir -p "$MNT"
mount -t tmpfs -o size=1200k tmpfs "$MNT"
DB="$MNT/leads.db"
run() { name=$1; shift; set +e; "$LT" --db "$DB" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"; echo $? >"$OUT/$name.rc"; set -e; }
run first lead add --title "大和商事 複合機更新" --company "大和商事"
dd if=/dev/zero of="$MNT/fill" bs=4k 2>/dev/null || true
NOTES=$(head -c 30000 /dev/zero | tr '\0' 'x')
run full lead add --title "ミドリ技研 保守契約" --notes "$NOTES"
run full_list lead list --format json
rm "$MNT/fill"
run freed_list lead list --format json
run freed_check check
run retry lead add --title "ミドリ技研 保守契約" --notes "$NOTES"
mount -o remount,ro "$MNT"
run readonly lead add --title "北斗物産"
run readonly_log log call --lead "$(cat "$OUT/first.out")" --summary "課長と電話"
run readonly_list lead list --format json
# Scoring changed in the config: the scores would be recounted, but the file cannot be written.
printf '[scoring.points]\ncall = 5\n' > "$OUT/rescore.toml"
set +e; "$LT" --db "$DB" --config "$OUT/rescore.toml" lead list --format json >"$OUT/readonly_rescore.out" 2>"$OUT/readonly_rescore.err"; echo $? >"$OUT/readonly_rescore.rc"; set -e
"#;

#[test]
fn a_full_disk_and_a_read_only_file_system_change_nothing_and_say_so() {
    let s = Scratch::new();
    if in_namespace(&s, STEPS).is_none() {
        return;
    }
    let db = s.path("mnt/leads.db");
    let db = db.to_str().unwrap();
    assert_eq!(step(&s, "first").0, 0, "{:?}", step(&s, "first"));

    let (rc, _, err) = step(&s, "full");
    assert_eq!(rc, 1);
    assert_eq!(
        err.trim_end(),
        format!("error: the disk holding {db} is full; nothing was changed")
    );
    // Even reading needs a little room on a WAL database (its shared-memory index).
    let (rc, _, err) = step(&s, "full_list");
    assert!(
        rc == 0 || err.contains("is full; nothing was changed"),
        "{err}"
    );
    let (rc, out, err) = step(&s, "freed_list");
    assert_eq!(rc, 0, "{err}");
    let titles: Vec<String> = serde_json::from_str::<serde_json::Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["title"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(titles, ["大和商事 複合機更新"], "nothing half-written");
    assert_eq!(
        step(&s, "freed_check").0,
        0,
        "{:?}",
        step(&s, "freed_check")
    );

    assert_eq!(step(&s, "retry").0, 0, "{:?}", step(&s, "retry"));

    for name in ["readonly", "readonly_log"] {
        let (rc, _, err) = step(&s, name);
        assert_eq!(rc, 1, "{name}");
        assert_eq!(
            err.trim_end(),
            format!("error: {db} is read-only; nothing was changed"),
            "{name}"
        );
    }
    let (rc, out, err) = step(&s, "readonly_list");
    assert_eq!(rc, 0, "a read-only database can still be read: {err}");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2,
        "the retried lead is there"
    );
    let (rc, _, err) = step(&s, "readonly_rescore");
    assert_eq!(
        rc, 0,
        "stale scores do not stop reading a read-only file: {err}"
    );
}
