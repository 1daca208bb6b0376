//! Numbers as people type them, in every language of the page: read, checked and written back;
//! never a panic, and what a language writes it reads back as the same number.
#![no_main]
use libfuzzer_sys::fuzz_target;
use ppm_pricing::rating::scenario::{check_amount, Amount};
use ppm_pricing::lang::Lang;
use ppm_pricing::form::number_input::{localised, read};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for lang in Lang::ALL {
        match read(text, lang) {
            Ok(Amount::Number(d)) => {
                let _ = check_amount(&Amount::Number(d), rust_decimal::Decimal::from(100), false);
                let written = localised(&d.to_string(), lang);
                assert_eq!(read(&written, lang), Ok(Amount::Number(d)), "{text:?} -> {written:?}");
            }
            Ok(other) => {
                let _ = check_amount(&other, rust_decimal::Decimal::ONE, true).map_err(|p| lang.say(&p));
            }
            Err(p) => {
                let _ = lang.say(&p);
            }
        }
    }
});
