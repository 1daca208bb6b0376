//! Prices the usage lines under both models, unrounded: the pay-per-minute model and the
//! per-user licence model with its proportional Zone A pool and the US/Canada add-on.
//! Rounding happens later, once per line, in the quote.

use crate::rating::money::DecimalOps as _;
use rust_decimal::Decimal;
use serde::Serialize;

use super::call::Call;
use super::card::{PoolBasis, RateCard};
use super::country::CountryCode;
use super::error::Error;
use super::money::{checked, Rate};
use super::scenario::Scenario;
use super::usage::{aggregate, UsageLine, SIXTY};

/// Why a call line costs what it costs under a model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum LineBilling {
    /// Billed per minute from Communications Credits.
    PerMinute,
    /// Included in the per-user licence (toll dial-in: the caller pays their own operator).
    IncludedInLicence,
    /// Covered by the US/Canada add-on.
    Addon,
    /// Pool-zone dial-out: covered by the pool in proportion, the rest billed per minute.
    Pool,
    /// App/VoIP: never billed.
    Free,
}

/// `value × part / whole` for `part ≤ whole`: the product first when it fits, otherwise the
/// fraction first (it is at most 1, so the result fits whenever `value` does).
fn share_of(value: Decimal, part: Decimal, whole: Decimal) -> Option<Decimal> {
    match value.cmul(part) {
        Some(product) => product.cdiv(whole),
        None => value.cmul(part.cdiv(whole)?),
    }
}

/// A usage line with its unrounded price under one model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PricedLine {
    /// The usage.
    pub usage: UsageLine,
    /// The per-minute rate applied (0 where the line is included or covered by the add-on).
    pub rate: Rate,
    /// The unrounded amount.
    pub raw: Decimal,
    /// Why it costs that.
    pub billing: LineBilling,
    /// For pool lines: the seconds the pool covers.
    pub covered_seconds: Option<Decimal>,
}

/// A fixed monthly fee line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum FeeKind {
    /// The Audio Conferencing licences (`licencesPurchased × price`).
    Licence,
    /// The US/Canada add-on (`organisers × price`).
    Addon,
}

/// A fixed fee: quantity × unit price.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fee {
    /// Which fee.
    pub kind: FeeKind,
    /// How many (licences or organisers).
    pub quantity: u64,
    /// Price of one.
    pub unit_price: Rate,
    /// `quantity × unit_price`, unrounded.
    pub raw: Decimal,
}

/// One model, priced line by line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PricedModel {
    /// Call lines, by call type then country.
    pub lines: Vec<PricedLine>,
    /// Fixed fees (licences, add-on).
    pub fees: Vec<Fee>,
}

/// The Zone A pool of the per-user model, in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolUse {
    /// The pool: minutes per licence × licences (by the card's basis) × 60.
    pub seconds: Decimal,
    /// Billable seconds of all pool-eligible dial-out.
    pub eligible_seconds: Decimal,
    /// Seconds the pool covers: `min(pool, eligible)`.
    pub covered_seconds: Decimal,
}

/// The inputs of the break-even equation, at usage factor 1, all unrounded
/// (see `spec/rating.md` §3 and [`super::break_even`]). Money parts are kept **×60** (cost per
/// sixtieth), which keeps them exact; the factor ×60 cancels out of the equation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinearParts {
    /// 60·A: pay-per-minute call cost.
    pub ppm_usage: Decimal,
    /// 60·B: per-user call cost outside the pool.
    pub pu_usage: Decimal,
    /// 60·R: full per-minute cost of the pool-eligible lines, before the pool.
    pub eligible_cost: Decimal,
    /// E: pool-eligible seconds.
    pub eligible_seconds: Decimal,
    /// P: pool seconds.
    pub pool_seconds: Decimal,
    /// 60·F: the licence fee (the add-on fee is in both models and cancels out).
    pub licence_fee: Decimal,
    /// Billable phone seconds (toll, toll-free and dial-out legs).
    pub phone_seconds: Decimal,
}

/// Both models priced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Priced {
    /// Pay-per-minute.
    pub per_minute: PricedModel,
    /// Per-user licence.
    pub per_user: PricedModel,
    /// The pool of the per-user model.
    pub pool: PoolUse,
    /// Break-even inputs.
    pub parts: LinearParts,
}

/// Who a pricing is for: the organisers, the licences purchased and the add-on choice (a
/// scenario's, or one part of a licence mix's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seats {
    /// Organisers (the add-on's quantity; the pool's basis when assigned).
    pub organisers: u64,
    /// Licences purchased (the licence fee's quantity; the pool's basis when purchased).
    pub licences: u64,
    /// Whether the US/Canada add-on is bought.
    pub us_canada_addon: bool,
}

impl Seats {
    /// A scenario's seats.
    pub fn of(scenario: &Scenario) -> Seats {
        Seats {
            organisers: scenario.organisers(),
            licences: scenario.licences_purchased(),
            us_canada_addon: scenario.us_canada_addon(),
        }
    }
}

/// Prices a scenario under both models without rounding anything.
pub fn price(card: &RateCard, scenario: &Scenario) -> Result<Priced, Error> {
    price_usage(card, Seats::of(scenario), aggregate(card, scenario)?)
}

/// How calls of one way to one country are billed (pay-per-minute, per-user licence), by the
/// card's rules and the add-on choice: the one place these rules are written.
pub fn billing_of(
    card: &RateCard,
    us_canada_addon: bool,
    call: Call,
    country: CountryCode,
) -> (LineBilling, LineBilling) {
    let addon = card.us_canada_addon().filter(|_| us_canada_addon);
    let addon_covers =
        call == Call::DialOut && addon.is_some_and(|a| a.countries.contains(&country));
    let ppm = match call {
        Call::App => LineBilling::Free,
        _ if addon_covers => LineBilling::Addon,
        _ => LineBilling::PerMinute,
    };
    let per_user = match call {
        Call::App => LineBilling::Free,
        Call::TollDialIn => LineBilling::IncludedInLicence,
        Call::DialOut if addon_covers => LineBilling::Addon,
        Call::DialOut if card.in_pool_zone(country) => LineBilling::Pool,
        Call::TollFreeDialIn | Call::DialOut => LineBilling::PerMinute,
    };
    (ppm, per_user)
}

/// Prices usage lines (from [`aggregate`], possibly [`scale_usage`]d) under both models, with
/// the given organisers, licences and add-on choice. Unrounded.
pub fn price_usage(card: &RateCard, seats: Seats, usage: Vec<UsageLine>) -> Result<Priced, Error> {
    let fee = card.billing().connection_fee;
    let addon = card.us_canada_addon().filter(|_| seats.us_canada_addon);
    let billing = |u: &UsageLine| billing_of(card, seats.us_canada_addon, u.call, u.country);
    let pool_eligible = |u: &UsageLine| billing(u).1 == LineBilling::Pool;

    // The pool and the share of it each eligible line gets.
    let licence = card.licence();
    let basis = match licence.pool_basis {
        PoolBasis::Assigned => seats.organisers,
        PoolBasis::Purchased => seats.licences,
    };
    let pool_seconds = checked(
        Decimal::from(licence.pool_minutes_per_licence)
            .cmul(Decimal::from(basis))
            .and_then(|m| m.cmul(Decimal::from(60))),
        "the Zone A pool",
    )?;
    let mut eligible_seconds = Decimal::ZERO;
    for u in usage.iter().filter(|u| pool_eligible(u)) {
        eligible_seconds = checked(
            eligible_seconds.cadd(u.seconds),
            "the pool-eligible dial-out minutes",
        )?;
    }
    let covered_seconds = pool_seconds.min(eligible_seconds);
    // covered ≤ eligible, so this cannot fail.
    let uncovered_seconds = eligible_seconds
        .csub(covered_seconds)
        .unwrap_or(Decimal::ZERO);

    let mut parts = LinearParts {
        ppm_usage: Decimal::ZERO,
        pu_usage: Decimal::ZERO,
        eligible_cost: Decimal::ZERO,
        eligible_seconds,
        pool_seconds,
        licence_fee: Decimal::ZERO,
        phone_seconds: Decimal::ZERO,
    };
    let add = |sum: &mut Decimal, v: Decimal, what: &str| -> Result<(), Error> {
        *sum = checked(sum.cadd(v), what)?;
        Ok(())
    };

    let mut per_minute = PricedModel {
        lines: Vec::with_capacity(usage.len()),
        fees: Vec::with_capacity(1),
    };
    let mut per_user = PricedModel {
        lines: Vec::with_capacity(usage.len()),
        fees: Vec::with_capacity(2),
    };
    for u in usage {
        let rate = u.rate.map(|r| r.value()).unwrap_or(Decimal::ZERO);
        let cost_x60 = u.cost_x60(fee)?;
        let cost = u.cost(fee)?;
        if u.call.is_phone() {
            add(&mut parts.phone_seconds, u.seconds, "the phone minutes")?;
        }
        let (ppm_billing, pu_billing) = billing(&u);

        // Pay-per-minute: every phone leg is billed, except add-on destinations.
        let ppm = match ppm_billing {
            LineBilling::PerMinute => {
                add(&mut parts.ppm_usage, cost_x60, "the pay-per-minute total")?;
                line(&u, rate, cost, LineBilling::PerMinute, None)
            }
            other => line(&u, Decimal::ZERO, Decimal::ZERO, other, None),
        };

        // Per-user licence.
        let pu = match pu_billing {
            LineBilling::Pool => {
                add(&mut parts.eligible_cost, cost_x60, "the pool-eligible cost")?;
                let what = "the pool share of a dial-out line";
                // raw = cost × (E − P) / E and covered = seconds × min(P, E) / E: multiplied
                // first (exact whenever the division is), or, when the product would leave
                // the decimal range (scenarios at the documented limits), divided first.
                let raw = checked(
                    share_of(cost_x60, uncovered_seconds, eligible_seconds)
                        .and_then(|v| v.cdiv(SIXTY)),
                    what,
                )?;
                let covered =
                    checked(share_of(u.seconds, covered_seconds, eligible_seconds), what)?;
                line(&u, rate, raw, LineBilling::Pool, Some(covered))
            }
            LineBilling::PerMinute => {
                add(&mut parts.pu_usage, cost_x60, "the per-user total")?;
                line(&u, rate, cost, LineBilling::PerMinute, None)
            }
            other => line(&u, Decimal::ZERO, Decimal::ZERO, other, None),
        };
        per_minute.lines.push(ppm);
        per_user.lines.push(pu);
    }

    let licence_fee = fee_line(
        FeeKind::Licence,
        seats.licences,
        licence.price_per_user_month,
    )?;
    parts.licence_fee = checked(licence_fee.raw.cmul(SIXTY), "the licence fee")?;
    per_user.fees.push(licence_fee);
    if let Some(a) = addon {
        let addon_fee = fee_line(
            FeeKind::Addon,
            seats.organisers,
            a.price_per_organiser_month,
        )?;
        per_minute.fees.push(addon_fee.clone());
        per_user.fees.push(addon_fee);
    }

    Ok(Priced {
        per_minute,
        per_user,
        pool: PoolUse {
            seconds: pool_seconds,
            eligible_seconds,
            covered_seconds,
        },
        parts,
    })
}

/// The usage lines of the scenario whose meetings per month are all multiplied by `factor`
/// (≥ 0): legs and seconds scale exactly, so pricing these equals pricing the scaled scenario
/// (`Scenario::scaled`) without grouping its legs again. Lines with no legs are dropped, as
/// [`aggregate`] drops them.
pub fn scale_usage(usage: &[UsageLine], factor: Decimal) -> Result<Vec<UsageLine>, Error> {
    if factor.is_zero() {
        return Ok(Vec::new());
    }
    let what = "the usage at this usage factor";
    usage
        .iter()
        .map(|u| {
            let seconds = checked(u.seconds.cmul(factor), what)?;
            Ok(UsageLine {
                legs: checked(u.legs.cmul(factor), what)?,
                seconds,
                minutes: checked(seconds.cdiv(SIXTY), what)?,
                ..*u
            })
        })
        .filter(|u| !matches!(u, Ok(u) if u.legs.is_zero()))
        .collect()
}

fn line(
    u: &UsageLine,
    rate: Decimal,
    raw: Decimal,
    billing: LineBilling,
    covered_seconds: Option<Decimal>,
) -> PricedLine {
    PricedLine {
        usage: *u,
        rate: Rate::new(rate),
        raw,
        billing,
        covered_seconds,
    }
}

fn fee_line(kind: FeeKind, quantity: u64, unit_price: Rate) -> Result<Fee, Error> {
    let raw = checked(
        Decimal::from(quantity).cmul(unit_price.value()),
        match kind {
            FeeKind::Licence => "the licence fee",
            FeeKind::Addon => "the add-on fee",
        },
    )?;
    Ok(Fee {
        kind,
        quantity,
        unit_price,
        raw,
    })
}
