//! Building the scenario and the report from what the import counted.
//!
//! Rules (`../shared/spec/usage-export.md`, and the ones this project adds):
//! - Legs are grouped by (country, way of joining, length in whole seconds); each group is a
//!   scenario leg whose `count` is its number of calls in the period and whose `minutes` is
//!   `seconds / 60` rounded toward zero to 6 decimals (exact when the seconds divide by 3;
//!   otherwise at most 0.06 ms short, which never changes the billed seconds: a leg of `s`
//!   whole seconds bills `ceil(s / increment)` increments either way).
//! - The period is the export's time range (`parameters.json`), else the whole UTC days from
//!   the first to the last call's start, else the number of days given. A date without a time
//!   at the end of a range counts that whole day.
//! - The measured profiles' `perMonth` is `(365.25 / 12) / days` rounded half away from zero
//!   to 6 decimals: the period's calls become calls per month.
//! - A profile holds at most 1,000 groups and a group at most 100,000 calls (the scenario's
//!   limits): more become further profiles or further groups of the same length.
//! - Organisers: the distinct UPNs of the rows used (case ignored), unless given. With none
//!   found, 1, and the report says so.
//! - The organisation's country: Graph's `tenantCountryCode` when all rows agree.
//! - A leg's country: `External Country`, else the number dialled, else the name dialled;
//!   never `Caller ID` (`tally.rs`). Legs up to 30 hours are used.
//! - Graph pages: when every page given has an `@odata.nextLink`, pages are missing (said).

use rust_decimal::prelude::*;

use super::legs::minutes_of;
use super::legs::profiles;
use super::reconcile::{fit_to_card, NotOnCard};
use super::report::{
    BasisGroup, BilledRow, FileNote, ImportOptions, Imported, LeftOutRows, Named, Period,
    PeriodSource, Report, UsageRow,
};
use super::tally::Tally;
use super::values::{civil_from_days, instant, Instant};
use super::ExportError;
use crate::rating::scenario::Amount;
use crate::rating::usage::billable_seconds;
use crate::rating::CountryCode;
use crate::rating::{Call, RateCard, ScenarioDocument};
use std::collections::BTreeMap;

/// Days in an average month: 365.25 / 12.
const DAYS_PER_MONTH: Decimal = Decimal::from_parts(304_375, 0, 0, false, 4);

/// A period read from `parameters.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodHint {
    start: Instant,
    end: Instant,
}

impl PeriodHint {
    /// Reads the time range of a `parameters.json`: the first date-like text under a key that
    /// says start/from and under one that says end/until/to (`endDate`, `To`, and Graph's own
    /// `toDateTime`), searched at any depth.
    pub fn from_parameters(text: &[u8]) -> Option<PeriodHint> {
        let value: serde_json::Value = serde_json::from_slice(text).ok()?;
        let mut start = None;
        let mut end = None;
        find_dates(&value, &mut start, &mut end, 0);
        let (start, end) = (start?, end?);
        (end.seconds >= start.seconds).then_some(PeriodHint { start, end })
    }
}

fn find_dates(
    v: &serde_json::Value,
    start: &mut Option<Instant>,
    end: &mut Option<Instant>,
    depth: u8,
) {
    let serde_json::Value::Object(map) = v else {
        return;
    };
    if depth > 4 {
        return;
    }
    for (key, value) in map {
        let key = super::columns::fold(key);
        match value {
            serde_json::Value::String(s) => {
                let Some(t) = instant(s) else { continue };
                if start.is_none() && (key.contains("start") || key.contains("from")) {
                    *start = Some(t);
                } else if end.is_none()
                    && (key.contains("end")
                        || key.contains("until")
                        || key.ends_with("to")
                        || key.starts_with("todate"))
                {
                    *end = Some(t);
                }
            }
            nested => find_dates(nested, start, end, depth + 1),
        }
    }
}

/// The period: from `parameters.json`, else the calls' span, else the days given.
fn period(
    tally: &Tally,
    hint: Option<PeriodHint>,
    options: &ImportOptions,
) -> Result<Period, ExportError> {
    const DAY: i64 = 86_400;
    // Whole UTC days from the first to the last, both counted.
    let span = |first: i64, last: i64| {
        let days = u32::try_from(last - first + 1).unwrap_or(u32::MAX);
        (Some(first), Some(last), days)
    };
    let ((from_day, to_day, days), source) = if let Some(h) = hint {
        let end = h.end.seconds + if h.end.date_only { DAY } else { 0 };
        let first = h.start.seconds.div_euclid(DAY);
        let last = (end - 1).div_euclid(DAY).max(first);
        (span(first, last), PeriodSource::Parameters)
    } else if let Some((a, b)) = tally.span {
        (
            span(a.div_euclid(DAY), b.div_euclid(DAY)),
            PeriodSource::CallTimes,
        )
    } else if let Some(days) = options.days {
        ((None, None, days), PeriodSource::Given)
    } else {
        return Err(ExportError::NoPeriod);
    };
    if days == 0 || days > 3_660 {
        return Err(ExportError::PeriodOutOfRange { days });
    }
    let factor = (DAYS_PER_MONTH / Decimal::from(days))
        .round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero);
    Ok(Period {
        from: from_day.map(civil_from_days),
        to: to_day.map(civil_from_days),
        days,
        source,
        month_factor: factor.normalize().to_string(),
    })
}

/// The import's scenario for pricing with `card` in the widget: [`fit_to_card`], then the legs
/// grouped by the time `card` bills for them (`max(minimum, ceil(s / increment) × increment)`)
/// instead of their exact length. The same price under this card with far fewer legs (a year
/// of calls has thousands of distinct lengths, but few billed lengths); a card with other
/// increments would bill these lengths, not the real ones, so the widget says which card the
/// profile was grouped for.
pub fn for_card(imported: &Imported, card: &RateCard) -> (ScenarioDocument, Vec<NotOnCard>) {
    let (mut doc, dropped) = fit_to_card(imported, card);
    let billing = card.billing();
    let mut groups: BTreeMap<(CountryCode, Call, Decimal), u64> = BTreeMap::new();
    let mut name = None;
    let mut per_month = Decimal::ONE;
    for meeting in &doc.meetings {
        name.get_or_insert_with(|| meeting.name.clone());
        if let Amount::Number(d) = meeting.per_month {
            per_month = d;
        }
        for leg in &meeting.legs {
            let (Some(country), Some(call)) =
                (CountryCode::parse(&leg.country), Call::from_word(&leg.call))
            else {
                continue;
            };
            let (Amount::Number(count), Some(Amount::Number(minutes))) = (&leg.count, &leg.minutes)
            else {
                continue;
            };
            let seconds = minutes
                .checked_mul(Decimal::from(60))
                .unwrap_or(Decimal::ZERO);
            let billed = if seconds.is_zero() || call == Call::App {
                *minutes
            } else {
                billable_seconds(seconds, billing.increment_seconds, billing.minimum_seconds)
                    .map(|b| minutes_of(b.to_u32().unwrap_or(0)))
                    .unwrap_or(*minutes)
            };
            *groups.entry((country, call, billed)).or_default() += count.to_u64().unwrap_or(0);
        }
    }
    let name = name.unwrap_or_else(|| ImportOptions::default().profile_name);
    // The name without a "(1/3)" part: the profiles are numbered afresh.
    let base = match name.rfind(" (") {
        Some(i) if name.ends_with(')') => name[..i].to_string(),
        _ => name,
    };
    doc.meetings = profiles(&base, per_month, groups.into_iter().collect());
    (doc, dropped)
}

/// Builds the scenario and the report from what was counted.
pub fn build(
    tally: Tally,
    files: Vec<FileNote>,
    hint: Option<PeriodHint>,
    options: &ImportOptions,
) -> Result<Imported, ExportError> {
    if files.is_empty() {
        return Err(ExportError::NoFiles);
    }
    let period = period(&tally, hint, options)?;
    let factor = Decimal::from_str_exact(&period.month_factor).unwrap_or(Decimal::ONE);
    let found = tally.organisers();
    let organisers = options
        .organisers
        .unwrap_or(if found == 0 && tally.rows_used > 0 {
            1
        } else {
            found
        });

    // Groups sorted by country, way of joining and length (whatever offer billed them);
    // counts split at the limit.
    let mut merged: BTreeMap<(CountryCode, Call, u32), u64> = BTreeMap::new();
    for ((country, call, secs, _), n) in &tally.groups {
        *merged.entry((*country, *call, *secs)).or_default() += n;
    }
    let groups: Vec<_> = merged
        .into_iter()
        .map(|((country, call, secs), n)| ((country, call, minutes_of(secs)), n))
        .collect();
    let meetings = profiles(&options.profile_name, factor, groups);
    let mut by_basis: Vec<BasisGroup> = tally
        .groups
        .iter()
        .map(|((country, call, seconds, basis), legs)| BasisGroup {
            basis: *basis,
            country: *country,
            call: *call,
            seconds: *seconds,
            legs: *legs,
        })
        .collect();
    by_basis.sort_unstable();
    let organisation_country = match tally.tenant_countries.keys().collect::<Vec<_>>()[..] {
        [one] => Some(one.as_str().to_string()),
        _ => None,
    };
    let scenario = ScenarioDocument {
        organisers: Amount::Number(Decimal::from(organisers)),
        licences_purchased: None,
        us_canada_addon: false,
        organisation_country,
        meetings,
        card: None,
    };
    // By offer, way of joining, country, then currency code.
    let mut billed: Vec<BilledRow> = tally
        .billed
        .iter()
        .map(|((basis, call, country, currency), b)| BilledRow {
            basis: *basis,
            call: *call,
            country: country.as_str().to_string(),
            currency: tally.currencies.get(*currency).cloned().unwrap_or_default(),
            legs: b.legs,
            charge: b.charge.to_string(),
            connection_fee: b.connection_fee.to_string(),
            amount: b
                .charge
                .checked_add(b.connection_fee)
                .unwrap_or(b.charge)
                .to_string(),
        })
        .collect();
    billed.sort_by(|a, b| {
        (a.basis, a.call, &a.country, &a.currency).cmp(&(b.basis, b.call, &b.country, &b.currency))
    });
    let report = Report {
        files,
        period,
        rows_read: tally.rows_read,
        rows_used: tally.rows_used,
        left_out: tally
            .left_out
            .iter()
            .map(|(reason, c)| LeftOutRows {
                reason: *reason,
                count: c.count,
                first_rows: c.first_rows.clone(),
            })
            .collect(),
        not_conferencing: tally
            .other_calls
            .iter()
            .map(|(name, count)| Named {
                name: (*name).to_string(),
                count: *count,
            })
            .collect(),
        unknown_call_types: tally
            .unknown_calls
            .iter()
            .map(|(name, count)| Named {
                name: name.clone(),
                count: *count,
            })
            .collect(),
        pages_missing: tally.graph_next_links > 0 && tally.graph_next_links >= tally.graph_pages,
        organisers_found: found,
        organisers,
        usage: tally
            .usage
            .iter()
            .map(|((call, country), u)| UsageRow {
                call: *call,
                country: country.as_str().to_string(),
                legs: u.legs,
                seconds: u.seconds,
            })
            .collect(),
        billed,
        capabilities: tally
            .capabilities
            .iter()
            .map(|(name, count)| Named {
                name: name.clone(),
                count: *count,
            })
            .collect(),
        start_times_unreadable: tally.start_times_unreadable,
        charges_unreadable: tally.charges_unreadable,
    };
    Ok(Imported {
        scenario,
        report,
        by_basis,
        organisers: tally.by_organiser.finish(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_of_whole_seconds() {
        assert_eq!(minutes_of(120).to_string(), "2");
        assert_eq!(minutes_of(90).to_string(), "1.5");
        // 125 s = 2.0833… min, rounded toward zero: 2.083333 (x 60 = 124.99998 s, which a
        // 1-second increment still bills as 125 s).
        assert_eq!(minutes_of(125).to_string(), "2.083333");
        assert_eq!(minutes_of(1).to_string(), "0.016666");
    }

    #[test]
    fn parameters_with_dates_or_times() {
        let h = PeriodHint::from_parameters(
            br#"{"reportParameters":{"startDate":"2026-03-01","endDate":"2026-03-31"}}"#,
        )
        .unwrap();
        let p = period(&Tally::default(), Some(h), &ImportOptions::default()).unwrap();
        // 31 days: 30.4375 / 31 = 0.981854838… -> 0.981855.
        assert_eq!((p.days, p.month_factor.as_str()), (31, "0.981855"));
        assert_eq!(
            (p.from.as_deref(), p.to.as_deref()),
            (Some("2026-03-01"), Some("2026-03-31"))
        );
        let h = PeriodHint::from_parameters(
            br#"{"From":"2026-03-01T00:00:00Z","To":"2026-04-01T00:00:00Z"}"#,
        )
        .unwrap();
        let p = period(&Tally::default(), Some(h), &ImportOptions::default()).unwrap();
        assert_eq!((p.days, p.to.as_deref()), (31, Some("2026-03-31")));
        // Graph's own names (issue 17: a March export whose last call was on the 28th was
        // scaled as 28 days, because `toDateTime` was not read): the whole of March.
        let h = PeriodHint::from_parameters(
            br#"{"fromDateTime":"2026-03-01T00:00:00Z","toDateTime":"2026-04-01T00:00:00Z"}"#,
        )
        .unwrap();
        let p = period(&Tally::default(), Some(h), &ImportOptions::default()).unwrap();
        assert_eq!(
            (p.days, p.from.as_deref(), p.to.as_deref()),
            (31, Some("2026-03-01"), Some("2026-03-31"))
        );
        assert!(PeriodHint::from_parameters(b"{}").is_none());
    }
}
