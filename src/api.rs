//! The JavaScript API (wasm32 only): thin `wasm-bindgen` exports over the rating core. Data
//! crosses as plain objects through `serde-wasm-bindgen` (JSON-compatible: camelCase names,
//! money as decimal strings); every failure is thrown as a JS `Error` whose message is the
//! core's sentence. No arithmetic here.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::rating::{self, CardDocument, CurveOptions, Scenario, ScenarioDocument};
use crate::registry::CardRegistry;

thread_local! {
    static REGISTRY: RefCell<Option<CardRegistry>> = const { RefCell::new(None) };
}

/// Runs `f` with the card registry, creating it on first use.
pub(crate) fn with_registry<T>(
    f: impl FnOnce(&mut CardRegistry) -> Result<T, String>,
) -> Result<T, String> {
    REGISTRY.with(|cell| {
        let mut slot = cell
            .try_borrow_mut()
            .map_err(|_| "the rate cards are busy; try again".to_string())?;
        if slot.is_none() {
            *slot = Some(CardRegistry::new().map_err(|e| e.to_string())?);
        }
        match slot.as_mut() {
            Some(registry) => f(registry),
            None => Err("the rate cards could not be loaded".to_string()),
        }
    })
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

fn scenario_from(value: JsValue) -> Result<Scenario, String> {
    let doc: ScenarioDocument =
        serde_wasm_bindgen::from_value(value).map_err(|e| format!("scenario: {e}"))?;
    Scenario::from_document(&doc).map_err(|e| e.to_string())
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("api.d.ts");

/// Prices a scenario with a card (the default card when `cardId` is omitted).
#[wasm_bindgen(js_name = quote, unchecked_return_type = "Quote")]
pub fn quote(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(js_name = cardId)] card_id: Option<String>,
) -> Result<JsValue, JsError> {
    let q = with_registry(|r| {
        let card = r.get(card_id.as_deref())?;
        let s = scenario_from(scenario)?;
        rating::quote(card, &s).map_err(|e| e.to_string())
    })
    .map_err(|e| JsError::new(&e))?;
    to_js(&q)
}

/// Options of `costCurve`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CurveOptionsInput {
    points: Option<usize>,
    max_factor: Option<String>,
}

/// Both models' monthly totals at evenly spaced usage factors (for the chart).
#[wasm_bindgen(js_name = costCurve, unchecked_return_type = "Curve")]
pub fn cost_curve(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(js_name = cardId)] card_id: Option<String>,
    #[wasm_bindgen(unchecked_param_type = "CurveOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let input: CurveOptionsInput = if options.is_undefined() || options.is_null() {
        CurveOptionsInput::default()
    } else {
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| JsError::new(&format!("curve options: {e}")))?
    };
    let mut opts = CurveOptions::default();
    if let Some(p) = input.points {
        opts.points = p;
    }
    if let Some(m) = input.max_factor {
        opts.max_factor = Some(m.parse().map_err(|_| {
            JsError::new(&format!("curve options: maxFactor \"{m}\" is not a number"))
        })?);
    }
    let curve = with_registry(|r| {
        let card = r.get(card_id.as_deref())?;
        let s = scenario_from(scenario)?;
        rating::cost_curve(card, &s, opts).map_err(|e| e.to_string())
    })
    .map_err(|e| JsError::new(&e))?;
    to_js(&curve)
}

/// The available rate cards (shipped and registered).
#[wasm_bindgen(js_name = rateCards, unchecked_return_type = "RateCardInfo[]")]
pub fn rate_cards() -> Result<JsValue, JsError> {
    let list = with_registry(|r| Ok(r.list())).map_err(|e| JsError::new(&e))?;
    to_js(&list)
}

/// One country of a card, for pickers.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CountryInfo {
    code: String,
    zone: Option<String>,
    toll_dial_in: Option<String>,
    toll_free_dial_in: Option<String>,
    dial_out: Option<String>,
    credits_available: bool,
}

/// The countries of a card with their per-minute rates (decimal strings; `null`: not offered).
#[wasm_bindgen(unchecked_return_type = "CountryRates[]")]
pub fn countries(
    #[wasm_bindgen(js_name = cardId)] card_id: Option<String>,
) -> Result<JsValue, JsError> {
    let list = with_registry(|r| {
        let card = r.get(card_id.as_deref())?;
        Ok(card
            .countries()
            .map(|(code, rates)| CountryInfo {
                code: code.to_string(),
                zone: rates.zone.clone(),
                toll_dial_in: rates.toll_dial_in.map(|r| r.to_string()),
                toll_free_dial_in: rates.toll_free_dial_in.map(|r| r.to_string()),
                dial_out: rates.dial_out.map(|r| r.to_string()),
                credits_available: rates.credits_available,
            })
            .collect::<Vec<_>>())
    })
    .map_err(|e| JsError::new(&e))?;
    to_js(&list)
}

/// Validates a partner's rate card (the JSON schema of `ppm convert`, as JSON text or as an
/// object) and registers it for `quote(…, id)`. Returns the card's summary.
#[wasm_bindgen(js_name = loadRateCard, unchecked_return_type = "RateCardInfo")]
pub fn load_rate_card(
    #[wasm_bindgen(unchecked_param_type = "string | RateCardDocument")] card: JsValue,
) -> Result<JsValue, JsError> {
    // JSON text is parsed by the browser's own JSON.parse, not by a parser in the WASM.
    let value = match card.as_string() {
        Some(text) => js_sys::JSON::parse(&text).map_err(|e| {
            let detail = js_sys::Error::from(e).message();
            JsError::new(&format!(
                "rate card: not valid JSON: {}",
                String::from(detail)
            ))
        })?,
        None => card,
    };
    let doc: CardDocument = serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("rate card: {e}")))?;
    let info = with_registry(|r| r.register(doc)).map_err(|e| JsError::new(&e))?;
    to_js(&info)
}
