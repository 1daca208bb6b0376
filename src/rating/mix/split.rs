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
use crate::rating::pricing::{billing_of, price_usage, LineBilling, Priced, Seats};
use crate::rating::problem::{Field, Problem};
use crate::rating::quote::priced_totals;
use crate::rating::scenario::{MAX_LEG_MINUTES, MAX_PER_MONTH};
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

/// Which model a part is priced under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// The licensed organisers: the per-user model.
    Licensed,
    /// Everyone else: pay-per-minute.
    Other,
}

/// Running sums of one part of a split, with each line's rounded amount under the part's
/// model kept up to date (pool lines excepted: their share of the pool changes with every
/// licence, so they are priced together at each total).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Part {
    role: Role,
    /// Legs per line.
    legs: Vec<u128>,
    /// Billable seconds per line.
    seconds: Vec<u128>,
    /// Each line's rounded amount (0 for pool lines of the licensed part).
    amounts: Vec<Decimal>,
    /// Their sum.
    sum: Decimal,
    /// Named organisers in the part.
    pub(super) named: u64,
}

/// The organisers' calls as positions in one table of lines, ready to price any split.
#[derive(Debug, Clone)]
pub struct SplitTable<'a> {
    card: &'a RateCard,
    per_month: Decimal,
    addon: bool,
    /// Every (call, country) of any organiser, sorted, with the card's rate.
    lines: Vec<(Call, CountryCode, Option<Rate>)>,
    /// How each line is billed: (pay-per-minute, per-user).
    billing: Vec<(LineBilling, LineBilling)>,
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
        // The longest billable time of one leg: 30 hours, or that in the card's steps.
        let longest = u64::from(MAX_LEG_MINUTES) * 60;
        let longest = longest.max(Steps::of(card).billable(MAX_LEG_MINUTES * 60));
        let member = |o: &OrganiserCalls| -> Result<Member, MixError> {
            o.counts
                .iter()
                .map(|c: &CallCount| {
                    let most = c.legs.saturating_mul(longest);
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
        let billing = lines
            .iter()
            .map(|(call, country, _)| billing_of(card, input.us_canada_addon, *call, *country))
            .collect();
        Ok(SplitTable {
            card,
            per_month: input.per_month,
            addon: input.us_canada_addon,
            lines,
            billing,
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
    pub(super) fn empty(&self, role: Role) -> Part {
        Part {
            role,
            legs: vec![0; self.lines.len()],
            seconds: vec![0; self.lines.len()],
            amounts: vec![Decimal::ZERO; self.lines.len()],
            sum: Decimal::ZERO,
            named: 0,
        }
    }

    /// A part with organiser `i` alone.
    pub(super) fn alone(&self, i: usize, role: Role) -> Result<Part, MixError> {
        let mut part = self.empty(role);
        self.add(&mut part, i)?;
        Ok(part)
    }

    /// A part with every organiser where `pick` is true, and the unnamed calls if `unnamed`.
    pub(super) fn part(
        &self,
        role: Role,
        pick: impl Fn(usize) -> bool,
        unnamed: bool,
    ) -> Result<Part, MixError> {
        let mut part = self.empty(role);
        for i in (0..self.members.len()).filter(|i| pick(*i)) {
            Self::count(&mut part, &self.members[i], true);
            part.named += 1;
        }
        if unnamed {
            Self::count(&mut part, &self.unnamed, true);
        }
        for l in 0..self.lines.len() {
            self.reprice(&mut part, l)?;
        }
        Ok(part)
    }

    /// Adds (or takes away) a member's counts.
    fn count(part: &mut Part, member: &Member, add: bool) {
        for (line, legs, secs) in member {
            if add {
                part.legs[*line] += u128::from(*legs);
                part.seconds[*line] += u128::from(*secs);
            } else {
                part.legs[*line] -= u128::from(*legs);
                part.seconds[*line] -= u128::from(*secs);
            }
        }
    }

    /// Puts organiser `i` into `part`.
    pub(super) fn add(&self, part: &mut Part, i: usize) -> Result<(), MixError> {
        Self::count(part, &self.members[i], true);
        part.named += 1;
        self.reprice_member(part, i)
    }

    /// Takes organiser `i` (who is in it) out of `part`.
    pub(super) fn remove(&self, part: &mut Part, i: usize) -> Result<(), MixError> {
        Self::count(part, &self.members[i], false);
        part.named -= 1;
        self.reprice_member(part, i)
    }

    fn reprice_member(&self, part: &mut Part, i: usize) -> Result<(), MixError> {
        for (line, _, _) in &self.members[i] {
            self.reprice(part, *line)?;
        }
        Ok(())
    }

    /// Prices line `l` of `part` alone under the part's model, rounded, and keeps the sum.
    fn reprice(&self, part: &mut Part, l: usize) -> Result<(), MixError> {
        let what = "the lines of a licence mix";
        let (ppm, per_user) = self.billing[l];
        let billing = match part.role {
            Role::Licensed => per_user,
            Role::Other => ppm,
        };
        // Lines billed per minute cost what they cost; the others nothing (pool lines of the
        // licensed part are priced with the pool, at each total).
        let amount = if part.legs[l] == 0 || billing != LineBilling::PerMinute {
            Decimal::ZERO
        } else {
            let usage = self.line(l, part.legs[l], part.seconds[l], false)?;
            let fee = self.card.billing().connection_fee;
            self.card.money().round(usage.cost(fee)?).amount()
        };
        let sum = part.sum.csub(part.amounts[l]).and_then(|s| s.cadd(amount));
        part.sum = checked(sum, what)?;
        part.amounts[l] = amount;
        Ok(())
    }

    /// Line `l` a month, as the core's grouping makes it from `legs` and billable `seconds`
    /// of the period: both times the month factor, minutes = seconds / 60 (left 0 without
    /// `minutes`: a line's cost needs only its seconds).
    fn line(
        &self,
        l: usize,
        legs: u128,
        seconds: u128,
        minutes: bool,
    ) -> Result<UsageLine, MixError> {
        let what = "the calls of a licence mix";
        let (call, country, rate) = self.lines[l];
        let month = |n: u128| {
            checked(
                Decimal::try_from_i128_with_scale(i128::try_from(n).unwrap_or(i128::MAX), 0)
                    .ok()
                    .and_then(|d| d.cmul(self.per_month)),
                what,
            )
        };
        let seconds = month(seconds)?;
        Ok(UsageLine {
            call,
            country,
            legs: month(legs)?,
            seconds,
            minutes: if minutes {
                checked(seconds.cdiv(SIXTY), what)?
            } else {
                Decimal::ZERO
            },
            rate,
        })
    }

    /// A part's usage lines a month (the lines where `keep`), without lines of no legs.
    fn usage(
        &self,
        part: &Part,
        keep: impl Fn(usize) -> bool,
        minutes: bool,
    ) -> Result<Vec<UsageLine>, MixError> {
        let mut out = Vec::new();
        for l in (0..self.lines.len()).filter(|l| keep(*l)) {
            if part.legs[l] == 0 {
                continue;
            }
            let u = self.line(l, part.legs[l], part.seconds[l], minutes)?;
            if !u.legs.is_zero() {
                out.push(u);
            }
        }
        Ok(out)
    }

    /// Whether a part has any legs.
    fn has_calls(part: &Part) -> bool {
        part.legs.iter().any(|n| *n > 0)
    }

    /// Usage lines priced under both models, with `organisers` and `licences`.
    fn priced_lines(
        &self,
        usage: Vec<UsageLine>,
        organisers: u64,
        licences: u64,
    ) -> Result<Priced, MixError> {
        let seats = Seats {
            organisers,
            licences,
            us_canada_addon: self.addon,
        };
        Ok(price_usage(self.card, seats, usage)?)
    }

    /// A whole part priced under both models, with `organisers` and `licences`.
    pub(super) fn priced(
        &self,
        part: &Part,
        organisers: u64,
        licences: u64,
    ) -> Result<Priced, MixError> {
        self.priced_lines(self.usage(part, |_| true, true)?, organisers, licences)
    }

    /// The per-user total of the licensed part (0 when no one is in it): its lines outside
    /// the pool as kept, plus its pool lines and fees priced together.
    pub(super) fn per_user(&self, part: &Part) -> Result<Money, MixError> {
        if part.named == 0 {
            return Ok(self.card.money().zero());
        }
        let pool = self.usage(part, |l| self.billing[l].1 == LineBilling::Pool, false)?;
        let priced = self.priced_lines(pool, part.named, part.named)?;
        let rest = priced_totals(self.card, &priced)?.1;
        Ok(self
            .card
            .money()
            .round(checked(rest.amount().cadd(part.sum), "a per-user total")?))
    }

    /// The pay-per-minute total of the other part (0 when it has no one and no calls): its
    /// lines as kept, plus the add-on's fee.
    pub(super) fn per_minute(&self, part: &Part) -> Result<Money, MixError> {
        let calls = Self::has_calls(part);
        if part.named == 0 && !calls {
            return Ok(self.card.money().zero());
        }
        let organisers = part.named.max(u64::from(calls));
        let fees = priced_totals(self.card, &self.priced_lines(Vec::new(), organisers, 0)?)?.0;
        Ok(self.card.money().round(checked(
            fees.amount().cadd(part.sum),
            "a pay-per-minute total",
        )?))
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
        self.total_of(
            &self.part(Role::Licensed, is, false)?,
            &self.part(Role::Other, |i| !is(i), true)?,
        )
    }
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
