//! Measured calls as scenario legs: a call's length in minutes, and groups of calls as meeting
//! profiles within the scenario's limits. Shared by the import (`build.rs`) and the
//! reconciliation (`reconcile.rs`).

use rust_decimal::prelude::*;

use crate::rating::scenario::{
    Amount, LegDocument, MeetingDocument, MAX_COUNT, MAX_LEGS_PER_MEETING,
};
use crate::rating::{Call, CountryCode};

/// `seconds / 60` rounded toward zero to 6 decimals.
pub fn minutes_of(seconds: u32) -> Decimal {
    (Decimal::from(seconds) / Decimal::from(60))
        .round_dp_with_strategy(6, RoundingStrategy::ToZero)
        .normalize()
}

/// Scenario legs of `groups` ((country, way, minutes) → calls in the period), in profiles of at
/// most 1,000 legs with at most 100,000 calls each, all `per_month` times a month.
pub fn profiles(
    name: &str,
    per_month: Decimal,
    groups: Vec<((CountryCode, Call, Decimal), u64)>,
) -> Vec<MeetingDocument> {
    let mut legs = Vec::new();
    for ((country, call, minutes), mut n) in groups {
        while n > 0 {
            let part = n.min(u64::from(MAX_COUNT));
            n -= part;
            legs.push(LegDocument {
                country: country.as_str().to_string(),
                call: call.as_word().to_string(),
                count: Amount::Number(Decimal::from(part)),
                minutes: Some(Amount::Number(minutes)),
            });
        }
    }
    let chunks = legs.len().div_ceil(MAX_LEGS_PER_MEETING);
    legs.chunks(MAX_LEGS_PER_MEETING)
        .enumerate()
        .map(|(i, part)| MeetingDocument {
            name: if chunks > 1 {
                format!("{name} ({}/{chunks})", i + 1)
            } else {
                name.to_string()
            },
            per_month: Amount::Number(per_month),
            minutes: Amount::Number(Decimal::ZERO),
            legs: part.to_vec(),
        })
        .collect()
}
