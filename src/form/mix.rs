//! The share-mode arithmetic: a meeting's participant groups (typed, or `participants ×
//! phone % × country % × way %` in the simple mode, or measured), where each comes from in
//! the form, and the measured profile's per-country summary.

use rust_decimal::Decimal;

use super::model::*;
use super::number_input;
use crate::lang::Lang;
use crate::rating::money::DecimalOps as _;
use crate::rating::scenario::Amount;
use crate::rating::Call;

/// One row of a measured profile: (way of joining, country) and (calls, billed minutes) a month.
pub type MeasuredRow = ((Call, String), (Decimal, Decimal));

/// A simple-mode meeting's numbers: participants, the phone %, and per country row its share
/// %, toll %, toll-free % and dial-out %.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct MixNumbers {
    pub(super) people: Decimal,
    pub(super) phone: Decimal,
    pub(super) rows: Vec<[Decimal; 4]>,
}

impl MeetingForm {
    /// The participant groups this meeting stands for, counts written in `lang`: the typed
    /// groups in the detailed mode; in the simple mode, `participants × phone % × country % ×
    /// call %` per country and call type, and the rest joining by app (counts may be
    /// fractional: they are averages).
    pub fn groups(&self, lang: Lang) -> Vec<LegForm> {
        self.groups_with_origin(lang)
            .into_iter()
            .map(|(g, _)| g)
            .collect()
    }

    /// [`MeetingForm::groups`], each with the input it comes from.
    pub fn groups_with_origin(&self, lang: Lang) -> Vec<(LegForm, Origin)> {
        if self.mode != Mode::Simple {
            return (self.legs.iter().cloned().enumerate())
                .map(|(j, l)| (l, Origin::Row(j)))
                .collect();
        }
        let count = |d: Decimal| number_input::localised(&d.normalize().to_string(), lang);
        self.simple_groups(&self.mix_numbers(lang))
            .into_iter()
            .map(|(country, call, n, origin)| (leg(country, call, &count(n)), origin))
            .collect()
    }

    /// The simple mode's numbers read from their text in `lang` (what does not read counts as
    /// 0 here; its input shows the problem).
    pub(super) fn mix_numbers(&self, lang: Lang) -> MixNumbers {
        MixNumbers {
            people: value(&self.participants, lang),
            phone: value(&self.phone_share, lang),
            rows: self
                .countries
                .iter()
                .map(|c| [&c.share, &c.toll, &c.toll_free, &c.dial_out].map(|t| value(t, lang)))
                .collect(),
        }
    }

    /// The simple mode's groups from its numbers: `participants × phone % × country % × way %`
    /// per country and way of joining, and the rest joining by app (fractional counts are
    /// averages): `(country, way, count, where it comes from)`. The one place of this
    /// arithmetic, whether the numbers were read once for the scenario or for display.
    pub(super) fn simple_groups(&self, n: &MixNumbers) -> Vec<(&str, Call, Decimal, Origin)> {
        // `part` % of `whole`; out-of-range inputs give 0 here and an error message elsewhere.
        let share = |whole: Decimal, part: Decimal| {
            whole
                .cmul(part)
                .and_then(|v| v.cdiv(Decimal::ONE_HUNDRED))
                .unwrap_or(Decimal::ZERO)
        };
        let phone = share(n.people, n.phone);
        let mut out = Vec::new();
        for (k, (c, row)) in self.countries.iter().zip(&n.rows).enumerate() {
            let here = share(phone, row[0]);
            for (call, part) in [
                (Call::TollDialIn, row[1]),
                (Call::TollFreeDialIn, row[2]),
                (Call::DialOut, row[3]),
            ] {
                let count = share(here, part);
                if !count.is_zero() {
                    out.push((c.country.as_str(), call, count, Origin::Mix(k, call)));
                }
            }
        }
        let app = n.people.csub(phone).unwrap_or(Decimal::ZERO);
        if app > Decimal::ZERO {
            let country = self
                .countries
                .first()
                .map(|c| c.country.as_str())
                .unwrap_or("US");
            out.push((country, Call::App, app, Origin::App));
        }
        out
    }

    /// A measured profile per way of joining and country, in the order of the legs: calls a
    /// month and billed minutes a month (`count × perMonth`, `× minutes`). Calls of no length
    /// are left out: they are not billed, and quotes do not count them.
    pub fn measured_rows(&self, lang: Lang) -> Vec<MeasuredRow> {
        let per_month = value(&self.per_month, lang);
        let mut rows: Vec<MeasuredRow> = Vec::new();
        for leg in &self.legs {
            let length = match Amount::parse(&leg.minutes) {
                Amount::Number(m) => m,
                _ => Decimal::ZERO,
            };
            if length.is_zero() {
                continue;
            }
            let calls = value(&leg.count, lang)
                .cmul(per_month)
                .unwrap_or(Decimal::ZERO);
            let minutes = calls.cmul(length).unwrap_or(Decimal::ZERO);
            let key = (leg.call, leg.country.clone());
            match rows.iter_mut().find(|(k, _)| *k == key) {
                Some((_, (c, m))) => {
                    *c = c.cadd(calls).unwrap_or(*c);
                    *m = m.cadd(minutes).unwrap_or(*m);
                }
                None => rows.push((key, (calls, minutes))),
            }
        }
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        rows
    }

    /// A measured profile's rows ([`MeetingForm::measured_rows`]) in two numbers: the calls a
    /// month in all, and how many countries they come from.
    pub fn measured_totals(rows: &[MeasuredRow]) -> (Decimal, usize) {
        let calls = rows.iter().fold(Decimal::ZERO, |sum, (_, (c, _))| {
            sum.cadd(*c).unwrap_or(sum)
        });
        let mut countries: Vec<&str> = rows.iter().map(|((_, c), _)| c.as_str()).collect();
        countries.sort_unstable();
        countries.dedup();
        (calls, countries.len())
    }

    /// Numbers typed in `from`, written as `to` writes them.
    pub(super) fn relocalise(&mut self, from: Lang, to: Lang) {
        let re = |t: &mut String| *t = number_input::relocalised(t, from, to);
        re(&mut self.per_month);
        re(&mut self.minutes);
        re(&mut self.participants);
        re(&mut self.phone_share);
        for c in &mut self.countries {
            for t in [&mut c.share, &mut c.toll, &mut c.toll_free, &mut c.dial_out] {
                re(t);
            }
        }
        for l in &mut self.legs {
            re(&mut l.count);
        }
    }
}
