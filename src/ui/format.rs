//! Numbers and money as the page's language writes them, from the core's decimal strings
//! (exact: no binary float on the way). Plain Rust, so the same text comes out in the browser
//! and wherever the page is rendered ahead of time, and no `Intl` object is built per render.
//!
//! English: `$1,234.56`, `1,234.5`; German: `1.234,56 $` (no-break space before the symbol),
//! `1.234,5`; French: `1 234,56 $` (narrow no-break space between thousands). Money keeps every decimal the card rounded to.

use crate::lang::Lang;
use crate::rating::Quote;

/// Formats the numbers of one quote in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numbers<'a> {
    lang: Lang,
    currency: &'a str,
    money_decimals: usize,
}

/// The separators of a language: (thousands, decimal).
fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::En => (',', '.'),
        Lang::De => ('.', ','),
        // French groups thousands with a narrow no-break space.
        Lang::Fr => ('\u{202f}', ','),
    }
}

/// The currency's sign where the language has a short one; otherwise the ISO code is shown.
fn symbol(lang: Lang, currency: &str) -> Option<&'static str> {
    Some(match (currency, lang) {
        ("USD", _) => "$",
        ("EUR", _) => "€",
        ("GBP", _) => "£",
        ("JPY", _) => "¥",
        ("CAD", _) => "CA$",
        ("AUD", Lang::En) => "A$",
        ("AUD", _) => "AU$",
        _ => return None,
    })
}

/// Splits a decimal string into (negative, integer digits, fraction digits). Anything that is
/// not a plain decimal comes back as `None` (and is then shown as it is).
fn parts(value: &str) -> Option<(bool, &str, &str)> {
    let (negative, digits) = match value.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, value),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    (!int.is_empty() && all_digits(int) && all_digits(frac)).then_some((negative, int, frac))
}

/// `int` and `frac` written with the language's separators, `frac` padded to `min_frac` digits.
fn localise(lang: Lang, int: &str, frac: &str, min_frac: usize) -> String {
    let (thousands, decimal) = separators(lang);
    let mut out = String::with_capacity(int.len() + int.len() / 3 + frac.len() + min_frac + 1);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(thousands);
        }
        out.push(c);
    }
    if !frac.is_empty() || min_frac > 0 {
        out.push(decimal);
        out.push_str(frac);
        for _ in frac.len()..min_frac {
            out.push('0');
        }
    }
    out
}

impl<'a> Numbers<'a> {
    /// Numbers of a quote in `currency`, whose money carries `money_decimals` places (the
    /// card's rounding).
    pub fn new(lang: Lang, currency: &'a str, money_decimals: usize) -> Numbers<'a> {
        Numbers {
            lang,
            currency,
            money_decimals,
        }
    }

    /// The numbers of `quote`: its currency, and money with the decimals its card rounds to.
    pub fn of_quote(lang: Lang, quote: &'a Quote) -> Numbers<'a> {
        let decimals = quote.per_minute.monthly_total.amount().scale();
        Numbers::new(lang, &quote.currency, decimals as usize)
    }

    /// The same numbers with money rounded to whole units (chart axes).
    pub fn whole(self) -> Numbers<'a> {
        Numbers {
            money_decimals: 0,
            ..self
        }
    }

    /// "$1,234.56" / "1.234,56 $"; the value's own decimals, at least the card's.
    pub fn money(&self, value: &str) -> String {
        let Some((negative, int, frac)) = parts(value) else {
            return value.to_string();
        };
        let number = localise(self.lang, int, frac, self.money_decimals);
        let sign = if negative { "-" } else { "" };
        match (self.lang, symbol(self.lang, self.currency)) {
            (Lang::En, Some(s)) => format!("{sign}{s}{number}"),
            (Lang::En, None) => format!("{sign}{}\u{a0}{number}", self.currency),
            (Lang::De | Lang::Fr, s) => {
                format!("{sign}{number}\u{a0}{}", s.unwrap_or(self.currency))
            }
        }
    }

    /// A quantity rounded to at most `decimals` places (half away from zero), without trailing
    /// zeros: "267.6", "2,880".
    pub fn plain(&self, value: &str, decimals: u32) -> String {
        plain(self.lang, value, decimals)
    }
}

/// A date (`YYYY-MM-DD`) as `lang` writes it: ISO in English (unambiguous on both sides of
/// the Atlantic), `01.01.2026` in German, `01/01/2026` in French. Other text stays as it is.
pub fn date(lang: Lang, iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match (lang, parts.as_slice()) {
        (Lang::De, [y, m, d]) => format!("{d}.{m}.{y}"),
        (Lang::Fr, [y, m, d]) => format!("{d}/{m}/{y}"),
        _ => iso.to_string(),
    }
}

/// `value` rounded to at most `decimals` places (half away from zero) on its digits, without
/// trailing zeros: (negative, integer digits, fraction digits). `None` when not a number.
fn rounded_parts(value: &str, decimals: u32) -> Option<(bool, String, String)> {
    let (negative, int, frac) = parts(value)?;
    let keep = (decimals as usize).min(frac.len());
    let mut digits: Vec<u8> = int.bytes().chain(frac.bytes().take(keep)).collect();
    if frac.as_bytes().get(keep).is_some_and(|d| *d >= b'5') {
        // Add one unit in the last kept place, carrying leftwards.
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let split = digits.len() - keep;
    let (int, frac) = digits.split_at(split);
    let int = std::str::from_utf8(int)
        .unwrap_or("0")
        .trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = std::str::from_utf8(frac)
        .unwrap_or("")
        .trim_end_matches('0');
    let zero = int == "0" && frac.is_empty();
    Some((negative && !zero, int.to_string(), frac.to_string()))
}

/// A quantity rounded to at most `decimals` places (half away from zero), without trailing
/// zeros, in `lang`. Rounds on the digits themselves (exact, and no decimal parser in the WASM).
pub fn plain(lang: Lang, value: &str, decimals: u32) -> String {
    let Some((negative, int, frac)) = rounded_parts(value, decimals) else {
        return value.to_string();
    };
    let number = localise(lang, &int, &frac, 0);
    if negative {
        format!("-{number}")
    } else {
        number
    }
}

/// A quantity rounded as [`plain`] rounds it, for a machine: a decimal point and no grouping
/// ("1069.661136" → "1070" with 0 places; "25.002242" → "25" with 1).
pub fn rounded(value: &str, decimals: u32) -> String {
    let Some((negative, int, frac)) = rounded_parts(value, decimals) else {
        return value.to_string();
    };
    let sign = if negative { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

/// Appends the `k`-th item of a list to `out`, after `separator` unless it is the first:
/// `[a, b].join(sep)` written item by item. (Each of `join`'s element types has its own copy of
/// its code; the first view's lists go through this one function instead.)
pub fn push_joined(out: &mut String, k: usize, separator: &str, item: &str) {
    if k > 0 {
        out.push_str(separator);
    }
    out.push_str(item);
}

/// A decimal with exactly its own digits, in `lang`: "0.0220" → "0,0220" in German.
pub fn exact(lang: Lang, value: &str) -> String {
    match parts(value) {
        Some((negative, int, frac)) => {
            let number = localise(lang, int, frac, 0);
            if negative {
                format!("-{number}")
            } else {
                number
            }
        }
        None => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected texts are what `Intl.NumberFormat("en-US"/"de-DE", …)` writes for these values.
    #[test]
    fn items_pushed_one_by_one_read_as_join_would() {
        // As `["", "3", "35"].join("+")`: an empty first item still gets its separator after it.
        let mut out = String::new();
        for (k, item) in ["", "3", "35"].into_iter().enumerate() {
            push_joined(&mut out, k, "+", item);
        }
        assert_eq!(out, "+3+35");
        assert_eq!(out, ["", "3", "35"].join("+"));
    }

    #[test]
    fn money_in_english_and_german() {
        let en = Numbers::new(Lang::En, "USD", 2);
        assert_eq!(en.money("93.36"), "$93.36");
        assert_eq!(en.money("1120.32"), "$1,120.32");
        assert_eq!(en.money("0"), "$0.00");
        assert_eq!(en.money("1234567.5"), "$1,234,567.50");
        assert_eq!(en.money("-5.00"), "-$5.00");
        let de = Numbers::new(Lang::De, "EUR", 2);
        assert_eq!(de.money("1120.32"), "1.120,32\u{a0}€");
        assert_eq!(de.money("0.5"), "0,50\u{a0}€");
        assert_eq!(
            Numbers::new(Lang::En, "CHF", 2).money("12.00"),
            "CHF\u{a0}12.00"
        );
        assert_eq!(
            Numbers::new(Lang::De, "CHF", 2).money("12.00"),
            "12,00\u{a0}CHF"
        );
        // A card with four decimals keeps them all.
        assert_eq!(Numbers::new(Lang::En, "USD", 4).money("0.0125"), "$0.0125");
    }

    #[test]
    fn plain_numbers_round_half_away_from_zero() {
        assert_eq!(plain(Lang::En, "267.55", 1), "267.6");
        assert_eq!(plain(Lang::En, "2880", 1), "2,880");
        assert_eq!(plain(Lang::De, "2880.04", 1), "2.880");
        assert_eq!(plain(Lang::De, "487.5", 1), "487,5");
        assert_eq!(plain(Lang::En, "1000000", 0), "1,000,000");
        assert_eq!(plain(Lang::En, "not a number", 1), "not a number");
        // Carries through nines; trailing zeros go; no "-0".
        assert_eq!(plain(Lang::En, "999.96", 1), "1,000");
        assert_eq!(plain(Lang::En, "0.04", 1), "0");
        assert_eq!(plain(Lang::En, "-0.04", 1), "0");
        assert_eq!(plain(Lang::En, "-2.25", 1), "-2.3");
        assert_eq!(plain(Lang::En, "1.50", 1), "1.5");
        assert_eq!(plain(Lang::En, "007.25", 2), "7.25");
    }

    #[test]
    fn exact_keeps_every_digit() {
        assert_eq!(exact(Lang::En, "0.0220"), "0.0220");
        assert_eq!(exact(Lang::De, "0.0220"), "0,0220");
        assert_eq!(exact(Lang::De, "1234.5"), "1.234,5");
        assert_eq!(exact(Lang::En, "4"), "4");
    }
}
