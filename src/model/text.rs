//! Text rules: the folding that makes search and matching ignore width, case and kana,
//! the terms of the search index, and safe display of untrusted text.

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

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

/// Display width in terminal cells, measured as the screen places text: one grapheme at a
/// time (`e` and a combining accent share a cell, an emoji sequence takes two), with the
/// half-width marks `ﾞ` and `ﾟ` one cell each as terminals draw them (`ﾊﾟ` is two cells).
/// Columns line up only when this agrees cell for cell with what ratatui places.
pub fn width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}

/// The cells of one grapheme, by ratatui's rule: unicode-width's count, plus one for each
/// half-width voiced mark (which unicode-width 0.2.2 counts as zero, and terminals as one).
fn grapheme_width(g: &str) -> usize {
    if g.chars().any(char::is_control) {
        // The screen drops it; `display_safe` has already replaced it.
        return 0;
    }
    if g.len() == 1 {
        return 1;
    }
    let marks = g
        .chars()
        .filter(|c| matches!(c, '\u{FF9E}' | '\u{FF9F}'))
        .count();
    UnicodeWidthStr::width(g) + marks
}

/// Cuts `s` to at most `max` cells between graphemes, ending with `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = grapheme_width(g);
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// Cuts `s` to at most `max` cells between words (at a space), ending with `…` when cut;
/// a first word longer than that is cut where it must be.
pub fn truncate_words(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let cut = truncate(s, max);
    let Some(kept) = cut.strip_suffix('…') else {
        return cut;
    };
    match kept.rfind(' ') {
        Some(space) if !kept[..space].trim().is_empty() => format!("{}…", kept[..space].trim_end()),
        _ => cut,
    }
}

/// Cuts or pads `s` to exactly `cells` terminal cells.
pub fn fit(s: &str, cells: usize) -> String {
    let mut out = truncate(s, cells);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// Characters a line may not start with (kinsoku): closing brackets, the small kana and
/// the long-vowel mark, and Japanese and Western stops and commas.
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | ','
            | '.'
            | '・'
            | '：'
            | '；'
            | ':'
            | ';'
            | '！'
            | '？'
            | '!'
            | '?'
            | 'ー'
            | '～'
            | '々'
            | 'ゝ'
            | 'ゞ'
            | 'ヽ'
            | 'ヾ'
            | ')'
            | ']'
            | '}'
            | '）'
            | '］'
            | '｝'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〉'
            | '》'
            | '〙'
            | '〗'
            | '’'
            | '”'
            | '｣'
            | 'ぁ'
            | 'ぃ'
            | 'ぅ'
            | 'ぇ'
            | 'ぉ'
            | 'っ'
            | 'ゃ'
            | 'ゅ'
            | 'ょ'
            | 'ゎ'
            | 'ァ'
            | 'ィ'
            | 'ゥ'
            | 'ェ'
            | 'ォ'
            | 'ッ'
            | 'ャ'
            | 'ュ'
            | 'ョ'
            | 'ヮ'
            | 'ヵ'
            | 'ヶ'
            | 'ｰ'
            | '｡'
            | '､'
    )
}

/// Characters a line may not end with: opening brackets.
fn no_line_end(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '（'
            | '［'
            | '｛'
            | '「'
            | '『'
            | '【'
            | '〔'
            | '〈'
            | '《'
            | '〘'
            | '〖'
            | '‘'
            | '“'
            | '｢'
    )
}

/// Wraps one paragraph of display-safe text to lines of at most `cells`, the first line
/// after `first` and the others after `rest` (a hanging indent). Latin words break at spaces;
/// Japanese breaks between any two characters except where kinsoku forbids it: no line
/// starts with `、` `。` `ー`, a small kana or a closing bracket, and none ends with an
/// opening bracket — the character moves with its neighbour instead. A word longer than a
/// line is cut where it must be.
///
/// Written here rather than taken from `textwrap`, which breaks by width and at spaces but
/// knows no kinsoku, and would need this same pass over its output.
pub fn wrap(text: &str, cells: usize, first: &str, rest: &str) -> Vec<String> {
    // Break opportunities: the text as units that stay together (a Latin word with its
    // trailing spaces, or one Japanese grapheme with whatever kinsoku glues to it).
    let units = wrap_units(text);
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut indent = width(first);
    let mut used = indent;
    let mut empty = true;
    for unit in units {
        let w = width(unit.trim_end());
        if !empty && used + w > cells {
            lines.push(line.trim_end().to_string());
            line = rest.to_string();
            indent = width(rest);
            used = indent;
            empty = true;
        }
        let unit = if empty {
            unit.trim_start()
        } else {
            unit.as_str()
        };
        if empty && used + width(unit.trim_end()) > cells {
            // Longer than a whole line: cut it grapheme by grapheme.
            for g in unit.graphemes(true) {
                let gw = grapheme_width(g);
                if used + gw > cells && used > indent {
                    lines.push(line.trim_end().to_string());
                    line = rest.to_string();
                    indent = width(rest);
                    used = indent;
                    if g.trim().is_empty() {
                        continue;
                    }
                }
                line.push_str(g);
                used += gw;
            }
            empty = used == indent;
            continue;
        }
        line.push_str(unit);
        used += width(unit);
        empty = false;
    }
    if !empty || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// The pieces `wrap` never breaks inside.
fn wrap_units(text: &str) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    let mut glue_next = false;
    for g in text.graphemes(true) {
        let c = g.chars().next().unwrap_or(' ');
        let spacing = is_break(c);
        let latin =
            !spacing && grapheme_width(g) == 1 && !no_line_start(c) && !is_halfwidth_kana(c);
        let joins_previous = match units.last() {
            None => false,
            Some(prev) => {
                let last = prev.chars().last().unwrap_or(' ');
                glue_next
                    || no_line_start(c)
                    || spacing
                    || (latin && !is_break(last) && is_latin_unit(prev))
            }
        };
        match units.last_mut() {
            Some(prev) if joins_previous => prev.push_str(g),
            _ => units.push(g.to_string()),
        }
        glue_next = no_line_end(c);
    }
    units
}

/// A space a line may break at (a no-break space keeps its words together).
fn is_break(c: char) -> bool {
    c.is_whitespace() && c != '\u{A0}'
}

fn is_halfwidth_kana(c: char) -> bool {
    ('\u{FF66}'..='\u{FF9F}').contains(&c)
}

/// A unit made of narrow Latin letters (a word in progress).
fn is_latin_unit(unit: &str) -> bool {
    unit.graphemes(true)
        .all(|g| grapheme_width(g) == 1 && !g.chars().any(is_halfwidth_kana))
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

    #[test]
    fn widths_are_the_cells_terminals_draw() {
        // Half-width voiced marks take a cell of their own, alone or after their kana.
        assert_eq!(width("ﾊﾟ"), 2);
        assert_eq!(width("ﾊﾟｿｺﾝ ｼｮｯﾌﾟ"), 11);
        assert_eq!(width("ﾞ"), 1);
        assert_eq!(width("ｶﾞ"), 2);
        // A combining mark shares its base's cell; the combining voiced mark too.
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("か\u{3099}"), 2);
        // Emoji: presentation, modifiers and joined families take two cells.
        assert_eq!(width("☺\u{FE0F}"), 2);
        assert_eq!(width("👍🏽"), 2);
        assert_eq!(width("👨\u{200D}👩\u{200D}👧"), 2);
        assert_eq!(width("ミドリ技研"), 10);
    }

    #[test]
    fn cuts_fall_between_graphemes() {
        assert_eq!(truncate("ﾊﾟｿｺﾝ ｼｮｯﾌﾟ", 6), "ﾊﾟｿｺﾝ…");
        assert_eq!(width(&fit("ﾊﾟｿｺﾝ ｼｮｯﾌﾟ", 6)), 6);
        assert_eq!(fit("ﾊﾟｿｺﾝ", 8), "ﾊﾟｿｺﾝ   ");
        // Never half an emoji family or an accent without its letter.
        assert_eq!(
            truncate("👨\u{200D}👩\u{200D}👧 family", 3),
            "👨\u{200D}👩\u{200D}👧…"
        );
        assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
    }

    #[test]
    fn wrapping_keeps_kinsoku_and_the_indent() {
        let text = "先方の稟議は来月。予算は4,600万で、決裁者は山本部長（営業本部）です。";
        for cells in 8..30 {
            let lines = wrap(text, cells, "  ", "    ");
            for (n, line) in lines.iter().enumerate() {
                assert!(width(line) <= cells, "{cells}: {line:?} is too wide");
                let indent = if n == 0 { "  " } else { "    " };
                assert!(line.starts_with(indent), "{cells}: {line:?}");
                let first = line[indent.len()..].chars().next().unwrap();
                assert!(
                    !"、。ー）」".contains(first),
                    "{cells}: {line:?} starts with {first}"
                );
                assert!(!line.ends_with('（'), "{cells}: {line:?}");
            }
            let joined: String = lines.iter().map(|l| l.trim_start()).collect();
            assert_eq!(joined, text, "nothing is lost at {cells}");
            assert!(
                cells < 10 || lines.iter().any(|l| l.contains("4,600")),
                "a number stays whole at {cells}: {lines:?}"
            );
        }
        assert_eq!(
            wrap("call back after the board meeting", 16, "", "  "),
            ["call back after", "  the board", "  meeting"]
        );
        assert_eq!(wrap("", 10, "  ", "  "), [""]);
        assert_eq!(
            wrap("need yes · timing\u{A0}no", 14, "", ""),
            ["need yes ·", "timing\u{A0}no"]
        );
    }

    #[test]
    fn word_cuts_keep_whole_words() {
        let s = "Sort by rank, next-action date, value, or longest quiet";
        assert_eq!(truncate_words(s, 80), s);
        assert_eq!(
            truncate_words(s, 50),
            "Sort by rank, next-action date, value, or…"
        );
        assert_eq!(truncate_words("Supercalifragilistic", 6), "Super…");
        assert_eq!(truncate_words("abc", 0), "");
    }
}
