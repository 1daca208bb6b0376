//! A labelled number input with what it counts, an optional hint and an inline error message.

use yew::prelude::*;

use super::input_value;
use crate::ui::markup::text_element;

/// A text input for numbers (`inputmode="decimal"`, so any typed text reaches validation).
/// Not a component: its caller makes a new `oninput` at every render, so props would never
/// compare equal and a component's own Yew code (~1.8 KB) would buy nothing.
pub struct NumberField<'a> {
    /// Input id (also names the message, `<id>-error`, and the hint, `<id>-hint`).
    pub id: &'a str,
    /// Visible label.
    pub label: &'a str,
    /// What the number counts, shown after the input: a unit, or a control of its own that
    /// says it (the frequency's period).
    pub counts: Counts<'a>,
    /// The text as typed.
    pub value: &'a str,
    /// A line under the input that says what the field takes, empty for none. A message
    /// takes its place, on the same line, so an input turning wrong does not move the form.
    pub hint: &'a str,
    /// The message when the value is wrong.
    pub error: Option<String>,
    /// Called with the new text on every input.
    pub oninput: Callback<String>,
}

/// What a [`NumberField`]'s number counts.
pub enum Counts<'a> {
    /// A unit ("minutes"), which also describes the input (`<id>-unit`).
    Unit(&'a str),
    /// A control that chooses it, labelled on its own.
    Control(Html),
}

impl NumberField<'_> {
    /// The field: label, input, what it counts, and the message or else the hint.
    pub fn render(self) -> Html {
        let oninput = {
            let cb = self.oninput;
            Callback::from(move |e: InputEvent| cb.emit(input_value(&e)))
        };
        let id = self.id;
        // The line under the input: the message, or else the hint, or nothing.
        let (kind, class, line) = match &self.error {
            Some(msg) => ("error", "ppm-error", msg.as_str()),
            None => ("hint", "ppm-hint ppm-rule", self.hint),
        };
        let line_id = format!("{id}-{kind}");
        let unit_id = format!("{id}-unit");
        let (after, unit_ref) = match self.counts {
            Counts::Unit(unit) => (
                html! { <span class="ppm-unit" id={unit_id.clone()}>{ unit }</span> },
                Some(unit_id),
            ),
            Counts::Control(control) => (control, None),
        };
        let described = match (&unit_ref, line.is_empty()) {
            (Some(unit), false) => Some(format!("{unit} {line_id}")),
            (Some(unit), true) => Some(unit.clone()),
            (None, false) => Some(line_id.clone()),
            (None, true) => None,
        };
        html! {
            <div class="ppm-field">
                <label for={id.to_string()}>{ self.label }</label>
                <span class="ppm-input-unit">
                    <input id={id.to_string()} type="text" inputmode="decimal" autocomplete="off"
                        value={self.value.to_string()} {oninput}
                        aria-invalid={self.error.is_some().then_some("true")}
                        aria-describedby={described} />
                    { after }
                </span>
                if !line.is_empty() {
                    { text_element("p", &[("class", class), ("id", &line_id)], line) }
                }
            </div>
        }
    }
}
