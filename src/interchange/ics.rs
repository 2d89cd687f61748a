//! iCalendar (RFC 5545): one event per follow-up. UIDs come from the lead, so importing the
//! file again updates the events instead of adding them twice.

use crate::model::Due;
use chrono::{DateTime, Days, Utc};

/// One event: all day on the date, or 30 minutes from the time (local, floating).
pub struct Event {
    pub uid: String,
    pub due: Due,
    pub summary: String,
    pub description: String,
    /// When the follow-up last changed (DTSTAMP and LAST-MODIFIED).
    pub changed: DateTime<Utc>,
}

/// Escapes a TEXT value (RFC 5545 §3.3.11) and drops control characters.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() || crate::model::text::is_invisible(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a character (§3.1).
fn fold(line: &str, out: &mut String) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

pub fn calendar(events: &[Event]) -> String {
    let mut out = begin();
    for e in events {
        out.push_str(&event(e));
    }
    out.push_str(&end());
    out
}

/// The calendar's opening lines (a file streamed event by event: `begin`, each `event`,
/// `end`).
pub fn begin() -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//leadtrack//follow-ups//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        fold(line, &mut out);
    }
    out
}

/// One event's lines.
pub fn event(e: &Event) -> String {
    let mut out = String::new();
    {
        let stamp = e.changed.format("%Y%m%dT%H%M%SZ").to_string();
        let (start, end) = match e.due.time {
            Some(t) => {
                let start = e.due.date.and_time(t);
                let end = start + chrono::Duration::minutes(30);
                (
                    format!("DTSTART:{}", start.format("%Y%m%dT%H%M%S")),
                    format!("DTEND:{}", end.format("%Y%m%dT%H%M%S")),
                )
            }
            None => {
                let next = e
                    .due
                    .date
                    .checked_add_days(Days::new(1))
                    .unwrap_or(e.due.date);
                (
                    format!("DTSTART;VALUE=DATE:{}", e.due.date.format("%Y%m%d")),
                    format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
                )
            }
        };
        for line in [
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", text(&e.uid)),
            format!("DTSTAMP:{stamp}"),
            format!("LAST-MODIFIED:{stamp}"),
            start,
            end,
            format!("SUMMARY:{}", text(&e.summary)),
            format!("DESCRIPTION:{}", text(&e.description)),
            "TRANSP:TRANSPARENT".to_string(),
            "END:VEVENT".to_string(),
        ] {
            fold(&line, &mut out);
        }
    }
    out
}

/// The calendar's closing line.
pub fn end() -> String {
    let mut out = String::new();
    fold("END:VCALENDAR", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn events_escape_fold_and_keep_their_uid() {
        let e = Event {
            uid: "0193-abc@leadtrack".into(),
            due: Due::on(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()),
            summary: "見積送付, 再確認; 至急\u{1b}[2J".into(),
            description: "ミドリ技研株式会社の佐藤 花子さんに電話して見積の内容を説明し、来月の発注につなげる。長い説明でも正しく折り返されること。".into(),
            changed: DateTime::from_timestamp(1_790_000_000, 0).unwrap(),
        };
        let ics = calendar(&[e]);
        assert!(ics.contains("UID:0193-abc@leadtrack\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20261202\r\n"));
        assert!(ics.contains("SUMMARY:見積送付\\, 再確認\\; 至急[2J\r\n"));
        assert!(ics.lines().all(|l| l.len() <= 76), "folded at 75 octets");
        assert!(!ics.contains('\u{1b}'));
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains("長い説明でも正しく折り返されること。"));
    }
}
