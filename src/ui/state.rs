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
    /// The first-visit example: a weekly all-hands and customer calls of a 40-organiser team,
    /// with meeting names in the page's language.
    pub fn example(card_id: &str, t: &Texts) -> Form {
        Form {
            card_id: card_id.into(),
            organisers: "40".into(),
            licences: "50".into(),
            addon: false,
            meetings: vec![
                MeetingForm {
                    name: t.example_all_hands.into(),
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
                    name: t.example_customer_calls.into(),
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
        let form = Form::example("illustrative-usd", &EN);
        assert!(form.field_errors(&EN).is_empty());
        let s = crate::rating::Scenario::from_document(&form.scenario()).unwrap();
        assert_eq!(s.organisers(), 40);
        assert_eq!(s.meetings().len(), 2);
    }

    #[test]
    fn each_bad_input_gets_its_message() {
        let mut form = Form::example("illustrative-usd", &EN);
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

/// An edit of the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Choose a rate card.
    Card(String),
    /// Organisers text.
    Organisers(String),
    /// Licences text.
    Licences(String),
    /// Add-on on/off.
    Addon(bool),
    /// Append a meeting profile (with one participant group in this country).
    AddMeeting(String),
    /// Copy profile `i` right after it.
    DuplicateMeeting(usize),
    /// Remove profile `i`.
    RemoveMeeting(usize),
    /// Name of profile `i`.
    MeetingName(usize, String),
    /// Meetings per month of profile `i`.
    PerMonth(usize, String),
    /// Minutes of profile `i`.
    Minutes(usize, String),
    /// Add a participant group to profile `i` (in this country).
    AddLeg(usize, String),
    /// Remove group `j` of profile `i`.
    RemoveLeg(usize, usize),
    /// Country of group `j` of profile `i`.
    LegCountry(usize, usize, String),
    /// Call type of group `j` of profile `i`.
    LegCall(usize, usize, Call),
    /// Count of group `j` of profile `i`.
    LegCount(usize, usize, String),
}

impl Form {
    /// Applies an edit; edits of rows that no longer exist are ignored.
    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Card(id) => self.card_id = id,
            Edit::Organisers(v) => self.organisers = v,
            Edit::Licences(v) => self.licences = v,
            Edit::Addon(on) => self.addon = on,
            Edit::AddMeeting(country) => self.meetings.push(Form::new_meeting(&country)),
            Edit::DuplicateMeeting(i) => {
                if let Some(m) = self.meetings.get(i).cloned() {
                    self.meetings.insert(i + 1, m);
                }
            }
            Edit::RemoveMeeting(i) => {
                if i < self.meetings.len() {
                    self.meetings.remove(i);
                }
            }
            Edit::MeetingName(i, v) => self.with_meeting(i, |m| m.name = v),
            Edit::PerMonth(i, v) => self.with_meeting(i, |m| m.per_month = v),
            Edit::Minutes(i, v) => self.with_meeting(i, |m| m.minutes = v),
            Edit::AddLeg(i, country) => self.with_meeting(i, |m| {
                m.legs.push(leg(&country, Call::TollDialIn, "1"));
            }),
            Edit::RemoveLeg(i, j) => self.with_meeting(i, |m| {
                if j < m.legs.len() {
                    m.legs.remove(j);
                }
            }),
            Edit::LegCountry(i, j, v) => self.with_leg(i, j, |l| l.country = v),
            Edit::LegCall(i, j, c) => self.with_leg(i, j, |l| l.call = c),
            Edit::LegCount(i, j, v) => self.with_leg(i, j, |l| l.count = v),
        }
    }

    fn with_meeting(&mut self, i: usize, f: impl FnOnce(&mut MeetingForm)) {
        if let Some(m) = self.meetings.get_mut(i) {
            f(m);
        }
    }

    fn with_leg(&mut self, i: usize, j: usize, f: impl FnOnce(&mut LegForm)) {
        if let Some(l) = self.meetings.get_mut(i).and_then(|m| m.legs.get_mut(j)) {
            f(l);
        }
    }
}

#[cfg(test)]
mod edit_tests {
    use super::*;
    use crate::ui::i18n::EN;

    #[test]
    fn add_duplicate_remove() {
        let mut f = Form::example("illustrative-usd", &EN);
        f.apply(Edit::DuplicateMeeting(0));
        assert_eq!(f.meetings.len(), 3);
        assert_eq!(f.meetings[1], f.meetings[0]);
        f.apply(Edit::MeetingName(1, "Copy".into()));
        f.apply(Edit::RemoveMeeting(0));
        assert_eq!(f.meetings[0].name, "Copy");
        f.apply(Edit::AddMeeting("FR".into()));
        assert_eq!(f.meetings.last().unwrap().legs[0].country, "FR");
        f.apply(Edit::AddLeg(0, "JP".into()));
        f.apply(Edit::LegCall(0, 4, Call::DialOut));
        f.apply(Edit::LegCount(0, 4, "2".into()));
        assert_eq!(
            f.meetings[0].legs[4],
            LegForm {
                country: "JP".into(),
                call: Call::DialOut,
                count: "2".into()
            }
        );
        f.apply(Edit::RemoveLeg(0, 4));
        assert_eq!(f.meetings[0].legs.len(), 4);
        // Edits of rows that are gone are ignored, not a panic.
        f.apply(Edit::LegCount(9, 9, "1".into()));
        f.apply(Edit::RemoveMeeting(99));
    }
}
