//! How deep a page's elements nest, bounded before a tree is built. html5ever checks its stack
//! of open elements at every tag, dom_smoothie walks every element's descendants and recurses
//! over the tree: on a page nested a hundred thousand deep the one takes quadratic time and the
//! other overflows the stack. So tags nested deeper than a limit are dropped here (their text
//! is kept, in the element at the limit), and the work a tree of the page costs Readability is
//! measured, so that a page too costly for it can be read without it.
//!
//! The depth is html5ever's, estimated on the tokens of `scan`: void elements never open,
//! `<div/>` opens a div as in the standard (self-closing counts only inside SVG and MathML), and
//! the end tags HTML lets a page leave out are implied where html5ever implies them most often
//! (a `<p>` ends the paragraph before it, an `<li>` the item, a `<td>` the cell, an `<a>` the
//! link). The estimate errs high, never low, so a tree never gets deeper than the limit.

use super::scan::{Token, tokens};
use std::borrow::Cow;

/// A page with its nesting bounded.
pub struct Bounded<'a> {
    /// The page, without the tags nested deeper than the limit.
    pub html: Cow<'a, str>,
    /// How many start tags were dropped.
    pub dropped: usize,
    /// The sum over elements of their depth: what walking every element's descendants costs.
    pub work: u64,
}

/// Elements that never hold anything.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Start tags that end an open paragraph.
const ENDS_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];

/// Elements an implied end never reaches past.
const SCOPE: &[&str] = &[
    "applet", "button", "caption", "html", "marquee", "object", "table", "td", "template", "th",
];

fn is(list: &[&str], name: &str) -> bool {
    list.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Ends the open elements a start tag of `name` implies the end of, as html5ever does.
fn imply_ends(open: &mut Vec<&str>, foreign: &mut usize, name: &str) {
    let eq = |n: &str| name.eq_ignore_ascii_case(n);
    const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];
    if eq("li") {
        close_nearest(open, foreign, &["li"], &["ol", "ul"]);
    } else if eq("dd") || eq("dt") {
        close_nearest(open, foreign, &["dd", "dt"], &["dl"]);
    } else if eq("tr") {
        close_nearest(open, foreign, &["tr"], &["tbody", "thead", "tfoot"]);
    } else if eq("td") || eq("th") {
        close_nearest(open, foreign, &["td", "th"], &["tr"]);
    } else if eq("option") || eq("optgroup") {
        close_nearest(open, foreign, &["option"], &["select"]);
    } else if eq("a") || eq("button") || eq("nobr") {
        close_nearest(open, foreign, &[name], &[]);
    }
    if eq("li") || eq("dd") || eq("dt") || is(ENDS_P, name) {
        close_nearest(open, foreign, &["p"], &[]);
    }
    if is(HEADINGS, name) && open.last().is_some_and(|n| is(HEADINGS, n)) {
        let last = open.len() - 1;
        pop_to(open, foreign, last);
    }
}

/// `html` with the tags nested deeper than `max` dropped, and the work its tree costs.
pub fn bound_nesting(html: &str, max: usize) -> Bounded<'_> {
    let mut open: Vec<&str> = Vec::new();
    let mut foreign = 0usize;
    // Dropped start tags still open, by name: their end tags go too. They are deeper than
    // anything open, so an end tag closes one of them first.
    let mut dropped_open: Vec<(&str, usize)> = Vec::new();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut dropped = 0;
    let mut work = 0u64;
    let mut it = tokens(html);
    loop {
        let at = it.offset();
        let Some(t) = it.next() else { break };
        let end = it.offset();
        let mut drop = false;
        match t {
            Token::Start {
                name, self_closing, ..
            } => {
                imply_ends(&mut open, &mut foreign, name);
                let opens = !(is(VOID, name) || self_closing && foreign > 0);
                if opens && open.len() >= max {
                    drop = true;
                    match dropped_open
                        .iter_mut()
                        .find(|(n, _)| n.eq_ignore_ascii_case(name))
                    {
                        Some((_, k)) => *k += 1,
                        None => dropped_open.push((name, 1)),
                    }
                } else if opens {
                    open.push(name);
                    if is(&["svg", "math"], name) {
                        foreign += 1;
                    }
                    work += open.len() as u64;
                }
            }
            Token::End { name, .. } => {
                if let Some((_, k)) = dropped_open
                    .iter_mut()
                    .find(|(n, k)| *k > 0 && n.eq_ignore_ascii_case(name))
                {
                    *k -= 1;
                    drop = true;
                } else if let Some(i) = open.iter().rposition(|n| n.eq_ignore_ascii_case(name)) {
                    pop_to(&mut open, &mut foreign, i);
                }
            }
            _ => {}
        }
        if drop {
            dropped += 1;
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..at]);
            copied = end;
        }
    }
    let html = match out {
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(html),
    };
    Bounded {
        html,
        dropped,
        work,
    }
}

/// Closes the nearest open element named in `names`, unless `stop` or a scope boundary comes
/// first.
fn close_nearest(open: &mut Vec<&str>, foreign: &mut usize, names: &[&str], stop: &[&str]) {
    for i in (0..open.len()).rev() {
        if is(names, open[i]) {
            pop_to(open, foreign, i);
            return;
        }
        if is(stop, open[i]) || is(SCOPE, open[i]) {
            return;
        }
    }
}

fn pop_to(open: &mut Vec<&str>, foreign: &mut usize, i: usize) {
    *foreign -= open[i..].iter().filter(|n| is(&["svg", "math"], n)).count();
    open.truncate(i);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched() {
        let page = "<!DOCTYPE html><html><body><ul><li>a<li>b</ul><p>x<p>y<div/><br><img src=x></body></html>";
        let b = bound_nesting(page, 4);
        assert!(matches!(b.html, Cow::Borrowed(_)));
        assert_eq!(b.dropped, 0);
    }

    #[test]
    fn deep_tags_go_their_text_stays() {
        let page = format!("<body>{}x{}", "<span>".repeat(10), "</span>".repeat(10));
        let b = bound_nesting(&page, 4);
        assert_eq!(b.dropped, 14);
        assert_eq!(b.html, "<body><span><span><span>x</span></span></span>");
        // Unclosed, and written self-closing: html5ever nests both.
        let divs = "<div/>".repeat(10);
        let b = bound_nesting(&divs, 3);
        assert_eq!((b.dropped, b.html.as_ref()), (7, "<div/><div/><div/>"));
        let svg = format!("<svg>{}</svg>", "<path/>".repeat(10));
        assert_eq!(bound_nesting(&svg, 3).dropped, 0);
    }

    #[test]
    fn work_is_the_sum_of_depths() {
        assert_eq!(
            bound_nesting("<div><div><div></div></div></div>", 10).work,
            6
        );
        assert_eq!(bound_nesting("<p>a<p>b<p>c", 10).work, 3);
    }
}
