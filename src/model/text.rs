//! Text rules: the folding that makes search and matching ignore width, case and kana,
//! the terms of the search index, and safe display of untrusted text.

use unicode_normalization::UnicodeNormalization;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Folds text for search and matching: NFKC (full/half width, `ｶﾞ` → `ガ`, `㈱` → `(株)`),
/// lower case, katakana to hiragana, and no invisible format or control characters.
pub fn fold(s: &str) -> String {
    // Plain printable ASCII (emails, romaji, phone numbers) only needs lower case.
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return s.to_ascii_lowercase();
    }
    fold_unicode(s)
}

fn fold_unicode(s: &str) -> String {
    // Most text is already in NFKC (plain ASCII always is): skip the normaliser for it.
    let lowered = |c: char| c.to_lowercase();
    if unicode_normalization::is_nfkc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        s.chars()
            .flat_map(lowered)
            .filter(|c| !is_invisible(*c))
            .map(katakana_to_hiragana)
            .collect()
    } else {
        s.nfkc()
            .flat_map(lowered)
            .filter(|c| !is_invisible(*c))
            .map(katakana_to_hiragana)
            .collect()
    }
}

/// Katakana ァ..ヶ map to hiragana ぁ..ゖ; ヽヾ to ゝゞ. The long-vowel mark ー stays.
fn katakana_to_hiragana(c: char) -> char {
    match c {
        '\u{30A1}'..='\u{30F6}' | '\u{30FD}'..='\u{30FE}' => {
            char::from_u32(c as u32 - 0x60).unwrap_or(c)
        }
        _ => c,
    }
}

/// Control characters, bidi controls and zero-width characters: never shown, never indexed.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}' // zero-width space/joiners, LRM, RLM
            | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{FEFF}' // BOM / zero-width no-break space
            | '\u{061C}' // Arabic letter mark
        )
}

/// The index terms of a text, for the search index.
///
/// Each word (split at white space) of the folded text becomes its chain of overlapping
/// character pairs followed by its last character: `さとう` → `さと とう う`. A query of two or
/// more characters is the phrase of its own pairs, which matches exactly where the query is a
/// substring of a word; a one-character query is a prefix match on the terms. So any
/// substring, including one or two characters, is found through the index.
pub fn index_terms(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for word in fold(text).split_whitespace() {
        let chars: Vec<char> = word.chars().collect();
        for pair in chars.windows(2) {
            out.extend(pair);
            out.push(' ');
        }
        if let Some(last) = chars.last() {
            out.push(*last);
            out.push(' ');
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// The search-index query (an FTS5 expression) for what a user typed; `None` when nothing
/// searchable was typed. Every word must match.
pub fn index_query(typed: &str) -> Option<String> {
    let parts: Vec<String> = fold(typed)
        .split_whitespace()
        .map(|word| {
            let chars: Vec<char> = word.chars().collect();
            if chars.len() == 1 {
                format!("{}*", quote(word))
            } else {
                let pairs: Vec<String> = chars.windows(2).map(|p| p.iter().collect()).collect();
                quote(&pairs.join(" "))
            }
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(" AND "))
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// Whether a name is written in Japanese script (kana or kanji), which decides name order.
pub fn is_japanese(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c,
            '\u{3040}'..='\u{30FF}' // hiragana, katakana
            | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' // kanji
            | '\u{FF66}'..='\u{FF9F}' // half-width katakana
            | '\u{3005}' // 々
        )
    })
}

/// Text from data made safe for a terminal: control characters shown as `�`, bidi and
/// zero-width characters dropped, so nothing from a file can move the cursor or change the
/// terminal. Line breaks and tabs become spaces (one-line display).
pub fn display_safe(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => Some('\u{FFFD}'),
            c if is_invisible(c) => None,
            c => Some(c),
        })
        .collect()
}

/// The same, keeping line breaks (for multi-line notes and bodies).
pub fn display_safe_multiline(s: &str) -> String {
    s.lines().map(display_safe).collect::<Vec<_>>().join("\n")
}

/// Display width in terminal cells (CJK characters count two).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` cells at a character boundary, ending with `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Cuts or pads `s` to exactly `cells` terminal cells.
pub fn fit(s: &str, cells: usize) -> String {
    let mut out = truncate(s, cells);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// Tags as typed, each value possibly several: `["a", "b,c", "d、e"]` → [a, b, c, d, e].
pub fn split_tags(typed: &[String]) -> Vec<String> {
    typed
        .iter()
        .flat_map(|t| t.split([',', '、']))
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_split_on_commas() {
        assert_eq!(
            split_tags(&["a, b".into(), "c、d".into()]),
            vec!["a", "b", "c", "d"]
        );
    }

    #[test]
    fn plain_ascii_folds_as_any_text_does() {
        let printable: String = (b' '..=b'~').map(char::from).collect();
        assert_eq!(fold(&printable), fold_unicode(&printable));
        assert_eq!(fold("Taro.SATO@Example.CO.JP"), "taro.sato@example.co.jp");
        // A control character takes the general path and is dropped.
        assert_eq!(fold("Sato\u{7}"), "sato");
    }

    #[test]
    fn folding_ignores_width_case_and_kana() {
        assert_eq!(fold("サトウ"), "さとう");
        assert_eq!(fold("ｻﾄｳ"), "さとう");
        assert_eq!(fold("ﾐﾄﾞﾘ"), "みどり");
        assert_eq!(fold("ＡＢＣシステムズ"), "abcしすてむず");
        assert_eq!(fold("㈱ミドリ"), "(株)みどり");
        assert_eq!(fold("Ｓａｔｏ\u{200B}"), "sato");
        assert_eq!(fold("データー"), "でーたー");
    }

    #[test]
    fn index_terms_are_pair_chains() {
        assert_eq!(index_terms("佐藤 花子"), "佐藤 藤 花子 子");
        assert_eq!(index_terms("A"), "a");
        assert_eq!(index_terms("ｻﾄｳ"), "さと とう う");
    }

    #[test]
    fn queries_are_phrases_of_pairs() {
        assert_eq!(index_query("さとう").as_deref(), Some("\"さと とう\""));
        assert_eq!(index_query("サ").as_deref(), Some("\"さ\"*"));
        assert_eq!(
            index_query("ab \"x").as_deref(),
            Some("\"ab\" AND \"\"\"x\"")
        );
        assert_eq!(index_query("  "), None);
    }

    #[test]
    fn japanese_names_are_recognised() {
        assert!(is_japanese("佐藤"));
        assert!(is_japanese("ｻﾄｳ"));
        assert!(!is_japanese("Sato"));
    }

    #[test]
    fn untrusted_text_cannot_drive_the_terminal() {
        let hostile = "a\u{1b}]52;c;aGk=\u{7}b\u{1b}[2Jc\u{202E}d\u{9b}e";
        let safe = display_safe(hostile);
        assert!(!safe.chars().any(|c| c.is_control()), "{safe:?}");
        assert!(!safe.contains('\u{202E}'));
    }

    #[test]
    fn truncation_respects_double_width() {
        assert_eq!(truncate("ミドリ技研株式会社", 9), "ミドリ技…");
        assert_eq!(width(&truncate("ミドリ技研株式会社", 9)), 9);
        assert_eq!(truncate("ミドリ技研株式会社", 8), "ミドリ…");
        assert_eq!(width(&truncate("ミドリ技研株式会社", 8)), 7);
        assert_eq!(fit("ミドリ", 8), "ミドリ  ");
        assert_eq!(truncate("abc", 3), "abc");
    }
}
