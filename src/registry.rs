//! The rate cards a page can price with: the shipped cards plus partner cards registered at run
//! time. Shared by the JS API and the widget; plain Rust, so it is tested natively.

use std::cell::RefCell;
use std::fmt;

use crate::rating::{CardDocument, CardError, RateCard};
use crate::shipped::{shipped_cards, DEFAULT_CARD_ID};

/// Why the registry could not answer: kinds with their values, said in English by `Display`
/// and in the page's language by the widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegistryError {
    /// No card has this id.
    UnknownCard {
        /// The id asked for.
        id: String,
        /// The ids there are.
        known: Vec<String>,
    },
    /// A partner card may not take a built-in card's id.
    BuiltInId {
        /// The id.
        id: String,
    },
    /// Another card was loaded with this id before: on a page each id names one card, so that
    /// a quote, a share link or an export made with it prices the same all along.
    IdTaken {
        /// The id.
        id: String,
        /// The name of the card that has it.
        name: String,
    },
    /// The card is not valid.
    BadCard(CardError),
    /// The registry is in use by a call further up (a card callback calling back in).
    Busy,
}

impl fmt::Display for RegistryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RegistryError::UnknownCard { id, known } => write!(
                f,
                "unknown rate card \"{}\"; available cards: {}",
                crate::rating::problem::quoted(id),
                known.join(", ")
            ),
            RegistryError::BuiltInId { id } => write!(
                f,
                "rate card id \"{id}\" belongs to a built-in card; give your card another id"
            ),
            RegistryError::IdTaken { id, name } => write!(
                f,
                "rate card id \"{}\" is already taken by another card loaded on this page (\"{}\"); \
                 give each card its own id",
                crate::rating::problem::quoted(id),
                crate::rating::problem::quoted(name)
            ),
            RegistryError::BadCard(e) => e.fmt(f),
            RegistryError::Busy => f.write_str("the rate cards are busy; try again"),
        }
    }
}

impl std::error::Error for RegistryError {}

impl From<CardError> for RegistryError {
    fn from(e: CardError) -> Self {
        RegistryError::BadCard(e)
    }
}

/// Cards by id, shipped cards first.
#[derive(Debug, Clone)]
pub struct CardRegistry {
    cards: Vec<RateCard>,
    shipped: usize,
}

/// A card's id, name and status, for pickers and `rateCards()`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "RateCardInfo"))]
pub struct CardInfo {
    /// Card id.
    pub id: String,
    /// Card name.
    pub name: String,
    /// ISO 4217 currency.
    pub currency: String,
    /// Prices as of (`YYYY-MM-DD`).
    pub effective_from: String,
    /// Whether the rates are illustrative.
    pub illustrative: bool,
    /// Whether the card was shipped with the widget (false: registered at run time).
    pub built_in: bool,
}

impl CardRegistry {
    /// The shipped cards.
    pub fn new() -> Result<CardRegistry, CardError> {
        let cards = shipped_cards()?;
        Ok(CardRegistry {
            shipped: cards.len(),
            cards,
        })
    }

    /// A card by id; `None` picks the default card.
    pub fn get(&self, id: Option<&str>) -> Result<&RateCard, RegistryError> {
        let id = id.unwrap_or(DEFAULT_CARD_ID);
        self.cards
            .iter()
            .find(|c| c.id() == id)
            .ok_or_else(|| RegistryError::UnknownCard {
                id: id.to_string(),
                known: self.cards.iter().map(|c| c.id().to_string()).collect(),
            })
    }

    /// The cards, shipped first.
    pub fn list(&self) -> Vec<CardInfo> {
        self.cards
            .iter()
            .enumerate()
            .map(|(i, c)| CardInfo {
                id: c.id().to_string(),
                name: c.name().to_string(),
                currency: c.currency().to_string(),
                effective_from: c.effective_from().to_string(),
                illustrative: c.illustrative(),
                built_in: i < self.shipped,
            })
            .collect()
    }

    /// Validates and registers a partner's card. The same card again is accepted (and changes
    /// nothing); another card with the id of an earlier one is refused, as is the id of a
    /// shipped card.
    pub fn register(&mut self, doc: CardDocument) -> Result<CardInfo, RegistryError> {
        let card = RateCard::from_document(doc)?;
        let at = match self.place(&card)? {
            Some(i) => i,
            None => {
                self.cards.push(card);
                self.cards.len() - 1
            }
        };
        let c = &self.cards[at];
        Ok(CardInfo {
            id: c.id().to_string(),
            name: c.name().to_string(),
            currency: c.currency().to_string(),
            effective_from: c.effective_from().to_string(),
            illustrative: c.illustrative(),
            built_in: false,
        })
    }
}

impl CardRegistry {
    /// Whether [`CardRegistry::register`] would take `card` (a valid card), without taking it.
    pub fn check(&self, card: &RateCard) -> Result<(), RegistryError> {
        self.place(card).map(|_| ())
    }

    /// Where `card` is already (the same card loaded before), or none; an error when its id
    /// belongs to a shipped card or another loaded card.
    fn place(&self, card: &RateCard) -> Result<Option<usize>, RegistryError> {
        let id = card.id().to_string();
        match self.cards.iter().position(|c| c.id() == id) {
            Some(i) if i < self.shipped => Err(RegistryError::BuiltInId { id }),
            Some(i) if self.cards[i] == *card => Ok(Some(i)),
            Some(i) => Err(RegistryError::IdTaken {
                id,
                name: self.cards[i].name().to_string(),
            }),
            None => Ok(None),
        }
    }
}

thread_local! {
    static REGISTRY: RefCell<Option<CardRegistry>> = const { RefCell::new(None) };
}

/// Runs `f` with this thread's card registry (the page's), creating it on first use. `f`'s
/// error type takes the registry's own errors (busy, a shipped card that does not load).
pub fn with_registry<T, E: From<RegistryError>>(
    f: impl FnOnce(&mut CardRegistry) -> Result<T, E>,
) -> Result<T, E> {
    REGISTRY.with(|cell| {
        let mut slot = cell.try_borrow_mut().map_err(|_| RegistryError::Busy)?;
        let registry = match slot.as_mut() {
            Some(registry) => registry,
            None => slot.insert(CardRegistry::new().map_err(RegistryError::BadCard)?),
        };
        f(registry)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_card_again_is_accepted_another_card_with_its_id_is_refused() {
        // partner-a, then partner-b, then partner-a again as it was: accepted, nothing changes;
        // then another card with the id partner-a ("A v2"): refused, saying which card has it.
        let mut r = CardRegistry::new().unwrap();
        let base = r.get(None).unwrap().to_document();
        let named = |id: &str, name: &str| {
            let mut d = base.clone();
            d.id = id.into();
            d.name = name.into();
            d
        };
        assert_eq!(r.register(named("partner-a", "A")).unwrap().id, "partner-a");
        assert_eq!(r.register(named("partner-b", "B")).unwrap().id, "partner-b");
        let again = r.register(named("partner-a", "A")).unwrap();
        assert_eq!((again.id.as_str(), again.name.as_str()), ("partner-a", "A"));
        assert_eq!(r.list().len(), 4);
        let other = r.register(named("partner-a", "A v2")).unwrap_err();
        assert_eq!(
            other,
            RegistryError::IdTaken {
                id: "partner-a".into(),
                name: "A".into()
            }
        );
        assert_eq!(
            other.to_string(),
            "rate card id \"partner-a\" is already taken by another card loaded on this page (\"A\"); \
             give each card its own id"
        );
        assert_eq!(r.get(Some("partner-a")).unwrap().name(), "A");
        assert_eq!(r.get(Some("partner-b")).unwrap().name(), "B");
    }

    #[test]
    fn default_get_register() {
        let mut r = CardRegistry::new().unwrap();
        assert_eq!(r.get(None).unwrap().id(), DEFAULT_CARD_ID);
        let unknown = r.get(Some("nope")).unwrap_err();
        assert_eq!(
            unknown,
            RegistryError::UnknownCard {
                id: "nope".into(),
                known: vec!["illustrative-eur".into(), "illustrative-usd".into()]
            }
        );
        assert!(unknown
            .to_string()
            .contains("available cards: illustrative-eur"));
        let mut doc = r.get(None).unwrap().to_document();
        let built_in = r.register(doc.clone()).unwrap_err();
        assert_eq!(
            built_in,
            RegistryError::BuiltInId {
                id: DEFAULT_CARD_ID.into()
            }
        );
        assert!(built_in.to_string().contains("belongs to a built-in card"));
        doc.id = "partner".into();
        doc.name = "Partner".into();
        let info = r.register(doc.clone()).unwrap();
        assert_eq!(info.id, "partner");
        assert!(!info.built_in);
        doc.name = "Partner v2".into();
        assert!(r.register(doc).is_err());
        assert_eq!(r.get(Some("partner")).unwrap().name(), "Partner");
        assert_eq!(r.list().len(), 3);
    }
}
