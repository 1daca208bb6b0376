//! The pricing page's prerendered results, kept while the form is the one they were rendered
//! for: the first view of a visitor in English then prices nothing and draws no results (the
//! totals, the sentences, the notes, the chart, the line items and the summary bar), and the
//! code that does both comes with the rest of the WebAssembly (see DESIGN.md, "Size notes"),
//! before the first edit, which waits for it. A first view priced otherwise (a browser in the
//! euro area gets the euro card) has the rest loaded before the app starts
//! ([`keeps_results`], asked by `main.js`). Natively, in the element and on the page's
//! other first part, nothing is kept.

use std::cell::{Cell, RefCell};

use yew::prelude::*;

use crate::ui::app_state::AppState;
use crate::ui::browser;

thread_local! {
    /// The first state, when `main.js` asked and the page's results fit it.
    static LANDING: RefCell<Option<AppState>> = const { RefCell::new(None) };
    /// Whether the glossary of the kept results is open ([`glossary_open`]): known (closed when
    /// nothing is kept), or `None` while the page keeps them and nobody has looked yet (it is
    /// looked at once, when the results are first drawn anew, not at every drawing).
    static GLOSSARY_OPEN: Cell<Option<bool>> = const { Cell::new(Some(false)) };
    /// The copies of the prerendered markup made so far, by selector.
    static COPIES: RefCell<Vec<(&'static str, web_sys::Node)>> = const { RefCell::new(Vec::new()) };
}

/// Whether the page's first view shows the prerendered results: a visit without a share link
/// from a browser in English whose region is not priced otherwise
/// ([`AppState::landing_as_prerendered`]). If so, the app starts from that state
/// ([`kept_landing`]) and keeps the results. `main.js` asks before it mounts the app, in the first
/// part cut for that view only; when they differ, it loads the rest first, so that pricing and
/// drawing do not fetch it by a synchronous request.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = keepsResults)]
pub fn keeps_results() -> bool {
    // (A share link's page loads the other first part, which does not ask.)
    let state = browser::fragment()
        .is_empty()
        .then(|| AppState::landing_as_prerendered(&browser::browser_language()))
        .flatten()
        // A page without the prerendered markup (not built by `cargo xtask dist`) keeps nothing.
        .filter(|_| KEPT.iter().all(|selector| copy(selector).is_some()));
    let fit = state.is_some();
    GLOSSARY_OPEN.set((!fit).then_some(false));
    LANDING.set(state);
    fit
}

/// The parts of the prerendered page the app keeps while they fit.
const KEPT: [&str; 2] = ["#summary-bar", ".ppm-result-body"];

/// The first state that keeps the prerendered results, once (see [`keeps_results`]).
pub fn kept_landing() -> Option<AppState> {
    LANDING.take()
}

/// Whether the visitor opened the glossary in the kept results: the results drawn in their place
/// at the first edit have it open too, instead of closing it under the visitor's eyes. (The
/// kept copy is the node the page showed; once replaced, its state no longer changes, so every
/// later drawing gets the same answer and leaves the visitor's own opening and closing alone.)
pub fn glossary_open() -> bool {
    GLOSSARY_OPEN.get().unwrap_or_else(glossary_left_open)
}

/// Whether the kept results hold an open glossary, remembered (out of line: only a page that
/// kept them asks, at its first edit).
#[inline(never)]
fn glossary_left_open() -> bool {
    use wasm_bindgen::JsCast;
    let open = COPIES.with_borrow(|copies| {
        copies
            .iter()
            .find(|(s, _)| *s == KEPT[1])
            .and_then(|(_, node)| {
                node.dyn_ref::<web_sys::Element>()?
                    .query_selector("#glossary[open]")
                    .ok()?
            })
            .is_some()
    });
    GLOSSARY_OPEN.set(Some(open));
    open
}

/// The prerendered page's element `selector` (one of [`KEPT`]), or nothing.
pub fn kept(selector: &'static str) -> Html {
    copy(selector).map(Html::VRef).unwrap_or_default()
}

/// A copy of the prerendered page's element `selector`, made at the first ask and the same node
/// after (the prerendered page is gone once the app is shown).
fn copy(selector: &'static str) -> Option<web_sys::Node> {
    COPIES.with_borrow_mut(|copies| {
        if let Some((_, node)) = copies.iter().find(|(s, _)| *s == selector) {
            return Some(node.clone());
        }
        let node = browser::prerendered_copy(selector)?;
        copies.push((selector, node.clone()));
        Some(node)
    })
}
