//! The pricing widget. Its state, texts and share links are plain Rust (tested natively); the
//! Yew components and browser services are built for wasm32 only.

pub mod csv;
pub mod embed;
pub mod i18n;
pub mod share;
pub mod state;

#[cfg(all(target_arch = "wasm32", feature = "widget"))]
mod app;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
mod browser;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
mod components;
#[cfg(all(target_arch = "wasm32", feature = "element"))]
mod element;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub use app::mount;
