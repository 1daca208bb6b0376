//! Numbers as people type them in the page's language: what a language shows, it accepts.
//!
//! English reads `1,200.5` (comma groups thousands, point is the decimal mark), German
//! `1.200,5`, French `1 200,5` (a space of any kind groups thousands). A separator is taken as a
//! thousands separator only where it can be one (groups of three digits after the first);
//! otherwise text with the other language's decimal mark (`1,5` on an English page, `1.5` on a
//! German one) is refused as ambiguous, never silently read one way. Plain text (`12`,
//! `2.5e3`, a point on its own in `0.5`… on an English page) goes to the core's own reader.
//!
//! The form keeps text as typed; [`canonical`] turns it into the scenario's decimal text
//! (share links, exports), [`localised`] turns scenario text back into the page's language.

use crate::lang::Lang;
use crate::rating::problem::Problem;
use crate::rating::scenario::Amount;

/// The (decimal mark, thousands separator) a language writes. Spaces are read as thousands
/// separators in every language.
fn marks(lang: Lang) -> (char, char) {
    match lang {
        Lang::En => ('.', ','),
        Lang::De => (',', '.'),
        Lang::Fr => (',', '\u{202f}'),
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Whether `int` (digits and `sep`s) is grouped by thousands: 1–3 digits, then groups of 3.
fn grouped(int: &str, sep: impl Fn(char) -> bool) -> bool {
    let mut groups = int.split(sep);
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    first_ok && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// Reads `text` as typed on a page in `lang`: `Ok` with the core's amount (which may still be
/// `Invalid` or `TooLarge`: the core names those), or `Err` when the separators could mean two
/// different numbers.
pub fn read(text: &str, lang: Lang) -> Result<Amount, Problem> {
    let t = text.trim();
    let (decimal, thousands) = marks(lang);
    let is_group = |c: char| c == thousands || is_space(c);
    let other_decimal = if decimal == '.' { ',' } else { '.' };
    let (sign, body) = match t.strip_prefix(['-', '+']) {
        Some(rest) => (&t[..1], rest),
        None => ("", t),
    };
    let has_group = body.chars().any(is_group);
    let decimals = body.matches(decimal).count();
    let foreign = body.contains(other_decimal) && other_decimal != thousands;
    if !has_group && !foreign {
        // No separators but (perhaps) the decimal mark: the core's reader, with a point.
        return Ok(
            match Amount::parse(&format!("{sign}{}", body.replace(decimal, "."))) {
                Amount::Invalid(_) => Amount::Invalid(text.to_string()),
                a => a,
            },
        );
    }
    let ambiguous = || Problem::AmbiguousNumber {
        text: text.to_string(),
    };
    if foreign || decimals > 1 {
        return Err(ambiguous());
    }
    let (int, frac) = body.split_once(decimal).unwrap_or((body, ""));
    if !grouped(int, is_group) {
        // "1,5" on an English page, "1.5" on a German one: a decimal mark from elsewhere?
        let only_digits = frac.bytes().all(|b| b.is_ascii_digit());
        return if only_digits && int.chars().all(|c| c.is_ascii_digit() || is_group(c)) {
            Err(ambiguous())
        } else {
            Ok(Amount::Invalid(text.to_string()))
        };
    }
    let digits: String = int.chars().filter(|c| c.is_ascii_digit()).collect();
    let canonical = if frac.is_empty() {
        format!("{sign}{digits}")
    } else {
        format!("{sign}{digits}.{frac}")
    };
    Ok(Amount::parse(&canonical))
}

/// `text` typed in `lang` as scenario text (`1.200,5` → `1200.5`); text that is not a number
/// in `lang` stays as it is (the core reports it).
pub fn canonical(text: &str, lang: Lang) -> String {
    match read(text, lang) {
        Ok(Amount::Number(d)) => d.to_string(),
        _ => text.to_string(),
    }
}

/// Scenario text (`2.5`) as a person would type it in `lang` (`2,5`), without thousands
/// separators; text that is not a plain decimal stays as it is.
pub fn localised(text: &str, lang: Lang) -> String {
    let t = text.trim();
    let plain = !t.is_empty()
        && t.strip_prefix('-')
            .unwrap_or(t)
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.')
        && t.matches('.').count() <= 1;
    if !plain {
        return text.to_string();
    }
    let (decimal, _) = marks(lang);
    t.replace('.', &decimal.to_string())
}

/// `text`, typed in `from`, as typed in `to` (when the page's language changes).
pub fn relocalised(text: &str, from: Lang, to: Lang) -> String {
    if from == to {
        return text.to_string();
    }
    match read(text, from) {
        Ok(Amount::Number(d)) => localised(&d.to_string(), to),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn num(text: &str, lang: Lang) -> Decimal {
        match read(text, lang) {
            Ok(Amount::Number(d)) => d,
            other => panic!("{text:?} in {lang:?}: {other:?}"),
        }
    }

    fn ambiguous(text: &str, lang: Lang) -> bool {
        matches!(read(text, lang), Err(Problem::AmbiguousNumber { .. }))
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn each_language_reads_what_it_writes() {
        assert_eq!(num("1,200", Lang::En), Decimal::from(1200));
        assert_eq!(num("1,200.5", Lang::En), Decimal::new(12005, 1));
        assert_eq!(num("45.5", Lang::En), Decimal::new(455, 1));
        assert_eq!(num("45,5", Lang::De), Decimal::new(455, 1));
        assert_eq!(num("1.200", Lang::De), Decimal::from(1200));
        assert_eq!(num("1.200,75", Lang::De), Decimal::new(120075, 2));
        assert_eq!(num("1 200,5", Lang::Fr), Decimal::new(12005, 1));
        assert_eq!(num("1\u{202f}200", Lang::Fr), Decimal::from(1200));
        assert_eq!(num("1\u{a0}200", Lang::De), Decimal::from(1200));
        assert_eq!(num("-3,5", Lang::De), Decimal::new(-35, 1));
        assert_eq!(num(" 12 ", Lang::En), Decimal::from(12));
        assert_eq!(num("2e3", Lang::En), Decimal::from(2000));
        assert_eq!(num("0,25", Lang::Fr), Decimal::new(25, 2));
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_other_languages_decimal_mark_is_refused_not_misread() {
        assert!(ambiguous("1,5", Lang::En)); // a German 1.5, or a mistyped 15?
        assert!(ambiguous("45.5", Lang::De));
        assert!(ambiguous("1.5", Lang::Fr));
        assert!(ambiguous("1,200,5", Lang::En));
        assert!(ambiguous("1.200.5", Lang::De));
        assert_eq!(read("1,2,3", Lang::De), Ok(Amount::Invalid("1,2,3".into())));
        // Not numbers at all: the core's "not a number".
        assert_eq!(read("abc", Lang::De), Ok(Amount::Invalid("abc".into())));
        assert_eq!(read("", Lang::De), Ok(Amount::Invalid("".into())));
        assert_eq!(read("1.2x", Lang::De), Ok(Amount::Invalid("1.2x".into())));
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn text_moves_between_languages() {
        assert_eq!(canonical("1.200,5", Lang::De), "1200.5");
        assert_eq!(canonical("abc", Lang::De), "abc");
        assert_eq!(localised("2.5", Lang::De), "2,5");
        assert_eq!(localised("2.5", Lang::En), "2.5");
        assert_eq!(localised("1e3", Lang::De), "1e3");
        assert_eq!(relocalised("45,5", Lang::De, Lang::En), "45.5");
        assert_eq!(relocalised("1,200", Lang::En, Lang::Fr), "1200");
        assert_eq!(relocalised("x", Lang::En, Lang::De), "x");
    }
}
