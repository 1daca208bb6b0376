//! The scenario in one line for the printed quote (the inputs themselves are not printed).

use crate::form::Form;
use crate::lang::Lang;
use crate::rating::money::DecimalOps as _;

/// The scenario in one line, for the printed quote (the inputs are not printed).
pub fn print_summary(form: &Form, lang: Lang) -> String {
    let t = lang.texts();
    let meetings: Vec<String> = form
        .meetings
        .iter()
        .map(|m| {
            if m.mode == crate::form::Mode::Measured {
                let rows = m.measured_rows(lang);
                let calls = rows
                    .iter()
                    .fold(rust_decimal::Decimal::ZERO, |a, (_, (c, _))| {
                        a.cadd(*c).unwrap_or(a)
                    });
                let mut countries: Vec<&str> = rows.iter().map(|((_, c), _)| c.as_str()).collect();
                countries.sort_unstable();
                countries.dedup();
                let calls = super::format::plain(lang, &calls.to_string(), 0);
                return format!(
                    "{}: {}",
                    m.name,
                    crate::ui::i18n::fill(
                        t.measured_summary,
                        &[&calls, &countries.len().to_string()]
                    )
                );
            }
            let people: String = m
                .groups(lang)
                .iter()
                .map(|g| g.count.clone())
                .collect::<Vec<_>>()
                .join("+");
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
        })
        .collect();
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
        meetings.join(" · ")
    )
}
