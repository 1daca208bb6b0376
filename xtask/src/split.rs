//! The pricing page's WebAssembly in two parts (Binaryen's `wasm-split`, from Debian's
//! `binaryen`): what a visitor's first view and first edits run, fetched before the page is
//! ready, and the rest (exports, detailed and measured meetings, most messages, ...), fetched
//! once the page is ready, or at once by the first function of it that runs before then.
//!
//! Which functions run is measured, not listed by hand: the page is visited in headless Chromium
//! with an instrumented copy of its module (`xtask/split/profile.mjs`), and the functions that
//! ran in any visit stay in the first part. The glue gets the placeholders' import namespace and
//! the loader of the rest (`xtask/split/rest-loader.js`). DESIGN.md, "Size notes", has the
//! measurements.

use std::path::Path;

use crate::dist::file_size;
use crate::{root, run};

/// Binaryen's `wasm-split` (Debian's `binaryen`; npm's `binaryen` does not ship it).
const WASM_SPLIT: &str = "/usr/bin/wasm-split";
/// The page bundle's glue and WebAssembly in `dist/`.
const GLUE: &str = "ppm_widget.js";
const WASM: &str = "ppm_widget_bg.wasm";
/// The second part, beside the first.
pub const REST: &str = "ppm_widget_rest.wasm";
/// The loader appended to the glue.
const LOADER: &str = include_str!("../split/rest-loader.js");
/// The glue's one import namespace, in the object it instantiates with: the placeholders'
/// namespace goes beside it.
const IMPORTS_END: &str = "\"./ppm_widget_bg.js\": import0,";

/// Installs Debian's `binaryen` when `wasm-split` is missing (CI runs as root on a fresh
/// machine).
pub fn ensure() -> Result<(), String> {
    crate::ensure_debian(WASM_SPLIT, "binaryen")
}

/// Splits `dist/`'s page bundle in place: profiles it (Chromium), writes the first part over
/// `ppm_widget_bg.wasm` and the rest as [`REST`], and patches the glue. Returns the two parts'
/// sizes in bytes.
pub fn split_page(dist: &Path, keep_names: bool) -> Result<(u64, u64), String> {
    let work = root()?.join("target/split");
    if work.exists() {
        std::fs::remove_dir_all(&work)
            .map_err(|e| format!("cannot clear {}: {e}", work.display()))?;
    }
    std::fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    patch_glue(dist)?;
    let wasm = dist.join(WASM);
    let profile = profile(dist, &work)?;
    let rest = dist.join(REST);
    let first = work.join("first.wasm");
    let (input, profile) = (path(&wasm), format!("--profile={}", path(&profile)));
    let (first_out, rest_out) = (path(&first), path(&rest));
    let mut args = vec![
        input.as_str(),
        &profile,
        "-o1",
        &first_out,
        "-o2",
        &rest_out,
    ];
    if keep_names {
        args.push("-g");
    }
    wasm_split(&args)?;
    std::fs::copy(&first, &wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    // The clean-up passes again: the split leaves each part a little to fold (−0.2 KB gzip).
    crate::wasm_opt::optimise(&wasm, keep_names)?;
    crate::wasm_opt::optimise(&rest, keep_names)?;
    Ok((file_size(&wasm)?, file_size(&rest)?))
}

/// Gives the glue (and its declarations) the placeholders and `loadRest`.
fn patch_glue(dist: &Path) -> Result<(), String> {
    let glue = dist.join(GLUE);
    let text = std::fs::read_to_string(&glue).map_err(|e| format!("{}: {e}", glue.display()))?;
    std::fs::write(&glue, with_rest_loader(&text)?)
        .map_err(|e| format!("{}: {e}", glue.display()))?;
    let types = dist.join(GLUE.replace(".js", ".d.ts"));
    if let Ok(text) = std::fs::read_to_string(&types) {
        let declared = format!(
            "{text}\n/** Fetches and instantiates the rest of the page's WebAssembly (once). */\n\
             export function loadRest(): Promise<void>;\n"
        );
        std::fs::write(&types, declared).map_err(|e| format!("{}: {e}", types.display()))?;
    }
    Ok(())
}

/// Visits the page with an instrumented copy of its module (`xtask/split/profile.mjs`) and
/// merges the visits' profiles; returns the merged profile's path (in `work`).
fn profile(dist: &Path, work: &Path) -> Result<std::path::PathBuf, String> {
    let instrumented = work.join("instrumented.wasm");
    wasm_split(&[
        "--instrument",
        &path(&dist.join(WASM)),
        "-o",
        &path(&instrumented),
    ])?;
    crate::ensure_chromium()?;
    crate::ensure_js_tests()?;
    run(
        "node",
        &[
            &path(&root()?.join("xtask/split/profile.mjs")),
            &path(dist),
            &path(&instrumented),
            &path(work),
        ],
    )?;
    let mut profiles: Vec<String> = std::fs::read_dir(work)
        .map_err(|e| format!("{}: {e}", work.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "prof"))
        .map(|p| path(&p))
        .collect();
    profiles.sort();
    if profiles.is_empty() {
        return Err("xtask dist: the profiling visits wrote no profile".into());
    }
    let merged = work.join("merged.prof");
    let out = path(&merged);
    let mut args = vec!["--merge-profiles"];
    args.extend(profiles.iter().map(String::as_str));
    args.extend(["-o", &out]);
    wasm_split(&args)?;
    Ok(merged)
}

/// The glue with the placeholders' import namespace and the loader of the rest (`loadRest`).
pub fn with_rest_loader(glue: &str) -> Result<String, String> {
    if glue.matches(IMPORTS_END).count() != 1 {
        return Err(format!(
            "xtask dist: {GLUE} does not list its imports as expected (`{IMPORTS_END}` once); \
             has wasm-bindgen's output changed?"
        ));
    }
    let with_namespace = glue.replace(
        IMPORTS_END,
        &format!("{IMPORTS_END}\n        placeholder: restPlaceholders(),"),
    );
    Ok(format!("{with_namespace}\n{LOADER}"))
}

/// Runs `wasm-split` with the bundles' WebAssembly features.
fn wasm_split(args: &[&str]) -> Result<(), String> {
    let mut all = args.to_vec();
    all.extend(crate::wasm_opt::FEATURES);
    run(WASM_SPLIT, &all)
}

fn path(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_glue_gets_the_placeholders_and_the_loader() {
        let glue = "function __wbg_get_imports() {\nconst import0 = {};\nreturn {\n__proto__: null,\n\"./ppm_widget_bg.js\": import0,\n};\n}\nlet wasm;\n";
        let patched = with_rest_loader(glue).unwrap();
        assert!(patched.contains("import0,\n        placeholder: restPlaceholders(),\n};"));
        assert!(patched.contains("export function loadRest()"));
        assert!(patched.starts_with("function __wbg_get_imports() {"));
    }

    #[test]
    fn a_glue_of_another_shape_is_refused() {
        let err = with_rest_loader("function __wbg_get_imports() { return { wbg: import0 }; }")
            .unwrap_err();
        assert!(err.contains("does not list its imports"), "{err}");
    }
}
