//! The Japanese words of `--help`: `assets/locales/help-ja.ftl`, apart from the message
//! catalogs because English help has no catalog — it is the doc comments of the command line,
//! which clap reads — so the two catalogs' rule (the same ids in both) does not hold for it.
//! `cli::help` says how its ids name the places of the command tree.

use super::Bundle;
use fluent_bundle::{FluentArgs, FluentValue};
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

    /// clap's refusals of a mistyped line (`cli::refusals`), one a kind or a part.
    pub const UNKNOWN_ARGUMENT: &str = "clap-error-unknown-argument";
    pub const UNKNOWN_SUBCOMMAND: &str = "clap-error-unknown-subcommand";
    pub const DID_YOU_MEAN: &str = "clap-error-did-you-mean";
    pub const TIP_AS_VALUE: &str = "clap-error-tip-as-value";
    pub const TIP_EXISTS: &str = "clap-error-tip-exists";
    pub const TIP_DOUBLE_DASH: &str = "clap-error-tip-double-dash";
    pub const MISSING_REQUIRED: &str = "clap-error-missing-required";
    pub const MISSING_VALUE: &str = "clap-error-missing-value";
    pub const INVALID_VALUE: &str = "clap-error-invalid-value";
    pub const INVALID_VALUE_BECAUSE: &str = "clap-error-invalid-value-because";
    pub const NOT_A_NUMBER: &str = "clap-error-not-a-number";
    pub const EMPTY_NUMBER: &str = "clap-error-empty-number";
    pub const NUMBER_TOO_LARGE: &str = "clap-error-number-too-large";
    pub const NUMBER_TOO_SMALL: &str = "clap-error-number-too-small";
    pub const OUT_OF_RANGE: &str = "clap-error-out-of-range";
    pub const TOO_MANY_VALUES: &str = "clap-error-too-many-values";
    pub const TOO_FEW_VALUES: &str = "clap-error-too-few-values";
    pub const WRONG_NUMBER_OF_VALUES: &str = "clap-error-wrong-number-of-values";
    pub const USED_TWICE: &str = "clap-error-used-twice";
    pub const CONFLICT: &str = "clap-error-conflict";
    pub const CONFLICT_LIST: &str = "clap-error-conflict-list";
    pub const CONFLICT_ANY: &str = "clap-error-conflict-any";
    pub const NO_EQUALS: &str = "clap-error-no-equals";
    pub const MISSING_SUBCOMMAND: &str = "clap-error-missing-subcommand";
    pub const INVALID_UTF8: &str = "clap-error-invalid-utf8";
    /// The last line: where to read more (`--help`).
    pub const MORE: &str = "clap-error-more";

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
        UNKNOWN_ARGUMENT,
        UNKNOWN_SUBCOMMAND,
        DID_YOU_MEAN,
        TIP_AS_VALUE,
        TIP_EXISTS,
        TIP_DOUBLE_DASH,
        MISSING_REQUIRED,
        MISSING_VALUE,
        INVALID_VALUE,
        INVALID_VALUE_BECAUSE,
        NOT_A_NUMBER,
        EMPTY_NUMBER,
        NUMBER_TOO_LARGE,
        NUMBER_TOO_SMALL,
        OUT_OF_RANGE,
        TOO_MANY_VALUES,
        TOO_FEW_VALUES,
        WRONG_NUMBER_OF_VALUES,
        USED_TWICE,
        CONFLICT,
        CONFLICT_LIST,
        CONFLICT_ANY,
        NO_EQUALS,
        MISSING_SUBCOMMAND,
        INVALID_UTF8,
        MORE,
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
    formatted(id, attribute, None)
}

/// One of clap's own sentences (`clap_words`) with `values` put in (`{ $arg }`), or None
/// when the catalog lacks it: the refusal then stays clap's English.
pub fn clap_sentence(id: &str, values: &[(&str, &str)]) -> Option<String> {
    let mut args = FluentArgs::new();
    for (name, value) in values {
        args.set(*name, FluentValue::from(*value));
    }
    formatted(id, None, Some(&args))
}

fn formatted(id: &str, attribute: Option<&str>, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let bundle = catalog();
    let message = bundle.get_message(id)?;
    let pattern = match attribute {
        None => message.value()?,
        Some(name) => message.get_attribute(name)?.value(),
    };
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

/// One of clap's own words (`clap_words`), or the id when the catalog lacks it.
pub fn clap_word(id: &str) -> String {
    text(id, None).unwrap_or_else(|| id.to_string())
}
