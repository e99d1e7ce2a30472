//! Writing text into XML 1.0 (GEXF, GraphML): markup characters as entities, and characters XML
//! 1.0 cannot carry at all (most C0 controls, U+FFFE, U+FFFF) replaced by U+FFFD, since inputs
//! are scraped text and a single stray control byte would make the whole document unreadable.

use super::flat::Scalar;
use std::io::{self, Write};

/// Writes a flattened value as XML text: strings escaped, numbers in their shortest exact form
/// (`0.942`, `1`), booleans as `true` / `false` (the forms of XML Schema's types).
pub fn scalar(w: &mut impl Write, v: Scalar<'_>) -> io::Result<()> {
    match v {
        Scalar::Str(s) => escape(w, s),
        Scalar::Int(i) => write!(w, "{i}"),
        Scalar::Float(x) => write!(w, "{x}"),
        Scalar::Bool(b) => write!(w, "{b}"),
    }
}

/// Writes `s` escaped for an attribute value in double quotes or for element content. Tabs and
/// line breaks become character references so that attribute-value normalisation keeps them.
pub fn escape(w: &mut impl Write, s: &str) -> io::Result<()> {
    // Byte-wise: every character to replace is ASCII, or U+FFFE / U+FFFF (EF BF BE / EF BF BF in
    // UTF-8), so most text is copied in one piece without decoding it.
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (replacement, len): (&[u8], usize) = match bytes[i] {
            b'&' => (b"&amp;", 1),
            b'<' => (b"&lt;", 1),
            b'>' => (b"&gt;", 1),
            b'"' => (b"&quot;", 1),
            b'\'' => (b"&apos;", 1),
            b'\t' => (b"&#9;", 1),
            b'\n' => (b"&#10;", 1),
            b'\r' => (b"&#13;", 1),
            0..=0x1f => (REPLACEMENT, 1),
            0xef if matches!(bytes.get(i + 1..i + 3), Some([0xbf, 0xbe | 0xbf])) => {
                (REPLACEMENT, 3)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        w.write_all(&bytes[start..i])?;
        w.write_all(replacement)?;
        i += len;
        start = i;
    }
    w.write_all(&bytes[start..])
}

/// U+FFFD, what a character XML 1.0 cannot carry becomes.
const REPLACEMENT: &[u8] = "\u{fffd}".as_bytes();

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::Reader;
    use quick_xml::events::Event;

    fn escaped(s: &str) -> String {
        let mut out = Vec::new();
        escape(&mut out, s).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn markup_and_controls_are_escaped() {
        assert_eq!(escaped("a<b & \"c\"'"), "a&lt;b &amp; &quot;c&quot;&apos;");
        assert_eq!(
            escaped("x\u{1}y\u{b}\u{ffff}"),
            "x\u{fffd}y\u{fffd}\u{fffd}"
        );
        assert_eq!(escaped("line\none\ttab"), "line&#10;one&#9;tab");
        assert_eq!(escaped("plain قال"), "plain قال");
    }

    /// What an XML parser reads back is the input, less the characters XML cannot carry: the
    /// attribute value after XML 1.0 attribute-value normalisation, the content unescaped.
    #[test]
    fn a_parser_reads_back_the_text() {
        let text = "Reposted <b>from</b> \"Gazette\" & 'Wire'\n\tقال\u{7}";
        let want = text.replace('\u{7}', "\u{fffd}");
        let mut doc = b"<r a=\"".to_vec();
        escape(&mut doc, text).unwrap();
        doc.extend_from_slice(b"\"/>");
        let mut reader = Reader::from_reader(doc.as_slice());
        let mut buf = Vec::new();
        match reader.read_event_into(&mut buf).unwrap() {
            Event::Empty(e) => {
                let a = e.try_get_attribute("a").unwrap().unwrap();
                assert_eq!(
                    a.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                        .unwrap(),
                    want
                );
            }
            other => panic!("unexpected {other:?}"),
        }
        let content = escaped(text);
        assert_eq!(quick_xml::escape::unescape(&content).unwrap(), want);
    }

    proptest::proptest! {
        /// Any text, once escaped, is a well-formed attribute value that reads back as itself,
        /// the characters XML 1.0 cannot carry replaced.
        #[test]
        fn any_text_reads_back(text in "\\PC*|[\\x00-\\x7f\u{fffe}\u{ffff}]*") {
            let mut doc = b"<r a=\"".to_vec();
            escape(&mut doc, &text).unwrap();
            doc.extend_from_slice(b"\"/>");
            let want: String = text
                .chars()
                .map(|c| match c {
                    '\t' | '\n' | '\r' => c,
                    '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => '\u{fffd}',
                    c => c,
                })
                .collect();
            let mut reader = Reader::from_reader(doc.as_slice());
            let mut buf = Vec::new();
            let Event::Empty(e) = reader.read_event_into(&mut buf).unwrap() else {
                panic!("not one empty element")
            };
            let a = e.try_get_attribute("a").unwrap().unwrap();
            proptest::prop_assert_eq!(
                a.normalized_value(quick_xml::XmlVersion::Explicit1_0).unwrap(),
                want
            );
        }
    }
}
