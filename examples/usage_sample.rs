//! Writes a generated Teams PSTN usage export (see `ppm_pricing::usage_export::sample`): for
//! tests, seeds and throughput measurements. No real export is in the repository.
//!
//! `cargo run --release --example usage_sample -- --rows 1000000 --format zip --out year.zip`
//! Options: `--rows N` (1,000), `--seed S` (1), `--days D` (30), `--users U` (50),
//! `--format csv|zip|graph` (csv), `--out FILE` (standard output).

use std::io::Write;
use std::process::ExitCode;

use ppm_pricing::usage_export::sample::Sample;

fn main() -> ExitCode {
    let mut sample = Sample::default();
    let mut format = "csv".to_string();
    let mut out: Option<String> = None;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1).cloned().unwrap_or_default();
        let number = || value.parse::<u64>().ok();
        let ok = match args[i].as_str() {
            "--rows" => number().map(|n| sample.rows = n).is_some(),
            "--seed" => number().map(|n| sample.seed = n).is_some(),
            "--days" => number()
                .and_then(|n| u32::try_from(n).ok())
                .map(|n| sample.days = n)
                .is_some(),
            "--users" => number()
                .and_then(|n| u32::try_from(n).ok())
                .map(|n| sample.users = n)
                .is_some(),
            "--format" => {
                format = value.clone();
                true
            }
            "--out" => {
                out = Some(value.clone());
                true
            }
            _ => false,
        };
        if !ok {
            eprintln!(
                "usage_sample: bad option {} (see the file's header)",
                args[i]
            );
            return ExitCode::from(2);
        }
        i += 2;
    }
    let bytes = match format.as_str() {
        "csv" => sample.csv(),
        "zip" => sample.zip(),
        "graph" => sample.graph_lines(1_000),
        other => {
            eprintln!("usage_sample: --format is csv, zip or graph, not {other}");
            return ExitCode::from(2);
        }
    };
    let written = match &out {
        Some(path) => std::fs::write(path, &bytes),
        None => std::io::stdout().write_all(&bytes),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("usage_sample: {e}");
            ExitCode::FAILURE
        }
    }
}
