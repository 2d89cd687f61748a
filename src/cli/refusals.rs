//! clap's refusals of a mistyped command line (exit code 2), said in Japanese for a rep who
//! reads Japanese. clap writes them in English only; what it found wrong is kept in the
//! error's kind and context (the argument, the value, the values it takes, a similar name,
//! the usage line), and the sentences are made from those with the words of
//! `assets/locales/help-ja.ftl` (`clap-error-…`).
//!
//! A refusal is said in Japanese only when every part of it can be: a context this module does
//! not know, a tip it cannot read or a value parser's reason it has no words for leave the
//! whole refusal in clap's English, so nothing clap said is lost.

use crate::config::{Language, NotALanguage};
use crate::i18n::help::{clap_sentence, clap_word, clap_words};
use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, Error, ErrorFormatter, ErrorKind};
use std::num::{IntErrorKind, ParseIntError, TryFromIntError};

/// clap's formatter for a refusal `can_say` allows (the caller checks first).
pub struct Japanese;

impl ErrorFormatter for Japanese {
    fn format_error(error: &Error<Self>) -> StyledStr {
        in_japanese(error).unwrap_or_default()
    }
}

/// Whether the refusal `english` can be said in Japanese in full: each part, and the last
/// line clap gives it (where to read more) the one this module says.
pub fn can_say(english: &Error) -> bool {
    in_japanese(english).is_some()
        && english
            .render()
            .to_string()
            .ends_with("\n\nFor more information, try '--help'.\n")
}

/// The refusal `error` in Japanese: the sentence after `エラー：`, the usage line and where to
/// read more. None when some part of it has no Japanese words.
pub fn in_japanese<F: ErrorFormatter>(error: &Error<F>) -> Option<StyledStr> {
    if error.context().any(|(kind, _)| !UNDERSTOOD.contains(&kind)) {
        return None;
    }
    let mut sentence = sentence(error)?;
    let suggested: Vec<String> = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .flat_map(|kind| strings(error.get(kind)))
    .collect();
    if !suggested.is_empty() {
        let names = suggested.join("、");
        sentence.push_str(&clap_sentence(
            clap_words::DID_YOU_MEAN,
            &[("names", names.as_str())],
        )?);
    }
    if let Some(ContextValue::StyledStrs(tips)) = error.get(ContextKind::Suggested) {
        for tip in tips {
            sentence.push_str("\n  ");
            sentence.push_str(&tip_in_japanese(&tip.to_string())?);
        }
    }

    let mut said = StyledStr::new();
    said.push_str(&crate::tr!(Language::Ja, "error-line", message = sentence));
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        said.push_str("\n\n");
        said.push_str(&usage_in_japanese(&usage.ansi().to_string())?);
    }
    said.push_str("\n\n");
    said.push_str(&clap_sentence(clap_words::MORE, &[("flag", "--help")])?);
    said.push_str("\n");
    Some(said)
}

/// The context this module reads; any other leaves the refusal in English.
const UNDERSTOOD: &[ContextKind] = &[
    ContextKind::InvalidArg,
    ContextKind::InvalidSubcommand,
    ContextKind::InvalidValue,
    ContextKind::ValidValue,
    ContextKind::ValidSubcommand,
    ContextKind::SuggestedArg,
    ContextKind::SuggestedSubcommand,
    ContextKind::SuggestedValue,
    ContextKind::Suggested,
    ContextKind::PriorArg,
    ContextKind::ActualNumValues,
    ContextKind::MinValues,
    ContextKind::ExpectedNumValues,
    ContextKind::Usage,
];

/// What clap found wrong, as the first sentence (its lists on the lines after).
fn sentence<F: ErrorFormatter>(error: &Error<F>) -> Option<String> {
    use clap_words as w;
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.as_str()),
        _ => None,
    };
    let number = |kind| match error.get(kind) {
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let say = clap_sentence;
    match error.kind() {
        ErrorKind::UnknownArgument => say(
            w::UNKNOWN_ARGUMENT,
            &[("arg", text(ContextKind::InvalidArg)?)],
        ),
        ErrorKind::InvalidSubcommand => say(
            w::UNKNOWN_SUBCOMMAND,
            &[("command", text(ContextKind::InvalidSubcommand)?)],
        ),
        ErrorKind::MissingRequiredArgument => {
            let Some(ContextValue::Strings(missing)) = error.get(ContextKind::InvalidArg) else {
                return None;
            };
            Some(format!(
                "{}{}",
                say(w::MISSING_REQUIRED, &[])?,
                listed(missing)
            ))
        }
        ErrorKind::InvalidValue => {
            let arg = text(ContextKind::InvalidArg)?;
            let value = text(ContextKind::InvalidValue)?;
            let mut sentence = if value.is_empty() {
                say(w::MISSING_VALUE, &[("arg", arg)])?
            } else {
                say(w::INVALID_VALUE, &[("arg", arg), ("value", value)])?
            };
            let valid = strings(error.get(ContextKind::ValidValue));
            if !valid.is_empty() {
                sentence.push_str(&format!(
                    "\n  [{}: {}]",
                    clap_word(w::POSSIBLE_VALUES),
                    valid.join(", ")
                ));
            }
            Some(sentence)
        }
        ErrorKind::ValueValidation => {
            let arg = text(ContextKind::InvalidArg)?;
            let value = text(ContextKind::InvalidValue)?;
            let source = std::error::Error::source(error);
            let reason = reason(source?)?;
            say(
                w::INVALID_VALUE_BECAUSE,
                &[("arg", arg), ("value", value), ("reason", &reason)],
            )
        }
        ErrorKind::TooManyValues => say(
            w::TOO_MANY_VALUES,
            &[
                ("arg", text(ContextKind::InvalidArg)?),
                ("value", text(ContextKind::InvalidValue)?),
            ],
        ),
        ErrorKind::TooFewValues => say(
            w::TOO_FEW_VALUES,
            &[
                ("arg", text(ContextKind::InvalidArg)?),
                ("expected", &number(ContextKind::MinValues)?),
                ("actual", &number(ContextKind::ActualNumValues)?),
            ],
        ),
        ErrorKind::WrongNumberOfValues => say(
            w::WRONG_NUMBER_OF_VALUES,
            &[
                ("arg", text(ContextKind::InvalidArg)?),
                ("expected", &number(ContextKind::ExpectedNumValues)?),
                ("actual", &number(ContextKind::ActualNumValues)?),
            ],
        ),
        ErrorKind::ArgumentConflict => {
            // A subcommand in conflict has no words here: it stays English.
            let arg = text(ContextKind::InvalidArg)?;
            match error.get(ContextKind::PriorArg) {
                Some(ContextValue::String(prior)) if prior == arg => {
                    say(w::USED_TWICE, &[("arg", arg)])
                }
                Some(ContextValue::String(prior)) => {
                    say(w::CONFLICT, &[("arg", arg), ("other", prior)])
                }
                Some(ContextValue::Strings(prior)) => Some(format!(
                    "{}{}",
                    say(w::CONFLICT_LIST, &[("arg", arg)])?,
                    listed(prior)
                )),
                _ => say(w::CONFLICT_ANY, &[("arg", arg)]),
            }
        }
        ErrorKind::NoEquals => say(w::NO_EQUALS, &[("arg", text(ContextKind::InvalidArg)?)]),
        ErrorKind::MissingSubcommand => {
            let mut sentence = say(
                w::MISSING_SUBCOMMAND,
                &[("command", text(ContextKind::InvalidSubcommand)?)],
            )?;
            let valid = strings(error.get(ContextKind::ValidSubcommand));
            if !valid.is_empty() {
                sentence.push_str(&format!(
                    "\n  [{}: {}]",
                    clap_word(w::COMMANDS),
                    valid.join(", ")
                ));
            }
            Some(sentence)
        }
        ErrorKind::InvalidUtf8 => say(w::INVALID_UTF8, &[]),
        // Help and version are not refusals; Io and Format are clap's own failures, said
        // by the system in English.
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        | ErrorKind::DisplayVersion
        | ErrorKind::Io
        | ErrorKind::Format => None,
        _ => None,
    }
}

fn strings(value: Option<&ContextValue>) -> Vec<String> {
    match value {
        Some(ContextValue::String(one)) => vec![one.clone()],
        Some(ContextValue::Strings(many)) => many.clone(),
        _ => Vec::new(),
    }
}

/// Arguments one a line, indented as clap lists them.
fn listed(names: &[String]) -> String {
    names.iter().map(|name| format!("\n  {name}")).collect()
}

/// Why a value parser refused a value: leadtrack's own parser's words, the standard number
/// parser's, or clap's range check (`5 is not in 3..=4`). None for a reason with no Japanese.
fn reason(source: &(dyn std::error::Error + 'static)) -> Option<String> {
    use clap_words as w;
    if let Some(not) = source.downcast_ref::<NotALanguage>() {
        return Some(not.in_language(Language::Ja));
    }
    if let Some(e) = source.downcast_ref::<ParseIntError>() {
        let id = match e.kind() {
            IntErrorKind::Empty => w::EMPTY_NUMBER,
            IntErrorKind::InvalidDigit => w::NOT_A_NUMBER,
            IntErrorKind::PosOverflow => w::NUMBER_TOO_LARGE,
            IntErrorKind::NegOverflow => w::NUMBER_TOO_SMALL,
            _ => return None,
        };
        return clap_sentence(id, &[]);
    }
    if source.downcast_ref::<TryFromIntError>().is_some() {
        return clap_sentence(w::NUMBER_TOO_LARGE, &[]);
    }
    let (low, high) = out_of_range(&source.to_string())?;
    clap_sentence(
        w::OUT_OF_RANGE,
        &[("low", low.as_str()), ("high", high.as_str())],
    )
}

/// The bounds of clap's `<n> is not in <low>..=<high>` (or `..<high>`, the last one left out).
fn out_of_range(said: &str) -> Option<(String, String)> {
    let (typed, range) = said.split_once(" is not in ")?;
    typed.parse::<i128>().ok()?;
    let (low, high) = range.split_once("..")?;
    let low = low.parse::<i128>().ok()?;
    let high = match high.strip_prefix('=') {
        Some(included) => included.parse::<i128>().ok()?,
        None => high.parse::<i128>().ok()? - 1,
    };
    Some((low.to_string(), high.to_string()))
}

/// clap's tips, which it writes as sentences: the three it gives, read back into Japanese.
fn tip_in_japanese(tip: &str) -> Option<String> {
    use clap_words as w;
    if let Some(rest) = tip.strip_prefix("to pass '") {
        let (typed, rest) = rest.split_once("' as a value, use '")?;
        let instead = rest.strip_suffix('\'')?;
        return clap_sentence(w::TIP_AS_VALUE, &[("typed", typed), ("instead", instead)]);
    }
    if let Some(rest) = tip.strip_prefix("subcommand '") {
        let command = rest.strip_suffix("' exists; to use it, remove the '--' before it")?;
        return clap_sentence(w::TIP_DOUBLE_DASH, &[("command", command)]);
    }
    let found = tip.strip_prefix('\'')?.strip_suffix("' exists")?;
    (!found.contains('\'')).then_some(())?;
    clap_sentence(w::TIP_EXISTS, &[("found", found)])
}

/// clap's usage (`Usage: leadtrack lead add …`, styled), with its title in Japanese and the
/// lines after the first moved under it.
fn usage_in_japanese(usage: &str) -> Option<String> {
    let title = "Usage:";
    let at = usage.find(title)?;
    let japanese = clap_word(clap_words::USAGE);
    let wider = unicode_width::UnicodeWidthStr::width(japanese.as_str()) + 1 - title.len();
    let more = format!("\n{}", " ".repeat(title.len() + 1 + wider));
    let rest =
        usage[at + title.len()..].replace(&format!("\n{}", " ".repeat(title.len() + 1)), &more);
    Some(format!("{}{japanese}:{rest}", &usage[..at]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_s_tips_are_read_back_and_others_are_not() {
        assert_eq!(
            tip_in_japanese("to pass '--foo' as a value, use '-- --foo'").as_deref(),
            Some("「--foo」を値として渡すには「-- --foo」と入力してください。")
        );
        assert_eq!(
            tip_in_japanese("'lead add --title' exists").as_deref(),
            Some("「lead add --title」ならあります。")
        );
        assert_eq!(
            tip_in_japanese("subcommand 'add' exists; to use it, remove the '--' before it")
                .as_deref(),
            Some("「add」というコマンドがあります。使うには前の「--」を外してください。")
        );
        assert_eq!(tip_in_japanese("something new clap says"), None);
    }

    #[test]
    fn clap_s_range_is_read_with_either_end() {
        assert_eq!(
            out_of_range("5 is not in 3..=4"),
            Some(("3".into(), "4".into()))
        );
        assert_eq!(
            out_of_range("-1 is not in 0..10"),
            Some(("0".into(), "9".into()))
        );
        assert_eq!(out_of_range("invalid digit found in string"), None);
    }

    #[test]
    fn the_usage_title_is_japanese_and_the_lines_after_it_line_up() {
        assert_eq!(
            usage_in_japanese("Usage: leadtrack lead add --title <TITLE>").as_deref(),
            Some("使い方: leadtrack lead add --title <TITLE>")
        );
        assert_eq!(
            usage_in_japanese("Usage: leadtrack a\n       leadtrack b").as_deref(),
            Some("使い方: leadtrack a\n        leadtrack b")
        );
    }
}
