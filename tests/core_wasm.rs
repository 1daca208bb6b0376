//! The rating core and the form as the browser runs them: in WebAssembly, in Node
//! (`cargo xtask test` runs this file for wasm32 with the pinned wasm-bindgen test runner), and
//! natively as ordinary tests. The golden quotes (every `tests/golden` case, compiled in), the
//! scenario errors by kind, and the page's example form priced through the form module.

use wasm_bindgen_test::wasm_bindgen_test;

use ppm_pricing::api_error::ApiError;
use ppm_pricing::form::Form;
use ppm_pricing::lang::Lang;
use ppm_pricing::rating::card::CardDocument;
use ppm_pricing::rating::{quote, RateCard, Scenario, ScenarioDocument};
use ppm_pricing::registry::with_registry;

/// Every golden case: its name, `case.json` and `quote.json` (checked against the folder
/// natively, so a new case cannot be left out).
macro_rules! golden {
    ($($name:literal),* $(,)?) => {
        const CASES: &[(&str, &str, &str)] = &[$((
            $name,
            include_str!(concat!("golden/", $name, "/case.json")),
            include_str!(concat!("golden/", $name, "/quote.json")),
        )),*];
    };
}

golden!(
    "01-pool-not-used-up",
    "02-pool-overflow-several-zone-a",
    "03-non-zone-a-dial-out",
    "04-toll-free-both-models",
    "05-per-minute-increments",
    "06-per-second-increments",
    "07-minimum-charge",
    "08-connection-fees",
    "09-rounding-half-up",
    "10-rounding-half-even",
    "11-rounding-up",
    "12-rounding-down",
    "13-fractional-averages",
    "14-zero-usage",
    "15-us-canada-addon",
    "16-purchased-more-than-assigned-assigned-pool",
    "17-purchased-more-than-assigned-purchased-pool",
    "18-readme-example-shipped-usd-card",
    "19-credits-unavailable",
    "20-measured-leg-minutes",
);

/// The cards the golden cases name, by path.
const CARDS: &[(&str, &str)] = &[
    (
        "rates/illustrative-usd.toml",
        include_str!("../rates/illustrative-usd.toml"),
    ),
    (
        "tests/cards/connection-fee.toml",
        include_str!("cards/connection-fee.toml"),
    ),
    (
        "tests/cards/per-second.toml",
        include_str!("cards/per-second.toml"),
    ),
    (
        "tests/cards/round-down.toml",
        include_str!("cards/round-down.toml"),
    ),
    (
        "tests/cards/round-half-even.toml",
        include_str!("cards/round-half-even.toml"),
    ),
    (
        "tests/cards/round-half-up.toml",
        include_str!("cards/round-half-up.toml"),
    ),
    (
        "tests/cards/round-up.toml",
        include_str!("cards/round-up.toml"),
    ),
    (
        "tests/cards/small-purchased.toml",
        include_str!("cards/small-purchased.toml"),
    ),
    ("tests/cards/small.toml", include_str!("cards/small.toml")),
];

/// A golden case priced here: the whole quote must equal its `quote.json` (whose figures
/// `tests/golden.rs` checks against each case's hand computation).
fn run_case(name: &str, case: &str, expected: &str) -> Result<(), String> {
    let case: serde_json::Value = serde_json::from_str(case).map_err(|e| e.to_string())?;
    let path = case["card"].as_str().ok_or("no card")?;
    let (_, text) = CARDS
        .iter()
        .find(|(p, _)| *p == path)
        .ok_or_else(|| format!("{name}: card {path} is not compiled in"))?;
    // The card is read as a document and validated by the core (its TOML reader is a native
    // convenience; the browser receives cards as data).
    let doc: CardDocument = toml::from_str(text).map_err(|e| e.to_string())?;
    let card = RateCard::from_document(doc).map_err(|e| e.to_string())?;
    let scenario: ScenarioDocument =
        serde_json::from_value(case["scenario"].clone()).map_err(|e| e.to_string())?;
    let scenario = Scenario::from_document(&scenario).map_err(|e| e.to_string())?;
    let q = quote(&card, &scenario).map_err(|e| e.to_string())?;
    let got = serde_json::to_value(&q).map_err(|e| e.to_string())?;
    let want: serde_json::Value = serde_json::from_str(expected).map_err(|e| e.to_string())?;
    if got == want {
        Ok(())
    } else {
        Err(format!("{name}: the quote differs from quote.json"))
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn every_golden_quote() {
    let failures: Vec<String> = CASES
        .iter()
        .filter_map(|(name, case, quote)| run_case(name, case, quote).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[wasm_bindgen_test(unsupported = test)]
fn scenario_problems_keep_their_kind_and_field() {
    let doc: ScenarioDocument = serde_json::from_str(
        r#"{ "organisers": 1, "meetings": [ { "perMonth": 1, "minutes": -5 } ] }"#,
    )
    .unwrap();
    let e: ApiError = Scenario::from_document(&doc).unwrap_err().into();
    assert_eq!(e.code(), "negative");
    assert_eq!(e.field().as_deref(), Some("meetings[0].minutes"));
}

/// The page's example through the form module and the built-in card, as the widget prices it:
/// 146.16 pay-per-minute, 221.60 per user (worked out in `src/ui/app_state_tests.rs`).
#[wasm_bindgen_test(unsupported = test)]
fn the_example_form_prices_as_on_the_page() {
    let form = Form::example("illustrative-usd", Lang::De);
    let scenario = Scenario::from_document(&form.scenario()).unwrap();
    let q = with_registry(|r| {
        let card = r.get(Some("illustrative-usd"))?;
        Ok::<_, ApiError>(quote(card, &scenario)?)
    })
    .unwrap();
    assert_eq!(q.per_minute.monthly_total.to_string(), "146.16");
    assert_eq!(q.per_user.monthly_total.to_string(), "221.60");
}

/// Natively only: the list of golden cases above is the folder's.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn every_golden_case_is_compiled_in() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let listed: Vec<String> = CASES.iter().map(|(n, _, _)| n.to_string()).collect();
    assert_eq!(listed, on_disk);
}
