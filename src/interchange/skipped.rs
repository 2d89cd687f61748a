//! Why a row of a card or lead file was left out of an import.

use serde::Serialize;

/// Why a row of a file was left out. Reports word it in the rep's language; JSON reports
/// keep the English words scripts already read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    NoTitle,
    NoName,
    NoNameOrEmail,
}

impl SkipReason {
    pub fn message_id(self) -> &'static str {
        match self {
            SkipReason::NoTitle => "skip-no-title",
            SkipReason::NoName => "skip-no-name",
            SkipReason::NoNameOrEmail => "skip-no-name-or-email",
        }
    }
}

impl Serialize for SkipReason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::i18n::message(
            crate::config::Language::En,
            self.message_id(),
            None,
        ))
    }
}
