//! Record identity: UUID v7, so copies of a database can be merged (SPEC §2.7).

use chrono::{DateTime, Utc};
use uuid::Uuid;

/// A new UUID v7 stamped with `at`, taking its random bits from `random`.
///
/// Taking the random bits as an argument lets `demo` build the same ids for the same seed.
pub fn id_at(at: DateTime<Utc>, random: [u8; 10]) -> String {
    let millis = u64::try_from(at.timestamp_millis()).unwrap_or(0);
    uuid::Builder::from_unix_timestamp_millis(millis, &random)
        .into_uuid()
        .hyphenated()
        .to_string()
}

/// A new UUID v7 for a record created now.
pub fn new_id() -> String {
    Uuid::now_v7().hyphenated().to_string()
}

/// Whether `s` could be the start of an id: hex digits and hyphens only, at least 4 long.
pub fn is_id_prefix(s: &str) -> bool {
    s.len() >= 4 && s.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_v7_and_sort_by_time() {
        let early = id_at(
            DateTime::from_timestamp(1_700_000_000, 0).unwrap_or_default(),
            [9; 10],
        );
        let late = id_at(
            DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default(),
            [0; 10],
        );
        assert!(early < late);
        let parsed = Uuid::parse_str(&early).map(|u| u.get_version_num());
        assert_eq!(parsed.ok(), Some(7));
    }

    #[test]
    fn prefixes_need_four_hex_characters() {
        assert!(is_id_prefix("019a"));
        assert!(is_id_prefix("019a5f2c-8d"));
        assert!(!is_id_prefix("019"));
        assert!(!is_id_prefix("zzzz"));
    }
}
