//! Graph building stage: items, their claims and the reuse links between them become nodes and
//! edges of the contract. Ids follow from canonical keys, so the graph does not depend on the
//! order items arrive in.

use crate::dates::DateCheck;
use crate::extract::{ClaimMention, QuoteVariant, SpeakerMention};
use crate::item::Item;
use crate::link::{ItemLink, LinkKind};
use crate::model::ids::node_id;
use crate::model::{
    ClaimNode, DateNode, Edge, EdgeKind, Graph, ItemNode, Node, NodeData, OutletNode, SpeakerNode,
};
use crate::vocab::{Alignment, SentencePair, canonical_key, claim_key};
use chrono::NaiveDate;
use rayon::prelude::*;
use uuid::Uuid;

mod items;
mod parts_of;
pub(crate) mod trim;
pub(crate) use items::in_canonical_order;
pub use items::{KeyFacts, key_facts};
pub use items::{OrderKey, distinct_items, item_key, order_key};
pub use parts_of::{
    EdgePart, ItemKeyed, ItemParts, LinkPart, NodePart, graph_of_parts, item_keys, item_parts,
    link_part,
};

/// What the graph holds beyond what every graph holds.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildOptions {
    /// Include each item's full text (`--with-text`).
    pub with_text: bool,
}

/// Builds the graph of one run. `claims[i]` are the claims of `items[i]`; links index `items`.
/// Items and claims are taken by value and consumed one item at a time: their strings move into
/// the graph instead of being copied, which keeps the peak memory of a large run down. Which
/// items are one node and which are versions of one is `items::key_items`'s; a node merged
/// from several inputs takes the most frequent form of each field (`Graph::settle_forms`), so
/// the graph does not depend on the order the items came in.
pub fn build_graph(
    items: Vec<Item>,
    claims: Vec<Vec<ClaimMention>>,
    links: &[ItemLink],
    opts: BuildOptions,
) -> Graph {
    let mut g = Graph::new();
    // A rewrite's sentences in each item's span basis, mapped while the items are at hand.
    let sentences: Vec<Vec<SentencePair>> = links
        .iter()
        .map(|l| link_sentences(l, &items[l.copy], &items[l.source]))
        .collect();
    let keyed = items::key_items(&items);
    let mut notes = date_warnings(&items, links);
    for v in &keyed.versions {
        let (first, later) = version_notes(v.shared);
        notes[v.first].push(first);
        notes[v.later].push(later);
    }
    let item_ids: Vec<Uuid> = keyed.keys.par_iter().map(|k| node_id("item", k)).collect();
    let mut claims = claims.into_iter();
    let mut notes = notes.into_iter();
    // Quotations that vary another's wording: linked once every claim node is in.
    let mut variants: Vec<(Uuid, Box<QuoteVariant>)> = Vec::new();
    // The graph is built on one thread, item after item; what each item needs that depends on
    // it alone (its excerpt, which reads its text) is made ahead, on every core, a block of
    // items at a time so that no more than a block's excerpts wait.
    let mut items = items.into_iter();
    let mut i = 0;
    loop {
        let block: Vec<Item> = items.by_ref().take(trim::EVERY).collect();
        if block.is_empty() {
            break;
        }
        trim::give_back_freed();
        let excerpts: Vec<String> = block.par_iter().map(Item::excerpt).collect();
        for (mut item, excerpt) in block.into_iter().zip(excerpts) {
            let (item_claims, notes) = (claims.next().unwrap_or_default(), notes.next());
            let id = item_ids[i];
            // Another capture of the same text under the same key stands for this one.
            if keyed.same_as[i].is_none() {
                add_notes(&mut item, notes.unwrap_or_default());
                add_item(&mut g, item, id, excerpt, item_claims, opts, &mut variants);
            }
            i += 1;
        }
    }
    for v in &keyed.versions {
        g.add_edge(version_edge(item_ids[v.later], item_ids[v.first], v.shared));
    }
    for (changed, v) in variants {
        if let Some((e, original)) = variant_edge(changed, &v)
            && g.node(original).is_some()
        {
            g.add_edge(e);
        }
    }
    for (l, sentences) in links.iter().zip(sentences) {
        if let Some(e) = link_edge(l, item_ids[l.copy], item_ids[l.source], sentences) {
            g.add_edge(e);
        }
    }
    g.settle_forms();
    g
}

/// The notes on the first and on a later version of an item (one URL or record id, `shared`,
/// two texts).
fn version_notes(shared: &str) -> (String, String) {
    (
        format!(
            "another capture of this {shared} has a different text: a later version of this item \
             (version_of)"
        ),
        format!(
            "another capture of this {shared} has a different text: this is a later version of it \
             (version_of)"
        ),
    )
}

/// The edge from a later version of an item to its first.
fn version_edge(later: Uuid, first: Uuid, shared: &str) -> Edge {
    Edge::new(EdgeKind::VersionOf, later, first)
        .with_evidence(1.0, format!("the same {shared}, another text"))
}

/// Adds the run's notes to an item's warnings, each once.
fn add_notes(item: &mut Item, notes: Vec<String>) {
    for n in notes {
        if !item.warnings.contains(&n) {
            item.warnings.push(n);
        }
    }
}

/// The edge from a quotation (`changed`, its claim node) to the wording it varies, and that
/// wording's node, which must be in the graph for the edge to be; None when they are one.
fn variant_edge(changed: Uuid, v: &QuoteVariant) -> Option<(Edge, Uuid)> {
    let original = node_id("claim", &claim_key(&v.original));
    (original != changed).then(|| {
        let e = Edge::new(EdgeKind::VariantOf, changed, original)
            .with_evidence(v.confidence, v.difference.clone());
        (e, original)
    })
}

/// A rewrite's aligned sentences in each item's span basis.
fn link_sentences(l: &ItemLink, copy: &Item, source: &Item) -> Vec<SentencePair> {
    match &l.rewrite {
        Some(r) => r
            .sentences
            .iter()
            .map(|x| SentencePair {
                aligned: Alignment {
                    source: source.span(x.aligned.source),
                    copy: copy.span(x.aligned.copy),
                },
                changed: x.changed.clone(),
            })
            .collect(),
        None => Vec::new(),
    }
}

/// The edge of a link between the item nodes `copy` and `source` (None when they are one
/// node), `sentences` its rewrite's ([`link_sentences`]).
fn link_edge(l: &ItemLink, copy: Uuid, source: Uuid, sentences: Vec<SentencePair>) -> Option<Edge> {
    if copy == source {
        return None;
    }
    let mut e = match l.kind {
        LinkKind::Reposts => Edge::new(EdgeKind::Reposts, copy, source),
        LinkKind::Rewrites => Edge::new(EdgeKind::Rewrites, copy, source),
        // same_text is undirected: written from the smaller id to the larger.
        LinkKind::SameText => Edge::new(EdgeKind::SameText, copy.min(source), copy.max(source)),
    }
    .with_evidence(l.confidence, l.evidence.clone());
    // Every alignment is written with its first span in the edge's target and its second in
    // the edge's source, as a repost's are (source item, then copy). A same_text edge runs
    // from the smaller id, which may be the item the link called its source: then each
    // alignment is turned round, so a reader never has to guess which half is which.
    let turned = l.kind == LinkKind::SameText && e.source != copy;
    let orient = |a: Alignment| {
        if turned {
            Alignment {
                source: a.copy,
                copy: a.source,
            }
        } else {
            a
        }
    };
    let d = e.detail_mut();
    d.aligned = l.aligned.iter().copied().map(orient).collect();
    if let Some(r) = &l.rewrite {
        d.degree = Some(r.degree);
        d.derived_share = Some(r.derived_share);
        d.aligned_sentences = sentences
            .into_iter()
            .map(|x| SentencePair {
                aligned: orient(x.aligned),
                changed: x.changed,
            })
            .collect();
    }
    Some(e)
}

/// What each item's dates must be warned of: a date the run cannot believe, and a date earlier
/// than the source the item is shown to copy (sorted: links come in input order).
fn date_warnings(items: &[Item], links: &[ItemLink]) -> Vec<Vec<String>> {
    let check = DateCheck::of(items);
    let mut from_links: Vec<Vec<String>> = vec![Vec::new(); items.len()];
    for l in links {
        if let Some(w) = source_warning(&check, l, &items[l.copy], &items[l.source]) {
            from_links[l.copy].push(w);
        }
    }
    items
        .iter()
        .zip(from_links)
        .map(|(it, w)| date_notes(&check, it, w))
        .collect()
}

/// The warning a link's copy gets when its date is earlier than its source's: of reposts and
/// rewrites, whose direction the evidence shows.
fn source_warning(check: &DateCheck, l: &ItemLink, copy: &Item, source: &Item) -> Option<String> {
    matches!(l.kind, LinkKind::Reposts | LinkKind::Rewrites)
        .then(|| check.earlier_than_source(copy, source))
        .flatten()
}

/// An item's date warnings: its own date's doubt and those its links gave it, sorted, each once.
fn date_notes(check: &DateCheck, item: &Item, from_links: Vec<String>) -> Vec<String> {
    let mut w: Vec<String> = check.doubt(item).into_iter().collect();
    w.extend(from_links);
    w.sort();
    w.dedup();
    w
}

/// Adds an item (its `excerpt` made ahead), its metadata edges and its claims.
fn add_item(
    g: &mut Graph,
    mut item: Item,
    id: Uuid,
    excerpt: String,
    claims: Vec<ClaimMention>,
    opts: BuildOptions,
    variants: &mut Vec<(Uuid, Box<QuoteVariant>)>,
) -> Uuid {
    let m = &mut item.meta;
    g.upsert_node(Node::new(
        id,
        NodeData::Item(Box::new(ItemNode {
            title: m.title.take(),
            url: m.url.take(),
            record_id: m.record_id.take(),
            published: m.published,
            byline: m.byline.take(),
            dateline: m.dateline.take(),
            // Cloned, not taken: the item's claims fall back to it below.
            language: m.language.clone(),
            origin: item.origin.clone(),
            excerpt,
            warnings: std::mem::take(&mut item.warnings),
            text: None,
        })),
    ));
    if let Some(name) = &m.outlet {
        let o = add_outlet(g, name, m.domain.as_deref());
        g.add_edge(Edge::new(EdgeKind::PublishedBy, id, o));
    }
    if let Some(d) = m.published {
        let d = add_date(g, d);
        g.add_edge(Edge::new(EdgeKind::PublishedOn, id, d));
    }
    for a in &m.authors {
        let s = add_speaker(g, a, &[], &[]);
        g.add_edge(Edge::new(EdgeKind::WrittenBy, id, s));
    }
    for c in &m.credits {
        let o = add_outlet(g, &c.outlet, None);
        let mut e = Edge::new(EdgeKind::Credits, id, o).with_evidence(1.0, c.evidence.clone());
        e.detail_mut().date = c.date.map(|d| d.to_string());
        g.add_edge(e);
    }
    for c in claims {
        add_claim(g, id, &item, c, variants);
    }
    if opts.with_text
        && let Some(NodeData::Item(node)) = g.node_mut(id).map(|n| &mut n.data)
    {
        node.text = Some(item.take_text());
    }
    id
}

fn add_claim(
    g: &mut Graph,
    item_id: Uuid,
    item: &Item,
    mut c: ClaimMention,
    variants: &mut Vec<(Uuid, Box<QuoteVariant>)>,
) {
    let attributing = c.attributing_span();
    let key = claim_key(&c.text);
    if key.is_empty() {
        return;
    }
    let id = node_id("claim", &key);
    if let Some(v) = c.variant_of.take() {
        variants.push((id, v));
    }
    g.upsert_node(Node::new(
        id,
        NodeData::Claim(ClaimNode {
            text: c.text,
            claim_kind: c.kind,
            language: c.language.or_else(|| item.meta.language.clone()),
        }),
    ));
    // A second mention of the claim in one item adds nothing: the item names it once.
    if g.edge_mut(item_id, id, EdgeKind::Contains).is_some() {
        return;
    }
    let speaker = c.speaker.as_ref().map(
        |SpeakerMention {
             name,
             aliases,
             roles,
             ..
         }| add_speaker(g, name, aliases, roles),
    );
    let mut e = Edge::new(EdgeKind::Contains, item_id, id);
    let d = e.detail_mut();
    d.span = Some(item.span(c.span));
    if !c.parts.is_empty() {
        d.parts = Some(Box::new(c.parts.iter().map(|&p| item.span(p)).collect()));
    }
    d.speaker_span = attributing.map(|p| item.span(p));
    d.cue = c.cue;
    d.speaker = speaker;
    g.add_edge(e);
    if let Some(s) = speaker {
        // The claim's said_by edges are the aggregate of its items' attributions.
        match g.edge_mut(id, s, EdgeKind::SaidBy) {
            Some(e) => *e.detail_mut().items.get_or_insert(0) += 1,
            None => {
                let mut e = Edge::new(EdgeKind::SaidBy, id, s);
                e.detail_mut().items = Some(1);
                g.add_edge(e);
            }
        }
    }
    if let Some(d) = c.said_on {
        let d = add_date(g, d);
        g.add_edge(Edge::new(EdgeKind::SaidOn, id, d));
    }
    if let Some(o) = &c.reported_by {
        let o = add_outlet(g, o, None);
        g.add_edge(Edge::new(EdgeKind::ReportedBy, id, o));
    }
}

/// Adds the outlet node for a name, resolved through the curated table.
pub fn add_outlet(g: &mut Graph, name: &str, domain: Option<&str>) -> Uuid {
    let o = crate::outlets::resolve(Some(name), domain).unwrap_or(crate::outlets::Outlet {
        name: name.to_string(),
        domain: domain.map(str::to_string),
        known: false,
    });
    let mut aliases = Vec::new();
    if o.name != name {
        aliases.push(name.to_string());
    }
    g.upsert_node(Node::new(
        node_id("outlet", &canonical_key(&o.name)),
        NodeData::Outlet(OutletNode {
            name: o.name,
            aliases,
            domain: o.domain.or_else(|| domain.map(str::to_string)),
        }),
    ))
}

fn add_speaker(g: &mut Graph, name: &str, aliases: &[String], roles: &[String]) -> Uuid {
    let mut aliases = aliases.to_vec();
    aliases.retain(|a| a != name);
    aliases.sort();
    aliases.dedup();
    let mut roles = roles.to_vec();
    roles.sort();
    roles.dedup();
    g.upsert_node(Node::new(
        node_id("speaker", &canonical_key(name)),
        NodeData::Speaker(SpeakerNode {
            name: name.to_string(),
            aliases,
            roles,
        }),
    ))
}

fn add_date(g: &mut Graph, d: NaiveDate) -> Uuid {
    let s = d.to_string();
    g.upsert_node(Node::new(
        node_id("date", &s),
        NodeData::Date(DateNode { date: s }),
    ))
}
