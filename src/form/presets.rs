//! The forms a visitor starts from: the example, an empty estimate, a new meeting, a
//! partner's preset (a scenario document), the measured usage of an import; and the same form
//! in another language.

use std::rc::Rc;

use super::model::*;
use super::names;
use super::number_input;
use crate::lang::Lang;
use crate::rating::{Call, Field, Problem, ScenarioDocument, ScenarioError};

impl Form {
    /// The first-visit example: a weekly all-hands and customer calls of a 40-organiser team,
    /// with meeting names in `lang`.
    pub fn example(card_id: &str, lang: Lang) -> Form {
        Form {
            card_id: card_id.into(),
            organisers: "40".into(),
            licences: "50".into(),
            addon: false,
            organisation: String::new(),
            meetings: [
                // 50 people, 30 % by phone: 12 in Germany on the toll number, 3 in the US on
                // the toll-free number; 35 on the app.
                MeetingForm {
                    name: names::example_all_hands(lang).into(),
                    per_month: "4".into(),
                    period: Period::Month,
                    minutes: "60".into(),
                    mode: Mode::Simple,
                    participants: "50".into(),
                    phone_share: "30".into(),
                    countries: vec![
                        CountryMix {
                            share: "80".into(),
                            ..CountryMix::all_toll("DE")
                        },
                        CountryMix {
                            country: "US".into(),
                            share: "20".into(),
                            toll: "0".into(),
                            toll_free: "100".into(),
                            dial_out: "0".into(),
                        },
                    ],
                    legs: Vec::new(),
                },
                MeetingForm::detailed(
                    names::example_customer_calls(lang),
                    "60",
                    "30",
                    vec![
                        leg("GB", Call::TollDialIn, "1"),
                        leg("US", Call::DialOut, "1"),
                        leg("DE", Call::App, "2"),
                    ],
                ),
            ]
            .map(Rc::new)
            .to_vec(),
            lang,
        }
    }

    /// The form for a scenario document (a partner's preset): every meeting in the detailed
    /// mode, numbers as `lang` writes them. Fails only on a call word the scenario format does
    /// not know.
    pub fn from_scenario(
        card_id: &str,
        doc: &ScenarioDocument,
        lang: Lang,
    ) -> Result<Form, ScenarioError> {
        let mut meetings = Vec::with_capacity(doc.meetings.len());
        for (i, m) in doc.meetings.iter().enumerate() {
            let mut legs = Vec::with_capacity(m.legs.len());
            for (j, l) in m.legs.iter().enumerate() {
                let call = Call::from_word(&l.call).ok_or_else(|| {
                    ScenarioError::new(
                        Field::LegCall { meeting: i, leg: j },
                        Problem::UnknownCall {
                            word: l.call.clone(),
                        },
                    )
                })?;
                let mut row = leg(&l.country, call, &amount_text(&l.count, lang));
                if let Some(minutes) = &l.minutes {
                    row.minutes = scenario_text(minutes);
                }
                legs.push(row);
            }
            let mut meeting = MeetingForm::detailed(
                &m.name,
                &amount_text(&m.per_month, lang),
                &amount_text(&m.minutes, lang),
                legs,
            );
            // Legs with their own lengths are measured usage: kept as they are.
            if meeting.legs.iter().any(|l| !l.minutes.is_empty()) {
                meeting.mode = Mode::Measured;
            }
            meetings.push(Rc::new(meeting));
        }
        Ok(Form {
            card_id: card_id.into(),
            organisers: amount_text(&doc.organisers, lang),
            licences: doc
                .licences_purchased
                .as_ref()
                .map(|a| amount_text(a, lang))
                .unwrap_or_default(),
            addon: doc.us_canada_addon,
            organisation: doc.organisation_country.clone().unwrap_or_default(),
            meetings,
            lang,
        })
    }

    /// A new meeting profile in the simple mode: 10 people, 20 % by phone on the toll number.
    pub fn new_meeting(country: &str) -> MeetingForm {
        let mut m = MeetingForm::detailed("", "4", "30", vec![leg(country, Call::TollDialIn, "1")]);
        m.mode = Mode::Simple;
        m.countries = vec![CountryMix::all_toll(country)];
        m
    }

    /// Takes the measured profiles of the usage import (`measured`: its profiles and the
    /// organisers it found): they replace the meetings, and the organisers (licences then
    /// default to them), or join them (organisers: the larger number). An organisation country
    /// the import found replaces the page's guess (or, when joining, fills an empty one).
    pub fn take_measured(&mut self, measured: Form, replace: bool) {
        let measured = measured.relocalised(self.lang);
        let found = value(&measured.organisers, self.lang);
        let meetings = measured.meetings.into_iter().map(|m| {
            let mut m = (*m).clone();
            m.mode = Mode::Measured;
            Rc::new(m)
        });
        if replace {
            self.meetings = meetings.collect();
            self.organisers = measured.organisers;
            self.licences.clear();
        } else {
            self.meetings.extend(meetings);
            if found > value(&self.organisers, self.lang) {
                self.organisers = measured.organisers;
            }
        }
        // The export knows where the tenant is (Graph's tenantCountryCode) better than the
        // page's guess from the browser; joining keeps a country that is set.
        if !measured.organisation.is_empty() && (replace || self.organisation.is_empty()) {
            self.organisation = measured.organisation;
        }
    }

    /// The same form with its numbers written the way `lang` writes them (the page's language
    /// changed).
    pub fn relocalised(&self, lang: Lang) -> Form {
        let mut out = self.clone();
        if lang == self.lang {
            return out;
        }
        let re = |t: &mut String| *t = number_input::relocalised(t, self.lang, lang);
        re(&mut out.organisers);
        re(&mut out.licences);
        for m in &mut out.meetings {
            Rc::make_mut(m).relocalise(self.lang, lang);
        }
        out.lang = lang;
        out
    }

    /// Meetings still named as the example (or the usage import) names them in `from` get that
    /// name in `to`.
    pub fn rename_examples(&mut self, from: Lang, to: Lang) {
        for m in &mut self.meetings {
            for (was, now) in [
                (names::example_all_hands(from), names::example_all_hands(to)),
                (
                    names::example_customer_calls(from),
                    names::example_customer_calls(to),
                ),
            ] {
                if m.name == was {
                    Rc::make_mut(m).name = now.to_string();
                }
            }
            // The measured profile, also numbered ("Measured usage (2/3)").
            let (was, now) = (names::measured_usage(from), names::measured_usage(to));
            if let Some(rest) = m.name.strip_prefix(was) {
                if rest.is_empty() || (rest.starts_with(" (") && rest.ends_with(')')) {
                    let name = format!("{now}{rest}");
                    Rc::make_mut(m).name = name;
                }
            }
        }
    }

    /// An estimate with nothing in it yet: one organiser, no meetings.
    pub fn empty(card_id: &str, lang: Lang) -> Form {
        Form {
            card_id: card_id.into(),
            organisers: "1".into(),
            licences: String::new(),
            addon: false,
            organisation: String::new(),
            meetings: Vec::new(),
            lang,
        }
    }
}
