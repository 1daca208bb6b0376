//! The rate-card schema as it is written: the serde shape of `rates/*.toml` and of the JSON
//! form a partner's page loads at run time. Nothing here is checked beyond its type; the
//! validated card is built from it by [`RateCard::from_document`](super::RateCard::from_document).

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A whole rate card as written in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "RateCardDocument"))]
pub struct CardDocument {
    /// Unique id, `[a-z0-9-]+`.
    pub id: String,
    /// Name shown to people.
    pub name: String,
    /// ISO 4217 currency code.
    pub currency: String,
    /// First day the prices apply, `YYYY-MM-DD` (a TOML date or a string).
    pub effective_from: DateText,
    /// Whether the numbers are illustrative rather than official rates.
    pub illustrative: bool,
    /// Where the numbers come from.
    pub source: String,
    /// Optional note on tax.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_note: Option<String>,
    /// Billing increments, rounding and connection fee.
    pub billing: BillingDocument,
    /// The per-user licence and its dial-out pool.
    pub licence: LicenceDocument,
    /// Communications Credits.
    pub credits: CreditsDocument,
    /// Optional add-ons.
    #[serde(default, skip_serializing_if = "AddonsDocument::is_empty")]
    pub addons: AddonsDocument,
    /// The card's own texts in other languages (`[translations.de]`).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
    /// One entry per country.
    pub countries: Vec<CountryDocument>,
}

/// `[billing]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BillingDocument {
    /// Per-leg time increment in seconds (60 = each started minute, 1 = per second).
    pub increment_seconds: i64,
    /// Minimum billable seconds of a leg that lasts more than 0 s.
    pub minimum_seconds: i64,
    /// `half_up` | `half_even` | `up` | `down`.
    #[cfg_attr(
        feature = "ts",
        ts(type = "\"half_up\" | \"half_even\" | \"up\" | \"down\"")
    )]
    pub rounding: String,
    /// Money decimals of the currency.
    pub decimals: i64,
    /// Fee per billed leg; absent means 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_fee: Option<DecimalText>,
}

/// `[licence]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LicenceDocument {
    /// Price of one Audio Conferencing licence per month.
    pub price_per_user_month: DecimalText,
    /// Pool-zone dial-out minutes per licence per month.
    pub pool_minutes_per_licence: i64,
    /// `assigned` (the organisers) | `purchased`.
    #[cfg_attr(feature = "ts", ts(type = "\"assigned\" | \"purchased\""))]
    pub pool_basis: String,
    /// The zone whose destinations the pool covers (`"A"`).
    pub pool_zone: String,
}

/// `[credits]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CreditsDocument {
    /// Smallest Communications Credits purchase.
    pub minimum_purchase: DecimalText,
}

/// `[addons]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AddonsDocument {
    /// The Extended Dial-Out Minutes to US & Canada add-on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub us_canada_dial_out: Option<AddonDocument>,
}

impl AddonsDocument {
    /// Whether no add-on is configured.
    pub fn is_empty(&self) -> bool {
        self.us_canada_dial_out.is_none()
    }
}

/// `[addons.us_canada_dial_out]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AddonDocument {
    /// Price per organiser per month.
    pub price_per_organiser_month: DecimalText,
    /// Destinations with unlimited dial-out.
    pub countries: Vec<String>,
}

/// `[translations.LANG]`: a card's name and tax note in another language (a lowercase ISO 639-1
/// code). A missing text falls back to the top-level one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TranslationDocument {
    /// The card's name in that language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The tax note in that language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_note: Option<String>,
}

/// `[translations]`: language code → texts, in the order written (a map in TOML and JSON).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Translations(pub Vec<(String, TranslationDocument)>);

impl Translations {
    /// Whether the card has no translations.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Translations {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (lang, texts) in &self.0 {
            map.serialize_entry(lang, texts)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Translations {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Translations;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table of languages, such as [translations.de]")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Translations, A::Error> {
                let mut out = Vec::new();
                while let Some(lang) = map.next_key::<String>()? {
                    out.push((lang, map.next_value::<TranslationDocument>()?));
                }
                Ok(Translations(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// One `[[countries]]` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CountryDocument {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// Zone, e.g. `"A"`; absent means none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// Per-minute toll dial-in rate; absent means no toll number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toll_dial_in: Option<DecimalText>,
    /// Per-minute toll-free dial-in rate; absent means no toll-free number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toll_free_dial_in: Option<DecimalText>,
    /// Per-minute dial-out rate to this destination; absent means not reachable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dial_out: Option<DecimalText>,
    /// Whether an organisation located there can buy Communications Credits; absent means true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credits_available: Option<bool>,
    /// Whether Audio Conferencing is sold to organisations located there; absent means true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio_conferencing_available: Option<bool>,
}

/// A decimal written as a string (`"0.0280"`). Floats are refused on purpose: a TOML or JSON
/// float cannot hold 0.028 exactly, and a rate card must say exactly what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecimalText(pub String);

impl Serialize for DecimalText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for DecimalText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = DecimalText;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a decimal string in quotes, such as \"0.0280\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DecimalText, E> {
                Ok(DecimalText(v.to_string()))
            }
        }
        d.deserialize_str(V)
    }
}

/// The key under which the `toml` crate hands a TOML date to a deserializer.
const TOML_DATETIME_KEY: &str = "$__toml_private_datetime";

/// A calendar date written `YYYY-MM-DD`: a TOML date in `.toml` cards, a string in JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateText(pub String);

impl Serialize for DateText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = DateText;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date such as 2026-01-01")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DateText, E> {
                Ok(DateText(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DateText, A::Error> {
                match map.next_key::<String>()? {
                    Some(key) if key == TOML_DATETIME_KEY => {
                        Ok(DateText(map.next_value::<String>()?))
                    }
                    _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
                }
            }
        }
        d.deserialize_any(V)
    }
}
