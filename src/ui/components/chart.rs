//! The chart: both models' monthly cost against phone minutes per organiser, with today's
//! usage and the break-even marked, and a data table for screen readers. Coordinates are
//! computed with decimals too (no float formatting code in the bundle).

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::lang::Lang;
use crate::rating::money::DecimalOps as _;
use crate::ui::format::Numbers;
use crate::ui::pricing::Priced;

/// Props of [`Chart`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// The quote and its curve.
    pub priced: Rc<Priced>,
    /// Page language.
    pub lang: Lang,
}

const W: i64 = 560;
const H: i64 = 260;
const LEFT: i64 = 64;
const BOTTOM: i64 = 36;
const TOP: i64 = 12;
const RIGHT: i64 = 12;

/// `from + value / max × span`, to one decimal, as SVG text.
fn coord(value: Decimal, max: Decimal, from: i64, span: i64) -> String {
    let ratio = value.cdiv(max).unwrap_or(Decimal::ZERO);
    ratio
        .cmul(Decimal::from(span))
        .and_then(|v| v.cadd(Decimal::from(from)))
        .unwrap_or(Decimal::ZERO)
        .round_dp(1)
        .to_string()
}

/// The SVG chart plus its data table.
#[component]
pub fn Chart(p: &ChartProps) -> Html {
    let t = p.lang.texts();
    let n = Numbers::of_quote(p.lang, &p.priced.quote);
    let axis = n.whole();
    let curve = &p.priced.curve;
    let pts = &curve.points;
    // Today's usage (factor 1) is marked when there are organisers to measure it by.
    let today = p.priced.quote.usage.phone_minutes_per_organiser.is_some();
    let x_of = |i: usize| {
        pts.get(i)
            .and_then(|q| q.phone_minutes_per_organiser)
            .map(|m| m.0)
            .unwrap_or(Decimal::ZERO)
    };
    let x_max = (0..pts.len())
        .map(x_of)
        .max()
        .unwrap_or(Decimal::ONE)
        .max(Decimal::ONE);
    let y_max = pts
        .iter()
        .flat_map(|q| [q.per_minute.amount(), q.per_user.amount()])
        .max()
        .unwrap_or(Decimal::ONE)
        .max(Decimal::ONE);
    let width = W - LEFT - RIGHT;
    let height = H - BOTTOM - TOP;
    let sx = |x: Decimal| coord(x, x_max, LEFT, width);
    let sy = |y: Decimal| coord(y, y_max, H - BOTTOM, -height);
    let path = |pick: &dyn Fn(usize) -> Decimal| {
        (0..pts.len())
            .map(|i| {
                format!(
                    "{}{},{}",
                    if i == 0 { "M" } else { "L" },
                    sx(x_of(i)),
                    sy(pick(i))
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let ppm_path = path(&|i| pts[i].per_minute.amount());
    let pu_path = path(&|i| pts[i].per_user.amount());
    // Factors map linearly onto phone minutes: x = factor / last factor × x_max.
    let last_factor = pts.last().map(|q| q.factor.0).unwrap_or(Decimal::ONE);
    let factor_x = |f: Decimal| coord(f, last_factor, LEFT, width);
    let today_x = today.then(|| factor_x(Decimal::ONE));
    let even_x = curve.break_even_factor.map(|f| factor_x(f.0));
    let step = (pts.len() / 8).max(1);
    let (x0, x1, y0, y1) = (
        LEFT.to_string(),
        (W - RIGHT).to_string(),
        TOP.to_string(),
        (H - BOTTOM).to_string(),
    );
    let label_y = (H - 8).to_string();
    html! {
        <figure class="ppm-chart" aria-labelledby="chart-title">
            <figcaption id="chart-title">{ t.chart_title }</figcaption>
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-labelledby="chart-title" focusable="false">
                <line x1={x0.clone()} y1={y1.clone()} x2={x1.clone()} y2={y1.clone()} class="axis" />
                <line x1={x0.clone()} y1={y0.clone()} x2={x0.clone()} y2={y1.clone()} class="axis" />
                <text x={x0.clone()} y={label_y.clone()} class="tick">{ "0" }</text>
                <text x={x1.clone()} y={label_y.clone()} class="tick" text-anchor="end">{ n.plain(&x_max.to_string(), 0) }</text>
                <text x={(LEFT - 6).to_string()} y={(TOP + 10).to_string()} class="tick" text-anchor="end">{ axis.money(&y_max.round_dp(0).to_string()) }</text>
                <path d={pu_path} class="line per-user" />
                <path d={ppm_path} class="line per-minute" />
                if let Some(x) = today_x {
                    <line x1={x.clone()} y1={y0.clone()} x2={x.clone()} y2={y1.clone()} class="mark today" />
                    <text x={x} y={(TOP + 12).to_string()} dx="4" class="tick">{ t.today }</text>
                }
                if let Some(x) = even_x {
                    <line x1={x.clone()} y1={y0.clone()} x2={x.clone()} y2={y1.clone()} class="mark even" />
                    <text x={x} y={(TOP + 26).to_string()} dx="4" class="tick">{ t.break_even }</text>
                }
            </svg>
            <p class="ppm-x-label">{ t.chart_x }{ " →" }</p>
            <p class="ppm-legend"><span class="key per-minute"></span>{ t.pay_per_minute }<span class="key per-user"></span>{ t.per_user }</p>
            // The wrapper clips the table (a table ignores its own width), so it never widens
            // the page.
            <div class="visually-hidden">
            <table id="chart-data">
                <caption>{ t.chart_title }</caption>
                <thead><tr><th scope="col">{ t.chart_x }</th><th scope="col">{ t.pay_per_minute }</th><th scope="col">{ t.per_user }</th></tr></thead>
                <tbody>
                { for pts.iter().step_by(step).map(|q| html! {
                    <tr>
                        <th scope="row">{ q.phone_minutes_per_organiser.map(|m| n.plain(&m.0.to_string(), 1)).unwrap_or_default() }</th>
                        <td>{ n.money(&q.per_minute.to_string()) }</td>
                        <td>{ n.money(&q.per_user.to_string()) }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            </div>
        </figure>
    }
}
