//! CSV export of a quote's line items (both models), for sales staff. Plain Rust.

use crate::rating::quote::{LineKind, ModelQuote};
use crate::rating::Quote;

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn model_rows(out: &mut String, model: &str, m: &ModelQuote, currency: &str) {
    for l in &m.lines {
        let kind = match l.kind {
            LineKind::Call => "call",
            LineKind::Licence => "licence",
            LineKind::Addon => "addon",
        };
        let q = |v: &Option<crate::rating::quote::Quantity>| {
            v.map(|q| q.0.normalize().to_string()).unwrap_or_default()
        };
        let row = [
            model.to_string(),
            kind.to_string(),
            l.call.map(|c| c.as_word().to_string()).unwrap_or_default(),
            l.country.map(|c| c.to_string()).unwrap_or_default(),
            l.legs
                .map(|v| v.0.normalize().to_string())
                .or(l.quantity.map(|n| n.to_string()))
                .unwrap_or_default(),
            q(&l.minutes),
            l.rate
                .or(l.unit_price)
                .map(|r| r.to_string())
                .unwrap_or_default(),
            l.amount.to_string(),
            currency.to_string(),
        ];
        let row: Vec<String> = row.iter().map(|f| field(f)).collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out.push_str(&format!(
        "{model},total,,,,,,{},{currency}\n",
        m.monthly_total
    ));
}

/// The line items of both models as CSV (one header row; amounts per month).
pub fn line_items(q: &Quote) -> String {
    let mut out = String::from(
        "model,kind,call,country,legs_or_quantity,minutes,rate_or_unit_price,amount,currency\n",
    );
    model_rows(&mut out, "perMinute", &q.per_minute, &q.currency);
    model_rows(&mut out, "perUser", &q.per_user, &q.currency);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rating::{quote, RateCard, Scenario};
    use crate::ui::state::Form;

    #[test]
    fn csv_of_the_example() {
        let card = RateCard::from_toml_str(include_str!("../../rates/illustrative-usd.toml"), None)
            .unwrap();
        let form = Form::example("illustrative-usd", crate::ui::i18n::Lang::En);
        let q = quote(&card, &Scenario::from_document(&form.scenario()).unwrap()).unwrap();
        let csv = line_items(&q);
        // 48 legs x 60 min x 0.0220 = 63.36 (weekly all-hands, German toll dial-in).
        assert!(
            csv.contains("perMinute,call,tollDialIn,DE,48,2880,0.0220,63.36,USD\n"),
            "{csv}"
        );
        assert!(
            csv.contains("perUser,licence,,,50,,4.00,200.00,USD\n"),
            "{csv}"
        );
        assert_eq!(
            csv.lines().next().unwrap(),
            "model,kind,call,country,legs_or_quantity,minutes,rate_or_unit_price,amount,currency"
        );
        assert_eq!(field("a,\"b\""), "\"a,\"\"b\"\"\"");
    }
}
