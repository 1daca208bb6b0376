//! The chart: both models' monthly cost against phone minutes per organiser, with today's
//! usage and the break-even marked, and a data table for screen readers. Coordinates are
//! display-only floats; the values come from the core's curve.

use std::rc::Rc;

use yew::prelude::*;

use crate::rating::Curve;
use crate::ui::browser::Numbers;
use crate::ui::i18n::Lang;

/// Props of [`Chart`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// The curve.
    pub curve: Rc<Curve>,
    /// Page language.
    pub lang: Lang,
    /// Currency of the amounts.
    pub currency: String,
    /// Today's phone minutes per organiser.
    pub today: Option<String>,
}

const W: f64 = 560.0;
const H: f64 = 260.0;
const LEFT: f64 = 64.0;
const BOTTOM: f64 = 36.0;
const TOP: f64 = 12.0;
const RIGHT: f64 = 12.0;

fn num(s: &str) -> f64 {
    s.parse().unwrap_or(0.0)
}

/// The SVG chart plus its data table.
#[component]
pub fn Chart(p: &ChartProps) -> Html {
    let t = p.lang.texts();
    let n = Numbers::new(p.lang.tag(), &p.currency);
    let pts = &p.curve.points;
    let xs: Vec<f64> = pts
        .iter()
        .map(|q| {
            q.phone_minutes_per_organiser
                .map(|m| num(&m.0.to_string()))
                .unwrap_or(0.0)
        })
        .collect();
    let ppm: Vec<f64> = pts.iter().map(|q| num(&q.per_minute.to_string())).collect();
    let pu: Vec<f64> = pts.iter().map(|q| num(&q.per_user.to_string())).collect();
    let x_max = xs.iter().cloned().fold(1.0, f64::max);
    let y_max = ppm.iter().chain(pu.iter()).cloned().fold(1.0, f64::max);
    let sx = |x: f64| LEFT + x / x_max * (W - LEFT - RIGHT);
    let sy = |y: f64| H - BOTTOM - y / y_max * (H - BOTTOM - TOP);
    let path = |ys: &[f64]| {
        xs.iter()
            .zip(ys)
            .enumerate()
            .map(|(i, (x, y))| {
                format!(
                    "{}{:.1},{:.1}",
                    if i == 0 { "M" } else { "L" },
                    sx(*x),
                    sy(*y)
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let factor_to_x = |f: f64| {
        let (f0, f1) = (
            pts.first()
                .map(|q| num(&q.factor.0.to_string()))
                .unwrap_or(0.0),
            pts.last()
                .map(|q| num(&q.factor.0.to_string()))
                .unwrap_or(1.0),
        );
        if f1 <= f0 {
            LEFT
        } else {
            sx(f / f1 * x_max)
        }
    };
    let today_x = p.today.as_ref().map(|_| factor_to_x(1.0));
    let even_x = p
        .curve
        .break_even_factor
        .map(|f| factor_to_x(num(&f.0.to_string())));
    let step = (pts.len() / 8).max(1);
    html! {
        <figure class="ppm-chart" aria-labelledby="chart-title">
            <figcaption id="chart-title">{ t.chart_title }</figcaption>
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-labelledby="chart-title" focusable="false">
                <line x1={LEFT.to_string()} y1={(H - BOTTOM).to_string()} x2={(W - RIGHT).to_string()} y2={(H - BOTTOM).to_string()} class="axis" />
                <line x1={LEFT.to_string()} y1={TOP.to_string()} x2={LEFT.to_string()} y2={(H - BOTTOM).to_string()} class="axis" />
                <text x={LEFT.to_string()} y={(H - 8.0).to_string()} class="tick">{ "0" }</text>
                <text x={(W - RIGHT).to_string()} y={(H - 8.0).to_string()} class="tick" text-anchor="end">{ n.plain(&format!("{x_max:.0}")) }</text>
                <text x={(LEFT - 6.0).to_string()} y={(TOP + 10.0).to_string()} class="tick" text-anchor="end">{ n.money(&format!("{y_max:.0}")) }</text>
                <text x={((LEFT + W) / 2.0).to_string()} y={(H - 8.0).to_string()} class="label" text-anchor="middle">{ t.chart_x }</text>
                <path d={path(&pu)} class="line per-user" />
                <path d={path(&ppm)} class="line per-minute" />
                if let Some(x) = today_x {
                    <line x1={x.to_string()} y1={TOP.to_string()} x2={x.to_string()} y2={(H - BOTTOM).to_string()} class="mark today" />
                    <text x={(x + 4.0).to_string()} y={(TOP + 12.0).to_string()} class="tick">{ t.today }</text>
                }
                if let Some(x) = even_x {
                    <line x1={x.to_string()} y1={TOP.to_string()} x2={x.to_string()} y2={(H - BOTTOM).to_string()} class="mark even" />
                    <text x={(x + 4.0).to_string()} y={(TOP + 26.0).to_string()} class="tick">{ t.break_even }</text>
                }
            </svg>
            <p class="ppm-legend"><span class="key per-minute"></span>{ t.pay_per_minute }<span class="key per-user"></span>{ t.per_user }</p>
            <table class="visually-hidden" id="chart-data">
                <caption>{ t.chart_title }</caption>
                <thead><tr><th scope="col">{ t.chart_x }</th><th scope="col">{ t.pay_per_minute }</th><th scope="col">{ t.per_user }</th></tr></thead>
                <tbody>
                { for pts.iter().step_by(step).map(|q| html! {
                    <tr>
                        <th scope="row">{ q.phone_minutes_per_organiser.map(|m| n.plain(&m.0.round_dp(1).to_string())).unwrap_or_default() }</th>
                        <td>{ n.money(&q.per_minute.to_string()) }</td>
                        <td>{ n.money(&q.per_user.to_string()) }</td>
                    </tr>
                }) }
                </tbody>
            </table>
        </figure>
    }
}
