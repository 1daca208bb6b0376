//! Why a usage-export file cannot be read, as kinds, on every target: the zip's problems and
//! a Graph JSON file's. [`ExportError`](super::ExportError) carries them whether or not this
//! build reads zips and JSON (the pricing page's bundle does not; its import module does).

use std::fmt;

/// Why a zip cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZipProblem {
    /// No end-of-central-directory record: not a zip, or cut short.
    NotAZip,
    /// A zip64 archive (over 4 GB or 65,535 entries).
    Zip64,
    /// A header that does not match the format.
    Damaged(&'static str),
    /// An entry compressed with a method other than stored or deflate, or encrypted.
    Unsupported(String),
    /// The inflated data do not match the stored checksum or size.
    Corrupt(String),
}

/// Why a JSON file is not Graph's call log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonProblem {
    /// The bytes are not UTF-8 text.
    NotUtf8,
    /// The text is not JSON (nor JSON Lines): the parser's words, which name the position.
    Syntax {
        /// The JSON Lines line, when the file's first lines did read.
        line: Option<usize>,
        /// The parser's message.
        message: String,
    },
    /// A page's `value` is not a list.
    ValueNotAList,
    /// JSON, but neither pages nor call rows.
    NotACallLog,
}

impl fmt::Display for JsonProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonProblem::NotUtf8 => f.write_str("the file is not UTF-8 text"),
            JsonProblem::Syntax {
                line: Some(n),
                message,
            } => write!(f, "line {n}: {message}"),
            JsonProblem::Syntax {
                line: None,
                message,
            } => f.write_str(message),
            JsonProblem::ValueNotAList => f.write_str("`value` is not a list of call rows"),
            JsonProblem::NotACallLog => {
                f.write_str("expected Graph's call log: pages with a `value` list, or call rows")
            }
        }
    }
}
