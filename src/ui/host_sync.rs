//! An embedded widget kept in step with its host page: attributes into the state, quotes out.

use yew::prelude::*;

#[cfg(feature = "element")]
use super::app_state::Action;
use super::app_state::AppState;
#[cfg(feature = "element")]
use super::lean_hooks::use_effect_on;
use super::props::Embed;
#[cfg(feature = "element")]
use crate::form::Edit;

/// Keeps an embedded widget in step with its host: changed attributes reach the state (the
/// first render already has them) and every new quote goes out (`ppm-quote`). Compiled only
/// into the element's bundle.
#[cfg(feature = "element")]
#[hook]
pub fn use_host_sync(embed: Option<&Embed>, state: &UseReducerHandle<AppState>) {
    let s = (*state).clone();
    use_effect_on(embed.map(|e| e.lang), move |lang| {
        if let Some(l) = *lang {
            if s.lang() != l {
                s.dispatch(Action::Lang(l));
            }
        }
    });
    let s = (*state).clone();
    use_effect_on(embed.map(|e| e.card.clone()), move |card| {
        if let Some(c) = card {
            if s.form.card_id != *c {
                s.dispatch(Action::Edit(Edit::Card(c.clone())));
            }
        }
    });
    let s = (*state).clone();
    use_effect_on(embed.and_then(|e| e.preset.clone()), move |preset| {
        if let Some((_, form)) = preset {
            if s.form != **form {
                s.dispatch(Action::Replace((**form).clone()));
            }
        }
    });
    // Every new valid quote goes out (a valid form again after a wrong input too).
    let on_quote = embed.map(|e| e.on_quote.clone());
    let form = state.form.clone();
    let pricing = &state.pricing;
    use_effect_on(
        (pricing.shown.clone(), pricing.valid),
        move |(shown, valid)| {
            if let (Some(cb), Some(p), true) = (on_quote, shown, *valid) {
                cb.emit((p.clone(), form.scenario()));
            }
        },
    );
}

/// Without the custom element there is no host to keep in step with.
#[cfg(not(feature = "element"))]
#[hook]
pub fn use_host_sync(_embed: Option<&Embed>, _state: &UseReducerHandle<AppState>) {}
