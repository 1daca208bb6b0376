//! The field names a serde type reads, asked of serde itself: a deserializer that stops at the
//! first `deserialize_struct` and reports the names it was handed. The JS API checks objects
//! against these lists (serde-wasm-bindgen ignores unknown keys), so the lists can never drift
//! from the types.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};

/// Why the probe stopped: with the field names when the type is a struct.
#[derive(Debug)]
struct Stop(Option<&'static [&'static str]>);

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field probe")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop(None)
    }
}

/// A deserializer that holds no data: it answers every request with [`Stop`].
struct Probe;

impl<'de> Deserializer<'de> for Probe {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop(None))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Stop> {
        Err(Stop(Some(fields)))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// The keys a struct type reads (its serde names, after `rename_all`), in declaration order;
/// empty for a type that is not a struct.
pub fn fields<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    match T::deserialize(Probe) {
        Err(Stop(Some(fields))) => fields,
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rating::card::{BillingDocument, CardDocument};
    use crate::rating::scenario::{LegDocument, MeetingDocument, ScenarioDocument};

    #[test]
    fn struct_fields_are_their_serde_names() {
        // Read off the struct definitions in rating/scenario.rs (camelCase).
        assert_eq!(
            fields::<ScenarioDocument>(),
            [
                "organisers",
                "licencesPurchased",
                "usCanadaAddon",
                "organisationCountry",
                "meetings",
                "card"
            ]
        );
        assert_eq!(
            fields::<MeetingDocument>(),
            ["name", "perMonth", "minutes", "legs"]
        );
        assert_eq!(
            fields::<LegDocument>(),
            ["country", "call", "count", "minutes"]
        );
        // A card's keys are snake_case, as in the TOML file.
        assert!(fields::<CardDocument>().contains(&"effective_from"));
        assert_eq!(
            fields::<BillingDocument>(),
            [
                "increment_seconds",
                "minimum_seconds",
                "rounding",
                "decimals",
                "connection_fee"
            ]
        );
    }

    #[test]
    fn a_type_that_is_not_a_struct_has_no_fields() {
        assert!(fields::<String>().is_empty());
        assert!(fields::<Vec<LegDocument>>().is_empty());
    }
}
