//! The licence mix: two hand-computed tenants, small tenants against quotes of every split,
//! large ones against every "license the k largest savers" split, and readable errors.

use rust_decimal::Decimal;

use super::*;

/// The shipped USD card (compiled in, so the tests also run in WebAssembly).
fn usd() -> RateCard {
    crate::shipped::shipped_cards()
        .unwrap()
        .into_iter()
        .find(|c| c.id() == "illustrative-usd")
        .unwrap()
}

fn code(c: &str) -> CountryCode {
    CountryCode::parse(c).unwrap()
}

/// `minutes` one-minute legs of `call` to `country`.
fn minutes(call: Call, country: &str, minutes: u64) -> CallCount {
    CallCount {
        call,
        country: code(country),
        legs: minutes,
        billable_seconds: 60 * minutes,
    }
}

fn organiser(counts: Vec<CallCount>) -> OrganiserCalls {
    OrganiserCalls { counts }
}

fn input(organisers: Vec<OrganiserCalls>, unnamed: Vec<CallCount>, addon: bool) -> MixInput {
    MixInput {
        organisers,
        unnamed: organiser(unnamed),
        per_month: Decimal::ONE,
        steps: Steps::default(),
        us_canada_addon: addon,
    }
}

fn text(m: Money) -> String {
    m.to_string()
}

#[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
fn golden_three_hosts_the_pool_pulls_a_dial_out_host_onto_the_licence() {
    // USD card: licence 4.00 with 60 Zone A minutes; DE toll dial-in 0.022, DE dial-out 0.035.
    // Ann: 300 min DE toll dial-in (6.60 per minute). Ben: 50 min (1.10). Cy: 200 min of DE
    // dial-out (7.00 per minute; alone under a licence 4.00 + 0.7 × 7.00 = 8.90).
    // By hand, every split (per-user part + pay-per-minute part):
    //   {}        0      + 350 × 0.022 + 7.00       = 14.70
    //   {A}       4.00   + 1.10 + 7.00              = 12.10
    //   {B}       4.00   + 6.60 + 7.00              = 17.60
    //   {C}       8.90   + 7.70                     = 16.60
    //   {A,B}     8.00   + 7.00                     = 15.00
    //   {A,C}     8.00 + (1 − 120/200) × 7.00 = 10.80, + 1.10 = 11.90  <- lowest
    //   {B,C}     10.80  + 6.60                     = 17.40
    //   {A,B,C}   12.00 + (1 − 180/200) × 7.00 = 12.70
    let mix = recommend(
        &usd(),
        &input(
            vec![
                organiser(vec![minutes(Call::TollDialIn, "DE", 300)]),
                organiser(vec![minutes(Call::TollDialIn, "DE", 50)]),
                organiser(vec![minutes(Call::DialOut, "DE", 200)]),
            ],
            vec![],
            false,
        ),
    )
    .unwrap();
    assert_eq!(mix.licensed, vec![true, false, true]);
    assert_eq!(text(mix.recommended.monthly_total), "11.90");
    assert_eq!(
        (
            text(mix.recommended.per_user),
            text(mix.recommended.per_minute)
        ),
        ("10.80".into(), "1.10".into())
    );
    assert_eq!(text(mix.all_licence.monthly_total), "12.70");
    assert_eq!(text(mix.all_per_minute.monthly_total), "14.70");
    // Against the better single offer (all-licence 12.70).
    assert_eq!(text(mix.savings_monthly), "0.80");
    assert_eq!(mix.method, Method::Exhaustive { splits: 8 });
    // Why: Ann's toll dial-in is worth 6.60 a month against a 4.00 licence; one licence's
    // pool covers 60 of Cy's 200 minutes, 60 × 0.035 = 2.10.
    let ann = &mix.organisers[0];
    assert_eq!(
        (
            text(ann.toll_dial_in_value),
            text(ann.pool_value),
            ann.saving_alone.to_string()
        ),
        ("6.60".into(), "0.00".into(), "2.60".into())
    );
    let cy = &mix.organisers[2];
    assert_eq!(
        (
            text(cy.pool_value),
            text(cy.per_minute_alone),
            text(cy.licence_alone)
        ),
        ("2.10".into(), "7.00".into(), "8.90".into())
    );
    assert_eq!(cy.dial_out_minutes, Decimal::from(200));
}

#[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
fn golden_four_hosts_with_the_add_on_and_calls_without_an_organiser() {
    // USD card with the US/Canada add-on (2.00 an organiser, in both parts). Pay-per-minute
    // costs: Dee 400 min US toll dial-in 6.00 (her 500 min of US dial-out are in the add-on);
    // Eve 30 min AE dial-out 4.80 + 20 min DE toll-free 1.30 (both billed under the licence
    // too); Fay 100 min GB dial-out 3.50 + 10 min DE toll dial-in 0.22; Gus 150 min JP toll
    // dial-in 5.25. Unnamed: 1,000 min DE toll dial-in, 22.00, always per minute.
    // Licensing Dee saves 6.00 − 4.00 = 2.00, Gus 1.25; Eve costs 4.00 more; Fay costs
    // 4.00 − 3.72 = 0.28 more even when two licences' pool (120 min) covers her 100.
    // {Dee, Gus}: per-user 2 × (4.00 + 2.00) = 12.00; per minute 22.00 + 6.10 + 3.72 +
    // 2 × 2.00 = 35.82; 47.82. All per minute: 43.07 + 4 × 2.00 = 51.07. All licensed:
    // 4 × 6.00 + 6.10 = 30.10, and the unnamed calls alone 22.00 + 2.00 (one organiser) = 54.10.
    let mix = recommend(
        &usd(),
        &input(
            vec![
                organiser(vec![
                    minutes(Call::TollDialIn, "US", 400),
                    minutes(Call::DialOut, "US", 500),
                ]),
                organiser(vec![
                    minutes(Call::DialOut, "AE", 30),
                    minutes(Call::TollFreeDialIn, "DE", 20),
                ]),
                organiser(vec![
                    minutes(Call::DialOut, "GB", 100),
                    minutes(Call::TollDialIn, "DE", 10),
                ]),
                organiser(vec![minutes(Call::TollDialIn, "JP", 150)]),
            ],
            vec![minutes(Call::TollDialIn, "DE", 1000)],
            true,
        ),
    )
    .unwrap();
    assert_eq!(mix.licensed, vec![true, false, false, true]);
    assert_eq!(text(mix.recommended.monthly_total), "47.82");
    assert_eq!(text(mix.recommended.per_user), "12.00");
    assert_eq!(text(mix.all_per_minute.monthly_total), "51.07");
    assert_eq!(text(mix.all_licence.monthly_total), "54.10");
    assert_eq!(text(mix.savings_monthly), "3.25");
    assert_eq!(mix.recommended.licences, 2);
}

#[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
fn steps_bill_like_the_card() {
    let s = Steps::default();
    // 0 s is not billed; 1 s and 60 s bill a minute; 61 s two.
    assert_eq!([0, 1, 60, 61].map(|x| s.billable(x)), [0, 60, 60, 120]);
    let fine = Steps {
        increment_seconds: 6,
        minimum_seconds: 30,
    };
    assert_eq!([1, 31, 36, 37].map(|x| fine.billable(x)), [30, 36, 36, 42]);
}

#[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
fn errors_are_readable() {
    let card = usd();
    let mut i = input(
        vec![organiser(vec![minutes(Call::DialOut, "DE", 1)])],
        vec![],
        false,
    );
    i.steps = Steps {
        increment_seconds: 1,
        minimum_seconds: 1,
    };
    assert_eq!(
        recommend(&card, &i).unwrap_err().to_string(),
        "the calls were counted in 1-second steps with a 1-second minimum, but this card bills \
         in 60-second steps with a 60-second minimum; import the export again with this card"
    );
    let i = input(
        vec![organiser(vec![minutes(Call::TollDialIn, "AF", 1)])],
        vec![],
        false,
    );
    let e = recommend(&card, &i).unwrap_err().to_string();
    assert!(e.contains("has no") && e.contains("AF"), "{e}");
    let mut i = input(
        vec![organiser(vec![minutes(Call::DialOut, "DE", 1)])],
        vec![],
        false,
    );
    i.organisers[0].counts[0].billable_seconds = u64::MAX;
    assert_eq!(
        recommend(&card, &i).unwrap_err().to_string(),
        "the dial-out calls of DE are more than a mix counts"
    );
    let mut i = input(vec![], vec![], false);
    i.per_month = Decimal::NEGATIVE_ONE;
    assert!(recommend(&card, &i).is_err());
}

#[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
fn no_calls_no_cost() {
    let mix = recommend(&usd(), &input(vec![], vec![], false)).unwrap();
    assert_eq!(text(mix.recommended.monthly_total), "0.00");
    assert!(mix.licensed.is_empty());
}

/// Property tests and every split of 20 organisers: natively only (proptest needs a random
/// source, and a million splits take a while in unoptimised WebAssembly).
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::*;
    use crate::rating::{quote, Scenario, ScenarioDocument};
    use proptest::prelude::*;

    /// A tenant of up to `n` organisers with calls of lengths divisible by 3 s (so that a leg's
    /// minutes are exact in a scenario) to a few countries, under the USD card.
    fn tenant(
        n: std::ops::RangeInclusive<usize>,
    ) -> impl Strategy<Value = Vec<Vec<(u8, u8, u32, u32)>>> {
        // (call, country, legs, length in units of 3 s)
        let count = (0u8..3, 0u8..5, 1u32..40, 1u32..1_200);
        proptest::collection::vec(proptest::collection::vec(count, 0..4), n)
    }

    const PLACES: [&str; 5] = ["DE", "US", "GB", "AE", "JP"];
    const CALLS: [Call; 3] = [Call::TollDialIn, Call::TollFreeDialIn, Call::DialOut];

    fn to_input(t: &[Vec<(u8, u8, u32, u32)>], per_month: Decimal, addon: bool) -> MixInput {
        let steps = Steps::default();
        let card = usd();
        let organisers = t
            .iter()
            .map(|calls| {
                organiser(
                    calls
                        .iter()
                        .filter(|(c, p, _, _)| {
                            has_rate(&card, CALLS[*c as usize], PLACES[*p as usize])
                        })
                        .map(|&(c, p, legs, units)| CallCount {
                            call: CALLS[c as usize],
                            country: code(PLACES[p as usize]),
                            legs: u64::from(legs),
                            billable_seconds: u64::from(legs) * steps.billable(units * 3),
                        })
                        .collect(),
                )
            })
            .collect();
        MixInput {
            organisers,
            unnamed: OrganiserCalls::default(),
            per_month,
            steps,
            us_canada_addon: addon,
        }
    }

    fn has_rate(card: &RateCard, call: Call, place: &str) -> bool {
        card.country(code(place))
            .and_then(|c| c.rate(call))
            .is_some()
    }

    /// The spec's definition, through scenarios and quotes: per-user total of the licensed
    /// organisers' calls plus the pay-per-minute total of the others'.
    fn quoted_total(
        t: &[Vec<(u8, u8, u32, u32)>],
        licensed: &[bool],
        per_month: Decimal,
        addon: bool,
    ) -> Decimal {
        let card = usd();
        let part = |want: bool| -> Option<(Scenario, u64)> {
            let members: Vec<usize> = (0..t.len()).filter(|i| licensed[*i] == want).collect();
            let legs: Vec<serde_json::Value> = members
                .iter()
                .flat_map(|i| &t[*i])
                .filter(|(c, p, _, _)| has_rate(&card, CALLS[*c as usize], PLACES[*p as usize]))
                .map(|&(c, p, legs, units)| {
                    serde_json::json!({"country": PLACES[p as usize], "call": CALLS[c as usize].as_word(),
                        "count": legs, "minutes": (Decimal::from(units * 3) / Decimal::from(60)).to_string()})
                })
                .collect();
            let named = members.len() as u64;
            if named == 0 && (want || legs.is_empty()) {
                return None;
            }
            let organisers = named.max(1);
            let doc: ScenarioDocument = serde_json::from_value(serde_json::json!({
                "organisers": organisers, "usCanadaAddon": addon,
                "meetings": if legs.is_empty() { vec![] } else { vec![serde_json::json!({
                    "perMonth": per_month.to_string(), "minutes": 0, "legs": legs })] }
            }))
            .unwrap();
            Some((Scenario::from_document(&doc).unwrap(), named))
        };
        let mut total = Decimal::ZERO;
        if let Some((s, _)) = part(true) {
            total += quote(&card, &s).unwrap().per_user.monthly_total.amount();
        }
        if let Some((s, _)) = part(false) {
            total += quote(&card, &s).unwrap().per_minute.monthly_total.amount();
        }
        total
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// Up to 5 organisers: the recommendation is the lowest of every split priced through
        /// scenarios and quotes (an independent path), and its total is that split's.
        #[test]
        fn small_tenants_get_the_true_minimum(t in tenant(0..=5), pm in 1u32..300, addon in any::<bool>()) {
            let per_month = Decimal::new(i64::from(pm), 2);
            let card = usd();
            let mix = recommend(&card, &to_input(&t, per_month, addon)).unwrap();
            let n = t.len();
            let mut lowest = None::<Decimal>;
            for mask in 0u32..(1 << n) {
                let set: Vec<bool> = (0..n).map(|i| mask >> i & 1 == 1).collect();
                let total = quoted_total(&t, &set, per_month, addon);
                lowest = Some(lowest.map_or(total, |l: Decimal| l.min(total)));
            }
            prop_assert_eq!(Some(mix.recommended.monthly_total.amount()), lowest);
            prop_assert_eq!(
                mix.recommended.monthly_total.amount(),
                quoted_total(&t, &mix.licensed, per_month, addon)
            );
        }

        /// More than 20 organisers: the search is never worse than all-licence, all
        /// pay-per-minute, or licensing the k largest stand-alone savers for any k, and its gap
        /// bound holds against every one of those splits.
        #[test]
        fn large_tenants_never_lose_to_simple_splits(t in tenant(21..=28), pm in 1u32..300, addon in any::<bool>()) {
            let per_month = Decimal::new(i64::from(pm), 2);
            let card = usd();
            let input = to_input(&t, per_month, addon);
            let mix = recommend(&card, &input).unwrap();
            let Method::Search { gap_bound, .. } = mix.method else {
                return Err(TestCaseError::fail("not searched"));
            };
            let table = SplitTable::new(&card, &input).unwrap();
            let best = mix.recommended.monthly_total;
            let mut order: Vec<usize> = (0..t.len()).collect();
            order.sort_by(|a, b| mix.organisers[*b].saving_alone.cmp(&mix.organisers[*a].saving_alone));
            let mut set = vec![false; t.len()];
            for k in 0..=t.len() {
                if k > 0 { set[order[k - 1]] = true; }
                let total = table.total(&set).unwrap().monthly_total;
                prop_assert!(best <= total, "k = {}: {} > {}", k, best, total);
                prop_assert!(best.amount() - total.amount() <= gap_bound.amount());
            }
            prop_assert!(best <= mix.all_licence.monthly_total && best <= mix.all_per_minute.monthly_total);
        }
    }

    #[test]
    fn twenty_organisers_are_searched_exhaustively() {
        let t: Vec<Vec<(u8, u8, u32, u32)>> = (0..20u32)
            .map(|i| vec![((i % 3) as u8, (i % 5) as u8, 1 + i, 20 + 7 * i)])
            .collect();
        let card = usd();
        let input = to_input(&t, Decimal::ONE, false);
        let mix = recommend(&card, &input).unwrap();
        assert_eq!(mix.method, Method::Exhaustive { splits: 1 << 20 });
        // No split priced on its own is cheaper (a sample of 2,000).
        let table = SplitTable::new(&card, &input).unwrap();
        for mask in (0u32..1 << 20).step_by(523) {
            let set: Vec<bool> = (0..20).map(|i| mask >> i & 1 == 1).collect();
            assert!(mix.recommended.monthly_total <= table.total(&set).unwrap().monthly_total);
        }
    }
}
