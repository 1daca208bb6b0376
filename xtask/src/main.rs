//! `cargo xtask <command>`: the one entry point for build and test chores of ppm-pricing.
//!
//! - `cargo xtask test`: everything CI checks: formatting, clippy with warnings as errors
//!   (native, and the library for wasm32), the whole native test suite (unit, golden quotes,
//!   card validation, properties, CLI, doc tests), the core's tests again in WebAssembly
//!   (Node), then `dist` and the JS tests: the JS API
//!   against the real WASM in Node, the TypeScript declarations (tsc), and the page in
//!   headless Chromium (installing Debian's `chromium` and the npm test packages when
//!   missing). `.ci/run` calls exactly this.
//! - `cargo xtask tidy`: the house rules (module docs, a web-free core, no string errors, no
//!   file over 600 lines, `ui::` only inside the UI); part of `test`.
//! - `cargo xtask codegen [--check]`: `src/api.d.ts` generated from the Rust types (ts-rs,
//!   feature `ts`); `--check` is part of `test`.
//! - `cargo xtask bench`: the `quote` benchmark (prints quotes per second; no assertions).
//! - `cargo xtask dist`: the deployable static files in `dist/`, with a size table.
//! - `cargo xtask serve [--port N] [--no-build]`: `dist` (unless `--no-build`), then serve it
//!   on 127.0.0.1 (default port 8080) with pre-compressed bodies.
//! - `cargo xtask perf`: after `dist`, the performance report (sizes, load, edits, Lighthouse,
//!   quote times); numbers only, no assertions.
//! - `cargo xtask weigh [ppm_widget|ppm_element] [CRATE-OR-NAME]`: after `PPM_KEEP_NAMES=1
//!   cargo xtask dist`, where the first part's code bytes go (by crate, module, function,
//!   profiling visit), or every function of one crate or whose name contains the text.

mod codegen;
mod css_min;
mod dist;
mod function_order;
mod fuzz;
mod js_min;
mod linked_data;
mod npm;
mod perf;
mod rest_data;
mod rest_links;
mod restart;
mod serve;
mod short_exports;
mod short_imports;
mod sizes;
mod split;
mod tidy;
mod wasm_bytes;
mod wasm_opt;
mod weigh;

use std::path::PathBuf;
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => test(),
        Some("bench") => run("cargo", &["bench", "--bench", "quote"]),
        Some("dist") => dist::dist().map(|_| ()),
        Some("serve") => serve_args(&args[1..]).and_then(|(port, build)| {
            let dir = if build {
                dist::dist()?
            } else {
                root()?.join("dist")
            };
            serve::serve(&dir, port)
        }),
        Some("perf") => perf::perf(),
        Some("weigh") => weigh::weigh(&args[1..]),
        Some("tidy") => tidy::tidy(),
        Some("codegen") => codegen::codegen(&args[1..]),
        Some("fuzz") => fuzz::fuzz(&args[1..]),
        // Part of `test`; on its own after `dist` when working on the crash tests.
        Some("test-trap") => dist::test_trap_bundle(),
        Some("busy-browser-tests") => busy_browser_tests(),
        _ => {
            eprintln!(
                "usage: cargo xtask <test|tidy|codegen [--check]|bench|dist|perf|weigh [BUNDLE [CRATE-OR-NAME]]|serve [--port N] [--no-build]|fuzz [SECONDS] [TARGET...]|busy-browser-tests>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The browser and Node tests (after `test` or `dist` and `test-trap`) with every core kept busy
/// by a spinning thread beside them, as on a shared CI machine: a test that waits for time
/// instead of for a state fails here first. A check to run by hand, not part of `test`.
fn busy_browser_tests() -> Result<(), String> {
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    for _ in 0..cores {
        std::thread::spawn(|| loop {
            std::hint::black_box(0u64.wrapping_add(1));
        });
    }
    eprintln!("xtask: {cores} busy threads beside the browser tests");
    // The spinning threads end with this process.
    run("node", &["--test", "--test-concurrency=1", "tests/js/"])
}

/// The options of `serve`: the port (`--port N`, else `$PORT`, else 8080; 0 picks a free one)
/// and whether to build `dist/` first (`--no-build` serves it as it is).
fn serve_args(args: &[String]) -> Result<(u16, bool), String> {
    let usage = || "usage: cargo xtask serve [--port N] [--no-build]".to_string();
    let mut port = None;
    let mut build = true;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--port" => port = Some(rest.next().ok_or_else(usage)?.clone()),
            "--no-build" => build = false,
            _ => return Err(usage()),
        }
    }
    let text = port.unwrap_or_else(|| std::env::var("PORT").unwrap_or_else(|_| "8080".into()));
    let port = text
        .parse()
        .map_err(|_| format!("port \"{text}\" is not a number from 0 to 65535"))?;
    Ok((port, build))
}

/// The size of a file in bytes.
pub(crate) fn file_size(path: &std::path::Path) -> Result<u64, String> {
    std::fs::metadata(path)
        .map(|m| m.len())
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// The workspace root.
pub(crate) fn root() -> Result<PathBuf, String> {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .ok_or_else(|| "xtask must live one level below the workspace root".into())
}

/// Runs a command from the workspace root, echoing it; an error names the failed step.
pub(crate) fn run(program: &str, args: &[&str]) -> Result<(), String> {
    run_with_env(program, args, &[])
}

/// [`run`] with extra environment variables.
pub(crate) fn run_with_env(
    program: &str,
    args: &[&str],
    env: &[(&str, &str)],
) -> Result<(), String> {
    let root = root()?;
    let shown: Vec<String> = env.iter().map(|(k, v)| format!("{k}=\"{v}\" ")).collect();
    eprintln!("$ {}{program} {}", shown.concat(), args.join(" "));
    let status = Command::new(program)
        .args(args)
        .envs(env.iter().copied())
        .current_dir(&root)
        .status()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

/// The WebAssembly target; installed with rustup when missing.
pub(crate) const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Installs, through rustup, the wasm32 target and the standard library's source (the size
/// build recompiles `std`; see `dist.rs`) unless they are already there.
pub(crate) fn ensure_wasm_target() -> Result<(), String> {
    if !rustup_lists(&["target", "list", "--installed"], WASM_TARGET)? {
        run("rustup", &["target", "add", WASM_TARGET])?;
    }
    if !rustup_lists(&["component", "list", "--installed"], "rust-src")? {
        run("rustup", &["component", "add", "rust-src"])?;
    }
    Ok(())
}

/// Whether `rustup <args>` prints a line that is `name` (components carry a host suffix).
fn rustup_lists(args: &[&str], name: &str) -> Result<bool, String> {
    let out = Command::new("rustup")
        .args(args)
        .output()
        .map_err(|e| format!("cannot run rustup: {e}"))?;
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::trim)
        .any(|l| l == name || l.starts_with(&format!("{name}-"))))
}

fn test() -> Result<(), String> {
    run("cargo", &["fmt", "--all", "--", "--check"])?;
    tidy::tidy()?;
    codegen::codegen(&["--check".to_string()])?;
    let clippy = [
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ];
    run("cargo", &clippy)?;
    // The widget's components also build natively, for the prerendered page; and the
    // TypeScript generator (feature `ts`).
    run(
        "cargo",
        &[
            "clippy",
            "--lib",
            "--bins",
            "--features",
            "ssr,ts",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    // The core must also build for the browser, without its native-only parsers.
    ensure_wasm_target()?;
    // Each browser bundle as it is built: no default (native) features.
    for bundle in ["page", "element", "usage-import"] {
        run(
            "cargo",
            &[
                "clippy",
                "--lib",
                "--target",
                WASM_TARGET,
                "--no-default-features",
                "--features",
                bundle,
                "--",
                "-D",
                "warnings",
            ],
        )?;
    }
    run("cargo", &["test", "--workspace", "--exclude", "xtask"])?;
    // The core's and the form's unit tests and the golden quotes again, in WebAssembly (Node),
    // as the browser runs them; the runner is built from the pinned wasm-bindgen-cli.
    wasm_tests()?;
    // xtask's own logic (the dist fallback, the server's encoding negotiation).
    run("cargo", &["test", "-p", "xtask"])?;
    // The real WASM in Node (JS API, TypeScript declarations) and the page in Chromium.
    dist::dist()?;
    dist::test_trap_bundle()?;
    ensure_chromium()?;
    run(
        "npm",
        &["ci", "--prefix", JS_TESTS, "--no-audit", "--no-fund"],
    )?;
    // A partner's Vite + React app, built and driven by tests/js/react-app.test.mjs.
    run(
        "npm",
        &["ci", "--prefix", REACT_APP, "--no-audit", "--no-fund"],
    )?;
    run(
        "npx",
        &["--prefix", JS_TESTS, "tsc", "-p", "tests/js/tsconfig.json"],
    )?;
    run("node", &["--test", "--test-concurrency=1", "tests/js/"])?;
    Ok(())
}

/// Runs the tests that also run in WebAssembly (`#[wasm_bindgen_test(unsupported = test)]`:
/// the core's and the form's unit tests, `tests/core_wasm.rs`) for wasm32, in Node, with the
/// test runner of the pinned wasm-bindgen release built from crates.io.
fn wasm_tests() -> Result<(), String> {
    ensure_wasm_target()?;
    run(
        "cargo",
        &[
            "build",
            "-q",
            "-p",
            "xtask",
            "--bin",
            "wasm-bindgen-test-runner",
        ],
    )?;
    let runner = root()?.join("target/debug/wasm-bindgen-test-runner");
    let runner = runner.to_string_lossy();
    run_with_env(
        "cargo",
        &[
            "test",
            "--target",
            WASM_TARGET,
            "--no-default-features",
            "--lib",
            "--test",
            "core_wasm",
        ],
        &[("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", &runner)],
    )
}

/// The npm package of the JS and browser tests.
const JS_TESTS: &str = "tests/js";
/// The partner app of the browser tests (Vite + React, its own npm lock).
const REACT_APP: &str = "tests/react-app";

/// Installs the npm packages of `prefix` from its committed lock (`npm ci`) unless `marker`
/// (a path under its `node_modules/`) is there already.
pub(crate) fn ensure_npm(prefix: &str, marker: &str) -> Result<(), String> {
    if root()?
        .join(prefix)
        .join("node_modules")
        .join(marker)
        .exists()
    {
        return Ok(());
    }
    run(
        "npm",
        &["ci", "--prefix", prefix, "--no-audit", "--no-fund"],
    )
}

/// Installs the Debian package `package` unless `file` is there already (CI runs as root on a
/// fresh machine).
pub(crate) fn ensure_debian(file: &str, package: &str) -> Result<(), String> {
    if std::path::Path::new(file).exists() {
        return Ok(());
    }
    run("apt-get", &["update", "-qq"])?;
    run("apt-get", &["install", "-y", "-qq", package])
}

/// Installs the npm test packages (`tests/js`) when they are missing.
pub(crate) fn ensure_js_tests() -> Result<(), String> {
    ensure_npm(JS_TESTS, "playwright-core")
}

/// Installs Debian's Chromium when it is missing.
pub(crate) fn ensure_chromium() -> Result<(), String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    ensure_debian(&chromium, "chromium")
}
