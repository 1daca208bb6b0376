//! The licence mix of an import (`spec/rating.md` §5, issue 18): which organisers should hold
//! a licence, from the organisers named in a usage export. Checked against the spec's own
//! definition: every split's parts imported on their own and quoted.

use ppm_pricing::rating::{quote, RateCard, Scenario};
use ppm_pricing::usage_export::{import_bytes, licence_mix, ImportOptions, Imported};
use serde_json::{json, Value};

fn usd() -> RateCard {
    RateCard::from_toml_str(include_str!("../rates/illustrative-usd.toml"), None).unwrap()
}

/// One call: (UPN, call type, number type, country, seconds).
type Row = (&'static str, &'static str, &'static str, &'static str, u32);

/// Without start times, so that the period is the 31 days given, whatever rows a part has.
const HEADER: &str = "Call Type,Number Type,Destination Dialed,Duration Seconds,UPN\n";

fn csv(rows: &[Row]) -> String {
    let mut out = HEADER.to_string();
    for (upn, call, kind, country, secs) in rows {
        out += &format!("{call},{kind},{country},{secs},{upn}\n");
    }
    out
}

/// A March of four organisers (one of them written in two cases) and calls without one.
/// Lengths are uneven so that lines round.
fn march() -> Vec<Row> {
    let mut rows = Vec::new();
    let hosts = [
        "ann@contoso.com",
        "ben@contoso.com",
        "cy@contoso.com",
        "dee@contoso.com",
    ];
    // (host, call type, number type, country, calls, first length, step)
    let plan: [(usize, &str, &str, &str, u32, u32, u32); 8] = [
        (0, "conf_in", "toll", "Germany", 160, 601, 37),
        (0, "conf_out", "", "United Kingdom", 12, 1_201, 113),
        (1, "conf_in", "toll", "Germany", 30, 95, 41),
        (1, "conf_in", "toll free", "Germany", 25, 311, 29),
        (2, "conf_out", "", "Germany", 90, 1_800, 61),
        (2, "conf_in", "toll", "Japan", 20, 400, 17),
        (3, "conf_out", "", "United Arab Emirates", 15, 240, 7),
        (3, "conf_in", "toll", "United States", 70, 1_500, 53),
    ];
    for (host, call, kind, country, n, first, step) in plan {
        for k in 0..n {
            rows.push((hosts[host], call, kind, country, first + k * step % 900));
        }
    }
    // Ann once in capitals: the same organiser.
    rows.push(("Ann@Contoso.com", "conf_in", "toll", "Germany", 3_600));
    // No organiser named: always on pay-per-minute.
    for k in 0..40 {
        rows.push(("", "conf_in", "toll", "Germany", 200 + k * 11));
    }
    // A 0-second call: a call, not a leg.
    rows.push(("dee@contoso.com", "conf_out", "", "United Kingdom", 0));
    rows
}

fn options(organisers: Option<u64>) -> ImportOptions {
    ImportOptions {
        organisers,
        days: Some(31),
        ..ImportOptions::default()
    }
}

/// The rows imported as a March: 31 days, 30.4375 / 31 = 0.981855 calls a month each.
fn import(rows: &[Row], organisers: Option<u64>) -> Imported {
    let text = csv(rows);
    let imported = import_bytes(&[("calls.csv", text.as_bytes())], &options(organisers)).unwrap();
    assert_eq!(imported.report.period.month_factor, "0.981855");
    imported
}

/// The spec's total of a split, by its own definition: the licensed organisers' calls imported
/// alone and quoted per user (organisers = licences = |L|), everyone else's calls imported
/// alone and quoted pay-per-minute (organisers = their number, at least 1).
fn defined_total(rows: &[Row], licensed: &[&str]) -> rust_decimal::Decimal {
    let card = usd();
    let is_licensed = |upn: &str| licensed.iter().any(|l| l.eq_ignore_ascii_case(upn));
    let (mine, theirs): (Vec<Row>, Vec<Row>) = rows.iter().partition(|r| is_licensed(r.0));
    let others: std::collections::BTreeSet<String> = theirs
        .iter()
        .filter(|r| !r.0.is_empty())
        .map(|r| r.0.to_lowercase())
        .collect();
    let mut total = rust_decimal::Decimal::ZERO;
    if !licensed.is_empty() {
        let n = licensed.len() as u64;
        let s = Scenario::from_document(&import(&mine, Some(n)).scenario).unwrap();
        total += quote(&card, &s).unwrap().per_user.monthly_total.amount();
    }
    if !theirs.is_empty() {
        let n = (others.len() as u64).max(1);
        let s = Scenario::from_document(&import(&theirs, Some(n)).scenario).unwrap();
        total += quote(&card, &s).unwrap().per_minute.monthly_total.amount();
    }
    total
}

#[test]
fn the_recommendation_is_the_cheapest_split_as_the_spec_defines_it() {
    let rows = march();
    let imported = import(&rows, None);
    let mix = licence_mix(&imported, &usd(), false).unwrap();
    let upns: Vec<&str> = mix.organisers.iter().map(|o| o.upn.as_str()).collect();
    // Sorted by address, Ann's first spelling kept.
    assert_eq!(
        upns,
        [
            "ann@contoso.com",
            "ben@contoso.com",
            "cy@contoso.com",
            "dee@contoso.com"
        ]
    );
    // Every split of the 4, each priced by importing its parts alone and quoting them.
    let mut totals = Vec::new();
    for mask in 0..16u32 {
        let set: Vec<&str> = (0..4)
            .filter(|i| mask >> i & 1 == 1)
            .map(|i| upns[i])
            .collect();
        totals.push((defined_total(&rows, &set), set.len(), mask));
    }
    let lowest = totals.iter().min().unwrap();
    assert_eq!(mix.recommended.total.monthly_total.amount(), lowest.0);
    let chosen: Vec<String> = (0..4)
        .filter(|i| lowest.2 >> i & 1 == 1)
        .map(|i| upns[i].to_string())
        .collect();
    assert_eq!(mix.recommended.licensed, chosen);
    // All-licence and all-pay-per-minute are the full and the empty split.
    assert_eq!(mix.all_licence.monthly_total.amount(), totals[15].0);
    assert_eq!(mix.all_pay_per_minute.monthly_total.amount(), totals[0].0);
    // The saving is against the better of those two.
    let better = totals[15].0.min(totals[0].0);
    assert_eq!(
        mix.savings_monthly.amount(),
        better - mix.recommended.total.monthly_total.amount()
    );
    assert!(mix.method.exhaustive);
    // Ann: 160 + 12 + 1 calls (her capitals included); Dee's 0-second call is a call, not a leg.
    let ann = &mix.organisers[0];
    assert_eq!((ann.calls, ann.figures.legs), (173, 173));
    let dee = &mix.organisers[3];
    assert_eq!((dee.calls, dee.figures.legs), (86, 85));
    assert_eq!(mix.unnamed_calls, 40);
}

#[test]
fn this_months_mix_by_hand() {
    // Two organisers and one month of 30.4375 days (factor 1): Ann 300 one-minute German toll
    // dial-ins (6.60 per minute at 0.022, against a 4.00 licence), Ben 10 (0.22). License
    // Ann: 4.00 + 0.22 = 4.22; all licensed 8.00; all per minute 6.82; saving 2.60.
    let mut rows: Vec<Row> = (0..300)
        .map(|_| ("ann@contoso.com", "conf_in", "toll", "Germany", 60))
        .collect();
    rows.extend((0..10).map(|_| ("ben@contoso.com", "conf_in", "toll", "Germany", 45)));
    // The month factor set to 1 (a period of 30.4375 days), so the rows are one month.
    let mut imported = import(&rows, None);
    imported.report.period.month_factor = "1".into();
    let mix = licence_mix(&imported, &usd(), false).unwrap();
    let v = serde_json::to_value(&mix).unwrap();
    assert_eq!(v["recommended"]["licensed"], json!(["ann@contoso.com"]));
    assert_eq!(v["recommended"]["monthlyTotal"], json!("4.22"));
    assert_eq!(v["allLicence"]["monthlyTotal"], json!("8.00"));
    assert_eq!(v["allPayPerMinute"]["monthlyTotal"], json!("6.82"));
    assert_eq!(v["savingsMonthly"], json!("2.60"));
    let ann: &Value = &v["organisers"][0];
    assert_eq!(ann["tollDialInValue"], json!("6.60"));
    assert_eq!(ann["licensed"], json!(true));
    assert_eq!(v["organisers"][1]["licensed"], json!(false));
}

#[test]
fn the_same_calls_as_graph_pages_give_the_same_mix() {
    let rows = march();
    let csv_mix = licence_mix(&import(&rows, None), &usd(), false).unwrap();
    let graph: Vec<Value> = rows
        .iter()
        .map(|(upn, call, kind, country, secs)| {
            json!({"userPrincipalName": upn, "callType": call, "inventoryType": kind,
                   "destinationName": country, "duration": secs})
        })
        .collect();
    let text = json!({ "value": graph }).to_string();
    let imported = import_bytes(&[("calls.json", text.as_bytes())], &options(None)).unwrap();
    let graph_mix = licence_mix(&imported, &usd(), false).unwrap();
    assert_eq!(
        serde_json::to_value(&graph_mix).unwrap(),
        serde_json::to_value(&csv_mix).unwrap()
    );
}
