//! `ppm import`: a rate card from vendors' rate sheets, as a user runs it.

mod common;

use common::{ppm, stderr, stdout};
use ppm_pricing::rating::RateCard;

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
