//! The flattening rule of the formats whose attributes are flat and typed (GEXF, GraphML,
//! PROV-JSON, Cytoscape.js), and the one table of attributes they declare.
//!
//! A node or edge is flattened from its JSON form (the contract), so a field added to the model
//! reaches every one of these formats by itself:
//! - a null or an empty list is absent (no attribute), never an empty or "null" value;
//! - an object's fields become fields of their own, named `parent_child` (`origin_file`);
//! - a list becomes one string, its JSON text (`["Voss"]`, a span `[482,641]`);
//! - strings, whole numbers, fractions and booleans stay what they are.
//!
//! `NODE_FIELDS` and `EDGE_FIELDS` declare every flattened field with its type, for the formats
//! that declare attributes before using them; a field missing from them is an error of the
//! export (a test flattens a graph with every kind and every field to catch it).

use serde::Serialize;
use serde::ser::{self, Impossible};
use std::fmt::Display;
use std::io;

/// A flattened value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar<'a> {
    Str(&'a str),
    Int(i64),
    Float(f64),
    Bool(bool),
}

impl Scalar<'_> {
    /// Writes the value as JSON (a string quoted and escaped).
    pub fn write_json(self, w: &mut impl io::Write) -> io::Result<()> {
        match self {
            Scalar::Str(s) => serde_json::to_writer(w, s),
            Scalar::Int(i) => serde_json::to_writer(w, &i),
            Scalar::Float(x) => serde_json::to_writer(w, &x),
            Scalar::Bool(b) => serde_json::to_writer(w, &b),
        }
        .map_err(io::Error::from)
    }
}

/// The type a flattened field is declared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    String,
    Long,
    Double,
    // The model has no boolean field yet; declared so that one needs only its line in the table.
    #[allow(dead_code)]
    Boolean,
}

/// One declared attribute: its name (the flattened field's) and type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub ty: Type,
}

const fn field(name: &'static str, ty: Type) -> Field {
    Field { name, ty }
}

/// Every flattened field a node of any kind can have, besides its `id`. Names shared by several
/// kinds (`name`, `language`, `text`) mean the same thing in each.
pub const NODE_FIELDS: &[Field] = &[
    field("kind", Type::String),
    field("label", Type::String),
    // item
    field("title", Type::String),
    field("url", Type::String),
    field("record_id", Type::String),
    field("published", Type::String),
    field("byline", Type::String),
    field("dateline", Type::String),
    field("language", Type::String),
    field("origin_file", Type::String),
    field("origin_start", Type::Long),
    field("origin_end", Type::Long),
    field("origin_spans", Type::String),
    field("excerpt", Type::String),
    field("warnings", Type::String),
    field("text", Type::String),
    // outlet, speaker
    field("name", Type::String),
    field("aliases", Type::String),
    field("domain", Type::String),
    field("roles", Type::String),
    // claim
    field("claim_kind", Type::String),
    // date
    field("date", Type::String),
];

/// Every flattened field an edge of any kind can have, besides `id`, `source` and `target`.
pub const EDGE_FIELDS: &[Field] = &[
    field("kind", Type::String),
    field("confidence", Type::Double),
    field("evidence", Type::String),
    field("span", Type::String),
    field("parts", Type::String),
    field("speaker_span", Type::String),
    field("cue", Type::String),
    field("speaker", Type::String),
    field("items", Type::Long),
    field("date", Type::String),
    field("aligned", Type::String),
    field("degree", Type::String),
    field("derived_share", Type::Double),
    field("aligned_sentences", Type::String),
];

/// Fields every format writes as part of the element itself rather than as an attribute.
pub const STRUCTURAL: [&str; 3] = ["id", "source", "target"];

/// Where a flattened field goes: one of the structural ones, or a declared attribute.
pub enum Slot {
    Structural,
    Declared(&'static Field),
}

/// The slot of the flattened field `name` among `fields`, or an error naming it: a field the
/// model has and the table lacks would otherwise vanish from the export unnoticed.
pub fn slot(fields: &'static [Field], name: &str) -> io::Result<Slot> {
    if STRUCTURAL.contains(&name) {
        return Ok(Slot::Structural);
    }
    match fields.iter().find(|f| f.name == name) {
        Some(f) => Ok(Slot::Declared(f)),
        None => Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("field `{name}` is not declared in export::flat (NODE_FIELDS / EDGE_FIELDS)"),
        )),
    }
}

/// Calls `f` with every flattened field of `value` (a node or an edge), in the order of its JSON
/// form. `scratch` is reused between calls so that flattening allocates nothing per field.
pub fn each_field<T: Serialize + ?Sized>(
    value: &T,
    scratch: &mut Scratch,
    f: &mut dyn FnMut(&str, Scalar<'_>) -> io::Result<()>,
) -> io::Result<()> {
    scratch.key.clear();
    let mut st = State {
        key: &mut scratch.key,
        json: &mut scratch.json,
        f,
    };
    value.serialize(&mut st).map_err(|e| e.0)
}

/// Buffers `each_field` reuses: the current field name and the JSON text of a list.
#[derive(Default)]
pub struct Scratch {
    key: String,
    json: Vec<u8>,
}

struct State<'a> {
    key: &'a mut String,
    json: &'a mut Vec<u8>,
    f: &'a mut dyn FnMut(&str, Scalar<'_>) -> io::Result<()>,
}

impl State<'_> {
    fn emit(&mut self, v: Scalar<'_>) -> Result<(), Error> {
        (self.f)(self.key, v).map_err(Error)
    }

    /// Runs `inner` with `name` appended to the current field name.
    fn nested(
        &mut self,
        name: &str,
        inner: impl FnOnce(&mut Self) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let len = self.key.len();
        if len > 0 {
            self.key.push('_');
        }
        self.key.push_str(name);
        let r = inner(self);
        self.key.truncate(len);
        r
    }
}

#[derive(Debug)]
pub struct Error(io::Error);

impl Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(io::Error::other(msg.to_string()))
    }
}

fn unsupported(what: &str) -> Error {
    Error(io::Error::other(format!("cannot flatten {what}")))
}

impl<'s, 'a> ser::Serializer for &'s mut State<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = List<'s, 'a>;
    type SerializeTuple = List<'s, 'a>;
    type SerializeTupleStruct = List<'s, 'a>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Object<'s, 'a>;
    type SerializeStruct = Object<'s, 'a>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.emit(Scalar::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.emit(Scalar::Int(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.emit(Scalar::Int(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.emit(Scalar::Int(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.emit(Scalar::Int(v))
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.emit(Scalar::Int(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.emit(Scalar::Int(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.emit(Scalar::Int(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        match i64::try_from(v) {
            Ok(v) => self.emit(Scalar::Int(v)),
            Err(_) => Err(unsupported("a number above i64::MAX")),
        }
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.emit(Scalar::Float(v.into()))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.emit(Scalar::Float(v))
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        let mut buf = [0u8; 4];
        self.emit(Scalar::Str(v.encode_utf8(&mut buf)))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.emit(Scalar::Str(v))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(unsupported("bytes"))
    }
    fn serialize_none(self) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, v: &'static str) -> Result<(), Error> {
        self.emit(Scalar::Str(v))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<List<'s, 'a>, Error> {
        self.json.clear();
        self.json.push(b'[');
        Ok(List { st: self, n: 0 })
    }
    fn serialize_tuple(self, len: usize) -> Result<List<'s, 'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<List<'s, 'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unsupported("a tuple variant"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Object<'s, 'a>, Error> {
        Ok(Object {
            st: self,
            pending: String::new(),
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Object<'s, 'a>, Error> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(unsupported("a struct variant"))
    }
}

/// A list, written as its JSON text.
pub struct List<'s, 'a> {
    st: &'s mut State<'a>,
    n: usize,
}

impl List<'_, '_> {
    fn element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        if self.n > 0 {
            self.st.json.push(b',');
        }
        self.n += 1;
        serde_json::to_writer(&mut *self.st.json, v).map_err(|e| Error(e.into()))
    }

    fn finish(self) -> Result<(), Error> {
        if self.n == 0 {
            return Ok(());
        }
        self.st.json.push(b']');
        let json = std::mem::take(self.st.json);
        // serde_json writes UTF-8.
        let r = match std::str::from_utf8(&json) {
            Ok(text) => self.st.emit(Scalar::Str(text)),
            Err(_) => Err(unsupported("a list that is not UTF-8")),
        };
        *self.st.json = json;
        r
    }
}

impl ser::SerializeSeq for List<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.element(v)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeTuple for List<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.element(v)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for List<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.element(v)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

/// An object: each field flattened under the object's name.
pub struct Object<'s, 'a> {
    st: &'s mut State<'a>,
    /// A map's key between `serialize_key` and `serialize_value`.
    pending: String,
}

impl ser::SerializeStruct for Object<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.st.nested(name, |st| v.serialize(st))
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

impl ser::SerializeMap for Object<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        // Keys of the model's maps are field names: plain strings whose JSON form is the name
        // in quotes.
        let json = serde_json::to_string(key).map_err(|e| Error(e.into()))?;
        self.pending.clear();
        self.pending.push_str(json.trim_matches('"'));
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        let name = std::mem::take(&mut self.pending);
        let r = self.st.nested(&name, |st| v.serialize(st));
        self.pending = name;
        r
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, EdgeKind};
    use crate::vocab::Span;

    fn flat<T: Serialize>(v: &T) -> Vec<(String, String)> {
        let mut out = Vec::new();
        each_field(v, &mut Scratch::default(), &mut |k, v| {
            out.push((k.to_owned(), format!("{v:?}")));
            Ok(())
        })
        .unwrap();
        out
    }

    #[test]
    fn objects_nest_lists_become_json_and_nulls_vanish() {
        let v = serde_json::json!({
            "a": null, "b": [], "c": ["x", "y"], "d": {"e": 1, "f": [[1, 2]]}, "g": 0.5, "h": true
        });
        assert_eq!(
            flat(&v),
            vec![
                ("c".into(), "Str(\"[\\\"x\\\",\\\"y\\\"]\")".into()),
                ("d_e".into(), "Int(1)".into()),
                ("d_f".into(), "Str(\"[[1,2]]\")".into()),
                ("g".into(), "Float(0.5)".into()),
                ("h".into(), "Bool(true)".into()),
            ]
        );
    }

    #[test]
    fn an_edge_flattens_its_detail() {
        let a = uuid::Uuid::from_u128(1);
        let b = uuid::Uuid::from_u128(2);
        let mut e = Edge::new(EdgeKind::Contains, a, b).with_evidence(0.5, "said");
        e.detail_mut().span = Some(Span::new(3, 9));
        let names: Vec<String> = flat(&e).into_iter().map(|p| p.0).collect();
        assert_eq!(
            names,
            [
                "id",
                "kind",
                "source",
                "target",
                "confidence",
                "evidence",
                "span"
            ]
        );
    }

    #[test]
    fn an_undeclared_field_is_an_error() {
        assert!(slot(NODE_FIELDS, "no_such_field").is_err());
        assert!(matches!(slot(EDGE_FIELDS, "source"), Ok(Slot::Structural)));
        assert!(matches!(
            slot(EDGE_FIELDS, "confidence"),
            Ok(Slot::Declared(Field {
                ty: Type::Double,
                ..
            }))
        ));
    }
}
