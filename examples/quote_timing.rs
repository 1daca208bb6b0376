//! Native quote and cost-curve times for the performance report (`cargo xtask perf` runs
//! `cargo run --release --example quote_timing`): the README scenario and the large one
//! (`tests/data/large-scenario.json`: 5 profiles × 30 countries × 4 ways of joining) on the
//! shipped USD card. Prints the median of 15 batches in microseconds; no assertions.

use std::hint::black_box;
use std::time::Instant;

use ppm_pricing::rating::{cost_curve, quote, CurveOptions, RateCard, Scenario, ScenarioDocument};

const USD: &str = include_str!("../rates/illustrative-usd.toml");

/// Median time of one call of `f`, in microseconds, over 15 batches of `n` calls.
fn micros(n: u32, mut f: impl FnMut()) -> f64 {
    let mut batches: Vec<f64> = (0..15)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..n {
                f();
            }
            t.elapsed().as_secs_f64() * 1e6 / f64::from(n)
        })
        .collect();
    batches.sort_by(f64::total_cmp);
    batches[batches.len() / 2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let card = RateCard::from_toml_str(USD, None)?;
    for (name, json) in [
        ("default", include_str!("scenario.json")),
        ("large", include_str!("../tests/data/large-scenario.json")),
    ] {
        let doc: ScenarioDocument = serde_json::from_str(json)?;
        let scenario = Scenario::from_document(&doc)?;
        quote(&card, &scenario)?;
        let q = micros(400, || {
            let _ = black_box(quote(black_box(&card), black_box(&scenario)));
        });
        let v = micros(200, || {
            let s = Scenario::from_document(black_box(&doc));
            let _ = black_box(s.map(|s| quote(&card, &s)));
        });
        let c = micros(40, || {
            let _ = black_box(cost_curve(&card, &scenario, CurveOptions::default()));
        });
        println!("native {name:<8} quote {q:>9.1} µs   validate+quote {v:>9.1} µs   41-point curve {c:>9.1} µs");
    }
    Ok(())
}
