//! The `ppm` command line, run as a user runs it: exit codes, stdout and stderr (quote, check,
//! convert, curve, help; the rate-sheet import in `cli_import.rs`, usage and batch in
//! `cli_usage.rs`).

mod common;

use std::process::Output;

use common::{ppm, root, stderr, stdout};
use ppm_pricing::rating::RateCard;
use serde_json::Value;

#[test]
fn quote_answers_the_readme_example() {
    let o = ppm(
        &[
            "quote",
            "--card",
            "rates/illustrative-usd.toml",
            "examples/scenario.json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let q: Value = serde_json::from_str(&stdout(&o)).unwrap();
    // 48 legs x 60 min x 0.0220 + 720 min x 0.0300 + 240 min x 0.0350 = 63.36 + 21.60 + 8.40.
    assert_eq!(q["perMinute"]["monthlyTotal"], "93.36");
    // 50 licences x 4.00 + 21.60 toll-free; FR dial-out inside the 2400-minute pool.
    assert_eq!(q["perUser"]["monthlyTotal"], "221.60");
    assert_eq!(q["cheaper"], "perMinute");
}

#[test]
fn the_readme_shows_the_real_output() {
    // The README's quick start must show exactly what the command prints.
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let o = ppm(
        &[
            "quote",
            "--card",
            "rates/illustrative-usd.toml",
            "--table",
            "examples/scenario.json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        readme.contains(stdout(&o).trim_end()),
        "README.md's quick-start output is out of date; it should contain:\n{}",
        stdout(&o)
    );
}

#[test]
fn the_readme_shows_the_real_usage_report() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let o = ppm(
        &[
            "usage",
            "tests/usage/golden.csv",
            "--card",
            "illustrative-eur",
            "--report",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        readme.contains(stdout(&o).trim_end()),
        "README.md's usage report is out of date; it should contain:\n{}",
        stdout(&o)
    );
}

#[test]
fn quote_reads_standard_input_and_prints_a_table() {
    let scenario = std::fs::read_to_string(root().join("examples/scenario.json")).unwrap();
    let o = ppm(
        &[
            "quote",
            "--card",
            "rates/illustrative-usd.toml",
            "--table",
            "-",
        ],
        Some(&scenario),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let t = stdout(&o);
    // 221.60 - 93.36 = 128.24 a month, x 12 = 1538.88 a year.
    assert!(
        t.contains("Cheaper: pay-per-minute, by 128.24 USD per month (1538.88 per year)."),
        "{t}"
    );
    // k = 200 / 71.76 = 2.787; 96 min per organiser x k = 267.6.
    assert!(
        t.contains("above 267.6 phone minutes per organiser per month"),
        "{t}"
    );
}

#[test]
fn bad_scenarios_exit_2_with_the_field() {
    let o = ppm(
        &["quote", "--card", "rates/illustrative-usd.toml", "-"],
        Some(r#"{"organisers": 1, "meetings": [{"perMonth": -1, "minutes": 5, "legs": []}]}"#),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("`meetings[0].perMonth`: -1 is negative"),
        "{}",
        stderr(&o)
    );
    let o = ppm(
        &["quote", "--card", "rates/illustrative-usd.toml", "-"],
        Some("{not json"),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("not valid scenario JSON"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn check_validates_cards() {
    let o = ppm(
        &[
            "check",
            "rates/illustrative-usd.toml",
            "rates/illustrative-eur.toml",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o)
        .contains("ok  rates/illustrative-eur.toml: illustrative-eur (EUR, 249 countries"));

    let dir = std::env::temp_dir().join(format!("ppm-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.toml");
    let text = std::fs::read_to_string(root().join("tests/cards/small.toml")).unwrap();
    std::fs::write(
        &bad,
        text.replace("rounding = \"half_up\"", "rounding = \"nearest\""),
    )
    .unwrap();
    let o = ppm(&["check", bad.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("line 12, field `billing.rounding`: unknown rounding \"nearest\""),
        "{}",
        stderr(&o)
    );
    let o = ppm(&["check", "does/not/exist.toml"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read does/not/exist.toml"));
}

#[test]
fn convert_prints_the_same_card_as_json() {
    let o = ppm(&["convert", "rates/illustrative-eur.toml"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let from_json = RateCard::from_json_str(&stdout(&o), None).unwrap();
    let text = std::fs::read_to_string(root().join("rates/illustrative-eur.toml")).unwrap();
    assert_eq!(from_json, RateCard::from_toml_str(&text, None).unwrap());
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["effective_from"], "2026-01-01");
    assert_eq!(v["licence"]["price_per_user_month"], "3.70");
}

#[test]
fn curve_prints_points_with_the_break_even() {
    let o = ppm(
        &[
            "curve",
            "--card",
            "rates/illustrative-usd.toml",
            "--points",
            "3",
            "--max-factor",
            "4",
            "examples/scenario.json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let c: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let points = c["points"].as_array().unwrap();
    assert_eq!(points.len(), 3);
    // Factor 2: pay-per-minute doubles to 186.72; per-user 200.00 + 2 x 21.60 = 243.20.
    assert_eq!(points[1]["factor"], "2");
    assert_eq!(points[1]["perMinute"], "186.72");
    assert_eq!(points[1]["perUser"], "243.20");
    let o = ppm(
        &[
            "curve",
            "--card",
            "rates/illustrative-usd.toml",
            "--points",
            "1",
            "examples/scenario.json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("option `points`: 1 points is out of range"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn every_command_has_help_and_there_is_a_version() {
    for cmd in [
        "quote", "usage", "batch", "curve", "check", "import", "convert",
    ] {
        for flag in ["--help", "-h"] {
            let o = ppm(&[cmd, flag], None);
            assert_eq!(o.status.code(), Some(0), "{cmd} {flag}: {}", stderr(&o));
            let out = stdout(&o);
            assert!(out.starts_with(&format!("ppm {cmd}")), "{out}");
            assert!(out.contains("Example: ppm "), "{out}");
        }
        let o = ppm(&["help", cmd], None);
        assert!(stdout(&o).starts_with(&format!("ppm {cmd}")));
    }
    let o = ppm(&["--version"], None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), format!("ppm {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn a_scenario_at_the_limits_prices_and_the_table_shows_whole_numbers() {
    // One DE dial-out group at the documented limits: 100,000 people x 1,000,000 meetings x
    // 1,440 min = 144,000,000,000,000 minutes x 0.0350 = 5,040,000,000,000.00 per minute.
    let scenario = r#"{"organisers": 1, "meetings": [{"perMonth": 1000000, "minutes": 1440,
        "legs": [{"country": "DE", "call": "dialOut", "count": 100000}]}]}"#;
    let o = ppm(
        &[
            "quote",
            "--table",
            "--card",
            "rates/illustrative-usd.toml",
            "-",
        ],
        Some(scenario),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let table = stdout(&o);
    assert!(table.contains(" 144000000000000 "), "{table}");
    assert!(table.contains("5040000000000.00"), "{table}");
    // Per user: the pool (1 licence x 60 min) covers 60 of the minutes: 60 x 0.0350 = 2.10 off.
    assert!(table.contains("5039999999997.90"), "{table}");
}

#[test]
fn messages_show_control_characters_escaped_and_long_input_cut() {
    // A NUL in an unknown key, and a 10,000-character key.
    let json = format!(
        "{{\"organisers\": 1, \"\\u0000{}\": 1}}",
        "k".repeat(10_000)
    );
    let o = ppm(
        &["quote", "--card", "rates/illustrative-usd.toml", "-"],
        Some(&json),
    );
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(!e.contains('\u{0}'), "{e:?}");
    assert!(e.contains("\\u{0}"), "{e}");
    assert!(e.lines().all(|l| l.chars().count() <= 410), "{e}");
}

/// The README example as a version 1 share link (40 organisers, 50 licences; one weekly
/// profile: 12 DE toll, 3 US toll-free, 1 FR dial-out, 40 DE app, 4 a month of 60 min).
const EXAMPLE_LINK: &str =
    "v1&card=illustrative-usd&o=40&l=50&a=0&m=Weekly~4~60~DE.t.12%2CUS.f.3%2CFR.o.1%2CDE.a.40";

#[test]
fn quote_takes_built_in_card_ids_and_share_links() {
    let total = |o: &Output| {
        assert_eq!(o.status.code(), Some(0), "{}", stderr(o));
        let q: Value = serde_json::from_str(&stdout(o)).unwrap();
        q["perMinute"]["monthlyTotal"].as_str().unwrap().to_string()
    };
    // The README example on the built-in USD card: 93.36 (see quote_answers_the_readme_example).
    let o = ppm(
        &[
            "quote",
            "--card",
            "illustrative-usd",
            "examples/scenario.json",
        ],
        None,
    );
    assert_eq!(total(&o), "93.36");
    // The same as a link: the whole address, its fragment, or on standard input; the link's
    // card is used when --card is not given.
    let address = format!("https://pricing.example/#{EXAMPLE_LINK}");
    assert_eq!(total(&ppm(&["quote", &address], None)), "93.36");
    assert_eq!(
        total(&ppm(&["quote", &format!("#{EXAMPLE_LINK}")], None)),
        "93.36"
    );
    assert_eq!(total(&ppm(&["quote", "-"], Some(&address))), "93.36");
    // --card wins over the link's: the EUR card prices the same scenario in EUR.
    let o = ppm(&["quote", "--card", "illustrative-eur", &address], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("\"currency\": \"EUR\""));
    // A broken link and an unknown card id: exit 2 with a sentence.
    let o = ppm(&["quote", "v3&card=x&m=broken"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("the link is not a share link this version reads"),
        "{}",
        stderr(&o)
    );
    let o = ppm(
        &[
            "quote",
            "--card",
            "illustrative-xyz",
            "examples/scenario.json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("cannot read illustrative-xyz"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_scenario_file_s_own_card_is_used_when_none_is_given() {
    // The README example with the card it was priced with (rating.md §2 `card`), on standard
    // input as a downloaded estimate would be piped in.
    let example = std::fs::read_to_string(root().join("examples/scenario.json")).unwrap();
    let with_card = |card: &str| {
        let body = example.trim_end().strip_suffix('}').unwrap();
        format!("{body}, \"card\": \"{card}\" }}")
    };
    let o = ppm(&["quote", "-"], Some(&with_card("illustrative-eur")));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let q: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(q["currency"], "EUR");
    assert_eq!(q["card"]["id"], "illustrative-eur");
    // --card wins over the file's: 93.36 on the USD card (quote_answers_the_readme_example).
    let o = ppm(
        &["quote", "--card", "illustrative-usd", "-"],
        Some(&with_card("illustrative-eur")),
    );
    let q: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(q["perMinute"]["monthlyTotal"], "93.36");
    // The curve takes it too; a card that is not built in asks for --card.
    let o = ppm(
        &["curve", "--points", "2", "-"],
        Some(&with_card("illustrative-usd")),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = ppm(&["quote", "-"], Some(&with_card("partner-x")));
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("the scenario's card \"partner-x\" is not built in; give --card"),
        "{}",
        stderr(&o)
    );
    // Without a card anywhere, --card is required, as before.
    let o = ppm(&["quote", "examples/scenario.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--card CARD is required"),
        "{}",
        stderr(&o)
    );
}
