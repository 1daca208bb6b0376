//! What is wrong with a partner's rate card, said in the page's language: only a partner's
//! card can be invalid (the shipped ones are checked at build time), so these sentences are
//! compiled into the custom element's bundle and the tests, not into the pricing page's.
//! Each [`CardProblem`] kind is said once per language; values are quoted as written. The
//! element's configuration problems ([`EmbedProblem`]) are said here too.

use crate::api_error::{ApiError, ValueProblem};
use crate::lang::Lang;
use crate::rating::card::{CardProblem, MAX_POOL_MINUTES};
use crate::rating::money::MAX_MONEY_DECIMALS;
use crate::rating::problem::quoted;
use crate::rating::CardError;
use crate::rating::Field;
use crate::ui::embed::{join_sentences, CardSrcCause, EmbedProblem};

/// A card error in `lang`: where (file, line, field, country) and what is wrong.
pub fn card_error(lang: Lang, e: &CardError) -> String {
    let (card, line, field, country) = match lang {
        Lang::En => ("rate card", "line", "field", "country"),
        Lang::De => ("Tariftabelle", "Zeile", "Feld", "Land"),
        Lang::Fr => ("grille tarifaire", "ligne", "champ", "pays"),
    };
    let mut out = card.to_string();
    if let Some(file) = &e.file {
        out.push_str(&format!(
            " {}{}{}",
            open_quote(lang),
            quoted(file),
            close_quote(lang)
        ));
    }
    if let Some(n) = e.line {
        out.push_str(&format!(", {line} {n}"));
    }
    if !e.field.is_empty() {
        out.push_str(&format!(", {field} `{}`", e.field));
    }
    out.push_str(if lang == Lang::Fr { " : " } else { ": " });
    out.push_str(&problem(lang, &e.problem));
    if let Some(code) = e.country {
        out.push_str(&format!(" ({country} {code})"));
    }
    out
}

fn open_quote(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "\"",
        Lang::De => "„",
        Lang::Fr => "« ",
    }
}

fn close_quote(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "\"",
        Lang::De => "“",
        Lang::Fr => " »",
    }
}

/// One problem of a card in `lang`.
pub fn problem(lang: Lang, p: &CardProblem) -> String {
    match lang {
        Lang::En => p.to_string(),
        Lang::De => german(p),
        Lang::Fr => french(p),
    }
}

fn german(p: &CardProblem) -> String {
    let q = |t: &str| format!("„{}“", quoted(t));
    match p {
        CardProblem::Syntax { message } => format!("Die Datei hat nicht die Form einer Tariftabelle ({message})"),
        CardProblem::NotAnId { text } => format!("{} ist keine gültige Kennung; bitte 1 bis 64 Kleinbuchstaben, Ziffern und Bindestriche verwenden", q(text)),
        CardProblem::Empty => "darf nicht leer sein".into(),
        CardProblem::NotACurrency { text } => format!("{} ist kein ISO-4217-Währungscode (wie „USD“ oder „EUR“)", q(text)),
        CardProblem::NotADate { text } => format!("{} ist kein Datum; bitte als JJJJ-MM-TT schreiben, z. B. 2026-01-01", q(text)),
        CardProblem::NotALanguage { text } => format!("{} ist kein Sprachcode; bitte einen zweibuchstabigen ISO-639-1-Code in Kleinbuchstaben wie „de“ verwenden", q(text)),
        CardProblem::TranslatedTwice => "diese Sprache ist doppelt übersetzt".into(),
        CardProblem::SecondsOutOfRange { value } => format!("{value} Sekunden liegen außerhalb des Bereichs; erlaubt sind 1 bis 3600"),
        CardProblem::UnknownRounding { text } => format!("unbekannte Rundung {}; bitte half_up, half_even, up oder down verwenden", q(text)),
        CardProblem::DecimalsOutOfRange { value } => format!("{value} Nachkommastellen liegen außerhalb des Bereichs; erlaubt sind 0 bis {MAX_MONEY_DECIMALS}"),
        CardProblem::NotADecimal { text } => format!("{} ist keine Dezimalzahl; bitte wie „0.0280“ schreiben", q(text)),
        CardProblem::Negative { text } => format!("{} ist negativ; Tarife und Preise müssen 0 oder mehr sein", q(text)),
        CardProblem::TooManyDecimals { text, decimals } => format!("{} hat mehr Nachkommastellen als die {decimals} der Währung (billing.decimals)", q(text)),
        CardProblem::PoolMinutesOutOfRange { value } => format!("{value} Minuten liegen außerhalb des Bereichs; erlaubt sind 0 bis {MAX_POOL_MINUTES}"),
        CardProblem::UnknownPoolBasis { text } => format!("unbekannte Pool-Grundlage {}; bitte assigned oder purchased verwenden", q(text)),
        CardProblem::NotAZone { text } => format!("{} ist kein Zonenname; bitte Großbuchstaben oder Ziffern verwenden, z. B. „A“", q(text)),
        CardProblem::NoCountries => "die Tariftabelle enthält keine Länder; bitte mindestens einen [[countries]]-Eintrag hinzufügen".into(),
        CardProblem::NotACountryCode { text, in_capitals: Some(upper) } => format!("{} ist kein Ländercode nach ISO 3166-1 alpha-2; bitte in Großbuchstaben schreiben: „{upper}“", q(text)),
        CardProblem::NotACountryCode { text, in_capitals: None } => format!("{} ist kein Ländercode nach ISO 3166-1 alpha-2", q(text)),
        CardProblem::CountryTwice { code, first } => format!("das Land {code} ist doppelt aufgeführt (zuerst als countries[{first}])"),
        CardProblem::AddonCountryNotListed { code } => format!("das Add-on-Land {code} fehlt in `countries`; bitte einen [[countries]]-Eintrag dafür hinzufügen"),
        CardProblem::AddonCountryTwice { code } => format!("das Add-on-Land {code} ist doppelt aufgeführt"),
    }
}

fn french(p: &CardProblem) -> String {
    let q = |t: &str| format!("« {} »", quoted(t));
    match p {
        CardProblem::Syntax { message } => format!("le fichier n’a pas la forme d’une grille tarifaire ({message})"),
        CardProblem::NotAnId { text } => format!("{} n’est pas un identifiant valide ; utilisez de 1 à 64 lettres minuscules, chiffres et tirets", q(text)),
        CardProblem::Empty => "ne doit pas être vide".into(),
        CardProblem::NotACurrency { text } => format!("{} n’est pas un code de devise ISO 4217 (comme « USD » ou « EUR »)", q(text)),
        CardProblem::NotADate { text } => format!("{} n’est pas une date ; écrivez-la AAAA-MM-JJ, par exemple 2026-01-01", q(text)),
        CardProblem::NotALanguage { text } => format!("{} n’est pas un code de langue ; utilisez un code ISO 639-1 de deux lettres minuscules comme « de »", q(text)),
        CardProblem::TranslatedTwice => "cette langue est traduite deux fois".into(),
        CardProblem::SecondsOutOfRange { value } => format!("{value} secondes est hors limites ; utilisez de 1 à 3600"),
        CardProblem::UnknownRounding { text } => format!("arrondi inconnu {} ; utilisez half_up, half_even, up ou down", q(text)),
        CardProblem::DecimalsOutOfRange { value } => format!("{value} décimales est hors limites ; utilisez de 0 à {MAX_MONEY_DECIMALS}"),
        CardProblem::NotADecimal { text } => format!("{} n’est pas un nombre décimal ; écrivez-le comme « 0.0280 »", q(text)),
        CardProblem::Negative { text } => format!("{} est négatif ; les tarifs et les prix doivent être de 0 ou plus", q(text)),
        CardProblem::TooManyDecimals { text, decimals } => format!("{} a plus de décimales que les {decimals} de la devise (billing.decimals)", q(text)),
        CardProblem::PoolMinutesOutOfRange { value } => format!("{value} minutes est hors limites ; utilisez de 0 à {MAX_POOL_MINUTES}"),
        CardProblem::UnknownPoolBasis { text } => format!("base de pool inconnue {} ; utilisez assigned ou purchased", q(text)),
        CardProblem::NotAZone { text } => format!("{} n’est pas un nom de zone ; utilisez des majuscules ou des chiffres, comme « A »", q(text)),
        CardProblem::NoCountries => "la grille ne contient aucun pays ; ajoutez au moins une entrée [[countries]]".into(),
        CardProblem::NotACountryCode { text, in_capitals: Some(upper) } => format!("{} n’est pas un code pays ISO 3166-1 alpha-2 ; écrivez-le en majuscules : « {upper} »", q(text)),
        CardProblem::NotACountryCode { text, in_capitals: None } => format!("{} n’est pas un code pays ISO 3166-1 alpha-2", q(text)),
        CardProblem::CountryTwice { code, first } => format!("le pays {code} figure deux fois (d’abord en countries[{first}])"),
        CardProblem::AddonCountryNotListed { code } => format!("le pays de l’add-on {code} ne figure pas dans `countries` ; ajoutez-lui une entrée [[countries]]"),
        CardProblem::AddonCountryTwice { code } => format!("le pays de l’add-on {code} figure deux fois"),
    }
}

/// The problems of an element's configuration in `lang`, one sentence each.
pub fn embed_notice(lang: Lang, problems: &[EmbedProblem]) -> String {
    join_sentences(problems.iter().map(|p| embed_problem(lang, p)))
}

/// One problem of an element's configuration in `lang`.
pub fn embed_problem(lang: Lang, p: &EmbedProblem) -> String {
    if lang == Lang::En {
        return p.to_string();
    }
    let de = lang == Lang::De;
    let q = |t: &str| format!("{}{}{}", open_quote(lang), quoted(t), close_quote(lang));
    match p {
        EmbedProblem::UnknownSection { word } if de => format!(
            "hide: unbekannter Bereich {}; möglich sind {}",
            q(word),
            EmbedProblem::section_words()
        ),
        EmbedProblem::UnknownSection { word } => format!(
            "hide : section inconnue {} ; utilisez {}",
            q(word),
            EmbedProblem::section_words()
        ),
        EmbedProblem::NotAPreset if de => "scenario: erwartet wird Szenario-JSON ({ \"organisers\": … }) oder ein geteilter Link (…#v3&…)".into(),
        EmbedProblem::NotAPreset => "scenario : du JSON de scénario ({ \"organisers\": … }) ou un lien partagé (…#v3&…) est attendu".into(),
        EmbedProblem::Scenario(e) => api_error(lang, e),
        EmbedProblem::Link(e) if de => format!("scenario: Der geteilte Link ließ sich nicht lesen ({e}); bitte erneut kopieren"),
        EmbedProblem::Link(e) => format!("scenario : le lien partagé n’a pas pu être lu ({e}) ; copiez-le à nouveau"),
        EmbedProblem::TooManyRows { rows, limit } if de => format!("scenario: {rows} Teilnehmergruppen; das Widget nimmt höchstens {limit} (größere Szenarien mit quote() der JS-API oder `ppm quote` berechnen)"),
        EmbedProblem::TooManyRows { rows, limit } => format!("scenario : {rows} groupes de participants ; le widget en accepte au plus {limit} (calculez les scénarios plus grands avec quote() de l’API JS ou `ppm quote`)"),
        EmbedProblem::Card(e) => format!("card{} {}", if de { ":" } else { " :" }, super::registry_problem(lang, e)),
        EmbedProblem::CardSrc { src, cause } if de => format!(
            "card-src: Die Tariftabelle {} ließ sich nicht verwenden ({}); es gilt die eingebaute Tariftabelle",
            q(src),
            card_src_cause(lang, cause)
        ),
        EmbedProblem::CardSrc { src, cause } => format!(
            "card-src : la grille tarifaire {} n’a pas pu être utilisée ({}) ; la grille intégrée est affichée",
            q(src),
            card_src_cause(lang, cause)
        ),
    }
}

fn card_src_cause(lang: Lang, c: &CardSrcCause) -> String {
    let de = lang == Lang::De;
    match c {
        CardSrcCause::Protocol { protocol } if de => format!(
            "nur http(s)-Adressen lassen sich laden, nicht {}",
            quoted(protocol)
        ),
        CardSrcCause::Protocol { protocol } => format!(
            "seules les adresses http(s) peuvent être chargées, pas {}",
            quoted(protocol)
        ),
        CardSrcCause::Status { status } if de => format!("der Server antwortete {status}"),
        CardSrcCause::Status { status } => format!("le serveur a répondu {status}"),
        CardSrcCause::TooLarge { kilobytes, limit } if de => format!(
            "sie ist {kilobytes} KB groß; eine Tariftabelle darf höchstens {limit} KB haben"
        ),
        CardSrcCause::TooLarge { kilobytes, limit } => {
            format!("elle fait {kilobytes} Ko ; une grille tarifaire fait au plus {limit} Ko")
        }
        CardSrcCause::Timeout { seconds } if de => {
            format!("keine Antwort innerhalb von {seconds} Sekunden")
        }
        CardSrcCause::Timeout { seconds } => format!("pas de réponse en {seconds} secondes"),
        CardSrcCause::Network { message } => quoted(message),
        CardSrcCause::Card(e) => api_error(lang, e),
    }
}

/// A JS API error (a scenario or card that is not valid, or its input's shape) in `lang`:
/// scenario problems in the words the page uses for its inputs, card problems kind by kind.
pub fn api_error(lang: Lang, e: &ApiError) -> String {
    let de = lang == Lang::De;
    let colon = if lang == Lang::Fr { " :" } else { ":" };
    if let Some(s) = e.scenario() {
        if s.field == Field::Scenario {
            return format!("scenario{colon} {}", lang.say(&s.problem));
        }
        let field = if de { "Feld" } else { "champ" };
        return format!(
            "scenario, {field} `{}`{colon} {}",
            s.field,
            lang.say(&s.problem)
        );
    }
    if let Some(c) = e.card() {
        return card_error(lang, c);
    }
    match e {
        ApiError::Registry(r) => super::registry_problem(lang, r),
        ApiError::Value { what, problem } => {
            let what = match (*what, de) {
                ("scenario", _) => "scenario",
                ("rate card", true) => "Tariftabelle",
                ("rate card", false) => "grille tarifaire",
                (other, _) => other,
            };
            format!("{what}{colon} {}", value_problem(lang, problem))
        }
        other => other.to_string(),
    }
}

fn value_problem(lang: Lang, p: &ValueProblem) -> String {
    let de = lang == Lang::De;
    match p {
        ValueProblem::NotJson {
            at: Some((line, column)),
            reason,
        } if de => {
            format!("kein gültiges JSON in Zeile {line}, Spalte {column}: {reason}")
        }
        ValueProblem::NotJson { at: None, reason } if de => format!("kein gültiges JSON: {reason}"),
        ValueProblem::NotJson {
            at: Some((line, column)),
            reason,
        } => {
            format!("JSON non valide à la ligne {line}, colonne {column} : {reason}")
        }
        ValueProblem::NotJson { at: None, reason } => format!("JSON non valide : {reason}"),
        ValueProblem::UnknownField { at, key, expected } if de => {
            let place = if at.is_empty() {
                String::new()
            } else {
                format!(" in `{at}`")
            };
            format!(
                "unbekanntes Feld `{key}`{place}; erwartet wird eines von {}",
                expected.join(", ")
            )
        }
        ValueProblem::UnknownField { at, key, expected } => {
            let place = if at.is_empty() {
                String::new()
            } else {
                format!(" dans `{at}`")
            };
            format!(
                "champ inconnu `{key}`{place} ; attendu : l’un de {}",
                expected.join(", ")
            )
        }
        ValueProblem::WrongType { at, .. } => {
            let (colon, said) = if de {
                (":", "ein Wert hat den falschen Typ (eine Liste, ein Objekt, eine Zahl oder ein Text an der Stelle von etwas anderem)")
            } else {
                (" :", "une valeur a le mauvais type (une liste, un objet, un nombre ou un texte à la place d’autre chose)")
            };
            if at.is_empty() {
                said.into()
            } else {
                format!("`{at}`{colon} {said}")
            }
        }
        ValueProblem::NotAnObject { .. } if de => "erwartet wird ein Objekt".into(),
        ValueProblem::NotAnObject { .. } => "un objet est attendu".into(),
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
            value_problem(Lang::De, &wrong),
            "`meetings`: ein Wert hat den falschen Typ (eine Liste, ein Objekt, eine Zahl oder ein Text an der Stelle von etwas anderem)"
        );
        assert_eq!(
            value_problem(Lang::Fr, &wrong),
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
