//! ISO 3166-1 alpha-2 country codes, checked against the standard's list: the one country type
//! of cards, scenarios, problems and quotes (a leaf: it depends on nothing but the list).

use std::fmt;

/// An ISO 3166-1 alpha-2 country code, checked against the standard's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// Parses an upper-case ISO 3166-1 alpha-2 code; `None` for anything else.
    pub fn parse(code: &str) -> Option<CountryCode> {
        if !super::iso::is_country_code(code) {
            return None;
        }
        let b = code.as_bytes();
        Some(CountryCode([b[0], b[1]]))
    }

    /// A dense index 0..676 (26 × 26 letter pairs), for O(1) lookups.
    pub(crate) fn slot(self) -> usize {
        usize::from(self.0[0].wrapping_sub(b'A')) * 26 + usize::from(self.0[1].wrapping_sub(b'A'))
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        // Only ever built from an ASCII code of the ISO list.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl serde::Serialize for CountryCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
