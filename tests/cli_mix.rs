//! `ppm usage --mix`: which organisers should hold a licence, as a user runs it.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::{json, Value};

fn ppm(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ppm"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

/// One day of calls: Ann ten one-minute German toll dial-ins, Ben one of 45 s, and one call
/// that names no organiser (30 s of German toll-free).
fn export() -> PathBuf {
    let mut text = String::from("Call Type,Number Type,Destination Dialed,Duration Seconds,UPN\n");
    for _ in 0..10 {
        text += "conf_in,toll,Germany,60,ann@contoso.com\n";
    }
    text += "conf_in,toll,Germany,45,Ben@Contoso.com\n";
    text += "conf_in,toll free,Germany,30,\n";
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("mix-one-day.csv");
    std::fs::write(&path, text).unwrap();
    path
}

/// `ppm usage FILE --days 1 --card illustrative-usd --mix` and `more`.
fn mix(file: &str, more: &[&str]) -> Output {
    let mut args = vec![
        "usage",
        file,
        "--days",
        "1",
        "--card",
        "illustrative-usd",
        "--mix",
    ];
    args.extend_from_slice(more);
    ppm(&args)
}

#[test]
fn the_mix_as_json_and_for_people() {
    let file = export();
    let file = file.to_str().unwrap();
    let o = mix(file, &["--json"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    // One day is 30.4375 days a month. Ann: 304.375 min x 0.022 = 6.69625 -> 6.70 per minute;
    // Ben 30.4375 min -> 0.669625 -> 0.67; the unnamed call 30.4375 min of toll-free x 0.065
    // (billed a minute each) = 1.9784375 -> 1.98, always per minute.
    // License Ann: 4.00 + (0.67 + 1.98) = 6.65. All per minute: 334.8125 x 0.022 =
    // 7.365875 -> 7.37, + 1.98 = 9.35. All licensed: 8.00 + 1.98 = 9.98. Saving 9.35 - 6.65.
    assert_eq!(v["recommended"]["licensed"], json!(["ann@contoso.com"]));
    assert_eq!(v["recommended"]["licences"], json!(1));
    assert_eq!(v["recommended"]["monthlyTotal"], json!("6.65"));
    assert_eq!(v["allLicence"]["monthlyTotal"], json!("9.98"));
    assert_eq!(v["allPayPerMinute"]["monthlyTotal"], json!("9.35"));
    assert_eq!(v["savingsMonthly"], json!("2.70"));
    assert_eq!(
        v["method"],
        json!({"exhaustive": true, "splits": 4, "gapBound": "0.00"})
    );
    assert_eq!(v["unnamedCalls"], json!(1));
    let ann = &v["organisers"][0];
    assert_eq!(
        (
            &ann["upn"],
            &ann["licensed"],
            &ann["calls"],
            &ann["tollDialInValue"]
        ),
        (
            &json!("ann@contoso.com"),
            &json!(true),
            &json!(10),
            &json!("6.70")
        )
    );
    // Ben keeps his spelling; his minutes a month are exact in JSON (30.4375).
    assert_eq!(v["organisers"][1]["upn"], json!("Ben@Contoso.com"));
    assert_eq!(v["organisers"][1]["tollDialInMinutes"], json!("30.4375"));

    let o = mix(file, &[]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("license 1 of 2 organisers: 6.65 (per-user 4.00 + pay-per-minute 2.65)"),
        "{text}"
    );
    assert!(text.contains("both offers in one tenant"), "{text}");
    // People's numbers: whole minutes (304), and why Ann is licensed.
    assert!(
        text.contains("304")
            && text.contains("toll dial-in 6.70 + pool 0.00 against a licence of 4.00"),
        "{text}"
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("the licence mix of 2 organisers"));
}

#[test]
fn the_mix_needs_a_card() {
    let file = export();
    let o = ppm(&["usage", file.to_str().unwrap(), "--days", "1", "--mix"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--mix needs --card"));
}
