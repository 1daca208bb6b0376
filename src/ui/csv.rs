//! The estimate as a spreadsheet file (CSV) in the visitor's language and spreadsheet
//! conventions: English with `,` between cells and a decimal point; German and French with `;`
//! and a decimal comma (as German and French Excel expect). A header block (estimate, card,
//! date, organisers, licences), the meetings by name, both models' lines, totals, yearly,
//! savings, break-even and warnings. Plain Rust.
//!
//! Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or
//! a carriage return) get a leading `'` (CSV injection); numbers are written by this module and
//! never start so.

use super::format;
use crate::form::Form;
use crate::lang::Lang;
use crate::rating::money::DecimalOps as _;
use crate::rating::pricing::LineBilling;
use crate::rating::quote::{LineKind, ModelQuote, QuoteLine};
use crate::rating::{Call, Quote};

/// What a quote's export needs besides the quote: the form it prices, the page's language,
/// today's date (`YYYY-MM-DD`, read by the caller: this module reads no clock), the card's
/// name in that language and country names in that language.
pub struct Export<'a> {
    /// The form the quote prices (meeting names and frequencies).
    pub form: &'a Form,
    /// The page's language.
    pub lang: Lang,
    /// The day of the export.
    pub date: &'a str,
    /// The card's name in the page's language.
    pub card_name: &'a str,
    /// Country name by ISO code, in the page's language.
    pub country_name: &'a dyn Fn(&str) -> String,
    /// The quote's warnings, as shown.
    pub warnings: &'a [String],
    /// The break-even sentence, as shown.
    pub break_even: &'a str,
}

/// The cell separator of a language's spreadsheets.
pub(crate) fn separator(lang: Lang) -> char {
    match lang {
        Lang::En => ',',
        Lang::De | Lang::Fr => ';',
    }
}

/// A text cell: neutralised if a spreadsheet would read it as a formula, quoted if it holds
/// the separator, a quote or a line break.
pub(crate) fn cell(text: &str, sep: char) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([sep, '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A number cell: the language's decimal mark, no thousands separators.
pub(crate) fn number(lang: Lang, value: &str) -> String {
    match lang {
        Lang::En => value.to_string(),
        Lang::De | Lang::Fr => value.replace('.', ","),
    }
}

struct Rows {
    out: String,
    sep: char,
}

impl Rows {
    /// A row of cells already made (`cell` or `number`).
    fn row(&mut self, cells: &[String]) {
        let sep = self.sep.to_string();
        self.out.push_str(&cells.join(&sep));
        self.out.push_str("\r\n");
    }

    /// A row of text cells.
    fn text(&mut self, cells: &[&str]) {
        let cells: Vec<String> = cells.iter().map(|c| cell(c, self.sep)).collect();
        self.row(&cells);
    }
}

fn line_name(l: &QuoteLine, e: &Export) -> String {
    let t = e.lang.texts();
    match l.kind {
        LineKind::Licence => t.licence_line.to_string(),
        LineKind::Addon => t.addon_line.to_string(),
        LineKind::Call => {
            let country = l.country.map(|c| (e.country_name)(c.as_str()));
            format!(
                "{}, {}",
                t.call(l.call.unwrap_or(Call::App)),
                country.unwrap_or_default()
            )
        }
    }
}

fn model_rows(rows: &mut Rows, title: &str, m: &ModelQuote, e: &Export) {
    let t = e.lang.texts();
    let lang = e.lang;
    for l in m
        .lines
        .iter()
        .filter(|l| l.billing != Some(LineBilling::Free))
    {
        // For people (the JSON download keeps the exact values): legs a month to one
        // decimal, minutes whole, licences in their own column.
        let licences = match l.legs {
            None => l.quantity.map(|n| n.to_string()).unwrap_or_default(),
            Some(_) => String::new(),
        };
        let legs = l
            .legs
            .map(|v| format::rounded(&v.0.to_string(), 1))
            .unwrap_or_default();
        let minutes = l
            .minutes
            .map(|v| format::rounded(&v.0.to_string(), 0))
            .unwrap_or_default();
        let price = l
            .rate
            .or(l.unit_price)
            .map(|r| r.to_string())
            .unwrap_or_default();
        rows.row(&[
            cell(title, rows.sep),
            cell(&line_name(l, e), rows.sep),
            number(lang, &licences),
            number(lang, &legs),
            number(lang, &minutes),
            number(lang, &price),
            number(lang, &l.amount.to_string()),
        ]);
    }
    for (label, total) in [(t.monthly, &m.monthly_total), (t.yearly, &m.yearly_total)] {
        rows.row(&[
            cell(title, rows.sep),
            cell(label, rows.sep),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            number(lang, &total.to_string()),
        ]);
    }
}

/// The whole estimate as CSV text (with a byte-order mark, so spreadsheets read UTF-8).
pub fn estimate(q: &Quote, e: &Export) -> String {
    let t = e.lang.texts();
    let lang = e.lang;
    let mut rows = Rows {
        out: String::from("\u{feff}"),
        sep: separator(lang),
    };
    rows.text(&[t.csv_estimate, t.title]);
    rows.text(&[
        t.rate_card,
        e.card_name,
        &format!(
            "{} {}",
            t.prices_as_of,
            format::date(lang, &q.card.effective_from.to_string())
        ),
    ]);
    rows.text(&[t.csv_date, &format::date(lang, e.date)]);
    rows.text(&[t.csv_currency, &q.currency]);
    rows.row(&[cell(t.organisers, rows.sep), q.organisers.to_string()]);
    rows.row(&[cell(t.licences, rows.sep), q.licences_purchased.to_string()]);
    rows.text(&[]);
    rows.text(&[t.meetings, t.frequency, "", t.duration, t.participants]);
    for (i, m) in e.form.meetings.iter().enumerate() {
        let name = if m.name.is_empty() {
            crate::form::names::meeting_n(lang, i + 1)
        } else {
            m.name.clone()
        };
        let measured = m.mode == crate::form::Mode::Measured;
        let people = if measured {
            // Measured usage: its calls in all (each leg group has its own length).
            m.legs
                .iter()
                .filter_map(|l| {
                    // Exact: no scientific notation to fall back to (a canonical count).
                    rust_decimal::Decimal::from_str_exact(&crate::form::number_input::canonical(
                        &l.count,
                        e.form.lang,
                    ))
                    .ok()
                })
                .fold(rust_decimal::Decimal::ZERO, |a, b| a.cadd(b).unwrap_or(a))
                .to_string()
        } else {
            m.groups(e.form.lang)
                .iter()
                .map(|g| crate::form::number_input::canonical(&g.count, e.form.lang))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        rows.row(&[
            cell(&name, rows.sep),
            number(
                lang,
                &crate::form::number_input::canonical(&m.per_month, e.form.lang),
            ),
            cell(t.period_unit(m.period), rows.sep),
            if measured {
                String::new()
            } else {
                number(
                    lang,
                    &crate::form::number_input::canonical(&m.minutes, e.form.lang),
                )
            },
            cell(&number(lang, &people), rows.sep),
        ]);
    }
    rows.text(&[]);
    rows.text(&[
        t.model,
        t.lines,
        t.licences_column,
        t.legs,
        t.minutes,
        t.rate,
        t.amount,
    ]);
    model_rows(&mut rows, t.pay_per_minute, &q.per_minute, e);
    model_rows(&mut rows, t.per_user, &q.per_user, e);
    rows.text(&[]);
    let cheaper = match q.cheaper {
        crate::rating::quote::Cheaper::PerMinute => t.cheaper_ppm,
        crate::rating::quote::Cheaper::PerUser => t.cheaper_pu,
        crate::rating::quote::Cheaper::Equal => t.equal,
    };
    rows.text(&[t.csv_cheaper, cheaper]);
    rows.row(&[
        cell(t.csv_savings, rows.sep),
        number(lang, &q.savings_monthly.to_string()),
    ]);
    rows.text(&[t.break_even, e.break_even]);
    for w in e.warnings {
        rows.text(&[t.warnings, w]);
    }
    rows.out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rating::{quote, Scenario};

    fn example_csv(lang: Lang, name: &str) -> String {
        let card = crate::shipped::shipped_cards()
            .unwrap()
            .into_iter()
            .find(|c| c.id() == "illustrative-usd")
            .unwrap();
        let mut form = Form::example("illustrative-usd", lang);
        std::rc::Rc::make_mut(&mut form.meetings[1]).name = name.into();
        let q = quote(&card, &Scenario::from_document(&form.scenario()).unwrap()).unwrap();
        let names = |c: &str| {
            if c == "DE" {
                "Germany".to_string()
            } else {
                c.to_string()
            }
        };
        estimate(
            &q,
            &Export {
                form: &form,
                lang,
                date: "2026-11-27",
                card_name: "Illustrative list rates (USD)",
                country_name: &names,
                warnings: &["Prices, as shown.".to_string()],
                break_even: "The licence pays off above 299.3 phone minutes.",
            },
        )
    }

    #[test]
    fn english_csv_of_the_example() {
        let csv = example_csv(Lang::En, "=HYPERLINK(\"x\")");
        let rows: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(
            rows[0],
            "Estimate,Teams Audio Conferencing: pay-per-minute or per-user licence?"
        );
        assert!(rows.contains(&"Date,2026-11-27"), "{csv}");
        assert!(rows.contains(&"Organisers (licensed users),40"), "{csv}");
        // 48 legs × 60 min × 0.0220 = 63.36 (weekly all-hands, German toll dial-in).
        assert!(
            rows.contains(&"Pay-per-minute,\"Toll dial-in, Germany\",,48,2880,0.0220,63.36"),
            "{csv}"
        );
        // 50 licences × 4.00.
        assert!(
            rows.contains(&"Per-user licence,Audio Conferencing licences,50,,,4.00,200.00"),
            "{csv}"
        );
        assert!(
            rows.contains(&"Pay-per-minute,per month,,,,,146.16"),
            "{csv}"
        );
        assert!(
            rows.contains(&"Pay-per-minute,per year,,,,,1753.92"),
            "{csv}"
        );
        // The formula in a meeting's name is neutralised.
        assert!(
            rows.contains(&"\"'=HYPERLINK(\"\"x\"\")\",60,per month,30,1 + 1 + 2"),
            "{csv}"
        );
        assert!(rows.contains(&"Please note,\"Prices, as shown.\""), "{csv}");
        // App joins cost nothing and are not lines, as on screen.
        assert!(!csv.contains("App / VoIP"), "{csv}");
    }

    #[test]
    fn german_csv_uses_semicolons_and_decimal_commas() {
        let csv = example_csv(Lang::De, "Kunden; Gespräche");
        let rows: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert!(rows.contains(&"Datum;27.11.2026"), "{csv}");
        assert!(
            rows.contains(&"Pro Minute;Einwahl gebührenpflichtig, Germany;;48;2880;0,0220;63,36"),
            "{csv}"
        );
        assert!(
            rows.contains(&"\"Kunden; Gespräche\";60;pro Monat;30;1 + 1 + 2"),
            "{csv}"
        );
        assert!(rows.contains(&"Pro Minute;pro Jahr;;;;;1753,92"), "{csv}");
    }

    #[test]
    fn measured_usage_shows_people_rounded_figures() {
        // A measured profile: 25 calls of 43.4 min in a 31-day period (x 0.981855 a month).
        // Legs a month 25 x 0.981855 = 24.546375 -> "24.5"; each call bills 44 min (60 s
        // increments: 2,604 s -> 2,640 s), 44 x 24.546375 = 1,080.0405 min -> "1080";
        // 1,080.0405 x 0.0220 = 23.760891 -> 23.76.
        let card = crate::shipped::shipped_cards()
            .unwrap()
            .into_iter()
            .find(|c| c.id() == "illustrative-usd")
            .unwrap();
        let doc: crate::rating::ScenarioDocument = serde_json::from_str(
            r#"{"organisers": 4, "meetings": [{"name": "Measured usage", "perMonth": "0.981855",
                "minutes": 0, "legs": [{"country": "DE", "call": "tollDialIn", "count": 25,
                "minutes": "43.4"}]}]}"#,
        )
        .unwrap();
        let form = Form::from_scenario("illustrative-usd", &doc, Lang::En).unwrap();
        let q = quote(&card, &Scenario::from_document(&form.scenario()).unwrap()).unwrap();
        let csv = estimate(
            &q,
            &Export {
                form: &form,
                lang: Lang::En,
                date: "2026-12-02",
                card_name: "Illustrative list rates (USD)",
                country_name: &|c: &str| c.to_string(),
                warnings: &[],
                break_even: "",
            },
        );
        let rows: Vec<&str> = csv.lines().collect();
        assert!(
            rows.contains(&"Pay-per-minute,\"Toll dial-in, DE\",,24.5,1080,0.0220,23.76"),
            "{csv}"
        );
        // Licences in their own column: 4 organisers' licences x 4.00.
        assert!(
            rows.contains(&"Per-user licence,Audio Conferencing licences,4,,,4.00,16.00"),
            "{csv}"
        );
    }

    #[test]
    fn cells() {
        assert_eq!(cell("a,\"b\"", ','), "\"a,\"\"b\"\"\"");
        assert_eq!(cell("@SUM(A1)", ';'), "'@SUM(A1)");
        assert_eq!(cell("-1+2", ';'), "'-1+2");
        assert_eq!(cell("plain", ';'), "plain");
    }
}
