//! Items whose texts are kept packed (as a large run keeps them, src/item/text.rs) give the
//! graph their plain texts give, byte for byte: every stage reads a text through `Item::text`.
//! The whole-corpus checks (scripts/perf/check.sh) run below the size where a run packs, so
//! this is where the packed path is compared.

use claimtrace::{BuildOptions, Format, Item, NoProgress, graph_of_items, write_graph};
use claimtrace_synth::{reposts, rewritten};

fn graph_json(items: Vec<Item>) -> Vec<u8> {
    let g = graph_of_items(items, BuildOptions { with_text: true }, &NoProgress);
    let mut out = Vec::new();
    write_graph(&g, Format::Json, &mut out).expect("JSON");
    out
}

fn same_graph_packed(items: Vec<Item>) {
    let mut packed = items.clone();
    packed.iter_mut().for_each(Item::pack_text);
    for (p, i) in packed.iter().zip(&items) {
        assert_eq!((p.text(), p.text_len()), (i.text(), i.text_len()));
    }
    let (plain, packed) = (graph_json(items), graph_json(packed));
    assert!(plain.len() > 10_000);
    assert!(plain == packed, "the graph changed with packed texts");
}

#[test]
fn reposts_are_linked_the_same_from_packed_texts() {
    let s = reposts::generate(&reposts::SynthOptions {
        items: 400,
        seed: 11,
        ..reposts::SynthOptions::default()
    });
    same_graph_packed(s.items);
}

#[test]
fn rewrites_are_found_the_same_from_packed_texts() {
    let r = rewritten::generate(&rewritten::RewriteOptions {
        events: 20,
        ..rewritten::RewriteOptions::default()
    });
    same_graph_packed(r.items);
}
