//! The licence mix (`spec/rating.md` §5): which organisers should hold the per-user licence
//! and which are cheaper on pay-per-minute, from each organiser's own calls.
//!
//! A split is the set `L` of licensed organisers. Its monthly total is the per-user total of
//! `L`'s calls (`organisers = licences = |L|`) plus the pay-per-minute total of everyone
//! else's calls (`organisers` = their number, at least 1 when they have calls), each priced
//! by the core exactly as a quote prices a scenario ([`super::pricing::price_usage`], lines
//! rounded once). The calls no organiser is named for are always on pay-per-minute.
//!
//! Up to [`EXHAUSTIVE_UP_TO`] organisers every split is priced; beyond, a search whose
//! result is never worse than all-licence, all-pay-per-minute or any split that licenses the
//! `k` organisers with the largest stand-alone saving, with a bound on its distance to the
//! minimum (DESIGN.md, "Which organisers should hold a licence?").
//!
//! ```
//! use ppm_pricing::rating::mix::{recommend, CallCount, MixInput, OrganiserCalls, Steps};
//! use ppm_pricing::rating::{Call, CountryCode, RateCard};
//! let card = RateCard::from_toml_str(
//!     include_str!("../../../rates/illustrative-usd.toml"), None)?;
//! let de = CountryCode::parse("DE").unwrap();
//! // One host with 300 one-minute German toll dial-ins a month, one with a single call.
//! let calls = |legs| OrganiserCalls { counts: vec![CallCount {
//!     call: Call::TollDialIn, country: de, legs, billable_seconds: 60 * legs }] };
//! let input = MixInput {
//!     organisers: vec![calls(300), calls(1)],
//!     unnamed: OrganiserCalls::default(),
//!     per_month: 1.into(),
//!     steps: Steps::of(&card),
//!     us_canada_addon: false,
//! };
//! let mix = recommend(&card, &input)?;
//! assert_eq!(mix.licensed, vec![true, false]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod bound;
mod figures;
mod search;
mod split;
#[cfg(test)]
mod tests;

use std::fmt;

use rust_decimal::Decimal;

use super::call::Call;
use super::card::RateCard;
use super::country::CountryCode;
use super::error::Error;
use super::money::Money;

pub use figures::OrganiserFigures;
pub use search::recommend;
pub use split::{SplitTable, SplitTotal};

/// Up to this many organisers, the recommendation is the minimum over every split.
pub const EXHAUSTIVE_UP_TO: usize = 20;

/// The most organisers a mix is computed for.
pub const MAX_MIX_ORGANISERS: usize = 200_000;

/// The most legs of one organiser's line in the period (a year of calls every second).
pub const MAX_COUNTED_LEGS: u64 = 1 << 40;

/// How a card bills a leg's time: `max(minimum, ceil(s / increment) × increment)` for a leg
/// of `s > 0` seconds. Calls are counted in billable seconds with the steps of one card;
/// a card with other steps needs them counted again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Steps {
    /// Per-leg time increment in seconds.
    pub increment_seconds: u32,
    /// Minimum billable seconds of a leg.
    pub minimum_seconds: u32,
}

impl Steps {
    /// The steps of `card`.
    pub fn of(card: &RateCard) -> Steps {
        let b = card.billing();
        Steps {
            increment_seconds: b.increment_seconds,
            minimum_seconds: b.minimum_seconds,
        }
    }

    /// The billable seconds of one leg of `seconds` whole seconds: 0 for 0 s, otherwise
    /// `max(minimum, ceil(seconds / increment) × increment)`. Equal to the core's billing of
    /// a leg whose own minutes are `seconds / 60` cut to 6 decimals (tested for every length
    /// up to 30 hours).
    pub fn billable(&self, seconds: u32) -> u64 {
        if seconds == 0 {
            return 0;
        }
        let inc = u64::from(self.increment_seconds.max(1));
        let steps = u64::from(seconds).div_ceil(inc);
        (steps * inc).max(u64::from(self.minimum_seconds))
    }
}

impl Default for Steps {
    /// Whole minutes with a one-minute minimum (the shipped cards' steps).
    fn default() -> Self {
        Steps {
            increment_seconds: 60,
            minimum_seconds: 60,
        }
    }
}

/// Calls of one way of joining to one country, counted over the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallCount {
    /// Way of joining.
    pub call: Call,
    /// Country.
    pub country: CountryCode,
    /// Legs that lasted more than 0 s.
    pub legs: u64,
    /// Their billable seconds added up ([`Steps::billable`] of each).
    pub billable_seconds: u64,
}

/// One organiser's calls over the period (or those no organiser is named for).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrganiserCalls {
    /// Per way of joining and country.
    pub counts: Vec<CallCount>,
}

/// What a licence mix is computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MixInput {
    /// The named organisers' calls, in a fixed order (results refer to them by position).
    pub organisers: Vec<OrganiserCalls>,
    /// Calls no organiser is named for: always priced pay-per-minute.
    pub unnamed: OrganiserCalls,
    /// Calls of the period per month (the import's month factor).
    pub per_month: Decimal,
    /// The steps the billable seconds were counted with.
    pub steps: Steps,
    /// Whether the US/Canada add-on is bought (in both parts).
    pub us_canada_addon: bool,
}

/// How the recommendation was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Every split was priced: the recommendation is the minimum.
    Exhaustive {
        /// Splits priced (2^n).
        splits: u64,
    },
    /// A search; the minimum is at most `gap_bound` below the recommendation.
    Search {
        /// Splits priced.
        splits: u64,
        /// An upper bound on recommended − minimum (DESIGN.md).
        gap_bound: Money,
    },
}

/// The recommended split with the single-offer totals and each organiser's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mix {
    /// For each organiser of the input, whether the recommendation licenses them.
    pub licensed: Vec<bool>,
    /// The recommendation's totals.
    pub recommended: SplitTotal,
    /// Everyone licensed.
    pub all_licence: SplitTotal,
    /// No one licensed.
    pub all_per_minute: SplitTotal,
    /// The recommendation's saving a month against the better single-offer total (≥ 0).
    pub savings_monthly: Money,
    /// How it was found.
    pub method: Method,
    /// Each organiser's own usage and what the licence is worth to them, in input order.
    pub organisers: Vec<OrganiserFigures>,
}

/// Why a licence mix cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MixError {
    /// The calls were counted with other steps than the card bills in.
    OtherSteps {
        /// The steps counted.
        counted: Steps,
        /// The card's.
        card: Steps,
    },
    /// More organisers than a mix is computed for.
    TooManyOrganisers {
        /// Organisers given.
        organisers: usize,
    },
    /// A count out of range (legs above [`MAX_COUNTED_LEGS`], or billable seconds that do
    /// not fit the legs and the longest leg).
    CountOutOfRange {
        /// Way of joining.
        call: Call,
        /// Country.
        country: CountryCode,
    },
    /// A negative or absurd month factor.
    PerMonth {
        /// The factor given.
        factor: Decimal,
    },
    /// The card cannot price a part (a country or call type it lacks, an overflow).
    Rating(Error),
}

impl fmt::Display for MixError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let steps = |s: &Steps| {
            format!(
                "{}-second steps with a {}-second minimum",
                s.increment_seconds, s.minimum_seconds
            )
        };
        match self {
            MixError::OtherSteps { counted, card } => write!(
                f,
                "the calls were counted in {}, but this card bills in {}; import the export \
                 again with this card",
                steps(counted),
                steps(card)
            ),
            MixError::TooManyOrganisers { organisers } => write!(
                f,
                "{organisers} organisers are more than a licence mix is computed for \
                 ({MAX_MIX_ORGANISERS})"
            ),
            MixError::CountOutOfRange { call, country } => write!(
                f,
                "the {} calls of {} are more than a mix counts",
                call.describe(),
                country.as_str()
            ),
            MixError::PerMonth { factor } => write!(
                f,
                "{factor} calls a month for each call of the period is out of range (0 to \
                 1,000,000)"
            ),
            MixError::Rating(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for MixError {}

impl From<Error> for MixError {
    fn from(e: Error) -> Self {
        MixError::Rating(e)
    }
}

impl From<super::money::Overflow> for MixError {
    fn from(e: super::money::Overflow) -> Self {
        MixError::Rating(e.into())
    }
}
