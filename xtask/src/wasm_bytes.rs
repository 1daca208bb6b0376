//! The few pieces of a WebAssembly module's binary format that xtask's own module tools read
//! and write: LEB128 numbers, names, import descriptions, the list of sections, one section
//! rewritten or some left out (the renames of the glue's names, `short_imports.rs` and
//! `short_exports.rs`; the linker's map of the data, `linked_data.rs`, and its move,
//! `rest_data.rs`); and how often a name appears in the glue.

/// How often `name` appears in `text` as a whole identifier.
pub(crate) fn occurrences(text: &str, name: &str) -> usize {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    text.match_indices(name)
        .filter(|(at, _)| {
            let before = text[..*at].chars().next_back();
            let after = text[at + name.len()..].chars().next();
            !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
        })
        .count()
}

/// A cursor over a module's bytes.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    /// Where the next read starts.
    pub(crate) at: usize,
}

impl<'a> Reader<'a> {
    /// A cursor over `bytes` at `at`.
    pub(crate) fn new(bytes: &'a [u8], at: usize) -> Self {
        Reader { bytes, at }
    }

    /// The bytes not read yet.
    pub(crate) fn rest(&self) -> &'a [u8] {
        &self.bytes[self.at..]
    }

    /// The bytes read since `from` (an earlier `at`).
    pub(crate) fn since(&self, from: usize) -> &'a [u8] {
        &self.bytes[from..self.at]
    }

    /// The next byte.
    pub(crate) fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or("unexpected end")?;
        self.at += 1;
        Ok(b)
    }

    /// The next unsigned LEB128 number.
    pub(crate) fn leb(&mut self) -> Result<u64, String> {
        let (mut value, mut shift) = (0u64, 0);
        loop {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
            shift += 7;
            if shift > 63 {
                return Err("a number too long".into());
            }
        }
    }

    /// The next signed LEB128 number.
    pub(crate) fn sleb(&mut self) -> Result<i64, String> {
        let (mut value, mut shift) = (0i64, 0);
        loop {
            let b = self.byte()?;
            value |= i64::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                if shift < 64 && b & 0x40 != 0 {
                    value |= -1i64 << shift;
                }
                return Ok(value);
            }
            if shift > 63 {
                return Err("a number too long".into());
            }
        }
    }

    /// The next name (its length, then its bytes).
    pub(crate) fn name(&mut self) -> Result<&'a [u8], String> {
        let len = self.leb()? as usize;
        let end = self.at.checked_add(len).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or("a name runs past the end")?;
        let name = &self.bytes[self.at..end];
        self.at = end;
        Ok(name)
    }

    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 != 0 {
            self.leb()?;
        }
        Ok(())
    }

    /// Skips a function, table, memory, global or tag import's description.
    pub(crate) fn skip_import_desc(&mut self) -> Result<(), String> {
        match self.byte()? {
            0x00 => self.leb().map(drop),
            0x01 => {
                self.byte()?;
                self.limits()
            }
            0x02 => self.limits(),
            0x03 => {
                self.byte()?;
                self.byte().map(drop)
            }
            0x04 => {
                self.byte()?;
                self.leb().map(drop)
            }
            kind => Err(format!("an import of unknown kind {kind:#x}")),
        }
    }
}

/// Appends `value` as unsigned LEB128.
pub(crate) fn write_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let b = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// Appends a name (its length, then its bytes).
pub(crate) fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    write_leb(out, name.len() as u64);
    out.extend_from_slice(name);
}

/// `wasm` with the body of each section `id` replaced by what `rewrite` makes of it (given a
/// reader at the body's start, which it must read to the end); every other byte is copied.
pub(crate) fn rewrite_section(
    wasm: &[u8],
    id: u8,
    mut rewrite: impl FnMut(&mut Reader) -> Result<Vec<u8>, String>,
) -> Result<Vec<u8>, String> {
    replace_sections(wasm, |section, r| {
        if section != id {
            return Ok(None);
        }
        let body = rewrite(r)?;
        if !r.rest().is_empty() {
            return Err(format!("bytes left over at the end of section {id}"));
        }
        Ok(Some(body))
    })
}

/// An import: its module, its name and its description (kind and type).
pub(crate) type Import = (Vec<u8>, Vec<u8>, Vec<u8>);

/// `wasm` with each import replaced by what `change(module, name, description)` makes of it.
pub(crate) fn rewrite_imports(
    wasm: &[u8],
    mut change: impl FnMut(&[u8], &[u8], &[u8]) -> Result<Import, String>,
) -> Result<Vec<u8>, String> {
    rewrite_section(wasm, 2, |r| {
        let count = r.leb()?;
        let mut out = Vec::new();
        write_leb(&mut out, count);
        for _ in 0..count {
            let module = r.name()?;
            let name = r.name()?;
            let start = r.at;
            r.skip_import_desc()?;
            let (module, name, desc) = change(module, name, r.since(start))?;
            write_name(&mut out, &module);
            write_name(&mut out, &name);
            out.extend_from_slice(&desc);
        }
        Ok(out)
    })
}

/// `wasm` with each section for which `replace(id, reader at its body)` gives a new body
/// replaced by it; the others copied.
pub(crate) fn replace_sections(
    wasm: &[u8],
    mut replace: impl FnMut(u8, &mut Reader) -> Result<Option<Vec<u8>>, String>,
) -> Result<Vec<u8>, String> {
    let sections = sections(wasm)?;
    let mut out = wasm[..8].to_vec();
    for section in sections {
        let mut r = Reader::new(&wasm[..section.body.end], section.body.start);
        let body = replace(section.id, &mut r)?;
        let body = body.as_deref().unwrap_or(&wasm[section.body.clone()]);
        out.push(section.id);
        write_leb(&mut out, body.len() as u64);
        out.extend_from_slice(body);
    }
    Ok(out)
}

/// `n` in base 36 (digits, then lower-case letters), as JavaScript's `parseInt(_, 36)` reads it.
pub(crate) fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut digits = Vec::new();
    loop {
        digits.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            digits.reverse();
            return String::from_utf8_lossy(&digits).into_owned();
        }
    }
}

/// Appends `value` as signed LEB128.
pub(crate) fn write_sleb(out: &mut Vec<u8>, mut value: i64) {
    loop {
        let b = (value & 0x7f) as u8;
        value >>= 7;
        if (value == 0 && b & 0x40 == 0) || (value == -1 && b & 0x40 != 0) {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// `wasm` with only the sections for which `keep(id, body)` says yes, in their order.
pub(crate) fn keep_sections(
    wasm: &[u8],
    mut keep: impl FnMut(u8, &[u8]) -> Result<bool, String>,
) -> Result<Vec<u8>, String> {
    let mut out = wasm[..8].to_vec();
    for section in sections(wasm)? {
        if keep(section.id, &wasm[section.body.clone()])? {
            out.push(section.id);
            write_leb(&mut out, section.body.len() as u64);
            out.extend_from_slice(&wasm[section.body]);
        }
    }
    Ok(out)
}

/// How many functions the module imports (they come first in the function index space).
pub(crate) fn imported_functions(wasm: &[u8]) -> Result<u64, String> {
    let mut imported = 0;
    for s in sections(wasm)?.iter().filter(|s| s.id == 2) {
        let mut r = Reader::new(&wasm[..s.body.end], s.body.start);
        for _ in 0..r.leb()? {
            r.name()?;
            r.name()?;
            if r.rest().first() == Some(&0) {
                imported += 1;
            }
            r.skip_import_desc()?;
        }
    }
    Ok(imported)
}

/// Each defined function's body (locals and code), in order; none when the module has no code.
pub(crate) fn function_bodies(wasm: &[u8]) -> Result<Vec<&[u8]>, String> {
    let mut bodies = Vec::new();
    for s in sections(wasm)?.iter().filter(|s| s.id == 10) {
        let mut r = Reader::new(&wasm[..s.body.end], s.body.start);
        for _ in 0..r.leb()? {
            let size = r.leb()? as usize;
            let end =
                r.at.checked_add(size)
                    .filter(|&e| e <= s.body.end)
                    .ok_or("a function runs past the code section")?;
            bodies.push(&wasm[r.at..end]);
            r.at = end;
        }
    }
    Ok(bodies)
}

/// The function names of the module's `name` section (subsection 1), as (index, name).
pub(crate) fn function_names(wasm: &[u8]) -> Result<Vec<(u64, Vec<u8>)>, String> {
    let mut names = Vec::new();
    for s in sections(wasm)?.iter().filter(|s| s.id == 0) {
        let mut r = Reader::new(&wasm[..s.body.end], s.body.start);
        if r.name()? != b"name" {
            continue;
        }
        while r.at < s.body.end {
            let id = r.byte()?;
            let size = r.leb()? as usize;
            let next = r.at + size;
            if id == 1 {
                for _ in 0..r.leb()? {
                    let index = r.leb()?;
                    names.push((index, r.name()?.to_vec()));
                }
            }
            r.at = next;
        }
    }
    Ok(names)
}

/// A section: its id and where its body lies in the module.
pub(crate) struct Section {
    pub(crate) id: u8,
    pub(crate) body: std::ops::Range<usize>,
}

/// The module's sections in order.
pub(crate) fn sections(wasm: &[u8]) -> Result<Vec<Section>, String> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        return Err("not a WebAssembly module".into());
    }
    let mut out = Vec::new();
    let mut r = Reader::new(wasm, 8);
    while r.at < wasm.len() {
        let id = r.byte()?;
        let size = r.leb()? as usize;
        let end =
            r.at.checked_add(size)
                .filter(|&e| e <= wasm.len())
                .ok_or("a section runs past the end")?;
        out.push(Section {
            id,
            body: r.at..end,
        });
        r.at = end;
    }
    Ok(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::write_leb;

    /// A module of the given sections (id, body).
    pub(crate) fn module(sections: &[(u8, Vec<u8>)]) -> Vec<u8> {
        let mut out = b"\0asm\x01\0\0\0".to_vec();
        for (id, body) in sections {
            out.push(*id);
            write_leb(&mut out, body.len() as u64);
            out.extend_from_slice(body);
        }
        out
    }

    /// A data section's body: one active segment at 1024 (sleb 0x80 0x08) of `bytes`.
    pub(crate) fn data_at_1024(bytes: &[u8]) -> Vec<u8> {
        let mut body = vec![1, 0, 0x41, 0x80, 0x08, 0x0b, bytes.len() as u8];
        body.extend_from_slice(bytes);
        body
    }
}
