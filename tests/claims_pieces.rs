//! One attribution, one claim: quotations broken by their attribution or run on over paragraphs
//! are one claim in pieces (fictional text).

mod common;

use claimtrace::Item;
use claimtrace::Span;
use claimtrace::{ClaimMention, extract_claims};
use common::{assert_valid_graph, claimtrace};
use serde_json::Value;
use std::sync::Arc;

fn claims_on(text: &str) -> Vec<ClaimMention> {
    let file: Arc<str> = Arc::from("t.json");
    let it = Item::with_own_text(&file, 0, text.len(), text.to_string());
    let cs = extract_claims(&it);
    for c in &cs {
        let pieces: Vec<&str> = c.pieces().iter().map(|s| &text[s.range()]).collect();
        assert_eq!(
            pieces.join(" "),
            c.text,
            "pieces are verbatim and make the text"
        );
    }
    cs
}

/// The first node or edge (`list`) of `g` that `pred` takes.
fn first<'a>(g: &'a Value, list: &str, pred: impl Fn(&Value) -> bool) -> &'a Value {
    g[list]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| pred(x))
        .unwrap_or_else(|| panic!("none of the {list} of {g}"))
}

fn texts(cs: &[ClaimMention]) -> Vec<&str> {
    cs.iter().map(|c| c.text.as_str()).collect()
}

#[test]
fn a_quotation_broken_by_its_attribution_is_one_claim() {
    let t = "“The harbour will reopen in May,” Port Director Ines Kalder said on Tuesday, “and the ferries will run all summer.”";
    let cs = claims_on(t);
    assert_eq!(
        texts(&cs),
        ["The harbour will reopen in May and the ferries will run all summer."]
    );
    let c = &cs[0];
    assert_eq!(c.parts.len(), 2);
    assert_eq!(c.span, Span::new(c.parts[0].start, c.parts[1].end));
    assert_eq!(c.cue.as_deref(), Some("said"));
    assert_eq!(c.speaker.as_ref().unwrap().name, "Ines Kalder");

    // The same with the second piece in a sentence of its own.
    let t = "“The harbour will reopen in May,” Kalder said. “The ferries will run all summer.”";
    assert_eq!(
        texts(&claims_on(t)),
        ["The harbour will reopen in May The ferries will run all summer."]
    );
}

#[test]
fn a_quotation_run_on_into_the_next_paragraph_is_one_claim() {
    let t =
        "Ines Kalder said: “The harbour will reopen in May.\n\n“The ferries will run all summer.”";
    let cs = claims_on(t);
    assert_eq!(
        texts(&cs),
        ["The harbour will reopen in May. The ferries will run all summer."]
    );
    assert_eq!(cs[0].parts.len(), 2);
}

#[test]
fn narration_or_a_cue_of_its_own_keeps_two_claims() {
    // A paragraph of narration between the attribution and the next quotation.
    let t = "“The harbour will reopen in May,” Kalder said.\n\nGulls circled the pier.\n\n“The ferries will run all summer.”";
    let cs = claims_on(t);
    assert_eq!(cs.len(), 2, "{cs:?}");
    assert!(cs.iter().all(|c| c.parts.is_empty()));
    // The second quotation hangs on a cue of its own.
    let t =
        "“The harbour will reopen in May,” Kalder said, adding, “The ferries will run all summer.”";
    let cs = claims_on(t);
    assert_eq!(
        texts(&cs),
        [
            "The harbour will reopen in May",
            "The ferries will run all summer."
        ]
    );
    // Two speakers.
    let t =
        "“The harbour will reopen in May,” Kalder said. “Not before June,” Tomas Brill replied.";
    assert_eq!(claims_on(t).len(), 2);
}

#[test]
fn the_contains_edge_lists_the_pieces_in_the_span_basis() {
    let text = "“The harbour will reopen in May,” Port Director Ines Kalder said, “and the ferries will run all summer.”";
    let record = serde_json::json!({"id": "h1", "outlet": "Harbour Wire", "text": text});
    let out = claimtrace()
        .args(["graph", "--with-text", "-"])
        .write_stdin(format!("{record}\n"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let g: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_valid_graph(&g);
    let item = first(&g, "nodes", |n| n["kind"] == "item");
    let item_text = item["text"].as_str().unwrap();
    let edge = first(&g, "edges", |e| e["kind"] == "contains");
    let claim = first(&g, "nodes", |n| n["id"] == edge["target"]);
    let parts: Vec<&str> = edge["parts"]
        .as_array()
        .expect("parts on a claim in pieces")
        .iter()
        .map(|p| &item_text[p[0].as_u64().unwrap() as usize..p[1].as_u64().unwrap() as usize])
        .collect();
    assert_eq!(
        parts,
        [
            "The harbour will reopen in May",
            "and the ferries will run all summer."
        ]
    );
    assert_eq!(claim["text"], parts.join(" "));
    // parts came with version 2.
    assert!(g["version"].as_u64().unwrap() >= 2);
}
