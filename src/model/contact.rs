//! Contacts: business cards, 名刺 (SPEC §2.3).

pub use super::contact_value::{Channel, ContactValue, PhoneSlot, ValueKind, phone_key};

use super::contact_value::{lines_text, list_text, personal_email_key, preferred_among};
use super::dates;
use super::fields::{Field, Record, text};
use super::text::{fold, is_japanese};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Contact {
    pub id: String,
    pub family_name: Option<String>,
    pub given_name: Option<String>,
    pub family_reading: Option<String>,
    pub given_reading: Option<String>,
    pub company: Option<String>,
    pub company_reading: Option<String>,
    pub department: Option<String>,
    pub title: Option<String>,
    /// The preferred email address and numbers (the first of each, unless one is marked).
    pub email: Option<String>,
    pub phone: Option<String>,
    pub mobile: Option<String>,
    pub fax: Option<String>,
    /// Every email address and number, each with its kind.
    pub emails: Vec<ContactValue>,
    pub phones: Vec<ContactValue>,
    pub postal_code: Option<String>,
    pub address: Option<String>,
    pub url: Option<String>,
    /// Addresses, URLs and companies beyond the main ones (another office, the company the
    /// person was at when an older card was made).
    pub other_addresses: Vec<ContactValue>,
    pub other_urls: Vec<ContactValue>,
    pub other_companies: Vec<ContactValue>,
    pub exchanged_on: Option<NaiveDate>,
    pub exchanged_at: Option<String>,
    pub exchanged_by: Option<String>,
    pub notes: Option<String>,
    pub tags: Vec<String>,
    /// The day the person asked to be sent no more mail (配信停止); none: mail may be sent.
    pub no_mail_on: Option<NaiveDate>,
    #[serde(with = "dates::timestamp")]
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    #[serde(with = "dates::timestamp")]
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
}

/// How names are shown (`[ui] name_order`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameOrder {
    /// Family first for Japanese names (佐藤 花子), given first for others (Hanako Sato).
    #[default]
    Auto,
    FamilyFirst,
    GivenFirst,
}

/// The name as people write it: 「佐藤 花子」 for a Japanese name, "John Smith" otherwise.
pub fn display_name(family: Option<&str>, given: Option<&str>, order: NameOrder) -> String {
    let family = family.unwrap_or("").trim();
    let given = given.unwrap_or("").trim();
    let family_first = match order {
        NameOrder::FamilyFirst => true,
        NameOrder::GivenFirst => false,
        NameOrder::Auto => is_japanese(family) || is_japanese(given),
    };
    let (first, second) = if family_first {
        (family, given)
    } else {
        (given, family)
    };
    match (first.is_empty(), second.is_empty()) {
        (true, _) => second.to_string(),
        (_, true) => first.to_string(),
        _ => format!("{first} {second}"),
    }
}

impl Record for Contact {
    const NOUN: &'static str = "contact";
    const NOUNS: &'static str = "contacts";
    const FIELDS: &'static [Field<Contact>] = &[
        Field::new("id", &[], |c| c.id.clone()),
        Field::new("family_name", &[], |c| text(&c.family_name)),
        Field::new("given_name", &[], |c| text(&c.given_name)),
        Field::new("family_reading", &[], |c| text(&c.family_reading)),
        Field::new("given_reading", &[], |c| text(&c.given_reading)),
        Field::new("company", &[], |c| text(&c.company)),
        Field::new("company_reading", &[], |c| text(&c.company_reading)),
        Field::new("department", &[], |c| text(&c.department)),
        Field::new("title", &[], |c| text(&c.title)),
        Field::new("email", &[], |c| text(&c.email)),
        Field::new("phone", &[], |c| text(&c.phone)),
        Field::new("mobile", &[], |c| text(&c.mobile)),
        Field::new("fax", &[], |c| text(&c.fax)),
        Field::new("emails", &[], |c| list_text(&c.emails, ValueKind::Work)),
        Field::new("phones", &[], |c| list_text(&c.phones, ValueKind::Work)),
        Field::new("postal_code", &[], |c| text(&c.postal_code)),
        Field::new("address", &[], |c| text(&c.address)),
        Field::new("url", &[], |c| text(&c.url)),
        Field::new("other_addresses", &[], |c| {
            lines_text(&c.other_addresses, ValueKind::Other)
        }),
        Field::new("other_urls", &[], |c| {
            list_text(&c.other_urls, ValueKind::Other)
        }),
        Field::new("other_companies", &[], |c| {
            list_text(&c.other_companies, ValueKind::Other)
        }),
        Field::new("exchanged_on", &[], |c| {
            c.exchanged_on.map(|d| d.to_string()).unwrap_or_default()
        }),
        Field::new("exchanged_at", &[], |c| text(&c.exchanged_at)),
        Field::new("exchanged_by", &[], |c| text(&c.exchanged_by)),
        Field::new("notes", &[], |c| text(&c.notes)),
        Field::new("tags", &[], |c| c.tags.join(", ")),
    ];
}

impl Contact {
    /// What a rep calls a stored field of a contact (as `contact show` labels it): the
    /// history and undo messages say these, never the stored names. A value taken off a
    /// list is named by what it was: an email address, a number, another address.
    pub fn field_label(field: &str) -> &'static str {
        Contact::field_labels(field).0
    }

    /// The same in Japanese (`postal_code` is 郵便番号).
    pub fn field_label_ja(field: &str) -> &'static str {
        Contact::field_labels(field).1
    }

    fn field_labels(field: &str) -> (&'static str, &'static str) {
        match field {
            "family_name" => ("family name", "姓"),
            "given_name" => ("given name", "名"),
            "family_reading" => ("family reading", "姓の読み"),
            "given_reading" => ("given reading", "名の読み"),
            "company" => ("company", "会社名"),
            "company_reading" => ("company reading", "会社名の読み"),
            "department" => ("department", "部署"),
            "title" => ("title", "役職"),
            "email" | "emails" => ("email", "メール"),
            "phone" => ("phone", "電話"),
            "mobile" => ("mobile", "携帯"),
            "fax" => ("fax", "FAX"),
            "phones" => ("number", "電話番号"),
            "postal_code" => ("postal code", "郵便番号"),
            "address" => ("address", "住所"),
            "url" => ("url", "URL"),
            "other_addresses" => ("other address", "別の住所"),
            "other_urls" => ("other url", "別のURL"),
            "other_companies" => ("other company", "別の会社名"),
            "exchanged_on" => ("exchanged on", "名刺交換日"),
            "exchanged_at" => ("exchanged at", "名刺交換の場"),
            "exchanged_by" => ("exchanged by", "名刺を受け取った人"),
            "notes" => ("notes", "メモ"),
            "tags" => ("tags", "タグ"),
            "no_mail_on" => ("no mail", "配信停止"),
            "deleted" => ("deleted", "削除"),
            _ => ("field", "項目"),
        }
    }

    /// The name a contact is shown by; a company's own card (no person on it) is shown by
    /// the company.
    pub fn name(&self, order: NameOrder) -> String {
        name_or_company(&self.family_name, &self.given_name, &self.company, order)
    }

    /// A list of the contact's.
    pub fn list(&self, channel: Channel) -> &[ContactValue] {
        match channel {
            Channel::Email => &self.emails,
            Channel::Phone => &self.phones,
            Channel::Address => &self.other_addresses,
            Channel::Url => &self.other_urls,
            Channel::Company => &self.other_companies,
        }
    }

    pub fn list_mut(&mut self, channel: Channel) -> &mut Vec<ContactValue> {
        match channel {
            Channel::Email => &mut self.emails,
            Channel::Phone => &mut self.phones,
            Channel::Address => &mut self.other_addresses,
            Channel::Url => &mut self.other_urls,
            Channel::Company => &mut self.other_companies,
        }
    }

    /// The contact's fields as a card (to merge, compare or derive from).
    /// A list's values beyond the ones shown in their own fields, as text: email addresses
    /// and numbers that are not the preferred ones (a number always with its kind: no label
    /// says it), and every further address, URL and company.
    pub fn further_values(&self, channel: Channel) -> Vec<String> {
        let list = self.list(channel);
        match channel {
            Channel::Email => list
                .iter()
                .filter(|v| !v.preferred)
                .map(|v| super::contact_value::item_text(v, ValueKind::Work))
                .collect(),
            Channel::Phone => list
                .iter()
                .filter(|v| !v.preferred)
                .map(super::contact_value::with_kind)
                .collect(),
            Channel::Address | Channel::Url | Channel::Company => list
                .iter()
                .map(|v| super::contact_value::item_text(v, ValueKind::Other))
                .collect(),
        }
    }

    /// The contact is a company's own card (see [`ContactFields::has_company_only`]).
    pub fn has_company_only(&self) -> bool {
        company_only(&self.family_name, &self.given_name, &self.company)
    }

    pub fn to_fields(&self) -> ContactFields {
        let list = |l: &Vec<ContactValue>| Some(l.clone());
        ContactFields {
            family_name: self.family_name.clone(),
            given_name: self.given_name.clone(),
            family_reading: self.family_reading.clone(),
            given_reading: self.given_reading.clone(),
            company: self.company.clone(),
            company_reading: self.company_reading.clone(),
            department: self.department.clone(),
            title: self.title.clone(),
            emails: list(&self.emails),
            phones: list(&self.phones),
            postal_code: self.postal_code.clone(),
            address: self.address.clone(),
            url: self.url.clone(),
            other_addresses: list(&self.other_addresses),
            other_urls: list(&self.other_urls),
            other_companies: list(&self.other_companies),
            exchanged_on: self.exchanged_on,
            exchanged_at: self.exchanged_at.clone(),
            exchanged_by: self.exchanged_by.clone(),
            notes: self.notes.clone(),
            tags: Some(self.tags.clone()),
            no_mail_on: Some(self.no_mail_on),
        }
    }

    /// Every list of the contact's, by channel.
    pub fn lists(&self) -> Vec<(Channel, Vec<ContactValue>)> {
        Channel::ALL
            .into_iter()
            .map(|c| (c, self.list(c).to_vec()))
            .collect()
    }

    /// The reading, family first, when the card has one (さとう はなこ).
    pub fn reading(&self) -> Option<String> {
        let parts: Vec<&str> = [&self.family_reading, &self.given_reading]
            .into_iter()
            .flatten()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

/// The key contacts sort by: the folded reading when there is one (so 佐藤 sorts under さ),
/// else the folded name, family first, then the company.
pub fn sort_key(
    family: Option<&str>,
    given: Option<&str>,
    family_reading: Option<&str>,
    given_reading: Option<&str>,
    company: Option<&str>,
) -> String {
    let pick = |reading: Option<&str>, name: Option<&str>| {
        reading
            .filter(|r| !r.trim().is_empty())
            .or(name)
            .unwrap_or("")
            .trim()
            .to_string()
    };
    let key = format!(
        "{} {} {}",
        pick(family_reading, family),
        pick(given_reading, given),
        company.unwrap_or("")
    );
    fold(key.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field a contact's history can name has a label of its own: the table's fields
    /// and the lists' values.
    #[test]
    fn every_contact_field_has_a_label() {
        let names = Contact::FIELDS
            .iter()
            .map(|f| f.name)
            .filter(|name| *name != "id")
            .chain(Channel::ALL.map(Channel::list_name))
            .chain(["deleted"]);
        for name in names {
            let label = Contact::field_label(name);
            assert!(label != "field" && !label.contains('_'), "{name}: {label}");
            assert_ne!(Contact::field_label_ja(name), "項目", "{name}");
        }
    }

    #[test]
    fn japanese_names_show_family_first() {
        assert_eq!(
            display_name(Some("佐藤"), Some("花子"), NameOrder::Auto),
            "佐藤 花子"
        );
        assert_eq!(
            display_name(Some("Smith"), Some("John"), NameOrder::Auto),
            "John Smith"
        );
        assert_eq!(
            display_name(Some("Sato"), Some("Hanako"), NameOrder::FamilyFirst),
            "Sato Hanako"
        );
        assert_eq!(display_name(None, Some("花子"), NameOrder::Auto), "花子");
    }

    #[test]
    fn readings_decide_the_sort() {
        let sato = sort_key(
            Some("佐藤"),
            Some("花子"),
            Some("サトウ"),
            Some("ハナコ"),
            None,
        );
        let ito = sort_key(Some("伊藤"), None, Some("いとう"), None, None);
        assert!(ito < sato, "{ito} < {sato}");
        assert!(sato.starts_with("さとう"));
    }
}

/// Everything on a card, for adding a contact or patching one (`None` leaves a field alone
/// in a patch; `Some("")` clears it; a list given replaces the whole list).
/// A text field of a contact, as the contact has it and as a card (fields to add or to
/// change) gives it.
#[derive(Clone, Copy)]
pub struct TextField {
    pub name: &'static str,
    pub of_contact: fn(&Contact) -> &Option<String>,
    pub of_card: fn(&ContactFields) -> &Option<String>,
    pub of_card_mut: fn(&mut ContactFields) -> &mut Option<String>,
}

macro_rules! text_fields {
    ($($field:ident),* $(,)?) => {
        [$(TextField {
            name: stringify!($field),
            of_contact: |c| &c.$field,
            of_card: |c| &c.$field,
            of_card_mut: |c| &mut c.$field,
        }),*]
    };
}

/// The text fields of a card by their SPEC name, in SPEC order (the lists, exchanged_on
/// and tags aside).
pub const TEXT_FIELDS: [TextField; 14] = text_fields![
    family_name,
    given_name,
    family_reading,
    given_reading,
    company,
    company_reading,
    department,
    title,
    postal_code,
    address,
    url,
    exchanged_at,
    exchanged_by,
    notes,
];

/// The names of `TEXT_FIELDS`.
pub const TEXT_FIELD_NAMES: [&str; TEXT_FIELDS.len()] = {
    let mut names = [""; TEXT_FIELDS.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = TEXT_FIELDS[i].name;
        i += 1;
    }
    names
};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ContactFields {
    pub family_name: Option<String>,
    pub given_name: Option<String>,
    pub family_reading: Option<String>,
    pub given_reading: Option<String>,
    pub company: Option<String>,
    pub company_reading: Option<String>,
    pub department: Option<String>,
    pub title: Option<String>,
    /// Every email address, one preferred.
    pub emails: Option<Vec<ContactValue>>,
    /// Every number, one preferred of each of phone, mobile and fax.
    pub phones: Option<Vec<ContactValue>>,
    pub postal_code: Option<String>,
    pub address: Option<String>,
    pub url: Option<String>,
    pub other_addresses: Option<Vec<ContactValue>>,
    pub other_urls: Option<Vec<ContactValue>>,
    pub other_companies: Option<Vec<ContactValue>>,
    pub exchanged_on: Option<NaiveDate>,
    pub exchanged_at: Option<String>,
    pub exchanged_by: Option<String>,
    pub notes: Option<String>,
    pub tags: Option<Vec<String>>,
    /// `Some(Some(day))`: no mail from that day; `Some(None)`: mail again.
    pub no_mail_on: Option<Option<NaiveDate>>,
}

/// The person's name, else (a company's own card) the company's.
fn name_or_company(
    family: &Option<String>,
    given: &Option<String>,
    company: &Option<String>,
    order: NameOrder,
) -> String {
    let name = display_name(family.as_deref(), given.as_deref(), order);
    if name.is_empty() {
        company.clone().unwrap_or_default()
    } else {
        name
    }
}

/// No person's name and a company's: the company's own card.
fn company_only(family: &Option<String>, given: &Option<String>, company: &Option<String>) -> bool {
    let blank = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
    blank(family) && blank(given) && !blank(company)
}

impl ContactFields {
    /// The name a card is shown by, as [`Contact::name`].
    pub fn name(&self, order: NameOrder) -> String {
        name_or_company(&self.family_name, &self.given_name, &self.company, order)
    }

    pub fn has_name(&self) -> bool {
        [&self.family_name, &self.given_name]
            .into_iter()
            .flatten()
            .any(|s| !s.trim().is_empty())
    }

    pub fn has_email(&self) -> bool {
        self.email().is_some()
    }

    /// A card that names a company and no person is the company's own card (a company entry
    /// of an address book): it is a contact, shown by the company's name.
    pub fn has_company_only(&self) -> bool {
        company_only(&self.family_name, &self.given_name, &self.company)
    }

    /// The text fields by their SPEC name, in SPEC order (the lists, exchanged_on and tags
    /// aside).
    pub fn text_fields(&self) -> [(&'static str, Option<&str>); 14] {
        TEXT_FIELDS.map(|f| (f.name, (f.of_card)(self).as_deref()))
    }

    /// The text field of `TEXT_FIELDS` named `name`, to set.
    pub fn text_mut(&mut self, name: &str) -> Option<&mut Option<String>> {
        let field = TEXT_FIELDS.iter().find(|f| f.name == name)?;
        Some((field.of_card_mut)(self))
    }

    /// The card that puts back on `before` what this card changes: each text it sets goes
    /// back to the contact's (an empty text clears), each list to the contact's whole list.
    pub fn undoing(&self, before: &Contact) -> ContactFields {
        let mut inverse = ContactFields {
            exchanged_on: self.exchanged_on.and(before.exchanged_on),
            tags: self.tags.as_ref().map(|_| before.tags.clone()),
            no_mail_on: self.no_mail_on.map(|_| before.no_mail_on),
            ..ContactFields::default()
        };
        for field in TEXT_FIELDS {
            if (field.of_card)(self).is_some() {
                *(field.of_card_mut)(&mut inverse) =
                    Some((field.of_contact)(before).clone().unwrap_or_default());
            }
        }
        for channel in Channel::ALL {
            if self.list(channel).is_some() {
                *inverse.list_mut(channel) = Some(before.list(channel).to_vec());
            }
        }
        inverse
    }

    /// The list of a channel, if the card gives it.
    pub fn list(&self, channel: Channel) -> Option<&Vec<ContactValue>> {
        match channel {
            Channel::Email => self.emails.as_ref(),
            Channel::Phone => self.phones.as_ref(),
            Channel::Address => self.other_addresses.as_ref(),
            Channel::Url => self.other_urls.as_ref(),
            Channel::Company => self.other_companies.as_ref(),
        }
    }

    pub fn list_mut(&mut self, channel: Channel) -> &mut Option<Vec<ContactValue>> {
        match channel {
            Channel::Email => &mut self.emails,
            Channel::Phone => &mut self.phones,
            Channel::Address => &mut self.other_addresses,
            Channel::Url => &mut self.other_urls,
            Channel::Company => &mut self.other_companies,
        }
    }

    /// Adds a value to a list (made if the card had none), unless the list holds the same
    /// value already; a preferred value given again makes the one there preferred.
    pub fn add(&mut self, channel: Channel, value: ContactValue) {
        if value.value.trim().is_empty() {
            return;
        }
        let list = self.list_mut(channel).get_or_insert_with(Vec::new);
        let key = channel.key_of(&value.value);
        match list.iter_mut().find(|v| channel.key_of(&v.value) == key) {
            Some(there) => there.preferred |= value.preferred,
            None => list.push(value),
        }
    }

    /// Adds an email address of `kind` (preferred if it is the first).
    pub fn push_email(&mut self, email: &str, kind: ValueKind) {
        let first = self.emails.as_ref().is_none_or(Vec::is_empty);
        let mut value = ContactValue::new(email, kind);
        value.preferred = first;
        self.add(Channel::Email, value);
    }

    /// Adds a number of `kind` (preferred if it is the first of its slot).
    pub fn push_phone(&mut self, number: &str, kind: ValueKind) {
        let slot = PhoneSlot::of(kind);
        let first = !self
            .phones
            .iter()
            .flatten()
            .any(|v| PhoneSlot::of(v.kind) == slot);
        let mut value = ContactValue::new(number, kind);
        value.preferred = first;
        self.add(Channel::Phone, value);
    }

    /// Builder for a card with one more (work) email address.
    pub fn with_email(mut self, email: &str) -> Self {
        self.push_email(email, ValueKind::Work);
        self
    }

    /// Builder for a card with one more number of `kind`.
    pub fn with_phone(mut self, number: &str, kind: ValueKind) -> Self {
        self.push_phone(number, kind);
        self
    }

    /// The preferred email address.
    pub fn email(&self) -> Option<&str> {
        let emails = self.emails.as_deref()?;
        preferred_among(emails, |_| true).map(|v| v.value.as_str())
    }

    /// The preferred number of a slot (phone, mobile, fax).
    pub fn number(&self, slot: PhoneSlot) -> Option<&str> {
        let phones = self.phones.as_deref()?;
        preferred_among(phones, |v| PhoneSlot::of(v.kind) == slot).map(|v| v.value.as_str())
    }

    /// Every email address and every mobile number of the card.
    pub fn emails_and_mobiles(&self) -> (Vec<&str>, Vec<&str>) {
        let emails = self.emails.iter().flatten().map(|v| v.value.as_str());
        let mobiles = self
            .phones
            .iter()
            .flatten()
            .filter(|v| v.kind == ValueKind::Mobile)
            .map(|v| v.value.as_str());
        (emails.collect(), mobiles.collect())
    }
}

/// Changes to a contact's lists as the command line says them: a new preferred email or
/// number (the one it replaces is removed and kept in the history; an empty one just
/// removes the preferred one), values added, values removed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListEdits {
    pub email: Option<String>,
    pub numbers: Vec<(PhoneSlot, String)>,
    pub add: Vec<(Channel, ContactValue)>,
    pub remove: Vec<(Channel, String)>,
}

impl ListEdits {
    pub fn is_empty(&self) -> bool {
        *self == ListEdits::default()
    }

    /// The lists `current` has after these edits, set in `patch` (only the lists edited).
    pub fn apply(&self, current: &[(Channel, Vec<ContactValue>)], patch: &mut ContactFields) {
        let mut lists: std::collections::BTreeMap<Channel, Vec<ContactValue>> =
            current.iter().cloned().collect();
        let mut touched: Vec<Channel> = Vec::new();
        if let Some(email) = &self.email {
            touched.push(Channel::Email);
            let list = lists.entry(Channel::Email).or_default();
            replace_preferred(list, Channel::Email, None, email);
        }
        for (slot, number) in &self.numbers {
            touched.push(Channel::Phone);
            let list = lists.entry(Channel::Phone).or_default();
            replace_preferred(list, Channel::Phone, Some(*slot), number);
        }
        for (channel, value) in &self.add {
            touched.push(*channel);
            let list = lists.entry(*channel).or_default();
            let key = channel.key_of(&value.value);
            match list.iter_mut().find(|v| channel.key_of(&v.value) == key) {
                Some(there) => there.kind = value.kind,
                None => list.push(value.clone()),
            }
        }
        for (channel, value) in &self.remove {
            touched.push(*channel);
            let key = channel.key_of(value);
            lists
                .entry(*channel)
                .or_default()
                .retain(|v| channel.key_of(&v.value) != key);
        }
        for (channel, list) in lists {
            if touched.contains(&channel) {
                *patch.list_mut(channel) = Some(list);
            }
        }
    }
}

/// Puts `new` in the preferred place of a list (of one phone slot). A value the list has
/// already just becomes the preferred one, kind and all, the one before staying in the
/// list; a new value takes the place of the one before, which goes (to the history). An
/// empty `new` only takes the preferred one out.
fn replace_preferred(
    list: &mut Vec<ContactValue>,
    channel: Channel,
    slot: Option<PhoneSlot>,
    new: &str,
) {
    let in_slot = |v: &ContactValue| slot.is_none_or(|s| PhoneSlot::of(v.kind) == s);
    let key = channel.key_of(new.trim());
    if !new.trim().is_empty()
        && let Some(at) = list.iter().position(|v| channel.key_of(&v.value) == key)
    {
        let mut known = list.remove(at);
        // `--mobile` of a number known as a home one: it is the mobile number now.
        if let Some(slot) = slot.filter(|s| PhoneSlot::of(known.kind) != *s) {
            known.kind = slot.kind();
        }
        let slot_of_known = PhoneSlot::of(known.kind);
        for v in list
            .iter_mut()
            .filter(|v| channel != Channel::Phone || PhoneSlot::of(v.kind) == slot_of_known)
        {
            v.preferred = false;
        }
        known.preferred = true;
        list.insert(0, known);
        return;
    }
    let old = preferred_among(list, in_slot).map(|v| channel.key_of(&v.value));
    if let Some(old) = old {
        list.retain(|v| channel.key_of(&v.value) != old);
    }
    let new = new.trim();
    if new.is_empty() {
        return;
    }
    for v in list.iter_mut().filter(|v| in_slot(v)) {
        v.preferred = false;
    }
    let kind = slot.map_or(ValueKind::Work, PhoneSlot::kind);
    list.insert(0, ContactValue::new(new, kind).preferred());
}

/// The keys that say two cards are the same person (名寄せ): any email address (not a role
/// address), any mobile number, the name with the company (`name|company`; `name|` for a
/// card without a company, which matches only where email and mobile do not say otherwise).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MatchKeys {
    pub emails: Vec<String>,
    pub name_company: Option<String>,
    pub mobiles: Vec<String>,
    /// The folded addresses, role addresses included: two cards with different emails are
    /// not taken for one person on their name alone.
    pub any_emails: Vec<String>,
}

impl MatchKeys {
    /// The keys a contact is remembered by, each with its kind: emails, mobiles, then name.
    pub fn rows(&self) -> impl Iterator<Item = (&'static str, &str)> {
        let emails = self.emails.iter().map(|k| ("email", k.as_str()));
        let mobiles = self.mobiles.iter().map(|k| ("mobile", k.as_str()));
        let named = self.name_company.iter().map(|k| ("name", k.as_str()));
        emails.chain(mobiles).chain(named)
    }

    /// Whether the name key has no company in it.
    pub fn name_only(&self) -> bool {
        self.name_company
            .as_deref()
            .is_some_and(|k| k.ends_with('|'))
    }
}

pub fn match_keys(
    family: Option<&str>,
    given: Option<&str>,
    company: Option<&str>,
    emails: &[&str],
    mobiles: &[&str],
) -> MatchKeys {
    let mut keys = MatchKeys::default();
    for email in emails {
        let folded = fold(email).trim().to_string();
        if folded.is_empty() || keys.any_emails.contains(&folded) {
            continue;
        }
        keys.any_emails.push(folded);
        if let Some(key) = personal_email_key(email) {
            keys.emails.push(key);
        }
    }
    for mobile in mobiles {
        let key = phone_key(mobile);
        if key.len() >= 9 && !keys.mobiles.contains(&key) {
            keys.mobiles.push(key);
        }
    }
    let name: String = format!("{}{}", family.unwrap_or(""), given.unwrap_or(""));
    let name: String = fold(&name).chars().filter(|c| !c.is_whitespace()).collect();
    let company = company.map(company_key).unwrap_or_default();
    keys.name_company = (!name.is_empty()).then(|| format!("{name}|{company}"));
    keys
}

/// The match keys of a card.
pub fn card_keys(card: &ContactFields) -> MatchKeys {
    let (emails, mobiles) = card.emails_and_mobiles();
    match_keys(
        card.family_name.as_deref(),
        card.given_name.as_deref(),
        card.company.as_deref(),
        &emails,
        &mobiles,
    )
}

/// A fingerprint of everything on a card (FNV-1a over its fields), so the same card read
/// again goes to the contact it went to the first time.
pub fn card_fingerprint(card: &ContactFields) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |text: &str| {
        for byte in text.bytes().chain(std::iter::once(0x1f)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for (_, value) in card.text_fields() {
        feed(value.unwrap_or(""));
    }
    for channel in Channel::ALL {
        for v in card.list(channel).into_iter().flatten() {
            feed(&v.value);
            feed(v.kind.id());
            feed(if v.preferred { "1" } else { "0" });
        }
        feed("");
    }
    feed(&card.exchanged_on.map(|d| d.to_string()).unwrap_or_default());
    feed(
        &card
            .tags
            .as_ref()
            .map(|t| t.join("\u{1f}"))
            .unwrap_or_default(),
    );
    format!("{hash:016x}")
}

/// A company name for matching: folded, without the legal form (株式会社, (株), ㈱,
/// 有限会社, Inc., Co., Ltd. ...) and without spaces or punctuation.
pub fn company_key(company: &str) -> String {
    let mut s = fold(company);
    for form in [
        "株式会社",
        "(株)",
        "有限会社",
        "(有)",
        "合同会社",
        "(同)",
        "合資会社",
        "合名会社",
        "一般社団法人",
        "一般財団法人",
        "co.,ltd.",
        "co., ltd.",
        "co.ltd.",
        "corporation",
        "corp.",
        "inc.",
        "ltd.",
        "llc",
        "k.k.",
    ] {
        s = s.replace(form, "");
    }
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

#[cfg(test)]
mod match_tests {
    use super::*;

    #[test]
    fn undoing_a_card_puts_back_what_it_set_and_only_that() {
        let before = Contact {
            family_name: Some("佐藤".into()),
            emails: vec![ContactValue::new("sato@example.jp", ValueKind::Work)],
            tags: vec!["展示会".into()],
            ..Contact::default()
        };
        let card = ContactFields {
            family_name: Some("鈴木".into()),
            given_name: Some("花子".into()),
            emails: Some(Vec::new()),
            ..ContactFields::default()
        };
        let undo = card.undoing(&before);
        assert_eq!(undo.family_name.as_deref(), Some("佐藤"));
        // Unset before: the undoing clears it (an empty text).
        assert_eq!(undo.given_name.as_deref(), Some(""));
        assert_eq!(undo.emails, Some(before.emails.clone()));
        assert_eq!(undo.company, None);
        assert_eq!(undo.tags, None);
        assert_eq!(undo.phones, None);
    }

    #[test]
    fn role_addresses_never_match() {
        let keys = match_keys(Some("高橋"), None, None, &["info@example.co.jp"], &[]);
        assert!(keys.emails.is_empty());
        assert_eq!(keys.any_emails, ["info@example.co.jp"]);
        let keys = match_keys(
            None,
            None,
            None,
            &["Hanako.Sato@Example.co.jp", "hanako@home.example.jp"],
            &["+81 90-1111-2222", "090-1111-2222"],
        );
        assert_eq!(
            keys.emails,
            ["hanako.sato@example.co.jp", "hanako@home.example.jp"]
        );
        assert_eq!(keys.mobiles, ["09011112222"]);
    }

    #[test]
    fn company_forms_and_widths_are_one_company() {
        assert_eq!(
            company_key("株式会社ミドリ技研"),
            company_key("(株)ミドリ技研")
        );
        assert_eq!(company_key("㈱ミドリ技研"), company_key("ﾐﾄﾞﾘ技研 株式会社"));
        assert_eq!(
            company_key("ＡＢＣシステムズ"),
            company_key("ABCシステムズ")
        );
    }

    #[test]
    fn cards_add_values_once() {
        let card = ContactFields::default()
            .with_email("a@x.example.jp")
            .with_email("A@X.example.jp")
            .with_phone("090-1111-2222", ValueKind::Mobile)
            .with_phone("03-1111-2222", ValueKind::Work)
            .with_phone("+81 90 1111 2222", ValueKind::Mobile);
        assert_eq!(card.emails.as_ref().map(Vec::len), Some(1));
        assert_eq!(card.email(), Some("a@x.example.jp"));
        assert_eq!(card.number(PhoneSlot::Mobile), Some("090-1111-2222"));
        assert_eq!(card.number(PhoneSlot::Phone), Some("03-1111-2222"));
        assert_eq!(card.number(PhoneSlot::Fax), None);
    }
}
