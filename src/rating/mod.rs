//! The rating core: prices a meeting scenario under Teams Audio Conferencing pay-per-minute and
//! under the per-user licence, exactly, from a rate card kept as data.
//!
//! Pure and web-free: no IO, no clock, no browser types. Money is [`rust_decimal::Decimal`];
//! every public function returns a `Result` whose error reads as a sentence.
//!
//! ```
//! use ppm_pricing::rating::{quote, RateCard, Scenario, ScenarioDocument};
//!
//! let card = RateCard::from_toml_str(
//!     include_str!("../../rates/illustrative-usd.toml"),
//!     Some("illustrative-usd.toml"),
//! )?;
//! let doc: ScenarioDocument = serde_json::from_str(
//!     r#"{ "organisers": 1, "meetings": [ { "perMonth": 1, "minutes": 10,
//!          "legs": [ { "country": "DE", "call": "tollDialIn", "count": 1 } ] } ] }"#,
//! )?;
//! let q = quote(&card, &Scenario::from_document(&doc)?)?;
//! assert_eq!(q.per_user.monthly_total.to_string(), "4.00"); // one licence; toll dial-in included
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod amount;
pub mod break_even;
pub mod call;
pub mod card;
pub mod country;
pub mod credits;
pub mod curve;
pub mod error;
pub mod exact;
pub mod iso;
pub mod mix;
pub mod money;
pub mod pricing;
pub mod problem;
pub mod quote;
pub mod scenario;
pub mod usage;
pub mod warnings;

pub use break_even::{BreakEven, NoBreakEven};
pub use call::Call;
pub use card::{CardDocument, RateCard};
pub use country::CountryCode;
pub use curve::{cost_curve, Curve, CurveOptions, CurvePoint};
pub use error::{CardError, Error, ScenarioError};
pub use money::{Money, MoneyRule, Rate, Rounding};
pub use problem::{Field, Problem};
pub use quote::{break_even, monthly_totals, quote, unrounded_totals, Quote};
pub use scenario::{Scenario, ScenarioDocument};
