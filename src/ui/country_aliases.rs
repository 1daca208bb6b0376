//! Names people type for countries that are not the official short names in any of the page's
//! languages ("UK", "USA", "Holland"). The country pickers try these after the card's names in
//! English, German and French and the ISO codes. Plain data: tested natively.

/// (what people type, lower case; ISO code).
const ALIASES: [(&str, &str); 30] = [
    ("uk", "GB"),
    ("u.k.", "GB"),
    ("england", "GB"),
    ("scotland", "GB"),
    ("wales", "GB"),
    ("britain", "GB"),
    ("great britain", "GB"),
    ("grossbritannien", "GB"),
    ("großbritannien", "GB"),
    ("england (uk)", "GB"),
    ("angleterre", "GB"),
    ("grande-bretagne", "GB"),
    ("usa", "US"),
    ("u.s.", "US"),
    ("u.s.a.", "US"),
    ("america", "US"),
    ("united states of america", "US"),
    ("amerika", "US"),
    ("vereinigte staaten von amerika", "US"),
    ("etats-unis", "US"),
    ("états-unis d’amérique", "US"),
    ("états-unis d'amérique", "US"),
    ("holland", "NL"),
    ("uae", "AE"),
    ("vae", "AE"),
    ("eau", "AE"),
    ("south korea", "KR"),
    ("korea", "KR"),
    ("czech republic", "CZ"),
    ("russia", "RU"),
];

/// The ISO code of a common name for a country, given in lower case.
pub fn alias(lower: &str) -> Option<&'static str> {
    ALIASES
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|(_, code)| *code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_names_find_their_country() {
        assert_eq!(alias("uk"), Some("GB"));
        assert_eq!(alias("usa"), Some("US"));
        assert_eq!(alias("holland"), Some("NL"));
        assert_eq!(alias("atlantis"), None);
        // Every alias names a real ISO code.
        for (name, code) in ALIASES {
            assert!(
                crate::rating::CountryCode::parse(code).is_some(),
                "{name} -> {code}"
            );
            assert_eq!(name.to_lowercase(), name, "aliases are lower case");
        }
    }
}
