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
