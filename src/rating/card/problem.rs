//! What can be wrong with a rate card, as kinds with their values ([`CardProblem`]); the
//! English sentences of `Display` are the CLI's, and the widget says each kind in the page's
//! language. Where it is wrong (file, line, field, country) is [`CardError`]'s part.
//!
//! [`CardError`]: crate::rating::CardError

use std::fmt;

use crate::rating::country::CountryCode;
use crate::rating::money::MAX_MONEY_DECIMALS;
use crate::rating::problem::quoted;

/// Largest pool size per licence a card may state (minutes per month; 31 days × 24 h = 44,640).
pub const MAX_POOL_MINUTES: i64 = 44_640;

/// One thing wrong with a rate card.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CardProblem {
    /// The file is not TOML or JSON of the card's shape: the parser's own words (an unknown
    /// or missing key, a number where a decimal string belongs, a syntax error).
    Syntax {
        /// The parser's message.
        message: String,
    },
    /// `id` is not 1 to 64 lower-case letters, digits and dashes.
    NotAnId {
        /// The id as written.
        text: String,
    },
    /// A text that must not be empty is empty.
    Empty,
    /// `currency` is not an ISO 4217 code.
    NotACurrency {
        /// The text as written.
        text: String,
    },
    /// `effective_from` is not a real date `YYYY-MM-DD`.
    NotADate {
        /// The text as written.
        text: String,
    },
    /// A translation's key is not a lowercase two-letter ISO 639-1 code.
    NotALanguage {
        /// The key as written.
        text: String,
    },
    /// A language is translated twice.
    TranslatedTwice,
    /// A billing increment or minimum outside 1..=3600 seconds.
    SecondsOutOfRange {
        /// The value as written.
        value: i64,
    },
    /// `billing.rounding` is not one of the four rounding words.
    UnknownRounding {
        /// The word as written.
        text: String,
    },
    /// `billing.decimals` outside 0..=4.
    DecimalsOutOfRange {
        /// The value as written.
        value: i64,
    },
    /// A rate or price that is not a decimal string.
    NotADecimal {
        /// The text as written.
        text: String,
    },
    /// A negative rate or price.
    Negative {
        /// The text as written.
        text: String,
    },
    /// A money value with more decimals than the currency has.
    TooManyDecimals {
        /// The text as written.
        text: String,
        /// The card's `billing.decimals`.
        decimals: u32,
    },
    /// `licence.pool_minutes_per_licence` outside 0..=44,640.
    PoolMinutesOutOfRange {
        /// The value as written.
        value: i64,
    },
    /// `licence.pool_basis` is neither `assigned` nor `purchased`.
    UnknownPoolBasis {
        /// The word as written.
        text: String,
    },
    /// A zone name that is not 1 to 8 capital letters or digits.
    NotAZone {
        /// The text as written.
        text: String,
    },
    /// The card lists no countries.
    NoCountries,
    /// A country code that is not ISO 3166-1 alpha-2.
    NotACountryCode {
        /// The text as written.
        text: String,
        /// The code in capitals, when that would be one.
        in_capitals: Option<String>,
    },
    /// A country listed twice.
    CountryTwice {
        /// The country.
        code: CountryCode,
        /// Where it is listed first (`countries[first]`).
        first: usize,
    },
    /// An add-on country that `countries` does not list.
    AddonCountryNotListed {
        /// The country.
        code: CountryCode,
    },
    /// An add-on country listed twice.
    AddonCountryTwice {
        /// The country.
        code: CountryCode,
    },
}

impl CardProblem {
    /// A stable name of the kind, in camelCase, for programs (the JS API's `code` is
    /// `badCard`; this is its `problem`).
    pub fn code(&self) -> &'static str {
        match self {
            CardProblem::Syntax { .. } => "syntax",
            CardProblem::NotAnId { .. } => "notAnId",
            CardProblem::Empty => "empty",
            CardProblem::NotACurrency { .. } => "notACurrency",
            CardProblem::NotADate { .. } => "notADate",
            CardProblem::NotALanguage { .. } => "notALanguage",
            CardProblem::TranslatedTwice => "translatedTwice",
            CardProblem::SecondsOutOfRange { .. } => "secondsOutOfRange",
            CardProblem::UnknownRounding { .. } => "unknownRounding",
            CardProblem::DecimalsOutOfRange { .. } => "decimalsOutOfRange",
            CardProblem::NotADecimal { .. } => "notADecimal",
            CardProblem::Negative { .. } => "negative",
            CardProblem::TooManyDecimals { .. } => "tooManyDecimals",
            CardProblem::PoolMinutesOutOfRange { .. } => "poolMinutesOutOfRange",
            CardProblem::UnknownPoolBasis { .. } => "unknownPoolBasis",
            CardProblem::NotAZone { .. } => "notAZone",
            CardProblem::NoCountries => "noCountries",
            CardProblem::NotACountryCode { .. } => "notACountryCode",
            CardProblem::CountryTwice { .. } => "countryTwice",
            CardProblem::AddonCountryNotListed { .. } => "addonCountryNotListed",
            CardProblem::AddonCountryTwice { .. } => "addonCountryTwice",
        }
    }
}

impl fmt::Display for CardProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CardProblem::Syntax { message } => f.write_str(message),
            CardProblem::NotAnId { text } => write!(
                f,
                "\"{}\" is not a valid id; use 1 to 64 lower-case letters, digits and dashes",
                quoted(text)
            ),
            CardProblem::Empty => f.write_str("must not be empty"),
            CardProblem::NotACurrency { text } => write!(
                f,
                "\"{}\" is not an ISO 4217 currency code (such as \"USD\" or \"EUR\")",
                quoted(text)
            ),
            CardProblem::NotADate { text } => write!(
                f,
                "\"{}\" is not a date; write it as YYYY-MM-DD, such as 2026-01-01",
                quoted(text)
            ),
            CardProblem::NotALanguage { text } => write!(
                f,
                "\"{}\" is not a language code; use a lowercase two-letter ISO 639-1 code \
                 such as \"de\"",
                quoted(text)
            ),
            CardProblem::TranslatedTwice => f.write_str("this language is translated twice"),
            CardProblem::SecondsOutOfRange { value } => {
                write!(f, "{value} seconds is out of range; use 1 to 3600")
            }
            CardProblem::UnknownRounding { text } => write!(
                f,
                "unknown rounding \"{}\"; use one of half_up, half_even, up, down",
                quoted(text)
            ),
            CardProblem::DecimalsOutOfRange { value } => write!(
                f,
                "{value} decimals is out of range; use 0 to {MAX_MONEY_DECIMALS}"
            ),
            CardProblem::NotADecimal { text } => write!(
                f,
                "\"{}\" is not a decimal number; write it like \"0.0280\"",
                quoted(text)
            ),
            CardProblem::Negative { text } => write!(
                f,
                "\"{}\" is negative; rates and prices must be 0 or more",
                quoted(text)
            ),
            CardProblem::TooManyDecimals { text, decimals } => write!(
                f,
                "\"{}\" has more decimals than the currency's {decimals} (billing.decimals)",
                quoted(text)
            ),
            CardProblem::PoolMinutesOutOfRange { value } => write!(
                f,
                "{value} minutes is out of range; use 0 to {MAX_POOL_MINUTES}"
            ),
            CardProblem::UnknownPoolBasis { text } => write!(
                f,
                "unknown pool basis \"{}\"; use assigned or purchased",
                quoted(text)
            ),
            CardProblem::NotAZone { text } => write!(
                f,
                "\"{}\" is not a zone name; use capital letters or digits, such as \"A\"",
                quoted(text)
            ),
            CardProblem::NoCountries => {
                f.write_str("the card lists no countries; add at least one [[countries]] entry")
            }
            CardProblem::NotACountryCode { text, in_capitals } => {
                write!(
                    f,
                    "\"{}\" is not an ISO 3166-1 alpha-2 country code",
                    quoted(text)
                )?;
                match in_capitals {
                    Some(upper) => write!(f, "; write it in capitals: \"{upper}\""),
                    None => Ok(()),
                }
            }
            CardProblem::CountryTwice { code, first } => write!(
                f,
                "country {code} is listed twice (first as countries[{first}])"
            ),
            CardProblem::AddonCountryNotListed { code } => write!(
                f,
                "add-on country {code} is not listed in `countries`; add a [[countries]] \
                 entry for it"
            ),
            CardProblem::AddonCountryTwice { code } => {
                write!(f, "add-on country {code} is listed twice")
            }
        }
    }
}
