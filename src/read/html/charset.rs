//! The character set of a page: a byte-order mark, else the HTTP header's charset, else a
//! `<meta charset>` / `<meta http-equiv="Content-Type">` in the first kilobytes, else UTF-8
//! (windows-1252 when the bytes are not UTF-8, as browsers fall back).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// How far into a page a `<meta charset>` is looked for (the HTML standard's prescan reads 1024
/// bytes; real pages put it later behind long comments and scripts).
const PRESCAN: usize = 4096;

/// The page's text and the encoding it was decoded from.
pub fn decode<'a>(
    bytes: &'a [u8],
    http_content_type: Option<&str>,
) -> (Cow<'a, str>, &'static Encoding) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return (text, enc);
    }
    if let Some(enc) = crate::read::text::utf16_without_bom(bytes) {
        return (enc.decode_without_bom_handling(bytes).0, enc);
    }
    // Pages saved to disk are re-encoded as UTF-8 and keep their old declaration; legacy text
    // that happens to be valid UTF-8 beyond ASCII is vanishingly rare.
    if !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() {
        return (String::from_utf8_lossy(bytes), UTF_8);
    }
    let declared = http_content_type
        .and_then(charset_param)
        .and_then(|l| Encoding::for_label(l.as_bytes()))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(PRESCAN)]));
    let enc = match declared {
        // A page that says UTF-16 in ASCII is not UTF-16 (the standard's rule).
        Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => UTF_8,
        Some(e) => e,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => WINDOWS_1252,
    };
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text, enc)
}

/// The `charset=` parameter of a Content-Type value.
pub fn charset_param(content_type: &str) -> Option<String> {
    let lower = content_type.to_ascii_lowercase();
    let i = lower.find("charset")?;
    let rest = lower[i + 7..].trim_start().strip_prefix('=')?.trim_start();
    let value: String = rest
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!value.is_empty()).then_some(value)
}

/// The encoding a `<meta>` tag in `head` declares.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let start = from + i;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = String::from_utf8_lossy(&lower[start..end]);
        if let Some(label) = charset_param(&tag)
            && let Some(enc) = Encoding::for_label(label.as_bytes())
        {
            return Some(enc);
        }
        from = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_then_meta_then_utf8() {
        let latin = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body>";
        let (t, e) = decode(latin, None);
        let (t8, e8) = decode("<meta charset=gb2312><p>腾讯</p>".as_bytes(), None);
        assert_eq!((e8.name(), t8.contains("腾讯")), ("UTF-8", true));
        assert_eq!(e.name(), "windows-1252");
        assert!(t.contains("café"));
        let (t, _) = decode(b"<p>caf\xc3\xa9</p>", Some("text/html; charset=UTF-8"));
        assert!(t.contains("café"));
        let (_, e) = decode(b"<p>x</p>", Some("text/html; charset=\"koi8-r\""));
        assert_eq!(e.name(), "KOI8-R");
        let (t, e) = decode(
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">\xcf",
            None,
        );
        assert_eq!(e.name(), "windows-1251");
        assert!(t.ends_with('П'));
        let (_, e) = decode(b"no declaration \xe9", None);
        assert_eq!(e.name(), "windows-1252");
    }
}
