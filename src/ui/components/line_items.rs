//! The line items of both models, per call type and country.

use yew::prelude::*;

use crate::lang::Lang;
use crate::rating::pricing::LineBilling;
use crate::rating::quote::{LineKind, ModelQuote, QuoteLine};
use crate::rating::Call;
use crate::ui::browser::CountryNames;
use crate::ui::format::{exact, Numbers};
use crate::ui::markup::Markup;
use crate::ui::pricing::Priced;

fn describe(l: &QuoteLine, lang: Lang, names: &CountryNames) -> String {
    let t = lang.texts();
    match l.kind {
        LineKind::Licence => t.licence_line.to_string(),
        LineKind::Addon => t.addon_line.to_string(),
        LineKind::Call => {
            let call = t.call(l.call.unwrap_or(Call::App));
            format!(
                "{call}, {}",
                l.country
                    .map(|c| names.name(c.as_str()))
                    .unwrap_or_default()
            )
        }
    }
}

/// One model's line items as an HTML table, written into `out`.
fn table(
    out: &mut Markup,
    (title, id): (&str, &str),
    m: &ModelQuote,
    lang: Lang,
    n: &Numbers,
    names: &CountryNames,
) {
    let t = lang.texts();
    let shown = |l: &&QuoteLine| l.billing != Some(LineBilling::Free);
    // The licences column only where a line counts licences (the per-user licence, the
    // add-on), so that a table of calls keeps its width.
    let licences = m
        .lines
        .iter()
        .filter(shown)
        .any(|l| l.legs.is_none() && l.quantity.is_some());
    out.open("table", &[("class", "ppm-lines"), ("id", id)])
        .element("caption", &[], title)
        .literal("<thead><tr>")
        .element("th", &[("scope", "col")], t.lines);
    if licences {
        out.element(
            "th",
            &[("scope", "col"), ("class", "num")],
            t.licences_column,
        );
    }
    for head in [t.legs, t.minutes, t.rate, t.amount] {
        out.element("th", &[("scope", "col"), ("class", "num")], head);
    }
    out.literal("</tr></thead><tbody>");
    for l in m.lines.iter().filter(shown) {
        let note = match l.billing {
            Some(LineBilling::IncludedInLicence) => format!(" ({})", t.included),
            Some(LineBilling::Addon) => format!(" ({})", t.covered_by_addon),
            Some(LineBilling::Pool) => {
                let covered = l
                    .covered_minutes
                    .map(|c| n.plain(&c.0.to_string(), 1))
                    .unwrap_or_default();
                format!(" ({})", crate::ui::i18n::fill(t.pool_covers, &[&covered]))
            }
            _ => String::new(),
        };
        let price = match (l.rate, l.unit_price) {
            _ if matches!(
                l.billing,
                Some(LineBilling::IncludedInLicence | LineBilling::Addon)
            ) =>
            {
                String::new()
            }
            (Some(r), _) => format!("{}{}", exact(lang, &r.to_string()), t.per_minute_unit),
            (None, Some(u)) => format!("{}{}", exact(lang, &u.to_string()), t.per_user_unit),
            _ => String::new(),
        };
        let cell = |out: &mut Markup, class: &str, label: &str, text: &str| {
            out.element("td", &[("class", class), ("data-label", label)], text);
        };
        out.literal("<tr>")
            .open("th", &[("scope", "row")])
            .text(&describe(l, lang, names))
            .text(&note)
            .close("th");
        if licences {
            let count = match (l.legs, l.quantity) {
                (None, Some(q)) => n.plain(&q.to_string(), 0),
                _ => String::new(),
            };
            cell(out, "num", t.licences_column, &count);
        }
        let legs = l.legs.map(|v| n.plain(&v.0.to_string(), 1));
        let minutes = l.minutes.map(|v| n.plain(&v.0.to_string(), 0));
        cell(out, "num", t.legs, &legs.unwrap_or_default());
        cell(out, "num", t.minutes, &minutes.unwrap_or_default());
        cell(out, "num ppm-price", t.rate, &price);
        cell(
            out,
            "num ppm-amount",
            t.amount,
            &n.money(&l.amount.to_string()),
        );
        out.literal("</tr>");
    }
    out.literal("</tbody><tfoot><tr>")
        .element(
            "th",
            &[
                ("scope", "row"),
                ("colspan", if licences { "5" } else { "4" }),
            ],
            t.monthly,
        )
        .element(
            "td",
            &[("class", "num")],
            &n.money(&m.monthly_total.to_string()),
        )
        .literal("</tr></tfoot></table>");
}

/// Both models' line items.
pub fn line_items(priced: &Priced, lang: Lang, names: &CountryNames) -> Html {
    let t = lang.texts();
    let n = Numbers::of_quote(lang, &priced.quote);
    let q = &priced.quote;
    let mut tables = Markup::default();
    table(
        &mut tables,
        (t.pay_per_minute, "lines-per-minute"),
        &q.per_minute,
        lang,
        &n,
        names,
    );
    table(
        &mut tables,
        (t.per_user, "lines-per-user"),
        &q.per_user,
        lang,
        &n,
        names,
    );
    html! {
        <section class="ppm-line-items" aria-label={t.lines} tabindex="0">
            { tables.into_html() }
        </section>
    }
}
