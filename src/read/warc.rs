//! Web archives: WARC files (ISO 28500; .warc, and .warc.gz through the gzip layer of
//! `read_input`). Each response or resource record holding HTML is a page item: url from
//! WARC-Target-URI, date from the page, else WARC-Date, charset from the HTTP Content-Type.
//! Origins are byte ranges of records in the (decompressed) archive.

use super::html::{Page, page_item};
use super::{Input, InputError, Location, ReadSettings, Reader};
use crate::item::Item;
use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};
use std::io::Read;

pub struct WarcReader;

/// Largest HTTP payload decompressed, against compression bombs.
const MAX_PAYLOAD: u64 = 256 << 20;

impl Reader for WarcReader {
    fn name(&self) -> &'static str {
        "warc"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["warc"]
    }

    fn sniff(&self, head: &[u8]) -> bool {
        self.claims(head)
    }

    /// WARC blocks hold binary payloads: the version line decides before the NUL-byte check.
    fn claims(&self, head: &[u8]) -> bool {
        head.trim_ascii_start().starts_with(b"WARC/")
    }

    fn read(&self, input: &Input, settings: &ReadSettings) -> Result<Vec<Item>, InputError> {
        let b = &input.bytes;
        let mut items = Vec::new();
        let mut pos = 0;
        loop {
            while pos < b.len() && b[pos].is_ascii_whitespace() {
                pos += 1;
            }
            if pos >= b.len() {
                break;
            }
            let start = pos;
            let err =
                |msg: &str| InputError::new(input.name.as_ref(), Location::Offset(start), msg);
            if !b[pos..].starts_with(b"WARC/") {
                return Err(err("expected a WARC record (\"WARC/1.x\")"));
            }
            let Some((headers, block_start)) = split_head(b, pos) else {
                return Err(err("WARC record header has no end"));
            };
            let headers = parse_headers(
                &headers[headers
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(0, |i| i + 1)..],
            );
            let len: usize = header(&headers, "content-length")
                .and_then(|v| v.trim().parse().ok())
                .ok_or_else(|| err("WARC record has no valid Content-Length"))?;
            let block_end = block_start.saturating_add(len).min(b.len());
            let truncated = block_start.saturating_add(len) > b.len();
            pos = block_end;
            let block = &b[block_start..block_end];
            let kind = header(&headers, "warc-type")
                .unwrap_or_default()
                .to_ascii_lowercase();
            let ctype = header(&headers, "content-type")
                .unwrap_or_default()
                .to_ascii_lowercase();
            let (http_type, body, mut warnings) = match kind.as_str() {
                "response" if ctype.contains("application/http") => match http_payload(block) {
                    Some(p) => p,
                    None => continue,
                },
                "resource" | "response" => (Some(ctype.clone()), block.to_vec(), Vec::new()),
                _ => continue,
            };
            let is_html = http_type.as_deref().is_some_and(|t| t.contains("html"))
                || (http_type.is_none()
                    && super::html::looks_like_html(&body[..body.len().min(1024)]));
            if !is_html {
                continue;
            }
            if truncated {
                warnings.push("WARC record is truncated".into());
            }
            let url = header(&headers, "warc-target-uri")
                .map(|u| u.trim().trim_matches(['<', '>']).to_string());
            let date = header(&headers, "warc-date").and_then(|d| super::html::parse_date(&d));
            let (html, _) = super::html::charset::decode(&body, http_type.as_deref());
            let page = Page {
                file: &input.name,
                start,
                end: block_end,
                url: url.as_deref(),
                fallback_date: date,
            };
            let mut item = page_item(&page, &html, settings);
            item.meta.retrieved = date;
            item.warnings.splice(0..0, warnings);
            items.push(item);
        }
        Ok(items)
    }
}

/// The header lines from `pos` and where the block after the blank line starts.
fn split_head(b: &[u8], pos: usize) -> Option<(&[u8], usize)> {
    let rest = &b[pos..];
    if let Some(i) = rest.windows(4).position(|w| w == b"\r\n\r\n") {
        let lf = rest.windows(2).position(|w| w == b"\n\n");
        if lf.is_none_or(|l| l > i) {
            return Some((&rest[..i], pos + i + 4));
        }
    }
    let i = rest.windows(2).position(|w| w == b"\n\n")?;
    Some((&rest[..i], pos + i + 2))
}

/// Header lines as lowercase names and values (continuation lines folded in).
fn parse_headers(h: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(h);
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.split('\n') {
        let line = line.trim_end_matches('\r');
        if line.starts_with([' ', '\t']) {
            if let Some(last) = out.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
            continue;
        }
        if let Some((k, v)) = line.split_once(':') {
            out.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    out
}

fn header(h: &[(String, String)], name: &str) -> Option<String> {
    h.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
}

/// An HTTP response's Content-Type and decoded body (chunked transfer and gzip/deflate content
/// encodings undone), with warnings; none when it is not an HTTP response.
fn http_payload(block: &[u8]) -> Option<(Option<String>, Vec<u8>, Vec<String>)> {
    if !block.starts_with(b"HTTP/") {
        return None;
    }
    let (head, body_start) = split_head(block, 0).unwrap_or((block, block.len()));
    let headers = parse_headers(
        &head[head
            .iter()
            .position(|&c| c == b'\n')
            .map_or(head.len(), |i| i + 1)..],
    );
    let mut body = block[body_start..].to_vec();
    let mut warnings = Vec::new();
    if header(&headers, "transfer-encoding")
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
    {
        match dechunk(&body) {
            Some(d) => body = d,
            None => warnings.push("HTTP chunked body is malformed; read as it stands".into()),
        }
    }
    let enc = header(&headers, "content-encoding")
        .unwrap_or_default()
        .to_ascii_lowercase();
    if !enc.is_empty() && enc != "identity" {
        let mut out = Vec::new();
        let res = if enc.contains("gzip") {
            MultiGzDecoder::new(body.as_slice())
                .take(MAX_PAYLOAD)
                .read_to_end(&mut out)
        } else if enc.contains("deflate") {
            // Servers send both zlib-wrapped and raw deflate under this name.
            ZlibDecoder::new(body.as_slice())
                .take(MAX_PAYLOAD)
                .read_to_end(&mut out)
                .or_else(|_| {
                    out.clear();
                    DeflateDecoder::new(body.as_slice())
                        .take(MAX_PAYLOAD)
                        .read_to_end(&mut out)
                })
        } else {
            Err(std::io::Error::other(format!(
                "unsupported content encoding {enc}"
            )))
        };
        match res {
            Ok(_) if out.len() as u64 >= MAX_PAYLOAD => {
                warnings.push(format!(
                    "HTTP body inflates past {} MiB: read up to there",
                    MAX_PAYLOAD >> 20
                ));
                body = out;
            }
            Ok(_) => body = out,
            Err(e) => {
                warnings.push(format!("HTTP body not decoded ({e})"));
                return Some((header(&headers, "content-type"), Vec::new(), warnings));
            }
        }
    }
    Some((header(&headers, "content-type"), body, warnings))
}

/// The body of a chunked transfer, or none when the chunk sizes do not add up.
fn dechunk(b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    let mut pos = 0;
    loop {
        let eol = b[pos..].windows(2).position(|w| w == b"\r\n")? + pos;
        let size_text = std::str::from_utf8(&b[pos..eol]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        pos = eol + 2;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(pos..pos.checked_add(size)?)?);
        pos += size;
        if b[pos..].starts_with(b"\r\n") {
            pos += 2;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dechunks_and_rejects_bad_sizes() {
        assert_eq!(
            dechunk(b"3\r\nabc\r\n2;x=1\r\nde\r\n0\r\n\r\n").as_deref(),
            Some(&b"abcde"[..])
        );
        assert_eq!(dechunk(b"ff\r\nabc"), None);
    }
}
