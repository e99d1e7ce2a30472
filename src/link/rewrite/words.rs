//! An item's words and sentences as the rewrite stage compares them.
//!
//! The words are `normalise::tokens` put back together (its pieces of Arabic-script words joined
//! into the word), keyed by their folded letters, with what writers and keyboards vary folded
//! away where it decides a match:
//!
//! - Latin-script words compare by their first six letters, a stem that `behaviour` and
//!   `behavior`, `attack` and `attacked` share (rewriting changes endings as often as words);
//! - digits glued to a word are a word of their own (`جولائی2014` is `جولائی 2014`), and the
//!   letter that marks a year after its four digits is dropped (`2014ء`, Arabic `2014م`);
//! - an Arabic-script word also carries the key of itself run together with the next word:
//!   Urdu typists leave out or put in spaces inside compounds (`تشویش ناک` / `تشویشناک`) and
//!   compound verbs, where the yeh barree of a word's end becomes a yeh inside the joined word
//!   (`دے دی` / `دیدی`; the two yehs fold to one letter), so a word written apart in one text and
//!   joined in the other still matches.
//!
//! Sentences end at a full stop, question or exclamation mark (Urdu and Arabic ones too) or a
//! paragraph break; a run of under four words (an abbreviation's full stop, a short headline)
//! joins the next, and a sentence longer than 60 words is cut.

use super::super::normalise::{folded_letters, unhashed_tokens};

/// One word: where it stands, its key, its key run together with the next word (0 when the two
/// are not Arabic-script letters), and whether it stands inside quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: u32,
    pub end: u32,
    pub key: u64,
    pub joined: u64,
    pub quoted: bool,
}

/// A sentence: its byte range and its words, `words.0..words.1` of the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub words: (u32, u32),
}

/// The words and sentences of one text.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    pub words: Vec<Word>,
    pub sentences: Vec<Sentence>,
}

/// Letters of a Latin-script (or any non-Arabic) word that its key keeps.
const STEM: usize = 6;
/// Words a sentence needs before a full stop ends it.
const MIN_SENTENCE: usize = 4;
/// Words after which a sentence is cut even without a full stop.
const MAX_SENTENCE: usize = 60;

/// A polynomial hash of a string of letters, so that the key of two words run together follows
/// from the keys of each: `key(xy) = key(x) * pow(y) + key(y)`.
#[derive(Debug, Clone, Copy)]
struct Poly {
    h: u64,
    pow: u64,
    len: usize,
}

const BASE: u64 = 0x0000_0100_0000_01B3;

impl Poly {
    const EMPTY: Poly = Poly {
        h: 0,
        pow: 1,
        len: 0,
    };

    fn push(&mut self, c: char) {
        self.h = self.h.wrapping_mul(BASE).wrapping_add(u64::from(c) + 1);
        self.pow = self.pow.wrapping_mul(BASE);
        self.len += 1;
    }

    fn then(self, next: Poly) -> u64 {
        self.h.wrapping_mul(next.pow).wrapping_add(next.h)
    }
}

/// One key-bearing run of a word: letters or digits.
#[derive(Debug, Clone, Copy)]
struct Unit {
    poly: Poly,
    digits: bool,
    arabic: bool,
}

/// The units of one word: runs of letters and of digits, Latin letters cut to their stem.
fn units(word: &str, out: &mut Vec<Unit>) {
    if word.is_ascii() {
        ascii_units(word.as_bytes(), out);
        return;
    }
    let mut cur: Option<Unit> = None;
    let letter = |c: char| {
        let digits = c.is_ascii_digit();
        let arabic = crate::vocab::chars::is_arabic_script(c);
        match cur.as_mut() {
            Some(u) if u.digits == digits => {
                u.arabic |= arabic;
                if u.arabic || digits || u.poly.len < STEM {
                    u.poly.push(c);
                }
            }
            _ => {
                out.extend(cur.take());
                let mut poly = Poly::EMPTY;
                poly.push(c);
                cur = Some(Unit {
                    poly,
                    digits,
                    arabic,
                });
            }
        }
    };
    folded_letters(word, letter);
    out.extend(cur);
}

/// [`units`] of an ASCII word, most words: its folded letters are its letters and digits,
/// lowercase (what `folded_letters` gives them), none in Arabic script. Read byte by byte, each
/// run of letters or of digits one unit.
fn ascii_units(word: &[u8], out: &mut Vec<Unit>) {
    let mut i = 0;
    while i < word.len() {
        if !word[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let digits = word[i].is_ascii_digit();
        let mut poly = Poly::EMPTY;
        while i < word.len() {
            let b = word[i];
            if b.is_ascii_alphanumeric() {
                if b.is_ascii_digit() != digits {
                    break;
                }
                if digits || poly.len < STEM {
                    poly.push(char::from(b.to_ascii_lowercase()));
                }
            }
            i += 1;
        }
        out.push(Unit {
            poly,
            digits,
            arabic: false,
        });
    }
}

/// Whether a unit is the letter that marks a year after its digits (`2014ء`, `2014م`, `1435ه`).
fn year_mark(u: &Unit, prev: Option<&Unit>) -> bool {
    // The key of one letter is the letter plus one (`Poly::push` on an empty key).
    let mark = ['\u{0621}', '\u{0645}', '\u{0647}'].map(|c| u64::from(c) + 1);
    u.poly.len == 1 && mark.contains(&u.poly.h) && prev.is_some_and(|p| p.digits && p.poly.len == 4)
}

/// Whether the gap between two words ends a sentence, and whether it breaks a paragraph.
fn sentence_end(gap: &str) -> (bool, bool) {
    // Most gaps are one space or one comma and a space: no need to search them.
    if matches!(gap.as_bytes(), b" " | b", ") {
        return (false, false);
    }
    let para = gap.matches('\n').count() >= 2 || gap.contains('\u{2029}');
    let mark = gap.contains(['!', '?', '\u{06D4}', '\u{061F}', '\u{2026}'])
        || (gap.contains('.') && gap.contains(char::is_whitespace));
    (mark || para, para)
}

/// Each word of `text` in order (its pieces joined): its byte range, whether it stands inside
/// quotation marks, and its units that carry a key (a year's mark after its digits left out).
fn each_word(text: &str, mut f: impl FnMut(usize, usize, bool, &[Unit])) {
    let toks = unhashed_tokens(text);
    let mut units_of: Vec<Unit> = Vec::with_capacity(4);
    // The last unit kept, of this word or one before.
    let mut last: Option<Unit> = None;
    let mut i = 0;
    while i < toks.len() {
        // A word: its first piece and the pieces that continue it.
        let first = toks[i];
        let mut j = i + 1;
        while j < toks.len() && !toks[j].word {
            j += 1;
        }
        let (start, end) = (first.start, toks[j - 1].end);
        units_of.clear();
        units(&text[start..end], &mut units_of);
        units_of.retain(|u| {
            let keep = !year_mark(u, last.as_ref());
            if keep {
                last = Some(*u);
            }
            keep
        });
        f(start, end, first.quoted, &units_of);
        i = j;
    }
}

/// The keys of the words of `text`, in order: those of [`profile`]'s words, without finding
/// its sentences (what the rewrite candidates count).
pub fn keys(text: &str) -> Vec<u64> {
    // Room for a word every four bytes, so that a text's keys are seldom moved to grow (a
    // grown list leaves holes that raised the stage's peak).
    let mut out = Vec::with_capacity(text.len() / 4);
    each_word(text, |_, _, _, units| {
        out.extend(units.iter().map(|u| u.poly.h));
    });
    out
}

/// The words and sentences of `text`.
pub fn profile(text: &str) -> Profile {
    let mut words: Vec<Word> = Vec::with_capacity(text.len() / 6);
    let mut last: Option<Unit> = None;
    let mut sentences = Vec::new();
    let mut s_start = 0usize;
    let mut s_byte = None::<usize>;
    each_word(text, |start, end, quoted, units| {
        if let Some(prev) = words.last()
            && s_start < words.len()
        {
            let (ends, para) = sentence_end(&text[prev.end as usize..start]);
            let n = words.len() - s_start;
            if (ends && (n >= MIN_SENTENCE || para)) || n >= MAX_SENTENCE {
                sentences.push(Sentence {
                    start: s_byte.unwrap_or(0),
                    end: prev.end as usize,
                    words: (s_start as u32, words.len() as u32),
                });
                s_start = words.len();
                s_byte = None;
            }
        }
        for u in units {
            // The previous word run together with this one, when both are Arabic letters.
            if let (Some(w), Some(l)) = (words.last_mut(), last)
                && l.arabic
                && u.arabic
                && !l.digits
                && !u.digits
            {
                w.joined = l.poly.then(u.poly);
            }
            s_byte.get_or_insert(start);
            words.push(Word {
                start: start as u32,
                end: end as u32,
                key: u.poly.h,
                joined: 0,
                quoted,
            });
            last = Some(*u);
        }
    });
    if s_start < words.len() {
        // A short tail ("Yes.", a sign-off) belongs to the sentence before it.
        if words.len() - s_start < MIN_SENTENCE
            && let Some(prev) = sentences.last_mut()
        {
            prev.end = words.last().map_or(prev.end, |w| w.end as usize);
            prev.words.1 = words.len() as u32;
            return Profile { words, sentences };
        }
        sentences.push(Sentence {
            start: s_byte.unwrap_or(0),
            end: words.last().map_or(0, |w| w.end as usize),
            words: (s_start as u32, words.len() as u32),
        });
    }
    Profile { words, sentences }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<u64> {
        profile(s).words.iter().map(|w| w.key).collect()
    }

    /// Whether some word of `a`, or two run together, has the key of the one word `b`.
    fn joined_matches(a: &str, b: &str) -> bool {
        let one = keys(b);
        assert_eq!(one.len(), 1, "{b}");
        profile(a).words.iter().any(|w| w.joined == one[0])
    }

    #[test]
    fn latin_words_compare_by_their_stem() {
        assert_eq!(keys("behaviour attacked"), keys("Behavior attacks"));
        assert_ne!(keys("attack"), keys("attic"));
        assert_eq!(keys("1,500 people"), keys("1 500 People"));
    }

    #[test]
    fn urdu_spellings_that_writers_vary_still_match() {
        // Optional spaces inside compounds and compound verbs, yeh barree inside a joined word.
        assert!(joined_matches("تشویش ناک", "تشویشناک"));
        assert!(joined_matches("دے دی", "دیدی"));
        assert!(joined_matches("کر دیا", "کردیا"));
        assert!(joined_matches("وزیر اعظم", "وزیراعظم"));
        // Digits glued to a word; the year's letter after its digits.
        assert_eq!(keys("جولائی2014"), keys("جولائی 2014"));
        assert_eq!(keys("جولائی 2014ء کو"), keys("جولائی 2014 کو"));
        assert_eq!(keys("۲۰۱۴ء"), keys("2014"));
        // Arabic: the year's mim, and a conjunction written apart or glued.
        assert_eq!(keys("عام 2014م"), keys("عام 2014"));
        assert!(joined_matches("و قال", "وقال"));
        // Only Arabic-script letters run together, and never with digits.
        assert!(
            profile("prime minister")
                .words
                .iter()
                .all(|w| w.joined == 0)
        );
        assert!(profile("جولائی 2014").words.iter().all(|w| w.joined == 0));
    }

    #[test]
    fn keys_are_the_profiles_words_keys() {
        for t in [
            "The council met on Tuesday. It voted 12-3 to close the pier!\n\nMr. Fenn left.",
            "وزیر اعظم نے جولائی 2014ء کو اجلاس کی صدارت کی۔اجلاس میں بجٹ پر بات ہوئی",
            "Café ﬁnal ＡＢＣ 2014م «السلام» “quoted words” here",
        ] {
            assert_eq!(keys(t), keys_of_profile(t), "{t}");
        }
    }

    fn keys_of_profile(s: &str) -> Vec<u64> {
        profile(s).words.iter().map(|w| w.key).collect()
    }

    proptest::proptest! {
        #[test]
        fn ascii_words_read_without_decoding_key_as_decoded(w in "[a-zA-Z0-9]{1,14}") {
            // A combining mark keeps the word one word but sends it through `folded_letters`.
            proptest::prop_assert_eq!(keys(&w), keys(&format!("{w}\u{301}")));
        }

        #[test]
        fn keys_are_the_profiles_words_keys_for_any_text(s in "[a-zA-Z0-9é ب2۔’“\".\n-]{0,80}") {
            proptest::prop_assert_eq!(keys(&s), keys_of_profile(&s));
        }
    }

    #[test]
    fn sentences_end_at_full_stops_and_paragraphs() {
        let t = "The council met on Tuesday. It voted to close the pier!\n\nMr. Fenn left early today. \
                 Prices rose 3.5 percent in May";
        let p = profile(t);
        let s: Vec<&str> = p.sentences.iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(
            s,
            [
                "The council met on Tuesday",
                "It voted to close the pier",
                "Mr. Fenn left early today",
                "Prices rose 3.5 percent in May"
            ]
        );
        let u = "وزیر اعظم نے اجلاس کی صدارت کی۔اجلاس میں بجٹ پر بات ہوئی؟ جی ہاں";
        assert_eq!(profile(u).sentences.len(), 2);
    }
}
