//! The pricing page's prerendered chart and line items, kept while they show what the page
//! shows: the first view then runs no code to draw them, and that code comes with the rest of
//! the WebAssembly (see DESIGN.md, "Size notes"), before the first edit, which waits for it.
//! A first view whose figures differ (a browser in the euro area gets the euro card) has the
//! rest loaded before the app starts ([`prerendered_figures_fit`], asked by `main.js`).
//! (Natively, and on the page's other first part, nothing sets them to be kept.)

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::lang::Lang;
use crate::ui::app_state::AppState;
use crate::ui::browser;
use crate::ui::pricing::Priced;

/// The figures the first render drew and copies of their prerendered markup.
type Kept = Option<(Rc<Priced>, web_sys::Node, web_sys::Node)>;

thread_local! {
    /// Set when [`prerendered_figures_fit`] found that they fit, until the figures change.
    static KEEPING: Cell<bool> = const { Cell::new(false) };
    /// Made by the first render while keeping.
    static KEPT: RefCell<Kept> = const { RefCell::new(None) };
}

/// Whether the page's first view in the browser's language shows the prerendered chart and
/// line items (in English, without a share link, the same curve and models); if so, the app's
/// first render keeps them. `main.js` asks before it mounts the app, in the first part cut for
/// that view only; when they differ, it loads the rest first, so that drawing them does not
/// fetch it by a synchronous request.
#[wasm_bindgen(js_name = prerenderedFiguresFit)]
pub fn prerendered_figures_fit() -> bool {
    let first = AppState::landing(&browser::browser_language(), &browser::fragment());
    let fit = first.lang() == Lang::En
        && browser::fragment().is_empty()
        && first.pricing.shown.is_some_and(|priced| {
            AppState::prerendered_pricing().is_some_and(|page| priced.same_figures(&page))
        });
    KEEPING.set(fit);
    fit
}

/// Copies of the prerendered chart and line items while they fit and the figures to draw are
/// still `priced` of the first render; `None` once the quote changes (then they are drawn).
pub fn prerendered_figures(priced: &Rc<Priced>) -> Option<Html> {
    if !KEEPING.get() {
        return None;
    }
    kept_figures(priced)
}

/// The copies while `priced` is the first render's (made by that render).
#[inline(never)]
fn kept_figures(priced: &Rc<Priced>) -> Option<Html> {
    KEPT.with_borrow_mut(|kept| {
        if kept.is_none() {
            let chart = browser::prerendered_copy(".ppm-chart");
            let lines = browser::prerendered_copy(".ppm-line-items");
            *kept = chart.zip(lines).map(|(c, l)| (priced.clone(), c, l));
        }
        match kept {
            Some((first, chart, lines)) if Rc::ptr_eq(first, priced) => Some(html! {
                <>{ Html::VRef(chart.clone()) }{ Html::VRef(lines.clone()) }</>
            }),
            _ => {
                *kept = None;
                KEEPING.set(false);
                None
            }
        }
    })
}
