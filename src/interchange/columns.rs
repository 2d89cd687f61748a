//! Recognising the columns of a CSV file from its headers, in English and Japanese, as card
//! apps (Eight, Sansan...) and spreadsheets name them.

use crate::model::text::fold;

/// A header as compared: folded (width, case, kana), without spaces and brackets.
pub fn header_key(header: &str) -> String {
    fold(header)
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '[' | ']'
                        | '('
                        | ')'
                        | '【'
                        | '】'
                        | '「'
                        | '」'
                        | '・'
                        | '_'
                        | '-'
                        | ':'
                        | '/'
                        | '.'
                        | '〔'
                        | '〕'
                )
        })
        .collect()
}

/// Finds the field a header names, among `table` (field, header spellings). The field's
/// own name (`family_name`) is always understood, so leadtrack's exports read back.
pub fn field_for(header: &str, table: &[(&'static str, &[&str])]) -> Option<&'static str> {
    let key = header_key(header);
    table
        .iter()
        .find(|(field, names)| {
            header_key(field) == key || names.iter().any(|n| header_key(n) == key)
        })
        .map(|(field, _)| *field)
}

/// Business-card columns. "name"/"reading" are whole names to split; "address_part" columns
/// are joined in order into the address.
pub const CARD_COLUMNS: &[(&str, &[&str])] = &[
    ("id", &["ID", "UID", "Contact ID"]),
    (
        "family_name",
        &[
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
    ),
    (
        "given_name",
        &[
            "名",
            "氏名[名]",
            "氏名（名）",
            "First Name",
            "Given Name",
            "First",
        ],
    ),
    (
        "name",
        &[
            "氏名",
            "名前",
            "お名前",
            "Name",
            "Full Name",
            "Display Name",
        ],
    ),
    (
        "family_reading",
        &[
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
        ],
    ),
    (
        "given_reading",
        &[
            "メイ",
            "名(カナ)",
            "名(フリガナ)",
            "名(よみ)",
            "よみ(名)",
            "フリガナ(名)",
            "カナ(名)",
            "名カナ",
            "名フリガナ",
            "名よみがな",
            "よみがな(名)",
            "ふりがな(名)",
            "氏名(カナ)[名]",
            "フリガナ[名]",
            "First Name Reading",
            "Phonetic First Name",
            "First Name Kana",
            "Given Name Reading",
        ],
    ),
    (
        "reading",
        &[
            "フリガナ",
            "よみ",
            "よみがな",
            "カナ",
            "氏名カナ",
            "氏名(フリガナ)",
            "氏名よみ",
            "Reading",
            "Phonetic Name",
            "Yomi",
            "Kana",
        ],
    ),
    (
        "company",
        &[
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
            "Org",
        ],
    ),
    (
        "company_reading",
        &[
            "会社名(カナ)",
            "会社名(フリガナ)",
            "会社名カナ",
            "会社名フリガナ",
            "会社名よみ",
            "Company Reading",
            "Company Kana",
            "Phonetic Company",
        ],
    ),
    (
        "department",
        &[
            "部署名",
            "部署",
            "部門",
            "所属部署",
            "Department",
            "Dept",
            "Division",
        ],
    ),
    (
        "title",
        &[
            "役職",
            "役職名",
            "肩書",
            "肩書き",
            "Title",
            "Job Title",
            "Position",
        ],
    ),
    (
        "email",
        &[
            "e-mail",
            "Email",
            "メール",
            "メールアドレス",
            "Mail",
            "Email Address",
            "E-mail Address",
        ],
    ),
    (
        "phone",
        &[
            "TEL会社",
            "会社TEL",
            "電話",
            "電話番号",
            "会社電話",
            "会社電話番号",
            "代表電話",
            "TEL",
            "Phone",
            "Telephone",
            "Work Phone",
            "Business Phone",
            "Phone (Work)",
            "TEL部門",
            "部門TEL",
            "TEL直通",
            "直通TEL",
            "直通電話",
        ],
    ),
    (
        "mobile",
        &[
            "携帯電話",
            "携帯",
            "携帯番号",
            "携帯電話番号",
            "Mobile",
            "Mobile Phone",
            "Cell",
            "Cell Phone",
        ],
    ),
    (
        "fax",
        &["Fax", "ファックス", "ファクス", "FAX番号", "Fax Number"],
    ),
    (
        "postal_code",
        &[
            "郵便番号",
            "〒",
            "Postal Code",
            "Zip",
            "Zip Code",
            "Postcode",
        ],
    ),
    (
        "address",
        &["住所", "所在地", "会社住所", "Address", "Street Address"],
    ),
    (
        "address_part",
        &[
            "都道府県",
            "市区町村",
            "番地",
            "住所1",
            "住所2",
            "住所3",
            "建物名",
            "ビル名",
        ],
    ),
    (
        "url",
        &[
            "URL",
            "ホームページ",
            "ウェブサイト",
            "Web",
            "Website",
            "Homepage",
            "Web Site",
        ],
    ),
    (
        "exchanged_on",
        &[
            "名刺交換日",
            "交換日",
            "名刺交換日時",
            "取得日",
            "Met On",
            "Exchanged On",
            "Date Met",
        ],
    ),
    (
        "exchanged_at",
        &[
            "交換場所",
            "名刺交換場所",
            "場所",
            "イベント",
            "会場",
            "Met At",
            "Exchanged At",
            "Event",
        ],
    ),
    (
        "exchanged_by",
        &[
            "名刺所有者",
            "所有者",
            "交換者",
            "Met By",
            "Exchanged By",
            "Card Owner",
        ],
    ),
    (
        "notes",
        &[
            "メモ",
            "備考",
            "ノート",
            "Notes",
            "Note",
            "Comment",
            "Comments",
            "Memo",
        ],
    ),
    ("tags", &["タグ", "ラベル", "Tags", "Tag", "Labels"]),
];

/// Lead columns. `id` and the columns leadtrack works out itself (rank, score, timestamps)
/// are known by their field names, as its export writes them, so they never land in notes.
pub const LEAD_COLUMNS: &[(&str, &[&str])] = &[
    ("id", &["Lead ID"]),
    (
        "title",
        &[
            "案件名",
            "商談名",
            "タイトル",
            "件名",
            "案件",
            "Title",
            "Lead",
            "Deal",
            "Lead Title",
        ],
    ),
    (
        "company",
        &[
            "会社名",
            "会社",
            "企業名",
            "顧客名",
            "Company",
            "Company Name",
        ],
    ),
    (
        "stage",
        &[
            "ステージ",
            "段階",
            "状態",
            "フェーズ",
            "見込み度",
            "Stage",
            "Status",
        ],
    ),
    (
        "source",
        &[
            "流入元",
            "流入経路",
            "ソース",
            "獲得経路",
            "チャネル",
            "Source",
            "Channel",
        ],
    ),
    (
        "source_detail",
        &["流入元詳細", "流入詳細", "ソース詳細", "Source Detail"],
    ),
    (
        "owner",
        &["担当者", "担当", "営業担当", "Owner", "Rep", "Sales Rep"],
    ),
    (
        "value",
        &[
            "金額",
            "見込金額",
            "予定金額",
            "受注見込額",
            "見込み金額",
            "Value",
            "Amount",
            "Expected Amount",
        ],
    ),
    (
        "next_action",
        &[
            "次回アクション",
            "次のアクション",
            "ネクストアクション",
            "Next Action",
        ],
    ),
    (
        "next_action_on",
        &[
            "次回予定日",
            "次回日付",
            "期日",
            "予定日",
            "次回アクション日",
            "Due",
            "Next Action On",
            "Next Action Date",
            "Due Date",
        ],
    ),
    ("tags", &["タグ", "Tags", "Tag"]),
    ("notes", &["メモ", "備考", "Notes", "Note"]),
    ("rank", &[]),
    ("score", &[]),
    ("created_at", &[]),
    ("updated_at", &[]),
    ("last_activity_at", &[]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_sansan_and_english_headers() {
        let f = |h| field_for(h, CARD_COLUMNS);
        assert_eq!(f("会社名"), Some("company"));
        assert_eq!(f("e-mail"), Some("email"));
        assert_eq!(f("E-Mail"), Some("email"));
        assert_eq!(f("TEL直通"), Some("phone"));
        assert_eq!(f("携帯電話"), Some("mobile"));
        assert_eq!(f("氏名[姓]"), Some("family_name"));
        assert_eq!(f("氏名（姓）"), Some("family_name"));
        assert_eq!(f("セイ"), Some("family_reading"));
        assert_eq!(f("ｾｲ"), Some("family_reading"));
        assert_eq!(f("よみ(姓)"), Some("family_reading"));
        assert_eq!(f("フリガナ"), Some("reading"));
        assert_eq!(f("First Name"), Some("given_name"));
        assert_eq!(f("Job Title"), Some("title"));
        assert_eq!(f("Met On"), Some("exchanged_on"));
        assert_eq!(f("好きな食べ物"), None);
    }
}
