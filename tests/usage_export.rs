//! The PSTN usage-export import: a hand-checked golden file (as CSV, in a zip, and as Graph
//! JSON), generated exports of every shape, bad files, and arbitrary bytes (never a panic,
//! only reported rows). Pricing what was read, and reconciling it with a card:
//! `usage_pricing.rs`.

mod common;

use std::path::Path;

use common::usage::{import, legs, GOLDEN};
use ppm_pricing::rating::{quote, RateCard, Scenario};
use ppm_pricing::usage_export::sample::{zip_of, Sample};
use ppm_pricing::usage_export::{
    import_bytes, import_paths, ExportError, ImportOptions, Imported, LeftOut, PeriodSource,
};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Checks everything the golden file's hand computation fixes (see tests/usage/golden.csv:
/// 14 call rows, rows 2 to 15).
/// `row`: the row number of the first call (2 in CSV, below the header; 1 in Graph JSON).
fn check_golden(imported: &Imported, row: u64) {
    let r = &imported.report;
    let at = |n: u64| n + row - 2;
    // Rows 2-6, 13-15 are used (8); 7 (user_out) and 8 (ucap_in) are not conferencing; 9 is in
    // "Atlantis" with no number; 10 has no duration; 11 lasts 108,001 s (30 h and a second,
    // longer than a Teams meeting lasts); 12 is a "premium" number.
    assert_eq!((r.rows_read, r.rows_used), (14, 8));
    let left: Vec<(LeftOut, u64, Vec<u64>)> = r
        .left_out
        .iter()
        .map(|l| (l.reason, l.count, l.first_rows.clone()))
        .collect();
    assert_eq!(
        left,
        vec![
            (LeftOut::NotConferencing, 2, vec![at(7), at(8)]),
            (LeftOut::UnknownNumberType, 1, vec![at(12)]),
            (LeftOut::UnknownCountry, 1, vec![at(9)]),
            (LeftOut::UnreadableDuration, 1, vec![at(10)]),
            (LeftOut::LongerThanAMeeting, 1, vec![at(11)]),
        ]
    );
    // ann (twice, once capitalised), bob, carol, dave.
    assert_eq!((r.organisers_found, r.organisers), (4, 4));
    // Calls from 2026-03-01 to 2026-03-31: 31 days; 30.4375 / 31 = 0.98185483… -> 0.981855.
    assert_eq!(r.period.days, 31);
    assert_eq!(r.period.month_factor, "0.981855");
    assert_eq!(r.period.from.as_deref(), Some("2026-03-01"));
    assert_eq!(r.period.to.as_deref(), Some("2026-03-31"));
    // Groups by country, way, length: 125 s = 2.083333 min (toward zero), 61 s = 1.016666.
    // Countries come from External Country, else the number dialled, never from `Caller ID`
    // (the caller's own number: row 2's German bridge is dialled from a French mobile, row 3's
    // from a Canadian one). Row 15 names no country and has no External Country; +1 416 is
    // Toronto: CA. Row 3's +49 800 number is German.
    let s = |a: &str, b: &str, c: &str, d: &str| {
        (a.to_string(), b.to_string(), c.to_string(), d.to_string())
    };
    assert_eq!(
        legs(imported),
        vec![
            s("CA", "dialOut", "1", "1.016666"),
            s("DE", "tollDialIn", "1", "0"),
            s("DE", "tollDialIn", "2", "2.083333"),
            s("DE", "tollFreeDialIn", "1", "1"),
            s("FR", "dialOut", "1", "0.5"),
            s("GB", "tollDialIn", "1", "2.083333"),
            s("KR", "dialOut", "1", "10"),
        ]
    );
    let usage: Vec<(String, String, u64, u64)> = r
        .usage
        .iter()
        .map(|u| {
            (
                u.call.as_word().to_string(),
                u.country.clone(),
                u.legs,
                u.seconds,
            )
        })
        .collect();
    let u = |a: &str, b: &str, l, s| (a.to_string(), b.to_string(), l, s);
    assert_eq!(
        usage,
        vec![
            u("tollDialIn", "DE", 3, 250),
            u("tollDialIn", "GB", 1, 125),
            u("tollFreeDialIn", "DE", 1, 60),
            u("dialOut", "CA", 1, 61),
            u("dialOut", "FR", 1, 30),
            u("dialOut", "KR", 1, 600),
        ]
    );
    // Charge + connection fee: FR 0.04 + 0.01.
    let billed: Vec<(String, String, String)> = r
        .billed
        .iter()
        .map(|b| {
            (
                b.call.as_word().to_string(),
                b.country.clone(),
                b.amount.clone(),
            )
        })
        .collect();
    let b = |a: &str, c: &str, m: &str| (a.to_string(), c.to_string(), m.to_string());
    assert_eq!(
        billed,
        vec![
            b("tollDialIn", "DE", "0.00"),
            b("tollDialIn", "GB", "0.00"),
            b("tollFreeDialIn", "DE", "0.06"),
            b("dialOut", "CA", "0.02"),
            b("dialOut", "FR", "0.05"),
            b("dialOut", "KR", "1.20"),
        ]
    );
    // Toll dial-in under the licence (rows 2, 4, 13, 14), toll-free under Communications
    // Credits (row 3), dial-out pay-per-minute (rows 5, 6, 15).
    let caps: Vec<(&str, u64)> = r
        .capabilities
        .iter()
        .map(|c| (c.name.as_str(), c.count))
        .collect();
    assert_eq!(
        caps,
        [("MCOMEETACPEA", 3), ("MCOMEETADD", 4), ("MCOPSTNPP", 1)]
    );
    let v = serde_json::to_value(&imported.scenario).unwrap();
    // Scenario numbers are written as decimal strings.
    assert_eq!(v["organisers"], json!("4"));
    assert_eq!(v["meetings"][0]["name"], json!("Measured usage"));
    assert_eq!(v["meetings"][0]["perMonth"], json!("0.981855"));
}

#[test]
fn the_golden_csv() {
    let imported = import(&[("golden.csv", GOLDEN)]);
    check_golden(&imported, 2);
    assert_eq!(imported.report.period.source, PeriodSource::CallTimes);
}

#[test]
fn the_golden_calls_in_the_admin_centers_zip() {
    // parameters.json gives the same month; a Direct Routing file is skipped.
    let zip = zip_of(&[
        (
            "parameters.json",
            br#"{"startDate":"2026-03-01","endDate":"2026-03-31"}"#,
            false,
        ),
        ("PSTN.calls.2026-03-31.csv", GOLDEN, true),
        ("DirectRouting.calls.2026-03-31.csv", b"x", false),
    ]);
    let imported = import(&[("Calls.Export.abc.zip", &zip)]);
    check_golden(&imported, 2);
    assert_eq!(imported.report.period.source, PeriodSource::Parameters);
    assert_eq!(
        imported.report.files[0].entries,
        vec!["PSTN.calls.2026-03-31.csv"]
    );
    assert_eq!(
        imported.report.files[0].skipped_entries,
        vec!["DirectRouting.calls.2026-03-31.csv"]
    );
    // The same from disk, in 1 MB reads.
    let dir = std::env::temp_dir().join(format!("ppm-usage-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("Calls.Export.abc.zip");
    std::fs::write(&path, &zip).unwrap();
    check_golden(
        &import_paths(&[path.as_path()], &ImportOptions::default()).unwrap(),
        2,
    );
}

/// The golden file's calls as `(column name, value)` maps, in file order.
fn golden_rows() -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(GOLDEN.strip_prefix(b"\xEF\xBB\xBF").unwrap());
    let names: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .map(|r| {
            names
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

/// One golden call as Graph's `pstnCallLogRow` (Graph has no External Country; its
/// `callerNumber` is the caller's own number, `calleeNumber` the number dialled).
fn graph_row(r: &std::collections::HashMap<String, String>) -> Value {
    let duration = r["Duration Seconds"]
        .parse::<u64>()
        .map(Value::from)
        .unwrap_or(json!(r["Duration Seconds"]));
    json!({
        "userPrincipalName": r["UPN"], "callerNumber": r["Caller ID"],
        "calleeNumber": r["Destination Number"], "callType": r["Call Type"],
        "inventoryType": r["Number Type"], "destinationName": r["Destination Dialed"],
        "startDateTime": r["Start Time"], "duration": duration,
        "connectionCharge": r["Connection Fee"], "charge": r["Charge"],
        "currency": r["Currency"], "licenseCapability": r["Capability"]
    })
}

#[test]
fn the_golden_calls_in_the_older_20_column_layout() {
    // Files from 2020-2022: no Call Direction, External Country, Operator, Source of Call
    // Duration or Administrative Units, and "AAD ObjectId". Columns are read by name, and the
    // number dialled gives the same countries as External Country did.
    let dropped = [
        "Call Direction",
        "External Country",
        "Operator",
        "Source of Call Duration",
        "Administrative Units",
    ];
    let mut reader = csv::Reader::from_reader(GOLDEN.strip_prefix(b"\xEF\xBB\xBF").unwrap());
    let names: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let keep: Vec<usize> = (0..names.len())
        .filter(|i| !dropped.contains(&names[*i].as_str()))
        .collect();
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(keep.iter().map(|i| match names[*i].as_str() {
        "Microsoft Entra ObjectId" => "AAD ObjectId",
        n => n,
    }))
    .unwrap();
    for r in reader.records() {
        let r = r.unwrap();
        out.write_record(keep.iter().map(|i| &r[*i])).unwrap();
    }
    let old = out.into_inner().unwrap();
    let imported = import(&[("PSTN.calls.2026-03-31.csv", &old)]);
    check_golden(&imported, 2);
    assert!(imported.report.files[0].columns_not_understood.is_empty());
}

#[test]
fn the_golden_calls_as_graph_json_pages() {
    let rows: Vec<Value> = golden_rows().iter().map(graph_row).collect();
    // Two pages, as Graph pages them, one per line: the first links to the second.
    let text = format!(
        "{}\n{}\n",
        json!({ "@odata.nextLink": "https://graph.microsoft.com/next", "value": rows[..7] }),
        json!({ "value": rows[7..] })
    );
    let imported = import(&[("calls.json", text.as_bytes())]);
    check_golden(&imported, 1);
    assert!(!imported.report.pages_missing);
}

#[test]
fn graph_pages_in_several_files_are_one_export() {
    // Rows 1-7 in one file, 8-14 in another: numbered on across files, as one export.
    let rows: Vec<Value> = golden_rows().iter().map(graph_row).collect();
    let first = json!({ "value": rows[..7] }).to_string();
    let second = json!({ "value": rows[7..] }).to_string();
    let imported = import(&[
        ("page1.json", first.as_bytes()),
        ("page2.json", second.as_bytes()),
    ]);
    assert_eq!(
        (imported.report.rows_read, imported.report.rows_used),
        (14, 8)
    );
    // Row 12 of the CSV (the "premium" number) is the 11th call: the 4th of the second file.
    let premium = imported
        .report
        .left_out
        .iter()
        .find(|l| l.reason == LeftOut::UnknownNumberType)
        .unwrap();
    assert_eq!(premium.first_rows, vec![11]);
    assert_eq!(imported.report.files.len(), 2);
}

#[test]
fn a_graph_page_whose_next_page_was_not_given_is_reported() {
    // Page 1 alone, with its @odata.nextLink: the export is incomplete, and the report says
    // so. Given its second page (in another file, in either order), nothing is missing.
    let rows: Vec<Value> = golden_rows().iter().map(graph_row).collect();
    let first =
        json!({ "@odata.nextLink": "https://graph.microsoft.com/next", "value": rows[..7] })
            .to_string();
    let second = json!({ "value": rows[7..] }).to_string();
    assert!(
        import(&[("page1.json", first.as_bytes())])
            .report
            .pages_missing
    );
    let both = import(&[
        ("page2.json", second.as_bytes()),
        ("page1.json", first.as_bytes()),
    ]);
    assert!(!both.report.pages_missing);
}

#[test]
fn generated_exports_agree_in_every_shape() {
    let sample = Sample {
        rows: 5_000,
        seed: 7,
        days: 30,
        users: 40,
    };
    let csv = import(&[("calls.csv", &sample.csv())]);
    let zip = import(&[("Calls.Export.zip", &sample.zip())]);
    let graph = import(&[("calls.json", &sample.graph_lines(999))]);
    assert_eq!(csv.report.rows_read, 5_000);
    assert_eq!(csv.scenario.meetings, zip.scenario.meetings);
    assert_eq!(csv.scenario.meetings, graph.scenario.meetings);
    assert_eq!(csv.report.usage, graph.report.usage);
    assert_eq!(csv.report.left_out, zip.report.left_out);
    assert!(csv.report.organisers <= 40);
    // Every reason appears in a file this size (see sample.rs: unknown places, shared
    // toll-free numbers, 0 s and 110,000 s calls, other call types).
    for reason in [
        LeftOut::NotConferencing,
        LeftOut::UnknownCountry,
        LeftOut::LongerThanAMeeting,
    ] {
        assert!(
            csv.report.left_out.iter().any(|l| l.reason == reason),
            "{reason:?}"
        );
    }
    // Every call type of the export that is not conferencing is counted by name.
    let others: Vec<&str> = csv
        .report
        .not_conferencing
        .iter()
        .map(|n| n.name.as_str())
        .collect();
    assert_eq!(
        others,
        [
            "ucap_in",
            "ucap_out",
            "user_in",
            "user_out",
            "user_out_conf",
            "user_out_forwarding",
            "user_out_transfer"
        ]
    );
    // An undocumented call type is reported by its spelling; no Graph page is missing.
    let unknown: Vec<&str> = csv
        .report
        .unknown_call_types
        .iter()
        .map(|n| n.name.as_str())
        .collect();
    assert_eq!(unknown, ["oc_ucap_in"]);
    assert_eq!(
        graph.report.unknown_call_types,
        csv.report.unknown_call_types
    );
    assert!(!graph.report.pages_missing);
    // Used + left out = read.
    let left: u64 = csv.report.left_out.iter().map(|l| l.count).sum();
    assert_eq!(csv.report.rows_used + left, csv.report.rows_read);
    // The zip's parameters say 30 days; the calls span at most that.
    assert_eq!(zip.report.period.days, 30);
    // And the scenario prices.
    let card =
        RateCard::from_toml_str(include_str!("../rates/illustrative-eur.toml"), None).unwrap();
    let (doc, _) = ppm_pricing::usage_export::fit_to_card(&zip, &card);
    quote(&card, &Scenario::from_document(&doc).unwrap()).unwrap();
}

#[test]
fn bad_files_get_a_sentence() {
    let err = |files: &[(&str, &[u8])]| {
        import_bytes(files, &ImportOptions::default())
            .unwrap_err()
            .to_string()
    };
    assert_eq!(err(&[("a.csv", b"")]), "a.csv is empty");
    assert_eq!(
        err(&[("prices.csv", b"Country,Rate\nDE,0.02\n")]),
        "prices.csv is not a Teams PSTN usage export: it has no Call Type and Duration Seconds columns (export it in the Teams admin center: Analytics & reports, Usage reports, PSTN and SMS usage, Export to Excel)"
    );
    let mut zip = zip_of(&[("PSTN.calls.csv", GOLDEN, true)]);
    // A flipped byte in the deflated data: the checksum (or the deflate stream) says so.
    zip[60] ^= 0x55;
    let e = err(&[("Calls.zip", &zip)]);
    assert!(
        e.starts_with("Calls.zip cannot be read: PSTN.calls.csv is"),
        "{e}"
    );
    let zip = zip_of(&[("PSTN.calls.csv", GOLDEN, true)]);
    assert_eq!(
        err(&[("Calls.zip", &zip[..zip.len() - 30])]),
        "Calls.zip cannot be read: it is not a zip archive, or it is cut short"
    );
    let zip = zip_of(&[("readme.txt", b"hello", false)]);
    assert!(err(&[("Calls.zip", &zip)]).starts_with(
        "Calls.zip is not a Teams PSTN usage export: it holds no PSTN calls CSV file"
    ));
    assert!(err(&[("calls.json", b"{\"value\": 5}")])
        .starts_with("calls.json is not Graph's PSTN call log"));
    // No start times and no parameters: the period must be given.
    let csv = b"Call Type,Number Type,Destination Dialed,Duration Seconds\nconf_in,toll,DE,60\n";
    assert!(err(&[("a.csv", csv)]).starts_with("the export does not say which period it covers"));
    let given = ImportOptions {
        days: Some(10),
        ..ImportOptions::default()
    };
    let ok = import_bytes(&[("a.csv", csv)], &given).unwrap();
    // 30.4375 / 10 = 3.04375.
    assert_eq!(ok.report.period.month_factor, "3.04375");
    // A control character in a file name is not printed.
    assert_eq!(err(&[("a\u{7}.csv", b"")]), "a?.csv is empty");
    let missing =
        import_paths(&[Path::new("/no/such/file.zip")], &ImportOptions::default()).unwrap_err();
    assert!(matches!(missing, ExportError::Read { .. }));
}

#[test]
fn more_than_a_profile_of_groups_and_more_than_a_group_of_calls() {
    // 1,500 distinct lengths in one country: two profiles (1,000 + 500 groups); 150,000 calls
    // of one length: two groups (100,000 + 50,000).
    let mut csv =
        String::from("Call Type,Number Type,Destination Dialed,Duration Seconds,Start Time\n");
    for s in 1..=1_500 {
        csv.push_str(&format!("conf_in,toll,DE,{s},2026-03-01T00:00:00Z\n"));
    }
    for _ in 0..150_000 {
        csv.push_str("conf_out,,FR,60,2026-03-01T00:00:00Z\n");
    }
    let imported = import(&[("many.csv", csv.as_bytes())]);
    let m = &imported.scenario.meetings;
    assert_eq!(m.len(), 2);
    assert_eq!(
        (m[0].name.as_str(), m[0].legs.len()),
        ("Measured usage (1/2)", 1_000)
    );
    assert_eq!(m[1].legs.len(), 502);
    let v = serde_json::to_value(&m[1].legs[500..]).unwrap();
    assert_eq!(v[0]["count"], json!("100000"));
    assert_eq!(v[1]["count"], json!("50000"));
    // One day: every call counts 30.4375 times a month; no organiser in the file: 1.
    assert_eq!(imported.report.organisers, 1);
    Scenario::from_document(&imported.scenario).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Arbitrary bytes: an error sentence or a report, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2_000)) {
        let _ = import_bytes(&[("x.csv", &bytes)], &ImportOptions::default());
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend_from_slice(&bytes);
        let _ = import_bytes(&[("x.zip", &zip)], &ImportOptions::default());
        let mut json = b"{".to_vec();
        json.extend_from_slice(&bytes);
        let _ = import_bytes(&[("x.json", &json)], &ImportOptions::default());
    }

    /// Real-shaped files with bytes changed: every row is read, used or left out with a reason.
    #[test]
    fn mutated_exports_only_report_rows(flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..20), zipped in any::<bool>()) {
        let sample = Sample { rows: 60, seed: 3, days: 7, users: 5 };
        let mut file = if zipped { sample.zip() } else { sample.csv() };
        for (at, byte) in flips {
            let i = at.index(file.len());
            file[i] = byte;
        }
        if let Ok(imported) = import_bytes(&[("f", &file)], &ImportOptions::default()) {
            let left: u64 = imported.report.left_out.iter().map(|l| l.count).sum();
            prop_assert_eq!(imported.report.rows_used + left, imported.report.rows_read);
            if !imported.scenario.meetings.is_empty() {
                prop_assert!(Scenario::from_document(&imported.scenario).is_ok());
            }
        }
    }
}
