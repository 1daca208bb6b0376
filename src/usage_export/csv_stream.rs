//! The export's CSV (RFC 4180: quoted fields, embedded commas and line breaks, a byte-order
//! mark), read from chunks of any size as they arrive, so that a file of any length needs only
//! one row in memory. The first row names the columns.

use csv_core::{ReadRecordResult, Reader};

use super::columns::{Column, Header};
use super::tally::{Row, Tally};

/// The longest row read (bytes); a longer one is counted as unreadable and skipped.
pub const MAX_ROW_BYTES: usize = 64 * 1024;
/// The most fields a row may have.
const MAX_FIELDS: usize = 512;

/// A CSV export being read.
pub struct CsvStream {
    reader: Reader,
    out: Vec<u8>,
    out_len: usize,
    ends: Vec<usize>,
    ends_len: usize,
    /// Set while the rest of an over-long row is skipped.
    skipping: bool,
    started: bool,
    /// The first bytes, until it is known whether they are a byte-order mark.
    start: Vec<u8>,
    header: Option<Header>,
    /// Row number of the row being read (the header is row 1).
    row: u64,
}

/// One data row, borrowed from the stream's buffers.
struct Fields<'a> {
    text: &'a [u8],
    ends: &'a [usize],
    header: &'a Header,
}

impl Row for Fields<'_> {
    fn get(&self, column: Column) -> Option<&str> {
        let i = self.header.get(column)?;
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        // Invalid UTF-8 reads as no value (the row is then left out with its reason).
        std::str::from_utf8(self.text.get(start..end)?).ok()
    }
}

/// Why a CSV file cannot be imported at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvProblem {
    /// The file has no rows.
    Empty,
    /// The header lacks columns the import needs.
    MissingColumns(Vec<Column>),
}

impl Default for CsvStream {
    fn default() -> Self {
        CsvStream::new()
    }
}

impl CsvStream {
    /// A reader before the first byte.
    pub fn new() -> CsvStream {
        CsvStream {
            reader: Reader::new(),
            out: vec![0; 4096],
            out_len: 0,
            ends: vec![0; 64],
            ends_len: 0,
            skipping: false,
            started: false,
            start: Vec::new(),
            header: None,
            row: 1,
        }
    }

    /// The header, once read.
    pub fn header(&self) -> Option<&Header> {
        self.header.as_ref()
    }

    /// Reads `input` (the next bytes of the file; empty at its end) into `tally`. Fails only
    /// when the header does not have the columns of the export.
    pub fn push(&mut self, input: &[u8], tally: &mut Tally) -> Result<(), CsvProblem> {
        let at_end = input.is_empty();
        if self.started {
            return self.read(input, at_end, tally);
        }
        // The first three bytes may be a byte-order mark, even when they arrive one by one.
        self.start.extend_from_slice(input);
        if self.start.len() < 3 && !at_end {
            return Ok(());
        }
        self.started = true;
        let first = std::mem::take(&mut self.start);
        let first = first.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&first);
        if !first.is_empty() {
            self.read(first, false, tally)?;
        }
        if at_end {
            self.read(&[], true, tally)?;
        }
        Ok(())
    }

    fn read(
        &mut self,
        mut input: &[u8],
        at_end: bool,
        tally: &mut Tally,
    ) -> Result<(), CsvProblem> {
        loop {
            let (result, read, written, ended) = self.reader.read_record(
                input,
                &mut self.out[self.out_len..],
                &mut self.ends[self.ends_len..],
            );
            input = &input[read..];
            if !self.skipping {
                self.out_len += written;
                self.ends_len += ended;
            }
            match result {
                ReadRecordResult::InputEmpty => {
                    if at_end {
                        continue; // csv-core flushes the last row on an empty read
                    }
                    return Ok(());
                }
                ReadRecordResult::OutputFull => self.grow_text(),
                ReadRecordResult::OutputEndsFull => self.grow_ends(),
                ReadRecordResult::Record => self.record(tally)?,
                ReadRecordResult::End => {
                    if self.header.is_none() {
                        return Err(CsvProblem::Empty);
                    }
                    return Ok(());
                }
            }
        }
    }

    fn grow_text(&mut self) {
        if self.out.len() >= MAX_ROW_BYTES {
            // Too long: read on to the row's end without keeping it.
            self.skipping = true;
            self.out_len = 0;
            self.ends_len = 0;
        } else {
            self.out.resize(self.out.len() * 2, 0);
        }
    }

    fn grow_ends(&mut self) {
        if self.ends.len() >= MAX_FIELDS {
            self.skipping = true;
            self.out_len = 0;
            self.ends_len = 0;
        } else {
            self.ends.resize(self.ends.len() * 2, 0);
        }
    }

    fn record(&mut self, tally: &mut Tally) -> Result<(), CsvProblem> {
        let (len, n) = (self.out_len, self.ends_len);
        self.out_len = 0;
        self.ends_len = 0;
        let number = self.row;
        self.row += 1;
        if std::mem::take(&mut self.skipping) {
            if self.header.is_none() {
                return Err(CsvProblem::MissingColumns(vec![
                    Column::CallType,
                    Column::Duration,
                ]));
            }
            tally.unreadable(number);
            return Ok(());
        }
        let text = &self.out[..len];
        let ends = &self.ends[..n];
        match &self.header {
            None => {
                let names = (0..n).map(|i| {
                    let start = if i == 0 { 0 } else { ends[i - 1] };
                    std::str::from_utf8(&text[start..ends[i]]).unwrap_or("")
                });
                let header = Header::from_names(names);
                let missing: Vec<Column> = [Column::CallType, Column::Duration]
                    .into_iter()
                    .filter(|c| header.get(*c).is_none())
                    .collect();
                if !missing.is_empty() {
                    return Err(CsvProblem::MissingColumns(missing));
                }
                self.header = Some(header);
            }
            Some(header) => {
                // A blank line between rows is not a row.
                if n == 1 && len == 0 {
                    self.row -= 1;
                    return Ok(());
                }
                tally.add(number, &Fields { text, ends, header });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rating::{Call, CountryCode};

    const HEAD: &str =
        "\u{feff}UsageId,Call Type,Number Type,Destination Dialed,Duration Seconds,UPN\r\n";

    fn read_in_chunks(text: &str, chunk: usize) -> Tally {
        let mut tally = Tally::default();
        let mut csv = CsvStream::new();
        for part in text.as_bytes().chunks(chunk) {
            csv.push(part, &mut tally).unwrap();
        }
        csv.push(&[], &mut tally).unwrap();
        tally
    }

    #[test]
    fn quoted_fields_line_breaks_and_any_chunking() {
        let text = format!(
            "{HEAD}1,conf_in,toll,\"Germany\",60,a@x\r\n2,conf_out,,\"Korea, Republic of\",120,\"b@x\"\r\n3,conf_in,toll,\"Atlan\ntis\",60,a@x\r\n\r\n4,conf_in,toll-free,DE,30,c@x"
        );
        for chunk in [1, 2, 3, 7, 64, 4096] {
            let t = read_in_chunks(&text, chunk);
            assert_eq!(t.rows_read, 4, "chunk {chunk}");
            assert_eq!(t.rows_used, 3, "chunk {chunk}");
            let de = CountryCode::parse("DE").unwrap();
            let kr = CountryCode::parse("KR").unwrap();
            assert_eq!(t.legs_of(de, Call::TollDialIn, 60), 1);
            assert_eq!(t.legs_of(kr, Call::DialOut, 120), 1);
            assert_eq!(t.legs_of(de, Call::TollFreeDialIn, 30), 1);
            // "Atlan\ntis" is not a country: row 4 (the header is row 1; the blank line is none).
            assert_eq!(
                t.left_out[&crate::usage_export::LeftOut::UnknownCountry].first_rows,
                vec![4]
            );
            assert_eq!(t.organisers(), 3);
        }
    }

    #[test]
    fn a_file_without_the_columns_is_refused() {
        let mut csv = CsvStream::new();
        let err = csv
            .push(b"Name,Price\nx,1\n", &mut Tally::default())
            .unwrap_err();
        assert_eq!(
            err,
            CsvProblem::MissingColumns(vec![Column::CallType, Column::Duration])
        );
        let mut csv = CsvStream::new();
        assert_eq!(csv.push(b"", &mut Tally::default()), Err(CsvProblem::Empty));
    }

    #[test]
    fn an_overlong_row_is_counted_and_skipped() {
        let long = "x".repeat(MAX_ROW_BYTES + 10);
        let text = format!("{HEAD}1,conf_in,toll,Germany,60,a\n2,conf_in,toll,\"{long}\",60,a\n3,conf_in,toll,Germany,60,a\n");
        let t = read_in_chunks(&text, 1000);
        assert_eq!((t.rows_read, t.rows_used), (3, 2));
        assert_eq!(
            t.left_out[&crate::usage_export::LeftOut::UnreadableRow].first_rows,
            vec![3]
        );
    }
}
