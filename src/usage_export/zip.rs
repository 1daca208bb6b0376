//! Just enough of the zip format for the export's download (`Calls.Export.….zip`): the central
//! directory at the end of the file, each entry's local header, and its data stored or
//! deflated, inflated as it streams and checked against its CRC-32.

use miniz_oxide::inflate::stream::{inflate, InflateState};
use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};

/// How many bytes at the end of a file hold the end-of-central-directory record, at most.
pub const TAIL: u64 = 22 + 65_535;
/// The size of a local file header before its name and extra field.
pub const LOCAL_HEADER: u64 = 30;

pub use super::problems::ZipProblem;

/// One file in the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its path in the archive.
    pub name: String,
    /// 0 stored, 8 deflate.
    pub method: u16,
    /// Bytes in the archive.
    pub compressed: u64,
    /// Bytes once inflated.
    pub size: u64,
    /// CRC-32 of the inflated bytes.
    pub crc: u32,
    /// Where its local header starts.
    pub offset: u64,
    /// General-purpose flags (bit 0: encrypted).
    pub flags: u16,
}

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes([*b.get(i)?, *b.get(i + 1)?]))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes([
        *b.get(i)?,
        *b.get(i + 1)?,
        *b.get(i + 2)?,
        *b.get(i + 3)?,
    ]))
}

/// Where the central directory is: `(offset, size)`, from the file's last [`TAIL`] bytes
/// (`tail`, of a file of `len` bytes).
pub fn directory(tail: &[u8], len: u64) -> Result<(u64, u64), ZipProblem> {
    let start = tail
        .windows(4)
        .rposition(|w| w == b"PK\x05\x06")
        .ok_or(ZipProblem::NotAZip)?;
    let eocd = &tail[start..];
    let size = u32_at(eocd, 12).ok_or(ZipProblem::NotAZip)?;
    let offset = u32_at(eocd, 16).ok_or(ZipProblem::NotAZip)?;
    if size == u32::MAX || offset == u32::MAX || u16_at(eocd, 10) == Some(u16::MAX) {
        return Err(ZipProblem::Zip64);
    }
    let (size, offset) = (u64::from(size), u64::from(offset));
    if offset + size > len {
        return Err(ZipProblem::Damaged(
            "the central directory lies beyond the end of the file",
        ));
    }
    Ok((offset, size))
}

/// The entries of a central directory.
pub fn entries(dir: &[u8]) -> Result<Vec<Entry>, ZipProblem> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 46 <= dir.len() {
        if u32_at(dir, i) != Some(0x0201_4b50) {
            return Err(ZipProblem::Damaged(
                "a central directory entry has no signature",
            ));
        }
        let field = |k: usize| u16_at(dir, i + k).ok_or(ZipProblem::Damaged("short entry"));
        let word = |k: usize| u32_at(dir, i + k).ok_or(ZipProblem::Damaged("short entry"));
        let (name_len, extra_len, comment_len) = (field(28)?, field(30)?, field(32)?);
        let name_start = i + 46;
        let name_end = name_start + usize::from(name_len);
        let name = dir
            .get(name_start..name_end)
            .ok_or(ZipProblem::Damaged("an entry's name is cut short"))?;
        let (compressed, size, offset) = (word(20)?, word(24)?, word(42)?);
        if [compressed, size, offset].contains(&u32::MAX) {
            return Err(ZipProblem::Zip64);
        }
        out.push(Entry {
            name: String::from_utf8_lossy(name).into_owned(),
            method: field(10)?,
            compressed: u64::from(compressed),
            size: u64::from(size),
            crc: word(16)?,
            offset: u64::from(offset),
            flags: field(8)?,
        });
        i = name_end + usize::from(extra_len) + usize::from(comment_len);
    }
    Ok(out)
}

/// Where an entry's data start, from its local header's first [`LOCAL_HEADER`] bytes.
pub fn data_start(entry: &Entry, header: &[u8]) -> Result<u64, ZipProblem> {
    if u32_at(header, 0) != Some(0x0403_4b50) {
        return Err(ZipProblem::Damaged("a local header has no signature"));
    }
    let name = u16_at(header, 26).ok_or(ZipProblem::Damaged("short local header"))?;
    let extra = u16_at(header, 28).ok_or(ZipProblem::Damaged("short local header"))?;
    Ok(entry.offset + LOCAL_HEADER + u64::from(name) + u64::from(extra))
}

/// An entry's data being inflated.
pub struct Inflater {
    state: Option<Box<InflateState>>,
    crc: crc32fast::Hasher,
    size: u64,
    buf: Vec<u8>,
    name: String,
    expected: (u32, u64),
}

impl Inflater {
    /// Starts reading `entry` (stored or deflated, not encrypted).
    pub fn new(entry: &Entry) -> Result<Inflater, ZipProblem> {
        if entry.flags & 1 != 0 {
            return Err(ZipProblem::Unsupported(format!(
                "{} is encrypted",
                entry.name
            )));
        }
        let state = match entry.method {
            0 => None,
            8 => Some(InflateState::new_boxed(DataFormat::Raw)),
            m => {
                return Err(ZipProblem::Unsupported(format!(
                    "{} is compressed with method {m} (only stored and deflate are read)",
                    entry.name
                )))
            }
        };
        Ok(Inflater {
            state,
            crc: crc32fast::Hasher::new(),
            size: 0,
            buf: vec![0; 64 * 1024],
            name: entry.name.clone(),
            expected: (entry.crc, entry.size),
        })
    }

    /// Inflates the next compressed bytes, handing the output to `sink`.
    pub fn push<E>(
        &mut self,
        mut input: &[u8],
        sink: &mut impl FnMut(&[u8]) -> Result<(), E>,
    ) -> Result<(), InflateError<E>> {
        let Some(state) = self.state.as_mut() else {
            self.crc.update(input);
            self.size += input.len() as u64;
            if input.is_empty() {
                return Ok(());
            }
            return sink(input).map_err(InflateError::Sink);
        };
        loop {
            let r = inflate(state, input, &mut self.buf, MZFlush::None);
            input = &input[r.bytes_consumed..];
            let out = &self.buf[..r.bytes_written];
            self.crc.update(out);
            self.size += out.len() as u64;
            if self.size > self.expected.1 {
                return Err(InflateError::Zip(ZipProblem::Corrupt(format!(
                    "{} inflates to more than its stated size",
                    self.name
                ))));
            }
            // An empty push would tell the consumer the data has ended.
            if !out.is_empty() {
                sink(out).map_err(InflateError::Sink)?;
            }
            match r.status {
                Ok(MZStatus::StreamEnd) => return Ok(()),
                Ok(_) | Err(MZError::Buf) => {
                    if input.is_empty() && r.bytes_written < self.buf.len() {
                        return Ok(());
                    }
                }
                Err(_) => {
                    return Err(InflateError::Zip(ZipProblem::Corrupt(format!(
                        "{} is not valid deflate data",
                        self.name
                    ))))
                }
            }
        }
    }

    /// Checks the size and CRC-32 once all compressed bytes were pushed.
    pub fn finish(self) -> Result<(), ZipProblem> {
        let crc = self.crc.finalize();
        if (crc, self.size) != self.expected {
            return Err(ZipProblem::Corrupt(format!(
                "{} is damaged (its checksum or size does not match)",
                self.name
            )));
        }
        Ok(())
    }
}

/// A failure while inflating: the archive's, or the consumer's of the inflated bytes.
#[derive(Debug)]
pub enum InflateError<E> {
    /// The archive is damaged.
    Zip(ZipProblem),
    /// The consumer refused the data.
    Sink(E),
}
