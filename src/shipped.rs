//! The rate cards shipped in `rates/`, compiled in as data (see `build.rs`), so a page shows a
//! quote without loading or parsing anything.

use crate::rating::card::{
    AddonDocument, AddonsDocument, BillingDocument, CardDocument, CountryDocument, CreditsDocument,
    DateText, DecimalText, LicenceDocument,
};
use crate::rating::{CardError, RateCard};

/// One country row as generated: code, zone, toll, toll-free, dial-out, credits available.
type CountryRow = (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
    Option<bool>,
);

fn countries(rows: &[CountryRow]) -> Vec<CountryDocument> {
    let rate = |v: Option<&str>| v.map(|t| DecimalText(t.to_string()));
    rows.iter()
        .map(
            |&(code, zone, toll, toll_free, dial_out, credits)| CountryDocument {
                code: code.to_string(),
                zone: zone.map(str::to_string),
                toll_dial_in: rate(toll),
                toll_free_dial_in: rate(toll_free),
                dial_out: rate(dial_out),
                credits_available: credits,
            },
        )
        .collect()
}

include!(concat!(env!("OUT_DIR"), "/shipped_cards.rs"));

/// The id of the card a page uses when it is given none.
pub const DEFAULT_CARD_ID: &str = "illustrative-usd";

/// Every shipped card, validated.
pub fn shipped_cards() -> Result<Vec<RateCard>, CardError> {
    shipped_documents()
        .into_iter()
        .map(RateCard::from_document)
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn compiled_in_cards_equal_the_files() {
        let cards = shipped_cards().unwrap();
        assert!(cards.len() >= 2);
        for card in cards {
            let path = format!("{}/rates/{}.toml", env!("CARGO_MANIFEST_DIR"), card.id());
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(
                RateCard::from_toml_str(&text, None).unwrap(),
                card,
                "{path}"
            );
        }
        assert!(shipped_documents().iter().any(|d| d.id == DEFAULT_CARD_ID));
    }
}
