//! The app's effects and look-ups as named hooks: the share link in the address, the page's
//! language, the focus after an edit, the card's country choices and the first render. Effects
//! run after render, never during it.

use std::rc::Rc;

use yew::prelude::*;

use super::app_state::AppState;
use super::browser;
use super::format::push_joined;
use super::lean_hooks::{use_effect_on, use_local_state};
use super::markup::Markup;
use super::props::Importer;
use crate::form::{link, InputId};
use crate::lang::Lang;
use crate::rating::Call;
use crate::registry::{with_registry, RegistryError};

/// How long after the last edit the URL fragment follows the form.
const FRAGMENT_DELAY_MS: u32 = 300;

/// The address's fragment (the share link) follows the form a moment after the last edit, off
/// the keystroke's path (replacing history state costs milliseconds per call). Only after the
/// visitor changed something: landing leaves the address as it came, so a reload shows the
/// prerendered page again. `standalone`: the pricing page (an embedded widget owns no address).
#[hook]
pub fn use_share_link(standalone: bool, state: &AppState) {
    let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let landing = use_mut_ref(|| true);
    let form = state.form.clone();
    let chosen = state.lang_chosen.then_some(state.lang());
    use_effect_on((form, chosen), move |(form, chosen)| {
        // The first run is the form the page landed with: nothing to write.
        let first = std::mem::replace(&mut *landing.borrow_mut(), false);
        if standalone && !first {
            let (form, chosen) = (form.clone(), *chosen);
            let write = gloo::timers::callback::Timeout::new(FRAGMENT_DELAY_MS, move || {
                browser::set_fragment(&link::encode(&form, chosen))
            });
            // A newer edit replaces (and so cancels) the pending write.
            *timer.borrow_mut() = Some(write);
        }
    });
}

/// The page's language, when it changes: the document's `lang`, title and description (the
/// pricing page only: a new `<html lang>` restyles the whole document), and the usage import's
/// panel, told through `import_language`.
#[hook]
pub fn use_page_language(standalone: bool, import_language: Option<Importer>, lang: Lang) {
    use_effect_on(lang, move |lang| {
        if let Some(f) = import_language {
            let _ = f.0.call1(
                &wasm_bindgen::JsValue::NULL,
                &wasm_bindgen::JsValue::from_str(lang.tag()),
            );
        }
        if standalone {
            let t = lang.texts();
            browser::set_document_language(lang.tag(), t.title, t.description);
        }
    });
}

/// Moves the focus where an edit asked for it, inside this widget's own root (which may be a
/// shadow root).
#[hook]
pub fn use_focus(root: &NodeRef, focus: Option<(u32, InputId)>) {
    let root = root.clone();
    use_effect_on(focus, move |focus| {
        if let Some((_, id)) = *focus {
            let id = id.to_string();
            // After every component this render touched has rendered (a restored row is drawn
            // by a grandchild, which Yew may render after this effect).
            gloo::timers::callback::Timeout::new(0, move || browser::focus_within(&root, &id))
                .forget();
        }
    });
}

/// The countries a card has, with their names in `lang` sorted by name, and the suggestions
/// list: built once per language and card, not on every edit. A card with the same countries
/// and ways of joining as the last one (the two shipped cards) keeps its list: switching
/// between them names and sorts nothing again, and the `<datalist>` stays as it is.
#[hook]
pub fn use_country_choices(lang: Lang, card_id: String) -> CountryChoices {
    // The language and card of the choices, what they were made of, and the choices: one cell
    // rather than a `use_memo_on` keyed on the list, which cost 146 B more in the partner module.
    type Made = ((Lang, String), Vec<(String, String)>, CountryChoices);
    let cell = use_mut_ref(|| None::<Made>);
    let mut last = cell.borrow_mut();
    let key = (lang, card_id);
    if let Some((was, _, choices)) = &*last {
        if *was == key {
            return choices.clone();
        }
    }
    let t = lang.texts();
    let found: Vec<(String, String)> = with_registry(|r| {
        Ok::<_, RegistryError>(
            r.get(Some(&key.1))?
                .countries()
                .map(|(c, rates)| {
                    let mut ways = String::new();
                    let calls = [Call::TollDialIn, Call::TollFreeDialIn, Call::DialOut];
                    for (k, call) in calls
                        .into_iter()
                        .filter(|call| rates.rate(*call).is_some())
                        .enumerate()
                    {
                        push_joined(&mut ways, k, " · ", t.call(call));
                    }
                    if ways.is_empty() {
                        ways.push_str(t.app_only);
                    }
                    (c.to_string(), ways)
                })
                .collect(),
        )
    })
    .unwrap_or_default();
    if let Some((was, made_of, choices)) = &mut *last {
        if was.0 == lang && *made_of == found {
            *was = key;
            return choices.clone();
        }
    }
    let choices = {
        let names = browser::CountryNames::new(lang.tag());
        let mut rows: Vec<(String, String, String)> = found
            .iter()
            .map(|(c, ways)| (c.clone(), names.name(c), ways.clone()))
            .collect();
        rows.sort_by(|a, b| a.1.cmp(&b.1));
        // The suggestions of every country picker: each name, labelled with its ways of joining.
        let mut options = Markup::default();
        for (_, name, ways) in &rows {
            options.element("option", &[("value", name), ("label", ways)], "");
        }
        let list = rows.into_iter().map(|(c, n, _)| (c, n)).collect::<Vec<_>>();
        Rc::new((Rc::new(list), AttrValue::from(options.into_string())))
    };
    *last = Some((key, found, choices.clone()));
    choices
}

/// Country choices: `(code, name)` sorted by name, and the `<option>`s of the page's country
/// `<datalist>` as HTML (each name labelled with the ways of joining it supports).
pub type CountryChoices = Rc<(Rc<Vec<(String, String)>>, AttrValue)>;

/// False in the first render, true from the second on (for what need not be in the first
/// frame or the prerendered page).
#[hook]
pub fn use_after_first_render() -> bool {
    let ready = use_local_state(|| false);
    {
        let ready = ready.clone();
        use_effect_on((), move |_| ready.set(true));
    }
    ready.get()
}
