//! Makes the element's wasm-bindgen glue restartable in the page.
//!
//! After the WebAssembly traps, every `<ppm-pricing>` offers to start the calculator again. The
//! generated glue initialises once per page, and its callbacks (closures handed to the DOM,
//! finalizers) reach whatever instance is current — after a restart they would call the new
//! instance with the old one's pointers. These patches tie each closure to the instance that
//! made it (an old instance's closures do nothing and free nothing) and add
//! `__ppm_restart()`, which forgets the instance so that the next `init` starts a fresh one.
//! The glue is pinned (`wasm-bindgen` in `Cargo.lock`); each patch must match, so a new
//! wasm-bindgen that changes the glue fails the build here instead of breaking restarts.

/// The closure state carries the instance it belongs to.
const STATE: (&str, &str) = (
    "const state = { a: arg0, b: arg1, cnt: 1 };",
    "const state = { a: arg0, b: arg1, cnt: 1, w: wasm };",
);

/// Calls of closures (two spellings: mutable and shared closures).
const CALLS: [(&str, &str); 2] = [
    (
        "return f(a, state.b, ...args);",
        "if (state.w !== wasm) return; return f(a, state.b, ...args);",
    ),
    (
        "return f(state.a, state.b, ...args);",
        "if (state.w !== wasm) return; return f(state.a, state.b, ...args);",
    ),
];

/// Frees of closures, explicit and by the finalizer.
const FREES: [(&str, &str); 2] = [
    (
        "wasm.__wbindgen_destroy_closure(state.a, state.b);\n",
        "if (state.w === wasm) wasm.__wbindgen_destroy_closure(state.a, state.b);\n",
    ),
    (
        "new FinalizationRegistry(state => wasm.__wbindgen_destroy_closure(state.a, state.b));",
        "new FinalizationRegistry(state => { if (state.w === wasm) wasm.__wbindgen_destroy_closure(state.a, state.b); });",
    ),
];

/// Appended: forgets the current instance (the element drops its old widgets first).
const RESTART: &str = "
/** ppm-pricing: forgets the trapped instance, so that the next `init` starts a fresh one. */
export function __ppm_restart() {
    wasm = undefined;
    wasmInstance = undefined;
    wasmModule = undefined;
    __wbg_init_promise = undefined;
    cachedDataViewMemory0 = null;
    cachedUint8ArrayMemory0 = null;
}
";

/// Returns `glue` with the restart patches; an error names a patch that did not match.
pub fn make_restartable(glue: &str) -> Result<String, String> {
    let mut out = replace_all(glue, STATE)?;
    let mut calls = 0;
    for (from, to) in CALLS {
        calls += out.matches(from).count();
        out = out.replace(from, to);
    }
    if calls == 0 {
        return Err("restart patch: no closure call found in the glue".into());
    }
    for pair in FREES {
        out = replace_all(&out, pair)?;
    }
    for needed in [
        "let wasmModule, wasmInstance, wasm;",
        "let __wbg_init_promise;",
        "let cachedDataViewMemory0 = null;",
        "let cachedUint8ArrayMemory0 = null;",
    ] {
        if !out.contains(needed) {
            return Err(format!("restart patch: `{needed}` is not in the glue"));
        }
    }
    out.push_str(RESTART);
    Ok(out)
}

/// Replaces every `from` (at least one) by `to`.
fn replace_all(text: &str, (from, to): (&str, &str)) -> Result<String, String> {
    if !text.contains(from) {
        return Err(format!("restart patch: `{from}` is not in the glue"));
    }
    Ok(text.replace(from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape of the pinned glue's closure code, as far as the patches touch it.
    const GLUE: &str = "let wasmModule, wasmInstance, wasm;
let __wbg_init_promise;
let cachedDataViewMemory0 = null;
let cachedUint8ArrayMemory0 = null;
const CLOSURE_DTORS = new FinalizationRegistry(state => wasm.__wbindgen_destroy_closure(state.a, state.b));
function makeMutClosure(arg0, arg1, f) {
    const state = { a: arg0, b: arg1, cnt: 1 };
    const real = (...args) => { try { return f(a, state.b, ...args); } finally {} };
    real._wbg_cb_unref = () => { if (--state.cnt === 0) {
            wasm.__wbindgen_destroy_closure(state.a, state.b);
    } };
}
";

    #[test]
    fn every_entry_of_a_closure_checks_its_instance() {
        let out = make_restartable(GLUE).unwrap();
        assert!(out.contains("cnt: 1, w: wasm };"));
        assert!(out.contains("if (state.w !== wasm) return; return f(a, state.b"));
        assert_eq!(
            out.matches("if (state.w === wasm) wasm.__wbindgen_destroy_closure")
                .count(),
            2
        );
        assert!(out.contains("export function __ppm_restart()"));
    }

    #[test]
    fn a_changed_glue_fails_the_build() {
        let changed = GLUE.replace("cnt: 1 };", "count: 1 };");
        let err = make_restartable(&changed).unwrap_err();
        assert!(
            err.contains("const state = { a: arg0, b: arg1, cnt: 1 };"),
            "{err}"
        );
    }
}
