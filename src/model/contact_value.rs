//! The values a contact may have several of (SPEC §2.3): email addresses and phone numbers,
//! each with its kind and one preferred; and the addresses, URLs and companies beyond the
//! card's main ones (another office, a private homepage, the company before a move), kept
//! visible rather than only in the history.

use super::text::fold;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What an email address or a number is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    #[default]
    Work,
    Home,
    Mobile,
    Fax,
    Other,
}

impl ValueKind {
    pub const ALL: [ValueKind; 5] = [
        ValueKind::Work,
        ValueKind::Home,
        ValueKind::Mobile,
        ValueKind::Fax,
        ValueKind::Other,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ValueKind::Work => "work",
            ValueKind::Home => "home",
            ValueKind::Mobile => "mobile",
            ValueKind::Fax => "fax",
            ValueKind::Other => "other",
        }
    }

    pub fn label_ja(self) -> &'static str {
        match self {
            ValueKind::Work => "会社",
            ValueKind::Home => "自宅",
            ValueKind::Mobile => "携帯",
            ValueKind::Fax => "FAX",
            ValueKind::Other => "その他",
        }
    }

    /// The kind a label names, in English or Japanese, as address books and card apps write
    /// them (`Work`, `HOME`, `Cell`, `携帯`, `自宅`, `勤務先`...). `None` for anything else.
    pub fn parse(label: &str) -> Option<ValueKind> {
        let key: String = fold(label)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        let kind = match key.as_str() {
            "work" | "business" | "office" | "company" | "main" | "voice" | "会社" | "仕事"
            | "勤務先" | "職場" | "直通" | "代表" | "部門" => ValueKind::Work,
            "home" | "private" | "personal" | "自宅" | "個人" | "ぷらいべーと" => {
                ValueKind::Home
            }
            "mobile" | "cell" | "cellular" | "iphone" | "携帯" | "携帯電話" | "けいたい"
            | "すまほ" => ValueKind::Mobile,
            "fax" | "workfax" | "homefax" | "facsimile" | "ふぁっくす" | "ふぁくす" => {
                ValueKind::Fax
            }
            "other" | "その他" | "そのた" => ValueKind::Other,
            _ => return None,
        };
        Some(kind)
    }
}

impl fmt::Display for ValueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One email address, number, address, URL or company of a contact, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactValue {
    pub value: String,
    pub kind: ValueKind,
    /// The one shown where a single value is shown (`email`, `phone`, `mobile`, `fax`).
    #[serde(default)]
    pub preferred: bool,
}

impl ContactValue {
    pub fn new(value: &str, kind: ValueKind) -> ContactValue {
        ContactValue {
            value: value.trim().to_string(),
            kind,
            preferred: false,
        }
    }

    pub fn preferred(mut self) -> ContactValue {
        self.preferred = true;
        self
    }
}

/// Which list of a contact a value belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Channel {
    Email,
    Phone,
    /// Addresses beyond the card's main one (`postal_code` and `address`).
    Address,
    Url,
    Company,
}

impl Channel {
    pub const ALL: [Channel; 5] = [
        Channel::Email,
        Channel::Phone,
        Channel::Address,
        Channel::Url,
        Channel::Company,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Phone => "phone",
            Channel::Address => "address",
            Channel::Url => "url",
            Channel::Company => "company",
        }
    }

    pub fn from_id(id: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.id() == id)
    }

    /// The name of the channel's list, as in JSON and the history.
    pub fn list_name(self) -> &'static str {
        match self {
            Channel::Email => "emails",
            Channel::Phone => "phones",
            Channel::Address => "other_addresses",
            Channel::Url => "other_urls",
            Channel::Company => "other_companies",
        }
    }

    /// The key two values of this channel are the same value by: an address by its folded
    /// text, a number by its digits (`090-1234-5678` = `+81 90 1234 5678`).
    pub fn key_of(self, value: &str) -> String {
        match self {
            Channel::Phone => {
                let digits = phone_key(value);
                if digits.is_empty() {
                    fold(value.trim())
                } else {
                    digits
                }
            }
            // A company by its name without the legal form: (株)ミドリ技研 is ミドリ技研株式会社.
            Channel::Company => {
                let key = super::contact::company_key(value);
                if key.is_empty() {
                    fold(value.trim())
                } else {
                    key
                }
            }
            // An address by its letters and digits, its postal code mark aside: 〒100-0005
            // 東京都… and 東京都…, "1-2-3 Otemachi, Tokyo" and "1-2-3 Otemachi Tokyo".
            Channel::Address => {
                let folded = fold(value.trim());
                let body = folded.strip_prefix('〒').map_or(folded.as_str(), |rest| {
                    rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-')
                });
                body.chars().filter(|c| c.is_alphanumeric()).collect()
            }
            _ => fold(value.trim())
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        }
    }
}

/// A phone number as digits, with Japan's +81 written as the domestic 0: how numbers are
/// compared and found, whatever the width, hyphens, spaces and brackets they were written
/// with.
pub fn phone_key(phone: &str) -> String {
    let folded = fold(phone);
    let digits: String = folded.chars().filter(char::is_ascii_digit).collect();
    let international = folded.trim_start().starts_with('+');
    match digits.strip_prefix("81") {
        Some(rest) if international => format!("0{}", rest.strip_prefix('0').unwrap_or(rest)),
        _ => digits,
    }
}

/// The digits to search for when what was typed is a phone number written with
/// separators or `+81` (`+81 90 1234 5678`, `090-1234-5678`, `(03) 5555-0101`): contacts
/// are indexed by their numbers' digits too. `None` for anything else.
pub fn phone_query(typed: &str) -> Option<String> {
    let folded = fold(typed);
    let folded = folded.trim();
    let phone_like = folded.chars().all(|c| {
        c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')' | '.' | '‐' | '−' | 'ー')
    });
    let digits = folded.chars().filter(char::is_ascii_digit).count();
    let separated = folded.chars().any(|c| !c.is_ascii_digit());
    (phone_like && separated && digits >= 3).then(|| phone_key(folded))
}

/// Addresses that belong to a role, not a person: they never make two cards one person.
const ROLE_MAILBOXES: &[&str] = &[
    "info",
    "sales",
    "contact",
    "support",
    "office",
    "admin",
    "hello",
    "inquiry",
    "inquiries",
    "mail",
    "webmaster",
    "service",
    "help",
    "eigyo",
    "soumu",
    "jimukyoku",
    "toiawase",
    "noreply",
    "no-reply",
    "marketing",
    "pr",
    "press",
    "hr",
    "recruit",
    "customer",
];

/// The folded address, when it is a person's (a role address such as `info@` is not).
pub fn personal_email_key(email: &str) -> Option<String> {
    let folded = fold(email).trim().to_string();
    let (local, domain) = folded.split_once('@')?;
    (!local.is_empty() && domain.contains('.') && !ROLE_MAILBOXES.contains(&local))
        .then_some(folded)
}

/// The key a value matches another card by (名寄せ): a personal email address, or a mobile
/// number of at least nine digits. Office numbers are shared by everyone at a company and
/// never say two cards are one person.
pub fn match_key(channel: Channel, value: &ContactValue) -> Option<String> {
    match channel {
        Channel::Email => personal_email_key(&value.value),
        Channel::Phone if value.kind == ValueKind::Mobile => {
            Some(phone_key(&value.value)).filter(|digits| digits.len() >= 9)
        }
        _ => None,
    }
}

/// The value a list shows where one is shown, among those `fits`: the preferred one, else the
/// first.
pub fn preferred_among(
    values: &[ContactValue],
    fits: impl Fn(&ContactValue) -> bool,
) -> Option<&ContactValue> {
    values
        .iter()
        .filter(|v| fits(v))
        .find(|v| v.preferred)
        .or_else(|| values.iter().find(|v| fits(v)))
}

/// Which single value of the phone list a number is shown as: `mobile`, `fax`, or `phone`
/// for every other kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneSlot {
    Phone,
    Mobile,
    Fax,
}

impl PhoneSlot {
    pub fn of(kind: ValueKind) -> PhoneSlot {
        match kind {
            ValueKind::Mobile => PhoneSlot::Mobile,
            ValueKind::Fax => PhoneSlot::Fax,
            _ => PhoneSlot::Phone,
        }
    }

    /// The kind a number given for this slot takes (`--mobile` is a mobile number).
    pub fn kind(self) -> ValueKind {
        match self {
            PhoneSlot::Phone => ValueKind::Work,
            PhoneSlot::Mobile => ValueKind::Mobile,
            PhoneSlot::Fax => ValueKind::Fax,
        }
    }
}

/// Which values of one list share the one preferred place: all emails; the numbers of one
/// slot (phone, mobile, fax). Addresses, URLs and companies beyond the main one have none.
pub fn slot_of(channel: Channel, kind: ValueKind) -> Option<u8> {
    match channel {
        Channel::Email => Some(0),
        Channel::Phone => Some(match PhoneSlot::of(kind) {
            PhoneSlot::Phone => 1,
            PhoneSlot::Mobile => 2,
            PhoneSlot::Fax => 3,
        }),
        _ => None,
    }
}

/// The list as it is to be stored: one value per key (the first), and in each slot exactly
/// one preferred (the first marked, else the first).
pub fn settle(channel: Channel, list: &[ContactValue]) -> Vec<ContactValue> {
    let mut out: Vec<ContactValue> = Vec::with_capacity(list.len());
    for v in list {
        let value = v.value.trim();
        if value.is_empty() {
            continue;
        }
        let key = channel.key_of(value);
        match out.iter_mut().find(|o| channel.key_of(&o.value) == key) {
            Some(there) => there.preferred |= v.preferred,
            None => out.push(ContactValue {
                value: value.to_string(),
                kind: kind_for(channel, v.kind),
                preferred: v.preferred,
            }),
        }
    }
    let mut slots_done: Vec<u8> = Vec::new();
    for i in 0..out.len() {
        let Some(slot) = slot_of(channel, out[i].kind) else {
            out[i].preferred = false;
            continue;
        };
        if slots_done.contains(&slot) {
            // Settled with the first value of its slot.
            continue;
        }
        let marked = (i..out.len())
            .find(|&j| slot_of(channel, out[j].kind) == Some(slot) && out[j].preferred)
            .unwrap_or(i);
        for (j, v) in out.iter_mut().enumerate().skip(i) {
            if slot_of(channel, v.kind) == Some(slot) {
                v.preferred = j == marked;
            }
        }
        slots_done.push(slot);
    }
    out
}

/// The kinds a channel's values can have: an email address can be a phone's (mobile) but
/// not a fax; an address, URL or company is work, home or other.
pub fn kind_for(channel: Channel, kind: ValueKind) -> ValueKind {
    match (channel, kind) {
        (Channel::Phone, kind) => kind,
        (Channel::Email, ValueKind::Fax) => ValueKind::Other,
        (Channel::Email, kind) => kind,
        (_, ValueKind::Mobile | ValueKind::Fax) => ValueKind::Other,
        (_, kind) => kind,
    }
}

/// A list written in one line for a form or a CSV cell: `a@x.jp, b@y.jp (home)`. The kind
/// is left out where it is `default`.
pub fn list_text(values: &[ContactValue], default: ValueKind) -> String {
    values
        .iter()
        .map(|v| item_text(v, default))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One value with its kind in brackets, whatever it is (`03-5555-0903 (work)`): where a
/// number is not under a label that says its kind.
pub fn with_kind(v: &ContactValue) -> String {
    format!("{} ({})", v.value, v.kind)
}

/// One value with its kind in brackets unless it is `default`.
pub fn item_text(v: &ContactValue, default: ValueKind) -> String {
    if v.kind == default {
        v.value.clone()
    } else {
        format!("{} ({})", v.value, v.kind)
    }
}

/// What is wrong with a value typed or read: each names the text at fault, and a face that
/// speaks another language says it in its own words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    #[error("'{0}' is not a kind: use work, home, mobile, fax or other")]
    NotAKind(String),
    #[error("'{0}' is not an email address")]
    NotAnEmail(String),
    #[error("'{0}' is not a phone number")]
    NotANumber(String),
}

impl ValueError {
    /// The sentence in `language` (the English one is its display, the text made safe).
    pub fn message(&self, language: crate::config::Language) -> String {
        use crate::model::text::display_safe;
        use crate::tr;
        match self {
            ValueError::NotAKind(text) => {
                tr!(language, "form-bad-kind", text = display_safe(text))
            }
            ValueError::NotAnEmail(text) => {
                tr!(language, "form-bad-email", text = display_safe(text))
            }
            ValueError::NotANumber(text) => {
                tr!(language, "form-bad-number", text = display_safe(text))
            }
        }
    }
}

/// Reads a list written by [`list_text`] (or typed in a form): values separated by commas,
/// semicolons, `、` or line breaks, each optionally followed by its kind in brackets. A kind
/// that is not one is an error naming it.
pub fn parse_list(text: &str, default: ValueKind) -> Result<Vec<ContactValue>, ValueError> {
    parse_items(text.split([',', ';', '、', '\n']), default)
}

/// Numbers as `parse_list` reads them, a number with no kind given taken for a mobile when
/// it is a Japanese mobile number (070, 080, 090), else for a work one.
pub fn parse_numbers(text: &str) -> Result<Vec<ContactValue>, ValueError> {
    let mut numbers = Vec::new();
    for item in text.split([',', ';', '、', '\n']) {
        let given = item.trim_end().ends_with([')', '）']);
        for mut v in parse_list(item, ValueKind::Work)? {
            if !given && is_japanese_mobile(&v.value) {
                v.kind = ValueKind::Mobile;
            }
            numbers.push(v);
        }
    }
    Ok(numbers)
}

/// 070, 080 and 090 numbers of eleven digits (also written +81 70...).
pub fn is_japanese_mobile(number: &str) -> bool {
    let digits = phone_key(number);
    digits.len() == 11 && ["070", "080", "090"].iter().any(|p| digits.starts_with(p))
}

/// Whether a value typed by a rep can be one of a channel's: an email address has one `@`
/// with something on each side and no space; a number has at least three digits. Files
/// are taken as they are; this is for what is typed.
pub fn check(channel: Channel, value: &str) -> Result<(), ValueError> {
    let value = value.trim();
    match channel {
        Channel::Email => {
            let ok = value.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty() && !domain.is_empty() && !domain.contains('@')
            }) && !value.contains(char::is_whitespace);
            if ok {
                Ok(())
            } else {
                Err(ValueError::NotAnEmail(value.to_string()))
            }
        }
        Channel::Phone => {
            if fold(value).chars().filter(char::is_ascii_digit).count() >= 3 {
                Ok(())
            } else {
                Err(ValueError::NotANumber(value.to_string()))
            }
        }
        _ => Ok(()),
    }
}

/// Addresses, one a line (an address may hold commas), each optionally followed by its kind.
pub fn parse_lines(text: &str, default: ValueKind) -> Result<Vec<ContactValue>, ValueError> {
    parse_items(text.split('\n'), default)
}

/// Addresses written one a line, as [`parse_lines`] reads them.
pub fn lines_text(values: &[ContactValue], default: ValueKind) -> String {
    values
        .iter()
        .map(|v| item_text(v, default))
        .collect::<Vec<_>>()
        .join("\n")
}

fn parse_items<'a>(
    items: impl Iterator<Item = &'a str>,
    default: ValueKind,
) -> Result<Vec<ContactValue>, ValueError> {
    let mut out: Vec<ContactValue> = Vec::new();
    for item in items {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        let (value, kind) = match item.strip_suffix([')', '）']).and_then(|rest| {
            rest.rfind(['(', '（'])
                .map(|open| (&rest[..open], &rest[open..]))
        }) {
            Some((value, bracketed)) if !value.trim().is_empty() => {
                let label = bracketed.trim_start_matches(['(', '（']);
                let kind = ValueKind::parse(label)
                    .ok_or_else(|| ValueError::NotAKind(label.to_string()))?;
                (value.trim(), kind)
            }
            _ => (item, default),
        };
        out.push(ContactValue::new(value, kind));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_settled_list_has_one_preferred_per_slot() {
        let list = vec![
            ContactValue::new("03-1", ValueKind::Work),
            ContactValue::new("090-1", ValueKind::Mobile).preferred(),
            ContactValue::new("03-2", ValueKind::Home).preferred(),
            ContactValue::new("090-2", ValueKind::Mobile).preferred(),
            ContactValue::new("031", ValueKind::Work),
        ];
        let settled = settle(Channel::Phone, &list);
        let marks: Vec<(&str, bool)> = settled
            .iter()
            .map(|v| (v.value.as_str(), v.preferred))
            .collect();
        assert_eq!(
            marks,
            [
                ("03-1", false),
                ("090-1", true),
                ("03-2", true),
                ("090-2", false)
            ],
            "031 is 03-1 again"
        );
    }

    #[test]
    fn numbers_compare_by_digits_with_plus_81_as_zero() {
        assert_eq!(phone_key("+81-90-1234-5678"), "09012345678");
        assert_eq!(phone_key("+81 (0)90 1234 5678"), "09012345678");
        assert_eq!(phone_key("０９０（１２３４）５６７８"), "09012345678");
        assert_eq!(phone_key("090-1234-5678"), "09012345678");
        assert_eq!(phone_key("+1 415 555 0101"), "14155550101");
    }

    #[test]
    fn typed_numbers_become_digit_queries() {
        assert_eq!(
            phone_query("+81 90 1234 5678").as_deref(),
            Some("09012345678")
        );
        assert_eq!(phone_query("090-1234-5678").as_deref(), Some("09012345678"));
        assert_eq!(phone_query("(03) 5555-0101").as_deref(), Some("0355550101"));
        assert_eq!(
            phone_query("09012345678"),
            None,
            "digits are searched as typed"
        );
        assert_eq!(phone_query("佐藤"), None);
        assert_eq!(phone_query("A-1"), None);
    }

    #[test]
    fn role_addresses_and_office_numbers_never_match() {
        assert_eq!(personal_email_key("info@example.co.jp"), None);
        assert_eq!(
            personal_email_key("Hanako.Sato@Example.co.jp").as_deref(),
            Some("hanako.sato@example.co.jp")
        );
        let office = ContactValue::new("03-5555-0101", ValueKind::Work);
        assert_eq!(match_key(Channel::Phone, &office), None);
        let mobile = ContactValue::new("+81 90-1234-5678", ValueKind::Mobile);
        assert_eq!(
            match_key(Channel::Phone, &mobile).as_deref(),
            Some("09012345678")
        );
    }

    #[test]
    fn typed_values_are_checked_and_mobiles_known_by_their_number() {
        assert!(check(Channel::Email, "hanako@example.jp").is_ok());
        assert!(check(Channel::Email, "not-an-email").is_err());
        assert!(check(Channel::Email, "a b@example.jp").is_err());
        assert!(check(Channel::Phone, "03-1234-5678 内線12").is_ok());
        assert!(check(Channel::Phone, "call me maybe").is_err());
        let numbers =
            parse_numbers("090-9999-0000, 03-1111-2222, +81 80 1234 5678 (home)").unwrap();
        let kinds: Vec<ValueKind> = numbers.iter().map(|v| v.kind).collect();
        assert_eq!(kinds, [ValueKind::Mobile, ValueKind::Work, ValueKind::Home]);
    }

    #[test]
    fn kinds_read_in_both_languages() {
        assert_eq!(ValueKind::parse("CELL"), Some(ValueKind::Mobile));
        assert_eq!(ValueKind::parse("携帯"), Some(ValueKind::Mobile));
        assert_eq!(ValueKind::parse("自宅"), Some(ValueKind::Home));
        assert_eq!(ValueKind::parse("Work"), Some(ValueKind::Work));
        assert_eq!(ValueKind::parse("ＦＡＸ"), Some(ValueKind::Fax));
        assert_eq!(ValueKind::parse("boat"), None);
    }

    #[test]
    fn lists_read_back_what_they_write() {
        let values = vec![
            ContactValue::new("a@x.example.jp", ValueKind::Work),
            ContactValue::new("b@y.example.jp", ValueKind::Home),
        ];
        let text = list_text(&values, ValueKind::Work);
        assert_eq!(text, "a@x.example.jp, b@y.example.jp (home)");
        assert_eq!(parse_list(&text, ValueKind::Work).unwrap(), values);
        assert_eq!(
            parse_list("03-1111-2222（自宅）、090-1", ValueKind::Work).unwrap(),
            vec![
                ContactValue::new("03-1111-2222", ValueKind::Home),
                ContactValue::new("090-1", ValueKind::Work)
            ]
        );
        assert!(parse_list("x@y (boat)", ValueKind::Work).is_err());
    }

    #[test]
    fn the_preferred_value_or_else_the_first() {
        let values = vec![
            ContactValue::new("03-1", ValueKind::Work),
            ContactValue::new("090-1", ValueKind::Mobile),
            ContactValue::new("03-2", ValueKind::Home).preferred(),
        ];
        let phone = preferred_among(&values, |v| PhoneSlot::of(v.kind) == PhoneSlot::Phone);
        assert_eq!(phone.map(|v| v.value.as_str()), Some("03-2"));
        let mobile = preferred_among(&values, |v| PhoneSlot::of(v.kind) == PhoneSlot::Mobile);
        assert_eq!(mobile.map(|v| v.value.as_str()), Some("090-1"));
    }
}
