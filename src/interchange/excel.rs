//! Spreadsheet safety (SPEC §7): a cell a spreadsheet would run as a formula is made inert.

/// A cell starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'`, which Excel and
/// LibreOffice show as text. Phone numbers such as `+81-3-5555-0101` stay readable: they
/// get the same prefix, which spreadsheets hide.
pub fn inert(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formulas_become_text() {
        assert_eq!(inert("=1+1"), "'=1+1");
        assert_eq!(inert("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(inert("+81-3-5555-0101"), "'+81-3-5555-0101");
        assert_eq!(inert("佐藤"), "佐藤");
    }

    proptest! {
        #[test]
        fn no_cell_starts_like_a_formula(s in ".*") {
            let out = inert(&s);
            prop_assert!(!out.starts_with(['=', '+', '-', '@', '\t', '\r']));
            prop_assert!(out.ends_with(&s));
        }
    }
}
