//! A card beside a real bill: the measured legs priced by a card (pay-per-minute, over the
//! export's period) next to what the tenant was charged for the same legs. Where they
//! disagree by more than per-call rounding can explain, sales staff must see it.
//!
//! Also: fitting an import to a card, since a card may not price every country or way of
//! joining that real calls used (those legs are left out and listed).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::report::Imported;
use crate::rating::quote::LineKind;
use crate::rating::scenario::Amount;
use crate::rating::CountryCode;
use crate::rating::{quote, Call, Error, RateCard, Scenario, ScenarioDocument};

/// Legs the card cannot price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotOnCard {
    /// Way of joining.
    pub call: Call,
    /// Country code.
    pub country: String,
    /// Calls in the period.
    pub legs: u64,
}

/// One way of joining in one country: the card's price and the bill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReconciledLine {
    /// Way of joining.
    pub call: Call,
    /// Country code.
    pub country: String,
    /// Calls in the period.
    pub legs: String,
    /// Billable minutes under the card's increments and minimums.
    pub billable_minutes: String,
    /// The card's pay-per-minute price of these legs (its currency, its rounding).
    pub card: String,
    /// What the tenant was billed in the card's currency (charges + connection fees), when
    /// the export has charges in that currency.
    pub billed: Option<String>,
    /// `billed − card`.
    pub difference: Option<String>,
    /// Whether the difference is more than per-call rounding explains (1 cent per call).
    pub disagrees: bool,
    /// Charges in other currencies, as `(currency, amount)`.
    pub other_currencies: Vec<(String, String)>,
}

/// The card beside the bill, for the whole period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reconciliation {
    /// The card's id.
    pub card: String,
    /// The card's currency.
    pub currency: String,
    /// By way of joining, then country.
    pub lines: Vec<ReconciledLine>,
    /// Legs the card cannot price (left out of the scenario).
    pub not_on_card: Vec<NotOnCard>,
    /// Calls the export says were billed under the Audio Conferencing licence (`MCOMEETADD`),
    /// not pay-per-minute: their toll dial-in cost nothing, so lines with them differ from a
    /// pay-per-minute price by design.
    pub under_licence: u64,
}

/// The capability code of the per-user Audio Conferencing licence.
const LICENCE_CAPABILITY: &str = "MCOMEETADD";

/// The import's scenario without the legs `card` cannot price (listed), and without an
/// organisation country the card does not have.
pub fn fit_to_card(imported: &Imported, card: &RateCard) -> (ScenarioDocument, Vec<NotOnCard>) {
    let mut doc = imported.scenario.clone();
    let mut dropped: Vec<NotOnCard> = Vec::new();
    let priced = |country: &str, call: &str| {
        let (Some(code), Some(call)) = (CountryCode::parse(country), Call::from_word(call)) else {
            return false;
        };
        card.country(code)
            .is_some_and(|c| call == Call::App || c.rate(call).is_some())
    };
    for meeting in &mut doc.meetings {
        meeting.legs.retain(|leg| {
            if priced(&leg.country, &leg.call) {
                return true;
            }
            let legs = match &leg.count {
                Amount::Number(d) => d.to_u64().unwrap_or(0),
                _ => 0,
            };
            let call = Call::from_word(&leg.call).unwrap_or(Call::App);
            match dropped
                .iter_mut()
                .find(|d| d.call == call && d.country == leg.country)
            {
                Some(d) => d.legs += legs,
                None => dropped.push(NotOnCard {
                    call,
                    country: leg.country.clone(),
                    legs,
                }),
            }
            false
        });
    }
    doc.meetings.retain(|m| !m.legs.is_empty());
    if let Some(code) = &doc.organisation_country {
        if CountryCode::parse(code)
            .and_then(|c| card.country(c))
            .is_none()
        {
            doc.organisation_country = None;
        }
    }
    dropped.sort_by(|a, b| (a.call, &a.country).cmp(&(b.call, &b.country)));
    (doc, dropped)
}

/// Prices the import's legs over its whole period with `card` (pay-per-minute) and sets the
/// tenant's charges beside them.
pub fn reconcile(imported: &Imported, card: &RateCard) -> Result<Reconciliation, Error> {
    let (mut period, not_on_card) = fit_to_card(imported, card);
    for meeting in &mut period.meetings {
        meeting.per_month = Amount::Number(Decimal::ONE);
    }
    period.organisers = Amount::Number(Decimal::ONE.max(match &period.organisers {
        Amount::Number(d) => *d,
        _ => Decimal::ONE,
    }));
    let q = quote(card, &Scenario::from_document(&period)?)?;
    let currency = card.currency().to_string();
    let mut lines = Vec::new();
    for line in q
        .per_minute
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Call)
    {
        let (Some(call), Some(country)) = (line.call, line.country) else {
            continue;
        };
        if call == Call::App {
            continue;
        }
        let card_amount = line.amount.amount();
        let legs = line.legs.map(|l| l.0).unwrap_or_default();
        let billed_rows: Vec<_> = imported
            .report
            .billed
            .iter()
            .filter(|b| b.call == call && b.country == country.as_str())
            .collect();
        let billed = billed_rows
            .iter()
            .find(|b| b.currency == currency)
            .and_then(|b| Decimal::from_str_exact(&b.amount).ok());
        let difference = billed.and_then(|b| b.checked_sub(card_amount));
        let tolerance = legs.checked_mul(Decimal::new(1, 2)).unwrap_or(Decimal::MAX);
        lines.push(ReconciledLine {
            call,
            country: country.as_str().to_string(),
            legs: legs.normalize().to_string(),
            billable_minutes: line
                .minutes
                .map(|m| m.0.normalize().to_string())
                .unwrap_or_default(),
            card: line.amount.to_string(),
            billed: billed.map(|b| b.to_string()),
            difference: difference.map(|d| d.to_string()),
            disagrees: difference.is_some_and(|d| d.abs() > tolerance),
            other_currencies: billed_rows
                .iter()
                .filter(|b| b.currency != currency)
                .map(|b| (b.currency.clone(), b.amount.clone()))
                .collect(),
        });
    }
    let under_licence = imported
        .report
        .capabilities
        .iter()
        .filter(|c| c.name.eq_ignore_ascii_case(LICENCE_CAPABILITY))
        .map(|c| c.count)
        .sum();
    Ok(Reconciliation {
        card: card.id().to_string(),
        currency,
        lines,
        not_on_card,
        under_licence,
    })
}
