//! The widget's root component and `mount`: holds the form, prices it with the core on every
//! edit, keeps the last valid quote while an input is wrong, and syncs the URL fragment.

use std::rc::Rc;

#[cfg(all(target_arch = "wasm32", not(feature = "usage-import")))]
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use super::app_state::{Action, AppState};
use super::browser;
use super::components::{
    error_message, name_of, summary_bar, Button, CountryOf, CountryPicker, CountryPickerProps,
    Counts, MeetingEditor, MeetingEditorProps, NumberField, Results, ResultsProps, COUNTRY_LIST_ID,
    MEETING_LIMIT,
};
use super::embed::Section;
use super::hooks::{
    use_after_first_render, use_country_choices, use_focus, use_page_language, use_share_link,
};
use super::host_sync::use_host_sync;
#[cfg(not(texts_on_demand))]
use super::lang_switch::instant_lang_switch;
#[cfg(texts_on_demand)]
use super::lang_switch::use_lang_switch;

use super::lean_hooks::{use_element_ref, use_local_state, use_stable_callback};
use super::markup::{text_element, Markup};
use super::print_summary::print_summary;
pub use super::props::{AppProps, Embed, Importer};
use super::usage_button::{usage_import, usage_panel, UsageRefs};
use crate::form::link;
use crate::form::{message_for, messages_under, Edit, Form, InputId, Removed};
use crate::lang::Lang;
use crate::registry::{with_registry, CardInfo, RegistryError};

impl Reducible for AppState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.after(action))
    }
}

/// The first state, from the embedding or the browser's language and address.
fn initial_state(embed: Option<&Embed>) -> AppState {
    match embed {
        Some(e) => AppState::embedded(&e.card, e.lang, e.preset.as_ref().map(|(_, f)| &**f)),
        None => kept_landing().unwrap_or_else(|| {
            AppState::landing(&browser::browser_language(), &browser::fragment())
        }),
    }
}

/// The page's first state when it keeps the prerendered results (`keepsResults`).
fn kept_landing() -> Option<AppState> {
    #[cfg(feature = "page")]
    return super::components::prerendered::kept_landing();
    #[cfg(not(feature = "page"))]
    None
}

/// The prerendered page's markup for `selector`, shown while the pricing is the prerendered one
/// (only the page's bundle starts so: [`kept_landing`]).
fn kept(selector: &'static str) -> Html {
    #[cfg(feature = "page")]
    return super::components::prerendered::kept(selector);
    #[cfg(not(feature = "page"))]
    {
        let _ = selector;
        Html::default()
    }
}

/// The widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let embed = props.embed();
    let state = use_reducer(|| initial_state(embed));
    let copied = use_local_state(|| false);
    let t = state.lang().texts();
    let root_ref = use_element_ref();

    // The reducer keeps the form priced; the page shows the last valid quote.
    let shown = state.pricing.shown.clone();
    let errors: Rc<Vec<(String, String)>> = state.pricing.errors.clone();

    use_share_link(embed.is_none(), &state);
    use_page_language(embed.is_none(), props.import_language.clone(), state.lang());
    use_host_sync(embed, &state);

    // One callback for the whole life of the app, so that components holding it compare equal.
    let edit = {
        let dispatcher = state.dispatcher();
        let copied = copied.clone();
        use_stable_callback(move |e: Edit| {
            copied.set(false);
            dispatcher.dispatch(Action::Edit(e))
        })
    };
    let error_for = |id: &str| message_for(&errors, id);
    let partner_card = embed.and_then(|e| e.partner_card.as_deref());
    let lang_tag = state.lang().tag();
    let cards: Vec<CardInfo> = with_registry(|r| {
        Ok::<_, RegistryError>(
            r.list()
                .into_iter()
                .filter(|c| c.built_in || Some(c.id.as_str()) == partner_card)
                .map(|c| CardInfo {
                    // The card's own name in the page's language, when it has one.
                    name: r
                        .get(Some(&c.id))
                        .map(|card| card.name_in(lang_tag).to_string())
                        .unwrap_or(c.name.clone()),
                    ..c
                })
                .collect(),
        )
    })
    .unwrap_or_default();
    let choices = use_country_choices(state.lang(), state.form.card_id.clone());
    let countries: Rc<Vec<(String, String)>> = choices.0.clone();

    // The 249 suggestions come after the first render: not in the prerendered page, not in the
    // first frame.
    let list_ready = use_after_first_render();

    let long_list = state.form.meetings.len() > MEETING_LIMIT;
    let on_toggle = {
        let dispatcher = state.dispatcher();
        use_stable_callback(move |i: Option<usize>| dispatcher.dispatch(Action::Open(i)))
    };
    let on_all_rows = {
        let dispatcher = state.dispatcher();
        use_stable_callback(move |i: usize| dispatcher.dispatch(Action::AllRows(i)))
    };

    #[cfg(texts_on_demand)]
    let lang_switch = use_lang_switch(
        props.load_texts.clone(),
        state.dispatcher(),
        state.lang(),
        embed.is_none(),
    );
    #[cfg(not(texts_on_demand))]
    let lang_switch =
        instant_lang_switch(props.load_texts.clone(), state.dispatcher(), state.lang());
    let on_lang = {
        let switch = lang_switch.switch.clone();
        Callback::from(move |e: Event| {
            let tag = super::components::select_value(&e);
            switch.emit(Lang::from_tag(&tag))
        })
    };
    let on_card = {
        let edit = edit.clone();
        Callback::from(move |e: Event| {
            let v = super::components::select_value(&e);
            edit.emit(Edit::Card(v));
        })
    };
    let on_addon = {
        let edit = edit.clone();
        Callback::from(move |e: Event| {
            let on = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            edit.emit(Edit::Addon(on));
        })
    };
    let on_copy = {
        let copied = copied.clone();
        let state = state.clone();
        Callback::from(move |_| {
            // The fragment may still be on its way (see above): set it now.
            let chosen = state.lang_chosen.then_some(state.lang());
            browser::set_fragment(&link::encode(&state.form, chosen));
            browser::copy_text(&browser::page_url());
            copied.set(true);
        })
    };
    let on_csv = {
        let state = state.clone();
        let countries = countries.clone();
        Callback::from(move |_| {
            if let Some(p) = &state.shown() {
                let lang = state.lang();
                let names = browser::CountryNames::new(lang.tag());
                let card =
                    super::quote_words::CardTexts::of(&p.quote.card.id, &p.quote.card.name, lang);
                let country_name = |code: &str| {
                    countries
                        .iter()
                        .find(|(c, _)| c == code)
                        .map_or_else(|| names.name(code), |(_, n)| n.clone())
                };
                let export = super::csv::Export {
                    form: &state.form,
                    lang,
                    date: &browser::today(),
                    card_name: &card.name,
                    country_name: &country_name,
                    warnings: &super::quote_words::warnings(&p.quote, lang, &names),
                    break_even: &super::quote_words::break_even(&p.quote, lang),
                };
                browser::download(
                    t.csv_file_name,
                    "text/csv;charset=utf-8",
                    &super::csv::estimate(&p.quote, &export),
                );
            }
        })
    };
    let on_json = {
        // The state's handle, not a copy of the form made at every render.
        let state = state.clone();
        Callback::from(move |_| {
            // The core's own document, written by its serde derive (it holds only text, whole
            // numbers and booleans, which the writer always takes).
            if let Ok(json) = crate::schema::json_text::to_string_pretty(&state.form.scenario()) {
                browser::download(t.json_file_name, "application/json", &(json + "\n"));
            }
        })
    };
    let on_print = Callback::from(|_| browser::print());
    let on_add_meeting = {
        let edit = edit.clone();
        Callback::from(move |_| edit.emit(Edit::AddMeeting("US".into())))
    };
    let on_undo = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Undo))
    };
    let on_reset = {
        let dispatcher = state.dispatcher();
        let (card, lang) = (state.form.card_id.clone(), state.lang());
        Callback::from(move |example: bool| {
            dispatcher.dispatch(Action::Reset(if example {
                Form::example(&card, lang)
            } else {
                Form::empty(&card, lang)
            }))
        })
    };
    // A country's name from the card's list, already in the page's language (asking the
    // browser's `Intl.DisplayNames` at every render cost a keystroke about 0.1 ms); its code
    // when the card has no such country.
    let country = |code: &str| name_of(&countries, code);
    // What the last removal took away, in words.
    let removed_label = state.removed.as_ref().map(|r| match r {
        Removed::Meeting { index, meeting } if meeting.name.is_empty() => {
            crate::form::names::meeting_n(state.lang(), index + 1)
        }
        Removed::Meeting { meeting, .. } => meeting.name.clone(),
        Removed::Leg { leg, .. } => format!("{}, {}", country(&leg.country), t.call(leg.call)),
        Removed::Country { mix, .. } => country(&mix.country),
    });
    use_focus(&root_ref, state.focus);
    let usage = UsageRefs {
        file: use_element_ref(),
        panel: use_element_ref(),
        apply: use_mut_ref(|| None),
        load_failed: use_local_state(|| false),
    };
    let card_error = error_for("card");
    let compact = embed.is_some_and(|e| e.compact);
    let mut hidden = embed.map(|e| e.hidden).unwrap_or_default();
    if compact {
        hidden = hidden.with(Section::Header).with(Section::Inputs);
    }
    // The configuration's problems in the widget's language, one sentence each.
    let notice = embed
        .filter(|e| !e.problems.is_empty())
        .map(|e| super::i18n::embed_notice(state.lang(), &e.problems));

    html! {
        <div class="ppm" data-compact={compact.then_some("")} ref={root_ref}>
            if let Some(text) = notice {
                { text_element("p", &[("class", "ppm-notice"), ("role", "alert"), ("id", "config-problem"), ("part", "notice")], &text) }
            }
            if !hidden.hides(Section::Header) {
                <header class="ppm-header">
                    { heading(t.title, t.intro) }
                    <div class="ppm-lang">
                        <label for="lang-switch">{ t.language }</label>
                        <select id="lang-switch" onchange={on_lang}>
                            { for Lang::ALL.iter().map(|l| html! {
                                <option value={l.tag()} lang={l.tag()} selected={*l == state.lang()}>{ l.name() }</option>
                            }) }
                        </select>
                    </div>
                    // Only bundles that fetch languages can fail to.
                    if cfg!(texts_on_demand) {
                        { lang_switch.notice }
                    }
                </header>
            }
            if embed.is_none() {
                <p class="ppm-print-only" id="print-summary">{ print_summary(&state.form, state.lang()) }</p>
            }
            if state.bad_link {
                { text_element("p", &[("class", "ppm-notice"), ("role", "alert"), ("id", "bad-link")], t.bad_link) }
            }
            if !(compact || hidden.hides(Section::Inputs)) {
                if let Some(p) = shown.clone() {
                    { summary_bar(&p, state.lang()) }
                } else if state.pricing.prerendered {
                    { kept("#summary-bar") }
                }
            }
            <div class="ppm-layout">
                if !hidden.hides(Section::Inputs) {
                    <form class="ppm-inputs" part="inputs" aria-labelledby="inputs-title" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                        { text_element("h2", &[("id", "inputs-title"), ("class", "visually-hidden")], t.meetings) }
                        <div class="ppm-field">
                            <label for="card">{ t.rate_card }</label>
                            <select id="card" onchange={on_card}>
                                { for cards.iter().map(|c| html! {
                                    <option value={c.id.clone()} selected={c.id == state.form.card_id}>
                                        { &c.name }
                                    </option>
                                }) }
                            </select>
                            if let Some(msg) = card_error {
                                { error_message("card-error", &msg) }
                            }
                        </div>
                        { NumberField { id: "organisers", label: t.organisers, counts: Counts::Unit(t.organisers_unit),
                            value: &state.form.organisers, hint: "", error: error_for("organisers"),
                            oninput: edit.reform(Edit::Organisers) }.render() }
                        { NumberField { id: "licencesPurchased", label: t.licences, counts: Counts::Unit(t.licences_unit),
                            value: &state.form.licences, hint: t.licences_hint, error: error_for("licencesPurchased"),
                            oninput: edit.reform(Edit::Licences) }.render() }
                        <div class="ppm-field ppm-check">
                            <input type="checkbox" id="addon" checked={state.form.addon} onchange={on_addon} />
                            <label for="addon">{ t.addon }</label>
                            if let Some(msg) = error_for("usCanadaAddon") {
                                { error_message("usCanadaAddon-error", &msg) }
                            }
                        </div>
                        <div class="ppm-field">
                            <label for="organisation">{ t.organisation_country }</label>
                            <CountryPicker ..CountryPickerProps { id: "organisation".into(), label: t.organisation_country.into(),
                                code: state.form.organisation.clone(), countries: countries.clone(),
                                unknown_message: t.err_country.into(), of: CountryOf::Organisation, onedit: edit.clone() } />
                            if let Some(msg) = error_for("organisation") {
                                { error_message("organisation-core-error", &msg) }
                            }
                            if let Some(region) = &state.region_guess {
                                <p class="ppm-hint" id="region-guess">{ crate::ui::i18n::fill(t.region_guess, &[&country(region), &cards.iter().find(|c| c.id == state.form.card_id).map(|c| c.name.clone()).unwrap_or_default()]) }</p>
                            }
                        </div>
                        { text_element("h2", &[], t.meetings) }
                        if state.shows_example() {
                            { text_element("p", &[("class", "ppm-hint"), ("id", "example-note")], t.example_note) }
                        }
                        // Their own list, keyed by place (see `ui::components` on lists):
                        // adding a meeting adds one editor and leaves the others and the
                        // fields above them as they are.
                        <>{ for state.form.meetings.iter().enumerate().map(|(i, m)| html! {
                            <MeetingEditor key={i} ..MeetingEditorProps { index: i, meeting: m.clone(), lang: state.lang(),
                                countries: countries.clone(), errors: messages_under(&errors, &format!("{}-", InputId::meeting_prefix(i))),
                                collapsed: long_list && state.list.open != Some(i),
                                closable: long_list && state.list.open == Some(i),
                                ontoggle: on_toggle.clone(),
                                all_rows: state.list.shows_all(i),
                                onallrows: on_all_rows.clone(),
                                onedit: edit.clone() } />
                        }) }</>
                        <div class="ppm-estimate-actions">
                            { Button::new(t.add_meeting, on_add_meeting).id("add-meeting").render() }
                            { Button::new(t.start_empty, on_reset.reform(|_: MouseEvent| false)).id("start-empty").render() }
                            { Button::new(t.load_example, on_reset.reform(|_: MouseEvent| true)).id("load-example").render() }
                        </div>
                        if embed.is_none() {
                            { usage_import(&state, props.importer.clone(), &usage) }
                        }
                        <div class="ppm-undo" role="status" aria-live="polite" id="undo-region">
                            if let Some(what) = removed_label {
                                <span>{ crate::ui::i18n::fill(t.removed, &[&what]) }</span>
                                { Button::new(t.undo, on_undo).id("undo").render() }
                            }
                        </div>
                        if list_ready {
                            <datalist id={COUNTRY_LIST_ID}>{ Html::from_html_unchecked(choices.1.clone()) }</datalist>
                        }
                    </form>
                }
                <section class="ppm-results" part="results" aria-labelledby="results-title">
                    // The stale note sits beside the heading, not above the results: a
                    // keystroke that makes an input wrong or right again does not move them.
                    <div class="ppm-row">
                        { text_element("h2", &[("id", "results-title")], t.results) }
                        if !errors.is_empty() {
                            { text_element("p", &[("class", "ppm-stale"), ("id", "stale")], t.stale) }
                        }
                    </div>
                    if embed.is_none() {
                        // Shown only while a share link's estimate is priced (www/link-check.js).
                        { text_element("p", &[("class", "ppm-pending"), ("id", "pending"), ("role", "status")], t.pricing_link) }
                    }
                    if let Some(p) = shown.clone() {
                        <Results ..ResultsProps { priced: p, lang: state.lang(), hidden } />
                    } else if state.pricing.prerendered {
                        { kept(".ppm-result-body") }
                    }
                    if !hidden.hides(Section::Actions) {
                        <div class="ppm-actions">
                            // Links and printing belong to the page, not to an embedded widget.
                            if embed.is_none() {
                                { Button::new(t.copy_link, on_copy).id("copy-link").render() }
                            }
                            { Button::new(t.export_csv, on_csv).id("export-csv").part("button").render() }
                            { Button::new(t.download_scenario, on_json).id("export-json").part("button").render() }
                            if embed.is_none() {
                                { Button::new(t.print, on_print).id("print").render() }
                                <span role="status" class="ppm-copied">{ if copied.get() { t.link_copied } else { "" } }</span>
                            }
                        </div>
                    }
                </section>
                if embed.is_none() {
                    { usage_panel(&usage) }
                }
            </div>
        </div>
    }
}

/// The page's title and introduction.
fn heading(title: &str, intro: &str) -> Html {
    let mut m = Markup::default();
    m.element("h1", &[], title).element("p", &[], intro);
    m.into_html()
}

/// Mounts the widget into the element with this id (which should be empty).
#[cfg(all(target_arch = "wasm32", not(feature = "usage-import")))]
#[wasm_bindgen]
pub fn mount(
    #[wasm_bindgen(js_name = elementId)] element_id: &str,
    importer: Option<js_sys::Function>,
    #[wasm_bindgen(js_name = importLanguage)] import_language: Option<js_sys::Function>,
    #[wasm_bindgen(js_name = loadTexts)] load_texts: Option<js_sys::Function>,
) -> Result<(), JsError> {
    let root = gloo::utils::document()
        .get_element_by_id(element_id)
        .ok_or_else(|| {
            JsError::new(&format!(
                "no element with id \"{element_id}\" to mount the widget in"
            ))
        })?;
    let props = AppProps {
        embed: None,
        importer: importer.map(Importer),
        import_language: import_language.map(Importer),
        load_texts: load_texts.map(Importer),
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
    Ok(())
}

/// The language the pricing page opens in: the share link's, else the browser's. `main.js`
/// fetches its texts (`addTexts`) before it mounts the app, when the bundle does not carry them.
#[cfg(all(target_arch = "wasm32", texts_on_demand, not(feature = "element")))]
#[wasm_bindgen(js_name = firstLanguage)]
pub fn first_language() -> String {
    let wanted = AppState::wanted_language(&browser::browser_language(), &browser::fragment());
    super::i18n::set_landing(wanted).tag().to_string()
}

/// Reads a fetched texts file (`texts-de.txt`, …) and makes its language available; returns its
/// tag. A file for another version of the widget is refused with a message. (The pricing page's
/// `main.js` and the element's `ppm-pricing.js` call it.)
#[cfg(all(target_arch = "wasm32", texts_on_demand))]
#[wasm_bindgen(js_name = addTexts)]
pub fn add_texts(file: String) -> Result<String, JsError> {
    crate::ui::i18n::add_texts(file)
        .map(|lang| lang.tag().to_string())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The widget's first view as HTML (the example scenario in English, as a first visit without
/// a share link sees it), rendered by the same components, for `ppm-prerender`.
#[cfg(feature = "ssr")]
pub async fn prerender() -> String {
    yew::LocalServerRenderer::<App>::new()
        .hydratable(false)
        .render()
        .await
}
