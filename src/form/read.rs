//! What the form reads as: the core's scenario document and each input's problem (both from
//! one reading, `reader.rs`), and the input a problem the core finds points at.

use std::rc::Rc;

use super::input_id::{InputId, LegInput, MeetingInput, MixInput};
use super::model::*;
use crate::rating::{Call, Field, ScenarioDocument};

impl Form {
    /// The scenario document for the core (the core validates the numbers): the form read
    /// once ([`Form::read`]).
    pub fn scenario(&self) -> ScenarioDocument {
        self.read().scenario
    }

    /// Every input's problem (ids follow [`Form::input_id`]): each number checked by the
    /// core's own rule, read in the form's language ([`Form::read`]). Empty when every number
    /// is well-formed and in range (the core may still refuse a combination).
    pub fn field_errors(&self) -> Vec<InputProblem> {
        self.read().problems
    }

    /// The id of the input that causes a problem the core found at `field` of this form's
    /// scenario: in the simple mode, the country row and the share the participant group was
    /// made from.
    pub fn input_id(&self, field: Field) -> InputId {
        let Some(i) = field.meeting() else {
            return match field {
                Field::LicencesPurchased => InputId::Licences,
                Field::UsCanadaAddon => InputId::Addon,
                Field::OrganisationCountry => InputId::Organisation,
                Field::Organisers => InputId::Organisers,
                _ => InputId::Meetings,
            };
        };
        let origin = field.leg().and_then(|j| {
            let m = self.meetings.get(i)?;
            m.groups_with_origin(self.lang).get(j).map(|(_, o)| *o)
        });
        let measured = self
            .meetings
            .get(i)
            .is_some_and(|m| m.mode == Mode::Measured);
        if measured {
            return InputId::meeting(i, MeetingInput::Measured);
        }
        let row = |leg: LegInput| match origin {
            Some(Origin::Row(j)) => MeetingInput::Leg(j, leg),
            Some(Origin::Mix(k, call)) => MeetingInput::Country(
                k,
                match (leg, call) {
                    (LegInput::Country, _) => MixInput::Country,
                    (_, Call::TollDialIn) => MixInput::Toll,
                    (_, Call::TollFreeDialIn) => MixInput::TollFree,
                    _ => MixInput::DialOut,
                },
            ),
            Some(Origin::App) | None => MeetingInput::Participants,
        };
        InputId::meeting(
            i,
            match field {
                Field::PerMonth { .. } => MeetingInput::PerMonth,
                Field::Minutes { .. } => MeetingInput::Minutes,
                Field::LegCountry { .. } => row(LegInput::Country),
                Field::LegCall { .. } => row(LegInput::Call),
                Field::LegCount { .. } => row(LegInput::Count),
                _ => MeetingInput::Profile,
            },
        )
    }
}

/// The message for one input id, if it has one.
pub fn message_for(errors: &[(String, String)], id: &str) -> Option<String> {
    errors.iter().find(|(i, _)| i == id).map(|(_, m)| m.clone())
}

/// The messages of the inputs whose ids start with `prefix` (one meeting's, one row's), so a
/// component is handed only what it shows and stays equal when other messages change. Without
/// messages (the usual case) the empty list itself is shared: no allocation per row.
pub fn messages_under(
    errors: &Rc<Vec<(String, String)>>,
    prefix: &str,
) -> Rc<Vec<(String, String)>> {
    if errors.is_empty() {
        return errors.clone();
    }
    Rc::new(
        errors
            .iter()
            .filter(|(id, _)| id.starts_with(prefix))
            .cloned()
            .collect(),
    )
}
