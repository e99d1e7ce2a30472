//! Prints the reuse links of the inputs as TSV, one per line: copy id, source id, kind,
//! confidence, evidence and the start of the first aligned passage in the copy. For evaluation
//! scripts (scripts/reuse/) and for looking at what was linked.
//!
//! cargo run --release --example link_pairs -- INPUT...

use claimtrace::{LinkKind, link_items};
use claimtrace::{NoProgress, Settings, read_inputs};

fn main() {
    let inputs = std::env::args_os().skip(1).map(Into::into).collect();
    let settings = Settings {
        inputs,
        skip_bad: true,
        ..Settings::default()
    };
    let (items, _) = read_inputs(&settings, &NoProgress, &mut |e| {
        eprintln!("warning: skipped {e}")
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let id = |i: usize| {
        let m = &items[i].meta;
        m.record_id
            .clone()
            .or(m.url.clone())
            .unwrap_or_else(|| i.to_string())
    };
    for l in link_items(&items) {
        let kind = match l.kind {
            LinkKind::Reposts => "reposts",
            LinkKind::SameText => "same_text",
            LinkKind::Rewrites => "rewrites",
        };
        // The first shared passage's first words, on one line.
        let first = l.aligned.first().map_or(String::new(), |a| {
            let text = items[l.copy].text();
            let words: Vec<&str> = text[a.copy.range()].split_whitespace().take(12).collect();
            words.join(" ")
        });
        println!(
            "{}\t{}\t{kind}\t{}\t{}\t{first}",
            id(l.copy),
            id(l.source),
            l.confidence,
            l.evidence
        );
    }
}
