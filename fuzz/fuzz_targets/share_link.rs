//! A share link (the URL fragment): decoded, turned into a scenario and priced, in every
//! language; never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use ppm_pricing::rating::{quote, RateCard, Scenario};
use ppm_pricing::lang::Lang;
use ppm_pricing::form::link;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok((form, _)) = link::decode(text) else { return };
    let card = RateCard::from_toml_str(include_str!("../../rates/illustrative-usd.toml"), None)
        .expect("the shipped card is valid");
    for lang in Lang::ALL {
        let form = form.relocalised(lang);
        let _ = form.field_errors();
        if let Ok(s) = Scenario::from_document(&form.scenario()) {
            let _ = quote(&card, &s);
        }
        // Encoding the decoded form and decoding it again gives the same form.
        let again = link::decode(&link::encode(&form, Some(lang))).map(|(f, _)| f.relocalised(lang));
        assert_eq!(again.ok().map(|f| f.scenario()), Some(form.scenario()));
    }
});
