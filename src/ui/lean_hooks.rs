//! Yew's state, node-ref and effect hooks, written for size. Yew's own are generic over the
//! value (and the effect's closure) all the way down, so the browser bundle carries their
//! machinery once per type and call site: `use_state` about 1.7 KB raw per value type (its
//! reducer, handle, dispatcher and queue), `use_effect_with` about 0.7 KB per call. These keep
//! the generic part to a cell and a comparison and hand the rest to code written once.
//!
//! - [`LocalState`]: a component's own value, for the few the UI keeps outside the app's
//!   reducer (a field's text while it is typed, a "copied" note, the results as last painted).
//! - [`use_element_ref`]: the same `NodeRef` in every render.
//! - [`use_effect_on`]: an effect after the render in which its dependencies changed.
//! - [`use_stable_callback`]: one callback for the component's whole life.
//! - [`use_memo_on`]: a value made again only when its dependencies change.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

/// A value that re-renders its component when it is set to a different one. Cloning gives
/// another handle to the same value (for callbacks and effects).
pub struct LocalState<T> {
    value: Rc<RefCell<T>>,
    render: UseForceUpdateHandle,
}

impl<T> Clone for LocalState<T> {
    fn clone(&self) -> Self {
        LocalState {
            value: self.value.clone(),
            render: self.render.clone(),
        }
    }
}

impl<T: Clone + PartialEq> LocalState<T> {
    /// The value now.
    pub fn get(&self) -> T {
        self.value.borrow().clone()
    }

    /// Sets the value; the component renders again if it changed.
    pub fn set(&self, value: T) {
        // (Never borrowed across a call: `get` clones, so this cannot find it borrowed.)
        let changed = *self.value.borrow() != value;
        if changed {
            *self.value.borrow_mut() = value;
            self.render.force_update();
        }
    }
}

/// A [`LocalState`] that starts as `init()`.
#[hook]
pub fn use_local_state<T: 'static, F: FnOnce() -> T>(init: F) -> LocalState<T> {
    LocalState {
        value: use_mut_ref(init),
        render: use_force_update(),
    }
}

/// The same [`NodeRef`] in every render: Yew's `use_node_ref`, which keeps it with `use_state`
/// (and so brings the reducer's code for `NodeRef`), kept in a cell instead.
#[hook]
pub fn use_element_ref() -> NodeRef {
    use_once(NodeRef::default)
}

/// `make()` in the first render, and a clone of that same value in every later one.
#[hook]
fn use_once<T: Clone + 'static, F: FnOnce() -> T>(make: F) -> T {
    let cell = use_mut_ref(make);
    // (Bound first: the borrow has to end before `cell` does.)
    let value = cell.borrow().clone();
    value
}

/// Runs `effect(&deps)` after the first render and after every render in which `deps` differ
/// from the last ones (what Yew's `use_effect_with` does for an effect that leaves nothing to
/// clean up; the effects here never do).
#[hook]
pub fn use_effect_on<D, F>(deps: D, effect: F)
where
    D: PartialEq + 'static,
    F: FnOnce(&D) + 'static,
{
    let last = use_mut_ref(|| None::<Rc<D>>);
    let due: Option<Box<dyn FnOnce()>> = {
        let mut last = last.borrow_mut();
        if last.as_deref() == Some(&deps) {
            None
        } else {
            let deps = Rc::new(deps);
            *last = Some(deps.clone());
            Some(Box::new(move || effect(&deps)))
        }
    };
    use_after_render(due);
}

/// Runs `due` once this render is in the document: the one copy of Yew's effect machinery
/// that every [`use_effect_on`] shares.
#[hook]
fn use_after_render(due: Option<Box<dyn FnOnce()>>) {
    use_effect(move || {
        if let Some(run) = due {
            run();
        }
    });
}

/// The same callback in every render, made from the first render's `f` (what Yew's
/// `use_callback` with `()` for dependencies gives, without its memo): components that hold it
/// compare equal, so they do not render again for it.
#[hook]
pub fn use_stable_callback<IN: 'static, F: Fn(IN) + 'static>(f: F) -> Callback<IN> {
    use_once(|| Callback::from(f))
}

/// `make(&deps)`, made again only in a render in which `deps` differ from the last ones (what
/// Yew's `use_memo` does, in a cell).
#[hook]
pub fn use_memo_on<D, T, F>(deps: D, make: F) -> Rc<T>
where
    D: PartialEq + 'static,
    T: 'static,
    F: FnOnce(&D) -> T,
{
    let cell = use_mut_ref(|| None::<(D, Rc<T>)>);
    let mut last = cell.borrow_mut();
    match &*last {
        Some((was, value)) if *was == deps => value.clone(),
        _ => {
            let value = Rc::new(make(&deps));
            *last = Some((deps, value.clone()));
            value
        }
    }
}
