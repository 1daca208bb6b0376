//! Turns the export's rows, one at a time, into counts: legs per (country, way of joining,
//! length in seconds), the tenant's billed charges, organisers, the calls' time span, and the
//! rows left out with their reasons. Memory grows with the number of distinct groups, never
//! with the number of rows.

use std::collections::{BTreeMap, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};

use rust_decimal::Decimal;

use super::columns::Column;
use super::organiser_tally::OrganiserTally;
use super::phone_numbers::country_of_number;
use super::report::Basis;
pub use super::report::LeftOut;
use super::values::{call_kind, instant, money, seconds, toll_free, CallKind};
use crate::country_names::find_country;
use crate::rating::{Call, CountryCode};

/// The longest leg taken: a Teams meeting lasts up to 30 hours (usage-export.md), the
/// scenario's limit for a leg's own minutes (1,800).
pub const MAX_LEG_SECONDS: u64 = 108_000;

/// How many row numbers a report lists per reason.
pub const FIRST_ROWS: usize = 5;

/// Distinct capabilities or currencies kept by name; the rest are counted as "(other)".
const MAX_NAMES: usize = 32;

/// Country names remembered after their first lookup (an export repeats a few names).
const MAX_CACHED_NAMES: usize = 4_096;

/// The fields of one row, by column.
pub trait Row {
    /// The text of `column` in this row, if the export has that column.
    fn get(&self, column: Column) -> Option<&str>;
}

/// Counts of one reason.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReasonCount {
    /// Rows left out for this reason.
    pub count: u64,
    /// The first few of their row numbers.
    pub first_rows: Vec<u64>,
}

/// Phone usage of one way of joining in one country over the export's period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    /// Legs (rows).
    pub legs: u64,
    /// Their durations added up, in seconds.
    pub seconds: u64,
}

/// What the tenant was billed for some calls: their number, `Charge` and `Connection Fee`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Billed {
    /// Calls.
    pub legs: u64,
    /// `Charge`, added up.
    pub charge: Decimal,
    /// `Connection Fee`, added up.
    pub connection_fee: Decimal,
}

/// Everything counted so far.
#[derive(Debug, Default)]
pub struct Tally {
    /// Legs per (country, way of joining, length in seconds, the offer that billed them).
    pub groups: HashMap<(CountryCode, Call, u32, Basis), u64>,
    /// Legs and seconds per (way of joining, country).
    pub usage: BTreeMap<(Call, CountryCode), Usage>,
    /// What was billed per (offer, way of joining, country, currency: an index into
    /// [`Tally::currencies`]).
    pub billed: BTreeMap<(Basis, Call, CountryCode, usize), Billed>,
    /// The currencies named (upper case; "" for none, "(other)" past 32 of them).
    pub currencies: Vec<String>,
    /// Each organiser's calls (for the licence mix), and the distinct organisers.
    pub by_organiser: OrganiserTally,
    /// Rows seen (the header not counted).
    pub rows_read: u64,
    /// Rows that became legs.
    pub rows_used: u64,
    /// Rows left out, by reason.
    pub left_out: BTreeMap<LeftOut, ReasonCount>,
    /// Rows of other call types, by call type.
    pub other_calls: BTreeMap<&'static str, u64>,
    /// Rows of call types the documentation does not name, by their spelling (trimmed, at most
    /// 40 characters; "" when empty; "(other)" past 32 spellings).
    pub unknown_calls: BTreeMap<String, u64>,
    /// Graph pages read (objects with a `value` list).
    pub graph_pages: u64,
    /// Of them, pages with an `@odata.nextLink`: a complete set has one fewer than its pages.
    pub graph_next_links: u64,
    /// The first and last start time of the rows used (seconds since 1970).
    pub span: Option<(i64, i64)>,
    /// Rows used whose start time could not be read.
    pub start_times_unreadable: u64,
    /// Rows used whose charge or connection fee could not be read (counted as 0).
    pub charges_unreadable: u64,
    /// Rows used per capability (licence) named in the export.
    pub capabilities: BTreeMap<String, u64>,
    /// Rows per tenant country (Graph's `tenantCountryCode`).
    pub tenant_countries: BTreeMap<CountryCode, u64>,
    names: HashMap<String, Option<CountryCode>>,
    numbers: HashMap<String, Option<CountryCode>>,
}

/// `find(key)`, remembered in `cache` (an export repeats a few names and conference numbers;
/// at most [`MAX_CACHED_NAMES`] are kept).
fn cached(
    cache: &mut HashMap<String, Option<CountryCode>>,
    key: &str,
    find: impl Fn(&str) -> Option<CountryCode>,
) -> Option<CountryCode> {
    let key = key.trim();
    if key.is_empty() {
        return None;
    }
    if let Some(found) = cache.get(key) {
        return *found;
    }
    let found = find(key);
    if cache.len() < MAX_CACHED_NAMES {
        cache.insert(key.to_string(), found);
    }
    found
}

impl Tally {
    /// Calls of one length in one country and way, whatever offer billed them (for tests).
    #[cfg(test)]
    pub fn legs_of(&self, country: CountryCode, call: Call, seconds: u32) -> u64 {
        self.groups
            .iter()
            .filter(|((c, w, s, _), _)| (*c, *w, *s) == (country, call, seconds))
            .map(|(_, n)| n)
            .sum()
    }

    /// Organisers found: distinct UPNs of the rows used.
    pub fn organisers(&self) -> u64 {
        self.by_organiser.distinct()
    }

    /// Counts a row that could not be read at all.
    pub fn unreadable(&mut self, row: u64) {
        self.rows_read += 1;
        self.leave(row, LeftOut::UnreadableRow);
    }

    fn leave(&mut self, row: u64, why: LeftOut) {
        let entry = self.left_out.entry(why).or_default();
        entry.count += 1;
        if entry.first_rows.len() < FIRST_ROWS {
            entry.first_rows.push(row);
        }
    }

    /// Counts a call type not understood, by its spelling.
    fn unknown_call(&mut self, text: &str) {
        let spelled: String = text.trim().chars().take(40).collect();
        if let Some(n) = self.unknown_calls.get_mut(&spelled) {
            *n += 1;
            return;
        }
        let name = if self.unknown_calls.len() < MAX_NAMES {
            spelled
        } else {
            "(other)".to_string()
        };
        *self.unknown_calls.entry(name).or_default() += 1;
    }

    /// The index of a row's currency in [`Tally::currencies`] (added when new).
    fn currency(&mut self, text: &str) -> usize {
        let t = text.trim();
        let code = if t.len() == 3 && t.bytes().all(|b| b.is_ascii_alphabetic()) {
            t
        } else {
            ""
        };
        if let Some(i) = self
            .currencies
            .iter()
            .position(|c| c.eq_ignore_ascii_case(code))
        {
            return i;
        }
        let name = if self.currencies.len() < MAX_NAMES {
            code.to_ascii_uppercase()
        } else {
            "(other)".to_string()
        };
        match self.currencies.iter().position(|c| *c == name) {
            Some(i) => i,
            None => {
                self.currencies.push(name);
                self.currencies.len() - 1
            }
        }
    }

    /// The country of a leg (usage-export.md): `External Country`, else the country of the
    /// number dialled (`Destination Number` / `calleeNumber`: for a dial-in leg, the
    /// conference number), else the name in `Destination Dialed` / `destinationName`. The
    /// same for dial-in and dial-out, and never from `Caller ID` (the caller's own number),
    /// so that CSV and Graph rows of the same calls give the same countries.
    fn country(&mut self, row: &impl Row) -> Option<CountryCode> {
        let by_name = |t: &mut Tally, column| {
            row.get(column)
                .and_then(|name| cached(&mut t.names, name, find_country))
        };
        by_name(self, Column::ExternalCountry)
            .or_else(|| {
                row.get(Column::DestinationNumber)
                    .and_then(|n| cached(&mut self.numbers, n, country_of_number))
            })
            .or_else(|| by_name(self, Column::DestinationDialed))
    }

    /// Counts one row (`number`: its row number in the file, the header being row 1).
    pub fn add(&mut self, number: u64, row: &impl Row) {
        self.rows_read += 1;
        let call = match row.get(Column::CallType).and_then(call_kind) {
            None => {
                self.unknown_call(row.get(Column::CallType).unwrap_or(""));
                return self.leave(number, LeftOut::UnknownCallType);
            }
            Some(CallKind::Other(word)) => {
                *self.other_calls.entry(word).or_default() += 1;
                return self.leave(number, LeftOut::NotConferencing);
            }
            Some(CallKind::ConferenceOut) => Call::DialOut,
            Some(CallKind::ConferenceIn) => match row.get(Column::NumberType).and_then(toll_free) {
                Some(true) => Call::TollFreeDialIn,
                Some(false) => Call::TollDialIn,
                None => return self.leave(number, LeftOut::UnknownNumberType),
            },
        };
        let secs = match row.get(Column::Duration).and_then(seconds) {
            None => return self.leave(number, LeftOut::UnreadableDuration),
            Some(s) if s > MAX_LEG_SECONDS => {
                return self.leave(number, LeftOut::LongerThanAMeeting)
            }
            Some(s) => s,
        };
        let Some(country) = self.country(row) else {
            return self.leave(number, LeftOut::UnknownCountry);
        };
        self.rows_used += 1;
        let basis = Basis::of_capability(row.get(Column::Capability).unwrap_or(""));
        // At most 108,000: fits.
        let secs32 = u32::try_from(secs).unwrap_or(u32::MAX);
        *self
            .groups
            .entry((country, call, secs32, basis))
            .or_default() += 1;
        let usage = self.usage.entry((call, country)).or_default();
        usage.legs += 1;
        usage.seconds += secs;
        let upn = row
            .get(Column::Upn)
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map(|upn| {
                // Case ignored, without a lower-case copy of every row's UPN.
                let mut h = DefaultHasher::new();
                upn.chars()
                    .flat_map(char::to_lowercase)
                    .for_each(|c| c.hash(&mut h));
                (upn, h.finish())
            });
        self.by_organiser.add(upn, call, country, secs32);
        let mut amounts = [Decimal::ZERO; 2];
        for (amount, column) in amounts
            .iter_mut()
            .zip([Column::Charge, Column::ConnectionFee])
        {
            let text = row.get(column).map(str::trim).unwrap_or("");
            if text.is_empty() {
                continue;
            }
            match money(text) {
                Some(m) => *amount = m,
                None => self.charges_unreadable += 1,
            }
        }
        let currency = self.currency(row.get(Column::Currency).unwrap_or(""));
        let billed = self
            .billed
            .entry((basis, call, country, currency))
            .or_default();
        billed.legs += 1;
        billed.charge = billed
            .charge
            .checked_add(amounts[0])
            .unwrap_or(billed.charge);
        billed.connection_fee = billed
            .connection_fee
            .checked_add(amounts[1])
            .unwrap_or(billed.connection_fee);
        match row.get(Column::StartTime).and_then(instant) {
            Some(t) => {
                self.span = Some(match self.span {
                    None => (t.seconds, t.seconds),
                    Some((a, b)) => (a.min(t.seconds), b.max(t.seconds)),
                })
            }
            None => self.start_times_unreadable += 1,
        }
        if let Some(cap) = row
            .get(Column::Capability)
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            // Known names without a copy; a new one kept while there are fewer than 32.
            if let Some(n) = self.capabilities.get_mut(cap) {
                *n += 1;
            } else {
                let name = if self.capabilities.len() < MAX_NAMES {
                    cap.chars().take(40).collect()
                } else {
                    "(other)".to_string()
                };
                *self.capabilities.entry(name).or_default() += 1;
            }
        }
        if let Some(code) = row
            .get(Column::TenantCountry)
            .and_then(|c| CountryCode::parse(&c.trim().to_ascii_uppercase()))
        {
            *self.tenant_countries.entry(code).or_default() += 1;
        }
    }
}

#[cfg(test)]
#[path = "tally_tests.rs"]
mod tests;
