//! The "Licence mix" panel under an import's report (`spec/rating.md` §5): the recommended
//! split of the organisers between the licence and pay-per-minute in one sentence, the three
//! totals, and the organisers (sortable), each with a licence checkbox that prices the
//! visitor's own split at once. The addresses never leave the browser: nothing of the mix goes
//! into the share link.

use std::rc::Rc;

use yew::prelude::*;

use super::mix_csv::mix_csv;
use super::mix_texts::{mix_texts, MixTexts};
use crate::lang::Lang;
use crate::rating::mix::{MixError, MixInput, SplitTable, SplitTotal};
use crate::rating::{Call, Money, RateCard};
use crate::registry::with_registry;
use crate::ui::format;
use crate::usage_export::{licence_mix_of, mix_input, Imported, LicenceMix, MixOrganiser};

/// Organisers listed before "Show all".
const FIRST_ROWS: usize = 50;

/// Props of [`LicenceMixPanel`].
#[derive(Properties, Clone, PartialEq)]
pub struct MixPanelProps {
    /// The import.
    pub imported: Rc<Imported>,
    /// The page's language.
    pub lang: Lang,
    /// The card the widget prices with.
    pub card: String,
}

/// A mix worked out, with what its what-if splits are priced from.
#[derive(Clone)]
struct Ready {
    mix: Rc<LicenceMix>,
    input: Rc<MixInput>,
    card: Rc<RateCard>,
}

impl PartialEq for Ready {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.mix, &other.mix)
    }
}

/// Where the mix is.
#[derive(Clone, PartialEq)]
enum Phase {
    Working,
    Failed(Rc<MixError>),
    Ready(Ready),
}

/// The columns the table sorts by.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SortBy {
    /// Stand-alone saving, largest first (before the visitor picks a column).
    Saving,
    Organiser,
    Calls,
    Toll,
    DialOut,
}

/// Works the mix out for `card_id` (on the page's card registry).
fn work_out(imported: &Imported, card_id: &str, addon: bool) -> Result<Ready, MixError> {
    let card = with_registry(|r| r.get(Some(card_id)).cloned()).map_err(|e| {
        MixError::Rating(crate::rating::Error::Option {
            name: "card".into(),
            message: e.to_string(),
        })
    })?;
    let input = mix_input(imported, &card, addon);
    let mix = licence_mix_of(imported, &card, &input)?;
    Ok(Ready {
        input: Rc::new(input),
        mix: Rc::new(mix),
        card: Rc::new(card),
    })
}

/// The panel.
#[component]
pub fn LicenceMixPanel(props: &MixPanelProps) -> Html {
    let t = mix_texts(props.lang);
    let addon = use_state(|| false);
    let phase = use_state(|| Phase::Working);
    // The visitor's split and its totals (None: the recommendation).
    let split = use_state(Vec::<bool>::new);
    let yours = use_state(|| None::<SplitTotal>);
    let sort = use_state(|| (SortBy::Saving, true));
    let show_all = use_state(|| false);
    {
        let (phase, split, yours) = (phase.clone(), split.clone(), yours.clone());
        let imported = props.imported.clone();
        use_effect_with(
            (
                props.card.clone(),
                *addon,
                Rc::as_ptr(&props.imported) as usize,
            ),
            move |(card, addon, _)| {
                phase.set(Phase::Working);
                let (card, addon) = (card.clone(), *addon);
                // After the report is drawn: a large tenant takes a moment.
                let timer = gloo::timers::callback::Timeout::new(0, move || {
                    match work_out(&imported, &card, addon) {
                        Ok(ready) => {
                            split.set(ready.mix.licensed());
                            yours.set(None);
                            phase.set(Phase::Ready(ready));
                        }
                        Err(e) => phase.set(Phase::Failed(Rc::new(e))),
                    }
                });
                move || drop(timer)
            },
        );
    }
    let body = match &*phase {
        Phase::Working => html! { <p role="status" id="licence-mix-working">{ t.working }</p> },
        Phase::Failed(e) => html! {
            <p class="ppm-notice" role="alert" id="licence-mix-error">{ (t.error)(e) }</p>
        },
        Phase::Ready(ready) => {
            let toggle = {
                let (split, yours, ready) = (split.clone(), yours.clone(), ready.clone());
                Callback::from(move |i: usize| {
                    let mut next = (*split).clone();
                    if let Some(on) = next.get_mut(i) {
                        *on = !*on;
                    }
                    let total = if next == ready.mix.licensed() {
                        None
                    } else {
                        SplitTable::new(&ready.card, &ready.input)
                            .and_then(|table| table.total(&next))
                            .ok()
                    };
                    yours.set(total);
                    split.set(next);
                })
            };
            let reset = {
                let (split, yours, ready) = (split.clone(), yours.clone(), ready.clone());
                Callback::from(move |_: MouseEvent| {
                    split.set(ready.mix.licensed());
                    yours.set(None);
                })
            };
            let download = {
                let (split, yours, ready, lang) =
                    (split.clone(), yours.clone(), ready.clone(), props.lang);
                Callback::from(move |_: MouseEvent| {
                    let total = yours.unwrap_or(ready.mix.recommended.total);
                    let text = mix_csv(mix_texts(lang), lang, &ready.mix, &split, &total);
                    crate::ui::browser::download(
                        mix_texts(lang).file_name,
                        "text/csv;charset=utf-8",
                        &format!("\u{feff}{text}"),
                    );
                })
            };
            let on_sort = {
                let sort = sort.clone();
                Callback::from(move |by: SortBy| {
                    let (now, descending) = *sort;
                    // A column first sorts the way people look for it (names A to Z, numbers
                    // largest first); again, the other way.
                    let first = by != SortBy::Organiser;
                    sort.set((by, if now == by { !descending } else { first }));
                })
            };
            let on_addon = {
                let addon = addon.clone();
                Callback::from(move |_: Event| addon.set(!*addon))
            };
            let more = {
                let show_all = show_all.setter();
                Callback::from(move |_: MouseEvent| show_all.set(true))
            };
            let view = View {
                t,
                lang: props.lang,
                ready,
                split: &split,
                yours: yours.as_ref(),
                sort: *sort,
                show_all: *show_all,
                addon: *addon,
            };
            view.render(toggle, reset, download, on_sort, on_addon, more)
        }
    };
    html! {
        <section class="ppm-licence-mix" id="licence-mix" aria-labelledby="licence-mix-heading">
            <h3 id="licence-mix-heading">{ t.heading }</h3>
            { body }
        </section>
    }
}

/// What a ready panel shows.
struct View<'a> {
    t: &'static MixTexts,
    lang: Lang,
    ready: &'a Ready,
    split: &'a [bool],
    yours: Option<&'a SplitTotal>,
    sort: (SortBy, bool),
    show_all: bool,
    addon: bool,
}

impl View<'_> {
    fn money(&self, m: &Money) -> String {
        let mix = &self.ready.mix;
        let decimals = self.ready.card.money().decimals() as usize;
        format::Numbers::new(self.lang, &mix.currency, decimals).money(&m.to_string())
    }

    fn count(&self, n: u64) -> String {
        format::plain(self.lang, &n.to_string(), 0)
    }

    fn licences(&self, total: &SplitTotal) -> String {
        (self.t.licences)(total.licences, &self.count(total.licences))
    }

    /// The recommendation in one sentence.
    fn sentence(&self) -> String {
        let (t, mix) = (self.t, &self.ready.mix);
        let n = self.count(mix.organisers.len() as u64);
        let r = &mix.recommended.total;
        let total = self.money(&r.monthly_total);
        if r.licences == mix.organisers.len() as u64 {
            (t.all)(
                &n,
                &total,
                &self.money(&mix.all_pay_per_minute.monthly_total),
            )
        } else if r.licences == 0 {
            (t.none)(&n, &total, &self.money(&mix.all_licence.monthly_total))
        } else {
            let against = if mix.all_licence.monthly_total <= mix.all_pay_per_minute.monthly_total {
                t.against_licence
            } else {
                t.against_per_minute
            };
            (t.some)(
                &self.count(r.licences),
                &n,
                &total,
                &self.money(&mix.savings_monthly),
                against,
            )
        }
    }

    /// Why an organiser is where the visitor's split puts them.
    fn why(&self, o: &MixOrganiser, licensed: bool) -> String {
        let f = &o.figures;
        let (ppm, lic) = (
            self.money(&f.per_minute_alone),
            self.money(&f.licence_alone),
        );
        let price = self.ready.card.licence().price_per_user_month.value();
        let decimals = self.ready.card.money().decimals() as usize;
        let price = format::Numbers::new(self.lang, &self.ready.mix.currency, decimals)
            .money(&price.to_string());
        match (licensed, f.saving_alone > rust_decimal::Decimal::ZERO) {
            (true, true) => (self.t.why_licensed)(
                &self.money(&f.toll_dial_in_value),
                &self.money(&f.pool_value),
                &price,
            ),
            (true, false) => (self.t.why_pooled)(&ppm, &lic),
            (false, _) => (self.t.why_not)(&ppm, &lic),
        }
    }

    /// The organisers' positions in the table's order.
    fn order(&self) -> Vec<usize> {
        let os = &self.ready.mix.organisers;
        let mut order: Vec<usize> = (0..os.len()).collect();
        let (by, descending) = self.sort;
        order.sort_by(|a, b| {
            let (x, y) = (&os[*a], &os[*b]);
            let o = match by {
                SortBy::Saving => x.figures.saving_alone.cmp(&y.figures.saving_alone),
                SortBy::Organiser => x.upn.to_lowercase().cmp(&y.upn.to_lowercase()),
                SortBy::Calls => x.calls.cmp(&y.calls),
                SortBy::Toll => x
                    .figures
                    .toll_dial_in_minutes
                    .cmp(&y.figures.toll_dial_in_minutes),
                SortBy::DialOut => x.figures.dial_out_minutes.cmp(&y.figures.dial_out_minutes),
            };
            let o = if descending { o.reverse() } else { o };
            o.then(a.cmp(b))
        });
        order
    }

    fn header(&self, by: SortBy, label: String, on_sort: &Callback<SortBy>, num: bool) -> Html {
        let (now, descending) = self.sort;
        let aria = (now == by).then_some(if descending {
            "descending"
        } else {
            "ascending"
        });
        html! {
            <th scope="col" class={classes!(num.then_some("num"))} aria-sort={aria}>
                <button type="button" class="ppm-sort" onclick={on_sort.reform(move |_: MouseEvent| by)}>{ label }</button>
            </th>
        }
    }

    fn render(
        &self,
        toggle: Callback<usize>,
        reset: Callback<MouseEvent>,
        download: Callback<MouseEvent>,
        on_sort: Callback<SortBy>,
        on_addon: Callback<Event>,
        more: Callback<MouseEvent>,
    ) -> Html {
        let (t, mix) = (self.t, &self.ready.mix);
        let words = self.lang.texts();
        let order = self.order();
        let shown = if self.show_all {
            order.len()
        } else {
            order.len().min(FIRST_ROWS)
        };
        let minutes = |d: &rust_decimal::Decimal| format::plain(self.lang, &d.to_string(), 0);
        let method = if mix.method.exhaustive {
            (t.exhaustive)(&self.count(mix.method.splits))
        } else {
            (t.searched)(
                &self.count(mix.method.splits),
                &self.money(&mix.method.gap_bound),
            )
        };
        let total_row = |id: &'static str, label: &str, total: &SplitTotal| {
            html! {
                <>
                    <dt>{ label.to_string() }</dt>
                    <dd id={id}>{ format!("{} · {}", self.money(&total.monthly_total), self.licences(total)) }</dd>
                </>
            }
        };
        html! {
            <>
                if self.ready.card.us_canada_addon().is_some() {
                    <label class="ppm-check" for="licence-mix-addon">
                        <input type="checkbox" id="licence-mix-addon" checked={self.addon} onchange={on_addon} />
                        { t.addon }
                    </label>
                }
                <p id="licence-mix-sentence"><strong>{ self.sentence() }</strong></p>
                <dl class="ppm-licence-totals">
                    { total_row("licence-mix-recommended", t.recommended, &mix.recommended.total) }
                    { total_row("licence-mix-all-licence", t.all_licence, &mix.all_licence) }
                    { total_row("licence-mix-all-per-minute", t.all_per_minute, &mix.all_pay_per_minute) }
                </dl>
                <p role="status" id="licence-mix-yours">
                    if let Some(y) = self.yours {
                        { format!("{}: {} · {}", t.yours, self.money(&y.monthly_total), self.licences(y)) }
                    }
                </p>
                <p class="ppm-hint" id="licence-mix-method">{ method }</p>
                <p class="ppm-hint" id="licence-mix-assumption">{ t.assumption }</p>
                if mix.unnamed_calls > 0 {
                    <p class="ppm-hint" id="licence-mix-unnamed">{ (t.unnamed)(&self.count(mix.unnamed_calls)) }</p>
                }
                <p class="ppm-hint">{ t.private }</p>
                <table class="ppm-lines ppm-stacks" id="licence-mix-organisers">
                    <caption>{ t.caption }</caption>
                    <thead><tr>
                        { self.header(SortBy::Organiser, t.organiser.into(), &on_sort, false) }
                        { self.header(SortBy::Calls, t.calls.into(), &on_sort, true) }
                        { self.header(SortBy::Toll, (t.minutes_of)(words.call(Call::TollDialIn)), &on_sort, true) }
                        { self.header(SortBy::DialOut, (t.minutes_of)(words.call(Call::DialOut)), &on_sort, true) }
                        <th scope="col">{ t.licence }</th>
                        <th scope="col">{ t.why }</th>
                    </tr></thead>
                    <tbody>
                        { for order.iter().take(shown).map(|&i| {
                            let o = &mix.organisers[i];
                            let on = self.split.get(i).copied().unwrap_or(false);
                            let toggle = toggle.reform(move |_: Event| i);
                            html! {
                                <tr key={i} class={classes!(on.then_some("ppm-licensed"))}>
                                    <th scope="row" class="ppm-upn">{ o.upn.clone() }</th>
                                    <td class="num" data-label={t.calls}>{ self.count(o.calls) }</td>
                                    <td class="num" data-label={(t.minutes_of)(words.call(Call::TollDialIn))}>{ minutes(&o.figures.toll_dial_in_minutes) }</td>
                                    <td class="num" data-label={(t.minutes_of)(words.call(Call::DialOut))}>{ minutes(&o.figures.dial_out_minutes) }</td>
                                    <td data-label={t.licence}>
                                        <input type="checkbox" id={format!("licence-mix-{i}")} checked={on}
                                            aria-label={(t.licence_for)(&o.upn)} onchange={toggle} />
                                    </td>
                                    <td class="ppm-why" data-label={t.why}>{ self.why(o, on) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                if shown < order.len() {
                    <button type="button" id="licence-mix-show-all" onclick={more}>{ (t.show_all)(&self.count(order.len() as u64)) }</button>
                }
                <div class="ppm-import-actions">
                    if self.yours.is_some() {
                        <button type="button" id="licence-mix-reset" onclick={reset}>{ t.reset }</button>
                    }
                    <button type="button" id="licence-mix-csv" onclick={download}>{ t.download }</button>
                </div>
            </>
        }
    }
}
