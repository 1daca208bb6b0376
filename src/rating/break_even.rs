//! Break-even: the usage at which the per-user licence starts to pay off.
//!
//! Scale every meeting's `perMonth` by a factor k ≥ 0 (organisers fixed). With unrounded line
//! values, pay-per-minute costs `G + k·A` and the licence model `F + G + k·B +
//! max(0, k·E − P)·R/E` (G: the add-on fee, in both models, so it cancels; F: the licence fee;
//! A, B, R, E, P: see [`LinearParts`]). The difference `g(k) = F + k(B − A) + max(0, kE − P)·R/E`
//! is linear on `[0, P/E]` and on `[P/E, ∞)`; the break-even is its smallest root k > 0.

use crate::rating::money::DecimalOps as _;
use rust_decimal::Decimal;
use serde::Serialize;

use super::error::Error;
use super::money::checked;
use super::pricing::LinearParts;

/// Why there is no break-even.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "NoBreakEvenReason"))]
pub enum NoBreakEven {
    /// The scenario has no phone minutes to scale.
    NoPhoneUsage,
    /// Pay-per-minute is cheaper at every usage level.
    PerMinuteAlwaysCheaper,
    /// The licence model costs less at every usage level above zero.
    PerUserAlwaysCheaper,
    /// Both models cost the same at every usage level.
    AlwaysEqual,
    /// The models would cost the same only at more than a million times today's usage.
    BeyondRange,
}

impl NoBreakEven {
    /// Every reason's sentence, in the order of the variants.
    pub const MESSAGES: [&'static str; 5] = [
        "there is no phone usage to compare; add dial-in or dial-out participants",
        "pay-per-minute stays cheaper at any usage: the phone minutes in this mix cost as much \
         under the licence as per minute, so the licence fee is never recovered",
        "the licence model costs less at any usage: it has no fixed fee to recover",
        "both models cost the same at any usage",
        "the licence would pay off only at more than a million times today's phone usage",
    ];

    /// A sentence for people.
    pub fn message(self) -> &'static str {
        NoBreakEven::MESSAGES[self as usize]
    }
}

/// The break-even point, or why there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreakEven {
    /// The models cost the same at this usage.
    At {
        /// The usage factor k (1 = the scenario as entered), unrounded.
        factor: Decimal,
        /// Billable phone minutes per organiser per month at k, unrounded (`None` without
        /// organisers).
        phone_minutes_per_organiser: Option<Decimal>,
    },
    /// There is no break-even.
    None(NoBreakEven),
}

impl BreakEven {
    /// The factor, if there is a break-even.
    pub fn factor(&self) -> Option<Decimal> {
        match self {
            BreakEven::At { factor, .. } => Some(*factor),
            BreakEven::None(_) => None,
        }
    }
}

const WHAT: &str = "the break-even point";

/// The largest usage factor reported as a break-even; beyond it the answer is
/// [`NoBreakEven::BeyondRange`].
pub const MAX_FACTOR: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// Solves `g(k) = 0` for the smallest k > 0.
pub fn solve(p: &LinearParts, organisers: u64) -> Result<BreakEven, Error> {
    if p.phone_seconds.is_zero() {
        return Ok(BreakEven::None(NoBreakEven::NoPhoneUsage));
    }
    let f = p.licence_fee;
    let s1 = checked(p.pu_usage.csub(p.ppm_usage), WHAT)?;
    let has_pool_kink = !p.eligible_seconds.is_zero() && !p.eligible_cost.is_zero();

    let at = |k: Decimal| -> Result<BreakEven, Error> {
        if k > MAX_FACTOR {
            return Ok(BreakEven::None(NoBreakEven::BeyondRange));
        }
        let per_org = if organisers == 0 {
            None
        } else {
            Some(checked(
                k.cmul(p.phone_seconds)
                    .and_then(|v| v.cdiv(Decimal::from(60)))
                    .and_then(|v| v.cdiv(Decimal::from(organisers))),
                WHAT,
            )?)
        };
        Ok(BreakEven::At {
            factor: k.normalize(),
            phone_minutes_per_organiser: per_org.map(|v| v.normalize()),
        })
    };

    // Segment 1: 0 < k ≤ k1 (k1 = P/E, or unbounded without a pool kink): g = F + k·s1.
    let k1 = if has_pool_kink {
        Some(checked(p.pool_seconds.cdiv(p.eligible_seconds), WHAT)?)
    } else {
        None
    };
    if f.is_zero() {
        // Without a fee, equal slopes mean equal costs from the first minute on.
        if s1.is_zero() {
            return Ok(BreakEven::None(NoBreakEven::AlwaysEqual));
        }
    } else if s1.is_sign_negative() && !s1.is_zero() {
        // A quotient too large for a decimal is far beyond MAX_FACTOR.
        let k = f.cdiv(-s1).unwrap_or(Decimal::MAX);
        if k1.is_none_or(|k1| k <= k1) {
            return at(k);
        }
    }
    let Some(k1) = k1 else {
        return Ok(BreakEven::None(no_root(f, s1)));
    };

    // Segment 2: k > k1: g = g(k1) + (k − k1)·s2, s2 = s1 + R/E·E = s1 + R.
    let g1 = checked(k1.cmul(s1).and_then(|v| v.cadd(f)), WHAT)?;
    if g1.is_zero() && !k1.is_zero() {
        return at(k1);
    }
    let s2 = checked(s1.cadd(p.eligible_cost), WHAT)?;
    let crosses =
        (g1 > Decimal::ZERO && s2 < Decimal::ZERO) || (g1 < Decimal::ZERO && s2 > Decimal::ZERO);
    if crosses {
        let k = g1
            .cdiv(-s2)
            .and_then(|d| d.cadd(k1))
            .unwrap_or(Decimal::MAX);
        return at(k);
    }
    Ok(BreakEven::None(no_root(g1, s2)))
}

/// The reason for no root of a line with value `g` and slope `s` beyond the last segment start.
fn no_root(g: Decimal, s: Decimal) -> NoBreakEven {
    if g.is_zero() && s.is_zero() {
        NoBreakEven::AlwaysEqual
    } else if g > Decimal::ZERO || (g.is_zero() && s > Decimal::ZERO) {
        NoBreakEven::PerMinuteAlwaysCheaper
    } else {
        NoBreakEven::PerUserAlwaysCheaper
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(a: i64, b: i64, r: i64, e: i64, p: i64, f: i64) -> LinearParts {
        LinearParts {
            ppm_usage: a.into(),
            pu_usage: b.into(),
            eligible_cost: r.into(),
            eligible_seconds: e.into(),
            pool_seconds: p.into(),
            licence_fee: f.into(),
            phone_seconds: 600.into(),
        }
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn root_before_the_pool_runs_out() {
        // g(k) = 40 + k(10 − 100) → k = 40/90 = 0.444…; k1 = P/E = 6000/3000 = 2.
        let b = solve(&parts(100, 10, 50, 3000, 6000, 40), 1).unwrap();
        assert_eq!(b.factor().unwrap().round_dp(6).to_string(), "0.444444");
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn root_after_the_pool_runs_out() {
        // Only pool dial-out: A = R = 100, B = 0, E = 6000 s, P = 3000 s, F = 80.
        // Segment 1: g = 80 − 100k, root 0.8 > k1 = 0.5. g(0.5) = 30, s2 = −100 + 100 = 0:
        // no root, pay-per-minute stays cheaper.
        let b = solve(&parts(100, 0, 100, 6000, 3000, 80), 1).unwrap();
        assert_eq!(b, BreakEven::None(NoBreakEven::PerMinuteAlwaysCheaper));
        // With toll dial-in as well (A = 150): segment 1 root 80/150 = 0.533 > 0.5;
        // g(0.5) = 80 − 75 = 5, s2 = −150 + 100 = −50 → k = 0.5 + 5/50 = 0.6.
        let b = solve(&parts(150, 0, 100, 6000, 3000, 80), 1).unwrap();
        assert_eq!(b.factor().unwrap().to_string(), "0.6");
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn no_usage_and_free_licence() {
        let mut p = parts(0, 0, 0, 0, 0, 40);
        p.phone_seconds = Decimal::ZERO;
        assert_eq!(
            solve(&p, 1).unwrap(),
            BreakEven::None(NoBreakEven::NoPhoneUsage)
        );
        // A free licence with cheaper toll dial-in: the licence wins at any usage.
        let b = solve(&parts(100, 10, 0, 0, 0, 0), 1).unwrap();
        assert_eq!(b, BreakEven::None(NoBreakEven::PerUserAlwaysCheaper));
        // Only toll-free usage: it costs the same under both models.
        let b = solve(&parts(100, 100, 0, 0, 0, 40), 1).unwrap();
        assert_eq!(b, BreakEven::None(NoBreakEven::PerMinuteAlwaysCheaper));
    }
}
