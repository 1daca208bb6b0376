//! The estimate's form as a domain model, free of Yew: what a visitor typed (the widget's
//! state), the share-mode arithmetic, reading it into the core's scenario in the form's
//! language with each problem at its input, edits with undo and focus, the presets, and the
//! share-link codec. The widget, the CLI (`ppm quote LINK`), the usage import and the fuzz
//! targets all use it; it is plain Rust, tested natively.

mod edit;
mod input_id;
pub mod link;
mod link_error;
mod mix;
mod model;
pub mod names;
pub mod number_input;
mod presets;
mod read;
mod reader;
#[cfg(test)]
mod tests;

pub use edit::{Edit, MixField, Removed};
pub use input_id::{InputId, LegInput, MeetingInput, MixInput};
pub use model::{
    CountryMix, Form, InputProblem, LegForm, MeetingForm, Mode, Origin, Period, MAX_FORM_ROWS,
};
pub use read::{message_for, messages_under};
pub use reader::Reading;
