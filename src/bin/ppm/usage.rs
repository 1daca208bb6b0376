//! `ppm usage`: a Teams PSTN usage export turned into a scenario, with its report.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use ppm_pricing::rating::mix::Steps;
use ppm_pricing::rating::RateCard;
use ppm_pricing::usage_export::{
    fit_to_card, import_paths, licence_mix, reconcile, Basis, FileKind, ImportOptions, Imported,
    Reconciliation,
};

use crate::{input, json, write_out, Args, Failure};

/// The import's options from `--organisers` and `--days`.
pub fn options(a: &Args) -> Result<ImportOptions, Failure> {
    let whole = |flag: &str| -> Result<Option<u64>, Failure> {
        a.get(flag)
            .map(|v| {
                v.parse::<u64>()
                    .map_err(|_| input(format!("{flag}: \"{v}\" is not a whole number")))
            })
            .transpose()
    };
    Ok(ImportOptions {
        organisers: whole("--organisers")?,
        days: whole("--days")?
            .map(|d| u32::try_from(d).map_err(|_| input(format!("--days: {d} is too many"))))
            .transpose()?,
        ..ImportOptions::default()
    })
}

/// Imports the files, printing the throughput to standard error.
pub fn import(paths: &[String], options: &ImportOptions) -> Result<Imported, Failure> {
    let started = Instant::now();
    let paths: Vec<&Path> = paths.iter().map(Path::new).collect();
    let imported = import_paths(&paths, options).map_err(input)?;
    let seconds = started.elapsed().as_secs_f64();
    let bytes: u64 = paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    eprintln!(
        "ppm usage: read {} rows ({:.1} MB) in {:.2} s: {:.0} rows/s",
        imported.report.rows_read,
        bytes as f64 / 1e6,
        seconds,
        imported.report.rows_read as f64 / seconds.max(1e-9)
    );
    Ok(imported)
}

/// `ppm usage EXPORT... [--organisers N] [--days N] [--card CARD] [--report|--mix [--addon]]
/// [--json]`.
pub fn usage(rest: &[String]) -> Result<(), Failure> {
    let a = Args::parse(
        rest,
        &["--organisers", "--days", "--card"],
        &["--report", "--json", "--mix", "--addon"],
    )?;
    if a.positional.is_empty() {
        return Err(input(format!(
            "name the export: the admin center's zip or CSV, or Graph JSON pages\n{}",
            crate::USAGE
        )));
    }
    let card = a.get("--card").map(crate::load_card).transpose()?;
    let mut options = options(&a)?;
    if let Some(c) = &card {
        // Each organiser's calls are counted in the card's steps (for --mix).
        options.steps = Steps::of(c);
    }
    if a.has("--mix") || a.has("--addon") {
        let Some(card) = &card else {
            return Err(input("--mix needs --card: the card to price the mix with"));
        };
        if !a.has("--mix") || a.has("--report") {
            return Err(input(
                "--addon goes with --mix, and --mix not with --report",
            ));
        }
        let imported = import(&a.positional, &options)?;
        let started = Instant::now();
        let mix = licence_mix(&imported, card, a.has("--addon")).map_err(input)?;
        eprintln!(
            "ppm usage: the licence mix of {} organisers in {:.2} s ({} splits priced){}",
            mix.organisers.len(),
            started.elapsed().as_secs_f64(),
            mix.method.splits,
            peak_memory()
                .map(|kb| format!("; peak memory {:.1} MB", kb as f64 / 1024.0))
                .unwrap_or_default()
        );
        if a.has("--json") {
            return write_out(&json(&mix)?);
        }
        return write_out(&crate::mix::mix_table(&mix, card));
    }
    let imported = import(&a.positional, &options)?;
    let reconciliation = card
        .as_ref()
        .map(|c| reconcile(&imported, c))
        .transpose()
        .map_err(input)?;
    if a.has("--report") {
        if a.has("--json") {
            let value = serde_json::json!({
                "report": imported.report,
                "reconciliation": reconciliation,
            });
            return write_out(&json(&value)?);
        }
        return write_out(&report_table(
            &imported,
            reconciliation.as_ref(),
            card.as_ref(),
        ));
    }
    let scenario = match &card {
        Some(c) => fit_to_card(&imported, c).0,
        None => imported.scenario,
    };
    write_out(&json(&scenario)?)
}

/// The process's peak resident memory in KB, where the system says (Linux: `VmHWM`).
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Minutes of `seconds`, to one decimal.
fn minutes(seconds: u64) -> String {
    format!("{:.1}", seconds as f64 / 60.0)
}

/// The report for people.
pub fn report_table(
    imported: &Imported,
    rec: Option<&Reconciliation>,
    card: Option<&RateCard>,
) -> String {
    let r = &imported.report;
    let mut out = String::new();
    let _ = writeln!(out, "Files");
    for f in &r.files {
        let kind = match f.kind {
            FileKind::Zip => "the admin center's zip",
            FileKind::Csv => "CSV",
            FileKind::GraphJson => "Graph JSON",
            FileKind::Parameters => "parameters",
        };
        let _ = writeln!(out, "  {} ({kind})", f.name);
        for e in &f.entries {
            let _ = writeln!(out, "    read     {e}");
        }
        for e in &f.skipped_entries {
            let _ = writeln!(out, "    skipped  {e} (not a PSTN calls file)");
        }
        if !f.columns_not_understood.is_empty() {
            let _ = writeln!(
                out,
                "    columns not understood: {}",
                f.columns_not_understood.join(", ")
            );
        }
    }
    let p = &r.period;
    let _ = writeln!(
        out,
        "Period        {} to {}, {} days ({}); calls per month = calls x {}",
        p.from.as_deref().unwrap_or("?"),
        p.to.as_deref().unwrap_or("?"),
        p.days,
        match p.source {
            ppm_pricing::usage_export::PeriodSource::Parameters => "parameters.json",
            ppm_pricing::usage_export::PeriodSource::CallTimes => "first to last call",
            ppm_pricing::usage_export::PeriodSource::Given => "given",
        },
        p.month_factor
    );
    let _ = writeln!(out, "Rows read     {}", r.rows_read);
    let _ = writeln!(out, "Rows used     {}", r.rows_used);
    for l in &r.left_out {
        let rows: Vec<String> = l.first_rows.iter().map(u64::to_string).collect();
        let more = if l.count > l.first_rows.len() as u64 {
            ", …"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "Left out      {:>8}  {} (rows {}{more})",
            l.count,
            l.reason.describe(),
            rows.join(", ")
        );
    }
    for n in &r.not_conferencing {
        let _ = writeln!(out, "              {:>8}  of them {}", n.count, n.name);
    }
    for n in &r.unknown_call_types {
        let _ = writeln!(
            out,
            "              {:>8}  of them call type \"{}\" (not understood)",
            n.count, n.name
        );
    }
    if r.pages_missing {
        let _ = writeln!(
            out,
            "Pages missing the last Graph page given has an @odata.nextLink: fetch the next pages and import them together"
        );
    }
    let _ = writeln!(
        out,
        "Organisers    {} found{}",
        r.organisers_found,
        if r.organisers != r.organisers_found {
            format!(", {} used", r.organisers)
        } else {
            String::new()
        }
    );
    if r.start_times_unreadable > 0 {
        let _ = writeln!(
            out,
            "Start times   {} could not be read",
            r.start_times_unreadable
        );
    }
    if r.charges_unreadable > 0 {
        let _ = writeln!(
            out,
            "Charges       {} could not be read (taken as 0)",
            r.charges_unreadable
        );
    }
    let _ = writeln!(out, "\nPhone usage in the period");
    let _ = writeln!(
        out,
        "  {:<16} {:<8} {:>10} {:>12}",
        "way", "country", "calls", "minutes"
    );
    for u in &r.usage {
        let _ = writeln!(
            out,
            "  {:<16} {:<8} {:>10} {:>12}",
            u.call.as_word(),
            u.country,
            u.legs,
            minutes(u.seconds)
        );
    }
    if let (Some(rec), Some(card)) = (rec, card) {
        let _ = writeln!(
            out,
            "\nThe card {} ({}) beside the bill, for the period, by the offer that billed the calls",
            card.id(),
            rec.currency
        );
        let row = |out: &mut String, cells: [&str; 8], flag: &str| {
            let _ = writeln!(
                out,
                "  {:<16} {:<8} {:>6} {:>9} {:>9} {:>9} {:>9} {:>10}{flag}",
                cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7]
            );
        };
        let mut basis = None;
        for l in &rec.lines {
            if basis != Some(l.basis) {
                basis = Some(l.basis);
                let _ = writeln!(
                    out,
                    "  {}: card {}",
                    capitalised(l.basis.describe()),
                    match l.basis {
                        Basis::Licence => "per-user model (toll dial-in included)",
                        _ => "per minute",
                    }
                );
                row(
                    &mut out,
                    [
                        "way",
                        "country",
                        "calls",
                        "bill. min",
                        "card",
                        "charge",
                        "conn. fee",
                        "difference",
                    ],
                    "",
                );
            }
            let legs = l.legs.to_string();
            row(
                &mut out,
                [
                    l.call.as_word(),
                    &l.country,
                    &legs,
                    &l.billable_minutes,
                    &l.card,
                    l.charge.as_deref().unwrap_or("-"),
                    l.connection_fee.as_deref().unwrap_or("-"),
                    l.difference.as_deref().unwrap_or("-"),
                ],
                if l.disagrees { "  <- disagrees" } else { "" },
            );
            for (currency, amount) in &l.other_currencies {
                let _ = writeln!(out, "  {:<16} {:<8} billed {amount} {currency}", "", "");
            }
        }
        let t = &rec.totals;
        let legs = t.legs.to_string();
        row(
            &mut out,
            [
                "total",
                "",
                &legs,
                "",
                &t.card,
                &t.charge,
                &t.connection_fee,
                &t.difference,
            ],
            "",
        );
        let _ = writeln!(
            out,
            "  The licence billed {}% of the calls ({} of {})",
            rec.licence_share, rec.licence_legs, rec.legs
        );
        for n in &rec.not_on_card {
            let _ = writeln!(
                out,
                "  {:<16} {:<8} {:>8}  not on the card: left out of the scenario",
                n.call.as_word(),
                n.country,
                n.legs
            );
        }
    }
    out
}

/// `text` with its first letter upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
