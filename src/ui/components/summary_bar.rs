//! The running total that stays in view on a narrow screen: both monthly totals, the cheaper
//! one in bold with how much less it costs. On a wide layout the results sit beside the inputs and the bar is hidden (CSS).

use yew::prelude::*;

use crate::lang::Lang;
use crate::rating::quote::Cheaper;
use crate::ui::format::Numbers;
use crate::ui::markup::Markup;
use crate::ui::pricing::Priced;

/// The sticky summary of both monthly totals.
pub fn summary_bar(priced: &Priced, lang: Lang) -> Html {
    let q = &priced.quote;
    let t = lang.texts();
    let n = Numbers::of_quote(lang, q);
    let mut m = Markup::default();
    m.open("span", &[("class", "ppm-bar-title")])
        .text(t.summary_bar)
        .text(t.colon)
        .close("span");
    let models = [
        (
            t.pay_per_minute,
            &q.per_minute.monthly_total,
            Cheaper::PerMinute,
        ),
        (t.per_user, &q.per_user.monthly_total, Cheaper::PerUser),
    ];
    for (name, total, model) in models {
        let total = n.money(&total.to_string());
        if q.cheaper == model {
            // The winner is said in words too, not by colour alone: how much less it costs.
            let saving = n.money(&q.savings_monthly.to_string());
            m.open("span", &[("class", "ppm-bar-model"), ("data-winner", "")])
                .text(name)
                .literal(" ")
                .element("strong", &[], &total)
                .literal(" ")
                .element(
                    "span",
                    &[("class", "ppm-bar-saving"), ("id", "bar-saving")],
                    &crate::ui::i18n::fill(t.bar_saving, &[&saving]),
                );
        } else {
            m.open("span", &[("class", "ppm-bar-model")])
                .text(name)
                .literal(" ")
                .text(&total);
        }
        m.close("span");
    }
    html! {
        <div class="ppm-sticky" id="summary-bar" part="summary-bar">
            { m.into_html() }
        </div>
    }
}
