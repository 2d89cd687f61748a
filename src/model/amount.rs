//! Amounts of money as people write them (a lead's `value`, SPEC §2.2), in yen or any
//! currency without minor units: `1200000`, `1,200,000`, `¥1,200,000`, `￥1,200,000`,
//! `1,200,000円`, `120万`, `120万円`, `1.2億`, full-width digits.
//!
//! Japanese Excel writes the yen sign of a currency cell as byte 0x5C in a Shift_JIS CSV,
//! which reads as `\`: a backslash directly before the digits is the yen sign too
//! (`\3,500,000`). Anywhere else a backslash is not part of an amount.

use crate::model::text::{display_safe, fold};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not an amount (e.g. 1200000, 1,200,000, ¥1,200,000 or 120万)")]
pub struct BadAmount(pub String);

/// Reads an amount; the error holds the input made safe to print (it may come from a file).
pub fn parse_amount(typed: &str) -> Result<i64, BadAmount> {
    let bad = || BadAmount(display_safe(typed.trim()));
    let folded = fold(typed);
    let trimmed = folded.trim();
    let (negative, rest) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    let rest = rest
        .strip_prefix(['¥', '\\'])
        .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        .or_else(|| rest.strip_prefix('¥'))
        .unwrap_or(rest);
    let rest = rest.strip_suffix('円').unwrap_or(rest);
    let digits: String = rest
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '_'))
        .collect();
    let (number, scale) = if let Some(n) = digits.strip_suffix('万') {
        (n, 10_000.0)
    } else if let Some(n) = digits.strip_suffix('億') {
        (n, 100_000_000.0)
    } else {
        (digits.as_str(), 1.0)
    };
    // Only digits and one decimal point: `f64` would also take `inf`, `1e9` or `-5`.
    let plain = number.split_once('.').map_or(number, |(whole, _)| whole);
    if plain.is_empty()
        || !number.chars().all(|c| c.is_ascii_digit() || c == '.')
        || number.matches('.').count() > 1
    {
        return Err(bad());
    }
    let sign = if negative { -1 } else { 1 };
    if scale == 1.0
        && let Ok(n) = number.parse::<i64>()
    {
        return Ok(sign * n);
    }
    let x: f64 = number.parse().map_err(|_| bad())?;
    let value = (x * scale).round();
    if !value.is_finite() || value > 9.0e15 {
        return Err(bad());
    }
    Ok(sign * value as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(s: &str) -> i64 {
        parse_amount(s).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn plain_and_grouped_numbers() {
        assert_eq!(amount("1200000"), 1_200_000);
        assert_eq!(amount("1,200,000"), 1_200_000);
        assert_eq!(amount(" 3,500,000 "), 3_500_000);
        assert_eq!(amount("１，２００，０００"), 1_200_000);
        assert_eq!(amount("-5000"), -5_000);
        assert_eq!(amount("+5000"), 5_000);
    }

    #[test]
    fn yen_signs_and_units() {
        assert_eq!(amount("¥1,200,000"), 1_200_000);
        assert_eq!(amount("￥1,200,000"), 1_200_000);
        assert_eq!(amount("3,500,000円"), 3_500_000);
        assert_eq!(amount("120万"), 1_200_000);
        assert_eq!(amount("120万円"), 1_200_000);
        assert_eq!(amount("１２０万円"), 1_200_000);
        assert_eq!(amount("1.2億"), 120_000_000);
        assert_eq!(amount("1.5億円"), 150_000_000);
        assert_eq!(amount("-¥5,000"), -5_000);
    }

    #[test]
    fn a_backslash_before_digits_is_the_yen_sign_of_a_shift_jis_file() {
        assert_eq!(amount("\\3,500,000"), 3_500_000);
        assert_eq!(amount("\\3500000"), 3_500_000);
        assert_eq!(amount("\\120万"), 1_200_000);
        assert_eq!(amount("-\\5,000"), -5_000);
        assert_eq!(amount("\\３,５００"), 3_500);
    }

    #[test]
    fn anything_else_is_refused_with_the_input_named() {
        for bad in [
            "",
            "lots",
            "\\",
            "\\ 3,500",
            "3,500\\",
            "3\\500",
            "\\\\3500",
            "¥",
            "万",
            "1.2.3",
            "inf",
            "1e9",
            "+-5",
            "NaN",
            "99999999999億",
            "¥¥5",
        ] {
            let err = parse_amount(bad).expect_err(bad).to_string();
            assert!(err.contains("is not an amount"), "{bad}: {err}");
        }
        assert_eq!(
            parse_amount("\u{1b}[2J5").unwrap_err().0,
            display_safe("\u{1b}[2J5")
        );
    }
}
