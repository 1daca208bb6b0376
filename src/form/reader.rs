//! The form read in one pass ([`Form::read`]): every typed number is read once, in the form's
//! language, and either goes into the core's scenario or becomes a problem at its input (the
//! core's own rules: [`check_amount`]); the simple mode's groups are computed from the numbers
//! as read, not from text written and read again.

use rust_decimal::Decimal;

use super::input_id::{InputId, LegInput, MeetingInput, MixInput};
use super::mix::MixNumbers;
use super::model::*;
use super::number_input;
use crate::lang::Lang;
use crate::rating::scenario::{
    check_amount, Amount, LegDocument, MeetingDocument, MAX_COUNT, MAX_MINUTES, MAX_ORGANISERS,
    MAX_PER_MONTH,
};
use crate::rating::{Problem, ScenarioDocument};

/// The form as the core takes it, and what is wrong with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The scenario document (numbers that did not read are kept as written, so the core
    /// would say so too).
    pub scenario: ScenarioDocument,
    /// Each input's problem, in the order of the form: the numbers, then the frequencies'
    /// limit per month, then (only when every number is valid) shares that do not add up.
    pub problems: Vec<InputProblem>,
}

/// Reads numbers once each, keeping their problems.
struct Reader {
    lang: Lang,
    problems: Vec<InputProblem>,
}

impl Reader {
    /// The number typed at `id`, checked against `max` (and wholeness): its amount for the
    /// scenario, and its problem when it has one.
    fn number(&mut self, id: InputId, text: &str, max: Decimal, whole: bool) -> Amount {
        match number_input::read(text, self.lang) {
            Err(p) => {
                self.problems.push((id, p));
                Amount::Invalid(text.to_string())
            }
            Ok(a) => {
                if let Err(p) = check_amount(&a, max, whole) {
                    self.problems.push((id, p));
                }
                a
            }
        }
    }

    /// A percentage: read and checked like any number, its value for the arithmetic (0 when
    /// it does not read: its input shows the problem).
    fn percent(&mut self, id: InputId, text: &str) -> Decimal {
        decimal(&self.number(id, text, Decimal::ONE_HUNDRED, false))
    }
}

/// A number that is only read, not checked (a measured profile's: the core checks them); text
/// that does not read is kept as written.
fn as_typed(text: &str, lang: Lang) -> Amount {
    number_input::read(text, lang).unwrap_or_else(|_| Amount::Invalid(text.to_string()))
}

fn decimal(a: &Amount) -> Decimal {
    match a {
        Amount::Number(d) => *d,
        _ => Decimal::ZERO,
    }
}

impl Form {
    /// The form read once: the scenario for the core and every input's problem.
    pub fn read(&self) -> Reading {
        let mut r = Reader {
            lang: self.lang,
            problems: Vec::new(),
        };
        let users = Decimal::from(MAX_ORGANISERS);
        let organisers = r.number(InputId::Organisers, &self.organisers, users, true);
        let licences_purchased = (!self.licences.trim().is_empty())
            .then(|| r.number(InputId::Licences, &self.licences, users, true));
        let mut per_month_problems = Vec::new();
        let mut mixes = Vec::new();
        let mut meetings = Vec::with_capacity(self.meetings.len());
        for (i, m) in self.meetings.iter().enumerate() {
            let id = |input| InputId::meeting(i, input);
            let measured = m.mode == Mode::Measured;
            // Nothing of a measured profile is typed: its numbers are only read (the core
            // checks them); the frequency's limit holds for every profile.
            let typed = if measured {
                as_typed(&m.per_month, self.lang)
            } else {
                r.number(
                    id(MeetingInput::PerMonth),
                    &m.per_month,
                    Decimal::MAX,
                    false,
                )
            };
            let per_month = match typed {
                Amount::Number(d) => match m.period.per_month(d) {
                    Some(v) => Amount::Number(v),
                    None => Amount::TooLarge(m.per_month.clone()),
                },
                other => other,
            };
            let at = id(MeetingInput::PerMonth);
            if !r.problems.iter().any(|(e, _)| *e == at) {
                if let Err(p) = check_amount(&per_month, Decimal::from(MAX_PER_MONTH), false) {
                    per_month_problems.push((at, p));
                }
            }
            let minutes = if measured {
                as_typed(&m.minutes, self.lang)
            } else {
                r.number(
                    id(MeetingInput::Minutes),
                    &m.minutes,
                    Decimal::from(MAX_MINUTES),
                    false,
                )
            };
            let legs = match m.mode {
                Mode::Measured => m
                    .legs
                    .iter()
                    .map(|l| LegDocument {
                        country: l.country.clone(),
                        call: l.call.as_word().into(),
                        count: as_typed(&l.count, self.lang),
                        minutes: (!l.minutes.is_empty()).then(|| Amount::parse(&l.minutes)),
                    })
                    .collect(),
                Mode::Detailed => {
                    let mut legs = Vec::with_capacity(m.legs.len());
                    for (j, l) in m.legs.iter().enumerate() {
                        let count = r.number(
                            id(MeetingInput::Leg(j, LegInput::Count)),
                            &l.count,
                            Decimal::from(MAX_COUNT),
                            false,
                        );
                        legs.push(LegDocument {
                            country: l.country.clone(),
                            call: l.call.as_word().into(),
                            count,
                            minutes: (!l.minutes.is_empty()).then(|| Amount::parse(&l.minutes)),
                        });
                    }
                    legs
                }
                Mode::Simple => {
                    let people = decimal(&r.number(
                        id(MeetingInput::Participants),
                        &m.participants,
                        Decimal::from(MAX_COUNT),
                        false,
                    ));
                    let phone = r.percent(id(MeetingInput::PhoneShare), &m.phone_share);
                    let mut rows = Vec::with_capacity(m.countries.len());
                    for (k, c) in m.countries.iter().enumerate() {
                        let mut row = [Decimal::ZERO; 4];
                        for (slot, (input, text)) in row.iter_mut().zip([
                            (MixInput::Share, &c.share),
                            (MixInput::Toll, &c.toll),
                            (MixInput::TollFree, &c.toll_free),
                            (MixInput::DialOut, &c.dial_out),
                        ]) {
                            *slot = r.percent(id(MeetingInput::Country(k, input)), text);
                        }
                        rows.push(row);
                    }
                    let numbers = MixNumbers {
                        people,
                        phone,
                        rows,
                    };
                    let legs = m
                        .simple_groups(&numbers)
                        .into_iter()
                        .map(|(country, call, n, _)| LegDocument {
                            country: country.to_string(),
                            call: call.as_word().into(),
                            count: Amount::Number(n.normalize()),
                            minutes: None,
                        })
                        .collect();
                    mixes.push((i, numbers));
                    legs
                }
            };
            meetings.push(MeetingDocument {
                name: m.name.clone(),
                per_month,
                minutes,
                legs,
            });
        }
        let mut problems = r.problems;
        problems.extend(per_month_problems);
        if problems.is_empty() {
            problems.extend(share_problems(&mixes));
        }
        Reading {
            scenario: ScenarioDocument {
                organisers,
                licences_purchased,
                us_canada_addon: self.addon,
                organisation_country: (!self.organisation.is_empty())
                    .then(|| self.organisation.clone()),
                meetings,
                card: Some(self.card_id.clone()),
            },
            problems,
        }
    }
}

/// Simple-mode shares that do not add up to 100 % (checked once every number is valid): the
/// countries' shares of the phone participants, and each country's call mix.
fn share_problems(mixes: &[(usize, MixNumbers)]) -> Vec<InputProblem> {
    let mut out = Vec::new();
    for (i, n) in mixes {
        if n.phone.is_zero() {
            continue;
        }
        let shares = n.rows.iter().map(|r| r[0]);
        let total = sum(shares);
        if total != Decimal::ONE_HUNDRED {
            out.push((
                InputId::meeting(*i, MeetingInput::Shares),
                Problem::SharesNotHundred { total },
            ));
        }
        for (k, row) in n.rows.iter().enumerate() {
            let mix = sum(row[1..].iter().copied());
            if mix != Decimal::ONE_HUNDRED && !row[0].is_zero() {
                out.push((
                    InputId::meeting(*i, MeetingInput::Country(k, MixInput::Mix)),
                    Problem::MixNotHundred { total: mix },
                ));
            }
        }
    }
    out
}
