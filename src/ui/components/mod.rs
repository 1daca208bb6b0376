//! The widget's components, one per file.

mod chart;
mod country_picker;
mod line_items;
mod meeting_editor;
mod number_field;
mod results;

pub use chart::Chart;
pub use country_picker::{CountryPicker, COUNTRY_LIST_ID};
pub use line_items::LineItems;
pub use meeting_editor::MeetingEditor;
pub use number_field::NumberField;
pub use results::Results;

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
