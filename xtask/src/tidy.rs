//! `cargo xtask tidy`: the house rules, checked on every `cargo xtask test` instead of kept in
//! memory (as rust-analyzer's tidy test does):
//! - every source file under `src/` opens with a `//!` line that says what it is for;
//! - `src/rating/` imports no web crate (yew, web_sys, js_sys, wasm_bindgen, gloo);
//! - the library returns no `Result<_, String>`: errors are kinds, sentences come last;
//! - no source file under `src/` is over [`MAX_LINES`] lines;
//! - nothing outside `src/ui/` imports `ui::`, but the prerendering binary, which renders it.
//!
//! Files that broke a rule when it was written are listed in [`KNOWN`] with the rule; each
//! such entry must still be needed (a file that now keeps the rule must leave the list), so
//! the list only ever shrinks.

use std::path::{Path, PathBuf};

/// The most lines a source file under `src/` may have.
pub const MAX_LINES: usize = 600;

/// A house rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The file opens with a `//!` module doc.
    ModuleDoc,
    /// No web crate in the rating core.
    NoWebInCore,
    /// No `Result<_, String>` in the library.
    NoStringErrors,
    /// At most [`MAX_LINES`] lines.
    Length,
    /// No `ui::` outside the UI.
    NoUiOutside,
}

impl Rule {
    fn says(self) -> &'static str {
        match self {
            Rule::ModuleDoc => "does not open with a `//!` line saying what it is for",
            Rule::NoWebInCore => "imports a web crate inside src/rating (the core stays web-free)",
            Rule::NoStringErrors => "returns `Result<_, String>` (give the error a kind)",
            Rule::Length => "is over 600 lines (split it by job)",
            Rule::NoUiOutside => "imports `ui::` from outside src/ui (the form is a domain module)",
        }
    }
}

/// Files that broke a rule when the rule was written, to be mended: each entry must still
/// break its rule, so mending a file means deleting its line here. Empty: every file keeps
/// every rule (a new exception needs a reason in its commit).
pub const KNOWN: &[(&str, Rule)] = &[];

/// Checks every source file under `src/`; the error lists each broken rule by file.
pub fn tidy() -> Result<(), String> {
    let root = crate::root()?;
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files)?;
    files.sort();
    let mut broken = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let name = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        for rule in check(&name, &text) {
            broken.push((name.clone(), rule));
        }
    }
    let mut report = Vec::new();
    for (name, rule) in &broken {
        if !KNOWN.contains(&(name.as_str(), *rule)) {
            report.push(format!("{name} {}", rule.says()));
        }
    }
    for (name, rule) in KNOWN {
        if !broken.iter().any(|(n, r)| n == name && r == rule) {
            report.push(format!(
                "{name} keeps the rule now (\"{}\"): remove it from KNOWN in xtask/src/tidy.rs",
                rule.says()
            ));
        }
    }
    eprintln!(
        "tidy: {} files, {} known exceptions",
        files.len(),
        KNOWN.len()
    );
    if report.is_empty() {
        Ok(())
    } else {
        Err(format!("tidy:\n  {}", report.join("\n  ")))
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            rust_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    Ok(())
}

/// The rules a file (`name`: its path from the root, with `/`) breaks.
pub fn check(name: &str, text: &str) -> Vec<Rule> {
    let mut broken = Vec::new();
    if !text.starts_with("//!") {
        broken.push(Rule::ModuleDoc);
    }
    let code: Vec<&str> = text
        .lines()
        .map(str::trim_start)
        .filter(|l| !l.starts_with("//"))
        .collect();
    const WEB: [&str; 5] = ["yew", "web_sys", "js_sys", "wasm_bindgen", "gloo"];
    if name.starts_with("src/rating/")
        && code.iter().any(|l| {
            WEB.iter()
                .any(|w| l.contains(&format!("{w}::")) || l.starts_with(&format!("use {w}")))
        })
    {
        broken.push(Rule::NoWebInCore);
    }
    let library = !name.starts_with("src/bin/");
    if library && string_errors(&code.join("\n")) > 0 {
        broken.push(Rule::NoStringErrors);
    }
    if text.lines().count() > MAX_LINES {
        broken.push(Rule::Length);
    }
    let outside_ui = !name.starts_with("src/ui/") && name != "src/bin/prerender.rs";
    if outside_ui && code.iter().any(|l| l.contains("ui::")) {
        broken.push(Rule::NoUiOutside);
    }
    broken
}

/// How many `Result<…, String>` the code has (the last top-level type argument is `String`,
/// over any line breaks).
pub fn string_errors(code: &str) -> usize {
    let bytes = code.as_bytes();
    let mut count = 0;
    let mut from = 0;
    while let Some(at) = code[from..].find("Result<") {
        let start = from + at + "Result<".len();
        // The top-level type arguments up to the matching `>`.
        let (mut depth, mut arg, mut i) = (1usize, start, start);
        let mut args = Vec::new();
        while i < bytes.len() && depth > 0 {
            match bytes[i] {
                b'<' | b'(' | b'[' => depth += 1,
                b'>' | b')' | b']' => depth -= 1,
                b',' if depth == 1 => {
                    args.push(code[arg..i].trim());
                    arg = i + 1;
                }
                _ => {}
            }
            i += 1;
        }
        if depth == 0 {
            args.push(code[arg..i - 1].trim());
            // A trailing comma leaves an empty last argument.
            args.retain(|a| !a.is_empty());
            if args.len() == 2 && args[1] == "String" {
                count += 1;
            }
        }
        from = start;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_needs_a_module_doc() {
        assert_eq!(check("src/a.rs", "//! Does a.\nfn a() {}\n"), []);
        assert_eq!(
            check("src/a.rs", "/// not a module doc\nfn a() {}\n"),
            [Rule::ModuleDoc]
        );
    }

    #[test]
    fn the_core_imports_no_web_crate() {
        let web = "//! x\nuse wasm_bindgen::prelude::*;\n";
        assert_eq!(check("src/rating/x.rs", web), [Rule::NoWebInCore]);
        assert_eq!(check("src/ui/x.rs", web), []);
        // A comment that names a crate is no import.
        assert_eq!(
            check("src/rating/x.rs", "//! no yew:: here\n// yew::x\n"),
            []
        );
    }

    #[test]
    fn string_errors_are_counted_over_lines_and_nesting() {
        assert_eq!(string_errors("fn a() -> Result<(), String> {}"), 1);
        assert_eq!(
            string_errors("fn a() -> Result<\n    Vec<(u8, u8)>,\n    String,\n> {}"),
            1
        );
        assert_eq!(string_errors("fn a() -> Result<Vec<String>, Error> {}"), 0);
        assert_eq!(string_errors("fn a() -> Result<String, Error> {}"), 0);
        assert_eq!(
            string_errors("type T = Result<Result<u8, String>, Problem>;"),
            1
        );
        assert_eq!(
            check("src/x.rs", "//! x\nfn a() -> Result<(), String> {}\n"),
            [Rule::NoStringErrors]
        );
        // The binaries may: the CLI speaks in sentences.
        assert_eq!(
            check(
                "src/bin/ppm/x.rs",
                "//! x\nfn a() -> Result<(), String> {}\n"
            ),
            []
        );
    }

    #[test]
    fn long_files_are_refused() {
        let long = format!("//! x\n{}", "fn a() {}\n".repeat(MAX_LINES));
        assert_eq!(check("src/x.rs", &long), [Rule::Length]);
        let fits = format!("//! x\n{}", "fn a() {}\n".repeat(MAX_LINES - 1));
        assert_eq!(check("src/x.rs", &fits), []);
    }

    #[test]
    fn only_the_ui_and_the_prerenderer_import_ui() {
        let uses = "//! x\nuse crate::ui::state::Form;\n";
        assert_eq!(check("src/usage_export/x.rs", uses), [Rule::NoUiOutside]);
        assert_eq!(check("src/ui/x.rs", uses), []);
        assert_eq!(
            check(
                "src/bin/prerender.rs",
                "//! x\nppm_pricing::ui::prerender();\n"
            ),
            []
        );
        assert_eq!(
            check(
                "src/bin/ppm/main.rs",
                "//! x\nppm_pricing::ui::share::decode(x);\n"
            ),
            [Rule::NoUiOutside]
        );
        // A doc line that names the module is no import.
        assert_eq!(check("src/lang.rs", "//! the texts (`ui::i18n`)\n"), []);
    }
}
