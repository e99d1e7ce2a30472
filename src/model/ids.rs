//! Stable node and edge ids.
//!
//! Ids are UUIDv5 of the node kind and its canonical key, so the same outlet, speaker, claim or date
//! gets the same id in every run and every corpus, whatever order the inputs come in.

use uuid::Uuid;

/// The claimtrace namespace: UUIDv5 of the URL namespace and "https://claimtrace.invalid/graph".
/// Fixed forever: changing it changes every id ever published.
pub const NAMESPACE: Uuid = Uuid::from_bytes([
    0x5c, 0x0d, 0x2b, 0x8e, 0x61, 0x3f, 0x5a, 0x44, 0x9b, 0x7e, 0x1d, 0x42, 0x8a, 0x6c, 0x03, 0x91,
]);

/// The id of a node of `kind` whose canonical key is `key`.
pub fn node_id(kind: &str, key: &str) -> Uuid {
    keyed_id(&[kind, key])
}

/// The id of an edge: its kind and both ends decide it, so an edge is never duplicated.
pub fn edge_id(kind: &str, source: Uuid, target: Uuid) -> Uuid {
    let mut s = [0u8; 36];
    let mut t = [0u8; 36];
    let s = source.hyphenated().encode_lower(&mut s);
    let t = target.hyphenated().encode_lower(&mut t);
    keyed_id(&["edge", kind, s, t])
}

fn keyed_id(parts: &[&str]) -> Uuid {
    // A NUL separator cannot occur in a canonical key, so ("a b", "c") and ("a", "b c") differ.
    let mut name = Vec::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            name.push(0);
        }
        name.extend_from_slice(p.as_bytes());
    }
    Uuid::new_v5(&NAMESPACE, &name)
}

/// Serialises an id as its hyphenated lowercase string through a stack buffer: ids are most of
/// what an export writes, and `Uuid`'s own `Serialize` goes through `Display`.
pub fn serialize_id<S: serde::Serializer>(id: &Uuid, s: S) -> Result<S::Ok, S::Error> {
    let mut buf = [0u8; 36];
    s.serialize_str(id.hyphenated().encode_lower(&mut buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_depend_on_kind_and_key_only() {
        assert_eq!(node_id("outlet", "sputnik"), node_id("outlet", "sputnik"));
        assert_ne!(node_id("outlet", "sputnik"), node_id("speaker", "sputnik"));
        assert_ne!(node_id("outlet", "a b"), node_id("outlet a", "b"));
        assert_eq!(node_id("date", "2020-09-19").get_version_num(), 5);
    }
}
