//! The pricing widget. Its state, texts and share links are plain Rust (tested natively); the
//! Yew components and browser services are built for wasm32 only.

pub mod i18n;
pub mod share;
pub mod state;
