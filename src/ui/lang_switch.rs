//! Switching the page's language: at once when its texts are here, or after the page fetched
//! them (the pricing page's bundle carries English only: `i18n/loaded.rs`). `www/main.js` hands
//! the app a loader `(tag, done)` that fetches `texts-<tag>.txt`, reads it into the WASM
//! (`addTexts`) and calls `done(tag, ok)`.

#[cfg(texts_on_demand)]
use std::{cell::Cell, rc::Rc};

#[cfg(texts_on_demand)]
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use super::app_state::{Action, AppState};
#[cfg(texts_on_demand)]
use super::lean_hooks::{use_local_state, use_memo_on, use_stable_callback};
use super::props::Importer;
use crate::lang::Lang;

/// What the language menu needs: the switch, and what to say when a language's texts could
/// not be fetched.
pub struct LangSwitch {
    /// Switches to a language (at once, or when its texts have arrived).
    pub switch: Callback<Lang>,
    /// Says, in the page's language `shown`, that the language the visitor picked could not be
    /// fetched (until the next pick); nothing otherwise.
    pub notice: Html,
}

/// The language switch of the app whose reducer `dispatcher` drives. The last pick wins: texts
/// that arrive for a language the visitor has since left are kept, but not switched to.
/// `standalone`: the pricing page, which fetched the landing language's texts before it
/// mounted the app (`firstLanguage`); if they could not be had, the notice says so from the
/// first render.
#[cfg(texts_on_demand)]
#[hook]
pub fn use_lang_switch(
    loader: Option<Importer>,
    dispatcher: UseReducerDispatcher<AppState>,
    shown: Lang,
    standalone: bool,
) -> LangSwitch {
    let failed = use_local_state(|| {
        standalone
            .then(crate::ui::i18n::landing_without_texts)
            .flatten()
    });
    let wanted: Rc<Cell<Option<Lang>>> = use_memo_on((), |_| Cell::new(None));
    // The closure the loader calls when a language's texts are read, or could not be.
    let done = use_mut_ref(|| None::<Closure<dyn Fn(String, bool)>>);
    let switch = {
        let failed = failed.clone();
        use_stable_callback(move |lang: Lang| {
            wanted.set(Some(lang));
            if lang.has_texts() {
                failed.set(None);
                dispatcher.dispatch(Action::Lang(lang));
                return;
            }
            let Some(loader) = &loader else {
                return;
            };
            let mut done = done.borrow_mut();
            let closure = done.get_or_insert_with(|| {
                let (wanted, failed, dispatcher) =
                    (wanted.clone(), failed.clone(), dispatcher.clone());
                Closure::new(move |tag: String, ok: bool| {
                    let lang = Lang::from_tag(&tag);
                    if wanted.get() != Some(lang) {
                        return;
                    }
                    if ok && lang.has_texts() {
                        failed.set(None);
                        dispatcher.dispatch(Action::Lang(lang));
                    } else {
                        failed.set(Some(lang));
                    }
                })
            });
            let tag = JsValue::from_str(lang.tag());
            if loader
                .0
                .call2(&JsValue::NULL, &tag, closure.as_ref())
                .is_err()
            {
                failed.set(Some(lang));
            }
        })
    };
    let notice = match failed.get() {
        Some(lang) => html! {
            <p class="ppm-notice" role="alert" id="lang-failed">
                { crate::ui::i18n::fill(shown.texts().texts_load_failed, &[lang.name()]) }
            </p>
        },
        None => Html::default(),
    };
    LangSwitch { switch, notice }
}

/// The language switch where every language is compiled in (partners' element, prerendering,
/// tests): at once, with nothing to fetch and no hook.
#[cfg(not(texts_on_demand))]
pub fn instant_lang_switch(
    loader: Option<Importer>,
    dispatcher: UseReducerDispatcher<AppState>,
    shown: Lang,
) -> LangSwitch {
    let _ = (loader, shown);
    LangSwitch {
        switch: Callback::from(move |lang: Lang| dispatcher.dispatch(Action::Lang(lang))),
        notice: Html::default(),
    }
}
