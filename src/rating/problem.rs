//! What can be wrong with a scenario, as kinds with typed parameters, and where: a [`Problem`]
//! at a [`Field`]. `Display` gives the English sentence (the CLI, the JS API's
//! `Error.message`); user interfaces translate the kinds themselves, once per language.

use std::fmt;

use rust_decimal::Decimal;

use super::call::Call;
use super::country::CountryCode;

/// A place in the scenario JSON. `Display` writes its path, e.g. `meetings[0].legs[2].count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Field {
    /// The whole scenario (a problem of no single field).
    Scenario,
    /// `organisers`.
    Organisers,
    /// `licencesPurchased`.
    LicencesPurchased,
    /// `usCanadaAddon`.
    UsCanadaAddon,
    /// `organisationCountry`.
    OrganisationCountry,
    /// `meetings` (the list).
    Meetings,
    /// `meetings[meeting].perMonth`.
    PerMonth {
        /// Index of the meeting profile.
        meeting: usize,
    },
    /// `meetings[meeting].minutes`.
    Minutes {
        /// Index of the meeting profile.
        meeting: usize,
    },
    /// `meetings[meeting].legs` (the list).
    Legs {
        /// Index of the meeting profile.
        meeting: usize,
    },
    /// `meetings[meeting].legs[leg].country`.
    LegCountry {
        /// Index of the meeting profile.
        meeting: usize,
        /// Index of the leg group.
        leg: usize,
    },
    /// `meetings[meeting].legs[leg].call`.
    LegCall {
        /// Index of the meeting profile.
        meeting: usize,
        /// Index of the leg group.
        leg: usize,
    },
    /// `meetings[meeting].legs[leg].count`.
    LegCount {
        /// Index of the meeting profile.
        meeting: usize,
        /// Index of the leg group.
        leg: usize,
    },
    /// `meetings[meeting].legs[leg].minutes`.
    LegMinutes {
        /// Index of the meeting profile.
        meeting: usize,
        /// Index of the leg group.
        leg: usize,
    },
}

impl Field {
    /// The meeting profile this field belongs to, if any.
    pub fn meeting(self) -> Option<usize> {
        match self {
            Field::PerMonth { meeting }
            | Field::Minutes { meeting }
            | Field::Legs { meeting }
            | Field::LegCountry { meeting, .. }
            | Field::LegCall { meeting, .. }
            | Field::LegCount { meeting, .. }
            | Field::LegMinutes { meeting, .. } => Some(meeting),
            _ => None,
        }
    }

    /// The leg group this field belongs to, if any.
    pub fn leg(self) -> Option<usize> {
        match self {
            Field::LegCountry { leg, .. }
            | Field::LegCall { leg, .. }
            | Field::LegCount { leg, .. }
            | Field::LegMinutes { leg, .. } => Some(leg),
            _ => None,
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Field::Scenario => Ok(()),
            Field::Organisers => f.write_str("organisers"),
            Field::LicencesPurchased => f.write_str("licencesPurchased"),
            Field::UsCanadaAddon => f.write_str("usCanadaAddon"),
            Field::OrganisationCountry => f.write_str("organisationCountry"),
            Field::Meetings => f.write_str("meetings"),
            Field::PerMonth { meeting } => write!(f, "meetings[{meeting}].perMonth"),
            Field::Minutes { meeting } => write!(f, "meetings[{meeting}].minutes"),
            Field::Legs { meeting } => write!(f, "meetings[{meeting}].legs"),
            Field::LegCountry { meeting, leg } => {
                write!(f, "meetings[{meeting}].legs[{leg}].country")
            }
            Field::LegCall { meeting, leg } => write!(f, "meetings[{meeting}].legs[{leg}].call"),
            Field::LegCount { meeting, leg } => write!(f, "meetings[{meeting}].legs[{leg}].count"),
            Field::LegMinutes { meeting, leg } => {
                write!(f, "meetings[{meeting}].legs[{leg}].minutes")
            }
        }
    }
}

/// What is wrong with a value or a combination of values. The English sentences of
/// `Display` name the offending value; user interfaces translate by kind.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// Text that is not a number (empty text included), as it was written.
    NotANumber {
        /// The text.
        text: String,
    },
    /// A number below zero.
    Negative {
        /// The number.
        value: Decimal,
    },
    /// A number above the limit of its field (or too large for the decimal type).
    AboveLimit {
        /// The number as written.
        value: String,
        /// The largest value the field takes.
        limit: Decimal,
    },
    /// More decimal places than can be computed with (28), e.g. `1e-29`.
    TooPrecise {
        /// The number as written.
        value: String,
    },
    /// A fraction where only whole numbers make sense (organisers, licences).
    NotWhole {
        /// The number.
        value: Decimal,
    },
    /// Fewer licences purchased than organisers, who each hold one.
    LicencesBelowOrganisers {
        /// Licences purchased.
        licences: u64,
        /// Organisers.
        organisers: u64,
    },
    /// More meeting profiles than the limit.
    TooManyMeetings {
        /// How many there are.
        count: usize,
        /// The most allowed.
        limit: usize,
    },
    /// More leg groups in one meeting profile than the limit.
    TooManyLegs {
        /// How many there are.
        count: usize,
        /// The most allowed.
        limit: usize,
    },
    /// A call word that is not one of the four.
    UnknownCall {
        /// The word as written.
        word: String,
    },
    /// Text that is not an ISO 3166-1 alpha-2 code.
    NotACountryCode {
        /// The text as written.
        text: String,
    },
    /// A country the rate card does not list.
    CountryNotOnCard {
        /// The card's name.
        card: String,
        /// The country.
        country: CountryCode,
    },
    /// A way of joining the card has no rate for in a country (no such number there, or the
    /// destination is not reachable).
    NoRate {
        /// The card's name.
        card: String,
        /// The way of joining.
        call: Call,
        /// The country.
        country: CountryCode,
    },
    /// The US/Canada add-on is on, but the card does not offer it.
    NoAddon {
        /// The card's name.
        card: String,
    },
    /// Phone participants but no organiser to hold the meetings.
    NoOrganiser,
    /// The countries' shares of a meeting's phone participants do not add up to 100 %.
    SharesNotHundred {
        /// Their sum, in percent.
        total: Decimal,
    },
    /// A country's ways of joining (toll, toll-free, dial-out) do not add up to 100 %.
    MixNotHundred {
        /// Their sum, in percent.
        total: Decimal,
    },
    /// Number text whose separators could mean two different numbers in the reader's
    /// language (e.g. "1,5" on an English page).
    AmbiguousNumber {
        /// The text as typed.
        text: String,
    },
}

/// Longest piece of the input a message quotes; longer values are cut with an ellipsis.
const QUOTED_MAX: usize = 40;

/// `text` cut to [`QUOTED_MAX`] characters, control characters shown as `\u{…}`: a piece of
/// the input quoted in a message.
pub fn quoted(text: &str) -> String {
    cut(text, QUOTED_MAX)
}

/// `text` cut to `max` characters (with an ellipsis), control characters shown as `\u{…}`.
pub fn cut(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

impl Problem {
    /// A stable name of the kind, in camelCase, for programs (the JS API's error `code`).
    pub fn code(&self) -> &'static str {
        match self {
            Problem::NotANumber { .. } => "notANumber",
            Problem::Negative { .. } => "negative",
            Problem::AboveLimit { .. } => "aboveLimit",
            Problem::TooPrecise { .. } => "tooPrecise",
            Problem::NotWhole { .. } => "notWhole",
            Problem::LicencesBelowOrganisers { .. } => "licencesBelowOrganisers",
            Problem::TooManyMeetings { .. } => "tooManyMeetings",
            Problem::TooManyLegs { .. } => "tooManyLegs",
            Problem::UnknownCall { .. } => "unknownCall",
            Problem::NotACountryCode { .. } => "unknownCountry",
            Problem::CountryNotOnCard { .. } => "countryNotOnCard",
            Problem::NoRate { .. } => "noRate",
            Problem::NoAddon { .. } => "noAddon",
            Problem::NoOrganiser => "noOrganiser",
            Problem::SharesNotHundred { .. } => "sharesNotHundred",
            Problem::MixNotHundred { .. } => "mixNotHundred",
            Problem::AmbiguousNumber { .. } => "ambiguousNumber",
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotANumber { text } => write!(
                f,
                "\"{}\" is not a number; enter digits such as 12 or 2.5",
                quoted(text)
            ),
            Problem::Negative { value } => write!(f, "{value} is negative; enter 0 or more"),
            Problem::AboveLimit { value, limit } => {
                write!(f, "{} is more than the limit of {limit}", quoted(value))
            }
            Problem::TooPrecise { value } => write!(
                f,
                "{} has more decimal places than we can compute with (28); round it",
                quoted(value)
            ),
            Problem::NotWhole { value } => write!(
                f,
                "{value} is not a whole number; licences are counted in whole users"
            ),
            Problem::LicencesBelowOrganisers {
                licences,
                organisers,
            } => write!(
                f,
                "{licences} licences purchased is fewer than the {organisers} organisers who \
                 hold one; buy at least as many licences as organisers"
            ),
            Problem::TooManyMeetings { count, limit } => {
                write!(
                    f,
                    "{count} meeting profiles is more than the limit of {limit}"
                )
            }
            Problem::TooManyLegs { count, limit } => {
                write!(f, "{count} leg groups is more than the limit of {limit}")
            }
            Problem::UnknownCall { word } => write!(
                f,
                "unknown call type \"{}\"; use tollDialIn, tollFreeDialIn, dialOut or app",
                quoted(word)
            ),
            Problem::NotACountryCode { text } => write!(
                f,
                "\"{}\" is not a country code; use a two-letter ISO code such as \"DE\"",
                quoted(text)
            ),
            Problem::CountryNotOnCard { card, country } => write!(
                f,
                "the rate card \"{card}\" has no rates for {country}; choose a country it lists"
            ),
            Problem::NoRate {
                card,
                call,
                country,
            } => write!(
                f,
                "the rate card \"{card}\" has no {} rate for {country}{}; choose another way to \
                 join",
                call.describe(),
                match call {
                    Call::DialOut => " (the destination is not reachable)",
                    _ => " (no such number is offered there)",
                }
            ),
            Problem::NoAddon { card } => write!(
                f,
                "the rate card \"{card}\" offers no US/Canada dial-out add-on; turn the add-on off"
            ),
            Problem::NoOrganiser => f.write_str(
                "meetings with phone participants need at least one organiser (the licensed user \
                 who schedules them); enter 1 or more",
            ),
            Problem::SharesNotHundred { total } => write!(
                f,
                "the countries' shares add up to {} %; make them 100 %",
                total.normalize()
            ),
            Problem::MixNotHundred { total } => write!(
                f,
                "toll, toll-free and dial-out add up to {} %; make them 100 %",
                total.normalize()
            ),
            Problem::AmbiguousNumber { text } => write!(
                f,
                "\"{}\" could be read as two different numbers; write it without thousands \
                 separators",
                quoted(text)
            ),
        }
    }
}
