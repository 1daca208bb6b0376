//! `ppm batch`: many scenarios priced with one card, on every core; one output row each.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use ppm_pricing::rating::quote::Cheaper;
use ppm_pricing::rating::{quote, RateCard, Scenario, ScenarioDocument};
use ppm_pricing::usage_export::{fit_to_card, import_paths, ImportOptions};
use serde_json::Value;

use crate::{input, Args, Failure};

/// One thing to price: its id and where it comes from.
enum Item {
    /// A line of JSON Lines (1-based line number).
    Line(usize, String),
    /// A file of a folder: scenario JSON, or a usage export.
    File(PathBuf),
}

/// What one scenario came to.
struct Outcome {
    id: String,
    result: Result<Summary, String>,
}

struct Summary {
    currency: String,
    per_minute: String,
    per_user: String,
    cheaper: &'static str,
    savings: String,
    break_even_factor: Option<String>,
    break_even_minutes: Option<String>,
}

const COLUMNS: &str = "id,currency,perMinuteMonthly,perUserMonthly,cheaper,savingsMonthly,breakEvenFactor,breakEvenPhoneMinutesPerOrganiser,error";

/// `ppm batch --card CARD INPUT [--format csv|jsonl] [--out FILE] [--jobs N]`.
pub fn batch(rest: &[String]) -> Result<(), Failure> {
    let a = Args::parse(
        rest,
        &[
            "--card",
            "--format",
            "--out",
            "--jobs",
            "--organisers",
            "--days",
        ],
        &[],
    )?;
    let card = crate::card_arg(&a)?;
    let [source] = a.positional.as_slice() else {
        return Err(input(format!(
            "name one input: a folder of scenario or export files, or a JSON Lines file ('-': standard input)\n{}",
            crate::USAGE
        )));
    };
    let jsonl = match a.get("--format").unwrap_or("csv") {
        "csv" => false,
        "jsonl" => true,
        other => return Err(input(format!("--format is csv or jsonl, not \"{other}\""))),
    };
    let jobs = match a.get("--jobs") {
        Some(j) => j.parse::<usize>().ok().filter(|j| *j >= 1).ok_or_else(|| {
            input(format!(
                "--jobs: \"{j}\" is not a whole number of at least 1"
            ))
        })?,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let options = crate::usage::options(&a)?;
    let items = read_items(source)?;
    let started = Instant::now();
    // Contiguous shares, one per thread, so the output keeps the input's order.
    let share = items.len().div_ceil(jobs).max(1);
    let outputs: Vec<(String, usize)> = std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(share)
            .map(|part| {
                let (card, options) = (&card, &options);
                s.spawn(move || {
                    let mut out = String::with_capacity(part.len() * 96);
                    let mut failed = 0usize;
                    for item in part {
                        let outcome = price(item, card, options);
                        failed += usize::from(outcome.result.is_err());
                        write_row(&mut out, &outcome, jsonl);
                    }
                    (out, failed)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| (String::new(), 0)))
            .collect()
    });
    let seconds = started.elapsed().as_secs_f64();
    let mut text = String::new();
    if !jsonl {
        text.push_str(COLUMNS);
        text.push('\n');
    }
    for (o, _) in &outputs {
        text.push_str(o);
    }
    match a.get("--out") {
        Some(path) => std::fs::write(path, &text)
            .map_err(|e| Failure::Other(format!("cannot write {path}: {e}")))?,
        None => crate::write_out(&text)?,
    }
    let failed: usize = outputs.iter().map(|(_, f)| f).sum();
    eprintln!(
        "ppm batch: priced {} scenarios ({failed} with an error) in {:.3} s: {:.0} scenarios/s on {jobs} thread{}",
        items.len(),
        seconds,
        items.len() as f64 / seconds.max(1e-9),
        if jobs == 1 { "" } else { "s" }
    );
    Ok(())
}

/// The items of a folder (sorted by name) or of a JSON Lines file.
fn read_items(source: &str) -> Result<Vec<Item>, Failure> {
    let path = Path::new(source);
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| input(format!("cannot read the folder {source}: {e}")))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        return Ok(files.into_iter().map(Item::File).collect());
    }
    let text = if source == "-" {
        crate::read_stdin()?
    } else {
        crate::read_file(source)?
    };
    // A JSON list of scenarios is taken too: its items are numbered like lines.
    if text.trim_start().starts_with('[') {
        if let Ok(Value::Array(items)) = serde_json::from_str::<Value>(&text) {
            return Ok(items
                .iter()
                .enumerate()
                .map(|(n, v)| Item::Line(n + 1, v.to_string()))
                .collect());
        }
    }
    Ok(text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| Item::Line(n + 1, l.to_string()))
        .collect())
}

fn price(item: &Item, card: &RateCard, options: &ImportOptions) -> Outcome {
    match item {
        Item::Line(n, text) => {
            let mut id = format!("line {n}");
            let result = (|| {
                let mut value: Value =
                    serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
                if let Some(obj) = value.as_object_mut() {
                    match obj.remove("id") {
                        Some(Value::String(s)) => id = s,
                        Some(Value::Number(n)) => id = n.to_string(),
                        Some(Value::Null) | None => {}
                        Some(_) => return Err("`id` must be a string or a number".to_string()),
                    }
                }
                let doc: ScenarioDocument =
                    serde_json::from_value(value).map_err(|e| format!("not a scenario: {e}"))?;
                summarise(card, &doc)
            })();
            Outcome { id, result }
        }
        Item::File(path) => {
            let id = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let result = (|| {
                let lower = id.to_ascii_lowercase();
                if lower.ends_with(".json") {
                    let text = std::fs::read_to_string(path)
                        .map_err(|e| format!("cannot read it: {e}"))?;
                    // Scenario JSON names organisers; anything else is taken as Graph pages.
                    if let Ok(doc) = serde_json::from_str::<ScenarioDocument>(&text) {
                        return summarise(card, &doc);
                    }
                }
                let imported =
                    import_paths(&[path.as_path()], options).map_err(|e| e.to_string())?;
                summarise(card, &fit_to_card(&imported, card).0)
            })();
            Outcome { id, result }
        }
    }
}

fn summarise(card: &RateCard, doc: &ScenarioDocument) -> Result<Summary, String> {
    let scenario = Scenario::from_document(doc).map_err(|e| e.to_string())?;
    let q = quote(card, &scenario).map_err(|e| e.to_string())?;
    Ok(Summary {
        currency: q.currency,
        per_minute: q.per_minute.monthly_total.to_string(),
        per_user: q.per_user.monthly_total.to_string(),
        cheaper: match q.cheaper {
            Cheaper::PerMinute => "perMinute",
            Cheaper::PerUser => "perUser",
            Cheaper::Equal => "equal",
        },
        savings: q.savings_monthly.to_string(),
        break_even_factor: q.break_even.factor.map(|f| f.0.normalize().to_string()),
        break_even_minutes: q
            .break_even
            .phone_minutes_per_organiser
            .map(|m| m.0.normalize().to_string()),
    })
}

/// A CSV field: quoted when needed; text that a spreadsheet would run as a formula gets a
/// leading apostrophe.
fn csv_field(text: &str) -> String {
    let t = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if t.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", t.replace('"', "\"\""))
    } else {
        t
    }
}

fn write_row(out: &mut String, o: &Outcome, jsonl: bool) {
    // Error messages are one line, without control characters.
    let error = o
        .result
        .as_ref()
        .err()
        .map(|e| crate::printable(e).replace('\n', " "));
    if jsonl {
        let value = match &o.result {
            Ok(s) => serde_json::json!({
                "id": o.id, "currency": s.currency, "perMinuteMonthly": s.per_minute,
                "perUserMonthly": s.per_user, "cheaper": s.cheaper, "savingsMonthly": s.savings,
                "breakEvenFactor": s.break_even_factor,
                "breakEvenPhoneMinutesPerOrganiser": s.break_even_minutes,
            }),
            Err(_) => serde_json::json!({ "id": o.id, "error": error }),
        };
        let _ = writeln!(out, "{value}");
        return;
    }
    match &o.result {
        Ok(s) => {
            let _ = writeln!(
                out,
                "{},{},{},{},{},{},{},{},",
                csv_field(&o.id),
                s.currency,
                s.per_minute,
                s.per_user,
                s.cheaper,
                s.savings,
                s.break_even_factor.as_deref().unwrap_or(""),
                s.break_even_minutes.as_deref().unwrap_or(""),
            );
        }
        Err(_) => {
            let _ = writeln!(
                out,
                "{},,,,,,,,{}",
                csv_field(&o.id),
                csv_field(error.as_deref().unwrap_or(""))
            );
        }
    }
}
