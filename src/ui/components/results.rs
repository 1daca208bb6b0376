//! The results: both models' totals side by side, the winner, the break-even sentence, the
//! pool, the credits recommendation, warnings, line items and the chart.

use std::rc::Rc;

use yew::prelude::*;

use super::chart::chart;
use super::glossary::glossary;
use super::line_items::line_items;
use crate::lang::Lang;
use crate::rating::quote::{Cheaper, ModelQuote, Quote};
use crate::ui::browser::CountryNames;
use crate::ui::embed::{Hidden, Section};
use crate::ui::format::Numbers;
use crate::ui::lean_hooks::{use_effect_on, use_local_state, use_memo_on};
use crate::ui::markup::Markup;
use crate::ui::pricing::Priced;
use crate::ui::quote_words::{self, CardTexts};

/// Props of [`Results`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The priced form.
    pub priced: Rc<Priced>,
    /// Page language.
    pub lang: Lang,
    /// Sections a host page hides.
    #[prop_or_default]
    pub hidden: Hidden,
}

fn model_card(
    title: &str,
    id: &str,
    m: &ModelQuote,
    n: &Numbers,
    lang: Lang,
    winner: bool,
) -> Html {
    let t = lang.texts();
    html! {
        <div class="ppm-model" id={id.to_string()}
            part={if winner { "model winner-model" } else { "model" }}>
            <h3>{ title }</h3>
            <p class="ppm-total"><span class="ppm-monthly" id={format!("{id}-monthly")}>{ n.money(&m.monthly_total.to_string()) }</span>
                { " " }<span class="ppm-per">{ t.monthly }</span></p>
            <p class="ppm-yearly"><span id={format!("{id}-yearly")}>{ n.money(&m.yearly_total.to_string()) }</span>{ " " }{ t.yearly }</p>
            <p class="ppm-credits">{ t.credits }{ t.colon }{ " " }
                { match &m.credits_recharge {
                    Some(r) => crate::ui::i18n::fill(t.credits_rule, &[&n.money(&m.credits_monthly.to_string()), &n.money(&r.amount.to_string()), &n.money(&r.trigger.to_string())]),
                    None => t.credits_none.to_string(),
                } }
            </p>
        </div>
    }
}

/// One `Intl.DisplayNames` per language, not one per render (one hook for both components that
/// name countries, so that its code is there once).
#[hook]
fn use_country_names(lang: Lang) -> Rc<CountryNames> {
    use_memo_on(lang, |lang| CountryNames::new(lang.tag()))
}

/// `value` as of the last painted frame: the first render gets it at once (the prerendered
/// page has it all), later changes arrive just after the next paint. The totals answer a
/// keystroke in its own frame; the chart and the line items follow in the next.
#[hook]
fn use_after_paint(value: Rc<Priced>) -> Rc<Priced> {
    let shown = use_local_state(|| value.clone());
    {
        let setter = shown.clone();
        use_effect_on(value, move |v| {
            let v = v.clone();
            crate::ui::browser::after_next_paint(move || setter.set(v));
        });
    }
    shown.get()
}

/// The results panel.
#[component]
pub fn Results(p: &ResultsProps) -> Html {
    let later = use_after_paint(p.priced.clone());
    let names = use_country_names(p.lang);
    results(p, later, &names)
}

/// The results drawn.
fn results(p: &ResultsProps, later: Rc<Priced>, names: &CountryNames) -> Html {
    let q = &p.priced.quote;
    let t = p.lang.texts();
    // Only embedded widgets hide sections (the page's bundle drops these checks).
    let hidden = if cfg!(feature = "element") {
        p.hidden
    } else {
        Hidden::default()
    };
    let n = Numbers::of_quote(p.lang, q);
    let savings = n.money(&q.savings_monthly.to_string());
    let winner = match q.cheaper {
        Cheaper::PerMinute => Some(t.cheaper_ppm),
        Cheaper::PerUser => Some(t.cheaper_pu),
        Cheaper::Equal => None,
    }
    .map(|who| format!("{who} {} {savings} {}.", t.by, t.per_month_word))
    .unwrap_or_else(|| format!("{}.", t.equal));
    let break_even = quote_words::break_even(q, p.lang);
    // The card's line and the notes (written out as one piece and replaced whole) follow an edit
    // a frame later, with the chart and the line items: a keystroke's frame does not write them
    // out again.
    let lc = &later.quote.card;
    let card = CardTexts::of(&lc.id, &lc.name, p.lang);
    let notes = notes(&later.quote, p.lang, hidden, &card, names);
    html! {
        <div class="ppm-result-body">
            <p class="ppm-card-note">{ format!("{} · {} {}{}", card.name, t.prices_as_of, crate::ui::format::date(p.lang, &lc.effective_from.to_string()), if lc.illustrative { format!(" · {}", t.illustrative) } else { String::new() }) }</p>
            <div role="status" aria-live="polite" class="ppm-summary" id="summary" part="summary">
                <div class="ppm-models">
                    { model_card(t.pay_per_minute, "per-minute", &q.per_minute, &n, p.lang, q.cheaper == Cheaper::PerMinute) }
                    { model_card(t.per_user, "per-user", &q.per_user, &n, p.lang, q.cheaper == Cheaper::PerUser) }
                </div>
                <p class="ppm-winner" id="winner" part="winner">{ winner }</p>
                <p class="ppm-break-even" id="break-even">{ break_even }</p>
            </div>
            { notes.into_html() }
            <Figures ..FiguresProps { priced: later, lang: p.lang,
                chart: !hidden.hides(Section::Chart), lines: !hidden.hides(Section::Lines) } />
        </div>
    }
}

/// The pool's use and the warnings, written out as one piece.
fn notes(q: &Quote, lang: Lang, hidden: Hidden, card: &CardTexts, names: &CountryNames) -> Markup {
    let t = lang.texts();
    let n = Numbers::of_quote(lang, q);
    let mut notes = Markup::default();
    // Only when some dial-out can use the pool.
    if let (Some(pool), false) = (
        q.per_user
            .pool
            .as_ref()
            .filter(|p| !p.eligible_minutes.0.is_zero()),
        hidden.hides(Section::Pool),
    ) {
        let covered = n.plain(&pool.covered_minutes.0.to_string(), 1);
        let minutes = n.plain(&pool.minutes.0.to_string(), 1);
        notes.element(
            "p",
            &[("class", "ppm-pool"), ("id", "pool")],
            &format!(
                "{}{} {covered} {} {minutes} min",
                t.pool, t.colon, t.pool_of
            ),
        );
    }
    if !q.warnings.is_empty() && !hidden.hides(Section::Warnings) {
        notes
            .literal("<section class=\"ppm-warnings\" aria-labelledby=\"warnings-title\">")
            .element("h3", &[("id", "warnings-title")], t.warnings)
            .literal("<ul>");
        for w in &q.warnings {
            notes.element("li", &[], &quote_words::warning(lang, w, card, &n, names));
        }
        notes.literal("</ul></section>");
    }
    notes
}

/// Whether the glossary is drawn open: when the page's kept results, which these replace, had
/// it open (the same answer at every drawing).
fn glossary_kept_open() -> bool {
    #[cfg(feature = "page")]
    return super::prerendered::glossary_open();
    #[cfg(not(feature = "page"))]
    false
}

/// Props of [`Figures`].
#[derive(Properties, PartialEq)]
struct FiguresProps {
    /// The quote shown a frame after the totals.
    priced: Rc<Priced>,
    /// Page language.
    lang: Lang,
    /// The chart is shown.
    chart: bool,
    /// The line items are shown.
    lines: bool,
}

/// The glossary, the chart and the line items: drawn again only when the quote they show or
/// the language changes, the quote a frame after the totals (the glossary is here so that a
/// keystroke's frame does not write out its terms again).
#[component]
fn Figures(p: &FiguresProps) -> Html {
    let names = use_country_names(p.lang);
    html! {
        <>
            { glossary(p.lang, glossary_kept_open()) }
            if p.chart {
                { chart(&p.priced, p.lang) }
            }
            if p.lines {
                { line_items(&p.priced, p.lang, &names) }
            }
        </>
    }
}
