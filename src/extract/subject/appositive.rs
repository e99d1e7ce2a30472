//! The subject before a comma, with an appositive: "X, the head of ..., said", "the head of
//! ..., X, said", "X, 45, the head of ..., said"; and the phrase that opens the sentence before
//! its first comma ("Stone, 29, of Huntsville, says ...", "Several candidates, including Vorn,
//! said ...").

use super::{SubjKind, Subject};
use crate::extract::lexicon::{NOT_DESCRIPTORS, NOT_NAME_ADVERBS};
use crate::extract::tokens::Kind;
use crate::extract::words::{Words, is_cap, is_close, lower};

impl Words<'_> {
    /// "X, the head of ..., said" / "the head of ..., X, said": the subject before a comma.
    pub(super) fn appositive_subject(&self, comma: usize, floor: usize) -> Option<Subject> {
        let (text, p) = (self.text, self.p);
        // The comma-separated segments before the verb, nearest first: token ranges.
        let mut segs: Vec<(usize, usize)> = Vec::new();
        let mut end = comma;
        let mut j = comma;
        let mut n = 0;
        // Where the earliest segment starts: the sentence's start or a quotation's end.
        let mut opened = false;
        while segs.len() < 5 {
            if j == floor {
                opened = true;
                break;
            }
            j -= 1;
            n += 1;
            if p.toks[j].quote.is_some() {
                opened = is_close(p, j);
                j += 1;
                break;
            }
            if n > 40 || p.sent_end[j] {
                break;
            }
            if p.is_punct(j, ',') {
                if j + 1 < end {
                    segs.push((j + 1, end - 1));
                }
                end = j;
            }
        }
        if opened && j < end && segs.len() < 5 {
            segs.push((j, end - 1));
        }
        if segs.is_empty() {
            return None;
        }
        // "Clinton, during a town hall in Columbus, Ohio, said", "the head of the mission,
        // Vasily Nebenzia, said": the earliest segment that is a whole name is the speaker.
        if let Some((idx, mut s)) = segs
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, &(a, b))| self.whole_name(a, b).map(|s| (i, s)))
        {
            if idx > 0 {
                let (ra, rb) = segs[idx - 1];
                self.push_appositive_role(&mut s, ra, rb);
            }
            return Some(s);
        }
        // "X, 45, the head of ..., said": the name before the first comma.
        let (seg_start, seg_end) = segs[0];
        let before = seg_start.checked_sub(2)?;
        if before >= floor && is_cap(text, p, before) {
            let mut s = self.name_subject(before, floor)?;
            self.push_appositive_role(&mut s, seg_start, seg_end);
            return Some(s);
        }
        None
    }

    /// A person's name that fills tokens `a..=b` ("Sen. Ilka Vorn (D-Ohio)"), not opened by a word
    /// that starts an adverbial ("In Washington").
    fn whole_name(&self, a: usize, b: usize) -> Option<Subject> {
        let (text, p) = (self.text, self.p);
        let mut e = b;
        if p.is_punct(e, ')')
            && let Some(o) = (a..e).rev().find(|&i| p.is_punct(i, '('))
            && o > a
        {
            e = o - 1;
        }
        if !is_cap(text, p, e) {
            return None;
        }
        let first = lower(text, p, a, &mut [0u8; 24]).to_string();
        if NOT_DESCRIPTORS.contains(first.as_str()) || NOT_NAME_ADVERBS.contains(first.as_str()) {
            return None;
        }
        let mut s = self.name_subject(e, a)?;
        if s.start != a || s.kind != SubjKind::Name {
            return None;
        }
        s.lead = s.start;
        s.end = b;
        Some(s)
    }

    /// The appositive after a name ("Sergey Lavrov, Russia's foreign minister, said") as a role.
    fn push_appositive_role(&self, s: &mut Subject, a: usize, b: usize) {
        let (text, p) = (self.text, self.p);
        let first = lower(text, p, a, &mut [0u8; 24]).to_string();
        if NOT_DESCRIPTORS.contains(first.as_str()) {
            return;
        }
        let role = text[p.toks[a].s..p.toks[b].e].trim();
        let role = role
            .strip_prefix("the ")
            .or_else(|| role.strip_prefix("a "))
            .unwrap_or(role);
        if !role.is_empty() && !role.chars().all(|c| c.is_ascii_digit()) && role.len() < 120 {
            s.roles.push(role.to_string());
        }
    }
}

impl Words<'_> {
    /// "Stone, 29, of Huntsville, Ala., says ...", "Several candidates, including Vorn, said
    /// ...": the phrase opening the sentence, before its first comma.
    pub(crate) fn opening_phrase(&self, ss: usize, v: usize) -> Option<Subject> {
        let p = self.p;
        let c1 = (ss..v).find(|&k| {
            p.toks[k].quote.is_none()
                && matches!(p.toks[k].kind, Kind::Punct(',' | '—' | '–' | '-' | '('))
        })?;
        if c1 == ss || c1 > ss + 6 || (ss..c1).any(|k| !p.is_word(k)) {
            return None;
        }
        if !is_cap(self.text, p, ss) {
            return None;
        }
        let e = c1 - 1;
        let named = is_cap(self.text, p, e)
            .then(|| self.name_subject(e, ss))
            .flatten()
            .filter(|s| matches!(s.kind, SubjKind::Name | SubjKind::Org) && s.name.is_some());
        Some(match named {
            Some(s) => Subject { lead: s.start, ..s },
            None => Subject::group(ss, e),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Sample, SubjKind};

    #[test]
    fn a_name_before_its_appositive_takes_it_as_a_role() {
        let s =
            Sample::new("Sergey Varlov, Borealia’s foreign minister, said the bridge would open.");
        let subj = s.words().subject_before(s.tok("said"), 0).unwrap();
        assert_eq!(subj.name.as_deref(), Some("Sergey Varlov"));
        assert_eq!(subj.roles, vec!["Borealia’s foreign minister".to_string()]);
        // The mention's lead reaches back to the name, before the appositive.
        assert_eq!(subj.lead, 0);
    }

    #[test]
    fn a_name_after_a_description_is_the_speaker() {
        let s = Sample::new("The head of the mission, Vasily Nebenko, said the bridge would open.");
        let subj = s.words().subject_before(s.tok("said"), 0).unwrap();
        assert_eq!(s.show(&subj).0, "Vasily Nebenko");
        assert_eq!(subj.kind, SubjKind::Name);
    }

    #[test]
    fn the_phrase_opening_the_sentence_before_its_first_comma() {
        let s = Sample::new("Stone, 29, of Huntsville, says the bridge will open.");
        let subj = s.words().opening_phrase(0, s.tok("says")).unwrap();
        assert_eq!(
            s.show(&subj),
            ("Stone".into(), SubjKind::Name, Some("Stone".into()))
        );
        let s = Sample::new("Several candidates, including Vorn, said the bridge will open.");
        let subj = s.words().opening_phrase(0, s.tok("said")).unwrap();
        assert_eq!(
            s.show(&subj),
            ("Several candidates".into(), SubjKind::Group, None)
        );
    }
}
