//! Item texts kept once (schema version 8 on). An item node's text is the text of a stored item
//! (the build moves it there), which `ct_items` already keeps: the node's row holds its JSON
//! without the text and, in `text_of`, the hash of a stored item whose text it is; a reading
//! command that wants texts (`--with-text`, `view`, `--format html|passim`) joins them back.
//! Before, every add wrote each new item's text twice and hashed every item node's text as
//! JSON again to find the rows that changed, and every reading command read every text to drop
//! it.

use super::StoreError;
use crate::item::Item;
use crate::model::{Graph, NodeData};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use uuid::Uuid;
use xxhash_rust::xxh3::xxh3_128;

/// Which stored item holds a text: by the text's XXH3-128, the first stored item by hash
/// holding it (any item with the same text would do; the first keeps the choice the same
/// whatever the batches).
pub(crate) struct TextIndex(FxHashMap<u128, String>);

impl TextIndex {
    /// Of the stored items, sorted by hash.
    pub fn of(items: &[(String, Item)]) -> TextIndex {
        let digests: Vec<u128> = items
            .par_iter()
            .map(|(_, item)| xxh3_128(item.text().as_bytes()))
            .collect();
        let mut map = FxHashMap::with_capacity_and_hasher(items.len(), Default::default());
        for ((hash, _), d) in items.iter().zip(digests) {
            map.entry(d).or_insert_with(|| hash.clone());
        }
        TextIndex(map)
    }

    /// The hash of a stored item whose text is `text`.
    pub fn item_of(&self, name: &str, node: Uuid, text: &str) -> Result<&str, StoreError> {
        self.0
            .get(&xxh3_128(text.as_bytes()))
            .map(String::as_str)
            .ok_or_else(|| {
                StoreError::new(
                    name,
                    format!("item node {node} has a text that no stored item has"),
                )
            })
    }
}

/// Takes the texts out of `graph`'s item nodes, by node id: the rows keep them apart.
pub(crate) fn take_texts(graph: &mut Graph) -> FxHashMap<Uuid, String> {
    let ids: Vec<Uuid> = graph
        .sorted_nodes()
        .iter()
        .filter(|n| matches!(&n.data, NodeData::Item(i) if i.text.is_some()))
        .map(|n| n.id)
        .collect();
    let mut texts = FxHashMap::with_capacity_and_hasher(ids.len(), Default::default());
    for id in ids {
        if let Some(NodeData::Item(item)) = graph.node_mut(id).map(|n| &mut n.data)
            && let Some(text) = item.text.take()
        {
            texts.insert(id, text);
        }
    }
    texts
}

/// The text of a stored item's body (`ct_items.body`), as the build moves it into its node:
/// the serde form keeps it as a string under `text` (`item/text.rs`), read here without making
/// the rest of the item.
pub(crate) fn of_item_body(name: &str, hash: &str, body: &str) -> Result<String, StoreError> {
    #[derive(serde::Deserialize)]
    struct TextOnly {
        text: String,
    }
    serde_json::from_str::<TextOnly>(body)
        .map(|t| t.text)
        .map_err(|e| StoreError::new(name, format!("stored item {hash} does not read back: {e}")))
}
