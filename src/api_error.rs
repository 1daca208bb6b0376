//! The JS API's errors as kinds: every failure a partner can meet, with a stable `code`, the
//! JSON path of the field it concerns (`field`) and, for a rate card, the card problem's own
//! code (`problem`); the English sentence comes last (`Display`, the JS `Error.message`).
//! Plain Rust, on every target, so the codes are tested natively; `api.rs` only throws them.

use std::fmt;

use crate::rating::{CardError, Error, Field, ScenarioError};
use crate::registry::RegistryError;

/// What is wrong with a value handed in from JavaScript before its meaning is read: its
/// shape, its size, or a value that throws when it is read.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueProblem {
    /// More values in all than any valid input has.
    TooManyValues {
        /// The limit.
        limit: usize,
    },
    /// A function, symbol or BigInt where JSON data belongs.
    NotData {
        /// Where (`` `meetings[0]` `` or "the value").
        at: String,
    },
    /// Nested deeper than any valid input.
    TooDeep {
        /// Where.
        at: String,
        /// The limit.
        limit: usize,
    },
    /// A list longer than any valid input has.
    ListTooLong {
        /// Where.
        at: String,
        /// Its length as JavaScript gave it (whole; at most `u64::MAX`).
        length: u64,
        /// The limit.
        limit: u32,
    },
    /// An object with more keys than any valid input has.
    TooManyKeys {
        /// Where.
        at: String,
        /// How many.
        keys: u32,
        /// The limit.
        limit: u32,
    },
    /// Reading a value threw (a getter, a Proxy).
    Unreadable {
        /// The path of the value (empty: the whole input).
        path: String,
        /// What was thrown, cut short.
        thrown: String,
    },
    /// JSON text larger than any valid input.
    TextTooLarge {
        /// Its size in MB.
        megabytes: usize,
        /// The limit in MB.
        limit: usize,
    },
    /// Text that `JSON.parse` refused: where (when its message names the place) and why.
    NotJson {
        /// The line and column (1-based) where the text went wrong.
        at: Option<(usize, usize)>,
        /// What `JSON.parse` said was wrong, without its wording of the place.
        reason: String,
    },
    /// Not an object where one is expected.
    NotAnObject {
        /// What is expected, e.g. "an object such as { organisers: 10, meetings: [] }".
        expected: &'static str,
    },
    /// A key the format does not know (a typo).
    UnknownField {
        /// The path of the object holding it (empty: the top level).
        at: String,
        /// The key.
        key: String,
        /// The keys that object may have.
        expected: &'static [&'static str],
    },
    /// A value of the wrong type (a list where a number belongs …).
    WrongType {
        /// Where (`meetings[0].count`); empty for the input itself.
        at: String,
        /// What was found and what belongs there, in English.
        detail: String,
    },
}

impl ValueProblem {
    /// The API code of this kind.
    pub fn code(&self) -> &'static str {
        match self {
            ValueProblem::TooManyValues { .. }
            | ValueProblem::TooDeep { .. }
            | ValueProblem::ListTooLong { .. }
            | ValueProblem::TooManyKeys { .. }
            | ValueProblem::TextTooLarge { .. } => "inputTooLarge",
            ValueProblem::NotData { .. } | ValueProblem::WrongType { .. } => "wrongType",
            ValueProblem::Unreadable { .. } => "unreadable",
            ValueProblem::NotJson { .. } => "notJson",
            ValueProblem::NotAnObject { .. } => "notAnObject",
            ValueProblem::UnknownField { .. } => "unknownField",
        }
    }

    /// The JSON path the problem concerns, when there is one.
    pub fn field(&self) -> Option<String> {
        let path = |at: &str| (!at.is_empty()).then(|| at.to_string());
        match self {
            ValueProblem::Unreadable { path: p, .. } | ValueProblem::WrongType { at: p, .. } => {
                path(p)
            }
            ValueProblem::UnknownField { at, key, .. } if at.is_empty() => Some(key.clone()),
            ValueProblem::UnknownField { at, key, .. } => Some(format!("{at}.{key}")),
            _ => None,
        }
    }
}

impl fmt::Display for ValueProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValueProblem::TooManyValues { limit } => {
                write!(f, "more than {limit} values; this input is too large")
            }
            ValueProblem::NotData { at } => write!(f, "{at} is not a number, text, list or object"),
            ValueProblem::TooDeep { at, limit } => write!(
                f,
                "{at} is nested more than {limit} levels deep; no valid input is"
            ),
            ValueProblem::ListTooLong { at, length, limit } => write!(
                f,
                "{at} is a list of {length} entries; no valid input has more than {limit}"
            ),
            ValueProblem::TooManyKeys { at, keys, limit } => write!(
                f,
                "{at} has {keys} keys; no valid input has more than {limit}"
            ),
            ValueProblem::Unreadable { path, thrown } => {
                if !path.is_empty() {
                    write!(f, "`{path}` ")?;
                }
                write!(f, "could not be read: reading it threw \"{thrown}\"")
            }
            ValueProblem::TextTooLarge { .. } => Ok(()), // said with its input's name
            ValueProblem::NotJson {
                at: Some((line, column)),
                reason,
            } => write!(
                f,
                "not valid JSON at line {line}, column {column}: {reason}"
            ),
            ValueProblem::NotJson { at: None, reason } => write!(f, "not valid JSON: {reason}"),
            ValueProblem::NotAnObject { expected } => write!(f, "expected {expected}"),
            ValueProblem::UnknownField { at, key, expected } => {
                write!(f, "unknown field `{key}`")?;
                if !at.is_empty() {
                    write!(f, " in `{at}`")?;
                }
                write!(f, "; expected one of {}", expected.join(", "))
            }
            ValueProblem::WrongType { at, detail } => {
                if !at.is_empty() {
                    write!(f, "`{at}`: ")?;
                }
                f.write_str(detail)
            }
        }
    }
}

/// Any failure of a JS API call.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The input (`what`: "scenario", "rate card", "curve options", "options") is not of the
    /// format's shape.
    Value {
        /// The input's name in messages.
        what: &'static str,
        /// What is wrong with it.
        problem: ValueProblem,
    },
    /// The rating core refused: a scenario problem at its field, a card, an overflow.
    Rating(Box<Error>),
    /// The card registry: an unknown card id, a built-in id, a partner card that is not valid.
    Registry(RegistryError),
    /// An option that is not a number.
    BadOption {
        /// The input's name in messages ("curve options").
        what: &'static str,
        /// The option.
        name: &'static str,
        /// The text given.
        text: String,
    },
}

impl ApiError {
    /// Every `code` an `ApiError` can carry (the TypeScript type `PpmErrorCode` lists the
    /// same, checked by a test).
    pub const CODES: &'static [&'static str] = &[
        "inputTooLarge",
        "wrongType",
        "unreadable",
        "notJson",
        "notAnObject",
        "unknownField",
        "notANumber",
        "negative",
        "aboveLimit",
        "tooPrecise",
        "notWhole",
        "licencesBelowOrganisers",
        "tooManyMeetings",
        "tooManyLegs",
        "unknownCall",
        "unknownCountry",
        "countryNotOnCard",
        "noRate",
        "noAddon",
        "noOrganiser",
        "sharesNotHundred",
        "mixNotHundred",
        "ambiguousNumber",
        "badCard",
        "tooLarge",
        "badOption",
        "unknownCard",
        "builtInCard",
        "cardIdTaken",
        "busy",
    ];

    /// A problem of an input's shape.
    pub fn value(what: &'static str, problem: ValueProblem) -> ApiError {
        ApiError::Value { what, problem }
    }

    /// The stable code of the kind, for programs.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::Value { problem, .. } => problem.code(),
            ApiError::Rating(e) => match &**e {
                Error::Scenario(s) => s.problem.code(),
                Error::Card(_) => "badCard",
                Error::Overflow(_) => "tooLarge",
                Error::Option { .. } => "badOption",
            },
            ApiError::BadOption { .. } => "badOption",
            ApiError::Registry(RegistryError::BadCard(_)) => "badCard",
            ApiError::Registry(RegistryError::UnknownCard { .. }) => "unknownCard",
            ApiError::Registry(RegistryError::BuiltInId { .. }) => "builtInCard",
            ApiError::Registry(RegistryError::IdTaken { .. }) => "cardIdTaken",
            ApiError::Registry(RegistryError::Busy) => "busy",
        }
    }

    /// The card error inside, for a card that is not valid.
    pub fn card(&self) -> Option<&CardError> {
        match self {
            ApiError::Rating(e) => match &**e {
                Error::Card(c) => Some(c),
                _ => None,
            },
            ApiError::Registry(RegistryError::BadCard(c)) => Some(c),
            _ => None,
        }
    }

    /// The scenario error inside, for a scenario that is not valid.
    pub fn scenario(&self) -> Option<&ScenarioError> {
        match self {
            ApiError::Rating(e) => match &**e {
                Error::Scenario(s) => Some(s),
                _ => None,
            },
            _ => None,
        }
    }

    /// The JSON path of the field concerned (`meetings[0].minutes`, `countries[2].dial_out`,
    /// `maxFactor`), when there is one.
    pub fn field(&self) -> Option<String> {
        if let Some(s) = self.scenario() {
            return (s.field != Field::Scenario).then(|| s.field.to_string());
        }
        if let Some(c) = self.card() {
            return (!c.field.is_empty()).then(|| c.field.clone());
        }
        match self {
            ApiError::Value { problem, .. } => problem.field(),
            ApiError::Rating(e) => match &**e {
                Error::Option { name, .. } => Some(name.clone()),
                _ => None,
            },
            ApiError::BadOption { name, .. } => Some(name.to_string()),
            _ => None,
        }
    }

    /// For a card that is not valid: the card problem's own code (`negative`, `notADate` …).
    pub fn card_problem(&self) -> Option<&'static str> {
        self.card().map(|c| c.problem.code())
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Value {
                what,
                problem: ValueProblem::TextTooLarge { megabytes, limit },
            } => write!(
                f,
                "{what}: the text is {megabytes} MB; no valid {what} is larger than {limit} MB"
            ),
            ApiError::Value { what, problem } => write!(f, "{what}: {problem}"),
            ApiError::Rating(e) => e.fmt(f),
            ApiError::Registry(e) => e.fmt(f),
            ApiError::BadOption { what, name, text } => write!(
                f,
                "{what}: {name} \"{}\" is not a number",
                crate::rating::problem::quoted(text)
            ),
        }
    }
}

impl std::error::Error for ApiError {}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        ApiError::Rating(Box::new(e))
    }
}

impl From<ScenarioError> for ApiError {
    fn from(e: ScenarioError) -> Self {
        ApiError::Rating(Box::new(Error::Scenario(e)))
    }
}

impl From<RegistryError> for ApiError {
    fn from(e: RegistryError) -> Self {
        ApiError::Registry(e)
    }
}

#[cfg(test)]
#[path = "api_error_tests.rs"]
mod tests;
