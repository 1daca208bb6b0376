//! A partner's problems in German (the element's; see `partner_texts.rs`).

use super::partner_texts::PartnerTexts;

/// German.
pub const PARTNER_DE: PartnerTexts = PartnerTexts {
    card_frame: ["Tariftabelle", " „{0}“", ", Zeile {0}", ", Feld `{0}`", ": ", " (Land {0})"],
    card_problems: [
        "Die Datei hat nicht die Form einer Tariftabelle ({0})",
        "„{0}“ ist keine gültige Kennung; bitte 1 bis 64 Kleinbuchstaben, Ziffern und Bindestriche verwenden",
        "darf nicht leer sein",
        "„{0}“ ist kein ISO-4217-Währungscode (wie „USD“ oder „EUR“)",
        "„{0}“ ist kein Datum; bitte als JJJJ-MM-TT schreiben, z. B. 2026-01-01",
        "„{0}“ ist kein Sprachcode; bitte einen zweibuchstabigen ISO-639-1-Code in Kleinbuchstaben wie „de“ verwenden",
        "diese Sprache ist doppelt übersetzt",
        "{0} Sekunden liegen außerhalb des Bereichs; erlaubt sind 1 bis 3600",
        "unbekannte Rundung „{0}“; bitte half_up, half_even, up oder down verwenden",
        "{0} Nachkommastellen liegen außerhalb des Bereichs; erlaubt sind 0 bis {1}",
        "„{0}“ ist keine Dezimalzahl; bitte wie „0.0280“ schreiben",
        "„{0}“ ist negativ; Tarife und Preise müssen 0 oder mehr sein",
        "„{0}“ hat mehr Nachkommastellen als die {1} der Währung (billing.decimals)",
        "{0} Minuten liegen außerhalb des Bereichs; erlaubt sind 0 bis {1}",
        "unbekannte Pool-Grundlage „{0}“; bitte assigned oder purchased verwenden",
        "„{0}“ ist kein Zonenname; bitte Großbuchstaben oder Ziffern verwenden, z. B. „A“",
        "die Tariftabelle enthält keine Länder; bitte mindestens einen [[countries]]-Eintrag hinzufügen",
        "„{0}“ ist kein Ländercode nach ISO 3166-1 alpha-2; bitte in Großbuchstaben schreiben: „{1}“",
        "„{0}“ ist kein Ländercode nach ISO 3166-1 alpha-2",
        "das Land {0} ist doppelt aufgeführt (zuerst als countries[{1}])",
        "das Add-on-Land {0} fehlt in `countries`; bitte einen [[countries]]-Eintrag dafür hinzufügen",
        "das Add-on-Land {0} ist doppelt aufgeführt",
    ],
    embed_sentences: [
        "hide: unbekannter Bereich „{0}“; möglich sind {1}",
        "scenario: erwartet wird Szenario-JSON ({ \"organisers\": … }) oder ein geteilter Link (…#v3&…)",
        "scenario: Der geteilte Link ließ sich nicht lesen ({0}); bitte erneut kopieren",
        "scenario: {0} Teilnehmergruppen; das Widget nimmt höchstens {1} (größere Szenarien mit quote() der JS-API oder `ppm quote` berechnen)",
        "card: {0}",
        "card-src: Die Tariftabelle „{0}“ ließ sich nicht verwenden ({1}); es gilt die eingebaute Tariftabelle",
    ],
    card_src_causes: [
        "nur http(s)-Adressen lassen sich laden, nicht {0}",
        "der Server antwortete {0}",
        "sie ist {0} KB groß; eine Tariftabelle darf höchstens {1} KB haben",
        "keine Antwort innerhalb von {0} Sekunden",
    ],
    value_colon: "{0}: {1}",
    scenario_field: "scenario, Feld `{0}`: {1}",
    value_problems: [
        "kein gültiges JSON in Zeile {0}, Spalte {1}: {2}",
        "kein gültiges JSON: {0}",
        "unbekanntes Feld `{0}`; erwartet wird eines von {1}",
        "unbekanntes Feld `{0}` in `{2}`; erwartet wird eines von {1}",
        "ein Wert hat den falschen Typ (eine Liste, ein Objekt, eine Zahl oder ein Text an der Stelle von etwas anderem)",
        "`{0}`: {1}",
        "erwartet wird ein Objekt",
    ],
};
