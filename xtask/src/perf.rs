//! `cargo xtask perf`: the performance report, after `cargo xtask dist`. Serves `dist/` as
//! `serve` does (pre-compressed), then prints the native quote times
//! (`examples/quote_timing.rs`) and runs `tests/perf/perf.mjs` (sizes on the wire, load times
//! under network and CPU emulation, Event Timing of edits, Lighthouse 12, the JS API's quote
//! times). Numbers only: nothing here passes or fails on a time.

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
    run(
        "node",
        &[
            &format!("{PERF}/perf.mjs"),
            &format!("http://127.0.0.1:{port}/"),
        ],
    )
}
