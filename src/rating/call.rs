//! The four ways a participant joins a meeting, as the scenario and the quote name them.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How one participant leg joins a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "CallType"))]
pub enum Call {
    /// The participant dials the organisation's toll number (billed under pay-per-minute only).
    TollDialIn,
    /// The participant dials a toll-free number (billed per minute under both models).
    TollFreeDialIn,
    /// The meeting calls the participant's phone ("call me at"), priced by destination.
    DialOut,
    /// The participant joins with the Teams app or VoIP: never billed, shown for meeting size.
    App,
}

impl Call {
    /// All call types, in the order quotes list them.
    pub const ALL: [Call; 4] = [
        Call::TollDialIn,
        Call::TollFreeDialIn,
        Call::DialOut,
        Call::App,
    ];

    /// The scenario/quote word for this call type (`tollDialIn`, …).
    pub fn as_word(self) -> &'static str {
        match self {
            Call::TollDialIn => "tollDialIn",
            Call::TollFreeDialIn => "tollFreeDialIn",
            Call::DialOut => "dialOut",
            Call::App => "app",
        }
    }

    /// Parses a scenario word (`tollDialIn`, `tollFreeDialIn`, `dialOut`, `app`).
    pub fn from_word(word: &str) -> Option<Call> {
        Call::ALL.into_iter().find(|c| c.as_word() == word)
    }

    /// A plain-English description, used in error messages.
    pub fn describe(self) -> &'static str {
        match self {
            Call::TollDialIn => "toll dial-in",
            Call::TollFreeDialIn => "toll-free dial-in",
            Call::DialOut => "dial-out",
            Call::App => "app/VoIP",
        }
    }

    /// Whether calls of this type go over the phone network (everything except the app).
    pub fn is_phone(self) -> bool {
        self != Call::App
    }
}

impl fmt::Display for Call {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_word())
    }
}
