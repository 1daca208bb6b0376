//! `cargo xtask dist`: the release WASM (size profile), its JS bindings (through the
//! `wasm-bindgen-cli-support` library, no downloaded binary), the static files of `www/`, and a
//! table of what a page loads.

use std::path::{Path, PathBuf};

use crate::linked_data::{without_link_sections, DataMap};
use crate::{ensure_wasm_target, file_size, root, run_with_env, WASM_TARGET};

/// The crate's library name, as wasm-bindgen names its outputs.
const LIB: &str = "ppm_pricing";

/// The browser bundles: (cargo feature, output name). The pricing page loads only the widget
/// (`page`: with English texts; German and French are `texts-de.txt` and `texts-fr.txt`);
/// partners' pages load the custom element (widget + JS API); tools load the API alone.
const BUNDLES: [(&str, &str); 4] = [
    ("page", "ppm_widget"),
    ("element", "ppm_element"),
    ("api", "ppm_api"),
    // The usage import: loaded by the pricing page only when a visitor picks a file.
    ("usage-import", "ppm_import"),
];

/// Builds everything into `dist/` and prints the size table.
pub fn dist() -> Result<PathBuf, String> {
    ensure_wasm_target()?;
    let root = root()?;
    let dist = root.join("dist");
    if dist.exists() {
        std::fs::remove_dir_all(&dist).map_err(|e| format!("cannot clear dist/: {e}"))?;
    }
    std::fs::create_dir_all(&dist).map_err(|e| format!("cannot create dist/: {e}"))?;
    crate::wasm_opt::ensure()?;
    crate::js_min::ensure()?;
    crate::split::ensure()?;
    let keep_names = std::env::var_os("PPM_KEEP_NAMES").is_some();
    let mut maps = std::collections::HashMap::new();
    for (feature, name) in BUNDLES {
        let kind = build_bundle(feature, &mut |args, env| run_with_env("cargo", args, env))?;
        let wasm = root.join(format!(
            "target/{WASM_TARGET}/{}/{LIB}.wasm",
            profile(feature)
        ));
        if kind == Build::Plain {
            eprintln!(
                "xtask dist: the size-optimised build of `{feature}` was refused by this compiler; \
                 built it with plain stable options instead (larger: see DESIGN.md, \"std rebuilt \
                 for size\")"
            );
        }
        let (wasm, map) = linked(&wasm, name)?;
        if let Some(map) = map {
            maps.insert(name, map);
        }
        eprintln!("$ wasm-bindgen (library) {} -> {name}", wasm.display());
        wasm_bindgen_cli_support::Bindgen::new()
            .input_path(&wasm)
            .out_name(name)
            .web(true)
            .map_err(|e| format!("wasm-bindgen: {e}"))?
            .typescript(true)
            .omit_default_module_path(false)
            // PPM_KEEP_NAMES=1 keeps function names, for size analysis with twiggy.
            .remove_name_section(!keep_names)
            .remove_producers_section(true)
            .generate(&dist)
            .map_err(|e| format!("wasm-bindgen: {e}"))?;
        let renamed = crate::short_imports::shorten(
            &dist.join(format!("{name}.js")),
            &dist.join(format!("{name}_bg.wasm")),
        )?;
        eprintln!("  {renamed} glue imports given short names");
        let bundle = dist.join(format!("{name}_bg.wasm"));
        let before = file_size(&bundle)?;
        crate::wasm_opt::optimise(&bundle, keep_names)?;
        eprintln!("  wasm-opt: {before} -> {} bytes", file_size(&bundle)?);
        // The split bundles are reordered part by part once split (split.rs).
        if ![crate::split::PAGE.name, crate::split::ELEMENT.name].contains(&name) {
            crate::function_order::reorder(&bundle, keep_names)?;
        }
        if name == "ppm_element" {
            restartable(&dist.join("ppm_element.js"))?;
        }
    }
    copy_dir(&root.join("www"), &dist)?;
    prerender(&root, &dist)?;
    // The page's and the element's WebAssembly in two parts each, measured on the finished
    // pages (see split.rs).
    for bundle in [&crate::split::PAGE, &crate::split::ELEMENT] {
        let map = maps.get(bundle.name);
        let (first, rest) = crate::split::split(bundle, &dist, &dist, map, keep_names)?;
        eprintln!(
            "  wasm-split {}: the first part {first} bytes, the rest {rest} bytes",
            bundle.name
        );
    }
    let module = crate::npm::package(&dist, &root.join("www"), &package_version(&root)?)?;
    shrink_scripts(&dist)?;
    // Lets Node import the ES-module glue as is (tests, server-side use); browsers ignore it.
    std::fs::write(dist.join("package.json"), "{ \"type\": \"module\" }\n")
        .map_err(|e| format!("cannot write dist/package.json: {e}"))?;
    crate::sizes::print_sizes(&dist)?;
    crate::sizes::print_partner_sizes(&dist.join("npm"), &module)?;
    let written = precompress(&dist)?;
    eprintln!("pre-compressed {written} files (.br and .gz beside each)");
    Ok(dist)
}

/// Every script of `dist/` (the page's and the bundles' glue) minified ([`crate::js_min`]):
/// what the browser fetches, not what we read.
fn shrink_scripts(dist: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("cannot read dist/: {e}"))?;
    for path in entries.filter_map(|e| e.ok()).map(|e| e.path()) {
        if path.extension().is_some_and(|x| x == "js") {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
            std::fs::write(&path, crate::js_min::minify(&text, &name)?)
                .map_err(|e| format!("{name}: {e}"))?;
        }
    }
    Ok(())
}

/// Builds the element's bundle with the test-only trap (feature `test-trap`) into
/// `target/test-trap/` for the browser tests: outside `dist/`, so it is never deployed and a
/// later `cargo xtask dist` (which empties `dist/`) leaves it in place.
pub fn test_trap_bundle() -> Result<(), String> {
    let root = root()?;
    let out = root.join("target/test-trap");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    build_bundle("test-trap", &mut |args, env| {
        run_with_env("cargo", args, env)
    })?;
    let wasm = root.join(format!("target/{WASM_TARGET}/wasm-release/{LIB}.wasm"));
    let (wasm, map) = linked(&wasm, "test-trap")?;
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .out_name("ppm_element")
        .web(true)
        .map_err(|e| format!("wasm-bindgen: {e}"))?
        .typescript(false)
        .omit_default_module_path(false)
        .generate(&out)
        .map_err(|e| format!("wasm-bindgen: {e}"))?;
    crate::short_imports::shorten(
        &out.join("ppm_element.js"),
        &out.join("ppm_element_bg.wasm"),
    )?;
    restartable(&out.join("ppm_element.js"))?;
    // Split as the element in `dist/` is (the restart must bring the rest again), profiled on
    // `dist/`'s partner pages.
    let site = root.join("dist");
    if !site.join("partner-demo.html").exists() {
        return Err("xtask test-trap: run `cargo xtask dist` first (the split is profiled on dist/'s partner pages)".into());
    }
    crate::split::split(&crate::split::ELEMENT, &out, &site, map.as_ref(), false).map(|_| ())
}

/// The linker's map of a bundle's data ([`crate::linked_data`], when the build emitted it),
/// and a copy of the module without the linker's sections for wasm-bindgen (in
/// `target/linked/<name>.wasm`; cargo's own output stays as cargo wrote it).
fn linked(wasm: &Path, name: &str) -> Result<(PathBuf, Option<DataMap>), String> {
    let bytes = std::fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let map = DataMap::read(&bytes).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let folder = root()?.join("target/linked");
    std::fs::create_dir_all(&folder)
        .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    let out = folder.join(format!("{name}.wasm"));
    std::fs::write(&out, without_link_sections(&bytes)?)
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok((out, map))
}

/// Patches the element's glue in place so that the page can restart a trapped instance.
fn restartable(glue: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(glue)
        .map_err(|e| format!("cannot read {}: {e}", glue.display()))?;
    std::fs::write(glue, crate::restart::make_restartable(&text)?)
        .map_err(|e| format!("cannot write {}: {e}", glue.display()))
}

/// How a browser bundle was built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Build {
    /// `std` rebuilt for size, panics that trap at once (unstable options).
    SizeOptimised,
    /// Plain stable options: used when the compiler refuses the unstable ones.
    Plain,
}

/// Runs one cargo command: arguments, extra environment variables.
pub type CargoCommand<'a> = dyn FnMut(&[&str], &[(&str, &str)]) -> Result<(), String> + 'a;

/// The environment variable that replaces the size build's flags (to force the fallback in a
/// test: `PPM_SIZE_RUSTFLAGS=-Zno-such-option`).
const SIZE_FLAGS_VAR: &str = "PPM_SIZE_RUSTFLAGS";

/// The linker keeps its symbol table and relocations in the module (stable, and in both
/// builds): the map of the data that `rest_data.rs` moves into the rest of a split module.
const EMIT_RELOCS: &str = "-Clink-arg=--emit-relocs";

/// Builds the WASM of one cargo feature: first for size (`std` rebuilt with
/// `optimize_for_size`, `-Cpanic=immediate-abort`, no source locations and no `Debug`
/// output: ~20 KB gzip less; unstable options that the pinned compiler is told to accept with
/// `RUSTC_BOOTSTRAP` for this build only; and without the `reference-types` feature, so that
/// wasm-bindgen keeps JS values in its glue's heap rather than an externref table: −1.2 KB
/// gzip of WASM for +0.2 KB of glue); if the compiler refuses them, with plain stable
/// options. Both keep the linker's map of the data ([`EMIT_RELOCS`]). `cargo` runs one cargo
/// command (arguments, extra environment).
pub fn build_bundle(feature: &str, cargo: &mut CargoCommand) -> Result<Build, String> {
    // No default features: the native ones (`cli`: files, TOML, CSV) never reach a bundle.
    let common = [
        "--lib",
        "--profile",
        profile(feature),
        "--target",
        WASM_TARGET,
        "--no-default-features",
        "--features",
        feature,
    ];
    let flags = std::env::var(SIZE_FLAGS_VAR).unwrap_or_else(|_| {
        concat!(
            "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none",
            " -Ctarget-feature=-reference-types"
        )
        .into()
    });
    let flags = format!("{flags} {EMIT_RELOCS}");
    let mut sized = vec![
        "build",
        "-Z",
        "build-std=std,panic_abort",
        "-Z",
        "build-std-features=optimize_for_size",
    ];
    sized.extend(common);
    let size_env = [
        ("RUSTC_BOOTSTRAP", "1"),
        (
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            flags.as_str(),
        ),
    ];
    if cargo(&sized, &size_env).is_ok() {
        return Ok(Build::SizeOptimised);
    }
    let mut plain = vec!["build"];
    plain.extend(common);
    // An empty value replaces any flags left in the environment.
    cargo(
        &plain,
        &[("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", EMIT_RELOCS)],
    )?;
    Ok(Build::Plain)
}

/// The cargo profile of a bundle: the page's bundles are optimised for size; the usage
/// import, loaded on demand and run over millions of rows, for speed (`wasm-import`).
pub fn profile(feature: &str) -> &'static str {
    if feature == "usage-import" {
        "wasm-import"
    } else {
        "wasm-release"
    }
}

/// Extensions of the files a server sends compressed (what a CDN would compress).
const COMPRESSIBLE: [&str; 7] = ["html", "js", "mjs", "css", "wasm", "svg", "json"];

/// Writes `NAME.br` (brotli 11) and `NAME.gz` (gzip -9) beside every compressible file under
/// `dir`, as a CDN or `cargo xtask serve` serves them (`Content-Encoding`). Returns the count.
fn precompress(dir: &Path) -> Result<usize, String> {
    let mut written = 0;
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            written += precompress(&path)?;
            continue;
        }
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !COMPRESSIBLE.contains(&ext) {
            continue;
        }
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        for (suffix, packed) in [
            ("br", crate::sizes::brotli(&bytes)?),
            ("gz", crate::sizes::gzip(&bytes)?),
        ] {
            let mut name = path.clone().into_os_string();
            name.push(format!(".{suffix}"));
            std::fs::write(&name, packed)
                .map_err(|e| format!("cannot write {}: {e}", Path::new(&name).display()))?;
        }
        written += 1;
    }
    Ok(written)
}

/// Writes `dist/index.html` with the widget's first view in it, rendered natively by the same
/// Yew components (`ppm-prerender`, feature `ssr`), so the quote is on screen before any script.
fn prerender(root: &Path, dist: &Path) -> Result<(), String> {
    let template = root.join("www/index.html");
    let out = dist.join("index.html");
    crate::run(
        "cargo",
        &[
            "run",
            "--release",
            "-q",
            "--features",
            "ssr",
            "--bin",
            "ppm-prerender",
            "--",
            &template.to_string_lossy(),
            &out.to_string_lossy(),
        ],
    )
}

/// The version of the `ppm-pricing` package (the first `version = "…"` of Cargo.toml).
fn package_version(root: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(root.join("Cargo.toml"))
        .map_err(|e| format!("cannot read Cargo.toml: {e}"))?;
    text.lines()
        .find_map(|l| l.strip_prefix("version = \"")?.strip_suffix('"'))
        .map(str::to_string)
        .ok_or_else(|| "Cargo.toml has no version".into())
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let path = entry.path();
        let dest = to.join(entry.file_name());
        if path.is_dir() {
            if entry.file_name() == "npm" {
                continue; // templates of the npm package (see npm.rs)
            }
            std::fs::create_dir_all(&dest).map_err(|e| e.to_string())?;
            copy_dir(&path, &dest)?;
        } else if path.extension().is_some_and(|e| e == "css") {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            std::fs::write(&dest, crate::css_min::minify(&text))
                .map_err(|e| format!("cannot write {}: {e}", dest.display()))?;
        } else {
            std::fs::copy(&path, &dest)
                .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_size_build_falls_back_to_plain_stable_options() {
        // A compiler that refuses the unstable options: the first command fails.
        let mut seen: Vec<(String, String)> = Vec::new();
        let mut refusing = |args: &[&str], env: &[(&str, &str)]| {
            let flags = env
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join(" ");
            seen.push((args.join(" "), flags));
            if args.contains(&"-Z") {
                Err("error: the option `Z` is only accepted on the nightly compiler".into())
            } else {
                Ok(())
            }
        };
        assert_eq!(build_bundle("api", &mut refusing), Ok(Build::Plain));
        assert_eq!(seen.len(), 2);
        assert!(seen[0].0.contains("build-std=std,panic_abort"), "{seen:?}");
        assert!(seen[0].1.contains("RUSTC_BOOTSTRAP=1"), "{seen:?}");
        // The fallback: no -Z, no bootstrap, the same profile and feature.
        assert_eq!(
            seen[1].0,
            "build --lib --profile wasm-release --target wasm32-unknown-unknown \
             --no-default-features --features api"
        );
        assert!(!seen[1].1.contains("RUSTC_BOOTSTRAP"), "{seen:?}");
        // Both keep the linker's map of the data.
        assert!(
            seen.iter().all(|s| s.1.contains("--emit-relocs")),
            "{seen:?}"
        );
        // A compiler that accepts them: one build.
        let mut calls = 0;
        let mut accepting = |_: &[&str], _: &[(&str, &str)]| {
            calls += 1;
            Ok(())
        };
        assert_eq!(
            build_bundle("widget", &mut accepting),
            Ok(Build::SizeOptimised)
        );
        assert_eq!(calls, 1);
        // Both refused: the error of the plain build.
        let mut broken = |_: &[&str], _: &[(&str, &str)]| Err("no compiler".to_string());
        assert_eq!(
            build_bundle("widget", &mut broken),
            Err("no compiler".to_string())
        );
    }
}
