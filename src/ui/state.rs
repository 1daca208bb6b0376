//! The widget's form state and what it means: plain Rust (no web types), so it is tested
//! natively. The form keeps exactly what people typed; [`Form::scenario`] turns it into a
//! scenario document, and [`Form::field_errors`] says, per input, what is wrong, in the
//! page's language.

use rust_decimal::Decimal;

use super::i18n::Texts;
use crate::rating::scenario::{
    Amount, LegDocument, MeetingDocument, MAX_COUNT, MAX_MINUTES, MAX_ORGANISERS, MAX_PER_MONTH,
};
use crate::rating::{Call, ScenarioDocument};

/// One group of participants as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegForm {
    /// ISO country code.
    pub country: String,
    /// How they join.
    pub call: Call,
    /// How many, as typed.
    pub count: String,
}

/// One meeting profile as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingForm {
    /// Name.
    pub name: String,
    /// Meetings per month, as typed.
    pub per_month: String,
    /// Minutes, as typed.
    pub minutes: String,
    /// Participant groups.
    pub legs: Vec<LegForm>,
}

/// The whole form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// Rate card id.
    pub card_id: String,
    /// Organisers, as typed.
    pub organisers: String,
    /// Licences purchased, as typed.
    pub licences: String,
    /// The US/Canada add-on.
    pub addon: bool,
    /// Meeting profiles.
    pub meetings: Vec<MeetingForm>,
}

fn leg(country: &str, call: Call, count: &str) -> LegForm {
    LegForm {
        country: country.into(),
        call,
        count: count.into(),
    }
}

impl Form {
    /// The first-visit example: a weekly all-hands and daily stand-ups of a 40-organiser team.
    pub fn example(card_id: &str) -> Form {
        Form {
            card_id: card_id.into(),
            organisers: "40".into(),
            licences: "50".into(),
            addon: false,
            meetings: vec![
                MeetingForm {
                    name: "Weekly all-hands".into(),
                    per_month: "4".into(),
                    minutes: "60".into(),
                    legs: vec![
                        leg("DE", Call::TollDialIn, "12"),
                        leg("US", Call::TollFreeDialIn, "3"),
                        leg("FR", Call::DialOut, "1"),
                        leg("DE", Call::App, "40"),
                    ],
                },
                MeetingForm {
                    name: "Customer calls".into(),
                    per_month: "60".into(),
                    minutes: "30".into(),
                    legs: vec![
                        leg("GB", Call::TollDialIn, "1"),
                        leg("US", Call::DialOut, "1"),
                        leg("DE", Call::App, "2"),
                    ],
                },
            ],
        }
    }

    /// A new, empty meeting profile with one phone participant.
    pub fn new_meeting(country: &str) -> MeetingForm {
        MeetingForm {
            name: String::new(),
            per_month: "4".into(),
            minutes: "30".into(),
            legs: vec![leg(country, Call::TollDialIn, "1")],
        }
    }

    /// The scenario document for the core (numbers as typed; the core validates them).
    pub fn scenario(&self) -> ScenarioDocument {
        ScenarioDocument {
            organisers: Amount::parse(&self.organisers),
            licences_purchased: if self.licences.trim().is_empty() {
                None
            } else {
                Some(Amount::parse(&self.licences))
            },
            us_canada_addon: self.addon,
            meetings: self
                .meetings
                .iter()
                .map(|m| MeetingDocument {
                    name: m.name.clone(),
                    per_month: Amount::parse(&m.per_month),
                    minutes: Amount::parse(&m.minutes),
                    legs: m
                        .legs
                        .iter()
                        .map(|l| LegDocument {
                            country: l.country.clone(),
                            call: l.call.as_word().into(),
                            count: Amount::parse(&l.count),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// Per-input problems, `(input id, message)`, in the page's language. Input ids follow
    /// [`field_id`]. Empty when every number is well-formed and in range (the core may still
    /// refuse a combination; see [`field_id`] for mapping its field paths).
    pub fn field_errors(&self, t: &Texts) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut check = |id: String, text: &str, max: u64, whole: bool, optional: bool| {
            if let Some(msg) = number_problem(t, text, max, whole, optional) {
                out.push((id, msg.to_string()));
            }
        };
        check(
            "organisers".into(),
            &self.organisers,
            MAX_ORGANISERS,
            true,
            false,
        );
        check(
            "licencesPurchased".into(),
            &self.licences,
            MAX_ORGANISERS,
            true,
            true,
        );
        for (i, m) in self.meetings.iter().enumerate() {
            check(
                format!("meetings-{i}-perMonth"),
                &m.per_month,
                u64::from(MAX_PER_MONTH),
                false,
                false,
            );
            check(
                format!("meetings-{i}-minutes"),
                &m.minutes,
                u64::from(MAX_MINUTES),
                false,
                false,
            );
            for (j, l) in m.legs.iter().enumerate() {
                check(
                    format!("meetings-{i}-legs-{j}-count"),
                    &l.count,
                    u64::from(MAX_COUNT),
                    false,
                    false,
                );
            }
        }
        out
    }
}

/// The input id for a core field path: `meetings[0].legs[2].count` → `meetings-0-legs-2-count`.
pub fn field_id(path: &str) -> String {
    path.replace("].", "-")
        .replace(['[', '.'], "-")
        .replace(']', "")
}

fn number_problem<'a>(
    t: &'a Texts,
    text: &str,
    max: u64,
    whole: bool,
    optional: bool,
) -> Option<&'a str> {
    if text.trim().is_empty() {
        return (!optional).then_some(t.err_empty);
    }
    match Amount::parse(text) {
        Amount::Invalid(_) => Some(t.err_number),
        Amount::TooLarge(_) => Some(t.err_too_large),
        Amount::Number(d) if d.is_sign_negative() && !d.is_zero() => Some(t.err_negative),
        Amount::Number(d) if d > Decimal::from(max) => Some(t.err_too_large),
        Amount::Number(d) if whole && !d.fract().is_zero() => Some(t.err_whole),
        Amount::Number(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::i18n::{DE, EN};

    #[test]
    fn the_example_is_a_valid_scenario() {
        let form = Form::example("illustrative-usd");
        assert!(form.field_errors(&EN).is_empty());
        let s = crate::rating::Scenario::from_document(&form.scenario()).unwrap();
        assert_eq!(s.organisers(), 40);
        assert_eq!(s.meetings().len(), 2);
    }

    #[test]
    fn each_bad_input_gets_its_message() {
        let mut form = Form::example("illustrative-usd");
        form.organisers = "".into();
        form.licences = "2.5".into();
        form.meetings[0].per_month = "-1".into();
        form.meetings[0].minutes = "1e30".into();
        form.meetings[1].legs[0].count = "abc".into();
        let errors = form.field_errors(&EN);
        let get = |id: &str| {
            errors
                .iter()
                .find(|(i, _)| i == id)
                .map(|(_, m)| m.as_str())
        };
        assert_eq!(get("organisers"), Some(EN.err_empty));
        assert_eq!(get("licencesPurchased"), Some(EN.err_whole));
        assert_eq!(get("meetings-0-perMonth"), Some(EN.err_negative));
        assert_eq!(get("meetings-0-minutes"), Some(EN.err_too_large));
        assert_eq!(get("meetings-1-legs-0-count"), Some(EN.err_number));
        assert_eq!(form.field_errors(&DE).len(), 5);
    }

    #[test]
    fn core_paths_map_to_input_ids() {
        assert_eq!(
            field_id("meetings[0].legs[2].count"),
            "meetings-0-legs-2-count"
        );
        assert_eq!(field_id("meetings[3].perMonth"), "meetings-3-perMonth");
        assert_eq!(field_id("organisers"), "organisers");
    }
}
