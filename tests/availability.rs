//! Availability warnings come from where the organisation is located (`organisationCountry`),
//! never from the countries its callers dial in from or are dialled to (rating.md §2, §4).

use ppm_pricing::rating::warnings::WarningCode;
use ppm_pricing::rating::{quote, Error, Field, Problem, RateCard, Scenario, ScenarioDocument};

/// The small test card plus a country where Audio Conferencing is not sold (SY).
fn card() -> RateCard {
    let text = format!(
        "{}\n[[countries]]\ncode = \"SY\"\ndial_out = \"0.2000\"\ncredits_available = false\naudio_conferencing_available = false\n",
        include_str!("cards/small.toml")
    );
    RateCard::from_toml_str(&text, None).unwrap()
}

fn codes(organisation: Option<&str>, callers: &str) -> Result<Vec<WarningCode>, Error> {
    let org = organisation.map_or(String::new(), |c| {
        format!(r#""organisationCountry": "{c}","#)
    });
    let json = format!(
        r#"{{"organisers": 1, {org} "meetings": [{{"perMonth": 1, "minutes": 10,
            "legs": [{{"country": "{callers}", "call": "tollDialIn", "count": 1}}]}}]}}"#
    );
    let doc: ScenarioDocument = serde_json::from_str(&json).unwrap();
    let q = quote(&card(), &Scenario::from_document(&doc)?)?;
    Ok(q.warnings.iter().map(|w| w.code).collect())
}

#[test]
fn the_organisations_country_decides_not_the_callers() {
    // A US organisation with callers in Russia (no credits there): no availability warning.
    let w = codes(Some("US"), "RU").unwrap();
    assert!(!w.contains(&WarningCode::CreditsUnavailable), "{w:?}");
    // A Russian organisation whose callers are all in Germany: the warning.
    let w = codes(Some("RU"), "DE").unwrap();
    assert!(w.contains(&WarningCode::CreditsUnavailable), "{w:?}");
    assert!(
        !w.contains(&WarningCode::AudioConferencingUnavailable),
        "{w:?}"
    );
    // No country given: no availability warning at all.
    let w = codes(None, "RU").unwrap();
    assert!(!w.contains(&WarningCode::CreditsUnavailable), "{w:?}");
    // Where Audio Conferencing is not sold (and credits cannot be bought): both warnings.
    let w = codes(Some("SY"), "DE").unwrap();
    assert!(
        w.contains(&WarningCode::AudioConferencingUnavailable),
        "{w:?}"
    );
    assert!(w.contains(&WarningCode::CreditsUnavailable), "{w:?}");
}

#[test]
fn the_organisations_country_must_be_real_and_on_the_card() {
    let e = codes(Some("XX"), "DE").unwrap_err();
    assert!(
        matches!(&e, Error::Scenario(s) if s.field == Field::OrganisationCountry
            && s.problem == Problem::NotACountryCode { text: "XX".into() }),
        "{e}"
    );
    let e = codes(Some("JP"), "DE").unwrap_err();
    assert_eq!(
        e.to_string(),
        "scenario, field `organisationCountry`: the rate card \"Test card (small)\" has no rates \
         for JP; choose a country it lists"
    );
}
