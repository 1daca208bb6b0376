//! The shapes the JS API and the `<ppm-pricing>` element hand to JavaScript besides the core's
//! own documents: a card's countries, the cost curve's options and the `ppm-quote` event's
//! detail. Plain serde types on every target, so that the TypeScript declarations are generated
//! from them (`cargo xtask codegen`, feature `ts`).

use serde::{Deserialize, Serialize};

use crate::rating::quote::Cheaper;
use crate::rating::{Money, Quote, ScenarioDocument};

/// Options of `costCurve`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "CurveOptions"))]
pub struct CurveOptionsInput {
    /// 2 to 201; default 41.
    #[cfg_attr(feature = "ts", ts(optional))]
    pub points: Option<usize>,
    /// Largest usage factor, above 0 and at most 1000; default max(2, 2 × break-even).
    #[cfg_attr(feature = "ts", ts(optional, type = "DecimalString"))]
    pub max_factor: Option<String>,
}

/// One country of a card with its per-minute rates (decimal strings; `null`: not offered).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "CountryRates"))]
pub struct CountryInfo {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// The dial-out pool zone, if any.
    pub zone: Option<String>,
    /// Toll dial-in rate.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString | null"))]
    pub toll_dial_in: Option<String>,
    /// Toll-free dial-in rate.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString | null"))]
    pub toll_free_dial_in: Option<String>,
    /// Dial-out rate.
    #[cfg_attr(feature = "ts", ts(type = "DecimalString | null"))]
    pub dial_out: Option<String>,
    /// Whether Communications Credits can be bought there.
    pub credits_available: bool,
    /// Whether Audio Conferencing is sold there.
    pub audio_conferencing_available: bool,
}

/// Both models' value of one figure.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "PpmPair"))]
pub struct Pair<'a> {
    /// Pay-per-minute.
    pub per_minute: &'a Money,
    /// Per-user licence.
    pub per_user: &'a Money,
}

/// The `detail` of a `ppm-quote` event (and the value of the element's `quote` property).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "PpmQuoteDetail"))]
pub struct QuoteDetail<'a> {
    /// ISO 4217 code of the card's currency.
    pub currency: &'a str,
    /// The rate card's id.
    pub card: &'a str,
    /// Monthly totals of both models.
    pub monthly: Pair<'a>,
    /// Yearly totals (12 × monthly).
    pub yearly: Pair<'a>,
    /// The cheaper model.
    pub cheaper: Cheaper,
    /// How much the cheaper model saves per month.
    pub savings_monthly: &'a Money,
    /// How much the cheaper model saves per year.
    pub savings_yearly: &'a Money,
    /// The scenario that was priced (the scenario JSON format).
    pub scenario: &'a ScenarioDocument,
    /// The full quote (the quote JSON format).
    pub quote: &'a Quote,
}
