//! Each organiser's own figures: usage a month and what the licence is worth to them alone
//! (the "why" of a recommendation), read from the core's pricing of their calls alone.

use rust_decimal::Decimal;
use serde::Serialize;

use super::bound::Separable;
use super::split::{Role, SplitTable};
use super::MixError;
use crate::rating::call::Call;
use crate::rating::money::{checked, DecimalOps as _, Money};
use crate::rating::pricing::LineBilling;
use crate::rating::quote::priced_totals;

/// One organiser's calls and their worth, each priced alone (one organiser, one licence).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrganiserFigures {
    /// Legs in the period (calls that lasted more than 0 s).
    pub legs: u64,
    /// Billable toll dial-in minutes a month.
    pub toll_dial_in_minutes: Decimal,
    /// Billable toll-free dial-in minutes a month.
    pub toll_free_minutes: Decimal,
    /// Billable dial-out minutes a month.
    pub dial_out_minutes: Decimal,
    /// Their calls alone on pay-per-minute, a month.
    pub per_minute_alone: Money,
    /// Their calls alone under one licence, a month.
    pub licence_alone: Money,
    /// Their toll dial-in priced per minute, a month: what the licence includes.
    pub toll_dial_in_value: Money,
    /// Their dial-out that one licence's pool covers, priced per minute, a month.
    pub pool_value: Money,
    /// `per_minute_alone − licence_alone` (negative: cheaper on pay-per-minute alone).
    pub saving_alone: Decimal,
}

/// Each organiser's figures and the costs the bound needs, in input order (each organiser
/// priced once).
pub fn figures(
    table: &SplitTable<'_>,
) -> Result<(Vec<OrganiserFigures>, Vec<Separable>), MixError> {
    (0..table.organisers()).map(|i| one(table, i)).collect()
}

fn one(table: &SplitTable<'_>, i: usize) -> Result<(OrganiserFigures, Separable), MixError> {
    let money = table.card().money();
    let part = table.alone(i, Role::Other)?;
    let priced = table.priced(&part, 1, 1)?;
    let (per_minute_alone, licence_alone) = priced_totals(table.card(), &priced)?;
    let mut toll_dial_in_value = money.zero();
    let mut pool_value = money.zero();
    let mut minutes = [Decimal::ZERO; 3];
    for (ppm, pu) in priced.per_minute.lines.iter().zip(&priced.per_user.lines) {
        let u = &ppm.usage;
        let slot = match u.call {
            Call::TollDialIn => 0,
            Call::TollFreeDialIn => 1,
            Call::DialOut => 2,
            Call::App => continue,
        };
        minutes[slot] = checked(minutes[slot].cadd(u.minutes), "an organiser's minutes")?;
        if u.call == Call::TollDialIn {
            toll_dial_in_value =
                toll_dial_in_value.checked_add(money.round(ppm.raw), "a toll dial-in value")?;
        }
        if pu.billing == LineBilling::Pool {
            let covered = checked(
                money
                    .round(ppm.raw)
                    .amount()
                    .csub(money.round(pu.raw).amount()),
                "a pool value",
            )?;
            pool_value = pool_value.checked_add(money.round(covered), "a pool value")?;
        }
    }
    let legs = table.member_legs(i);
    let separable = Separable::of(&priced, table.card().licence().price_per_user_month.value())?;
    let figures = OrganiserFigures {
        legs,
        toll_dial_in_minutes: minutes[0],
        toll_free_minutes: minutes[1],
        dial_out_minutes: minutes[2],
        per_minute_alone,
        licence_alone,
        toll_dial_in_value,
        pool_value,
        saving_alone: checked(
            per_minute_alone.amount().csub(licence_alone.amount()),
            "a saving",
        )?,
    };
    Ok((figures, separable))
}
