//! What the widget is given: its props, a partner page's embedding ([`Embed`]) and the
//! pricing page's usage-import hooks ([`Importer`]). Their own file, so that the app and its
//! hooks import them without importing each other.

use std::rc::Rc;

use yew::prelude::*;

use super::embed::Hidden;
use super::embed::Problems;
use super::pricing::Priced;
use crate::form::Form;
use crate::lang::Lang;
use crate::rating::ScenarioDocument;

/// How a partner's page embeds the widget (`<ppm-pricing>`, see `element.rs`). The pricing page
/// passes none: it owns the URL fragment and the document language.
#[derive(Debug, Clone, PartialEq)]
pub struct Embed {
    /// The language the host asks for.
    pub lang: Lang,
    /// The card the host asks for (already checked to exist).
    pub card: String,
    /// A preset form; a new generation number replaces the form even if it is equal.
    pub preset: Option<(u32, Rc<Form>)>,
    /// Results only, in one column.
    pub compact: bool,
    /// Sections the host hides.
    pub hidden: Hidden,
    /// The configuration's problems (bad attributes, a card that could not be loaded), shown
    /// in the widget's language.
    pub problems: Problems,
    /// A partner card this widget loaded itself; listed after the built-in cards.
    pub partner_card: Option<String>,
    /// Called with every new quote and the scenario it prices.
    pub on_quote: Callback<(Rc<Priced>, ScenarioDocument)>,
    /// The generation of the app: a new one starts the widget afresh (a reused root).
    pub reset: u32,
}

/// Opens the usage import, the pricing page's lazily loaded module (`www/usage-import.js`):
/// called with the panel's container, the files, the language, the card id and the callback
/// `(fragment, replace)`; returns a promise that rejects when the module cannot be loaded.
#[derive(Clone)]
pub struct Importer(pub js_sys::Function);

impl PartialEq for Importer {
    fn eq(&self, _: &Self) -> bool {
        true // given once, at mount
    }
}

/// Props of [`App`].
#[derive(Properties, Clone, Default)]
pub struct AppProps {
    /// Set when a partner's page embeds the widget.
    #[prop_or_default]
    pub embed: Option<Rc<Embed>>,
    /// The usage import (the pricing page only).
    #[prop_or_default]
    pub importer: Option<Importer>,
    /// Tells the usage import's panel the page's language (the pricing page only).
    #[prop_or_default]
    pub import_language: Option<Importer>,
    /// Fetches a language's texts: called with its tag and `done(tag, ok)` (the pricing page
    /// only: `lang_switch.rs`).
    #[prop_or_default]
    pub load_texts: Option<Importer>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        // The pricing page's bundle never changes its props; no comparison code for it.
        !cfg!(feature = "element") || self.embed == other.embed
    }
}

impl AppProps {
    /// The embedding, known to be absent when the bundle has no custom element (so the pricing
    /// page's WASM carries none of its code).
    pub fn embed(&self) -> Option<&Embed> {
        if cfg!(feature = "element") {
            self.embed.as_deref()
        } else {
            None
        }
    }
}
