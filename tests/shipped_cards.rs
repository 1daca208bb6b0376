//! Every card shipped in `rates/` validates and follows the fact sheet: Zone A is exactly the
//! 44 documented countries, every ISO 3166-1 country can be dialled out to, toll and toll-free
//! numbers exist exactly where `tests/data/countries.csv` (a copy of the shared country table)
//! says so (`unknown` counts as absent), and credits are unavailable where Microsoft says.

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;

use ppm_pricing::rating::iso::country_codes;
use ppm_pricing::rating::{Call, RateCard};

/// Zone A as listed in Microsoft's audio-conferencing-zones page (domain.md §1).
const ZONE_A: &str = "AU AT BE BR BG CA CN HR CZ DK EE FI FR DE GR HK HU IN IE IT JP LU MY MX NL \
                      NZ NO PL PT PR RO RU SG SK SI ZA KR ES SE CH TW TH GB US";
/// Where Communications Credits cannot be bought (domain.md §5).
const NO_CREDITS: &str = "RU KR TW KZ PK";

fn shipped_cards() -> Vec<(String, RateCard)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rates");
    let mut cards: Vec<(String, RateCard)> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let text = fs::read_to_string(&p).unwrap();
            let card =
                RateCard::from_toml_str(&text, Some(&name)).unwrap_or_else(|e| panic!("{e}"));
            (name, card)
        })
        .collect();
    cards.sort_by(|a, b| a.0.cmp(&b.0));
    cards
}

#[test]
fn the_two_illustrative_cards_are_shipped() {
    let names: Vec<String> = shipped_cards().into_iter().map(|(n, _)| n).collect();
    assert!(
        names.contains(&"illustrative-usd.toml".to_string()),
        "{names:?}"
    );
    assert!(
        names.contains(&"illustrative-eur.toml".to_string()),
        "{names:?}"
    );
    for (name, card) in shipped_cards() {
        assert_eq!(
            format!("{}.toml", card.id()),
            name,
            "file name and id agree"
        );
    }
}

#[test]
fn zone_a_is_the_documented_44_countries() {
    let want: BTreeSet<&str> = ZONE_A.split_whitespace().collect();
    assert_eq!(want.len(), 44);
    for (name, card) in shipped_cards() {
        let have: BTreeSet<&str> = card
            .countries()
            .filter(|(_, r)| r.zone.as_deref() == Some("A"))
            .map(|(c, _)| country_codes().find(|code| *code == c.as_str()).unwrap())
            .collect();
        assert_eq!(have, want, "{name}");
        assert_eq!(card.licence().pool_zone, "A", "{name}");
        assert_eq!(card.licence().pool_minutes_per_licence, 60, "{name}");
    }
}

#[test]
fn every_iso_country_has_a_dial_out_rate() {
    for (name, card) in shipped_cards() {
        for code in country_codes() {
            let c = ppm_pricing::rating::CountryCode::parse(code).unwrap();
            let rates = card
                .country(c)
                .unwrap_or_else(|| panic!("{name}: {code} missing"));
            assert!(
                rates.rate(Call::DialOut).is_some(),
                "{name}: {code} has no dial-out"
            );
        }
    }
}

#[test]
fn dial_in_numbers_follow_the_country_table() {
    let table = fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/countries.csv"),
    )
    .unwrap();
    let mut rows = 0;
    for (name, card) in shipped_cards() {
        rows = 0;
        for line in table.lines().skip(1) {
            let cols: Vec<&str> = line.split(',').collect();
            let (code, toll, toll_free) = (cols[0], cols[3], cols[4]);
            let c = ppm_pricing::rating::CountryCode::parse(code).unwrap();
            let rates = card.country(c).unwrap();
            assert_eq!(
                rates.toll_dial_in.is_some(),
                toll == "true",
                "{name}: {code} toll"
            );
            assert_eq!(
                rates.toll_free_dial_in.is_some(),
                toll_free == "true",
                "{name}: {code} toll-free"
            );
            rows += 1;
        }
        // Countries outside the table have no dial-in numbers at all.
        let listed: BTreeSet<&str> = table.lines().skip(1).map(|l| &l[..2]).collect();
        for (c, r) in card.countries() {
            if !listed.contains(c.as_str()) {
                assert!(
                    r.toll_dial_in.is_none() && r.toll_free_dial_in.is_none(),
                    "{name}: {c}"
                );
            }
        }
    }
    assert_eq!(rows, 115);
}

#[test]
fn credits_and_licence_follow_the_fact_sheet() {
    let blocked: BTreeSet<&str> = NO_CREDITS.split_whitespace().collect();
    for (name, card) in shipped_cards() {
        assert!(card.illustrative(), "{name} must be marked illustrative");
        assert!(card.source().contains("not Microsoft rates"), "{name}");
        for (c, r) in card.countries() {
            assert_eq!(
                !r.credits_available,
                blocked.contains(c.as_str()),
                "{name}: {c}"
            );
        }
        let addon = card.us_canada_addon().expect("the US/Canada add-on");
        let addon: Vec<String> = addon.countries.iter().map(|c| c.to_string()).collect();
        assert_eq!(addon, ["CA", "US"], "{name}");
    }
    let usd = shipped_cards()
        .into_iter()
        .find(|(n, _)| n == "illustrative-usd.toml")
        .unwrap()
        .1;
    assert_eq!(usd.licence().price_per_user_month.to_string(), "4.00");
    assert_eq!(usd.currency(), "USD");
}
