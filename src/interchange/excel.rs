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

/// The cell as it was before [`inert`]: a `'` directly before `=`, `+`, `-`, `@`, tab or CR
/// goes (so `'+81-3-5555-0101` is the phone number again); any other `'` is the cell's own.
pub fn without_guard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
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

    #[test]
    fn only_the_guard_inert_adds_is_taken_off() {
        assert_eq!(without_guard("'=1+1"), "=1+1");
        assert_eq!(without_guard("'+81-3-5555-0101"), "+81-3-5555-0101");
        assert_eq!(without_guard("'-5000"), "-5000");
        assert_eq!(without_guard("'@SUM(A1)"), "@SUM(A1)");
        assert_eq!(without_guard("'\tx"), "\tx");
        assert_eq!(without_guard("'\rx"), "\rx");
        assert_eq!(without_guard("'quoted'"), "'quoted'");
        assert_eq!(without_guard("'"), "'");
        assert_eq!(without_guard("''=1"), "''=1");
        assert_eq!(without_guard("=1"), "=1");
    }

    proptest! {
        #[test]
        fn no_cell_starts_like_a_formula(s in ".*") {
            let out = inert(&s);
            prop_assert!(!out.starts_with(['=', '+', '-', '@', '\t', '\r']));
            prop_assert!(out.ends_with(&s));
        }

        #[test]
        // A cell of its own starting `'=` reads as guarded: the one thing a guard cannot say.
        fn the_guard_comes_off_as_it_went_on(s in "([^'].*)?") {
            let written = inert(&s);
            prop_assert_eq!(without_guard(&written), s.as_str());
        }
    }
}
