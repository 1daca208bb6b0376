//! A searchable country field: type part of a name and pick from the suggestions (a
//! `<datalist>` of the card's countries in the page's language), or type an ISO code, a
//! common name ("UK") or the name in another of the page's languages.

use std::rc::Rc;

use yew::prelude::*;

use super::{error_message, input_value};
use crate::form::{Edit, MixField};
use crate::lang::Lang;
use crate::ui::browser::CountryNames;
use crate::ui::country_aliases;
use crate::ui::lean_hooks::{use_effect_on, use_local_state};

/// The id of the page's one `<datalist>` of country names (rendered by the app).
pub const COUNTRY_LIST_ID: &str = "ppm-country-names";

/// The country a picker chooses: the organisation's, or a share row's or participant row's of
/// a meeting (by index). Props hold this and the app's one edit callback rather than a
/// callback made for the picker at each render, so that they compare equal while the picker
/// shows the same thing.
#[derive(Clone, Copy, PartialEq)]
pub enum CountryOf {
    /// The organisation's country.
    Organisation,
    /// Meeting `.0`'s share row `.1`.
    Mix(usize, usize),
    /// Meeting `.0`'s participant row `.1`.
    Leg(usize, usize),
}

impl CountryOf {
    /// The edit that chooses `code` here.
    fn edit(self, code: String) -> Edit {
        match self {
            CountryOf::Organisation => Edit::Organisation(code),
            CountryOf::Mix(i, k) => Edit::Mix(i, k, MixField::Country, code),
            CountryOf::Leg(i, j) => Edit::LegCountry(i, j, code),
        }
    }
}

/// Props of [`CountryPicker`].
#[derive(Properties, PartialEq)]
pub struct CountryPickerProps {
    /// Input id.
    pub id: AttrValue,
    /// Accessible label.
    pub label: AttrValue,
    /// The chosen ISO code.
    pub code: String,
    /// `(code, name)` of the choices.
    pub countries: Rc<Vec<(String, String)>>,
    /// The message when the typed text names no country.
    pub unknown_message: AttrValue,
    /// Which country this picker chooses.
    pub of: CountryOf,
    /// The app's edit callback (the same for its whole life), called with the choice's edit.
    pub onedit: Callback<Edit>,
}

/// A country's name from the card's list `(code, name)`, already in the page's language; its
/// code when the card has no such country.
pub(crate) fn name_of(countries: &[(String, String)], code: &str) -> String {
    countries
        .iter()
        .find(|(c, _)| c == code)
        .map(|(_, n)| n.clone())
        .unwrap_or_else(|| code.to_string())
}

/// A country of the card by a common name ("UK", "USA") or by its name in another of the
/// page's languages ("Deutschland" on an English page). Runs only when the page's own names
/// did not match.
fn elsewhere(
    typed: &str,
    countries: &[(String, String)],
    lower: &dyn Fn(&str) -> String,
) -> Option<String> {
    let on_card = |code: &str| countries.iter().any(|(c, _)| c == code);
    if let Some(code) = country_aliases::alias(typed).filter(|c| on_card(c)) {
        return Some(code.to_string());
    }
    Lang::ALL.into_iter().find_map(|lang| {
        let names = CountryNames::new(lang.tag());
        countries
            .iter()
            .find(|(code, _)| lower(&names.name(code)) == typed)
            .map(|(code, _)| code.clone())
    })
}

/// The searchable country field.
#[component]
pub fn CountryPicker(p: &CountryPickerProps) -> Html {
    let name = name_of(&p.countries, &p.code);
    let text = use_local_state(|| name.clone());
    let unknown = use_local_state(|| false);
    {
        // A new choice from outside (or a new language) resets the text.
        let (text, unknown) = (text.clone(), unknown.clone());
        use_effect_on(name, move |name| {
            text.set(name.clone());
            unknown.set(false);
        });
    }
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| text.set(input_value(&e)))
    };
    let onchange = {
        let text = text.clone();
        let countries = p.countries.clone();
        let (of, cb) = (p.of, p.onedit.clone());
        let unknown = unknown.clone();
        Callback::from(move |e: Event| {
            let typed = input_value(&e);
            // Case-insensitive, through JavaScript's lower-casing (no Unicode tables in the WASM).
            let lower = |s: &str| String::from(js_sys::JsString::from(s).to_lower_case());
            let t = lower(typed.trim());
            let found = countries
                .iter()
                .find(|(code, name)| lower(name) == t || code.to_ascii_lowercase() == t)
                .map(|(code, _)| code.clone())
                .or_else(|| elsewhere(&t, &countries, &lower));
            match found {
                Some(code) => {
                    unknown.set(false);
                    // "UK" becomes "United Kingdom" even when that was the country already.
                    text.set(name_of(&countries, &code));
                    cb.emit(of.edit(code));
                }
                None => unknown.set(true),
            }
        })
    };
    let error_id = format!("{}-error", p.id);
    html! {
        <>
            <input id={p.id.clone()} type="text" class="ppm-country" list={COUNTRY_LIST_ID}
                autocomplete="off" aria-label={p.label.clone()} value={text.get()}
                aria-invalid={unknown.get().then_some("true")}
                aria-describedby={unknown.get().then(|| error_id.clone())}
                {oninput} {onchange} />
            if unknown.get() {
                { error_message(&error_id, &p.unknown_message) }
            }
        </>
    }
}
