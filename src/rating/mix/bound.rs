//! A lower bound on the cheapest split, so that a searched recommendation can say how far from
//! the minimum it may be (DESIGN.md, "Which organisers should hold a licence?").
//!
//! Unrounded, a split `L` costs `u + a·n + Σ_{o∈L} w_o + Σ_{o∉L} p_o + g(L)`, where `u` is the
//! unnamed calls' pay-per-minute cost, `a·n` the add-on fee of all `n` organisers (when
//! bought), `w_o` an organiser's licence price plus their per-user cost outside the pool,
//! `p_o` their pay-per-minute cost, and `g(L) = C_L − Cov_L` the licensed organisers'
//! pool-zone dial-out after the shared pool: `C` its full cost, `E` its seconds, `P` pool
//! seconds per licence, `k = |L|`, and the pool covers `Cov = (C/E)·min(E, P·k)`.
//!
//! For any price `μ ≥ 0` of a pool second, `Cov ≤ μ·P·k + max(0, C − μ·E)` (if `E ≤ P·k`,
//! `Cov = C`; otherwise `Cov = (C/E)·P·k`, at most `μ·P·k` when `C/E ≤ μ` and at most
//! `μ·P·k + E·(C/E − μ)` when not). So `g(L) ≥ min(C_L, μ·E_L) − μ·P·k ≥
//! Σ_{o∈L} (min(c_o, μ·e_o) − μ·P)`, and the cheapest split costs at least
//! `LB(μ) = u + a·n + Σ_o min(w_o + min(c_o, μ·e_o) − μ·P, p_o)`, minimised organiser by
//! organiser. `LB` is concave in `μ` (a sum of minima of linear functions), so its largest
//! value is found by a ternary search on `[0, max c_o/e_o]`. A quote rounds each line once,
//! by less than one unit of the last decimal, so a rounded total is above the unrounded one
//! minus (lines + fees) units.

use rust_decimal::Decimal;

use super::split::{Role, SplitTable};
use super::MixError;
use crate::rating::money::{checked, DecimalOps as _, Money};
use crate::rating::pricing::{LineBilling, Priced};
use crate::rating::usage::SIXTY;

/// Steps of the ternary search for the best price of a pool second (each keeps 2/3 of the
/// interval: 40 steps narrow it to 10^-7 of its width; any price tried gives a valid bound).
const TERNARY_STEPS: usize = 40;

/// An organiser's unrounded costs, each priced alone, for the bound: `w` the licence price
/// plus their per-user cost outside the pool, `p` their pay-per-minute cost, `c` the full cost
/// of their pool-zone dial-out and `e` its seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Separable {
    /// Licence price plus the per-user cost outside the pool.
    pub w: Decimal,
    /// Pay-per-minute cost.
    pub p: Decimal,
    /// Full cost of the pool-zone dial-out.
    pub c: Decimal,
    /// Its billable seconds.
    pub e: Decimal,
}

impl Separable {
    /// The parts of one organiser's pricing alone.
    pub fn of(priced: &Priced, licence_price: Decimal) -> Result<Separable, MixError> {
        let what = "the bound of a licence mix";
        let add = |a: Decimal, b: Decimal| checked(a.cadd(b), what);
        let mut s = Separable {
            w: licence_price,
            p: Decimal::ZERO,
            c: Decimal::ZERO,
            e: Decimal::ZERO,
        };
        for (ppm, pu) in priced.per_minute.lines.iter().zip(&priced.per_user.lines) {
            s.p = add(s.p, ppm.raw)?;
            if pu.billing == LineBilling::Pool {
                s.c = add(s.c, ppm.raw)?;
                s.e = add(s.e, pu.usage.seconds)?;
            } else {
                s.w = add(s.w, pu.raw)?;
            }
        }
        Ok(s)
    }
}

/// An upper bound on `recommended − minimum` (≥ 0, rounded up to the card's decimals), from
/// each organiser's [`Separable`] costs.
pub fn gap_bound(
    table: &SplitTable<'_>,
    parts: &[Separable],
    recommended: Money,
) -> Result<Money, MixError> {
    let card = table.card();
    let what = "the bound of a licence mix";
    let add = |a: Decimal, b: Decimal| checked(a.cadd(b), what);
    let licence = card.licence();
    let pool_per_licence = Decimal::from(licence.pool_minutes_per_licence) * SIXTY;
    let mut kappa = Decimal::ZERO;
    for s in parts.iter().filter(|s| !s.e.is_zero()) {
        kappa = kappa.max(checked(s.c.cdiv(s.e), what)?);
    }
    // LB(μ) without its constants; concave in μ.
    let lb = |mu: Decimal| -> Result<Decimal, MixError> {
        let credit = checked(mu.cmul(pool_per_licence), what)?;
        let mut sum = Decimal::ZERO;
        for s in parts {
            let pooled = checked(s.c.min(checked(mu.cmul(s.e), what)?).cadd(s.w), what)?;
            let licensed = checked(pooled.csub(credit), what)?;
            sum = add(sum, licensed.min(s.p))?;
        }
        Ok(sum)
    };
    let (mut low, mut high) = (Decimal::ZERO, kappa);
    let mut best = lb(low)?.max(lb(high)?);
    for _ in 0..TERNARY_STEPS {
        let third = checked((high - low).cdiv(Decimal::from(3)), what)?;
        let (a, b) = (low + third, high - third);
        let (fa, fb) = (lb(a)?, lb(b)?);
        best = best.max(fa).max(fb);
        if fa < fb {
            low = a;
        } else {
            high = b;
        }
    }
    // Constants: the unnamed calls and the add-on of every organiser.
    let mut constant = Decimal::ZERO;
    let unnamed = table.part(Role::Other, |_| false, true)?;
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
    let lower = add(constant, best)?;
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
