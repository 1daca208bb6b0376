//! What the usage-export tests share: the golden export and reading a result's legs.

use ppm_pricing::usage_export::{import_bytes, ImportOptions, Imported};
use serde_json::Value;

/// The hand-checked golden export (its computation is in `tests/usage_export.rs`).
pub const GOLDEN: &[u8] = include_bytes!("../usage/golden.csv");

/// The files imported with the default options.
pub fn import(files: &[(&str, &[u8])]) -> Imported {
    import_bytes(files, &ImportOptions::default()).unwrap()
}

/// The scenario's legs as (country, call, count, minutes) text.
pub fn legs(imported: &Imported) -> Vec<(String, String, String, String)> {
    let v = serde_json::to_value(&imported.scenario).unwrap();
    v["meetings"][0]["legs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let t = |k: &str| match &l[k] {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (t("country"), t("call"), t("count"), t("minutes"))
        })
        .collect()
}
