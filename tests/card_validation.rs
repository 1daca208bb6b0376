//! Rate-card validation: one test per rule; each asserts that the message names the field (and,
//! for TOML files, the line) so that the person editing the card can find and fix it.

use ppm_pricing::rating::card::CardProblem;
use ppm_pricing::rating::{CardError, RateCard};

/// A valid card; each test breaks one thing in it. Line numbers below refer to this text.
const VALID: &str = r#"id = "test-card"
name = "Test card"
currency = "USD"
effective_from = 2026-01-01
illustrative = true
source = "tests"

[billing]
increment_seconds = 60
minimum_seconds = 60
rounding = "half_up"
decimals = 2
connection_fee = "0.00"

[licence]
price_per_user_month = "4.00"
pool_minutes_per_licence = 60
pool_basis = "assigned"
pool_zone = "A"

[credits]
minimum_purchase = "50.00"

[addons.us_canada_dial_out]
price_per_organiser_month = "2.00"
countries = ["US"]

[[countries]]
code = "DE"
zone = "A"
toll_dial_in = "0.0200"
dial_out = "0.0300"

[[countries]]
code = "US"
zone = "A"
toll_free_dial_in = "0.0250"
dial_out = "0.0120"
"#;

fn with(from: &str, to: &str) -> String {
    assert!(VALID.contains(from), "test setup: {from} not in the card");
    VALID.replacen(from, to, 1)
}

fn error(text: &str) -> CardError {
    match RateCard::from_toml_str(text, Some("rates/test.toml")) {
        Ok(_) => panic!("the card should have been rejected"),
        Err(e) => e,
    }
}

/// Asserts the field, the line and words of the message, and that the message names all three.
fn check(e: &CardError, field: &str, line: Option<usize>, words: &str) {
    assert_eq!(e.field, field, "{e}");
    assert_eq!(e.line, line, "{e}");
    let text = e.to_string();
    assert!(text.contains(&format!("`{field}`")), "{text}");
    assert!(text.contains("rates/test.toml"), "{text}");
    assert!(text.contains(words), "{text} should contain {words}");
}

#[test]
fn the_valid_card_loads() {
    let card = RateCard::from_toml_str(VALID, None).unwrap();
    assert_eq!(card.id(), "test-card");
    assert_eq!(card.countries().count(), 2);
    assert_eq!(card.effective_from().to_string(), "2026-01-01");
}

#[test]
fn unknown_key() {
    let e = error(&with("decimals = 2", "decimals = 2\ndecimal_places = 2"));
    check(
        &e,
        "billing.decimal_places",
        Some(13),
        "unknown field `decimal_places`",
    );
}

#[test]
fn missing_key() {
    let e = error(&with("currency = \"USD\"\n", ""));
    assert!(e.to_string().contains("missing field `currency`"), "{e}");
    assert_eq!(e.field, "currency");
}

#[test]
fn duplicate_country() {
    let e = error(&with("code = \"US\"", "code = \"DE\""));
    check(
        &e,
        "countries[1].code",
        Some(35),
        "country DE is listed twice (first as countries[0])",
    );
}

#[test]
fn code_not_iso_3166() {
    let e = error(&with("code = \"US\"", "code = \"XX\""));
    check(
        &e,
        "countries[1].code",
        Some(35),
        "\"XX\" is not an ISO 3166-1 alpha-2 country code",
    );
}

#[test]
fn lower_case_code_gets_a_hint() {
    let e = error(&with("code = \"US\"", "code = \"us\""));
    check(
        &e,
        "countries[1].code",
        Some(35),
        "write it in capitals: \"US\"",
    );
}

#[test]
fn negative_rate() {
    let e = error(&with("dial_out = \"0.0300\"", "dial_out = \"-0.0300\""));
    check(
        &e,
        "countries[0].dial_out",
        Some(32),
        "\"-0.0300\" is negative",
    );
    // The kind and where it is: the DE entry's dial-out rate.
    assert_eq!(e.country, ppm_pricing::rating::CountryCode::parse("DE"));
    assert_eq!(
        e.problem,
        CardProblem::Negative {
            text: "-0.0300".into()
        }
    );
    assert!(e.message().contains("(country DE)"), "{e}");
}

#[test]
fn unparsable_decimal() {
    let e = error(&with(
        "toll_dial_in = \"0.0200\"",
        "toll_dial_in = \"2 cents\"",
    ));
    check(
        &e,
        "countries[0].toll_dial_in",
        Some(31),
        "\"2 cents\" is not a decimal number",
    );
}

#[test]
fn float_instead_of_string() {
    let e = error(&with("toll_dial_in = \"0.0200\"", "toll_dial_in = 0.02"));
    check(
        &e,
        "countries[0].toll_dial_in",
        Some(31),
        "a decimal string in quotes",
    );
}

#[test]
fn money_with_too_many_decimals() {
    let e = error(&with(
        "price_per_user_month = \"4.00\"",
        "price_per_user_month = \"4.005\"",
    ));
    check(
        &e,
        "licence.price_per_user_month",
        Some(16),
        "more decimals than the currency's 2",
    );
}

#[test]
fn connection_fee_with_too_many_decimals() {
    let e = error(&with(
        "connection_fee = \"0.00\"",
        "connection_fee = \"0.001\"",
    ));
    check(&e, "billing.connection_fee", Some(13), "more decimals");
}

#[test]
fn minimum_purchase_with_too_many_decimals() {
    let e = error(&with(
        "minimum_purchase = \"50.00\"",
        "minimum_purchase = \"50.001\"",
    ));
    check(&e, "credits.minimum_purchase", Some(22), "more decimals");
}

#[test]
fn increment_out_of_range() {
    let e = error(&with("increment_seconds = 60", "increment_seconds = 0"));
    check(
        &e,
        "billing.increment_seconds",
        Some(9),
        "0 seconds is out of range; use 1 to 3600",
    );
    let e = error(&with("increment_seconds = 60", "increment_seconds = 3601"));
    check(&e, "billing.increment_seconds", Some(9), "3601 seconds");
}

#[test]
fn minimum_out_of_range() {
    let e = error(&with("minimum_seconds = 60", "minimum_seconds = -5"));
    check(
        &e,
        "billing.minimum_seconds",
        Some(10),
        "-5 seconds is out of range",
    );
}

#[test]
fn unknown_rounding_word() {
    let e = error(&with("rounding = \"half_up\"", "rounding = \"nearest\""));
    check(
        &e,
        "billing.rounding",
        Some(11),
        "unknown rounding \"nearest\"",
    );
}

#[test]
fn unknown_pool_basis_word() {
    let e = error(&with(
        "pool_basis = \"assigned\"",
        "pool_basis = \"bought\"",
    ));
    check(
        &e,
        "licence.pool_basis",
        Some(18),
        "unknown pool basis \"bought\"",
    );
}

#[test]
fn decimals_out_of_range() {
    let e = error(&with("decimals = 2", "decimals = 7"));
    check(
        &e,
        "billing.decimals",
        Some(12),
        "7 decimals is out of range",
    );
}

#[test]
fn currency_not_iso_4217() {
    let e = error(&with("currency = \"USD\"", "currency = \"DOLLAR\""));
    check(
        &e,
        "currency",
        Some(3),
        "\"DOLLAR\" is not an ISO 4217 currency code",
    );
}

#[test]
fn addon_country_not_listed() {
    let e = error(&with(
        "countries = [\"US\"]",
        "countries = [\"US\", \"CA\"]",
    ));
    check(
        &e,
        "addons.us_canada_dial_out.countries[1]",
        Some(26),
        "add-on country CA is not listed in `countries`",
    );
}

#[test]
fn bad_id() {
    let e = error(&with("id = \"test-card\"", "id = \"Test Card\""));
    check(&e, "id", Some(1), "\"Test Card\" is not a valid id");
}

#[test]
fn impossible_date() {
    let e = error(&with(
        "effective_from = 2026-01-01",
        "effective_from = \"2026-02-30\"",
    ));
    check(
        &e,
        "effective_from",
        Some(4),
        "\"2026-02-30\" is not a date",
    );
}

#[test]
fn empty_source() {
    let e = error(&with("source = \"tests\"", "source = \" \""));
    check(&e, "source", Some(6), "must not be empty");
}

#[test]
fn bad_zone() {
    let e = error(&with("pool_zone = \"A\"", "pool_zone = \"zone a\""));
    check(&e, "licence.pool_zone", Some(19), "is not a zone name");
}

#[test]
fn no_countries() {
    let mut doc = RateCard::from_toml_str(VALID, None).unwrap().to_document();
    doc.countries.clear();
    doc.addons.us_canada_dial_out = None;
    let e = RateCard::from_document(doc).unwrap_err();
    assert_eq!(e.field, "countries");
    assert_eq!(e.problem, CardProblem::NoCountries);
    assert!(e.message().contains("the card lists no countries"), "{e}");
}

#[test]
fn syntax_error_names_the_line() {
    let e = error(&with("name = \"Test card\"", "name = \"Test card"));
    assert_eq!(e.line, Some(2), "{e}");
}

#[test]
fn json_cards_are_validated_the_same_way() {
    let card = RateCard::from_toml_str(VALID, None).unwrap();
    let mut doc = serde_json::to_value(card.to_document()).unwrap();
    // A round trip through JSON gives the same card.
    let back = RateCard::from_json_str(&doc.to_string(), Some("card.json")).unwrap();
    assert_eq!(back, card);
    doc["countries"][0]["dial_out"] = serde_json::json!("-1");
    let e = RateCard::from_json_str(&doc.to_string(), Some("card.json")).unwrap_err();
    assert_eq!(e.field, "countries[0].dial_out");
    assert!(e.to_string().contains("card.json"), "{e}");
    doc["countries"][0]["dial_out"] = serde_json::json!(0.03);
    let e = RateCard::from_json_str(&doc.to_string(), Some("card.json")).unwrap_err();
    assert!(matches!(e.problem, CardProblem::Syntax { .. }), "{e}");
    assert!(e.message().contains("a decimal string in quotes"), "{e}");
}

/// The card with German and French texts after its top-level keys.
fn translated(extra: &str) -> String {
    with(
        "source = \"tests\"\n",
        &format!(
            "source = \"tests\"\ntax_note = \"Net prices.\"\n\n[translations.de]\nname = \"Testkarte\"\ntax_note = \"Nettopreise.\"\n\n[translations.fr]\nname = \"Grille de test\"\n{extra}"
        ),
    )
}

#[test]
fn translations_give_the_cards_own_texts_per_language() {
    let card = RateCard::from_toml_str(&translated(""), Some("t.toml")).unwrap();
    assert_eq!(card.name_in("de"), "Testkarte");
    assert_eq!(card.tax_note_in("de"), Some("Nettopreise."));
    // French has no tax note of its own: the top-level one.
    assert_eq!(card.name_in("fr"), "Grille de test");
    assert_eq!(card.tax_note_in("fr"), Some("Net prices."));
    // No Spanish: the top-level texts.
    assert_eq!(card.name_in("es"), "Test card");
    // Written back as TOML and read again: the same card.
    let again = RateCard::from_toml_str(
        &ppm_pricing::rating::card::card_to_toml(&card.to_document()),
        None,
    )
    .unwrap();
    assert_eq!(again, card);
    // The same schema as JSON (what a partner's page loads).
    let json = r#"{"id":"j","name":"J","currency":"EUR","effective_from":"2026-01-01",
        "illustrative":true,"source":"s","translations":{"de":{"name":"J auf Deutsch"}},
        "billing":{"increment_seconds":60,"minimum_seconds":60,"rounding":"half_up","decimals":2},
        "licence":{"price_per_user_month":"4.00","pool_minutes_per_licence":60,
        "pool_basis":"assigned","pool_zone":"A"},"credits":{"minimum_purchase":"50.00"},
        "countries":[{"code":"DE","toll_dial_in":"0.02"}]}"#;
    let card = RateCard::from_json_str(json, None).unwrap();
    assert_eq!(card.name_in("de"), "J auf Deutsch");
}

#[test]
fn translation_rules() {
    let e = error(&translated("\n[translations.DE]\nname = \"x\"\n"));
    check(&e, "translations.DE", None, "not a language code");
    let e = error(&translated("colour = \"blue\"\n"));
    assert!(e.to_string().contains("colour"), "{e}");
}
