//! Numbers as every face writes them: amounts with thousands separators, scores without
//! trailing zeros. The command line, the app and the exports share these.

/// 1234567 → "1,234,567".
pub fn amount(value: Option<i64>) -> String {
    let Some(v) = value else { return String::new() };
    let digits = v.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0 { format!("-{out}") } else { out }
}

/// Scores print without trailing zeros: 7, 1.5, 0.75.
pub fn score(x: f64) -> String {
    let text = format!("{x:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_group_thousands() {
        assert_eq!(amount(Some(1_234_567)), "1,234,567");
        assert_eq!(amount(Some(500)), "500");
        assert_eq!(amount(Some(-1000)), "-1,000");
        assert_eq!(amount(None), "");
    }

    #[test]
    fn scores_drop_trailing_zeros() {
        assert_eq!(score(7.0), "7");
        assert_eq!(score(1.5), "1.5");
        assert_eq!(score(0.75), "0.75");
    }
}
