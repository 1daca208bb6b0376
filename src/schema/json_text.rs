//! JSON text from any `Serialize` type, indented exactly as `serde_json::to_string_pretty`
//! writes it (two spaces, `": "`), for the browser bundles, which carry no JSON library: the
//! downloaded scenario is the core's own [`ScenarioDocument`](crate::rating::ScenarioDocument)
//! written by its serde derive, so the file can never leave out a field the page priced.
//!
//! It writes what our documents hold: strings, booleans, integers, options, sequences, maps
//! with text keys and structs. Floats, bytes and enums with data are refused with an error
//! ([`JsonTextError`]) rather than written in some other way.

use std::fmt;

use serde::ser::{self, Serialize};

/// What [`to_string_pretty`] could not write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonTextError {
    /// A value of a kind the writer does not write (named: "float", "bytes", …).
    Unsupported(&'static str),
    /// A map key that is not text.
    KeyNotText,
    /// The type's own `Serialize` failed, with its message.
    Custom(String),
}

impl fmt::Display for JsonTextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonTextError::Unsupported(kind) => {
                write!(f, "a {kind} cannot be written as JSON here")
            }
            JsonTextError::KeyNotText => f.write_str("a map key is not text"),
            JsonTextError::Custom(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for JsonTextError {}

impl ser::Error for JsonTextError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        JsonTextError::Custom(msg.to_string())
    }
}

/// `value` as indented JSON text (no trailing newline), byte for byte what
/// `serde_json::to_string_pretty` writes for the types we write.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> Result<String, JsonTextError> {
    let mut writer = Writer {
        out: String::new(),
        depth: 0,
    };
    value.serialize(&mut writer)?;
    Ok(writer.out)
}

/// Integers are written as JSON numbers, as serde_json writes them.
macro_rules! integers {
    ($($name:ident $ty:ty),*) => {$(
        fn $name(self, v: $ty) -> Result<(), JsonTextError> {
            self.out.push_str(&v.to_string());
            Ok(())
        }
    )*};
}

/// Scalars that are not text are no map keys here.
macro_rules! not_keys {
    ($($name:ident $ty:ty),*) => {$(
        fn $name(self, _: $ty) -> Result<String, JsonTextError> {
            Err(JsonTextError::KeyNotText)
        }
    )*};
}

/// The text written so far and the nesting depth (for indentation).
struct Writer {
    out: String,
    depth: usize,
}

impl Writer {
    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn string(&mut self, text: &str) {
        self.out.push('"');
        for c in text.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if u32::from(c) < 0x20 => {
                    self.out.push_str(&format!("\\u{:04x}", u32::from(c)));
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    /// Opens an array or object; serde_json writes an empty one as `[]` / `{}`.
    fn open(&mut self, bracket: char) -> Compound<'_> {
        self.out.push(bracket);
        self.depth += 1;
        Compound {
            writer: self,
            first: true,
        }
    }
}

/// An array, object or struct being written.
struct Compound<'a> {
    writer: &'a mut Writer,
    first: bool,
}

impl Compound<'_> {
    fn element(&mut self) {
        if !self.first {
            self.writer.out.push(',');
        }
        self.first = false;
        self.writer.newline();
    }

    fn close(self, bracket: char) {
        self.writer.depth -= 1;
        if !self.first {
            self.writer.newline();
        }
        self.writer.out.push(bracket);
    }

    fn key(&mut self, key: &str) {
        self.element();
        self.writer.string(key);
        self.writer.out.push_str(": ");
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = JsonTextError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = ser::Impossible<(), JsonTextError>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = ser::Impossible<(), JsonTextError>;

    fn serialize_bool(self, v: bool) -> Result<(), JsonTextError> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    integers!(serialize_i8 i8, serialize_i16 i16, serialize_i32 i32, serialize_i64 i64,
        serialize_u8 u8, serialize_u16 u16, serialize_u32 u32, serialize_u64 u64);
    fn serialize_f32(self, _: f32) -> Result<(), JsonTextError> {
        Err(JsonTextError::Unsupported("float"))
    }
    fn serialize_f64(self, _: f64) -> Result<(), JsonTextError> {
        Err(JsonTextError::Unsupported("float"))
    }
    fn serialize_char(self, v: char) -> Result<(), JsonTextError> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), JsonTextError> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), JsonTextError> {
        Err(JsonTextError::Unsupported("byte string"))
    }
    fn serialize_none(self) -> Result<(), JsonTextError> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), JsonTextError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), JsonTextError> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), JsonTextError> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), JsonTextError> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), JsonTextError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), JsonTextError> {
        Err(JsonTextError::Unsupported("enum with data"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, JsonTextError> {
        Ok(self.open('['))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, JsonTextError> {
        Ok(self.open('['))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, JsonTextError> {
        Ok(self.open('['))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, JsonTextError> {
        Err(JsonTextError::Unsupported("enum with data"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, JsonTextError> {
        Ok(self.open('{'))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, JsonTextError> {
        Ok(self.open('{'))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, JsonTextError> {
        Err(JsonTextError::Unsupported("enum with data"))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = JsonTextError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonTextError> {
        self.element();
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), JsonTextError> {
        self.close(']');
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = JsonTextError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonTextError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), JsonTextError> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = JsonTextError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonTextError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), JsonTextError> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = JsonTextError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), JsonTextError> {
        let key = key.serialize(KeyText)?;
        self.key(&key);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), JsonTextError> {
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), JsonTextError> {
        self.close('}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = JsonTextError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), JsonTextError> {
        self.key(key);
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), JsonTextError> {
        self.close('}');
        Ok(())
    }
}

/// A map key as text: only strings (and unit variants) are keys here.
struct KeyText;

impl ser::Serializer for KeyText {
    type Ok = String;
    type Error = JsonTextError;
    type SerializeSeq = ser::Impossible<String, JsonTextError>;
    type SerializeTuple = ser::Impossible<String, JsonTextError>;
    type SerializeTupleStruct = ser::Impossible<String, JsonTextError>;
    type SerializeTupleVariant = ser::Impossible<String, JsonTextError>;
    type SerializeMap = ser::Impossible<String, JsonTextError>;
    type SerializeStruct = ser::Impossible<String, JsonTextError>;
    type SerializeStructVariant = ser::Impossible<String, JsonTextError>;

    fn serialize_str(self, v: &str) -> Result<String, JsonTextError> {
        Ok(v.to_string())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, JsonTextError> {
        Ok(variant.to_string())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, JsonTextError> {
        value.serialize(self)
    }
    not_keys!(serialize_bool bool, serialize_i8 i8, serialize_i16 i16, serialize_i32 i32,
        serialize_i64 i64, serialize_u8 u8, serialize_u16 u16, serialize_u32 u32,
        serialize_u64 u64, serialize_f32 f32, serialize_f64 f64, serialize_bytes &[u8]);
    fn serialize_char(self, v: char) -> Result<String, JsonTextError> {
        Ok(v.to_string())
    }
    fn serialize_none(self) -> Result<String, JsonTextError> {
        Err(JsonTextError::KeyNotText)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<String, JsonTextError> {
        Err(JsonTextError::KeyNotText)
    }
    fn serialize_unit(self) -> Result<String, JsonTextError> {
        Err(JsonTextError::KeyNotText)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String, JsonTextError> {
        Err(JsonTextError::KeyNotText)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, JsonTextError> {
        Err(JsonTextError::KeyNotText)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, JsonTextError> {
        Err(JsonTextError::KeyNotText)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, JsonTextError> {
        Err(JsonTextError::KeyNotText)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, JsonTextError> {
        Err(JsonTextError::KeyNotText)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, JsonTextError> {
        Err(JsonTextError::KeyNotText)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, JsonTextError> {
        Err(JsonTextError::KeyNotText)
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, JsonTextError> {
        Err(JsonTextError::KeyNotText)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, JsonTextError> {
        Err(JsonTextError::KeyNotText)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rating::ScenarioDocument;
    use std::collections::BTreeMap;

    #[test]
    fn writes_what_serde_json_writes() {
        // Every kind the writer takes, including the escapes serde_json uses and empty lists.
        let text = r#"{"organisers":"40","licencesPurchased":"50","usCanadaAddon":true,
            "organisationCountry":"GB","meetings":[
            {"name":"Board \"A\" \\ team\n\t\r\u0001\u0008\u000c\u007f é","perMonth":"4","minutes":"60",
             "legs":[{"country":"DE","call":"tollDialIn","count":"12","minutes":"2.5"}]},
            {"perMonth":"1","minutes":"0","legs":[]}],"card":"illustrative-eur"}"#;
        let doc: ScenarioDocument = serde_json::from_str(text).unwrap();
        let expected = serde_json::to_string_pretty(&doc).unwrap();
        assert_eq!(to_string_pretty(&doc).unwrap(), expected);
        let mut map = BTreeMap::new();
        map.insert("a", vec![1u32, 2]);
        map.insert("b", vec![]);
        let nested = (map, Some(true), None::<u8>, -3i64, 'x');
        assert_eq!(
            to_string_pretty(&nested).unwrap(),
            serde_json::to_string_pretty(&nested).unwrap()
        );
        assert_eq!(to_string_pretty(&Vec::<u8>::new()).unwrap(), "[]");
    }

    #[test]
    fn refuses_what_it_does_not_write() {
        assert_eq!(
            to_string_pretty(&1.5f64),
            Err(JsonTextError::Unsupported("float"))
        );
        let mut map = BTreeMap::new();
        map.insert(1u8, true);
        assert_eq!(to_string_pretty(&map), Err(JsonTextError::KeyNotText));
    }
}
