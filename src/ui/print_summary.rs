//! The scenario in one line for the printed quote (the inputs themselves are not printed).

use crate::form::{Form, MeetingForm};
use crate::lang::Lang;
use crate::ui::format::push_joined;

/// The scenario in one line, for the printed quote (the inputs are not printed).
pub fn print_summary(form: &Form, lang: Lang) -> String {
    let t = lang.texts();
    let mut meetings = String::new();
    for (k, m) in form.meetings.iter().enumerate() {
        push_joined(&mut meetings, k, " · ", &meeting_line(m, lang));
    }
    format!(
        "{} {}, {} {} · {}",
        form.organisers,
        t.organisers_unit,
        if form.licences.is_empty() {
            &form.organisers
        } else {
            &form.licences
        },
        t.licences_unit,
        meetings
    )
}

/// One meeting profile in a few words: "Weekly all-hands: 4 per month, 60 minutes, 12+3+35
/// people".
fn meeting_line(m: &MeetingForm, lang: Lang) -> String {
    let t = lang.texts();
    if m.mode == crate::form::Mode::Measured {
        return measured_line(m, lang);
    }
    let mut people = String::new();
    for (k, g) in m.groups(lang).iter().enumerate() {
        push_joined(&mut people, k, "+", &g.count);
    }
    format!(
        "{}: {} {}, {} {}, {} {}",
        m.name,
        m.per_month,
        t.period_unit(m.period),
        m.minutes,
        t.minutes_unit,
        people,
        t.people_unit
    )
}

/// A measured profile (from the usage import) in a few words: its name, its calls a month and
/// how many countries they come from. (Out of line: only pages that import usage run it, so it
/// stays out of the first part of the WebAssembly.)
#[inline(never)]
fn measured_line(m: &MeetingForm, lang: Lang) -> String {
    let t = lang.texts();
    let (calls, countries) = MeetingForm::measured_totals(&m.measured_rows(lang));
    let calls = super::format::plain(lang, &calls.to_string(), 0);
    format!(
        "{}: {}",
        m.name,
        crate::ui::i18n::fill(t.measured_summary, &[&calls, &countries.to_string()])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_in_one_line() {
        // The example form (form::presets): 40 organisers, 50 licences; the all-hands 4 a month
        // for 60 minutes, 50 people of whom 30 % by phone: 80 % of 15 = 12 in Germany, 3 in the
        // US, 35 on the app; the customer calls 60 a month for 30 minutes, legs of 1, 1 and 2.
        let form = Form::example("illustrative-usd", Lang::En);
        assert_eq!(
            print_summary(&form, Lang::En),
            "40 users, 50 licences · Weekly all-hands: 4 per month, 60 minutes, 12+3+35 people · \
             Customer calls: 60 per month, 30 minutes, 1+1+2 people"
        );
    }
}
