//! The page's one `<datalist>` of country names for the country pickers. Its own component, so
//! the list is rendered again only when the language or the card changes, not on every edit.

use std::rc::Rc;

use yew::prelude::*;

use super::COUNTRY_LIST_ID;
use crate::ui::markup::Markup;

/// Props of [`CountryList`].
#[derive(Properties, PartialEq)]
pub struct CountryListProps {
    /// `(code, name)` of the card's countries, sorted by name.
    pub countries: Rc<Vec<(String, String)>>,
    /// Per country (same order), the ways of joining it supports, in words.
    pub ways: Rc<Vec<String>>,
}

/// The suggestions of every country picker.
#[component]
pub fn CountryList(p: &CountryListProps) -> Html {
    let mut options = Markup::default();
    for ((_, name), ways) in p.countries.iter().zip(p.ways.iter()) {
        options.element("option", &[("value", name), ("label", ways)], "");
    }
    html! {
        <datalist id={COUNTRY_LIST_ID}>
            { options.into_html() }
        </datalist>
    }
}
