//! Rate-sheet import (native only): vendors publish per-minute rates as a spreadsheet with one
//! tab each for toll dial-in, toll-free dial-in and dial-out. This turns CSV exports of those
//! tabs (a country name or ISO code and a rate per row) into a rate card, taking everything
//! else (currency, billing, licence, zones, credits) from a template card.

use std::fmt;

use crate::rating::card::{CardDocument, CountryDocument, DecimalText};
use crate::rating::{Call, CardError, RateCard};

pub use crate::country_names::{find_country, COUNTRY_NAMES};
pub use sheet::{parse_sheet, ImportError, Sheet, SheetProblem};

mod sheet;

/// Everything that can go wrong in an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A sheet could not be read.
    Sheet(ImportError),
    /// The resulting card breaks a rate-card rule.
    Card(CardError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Sheet(e) => e.fmt(f),
            Error::Card(e) => write!(f, "the imported card is not valid: {e}"),
        }
    }
}

impl std::error::Error for Error {}

/// What to change besides the rates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CardOverrides {
    /// New card id.
    pub id: Option<String>,
    /// New card name.
    pub name: Option<String>,
    /// New source note.
    pub source: Option<String>,
    /// New effective date (`YYYY-MM-DD`).
    pub effective_from: Option<String>,
    /// New illustrative flag.
    pub illustrative: Option<bool>,
}

/// What an import did, for the person who runs it: per sheet, how many rates it set, which
/// countries it added and which of the template's rates it dropped; which ways of joining kept
/// the template's rates; the card's id and name and whether they were derived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    /// Per sheet: (way of joining, rates set, countries added, template rates dropped).
    pub sheets: Vec<(Call, usize, Vec<String>, Vec<String>)>,
    /// Ways of joining without a sheet, with how many of the template's rates they keep.
    pub kept: Vec<(Call, usize)>,
    /// The new card's id and name.
    pub id: String,
    /// The new card's name.
    pub name: String,
    /// Whether id and name were derived from the template's (no `--id` / `--name`).
    pub derived: bool,
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |codes: &[String]| {
            if codes.is_empty() {
                "none".to_string()
            } else {
                codes.join(", ")
            }
        };
        writeln!(
            f,
            "card \"{}\" ({}){}",
            self.name,
            self.id,
            if self.derived {
                "; id and name derived from the template: give --id and --name to choose them"
            } else {
                ""
            }
        )?;
        for (call, set, added, dropped) in &self.sheets {
            writeln!(
                f,
                "{}: {set} rates from the sheet; added (not in the template): {}; dropped \
                 (in the template, not in the sheet): {}",
                call.describe(),
                list(added),
                list(dropped)
            )?;
        }
        for (call, kept) in &self.kept {
            writeln!(
                f,
                "{}: no sheet; {kept} rates kept from the template",
                call.describe()
            )?;
        }
        Ok(())
    }
}

/// Builds a card from a template and sheets. Each sheet replaces all rates of its call type:
/// a country the sheet does not list loses that rate (the report names it), a country the
/// template lacks is added. Zones and credits availability come from the template. Without an
/// id or name the card gets the template's with "-imported" / " (imported)" (a card must not
/// pass for its template). The result is validated.
pub fn build_card(
    template: &RateCard,
    sheets: &[Sheet],
    overrides: &CardOverrides,
) -> Result<(RateCard, CardDocument, ImportReport), Error> {
    let mut doc = template.to_document();
    let mut report_sheets = Vec::new();
    for sheet in sheets {
        let had: Vec<String> = doc
            .countries
            .iter()
            .filter(|c| rate_of(c, sheet.call).is_some())
            .map(|c| c.code.clone())
            .collect();
        let listed: Vec<String> = sheet.rates.iter().map(|(c, _)| c.to_string()).collect();
        let dropped = had
            .iter()
            .filter(|c| !listed.contains(c))
            .cloned()
            .collect();
        let added = listed
            .iter()
            .filter(|c| !doc.countries.iter().any(|d| d.code == **c))
            .cloned()
            .collect();
        report_sheets.push((sheet.call, sheet.rates.len(), added, dropped));
        for c in &mut doc.countries {
            *slot(c, sheet.call) = None;
        }
        for (code, rate) in &sheet.rates {
            let code_text = code.to_string();
            let idx = match doc.countries.iter().position(|c| c.code == code_text) {
                Some(i) => i,
                None => {
                    doc.countries.push(CountryDocument {
                        code: code_text,
                        zone: None,
                        toll_dial_in: None,
                        toll_free_dial_in: None,
                        dial_out: None,
                        credits_available: None,
                        audio_conferencing_available: None,
                    });
                    doc.countries.len() - 1
                }
            };
            *slot(&mut doc.countries[idx], sheet.call) = Some(DecimalText(rate.clone()));
        }
    }
    doc.countries.sort_by(|a, b| a.code.cmp(&b.code));
    let kept = [Call::TollDialIn, Call::TollFreeDialIn, Call::DialOut]
        .into_iter()
        .filter(|call| !sheets.iter().any(|s| s.call == *call))
        .map(|call| {
            let n = doc
                .countries
                .iter()
                .filter(|c| rate_of(c, call).is_some())
                .count();
            (call, n)
        })
        .collect();
    let derived = overrides.id.is_none() || overrides.name.is_none();
    doc.id = match &overrides.id {
        Some(v) => v.clone(),
        None => format!("{}-imported", template.id()),
    };
    doc.name = match &overrides.name {
        Some(v) => v.clone(),
        None => format!("{} (imported)", template.name()),
    };
    // The template's translated names belong to the template.
    for (_, texts) in &mut doc.translations.0 {
        texts.name = None;
    }
    if let Some(v) = &overrides.source {
        doc.source = v.clone();
    }
    if let Some(v) = &overrides.effective_from {
        doc.effective_from.0 = v.clone();
    }
    if let Some(v) = overrides.illustrative {
        doc.illustrative = v;
    }
    let card = RateCard::from_document(doc.clone()).map_err(Error::Card)?;
    let report = ImportReport {
        sheets: report_sheets,
        kept,
        id: doc.id.clone(),
        name: doc.name.clone(),
        derived,
    };
    Ok((card, doc, report))
}

fn rate_of(c: &CountryDocument, call: Call) -> &Option<DecimalText> {
    match call {
        Call::TollDialIn => &c.toll_dial_in,
        Call::TollFreeDialIn => &c.toll_free_dial_in,
        Call::DialOut | Call::App => &c.dial_out,
    }
}

fn slot(c: &mut CountryDocument, call: Call) -> &mut Option<DecimalText> {
    match call {
        Call::TollDialIn => &mut c.toll_dial_in,
        Call::TollFreeDialIn => &mut c.toll_free_dial_in,
        Call::DialOut | Call::App => &mut c.dial_out,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::sheet::parse_rate;
    use super::*;
    use crate::country_names::fold;
    use crate::rating::CountryCode;

    #[test]
    fn sheet_problems_are_kinds_with_their_line() {
        let de = CountryCode::parse("DE").unwrap();
        let problem = |text: &str| parse_sheet(text, "s.csv", Call::DialOut).unwrap_err();
        // Line 3 repeats the country of line 2 (line 1 is the header).
        let e = problem("Country,Rate\nGermany,0.01\nDE,0.02\n");
        assert_eq!(
            (e.line, &e.problem),
            (
                Some(3),
                &SheetProblem::Twice {
                    country: de,
                    first: 2
                }
            )
        );
        let e = problem("Country,Rate\nGermany,lots\n");
        assert_eq!(
            e.problem,
            SheetProblem::NotARate {
                text: "lots".into(),
                country: de
            }
        );
        assert_eq!(problem("").problem, SheetProblem::Empty);
        assert_eq!(
            problem("A,B,C\nx,y,z\n").problem,
            SheetProblem::UnclearHeader {
                headers: vec!["A".into(), "B".into(), "C".into()]
            }
        );
        assert_eq!(
            e.to_string(),
            "rate sheet s.csv, line 2: \"lots\" is not a rate for DE; write a number of 0 or \
             more, such as 0.0280, without a currency sign"
        );
    }

    #[test]
    fn finds_countries_by_code_name_and_alias() {
        assert_eq!(find_country("de").unwrap().as_str(), "DE");
        assert_eq!(find_country("Germany").unwrap().as_str(), "DE");
        assert_eq!(
            find_country("  united states of america ")
                .unwrap()
                .as_str(),
            "US"
        );
        assert_eq!(find_country("Korea, Republic of").unwrap().as_str(), "KR");
        assert_eq!(find_country("Cote d’Ivoire").unwrap().as_str(), "CI");
        assert_eq!(find_country("Hong Kong SAR").unwrap().as_str(), "HK");
        assert_eq!(find_country("Atlantis"), None);
        assert_eq!(find_country(""), None);
    }

    #[test]
    fn names_are_unambiguous() {
        let mut seen = BTreeMap::new();
        for (code, names) in COUNTRY_NAMES {
            for n in *names {
                if let Some(other) = seen.insert(fold(n), *code) {
                    assert_eq!(other, *code, "{n} names two countries");
                }
            }
        }
    }

    #[test]
    fn rates_accept_decimal_comma() {
        assert_eq!(parse_rate("0,028").as_deref(), Some("0.028"));
        assert_eq!(parse_rate("0.0280").as_deref(), Some("0.0280"));
        assert_eq!(parse_rate("-1"), None);
        assert_eq!(parse_rate("$0.02"), None);
    }
}
