//! The warnings a quote carries, each with a stable code for programs and a sentence for people.

use serde::Serialize;

use super::card::RateCard;
use super::country::CountryCode;
use super::credits;
use super::money::Money;

/// What a warning is about. The codes are stable: partners match on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum WarningCode {
    /// The card's rates are illustrative, not official.
    IllustrativeRates,
    /// The card's note on tax.
    TaxNote,
    /// The organisation is located where Communications Credits cannot be bought.
    CreditsUnavailable,
    /// The organisation is located where Audio Conferencing is not sold.
    AudioConferencingUnavailable,
    /// Pay-per-minute is sold only to Volume Licensing customers.
    VolumeLicensingOnly,
    /// A minimum credits purchase would outlast the 12 months credits stay valid.
    CreditsMayExpire,
}

/// One warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "QuoteWarning"))]
pub struct Warning {
    /// Stable code.
    pub code: WarningCode,
    /// Plain-words explanation.
    pub message: String,
    /// The countries the warning is about (those where credits cannot be bought), for user
    /// interfaces that write their own sentence. Not part of the quote JSON.
    #[serde(skip)]
    pub countries: Vec<CountryCode>,
    /// The amount the warning is about (the minimum credits purchase), likewise.
    #[serde(skip)]
    pub amount: Option<Money>,
}

/// The warnings for a quote on `card` for an organisation located in `organisation` (when
/// known) whose models spend `credits_spend` (pay-per-minute, per-user) on Communications
/// Credits each month. Availability depends on where the organisation is, never on where its
/// callers dial from or are dialled to; without a country there is no availability warning.
pub fn collect(
    card: &RateCard,
    organisation: Option<CountryCode>,
    credits_spend: [Money; 2],
) -> Vec<Warning> {
    let mut out = Vec::new();
    if card.illustrative() {
        out.push(Warning {
            code: WarningCode::IllustrativeRates,
            message: format!(
                "The rates of \"{}\" are illustrative, not Microsoft's official prices; ask your \
                 Microsoft representative or partner for a binding quote.",
                card.name()
            ),
            countries: Vec::new(),
            amount: None,
        });
    }
    if let Some(note) = card.tax_note() {
        out.push(Warning {
            code: WarningCode::TaxNote,
            message: note.to_string(),
            countries: Vec::new(),
            amount: None,
        });
    }
    if let Some((code, rates)) = organisation.and_then(|c| card.country(c).map(|r| (c, r))) {
        if !rates.audio_conferencing_available {
            out.push(Warning {
                code: WarningCode::AudioConferencingUnavailable,
                message: format!(
                    "Audio Conferencing is not sold to organisations located in {code}: neither \
                     model may be available to you."
                ),
                countries: vec![code],
                amount: None,
            });
        }
        if !rates.credits_available {
            out.push(Warning {
                code: WarningCode::CreditsUnavailable,
                message: format!(
                    "Communications Credits cannot be bought by organisations located in \
                     {code}: calls billed per minute (pay-per-minute, toll-free, dial-out beyond \
                     the pool) may not be possible."
                ),
                countries: vec![code],
                amount: None,
            });
        }
    }
    out.push(Warning {
        code: WarningCode::VolumeLicensingOnly,
        message: "Pay-per-minute Audio Conferencing is sold only to Volume Licensing customers, \
                  through their Microsoft account representative."
            .to_string(),
        countries: Vec::new(),
        amount: None,
    });
    if credits_spend.iter().any(|s| credits::may_expire(card, *s)) {
        out.push(Warning {
            code: WarningCode::CreditsMayExpire,
            message: format!(
                "Less than {} {} of Communications Credits are used per year; credits expire 12 \
                 months after purchase, so part of a minimum purchase may be forfeited.",
                card.credits_minimum_purchase(),
                card.currency()
            ),
            countries: Vec::new(),
            amount: Some(card.credits_minimum_purchase()),
        });
    }
    out
}
