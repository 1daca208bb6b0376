//! One split of a licence mix priced: the organisers' counts summed per line for each part
//! and each part priced by the core ([`price_usage`], [`priced_totals`]) as a quote prices a
//! scenario, so a split's total is what the two quotes would show.

use rust_decimal::Decimal;
use serde::Serialize;

use super::{
    CallCount, MixError, MixInput, OrganiserCalls, Steps, MAX_COUNTED_LEGS, MAX_MIX_ORGANISERS,
};
use crate::rating::call::Call;
use crate::rating::card::RateCard;
use crate::rating::country::CountryCode;
use crate::rating::error::ScenarioError;
use crate::rating::money::{checked, DecimalOps as _, Money, Rate};
use crate::rating::pricing::{price_usage, Priced, Seats};
use crate::rating::problem::{Field, Problem};
use crate::rating::quote::priced_totals;
use crate::rating::scenario::MAX_PER_MONTH;
use crate::rating::usage::{UsageLine, SIXTY};

/// A split's monthly totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SplitTotal {
    /// Licences (the licensed organisers).
    pub licences: u64,
    /// The per-user total of the licensed organisers' calls (0 when none is licensed).
    pub per_user: Money,
    /// The pay-per-minute total of everyone else's calls (0 when there are none).
    pub per_minute: Money,
    /// `per_user + per_minute`.
    pub monthly_total: Money,
}

/// An organiser's counts by line position: (line, legs, billable seconds).
type Member = Vec<(usize, u64, u64)>;

/// Running sums of one part of a split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Part {
    /// Legs per line.
    legs: Vec<u128>,
    /// Billable seconds per line.
    seconds: Vec<u128>,
    /// Named organisers in the part.
    pub(super) named: u64,
    /// Whether the unnamed calls are in it.
    unnamed: bool,
}

/// The organisers' calls as positions in one table of lines, ready to price any split.
#[derive(Debug, Clone)]
pub struct SplitTable<'a> {
    card: &'a RateCard,
    per_month: Decimal,
    addon: bool,
    /// Every (call, country) of any organiser, sorted, with the card's rate.
    lines: Vec<(Call, CountryCode, Option<Rate>)>,
    members: Vec<Member>,
    unnamed: Member,
}

impl<'a> SplitTable<'a> {
    /// Checks the input against `card` (steps, ranges, rates) and lays out its lines.
    pub fn new(card: &'a RateCard, input: &MixInput) -> Result<SplitTable<'a>, MixError> {
        if input.steps != Steps::of(card) {
            return Err(MixError::OtherSteps {
                counted: input.steps,
                card: Steps::of(card),
            });
        }
        if input.organisers.len() > MAX_MIX_ORGANISERS {
            return Err(MixError::TooManyOrganisers {
                organisers: input.organisers.len(),
            });
        }
        if input.per_month < Decimal::ZERO || input.per_month > Decimal::from(MAX_PER_MONTH) {
            return Err(MixError::PerMonth {
                factor: input.per_month,
            });
        }
        let everyone = || input.organisers.iter().chain([&input.unnamed]);
        let mut keys: Vec<(Call, CountryCode)> = everyone()
            .flat_map(|o| o.counts.iter().map(|c| (c.call, c.country)))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let mut lines = Vec::with_capacity(keys.len());
        for (call, country) in keys {
            lines.push((call, country, rate(card, call, country)?));
        }
        let longest = u64::from(crate::rating::scenario::MAX_LEG_MINUTES) * 60;
        let member = |o: &OrganiserCalls| -> Result<Member, MixError> {
            o.counts
                .iter()
                .map(|c: &CallCount| {
                    let most = c.legs.saturating_mul(longest.max(card_steps_max(card)));
                    if c.legs > MAX_COUNTED_LEGS || c.billable_seconds > most {
                        return Err(MixError::CountOutOfRange {
                            call: c.call,
                            country: c.country,
                        });
                    }
                    let at = lines
                        .binary_search_by(|(call, country, _)| {
                            (*call, *country).cmp(&(c.call, c.country))
                        })
                        .unwrap_or(0);
                    Ok((at, c.legs, c.billable_seconds))
                })
                .collect()
        };
        let members = input
            .organisers
            .iter()
            .map(member)
            .collect::<Result<_, _>>()?;
        let unnamed = member(&input.unnamed)?;
        Ok(SplitTable {
            card,
            per_month: input.per_month,
            addon: input.us_canada_addon,
            lines,
            members,
            unnamed,
        })
    }

    /// The named organisers.
    pub fn organisers(&self) -> usize {
        self.members.len()
    }

    /// The card.
    pub fn card(&self) -> &RateCard {
        self.card
    }

    /// Organiser `i`'s legs in the period.
    pub(super) fn member_legs(&self, i: usize) -> u64 {
        self.members[i].iter().map(|(_, legs, _)| *legs).sum()
    }

    /// Distinct (way of joining, country) lines.
    pub(super) fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// Whether the add-on is bought.
    pub(super) fn addon(&self) -> bool {
        self.addon
    }

    /// A part with no one in it.
    pub(super) fn empty(&self) -> Part {
        Part {
            legs: vec![0; self.lines.len()],
            seconds: vec![0; self.lines.len()],
            named: 0,
            unnamed: false,
        }
    }

    /// A part with organiser `i` alone.
    pub(super) fn alone(&self, i: usize) -> Part {
        let mut part = self.empty();
        self.add(&mut part, i);
        part
    }

    /// A part with the unnamed calls and every organiser where `pick` is true.
    pub(super) fn part(&self, pick: impl Fn(usize) -> bool, unnamed: bool) -> Part {
        let mut part = self.empty();
        for i in (0..self.members.len()).filter(|i| pick(*i)) {
            self.add(&mut part, i);
        }
        if unnamed {
            for (line, legs, secs) in &self.unnamed {
                part.legs[*line] += u128::from(*legs);
                part.seconds[*line] += u128::from(*secs);
            }
            part.unnamed = true;
        }
        part
    }

    /// Puts organiser `i` into `part`.
    pub(super) fn add(&self, part: &mut Part, i: usize) {
        for (line, legs, secs) in &self.members[i] {
            part.legs[*line] += u128::from(*legs);
            part.seconds[*line] += u128::from(*secs);
        }
        part.named += 1;
    }

    /// Takes organiser `i` (who is in it) out of `part`.
    pub(super) fn remove(&self, part: &mut Part, i: usize) {
        for (line, legs, secs) in &self.members[i] {
            part.legs[*line] -= u128::from(*legs);
            part.seconds[*line] -= u128::from(*secs);
        }
        part.named -= 1;
    }

    /// A part's usage lines a month, as the core's grouping makes them: legs and billable
    /// seconds times the month factor, minutes = seconds / 60; lines without legs left out.
    pub(super) fn usage(&self, part: &Part) -> Result<Vec<UsageLine>, MixError> {
        let what = "the calls of a licence mix";
        let mut out = Vec::new();
        for (i, (call, country, rate)) in self.lines.iter().enumerate() {
            if part.legs[i] == 0 {
                continue;
            }
            let month = |n: u128| {
                checked(
                    Decimal::try_from_i128_with_scale(i128::try_from(n).unwrap_or(i128::MAX), 0)
                        .ok()
                        .and_then(|d| d.cmul(self.per_month)),
                    what,
                )
            };
            let legs = month(part.legs[i])?;
            if legs.is_zero() {
                continue;
            }
            let seconds = month(part.seconds[i])?;
            out.push(UsageLine {
                call: *call,
                country: *country,
                legs,
                seconds,
                minutes: checked(seconds.cdiv(SIXTY), what)?,
                rate: *rate,
            });
        }
        Ok(out)
    }

    /// Whether a part has any legs.
    fn has_calls(part: &Part) -> bool {
        part.legs.iter().any(|n| *n > 0)
    }

    /// A part priced under both models, with `organisers` and `licences`.
    pub(super) fn priced(
        &self,
        part: &Part,
        organisers: u64,
        licences: u64,
    ) -> Result<Priced, MixError> {
        let seats = Seats {
            organisers,
            licences,
            us_canada_addon: self.addon,
        };
        Ok(price_usage(self.card, seats, self.usage(part)?)?)
    }

    /// The per-user total of the licensed part (0 when no one is in it).
    pub(super) fn per_user(&self, part: &Part) -> Result<Money, MixError> {
        if part.named == 0 {
            return Ok(self.card.money().zero());
        }
        let priced = self.priced(part, part.named, part.named)?;
        Ok(priced_totals(self.card, &priced)?.1)
    }

    /// The pay-per-minute total of the other part (0 when it has no one and no calls).
    pub(super) fn per_minute(&self, part: &Part) -> Result<Money, MixError> {
        let calls = Self::has_calls(part);
        if part.named == 0 && !calls {
            return Ok(self.card.money().zero());
        }
        let organisers = part.named.max(u64::from(calls));
        let priced = self.priced(part, organisers, 0)?;
        Ok(priced_totals(self.card, &priced)?.0)
    }

    /// The totals of a split given as its two parts.
    pub(super) fn total_of(&self, licensed: &Part, other: &Part) -> Result<SplitTotal, MixError> {
        let per_user = self.per_user(licensed)?;
        let per_minute = self.per_minute(other)?;
        Ok(SplitTotal {
            licences: licensed.named,
            per_user,
            per_minute,
            monthly_total: per_user.checked_add(per_minute, "the monthly total")?,
        })
    }

    /// The totals of the split that licenses organiser `i` where `licensed[i]` (organisers
    /// past the end of `licensed` are not licensed).
    pub fn total(&self, licensed: &[bool]) -> Result<SplitTotal, MixError> {
        let is = |i: usize| licensed.get(i).copied().unwrap_or(false);
        self.total_of(&self.part(is, false), &self.part(|i| !is(i), true))
    }
}

/// The longest billable time of one leg under `card` (a leg of 30 hours, in its steps).
fn card_steps_max(card: &RateCard) -> u64 {
    let steps = Steps::of(card);
    steps.billable(crate::rating::scenario::MAX_LEG_MINUTES * 60)
}

/// The card's rate for a call to a country, or the reason it has none.
fn rate(card: &RateCard, call: Call, country: CountryCode) -> Result<Option<Rate>, MixError> {
    if !call.is_phone() {
        return Ok(None);
    }
    let problem = match card.country(country) {
        None => Problem::CountryNotOnCard {
            card: card.name().to_string(),
            country,
        },
        Some(rates) => match rates.rate(call) {
            Some(r) => return Ok(Some(r)),
            None => Problem::NoRate {
                card: card.name().to_string(),
                country,
                call,
            },
        },
    };
    Err(MixError::Rating(
        ScenarioError::new(Field::Scenario, problem).into(),
    ))
}
