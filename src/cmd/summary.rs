//! The opening of `claimtrace report`: what the items come to, in a few lines a class can read
//! before any item's details; and how many claims each item's section shows. Input text in it
//! (titles, outlets, claims, names) is escaped for the terminal (`terminal.rs`).

use super::terminal::{safe, shown};
use claimtrace::{ItemReport, Summary};
use serde::Serialize;
use std::io::Write;

/// Groups of copies listed by name; the rest are counted.
const GROUPS_SHOWN: usize = 10;

/// `report --json`: the summary, then every item's report.
#[derive(Debug, Serialize)]
pub struct Report {
    pub summary: Summary,
    pub items: Vec<ItemReport>,
}

/// How many of an item's claims its section lists (`--claims N` or `all`).
#[derive(Debug, Clone, Copy)]
pub struct ClaimsShown(pub usize);

impl std::str::FromStr for ClaimsShown {
    type Err = String;

    fn from_str(s: &str) -> Result<ClaimsShown, String> {
        if s.eq_ignore_ascii_case("all") {
            return Ok(ClaimsShown(usize::MAX));
        }
        s.parse()
            .map(ClaimsShown)
            .map_err(|_| format!("{s:?} is neither a number nor \"all\""))
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The summary in words.
pub fn write_summary(s: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "In short")?;
    let span = match (&s.first_date, &s.last_date) {
        (Some(a), Some(b)) if a == b => format!(", all on {a}"),
        (Some(a), Some(b)) => format!(", {a} to {b}"),
        _ => String::new(),
    };
    let undated = if s.undated > 0 {
        format!(" ({} undated)", s.undated)
    } else {
        String::new()
    };
    writeln!(
        out,
        "  {} from {}{span}{undated}.",
        plural(s.items, "item", "items"),
        plural(s.outlets, "outlet", "outlets")
    )?;
    if s.copy_groups.is_empty() {
        writeln!(out, "  No item is shown to copy another.")?;
    } else {
        writeln!(
            out,
            "  {} of items that copy one another:",
            plural(s.copy_groups.len(), "group", "groups")
        )?;
        for g in s.copy_groups.iter().take(GROUPS_SHOWN) {
            let source = match g.first_known_sources.as_slice() {
                [] => format!(
                    "no sign of which came first; earliest {}",
                    g.members.first().map(shown).unwrap_or_default()
                ),
                [one] => format!("first known source {}", shown(one)),
                many => format!(
                    "first known sources {}",
                    many.iter().map(shown).collect::<Vec<_>>().join("; ")
                ),
            };
            writeln!(
                out,
                "    {} ({}): {source}",
                plural(g.items, "item", "items"),
                safe(&g.outlets.join(", "))
            )?;
        }
        if s.copy_groups.len() > GROUPS_SHOWN {
            let more = s.copy_groups.len() - GROUPS_SHOWN;
            writeln!(
                out,
                "    … and {more} more {} (each item's section below says what it copies)",
                if more == 1 { "group" } else { "groups" }
            )?;
        }
    }
    if !s.most_copied.is_empty() {
        writeln!(out, "  Most copied:")?;
        for m in &s.most_copied {
            writeln!(
                out,
                "    {}, copied by {}",
                shown(&m.item),
                plural(m.copies, "item", "items")
            )?;
        }
    }
    let (agencies, others): (Vec<_>, Vec<_>) = s.credited.iter().partition(|c| c.agency);
    let named = |v: &[&claimtrace::Credited]| {
        v.iter()
            .map(|c| format!("{} ({})", safe(&c.outlet), plural(c.items, "item", "items")))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !agencies.is_empty() {
        writeln!(out, "  News agencies credited: {}.", named(&agencies))?;
    }
    if !others.is_empty() {
        writeln!(out, "  Other outlets credited: {}.", named(&others))?;
    }
    if !s.disagreeing.is_empty() {
        writeln!(
            out,
            "  {} attributed to different speakers in different items:",
            plural(s.disagreeing.len(), "claim", "claims")
        )?;
        for d in s.disagreeing.iter().take(5) {
            writeln!(
                out,
                "    \"{}\" — {}",
                safe(&d.claim),
                safe(&d.speakers.join(" or "))
            )?;
        }
        if s.disagreeing.len() > 5 {
            writeln!(out, "    … and {} more", s.disagreeing.len() - 5)?;
        }
    }
    if !s.dated_before_source.is_empty() {
        writeln!(
            out,
            "  Dated before the item they copy (check the dates): {}.",
            s.dated_before_source
                .iter()
                .map(shown)
                .collect::<Vec<_>>()
                .join("; ")
        )?;
    }
    writeln!(out)
}
