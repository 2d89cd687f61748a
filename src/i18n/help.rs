//! The Japanese words of `--help`: `assets/locales/help-ja.ftl`, apart from the message
//! catalogs because English help has no catalog — it is the doc comments of the command line,
//! which clap reads — so the two catalogs' rule (the same ids in both) does not hold for it.
//! `cli::help` says how its ids name the places of the command tree.

use super::Bundle;
use std::sync::OnceLock;

pub const HELP_JA_FTL: &str = include_str!("../../assets/locales/help-ja.ftl");

/// The words clap writes itself, by their ids in the help catalog.
pub mod clap_words {
    /// Before the usage line: `Usage:`.
    pub const USAGE: &str = "clap-usage";
    /// The headings of the help's sections.
    pub const COMMANDS: &str = "clap-commands";
    pub const ARGUMENTS: &str = "clap-arguments";
    pub const OPTIONS: &str = "clap-options";
    /// `-h, --help` where the command has no long help; else its summary (`-h`) and its long
    /// form (`--help`).
    pub const HELP: &str = "clap-help";
    pub const HELP_SUMMARY: &str = "clap-help-summary";
    pub const HELP_LONG: &str = "clap-help-long";
    /// `-V, --version`.
    pub const VERSION: &str = "clap-version";
    /// The `help` command clap adds beside the others.
    pub const HELP_COMMAND: &str = "clap-help-command";
    /// What clap appends to an argument's help: its environment variable, its default, the
    /// values it takes.
    pub const ENV: &str = "clap-env";
    pub const DEFAULT: &str = "clap-default";
    pub const POSSIBLE_VALUES: &str = "clap-possible-values";

    pub const ALL: &[&str] = &[
        USAGE,
        COMMANDS,
        ARGUMENTS,
        OPTIONS,
        HELP,
        HELP_SUMMARY,
        HELP_LONG,
        VERSION,
        HELP_COMMAND,
        ENV,
        DEFAULT,
        POSSIBLE_VALUES,
    ];
}

fn catalog() -> &'static Bundle {
    static HELP_JA: OnceLock<Bundle> = OnceLock::new();
    HELP_JA.get_or_init(|| super::bundle("ja", HELP_JA_FTL))
}

/// The Japanese text at `id`, or at its `attribute` (`.long`, a possible value). None when
/// the catalog lacks it: the help then keeps clap's English there (the completeness test
/// keeps that from happening).
pub fn text(id: &str, attribute: Option<&str>) -> Option<String> {
    let bundle = catalog();
    let message = bundle.get_message(id)?;
    let pattern = match attribute {
        None => message.value()?,
        Some(name) => message.get_attribute(name)?.value(),
    };
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned(),
    )
}

/// One of clap's own words (`clap_words`), or the id when the catalog lacks it.
pub fn clap_word(id: &str) -> String {
    text(id, None).unwrap_or_else(|| id.to_string())
}
