//! Values from JavaScript made safe before any Rust code reads them: a plain copy (objects,
//! arrays, strings, numbers, booleans, null) of bounded depth and size, read into a Rust
//! [`Plain`] through calls that turn a thrown JavaScript exception into a Rust `Err`.
//!
//! Why: `serde-wasm-bindgen` reads objects with calls that let a JavaScript exception (a
//! throwing getter, a Proxy trap, a revoked Proxy) unwind through the WebAssembly frames. That
//! skips Rust's clean-up (a `RefCell` borrow stays taken: every later call answered "busy"; a
//! little of the WASM stack leaked each time). Cycles and very deep nesting overflowed the
//! stack; a huge `length` hung. The copy is read once, here; what serde then reads
//! (`plain.rs`) is Rust data that cannot throw, cannot change, and is at most [`MAX_DEPTH`]
//! levels deep.

use wasm_bindgen::prelude::*;

use crate::api_error::{ApiError, ValueProblem};
use crate::plain::Plain;
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

fn unreadable(path: &str, e: &JsValue) -> ValueProblem {
    ValueProblem::Unreadable {
        path: path.to_string(),
        thrown: thrown(e),
    }
}

struct Walk {
    values: usize,
}

impl Walk {
    fn copy(&mut self, v: &JsValue, path: &str, depth: usize) -> Result<Plain, ValueProblem> {
        self.values += 1;
        if self.values > MAX_VALUES {
            return Err(ValueProblem::TooManyValues { limit: MAX_VALUES });
        }
        if let Some(text) = v.as_string() {
            return Ok(Plain::Text(text));
        }
        if let Some(n) = v.as_f64() {
            return Ok(Plain::Number(n));
        }
        if let Some(b) = v.as_bool() {
            return Ok(Plain::Bool(b));
        }
        if v.is_null() || v.is_undefined() {
            return Ok(Plain::Null);
        }
        let at = if path.is_empty() {
            "the value".to_string()
        } else {
            format!("`{path}`")
        };
        if !v.is_object() || v.is_function() {
            // Functions, symbols, BigInts: no JSON value.
            return Err(ValueProblem::NotData { at });
        }
        if depth >= MAX_DEPTH {
            return Err(ValueProblem::TooDeep {
                at,
                limit: MAX_DEPTH,
            });
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
            // Only a Proxy can say a negative or NaN length: not a list of data.
            if length.is_nan() || length < 0.0 {
                return Err(ValueProblem::NotData { at });
            }
            if length > f64::from(MAX_LIST) {
                return Err(ValueProblem::ListTooLong {
                    at,
                    // A whole number (saturating), so that no float is ever formatted.
                    length: length as u64,
                    limit: MAX_LIST,
                });
            }
            let mut out = Vec::new();
            for i in 0..length as u32 {
                let item = reflect_get(v, &JsValue::from(i)).map_err(|e| unreadable(path, &e))?;
                out.push(self.copy(&item, &child(&format!("[{i}]")), depth + 1)?);
            }
            return Ok(Plain::List(out));
        }
        let keys = object_keys(v).map_err(|e| unreadable(path, &e))?;
        if keys.length() > MAX_KEYS {
            return Err(ValueProblem::TooManyKeys {
                at,
                keys: keys.length(),
                limit: MAX_KEYS,
            });
        }
        let mut out = Vec::new();
        for key in keys.iter() {
            let name = key.as_string().unwrap_or_default();
            let item = reflect_get(v, &key).map_err(|e| unreadable(&child(&name), &e))?;
            // A key whose value is `undefined` is left out, as JSON.stringify leaves it out.
            if item.is_undefined() {
                continue;
            }
            let copied = self.copy(&item, &child(&name), depth + 1)?;
            out.push((name, copied));
        }
        Ok(Plain::Object(out))
    }
}

/// A plain copy of `value` (see the module's notes), or why there is none; `what` names the
/// input in messages ("scenario", "rate card").
pub fn plain_copy(value: &JsValue, what: &'static str) -> Result<Plain, ApiError> {
    Walk { values: 0 }
        .copy(value, "", 0)
        .map_err(|p| ApiError::value(what, p))
}

/// JSON text parsed by the browser's `JSON.parse` into a plain value of bounded size.
pub fn parse_json(text: &str, what: &'static str) -> Result<Plain, ApiError> {
    if text.len() > MAX_TEXT {
        return Err(ApiError::value(
            what,
            ValueProblem::TextTooLarge {
                megabytes: text.len() / (1024 * 1024),
                limit: MAX_TEXT / (1024 * 1024),
            },
        ));
    }
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let message = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        ApiError::value(
            what,
            ValueProblem::NotJson {
                at: crate::json_syntax::position(&message, text),
                reason: crate::rating::problem::cut(crate::json_syntax::reason(&message), 80),
            },
        )
    })?;
    plain_copy(&value, what)
}

/// An [`ApiError`] as a JavaScript `Error` whose `message` is the sentence, with `code`,
/// `field` (when there is one) and, for a card, `problem`: what the JS API throws.
pub fn js_error(e: &ApiError) -> JsValue {
    let error = js_sys::Error::new(&e.to_string());
    let set = |key: &str, value: &str| {
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str(key), &JsValue::from_str(value));
    };
    set("code", e.code());
    if let Some(field) = e.field() {
        set("field", &field);
    }
    if let Some(problem) = e.card_problem() {
        set("problem", problem);
    }
    error.into()
}
