//! One meeting profile: name, meetings per month, duration, and its participant groups
//! (country, how they join, how many).

use std::rc::Rc;

use yew::prelude::*;

use super::{input_value, select_value, CountryPicker, NumberField};
use crate::rating::Call;
use crate::ui::i18n::Lang;
use crate::ui::state::{message_for, Edit, MeetingForm, MixField, Mode};

/// Props of [`MeetingEditor`].
#[derive(Properties, PartialEq)]
pub struct MeetingEditorProps {
    /// Position in the list.
    pub index: usize,
    /// The profile.
    pub meeting: MeetingForm,
    /// Page language.
    pub lang: Lang,
    /// `(code, name)` of the card's countries, sorted by name.
    pub countries: Rc<Vec<(String, String)>>,
    /// Messages per input id.
    pub errors: Rc<Vec<(String, String)>>,
    /// Form edits.
    pub onedit: Callback<Edit>,
}

/// The editor of one meeting profile.
#[component]
pub fn MeetingEditor(p: &MeetingEditorProps) -> Html {
    let t = p.lang.texts();
    let i = p.index;
    let err = |id: &str| message_for(&p.errors, id);
    let edit = p.onedit.clone();
    let base = format!("meetings-{i}");
    let title = if p.meeting.name.is_empty() {
        format!("{} {}", t.meetings, i + 1)
    } else {
        p.meeting.name.clone()
    };
    let on_name = {
        let edit = edit.clone();
        Callback::from(move |e: InputEvent| edit.emit(Edit::MeetingName(i, input_value(&e))))
    };
    html! {
            <fieldset class="ppm-meeting" id={base.clone()}>
                <legend>{ title }</legend>
                <div class="ppm-field">
                    <label for={format!("{base}-name")}>{ t.meeting_name }</label>
                    <input id={format!("{base}-name")} type="text" value={p.meeting.name.clone()} oninput={on_name} />
                </div>
                <div class="ppm-row">
                    <NumberField id={format!("{base}-perMonth")} label={t.per_month} unit={t.per_month_unit}
                        value={p.meeting.per_month.clone()} error={err(&format!("{base}-perMonth"))}
                        oninput={edit.reform(move |v| Edit::PerMonth(i, v))} />
                    <NumberField id={format!("{base}-minutes")} label={t.duration} unit={t.minutes_unit}
                        value={p.meeting.minutes.clone()} error={err(&format!("{base}-minutes"))}
                        oninput={edit.reform(move |v| Edit::Minutes(i, v))} />
                </div>
                <div class="ppm-mode" role="radiogroup" aria-label={t.entry_mode}>
                    <span class="ppm-mode-label">{ t.entry_mode }{ ":" }</span>
                    { for [(Mode::Simple, t.simple_mode, "simple"), (Mode::Detailed, t.detailed_mode, "detailed")].into_iter().map(|(mode, label, key)| {
                        let id = format!("{base}-mode-{key}");
                        html! {
                            <label for={id.clone()} class="ppm-radio">
                                <input type="radio" id={id} name={format!("{base}-mode")} checked={p.meeting.mode == mode}
                                    onchange={edit.reform(move |_: Event| Edit::Mode(i, mode))} />
                                { label }
                            </label>
                        }
                    }) }
                </div>
                if p.meeting.mode == Mode::Simple {
                    { simple_inputs(p) }
                } else {
                <table class="ppm-legs">
                    <caption>{ t.participants }</caption>
                    <thead><tr>
                        <th scope="col">{ t.country }</th>
                        <th scope="col">{ t.call_type }</th>
                        <th scope="col">{ t.count }</th>
                        <th scope="col"><span class="visually-hidden">{ t.remove }</span></th>
                    </tr></thead>
                    <tbody>
                    { for p.meeting.legs.iter().enumerate().map(|(j, leg)| {
                        let id = format!("{base}-legs-{j}");
                        let on_country = edit.reform(move |code: String| Edit::LegCountry(i, j, code));
                        let on_call = edit.reform(move |e: Event| {
                            let v = select_value(&e);
                            Edit::LegCall(i, j, Call::from_word(&v).unwrap_or(Call::App))
                        });
                        let on_count = edit.reform(move |e: InputEvent| Edit::LegCount(i, j, input_value(&e)));
                        let count_error = err(&format!("{id}-count"));
                        let row_error = err(&format!("{id}-country")).or_else(|| err(&format!("{id}-call")));
                        let remove = edit.reform(move |_: MouseEvent| Edit::RemoveLeg(i, j));
                        html! {
                            <tr>
                                <td>
    <CountryPicker id={format!("{id}-country")} label={format!("{} {}", t.country, j + 1)}
                                        code={leg.country.clone()} countries={p.countries.clone()}
                                        unknown_message={t.err_country} onchange={on_country} />
                                    if let Some(msg) = row_error {
                                        <p class="ppm-error" id={format!("{id}-error")}>{ msg }</p>
                                    }
                                </td>
                                <td>
                                    <select id={format!("{id}-call")} aria-label={format!("{} {}", t.call_type, j + 1)} onchange={on_call}>
                                        { for Call::ALL.iter().map(|c| html! {
                                            <option value={c.as_word()} selected={*c == leg.call}>{ p.lang.texts().call(*c) }</option>
                                        }) }
                                    </select>
                                </td>
                                <td>
                                    <input id={format!("{id}-count")} type="text" inputmode="decimal" class="ppm-count"
                                        aria-label={format!("{} {} ({})", t.count, j + 1, t.people_unit)}
                                        aria-invalid={if count_error.is_some() { "true" } else { "false" }}
                                        aria-describedby={count_error.as_ref().map(|_| format!("{id}-count-error"))}
                                        value={leg.count.clone()} oninput={on_count} />
                                    if let Some(msg) = count_error {
                                        <p class="ppm-error" id={format!("{id}-count-error")}>{ msg }</p>
                                    }
                                </td>
                                <td><button type="button" class="ppm-remove" onclick={remove}
                                    aria-label={format!("{} {} {}", t.remove, t.participants, j + 1)}>{ "×" }</button></td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
                <button type="button" onclick={edit.reform(move |_: MouseEvent| Edit::AddLeg(i, "US".into()))}>{ t.add_leg }</button>
                }
                <div class="ppm-meeting-actions">
                    <button type="button" onclick={edit.reform(move |_: MouseEvent| Edit::DuplicateMeeting(i))}>{ t.duplicate }</button>
                    <button type="button" onclick={edit.reform(move |_: MouseEvent| Edit::RemoveMeeting(i))}>{ t.remove }</button>
                </div>
            </fieldset>
        }
}

/// The simple-mode inputs: participants, the share by phone, and per country its share of the
/// phone participants and how they join.
fn simple_inputs(p: &MeetingEditorProps) -> Html {
    let t = p.lang.texts();
    let i = p.index;
    let edit = p.onedit.clone();
    let base = format!("meetings-{i}");
    let err = |id: &str| message_for(&p.errors, id);
    let shares_error = err(&format!("{base}-shares"));
    html! {
            <>
                <div class="ppm-row">
                    <NumberField id={format!("{base}-participants")} label={t.participants} unit={t.people_unit}
                        value={p.meeting.participants.clone()} error={err(&format!("{base}-participants"))}
                        oninput={edit.reform(move |v| Edit::Participants(i, v))} />
                    <NumberField id={format!("{base}-phoneShare")} label={t.phone_share} unit={t.percent}
                        value={p.meeting.phone_share.clone()} error={err(&format!("{base}-phoneShare"))}
                        oninput={edit.reform(move |v| Edit::PhoneShare(i, v))} />
                </div>
                <table class="ppm-legs ppm-mix">
                    <caption>{ t.share_of_phone }</caption>
                    <thead><tr>
                        <th scope="col">{ t.country }</th>
                        <th scope="col">{ format!("{} (%)", t.share_short) }</th>
                        <th scope="col" title={t.toll_dial_in}>{ format!("{} (%)", t.toll_short) }</th>
                        <th scope="col" title={t.toll_free_dial_in}>{ format!("{} (%)", t.toll_free_short) }</th>
                        <th scope="col" title={t.dial_out}>{ format!("{} (%)", t.dial_out_short) }</th>
                        <th scope="col"><span class="visually-hidden">{ t.remove }</span></th>
                    </tr></thead>
                    <tbody>
                    { for p.meeting.countries.iter().enumerate().map(|(k, c)| {
                        let id = format!("{base}-countries-{k}");
                        let country_name = p.countries.iter().find(|(code, _)| *code == c.country).map(|(_, n)| n.clone()).unwrap_or_else(|| c.country.clone());
                        let cell = |field: MixField, key: &str, value: &str, label: &str| {
                            let input_id = format!("{id}-{key}");
                            let e = err(&input_id);
                            let on = edit.reform(move |ev: InputEvent| Edit::Mix(i, k, field, input_value(&ev)));
                            html! {
                                <td>
                                    <input id={input_id.clone()} type="text" inputmode="decimal" class="ppm-count"
                                        aria-label={format!("{label}, {country_name} (%)")}
                                        aria-invalid={if e.is_some() { "true" } else { "false" }}
                                        aria-describedby={e.as_ref().map(|_| format!("{input_id}-error"))}
                                        value={value.to_string()} oninput={on} />
                                    if let Some(msg) = e {
                                        <p class="ppm-error" id={format!("{input_id}-error")}>{ msg }</p>
                                    }
                                </td>
                            }
                        };
                        let on_country = edit.reform(move |code: String| Edit::Mix(i, k, MixField::Country, code));
                        let mix_error = err(&format!("{id}-mix"));
                        html! {
                            <tr>
                                <td>
    <CountryPicker id={format!("{id}-country")} label={format!("{} {}", t.country, k + 1)}
                                        code={c.country.clone()} countries={p.countries.clone()}
                                        unknown_message={t.err_country} onchange={on_country} />
                                    if let Some(msg) = mix_error {
                                        <p class="ppm-error" id={format!("{id}-mix-error")}>{ msg }</p>
                                    }
                                </td>
                                { cell(MixField::Share, "share", &c.share, t.share_of_phone) }
                                { cell(MixField::Toll, "toll", &c.toll, t.toll_dial_in) }
                                { cell(MixField::TollFree, "tollFree", &c.toll_free, t.toll_free_dial_in) }
                                { cell(MixField::DialOut, "dialOut", &c.dial_out, t.dial_out) }
                                <td><button type="button" class="ppm-remove" onclick={edit.reform(move |_: MouseEvent| Edit::RemoveCountry(i, k))}
                                    aria-label={format!("{} {}", t.remove, country_name)}>{ "×" }</button></td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
                if let Some(msg) = shares_error {
                    <p class="ppm-error" id={format!("{base}-shares-error")}>{ msg }</p>
                }
                <button type="button" onclick={edit.reform(move |_: MouseEvent| Edit::AddCountry(i, "US".into()))}>{ t.add_country }</button>
            </>
        }
}
