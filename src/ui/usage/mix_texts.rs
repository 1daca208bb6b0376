//! The licence mix panel's texts in every language (they travel in the import's module only).

use crate::lang::Lang;
use crate::rating::mix::{MixError, Steps};

/// The panel's texts in one language.
pub struct MixTexts {
    /// Heading.
    pub heading: &'static str,
    /// While the mix is worked out.
    pub working: &'static str,
    /// Some licensed: licences, organisers, total, saving, what it is less than.
    pub some: fn(&str, &str, &str, &str, &str) -> String,
    /// Everyone licensed is cheapest: organisers, total, the all-pay-per-minute total.
    pub all: fn(&str, &str, &str) -> String,
    /// No one licensed is cheapest: organisers, total, the all-licence total.
    pub none: fn(&str, &str, &str) -> String,
    /// "licensing everyone" (what the saving is against).
    pub against_licence: &'static str,
    /// "everyone on pay-per-minute".
    pub against_per_minute: &'static str,
    /// The totals' labels.
    pub recommended: &'static str,
    /// The visitor's own split.
    pub yours: &'static str,
    /// Everyone licensed.
    pub all_licence: &'static str,
    /// Everyone on pay-per-minute.
    pub all_per_minute: &'static str,
    /// "2 licences".
    pub licences: fn(u64, &str) -> String,
    /// Every split priced: their number.
    pub exhaustive: fn(&str) -> String,
    /// Searched: splits, the bound.
    pub searched: fn(&str, &str) -> String,
    /// The assumption about the agreement.
    pub assumption: &'static str,
    /// Calls without an organiser: their number.
    pub unnamed: fn(&str) -> String,
    /// Where the addresses stay.
    pub private: &'static str,
    /// The table's caption.
    pub caption: &'static str,
    /// Column: the organiser.
    pub organiser: &'static str,
    /// Column: calls in the period.
    pub calls: &'static str,
    /// Minutes a month of a way of joining ("Toll dial-in, min").
    pub minutes_of: fn(&str) -> String,
    /// Column: the licence.
    pub licence: &'static str,
    /// Column: why.
    pub why: &'static str,
    /// A licence checkbox's name: the organiser.
    pub licence_for: fn(&str) -> String,
    /// Why licensed: toll dial-in value, pool value, the licence price.
    pub why_licensed: fn(&str, &str, &str) -> String,
    /// Licensed for the shared pool though dearer alone: alone per minute, alone licensed.
    pub why_pooled: fn(&str, &str) -> String,
    /// Why not: alone per minute, alone licensed.
    pub why_not: fn(&str, &str) -> String,
    /// Back to the recommendation.
    pub reset: &'static str,
    /// Show every organiser: their number.
    pub show_all: fn(&str) -> String,
    /// Download button.
    pub download: &'static str,
    /// The download's file name.
    pub file_name: &'static str,
    /// The add-on checkbox.
    pub addon: &'static str,
    /// The CSV's column names.
    pub csv_columns: [&'static str; 8],
    /// The mix cannot be computed (the reason, in English where the core's words are used).
    pub error: fn(&MixError) -> String,
}

fn steps(s: &Steps) -> String {
    format!("{}/{}", s.increment_seconds, s.minimum_seconds)
}

const EN: MixTexts = MixTexts {
    heading: "Licence mix: who should hold a licence",
    working: "Working out the licence mix…",
    some: |k, n, total, saving, against| format!("License {k} of {n} organisers and keep the others on pay-per-minute: {total} a month, {saving} less than {against}."),
    all: |n, total, ppm| format!("License all {n} organisers: {total} a month (everyone on pay-per-minute: {ppm})."),
    none: |n, total, lic| format!("Keep all {n} organisers on pay-per-minute: {total} a month (everyone licensed: {lic})."),
    against_licence: "licensing everyone",
    against_per_minute: "everyone on pay-per-minute",
    recommended: "Recommended mix",
    yours: "Your mix",
    all_licence: "Everyone licensed",
    all_per_minute: "Everyone on pay-per-minute",
    licences: |k, n| if k == 1 { "1 licence".into() } else { format!("{n} licences") },
    exhaustive: |s| format!("Every possible split ({s}) was priced: this is the cheapest."),
    searched: |s, gap| format!("Found by a search of {s} splits; no split costs more than {gap} less."),
    assumption: "This assumes your agreement allows both offers in one tenant: some organisers licensed, the others on pay-per-minute.",
    unnamed: |n| format!("{n} calls name no organiser; they stay on pay-per-minute."),
    private: "The addresses stay in this browser: the share link carries neither them nor this split.",
    caption: "Organisers, a month",
    organiser: "Organiser",
    calls: "Calls",
    minutes_of: |way| format!("{way}, min"),
    licence: "Licence",
    why: "Why",
    licence_for: |upn| format!("Licence for {upn}"),
    why_licensed: |toll, pool, price| format!("toll dial-in worth {toll} and {pool} of dial-out in the pool, against a licence of {price}"),
    why_pooled: |ppm, lic| format!("shares the pool: alone {ppm} on pay-per-minute, {lic} with a licence"),
    why_not: |ppm, lic| format!("alone {ppm} on pay-per-minute, {lic} with a licence"),
    reset: "Back to the recommendation",
    show_all: |n| format!("Show all {n} organisers"),
    download: "Download the licence mix (CSV)",
    file_name: "licence-mix.csv",
    addon: "With the US/Canada dial-out add-on",
    csv_columns: ["Organiser", "Licence (1 = yes)", "Calls", "Toll dial-in minutes a month", "Toll-free minutes a month", "Dial-out minutes a month", "Pay-per-minute alone", "Licence alone"],
    error: |e| match e {
        MixError::OtherSteps { counted, card } => format!("The calls were counted in {} second steps, and this card bills in {}: import the export again to see the licence mix with this card.", steps(counted), steps(card)),
        other => format!("The licence mix cannot be worked out: {other}."),
    },
};

const DE: MixTexts = MixTexts {
    heading: "Lizenzmix: Wer sollte eine Lizenz haben?",
    working: "Der Lizenzmix wird berechnet …",
    some: |k, n, total, saving, against| format!("Lizenzieren Sie {k} von {n} Organisatoren und lassen Sie die übrigen bei Pro Minute: {total} im Monat, {saving} weniger als {against}."),
    all: |n, total, ppm| format!("Lizenzieren Sie alle {n} Organisatoren: {total} im Monat (alle pro Minute: {ppm})."),
    none: |n, total, lic| format!("Lassen Sie alle {n} Organisatoren bei Pro Minute: {total} im Monat (alle lizenziert: {lic})."),
    against_licence: "wenn alle lizenziert sind",
    against_per_minute: "wenn alle pro Minute zahlen",
    recommended: "Empfohlener Mix",
    yours: "Ihr Mix",
    all_licence: "Alle lizenziert",
    all_per_minute: "Alle pro Minute",
    licences: |k, n| if k == 1 { "1 Lizenz".into() } else { format!("{n} Lizenzen") },
    exhaustive: |s| format!("Alle möglichen Aufteilungen ({s}) wurden berechnet: Dies ist die günstigste."),
    searched: |s, gap| format!("Gefunden durch eine Suche über {s} Aufteilungen; keine Aufteilung kostet mehr als {gap} weniger."),
    assumption: "Das setzt voraus, dass Ihr Vertrag beide Angebote in einem Mandanten erlaubt: einige Organisatoren lizenziert, die übrigen pro Minute.",
    unnamed: |n| format!("{n} Anrufe nennen keinen Organisator; sie bleiben bei Pro Minute."),
    private: "Die Adressen bleiben in diesem Browser: Der Link zum Teilen enthält weder sie noch diese Aufteilung.",
    caption: "Organisatoren, pro Monat",
    organiser: "Organisator",
    calls: "Anrufe",
    minutes_of: |way| format!("{way}, Min."),
    licence: "Lizenz",
    why: "Warum",
    licence_for: |upn| format!("Lizenz für {upn}"),
    why_licensed: |toll, pool, price| format!("gebührenpflichtige Einwahl im Wert von {toll} und {pool} an Anrufen im Pool, gegenüber einer Lizenz für {price}"),
    why_pooled: |ppm, lic| format!("teilt den Pool: allein {ppm} pro Minute, {lic} mit Lizenz"),
    why_not: |ppm, lic| format!("allein {ppm} pro Minute, {lic} mit Lizenz"),
    reset: "Zurück zur Empfehlung",
    show_all: |n| format!("Alle {n} Organisatoren zeigen"),
    download: "Lizenzmix herunterladen (CSV)",
    file_name: "lizenzmix.csv",
    addon: "Mit dem Add-on für Anrufe in die USA und nach Kanada",
    csv_columns: ["Organisator", "Lizenz (1 = ja)", "Anrufe", "Minuten Einwahl gebührenpflichtig im Monat", "Minuten Einwahl gebührenfrei im Monat", "Minuten Anrufe durch die Besprechung im Monat", "Allein pro Minute", "Allein mit Lizenz"],
    error: |e| match e {
        MixError::OtherSteps { counted, card } => format!("Die Anrufe wurden in Schritten von {} Sekunden gezählt, diese Preisliste rechnet in {} ab: Importieren Sie den Export erneut, um den Lizenzmix mit dieser Preisliste zu sehen.", steps(counted), steps(card)),
        other => format!("Der Lizenzmix lässt sich nicht berechnen: {other}."),
    },
};

const FR: MixTexts = MixTexts {
    heading: "Combinaison de licences : qui doit avoir une licence ?",
    working: "Calcul de la combinaison de licences…",
    some: |k, n, total, saving, against| format!("Attribuez une licence à {k} des {n} organisateurs et laissez les autres à la minute : {total} par mois, {saving} de moins que {against}."),
    all: |n, total, ppm| format!("Attribuez une licence aux {n} organisateurs : {total} par mois (tous à la minute : {ppm})."),
    none: |n, total, lic| format!("Laissez les {n} organisateurs à la minute : {total} par mois (tous avec licence : {lic})."),
    against_licence: "si tous ont une licence",
    against_per_minute: "si tous paient à la minute",
    recommended: "Combinaison recommandée",
    yours: "Votre combinaison",
    all_licence: "Tous avec licence",
    all_per_minute: "Tous à la minute",
    licences: |k, n| if k == 1 { "1 licence".into() } else { format!("{n} licences") },
    exhaustive: |s| format!("Toutes les répartitions possibles ({s}) ont été calculées : voici la moins chère."),
    searched: |s, gap| format!("Trouvée par une recherche sur {s} répartitions ; aucune ne coûte plus de {gap} de moins."),
    assumption: "Cela suppose que votre contrat autorise les deux offres dans un même locataire : certains organisateurs avec licence, les autres à la minute.",
    unnamed: |n| format!("{n} appels ne nomment aucun organisateur ; ils restent à la minute."),
    private: "Les adresses restent dans ce navigateur : le lien de partage ne contient ni elles ni cette répartition.",
    caption: "Organisateurs, par mois",
    organiser: "Organisateur",
    calls: "Appels",
    minutes_of: |way| format!("{way}, min"),
    licence: "Licence",
    why: "Pourquoi",
    licence_for: |upn| format!("Licence pour {upn}"),
    why_licensed: |toll, pool, price| format!("appels entrants payants d’une valeur de {toll} et {pool} d’appels sortants dans le forfait, contre une licence à {price}"),
    why_pooled: |ppm, lic| format!("partage le forfait : seul, {ppm} à la minute, {lic} avec une licence"),
    why_not: |ppm, lic| format!("seul, {ppm} à la minute, {lic} avec une licence"),
    reset: "Revenir à la recommandation",
    show_all: |n| format!("Afficher les {n} organisateurs"),
    download: "Télécharger la combinaison de licences (CSV)",
    file_name: "combinaison-licences.csv",
    addon: "Avec le module d’appels vers les États-Unis et le Canada",
    csv_columns: ["Organisateur", "Licence (1 = oui)", "Appels", "Minutes d’appels entrants payants par mois", "Minutes d’appels entrants gratuits par mois", "Minutes d’appels sortants par mois", "Seul à la minute", "Seul avec licence"],
    error: |e| match e {
        MixError::OtherSteps { counted, card } => format!("Les appels ont été comptés par pas de {} secondes, et cette grille facture par {} : importez à nouveau l’export pour voir la combinaison de licences avec cette grille.", steps(counted), steps(card)),
        other => format!("La combinaison de licences ne peut pas être calculée : {other}."),
    },
};

/// The texts of `lang`.
pub fn mix_texts(lang: Lang) -> &'static MixTexts {
    match lang {
        Lang::En => &EN,
        Lang::De => &DE,
        Lang::Fr => &FR,
    }
}
