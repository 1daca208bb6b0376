//! Short names for the closure adapters the WebAssembly exports to its glue. wasm-bindgen names
//! each `wasm_bindgen_<16 hex digits>___convert__closures_____invoke___<types>`, about 100 to
//! 200 characters, and writes it three times in the glue (a function of that name, its call of
//! `wasm.<name>`, and the closure that passes it) and once in the WASM's export section. The
//! first of these does not compress: together about 0.2 KB gzip of the page's glue. This
//! renames each to `wbc0`, `wbc1`, … in both files, with the imports (`short_imports.rs`).
//!
//! Only names that the glue declares as `function <name>(` and that the module exports are
//! renamed, and only when the short name is not already used; the WASM is otherwise copied byte
//! for byte (only the export section is rewritten).

use std::collections::HashMap;

use crate::wasm_bytes::{occurrences, rewrite_section, write_leb, write_name};

/// What wasm-bindgen's closure adapters are called (and nothing else in the glue).
const PREFIX: &str = "wasm_bindgen_";

/// Renames the closure adapters in the glue `text` and the module `wasm`; returns both and how
/// many were renamed.
pub fn rename(text: &str, wasm: &[u8]) -> Result<(String, Vec<u8>, usize), String> {
    let mut renames = HashMap::new();
    for name in adapters(text) {
        let short = format!("wbc{}", renames.len());
        if occurrences(text, &short) != 0 {
            return Err(format!("the glue already uses the name `{short}`"));
        }
        renames.insert(name, short);
    }
    let (wasm, renamed) = rename_exports(wasm, &renames)?;
    // Only what the module exported under the long name is renamed in the glue.
    renames.retain(|name, _| renamed.contains(name));
    let mut text = text.to_string();
    for (name, short) in &renames {
        text = replace_identifier(&text, name, short);
    }
    Ok((text, wasm, renames.len()))
}

/// The glue's closure adapters: the functions it declares as `function wasm_bindgen_…(`.
fn adapters(text: &str) -> Vec<String> {
    let mut names: Vec<String> = text
        .match_indices(&format!("function {PREFIX}"))
        .map(|(at, _)| {
            let name: String = text[at + "function ".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            name
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

/// `text` with every whole-identifier occurrence of `name` written `short` (after `wasm.` too).
fn replace_identifier(text: &str, name: &str, short: &str) -> String {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (at, _) in text.match_indices(name) {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        if before.is_some_and(is_ident) || after.is_some_and(is_ident) {
            continue;
        }
        out.push_str(&text[last..at]);
        out.push_str(short);
        last = at + name.len();
    }
    out.push_str(&text[last..]);
    out
}

/// The module with each export named in `renames` renamed; returns it and the names renamed.
fn rename_exports(
    wasm: &[u8],
    renames: &HashMap<String, String>,
) -> Result<(Vec<u8>, Vec<String>), String> {
    let mut renamed = Vec::new();
    let out = rewrite_section(wasm, 7, |r| {
        let mut section = Vec::new();
        let count = r.leb()?;
        write_leb(&mut section, count);
        let mut names = Vec::new();
        for _ in 0..count {
            let field = std::str::from_utf8(r.name()?).map_err(|_| "a name that is not UTF-8")?;
            let desc_start = r.at;
            r.byte()?;
            r.leb()?;
            names.push(field);
            match renames.get(field) {
                Some(short) => {
                    write_name(&mut section, short.as_bytes());
                    renamed.push(field.to_string());
                }
                None => write_name(&mut section, field.as_bytes()),
            }
            section.extend_from_slice(r.since(desc_start));
        }
        if let Some(taken) = renames.values().find(|s| names.contains(&s.as_str())) {
            return Err(format!("the module already exports `{taken}`"));
        }
        Ok(section)
    })?;
    Ok((out, renamed))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module exporting a function `wasm_bindgen_1f___convert__closures_x` and `memory`,
    /// written by hand: magic, version, the export section.
    fn module() -> Vec<u8> {
        let mut exports = Vec::new();
        write_leb(&mut exports, 2);
        write_name(&mut exports, b"wasm_bindgen_1f___convert__closures_x");
        exports.extend_from_slice(&[0x00, 0x03]);
        write_name(&mut exports, b"memory");
        exports.extend_from_slice(&[0x02, 0x00]);
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.push(7);
        write_leb(&mut m, exports.len() as u64);
        m.extend_from_slice(&exports);
        m
    }

    #[test]
    fn renames_the_adapters_in_the_glue_and_the_exports() {
        let glue = "const ret = makeMutClosure(a, b, wasm_bindgen_1f___convert__closures_x);\nfunction wasm_bindgen_1f___convert__closures_x(a) {\n    wasm.wasm_bindgen_1f___convert__closures_x(a);\n}\nfunction wasm_bindgen_2e_unexported(a) {}\n";
        let (text, wasm, n) = rename(glue, &module()).unwrap();
        // The exported adapter is renamed in all three places; the one the module does not
        // export (a glue of another shape) stays.
        assert_eq!(n, 1);
        assert_eq!(text, "const ret = makeMutClosure(a, b, wbc0);\nfunction wbc0(a) {\n    wasm.wbc0(a);\n}\nfunction wasm_bindgen_2e_unexported(a) {}\n");
        // 37 bytes of name became 4 ("wbc0"): the section and the module are 33 bytes shorter.
        assert_eq!(wasm.len(), module().len() - 33);
        assert!(wasm.windows(5).any(|w| w == b"\x04wbc0"));
        assert!(wasm.windows(6).any(|w| w == b"memory"));
    }

    #[test]
    fn a_short_name_already_taken_is_refused() {
        let glue = "function wasm_bindgen_1f___convert__closures_x(a) {}\nlet wbc0;\n";
        let err = rename(glue, &module()).unwrap_err();
        assert!(err.contains("`wbc0`"), "{err}");
    }
}
