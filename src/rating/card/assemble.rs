//! A checked [`CardDocument`] made into a [`RateCard`]: the one place a card's values are
//! taken from its written form. [`RateCard::from_document`] checks first (`validate.rs`);
//! the shipped cards, checked by the tests of every build (`shipped.rs`), are assembled in the
//! browser without the checks, whose code then stays out of the page's first load.

use rust_decimal::Decimal;

use super::document::{CardDocument, DecimalText};
use super::{
    Addon, Billing, CardDate, CountryCode, CountryRates, CountryTable, Licence, PoolBasis, RateCard,
};
use crate::rating::money::{MoneyRule, Rate, Rounding};

impl RateCard {
    /// The card `doc` describes, which must have passed the checks of
    /// [`RateCard::from_document`] (a value that would have failed them is read as zero or
    /// the first choice, never as an error).
    pub(crate) fn assemble(doc: CardDocument) -> RateCard {
        let b = &doc.billing;
        let decimals = u32::try_from(b.decimals).unwrap_or_default();
        let rounding = Rounding::from_word(&b.rounding).unwrap_or(Rounding::HalfUp);
        let money = MoneyRule::new(decimals, rounding);
        let l = &doc.licence;
        let countries = doc
            .countries
            .iter()
            .filter_map(|c| {
                let code = CountryCode::parse(&c.code)?;
                Some((
                    code,
                    CountryRates {
                        zone: c.zone.clone(),
                        toll_dial_in: c.toll_dial_in.as_ref().map(rate),
                        toll_free_dial_in: c.toll_free_dial_in.as_ref().map(rate),
                        dial_out: c.dial_out.as_ref().map(rate),
                        credits_available: c.credits_available.unwrap_or(true),
                        audio_conferencing_available: c
                            .audio_conferencing_available
                            .unwrap_or(true),
                    },
                ))
            })
            .collect();
        let us_canada_addon = doc.addons.us_canada_dial_out.as_ref().map(|a| {
            let mut countries: Vec<CountryCode> = a
                .countries
                .iter()
                .filter_map(|c| CountryCode::parse(c))
                .collect();
            countries.sort();
            Addon {
                price_per_organiser_month: rate(&a.price_per_organiser_month),
                countries,
            }
        });
        let kept = |text: &Option<String>| text.clone().filter(|t| !t.trim().is_empty());
        RateCard {
            effective_from: date(&doc.effective_from.0),
            translations: doc
                .translations
                .0
                .iter()
                .map(|(lang, t)| (lang.clone(), kept(&t.name), kept(&t.tax_note)))
                .collect(),
            billing: Billing {
                increment_seconds: seconds(b.increment_seconds),
                minimum_seconds: seconds(b.minimum_seconds),
                money,
                connection_fee: b
                    .connection_fee
                    .as_ref()
                    .map_or(Rate::new(Decimal::ZERO), rate),
            },
            licence: Licence {
                price_per_user_month: rate(&l.price_per_user_month),
                pool_minutes_per_licence: u32::try_from(l.pool_minutes_per_licence)
                    .unwrap_or_default(),
                pool_basis: if l.pool_basis == "purchased" {
                    PoolBasis::Purchased
                } else {
                    PoolBasis::Assigned
                },
                pool_zone: l.pool_zone.clone(),
            },
            credits_minimum_purchase: money.round(rate(&doc.credits.minimum_purchase).value()),
            us_canada_addon,
            countries: CountryTable::new(countries),
            tax_note: kept(&doc.tax_note),
            id: doc.id,
            name: doc.name,
            currency: doc.currency,
            illustrative: doc.illustrative,
            source: doc.source,
        }
    }
}

/// A rate or price as written (checked: a non-negative decimal).
fn rate(text: &DecimalText) -> Rate {
    Rate::new(Decimal::from_str_exact(&text.0).unwrap_or_default())
}

/// Seconds as written (checked: 1 to 3,600).
fn seconds(value: i64) -> u32 {
    u32::try_from(value).unwrap_or_default()
}

/// `YYYY-MM-DD` (checked: a real date).
pub(super) fn date(text: &str) -> CardDate {
    let part = |i: usize| text.get(i..).unwrap_or_default();
    CardDate {
        year: part(0).get(..4).and_then(|t| t.parse().ok()).unwrap_or(0),
        month: part(5).get(..2).and_then(|t| t.parse().ok()).unwrap_or(0),
        day: part(8).get(..2).and_then(|t| t.parse().ok()).unwrap_or(0),
    }
}
