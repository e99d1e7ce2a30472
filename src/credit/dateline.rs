//! The credit an item's dateline states: "WASHINGTON (AP) —", "LONDON (Reuters) -", "(CNN) —",
//! "اسلام آباد (اے پی پی)". A wire story carries its agency there and often nowhere else, in
//! whatever format the copy comes (a record, a page, a feed entry, a dump): the first family of
//! the credit table.

use crate::outlets;
use regex::Regex;
use std::sync::LazyLock;

/// A place of up to 60 characters (or none), then a parenthesis; what follows it.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([^\n()（）.!?؟۔]{0,60}?|[^\n()（）]{0,60}?\b[A-Z][a-z]{1,3}\.)\s*[(（]([^()（）\n]{1,40})[)）]\s*([-–—:]?)")
        .expect("dateline regex")
});

/// The curated outlet the dateline at the start of `text` names in parentheses, and the
/// dateline as printed ("WASHINGTON (AP) —"). A dash or colon must follow unless the outlet is
/// a news agency (Urdu and Arabic datelines run straight on: "کراچی (اے پی پی) وزیر ...").
pub fn dateline_credit(text: &str) -> Option<(String, &str)> {
    let text = text.trim_start();
    let mut end = text.len().min(160);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let c = DATELINE.captures(&text[..end])?;
    let place = c.get(1).map_or("", |m| m.as_str());
    // A place names itself in capitals ("ERIE, Pa.", "Lahore"); a sentence does not.
    let words = place.split_whitespace();
    if words.clone().count() > 6 || words.clone().any(|w| w.starts_with(char::is_lowercase)) {
        return None;
    }
    let name = c.get(2)?.as_str().trim();
    let outlet = outlets::lookup(name)?;
    let dashed = c.get(3).is_some_and(|m| !m.as_str().is_empty());
    let printed = text[..c.get(0)?.end()].trim_end();
    (dashed || outlets::is_news_agency(&outlet.name)).then_some((outlet.name, printed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agencies_and_outlets_in_datelines() {
        let c = |t: &str| dateline_credit(t).map(|(o, _)| o);
        assert_eq!(
            c("WASHINGTON (AP) — The Senate voted").as_deref(),
            Some("Associated Press")
        );
        assert_eq!(
            c("ERIE, Pa. (AP) - Snow continues to fall").as_deref(),
            Some("Associated Press")
        );
        assert_eq!(
            c("(Reuters) - A Tokyo-bound jet returned").as_deref(),
            Some("Reuters")
        );
        assert_eq!(c("(CNN) — Seven people died").as_deref(), Some("CNN"));
        assert_eq!(
            c("اسلام آباد (اے پی پی) وزیراعظم نے کہا").as_deref(),
            Some("Associated Press of Pakistan")
        );
        // Not datelines: a parenthesis inside the first sentence, an unknown name, an outlet
        // that is no agency without a dash, a time.
        assert_eq!(c("The senator said the vote (AP) would come later."), None);
        assert_eq!(c("PORT ELLIS (Courier) - The mayor"), None);
        assert_eq!(c("Lahore (CNN) the mayor said"), None);
        assert_eq!(c("BEIRUT, LEBANON (1:20 P.M.) – Russia’s envoy said"), None);
        assert_eq!(c(""), None);
    }
}
