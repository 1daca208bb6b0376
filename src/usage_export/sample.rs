//! Generated exports for tests and measurements (native only): CSV in the admin center's shape
//! (every column, quoted fields with commas and line breaks, a byte-order mark, all call types,
//! toll and toll-free spellings, unknown countries, zero and over-long durations), the same in
//! a zip with `parameters.json`, and Graph JSON pages. No real export is in the repository.

use std::fmt::Write as _;

/// The admin center's PSTN columns, in order.
pub const COLUMNS: [&str; 20] = [
    "UsageId",
    "Call ID",
    "Conference ID",
    "User Location",
    "AAD ObjectId",
    "UPN",
    "User Display Name",
    "Caller ID",
    "Call Type",
    "Number Type",
    "Domestic/International",
    "Destination Dialed",
    "Destination Number",
    "Start Time",
    "End Time",
    "Duration Seconds",
    "Connection Fee",
    "Charge",
    "Currency",
    "Capability",
];

/// What to generate.
#[derive(Debug, Clone)]
pub struct Sample {
    /// Call rows.
    pub rows: u64,
    /// Seed of the pseudo-random choices.
    pub seed: u64,
    /// Days covered (rows start on 2026-01-01 and spread over them).
    pub days: u32,
    /// Distinct users (organisers).
    pub users: u32,
}

impl Default for Sample {
    fn default() -> Self {
        Sample {
            rows: 1_000,
            seed: 1,
            days: 30,
            users: 50,
        }
    }
}

/// A small, fast pseudo-random generator (xorshift64*), so files are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// (destination as written, a conference/dialled number in that country).
const PLACES: [(&str, &str); 10] = [
    ("Germany", "+49 69 1234 5678"),
    ("United States", "+1 206 555 0100"),
    ("United Kingdom", "+44 20 7946 0000"),
    ("France", "+33 1 23 45 67 89"),
    ("DE", "+49 30 1234 5678"),
    ("Korea, Republic of", "+82 2 1234 5678"),
    ("Canada", "+1 416 555 0100"),
    ("Japan", "+81 3 1234 5678"),
    ("Atlantis", ""),
    ("", "+1 800 555 0100"),
];

/// `text` quoted for CSV when it needs it.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

impl Sample {
    /// The rows as `(column values)`, in [`COLUMNS`] order.
    fn for_each_row(&self, mut each: impl FnMut(u64, [String; 20])) {
        let mut rng = Rng(self.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let start = 1_767_225_600_i64; // 2026-01-01T00:00:00Z
        let span = i64::from(self.days.max(1)) * 86_400;
        for i in 0..self.rows {
            let r = rng.below(100);
            // Every call type of the export.
            let call = match r {
                0..=54 => "conf_in",
                55..=79 => "conf_out",
                80..=84 => "user_out",
                85..=87 => "user_in",
                88 => "user_out_conf",
                89 => "user_out_transfer",
                90 => "user_out_forwarding",
                91..=94 => "ucap_in",
                95 => "oc_ucap_in",
                _ => "ucap_out",
            };
            let number_type = match rng.below(12) {
                0..=5 => "toll",
                6 => "Toll",
                7 => "toll-free",
                8 => "Toll Free",
                9 => "TOLL_FREE",
                10 => "Service",
                _ => "TollFree",
            };
            let (place, number) = PLACES[rng.below(PLACES.len() as u64) as usize];
            let secs = match rng.below(200) {
                0 => 0,
                1 => 110_000,
                2 => 93_600,
                _ => 5 + rng.below(3_600),
            };
            let at = start + (rng.below(span as u64) as i64);
            let user = rng.below(u64::from(self.users.max(1)));
            let stamp = |t: i64| {
                let day = t.div_euclid(86_400);
                let s = t.rem_euclid(86_400);
                format!(
                    "{}T{:02}:{:02}:{:02}Z",
                    super::values::civil_from_days(day),
                    s / 3600,
                    s / 60 % 60,
                    s % 60
                )
            };
            let charge = if call == "conf_out" || number_type != "toll" {
                format!("{:.2}", (secs as f64 / 60.0).ceil() * 0.03)
            } else {
                "0.00".into()
            };
            each(
                i,
                [
                    format!("u{i}"),
                    format!("call-{i}"),
                    format!("{}", 1000 + rng.below(500)),
                    "DE".into(),
                    format!("obj-{user}"),
                    format!("user{user}@contoso.example"),
                    format!("Doe, Jane {user}\n(Sales)"),
                    // The caller's own number (a French mobile): never a leg's country.
                    "+33 6 12 34 56 78".into(),
                    call.into(),
                    number_type.into(),
                    "International".into(),
                    place.into(),
                    number.into(),
                    stamp(at),
                    stamp(at + secs as i64),
                    secs.to_string(),
                    "0.00".into(),
                    charge,
                    "EUR".into(),
                    "MCOMEETACPEA".into(),
                ],
            );
        }
    }

    /// The admin center's CSV (with a byte-order mark, CRLF line ends).
    pub fn csv(&self) -> Vec<u8> {
        let mut out = String::from("\u{feff}");
        out.push_str(&COLUMNS.join(","));
        out.push_str("\r\n");
        self.for_each_row(|_, row| {
            let cells: Vec<String> = row.iter().map(|c| field(c)).collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        });
        out.into_bytes()
    }

    /// The admin center's zip: `parameters.json`, the PSTN calls CSV (deflated) and a Direct
    /// Routing file (not read).
    pub fn zip(&self) -> Vec<u8> {
        let first = super::values::days_from_civil(2026, 1, 1);
        let end = super::values::civil_from_days(first + i64::from(self.days.max(1)) - 1);
        let parameters = format!(
            "{{\"reportName\":\"PSTN usage\",\"startDate\":\"2026-01-01\",\"endDate\":\"{end}\"}}"
        );
        zip_of(&[
            ("parameters.json", parameters.as_bytes(), false),
            ("PSTN.calls.2026-01-01.csv", &self.csv(), true),
            (
                "DirectRouting.calls.2026-01-01.csv",
                b"Call Type,Duration Seconds\r\n",
                true,
            ),
        ])
    }

    /// Graph's `getPstnCalls` as JSON pages of `page` rows, one page per line.
    pub fn graph_lines(&self, page: usize) -> Vec<u8> {
        let mut rows = Vec::new();
        let mut pages: Vec<String> = Vec::new();
        let flush = |rows: &mut Vec<String>, pages: &mut Vec<String>| {
            if !rows.is_empty() {
                pages.push(rows.join(","));
                rows.clear();
            }
        };
        self.for_each_row(|_, r| {
            let s = |t: &str| format!("\"{}\"", t.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n"));
            rows.push(format!(
                "{{\"id\":{},\"callType\":{},\"inventoryType\":{},\"destinationName\":{},\"callerNumber\":{},\"calleeNumber\":{},\"duration\":{},\"startDateTime\":{},\"charge\":{},\"connectionCharge\":0,\"currency\":\"EUR\",\"licenseCapability\":\"MCOMEETACPEA\",\"userPrincipalName\":{},\"tenantCountryCode\":\"DE\"}}",
                s(&r[1]), s(&r[8]), s(&r[9]), s(&r[11]), s(&r[7]), s(&r[12]), r[15], s(&r[13]), r[17], s(&r[5])
            ));
            if rows.len() >= page {
                flush(&mut rows, &mut pages);
            }
        });
        flush(&mut rows, &mut pages);
        // Every page but the last links to the next, as Graph pages them.
        let mut out = String::new();
        let last = pages.len().saturating_sub(1);
        for (i, rows) in pages.iter().enumerate() {
            let next = if i < last {
                "\"@odata.nextLink\":\"https://graph.example/next\","
            } else {
                ""
            };
            let _ = writeln!(out, "{{{next}\"value\":[{rows}]}}");
        }
        out.into_bytes()
    }
}

/// A zip archive of `(name, bytes, deflate?)` entries.
pub fn zip_of(entries: &[(&str, &[u8], bool)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, data, deflate) in entries {
        let packed = if *deflate {
            miniz_oxide::deflate::compress_to_vec(data, 6)
        } else {
            data.to_vec()
        };
        let crc = {
            let mut h = crc32fast::Hasher::new();
            h.update(data);
            h.finalize()
        };
        let method: u16 = if *deflate { 8 } else { 0 };
        let offset = out.len() as u32;
        let common = |v: &mut Vec<u8>| {
            v.extend_from_slice(&20u16.to_le_bytes()); // version needed
            v.extend_from_slice(&0u16.to_le_bytes()); // flags
            v.extend_from_slice(&method.to_le_bytes());
            v.extend_from_slice(&0u32.to_le_bytes()); // time, date
            v.extend_from_slice(&crc.to_le_bytes());
            v.extend_from_slice(&(packed.len() as u32).to_le_bytes());
            v.extend_from_slice(&(data.len() as u32).to_le_bytes());
            v.extend_from_slice(&(name.len() as u16).to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes()); // extra
        };
        out.extend_from_slice(b"PK\x03\x04");
        common(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&packed);
        directory.extend_from_slice(b"PK\x01\x02");
        directory.extend_from_slice(&20u16.to_le_bytes()); // version made by
        common(&mut directory);
        directory.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
        directory.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        directory.extend_from_slice(&offset.to_le_bytes());
        directory.extend_from_slice(name.as_bytes());
    }
    let at = out.len() as u32;
    out.extend_from_slice(&directory);
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(directory.len() as u32).to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}
