//! Why a share link could not be read, as kinds ([`LinkError`]).

/// Why a link could not be read: a kind with its values. The page shows one translated
/// sentence for any of them (a link is copied, not typed); the CLI and the element's
/// `ppm-error` say which.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// A `%` escape that is not two hex digits, at this byte.
    BadEscape {
        /// The byte offset.
        at: usize,
    },
    /// Escapes that do not decode to UTF-8.
    NotUtf8,
    /// Longer than the link of any estimate.
    TooLong,
    /// Not `v1&`, `v2&` or `v3&`.
    UnknownVersion,
    /// A part without `=`.
    NoValue {
        /// The part.
        part: String,
    },
    /// A key the link format does not have.
    UnknownKey {
        /// The key.
        key: String,
    },
    /// No card, or more meeting profiles than a scenario may have.
    NoCardOrTooManyMeetings,
    /// More participant rows in all than the widget takes.
    TooManyRows {
        /// How many.
        rows: usize,
        /// The limit.
        limit: usize,
    },
    /// A meeting with the wrong number of fields.
    MeetingFields,
    /// A meeting with more participant groups than a scenario's meeting may have.
    TooManyGroups,
    /// A meeting with more country rows than a scenario's meeting may have.
    TooManyCountries,
    /// A frequency period letter the format does not have.
    UnknownPeriod {
        /// The letter.
        letter: String,
    },
    /// A mode word the format does not have.
    UnknownMode {
        /// The word.
        word: String,
    },
    /// A country row that does not read.
    BadCountryMix {
        /// The row.
        text: String,
    },
    /// A participant group that does not read.
    BadParticipants {
        /// The group.
        text: String,
    },
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::rating::problem::quoted;
        match self {
            LinkError::BadEscape { at } => write!(f, "bad escape at {at}"),
            LinkError::NotUtf8 => f.write_str("not UTF-8"),
            LinkError::TooLong => f.write_str("longer than any estimate"),
            LinkError::UnknownVersion => f.write_str("unknown version"),
            LinkError::NoValue { part } => write!(f, "no value in {}", quoted(part)),
            LinkError::UnknownKey { key } => write!(f, "unknown key {}", quoted(key)),
            LinkError::NoCardOrTooManyMeetings => f.write_str("no card or too many meetings"),
            LinkError::TooManyRows { rows, limit } => {
                write!(f, "{rows} participant rows; a link holds at most {limit}")
            }
            LinkError::MeetingFields => f.write_str("a meeting has the wrong number of fields"),
            LinkError::TooManyGroups => f.write_str("a meeting has too many participant groups"),
            LinkError::TooManyCountries => f.write_str("a meeting has too many countries"),
            LinkError::UnknownPeriod { letter } => write!(f, "unknown period {}", quoted(letter)),
            LinkError::UnknownMode { word } => write!(f, "unknown mode {}", quoted(word)),
            LinkError::BadCountryMix { text } => write!(f, "bad country mix {}", quoted(text)),
            LinkError::BadParticipants { text } => {
                write!(f, "bad participants {}", quoted(text))
            }
        }
    }
}

impl std::error::Error for LinkError {}
