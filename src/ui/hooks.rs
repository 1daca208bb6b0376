//! The app's effects as named hooks: the share link in the address, the page's language, and
//! the focus after an edit. Each runs after render, never during it.

use yew::prelude::*;

use super::app::Importer;
use super::app_state::AppState;
use super::browser;
use crate::form::{link, InputId};
use crate::lang::Lang;

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
    use_effect_with((form, chosen), move |(form, chosen)| {
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
    use_effect_with(lang, move |lang| {
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
    use_effect_with(focus, move |focus| {
        if let Some((_, id)) = *focus {
            let id = id.to_string();
            // After every component this render touched has rendered (a restored row is drawn
            // by a grandchild, which Yew may render after this effect).
            gloo::timers::callback::Timeout::new(0, move || browser::focus_within(&root, &id))
                .forget();
        }
    });
}
