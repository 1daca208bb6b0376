//! Reading the form: the core's scenario document, each input's problem (checked by the
//! core's own rules, in the form's language), and the id of the input a core problem points at.

use std::rc::Rc;

use rust_decimal::Decimal;

use super::input_id::{InputId, LegInput, MeetingInput, MixInput};
use super::model::*;
use super::number_input;
use crate::rating::scenario::{
    check_amount, Amount, LegDocument, MeetingDocument, MAX_ORGANISERS, MAX_PER_MONTH,
};
use crate::rating::{Call, Field, Problem, ScenarioDocument};

impl Form {
    /// A meeting's frequency as meetings per month.
    pub(super) fn per_month(&self, m: &MeetingForm) -> Amount {
        match self.amount(&m.per_month) {
            Amount::Number(d) => match m.period.per_month(d) {
                Some(v) => Amount::Number(v),
                None => Amount::TooLarge(m.per_month.clone()),
            },
            other => other,
        }
    }

    /// A number typed in the form's language, as the scenario's amount (text the language
    /// cannot read as one number is kept as written, and the core calls it not a number).
    pub(super) fn amount(&self, text: &str) -> Amount {
        number_input::read(text, self.lang).unwrap_or_else(|_| Amount::Invalid(text.to_string()))
    }

    /// The scenario document for the core (the core validates the numbers).
    pub fn scenario(&self) -> ScenarioDocument {
        ScenarioDocument {
            organisers: self.amount(&self.organisers),
            licences_purchased: if self.licences.trim().is_empty() {
                None
            } else {
                Some(self.amount(&self.licences))
            },
            us_canada_addon: self.addon,
            organisation_country: (!self.organisation.is_empty())
                .then(|| self.organisation.clone()),
            meetings: self
                .meetings
                .iter()
                .map(|m| MeetingDocument {
                    name: m.name.clone(),
                    per_month: self.per_month(m),
                    minutes: self.amount(&m.minutes),
                    legs: m
                        .groups(self.lang)
                        .iter()
                        .map(|l| LegDocument {
                            country: l.country.clone(),
                            call: l.call.as_word().into(),
                            count: self.amount(&l.count),
                            minutes: (!l.minutes.is_empty()).then(|| Amount::parse(&l.minutes)),
                        })
                        .collect(),
                })
                .collect(),
            card: Some(self.card_id.clone()),
        }
    }

    /// Every input's problem, by input id (ids follow [`Form::input_id`]): each number checked
    /// by the core's own rule ([`check_amount`]), read in the form's language. Empty when every
    /// number is well-formed and in range (the core may still refuse a combination).
    pub fn field_errors(&self) -> Vec<InputProblem> {
        let mut out = Vec::new();
        let mut check = |id: InputId, text: &str, max: Decimal, whole: bool| {
            let problem = match number_input::read(text, self.lang) {
                Err(p) => Some(p),
                Ok(a) => check_amount(&a, max, whole).err(),
            };
            if let Some(p) = problem {
                out.push((id, p));
            }
        };
        let users = Decimal::from(MAX_ORGANISERS);
        check(InputId::Organisers, &self.organisers, users, true);
        if !self.licences.trim().is_empty() {
            check(InputId::Licences, &self.licences, users, true);
        }
        for (i, m) in self.meetings.iter().enumerate() {
            for (input, text, max) in m.numbers() {
                check(InputId::meeting(i, input), text, max, false);
            }
        }
        // The frequency's limit holds for meetings per month, whatever the period typed.
        for (i, m) in self.meetings.iter().enumerate() {
            let id = InputId::meeting(i, MeetingInput::PerMonth);
            if !out.iter().any(|(e, _)| *e == id) {
                if let Err(p) =
                    check_amount(&self.per_month(m), Decimal::from(MAX_PER_MONTH), false)
                {
                    out.push((id, p));
                }
            }
        }
        if out.is_empty() {
            out.extend(self.share_errors());
        }
        out
    }

    /// Simple-mode shares that do not add up to 100 % (checked once every number is valid):
    /// the countries' shares of the phone participants, and each country's call mix.
    pub(super) fn share_errors(&self) -> Vec<InputProblem> {
        let mut out = Vec::new();
        let pct = |t: &str| value(t, self.lang);
        for (i, m) in self.meetings.iter().enumerate() {
            if m.mode != Mode::Simple || pct(&m.phone_share).is_zero() {
                continue;
            }
            let total = sum(m.countries.iter().map(|c| pct(&c.share)));
            if total != Decimal::ONE_HUNDRED {
                out.push((
                    InputId::meeting(i, MeetingInput::Shares),
                    Problem::SharesNotHundred { total },
                ));
            }
            for (k, c) in m.countries.iter().enumerate() {
                let mix = sum([pct(&c.toll), pct(&c.toll_free), pct(&c.dial_out)]);
                if mix != Decimal::ONE_HUNDRED && !pct(&c.share).is_zero() {
                    out.push((
                        InputId::meeting(i, MeetingInput::Country(k, MixInput::Mix)),
                        Problem::MixNotHundred { total: mix },
                    ));
                }
            }
        }
        out
    }

    /// The id of the input that causes a problem the core found at `field` of this form's
    /// scenario: in the simple mode, the country row and the share the participant group was
    /// made from.
    pub fn input_id(&self, field: Field) -> InputId {
        let Some(i) = field.meeting() else {
            return match field {
                Field::LicencesPurchased => InputId::Licences,
                Field::UsCanadaAddon => InputId::Addon,
                Field::OrganisationCountry => InputId::Organisation,
                Field::Organisers => InputId::Organisers,
                _ => InputId::Meetings,
            };
        };
        let origin = field.leg().and_then(|j| {
            let m = self.meetings.get(i)?;
            m.groups_with_origin(self.lang).get(j).map(|(_, o)| *o)
        });
        let measured = self
            .meetings
            .get(i)
            .is_some_and(|m| m.mode == Mode::Measured);
        if measured {
            return InputId::meeting(i, MeetingInput::Measured);
        }
        let row = |leg: LegInput| match origin {
            Some(Origin::Row(j)) => MeetingInput::Leg(j, leg),
            Some(Origin::Mix(k, call)) => MeetingInput::Country(
                k,
                match (leg, call) {
                    (LegInput::Country, _) => MixInput::Country,
                    (_, Call::TollDialIn) => MixInput::Toll,
                    (_, Call::TollFreeDialIn) => MixInput::TollFree,
                    _ => MixInput::DialOut,
                },
            ),
            Some(Origin::App) | None => MeetingInput::Participants,
        };
        InputId::meeting(
            i,
            match field {
                Field::PerMonth { .. } => MeetingInput::PerMonth,
                Field::Minutes { .. } => MeetingInput::Minutes,
                Field::LegCountry { .. } => row(LegInput::Country),
                Field::LegCall { .. } => row(LegInput::Call),
                Field::LegCount { .. } => row(LegInput::Count),
                _ => MeetingInput::Profile,
            },
        )
    }
}

/// The message for one input id, if it has one.
pub fn message_for(errors: &[(String, String)], id: &str) -> Option<String> {
    errors.iter().find(|(i, _)| i == id).map(|(_, m)| m.clone())
}

/// The messages of the inputs whose ids start with `prefix` (one meeting's, one row's), so a
/// component is handed only what it shows and stays equal when other messages change. Without
/// messages (the usual case) the empty list itself is shared: no allocation per row.
pub fn messages_under(
    errors: &Rc<Vec<(String, String)>>,
    prefix: &str,
) -> Rc<Vec<(String, String)>> {
    if errors.is_empty() {
        return errors.clone();
    }
    Rc::new(
        errors
            .iter()
            .filter(|(id, _)| id.starts_with(prefix))
            .cloned()
            .collect(),
    )
}
