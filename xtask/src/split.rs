//! The pricing page's and the partner element's WebAssembly, each in two parts (Binaryen's
//! `wasm-split`, from Debian's `binaryen`): what a visitor's first view runs, fetched before the
//! page (or the element's first quote) is ready, and the rest (edits, exports, detailed and
//! measured meetings, most messages, ...), fetched once it is, or at once by the first function
//! of it that runs before then. The page is cut twice: a first part for the example in English
//! and one for the other first views (a share link, German, French), each by its own visits and
//! with its own rest.
//!
//! Which functions run is measured, not listed by hand: the pages are visited in headless
//! Chromium with an instrumented copy of the module (`xtask/split/profile.mjs`), and the
//! functions that ran in the visits a first part is for stay in it. The glue gets the placeholders'
//! import namespace and the loader of the rest (`xtask/split/rest-loader.js`). DESIGN.md, "Size
//! notes", has the measurements.

use std::path::{Path, PathBuf};

use crate::linked_data::DataMap;
use crate::{file_size, root, run};

/// Binaryen's `wasm-split` (Debian's `binaryen`; npm's `binaryen` does not ship it).
const WASM_SPLIT: &str = "/usr/bin/wasm-split";
/// The loader appended to the glue.
const LOADER: &str = include_str!("../split/rest-loader.js");
/// The loader's address of the rest, as written for the page (renamed for other bundles).
const LOADER_REST: &str = "\"ppm_widget_rest.wasm\"";
/// The loader's `useRest`, which only a bundle with a second first part keeps.
const USE_REST: &str = "/** The page's bundle has a second first part, for the other first views
 * (`ppm_widget_all_bg.wasm`), with its own rest: `main.js` names that rest here before `init`
 * when it loads that part. */
export function useRest(name) {
  restUrl = new URL(name, import.meta.url);
}
";
/// SHA-384 for the synchronous request of a rest with an integrity value.
const SHA384: &str = include_str!("../split/sha384.js");

/// A bundle whose WebAssembly is split: its wasm-bindgen name and which visits profile it.
pub struct Bundle {
    /// The output name: `<name>.js`, `<name>_bg.wasm`, and the rest, `<name>_rest.wasm`.
    pub name: &'static str,
    /// The visits of `xtask/split/profile.mjs` that run it (`page` or `element`).
    visits: &'static str,
    /// Whether its rest is integrity-checked (the npm package fills in the value): the glue
    /// then carries SHA-384 for the synchronous request.
    checked: bool,
    /// The visits whose first view `<name>_bg.wasm` is cut for, when not all of them: the
    /// others (a share link, German, French) get a first part of their own with everything
    /// they ran, `<name>_all_bg.wasm`, and its rest, `<name>_all_rest.wasm`. Empty: one first
    /// part for every visit.
    default_visits: &'static [&'static str],
}

/// The pricing page's bundle. Its first part for the visitor who opens the page without a share
/// link, in English (on any screen), and one for the other first views (a share link, German,
/// French): `main.js` and `link-check.js` pick.
pub const PAGE: Bundle = Bundle {
    name: "ppm_widget",
    visits: "page",
    checked: false,
    default_visits: &["first", "phone"],
};

/// The partner element's bundle (`<ppm-pricing>` and its JS API).
pub const ELEMENT: Bundle = Bundle {
    name: "ppm_element",
    visits: "element",
    checked: true,
    default_visits: &[],
};

impl Bundle {
    /// The file name of the rest, beside the first part.
    pub fn rest(&self) -> String {
        format!("{}_rest.wasm", self.name)
    }

    /// The first part for the other first views and its rest, when the bundle has one apart.
    pub fn every_view(&self) -> Option<(String, String)> {
        (!self.default_visits.is_empty()).then(|| {
            (
                format!("{}_all_bg.wasm", self.name),
                format!("{}_all_rest.wasm", self.name),
            )
        })
    }
}

/// Installs Debian's `binaryen` when `wasm-split` is missing (CI runs as root on a fresh
/// machine).
pub fn ensure() -> Result<(), String> {
    crate::ensure_debian(WASM_SPLIT, "binaryen")
}

/// Splits `bundle` in `dir` in place: profiles it on the pages of `site` (the built `dist/`,
/// with this bundle's glue and instrumented WebAssembly put in), writes the first part over
/// `<name>_bg.wasm` and the rest beside it (and, for a bundle with a first part for every first
/// view, that part and its rest: [`Bundle::every_view`]), and patches the glue. Returns the
/// (default) two parts' sizes in bytes. With the linker's map of the data (`map`), the data
/// only the rest reads moves into the rest ([`crate::rest_data`]).
pub fn split(
    bundle: &Bundle,
    dir: &Path,
    site: &Path,
    map: Option<&DataMap>,
    keep_names: bool,
) -> Result<(u64, u64), String> {
    // Its own work folder per output folder (dist/, target/test-trap/): profiles, the
    // instrumented and the unsplit module stay there for analysis.
    let folder = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let work = root()?
        .join("target/split")
        .join(format!("{folder}-{}", bundle.name));
    if work.exists() {
        std::fs::remove_dir_all(&work)
            .map_err(|e| format!("cannot clear {}: {e}", work.display()))?;
    }
    std::fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    patch_glue(bundle, dir)?;
    let wasm = dir.join(format!("{}_bg.wasm", bundle.name));
    let unsplit = work.join("unsplit.wasm");
    std::fs::copy(&wasm, &unsplit).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let visits = profile(bundle, dir, site, &work)?;
    let every_visit = merged(&work, "merged.prof", visits.iter().map(|(_, p)| p.clone()))?;
    let rest = dir.join(bundle.rest());
    let cut_by = |profile: &Path, first: &Path, rest: &Path| {
        cut(&unsplit, profile, first, rest, &work, map, keep_names)
    };
    match bundle.every_view() {
        None => cut_by(&every_visit, &wasm, &rest)?,
        Some((first_all, rest_all)) => {
            let (first_all, rest_all) = (dir.join(first_all), dir.join(rest_all));
            // Each part by its own visits: an English first view without a link never loads
            // the other one.
            let of = |name: &str, default: bool| {
                let these = visits.iter().filter(|(visit, _)| {
                    bundle.default_visits.contains(&visit.as_str()) == default
                });
                merged(&work, name, these.map(|(_, p)| p.clone()))
            };
            cut_by(&of("others.prof", false)?, &first_all, &rest_all)?;
            eprintln!(
                "  {}: the first part for the other first views {} bytes, its rest {} bytes",
                bundle.name,
                file_size(&first_all)?,
                file_size(&rest_all)?
            );
            let default = of("default.prof", true)?;
            cut_by(&default, &wasm, &rest)?;
        }
    }
    Ok((file_size(&wasm)?, file_size(&rest)?))
}

/// Cuts `unsplit` in two by `profile`: the functions that ran into `first`, the others into
/// `rest` (their placeholders in `first`), then each part cleaned up, linked through the table,
/// with the data only the rest reads moved there (given the linker's `map`) and its functions
/// in the order gzip likes.
fn cut(
    unsplit: &Path,
    profile: &Path,
    first: &Path,
    rest: &Path,
    work: &Path,
    map: Option<&DataMap>,
    keep_names: bool,
) -> Result<(), String> {
    let cut = work.join("first.wasm");
    let (input, profile) = (path(unsplit), format!("--profile={}", path(profile)));
    let (cut_out, rest_out) = (path(&cut), path(rest));
    let namespace = format!("--placeholder-namespace={PLACEHOLDERS}");
    let mut args = vec![
        input.as_str(),
        &profile,
        &namespace,
        "-o1",
        &cut_out,
        "-o2",
        &rest_out,
    ];
    if keep_names {
        args.push("-g");
    }
    wasm_split(&args)?;
    std::fs::copy(&cut, first).map_err(|e| format!("{}: {e}", first.display()))?;
    // The clean-up passes again: the split leaves each part a little to fold (−0.2 KB gzip).
    crate::wasm_opt::optimise(first, keep_names)?;
    crate::wasm_opt::optimise(rest, keep_names)?;
    link_through_table(unsplit, first, rest)?;
    let (linked, renamed) =
        crate::rest_links::placeholders_by_step(&read(first)?, PLACEHOLDERS.as_bytes())?;
    std::fs::write(first, linked).map_err(|e| format!("{}: {e}", first.display()))?;
    eprintln!("  {renamed} placeholders named by the step to their table entry");
    match map {
        Some(map) => move_data(first, rest, map)?,
        None => eprintln!(
            "  {}: no linker map of the data (built without --emit-relocs): it all stays in \
             the first part",
            first.display()
        ),
    }
    // Last, each part's functions in the order gzip likes best (nothing after this counts on
    // their indices).
    crate::function_order::reorder(first, keep_names)?;
    crate::function_order::reorder(rest, keep_names)
}

/// Hands the first part's functions that the rest calls to the rest through the table
/// ([`crate::rest_links`]), in place; `unsplit` names the exports the glue calls.
fn link_through_table(unsplit: &Path, wasm: &Path, rest: &Path) -> Result<(), String> {
    let glue = crate::rest_links::export_names(&read(unsplit)?)?;
    change_parts(wasm, rest, |first, rest| {
        let linked = crate::rest_links::link_through_table(first, rest, &glue)?;
        let said = format!(
            "functions the rest calls: {} exports handed over through the table ({} new entries)",
            linked.exports, linked.entries
        );
        Ok((linked.first, linked.rest, said))
    })
}

/// Moves the data only the rest reads from the first part (`wasm`) into the rest, in place.
fn move_data(wasm: &Path, rest: &Path, map: &DataMap) -> Result<(), String> {
    change_parts(wasm, rest, |first, rest| {
        let moved = crate::rest_data::move_to_rest(first, rest, map)?;
        let said = format!(
            "data only the rest reads: {} bytes in {} runs moved into the rest",
            moved.bytes, moved.runs
        );
        Ok((moved.first, moved.rest, said))
    })
}

/// What a change of both parts gives: the first part, the rest, and what it did.
type Changed = (Vec<u8>, Vec<u8>, String);

/// Rewrites the first part (`wasm`) and the rest in place with `change`, and says what it did.
fn change_parts(
    wasm: &Path,
    rest: &Path,
    change: impl FnOnce(&[u8], &[u8]) -> Result<Changed, String>,
) -> Result<(), String> {
    let (first, new_rest, said) =
        change(&read(wasm)?, &read(rest)?).map_err(|e| format!("{}: {e}", wasm.display()))?;
    for (path, bytes) in [(wasm, &first), (rest, &new_rest)] {
        std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    eprintln!("  {said}");
    Ok(())
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The import namespace of the placeholders in the first part: one letter, since it is written
/// once per function of the rest (about 700 on the page; `wasm-split`'s default `placeholder`
/// cost 0.2 KB gzip).
const PLACEHOLDERS: &str = "p";

/// Gives the glue (and its declarations) the placeholders and the loader of the rest.
fn patch_glue(bundle: &Bundle, dir: &Path) -> Result<(), String> {
    let glue = dir.join(format!("{}.js", bundle.name));
    let mut text =
        std::fs::read_to_string(&glue).map_err(|e| format!("{}: {e}", glue.display()))?;
    text = with_short_warnings(&without_init_sync(&text)?)?;
    std::fs::write(&glue, with_rest_loader(bundle, &text)?)
        .map_err(|e| format!("{}: {e}", glue.display()))?;
    let types = dir.join(format!("{}.d.ts", bundle.name));
    if let Ok(text) = std::fs::read_to_string(&types) {
        let text = declarations_without_init_sync(&text)?;
        let declared = format!(
            "{text}\n/** Fetches and instantiates the rest of the WebAssembly (once). */\n\
             export function loadRest(): Promise<void>;\n\
             /** Loads the rest once the page is idle, trying again after 1, 4 and 16 s. */\n\
             export function loadRestWhenIdle(): Promise<void>;\n\
             /** Until the rest is in, holds back input, change, click and submit events inside \
             `root` and gives them again once it is. */\n\
             export function holdUntilRest(root: EventTarget): void;\n{}",
            if bundle.every_view().is_some() {
                "/** Names the rest that goes with the first part `init` is given (before \
                 `init`). */\nexport function useRest(name: string): void;\n"
            } else {
                ""
            }
        );
        std::fs::write(&types, declared).map_err(|e| format!("{}: {e}", types.display()))?;
    }
    Ok(())
}

/// The glue without `initSync`: the page's `main.js` and the element start the module with
/// `init`, and the minifier then drops the second copy of the start-up. (The JS API's bundle,
/// not split, keeps it: Node and the tests start it synchronously.)
fn without_init_sync(glue: &str) -> Result<String, String> {
    const EXPORTS: &str = "export { initSync, __wbg_init as default };";
    if glue.matches(EXPORTS).count() != 1 {
        return Err(format!(
            "xtask: the glue does not have `{EXPORTS}` once; has wasm-bindgen's output changed?"
        ));
    }
    Ok(glue.replace(EXPORTS, "export { __wbg_init as default };"))
}

/// The glue's declarations without `initSync` and its doc comment, as the glue
/// ([`without_init_sync`]): the element's are shipped in the npm package.
fn declarations_without_init_sync(types: &str) -> Result<String, String> {
    const DECLARED: &str = "export function initSync(";
    let (Some(at), 1) = (types.find(DECLARED), types.matches(DECLARED).count()) else {
        return Err(format!(
            "xtask: the glue's declarations do not have `{DECLARED}` once; has wasm-bindgen's \
             output changed?"
        ));
    };
    let line_end = types[at..].find('\n').map_or(types.len(), |n| at + n + 1);
    // Its doc comment, when only blanks stand between the comment and the declaration.
    let start = types[..at]
        .rfind("/**")
        .filter(|&c| {
            types[c..at]
                .find("*/")
                .is_some_and(|end| types[c + end + 2..at].trim().is_empty())
        })
        .unwrap_or(at);
    let line_start = types[..start].rfind('\n').map_or(0, |n| n + 1);
    Ok(format!("{}{}", &types[..line_start], &types[line_end..]))
}

/// wasm-bindgen's start-up warnings, shortened: the one for an argument not given as an object
/// (`main.js` and the element always give one) goes, and the one for a server that does not
/// send `application/wasm` keeps its point in fewer words (the start-up falls back as before).
fn with_short_warnings(glue: &str) -> Result<String, String> {
    const WARNINGS: [(&str, &str); 2] = [
        (
            "console.warn('using deprecated parameters for the initialization function; pass a single object instead')",
            "/* (an argument that is not an object is used as it is) */",
        ),
        (
            "\"`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\\n\"",
            "\"WebAssembly served without the MIME type application/wasm; instantiated from its bytes:\"",
        ),
    ];
    let mut glue = glue.to_string();
    for (long, short) in WARNINGS {
        if glue.matches(long).count() != 1 {
            return Err(format!(
                "xtask: the glue does not have `{long}` once; has wasm-bindgen's output changed?"
            ));
        }
        glue = glue.replace(long, short);
    }
    Ok(glue)
}

/// Visits the pages with an instrumented copy of the bundle's module
/// (`xtask/split/profile.mjs`); returns each visit's name and profile (in `work`), by name.
fn profile(
    bundle: &Bundle,
    dir: &Path,
    site: &Path,
    work: &Path,
) -> Result<Vec<(String, PathBuf)>, String> {
    let instrumented = work.join("instrumented.wasm");
    wasm_split(&[
        "--instrument",
        &path(&dir.join(format!("{}_bg.wasm", bundle.name))),
        "-o",
        &path(&instrumented),
    ])?;
    crate::ensure_chromium()?;
    crate::ensure_js_tests()?;
    run(
        "node",
        &[
            &path(&root()?.join("xtask/split/profile.mjs")),
            bundle.visits,
            &path(site),
            &path(&dir.join(format!("{}.js", bundle.name))),
            &path(&instrumented),
            &path(work),
        ],
    )?;
    let mut profiles: Vec<(String, PathBuf)> = std::fs::read_dir(work)
        .map_err(|e| format!("{}: {e}", work.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "prof"))
        .filter_map(|p| Some((p.file_stem()?.to_string_lossy().into_owned(), p)))
        .collect();
    profiles.sort();
    if profiles.is_empty() {
        return Err(format!(
            "xtask: the profiling visits of {} wrote no profile",
            bundle.name
        ));
    }
    Ok(profiles)
}

/// The profiles merged into `work/<name>` (a function ran if it ran in any of them).
fn merged(
    work: &Path,
    name: &str,
    profiles: impl Iterator<Item = PathBuf>,
) -> Result<PathBuf, String> {
    let merged = work.join(name);
    let out = path(&merged);
    let profiles: Vec<String> = profiles.map(|p| path(&p)).collect();
    let mut args = vec!["--merge-profiles"];
    args.extend(profiles.iter().map(String::as_str));
    args.extend(["-o", &out]);
    wasm_split(&args)?;
    Ok(merged)
}

/// The glue with the placeholders' import namespace and the loader of the rest (`loadRest`,
/// `loadRestWhenIdle`; with SHA-384 when the rest is integrity-checked).
pub fn with_rest_loader(bundle: &Bundle, glue: &str) -> Result<String, String> {
    let imports_end = crate::short_imports::glue_import_key();
    if glue.matches(&imports_end).count() != 1 {
        return Err(format!(
            "xtask: {}.js does not list its imports as expected (`{imports_end}` once, as \
             short_imports.rs writes it); has wasm-bindgen's output changed?",
            bundle.name
        ));
    }
    let with_namespace = glue.replace(
        &imports_end,
        &format!("{imports_end}\n        {PLACEHOLDERS}: restPlaceholders(),"),
    );
    let mut loader = LOADER.replace(LOADER_REST, &format!("\"{}\"", bundle.rest()));
    if bundle.every_view().is_none() {
        // Only a bundle with a second first part names another rest.
        if loader.matches(USE_REST).count() != 1 {
            return Err(
                "xtask: rest-loader.js no longer has `useRest` as split.rs knows it".into(),
            );
        }
        loader = loader.replace(USE_REST, "");
    }
    let sha = if bundle.checked { SHA384 } else { "" };
    Ok(format!("{with_namespace}\n{loader}{sha}"))
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
        let glue = "function __wbg_get_imports() {\nconst import0 = {};\nreturn {\n__proto__: null,\ng: import0,\n};\n}\nlet wasm;\n";
        let patched = with_rest_loader(&PAGE, glue).unwrap();
        assert!(patched.contains("import0,\n        p: restPlaceholders(),\n};"));
        assert!(patched.contains("export function loadRest()"));
        assert!(patched.contains("new URL(\"ppm_widget_rest.wasm\", import.meta.url)"));
        // The page's other first part names its own rest.
        assert!(patched.contains("export function useRest(name)"));
        assert!(patched.starts_with("function __wbg_get_imports() {"));
        // The page's rest is same-origin and not integrity-checked: no SHA-384 in its glue.
        assert!(!patched.contains("function sha384("));
    }

    #[test]
    fn the_elements_glue_names_its_rest_and_carries_sha384() {
        let glue = "const import0 = {};\nreturn {\ng: import0,\n};\n";
        let patched = with_rest_loader(&ELEMENT, glue).unwrap();
        assert!(patched.contains("new URL(\"ppm_element_rest.wasm\", import.meta.url)"));
        assert!(!patched.contains("ppm_widget_rest.wasm"));
        assert!(patched.contains("function sha384("));
        // One first part, one rest.
        assert!(!patched.contains("function useRest"));
    }

    #[test]
    fn the_pages_glue_exports_init_alone() {
        let glue = "function initSync(module) {}\nexport { initSync, __wbg_init as default };\n";
        let trimmed = without_init_sync(glue).unwrap();
        assert!(
            trimmed.ends_with("export { __wbg_init as default };\n"),
            "{trimmed}"
        );
        let err = without_init_sync("export { __wbg_init as default };").unwrap_err();
        assert!(err.contains("has wasm-bindgen's output changed"), "{err}");
    }

    #[test]
    fn the_declarations_lose_init_sync_and_its_comment() {
        let types = "export type A = 1;\n\n    /**\n     * Instantiates.\n     */\n    export function \
                     initSync(module: A): B;\n\n/** Starts. */\nexport default function init(): C;\n";
        assert_eq!(
            declarations_without_init_sync(types).unwrap(),
            "export type A = 1;\n\n\n/** Starts. */\nexport default function init(): C;\n"
        );
        assert!(declarations_without_init_sync("export default function init(): C;\n").is_err());
    }

    #[test]
    fn the_start_up_warnings_are_shortened() {
        let glue = "} else {\n console.warn('using deprecated parameters for the initialization function; pass a single object instead')\n}\nconsole.warn(\"`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\\n\", e);";
        let short = with_short_warnings(glue).unwrap();
        assert!(!short.contains("deprecated"), "{short}");
        assert!(short.contains("console.warn(\"WebAssembly served without the MIME type application/wasm; instantiated from its bytes:\", e);"), "{short}");
        assert!(with_short_warnings("console.warn('x')").is_err());
    }

    #[test]
    fn a_glue_of_another_shape_is_refused() {
        let err = with_rest_loader(
            &PAGE,
            "function __wbg_get_imports() { return { wbg: import0 }; }",
        )
        .unwrap_err();
        assert!(err.contains("does not list its imports"), "{err}");
    }
}
