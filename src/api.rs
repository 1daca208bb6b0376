//! The JavaScript API (wasm32 only): thin `wasm-bindgen` exports over the rating core. Data
//! crosses as plain objects: read once into Rust data (`js_value.rs`, `plain.rs`), written
//! through `serde-wasm-bindgen` (JSON-compatible: camelCase names, money as decimal strings).
//! Every failure is thrown as a JS `Error` whose message is the core's sentence, with a stable
//! `code`, the `field` it concerns and, for a card, the card problem's code (`api_error`). No
//! arithmetic here.

use rust_decimal::Decimal;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::api_error::{ApiError, ValueProblem};
use crate::api_types::{CountryInfo, CurveOptionsInput};
use crate::js_value::{js_error, parse_json, plain_copy};
use crate::plain::{from_plain, Plain, PlainError};
use crate::rating::{self, card, CardDocument, CurveOptions, Scenario, ScenarioDocument};
use crate::registry::with_registry;
use crate::schema::fields::fields;

/// The keys each object of a document may have: unknown keys (typos) are caught here, before
/// deserializing, with the path and the keys that would do.
/// The key lists are asked of the serde types themselves ([`fields`]); only which key holds
/// which nested shape is written here.
struct Shape {
    keys: fn() -> &'static [&'static str],
    children: &'static [(&'static str, &'static Shape)],
    /// For maps (a card's translations): any key, each value of this shape.
    each: Option<&'static Shape>,
}

/// A shape whose objects have no nested shapes.
const fn flat(keys: fn() -> &'static [&'static str]) -> Shape {
    Shape {
        keys,
        children: &[],
        each: None,
    }
}

const LEG: Shape = flat(fields::<rating::scenario::LegDocument>);
const MEETING: Shape = Shape {
    keys: fields::<rating::scenario::MeetingDocument>,
    children: &[("legs", &LEG)],
    each: None,
};
const SCENARIO: Shape = Shape {
    keys: fields::<ScenarioDocument>,
    children: &[("meetings", &MEETING)],
    each: None,
};
const ADDON: Shape = flat(fields::<card::AddonDocument>);
const ADDONS: Shape = Shape {
    keys: fields::<card::AddonsDocument>,
    children: &[("us_canada_dial_out", &ADDON)],
    each: None,
};
const BILLING: Shape = flat(fields::<card::BillingDocument>);
const LICENCE: Shape = flat(fields::<card::LicenceDocument>);
const CREDITS: Shape = flat(fields::<card::CreditsDocument>);
const COUNTRY: Shape = flat(fields::<card::CountryDocument>);
const TRANSLATION: Shape = flat(fields::<card::TranslationDocument>);
const TRANSLATIONS: Shape = Shape {
    keys: || &[],
    children: &[],
    each: Some(&TRANSLATION),
};
const CARD: Shape = Shape {
    keys: fields::<CardDocument>,
    children: &[
        ("billing", &BILLING),
        ("licence", &LICENCE),
        ("credits", &CREDITS),
        ("addons", &ADDONS),
        ("countries", &COUNTRY),
        ("translations", &TRANSLATIONS),
    ],
    each: None,
};
const CURVE_OPTIONS: Shape = flat(fields::<CurveOptionsInput>);

/// Checks an object (or each object of an array) against a shape; the error names the path.
fn check_keys(value: &Plain, shape: &Shape, path: &str) -> Result<(), ValueProblem> {
    let entries = match value {
        Plain::List(items) => {
            for (i, item) in items.iter().enumerate() {
                check_keys(item, shape, &format!("{path}[{i}]"))?;
            }
            return Ok(());
        }
        Plain::Object(entries) => entries,
        _ => return Ok(()), // wrong types are reported by deserialization
    };
    for (key, inner) in entries {
        if let Some(each) = shape.each {
            check_keys(inner, each, &format!("{path}.{key}"))?;
            continue;
        }
        let keys = (shape.keys)();
        if !keys.contains(&key.as_str()) {
            return Err(ValueProblem::UnknownField {
                at: path.to_string(),
                key: key.clone(),
                expected: keys,
            });
        }
        if let Some((_, child)) = shape.children.iter().find(|(k, _)| k == key) {
            let sub = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            check_keys(inner, child, &sub)?;
        }
    }
    Ok(())
}

/// A value of the wrong type, said with where it is (`meetings[0].count`) and what it is.
pub(crate) fn shape_error(what: &'static str, e: PlainError) -> ApiError {
    let detail = crate::rating::problem::cut(&e.message, 200);
    ApiError::value(what, ValueProblem::WrongType { at: e.path, detail })
}

/// A scenario object from JavaScript as a document, its keys and types checked (not yet its
/// values). Also used by the embedded widget for presets.
pub(crate) fn scenario_document(value: Plain) -> Result<ScenarioDocument, ApiError> {
    if !matches!(value, Plain::Object(_)) {
        return Err(ApiError::value(
            "scenario",
            ValueProblem::NotAnObject {
                expected: "an object such as { organisers: 10, meetings: [] }",
            },
        ));
    }
    check_keys(&value, &SCENARIO, "").map_err(|p| ApiError::value("scenario", p))?;
    from_plain(&value).map_err(|e| shape_error("scenario", e))
}

/// A scenario from JavaScript, validated, with the card it names (`card`, rating.md §2).
fn scenario_from(value: JsValue) -> Result<(Scenario, Option<String>), ApiError> {
    let doc = scenario_document(plain_copy(&value, "scenario")?)?;
    let scenario = Scenario::from_document(&doc)?;
    Ok((scenario, doc.card))
}

/// What the API's functions throw: a JavaScript `Error` with `code`, `field` and `problem`.
fn thrown(e: ApiError) -> JsValue {
    js_error(&e)
}

/// A result as JavaScript data (JSON-compatible: money as decimal strings).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()).into())
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("api.d.ts");

/// Prices a scenario with a card: `cardId`, else the scenario's own `card`, else the default.
#[wasm_bindgen(js_name = quote, unchecked_return_type = "Quote")]
pub fn quote(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(js_name = cardId)] card_id: Option<String>,
) -> Result<JsValue, JsValue> {
    // The JavaScript value is read before the registry is borrowed (see `js_value`).
    let (s, own_card) = scenario_from(scenario).map_err(thrown)?;
    let q = with_registry(|r| {
        // A card given explicitly wins over the scenario's own.
        let card = r.get(card_id.as_deref().or(own_card.as_deref()))?;
        Ok::<_, ApiError>(rating::quote(card, &s)?)
    })
    .map_err(thrown)?;
    to_js(&q)
}

/// The curve options from JavaScript, checked like a scenario.
fn curve_options(options: Option<js_sys::Object>) -> Result<CurveOptions, ApiError> {
    const WHAT: &str = "curve options";
    let input: CurveOptionsInput = match options.map(JsValue::from) {
        None => CurveOptionsInput::default(),
        Some(options) => {
            let options = plain_copy(&options, WHAT)?;
            check_keys(&options, &CURVE_OPTIONS, "").map_err(|p| ApiError::value(WHAT, p))?;
            from_plain(&options).map_err(|e| shape_error(WHAT, e))?
        }
    };
    let mut opts = CurveOptions::default();
    if let Some(p) = input.points {
        opts.points = p;
    }
    if let Some(m) = input.max_factor {
        // Exactly, as every decimal string of a card is read (`str::parse` would also take
        // `1e3` and round long inputs, and bring rust_decimal's scientific parser along).
        opts.max_factor = Some(
            Decimal::from_str_exact(&m).map_err(|_| ApiError::BadOption {
                what: WHAT,
                name: "maxFactor",
                text: m.clone(),
            })?,
        );
    }
    Ok(opts)
}

/// Both models' monthly totals at evenly spaced usage factors (for the chart).
#[wasm_bindgen(js_name = costCurve, unchecked_return_type = "Curve")]
pub fn cost_curve(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(js_name = cardId, unchecked_optional_param_type = "string | null")]
    card_id: Option<String>,
    #[wasm_bindgen(unchecked_optional_param_type = "CurveOptions")] options: Option<js_sys::Object>,
) -> Result<JsValue, JsValue> {
    let opts = curve_options(options).map_err(thrown)?;
    let (s, own_card) = scenario_from(scenario).map_err(thrown)?;
    let curve = with_registry(|r| {
        let card = r.get(card_id.as_deref().or(own_card.as_deref()))?;
        Ok::<_, ApiError>(rating::cost_curve(card, &s, opts)?)
    })
    .map_err(thrown)?;
    to_js(&curve)
}

/// The available rate cards (shipped and registered).
#[wasm_bindgen(js_name = rateCards, unchecked_return_type = "RateCardInfo[]")]
pub fn rate_cards() -> Result<JsValue, JsValue> {
    let list = with_registry(|r| Ok::<_, ApiError>(r.list())).map_err(thrown)?;
    to_js(&list)
}

/// The countries of a card with their per-minute rates (decimal strings; `null`: not offered).
#[wasm_bindgen(unchecked_return_type = "CountryRates[]")]
pub fn countries(
    #[wasm_bindgen(js_name = cardId)] card_id: Option<String>,
) -> Result<JsValue, JsValue> {
    let list = with_registry(|r| {
        let card = r.get(card_id.as_deref())?;
        Ok::<_, ApiError>(
            card.countries()
                .map(|(code, rates)| CountryInfo {
                    code: code.to_string(),
                    zone: rates.zone.clone(),
                    toll_dial_in: rates.toll_dial_in.map(|r| r.to_string()),
                    toll_free_dial_in: rates.toll_free_dial_in.map(|r| r.to_string()),
                    dial_out: rates.dial_out.map(|r| r.to_string()),
                    credits_available: rates.credits_available,
                    audio_conferencing_available: rates.audio_conferencing_available,
                })
                .collect::<Vec<_>>(),
        )
    })
    .map_err(thrown)?;
    to_js(&list)
}

/// A partner's card from JavaScript (JSON text or an object), its keys and types checked.
pub(crate) fn card_document(card: &JsValue) -> Result<CardDocument, ApiError> {
    const WHAT: &str = "rate card";
    // JSON text is parsed by the browser's own JSON.parse, not by a parser in the WASM; either
    // way the value is a plain, bounded copy before Rust reads it.
    let value = match card.as_string() {
        Some(text) => parse_json(&text, WHAT)?,
        None => plain_copy(card, WHAT)?,
    };
    if !matches!(value, Plain::Object(_)) {
        return Err(ApiError::value(
            WHAT,
            ValueProblem::NotAnObject {
                expected: "JSON text or an object",
            },
        ));
    }
    check_keys(&value, &CARD, "").map_err(|p| ApiError::value(WHAT, p))?;
    from_plain(&value).map_err(|e| shape_error(WHAT, e))
}

/// Validates a partner's rate card (the JSON schema of `ppm convert`, as JSON text or as an
/// object) and registers it for `quote(…, id)`. Returns the card's summary.
#[wasm_bindgen(js_name = loadRateCard, unchecked_return_type = "RateCardInfo")]
pub fn load_rate_card(
    #[wasm_bindgen(unchecked_param_type = "string | RateCardDocument")] card: JsValue,
) -> Result<JsValue, JsValue> {
    let doc = card_document(&card).map_err(thrown)?;
    let info = with_registry(|r| Ok::<_, ApiError>(r.register(doc)?)).map_err(thrown)?;
    to_js(&info)
}
