//! What a partner's page can set on an embedded widget (`<ppm-pricing>`): plain Rust, tested
//! natively. The element's attributes arrive here as text and leave as checked values or as a
//! problem kind ([`EmbedProblem`]).

use super::embed_problem::EmbedProblem;

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
}
