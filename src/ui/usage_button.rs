//! "Use your real usage" on the pricing page: the button, the drop zone and the panel that
//! hand files to the lazily loaded import module, and take back its measured profile.

use std::rc::Rc;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[cfg(target_arch = "wasm32")]
use super::app_state::Action;
use super::app_state::AppState;
use super::lean_hooks::LocalState;
use super::props::Importer;
#[cfg(target_arch = "wasm32")]
use crate::form::link;

/// What the usage import needs of the app: the file input, the panel the import's module
/// renders into (Yew leaves its content alone: it has no children here), the callback handed
/// to the module, and whether the module could not be loaded.
pub struct UsageRefs {
    /// The hidden file input.
    pub file: NodeRef,
    /// The panel the import's module renders into.
    pub panel: NodeRef,
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    /// The callback handed to the module, kept alive while it may call it.
    pub apply: Rc<std::cell::RefCell<Option<ApplyClosure>>>,
    /// Whether the module could not be loaded.
    pub load_failed: LocalState<bool>,
}

/// The closure the import's module calls with the measured profile.
#[cfg(target_arch = "wasm32")]
pub type ApplyClosure = Closure<dyn Fn(String, bool)>;
/// Natively (prerendering) there is no module to call back.
#[cfg(not(target_arch = "wasm32"))]
pub type ApplyClosure = ();

/// The full-width panel the import's module renders its progress and report into (below the
/// inputs and the results, so that the report's tables have a desktop's width).
pub fn usage_panel(refs: &UsageRefs) -> Html {
    html! { <div class="ppm-usage-report" id="usage-panel" ref={refs.panel.clone()}></div> }
}

/// "Use your real usage": a button that opens the file picker, a drop zone, and the panel
/// where the lazily loaded import shows its progress and report. Nothing of the import is in
/// this bundle but the hand-over: a share-link fragment of the measured profiles.
pub fn usage_import(
    state: &UseReducerHandle<AppState>,
    importer: Option<Importer>,
    refs: &UsageRefs,
) -> Html {
    let t = state.lang().texts();
    let open = {
        let file = refs.file.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        })
    };
    let start = {
        let (panel, apply, failed) = (
            refs.panel.clone(),
            refs.apply.clone(),
            refs.load_failed.clone(),
        );
        let (lang, card) = (state.lang(), state.form.card_id.clone());
        let dispatcher = state.dispatcher();
        Callback::from(move |files: js_sys::Array| {
            #[cfg(target_arch = "wasm32")]
            {
                let (Some(importer), Some(container)) =
                    (&importer, panel.cast::<web_sys::Element>())
                else {
                    return;
                };
                if files.length() == 0 {
                    return;
                }
                failed.set(false);
                let dispatcher = dispatcher.clone();
                let closure =
                    Closure::<dyn Fn(String, bool)>::new(move |fragment: String, replace: bool| {
                        if let Ok((form, _)) = link::decode(&fragment) {
                            dispatcher.dispatch(Action::Measured(form, replace));
                        }
                    });
                let args = js_sys::Array::of5(
                    &container,
                    &files,
                    &JsValue::from_str(lang.tag()),
                    &JsValue::from_str(&card),
                    closure.as_ref(),
                );
                *apply.borrow_mut() = Some(closure);
                // The report is drawn below both columns, at the page's full width.
                container.scroll_into_view();
                if let Ok(promise) = importer.0.apply(&JsValue::NULL, &args) {
                    let failed = failed.clone();
                    let on_error =
                        Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| failed.set(true));
                    let _ = js_sys::Promise::from(promise).catch(&on_error);
                    // A few bytes per import, for a promise that may reject at any time.
                    on_error.forget();
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (
                &files,
                &importer,
                &panel,
                &apply,
                &failed,
                lang,
                &card,
                &dispatcher,
            );
        })
    };
    let on_change = {
        let start = start.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            if let Some(list) = input.files() {
                start.emit(js_sys::Array::from(&list));
            }
            // The same file may be picked again.
            input.set_value("");
        })
    };
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let on_drop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        if let Some(list) = e.data_transfer().and_then(|d| d.files()) {
            start.emit(js_sys::Array::from(&list));
        }
    });
    html! {
        <div class="ppm-usage-import" id="usage-drop" ondragover={on_drag_over} ondrop={on_drop}>
            <button type="button" id="import-usage" aria-describedby="usage-hint" onclick={open}>{ t.use_real_usage }</button>
            <input type="file" id="usage-file" ref={refs.file.clone()} class="visually-hidden" tabindex="-1"
                aria-hidden="true" accept=".zip,.csv,.json,application/zip,text/csv,application/json" multiple=true onchange={on_change} />
            <p class="ppm-hint" id="usage-hint">{ t.usage_hint }</p>
            if refs.load_failed.get() {
                <p class="ppm-notice" role="alert" id="usage-load-failed">{ t.usage_load_failed }</p>
            }
        </div>
    }
}
