//! A lower bound on the cheapest split, so that a searched recommendation can say how far from
//! the minimum it may be (DESIGN.md, "Which organisers should hold a licence?").
//!
//! Unrounded, a split `L` costs `u + a·n + Σ_{o∈L} w_o + Σ_{o∉L} p_o + g(L)`, where `u` is the
//! unnamed calls' pay-per-minute cost, `a·n` the add-on fee of all `n` organisers (when
//! bought), `w_o` an organiser's licence price plus their per-user cost outside the pool,
//! `p_o` their pay-per-minute cost, and `g(L) = C_L · max(0, 1 − P·|L| / E_L)` the licensed
//! organisers' pool-zone dial-out after the shared pool (`C`: its full cost, `E`: its
//! seconds, `P`: pool seconds per licence). With `κ = max_o c_o / e_o`, `C_L / E_L ≤ κ`, so
//! `g(L) ≥ max(0, Σ_{o∈L} (c_o − κ·P))`. Dropping the `max` or the whole of `g` gives two
//! separable lower bounds, each minimised organiser by organiser:
//! `Σ_o min(w_o + c_o − κ·P, p_o)` and `Σ_o min(w_o, p_o)`. A quote rounds each line once,
//! by less than one unit of the last decimal, so a rounded total is above the unrounded one
//! minus (lines + fees) units.

use rust_decimal::Decimal;

use super::figures::OrganiserFigures;
use super::split::SplitTable;
use super::MixError;
use crate::rating::money::{checked, DecimalOps as _, Money};
use crate::rating::pricing::LineBilling;
use crate::rating::usage::SIXTY;

/// An upper bound on `recommended − minimum` (≥ 0, rounded up to the card's decimals).
pub fn gap_bound(
    table: &SplitTable<'_>,
    _figures: &[OrganiserFigures],
    recommended: Money,
) -> Result<Money, MixError> {
    let card = table.card();
    let what = "the bound of a licence mix";
    let add = |a: Decimal, b: Decimal| checked(a.cadd(b), what);
    let licence = card.licence();
    let pool_per_licence = Decimal::from(licence.pool_minutes_per_licence) * SIXTY;
    // Per organiser: (w, p, c, e), unrounded.
    let mut parts = Vec::with_capacity(table.organisers());
    let mut kappa = Decimal::ZERO;
    for i in 0..table.organisers() {
        let priced = table.priced(&table.alone(i), 1, 1)?;
        let (mut w, mut p, mut c, mut e) = (
            licence.price_per_user_month.value(),
            Decimal::ZERO,
            Decimal::ZERO,
            Decimal::ZERO,
        );
        for (ppm, pu) in priced.per_minute.lines.iter().zip(&priced.per_user.lines) {
            p = add(p, ppm.raw)?;
            if pu.billing == LineBilling::Pool {
                c = add(c, ppm.raw)?;
                e = add(e, pu.usage.seconds)?;
            } else {
                w = add(w, pu.raw)?;
            }
        }
        if !e.is_zero() {
            kappa = kappa.max(checked(c.cdiv(e), what)?);
        }
        parts.push((w, p, c));
    }
    let credit = checked(kappa.cmul(pool_per_licence), what)?;
    let (mut without_pool, mut with_pool) = (Decimal::ZERO, Decimal::ZERO);
    for (w, p, c) in parts {
        without_pool = add(without_pool, w.min(p))?;
        let pooled = checked(add(w, c)?.csub(credit), what)?;
        with_pool = add(with_pool, pooled.min(p))?;
    }
    // Constants: the unnamed calls and the add-on of every organiser.
    let mut constant = Decimal::ZERO;
    let unnamed = table.part(|_| false, true);
    let priced = table.priced(&unnamed, 1, 0)?;
    for l in &priced.per_minute.lines {
        constant = add(constant, l.raw)?;
    }
    if table.addon() {
        if let Some(a) = card.us_canada_addon() {
            let n = Decimal::from(table.organisers() as u64);
            constant = add(
                constant,
                checked(n.cmul(a.price_per_organiser_month.value()), what)?,
            )?;
        }
    }
    let lower = add(constant, without_pool.max(with_pool))?;
    // Each part rounds at most every line and two fees.
    let unit = Decimal::new(1, card.money().decimals());
    let roundings = Decimal::from(2 * table.line_count() as u64 + 3);
    let slack = checked(unit.cmul(roundings), what)?;
    let gap = checked(
        recommended.amount().csub(lower).and_then(|g| g.cadd(slack)),
        what,
    )?;
    Ok(card.money().ceil(gap.max(Decimal::ZERO)))
}
