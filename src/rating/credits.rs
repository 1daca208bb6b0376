//! Communications Credits: how much of each model is billed to the prepaid balance, and the
//! auto-recharge settings we recommend.
//!
//! **The rule.** Let S be a model's monthly credits spend (the sum of its rounded per-minute
//! lines; licence and add-on fees are not paid from credits).
//! - recharge amount = max(minimum purchase, S rounded up to a whole currency unit):
//!   one recharge buys about a month of calls;
//! - trigger amount = max(minimum purchase, S / 2 rounded up to a whole currency unit):
//!   the balance is topped up while about two weeks of calls are still covered, so toll-free
//!   numbers and dial-out never stop because the balance reached zero.
//!
//! With no spend (S = 0) there is nothing to recommend. Credits expire 12 months after purchase,
//! so when 12 × S is less than the minimum purchase the quote warns that part of each purchase
//! may expire unused.

use crate::rating::money::DecimalOps as _;
use rust_decimal::Decimal;
use serde::Serialize;

use super::card::RateCard;
use super::money::Money;

/// Recommended auto-recharge settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Recharge {
    /// Recharge when the balance falls below this.
    pub trigger: Money,
    /// Buy this much each time.
    pub amount: Money,
}

/// The recommendation for a monthly credits spend, or `None` when nothing is spent.
pub fn recommend(card: &RateCard, monthly_spend: Money) -> Option<Recharge> {
    if monthly_spend.amount().is_zero() {
        return None;
    }
    let money = card.money();
    let minimum = card.credits_minimum_purchase();
    let amount = money.ceil_whole(monthly_spend.amount()).max(minimum);
    let trigger = money
        .ceil_whole(
            monthly_spend
                .amount()
                .cdiv(Decimal::TWO)
                .unwrap_or(Decimal::ZERO),
        )
        .max(minimum);
    Some(Recharge { trigger, amount })
}

/// Whether a minimum purchase lasts longer than the 12 months credits stay valid.
pub fn may_expire(card: &RateCard, monthly_spend: Money) -> bool {
    let spend = monthly_spend.amount();
    !spend.is_zero()
        && spend
            .cmul(Decimal::from(12))
            .is_some_and(|year| year < card.credits_minimum_purchase().amount())
}
