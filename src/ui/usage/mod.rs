//! The usage import in the browser: its own WASM module (`ppm_import`, feature `usage-import`),
//! loaded only when a visitor picks or drops a file. It reads the files where they are
//! (`File.slice`, nothing is sent anywhere), shows the report, and hands the measured profile
//! to the widget as a share-link fragment, which the widget already knows how to read.

mod mix_csv;
mod mix_panel;
mod mix_texts;
mod panel;
mod texts;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::lang::Lang;
use panel::{ImportPanel, ImportPanelProps};

/// The panel of the last import (a new import replaces it) and its props.
type Shown = (yew::AppHandle<ImportPanel>, ImportPanelProps);

thread_local! {
    static SHOWN: RefCell<Option<Shown>> = const { RefCell::new(None) };
    static ROOT_IDS_SKIPPED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Roots this module numbers before its first panel (see [`skip_root_ids`]).
const SKIPPED_ROOTS: usize = 255;

/// An app that draws nothing (its root only takes a number).
#[yew::component]
fn Nothing() -> yew::Html {
    yew::Html::default()
}

/// Yew numbers the roots it renders from 1 in each WebAssembly module and routes a DOM event
/// to the root whose number the target's nearest root carries. The widget's module and this
/// one would both number their first root 1: a click in the report would also run one of the
/// widget's own handlers (a click on "Download the licence mix" downloaded the estimate). This
/// module's panels are numbered from 256 on; the page has one widget root.
fn skip_root_ids() {
    if ROOT_IDS_SKIPPED.with(|s| s.replace(true)) {
        return;
    }
    let document = gloo::utils::document();
    for _ in 0..SKIPPED_ROOTS {
        if let Ok(host) = document.create_element("div") {
            yew::Renderer::<Nothing>::with_root(host).render().destroy();
        }
    }
}

/// Shows the panel of the last import in the page's new language (it keeps what it read).
#[wasm_bindgen(js_name = setUsageImportLanguage)]
pub fn set_usage_import_language(lang: &str) {
    let Some(lang) = Lang::parse(lang) else {
        return;
    };
    SHOWN.with(|shown| {
        if let Some((handle, props)) = shown.borrow_mut().as_mut() {
            if props.lang != lang {
                props.lang = lang;
                handle.update(props.clone());
            }
        }
    });
}

/// Reads `files` (a zip or CSV of the admin center, Graph JSON pages) and shows the report in
/// `container`, in the language `lang`, reconciled with the card `card`. `apply(fragment,
/// replace)` is called when the visitor uses the result: `fragment` is a share link holding the
/// measured profiles and organisers, `replace` whether they replace the modelled meetings.
#[wasm_bindgen(js_name = openUsageImport)]
pub fn open_usage_import(
    container: web_sys::Element,
    files: js_sys::Array,
    lang: &str,
    card: &str,
    apply: js_sys::Function,
) -> Result<(), JsError> {
    let files: Vec<web_sys::File> = files
        .iter()
        .filter_map(|f| f.dyn_into::<web_sys::File>().ok())
        .collect();
    SHOWN.with(|shown| {
        if let Some((old, _)) = shown.borrow_mut().take() {
            old.destroy();
        }
        container.set_text_content(None);
        skip_root_ids();
        let props = ImportPanelProps {
            files: Rc::new(files),
            lang: Lang::parse(lang).unwrap_or(Lang::En),
            card: card.to_string(),
            apply: panel::Apply(apply),
        };
        let handle =
            yew::Renderer::<ImportPanel>::with_root_and_props(container, props.clone()).render();
        *shown.borrow_mut() = Some((handle, props));
    });
    Ok(())
}
