//! The widget inside a partner's `<ppm-pricing>` element (feature `element`). The element's
//! class is a small ES module (`www/ppm-pricing.js`: wasm-bindgen cannot define custom-element
//! classes); it creates one [`Widget`] per element, hands it the element's attributes through
//! [`Widget::configure`] and turns each quote into a `ppm-quote` event. Everything a host
//! supplies is checked here and reaches the page only as text.

use std::rc::Rc;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use yew::{AppHandle, Callback};

use super::app::{AppProps, Embed};
use super::element_root::ElementRoot;
use super::embed::{preset_text, Hidden, PresetText};
use super::embed::{sentences, CardSrcCause, EmbedProblem, Problems};
use super::pricing::Priced;
use super::props::Importer;
use crate::api::{card_document, scenario_document, shape_error};
use crate::api_error::ApiError;
use crate::api_types::{Pair, QuoteDetail};
use crate::form::link;
use crate::form::{Form, MAX_FORM_ROWS};
use crate::lang::Lang;
use crate::plain::Plain;
use crate::rating::{Error, Scenario, ScenarioDocument};
use crate::registry::with_registry;
use crate::shipped::DEFAULT_CARD_ID;

/// Why the element could not use its `card-src` card, as its script saw it: `reason` is
/// `protocol`, `status`, `tooLarge` (with `bytes` and `limit`), `timeout` (with `seconds`),
/// `network` or `card` (the card's own text, checked again here so that its problem is said
/// by kind).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct CardSrcFailure {
    src: String,
    reason: String,
    protocol: Option<String>,
    status: Option<u16>,
    bytes: Option<f64>,
    limit: Option<f64>,
    seconds: Option<u32>,
    message: Option<String>,
    text: Option<String>,
}

impl CardSrcFailure {
    /// The failure as a problem kind.
    fn problem(self) -> EmbedProblem {
        let cause = match self.reason.as_str() {
            "protocol" => CardSrcCause::Protocol {
                protocol: self.protocol.unwrap_or_default(),
            },
            "status" => CardSrcCause::Status {
                status: self.status.unwrap_or(0),
            },
            "tooLarge" => CardSrcCause::TooLarge {
                kilobytes: kilobytes(self.bytes),
                limit: kilobytes(self.limit),
            },
            "timeout" => CardSrcCause::Timeout {
                seconds: self.seconds.unwrap_or(0),
            },
            "card" => match self.text.map(|t| card_problem(&t)) {
                Some(Err(e)) => CardSrcCause::Card(Box::new(e)),
                _ => CardSrcCause::Network {
                    message: self.message.unwrap_or_default(),
                },
            },
            _ => CardSrcCause::Network {
                message: self.message.unwrap_or_default(),
            },
        };
        EmbedProblem::CardSrc {
            src: self.src,
            cause,
        }
    }
}

/// Bytes as whole KB (the element's script gives sizes in bytes).
fn kilobytes(bytes: Option<f64>) -> u64 {
    (bytes.unwrap_or(0.0).max(0.0) / 1024.0).round() as u64
}

/// A card's text checked as `loadRateCard` checks it, without registering it: why it was
/// refused (not valid, or its id taken by another card of the page).
fn card_problem(text: &str) -> Result<(), ApiError> {
    let doc = card_document(&JsValue::from_str(text))?;
    let card =
        crate::rating::RateCard::from_document(doc).map_err(|e| ApiError::from(Error::from(e)))?;
    with_registry(|r| Ok::<_, ApiError>(r.check(&card)?))
}

/// `value` as a JavaScript value, through its JSON text (`JSON.parse`): the same value as
/// serde-wasm-bindgen's JSON-compatible serializer gives, which the element's first part then
/// need not carry (the export's JSON writer is there anyway).
fn to_js<T: Serialize>(value: &T) -> JsValue {
    crate::schema::json_text::to_string_pretty(value)
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .unwrap_or(JsValue::NULL)
}

/// One embedded widget.
#[wasm_bindgen]
pub struct Widget {
    /// The element the app renders into.
    root: web_sys::Element,
    /// The rendered app; none until the first `configure`, so that the first quote (and the
    /// first `ppm-quote`) already has the host's card and language.
    handle: Option<AppHandle<ElementRoot>>,
    embed: Embed,
    scenario_text: Option<String>,
    generation: u32,
    /// Set by `reuse`: the next update goes to the app even if the options look the same.
    dirty: bool,
    /// A `scenario` property set before the first `configure` ([`Widget::stage_scenario`]):
    /// applied by that `configure`, so that the first quote is already of this scenario.
    staged: Option<JsValue>,
    /// Fetches a language's texts for the language menu: `(tag, done)`, see `lang_switch.rs`.
    load_texts: Option<Importer>,
}

/// The built-in defaults of a widget whose quotes go to `on_quote`, in `lang`; `reset` is the
/// generation of the app inside (a new one starts afresh).
fn fresh_embed(on_quote: js_sys::Function, lang: &str, reset: u32) -> Embed {
    let on_quote = Callback::from(move |(p, scenario): (Rc<Priced>, ScenarioDocument)| {
        let q = &p.quote;
        let detail = QuoteDetail {
            currency: &q.currency,
            card: &q.card.id,
            monthly: Pair {
                per_minute: &q.per_minute.monthly_total,
                per_user: &q.per_user.monthly_total,
            },
            yearly: Pair {
                per_minute: &q.per_minute.yearly_total,
                per_user: &q.per_user.yearly_total,
            },
            cheaper: q.cheaper,
            savings_monthly: &q.savings_monthly,
            savings_yearly: &q.savings_yearly,
            scenario: &scenario,
            quote: q,
        };
        let _ = on_quote.call1(&JsValue::NULL, &to_js(&detail));
    });
    Embed {
        // A language whose texts have not been fetched (ppm-pricing.js fetches them first).
        lang: Lang::from_tag(lang).or_english(),
        card: DEFAULT_CARD_ID.into(),
        preset: None,
        compact: false,
        hidden: Hidden::default(),
        problems: Problems::default(),
        partner_card: None,
        on_quote,
        reset,
    }
}

#[wasm_bindgen]
impl Widget {
    /// A widget for `root` (an element inside the host's shadow root); it renders at the first
    /// `configure`. `onQuote` is called with the detail of every new quote; `loadTexts(tag,
    /// done)` fetches a language the visitor picks in the widget's menu (the WASM carries
    /// English only).
    #[wasm_bindgen(constructor)]
    pub fn new(
        root: web_sys::Element,
        #[wasm_bindgen(js_name = onQuote)] on_quote: js_sys::Function,
        lang: &str,
        #[wasm_bindgen(js_name = loadTexts)] load_texts: Option<js_sys::Function>,
    ) -> Widget {
        Widget {
            root,
            handle: None,
            embed: fresh_embed(on_quote, lang, 0),
            scenario_text: None,
            generation: 0,
            dirty: false,
            staged: None,
            load_texts: load_texts.map(Importer),
        }
    }

    /// Gives this widget (and its root) to another `<ppm-pricing>`: a fresh start (the app's
    /// state is recreated at the next `configure`) with that element's quote callback and
    /// language. Yew never frees an app root's event listeners, so the element keeps roots in a
    /// pool and reuses them instead of destroying them: memory stays bounded by the most
    /// widgets ever on a page at once.
    pub fn reuse(
        &mut self,
        #[wasm_bindgen(js_name = onQuote)] on_quote: js_sys::Function,
        lang: &str,
    ) {
        self.embed = fresh_embed(on_quote, lang, self.embed.reset.wrapping_add(1));
        self.scenario_text = None;
        self.staged = None;
        self.dirty = true;
    }

    /// Applies the element's attributes (`lang`, `card`, `scenario`, `compact`, `hide`), the
    /// id of the card its `card-src` loaded (`partner_card`) or why that failed
    /// (`card_src_error`: `{ src, reason, ... }`, or null). What is valid is applied; the
    /// problems are shown in the widget and thrown as one `Error` (the element turns it into a
    /// `ppm-error` event). (Arguments, not one object: reading an object's keys through serde
    /// was 2.6 KB of the element's first part.)
    #[allow(clippy::too_many_arguments)]
    pub fn configure(
        &mut self,
        lang: Option<String>,
        card: Option<String>,
        scenario: Option<String>,
        compact: bool,
        hide: Option<String>,
        partner_card: Option<String>,
        card_src_error: JsValue,
    ) -> Result<(), JsError> {
        // Test builds only (feature `test-trap`): `lang="__trap"` traps the WASM, so the
        // browser tests can prove that a trap is shown and reported, never silent.
        #[cfg(feature = "test-trap")]
        if lang.as_deref() == Some("__trap") {
            core::arch::wasm32::unreachable();
        }
        let card_src_error: Option<CardSrcFailure> = if card_src_error.is_object() {
            let failure = crate::js_value::plain_copy(&card_src_error, "cardSrcError")
                .map_err(|e| JsError::new(&e.to_string()))?;
            Some(
                crate::plain::from_plain(&failure)
                    .map_err(|e| JsError::new(&shape_error("cardSrcError", e).to_string()))?,
            )
        } else {
            None
        };
        let mut problems: Vec<EmbedProblem> = card_src_error
            .map(CardSrcFailure::problem)
            .into_iter()
            .collect();
        let mut next = self.embed.clone();
        if let Some(tag) = lang.as_deref().filter(|t| !t.is_empty()) {
            next.lang = Lang::from_tag(tag).or_english();
        }
        next.compact = compact;
        next.hidden = Hidden::parse(hide.as_deref().unwrap_or("")).unwrap_or_else(|e| {
            problems.push(e);
            Hidden::default()
        });
        next.partner_card = partner_card.clone();
        let wanted = partner_card.or(card.filter(|c| !c.is_empty()));
        let explicit = wanted.is_some();
        // Without a card attribute: the card of the current preset (a share link's), else the
        // default.
        let fallback = match &self.embed.preset {
            Some((_, form)) if scenario == self.scenario_text => form.card_id.clone(),
            _ => DEFAULT_CARD_ID.to_string(),
        };
        next.card = match wanted {
            None => fallback,
            Some(id) => match with_registry(|r| r.get(Some(&id)).map(|c| c.id().to_string())) {
                Ok(id) => id,
                Err(e) => {
                    problems.push(EmbedProblem::Card(e));
                    DEFAULT_CARD_ID.into()
                }
            },
        };
        if scenario != self.scenario_text {
            self.scenario_text = scenario.clone();
            match scenario.as_deref().filter(|t| !t.trim().is_empty()) {
                None => next.preset = None,
                Some(text) => match preset_form(text, explicit.then_some(next.card.as_str())) {
                    Ok((form, lang)) => {
                        if let Some(l) = lang.filter(|_| lang.is_none()) {
                            next.lang = l;
                        }
                        next.card = form.card_id.clone();
                        self.generation += 1;
                        next.preset = Some((self.generation, Rc::new(form)));
                    }
                    Err(e) => problems.push(e),
                },
            }
        }
        // A scenario property set before this first configuration wins over the attribute,
        // priced with the card just chosen.
        if let Some(value) = self.staged.take() {
            match property_preset(value, &next.card) {
                Ok(form) => {
                    next.card = form.card_id.clone();
                    self.generation += 1;
                    next.preset = Some((self.generation, Rc::new(form)));
                }
                Err(e) => problems.push(e),
            }
        }
        // The widget says the problems in its language; the error (and so `ppm-error`) in
        // English, one sentence each.
        let thrown = sentences(&problems);
        next.problems = Problems(Rc::from(problems));
        self.update(next);
        match thrown.is_empty() {
            true => Ok(()),
            false => Err(JsError::new(&thrown)),
        }
    }

    /// Replaces the scenario (the element's `scenario` property): a scenario object, scenario
    /// JSON or a share link. Throws a readable `Error` and keeps the current scenario when it
    /// is not valid.
    #[wasm_bindgen(js_name = setScenario)]
    pub fn set_scenario(&mut self, value: JsValue) -> Result<(), JsError> {
        let form =
            property_preset(value, &self.embed.card).map_err(|e| JsError::new(&e.to_string()))?;
        let mut next = self.embed.clone();
        self.generation += 1;
        next.preset = Some((self.generation, Rc::new(form)));
        self.update(next);
        Ok(())
    }

    /// A `scenario` property set before the widget's first `configure`: checked now (a bad
    /// value throws, as [`Widget::set_scenario`] does) and applied by that `configure`, with
    /// the card its attributes choose, so that the first quote is of this scenario.
    #[wasm_bindgen(js_name = stageScenario)]
    pub fn stage_scenario(&mut self, value: JsValue) -> Result<(), JsError> {
        property_preset(value.clone(), &self.embed.card)
            .map_err(|e| JsError::new(&e.to_string()))?;
        self.staged = Some(value);
        Ok(())
    }

    /// Removes the widget from the page (the element was disconnected).
    pub fn destroy(self) {
        if let Some(handle) = self.handle {
            handle.destroy();
        }
    }
}

impl Widget {
    fn update(&mut self, next: Embed) {
        let props = AppProps {
            embed: Some(Rc::new(next.clone())),
            importer: None,
            import_language: None,
            load_texts: self.load_texts.clone(),
        };
        match &mut self.handle {
            None => {
                self.handle = Some(
                    yew::Renderer::<ElementRoot>::with_root_and_props(self.root.clone(), props)
                        .render(),
                );
            }
            Some(handle) if self.dirty || next != self.embed => handle.update(props),
            Some(_) => {}
        }
        self.dirty = false;
        self.embed = next;
    }
}

/// A preset from the `scenario` property: a scenario object, scenario JSON or a share link,
/// priced with `card`.
fn property_preset(value: JsValue, card: &str) -> Result<Form, EmbedProblem> {
    match value.as_string() {
        Some(text) => preset_form(&text, Some(card)).map(|(f, _)| f),
        None => {
            let value = crate::js_value::plain_copy(&value, "scenario")
                .map_err(|e| EmbedProblem::Scenario(Box::new(e)))?;
            preset_from_value(value, Some(card))
        }
    }
}

/// A preset from a scenario object, checked like the JS API's input (keys, types, values).
/// Its card: the one the host asked for, else the scenario's own `card`, else the default.
fn preset_from_value(value: Plain, card: Option<&str>) -> Result<Form, EmbedProblem> {
    let doc = scenario_document(value).map_err(|e| EmbedProblem::Scenario(Box::new(e)))?;
    let card = card.or(doc.card.as_deref()).unwrap_or(DEFAULT_CARD_ID);
    Scenario::from_document(&doc).map_err(|e| EmbedProblem::Scenario(Box::new(e.into())))?;
    let rows: usize = doc.meetings.iter().map(|m| m.legs.len()).sum();
    if rows > MAX_FORM_ROWS {
        return Err(EmbedProblem::TooManyRows {
            rows,
            limit: MAX_FORM_ROWS,
        });
    }
    Form::from_scenario(card, &doc, Lang::En)
        .map_err(|e| EmbedProblem::Scenario(Box::new(e.into())))
}

/// A preset from a `scenario` attribute: scenario JSON (parsed by the browser's JSON.parse) or
/// a share link (with its language, if it has one). `card`: the card the host asked for; a
/// share link otherwise keeps its own.
fn preset_form(text: &str, card: Option<&str>) -> Result<(Form, Option<Lang>), EmbedProblem> {
    match preset_text(text)? {
        PresetText::Json(json) => {
            let value = crate::js_value::parse_json(json, "scenario")
                .map_err(|e| EmbedProblem::Scenario(Box::new(e)))?;
            Ok((preset_from_value(value, card)?, None))
        }
        PresetText::Link(fragment) => {
            let (mut form, lang) = link::decode(fragment).map_err(EmbedProblem::Link)?;
            if let Some(card) = card {
                form.card_id = card.to_string();
            }
            Ok((form, lang))
        }
    }
}
