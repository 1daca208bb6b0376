//! The form's inputs by place ([`InputId`]): what problems point at, where the focus goes and
//! what the components name their fields. Its `Display` is the element id the page gives the
//! input (`meetings-0-legs-2-count`), written in this one place.

use std::fmt;

/// An input of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputId {
    /// The rate card picker (also where problems of no single input are shown).
    Card,
    /// Organisers.
    Organisers,
    /// Licences purchased.
    Licences,
    /// The US/Canada add-on.
    Addon,
    /// Where the organisation is located.
    Organisation,
    /// The list of meeting profiles.
    Meetings,
    /// An input of meeting profile `.0`.
    Meeting(usize, MeetingInput),
    /// The undo button: where the focus goes after a removal (never to another destructive
    /// button).
    Undo,
}

/// An input of one meeting profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeetingInput {
    /// The profile as a whole.
    Profile,
    /// Its name.
    Name,
    /// How often it happens.
    PerMonth,
    /// What the frequency counts (per week, month or year).
    Period,
    /// How long it lasts.
    Minutes,
    /// Simple mode: the participants.
    Participants,
    /// Simple mode: the share by phone.
    PhoneShare,
    /// Simple mode: the countries' shares together.
    Shares,
    /// A measured profile's summary.
    Measured,
    /// Detailed mode: an input of participant group `.0`.
    Leg(usize, LegInput),
    /// Simple mode: an input of country row `.0`.
    Country(usize, MixInput),
}

/// An input of one participant group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LegInput {
    /// The country.
    Country,
    /// The way of joining.
    Call,
    /// How many.
    Count,
}

/// An input of one country row in the simple mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MixInput {
    /// The country.
    Country,
    /// Its share of the phone participants.
    Share,
    /// Toll dial-in %.
    Toll,
    /// Toll-free dial-in %.
    TollFree,
    /// Dial-out %.
    DialOut,
    /// The three ways together.
    Mix,
}

impl InputId {
    /// An input of meeting `i`.
    pub fn meeting(i: usize, input: MeetingInput) -> InputId {
        InputId::Meeting(i, input)
    }

    /// The id every input of meeting `i` starts with (`meetings-3`), for its messages.
    pub fn meeting_prefix(i: usize) -> String {
        format!("meetings-{i}")
    }
}

impl MixInput {
    fn word(self) -> &'static str {
        match self {
            MixInput::Country => "country",
            MixInput::Share => "share",
            MixInput::Toll => "toll",
            MixInput::TollFree => "tollFree",
            MixInput::DialOut => "dialOut",
            MixInput::Mix => "mix",
        }
    }
}

impl fmt::Display for InputId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (i, input) = match *self {
            InputId::Card => return f.write_str("card"),
            InputId::Organisers => return f.write_str("organisers"),
            InputId::Licences => return f.write_str("licencesPurchased"),
            InputId::Addon => return f.write_str("addon"),
            InputId::Organisation => return f.write_str("organisation"),
            InputId::Meetings => return f.write_str("meetings"),
            InputId::Undo => return f.write_str("undo"),
            InputId::Meeting(i, input) => (i, input),
        };
        write!(f, "meetings-{i}")?;
        let part = match input {
            MeetingInput::Profile => return Ok(()),
            MeetingInput::Name => "name",
            MeetingInput::PerMonth => "perMonth",
            MeetingInput::Period => "period",
            MeetingInput::Minutes => "minutes",
            MeetingInput::Participants => "participants",
            MeetingInput::PhoneShare => "phoneShare",
            MeetingInput::Shares => "shares",
            MeetingInput::Measured => "measured",
            MeetingInput::Leg(j, leg) => {
                let word = match leg {
                    LegInput::Country => "country",
                    LegInput::Call => "call",
                    LegInput::Count => "count",
                };
                return write!(f, "-legs-{j}-{word}");
            }
            MeetingInput::Country(k, mix) => return write!(f, "-countries-{k}-{}", mix.word()),
        };
        write!(f, "-{part}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn ids_are_the_page_s_element_ids() {
        let m = |input| InputId::meeting(2, input).to_string();
        assert_eq!(InputId::Licences.to_string(), "licencesPurchased");
        assert_eq!(m(MeetingInput::Profile), "meetings-2");
        assert_eq!(m(MeetingInput::PerMonth), "meetings-2-perMonth");
        assert_eq!(
            m(MeetingInput::Leg(3, LegInput::Count)),
            "meetings-2-legs-3-count"
        );
        assert_eq!(
            m(MeetingInput::Country(1, MixInput::TollFree)),
            "meetings-2-countries-1-tollFree"
        );
        // Every input of a meeting starts with its prefix and a dash.
        assert!(m(MeetingInput::Name).starts_with(&format!("{}-", InputId::meeting_prefix(2))));
    }
}
