//! What is wrong with a partner's rate card, said in the page's language: only a partner's
//! card can be invalid (the shipped ones are checked at build time), so these sentences are
//! compiled into the custom element's bundle and the tests, not into the pricing page's.
//! Each [`CardProblem`] kind is said once per language; values are quoted as written. The
//! element's configuration problems ([`EmbedProblem`]) are said here too. English is each
//! problem's own `Display`; German and French are templates ([`PartnerTexts`]), which the
//! element fetches with its texts.

use super::fill;
use super::partner_texts::PartnerTexts;
use crate::api_error::{ApiError, ValueProblem};
use crate::lang::Lang;
use crate::rating::card::{CardProblem, MAX_POOL_MINUTES};
use crate::rating::money::MAX_MONEY_DECIMALS;
use crate::rating::problem::quoted;
use crate::rating::CardError;
use crate::rating::Field;
use crate::ui::embed::{join_sentences, CardSrcCause, EmbedProblem};

/// The partner sentences of `lang`, when it needs them and they are here: `None` for English
/// (whose sentences are the problems' own) and for a language not fetched yet.
fn partner_texts(lang: Lang) -> Option<&'static PartnerTexts> {
    #[cfg(not(texts_on_demand))]
    return match lang {
        Lang::En => None,
        Lang::De => Some(&super::partner_texts::PARTNER_DE),
        Lang::Fr => Some(&super::partner_texts::PARTNER_FR),
    };
    #[cfg(texts_on_demand)]
    super::loaded::partner::get(lang)
}

/// How an English card error is framed (see [`PartnerTexts::card_frame`]).
const ENGLISH_FRAME: [&str; 6] = [
    "rate card",
    " \"{0}\"",
    ", line {0}",
    ", field `{0}`",
    ": ",
    " (country {0})",
];

/// A card error in `lang`: where (file, line, field, country) and what is wrong.
pub fn card_error(lang: Lang, e: &CardError) -> String {
    let t = partner_texts(lang);
    let frame = t.map_or(&ENGLISH_FRAME, |t| &t.card_frame);
    let mut out = frame[0].to_string();
    if let Some(file) = &e.file {
        out.push_str(&fill(frame[1], &[&quoted(file)]));
    }
    if let Some(n) = e.line {
        out.push_str(&fill(frame[2], &[&n.to_string()]));
    }
    if !e.field.is_empty() {
        out.push_str(&fill(frame[3], &[&e.field.to_string()]));
    }
    out.push_str(frame[4]);
    out.push_str(&match t {
        Some(t) => said(t, &e.problem),
        None => e.problem.to_string(),
    });
    if let Some(code) = e.country {
        out.push_str(&fill(frame[5], &[&code.to_string()]));
    }
    out
}

/// One problem of a card in `lang`.
pub fn problem(lang: Lang, p: &CardProblem) -> String {
    match partner_texts(lang) {
        Some(t) => said(t, p),
        None => p.to_string(),
    }
}

/// A card problem with `t`'s template for its kind.
fn said(t: &PartnerTexts, p: &CardProblem) -> String {
    let (slot, args) = card_problem_slot(p);
    let [a, b] = &args;
    fill(t.card_problems[slot], &[a, b])
}

/// A card problem's template (its place in [`PartnerTexts::card_problems`]) and its values.
fn card_problem_slot(p: &CardProblem) -> (usize, [String; 2]) {
    let one = |slot: usize, a: &str| (slot, [quoted(a), String::new()]);
    let none = |slot: usize| (slot, [String::new(), String::new()]);
    match p {
        CardProblem::Syntax { message } => (0, [message.clone(), String::new()]),
        CardProblem::NotAnId { text } => one(1, text),
        CardProblem::Empty => none(2),
        CardProblem::NotACurrency { text } => one(3, text),
        CardProblem::NotADate { text } => one(4, text),
        CardProblem::NotALanguage { text } => one(5, text),
        CardProblem::TranslatedTwice => none(6),
        CardProblem::SecondsOutOfRange { value } => (7, [value.to_string(), String::new()]),
        CardProblem::UnknownRounding { text } => one(8, text),
        CardProblem::DecimalsOutOfRange { value } => {
            (9, [value.to_string(), MAX_MONEY_DECIMALS.to_string()])
        }
        CardProblem::NotADecimal { text } => one(10, text),
        CardProblem::Negative { text } => one(11, text),
        CardProblem::TooManyDecimals { text, decimals } => {
            (12, [quoted(text), decimals.to_string()])
        }
        CardProblem::PoolMinutesOutOfRange { value } => {
            (13, [value.to_string(), MAX_POOL_MINUTES.to_string()])
        }
        CardProblem::UnknownPoolBasis { text } => one(14, text),
        CardProblem::NotAZone { text } => one(15, text),
        CardProblem::NoCountries => none(16),
        CardProblem::NotACountryCode {
            text,
            in_capitals: Some(upper),
        } => (17, [quoted(text), upper.clone()]),
        CardProblem::NotACountryCode {
            text,
            in_capitals: None,
        } => one(18, text),
        CardProblem::CountryTwice { code, first } => (19, [code.to_string(), first.to_string()]),
        CardProblem::AddonCountryNotListed { code } => (20, [code.to_string(), String::new()]),
        CardProblem::AddonCountryTwice { code } => (21, [code.to_string(), String::new()]),
    }
}

/// The problems of an element's configuration in `lang`, one sentence each.
pub fn embed_notice(lang: Lang, problems: &[EmbedProblem]) -> String {
    join_sentences(problems.iter().map(|p| embed_problem(lang, p)))
}

/// One problem of an element's configuration in `lang`.
pub fn embed_problem(lang: Lang, p: &EmbedProblem) -> String {
    let Some(t) = partner_texts(lang) else {
        return p.to_string();
    };
    let s = &t.embed_sentences;
    match p {
        EmbedProblem::UnknownSection { word } => {
            fill(s[0], &[&quoted(word), &EmbedProblem::section_words()])
        }
        EmbedProblem::NotAPreset => s[1].to_string(),
        EmbedProblem::Scenario(e) => api_error(lang, t, e),
        EmbedProblem::Link(e) => fill(s[2], &[&e.to_string()]),
        EmbedProblem::TooManyRows { rows, limit } => {
            fill(s[3], &[&rows.to_string(), &limit.to_string()])
        }
        EmbedProblem::Card(e) => fill(s[4], &[&super::registry_problem(lang, e)]),
        EmbedProblem::CardSrc { src, cause } => {
            fill(s[5], &[&quoted(src), &card_src_cause(lang, t, cause)])
        }
    }
}

/// Why a `card-src` failed, with `t`'s templates.
fn card_src_cause(lang: Lang, t: &PartnerTexts, c: &CardSrcCause) -> String {
    let s = &t.card_src_causes;
    match c {
        CardSrcCause::Protocol { protocol } => fill(s[0], &[&quoted(protocol)]),
        CardSrcCause::Status { status } => fill(s[1], &[&status.to_string()]),
        CardSrcCause::TooLarge { kilobytes, limit } => {
            fill(s[2], &[&kilobytes.to_string(), &limit.to_string()])
        }
        CardSrcCause::Timeout { seconds } => fill(s[3], &[&seconds.to_string()]),
        CardSrcCause::Network { message } => quoted(message),
        CardSrcCause::Card(e) => api_error(lang, t, e),
    }
}

/// A JS API error (a scenario or card that is not valid, or its input's shape) with `t`'s
/// templates: scenario problems in the words the page uses for its inputs, card problems kind
/// by kind.
fn api_error(lang: Lang, t: &PartnerTexts, e: &ApiError) -> String {
    if let Some(s) = e.scenario() {
        if s.field == Field::Scenario {
            return fill(t.value_colon, &["scenario", &lang.say(&s.problem)]);
        }
        return fill(
            t.scenario_field,
            &[&s.field.to_string(), &lang.say(&s.problem)],
        );
    }
    if let Some(c) = e.card() {
        return card_error(lang, c);
    }
    match e {
        ApiError::Registry(r) => super::registry_problem(lang, r),
        ApiError::Value { what, problem } => {
            let what = match *what {
                "rate card" => t.card_frame[0],
                other => other,
            };
            fill(t.value_colon, &[what, &value_problem(t, problem)])
        }
        other => other.to_string(),
    }
}

/// A JSON value's problem with `t`'s templates.
fn value_problem(t: &PartnerTexts, p: &ValueProblem) -> String {
    let s = &t.value_problems;
    match p {
        ValueProblem::NotJson {
            at: Some((line, column)),
            reason,
        } => fill(s[0], &[&line.to_string(), &column.to_string(), reason]),
        ValueProblem::NotJson { at: None, reason } => fill(s[1], &[reason]),
        ValueProblem::UnknownField { at, key, expected } => {
            let slot = if at.is_empty() { 2 } else { 3 };
            fill(s[slot], &[key, &expected.join(", "), at])
        }
        ValueProblem::WrongType { at, .. } if at.is_empty() => s[4].to_string(),
        ValueProblem::WrongType { at, .. } => fill(s[5], &[at, s[4]]),
        ValueProblem::NotAnObject { .. } => s[6].to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rating::{CountryCode, RateCard};

    /// The shipped USD card with one country's dial-out rate made negative: the error the
    /// widget shows for a partner's card of that kind.
    fn negative_rate() -> CardError {
        let card = crate::shipped::shipped_cards().unwrap().remove(0);
        let mut doc = card.to_document();
        doc.countries[0].dial_out = Some(crate::rating::card::DecimalText("-1".into()));
        let mut e = RateCard::from_document(doc).unwrap_err();
        e.file = Some("negative-card.json".into());
        e
    }

    #[test]
    fn a_card_problem_is_said_in_each_language() {
        let e = negative_rate();
        let code = e.country.map(|c| c.to_string()).unwrap_or_default();
        assert_eq!(
            card_error(Lang::En, &e),
            format!("rate card \"negative-card.json\", field `countries[0].dial_out`: \"-1\" is negative; rates and prices must be 0 or more (country {code})")
        );
        assert_eq!(
            card_error(Lang::De, &e),
            format!("Tariftabelle „negative-card.json“, Feld `countries[0].dial_out`: „-1“ ist negativ; Tarife und Preise müssen 0 oder mehr sein (Land {code})")
        );
        assert_eq!(
            card_error(Lang::Fr, &e),
            format!("grille tarifaire « negative-card.json », champ `countries[0].dial_out` : « -1 » est négatif ; les tarifs et les prix doivent être de 0 ou plus (pays {code})")
        );
    }

    #[test]
    fn a_wrong_type_names_its_place_in_german_and_french() {
        let wrong = ValueProblem::WrongType {
            at: "meetings".into(),
            detail: "a text where a list was expected".into(),
        };
        assert_eq!(
            value_problem(partner_texts(Lang::De).unwrap(), &wrong),
            "`meetings`: ein Wert hat den falschen Typ (eine Liste, ein Objekt, eine Zahl oder ein Text an der Stelle von etwas anderem)"
        );
        assert_eq!(
            value_problem(partner_texts(Lang::Fr).unwrap(), &wrong),
            "`meetings` : une valeur a le mauvais type (une liste, un objet, un nombre ou un texte à la place d’autre chose)"
        );
    }

    #[test]
    fn every_kind_has_its_own_german_and_french_sentence() {
        let de = CountryCode::parse("DE").unwrap();
        let kinds = [
            CardProblem::NotAnId { text: "X".into() },
            CardProblem::Empty,
            CardProblem::NotACurrency { text: "XX".into() },
            CardProblem::NotADate {
                text: "2026-02-30".into(),
            },
            CardProblem::NotALanguage { text: "DE".into() },
            CardProblem::TranslatedTwice,
            CardProblem::SecondsOutOfRange { value: 0 },
            CardProblem::UnknownRounding {
                text: "nearest".into(),
            },
            CardProblem::DecimalsOutOfRange { value: 9 },
            CardProblem::NotADecimal { text: "x".into() },
            CardProblem::Negative { text: "-1".into() },
            CardProblem::TooManyDecimals {
                text: "1.234".into(),
                decimals: 2,
            },
            CardProblem::PoolMinutesOutOfRange { value: -1 },
            CardProblem::UnknownPoolBasis { text: "all".into() },
            CardProblem::NotAZone { text: "a".into() },
            CardProblem::NoCountries,
            CardProblem::NotACountryCode {
                text: "de".into(),
                in_capitals: Some("DE".into()),
            },
            CardProblem::NotACountryCode {
                text: "XX".into(),
                in_capitals: None,
            },
            CardProblem::CountryTwice { code: de, first: 0 },
            CardProblem::AddonCountryNotListed { code: de },
            CardProblem::AddonCountryTwice { code: de },
            CardProblem::Syntax {
                message: "missing field `id`".into(),
            },
        ];
        for kind in kinds {
            let (en, de_text, fr) = (
                problem(Lang::En, &kind),
                problem(Lang::De, &kind),
                problem(Lang::Fr, &kind),
            );
            assert_ne!(de_text, en, "{kind:?} has no German sentence");
            assert_ne!(fr, en, "{kind:?} has no French sentence");
        }
    }

    #[test]
    fn an_element_s_problems_are_said_in_its_language() {
        use crate::registry::RegistryError;
        let mut card = negative_rate();
        card.file = None;
        let code = card.country.map(|c| c.to_string()).unwrap_or_default();
        let bad_src = EmbedProblem::CardSrc {
            src: "negative-card.json".into(),
            cause: CardSrcCause::Card(Box::new(ApiError::Registry(RegistryError::BadCard(card)))),
        };
        let hide = EmbedProblem::UnknownSection {
            word: "graph".into(),
        };
        let problems = [bad_src.clone(), hide];
        assert_eq!(
            embed_notice(Lang::De, &problems),
            format!(
                "card-src: Die Tariftabelle „negative-card.json“ ließ sich nicht verwenden \
                 (Tariftabelle, Feld `countries[0].dial_out`: „-1“ ist negativ; Tarife und Preise \
                 müssen 0 oder mehr sein (Land {code})); es gilt die eingebaute Tariftabelle. \
                 hide: unbekannter Bereich „graph“; möglich sind header, inputs, chart, lines, \
                 warnings, pool, actions."
            )
        );
        assert!(embed_notice(Lang::Fr, &problems).starts_with(
            "card-src : la grille tarifaire « negative-card.json » n’a pas pu être utilisée"
        ));
        // The English sentence (the `ppm-error` event's) is the CLI's wording.
        assert_eq!(
            bad_src.to_string(),
            format!(
                "card-src: the rate card \"negative-card.json\" could not be used (rate card, \
                 field `countries[0].dial_out`: \"-1\" is negative; rates and prices must be 0 \
                 or more (country {code})); showing the built-in card"
            )
        );
    }

    #[test]
    fn a_preset_s_scenario_problem_uses_the_page_s_words() {
        let doc: crate::rating::ScenarioDocument = serde_json::from_str(
            r#"{ "organisers": 1, "meetings": [ { "perMonth": 1, "minutes": -5 } ] }"#,
        )
        .unwrap();
        let e = crate::rating::Scenario::from_document(&doc).unwrap_err();
        let p = EmbedProblem::Scenario(Box::new(e.into()));
        assert_eq!(
            embed_problem(Lang::De, &p),
            "scenario, Feld `meetings[0].minutes`: Bitte 0 oder mehr eingeben."
        );
        assert_eq!(
            embed_problem(Lang::En, &p),
            "scenario, field `meetings[0].minutes`: -5 is negative; enter 0 or more"
        );
    }
}
