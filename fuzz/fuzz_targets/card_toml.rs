//! A rate card as TOML: read, validated, written back and read again, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use ppm_pricing::rating::RateCard;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(card) = RateCard::from_toml_str(text, Some("fuzz.toml")) {
            let again = ppm_pricing::rating::card::card_to_toml(&card.to_document());
            // What we write, we read back as the same card.
            assert_eq!(RateCard::from_toml_str(&again, None).ok(), Some(card));
        }
    }
});
