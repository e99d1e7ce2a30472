//! A JSON string as it stands in a file, decoded: what a text left in its input file is read
//! back with, at every stage that looks at it. serde_json decodes the same strings, but through
//! a scratch buffer that grows and a copy of it; this writes straight into a string of the
//! decoded length, which the caller knows: one allocation for each text read back.

/// The string `literal` (its quotes included) stands for, where it decodes to `len` bytes of
/// UTF-8; `None` for anything else (a literal that is not one, a length or text that differs).
pub(super) fn decode(literal: &[u8], len: usize) -> Option<String> {
    let body = literal.strip_prefix(b"\"")?.strip_suffix(b"\"")?;
    let mut out = Vec::with_capacity(len);
    let mut rest = body;
    while let Some(at) = memchr::memchr(b'\\', rest) {
        out.extend_from_slice(&rest[..at]);
        let (&kind, after) = rest[at + 1..].split_first()?;
        rest = after;
        let byte = match kind {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => {
                let (c, after) = unicode_escape(rest)?;
                rest = after;
                let mut buf = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                continue;
            }
            _ => return None,
        };
        out.push(byte);
    }
    out.extend_from_slice(rest);
    if out.len() != len {
        return None;
    }
    String::from_utf8(out).ok()
}

/// The character of a `\u` escape whose four hex digits begin `s` (a surrogate pair as two
/// escapes), and what follows it.
fn unicode_escape(s: &[u8]) -> Option<(char, &[u8])> {
    let unit = |s: &[u8]| -> Option<u32> {
        let hex = std::str::from_utf8(s.get(..4)?).ok()?;
        u32::from_str_radix(hex, 16).ok()
    };
    let first = unit(s)?;
    let rest = &s[4..];
    if !(0xd800..0xdc00).contains(&first) {
        return Some((char::from_u32(first)?, rest));
    }
    let low = unit(rest.strip_prefix(b"\\u")?)?;
    if !(0xdc00..0xe000).contains(&low) {
        return None;
    }
    let c = 0x10000 + ((first - 0xd800) << 10) + (low - 0xdc00);
    Some((char::from_u32(c)?, &rest[6..]))
}

#[cfg(test)]
mod tests {
    use super::decode;

    /// `decode` gives what serde_json gives for the string `s` written as JSON, every way it
    /// can be written.
    fn round_trips(s: &str) {
        let plain = serde_json::to_string(s).unwrap();
        let ascii: String = plain
            .chars()
            .map(|c| {
                if c.is_ascii() {
                    c.to_string()
                } else {
                    let mut units = [0; 2];
                    c.encode_utf16(&mut units)
                        .iter()
                        .map(|u| format!("\\u{u:04x}"))
                        .collect()
                }
            })
            .collect();
        for literal in [plain, ascii] {
            assert_eq!(
                serde_json::from_str::<String>(&literal).unwrap(),
                s,
                "{literal}"
            );
            assert_eq!(decode(literal.as_bytes(), s.len()).as_deref(), Some(s));
        }
    }

    #[test]
    fn decodes_what_serde_json_decodes() {
        round_trips("");
        round_trips("The ministry said.\n\n\"Quoted,\" she said\t\\ / \r\u{8}\u{c}\u{1}");
        round_trips("Ünïcödé – “quoted” 東京 مرحبا 𝄞 😀");
        assert_eq!(
            decode(br#""a\/b\u00e9\uD834\uDD1E""#, 9).as_deref(),
            Some("a/bé𝄞")
        );
    }

    #[test]
    fn anything_else_is_none() {
        for bad in [
            &br#""abc"#[..],
            br#"abc""#,
            br#""a\qb""#,
            br#""a\"#,
            br#""\u12""#,
            br#""\uzzzz""#,
            br#""\ud834x""#,
            br#""\ud834\u0041""#,
            b"\"\xff\"",
        ] {
            assert_eq!(decode(bad, 1), None, "{}", String::from_utf8_lossy(bad));
        }
        // The length it was left with is checked.
        assert_eq!(decode(br#""abc""#, 2), None);
        assert_eq!(decode(br#""abc""#, 3).as_deref(), Some("abc"));
    }
}
