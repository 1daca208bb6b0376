//! The import as a state machine without input or output of its own: it says which bytes of
//! which file it needs next ([`UsageImport::need`]), is handed them ([`UsageImport::give`]), and
//! produces the result at the end ([`UsageImport::finish`]). The CLI drives it from files on
//! disk, the browser from `File.slice`, so both run the same import.

use super::build::{build, PeriodHint};
use super::csv_stream::{CsvProblem, CsvStream};
use super::graph::GraphPages;
use super::organiser_tally::OrganiserTally;
use super::report::{FileKind, FileNote, ImportOptions, Imported};
use super::tally::Tally;
use super::zip::{self, Entry, InflateError, Inflater};
use super::{ExportError, Missing};
use crate::rating::mix::Steps;

/// How many bytes the import asks for at a time.
pub const CHUNK: u64 = 1 << 20;

/// The largest Graph JSON file read (it is parsed whole; Graph pages are far smaller).
pub const MAX_JSON: u64 = 256 << 20;

/// The largest `parameters.json` read.
const MAX_PARAMETERS: u64 = 1 << 20;

/// A range of bytes of one of the files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Need {
    /// Index of the file (in the order given to [`UsageImport::new`]).
    pub file: usize,
    /// First byte.
    pub start: u64,
    /// One past the last byte.
    pub end: u64,
}

/// Where the import is in one file.
enum Step {
    /// The first bytes, to tell a zip, JSON and CSV apart.
    Sniff,
    /// A CSV file, read up to `at`.
    Csv { at: u64 },
    /// A JSON file, read whole.
    Json { at: u64, text: Vec<u8> },
    /// A zip: its last bytes, for the directory.
    ZipTail,
    /// A zip: its central directory.
    ZipDirectory { offset: u64, size: u64 },
    /// A zip: the entries still to read.
    ZipEntries { todo: Vec<Entry> },
    /// A zip entry's local header.
    ZipHeader { entry: Entry, rest: Vec<Entry> },
    /// A zip entry's data, read up to `at` of `end`.
    ZipData {
        entry: Entry,
        rest: Vec<Entry>,
        at: u64,
        end: u64,
        inflater: Box<Inflater>,
        parameters: Option<Vec<u8>>,
    },
    /// Finished.
    Done,
}

/// An import of one or more files (an admin-center zip or CSV, Graph JSON pages, and
/// optionally a `parameters.json`).
pub struct UsageImport {
    files: Vec<(String, u64)>,
    current: usize,
    step: Step,
    csv: CsvStream,
    graph: GraphPages,
    tally: Tally,
    notes: Vec<FileNote>,
    period: Option<PeriodHint>,
    read: u64,
}

impl UsageImport {
    /// An import of files given as (name, size in bytes).
    pub fn new(files: Vec<(String, u64)>) -> UsageImport {
        UsageImport {
            files,
            current: 0,
            step: Step::Sniff,
            csv: CsvStream::new(),
            graph: GraphPages::default(),
            tally: Tally::default(),
            notes: Vec::new(),
            period: None,
            read: 0,
        }
    }

    /// Counts each organiser's billable seconds in `steps` (those of the card the licence mix
    /// will use; by default whole minutes with a one-minute minimum).
    pub fn with_steps(mut self, steps: Steps) -> UsageImport {
        self.tally.by_organiser = OrganiserTally::new(steps);
        self
    }

    /// Bytes handed in so far, and rows read so far (for progress).
    pub fn progress(&self) -> (u64, u64) {
        (self.read, self.tally.rows_read)
    }

    /// The total size of the files.
    pub fn total(&self) -> u64 {
        self.files.iter().map(|f| f.1).sum()
    }

    fn name(&self) -> String {
        self.files
            .get(self.current)
            .map(|f| f.0.clone())
            .unwrap_or_default()
    }

    fn len(&self) -> u64 {
        self.files.get(self.current).map_or(0, |f| f.1)
    }

    /// The bytes needed next, or `None` when every file has been read.
    pub fn need(&self) -> Option<Need> {
        let len = self.len();
        // Offsets are checked against the length before a step asks for them; clamping keeps
        // a range well-formed whatever a damaged file says.
        let range = |start: u64, end: u64| {
            let end = end.min(len);
            Some(Need {
                file: self.current,
                start: start.min(end),
                end,
            })
        };
        match &self.step {
            Step::Done => None,
            Step::Sniff => range(0, CHUNK),
            Step::Csv { at } | Step::Json { at, .. } => range(*at, at + CHUNK),
            Step::ZipTail => range(len.saturating_sub(zip::TAIL), len),
            Step::ZipDirectory { offset, size } => range(*offset, offset + size),
            Step::ZipEntries { .. } => None,
            Step::ZipHeader { entry, .. } => range(entry.offset, entry.offset + zip::LOCAL_HEADER),
            Step::ZipData { at, end, .. } => range(*at, (*at + CHUNK).min(*end)),
        }
    }

    /// Hands over the bytes of the last [`UsageImport::need`]. An error means the files cannot
    /// be imported (nothing of them is used).
    pub fn give(&mut self, bytes: &[u8]) -> Result<(), ExportError> {
        let Some(need) = self.need() else {
            return Ok(());
        };
        if bytes.len() as u64 != need.end - need.start {
            return Err(ExportError::Read {
                file: self.name(),
                why: format!(
                    "expected {} bytes at {}, got {}",
                    need.end - need.start,
                    need.start,
                    bytes.len()
                ),
            });
        }
        self.read += bytes.len() as u64;
        let step = std::mem::replace(&mut self.step, Step::Done);
        self.step = self.advance(step, bytes, need)?;
        // Steps that need no bytes (choosing the next zip entry, the next file).
        loop {
            match std::mem::replace(&mut self.step, Step::Done) {
                Step::ZipEntries { mut todo } => {
                    self.step = if todo.is_empty() {
                        self.next_file()?
                    } else {
                        let entry = todo.remove(0);
                        Step::ZipHeader { entry, rest: todo }
                    };
                }
                Step::Done if self.current < self.files.len() => self.step = self.next_file()?,
                other => {
                    self.step = other;
                    return Ok(());
                }
            }
        }
    }

    /// Ends the current file and moves to the next (or to the end).
    fn next_file(&mut self) -> Result<Step, ExportError> {
        self.current += 1;
        if self.current >= self.files.len() {
            self.current = self.files.len();
            return Ok(Step::Done);
        }
        if self.len() == 0 {
            return Err(ExportError::Empty { file: self.name() });
        }
        Ok(Step::Sniff)
    }

    fn advance(&mut self, step: Step, bytes: &[u8], need: Need) -> Result<Step, ExportError> {
        let file = self.name();
        let len = self.len();
        let zip_error = |why: zip::ZipProblem| ExportError::Zip {
            file: file.clone(),
            problem: why,
        };
        Ok(match step {
            Step::Done | Step::ZipEntries { .. } => Step::Done,
            Step::Sniff => {
                if len == 0 {
                    return Err(ExportError::Empty { file });
                }
                let first = bytes
                    .strip_prefix(b"\xEF\xBB\xBF")
                    .unwrap_or(bytes)
                    .iter()
                    .find(|b| !b.is_ascii_whitespace());
                if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
                    self.notes.push(FileNote::new(&file, FileKind::Zip));
                    Step::ZipTail
                } else if matches!(first, Some(b'{' | b'[')) {
                    if len > MAX_JSON {
                        return Err(ExportError::TooLarge {
                            file,
                            limit: MAX_JSON,
                        });
                    }
                    let kind = if is_parameters(&file) {
                        FileKind::Parameters
                    } else {
                        FileKind::GraphJson
                    };
                    self.notes.push(FileNote::new(&file, kind));
                    self.json_step(bytes.to_vec(), need.end, len)?
                } else {
                    self.notes.push(FileNote::new(&file, FileKind::Csv));
                    self.csv_step(bytes, need.end, len)?
                }
            }
            Step::Csv { .. } => self.csv_step(bytes, need.end, len)?,
            Step::Json { mut text, .. } => {
                text.extend_from_slice(bytes);
                self.json_step(text, need.end, len)?
            }
            Step::ZipTail => {
                let (offset, size) = zip::directory(bytes, len).map_err(zip_error)?;
                let tail_start = len.saturating_sub(zip::TAIL);
                if offset >= tail_start {
                    let from = usize::try_from(offset - tail_start).unwrap_or(usize::MAX);
                    let to = from.saturating_add(usize::try_from(size).unwrap_or(usize::MAX));
                    let dir = bytes.get(from..to).ok_or_else(|| {
                        zip_error(zip::ZipProblem::Damaged(
                            "the central directory is cut short",
                        ))
                    })?;
                    self.choose_entries(dir)?
                } else {
                    Step::ZipDirectory { offset, size }
                }
            }
            Step::ZipDirectory { .. } => self.choose_entries(bytes)?,
            Step::ZipHeader { entry, rest } => {
                let start = zip::data_start(&entry, bytes).map_err(zip_error)?;
                let end = start + entry.compressed;
                if end > len {
                    return Err(zip_error(zip::ZipProblem::Damaged(
                        "an entry runs past the end of the file",
                    )));
                }
                let inflater = Box::new(Inflater::new(&entry).map_err(zip_error)?);
                let parameters = is_parameters(&entry.name).then(Vec::new);
                if entry.compressed == 0 {
                    self.end_entry(entry, *inflater, parameters, rest)?
                } else {
                    Step::ZipData {
                        entry,
                        rest,
                        at: start,
                        end,
                        inflater,
                        parameters,
                    }
                }
            }
            Step::ZipData {
                entry,
                rest,
                at,
                end,
                mut inflater,
                mut parameters,
            } => {
                let at = at + bytes.len() as u64;
                {
                    let csv = &mut self.csv;
                    let tally = &mut self.tally;
                    let mut sink = |out: &[u8]| -> Result<(), CsvProblem> {
                        match parameters.as_mut() {
                            Some(p) => {
                                if (p.len() + out.len()) as u64 <= MAX_PARAMETERS {
                                    p.extend_from_slice(out);
                                }
                                Ok(())
                            }
                            None => csv.push(out, tally),
                        }
                    };
                    inflater.push(bytes, &mut sink).map_err(|e| match e {
                        InflateError::Zip(z) => ExportError::Zip {
                            file: file.clone(),
                            problem: z,
                        },
                        InflateError::Sink(p) => csv_error(format!("{file} ({})", entry.name), p),
                    })?;
                }
                if at >= end {
                    self.end_entry(entry, *inflater, parameters, rest)?
                } else {
                    Step::ZipData {
                        entry,
                        rest,
                        at,
                        end,
                        inflater,
                        parameters,
                    }
                }
            }
        })
    }

    /// Reads the next CSV bytes; at the end of the file, ends the CSV.
    fn csv_step(&mut self, bytes: &[u8], at: u64, len: u64) -> Result<Step, ExportError> {
        let file = self.name();
        self.csv
            .push(bytes, &mut self.tally)
            .map_err(|p| csv_error(file.clone(), p))?;
        if at < len {
            return Ok(Step::Csv { at });
        }
        self.end_csv(&file)?;
        Ok(Step::Done)
    }

    /// Ends one CSV stream (a file, or a zip entry), and starts a fresh one for the next.
    fn end_csv(&mut self, file: &str) -> Result<(), ExportError> {
        let mut csv = std::mem::take(&mut self.csv);
        csv.push(&[], &mut self.tally)
            .map_err(|p| csv_error(file.to_string(), p))?;
        if let (Some(h), Some(note)) = (csv.header(), self.notes.last_mut()) {
            note.columns_not_understood
                .extend(h.not_understood.iter().cloned());
        }
        Ok(())
    }

    fn json_step(&mut self, text: Vec<u8>, at: u64, len: u64) -> Result<Step, ExportError> {
        if at < len {
            return Ok(Step::Json { at, text });
        }
        let file = self.name();
        if is_parameters(&file) {
            self.period = PeriodHint::from_parameters(&text);
            return Ok(Step::Done);
        }
        let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&text);
        self.graph
            .read(text, &mut self.tally)
            .map_err(|problem| ExportError::Json { file, problem })?;
        Ok(Step::Done)
    }

    /// Picks the entries to read: `parameters.json` first, then the PSTN call files (names
    /// with "pstn"); when no name says "pstn", every CSV. Other entries are noted as skipped.
    fn choose_entries(&mut self, dir: &[u8]) -> Result<Step, ExportError> {
        let file = self.name();
        let all = zip::entries(dir).map_err(|p| ExportError::Zip {
            file: file.clone(),
            problem: p,
        })?;
        let len = self.len();
        if all.iter().any(|e| e.offset + zip::LOCAL_HEADER > len) {
            return Err(ExportError::Zip {
                file,
                problem: zip::ZipProblem::Damaged("an entry starts past the end of the file"),
            });
        }
        let csv = |e: &Entry| e.name.to_ascii_lowercase().ends_with(".csv");
        let pstn = |e: &Entry| csv(e) && e.name.to_ascii_lowercase().contains("pstn");
        let any_pstn = all.iter().any(pstn);
        let mut todo: Vec<Entry> = all
            .iter()
            .filter(|e| is_parameters(&e.name))
            .cloned()
            .collect();
        for e in &all {
            let take = if any_pstn { pstn(e) } else { csv(e) };
            if take {
                todo.push(e.clone());
            } else if !is_parameters(&e.name) && !e.name.ends_with('/') {
                if let Some(note) = self.notes.last_mut() {
                    note.skipped_entries
                        .push(e.name.chars().take(200).collect());
                }
            }
        }
        if !todo.iter().any(csv) {
            return Err(ExportError::NotAnExport {
                file,
                missing: Missing::CallsFile,
            });
        }
        Ok(Step::ZipEntries { todo })
    }

    /// Ends a zip entry once all its bytes were inflated: checks its size and CRC-32, then
    /// takes its period (`parameters.json`) or ends its CSV; the remaining entries follow.
    fn end_entry(
        &mut self,
        entry: Entry,
        inflater: Inflater,
        parameters: Option<Vec<u8>>,
        rest: Vec<Entry>,
    ) -> Result<Step, ExportError> {
        inflater.finish().map_err(|problem| ExportError::Zip {
            file: self.name(),
            problem,
        })?;
        match parameters {
            Some(text) => self.period = PeriodHint::from_parameters(&text),
            None => {
                let name = format!("{} ({})", self.name(), entry.name);
                self.end_csv(&name)?;
                if let Some(note) = self.notes.last_mut() {
                    note.entries.push(entry.name.chars().take(200).collect());
                }
            }
        }
        Ok(Step::ZipEntries { todo: rest })
    }

    /// The scenario and the report, once every file has been read.
    pub fn finish(self, options: &ImportOptions) -> Result<Imported, ExportError> {
        if self.need().is_some() {
            return Err(ExportError::Read {
                file: self.name(),
                why: "the import ended before the file was read".into(),
            });
        }
        build(self.tally, self.notes, self.period, options)
    }
}

/// Whether a file or entry is the export's `parameters.json`.
fn is_parameters(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower == "parameters.json"
        || lower.ends_with("/parameters.json")
        || lower.ends_with("\\parameters.json")
}

/// The error of a CSV file (or zip entry) `file` that cannot be read.
fn csv_error(file: String, p: CsvProblem) -> ExportError {
    match p {
        CsvProblem::Empty => ExportError::Empty { file },
        CsvProblem::MissingColumns(columns) => ExportError::NotAnExport {
            file,
            missing: Missing::Columns(columns.iter().map(|c| c.export_name()).collect()),
        },
    }
}
