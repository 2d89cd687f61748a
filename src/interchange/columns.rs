//! Recognising the columns of a CSV file from its headers, in English and Japanese (cards:
//! see `card_columns`).

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
