//! A labelled number input with its unit and an inline error message.

use yew::prelude::*;

use super::input_value;

/// Props of [`NumberField`].
#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    /// Input id (also names the error: `<id>-error`).
    pub id: AttrValue,
    /// Visible label.
    pub label: AttrValue,
    /// Unit shown after the input.
    pub unit: AttrValue,
    /// The text as typed.
    pub value: String,
    /// The message when the value is wrong.
    pub error: Option<String>,
    /// Called with the new text on every input.
    pub oninput: Callback<String>,
}

/// A text input for numbers (`inputmode="decimal"`, so any typed text reaches validation).
#[component]
pub fn NumberField(p: &NumberFieldProps) -> Html {
    let oninput = {
        let cb = p.oninput.clone();
        Callback::from(move |e: InputEvent| cb.emit(input_value(&e)))
    };
    let error_id = format!("{}-error", p.id);
    let unit_id = format!("{}-unit", p.id);
    let described = if p.error.is_some() {
        format!("{unit_id} {error_id}")
    } else {
        unit_id.clone()
    };
    html! {
        <div class="ppm-field">
            <label for={p.id.clone()}>{ &p.label }</label>
            <span class="ppm-input-unit">
                <input id={p.id.clone()} type="text" inputmode="decimal" autocomplete="off"
                    value={p.value.clone()} {oninput}
                    aria-invalid={if p.error.is_some() { "true" } else { "false" }}
                    aria-describedby={described} />
                <span class="ppm-unit" id={unit_id}>{ &p.unit }</span>
            </span>
            if let Some(msg) = &p.error {
                <p class="ppm-error" id={error_id}>{ msg }</p>
            }
        </div>
    }
}
