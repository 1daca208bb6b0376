//! `dist/npm/`: the partner package. The custom element's module and its WASM glue become one
//! ES module; every asset gets a content hash in its name (a CDN can cache it forever) and the
//! module carries the sha384 integrity of what it loads, so the partner's `<script integrity>`
//! covers the whole chain. Templates live in `www/npm/`.

use std::path::Path;

use base64::Engine as _;
use sha2::{Digest, Sha384};

/// The languages whose texts the element fetches (`element-texts-<tag>.txt`: the page's texts and
/// the partner sentences; the WASM carries English).
const TEXTS_LANGUAGES: [&str; 2] = ["de", "fr"];

/// The start of the name of the element's rest of the WebAssembly in the package
/// (`ppm-pricing-rest.<hash>.wasm`: fetched after the first quote, see split.rs).
pub const REST_STEM: &str = "ppm-pricing-rest.";

/// One file of the package: its hashed name and its integrity value.
struct Asset {
    name: String,
    integrity: String,
}

fn integrity(bytes: &[u8]) -> String {
    let digest = Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Writes `bytes` as `<stem>.<hash>.<ext>` into `dir`.
fn write_hashed(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> Result<Asset, String> {
    let digest = Sha384::digest(bytes);
    let hash: String = digest[..5].iter().map(|b| format!("{b:02x}")).collect();
    let name = format!("{stem}.{hash}.{ext}");
    std::fs::write(dir.join(&name), bytes).map_err(|e| format!("cannot write {name}: {e}"))?;
    Ok(Asset {
        name,
        integrity: integrity(bytes),
    })
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Replaces exactly one occurrence of `from`; anything else means a source changed shape.
fn replace_once(text: &str, from: &str, to: &str, file: &str) -> Result<String, String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!(
            "npm package: expected `{from}` once in {file}, found it {n} times"
        )),
    }
}

/// [`replace_once`] for each `(from, to)` in turn.
fn replace_each_once(text: &str, pairs: &[(String, String)], file: &str) -> Result<String, String> {
    pairs.iter().try_fold(text.to_string(), |t, (from, to)| {
        replace_once(&t, from, to, file)
    })
}

/// The JS API functions of the element's module.
const API_FUNCTIONS: [&str; 5] = [
    "quote",
    "costCurve",
    "rateCards",
    "countries",
    "loadRateCard",
];

/// Builds `dist/npm/` from the files already in `dist/`. Returns the module's file name.
pub fn package(dist: &Path, www: &Path, version: &str) -> Result<String, String> {
    let out = dist.join("npm");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create dist/npm: {e}"))?;
    let wasm = std::fs::read(dist.join("ppm_element_bg.wasm"))
        .map_err(|e| format!("cannot read ppm_element_bg.wasm: {e}"))?;
    let wasm = write_hashed(&out, "ppm-pricing", "wasm", &wasm)?;
    let rest = std::fs::read(dist.join(crate::split::ELEMENT.rest()))
        .map_err(|e| format!("cannot read {}: {e}", crate::split::ELEMENT.rest()))?;
    let rest = write_hashed(&out, REST_STEM.trim_end_matches('.'), "wasm", &rest)?;
    let css = write_hashed(
        &out,
        "ppm-pricing",
        "css",
        read(&dist.join("widget.css"))?.as_bytes(),
    )?;
    // The languages the WebAssembly does not carry (written by `ppm-prerender`).
    let mut texts = Vec::new();
    for tag in TEXTS_LANGUAGES {
        let file = read(&dist.join(format!("element-texts-{tag}.txt")))?;
        let asset = write_hashed(&out, &format!("ppm-pricing-{tag}"), "txt", file.as_bytes())?;
        texts.push((
            format!("  {tag}: [new URL(\"./element-texts-{tag}.txt\", import.meta.url), \"\"],"),
            format!(
                "  {tag}: [new URL(\"./{}\", import.meta.url), \"{}\"],",
                asset.name, asset.integrity
            ),
        ));
    }

    // The glue and the element class as one module: the element's import of the glue and its
    // re-export become plain references to the glue's own bindings.
    // The glue's own exports become private declarations (the API functions renamed
    // `wasm_…`, as the element imports them), so the module exports exactly the element's
    // `ready` and its guarded API, not `Widget`, `initSync` or `mount`.
    let mut renames: Vec<(String, String)> = API_FUNCTIONS
        .iter()
        .map(|f| {
            (
                format!("export function {f}("),
                format!("function wasm_{f}("),
            )
        })
        .collect();
    renames.push(("export function mount(".into(), "function mount(".into()));
    renames.push(("export class Widget ".into(), "class Widget ".into()));
    renames.push((
        "export function __ppm_restart(".into(),
        "function __ppm_restart(".into(),
    ));
    renames.push((
        "export function addTexts(".into(),
        "function wasm_addTexts(".into(),
    ));
    // The loader of the rest (split.rs): private, with the package's file and its integrity.
    for loader in ["loadRest", "loadRestWhenIdle", "holdUntilRest"] {
        renames.push((
            format!("export function {loader}("),
            format!("function {loader}("),
        ));
    }
    renames.push((
        format!(
            "let restUrl = new URL(\"{}\", import.meta.url);",
            crate::split::ELEMENT.rest()
        ),
        format!(
            "let restUrl = new URL(\"./{}\", import.meta.url);",
            rest.name
        ),
    ));
    renames.push((
        "const restIntegrity = \"\";".into(),
        format!("const restIntegrity = \"{}\";", rest.integrity),
    ));
    renames.push(("export { __wbg_init as default };".into(), String::new()));
    // The glue's fallback address names a file the package does not have (its WASM is
    // hashed), which bundlers warn about; the element always passes its own.
    renames.push((
        "module_or_path = new URL('ppm_element_bg.wasm', import.meta.url);".into(),
        "module_or_path = WASM_URL;".into(),
    ));
    let glue = replace_each_once(
        &read(&dist.join("ppm_element.js"))?,
        &renames,
        "ppm_element.js",
    )?;
    let element = element_modules(www)?;
    let mut rewrites = texts;
    rewrites.extend([
        (
            "const WASM_URL = new URL(\"./ppm_element_bg.wasm\", import.meta.url);".into(),
            format!(
                "const WASM_URL = new URL(\"./{}\", import.meta.url);",
                wasm.name
            ),
        ),
        (
            "const WASM_INTEGRITY = \"\";".into(),
            format!("const WASM_INTEGRITY = \"{}\";", wasm.integrity),
        ),
        (
            "const CSS_URL = new URL(\"./widget.css\", import.meta.url);".into(),
            format!(
                "const CSS_URL = new URL(\"./{}\", import.meta.url);",
                css.name
            ),
        ),
        (
            "const CSS_INTEGRITY = \"\";".into(),
            format!("const CSS_INTEGRITY = \"{}\";", css.integrity),
        ),
    ]);
    let element = replace_each_once(&element, &rewrites, "the element's modules")?;
    let module = write_hashed(
        &out,
        "ppm-pricing",
        "js",
        crate::js_min::minify(&format!("{glue}\n{element}"), "the npm module")?.as_bytes(),
    )?;

    // The iframe variant and its host-side helper.
    let embed_js = replace_once(
        &read(&www.join("embed.js"))?,
        "import \"./ppm-pricing.js\";",
        &format!("import \"./{}\";", module.name),
        "embed.js",
    )?;
    let embed_js = crate::js_min::minify(&embed_js, "embed.js")?;
    let embed_js = write_hashed(&out, "embed", "js", embed_js.as_bytes())?;
    let embed_html = replace_once(
        &read(&www.join("embed.html"))?,
        "src=\"embed.js\"",
        &format!(
            "src=\"{}\" integrity=\"{}\" crossorigin=\"anonymous\"",
            embed_js.name, embed_js.integrity
        ),
        "embed.html",
    )?;
    write(&out, "embed.html", &embed_html)?;
    write(&out, "embed.css", &read(&dist.join("embed.css"))?)?;
    let frame = write_hashed(
        &out,
        "ppm-frame",
        "js",
        crate::js_min::minify(&read(&www.join("ppm-frame.js"))?, "ppm-frame.js")?.as_bytes(),
    )?;

    // Types: the element's (hand-written) and the JS API's (generated by wasm-bindgen).
    write(
        &out,
        "ppm-pricing.d.ts",
        &read(&www.join("npm/ppm-pricing.d.ts"))?,
    )?;
    // wasm-bindgen declares `[Symbol.dispose]` on its classes, which needs TypeScript's
    // `esnext.disposable` library; partners need not have it (the method stays at run time).
    let api_types =
        read(&dist.join("ppm_element.d.ts"))?.replace("    [Symbol.dispose](): void;\n", "");
    write(&out, "ppm_element.d.ts", &api_types)?;
    // `ppm-pricing-widget/react`: <ppm-pricing> as a typed JSX element (types only).
    write(&out, "react.d.ts", &read(&www.join("npm/react.d.ts"))?)?;

    // `ppm-pricing-widget/api`: the JS API's own bundle (no element, no Yew) under its
    // wasm-bindgen names, so that the glue's own `new URL("ppm_api_bg.wasm", import.meta.url)`
    // is right for bundlers; Node reads the file (api.node.js).
    let api_glue = crate::js_min::minify(&read(&dist.join("ppm_api.js"))?, "the npm API glue")?;
    write(&out, "ppm_api.js", &api_glue)?;
    std::fs::copy(dist.join("ppm_api_bg.wasm"), out.join("ppm_api_bg.wasm"))
        .map_err(|e| format!("cannot copy ppm_api_bg.wasm: {e}"))?;
    let api_glue_types = read(&dist.join("ppm_api.d.ts"))?;
    write(&out, "ppm_api.d.ts", &api_glue_types)?;
    for file in ["api.js", "api.node.js", "api-guard.js", "api.d.ts"] {
        write(&out, file, &read(&www.join("npm").join(file))?)?;
    }

    let fill = |template: &str| {
        template
            .replace("{{VERSION}}", version)
            .replace("{{MODULE}}", &module.name)
            .replace("{{MODULE_SRI}}", &module.integrity)
            .replace("{{WASM_SRI}}", &wasm.integrity)
            .replace("{{REST}}", &rest.name)
            .replace("{{REST_SRI}}", &rest.integrity)
            .replace("{{CSS_SRI}}", &css.integrity)
            .replace("{{FRAME}}", &frame.name)
            .replace("{{FRAME_SRI}}", &frame.integrity)
    };
    write(&out, "README.md", &fill(&read(&www.join("npm/README.md"))?))?;
    write(&out, "example.html", &fill(EXAMPLE))?;
    let package = format!(
        r#"{{
  "name": "ppm-pricing-widget",
  "version": "{version}",
  "description": "Teams Audio Conferencing pricing (pay-per-minute vs per-user licence) as the <ppm-pricing> custom element",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./{module}",
  "types": "./ppm-pricing.d.ts",
  "exports": {{
    ".": {{ "types": "./ppm-pricing.d.ts", "default": "./{module}" }},
    "./api": {{ "types": "./api.d.ts", "node": "./api.node.js", "default": "./api.js" }},
    "./react": {{ "types": "./react.d.ts" }},
    "./frame": "./{frame}",
    "./embed.html": "./embed.html"
  }},
  "sideEffects": true,
  "files": ["*.js", "*.wasm", "*.css", "*.txt", "*.d.ts", "*.html", "README.md"]
}}
"#,
        module = module.name,
        frame = frame.name,
    );
    write(&out, "package.json", &package)?;
    Ok(module.name)
}

/// The element's own modules in `www/`, in the order the package's one module holds them: each
/// imports the glue (`./ppm_element.js`) and those before it; the last is the entry, whose
/// exports are the package's.
const ELEMENT_MODULES: [&str; 2] = ["ppm-pricing-instance.js", "ppm-pricing.js"];

/// The element's modules as one piece of the package's module (after the glue): their imports
/// of each other and of the glue become plain references to the names in scope (the glue's
/// default export is `__wbg_init`; its renamed API functions are the `wasm_…` names the modules
/// import them as), and only the entry keeps its `export`s.
fn element_modules(www: &Path) -> Result<String, String> {
    let mut out = String::from("const init = __wbg_init;\n");
    for (i, file) in ELEMENT_MODULES.iter().enumerate() {
        let text = without_local_imports(&read(&www.join(file))?, file)?;
        if i + 1 < ELEMENT_MODULES.len() {
            out.push_str(&without_exports(&text));
        } else {
            out.push_str(&text);
        }
        out.push('\n');
    }
    Ok(out)
}

/// `text` without its `import … from "./…";` statements of the glue and the element's modules;
/// an import of anything else is an error (the package is one module).
fn without_local_imports(text: &str, file: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest
        .find("\nimport ")
        .map(|i| i + 1)
        .or_else(|| rest.starts_with("import ").then_some(0))
    {
        out.push_str(&rest[..at]);
        let statement = &rest[at..];
        let end = statement
            .find("\";")
            .map(|i| i + 2)
            .ok_or_else(|| format!("npm package: an import in {file} is not closed"))?;
        let from = statement[..end]
            .rsplit("from \"")
            .next()
            .map(|p| p.trim_end_matches("\";"))
            .unwrap_or_default();
        let local =
            from == "./ppm_element.js" || ELEMENT_MODULES.iter().any(|m| from == format!("./{m}"));
        if !local {
            return Err(format!(
                "npm package: {file} imports `{from}`, which the package's one module cannot hold"
            ));
        }
        rest = statement[end..]
            .strip_prefix('\n')
            .unwrap_or(&statement[end..]);
    }
    out.push_str(rest);
    Ok(out)
}

/// `text` with its top-level `export` keywords removed (declarations stay, private).
fn without_exports(text: &str) -> String {
    text.lines()
        .map(|line| line.strip_prefix("export ").unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n")
}

fn write(dir: &Path, name: &str, text: &str) -> Result<(), String> {
    std::fs::write(dir.join(name), text).map_err(|e| format!("cannot write npm/{name}: {e}"))
}

/// The README's snippet in a page, under the strict policy the README documents.
const EXAMPLE: &str = r#"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'">
  <title>ppm-pricing {{VERSION}}: the snippet</title>
  <script type="module" src="{{MODULE}}" integrity="{{MODULE_SRI}}" crossorigin="anonymous"></script>
</head>
<body>
  <ppm-pricing lang="en" card="illustrative-usd"></ppm-pricing>
</body>
</html>
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_element_modules_lose_their_local_imports_and_the_inner_ones_their_exports() {
        let text = "// head\nimport init, {\n  a as wasm_a,\n} from \"./ppm_element.js\";\nimport { b } from \"./ppm-pricing-instance.js\";\nexport function c() { return b; }\n";
        let without = without_local_imports(text, "x.js").unwrap();
        assert_eq!(without, "// head\nexport function c() { return b; }\n");
        assert_eq!(
            without_exports(&without),
            "// head\nfunction c() { return b; }"
        );
    }

    #[test]
    fn an_import_the_one_module_cannot_hold_is_refused() {
        let err =
            without_local_imports("import x from \"https://cdn/x.js\";\n", "x.js").unwrap_err();
        assert!(err.contains("imports `https://cdn/x.js`"), "{err}");
    }
}
