//! The `ppm` command line, run as a user runs it: exit codes, stdout and stderr.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use ppm_pricing::rating::RateCard;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn ppm(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ppm"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

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
fn usage_errors_exit_2() {
    assert_eq!(ppm(&[], None).status.code(), Some(2));
    let o = ppm(&["price"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown command \"price\""));
    let o = ppm(&["quote", "examples/scenario.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--card CARD is required"));
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
fn import_builds_a_card_from_rate_sheets() {
    let o = ppm(
        &[
            "import",
            "--template",
            "rates/illustrative-usd.toml",
            "--toll-dial-in",
            "tests/sheets/toll-dial-in.csv",
            "--toll-free",
            "tests/sheets/toll-free.csv",
            "--dial-out",
            "tests/sheets/dial-out.csv",
            "--id",
            "contoso-2027",
            "--name",
            "Contoso contract 2027",
            "--effective-from",
            "2027-01-01",
            "--official",
            "--source",
            "Contoso rate sheet, January 2027",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let card = RateCard::from_toml_str(&stdout(&o), Some("imported")).unwrap();
    assert_eq!(card.id(), "contoso-2027");
    assert!(!card.illustrative());
    assert_eq!(card.effective_from().to_string(), "2027-01-01");
    let rate = |code: &str, call| {
        let c = ppm_pricing::rating::CountryCode::parse(code).unwrap();
        card.country(c)
            .and_then(|r| r.rate(call))
            .map(|r| r.to_string())
    };
    use ppm_pricing::rating::Call::*;
    assert_eq!(rate("DE", TollDialIn).as_deref(), Some("0.0190"));
    assert_eq!(rate("KR", TollFreeDialIn).as_deref(), Some("0.1100"));
    assert_eq!(rate("DE", DialOut).as_deref(), Some("0.0330")); // decimal comma
    assert_eq!(rate("CI", DialOut).as_deref(), Some("0.3100"));
    // Each sheet replaces its call type: FR has no toll-free rate in the sheet any more.
    assert_eq!(rate("FR", TollFreeDialIn), None);
    assert_eq!(rate("GB", DialOut), None);
    // Zones and credits come from the template.
    let de = ppm_pricing::rating::CountryCode::parse("DE").unwrap();
    assert!(card.in_pool_zone(de));
}

#[test]
fn import_errors_name_the_sheet_and_line() {
    let run = |sheet: &str| {
        ppm(
            &[
                "import",
                "--template",
                "rates/illustrative-usd.toml",
                "--dial-out",
                sheet,
            ],
            None,
        )
    };
    let o = run("tests/sheets/bad-country.csv");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "rate sheet tests/sheets/bad-country.csv, line 2: unknown country \"Atlantis\""
        ),
        "{}",
        stderr(&o)
    );
    let o = run("tests/sheets/bad-rate.csv");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("line 3: \"two cents\" is not a rate for FR"),
        "{}",
        stderr(&o)
    );
    let o = run("tests/sheets/duplicate.csv");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("line 3: DE appears twice (first on line 1)"),
        "{}",
        stderr(&o)
    );
    let o = ppm(
        &["import", "--template", "rates/illustrative-usd.toml"],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
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
fn import_reports_what_it_kept_and_dropped_and_names_the_new_card() {
    let o = ppm(
        &[
            "import",
            "--template",
            "tests/cards/small.toml",
            "--dial-out",
            "tests/sheets/dial-out.csv",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report = stderr(&o);
    // Without --id and --name the card must not pass for its template.
    assert!(
        report.contains("(small-imported); id and name derived"),
        "{report}"
    );
    assert!(
        stdout(&o).contains("id = \"small-imported\""),
        "{}",
        stdout(&o)
    );
    // The template dials out to AR, CA, DE, FR, RU, US; the sheet lists DE, JP, CI.
    assert!(
        report.contains(
            "dial-out: 3 rates from the sheet; added (not in the template): JP, CI; dropped \
             (in the template, not in the sheet): AR, CA, FR, RU, US"
        ),
        "{report}"
    );
    // The template's 6 toll and 5 toll-free rates stay (no sheets for them).
    assert!(
        report.contains("toll dial-in: no sheet; 6 rates kept from the template"),
        "{report}"
    );
    assert!(
        report.contains("toll-free dial-in: no sheet; 5 rates kept"),
        "{report}"
    );
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
fn usage_turns_an_export_into_a_scenario_and_a_report() {
    // tests/usage/golden.csv, computed by hand in tests/usage_export.rs: 14 rows, 8 used,
    // 4 organisers, 31 days.
    let o = ppm(&["usage", "tests/usage/golden.csv"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let s: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(s["organisers"], "4");
    assert_eq!(s["meetings"][0]["perMonth"], "0.981855");
    assert_eq!(s["meetings"][0]["legs"].as_array().unwrap().len(), 7);
    assert!(
        stderr(&o).starts_with("ppm usage: read 14 rows"),
        "{}",
        stderr(&o)
    );
    // --organisers overrides the UPNs counted.
    let o = ppm(
        &["usage", "tests/usage/golden.csv", "--organisers", "25"],
        None,
    );
    let s: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(s["organisers"], "25");
    // With a card: the Korean call (not on the card) is left out of the scenario.
    let o = ppm(
        &[
            "usage",
            "tests/usage/golden.csv",
            "--card",
            "tests/usage/card-eur.toml",
        ],
        None,
    );
    let s: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(s["meetings"][0]["legs"].as_array().unwrap().len(), 6);
    // The report for people, with the reconciliation.
    let o = ppm(
        &[
            "usage",
            "tests/usage/golden.csv",
            "--card",
            "tests/usage/card-eur.toml",
            "--report",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for line in [
        "Period        2026-03-01 to 2026-03-31, 31 days (first to last call); calls per month = calls x 0.981855",
        "Rows read     14",
        "Rows used     8",
        "Left out             2  not audio conferencing (rows 7, 8)",
        "Left out             1  country not found (rows 9)",
        "Organisers    4 found",
        "  tollDialIn       DE                3          4.2",
        // Toll dial-in under the licence: the per-user model charges nothing for it.
        "  Billed under the Audio Conferencing licence (MCOMEETADD): card per-user model (toll dial-in included)",
        "  tollDialIn       DE            2         6      0.00      0.00      0.00       0.00",
        "  tollFreeDialIn   DE            1         1      0.06      0.06      0.00       0.00",
        // CA: 61 s = 2 min x 0.02 = 0.04 against 0.02 billed.
        "  dialOut          CA            1         2      0.04      0.02      0.00      -0.02  <- disagrees",
        "  total                          6                0.14      0.12      0.01      -0.01",
        "  The licence billed 50.0% of the calls (4 of 8)",
        "  dialOut          KR              1  not on the card: left out of the scenario",
    ] {
        assert!(out.contains(line), "missing {line:?} in\n{out}");
    }
    // As JSON.
    let o = ppm(
        &[
            "usage",
            "tests/usage/golden.csv",
            "--card",
            "tests/usage/card-eur.toml",
            "--report",
            "--json",
        ],
        None,
    );
    let r: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(r["report"]["rowsUsed"], 8);
    assert_eq!(r["reconciliation"]["lines"][3]["disagrees"], true);
    assert_eq!(r["reconciliation"]["lines"][0]["basis"], "licence");
    assert_eq!(r["reconciliation"]["totals"]["connectionFee"], "0.01");
    assert_eq!(r["reconciliation"]["licenceShare"], "50.0");
    assert_eq!(r["report"]["leftOut"][0]["reason"], "notConferencing");
    // Not an export: exit 2 and a sentence.
    let o = ppm(&["usage", "tests/sheets/dial-out.csv"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is not a Teams PSTN usage export"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn batch_prices_json_lines_and_folders() {
    let example = std::fs::read_to_string(root().join("examples/scenario.json")).unwrap();
    let line: Value = serde_json::from_str(&example).unwrap();
    let mut with_id = line.clone();
    with_id["id"] = Value::from("acme");
    let mut numbered = line.clone();
    numbered["id"] = Value::from(7);
    let mut bad = line.clone();
    bad["organisers"] = Value::from(-1);
    let lines = format!("{with_id}\n\n{bad}\n{numbered}\nnot json\n");
    let o = ppm(&["batch", "--card", "illustrative-usd", "-"], Some(&lines));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows[0], "id,currency,perMinuteMonthly,perUserMonthly,cheaper,savingsMonthly,breakEvenFactor,breakEvenPhoneMinutesPerOrganiser,error");
    // The README example: 93.36 vs 221.60, pay-per-minute cheaper by 128.24.
    assert!(
        rows[1].starts_with("acme,USD,93.36,221.60,perMinute,128.24,2.787068"),
        "{}",
        rows[1]
    );
    // Line 3 (the blank line 2 is skipped) has -1 organisers; it is reported, the rest priced.
    assert!(rows[2].starts_with("line 3,,,,,,,,"), "{}", rows[2]);
    assert!(rows[2].contains("organisers"), "{}", rows[2]);
    assert!(rows[3].starts_with("7,USD,93.36,"), "{}", rows[3]);
    assert!(rows[4].starts_with("line 5,,,,,,,,not JSON"), "{}", rows[4]);
    assert_eq!(rows.len(), 5);
    assert!(
        stderr(&o).starts_with("ppm batch: priced 4 scenarios (2 with an error) in"),
        "{}",
        stderr(&o)
    );
    // A folder: a scenario file, a usage export, a broken file; JSON Lines out.
    let dir = std::env::temp_dir().join(format!("ppm-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a-scenario.json"), &example).unwrap();
    std::fs::copy(
        root().join("tests/usage/golden.csv"),
        dir.join("b-export.csv"),
    )
    .unwrap();
    std::fs::write(dir.join("c-broken.json"), "{").unwrap();
    let o = ppm(
        &[
            "batch",
            "--card",
            "tests/usage/card-eur.toml",
            dir.to_str().unwrap(),
            "--format",
            "jsonl",
            "--jobs",
            "2",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3);
    // The README example needs US and FR rates with a toll-free US number: not on this card.
    assert_eq!(rows[0]["id"], "a-scenario.json");
    assert!(
        rows[0]["error"].as_str().unwrap().contains("US"),
        "{}",
        rows[0]
    );
    // The export per month on the EUR test card (see the_scenario_prices_per_month): DE toll
    // 0.12, DE toll-free 1 x 1 min x 0.981855 x 0.06 = 0.06, GB toll 3 min x 0.981855 x 0.03 =
    // 0.09, CA dial-out 2 x 0.981855 x 0.02 = 0.04, FR dial-out 0.981855 x 0.04 = 0.04: 0.35.
    assert_eq!(rows[1]["id"], "b-export.csv");
    assert_eq!(rows[1]["perMinuteMonthly"], "0.35");
    assert_eq!(rows[2]["id"], "c-broken.json");
    assert!(rows[2]["error"].is_string());
}

#[test]
fn a_list_of_scenarios_is_for_batch() {
    let example = std::fs::read_to_string(root().join("examples/scenario.json")).unwrap();
    let list = format!("[{example}, {example}]");
    let o = ppm(&["quote", "--card", "illustrative-usd", "-"], Some(&list));
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "standard input holds a list; ppm quote prices one scenario. Price many with ppm batch"
        ),
        "{}",
        stderr(&o)
    );
    // ppm batch takes the list: two rows of the README example (93.36 / 221.60).
    let o = ppm(&["batch", "--card", "illustrative-usd", "-"], Some(&list));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows.len(), 3);
    assert!(
        rows[1].starts_with("line 1,USD,93.36,221.60,perMinute,128.24,"),
        "{}",
        rows[1]
    );
    assert!(rows[2].starts_with("line 2,USD,93.36,"), "{}", rows[2]);
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
