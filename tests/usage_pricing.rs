//! A usage export priced: the scenario it becomes, per month, on a card; reconciled with the
//! card's rates; grouped for a card with the same price.

mod common;

use common::usage::{import, legs, GOLDEN};
use ppm_pricing::rating::{quote, RateCard, Scenario};
use ppm_pricing::usage_export::sample::Sample;
use ppm_pricing::usage_export::{reconcile, Basis};

#[test]
fn reconciliation_against_a_card() {
    let card = RateCard::from_toml_str(include_str!("usage/card-eur.toml"), None).unwrap();
    let imported = import(&[("golden.csv", GOLDEN)]);
    let r = reconcile(&imported, &card).unwrap();
    type Line = (
        Basis,
        String,
        String,
        u64,
        String,
        String,
        String,
        String,
        bool,
    );
    let lines: Vec<Line> = r
        .lines
        .iter()
        .map(|l| {
            (
                l.basis,
                l.call.as_word().into(),
                l.country.clone(),
                l.legs,
                l.card.clone(),
                l.charge.clone().unwrap_or_default(),
                l.connection_fee.clone().unwrap_or_default(),
                l.difference.clone().unwrap_or_default(),
                l.disagrees,
            )
        })
        .collect();
    let l = |b, a: &str, c: &str, n, card: &str, ch: &str, fee: &str, d: &str, x| {
        let s = |t: &str| t.to_string();
        (b, s(a), s(c), n, s(card), s(ch), s(fee), s(d), x)
    };
    // Over the period (each call once), 60 s increments and minimum, each call under the offer
    // that billed it:
    // Licence (MCOMEETADD): toll dial-in is part of the per-user price, so the card says 0;
    //   DE: 2 billed calls (the 0 s call is not billed), billed 0.00; GB: 1 call, 0.00.
    // Pay-per-minute (MCOPSTNPP, MCOMEETACPEA): DE toll-free 1 min x 0.06 = 0.06 = the bill.
    //   CA dial-out 61 s = 2 min x 0.02 = 0.04 vs 0.02 (0.02 off > 1 cent a call): disagrees.
    //   FR dial-out: 30 s billed the 60 s minimum, 1 x 0.04 = 0.04 vs 0.04 + 0.01 fee: within
    //   a cent.
    use Basis::{Licence, PayPerMinute};
    assert_eq!(
        lines,
        vec![
            l(
                Licence,
                "tollDialIn",
                "DE",
                2,
                "0.00",
                "0.00",
                "0.00",
                "0.00",
                false
            ),
            l(
                Licence,
                "tollDialIn",
                "GB",
                1,
                "0.00",
                "0.00",
                "0.00",
                "0.00",
                false
            ),
            l(
                PayPerMinute,
                "tollFreeDialIn",
                "DE",
                1,
                "0.06",
                "0.06",
                "0.00",
                "0.00",
                false
            ),
            l(
                PayPerMinute,
                "dialOut",
                "CA",
                1,
                "0.04",
                "0.02",
                "0.00",
                "-0.02",
                true
            ),
            l(
                PayPerMinute,
                "dialOut",
                "FR",
                1,
                "0.04",
                "0.04",
                "0.01",
                "0.01",
                false
            ),
        ]
    );
    // Totals are the sums of the lines: card 0.06 + 0.04 + 0.04 = 0.14; charges 0.06 + 0.02 +
    // 0.04 = 0.12; fees 0.01; billed 0.13; differences -0.02 + 0.01 = -0.01.
    let t = &r.totals;
    assert_eq!(
        (
            t.legs,
            t.card.as_str(),
            t.charge.as_str(),
            t.connection_fee.as_str(),
            t.billed.as_str(),
            t.difference.as_str()
        ),
        (6, "0.14", "0.12", "0.01", "0.13", "-0.01")
    );
    // The card has no Korea: that call is left out, and said.
    assert_eq!(r.not_on_card.len(), 1);
    assert_eq!(
        (r.not_on_card[0].country.as_str(), r.not_on_card[0].legs),
        ("KR", 1)
    );
    // 4 of the 8 calls used were billed under the licence: 50.0 %.
    assert_eq!(
        (r.licence_legs, r.legs, r.licence_share.as_str()),
        (4, 8, "50.0")
    );
    // Everything under pay-per-minute instead: the toll lines are priced per minute and,
    // billed 0.00, disagree (DE 6 min x 0.02 = 0.12; GB 3 min x 0.03 = 0.09).
    let text = String::from_utf8(GOLDEN.to_vec())
        .unwrap()
        .replace("MCOMEETADD", "MCOMEETACPEA");
    let r = reconcile(&import(&[("golden.csv", text.as_bytes())]), &card).unwrap();
    let toll: Vec<(&str, &str, bool)> = r
        .lines
        .iter()
        .filter(|l| l.call.as_word() == "tollDialIn")
        .map(|l| (l.country.as_str(), l.card.as_str(), l.disagrees))
        .collect();
    assert_eq!(toll, [("DE", "0.12", true), ("GB", "0.09", true)]);
    assert_eq!((r.licence_legs, r.licence_share.as_str()), (0, "0.0"));
}

#[test]
fn the_scenario_prices_per_month() {
    // DE toll per month on the EUR card: 2 calls x 3 min x 0.981855 = 5.89113 min x 0.02 =
    // 0.1178226 -> 0.12; the 0 s call is not billed.
    let card = RateCard::from_toml_str(include_str!("usage/card-eur.toml"), None).unwrap();
    let imported = import(&[("golden.csv", GOLDEN)]);
    let (doc, _) = ppm_pricing::usage_export::fit_to_card(&imported, &card);
    let q = quote(&card, &Scenario::from_document(&doc).unwrap()).unwrap();
    let de = q
        .per_minute
        .lines
        .iter()
        .find(|l| l.country.map(|c| c.as_str() == "DE") == Some(true))
        .unwrap();
    assert_eq!(de.amount.to_string(), "0.12");
    assert_eq!(de.minutes.unwrap().0.to_string(), "5.891130");
}

#[test]
fn grouped_for_a_card_the_price_is_the_same_with_far_fewer_legs() {
    // Lengths spread over 5 s to an hour: thousands of distinct lengths, but on a card with
    // 60 s increments at most 60 billed lengths per country and way of joining.
    let sample = Sample {
        rows: 20_000,
        seed: 11,
        days: 30,
        users: 200,
    };
    let imported = import(&[("calls.csv", &sample.csv())]);
    let card =
        RateCard::from_toml_str(include_str!("../rates/illustrative-eur.toml"), None).unwrap();
    let (exact, dropped) = ppm_pricing::usage_export::fit_to_card(&imported, &card);
    let (grouped, dropped_too) = ppm_pricing::usage_export::for_card(&imported, &card);
    assert_eq!(dropped, dropped_too);
    let count = |d: &ppm_pricing::rating::ScenarioDocument| {
        d.meetings.iter().map(|m| m.legs.len()).sum::<usize>()
    };
    // 11,484 exact lengths become 1,288 billed ones (21 countries and ways x at most 61).
    assert!(
        count(&exact) > 8 * count(&grouped),
        "{} vs {}",
        count(&exact),
        count(&grouped)
    );
    let a = quote(&card, &Scenario::from_document(&exact).unwrap()).unwrap();
    let b = quote(&card, &Scenario::from_document(&grouped).unwrap()).unwrap();
    assert_eq!(a.per_minute.monthly_total, b.per_minute.monthly_total);
    assert_eq!(a.per_user.monthly_total, b.per_user.monthly_total);
    assert_eq!(a.per_minute.lines, b.per_minute.lines);
}

#[test]
fn a_26_hour_leg_is_priced() {
    // A Teams meeting lasts up to 30 hours: a 26-hour dial-in (93,600 s = 1,560 min) is real
    // usage. On the EUR card (DE toll 0.02, 60 s increments), over one day (x 30.4375):
    // 1,560 x 30.4375 = 47,482.5 min x 0.02 = 949.65.
    let csv = "Call Type,Number Type,External Country,Duration Seconds,UPN,Start Time\n\
               conf_in,toll,DE,93600,ann@example.com,2026-03-01T09:00:00Z\n";
    let imported = import(&[("calls.csv", csv.as_bytes())]);
    assert_eq!(imported.report.rows_used, 1);
    assert_eq!(
        legs(&imported),
        vec![("DE".into(), "tollDialIn".into(), "1".into(), "1560".into())]
    );
    let card = RateCard::from_toml_str(include_str!("usage/card-eur.toml"), None).unwrap();
    let (doc, _) = ppm_pricing::usage_export::fit_to_card(&imported, &card);
    let q = quote(&card, &Scenario::from_document(&doc).unwrap()).unwrap();
    assert_eq!(q.per_minute.lines[0].amount.to_string(), "949.65");
}

#[test]
fn a_bill_without_connection_fees_shows_them_as_zero_in_the_cards_decimals() {
    // No Connection Fee column: 0, written "0.00" like the card's money (2 decimals); the
    // charge "0.5" likewise "0.50". DE toll 2 min x 0.02 = 0.04 per minute.
    let csv =
        "Call Type,Number Type,External Country,Duration Seconds,Charge,Currency,Capability,Start Time\n\
         conf_in,toll,DE,120,0.5,EUR,MCOMEETACPEA,2026-03-01T09:00:00Z\n";
    let card = RateCard::from_toml_str(include_str!("usage/card-eur.toml"), None).unwrap();
    let r = reconcile(&import(&[("calls.csv", csv.as_bytes())]), &card).unwrap();
    let l = &r.lines[0];
    assert_eq!(
        (
            l.card.as_str(),
            l.charge.as_deref(),
            l.connection_fee.as_deref(),
            l.difference.as_deref()
        ),
        ("0.04", Some("0.50"), Some("0.00"), Some("0.46"))
    );
}
