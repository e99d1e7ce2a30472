//! A quotation attributed by the words right after it whose verb no list holds: "“...,” Hannity
//! pressed.", "“...,” it read.", "“...,” mused Stu Vane.", "“... .” Vorn said." (a quotation
//! ending with a stop, the sentence after it only subject and verb). News copy closes a quotation
//! this way for any verb of speaking, so the shape, not the verb, is the cue.

use super::lexicon::{
    AFTER_QUOTE_CUE, NOT_SPEECH_VERBS, PERSON_PRONOUNS, SPEECH_PARTICLES, SPEECH_PASTS_IRREGULAR,
};
use super::subject::{SubjKind, Subject, determiner_kind};
use super::tokens::{Para, Quote, low, lower_ascii};
use super::words::is_cap;
use crate::extract::words::Words;

/// A lowercase word that reads as the past or present of a verb of speaking.
fn verb_like(text: &str, p: &Para, i: usize) -> bool {
    if !p.is_word(i) || is_cap(text, p, i) {
        return false;
    }
    let w = p.word(text, i);
    if !w.is_ascii() || w.len() < 3 || w.len() > 14 {
        return false;
    }
    let mut buf = [0u8; 24];
    let l = lower_ascii(w, &mut buf);
    if NOT_SPEECH_VERBS.contains(l) || l.ends_with("ss") || l.ends_with("us") {
        return false;
    }
    l.ends_with("ed") || l.ends_with('s') || SPEECH_PASTS_IRREGULAR.contains(l)
}

/// Token after the verb at `v` (and its particle): where the cue ends, when what follows is the
/// sentence's end, a comma or the circumstances. `strict`: only the end.
fn cue_end(text: &str, p: &Para, v: usize, se: usize, strict: bool) -> Option<usize> {
    let mut buf = [0u8; 24];
    // "went on.", "shot back at ...", but "fumed on Tuesday": the particle where it ends the cue.
    if v < se
        && SPEECH_PARTICLES.contains(low(text, p, v + 1, &mut buf))
        && let Some(e) = ends_cue(text, p, v + 1, se, strict)
    {
        return Some(e);
    }
    ends_cue(text, p, v, se, strict)
}

fn ends_cue(text: &str, p: &Para, e: usize, se: usize, strict: bool) -> Option<usize> {
    let mut buf = [0u8; 24];
    if e >= se {
        return Some(e);
    }
    let n = e + 1;
    // "He answered, “...”": a verb that introduces the next quotation is that one's cue.
    if (p.is_punct(n, ',') || p.is_punct(n, ':')) && super::words::is_open(p, n + 1) {
        return None;
    }
    let ok = (n == se && !p.is_word(n))
        || p.is_punct(n, '.')
        || (!strict && (p.is_punct(n, ',') || AFTER_QUOTE_CUE.contains(low(text, p, n, &mut buf))));
    ok.then_some(e)
}

/// The subject and cue tokens (first, last) attributing quotation `q` from right after it.
pub(crate) fn find(text: &str, p: &Para, q: &Quote) -> Option<(Subject, (usize, usize))> {
    if !q.closed {
        return None;
    }
    let inner = text[q.inner.range()].trim_end();
    let mut j = q.close_tok + 1;
    let comma_after = p.is_punct(j, ',');
    if comma_after {
        j += 1;
    }
    let open_ended = comma_after
        || inner.ends_with([',', '?', '!', '—', '–', '…', '-'])
        || inner.ends_with("--");
    if !open_ended && !inner.ends_with('.') {
        return None;
    }
    // After a stop only a sentence of subject and verb ("“... .” Vorn said.") is a cue.
    let strict = !open_ended;
    if j >= p.toks.len() || p.toks[j].quote.is_some() {
        return None;
    }
    let se = p.sentence_end(j);
    let mut buf = [0u8; 24];
    // "“...,” it read." — a document's words.
    if low(text, p, j, &mut buf) == "it" && verb_like(text, p, j + 1) {
        let e = cue_end(text, p, j + 1, se, strict)?;
        let s = Subject {
            start: j,
            end: j,
            lead: j,
            kind: SubjKind::Group,
            name: None,
            roles: Vec::new(),
        };
        return Some((s, (j + 1, e)));
    }
    // "“...,” mused Stu Vane." — the verb first.
    if verb_like(text, p, j) && !strict {
        let s = Words { text, p }.subject_after(j)?;
        let first = low(text, p, s.start, &mut buf).to_string();
        if is_cap(text, p, s.start)
            || PERSON_PRONOUNS.contains(first.as_str())
            || determiner_kind(first.as_str()).is_some()
        {
            let after = s.end + 1;
            let closes = after > se
                || !p.is_word(after)
                || AFTER_QUOTE_CUE.contains(low(text, p, after, &mut buf))
                || matches!(low(text, p, after, &mut buf), "who" | "that" | "which");
            if closes {
                let e = if SPEECH_PARTICLES.contains(low(text, p, j + 1, &mut buf)) {
                    j + 1
                } else {
                    j
                };
                return Some((s, (j, e)));
            }
        }
        return None;
    }
    // "“...,” Hannity pressed.", "“...,” the statement read." — subject, then verb.
    // The first word that reads as a verb after a subject that starts right after the
    // quotation is the cue ("some protesters chanted": not "protesters"; "the video pans
    // around images": not "images").
    for v in j + 1..=se.min(j + 8) {
        if p.toks[v].quote.is_some() || !verb_like(text, p, v) {
            continue;
        }
        let Some(s) = Words { text, p }.subject_before(v, j) else {
            continue;
        };
        if s.lead != j || s.end + 1 != v {
            continue;
        }
        return cue_end(text, p, v, se, strict).map(|e| (s, (v, e)));
    }
    None
}
