//! The Teams PSTN usage export (`../shared/spec/usage-export.md`) turned into a scenario of the
//! tenant's real calls and a report of how: the admin center's zip or CSV, or Graph's
//! `getPstnCalls` JSON pages, read as a stream (a year of a large tenant in bounded memory).
//!
//! The same code runs natively (`ppm usage`, `ppm batch`) and in the browser (a lazily loaded
//! module of its own); nothing here reads files or knows of the web: [`UsageImport`] asks for
//! byte ranges and is handed them. [`reconcile`] sets a card's prices beside the tenant's bill.
//!
//! ```
//! use ppm_pricing::usage_export::{ImportOptions, UsageImport};
//! let csv = "Call Type,Number Type,Destination Dialed,Duration Seconds,UPN,Start Time\n\
//!            conf_in,toll,Germany,125,ann@example.com,2026-03-01T09:00:00Z\n";
//! let mut import = UsageImport::new(vec![("calls.csv".into(), csv.len() as u64)]);
//! while let Some(need) = import.need() {
//!     import.give(&csv.as_bytes()[need.start as usize..need.end as usize]).unwrap();
//! }
//! let imported = import.finish(&ImportOptions::default()).unwrap();
//! assert_eq!(imported.report.rows_used, 1);
//! // One day: 30.4375 calls a month for each call of the period.
//! assert_eq!(imported.report.period.month_factor, "30.4375");
//! ```

#[cfg(feature = "usage-export")]
mod build;
#[cfg(feature = "usage-export")]
mod columns;
#[cfg(feature = "usage-export")]
mod csv_stream;
#[cfg(feature = "usage-export")]
mod driver;
#[cfg(feature = "usage-export")]
mod graph;
mod legs;
mod mix;
#[cfg(feature = "cli")]
mod native;
#[cfg(feature = "usage-export")]
mod organiser_tally;
mod organisers;
#[cfg(feature = "usage-export")]
mod phone_numbers;
mod problems;
mod reconcile;
mod report;
#[cfg(feature = "cli")]
pub mod sample;
#[cfg(feature = "usage-export")]
mod tally;
#[cfg(feature = "usage-export")]
mod values;
#[cfg(feature = "usage-export")]
mod zip;

use std::fmt;

#[cfg(feature = "usage-export")]
pub use build::for_card;
#[cfg(feature = "usage-export")]
pub use columns::Column;
#[cfg(feature = "usage-export")]
pub use driver::{Need, UsageImport, CHUNK};
pub use mix::{
    licence_mix, licence_mix_of, mix_input, LicenceMix, MixMethod, MixOrganiser, NamedSplit,
};
#[cfg(feature = "cli")]
pub use native::{import_bytes, import_paths};
pub use organisers::{Counted, OrganiserUsage, MAX_NAMED};
#[cfg(feature = "usage-export")]
pub use phone_numbers::country_of_number;
pub use problems::{JsonProblem, ZipProblem};
pub use reconcile::{
    fit_to_card, reconcile, NotOnCard, ReconciledLine, ReconciledTotals, Reconciliation,
};
pub use report::{
    Basis, BasisGroup, BilledRow, FileKind, FileNote, ImportOptions, Imported, LeftOut,
    LeftOutRows, Named, Period, PeriodSource, Report, UsageRow,
};
#[cfg(feature = "usage-export")]
pub use tally::MAX_LEG_SECONDS;

/// What a file that is not an export lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// Columns the import needs (their names in the admin center's export).
    Columns(Vec<&'static str>),
    /// A zip without a PSTN calls CSV.
    CallsFile,
}

/// Why files cannot be imported (then nothing of them is used).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// No file was given.
    NoFiles,
    /// A file has no bytes or no rows.
    Empty {
        /// The file.
        file: String,
    },
    /// A file lacks what the export has (columns, the calls file in a zip).
    NotAnExport {
        /// The file.
        file: String,
        /// What is missing.
        missing: Missing,
    },
    /// A zip that cannot be read.
    Zip {
        /// The file.
        file: String,
        /// What is wrong.
        problem: ZipProblem,
    },
    /// JSON that is not Graph's call log.
    Json {
        /// The file.
        file: String,
        /// What is wrong.
        problem: JsonProblem,
    },
    /// A JSON file larger than the import reads.
    TooLarge {
        /// The file.
        file: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// The bytes handed over were not the ones asked for.
    Read {
        /// The file.
        file: String,
        /// What happened.
        why: String,
    },
    /// Neither `parameters.json` nor readable start times give the period.
    NoPeriod,
    /// A period of 0 days or over ten years.
    PeriodOutOfRange {
        /// The days.
        days: u32,
    },
}

/// `text` without control characters, at most 120 characters (file names come from people).
fn shown(text: &str) -> String {
    let mut out: String = text
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .take(120)
        .collect();
    if text.chars().count() > 120 {
        out.push('…');
    }
    out
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::NoFiles => f.write_str("no file to import"),
            ExportError::Empty { file } => write!(f, "{} is empty", shown(file)),
            ExportError::NotAnExport { file, missing } => {
                let lacks = match missing {
                    Missing::Columns(c) if c.len() == 1 => format!("it has no {} column", c[0]),
                    Missing::Columns(c) => format!("it has no {} columns", c.join(" and ")),
                    Missing::CallsFile => "it holds no PSTN calls CSV file".to_string(),
                };
                write!(
                    f,
                    "{} is not a Teams PSTN usage export: {lacks} (export it in the Teams admin \
                     center: Analytics & reports, Usage reports, PSTN and SMS usage, Export to \
                     Excel)",
                    shown(file)
                )
            }
            ExportError::Zip { file, problem } => {
                let why = match problem {
                    ZipProblem::NotAZip => "it is not a zip archive, or it is cut short".to_string(),
                    ZipProblem::Zip64 => "it is a zip64 archive (over 4 GB), which is not read; unpack it and import the CSV".to_string(),
                    ZipProblem::Damaged(what) => format!("it is damaged: {what}"),
                    ZipProblem::Unsupported(what) | ZipProblem::Corrupt(what) => shown(what),
                };
                write!(f, "{} cannot be read: {why}", shown(file))
            }
            ExportError::Json { file, problem } => write!(
                f,
                "{} is not Graph's PSTN call log: {}",
                shown(file),
                shown(&problem.to_string())
            ),
            ExportError::TooLarge { file, limit } => write!(
                f,
                "{} is larger than {} MB; split Graph's pages into several files",
                shown(file),
                limit >> 20
            ),
            ExportError::Read { file, why } => {
                write!(f, "{} could not be read: {}", shown(file), shown(why))
            }
            ExportError::NoPeriod => f.write_str(
                "the export does not say which period it covers (no parameters.json and no \
                 readable start times); give the number of days",
            ),
            ExportError::PeriodOutOfRange { days } => write!(
                f,
                "a period of {days} days cannot be turned into a month (1 to 3,660 days)"
            ),
        }
    }
}

impl std::error::Error for ExportError {}
