//! Short names for the glue's imports. wasm-bindgen names each function the WebAssembly imports
//! from its JavaScript glue `__wbg_<name>_<16 hex digits>`, and each name is written twice: as
//! a key of the glue's import object and in the WASM's import section. The hex digits do not
//! compress, so on the pricing page the names cost about 4 KB gzip. This renames each to `w0`,
//! `w1`, … in both files, after wasm-bindgen and before anything reads the glue.
//!
//! Only names that the glue defines exactly once, as `name: function`, are renamed; the WASM is
//! otherwise copied byte for byte (only the import section is rewritten). The module the
//! imports come from, `./<bundle>_bg.js` (written once per import), becomes [`GLUE_MODULE`]. The
//! closure adapters the WASM exports to the glue get short names in the same step
//! (`short_exports.rs`).

use std::collections::HashMap;
use std::path::Path;

use crate::wasm_bytes::{occurrences, rewrite_imports};

/// The name of the module the WASM imports the glue's functions from, after [`shorten`]
/// (wasm-bindgen writes `./<bundle>_bg.js`, 17 bytes or more, once per import).
pub const GLUE_MODULE: &str = "g";

/// The line of the glue's import object that hands the glue's functions to the WASM, after
/// [`shorten`].
pub fn glue_import_key() -> String {
    format!("{GLUE_MODULE}: import0,")
}

/// Renames the imports `wasm` takes from the glue `js` (both rewritten in place). Returns how
/// many were renamed.
pub fn shorten(js: &Path, wasm: &Path) -> Result<usize, String> {
    let text =
        std::fs::read_to_string(js).map_err(|e| format!("cannot read {}: {e}", js.display()))?;
    let bytes = std::fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let names = glue_functions(&text);
    let stem = wasm
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".wasm"))
        .ok_or_else(|| format!("{}: not a .wasm file", wasm.display()))?;
    let (text, module) = rename_module(&text, &format!("./{stem}.js"))?;
    let (new_wasm, renames) = rename_imports(&bytes, &names, &module)
        .map_err(|e| format!("{}: import section: {e}", wasm.display()))?;
    let new_text = rename_keys(&text, &renames);
    // The closure adapters the module exports to the glue, too.
    let (new_text, new_wasm, _) = crate::short_exports::rename(&new_text, &new_wasm)
        .map_err(|e| format!("{}: export section: {e}", wasm.display()))?;
    std::fs::write(js, new_text).map_err(|e| format!("cannot write {}: {e}", js.display()))?;
    std::fs::write(wasm, new_wasm).map_err(|e| format!("cannot write {}: {e}", wasm.display()))?;
    Ok(renames.len())
}

/// The glue with its import object's key `"<module>": import0,` written `g: import0,`, and
/// `module`. Refused when the glue does not name `module` exactly once, so: an output of
/// wasm-bindgen other than the one this was written for.
fn rename_module(text: &str, module: &str) -> Result<(String, String), String> {
    let key = format!("\"{module}\": import0,");
    if occurrences(text, module) != 1 || occurrences(text, &key) != 1 {
        return Err(format!(
            "xtask: the glue does not import `{module}` once as `{key}`; has wasm-bindgen's \
             output changed?"
        ));
    }
    Ok((text.replace(&key, &glue_import_key()), module.to_string()))
}

/// The glue's import functions: the keys written `name: function` at the start of a line,
/// each of which appears nowhere else in the text.
fn glue_functions(text: &str) -> Vec<String> {
    let keys: Vec<&str> = text
        .lines()
        .filter_map(|line| line.trim_start().split_once(": function"))
        .map(|(key, _)| key)
        .filter(|key| key.starts_with("__wbg") || key.starts_with("__wbindgen"))
        .filter(|key| key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
        .collect();
    keys.into_iter()
        .filter(|key| occurrences(text, key) == 1)
        .map(str::to_string)
        .collect()
}

/// `text` with each key `old: function` written `new: function`.
fn rename_keys(text: &str, renames: &HashMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.trim_start();
        let indent = &line[..line.len() - body.len()];
        match body
            .split_once(": function")
            .and_then(|(key, rest)| Some((renames.get(key)?, rest)))
        {
            Some((short, rest)) => {
                out.push_str(indent);
                out.push_str(short);
                out.push_str(": function");
                out.push_str(rest);
            }
            None => out.push_str(line),
        }
    }
    out
}

/// The short name of the `i`-th import: `w` and `i` in base 36 (never a reserved word).
fn short_name(i: usize) -> String {
    format!("w{}", crate::wasm_bytes::base36(i as u64))
}

/// The module with every import whose name is in `names` renamed, and those from `module` taken
/// from [`GLUE_MODULE`] instead; and the renames made.
fn rename_imports(
    wasm: &[u8],
    names: &[String],
    module: &str,
) -> Result<(Vec<u8>, HashMap<String, String>), String> {
    let wanted: std::collections::HashSet<&str> = names.iter().map(String::as_str).collect();
    let mut renames = HashMap::new();
    let out = rewrite_imports(wasm, |from, field, desc| {
        let from = if from == module.as_bytes() {
            GLUE_MODULE.as_bytes()
        } else {
            from
        };
        let field = std::str::from_utf8(field).map_err(|_| "a name that is not UTF-8")?;
        let name = if wanted.contains(field) && !renames.contains_key(field) {
            let short = short_name(renames.len());
            renames.insert(field.to_string(), short.clone());
            short
        } else {
            field.to_string()
        };
        Ok((from.to_vec(), name.into_bytes(), desc.to_vec()))
    })?;
    Ok((out, renames))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wasm_bytes::{write_leb, write_name};

    /// A module importing `env.f` (a function), a memory and `g.__wbg_x_0123` (a function),
    /// written by hand: magic, version, a type section, the import section.
    fn module() -> Vec<u8> {
        let mut imports = Vec::new();
        write_leb(&mut imports, 3);
        write_name(&mut imports, b"env");
        write_name(&mut imports, b"f");
        imports.extend_from_slice(&[0x00, 0x00]);
        write_name(&mut imports, b"env");
        write_name(&mut imports, b"memory");
        imports.extend_from_slice(&[0x02, 0x01, 0x01, 0x02]);
        write_name(&mut imports, b"./g_bg.js");
        write_name(&mut imports, b"__wbg_x_0123");
        imports.extend_from_slice(&[0x00, 0x00]);
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        // Type section: one type, () -> ().
        m.extend_from_slice(&[0x01, 0x04, 0x01, 0x60, 0x00, 0x00]);
        m.push(2);
        write_leb(&mut m, imports.len() as u64);
        m.extend_from_slice(&imports);
        m
    }

    #[test]
    fn renames_the_named_imports_in_both_files_and_nothing_else() {
        let glue = "const import0 = {\n    __wbg_x_0123: function(a) {\n        return a;\n    },\n    __wbg_twice_9: function() {},\n};\nuse(__wbg_twice_9);\n";
        let names = glue_functions(glue);
        // `__wbg_twice_9` is also used elsewhere in the glue: left as it is.
        assert_eq!(names, vec!["__wbg_x_0123".to_string()]);
        let (wasm, renames) = rename_imports(&module(), &names, "./g_bg.js").unwrap();
        assert_eq!(renames.get("__wbg_x_0123").map(String::as_str), Some("w0"));
        // The module is the same but for the names: 12 bytes ("__wbg_x_0123") became 2 ("w0")
        // and 9 ("./g_bg.js") became 1 ("g"), so the module is 10 + 8 bytes shorter.
        assert_eq!(wasm.len(), module().len() - 18);
        assert!(wasm.windows(5).any(|w| w == b"\x01g\x02w0"));
        // `env` is another module: its imports keep their names.
        assert!(wasm.windows(6).any(|w| w == b"memory"));
        assert!(wasm.windows(5).any(|w| w == b"\x03env\x01"));
        let (again, none) = rename_imports(&wasm, &[], "./g_bg.js").unwrap();
        assert_eq!((again, none.len()), (wasm.clone(), 0));
        let js = rename_keys(glue, &renames);
        assert!(js.contains("    w0: function(a) {\n"));
        assert!(!js.contains("__wbg_x_0123"));
        assert!(js.contains("__wbg_twice_9: function"));
    }

    #[test]
    fn short_names_count_in_base_36() {
        assert_eq!(short_name(0), "w0");
        assert_eq!(short_name(35), "wz");
        assert_eq!(short_name(36), "w10");
    }

    #[test]
    fn a_truncated_module_is_refused() {
        let m = module();
        assert!(rename_imports(&m[..m.len() - 3], &[], "").is_err());
        assert!(rename_imports(b"nope", &[], "").is_err());
    }

    #[test]
    fn the_glue_hands_its_functions_over_as_module_g() {
        let glue = "return {\n__proto__: null,\n\"./ppm_api_bg.js\": import0,\n};\n";
        let (text, module) = rename_module(glue, "./ppm_api_bg.js").unwrap();
        assert_eq!(text, "return {\n__proto__: null,\ng: import0,\n};\n");
        assert_eq!(module, "./ppm_api_bg.js");
        // Another shape (named twice, or not as the import object's key) is refused.
        assert!(rename_module(&format!("{glue}// ./ppm_api_bg.js\n"), "./ppm_api_bg.js").is_err());
        assert!(rename_module("\"./ppm_api_bg.js\": imports,", "./ppm_api_bg.js").is_err());
    }
}
