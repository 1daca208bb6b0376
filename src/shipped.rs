//! The rate cards shipped in `rates/`, compiled in as data (see `build.rs`), so a page shows a
//! quote without loading or parsing anything.

use crate::rating::card::{
    AddonDocument, AddonsDocument, BillingDocument, CardDocument, CountryDocument, CreditsDocument,
    DateText, DecimalText, LicenceDocument, TranslationDocument, Translations,
};
use crate::rating::{CardError, RateCard};

/// The countries of a shipped card from their compact text (written by `build.rs`): rows
/// `code,zone,toll,toll_free,dial_out,credits,audio_conferencing` separated by `;`; an empty field
/// is absent and the two availabilities are `1`/`0`. (Far smaller in the WASM than one struct literal per country.)
fn countries(text: &str) -> Vec<CountryDocument> {
    let flag = |v: Option<&str>| match v {
        Some("1") => Some(true),
        Some("0") => Some(false),
        _ => None,
    };
    let opt = |v: Option<&str>| v.filter(|t| !t.is_empty()).map(str::to_string);
    text.split(';')
        .filter(|row| !row.is_empty())
        .map(|row| {
            let mut f = row.split(',');
            CountryDocument {
                code: f.next().unwrap_or_default().to_string(),
                zone: opt(f.next()),
                toll_dial_in: opt(f.next()).map(DecimalText),
                toll_free_dial_in: opt(f.next()).map(DecimalText),
                dial_out: opt(f.next()).map(DecimalText),
                credits_available: flag(f.next()),
                audio_conferencing_available: flag(f.next()),
            }
        })
        .collect()
}

include!(concat!(env!("OUT_DIR"), "/shipped_cards.rs"));

/// The id of the card a page uses when it is given none.
pub const DEFAULT_CARD_ID: &str = "illustrative-usd";

/// The shipped card a first visit from `region` (an ISO 3166-1 code, `DE`) starts with:
/// `rates/regions.csv`, else [`DEFAULT_CARD_ID`].
pub fn card_for_region(region: &str) -> &'static str {
    REGION_CARDS
        .binary_search_by(|(r, _)| (*r).cmp(region))
        .map(|i| REGION_CARDS[i].1)
        .unwrap_or(DEFAULT_CARD_ID)
}

/// Every shipped card, validated. In WebAssembly they are assembled without running the
/// checks again: every build's tests check them (`every_compiled_in_card_passes_the_checks`,
/// `tests/shipped_cards.rs`), and the checks' code stays out of the page's first load.
pub fn shipped_cards() -> Result<Vec<RateCard>, CardError> {
    let documents = shipped_documents().into_iter();
    if cfg!(target_arch = "wasm32") {
        Ok(documents.map(RateCard::assemble).collect())
    } else {
        documents.map(RateCard::from_document).collect()
    }
}

#[cfg(test)]
mod checked {
    use super::*;

    #[test]
    fn every_compiled_in_card_passes_the_checks() {
        // What the browser assembles unchecked is what the checks accept.
        let documents = shipped_documents();
        assert!(documents.len() >= 2);
        for doc in documents {
            let id = doc.id.clone();
            let checked =
                RateCard::from_document(doc.clone()).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(RateCard::assemble(doc), checked, "{id}");
        }
    }
}

/// The compiled-in cards against their TOML files (read with the `card-text` reader).
#[cfg(all(test, feature = "card-text"))]
mod tests {
    use super::*;

    #[test]
    fn regions_start_with_a_shipped_card_in_their_currency() {
        // Germany and France pay in euros: the EUR card; the US and Switzerland are not listed.
        assert_eq!(card_for_region("DE"), "illustrative-eur");
        assert_eq!(card_for_region("FR"), "illustrative-eur");
        assert_eq!(card_for_region("US"), DEFAULT_CARD_ID);
        assert_eq!(card_for_region("CH"), DEFAULT_CARD_ID);
        let cards = shipped_cards().unwrap();
        for (region, card) in REGION_CARDS {
            assert!(cards.iter().any(|c| c.id() == *card), "{region}: {card}");
            assert!(
                crate::rating::CountryCode::parse(region).is_some(),
                "{region}"
            );
        }
        let mut regions: Vec<&str> = REGION_CARDS.iter().map(|(r, _)| *r).collect();
        regions.dedup();
        assert_eq!(regions.len(), REGION_CARDS.len(), "a region listed twice");
    }

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
