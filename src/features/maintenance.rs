//! `check` and `backup`.

use crate::error::Result;
use crate::store::{self, Counts, Store};
use serde::Serialize;
use std::path::Path;

#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub path: String,
    pub schema_version: i64,
    pub integrity: Vec<String>,
    pub counts: Counts,
    pub ok: bool,
}

/// A full integrity check, the schema version and record counts.
pub fn check(store: &Store) -> Result<CheckReport> {
    let integrity = store.integrity_check()?;
    let ok = integrity == ["ok"];
    Ok(CheckReport {
        path: store.path().to_string(),
        schema_version: store.schema_version()?,
        counts: store::counts(store.conn())?,
        integrity,
        ok,
    })
}

/// A consistent, owner-only copy of the database at `dest`.
pub fn backup(store: &Store, dest: &Path) -> Result<()> {
    store.backup(dest)
}
