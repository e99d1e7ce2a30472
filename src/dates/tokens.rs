//! Date tokens: numbers (any of ASCII, Arabic-Indic or Extended Arabic-Indic digits), words
//! (lowercased, an abbreviation's dot dropped) and single punctuation characters.
//!
//! A tokeniser of its own, unlike the claims' (`extract::tokens`) and the compared words'
//! (`link::normalise`): a date is read from digits and words apart ("19th", "2020-09-19"), dashes
//! and the Arabic comma are folded to the separators dates use, and words keep only letters
//! and harakat (a month name has no apostrophe or hyphen). The character classes are the shared
//! ones (`vocab::chars`).

pub use crate::vocab::chars::digit_value;
use crate::vocab::chars::is_harakat;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok<'a> {
    /// Value and number of digits.
    Num(u32, usize),
    /// As printed; compare without case.
    Word(&'a str),
    Punct(char),
}

#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub tok: Tok<'a>,
    pub start: usize,
    pub end: usize,
}

/// Letters and the harakat on them. Digits are never part of a word here: "19th" is a number
/// and "th", "2020-09-19" three numbers.
fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || is_harakat(c)
}

pub fn tokenise(s: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if let Some(v) = digit_value(c) {
            let (mut n, mut len, mut end) = (v, 1usize, i + c.len_utf8());
            while let Some(&(j, c2)) = it.peek() {
                let Some(v2) = digit_value(c2) else { break };
                n = n.saturating_mul(10).saturating_add(v2);
                len += 1;
                end = j + c2.len_utf8();
                it.next();
            }
            out.push(Token {
                tok: Tok::Num(n, len),
                start: i,
                end,
            });
        } else if is_word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, c2)) = it.peek() {
                if !is_word_char(c2) {
                    break;
                }
                end = j + c2.len_utf8();
                it.next();
            }
            let w = &s[i..end];
            // "Sept." and "a.m.": the dot belongs to the word.
            if let Some(&(_, '.')) = it.peek() {
                it.next();
            }
            out.push(Token {
                tok: Tok::Word(w),
                start: i,
                end,
            });
        } else if !c.is_whitespace() {
            let p = match c {
                '–' | '—' | '‐' | '‑' | '−' => '-',
                '،' => ',',
                c => c,
            };
            out.push(Token {
                tok: Tok::Punct(p),
                start: i,
                end: i + c.len_utf8(),
            });
        }
    }
    out
}
