//! Markdown for pasting into chat: escaped so names and notes cannot turn into links or
//! formatting.

/// Escapes the characters Markdown gives a meaning to, and drops control characters.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::model::text::display_safe(text).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_in_data_stays_text() {
        assert_eq!(
            super::escape("*見積* [link](x) a_b"),
            "\\*見積\\* \\[link\\](x) a\\_b"
        );
    }
}
