//! The widget's form state and what it means: plain Rust (no web types), so it is tested
//! natively. The form keeps exactly what people typed; [`Form::scenario`] turns it into a
//! scenario document, and [`Form::field_errors`] says, per input, what is wrong, in the
//! page's language.

use std::rc::Rc;

use rust_decimal::Decimal;

use super::number_input;
use crate::lang::Lang;
use crate::rating::money::DecimalOps as _;
use crate::rating::scenario::{
    check_amount, Amount, LegDocument, MeetingDocument, MAX_COUNT, MAX_MINUTES, MAX_ORGANISERS,
    MAX_PER_MONTH,
};
use crate::rating::{Call, Field, Problem, ScenarioDocument, ScenarioError};

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
fn sum(values: impl IntoIterator<Item = Decimal>) -> Decimal {
    values
        .into_iter()
        .fold(Decimal::ZERO, |a, b| a.cadd(b).unwrap_or(a))
}

/// A number typed in `lang`, or 0 when it is not one (its input shows the problem).
fn value(text: &str, lang: Lang) -> Decimal {
    match number_input::read(text, lang) {
        Ok(Amount::Number(d)) => d,
        _ => Decimal::ZERO,
    }
}

/// An amount in the scenario's own notation (`2.5`), as leg lengths are kept.
fn scenario_text(a: &Amount) -> String {
    match a {
        Amount::Number(d) => d.to_string(),
        Amount::TooLarge(t) | Amount::TooPrecise(t) | Amount::Invalid(t) => t.clone(),
    }
}

/// An amount as a person would type it in `lang`.
fn amount_text(a: &Amount, lang: Lang) -> String {
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

impl MeetingForm {
    /// The participant groups this meeting stands for, counts written in `lang`: the typed
    /// groups in the detailed mode; in the simple mode, `participants × phone % × country % ×
    /// call %` per country and call type, and the rest joining by app (counts may be
    /// fractional: they are averages).
    pub fn groups(&self, lang: Lang) -> Vec<LegForm> {
        self.groups_with_origin(lang)
            .into_iter()
            .map(|(g, _)| g)
            .collect()
    }

    /// [`MeetingForm::groups`], each with the input it comes from.
    pub fn groups_with_origin(&self, lang: Lang) -> Vec<(LegForm, Origin)> {
        if self.mode != Mode::Simple {
            return (self.legs.iter().cloned().enumerate())
                .map(|(j, l)| (l, Origin::Row(j)))
                .collect();
        }
        // `part` % of `whole`; out-of-range inputs give 0 here and an error message elsewhere.
        let share = |whole: Decimal, part: &str| {
            whole
                .cmul(value(part, lang))
                .and_then(|v| v.cdiv(Decimal::ONE_HUNDRED))
                .unwrap_or(Decimal::ZERO)
        };
        let count = |d: Decimal| number_input::localised(&d.normalize().to_string(), lang);
        let people = value(&self.participants, lang);
        let phone = share(people, &self.phone_share);
        let mut out = Vec::new();
        for (k, c) in self.countries.iter().enumerate() {
            let here = share(phone, &c.share);
            for (call, part) in [
                (Call::TollDialIn, &c.toll),
                (Call::TollFreeDialIn, &c.toll_free),
                (Call::DialOut, &c.dial_out),
            ] {
                let n = share(here, part);
                if !n.is_zero() {
                    out.push((leg(&c.country, call, &count(n)), Origin::Mix(k, call)));
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
            out.push((leg(country, Call::App, &count(app)), Origin::App));
        }
        out
    }

    /// A measured profile per way of joining and country, in the order of the legs: calls a
    /// month and billed minutes a month (`count × perMonth`, `× minutes`). Calls of no length
    /// are left out: they are not billed, and quotes do not count them.
    pub fn measured_rows(&self, lang: Lang) -> Vec<((Call, String), (Decimal, Decimal))> {
        let per_month = value(&self.per_month, lang);
        let mut rows: Vec<((Call, String), (Decimal, Decimal))> = Vec::new();
        for leg in &self.legs {
            let length = match Amount::parse(&leg.minutes) {
                Amount::Number(m) => m,
                _ => Decimal::ZERO,
            };
            if length.is_zero() {
                continue;
            }
            let calls = value(&leg.count, lang)
                .cmul(per_month)
                .unwrap_or(Decimal::ZERO);
            let minutes = calls.cmul(length).unwrap_or(Decimal::ZERO);
            let key = (leg.call, leg.country.clone());
            match rows.iter_mut().find(|(k, _)| *k == key) {
                Some((_, (c, m))) => {
                    *c = c.cadd(calls).unwrap_or(*c);
                    *m = m.cadd(minutes).unwrap_or(*m);
                }
                None => rows.push((key, (calls, minutes))),
            }
        }
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        rows
    }

    /// Every number input of this meeting: (input id suffix, text, largest value).
    fn numbers(&self) -> Vec<(String, &str, Decimal)> {
        let mut out = vec![
            // Checked against the limit once converted to meetings per month (`field_errors`).
            (
                "perMonth".to_string(),
                self.per_month.as_str(),
                Decimal::MAX,
            ),
            (
                "minutes".to_string(),
                self.minutes.as_str(),
                Decimal::from(MAX_MINUTES),
            ),
        ];
        if self.mode == Mode::Measured {
            // Nothing of a measured profile is typed; the core checks its numbers.
            out.clear();
            return out;
        }
        if self.mode == Mode::Detailed {
            for (j, l) in self.legs.iter().enumerate() {
                out.push((
                    format!("legs-{j}-count"),
                    l.count.as_str(),
                    Decimal::from(MAX_COUNT),
                ));
            }
            return out;
        }
        out.push((
            "participants".into(),
            &self.participants,
            Decimal::from(MAX_COUNT),
        ));
        out.push(("phoneShare".into(), &self.phone_share, Decimal::ONE_HUNDRED));
        for (k, c) in self.countries.iter().enumerate() {
            for (key, text) in [
                ("share", &c.share),
                ("toll", &c.toll),
                ("tollFree", &c.toll_free),
                ("dialOut", &c.dial_out),
            ] {
                out.push((
                    format!("countries-{k}-{key}"),
                    text.as_str(),
                    Decimal::ONE_HUNDRED,
                ));
            }
        }
        out
    }

    /// Numbers typed in `from`, written as `to` writes them.
    fn relocalise(&mut self, from: Lang, to: Lang) {
        let re = |t: &mut String| *t = number_input::relocalised(t, from, to);
        re(&mut self.per_month);
        re(&mut self.minutes);
        re(&mut self.participants);
        re(&mut self.phone_share);
        for c in &mut self.countries {
            for t in [&mut c.share, &mut c.toll, &mut c.toll_free, &mut c.dial_out] {
                re(t);
            }
        }
        for l in &mut self.legs {
            re(&mut l.count);
        }
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
    /// Where the organisation is located (ISO code; empty: not given).
    pub organisation: String,
    /// Meeting profiles, shared between the states before and after an edit (an edit copies
    /// only the profile it changes).
    pub meetings: Vec<Rc<MeetingForm>>,
    /// The language the numbers are typed in (the page's).
    pub lang: Lang,
}

fn leg(country: &str, call: Call, count: &str) -> LegForm {
    LegForm {
        country: country.into(),
        call,
        count: count.into(),
        minutes: String::new(),
    }
}

/// A problem of one input: the input's id and what is wrong.
pub type InputProblem = (String, Problem);

impl Form {
    /// The first-visit example: a weekly all-hands and customer calls of a 40-organiser team,
    /// with meeting names in `lang`.
    pub fn example(card_id: &str, lang: Lang) -> Form {
        let t = lang.texts();
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
                    name: t.example_all_hands.into(),
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

    /// Meetings still named as the example names them in `from` get the example's name in `to`.
    pub fn rename_examples(&mut self, from: Lang, to: Lang) {
        let (old, new) = (from.texts(), to.texts());
        for m in &mut self.meetings {
            for (was, now) in [
                (old.example_all_hands, new.example_all_hands),
                (old.example_customer_calls, new.example_customer_calls),
            ] {
                if m.name == was {
                    Rc::make_mut(m).name = now.to_string();
                }
            }
        }
    }

    /// A meeting's frequency as meetings per month.
    fn per_month(&self, m: &MeetingForm) -> Amount {
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
    fn amount(&self, text: &str) -> Amount {
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
        let mut check = |id: String, text: &str, max: Decimal, whole: bool| {
            let problem = match number_input::read(text, self.lang) {
                Err(p) => Some(p),
                Ok(a) => check_amount(&a, max, whole).err(),
            };
            if let Some(p) = problem {
                out.push((id, p));
            }
        };
        let users = Decimal::from(MAX_ORGANISERS);
        check("organisers".into(), &self.organisers, users, true);
        if !self.licences.trim().is_empty() {
            check("licencesPurchased".into(), &self.licences, users, true);
        }
        for (i, m) in self.meetings.iter().enumerate() {
            for (key, text, max) in m.numbers() {
                check(format!("meetings-{i}-{key}"), text, max, false);
            }
        }
        // The frequency's limit holds for meetings per month, whatever the period typed.
        for (i, m) in self.meetings.iter().enumerate() {
            let id = format!("meetings-{i}-perMonth");
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
    fn share_errors(&self) -> Vec<InputProblem> {
        let mut out = Vec::new();
        let pct = |t: &str| value(t, self.lang);
        for (i, m) in self.meetings.iter().enumerate() {
            if m.mode != Mode::Simple || pct(&m.phone_share).is_zero() {
                continue;
            }
            let total = sum(m.countries.iter().map(|c| pct(&c.share)));
            if total != Decimal::ONE_HUNDRED {
                out.push((
                    format!("meetings-{i}-shares"),
                    Problem::SharesNotHundred { total },
                ));
            }
            for (k, c) in m.countries.iter().enumerate() {
                let mix = sum([pct(&c.toll), pct(&c.toll_free), pct(&c.dial_out)]);
                if mix != Decimal::ONE_HUNDRED && !pct(&c.share).is_zero() {
                    out.push((
                        format!("meetings-{i}-countries-{k}-mix"),
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
    pub fn input_id(&self, field: Field) -> String {
        let Some(i) = field.meeting() else {
            return match field {
                Field::LicencesPurchased => "licencesPurchased",
                Field::UsCanadaAddon => "addon",
                Field::OrganisationCountry => "organisation",
                Field::Organisers => "organisers",
                _ => "meetings",
            }
            .to_string();
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
            return format!("meetings-{i}-measured");
        }
        let row = |key: &str| match origin {
            Some(Origin::Row(j)) => format!("meetings-{i}-legs-{j}-{key}"),
            Some(Origin::Mix(k, call)) => {
                let share = match (key, call) {
                    ("country", _) => "country",
                    (_, Call::TollDialIn) => "toll",
                    (_, Call::TollFreeDialIn) => "tollFree",
                    _ => "dialOut",
                };
                format!("meetings-{i}-countries-{k}-{share}")
            }
            Some(Origin::App) | None => format!("meetings-{i}-participants"),
        };
        match field {
            Field::PerMonth { .. } => format!("meetings-{i}-perMonth"),
            Field::Minutes { .. } => format!("meetings-{i}-minutes"),
            Field::LegCountry { .. } => row("country"),
            Field::LegCall { .. } => row("call"),
            Field::LegCount { .. } => row("count"),
            _ => format!("meetings-{i}"),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preset_scenario_gives_a_form_with_the_same_scenario() {
        // The example's simple-mode meeting becomes detailed legs (DE toll 12, US toll-free 3,
        // app 35 = 50 × 30 % × 80 % / 20 % and the rest); the scenario stays identical.
        let doc = Form::example("illustrative-eur", Lang::En).scenario();
        let form = Form::from_scenario("illustrative-eur", &doc, Lang::En).unwrap();
        assert_eq!(form.card_id, "illustrative-eur");
        assert!(form.meetings.iter().all(|m| m.mode == Mode::Detailed));
        assert_eq!(form.meetings[0].legs[0].count, "12");
        assert_eq!(form.scenario(), doc);
        let mut bad = doc;
        bad.meetings[1].legs[0].call = "fax".into();
        assert_eq!(
            Form::from_scenario("x", &bad, Lang::En)
                .unwrap_err()
                .to_string(),
            "scenario, field `meetings[1].legs[0].call`: unknown call type \"fax\"; use \
             tollDialIn, tollFreeDialIn, dialOut or app"
        );
    }

    #[test]
    fn the_example_is_a_valid_scenario() {
        let form = Form::example("illustrative-usd", Lang::En);
        assert!(form.field_errors().is_empty());
        let s = crate::rating::Scenario::from_document(&form.scenario()).unwrap();
        assert_eq!(s.organisers(), 40);
        assert_eq!(s.meetings().len(), 2);
    }

    #[test]
    fn each_bad_input_gets_its_problem() {
        let mut form = Form::example("illustrative-usd", Lang::En);
        form.organisers = "".into();
        form.licences = "2.5".into();
        Rc::make_mut(&mut form.meetings[0]).per_month = "-1".into();
        Rc::make_mut(&mut form.meetings[0]).minutes = "1e30".into();
        Rc::make_mut(&mut form.meetings[1]).legs[0].count = "abc".into();
        Rc::make_mut(&mut form.meetings[1]).minutes = "1,5".into();
        let errors = form.field_errors();
        let get = |id: &str| errors.iter().find(|(i, _)| i == id).map(|(_, p)| p.clone());
        assert_eq!(
            get("organisers"),
            Some(Problem::NotANumber { text: "".into() })
        );
        assert_eq!(
            get("licencesPurchased"),
            Some(Problem::NotWhole {
                value: Decimal::new(25, 1)
            })
        );
        assert_eq!(
            get("meetings-0-perMonth"),
            Some(Problem::Negative {
                value: Decimal::from(-1)
            })
        );
        assert_eq!(
            get("meetings-0-minutes"),
            Some(Problem::AboveLimit {
                value: "1e30".into(),
                limit: Decimal::from(1440)
            })
        );
        assert_eq!(
            get("meetings-1-legs-0-count"),
            Some(Problem::NotANumber { text: "abc".into() })
        );
        // "1,5" on an English page: a German 1.5 or a mistyped 15? Refused, not guessed.
        assert_eq!(
            get("meetings-1-minutes"),
            Some(Problem::AmbiguousNumber { text: "1,5".into() })
        );
        assert_eq!(errors.len(), 6);
    }

    #[test]
    fn german_numbers_are_read_as_german() {
        let mut form = Form::example("illustrative-usd", Lang::De);
        form.organisers = "1.200".into();
        form.licences = "1.200".into();
        Rc::make_mut(&mut form.meetings[1]).minutes = "45,5".into();
        assert!(form.field_errors().is_empty(), "{:?}", form.field_errors());
        let doc = form.scenario();
        assert_eq!(doc.organisers, Amount::Number(Decimal::from(1200)));
        assert_eq!(
            doc.meetings[1].minutes,
            Amount::Number(Decimal::new(455, 1))
        );
        // Switching to English writes the same numbers the English way.
        let en = form.relocalised(Lang::En);
        assert_eq!(en.organisers, "1200");
        assert_eq!(en.meetings[1].minutes, "45.5");
        assert_eq!(en.scenario(), doc);
    }

    #[test]
    fn core_problems_point_at_the_input_that_causes_them() {
        let mut form = Form::example("illustrative-usd", Lang::En);
        // Share mode: groups are DE toll (from row 0), US toll-free (row 1), app.
        assert_eq!(
            form.input_id(Field::LegCall { meeting: 0, leg: 1 }),
            "meetings-0-countries-1-tollFree"
        );
        assert_eq!(
            form.input_id(Field::LegCountry { meeting: 0, leg: 0 }),
            "meetings-0-countries-0-country"
        );
        assert_eq!(
            form.input_id(Field::LegCount { meeting: 0, leg: 2 }),
            "meetings-0-participants"
        );
        // Detailed mode: the typed row.
        assert_eq!(
            form.input_id(Field::LegCall { meeting: 1, leg: 2 }),
            "meetings-1-legs-2-call"
        );
        assert_eq!(
            form.input_id(Field::PerMonth { meeting: 1 }),
            "meetings-1-perMonth"
        );
        assert_eq!(form.input_id(Field::Organisers), "organisers");
        form.apply(Edit::Mix(0, 0, MixField::Toll, "0".into()));
        form.apply(Edit::Mix(0, 0, MixField::DialOut, "100".into()));
        assert_eq!(
            form.input_id(Field::LegCall { meeting: 0, leg: 0 }),
            "meetings-0-countries-0-dialOut"
        );
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
    /// Where the organisation is located (ISO code).
    Organisation(String),
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
    /// What the frequency of profile `i` counts (per week, month or year).
    Period(usize, Period),
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
        let lang = self.lang;
        match edit {
            Edit::Card(id) => self.card_id = id,
            Edit::Organisers(v) => self.organisers = v,
            Edit::Licences(v) => self.licences = v,
            Edit::Addon(on) => self.addon = on,
            Edit::Organisation(code) => self.organisation = code,
            Edit::AddMeeting(country) => {
                let mut m = Form::new_meeting(&country);
                m.name = (lang.texts().meeting_n)(self.meetings.len() + 1);
                self.meetings.push(Rc::new(m));
            }
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
            Edit::Period(i, period) => self.with_meeting(i, |m| m.period = period),
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
                    m.legs = m.groups(lang);
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

/// What a removal took away, so that it can be put back (undo).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removed {
    /// Meeting profile `index`.
    Meeting {
        /// Where it was.
        index: usize,
        /// The profile.
        meeting: Rc<MeetingForm>,
    },
    /// Participant group `index` of profile `meeting` (detailed mode).
    Leg {
        /// The profile.
        meeting: usize,
        /// Where it was.
        index: usize,
        /// The group.
        leg: LegForm,
    },
    /// Country row `index` of profile `meeting` (simple mode).
    Country {
        /// The profile.
        meeting: usize,
        /// Where it was.
        index: usize,
        /// The row.
        mix: CountryMix,
    },
}

impl Form {
    /// What `edit` would remove, if it removes something that exists.
    pub fn removed_by(&self, edit: &Edit) -> Option<Removed> {
        match *edit {
            Edit::RemoveMeeting(i) => self.meetings.get(i).map(|m| Removed::Meeting {
                index: i,
                meeting: m.clone(),
            }),
            Edit::RemoveLeg(i, j) => self.meetings.get(i)?.legs.get(j).map(|l| Removed::Leg {
                meeting: i,
                index: j,
                leg: l.clone(),
            }),
            Edit::RemoveCountry(i, k) => {
                self.meetings
                    .get(i)?
                    .countries
                    .get(k)
                    .map(|c| Removed::Country {
                        meeting: i,
                        index: k,
                        mix: c.clone(),
                    })
            }
            _ => None,
        }
    }

    /// Puts back what a removal took away (where it was, or at the end when the list has
    /// shrunk since). Returns the id of the input to focus: the restored item's first.
    pub fn restore(&mut self, removed: Removed) -> String {
        match removed {
            Removed::Meeting { index, meeting } => {
                let at = index.min(self.meetings.len());
                self.meetings.insert(at, meeting);
                format!("meetings-{at}-name")
            }
            Removed::Leg {
                meeting,
                index,
                leg,
            } => {
                let mut at = index;
                self.with_meeting(meeting, |m| {
                    at = index.min(m.legs.len());
                    m.legs.insert(at, leg);
                });
                format!("meetings-{meeting}-legs-{at}-country")
            }
            Removed::Country {
                meeting,
                index,
                mix,
            } => {
                let mut at = index;
                self.with_meeting(meeting, |m| {
                    at = index.min(m.countries.len());
                    m.countries.insert(at, mix);
                });
                format!("meetings-{meeting}-countries-{at}-country")
            }
        }
    }

    /// Where the focus goes after `edit` (applied): into what was added; after a removal, to
    /// the undo button (never to another destructive button).
    pub fn focus_after(&self, edit: &Edit) -> Option<String> {
        let rows = |i: usize, f: fn(&MeetingForm) -> usize| self.meetings.get(i).map(|m| f(m));
        match *edit {
            Edit::AddMeeting(_) => Some(format!(
                "meetings-{}-name",
                self.meetings.len().checked_sub(1)?
            )),
            Edit::DuplicateMeeting(i) => Some(format!("meetings-{}-name", i + 1)),
            Edit::AddLeg(i, _) => {
                let j = rows(i, |m| m.legs.len())?.checked_sub(1)?;
                Some(format!("meetings-{i}-legs-{j}-country"))
            }
            Edit::AddCountry(i, _) => {
                let k = rows(i, |m| m.countries.len())?.checked_sub(1)?;
                Some(format!("meetings-{i}-countries-{k}-country"))
            }
            Edit::RemoveMeeting(_) | Edit::RemoveLeg(..) | Edit::RemoveCountry(..) => {
                Some("undo".to_string())
            }
            _ => None,
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

#[cfg(test)]
mod undo_tests {
    use super::*;

    #[test]
    fn a_removal_can_be_undone_and_focus_never_lands_on_a_remove_button() {
        let mut f = Form::example("illustrative-usd", Lang::En);
        let before = f.clone();
        let edit = Edit::RemoveMeeting(0);
        let removed = f.removed_by(&edit).unwrap();
        f.apply(edit.clone());
        assert_eq!(f.meetings.len(), 1);
        assert_eq!(f.focus_after(&edit).as_deref(), Some("undo"));
        assert_eq!(f.restore(removed), "meetings-0-name");
        assert_eq!(f, before);
        for edit in [Edit::RemoveLeg(1, 2), Edit::RemoveCountry(0, 1)] {
            let removed = f.removed_by(&edit).unwrap();
            f.apply(edit);
            f.restore(removed);
            assert_eq!(f, before);
        }
        // Nothing to remove: nothing to undo.
        assert_eq!(f.removed_by(&Edit::RemoveMeeting(9)), None);
        // Adding focuses what was added.
        let add = Edit::AddMeeting("FR".into());
        f.apply(add.clone());
        assert_eq!(f.focus_after(&add).as_deref(), Some("meetings-2-name"));
        assert_eq!(f.meetings[2].name, "Meeting 3");
        let add = Edit::AddLeg(1, "US".into());
        f.apply(add.clone());
        assert_eq!(
            f.focus_after(&add).as_deref(),
            Some("meetings-1-legs-3-country")
        );
    }

    #[test]
    fn frequency_per_week_or_year_becomes_per_month() {
        let mut f = Form::example("illustrative-usd", Lang::En);
        // 30 a week: 30 × 52 / 12 = 130 a month; 24 a year: 2 a month.
        f.apply(Edit::PerMonth(0, "30".into()));
        f.apply(Edit::Period(0, Period::Week));
        assert_eq!(
            f.scenario().meetings[0].per_month,
            Amount::Number(Decimal::from(130))
        );
        f.apply(Edit::PerMonth(0, "24".into()));
        f.apply(Edit::Period(0, Period::Year));
        assert_eq!(
            f.scenario().meetings[0].per_month,
            Amount::Number(Decimal::from(2))
        );
        // The limit holds per month: 300,000 a week is 1.3 million a month.
        f.apply(Edit::PerMonth(0, "300000".into()));
        f.apply(Edit::Period(0, Period::Week));
        assert!(matches!(f.field_errors()[0].1, Problem::AboveLimit { .. }));
    }
}

#[cfg(test)]
mod simple_mode_tests {
    use super::*;

    #[test]
    fn shares_become_groups() {
        let f = Form::example("illustrative-usd", Lang::En);
        // 50 people x 30 % = 15 by phone: 80 % in DE (all toll), 20 % in the US (toll-free).
        let groups = f.meetings[0].groups(Lang::En);
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
            m.groups(Lang::En),
            vec![
                leg("FR", Call::TollDialIn, "1.75"),
                leg("FR", Call::DialOut, "1.75"),
                leg("FR", Call::App, "3.5"),
            ]
        );
    }

    #[test]
    fn shares_over_100_percent_are_errors() {
        let mut f = Form::example("illustrative-usd", Lang::En);
        f.apply(Edit::Mix(0, 1, MixField::Share, "40".into()));
        // 80 % + 40 %.
        assert_eq!(
            f.field_errors(),
            vec![(
                "meetings-0-shares".to_string(),
                Problem::SharesNotHundred {
                    total: Decimal::from(120)
                }
            )]
        );
        f.apply(Edit::Mix(0, 1, MixField::Share, "20".into()));
        f.apply(Edit::Mix(0, 1, MixField::DialOut, "10".into()));
        // US: 0 % toll + 100 % toll-free + 10 % dial-out.
        assert_eq!(
            f.field_errors(),
            vec![(
                "meetings-0-countries-1-mix".to_string(),
                Problem::MixNotHundred {
                    total: Decimal::from(110)
                }
            )]
        );
        f.apply(Edit::PhoneShare(0, "101".into()));
        assert_eq!(
            f.field_errors()[0],
            (
                "meetings-0-phoneShare".to_string(),
                Problem::AboveLimit {
                    value: "101".into(),
                    limit: Decimal::ONE_HUNDRED
                }
            )
        );
    }

    #[test]
    fn switching_to_detailed_keeps_the_groups() {
        let mut f = Form::example("illustrative-usd", Lang::En);
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

    #[test]
    fn add_duplicate_remove() {
        let mut f = Form::example("illustrative-usd", Lang::En);
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
                count: "2".into(),
                minutes: String::new(),
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

    #[test]
    fn measured_profiles_replace_or_join_and_sum_up_per_country() {
        // A measured form as the usage import hands it over: 4 organisers, 0.5 meetings a
        // month, DE toll 2 calls of 3 min + 1 of 0 min, FR dial-out 1 of 1 min.
        let measured = |legs: Vec<LegForm>| Form {
            organisers: "4".into(),
            meetings: vec![Rc::new(MeetingForm {
                mode: Mode::Measured,
                ..MeetingForm::detailed("Measured usage", "0.5", "0", legs)
            })],
            ..Form::empty("illustrative-usd", Lang::En)
        };
        let leg = |c: &str, call, n: &str, m: &str| LegForm {
            minutes: m.into(),
            ..leg(c, call, n)
        };
        let m = measured(vec![
            leg("DE", Call::TollDialIn, "2", "3"),
            leg("DE", Call::TollDialIn, "1", "0"),
            leg("FR", Call::DialOut, "1", "1"),
        ]);
        // DE: 2 x 0.5 = 1 call a month, 3 minutes; the 0-minute call is not counted.
        let rows = m.meetings[0].measured_rows(Lang::En);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, (Call::TollDialIn, "DE".to_string()));
        assert_eq!(rows[0].1, (Decimal::ONE, Decimal::from(3)));
        assert_eq!(rows[1].1, (Decimal::new(5, 1), Decimal::new(5, 1)));
        // Replace: the example's meetings go, the organisers are the import's, licences default.
        let mut f = Form::example("illustrative-usd", Lang::De);
        f.take_measured(m.clone(), true);
        assert_eq!(f.meetings.len(), 1);
        assert_eq!((f.organisers.as_str(), f.licences.as_str()), ("4", ""));
        // Written the German way, and priced with the legs' own minutes.
        assert_eq!(f.meetings[0].per_month, "0,5");
        assert_eq!(
            f.scenario().meetings[0].legs[0].minutes,
            Some(Amount::parse("3"))
        );
        // Join: the example stays and keeps its 40 organisers (more than 4).
        let mut f = Form::example("illustrative-usd", Lang::En);
        f.take_measured(m, false);
        assert_eq!(f.meetings.len(), 3);
        assert_eq!(f.meetings[2].mode, Mode::Measured);
        assert_eq!(f.organisers, "40");
    }
}
