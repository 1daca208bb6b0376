//! The words of the quote explained: one disclosure (`<details>`) with a definition list, so it
//! opens by keyboard and reads as a list of terms in screen readers.

use yew::prelude::*;

use crate::lang::Lang;
use crate::ui::markup::Markup;

/// "What do these words mean?", closed unless `open`.
pub fn glossary(lang: Lang, open: bool) -> Html {
    let t = lang.texts();
    let mut terms = Markup::default();
    terms.literal("<dl>");
    for (term, meaning) in t.glossary_terms.iter().zip(t.glossary_meanings) {
        terms.element("dt", &[], term).element("dd", &[], meaning);
    }
    terms.literal("</dl>");
    html! {
        <details class="ppm-glossary" id="glossary" {open}>
            <summary>{ t.glossary_title }</summary>
            { terms.into_html() }
        </details>
    }
}
