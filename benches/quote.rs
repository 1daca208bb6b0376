//! `cargo bench --bench quote`: how fast the core prices a scenario.
//!
//! - `quote/default`: the README scenario (4 leg groups).
//! - `quote/large`: 5 meeting profiles × 30 countries × 4 call types (600 leg groups) on the
//!   shipped USD card.
//! - `quote/spread`: the same 30 countries × 4 call types spread over 5 profiles, each
//!   (country, call) pair in one profile only (120 leg groups, 120 lines).
//! - `validate+quote/large`: the same including scenario validation (what the JS API does on
//!   every edit).
//! - `card/parse-toml`: loading and validating the shipped USD card (done once).
//!
//! Criterion prints the time per iteration; quotes per second = 1 / time.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use ppm_pricing::rating::scenario::{Amount, LegDocument, MeetingDocument};
use ppm_pricing::rating::{quote, Call, RateCard, Scenario, ScenarioDocument};
use rust_decimal::Decimal;

const USD: &str = include_str!("../rates/illustrative-usd.toml");

fn large_scenario(card: &RateCard) -> ScenarioDocument {
    // 30 countries with toll, toll-free and dial-out rates.
    let countries: Vec<String> = card
        .countries()
        .filter(|(_, r)| {
            [Call::TollDialIn, Call::TollFreeDialIn, Call::DialOut]
                .iter()
                .all(|c| r.rate(*c).is_some())
        })
        .take(30)
        .map(|(c, _)| c.to_string())
        .collect();
    assert_eq!(countries.len(), 30);
    let meetings = (0..5)
        .map(|i| MeetingDocument {
            name: format!("Profile {i}"),
            per_month: Amount::Number(Decimal::new(4 + i, 0)),
            minutes: Amount::Number(Decimal::new(305 + 100 * i, 1)),
            legs: countries
                .iter()
                .flat_map(|c| {
                    Call::ALL.map(|call| LegDocument {
                        country: c.clone(),
                        call: call.as_word().to_string(),
                        count: Amount::Number(Decimal::new(15, 1)),
                        minutes: None,
                    })
                })
                .collect(),
        })
        .collect();
    ScenarioDocument {
        organisers: Amount::from_int(40),
        licences_purchased: Some(Amount::from_int(50)),
        us_canada_addon: true,
        organisation_country: None,
        meetings,
        card: None,
    }
}

/// The 120 (country, call) pairs of the large scenario, dealt out over its 5 profiles.
fn spread_scenario(large: &ScenarioDocument) -> ScenarioDocument {
    let mut doc = large.clone();
    for (i, m) in doc.meetings.iter_mut().enumerate() {
        m.legs = m.legs.iter().skip(i).step_by(5).cloned().collect();
    }
    doc
}

fn bench(c: &mut Criterion) {
    let card = RateCard::from_toml_str(USD, None).expect("shipped card");
    let default: ScenarioDocument =
        serde_json::from_str(include_str!("../examples/scenario.json")).expect("example");
    let default = Scenario::from_document(&default).expect("valid");
    let large_doc = large_scenario(&card);
    let large = Scenario::from_document(&large_doc).expect("valid");
    let spread = Scenario::from_document(&spread_scenario(&large_doc)).expect("valid");

    c.bench_function("quote/default", |b| {
        b.iter(|| quote(black_box(&card), black_box(&default)))
    });
    c.bench_function("quote/large", |b| {
        b.iter(|| quote(black_box(&card), black_box(&large)))
    });
    c.bench_function("quote/spread", |b| {
        b.iter(|| quote(black_box(&card), black_box(&spread)))
    });
    c.bench_function("validate+quote/large", |b| {
        b.iter(|| {
            let s = Scenario::from_document(black_box(&large_doc)).expect("valid");
            quote(&card, &s)
        })
    });
    c.bench_function("card/parse-toml", |b| {
        b.iter(|| RateCard::from_toml_str(black_box(USD), None))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
