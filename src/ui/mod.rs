//! The pricing widget. Its state, texts and share links are plain Rust (tested natively); the
//! Yew components and browser services are built for wasm32 only.

pub mod csv;
pub mod i18n;
pub mod share;
pub mod state;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
pub use app::mount;
