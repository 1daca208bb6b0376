//! A partner's problems in French (the element's; see `partner_texts.rs`).

use super::partner_texts::PartnerTexts;

/// French.
pub const PARTNER_FR: PartnerTexts = PartnerTexts {
    card_frame: ["grille tarifaire", " « {0} »", ", ligne {0}", ", champ `{0}`", " : ", " (pays {0})"],
    card_problems: [
        "le fichier n’a pas la forme d’une grille tarifaire ({0})",
        "« {0} » n’est pas un identifiant valide ; utilisez de 1 à 64 lettres minuscules, chiffres et tirets",
        "ne doit pas être vide",
        "« {0} » n’est pas un code de devise ISO 4217 (comme « USD » ou « EUR »)",
        "« {0} » n’est pas une date ; écrivez-la AAAA-MM-JJ, par exemple 2026-01-01",
        "« {0} » n’est pas un code de langue ; utilisez un code ISO 639-1 de deux lettres minuscules comme « de »",
        "cette langue est traduite deux fois",
        "{0} secondes est hors limites ; utilisez de 1 à 3600",
        "arrondi inconnu « {0} » ; utilisez half_up, half_even, up ou down",
        "{0} décimales est hors limites ; utilisez de 0 à {1}",
        "« {0} » n’est pas un nombre décimal ; écrivez-le comme « 0.0280 »",
        "« {0} » est négatif ; les tarifs et les prix doivent être de 0 ou plus",
        "« {0} » a plus de décimales que les {1} de la devise (billing.decimals)",
        "{0} minutes est hors limites ; utilisez de 0 à {1}",
        "base de pool inconnue « {0} » ; utilisez assigned ou purchased",
        "« {0} » n’est pas un nom de zone ; utilisez des majuscules ou des chiffres, comme « A »",
        "la grille ne contient aucun pays ; ajoutez au moins une entrée [[countries]]",
        "« {0} » n’est pas un code pays ISO 3166-1 alpha-2 ; écrivez-le en majuscules : « {1} »",
        "« {0} » n’est pas un code pays ISO 3166-1 alpha-2",
        "le pays {0} figure deux fois (d’abord en countries[{1}])",
        "le pays de l’add-on {0} ne figure pas dans `countries` ; ajoutez-lui une entrée [[countries]]",
        "le pays de l’add-on {0} figure deux fois",
    ],
    embed_sentences: [
        "hide : section inconnue « {0} » ; utilisez {1}",
        "scenario : du JSON de scénario ({ \"organisers\": … }) ou un lien partagé (…#v3&…) est attendu",
        "scenario : le lien partagé n’a pas pu être lu ({0}) ; copiez-le à nouveau",
        "scenario : {0} groupes de participants ; le widget en accepte au plus {1} (calculez les scénarios plus grands avec quote() de l’API JS ou `ppm quote`)",
        "card : {0}",
        "card-src : la grille tarifaire « {0} » n’a pas pu être utilisée ({1}) ; la grille intégrée est affichée",
    ],
    card_src_causes: [
        "seules les adresses http(s) peuvent être chargées, pas {0}",
        "le serveur a répondu {0}",
        "elle fait {0} Ko ; une grille tarifaire fait au plus {1} Ko",
        "pas de réponse en {0} secondes",
    ],
    value_colon: "{0} : {1}",
    scenario_field: "scenario, champ `{0}` : {1}",
    value_problems: [
        "JSON non valide à la ligne {0}, colonne {1} : {2}",
        "JSON non valide : {0}",
        "champ inconnu `{0}` ; attendu : l’un de {1}",
        "champ inconnu `{0}` dans `{2}` ; attendu : l’un de {1}",
        "une valeur a le mauvais type (une liste, un objet, un nombre ou un texte à la place d’autre chose)",
        "`{0}` : {1}",
        "un objet est attendu",
    ],
};
