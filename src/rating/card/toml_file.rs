//! Rate cards as text files (native builds only; the browser gets cards as JSON data):
//! reading TOML and JSON with errors that name the file, the line and the field, and writing
//! a card back as TOML in the layout of the shipped cards.

use std::fmt::Write as _;

use super::document::CardDocument;
use super::{CardProblem, RateCard};
use crate::rating::error::CardError;

impl RateCard {
    /// Reads and validates a TOML rate card. `file` is only used in error messages.
    pub fn from_toml_str(text: &str, file: Option<&str>) -> Result<RateCard, CardError> {
        let doc: CardDocument = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start));
            let field = line
                .map(|l| field_at_line(text, l, e.message()))
                .unwrap_or_default();
            CardError {
                file: file.map(str::to_string),
                field,
                line,
                country: None,
                problem: CardProblem::Syntax {
                    message: e.message().trim().to_string(),
                },
            }
        })?;
        RateCard::from_document(doc).map_err(|mut e| {
            e.file = file.map(str::to_string);
            e.line = locate(text, &e.field);
            e
        })
    }

    /// Reads and validates a JSON rate card (the same schema; dates as `"YYYY-MM-DD"`).
    pub fn from_json_str(text: &str, file: Option<&str>) -> Result<RateCard, CardError> {
        let doc: CardDocument = serde_json::from_str(text).map_err(|e| CardError {
            file: file.map(str::to_string),
            field: String::new(),
            line: Some(e.line()),
            country: None,
            problem: CardProblem::Syntax {
                message: e.to_string(),
            },
        })?;
        RateCard::from_document(doc).map_err(|mut e| {
            e.file = file.map(str::to_string);
            e
        })
    }
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map(|t| t.matches('\n').count() + 1)
        .unwrap_or(1)
}

/// What a line of a TOML card is: a table header, an array-of-tables header or a `key = …`.
enum Line<'a> {
    Table(&'a str),
    ArrayTable(&'a str),
    Key(&'a str),
    Other,
}

fn classify(line: &str) -> Line<'_> {
    let t = line.trim();
    if let Some(rest) = t.strip_prefix("[[") {
        return Line::ArrayTable(rest.split("]]").next().unwrap_or("").trim());
    }
    if let Some(rest) = t.strip_prefix('[') {
        return Line::Table(rest.split(']').next().unwrap_or("").trim());
    }
    match t.split_once('=') {
        Some((key, _)) if !t.starts_with('#') => Line::Key(key.trim().trim_matches('"')),
        _ => Line::Other,
    }
}

/// The field path of the value on line `line` (1-based), for parse errors: the key on that line
/// inside the table opened above it, e.g. `countries[3].toll_dial_in`. A "missing field" error
/// names the field itself.
fn field_at_line(text: &str, line: usize, message: &str) -> String {
    let mut table = String::new();
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut key = None;
    for (i, l) in text.lines().enumerate().take(line) {
        match classify(l) {
            Line::Table(name) => table = name.to_string(),
            Line::ArrayTable(name) => {
                let n = match counts.iter_mut().find(|(k, _)| k == name) {
                    Some((_, n)) => {
                        *n += 1;
                        *n
                    }
                    None => {
                        counts.push((name.to_string(), 0));
                        0
                    }
                };
                table = format!("{name}[{n}]");
            }
            Line::Key(k) if i + 1 == line => key = Some(k.to_string()),
            _ => {}
        }
    }
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|m| m.split('`').next());
    let key = missing.map(str::to_string).or(key);
    match (table.is_empty(), key) {
        (true, Some(k)) => k,
        (false, Some(k)) => format!("{table}.{k}"),
        (_, None) => table,
    }
}

/// Finds the line of a validation error's field path in the TOML text, e.g.
/// `countries[3].dial_out`, `billing.rounding`, `addons.us_canada_dial_out.countries[1]`, `id`.
fn locate(text: &str, field: &str) -> Option<usize> {
    if field.is_empty() {
        return None;
    }
    // Split "a.b[2].c[0]" into the table part and the final key (indexes on the key dropped).
    let (table_part, key) = match field.rsplit_once('.') {
        Some((t, k)) => (t, k),
        None => ("", field),
    };
    let key = key.split('[').next().unwrap_or(key);
    let (table_name, index) = match table_part.split_once('[') {
        Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
        None => (table_part, None),
    };

    let mut in_target = table_name.is_empty();
    let mut seen = 0usize;
    let mut header_line = None;
    for (i, l) in text.lines().enumerate() {
        match classify(l) {
            Line::Table(name) => {
                in_target = index.is_none() && name == table_name;
                if in_target {
                    header_line = Some(i + 1);
                }
            }
            Line::ArrayTable(name) => {
                in_target = false;
                if name == table_name {
                    if Some(seen) == index {
                        in_target = true;
                        header_line = Some(i + 1);
                    }
                    seen += 1;
                }
            }
            Line::Key(k) if in_target && k == key => return Some(i + 1),
            _ => {}
        }
    }
    if table_name.is_empty() && key == "countries" {
        return text
            .lines()
            .position(|l| matches!(classify(l), Line::ArrayTable("countries")))
            .map(|i| i + 1);
    }
    header_line
}

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Writes a card as TOML in the layout of the shipped cards (dates as TOML dates).
pub fn card_to_toml(doc: &CardDocument) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail; the results are ignored on purpose.
    let _ = writeln!(out, "id = {}", quoted(&doc.id));
    let _ = writeln!(out, "name = {}", quoted(&doc.name));
    let _ = writeln!(out, "currency = {}", quoted(&doc.currency));
    let _ = writeln!(out, "effective_from = {}", doc.effective_from.0);
    let _ = writeln!(out, "illustrative = {}", doc.illustrative);
    let _ = writeln!(out, "source = {}", quoted(&doc.source));
    if let Some(t) = &doc.tax_note {
        let _ = writeln!(out, "tax_note = {}", quoted(t));
    }
    for (lang, texts) in &doc.translations.0 {
        let _ = writeln!(out, "\n[translations.{lang}]");
        if let Some(name) = &texts.name {
            let _ = writeln!(out, "name = {}", quoted(name));
        }
        if let Some(note) = &texts.tax_note {
            let _ = writeln!(out, "tax_note = {}", quoted(note));
        }
    }
    let b = &doc.billing;
    let _ = writeln!(out, "\n[billing]");
    let _ = writeln!(out, "increment_seconds = {}", b.increment_seconds);
    let _ = writeln!(out, "minimum_seconds = {}", b.minimum_seconds);
    let _ = writeln!(out, "rounding = {}", quoted(&b.rounding));
    let _ = writeln!(out, "decimals = {}", b.decimals);
    if let Some(fee) = &b.connection_fee {
        let _ = writeln!(out, "connection_fee = {}", quoted(&fee.0));
    }
    let l = &doc.licence;
    let _ = writeln!(out, "\n[licence]");
    let _ = writeln!(
        out,
        "price_per_user_month = {}",
        quoted(&l.price_per_user_month.0)
    );
    let _ = writeln!(
        out,
        "pool_minutes_per_licence = {}",
        l.pool_minutes_per_licence
    );
    let _ = writeln!(out, "pool_basis = {}", quoted(&l.pool_basis));
    let _ = writeln!(out, "pool_zone = {}", quoted(&l.pool_zone));
    let _ = writeln!(out, "\n[credits]");
    let _ = writeln!(
        out,
        "minimum_purchase = {}",
        quoted(&doc.credits.minimum_purchase.0)
    );
    if let Some(a) = &doc.addons.us_canada_dial_out {
        let _ = writeln!(out, "\n[addons.us_canada_dial_out]");
        let _ = writeln!(
            out,
            "price_per_organiser_month = {}",
            quoted(&a.price_per_organiser_month.0)
        );
        let list: Vec<String> = a.countries.iter().map(|c| quoted(c)).collect();
        let _ = writeln!(out, "countries = [{}]", list.join(", "));
    }
    for c in &doc.countries {
        let _ = writeln!(out, "\n[[countries]]");
        let _ = writeln!(out, "code = {}", quoted(&c.code));
        if let Some(z) = &c.zone {
            let _ = writeln!(out, "zone = {}", quoted(z));
        }
        for (key, value) in [
            ("toll_dial_in", &c.toll_dial_in),
            ("toll_free_dial_in", &c.toll_free_dial_in),
            ("dial_out", &c.dial_out),
        ] {
            if let Some(v) = value {
                let _ = writeln!(out, "{key} = {}", quoted(&v.0));
            }
        }
        if let Some(avail) = c.credits_available {
            let _ = writeln!(out, "credits_available = {avail}");
        }
        if let Some(avail) = c.audio_conferencing_available {
            let _ = writeln!(out, "audio_conferencing_available = {avail}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "id = \"x\"\n\n[billing]\nrounding = \"near\"\n\n[[countries]]\ncode = \"DE\"\n\n[[countries]]\ncode = \"FR\"\ndial_out = \"-1\"\n\n[addons.us_canada_dial_out]\ncountries = [\"US\"]\n";

    #[test]
    fn locates_fields_by_path() {
        assert_eq!(locate(TEXT, "id"), Some(1));
        assert_eq!(locate(TEXT, "billing.rounding"), Some(4));
        assert_eq!(locate(TEXT, "countries[0].code"), Some(7));
        assert_eq!(locate(TEXT, "countries[1].dial_out"), Some(11));
        // A key the entry lacks points at the entry's header.
        assert_eq!(locate(TEXT, "countries[1].zone"), Some(9));
        assert_eq!(
            locate(TEXT, "addons.us_canada_dial_out.countries[0]"),
            Some(14)
        );
        assert_eq!(locate(TEXT, "nothing.here"), None);
    }

    #[test]
    fn names_the_field_on_a_line() {
        assert_eq!(field_at_line(TEXT, 11, "bad"), "countries[1].dial_out");
        assert_eq!(field_at_line(TEXT, 4, "bad"), "billing.rounding");
        assert_eq!(
            field_at_line(TEXT, 3, "missing field `decimals`"),
            "billing.decimals"
        );
    }
}
