//! A vendor's rate sheet (CSV): parsed for each way of joining and built into a card from
//! the shipped template; never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use ppm_pricing::import::{build_card, parse_sheet, CardOverrides};
use ppm_pricing::rating::{Call, RateCard};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let template = RateCard::from_toml_str(include_str!("../../rates/illustrative-usd.toml"), None)
        .expect("the shipped card is valid");
    for call in [Call::TollDialIn, Call::TollFreeDialIn, Call::DialOut] {
        if let Ok(sheet) = parse_sheet(text, "fuzz.csv", call) {
            let _ = build_card(&template, &[sheet], &CardOverrides::default());
        }
    }
});
