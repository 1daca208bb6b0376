//! `cargo xtask weigh [bundle]`: where a bundle's first part spends its code bytes, by crate,
//! by module of ours and by function, and what each profiling visit adds to what the first
//! view alone runs. It reads the function names, so the bundle must be built with them:
//! `PPM_KEEP_NAMES=1 cargo xtask dist` (the sizes then differ a little from a normal build's;
//! the proportions are what this is for). Numbers only: it passes or fails on nothing.

use std::collections::HashMap;
use std::path::Path;

use crate::wasm_bytes::{function_bodies, function_names, imported_functions};

/// One defined function: its index in the function space, its name (if the module names it)
/// and its body's size in bytes.
#[derive(Debug, PartialEq)]
pub(crate) struct Function {
    pub(crate) index: u64,
    pub(crate) name: String,
    pub(crate) size: usize,
}

/// Every defined function of `wasm`, in order, with the names of its `name` section.
pub(crate) fn functions(wasm: &[u8]) -> Result<Vec<Function>, String> {
    let imported = imported_functions(wasm)?;
    let mut names: HashMap<u64, Vec<u8>> = function_names(wasm)?.into_iter().collect();
    let bodies = function_bodies(wasm)?;
    if bodies.is_empty() {
        return Err("the module has no code".into());
    }
    Ok(bodies
        .iter()
        .zip(imported..)
        .map(|(body, index)| Function {
            index,
            name: String::from_utf8_lossy(&names.remove(&index).unwrap_or_default()).into_owned(),
            size: body.len(),
        })
        .collect())
}

/// The primitive types whose methods `core` and `alloc` define (`<[u8]>::to_vec`).
const PRIMITIVES: [&str; 15] = [
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize", "str",
    "char", "bool",
];

/// The crate a function's name starts with: `yew` for `<yew[1a2b]::html::Html as ...>::f`
/// (the demangler's `[hash]` and a leading `<`, `&`, `(`, `[` or `mut ` are skipped; methods
/// of primitive types count as `core`).
pub(crate) fn crate_of(name: &str) -> &str {
    let name = name.trim_start_matches(['<', '&', '(', '[', '*']);
    let name = name.strip_prefix("mut ").unwrap_or(name);
    let end = name
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(name.len());
    if end == 0 {
        "(other)"
    } else if PRIMITIVES.contains(&&name[..end]) {
        "core"
    } else {
        &name[..end]
    }
}

/// Our module a function belongs to, two levels deep (`ui::components`), by the first
/// `ppm_pricing::` path in its name; `None` for functions of other crates only.
pub(crate) fn module_of(name: &str) -> Option<String> {
    let at = name.find("ppm_pricing")?;
    let rest = &name[at + "ppm_pricing".len()..];
    let rest = match rest.strip_prefix('[') {
        Some(r) => &r[r.find(']')? + 1..],
        None => rest,
    };
    let path = rest.strip_prefix("::")?;
    let segments: Vec<&str> = path
        .split("::")
        .take_while(|s| {
            s.chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
                && !s.is_empty()
        })
        .take(2)
        .collect();
    Some(if segments.is_empty() {
        "(root)".into()
    } else {
        segments.join("::")
    })
}

/// The functions a wasm-split profile marks as run: binaryen's format is an 8-byte hash, then
/// one little-endian u32 per defined function (in order), 0 for one that never ran.
pub(crate) fn ran(profile: &[u8], count: usize) -> Result<Vec<bool>, String> {
    let stamps = profile.get(8..).ok_or("a profile without its hash")?;
    if stamps.len() != count * 4 {
        return Err(format!(
            "a profile of {} functions for a module of {count}",
            stamps.len() / 4
        ));
    }
    Ok(stamps.chunks_exact(4).map(|s| s != [0, 0, 0, 0]).collect())
}

/// Sums `size` by `key`, largest first (ties by key).
fn totals<'a>(items: impl Iterator<Item = (String, usize)> + 'a) -> Vec<(String, usize)> {
    let mut sums: HashMap<String, usize> = HashMap::new();
    for (key, size) in items {
        *sums.entry(key).or_default() += size;
    }
    let mut out: Vec<_> = sums.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// Prints the report for `bundle` (`ppm_widget`, the page's; `ppm_element`, the partner
/// module's) from `dist/` and the split's work folder.
pub fn weigh(args: &[String]) -> Result<(), String> {
    let bundle = args.first().map_or("ppm_widget", String::as_str);
    let root = crate::root()?;
    let first = root.join(format!("dist/{bundle}_bg.wasm"));
    let wasm = std::fs::read(&first).map_err(|e| format!("{}: {e}", first.display()))?;
    let functions = functions(&wasm)?;
    if functions.iter().all(|f| f.name.is_empty()) {
        return Err(format!(
            "{} has no function names: build it with `PPM_KEEP_NAMES=1 cargo xtask dist`",
            first.display()
        ));
    }
    if let Some(part) = args.get(1) {
        return list_matching(&functions, part);
    }
    let code: usize = functions.iter().map(|f| f.size).sum();
    println!(
        "{bundle}: the first part's code, {code} bytes in {} functions (raw; gzip keeps about \
         a third)",
        functions.len()
    );
    println!("\nby crate:");
    let by_crate = totals(
        functions
            .iter()
            .map(|f| (crate_of(&f.name).to_string(), f.size)),
    );
    for (name, size) in by_crate.iter().take(15) {
        println!("  {size:8}  {name}");
    }
    println!("\nby module of ours (the first ppm_pricing path in the name):");
    let ours = functions
        .iter()
        .filter_map(|f| module_of(&f.name).map(|m| (m, f.size)));
    for (name, size) in totals(ours).iter().take(25) {
        println!("  {size:8}  {name}");
    }
    println!("\nthe largest functions:");
    let mut largest: Vec<&Function> = functions.iter().collect();
    largest.sort_by_key(|f| std::cmp::Reverse(f.size));
    for f in largest.iter().take(25) {
        println!("  {:8}  {}", f.size, shorten(&f.name, 150));
    }
    visits(&root.join(format!("target/split/dist-{bundle}")))
}

/// Every function of the first part in crate `part` (or, when no crate has that name, whose
/// name contains it), largest first, with their sum.
fn list_matching(functions: &[Function], part: &str) -> Result<(), String> {
    let matching = matching(functions, part);
    if matching.is_empty() {
        return Err(format!(
            "no function of the first part is in or names `{part}`"
        ));
    }
    let sum: usize = matching.iter().map(|f| f.size).sum();
    println!(
        "{sum} bytes in {} functions matching `{part}`:",
        matching.len()
    );
    for f in matching {
        println!("  {:8}  {}", f.size, shorten(&f.name, 150));
    }
    Ok(())
}

/// The functions in crate `part`, or, when no function is, those whose name contains `part`;
/// largest first.
fn matching<'a>(functions: &'a [Function], part: &str) -> Vec<&'a Function> {
    let is_crate = functions.iter().any(|f| crate_of(&f.name) == part);
    let mut found: Vec<&Function> = functions
        .iter()
        .filter(|f| {
            if is_crate {
                crate_of(&f.name) == part
            } else {
                f.name.contains(part)
            }
        })
        .collect();
    found.sort_by_key(|f| std::cmp::Reverse(f.size));
    found
}

/// The profiling visits (`xtask/split/profile.mjs`) of a plain first view: the page's and the
/// partner demo's.
const FIRST_VISITS: [&str; 2] = ["first", "partner"];

/// What each profiling visit runs beyond the `first` visit (the first view alone): the code
/// that keeps a share link, a language or a phone on the first part.
fn visits(work: &Path) -> Result<(), String> {
    let unsplit = work.join("unsplit.wasm");
    let Ok(wasm) = std::fs::read(&unsplit) else {
        println!("\n(no {}: the visits are not weighed)", unsplit.display());
        return Ok(());
    };
    let functions = functions(&wasm)?;
    let mut profiles = Vec::new();
    for entry in std::fs::read_dir(work).map_err(|e| format!("{}: {e}", work.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if path.extension().is_some_and(|x| x == "prof") && stem != "merged" {
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            profiles.push((stem.to_string(), ran(&bytes, functions.len())?));
        }
    }
    profiles.sort();
    // The visit of the plain first view: the page's `first`, the partner demo's `partner`.
    let Some((first, base)) = profiles
        .iter()
        .find(|(name, _)| FIRST_VISITS.contains(&name.as_str()))
        .cloned()
    else {
        println!("\n(no profile of a first view in {})", work.display());
        return Ok(());
    };
    println!(
        "\nwhat each visit runs (raw code bytes of the unsplit module), and beyond `{first}`:"
    );
    for (name, run) in &profiles {
        let all: usize = sizes_where(&functions, run, |_| true);
        let extra = sizes_where(&functions, run, |i| !base[i]);
        println!("  {name:10} {all:8}  +{extra}");
    }
    Ok(())
}

/// The summed sizes of the functions that ran and pass `keep` (by position).
fn sizes_where(functions: &[Function], ran: &[bool], keep: impl Fn(usize) -> bool) -> usize {
    functions
        .iter()
        .enumerate()
        .filter(|(i, _)| ran[*i] && keep(*i))
        .map(|(_, f)| f.size)
        .sum()
}

/// `name` cut to `max` characters.
fn shorten(name: &str, max: usize) -> String {
    match name.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &name[..at]),
        None => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wasm_bytes::tests::module;
    use crate::wasm_bytes::{write_leb, write_name};

    /// A module with one imported function and two defined ones (bodies of 3 and 5 bytes),
    /// the second named.
    fn sample() -> Vec<u8> {
        let mut imports = vec![1];
        write_name(&mut imports, b"m");
        write_name(&mut imports, b"f");
        imports.extend([0, 0]);
        // Bodies: no locals, then `end` (and nops before it).
        let code = vec![2, 3, 0, 0x01, 0x0b, 5, 0, 0x01, 0x01, 0x01, 0x0b];
        let mut names = Vec::new();
        write_name(&mut names, b"name");
        let mut sub = vec![1];
        write_leb(&mut sub, 2);
        write_name(&mut sub, b"<yew[ab12]::html::Html as Clone>::clone");
        names.push(1);
        write_leb(&mut names, sub.len() as u64);
        names.extend(sub);
        module(&[(2, imports), (10, code), (0, names)])
    }

    #[test]
    fn functions_are_numbered_after_the_imports_and_named() {
        let f = functions(&sample()).unwrap();
        assert_eq!(
            f,
            vec![
                Function {
                    index: 1,
                    name: String::new(),
                    size: 3
                },
                Function {
                    index: 2,
                    name: "<yew[ab12]::html::Html as Clone>::clone".into(),
                    size: 5
                },
            ]
        );
    }

    #[test]
    fn names_are_grouped_by_crate_and_by_our_module() {
        assert_eq!(crate_of("<yew[ab12]::html::Html as Clone>::clone"), "yew");
        assert_eq!(
            crate_of("<&mut ppm_pricing[1]::ui::X as Fn>::call"),
            "ppm_pricing"
        );
        assert_eq!(crate_of("core::fmt::write"), "core");
        assert_eq!(crate_of("<[u8]>::to_vec"), "core");
        assert_eq!(crate_of("<str>::find"), "core");
        assert_eq!(crate_of("$func12"), "(other)");
        assert_eq!(
            module_of("<ppm_pricing[a0]::ui::components::chart::Chart as yew[1]::F>::run"),
            Some("ui::components".into())
        );
        assert_eq!(
            module_of("ppm_pricing::shipped::Card"),
            Some("shipped".into())
        );
        assert_eq!(module_of("ppm_pricing::mount"), Some("mount".into()));
        assert_eq!(
            module_of("<ppm_pricing::App as yew::F>::run"),
            Some("(root)".into())
        );
        assert_eq!(module_of("yew::scheduler::start"), None);
    }

    #[test]
    fn a_crate_or_a_text_picks_the_functions_listed() {
        let f = |index, name: &str, size| Function {
            index,
            name: name.into(),
            size,
        };
        let all = [
            f(0, "core::fmt::write", 5),
            f(1, "<yew[1]::Html as core[2]::clone::Clone>::clone", 9),
            f(2, "core::str::from_utf8", 7),
        ];
        // `core` is a crate: its own two functions, largest first, not yew's `Clone` impl.
        let names = |found: Vec<&Function>| found.iter().map(|f| f.index).collect::<Vec<_>>();
        assert_eq!(names(matching(&all, "core")), vec![2, 0]);
        // `clone` is no crate: every name that contains it.
        assert_eq!(names(matching(&all, "clone")), vec![1]);
        assert!(matching(&all, "serde").is_empty());
    }

    #[test]
    fn a_profile_marks_the_functions_that_ran() {
        let mut profile = vec![9; 8];
        profile.extend([0, 0, 0, 0, 7, 0, 0, 0, 0, 1, 0, 0]);
        assert_eq!(ran(&profile, 3).unwrap(), vec![false, true, true]);
        assert!(ran(&profile, 2).unwrap_err().contains("3 functions"));
        assert!(ran(&[1, 2], 0).is_err());
    }

    #[test]
    fn totals_sum_by_key_largest_first() {
        let t = totals(
            [("a", 3), ("b", 5), ("a", 4), ("c", 7)]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v)),
        );
        // a: 3 + 4 = 7, tied with c (7) and sorted by name; b: 5.
        assert_eq!(t, vec![("a".into(), 7), ("c".into(), 7), ("b".into(), 5)]);
    }
}
