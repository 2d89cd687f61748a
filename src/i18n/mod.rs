//! The words people read, in English and Japanese: Project Fluent catalogs
//! (`assets/locales/en.ftl`, `ja.ftl`, built into the binary) read through `fluent-bundle`.
//!
//! Every message is looked up by its id with `tr!(language, "id")` or, with values,
//! `tr!(language, "id", count = n, name = title)`. Ids are literals at the call, so a test
//! (`tests/catalog.rs`) can check that each id used exists in both catalogs and that each
//! catalog id is used.

pub mod columns;
pub mod help;
pub mod labels;

use crate::config::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

pub const EN_FTL: &str = include_str!("../../assets/locales/en.ftl");
pub const JA_FTL: &str = include_str!("../../assets/locales/ja.ftl");

type Bundle = FluentBundle<FluentResource>;

/// Each catalog is parsed on its first use, so a process reads only its own language's
/// (the first frame pays for one).
fn of(language: Language) -> &'static Bundle {
    static EN: OnceLock<Bundle> = OnceLock::new();
    static JA: OnceLock<Bundle> = OnceLock::new();
    match language {
        Language::En => EN.get_or_init(|| bundle("en", EN_FTL)),
        Language::Ja => JA.get_or_init(|| bundle("ja", JA_FTL)),
    }
}

fn bundle(tag: &str, source: &'static str) -> Bundle {
    // A catalog that does not parse is a build defect the catalog test catches; what
    // parsed is still used.
    let resource =
        FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
    let lang = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // Fluent wraps each value in Unicode isolation marks for right-to-left scripts; a
    // terminal draws them as stray cells and our languages do not need them.
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    bundle
}

/// The message `id` in `language`, with `args` put in. A message missing from the
/// language's catalog falls back to English, then to the id (the catalog test keeps both
/// from happening).
pub fn message(language: Language, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    // English only when the language's catalog lacks the message (the catalog test keeps
    // that from happening), so English is not parsed for a Japanese rep.
    let found = |bundle: &'static Bundle| bundle.get_message(id).and_then(|m| m.value());
    let (bundle, pattern) = match found(of(language)) {
        Some(pattern) => (of(language), Some(pattern)),
        None => (of(Language::En), found(of(Language::En))),
    };
    match pattern {
        Some(pattern) => {
            let mut errors = Vec::new();
            bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned()
        }
        None => id.to_string(),
    }
}

/// Values for a message: numbers stay numbers (Fluent picks `one`/`other` by them), the
/// rest is text.
pub fn value<'a, T: Into<FluentValue<'a>>>(v: T) -> FluentValue<'a> {
    v.into()
}

/// A message kept by its id and values until it is shown, so one error can be read in
/// either language: `Said::new("error-x", [("name", value)])`. It displays in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// A value put into a `Said`: the same text in every language (a name, a path, what was
/// typed), words of its own in each (a list joined as each language joins one), or a
/// catalog message, looked up only when the value is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Each { en: String, ja: String },
    Message(&'static str),
}

impl Arg {
    /// Words of its own in each language, made by `words`: `Arg::in_each(|l| tr!(l, "x"))`.
    pub fn in_each(words: impl Fn(Language) -> String) -> Arg {
        Arg::Each {
            en: words(Language::En),
            ja: words(Language::Ja),
        }
    }

    /// A program's own diagnostic (SQLite's, the TOML reader's), shown as it said it: in a
    /// Japanese sentence it stands in 〔〕, marked as quoted.
    pub fn quoted(text: impl Into<String>) -> Arg {
        let en = text.into();
        Arg::Each {
            ja: format!("〔{en}〕"),
            en,
        }
    }

    pub fn in_language(&self, language: Language) -> std::borrow::Cow<'_, str> {
        match (self, language) {
            (Arg::Text(text), _) => text.into(),
            (Arg::Each { en, .. }, Language::En) => en.into(),
            (Arg::Each { ja, .. }, Language::Ja) => ja.into(),
            (Arg::Message(id), _) => message(language, id, None).into(),
        }
    }

    /// The same value with `f` applied to its text (in each language).
    pub fn map(&self, f: impl Fn(&str) -> String) -> Arg {
        match self {
            Arg::Text(text) => Arg::Text(f(text)),
            Arg::Each { en, ja } => Arg::Each {
                en: f(en),
                ja: f(ja),
            },
            Arg::Message(_) => Arg::in_each(|l| f(&self.in_language(l))),
        }
    }
}

impl std::fmt::Display for Arg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_language(Language::En))
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl Said {
    pub fn new<V: Into<Arg>>(
        id: &'static str,
        args: impl IntoIterator<Item = (&'static str, V)>,
    ) -> Said {
        Said {
            id,
            args: args.into_iter().map(|(k, v)| (k, v.into())).collect(),
        }
    }

    /// A message that takes no values.
    pub fn plain(id: &'static str) -> Said {
        Said {
            id,
            args: Vec::new(),
        }
    }

    /// The message in `language`, its values put in as text.
    pub fn in_language(&self, language: Language) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            args.set(
                *name,
                FluentValue::from(value.in_language(language).into_owned()),
            );
        }
        message(language, self.id, Some(&args))
    }
}

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_language(Language::En))
    }
}

/// `tr!(language, "id")`, or `tr!(language, "id", name = value, ...)`.
#[macro_export]
macro_rules! tr {
    ($language:expr, $id:literal) => {
        $crate::i18n::message($language, $id, None)
    };
    ($language:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = fluent_bundle::FluentArgs::new();
        $(args.set(stringify!($name), $crate::i18n::value($value));)+
        $crate::i18n::message($language, $id, Some(&args))
    }};
}

/// The language to use when the config says `auto`: Japanese when the locale variables
/// (`LC_ALL`, else `LC_MESSAGES`, else `LANG`, as POSIX orders them) name Japanese.
pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Language {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|value| !value.is_empty())
        .unwrap_or_default();
    if locale.to_ascii_lowercase().starts_with("ja") {
        Language::Ja
    } else {
        Language::En
    }
}

/// Why the system refused to read or write, in each language: the everyday reasons from
/// the catalog, others as the system says them.
pub fn io_reason(e: &std::io::Error) -> Arg {
    use std::io::ErrorKind as K;
    let id = match e.kind() {
        K::NotFound => Some("io-not-found"),
        K::PermissionDenied => Some("io-permission-denied"),
        K::AlreadyExists => Some("io-already-exists"),
        K::IsADirectory => Some("io-is-a-folder"),
        K::NotADirectory => Some("io-not-a-folder"),
        K::StorageFull => Some("io-disk-full"),
        K::ReadOnlyFilesystem => Some("io-read-only"),
        K::InvalidData => Some("io-invalid-data"),
        K::BrokenPipe => Some("io-closed"),
        _ => None,
    };
    match id {
        Some(id) => Arg::in_each(|l| message(l, id, None)),
        None => Arg::Text(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_decides_auto_in_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(from_locale(env(&[("LANG", "ja_JP.UTF-8")])), Language::Ja);
        assert_eq!(from_locale(env(&[("LANG", "en_US.UTF-8")])), Language::En);
        assert_eq!(from_locale(env(&[])), Language::En);
        assert_eq!(
            from_locale(env(&[("LC_ALL", "C.UTF-8"), ("LANG", "ja_JP.UTF-8")])),
            Language::En,
            "LC_ALL wins"
        );
        assert_eq!(
            from_locale(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "ja_JP"),
                ("LANG", "C")
            ])),
            Language::Ja,
            "an empty LC_ALL is unset"
        );
    }

    #[test]
    fn messages_take_values_and_count_in_english() {
        assert_eq!(tr!(Language::En, "leads-count", count = 1), "1 lead");
        assert_eq!(tr!(Language::En, "leads-count", count = 3), "3 leads");
        assert_eq!(tr!(Language::Ja, "leads-count", count = 3), "3件");
    }
}
