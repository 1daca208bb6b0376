//! "Download scenario (JSON)" prices as the page shows it: for forms the widget can reach
//! (the example or an empty form on either card in three languages, measured usage joined or
//! replacing the meetings, the organisation's country, the add-on, frequencies per week, month
//! or year, typed numbers), the downloaded file, read back as the JS API and `ppm quote` read
//! scenario JSON and priced with the card it names, gives exactly the page's quote.

use proptest::prelude::*;

use ppm_pricing::form::{Edit, Form, Mode, Period};
use ppm_pricing::lang::Lang;
use ppm_pricing::rating::scenario::{Amount, LegDocument, MeetingDocument};
use ppm_pricing::rating::{self, Call, Scenario, ScenarioDocument};
use ppm_pricing::registry::with_registry;
use ppm_pricing::schema::json_text;
use ppm_pricing::ui::pricing::price;

/// A measured profile as the usage import hands it over: legs with their own minutes, a
/// month factor as the frequency, and the tenant's country.
fn measured(organisers: i64, country: Option<&str>) -> ScenarioDocument {
    let leg = |country: &str, call: &str, count: i64, minutes: &str| LegDocument {
        country: country.into(),
        call: call.into(),
        count: Amount::from_int(count),
        minutes: Some(Amount::parse(minutes)),
    };
    ScenarioDocument {
        organisers: Amount::from_int(organisers),
        licences_purchased: None,
        us_canada_addon: false,
        organisation_country: country.map(str::to_string),
        meetings: vec![MeetingDocument {
            name: "Measured usage".into(),
            per_month: Amount::parse("1.014583"),
            minutes: Amount::from_int(0),
            legs: vec![
                leg("DE", "tollDialIn", 4, "2.083333"),
                leg("GB", "tollFreeDialIn", 2, "31"),
                leg("US", "dialOut", 1, "0.5"),
                leg("FR", "dialOut", 3, "12.25"),
            ],
        }],
        card: None,
    }
}

/// Numbers as a visitor types them in `lang` (a German or French decimal comma).
fn typed(value: &str, lang: Lang) -> String {
    match lang {
        Lang::En => value.to_string(),
        Lang::De | Lang::Fr => value.replace('.', ","),
    }
}

/// One edit a visitor can make, as data that proptest can shrink.
#[derive(Debug, Clone)]
enum Step {
    Organisers(u32),
    Licences(u32),
    Addon(bool),
    Organisation(&'static str),
    Period(usize, Period),
    PerMonth(usize, &'static str),
    Minutes(usize, &'static str),
    Detailed(usize),
    LegCount(usize, &'static str),
    LegCall(usize, Call),
    AddMeeting(&'static str),
}

fn step() -> impl Strategy<Value = Step> {
    let country = prop::sample::select(vec!["US", "DE", "GB", "FR", "CA"]);
    let number = prop::sample::select(vec!["0", "1", "2.5", "4", "12", "0.75", "30"]);
    let call = prop::sample::select(vec![
        Call::TollDialIn,
        Call::TollFreeDialIn,
        Call::DialOut,
        Call::App,
    ]);
    let period = prop::sample::select(vec![Period::Week, Period::Month, Period::Year]);
    prop_oneof![
        (1u32..200).prop_map(Step::Organisers),
        (1u32..300).prop_map(Step::Licences),
        any::<bool>().prop_map(Step::Addon),
        country.clone().prop_map(Step::Organisation),
        (0usize..4, period).prop_map(|(i, p)| Step::Period(i, p)),
        (0usize..4, number.clone()).prop_map(|(i, n)| Step::PerMonth(i, n)),
        (0usize..4, number.clone()).prop_map(|(i, n)| Step::Minutes(i, n)),
        (0usize..4).prop_map(Step::Detailed),
        (0usize..4, number).prop_map(|(i, n)| Step::LegCount(i, n)),
        (0usize..4, call).prop_map(|(i, c)| Step::LegCall(i, c)),
        country.prop_map(Step::AddMeeting),
    ]
}

/// Applies a step to the form where it fits (meeting indexes wrap around the meetings there).
fn apply(form: &mut Form, step: &Step) {
    let lang = form.lang;
    let n = form.meetings.len();
    let at = |i: usize| (n > 0).then(|| i % n);
    // Measured profiles are not edited one by one on the page.
    let editable = |form: &Form, i: usize| form.meetings[i].mode != Mode::Measured;
    let edit = match step.clone() {
        Step::Organisers(v) => Some(Edit::Organisers(v.to_string())),
        Step::Licences(v) => Some(Edit::Licences(v.to_string())),
        Step::Addon(on) => Some(Edit::Addon(on)),
        Step::Organisation(c) => Some(Edit::Organisation(c.into())),
        Step::Period(i, p) => at(i)
            .filter(|&i| editable(form, i))
            .map(|i| Edit::Period(i, p)),
        Step::PerMonth(i, v) => at(i)
            .filter(|&i| editable(form, i))
            .map(|i| Edit::PerMonth(i, typed(v, lang))),
        Step::Minutes(i, v) => at(i)
            .filter(|&i| editable(form, i))
            .map(|i| Edit::Minutes(i, typed(v, lang))),
        Step::Detailed(i) => at(i)
            .filter(|&i| editable(form, i))
            .map(|i| Edit::Mode(i, Mode::Detailed)),
        Step::LegCount(i, v) => at(i)
            .filter(|&i| {
                form.meetings[i].mode == Mode::Detailed && !form.meetings[i].legs.is_empty()
            })
            .map(|i| Edit::LegCount(i, 0, typed(v, lang))),
        Step::LegCall(i, c) => at(i)
            .filter(|&i| {
                form.meetings[i].mode == Mode::Detailed && !form.meetings[i].legs.is_empty()
            })
            .map(|i| Edit::LegCall(i, 0, c)),
        Step::AddMeeting(c) => Some(Edit::AddMeeting(c.into())),
    };
    if let Some(edit) = edit {
        form.apply(edit);
    }
}

/// The file "Download scenario (JSON)" writes for a form.
fn download(form: &Form) -> String {
    json_text::to_string_pretty(&form.scenario()).expect("a scenario is always written") + "\n"
}

/// The downloaded file priced as `ppm quote FILE` and the JS API price it: read as scenario
/// JSON, priced with the card it names.
fn price_file(json: &str) -> rating::Quote {
    let doc: ScenarioDocument = serde_json::from_str(json).expect("the file reads back");
    let scenario = Scenario::from_document(&doc).expect("the page priced it");
    with_registry(|r| {
        let card = r.get(doc.card.as_deref())?;
        Ok::<_, ppm_pricing::api_error::ApiError>(rating::quote(card, &scenario)?)
    })
    .expect("the file prices")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn the_downloaded_scenario_prices_as_the_page(
        card in prop::sample::select(vec!["illustrative-usd", "illustrative-eur"]),
        lang in prop::sample::select(vec![Lang::En, Lang::De, Lang::Fr]),
        example in any::<bool>(),
        usage in prop::option::of((1i64..50, any::<bool>(), prop::option::of(prop::sample::select(vec!["GB", "DE"])))),
        steps in prop::collection::vec(step(), 0..8),
    ) {
        let mut form = if example { Form::example(card, lang) } else { Form::empty(card, lang) };
        if let Some((organisers, replace, country)) = usage {
            let doc = measured(organisers, country);
            let imported = Form::from_scenario(card, &doc, Lang::En).expect("a measured profile");
            form.take_measured(imported, replace);
        }
        for s in &steps {
            apply(&mut form, s);
        }
        // A form with a wrong input shows no new quote; there is nothing to compare.
        if let Ok(page) = price(&form, lang) {
            let json = download(&form);
            prop_assert_eq!(&price_file(&json), &page.quote, "{}", json);
        }
    }
}

/// The case from the issue: measured usage replacing the meetings, on a German page with the
/// tenant in Great Britain. Before, the file said `"minutes": "0"` without the legs' own
/// minutes or the organisation, and priced at 0.00 per minute.
#[test]
fn measured_usage_downloads_with_its_legs_minutes_country_and_card() {
    let mut form = Form::example("illustrative-eur", Lang::De);
    let imported = Form::from_scenario("illustrative-eur", &measured(10, Some("GB")), Lang::En)
        .expect("a measured profile");
    form.take_measured(imported, true);
    let json = download(&form);
    for part in [
        "\"minutes\": \"2.083333\"",
        "\"minutes\": \"12.25\"",
        "\"organisationCountry\": \"GB\"",
        "\"card\": \"illustrative-eur\"",
        "\"perMonth\": \"1.014583\"",
    ] {
        assert!(json.contains(part), "{part} missing from {json}");
    }
    let page = price(&form, Lang::De).expect("the measured form prices");
    assert_eq!(price_file(&json), page.quote);
    // Hand check of one line on the EUR card (rates/illustrative-eur.toml): FR dial-out,
    // 3 legs x 1.014583 per month = 3.043749 legs; 12.25 min billed by the minute = 13 min
    // each, so 39.568737 minutes.
    let fr = page
        .quote
        .per_minute
        .lines
        .iter()
        .find(|l| {
            l.country.map(|c| c.to_string()).as_deref() == Some("FR")
                && l.call == Some(Call::DialOut)
        })
        .expect("an FR dial-out line");
    let quantity =
        |q: &Option<rating::quote::Quantity>| q.as_ref().map(|q| q.0.normalize().to_string());
    assert_eq!(quantity(&fr.legs).as_deref(), Some("3.043749"));
    assert_eq!(quantity(&fr.minutes).as_deref(), Some("39.568737"));
}
