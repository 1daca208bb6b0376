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

    /// Every scenario field path the core reports names only keys serde reads, level by level
    /// (`meetings[0].legs[1].minutes`: `meetings` of the scenario, `legs` of a meeting,
    /// `minutes` of a leg), so a partner can find the field the JS API names.
    #[test]
    fn field_paths_name_only_keys_serde_reads() {
        use crate::rating::Field;
        let levels = [
            fields::<ScenarioDocument>(),
            fields::<MeetingDocument>(),
            fields::<LegDocument>(),
        ];
        let (m, l) = (2, 3);
        let all = [
            Field::Organisers,
            Field::LicencesPurchased,
            Field::UsCanadaAddon,
            Field::OrganisationCountry,
            Field::Meetings,
            Field::PerMonth { meeting: m },
            Field::Minutes { meeting: m },
            Field::Legs { meeting: m },
            Field::LegCountry { meeting: m, leg: l },
            Field::LegCall { meeting: m, leg: l },
            Field::LegCount { meeting: m, leg: l },
            Field::LegMinutes { meeting: m, leg: l },
        ];
        // A new kind of field fails to compile here until it is added to the list above.
        let _listed = |f: Field| match f {
            Field::Scenario
            | Field::Organisers
            | Field::LicencesPurchased
            | Field::UsCanadaAddon
            | Field::OrganisationCountry
            | Field::Meetings
            | Field::PerMonth { .. }
            | Field::Minutes { .. }
            | Field::Legs { .. }
            | Field::LegCountry { .. }
            | Field::LegCall { .. }
            | Field::LegCount { .. }
            | Field::LegMinutes { .. } => (),
        };
        for field in all {
            let path = field.to_string();
            for (depth, part) in path.split('.').enumerate() {
                let key = part.split('[').next().unwrap_or(part);
                assert!(
                    levels[depth].contains(&key),
                    "`{path}`: `{key}` is not a key serde reads at depth {depth}"
                );
            }
        }
        assert_eq!(Field::Scenario.to_string(), "");
    }

    #[test]
    fn a_type_that_is_not_a_struct_has_no_fields() {
        assert!(fields::<String>().is_empty());
        assert!(fields::<Vec<LegDocument>>().is_empty());
    }
}
