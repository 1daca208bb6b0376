//! `cargo xtask perf`: the performance report, after `cargo xtask dist`. Serves `dist/` as
//! `serve` does (pre-compressed), then prints the native quote times
//! (`examples/quote_timing.rs`) and runs `tests/perf/perf.mjs` (sizes on the wire, load times
//! under network and CPU emulation, Event Timing of edits, Lighthouse 12, the JS API's quote
//! times, the usage import of a generated million-row export in Chromium), after the native
//! usage import and batch throughput (`usage_and_batch`). Numbers only: nothing here passes or
//! fails on a time.

use crate::{root, run, serve};

/// The npm package of the report (playwright-core, lighthouse; pinned by its lock file).
const PERF: &str = "tests/perf";

/// Runs the whole report.
pub fn perf() -> Result<(), String> {
    let root = root()?;
    let dist = root.join("dist");
    if !dist.join("index.html").is_file() {
        return Err("dist/ is missing: run `cargo xtask dist` first".into());
    }
    crate::ensure_chromium()?;
    run(
        "npm",
        &[
            "ci",
            "--prefix",
            PERF,
            "--no-audit",
            "--no-fund",
            "--silent",
        ],
    )?;
    let listener = serve::bind(0)?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    std::thread::spawn(move || serve::run(listener, &dist));
    println!("## Native quote times (cargo run --release --example quote_timing)");
    run(
        "cargo",
        &["run", "--release", "-q", "--example", "quote_timing"],
    )?;
    usage_and_batch(&root)?;
    run(
        "node",
        &[
            &format!("{PERF}/perf.mjs"),
            &format!("http://127.0.0.1:{port}/"),
        ],
    )
}

/// The usage import and batch pricing natively (release build): a generated year of a
/// 10,000-user tenant (1 million rows) as zip and CSV, and 200,000 README-sized scenarios as
/// JSON Lines. The commands print their own throughput; the zip is left in `target/perf/` for
/// the browser measurement of `perf.mjs`.
fn usage_and_batch(root: &std::path::Path) -> Result<(), String> {
    println!(
        "\n## Usage import and batch pricing (native, release; rows/s and scenarios/s on stderr)"
    );
    run(
        "cargo",
        &[
            "build",
            "--release",
            "-q",
            "--bin",
            "ppm",
            "--example",
            "usage_sample",
        ],
    )?;
    let dir = root.join("target/perf");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let sample = root.join("target/release/examples/usage_sample");
    let ppm = root.join("target/release/ppm");
    let path = |name: &str| dir.join(name).display().to_string();
    for format in ["zip", "csv"] {
        run(
            &sample.display().to_string(),
            &[
                "--rows",
                "1000000",
                "--days",
                "365",
                "--users",
                "10000",
                "--format",
                format,
                "--out",
                &path(&format!("year.{format}")),
            ],
        )?;
        let scenario = path(&format!("year-{format}.json"));
        run(
            "sh",
            &[
                "-c",
                &format!(
                    "{} usage {} > {scenario}",
                    ppm.display(),
                    path(&format!("year.{format}"))
                ),
            ],
        )?;
    }
    // The licence mix of the year's 10,000 organisers (time, splits and peak memory on stderr),
    // and of the same tenant's year with three times the calls: once every organiser's lines
    // are seen, memory follows the organisers, not the rows.
    run(
        &sample.display().to_string(),
        &[
            "--rows",
            "3000000",
            "--days",
            "365",
            "--users",
            "10000",
            "--format",
            "zip",
            "--out",
            &path("dense-year.zip"),
        ],
    )?;
    for file in ["year.zip", "dense-year.zip"] {
        let mix = format!(
            "{} usage {} --card illustrative-usd --mix | head -7",
            ppm.display(),
            path(file)
        );
        run("sh", &["-c", &mix])?;
    }
    let example = std::fs::read_to_string(root.join("examples/scenario.json"))
        .map_err(|e| format!("cannot read examples/scenario.json: {e}"))?;
    let line: String = example.split_whitespace().collect::<Vec<_>>().join(" ");
    let lines = line.clone() + "\n";
    std::fs::write(path("batch.jsonl"), lines.repeat(200_000))
        .map_err(|e| format!("cannot write batch.jsonl: {e}"))?;
    for jobs in ["1", "2"] {
        run(
            &ppm.display().to_string(),
            &[
                "batch",
                "--card",
                "illustrative-usd",
                &path("batch.jsonl"),
                "--jobs",
                jobs,
                "--out",
                &path("batch.csv"),
            ],
        )?;
    }
    Ok(())
}
