//! Whether a speaker's name names a person or an organisation. A name that fails is no speaker:
//! the claim keeps its attributing mention (`source_span`) but no speaker node, since a wrong
//! speaker is worse than none. The rules, each a shape of the names that are neither:
//!
//! - a place alone ("Israel said", "Cologne is reeling"): a metonym for a government, a city
//!   council or a police force the item does not name; "Cologne Police" and "the Nigerian
//!   government" name one and are kept;
//! - headline type glued to a name: two words in capitals ("ELON MUSK SpaceX", "PM PT"), or a
//!   word printed twice ("UX UX");
//! - a description, not a name: a lowercase word in it that is neither a name particle nor the
//!   head of a body that speaks ("Goldman’s competitors", "Police officers", "Kim’s regime",
//!   "Prince’s own 2007 half-time"; but "NASA officials", "German authorities", "Britain's
//!   Guardian newspaper" are kept); a body's head alone ("Hospital"), followers of a creed
//!   ("Salafists"), a title or role alone ("King", "Chairman"), a lone letter before a word
//!   ("J Alert");
//! - a common word that opens a sentence ("Images show ...", "Using a z-score ...", "Yes, ..."):
//!   one word the item prints in lowercase and never capitalised inside a sentence, see
//!   [`Evidence`].

use super::lexicon::{
    GROUP_NOUNS, NAME_PARTICLES, NOT_NAMES, ORG_HEADS, PLACES, ROLE_NOUNS, TITLE_WORDS,
};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Lowercase heads after a capitalised name that make it a body that speaks ("NASA officials").
const BODY_HEADS: [&str; 7] = [
    "officials",
    "authorities",
    "military",
    "newspaper",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// Whether `name` (as the speaker node would show it) may be a person or an organisation, from
/// its words alone.
pub(crate) fn may_be_person_or_org(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    let Some(&last) = words.last() else {
        return false;
    };
    let lower = name.to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    if PLACES.contains(lower) {
        return false;
    }
    // "North Phyongan", "East Kivu": a region (but "Northern Command" is a body).
    if words.len() == 2
        && matches!(
            lows_first(lower),
            "north" | "south" | "east" | "west" | "northern" | "southern" | "eastern" | "western"
        )
        && !ORG_HEADS.contains(lower.rsplit(' ').next().unwrap_or(""))
    {
        return false;
    }
    // A model or product ("PS4 Pro", "A380"), or two words run together by a page's markup
    // ("China DailyZhang Yuanxun").
    if words.iter().any(|w| letters_and_digits(w))
        || (words.len() > 1 && words.iter().any(|w| glued(w)))
    {
        return false;
    }
    let caps = words.iter().filter(|w| all_caps(w)).count();
    if caps >= 2 {
        return false;
    }
    if words
        .windows(2)
        .any(|p| p[0].eq_ignore_ascii_case(p[1]) && p[0].len() > 1)
    {
        return false;
    }
    // A body's head at the end takes lowercase words before it ("Valorian transport ministry").
    let last_is_head = {
        let l = last.to_lowercase();
        words.len() > 1 && (ORG_HEADS.contains(l.as_str()) || BODY_HEADS.contains(&l.as_str()))
    };
    for (i, w) in words.iter().enumerate() {
        if !last_is_head && w.starts_with(|c: char| c.is_lowercase()) {
            let l = w.to_lowercase();
            let l = l.as_str();
            let head =
                i + 1 == words.len() && i > 0 && (BODY_HEADS.contains(&l) || ORG_HEADS.contains(l));
            let joins = i > 0
                && i + 1 < words.len()
                && matches!(
                    l,
                    "of" | "the"
                        | "and"
                        | "for"
                        | "on"
                        | "des"
                        | "dos"
                        | "das"
                        | "y"
                        | "zu"
                        | "bint"
                );
            // "al-Hakim", "bin-Talal": a particle joined to the name.
            let particle = NAME_PARTICLES.contains(l)
                || l.split_once('-')
                    .is_some_and(|(p, _)| NAME_PARTICLES.contains(p));
            if !(head || joins || particle) {
                return false;
            }
        }
    }
    // A lone letter before one word ("J Alert") is no first name: a person's initial comes
    // with a surname and usually a point ("J. Vorn").
    if words.len() == 2 && words[0].chars().count() == 1 {
        return false;
    }
    if words.len() == 1 {
        let last_low = lower;
        // A body's head alone names no body ("Hospital", "Police"), nor does a group noun
        // ("Authorities") or followers of a creed ("Salafists", "Islamists").
        // A title or role alone ("King said", "Chairman added") is a role, not a name.
        if ORG_HEADS.contains(last_low)
            || TITLE_WORDS.contains(last_low)
            || ROLE_NOUNS.contains(last_low)
            || GROUP_NOUNS.contains(last_low)
            || NOT_NAMES.contains(last_low)
            || (last_low.ends_with("ists") && last.chars().count() > 5)
        {
            return false;
        }
    }
    true
}

fn lows_first(lower: &str) -> &str {
    lower.split(' ').next().unwrap_or(lower)
}

/// A word of letters and digits together ("PS4", "A380"), not a number ("1984") nor a group of
/// states ("G7", "G20").
fn letters_and_digits(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && w.chars().any(|c| c.is_ascii_digit())
}

/// Two words printed without the space between them: a lowercase run of four or more, then a
/// capital and a lowercase letter ("DailyZhang"; not "McKenna", "DeShawn", "MacArthur").
fn glued(w: &str) -> bool {
    let cs: Vec<char> = w.chars().collect();
    let mut lower_run = 0;
    for (i, &c) in cs.iter().enumerate() {
        if c.is_lowercase() {
            lower_run += 1;
        } else if c.is_uppercase() {
            if lower_run >= 4 && cs.get(i + 1).is_some_and(|n| n.is_lowercase()) {
                return true;
            }
            lower_run = 0;
        } else {
            lower_run = 0;
        }
    }
    false
}

fn all_caps(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    // Scripts without case (Arabic) have no capitals to shout in.
    letters >= 2 && w.chars().all(|c| !c.is_lowercase()) && w.chars().any(char::is_uppercase)
}

/// What the item's own text says of a capitalised word: whether it is a common word that opens
/// a sentence. Asked once per word and item (each answer reads the whole text).
pub(crate) struct Evidence<'a> {
    text: &'a str,
    common: HashMap<String, bool>,
    /// The item's words, read once when searching the text for each word asked about would
    /// cost more (see [`SCAN_BUDGET`]).
    words: Option<Words<'a>>,
    /// Bytes of text searched so far for the words asked about.
    scanned: usize,
}

/// Bytes of an item's text searched word by word before its words are read into sets: a
/// search for one word runs at memory speed, hashing every word of a text is many times
/// slower, and most items ask about a few words only; an item that asks about many (a long
/// transcript) reads its words once.
const SCAN_BUDGET: usize = 1 << 24;

/// Every whole word of a text, and those printed after a lowercase word or a comma: what the
/// questions about one word would otherwise each scan the whole text for.
struct Words<'a> {
    all: HashSet<&'a str>,
    capitalised_inside: HashSet<&'a str>,
}

impl<'a> Words<'a> {
    fn of(text: &'a str) -> Words<'a> {
        let mut all = HashSet::default();
        let mut capitalised_inside = HashSet::default();
        let mut start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            match (is_word_char(c) && i < text.len(), start) {
                (true, None) => start = Some(i),
                (false, Some(st)) => {
                    let w = &text[st..i];
                    // Asked of a capitalised word: whether it is printed inside a sentence as
                    // it is, and whether its lowercase form is printed. No other word answers.
                    if w.starts_with(char::is_uppercase) {
                        if after_lowercase_or_comma(text, st) {
                            capitalised_inside.insert(w);
                        }
                    } else {
                        all.insert(w);
                    }
                    start = None;
                }
                _ => {}
            }
        }
        Words {
            all,
            capitalised_inside,
        }
    }
}

impl<'a> Evidence<'a> {
    pub(crate) fn new(text: &'a str) -> Evidence<'a> {
        Evidence {
            text,
            common: HashMap::default(),
            words: None,
            scanned: 0,
        }
    }

    /// The byte offset of `word`, a slice of the item's text, in it.
    pub(crate) fn offset_of(&self, word: &str) -> usize {
        (word.as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize)
    }

    /// Whether the word printed at byte `at` is a common word capitalised only because it opens
    /// its sentence: it opens one, the item prints it in lowercase elsewhere, and never
    /// capitalised after a lowercase word or a comma. A name is printed capitalised inside
    /// sentences ("said Kell", "the mayor, Kell,"), a common word is not.
    pub(crate) fn is_sentence_opening_common_word(&mut self, word: &str, at: usize) -> bool {
        if !opens_sentence(self.text, at)
            || NAME_PARTICLES.contains(word.to_lowercase().as_str())
            || !word.starts_with(|c: char| c.is_uppercase())
            || all_caps(word)
            || word.chars().skip(1).any(char::is_uppercase)
        {
            return false;
        }
        if let Some(&c) = self.common.get(word) {
            return c;
        }
        // A participle ("Acting accordingly, ...", "Devastated Hayley added") needs no
        // lowercase twin in the item. Not "-ly": "Vasily", "Emily", "Kelly" are names.
        let lower = word.to_lowercase();
        let form =
            (lower.ends_with("ing") || lower.ends_with("ated")) && lower.chars().count() >= 5;
        // A name is usually found capitalised inside a sentence early in the text: asked
        // first, it spares the whole-text search for a lowercase twin.
        let whole = word.chars().all(is_word_char);
        let text = self.text;
        let c = if whole && (self.words.is_some() || self.scanned > SCAN_BUDGET) {
            let words = self.words.get_or_insert_with(|| Words::of(text));
            !words.capitalised_inside.contains(word) && (form || words.all.contains(lower.as_str()))
        } else {
            // Searched for as printed: a word not of the text's kind ("St."), or while the
            // searches cost less than reading every word (the same answer either way).
            self.scanned += 2 * text.len();
            !capitalised_inside_sentence(text, word) && (form || prints_lowercase(text, word))
        };
        self.common.insert(word.to_string(), c);
        c
    }
}

/// Whether byte `at` of `text` opens a sentence: only spaces after a sentence's end, a colon,
/// a quotation mark or a line break before it, or the text's start.
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t']);
    match before.chars().next_back() {
        None => true,
        Some(c) => matches!(
            c,
            '.' | '!' | '?' | ':' | '"' | '“' | '”' | '\'' | '‘' | '’' | '\n' | '\r'
        ),
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'
}

/// The starts of `word` in `text` as a whole word.
fn whole_word_starts<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = usize> + 't {
    // memchr's searcher, not `str::match_indices`: one search per word asked about runs over
    // the whole text, and this is the hot half of extracting a long item's claims.
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()).filter(move |&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
    })
}

fn prints_lowercase(text: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    whole_word_starts(text, &lower).next().is_some()
}

fn capitalised_inside_sentence(text: &str, word: &str) -> bool {
    whole_word_starts(text, word).any(|i| after_lowercase_or_comma(text, i))
}

/// Whether the word at byte `i` follows spaces after a lowercase letter or a comma.
fn after_lowercase_or_comma(text: &str, i: usize) -> bool {
    let before = text[..i].trim_end_matches(' ');
    before.len() < i
        && before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_lowercase() || c == ',')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_headlines_and_descriptions_are_no_speakers() {
        for no in [
            "Israel",
            "Cologne",
            "the Middle East",
            "ELON VORN Tarnex",
            "PM PT",
            "UX UX",
            "Tarnex’s competitors",
            "Police officers",
            "Vorn’s regime",
            "Brill’s own 2007 half-time",
            "Hospital",
            "Authorities",
            "Salafists",
        ] {
            assert!(!may_be_person_or_org(no), "{no:?}");
        }
        for yes in [
            "Ilka Vorn",
            "Cologne Police",
            "Nigerian government",
            "NASA officials",
            "German authorities",
            "Borealia's Courier newspaper",
            "South Borealia's military",
            "Agnes von der Muhll",
            "Bank of Borealia",
            "NASA",
            "LAX Airport Police",
            "Kell",
        ] {
            assert!(may_be_person_or_org(yes), "{yes:?}");
        }
    }

    #[test]
    fn searching_the_text_and_reading_its_words_give_one_answer() {
        let t = "Images show the wreck. The images were taken at dawn. Vorn said the wreck \
                 was old. Vorn added more.\nActing fast, the crew left. Kell, Vorn and Osk \
                 stayed. Osk spoke. Images-of-war show more. Tarn’s mayor spoke.";
        let asked = [
            "Images",
            "Vorn",
            "Acting",
            "Kell",
            "Osk",
            "The",
            "Tarn’s",
            "Images-of-war",
        ];
        let mut searched = Evidence::new(t);
        let mut read = Evidence::new(t);
        read.scanned = SCAN_BUDGET + 1;
        for w in asked {
            for (at, _) in t.match_indices(w) {
                assert_eq!(
                    searched.is_sentence_opening_common_word(w, at),
                    read.is_sentence_opening_common_word(w, at),
                    "{w} at {at}"
                );
            }
        }
        assert!(searched.words.is_none() && read.words.is_some());
    }

    #[test]
    fn a_sentence_opening_common_word_is_told_by_the_item() {
        let t = "Images show the wreck. The images were taken at dawn. Vorn said the wreck \
                 was old. Vorn added more.";
        let mut e = Evidence::new(t);
        assert!(e.is_sentence_opening_common_word("Images", 0));
        let vorn = t.find("Vorn said").unwrap();
        assert!(!e.is_sentence_opening_common_word("Vorn", vorn));
        // Not at a sentence's start: no judgement.
        let t2 = "the images show it. And Images show more.";
        let mut e2 = Evidence::new(t2);
        assert!(!e2.is_sentence_opening_common_word("Images", t2.rfind("Images").unwrap()));
    }
}
