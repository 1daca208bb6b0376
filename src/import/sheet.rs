//! One rate sheet (a CSV export of one tab of a vendor's rate spreadsheet) read into a rate
//! per country, with what is wrong with it as a kind ([`SheetProblem`]) and where
//! ([`ImportError`]).

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;

use crate::country_names::find_country;
use crate::rating::{Call, CountryCode};

/// What is wrong with a rate sheet, as a kind with its values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetProblem {
    /// A row the CSV reader cannot read (its own words).
    NotCsv {
        /// The reader's message.
        message: String,
    },
    /// No rows.
    Empty,
    /// A header whose country and rate columns cannot be told apart.
    UnclearHeader {
        /// The header's cells.
        headers: Vec<String>,
    },
    /// A country that is neither an ISO code nor a known name.
    UnknownCountry {
        /// The cell as written.
        name: String,
    },
    /// A row without a rate.
    NoRate {
        /// The row's country.
        country: CountryCode,
    },
    /// A rate that is not a number of 0 or more.
    NotARate {
        /// The cell as written.
        text: String,
        /// The row's country.
        country: CountryCode,
    },
    /// A country listed twice.
    Twice {
        /// The country.
        country: CountryCode,
        /// The line it is first on.
        first: usize,
    },
}

impl fmt::Display for SheetProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::rating::problem::quoted;
        match self {
            SheetProblem::NotCsv { message } => write!(f, "not a readable CSV row: {message}"),
            SheetProblem::Empty => f.write_str("the sheet is empty"),
            SheetProblem::UnclearHeader { headers } => write!(
                f,
                "cannot tell the country and rate columns apart in the header ({}); name them \
                 \"Country\" and \"Rate\"",
                quoted(&headers.join(", "))
            ),
            SheetProblem::UnknownCountry { name } => write!(
                f,
                "unknown country \"{}\"; use an ISO 3166-1 code such as DE or an English name \
                 such as Germany",
                quoted(name)
            ),
            SheetProblem::NoRate { country } => {
                write!(f, "no rate for {country}; enter a rate or remove the row")
            }
            SheetProblem::NotARate { text, country } => write!(
                f,
                "\"{}\" is not a rate for {country}; write a number of 0 or more, such as \
                 0.0280, without a currency sign",
                quoted(text)
            ),
            SheetProblem::Twice { country, first } => {
                write!(f, "{country} appears twice (first on line {first})")
            }
        }
    }
}

/// A problem with a rate sheet, naming the sheet and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The sheet's name (usually its file name).
    pub sheet: String,
    /// 1-based line in the sheet, where known.
    pub line: Option<usize>,
    /// What is wrong.
    pub problem: SheetProblem,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "rate sheet {}", self.sheet)?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        write!(f, ": {}", self.problem)
    }
}

impl std::error::Error for ImportError {}

/// One parsed sheet: a rate per country, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The call type the sheet prices.
    pub call: Call,
    /// `(country, rate as written)` per row.
    pub rates: Vec<(CountryCode, String)>,
}

/// Parses a rate cell: a non-negative decimal; a decimal comma is accepted when there is no
/// point ("0,028").
pub(super) fn parse_rate(cell: &str) -> Option<String> {
    let t = cell.trim();
    let t = if t.contains(',') && !t.contains('.') {
        t.replace(',', ".")
    } else {
        t.to_string()
    };
    match Decimal::from_str_exact(&t) {
        Ok(d) if !d.is_sign_negative() || d.is_zero() => Some(t),
        _ => None,
    }
}

fn header_index(headers: &[String], words: &[&str]) -> Option<usize> {
    headers.iter().position(|h| {
        let h = h.to_ascii_lowercase();
        words.iter().any(|w| h.contains(w))
    })
}

/// Reads one CSV sheet. The first row may be a header: the country column is the one named
/// like "code"/"iso", else "country"/"destination"; the rate column is named like
/// "rate"/"price"/"per minute". Without a header, column 1 is the country and column 2 the rate.
pub fn parse_sheet(text: &str, sheet: &str, call: Call) -> Result<Sheet, ImportError> {
    let err = |line: Option<usize>, problem: SheetProblem| ImportError {
        sheet: sheet.to_string(),
        line,
        problem,
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| {
            err(
                e.position().map(|p| p.line() as usize),
                SheetProblem::NotCsv {
                    message: e.to_string(),
                },
            )
        })?;
        let line = rec.position().map(|p| p.line() as usize).unwrap_or(0);
        let cells: Vec<String> = rec.iter().map(str::to_string).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        records.push((line, cells));
    }
    let Some((_, first)) = records.first() else {
        return Err(err(None, SheetProblem::Empty));
    };
    let has_header = first.get(1).is_none_or(|c| parse_rate(c).is_none());
    let (country_col, rate_col, skip) = if has_header {
        let headers = first.clone();
        let country = header_index(&headers, &["code", "iso"])
            .or_else(|| header_index(&headers, &["country", "destination", "region"]));
        let rate = header_index(&headers, &["rate", "price", "per min", "cost", "tariff"]);
        match (country, rate) {
            (Some(c), Some(r)) if c != r => (c, r, 1),
            _ if headers.len() == 2 => (0, 1, 1),
            _ => {
                return Err(err(
                    Some(records[0].0),
                    SheetProblem::UnclearHeader { headers },
                ))
            }
        }
    } else {
        (0, 1, 0)
    };

    let mut seen: BTreeMap<CountryCode, usize> = BTreeMap::new();
    let mut rates = Vec::new();
    for (line, cells) in records.iter().skip(skip) {
        let cell = |i: usize| cells.get(i).map(String::as_str).unwrap_or("");
        let name = cell(country_col);
        let country = find_country(name).ok_or_else(|| {
            err(
                Some(*line),
                SheetProblem::UnknownCountry {
                    name: name.to_string(),
                },
            )
        })?;
        let raw = cell(rate_col);
        if raw.is_empty() {
            return Err(err(Some(*line), SheetProblem::NoRate { country }));
        }
        let rate = parse_rate(raw).ok_or_else(|| {
            err(
                Some(*line),
                SheetProblem::NotARate {
                    text: raw.to_string(),
                    country,
                },
            )
        })?;
        if let Some(first) = seen.insert(country, *line) {
            return Err(err(Some(*line), SheetProblem::Twice { country, first }));
        }
        rates.push((country, rate));
    }
    Ok(Sheet { call, rates })
}
