//! The widget's form state and what it means: plain Rust (no web types), so it is tested
//! natively. The form keeps exactly what people typed; [`Form::scenario`] turns it into a
//! scenario document, and [`Form::field_errors`] says, per input, what is wrong, in the
//! page's language.

use std::rc::Rc;

use rust_decimal::Decimal;

use super::i18n::Texts;
use crate::rating::money::DecimalOps as _;
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
fn sum(values: impl IntoIterator<Item = Decimal>) -> Decimal {
    values
        .into_iter()
        .fold(Decimal::ZERO, |a, b| a.cadd(b).unwrap_or(a))
}

fn pct(text: &str) -> Decimal {
    match Amount::parse(text) {
        Amount::Number(d) => d,
        _ => Decimal::ZERO,
    }
}

/// An amount as a person would type it.
fn amount_text(a: &Amount) -> String {
    match a {
        Amount::Number(d) => d.to_string(),
        Amount::TooLarge(t) | Amount::Invalid(t) => t.clone(),
    }
}

/// Formats a derived count: exact, without trailing zeros.
fn count_text(d: Decimal) -> String {
    d.normalize().to_string()
}

impl MeetingForm {
    /// The participant groups this meeting stands for: the typed groups in the detailed mode;
    /// in the simple mode, `participants × phone % × country % × call %` per country and call
    /// type, and the rest joining by app (counts may be fractional: they are averages).
    pub fn groups(&self) -> Vec<LegForm> {
        if self.mode == Mode::Detailed {
            return self.legs.clone();
        }
        // `part` % of `whole`; out-of-range inputs give 0 here and an error message elsewhere.
        let share = |whole: Decimal, part: &str| {
            whole
                .cmul(pct(part))
                .and_then(|v| v.cdiv(Decimal::ONE_HUNDRED))
                .unwrap_or(Decimal::ZERO)
        };
        let people = pct(&self.participants);
        let phone = share(people, &self.phone_share);
        let mut out = Vec::new();
        for c in &self.countries {
            let here = share(phone, &c.share);
            for (call, part) in [
                (Call::TollDialIn, &c.toll),
                (Call::TollFreeDialIn, &c.toll_free),
                (Call::DialOut, &c.dial_out),
            ] {
                let n = share(here, part);
                if !n.is_zero() {
                    out.push(leg(&c.country, call, &count_text(n)));
                }
            }
        }
        let app = people.csub(phone).unwrap_or(Decimal::ZERO);
        if app > Decimal::ZERO {
            let country = self
                .countries
                .first()
                .map(|c| c.country.as_str())
                .unwrap_or("US");
            out.push(leg(country, Call::App, &count_text(app)));
        }
        out
    }
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
    /// Meeting profiles, shared between the states before and after an edit (an edit copies
    /// only the profile it changes).
    pub meetings: Vec<Rc<MeetingForm>>,
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
            meetings: [
                // 50 people, 30 % by phone: 12 in Germany on the toll number, 3 in the US on
                // the toll-free number; 35 on the app.
                MeetingForm {
                    name: t.example_all_hands.into(),
                    per_month: "4".into(),
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
                    t.example_customer_calls,
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
        }
    }

    /// The form for a scenario document (a partner's preset): every meeting in the detailed
    /// mode, numbers as written. Fails only on a call word the scenario format does not know.
    pub fn from_scenario(card_id: &str, doc: &ScenarioDocument) -> Result<Form, String> {
        let mut meetings = Vec::with_capacity(doc.meetings.len());
        for (i, m) in doc.meetings.iter().enumerate() {
            let mut legs = Vec::with_capacity(m.legs.len());
            for (j, l) in m.legs.iter().enumerate() {
                let call = Call::from_word(&l.call).ok_or_else(|| {
                    format!(
                        "meetings[{i}].legs[{j}].call: unknown way of joining \"{}\"; use \
                         tollDialIn, tollFreeDialIn, dialOut or app",
                        l.call
                    )
                })?;
                legs.push(leg(&l.country, call, &amount_text(&l.count)));
            }
            meetings.push(Rc::new(MeetingForm::detailed(
                &m.name,
                &amount_text(&m.per_month),
                &amount_text(&m.minutes),
                legs,
            )));
        }
        Ok(Form {
            card_id: card_id.into(),
            organisers: amount_text(&doc.organisers),
            licences: doc
                .licences_purchased
                .as_ref()
                .map(amount_text)
                .unwrap_or_default(),
            addon: doc.us_canada_addon,
            meetings,
        })
    }

    /// A new meeting profile in the simple mode: 10 people, 20 % by phone on the toll number.
    pub fn new_meeting(country: &str) -> MeetingForm {
        let mut m = MeetingForm::detailed("", "4", "30", vec![leg(country, Call::TollDialIn, "1")]);
        m.mode = Mode::Simple;
        m.countries = vec![CountryMix::all_toll(country)];
        m
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
                        .groups()
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
        {
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
            let (count, pct_max) = (u64::from(MAX_COUNT), 100);
            for (i, m) in self.meetings.iter().enumerate() {
                let max_month = u64::from(MAX_PER_MONTH);
                check(
                    format!("meetings-{i}-perMonth"),
                    &m.per_month,
                    max_month,
                    false,
                    false,
                );
                let max_minutes = u64::from(MAX_MINUTES);
                check(
                    format!("meetings-{i}-minutes"),
                    &m.minutes,
                    max_minutes,
                    false,
                    false,
                );
                if m.mode == Mode::Detailed {
                    for (j, l) in m.legs.iter().enumerate() {
                        check(
                            format!("meetings-{i}-legs-{j}-count"),
                            &l.count,
                            count,
                            false,
                            false,
                        );
                    }
                    continue;
                }
                check(
                    format!("meetings-{i}-participants"),
                    &m.participants,
                    count,
                    false,
                    false,
                );
                check(
                    format!("meetings-{i}-phoneShare"),
                    &m.phone_share,
                    pct_max,
                    false,
                    false,
                );
                for (k, c) in m.countries.iter().enumerate() {
                    let base = format!("meetings-{i}-countries-{k}");
                    check(format!("{base}-share"), &c.share, pct_max, false, false);
                    check(format!("{base}-toll"), &c.toll, pct_max, false, false);
                    check(
                        format!("{base}-tollFree"),
                        &c.toll_free,
                        pct_max,
                        false,
                        false,
                    );
                    check(
                        format!("{base}-dialOut"),
                        &c.dial_out,
                        pct_max,
                        false,
                        false,
                    );
                }
            }
        }
        if out.is_empty() {
            out.extend(self.share_errors(t));
        }
        out
    }

    /// Simple-mode shares that do not add up to 100 % (checked once every number is valid):
    /// the countries' shares of the phone participants, and each country's call mix.
    fn share_errors(&self, t: &Texts) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (i, m) in self.meetings.iter().enumerate() {
            if m.mode == Mode::Detailed || pct(&m.phone_share).is_zero() {
                continue;
            }
            let total = sum(m.countries.iter().map(|c| pct(&c.share)));
            if total != Decimal::ONE_HUNDRED {
                let total = total.normalize().to_string();
                out.push((format!("meetings-{i}-shares"), (t.err_shares)(&total)));
            }
            for (k, c) in m.countries.iter().enumerate() {
                let mix = sum([pct(&c.toll), pct(&c.toll_free), pct(&c.dial_out)]);
                if mix != Decimal::ONE_HUNDRED && !pct(&c.share).is_zero() {
                    let mix = mix.normalize().to_string();
                    out.push((format!("meetings-{i}-countries-{k}-mix"), (t.err_mix)(&mix)));
                }
            }
        }
        out
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
    fn a_preset_scenario_gives_a_form_with_the_same_scenario() {
        // The example's simple-mode meeting becomes detailed legs (DE toll 12, US toll-free 3,
        // app 35 = 50 × 30 % × 80 % / 20 % and the rest); the scenario stays identical.
        let doc = Form::example("illustrative-eur", &EN).scenario();
        let form = Form::from_scenario("illustrative-eur", &doc).unwrap();
        assert_eq!(form.card_id, "illustrative-eur");
        assert!(form.meetings.iter().all(|m| m.mode == Mode::Detailed));
        assert_eq!(form.meetings[0].legs[0].count, "12");
        assert_eq!(form.scenario(), doc);
        let mut bad = doc;
        bad.meetings[1].legs[0].call = "fax".into();
        assert_eq!(
            Form::from_scenario("x", &bad).unwrap_err(),
            "meetings[1].legs[0].call: unknown way of joining \"fax\"; use tollDialIn, \
             tollFreeDialIn, dialOut or app"
        );
    }

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
        Rc::make_mut(&mut form.meetings[0]).per_month = "-1".into();
        Rc::make_mut(&mut form.meetings[0]).minutes = "1e30".into();
        Rc::make_mut(&mut form.meetings[1]).legs[0].count = "abc".into();
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
    /// Switch profile `i` between simple and detailed entry. Switching to detailed turns the
    /// simple inputs into the groups they stand for, so nothing changes in the quote.
    Mode(usize, Mode),
    /// Simple mode: participants of profile `i`.
    Participants(usize, String),
    /// Simple mode: phone share (%) of profile `i`.
    PhoneShare(usize, String),
    /// Simple mode: add a country to profile `i`.
    AddCountry(usize, String),
    /// Simple mode: remove country `k` of profile `i`.
    RemoveCountry(usize, usize),
    /// Simple mode: set a field of country `k` of profile `i`.
    Mix(usize, usize, MixField, String),
}

/// A field of a [`CountryMix`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MixField {
    /// The country code.
    Country,
    /// Share of the phone participants.
    Share,
    /// Toll dial-in share.
    Toll,
    /// Toll-free dial-in share.
    TollFree,
    /// Dial-out share.
    DialOut,
}

impl Form {
    /// Applies an edit; edits of rows that no longer exist are ignored.
    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Card(id) => self.card_id = id,
            Edit::Organisers(v) => self.organisers = v,
            Edit::Licences(v) => self.licences = v,
            Edit::Addon(on) => self.addon = on,
            Edit::AddMeeting(country) => self.meetings.push(Rc::new(Form::new_meeting(&country))),
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
            Edit::Mode(i, mode) => self.with_meeting(i, |m| {
                if m.mode == Mode::Simple && mode == Mode::Detailed {
                    m.legs = m.groups();
                }
                m.mode = mode;
            }),
            Edit::Participants(i, v) => self.with_meeting(i, |m| m.participants = v),
            Edit::PhoneShare(i, v) => self.with_meeting(i, |m| m.phone_share = v),
            Edit::AddCountry(i, code) => self.with_meeting(i, |m| {
                let mut c = CountryMix::all_toll(&code);
                c.share = "0".into();
                m.countries.push(c);
            }),
            Edit::RemoveCountry(i, k) => self.with_meeting(i, |m| {
                if k < m.countries.len() {
                    m.countries.remove(k);
                }
            }),
            Edit::Mix(i, k, field, v) => self.with_meeting(i, |m| {
                if let Some(c) = m.countries.get_mut(k) {
                    match field {
                        MixField::Country => c.country = v,
                        MixField::Share => c.share = v,
                        MixField::Toll => c.toll = v,
                        MixField::TollFree => c.toll_free = v,
                        MixField::DialOut => c.dial_out = v,
                    }
                }
            }),
        }
    }

    fn with_meeting(&mut self, i: usize, f: impl FnOnce(&mut MeetingForm)) {
        if let Some(m) = self.meetings.get_mut(i) {
            f(Rc::make_mut(m));
        }
    }

    fn with_leg(&mut self, i: usize, j: usize, f: impl FnOnce(&mut LegForm)) {
        self.with_meeting(i, |m| {
            if let Some(l) = m.legs.get_mut(j) {
                f(l);
            }
        });
    }
}

#[cfg(test)]
mod simple_mode_tests {
    use super::*;
    use crate::ui::i18n::EN;

    #[test]
    fn shares_become_groups() {
        let f = Form::example("illustrative-usd", &EN);
        // 50 people x 30 % = 15 by phone: 80 % in DE (all toll), 20 % in the US (toll-free).
        let groups = f.meetings[0].groups();
        assert_eq!(
            groups,
            vec![
                leg("DE", Call::TollDialIn, "12"),    // 15 x 80 % x 100 %
                leg("US", Call::TollFreeDialIn, "3"), // 15 x 20 % x 100 %
                leg("DE", Call::App, "35"),           // 50 - 15
            ]
        );
    }

    #[test]
    fn fractional_and_mixed() {
        let mut m = Form::new_meeting("FR");
        m.participants = "7".into();
        m.phone_share = "50".into();
        m.countries[0].toll = "50".into();
        m.countries[0].dial_out = "50".into();
        // 7 x 50 % = 3.5 by phone, half toll, half dial-out: 1.75 each; 3.5 on the app.
        assert_eq!(
            m.groups(),
            vec![
                leg("FR", Call::TollDialIn, "1.75"),
                leg("FR", Call::DialOut, "1.75"),
                leg("FR", Call::App, "3.5"),
            ]
        );
    }

    #[test]
    fn shares_over_100_percent_are_errors() {
        let mut f = Form::example("illustrative-usd", &EN);
        f.apply(Edit::Mix(0, 1, MixField::Share, "40".into()));
        let errors = f.field_errors(&EN);
        assert_eq!(
            errors,
            vec![(
                "meetings-0-shares".to_string(),
                "The countries' shares add up to 120 %; make them 100 %.".to_string()
            )]
        );
        f.apply(Edit::Mix(0, 1, MixField::Share, "20".into()));
        f.apply(Edit::Mix(0, 1, MixField::DialOut, "10".into()));
        let errors = f.field_errors(&EN);
        assert_eq!(errors[0].0, "meetings-0-countries-1-mix");
        assert_eq!(
            errors[0].1,
            "Toll, toll-free and dial-out add up to 110 %; make them 100 %."
        );
        f.apply(Edit::PhoneShare(0, "101".into()));
        assert_eq!(
            f.field_errors(&EN)[0],
            (
                "meetings-0-phoneShare".to_string(),
                EN.err_too_large.to_string()
            )
        );
    }

    #[test]
    fn switching_to_detailed_keeps_the_groups() {
        let mut f = Form::example("illustrative-usd", &EN);
        let before = f.scenario();
        f.apply(Edit::Mode(0, Mode::Detailed));
        assert_eq!(f.meetings[0].mode, Mode::Detailed);
        assert_eq!(f.scenario(), before);
        assert_eq!(f.meetings[0].legs.len(), 3);
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
        assert_eq!(f.meetings.last().unwrap().countries[0].country, "FR");
        // The customer calls (detailed, 3 groups) are now meetings[1].
        f.apply(Edit::AddLeg(1, "JP".into()));
        f.apply(Edit::LegCall(1, 3, Call::DialOut));
        f.apply(Edit::LegCount(1, 3, "2".into()));
        assert_eq!(
            f.meetings[1].legs[3],
            LegForm {
                country: "JP".into(),
                call: Call::DialOut,
                count: "2".into()
            }
        );
        f.apply(Edit::RemoveLeg(1, 3));
        assert_eq!(f.meetings[1].legs.len(), 3);
        f.apply(Edit::AddCountry(0, "AT".into()));
        f.apply(Edit::Mix(0, 2, MixField::Share, "5".into()));
        assert_eq!(f.meetings[0].countries[2].share, "5");
        f.apply(Edit::RemoveCountry(0, 2));
        assert_eq!(f.meetings[0].countries.len(), 2);
        // Edits of rows that are gone are ignored, not a panic.
        f.apply(Edit::LegCount(9, 9, "1".into()));
        f.apply(Edit::RemoveMeeting(99));
    }
}
