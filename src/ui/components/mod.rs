//! The widget's components, one per file.
//!
//! Lists: Yew matches an unkeyed list's children from its *end*, and `{ for … }` is spliced
//! into the list of its siblings. So a list whose length changes goes in a list of its own
//! (its own element, or a fragment `<>{ for … }</>`), and rows that are added at the end carry
//! `key={index}`: otherwise adding a meeting handed every editor its neighbour's props and
//! rebuilt the fields above the list (420 DOM mutations where one editor's worth will do).

mod chart;
mod country_picker;
mod glossary;
mod leg_row;
mod line_items;
mod meeting_editor;
mod mix_row;
mod number_field;
#[cfg(feature = "page")]
pub mod prerendered;
mod results;
mod summary_bar;

pub(crate) use country_picker::name_of;
pub use country_picker::{CountryOf, CountryPicker, CountryPickerProps, COUNTRY_LIST_ID};
pub use leg_row::{LegRow, LegRowProps};
pub use meeting_editor::{MeetingEditor, MeetingEditorProps, MEETING_LIMIT};
pub use mix_row::{MixRow, MixRowProps};
pub use number_field::{Counts, NumberField};
pub use results::{Results, ResultsProps};
pub use summary_bar::summary_bar;

use yew::TargetCast;

/// A `<button type="button">`: built here once for the widget's many buttons (each written
/// out in `html!` is its own few hundred bytes of WebAssembly). Buttons with a `class` keep
/// their own markup (a `class` that is not a literal would bring Yew's `Classes` in).
pub(crate) struct Button<'a> {
    text: &'a str,
    onclick: yew::Callback<web_sys::MouseEvent>,
    id: Option<String>,
    label: Option<String>,
    part: Option<&'static str>,
    expanded: Option<&'static str>,
}

impl<'a> Button<'a> {
    /// A button saying `text`.
    pub fn new(text: &'a str, onclick: yew::Callback<web_sys::MouseEvent>) -> Self {
        Button {
            text,
            onclick,
            id: None,
            label: None,
            part: None,
            expanded: None,
        }
    }

    /// Its `id`.
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Its `aria-label`: what it does, in full, where the text is short ("Remove").
    pub fn label(mut self, label: String) -> Self {
        self.label = Some(label);
        self
    }

    /// Its `part`, for partners' styles.
    pub fn part(mut self, part: &'static str) -> Self {
        self.part = Some(part);
        self
    }

    /// Its `aria-expanded` ("true" or "false").
    pub fn expanded(mut self, expanded: &'static str) -> Self {
        self.expanded = Some(expanded);
        self
    }

    /// The button.
    pub fn render(self) -> yew::Html {
        yew::html! {
            <button type="button" id={self.id} aria-label={self.label} part={self.part}
                aria-expanded={self.expanded} onclick={self.onclick}>{ self.text.to_string() }</button>
        }
    }
}

/// An input's message (`<p class="ppm-error">`), which the input names in its
/// `aria-describedby`: written as HTML text (see `ui::markup`), one call wherever a message shows.
pub(crate) fn error_message(id: &str, message: &str) -> yew::Html {
    crate::ui::markup::text_element("p", &[("class", "ppm-error"), ("id", id)], message)
}

/// The text of the `<input>` an event came from.
pub(crate) fn input_value<E: TargetCast>(e: &E) -> String {
    e.target_unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

/// The value of the `<select>` an event came from.
pub(crate) fn select_value<E: TargetCast>(e: &E) -> String {
    e.target_unchecked_into::<web_sys::HtmlSelectElement>()
        .value()
}
