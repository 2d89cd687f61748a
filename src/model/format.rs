//! Numbers as every face writes them: amounts with thousands separators, scores without
//! trailing zeros. The command line, the app and the exports share these.

use crate::config::Language;

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

/// 45300000 → "45.3M" (or "4,530万円" in Japanese): short enough for a column header.
pub fn compact_amount(value: i64, language: Language) -> String {
    let v = value as f64;
    match language {
        Language::Ja if value.abs() >= 100_000_000 => format!("{:.1}億円", v / 1e8),
        Language::Ja if value.abs() >= 10_000 => {
            format!("{}万円", amount(Some(value / 10_000)))
        }
        Language::Ja => format!("{}円", amount(Some(value))),
        Language::En if value.abs() >= 1_000_000_000 => format!("{:.1}B", v / 1e9),
        Language::En if value.abs() >= 1_000_000 => format!("{:.1}M", v / 1e6),
        _ => amount(Some(value)),
    }
}

/// An amount of yen as a person reads it in text: every digit in English (`1,200,000`), in
/// Japanese by 万 and 億 with the unit (`120万円`, `1.2億円`, `5,000円`). Empty when none.
pub fn yen(value: Option<i64>, language: Language) -> String {
    match (value, language) {
        (None, _) => String::new(),
        (Some(_), Language::En) => amount(value),
        (Some(v), Language::Ja) => compact_amount(v, Language::Ja),
    }
}

/// A figure worked out per lead or per win, to the yen (`25,000`, `25,000円`): rounded by 万
/// it would hide the differences between campaigns. Empty when none.
pub fn yen_each(value: Option<f64>, language: Language) -> String {
    let Some(v) = value else {
        return String::new();
    };
    let exact = amount(Some(v.round() as i64));
    match language {
        Language::En => exact,
        Language::Ja => format!("{exact}円"),
    }
}

/// A return on cost to one decimal (`4.0`). Empty when none.
pub fn ratio(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| format!("{v:.1}"))
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
    fn yen_reads_by_man_and_oku_in_japanese() {
        assert_eq!(yen(Some(1_200_000), Language::Ja), "120万円");
        assert_eq!(yen(Some(120_000_000), Language::Ja), "1.2億円");
        assert_eq!(yen(Some(5_000), Language::Ja), "5,000円");
        assert_eq!(yen(Some(1_200_000), Language::En), "1,200,000");
        assert_eq!(yen(None, Language::Ja), "");
        assert_eq!(compact_amount(45_300_000, Language::En), "45.3M");
        assert_eq!(compact_amount(45_300_000, Language::Ja), "4,530万円");
    }

    #[test]
    fn figures_per_lead_keep_every_yen() {
        assert_eq!(yen_each(Some(25_000.0), Language::En), "25,000");
        assert_eq!(yen_each(Some(300_000.0), Language::Ja), "300,000円");
        assert_eq!(yen_each(Some(33_333.33), Language::En), "33,333");
        assert_eq!(yen_each(None, Language::Ja), "");
        assert_eq!(ratio(Some(4.0)), "4.0");
        assert_eq!(ratio(Some(1.26)), "1.3");
        assert_eq!(ratio(None), "");
    }

    #[test]
    fn scores_drop_trailing_zeros() {
        assert_eq!(score(7.0), "7");
        assert_eq!(score(1.5), "1.5");
        assert_eq!(score(0.75), "0.75");
    }
}
