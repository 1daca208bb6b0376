//! Rate-card validation: checks a [`CardDocument`] (then `assemble.rs` makes it a
//! [`RateCard`]) or returns the first [`CardError`] found, naming the field and the offending
//! value.

use rust_decimal::Decimal;

use super::assemble::date;
use super::document::{CardDocument, CountryDocument, DecimalText, Translations};
use super::problem::{CardProblem, MAX_POOL_MINUTES};
use super::{CardDate, CountryCode, RateCard};
use crate::rating::error::CardError;
use crate::rating::iso;
use crate::rating::money::{Rate, Rounding, MAX_MONEY_DECIMALS};

impl TryFrom<CardDocument> for RateCard {
    type Error = CardError;

    fn try_from(doc: CardDocument) -> Result<Self, Self::Error> {
        RateCard::from_document(doc)
    }
}

impl RateCard {
    /// Validates a written card. Rules (each failure names its field):
    /// - `id` is `[a-z0-9-]+` (1 to 64 characters); `name` and `source` are not empty;
    /// - `currency` is an ISO 4217 code; `effective_from` is a real date `YYYY-MM-DD`;
    /// - `billing.increment_seconds` and `billing.minimum_seconds` lie in 1..=3600;
    ///   `billing.rounding` is `half_up`, `half_even`, `up` or `down`; `billing.decimals` is 0..=4;
    /// - every rate and price is a non-negative decimal string; money values (prices, the
    ///   connection fee, the minimum purchase) have no more decimals than `billing.decimals`;
    /// - `licence.pool_basis` is `assigned` or `purchased`; `licence.pool_zone` is a zone name;
    /// - country codes are ISO 3166-1 alpha-2 and each appears once;
    /// - every add-on country is listed in `countries`.
    pub fn from_document(doc: CardDocument) -> Result<RateCard, CardError> {
        check(&doc)?;
        Ok(RateCard::assemble(doc))
    }
}

/// The rules of [`RateCard::from_document`], in order; the first one broken is the error.
fn check(doc: &CardDocument) -> Result<(), CardError> {
    check_id(&doc.id)?;
    not_empty("name", &doc.name)?;
    not_empty("source", &doc.source)?;
    if !iso::is_currency_code(&doc.currency) {
        return Err(CardError::new(
            "currency",
            CardProblem::NotACurrency {
                text: doc.currency.clone(),
            },
        ));
    }
    check_date(&doc.effective_from.0)?;
    translations(&doc.translations)?;

    let b = &doc.billing;
    seconds_in_range("billing.increment_seconds", b.increment_seconds)?;
    seconds_in_range("billing.minimum_seconds", b.minimum_seconds)?;
    if Rounding::from_word(&b.rounding).is_none() {
        return Err(CardError::new(
            "billing.rounding",
            CardProblem::UnknownRounding {
                text: b.rounding.clone(),
            },
        ));
    }
    if !(0..=i64::from(MAX_MONEY_DECIMALS)).contains(&b.decimals) {
        return Err(CardError::new(
            "billing.decimals",
            CardProblem::DecimalsOutOfRange { value: b.decimals },
        ));
    }
    let decimals = b.decimals as u32;
    if let Some(fee) = &b.connection_fee {
        money_value("billing.connection_fee", fee, decimals)?;
    }

    let l = &doc.licence;
    money_value(
        "licence.price_per_user_month",
        &l.price_per_user_month,
        decimals,
    )?;
    if !(0..=MAX_POOL_MINUTES).contains(&l.pool_minutes_per_licence) {
        return Err(CardError::new(
            "licence.pool_minutes_per_licence",
            CardProblem::PoolMinutesOutOfRange {
                value: l.pool_minutes_per_licence,
            },
        ));
    }
    if !matches!(l.pool_basis.as_str(), "assigned" | "purchased") {
        return Err(CardError::new(
            "licence.pool_basis",
            CardProblem::UnknownPoolBasis {
                text: l.pool_basis.clone(),
            },
        ));
    }
    check_zone("licence.pool_zone", &l.pool_zone)?;

    money_value(
        "credits.minimum_purchase",
        &doc.credits.minimum_purchase,
        decimals,
    )?;

    let listed = countries(&doc.countries)?;

    if let Some(a) = &doc.addons.us_canada_dial_out {
        let field = "addons.us_canada_dial_out";
        money_value(
            &format!("{field}.price_per_organiser_month"),
            &a.price_per_organiser_month,
            decimals,
        )?;
        let mut set: Vec<CountryCode> = Vec::new();
        for (i, code) in a.countries.iter().enumerate() {
            let path = format!("{field}.countries[{i}]");
            let c = country_code(&path, code)?;
            if !listed.contains(&c) {
                return Err(CardError::new(
                    path,
                    CardProblem::AddonCountryNotListed { code: c },
                ));
            }
            if set.contains(&c) {
                return Err(CardError::new(
                    path,
                    CardProblem::AddonCountryTwice { code: c },
                ));
            }
            set.push(c);
        }
    }
    Ok(())
}

/// Checks the countries; returns the codes they list.
fn countries(docs: &[CountryDocument]) -> Result<Vec<CountryCode>, CardError> {
    if docs.is_empty() {
        return Err(CardError::new("countries", CardProblem::NoCountries));
    }
    let mut listed = Vec::with_capacity(docs.len());
    // First position of each code, by the code's dense slot (0 = not seen yet).
    let mut first_index = vec![0usize; 26 * 26];
    for (i, c) in docs.iter().enumerate() {
        let base = format!("countries[{i}]");
        let code = country_code(&format!("{base}.code"), &c.code)?;
        if let Some(seen) = first_index.get_mut(code.slot()) {
            if *seen != 0 {
                let first = *seen - 1;
                return Err(CardError::new(
                    format!("{base}.code"),
                    CardProblem::CountryTwice { code, first },
                ));
            }
            *seen = i + 1;
        }
        if let Some(zone) = &c.zone {
            check_zone(&format!("{base}.zone"), zone)?;
        }
        for (field, v) in [
            ("toll_dial_in", &c.toll_dial_in),
            ("toll_free_dial_in", &c.toll_free_dial_in),
            ("dial_out", &c.dial_out),
        ] {
            if let Some(t) = v {
                non_negative(&format!("{base}.{field}"), t).map_err(|e| with_country(e, code))?;
            }
        }
        listed.push(code);
    }
    Ok(listed)
}

fn with_country(mut e: CardError, code: CountryCode) -> CardError {
    e.country = Some(code);
    e
}

fn country_code(field: &str, code: &str) -> Result<CountryCode, CardError> {
    CountryCode::parse(code).ok_or_else(|| {
        let upper = code.to_ascii_uppercase();
        let in_capitals = (upper != code && CountryCode::parse(&upper).is_some()).then_some(upper);
        CardError::new(
            field,
            CardProblem::NotACountryCode {
                text: code.to_string(),
                in_capitals,
            },
        )
    })
}

fn check_id(id: &str) -> Result<(), CardError> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(CardError::new(
            "id",
            CardProblem::NotAnId { text: id.into() },
        ))
    }
}

fn not_empty(field: &str, value: &str) -> Result<(), CardError> {
    if value.trim().is_empty() {
        Err(CardError::new(field, CardProblem::Empty))
    } else {
        Ok(())
    }
}

fn check_zone(field: &str, zone: &str) -> Result<(), CardError> {
    let ok = !zone.is_empty()
        && zone.len() <= 8
        && zone
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(CardError::new(
            field,
            CardProblem::NotAZone { text: zone.into() },
        ))
    }
}

fn seconds_in_range(field: &str, value: i64) -> Result<u32, CardError> {
    if (1..=3600).contains(&value) {
        Ok(value as u32)
    } else {
        Err(CardError::new(
            field,
            CardProblem::SecondsOutOfRange { value },
        ))
    }
}

/// Parses a non-negative decimal string exactly (no silent rounding of long inputs).
fn non_negative(field: &str, text: &DecimalText) -> Result<Rate, CardError> {
    let t = text.0.as_str();
    let value = Decimal::from_str_exact(t)
        .map_err(|_| CardError::new(field, CardProblem::NotADecimal { text: t.into() }))?;
    if value.is_sign_negative() && !value.is_zero() {
        return Err(CardError::new(
            field,
            CardProblem::Negative { text: t.into() },
        ));
    }
    Ok(Rate::new(value))
}

/// A money value: non-negative and with no more decimals than the currency has.
fn money_value(field: &str, text: &DecimalText, decimals: u32) -> Result<Rate, CardError> {
    let rate = non_negative(field, text)?;
    if rate.value().normalize().scale() > decimals {
        return Err(CardError::new(
            field,
            CardProblem::TooManyDecimals {
                text: text.0.clone(),
                decimals,
            },
        ));
    }
    Ok(rate)
}

fn check_date(text: &str) -> Result<(), CardError> {
    let bad = || {
        CardError::new(
            "effective_from",
            CardProblem::NotADate { text: text.into() },
        )
    };
    let parts: Vec<&str> = text.split('-').collect();
    if parts.len() != 3
        || parts[0].len() != 4
        || parts[1].len() != 2
        || parts[2].len() != 2
        || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(bad());
    }
    // Four, two and two digits: the assembled date holds them exactly.
    let CardDate { year, month, day } = date(text);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if day == 0 || day > days_in_month {
        return Err(bad());
    }
    Ok(())
}

/// `[translations.LANG]`: each key a lowercase ISO 639-1 code, once; texts not blank.
#[allow(clippy::type_complexity)]
fn translations(
    t: &Translations,
) -> Result<Vec<(String, Option<String>, Option<String>)>, CardError> {
    let mut out: Vec<(String, Option<String>, Option<String>)> = Vec::with_capacity(t.0.len());
    for (lang, texts) in &t.0 {
        let field = format!("translations.{lang}");
        if lang.len() != 2 || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(CardError::new(
                field,
                CardProblem::NotALanguage { text: lang.clone() },
            ));
        }
        if out.iter().any(|(l, _, _)| l == lang) {
            return Err(CardError::new(field, CardProblem::TranslatedTwice));
        }
        let kept = |text: &Option<String>| text.clone().filter(|t| !t.trim().is_empty());
        out.push((lang.clone(), kept(&texts.name), kept(&texts.tax_note)));
    }
    Ok(out)
}
