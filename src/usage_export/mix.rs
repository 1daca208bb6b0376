//! The licence mix of an import (`spec/rating.md` §5): the organisers' counted calls priced
//! with a card by [`crate::rating::mix`], with their addresses beside the figures. The
//! result is the one source of the mix's JSON (`ppm usage --mix --json`) and of what the
//! widget's panel and CSV show.

use rust_decimal::Decimal;
use serde::Serialize;

use super::reconcile::on_card;
use super::report::Imported;
use crate::rating::mix::{recommend, Method, Mix, MixError, MixInput, SplitTotal};
use crate::rating::{Money, RateCard};

/// One organiser in the mix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MixOrganiser {
    /// Their UPN as the export writes it.
    pub upn: String,
    /// Whether the recommendation licenses them.
    pub licensed: bool,
    /// Calls (rows) in the period.
    pub calls: u64,
    /// Their figures, each priced alone.
    #[serde(flatten)]
    pub figures: crate::rating::mix::OrganiserFigures,
}

/// How the recommendation was found, for people and JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MixMethod {
    /// Whether every split was priced (the minimum), else searched.
    pub exhaustive: bool,
    /// Splits priced.
    pub splits: u64,
    /// An upper bound on how far the recommendation may be above the minimum ("0.00" when
    /// exhaustive).
    pub gap_bound: Money,
}

/// A split's totals with the licensed organisers named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NamedSplit {
    /// The licensed organisers' UPNs.
    pub licensed: Vec<String>,
    /// Its totals.
    #[serde(flatten)]
    pub total: SplitTotal,
}

/// The licence mix of an import under one card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LicenceMix {
    /// The card's id.
    pub card: String,
    /// Its currency.
    pub currency: String,
    /// The licence's price a month.
    pub licence_price: String,
    /// The recommended split.
    pub recommended: NamedSplit,
    /// Everyone licensed.
    pub all_licence: SplitTotal,
    /// No one licensed.
    pub all_pay_per_minute: SplitTotal,
    /// The saving a month against the better of the two.
    pub savings_monthly: Money,
    /// How it was found.
    pub method: MixMethod,
    /// The organisers, sorted by UPN.
    pub organisers: Vec<MixOrganiser>,
    /// Calls no organiser is named for (always priced pay-per-minute).
    pub unnamed_calls: u64,
    /// Of them, calls of organisers past the ones counted by name.
    pub organisers_past_limit_calls: u64,
    /// Whether the US/Canada add-on was assumed bought.
    pub us_canada_addon: bool,
}

impl LicenceMix {
    /// The positions of the licensed organisers (in `organisers`' order).
    pub fn licensed(&self) -> Vec<bool> {
        self.organisers.iter().map(|o| o.licensed).collect()
    }
}

/// What the mix of `imported` is computed from with `card`: the organisers' calls (those the
/// card cannot price left out, as from the scenario) and the import's month factor. Also what
/// a what-if split is priced from ([`crate::rating::mix::SplitTable`]).
pub fn mix_input(imported: &Imported, card: &RateCard, us_canada_addon: bool) -> MixInput {
    let usage = &imported.organisers;
    let (organisers, unnamed) = usage.calls(|call, country| on_card(card, country, call));
    let per_month =
        Decimal::from_str_exact(&imported.report.period.month_factor).unwrap_or(Decimal::ONE);
    MixInput {
        organisers,
        unnamed,
        per_month,
        steps: usage.steps,
        us_canada_addon,
    }
}

/// The licence mix of `imported` priced with `card`; `us_canada_addon` as the page or the
/// command line sets it.
pub fn licence_mix(
    imported: &Imported,
    card: &RateCard,
    us_canada_addon: bool,
) -> Result<LicenceMix, MixError> {
    licence_mix_of(imported, card, &mix_input(imported, card, us_canada_addon))
}

/// The licence mix of `imported` from its [`mix_input`] already made (the widget keeps the
/// input to price what-if splits).
pub fn licence_mix_of(
    imported: &Imported,
    card: &RateCard,
    input: &MixInput,
) -> Result<LicenceMix, MixError> {
    let usage = &imported.organisers;
    let us_canada_addon = input.us_canada_addon;
    let mix: Mix = recommend(card, input)?;
    let money = card.money();
    let method = match mix.method {
        Method::Exhaustive { splits } => MixMethod {
            exhaustive: true,
            splits,
            gap_bound: money.zero(),
        },
        Method::Search { splits, gap_bound } => MixMethod {
            exhaustive: false,
            splits,
            gap_bound,
        },
    };
    let organisers: Vec<MixOrganiser> = usage
        .named
        .iter()
        .zip(mix.organisers)
        .zip(&mix.licensed)
        .map(|((counted, figures), licensed)| MixOrganiser {
            upn: counted.upn.clone(),
            licensed: *licensed,
            calls: counted.calls,
            figures,
        })
        .collect();
    Ok(LicenceMix {
        card: card.id().to_string(),
        currency: card.currency().to_string(),
        licence_price: card.licence().price_per_user_month.value().to_string(),
        recommended: NamedSplit {
            licensed: organisers
                .iter()
                .filter(|o| o.licensed)
                .map(|o| o.upn.clone())
                .collect(),
            total: mix.recommended,
        },
        all_licence: mix.all_licence,
        all_pay_per_minute: mix.all_per_minute,
        savings_monthly: mix.savings_monthly,
        method,
        organisers,
        unnamed_calls: usage.unnamed.calls,
        organisers_past_limit_calls: usage.over_limit,
        us_canada_addon,
    })
}
