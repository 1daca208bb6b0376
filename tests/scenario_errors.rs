//! Bad scenarios get readable errors that name the field, never a panic.

use ppm_pricing::rating::{
    quote, Call, CountryCode, Error, Field, Problem, RateCard, Scenario, ScenarioDocument,
};
use rust_decimal::Decimal;

fn card() -> RateCard {
    let text = include_str!("cards/small.toml");
    RateCard::from_toml_str(text, None).unwrap()
}

/// Parses, validates and prices a scenario; returns the error text.
fn error(json: &str) -> String {
    let doc: ScenarioDocument = match serde_json::from_str(json) {
        Ok(d) => d,
        Err(e) => return format!("json: {e}"),
    };
    match Scenario::from_document(&doc) {
        Err(e) => e.to_string(),
        Ok(s) => match quote(&card(), &s) {
            Err(e) => e.to_string(),
            Ok(_) => panic!("expected an error for {json}"),
        },
    }
}

fn meeting(per_month: &str, minutes: &str, country: &str, call: &str, count: &str) -> String {
    format!(
        r#"{{"organisers": 2, "meetings": [{{"perMonth": {per_month}, "minutes": {minutes},
            "legs": [{{"country": "{country}", "call": "{call}", "count": {count}}}]}}]}}"#
    )
}

#[test]
fn unknown_country() {
    let e = error(&meeting("1", "10", "XX", "tollDialIn", "1"));
    assert!(e.contains("`meetings[0].legs[0].country`"), "{e}");
    assert!(e.contains("\"XX\" is not a country code"), "{e}");
}

#[test]
fn country_not_on_the_card() {
    let e = error(&meeting("1", "10", "JP", "dialOut", "1"));
    assert!(e.contains("`meetings[0].legs[0].country`"), "{e}");
    assert!(e.contains("has no rates for JP"), "{e}");
}

#[test]
fn call_type_without_a_rate() {
    // RU has no toll-free number on the test card.
    let e = error(&meeting("1", "10", "RU", "tollFreeDialIn", "1"));
    assert!(e.contains("`meetings[0].legs[0].call`"), "{e}");
    assert!(e.contains("has no toll-free dial-in rate for RU"), "{e}");
}

#[test]
fn unknown_call_type() {
    let e = error(&meeting("1", "10", "DE", "fax", "1"));
    assert!(e.contains("unknown call type \"fax\""), "{e}");
}

#[test]
fn negative_minutes() {
    let e = error(&meeting("1", "-10", "DE", "tollDialIn", "1"));
    assert!(e.contains("`meetings[0].minutes`: -10 is negative"), "{e}");
}

#[test]
fn text_instead_of_a_number() {
    let e = error(&meeting("\"twice\"", "10", "DE", "tollDialIn", "1"));
    assert!(
        e.contains("`meetings[0].perMonth`: \"twice\" is not a number"),
        "{e}"
    );
}

#[test]
fn absurd_sizes_state_the_limit() {
    let e = error(&meeting("1e30", "10", "DE", "tollDialIn", "1"));
    assert!(e.contains("`meetings[0].perMonth`"), "{e}");
    assert!(e.contains("limit of 1000000"), "{e}");
    let e = error(&meeting("1", "1441", "DE", "tollDialIn", "1"));
    assert!(e.contains("1441 is more than the limit of 1440"), "{e}");
    let e = error(&meeting("1", "10", "DE", "tollDialIn", "100001"));
    assert!(e.contains("`meetings[0].legs[0].count`"), "{e}");
}

#[test]
fn not_a_number_from_javascript() {
    // serde-wasm-bindgen hands NaN over as a float; it must be refused, not priced.
    let e = error(&meeting("1", "\"NaN\"", "DE", "tollDialIn", "1"));
    assert!(e.contains("is not a number"), "{e}");
}

#[test]
fn licences_below_organisers() {
    let e = error(r#"{"organisers": 5, "licencesPurchased": 3}"#);
    assert!(
        e.contains("`licencesPurchased`: 3 licences purchased is fewer than the 5"),
        "{e}"
    );
}

#[test]
fn fractional_organisers() {
    let e = error(r#"{"organisers": 2.5}"#);
    assert!(e.contains("`organisers`: 2.5 is not a whole number"), "{e}");
}

#[test]
fn phone_usage_without_organisers() {
    let e = error(
        r#"{"organisers": 0, "meetings": [{"perMonth": 1, "minutes": 5,
            "legs": [{"country": "DE", "call": "tollDialIn", "count": 1}]}]}"#,
    );
    assert!(e.contains("`organisers`"), "{e}");
    assert!(e.contains("need at least one organiser"), "{e}");
}

#[test]
fn addon_the_card_does_not_offer() {
    let mut doc = card().to_document();
    doc.addons.us_canada_dial_out = None;
    let card = RateCard::from_document(doc).unwrap();
    let s: ScenarioDocument =
        serde_json::from_str(r#"{"organisers": 1, "usCanadaAddon": true}"#).unwrap();
    let e = quote(&card, &Scenario::from_document(&s).unwrap()).unwrap_err();
    assert!(matches!(e, Error::Scenario(_)));
    assert!(e.to_string().contains("`usCanadaAddon`"), "{e}");
}

#[test]
fn unknown_scenario_field() {
    let e = error(r#"{"organisers": 1, "organizers": 1}"#);
    assert!(e.contains("unknown field `organizers`"), "{e}");
}

#[test]
fn app_legs_need_no_rate() {
    // JP is not on the test card, but app joins cost nothing and need no rate.
    let doc: ScenarioDocument =
        serde_json::from_str(&meeting("1", "10", "JP", "app", "3")).unwrap();
    let q = quote(&card(), &Scenario::from_document(&doc).unwrap()).unwrap();
    assert_eq!(q.per_minute.monthly_total.to_string(), "0.00");
}

/// The typed problem (kind and field) of a scenario, as user interfaces receive it.
fn problem(json: &str) -> (Field, Problem) {
    let doc: ScenarioDocument = serde_json::from_str(json).unwrap();
    let err = match Scenario::from_document(&doc) {
        Err(e) => e,
        Ok(s) => match quote(&card(), &s) {
            Err(Error::Scenario(e)) => e,
            other => panic!("expected a scenario problem for {json}: {other:?}"),
        },
    };
    (err.field, err.problem)
}

#[test]
fn every_problem_kind_with_its_field_and_values() {
    let leg = |meeting: usize, leg: usize| (meeting, leg);
    let (m, l) = leg(0, 0);
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    let cases: Vec<(String, Field, Problem)> = vec![
        (
            meeting("\"twice\"", "10", "DE", "tollDialIn", "1"),
            Field::PerMonth { meeting: m },
            Problem::NotANumber {
                text: "twice".into(),
            },
        ),
        (
            meeting("1", "10", "DE", "tollDialIn", "-2"),
            Field::LegCount { meeting: m, leg: l },
            Problem::Negative { value: d("-2") },
        ),
        (
            meeting("1", "1441", "DE", "tollDialIn", "1"),
            Field::Minutes { meeting: m },
            Problem::AboveLimit {
                value: "1441".into(),
                limit: d("1440"),
            },
        ),
        (
            meeting(
                "\"0.00000000000000000000000000001\"",
                "10",
                "DE",
                "tollDialIn",
                "1",
            ),
            Field::PerMonth { meeting: m },
            Problem::TooPrecise {
                value: "0.00000000000000000000000000001".into(),
            },
        ),
        (
            r#"{"organisers": 2.5, "meetings": []}"#.into(),
            Field::Organisers,
            Problem::NotWhole { value: d("2.5") },
        ),
        (
            r#"{"organisers": 5, "licencesPurchased": 3, "meetings": []}"#.into(),
            Field::LicencesPurchased,
            Problem::LicencesBelowOrganisers {
                licences: 3,
                organisers: 5,
            },
        ),
        (
            meeting("1", "10", "DE", "fax", "1"),
            Field::LegCall { meeting: m, leg: l },
            Problem::UnknownCall { word: "fax".into() },
        ),
        (
            meeting("1", "10", "XX", "tollDialIn", "1"),
            Field::LegCountry { meeting: m, leg: l },
            Problem::NotACountryCode { text: "XX".into() },
        ),
        (
            meeting("1", "10", "JP", "dialOut", "1"),
            Field::LegCountry { meeting: m, leg: l },
            Problem::CountryNotOnCard {
                card: card().name().into(),
                country: CountryCode::parse("JP").unwrap(),
            },
        ),
        (
            meeting("1", "10", "RU", "tollFreeDialIn", "1"),
            Field::LegCall { meeting: m, leg: l },
            Problem::NoRate {
                card: card().name().into(),
                call: Call::TollFreeDialIn,
                country: CountryCode::parse("RU").unwrap(),
            },
        ),
        (
            r#"{"organisers": 0, "meetings": [{"perMonth": 1, "minutes": 10,
                "legs": [{"country": "DE", "call": "tollDialIn", "count": 1}]}]}"#
                .into(),
            Field::Organisers,
            Problem::NoOrganiser,
        ),
    ];
    for (json, field, kind) in cases {
        assert_eq!(problem(&json), (field, kind), "{json}");
    }
    // Too many profiles: 1,001 empty meetings.
    let many = format!(
        r#"{{"organisers": 1, "meetings": [{}]}}"#,
        vec![r#"{"perMonth": 1, "minutes": 1}"#; 1001].join(",")
    );
    assert_eq!(
        problem(&many),
        (
            Field::Meetings,
            Problem::TooManyMeetings {
                count: 1001,
                limit: 1000
            }
        )
    );
    let legs = vec![r#"{"country": "DE", "call": "app", "count": 1}"#; 1001].join(",");
    let many_legs = format!(
        r#"{{"organisers": 1, "meetings": [{{"perMonth": 1, "minutes": 1, "legs": [{legs}]}}]}}"#
    );
    assert_eq!(
        problem(&many_legs),
        (
            Field::Legs { meeting: 0 },
            Problem::TooManyLegs {
                count: 1001,
                limit: 1000
            }
        )
    );
}

#[test]
fn problems_the_core_keeps_for_forms_read_as_sentences() {
    // Share-mode sums and ambiguous number text are found by forms, with the core's words.
    let total = Decimal::from(120);
    assert_eq!(
        Problem::SharesNotHundred { total }.to_string(),
        "the countries' shares add up to 120 %; make them 100 %"
    );
    assert_eq!(
        Problem::MixNotHundred { total }.to_string(),
        "toll, toll-free and dial-out add up to 120 %; make them 100 %"
    );
    assert_eq!(
        Problem::AmbiguousNumber { text: "1,5".into() }.to_string(),
        "\"1,5\" could be read as two different numbers; write it without thousands separators"
    );
    // Long or control-character input is cut and shown escaped, never echoed whole.
    let long = "x".repeat(10_000) + "\u{0}";
    let shown = Problem::NotANumber { text: long }.to_string();
    assert!(shown.len() < 120, "{shown}");
    assert!(shown.contains("…"), "{shown}");
    assert_eq!(
        Problem::NotANumber {
            text: "a\u{0}b".into()
        }
        .to_string(),
        "\"a\\u{0}b\" is not a number; enter digits such as 12 or 2.5"
    );
}

#[test]
fn the_add_on_on_a_card_without_one() {
    // The small card without its [addons] table.
    let text = include_str!("cards/small.toml");
    let start = text.find("[addons.us_canada_dial_out]").unwrap();
    let end = start + text[start..].find("\n\n").unwrap();
    let card =
        RateCard::from_toml_str(&format!("{}{}", &text[..start], &text[end..]), None).unwrap();
    let doc: ScenarioDocument =
        serde_json::from_str(r#"{"organisers": 1, "usCanadaAddon": true, "meetings": []}"#)
            .unwrap();
    let e = quote(&card, &Scenario::from_document(&doc).unwrap()).unwrap_err();
    assert!(
        matches!(&e, Error::Scenario(s) if s.field == Field::UsCanadaAddon
            && s.problem == Problem::NoAddon { card: "Test card (small)".into() }),
        "{e}"
    );
    assert_eq!(
        e.to_string(),
        "scenario, field `usCanadaAddon`: the rate card \"Test card (small)\" offers no US/Canada \
         dial-out add-on; turn the add-on off"
    );
}

#[test]
fn a_legs_own_minutes_are_checked_like_the_meetings() {
    let with = |minutes: &str| {
        format!(
            r#"{{"organisers": 2, "meetings": [{{"perMonth": 1, "minutes": 10,
            "legs": [{{"country": "DE", "call": "tollDialIn", "count": 1}},
                     {{"country": "DE", "call": "tollDialIn", "count": 1, "minutes": {minutes}}}]}}]}}"#
        )
    };
    // A leg's own minutes may reach 1,800 (a Teams meeting lasts up to 30 hours), the
    // meeting's 1,440: 26 hours price, 30 h and a thousandth do not.
    let doc: ScenarioDocument = serde_json::from_str(&with("1560")).unwrap();
    assert!(quote(&card(), &Scenario::from_document(&doc).unwrap()).is_ok());
    let e = error(&with("1800.001"));
    assert_eq!(
        e,
        "scenario, field `meetings[0].legs[1].minutes`: 1800.001 is more than the limit of 1800"
    );
    let e = error(&with("-1"));
    assert!(
        e.contains("`meetings[0].legs[1].minutes`: -1 is negative"),
        "{e}"
    );
    let e = error(&with("\"ten\""));
    assert!(e.contains("`meetings[0].legs[1].minutes`"), "{e}");
}
