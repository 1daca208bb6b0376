//! One country of a simple-mode meeting: its share of the phone participants and how they
//! join. Its own component, so an edit re-renders only the row it changes.

use std::rc::Rc;

use yew::prelude::*;

use super::{error_message, input_value, name_of, CountryOf, CountryPicker, CountryPickerProps};
use crate::form::{message_for, CountryMix, Edit, InputId, MeetingInput, MixField, MixInput};
use crate::lang::Lang;

/// Props of [`MixRow`].
#[derive(Properties, PartialEq)]
pub struct MixRowProps {
    /// The meeting's position.
    pub meeting: usize,
    /// The row's position in the meeting.
    pub row: usize,
    /// The country and its shares.
    pub mix: CountryMix,
    /// Page language.
    pub lang: Lang,
    /// `(code, name)` of the card's countries, sorted by name.
    pub countries: Rc<Vec<(String, String)>>,
    /// Messages per input id.
    pub errors: Rc<Vec<(String, String)>>,
    /// Form edits.
    pub onedit: Callback<Edit>,
}

/// The table row of one country's call mix.
#[component]
pub fn MixRow(p: &MixRowProps) -> Html {
    let t = p.lang.texts();
    let (i, k) = (p.meeting, p.row);
    // The row's own elements (its messages) are named after it; its inputs by their `InputId`.
    let meeting = InputId::meeting(i, MeetingInput::Profile);
    let id = format!("{meeting}-countries-{k}");
    let input = |mix: MixInput| InputId::meeting(i, MeetingInput::Country(k, mix)).to_string();
    let err = |id: &str| message_for(&p.errors, id);
    let mix_error = err(&input(MixInput::Mix));
    let country_error = err(&input(MixInput::Country));
    let mix_wrong = mix_error.is_some();
    let c = &p.mix;
    let country_name = name_of(&p.countries, &c.country);
    let cell = |field: MixField, which: MixInput, value: &str, label: &str, short: &str| {
        let input_id = input(which);
        let e = err(&input_id);
        let on = p
            .onedit
            .reform(move |ev: InputEvent| Edit::Mix(i, k, field, input_value(&ev)));
        // What a screen reader says with the input: its own message, else the rule it is part
        // of: for a share, the meeting's shares (their hint, or the message that replaces it;
        // one of the two is there), for a way of joining, the row's message when it has one.
        let described = e
            .as_ref()
            .map(|_| format!("{input_id}-error"))
            .or_else(|| match which {
                MixInput::Share => Some(format!("{meeting}-shares-hint {meeting}-shares-error")),
                _ => mix_wrong.then(|| format!("{id}-mix-error")),
            });
        html! {
            <td data-label={format!("{short} (%)")}>
                <input id={input_id.clone()} type="text" inputmode="decimal" class="ppm-count"
                    aria-label={format!("{label}, {country_name} (%)")}
                    aria-invalid={e.is_some().then_some("true")}
                    aria-describedby={described}
                    value={value.to_string()} oninput={on} />
                if let Some(msg) = e {
                    { error_message(&format!("{input_id}-error"), &msg) }
                }
            </td>
        }
    };
    html! {
        <tr>
            <td data-label={t.country}>
                <CountryPicker ..CountryPickerProps { id: input(MixInput::Country).into(), label: format!("{} {}", t.country, k + 1).into(),
                    code: c.country.clone(), countries: p.countries.clone(),
                    unknown_message: t.err_country.into(), of: CountryOf::Mix(i, k), onedit: p.onedit.clone() } />
                if let Some(msg) = country_error {
                    { error_message(&format!("{id}-country-error"), &msg) }
                }
                if let Some(msg) = mix_error {
                    { error_message(&format!("{id}-mix-error"), &msg) }
                }
            </td>
            { cell(MixField::Share, MixInput::Share, &c.share, t.share_of_phone, t.share_short) }
            { cell(MixField::Toll, MixInput::Toll, &c.toll, t.toll_dial_in, t.toll_short) }
            { cell(MixField::TollFree, MixInput::TollFree, &c.toll_free, t.toll_free_dial_in, t.toll_free_short) }
            { cell(MixField::DialOut, MixInput::DialOut, &c.dial_out, t.dial_out, t.dial_out_short) }
            <td><button type="button" class="ppm-remove" onclick={p.onedit.reform(move |_: MouseEvent| Edit::RemoveCountry(i, k))}
                aria-label={format!("{} {}", t.remove, country_name)}>{ "×" }</button></td>
        </tr>
    }
}
