//! Date tokens: numbers (any of ASCII, Arabic-Indic or Extended Arabic-Indic digits), words
//! (lowercased, an abbreviation's dot dropped) and single punctuation characters.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// Value and number of digits.
    Num(u32, usize),
    Word(String),
    Punct(char),
}

#[derive(Debug, Clone)]
pub struct Token {
    pub tok: Tok,
    pub start: usize,
    pub end: usize,
}

/// The value of a digit in any of the scripts news text uses.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

pub fn tokenise(s: &str) -> Vec<Token> {
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
            let mut w: String = c.to_lowercase().collect();
            let mut end = i + c.len_utf8();
            while let Some(&(j, c2)) = it.peek() {
                if !is_word_char(c2) {
                    break;
                }
                w.extend(c2.to_lowercase());
                end = j + c2.len_utf8();
                it.next();
            }
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
