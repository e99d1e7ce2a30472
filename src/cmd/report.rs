//! claimtrace report: a plain-language provenance summary of every item.

use super::inputs::InputArgs;
use super::output::AnswerArgs;
use super::summary::{ClaimsShown, Report, write_summary};
use super::terminal::{safe, shown};
use anyhow::Result;
use claimtrace::{BuildOptions, ItemReport, NodeKind};
use std::io::Write;

const USAGE: &str = "\
Reads every input like `claimtrace graph` and prints, for each item, where it came from in
plain words: what it is a copy of or was rewritten from (with the shared text or sentences and
the evidence of direction), who copied or rewrote it, what it shares text with, which outlets
it credits, its first known source, whom it quotes, and where each of its claims first
appeared among the inputs; where the items holding a claim name different speakers, it says who
attributes it to whom. Items are listed by date, then title, after a summary of them all: items
and outlets, the groups of copies with their first known sources, the most copied items, the
outlets credited, the claims attributed to different speakers. --item reports one story: the
items joined to that item by copying or rewriting.

Examples:
  claimtrace report examples/reposts.jsonl
  claimtrace report corpus/ --item 'https://blog.example/post' --claims all
  claimtrace report corpus/ --json -o report.json";

/// The flags of `claimtrace report`, as parsed.
#[derive(Debug, clap::Args)]
#[command(after_long_help = USAGE, after_help = USAGE)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: AnswerArgs,
    /// Report only the story of this item (node id, URL, record id, title or file): the items
    /// joined to it by copying.
    #[arg(long, value_name = "ID|URL|TITLE")]
    pub item: Option<String>,
    /// Claims listed per item, the rest counted (a number, or all); --json lists all.
    #[arg(long, value_name = "N|all", default_value = "5")]
    pub claims: ClaimsShown,
}

fn write_text(report: &Report, claims: ClaimsShown, out: &mut dyn Write) -> std::io::Result<()> {
    write_summary(&report.summary, out)?;
    for r in &report.items {
        writeln!(out, "{}", shown(&r.item))?;
        if let Some(u) = r.item.url.as_ref().or(r.item.location.as_ref()) {
            writeln!(out, "  {}", safe(u))?;
        }
        writeln!(out, "  {}", safe(&r.summary))?;
        for c in &r.copy_of {
            writeln!(
                out,
                "  {}: {}",
                c.how.from_source(&shown(&c.item)),
                safe(c.how.evidence.as_deref().unwrap_or(""))
            )?;
        }
        for c in &r.copied_by {
            writeln!(out, "  copied or rewritten by {}", shown(c))?;
        }
        for c in &r.same_text {
            writeln!(out, "  same text as {}", shown(c))?;
        }
        for c in r.claims.iter().take(claims.0) {
            let who = c.speaker.as_deref().unwrap_or("unattributed");
            let here = c.first_in.id == r.item.id;
            let first = if here {
                "first here".to_string()
            } else {
                format!("first in {}", shown(&c.first_in))
            };
            writeln!(
                out,
                "  claim ({}): \"{}\" — {first}",
                safe(who),
                safe(&c.claim)
            )?;
            if !c.attributed.is_empty() {
                // One line per disagreement: who said it, according to whom.
                let says: Vec<String> = c
                    .attributed
                    .iter()
                    .map(|a| {
                        let by: Vec<String> = a.by.iter().map(shown).collect();
                        format!("to {} by {}", safe(&a.speaker), and_list(&by))
                    })
                    .collect();
                writeln!(
                    out,
                    "    the items disagree: attributed {}",
                    says.join(", ")
                )?;
            }
            if let Some(v) = &c.variant_of {
                writeln!(
                    out,
                    "    a changed quotation of \"{}\": {}",
                    safe(&v.original),
                    safe(&v.difference)
                )?;
            }
        }
        if r.claims.len() > claims.0 {
            writeln!(
                out,
                "  … and {} more claims (--claims all lists them)",
                r.claims.len() - claims.0
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// "A", "A and B", "A, B and C".
fn and_list(v: &[String]) -> String {
    match v {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

pub fn run(args: Args) -> Result<()> {
    let g = args.input.graph(BuildOptions::default())?;
    let ids = match &args.item {
        Some(key) => claimtrace::story_items(&g, claimtrace::find_item(&g, key)?),
        None => g
            .sorted_nodes()
            .into_iter()
            .filter(|n| n.kind == NodeKind::Item)
            .map(|n| n.id)
            .collect(),
    };
    let mut items: Vec<ItemReport> = claimtrace::report_items(&g);
    if args.item.is_some() {
        items.retain(|r| ids.binary_search(&r.item.id).is_ok());
    }
    let report = Report {
        summary: claimtrace::summarize(&g, &ids),
        items,
    };
    let claims = args.claims;
    args.output
        .write(&report, |r, out| write_text(r, claims, out))
}
