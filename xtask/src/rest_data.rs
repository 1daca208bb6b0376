//! The data that only the rest of a split module reads, moved into the rest. `wasm-split`
//! moves functions, never data: every data segment stays in the first part, so the sentences,
//! tables and field names that only the rest's functions use are fetched before the page (or
//! the element's first quote) is ready.
//!
//! Which objects the first part may read: every object its code names by address (an
//! `i32.const` or a load's or store's offset inside or at the end of the object, and a
//! constant address plus the offset of the access right after it), every object that the
//! linker saw named from outside its bounds ([`DataMap::named_outside`]), and every object
//! whose address those objects hold, and so on. The other objects' bytes are zeroed in the
//! first part (memory starts zeroed) and written by the rest's own active data segments when
//! the rest is instantiated, which is before any of its functions can run.

use crate::linked_data::{active_segments, DataMap};
use crate::wasm_bytes::{sections, write_leb, write_sleb, Reader, Section};

/// The two parts after the move, and how many bytes moved in how many runs.
#[derive(Debug)]
pub struct Moved {
    /// The first part, its moved bytes zeroed.
    pub first: Vec<u8>,
    /// The rest, with a data section that writes them.
    pub rest: Vec<u8>,
    /// Bytes moved.
    pub bytes: usize,
    /// Runs of them (one data segment each in the rest).
    pub runs: usize,
}

/// Moves the data objects that the first part cannot reach (see the module's doc) into the
/// rest. Refuses a first part whose data is not byte for byte the linked module's.
pub fn move_to_rest(first: &[u8], rest: &[u8], map: &DataMap) -> Result<Moved, String> {
    let first_sections = sections(first)?;
    let data = first_sections
        .iter()
        .find(|s| s.id == 11)
        .ok_or("the first part has no data section")?;
    let segments = active_segments(first, data.body.clone())?;
    let same = segments.len() == map.segments.len()
        && segments
            .iter()
            .zip(&map.segments)
            .all(|(s, (address, bytes))| {
                s.address == *address && first[s.bytes.clone()] == bytes[..]
            });
    if !same {
        return Err(
            "the first part's data is not the linked module's: a tool between the \
                    linker and wasm-split moved or changed data, so the linker's map of it \
                    no longer holds"
                .into(),
        );
    }
    let reached = reached(map, &addresses(first)?);
    let moved = moved_bytes(map, &reached);
    let mut new_first = first.to_vec();
    let mut runs: Vec<(u32, Vec<u8>)> = Vec::new();
    for segment in &segments {
        let mut run_end = None;
        for position in segment.bytes.clone() {
            let address = segment.address + (position - segment.bytes.start) as u32;
            if !moved(address) {
                run_end = None;
                continue;
            }
            match (run_end, runs.last_mut()) {
                (Some(end), Some(run)) if end == address => run.1.push(first[position]),
                _ => runs.push((address, vec![first[position]])),
            }
            run_end = Some(address + 1);
            new_first[position] = 0;
        }
    }
    let bytes = runs.iter().map(|r| r.1.len()).sum();
    Ok(Moved {
        first: new_first,
        rest: with_data(rest, &runs)?,
        bytes,
        runs: runs.len(),
    })
}

/// The objects the first part may read: those `named` addresses name, those the linker saw
/// named from outside their bounds, and all they point to.
fn reached(map: &DataMap, named: &[u32]) -> Vec<bool> {
    let mut reached = vec![false; map.objects.len()];
    let mut stack: Vec<usize> = named
        .iter()
        .flat_map(|&a| map.named_by(a))
        .chain(map.named_outside.iter().copied())
        .collect();
    while let Some(object) = stack.pop() {
        if !std::mem::replace(&mut reached[object], true) {
            stack.extend(map.points_to[object].iter().copied());
        }
    }
    reached
}

/// Whether the byte at an address moves: some unreached object holds it and no reached one
/// does (bytes of no object, the padding between objects, stay).
fn moved_bytes<'a>(map: &'a DataMap, reached: &'a [bool]) -> impl Fn(u32) -> bool + 'a {
    move |address| {
        let holders = map.containing(address);
        !holders.is_empty() && holders.iter().all(|&o| !reached[o])
    }
}

/// Every value in the first part's code and globals that may be a data address: `i32.const`
/// values, both halves of `i64.const` values, the offsets of loads and stores, and a constant
/// address plus the offset of the access that follows it.
fn addresses(wasm: &[u8]) -> Result<Vec<u32>, String> {
    use wasmparser::{Operator, Payload};
    let err = |e: wasmparser::BinaryReaderError| format!("the first part: {e}");
    let mut out = Vec::new();
    let mut scan = |ops: &mut wasmparser::OperatorsReader| -> Result<(), String> {
        let mut constant: Option<u32> = None;
        while !ops.eof() {
            let op = ops.read().map_err(err)?;
            let next = match &op {
                Operator::I32Const { value } => Some(*value as u32),
                Operator::I64Const { value } => {
                    out.push(*value as u32);
                    out.push((*value >> 32) as u32);
                    None
                }
                _ => None,
            };
            if let Some(value) = next {
                out.push(value);
            } else if let Some(offset) = memory_offset(&op) {
                out.push(offset);
                if let Some(base) = constant {
                    out.push(base.wrapping_add(offset));
                }
            }
            constant = next;
        }
        Ok(())
    };
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        match payload.map_err(err)? {
            Payload::CodeSectionEntry(body) => {
                scan(&mut body.get_operators_reader().map_err(err)?)?;
            }
            Payload::GlobalSection(globals) => {
                for global in globals {
                    scan(&mut global.map_err(err)?.init_expr.get_operators_reader())?;
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// The offset of a load or store (the bundles use no atomics and no SIMD).
fn memory_offset(op: &wasmparser::Operator) -> Option<u32> {
    use wasmparser::Operator::*;
    match op {
        I32Load { memarg }
        | I64Load { memarg }
        | F32Load { memarg }
        | F64Load { memarg }
        | I32Load8S { memarg }
        | I32Load8U { memarg }
        | I32Load16S { memarg }
        | I32Load16U { memarg }
        | I64Load8S { memarg }
        | I64Load8U { memarg }
        | I64Load16S { memarg }
        | I64Load16U { memarg }
        | I64Load32S { memarg }
        | I64Load32U { memarg }
        | I32Store { memarg }
        | I64Store { memarg }
        | F32Store { memarg }
        | F64Store { memarg }
        | I32Store8 { memarg }
        | I32Store16 { memarg }
        | I64Store8 { memarg }
        | I64Store16 { memarg }
        | I64Store32 { memarg } => Some(memarg.offset as u32),
        _ => None,
    }
}

/// The rest with a data section of one active segment per run, after its code section. The
/// rest must import its memory and have no data of its own.
fn with_data(rest: &[u8], runs: &[(u32, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let rest_sections = sections(rest)?;
    if rest_sections.iter().any(|s| s.id == 11 || s.id == 12) {
        return Err("the rest already has data of its own".into());
    }
    if !imports_memory(rest, &rest_sections)? {
        return Err("the rest does not import the first part's memory".into());
    }
    let code = rest_sections
        .iter()
        .find(|s| s.id == 10)
        .ok_or("the rest has no code section")?;
    let mut body = Vec::new();
    write_leb(&mut body, runs.len() as u64);
    for (address, bytes) in runs {
        body.push(0); // active, memory 0
        body.push(0x41); // i32.const
        write_sleb(&mut body, i64::from(*address as i32));
        body.push(0x0b);
        write_leb(&mut body, bytes.len() as u64);
        body.extend_from_slice(bytes);
    }
    let mut out = rest[..code.body.end].to_vec();
    out.push(11);
    write_leb(&mut out, body.len() as u64);
    out.extend_from_slice(&body);
    out.extend_from_slice(&rest[code.body.end..]);
    Ok(out)
}

/// Whether the module imports a memory.
fn imports_memory(wasm: &[u8], sections: &[Section]) -> Result<bool, String> {
    let Some(imports) = sections.iter().find(|s| s.id == 2) else {
        return Ok(false);
    };
    let mut r = Reader::new(&wasm[..imports.body.end], imports.body.start);
    for _ in 0..r.leb()? {
        r.name()?;
        r.name()?;
        let kind = wasm.get(r.at).copied();
        r.skip_import_desc()?;
        if kind == Some(2) {
            return Ok(true);
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wasm_bytes::tests::{data_at_1024, module};

    /// A type section with `() -> ()`, a function of it, and its code section with `body`.
    fn one_function(body: &[u8]) -> Vec<(u8, Vec<u8>)> {
        let mut code = vec![1];
        write_leb(&mut code, body.len() as u64 + 1);
        code.push(0); // no locals
        code.extend_from_slice(body);
        vec![(1, vec![1, 0x60, 0, 0]), (3, vec![1, 0]), (10, code)]
    }

    /// A at 1024 holds C's address (1036); B at 1028 holds "restonly"; C at 1036 holds "ccc".
    fn bytes() -> Vec<u8> {
        let mut bytes = 1036u32.to_le_bytes().to_vec();
        bytes.extend_from_slice(b"restonlyccc\0");
        bytes
    }

    fn map() -> DataMap {
        DataMap {
            objects: vec![(1024, 1028), (1028, 1036), (1036, 1040)],
            points_to: vec![vec![2], vec![], vec![]],
            named_outside: vec![],
            segments: vec![(1024, bytes())],
        }
    }

    /// The first part: its memory, and a function that loads from A (i32.const 1024,
    /// i32.load offset 0).
    fn first() -> Vec<u8> {
        let mut sections = one_function(&[0x41, 0x80, 0x08, 0x28, 2, 0, 0x1a, 0x0b]);
        sections.insert(2, (5, vec![1, 0, 1]));
        sections.push((11, data_at_1024(&bytes())));
        module(&sections)
    }

    /// The rest: it imports the memory ("a"."m") and has one function.
    fn rest() -> Vec<u8> {
        let mut sections = one_function(&[0x0b]);
        sections.insert(1, (2, vec![1, 1, b'a', 1, b'm', 2, 0, 1]));
        module(&sections)
    }

    #[test]
    fn moves_what_the_first_part_cannot_reach_and_keeps_what_it_reaches_through_data() {
        let moved = move_to_rest(&first(), &rest(), &map()).unwrap();
        // B's 8 bytes, in one run; A (named by the code) and C (A points to it) stay.
        assert_eq!((moved.bytes, moved.runs), (8, 1));
        let mut kept = bytes();
        kept[4..12].fill(0);
        let first = first();
        let at = first.len() - bytes().len();
        assert_eq!(&moved.first[at..], &kept[..]);
        assert_eq!(moved.first.len(), first.len());
        // The rest gains a data section after its code: one segment, at 1028 (sleb 0x84 0x08).
        let mut data = vec![1, 0, 0x41, 0x84, 0x08, 0x0b, 8];
        data.extend_from_slice(b"restonly");
        let mut expected = rest();
        expected.push(11);
        expected.push(data.len() as u8);
        expected.extend_from_slice(&data);
        assert_eq!(moved.rest, expected);
    }

    #[test]
    fn an_object_named_from_outside_its_bounds_stays() {
        let mut map = map();
        map.named_outside = vec![1];
        let moved = move_to_rest(&first(), &rest(), &map).unwrap();
        assert_eq!((moved.bytes, moved.runs), (0, 0));
        assert_eq!(moved.first, first());
    }

    #[test]
    fn a_first_part_whose_data_is_not_the_linked_modules_is_refused() {
        let mut map = map();
        map.segments[0].1[5] = b'E';
        let err = move_to_rest(&first(), &rest(), &map).unwrap_err();
        assert!(err.contains("not the linked module's"), "{err}");
    }

    #[test]
    fn a_rest_without_the_memory_import_is_refused() {
        let err = move_to_rest(&first(), &module(&one_function(&[0x0b])), &map()).unwrap_err();
        assert!(err.contains("does not import"), "{err}");
    }

    #[test]
    fn negative_numbers_are_written_as_signed_leb128() {
        for (value, bytes) in [
            (0i64, vec![0]),
            (63, vec![63]),
            (64, vec![0xc0, 0]),
            (-1, vec![0x7f]),
            (1028, vec![0x84, 0x08]),
        ] {
            let mut out = Vec::new();
            write_sleb(&mut out, value);
            assert_eq!(out, bytes, "{value}");
            assert_eq!(Reader::new(&out, 0).sleb().unwrap(), value);
        }
    }
}
