//! The import's panel: progress while the files are read, then the report (period, rows used
//! and left out, organisers, calls by way of joining and country, the card beside the bill)
//! and the two ways to use the measured profile.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::mix_panel::LicenceMixPanel;
use super::texts::{texts, UsageTexts};
use crate::form::link;
use crate::form::Form;
use crate::lang::Lang;
use crate::rating::mix::Steps;
use crate::rating::RateCard;
use crate::registry::with_registry;
use crate::ui::browser::CountryNames;
use crate::ui::format;
use crate::usage_export::{
    for_card, reconcile, Basis, ExportError, ImportOptions, Imported, Reconciliation, UsageImport,
};

/// The widget's callback `(fragment, replace)`; always equal (it never changes).
#[derive(Clone)]
pub struct Apply(pub js_sys::Function);

impl PartialEq for Apply {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// Props of [`ImportPanel`].
#[derive(Properties, Clone, PartialEq)]
pub struct ImportPanelProps {
    /// The files to read.
    pub files: Rc<Vec<web_sys::File>>,
    /// The page's language.
    pub lang: Lang,
    /// The card the widget prices with.
    pub card: String,
    /// Hands the result to the widget.
    pub apply: Apply,
}

/// Where an import is.
#[derive(Clone, PartialEq)]
enum Phase {
    /// Reading: bytes read, bytes in all, rows read.
    Reading(u64, u64, u64),
    /// The files cannot be imported.
    Failed(Rc<ExportError>),
    /// Read; `used`: whether the result was used (true: replaced, false: added).
    Done(Rc<Imported>, Option<bool>),
}

/// How long an import may take before its progress is shown (ms).
const PROGRESS_AFTER_MS: u32 = 250;

/// Reads every file with the import's state machine, reporting progress after each range.
async fn read(
    files: Rc<Vec<web_sys::File>>,
    progress: impl Fn(u64, u64, u64),
    profile: &str,
    steps: Steps,
) -> Result<Imported, ExportError> {
    let list = files.iter().map(|f| (f.name(), f.size() as u64)).collect();
    // Each organiser's calls are counted in the card's steps, for the licence mix.
    let mut import = UsageImport::new(list).with_steps(steps);
    let total = import.total();
    while let Some(need) = import.need() {
        let failed = |why: String| ExportError::Read {
            file: files.get(need.file).map(|f| f.name()).unwrap_or_default(),
            why,
        };
        let file = files
            .get(need.file)
            .ok_or_else(|| failed("missing".into()))?;
        let blob = file
            .slice_with_f64_and_f64(need.start as f64, need.end as f64)
            .map_err(|_| failed("cannot slice".into()))?;
        let buffer = JsFuture::from(blob.array_buffer()).await.map_err(|e| {
            failed(
                e.as_string()
                    .unwrap_or_else(|| "the browser refused".into()),
            )
        })?;
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        import.give(&bytes)?;
        let (read, rows) = import.progress();
        progress(read, total, rows);
    }
    import.finish(&ImportOptions {
        profile_name: profile.to_string(),
        ..ImportOptions::default()
    })
}

/// The import's panel.
#[component]
pub fn ImportPanel(props: &ImportPanelProps) -> Html {
    let t = texts(props.lang);
    let phase = use_state(|| Phase::Reading(0, 0, 0));
    let slow = use_state(|| false);
    {
        let phase = phase.clone();
        let slow = slow.setter();
        let files = props.files.clone();
        let profile = t.profile_name;
        let steps = with_registry(|r| r.get(Some(&props.card)).map(Steps::of)).unwrap_or_default();
        use_effect_with((), move |_| {
            let timer =
                gloo::timers::callback::Timeout::new(PROGRESS_AFTER_MS, move || slow.set(true));
            wasm_bindgen_futures::spawn_local(async move {
                let p = phase.clone();
                let result = read(
                    files,
                    move |a, b, c| p.set(Phase::Reading(a, b, c)),
                    profile,
                    steps,
                )
                .await;
                phase.set(match result {
                    Ok(imported) => Phase::Done(Rc::new(imported), None),
                    Err(e) => Phase::Failed(Rc::new(e)),
                });
                drop(timer);
            });
        });
    }
    match &*phase {
        Phase::Reading(read, total, rows) => {
            if !*slow {
                return html! { <div class="ppm-import" id="usage-report" aria-busy="true"></div> };
            }
            let mb = |b: u64| {
                format!(
                    "{} MB",
                    format::plain(props.lang, &format!("{:.1}", b as f64 / 1e6), 1)
                )
            };
            html! {
                <div class="ppm-import" id="usage-report" aria-busy="true">
                    <progress id="usage-progress" max={total.to_string()} value={read.to_string()} aria-labelledby="usage-progress-text"></progress>
                    <p role="status" id="usage-progress-text">{ (t.reading)(&mb(*read), &mb(*total), &format::plain(props.lang, &rows.to_string(), 0)) }</p>
                </div>
            }
        }
        Phase::Failed(e) => html! {
            <div class="ppm-import" id="usage-report">
                <p class="ppm-notice" role="alert" id="usage-error">{ (t.failed)(&(t.error)(e)) }</p>
            </div>
        },
        Phase::Done(imported, used) => {
            let card = with_registry(|r| r.get(Some(&props.card)).cloned()).ok();
            let on_use = {
                let phase = phase.clone();
                let imported = imported.clone();
                let (apply, card_id) = (props.apply.clone(), props.card.clone());
                let card = card.clone();
                let done = used.is_some();
                Callback::from(move |replace: bool| {
                    // Used once; the buttons stay focusable (aria-disabled), so focus stays.
                    if done {
                        return;
                    }
                    let Some(card) = &card else { return };
                    let (doc, _) = for_card(&imported, card);
                    let Ok(form) = Form::from_scenario(&card_id, &doc, Lang::En) else {
                        return;
                    };
                    let fragment = link::encode(&form, None);
                    if apply
                        .0
                        .call2(
                            &JsValue::NULL,
                            &JsValue::from_str(&fragment),
                            &JsValue::from_bool(replace),
                        )
                        .is_ok()
                    {
                        phase.set(Phase::Done(imported.clone(), Some(replace)));
                    }
                })
            };
            let mix = if imported.organisers.named.is_empty() {
                html! {}
            } else {
                html! { <LicenceMixPanel imported={imported.clone()} lang={props.lang} card={props.card.clone()} /> }
            };
            report(t, props.lang, imported, card.as_ref(), *used, on_use, mix)
        }
    }
}

/// The report of a finished import.
fn report(
    t: &UsageTexts,
    lang: Lang,
    imported: &Imported,
    card: Option<&RateCard>,
    used: Option<bool>,
    on_use: Callback<bool>,
    mix: Html,
) -> Html {
    let r = &imported.report;
    let names = CountryNames::new(lang.tag());
    let words = lang.texts();
    let n = |v: u64| format::plain(lang, &v.to_string(), 0);
    let period = match (&r.period.from, &r.period.to) {
        (Some(a), Some(b)) => (t.period)(
            &format::date(lang, a),
            &format::date(lang, b),
            &n(u64::from(r.period.days)),
        ),
        _ => (t.period_days)(&n(u64::from(r.period.days))),
    };
    let rec: Option<Reconciliation> = card.and_then(|c| reconcile(imported, c).ok());
    let files: Vec<String> = r.files.iter().map(|f| f.name.clone()).collect();
    html! {
        <div class="ppm-import" id="usage-report">
            <h3>{ t.heading }</h3>
            <p id="usage-period">{ format!("{}: {period}", files.join(", ")) }</p>
            <dl class="ppm-import-counts">
                <dt>{ t.rows_read }</dt><dd id="usage-rows-read">{ n(r.rows_read) }</dd>
                <dt>{ t.rows_used }</dt><dd id="usage-rows-used">{ n(r.rows_used) }</dd>
                if !r.left_out.is_empty() {
                    <dt>{ t.left_out }</dt>
                    <dd>
                        <ul id="usage-left-out">
                            { for r.left_out.iter().map(|l| {
                                let mut rows: Vec<String> = l.first_rows.iter().map(|x| n(*x)).collect();
                                if l.count > l.first_rows.len() as u64 {
                                    rows.push("…".into());
                                }
                                html! { <li>{ format!("{}: {} ({})", (t.reason)(l.reason), n(l.count), (t.rows)(&rows.join(", "))) }</li> }
                            }) }
                        </ul>
                    </dd>
                }
                <dt>{ t.organisers_found }</dt>
                <dd id="usage-organisers">{ if r.organisers_found == 0 && r.rows_used > 0 { t.organisers_assumed.to_string() } else { n(r.organisers_found) } }</dd>
            </dl>
            if r.pages_missing {
                <p class="ppm-notice" role="alert" id="usage-pages-missing">{ t.pages_missing }</p>
            }
            if !r.unknown_call_types.is_empty() {
                <p class="ppm-hint" id="usage-unknown-call-types">{ (t.unknown_call_types)(&r.unknown_call_types.iter().map(|c| {
                    let name = if c.name.is_empty() { t.empty.to_string() } else { format!("“{}”", c.name) };
                    format!("{name} {}", n(c.count))
                }).collect::<Vec<_>>().join(", ")) }</p>
            }
            { for r.files.iter().filter(|f| !f.columns_not_understood.is_empty()).map(|f| html! {
                <p class="ppm-hint">{ (t.columns_not_understood)(&f.columns_not_understood.join(", ")) }</p>
            }) }
            { for r.files.iter().filter(|f| !f.skipped_entries.is_empty()).map(|f| html! {
                <p class="ppm-hint">{ (t.skipped)(&f.skipped_entries.join(", ")) }</p>
            }) }
            if !r.usage.is_empty() {
                <table class="ppm-lines" id="usage-minutes">
                    <caption>{ t.usage_caption }</caption>
                    <thead><tr>
                        <th scope="col">{ t.way }</th><th scope="col">{ t.country }</th>
                        <th scope="col" class="num">{ t.calls }</th><th scope="col" class="num">{ t.minutes }</th>
                    </tr></thead>
                    <tbody>
                        { for r.usage.iter().map(|u| html! {
                            <tr>
                                <th scope="row">{ words.call(u.call) }</th>
                                <td data-label={t.country}>{ names.name(&u.country) }</td>
                                <td class="num" data-label={t.calls}>{ n(u.legs) }</td>
                                <td class="num" data-label={t.minutes}>{ format::plain(lang, &format!("{:.3}", u.seconds as f64 / 60.0), 0) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            if let (Some(rec), Some(card)) = (rec, card) {
                { reconciliation(t, lang, &rec, card, &names) }
            }
            if r.rows_used == 0 {
                <p role="status" id="usage-nothing">{ t.nothing }</p>
            } else {
                <div class="ppm-import-actions">
                    // aria-disabled, not disabled: a disabled button would drop the focus to the
                    // page's top after a click.
                    <button type="button" id="usage-replace" aria-disabled={used.is_some().to_string()} onclick={on_use.reform(|_: MouseEvent| true)}>{ t.replace }</button>
                    <button type="button" id="usage-add" aria-disabled={used.is_some().to_string()} onclick={on_use.reform(|_: MouseEvent| false)}>{ t.add }</button>
                </div>
                <p role="status" id="usage-used">{ match used { Some(true) => t.replaced, Some(false) => t.added, None => "" } }</p>
            }
            { mix }
        </div>
    }
}

/// The card beside the bill: a group of lines per offer that billed the calls, the totals, and
/// the share of the calls the licence billed. A table on a wide screen; on a narrow one each
/// line is a row of labelled numbers.
fn reconciliation(
    t: &UsageTexts,
    lang: Lang,
    rec: &Reconciliation,
    card: &RateCard,
    names: &CountryNames,
) -> Html {
    let words = lang.texts();
    let money = format::Numbers::new(lang, &rec.currency, card.money().decimals() as usize);
    let card_name = card.name_in(lang.tag()).to_string();
    let n = |v: u64| format::plain(lang, &v.to_string(), 0);
    let amount = |v: &Option<String>| {
        v.as_deref()
            .map(|d| money.money(d))
            .unwrap_or_else(|| "–".into())
    };
    let mut bases: Vec<Basis> = rec.lines.iter().map(|l| l.basis).collect();
    bases.dedup();
    let share = format!(
        "{}{}",
        format::plain(lang, &rec.licence_share, 1),
        if lang == Lang::En { "%" } else { "\u{a0}%" }
    );
    html! {
        <>
            <table class="ppm-lines ppm-stacks" id="usage-reconciliation">
                <caption>{ (t.reconcile_caption)(&card_name) }</caption>
                <thead><tr>
                    <th scope="col">{ t.way }</th><th scope="col">{ t.country }</th>
                    <th scope="col" class="num">{ t.calls }</th>
                    <th scope="col" class="num">{ t.card_price }</th>
                    <th scope="col" class="num">{ t.charge }</th>
                    <th scope="col" class="num">{ t.connection_fee }</th>
                    <th scope="col" class="num">{ t.difference }</th>
                </tr></thead>
                { for bases.iter().map(|b| html! {
                    <tbody class="ppm-basis" id={format!("usage-basis-{}", basis_id(*b))}>
                        <tr class="ppm-basis-head"><th scope="rowgroup" colspan="7">{ (t.basis)(*b) }</th></tr>
                        { for rec.lines.iter().filter(|l| l.basis == *b).map(|l| html! {
                            <tr class={classes!(l.disagrees.then_some("ppm-disagrees"))}>
                                <th scope="row">{ words.call(l.call) }</th>
                                <td data-label={t.country}>{ names.name(&l.country) }</td>
                                <td class="num" data-label={t.calls}>{ n(l.legs) }</td>
                                <td class="num" data-label={t.card_price}>{ money.money(&l.card) }</td>
                                <td class="num" data-label={t.charge}>
                                    if l.charge.is_some() || l.other_currencies.is_empty() {
                                        { amount(&l.charge) }
                                    }
                                    { for l.other_currencies.iter().map(|(c, a)| html! {
                                        <span class="ppm-hint ppm-other-currency">{ (t.other_currency)(&format::Numbers::new(lang, c, 2).money(a)) }</span>
                                    }) }
                                </td>
                                <td class="num" data-label={t.connection_fee}>{ amount(&l.connection_fee) }</td>
                                <td class="num" data-label={t.difference}>
                                    { amount(&l.difference) }
                                    if l.disagrees {
                                        <strong class="ppm-flag">{ " " }{ t.disagrees }</strong>
                                    }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                }) }
                <tfoot>
                    <tr id="usage-reconciliation-total">
                        <th scope="row">{ t.total }</th>
                        <td data-label={t.country}></td>
                        <td class="num" data-label={t.calls}>{ n(rec.totals.legs) }</td>
                        <td class="num" data-label={t.card_price}>{ money.money(&rec.totals.card) }</td>
                        <td class="num" data-label={t.charge}>{ money.money(&rec.totals.charge) }</td>
                        <td class="num" data-label={t.connection_fee}>{ money.money(&rec.totals.connection_fee) }</td>
                        <td class="num" data-label={t.difference}>{ money.money(&rec.totals.difference) }</td>
                    </tr>
                </tfoot>
            </table>
            <p class="ppm-hint">{ t.reconcile_note }</p>
            <p id="usage-licence-share">{ (t.licence_share)(&share, &n(rec.licence_legs), &n(rec.legs)) }</p>
            { for rec.not_on_card.iter().map(|nc| html! {
                <p class="ppm-hint ppm-not-on-card">{ (t.not_on_card)(words.call(nc.call), &names.name(&nc.country), &n(nc.legs)) }</p>
            }) }
            <p class="ppm-hint" id="usage-grouped">{ (t.grouped)(&card_name, &card.billing().increment_seconds.to_string()) }</p>
        </>
    }
}

/// The element id part of an offer.
fn basis_id(b: Basis) -> &'static str {
    match b {
        Basis::Licence => "licence",
        Basis::PayPerMinute => "per-minute",
        Basis::Unstated => "unstated",
    }
}
