//! The usage import's texts in every language. Kept apart from the widget's [`Texts`] so that
//! they travel only in the import's own module.
//!
//! [`Texts`]: crate::ui::i18n::Texts

use crate::lang::Lang;
use crate::usage_export::{Basis, ExportError, LeftOut, Missing, ZipProblem};

/// The import's texts in one language.
pub struct UsageTexts {
    /// Heading of the report.
    pub heading: &'static str,
    /// "Reading 12 MB of 40 MB, 300,000 rows…" (bytes read, total, rows).
    pub reading: fn(&str, &str, &str) -> String,
    /// The period: from, to, days.
    pub period: fn(&str, &str, &str) -> String,
    /// The period when only its length is known.
    pub period_days: fn(&str) -> String,
    /// Labels of the counts.
    pub rows_read: &'static str,
    /// Rows used.
    pub rows_used: &'static str,
    /// Rows left out.
    pub left_out: &'static str,
    /// "rows 7, 8, …".
    pub rows: fn(&str) -> String,
    /// Organisers found.
    pub organisers_found: &'static str,
    /// Organisers: none found, one assumed.
    pub organisers_assumed: &'static str,
    /// Caption of the usage table.
    pub usage_caption: &'static str,
    /// Column headers.
    pub way: &'static str,
    /// Country.
    pub country: &'static str,
    /// Calls.
    pub calls: &'static str,
    /// Minutes.
    pub minutes: &'static str,
    /// Caption of the reconciliation: the card's name.
    pub reconcile_caption: fn(&str) -> String,
    /// What the reconciliation compares.
    pub reconcile_note: &'static str,
    /// Card price.
    pub card_price: &'static str,
    /// Charge (the export's `Charge`).
    pub charge: &'static str,
    /// Connection fee (the export's `Connection Fee`).
    pub connection_fee: &'static str,
    /// The totals row.
    pub total: &'static str,
    /// What each offer's calls are compared with.
    pub basis: fn(Basis) -> &'static str,
    /// The share of the calls the licence billed: share (with its % sign), calls, all calls.
    pub licence_share: fn(&str, &str, &str) -> String,
    /// Difference.
    pub difference: &'static str,
    /// Marks a line where card and bill disagree.
    pub disagrees: &'static str,
    /// Billed in another currency: amount with its currency.
    pub other_currency: fn(&str) -> String,
    /// Legs the card cannot price: way, country, calls.
    pub not_on_card: fn(&str, &str, &str) -> String,
    /// The profile's grouping: card name and increment seconds.
    pub grouped: fn(&str, &str) -> String,
    /// Replace the meetings.
    pub replace: &'static str,
    /// Add to the meetings.
    pub add: &'static str,
    /// After replacing.
    pub replaced: &'static str,
    /// After adding.
    pub added: &'static str,
    /// Nothing to add.
    pub nothing: &'static str,
    /// A file that cannot be imported: the reason.
    pub failed: fn(&str) -> String,
    /// Columns not understood.
    pub columns_not_understood: fn(&str) -> String,
    /// Entries of a zip that were skipped.
    pub skipped: fn(&str) -> String,
    /// Call types not understood, as written: the list ("“oc_ucap_in” 3, “” 1").
    pub unknown_call_types: fn(&str) -> String,
    /// An empty call type, in that list.
    pub empty: &'static str,
    /// Graph pages end with a link to a page that was not given.
    pub pages_missing: &'static str,
    /// The profile's name.
    pub profile_name: &'static str,
    /// Reasons rows were left out.
    pub reason: fn(LeftOut) -> &'static str,
    /// Why files cannot be imported.
    pub error: fn(&ExportError) -> String,
}

/// The texts of `lang`.
pub fn texts(lang: Lang) -> &'static UsageTexts {
    match lang {
        Lang::En => &EN,
        Lang::De => &DE,
        Lang::Fr => &FR,
    }
}

/// The technical detail of a zip problem (English: it names parts of the file format).
fn zip_detail(p: &ZipProblem) -> String {
    match p {
        ZipProblem::NotAZip => "not a zip archive, or cut short".into(),
        ZipProblem::Zip64 => "zip64".into(),
        ZipProblem::Damaged(what) => (*what).into(),
        ZipProblem::Unsupported(what) | ZipProblem::Corrupt(what) => what.clone(),
    }
}

const EN: UsageTexts = UsageTexts {
    heading: "Your real usage",
    reading: |read, total, rows| format!("Reading {read} of {total}, {rows} rows so far…"),
    period: |from, to, days| format!("{from} to {to} ({days} days)"),
    period_days: |days| format!("{days} days"),
    rows_read: "Rows read",
    rows_used: "Audio-conferencing calls used",
    left_out: "Left out",
    rows: |list| format!("rows {list}"),
    organisers_found: "Organisers found",
    organisers_assumed: "none in the export; 1 assumed, change it above",
    usage_caption: "Phone calls in the period",
    way: "Way of joining",
    country: "Country",
    calls: "Calls",
    minutes: "Minutes",
    reconcile_caption: |card| format!("{card} beside what you were billed (the whole period)"),
    reconcile_note: "Each call is priced under the offer that billed it. Lines where the difference is more than a cent per call are marked: the card and the real bill disagree.",
    card_price: "Card price",
    charge: "Charge",
    connection_fee: "Connection fee",
    total: "Total",
    basis: |b| match b {
        Basis::Licence => "Billed under the Audio Conferencing licence; card: the per-user model (toll dial-in included)",
        Basis::PayPerMinute => "Billed pay-per-minute; card: its per-minute price",
        Basis::Unstated => "No licence or pay-per-minute capability in the export; card: its per-minute price",
    },
    licence_share: |share, n, of| format!("The licence billed {share} of the calls ({n} of {of})."),
    difference: "Difference",
    disagrees: "differs",
    other_currency: |amount| format!("billed {amount}"),
    not_on_card: |way, country, calls| format!("{calls} calls ({way}, {country}) have no price on this card and are left out."),
    grouped: |card, seconds| format!("The calls are grouped by the {seconds}-second increments of {card}; import again after changing to a card with other increments."),
    replace: "Use instead of my meetings",
    add: "Add to my meetings",
    replaced: "Your meetings were replaced by the measured usage.",
    added: "The measured usage was added to your meetings.",
    nothing: "There are no audio-conferencing calls in this export; nothing was changed.",
    failed: |why| format!("This could not be imported: {why} Nothing was changed."),
    columns_not_understood: |list| format!("Columns not understood: {list}"),
    skipped: |list| format!("Not read (not PSTN call files): {list}"),
    unknown_call_types: |list| format!("Call types not understood: {list}"),
    empty: "(empty)",
    pages_missing: "Pages are missing: the last Graph page given links to a next page (@odata.nextLink) that was not imported. Fetch every page and import them together; until then the figures cover only part of the period.",
    profile_name: crate::form::names::measured_usage(Lang::En),
    reason: |r| match r {
        LeftOut::NotConferencing => "not audio conferencing",
        LeftOut::UnknownCallType => "call type not understood",
        LeftOut::UnknownNumberType => "dial-in number neither toll nor toll-free",
        LeftOut::UnknownCountry => "country not found",
        LeftOut::UnreadableDuration => "duration not readable",
        LeftOut::LongerThanAMeeting => "longer than 30 hours",
        LeftOut::UnreadableRow => "row not readable",
    },
    error: |e| match e {
        ExportError::NoFiles => "no file was chosen.".into(),
        ExportError::Empty { file } => format!("{file} is empty."),
        ExportError::NotAnExport { file, missing: Missing::Columns(c) } => format!("{file} is not a Teams PSTN usage export (it has no {} column).", c.join(" / ")),
        ExportError::NotAnExport { file, missing: Missing::CallsFile } => format!("{file} holds no PSTN calls file."),
        ExportError::Zip { file, problem } => format!("{file} cannot be read ({}).", zip_detail(problem)),
        ExportError::Json { file, .. } => format!("{file} is not Graph's PSTN call log."),
        ExportError::TooLarge { file, .. } => format!("{file} is too large for one JSON file."),
        ExportError::Read { file, .. } => format!("{file} could not be read."),
        ExportError::NoPeriod => "the export does not say which period it covers.".into(),
        ExportError::PeriodOutOfRange { days } => format!("a period of {days} days is out of range."),
    },
};

const DE: UsageTexts = UsageTexts {
    heading: "Ihre tatsächliche Nutzung",
    reading: |read, total, rows| format!("{read} von {total} gelesen, bisher {rows} Zeilen …"),
    period: |from, to, days| format!("{from} bis {to} ({days} Tage)"),
    period_days: |days| format!("{days} Tage"),
    rows_read: "Gelesene Zeilen",
    rows_used: "Verwendete Konferenzanrufe",
    left_out: "Nicht verwendet",
    rows: |list| format!("Zeilen {list}"),
    organisers_found: "Gefundene Organisatoren",
    organisers_assumed: "keine im Export; 1 angenommen, oben änderbar",
    usage_caption: "Telefonanrufe im Zeitraum",
    way: "Art der Teilnahme",
    country: "Land",
    calls: "Anrufe",
    minutes: "Minuten",
    reconcile_caption: |card| format!("{card} neben Ihrer tatsächlichen Abrechnung (ganzer Zeitraum)"),
    reconcile_note: "Jeder Anruf ist nach dem Angebot bepreist, über das er abgerechnet wurde. Zeilen mit mehr als einem Cent Abweichung pro Anruf sind markiert: Preisliste und Abrechnung stimmen nicht überein.",
    card_price: "Preisliste",
    charge: "Gebühr",
    connection_fee: "Verbindungsgebühr",
    total: "Summe",
    basis: |b| match b {
        Basis::Licence => "Über die Audiokonferenz-Lizenz abgerechnet; Preisliste: Modell pro Benutzer (gebührenpflichtige Einwahl inbegriffen)",
        Basis::PayPerMinute => "Pro Minute abgerechnet; Preisliste: ihr Minutenpreis",
        Basis::Unstated => "Ohne Lizenz- oder Pay-per-Minute-Angabe im Export; Preisliste: ihr Minutenpreis",
    },
    licence_share: |share, n, of| format!("Über die Lizenz wurden {share} der Anrufe abgerechnet ({n} von {of})."),
    difference: "Differenz",
    disagrees: "weicht ab",
    other_currency: |amount| format!("abgerechnet {amount}"),
    not_on_card: |way, country, calls| format!("{calls} Anrufe ({way}, {country}) haben in dieser Preisliste keinen Preis und werden nicht berücksichtigt."),
    grouped: |card, seconds| format!("Die Anrufe sind nach den {seconds}-Sekunden-Takten von {card} gruppiert; nach einem Wechsel zu einer Preisliste mit anderem Takt bitte erneut importieren."),
    replace: "Statt meiner Besprechungen verwenden",
    add: "Zu meinen Besprechungen hinzufügen",
    replaced: "Ihre Besprechungen wurden durch die gemessene Nutzung ersetzt.",
    added: "Die gemessene Nutzung wurde zu Ihren Besprechungen hinzugefügt.",
    nothing: "Dieser Export enthält keine Audiokonferenz-Anrufe; nichts wurde geändert.",
    failed: |why| format!("Import nicht möglich: {why} Nichts wurde geändert."),
    columns_not_understood: |list| format!("Nicht erkannte Spalten: {list}"),
    skipped: |list| format!("Nicht gelesen (keine PSTN-Anrufdateien): {list}"),
    unknown_call_types: |list| format!("Nicht erkannte Anruftypen: {list}"),
    empty: "(leer)",
    pages_missing: "Es fehlen Seiten: Die letzte Graph-Seite verweist auf eine weitere Seite (@odata.nextLink), die nicht importiert wurde. Rufen Sie alle Seiten ab und importieren Sie sie zusammen; bis dahin decken die Zahlen nur einen Teil des Zeitraums ab.",
    profile_name: crate::form::names::measured_usage(Lang::De),
    reason: |r| match r {
        LeftOut::NotConferencing => "keine Audiokonferenz",
        LeftOut::UnknownCallType => "Anruftyp nicht erkannt",
        LeftOut::UnknownNumberType => "Einwahlnummer weder gebührenpflichtig noch gebührenfrei",
        LeftOut::UnknownCountry => "Land nicht gefunden",
        LeftOut::UnreadableDuration => "Dauer nicht lesbar",
        LeftOut::LongerThanAMeeting => "länger als 30 Stunden",
        LeftOut::UnreadableRow => "Zeile nicht lesbar",
    },
    error: |e| match e {
        ExportError::NoFiles => "keine Datei ausgewählt.".into(),
        ExportError::Empty { file } => format!("{file} ist leer."),
        ExportError::NotAnExport { file, missing: Missing::Columns(c) } => format!("{file} ist kein Teams-PSTN-Nutzungsexport (die Spalte {} fehlt).", c.join(" / ")),
        ExportError::NotAnExport { file, missing: Missing::CallsFile } => format!("{file} enthält keine PSTN-Anrufdatei."),
        ExportError::Zip { file, problem } => format!("{file} ist nicht lesbar ({}).", zip_detail(problem)),
        ExportError::Json { file, .. } => format!("{file} ist kein PSTN-Anrufprotokoll von Graph."),
        ExportError::TooLarge { file, .. } => format!("{file} ist für eine JSON-Datei zu groß."),
        ExportError::Read { file, .. } => format!("{file} konnte nicht gelesen werden."),
        ExportError::NoPeriod => "der Export nennt keinen Zeitraum.".into(),
        ExportError::PeriodOutOfRange { days } => format!("ein Zeitraum von {days} Tagen liegt außerhalb des Bereichs."),
    },
};

const FR: UsageTexts = UsageTexts {
    heading: "Votre utilisation réelle",
    reading: |read, total, rows| format!("{read} lus sur {total}, {rows} lignes jusqu’ici…"),
    period: |from, to, days| format!("du {from} au {to} ({days} jours)"),
    period_days: |days| format!("{days} jours"),
    rows_read: "Lignes lues",
    rows_used: "Appels de conférence utilisés",
    left_out: "Écartées",
    rows: |list| format!("lignes {list}"),
    organisers_found: "Organisateurs trouvés",
    organisers_assumed: "aucun dans l’export ; 1 supposé, modifiable ci-dessus",
    usage_caption: "Appels téléphoniques sur la période",
    way: "Mode de connexion",
    country: "Pays",
    calls: "Appels",
    minutes: "Minutes",
    reconcile_caption: |card| format!("{card} face à votre facturation réelle (toute la période)"),
    reconcile_note: "Chaque appel est tarifé selon l’offre qui l’a facturé. Les lignes dont l’écart dépasse un centime par appel sont signalées : la grille et la facture réelle ne concordent pas.",
    card_price: "Prix de la grille",
    charge: "Montant",
    connection_fee: "Frais de connexion",
    total: "Total",
    basis: |b| match b {
        Basis::Licence => "Facturés au titre de la licence d’audioconférence ; grille : modèle par utilisateur (accès payant inclus)",
        Basis::PayPerMinute => "Facturés à la minute ; grille : son prix à la minute",
        Basis::Unstated => "Sans licence ni paiement à la minute indiqués dans l’export ; grille : son prix à la minute",
    },
    licence_share: |share, n, of| format!("La licence a facturé {share} des appels ({n} sur {of})."),
    difference: "Écart",
    disagrees: "diffère",
    other_currency: |amount| format!("facturé {amount}"),
    not_on_card: |way, country, calls| format!("{calls} appels ({way}, {country}) n’ont pas de prix dans cette grille et sont écartés."),
    grouped: |card, seconds| format!("Les appels sont regroupés selon les paliers de {seconds} secondes de {card} ; importez à nouveau après avoir choisi une grille à d’autres paliers."),
    replace: "Remplacer mes réunions",
    add: "Ajouter à mes réunions",
    replaced: "Vos réunions ont été remplacées par l’utilisation mesurée.",
    added: "L’utilisation mesurée a été ajoutée à vos réunions.",
    nothing: "Cet export ne contient aucun appel d’audioconférence ; rien n’a été modifié.",
    failed: |why| format!("Import impossible : {why} Rien n’a été modifié."),
    columns_not_understood: |list| format!("Colonnes non reconnues : {list}"),
    skipped: |list| format!("Non lus (pas des fichiers d’appels RTC) : {list}"),
    unknown_call_types: |list| format!("Types d’appel non reconnus : {list}"),
    empty: "(vide)",
    pages_missing: "Des pages manquent : la dernière page Graph fournie renvoie à une page suivante (@odata.nextLink) qui n’a pas été importée. Récupérez toutes les pages et importez-les ensemble ; d’ici là, les chiffres ne couvrent qu’une partie de la période.",
    profile_name: crate::form::names::measured_usage(Lang::Fr),
    reason: |r| match r {
        LeftOut::NotConferencing => "pas d’audioconférence",
        LeftOut::UnknownCallType => "type d’appel non reconnu",
        LeftOut::UnknownNumberType => "numéro d’accès ni payant ni gratuit",
        LeftOut::UnknownCountry => "pays introuvable",
        LeftOut::UnreadableDuration => "durée illisible",
        LeftOut::LongerThanAMeeting => "plus de 30 heures",
        LeftOut::UnreadableRow => "ligne illisible",
    },
    error: |e| match e {
        ExportError::NoFiles => "aucun fichier choisi.".into(),
        ExportError::Empty { file } => format!("{file} est vide."),
        ExportError::NotAnExport { file, missing: Missing::Columns(c) } => format!("{file} n’est pas un export d’utilisation RTC de Teams (la colonne {} manque).", c.join(" / ")),
        ExportError::NotAnExport { file, missing: Missing::CallsFile } => format!("{file} ne contient aucun fichier d’appels RTC."),
        ExportError::Zip { file, problem } => format!("{file} est illisible ({}).", zip_detail(problem)),
        ExportError::Json { file, .. } => format!("{file} n’est pas le journal d’appels RTC de Graph."),
        ExportError::TooLarge { file, .. } => format!("{file} est trop volumineux pour un seul fichier JSON."),
        ExportError::Read { file, .. } => format!("{file} n’a pas pu être lu."),
        ExportError::NoPeriod => "l’export n’indique pas la période couverte.".into(),
        ExportError::PeriodOutOfRange { days } => format!("une période de {days} jours est hors limites."),
    },
};
