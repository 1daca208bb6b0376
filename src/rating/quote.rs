//! The quote: both models line by line, rounded once per line, with totals, the winner, the
//! break-even, the credits recommendation and warnings. Serializes to the quote JSON of the
//! spec (camelCase, money and quantities as decimal strings).

use crate::rating::money::DecimalOps as _;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use super::break_even::{self, BreakEven, NoBreakEven};
use super::call::Call;
use super::card::RateCard;
use super::country::CountryCode;
use super::credits::{self, Recharge};
use super::error::Error;
use super::money::{checked, Money, MoneyRule, Overflow, Rate};
use super::pricing::{price, Fee, FeeKind, LineBilling, PoolUse, Priced, PricedLine, PricedModel};
use super::scenario::Scenario;
use super::warnings::{self, Warning};

/// A quantity (legs, minutes, factors) printed as a normalized decimal string ("48", "2.5").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quantity(pub Decimal);

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.normalize())
    }
}

/// The card a quote was priced with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CardSummary {
    /// Card id.
    pub id: String,
    /// Card name.
    pub name: String,
    /// Prices as of (`YYYY-MM-DD`).
    pub effective_from: String,
    /// Whether the rates are illustrative.
    pub illustrative: bool,
    /// Where the numbers come from.
    pub source: String,
}

/// What kind of line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum LineKind {
    /// Usage of one call type in one country.
    Call,
    /// The licence fee.
    Licence,
    /// The US/Canada add-on fee.
    Addon,
}

/// One line of a model. Call lines carry `call`, `country`, `legs`, `minutes`, `rate` and
/// `billing` (and `coveredMinutes` for pool lines); fee lines carry `quantity` and `unitPrice`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct QuoteLine {
    /// Call or fee.
    pub kind: LineKind,
    /// Call type (call lines).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub call: Option<Call>,
    /// Country code (call lines).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub country: Option<CountryCode>,
    /// Legs per month (call lines).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub legs: Option<Quantity>,
    /// Billable minutes per month (call lines), unrounded.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub minutes: Option<Quantity>,
    /// Applied per-minute rate (call lines), as written on the card.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub rate: Option<Rate>,
    /// Why the line costs what it costs (call lines).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub billing: Option<LineBilling>,
    /// Minutes covered by the pool (pool lines).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub covered_minutes: Option<Quantity>,
    /// Licences or organisers (fee lines).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub quantity: Option<u64>,
    /// Price of one (fee lines).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub unit_price: Option<Rate>,
    /// The line's amount, rounded once with the card's rule.
    pub amount: Money,
}

/// The pool of the per-user model, in minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PoolQuote {
    /// Pool size.
    pub minutes: Quantity,
    /// Pool-eligible dial-out minutes.
    pub eligible_minutes: Quantity,
    /// Minutes the pool covers.
    pub covered_minutes: Quantity,
}

/// One model's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ModelQuote {
    /// Sum of the lines.
    pub monthly_total: Money,
    /// 12 × monthly.
    pub yearly_total: Money,
    /// Sum of the per-minute call lines: what Communications Credits pay each month.
    pub credits_monthly: Money,
    /// Recommended auto-recharge, `null` when nothing is billed to credits.
    pub credits_recharge: Option<Recharge>,
    /// Lines: calls by call type then country, then fees.
    pub lines: Vec<QuoteLine>,
    /// The Zone A pool (per-user model only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub pool: Option<PoolQuote>,
}

/// Which model is cheaper per month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Cheaper {
    /// Pay-per-minute.
    PerMinute,
    /// The per-user licence.
    PerUser,
    /// Same monthly total.
    Equal,
}

/// The break-even as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BreakEvenQuote {
    /// Usage factor at which both models cost the same (1 = as entered), unrounded.
    pub factor: Option<Quantity>,
    /// Billable phone minutes per organiser per month at that factor, unrounded.
    pub phone_minutes_per_organiser: Option<Quantity>,
    /// Why there is no break-even (stable code).
    pub reason_code: Option<NoBreakEven>,
    /// Why there is no break-even, in words.
    pub reason: Option<String>,
}

/// Phone usage of the scenario as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct UsageSummary {
    /// Billable phone legs per month.
    pub phone_legs: Quantity,
    /// Billable phone minutes per month.
    pub phone_minutes: Quantity,
    /// Billable phone minutes per organiser per month (`null` without organisers).
    pub phone_minutes_per_organiser: Option<Quantity>,
}

/// A full quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Quote {
    /// ISO 4217 currency of every amount.
    pub currency: String,
    /// The card used.
    pub card: CardSummary,
    /// Organisers (assigned licences).
    pub organisers: u64,
    /// Licences purchased.
    pub licences_purchased: u64,
    /// Phone usage as entered.
    pub usage: UsageSummary,
    /// Pay-per-minute.
    pub per_minute: ModelQuote,
    /// Per-user licence.
    pub per_user: ModelQuote,
    /// The cheaper model.
    pub cheaper: Cheaper,
    /// |perMinute − perUser| per month.
    pub savings_monthly: Money,
    /// |perMinute − perUser| per year.
    pub savings_yearly: Money,
    /// Break-even.
    pub break_even: BreakEvenQuote,
    /// Warnings.
    pub warnings: Vec<Warning>,
}

fn minutes(seconds: Decimal) -> Result<Quantity, Error> {
    Ok(Quantity(checked(
        seconds.cdiv(Decimal::from(60)),
        "minutes",
    )?))
}

fn call_line(l: &PricedLine, money: MoneyRule) -> Result<QuoteLine, Error> {
    Ok(QuoteLine {
        kind: LineKind::Call,
        call: Some(l.usage.call),
        country: Some(l.usage.country),
        legs: Some(Quantity(l.usage.legs)),
        minutes: Some(Quantity(l.usage.minutes)),
        rate: Some(l.rate),
        billing: Some(l.billing),
        covered_minutes: l.covered_seconds.map(minutes).transpose()?,
        quantity: None,
        unit_price: None,
        amount: money.round(l.raw),
    })
}

fn fee_line(f: &Fee, money: MoneyRule) -> QuoteLine {
    QuoteLine {
        kind: match f.kind {
            FeeKind::Licence => LineKind::Licence,
            FeeKind::Addon => LineKind::Addon,
        },
        call: None,
        country: None,
        legs: None,
        minutes: None,
        rate: None,
        billing: None,
        covered_minutes: None,
        quantity: Some(f.quantity),
        unit_price: Some(f.unit_price),
        amount: money.round(f.raw),
    }
}

/// Rounds each line once and sums the rounded lines.
fn model_quote(
    card: &RateCard,
    model: &PricedModel,
    pool: Option<&PoolUse>,
) -> Result<ModelQuote, Error> {
    let money = card.money();
    let mut lines = Vec::with_capacity(model.lines.len() + model.fees.len());
    let mut total = money.zero();
    let mut credits_monthly = money.zero();
    for l in &model.lines {
        let q = call_line(l, money)?;
        total = total.checked_add(q.amount, "the monthly total")?;
        credits_monthly = credits_monthly.checked_add(q.amount, "the monthly credits spend")?;
        lines.push(q);
    }
    for f in &model.fees {
        let q = fee_line(f, money);
        total = total.checked_add(q.amount, "the monthly total")?;
        lines.push(q);
    }
    let pool = match pool {
        Some(p) => Some(PoolQuote {
            minutes: minutes(p.seconds)?,
            eligible_minutes: minutes(p.eligible_seconds)?,
            covered_minutes: minutes(p.covered_seconds)?,
        }),
        None => None,
    };
    Ok(ModelQuote {
        monthly_total: total,
        yearly_total: total.checked_times(12, "the yearly total")?,
        credits_monthly,
        credits_recharge: credits::recommend(card, credits_monthly),
        lines,
        pool,
    })
}

/// Prices a scenario with a card under both models: the quote of `spec/rating.md` §4.
pub fn quote(card: &RateCard, scenario: &Scenario) -> Result<Quote, Error> {
    let priced = price(card, scenario)?;
    let per_minute = model_quote(card, &priced.per_minute, None)?;
    let per_user = model_quote(card, &priced.per_user, Some(&priced.pool))?;

    let cheaper = match per_minute.monthly_total.cmp(&per_user.monthly_total) {
        std::cmp::Ordering::Less => Cheaper::PerMinute,
        std::cmp::Ordering::Greater => Cheaper::PerUser,
        std::cmp::Ordering::Equal => Cheaper::Equal,
    };
    let savings_monthly = per_minute.monthly_total.abs_diff(per_user.monthly_total);

    let break_even = match break_even::solve(&priced.parts, scenario.organisers())? {
        BreakEven::At {
            factor,
            phone_minutes_per_organiser,
        } => BreakEvenQuote {
            factor: Some(Quantity(factor)),
            phone_minutes_per_organiser: phone_minutes_per_organiser.map(Quantity),
            reason_code: None,
            reason: None,
        },
        BreakEven::None(why) => BreakEvenQuote {
            factor: None,
            phone_minutes_per_organiser: None,
            reason_code: Some(why),
            reason: Some(why.message().to_string()),
        },
    };

    let mut phone_legs = Decimal::ZERO;
    for l in priced
        .per_minute
        .lines
        .iter()
        .filter(|l| l.usage.call.is_phone())
    {
        phone_legs = checked(phone_legs.cadd(l.usage.legs), "the phone legs")?;
    }
    let phone_minutes = minutes(priced.parts.phone_seconds)?;
    let per_organiser = if scenario.organisers() == 0 {
        None
    } else {
        Some(Quantity(checked(
            phone_minutes.0.cdiv(Decimal::from(scenario.organisers())),
            "the phone minutes per organiser",
        )?))
    };

    let warnings = warnings::collect(
        card,
        scenario.organisation_country(),
        [per_minute.credits_monthly, per_user.credits_monthly],
    );

    Ok(Quote {
        currency: card.currency().to_string(),
        card: CardSummary {
            id: card.id().to_string(),
            name: card.name().to_string(),
            effective_from: card.effective_from().to_string(),
            illustrative: card.illustrative(),
            source: card.source().to_string(),
        },
        organisers: scenario.organisers(),
        licences_purchased: scenario.licences_purchased(),
        usage: UsageSummary {
            phone_legs: Quantity(phone_legs),
            phone_minutes,
            phone_minutes_per_organiser: per_organiser,
        },
        savings_yearly: savings_monthly.checked_times(12, "the yearly savings")?,
        per_minute,
        per_user,
        cheaper,
        savings_monthly,
        break_even,
        warnings,
    })
}

/// The two models' unrounded monthly totals (pay-per-minute, per-user): what the break-even
/// equation compares. For checks and tests; quotes show rounded lines.
pub fn unrounded_totals(card: &RateCard, scenario: &Scenario) -> Result<(Decimal, Decimal), Error> {
    let priced = price(card, scenario)?;
    let sum = |m: &PricedModel| -> Result<Decimal, Error> {
        let mut t = Decimal::ZERO;
        for v in m
            .lines
            .iter()
            .map(|l| l.raw)
            .chain(m.fees.iter().map(|f| f.raw))
        {
            t = checked(t.cadd(v), "an unrounded total")?;
        }
        Ok(t)
    };
    Ok((sum(&priced.per_minute)?, sum(&priced.per_user)?))
}

/// The break-even alone (for the cost curve and the UI's sentence).
pub fn break_even(card: &RateCard, scenario: &Scenario) -> Result<BreakEven, Error> {
    let priced = price(card, scenario)?;
    break_even::solve(&priced.parts, scenario.organisers())
}

/// The two models' rounded monthly totals (pay-per-minute, per-user), exactly as a quote shows
/// them, without the rest of the quote (used for every point of the cost curve).
pub fn monthly_totals(card: &RateCard, scenario: &Scenario) -> Result<(Money, Money), Error> {
    priced_totals(card, &price(card, scenario)?)
}

/// Both models' monthly totals of an unrounded pricing, rounded as a quote rounds them.
/// Each line is rounded by the one rule and summed, as [`model_quote`] does for its total.
pub(crate) fn priced_totals(card: &RateCard, priced: &Priced) -> Result<(Money, Money), Error> {
    let money = card.money();
    let total = |m: &PricedModel| -> Result<Money, Overflow> {
        let raws = m
            .lines
            .iter()
            .map(|l| l.raw)
            .chain(m.fees.iter().map(|f| f.raw));
        raws.into_iter().try_fold(money.zero(), |sum, raw| {
            sum.checked_add(money.round(raw), "the monthly total")
        })
    };
    Ok((total(&priced.per_minute)?, total(&priced.per_user)?))
}
