//! Business cards from a CSV table: columns recognised by header (or `--map`), whole names
//! and readings split, several phone or address columns combined, and every column with no
//! field of its own kept in the notes, so nothing in the file is lost.

use super::address::AddressParts;
use super::card_columns::{AddressPart, CardColumn, PRODUCER_BLANKS, mapped, recognise};
use super::columns::header_key;
use super::csv_in::{Table, cell_at, cell_error, said_each};
use super::excel::without_guard;
use crate::error::{Error, Result};
use crate::i18n::{Arg, Said};
use crate::model::Contact;
use crate::model::contact::{Channel, ContactFields, ContactValue, ValueKind};
use crate::model::contact_value::{parse_lines, parse_list, settle};
use crate::model::dates::parse_cell_date;
use crate::model::fields::Record;
use crate::model::text::{display_safe, is_japanese};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The fields `--map` may name: each single-valued field of `Contact::FIELDS` (the lists,
/// `emails` and the like, come from their own columns), the whole `name` and `reading`
/// that are split into their parts, and `ignore`.
pub const MAPPABLE: &[&str] = &mappable::<{ Contact::FIELDS.len() - LISTS.len() + WHOLE.len() }>();

/// Fields of `Contact::FIELDS` that hold several values and are not mapped by `--map`.
const LISTS: [&str; 5] = [
    "emails",
    "phones",
    "other_addresses",
    "other_urls",
    "other_companies",
];

/// What `--map` knows beyond the contact's own fields.
const WHOLE: [&str; 3] = ["name", "reading", "ignore"];

const fn mappable<const N: usize>() -> [&'static str; N] {
    let mut out = [""; N];
    let (mut i, mut at) = (0, 0);
    while i < Contact::FIELDS.len() {
        let name = Contact::FIELDS[i].name;
        let mut listed = false;
        let mut l = 0;
        while l < LISTS.len() {
            listed |= crate::model::fields::same(name, LISTS[l]);
            l += 1;
        }
        if !listed {
            out[at] = name;
            at += 1;
        }
        i += 1;
    }
    let mut w = 0;
    while w < WHOLE.len() {
        out[at] = WHOLE[w];
        at += 1;
        w += 1;
    }
    out
}

/// A card read from a file (CSV or vCard), with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// The 1-based line of its row, or of its `BEGIN:VCARD`.
    pub line: usize,
    /// The id it had where it was exported from (vCard `UID`, without `urn:uuid:`), if any.
    pub uid: Option<String>,
    /// The card is a company's own, with no person on it (an address book's company entry:
    /// `X-ABShowAs:COMPANY`, or an `FN` that is the company).
    pub is_company: bool,
    pub fields: ContactFields,
}

/// Reads `--map 'HEADER=field'` options.
pub fn parse_maps(maps: &[String]) -> Result<Vec<(String, String)>> {
    maps.iter()
        .map(|m| {
            let (header, field) = m
                .rsplit_once('=')
                .ok_or_else(|| Error::said("cli-map-form", [("typed", m.as_str())]))?;
            let field = field.trim().to_string();
            if !MAPPABLE.contains(&field.as_str()) {
                return Err(Error::said(
                    "error-map-not-a-card-field",
                    [
                        ("typed", m.clone()),
                        ("field", field),
                        ("fields", MAPPABLE.join(", ")),
                    ],
                ));
            }
            Ok((header.trim().to_string(), field))
        })
        .collect()
}

/// Which producer's layout a file has, where it changes how a row reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Producer {
    /// Eight: a column after 名刺交換日 names a tag, set on the cards marked `1`.
    Eight,
    /// An address book (Google Contacts, Outlook, Thunderbird) or leadtrack's own export:
    /// a row with a company and no person is the company's own entry.
    AddressBook,
    /// A card app or a sheet typed by hand: every card has a person on it.
    Cards,
}

/// What each column of a file holds.
#[derive(Debug)]
pub struct Layout {
    pub columns: Vec<Option<CardColumn>>,
    pub producer: Producer,
    /// The first column of Eight's tags.
    tags_from: Option<usize>,
    /// Headers of the columns kept in the notes.
    pub kept_in_notes: Vec<String>,
}

pub fn layout(headers: &[String], maps: &[(String, String)], file: &str) -> Result<Layout> {
    for (header, _) in maps {
        if !headers.iter().any(|h| header_key(h) == header_key(header)) {
            // The columns come from the file: made safe to print.
            return Err(Error::said(
                "error-map-no-card-column",
                [
                    ("file", file.to_string()),
                    ("header", display_safe(header)),
                    ("headers", display_safe(&headers.join(", "))),
                ],
            ));
        }
    }
    let mut columns: Vec<Option<CardColumn>> = headers
        .iter()
        .map(|h| {
            match maps
                .iter()
                .find(|(header, _)| header_key(header) == header_key(h))
            {
                Some((_, field)) => mapped(field),
                None => recognise(h),
            }
        })
        .collect();
    let has = |name: &str| headers.iter().any(|h| header_key(h) == header_key(name));
    // A title column beside a job title column is the honorific (Outlook's Title, 肩書き).
    let job_title = columns.contains(&Some(CardColumn::Field("title")));
    for column in &mut columns {
        if *column == Some(CardColumn::WeakTitle) {
            *column = Some(if job_title {
                CardColumn::Note
            } else {
                CardColumn::Field("title")
            });
        }
    }
    let eight = has("TEL会社") && has("名刺交換日");
    let producer = if eight {
        Producer::Eight
    } else if has("Labels")
        || has("Group Membership")
        || has("E-mail Type")
        || has("電子メール アドレス")
        || has("Primary Email")
        // leadtrack's own export, its headers in either language.
        || (columns.contains(&Some(CardColumn::Field("family_name")))
            && columns.contains(&Some(CardColumn::List(Channel::Email))))
    {
        Producer::AddressBook
    } else {
        Producer::Cards
    };
    let tags_from = eight
        .then(|| {
            headers
                .iter()
                .position(|h| header_key(h) == header_key("名刺交換日"))
        })
        .flatten()
        .map(|at| at + 1);
    let kept_in_notes = headers
        .iter()
        .zip(&columns)
        .enumerate()
        .filter(|(i, (h, column))| {
            !h.is_empty()
                && tags_from.is_none_or(|from| *i < from)
                && matches!(
                    column,
                    None | Some(CardColumn::Note | CardColumn::PairValue { .. })
                )
        })
        .map(|(_, (h, _))| h.clone())
        .collect();
    Ok(Layout {
        columns,
        producer,
        tags_from,
        kept_in_notes,
    })
}

/// The headers of the columns that put something in the notes of some card: a column with
/// no field of its own holding a value that is more than the producer's "nothing".
pub fn noted_columns(table: &Table, layout: &Layout) -> Vec<String> {
    let mut out = Vec::new();
    for (i, (header, column)) in table.headers.iter().zip(&layout.columns).enumerate() {
        let eight_tag = layout.tags_from.is_some_and(|from| i >= from);
        let noted = |cell: &str| match column {
            None if eight_tag => cell != "1",
            None | Some(CardColumn::PairValue { .. }) => true,
            Some(CardColumn::Note) => !PRODUCER_BLANKS.contains(&cell),
            Some(_) => false,
        };
        let used = table.rows.iter().any(|(_, row)| {
            let cell = row.get(i).map_or("", |c| without_guard(c.trim()));
            !cell.is_empty() && noted(cell)
        });
        if used && !header.is_empty() {
            out.push(header.clone());
        }
    }
    out
}

impl Layout {
    /// Whether some column names the person.
    pub fn has_names(&self) -> bool {
        self.columns.iter().flatten().any(|c| {
            matches!(
                c,
                CardColumn::Field("family_name" | "given_name") | CardColumn::WholeName
            )
        })
    }

    /// Whether some column says who a card is: a name, an email address or a company.
    pub fn has_people(&self) -> bool {
        self.columns.iter().flatten().any(|c| {
            matches!(
                c,
                CardColumn::Field("family_name" | "given_name" | "company" | "id")
                    | CardColumn::WholeName
                    | CardColumn::Value {
                        channel: Channel::Email,
                        ..
                    }
                    | CardColumn::List(Channel::Email)
            )
        })
    }
}

/// Whether a header row is one of a card file: at least two columns leadtrack knows
/// (Eight's export has lines of explanation before it).
pub fn looks_like_header(fields: &[&str]) -> bool {
    fields.iter().filter(|f| recognise(f).is_some()).count() >= 2
}

/// Splits a whole name: 「佐藤 花子」 → (佐藤, 花子); "John Smith" → (Smith, John).
pub fn split_name(name: &str, reading: bool) -> (Option<String>, Option<String>) {
    let parts: Vec<&str> = name.split_whitespace().collect();
    match parts.as_slice() {
        [] => (None, None),
        [one] => (Some(one.to_string()), None),
        [first, rest @ ..] if reading || is_japanese(name) => {
            (Some(first.to_string()), Some(rest.join(" ")))
        }
        [init @ .., last] => (Some(last.to_string()), Some(init.join(" "))),
    }
}

/// Tags as files write them: `a, b`, `a;b` (Outlook), `a ::: b` (Google). Google's own
/// groups (`* myContacts`, `* starred`) are not tags.
fn tags_of(cell: &str) -> impl Iterator<Item = String> + '_ {
    cell.split(":::")
        .flat_map(|t| t.split([',', '、', ';']))
        .map(str::trim)
        .filter(|t| !t.is_empty() && !t.starts_with('*'))
        .map(str::to_string)
}

/// A group label: (the kind it names, whether it marks the preferred value).
fn label_kind(label: &str) -> (Option<ValueKind>, bool) {
    let label = label.trim();
    let (label, preferred) = match label.strip_prefix('*') {
        Some(rest) => (rest.trim(), true),
        None => (label, false),
    };
    let kind = if label.is_empty() {
        None
    } else {
        Some(ValueKind::parse(label).unwrap_or(ValueKind::Other))
    };
    (kind, preferred)
}

/// The cards of a CSV table. A large file is read on two threads, each half in order.
pub fn cards(table: &Table, layout: &Layout, file: &str, today: NaiveDate) -> Result<Vec<Card>> {
    let rows = &table.rows;
    if rows.len() < 4096 {
        return cards_of(&table.headers, rows, layout, file, today);
    }
    let (first, second) = rows.split_at(rows.len() / 2);
    std::thread::scope(|scope| {
        let later = scope.spawn(|| cards_of(&table.headers, second, layout, file, today));
        let mut out = cards_of(&table.headers, first, layout, file, today)?;
        let later = later
            .join()
            .map_err(|_| Error::said("error-file-not-read", [("file", file)]))??;
        out.extend(later);
        Ok(out)
    })
}

/// The cards of some rows of a table.
fn cards_of(
    headers: &[String],
    rows: &[(usize, Vec<String>)],
    layout: &Layout,
    file: &str,
    today: NaiveDate,
) -> Result<Vec<Card>> {
    let has_readings = layout.columns.iter().any(|c| {
        matches!(
            c,
            Some(CardColumn::Field("family_reading" | "given_reading"))
        )
    });
    let mut out = Vec::with_capacity(rows.len());
    for (line, row) in rows {
        let cell = |i: usize| row.get(i).map_or("", |v| without_guard(v.trim()));
        // Labels first: a group's label names the kind of values that may come before it.
        let mut labels: BTreeMap<(u8, u16), String> = BTreeMap::new();
        for (i, column) in layout.columns.iter().enumerate() {
            let key = match column {
                Some(CardColumn::Label { channel, group }) => (*channel as u8, *group),
                Some(CardColumn::AddressLabel { group }) => (u8::MAX, *group),
                Some(CardColumn::PairLabel { group }) => (u8::MAX - 1, *group),
                _ => continue,
            };
            if !cell(i).is_empty() {
                labels.insert(key, cell(i).to_string());
            }
        }
        let mut card = ContactFields::default();
        let mut uid = None;
        let mut notes: Vec<String> = Vec::new();
        let mut extras: Vec<String> = Vec::new();
        let mut whole_name = None;
        let mut whole_reading = None;
        let mut emails: Vec<ContactValue> = Vec::new();
        let mut phones: Vec<ContactValue> = Vec::new();
        let mut urls: Vec<ContactValue> = Vec::new();
        let mut companies: Vec<ContactValue> = Vec::new();
        let mut listed: Vec<(Channel, ContactValue)> = Vec::new();
        let mut addresses: BTreeMap<u16, (ValueKind, AddressParts)> = BTreeMap::new();
        for (i, (column, header)) in layout.columns.iter().zip(headers).enumerate() {
            let value = cell(i);
            if value.is_empty() {
                continue;
            }
            let Some(column) = column else {
                if layout.tags_from.is_some_and(|from| i >= from) && value == "1" {
                    card.tags
                        .get_or_insert_with(Vec::new)
                        .push(header.trim().to_string());
                } else {
                    extras.push(format!("{header}: {value}"));
                }
                continue;
            };
            match *column {
                CardColumn::Field(name) => {
                    let slot = match name {
                        "id" => {
                            uid = Some(value.to_string());
                            continue;
                        }
                        "notes" => {
                            notes.push(value.to_string());
                            continue;
                        }
                        "exchanged_on" => {
                            let date = parse_cell_date(value, today).map_err(|_| {
                                let problem = Said::new(
                                    "problem-not-a-date",
                                    [("typed", display_safe(value))],
                                );
                                cell_error(cell_at(file, *line, header), said_each(&problem))
                            })?;
                            card.exchanged_on = Some(date.date);
                            continue;
                        }
                        text => match card.text_mut(text) {
                            Some(slot) => slot,
                            None => continue,
                        },
                    };
                    match slot {
                        None => *slot = Some(value.to_string()),
                        // A second column for the same field: kept in the notes.
                        Some(existing) if existing != value => {
                            extras.push(format!("{header}: {value}"))
                        }
                        Some(_) => {}
                    }
                }
                CardColumn::WholeName => whole_name = whole_name.or(Some(value)),
                CardColumn::WholeReading => whole_reading = whole_reading.or(Some(value)),
                CardColumn::Value {
                    channel,
                    kind,
                    group,
                } => {
                    let (labelled, preferred) = labels
                        .get(&(channel as u8, group))
                        .map_or((None, false), |l| label_kind(l));
                    let kind = labelled.unwrap_or(kind);
                    // Google joins the values of one label with ` ::: `.
                    let pieces: Vec<&str> = if value.contains(':') {
                        value
                            .split(":::")
                            .map(str::trim)
                            .filter(|p| !p.is_empty())
                            .collect()
                    } else {
                        vec![value]
                    };
                    for piece in pieces {
                        let mut v = ContactValue::new(piece, kind);
                        v.preferred = preferred;
                        match channel {
                            Channel::Email => emails.push(v),
                            Channel::Phone => phones.push(v),
                            Channel::Url => urls.push(v),
                            Channel::Company | Channel::Address => companies.push(v),
                        }
                    }
                }
                CardColumn::List(channel) => {
                    let read = if channel == Channel::Address {
                        parse_lines(value, ValueKind::Other)
                    } else {
                        let usual = match channel {
                            Channel::Email | Channel::Phone => ValueKind::Work,
                            _ => ValueKind::Other,
                        };
                        parse_list(value, usual)
                    };
                    let values = read.map_err(|e| {
                        let problem = Arg::in_each(|l| e.message(l));
                        cell_error(cell_at(file, *line, header), problem)
                    })?;
                    listed.extend(values.into_iter().map(|v| (channel, v)));
                }
                CardColumn::Address { group, kind, part } => {
                    let kind = match labels.get(&(u8::MAX, group)) {
                        Some(label) => label_kind(label).0.unwrap_or(kind),
                        None => kind,
                    };
                    let (_, parts) = addresses
                        .entry(group)
                        .or_insert_with(|| (kind, AddressParts::default()));
                    let text = value.to_string();
                    match part {
                        AddressPart::Whole => parts.whole.push(text),
                        AddressPart::Street => parts.street.push(text),
                        AddressPart::Extended => parts.extended = text,
                        AddressPart::PoBox => parts.po_box = text,
                        AddressPart::City => parts.city = text,
                        AddressPart::Region => parts.region = text,
                        AddressPart::Postal => parts.postal_code = text,
                        AddressPart::Country => parts.country = text,
                        AddressPart::Formatted => parts.formatted = Some(text),
                    }
                }
                CardColumn::Tags => {
                    card.tags
                        .get_or_insert_with(Vec::new)
                        .extend(tags_of(value));
                }
                CardColumn::Note => {
                    if !PRODUCER_BLANKS.contains(&value) {
                        extras.push(format!("{header}: {value}"));
                    }
                }
                CardColumn::PairValue { group } => match labels.get(&(u8::MAX - 1, group)) {
                    Some(label) => extras.push(format!("{label}: {value}")),
                    None => extras.push(format!("{header}: {value}")),
                },
                // `layout` made every weak title a title or a note.
                CardColumn::Label { .. }
                | CardColumn::AddressLabel { .. }
                | CardColumn::PairLabel { .. }
                | CardColumn::WeakTitle
                | CardColumn::Redundant => {}
            }
        }
        // A whole name or reading only stands in for columns the file does not have.
        if let Some(name) = whole_name.filter(|_| !card.has_name()) {
            let (family, given) = split_name(name, false);
            card.family_name = card.family_name.or(family);
            card.given_name = card.given_name.or(given);
        }
        if let Some(reading) = whole_reading.filter(|_| !has_readings) {
            let (family, given) = split_name(reading, true);
            card.family_reading = card.family_reading.or(family);
            card.given_reading = card.given_reading.or(given);
        }
        // The card's address: the first work address, else the first; the others are kept
        // as further addresses.
        let main = addresses
            .iter()
            .find(|(_, (kind, _))| *kind == ValueKind::Work)
            .or_else(|| addresses.iter().next())
            .map(|(group, _)| *group);
        let mut other_addresses = Vec::new();
        for (group, (kind, parts)) in &addresses {
            if Some(*group) == main {
                card.postal_code = parts.postal();
                card.address = parts.address_line();
            } else if let Some(text) = parts.full_line() {
                other_addresses.push(ContactValue::new(&text, *kind));
            }
        }
        let mut urls = urls.into_iter();
        if let Some(first) = urls.next() {
            card.url = Some(first.value);
        }
        let lists = [
            (Channel::Email, emails),
            (Channel::Phone, phones),
            (Channel::Url, urls.collect()),
            (Channel::Company, companies),
            (Channel::Address, other_addresses),
        ];
        for (channel, values) in lists {
            for v in values {
                card.add(channel, v);
            }
        }
        // A list as leadtrack writes it says each value's kind.
        for (channel, v) in listed {
            let key = channel.key_of(&v.value);
            let list = card.list_mut(channel).get_or_insert_with(Vec::new);
            match list
                .iter_mut()
                .find(|there| channel.key_of(&there.value) == key)
            {
                Some(there) => there.kind = v.kind,
                None => list.push(v),
            }
        }
        for channel in Channel::ALL {
            if let Some(list) = card.list_mut(channel).as_mut() {
                *list = settle(channel, list);
            }
        }
        notes.extend(extras);
        if !notes.is_empty() {
            card.notes = Some(notes.join("\n"));
        }
        let is_company = layout.producer == Producer::AddressBook && card.has_company_only();
        out.push(Card {
            line: *line,
            uid,
            is_company,
            fields: card,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_knows_every_single_field_of_a_contact_and_the_whole_name() {
        let mut known: Vec<&str> = MAPPABLE.to_vec();
        known.sort_unstable();
        let mut expected = vec![
            "id",
            "family_name",
            "given_name",
            "name",
            "family_reading",
            "given_reading",
            "reading",
            "company",
            "company_reading",
            "department",
            "title",
            "email",
            "phone",
            "mobile",
            "fax",
            "postal_code",
            "address",
            "url",
            "exchanged_on",
            "exchanged_at",
            "exchanged_by",
            "notes",
            "tags",
            "ignore",
        ];
        expected.sort_unstable();
        assert_eq!(known, expected);
    }
    use crate::interchange::csv_in;
    use crate::model::contact::PhoneSlot;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn eight_style_rows_map_and_keep_every_number() {
        let text = "会社名,部署名,役職,姓,名,e-mail,TEL会社,TEL部門,携帯電話,好きな色,名刺交換日,展示会2024\n\
                    株式会社サンプル商事,営業部,部長,佐藤,花子,h@x.example.jp,03-1,03-2,090-1,青,2026/10/02,1\n";
        let table = csv_in::read(text, "f.csv").unwrap();
        let layout = layout(&table.headers, &[], "f.csv").unwrap();
        assert_eq!(layout.kept_in_notes, ["好きな色"]);
        let cards = cards(&table, &layout, "f.csv", today()).unwrap();
        let c = &cards[0].fields;
        assert_eq!(c.family_name.as_deref(), Some("佐藤"));
        assert_eq!(c.number(PhoneSlot::Phone), Some("03-1"));
        assert_eq!(c.number(PhoneSlot::Mobile), Some("090-1"));
        let numbers: Vec<&str> = c
            .phones
            .iter()
            .flatten()
            .map(|v| v.value.as_str())
            .collect();
        assert_eq!(
            numbers,
            ["03-1", "03-2", "090-1"],
            "TEL部門 is a number too"
        );
        assert_eq!(c.exchanged_on, NaiveDate::from_ymd_opt(2026, 10, 2));
        assert_eq!(c.notes.as_deref(), Some("好きな色: 青"));
        assert_eq!(
            c.tags.as_deref(),
            Some(&["展示会2024".to_string()][..]),
            "Eight's columns after the exchange date are tags"
        );
        assert_eq!(cards[0].line, 2);
    }

    #[test]
    fn maps_and_whole_names() {
        let text = "氏名,ふりがな,勤務先\n佐藤 花子,さとう はなこ,ミドリ技研\nJohn Smith,,Acme\n";
        let table = csv_in::read(text, "f.csv").unwrap();
        let maps = parse_maps(&["勤務先=company".to_string()]).unwrap();
        let layout = layout(&table.headers, &maps, "f.csv").unwrap();
        let cards = cards(&table, &layout, "f.csv", today()).unwrap();
        assert_eq!(cards[0].fields.given_reading.as_deref(), Some("はなこ"));
        assert_eq!(cards[0].fields.company.as_deref(), Some("ミドリ技研"));
        assert_eq!(cards[1].fields.family_name.as_deref(), Some("Smith"));
        assert_eq!(cards[1].fields.given_name.as_deref(), Some("John"));
        assert!(
            parse_maps(&["x=shoe_size".to_string()])
                .unwrap_err()
                .to_string()
                .contains("not a card field")
        );
        assert!(
            super::layout(
                &table.headers,
                &[("nope".into(), "company".into())],
                "f.csv"
            )
            .is_err()
        );
    }

    #[test]
    fn leadtrack_exports_are_address_books_in_either_language() {
        for headers in [
            ["family_name", "company", "emails"],
            ["姓", "会社名", "メール一覧"],
        ] {
            let headers = headers.map(String::from);
            let layout = layout(&headers, &[], "f.csv").unwrap();
            assert_eq!(layout.producer, Producer::AddressBook, "{headers:?}");
        }
        let eight_like = ["姓", "会社名", "メール"].map(String::from);
        assert_eq!(
            layout(&eight_like, &[], "f.csv").unwrap().producer,
            Producer::Cards
        );
    }

    #[test]
    fn a_bad_date_names_line_and_column() {
        let table = csv_in::read("姓,名刺交換日\n佐藤,2026/13/45\n", "f.csv").unwrap();
        let layout = layout(&table.headers, &[], "f.csv").unwrap();
        let err = cards(&table, &layout, "f.csv", today())
            .unwrap_err()
            .to_string();
        assert!(err.contains("f.csv, line 2, column '名刺交換日'"), "{err}");
    }
}
