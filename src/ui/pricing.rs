//! The form priced: the page's one way from a [`Form`] to a quote and its chart, in plain
//! Rust (tested natively), with each problem placed at the input that causes it.

use std::rc::Rc;

use super::i18n::registry_problem;
use crate::form::{Form, InputId};
use crate::lang::Lang;
use crate::rating::{self, Curve, CurveOptions, Error, Problem, Quote, Scenario, ScenarioError};
use crate::registry::{with_registry, RegistryError};

/// A priced form: the quote and the chart curve.
#[derive(Debug, Clone, PartialEq)]
pub struct Priced {
    /// The quote.
    pub quote: Quote,
    /// The chart data.
    pub curve: Curve,
}

/// The outcome of pricing the form: a result, or messages per input id.
pub type Outcome = Result<Rc<Priced>, Vec<(String, String)>>;

/// Prices the form with its card: the quote and the chart curve, or each problem's message
/// by input id (a card problem under `card`).
pub fn price(form: &Form, lang: Lang) -> Outcome {
    let say = |(id, problem): (InputId, Problem)| (id.to_string(), lang.say(&problem));
    // Every typed number is read once: into the scenario, or into a problem at its input.
    let reading = form.read();
    if !reading.problems.is_empty() {
        return Err(reading.problems.into_iter().map(say).collect());
    }
    let card_id = form.card_id.clone();
    let doc = reading.scenario;
    // Problems the core finds are shown at the input that causes them.
    let at_input = |e: ScenarioError| vec![say((form.input_id(e.field), e.problem))];
    let priced = with_registry(|r| {
        let card = r.get(Some(&card_id))?;
        Ok::<_, RegistryError>(Scenario::from_document(&doc).map_err(at_input).and_then(
            |scenario| {
                let quote =
                    rating::quote(card, &scenario).map_err(|e| core_error(e, lang, &at_input))?;
                let curve = rating::cost_curve(card, &scenario, CurveOptions::default())
                    .map_err(|e| core_error(e, lang, &at_input))?;
                Ok(Rc::new(Priced { quote, curve }))
            },
        ))
    });
    match priced {
        Ok(outcome) => outcome,
        Err(e) => Err(vec![(
            InputId::Card.to_string(),
            registry_problem(lang, &e),
        )]),
    }
}

/// A core error as messages per input: scenario problems at their input; anything else (a
/// computation too large for the decimal type) under the card picker, in the page's language.
fn core_error(
    e: Error,
    lang: Lang,
    at_input: &dyn Fn(ScenarioError) -> Vec<(String, String)>,
) -> Vec<(String, String)> {
    match e {
        Error::Scenario(s) => at_input(s),
        Error::Overflow(_) => vec![(
            InputId::Card.to_string(),
            lang.texts().too_large.to_string(),
        )],
        // A validated card and the default curve options: not expected, said in general.
        Error::Card(_) | Error::Option { .. } => {
            vec![(
                InputId::Card.to_string(),
                lang.texts().cannot_price.to_string(),
            )]
        }
    }
}
