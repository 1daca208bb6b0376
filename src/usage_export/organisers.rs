//! Each organiser's calls of an import, for the licence mix (`spec/rating.md` §5): per
//! organiser (the row's `UPN`, case ignored) and per (way of joining, country), the legs and
//! their billable seconds in one card's steps ([`super::organiser_tally`] counts them).

use crate::rating::mix::{CallCount, OrganiserCalls, Steps};
use crate::rating::{Call, CountryCode};

/// Organisers counted by name; the calls of any further ones join the unnamed calls.
pub const MAX_NAMED: usize = 100_000;

/// One organiser's counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counted {
    /// The UPN as first written (trimmed, at most 120 characters).
    pub upn: String,
    /// Rows (calls) used, 0-second ones included.
    pub calls: u64,
    /// Per (way of joining, country): legs over 0 s and their billable seconds.
    pub counts: Vec<CallCount>,
}

/// The organisers' calls of an import, for the licence mix.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrganiserUsage {
    /// The steps billable seconds were counted in.
    pub steps: Steps,
    /// Named organisers, sorted by UPN.
    pub named: Vec<Counted>,
    /// Calls no organiser is named for (and those of organisers past [`MAX_NAMED`]).
    pub unnamed: Counted,
    /// Rows of organisers past [`MAX_NAMED`], counted as unnamed.
    pub over_limit: u64,
}

impl OrganiserUsage {
    /// Each organiser's calls (in `named`'s order) and the unnamed ones, without the lines
    /// `keep` refuses (calls the card cannot price).
    pub fn calls(
        &self,
        keep: impl Fn(Call, CountryCode) -> bool,
    ) -> (Vec<OrganiserCalls>, OrganiserCalls) {
        let calls = |c: &Counted| OrganiserCalls {
            counts: c
                .counts
                .iter()
                .filter(|n| keep(n.call, n.country))
                .copied()
                .collect(),
        };
        (self.named.iter().map(calls).collect(), calls(&self.unnamed))
    }
}
