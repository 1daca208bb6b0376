//! What an import produces: the scenario of the measured calls and the report that says how it
//! was made (period, rows read and left out, organisers, minutes, the tenant's own charges).
//!
//! The rules by which they are made are in `build.rs`.

use super::organisers::OrganiserUsage;
use crate::rating::mix::Steps;
use serde::{Deserialize, Serialize};

use crate::rating::{Call, ScenarioDocument};

/// Choices for an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    /// Organisers, instead of the UPNs counted.
    pub organisers: Option<u64>,
    /// The period in days, when the files give none.
    pub days: Option<u32>,
    /// The measured profile's name.
    pub profile_name: String,
    /// The steps each organiser's billable seconds are counted in (the licence mix's card's).
    pub steps: Steps,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            organisers: None,
            days: None,
            profile_name: "Measured usage".into(),
            steps: Steps::default(),
        }
    }
}

/// The scenario and the report of an import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Imported {
    /// The measured profiles (and organisers), ready to price.
    pub scenario: ScenarioDocument,
    /// How it was made.
    pub report: Report,
    /// The scenario's legs by the offer that billed them, for [`reconcile`]: (basis, country
    /// code, way of joining, length in seconds, calls in the period). Kept in memory only (a
    /// year has tens of thousands of lengths; the scenario already carries them).
    ///
    /// [`reconcile`]: super::reconcile
    #[serde(skip)]
    pub by_basis: Vec<BasisGroup>,
    /// Each organiser's calls, for the licence mix ([`licence_mix`]). In memory only: it holds
    /// the organisers' addresses, which never leave the machine.
    ///
    /// [`licence_mix`]: super::licence_mix
    #[serde(skip)]
    pub organisers: OrganiserUsage,
}

/// Calls of one length, of one way of joining, in one country, billed under one offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct BasisGroup {
    /// The offer that billed them.
    pub basis: Basis,
    /// Country code.
    pub country: crate::rating::CountryCode,
    /// Way of joining.
    pub call: Call,
    /// Length of each call in whole seconds.
    pub seconds: u32,
    /// Calls in the period.
    pub legs: u64,
}

/// The offer a call was billed under, from the export's `Capability` (usage-export.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Basis {
    /// The per-user Audio Conferencing licence (`MCOMEETADD`): compared with what the per-user
    /// model charges (toll dial-in included, toll-free and dial-out per minute).
    Licence,
    /// Pay-per-minute (`MCOMEETACPEA`, or Communications Credits `MCOPSTNPP`): compared with
    /// the card's per-minute price.
    PayPerMinute,
    /// No capability, or another one (a Calling Plan): compared with the per-minute price.
    Unstated,
}

impl Basis {
    /// The basis a `Capability` value names (case and spaces ignored).
    pub fn of_capability(text: &str) -> Basis {
        let t = text.trim();
        if t.eq_ignore_ascii_case("MCOMEETADD") {
            Basis::Licence
        } else if t.eq_ignore_ascii_case("MCOMEETACPEA") || t.eq_ignore_ascii_case("MCOPSTNPP") {
            Basis::PayPerMinute
        } else {
            Basis::Unstated
        }
    }

    /// The basis as an English phrase.
    pub fn describe(self) -> &'static str {
        match self {
            Basis::Licence => "billed under the Audio Conferencing licence (MCOMEETADD)",
            Basis::PayPerMinute => "billed pay-per-minute (MCOMEETACPEA, MCOPSTNPP)",
            Basis::Unstated => "no pay-per-minute or licence capability",
        }
    }
}

/// What kind of file a [`FileNote`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FileKind {
    /// The admin center's zip.
    Zip,
    /// A CSV export.
    Csv,
    /// Graph JSON pages.
    GraphJson,
    /// The export's `parameters.json`.
    Parameters,
}

/// One file read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FileNote {
    /// Its name.
    pub name: String,
    /// What it is.
    pub kind: FileKind,
    /// Entries of a zip that were read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<String>,
    /// Entries of a zip that were not (not PSTN call files).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped_entries: Vec<String>,
    /// Column headers that were not understood.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns_not_understood: Vec<String>,
}

impl FileNote {
    /// A note of a file, before anything is known about its contents.
    pub fn new(name: &str, kind: FileKind) -> FileNote {
        FileNote {
            name: name.chars().take(200).collect(),
            kind,
            entries: Vec::new(),
            skipped_entries: Vec::new(),
            columns_not_understood: Vec::new(),
        }
    }
}

/// Where the period came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PeriodSource {
    /// The export's `parameters.json`.
    Parameters,
    /// The first and last call's start.
    CallTimes,
    /// Given by the person importing.
    Given,
}

/// The period the export covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Period {
    /// First day (`YYYY-MM-DD`, UTC), when known.
    pub from: Option<String>,
    /// Last day, included.
    pub to: Option<String>,
    /// Days.
    pub days: u32,
    /// Where it came from.
    pub source: PeriodSource,
    /// Calls per month = calls in the period × this.
    pub month_factor: String,
}

/// Rows left out for one reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LeftOutRows {
    /// Why.
    pub reason: LeftOut,
    /// How many.
    pub count: u64,
    /// The first few row numbers (the header is row 1).
    pub first_rows: Vec<u64>,
}

/// A name with a count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Named {
    /// The name (a call type, a capability).
    pub name: String,
    /// Rows.
    pub count: u64,
}

/// Phone usage of one way of joining in one country over the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UsageRow {
    /// Way of joining.
    pub call: Call,
    /// Country code.
    pub country: String,
    /// Calls.
    pub legs: u64,
    /// Their length in seconds, added up.
    pub seconds: u64,
}

/// What the tenant was billed for one way of joining in one country under one offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BilledRow {
    /// The offer that billed them.
    pub basis: Basis,
    /// Way of joining.
    pub call: Call,
    /// Country code.
    pub country: String,
    /// ISO 4217 code ("" when the rows named none).
    pub currency: String,
    /// Calls.
    pub legs: u64,
    /// `Charge`, added up.
    pub charge: String,
    /// `Connection Fee`, added up.
    pub connection_fee: String,
    /// Charge plus connection fee.
    pub amount: String,
}

/// How an import was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The files read.
    pub files: Vec<FileNote>,
    /// The period.
    pub period: Period,
    /// Call rows read (headers not counted).
    pub rows_read: u64,
    /// Rows that became legs.
    pub rows_used: u64,
    /// Rows left out, by reason.
    pub left_out: Vec<LeftOutRows>,
    /// Rows that are not audio conferencing, by call type.
    pub not_conferencing: Vec<Named>,
    /// Rows whose call type is not one the documentation names, by its spelling.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unknown_call_types: Vec<Named>,
    /// Graph pages end with an `@odata.nextLink` whose page was not given: the export is
    /// incomplete (every page given links to a next one).
    #[serde(default)]
    pub pages_missing: bool,
    /// Distinct UPNs of the rows used.
    pub organisers_found: u64,
    /// The scenario's organisers.
    pub organisers: u64,
    /// Phone usage over the period, by way of joining then country.
    pub usage: Vec<UsageRow>,
    /// The tenant's own charges, by offer, way of joining, country and currency.
    pub billed: Vec<BilledRow>,
    /// Rows used per capability (licence).
    pub capabilities: Vec<Named>,
    /// Rows used whose start time could not be read.
    pub start_times_unreadable: u64,
    /// Rows used whose charge or connection fee could not be read (taken as 0).
    pub charges_unreadable: u64,
}

/// Why a row was not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum LeftOut {
    /// A call type other than `conf_in` and `conf_out` (a user's own calls, auto attendants).
    NotConferencing,
    /// The call type is empty or not one the export uses.
    UnknownCallType,
    /// A dial-in row whose number type is neither toll nor toll-free.
    UnknownNumberType,
    /// No country could be found (name not understood, number missing or shared).
    UnknownCountry,
    /// The duration is not a whole number of seconds.
    UnreadableDuration,
    /// Longer than 30 hours, the longest a Teams meeting lasts.
    LongerThanAMeeting,
    /// The row itself could not be read (a field longer than the import takes).
    UnreadableRow,
}

impl LeftOut {
    /// The reason as an English phrase (the widget translates the code).
    pub fn describe(self) -> &'static str {
        match self {
            LeftOut::NotConferencing => "not audio conferencing",
            LeftOut::UnknownCallType => "call type not understood",
            LeftOut::UnknownNumberType => {
                "dial-in with a number type that is neither toll nor toll-free"
            }
            LeftOut::UnknownCountry => "country not found",
            LeftOut::UnreadableDuration => "duration not a whole number of seconds",
            LeftOut::LongerThanAMeeting => "longer than 30 hours",
            LeftOut::UnreadableRow => "row could not be read",
        }
    }
}
