//! A few of Binaryen's `wasm-opt` passes over each browser bundle, after wasm-bindgen. The
//! passes were picked one by one by what they do to the gzip size (DESIGN.md, "Size notes"):
//! `-Oz` makes the files smaller but their gzip *larger* (+4 %, mostly its inlining and
//! `--reorder-functions`), while removing duplicate functions, folding constants and small
//! branch and block clean-ups take 1.2–1.9 % off the gzip. `wasm-opt` comes from npm's
//! `binaryen` (JavaScript and WebAssembly, run by Node; pinned in `xtask/wasm-opt/`'s lock), so
//! nothing downloads a binary of its own.

use std::path::Path;

use crate::{root, run};

/// The npm package that pins `binaryen` (its lock is committed).
const PACKAGE: &str = "xtask/wasm-opt";

/// The passes, in order (each measured on the gzip of the four bundles).
const PASSES: [&str; 11] = [
    "--duplicate-function-elimination",
    "--optimize-instructions",
    "--precompute",
    "--remove-unused-brs",
    "--merge-blocks",
    "--remove-unused-brs",
    "--reorder-locals",
    "--vacuum",
    "--remove-unused-module-elements",
    // Again: the clean-ups above make more bodies identical.
    "--duplicate-function-elimination",
    // The `target_features` section: only tools read it (the features are given to each run).
    "--strip-target-features",
];

/// The WebAssembly features a bundle may use (Rust's defaults for `wasm32-unknown-unknown`; the
/// size build turns `reference-types` off, the plain fallback leaves it on); `wasm-opt` refuses
/// a module that uses another, so nothing is changed silently.
pub(crate) const FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Installs the pinned `binaryen` when it is missing (`npm ci`).
pub fn ensure() -> Result<(), String> {
    crate::ensure_npm(PACKAGE, "binaryen/bin/wasm-opt")
}

/// Runs the passes over `wasm` in place (keeping the name section when `keep_names`).
pub fn optimise(wasm: &Path, keep_names: bool) -> Result<(), String> {
    run_passes(wasm, &PASSES, keep_names)
}

/// Runs `passes` over `wasm` in place, with the bundles' features (keeping the name section
/// when `keep_names`).
pub(crate) fn run_passes(wasm: &Path, passes: &[&str], keep_names: bool) -> Result<(), String> {
    let tool = root()?
        .join(PACKAGE)
        .join("node_modules/binaryen/bin/wasm-opt");
    let file = wasm.to_string_lossy();
    let tool = tool.to_string_lossy();
    let mut args = vec![tool.as_ref(), file.as_ref(), "-o", file.as_ref()];
    args.extend(passes);
    args.extend(FEATURES);
    if keep_names {
        args.push("--debuginfo");
    }
    run("node", &args)
}
