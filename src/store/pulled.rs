//! Rows pulled from the team server, read from their JSON straight into this database's
//! column order. Read on the thread that fetches them from the server, so the thread that
//! writes them only writes: a new rep's first pull is millions of rows.

use crate::error::{Error, Result};
use rusqlite::types::Value;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

/// The columns each kind of pulled row is written with, in order.
pub struct RowReader {
    kinds: HashMap<&'static str, Vec<String>>,
}

/// One pulled row: its kind and its values in the order of that kind's columns.
pub struct PulledRow {
    pub(crate) kind: &'static str,
    pub(crate) values: Vec<Value>,
}

impl RowReader {
    pub(crate) fn new(kinds: HashMap<&'static str, Vec<String>>) -> RowReader {
        RowReader { kinds }
    }

    /// Each kind of row this reader reads, with its columns in order.
    pub(crate) fn kinds(&self) -> impl Iterator<Item = (&'static str, &[String])> {
        self.kinds
            .iter()
            .map(|(kind, names)| (*kind, names.as_slice()))
    }

    /// The row `text` of `kind` in column order; a column it lacks is null, one this
    /// leadtrack does not have is left out, and a kind it does not know (a newer one's)
    /// is `None`, for the server to keep.
    pub fn read(&self, kind: &str, text: &str) -> Result<Option<PulledRow>> {
        let Some((&kind, names)) = self.kinds.get_key_value(kind) else {
            return Ok(None);
        };
        let mut json = serde_json::Deserializer::from_str(text);
        let values = RowSeed(names)
            .deserialize(&mut json)
            .and_then(|values| json.end().map(|()| values))
            .map_err(|e| Error::invalid(format!("a row from the team server: {e}")))?;
        Ok(Some(PulledRow { kind, values }))
    }
}

/// Reads a JSON object into the values of these columns, by name.
struct RowSeed<'a>(&'a [String]);

impl<'de> DeserializeSeed<'de> for RowSeed<'_> {
    type Value = Vec<Value>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Vec<Value>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RowSeed<'_> {
    type Value = Vec<Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a row as a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Vec<Value>, A::Error> {
        let mut values = vec![Value::Null; self.0.len()];
        while let Some(Name(name)) = map.next_key()? {
            match self.0.iter().position(|column| *column == name) {
                Some(at) => values[at] = map.next_value_seed(ScalarSeed)?,
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(values)
    }
}

/// A column's name, borrowed from the row's text (names are never escaped).
struct Name<'a>(Cow<'a, str>);

impl<'de> de::Deserialize<'de> for Name<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct NameVisitor;
        impl<'de> Visitor<'de> for NameVisitor {
            type Value = Name<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a column name")
            }

            fn visit_borrowed_str<E: de::Error>(
                self,
                s: &'de str,
            ) -> std::result::Result<Name<'de>, E> {
                Ok(Name(Cow::Borrowed(s)))
            }

            fn visit_str<E: de::Error>(self, s: &str) -> std::result::Result<Name<'de>, E> {
                Ok(Name(Cow::Owned(s.to_string())))
            }
        }
        d.deserialize_str(NameVisitor)
    }
}

/// A column's value as SQLite stores it: true and false as 1 and 0, a number that is not
/// a 64-bit integer as a real, and a list or object (no leadtrack sends one) as its JSON.
struct ScalarSeed;

impl<'de> DeserializeSeed<'de> for ScalarSeed {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ScalarSeed {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a column's value")
    }

    fn visit_unit<E: de::Error>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> std::result::Result<Value, E> {
        Ok(Value::Integer(i64::from(b)))
    }

    fn visit_i64<E: de::Error>(self, i: i64) -> std::result::Result<Value, E> {
        Ok(Value::Integer(i))
    }

    fn visit_u64<E: de::Error>(self, u: u64) -> std::result::Result<Value, E> {
        Ok(i64::try_from(u).map_or(Value::Real(u as f64), Value::Integer))
    }

    fn visit_f64<E: de::Error>(self, f: f64) -> std::result::Result<Value, E> {
        Ok(Value::Real(f))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> std::result::Result<Value, E> {
        Ok(Value::Text(s.to_string()))
    }

    fn visit_string<E: de::Error>(self, s: String) -> std::result::Result<Value, E> {
        Ok(Value::Text(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> std::result::Result<Value, A::Error> {
        let whole: serde_json::Value =
            de::Deserialize::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
        Ok(Value::Text(whole.to_string()))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> std::result::Result<Value, A::Error> {
        let whole: serde_json::Value =
            de::Deserialize::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(Value::Text(whole.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader() -> RowReader {
        let columns = ["id", "n", "x", "clocks", "gone"]
            .map(String::from)
            .to_vec();
        RowReader::new(HashMap::from([("leads", columns)]))
    }

    #[test]
    fn a_row_is_read_in_column_order_whatever_order_its_json_has() {
        let row = reader()
            .read(
                "leads",
                r#"{"gone":true,"clocks":"{\"title\":\"x\"}","n":3,"x":1.5,"id":"L1","new":[1]}"#,
            )
            .unwrap()
            .unwrap();
        assert_eq!(row.kind, "leads");
        assert_eq!(
            row.values,
            [
                Value::Text("L1".into()),
                Value::Integer(3),
                Value::Real(1.5),
                Value::Text(r#"{"title":"x"}"#.into()),
                Value::Integer(1),
            ]
        );
    }

    #[test]
    fn a_missing_column_is_null_and_a_list_is_kept_as_its_json() {
        let row = reader()
            .read("leads", r#"{"id":"L1","x":[1,"二"],"n":null}"#)
            .unwrap()
            .unwrap();
        assert_eq!(
            row.values,
            [
                Value::Text("L1".into()),
                Value::Null,
                Value::Text(r#"[1,"二"]"#.into()),
                Value::Null,
                Value::Null,
            ]
        );
    }

    #[test]
    fn an_unknown_kind_is_left_and_a_broken_row_is_an_error() {
        assert!(reader().read("campaigns", "{}").unwrap().is_none());
        let broken = reader().read("leads", r#"{"id":"L1""#).err().unwrap();
        assert!(
            broken.to_string().contains("a row from the team server"),
            "{broken}"
        );
        assert!(reader().read("leads", r#"{"id":"L1"} x"#).is_err());
        assert!(reader().read("leads", "[1]").is_err());
    }
}
