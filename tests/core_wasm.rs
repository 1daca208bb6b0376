//! The rating core and the form as the browser runs them: in WebAssembly, in Node
//! (`cargo xtask test` runs this file for wasm32 with the pinned wasm-bindgen test runner), and
//! natively as ordinary tests. The golden quotes (every `tests/golden` case, compiled in), the
//! scenario errors by kind, the page's example form priced through the form module, and old
//! share links.

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

/// Old share links (versions 1 and 2, from before measured usage and before the language was
/// a choice) still open and price as they did: 3 organisers, 20 meetings a month of 15 min
/// with 2 toll dial-ins from Germany (v1 as groups; v2 as 10 participants, 20 % by phone, all
/// from Germany, all toll). 2 x 20 x 15 = 600 min x 0.0220 = 13.20 per minute; per user 3
/// licences x 4.00 = 12.00 (toll dial-in included).
#[wasm_bindgen_test(unsupported = test)]
fn old_share_links_still_open_and_price_the_same() {
    for link in [
        "v1&card=illustrative-usd&o=3&l=&a=0&lang=en&m=Daily~20~15~DE.t.2%2CUS.a.1",
        "v2&card=illustrative-usd&o=3&l=&a=0&lang=de&m=Daily~20~15~s~10~20~DE%3A100%3A100%3A0%3A0~",
    ] {
        let (form, _) = ppm_pricing::form::link::decode(link).unwrap();
        let reading = form.read();
        assert!(
            reading.problems.is_empty(),
            "{link}: {:?}",
            reading.problems
        );
        let scenario = Scenario::from_document(&reading.scenario).unwrap();
        let q = with_registry(|r| {
            let card = r.get(Some(&form.card_id))?;
            Ok::<_, ApiError>(quote(card, &scenario)?)
        })
        .unwrap();
        assert_eq!(q.per_minute.monthly_total.to_string(), "13.20", "{link}");
        assert_eq!(q.per_user.monthly_total.to_string(), "12.00", "{link}");
    }
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
