//! leadtrack: a terminal lead tracker for sales reps.
//!
//! Data flows one way: `model` (plain types and rules) → `store` (SQLite, the only place
//! with SQL) → `features` (what the CLI and the app both do) → the faces (`cli`).

pub mod cli;
pub mod config;
pub mod error;
pub mod features;
pub mod followups;
pub mod i18n;
pub mod interchange;
pub mod keymap;
pub mod model;
pub mod scoring;
pub mod session;
pub mod store;
pub mod sync;
pub mod tui;

pub use error::{Error, Result};
