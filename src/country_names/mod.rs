//! English country names and common aliases, keyed by ISO 3166-1 alpha-2 code, and the lookup
//! that finds a code by name (the rate-sheet import, the PSTN usage import). Generated once
//! from Debian's `iso-codes` 4.15.0 (name, common and official names), `shared/countries.csv`
//! and a hand-written list of aliases that vendors use.

use crate::rating::CountryCode;

pub use table::COUNTRY_NAMES;

mod table;

/// Folds a country name for comparison: lower case, common Latin accents removed, and only
/// letters and digits kept ("Côte d'Ivoire" → "cotedivoire").
pub(crate) fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for ch in name.chars().flat_map(char::to_lowercase) {
        let base = match ch {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            c => c,
        };
        if base.is_ascii_alphanumeric() {
            out.push(base);
        }
    }
    out
}

/// Finds a country by ISO code (any case) or English name/alias (case, accents and
/// punctuation ignored).
pub fn find_country(text: &str) -> Option<CountryCode> {
    let t = text.trim();
    if t.len() == 2 {
        if let Some(c) = CountryCode::parse(&t.to_ascii_uppercase()) {
            return Some(c);
        }
    }
    let key = fold(t);
    if key.is_empty() {
        return None;
    }
    COUNTRY_NAMES
        .iter()
        .find(|(_, names)| names.iter().any(|n| fold(n) == key))
        .and_then(|(code, _)| CountryCode::parse(code))
}
