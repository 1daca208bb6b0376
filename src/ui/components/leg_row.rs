//! One participant group of a detailed-mode meeting: country, way of joining, how many.
//! Its own component, so an edit re-renders only the row it changes.

use std::rc::Rc;

use yew::prelude::*;

use super::{
    error_message, input_value, select_value, CountryOf, CountryPicker, CountryPickerProps,
};
use crate::form::{message_for, Edit, InputId, LegForm, LegInput, MeetingInput};
use crate::lang::Lang;
use crate::rating::Call;

/// Props of [`LegRow`].
#[derive(Properties, PartialEq)]
pub struct LegRowProps {
    /// The meeting's position.
    pub meeting: usize,
    /// The row's position in the meeting.
    pub row: usize,
    /// The group.
    pub leg: LegForm,
    /// Page language.
    pub lang: Lang,
    /// `(code, name)` of the card's countries, sorted by name.
    pub countries: Rc<Vec<(String, String)>>,
    /// Messages per input id.
    pub errors: Rc<Vec<(String, String)>>,
    /// Form edits.
    pub onedit: Callback<Edit>,
}

/// The table row of one participant group.
#[component]
pub fn LegRow(p: &LegRowProps) -> Html {
    let t = p.lang.texts();
    let (i, j) = (p.meeting, p.row);
    // The row's own elements (its message) are named after it; its inputs by their `InputId`.
    let id = format!("{}-legs-{j}", InputId::meeting(i, MeetingInput::Profile));
    let input = |leg: LegInput| InputId::meeting(i, MeetingInput::Leg(j, leg)).to_string();
    let err = |id: &str| message_for(&p.errors, id);
    let on_call = p.onedit.reform(move |e: Event| {
        let v = select_value(&e);
        Edit::LegCall(i, j, Call::from_word(&v).unwrap_or(Call::App))
    });
    let on_count = p
        .onedit
        .reform(move |e: InputEvent| Edit::LegCount(i, j, input_value(&e)));
    let remove = p.onedit.reform(move |_: MouseEvent| Edit::RemoveLeg(i, j));
    let count_error = err(&input(LegInput::Count));
    let row_error = err(&input(LegInput::Country)).or_else(|| err(&input(LegInput::Call)));
    html! {
        <tr>
            <td data-label={t.country}>
                <CountryPicker ..CountryPickerProps { id: input(LegInput::Country).into(), label: format!("{} {}", t.country, j + 1).into(),
                    code: p.leg.country.clone(), countries: p.countries.clone(),
                    unknown_message: t.err_country.into(), of: CountryOf::Leg(i, j), onedit: p.onedit.clone() } />
                if let Some(msg) = row_error {
                    { error_message(&format!("{id}-error"), &msg) }
                }
            </td>
            <td data-label={t.call_type}>
                <select id={input(LegInput::Call)} aria-label={format!("{} {}", t.call_type, j + 1)} onchange={on_call}>
                    { for Call::ALL.iter().map(|c| html! {
                        <option value={c.as_word()} selected={*c == p.leg.call}>{ t.call(*c) }</option>
                    }) }
                </select>
            </td>
            <td data-label={t.count}>
                <input id={input(LegInput::Count)} type="text" inputmode="decimal" class="ppm-count"
                    aria-label={format!("{} {} ({})", t.count, j + 1, t.people_unit)}
                    aria-invalid={count_error.is_some().then_some("true")}
                    aria-describedby={count_error.as_ref().map(|_| format!("{id}-count-error"))}
                    value={p.leg.count.clone()} oninput={on_count} />
            </td>
            <td><button type="button" class="ppm-remove" onclick={remove}
                aria-label={format!("{} {} {}", t.remove, t.participants, j + 1)}>{ "×" }</button></td>
            // The count's message gets the row's whole width (in the narrow count column a
            // German sentence took eight lines).
            if let Some(msg) = count_error {
                <td class="ppm-row-error" colspan="4">
                    { error_message(&format!("{id}-count-error"), &msg) }
                </td>
            }
        </tr>
    }
}
