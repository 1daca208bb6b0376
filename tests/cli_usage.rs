//! `ppm usage` (a PSTN usage export turned into a scenario and a report) and `ppm batch`, as
//! a user runs them.

mod common;

use common::{ppm, root, stderr, stdout};
use serde_json::Value;

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
