//! Words of an item's text in the form the reuse stage compares them: case folded, combining
//! marks dropped, and the Arabic-script letter forms that writers and keyboards swap freely (alef
//! with hamza or madda, alef maksura / Farsi yeh, teh marbuta, Arabic / Farsi kaf, heh goal)
//! folded to one form, so a copy that differs only in such spellings still matches.
//!
//! Arabic-script words are cut into joining pieces after every letter that does not join the
//! next (alef, dal, reh, waw, yeh barree...): Urdu typists write `وزیراعظم` or `وزیر اعظم`, and
//! the space there is optional, so the pieces are what both spellings have in common. Shingles of
//! such text are longer, in proportion ([`shingle_len`]), and every count the reuse stage reports
//! is in words, pieces that begin one ([`Token::word`]).
//!
//! Not the claims' tokeniser (`extract::tokens`): a word here is what two copies of a text keep
//! in common, so apostrophes and hyphens cut words (a copy that drops or retypes them still
//! matches) and case, marks and letter forms fold; a quotation matters only as whether a word
//! stands inside one, so every double mark toggles (CJK corner brackets too: Han and kana text is
//! compared here, a character a word). The character classes both ask about are shared
//! (`vocab::chars`).

use crate::vocab::chars::{TATWEEL, digit_value, is_arabic_script, is_combining_mark};
use unicode_normalization::UnicodeNormalization;
use xxhash_rust::xxh3::xxh3_64;

/// One word: its byte range in the text, the hash of its folded form, and whether it stands
/// inside quotation marks (two outlets quoting the same official share those words without
/// copying each other).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub hash: u64,
    pub quoted: bool,
    /// Whether it begins a word (false for a piece that follows a non-joining letter inside one).
    pub word: bool,
}

/// Whether an Arabic-script letter leaves the next letter unjoined, so that a space after it is
/// optional for the eye (Unicode joining types R and U).
fn non_joining(c: char) -> bool {
    matches!(
        c as u32,
        0x0621..=0x0625
            | 0x0627
            | 0x0629
            | 0x062F..=0x0632
            | 0x0648
            | 0x0671..=0x0673
            | 0x0675..=0x0677
            | 0x0688..=0x0699
            | 0x06C0
            | 0x06C3..=0x06CB
            | 0x06CD
            | 0x06CF
            | 0x06D2
            | 0x06D3
            | 0x06D5
            | 0x06EE
            | 0x06EF
    )
}

/// Tokens per shingle for `tokens` of `text`: `k` words, or `k_pieces` joining pieces when most
/// of its words are in Arabic script.
pub fn shingle_len(text: &str, tokens: &[Token], k: usize, k_pieces: usize) -> usize {
    let (mut words, mut arabic) = (0usize, 0usize);
    for t in tokens.iter().filter(|t| t.word) {
        words += 1;
        // An ASCII first byte is no Arabic letter: most words, not decoded.
        arabic += usize::from(
            text.as_bytes()[t.start] >= 0x80
                && text[t.start..].chars().next().is_some_and(is_arabic_script),
        );
    }
    if arabic * 2 > words { k_pieces } else { k }
}

/// The tokens of `text`, the shingles of the length [`shingle_len`] gives, and that length.
pub fn tokens_and_shingles(text: &str, k: usize, k_pieces: usize) -> (Vec<Token>, Vec<u64>, usize) {
    let t = tokens(text);
    let k = shingle_len(text, &t, k, k_pieces);
    let s = shingles(&t, k);
    (t, s, k)
}

/// Words after which an unclosed quotation mark no longer counts (a stray mark must not make
/// the rest of a long text a quote).
const MAX_QUOTE_WORDS: usize = 150;

/// Whether `c` opens or closes a quotation. Every mark toggles: writers of right-to-left scripts
/// and of some languages use the "closing" forms to open (”…”, »…«), and Urdu writers double the
/// single marks (‘‘…’’), which toggle as a pair.
fn quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{300C}'
            | '\u{300D}'
            | '\u{300E}'
            | '\u{300F}'
    )
}

/// Characters that stand for other letters (their compatibility decomposition): Arabic
/// Presentation Forms-A and -B (contextual shapes and ligatures), Latin ligatures (ﬁ, ﬂ: text
/// taken from PDFs) and fullwidth ASCII.
fn presentation_form(c: char) -> bool {
    matches!(c as u32, 0xFB00..=0xFB06 | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF | 0xFF01..=0xFF5E)
}

/// What a character does inside a word.
enum Fold {
    /// Part of a word, in this folded form.
    Letter(char),
    /// Part of a word but not compared (diacritics, tatweel, combining marks).
    Mark,
    /// A word of its own (Han, kana: scripts written without spaces).
    Alone,
    /// Not part of any word.
    Break,
}

fn fold(c: char) -> Fold {
    if is_combining_mark(c) || c == TATWEEL {
        return Fold::Mark;
    }
    // Arabic-Indic digits compare as the ASCII ones.
    if let Some(v) = digit_value(c) {
        return Fold::Letter(char::from(b'0' + v as u8));
    }
    let u = c as u32;
    match u {
        // Quranic annotation marks; zero-width (non-)joiners and direction marks (Arabic letter
        // mark too), which Urdu and Persian typists put inside words.
        0x06D6..=0x06ED => Fold::Mark,
        0x200C..=0x200F | 0x061C => Fold::Mark,
        0x0622 | 0x0623 | 0x0625 | 0x0671..=0x0673 => Fold::Letter('\u{0627}'),
        0x0649 | 0x06CC | 0x06D0 | 0x0626 | 0x06D2 | 0x06D3 => Fold::Letter('\u{064A}'),
        0x0629 | 0x06C0..=0x06C3 | 0x06BE | 0x06D5 => Fold::Letter('\u{0647}'),
        0x06A9 | 0x06AA => Fold::Letter('\u{0643}'),
        0x0624 => Fold::Letter('\u{0648}'),
        // Noon ghunna: typed as a plain noon on Arabic keyboards.
        0x06BA => Fold::Letter('\u{0646}'),
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => Fold::Alone,
        _ if alphanumeric(c) => Fold::Letter(c),
        _ => Fold::Break,
    }
}

/// A single quotation mark at `i..next`: British quotes (‘…’, and '…' in many British
/// outlets' house style) open at a word's start and close after a word; between letters the
/// mark is an apostrophe (Trump’s, Y'know). `mark` is ‘, ’ or '.
fn single_mark(text: &str, i: usize, next: usize, mark: char, quote: &mut Option<(usize, bool)>) {
    let before = text[..i].chars().next_back();
    let after = text[next..].chars().next();
    let letter = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
    let opens = match mark {
        '\u{2018}' => true,
        '\'' => letter(after),
        _ => false,
    };
    if opens && !letter(before) && quote.is_none() {
        *quote = Some((0, true));
    } else if !opens && !letter(after) && matches!(quote, Some((_, true))) {
        *quote = None;
    }
}

/// Whether `c` is alphanumeric, from a table for the Arabic block: searching Unicode's tables
/// for every letter was most of the time spent on Urdu and Arabic text.
fn alphanumeric(c: char) -> bool {
    static ARABIC: std::sync::LazyLock<[bool; 256]> = std::sync::LazyLock::new(|| {
        std::array::from_fn(|i| {
            char::from_u32(0x0600 + i as u32).is_some_and(char::is_alphanumeric)
        })
    });
    match c as u32 {
        u @ 0x0600..=0x06FF => ARABIC[(u - 0x0600) as usize],
        _ => c.is_alphanumeric(),
    }
}

/// Whether `c` has no case, so that it is its own lowercase: the Arabic block (checked by a
/// test), which spares Unicode's case tables there.
fn caseless(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF)
}

/// Appends the lowercase of a folded letter to the word being read.
fn push_lowercase(word: &mut Vec<u8>, f: char) {
    let mut buf = [0u8; 4];
    if caseless(f) {
        word.extend_from_slice(f.encode_utf8(&mut buf).as_bytes());
        return;
    }
    for l in f.to_lowercase() {
        word.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
    }
}

/// The folded letters of one word of [`tokens`] (its byte range in the text), lowercase, as the
/// comparison sees them: for keys of whole words (`rewrite::words`), which pieces do not give.
pub(crate) fn folded_letters(word: &str, mut out: impl FnMut(char)) {
    let mut letter = |c: char| {
        // ASCII, most letters of most texts: what `fold` gives it, without its tables.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out(c.to_ascii_lowercase());
            }
            return;
        }
        if let Fold::Letter(f) = fold(c) {
            if caseless(f) {
                out(f);
            } else {
                f.to_lowercase().for_each(&mut out);
            }
        }
    };
    for c in word.chars() {
        if presentation_form(c) {
            c.nfkc().for_each(&mut letter);
        } else {
            letter(c);
        }
    }
}

/// The end of the run of ASCII letters and digits from `i` in `bytes`, and whether it holds a
/// capital. Eight bytes at a time ([`ascii_run8`]): most words end inside their first eight,
/// so one test a word instead of one a letter, whose last was mispredicted.
fn ascii_run(bytes: &[u8], i: usize) -> (usize, bool) {
    let mut j = i;
    let mut capital = false;
    while let Some(chunk) = bytes.get(j..j + 8) {
        let (n, caps) = ascii_run8(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
        capital |= caps;
        j += n;
        if n < 8 {
            return (j, capital);
        }
    }
    while let Some(&b) = bytes.get(j)
        && b.is_ascii_alphanumeric()
    {
        capital |= b.is_ascii_uppercase();
        j += 1;
    }
    (j, capital)
}

/// Of eight bytes (the first in the low bits): how many from the first are ASCII letters or
/// digits, and whether a capital is among those. Each byte is compared bitwise in its own
/// eight bits (SWAR): `v + (0x80 - lo)` sets a 7-bit byte's top bit when `v >= lo`, with no
/// carry into the next byte.
fn ascii_run8(chunk: u64) -> (usize, bool) {
    const TOP: u64 = 0x8080_8080_8080_8080;
    const fn each(b: u8) -> u64 {
        u64::from_le_bytes([b; 8])
    }
    // Whether each byte v (7 bits) is >= lo, and > hi, in its top bit.
    let at_least = |x: u64, lo: u8| x.wrapping_add(each(0x80 - lo)) & TOP;
    let above = |x: u64, hi: u8| x.wrapping_add(each(0x7F - hi)) & TOP;
    let x = chunk & !TOP;
    let lower = x | each(0x20);
    let digit = at_least(x, b'0') & !above(x, b'9');
    let letter = at_least(lower, b'a') & !above(lower, b'z');
    let capital = at_least(x, b'A') & !above(x, b'Z');
    // Bytes outside ASCII end the run too.
    let stops = (!(digit | letter) & TOP) | (chunk & TOP);
    let n = (stops.trailing_zeros() / 8) as usize;
    let run = if n == 8 {
        u64::MAX
    } else {
        (1u64 << (8 * n)) - 1
    };
    (n, capital & run != 0)
}

/// Appends a word (or a piece of one) of hash `hash` at `start..end`, counting it against an
/// open quotation.
#[inline]
fn push_token(
    out: &mut Vec<Token>,
    start: usize,
    end: usize,
    hash: u64,
    quote: &mut Option<(usize, bool)>,
    piece: bool,
) {
    if let Some((q, _)) = quote.as_mut()
        && !piece
    {
        *q += 1;
        if *q > MAX_QUOTE_WORDS {
            *quote = None;
        }
    }
    out.push(Token {
        start,
        end,
        hash,
        quoted: quote.is_some(),
        word: !piece,
    });
}

/// The words of `text`, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    tokens_of::<true>(text)
}

/// [`tokens`] without their hashes (each 0), for a caller that keys words its own way
/// (`rewrite::words`): hashing every word was about a sixth of the tokeniser's time.
pub(crate) fn unhashed_tokens(text: &str) -> Vec<Token> {
    tokens_of::<false>(text)
}

/// [`tokens`], hashed when `HASH`.
fn tokens_of<const HASH: bool>(text: &str) -> Vec<Token> {
    // A word every five bytes, and a little more: a list that grows is copied whole (a text of
    // short words outgrew a sixth, and copying its tokens cost more than their room).
    let mut out = Vec::with_capacity(text.len() / 5 + 16);
    let mut word: Vec<u8> = Vec::with_capacity(32);
    let mut start = None::<usize>;
    let mut end = 0;
    // The next token continues a word cut after a non-joining letter.
    let mut piece = false;
    // Words since the quotation opened and whether single marks opened it, or None outside one.
    let mut quote: Option<(usize, bool)> = None;
    let flush = |out: &mut Vec<Token>,
                 word: &mut Vec<u8>,
                 start: &mut Option<usize>,
                 end: usize,
                 quote: &mut Option<(usize, bool)>,
                 piece: bool| {
        if let Some(s) = start.take()
            && !word.is_empty()
        {
            let hash = if HASH { xxh3_64(word) } else { 0 };
            push_token(out, s, end, hash, quote, piece);
        }
        word.clear();
    };
    // A double mark opens or closes a quotation; inside one opened by single marks it is a
    // quotation within the quotation.
    let toggle = |quote: &mut Option<(usize, bool)>| {
        *quote = match *quote {
            None => Some((0, false)),
            Some((_, false)) => None,
            single => single,
        };
    };
    let bytes = text.as_bytes();
    let mut buf = [0u8; 4];
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII, most of most texts, without decoding.
        if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                let (j, capital) = ascii_run(bytes, i);
                if start.is_none() && bytes.get(j).is_none_or(|&c| c < 0x80) {
                    // A whole word of ASCII, most words of most texts: hashed where it stands
                    // when it is lowercase already, with no copy.
                    let hash = if !HASH {
                        0
                    } else if !capital {
                        xxh3_64(&bytes[i..j])
                    } else {
                        word.extend_from_slice(&bytes[i..j]);
                        word.make_ascii_lowercase();
                        let h = xxh3_64(&word);
                        word.clear();
                        h
                    };
                    push_token(&mut out, i, j, hash, &mut quote, piece);
                    i = j;
                    continue;
                }
                // A word that goes on past its ASCII run (a letter outside ASCII follows) or
                // began before it.
                if start.is_none() {
                    start = Some(i);
                }
                word.extend(bytes[i..j].iter().map(u8::to_ascii_lowercase));
                end = j;
                i = j;
                continue;
            } else {
                // No word is open without a start, so there is nothing to flush.
                if start.is_some() {
                    flush(&mut out, &mut word, &mut start, end, &mut quote, piece);
                }
                piece = false;
                match b {
                    b'"' => toggle(&mut quote),
                    // '…', as British outlets print quotations: either way round.
                    b'\'' => single_mark(text, i, i + 1, '\'', &mut quote),
                    // A quotation does not run past its paragraph.
                    b'\n' => quote = None,
                    _ => {}
                }
            }
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let next = i + c.len_utf8();
        if presentation_form(c) {
            // Presentation forms (old typesetting, text taken from PDFs): the letters they
            // stand for. A ligature is one character, so it stays in one token: cut after
            // it when its last letter does not join (ﻻ), never inside it (ﷲ, ﷺ).
            let mut last = None;
            for d in c.nfkc() {
                if let Fold::Letter(f) = fold(d) {
                    push_lowercase(&mut word, f);
                    last = Some(d);
                }
            }
            if let Some(d) = last {
                if start.is_none() {
                    start = Some(i);
                }
                end = next;
                if non_joining(d) {
                    flush(&mut out, &mut word, &mut start, end, &mut quote, piece);
                    piece = true;
                }
            } else {
                flush(&mut out, &mut word, &mut start, end, &mut quote, piece);
                piece = false;
            }
            i = next;
            continue;
        }
        match fold(c) {
            Fold::Letter(f) => {
                if start.is_none() {
                    start = Some(i);
                }
                push_lowercase(&mut word, f);
                end = next;
                if non_joining(c) {
                    flush(&mut out, &mut word, &mut start, end, &mut quote, piece);
                    piece = true;
                }
            }
            Fold::Mark => {
                if start.is_some() {
                    end = next;
                }
            }
            Fold::Alone => {
                flush(&mut out, &mut word, &mut start, end, &mut quote, piece);
                piece = false;
                start = Some(i);
                word.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                flush(&mut out, &mut word, &mut start, next, &mut quote, false);
            }
            Fold::Break => {
                flush(&mut out, &mut word, &mut start, end, &mut quote, piece);
                piece = false;
                if quote_mark(c) {
                    toggle(&mut quote);
                } else if c == '\u{2018}' || c == '\u{2019}' {
                    if text[next..].starts_with(c) {
                        // ‘‘ and ’’ (Urdu): a doubled single mark is a double one.
                        toggle(&mut quote);
                        i = next + c.len_utf8();
                        continue;
                    }
                    single_mark(text, i, next, c, &mut quote);
                } else if c == '\u{2029}' || c == '\u{0085}' {
                    quote = None;
                }
            }
        }
        i = next;
    }
    flush(&mut out, &mut word, &mut start, end, &mut quote, piece);
    mark_embedded_posts(text, &mut out);
    out
}

/// An embedded post ends its line with "— Name (@handle) date": the words before the dash are
/// the post's, quoted however many outlets embed it.
fn mark_embedded_posts(text: &str, tokens: &mut [Token]) {
    // memchr's search: most texts hold no "(@", and the standard one costs on every call.
    for at in memchr::memmem::find_iter(text.as_bytes(), b"(@") {
        let line = text[..at].rfind('\n').map_or(0, |n| n + 1);
        let Some(dash) = text[line..at].rfind('\u{2014}').map(|d| line + d) else {
            continue;
        };
        if at - dash > 80 {
            continue;
        }
        let from = tokens.partition_point(|t| t.start < line);
        for t in tokens[from..].iter_mut().take_while(|t| t.start < dash) {
            t.quoted = true;
        }
    }
}

/// Mixes a 64-bit value so that every output bit depends on every input bit (splitmix64).
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The hash of each run of `k` consecutive words; empty when there are fewer than `k`.
pub fn shingles(tokens: &[Token], k: usize) -> Vec<u64> {
    if tokens.len() < k || k == 0 {
        return Vec::new();
    }
    tokens
        .windows(k)
        .map(|w| {
            let mut h = 0x243F_6A88_85A3_08D3u64;
            for t in w {
                h = mix(h ^ t.hash);
            }
            h
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(s: &str) -> Vec<u64> {
        tokens(s).iter().map(|t| t.hash).collect()
    }

    #[test]
    fn case_and_punctuation_do_not_matter() {
        assert_eq!(
            hashes("The Minister SAID, “no.”"),
            hashes("the minister said no")
        );
        let t = tokens("  Hello, world!");
        assert_eq!((t[0].start, t[0].end, t[1].start, t[1].end), (2, 7, 9, 14));
    }

    #[test]
    fn arabic_and_urdu_letter_forms_fold() {
        // alef with hamza vs bare alef; teh marbuta vs heh; alef maksura vs yeh; harakat dropped.
        assert_eq!(hashes("أحمد"), hashes("احمد"));
        assert_eq!(hashes("مدرسة"), hashes("مدرسه"));
        assert_eq!(hashes("على"), hashes("علي"));
        assert_eq!(hashes("كَتَبَ"), hashes("كتب"));
        // Urdu: Farsi yeh and keheh vs Arabic yeh and kaf; heh goal vs heh.
        assert_eq!(hashes("کیا"), hashes("كيا"));
        assert_eq!(hashes("ہے"), hashes("هي"));
        assert_eq!(hashes("۱۲۳"), hashes("123"));
        assert_eq!(hashes("کر\u{200C}دیا"), hashes("کردیا"));
        // Noon ghunna as Arabic keyboards type it.
        assert_eq!(hashes("میں نہیں"), hashes("مین نہین"));
    }

    /// Words (each from its first piece to its last) that `keep` accepts.
    fn words_where(s: &str, keep: impl Fn(&Token) -> bool) -> Vec<&str> {
        let t = tokens(s);
        let mut out = Vec::new();
        for (i, w) in t.iter().enumerate().filter(|(_, w)| w.word && keep(w)) {
            let last = t[i + 1..]
                .iter()
                .take_while(|x| !x.word)
                .last()
                .unwrap_or(w);
            out.push(&s[w.start..last.end]);
        }
        out
    }

    fn words(s: &str) -> Vec<&str> {
        words_where(s, |_| true)
    }

    #[test]
    fn presentation_forms_are_the_letters_they_stand_for() {
        // Contextual shapes and the lam-alef ligature, as old typesetting and PDFs give them.
        assert_eq!(hashes("ﺳﻼﻡ ﻋﻠﻴﻜﻢ"), hashes("سلام علیکم"));
        assert_eq!(hashes("ﻻ"), hashes("لا"));
        // Urdu forms: heh goal, yeh barree, keheh.
        assert_eq!(hashes("ﮐﮩﺎ ﮨﮯ"), hashes("کہا ہے"));
        // A ligature of several words is one token of their letters.
        assert_eq!(hashes("ﷲ ﷺ").len(), 2);
        assert_eq!(hashes("the ﬁnal ﬂight"), hashes("the final flight"));
        assert_eq!(hashes("ＡＢＣ ２０２１"), hashes("abc 2021"));
        let t = tokens("ﺳﻼﻡ x");
        assert!(t.iter().all(|t| t.start < t.end && t.end <= "ﺳﻼﻡ x".len()));
    }

    #[test]
    fn spaces_after_non_joining_letters_do_not_matter() {
        // Urdu typists write either; the pieces are the same, the words are not.
        assert_eq!(hashes("وزیراعظم نے کہا"), hashes("وزیر اعظم نے کہا"));
        assert_eq!(hashes("کردیا گیا"), hashes("کر دیا گیا"));
        assert_eq!(hashes("اردو زبان"), hashes("اردوزبان"));
        assert_eq!(words("وزیراعظم نے"), ["وزیراعظم", "نے"]);
        assert_eq!(words("وزیر اعظم نے"), ["وزیر", "اعظم", "نے"]);
        // A space after a joining letter is not optional: two words stay two.
        assert_ne!(hashes("بات چیت"), hashes("باتچیت"));
        // Latin text: one token per word, as before.
        assert!(tokens("Prime Minister said").iter().all(|t| t.word));
    }

    #[test]
    fn shingles_of_arabic_script_are_counted_in_pieces() {
        let urdu = "وزیر اعظم نے آج اجلاس کی صدارت کی";
        let t = tokens(urdu);
        assert!(t.len() > t.iter().filter(|x| x.word).count());
        assert_eq!(shingle_len(urdu, &t, 5, 10), 10);
        let en = "the prime minister chaired a meeting today";
        assert_eq!(shingle_len(en, &tokens(en), 5, 10), 5);
    }

    #[test]
    fn arabic_script_punctuation_splits_words_even_without_spaces() {
        // Urdu full stop, Arabic comma, question mark and semicolon, no space after them.
        assert_eq!(
            words("یہ فیصلہ ہے۔اس کے بعد"),
            ["یہ", "فیصلہ", "ہے", "اس", "کے", "بعد"]
        );
        assert_eq!(words("لاہور،کراچی؟جی؛ہاں"), ["لاہور", "کراچی", "جی", "ہاں"]);
        assert_eq!(hashes("ہے۔اس"), hashes("ہے ۔ اس"));
        assert_eq!(words("«السلام»"), ["السلام"]);
    }

    #[test]
    fn joiners_and_direction_marks_stay_inside_one_word() {
        // Persian with a zero-width non-joiner, an Urdu word with a joiner, an Arabic letter
        // mark: one word each, equal to the word typed without them.
        assert_eq!(words("می\u{200C}خواهم"), ["می\u{200C}خواهم"]);
        assert_eq!(hashes("می\u{200C}خواهم"), hashes("میخواهم"));
        assert_eq!(hashes("کر\u{200D}دیا"), hashes("کردیا"));
        assert_eq!(hashes("\u{061C}سلام"), hashes("سلام"));
        assert_eq!(hashes("بات\u{200F} چیت"), hashes("بات چیت"));
    }

    fn quoted(s: &str) -> Vec<&str> {
        words_where(s, |w| w.quoted)
    }

    #[test]
    fn words_inside_quotation_marks_are_marked() {
        assert_eq!(
            quoted("He said “we will build it” today."),
            ["we", "will", "build", "it"]
        );
        assert_eq!(quoted("She said \"no\" twice."), ["no"]);
        assert_eq!(quoted("Er sagte »nein« dann"), ["nein"]);
        // British single quotes, and apostrophes that are not quotes.
        assert_eq!(
            quoted("Trump’s aide said ‘it won’t happen’ on Monday"),
            ["it", "won", "t", "happen"]
        );
        assert!(quoted("The players’ union and Trump’s plan").is_empty());
        // The same in straight marks, as some British outlets print them.
        assert_eq!(
            quoted("Trump's aide said 'it won't happen,' on Monday 'soon'"),
            ["it", "won", "t", "happen", "soon"]
        );
        assert!(quoted("The players' union and Trump's plan").is_empty());
        assert_eq!(quoted("He said “a 'b' c” and 'd'"), ["a", "b", "c", "d"]);
        // Urdu doubled single marks; Arabic guillemets.
        assert_eq!(
            quoted("وزیر نے کہا کہ ‘‘ہم پل بنائیں گے’’ اور چلے گئے"),
            ["ہم", "پل", "بنائیں", "گے"]
        );
        assert_eq!(quoted("وقال «سنبني الجسر» ثم غادر"), ["سنبني", "الجسر"]);
        // A stray mark quotes at most to the end of its paragraph.
        assert_eq!(quoted("He said “yes and\nthen left"), ["yes", "and"]);
        // An embedded post: the words before "— Name (@handle)".
        assert_eq!(
            quoted(
                "Intro line.\nWe split up. No fight. — Pella Marn (@pellamarn) May 5, 2018\nMore."
            ),
            ["We", "split", "up", "No", "fight"]
        );
    }

    #[test]
    fn the_arabic_block_is_caseless_and_its_table_right() {
        for u in 0x0600..=0x06FF {
            let c = char::from_u32(u).unwrap();
            assert!(caseless(c) && c.to_lowercase().eq([c]));
            assert_eq!(alphanumeric(c), c.is_alphanumeric(), "{u:x}");
        }
        assert!(!caseless('A') && alphanumeric('é') && !alphanumeric('،'));
    }

    proptest::proptest! {
        #[test]
        fn eight_bytes_at_once_are_read_as_one_at_a_time(b in proptest::array::uniform8(0u8..)) {
            let n = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
            let capital = b[..n].iter().any(u8::is_ascii_uppercase);
            proptest::prop_assert_eq!(ascii_run8(u64::from_le_bytes(b)), (n, capital));
        }
    }

    #[test]
    fn ascii_runs_are_read_to_their_end() {
        for s in [
            "",
            "a",
            "abcdefgh",
            "abcdefghijklmnopQ",
            "Ab9 cd",
            "abcdefghé",
            "abcdefgh,ij",
        ] {
            let b = s.as_bytes();
            let n = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
            let capital = b[..n].iter().any(u8::is_ascii_uppercase);
            assert_eq!(ascii_run(b, 0), (n, capital), "{s}");
        }
        // Every byte value in each of the eight places.
        for v in 0..=255u8 {
            for at in 0..8 {
                let mut b = *b"abcdefgh";
                b[at] = v;
                let n = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
                let capital = b[..n].iter().any(u8::is_ascii_uppercase);
                assert_eq!(
                    ascii_run8(u64::from_le_bytes(b)),
                    (n, capital),
                    "{v} at {at}"
                );
            }
        }
    }

    #[test]
    fn han_characters_are_words_of_their_own() {
        assert_eq!(tokens("中国外交部").len(), 5);
        assert_eq!(tokens("abc中d").len(), 3);
    }

    #[test]
    fn combining_marks_stay_inside_the_word() {
        let t = tokens("cafe\u{301} noir");
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].end, 6);
        assert_eq!(t[0].hash, tokens("cafe")[0].hash);
    }

    #[test]
    fn shingles_are_order_sensitive() {
        let a = shingles(&tokens("a b c d e"), 5);
        let b = shingles(&tokens("a b c e d"), 5);
        assert_eq!(a.len(), 1);
        assert_ne!(a, b);
        assert!(shingles(&tokens("a b"), 5).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn quotation_marks_and_posts_never_break_tokens(
            s in "[a-z ب\u{200C}۔’‘“”\"'«»—(@)\n]{0,120}"
        ) {
            let t = tokens(&s);
            let plain = s.replace(['’', '‘', '“', '”', '"', '\'', '«', '»', '—', '(', '@', ')'], " ");
            // Quotation marks only split words; they never change which words there are.
            proptest::prop_assert_eq!(
                t.iter().map(|x| x.hash).collect::<Vec<_>>(),
                hashes(&plain)
            );
        }

        #[test]
        fn ascii_words_hashed_where_they_stand_hash_as_copied(s in "[a-zA-Z0-9 ,.\"'\n]{0,80}") {
            // A combining mark after each word sends it through the copy of its folded letters.
            let marked = s.replace(' ', "\u{301} ") + "\u{301}";
            let quoted = |s: &str| tokens(s).iter().map(|x| (x.hash, x.quoted)).collect::<Vec<_>>();
            proptest::prop_assert_eq!(quoted(&s), quoted(&marked));
        }

        #[test]
        fn unhashed_tokens_are_the_tokens(s in "\\PC{0,80}|[a-zA-Z ’“\"']{0,80}") {
            let hashed: Vec<Token> = tokens(&s).into_iter().map(|t| Token { hash: 0, ..t }).collect();
            proptest::prop_assert_eq!(hashed, unhashed_tokens(&s));
        }

        #[test]
        fn optional_spaces_never_change_the_pieces(s in "[ابدرسکلمنوےی\u{200C} ]{0,80}") {
            let mut joined = String::new();
            for c in s.chars() {
                if !(c == ' ' && joined.ends_with(['ا', 'د', 'ر', 'و', 'ے'])) {
                    joined.push(c);
                }
            }
            proptest::prop_assert_eq!(hashes(&s), hashes(&joined));
        }

        #[test]
        fn tokens_are_ordered_char_boundaries(s in "\\PC{0,80}") {
            let t = tokens(&s);
            let mut last = 0;
            for tok in t {
                proptest::prop_assert!(tok.start >= last && tok.end > tok.start);
                proptest::prop_assert!(s.is_char_boundary(tok.start) && s.is_char_boundary(tok.end));
                last = tok.end;
            }
        }
    }
}
