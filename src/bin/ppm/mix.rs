//! `ppm usage --mix`: which organisers should hold a licence, for people.

use std::fmt::Write as _;

use ppm_pricing::rating::RateCard;
use ppm_pricing::usage_export::{LicenceMix, MixOrganiser};
use rust_decimal::prelude::*;

/// Organisers listed in the table; the rest are counted (the JSON has them all).
const LISTED: usize = 40;

/// Whole minutes, with thousands separators.
fn whole(minutes: Decimal) -> String {
    let n = minutes
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        .to_i128()
        .unwrap_or(0);
    let digits = n.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

/// Why an organiser is where the recommendation puts them.
fn why(o: &MixOrganiser, licence: &str) -> String {
    let f = &o.figures;
    let worth = format!(
        "toll dial-in {} + pool {} against a licence of {licence}",
        f.toll_dial_in_value, f.pool_value
    );
    match (
        o.licensed,
        f.saving_alone.is_sign_negative() || f.saving_alone.is_zero(),
    ) {
        (true, false) => worth,
        (true, true) => format!("{worth}; licensed for the shared pool"),
        (false, _) => format!(
            "alone {} per minute, {} licensed",
            f.per_minute_alone, f.licence_alone
        ),
    }
}

/// The mix as text: the recommendation, the three totals, the organisers.
pub fn mix_table(mix: &LicenceMix, card: &RateCard) -> String {
    let mut out = String::new();
    let c = &mix.currency;
    let n = mix.organisers.len();
    let r = &mix.recommended;
    let _ = writeln!(
        out,
        "Licence mix with {} ({c} a month{})",
        card.name(),
        if mix.us_canada_addon {
            ", US/Canada add-on bought"
        } else {
            ""
        }
    );
    let _ = writeln!(
        out,
        "  Recommended       license {} of {n} organisers: {} (per-user {} + pay-per-minute {})",
        r.total.licences, r.total.monthly_total, r.total.per_user, r.total.per_minute
    );
    let _ = writeln!(out, "  All licensed      {}", mix.all_licence.monthly_total);
    let _ = writeln!(
        out,
        "  All per minute    {}",
        mix.all_pay_per_minute.monthly_total
    );
    let _ = writeln!(
        out,
        "  Saving            {} a month against the better of the two",
        mix.savings_monthly
    );
    let m = &mix.method;
    let _ = if m.exhaustive {
        writeln!(
            out,
            "  Method            every split priced ({}): the cheapest",
            m.splits
        )
    } else {
        writeln!(
            out,
            "  Method            searched {} splits; the cheapest is at most {} below this",
            m.splits, m.gap_bound
        )
    };
    let _ = writeln!(
        out,
        "  This assumes the agreement allows both offers in one tenant."
    );
    if mix.unnamed_calls > 0 {
        let _ = writeln!(
            out,
            "  {} calls name no organiser and stay on pay-per-minute{}.",
            mix.unnamed_calls,
            if mix.organisers_past_limit_calls > 0 {
                format!(
                    " ({} of them of organisers past the {} counted by name)",
                    mix.organisers_past_limit_calls,
                    ppm_pricing::usage_export::MAX_NAMED
                )
            } else {
                String::new()
            }
        );
    }
    let _ = writeln!(
        out,
        "\n  {:<32} {:<8} {:>7} {:>13} {:>10} {:>10}  why",
        "organiser", "offer", "calls", "toll-in min", "out min", "saving"
    );
    // Licensed first, then by stand-alone saving, largest first.
    let mut order: Vec<&MixOrganiser> = mix.organisers.iter().collect();
    order.sort_by(|a, b| {
        b.licensed
            .cmp(&a.licensed)
            .then(b.figures.saving_alone.cmp(&a.figures.saving_alone))
    });
    for o in order.iter().take(LISTED) {
        let f = &o.figures;
        let _ = writeln!(
            out,
            "  {:<32} {:<8} {:>7} {:>13} {:>10} {:>10}  {}",
            o.upn,
            if o.licensed { "licence" } else { "per min" },
            o.calls,
            whole(f.toll_dial_in_minutes),
            whole(f.dial_out_minutes),
            f.saving_alone.round_dp(card.money().decimals()),
            why(o, &mix.licence_price)
        );
    }
    if n > LISTED {
        let _ = writeln!(out, "  … and {} more (--json lists them all)", n - LISTED);
    }
    out
}
