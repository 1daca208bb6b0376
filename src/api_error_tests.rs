//! The JS API's error kinds natively: codes, fields and sentences, and the TypeScript list of
//! codes kept equal to [`ApiError::CODES`].

use super::*;
use crate::rating::card::{CardProblem, DecimalText};
use crate::rating::money::Overflow;
use crate::rating::{Problem, RateCard, Scenario, ScenarioDocument};
use crate::registry::CardRegistry;

fn scenario_error(json: &str) -> ApiError {
    let doc: ScenarioDocument = serde_json::from_str(json).unwrap();
    Scenario::from_document(&doc).unwrap_err().into()
}

fn negative_card() -> ApiError {
    let registry = CardRegistry::new().unwrap();
    let mut doc = registry.get(None).unwrap().to_document();
    doc.id = "partner".into();
    doc.countries[1].dial_out = Some(DecimalText("-1".into()));
    let e = RateCard::from_document(doc).unwrap_err();
    ApiError::Registry(RegistryError::BadCard(e))
}

#[test]
fn a_scenario_problem_has_its_kind_as_code_and_its_path_as_field() {
    let e =
        scenario_error(r#"{ "organisers": 1, "meetings": [ { "perMonth": 1, "minutes": -5 } ] }"#);
    assert_eq!(e.code(), "negative");
    assert_eq!(e.field().as_deref(), Some("meetings[0].minutes"));
    assert_eq!(
        e.to_string(),
        "scenario, field `meetings[0].minutes`: -5 is negative; enter 0 or more"
    );
    let e = scenario_error(
        r#"{ "organisers": 1, "meetings": [ { "perMonth": 1, "minutes": 5,
             "legs": [ { "country": "XX", "call": "app", "count": 1 } ] } ] }"#,
    );
    assert_eq!(e.code(), "unknownCountry");
    assert_eq!(e.field().as_deref(), Some("meetings[0].legs[0].country"));
}

#[test]
fn a_card_problem_is_bad_card_with_the_card_s_field_and_problem() {
    let e = negative_card();
    assert_eq!(e.code(), "badCard");
    assert_eq!(e.field().as_deref(), Some("countries[1].dial_out"));
    assert_eq!(e.card_problem(), Some("negative"));
    assert!(e.to_string().contains("\"-1\" is negative"), "{e}");
}

#[test]
fn shape_problems_name_the_key_and_the_input() {
    let e = ApiError::value(
        "scenario",
        ValueProblem::UnknownField {
            at: "meetings[0].legs[0]".into(),
            key: "cuont".into(),
            expected: &["country", "call", "count", "minutes"],
        },
    );
    assert_eq!(e.code(), "unknownField");
    assert_eq!(e.field().as_deref(), Some("meetings[0].legs[0].cuont"));
    assert_eq!(
        e.to_string(),
        "scenario: unknown field `cuont` in `meetings[0].legs[0]`; expected one of country, call, count, minutes"
    );
    let top = ApiError::value(
        "scenario",
        ValueProblem::UnknownField {
            at: String::new(),
            key: "organizers".into(),
            expected: &["organisers"],
        },
    );
    assert_eq!(top.field().as_deref(), Some("organizers"));
    // A wrong type names its place as the field, and says what it found.
    let wrong = ApiError::value(
        "scenario",
        ValueProblem::WrongType {
            at: "meetings[0].legs[0].count".into(),
            detail: "a list where a number or a decimal string was expected".into(),
        },
    );
    assert_eq!(
        (wrong.code(), wrong.field().as_deref()),
        ("wrongType", Some("meetings[0].legs[0].count"))
    );
    assert_eq!(
        wrong.to_string(),
        "scenario: `meetings[0].legs[0].count`: a list where a number or a decimal string was expected"
    );
    assert_eq!(
        top.to_string(),
        "scenario: unknown field `organizers`; expected one of organisers"
    );
    let big = ApiError::value(
        "rate card",
        ValueProblem::TextTooLarge {
            megabytes: 70,
            limit: 64,
        },
    );
    assert_eq!(
        (big.code(), big.to_string().as_str()),
        (
            "inputTooLarge",
            "rate card: the text is 70 MB; no valid rate card is larger than 64 MB"
        )
    );
}

/// One error of every kind: their codes are exactly [`ApiError::CODES`], each once.
#[test]
fn every_kind_has_a_listed_code_and_every_code_a_kind() {
    let at = String::new;
    let value = |p: ValueProblem| ApiError::value("scenario", p);
    let scenario =
        |problem: Problem| ApiError::from(ScenarioError::new(Field::Organisers, problem));
    let de = crate::rating::CountryCode::parse("DE").unwrap();
    let d = rust_decimal::Decimal::ONE;
    let all = vec![
        value(ValueProblem::TooManyValues { limit: 1 }),
        value(ValueProblem::NotData { at: at() }),
        value(ValueProblem::Unreadable {
            path: at(),
            thrown: at(),
        }),
        value(ValueProblem::NotJson {
            at: Some((1, 2)),
            reason: at(),
        }),
        value(ValueProblem::NotJson {
            at: None,
            reason: at(),
        }),
        value(ValueProblem::NotAnObject { expected: "x" }),
        value(ValueProblem::UnknownField {
            at: at(),
            key: at(),
            expected: &[],
        }),
        scenario(Problem::NotANumber { text: at() }),
        scenario(Problem::Negative { value: d }),
        scenario(Problem::AboveLimit {
            value: at(),
            limit: d,
        }),
        scenario(Problem::TooPrecise { value: at() }),
        scenario(Problem::NotWhole { value: d }),
        scenario(Problem::LicencesBelowOrganisers {
            licences: 1,
            organisers: 2,
        }),
        scenario(Problem::TooManyMeetings { count: 2, limit: 1 }),
        scenario(Problem::TooManyLegs { count: 2, limit: 1 }),
        scenario(Problem::UnknownCall { word: at() }),
        scenario(Problem::NotACountryCode { text: at() }),
        scenario(Problem::CountryNotOnCard {
            card: at(),
            country: de,
        }),
        scenario(Problem::NoRate {
            card: at(),
            call: crate::rating::Call::DialOut,
            country: de,
        }),
        scenario(Problem::NoAddon { card: at() }),
        scenario(Problem::NoOrganiser),
        scenario(Problem::SharesNotHundred { total: d }),
        scenario(Problem::MixNotHundred { total: d }),
        scenario(Problem::AmbiguousNumber { text: at() }),
        negative_card(),
        ApiError::from(Error::Card(CardError::new("id", CardProblem::Empty))),
        ApiError::from(Error::Overflow(Overflow { what: at() })),
        ApiError::BadOption {
            what: "curve options",
            name: "maxFactor",
            text: at(),
        },
        ApiError::Registry(RegistryError::UnknownCard {
            id: at(),
            known: vec![],
        }),
        ApiError::Registry(RegistryError::BuiltInId { id: at() }),
        ApiError::Registry(RegistryError::IdTaken {
            id: at(),
            name: at(),
        }),
        ApiError::Registry(RegistryError::Busy),
    ];
    let mut codes: Vec<&str> = all.iter().map(ApiError::code).collect();
    codes.sort_unstable();
    codes.dedup();
    let mut listed = ApiError::CODES.to_vec();
    listed.sort_unstable();
    let before = listed.len();
    listed.dedup();
    assert_eq!(listed.len(), before, "a code is listed twice");
    assert_eq!(codes, listed);
}

/// The TypeScript declarations list the same codes (`PpmErrorCode` in `src/api.d.ts`).
#[test]
fn the_typescript_codes_are_the_rust_codes() {
    let dts = include_str!("api.d.ts");
    let start = dts
        .find("export type PpmErrorCode =")
        .expect("api.d.ts declares PpmErrorCode");
    let body = &dts[start..];
    let body = &body[..body.find(';').expect("the type ends")];
    let mut declared: Vec<&str> = body.split('"').skip(1).step_by(2).collect();
    declared.sort_unstable();
    let mut codes = ApiError::CODES.to_vec();
    codes.sort_unstable();
    assert_eq!(declared, codes);
}
