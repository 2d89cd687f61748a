//! Postal addresses as address books split them (street, city, region, postal code,
//! country...), made into the one line a card shows.
//!
//! A Japanese address reads from the largest part down with no separator
//! (東京都千代田区丸の内1-1-1), the building after a space; others read
//! "street, city, region". A country of Japan is left out.

use crate::model::text::is_japanese;

/// The parts of one address. Every part is optional; a part may hold line breaks (a street
/// on two lines), which become spaces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddressParts {
    /// The whole address in one piece (a card app's 住所, Sansan's 住所［全て］).
    pub whole: Vec<String>,
    pub po_box: String,
    pub extended: String,
    pub street: Vec<String>,
    pub city: String,
    pub region: String,
    pub postal_code: String,
    pub country: String,
    /// The producer's own rendering of the parts (Google's `Formatted`), used only when
    /// the parts themselves are empty.
    pub formatted: Option<String>,
}

/// One line: line breaks and runs of white space become one space.
fn line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_japan(country: &str) -> bool {
    ["日本", "日本国", "japan", "jp", "jpn", "にほん", "にっぽん"]
        .iter()
        .any(|j| country.trim().eq_ignore_ascii_case(j))
}

impl AddressParts {
    pub fn is_empty(&self) -> bool {
        self.address_line().is_none() && self.postal().is_none()
    }

    /// The postal code as written, if any.
    pub fn postal(&self) -> Option<String> {
        Some(self.postal_code.trim().to_string()).filter(|p| !p.is_empty())
    }

    fn country(&self) -> String {
        let country = line(&self.country);
        if is_japan(&country) {
            String::new()
        } else {
            country
        }
    }

    fn japanese(&self) -> bool {
        self.whole
            .iter()
            .chain(&self.street)
            .chain([&self.city, &self.region, &self.extended, &self.po_box])
            .any(|p| is_japanese(p))
    }

    /// The address without its postal code, as a card's `address`.
    pub fn address_line(&self) -> Option<String> {
        self.compose(false)
    }

    /// The address with its postal code, as one of a contact's other addresses:
    /// `〒100-0005 東京都…` for a Japanese one, `street, city, region postal` otherwise.
    pub fn full_line(&self) -> Option<String> {
        self.compose(true)
    }

    fn compose(&self, with_postal: bool) -> Option<String> {
        let parts_empty = self.whole.is_empty()
            && self.street.iter().all(|s| s.trim().is_empty())
            && [&self.extended, &self.po_box, &self.city, &self.region]
                .iter()
                .all(|p| p.trim().is_empty());
        let formatted = self.formatted.iter().filter(|_| parts_empty);
        let whole: Vec<String> = self
            .whole
            .iter()
            .chain(formatted)
            .map(|w| line(w))
            .filter(|w| !w.is_empty())
            .collect();
        let street: Vec<String> = self
            .street
            .iter()
            .map(|s| line(s))
            .filter(|s| !s.is_empty())
            .collect();
        let (extended, po_box, city, region) = (
            line(&self.extended),
            line(&self.po_box),
            line(&self.city),
            line(&self.region),
        );
        let country = self.country();
        let postal = self.postal().filter(|_| with_postal).unwrap_or_default();
        let text = if self.japanese() {
            let main = format!("{region}{city}{}", street.join(" "));
            let body = [whole.join(" "), main, extended, po_box, country]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            match (postal.is_empty(), body.is_empty()) {
                (_, true) => String::new(),
                (true, false) => body,
                (false, false) => format!("〒{postal} {body}"),
            }
        } else {
            let region_postal = [region, postal]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            let mut parts: Vec<String> = whole;
            parts.extend(street);
            parts.extend([extended, po_box, city, region_postal, country]);
            parts
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        };
        Some(text).filter(|t| !t.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_addresses_read_from_the_prefecture_down() {
        let a = AddressParts {
            street: vec!["西五反田1-2-3".into()],
            city: "品川区".into(),
            region: "東京都".into(),
            extended: "SRビル8F".into(),
            postal_code: "141-0031".into(),
            country: "JP".into(),
            ..Default::default()
        };
        assert_eq!(
            a.address_line().as_deref(),
            Some("東京都品川区西五反田1-2-3 SRビル8F")
        );
        assert_eq!(
            a.full_line().as_deref(),
            Some("〒141-0031 東京都品川区西五反田1-2-3 SRビル8F")
        );
    }

    #[test]
    fn others_read_street_city_region() {
        let a = AddressParts {
            street: vec!["45 Elm Road".into()],
            city: "Brookline".into(),
            region: "MA".into(),
            postal_code: "02445".into(),
            country: "United States of America".into(),
            ..Default::default()
        };
        assert_eq!(
            a.address_line().as_deref(),
            Some("45 Elm Road, Brookline, MA, United States of America")
        );
        assert_eq!(
            a.full_line().as_deref(),
            Some("45 Elm Road, Brookline, MA 02445, United States of America")
        );
        let two_lines = AddressParts {
            street: vec!["Otemachi Tower 21F\r\n1-2-3 Otemachi".into()],
            city: "Chiyoda-ku".into(),
            region: "Tokyo".into(),
            country: "Japan".into(),
            ..Default::default()
        };
        assert_eq!(
            two_lines.address_line().as_deref(),
            Some("Otemachi Tower 21F 1-2-3 Otemachi, Chiyoda-ku, Tokyo")
        );
    }
}
