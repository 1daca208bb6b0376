//! A component's own value, for the few the UI keeps outside the app's reducer (a field's text
//! while it is typed, a "copied" note, the results as last painted).
//!
//! What Yew's `use_state_eq` does, in fewer bytes: Yew builds its state on its reducer, whose
//! code (the reducer, its handle, dispatcher and queue) the browser bundle carries once per
//! value type, about 1.7 KB each; this is a cell and the component's re-render, whose code is
//! written once.

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
    let cell = use_mut_ref(NodeRef::default);
    // (Bound first: the borrow has to end before `cell` does.)
    let node = cell.borrow().clone();
    node
}
