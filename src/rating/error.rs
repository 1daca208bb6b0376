//! The errors of the rating core. Every message is a sentence a sales person can act on: it
//! names the field (and, for rate-card files, the file and line) and the offending value.

use std::fmt;

use super::card::CardProblem;
use super::country::CountryCode;
use super::money::Overflow;
use super::problem::{Field, Problem};

/// Any failure of the rating core.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The rate card is malformed or breaks one of its rules.
    Card(CardError),
    /// The scenario is malformed, out of range, or asks for something the card does not offer.
    Scenario(ScenarioError),
    /// A computation exceeded the range of the decimal type (about 7.9 × 10^28).
    Overflow(Overflow),
    /// An option of a helper (such as the cost curve) is out of range.
    Option {
        /// The option's name.
        name: String,
        /// What is wrong with it.
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Card(e) => e.fmt(f),
            Error::Scenario(e) => e.fmt(f),
            Error::Overflow(e) => e.fmt(f),
            Error::Option { name, message } => write!(f, "option `{name}`: {message}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<CardError> for Error {
    fn from(e: CardError) -> Self {
        Error::Card(e)
    }
}

impl From<Overflow> for Error {
    fn from(e: Overflow) -> Self {
        Error::Overflow(e)
    }
}

impl From<ScenarioError> for Error {
    fn from(e: ScenarioError) -> Self {
        Error::Scenario(e)
    }
}

/// A rate card that cannot be used: what is wrong ([`CardProblem`], a kind with its values)
/// and where (file, line, field, country).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardError {
    /// The file the card came from, when it came from a file.
    pub file: Option<String>,
    /// The field path, e.g. `countries[3].toll_dial_in` or `billing.rounding`.
    pub field: String,
    /// The 1-based line in the file, where it could be found.
    pub line: Option<usize>,
    /// The country whose entry holds the problem, when that helps to find it.
    pub country: Option<CountryCode>,
    /// What is wrong, with the offending value.
    pub problem: CardProblem,
}

impl CardError {
    /// `problem` at `field`; file, line and country are filled in by whoever knows them.
    pub fn new(field: impl Into<String>, problem: CardProblem) -> CardError {
        CardError {
            file: None,
            field: field.into(),
            line: None,
            country: None,
            problem,
        }
    }

    /// What is wrong, in English, with the country when it is known (no file or field).
    pub fn message(&self) -> String {
        match self.country {
            Some(code) => format!("{} (country {code})", self.problem),
            None => self.problem.to_string(),
        }
    }
}

impl fmt::Display for CardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("rate card")?;
        if let Some(file) = &self.file {
            write!(f, " {file}")?;
        }
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if !self.field.is_empty() {
            write!(f, ", field `{}`", self.field)?;
        }
        write!(f, ": {}", self.message())
    }
}

impl std::error::Error for CardError {}

/// A scenario that cannot be priced: what is wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioError {
    /// Where in the scenario, e.g. `meetings[0].legs[2].country`.
    pub field: Field,
    /// What is wrong, with its values.
    pub problem: Problem,
}

impl ScenarioError {
    /// `problem` at `field`.
    pub fn new(field: Field, problem: Problem) -> ScenarioError {
        ScenarioError { field, problem }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field == Field::Scenario {
            write!(f, "scenario: {}", self.problem)
        } else {
            write!(f, "scenario, field `{}`: {}", self.field, self.problem)
        }
    }
}

impl std::error::Error for ScenarioError {}
