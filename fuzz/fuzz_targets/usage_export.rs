//! The Teams PSTN usage export (zip, CSV or Graph JSON, told apart by their first bytes):
//! imported, fitted to the shipped card, reconciled and priced; never a panic, and every row
//! is used or left out with a reason.
#![no_main]
use libfuzzer_sys::fuzz_target;
use ppm_pricing::rating::{quote, RateCard, Scenario};
use ppm_pricing::usage_export::{fit_to_card, import_bytes, reconcile, ImportOptions};

fuzz_target!(|data: &[u8]| {
    let options = ImportOptions { days: Some(30), ..ImportOptions::default() };
    let Ok(imported) = import_bytes(&[("fuzz", data)], &options) else { return };
    let left: u64 = imported.report.left_out.iter().map(|l| l.count).sum();
    assert_eq!(imported.report.rows_used + left, imported.report.rows_read);
    let card = RateCard::from_toml_str(include_str!("../../rates/illustrative-usd.toml"), None)
        .expect("the shipped card is valid");
    let _ = reconcile(&imported, &card);
    let (doc, _) = fit_to_card(&imported, &card);
    if let Ok(scenario) = Scenario::from_document(&doc) {
        let _ = quote(&card, &scenario);
    }
});
