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
mod results;
mod summary_bar;

pub use country_picker::{CountryPicker, COUNTRY_LIST_ID};
pub use leg_row::LegRow;
pub use meeting_editor::{MeetingEditor, MEETING_LIMIT};
pub use mix_row::MixRow;
pub use number_field::NumberField;
pub use results::Results;
pub use summary_bar::summary_bar;

use yew::TargetCast;

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
