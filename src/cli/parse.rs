//! Reading what was typed on the command line into model values. Every error names the flag.

use crate::error::{Error, Result};
use crate::i18n::Arg;
use crate::model::amount::parse_amount;
use crate::model::dates::{BadDate, IsoMoment, parse_due, parse_iso_moment, parse_moment, today};
use crate::model::lead::Criterion;
use crate::model::text::split_tags;
use crate::model::{ActivityKind, Due, LinkRole, Stage};
use chrono::{Local, NaiveDate};

/// A positional argument's name in each language (`stage`, 段階), where an error names it.
pub fn positional(id: &'static str) -> Arg {
    Arg::Message(id)
}

/// `typed` after `flag` is not one of `names` (in English, in Japanese).
fn not_one_of(id: &'static str, flag: Arg, typed: &str, en: String, ja: String) -> Error {
    Error::said(
        id,
        [
            ("flag", flag),
            ("typed", Arg::Text(typed.to_string())),
            ("names", Arg::Each { en, ja }),
        ],
    )
}

/// A stage: its id or its label in English or Japanese. `flag` names where it was typed:
/// a flag (`--stage`), or a positional argument in each language (`positional("stage")`).
pub fn stage(flag: impl Into<Arg>, typed: &str) -> Result<Stage> {
    let flag = flag.into();
    typed.parse::<Stage>().map_err(|e| {
        not_one_of(
            "error-not-a-stage",
            flag.clone(),
            &e.0,
            crate::model::stage::accepted_names(),
            crate::model::stage::accepted_names_ja(),
        )
    })
}

/// An activity kind: its id or its label in English or Japanese (`call`, `Call`, `電話`).
pub fn kind(flag: impl Into<Arg>, typed: &str) -> Result<ActivityKind> {
    let flag = flag.into();
    typed.parse::<ActivityKind>().map_err(|e| {
        not_one_of(
            "error-not-a-kind",
            flag.clone(),
            &e.0,
            crate::model::activity::accepted_names(),
            crate::model::activity::accepted_names_ja(),
        )
    })
}

/// A contact's role on a lead: its id or its label in English or Japanese (`決裁者`).
pub fn role(flag: impl Into<Arg>, typed: &str) -> Result<LinkRole> {
    let flag = flag.into();
    typed.parse::<LinkRole>().map_err(|_| {
        not_one_of(
            "error-not-a-role",
            flag.clone(),
            typed,
            LinkRole::accepted_names(),
            LinkRole::accepted_names_ja(),
        )
    })
}

pub fn due(flag: &str, typed: &str) -> Result<Due> {
    parse_due(typed, today()).map_err(|date: BadDate| Error::BadDate {
        flag: flag.to_string(),
        date,
    })
}

/// An optional date: empty, `none` or `-` clears it.
pub fn due_or_clear(flag: &str, typed: &str) -> Result<Option<Due>> {
    if is_clear(typed) {
        Ok(None)
    } else {
        due(flag, typed).map(Some)
    }
}

pub fn date(flag: &str, typed: &str) -> Result<NaiveDate> {
    due(flag, typed).map(|d| d.date)
}

pub fn moment(flag: &str, typed: &str) -> Result<chrono::DateTime<chrono::Utc>> {
    // A moment with its zone is one instant: kept as it is, not read back through local time.
    if let Some(IsoMoment::Exact(exact)) = parse_iso_moment(typed) {
        return Ok(exact.with_timezone(&chrono::Utc));
    }
    let local = parse_moment(typed, Local::now().naive_local()).map_err(|date| Error::BadDate {
        flag: flag.to_string(),
        date,
    })?;
    Ok(crate::model::dates::local_to_utc(local))
}

/// Inbound or outbound, after `flag`.
pub fn direction(flag: &str, typed: &str) -> Result<crate::model::Direction> {
    typed.parse().map_err(|_: String| {
        Error::said("error-not-a-direction", [("flag", flag), ("typed", typed)])
    })
}

pub fn is_clear(typed: &str) -> bool {
    matches!(typed.trim(), "" | "-" | "none")
}

/// An amount: `1200000`, `1,200,000`, `¥1,200,000`, `120万`, `1.5億` (see `model::amount`).
pub fn amount(flag: &str, typed: &str) -> Result<i64> {
    parse_amount(typed).map_err(|e| {
        Error::said(
            "error-not-an-amount",
            [("flag", flag.to_string()), ("typed", e.0)],
        )
    })
}

pub fn optional_amount(flag: &str, typed: &str) -> Result<Option<i64>> {
    if is_clear(typed) {
        Ok(None)
    } else {
        amount(flag, typed).map(Some)
    }
}

pub fn criterion(flag: &str, typed: &str) -> Result<Criterion> {
    typed.parse().map_err(|_: String| {
        Error::said("error-not-a-criterion", [("flag", flag), ("typed", typed)])
    })
}

/// `--tag a --tag b,c` → [a, b, c].
pub fn tags(typed: &[String]) -> Vec<String> {
    split_tags(typed)
}

/// Some(text) to set, Some(None) to clear (an empty value), None when the flag was not given.
pub fn text_patch(value: &Option<String>) -> Option<Option<String>> {
    value.as_ref().map(|v| {
        if v.trim().is_empty() {
            None
        } else {
            Some(v.clone())
        }
    })
}

/// A campaign kind: its id or its label in English or Japanese (`seminar`, `セミナー`).
pub fn campaign_kind(flag: &str, typed: &str) -> Result<crate::model::campaign::CampaignKind> {
    typed
        .parse()
        .map_err(|e: crate::model::campaign::UnknownCampaignKind| {
            not_one_of(
                "error-not-a-campaign-kind",
                Arg::from(flag),
                &e.0,
                crate::model::campaign::accepted_names(),
                crate::model::campaign::accepted_names_ja(),
            )
        })
}

/// A goal's step: its id or its label in English or Japanese (`wins`, `受注件数`).
pub fn metric(flag: &str, typed: &str) -> Result<crate::model::goal::Metric> {
    typed
        .parse()
        .map_err(|e: crate::model::goal::UnknownMetric| {
            not_one_of(
                "error-not-a-metric",
                Arg::from(flag),
                &e.0,
                crate::model::goal::accepted_names(),
                crate::model::goal::accepted_names_ja(),
            )
        })
}

/// A month (`2026-12`) or a quarter (`2026-Q4`).
pub fn period(flag: &str, typed: &str) -> Result<crate::model::goal::Period> {
    typed.parse().map_err(|e: crate::model::goal::BadPeriod| {
        Error::said(
            "error-not-a-period",
            [("flag", flag.to_string()), ("typed", e.0)],
        )
    })
}

/// A day, or (empty, `-`, `none`) none: for options that clear a date when given empty.
pub fn optional_date(flag: &str, typed: &str) -> Result<Option<NaiveDate>> {
    if is_clear(typed) {
        Ok(None)
    } else {
        date(flag, typed).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_yen_forms() {
        assert_eq!(amount("--value", "1200000").unwrap(), 1_200_000);
        assert_eq!(amount("--value", "1,200,000").unwrap(), 1_200_000);
        assert_eq!(amount("--value", "¥1,200,000").unwrap(), 1_200_000);
        assert_eq!(amount("--value", "120万").unwrap(), 1_200_000);
        assert_eq!(amount("--value", "１２０万円").unwrap(), 1_200_000);
        assert_eq!(amount("--value", "1.5億").unwrap(), 150_000_000);
        let err = amount("--value", "lots").unwrap_err().to_string();
        assert!(err.starts_with("--value: 'lots'"), "{err}");
    }
}
