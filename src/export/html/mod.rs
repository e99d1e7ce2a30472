//! The HTML view: one self-contained page that opens offline from disk and shows the story as a
//! timeline (x the date, a lane per outlet, copies pointing to their sources), with a panel for
//! each item (the copy beside its source, shared passages marked), search, focus on one story,
//! and a legend in plain words.
//!
//! Everything is in the file: the data as JSON in a non-executable script element, the view's
//! own script and styles (`view.js`, `view.css`) and the vendored graph library (`vendor/`,
//! cytoscape.js; its README names the version, licence and checksum). Nothing is fetched at
//! build or run time, and a Content-Security-Policy forbids the page any request: scripts and
//! styles run only by the hashes of those written here.
//!
//! The page is safe against hostile inputs: every text goes into the page as JSON whose `<`,
//! `>` and `&` are escaped (so no input can close the script element), the script puts texts in
//! the page only as text nodes, and only http and https URLs become links. Positions are
//! computed here (`layout`), so the same graph gives the same bytes.

mod data;
mod layout;
mod text;

use crate::model::Graph;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::io::{self, BufWriter, Write};

/// The page around the data: placeholders `{{name}}` are filled once each, in one pass, so
/// nothing written into the page is ever read as a placeholder.
const PAGE: &str = include_str!("page.html");
const STYLE: &str = include_str!("view.css");
const SCRIPT: &str = include_str!("view.js");
/// cytoscape.js, minified, as published (see vendor/README.md).
pub(crate) const LIBRARY: &str = include_str!("vendor/cytoscape.min.js");
/// The one rule cytoscape.js would otherwise add to the page as a style element of its own,
/// which the Content-Security-Policy would block: written here, with its id, it finds it.
const LIBRARY_STYLE: &str = ".__________cytoscape_container { position: relative; }";

/// What the HTML view holds and shows when it opens.
#[derive(Debug, Clone, Copy)]
pub struct ViewOptions {
    /// Claims and speakers are drawn when the page opens if there are at most this many claims
    /// (the reader can always show or hide them).
    pub claims_shown: usize,
    /// Above this many claims, showing claims draws only those of the focused story, so that a
    /// large graph stays quick.
    pub claims_limit: usize,
    /// Bytes of item text the page may hold, for the copy beside its source: texts of items in
    /// a copy, in id order, until the budget is spent; the others show their excerpts.
    pub text_budget: usize,
    /// A text longer than this is never held (its excerpt is shown).
    pub text_max: usize,
    /// Characters of a claim's text the page holds.
    pub claim_max: usize,
}

impl Default for ViewOptions {
    fn default() -> ViewOptions {
        ViewOptions {
            claims_shown: 60,
            claims_limit: 2_000,
            text_budget: 8 << 20,
            text_max: 256 << 10,
            claim_max: 600,
        }
    }
}

/// Writes the HTML view of `graph`. Item texts are shown only if the graph holds them
/// (`BuildOptions::with_text`); without them the panels show excerpts.
pub fn write(graph: &Graph, opts: &ViewOptions, out: &mut dyn Write) -> io::Result<()> {
    let data = data::gather(graph, opts);
    let json = script_safe_json(&serde_json::to_string(&data)?);
    let mut w = BufWriter::with_capacity(1 << 16, out);
    let csp = policy();
    for (text, hole) in holes(PAGE) {
        w.write_all(text.as_bytes())?;
        match hole {
            Some("csp") => w.write_all(csp.as_bytes())?,
            Some("title") => w.write_all(html_escape::encode_text(&data.title).as_bytes())?,
            Some("library_style") => w.write_all(LIBRARY_STYLE.as_bytes())?,
            Some("style") => w.write_all(STYLE.as_bytes())?,
            Some("data") => w.write_all(json.as_bytes())?,
            Some("library") => w.write_all(LIBRARY.as_bytes())?,
            Some("script") => w.write_all(SCRIPT.as_bytes())?,
            Some(other) => {
                return Err(io::Error::other(format!(
                    "page.html has an unknown placeholder {other}"
                )));
            }
            None => {}
        }
    }
    w.flush()
}

/// The page cut at its placeholders: each piece of text and the name of the placeholder that
/// follows it (None after the last piece).
fn holes(page: &str) -> Vec<(&str, Option<&str>)> {
    let mut out = Vec::new();
    let mut rest = page;
    while let Some(i) = rest.find("{{") {
        let Some(j) = rest[i..].find("}}") else {
            break;
        };
        out.push((&rest[..i], Some(&rest[i + 2..i + j])));
        rest = &rest[i + j + 2..];
    }
    out.push((rest, None));
    out
}

/// The Content-Security-Policy: no request of any kind (no fetch, image, font, frame, form or
/// base URL), scripts and styles only those written in the page, by their hashes.
fn policy() -> String {
    let hash = |s: &str| {
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))
        )
    };
    format!(
        "default-src 'none'; script-src {} {}; style-src {} {}; img-src data:; \
         connect-src 'none'; font-src 'none'; media-src 'none'; object-src 'none'; \
         frame-src 'none'; worker-src 'none'; manifest-src 'none'; base-uri 'none'; \
         form-action 'none'",
        hash(LIBRARY),
        hash(SCRIPT),
        hash(LIBRARY_STYLE),
        hash(STYLE)
    )
}

/// JSON that can stand inside a script element: `<`, `>` and `&` as `\u` escapes (they only
/// occur inside strings, where the escapes mean the same), so no text can close the element or
/// open a comment; and the line separators that older parsers took for line ends.
fn script_safe_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 32);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_text_closes_the_script_element() {
        let json = serde_json::to_string(&serde_json::json!({
            "t": "</script><script>alert(1)</script><!-- & \u{2028}"
        }))
        .unwrap();
        let safe = script_safe_json(&json);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(
            back["t"],
            "</script><script>alert(1)</script><!-- & \u{2028}"
        );
    }

    #[test]
    fn the_page_fills_every_placeholder_once() {
        let names: Vec<&str> = holes(PAGE).iter().filter_map(|h| h.1).collect();
        assert_eq!(
            names,
            [
                "csp",
                "title",
                "library_style",
                "style",
                "data",
                "library",
                "script"
            ]
        );
        // What is written into the page holds no placeholder that could be filled again, and
        // nothing that ends its element early.
        for (name, text) in [
            ("view.js", SCRIPT),
            ("library", LIBRARY),
            ("view.css", STYLE),
        ] {
            assert!(
                !text.to_ascii_lowercase().contains("</script")
                    && !text.to_ascii_lowercase().contains("</style"),
                "{name}"
            );
        }
    }

    #[test]
    fn the_policy_allows_no_request() {
        let p = policy();
        for d in ["default-src 'none'", "connect-src 'none'", "img-src data:"] {
            assert!(p.contains(d), "{d}");
        }
        assert!(!p.contains("unsafe-inline") && !p.contains("unsafe-eval"));
    }
}
