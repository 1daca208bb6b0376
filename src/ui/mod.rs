//! The pricing widget. Its state, texts and share links are plain Rust (tested natively); the
//! Yew components (feature `widget`) run in the browser, and natively to prerender the page
//! (feature `ssr`).

pub mod app_state;
pub mod country_aliases;
pub mod csv;
pub mod embed;
pub mod format;
pub mod i18n;
pub mod markup;
pub mod pricing;
pub mod print_summary;

#[cfg(feature = "widget")]
pub mod app;
#[cfg(feature = "widget")]
mod browser;
#[cfg(feature = "widget")]
mod components;
#[cfg(all(target_arch = "wasm32", feature = "element"))]
mod element;
#[cfg(feature = "element")]
mod element_root;
#[cfg(feature = "widget")]
mod hooks;
#[cfg(feature = "widget")]
mod host_sync;
#[cfg(feature = "widget")]
mod lang_switch;
#[cfg(feature = "widget")]
mod lean_hooks;
#[cfg(feature = "widget")]
mod props;
#[cfg(feature = "widget")]
mod quote_words;
#[cfg(feature = "widget")]
mod usage_button;
#[cfg(all(
    target_arch = "wasm32",
    feature = "widget",
    not(feature = "usage-import")
))]
pub use app::mount;
#[cfg(all(target_arch = "wasm32", feature = "usage-import"))]
mod usage;
#[cfg(feature = "ssr")]
pub use app::prerender;
