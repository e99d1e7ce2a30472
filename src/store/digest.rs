//! Digests of a value's JSON, computed as serde writes it: no body is built to be hashed and
//! thrown away. Streaming XXH3 gives the same 128 bits as hashing the whole JSON at once, so a
//! digest kept by an earlier version (a claims key, a graph row's digest) still matches.

use xxhash_rust::xxh3::{Xxh3, xxh3_128};

/// A `Write` that feeds the hasher.
struct Feed(Xxh3);

impl std::io::Write for Feed {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// XXH3-128 of `serde_json::to_string(v)` (of nothing when it cannot be written, as
/// `to_vec(..).unwrap_or_default()` gave).
pub(crate) fn of_json<T: serde::Serialize + ?Sized>(v: &T) -> u128 {
    // serde_json writes a token at a time; the buffer hands the hasher whole blocks.
    let mut w = std::io::BufWriter::with_capacity(1 << 13, Feed(Xxh3::new()));
    if serde_json::to_writer(&mut w, v).is_err() {
        return xxh3_128(b"");
    }
    match w.into_inner() {
        Ok(feed) => feed.0.digest128(),
        Err(_) => xxh3_128(b""),
    }
}

/// A graph row's digest (schema version 8 on): XXH3-128 of its body's JSON and, for an item
/// node, a NUL and its text after it (the text is kept with its item, not in the row: see
/// `texts.rs`). As streamed, the digest of `body + "\0" + text` written out; JSON never holds a
/// raw NUL, so no body and text run into another's.
pub(crate) fn of_row<T: serde::Serialize + ?Sized>(v: &T, text: Option<&str>) -> u128 {
    let Some(text) = text else {
        return of_json(v);
    };
    let mut w = std::io::BufWriter::with_capacity(1 << 13, Feed(Xxh3::new()));
    if serde_json::to_writer(&mut w, v).is_err() {
        return xxh3_128(b"");
    }
    match w.into_inner() {
        Ok(mut feed) => {
            feed.0.update(b"\0");
            feed.0.update(text.as_bytes());
            feed.0.digest128()
        }
        Err(_) => xxh3_128(b""),
    }
}

/// [`of_row`] of a row as stored: its body (the JSON as written) and its text.
pub(crate) fn of_stored(body: &str, text: Option<&str>) -> u128 {
    let mut h = Xxh3::new();
    h.update(body.as_bytes());
    if let Some(text) = text {
        h.update(b"\0");
        h.update(text.as_bytes());
    }
    h.digest128()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streaming_digest_is_the_digest_of_the_whole_json() {
        let v = serde_json::json!({
            "text": "A \"quoted\" line\nand another, long enough to cross a block: ".repeat(40),
            "n": [1, 2, 3],
            "nested": {"a": null, "b": 0.5}
        });
        let whole = serde_json::to_string(&v).unwrap();
        assert_eq!(of_json(&v), xxh3_128(whole.as_bytes()));
        assert_eq!(of_json(&""), xxh3_128(b"\"\""));
        assert_eq!(of_row(&v, None), of_json(&v));
        let text = "Its text, with \"quotes\" and a line\nbreak.";
        assert_eq!(
            of_row(&v, Some(text)),
            xxh3_128(format!("{whole}\0{text}").as_bytes())
        );
        assert_eq!(of_stored(&whole, Some(text)), of_row(&v, Some(text)));
        assert_eq!(of_stored(&whole, None), of_json(&v));
    }
}
