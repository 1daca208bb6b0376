//! One meeting profile: name, meetings per month, duration, and its participant groups
//! (country, how they join, how many). Long lists stay light: a profile with more than
//! [`ROW_LIMIT`] rows shows the first ones and a button for the rest, and in a list of more than
//! [`MEETING_LIMIT`] profiles only one is open at a time, the others are one-line summaries.

use std::rc::Rc;

use yew::prelude::*;

use rust_decimal::Decimal;

use super::{
    error_message, input_value, name_of, select_value, Button, Counts, LegRow, LegRowProps, MixRow,
    MixRowProps, NumberField,
};
use crate::form::number_input;
use crate::form::{
    message_for, messages_under, Edit, InputId, MeetingForm, MeetingInput, Mode, Period,
};
use crate::lang::Lang;
use crate::rating::money::DecimalOps as _;
use crate::rating::scenario::Amount;
use crate::ui::format;
use crate::ui::markup::{text_element, Markup};

/// Rows of a profile shown before "Show all".
pub const ROW_LIMIT: usize = 40;
/// Profiles above this many start collapsed.
pub const MEETING_LIMIT: usize = 8;

/// Props of [`MeetingEditor`].
#[derive(Properties, PartialEq)]
pub struct MeetingEditorProps {
    /// Position in the list.
    pub index: usize,
    /// The profile.
    pub meeting: Rc<MeetingForm>,
    /// Page language.
    pub lang: Lang,
    /// `(code, name)` of the card's countries, sorted by name.
    pub countries: Rc<Vec<(String, String)>>,
    /// Messages per input id (this meeting's only).
    pub errors: Rc<Vec<(String, String)>>,
    /// The list is long: this profile shows only its summary unless it is the open one.
    #[prop_or_default]
    pub collapsed: bool,
    /// The list is long and this is its open profile (it gets a "Close" button).
    #[prop_or_default]
    pub closable: bool,
    /// Opens this profile (`Some(index)`) or closes it (`None`).
    #[prop_or_default]
    pub ontoggle: Callback<Option<usize>>,
    /// All rows are shown, not only the first [`ROW_LIMIT`].
    #[prop_or_default]
    pub all_rows: bool,
    /// Asks for all rows of the profile at this index.
    #[prop_or_default]
    pub onallrows: Callback<usize>,
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
    let base = InputId::meeting(i, MeetingInput::Profile).to_string();
    let id_of = |input: MeetingInput| InputId::meeting(i, input).to_string();
    // A profile with a problem opens, so that its message is seen.
    let has_error = p
        .errors
        .iter()
        .any(|(id, _)| id.starts_with(&format!("{base}-")));
    let title = if p.meeting.name.is_empty() {
        crate::form::names::meeting_n(p.lang, i + 1)
    } else {
        p.meeting.name.clone()
    };
    if p.meeting.mode == Mode::Measured {
        return measured(p, &title);
    }
    if p.collapsed && !has_error {
        return collapsed(p, title);
    }
    let on_name = edit.reform(move |e: InputEvent| Edit::MeetingName(i, input_value(&e)));
    let rows = if p.meeting.mode == Mode::Simple {
        p.meeting.countries.len()
    } else {
        p.meeting.legs.len()
    };
    let shown = if p.all_rows {
        rows
    } else {
        rows.min(ROW_LIMIT)
    };
    let more = (shown < rows).then(|| {
        html! {
            <button type="button" class="ppm-show-all" id={format!("{base}-show-all")}
                onclick={p.onallrows.reform(move |_: MouseEvent| i)}>
                { crate::ui::i18n::fill(t.show_all_rows, &[&format::plain(p.lang, &rows.to_string(), 0)]) }
            </button>
        }
    });
    html! {
        <fieldset class="ppm-meeting" id={base.clone()}>
            <legend>{ title.clone() }</legend>
            if p.closable {
                <button type="button" class="ppm-close" id={format!("{base}-close")} aria-expanded="true"
                    onclick={p.ontoggle.reform(|_: MouseEvent| None)}>{ t.close_meeting }</button>
            }
            <div class="ppm-field">
                <label for={id_of(MeetingInput::Name)}>{ t.meeting_name }</label>
                <input id={id_of(MeetingInput::Name)} type="text" value={p.meeting.name.clone()} oninput={on_name} />
            </div>
            <div class="ppm-row">
                { frequency(p, err(&id_of(MeetingInput::PerMonth))) }
                { NumberField { id: &id_of(MeetingInput::Minutes), label: t.duration, counts: Counts::Unit(t.minutes_unit),
                    value: &p.meeting.minutes, hint: "", error: err(&id_of(MeetingInput::Minutes)),
                    oninput: edit.reform(move |v| Edit::Minutes(i, v)) }.render() }
            </div>
            <div class="ppm-mode" role="radiogroup" aria-label={t.entry_mode}>
                <span class="ppm-mode-label">{ t.entry_mode }{ t.colon }</span>
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
                { simple_inputs(p, shown, more) }
            } else {
                <table class="ppm-legs">
                    <caption>{ t.participants }</caption>
                    { column_heads(&[(t.country, None), (t.call_type, None), (t.count, None)], t.remove) }
                    <tbody>
                    { for p.meeting.legs.iter().take(shown).enumerate().map(|(j, leg)| html! {
                        <LegRow key={j} ..LegRowProps { meeting: i, row: j, leg: leg.clone(), lang: p.lang,
                            countries: p.countries.clone(), errors: messages_under(&p.errors, &format!("{base}-legs-{j}-")), onedit: edit.clone() } />
                    }) }
                    </tbody>
                </table>
                { more.unwrap_or_default() }
                { Button::new(t.add_leg, edit.reform(move |_: MouseEvent| Edit::AddLeg(i, "US".into()))).render() }
            }
            <div class="ppm-meeting-actions">
                { Button::new(t.duplicate, edit.reform(move |_: MouseEvent| Edit::DuplicateMeeting(i))).id(format!("{base}-duplicate")).label(crate::ui::i18n::fill(t.duplicate_named, &[&title])).render() }
                { Button::new(t.remove, edit.reform(move |_: MouseEvent| Edit::RemoveMeeting(i))).id(format!("{base}-remove")).label(crate::ui::i18n::fill(t.remove_named, &[&title])).render() }
            </div>
        </fieldset>
    }
}

/// A profile of a long list that is not the open one: its name, what it holds in one line, and
/// a button that opens it. (Out of line: only lists of more than [`MEETING_LIMIT`] profiles run
/// it, so it stays out of the first part of the WebAssembly.)
#[inline(never)]
fn collapsed(p: &MeetingEditorProps, title: String) -> Html {
    let t = p.lang.texts();
    let i = p.index;
    let base = InputId::meeting(i, MeetingInput::Profile).to_string();
    let people = p
        .meeting
        .groups(p.lang)
        .iter()
        .filter_map(|g| match number_input::read(&g.count, p.lang) {
            Ok(Amount::Number(d)) => Some(d),
            _ => None,
        })
        .fold(Decimal::ZERO, |sum, d| sum.cadd(d).unwrap_or(sum));
    let summary = crate::ui::i18n::fill(
        t.meeting_summary,
        &[
            &format!(
                "{} {}",
                p.meeting.per_month,
                t.period_unit(p.meeting.period)
            ),
            &p.meeting.minutes,
            &format::plain(p.lang, &people.to_string(), 1),
        ],
    );
    html! {
        <fieldset class="ppm-meeting ppm-collapsed" id={base.clone()}>
            <legend>{ title }</legend>
            <p class="ppm-meeting-summary">{ summary }</p>
            { Button::new(t.edit_meeting, p.ontoggle.reform(move |_: MouseEvent| Some(i))).id(format!("{base}-open")).expanded("false").render() }
        </fieldset>
    }
}

/// How often the meeting takes place: a number and what it counts (per week, month, year).
fn frequency(p: &MeetingEditorProps, error: Option<String>) -> Html {
    let t = p.lang.texts();
    let i = p.index;
    let on_period = p.onedit.reform(move |e: Event| {
        let letter = select_value(&e);
        Edit::Period(i, Period::from_letter(&letter).unwrap_or_default())
    });
    let period = html! {
        <select id={InputId::meeting(i, MeetingInput::Period).to_string()} aria-label={t.period} onchange={on_period}>
            { for Period::ALL.into_iter().map(|period| html! {
                <option value={period.letter()} selected={period == p.meeting.period}>{ t.period_unit(period) }</option>
            }) }
        </select>
    };
    NumberField {
        id: &InputId::meeting(i, MeetingInput::PerMonth).to_string(),
        label: t.frequency,
        counts: Counts::Control(period),
        value: &p.meeting.per_month,
        hint: "",
        error,
        oninput: p.onedit.reform(move |v| Edit::PerMonth(i, v)),
    }
    .render()
}

/// The simple-mode inputs: participants, the share by phone, and per country its share of the
/// phone participants and how they join (the first `shown` countries, then `more`).
fn simple_inputs(p: &MeetingEditorProps, shown: usize, more: Option<Html>) -> Html {
    let t = p.lang.texts();
    let i = p.index;
    let edit = p.onedit.clone();
    let base = InputId::meeting(i, MeetingInput::Profile).to_string();
    let id_of = |input: MeetingInput| InputId::meeting(i, input).to_string();
    let err = |id: &str| message_for(&p.errors, id);
    let shares_error = err(&id_of(MeetingInput::Shares));
    // In a block of their own, not straight in the meeting's `<fieldset>`: Chromium lays a
    // fieldset's contents out again in full when a child of its own comes or goes (the shares'
    // message replacing their hint: 1-2 ms for a meeting), but not a block's inside it (0.2 ms).
    html! {
        <div>
            <div class="ppm-row">
                { NumberField { id: &id_of(MeetingInput::Participants), label: t.participants, counts: Counts::Unit(t.people_unit),
                    value: &p.meeting.participants, hint: "", error: err(&id_of(MeetingInput::Participants)),
                    oninput: edit.reform(move |v| Edit::Participants(i, v)) }.render() }
                { NumberField { id: &id_of(MeetingInput::PhoneShare), label: t.phone_share, counts: Counts::Unit(t.percent),
                    value: &p.meeting.phone_share, hint: "", error: err(&id_of(MeetingInput::PhoneShare)),
                    oninput: edit.reform(move |v| Edit::PhoneShare(i, v)) }.render() }
            </div>
            <table class="ppm-legs ppm-mix">
                <caption>{ t.share_of_phone }</caption>
                { column_heads(&[
                    (t.country, None),
                    (&format!("{} (%)", t.share_short), None),
                    (&format!("{} (%)", t.toll_short), Some(t.toll_dial_in)),
                    (&format!("{} (%)", t.toll_free_short), Some(t.toll_free_dial_in)),
                    (&format!("{} (%)", t.dial_out_short), Some(t.dial_out)),
                ], t.remove) }
                <tbody>
                { for p.meeting.countries.iter().take(shown).enumerate().map(|(k, c)| html! {
                    <MixRow key={k} ..MixRowProps { meeting: i, row: k, mix: c.clone(), lang: p.lang,
                        countries: p.countries.clone(), errors: messages_under(&p.errors, &format!("{base}-countries-{k}-")), onedit: edit.clone() } />
                }) }
                </tbody>
            </table>
            { more.unwrap_or_default() }
            // The message takes the hint's line, so the form below does not move.
            if let Some(msg) = shares_error {
                { error_message(&format!("{base}-shares-error"), &msg) }
            } else {
                { text_element("p", &[("class", "ppm-hint ppm-rule"), ("id", &format!("{base}-shares-hint"))], t.shares_hint) }
            }
            { Button::new(t.add_country, edit.reform(move |_: MouseEvent| Edit::AddCountry(i, "US".into()))).render() }
        </div>
    }
}

/// A measured profile (from the usage import): what it holds per way of joining and country,
/// per month; it is not edited row by row, only removed. (Out of line: only pages that import
/// usage run it, so it stays out of the first part of the WebAssembly.)
#[inline(never)]
fn measured(p: &MeetingEditorProps, title: &str) -> Html {
    let t = p.lang.texts();
    let i = p.index;
    let base = InputId::meeting(i, MeetingInput::Profile).to_string();
    let id_of = |input: MeetingInput| InputId::meeting(i, input).to_string();
    let rows = p.meeting.measured_rows(p.lang);
    let (total, countries) = MeetingForm::measured_totals(&rows);
    let name = |code: &str| name_of(&p.countries, code);
    let n = |d: &Decimal, places: u32| format::plain(p.lang, &d.to_string(), places);
    let mut table = Markup::default();
    table
        .literal("<table class=\"ppm-lines\">")
        .element("caption", &[("class", "visually-hidden")], title)
        .literal("<thead><tr>")
        .element("th", &[("scope", "col")], t.call_type)
        .element("th", &[("scope", "col")], t.country);
    for head in [t.calls_per_month, t.minutes_per_month] {
        table.element("th", &[("scope", "col"), ("class", "num")], head);
    }
    table.literal("</tr></thead><tbody>");
    for ((call, country), (calls, minutes)) in &rows {
        table
            .literal("<tr>")
            .element("th", &[("scope", "row")], t.call(*call))
            .element("td", &[("data-label", t.country)], &name(country))
            .element(
                "td",
                &[("class", "num"), ("data-label", t.calls_per_month)],
                &n(calls, 1),
            )
            .element(
                "td",
                &[("class", "num"), ("data-label", t.minutes_per_month)],
                &n(minutes, 1),
            )
            .literal("</tr>");
    }
    table.literal("</tbody></table>");
    let edit = p.onedit.clone();
    html! {
        <fieldset class="ppm-meeting ppm-measured" id={base.clone()}>
            <legend>{ title }</legend>
            <p class="ppm-meeting-summary" id={format!("{base}-summary")}>
                { crate::ui::i18n::fill(t.measured_summary, &[&n(&total, 0), &countries.to_string()]) }
            </p>
            if let Some(msg) = message_for(&p.errors, &id_of(MeetingInput::Measured)) {
                { error_message(&format!("{base}-measured-error"), &msg) }
            }
            { table.into_html() }
            <div class="ppm-meeting-actions">
                { Button::new(t.remove, edit.reform(move |_: MouseEvent| Edit::RemoveMeeting(i))).id(format!("{base}-remove")).label(crate::ui::i18n::fill(t.remove_named, &[title])).render() }
            </div>
        </fieldset>
    }
}

/// A table's column heads: each `(text, title)`, then a last column for the remove buttons
/// whose head only screen readers read. (Yew nodes, not markup text: the browser parses a
/// table's parts only inside a table.)
fn column_heads(heads: &[(&str, Option<&str>)], remove: &str) -> Html {
    html! {
        <thead><tr>
            { for heads.iter().map(|(text, title)| html! {
                <th scope="col" title={title.map(str::to_string)}>{ text.to_string() }</th>
            }) }
            <th scope="col"><span class="visually-hidden">{ remove.to_string() }</span></th>
        </tr></thead>
    }
}
