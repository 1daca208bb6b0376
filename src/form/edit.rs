//! Edits of the form, undo of removals, and where the focus goes after an edit.

use std::rc::Rc;

use super::input_id::{InputId, LegInput, MeetingInput, MixInput};
use super::model::*;
use crate::rating::Call;

/// An edit of the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Choose a rate card.
    Card(String),
    /// Organisers text.
    Organisers(String),
    /// Licences text.
    Licences(String),
    /// Add-on on/off.
    Addon(bool),
    /// Where the organisation is located (ISO code).
    Organisation(String),
    /// Append a meeting profile (with one participant group in this country).
    AddMeeting(String),
    /// Copy profile `i` right after it.
    DuplicateMeeting(usize),
    /// Remove profile `i`.
    RemoveMeeting(usize),
    /// Name of profile `i`.
    MeetingName(usize, String),
    /// Meetings per month of profile `i`.
    PerMonth(usize, String),
    /// What the frequency of profile `i` counts (per week, month or year).
    Period(usize, Period),
    /// Minutes of profile `i`.
    Minutes(usize, String),
    /// Add a participant group to profile `i` (in this country).
    AddLeg(usize, String),
    /// Remove group `j` of profile `i`.
    RemoveLeg(usize, usize),
    /// Country of group `j` of profile `i`.
    LegCountry(usize, usize, String),
    /// Call type of group `j` of profile `i`.
    LegCall(usize, usize, Call),
    /// Count of group `j` of profile `i`.
    LegCount(usize, usize, String),
    /// Switch profile `i` between simple and detailed entry. Switching to detailed turns the
    /// simple inputs into the groups they stand for, so nothing changes in the quote.
    Mode(usize, Mode),
    /// Simple mode: participants of profile `i`.
    Participants(usize, String),
    /// Simple mode: phone share (%) of profile `i`.
    PhoneShare(usize, String),
    /// Simple mode: add a country to profile `i`.
    AddCountry(usize, String),
    /// Simple mode: remove country `k` of profile `i`.
    RemoveCountry(usize, usize),
    /// Simple mode: set a field of country `k` of profile `i`.
    Mix(usize, usize, MixField, String),
}

/// A field of a [`CountryMix`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MixField {
    /// The country code.
    Country,
    /// Share of the phone participants.
    Share,
    /// Toll dial-in share.
    Toll,
    /// Toll-free dial-in share.
    TollFree,
    /// Dial-out share.
    DialOut,
}

impl Form {
    /// Applies an edit; edits of rows that no longer exist are ignored.
    pub fn apply(&mut self, edit: Edit) {
        let lang = self.lang;
        match edit {
            Edit::Card(id) => self.card_id = id,
            Edit::Organisers(v) => self.organisers = v,
            Edit::Licences(v) => self.licences = v,
            Edit::Addon(on) => self.addon = on,
            Edit::Organisation(code) => self.organisation = code,
            Edit::AddMeeting(country) => {
                let mut m = Form::new_meeting(&country);
                m.name = super::names::meeting_n(lang, self.meetings.len() + 1);
                self.meetings.push(Rc::new(m));
            }
            Edit::DuplicateMeeting(i) => {
                if let Some(m) = self.meetings.get(i).cloned() {
                    self.meetings.insert(i + 1, m);
                }
            }
            Edit::RemoveMeeting(i) => {
                if i < self.meetings.len() {
                    self.meetings.remove(i);
                }
            }
            Edit::MeetingName(i, v) => self.with_meeting(i, |m| m.name = v),
            Edit::PerMonth(i, v) => self.with_meeting(i, |m| m.per_month = v),
            Edit::Period(i, period) => self.with_meeting(i, |m| m.period = period),
            Edit::Minutes(i, v) => self.with_meeting(i, |m| m.minutes = v),
            Edit::AddLeg(i, country) => self.with_meeting(i, |m| {
                m.legs.push(leg(&country, Call::TollDialIn, "1"));
            }),
            Edit::RemoveLeg(i, j) => self.with_meeting(i, |m| {
                if j < m.legs.len() {
                    m.legs.remove(j);
                }
            }),
            Edit::LegCountry(i, j, v) => self.with_leg(i, j, |l| l.country = v),
            Edit::LegCall(i, j, c) => self.with_leg(i, j, |l| l.call = c),
            Edit::LegCount(i, j, v) => self.with_leg(i, j, |l| l.count = v),
            Edit::Mode(i, mode) => self.with_meeting(i, |m| {
                if m.mode == Mode::Simple && mode == Mode::Detailed {
                    m.legs = m.groups(lang);
                }
                m.mode = mode;
            }),
            Edit::Participants(i, v) => self.with_meeting(i, |m| m.participants = v),
            Edit::PhoneShare(i, v) => self.with_meeting(i, |m| m.phone_share = v),
            Edit::AddCountry(i, code) => self.with_meeting(i, |m| {
                let mut c = CountryMix::all_toll(&code);
                c.share = "0".into();
                m.countries.push(c);
            }),
            Edit::RemoveCountry(i, k) => self.with_meeting(i, |m| {
                if k < m.countries.len() {
                    m.countries.remove(k);
                }
            }),
            Edit::Mix(i, k, field, v) => self.with_meeting(i, |m| {
                if let Some(c) = m.countries.get_mut(k) {
                    match field {
                        MixField::Country => c.country = v,
                        MixField::Share => c.share = v,
                        MixField::Toll => c.toll = v,
                        MixField::TollFree => c.toll_free = v,
                        MixField::DialOut => c.dial_out = v,
                    }
                }
            }),
        }
    }

    pub(super) fn with_meeting(&mut self, i: usize, f: impl FnOnce(&mut MeetingForm)) {
        if let Some(m) = self.meetings.get_mut(i) {
            f(Rc::make_mut(m));
        }
    }

    pub(super) fn with_leg(&mut self, i: usize, j: usize, f: impl FnOnce(&mut LegForm)) {
        self.with_meeting(i, |m| {
            if let Some(l) = m.legs.get_mut(j) {
                f(l);
            }
        });
    }
}

/// What a removal took away, so that it can be put back (undo).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removed {
    /// Meeting profile `index`.
    Meeting {
        /// Where it was.
        index: usize,
        /// The profile.
        meeting: Rc<MeetingForm>,
    },
    /// Participant group `index` of profile `meeting` (detailed mode).
    Leg {
        /// The profile.
        meeting: usize,
        /// Where it was.
        index: usize,
        /// The group.
        leg: LegForm,
    },
    /// Country row `index` of profile `meeting` (simple mode).
    Country {
        /// The profile.
        meeting: usize,
        /// Where it was.
        index: usize,
        /// The row.
        mix: CountryMix,
    },
}

impl Form {
    /// What `edit` would remove, if it removes something that exists.
    pub fn removed_by(&self, edit: &Edit) -> Option<Removed> {
        match *edit {
            Edit::RemoveMeeting(i) => self.meetings.get(i).map(|m| Removed::Meeting {
                index: i,
                meeting: m.clone(),
            }),
            Edit::RemoveLeg(i, j) => self.meetings.get(i)?.legs.get(j).map(|l| Removed::Leg {
                meeting: i,
                index: j,
                leg: l.clone(),
            }),
            Edit::RemoveCountry(i, k) => {
                self.meetings
                    .get(i)?
                    .countries
                    .get(k)
                    .map(|c| Removed::Country {
                        meeting: i,
                        index: k,
                        mix: c.clone(),
                    })
            }
            _ => None,
        }
    }

    /// Puts back what a removal took away (where it was, or at the end when the list has
    /// shrunk since). Returns the id of the input to focus: the restored item's first.
    pub fn restore(&mut self, removed: Removed) -> InputId {
        match removed {
            Removed::Meeting { index, meeting } => {
                let at = index.min(self.meetings.len());
                self.meetings.insert(at, meeting);
                InputId::meeting(at, MeetingInput::Name)
            }
            Removed::Leg {
                meeting,
                index,
                leg,
            } => {
                let mut at = index;
                self.with_meeting(meeting, |m| {
                    at = index.min(m.legs.len());
                    m.legs.insert(at, leg);
                });
                InputId::meeting(meeting, MeetingInput::Leg(at, LegInput::Country))
            }
            Removed::Country {
                meeting,
                index,
                mix,
            } => {
                let mut at = index;
                self.with_meeting(meeting, |m| {
                    at = index.min(m.countries.len());
                    m.countries.insert(at, mix);
                });
                InputId::meeting(meeting, MeetingInput::Country(at, MixInput::Country))
            }
        }
    }

    /// Where the focus goes after `edit` (applied): into what was added; after a removal, to
    /// the undo button (never to another destructive button).
    pub fn focus_after(&self, edit: &Edit) -> Option<InputId> {
        let rows = |i: usize, f: fn(&MeetingForm) -> usize| self.meetings.get(i).map(|m| f(m));
        match *edit {
            Edit::AddMeeting(_) => Some(InputId::meeting(
                self.meetings.len().checked_sub(1)?,
                MeetingInput::Name,
            )),
            Edit::DuplicateMeeting(i) => Some(InputId::meeting(i + 1, MeetingInput::Name)),
            Edit::AddLeg(i, _) => {
                let j = rows(i, |m| m.legs.len())?.checked_sub(1)?;
                Some(InputId::meeting(i, MeetingInput::Leg(j, LegInput::Country)))
            }
            Edit::AddCountry(i, _) => {
                let k = rows(i, |m| m.countries.len())?.checked_sub(1)?;
                Some(InputId::meeting(
                    i,
                    MeetingInput::Country(k, MixInput::Country),
                ))
            }
            Edit::RemoveMeeting(_) | Edit::RemoveLeg(..) | Edit::RemoveCountry(..) => {
                Some(InputId::Undo)
            }
            _ => None,
        }
    }
}
