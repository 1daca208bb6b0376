//! The cost curve for the chart: both models' monthly totals as usage grows, with today's usage
//! at factor 1 and the break-even marked.

use crate::rating::money::DecimalOps as _;
use rust_decimal::Decimal;
use serde::Serialize;

use super::break_even;
use super::card::RateCard;
use super::error::Error;
use super::money::{checked, Money};
use super::pricing::{price_usage, scale_usage, Seats};
use super::quote::{priced_totals, Quantity};
use super::scenario::Scenario;
use super::usage::aggregate;

/// Fewest and most points a curve may have.
pub const CURVE_POINTS: std::ops::RangeInclusive<usize> = 2..=201;
/// Largest usage factor a curve may reach.
pub const MAX_CURVE_FACTOR: u32 = 1_000;

/// Options of [`cost_curve`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurveOptions {
    /// Number of evenly spaced points from factor 0 to the largest factor (2..=201).
    pub points: usize,
    /// The largest usage factor; `None` picks max(2, 2 × break-even), at most 1,000.
    pub max_factor: Option<Decimal>,
}

impl Default for CurveOptions {
    fn default() -> Self {
        CurveOptions {
            points: 41,
            max_factor: None,
        }
    }
}

/// One point of the curve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CurvePoint {
    /// Usage factor (1 = the scenario as entered).
    pub factor: Quantity,
    /// Billable phone minutes per organiser per month at this factor (`null` without organisers).
    pub phone_minutes_per_organiser: Option<Quantity>,
    /// Pay-per-minute monthly total, as a quote at this usage would show it.
    pub per_minute: Money,
    /// Per-user monthly total, as a quote at this usage would show it.
    pub per_user: Money,
}

/// The curve and its marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Curve {
    /// The points, factor ascending.
    pub points: Vec<CurvePoint>,
    /// The break-even factor, if any.
    pub break_even_factor: Option<Quantity>,
    /// Both models' totals at the break-even factor, priced like the points (a chart's label
    /// there; the two differ at most by rounding).
    pub break_even: Option<CurvePoint>,
}

/// Both models' monthly totals at evenly spaced usage factors.
pub fn cost_curve(
    card: &RateCard,
    scenario: &Scenario,
    options: CurveOptions,
) -> Result<Curve, Error> {
    if !CURVE_POINTS.contains(&options.points) {
        return Err(Error::Option {
            name: "points".into(),
            message: format!(
                "{} points is out of range; use {} to {}",
                options.points,
                CURVE_POINTS.start(),
                CURVE_POINTS.end()
            ),
        });
    }
    // The legs are grouped once; every point prices today's lines scaled by its factor, which
    // equals pricing the scaled scenario (`scale_usage`) at a fraction of the cost.
    let usage = aggregate(card, scenario)?;
    let today = price_usage(card, Seats::of(scenario), usage.clone())?;
    let even = break_even::solve(&today.parts, scenario.organisers())?.factor();
    let max = match options.max_factor {
        Some(m) if m <= Decimal::ZERO || m > Decimal::from(MAX_CURVE_FACTOR) => {
            return Err(Error::Option {
                name: "maxFactor".into(),
                message: format!(
                    "{m} is out of range; use a factor above 0 and at most {MAX_CURVE_FACTOR}"
                ),
            })
        }
        Some(m) => m,
        None => {
            let twice = even
                .and_then(|k| k.cmul(Decimal::TWO))
                .unwrap_or(Decimal::ZERO);
            twice
                .max(Decimal::TWO)
                .min(Decimal::from(MAX_CURVE_FACTOR))
                .round_dp_with_strategy(1, rust_decimal::RoundingStrategy::AwayFromZero)
        }
    };
    let phone_minutes = if scenario.organisers() == 0 {
        None
    } else {
        Some(checked(
            today
                .parts
                .phone_seconds
                .cdiv(Decimal::from(60))
                .and_then(|m| m.cdiv(Decimal::from(scenario.organisers()))),
            "the phone minutes per organiser",
        )?)
    };
    // Factors are whole multiples of a step with a short decimal form (`max / steps` cut to
    // 6 places), so that each point is the quote of a scenario whose meetings per month are
    // finite decimals (rating.md §3); the last point may fall a hair short of `max`.
    let steps = Decimal::from(options.points - 1);
    let exact_step = checked(max.cdiv(steps), "the step of the curve")?;
    let step = match exact_step.round_dp_with_strategy(6, rust_decimal::RoundingStrategy::ToZero) {
        s if s.is_zero() => exact_step,
        s => s,
    };
    let point = |factor: Decimal| -> Result<CurvePoint, Error> {
        let priced = price_usage(card, Seats::of(scenario), scale_usage(&usage, factor)?)?;
        let (per_minute, per_user) = priced_totals(card, &priced)?;
        let per_org = phone_minutes
            .map(|m| checked(m.cmul(factor), "the phone minutes of the curve"))
            .transpose()?;
        Ok(CurvePoint {
            factor: Quantity(factor),
            phone_minutes_per_organiser: per_org.map(Quantity),
            per_minute,
            per_user,
        })
    };
    let mut points = Vec::with_capacity(options.points);
    for i in 0..options.points {
        let factor = checked(
            step.cmul(Decimal::from(i)).map(|f| f.normalize()),
            "a usage factor of the curve",
        )?;
        points.push(point(factor)?);
    }
    // A label only: a factor too fine to price leaves it out rather than the curve.
    let break_even = even.and_then(|k| point(k).ok());
    Ok(Curve {
        points,
        break_even_factor: even.map(Quantity),
        break_even,
    })
}
