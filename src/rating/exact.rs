//! Exact decimal arithmetic on a plain integer, for the hot loop of the grouping
//! ([`super::usage::aggregate`]): a value is `mantissa × 10^-scale`, as in [`Decimal`], but
//! multiplied and added with `i128` instructions.
//!
//! The results are identical to `Decimal`'s, digit for digit and scale for scale: a product's
//! scale is the sum of the scales and a sum's the larger one, as in `Decimal`, and a value is
//! only accepted while `Decimal` could hold it without rounding (a mantissa below 2^96, a scale
//! of at most 28). Past that, an operation answers `None` and the caller uses `Decimal` itself.

use rust_decimal::Decimal;

/// An exact decimal: `mantissa × 10^-scale`, within `Decimal`'s range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exact {
    mantissa: i128,
    scale: u32,
}

/// The largest mantissa a `Decimal` holds (96 bits).
const MAX_MANTISSA: i128 = (1 << 96) - 1;
/// The largest scale a `Decimal` holds.
const MAX_SCALE: u32 = 28;

/// 10^0 ..= 10^28.
const POW10: [i128; 29] = {
    let mut table = [1i128; 29];
    let mut i = 1;
    while i < table.len() {
        table[i] = table[i - 1] * 10;
        i += 1;
    }
    table
};

impl Exact {
    /// Zero (scale 0).
    pub const ZERO: Exact = Exact {
        mantissa: 0,
        scale: 0,
    };

    /// The same value as `d`, with its scale.
    pub fn of(d: Decimal) -> Exact {
        Exact {
            mantissa: d.mantissa(),
            scale: d.scale(),
        }
    }

    fn new(mantissa: i128, scale: u32) -> Option<Exact> {
        (mantissa.unsigned_abs() <= MAX_MANTISSA as u128 && scale <= MAX_SCALE)
            .then_some(Exact { mantissa, scale })
    }

    /// `self × other`, or `None` where `Decimal` would have to round. As in `Decimal`, a
    /// product with zero is plain zero (scale 0).
    pub fn checked_mul(self, other: Exact) -> Option<Exact> {
        if self.is_zero() || other.is_zero() {
            return Some(Exact::ZERO);
        }
        let small = |m: i128| m.unsigned_abs() <= i64::MAX as u128;
        let product = if small(self.mantissa) && small(other.mantissa) {
            // Two factors below 2^63 cannot overflow 127 bits: no check needed.
            self.mantissa * other.mantissa
        } else {
            self.mantissa.checked_mul(other.mantissa)?
        };
        Exact::new(product, self.scale + other.scale)
    }

    /// `self + other`, or `None` where `Decimal` would have to round. As in `Decimal`, adding
    /// zero gives the other operand as it is (`5 + 0.00` is `5`).
    pub fn checked_add(self, other: Exact) -> Option<Exact> {
        if other.is_zero() {
            return Some(self);
        }
        if self.is_zero() {
            return Some(other);
        }
        if self.scale == other.scale {
            return Exact::new(self.mantissa.checked_add(other.mantissa)?, self.scale);
        }
        let scale = self.scale.max(other.scale);
        let up = |e: Exact| {
            let factor = *POW10.get(usize::try_from(scale - e.scale).ok()?)?;
            if e.mantissa.unsigned_abs() < 1 << 33 {
                // 2^33 × 10^28 < 2^127: no check needed.
                Some(e.mantissa * factor)
            } else {
                e.mantissa.checked_mul(factor)
            }
        };
        Exact::new(up(self)?.checked_add(up(other)?)?, scale)
    }

    /// Whether the value is zero.
    pub fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    /// The value as a `Decimal` (always representable: see [`Exact::new`]).
    pub fn to_decimal(self) -> Decimal {
        Decimal::from_i128_with_scale(self.mantissa, self.scale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// Products and sums agree with `Decimal` in value and in scale ("6.0" stays "6.0").
    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn agrees_with_decimal_digit_for_digit() {
        for (a, b) in [
            ("1.5", "4"),
            ("0.25", "2.5"),
            ("1860", "6.0"),
            ("0", "3.75"),
            ("0.00", "5"),
            ("5", "0.00"),
            ("1.50", "2.5"),
            ("2.5", "-2.5"),
            ("100000", "1000000"),
        ] {
            let (x, y) = (d(a), d(b));
            let p = Exact::of(x).checked_mul(Exact::of(y)).unwrap().to_decimal();
            assert_eq!(
                (p, p.to_string()),
                (x * y, (x * y).to_string()),
                "{a} x {b}"
            );
            let s = Exact::of(x).checked_add(Exact::of(y)).unwrap().to_decimal();
            assert_eq!(
                (s, s.to_string()),
                (x + y, (x + y).to_string()),
                "{a} + {b}"
            );
        }
    }

    /// Beyond `Decimal`'s exact range the answer is `None`, never a rounded value.
    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn refuses_what_decimal_would_round() {
        let big = Exact::of(Decimal::MAX);
        assert_eq!(big.checked_add(Exact::of(Decimal::ONE)), None);
        assert_eq!(big.checked_mul(Exact::of(d("2"))), None);
        // Scale 15 + 15 = 30 > 28.
        let fine = Exact::of(d("0.000000000000001"));
        assert_eq!(fine.checked_mul(fine), None);
    }
}
