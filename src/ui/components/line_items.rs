//! The line items of both models, per call type and country.

use yew::prelude::*;

use crate::lang::Lang;
use crate::rating::pricing::LineBilling;
use crate::rating::quote::{LineKind, ModelQuote, QuoteLine};
use crate::rating::Call;
use crate::ui::browser::CountryNames;
use crate::ui::format::{exact, Numbers};
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

/// One model's line items as a table (Yew nodes: an edit changes a few of its numbers; see
/// `ui::markup`).
fn table(
    title: &str,
    id: &str,
    m: &ModelQuote,
    lang: Lang,
    n: &Numbers,
    names: &CountryNames,
) -> Html {
    let t = lang.texts();
    let shown = |l: &&QuoteLine| l.billing != Some(LineBilling::Free);
    // The licences column only where a line counts licences (the per-user licence, the
    // add-on), so that a table of calls keeps its width.
    let licences = m
        .lines
        .iter()
        .filter(shown)
        .any(|l| l.legs.is_none() && l.quantity.is_some());
    html! {
        <table class="ppm-lines" id={id.to_string()}>
            <caption>{ title }</caption>
            <thead><tr>
                <th scope="col">{ t.lines }</th>
                if licences {
                    <th scope="col" class="num">{ t.licences_column }</th>
                }
                <th scope="col" class="num">{ t.legs }</th>
                <th scope="col" class="num">{ t.minutes }</th>
                <th scope="col" class="num">{ t.rate }</th>
                <th scope="col" class="num">{ t.amount }</th>
            </tr></thead>
            <tbody>
            { for m.lines.iter().filter(shown).map(|l| {
                let note = match l.billing {
                    Some(LineBilling::IncludedInLicence) => format!(" ({})", t.included),
                    Some(LineBilling::Addon) => format!(" ({})", t.covered_by_addon),
                    Some(LineBilling::Pool) => {
                        let covered = l.covered_minutes.map(|c| n.plain(&c.0.to_string(), 1)).unwrap_or_default();
                        format!(" ({})", crate::ui::i18n::fill(t.pool_covers, &[&covered]))
                    }
                    _ => String::new(),
                };
                // Rates are per minute; a licence's or add-on's price is per user.
                let price = match (l.rate, l.unit_price) {
                    // Included or covered: no price to show (the note says why).
                    _ if matches!(l.billing, Some(LineBilling::IncludedInLicence | LineBilling::Addon)) => String::new(),
                    (Some(r), _) => format!("{}{}", exact(lang, &r.to_string()), t.per_minute_unit),
                    (None, Some(u)) => format!("{}{}", exact(lang, &u.to_string()), t.per_user_unit),
                    _ => String::new(),
                };
                html! {
                    <tr>
                        <th scope="row">{ describe(l, lang, names) }{ note }</th>
                        // For people: licences apart, legs a month to one decimal, minutes whole.
                        if licences {
                            <td class="num" data-label={t.licences_column}>{ if l.legs.is_none() { l.quantity.map(|q| n.plain(&q.to_string(), 0)).unwrap_or_default() } else { String::new() } }</td>
                        }
                        <td class="num" data-label={t.legs}>{ l.legs.map(|v| n.plain(&v.0.to_string(), 1)).unwrap_or_default() }</td>
                        <td class="num" data-label={t.minutes}>{ l.minutes.map(|v| n.plain(&v.0.to_string(), 0)).unwrap_or_default() }</td>
                        <td class="num ppm-price" data-label={t.rate}>{ price }</td>
                        <td class="num ppm-amount" data-label={t.amount}>{ n.money(&l.amount.to_string()) }</td>
                    </tr>
                }
            }) }
            </tbody>
            <tfoot><tr>
                <th scope="row" colspan={if licences { "5" } else { "4" }}>{ t.monthly }</th>
                <td class="num">{ n.money(&m.monthly_total.to_string()) }</td>
            </tr></tfoot>
        </table>
    }
}

/// Both models' line items.
pub fn line_items(priced: &Priced, lang: Lang, names: &CountryNames) -> Html {
    let t = lang.texts();
    let n = Numbers::of_quote(lang, &priced.quote);
    html! {
        <section class="ppm-line-items" aria-label={t.lines} tabindex="0">
            { table(t.pay_per_minute, "lines-per-minute", &priced.quote.per_minute, lang, &n, names) }
            { table(t.per_user, "lines-per-user", &priced.quote.per_user, lang, &n, names) }
        </section>
    }
}
