//! `cargo xtask fuzz [SECONDS] [TARGET...]`: runs the coverage-guided fuzz targets of `fuzz/`
//! (cargo-fuzz, libFuzzer, the nightly toolchain) for SECONDS each (default 600), seeded with
//! the project's own cards, scenarios, sheets and links, and prints per target the executions,
//! the corpus and what was found. A crash leaves its input in `fuzz/artifacts/TARGET/`; turn it
//! into a regression test, fix, and run again.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::root;

/// Every target with the files that seed its corpus (globs relative to the root: a folder's
/// files with one of the extensions).
const TARGETS: [(&str, &[(&str, &str)]); 8] = [
    ("card_toml", &[("rates", "toml"), ("tests/cards", "toml")]),
    ("card_json", &[("tests/fuzz-seeds/card_json", "json")]),
    (
        "scenario_json",
        &[
            ("examples", "json"),
            ("tests/data", "json"),
            ("tests/fuzz-seeds/scenario_json", "json"),
        ],
    ),
    ("share_link", &[("tests/fuzz-seeds/share_link", "txt")]),
    ("rate_sheet", &[("tests/sheets", "csv")]),
    ("number_input", &[("tests/fuzz-seeds/number_input", "txt")]),
    (
        "usage_export",
        &[
            ("tests/usage", "csv"),
            ("tests/fuzz-seeds/usage_export", "zip"),
            ("tests/fuzz-seeds/usage_export", "json"),
            ("tests/fuzz-seeds/usage_export", "csv"),
        ],
    ),
    ("licence_mix", &[("tests/fuzz-seeds/licence_mix", "bin")]),
];

/// One target's outcome.
struct Outcome {
    target: &'static str,
    runs: String,
    corpus: usize,
    crashed: bool,
}

/// Runs the targets named in `args` (all when none) for the given seconds each.
pub fn fuzz(args: &[String]) -> Result<(), String> {
    let seconds: u64 = match args.first() {
        Some(s) if s.chars().all(|c| c.is_ascii_digit()) => s
            .parse()
            .map_err(|_| format!("\"{s}\" is not a number of seconds"))?,
        _ => 600,
    };
    let named: Vec<&String> = args
        .iter()
        .filter(|a| !a.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let root = root()?;
    let fuzz_dir = root.join("fuzz");
    let mut outcomes = Vec::new();
    for (target, seeds) in TARGETS {
        if !named.is_empty() && !named.iter().any(|n| n.as_str() == target) {
            continue;
        }
        let corpus = fuzz_dir.join("corpus").join(target);
        seed(&root, &corpus, seeds)?;
        eprintln!("$ cargo +nightly fuzz run {target} -- -max_total_time={seconds}");
        let output = Command::new("cargo")
            .current_dir(&root)
            .args(["+nightly", "fuzz", "run", "--fuzz-dir", "fuzz", target])
            .arg(&corpus)
            .args([
                "--",
                &format!("-max_total_time={seconds}"),
                "-max_len=65536",
            ])
            .output()
            .map_err(|e| format!("cannot run cargo fuzz (cargo install cargo-fuzz): {e}"))?;
        let log = String::from_utf8_lossy(&output.stderr);
        let runs = log
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix("Done ").map(str::to_string))
            .or_else(|| {
                log.lines()
                    .rev()
                    .find(|l| l.starts_with('#'))
                    .map(str::to_string)
            })
            .unwrap_or_else(|| "no run".into());
        let crashed = !output.status.success();
        if crashed {
            eprintln!("{log}");
        }
        outcomes.push(Outcome {
            target,
            runs,
            corpus: count(&corpus),
            crashed,
        });
    }
    println!("\nfuzzing, {seconds} s per target:");
    for o in &outcomes {
        println!(
            "  {:<14} {}  corpus {} inputs  {}",
            o.target,
            o.runs,
            o.corpus,
            if o.crashed {
                "CRASH: see fuzz/artifacts/"
            } else {
                "no crash"
            }
        );
    }
    if outcomes.iter().any(|o| o.crashed) {
        return Err("a fuzz target crashed".into());
    }
    Ok(())
}

fn count(dir: &Path) -> usize {
    std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}

/// Copies the seed files into the corpus folder (kept between runs, not committed).
fn seed(root: &Path, corpus: &PathBuf, seeds: &[(&str, &str)]) -> Result<(), String> {
    std::fs::create_dir_all(corpus)
        .map_err(|e| format!("cannot create {}: {e}", corpus.display()))?;
    for (dir, ext) in seeds {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == *ext) {
                let name = format!(
                    "seed-{}",
                    path.file_name()
                        .map(|n| n.to_string_lossy())
                        .unwrap_or_default()
                );
                std::fs::copy(&path, corpus.join(name))
                    .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
            }
        }
    }
    Ok(())
}
