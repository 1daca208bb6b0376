//! The pricing page's prerendered results, kept while they show what the page shows: the
//! first view then runs no code to draw them (the totals, the sentences, the notes, the chart
//! and the line items), and that code comes with the rest of the WebAssembly (see DESIGN.md,
//! "Size notes"), before the first edit, which waits for it. A first view priced otherwise (a
//! browser in the euro area gets the euro card) has the rest loaded before the app starts
//! ([`prerendered_results_fit`], asked by `main.js`). Natively, and on the page's other first
//! part, nothing sets them to be kept.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::lang::Lang;
use crate::ui::app_state::AppState;
use crate::ui::browser;
use crate::ui::pricing::Priced;

/// The pricing the first render showed and a copy of the prerendered results.
type Kept = Option<(Rc<Priced>, web_sys::Node)>;

thread_local! {
    /// Set when [`prerendered_results_fit`] found that they fit, until the pricing changes.
    static KEEPING: Cell<bool> = const { Cell::new(false) };
    /// Made by the first render while keeping.
    static KEPT: RefCell<Kept> = const { RefCell::new(None) };
}

/// Whether the page's first view in the browser's language shows the prerendered results: in
/// English, without a share link, priced exactly as the prerendered example (a guessed
/// organisation's country in the US or the UK changes nothing there); if so, the app's first
/// render keeps them. `main.js` asks before it mounts the app, in the first part cut for that
/// view only; when they differ, it loads the rest first, so that drawing them does not fetch it
/// by a synchronous request.
#[wasm_bindgen(js_name = keepsResults)]
pub fn prerendered_results_fit() -> bool {
    // (A share link's page loads the other first part, which does not ask.)
    let fit = browser::fragment().is_empty() && {
        let first = AppState::landing(&browser::browser_language(), "");
        first.lang() == Lang::En
            && first.pricing.shown.is_some_and(|priced| {
                AppState::prerendered_pricing().is_some_and(|page| *priced == *page)
            })
    };
    KEEPING.set(fit);
    fit
}

/// A copy of the prerendered results while they fit and the pricing to show is still `priced`
/// of the first render; `None` once it changes (then they are drawn).
pub fn prerendered_results(priced: &Rc<Priced>) -> Option<Html> {
    if !KEEPING.get() {
        return None;
    }
    kept_results(priced)
}

/// The copy while `priced` is the first render's (made by that render).
#[inline(never)]
fn kept_results(priced: &Rc<Priced>) -> Option<Html> {
    KEPT.with_borrow_mut(|kept| {
        if kept.is_none() {
            *kept = browser::prerendered_copy(".ppm-result-body").map(|c| (priced.clone(), c));
        }
        match kept {
            Some((first, copy)) if Rc::ptr_eq(first, priced) => Some(Html::VRef(copy.clone())),
            _ => {
                *kept = None;
                KEEPING.set(false);
                None
            }
        }
    })
}
