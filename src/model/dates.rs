//! The date grammar of forms and the command line (SPEC §3), and how dates are written.
//!
//! Accepted: `today`, `tomorrow`, `yesterday`, `+3d`, `+2w`, `+1m`, `+1y` (and `-`), weekday
//! names (the next one after today), `YYYY-MM-DD`, `YYYY/MM/DD`, `M/D` (the next such day),
//! `2026年12月1日`, `12月1日`, `今日`, `明日`, `明後日`, `しあさって` (`明明後日`), `昨日`, `3日後`,
//! `2週間後`, `1か月後`, `来週` (+7 days), `再来週` (+14 days), `来月` (the same day next month,
//! as `+1m`), `月末`, `来月末`, a weekday of this, next or the week after
//! (`今週金曜`, `来週の月曜`, `再来週水曜日`), Japanese era dates (`令和8年12月1日`, `令和元年5月1日`, `R8.12.1`,
//! `H31/4/30`; eras 明治 M, 大正 T, 昭和 S, 平成 H, 令和 R), each optionally followed by a time
//! (`14:00`, `9:30`, `14時`, `14時30分`). Full-width digits and letters are read as their
//! ASCII forms.
//!
//! A CSV file's date column also takes what Excel writes for a date cell it saved as a
//! number (`46357`, `46357.5`): see [`from_excel_serial`]. Forms and the command line do not,
//! where a bare number is a typing slip rather than a date.

use crate::model::text::display_safe;
use chrono::{
    DateTime, Datelike, Days, FixedOffset, Local, Months, NaiveDate, NaiveDateTime, NaiveTime,
    TimeZone, Utc, Weekday,
};
use serde::{Serialize, Serializer};
use std::fmt;
use unicode_normalization::UnicodeNormalization;

/// A next-action date, with an optional time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Due {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

impl Due {
    pub fn on(date: NaiveDate) -> Due {
        Due { date, time: None }
    }

    /// The stored form: `2026-12-01` or `2026-12-01T14:00`. It sorts by date, then time.
    pub fn to_storage(&self) -> String {
        match self.time {
            Some(t) => format!("{}T{}", self.date.format("%Y-%m-%d"), t.format("%H:%M")),
            None => self.date.format("%Y-%m-%d").to_string(),
        }
    }

    pub fn from_storage(s: &str) -> Option<Due> {
        let (date, time) = match s.split_once('T') {
            Some((d, t)) => (d, Some(NaiveTime::parse_from_str(t, "%H:%M").ok()?)),
            None => (s, None),
        };
        Some(Due {
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?,
            time,
        })
    }
}

impl fmt::Display for Due {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.time {
            Some(t) => write!(f, "{} {}", self.date.format("%Y-%m-%d"), t.format("%H:%M")),
            None => write!(f, "{}", self.date.format("%Y-%m-%d")),
        }
    }
}

impl Serialize for Due {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_storage())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a date (try today, tomorrow, +3d, +2w, friday, 12/1, 2026-12-01 or 明日)")]
pub struct BadDate(pub String);

/// The forms the Japanese message offers: the ones a rep says most, each one the grammar
/// reads (a test holds them to it).
const JAPANESE_EXAMPLES: [&str; 6] = [
    "明日",
    "3日後",
    "来週月曜",
    "月末",
    "12/1",
    "令和8年12月1日",
];

impl BadDate {
    /// The message in English (as `Display`) or in Japanese, for a rep who works in it.
    pub fn message(&self, japanese: bool) -> String {
        if japanese {
            format!(
                "「{}」は日付として読めません（例: {}）",
                self.0,
                JAPANESE_EXAMPLES.join("、")
            )
        } else {
            self.to_string()
        }
    }
}

/// Reads a date (and optional time) typed by a user, relative to `today`.
pub fn parse_due(input: &str, today: NaiveDate) -> Result<Due, BadDate> {
    // The input may come from a file (a CSV cell): made safe to print in the message.
    let bad = || BadDate(display_safe(input.trim()));
    let folded: String = input.nfkc().collect::<String>().trim().to_lowercase();
    if folded.is_empty() {
        return Err(bad());
    }
    let (date_part, time) = split_time(&folded).ok_or_else(bad)?;
    let date = if date_part.is_empty() {
        if time.is_none() {
            return Err(bad());
        }
        today
    } else {
        parse_date(date_part, today).ok_or_else(bad)?
    };
    Ok(Due { date, time })
}

/// Reads when something happened (`--at`): `now`, an ISO 8601 moment (see
/// [`parse_iso_moment`]), or a date with an optional time. A date without a time keeps the
/// current time of day.
pub fn parse_moment(input: &str, now: NaiveDateTime) -> Result<NaiveDateTime, BadDate> {
    let trimmed = input.trim();
    if trimmed.eq_ignore_ascii_case("now") || trimmed == "今" {
        return Ok(now);
    }
    match parse_iso_moment(trimmed) {
        Some(IsoMoment::Exact(exact)) => return Ok(exact.with_timezone(&Local).naive_local()),
        Some(IsoMoment::Local(local)) => return Ok(local),
        None => {}
    }
    let due = parse_due(trimmed, now.date())?;
    Ok(due.date.and_time(due.time.unwrap_or(now.time())))
}

/// A moment as machines write it (ISO 8601 / RFC 3339).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IsoMoment {
    /// With a zone (`Z`, `+09:00`): one instant.
    Exact(DateTime<FixedOffset>),
    /// Without one: a time on this machine's clock.
    Local(NaiveDateTime),
}

/// Reads `2026-10-31T09:56:39+09:00` and its kin: `T`, `t` or a space between date and
/// time; seconds optional (fractions allowed); the zone `Z`, `+09:00`, `+0900` or `+09`, or
/// none. `None` for anything else (the date grammar then has its turn).
pub fn parse_iso_moment(input: &str) -> Option<IsoMoment> {
    let s = input.trim();
    let date = NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()?;
    let rest = s.get(10..)?;
    let rest = rest
        .strip_prefix(['T', 't', ' '])
        .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))?;
    let (time, offset) = if let Some(time) = rest.strip_suffix(['Z', 'z']) {
        (time, Some(0))
    } else if let Some(at) = rest.rfind(['+', '-']) {
        (&rest[..at], Some(zone_offset(&rest[at..])?))
    } else {
        (rest, None)
    };
    let time = NaiveTime::parse_from_str(time, "%H:%M:%S%.f")
        .or_else(|_| NaiveTime::parse_from_str(time, "%H:%M"))
        .ok()?;
    let local = date.and_time(time);
    Some(match offset {
        Some(seconds) => IsoMoment::Exact(
            FixedOffset::east_opt(seconds)?
                .from_local_datetime(&local)
                .single()?,
        ),
        None => IsoMoment::Local(local),
    })
}

/// `+09:00`, `+0900`, `+09`, `-05:30`: seconds east of UTC.
fn zone_offset(zone: &str) -> Option<i32> {
    let sign = match zone.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) || zone[1..].matches(':').count() > 1 {
        return None;
    }
    let (hours, minutes) = match digits.len() {
        2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    (hours <= 23 && minutes <= 59).then_some(sign * (hours * 3600 + minutes * 60))
}

/// Splits a trailing time of day off the input. `None` when the time is malformed.
fn split_time(s: &str) -> Option<(&str, Option<NaiveTime>)> {
    let (head, last) = match s.rsplit_once([' ', 't']) {
        Some((head, last)) if looks_like_time(last) => (head.trim_end(), last),
        _ if looks_like_time(s) => ("", s),
        _ => {
            // 明日14時 and 12月1日10時30分: a time glued to the date.
            if let Some(pos) = s.find('時') {
                let start = s[..pos]
                    .char_indices()
                    .rev()
                    .take_while(|(_, c)| c.is_ascii_digit())
                    .last()
                    .map(|(i, _)| i)?;
                return Some((s[..start].trim_end(), Some(parse_time(&s[start..])?)));
            }
            return Some((s, None));
        }
    };
    Some((head, Some(parse_time(last)?)))
}

fn looks_like_time(s: &str) -> bool {
    let digits_first = s.chars().next().is_some_and(|c| c.is_ascii_digit());
    digits_first && (s.contains(':') || s.ends_with('時') || s.ends_with('分'))
}

fn parse_time(s: &str) -> Option<NaiveTime> {
    if let Some((h, m)) = s.split_once(':') {
        return NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0);
    }
    let (h, rest) = s.split_once('時')?;
    let minutes = match rest.strip_suffix('分') {
        Some(m) => m.parse().ok()?,
        None if rest.is_empty() => 0,
        None if rest == "半" => 30,
        None => return None,
    };
    NaiveTime::from_hms_opt(h.parse().ok()?, minutes, 0)
}

fn parse_date(s: &str, today: NaiveDate) -> Option<NaiveDate> {
    match s {
        "today" | "tod" | "今日" | "きょう" | "本日" => return Some(today),
        "tomorrow" | "tmr" | "tmrw" | "明日" | "あした" | "あす" => return today.succ_opt(),
        "yesterday" | "昨日" | "きのう" => return today.pred_opt(),
        "明後日" | "あさって" => return today.checked_add_days(Days::new(2)),
        "明明後日" | "しあさって" => return today.checked_add_days(Days::new(3)),
        "来週" | "next week" => return today.checked_add_days(Days::new(7)),
        "再来週" => return today.checked_add_days(Days::new(14)),
        // The same day next month, clamped to its last day (1/31 → 2/28), as `+1m`.
        "来月" | "next month" => return today.checked_add_months(Months::new(1)),
        "月末" | "今月末" => return month_end(today),
        "来月末" => return month_end(today.checked_add_months(Months::new(1))?),
        _ => {}
    }
    relative(s, today)
        .or_else(|| weekday_of_week(s, today))
        .or_else(|| weekday(s, today))
        .or_else(|| era(s))
        .or_else(|| absolute(s))
        .or_else(|| month_day(s, today))
}

/// A Japanese era: its name, its letter, the Gregorian year of its year 0, and its first day.
struct Era {
    name: &'static str,
    letter: char,
    year_zero: i32,
    first_day: (i32, u32, u32),
}

const ERAS: [Era; 5] = [
    Era {
        name: "令和",
        letter: 'r',
        year_zero: 2018,
        first_day: (2019, 5, 1),
    },
    Era {
        name: "平成",
        letter: 'h',
        year_zero: 1988,
        first_day: (1989, 1, 8),
    },
    Era {
        name: "昭和",
        letter: 's',
        year_zero: 1925,
        first_day: (1926, 12, 25),
    },
    Era {
        name: "大正",
        letter: 't',
        year_zero: 1911,
        first_day: (1912, 7, 30),
    },
    Era {
        name: "明治",
        letter: 'm',
        year_zero: 1867,
        first_day: (1868, 1, 1),
    },
];

/// `令和8年12月1日`, `令和元年5月1日`, `R8.12.1`, `R08/12/01`, `H31-4-30`, `㍻31年4月30日` (the
/// input is already NFKC-folded and lower case). The first year of an era is `元年` or 1.
/// A day before the era began is not a date of that era; a day after it ended still reads
/// (forms printed with `平成32年` were filled in well into 令和).
fn era(s: &str) -> Option<NaiveDate> {
    let (era, rest) = ERAS.iter().find_map(|era| {
        s.strip_prefix(era.name)
            .or_else(|| s.strip_prefix(era.letter))
            .map(|rest| (era, rest.trim_start()))
    })?;
    let first_year = rest.strip_prefix('元');
    let parts = numbers(
        first_year.unwrap_or(rest),
        &['-', '/', '.', '年', '月', '日'],
    )?;
    let (year, month, day) = match (first_year, parts.as_slice()) {
        (Some(_), [m, d]) => (1, *m, *d),
        (None, [y, m, d]) if *y >= 1 => (*y, *m, *d),
        _ => return None,
    };
    let year = era.year_zero.checked_add(i32::try_from(year).ok()?)?;
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let (y, m, d) = era.first_day;
    (date >= NaiveDate::from_ymd_opt(y, m, d)?).then_some(date)
}

/// A CSV file's date cell: a date as forms take it, else an Excel serial number.
pub fn parse_cell_date(input: &str, today: NaiveDate) -> Result<Due, BadDate> {
    parse_due(input, today).or_else(|e| from_excel_serial(input).ok_or(e))
}

/// The last serial number of Excel's 1900 date system: 9999-12-31.
const EXCEL_LAST_SERIAL: u32 = 2_958_465;

/// A date as Excel stores it, written out as a number when a date cell is saved as
/// "General" (`46357` is 2026-12-01; `46357.5` is noon that day). Excel's 1900 date system:
/// serial 1 is 1900-01-01 and 60 is a 1900-02-29 that never was (kept from Lotus 1-2-3), so
/// from 61 on a serial counts days from 1899-12-30. Serial 60 and numbers outside 1900..9999
/// are not dates.
pub fn from_excel_serial(input: &str) -> Option<Due> {
    let folded: String = input.nfkc().collect();
    let folded = folded.trim();
    let (whole, fraction) = folded.split_once('.').unwrap_or((folded, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 7 || !digits(whole) || !digits(fraction) {
        return None;
    }
    let serial: u32 = whole.parse().ok()?;
    let date = match serial {
        1..=59 => NaiveDate::from_ymd_opt(1899, 12, 31)?.checked_add_days(Days::new(serial.into())),
        61..=EXCEL_LAST_SERIAL => {
            NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(Days::new(serial.into()))
        }
        _ => None,
    }?;
    // The time of day, to the nearest minute; a minute short of midnight rounds up to it.
    let day_fraction: f64 = format!("0.{fraction}").parse().ok()?;
    let minutes = (day_fraction * 1440.0).round() as u32;
    match minutes {
        0 => Some(Due::on(date)),
        1440 => date.succ_opt().filter(|d| d.year() <= 9999).map(Due::on),
        _ => Some(Due {
            date,
            time: NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0),
        }),
    }
}

/// `+3d`, `-2w`, `+1m`, `+1y`, `+3` (days), `3日後`, `2週間後`, `1か月後`, `1年後`.
fn relative(s: &str, today: NaiveDate) -> Option<NaiveDate> {
    let (sign, body, unit) = if let Some(rest) = s.strip_suffix('後') {
        let units = [
            ("日", 'd'),
            ("週間", 'w'),
            ("週", 'w'),
            ("か月", 'm'),
            ("ヶ月", 'm'),
            ("カ月", 'm'),
            ("ヵ月", 'm'),
            ("年", 'y'),
        ];
        let (number, unit) = units
            .iter()
            .find_map(|(suffix, unit)| rest.strip_suffix(suffix).map(|n| (n, *unit)))?;
        (1, number, unit)
    } else {
        let (sign, rest) = match s.as_bytes().first()? {
            b'+' => (1, &s[1..]),
            b'-' => (-1, &s[1..]),
            _ => return None,
        };
        match rest.char_indices().last()? {
            (i, c @ ('d' | 'w' | 'm' | 'y')) => (sign, &rest[..i], c),
            (_, c) if c.is_ascii_digit() => (sign, rest, 'd'),
            _ => return None,
        }
    };
    let n: u32 = body.trim().parse().ok().filter(|n| *n <= 100_000)?;
    match (unit, sign) {
        ('d', 1) => today.checked_add_days(Days::new(n.into())),
        ('d', _) => today.checked_sub_days(Days::new(n.into())),
        ('w', 1) => today.checked_add_days(Days::new(u64::from(n) * 7)),
        ('w', _) => today.checked_sub_days(Days::new(u64::from(n) * 7)),
        ('m', 1) => today.checked_add_months(Months::new(n)),
        ('m', _) => today.checked_sub_months(Months::new(n)),
        (_, 1) => today.checked_add_months(Months::new(n.checked_mul(12)?)),
        _ => today.checked_sub_months(Months::new(n.checked_mul(12)?)),
    }
}

/// The last day of `day`'s month.
fn month_end(day: NaiveDate) -> Option<NaiveDate> {
    day.with_day(1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

/// A weekday of a named week: `今週金曜`, `来週の月曜`, `再来週水曜日`. Weeks are ISO weeks
/// (Monday to Sunday), so on a Sunday `来週月曜` is tomorrow.
///
/// `今週金曜` is this week's Friday even when it has passed: the rep named a week, and
/// moving the day a week on would give a date they did not say. The form's preview shows
/// the day, and a past date reads as overdue at once, which is the right alarm.
fn weekday_of_week(s: &str, today: NaiveDate) -> Option<NaiveDate> {
    let (weeks_on, rest) = [("今週", 0), ("再来週", 2), ("来週", 1)]
        .into_iter()
        .find_map(|(word, weeks)| s.strip_prefix(word).map(|rest| (weeks, rest)))?;
    let rest = rest.trim_start();
    let name = rest.strip_prefix('の').unwrap_or(rest).trim_start();
    let day = weekday_name(name)?;
    let monday =
        today.checked_sub_days(Days::new(today.weekday().num_days_from_monday().into()))?;
    monday.checked_add_days(Days::new(
        weeks_on * 7 + u64::from(day.num_days_from_monday()),
    ))
}

/// A weekday name: the next such day after today (a week ahead when it is today).
fn weekday(s: &str, today: NaiveDate) -> Option<NaiveDate> {
    let day = weekday_name(s.strip_prefix("next ").unwrap_or(s))?;
    let ahead = (7 + day.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
    let ahead = if ahead == 0 { 7 } else { ahead };
    today.checked_add_days(Days::new(ahead.into()))
}

/// `friday`, `fri`, `金`, `金曜`, `金曜日`.
fn weekday_name(name: &str) -> Option<Weekday> {
    let day = match name {
        "mon" | "monday" | "月" | "月曜" | "月曜日" => Weekday::Mon,
        "tue" | "tues" | "tuesday" | "火" | "火曜" | "火曜日" => Weekday::Tue,
        "wed" | "wednesday" | "水" | "水曜" | "水曜日" => Weekday::Wed,
        "thu" | "thur" | "thurs" | "thursday" | "木" | "木曜" | "木曜日" => Weekday::Thu,
        "fri" | "friday" | "金" | "金曜" | "金曜日" => Weekday::Fri,
        "sat" | "saturday" | "土" | "土曜" | "土曜日" => Weekday::Sat,
        "sun" | "sunday" | "日" | "日曜" | "日曜日" => Weekday::Sun,
        _ => return None,
    };
    Some(day)
}

/// `2026-12-01`, `2026/12/1`, `2026.12.1`, `2026年12月1日`.
fn absolute(s: &str) -> Option<NaiveDate> {
    let parts = numbers(s, &['-', '/', '.', '年', '月', '日'])?;
    match parts.as_slice() {
        [y, m, d] if *y >= 1000 => NaiveDate::from_ymd_opt(i32::try_from(*y).ok()?, *m, *d),
        _ => None,
    }
}

/// `12/1`, `12-1`, `12月1日`: the next such day on or after today.
fn month_day(s: &str, today: NaiveDate) -> Option<NaiveDate> {
    let parts = numbers(s, &['/', '-', '月', '日'])?;
    let [m, d] = parts.as_slice() else {
        return None;
    };
    let this_year = NaiveDate::from_ymd_opt(today.year(), *m, *d);
    match this_year {
        Some(date) if date >= today => Some(date),
        _ => NaiveDate::from_ymd_opt(today.year() + 1, *m, *d),
    }
}

/// The runs of digits in `s`, when everything else is one of `separators`.
fn numbers(s: &str, separators: &[char]) -> Option<Vec<u32>> {
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || separators.contains(&c))
    {
        return None;
    }
    s.split(|c| separators.contains(&c))
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().ok())
        .collect()
}

/// Today's date on this machine.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// A local date and time as a UTC instant (the earlier one when the clock was set back).
pub fn local_to_utc(local: NaiveDateTime) -> DateTime<Utc> {
    Local
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&local))
}

/// Timestamps are stored and exported as `2026-11-23T04:05:06Z`.
pub fn format_timestamp(t: &DateTime<Utc>) -> String {
    // `2026-11-23T13:43:00Z`; far cheaper than a format string, and bulk loads stamp every row.
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub fn parse_timestamp(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// serde helper: timestamps in the stored form.
pub mod timestamp {
    use chrono::{DateTime, Utc};
    use serde::Serializer;

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::format_timestamp(t))
    }
}

/// serde helper: optional timestamps in the stored form.
pub mod timestamp_opt {
    use chrono::{DateTime, Utc};
    use serde::Serializer;

    pub fn serialize<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&super::format_timestamp(t)),
            None => s.serialize_none(),
        }
    }
}

/// The day of the week as Japanese writes it after a date: 月, 火 … 日.
pub fn weekday_ja(date: NaiveDate) -> &'static str {
    ["月", "火", "水", "木", "金", "土", "日"][date.weekday().num_days_from_monday() as usize]
}

/// A date as a Japanese rep reads it: `12/3(木)`, with the year when it is not this year's
/// (`2027/1/4(月)`).
pub fn day_ja(date: NaiveDate, today: NaiveDate) -> String {
    let weekday = weekday_ja(date);
    if date.year() == today.year() {
        format!("{}/{}({weekday})", date.month(), date.day())
    } else {
        format!("{}/{}/{}({weekday})", date.year(), date.month(), date.day())
    }
}

/// The day a date typed in a form means, to show beside the field as the rep types
/// (`+3d` → `12/03 (Thu)`, `12/3(木)` with `japanese`): month/day and weekday, the year
/// too when it is not this year's, the time when one was typed. None while the text is
/// not a date yet.
pub fn preview(input: &str, today: NaiveDate, japanese: bool) -> Option<String> {
    let due = parse_due(input, today).ok()?;
    let time = due
        .time
        .map(|t| format!(" {}", t.format("%H:%M")))
        .unwrap_or_default();
    if japanese {
        // As every Japanese screen writes a date: 12/3(木).
        return Some(format!("{}{time}", day_ja(due.date, today)));
    }
    let day = if due.date.year() == today.year() {
        due.date.format("%m/%d").to_string()
    } else {
        due.date.format("%Y/%m/%d").to_string()
    };
    let weekday = due.date.format("%a");
    Some(format!("{day} ({weekday}){time}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previews_the_day_a_relative_date_means() {
        // A Monday.
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(preview("+3d", today, false).as_deref(), Some("12/03 (Thu)"));
        assert_eq!(preview("+3d", today, true).as_deref(), Some("12/3(木)"));
        assert_eq!(
            preview("明日 15:00", today, true).as_deref(),
            Some("12/1(火) 15:00")
        );
        assert_eq!(
            preview("+5w", today, false).as_deref(),
            Some("2027/01/04 (Mon)")
        );
        assert_eq!(preview("+3x", today, false), None);
        assert_eq!(preview("", today, false), None);
    }

    #[test]
    fn japanese_days_say_the_weekday_and_the_year_only_when_another() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(day_ja(d(2026, 12, 3), today), "12/3(木)");
        assert_eq!(day_ja(d(2027, 1, 4), today), "2027/1/4(月)");
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    // 2026-11-23 is a Monday.
    fn today() -> NaiveDate {
        d(2026, 11, 23)
    }

    fn date(s: &str) -> NaiveDate {
        parse_due(s, today()).unwrap_or_else(|e| panic!("{e}")).date
    }

    #[test]
    fn words_and_offsets() {
        assert_eq!(date("today"), d(2026, 11, 23));
        assert_eq!(date("Tomorrow"), d(2026, 11, 24));
        assert_eq!(date("+3d"), d(2026, 11, 26));
        assert_eq!(date("+3"), d(2026, 11, 26));
        assert_eq!(date("+2w"), d(2026, 12, 7));
        assert_eq!(date("+1m"), d(2026, 12, 23));
        assert_eq!(date("-1d"), d(2026, 11, 22));
        assert_eq!(date("+1y"), d(2027, 11, 23));
        assert_eq!(date("＋３ｄ"), d(2026, 11, 26));
    }

    #[test]
    fn japanese_words() {
        assert_eq!(date("今日"), d(2026, 11, 23));
        assert_eq!(date("明日"), d(2026, 11, 24));
        assert_eq!(date("明後日"), d(2026, 11, 25));
        assert_eq!(date("3日後"), d(2026, 11, 26));
        assert_eq!(date("2週間後"), d(2026, 12, 7));
        assert_eq!(date("1か月後"), d(2026, 12, 23));
        assert_eq!(date("来週"), d(2026, 11, 30));
    }

    /// `s` read on `today`.
    fn on(today: NaiveDate, s: &str) -> NaiveDate {
        parse_due(s, today).unwrap_or_else(|e| panic!("{e}")).date
    }

    #[test]
    fn month_end_is_the_last_day_of_this_month() {
        assert_eq!(date("月末"), d(2026, 11, 30));
        assert_eq!(date("今月末"), d(2026, 11, 30));
        assert_eq!(
            on(d(2026, 12, 31), "月末"),
            d(2026, 12, 31),
            "on the day itself"
        );
        assert_eq!(
            on(d(2028, 2, 10), "月末"),
            d(2028, 2, 29),
            "a leap February"
        );
        assert_eq!(on(d(2027, 2, 1), "月末"), d(2027, 2, 28));
        assert_eq!(
            parse_due("月末 17:00", today()).unwrap().to_storage(),
            "2026-11-30T17:00"
        );
    }

    #[test]
    fn next_month_end_is_the_last_day_of_next_month() {
        assert_eq!(date("来月末"), d(2026, 12, 31));
        assert_eq!(
            on(d(2026, 12, 15), "来月末"),
            d(2027, 1, 31),
            "across the year"
        );
        assert_eq!(
            on(d(2028, 1, 31), "来月末"),
            d(2028, 2, 29),
            "a leap February"
        );
        assert_eq!(on(d(2027, 1, 31), "来月末"), d(2027, 2, 28));
        assert_eq!(on(d(2026, 3, 31), "来月末"), d(2026, 4, 30));
    }

    #[test]
    fn a_weekday_of_this_week() {
        // Monday 2026-11-23: the week runs to Sunday 11-29.
        for s in [
            "今週金曜",
            "今週の金曜",
            "今週金曜日",
            "今週の金曜日",
            "今週 金曜",
            "今週金",
        ] {
            assert_eq!(date(s), d(2026, 11, 27), "{s}");
        }
        assert_eq!(date("今週月曜"), d(2026, 11, 23), "today");
        assert_eq!(date("今週の日曜"), d(2026, 11, 29), "weeks end on Sunday");
        // On Saturday 11-28 this week's Friday has passed: it is still this week's.
        assert_eq!(on(d(2026, 11, 28), "今週金曜"), d(2026, 11, 27));
        // Wednesday 2026-12-30: this week's Friday is in the new year.
        assert_eq!(on(d(2026, 12, 30), "今週金曜"), d(2027, 1, 1));
    }

    #[test]
    fn a_weekday_of_next_week() {
        for s in [
            "来週月曜",
            "来週の月曜",
            "来週月曜日",
            "来週の月曜日",
            "来週 月曜",
        ] {
            assert_eq!(date(s), d(2026, 11, 30), "{s}");
        }
        // Not the next Friday after today (11-27, this week's): next week's.
        assert_eq!(date("来週金曜"), d(2026, 12, 4));
        assert_eq!(date("来週の日曜"), d(2026, 12, 6));
        // On a Sunday, next week's Monday is tomorrow.
        assert_eq!(on(d(2026, 11, 29), "来週月曜"), d(2026, 11, 30));
        assert_eq!(
            on(d(2026, 12, 30), "来週の月曜"),
            d(2027, 1, 4),
            "across the year"
        );
        assert_eq!(
            on(d(2028, 2, 23), "来週の火曜日"),
            d(2028, 2, 29),
            "a leap day"
        );
        assert_eq!(
            parse_due("来週月曜 10:00", today()).unwrap().to_storage(),
            "2026-11-30T10:00"
        );
        assert_eq!(
            parse_due("来週の金曜14時", today()).unwrap().to_storage(),
            "2026-12-04T14:00"
        );
    }

    #[test]
    fn the_week_after_next() {
        assert_eq!(date("再来週"), d(2026, 12, 7));
        assert_eq!(
            on(d(2026, 12, 25), "再来週"),
            d(2027, 1, 8),
            "across the year"
        );
        assert_eq!(date("再来週の水曜"), d(2026, 12, 9));
        assert_eq!(date("再来週水曜日"), d(2026, 12, 9));
        assert_eq!(
            on(d(2026, 12, 20), "再来週の水曜"),
            d(2026, 12, 30),
            "from a Sunday"
        );
        assert_eq!(on(d(2026, 12, 23), "再来週の月曜"), d(2027, 1, 4));
    }

    #[test]
    fn three_days_on() {
        assert_eq!(date("しあさって"), d(2026, 11, 26));
        assert_eq!(date("明明後日"), d(2026, 11, 26));
        assert_eq!(on(d(2026, 12, 30), "しあさって"), d(2027, 1, 2));
        assert_eq!(
            on(d(2028, 2, 27), "明明後日"),
            d(2028, 3, 1),
            "past a leap day"
        );
    }

    #[test]
    fn next_month_is_the_same_day_clamped_to_the_month_end() {
        assert_eq!(date("来月"), d(2026, 12, 23));
        assert_eq!(date("来月"), date("+1m"));
        assert_eq!(on(d(2026, 1, 31), "来月"), d(2026, 2, 28));
        assert_eq!(
            on(d(2028, 1, 31), "来月"),
            d(2028, 2, 29),
            "a leap February"
        );
        assert_eq!(on(d(2026, 3, 31), "来月"), d(2026, 4, 30));
        assert_eq!(
            on(d(2026, 12, 15), "来月"),
            d(2027, 1, 15),
            "across the year"
        );
    }

    #[test]
    fn the_era_dates_reps_write_most() {
        assert_eq!(date("令和8年12月1日"), d(2026, 12, 1));
        assert_eq!(date("令和元年5月1日"), d(2019, 5, 1));
        assert_eq!(date("R8.12.1"), d(2026, 12, 1));
        assert_eq!(date("R8/12/1"), d(2026, 12, 1));
        assert_eq!(date("H31.4.30"), d(2019, 4, 30));
        assert_eq!(on(d(2028, 1, 5), "R10.2.29"), d(2028, 2, 29), "a leap day");
        assert!(parse_due("R9.2.29", today()).is_err(), "2027 has no 2/29");
    }

    #[test]
    fn the_date_error_in_english_and_japanese() {
        let err = parse_due("そのうち", today()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "'そのうち' is not a date (try today, tomorrow, +3d, +2w, friday, 12/1, \
             2026-12-01 or 明日)"
        );
        assert_eq!(err.message(false), err.to_string());
        assert_eq!(
            err.message(true),
            "「そのうち」は日付として読めません（例: 明日、3日後、来週月曜、月末、12/1、令和8年12月1日）"
        );
        // The examples offered are dates the grammar reads.
        for example in JAPANESE_EXAMPLES.into_iter().chain([
            "today",
            "tomorrow",
            "+3d",
            "+2w",
            "friday",
            "12/1",
            "2026-12-01",
        ]) {
            assert!(parse_due(example, today()).is_ok(), "{example}");
        }
    }

    #[test]
    fn the_preview_shows_the_japanese_forms() {
        // Monday 2026-11-23.
        assert_eq!(
            preview("来週の月曜", today(), true).as_deref(),
            Some("11/30(月)")
        );
        assert_eq!(
            preview("月末", today(), false).as_deref(),
            Some("11/30 (Mon)")
        );
        assert_eq!(
            preview("来月末", d(2026, 12, 15), true).as_deref(),
            Some("2027/1/31(日)")
        );
        assert_eq!(
            preview("再来週の水曜 9:30", today(), true).as_deref(),
            Some("12/9(水) 09:30")
        );
        assert_eq!(preview("今週の", today(), true), None, "not a date yet");
    }

    #[test]
    fn moments_take_the_japanese_forms() {
        let now = d(2026, 11, 23).and_hms_opt(15, 4, 0).unwrap();
        assert_eq!(
            parse_moment("R8.11.20 10:00", now).unwrap(),
            d(2026, 11, 20).and_hms_opt(10, 0, 0).unwrap()
        );
        assert_eq!(
            parse_moment("今週月曜", now).unwrap(),
            d(2026, 11, 23).and_hms_opt(15, 4, 0).unwrap()
        );
    }

    #[test]
    fn weekdays_are_the_next_one_after_today() {
        assert_eq!(date("friday"), d(2026, 11, 27));
        assert_eq!(date("fri"), d(2026, 11, 27));
        assert_eq!(date("monday"), d(2026, 11, 30));
        assert_eq!(date("金曜"), d(2026, 11, 27));
        assert_eq!(date("水曜日"), d(2026, 11, 25));
    }

    #[test]
    fn absolute_and_month_day() {
        assert_eq!(date("2026-12-01"), d(2026, 12, 1));
        assert_eq!(date("2026/12/1"), d(2026, 12, 1));
        assert_eq!(date("2027年1月5日"), d(2027, 1, 5));
        assert_eq!(date("12/1"), d(2026, 12, 1));
        assert_eq!(date("11/23"), d(2026, 11, 23));
        assert_eq!(
            date("1/5"),
            d(2027, 1, 5),
            "a day already past means next year"
        );
        assert_eq!(date("12月1日"), d(2026, 12, 1));
    }

    #[test]
    fn japanese_era_dates() {
        assert_eq!(date("令和8年12月1日"), d(2026, 12, 1));
        assert_eq!(date("R8.12.1"), d(2026, 12, 1));
        assert_eq!(date("R08/12/01"), d(2026, 12, 1));
        assert_eq!(date("r8-12-1"), d(2026, 12, 1));
        assert_eq!(date("令和 8年12月1日"), d(2026, 12, 1));
        assert_eq!(date("平成31年4月30日"), d(2019, 4, 30));
        assert_eq!(date("H31.4.30"), d(2019, 4, 30));
        assert_eq!(date("昭和64年1月7日"), d(1989, 1, 7));
        assert_eq!(date("S64.1.7"), d(1989, 1, 7));
        assert_eq!(date("大正15年12月24日"), d(1926, 12, 24));
        assert_eq!(date("T15.12.24"), d(1926, 12, 24));
        assert_eq!(date("明治45年7月29日"), d(1912, 7, 29));
        assert_eq!(date("M45.7.29"), d(1912, 7, 29));
    }

    #[test]
    fn the_first_year_of_an_era_is_gannen() {
        assert_eq!(date("令和元年5月1日"), d(2019, 5, 1));
        assert_eq!(date("R元.5.1"), d(2019, 5, 1));
        assert_eq!(date("令和1年5月1日"), d(2019, 5, 1));
        assert_eq!(date("R1.5.1"), d(2019, 5, 1));
        assert_eq!(date("平成元年1月8日"), d(1989, 1, 8));
        assert_eq!(date("昭和元年12月25日"), d(1926, 12, 25));
    }

    #[test]
    fn era_dates_in_full_width_and_square_forms() {
        assert_eq!(date("令和８年１２月１日"), d(2026, 12, 1));
        assert_eq!(date("Ｒ８．１２．１"), d(2026, 12, 1));
        assert_eq!(date("Ｈ３１／４／３０"), d(2019, 4, 30));
        assert_eq!(date("㋿8年12月1日"), d(2026, 12, 1));
        assert_eq!(date("㍻31年4月30日"), d(2019, 4, 30));
        assert_eq!(date("㍼64年1月7日"), d(1989, 1, 7));
    }

    #[test]
    fn era_dates_take_a_time_of_day() {
        let due = parse_due("令和8年12月1日 14:00", today()).unwrap();
        assert_eq!(due.to_storage(), "2026-12-01T14:00");
        let due = parse_due("R8.12.1 9時30分", today()).unwrap();
        assert_eq!(due.to_storage(), "2026-12-01T09:30");
        let due = parse_due("令和8年12月1日10時", today()).unwrap();
        assert_eq!(due.to_storage(), "2026-12-01T10:00");
    }

    #[test]
    fn era_dates_that_do_not_exist_are_refused() {
        for bad in [
            "令和0年5月1日",
            "令和元年4月30日",
            "R1.4.30",
            "平成元年1月7日",
            "令和8年2月30日",
            "令和8年12月",
            "R8",
            "X8.12.1",
            "令和元年元月1日",
            "令和99999999999年1月1日",
        ] {
            let err = parse_due(bad, today()).expect_err(bad);
            assert!(err.to_string().contains("is not a date"), "{err}");
        }
        assert_eq!(
            date("平成32年1月1日"),
            d(2020, 1, 1),
            "printed forms outlive an era"
        );
    }

    #[test]
    fn excel_serial_dates() {
        let serial = |s: &str| from_excel_serial(s).map(|due| due.to_storage());
        // Anchors from ECMA-376 Part 1 (DATEVALUE in the 1900 date system) and openpyxl.
        assert_eq!(serial("1").as_deref(), Some("1900-01-01"));
        assert_eq!(serial("59").as_deref(), Some("1900-02-28"));
        assert_eq!(serial("61").as_deref(), Some("1900-03-01"));
        assert_eq!(serial("3687").as_deref(), Some("1910-02-03"));
        assert_eq!(serial("38749").as_deref(), Some("2006-02-01"));
        assert_eq!(serial("46357").as_deref(), Some("2026-12-01"));
        assert_eq!(serial("2958465").as_deref(), Some("9999-12-31"));
        assert_eq!(serial("46357.5").as_deref(), Some("2026-12-01T12:00"));
        assert_eq!(serial("46357.75").as_deref(), Some("2026-12-01T18:00"));
        assert_eq!(serial("46357.0").as_deref(), Some("2026-12-01"));
        assert_eq!(serial("46357.9999999").as_deref(), Some("2026-12-02"));
        assert_eq!(serial("４６３５７").as_deref(), Some("2026-12-01"));
        assert_eq!(serial(" 46357 ").as_deref(), Some("2026-12-01"));
    }

    #[test]
    fn numbers_that_are_no_excel_date_are_refused() {
        for bad in [
            "0",
            "60",
            "2958466",
            "99999999",
            "-1",
            "+46357",
            "46357,5",
            "4.6e4",
            "",
            ".5",
            "46357.5.1",
            "1e5",
            "inf",
            "NaN",
            "46 357",
            "2958465.9999999",
        ] {
            assert_eq!(from_excel_serial(bad), None, "{bad}");
        }
    }

    #[test]
    fn serial_numbers_are_not_dates_in_forms() {
        assert!(parse_due("46357", today()).is_err());
    }

    #[test]
    fn times_of_day() {
        let due = parse_due("tomorrow 14:30", today()).unwrap();
        assert_eq!(due.to_storage(), "2026-11-24T14:30");
        let due = parse_due("明日14時", today()).unwrap();
        assert_eq!(due.to_storage(), "2026-11-24T14:00");
        let due = parse_due("12月1日 10時30分", today()).unwrap();
        assert_eq!(due.to_storage(), "2026-12-01T10:30");
        let due = parse_due("9:00", today()).unwrap();
        assert_eq!(due.to_storage(), "2026-11-23T09:00");
        assert_eq!(
            Due::from_storage("2026-11-24T14:30"),
            Some(due_at(24, 14, 30))
        );
    }

    fn due_at(day: u32, h: u32, m: u32) -> Due {
        Due {
            date: d(2026, 11, day),
            time: NaiveTime::from_hms_opt(h, m, 0),
        }
    }

    #[test]
    fn nonsense_is_refused_with_the_input_named() {
        for bad in [
            "",
            "soon",
            "2026-13-01",
            "2/30",
            "+d",
            "25:00",
            "tomorrow 9:99",
            "+99999999d",
        ] {
            let err = parse_due(bad, today()).expect_err(bad);
            assert!(err.to_string().contains("is not a date"), "{err}");
        }
    }

    #[test]
    fn moments_keep_the_time_of_day() {
        let now = d(2026, 11, 23).and_hms_opt(15, 4, 0).unwrap();
        assert_eq!(parse_moment("now", now).unwrap(), now);
        assert_eq!(
            parse_moment("yesterday", now).unwrap(),
            d(2026, 11, 22).and_hms_opt(15, 4, 0).unwrap()
        );
        assert_eq!(
            parse_moment("2026-11-20 10:00", now).unwrap(),
            d(2026, 11, 20).and_hms_opt(10, 0, 0).unwrap()
        );
    }

    #[test]
    fn iso_moments_with_a_zone_are_exact_instants() {
        let instant = |s: &str| match parse_iso_moment(s) {
            Some(IsoMoment::Exact(t)) => t.with_timezone(&Utc),
            other => panic!("{s}: {other:?}"),
        };
        let at = Utc.with_ymd_and_hms(2026, 10, 31, 0, 56, 39).unwrap();
        for s in [
            "2026-10-31T09:56:39+09:00",
            "2026-10-31t09:56:39+09:00",
            "2026-10-31 09:56:39+09:00",
            "2026-10-31T09:56:39+0900",
            "2026-10-31T09:56:39+09",
            "2026-10-31T00:56:39Z",
            "2026-10-31T00:56:39z",
            "2026-10-30T19:56:39-05:00",
            "  2026-10-31T00:56:39.000Z ",
        ] {
            assert_eq!(instant(s), at, "{s}");
        }
        let minute = Utc.with_ymd_and_hms(2026, 10, 31, 0, 56, 0).unwrap();
        assert_eq!(instant("2026-10-31T09:56+09:00"), minute, "without seconds");
        assert_eq!(instant("2026-10-31T00:56Z"), minute, "without seconds");
        assert_eq!(
            instant("2026-10-31T09:56:39.250+09:00").timestamp_subsec_millis(),
            250
        );
    }

    #[test]
    fn iso_moments_without_a_zone_are_local_and_bad_ones_are_refused() {
        let local = d(2026, 10, 31).and_hms_opt(9, 56, 39).unwrap();
        assert_eq!(
            parse_iso_moment("2026-10-31T09:56:39"),
            Some(IsoMoment::Local(local))
        );
        let now = d(2026, 11, 23).and_hms_opt(15, 4, 0).unwrap();
        assert_eq!(parse_moment("2026-10-31T09:56:39", now).unwrap(), local);
        assert_eq!(
            parse_moment("2026-10-31T09:56", now).unwrap(),
            d(2026, 10, 31).and_hms_opt(9, 56, 0).unwrap()
        );
        let exact = parse_moment("2026-10-31T09:56:39+09:00", now).unwrap();
        let expected = Utc
            .with_ymd_and_hms(2026, 10, 31, 0, 56, 39)
            .unwrap()
            .with_timezone(&Local)
            .naive_local();
        assert_eq!(exact, expected);
        for bad in [
            "2026-10-31T25:00+09:00",
            "2026-10-31T09:56+24:00",
            "2026-10-31T09:56+9",
            "2026-10-31T09:56:39+09:00:00",
            "2026-13-31T09:56Z",
            "2026-10-31T",
            "2026-10-31Tnoon",
        ] {
            assert!(parse_iso_moment(bad).is_none(), "{bad}");
            assert!(parse_moment(bad, now).is_err(), "{bad}");
        }
    }
}
