//! A scenario as JSON: validated, quoted and drawn as a curve on the shipped cards; never a
//! panic, and every quote's totals are the sums of its lines.
#![no_main]
use libfuzzer_sys::fuzz_target;
use ppm_pricing::rating::{cost_curve, quote, CurveOptions, RateCard, Scenario, ScenarioDocument};

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = serde_json::from_slice::<ScenarioDocument>(data) else { return };
    let Ok(scenario) = Scenario::from_document(&doc) else { return };
    for text in [
        include_str!("../../rates/illustrative-usd.toml"),
        include_str!("../../tests/cards/small.toml"),
    ] {
        let card = RateCard::from_toml_str(text, None).expect("shipped cards are valid");
        if let Ok(q) = quote(&card, &scenario) {
            let sum = q
                .per_minute
                .lines
                .iter()
                .fold(rust_decimal::Decimal::ZERO, |a, l| a + l.amount.amount());
            assert_eq!(sum, q.per_minute.monthly_total.amount());
        }
        let _ = cost_curve(&card, &scenario, CurveOptions::default());
    }
});
