//! The scenario: who organises meetings, how often they meet, for how long, and how every
//! participant joins. [`ScenarioDocument`] is the JSON shape (camelCase); [`Scenario`] is the
//! validated form the rating works on.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use super::amount::{check_amount, Amount};
use super::call::Call;
use super::country::CountryCode;
use super::error::{Error, ScenarioError};
use super::money::checked;
use super::money::DecimalOps as _;
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

/// A whole number of users from 0 to `max`.
fn whole_number(a: &Amount, max: u64) -> Result<u64, Problem> {
    let d = check_amount(a, Decimal::from(max), true)?;
    u64::try_from(d.trunc()).map_err(|_| Problem::NotWhole { value: d })
}
