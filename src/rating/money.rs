//! Money, per-minute rates and the one rounding rule.
//!
//! **The rounding rule** (stated here, applied only in [`MoneyRule::round`]): every priced line
//! of a quote is rounded once, to the card's `decimals` with the card's `rounding` strategy.
//! Totals are sums of rounded lines, so a total always equals the sum of the lines shown.
//! Nothing else is rounded; intermediate values keep full `Decimal` precision.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Serialize, Serializer};

/// How a line's amount is rounded to the currency's decimals (the card's `billing.rounding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// Round to nearest; a midpoint goes away from zero (`0.125` → `0.13`).
    HalfUp,
    /// Round to nearest; a midpoint goes to the even neighbour (`0.125` → `0.12`, banker's rounding).
    HalfEven,
    /// Always round away from zero (`0.121` → `0.13`): the supplier never under-bills.
    Up,
    /// Always round towards zero (`0.129` → `0.12`): truncation.
    Down,
}

impl Rounding {
    /// The word used for this strategy in rate cards.
    pub fn as_word(self) -> &'static str {
        match self {
            Rounding::HalfUp => "half_up",
            Rounding::HalfEven => "half_even",
            Rounding::Up => "up",
            Rounding::Down => "down",
        }
    }

    /// Parses a rate-card word (`half_up`, `half_even`, `up`, `down`).
    pub fn from_word(word: &str) -> Option<Rounding> {
        match word {
            "half_up" => Some(Rounding::HalfUp),
            "half_even" => Some(Rounding::HalfEven),
            "up" => Some(Rounding::Up),
            "down" => Some(Rounding::Down),
            _ => None,
        }
    }

    fn strategy(self) -> RoundingStrategy {
        match self {
            Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
            Rounding::Up => RoundingStrategy::AwayFromZero,
            Rounding::Down => RoundingStrategy::ToZero,
        }
    }
}

/// A card's money rule: how many decimals the currency has and how lines are rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoneyRule {
    decimals: u32,
    rounding: Rounding,
}

/// The most decimals a currency may have on a card (ISO 4217 currencies use at most 4).
pub const MAX_MONEY_DECIMALS: u32 = 4;

impl MoneyRule {
    /// A money rule; `decimals` must be at most [`MAX_MONEY_DECIMALS`] (checked by the card
    /// validation, which is the only caller that builds one from outside data).
    pub(crate) fn new(decimals: u32, rounding: Rounding) -> MoneyRule {
        MoneyRule {
            decimals: decimals.min(MAX_MONEY_DECIMALS),
            rounding,
        }
    }

    /// Number of decimals of the currency.
    pub fn decimals(&self) -> u32 {
        self.decimals
    }

    /// The rounding strategy.
    pub fn rounding(&self) -> Rounding {
        self.rounding
    }

    /// **The** rounding function: rounds an unrounded line value to a money amount.
    /// Every amount in a quote goes through here exactly once.
    pub fn round(&self, value: Decimal) -> Money {
        if value.is_zero() {
            return self.zero();
        }
        let mut rounded = value.round_dp_with_strategy(self.decimals, self.rounding.strategy());
        // Show every amount with the currency's full decimals ("4.50", not "4.5").
        rounded.rescale(self.decimals);
        Money(rounded)
    }

    /// Zero with the currency's decimals ("0.00").
    pub fn zero(&self) -> Money {
        Money(Decimal::new(0, self.decimals))
    }

    /// Rounds a value up to the currency's decimals (an upper bound stays an upper bound).
    pub fn ceil(&self, value: Decimal) -> Money {
        let mut up =
            value.round_dp_with_strategy(self.decimals, RoundingStrategy::ToPositiveInfinity);
        up.rescale(self.decimals);
        Money(up)
    }

    /// Rounds a value up to a whole multiple of one currency unit (used for recommendations).
    pub fn ceil_whole(&self, value: Decimal) -> Money {
        let mut whole = value.round_dp_with_strategy(0, RoundingStrategy::AwayFromZero);
        whole.rescale(self.decimals);
        Money(whole)
    }
}

/// An amount of money in the card's currency, already rounded by a [`MoneyRule`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Money(Decimal);

impl Money {
    /// The amount as a decimal.
    pub fn amount(&self) -> Decimal {
        self.0
    }

    /// Sum of two amounts; an error instead of an overflow.
    pub fn checked_add(self, other: Money, what: &str) -> Result<Money, Overflow> {
        Ok(Money(checked(self.0.cadd(other.0), what)?))
    }

    /// `|self − other|`.
    pub fn abs_diff(self, other: Money) -> Money {
        if self >= other {
            Money(self.0.csub(other.0).unwrap_or(Decimal::ZERO))
        } else {
            Money(other.0.csub(self.0).unwrap_or(Decimal::ZERO))
        }
    }

    /// `self × factor`, keeping the scale (used for yearly = 12 × monthly).
    pub fn checked_times(self, factor: u32, what: &str) -> Result<Money, Overflow> {
        let mut product = checked(self.0.cmul(Decimal::from(factor)), what)?;
        // A whole factor adds no decimals; keep the currency's (0.00 × 12 is "0.00", not "0").
        product.rescale(self.0.scale());
        Ok(Money(product))
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for Money {
    /// Money is a decimal string with the currency's decimals ("12.30").
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl Serialize for Rate {
    /// A rate is a decimal string as written on the card ("0.0280").
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// A non-negative decimal validated on the way in: a per-minute rate or a price, as written on
/// the card (its scale is kept, so "0.0280" prints as "0.0280").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rate(Decimal);

impl Rate {
    /// A rate from a decimal that the caller has checked is not negative.
    pub(crate) fn new(value: Decimal) -> Rate {
        Rate(value.max(Decimal::ZERO))
    }

    /// The value.
    pub fn value(&self) -> Decimal {
        self.0
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Checked decimal arithmetic, kept out of line in WASM builds: the rating calls these in many
/// places, and one shared copy of each operation keeps the bundle small (inlined, each call
/// site grew by about 1 KB). Native builds inline them for speed.
pub(crate) trait DecimalOps: Sized {
    /// `self × other`, `None` on overflow.
    fn cmul(self, other: Decimal) -> Option<Decimal>;
    /// `self + other`, `None` on overflow.
    fn cadd(self, other: Decimal) -> Option<Decimal>;
    /// `self − other`, `None` on overflow: in WASM, `self + (−other)` through [`cadd`], whose
    /// result is the same to the scale and sign (`rust_decimal` subtracts by adding with the
    /// sign flipped; a zero `other` is added as it is, so that `0 − 0` keeps its sign), and one
    /// copy of the addition is enough.
    ///
    /// [`cadd`]: DecimalOps::cadd
    fn csub(self, other: Decimal) -> Option<Decimal>;
    /// `self ÷ other`, `None` on overflow or division by zero.
    fn cdiv(self, other: Decimal) -> Option<Decimal>;
}

impl DecimalOps for Decimal {
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    fn cmul(self, other: Decimal) -> Option<Decimal> {
        self.checked_mul(other)
    }
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    fn cadd(self, other: Decimal) -> Option<Decimal> {
        self.checked_add(other)
    }
    #[cfg(target_arch = "wasm32")]
    fn csub(self, other: Decimal) -> Option<Decimal> {
        if other.is_zero() {
            self.cadd(other)
        } else {
            self.cadd(-other)
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    #[inline]
    fn csub(self, other: Decimal) -> Option<Decimal> {
        self.checked_sub(other)
    }
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    fn cdiv(self, other: Decimal) -> Option<Decimal> {
        self.checked_div(other)
    }
}

/// A computation that exceeded the range of the decimal type (about 7.9 × 10^28): money's own
/// error, so that this module depends on no other error type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overflow {
    /// What was being computed, e.g. "the toll dial-in minutes of DE".
    pub what: String,
}

impl fmt::Display for Overflow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the scenario is too large to price: {} exceeds the largest number we can \
             compute with; use smaller meeting counts, durations or rates",
            self.what
        )
    }
}

impl std::error::Error for Overflow {}

/// Turns a `checked_*` result into an overflow error naming what was being computed.
pub(crate) fn checked(value: Option<Decimal>, what: &str) -> Result<Decimal, Overflow> {
    value.ok_or_else(|| Overflow {
        what: what.to_string(),
    })
}

/// Like [`checked`], with a description that is only built when it is needed.
pub(crate) fn checked_with(
    value: Option<Decimal>,
    what: impl FnOnce() -> String,
) -> Result<Decimal, Overflow> {
    value.ok_or_else(|| Overflow { what: what() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn csub_is_checked_sub_to_the_scale_and_sign() {
        // Zeros of either sign and several scales, the 32-, 64- and 96-bit paths of
        // rust_decimal's addition, mixed scales and both overflows (run in WebAssembly too,
        // where `csub` adds the negated value).
        let mut values: Vec<Decimal> = [
            "0",
            "0.00",
            "1",
            "0.0001",
            "123.45",
            "1.5",
            "2.25",
            "4294967295",
            "4294967296",
            "18446744073709551615",
            "99999999999999999999.999",
            "0.0000000000000000000000000001",
            "79228162514264337593543950335",
        ]
        .iter()
        .map(|s| d(s))
        .collect();
        values.extend(values.clone().into_iter().map(|v| -v));
        for a in &values {
            for b in &values {
                let (ours, theirs) = (a.csub(*b), a.checked_sub(*b));
                assert_eq!(ours, theirs, "{a} - {b}");
                if let (Some(x), Some(y)) = (ours, theirs) {
                    assert_eq!(
                        (x.to_string(), x.scale(), x.is_sign_negative()),
                        (y.to_string(), y.scale(), y.is_sign_negative()),
                        "{a} - {b}"
                    );
                }
            }
        }
        // 26 values: both overflows are among the pairs (max − (−max), −max − max).
        assert_eq!(values.len(), 26);
        assert_eq!(values[12].csub(values[25]), None);
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn each_strategy_at_a_midpoint() {
        // 0.125 lies exactly between 0.12 and 0.13.
        let cases = [
            (Rounding::HalfUp, "0.13"),
            (Rounding::HalfEven, "0.12"),
            (Rounding::Up, "0.13"),
            (Rounding::Down, "0.12"),
        ];
        for (rounding, want) in cases {
            let rule = MoneyRule::new(2, rounding);
            assert_eq!(rule.round(d("0.125")).to_string(), want, "{rounding:?}");
        }
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn amounts_show_all_decimals() {
        let rule = MoneyRule::new(2, Rounding::HalfUp);
        assert_eq!(rule.round(d("4.5")).to_string(), "4.50");
        assert_eq!(rule.zero().to_string(), "0.00");
        assert_eq!(rule.ceil_whole(d("10.01")).to_string(), "11.00");
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn words_round_trip() {
        for r in [
            Rounding::HalfUp,
            Rounding::HalfEven,
            Rounding::Up,
            Rounding::Down,
        ] {
            assert_eq!(Rounding::from_word(r.as_word()), Some(r));
        }
        assert_eq!(Rounding::from_word("nearest"), None);
    }
}
