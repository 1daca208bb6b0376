//! Property tests of the rating core over generated cards and scenarios:
//! totals equal the sum of the lines, pay-per-minute never falls as usage grows, the licence
//! model costs at least its fees, nothing makes the core panic, and at the reported break-even
//! the unrounded totals agree; and every valid card written as TOML (`card_to_toml`, the
//! card writer by hand) or as JSON (serde) reads back as the same card.

use proptest::prelude::*;
use rust_decimal::Decimal;

use ppm_pricing::rating::card::{
    AddonDocument, AddonsDocument, BillingDocument, CardDocument, CountryDocument, CreditsDocument,
    DateText, DecimalText, LicenceDocument, TranslationDocument, Translations,
};
use ppm_pricing::rating::scenario::{Amount, LegDocument, MeetingDocument};
use ppm_pricing::rating::{
    cost_curve, quote, unrounded_totals, BreakEven, CurveOptions, RateCard, Scenario,
    ScenarioDocument,
};

const CODES: [&str; 8] = ["US", "CA", "DE", "FR", "AR", "JP", "RU", "ZA"];
const CALLS: [&str; 4] = ["tollDialIn", "tollFreeDialIn", "dialOut", "app"];
const ROUNDINGS: [&str; 4] = ["half_up", "half_even", "up", "down"];

/// A decimal with `scale` places between 0 and `max_units` (in units of 10^-scale).
fn dec(max_units: i64, scale: u32) -> impl Strategy<Value = Decimal> {
    (0..=max_units).prop_map(move |u| Decimal::new(u, scale))
}

fn opt_rate() -> impl Strategy<Value = Option<DecimalText>> {
    prop::option::weighted(0.85, dec(5_000, 4).prop_map(|d| DecimalText(d.to_string())))
}

fn country(code: &'static str) -> impl Strategy<Value = CountryDocument> {
    (
        any::<bool>(),
        opt_rate(),
        opt_rate(),
        opt_rate(),
        any::<bool>(),
    )
        .prop_map(
            move |(zone_a, toll, toll_free, dial_out, credits)| CountryDocument {
                code: code.to_string(),
                zone: zone_a.then(|| "A".to_string()),
                toll_dial_in: toll,
                toll_free_dial_in: toll_free,
                dial_out,
                credits_available: Some(credits),
                audio_conferencing_available: None,
            },
        )
}

fn card_doc() -> impl Strategy<Value = CardDocument> {
    let countries = CODES.map(country);
    (
        (1i64..=3600, 1i64..=3600, 0usize..4, 0i64..=4),
        (0i64..=1_000, 0i64..=100_000, 0i64..=600, any::<bool>()),
        (0i64..=10_000, prop::option::of(0i64..=1_000)),
        countries,
    )
        .prop_map(
            |((inc, min, r, decimals), (fee, price, pool, purchased), (minimum, addon), cs)| {
                // Money values with at most `decimals` places.
                let money =
                    |units: i64| DecimalText(Decimal::new(units, decimals as u32).to_string());
                CardDocument {
                    id: "prop".into(),
                    name: "Property card".into(),
                    currency: "USD".into(),
                    effective_from: DateText("2026-01-01".into()),
                    illustrative: true,
                    source: "proptest".into(),
                    tax_note: None,
                    billing: BillingDocument {
                        increment_seconds: inc,
                        minimum_seconds: min,
                        rounding: ROUNDINGS[r].into(),
                        decimals,
                        connection_fee: Some(money(fee)),
                    },
                    licence: LicenceDocument {
                        price_per_user_month: money(price),
                        pool_minutes_per_licence: pool,
                        pool_basis: if purchased { "purchased" } else { "assigned" }.into(),
                        pool_zone: "A".into(),
                    },
                    credits: CreditsDocument {
                        minimum_purchase: money(minimum),
                    },
                    addons: AddonsDocument {
                        us_canada_dial_out: addon.map(|p| AddonDocument {
                            price_per_organiser_month: money(p),
                            countries: vec!["US".into(), "CA".into()],
                        }),
                    },
                    translations: Default::default(),
                    countries: cs.to_vec(),
                }
            },
        )
}

fn amount(max_units: i64, scale: u32) -> impl Strategy<Value = Amount> {
    dec(max_units, scale).prop_map(Amount::Number)
}

fn scenario_doc() -> impl Strategy<Value = ScenarioDocument> {
    let leg = (
        0usize..CODES.len(),
        0usize..CALLS.len(),
        amount(400, 1),
        prop::option::of(amount(18_000, 2)),
    )
        .prop_map(|(c, k, count, minutes)| LegDocument {
            country: CODES[c].into(),
            call: CALLS[k].into(),
            count,
            minutes,
        });
    let meeting = (
        amount(3_000, 1),
        amount(18_000, 2),
        prop::collection::vec(leg, 0..6),
    )
        .prop_map(|(per_month, minutes, legs)| MeetingDocument {
            name: String::new(),
            per_month,
            minutes,
            legs,
        });
    (
        1i64..=200,
        0i64..=50,
        any::<bool>(),
        prop::collection::vec(meeting, 0..5),
    )
        .prop_map(|(organisers, extra, addon, meetings)| ScenarioDocument {
            organisers: Amount::from_int(organisers),
            licences_purchased: Some(Amount::from_int(organisers + extra)),
            us_canada_addon: addon,
            organisation_country: None,
            meetings,
            card: None,
        })
}

/// A card and a scenario that it can price (legs the card has no rate for are dropped).
fn priceable() -> impl Strategy<Value = (RateCard, Scenario)> {
    priceable_with(scenario_doc())
}

/// A number at or near a documented limit: the limit, just below it, half of it, or 0.
fn near(limit: i64) -> impl Strategy<Value = Amount> {
    prop::sample::select(vec![
        Decimal::from(limit),
        Decimal::from(limit) - Decimal::new(1, 3),
        Decimal::from(limit) / Decimal::TWO,
        Decimal::ZERO,
    ])
    .prop_map(Amount::Number)
}

/// Scenarios whose every number sits at or near its documented limit (`scenario.rs`):
/// 10,000,000 organisers and licences, 1,000,000 meetings a month of 1,440 minutes, 100,000
/// people per group; up to 4 profiles of up to 6 groups (the sums of 1,000 × 1,000 groups are
/// checked by `the_largest_scenario_prices`).
fn limits_doc() -> impl Strategy<Value = ScenarioDocument> {
    let leg = (
        0usize..CODES.len(),
        0usize..CALLS.len(),
        near(100_000),
        prop::option::of(near(1_440)),
    )
        .prop_map(|(c, k, count, minutes)| LegDocument {
            country: CODES[c].into(),
            call: CALLS[k].into(),
            count,
            minutes,
        });
    let meeting = (
        near(1_000_000),
        near(1_440),
        prop::collection::vec(leg, 1..6),
    )
        .prop_map(|(per_month, minutes, legs)| MeetingDocument {
            name: String::new(),
            per_month,
            minutes,
            legs,
        });
    (
        prop::sample::select(vec![1i64, 9_999_999, 10_000_000]),
        any::<bool>(),
        prop::collection::vec(meeting, 1..4),
    )
        .prop_map(|(organisers, addon, meetings)| ScenarioDocument {
            organisers: Amount::from_int(organisers),
            licences_purchased: Some(Amount::from_int(10_000_000)),
            us_canada_addon: addon,
            organisation_country: None,
            meetings,
            card: None,
        })
}

fn priceable_with(
    scenarios: impl Strategy<Value = ScenarioDocument>,
) -> impl Strategy<Value = (RateCard, Scenario)> {
    (card_doc(), scenarios).prop_filter_map("card cannot price it", |(c, mut s)| {
        let card = RateCard::from_document(c).ok()?;
        if card.us_canada_addon().is_none() {
            s.us_canada_addon = false;
        }
        for m in &mut s.meetings {
            m.legs.retain(|l| {
                let code = ppm_pricing::rating::CountryCode::parse(&l.country);
                let call = ppm_pricing::rating::Call::from_word(&l.call);
                match (code, call) {
                    (Some(_), Some(ppm_pricing::rating::Call::App)) => true,
                    (Some(code), Some(call)) => {
                        card.country(code).and_then(|r| r.rate(call)).is_some()
                    }
                    _ => false,
                }
            });
        }
        let scenario = Scenario::from_document(&s).ok()?;
        Some((card, scenario))
    })
}

fn sum_lines(lines: &[ppm_pricing::rating::quote::QuoteLine]) -> Decimal {
    lines.iter().map(|l| l.amount.amount()).sum()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn totals_equal_the_sum_of_the_lines((card, scenario) in priceable()) {
        let q = quote(&card, &scenario).unwrap();
        for m in [&q.per_minute, &q.per_user] {
            prop_assert_eq!(m.monthly_total.amount(), sum_lines(&m.lines));
            prop_assert_eq!(m.yearly_total.amount(), m.monthly_total.amount() * Decimal::from(12));
        }
        prop_assert_eq!(
            q.savings_monthly.amount(),
            (q.per_minute.monthly_total.amount() - q.per_user.monthly_total.amount()).abs()
        );
    }

    #[test]
    fn pay_per_minute_never_falls_as_usage_grows(
        (card, scenario) in priceable(),
        a in dec(40, 1),
        b in dec(40, 1),
    ) {
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        let ql = quote(&card, &scenario.scaled(low).unwrap()).unwrap();
        let qh = quote(&card, &scenario.scaled(high).unwrap()).unwrap();
        prop_assert!(ql.per_minute.monthly_total <= qh.per_minute.monthly_total);
    }

    #[test]
    fn every_curve_point_equals_the_quote_of_the_scaled_scenario(
        (card, scenario) in priceable(),
        // 7 and 13 points: steps of max / 6 and max / 12, whose exact decimals never end.
        points in prop::sample::select(vec![2usize, 5, 7, 11, 13, 41]),
        max in prop::option::of(dec(500, 1).prop_filter("above 0", |d| !d.is_zero())),
    ) {
        // The curve prices today's grouped lines scaled by each factor; a quote of the scaled
        // scenario groups the scaled legs itself. Both must agree to the cent.
        let options = CurveOptions { points, max_factor: max };
        let curve = cost_curve(&card, &scenario, options).unwrap();
        prop_assert_eq!(curve.points.len(), points);
        for p in &curve.points {
            // A short, finite decimal: what a person or another program reads back is the
            // factor itself (rating.md §3), not a rounded 28-digit fraction.
            prop_assert!(p.factor.0.scale() <= 6, "factor {}", p.factor.0);
            let q = quote(&card, &scenario.scaled(p.factor.0).unwrap()).unwrap();
            prop_assert_eq!(p.per_minute, q.per_minute.monthly_total, "factor {}", p.factor.0);
            prop_assert_eq!(p.per_user, q.per_user.monthly_total, "factor {}", p.factor.0);
        }
    }

    #[test]
    fn per_user_costs_at_least_the_licence_fees((card, scenario) in priceable()) {
        let q = quote(&card, &scenario).unwrap();
        let fees: Decimal = q
            .per_user
            .lines
            .iter()
            .filter(|l| l.kind != ppm_pricing::rating::quote::LineKind::Call)
            .map(|l| l.amount.amount())
            .sum();
        let licence = Decimal::from(scenario.licences_purchased())
            * card.licence().price_per_user_month.value();
        prop_assert!(q.per_user.monthly_total.amount() >= fees);
        prop_assert!(fees >= card.money().round(licence).amount());
    }

    #[test]
    fn at_the_break_even_the_unrounded_totals_agree((card, scenario) in priceable()) {
        let found = ppm_pricing::rating::break_even(&card, &scenario).unwrap();
        if let BreakEven::At { factor, .. } = found {
            prop_assert!(factor > Decimal::ZERO);
            let (ppm, pu) = unrounded_totals(&card, &scenario.scaled(factor).unwrap()).unwrap();
            let scale = ppm.abs().max(pu.abs()).max(Decimal::ONE);
            // Decimal keeps 28 significant digits; allow for the last few.
            prop_assert!((ppm - pu).abs() <= scale * Decimal::new(1, 20), "{} vs {}", ppm, pu);
        }
    }

    #[test]
    fn every_scenario_at_the_limits_prices((card, scenario) in priceable_with(limits_doc())) {
        // Inside the documented limits a quote never fails (no overflow), on any valid card.
        let q = quote(&card, &scenario);
        prop_assert!(q.is_ok(), "{:?}", q.err());
        let q = q.unwrap();
        prop_assert_eq!(
            q.per_user.monthly_total.amount(),
            sum_lines(&q.per_user.lines)
        );
    }

    #[test]
    fn just_beyond_a_limit_is_a_clear_error(
        field in 0usize..4,
        over in prop::sample::select(vec![Decimal::new(1, 3), Decimal::ONE, Decimal::from(1_000_000)]),
    ) {
        let mut doc: ScenarioDocument = serde_json::from_str(
            r#"{"organisers": 1, "meetings": [{"perMonth": 1, "minutes": 1,
                "legs": [{"country": "DE", "call": "tollDialIn", "count": 1}]}]}"#,
        ).unwrap();
        let (limit, path) = [
            (Decimal::from(10_000_000), "organisers"),
            (Decimal::from(1_000_000), "meetings[0].perMonth"),
            (Decimal::from(1_440), "meetings[0].minutes"),
            (Decimal::from(100_000), "meetings[0].legs[0].count"),
        ][field];
        let value = Amount::Number(limit + over);
        match field {
            0 => doc.organisers = value,
            1 => doc.meetings[0].per_month = value,
            2 => doc.meetings[0].minutes = value,
            _ => doc.meetings[0].legs[0].count = value,
        }
        let e = Scenario::from_document(&doc).unwrap_err().to_string();
        let expected = format!("`{path}`: {} is more than the limit of {limit}", limit + over);
        let whole = format!("`{path}`: {} is not a whole number", limit + over);
        prop_assert!(e.contains(&expected) || (field == 0 && e.contains(&whole)), "{}", e);
    }

    #[test]
    fn no_card_or_scenario_makes_the_core_panic(
        card in card_doc(),
        scenario in scenario_doc(),
        garbage in "\\PC{0,12}",
        bad_number in prop::sample::select(vec!["-1", "1e400", "NaN", "", "  ", "0.0000000000000000000000000001", "79228162514264337593543950335"]),
    ) {
        // Well-formed documents, with one field replaced by garbage or an extreme number.
        let mut card = card;
        card.countries[0].code = garbage.clone();
        card.countries[1].dial_out = Some(DecimalText(bad_number.to_string()));
        let _ = RateCard::from_document(card.clone());
        card.countries[0].code = "US".into();
        let mut s = scenario;
        if let Some(m) = s.meetings.first_mut() {
            m.minutes = Amount::Invalid(garbage.clone());
        }
        let _ = Scenario::from_document(&s);
        if let (Ok(c), Some(m)) = (RateCard::from_document(card), s.meetings.first_mut()) {
            m.minutes = Amount::Number(Decimal::from(1440));
            m.per_month = Amount::Number(Decimal::from(1_000_000));
            for l in &mut m.legs {
                l.count = Amount::Number(Decimal::from(100_000));
            }
            if let Ok(sc) = Scenario::from_document(&s) {
                let _ = quote(&c, &sc);
                let _ = sc.scaled(Decimal::MAX).map(|big| quote(&c, &big));
            }
        }
        // JSON text that is not a scenario at all.
        let _ = serde_json::from_str::<ScenarioDocument>(&garbage);
    }
}

/// The largest scenario the limits allow, on the shipped card: 1,000 profiles x 1,000 groups,
/// every number at its limit, all dialling out to Germany (one line, so the sums are as large
/// as they can get).
#[test]
fn the_largest_scenario_prices() {
    let card =
        RateCard::from_toml_str(include_str!("../rates/illustrative-usd.toml"), None).unwrap();
    let leg = LegDocument {
        country: "DE".into(),
        call: "dialOut".into(),
        count: Amount::from_int(100_000),
        minutes: Some(Amount::from_int(1_440)),
    };
    let meeting = MeetingDocument {
        name: String::new(),
        per_month: Amount::from_int(1_000_000),
        minutes: Amount::from_int(1_440),
        legs: vec![leg; 1_000],
    };
    let doc = ScenarioDocument {
        organisers: Amount::from_int(10_000_000),
        licences_purchased: None,
        us_canada_addon: false,
        organisation_country: None,
        meetings: vec![meeting; 1_000],
        card: None,
    };
    let q = quote(&card, &Scenario::from_document(&doc).unwrap()).unwrap();
    // 10^6 groups x 10^5 people x 10^6 meetings = 10^17 legs x 1,440 min = 1.44 x 10^20
    // minutes x 0.0350 = 5.04 x 10^18.
    assert_eq!(
        q.per_minute.monthly_total.to_string(),
        "5040000000000000000.00"
    );
}

/// Text a card's free fields may hold: quotes, backslashes, newlines, other scripts.
fn card_text() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "plain",
        "with \"quotes\" and \\ backslash",
        "two\nlines\tand a tab",
        "Umsatzsteuer enthalten · é ü ß",
        "'single' and ''' triple",
    ])
    .prop_map(str::to_string)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// The card writer is held by this test rather than generated from the serde types: any
    /// valid card, with or without a tax note and translations, written by `card_to_toml` or
    /// by serde as JSON, reads back as exactly the same card.
    #[test]
    fn every_valid_card_reads_back_from_toml_and_json(
        doc in card_doc(),
        tax_note in prop::option::of(card_text()),
        source in card_text(),
        translated in prop::option::of((card_text(), prop::option::of(card_text()))),
    ) {
        let mut doc = doc;
        doc.tax_note = tax_note;
        doc.source = source;
        if let Some((name, note)) = translated {
            doc.translations = Translations(vec![(
                "de".to_string(),
                TranslationDocument { name: Some(name), tax_note: note },
            )]);
        }
        let card = RateCard::from_document(doc);
        // Only valid cards are written (proptest fails if too many are not).
        prop_assume!(card.is_ok());
        let card = card.expect("assumed valid");
        let toml = ppm_pricing::rating::card::card_to_toml(&card.to_document());
        let from_toml = RateCard::from_toml_str(&toml, Some("round-trip.toml"));
        prop_assert_eq!(from_toml.as_ref(), Ok(&card), "{}", toml);
        let json = serde_json::to_string(&card.to_document()).expect("a card is JSON");
        let from_json = RateCard::from_json_str(&json, Some("round-trip.json"));
        prop_assert_eq!(from_json.as_ref(), Ok(&card), "{}", json);
    }
}
