//! The widget's state and reducer, natively: first states, undo with focus, the language
//! switch, and the example's prices through the page's own pricing.

use super::*;
use crate::form::Mode;
use crate::ui::pricing::price;

/// The pricing `ppm-prerender` shows: a first visit in [`PRERENDERED_LANGUAGE`] without a share
/// link (natively the browser's language is that one and the fragment empty).
fn prerendered_pricing() -> Option<Rc<crate::ui::pricing::Priced>> {
    AppState::landing(PRERENDERED_LANGUAGE, "").pricing.shown
}

fn example() -> AppState {
    AppState::landing("en-US", "")
}

/// The totals the page shows: the reducer's pricing, checked against pricing the form anew.
fn totals(state: &AppState) -> (String, String) {
    let priced = state.pricing.shown.clone().expect("the form has priced");
    if state.pricing.valid {
        assert_eq!(Ok(priced.clone()), price(&state.form, state.lang()));
    }
    (
        priced.quote.per_minute.monthly_total.to_string(),
        priced.quote.per_user.monthly_total.to_string(),
    )
}

#[test]
fn the_example_prices_as_worked_out_by_hand() {
    // USD card (rates/illustrative-usd.toml). Weekly all-hands, 4 a month x 60 min: DE toll
    // 12 legs x 240 min x 0.0220 = 63.36, US toll-free 3 x 240 x 0.0300 = 21.60; customer
    // calls, 60 a month x 30 min: GB toll 1,800 min x 0.0220 = 39.60, US dial-out 1,800 x
    // 0.0120 = 21.60. Pay-per-minute 146.16. Per user: 50 licences x 4.00 + the toll-free
    // 21.60 (toll dial-in included; the dial-out inside the 40 x 60 = 2,400-minute pool).
    assert_eq!(
        totals(&example()),
        ("146.16".to_string(), "221.60".to_string())
    );
}

#[test]
fn the_first_state_follows_the_browser_or_the_link() {
    let de = AppState::landing("de-DE", "");
    assert_eq!(de.lang(), Lang::De);
    assert_eq!(de.form.organisation, "DE");
    // Germany pays in euros: the EUR card (rates/regions.csv), said to be a guess.
    assert_eq!(de.form.card_id, "illustrative-eur");
    assert_eq!(de.region_guess.as_deref(), Some("DE"));
    // A language without a region: the default card, no country, no guess.
    let plain = AppState::landing("de", "");
    assert_eq!(
        (
            plain.form.card_id.as_str(),
            plain.form.organisation.as_str()
        ),
        ("illustrative-usd", "")
    );
    assert_eq!(plain.region_guess, None);
    // A US browser: dollars and the United States.
    let us = AppState::landing("en-US", "");
    assert_eq!(
        (us.form.card_id.as_str(), us.form.organisation.as_str()),
        ("illustrative-usd", "US")
    );
    assert!(!de.lang_chosen && !de.bad_link);
    assert_eq!(de.form.meetings[0].name, "Wöchentliche Betriebsversammlung");
    // A link that cannot be read: the example, and the page says so.
    let bad = AppState::landing("en-US", "v3&nonsense");
    assert!(bad.bad_link);
    assert_eq!(bad.form.meetings.len(), 2);
    // A link whose sender chose French opens in French for a German browser.
    let mut form = Form::example("illustrative-eur", Lang::En);
    form.apply(Edit::Organisers("12".into()));
    let fragment = link::encode(&form, Some(Lang::Fr));
    let opened = AppState::landing("de-DE", &fragment);
    assert_eq!((opened.lang(), opened.lang_chosen), (Lang::Fr, true));
    assert_eq!(opened.form.organisers, "12");
    assert_eq!(opened.form.card_id, "illustrative-eur");
    // An embedding's preset, in the host's language.
    let embedded = AppState::embedded("illustrative-eur", Lang::De, Some(&form));
    assert_eq!(embedded.lang(), Lang::De);
    assert_eq!(embedded.form.organisers, "12");
}

#[test]
fn the_region_guess_ends_when_the_visitor_picks_a_card_or_a_country() {
    let de = AppState::landing("de-DE", "");
    // Other edits and the language keep the guess.
    let edited = de
        .after(Action::Edit(Edit::Organisers("12".into())))
        .after(Action::Lang(Lang::Fr));
    assert_eq!(edited.region_guess.as_deref(), Some("DE"));
    // Loading the example again keeps the organisation's country.
    let reset = edited.after(Action::Reset(Form::example("illustrative-eur", Lang::Fr)));
    assert_eq!(reset.form.organisation, "DE");
    let picked = reset.after(Action::Edit(Edit::Organisation("AT".into())));
    assert_eq!(picked.region_guess, None);
    let card = de.after(Action::Edit(Edit::Card("illustrative-usd".into())));
    assert_eq!(card.region_guess, None);
    // What the visitor picked travels in the link.
    let (form, _) = link::decode(&link::encode(&picked.form, None)).unwrap();
    assert_eq!(
        (form.card_id.as_str(), form.organisation.as_str()),
        ("illustrative-eur", "AT")
    );
}

#[test]
fn a_removed_meeting_comes_back_with_undo_and_focus() {
    let start = example();
    let removed = start.after(Action::Edit(Edit::RemoveMeeting(0)));
    assert_eq!(removed.form.meetings.len(), 1);
    assert!(matches!(
        removed.removed,
        Some(Removed::Meeting { index: 0, .. })
    ));
    // Focus goes to the undo button, never to a remove button that is gone.
    assert_eq!(
        removed.focus.map(|(_, id)| id),
        Some(crate::form::InputId::Undo)
    );
    let back = removed.after(Action::Undo);
    assert_eq!(back.form, start.form);
    assert_eq!(back.removed, None);
    assert_eq!(back.list.open, Some(0));
    assert_eq!(totals(&back), totals(&start));
}

#[test]
fn switching_the_language_rewrites_numbers_and_example_names_but_not_prices() {
    let mut start = example();
    start = start.after(Action::Edit(Edit::Minutes(1, "30.5".into())));
    let before = totals(&start);
    let german = start.after(Action::Lang(Lang::De));
    assert_eq!((german.lang(), german.form.lang), (Lang::De, Lang::De));
    assert!(german.lang_chosen);
    assert_eq!(german.form.meetings[1].minutes, "30,5");
    assert_eq!(german.form.meetings[1].name, "Kundengespräche");
    assert_eq!(totals(&german), before);
}

#[test]
fn measured_usage_replaces_the_meetings_and_resets_the_list() {
    let start = example().after(Action::Open(Some(1)));
    let mut measured = Form::empty("illustrative-usd", Lang::En);
    measured.organisers = "3".into();
    measured.apply(Edit::AddMeeting("DE".into()));
    let next = start.after(Action::Measured(measured, true));
    assert_eq!(next.form.meetings.len(), 1);
    assert_eq!(next.form.meetings[0].mode, Mode::Measured);
    assert_eq!(next.form.organisers, "3");
    assert_eq!(next.list.open, None);
}

#[test]
fn a_wrong_input_keeps_the_last_quote_and_says_what_is_wrong() {
    let start = example();
    let wrong = start.after(Action::Edit(Edit::Organisers("-5".into())));
    assert!(!wrong.pricing.valid);
    assert_eq!(
        wrong.pricing.errors.as_slice(),
        [("organisers".to_string(), "Enter 0 or more.".to_string())]
    );
    // The example's totals stay on screen (see the_example_prices_as_worked_out_by_hand).
    assert_eq!(totals(&wrong), totals(&start));
    // Fixed: priced again, no message; 41 organisers change nothing here (50 licences bought).
    let fixed = wrong.after(Action::Edit(Edit::Organisers("41".into())));
    assert!(fixed.pricing.valid && fixed.pricing.errors.is_empty());
    assert_eq!(totals(&fixed), totals(&start));
    // An action that does not touch the form keeps the very same pricing.
    let opened = fixed.after(Action::Open(Some(0)));
    assert!(Rc::ptr_eq(
        opened.pricing.shown.as_ref().unwrap(),
        fixed.pricing.shown.as_ref().unwrap()
    ));
}

#[test]
fn the_example_is_labelled_until_changed_and_measured_names_follow_the_language() {
    let start = example();
    assert!(start.shows_example());
    // Another language still shows the example (its names are translated).
    assert!(start.after(Action::Lang(Lang::De)).shows_example());
    assert!(!start
        .after(Action::Edit(Edit::Minutes(0, "45".into())))
        .shows_example());
    // The usage import's profiles, also numbered, are renamed with the language.
    let mut form = Form::example("illustrative-usd", Lang::En);
    for (i, name) in [
        "Measured usage (1/2)",
        "Measured usage",
        "Measured usage notes",
    ]
    .into_iter()
    .enumerate()
    {
        std::rc::Rc::make_mut(&mut form.meetings[i.min(1)]).name = name.into();
        let state = AppState::new(form.clone(), Lang::En, false).after(Action::Lang(Lang::De));
        let expected = match name {
            "Measured usage (1/2)" => "Gemessene Nutzung (1/2)",
            "Measured usage" => "Gemessene Nutzung",
            // A name of the visitor's own that only starts so is theirs.
            _ => "Measured usage notes",
        };
        assert_eq!(state.form.meetings[i.min(1)].name, expected);
    }
}

/// main.js fetches the texts of the language the page will open in before mounting: the one a
/// share link chose, else the browser's; a link that names none or cannot be read leaves the
/// browser's.
#[test]
fn the_language_to_fetch_first_is_the_link_s_then_the_browser_s() {
    let form = Form::example(DEFAULT_CARD_ID, Lang::En);
    assert_eq!(AppState::wanted_language("de-DE", ""), Lang::De);
    assert_eq!(AppState::wanted_language("pt-BR", ""), Lang::En);
    let french = link::encode(&form, Some(Lang::Fr));
    assert_eq!(AppState::wanted_language("de-DE", &french), Lang::Fr);
    let unchosen = link::encode(&form, None);
    assert_eq!(AppState::wanted_language("de-DE", &unchosen), Lang::De);
    assert_eq!(AppState::wanted_language("fr", "v9;garbage"), Lang::Fr);
    // Natively every language is compiled in, so the page opens in the one it wanted.
    assert_eq!(AppState::landing("de-DE", "").lang(), Lang::De);
}

#[test]
fn the_prerendered_results_are_those_of_english_browsers_that_pay_in_dollars() {
    let page = prerendered_pricing().expect("the prerendered example prices");
    // The page is prerendered for a browser in English without a region: no country guessed.
    let prerendered = AppState::landing(PRERENDERED_LANGUAGE, "");
    assert_eq!(prerendered.form.organisation, "");
    let results = |tag: &str| {
        let state = AppState::landing(tag, "");
        *state.pricing.shown.expect("priced") == *page
    };
    // The US and the UK as the organisation's country change nothing the results show (both
    // totals are $146.16 and $221.60, above; the same three notes).
    assert!(results("en-US"));
    assert!(results("en-GB"));
    // Ireland pays in euros: other rates, other results.
    assert!(!results("en-IE"));
    // An organisation in Russia cannot buy Communications Credits: a note more.
    assert!(!results("en-RU"));
    // Another meeting length: other minutes.
    let mut longer = AppState::landing("en-US", "");
    for m in &mut longer.form.meetings {
        Rc::make_mut(m).minutes = "61".into();
    }
    let longer = price(&longer.form, Lang::En).expect("priced");
    assert!(*longer != *page);
}

/// Every browser region whose English first view [`AppState::landing`] prices otherwise than
/// the prerendered page, as a list like [`REGIONS_PRICED_OTHERWISE`].
fn regions_priced_otherwise() -> String {
    let page = prerendered_pricing();
    let mut list = Vec::new();
    for code in crate::rating::iso::country_codes() {
        let state = AppState::landing(&format!("{PRERENDERED_LANGUAGE}-{code}"), "");
        if state.pricing.shown != page || !state.pricing.valid {
            list.push(code);
        }
    }
    list.join(" ")
}

#[test]
fn the_regions_priced_otherwise_are_those_the_pricing_gives() {
    // Pricing all 249 regions' first views: the list the page's first part reads must be the
    // one the pricing gives (when a card or a rule changes, update REGIONS_PRICED_OTHERWISE).
    assert_eq!(regions_priced_otherwise(), REGIONS_PRICED_OTHERWISE);
    // By hand: rates/regions.csv starts the euro area (AD … VA) with the euro card; on the
    // dollar card an organisation in KR, KZ, PK, RU or TW cannot buy Communications Credits
    // (rates/illustrative-usd.toml). Every other region's first view is the prerendered page.
    let mut expected: Vec<&str> = "AD AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MC ME MT NL \
                                   PT SI SK SM VA KR KZ PK RU TW"
        .split(' ')
        .collect();
    expected.sort_unstable();
    assert_eq!(REGIONS_PRICED_OTHERWISE, expected.join(" "));
}

#[test]
fn a_first_view_that_keeps_the_prerendered_results_prices_at_its_first_change() {
    // Kept: English with a region not listed, or none; its state is the landing's, unpriced.
    for tag in ["en-GB", "en-US", "en", "es-US"] {
        let kept = AppState::landing_as_prerendered(tag).expect(tag);
        let landing = AppState::landing(tag, "");
        assert!(kept.pricing.prerendered && kept.pricing.valid, "{tag}");
        assert_eq!(kept.pricing.shown, None, "{tag}");
        assert_eq!(
            AppState {
                pricing: landing.pricing.clone(),
                ..kept
            },
            landing,
            "{tag}"
        );
    }
    // Not kept: a listed region (Ireland, euros), a browser in German or French.
    for tag in ["en-IE", "en-RU", "de-CH", "fr"] {
        assert_eq!(AppState::landing_as_prerendered(tag), None, "{tag}");
    }
    let kept = AppState::landing_as_prerendered("en-GB").unwrap();
    let landing = AppState::landing("en-GB", "");
    // Exports price it when asked: the landing state's quote.
    assert_eq!(kept.shown(), landing.pricing.shown);
    // An action that leaves the form as it is keeps the page's results.
    assert!(kept.after(Action::Open(Some(0))).pricing.prerendered);
    // The first change prices, as the landing state would: 12 organisers leave pay-per-minute
    // at $146.16; per user, the pool shrinks to 12 x 60 = 720 minutes, so 1,080 of the 1,800 US
    // dial-out minutes cost 0.0120 each: 221.60 + 12.96 = 234.56.
    let edited = kept.after(Action::Edit(Edit::Organisers("12".into())));
    assert!(!edited.pricing.prerendered);
    assert_eq!(
        totals(&edited),
        ("146.16".to_string(), "234.56".to_string())
    );
    assert_eq!(
        edited.pricing,
        landing
            .after(Action::Edit(Edit::Organisers("12".into())))
            .pricing
    );
    // A wrong first change shows the example's totals ($146.16 and $221.60) with its message.
    let wrong = kept.after(Action::Edit(Edit::Organisers("-5".into())));
    assert!(!wrong.pricing.valid && !wrong.pricing.prerendered);
    assert_eq!(totals(&wrong), ("146.16".to_string(), "221.60".to_string()));
    assert_eq!(wrong.pricing.errors.len(), 1);
}
