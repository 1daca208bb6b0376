//! A card beside a real bill: the measured legs priced by a card over the export's period, next
//! to what the tenant was charged for the same legs, by the offer that billed them
//! (usage-export.md): legs under the licence (`MCOMEETADD`) beside what the per-user model
//! charges for them (toll dial-in included, toll-free and dial-out per minute), pay-per-minute
//! legs (`MCOMEETACPEA`, `MCOPSTNPP`) and legs with no such capability beside the card's
//! per-minute price. `Charge` and `Connection Fee` apart, with totals, and the share of the
//! calls the licence covered. Where card and bill disagree by more than per-call rounding can
//! explain, sales staff must see it.
//!
//! Also: fitting an import to a card, since a card may not price every country or way of
//! joining that real calls used (those legs are left out and listed).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::legs::{minutes_of, profiles};
use super::report::{Basis, Imported};
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

/// One way of joining in one country under one offer: the card's price and the bill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReconciledLine {
    /// The offer that billed these calls.
    pub basis: Basis,
    /// Way of joining.
    pub call: Call,
    /// Country code.
    pub country: String,
    /// Calls in the period.
    pub legs: u64,
    /// Billable minutes under the card's increments and minimums.
    pub billable_minutes: String,
    /// The card's price of these legs under their offer (its currency, its rounding): 0 for
    /// toll dial-in under the licence, else the per-minute price.
    pub card: String,
    /// `Charge` in the card's currency, when the export has charges in that currency.
    pub charge: Option<String>,
    /// `Connection Fee` in the card's currency, likewise.
    pub connection_fee: Option<String>,
    /// `charge + connection_fee`.
    pub billed: Option<String>,
    /// `billed − card`.
    pub difference: Option<String>,
    /// Whether the difference is more than per-call rounding explains (1 cent per call).
    pub disagrees: bool,
    /// Charges in other currencies, as `(currency, amount)`.
    pub other_currencies: Vec<(String, String)>,
}

/// Sums of the lines, in the card's currency: each is the sum of the amounts the lines show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReconciledTotals {
    /// Calls.
    pub legs: u64,
    /// The card's price.
    pub card: String,
    /// `Charge`.
    pub charge: String,
    /// `Connection Fee`.
    pub connection_fee: String,
    /// Charge plus connection fee.
    pub billed: String,
    /// The lines' differences.
    pub difference: String,
}

/// The card beside the bill, for the whole period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reconciliation {
    /// The card's id.
    pub card: String,
    /// The card's currency.
    pub currency: String,
    /// By offer, way of joining, then country.
    pub lines: Vec<ReconciledLine>,
    /// The lines added up.
    pub totals: ReconciledTotals,
    /// Legs the card cannot price (left out of the scenario).
    pub not_on_card: Vec<NotOnCard>,
    /// Calls used that were billed under the Audio Conferencing licence (`MCOMEETADD`).
    pub licence_legs: u64,
    /// Calls used.
    pub legs: u64,
    /// `licence_legs / legs` in per cent, to one decimal ("0.0" without calls).
    pub licence_share: String,
}

/// Whether `card` prices `call` in `country`.
pub(super) fn on_card(card: &RateCard, country: CountryCode, call: Call) -> bool {
    card.country(country)
        .is_some_and(|c| call == Call::App || c.rate(call).is_some())
}

/// The import's scenario without the legs `card` cannot price (listed), and without an
/// organisation country the card does not have.
pub fn fit_to_card(imported: &Imported, card: &RateCard) -> (ScenarioDocument, Vec<NotOnCard>) {
    let mut doc = imported.scenario.clone();
    let mut dropped: Vec<NotOnCard> = Vec::new();
    let priced = |country: &str, call: &str| {
        let (Some(code), Some(call)) = (CountryCode::parse(country), Call::from_word(call)) else {
            return false;
        };
        on_card(card, code, call)
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

/// `amount` written with at least `decimals` decimals (never rounded: a sum of the amounts
/// shown needs no rounding, and a bill's own decimals are kept).
fn money_text(amount: Decimal, decimals: u32) -> String {
    let mut d = amount;
    if d.scale() < decimals {
        d.rescale(decimals);
    }
    d.to_string()
}

/// Prices the import's legs over its whole period with `card`, each under the offer that billed
/// it, and sets the tenant's charges beside them.
pub fn reconcile(imported: &Imported, card: &RateCard) -> Result<Reconciliation, Error> {
    let (_, not_on_card) = fit_to_card(imported, card);
    let currency = card.currency().to_string();
    let decimals = card.money().decimals();
    let organisers = match &imported.scenario.organisers {
        Amount::Number(d) => Decimal::ONE.max(*d),
        _ => Decimal::ONE,
    };
    let mut lines = Vec::new();
    for basis in [Basis::Licence, Basis::PayPerMinute, Basis::Unstated] {
        let groups: Vec<_> = imported
            .by_basis
            .iter()
            .filter(|g| g.basis == basis && on_card(card, g.country, g.call))
            .map(|g| ((g.country, g.call, minutes_of(g.seconds)), g.legs))
            .collect();
        if groups.is_empty() {
            continue;
        }
        // The period's calls once (perMonth 1), priced per minute.
        let period = ScenarioDocument {
            organisers: Amount::Number(organisers),
            licences_purchased: None,
            us_canada_addon: false,
            organisation_country: None,
            meetings: profiles("period", Decimal::ONE, groups),
            card: None,
        };
        let q = quote(card, &Scenario::from_document(&period)?)?;
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
            // Under the licence, toll dial-in is part of the per-user price.
            let card_amount = if basis == Basis::Licence && call == Call::TollDialIn {
                Decimal::new(0, decimals)
            } else {
                line.amount.amount()
            };
            let legs = line.legs.map(|l| l.0).unwrap_or_default();
            let billed_rows: Vec<_> = imported
                .report
                .billed
                .iter()
                .filter(|b| b.basis == basis && b.call == call && b.country == country.as_str())
                .collect();
            let own = billed_rows.iter().find(|b| b.currency == currency);
            let parse = |t: &str| Decimal::from_str_exact(t).ok();
            let charge = own.and_then(|b| parse(&b.charge));
            let fee = own.and_then(|b| parse(&b.connection_fee));
            let billed = own.and_then(|b| parse(&b.amount));
            let difference = billed.and_then(|b| b.checked_sub(card_amount));
            let tolerance = legs.checked_mul(Decimal::new(1, 2)).unwrap_or(Decimal::MAX);
            lines.push(ReconciledLine {
                basis,
                call,
                country: country.as_str().to_string(),
                legs: legs.to_u64().unwrap_or(0),
                billable_minutes: line
                    .minutes
                    .map(|m| m.0.normalize().to_string())
                    .unwrap_or_default(),
                card: money_text(card_amount, decimals),
                charge: charge.map(|d| money_text(d, decimals)),
                connection_fee: fee.map(|d| money_text(d, decimals)),
                billed: billed.map(|d| money_text(d, decimals)),
                difference: difference.map(|d| money_text(d, decimals)),
                disagrees: difference.is_some_and(|d| d.abs() > tolerance),
                other_currencies: billed_rows
                    .iter()
                    .filter(|b| b.currency != currency)
                    .map(|b| (b.currency.clone(), b.amount.clone()))
                    .collect(),
            });
        }
    }
    let sum = |f: &dyn Fn(&ReconciledLine) -> Option<&String>| {
        let total = lines
            .iter()
            .filter_map(|l| f(l).and_then(|t| Decimal::from_str_exact(t).ok()))
            .fold(Decimal::ZERO, |a, b| a.checked_add(b).unwrap_or(a));
        money_text(total, decimals)
    };
    let totals = ReconciledTotals {
        legs: lines.iter().map(|l| l.legs).sum(),
        card: sum(&|l| Some(&l.card)),
        charge: sum(&|l| l.charge.as_ref()),
        connection_fee: sum(&|l| l.connection_fee.as_ref()),
        billed: sum(&|l| l.billed.as_ref()),
        difference: sum(&|l| l.difference.as_ref()),
    };
    let legs: u64 = imported.by_basis.iter().map(|g| g.legs).sum();
    let licence_legs: u64 = imported
        .by_basis
        .iter()
        .filter(|g| g.basis == Basis::Licence)
        .map(|g| g.legs)
        .sum();
    let licence_share = if legs == 0 {
        "0.0".to_string()
    } else {
        let share = Decimal::from(licence_legs) * Decimal::from(100) / Decimal::from(legs);
        money_text(
            share.round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
            1,
        )
    };
    Ok(Reconciliation {
        card: card.id().to_string(),
        currency,
        lines,
        totals,
        not_on_card,
        licence_legs,
        legs,
        licence_share,
    })
}
