//! Counting each organiser's calls in the same pass as the rest of the tally. Memory grows
//! with the organisers and their lines, never with the rows; past [`MAX_NAMED`] organisers,
//! further ones are counted with the calls no organiser is named for (and said).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::organisers::{Counted, OrganiserUsage, MAX_NAMED};
use crate::rating::mix::{CallCount, Steps};
use crate::rating::{Call, CountryCode};

/// The longest UPN kept (characters).
const MAX_UPN_CHARS: usize = 120;

/// A fast hasher for keys that start with a hash already (a UPN's): each word folded in
/// and multiplied (as rustc's FxHasher).
#[derive(Debug, Clone, Copy, Default)]
struct Folded(u64);

impl Folded {
    fn fold(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Folded {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.fold(u64::from(*b));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.fold(u64::from(n));
    }
    fn write_u16(&mut self, n: u16) {
        self.fold(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.fold(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.fold(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.fold(n as u64);
    }
    fn write_isize(&mut self, n: isize) {
        self.fold(n as u64);
    }
}

type Fast<K, V> = HashMap<K, V, BuildHasherDefault<Folded>>;

/// One organiser's calls to one country in one way, so far.
#[derive(Debug, Clone, Copy, Default)]
struct Cell {
    calls: u64,
    legs: u64,
    billable: u64,
}

/// One named organiser's line: whose (UPN hash), which, and its counts.
#[derive(Debug, Clone, Copy)]
struct Line {
    upn: u64,
    call: Call,
    country: CountryCode,
    cell: Cell,
}

/// The key of an organiser's line: the UPN's hash with the line folded in (one word to hash;
/// two lines share a key only as two UPNs share a hash, about 1 in 10^19).
fn line_key(upn: u64, call: Call, country: CountryCode) -> u64 {
    upn.wrapping_add((call as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15))
        .wrapping_add((country.slot() as u64 + 1).wrapping_mul(0xc2b2_ae3d_27d4_eb4f))
}

impl Cell {
    fn add(&mut self, billable: u64) {
        self.calls += 1;
        if billable > 0 {
            self.legs += 1;
            self.billable += billable;
        }
    }
}

/// Adding a line's counts to an organiser.
trait Take {
    fn take(&mut self, call: Call, country: CountryCode, cell: Cell);
}

impl Take for Counted {
    fn take(&mut self, call: Call, country: CountryCode, cell: Cell) {
        self.calls += cell.calls;
        if cell.legs > 0 {
            self.counts.push(CallCount {
                call,
                country,
                legs: cell.legs,
                billable_seconds: cell.billable,
            });
        }
    }
}

/// The organisers' calls so far. A row costs one lookup of (organiser, way, country); the
/// organiser's own entry is looked up only for a line not seen before.
#[derive(Debug, Clone, Default)]
pub struct OrganiserTally {
    steps: Steps,
    /// The lines of the organisers counted by name, by [`line_key`].
    cells: Fast<u64, Line>,
    /// UPN hash (case ignored) → position in `names`, or `usize::MAX` past the limit.
    by_upn: Fast<u64, usize>,
    names: Vec<String>,
    unnamed: Fast<(Call, CountryCode), Cell>,
    /// Rows of organisers past [`MAX_NAMED`].
    over_limit: u64,
}

impl OrganiserTally {
    /// Counts billable seconds in `steps`.
    pub fn new(steps: Steps) -> OrganiserTally {
        OrganiserTally {
            steps,
            ..OrganiserTally::default()
        }
    }

    /// Distinct organisers seen (case ignored), the ones past the limit included.
    pub fn distinct(&self) -> u64 {
        self.by_upn.len() as u64
    }

    /// Counts one used row: its organiser (`None`: not named), way, country and length.
    pub fn add(&mut self, upn: Option<(&str, u64)>, call: Call, country: CountryCode, secs: u32) {
        let billable = self.steps.billable(secs);
        let Some((upn, hash)) = upn else {
            return self
                .unnamed
                .entry((call, country))
                .or_default()
                .add(billable);
        };
        let key = line_key(hash, call, country);
        if let Some(line) = self.cells.get_mut(&key) {
            return line.cell.add(billable);
        }
        let next = self.names.len();
        let at = *self.by_upn.entry(hash).or_insert_with(|| {
            if next < MAX_NAMED {
                next
            } else {
                usize::MAX
            }
        });
        if at == usize::MAX {
            self.over_limit += 1;
            return self
                .unnamed
                .entry((call, country))
                .or_default()
                .add(billable);
        }
        if at == next {
            self.names.push(upn.chars().take(MAX_UPN_CHARS).collect());
        }
        self.cells
            .entry(key)
            .or_insert(Line {
                upn: hash,
                call,
                country,
                cell: Cell::default(),
            })
            .cell
            .add(billable);
    }

    /// The counts, organisers sorted by UPN (case ignored) so that every format of the same
    /// calls numbers them alike, and their lines by way and country.
    pub fn finish(self) -> OrganiserUsage {
        let mut named: Vec<Counted> = self
            .names
            .into_iter()
            .map(|upn| Counted {
                upn,
                ..Counted::default()
            })
            .collect();
        for line in self.cells.into_values() {
            if let Some(c) = self.by_upn.get(&line.upn).and_then(|i| named.get_mut(*i)) {
                c.take(line.call, line.country, line.cell);
            }
        }
        let mut unnamed = Counted::default();
        for ((call, country), cell) in self.unnamed {
            unnamed.take(call, country, cell);
        }
        for c in named.iter_mut().chain([&mut unnamed]) {
            c.counts.sort_unstable_by_key(|n| (n.call, n.country));
        }
        named.sort_by_cached_key(|c| (c.upn.to_lowercase(), c.upn.clone()));
        OrganiserUsage {
            steps: self.steps,
            named,
            unnamed,
            over_limit: self.over_limit,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rating::usage::billable_seconds;
    use crate::usage_export::legs::minutes_of;
    use rust_decimal::Decimal;

    #[test]
    fn counted_steps_bill_what_the_core_bills_for_every_length_up_to_30_hours() {
        // The scenario gives a measured leg `minutes_of(s)` (s / 60 cut to 6 decimals); the
        // core bills `max(minimum, ceil(minutes × 60 / increment) × increment)`.
        for (increment, minimum) in [(60, 60), (1, 1), (6, 30), (30, 60), (60, 1), (7, 100)] {
            let steps = Steps {
                increment_seconds: increment,
                minimum_seconds: minimum,
            };
            for s in 1..=108_000u32 {
                let core = billable_seconds(minutes_of(s) * Decimal::from(60), increment, minimum)
                    .unwrap();
                assert_eq!(Decimal::from(steps.billable(s)), core, "{s} s in {steps:?}");
            }
        }
    }

    #[test]
    fn organisers_are_counted_by_upn_whatever_the_case_and_sorted() {
        let de = CountryCode::parse("DE").unwrap();
        let mut t = OrganiserTally::new(Steps::default());
        t.add(Some(("zoe@x.com", 1)), Call::TollDialIn, de, 61);
        t.add(Some(("Ann@x.com", 2)), Call::TollDialIn, de, 1);
        t.add(Some(("ann@x.com", 2)), Call::TollDialIn, de, 0);
        t.add(None, Call::DialOut, de, 30);
        let u = t.finish();
        let names: Vec<&str> = u.named.iter().map(|c| c.upn.as_str()).collect();
        assert_eq!(names, ["Ann@x.com", "zoe@x.com"]);
        // Ann: two calls, one leg of a billed minute (the 0-second call is not a leg).
        assert_eq!(
            (
                u.named[0].calls,
                u.named[0].counts[0].legs,
                u.named[0].counts[0].billable_seconds
            ),
            (2, 1, 60)
        );
        // Zoe: 61 s bill two minutes.
        assert_eq!(u.named[1].counts[0].billable_seconds, 120);
        assert_eq!(u.unnamed.calls, 1);
    }

    #[test]
    fn organisers_past_the_limit_are_counted_with_the_unnamed_calls() {
        let de = CountryCode::parse("DE").unwrap();
        let mut t = OrganiserTally::new(Steps::default());
        for i in 0..=MAX_NAMED as u64 {
            t.add(Some(("someone", i)), Call::TollDialIn, de, 60);
        }
        // The last organiser again: still past the limit.
        t.add(
            Some(("someone", MAX_NAMED as u64)),
            Call::TollDialIn,
            de,
            60,
        );
        assert_eq!(t.distinct(), MAX_NAMED as u64 + 1);
        let u = t.finish();
        assert_eq!(
            (u.named.len(), u.unnamed.calls, u.over_limit),
            (MAX_NAMED, 2, 2)
        );
    }
}
