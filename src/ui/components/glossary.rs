//! The words of the quote explained: one disclosure (`<details>`) with a definition list, so it
//! opens by keyboard and reads as a list of terms in screen readers.

use yew::prelude::*;

use crate::lang::Lang;

/// Props of [`Glossary`].
#[derive(Properties, PartialEq)]
pub struct GlossaryProps {
    /// Page language.
    pub lang: Lang,
}

/// "What do these words mean?"
#[component]
pub fn Glossary(p: &GlossaryProps) -> Html {
    let t = p.lang.texts();
    html! {
        <details class="ppm-glossary" id="glossary">
            <summary>{ t.glossary_title }</summary>
            <dl>
                { for t.glossary_terms.iter().zip(t.glossary_meanings).map(|(term, meaning)| html! {
                    <>
                        <dt>{ *term }</dt>
                        <dd>{ meaning }</dd>
                    </>
                }) }
            </dl>
        </details>
    }
}
