//! ppm-pricing: what Microsoft Teams Audio Conferencing costs under pay-per-minute versus the
//! per-user Audio Conferencing licence.
//!
//! - [`rating`]: the pure rating core (rate cards, scenarios, quotes), native and WASM alike.
//! - [`import`]: turning vendors' CSV rate sheets into rate cards (native only).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
#![warn(missing_docs)]

#[cfg(not(target_arch = "wasm32"))]
pub mod import;
pub mod rating;
