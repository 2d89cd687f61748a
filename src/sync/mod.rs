//! Team sharing through one synced database file (SPEC §5).
//!
//! Each rep works on a local database. The team file in a synced folder is never opened in
//! place: a round copies it privately, checks the copy, merges it (and every conflicted copy
//! a sync tool left beside it) into the local database, then publishes a fresh snapshot of
//! the local database over the team file by an atomic rename.

pub mod clock;
pub mod files;
pub mod round;
pub mod worker;

pub use round::{RoundReport, run_round};
