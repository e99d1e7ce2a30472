//! The phrase families of credit lines, in the order they are tried (the module docs of
//! `credit` say where each is accepted and why). Each recogniser looks at one trimmed line,
//! refuses most lines on a cheap test of their words before any regex runs (the dump
//! segmenter asks about every line of a dump), and checks the names it finds with
//! `credited_name`.

use super::{LineCredit, credited_name};
use crate::byline;
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::LazyLock;

/// The words some family needs, any case: a line with none of them and not shaped like a
/// sign-off states no credit. One pass over the line, before any family looks at it: the dump
/// segmenter asks about every line of a dump, and `read` about the first and last lines of
/// every item.
static TRIGGERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "appeared first",
            "originally",
            "first published",
            "first appeared",
            "first posted",
            "republished",
            "reprinted",
            "posted",
            "translated",
            "نقلا",
            "copyright",
            "©",
            "(c)",
            "contributed",
            "reporting by",
            "material from",
            "editing by",
            "with input",
            "source",
            "credit",
            "via",
            "المصدر",
            "ماخذ",
            "منبع",
            "courtesy",
            "بشکریہ",
        ])
        .expect("credit trigger words")
});

/// Whether some family may match `t`: a trigger word, or a sign-off's shape.
pub(super) fn may_credit(t: &str) -> bool {
    t.ends_with(')') || t.ends_with(").") || t.starts_with(['—', '–', '-']) || TRIGGERS.is_match(t)
}

/// Where in a story a line stands, as far as credits are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// The start of the text (its dateline).
    Start,
    /// A line of its own anywhere: the head of a post or a paragraph of the text.
    Line,
    /// One of the story's last lines.
    Foot,
    /// The story's last line.
    Last,
}

impl Place {
    /// Whether a family that needs `self` may match a line standing at `at`.
    pub fn allowed_at(self, at: Place) -> bool {
        match self {
            Place::Start => at == Place::Start,
            Place::Line => at != Place::Start,
            Place::Foot => at >= Place::Foot,
            Place::Last => at == Place::Last,
        }
    }
}

/// One phrase family: its name, where it is accepted and its recogniser.
pub struct Family {
    /// The family's name, as the module docs call it.
    pub name: &'static str,
    /// The least place a line must stand at.
    pub place: Place,
    recognise: fn(&str) -> Option<LineCredit>,
}

impl Family {
    /// The credit `line` states in this family's words.
    pub fn recognise(&self, line: &str) -> Option<LineCredit> {
        (self.recognise)(line).map(|mut c| {
            c.family = self.name;
            c
        })
    }
}

/// The phrase families, in the order tried.
pub static FAMILIES: &[Family] = &[
    Family {
        name: "dateline",
        place: Place::Start,
        recognise: dateline,
    },
    Family {
        name: "appeared first",
        place: Place::Line,
        recognise: appeared_first,
    },
    Family {
        name: "originally",
        place: Place::Line,
        recognise: originally,
    },
    Family {
        name: "republished",
        place: Place::Line,
        recognise: republished,
    },
    Family {
        name: "copyright",
        place: Place::Foot,
        recognise: copyright,
    },
    Family {
        name: "contributed",
        place: Place::Foot,
        recognise: contributed,
    },
    Family {
        name: "reporting by",
        place: Place::Foot,
        recognise: reporting_by,
    },
    Family {
        name: "with inputs",
        place: Place::Line,
        recognise: with_inputs,
    },
    Family {
        name: "source",
        place: Place::Line,
        recognise: source,
    },
    Family {
        name: "courtesy",
        place: Place::Line,
        recognise: courtesy,
    },
    Family {
        name: "sign-off",
        place: Place::Last,
        recognise: sign_off,
    },
];

fn found(outlets: Vec<String>, evidence: &str) -> Option<LineCredit> {
    (!outlets.is_empty()).then(|| LineCredit {
        outlets,
        evidence: evidence.split_whitespace().collect::<Vec<_>>().join(" "),
        url: None,
        family: "",
    })
}

/// The one outlet a name or a URL stands for ("Source: https://ridge.example/a" credits the
/// site and states the URL).
fn one(name: &str, strict: bool, evidence: &str) -> Option<LineCredit> {
    let name = name.trim();
    if name.starts_with("http://") || name.starts_with("https://") {
        let url = name
            .split_whitespace()
            .next()?
            .trim_end_matches(['.', ',', ')']);
        let o = crate::outlets::resolve(None, crate::outlets::domain_of_url(url).as_deref())?;
        let mut c = found(vec![o.name], evidence)?;
        c.url = Some(url.to_string());
        return Some(c);
    }
    found(credited_name(name, strict).into_iter().collect(), evidence)
}

/// Each organisation of a list ("Reuters and AFP", "AFP, dpa"); people and others skipped.
fn each(list: &str) -> Vec<String> {
    let mut out = Vec::new();
    for p in list.split([',', ';', '/']).flat_map(|p| p.split(" and ")) {
        // "(China Daily 10/03/2017 page4)": an edition's date and page, not a credit.
        if p.contains(|c: char| c.is_ascii_digit()) {
            continue;
        }
        if let Some(o) = credited_name(p, true)
            && !out.contains(&o)
        {
            out.push(o);
        }
    }
    out
}

/// Whether the line contains `needle`, ASCII letters compared without case.
fn has_ci(t: &str, needle: &str) -> bool {
    t.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn dateline(t: &str) -> Option<LineCredit> {
    let (outlet, printed) = super::dateline::dateline_credit(t)?;
    found(vec![outlet], printed)
}

static APPEARED_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^the post\s+.{1,300}?\s+appeared first on\s+(\S.{0,120}?)[.\s]*$")
        .expect("appeared-first regex")
});

fn appeared_first(t: &str) -> Option<LineCredit> {
    if !has_ci(t, "appeared first") {
        return None;
    }
    let c = APPEARED_FIRST.captures(t)?;
    one(c.get(1)?.as_str(), false, t)
}

static ORIGINALLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|\b(?:was|is|were)\s+|^(?:this|the) (?:article|post|story|piece|interview|report)\s+)(?:originally\s+(?:published|appeared|posted|ran)|first\s+(?:published|appeared|posted))\s+(?:by|in|at|on)\s+(\S.*?)(?:\s+on\s+\w{3},.*|\s+under\s.*|[.,;]\s.*|[.\s]*)$|\boriginally\s+(?:published|appeared|posted|ran)\s+(?:by|in|at|on)\s+(\S.*?)(?:\s+on\s+\w{3},.*|\s+under\s.*|[.,;]\s.*|[.\s]*)$",
    )
    .expect("originally regex")
});

fn originally(t: &str) -> Option<LineCredit> {
    if !has_ci(t, "originally")
        && !has_ci(t, "first published")
        && !has_ci(t, "first appeared")
        && !has_ci(t, "first posted")
    {
        return None;
    }
    let c = ORIGINALLY.captures(t)?;
    one(c.get(1).or_else(|| c.get(2))?.as_str(), false, t)
}

static REPUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|\b(?:is|was|been)\s+)(?:republished|reprinted|re-?posted|cross-?posted|translated)(?:\s+with\s+(?:kind\s+)?permission)?\s+(?:from|by|courtesy\s+of|of)\s+(\S.*?)(?:\s+under\s.*|[.,;]\s.*|[.\s]*)$|^(?:نقلا عن|نقلاً عن)\s*[:：]?\s*(\S.*?)[.\s]*$",
    )
    .expect("republished regex")
});

fn republished(t: &str) -> Option<LineCredit> {
    let lead = [
        "republished",
        "reprinted",
        "reposted",
        "re-posted",
        "posted",
        "translated",
    ];
    if !lead.iter().any(|w| has_ci(t, w)) && !t.starts_with("نقلا") {
        return None;
    }
    let c = REPUBLISHED.captures(t)?;
    match c.get(1) {
        // "translated from Arabic": a language, unless an outlet is named.
        Some(n) if has_ci(c.get(0)?.as_str(), "translated") => one(n.as_str(), true, t),
        Some(n) => one(n.as_str(), false, t),
        None => one(c.get(2)?.as_str(), false, t),
    }
}

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:copyright\s*(?:©|\(c\))?|©|\(c\)\s*copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?([\p{L}\d][^.©|]*?)\s*(?:[.,|]|\ball rights reserved\b|$)",
    )
    .expect("copyright regex")
});

fn copyright(t: &str) -> Option<LineCredit> {
    if !(t.starts_with('©')
        || t.starts_with("(c)")
        || t.starts_with("(C)")
        || has_ci(t.get(..9)?, "copyright"))
    {
        return None;
    }
    let c = COPYRIGHT.captures(t)?;
    let name = c.get(1)?.as_str();
    // "© Jane Roe (AFP)": a photographer's credit, not the text's.
    if name.contains('(') {
        return None;
    }
    let end = c.get(0)?.end();
    one(name, true, t[..end].trim_end_matches(['|', ',']))
}

static CONTRIBUTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\(?(?:(\S.*?)\s+contributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article|coverage|piece)|(?:additional\s+)?(?:reporting|material)\s+(?:by|from)\s+(\S.*?))[.)\s]*$",
    )
    .expect("contributed regex")
});

fn contributed(t: &str) -> Option<LineCredit> {
    if !has_ci(t, "contributed") && !has_ci(t, "reporting by") && !has_ci(t, "material from") {
        return None;
    }
    let c = CONTRIBUTED.captures(t)?;
    let list = c.get(1).or_else(|| c.get(2))?.as_str();
    // "NPR's Sarah Knight": a person of an outlet.
    if list.contains("'s ") || list.contains("’s ") || list.contains(';') {
        return None;
    }
    found(each(list), t)
}

static REPORTING_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:reporting|writing)\s+by\s+([^;)]+?)\s*(?:;|\)|$)")
        .expect("reporting-by regex")
});

fn reporting_by(t: &str) -> Option<LineCredit> {
    if !has_ci(t, "editing by") {
        return None;
    }
    let c = REPORTING_BY.captures(t)?;
    let named = each(c.get(1)?.as_str());
    // The sign-off alone, from its parenthesis, not the sentence before it.
    let start = c.get(0)?.start();
    let evidence = &t[t[..start].rfind('(').unwrap_or(start)..];
    let outlets = if named.is_empty() {
        // The house form of one agency's sign-off: reporters, then editors.
        vec![crate::outlets::lookup("Reuters")?.name]
    } else {
        named
    };
    found(outlets, evidence)
}

static WITH_INPUTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?\s*with\s+(?:inputs?|input)\s+from\s+(\S[^)]*?)[.)\s]*$")
        .expect("with-inputs regex")
});

fn with_inputs(t: &str) -> Option<LineCredit> {
    if !has_ci(t.get(..t.len().min(20))?, "with input") {
        return None;
    }
    let c = WITH_INPUTS.captures(t)?;
    found(each(c.get(1)?.as_str()), t)
}

static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:sources?|credits?|via|المصدر|ماخذ|منبع)\s*[:：\-–—]\s*(\S.*?)[.\s]*$|^via\s+(\S.*?)[.\s]*$",
    )
    .expect("source regex")
});

fn source(t: &str) -> Option<LineCredit> {
    let fw = first_word(t);
    let lead = [
        "source",
        "sources",
        "credit",
        "credits",
        "via",
        "المصدر",
        "ماخذ",
        "منبع",
    ];
    if !lead.iter().any(|w| fw.eq_ignore_ascii_case(w)) {
        return None;
    }
    let c = SOURCE.captures(t)?;
    one(c.get(1).or_else(|| c.get(2))?.as_str(), true, t)
}

static COURTESY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:courtesy(?:\s+of)?|بشکریہ)\s*[:：\-–—]?\s*(\S[^)]*?)[.)\s]*$")
        .expect("courtesy regex")
});

/// "(Courtesy of X)" in parentheses is a caption's credit for a picture: refused.
fn courtesy(t: &str) -> Option<LineCredit> {
    let fw = first_word(t);
    if !fw.eq_ignore_ascii_case("courtesy") && fw != "بشکریہ" {
        return None;
    }
    let c = COURTESY.captures(t)?;
    one(c.get(1)?.as_str(), true, t)
}

static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:[a-z]{1,4}(?:/[a-z]{1,4})*\s+)?|.*[.!?\x22”’]\s*)\(([^()]{2,80})\)\.?$|^[—–-]{1,2}\s*([^—–-].{1,60}?)\.?$",
    )
    .expect("sign-off regex")
});

fn sign_off(t: &str) -> Option<LineCredit> {
    if !(t.ends_with(')') || t.ends_with(").") || t.starts_with(['—', '–', '-'])) {
        return None;
    }
    let c = SIGN_OFF.captures(t)?;
    let (m, list) = match (c.get(1), c.get(2)) {
        (Some(m), _) => (m, m.as_str()),
        (None, Some(m)) => (m, m.as_str()),
        _ => return None,
    };
    // "(Reporting by ...)" and "(With inputs from ...)" are their own families.
    if list.split_whitespace().count() > 6 {
        return None;
    }
    let evidence = if c.get(1).is_some() {
        &t[m.start() - 1..]
    } else {
        t
    };
    // "— Jane Roe": a person signs an opinion piece; only organisations credit.
    if list
        .split([',', '/'])
        .any(|p| byline::is_person_name(p.trim()))
    {
        return None;
    }
    found(each(list), evidence)
}

/// The line's first word (up to a space or a colon).
fn first_word(t: &str) -> &str {
    let end = t
        .find(|c: char| c.is_whitespace() || c == ':' || c == '：')
        .unwrap_or(t.len());
    &t[..end]
}

#[cfg(test)]
mod tests {
    use super::super::line_credit;
    use super::*;

    /// The outlets and family a line gives at `place`.
    fn at(t: &str, place: Place) -> Option<(Vec<String>, &'static str)> {
        let w = t.split_whitespace().count() as u32;
        line_credit(t, w, place).map(|c| (c.outlets, c.family))
    }

    fn credits(t: &str, place: Place) -> Vec<String> {
        at(t, place).map(|(o, _)| o).unwrap_or_default()
    }

    #[test]
    fn the_table_is_in_the_documented_order() {
        let names: Vec<&str> = FAMILIES.iter().map(|f| f.name).collect();
        assert_eq!(
            names,
            [
                "dateline",
                "appeared first",
                "originally",
                "republished",
                "copyright",
                "contributed",
                "reporting by",
                "with inputs",
                "source",
                "courtesy",
                "sign-off"
            ]
        );
    }

    #[test]
    fn dateline_family() {
        let f = &FAMILIES[0];
        let c = f
            .recognise("ERIE, Pa. (AP) - Snow continues to fall")
            .unwrap();
        assert_eq!(c.outlets, ["Associated Press"]);
        assert_eq!(c.evidence, "ERIE, Pa. (AP) -");
        // Near miss: a parenthesis inside the first sentence.
        assert!(
            f.recognise("The senator said the vote (AP) would come")
                .is_none()
        );
        // Only at the start of a text.
        assert!(at("WASHINGTON (AP) — The Senate voted", Place::Foot).is_none());
    }

    #[test]
    fn appeared_first_family() {
        let t = "The post Storm hits coast appeared first on The Harbour Gazette.";
        assert_eq!(credits(t, Place::Line), ["The Harbour Gazette"]);
        // Near miss: the words in running text.
        assert!(
            at(
                "Her post on the storm first appeared on a forum.",
                Place::Line
            )
            .is_none()
        );
    }

    #[test]
    fn originally_family() {
        assert_eq!(
            credits(
                "This article originally appeared on Ridge Ledger.",
                Place::Line
            ),
            ["Ridge Ledger"]
        );
        assert_eq!(
            credits("Originally published by Lakeside Courier", Place::Line),
            ["Lakeside Courier"]
        );
        let t = "Station falls to Earth originally appeared on BGR.com on Mon, 1 Jan 2018 at 10:05:01 EDT. Please see our terms.";
        assert_eq!(credits(t, Place::Foot), ["bgr.com"]);
        let c = line_credit(
            "Originally published at https://ridge.example/a/b.",
            4,
            Place::Line,
        )
        .unwrap();
        assert_eq!(c.url.as_deref(), Some("https://ridge.example/a/b"));
        // Near miss: a person is no outlet.
        assert!(at("It originally appeared in Jane Roe's notebook", Place::Line).is_none());
        assert!(at("The plan originally called for two bridges.", Place::Line).is_none());
    }

    #[test]
    fn republished_family() {
        let t =
            "This article is republished from The Conversation under a Creative Commons license.";
        assert_eq!(credits(t, Place::Line), ["The Conversation"]);
        assert_eq!(
            credits("Reposted from Harbour Gazette.", Place::Line),
            ["Harbour Gazette"]
        );
        assert_eq!(
            credits("Reprinted with permission from Valley Radio", Place::Line),
            ["Valley Radio"]
        );
        assert_eq!(
            credits("Cross-posted from Lantern Blog", Place::Line),
            ["Lantern Blog"]
        );
        assert_eq!(credits("نقلا عن سبوتنيك", Place::Line), ["Sputnik"]);
        // Near misses: a language, and the word in running text.
        assert!(at("Translated from Arabic", Place::Line).is_none());
        assert!(at("Reposted comments are welcome", Place::Line).is_none());
    }

    #[test]
    fn copyright_family() {
        let t = "Copyright 2018 The Associated Press. All rights reserved. This material may not be published.";
        let c = line_credit(t, 15, Place::Foot).unwrap();
        assert_eq!(c.outlets, ["Associated Press"]);
        assert_eq!(c.evidence, "Copyright 2018 The Associated Press.");
        assert_eq!(
            credits("© 2020 Harbour Gazette", Place::Last),
            ["Harbour Gazette"]
        );
        assert_eq!(
            credits("Copyright © 2018 NPR. All rights reserved.", Place::Foot),
            ["NPR"]
        );
        // Near misses: a photographer's credit, no name, a person, and not at the foot.
        assert!(at("©Philippe Lopez (AFP)", Place::Last).is_none());
        assert!(at("Copyright 2018. Follow INSIDER on Twitter.", Place::Last).is_none());
        assert!(at("© Jane Roe", Place::Last).is_none());
        assert!(at("Copyright 2018 The Associated Press.", Place::Line).is_none());
    }

    #[test]
    fn contributed_family() {
        assert_eq!(
            credits(
                "The Associated Press contributed to this report.",
                Place::Foot
            ),
            ["Associated Press"]
        );
        assert_eq!(
            credits("Reuters and AFP contributed to this story.", Place::Foot),
            ["Reuters", "Agence France-Presse"]
        );
        assert_eq!(
            credits("Additional reporting by Reuters", Place::Foot),
            ["Reuters"]
        );
        // Near misses: people, and a person of an outlet.
        assert!(
            at(
                "Tom Vale in Seoul and Ana Ruiz in Tokyo contributed to this report.",
                Place::Foot
            )
            .is_none()
        );
        assert!(
            at(
                "NPR's Sarah Knight contributed to this report.",
                Place::Foot
            )
            .is_none()
        );
    }

    #[test]
    fn reporting_by_family() {
        assert_eq!(
            credits(
                "(Reporting by Mara Holt; Editing by Ben Oduya)",
                Place::Last
            ),
            ["Reuters"]
        );
        let t = "The ferry runs again. (Writing by Mara Holt; Editing by Ben Oduya)";
        let c = line_credit(t, 12, Place::Last).unwrap();
        assert_eq!(c.evidence, "(Writing by Mara Holt; Editing by Ben Oduya)");
        // Near misses: no editor named, and a reporter in running text.
        assert!(at("(Reporting by Mara Holt)", Place::Last).is_none());
        assert!(at("Reporting by Mara Holt found the ferry late.", Place::Foot).is_none());
    }

    #[test]
    fn with_inputs_family() {
        assert_eq!(
            credits("(With inputs from PTI)", Place::Line),
            ["Press Trust of India"]
        );
        assert_eq!(
            credits("With inputs from Reuters and AFP", Place::Foot),
            ["Reuters", "Agence France-Presse"]
        );
        // Near miss: agencies unnamed.
        assert!(at("(With inputs from agencies)", Place::Last).is_none());
    }

    #[test]
    fn source_family() {
        assert_eq!(credits("Source: Sputnik", Place::Line), ["Sputnik"]);
        assert_eq!(credits("Via: Valley Radio", Place::Line), ["Valley Radio"]);
        assert_eq!(credits("المصدر: سبوتنيك", Place::Line), ["Sputnik"]);
        assert_eq!(credits("ماخذ: خبر ایجنسی", Place::Line), ["خبر ایجنسی"]);
        // Near misses: a chart's source, a person, running text.
        assert!(
            at(
                "Source: Regulatory filings, estimates from bank executives",
                Place::Line
            )
            .is_none()
        );
        assert!(at("Source: Aerial image by Google", Place::Line).is_none());
        assert!(at("Source: Jane Roe", Place::Line).is_none());
        assert!(at("Sources say the talks failed", Place::Line).is_none());
    }

    #[test]
    fn courtesy_family() {
        assert_eq!(
            credits("Courtesy of Valley Radio", Place::Line),
            ["Valley Radio"]
        );
        assert_eq!(credits("بشکریہ روزنامہ صبح", Place::Line), ["روزنامہ صبح"]);
        // Near misses: a person's photo, a caption's credit.
        assert!(at("Courtesy of Brian Vale", Place::Line).is_none());
        assert!(at("(Courtesy of Valley Zoo)", Place::Line).is_none());
    }

    #[test]
    fn sign_off_family() {
        assert_eq!(credits("(AFP)", Place::Last), ["Agence France-Presse"]);
        assert_eq!(
            credits("jm/dm (AFP, dpa)", Place::Last),
            ["Agence France-Presse", "Deutsche Presse-Agentur"]
        );
        assert_eq!(
            credits(
                "The ferry will run again on Monday, he said. (Reuters)",
                Place::Last
            ),
            ["Reuters"]
        );
        assert_eq!(
            credits("— Associated Press", Place::Last),
            ["Associated Press"]
        );
        // Near misses: not the last line, a person, a photo credit, a parenthesis in a sentence.
        assert!(at("(AFP)", Place::Foot).is_none());
        assert!(at("— Jane Roe", Place::Last).is_none());
        assert!(
            at(
                "Offshore firms created by a law firm ©jgd (AFP)",
                Place::Last
            )
            .is_none()
        );
        assert!(at("The vote was close (Reuters)", Place::Last).is_none());
        assert!(at("(China Daily 10/03/2017 page4)", Place::Last).is_none());
    }
}
