//! The running total that stays in view on a narrow screen: both monthly totals, the cheaper
//! one in bold with how much less it costs. On a wide layout the results sit beside the inputs and the bar is hidden (CSS).

use std::rc::Rc;

use yew::prelude::*;

use crate::lang::Lang;
use crate::rating::quote::Cheaper;
use crate::ui::format::Numbers;
use crate::ui::pricing::Priced;

/// Props of [`SummaryBar`].
#[derive(Properties, PartialEq)]
pub struct SummaryBarProps {
    /// The priced form.
    pub priced: Rc<Priced>,
    /// Page language.
    pub lang: Lang,
}

/// The sticky summary of both monthly totals.
#[component]
pub fn SummaryBar(p: &SummaryBarProps) -> Html {
    let q = &p.priced.quote;
    let t = p.lang.texts();
    let n = Numbers::of_quote(p.lang, q);
    // The winner is said in words too, not by colour alone: how much less it costs.
    let saving = crate::ui::i18n::fill(t.bar_saving, &[&n.money(&q.savings_monthly.to_string())]);
    let model = |name: &str, total: String, wins: bool| {
        html! {
            <span class="ppm-bar-model" data-winner={wins.then_some("")}>
                { name }{ " " }
                if wins {
                    <strong>{ total }</strong>{ " " }<span class="ppm-bar-saving" id="bar-saving">{ saving.clone() }</span>
                } else { { total } }
            </span>
        }
    };
    html! {
        <div class="ppm-sticky" id="summary-bar" part="summary-bar">
            <span class="ppm-bar-title">{ t.summary_bar }{ t.colon }</span>
            { model(t.pay_per_minute, n.money(&q.per_minute.monthly_total.to_string()), q.cheaper == Cheaper::PerMinute) }
            { model(t.per_user, n.money(&q.per_user.monthly_total.to_string()), q.cheaper == Cheaper::PerUser) }
        </div>
    }
}
