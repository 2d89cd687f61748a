//! The reps this copy found with a clock far ahead of its own (SPEC §5.5). Kept in `meta`,
//! which every snapshot carries: the team file takes the note to the rep whose clock it is,
//! who cannot see it by their own clock.

use super::{Writer, read_meta, write_meta};
use crate::error::Result;
use crate::model::clock::FarAhead;
use rusqlite::Connection;

const KEY: &str = "clocks_far_ahead";

/// The notes of the database on `conn`; a note this leadtrack cannot read counts as none.
pub fn read(conn: &Connection) -> Result<Vec<FarAhead>> {
    Ok(read_meta(conn, KEY)?
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default())
}

pub fn write(w: &Writer<'_>, notes: &[FarAhead]) -> Result<()> {
    // A list of plain strings and dates always serializes.
    let text = serde_json::to_string(notes).unwrap_or_default();
    write_meta(w.conn(), KEY, &text)
}
