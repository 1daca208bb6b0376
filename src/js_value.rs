//! Values from JavaScript made safe before any Rust code reads them: a plain copy (objects,
//! arrays, strings, numbers, booleans, null) of bounded depth and size, read through calls
//! that turn a thrown JavaScript exception into a Rust `Err`.
//!
//! Why: `serde-wasm-bindgen` reads objects with calls that let a JavaScript exception (a
//! throwing getter, a Proxy trap, a revoked Proxy) unwind through the WebAssembly frames. That
//! skips Rust's clean-up (a `RefCell` borrow stays taken: every later call answered "busy"; a
//! little of the WASM stack leaked each time). Cycles and very deep nesting overflowed the
//! stack; a huge `length` hung. The copy is read once, here; what serde then reads is plain
//! data that cannot throw, cannot change, and is at most [`MAX_DEPTH`] levels deep.

use wasm_bindgen::prelude::*;

use crate::rating::problem::quoted;

/// Deepest nesting accepted (a scenario needs 5 levels: scenario, meetings, meeting, legs, leg).
pub const MAX_DEPTH: usize = 8;
/// Longest list accepted (the scenario format allows 1,000 meetings of 1,000 groups).
pub const MAX_LIST: u32 = 1_000_000;
/// Most values in one input (every number, text and object counts).
pub const MAX_VALUES: usize = 8_000_000;
/// Most keys in one object.
pub const MAX_KEYS: u32 = 256;
/// Longest JSON text accepted.
pub const MAX_TEXT: usize = 64 * 1024 * 1024;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = get)]
    fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(target: &JsValue) -> Result<js_sys::Array, JsValue>;

    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

/// The message of a thrown JavaScript value, cut short and without control characters.
fn thrown(e: &JsValue) -> String {
    let text = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "an exception".into());
    quoted(&text)
}

fn unreadable(path: &str, e: &JsValue) -> String {
    let at = if path.is_empty() {
        String::new()
    } else {
        format!("`{path}` ")
    };
    format!("{at}could not be read: reading it threw \"{}\"", thrown(e))
}

struct Walk {
    values: usize,
}

impl Walk {
    fn copy(&mut self, v: &JsValue, path: &str, depth: usize) -> Result<JsValue, String> {
        self.values += 1;
        if self.values > MAX_VALUES {
            return Err(format!(
                "more than {MAX_VALUES} values; this input is too large"
            ));
        }
        if v.is_string()
            || v.as_f64().is_some()
            || v.as_bool().is_some()
            || v.is_null()
            || v.is_undefined()
        {
            return Ok(v.clone());
        }
        let at = if path.is_empty() {
            "the value".to_string()
        } else {
            format!("`{path}`")
        };
        if !v.is_object() || v.is_function() {
            // Functions, symbols, BigInts: no JSON value.
            return Err(format!("{at} is not a number, text, list or object"));
        }
        if depth >= MAX_DEPTH {
            return Err(format!(
                "{at} is nested more than {MAX_DEPTH} levels deep; no valid input is"
            ));
        }
        let child = |key: &str| {
            if path.is_empty() {
                key.to_string()
            } else if key.starts_with('[') {
                format!("{path}{key}")
            } else {
                format!("{path}.{key}")
            }
        };
        if is_array(v).map_err(|e| unreadable(path, &e))? {
            let length = reflect_get(v, &JsValue::from_str("length"))
                .map_err(|e| unreadable(path, &e))?
                .as_f64()
                .unwrap_or(0.0);
            if !(0.0..=f64::from(MAX_LIST)).contains(&length) {
                return Err(format!(
                    "{at} is a list of {length} entries; no valid input has more than {MAX_LIST}"
                ));
            }
            let out = js_sys::Array::new();
            for i in 0..length as u32 {
                let item = reflect_get(v, &JsValue::from(i)).map_err(|e| unreadable(path, &e))?;
                out.push(&self.copy(&item, &child(&format!("[{i}]")), depth + 1)?);
            }
            return Ok(out.into());
        }
        let keys = object_keys(v).map_err(|e| unreadable(path, &e))?;
        if keys.length() > MAX_KEYS {
            return Err(format!(
                "{at} has {} keys; no valid input has more than {MAX_KEYS}",
                keys.length()
            ));
        }
        let out = js_sys::Object::new();
        for key in keys.iter() {
            let name = key.as_string().unwrap_or_default();
            let item = reflect_get(v, &key).map_err(|e| unreadable(&child(&name), &e))?;
            let copied = self.copy(&item, &child(&name), depth + 1)?;
            js_sys::Reflect::set(&out, &key, &copied).map_err(|e| unreadable(path, &e))?;
        }
        Ok(out.into())
    }
}

/// A plain copy of `value` (see the module's notes), or a sentence saying why there is none.
pub fn plain_copy(value: &JsValue) -> Result<JsValue, String> {
    Walk { values: 0 }.copy(value, "", 0)
}

/// JSON text parsed by the browser's `JSON.parse` into a plain value of bounded size; `what`
/// names the input in messages ("scenario", "rate card").
pub fn parse_json(text: &str, what: &str) -> Result<JsValue, String> {
    if text.len() > MAX_TEXT {
        return Err(format!(
            "{what}: the text is {} MB; no valid {what} is larger than {} MB",
            text.len() / (1024 * 1024),
            MAX_TEXT / (1024 * 1024)
        ));
    }
    let value =
        js_sys::JSON::parse(text).map_err(|e| format!("{what}: not valid JSON: {}", thrown(&e)))?;
    plain_copy(&value).map_err(|e| format!("{what}: {e}"))
}
