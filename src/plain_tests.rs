//! Tests of `plain.rs`: documents read from a `Plain` tree, and what a wrong type says.

use super::*;
use crate::rating::ScenarioDocument;

fn text(s: &str) -> Plain {
    Plain::Text(s.into())
}

fn object(entries: &[(&str, Plain)]) -> Plain {
    Plain::Object(
        entries
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    )
}

/// `{ organisers: 10, meetings: [{ perMonth: 4, minutes: 60, legs: [{ country: "DE",
/// call: "app", count: <count> }] }] }`
fn scenario(count: Plain) -> Plain {
    let leg = object(&[
        ("country", text("DE")),
        ("call", text("app")),
        ("count", count),
    ]);
    let meeting = object(&[
        ("perMonth", Plain::Number(4.0)),
        ("minutes", Plain::Number(60.0)),
        ("legs", Plain::List(vec![leg])),
    ]);
    object(&[
        ("organisers", Plain::Number(10.0)),
        ("meetings", Plain::List(vec![meeting])),
    ])
}

#[test]
fn a_scenario_reads_as_from_json() {
    // The same scenario as JSON text through serde_json: the same document.
    let json = r#"{"organisers":10,"meetings":[{"perMonth":4,"minutes":60,
        "legs":[{"country":"DE","call":"app","count":2.5}]}]}"#;
    let expected: ScenarioDocument = serde_json::from_str(json).unwrap();
    let read: ScenarioDocument = from_plain(&scenario(Plain::Number(2.5))).unwrap();
    assert_eq!(read, expected);
    // A decimal string is read as written.
    let read: ScenarioDocument = from_plain(&scenario(text("2.5"))).unwrap();
    assert_eq!(read, expected);
}

#[test]
fn a_wrong_type_says_where_and_what() {
    let e = from_plain::<ScenarioDocument>(&scenario(Plain::List(vec![]))).unwrap_err();
    assert_eq!(e.path, "meetings[0].legs[0].count");
    assert_eq!(
        e.to_string(),
        "`meetings[0].legs[0].count`: a list where a number or a decimal string was expected"
    );
    let e = from_plain::<ScenarioDocument>(&object(&[
        ("organisers", Plain::Number(1.0)),
        ("meetings", text("x")),
    ]))
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "`meetings`: a text where a list was expected"
    );
}

#[test]
fn numbers_arrive_as_integers_only_when_exact_and_safe() {
    // u32 takes 7 (an integer) but neither 7.5 nor 2^53 (not a safe integer).
    assert_eq!(from_plain::<u32>(&Plain::Number(7.0)), Ok(7));
    let e = from_plain::<u32>(&Plain::Number(7.5)).unwrap_err();
    assert_eq!(
        e.message,
        "a number with a fraction where a whole number of 0 or more was expected"
    );
    assert!(from_plain::<u64>(&Plain::Number(9_007_199_254_740_992.0)).is_err());
    assert_eq!(
        from_plain::<u64>(&Plain::Number(MAX_SAFE_INTEGER)),
        Ok(9_007_199_254_740_991)
    );
    let e = from_plain::<u32>(&Plain::Number(-1.0)).unwrap_err();
    assert_eq!(
        e.message,
        "the number -1 where a whole number of 0 or more was expected"
    );
}

#[test]
fn null_is_none_and_a_list_index_is_named_alone() {
    assert_eq!(from_plain::<Option<u32>>(&Plain::Null), Ok(None));
    assert_eq!(from_plain::<Option<u32>>(&Plain::Number(3.0)), Ok(Some(3)));
    let e = from_plain::<Vec<u32>>(&Plain::List(vec![Plain::Number(1.0), Plain::Bool(true)]))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "`[1]`: true where a whole number of 0 or more was expected"
    );
}
