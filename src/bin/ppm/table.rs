//! `ppm quote --table`: the quote as a plain-text table for people.

use std::fmt::Write as _;

use ppm_pricing::rating::pricing::LineBilling;
use ppm_pricing::rating::quote::{Cheaper, LineKind, ModelQuote, QuoteLine};
use ppm_pricing::rating::Quote;

fn describe(line: &QuoteLine) -> String {
    match line.kind {
        LineKind::Licence => "Audio Conferencing licences".to_string(),
        LineKind::Addon => "US/Canada dial-out add-on".to_string(),
        LineKind::Call => {
            let call = line.call.map(|c| c.describe()).unwrap_or("");
            format!(
                "{call} {}",
                line.country.map(|c| c.to_string()).unwrap_or_default()
            )
        }
    }
}

fn note(line: &QuoteLine) -> String {
    match (line.billing, &line.covered_minutes) {
        (Some(LineBilling::IncludedInLicence), _) => "included".into(),
        (Some(LineBilling::Addon), _) => "add-on".into(),
        (Some(LineBilling::Free), _) => "app, free".into(),
        (Some(LineBilling::Pool), Some(c)) => format!("pool covers {}", json_text(c)),
        _ => String::new(),
    }
}

fn json_text<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn model(out: &mut String, title: &str, m: &ModelQuote, currency: &str) {
    let _ = writeln!(out, "\n{title}");
    let _ = writeln!(
        out,
        "  {:<32} {:>10} {:>12} {:>10} {:>12}",
        "line", "legs/qty", "minutes", "rate", "amount"
    );
    for l in &m.lines {
        let (qty, minutes, rate) = match l.kind {
            LineKind::Call => (
                l.legs.as_ref().map(json_text).unwrap_or_default(),
                l.minutes.as_ref().map(json_text).unwrap_or_default(),
                l.rate.map(|r| r.to_string()).unwrap_or_default(),
            ),
            _ => (
                l.quantity.map(|q| q.to_string()).unwrap_or_default(),
                String::new(),
                l.unit_price.map(|p| p.to_string()).unwrap_or_default(),
            ),
        };
        // Long fractions (averages) are shown to 2 places; whole digits are never cut (the
        // JSON has the exact value).
        let minutes = match minutes.parse::<rust_decimal::Decimal>() {
            Ok(d) if d.scale() > 2 => d.round_dp(2).normalize().to_string(),
            _ => minutes,
        };
        let _ = writeln!(
            out,
            "  {:<32} {:>10} {:>12} {:>10} {:>12}  {}",
            describe(l),
            qty,
            minutes,
            rate,
            l.amount.to_string(),
            note(l)
        );
    }
    if let Some(p) = &m.pool {
        let _ = writeln!(
            out,
            "  Zone A pool: {} min, eligible {} min, covered {} min",
            json_text(&p.minutes),
            json_text(&p.eligible_minutes),
            json_text(&p.covered_minutes)
        );
    }
    let _ = writeln!(
        out,
        "  {:<32} {:>47} {currency}",
        "Monthly total",
        m.monthly_total.to_string()
    );
    let _ = writeln!(
        out,
        "  {:<32} {:>47} {currency}",
        "Yearly total",
        m.yearly_total.to_string()
    );
    match &m.credits_recharge {
        Some(r) => {
            let _ = writeln!(
                out,
                "  Communications Credits: {} {currency}/month; auto-recharge {} when the balance falls below {}",
                m.credits_monthly, r.amount, r.trigger
            );
        }
        None => {
            let _ = writeln!(out, "  Communications Credits: none needed");
        }
    }
}

/// Renders a quote as a table.
pub fn render(q: &Quote) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {}, prices as of {}{}",
        q.card.name,
        q.currency,
        q.card.effective_from,
        if q.card.illustrative {
            ", illustrative rates"
        } else {
            ""
        }
    );
    let _ = writeln!(
        out,
        "{} organisers, {} licences purchased; {} phone minutes per month ({} legs)",
        q.organisers,
        q.licences_purchased,
        json_text(&q.usage.phone_minutes),
        json_text(&q.usage.phone_legs)
    );
    model(&mut out, "Pay-per-minute", &q.per_minute, &q.currency);
    model(&mut out, "Per-user licence", &q.per_user, &q.currency);
    let _ = writeln!(out);
    match q.cheaper {
        Cheaper::Equal => {
            let _ = writeln!(out, "Both models cost the same per month.");
        }
        c => {
            let _ = writeln!(
                out,
                "Cheaper: {}, by {} {} per month ({} per year).",
                if c == Cheaper::PerMinute {
                    "pay-per-minute"
                } else {
                    "the per-user licence"
                },
                q.savings_monthly,
                q.currency,
                q.savings_yearly
            );
        }
    }
    match (
        &q.break_even.phone_minutes_per_organiser,
        &q.break_even.reason,
    ) {
        (Some(m), _) => {
            let _ = writeln!(
                out,
                "Break-even: the licence pays off above {} phone minutes per organiser per month (usage factor {}).",
                m.0.round_dp(1).normalize(),
                q.break_even
                    .factor
                    .map(|f| f.0.round_dp(3).normalize().to_string())
                    .unwrap_or_default()
            );
        }
        (None, Some(r)) => {
            let _ = writeln!(out, "Break-even: none; {r}.");
        }
        (None, None) => {}
    }
    if !q.warnings.is_empty() {
        let _ = writeln!(out, "\nWarnings:");
        for w in &q.warnings {
            let _ = writeln!(out, "  - {}", w.message);
        }
    }
    // No trailing blanks: lines without a note end at their amount.
    out.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}
