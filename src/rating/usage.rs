//! Steps 1–3 of the arithmetic: per-leg billable time and the grouping of all meetings into
//! one usage line per (call type, country), with exact leg counts and billable seconds.

use crate::rating::money::DecimalOps as _;
use rust_decimal::Decimal;

use super::call::Call;
use super::card::RateCard;
use super::country::CountryCode;
use super::error::{Error, ScenarioError};
use super::exact::Exact;
use super::money::{checked, checked_with, Rate};
use super::problem::{Field, Problem};
use super::scenario::Scenario;

/// The usage of one call type in one country over a month, before any price.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UsageLine {
    /// Call type.
    pub call: Call,
    /// Country.
    pub country: CountryCode,
    /// Legs per month: Σ count × perMonth over legs that last more than 0 s.
    pub legs: Decimal,
    /// Billable seconds per month: Σ b × count × perMonth (for app legs: plain seconds).
    pub seconds: Decimal,
    /// `seconds / 60`, computed once when the usage is complete.
    pub minutes: Decimal,
    /// The card's per-minute rate for this call and country (`None` for app).
    pub rate: Option<Rate>,
}

impl UsageLine {
    /// Sixty times the unrounded per-minute price of the whole line:
    /// `seconds × rate + 60 × legs × connection_fee`. Kept ×60 so that it is exact (a
    /// division by 60 need not terminate); divide by 60 once, just before rounding.
    pub fn cost_x60(&self, connection_fee: Rate) -> Result<Decimal, Error> {
        let Some(rate) = self.rate else {
            return Ok(Decimal::ZERO);
        };
        let what = || {
            format!(
                "the {} cost of {}",
                self.call.describe(),
                self.country.as_str()
            )
        };
        let time = checked_with(self.seconds.cmul(rate.value()), what)?;
        if connection_fee.value().is_zero() {
            return Ok(time);
        }
        let fees = checked_with(
            self.legs
                .cmul(connection_fee.value())
                .and_then(|f| f.cmul(SIXTY)),
            what,
        )?;
        Ok(checked_with(time.cadd(fees), what)?)
    }
}

impl UsageLine {
    /// The unrounded per-minute price of the whole line (`cost_x60 / 60`).
    pub fn cost(&self, connection_fee: Rate) -> Result<Decimal, Error> {
        Ok(checked(
            self.cost_x60(connection_fee)?.cdiv(SIXTY),
            "the cost of a line",
        )?)
    }
}

/// Up to this many leg groups, lines are found by a linear search rather than an index.
const SMALL_SCENARIO: usize = 16;

/// 60 as a decimal.
pub(crate) const SIXTY: Decimal = Decimal::from_parts(60, 0, 0, false, 0);

/// Billable seconds of one leg lasting `seconds` (> 0):
/// `max(minimum, ceil(seconds / increment) × increment)`.
pub fn billable_seconds(seconds: Decimal, increment: u32, minimum: u32) -> Result<Decimal, Error> {
    let inc = Decimal::from(increment);
    let exact = checked(seconds.cdiv(inc), "the billable seconds of a leg")?;
    // Rounded up (`exact` > 0): the whole steps, one more if a part of one is left.
    let steps = if exact.is_integer() {
        exact
    } else {
        checked(
            exact.trunc().cadd(Decimal::ONE),
            "the billable seconds of a leg",
        )?
    };
    let b = checked(steps.cmul(inc), "the billable seconds of a leg")?;
    Ok(b.max(Decimal::from(minimum)))
}

/// Groups every leg of every meeting into usage lines, sorted by call type then country.
/// Checks that the card can price each leg: a phone leg needs its country on the card with a
/// rate for its call type, and phone usage needs at least one organiser.
pub fn aggregate(card: &RateCard, scenario: &Scenario) -> Result<Vec<UsageLine>, Error> {
    // Small scenarios search their few lines, large ones use an index; the sums are kept in
    // exact integer arithmetic while the values allow (`Exact`), in `Decimal` otherwise. All
    // four ways give the same lines, on every target (tested).
    let leg_groups: usize = scenario.meetings().iter().map(|m| m.legs.len()).sum();
    aggregate_with(card, scenario, leg_groups > SMALL_SCENARIO, true)
}

/// [`aggregate`] with the line lookup and the arithmetic chosen by the caller (`exact`: integer
/// sums, falling back to `Decimal` by itself when a value leaves their range).
fn aggregate_with(
    card: &RateCard,
    scenario: &Scenario,
    use_index: bool,
    exact: bool,
) -> Result<Vec<UsageLine>, Error> {
    if scenario.us_canada_addon() && card.us_canada_addon().is_none() {
        return Err(ScenarioError::new(
            Field::UsCanadaAddon,
            Problem::NoAddon {
                card: card.name().to_string(),
            },
        )
        .into());
    }
    if let Some(code) = scenario.organisation_country() {
        if card.country(code).is_none() {
            return Err(ScenarioError::new(
                Field::OrganisationCountry,
                Problem::CountryNotOnCard {
                    card: card.name().to_string(),
                    country: code,
                },
            )
            .into());
        }
    }
    let billing = card.billing();
    // Lines are found through a direct index by (call, country) for large scenarios; small
    // ones search the few lines instead (cheaper than clearing a 4 × 676 index).
    let leg_groups: usize = scenario.meetings().iter().map(|m| m.legs.len()).sum();
    let mut lines: Vec<UsageLine> = Vec::with_capacity(leg_groups);
    // With `exact`: each line's (legs, seconds), beside `lines`.
    let mut sums: Vec<(Exact, Exact)> = Vec::with_capacity(if exact { leg_groups } else { 0 });
    let mut index = if use_index {
        vec![0u16; Call::ALL.len() * 26 * 26]
    } else {
        Vec::new()
    };
    let mut phone_legs = false;
    for (i, meeting) in scenario.meetings().iter().enumerate() {
        let seconds = checked(meeting.minutes.cmul(SIXTY), "the length of a meeting")?;
        // Per-leg billable time depends only on the meeting's length: compute it once.
        let billable = if seconds.is_zero() {
            Decimal::ZERO
        } else {
            billable_seconds(seconds, billing.increment_seconds, billing.minimum_seconds)?
        };
        for (j, leg) in meeting.legs.iter().enumerate() {
            let rate = rate_for(card, leg.call, leg.country, i, j)?;
            // A leg with its own length (measured calls) is billed on that length.
            let (seconds, billable) = match leg.minutes {
                None => (seconds, billable),
                Some(minutes) => {
                    let own = checked(minutes.cmul(SIXTY), "the length of a leg")?;
                    let b = if own.is_zero() {
                        Decimal::ZERO
                    } else {
                        billable_seconds(own, billing.increment_seconds, billing.minimum_seconds)?
                    };
                    (own, b)
                }
            };
            if seconds.is_zero() {
                continue; // a leg of 0 s is not billed and does not count
            }
            let what = || {
                format!(
                    "the {} legs of {}",
                    leg.call.describe(),
                    leg.country.as_str()
                )
            };
            // legs = count × perMonth; seconds = legs × the billable time of one leg.
            let per_leg = if leg.call.is_phone() {
                billable
            } else {
                seconds
            };
            let (legs, add_seconds) = if exact {
                let Some(legs) = Exact::of(leg.count).checked_mul(Exact::of(meeting.per_month))
                else {
                    return aggregate_with(card, scenario, use_index, false);
                };
                if legs.is_zero() {
                    continue;
                }
                let Some(add) = Exact::of(per_leg).checked_mul(legs) else {
                    return aggregate_with(card, scenario, use_index, false);
                };
                (Summand::Exact(legs), Summand::Exact(add))
            } else {
                let legs = checked_with(leg.count.cmul(meeting.per_month), what)?;
                if legs.is_zero() {
                    continue;
                }
                let add = checked_with(per_leg.cmul(legs), what)?;
                (Summand::Decimal(legs), Summand::Decimal(add))
            };
            phone_legs |= leg.call.is_phone();
            let slot = (leg.call as usize) * 26 * 26 + leg.country.slot();
            let found = if use_index {
                index.get(slot).copied().unwrap_or(0)
            } else {
                lines
                    .iter()
                    .position(|l| l.call == leg.call && l.country == leg.country)
                    .map_or(0, |i| u16::try_from(i + 1).unwrap_or(0))
            };
            let line = match found {
                0 => {
                    lines.push(UsageLine {
                        call: leg.call,
                        country: leg.country,
                        legs: Decimal::ZERO,
                        seconds: Decimal::ZERO,
                        minutes: Decimal::ZERO,
                        rate,
                    });
                    if exact {
                        sums.push((Exact::ZERO, Exact::ZERO));
                    }
                    if let Some(s) = index.get_mut(slot) {
                        // Fewer than 4 × 676 lines can exist, so the number fits.
                        *s = u16::try_from(lines.len()).unwrap_or(0);
                    }
                    lines.last_mut()
                }
                n => lines.get_mut(usize::from(n) - 1),
            };
            let Some(line) = line else { continue };
            match (legs, add_seconds) {
                (Summand::Exact(legs), Summand::Exact(add)) => {
                    let k = lines_index(found, sums.len());
                    let Some(sum) = sums.get_mut(k) else { continue };
                    match (sum.0.checked_add(legs), sum.1.checked_add(add)) {
                        (Some(l), Some(s)) => *sum = (l, s),
                        _ => return aggregate_with(card, scenario, use_index, false),
                    }
                }
                (Summand::Decimal(legs), Summand::Decimal(add)) => {
                    line.legs = checked_with(line.legs.cadd(legs), what)?;
                    line.seconds = checked_with(line.seconds.cadd(add), what)?;
                }
                // Both summands are made by the same branch above.
                _ => {}
            }
        }
    }
    for (line, (legs, seconds)) in lines.iter_mut().zip(&sums) {
        line.legs = legs.to_decimal();
        line.seconds = seconds.to_decimal();
    }
    if phone_legs && scenario.organisers() == 0 {
        return Err(ScenarioError::new(Field::Organisers, Problem::NoOrganiser).into());
    }
    // The index runs by call type, then country code: walking it yields the lines sorted.
    let mut sorted = if use_index {
        index
            .iter()
            .filter(|n| **n != 0)
            .filter_map(|&n| lines.get(usize::from(n) - 1).copied())
            .collect()
    } else {
        lines.sort_unstable_by_key(|l| (l.call, l.country));
        lines
    };
    for line in &mut sorted {
        line.minutes = checked(line.seconds.cdiv(SIXTY), "the minutes of a line")?;
    }
    Ok(sorted)
}

/// A leg's contribution, in the arithmetic of the pass.
#[derive(Clone, Copy)]
enum Summand {
    Exact(Exact),
    Decimal(Decimal),
}

/// The position of a line found through `found` (0: the line just pushed, the last of `len`).
fn lines_index(found: u16, len: usize) -> usize {
    match found {
        0 => len.saturating_sub(1),
        n => usize::from(n) - 1,
    }
}

fn rate_for(
    card: &RateCard,
    call: Call,
    country: CountryCode,
    meeting: usize,
    leg: usize,
) -> Result<Option<Rate>, Error> {
    if !call.is_phone() {
        return Ok(None);
    }
    let rates = card.country(country).ok_or_else(|| {
        ScenarioError::new(
            Field::LegCountry { meeting, leg },
            Problem::CountryNotOnCard {
                card: card.name().to_string(),
                country,
            },
        )
    })?;
    match rates.rate(call) {
        Some(rate) => Ok(Some(rate)),
        None => Err(ScenarioError::new(
            Field::LegCall { meeting, leg },
            Problem::NoRate {
                card: card.name().to_string(),
                call,
                country,
            },
        )
        .into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn index_search_integer_and_decimal_sums_give_the_same_lines() {
        use crate::rating::scenario::ScenarioDocument;
        let card = crate::shipped::shipped_cards()
            .unwrap()
            .into_iter()
            .find(|c| c.id() == "illustrative-usd")
            .unwrap();
        let mut legs = Vec::new();
        // 4 call types x 6 countries, some repeated across two meetings: 24 groups each.
        for country in ["DE", "FR", "US", "GB", "JP", "CA"] {
            for call in ["tollDialIn", "tollFreeDialIn", "dialOut", "app"] {
                legs.push(format!(
                    r#"{{"country":"{country}","call":"{call}","count":"1.5"}}"#
                ));
            }
        }
        let legs = legs.join(",");
        let json = format!(
            r#"{{"organisers":3,"meetings":[{{"perMonth":4,"minutes":"61.5","legs":[{legs}]}},
               {{"perMonth":"2.5","minutes":30,"legs":[{legs}]}}]}}"#
        );
        let doc: ScenarioDocument = serde_json::from_str(&json).unwrap();
        let scenario = Scenario::from_document(&doc).unwrap();
        let with_index = aggregate_with(&card, &scenario, true, true).unwrap();
        // Index or search, integer or `Decimal` sums: the same lines, digit for digit.
        for (index, exact) in [(false, true), (true, false), (false, false)] {
            let other = aggregate_with(&card, &scenario, index, exact).unwrap();
            assert_eq!(other, with_index);
            let text = |ls: &[UsageLine]| -> Vec<String> {
                ls.iter()
                    .map(|l| format!("{} {}", l.legs, l.seconds))
                    .collect()
            };
            assert_eq!(text(&other), text(&with_index));
        }
        assert_eq!(with_index.len(), 24);
        // Sorted by call type, then country: the first line is toll dial-in from CA.
        let first = with_index[0];
        assert_eq!(
            (first.call, first.country.as_str()),
            (Call::TollDialIn, "CA")
        );
        // DE toll: 1.5 x 4 = 6 legs of 61.5 min = 3690 s, billed as 62 started minutes =
        // 3720 s, plus 1.5 x 2.5 = 3.75 legs of 1800 s: 22320 + 6750 = 29070 s.
        let de = with_index
            .iter()
            .find(|l| l.call == Call::TollDialIn && l.country.as_str() == "DE")
            .unwrap();
        assert_eq!(de.legs, d("9.75"));
        assert_eq!(de.seconds, d("29070"));
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn values_beyond_the_integer_range_are_summed_as_decimal() {
        use crate::rating::scenario::ScenarioDocument;
        let card = crate::shipped::shipped_cards()
            .unwrap()
            .into_iter()
            .find(|c| c.id() == "illustrative-usd")
            .unwrap();
        // 0.000000000000001 x 0.000000000000003 has 30 decimals: Decimal rounds it to 28, which
        // the integer sums cannot follow, so the whole grouping runs in Decimal.
        let json = r#"{"organisers":1,"meetings":[{"perMonth":"0.000000000000003","minutes":1,
            "legs":[{"country":"DE","call":"tollDialIn","count":"0.000000000000001"},
                    {"country":"DE","call":"tollDialIn","count":"2"}]}]}"#;
        let doc: ScenarioDocument = serde_json::from_str(json).unwrap();
        let scenario = Scenario::from_document(&doc).unwrap();
        let lines = aggregate(&card, &scenario).unwrap();
        assert_eq!(
            lines,
            aggregate_with(&card, &scenario, false, false).unwrap()
        );
        // 2 x 0.000000000000003 + 0.000000000000000000000000000003 (rounded to 28 places: 0).
        assert_eq!(lines[0].legs, d("0.000000000000006"));
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn billable_seconds_per_increment_and_minimum() {
        // 61 s per minute: 2 started minutes = 120 s.
        assert_eq!(billable_seconds(d("61"), 60, 60).unwrap(), d("120"));
        // 61 s per second with a 60 s minimum: 61 s.
        assert_eq!(billable_seconds(d("61"), 1, 60).unwrap(), d("61"));
        // 30 s per second with a 60 s minimum: the minimum, 60 s.
        assert_eq!(billable_seconds(d("30"), 1, 60).unwrap(), d("60"));
        // 0.5 s per second: one started second, then the 1 s minimum.
        assert_eq!(billable_seconds(d("0.5"), 1, 1).unwrap(), d("1"));
        // 90 s in 6 s steps: 15 steps = 90 s exactly.
        assert_eq!(billable_seconds(d("90"), 6, 30).unwrap(), d("90"));
    }
}
