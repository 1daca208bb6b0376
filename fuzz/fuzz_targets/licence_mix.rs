//! The licence mix over arbitrary per-organiser usage (any counts, month factor, add-on and
//! organiser number, on both shipped cards): never a panic; when it answers, the
//! recommendation is never above all-licence or all-pay-per-minute, its totals add up, and
//! pricing its split again gives its total.
#![no_main]
use libfuzzer_sys::fuzz_target;
use ppm_pricing::rating::mix::{recommend, CallCount, MixInput, OrganiserCalls, SplitTable, Steps};
use ppm_pricing::rating::{Call, CountryCode, RateCard};
use rust_decimal::Decimal;
use std::sync::OnceLock;

/// The shipped cards, parsed once.
fn cards() -> &'static [RateCard; 2] {
    static CARDS: OnceLock<[RateCard; 2]> = OnceLock::new();
    CARDS.get_or_init(|| {
        [
            RateCard::from_toml_str(include_str!("../../rates/illustrative-usd.toml"), None)
                .expect("the shipped card is valid"),
            RateCard::from_toml_str(include_str!("../../rates/illustrative-eur.toml"), None)
                .expect("the shipped card is valid"),
        ]
    })
}

/// Countries the input picks from: on the cards, in and out of Zone A, add-on ones, and one
/// the cards lack ("ZZ" is no country: the card's error).
const PLACES: [&str; 8] = ["DE", "US", "CA", "GB", "AE", "JP", "AF", "FR"];
const CALLS: [Call; 4] = [Call::TollDialIn, Call::TollFreeDialIn, Call::DialOut, Call::App];

/// Reads the bytes as: a header (card, add-on, month factor, steps) and then 6-byte counts,
/// each starting a new organiser when its first bit says so (at most 26 organisers, and not
/// 13 to 20).
fn input(data: &[u8]) -> Option<(usize, MixInput)> {
    let (head, mut rest) = data.split_at_checked(4)?;
    let card = usize::from(head[0] & 1);
    let steps = if head[0] & 2 == 0 {
        Steps::of(&cards()[card])
    } else {
        Steps { increment_seconds: u32::from(head[3]) + 1, minimum_seconds: 60 }
    };
    let per_month = Decimal::new(i64::from(u16::from_le_bytes([head[1], head[2]])), 3);
    let mut organisers: Vec<OrganiserCalls> = Vec::new();
    let mut unnamed = OrganiserCalls::default();
    while let Some((c, more)) = rest.split_at_checked(6) {
        rest = more;
        let count = CallCount {
            call: CALLS[usize::from(c[0] >> 1 & 3)],
            country: CountryCode::parse(PLACES[usize::from(c[0] >> 3 & 7)])?,
            legs: u64::from(c[1]) * u64::from(c[2] & 0x0f).max(1),
            billable_seconds: u64::from(u16::from_le_bytes([c[3], c[4]])) * u64::from(c[5]),
        };
        if c[0] & 0x40 != 0 {
            unnamed.counts.push(count);
        } else if c[0] & 1 == 1 || organisers.is_empty() {
            if organisers.len() == 26 {
                break;
            }
            organisers.push(OrganiserCalls { counts: vec![count] });
        } else if let Some(last) = organisers.last_mut() {
            last.counts.push(count);
        }
    }
    // Every split of 13 to 20 organisers takes too long a run to fuzz well (2^20 splits):
    // those are cut to 12; 21 to 26 are searched.
    if (13..=20).contains(&organisers.len()) {
        organisers.truncate(12);
    }
    let addon = head[0] & 4 != 0;
    Some((card, MixInput { organisers, unnamed, per_month, steps, us_canada_addon: addon }))
}

fuzz_target!(|data: &[u8]| {
    let Some((card, input)) = input(data) else { return };
    let card = &cards()[card];
    let Ok(mix) = recommend(card, &input) else { return };
    let best = mix.recommended.monthly_total;
    assert!(best <= mix.all_licence.monthly_total && best <= mix.all_per_minute.monthly_total);
    assert_eq!(
        mix.recommended.per_user.amount() + mix.recommended.per_minute.amount(),
        best.amount()
    );
    let table = SplitTable::new(card, &input).expect("the mix's own table");
    assert_eq!(table.total(&mix.licensed).expect("priced once already").monthly_total, best);
});
