//! Text from the inputs as it may be printed to a terminal: titles, names and claims hold
//! whatever their inputs held, and an escape or bell byte in a title would retitle the terminal,
//! recolour it or forge lines of the report. Control characters are shown escaped, as Rust
//! writes them (`\n`, `\u{1b}`): C0, DEL and C1 controls, and the Unicode line separators and
//! bidirectional overrides that reorder or break what follows them.

use std::borrow::Cow;
use std::fmt::Display;

/// `s`, its control characters escaped.
pub fn safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_control(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// What `x` displays as, its control characters escaped.
pub fn shown(x: impl Display) -> String {
    let s = x.to_string();
    match safe(&s) {
        Cow::Borrowed(_) => s,
        Cow::Owned(o) => o,
    }
}

fn is_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_text_is_not() {
        assert_eq!(safe("Gazette — «نص»"), "Gazette — «نص»");
        assert_eq!(
            safe("a\u{1b}]0;owned\u{7}b\nc"),
            "a\\u{1b}]0;owned\\u{7}b\\nc"
        );
        assert_eq!(safe("x\u{9b}31m\u{202e}y"), "x\\u{9b}31m\\u{202e}y");
    }
}
