//! The TypeScript names of the types serde writes as text (feature `ts`, for `cargo xtask
//! codegen` only; no bundle carries ts-rs): money, rates and quantities are `DecimalString`,
//! a scenario's numbers `number | DecimalString`, codes and dates `string`, and a card's
//! translations a map by language.

use ts_rs::{Config, TS};

use crate::rating::card::{DateText, DecimalText, TranslationDocument, Translations};
use crate::rating::quote::Quantity;
use crate::rating::scenario::Amount;
use crate::rating::{CountryCode, Money, Rate};

/// `TS` for a type that TypeScript sees as one named type, without a declaration of its own.
macro_rules! named {
    ($($t:ty => $ts:literal),* $(,)?) => {$(
        impl TS for $t {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn name(_: &Config) -> String {
                $ts.to_string()
            }
            fn inline(_: &Config) -> String {
                $ts.to_string()
            }
        }
    )*};
}

named! {
    Money => "DecimalString",
    Rate => "DecimalString",
    Quantity => "DecimalString",
    DecimalText => "DecimalString",
    Amount => "number | DecimalString",
    CountryCode => "string",
    DateText => "string",
}

impl TS for Translations {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(cfg: &Config) -> String {
        format!("{{ [lang: string]: {} }}", TranslationDocument::name(cfg))
    }
    fn inline(cfg: &Config) -> String {
        Self::name(cfg)
    }
}
