//! Stories: the items joined by copying. A story is a connected component of the graph's
//! item-to-item edges (reposts, shared text, and any such kind the model gains), so the wire's
//! report, the paper that carried it and the blog that reposted the paper are one story, while
//! two items that only share an outlet, a day or a speaker are not.

use crate::model::{Graph, NodeKind};
use petgraph::unionfind::UnionFind;
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

/// Every story of the graph: its items sorted by id, the stories sorted by their first item.
/// An item that copies nothing and that nothing copies is a story of its own.
pub fn stories(g: &Graph) -> Vec<Vec<Uuid>> {
    let items: Vec<Uuid> = g
        .sorted_nodes()
        .into_iter()
        .filter(|n| n.kind == NodeKind::Item)
        .map(|n| n.id)
        .collect();
    let index: HashMap<Uuid, usize> = items.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    let mut joined = UnionFind::<usize>::new(items.len());
    for e in g.sorted_edges() {
        if let (Some(&a), Some(&b)) = (index.get(&e.source), index.get(&e.target)) {
            joined.union(a, b);
        }
    }
    let mut by_root: HashMap<usize, Vec<Uuid>> = HashMap::new();
    for (i, &id) in items.iter().enumerate() {
        by_root.entry(joined.find(i)).or_default().push(id);
    }
    // Items were visited in id order, so each story is sorted; sorting the stories by their
    // first item makes the order independent of the union-find's roots.
    let mut out: Vec<Vec<Uuid>> = by_root.into_values().collect();
    out.sort_unstable_by_key(|s| s[0]);
    out
}

/// The items of the story item `id` belongs to, sorted by id (just `id` when it copies nothing
/// and nothing copies it).
pub fn story_items(g: &Graph, id: Uuid) -> Vec<Uuid> {
    let mut seen = BTreeSet::from([id]);
    let mut todo = vec![id];
    while let Some(at) = todo.pop() {
        for e in g.edges_from(at).chain(g.edges_to(at)) {
            let other = if e.source == at { e.target } else { e.source };
            if g.node(other).is_some_and(|n| n.kind == NodeKind::Item) && seen.insert(other) {
                todo.push(other);
            }
        }
    }
    seen.into_iter().collect()
}

/// The story around item `id` as a graph of its own: its items, every node they point to (their
/// outlets, days, authors, credited outlets and claims), and what those claims point to (their
/// speakers, days and outlets). The picture of one story.
///
/// ```
/// use claimtrace::{BuildOptions, NodeKind, NoProgress, ReadSettings};
///
/// let records = std::fs::read_to_string("examples/reposts.jsonl")?;
/// let items = claimtrace::items_from_records("reposts.jsonl", &records, &ReadSettings::default())?;
/// let graph = claimtrace::graph_of_items(items, BuildOptions::default(), &NoProgress);
/// let lantern = claimtrace::find_item(&graph, "lantern-88")?;
/// let story = claimtrace::story_graph(&graph, lantern);
/// // The blog's post, the Gazette's story and the wire's report; not the mayor's story.
/// let items = story.sorted_nodes().into_iter().filter(|n| n.kind == NodeKind::Item).count();
/// assert_eq!(items, 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn story_graph(g: &Graph, id: Uuid) -> Graph {
    let items = story_items(g, id);
    let mut keep: BTreeSet<Uuid> = items.iter().copied().collect();
    for &item in &items {
        for e in g.edges_from(item) {
            keep.insert(e.target);
            if g.node(e.target).is_some_and(|n| n.kind == NodeKind::Claim) {
                keep.extend(g.edges_from(e.target).map(|x| x.target));
            }
        }
    }
    g.subgraph(|n| keep.contains(&n.id))
}
