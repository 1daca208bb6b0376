//! The chart: both models' monthly cost against phone minutes per organiser, with today's
//! usage and the break-even marked, and a data table for screen readers. Coordinates are
//! computed with decimals too (no float formatting code in the bundle).

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::lang::Lang;
use crate::rating::money::DecimalOps as _;
use crate::ui::format::Numbers;
use crate::ui::markup::Markup;
use crate::ui::pricing::Priced;

const W: i64 = 560;
const H: i64 = 260;
const LEFT: i64 = 84;
const BOTTOM: i64 = 36;
const TOP: i64 = 12;
const RIGHT: i64 = 12;

/// `from + value / max × span`, to one decimal.
fn coord_value(value: Decimal, max: Decimal, from: i64, span: i64) -> Decimal {
    let ratio = value.cdiv(max).unwrap_or(Decimal::ZERO);
    ratio
        .cmul(Decimal::from(span))
        .and_then(|v| v.cadd(Decimal::from(from)))
        .unwrap_or(Decimal::ZERO)
        .round_dp(1)
}

/// [`coord_value`] as SVG text.
fn coord(value: Decimal, max: Decimal, from: i64, span: i64) -> String {
    coord_value(value, max, from, span).to_string()
}

/// An SVG path through `points`: "Mx,y l dx,dy dx,dy …", each step from the point before
/// (the points already rounded, so the steps add up to them exactly). The curve's points are
/// evenly spaced, so its steps repeat, which the page's compression likes.
fn svg_path(points: impl Iterator<Item = (Decimal, Decimal)>) -> String {
    let mut d = String::new();
    let mut last = (Decimal::ZERO, Decimal::ZERO);
    for (i, (x, y)) in points.enumerate() {
        // The first point as it is (from 0,0), then steps.
        let (dx, dy) = (x.csub(last.0), y.csub(last.1));
        let lead = match i {
            0 => "M",
            1 => " l",
            _ => " ",
        };
        d.push_str(&format!(
            "{lead}{},{}",
            dx.unwrap_or_default(),
            dy.unwrap_or_default()
        ));
        last = (x, y);
    }
    d
}

/// Which side of its line a mark's labels are drawn on.
#[derive(Clone, Copy)]
enum Side {
    Left,
    Right,
}

impl Side {
    fn dx(self) -> &'static str {
        match self {
            Side::Left => "-4",
            Side::Right => "4",
        }
    }

    fn anchor(self) -> &'static str {
        match self {
            Side::Left => "end",
            Side::Right => "start",
        }
    }
}

/// Round steps from 0 to `max` (excluded 0): about four of them, each 1, 2, 2.5 or 5 times a
/// power of ten ("0, 100, 200, 300" for 340).
fn ticks(max: Decimal) -> Vec<Decimal> {
    let Some(rough) = max.cdiv(Decimal::from(4)).filter(|r| *r > Decimal::ZERO) else {
        return Vec::new();
    };
    let ten = Decimal::TEN;
    let mut power = Decimal::ONE;
    while let Some(p) = power.cmul(ten).filter(|p| *p <= rough) {
        power = p;
    }
    while power > rough && power > Decimal::new(1, 6) {
        let Some(p) = power.cdiv(ten) else { break };
        power = p;
    }
    let step = [
        Decimal::ONE,
        Decimal::TWO,
        Decimal::new(25, 1),
        Decimal::new(5, 0),
        ten,
    ]
    .into_iter()
    .filter_map(|m| m.cmul(power))
    .find(|s| *s >= rough)
    .unwrap_or(rough);
    (1..=8)
        .filter_map(|i| step.cmul(Decimal::from(i)))
        .take_while(|v| *v <= max)
        .collect()
}

/// The SVG chart plus its data table. (The table stays Yew nodes: from one edit to the next
/// only its numbers change, and Yew changes just those; written as HTML it would be built anew.)
pub fn chart(priced: &Priced, lang: Lang) -> Html {
    let t = lang.texts();
    let n = Numbers::of_quote(lang, &priced.quote);
    let pts = &priced.curve.points;
    let step = (pts.len() / 8).max(1);
    html! {
        <figure class="ppm-chart" aria-labelledby="chart-title">
            { chart_markup(priced, lang).into_html() }
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

/// The chart figure's caption, SVG, axis label and legend as HTML.
fn chart_markup(priced: &Priced, lang: Lang) -> Markup {
    let t = lang.texts();
    let n = Numbers::of_quote(lang, &priced.quote);
    let axis = n.whole();
    let curve = &priced.curve;
    let pts = &curve.points;
    // Today's usage (factor 1) is marked when there are organisers to measure it by.
    let today = priced.quote.usage.phone_minutes_per_organiser.is_some();
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
        svg_path((0..pts.len()).map(|i| {
            (
                coord_value(x_of(i), x_max, LEFT, width),
                coord_value(pick(i), y_max, H - BOTTOM, -height),
            )
        }))
    };
    let ppm_path = path(&|i| pts[i].per_minute.amount());
    let pu_path = path(&|i| pts[i].per_user.amount());
    // Factors map linearly onto phone minutes: x = factor / last factor × x_max.
    let last_factor = pts.last().map(|q| q.factor.0).unwrap_or(Decimal::ONE);
    let factor_x = |f: Decimal| coord(f, last_factor, LEFT, width);
    let today_x = today.then(|| factor_x(Decimal::ONE));
    let even_x = curve.break_even_factor.map(|f| factor_x(f.0));
    let (x0, x1, y0, y1) = (
        LEFT.to_string(),
        (W - RIGHT).to_string(),
        TOP.to_string(),
        (H - BOTTOM).to_string(),
    );
    let label_y = (H - 8).to_string();
    let mark_label_y = (TOP + 12).to_string();
    let q = &priced.quote;
    // Today left of its line and the break-even right of its own when today comes first, the
    // other way round when it does not.
    let today_first = curve.break_even_factor.is_none_or(|k| k.0 >= Decimal::ONE);
    let (today_side, even_side) = if today_first {
        (Side::Left, Side::Right)
    } else {
        (Side::Right, Side::Left)
    };
    let mut m = Markup::default();
    m.element("figcaption", &[("id", "chart-title")], t.chart_title);
    m.open(
        "svg",
        &[
            ("viewBox", &format!("0 0 {W} {H}")),
            ("role", "img"),
            ("aria-labelledby", "chart-title"),
            ("focusable", "false"),
        ],
    );
    let line = |m: &mut Markup, (xa, ya, xb, yb): (&str, &str, &str, &str), class: &str| {
        m.svg_empty(
            "line",
            &[
                ("x1", xa),
                ("y1", ya),
                ("x2", xb),
                ("y2", yb),
                ("class", class),
            ],
        );
    };
    line(&mut m, (&x0, &y1, &x1, &y1), "axis");
    line(&mut m, (&x0, &y0, &x0, &y1), "axis");
    m.element(
        "text",
        &[("x", &x0), ("y", &label_y), ("class", "tick")],
        "0",
    );
    // Round steps on both axes, the money ones with light grid lines.
    for v in ticks(x_max) {
        m.element(
            "text",
            &[
                ("x", &sx(v)),
                ("y", &label_y),
                ("class", "tick x-tick"),
                ("text-anchor", "middle"),
            ],
            &n.plain(&v.to_string(), 0),
        );
    }
    let y_label_x = (LEFT - 6).to_string();
    for v in ticks(y_max) {
        let y = sy(v);
        line(&mut m, (&x0, &y, &x1, &y), "grid");
        m.element(
            "text",
            &[
                ("x", &y_label_x),
                ("y", &y),
                ("dy", "4"),
                ("class", "tick y-tick"),
                ("text-anchor", "end"),
            ],
            &axis.money(&v.to_string()),
        );
    }
    m.svg_empty("path", &[("d", &pu_path), ("class", "line per-user")]);
    m.svg_empty("path", &[("d", &ppm_path), ("class", "line per-minute")]);
    // A mark's label, and a dot with its money beside it, on the mark's side.
    let label = |m: &mut Markup, x: &str, side: Side, id: &str, text: &str| {
        m.element(
            "text",
            &[
                ("x", x),
                ("y", &mark_label_y),
                ("dx", side.dx()),
                ("text-anchor", side.anchor()),
                ("class", "tick"),
                ("id", id),
            ],
            text,
        );
    };
    // Today's label and money on the side away from the break-even, so the two never overlap
    // however close they are.
    if let Some(x) = &today_x {
        line(&mut m, (x, &y0, x, &y1), "mark today");
        label(&mut m, x, today_side, "chart-today-label", t.today);
        let totals = [
            (
                q.per_minute.monthly_total.amount(),
                "chart-today-ppm",
                "per-minute",
            ),
            (
                q.per_user.monthly_total.amount(),
                "chart-today-pu",
                "per-user",
            ),
        ];
        for (i, (v, id, line)) in totals.into_iter().enumerate() {
            let y = sy(v);
            // The second label moves down when the two totals are close.
            let close = v
                .csub(q.per_minute.monthly_total.amount())
                .unwrap_or(Decimal::MAX)
                .abs()
                < y_max.cdiv(Decimal::from(16)).unwrap_or(Decimal::ZERO);
            let dy = if i == 1 && close { "16" } else { "4" };
            m.svg_empty(
                "circle",
                &[
                    ("cx", x),
                    ("cy", &y),
                    ("r", "3"),
                    ("class", "dot"),
                    ("data-line", line),
                ],
            );
            m.element(
                "text",
                &[
                    ("x", x),
                    ("y", &y),
                    ("dx", today_side.dx()),
                    ("dy", dy),
                    ("text-anchor", today_side.anchor()),
                    ("class", "tick money"),
                    ("id", id),
                ],
                &n.money(&v.to_string()),
            );
        }
    }
    if let Some(x) = &even_x {
        line(&mut m, (x, &y0, x, &y1), "mark even");
        label(&mut m, x, even_side, "chart-even-label", t.break_even);
        if let Some(point) = &curve.break_even {
            let y = sy(point.per_minute.amount());
            m.svg_empty(
                "circle",
                &[("cx", x), ("cy", &y), ("r", "3"), ("class", "dot even")],
            );
            m.element(
                "text",
                &[
                    ("x", x),
                    ("y", &y),
                    ("dx", even_side.dx()),
                    ("dy", "-6"),
                    ("text-anchor", even_side.anchor()),
                    ("class", "tick money"),
                    ("id", "chart-even"),
                ],
                &n.money(&point.per_minute.to_string()),
            );
        }
    }
    m.close("svg");
    m.open("p", &[("class", "ppm-x-label")])
        .text(t.chart_x)
        .literal(" →</p>");
    m.open("p", &[("class", "ppm-legend")])
        .literal("<span class=\"key per-minute\"></span>")
        .text(t.pay_per_minute)
        .literal("<span class=\"key per-user\"></span>")
        .text(t.per_user)
        .close("p");
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_steps() {
        let d = |t: &str| Decimal::from_str_exact(t).unwrap();
        let text = |v: Vec<Decimal>| {
            v.iter()
                .map(|x| x.normalize().to_string())
                .collect::<Vec<_>>()
        };
        // 340 / 4 = 85: steps of 100.
        assert_eq!(text(ticks(d("340"))), ["100", "200", "300"]);
        // 612 / 4 = 153: steps of 200.
        assert_eq!(text(ticks(d("612"))), ["200", "400", "600"]);
        // 497 / 4 = 124.25: steps of 200 (2.5 x 100 = 250 would do too, 200 comes first).
        assert_eq!(text(ticks(d("497"))), ["200", "400"]);
        // 9 / 4 = 2.25: steps of 2.5.
        assert_eq!(text(ticks(d("9"))), ["2.5", "5", "7.5"]);
        assert!(ticks(Decimal::ZERO).is_empty());
    }

    #[test]
    fn a_path_steps_from_point_to_point() {
        let d = |t: &str| Decimal::from_str_exact(t).unwrap();
        let points = [
            ("84", "138.7"),
            ("95.6", "137.9"),
            ("107.2", "137.1"),
            ("118.8", "138.0"),
        ];
        // 95.6 − 84 = 11.6 and 137.9 − 138.7 = −0.8; then 11.6, −0.8 again; then 11.6, +0.9.
        assert_eq!(
            svg_path(points.iter().map(|(x, y)| (d(x), d(y)))),
            "M84,138.7 l11.6,-0.8 11.6,-0.8 11.6,0.9"
        );
        assert_eq!(svg_path([(d("84"), d("224"))].into_iter()), "M84,224");
    }
}
