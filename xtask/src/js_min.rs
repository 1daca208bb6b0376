//! The JavaScript we ship (the wasm-bindgen glue, the element's class, the page's scripts),
//! minified by Terser: npm's `terser`, plain JavaScript run by Node and pinned in
//! `xtask/js-min/`'s lock, so nothing downloads a binary of its own. Names local to the file
//! are shortened and comments and white space go; what other code sees stays: an ES module's
//! exports, a classic script's globals, and property names (the glue's import object, which
//! the WebAssembly looks up by name). A script Terser cannot parse is an error naming it.

use crate::{root, run};

/// The npm package that pins `terser` (its lock is committed).
const PACKAGE: &str = "xtask/js-min";

/// Installs the pinned `terser` when it is missing (`npm ci`).
pub fn ensure() -> Result<(), String> {
    crate::ensure_npm(PACKAGE, "terser/bin/terser")
}

/// Whether `text` is an ES module: a line of it starts an `import` or `export` statement. A
/// module's top-level names are its own and may be shortened; a classic script's are globals.
fn is_module(text: &str) -> bool {
    text.lines().map(str::trim_start).any(|line| {
        ["import ", "import{", "export ", "export{"]
            .iter()
            .any(|start| line.starts_with(start))
    })
}

/// `text` minified. `file` names it in messages and in the work file under `target/js-min/`.
pub fn minify(text: &str, file: &str) -> Result<String, String> {
    let work = root()?.join("target/js-min");
    std::fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    let stem: String = file
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let (input, output) = (
        work.join(format!("{stem}.in.js")),
        work.join(format!("{stem}.js")),
    );
    std::fs::write(&input, text).map_err(|e| format!("cannot write {}: {e}", input.display()))?;
    let tool = root()?.join(PACKAGE).join("node_modules/terser/bin/terser");
    let (tool, from, to) = (
        tool.to_string_lossy().into_owned(),
        input.to_string_lossy().into_owned(),
        output.to_string_lossy().into_owned(),
    );
    // ES2020 output: the scripts already need a browser of 2021 or later (`??=`, `#private`).
    let mut args = vec![
        tool.as_str(),
        &from,
        "--compress",
        "--mangle",
        "--ecma",
        "2020",
        "-o",
        &to,
    ];
    if is_module(text) {
        args.push("--module");
    }
    run("node", &args).map_err(|e| format!("minifying {file}: {e}"))?;
    std::fs::read_to_string(&output).map_err(|e| format!("cannot read {}: {e}", output.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modules_and_classic_scripts_are_told_apart() {
        assert!(is_module("// glue\nimport init from \"./a.js\";\n"));
        assert!(is_module("const a = 1;\n  export { a };\n"));
        assert!(is_module("export{a as b};"));
        assert!(!is_module("// export nothing\nif (location.hash) go();\n"));
        assert!(!is_module("const important = 1;\nexported(important);\n"));
    }

    #[test]
    fn a_module_keeps_its_exports_and_property_names_a_script_its_globals() {
        ensure().unwrap();
        // The local function is inlined and the parameter gets a one-letter name; the export
        // and the import object's key `__wbg_x` stay as they are.
        let module = "// The glue.\nfunction imports(value) {\n    return { __wbg_x: value };\n}\nexport function load(count) {\n    return imports(count + 1);\n}\n";
        assert_eq!(
            minify(module, "test module").unwrap(),
            "export function load(n){return{__wbg_x:n+1}}"
        );
        // A classic script's top-level names are globals that other scripts may use: kept.
        let script = "// Marks a page opened with a link.\nfunction markLink(root) {\n    root.dataset.pricing = \"link\";\n}\nif (location.hash.length > 1) markLink(document.documentElement);\n";
        assert_eq!(
            minify(script, "test script").unwrap(),
            "function markLink(n){n.dataset.pricing=\"link\"}location.hash.length>1&&markLink(document.documentElement);"
        );
    }

    #[test]
    fn a_script_terser_cannot_parse_is_refused_by_name() {
        ensure().unwrap();
        let err = minify("function (\n", "broken.js").unwrap_err();
        assert!(err.starts_with("minifying broken.js: "), "{err}");
    }
}
