//! The documents' schemas as serde gives them, for the layers that must not write them again:
//! [`fields`] lists the keys a type reads (the JS API's unknown-key check), [`json_text`]
//! writes a document as JSON without a JSON library (the widget's downloads).

pub mod fields;
pub mod json_text;
#[cfg(feature = "ts")]
mod ts;
