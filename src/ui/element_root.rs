//! The custom element's root component (feature `element`).

use yew::prelude::*;

use super::app::App;
use super::props::AppProps;

/// The custom element's root: the app, started afresh whenever the element's root is given to
/// another element (`Embed::reset`): the keyed child is recreated, while the root and its event
/// listeners (which Yew never frees) stay.
#[cfg(feature = "element")]
#[component]
pub fn ElementRoot(props: &AppProps) -> Html {
    let key = props.embed.as_ref().map_or(0, |e| e.reset);
    html! {
        <App key={key.to_string()} ..AppProps {
            embed: props.embed.clone(),
            importer: None,
            import_language: None,
            load_texts: props.load_texts.clone(),
        } />
    }
}
