//! One post's metadata and text: the head (title, byline, date lines, an author's name, a
//! credited original, captions) is read as metadata; the body is kept as the item's text less
//! inline links, credit lines, related-link lists and learned boilerplate.

use super::layout::Layout;
use super::lines::{Line, ends_sentence, fold_space, is_body, is_title_like};
use super::shapes;
use crate::byline::is_person_name;
use crate::credit::{FOOT_LINES, LineCredit, Place, line_credit};
use crate::dates;
use crate::item::ItemMeta;
use crate::vocab::Span;
use chrono::NaiveDate;

/// A post as segmented: where it stands in the text, the verbatim pieces its text is made of,
/// and its metadata.
#[derive(Debug, Clone)]
pub struct Post {
    /// The post's byte range in the segmented text, boilerplate around it excluded.
    pub range: Span,
    /// Byte ranges of the text kept as the item's text, in order.
    pub runs: Vec<Span>,
    pub meta: ItemMeta,
}

impl Post {
    /// The item text: the runs joined by blank lines.
    pub fn text(&self, src: &str) -> String {
        let mut out = String::with_capacity(self.runs.iter().map(|r| r.len() + 2).sum());
        for r in &self.runs {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&src[r.range()]);
        }
        out
    }
}

/// Reads one post from its lines; None when nothing in them is an item's text (a page header,
/// a stray link list).
pub fn read_post(
    src: &str,
    lines: &[Line],
    day: Option<NaiveDate>,
    layout: &Layout,
) -> Option<Post> {
    let nb: Vec<Line> = lines.iter().filter(|l| !l.is_blank()).copied().collect();
    let first = nb.first()?;
    let range = Span::new(first.start, nb.last()?.end);
    let mut keep = vec![true; nb.len()];
    let mut meta = ItemMeta::default();
    let mut head_date: Option<NaiveDate> = None;
    let mut byline_date: Option<NaiveDate> = None;
    // What the previous head line was, so that a date line and an outlet line next to each
    // other read as the credited original's date.
    let mut prev_date: Option<NaiveDate> = None;
    let mut prev_credit = false;
    // The short line just above, when it was taken for a caption: a byline under it makes it
    // the title (the line taken for the title was a page header).
    let mut prev_caption: Option<String> = None;

    let mut i = 0;
    while i < nb.len() && i < 12 {
        let l = nb[i];
        let t = l.plain(src);
        let w = l.words;
        let title_first = meta.title.is_none() && w <= 20 && !t.ends_with('.');
        if is_body(t, w) && !title_first {
            break;
        }
        let mut date_now = None;
        let mut credit_now = false;
        let mut caption_now = None;
        let mut byline_now = false;
        if layout.is_boilerplate(l.key)
            || shapes::caption(t)
            || shapes::trailer_heading(t, w)
            || shapes::also_read(t, w)
        {
        } else if let Some((_, rest)) = (layout.numbered && i == 0)
            .then(|| shapes::post_number(t))
            .flatten()
        {
            if !rest.is_empty() {
                meta.title = Some(fold_space(rest));
            }
        } else if let Some(d) = (w <= 10).then(|| dates::date_line(t)).flatten() {
            if prev_credit {
                if let Some(c) = meta.credits.last_mut().filter(|c| c.date.is_none()) {
                    c.date = Some(d);
                }
            } else {
                date_now = Some(d);
                head_date.get_or_insert(d);
            }
        } else if let Some(b) = shapes::byline(t, w) {
            set_byline(&mut meta, &b.name);
            byline_date = byline_date.or(b.date);
            byline_now = true;
        } else if let Some((d, name)) = (w <= 10).then(|| date_and_name(t)).flatten() {
            set_byline(&mut meta, &name);
            byline_date = byline_date.or(Some(d));
            byline_now = true;
        } else if let Some(c) = line_credit(t, w, Place::Line) {
            add_credit(&mut meta, c, prev_date);
            credit_now = true;
        } else if let Some(o) = (meta.title.is_some() && w <= 10)
            .then(|| crate::outlets::lookup(&fold_space(t)))
            .flatten()
        {
            // An outlet printed alone under the title and date: the original's.
            crate::credit::push(&mut meta, o.name, fold_space(t), prev_date);
            credit_now = true;
        } else if meta.title.is_none() && is_title_like(t, w) {
            meta.title = Some(fold_space(t));
        } else if meta.title.as_deref() == Some(fold_space(t).as_str()) {
        } else if w <= 5 && !ends_sentence(t) && is_person_name(&fold_space(t)) {
            let name = fold_space(t);
            if meta.byline.is_none() {
                meta.byline = Some(name.clone());
            }
            if !meta.authors.contains(&name) {
                meta.authors.push(name);
            }
        } else if w <= 15 && !ends_sentence(t) {
            // A short unpunctuated line between the head and the text: an image caption.
            caption_now = Some(fold_space(t));
        } else {
            break;
        }
        if byline_now && let Some(c) = prev_caption.take() {
            meta.title = Some(c);
        }
        prev_caption = caption_now;
        if credit_now && prev_date.is_some() {
            // The date above an outlet line is the original's, not this copy's.
            if head_date == prev_date {
                head_date = None;
            }
        }
        prev_date = date_now;
        prev_credit = credit_now;
        keep[i] = false;
        i += 1;
    }

    let mut trailer = false;
    let mut footer_date = None;
    for j in i..nb.len() {
        let l = nb[j];
        let t = l.plain(src);
        let w = l.words;
        let body = is_body(t, w);
        let place = if j + 1 == nb.len() {
            Place::Last
        } else if j + FOOT_LINES >= nb.len() {
            Place::Foot
        } else {
            Place::Line
        };
        if let Some(c) = line_credit(t, w, place) {
            add_credit(&mut meta, c, None);
            keep[j] = false;
        } else if layout.is_boilerplate(l.key) || shapes::trailer_heading(t, w) {
            trailer = true;
            keep[j] = false;
        } else if (trailer && !body) || shapes::also_read(t, w) || shapes::caption(t) {
            keep[j] = false;
        } else if let Some(b) = (w <= 16).then(|| shapes::byline(t, w)).flatten() {
            if meta.byline.is_none() {
                set_byline(&mut meta, &b.name);
            }
            footer_date = footer_date.or(b.date);
            keep[j] = false;
        } else {
            trailer = false;
        }
    }
    // A list of links after the last sentence: short unpunctuated lines.
    let last_body = (0..nb.len())
        .rev()
        .find(|&j| keep[j] && is_body(nb[j].plain(src), nb[j].words));
    if let Some(lb) = last_body {
        for j in (lb + 1..nb.len()).rev() {
            let t = nb[j].plain(src);
            if !keep[j] {
                continue;
            }
            if nb[j].words > 20 || ends_sentence(t) {
                break;
            }
            keep[j] = false;
        }
    }

    let mut runs: Vec<Span> = Vec::new();
    let mut open = false;
    for (j, l) in nb.iter().enumerate() {
        if !keep[j] {
            open = false;
            continue;
        }
        match runs.last_mut() {
            Some(r) if open => r.end = l.end,
            _ => runs.push(Span::new(l.start, l.end)),
        }
        open = true;
    }
    let has_body = nb
        .iter()
        .enumerate()
        .any(|(j, l)| keep[j] && is_body(l.plain(src), l.words));
    if runs.is_empty() || !(has_body || meta.title.is_some()) {
        return None;
    }
    meta.dateline = shapes::dateline(&src[runs[0].range()]);
    meta.published = byline_date.or(head_date).or(footer_date).or(day);
    // The language is read off the item's text with every other reader's (`read::read_input`).
    Some(Post { range, runs, meta })
}

/// A date and a name on one line: "March 3, 2021 | Jane Roe", "Jane Roe, 3 March 2021".
fn date_and_name(t: &str) -> Option<(NaiveDate, String)> {
    let (d, r) = dates::find_date(t)?;
    let seps = ['|', ',', '-', '–', '—', '·', '/', ' '];
    let before = t[..r.start].trim_matches(seps);
    let after = t[r.end..].trim_matches(seps);
    let name = match (before.is_empty(), after.is_empty()) {
        (true, false) => after,
        (false, true) => before,
        _ => return None,
    };
    let name = fold_space(name.strip_prefix("by ").unwrap_or(name));
    is_person_name(&name).then_some((d, name))
}

fn set_byline(meta: &mut ItemMeta, name: &str) {
    meta.byline = Some(name.to_string());
    let parts: Vec<&str> = name
        .split([',', '&', '،', ';'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // "Staff, Valley Post": a desk credit, whatever the other parts look like.
    let desk = parts
        .iter()
        .any(|p| !is_person_name(p) && crate::outlets::lookup(p).is_none());
    if desk && parts.len() > 1 {
        return;
    }
    for p in parts {
        if is_person_name(p) && !meta.authors.iter().any(|a| a == p) {
            meta.authors.push(p.to_string());
        }
    }
}

/// Adds the outlets a credit line names; a URL it names also goes to `source_urls`.
fn add_credit(meta: &mut ItemMeta, c: LineCredit, date: Option<NaiveDate>) {
    if let Some(u) = c.url {
        meta.source_urls.push(u);
    }
    for o in c.outlets {
        crate::credit::push(meta, o, c.evidence.clone(), date);
    }
}
