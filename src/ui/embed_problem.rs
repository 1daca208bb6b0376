//! What can be wrong with how a partner's page configures `<ppm-pricing>`, as kinds
//! ([`EmbedProblem`]): the widget says each in its own language (`i18n::partner`), the
//! `ppm-error` event and the thrown `Error` in English (`Display`).

use std::fmt;

use super::embed::Section;
use crate::api_error::ApiError;
use crate::form::link::LinkError;
use crate::registry::RegistryError;

/// Why a `card-src` card could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum CardSrcCause {
    /// Not an http(s) address.
    Protocol {
        /// The address's protocol, e.g. `ftp:`.
        protocol: String,
    },
    /// The server answered with an error status.
    Status {
        /// The HTTP status.
        status: u16,
    },
    /// The card is larger than a card may be.
    TooLarge {
        /// Its size in KB.
        kilobytes: u64,
        /// The limit in KB.
        limit: u64,
    },
    /// No answer in time.
    Timeout {
        /// The time allowed, in seconds.
        seconds: u32,
    },
    /// The request failed (the browser's own words: CORS, offline …).
    Network {
        /// The browser's message.
        message: String,
    },
    /// The card itself: not JSON, not of the card's shape, or not valid.
    Card(Box<ApiError>),
}

impl fmt::Display for CardSrcCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CardSrcCause::Protocol { protocol } => write!(
                f,
                "only http(s) addresses can be loaded, not {}",
                crate::rating::problem::quoted(protocol)
            ),
            CardSrcCause::Status { status } => write!(f, "the server answered {status}"),
            CardSrcCause::TooLarge { kilobytes, limit } => write!(
                f,
                "it is {kilobytes} KB; a rate card may be at most {limit} KB"
            ),
            CardSrcCause::Timeout { seconds } => write!(f, "no answer within {seconds} seconds"),
            CardSrcCause::Network { message } => {
                f.write_str(&crate::rating::problem::quoted(message))
            }
            CardSrcCause::Card(e) => e.fmt(f),
        }
    }
}

/// One problem of an element's configuration; what is valid is still applied.
#[derive(Debug, Clone, PartialEq)]
pub enum EmbedProblem {
    /// `hide` names a section that does not exist.
    UnknownSection {
        /// The word as written.
        word: String,
    },
    /// `scenario` is neither scenario JSON nor a share link.
    NotAPreset,
    /// `scenario` (JSON or a scenario object) is not a valid scenario.
    Scenario(Box<ApiError>),
    /// `scenario` is a share link that could not be read.
    Link(LinkError),
    /// The scenario has more participant groups than the widget takes.
    TooManyRows {
        /// How many.
        rows: usize,
        /// The limit.
        limit: usize,
    },
    /// `card` names a card that is not loaded.
    Card(RegistryError),
    /// The `card-src` card could not be used; the built-in card is shown.
    CardSrc {
        /// The address as given.
        src: String,
        /// Why.
        cause: CardSrcCause,
    },
}

impl EmbedProblem {
    /// The section words `hide` takes, for messages.
    pub fn section_words() -> String {
        Section::ALL.map(Section::word).join(", ")
    }
}

impl fmt::Display for EmbedProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::rating::problem::quoted;
        match self {
            EmbedProblem::UnknownSection { word } => write!(
                f,
                "hide: unknown section \"{}\"; use any of {}",
                quoted(word),
                EmbedProblem::section_words()
            ),
            EmbedProblem::NotAPreset => f.write_str(
                "scenario: expected scenario JSON ({ \"organisers\": … }) or a share link \
                 (…#v3&…)",
            ),
            EmbedProblem::Scenario(e) => e.fmt(f),
            EmbedProblem::Link(e) => write!(
                f,
                "scenario: the share link could not be read ({e}); copy it again"
            ),
            EmbedProblem::TooManyRows { rows, limit } => write!(
                f,
                "scenario: {rows} participant groups; the widget takes at most {limit} (price \
                 larger scenarios with the JS API's quote() or `ppm quote`)"
            ),
            EmbedProblem::Card(e) => write!(f, "card: {e}"),
            EmbedProblem::CardSrc { src, cause } => write!(
                f,
                "card-src: the rate card \"{}\" could not be used ({cause}); showing the \
                 built-in card",
                quoted(src)
            ),
        }
    }
}

/// The problems as the English sentences of `ppm-error` and the thrown `Error`: each ends
/// with a full stop.
pub fn sentences(problems: &[EmbedProblem]) -> String {
    problems
        .iter()
        .map(|p| {
            let text = p.to_string();
            if text.ends_with('.') {
                text
            } else {
                text + "."
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
