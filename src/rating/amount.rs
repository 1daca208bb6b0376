//! A number of a scenario as a person wrote it ([`Amount`]: a JSON number or decimal text,
//! read exactly; a binary float only where JSON hands one over), and the rules every such
//! number is checked by ([`check_amount`]).

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::money::DecimalOps as _;
use super::problem::Problem;

/// A number in a scenario: a JSON number or a decimal string. Text that is not a number is
/// kept so that validation can report it with its field path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Amount {
    /// A number, exactly as written.
    Number(Decimal),
    /// A number too large for the decimal type (beyond about 7.9 × 10^28), as written.
    TooLarge(String),
    /// A number with more decimal places than the decimal type holds (28), as written
    /// (`0.00000000000000000000000000001`, `1e-29`): refused, not rounded to 0.
    TooPrecise(String),
    /// Anything that is not a finite decimal number, as it was written.
    Invalid(String),
}

/// Whether text has the shape of a number (`-12.5`, `1e30`), even one too large to hold.
fn looks_numeric(t: &str) -> bool {
    let t = t.strip_prefix(['-', '+']).unwrap_or(t);
    let (mantissa, exponent) = match t.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['-', '+']).unwrap_or(e))),
        None => (t, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((a, b)) => {
            (digits(a) || a.is_empty())
                && (digits(b) || b.is_empty())
                && !(a.is_empty() && b.is_empty())
        }
        None => digits(mantissa),
    };
    mantissa_ok && exponent.is_none_or(digits)
}

/// A JSON/JavaScript number as the decimal a person typed (see `visit_f64`).
fn amount_from_float(v: f64) -> Amount {
    if v.is_nan() {
        return Amount::Invalid("NaN".into());
    }
    if v.is_infinite() {
        return Amount::TooLarge("Infinity".into());
    }
    // Below 10^-28 a JSON number has no exact decimal here (and is not a count anyone means).
    if v != 0.0 && v.abs() < 1e-28 {
        return Amount::TooPrecise("that number".into());
    }
    match Decimal::from_f64_retain(v) {
        Some(exact) => Amount::Number(exact.round_sf(15).unwrap_or(exact).normalize()),
        None => Amount::TooLarge("that number".into()),
    }
}

/// Reads `1.5e3` / `2E-2` exactly: the mantissa as a decimal, shifted by the exponent.
/// `None` when the text is not of that form or the value does not fit exactly (too large,
/// or more than 28 decimal places).
fn scientific(t: &str) -> Option<Decimal> {
    let (mantissa, exponent) = t.split_once(['e', 'E'])?;
    let mut value = Decimal::from_str_exact(mantissa).ok()?;
    let exponent: i32 = exponent
        .strip_prefix('+')
        .unwrap_or(exponent)
        .parse()
        .ok()?;
    if value.is_zero() {
        return Some(Decimal::ZERO);
    }
    if exponent.unsigned_abs() > 56 {
        return None;
    }
    for _ in 0..exponent.unsigned_abs() {
        value = if exponent > 0 {
            value.cmul(Decimal::TEN)?
        } else {
            // Exact only while the scale stays within 28 places.
            if value.scale() >= 28 {
                return None;
            }
            let mut shifted = value;
            shifted.set_scale(value.scale() + 1).ok()?;
            shifted
        };
    }
    Some(value)
}

/// Whether number text that did not fit is too precise rather than too large: its value
/// (rounded) is below 1.
fn is_tiny(t: &str) -> bool {
    let t = t.strip_prefix(['-', '+']).unwrap_or(t);
    let (mantissa, exponent) = match t.split_once(['e', 'E']) {
        Some((m, e)) => (
            m,
            e.strip_prefix('+').unwrap_or(e).parse::<i64>().unwrap_or(0),
        ),
        None => (t, 0),
    };
    let int_digits = mantissa
        .split('.')
        .next()
        .unwrap_or("")
        .trim_start_matches('0')
        .len() as i64;
    int_digits + exponent <= 0
}

/// Reads number text: plain decimals exactly, scientific notation when it fits exactly.
fn amount_from_text(text: &str) -> Amount {
    let t = text.trim();
    if let Ok(d) = Decimal::from_str_exact(t) {
        return Amount::Number(d);
    }
    if let Some(d) = scientific(t) {
        return Amount::Number(d);
    }
    match (looks_numeric(t), is_tiny(t)) {
        (true, true) => Amount::TooPrecise(text.to_string()),
        (true, false) => Amount::TooLarge(text.to_string()),
        _ => Amount::Invalid(text.to_string()),
    }
}

impl Amount {
    /// Reads number text as a person typed it: a decimal (`2.5`), or scientific notation.
    pub fn parse(text: &str) -> Amount {
        amount_from_text(text)
    }

    /// An amount from an integer.
    pub fn from_int(v: i64) -> Amount {
        Amount::Number(Decimal::from(v))
    }
}

impl From<Decimal> for Amount {
    fn from(v: Decimal) -> Self {
        Amount::Number(v)
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Amount::Number(d) => s.serialize_str(&d.normalize().to_string()),
            Amount::TooLarge(t) | Amount::TooPrecise(t) | Amount::Invalid(t) => s.serialize_str(t),
        }
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number or a decimal string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Amount, E> {
                Ok(amount_from_text(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
                Ok(Amount::Number(Decimal::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
                Ok(Amount::Number(Decimal::from(v)))
            }
            // JSON numbers with a fraction arrive as binary floating point (from serde_json
            // and from JavaScript alike). A double holds every decimal of up to 15
            // significant digits closely enough that rounding its exact binary value to 15
            // significant digits gives back exactly the digits the person typed ("0.1" ->
            // 0.1, "2.675" -> 2.675). This is the only place a binary float touches the core.
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Amount, E> {
                Ok(amount_from_float(v))
            }
        }
        d.deserialize_any(V)
    }
}

/// Checks one number of a scenario (or of a form that makes one): a number, not negative, at
/// most `max`, and whole when `whole`. The one place these rules live; user interfaces call it
/// for each input to show every problem at once.
pub fn check_amount(a: &Amount, max: Decimal, whole: bool) -> Result<Decimal, Problem> {
    let d = match a {
        Amount::Number(d) if d.is_sign_negative() && !d.is_zero() => {
            return Err(Problem::Negative { value: *d })
        }
        Amount::Number(d) if *d > max => {
            return Err(Problem::AboveLimit {
                value: d.to_string(),
                limit: max,
            })
        }
        Amount::Number(d) => *d,
        Amount::TooLarge(t) => {
            return Err(Problem::AboveLimit {
                value: t.clone(),
                limit: max,
            })
        }
        Amount::TooPrecise(t) => return Err(Problem::TooPrecise { value: t.clone() }),
        Amount::Invalid(t) => return Err(Problem::NotANumber { text: t.clone() }),
    };
    if whole && !d.is_integer() {
        return Err(Problem::NotWhole { value: d });
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn number_text() {
        assert!(looks_numeric("12"));
        assert!(looks_numeric("-1.5e30"));
        assert!(looks_numeric(".5"));
        assert!(!looks_numeric("."));
        assert!(!looks_numeric("1e"));
        assert!(!looks_numeric("twelve"));
        assert_eq!(
            amount_from_text(" 2.50 "),
            Amount::Number(Decimal::new(250, 2))
        );
        assert_eq!(amount_from_text("1e3"), Amount::Number(Decimal::from(1000)));
        assert_eq!(amount_from_text("1e30"), Amount::TooLarge("1e30".into()));
        assert_eq!(
            amount_from_text("2.5E-2"),
            Amount::Number(Decimal::new(25, 3))
        );
        // Below what 28 decimal places hold: refused, never silently 0.
        assert_eq!(
            amount_from_text("1e-40"),
            Amount::TooPrecise("1e-40".into())
        );
        assert_eq!(
            amount_from_text("1e-29"),
            Amount::TooPrecise("1e-29".into())
        );
        assert_eq!(
            amount_from_text("0.00000000000000000000000000001"),
            Amount::TooPrecise("0.00000000000000000000000000001".into())
        );
        assert_eq!(
            amount_from_text("1e-28"),
            Amount::Number(Decimal::new(1, 28))
        );
        assert_eq!(amount_from_text("0e-99"), Amount::Number(Decimal::ZERO));
        assert_eq!(
            amount_from_text("12345e-3"),
            Amount::Number(Decimal::new(12345, 3))
        );
        assert_eq!(amount_from_text("NaN"), Amount::Invalid("NaN".into()));
        assert_eq!(amount_from_text(""), Amount::Invalid("".into()));
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn floats_become_the_typed_decimals() {
        let read = |json: &str| serde_json::from_str::<Amount>(json).unwrap();
        assert_eq!(read("0.1"), Amount::Number(Decimal::new(1, 1)));
        assert_eq!(read("2.675"), Amount::Number(Decimal::new(2675, 3)));
        assert_eq!(read("1.5e-7"), Amount::Number(Decimal::new(15, 8)));
        assert_eq!(read("1234.5678"), Amount::Number(Decimal::new(12345678, 4)));
        assert_eq!(read("12"), Amount::Number(Decimal::from(12)));
        assert_eq!(read("1e30"), Amount::TooLarge("that number".into()));
        assert_eq!(amount_from_float(f64::NAN), Amount::Invalid("NaN".into()));
        assert_eq!(read("1e-29"), Amount::TooPrecise("that number".into()));
    }
}
