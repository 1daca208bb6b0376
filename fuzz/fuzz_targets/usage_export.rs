//! The Teams PSTN usage export (zip, CSV or Graph JSON, told apart by their first bytes):
//! imported, fitted to the shipped card, reconciled and priced; never a panic, every row is
//! used or left out with a reason, and the widget's grouping by the card's billing prices the
//! same as the exact legs.
#![no_main]
use libfuzzer_sys::fuzz_target;
use ppm_pricing::rating::{quote, RateCard, Scenario};
use ppm_pricing::usage_export::{fit_to_card, for_card, import_bytes, reconcile, ImportOptions};
use std::sync::OnceLock;

/// The shipped card, parsed once (not on every run).
fn card() -> &'static RateCard {
    static CARD: OnceLock<RateCard> = OnceLock::new();
    CARD.get_or_init(|| {
        RateCard::from_toml_str(include_str!("../../rates/illustrative-usd.toml"), None)
            .expect("the shipped card is valid")
    })
}

fuzz_target!(|data: &[u8]| {
    let options = ImportOptions { days: Some(30), ..ImportOptions::default() };
    let Ok(imported) = import_bytes(&[("fuzz", data)], &options) else { return };
    let left: u64 = imported.report.left_out.iter().map(|l| l.count).sum();
    assert_eq!(imported.report.rows_used + left, imported.report.rows_read);
    let card = card();
    let _ = reconcile(&imported, card);
    let (doc, _) = fit_to_card(&imported, card);
    if let Ok(scenario) = Scenario::from_document(&doc) {
        let _ = quote(card, &scenario);
    }
    // What the widget prices: grouped by the card's billing, the same totals.
    let (grouped, _) = for_card(&imported, card);
    if let (Ok(a), Ok(b)) = (Scenario::from_document(&doc), Scenario::from_document(&grouped)) {
        if let (Ok(qa), Ok(qb)) = (quote(card, &a), quote(card, &b)) {
            assert_eq!(qa.per_minute.monthly_total, qb.per_minute.monthly_total);
            assert_eq!(qa.per_user.monthly_total, qb.per_user.monthly_total);
        }
    }
});
