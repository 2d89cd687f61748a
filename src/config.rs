//! The TOML config (SPEC §7): types with their defaults, where the file lives, and validation
//! that names the key and line of anything wrong.

use crate::i18n::{Arg, Said};
use crate::model::contact::NameOrder;
use crate::model::{ActivityKind, KindMap, Stage, StageMap};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;
use std::ops::{Index, IndexMut};
use std::path::{Path, PathBuf};
use strum::{VariantArray, VariantNames};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub user: UserConfig,
    pub database: DatabaseConfig,
    pub team: TeamConfig,
    pub scoring: ScoringConfig,
    pub stages: StagesConfig,
    pub sources: SourcesConfig,
    pub export: ExportConfig,
    pub ui: UiConfig,
    /// Key bindings: action name → one key or a list of keys.
    pub keys: BTreeMap<String, KeyList>,
    /// The language everything is shown in: `[ui] language`, with `auto` read from the
    /// locale when the config is loaded (English for a config parsed alone), and `--lang`
    /// or `LEADTRACK_LANG` put over it by the caller.
    #[serde(skip)]
    pub language: Language,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct UserConfig {
    /// The rep's name, written as the author of every change. Default: the login name.
    pub name: Option<String>,
    /// The rep's own email address: mail from it is outbound, and it never makes a message
    /// anybody's (`import mail`).
    pub email: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseConfig {
    pub path: Option<PathBuf>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TeamConfig {
    pub file: Option<PathBuf>,
    /// A PostgreSQL team store (`postgresql://…`), instead of a file.
    pub server: Option<String>,
    pub sync_interval_secs: u64,
}

impl Default for TeamConfig {
    fn default() -> Self {
        TeamConfig {
            file: None,
            server: None,
            sync_interval_secs: 60,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ScoringConfig {
    pub points: Points,
    /// Days after which an activity counts half; 0 turns decay off.
    pub half_life_days: f64,
    pub ranks: RankThresholds,
}

/// Points per activity kind (SPEC §2.5): `[scoring.points]`, one key per kind id. A kind
/// the file leaves out keeps its `ActivityKind::default_points`.
#[derive(Clone, PartialEq)]
pub struct Points(pub KindMap<f64>);

impl Default for Points {
    fn default() -> Self {
        Points(ActivityKind::ALL.map(ActivityKind::default_points))
    }
}

impl Points {
    pub fn of(&self, kind: ActivityKind) -> f64 {
        self.0[kind]
    }
}

impl Index<ActivityKind> for Points {
    type Output = f64;

    fn index(&self, kind: ActivityKind) -> &f64 {
        &self.0[kind]
    }
}

impl IndexMut<ActivityKind> for Points {
    fn index_mut(&mut self, kind: ActivityKind) -> &mut f64 {
        &mut self.0[kind]
    }
}

impl fmt::Debug for Points {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(ActivityKind::ALL.map(|kind| (kind.id(), self[kind])))
            .finish()
    }
}

impl<'de> Deserialize<'de> for Points {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let table = Points::default().0;
        deserialize_over::<_, ActivityKind, _, _>(
            deserializer,
            table,
            "a table of points by activity kind",
        )
        .map(Points)
    }
}

/// The lowest score of rank A and of rank B; below B is C.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RankThresholds {
    pub a: f64,
    pub b: f64,
}

impl Default for RankThresholds {
    fn default() -> Self {
        RankThresholds { a: 10.0, b: 5.0 }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StagesConfig {
    pub stale_after_days: StaleAfterDays,
}

/// Days without activity after which a lead is stale, by stage:
/// `[stages.stale_after_days]`, one key per stage id. A stage the file leaves out keeps its
/// `Stage::default_stale_after_days`.
#[derive(Clone, PartialEq)]
pub struct StaleAfterDays(pub StageMap<u32>);

impl Default for StaleAfterDays {
    fn default() -> Self {
        StaleAfterDays(Stage::ALL.map(Stage::default_stale_after_days))
    }
}

impl StaleAfterDays {
    pub fn of(&self, stage: Stage) -> u32 {
        self.0[stage]
    }
}

impl Index<Stage> for StaleAfterDays {
    type Output = u32;

    fn index(&self, stage: Stage) -> &u32 {
        &self.0[stage]
    }
}

impl IndexMut<Stage> for StaleAfterDays {
    fn index_mut(&mut self, stage: Stage) -> &mut u32 {
        &mut self.0[stage]
    }
}

impl fmt::Debug for StaleAfterDays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(Stage::ALL.map(|stage| (stage.id(), self[stage])))
            .finish()
    }
}

impl<'de> Deserialize<'de> for StaleAfterDays {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let table = StaleAfterDays::default().0;
        deserialize_over::<_, Stage, _, _>(deserializer, table, "a table of days by stage")
            .map(StaleAfterDays)
    }
}

/// Reads a TOML table keyed by the ids of an enum's variants (`call = 1`) over `table`, which
/// holds the defaults: a key the file leaves out keeps its default, and a key that is no
/// variant's id is an unknown field, named with its path like any other unknown key.
fn deserialize_over<'de, D, K, V, const N: usize>(
    deserializer: D,
    table: [V; N],
    expecting: &'static str,
) -> Result<[V; N], D::Error>
where
    D: Deserializer<'de>,
    K: VariantId,
    V: Deserialize<'de>,
    [V; N]: IndexMut<K, Output = V>,
{
    struct TableVisitor<K, V, const N: usize> {
        table: [V; N],
        expecting: &'static str,
        key: PhantomData<K>,
    }

    impl<'de, K, V, const N: usize> Visitor<'de> for TableVisitor<K, V, N>
    where
        K: VariantId,
        V: Deserialize<'de>,
        [V; N]: IndexMut<K, Output = V>,
    {
        type Value = [V; N];

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.expecting)
        }

        fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Self::Value, A::Error> {
            while let Some(VariantKey(key)) = map.next_key::<VariantKey<K>>()? {
                self.table[key] = map.next_value()?;
            }
            Ok(self.table)
        }
    }

    deserializer.deserialize_map(TableVisitor {
        table,
        expecting,
        key: PhantomData,
    })
}

/// An enum whose variants are config keys by their snake_case ids.
trait VariantId: Copy + VariantArray + VariantNames + AsRef<str> {}
impl VariantId for ActivityKind {}
impl VariantId for Stage {}

/// A config key that must be one variant's id.
struct VariantKey<K>(K);

impl<'de, K: VariantId> Deserialize<'de> for VariantKey<K> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor<K>(PhantomData<K>);

        impl<K: VariantId> Visitor<'_> for KeyVisitor<K> {
            type Value = VariantKey<K>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("one of ")?;
                f.write_str(&<K as VariantNames>::VARIANTS.join(", "))
            }

            fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
                <K as VariantArray>::VARIANTS
                    .iter()
                    .find(|variant| variant.as_ref() == key)
                    .map(|variant| VariantKey(*variant))
                    .ok_or_else(|| E::unknown_field(key, <K as VariantNames>::VARIANTS))
            }
        }

        deserializer.deserialize_identifier(KeyVisitor(PhantomData))
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SourcesConfig {
    /// The channels a lead can come from.
    pub names: Vec<String>,
}

impl Default for SourcesConfig {
    fn default() -> Self {
        let names = [
            "exhibition",
            "website",
            "seminar",
            "referral",
            "inbound_call",
            "advertising",
            "sns",
            "business_card",
            "other",
        ];
        SourcesConfig {
            names: names.iter().map(|s| s.to_string()).collect(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum TextEncoding {
    #[default]
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "utf-8-bom")]
    Utf8Bom,
    #[serde(rename = "shift_jis")]
    ShiftJis,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ExportConfig {
    pub encoding: TextEncoding,
    /// Make cells a spreadsheet would run as a formula inert.
    pub excel_safe: bool,
}

impl Default for ExportConfig {
    fn default() -> Self {
        ExportConfig {
            encoding: TextEncoding::Utf8,
            excel_safe: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    #[default]
    En,
    Ja,
}

impl std::str::FromStr for Language {
    type Err = NotALanguage;

    /// `en`, `ja` (or a locale such as `ja_JP.UTF-8`), as `--lang` and `LEADTRACK_LANG`
    /// take it.
    fn from_str(s: &str) -> Result<Language, NotALanguage> {
        let lower = s.trim().to_ascii_lowercase();
        if lower.starts_with("ja") {
            Ok(Language::Ja)
        } else if lower.starts_with("en") {
            Ok(Language::En)
        } else {
            Err(NotALanguage(s.to_string()))
        }
    }
}

/// What was typed for `--lang` (or `LEADTRACK_LANG`) names no language. clap shows it in
/// English (its `Display`); a Japanese rep's refusal finds it by its type and says it in
/// Japanese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotALanguage(pub String);

impl NotALanguage {
    pub fn in_language(&self, language: Language) -> String {
        crate::tr!(language, "error-not-a-language", typed = self.0.as_str())
    }
}

impl fmt::Display for NotALanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_language(Language::En))
    }
}

impl std::error::Error for NotALanguage {}

/// `[ui] language`: English, Japanese, or as the system's locale says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LanguageChoice {
    /// Japanese when `LC_ALL`, `LC_MESSAGES` or `LANG` names Japanese, else English.
    #[default]
    Auto,
    En,
    Ja,
}

impl LanguageChoice {
    /// The language it means, `auto` read from the locale variables through `env`.
    pub fn resolve(self, env: impl Fn(&str) -> Option<String>) -> Language {
        match self {
            LanguageChoice::Auto => crate::i18n::from_locale(env),
            LanguageChoice::En => Language::En,
            LanguageChoice::Ja => Language::Ja,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    Dark,
    Light,
    Mono,
}

/// The view the app opens on (`[ui] start_view`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StartView {
    Board,
    Followups,
    /// The follow-ups when one of mine is overdue or due today, else the board.
    #[default]
    Auto,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct UiConfig {
    pub language: LanguageChoice,
    /// strftime format for dates on screen.
    pub date_format: String,
    pub theme: Theme,
    pub name_order: NameOrder,
    /// The view the app opens on.
    pub start_view: StartView,
}

impl Default for UiConfig {
    fn default() -> Self {
        UiConfig {
            language: LanguageChoice::Auto,
            date_format: "%Y-%m-%d".to_string(),
            theme: Theme::Dark,
            name_order: NameOrder::Auto,
            start_view: StartView::Auto,
        }
    }
}

/// One key (`"ctrl-s"`) or several (`["j", "down"]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyList {
    One(String),
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for KeyList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeysVisitor;

        impl<'de> Visitor<'de> for KeysVisitor {
            type Value = KeyList;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(KEYS_EXPECTED)
            }

            fn visit_str<E: de::Error>(self, key: &str) -> Result<KeyList, E> {
                Ok(KeyList::One(key.to_string()))
            }

            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<KeyList, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = seq.next_element::<String>()? {
                    keys.push(key);
                }
                Ok(KeyList::Many(keys))
            }
        }

        deserializer.deserialize_any(KeysVisitor)
    }
}

impl KeyList {
    pub fn keys(&self) -> Vec<&str> {
        match self {
            KeyList::One(k) => vec![k.as_str()],
            KeyList::Many(ks) => ks.iter().map(String::as_str).collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("config file {path} does not exist")]
    Missing { path: PathBuf },
    #[error("config file {path} cannot be read: {reason}")]
    Unreadable {
        path: PathBuf,
        reason: crate::i18n::Arg,
    },
    #[error("config file {path}, line {line}: {message}")]
    Invalid {
        path: PathBuf,
        line: usize,
        message: Said,
    },
}

impl ConfigError {
    /// The sentence in the rep's language, naming the file, the line and the key. Text
    /// quoted from the TOML reader (what it expected) stays in its own words.
    pub fn message(&self, language: Language) -> String {
        use crate::tr;
        match self {
            ConfigError::Missing { path } => tr!(
                language,
                "error-config-missing",
                path = path.display().to_string()
            ),
            ConfigError::Unreadable { path, reason } => tr!(
                language,
                "error-config-unreadable",
                path = path.display().to_string(),
                reason = reason.in_language(language).to_string()
            ),
            ConfigError::Invalid {
                path,
                line,
                message,
            } => tr!(
                language,
                "error-config-invalid",
                path = path.display().to_string(),
                line = line.to_string(),
                message = message.in_language(language)
            ),
        }
    }
}

impl Config {
    /// The rep's name: with a team server, the role it connects as (the server makes it the
    /// author of every change pushed); else `[user] name`, else the login name, else "me".
    pub fn user_name(&self) -> String {
        if let Some(target) = self
            .team
            .server
            .as_deref()
            .and_then(|s| crate::store::server::Target::parse(s).ok())
        {
            return target.user();
        }
        self.user
            .name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .or_else(|| std::env::var("USER").ok().filter(|n| !n.is_empty()))
            .or_else(|| std::env::var("USERNAME").ok().filter(|n| !n.is_empty()))
            .unwrap_or_else(|| "me".to_string())
    }

    /// Loads the config: `explicit` (from `--config` or `LEADTRACK_CONFIG`) must exist; the
    /// platform file is optional and defaults apply without it.
    pub fn load(explicit: Option<&Path>) -> Result<(Config, Option<PathBuf>), ConfigError> {
        let (path, required) = match explicit {
            Some(p) => (Some(p.to_path_buf()), true),
            None => (default_config_path(), false),
        };
        let from_locale = |mut config: Config| {
            config.language = config.ui.language.resolve(|name| std::env::var(name).ok());
            config
        };
        let Some(path) = path else {
            return Ok((from_locale(Config::default()), None));
        };
        match std::fs::read(&path) {
            Ok(bytes) => {
                let config = Config::parse_bytes(&bytes, &path)?;
                Ok((from_locale(config), Some(path)))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
                Ok((from_locale(Config::default()), None))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(ConfigError::Missing { path })
            }
            Err(e) => Err(ConfigError::Unreadable {
                path,
                reason: crate::i18n::io_reason(&e),
            }),
        }
    }

    /// Parses and validates the bytes of a config file, which must be UTF-8 text; `path` is
    /// only used in messages.
    pub fn parse_bytes(bytes: &[u8], path: &Path) -> Result<Config, ConfigError> {
        let text = std::str::from_utf8(bytes).map_err(|e| ConfigError::Invalid {
            path: path.to_path_buf(),
            line: bytes
                .get(..e.valid_up_to())
                .map_or(1, |valid| valid.iter().filter(|&&b| b == b'\n').count() + 1),
            message: Said::plain("error-config-not-utf8"),
        })?;
        Config::parse(text, path)
    }

    /// Parses and validates config text; `path` is only used in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        // Messages quote the file's text (a key, a value): made safe to print.
        let invalid = |line: usize, message: Said| ConfigError::Invalid {
            path: path.to_path_buf(),
            line,
            message: Said {
                args: (message.args.iter())
                    .map(|(name, value)| (*name, value.map(crate::model::text::display_safe)))
                    .collect(),
                ..message
            },
        };
        let deserializer = toml::de::Deserializer::parse(text).map_err(|e| {
            let line = e.span().map(|s| line_of_offset(text, s.start)).unwrap_or(1);
            let text = first_line(e.message());
            invalid(line, Said::new("error-config-syntax", [("text", text)]))
        })?;
        let config: Config = serde_path_to_error::deserialize(deserializer).map_err(|e| {
            let key = e.path().to_string();
            let inner = e.inner();
            let line = inner
                .span()
                .map(|s| line_of_offset(text, s.start))
                .or_else(|| find_key_line(text, &key))
                .unwrap_or(1);
            let message = describe(&key, inner.message());
            invalid(line, message)
        })?;
        config.validate().map_err(|(key, message)| {
            let line = find_key_line(text, &key).unwrap_or(1);
            let mut message = message;
            message.args.insert(0, ("key", key.into()));
            invalid(line, message)
        })?;
        // The keymap the app would build: a `[keys]` it would refuse is refused here, so
        // every command (and `check`) says so, with the line, before anything runs.
        crate::keymap::Keymap::new(&config.keys).map_err(|e| {
            let line = find_key_line(text, &e.key_path)
                .or_else(|| find_table_line(text, "keys"))
                .unwrap_or(1);
            invalid(line, e.said())
        })?;
        let mut config = config;
        config.language = config.ui.language.resolve(|_| None);
        Ok(config)
    }

    /// Rules serde cannot express. Returns the key path at fault and what is wrong (a
    /// message that takes the key as `key`).
    fn validate(&self) -> Result<(), (String, Said)> {
        let ranks = &self.scoring.ranks;
        if !(ranks.a.is_finite() && ranks.b.is_finite()) || ranks.a <= ranks.b {
            return Err((
                "scoring.ranks.a".into(),
                Said::new("error-config-ranks-order", [("b", ranks.b.to_string())]),
            ));
        }
        if !self.scoring.half_life_days.is_finite() || self.scoring.half_life_days < 0.0 {
            return Err((
                "scoring.half_life_days".into(),
                Said::plain("error-config-half-life"),
            ));
        }
        for kind in ActivityKind::ALL {
            if !self.scoring.points.of(kind).is_finite() {
                return Err((
                    format!("scoring.points.{kind}"),
                    Said::plain("error-config-not-a-number"),
                ));
            }
        }
        if self.team.file.is_some() && self.team.server.is_some() {
            return Err((
                "team.server".into(),
                Said::plain("error-config-team-file-and-server"),
            ));
        }
        if let Some(server) = &self.team.server
            && let Err(e) = crate::store::server::Target::parse(server)
        {
            let said = match e {
                crate::error::Error::Said(said) => said,
                _ => Said::plain("error-config-team-file-and-server"),
            };
            return Err(("team.server".into(), said));
        }
        if self.team.sync_interval_secs < 5 {
            return Err((
                "team.sync_interval_secs".into(),
                Said::new("error-config-at-least", [("min", "5")]),
            ));
        }
        if !valid_date_format(&self.ui.date_format) {
            return Err((
                "ui.date_format".into(),
                Said::new(
                    "error-config-date-format",
                    [("format", self.ui.date_format.clone())],
                ),
            ));
        }
        if self.sources.names.iter().any(|s| s.trim().is_empty()) {
            return Err((
                "sources.names".into(),
                Said::plain("error-config-empty-name"),
            ));
        }
        if let Some(name) = &self.user.name
            && name.chars().any(char::is_control)
        {
            return Err((
                "user.name".into(),
                Said::plain("error-config-control-characters"),
            ));
        }
        Ok(())
    }
}

fn valid_date_format(format: &str) -> bool {
    use chrono::format::{Item, StrftimeItems};
    use std::fmt::Write;
    if format.is_empty() || StrftimeItems::new(format).any(|item| matches!(item, Item::Error)) {
        return false;
    }
    // Some specifiers only parse (`%#z`): the format must also write a date as the views do.
    let sample = chrono::DateTime::from_timestamp(1_795_000_000, 0)
        .unwrap_or_default()
        .with_timezone(&chrono::Local);
    write!(String::new(), "{}", sample.format(format)).is_ok()
}

/// Text from the TOML reader or the keymap, after the key it is about (none when `key` is
/// empty): kept in its own words.
fn quoted(key: &str, text: &str) -> Said {
    if key.is_empty() || key == "." {
        Said::new("error-config-quoted", [("text", text)])
    } else {
        Said::new("error-config-key-quoted", [("key", key), ("text", text)])
    }
}

/// Turns serde's wording into the product's: the key path, and what was expected.
fn describe(key: &str, message: &str) -> Said {
    let message = first_line(message);
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        let full = if key.is_empty() || key == "." {
            field.to_string()
        } else {
            key.to_string()
        };
        let expected = rest.split_once(", expected ").map(|(_, e)| e).unwrap_or("");
        return if expected.is_empty() {
            Said::new("error-config-unknown-key", [("key", full)])
        } else if let Some(keys) = expected.strip_prefix("one of ") {
            Said::new(
                "error-config-unknown-key-one-of",
                [("key", full), ("keys", keys.to_string())],
            )
        } else {
            Said::new(
                "error-config-unknown-key-expected",
                [("key", full), ("expected", expected.to_string())],
            )
        };
    }
    let message = message
        .replace("expected u64", "expected a whole number")
        .replace("expected u32", "expected a whole number")
        .replace("expected f64", "expected a number")
        .replace("expected a boolean", "expected true or false");
    let said = if let Some((found, expected)) = message
        .strip_prefix("invalid type: ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        Said::new(
            "error-config-wrong-type",
            [
                ("found", Arg::in_each(|l| serde_value(found, l))),
                ("expected", Arg::in_each(|l| serde_expected(expected, l))),
            ],
        )
    } else if let Some((variant, expected)) = message
        .strip_prefix("unknown variant ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        let expected = expected.strip_prefix("one of ").unwrap_or(expected);
        Said::new(
            "error-config-unknown-value",
            [("typed", variant), ("expected", expected)],
        )
    } else {
        return quoted(key, &message);
    };
    if key.is_empty() || key == "." {
        return said;
    }
    Said::new(
        "error-config-key-quoted",
        [
            ("key", Arg::from(key)),
            ("text", Arg::in_each(|l| said.in_language(l))),
        ],
    )
}

/// What a `[keys]` entry holds, as serde says it expected it.
const KEYS_EXPECTED: &str = "a key such as \"ctrl-s\", or a list of keys such as [\"j\", \"down\"]";

/// serde's name of a value it found (`string "soon"`, `integer `3``) in `language`.
fn serde_value(found: &str, language: Language) -> String {
    let kinds = [
        ("string", "config-value-string"),
        ("integer", "config-value-integer"),
        ("floating point", "config-value-number"),
        ("boolean", "config-value-boolean"),
        ("sequence", "config-value-list"),
        ("map", "config-value-table"),
    ];
    for (kind, id) in kinds {
        if let Some(value) = found.strip_prefix(kind) {
            return format!("{}{value}", crate::i18n::message(language, id, None));
        }
    }
    found.to_string()
}

/// What serde expected (`a whole number`) in `language`.
fn serde_expected(expected: &str, language: Language) -> String {
    let id = match expected {
        "a whole number" => "config-expected-whole-number",
        "a number" => "config-expected-number",
        "true or false" => "config-expected-boolean",
        "a string" => "config-expected-string",
        "a sequence" => "config-expected-list",
        KEYS_EXPECTED => "config-expected-keys",
        _ => return expected.to_string(),
    };
    crate::i18n::message(language, id, None)
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").trim().to_string()
}

fn line_of_offset(text: &str, offset: usize) -> usize {
    text.get(..offset.min(text.len()))
        .map(|t| t.matches('\n').count() + 1)
        .unwrap_or(1)
}

/// The line where `a.b.c` is set: `c = ...` inside `[a.b]` (or `b.c = ...` inside `[a]`).
fn find_key_line(text: &str, key_path: &str) -> Option<usize> {
    let parts: Vec<&str> = key_path.split('.').collect();
    let (leaf, table) = parts.split_last()?;
    let mut section = String::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = header.trim().to_string();
            continue;
        }
        let Some((k, _)) = line.split_once('=') else {
            continue;
        };
        // `"won" = "d"`: a quoted key is the same key.
        let k = k.trim().trim_matches(|c| c == '"' || c == '\'');
        let full = if section.is_empty() {
            k.to_string()
        } else {
            format!("{section}.{k}")
        };
        if full == key_path || (table.is_empty() && k == *leaf) {
            return Some(i + 1);
        }
    }
    None
}

/// The line that opens table `name` (`[keys]`, or `keys = {` inline).
fn find_table_line(text: &str, name: &str) -> Option<usize> {
    text.lines()
        .position(|raw| {
            let line = raw.trim();
            line.strip_prefix('[')
                .and_then(|l| l.strip_suffix(']'))
                .is_some_and(|header| header.trim() == name)
                || line
                    .split_once('=')
                    .is_some_and(|(k, _)| k.trim().trim_matches('"') == name)
        })
        .map(|i| i + 1)
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "leadtrack")
}

/// `config.toml` in the platform config directory (e.g. `~/.config/leadtrack/` on Linux).
pub fn default_config_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("config.toml"))
}

/// `leadtrack.db` in the platform data directory (e.g. `~/.local/share/leadtrack/`).
pub fn default_database_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_dir().join("leadtrack.db"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_source_has_labels_in_both_languages() {
        use crate::model::source::{label_en, label_ja, resolve};
        let names = SourcesConfig::default().names;
        for id in &names {
            let (en, ja) = (label_en(id), label_ja(id));
            assert!(en.is_some() && ja.is_some(), "{id}");
            assert_eq!(en.and_then(|l| resolve(l, &names)), Some(id.as_str()));
            assert_eq!(ja.and_then(|l| resolve(l, &names)), Some(id.as_str()));
        }
    }

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("c.toml"))
    }

    /// A config error's message in English is its display, word for word; in Japanese it
    /// keeps the file, the line and the key.
    #[test]
    fn config_errors_read_in_either_language() {
        let bad = [
            (
                "[team]\nsync_interval_secs = 1\n",
                "`team.sync_interval_secs`",
            ),
            ("[scoring.ranks]\na = 1\nb = 2\n", "`scoring.ranks.a`"),
            ("[ui]\ndate_format = \"%Q\"\n", "`ui.date_format`"),
            ("[sources]\nnames = [\" \"]\n", "`sources.names`"),
            ("[scoring.points]\nfax = 1\n", "`scoring.points.fax`"),
            ("colours = 1\n", "`colours`"),
            ("[ui]\nlanguage = \"fr\"\n", "`ui.language`"),
        ];
        for (text, key) in bad {
            let e = parse(text).unwrap_err();
            assert_eq!(e.message(Language::En), e.to_string());
            let ja = e.message(Language::Ja);
            assert!(ja.starts_with("設定ファイル c.toml の "), "{ja}");
            assert!(ja.contains(key), "{ja}");
        }
        let missing = ConfigError::Missing {
            path: PathBuf::from("/tmp/none.toml"),
        };
        assert_eq!(missing.message(Language::En), missing.to_string());
        assert_eq!(
            missing.message(Language::Ja),
            "設定ファイル /tmp/none.toml がありません"
        );
    }

    #[test]
    fn defaults_follow_the_spec() {
        let c = parse("").unwrap();
        assert_eq!(c.scoring.points[ActivityKind::Inquiry], 3.0);
        assert_eq!(c.scoring.points[ActivityKind::Note], 0.0);
        assert_eq!(c.scoring.ranks.a, 10.0);
        assert_eq!(c.stages.stale_after_days[Stage::Considering], 14);
        assert_eq!(c.stages.stale_after_days[Stage::Customer], 90);
        assert!(c.export.excel_safe);
    }

    #[test]
    fn unknown_keys_name_the_path_and_line() {
        let err =
            parse("[user]\nname = \"x\"\n\n[scoring.points]\ncall = 1\nfax = 2\n").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("line 6"), "{msg}");
        assert!(msg.contains("scoring.points.fax"), "{msg}");
    }

    #[test]
    fn a_kinds_points_in_the_config_reach_the_score() {
        use crate::scoring::{rank, score};
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let at = chrono::DateTime::<chrono::Utc>::default();
        let activities = [
            (ActivityKind::Seminar, at),
            (ActivityKind::Seminar, at),
            (ActivityKind::Call, at),
        ];
        let defaults = parse("").unwrap();
        assert_eq!(score(&activities, &defaults.scoring, today), 5.0);
        let c = parse("[scoring.points]\nseminar = 9\n").unwrap();
        assert_eq!(c.scoring.points[ActivityKind::Seminar], 9.0);
        let s = score(&activities, &c.scoring, today);
        assert_eq!(s, 19.0, "two seminars at 9 and a call at its default 1");
        assert_eq!(rank(s, &c.scoring.ranks), crate::model::Rank::A);
        for kind in ActivityKind::ALL
            .into_iter()
            .filter(|k| *k != ActivityKind::Seminar)
        {
            assert_eq!(c.scoring.points.of(kind), kind.default_points(), "{kind}");
        }
    }

    #[test]
    fn every_kind_and_stage_id_is_a_config_key() {
        for kind in ActivityKind::ALL {
            let c = parse(&format!("[scoring.points]\n{kind} = 7.5\n")).unwrap();
            assert_eq!(c.scoring.points[kind], 7.5, "{kind}");
        }
        // A lead created five days ago: stale only where the config says 3 days.
        let created = chrono::DateTime::<chrono::Utc>::default();
        let today = created.date_naive() + chrono::Days::new(5);
        let stale = |limits: &StaleAfterDays, stage| {
            crate::followups::is_stale(stage, None, &created, limits, today)
        };
        let defaults = StaleAfterDays::default();
        for stage in Stage::ALL {
            let c = parse(&format!("[stages.stale_after_days]\n{stage} = 3\n")).unwrap();
            assert_eq!(c.stages.stale_after_days.of(stage), 3, "{stage}");
            assert!(stale(&c.stages.stale_after_days, stage), "{stage}");
            assert!(!stale(&defaults, stage), "{stage}");
        }
    }

    #[test]
    fn unknown_stage_keys_and_bad_days_name_the_path_and_line() {
        let msg = parse("[stages.stale_after_days]\nfuture = 30\nlater = 5\n")
            .unwrap_err()
            .to_string();
        assert!(
            msg.contains("line 3") && msg.contains("unknown key `stages.stale_after_days.later`"),
            "{msg}"
        );
        let ids = Stage::ALL.map(|stage| format!("`{stage}`")).join(", ");
        assert!(msg.contains(&format!("(expected one of {ids})")), "{msg}");
        let msg = parse("[stages.stale_after_days]\nfuture = -3\n")
            .unwrap_err()
            .to_string();
        assert!(
            msg.contains("line 2") && msg.contains("stages.stale_after_days.future"),
            "{msg}"
        );
        let msg = parse("[scoring]\npoints = 5\n").unwrap_err().to_string();
        assert!(
            msg.contains("line 2") && msg.contains("scoring.points"),
            "{msg}"
        );
    }

    #[test]
    fn bad_values_name_the_path_and_line() {
        let msg = parse("[team]\nsync_interval_secs = \"soon\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            msg.contains("line 2") && msg.contains("team.sync_interval_secs"),
            "{msg}"
        );
        let msg = parse("[scoring.ranks]\na = 3\nb = 5\n")
            .unwrap_err()
            .to_string();
        assert!(
            msg.contains("line 2") && msg.contains("scoring.ranks.a"),
            "{msg}"
        );
        let msg = parse("[ui]\nlanguage = \"fr\"\n").unwrap_err().to_string();
        assert!(
            msg.contains("line 2") && msg.contains("ui.language"),
            "{msg}"
        );
    }

    #[test]
    fn broken_toml_names_the_line() {
        let msg = parse("[user]\nname = \n").unwrap_err().to_string();
        assert!(msg.contains("line 2"), "{msg}");
    }
}
