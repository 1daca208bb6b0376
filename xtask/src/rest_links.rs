//! The first part's functions that the rest calls, handed to the rest through the shared table
//! instead of exports. `wasm-split` exports every function of the first part that the rest calls
//! (627 in the element, 478 on the page), each under a name of its own; in the first part that
//! export section cost 3.9 KB gzip. A table entry is the function's index alone, and the rest
//! imports the function under the entry's number, which the rest's loader
//! (`xtask/split/rest-loader.js`, `restImports`) reads from the table. Functions already in the
//! table keep their entry; the others get new ones after the last.

use std::collections::{HashMap, HashSet};

use crate::wasm_bytes::{
    base36, replace_sections, rewrite_imports, sections, write_leb, write_sleb, Reader, Section,
};

/// The import namespace of the rest for the first part's exports (`wasm-split`'s).
const PRIMARY: &[u8] = b"primary";

/// The two parts after the change, and how many exports became table entries.
#[derive(Debug)]
pub struct Linked {
    /// The first part: fewer exports, a larger table.
    pub first: Vec<u8>,
    /// The rest: those functions imported by their table entry's number.
    pub rest: Vec<u8>,
    /// Exports the first part no longer has.
    pub exports: usize,
    /// Table entries added for them (the others were in the table already).
    pub entries: usize,
}

/// Hands the first part's functions the rest calls through the table. `glue` lists the exports
/// the unsplit module had (what the glue calls): those stay exports.
pub fn link_through_table(
    first: &[u8],
    rest: &[u8],
    glue: &HashSet<Vec<u8>>,
) -> Result<Linked, String> {
    let parts = sections(first)?;
    let body = |id: u8| -> Result<&Section, String> {
        parts
            .iter()
            .find(|s| s.id == id)
            .ok_or(format!("the first part has no section {id}"))
    };
    let (table, elements, exports) = (body(4)?, body(9)?, body(7)?);
    let limits = table_limits(first, table)?;
    let mut slot_of: HashMap<u32, u32> = HashMap::new();
    for (offset, functions) in element_segments(first, elements)? {
        for (i, f) in functions.into_iter().enumerate() {
            slot_of.entry(f).or_insert(offset + i as u32);
        }
    }
    // The exports that become table entries: functions the glue does not call.
    let mut kept = Vec::new();
    let mut by_table: HashMap<Vec<u8>, u32> = HashMap::new();
    let mut added = Vec::new();
    let mut r = Reader::new(&first[..exports.body.end], exports.body.start);
    let count = r.leb()?;
    for _ in 0..count {
        let start = r.at;
        let name = r.name()?.to_vec();
        let kind = r.byte()?;
        let index = r.leb()? as u32;
        if kind != 0 || glue.contains(&name) {
            kept.push(r.since(start).to_vec());
            continue;
        }
        let slot = *slot_of.entry(index).or_insert_with(|| {
            added.push(index);
            limits.0 + added.len() as u32 - 1
        });
        by_table.insert(name, slot);
    }
    let new_limits = (
        limits.0 + added.len() as u32,
        limits.1.map(|max| max + added.len() as u32),
    );
    let first = replace_sections(first, |id, r| match id {
        4 => Ok(Some(table_section(new_limits))),
        7 => {
            let mut out = Vec::new();
            write_leb(&mut out, kept.len() as u64);
            kept.iter().for_each(|e| out.extend_from_slice(e));
            Ok(Some(out))
        }
        9 if !added.is_empty() => {
            let n = r.leb()?;
            let mut out = Vec::new();
            write_leb(&mut out, n + 1);
            out.extend_from_slice(r.rest());
            out.extend_from_slice(&[0, 0x41]);
            write_sleb(&mut out, i64::from(limits.0));
            out.push(0x0b);
            write_leb(&mut out, added.len() as u64);
            added
                .iter()
                .for_each(|&f| write_leb(&mut out, u64::from(f)));
            Ok(Some(out))
        }
        _ => Ok(None),
    })?;
    let rest = rest_imports(rest, &by_table, new_limits)?;
    Ok(Linked {
        first,
        rest,
        exports: by_table.len(),
        entries: added.len(),
    })
}

/// The rest with the first part's functions imported by table entry (their number as the
/// name) and the table's new limits.
fn rest_imports(
    rest: &[u8],
    by_table: &HashMap<Vec<u8>, u32>,
    limits: (u32, Option<u32>),
) -> Result<Vec<u8>, String> {
    rewrite_imports(rest, |module, name, desc| {
        let import = |name: &[u8], desc: &[u8]| Ok((module.to_vec(), name.to_vec(), desc.to_vec()));
        if module != PRIMARY {
            return import(name, desc);
        }
        match (desc.first(), by_table.get(name)) {
            (Some(0), Some(slot)) => import(slot.to_string().as_bytes(), desc),
            // The table: the kind, then the table's type after the section's count.
            (Some(1), _) => import(name, &[&[1], &table_section(limits)[1..]].concat()),
            // A function that the first part keeps exporting (the glue's own, such as the
            // allocator), a memory, a global: as it was.
            _ => import(name, desc),
        }
    })
}

/// The first part with its placeholders' imports named by steps: each name is how far its
/// table entry lies past the one before (base 36, from 0), instead of the entry's number. The
/// steps are small and repeat (`1`, `2`, ...), so the import section compresses to less (−1.5 KB
/// gzip in the element); the loader adds them up in the order the imports are read, which
/// WebAssembly's JavaScript interface fixes (each import once, in the module's order). Returns
/// the module and how many imports it renamed. `namespace` is the placeholders' module name.
pub fn placeholders_by_step(first: &[u8], namespace: &[u8]) -> Result<(Vec<u8>, usize), String> {
    let mut renamed = 0;
    let mut last = 0u64;
    let module = rewrite_imports(first, |module, name, desc| {
        if module != namespace {
            return Ok((module.to_vec(), name.to_vec(), desc.to_vec()));
        }
        let entry: u64 = std::str::from_utf8(name)
            .ok()
            .and_then(|n| n.parse().ok())
            .ok_or("a placeholder not named by its table entry")?;
        let step = entry
            .checked_sub(last)
            .ok_or("placeholders not in the order of their table entries")?;
        last = entry;
        renamed += 1;
        Ok((module.to_vec(), base36(step).into_bytes(), desc.to_vec()))
    })?;
    Ok((module, renamed))
}

/// The names a module exports.
pub fn export_names(wasm: &[u8]) -> Result<HashSet<Vec<u8>>, String> {
    let mut names = HashSet::new();
    for section in sections(wasm)?.iter().filter(|s| s.id == 7) {
        let mut r = Reader::new(&wasm[..section.body.end], section.body.start);
        for _ in 0..r.leb()? {
            names.insert(r.name()?.to_vec());
            r.byte()?;
            r.leb()?;
        }
    }
    Ok(names)
}

/// The limits (min, max) of the module's one table, a `funcref` table.
fn table_limits(wasm: &[u8], table: &Section) -> Result<(u32, Option<u32>), String> {
    let mut r = Reader::new(&wasm[..table.body.end], table.body.start);
    if r.leb()? != 1 || r.byte()? != 0x70 {
        return Err("the first part does not have exactly one funcref table".into());
    }
    let flags = r.byte()?;
    let min = r.leb()? as u32;
    let max = if flags & 1 != 0 {
        Some(r.leb()? as u32)
    } else {
        None
    };
    Ok((min, max))
}

/// A table section of one `funcref` table with these limits.
fn table_section((min, max): (u32, Option<u32>)) -> Vec<u8> {
    let mut out = vec![1, 0x70, u8::from(max.is_some())];
    write_leb(&mut out, u64::from(min));
    if let Some(max) = max {
        write_leb(&mut out, u64::from(max));
    }
    out
}

/// The element section's segments: (offset, functions). Only active segments of table 0 with
/// an `i32.const` offset and function indices (what `wasm-split` writes) are read.
fn element_segments(wasm: &[u8], section: &Section) -> Result<Vec<(u32, Vec<u32>)>, String> {
    let mut r = Reader::new(&wasm[..section.body.end], section.body.start);
    let mut out = Vec::new();
    for _ in 0..r.leb()? {
        if r.leb()? != 0 || r.byte()? != 0x41 {
            return Err("an element segment of another kind than wasm-split's".into());
        }
        let offset = r.sleb()? as u32;
        if r.byte()? != 0x0b {
            return Err("an element segment whose offset is not a constant".into());
        }
        let functions = (0..r.leb()?)
            .map(|_| r.leb().map(|f| f as u32))
            .collect::<Result<_, _>>()?;
        out.push((offset, functions));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wasm_bytes::tests::module;
    use crate::wasm_bytes::write_name;

    /// An export entry: name, kind, index.
    fn export(out: &mut Vec<u8>, name: &str, kind: u8, index: u8) {
        write_name(out, name.as_bytes());
        out.extend_from_slice(&[kind, index]);
    }

    /// An import entry from "primary": name, then its description.
    fn import(out: &mut Vec<u8>, name: &str, desc: &[u8]) {
        write_name(out, PRIMARY);
        write_name(out, name.as_bytes());
        out.extend_from_slice(desc);
    }

    /// The first part: a table of 2 (functions 0 and 1 at 0 and 1); it exports `quote`
    /// (function 0, the glue's), `a` (function 1), `b` (function 2) and its table.
    fn first() -> Vec<u8> {
        let mut exports = vec![4];
        export(&mut exports, "quote", 0, 0);
        export(&mut exports, "a", 0, 1);
        export(&mut exports, "b", 0, 2);
        export(&mut exports, "table", 1, 0);
        module(&[
            (4, table_section((2, Some(2)))),
            (7, exports),
            (9, vec![1, 0, 0x41, 0, 0x0b, 2, 0, 1]),
        ])
    }

    /// The rest: it imports `a`, `b`, `quote` (type 0 each) and the table (2, 2).
    fn rest() -> Vec<u8> {
        let mut imports = vec![4];
        import(&mut imports, "a", &[0, 0]);
        import(&mut imports, "b", &[0, 0]);
        import(&mut imports, "quote", &[0, 0]);
        import(&mut imports, "table", &[1, 0x70, 1, 2, 2]);
        module(&[(2, imports), (10, vec![0])])
    }

    #[test]
    fn exports_only_the_rest_calls_become_table_entries() {
        let glue = HashSet::from([b"quote".to_vec(), b"table".to_vec()]);
        let linked = link_through_table(&first(), &rest(), &glue).unwrap();
        // `a` was in the table already (entry 1); `b` gets entry 2, after the last.
        assert_eq!((linked.exports, linked.entries), (2, 1));
        let mut exports = vec![2];
        export(&mut exports, "quote", 0, 0);
        export(&mut exports, "table", 1, 0);
        let expected = module(&[
            (4, table_section((3, Some(3)))),
            (7, exports),
            (
                9,
                vec![2, 0, 0x41, 0, 0x0b, 2, 0, 1, 0, 0x41, 2, 0x0b, 1, 2],
            ),
        ]);
        assert_eq!(linked.first, expected);
        let mut imports = vec![4];
        import(&mut imports, "1", &[0, 0]);
        import(&mut imports, "2", &[0, 0]);
        import(&mut imports, "quote", &[0, 0]);
        import(&mut imports, "table", &[1, 0x70, 1, 3, 3]);
        assert_eq!(linked.rest, module(&[(2, imports), (10, vec![0])]));
        assert_eq!(
            export_names(&first()).unwrap(),
            HashSet::from([
                b"quote".to_vec(),
                b"a".to_vec(),
                b"b".to_vec(),
                b"table".to_vec()
            ])
        );
    }

    /// A first part importing `g`.`f` and placeholders `p`.`<entry>` for these entries.
    fn with_placeholders(entries: &[&str]) -> Vec<u8> {
        let mut imports = vec![entries.len() as u8 + 1];
        for (module, name) in std::iter::once(("g", "f")).chain(entries.iter().map(|e| ("p", *e))) {
            write_name(&mut imports, module.as_bytes());
            write_name(&mut imports, name.as_bytes());
            imports.extend_from_slice(&[0, 0]);
        }
        module(&[(2, imports)])
    }

    #[test]
    fn placeholders_are_named_by_the_step_to_their_entry() {
        // Entries 1, 2, 3, 40, 76: steps 1, 1, 1, 37 (`11` in base 36), 36 (`10`).
        let first = with_placeholders(&["1", "2", "3", "40", "76"]);
        let (renamed, count) = placeholders_by_step(&first, b"p").unwrap();
        assert_eq!(count, 5);
        assert_eq!(renamed, with_placeholders(&["1", "1", "1", "11", "10"]));
        // Out of order, or not a number: refused.
        let err = placeholders_by_step(&with_placeholders(&["2", "1"]), b"p").unwrap_err();
        assert!(err.contains("not in the order"), "{err}");
        let err = placeholders_by_step(&with_placeholders(&["x"]), b"p").unwrap_err();
        assert!(err.contains("not named by its table entry"), "{err}");
    }

    #[test]
    fn a_first_part_without_one_funcref_table_is_refused() {
        let mut first = first();
        // The table section's count: two tables.
        let at = first.iter().position(|&b| b == 4).unwrap() + 2;
        first[at] = 2;
        let err = link_through_table(&first, &rest(), &HashSet::new()).unwrap_err();
        assert!(err.contains("exactly one funcref table"), "{err}");
    }
}
