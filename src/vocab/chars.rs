//! Character classes that every tokeniser asks about in the same way: digits in the scripts news
//! text prints them in, the marks that stay inside a word, the Arabic script's blocks. Where the
//! tokenisers must differ (what ends a word, which quotation marks count), each says why in its
//! own module doc: `extract::tokens` (claims), `link::normalise` (compared words), `dates`.

/// Tatweel (kashida): stretches a joined Arabic word for justification; part of the word, no
/// letter of it.
pub const TATWEEL: char = '\u{0640}';

/// The value of a digit in any of the scripts news text uses: ASCII, Arabic-Indic and Extended
/// Arabic-Indic (Persian, Urdu).
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// Arabic harakat (short vowels, shadda, sukun, tanwin) and the superscript alef: marks written
/// over or under a letter, inside its word.
pub fn is_harakat(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// A combining mark that belongs to the letter before it: Latin combining diacritics (text in
/// decomposed form) or Arabic harakat.
pub fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}') || is_harakat(c)
}

/// A character of the Arabic script: the Arabic and Arabic Supplement blocks and the Arabic
/// Presentation Forms (A and B).
pub fn is_arabic_script(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_of_three_scripts() {
        assert_eq!(digit_value('7'), Some(7));
        assert_eq!(digit_value('٣'), Some(3));
        assert_eq!(digit_value('۳'), Some(3));
        assert_eq!(digit_value('x'), None);
    }

    #[test]
    fn marks_and_script() {
        assert!(is_combining_mark('\u{0301}') && is_combining_mark('\u{064E}'));
        assert!(is_harakat('\u{0670}') && !is_harakat('\u{0301}'));
        assert!(!is_combining_mark('a') && !is_combining_mark(TATWEEL));
        assert!(is_arabic_script('ب') && is_arabic_script('\u{FEFB}') && !is_arabic_script('b'));
    }
}
