//! The form as typed: its types (meeting profiles in three modes, participant groups, country
//! mixes, the frequency's period) and the small number helpers every part of the form shares.
//! The form keeps exactly what people typed; `read` turns it into the core's scenario.

use std::rc::Rc;

use rust_decimal::Decimal;

use super::input_id::InputId;
use super::number_input;
use crate::lang::Lang;
use crate::rating::money::DecimalOps as _;
use crate::rating::scenario::Amount;
use crate::rating::{Call, Problem};

/// Most participant groups and country rows the widget takes in all (links, presets): every
/// edit re-prices and re-writes them all, and beyond this an edit no longer feels immediate
/// (measured: 1,000 profiles of 100 groups took 3.5 s per edit). A hundred profiles of a
/// hundred rows, twice. Larger scenarios are priced by the JS API and `ppm quote`.
pub const MAX_FORM_ROWS: usize = 20_000;

/// One group of participants as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegForm {
    /// ISO country code.
    pub country: String,
    /// How they join.
    pub call: Call,
    /// How many, as typed.
    pub count: String,
    /// Each leg's own length in minutes (measured usage), in the scenario's notation; empty:
    /// the meeting's length.
    pub minutes: String,
}

/// One country of a meeting in the simple mode: its share of the phone participants and how
/// they join, all in percent as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryMix {
    /// ISO country code.
    pub country: String,
    /// Share of the meeting's phone participants in this country (%).
    pub share: String,
    /// Of those, the share dialling the toll number (%).
    pub toll: String,
    /// Of those, the share dialling the toll-free number (%).
    pub toll_free: String,
    /// Of those, the share the meeting calls (dial-out, %).
    pub dial_out: String,
}

/// How a meeting's participants are entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Participants, the share by phone, and a call mix per country.
    Simple,
    /// Participant groups (country, way of joining, count) edited directly.
    Detailed,
    /// Measured usage (an imported PSTN usage export): leg groups with their own lengths,
    /// shown as a summary and not edited one by one.
    Measured,
}

/// What a meeting's frequency counts: meetings per week, month or year. The scenario always
/// gets meetings per month (a year has 52 weeks and 12 months).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    /// Per week: × 52 / 12 per month.
    Week,
    /// Per month.
    #[default]
    Month,
    /// Per year: / 12 per month.
    Year,
}

impl Period {
    /// Every period, in the order the menu lists them.
    pub const ALL: [Period; 3] = [Period::Week, Period::Month, Period::Year];

    /// The letter a share link writes (`w`, `m`, `y`).
    pub fn letter(self) -> &'static str {
        match self {
            Period::Week => "w",
            Period::Month => "m",
            Period::Year => "y",
        }
    }

    /// The period of a share link's letter.
    pub fn from_letter(letter: &str) -> Option<Period> {
        Period::ALL.into_iter().find(|p| p.letter() == letter)
    }

    /// `count` meetings per this period, as meetings per month (`None` past the decimal range).
    pub fn per_month(self, count: Decimal) -> Option<Decimal> {
        match self {
            Period::Week => count.cmul(Decimal::from(52))?.cdiv(Decimal::from(12)),
            Period::Month => Some(count),
            Period::Year => count.cdiv(Decimal::from(12)),
        }
    }
}

/// One meeting profile as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingForm {
    /// Name.
    pub name: String,
    /// Meetings per `period`, as typed.
    pub per_month: String,
    /// What `per_month` counts: meetings per week, month or year.
    pub period: Period,
    /// Minutes, as typed.
    pub minutes: String,
    /// Which inputs apply.
    pub mode: Mode,
    /// Simple mode: participants per meeting.
    pub participants: String,
    /// Simple mode: share joining by phone (%).
    pub phone_share: String,
    /// Simple mode: where the phone participants are and how they join.
    pub countries: Vec<CountryMix>,
    /// Detailed mode: participant groups.
    pub legs: Vec<LegForm>,
}

impl MeetingForm {
    /// A detailed-mode meeting.
    pub fn detailed(name: &str, per_month: &str, minutes: &str, legs: Vec<LegForm>) -> MeetingForm {
        MeetingForm {
            name: name.into(),
            per_month: per_month.into(),
            period: Period::Month,
            minutes: minutes.into(),
            mode: Mode::Detailed,
            participants: "10".into(),
            phone_share: "20".into(),
            countries: vec![CountryMix::all_toll("US")],
            legs,
        }
    }
}

impl CountryMix {
    /// 100 % of the phone participants, all on the toll number.
    pub fn all_toll(country: &str) -> CountryMix {
        CountryMix {
            country: country.into(),
            share: "100".into(),
            toll: "100".into(),
            toll_free: "0".into(),
            dial_out: "0".into(),
        }
    }
}

/// A sum of shares (they are at most 100 each, so it cannot overflow).
pub(super) fn sum(values: impl IntoIterator<Item = Decimal>) -> Decimal {
    values
        .into_iter()
        .fold(Decimal::ZERO, |a, b| a.cadd(b).unwrap_or(a))
}

/// A number typed in `lang`, or 0 when it is not one (its input shows the problem).
pub(super) fn value(text: &str, lang: Lang) -> Decimal {
    match number_input::read(text, lang) {
        Ok(Amount::Number(d)) => d,
        _ => Decimal::ZERO,
    }
}

/// An amount in the scenario's own notation (`2.5`), as leg lengths are kept.
pub(super) fn scenario_text(a: &Amount) -> String {
    match a {
        Amount::Number(d) => d.to_string(),
        Amount::TooLarge(t) | Amount::TooPrecise(t) | Amount::Invalid(t) => t.clone(),
    }
}

/// An amount as a person would type it in `lang`.
pub(super) fn amount_text(a: &Amount, lang: Lang) -> String {
    match a {
        Amount::Number(d) => number_input::localised(&d.to_string(), lang),
        Amount::TooLarge(t) | Amount::TooPrecise(t) | Amount::Invalid(t) => t.clone(),
    }
}

/// Where a participant group of the scenario comes from in the form, so that a problem the
/// core finds in it is shown at the input that causes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Detailed mode: typed row `j`.
    Row(usize),
    /// Share mode: country row `k`, this way of joining (a share of it).
    Mix(usize, Call),
    /// Share mode: the participants who are not on the phone.
    App,
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
    /// Where the organisation is located (ISO code; empty: not given).
    pub organisation: String,
    /// Meeting profiles, shared between the states before and after an edit (an edit copies
    /// only the profile it changes).
    pub meetings: Vec<Rc<MeetingForm>>,
    /// The language the numbers are typed in (the page's).
    pub lang: Lang,
}

pub(super) fn leg(country: &str, call: Call, count: &str) -> LegForm {
    LegForm {
        country: country.into(),
        call,
        count: count.into(),
        minutes: String::new(),
    }
}

/// A problem of one input: the input and what is wrong.
pub type InputProblem = (InputId, Problem);
