//! The share-mode arithmetic: a meeting's participant groups (typed, or `participants ×
//! phone % × country % × way %` in the simple mode, or measured), where each comes from in
//! the form, and the measured profile's per-country summary.

use rust_decimal::Decimal;

use super::input_id::{LegInput, MeetingInput, MixInput};
use super::model::*;
use super::number_input;
use crate::lang::Lang;
use crate::rating::money::DecimalOps as _;
use crate::rating::scenario::{Amount, MAX_COUNT, MAX_MINUTES};
use crate::rating::Call;

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
        // `part` % of `whole`; out-of-range inputs give 0 here and an error message elsewhere.
        let share = |whole: Decimal, part: &str| {
            whole
                .cmul(value(part, lang))
                .and_then(|v| v.cdiv(Decimal::ONE_HUNDRED))
                .unwrap_or(Decimal::ZERO)
        };
        let count = |d: Decimal| number_input::localised(&d.normalize().to_string(), lang);
        let people = value(&self.participants, lang);
        let phone = share(people, &self.phone_share);
        let mut out = Vec::new();
        for (k, c) in self.countries.iter().enumerate() {
            let here = share(phone, &c.share);
            for (call, part) in [
                (Call::TollDialIn, &c.toll),
                (Call::TollFreeDialIn, &c.toll_free),
                (Call::DialOut, &c.dial_out),
            ] {
                let n = share(here, part);
                if !n.is_zero() {
                    out.push((leg(&c.country, call, &count(n)), Origin::Mix(k, call)));
                }
            }
        }
        let app = people.csub(phone).unwrap_or(Decimal::ZERO);
        if app > Decimal::ZERO {
            let country = self
                .countries
                .first()
                .map(|c| c.country.as_str())
                .unwrap_or("US");
            out.push((leg(country, Call::App, &count(app)), Origin::App));
        }
        out
    }

    /// A measured profile per way of joining and country, in the order of the legs: calls a
    /// month and billed minutes a month (`count × perMonth`, `× minutes`). Calls of no length
    /// are left out: they are not billed, and quotes do not count them.
    pub fn measured_rows(&self, lang: Lang) -> Vec<((Call, String), (Decimal, Decimal))> {
        let per_month = value(&self.per_month, lang);
        let mut rows: Vec<((Call, String), (Decimal, Decimal))> = Vec::new();
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

    /// Every number input of this meeting: (input id suffix, text, largest value).
    pub(super) fn numbers(&self) -> Vec<(MeetingInput, &str, Decimal)> {
        let mut out = vec![
            // Checked against the limit once converted to meetings per month (`field_errors`).
            (
                MeetingInput::PerMonth,
                self.per_month.as_str(),
                Decimal::MAX,
            ),
            (
                MeetingInput::Minutes,
                self.minutes.as_str(),
                Decimal::from(MAX_MINUTES),
            ),
        ];
        if self.mode == Mode::Measured {
            // Nothing of a measured profile is typed; the core checks its numbers.
            out.clear();
            return out;
        }
        if self.mode == Mode::Detailed {
            for (j, l) in self.legs.iter().enumerate() {
                out.push((
                    MeetingInput::Leg(j, LegInput::Count),
                    l.count.as_str(),
                    Decimal::from(MAX_COUNT),
                ));
            }
            return out;
        }
        out.push((
            MeetingInput::Participants,
            &self.participants,
            Decimal::from(MAX_COUNT),
        ));
        out.push((
            MeetingInput::PhoneShare,
            &self.phone_share,
            Decimal::ONE_HUNDRED,
        ));
        for (k, c) in self.countries.iter().enumerate() {
            for (input, text) in [
                (MixInput::Share, &c.share),
                (MixInput::Toll, &c.toll),
                (MixInput::TollFree, &c.toll_free),
                (MixInput::DialOut, &c.dial_out),
            ] {
                out.push((
                    MeetingInput::Country(k, input),
                    text.as_str(),
                    Decimal::ONE_HUNDRED,
                ));
            }
        }
        out
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
