//! Plain data (what JSON can hold) as a Rust tree, and a serde [`Deserializer`] over it that
//! says *where* a value has the wrong type (`meetings[0].count`).
//!
//! The JS API and the element read a JavaScript value once, guarded (`js_value.rs`), into a
//! [`Plain`]; the document types are then deserialized from it here, natively testable. This
//! replaced `serde-wasm-bindgen`'s reader, which crossed into JavaScript again for every key
//! and value and was generic code for every document type (≈ 40 KB of the partner module's
//! WASM); `serde-wasm-bindgen` still writes the API's results.
//!
//! It reads as `serde-wasm-bindgen` read JavaScript: `null` is a unit and `None`; a number
//! that is a safe integer (|n| ≤ 2⁵³ − 1, no fraction) arrives as an `i64`, any other as an
//! `f64`; text, lists and objects as strings, sequences and maps; an enum's unit variant from
//! its name. An object's keys keep their order.

use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

/// A value JSON can hold.
#[derive(Debug, Clone, PartialEq)]
pub enum Plain {
    /// `null` (JavaScript's `undefined` in a list too).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number (finite or not, as JavaScript has it).
    Number(f64),
    /// A string.
    Text(String),
    /// An array.
    List(Vec<Plain>),
    /// An object's own keys and values, in order (keys whose value is `undefined` left out,
    /// as `JSON.stringify` leaves them out).
    Object(Vec<(String, Plain)>),
}

/// The largest integer a double holds exactly, with all below it (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// Why a [`Plain`] could not be read as a type: what is wrong and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlainError {
    /// Where, as a path from the top (`meetings[0].count`); empty for the value itself.
    pub path: String,
    /// What is wrong ("a text where u32 was expected").
    pub message: String,
}

impl PlainError {
    #[inline(never)]
    fn at_key(mut self, key: &str) -> PlainError {
        self.path = if self.path.starts_with('[') || self.path.is_empty() {
            format!("{key}{}", self.path)
        } else {
            format!("{key}.{}", self.path)
        };
        self
    }

    #[inline(never)]
    fn at_index(mut self, index: usize) -> PlainError {
        self.path = if self.path.starts_with('[') || self.path.is_empty() {
            format!("[{index}]{}", self.path)
        } else {
            format!("[{index}].{}", self.path)
        };
        self
    }
}

impl fmt::Display for PlainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "`{}`: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for PlainError {}

/// What a value is, in words (numbers as written, with no float formatting brought in).
fn kind(unexpected: de::Unexpected<'_>) -> String {
    use de::Unexpected as U;
    match unexpected {
        U::Bool(b) => format!("{b}"),
        U::Signed(n) => format!("the number {n}"),
        U::Unsigned(n) => format!("the number {n}"),
        U::Float(_) => "a number with a fraction".into(),
        U::Char(_) | U::Str(_) => "a text".into(),
        U::Unit | U::Option => "null".into(),
        U::Seq => "a list".into(),
        U::Map => "an object".into(),
        _ => "a value".into(),
    }
}

/// What serde's visitors expect, in a person's words ("a sequence" is a list, "u32" a whole
/// number); the documents' own visitors already speak that way.
fn in_words(expected: &str) -> &str {
    match expected {
        "a sequence" => "a list",
        "a string" | "a borrowed string" => "a text",
        "a boolean" => "true or false",
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number of 0 or more",
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "option" => "a value or null",
        e if e.starts_with("struct ") || e == "a map" => "an object",
        e => e,
    }
}

impl de::Error for PlainError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        PlainError {
            path: String::new(),
            message: msg.to_string(),
        }
    }

    fn invalid_type(unexpected: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        Self::custom(format_args!(
            "{} where {} was expected",
            kind(unexpected),
            in_words(&expected.to_string())
        ))
    }

    fn invalid_value(unexpected: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        Self::invalid_type(unexpected, expected)
    }
}

/// Reads `T` from `value`.
pub fn from_plain<T: de::DeserializeOwned>(value: &Plain) -> Result<T, PlainError> {
    T::deserialize(value)
}

impl Plain {
    /// The error for this value where `expected` was wanted (not generic: one copy for all).
    #[inline(never)]
    fn wrong(&self, expected: &dyn de::Expected) -> PlainError {
        use de::Unexpected as U;
        let unexpected = match self {
            Plain::Null => U::Unit,
            Plain::Bool(b) => U::Bool(*b),
            Plain::Number(n) => match safe_integer(*n) {
                Some(i) => U::Signed(i),
                None => U::Float(*n),
            },
            Plain::Text(t) => U::Str(t),
            Plain::List(_) => U::Seq,
            Plain::Object(_) => U::Map,
        };
        de::Error::invalid_type(unexpected, expected)
    }
}

/// `n` as an integer when it is one JavaScript holds exactly (`Number.isSafeInteger`).
fn safe_integer(n: f64) -> Option<i64> {
    (n.abs() <= MAX_SAFE_INTEGER && n == (n as i64) as f64).then_some(n as i64)
}

/// `deserialize_*` methods that only call another one (serde widens integers and floats and
/// takes a string for a `char` or an identifier).
macro_rules! forward {
    ($($($from:ident)+ => $to:ident;)+) => {
        $($(
            fn $from<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PlainError> {
                self.$to(visitor)
            }
        )+)+
    };
}

/// Each `deserialize_*` calls only the visitor method its kind needs (and says what was
/// found otherwise), so a document type's visitor is not instantiated for every kind of
/// value: `deserialize_any` is kept for the types that take several (`Amount`, `DateText`).
impl<'de> de::Deserializer<'de> for &Plain {
    type Error = PlainError;

    forward! {
        deserialize_i8 deserialize_i16 deserialize_i32 => deserialize_i64;
        deserialize_u8 deserialize_u16 deserialize_u32 => deserialize_u64;
        deserialize_f32 => deserialize_f64;
        deserialize_str deserialize_char deserialize_identifier => deserialize_string;
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PlainError> {
        match self {
            Plain::Null => visitor.visit_unit(),
            Plain::Bool(b) => visitor.visit_bool(*b),
            Plain::Number(n) => match safe_integer(*n) {
                Some(i) => visitor.visit_i64(i),
                None => visitor.visit_f64(*n),
            },
            Plain::Text(s) => visitor.visit_str(s),
            Plain::List(items) => visit_list(items, visitor),
            Plain::Object(entries) => visit_object(entries, visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PlainError> {
        match self {
            Plain::Bool(b) => visitor.visit_bool(*b),
            other => Err(other.wrong(&visitor)),
        }
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PlainError> {
        match self {
            Plain::Number(n) if safe_integer(*n).is_some() => visitor.visit_i64(*n as i64),
            other => Err(other.wrong(&visitor)),
        }
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PlainError> {
        match self {
            Plain::Number(n) if safe_integer(*n).is_some_and(|i| i >= 0) => {
                visitor.visit_u64(*n as u64)
            }
            other => Err(other.wrong(&visitor)),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PlainError> {
        match self {
            Plain::Number(n) => visitor.visit_f64(*n),
            other => Err(other.wrong(&visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PlainError> {
        match self {
            Plain::Text(s) => visitor.visit_str(s),
            other => Err(other.wrong(&visitor)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PlainError> {
        match self {
            Plain::Null => visitor.visit_none(),
            other => visitor.visit_some(other),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PlainError> {
        match self {
            Plain::Null => visitor.visit_unit(),
            other => Err(other.wrong(&visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, PlainError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, PlainError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PlainError> {
        match self {
            Plain::List(items) => visit_list(items, visitor),
            other => Err(other.wrong(&visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, PlainError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, PlainError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PlainError> {
        match self {
            Plain::Object(entries) => visit_object(entries, visitor),
            other => Err(other.wrong(&visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, PlainError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, PlainError> {
        match self {
            Plain::Text(name) => visitor.visit_enum(name.as_str().into_deserializer()),
            other => Err(other.wrong(&visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PlainError> {
        visitor.visit_unit()
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PlainError> {
        Err(self.wrong(&visitor))
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PlainError> {
        Err(self.wrong(&visitor))
    }
}

fn visit_list<'de, V: Visitor<'de>>(items: &[Plain], visitor: V) -> Result<V::Value, PlainError> {
    visitor.visit_seq(Items {
        items: items.iter(),
        index: 0,
    })
}

fn visit_object<'de, V: Visitor<'de>>(
    entries: &[(String, Plain)],
    visitor: V,
) -> Result<V::Value, PlainError> {
    visitor.visit_map(Entries {
        entries: entries.iter(),
        key: "",
        value: &Plain::Null,
    })
}

/// A list's items, each error told its index.
struct Items<'a> {
    items: std::slice::Iter<'a, Plain>,
    index: usize,
}

impl<'de> de::SeqAccess<'de> for Items<'_> {
    type Error = PlainError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, PlainError> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(item)
            .map(Some)
            .map_err(|e| e.at_index(index))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// An object's entries, each error told its key.
struct Entries<'a> {
    entries: std::slice::Iter<'a, (String, Plain)>,
    /// The key last read, and its value.
    key: &'a str,
    value: &'a Plain,
}

impl<'de> de::MapAccess<'de> for Entries<'_> {
    type Error = PlainError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, PlainError> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        let read = seed.deserialize(key.as_str().into_deserializer())?;
        self.key = key.as_str();
        self.value = value;
        Ok(Some(read))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, PlainError> {
        seed.deserialize(self.value).map_err(|e| e.at_key(self.key))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

#[cfg(test)]
#[path = "plain_tests.rs"]
mod tests;
