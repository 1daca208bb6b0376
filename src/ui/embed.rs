//! What a partner's page can set on an embedded widget (`<ppm-pricing>`), and what can be wrong
//! with it ([`EmbedProblem`]: the widget says each kind in its own language, `i18n::partner`;
//! the `ppm-error` event and the thrown `Error` in English): plain Rust, tested
//! natively. The element's attributes arrive here as text and leave as checked values or as a
//! problem kind ([`EmbedProblem`]).

use std::fmt;
use std::rc::Rc;

use crate::api_error::ApiError;
use crate::form::link::LinkError;
use crate::registry::RegistryError;

/// A part of the widget a partner can hide with the `hide` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Title, introduction and the language switch.
    Header,
    /// The whole input form (the scenario then comes from `scenario`).
    Inputs,
    /// The chart and its data table.
    Chart,
    /// The line-item tables.
    Lines,
    /// The warnings list.
    Warnings,
    /// The Zone A pool sentence.
    Pool,
    /// The buttons under the results (CSV export).
    Actions,
}

impl Section {
    /// Every section, in the order of the documentation.
    pub const ALL: [Section; 7] = [
        Section::Header,
        Section::Inputs,
        Section::Chart,
        Section::Lines,
        Section::Warnings,
        Section::Pool,
        Section::Actions,
    ];

    /// The word used in the `hide` attribute.
    pub fn word(self) -> &'static str {
        match self {
            Section::Header => "header",
            Section::Inputs => "inputs",
            Section::Chart => "chart",
            Section::Lines => "lines",
            Section::Warnings => "warnings",
            Section::Pool => "pool",
            Section::Actions => "actions",
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// The set of hidden sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Hidden(u8);

impl Hidden {
    /// Reads a `hide` attribute: section words separated by spaces or commas, in any case.
    /// An unknown word is an error naming it and the words that exist.
    pub fn parse(text: &str) -> Result<Hidden, EmbedProblem> {
        let mut set = Hidden::default();
        for word in text
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|w| !w.is_empty())
        {
            let section = Section::ALL
                .into_iter()
                .find(|s| s.word().eq_ignore_ascii_case(word))
                .ok_or_else(|| EmbedProblem::UnknownSection {
                    word: word.to_string(),
                })?;
            set.0 |= section.bit();
        }
        Ok(set)
    }

    /// The set with one more section.
    pub fn with(self, section: Section) -> Hidden {
        Hidden(self.0 | section.bit())
    }

    /// Whether a section is hidden.
    pub fn hides(self, section: Section) -> bool {
        self.0 & section.bit() != 0
    }
}

/// How a `scenario` attribute is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresetText<'a> {
    /// Scenario JSON (`{ "organisers": … }`).
    Json(&'a str),
    /// A share link, or just its fragment (`#v3&…` / `v3&…`; versions 1 and 2 too).
    Link(&'a str),
}

/// Tells scenario JSON from a share link; anything else is an error saying what is expected.
pub fn preset_text(text: &str) -> Result<PresetText<'_>, EmbedProblem> {
    let t = text.trim();
    if t.starts_with('{') {
        return Ok(PresetText::Json(t));
    }
    let fragment = match t.split_once('#') {
        Some((_, f)) => f,
        None => t,
    };
    if ["v1&", "v2&", "v3&"]
        .iter()
        .any(|v| fragment.starts_with(v))
    {
        Ok(PresetText::Link(fragment))
    } else {
        Err(EmbedProblem::NotAPreset)
    }
}

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

/// Texts as sentences, each ending with a full stop, joined by spaces.
pub fn join_sentences(texts: impl IntoIterator<Item = String>) -> String {
    texts
        .into_iter()
        .map(|text| {
            if text.ends_with('.') {
                text
            } else {
                text + "."
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The problems as the English sentences of `ppm-error` and the thrown `Error`.
pub fn sentences(problems: &[EmbedProblem]) -> String {
    join_sentences(problems.iter().map(ToString::to_string))
}

/// A configuration's problems, as the widget's props hold them. Two are equal when they say
/// the same (their English sentences): a derived comparison would compile one for every error
/// kind into the element's bundle (≈ 2.7 KB) to spare a rare re-render.
#[derive(Debug, Clone)]
pub struct Problems(pub Rc<[EmbedProblem]>);

impl Default for Problems {
    fn default() -> Self {
        Problems(Rc::from([]))
    }
}

impl std::ops::Deref for Problems {
    type Target = [EmbedProblem];
    fn deref(&self) -> &[EmbedProblem] {
        &self.0
    }
}

impl PartialEq for Problems {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || sentences(self) == sentences(other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hide_words() {
        let h = Hidden::parse(" Chart, lines  warnings").unwrap();
        assert!(h.hides(Section::Chart) && h.hides(Section::Lines) && h.hides(Section::Warnings));
        assert!(!h.hides(Section::Inputs) && !h.hides(Section::Header));
        assert_eq!(Hidden::parse("").unwrap(), Hidden::default());
        let e = Hidden::parse("chart graph").unwrap_err();
        assert_eq!(
            e,
            EmbedProblem::UnknownSection {
                word: "graph".into()
            }
        );
        assert_eq!(
            e.to_string(),
            "hide: unknown section \"graph\"; use any of header, inputs, chart, lines, \
             warnings, pool, actions"
        );
        assert!(Hidden::default().with(Section::Pool).hides(Section::Pool));
    }

    #[test]
    fn preset_kinds() {
        assert_eq!(
            preset_text(" {\"organisers\": 3}").unwrap(),
            PresetText::Json("{\"organisers\": 3}")
        );
        assert_eq!(
            preset_text("https://example.com/p#v2&o=3").unwrap(),
            PresetText::Link("v2&o=3")
        );
        assert_eq!(
            preset_text("https://example.com/p#v3&o=3").unwrap(),
            PresetText::Link("v3&o=3")
        );
        assert_eq!(preset_text("#v1&o=3").unwrap(), PresetText::Link("v1&o=3"));
        let e = preset_text("<img src=x onerror=alert(1)>").unwrap_err();
        assert_eq!(e, EmbedProblem::NotAPreset);
        assert!(e
            .to_string()
            .starts_with("scenario: expected scenario JSON"));
    }

    #[test]
    fn problems_are_equal_when_they_say_the_same() {
        let word = |w: &str| EmbedProblem::UnknownSection { word: w.into() };
        let make = |words: &[&str]| Problems(words.iter().map(|w| word(w)).collect());
        // Separately built, the same words: equal (no re-render for an unchanged attribute).
        assert_eq!(make(&["chrat"]), make(&["chrat"]));
        assert_eq!(Problems::default(), Problems::default());
        assert_ne!(make(&["chrat"]), make(&["lnes"]));
        assert_ne!(make(&["chrat"]), make(&["chrat", "lnes"]));
        assert_ne!(make(&["chrat"]), Problems::default());
    }
}
