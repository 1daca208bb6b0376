//! A rate card as JSON (what a partner's page loads), then a quote on it: never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use ppm_pricing::rating::{quote, RateCard, Scenario, ScenarioDocument};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(card) = RateCard::from_json_str(text, None) {
            let doc: ScenarioDocument = serde_json::from_str(include_str!("../../examples/scenario.json"))
                .expect("the example scenario is valid JSON");
            if let Ok(s) = Scenario::from_document(&doc) {
                let _ = quote(&card, &s);
            }
        }
    }
});
