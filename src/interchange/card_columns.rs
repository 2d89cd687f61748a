//! What each column of a business-card CSV holds, recognised from its header as the apps
//! that write these files name them: card apps (Eight, Sansan), address books (Google
//! Contacts, Outlook in English and Japanese, Thunderbird), spreadsheets typed by hand, and
//! leadtrack's own export.
//!
//! Producers repeat columns for several values: Google numbers its groups
//! (`E-mail 2 - Label`, `E-mail 2 - Value`), Sansan numbers locations (`TEL-1(2)`), Outlook
//! names them (`Business Phone 2`, `Home Street`). A group's values share a kind, and a
//! group's label may name the kind and mark the preferred value (`* Work`).

use super::columns::header_key;
use crate::model::contact::{Channel, ValueKind};
use crate::model::text::fold;

/// A part of a postal address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressPart {
    /// The whole address in one cell.
    Whole,
    Street,
    Extended,
    PoBox,
    City,
    Region,
    Postal,
    Country,
    /// The producer's own rendering of the other parts (Google's `Formatted`): used only
    /// when the parts are empty.
    Formatted,
}

/// What one column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardColumn {
    /// One field of the card by its name (`family_name`, `notes`, `exchanged_on`, `id`...).
    Field(&'static str),
    /// A job title column that is only the title where no other column is: Outlook's
    /// `Title` and `肩書き` are the honorific (Ms., 様) next to `Job Title` and `役職`.
    WeakTitle,
    /// A whole name or reading (`氏名`, `Display Name`), split at its space; only used when
    /// no column gives the family and given names.
    WholeName,
    WholeReading,
    /// Email addresses, numbers, URLs or companies: one, or several joined by ` ::: `.
    /// `group` pairs it with a label column (0: none).
    Value {
        channel: Channel,
        kind: ValueKind,
        group: u16,
    },
    /// The label of a group (Google's `E-mail 1 - Label`): its kind, and `* ` before the
    /// label for the preferred value.
    Label {
        channel: Channel,
        group: u16,
    },
    /// A list as leadtrack writes it (`a@x.jp, b@y.jp (home)`).
    List(Channel),
    /// A part of the address `group` (0: the card's own columns).
    Address {
        group: u16,
        kind: ValueKind,
        part: AddressPart,
    },
    AddressLabel {
        group: u16,
    },
    Tags,
    /// Kept in the notes, unless it holds the producer's "nothing" (Outlook's `0/0/00`,
    /// `Normal`, `指定なし`).
    Note,
    /// A label and value pair kept in the notes as `label: value` (Google's custom fields,
    /// relations and events).
    PairLabel {
        group: u16,
    },
    PairValue {
        group: u16,
    },
    /// Known and left out: it repeats what other columns hold (a display name beside the
    /// names, an email's transport type, a photo's web address).
    Redundant,
}

/// Values Outlook writes for "nothing" in its date and flag columns.
pub const PRODUCER_BLANKS: &[&str] = &[
    "0/0/00",
    "00/0/0",
    "Unspecified",
    "指定なし",
    "Normal",
    "標準",
    "False",
];

use CardColumn as C;

const fn field(name: &'static str) -> CardColumn {
    C::Field(name)
}

const fn value(channel: Channel, kind: ValueKind) -> CardColumn {
    C::Value {
        channel,
        kind,
        group: 0,
    }
}

const fn address(group: u16, kind: ValueKind, part: AddressPart) -> CardColumn {
    C::Address { group, kind, part }
}

const EMAIL_WORK: CardColumn = value(Channel::Email, ValueKind::Work);
const EMAIL_OTHER: CardColumn = value(Channel::Email, ValueKind::Other);
const PHONE_WORK: CardColumn = value(Channel::Phone, ValueKind::Work);
const PHONE_HOME: CardColumn = value(Channel::Phone, ValueKind::Home);
const PHONE_MOBILE: CardColumn = value(Channel::Phone, ValueKind::Mobile);
const PHONE_FAX: CardColumn = value(Channel::Phone, ValueKind::Fax);
const PHONE_OTHER: CardColumn = value(Channel::Phone, ValueKind::Other);
const URL_WORK: CardColumn = value(Channel::Url, ValueKind::Work);
const URL_HOME: CardColumn = value(Channel::Url, ValueKind::Home);

use AddressPart as P;
use ValueKind as K;

/// Headers as producers and people write them, and what they hold. Compared by
/// [`header_key`] (width, case, spaces and brackets ignored).
const KNOWN: &[(&[&str], CardColumn)] = &[
    (&["id", "ID", "UID", "Contact ID", "名刺ID"], field("id")),
    (
        &[
            "family_name",
            "姓",
            "氏名[姓]",
            "氏名（姓）",
            "苗字",
            "名字",
            "Last Name",
            "Family Name",
            "Surname",
            "Last",
        ],
        field("family_name"),
    ),
    (
        &[
            "given_name",
            "名",
            "氏名[名]",
            "氏名（名）",
            "First Name",
            "Given Name",
            "First",
        ],
        field("given_name"),
    ),
    (
        &[
            "name",
            "氏名",
            "名前",
            "お名前",
            "Name",
            "Full Name",
            "Display Name",
        ],
        C::WholeName,
    ),
    (
        &[
            "family_reading",
            "姓の読み",
            "セイ",
            "姓(カナ)",
            "姓(フリガナ)",
            "姓(よみ)",
            "よみ(姓)",
            "フリガナ(姓)",
            "カナ(姓)",
            "姓カナ",
            "姓フリガナ",
            "姓よみがな",
            "よみがな(姓)",
            "ふりがな(姓)",
            "氏名(カナ)[姓]",
            "フリガナ[姓]",
            "Last Name Reading",
            "Phonetic Last Name",
            "Last Name Kana",
            "Family Name Reading",
            "Family Name Yomi",
            "Surname Yomi",
        ],
        field("family_reading"),
    ),
    (
        &[
            "given_reading",
            "名の読み",
            "メイ",
            "名(カナ)",
            "名(フリガナ)",
            "名(よみ)",
            "よみ(名)",
            "フリガナ(名)",
            "カナ(名)",
            "名カナ",
            "名フリガナ",
            "名前フリガナ",
            "名よみがな",
            "よみがな(名)",
            "ふりがな(名)",
            "氏名(カナ)[名]",
            "フリガナ[名]",
            "First Name Reading",
            "Phonetic First Name",
            "First Name Kana",
            "Given Name Reading",
            "Given Name Yomi",
            "Given Yomi",
        ],
        field("given_reading"),
    ),
    (
        &[
            "reading",
            "フリガナ",
            "よみ",
            "よみがな",
            "カナ",
            "氏名カナ",
            "氏名(カナ)",
            "氏名(フリガナ)",
            "氏名よみ",
            "Reading",
            "Phonetic Name",
            "Yomi",
            "Yomi Name",
            "Kana",
        ],
        C::WholeReading,
    ),
    (
        &[
            "company",
            "会社名",
            "会社",
            "企業名",
            "社名",
            "所属",
            "所属先",
            "Company",
            "Company Name",
            "Organization",
            "Organisation",
            "Organization Name",
            "Org",
        ],
        field("company"),
    ),
    (
        &[
            "company_reading",
            "会社名の読み",
            "会社名(カナ)",
            "会社名(フリガナ)",
            "会社名カナ",
            "会社名フリガナ",
            "会社名よみ",
            "Company Reading",
            "Company Kana",
            "Company Yomi",
            "Phonetic Company",
        ],
        field("company_reading"),
    ),
    (
        &[
            "department",
            "部署名",
            "部署",
            "部門",
            "所属部署",
            "Department",
            "Organization Department",
            "Dept",
            "Division",
        ],
        field("department"),
    ),
    (
        &[
            "役職",
            "役職名",
            "Job Title",
            "Organization Title",
            "Position",
        ],
        field("title"),
    ),
    (&["title", "Title", "肩書", "肩書き"], C::WeakTitle),
    (
        &[
            "email",
            "e-mail",
            "Email",
            "メール",
            "メールアドレス",
            "Mail",
        ],
        EMAIL_WORK,
    ),
    (
        &[
            "E-mail Address",
            "E-mail 2 Address",
            "E-mail 3 Address",
            "電子メール アドレス",
            "電子メール 2 アドレス",
            "電子メール 3 アドレス",
            "Primary Email",
            "Secondary Email",
        ],
        EMAIL_OTHER,
    ),
    (
        &["emails", "other_emails", "メール一覧"],
        C::List(Channel::Email),
    ),
    (
        &["phones", "other_phones", "電話番号一覧"],
        C::List(Channel::Phone),
    ),
    (&["other_addresses", "他の住所"], C::List(Channel::Address)),
    (&["other_urls", "他のURL"], C::List(Channel::Url)),
    (&["other_companies", "他の会社"], C::List(Channel::Company)),
    (
        &[
            "phone",
            "TEL会社",
            "会社TEL",
            "電話",
            "電話番号",
            "会社電話",
            "会社電話 2",
            "会社代表電話",
            "代表電話",
            "TEL",
            "Phone",
            "Telephone",
            "Work Phone",
            "Business Phone",
            "Business Phone 2",
            "Company Main Phone",
            "Company Main",
            "Phone (Work)",
            "TEL部門",
            "部門TEL",
            "TEL直通",
            "直通TEL",
            "直通電話",
        ],
        PHONE_WORK,
    ),
    (
        &["Home Phone", "Home Phone 2", "自宅電話", "自宅電話 2"],
        PHONE_HOME,
    ),
    (
        &[
            "mobile",
            "携帯電話",
            "携帯",
            "携帯番号",
            "携帯電話番号",
            "Mobile",
            "Mobile Phone",
            "Mobile Number",
            "Cell",
            "Cell Phone",
        ],
        PHONE_MOBILE,
    ),
    (
        &[
            "fax",
            "Fax",
            "ファックス",
            "ファクス",
            "FAX番号",
            "Fax Number",
            "Business Fax",
            "Home Fax",
            "Other Fax",
            "会社 FAX",
            "自宅 FAX",
            "その他の FAX",
        ],
        PHONE_FAX,
    ),
    (
        &[
            "Assistant's Phone",
            "Callback",
            "Car Phone",
            "ISDN",
            "Other Phone",
            "Pager",
            "Pager Number",
            "Primary Phone",
            "Radio Phone",
            "TTY/TDD Phone",
            "Telex",
            "秘書の電話",
            "コールバック",
            "自動車電話",
            "その他の電話",
            "ポケットベル",
            "通常の電話",
            "無線電話",
            "TTY/TDD",
            "テレックス",
        ],
        PHONE_OTHER,
    ),
    (
        &[
            "postal_code",
            "郵便番号",
            "〒",
            "Postal Code",
            "Zip",
            "Zip Code",
            "Postcode",
        ],
        address(0, K::Work, P::Postal),
    ),
    (
        &[
            "address",
            "住所",
            "所在地",
            "会社住所",
            "Address",
            "Street Address",
        ],
        address(0, K::Work, P::Whole),
    ),
    (&["都道府県"], address(0, K::Work, P::Region)),
    (&["市区町村"], address(0, K::Work, P::City)),
    (
        &["番地", "住所1", "住所2", "住所3"],
        address(0, K::Work, P::Street),
    ),
    (&["建物名", "ビル名"], address(0, K::Work, P::Extended)),
    // Outlook: business, home and other addresses, in English and Japanese.
    (
        &[
            "Business Street",
            "Business Street 2",
            "Business Street 3",
            "番地 (会社)",
            "住所 2 (会社)",
            "住所 3 (会社)",
            "Work Address",
            "Work Address 2",
        ],
        address(1, K::Work, P::Street),
    ),
    (
        &["Business City", "市町村 (会社)", "Work City"],
        address(1, K::Work, P::City),
    ),
    (
        &["Business State", "都道府県 (会社)", "Work State"],
        address(1, K::Work, P::Region),
    ),
    (
        &["Business Postal Code", "郵便番号 (会社)", "Work ZipCode"],
        address(1, K::Work, P::Postal),
    ),
    (
        &[
            "Business Country/Region",
            "Business Country",
            "国 (会社)/地域",
            "Work Country",
        ],
        address(1, K::Work, P::Country),
    ),
    (
        &["Business Address PO Box", "会社住所私書箱"],
        address(1, K::Work, P::PoBox),
    ),
    (
        &[
            "Home Street",
            "Home Street 2",
            "Home Street 3",
            "番地 (自宅)",
            "住所 2 (自宅)",
            "住所 3 (自宅)",
            "Home Address",
            "Home Address 2",
        ],
        address(2, K::Home, P::Street),
    ),
    (
        &["Home City", "市町村 (自宅)"],
        address(2, K::Home, P::City),
    ),
    (
        &["Home State", "都道府県 (自宅)"],
        address(2, K::Home, P::Region),
    ),
    (
        &["Home Postal Code", "郵便番号 (自宅)", "Home ZipCode"],
        address(2, K::Home, P::Postal),
    ),
    (
        &["Home Country/Region", "国 (自宅)/地域", "Home Country"],
        address(2, K::Home, P::Country),
    ),
    (
        &["Home Address PO Box", "自宅住所私書箱"],
        address(2, K::Home, P::PoBox),
    ),
    (
        &[
            "Other Street",
            "Other Street 2",
            "Other Street 3",
            "番地 (その他)",
            "住所 2 (その他)",
            "住所 3 (その他)",
        ],
        address(3, K::Other, P::Street),
    ),
    (
        &["Other City", "市町村 (その他)"],
        address(3, K::Other, P::City),
    ),
    (
        &["Other State", "都道府県 (その他)"],
        address(3, K::Other, P::Region),
    ),
    (
        &["Other Postal Code", "郵便番号 (その他)"],
        address(3, K::Other, P::Postal),
    ),
    (
        &["Other Country/Region", "国 (その他)/地域"],
        address(3, K::Other, P::Country),
    ),
    (
        &["Other Address PO Box", "その他住所私書箱"],
        address(3, K::Other, P::PoBox),
    ),
    (
        &[
            "url",
            "URL",
            "ホームページ",
            "ウェブサイト",
            "Web",
            "Website",
            "Homepage",
            "Web Site",
            "Web Page",
            "Web Page 1",
            "Web ページ",
        ],
        URL_WORK,
    ),
    (&["Web Page 2", "Personal Web Page"], URL_HOME),
    (
        &[
            "exchanged_on",
            "名刺交換日",
            "交換日",
            "名刺交換日時",
            "取得日",
            "Met On",
            "Exchanged On",
            "Date Met",
        ],
        field("exchanged_on"),
    ),
    (
        &[
            "exchanged_at",
            "交換場所",
            "名刺交換場所",
            "場所",
            "イベント",
            "会場",
            "Met At",
            "Exchanged At",
            "Event",
        ],
        field("exchanged_at"),
    ),
    (
        &[
            "exchanged_by",
            "名刺所有者",
            "所有者",
            "交換者",
            "Met By",
            "Exchanged By",
            "Card Owner",
        ],
        field("exchanged_by"),
    ),
    (
        &[
            "notes",
            "メモ",
            "備考",
            "ノート",
            "Notes",
            "Note",
            "Comment",
            "Comments",
            "Memo",
        ],
        field("notes"),
    ),
    (
        &[
            "tags",
            "タグ",
            "ラベル",
            "Tags",
            "Tag",
            "Labels",
            "Categories",
            "分類",
            "Group Membership",
        ],
        C::Tags,
    ),
    (
        &[
            "E-mail Type",
            "E-mail 2 Type",
            "E-mail 3 Type",
            "E-mail Display Name",
            "E-mail 2 Display Name",
            "E-mail 3 Display Name",
            "電子メールの種類",
            "電子メール 2 の種類",
            "電子メール 3 の種類",
            "電子メール表示名",
            "電子メール 2 表示名",
            "電子メール 3 表示名",
            "File As",
            "Photo",
        ],
        C::Redundant,
    ),
    (
        &[
            "Birthday",
            "Anniversary",
            "Gender",
            "Priority",
            "Private",
            "Sensitivity",
            "誕生日",
            "記念日",
            "性別",
            "優先度",
            "プライベート",
            "秘密度",
            "Eightでつながっている人",
            "再データ化中の名刺",
            "'?'を含んだデータ",
        ],
        C::Note,
    ),
];

/// What a header names, if it is one leadtrack knows.
pub fn recognise(header: &str) -> Option<CardColumn> {
    numbered_google(header)
        .or_else(|| numbered_sansan(header))
        .or_else(|| {
            let key = header_key(header);
            if key.is_empty() {
                return None;
            }
            KNOWN
                .iter()
                .find(|(names, _)| names.iter().any(|n| header_key(n) == key))
                .map(|(_, column)| *column)
        })
}

/// Google Contacts' numbered groups: `E-mail 2 - Value`, `Phone 1 - Label`,
/// `Address 1 - Postal Code`, `Website 1 - Value`, `Organization 1 - Name`,
/// `Custom Field 1 - Label` (older exports say `Type` for `Label`).
fn numbered_google(header: &str) -> Option<CardColumn> {
    let folded = fold(header);
    let (left, right) = folded.split_once(" - ")?;
    let left = left.trim();
    let digits = left.len() - left.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    let number: u16 = left[left.len() - digits..].parse().ok()?;
    let name = left[..left.len() - digits].trim();
    let part = right.trim();
    let label = matches!(part, "label" | "type");
    let column = match name {
        "e-mail" | "email" => match part {
            _ if label => C::Label {
                channel: Channel::Email,
                group: number,
            },
            "value" => C::Value {
                channel: Channel::Email,
                kind: K::Other,
                group: number,
            },
            _ => return None,
        },
        "phone" => match part {
            _ if label => C::Label {
                channel: Channel::Phone,
                group: number,
            },
            "value" => C::Value {
                channel: Channel::Phone,
                kind: K::Other,
                group: number,
            },
            _ => return None,
        },
        "website" => match part {
            _ if label => C::Label {
                channel: Channel::Url,
                group: number,
            },
            "value" => C::Value {
                channel: Channel::Url,
                kind: K::Other,
                group: number,
            },
            _ => return None,
        },
        "address" => {
            let group = 100 + number;
            let part = match part {
                _ if label => return Some(C::AddressLabel { group }),
                "formatted" => P::Formatted,
                "street" => P::Street,
                "city" => P::City,
                "po box" => P::PoBox,
                "region" => P::Region,
                "postal code" => P::Postal,
                "country" => P::Country,
                "extended address" => P::Extended,
                _ => return None,
            };
            address(group, K::Other, part)
        }
        "organization" if number == 1 => match part {
            "name" => field("company"),
            "yomi name" => field("company_reading"),
            "title" => field("title"),
            "department" => field("department"),
            _ => return None,
        },
        "organization" => match part {
            "name" => C::Value {
                channel: Channel::Company,
                kind: K::Other,
                group: 0,
            },
            _ => return None,
        },
        "custom field" | "relation" | "event" | "im" => match part {
            _ if label => C::PairLabel { group: number },
            "value" => C::PairValue { group: number },
            _ => return None,
        },
        _ => return None,
    };
    Some(column)
}

/// Sansan's numbered locations: `TEL-1(1)`, `FAX(2)`, `携帯電話(1)`, `Email(1)`, `URL(1)`,
/// `郵便番号(2)`, `住所(1)［全て］`, `住所(1)［都道府県］`.
fn numbered_sansan(header: &str) -> Option<CardColumn> {
    let folded = fold(header);
    let folded = folded.trim();
    let (head, part) = match folded.strip_suffix(']').and_then(|s| s.rsplit_once('[')) {
        Some((head, part)) => (head.trim(), Some(part)),
        None => (folded, None),
    };
    let inner = head.strip_suffix(')')?;
    let (base, number) = inner.rsplit_once('(')?;
    let number: u16 = number.trim().parse().ok()?;
    let base = base
        .trim()
        .trim_end_matches(|c: char| c == '-' || c.is_ascii_digit());
    let group = 200 + number;
    let column = match base {
        "tel" | "電話" => C::Value {
            channel: Channel::Phone,
            kind: K::Work,
            group,
        },
        "fax" => C::Value {
            channel: Channel::Phone,
            kind: K::Fax,
            group,
        },
        "携帯電話" | "携帯" => C::Value {
            channel: Channel::Phone,
            kind: K::Mobile,
            group,
        },
        "email" | "e-mail" | "メール" => C::Value {
            channel: Channel::Email,
            kind: K::Work,
            group,
        },
        "url" => C::Value {
            channel: Channel::Url,
            kind: K::Work,
            group,
        },
        "郵便番号" => address(group, K::Work, P::Postal),
        "住所" => {
            let part = match part {
                None | Some("全て") => P::Whole,
                Some("都道府県") => P::Region,
                Some("市区町村" | "市町村") => P::City,
                Some("番地" | "町名・番地") => P::Street,
                Some("建物名" | "ビル名") => P::Extended,
                Some(_) => return None,
            };
            address(group, K::Work, part)
        }
        _ => return None,
    };
    Some(column)
}

/// The column a `--map` field name stands for.
pub fn mapped(field_name: &str) -> Option<CardColumn> {
    let column = match field_name {
        "name" => C::WholeName,
        "reading" => C::WholeReading,
        "email" => EMAIL_WORK,
        "phone" => PHONE_WORK,
        "mobile" => PHONE_MOBILE,
        "fax" => PHONE_FAX,
        "postal_code" => address(0, K::Work, P::Postal),
        "address" => address(0, K::Work, P::Whole),
        "url" => URL_WORK,
        "tags" => C::Tags,
        "ignore" => C::Redundant,
        "title" => field("title"),
        other => {
            let (_, column) = KNOWN.iter().find(|(names, column)| {
                names.first() == Some(&other) && matches!(column, C::Field(_))
            })?;
            *column
        }
    };
    Some(column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_apps_spreadsheets_and_exports() {
        assert_eq!(recognise("会社名"), Some(field("company")));
        assert_eq!(recognise("e-mail"), Some(EMAIL_WORK));
        assert_eq!(recognise("E-Mail"), Some(EMAIL_WORK));
        assert_eq!(recognise("TEL直通"), Some(PHONE_WORK));
        assert_eq!(recognise("携帯電話"), Some(PHONE_MOBILE));
        assert_eq!(recognise("氏名[姓]"), Some(field("family_name")));
        assert_eq!(recognise("氏名（姓）"), Some(field("family_name")));
        assert_eq!(recognise("セイ"), Some(field("family_reading")));
        assert_eq!(recognise("ｾｲ"), Some(field("family_reading")));
        assert_eq!(recognise("フリガナ"), Some(C::WholeReading));
        assert_eq!(recognise("First Name"), Some(field("given_name")));
        assert_eq!(recognise("Job Title"), Some(field("title")));
        assert_eq!(recognise("Title"), Some(C::WeakTitle));
        assert_eq!(recognise("Met On"), Some(field("exchanged_on")));
        assert_eq!(recognise("好きな食べ物"), None);
        // leadtrack's own export with Japanese headers.
        assert_eq!(recognise("名刺ID"), Some(field("id")));
        assert_eq!(recognise("姓の読み"), Some(field("family_reading")));
        assert_eq!(recognise("会社名の読み"), Some(field("company_reading")));
        assert_eq!(recognise("メール一覧"), Some(C::List(Channel::Email)));
        assert_eq!(recognise("他のURL"), Some(C::List(Channel::Url)));
    }

    #[test]
    fn numbered_groups_of_google_and_sansan() {
        assert_eq!(
            recognise("E-mail 2 - Value"),
            Some(C::Value {
                channel: Channel::Email,
                kind: K::Other,
                group: 2
            })
        );
        assert_eq!(
            recognise("Phone 1 - Label"),
            Some(C::Label {
                channel: Channel::Phone,
                group: 1
            })
        );
        assert_eq!(
            recognise("Address 1 - Postal Code"),
            Some(address(101, K::Other, P::Postal))
        );
        assert_eq!(recognise("Organization 1 - Title"), Some(field("title")));
        assert_eq!(
            recognise("TEL-2(1)"),
            Some(C::Value {
                channel: Channel::Phone,
                kind: K::Work,
                group: 201
            })
        );
        assert_eq!(
            recognise("携帯電話(1)"),
            Some(C::Value {
                channel: Channel::Phone,
                kind: K::Mobile,
                group: 201
            })
        );
        assert_eq!(
            recognise("住所(2)［全て］"),
            Some(address(202, K::Work, P::Whole))
        );
        assert_eq!(
            recognise("住所 2 (会社)"),
            Some(address(1, K::Work, P::Street))
        );
        assert_eq!(recognise("住所2"), Some(address(0, K::Work, P::Street)));
    }
}
