//! Which item a user means: by node id, URL, record id, title, input file or part of a title.

use super::shown::{ItemRef, item_ref};
use crate::model::{Graph, ItemNode, NodeData};
use crate::vocab::url_key;
use uuid::Uuid;

/// Why [`find_item`] found no one item.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FindItemError {
    /// No item has the key as id, URL, record id, title or file, nor in its title.
    #[error("no item has the id, URL, record id, title or file {key:?}")]
    NotFound {
        /// The key, trimmed.
        key: String,
    },
    /// Several items have the key as URL, record id or title (one story in two outlets under one
    /// title, one URL captured twice).
    #[error("{} items have the URL, record id or title {key:?}; give the id of one", matches.len())]
    ManyExact {
        /// The key, trimmed.
        key: String,
        /// The items, by id.
        matches: Vec<ItemRef>,
    },
    /// Several items came from the file the key names.
    #[error("{} items come from {key:?}; give the title or the URL of one", matches.len())]
    ManyInFile {
        /// The key, trimmed.
        key: String,
        /// The items, by id.
        matches: Vec<ItemRef>,
    },
    /// Several titles contain the key.
    #[error("{} items have titles containing {key:?}; give more of the title or the URL", matches.len())]
    ManyTitles {
        /// The key, trimmed.
        key: String,
        /// The items, by id.
        matches: Vec<ItemRef>,
    },
}

impl FindItemError {
    /// The items the key matched, when it matched more than one.
    pub fn matches(&self) -> &[ItemRef] {
        match self {
            FindItemError::NotFound { .. } => &[],
            FindItemError::ManyExact { matches, .. }
            | FindItemError::ManyInFile { matches, .. }
            | FindItemError::ManyTitles { matches, .. } => matches,
        }
    }
}

/// The item `key` names, tried in this order: its node id; its URL (compared as
/// [`url_key`](crate::url_key) folds URLs), record id or exact title; the input file it alone
/// came from (the path as given, or its end); else the one title containing `key`,
/// case-insensitively. Where a step matches several items, the error lists them
/// ([`FindItemError::matches`]), sorted by id.
pub fn find_item(g: &Graph, key: &str) -> Result<Uuid, FindItemError> {
    let key = key.trim();
    if let Ok(id) = key.parse::<Uuid>()
        && g.node(id).is_some()
    {
        return Ok(id);
    }
    let items: Vec<(Uuid, &ItemNode)> = g
        .sorted_nodes()
        .into_iter()
        .filter_map(|n| match &n.data {
            NodeData::Item(it) => Some((n.id, it.as_ref())),
            _ => None,
        })
        .collect();
    let url = url_key(key);
    let exact = |it: &ItemNode| {
        it.url.as_deref().map(url_key).as_deref() == Some(url.as_str())
            || it.record_id.as_deref() == Some(key)
            || it.title.as_deref().map(str::trim) == Some(key)
    };
    let refs = |ids: &[Uuid]| ids.iter().map(|&id| item_ref(g, id)).collect::<Vec<_>>();
    let exact: Vec<Uuid> = items
        .iter()
        .filter(|(_, it)| exact(it))
        .map(|(id, _)| *id)
        .collect();
    match exact.as_slice() {
        [one] => return Ok(*one),
        [] => {}
        many => {
            return Err(FindItemError::ManyExact {
                key: key.to_string(),
                matches: refs(many),
            });
        }
    }
    // A file of the inputs (its path as given, or the end of it): plain-text articles have no
    // URL or title to go by.
    let in_file: Vec<Uuid> = items
        .iter()
        .filter(|(_, it)| {
            let f: &str = &it.origin.file;
            f == key
                || f.strip_suffix(key)
                    .is_some_and(|rest| rest.ends_with(['/', '\\']))
        })
        .map(|(id, _)| *id)
        .collect();
    match in_file.as_slice() {
        [one] => return Ok(*one),
        [] => {}
        many => {
            return Err(FindItemError::ManyInFile {
                key: key.to_string(),
                matches: refs(many),
            });
        }
    }
    let lower = key.to_lowercase();
    let partial: Vec<Uuid> = items
        .iter()
        .filter(|(_, it)| {
            it.title
                .as_deref()
                .is_some_and(|t| t.to_lowercase().contains(&lower))
        })
        .map(|(id, _)| *id)
        .collect();
    match partial.as_slice() {
        [one] => Ok(*one),
        [] => Err(FindItemError::NotFound {
            key: key.to_string(),
        }),
        many => Err(FindItemError::ManyTitles {
            key: key.to_string(),
            matches: refs(many),
        }),
    }
}
