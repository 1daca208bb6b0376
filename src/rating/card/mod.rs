//! Validated rate cards: the typed form of `rates/*.toml`, built once by
//! [`RateCard::from_document`] and trusted by the rest of the core.

mod assemble;
mod document;
mod problem;
#[cfg(feature = "card-text")]
mod toml_file;
mod validate;

use std::fmt;

pub use document::{
    AddonDocument, AddonsDocument, BillingDocument, CardDocument, CountryDocument, CreditsDocument,
    DateText, DecimalText, LicenceDocument, TranslationDocument, Translations,
};
pub use problem::{CardProblem, MAX_POOL_MINUTES};
#[cfg(feature = "card-text")]
pub use toml_file::card_to_toml;

use super::call::Call;
pub use super::country::CountryCode;
use super::money::{Money, MoneyRule, Rate};

/// A calendar date (the card's `effective_from`), checked to exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CardDate {
    year: u16,
    month: u8,
    day: u8,
}

impl fmt::Display for CardDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Which licences size the Zone A dial-out pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PoolBasis {
    /// Licences assigned to users, i.e. the scenario's organisers (Microsoft's 2019 wording).
    Assigned,
    /// Licences purchased (Microsoft's later wording).
    Purchased,
}

impl PoolBasis {
    /// The rate-card word.
    pub fn as_word(self) -> &'static str {
        match self {
            PoolBasis::Assigned => "assigned",
            PoolBasis::Purchased => "purchased",
        }
    }
}

/// `[billing]`: how a leg's time and a line's money are rounded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Billing {
    /// Per-leg time increment in seconds, 1..=3600.
    pub increment_seconds: u32,
    /// Minimum billable seconds of a leg that lasts more than 0 s, 1..=3600.
    pub minimum_seconds: u32,
    /// Decimals and rounding of money lines.
    pub money: MoneyRule,
    /// Fee per billed leg.
    pub connection_fee: Rate,
}

/// `[licence]`: the per-user Audio Conferencing licence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Licence {
    /// Price per licence per month.
    pub price_per_user_month: Rate,
    /// Pool-zone dial-out minutes each licence adds to the tenant's monthly pool.
    pub pool_minutes_per_licence: u32,
    /// Whether assigned or purchased licences size the pool.
    pub pool_basis: PoolBasis,
    /// The zone the pool covers.
    pub pool_zone: String,
}

/// The US/Canada unlimited dial-out add-on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addon {
    /// Price per organiser per month.
    pub price_per_organiser_month: Rate,
    /// Destinations with unlimited dial-out, sorted, each once.
    pub countries: Vec<CountryCode>,
}

/// One country's rates. An absent rate means the card offers no such call there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryRates {
    /// Zone, e.g. `"A"`.
    pub zone: Option<String>,
    /// Toll dial-in per minute.
    pub toll_dial_in: Option<Rate>,
    /// Toll-free dial-in per minute.
    pub toll_free_dial_in: Option<Rate>,
    /// Dial-out to this destination per minute.
    pub dial_out: Option<Rate>,
    /// Whether an organisation located there can buy Communications Credits.
    pub credits_available: bool,
    /// Whether Audio Conferencing is sold to organisations located there.
    pub audio_conferencing_available: bool,
}

impl CountryRates {
    /// The per-minute rate for a call type; `None` when the card has none (and always for app).
    pub fn rate(&self, call: Call) -> Option<Rate> {
        match call {
            Call::TollDialIn => self.toll_dial_in,
            Call::TollFreeDialIn => self.toll_free_dial_in,
            Call::DialOut => self.dial_out,
            Call::App => None,
        }
    }
}

/// A card's countries: sorted by code, with a direct index for O(1) lookups (the rating looks
/// up a country for every leg).
#[derive(Debug, Clone, PartialEq, Eq)]
struct CountryTable {
    rows: Vec<(CountryCode, CountryRates)>,
    /// `index[code.slot()]` is the row number + 1, or 0 when the card does not list the code.
    index: Vec<u16>,
}

impl CountryTable {
    /// A table of rows whose codes are unique (validation checks that first).
    fn new(mut rows: Vec<(CountryCode, CountryRates)>) -> CountryTable {
        rows.sort_by_key(|(code, _)| *code);
        let mut index = vec![0u16; 26 * 26];
        for (i, (code, _)) in rows.iter().enumerate() {
            if let Some(slot) = index.get_mut(code.slot()) {
                // At most 249 ISO codes, so the row number always fits.
                *slot = u16::try_from(i + 1).unwrap_or(0);
            }
        }
        CountryTable { rows, index }
    }

    fn get(&self, code: CountryCode) -> Option<&CountryRates> {
        let row = usize::from(*self.index.get(code.slot())?);
        self.rows.get(row.checked_sub(1)?).map(|(_, r)| r)
    }
}

/// A validated rate card. Fields are private: the only way to get one is through validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateCard {
    id: String,
    name: String,
    currency: String,
    effective_from: CardDate,
    illustrative: bool,
    source: String,
    tax_note: Option<String>,
    /// (language, name, tax note) in other languages.
    translations: Vec<(String, Option<String>, Option<String>)>,
    billing: Billing,
    licence: Licence,
    credits_minimum_purchase: Money,
    us_canada_addon: Option<Addon>,
    countries: CountryTable,
}

impl RateCard {
    /// The card id (`[a-z0-9-]+`).
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The card name shown to people.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The ISO 4217 currency.
    pub fn currency(&self) -> &str {
        &self.currency
    }
    /// The first day the prices apply.
    pub fn effective_from(&self) -> CardDate {
        self.effective_from
    }
    /// Whether the rates are illustrative, not official.
    pub fn illustrative(&self) -> bool {
        self.illustrative
    }
    /// Where the numbers come from.
    pub fn source(&self) -> &str {
        &self.source
    }
    /// The tax note, if any.
    pub fn tax_note(&self) -> Option<&str> {
        self.tax_note.as_deref()
    }
    /// The card's name in `lang` (an ISO 639-1 code), or its name when it has no translation.
    pub fn name_in(&self, lang: &str) -> &str {
        self.translation(lang)
            .and_then(|(_, name, _)| name.as_deref())
            .unwrap_or(&self.name)
    }
    /// The tax note in `lang`, or the tax note when it has no translation.
    pub fn tax_note_in(&self, lang: &str) -> Option<&str> {
        self.translation(lang)
            .and_then(|(_, _, note)| note.as_deref())
            .or(self.tax_note.as_deref())
    }
    fn translation(&self, lang: &str) -> Option<&(String, Option<String>, Option<String>)> {
        self.translations.iter().find(|(l, _, _)| l == lang)
    }
    /// Billing rules.
    pub fn billing(&self) -> &Billing {
        &self.billing
    }
    /// The money rule (decimals and rounding) of this card.
    pub fn money(&self) -> MoneyRule {
        self.billing.money
    }
    /// The per-user licence.
    pub fn licence(&self) -> &Licence {
        &self.licence
    }
    /// The smallest Communications Credits purchase.
    pub fn credits_minimum_purchase(&self) -> Money {
        self.credits_minimum_purchase
    }
    /// The US/Canada add-on, if the card offers it.
    pub fn us_canada_addon(&self) -> Option<&Addon> {
        self.us_canada_addon.as_ref()
    }
    /// The rates of one country, if the card lists it.
    pub fn country(&self, code: CountryCode) -> Option<&CountryRates> {
        self.countries.get(code)
    }
    /// All countries of the card, sorted by code.
    pub fn countries(&self) -> impl Iterator<Item = (CountryCode, &CountryRates)> {
        self.countries.rows.iter().map(|(c, r)| (*c, r))
    }
    /// Whether a destination lies in the licence's pool zone.
    pub fn in_pool_zone(&self, code: CountryCode) -> bool {
        self.countries
            .get(code)
            .and_then(|r| r.zone.as_deref())
            .is_some_and(|z| z == self.licence.pool_zone)
    }

    /// The card in its written form (the same schema it was read from), e.g. for `ppm convert`.
    pub fn to_document(&self) -> CardDocument {
        let text = |r: Rate| DecimalText(r.to_string());
        CardDocument {
            id: self.id.clone(),
            name: self.name.clone(),
            currency: self.currency.clone(),
            effective_from: DateText(self.effective_from.to_string()),
            illustrative: self.illustrative,
            source: self.source.clone(),
            tax_note: self.tax_note.clone(),
            billing: BillingDocument {
                increment_seconds: i64::from(self.billing.increment_seconds),
                minimum_seconds: i64::from(self.billing.minimum_seconds),
                rounding: self.billing.money.rounding().as_word().to_string(),
                decimals: i64::from(self.billing.money.decimals()),
                connection_fee: Some(text(self.billing.connection_fee)),
            },
            licence: LicenceDocument {
                price_per_user_month: text(self.licence.price_per_user_month),
                pool_minutes_per_licence: i64::from(self.licence.pool_minutes_per_licence),
                pool_basis: self.licence.pool_basis.as_word().to_string(),
                pool_zone: self.licence.pool_zone.clone(),
            },
            credits: CreditsDocument {
                minimum_purchase: DecimalText(self.credits_minimum_purchase.to_string()),
            },
            addons: AddonsDocument {
                us_canada_dial_out: self.us_canada_addon.as_ref().map(|a| AddonDocument {
                    price_per_organiser_month: text(a.price_per_organiser_month),
                    countries: a.countries.iter().map(|c| c.to_string()).collect(),
                }),
            },
            translations: Translations(
                self.translations
                    .iter()
                    .map(|(lang, name, tax_note)| {
                        let texts = TranslationDocument {
                            name: name.clone(),
                            tax_note: tax_note.clone(),
                        };
                        (lang.clone(), texts)
                    })
                    .collect(),
            ),
            countries: self
                .countries
                .rows
                .iter()
                .map(|(code, r)| CountryDocument {
                    code: code.to_string(),
                    zone: r.zone.clone(),
                    toll_dial_in: r.toll_dial_in.map(text),
                    toll_free_dial_in: r.toll_free_dial_in.map(text),
                    dial_out: r.dial_out.map(text),
                    credits_available: if r.credits_available {
                        None
                    } else {
                        Some(false)
                    },
                    audio_conferencing_available: if r.audio_conferencing_available {
                        None
                    } else {
                        Some(false)
                    },
                })
                .collect(),
        }
    }
}
