//! Splitting a dump into posts in one pass, keeping only the current post's lines: at learned
//! separators, at a date header after a post's text (a new day), and where the layout says posts
//! start (a byline under a title, a post number) or end (a byline after the text).

use super::layout::{BylineAt, Layout};
use super::lines::{Line, Lines, is_body, is_title_like};
use super::shapes;
use crate::credit::Place;
use crate::dates;
use chrono::NaiveDate;

/// Calls `post` with the non-blank lines of each post and the date of the day header above
/// it: first the lines already measured while learning, then those of `src[rest..]`.
pub fn split(
    src: &str,
    learned: Vec<Line>,
    rest: usize,
    layout: &Layout,
    mut post: impl FnMut(&[Line], Option<NaiveDate>),
) {
    let mut buf: Vec<Line> = Vec::new();
    let mut has_body = false;
    let mut day: Option<NaiveDate> = None;
    let mut flush = |buf: &mut Vec<Line>, day: Option<NaiveDate>| {
        if buf.iter().any(|l| !l.is_blank()) {
            post(buf, day);
        }
        buf.clear();
    };
    for line in learned.into_iter().chain(Lines::new(src, rest)) {
        if line.is_blank() {
            continue;
        }
        if layout.separators.contains(&line.key) {
            flush(&mut buf, day);
            has_body = false;
            continue;
        }
        let t = line.plain(src);
        if line.words <= 10
            && has_digit(t)
            && let Some(d) = dates::date_line(t)
        {
            if buf.iter().all(|l| l.is_blank()) {
                buf.clear();
                day = Some(d);
                continue;
            }
            if has_body {
                flush(&mut buf, day);
                has_body = false;
                day = Some(d);
                continue;
            }
        }
        if layout.numbered && starts_numbered(t, line.words) {
            flush(&mut buf, day);
            has_body = false;
        } else if has_body
            && layout.bylines == Some(BylineAt::Head)
            && shapes::byline(t, line.words).is_some()
        {
            let head = title_block(src, &buf, layout);
            let next: Vec<Line> = buf.drain(head..).collect();
            flush(&mut buf, day);
            buf = next;
            has_body = false;
        }
        buf.push(line);
        if is_body(t, line.words) {
            has_body = true;
        }
        if has_body
            && ((layout.bylines == Some(BylineAt::Foot) && shapes::byline(t, line.words).is_some())
                || (layout.credit_ends_post
                    && crate::credit::line_credit(t, line.words, Place::Line).is_some()))
        {
            flush(&mut buf, day);
            has_body = false;
        }
    }
    flush(&mut buf, day);
}

fn has_digit(t: &str) -> bool {
    // ASCII digits, or the lead byte of Arabic-Indic (U+0660..) and Extended (U+06F0..) digits.
    t.bytes()
        .any(|b| b.is_ascii_digit() || b == 0xD9 || b == 0xDB)
}

fn starts_numbered(t: &str, words: u32) -> bool {
    !is_body(t, words) && shapes::post_number(t).is_some()
}

/// Where the title block above a byline starts in `buf`: the last few short lines after the
/// previous post's text (a title, the title printed twice, a date line, a post number).
fn title_block(src: &str, buf: &[Line], layout: &Layout) -> usize {
    let mut start = buf.len();
    let mut taken = 0;
    for (i, l) in buf.iter().enumerate().rev() {
        if l.is_blank() {
            continue;
        }
        let t = l.plain(src);
        if taken == 3
            || is_body(t, l.words)
            || !is_title_like(t, l.words)
            || layout.is_boilerplate(l.key)
            || crate::credit::line_credit(t, l.words, Place::Line).is_some()
            || shapes::trailer_heading(t, l.words)
            || shapes::also_read(t, l.words)
        {
            break;
        }
        start = i;
        taken += 1;
    }
    start
}
