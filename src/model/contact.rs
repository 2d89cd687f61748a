//! Contacts: business cards, 名刺 (SPEC §2.3).

use super::dates;
use super::text::{fold, is_japanese};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Contact {
    pub id: String,
    pub family_name: Option<String>,
    pub given_name: Option<String>,
    pub family_reading: Option<String>,
    pub given_reading: Option<String>,
    pub company: Option<String>,
    pub company_reading: Option<String>,
    pub department: Option<String>,
    pub title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub mobile: Option<String>,
    pub fax: Option<String>,
    pub postal_code: Option<String>,
    pub address: Option<String>,
    pub url: Option<String>,
    pub exchanged_on: Option<NaiveDate>,
    pub exchanged_at: Option<String>,
    pub exchanged_by: Option<String>,
    pub notes: Option<String>,
    pub tags: Vec<String>,
    #[serde(with = "dates::timestamp")]
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    #[serde(with = "dates::timestamp")]
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
}

/// How names are shown (`[ui] name_order`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameOrder {
    /// Family first for Japanese names (佐藤 花子), given first for others (Hanako Sato).
    #[default]
    Auto,
    FamilyFirst,
    GivenFirst,
}

/// The name as people write it: 「佐藤 花子」 for a Japanese name, "John Smith" otherwise.
pub fn display_name(family: Option<&str>, given: Option<&str>, order: NameOrder) -> String {
    let family = family.unwrap_or("").trim();
    let given = given.unwrap_or("").trim();
    let family_first = match order {
        NameOrder::FamilyFirst => true,
        NameOrder::GivenFirst => false,
        NameOrder::Auto => is_japanese(family) || is_japanese(given),
    };
    let (first, second) = if family_first {
        (family, given)
    } else {
        (given, family)
    };
    match (first.is_empty(), second.is_empty()) {
        (true, _) => second.to_string(),
        (_, true) => first.to_string(),
        _ => format!("{first} {second}"),
    }
}

impl Contact {
    pub fn name(&self, order: NameOrder) -> String {
        display_name(
            self.family_name.as_deref(),
            self.given_name.as_deref(),
            order,
        )
    }

    /// The reading, family first, when the card has one (さとう はなこ).
    pub fn reading(&self) -> Option<String> {
        let parts: Vec<&str> = [&self.family_reading, &self.given_reading]
            .into_iter()
            .flatten()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

/// The key contacts sort by: the folded reading when there is one (so 佐藤 sorts under さ),
/// else the folded name, family first, then the company.
pub fn sort_key(
    family: Option<&str>,
    given: Option<&str>,
    family_reading: Option<&str>,
    given_reading: Option<&str>,
    company: Option<&str>,
) -> String {
    let pick = |reading: Option<&str>, name: Option<&str>| {
        reading
            .filter(|r| !r.trim().is_empty())
            .or(name)
            .unwrap_or("")
            .trim()
            .to_string()
    };
    let key = format!(
        "{} {} {}",
        pick(family_reading, family),
        pick(given_reading, given),
        company.unwrap_or("")
    );
    fold(key.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_names_show_family_first() {
        assert_eq!(
            display_name(Some("佐藤"), Some("花子"), NameOrder::Auto),
            "佐藤 花子"
        );
        assert_eq!(
            display_name(Some("Smith"), Some("John"), NameOrder::Auto),
            "John Smith"
        );
        assert_eq!(
            display_name(Some("Sato"), Some("Hanako"), NameOrder::FamilyFirst),
            "Sato Hanako"
        );
        assert_eq!(display_name(None, Some("花子"), NameOrder::Auto), "花子");
    }

    #[test]
    fn readings_decide_the_sort() {
        let sato = sort_key(
            Some("佐藤"),
            Some("花子"),
            Some("サトウ"),
            Some("ハナコ"),
            None,
        );
        let ito = sort_key(Some("伊藤"), None, Some("いとう"), None, None);
        assert!(ito < sato, "{ito} < {sato}");
        assert!(sato.starts_with("さとう"));
    }
}

/// Everything on a card, for adding a contact or patching one (`None` leaves a field alone
/// in a patch; `Some("")` clears it).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ContactFields {
    pub family_name: Option<String>,
    pub given_name: Option<String>,
    pub family_reading: Option<String>,
    pub given_reading: Option<String>,
    pub company: Option<String>,
    pub company_reading: Option<String>,
    pub department: Option<String>,
    pub title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub mobile: Option<String>,
    pub fax: Option<String>,
    pub postal_code: Option<String>,
    pub address: Option<String>,
    pub url: Option<String>,
    pub exchanged_on: Option<NaiveDate>,
    pub exchanged_at: Option<String>,
    pub exchanged_by: Option<String>,
    pub notes: Option<String>,
    pub tags: Option<Vec<String>>,
}

impl ContactFields {
    pub fn has_name(&self) -> bool {
        [&self.family_name, &self.given_name]
            .into_iter()
            .flatten()
            .any(|s| !s.trim().is_empty())
    }

    /// The text fields by their SPEC name, in SPEC order (exchanged_on and tags aside).
    pub fn text_fields(&self) -> [(&'static str, Option<&str>); 18] {
        [
            ("family_name", self.family_name.as_deref()),
            ("given_name", self.given_name.as_deref()),
            ("family_reading", self.family_reading.as_deref()),
            ("given_reading", self.given_reading.as_deref()),
            ("company", self.company.as_deref()),
            ("company_reading", self.company_reading.as_deref()),
            ("department", self.department.as_deref()),
            ("title", self.title.as_deref()),
            ("email", self.email.as_deref()),
            ("phone", self.phone.as_deref()),
            ("mobile", self.mobile.as_deref()),
            ("fax", self.fax.as_deref()),
            ("postal_code", self.postal_code.as_deref()),
            ("address", self.address.as_deref()),
            ("url", self.url.as_deref()),
            ("exchanged_at", self.exchanged_at.as_deref()),
            ("exchanged_by", self.exchanged_by.as_deref()),
            ("notes", self.notes.as_deref()),
        ]
    }
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

/// The keys that say two cards are the same person (名寄せ): the email (not a role
/// address), the name with the company (`name|company`; `name|` for a card without a
/// company, which matches only where email and mobile do not say otherwise), the mobile
/// number.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MatchKeys {
    pub email: Option<String>,
    pub name_company: Option<String>,
    pub mobile: Option<String>,
    /// The folded email, role addresses included: two cards with different emails are not
    /// taken for one person on their name alone.
    pub any_email: Option<String>,
}

impl MatchKeys {
    /// Whether the name key has no company in it.
    pub fn name_only(&self) -> bool {
        self.name_company
            .as_deref()
            .is_some_and(|k| k.ends_with('|'))
    }
}

pub fn match_keys(
    family: Option<&str>,
    given: Option<&str>,
    company: Option<&str>,
    email: Option<&str>,
    mobile: Option<&str>,
) -> MatchKeys {
    let any_email = email
        .map(|e| fold(e).trim().to_string())
        .filter(|e| !e.is_empty());
    let email = any_email.clone().filter(|e| {
        let Some((local, domain)) = e.split_once('@') else {
            return false;
        };
        !local.is_empty() && domain.contains('.') && !ROLE_MAILBOXES.contains(&local)
    });
    let name: String = format!("{}{}", family.unwrap_or(""), given.unwrap_or(""));
    let name: String = fold(&name).chars().filter(|c| !c.is_whitespace()).collect();
    let company = company.map(company_key).unwrap_or_default();
    let name_company = (!name.is_empty()).then(|| format!("{name}|{company}"));
    let mobile = mobile.map(phone_key).filter(|digits| digits.len() >= 9);
    MatchKeys {
        email,
        name_company,
        mobile,
        any_email,
    }
}

/// A fingerprint of everything on a card (FNV-1a over its fields), so the same card read
/// again goes to the contact it went to the first time.
pub fn card_fingerprint(card: &ContactFields) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |text: &str| {
        for byte in text.bytes().chain(std::iter::once(0x1f)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for (_, value) in card.text_fields() {
        feed(value.unwrap_or(""));
    }
    feed(&card.exchanged_on.map(|d| d.to_string()).unwrap_or_default());
    feed(
        &card
            .tags
            .as_ref()
            .map(|t| t.join("\u{1f}"))
            .unwrap_or_default(),
    );
    format!("{hash:016x}")
}

/// A company name for matching: folded, without the legal form (株式会社, (株), ㈱,
/// 有限会社, Inc., Co., Ltd. ...) and without spaces or punctuation.
pub fn company_key(company: &str) -> String {
    let mut s = fold(company);
    for form in [
        "株式会社",
        "(株)",
        "有限会社",
        "(有)",
        "合同会社",
        "(同)",
        "合資会社",
        "合名会社",
        "一般社団法人",
        "一般財団法人",
        "co.,ltd.",
        "co., ltd.",
        "co.ltd.",
        "corporation",
        "corp.",
        "inc.",
        "ltd.",
        "llc",
        "k.k.",
    ] {
        s = s.replace(form, "");
    }
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A phone number as digits, with Japan's +81 written as the domestic 0.
pub fn phone_key(phone: &str) -> String {
    let digits: String = fold(phone).chars().filter(char::is_ascii_digit).collect();
    let plus = fold(phone).trim_start().starts_with('+');
    match digits.strip_prefix("81") {
        Some(rest) if plus => format!("0{rest}"),
        _ => digits,
    }
}

#[cfg(test)]
mod match_tests {
    use super::*;

    #[test]
    fn role_addresses_never_match() {
        let keys = match_keys(Some("高橋"), None, None, Some("info@example.co.jp"), None);
        assert_eq!(keys.email, None);
        let keys = match_keys(None, None, None, Some("Hanako.Sato@Example.co.jp"), None);
        assert_eq!(keys.email.as_deref(), Some("hanako.sato@example.co.jp"));
    }

    #[test]
    fn company_forms_and_widths_are_one_company() {
        assert_eq!(
            company_key("株式会社ミドリ技研"),
            company_key("(株)ミドリ技研")
        );
        assert_eq!(company_key("㈱ミドリ技研"), company_key("ﾐﾄﾞﾘ技研 株式会社"));
        assert_eq!(
            company_key("ＡＢＣシステムズ"),
            company_key("ABCシステムズ")
        );
    }

    #[test]
    fn phones_compare_by_digits() {
        assert_eq!(phone_key("+81-90-1234-5678"), phone_key("090-1234-5678"));
        assert_eq!(phone_key("０９０（１２３４）５６７８"), "09012345678");
    }
}
