//! A labelled number input with its unit and an inline error message.

use yew::prelude::*;

use super::{error_message, input_value};

/// A text input for numbers (`inputmode="decimal"`, so any typed text reaches validation).
/// Not a component: its caller makes a new `oninput` at every render, so props would never
/// compare equal and a component's own Yew code (~1.8 KB) would buy nothing.
pub struct NumberField<'a> {
    /// Input id (also names the error: `<id>-error`).
    pub id: &'a str,
    /// Visible label.
    pub label: &'a str,
    /// Unit shown after the input.
    pub unit: &'a str,
    /// The text as typed.
    pub value: &'a str,
    /// The message when the value is wrong.
    pub error: Option<String>,
    /// Called with the new text on every input.
    pub oninput: Callback<String>,
}

impl NumberField<'_> {
    /// The field: label, input, unit and message.
    pub fn render(self) -> Html {
        let oninput = {
            let cb = self.oninput;
            Callback::from(move |e: InputEvent| cb.emit(input_value(&e)))
        };
        let id = self.id;
        let error_id = format!("{id}-error");
        let unit_id = format!("{id}-unit");
        let described = if self.error.is_some() {
            format!("{unit_id} {error_id}")
        } else {
            unit_id.clone()
        };
        html! {
            <div class="ppm-field">
                <label for={id.to_string()}>{ self.label }</label>
                <span class="ppm-input-unit">
                    <input id={id.to_string()} type="text" inputmode="decimal" autocomplete="off"
                        value={self.value.to_string()} {oninput}
                        aria-invalid={if self.error.is_some() { "true" } else { "false" }}
                        aria-describedby={described} />
                    <span class="ppm-unit" id={unit_id}>{ self.unit }</span>
                </span>
                if let Some(msg) = self.error {
                    { error_message(&error_id, &msg) }
                }
            </div>
        }
    }
}
