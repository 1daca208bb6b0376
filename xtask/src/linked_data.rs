//! What the linker knows about a bundle's data, read from the module as `wasm-ld` wrote it with
//! `--emit-relocs`: where each data object (a string, a table, a `static`) starts and ends, and
//! which objects hold the address of which (a table of `&str`, a vtable's neighbours). Nothing
//! after the linker keeps this: wasm-bindgen, `wasm-opt` and `wasm-split` move and rename
//! functions but leave every data byte at its address, so the map still holds for the parts
//! that `wasm-split` writes ([`crate::rest_data`] checks that the bytes are the same).
//!
//! The format is the tool conventions' "linking" section (its symbol table) and the
//! "reloc.CODE" and "reloc.DATA" sections:
//! <https://github.com/WebAssembly/tool-conventions/blob/main/Linking.md>.

use crate::wasm_bytes::{keep_sections, sections, Reader, Section};

/// A module's data objects and the addresses its data holds.
#[derive(Debug, Default)]
pub struct DataMap {
    /// Every data object as `[start, end)` in memory, sorted by start (objects may overlap
    /// where the linker merged equal strings).
    pub objects: Vec<(u32, u32)>,
    /// For each object (same order), the objects whose address its bytes hold.
    pub points_to: Vec<Vec<usize>>,
    /// Objects that some code names by an address outside `[start, end]`: no scan of the code
    /// can tell which function names them, so they stay where they are.
    pub named_outside: Vec<usize>,
    /// The module's active data segments: (address, bytes).
    pub segments: Vec<(u32, Vec<u8>)>,
}

/// Relocation types that carry an addend (Linking.md, "Relocation Sections").
const WITH_ADDEND: [u8; 14] = [3, 4, 5, 8, 9, 11, 14, 15, 16, 17, 21, 22, 23, 25];
/// Relocation types whose value is a memory address (`R_WASM_MEMORY_ADDR_*`).
const MEMORY_ADDRESS: [u8; 9] = [3, 4, 5, 11, 14, 15, 16, 17, 23];
/// The symbol table's subsection in "linking", and its data symbol kind.
const SYMBOL_TABLE: u8 = 8;
const DATA_SYMBOL: u8 = 1;
/// Symbol flags: undefined, and a name given explicitly for an import.
const UNDEFINED: u64 = 0x10;
const EXPLICIT_NAME: u64 = 0x40;

/// One relocation: its type, offset in its section's body, symbol, and addend.
struct Reloc {
    kind: u8,
    offset: usize,
    symbol: usize,
    addend: i64,
}

impl DataMap {
    /// Reads the map of a module linked with `--emit-relocs`; `None` when it has no "linking"
    /// section (a build without the flag).
    pub fn read(wasm: &[u8]) -> Result<Option<DataMap>, String> {
        let sections = sections(wasm)?;
        let Some(linking) = custom(&sections, wasm, b"linking") else {
            return Ok(None);
        };
        let data_index = sections
            .iter()
            .position(|s| s.id == 11)
            .ok_or("a linked module without a data section")?;
        let segments = active_segments(wasm, sections[data_index].body.clone())?;
        // Data symbols: (symbol index, start, size).
        let symbols = data_symbols(linking, &segments)?;
        let mut order: Vec<usize> = (0..symbols.len()).collect();
        order.sort_by_key(|&i| (symbols[i].1, symbols[i].2));
        let mut by_symbol = std::collections::HashMap::new();
        let mut objects = Vec::with_capacity(order.len());
        for &i in &order {
            by_symbol.insert(symbols[i].0, objects.len());
            objects.push((symbols[i].1, symbols[i].1 + symbols[i].2));
        }
        let mut map = DataMap {
            points_to: vec![Vec::new(); objects.len()],
            objects,
            named_outside: Vec::new(),
            segments: Vec::new(),
        };
        for section in sections.iter().filter(|s| s.id == 0) {
            let mut r = Reader::new(&wasm[..section.body.end], section.body.start);
            let name = r.name()?;
            if !name.starts_with(b"reloc.") {
                continue;
            }
            let target = r.leb()? as usize;
            let relocs = relocations(&mut r)?;
            let relevant = relocs
                .into_iter()
                .filter(|x| MEMORY_ADDRESS.contains(&x.kind))
                .filter_map(|x| by_symbol.get(&x.symbol).map(|&o| (x, o)));
            if target == data_index {
                // A pointer in the data: which object holds it (by its address).
                let base = sections[data_index].body.start;
                for (reloc, object) in relevant {
                    let address = address_of(&segments, base + reloc.offset)?;
                    for holder in map.containing(address) {
                        map.points_to[holder].push(object);
                    }
                }
            } else if sections.get(target).is_some_and(|s| s.id == 10) {
                for (reloc, object) in relevant {
                    let (start, end) = map.objects[object];
                    let named = i64::from(start) + reloc.addend;
                    if named < i64::from(start) || named > i64::from(end) {
                        map.named_outside.push(object);
                    }
                }
            }
        }
        map.segments = segments
            .iter()
            .map(|s| (s.address, wasm[s.bytes.clone()].to_vec()))
            .collect();
        Ok(Some(map))
    }

    /// The objects that hold the byte at `address`.
    pub fn containing(&self, address: u32) -> Vec<usize> {
        let after = self.objects.partition_point(|o| o.0 <= address);
        // Objects are short; overlaps only come from merged strings, which are close by.
        (after.saturating_sub(64)..after)
            .filter(|&i| self.objects[i].1 > address)
            .collect()
    }

    /// The objects that an address `value` found in code may name: those holding it, and
    /// those that end at it (a pointer one past the end, as a slice's end is).
    pub fn named_by(&self, value: u32) -> Vec<usize> {
        let after = self.objects.partition_point(|o| o.0 <= value);
        (after.saturating_sub(64)..after)
            .filter(|&i| self.objects[i].1 >= value)
            .collect()
    }
}

/// The module without its "linking" and "reloc.*" sections: what wasm-bindgen gets (the
/// tools after the linker cannot keep them right, and Binaryen warns about them).
pub fn without_link_sections(wasm: &[u8]) -> Result<Vec<u8>, String> {
    keep_sections(wasm, |id, body| {
        if id != 0 {
            return Ok(true);
        }
        let name = Reader::new(body, 0).name()?;
        Ok(name != b"linking" && !name.starts_with(b"reloc."))
    })
}

/// The body of the custom section `name`, after its name.
fn custom<'a>(sections: &[Section], wasm: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    sections.iter().filter(|s| s.id == 0).find_map(|s| {
        let mut r = Reader::new(&wasm[..s.body.end], s.body.start);
        (r.name().ok()? == name).then(|| &wasm[r.at..s.body.end])
    })
}

/// An active data segment: its address and where its bytes lie in the module.
pub(crate) struct Segment {
    pub(crate) address: u32,
    pub(crate) bytes: std::ops::Range<usize>,
}

/// The segments of the data section whose body is `body` in `wasm`. Passive segments and
/// segments of other memories are refused: the bundles have none.
pub(crate) fn active_segments(
    wasm: &[u8],
    body: std::ops::Range<usize>,
) -> Result<Vec<Segment>, String> {
    let mut r = Reader::new(&wasm[..body.end], body.start);
    let count = r.leb()?;
    let mut out = Vec::new();
    for _ in 0..count {
        if r.leb()? != 0 {
            return Err("a data segment that is not active in memory 0".into());
        }
        if r.byte()? != 0x41 {
            return Err("a data segment whose address is not an i32.const".into());
        }
        let address = r.sleb()? as u32;
        if r.byte()? != 0x0b {
            return Err("a data segment whose address is not a constant".into());
        }
        let len = r.leb()? as usize;
        let start = r.at;
        r.at = start
            .checked_add(len)
            .filter(|&e| e <= body.end)
            .ok_or("a data segment runs past the end")?;
        out.push(Segment {
            address,
            bytes: start..r.at,
        });
    }
    Ok(out)
}

/// The data symbols of a "linking" section: (symbol index, address, size).
fn data_symbols(linking: &[u8], segments: &[Segment]) -> Result<Vec<(usize, u32, u32)>, String> {
    let mut r = Reader::new(linking, 0);
    let version = r.leb()?;
    if version != 2 {
        return Err(format!("linking section version {version}, expected 2"));
    }
    while r.at < linking.len() {
        let kind = r.byte()?;
        let size = r.leb()? as usize;
        let end = r.at + size;
        if kind != SYMBOL_TABLE {
            r.at = end;
            continue;
        }
        let mut out = Vec::new();
        for index in 0..r.leb()? as usize {
            let symbol_kind = r.byte()?;
            let flags = r.leb()?;
            match symbol_kind {
                DATA_SYMBOL => {
                    r.name()?;
                    if flags & UNDEFINED == 0 {
                        let segment = r.leb()? as usize;
                        let offset = r.leb()? as u32;
                        let size = r.leb()? as u32;
                        let base = segments
                            .get(segment)
                            .ok_or("a data symbol in a segment that does not exist")?
                            .address;
                        out.push((index, base + offset, size));
                    }
                }
                // A section symbol: its section's index.
                3 => {
                    r.leb()?;
                }
                // Function, global, tag, table: an index, then a name if defined or explicit.
                _ => {
                    r.leb()?;
                    if flags & UNDEFINED == 0 || flags & EXPLICIT_NAME != 0 {
                        r.name()?;
                    }
                }
            }
        }
        return Ok(out);
    }
    Err("a linking section without a symbol table".into())
}

/// The entries of a "reloc.*" section (the reader is after its target section's index).
fn relocations(r: &mut Reader) -> Result<Vec<Reloc>, String> {
    let count = r.leb()?;
    let mut out = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let kind = r.byte()?;
        let offset = r.leb()? as usize;
        let symbol = r.leb()? as usize;
        let addend = if WITH_ADDEND.contains(&kind) {
            r.sleb()?
        } else {
            0
        };
        out.push(Reloc {
            kind,
            offset,
            symbol,
            addend,
        });
    }
    Ok(out)
}

/// The memory address of the module byte at `position`.
fn address_of(segments: &[Segment], position: usize) -> Result<u32, String> {
    segments
        .iter()
        .find(|s| s.bytes.contains(&position))
        .map(|s| s.address + (position - s.bytes.start) as u32)
        .ok_or_else(|| format!("a data relocation at {position} outside every segment"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wasm_bytes::tests::{data_at_1024, module};
    use crate::wasm_bytes::write_name;

    /// A custom section's body: its name, then `body`.
    fn custom(name: &str, body: &[u8]) -> (u8, Vec<u8>) {
        let mut out = Vec::new();
        write_name(&mut out, name.as_bytes());
        out.extend_from_slice(body);
        (0, out)
    }

    /// A linked module: sections 0 type, 1 function, 2 code, 3 data (A at 1024 holds C's
    /// address; B at 1028, 8 bytes; C at 1036, 4 bytes), then "linking" with their symbols
    /// (0 A, 1 B, 2 C), "reloc.CODE" (B named at B − 4) and "reloc.DATA" (A's bytes hold C).
    fn linked() -> Vec<u8> {
        let mut bytes = 1036u32.to_le_bytes().to_vec();
        bytes.extend_from_slice(b"restonlyccc\0");
        let mut symbols = vec![3];
        for (name, offset, size) in [("A", 0u8, 4u8), ("B", 4, 8), ("C", 12, 4)] {
            symbols.extend_from_slice(&[1, 0]);
            write_name(&mut symbols, name.as_bytes());
            symbols.extend_from_slice(&[0, offset, size]);
        }
        let mut linking = vec![2, 8, symbols.len() as u8];
        linking.extend_from_slice(&symbols);
        module(&[
            (1, vec![1, 0x60, 0, 0]),
            (3, vec![1, 0]),
            (10, vec![1, 8, 0, 0x41, 0x80, 0x80, 0x80, 0x80, 0, 0x0b]),
            (11, data_at_1024(&bytes)),
            custom("linking", &linking),
            // R_WASM_MEMORY_ADDR_SLEB (4) at offset 4 (the i32.const's number), symbol 1 (B),
            // addend −4.
            custom("reloc.CODE", &[2, 1, 4, 4, 1, 0x7c]),
            // R_WASM_MEMORY_ADDR_I32 (5) at offset 7 (A's first byte), symbol 2 (C), addend 0.
            custom("reloc.DATA", &[3, 1, 5, 7, 2, 0]),
        ])
    }

    #[test]
    fn reads_objects_pointers_and_names_from_outside() {
        let map = DataMap::read(&linked()).unwrap().unwrap();
        assert_eq!(map.objects, vec![(1024, 1028), (1028, 1036), (1036, 1040)]);
        assert_eq!(map.points_to, vec![vec![2], vec![], vec![]]);
        assert_eq!(map.named_outside, vec![1]);
        assert_eq!(map.segments.len(), 1);
        assert_eq!(map.segments[0].0, 1024);
        assert_eq!(&map.segments[0].1[4..12], b"restonly");
        // 1036 is in C and one past the end of B.
        assert_eq!(map.containing(1036), vec![2]);
        assert_eq!(map.named_by(1036), vec![1, 2]);
        assert_eq!(map.named_by(1000), Vec::<usize>::new());
    }

    #[test]
    fn a_module_without_a_linking_section_has_no_map() {
        let plain = without_link_sections(&linked()).unwrap();
        assert!(DataMap::read(&plain).unwrap().is_none());
        // Only the three custom sections went.
        assert_eq!(sections(&plain).unwrap().len(), 4);
        assert_eq!(sections(&linked()).unwrap().len(), 7);
    }
}
