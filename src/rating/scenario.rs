//! The scenario: who organises meetings, how often they meet, for how long, and how every
//! participant joins. [`ScenarioDocument`] is the JSON shape (camelCase); [`Scenario`] is the
//! validated form the rating works on.

use crate::rating::money::DecimalOps as _;
use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::call::Call;
use super::country::CountryCode;
use super::error::{Error, ScenarioError};
use super::money::checked;
use super::problem::{Field, Problem};

/// Most organisers (licensed users) a scenario may have.
pub const MAX_ORGANISERS: u64 = 10_000_000;
/// Most meeting profiles in one scenario.
pub const MAX_MEETINGS: usize = 1_000;
/// Most leg groups in one meeting profile.
pub const MAX_LEGS_PER_MEETING: usize = 1_000;
/// Most meetings per month of one profile.
pub const MAX_PER_MONTH: u32 = 1_000_000;
/// Longest meeting in minutes (a meeting profile's `minutes`): 24 hours.
pub const MAX_MINUTES: u32 = 1_440;
/// Longest leg in minutes (a leg group's own `minutes`): a Teams meeting lasts up to 30 hours,
/// so a measured leg may reach 1,800 minutes (rating.md §2).
pub const MAX_LEG_MINUTES: u32 = 1_800;
/// Most participants in one leg group.
pub const MAX_COUNT: u32 = 100_000;

/// A number in a scenario: a JSON number or a decimal string. Text that is not a number is
/// kept so that validation can report it with its field path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Amount {
    /// A number, exactly as written.
    Number(Decimal),
    /// A number too large for the decimal type (beyond about 7.9 × 10^28), as written.
    TooLarge(String),
    /// A number with more decimal places than the decimal type holds (28), as written
    /// (`0.00000000000000000000000000001`, `1e-29`): refused, not rounded to 0.
    TooPrecise(String),
    /// Anything that is not a finite decimal number, as it was written.
    Invalid(String),
}

/// Whether text has the shape of a number (`-12.5`, `1e30`), even one too large to hold.
fn looks_numeric(t: &str) -> bool {
    let t = t.strip_prefix(['-', '+']).unwrap_or(t);
    let (mantissa, exponent) = match t.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['-', '+']).unwrap_or(e))),
        None => (t, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((a, b)) => {
            (digits(a) || a.is_empty())
                && (digits(b) || b.is_empty())
                && !(a.is_empty() && b.is_empty())
        }
        None => digits(mantissa),
    };
    mantissa_ok && exponent.is_none_or(digits)
}

/// A JSON/JavaScript number as the decimal a person typed (see `visit_f64`).
fn amount_from_float(v: f64) -> Amount {
    if v.is_nan() {
        return Amount::Invalid("NaN".into());
    }
    if v.is_infinite() {
        return Amount::TooLarge("Infinity".into());
    }
    // Below 10^-28 a JSON number has no exact decimal here (and is not a count anyone means).
    if v != 0.0 && v.abs() < 1e-28 {
        return Amount::TooPrecise("that number".into());
    }
    match Decimal::from_f64_retain(v) {
        Some(exact) => Amount::Number(exact.round_sf(15).unwrap_or(exact).normalize()),
        None => Amount::TooLarge("that number".into()),
    }
}

/// Reads `1.5e3` / `2E-2` exactly: the mantissa as a decimal, shifted by the exponent.
/// `None` when the text is not of that form or the value does not fit exactly (too large,
/// or more than 28 decimal places).
fn scientific(t: &str) -> Option<Decimal> {
    let (mantissa, exponent) = t.split_once(['e', 'E'])?;
    let mut value = Decimal::from_str_exact(mantissa).ok()?;
    let exponent: i32 = exponent
        .strip_prefix('+')
        .unwrap_or(exponent)
        .parse()
        .ok()?;
    if value.is_zero() {
        return Some(Decimal::ZERO);
    }
    if exponent.unsigned_abs() > 56 {
        return None;
    }
    for _ in 0..exponent.unsigned_abs() {
        value = if exponent > 0 {
            value.cmul(Decimal::TEN)?
        } else {
            // Exact only while the scale stays within 28 places.
            if value.scale() >= 28 {
                return None;
            }
            let mut shifted = value;
            shifted.set_scale(value.scale() + 1).ok()?;
            shifted
        };
    }
    Some(value)
}

/// Whether number text that did not fit is too precise rather than too large: its value
/// (rounded) is below 1.
fn is_tiny(t: &str) -> bool {
    let t = t.strip_prefix(['-', '+']).unwrap_or(t);
    let (mantissa, exponent) = match t.split_once(['e', 'E']) {
        Some((m, e)) => (
            m,
            e.strip_prefix('+').unwrap_or(e).parse::<i64>().unwrap_or(0),
        ),
        None => (t, 0),
    };
    let int_digits = mantissa
        .split('.')
        .next()
        .unwrap_or("")
        .trim_start_matches('0')
        .len() as i64;
    int_digits + exponent <= 0
}

/// Reads number text: plain decimals exactly, scientific notation when it fits exactly.
fn amount_from_text(text: &str) -> Amount {
    let t = text.trim();
    if let Ok(d) = Decimal::from_str_exact(t) {
        return Amount::Number(d);
    }
    if let Some(d) = scientific(t) {
        return Amount::Number(d);
    }
    match (looks_numeric(t), is_tiny(t)) {
        (true, true) => Amount::TooPrecise(text.to_string()),
        (true, false) => Amount::TooLarge(text.to_string()),
        _ => Amount::Invalid(text.to_string()),
    }
}

impl Amount {
    /// Reads number text as a person typed it: a decimal (`2.5`), or scientific notation.
    pub fn parse(text: &str) -> Amount {
        amount_from_text(text)
    }

    /// An amount from an integer.
    pub fn from_int(v: i64) -> Amount {
        Amount::Number(Decimal::from(v))
    }
}

impl From<Decimal> for Amount {
    fn from(v: Decimal) -> Self {
        Amount::Number(v)
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Amount::Number(d) => s.serialize_str(&d.normalize().to_string()),
            Amount::TooLarge(t) | Amount::TooPrecise(t) | Amount::Invalid(t) => s.serialize_str(t),
        }
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number or a decimal string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Amount, E> {
                Ok(amount_from_text(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
                Ok(Amount::Number(Decimal::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
                Ok(Amount::Number(Decimal::from(v)))
            }
            // JSON numbers with a fraction arrive as binary floating point (from serde_json
            // and from JavaScript alike). A double holds every decimal of up to 15
            // significant digits closely enough that rounding its exact binary value to 15
            // significant digits gives back exactly the digits the person typed ("0.1" ->
            // 0.1, "2.675" -> 2.675). This is the only place a binary float touches the core.
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Amount, E> {
                Ok(amount_from_float(v))
            }
        }
        d.deserialize_any(V)
    }
}

/// One group of identical participant legs in a meeting (JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "Leg"))]
pub struct LegDocument {
    /// ISO 3166-1 alpha-2 code: the country called from (dial-in) or called (dial-out).
    pub country: String,
    /// `tollDialIn` | `tollFreeDialIn` | `dialOut` | `app`.
    #[cfg_attr(feature = "ts", ts(type = "CallType"))]
    pub call: String,
    /// How many participants join this way (may be an average).
    pub count: Amount,
    /// The length of each of these legs in minutes, when it differs from the meeting's
    /// (measured calls, people who joined late); same limits as the meeting's `minutes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<Amount>,
}

/// One meeting profile (JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "Meeting"))]
pub struct MeetingDocument {
    /// A name for people; optional.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Meetings of this kind per month (may be an average).
    pub per_month: Amount,
    /// Duration of each meeting in minutes.
    pub minutes: Amount,
    /// The participant legs of one meeting.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<_>"))]
    pub legs: Vec<LegDocument>,
}

/// The scenario as JSON: the input of `quote` in the CLI, the JS API and share links.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "Scenario"))]
pub struct ScenarioDocument {
    /// Users who hold a licence and organise meetings.
    pub organisers: Amount,
    /// Licences bought; defaults to `organisers`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licences_purchased: Option<Amount>,
    /// Whether the organisers have the US/Canada dial-out add-on.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<_>"))]
    pub us_canada_addon: bool,
    /// ISO 3166-1 alpha-2 code of where the organisation is located (its tenant country):
    /// availability warnings come from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation_country: Option<String>,
    /// Meeting profiles.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<_>"))]
    pub meetings: Vec<MeetingDocument>,
    /// The id of the rate card the scenario was priced with (rating.md §2): a tool that is
    /// given no card uses it, so a downloaded estimate prices again as it was shown. Written
    /// last, so that older readers' "expected one of …" lists stay as they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<String>,
}

/// One validated leg group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leg {
    /// The country.
    pub country: CountryCode,
    /// How the participants join.
    pub call: Call,
    /// How many participants join this way, ≥ 0.
    pub count: Decimal,
    /// Each leg's own length in minutes; `None`: the meeting's length.
    pub minutes: Option<Decimal>,
}

/// One validated meeting profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    /// A name for people.
    pub name: String,
    /// Meetings per month, ≥ 0.
    pub per_month: Decimal,
    /// Minutes per meeting, ≥ 0.
    pub minutes: Decimal,
    /// The leg groups.
    pub legs: Vec<Leg>,
}

/// A validated scenario: every number is in range and every code is a real country code.
/// Whether the card has a rate for each leg is checked when rating.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    organisers: u64,
    licences_purchased: u64,
    us_canada_addon: bool,
    organisation_country: Option<CountryCode>,
    meetings: Vec<Meeting>,
}

impl Scenario {
    /// Validates a scenario document. Rules (each failure names its field path):
    /// - `organisers` is a whole number from 0 to 10,000,000;
    /// - `licencesPurchased`, when given, is a whole number ≥ `organisers` and ≤ 10,000,000;
    /// - at most 1,000 meeting profiles with at most 1,000 leg groups each;
    /// - `perMonth` 0..=1,000,000, `minutes` 0..=1,440 (Teams ends PSTN meetings after 24 h;
    ///   a leg's own `minutes` too),
    ///   `count` 0..=100,000; fractions are allowed (averages);
    /// - `country` and `organisationCountry` are ISO 3166-1 alpha-2 codes, `call` one of the
    ///   four call words.
    pub fn from_document(doc: &ScenarioDocument) -> Result<Scenario, ScenarioError> {
        let at = |field: Field| move |problem: Problem| ScenarioError::new(field, problem);
        let organisers =
            whole_number(&doc.organisers, MAX_ORGANISERS).map_err(at(Field::Organisers))?;
        let licences_purchased = match &doc.licences_purchased {
            None => organisers,
            Some(a) => {
                let l = whole_number(a, MAX_ORGANISERS).map_err(at(Field::LicencesPurchased))?;
                if l < organisers {
                    return Err(ScenarioError::new(
                        Field::LicencesPurchased,
                        Problem::LicencesBelowOrganisers {
                            licences: l,
                            organisers,
                        },
                    ));
                }
                l
            }
        };
        let organisation_country = match &doc.organisation_country {
            None => None,
            Some(text) => Some(CountryCode::parse(text).ok_or_else(|| {
                ScenarioError::new(
                    Field::OrganisationCountry,
                    Problem::NotACountryCode { text: text.clone() },
                )
            })?),
        };
        if doc.meetings.len() > MAX_MEETINGS {
            return Err(ScenarioError::new(
                Field::Meetings,
                Problem::TooManyMeetings {
                    count: doc.meetings.len(),
                    limit: MAX_MEETINGS,
                },
            ));
        }
        let mut meetings = Vec::with_capacity(doc.meetings.len());
        for (i, m) in doc.meetings.iter().enumerate() {
            let per_month = check_amount(&m.per_month, Decimal::from(MAX_PER_MONTH), false)
                .map_err(at(Field::PerMonth { meeting: i }))?;
            let minutes = check_amount(&m.minutes, Decimal::from(MAX_MINUTES), false)
                .map_err(at(Field::Minutes { meeting: i }))?;
            if m.legs.len() > MAX_LEGS_PER_MEETING {
                return Err(ScenarioError::new(
                    Field::Legs { meeting: i },
                    Problem::TooManyLegs {
                        count: m.legs.len(),
                        limit: MAX_LEGS_PER_MEETING,
                    },
                ));
            }
            let mut legs = Vec::with_capacity(m.legs.len());
            for (j, leg) in m.legs.iter().enumerate() {
                let (meeting, leg_index) = (i, j);
                let call = Call::from_word(&leg.call).ok_or_else(|| {
                    ScenarioError::new(
                        Field::LegCall {
                            meeting,
                            leg: leg_index,
                        },
                        Problem::UnknownCall {
                            word: leg.call.clone(),
                        },
                    )
                })?;
                let country = CountryCode::parse(&leg.country).ok_or_else(|| {
                    ScenarioError::new(
                        Field::LegCountry {
                            meeting,
                            leg: leg_index,
                        },
                        Problem::NotACountryCode {
                            text: leg.country.clone(),
                        },
                    )
                })?;
                let count = check_amount(&leg.count, Decimal::from(MAX_COUNT), false).map_err(
                    at(Field::LegCount {
                        meeting,
                        leg: leg_index,
                    }),
                )?;
                let minutes = match &leg.minutes {
                    None => None,
                    Some(a) => Some(
                        check_amount(a, Decimal::from(MAX_LEG_MINUTES), false).map_err(at(
                            Field::LegMinutes {
                                meeting,
                                leg: leg_index,
                            },
                        ))?,
                    ),
                };
                legs.push(Leg {
                    country,
                    call,
                    count,
                    minutes,
                });
            }
            meetings.push(Meeting {
                name: m.name.clone(),
                per_month,
                minutes,
                legs,
            });
        }
        Ok(Scenario {
            organisers,
            licences_purchased,
            us_canada_addon: doc.us_canada_addon,
            organisation_country,
            meetings,
        })
    }

    /// Organisers (assigned licences).
    pub fn organisers(&self) -> u64 {
        self.organisers
    }
    /// Licences purchased (≥ organisers).
    pub fn licences_purchased(&self) -> u64 {
        self.licences_purchased
    }
    /// Whether the organisers have the US/Canada add-on.
    pub fn us_canada_addon(&self) -> bool {
        self.us_canada_addon
    }
    /// Where the organisation is located, when given.
    pub fn organisation_country(&self) -> Option<CountryCode> {
        self.organisation_country
    }
    /// The meeting profiles.
    pub fn meetings(&self) -> &[Meeting] {
        &self.meetings
    }

    /// The same scenario with every `perMonth` multiplied by `factor` (≥ 0): the usage axis of
    /// the break-even and the cost curve. Organisers and licences stay fixed.
    pub fn scaled(&self, factor: Decimal) -> Result<Scenario, Error> {
        if factor.is_sign_negative() && !factor.is_zero() {
            return Err(Error::Option {
                name: "factor".into(),
                message: format!("{factor} is negative; usage factors must be 0 or more"),
            });
        }
        let mut out = self.clone();
        for m in &mut out.meetings {
            m.per_month = checked(
                m.per_month.cmul(factor),
                "the meetings per month at this usage factor",
            )?;
        }
        Ok(out)
    }
}

/// Checks one number of a scenario (or of a form that makes one): a number, not negative, at
/// most `max`, and whole when `whole`. The one place these rules live; user interfaces call it
/// for each input to show every problem at once.
pub fn check_amount(a: &Amount, max: Decimal, whole: bool) -> Result<Decimal, Problem> {
    let d = match a {
        Amount::Number(d) if d.is_sign_negative() && !d.is_zero() => {
            return Err(Problem::Negative { value: *d })
        }
        Amount::Number(d) if *d > max => {
            return Err(Problem::AboveLimit {
                value: d.to_string(),
                limit: max,
            })
        }
        Amount::Number(d) => *d,
        Amount::TooLarge(t) => {
            return Err(Problem::AboveLimit {
                value: t.clone(),
                limit: max,
            })
        }
        Amount::TooPrecise(t) => return Err(Problem::TooPrecise { value: t.clone() }),
        Amount::Invalid(t) => return Err(Problem::NotANumber { text: t.clone() }),
    };
    if whole && !d.is_integer() {
        return Err(Problem::NotWhole { value: d });
    }
    Ok(d)
}

/// A whole number of users from 0 to `max`.
fn whole_number(a: &Amount, max: u64) -> Result<u64, Problem> {
    let d = check_amount(a, Decimal::from(max), true)?;
    u64::try_from(d.trunc()).map_err(|_| Problem::NotWhole { value: d })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn number_text() {
        assert!(looks_numeric("12"));
        assert!(looks_numeric("-1.5e30"));
        assert!(looks_numeric(".5"));
        assert!(!looks_numeric("."));
        assert!(!looks_numeric("1e"));
        assert!(!looks_numeric("twelve"));
        assert_eq!(
            amount_from_text(" 2.50 "),
            Amount::Number(Decimal::new(250, 2))
        );
        assert_eq!(amount_from_text("1e3"), Amount::Number(Decimal::from(1000)));
        assert_eq!(amount_from_text("1e30"), Amount::TooLarge("1e30".into()));
        assert_eq!(
            amount_from_text("2.5E-2"),
            Amount::Number(Decimal::new(25, 3))
        );
        // Below what 28 decimal places hold: refused, never silently 0.
        assert_eq!(
            amount_from_text("1e-40"),
            Amount::TooPrecise("1e-40".into())
        );
        assert_eq!(
            amount_from_text("1e-29"),
            Amount::TooPrecise("1e-29".into())
        );
        assert_eq!(
            amount_from_text("0.00000000000000000000000000001"),
            Amount::TooPrecise("0.00000000000000000000000000001".into())
        );
        assert_eq!(
            amount_from_text("1e-28"),
            Amount::Number(Decimal::new(1, 28))
        );
        assert_eq!(amount_from_text("0e-99"), Amount::Number(Decimal::ZERO));
        assert_eq!(
            amount_from_text("12345e-3"),
            Amount::Number(Decimal::new(12345, 3))
        );
        assert_eq!(amount_from_text("NaN"), Amount::Invalid("NaN".into()));
        assert_eq!(amount_from_text(""), Amount::Invalid("".into()));
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn floats_become_the_typed_decimals() {
        let read = |json: &str| serde_json::from_str::<Amount>(json).unwrap();
        assert_eq!(read("0.1"), Amount::Number(Decimal::new(1, 1)));
        assert_eq!(read("2.675"), Amount::Number(Decimal::new(2675, 3)));
        assert_eq!(read("1.5e-7"), Amount::Number(Decimal::new(15, 8)));
        assert_eq!(read("1234.5678"), Amount::Number(Decimal::new(12345678, 4)));
        assert_eq!(read("12"), Amount::Number(Decimal::from(12)));
        assert_eq!(read("1e30"), Amount::TooLarge("that number".into()));
        assert_eq!(amount_from_float(f64::NAN), Amount::Invalid("NaN".into()));
        assert_eq!(read("1e-29"), Amount::TooPrecise("that number".into()));
    }
}
