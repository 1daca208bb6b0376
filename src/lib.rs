//! ppm-pricing: what Microsoft Teams Audio Conferencing costs under pay-per-minute versus the
//! per-user Audio Conferencing licence.
//!
//! - [`rating`]: the pure rating core (rate cards, scenarios, quotes), native and WASM alike.
//! - [`import`]: turning vendors' CSV rate sheets into rate cards (feature `cli`).
//! - [`shipped`]: the cards of `rates/`, compiled in as data.
//! - [`schema`]: the documents' key lists and JSON text, from their serde types.
//! - `api`: the JavaScript API over the core (wasm32, feature `api`); [`api_error`]: its errors
//!   as kinds with stable codes (every target).
//! - [`usage_export`]: the Teams PSTN usage export turned into a scenario of real calls.
//! - [`form`]: the estimate's form as typed, its reading into a scenario, edits and share
//!   links (the widget's domain model, free of Yew).
//! - [`lang`]: the page languages (a leaf every layer may name).
//! - [`plain`]: plain data read from JavaScript, and the document types read from it.
//! - [`small_blocks`]: the widget's allocator of small blocks (in front of `lol_alloc`).
//! - [`ui`]: the pricing widget (its Yew part: wasm32, feature `widget`).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
#![warn(missing_docs)]

#[cfg(all(target_arch = "wasm32", feature = "api"))]
pub mod api;
pub mod api_error;
pub mod api_types;
#[cfg(all(target_arch = "wasm32", any(feature = "api", feature = "element")))]
pub mod js_value;
pub mod json_syntax;

/// The widget bundle's allocator: a small free-list allocator instead of dlmalloc (the page's
/// WASM runs on one thread), with the small blocks in lists per size in front of it
/// ([`small_blocks`]: its one list, walked on every allocation and free, had grown long in large
/// scenarios). Not in the usage import's module: there the free list grows with the organisers
/// it keeps (a year of 10,000 organisers took 6.5 s instead of 2.9 to import, and 4 s for the
/// licence mix); dlmalloc's bins stay fast.
#[cfg(all(
    target_arch = "wasm32",
    feature = "widget",
    not(feature = "usage-import")
))]
#[global_allocator]
// SAFETY: the widget's WASM module is single-threaded (no wasm threads are enabled).
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<
    small_blocks::SmallBlocks<lol_alloc::FreeListAllocator>,
> = unsafe {
    lol_alloc::AssumeSingleThreaded::new(small_blocks::SmallBlocks::new(
        lol_alloc::FreeListAllocator::new(),
    ))
};
pub mod country_names;
pub mod form;
#[cfg(feature = "cli")]
pub mod import;
pub mod lang;
pub mod plain;
pub mod rating;
pub mod registry;
pub mod schema;
pub mod shipped;
pub mod small_blocks;
pub mod ui;
pub mod usage_export;
