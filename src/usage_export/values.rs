//! Reading the export's cell values, tolerantly: call types, number types, durations, times
//! and amounts. Anything not understood is `None` (the row is then left out with a reason),
//! never a guess.

use rust_decimal::Decimal;

use super::columns::fold;

/// What a row's `Call Type` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallKind {
    /// `conf_in`: a call into the audio-conferencing bridge (dial-in).
    ConferenceIn,
    /// `conf_out`: a call from the bridge (dial-out from a meeting).
    ConferenceOut,
    /// One of the export's other call types (a user's own calls, auto attendants, …).
    Other(&'static str),
}

/// The documented call types of the export that are not audio conferencing (Microsoft's
/// current PSTN usage report: users, emergency and unassigned numbers, FMC, bots, Direct
/// Routing; `Byot…` variants are recognised by their prefix).
const OTHER_CALL_TYPES: [&str; 22] = [
    "user_in",
    "user_out",
    "user_out_conf",
    "user_out_transfer",
    "user_out_forwarding",
    "unassigned_in",
    "emergency_in",
    "emergency_out",
    "fmc_in",
    "fmc_out",
    "ucap_in",
    "ucap_out",
    "ucap_out_conf",
    "dr_in",
    "dr_out",
    "dr_out_user_conf",
    "dr_out_user_forwarding",
    "dr_out_user_transfer",
    "dr_emergency_out",
    "dr_unassigned_in",
    "dr_in_bot",
    "dr_out_bot",
];

/// Reads a call type (`conf_in`, `Conf In`, `CONF-OUT`, …); `None` for a word the export's
/// documentation does not name.
pub fn call_kind(text: &str) -> Option<CallKind> {
    let key = fold(text);
    match key.as_str() {
        "confin" => Some(CallKind::ConferenceIn),
        "confout" => Some(CallKind::ConferenceOut),
        k if k.starts_with("byot") => Some(CallKind::Other("Byot…")),
        _ => OTHER_CALL_TYPES
            .iter()
            .find(|word| fold(word) == key)
            .map(|word| CallKind::Other(word)),
    }
}

/// Reads a number type: `Some(false)` toll, `Some(true)` toll-free. Accepted (case, spaces and
/// punctuation ignored): "toll", "toll number", "service", "service number" (a conferencing
/// bridge's toll number); "toll free", "toll-free", "tollfree", "toll free number", "service
/// toll free", "freephone". Anything else is `None`.
pub fn toll_free(text: &str) -> Option<bool> {
    match fold(text).as_str() {
        "toll" | "tollnumber" | "service" | "servicenumber" | "servicetoll" => Some(false),
        "tollfree" | "tollfreenumber" | "servicetollfree" | "tollfreeservice" | "freephone" => {
            Some(true)
        }
        _ => None,
    }
}

/// Reads a duration in whole seconds: digits, optionally followed by a zero fraction
/// (`"125"`, `"125.0"`). `None` for anything else (negative, fractional, text).
pub fn seconds(text: &str) -> Option<u64> {
    let t = text.trim();
    let whole = match t.split_once('.') {
        Some((w, f)) if f.bytes().all(|b| b == b'0') => w,
        Some(_) => return None,
        None => t,
    };
    if whole.is_empty() || whole.len() > 12 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    whole.parse().ok()
}

/// Reads an amount of money (`"0.25"`, `"-1.10"`, `"0"`); an empty cell is `None`.
pub fn money(text: &str) -> Option<Decimal> {
    let t = text.trim();
    if t.is_empty() || t.len() > 40 {
        return None;
    }
    Decimal::from_str_exact(t).ok()
}

/// A point in time, as seconds since 1970-01-01 UTC, and whether it was a date alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instant {
    /// Seconds since the epoch.
    pub seconds: i64,
    /// True when the text was a date without a time.
    pub date_only: bool,
}

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date (`YYYY-MM-DD`) of a day number from [`days_from_civil`].
pub fn civil_from_days(days: i64) -> String {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

fn number(text: &str, digits: usize) -> Option<u32> {
    if text.len() != digits || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Reads an ISO 8601 date or date and time: `2026-03-01`, `2026-03-01T10:15:00Z`,
/// `2026-03-01 10:15:00`, with optional fractional seconds and a `Z` or `±HH:MM` offset
/// (no offset: UTC, as the export writes). `None` for anything else or an impossible date.
pub fn instant(text: &str) -> Option<Instant> {
    let t = text.trim();
    let (date, time) = match t.find(['T', 't', ' ']) {
        Some(i) => (t.get(..i)?, Some(t.get(i + 1..)?.trim())),
        None => (t, None),
    };
    let mut parts = date.split('-');
    let year = number(parts.next()?, 4)?;
    let month = number(parts.next()?, 2)?;
    let day = number(parts.next()?, 2)?;
    if parts.next().is_some() || !(1..=12).contains(&month) || day < 1 {
        return None;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if day > month_days[usize::try_from(month - 1).ok()?] {
        return None;
    }
    let days = days_from_civil(i64::from(year), month, day);
    let Some(time) = time else {
        return Some(Instant {
            seconds: days * 86_400,
            date_only: true,
        });
    };
    // The offset: `Z`, or `+HH:MM` / `-HH:MM` at the end.
    let (clock, offset) = if let Some(c) = time.strip_suffix(['Z', 'z']) {
        (c, 0)
    } else if let Some(i) = time.rfind(['+', '-']) {
        let (c, o) = time.split_at(i);
        let sign = if o.starts_with('-') { -1 } else { 1 };
        let o = o.get(1..)?.replace(':', "");
        let hours = i64::from(number(o.get(..2)?, 2)?);
        let minutes = i64::from(number(o.get(2..)?, 2)?);
        (c, sign * (hours * 3600 + minutes * 60))
    } else {
        (time, 0)
    };
    let clock = clock.split('.').next()?;
    let mut hms = clock.split(':');
    let h = number(hms.next()?, 2)?;
    let m = number(hms.next()?, 2)?;
    let s = match hms.next() {
        Some(s) => number(s, 2)?,
        None => 0,
    };
    if hms.next().is_some() || h > 23 || m > 59 || s > 60 {
        return None;
    }
    Some(Instant {
        seconds: days * 86_400 + i64::from(h * 3600 + m * 60 + s) - offset,
        date_only: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn call_types_in_any_spelling() {
        assert_eq!(call_kind("conf_in"), Some(CallKind::ConferenceIn));
        assert_eq!(call_kind(" Conf Out "), Some(CallKind::ConferenceOut));
        assert_eq!(call_kind("USER_OUT"), Some(CallKind::Other("user_out")));
        assert_eq!(call_kind("ucap_in"), Some(CallKind::Other("ucap_in")));
        // Every documented type that is not a conference is named as such (issue 17 found
        // `emergency_out` reported as "not understood").
        for word in OTHER_CALL_TYPES {
            assert_eq!(call_kind(word), Some(CallKind::Other(word)), "{word}");
        }
        assert_eq!(
            call_kind("emergency_out"),
            Some(CallKind::Other("emergency_out"))
        );
        assert_eq!(call_kind("ByotOutUserConf"), Some(CallKind::Other("Byot…")));
        // Undocumented types stay "not understood".
        assert_eq!(call_kind("oc_ucap_in"), None);
        assert_eq!(call_kind("conference"), None);
    }

    #[test]
    fn number_types() {
        for t in ["toll", "Toll", "TOLL NUMBER", "service"] {
            assert_eq!(toll_free(t), Some(false), "{t}");
        }
        for t in [
            "toll-free",
            "Toll free",
            "TollFree",
            "toll_free",
            "Toll-Free Number",
        ] {
            assert_eq!(toll_free(t), Some(true), "{t}");
        }
        assert_eq!(toll_free(""), None);
        assert_eq!(toll_free("premium"), None);
    }

    #[test]
    fn durations() {
        assert_eq!(seconds("125"), Some(125));
        assert_eq!(seconds(" 0 "), Some(0));
        assert_eq!(seconds("125.00"), Some(125));
        assert_eq!(seconds("12.5"), None);
        assert_eq!(seconds("-3"), None);
        assert_eq!(seconds("1e3"), None);
        assert_eq!(seconds(""), None);
        assert_eq!(seconds("99999999999999999999"), None);
    }

    #[test]
    fn instants() {
        // 2026-03-01 is day 20,513 since 1970-01-01 (56 years, 14 leap days, + Jan/Feb 59).
        let day = 20_513 * 86_400;
        assert_eq!(days_from_civil(2026, 3, 1), 20_513);
        assert_eq!(civil_from_days(20_513), "2026-03-01");
        assert_eq!(
            instant("2026-03-01"),
            Some(Instant {
                seconds: day,
                date_only: true
            })
        );
        assert_eq!(
            instant("2026-03-01T10:15:30Z").map(|i| i.seconds),
            Some(day + 36_930)
        );
        assert_eq!(
            instant("2026-03-01 10:15:30.1234567").map(|i| i.seconds),
            Some(day + 36_930)
        );
        assert_eq!(
            instant("2026-03-01T10:15:30+01:00").map(|i| i.seconds),
            Some(day + 33_330)
        );
        assert_eq!(instant("2026-02-29"), None);
        assert_eq!(instant("2024-02-29").map(|i| i.date_only), Some(true));
        assert_eq!(instant("03/01/2026 10:15"), None);
        assert_eq!(instant("2026-03-01T25:00:00Z"), None);
    }

    #[test]
    fn money_cells() {
        assert_eq!(money("0.25"), Some(Decimal::new(25, 2)));
        assert_eq!(money(" -1.10 "), Some(Decimal::new(-110, 2)));
        assert_eq!(money(""), None);
        assert_eq!(money("1,5"), None);
    }
}
