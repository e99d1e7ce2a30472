//! What the page shows, gathered from the graph: the items with their panels' contents, the
//! outlets they credit whose originals are not in the inputs, the claims and speakers, the lines
//! between them, the legend, and where everything stands (`layout`). Serialised as the JSON the
//! page reads; the page's script only draws it.

use super::ViewOptions;
use super::layout::{self, BAND_GAP, Columns, Placed};
use super::text::{safe_url, utf16_offsets};
use crate::export::look::{EDGE_LOOKS, Layer, NODE_LOOKS, edge_look};
use crate::model::{Edge, EdgeKind, Graph, ItemNode, NodeData, NodeKind};
use crate::provenance::{first_appearance, stories};
use crate::vocab::{Alignment, ClaimKind, SpanBasis, excerpt};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use uuid::Uuid;

/// The page's data (field names short: a 10,000-item view carries them many times).
#[derive(Debug, Serialize)]
pub struct ViewData {
    /// What the view shows, in a few words (the page's title).
    pub title: String,
    /// How many of each kind of thing the graph holds.
    pub counts: Counts,
    /// The limits the view was made with and what they left out.
    pub limits: Limits,
    /// The legend's node kinds.
    pub node_kinds: Vec<KindLine>,
    /// The legend's edge kinds (an edge's `k` indexes this).
    pub edge_kinds: Vec<EdgeKindLine>,
    /// The outlets' lanes, top to bottom.
    pub lanes: Vec<Lane>,
    /// The days' columns, by date.
    pub days: Vec<Day>,
    /// The undated column's x, when anything is undated.
    pub undated_x: Option<i64>,
    /// The leftmost and rightmost column.
    pub extent: (i64, i64),
    /// The items.
    pub items: Vec<ViewItem>,
    /// Outlets credited whose original is not among the inputs.
    pub credited: Vec<CreditedNode>,
    /// The claims.
    pub claims: Vec<ViewClaim>,
    /// The speakers, and outlets named by claims that have no lane.
    pub people: Vec<Person>,
    /// The lines.
    pub edges: Vec<ViewEdge>,
    /// How many stories (items joined by copying) there are.
    pub stories: usize,
}

#[derive(Debug, Serialize)]
pub struct Counts {
    pub items: usize,
    pub outlets: usize,
    pub claims: usize,
    pub speakers: usize,
}

#[derive(Debug, Serialize)]
pub struct Limits {
    /// Claims and speakers are drawn when the page opens (a small graph).
    pub claims_shown: bool,
    /// Claims and speakers may all be drawn at once; above the limit, only a focused story's.
    pub claims_all: bool,
    /// The claims above which only a focused story's are drawn.
    pub claims_limit: usize,
    /// Items whose full text is in the page, for the copy beside its source.
    pub texts: usize,
    /// Items in a copy whose text was left out to keep the page small.
    pub texts_left_out: usize,
    /// The bytes of text the page may hold.
    pub text_budget: usize,
}

#[derive(Debug, Serialize)]
pub struct KindLine {
    pub kind: &'static str,
    pub words: &'static str,
    pub colour: &'static str,
}

#[derive(Debug, Serialize)]
pub struct EdgeKindLine {
    pub kind: &'static str,
    pub label: &'static str,
    pub words: &'static str,
    pub colour: &'static str,
    pub line: &'static str,
    pub width: u8,
    pub arrow: bool,
    /// `story` lines are always drawn, `claims` lines with the claims.
    pub layer: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Lane {
    pub name: String,
    pub y: i64,
    pub h: i64,
    /// An outlet only credited, none of whose items is in the inputs.
    pub credited_only: bool,
}

#[derive(Debug, Serialize)]
pub struct Day {
    pub date: String,
    pub x: i64,
}

#[derive(Debug, Serialize)]
pub struct ViewItem {
    pub id: String,
    pub title: String,
    /// The title cut for the drawing.
    pub label: String,
    pub lane: usize,
    pub date: Option<String>,
    /// The URL as a link, only when it is http or https.
    pub url: Option<String>,
    /// The URL as given, shown as text when it is no link.
    pub url_text: Option<String>,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    pub language: Option<String>,
    /// Where the item is among the inputs.
    pub location: String,
    pub credits: Vec<ItemCredit>,
    pub excerpt: String,
    /// The full text, when the item is in a copy and the text budget allowed it.
    pub text: Option<String>,
    pub x: i64,
    pub y: i64,
    pub story: usize,
    /// Why its date is doubtful, in words.
    pub odd: Vec<String>,
    /// Its claims (indexes of `claims`), in text order of the claims' texts.
    pub claims: Vec<usize>,
    /// For each of its claims, the speaker this item names (an index of `people`).
    pub named: Vec<Option<usize>>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct ItemCredit {
    pub outlet: String,
    pub evidence: Option<String>,
    pub date: Option<String>,
    /// The credited node (index of `credited`) when the original is not in the inputs.
    pub node: Option<usize>,
}

#[derive(Debug, Serialize)]
pub struct CreditedNode {
    pub outlet: String,
    pub lane: usize,
    pub x: i64,
    pub y: i64,
    /// The items that credit it.
    pub by: Vec<usize>,
}

#[derive(Debug, Serialize)]
pub struct ViewClaim {
    pub text: String,
    pub label: String,
    pub kind: &'static str,
    /// Speakers it is attributed to (indexes of `people`).
    pub speakers: Vec<usize>,
    /// Items that print it, by index.
    pub items: Vec<usize>,
    /// The earliest item that prints it.
    pub first: Option<usize>,
    /// The items that print it name different speakers.
    pub disagree: bool,
    /// The wording it changes, when it is a quotation printed with words changed or left out
    /// (an index of `claims`), and the difference in words.
    pub variant_of: Option<usize>,
    pub difference: Option<String>,
    pub x: i64,
    pub y: i64,
}

#[derive(Debug, Serialize)]
pub struct Person {
    pub name: String,
    pub roles: Vec<String>,
    /// An outlet named by a claim (said to, first carried by) that has no lane of its own.
    pub outlet: bool,
    pub x: i64,
    pub y: i64,
}

#[derive(Debug, Serialize)]
pub struct ViewEdge {
    /// Its kind, an index of `edge_kinds`.
    pub k: usize,
    /// The drawn ends: `i`tem, `o` credited outlet, `c`laim, `p`erson, `d`ay, and the index.
    pub s: String,
    pub t: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conf: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ev: Option<String>,
    /// Shared passages in UTF-16 offsets of the two items' texts: [in the edge's source item
    /// start, end, in its target item start, end], when both texts are in the page.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub al: Vec<[usize; 4]>,
    /// A rewrite: the share of the story that follows its source (0..1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
}

/// Everything the page shows of `g`.
pub fn gather(g: &Graph, opts: &ViewOptions) -> ViewData {
    let nodes = g.sorted_nodes();
    let edges = g.sorted_edges();
    let items: Vec<(Uuid, &ItemNode)> = nodes
        .iter()
        .filter_map(|n| match &n.data {
            NodeData::Item(it) => Some((n.id, it.as_ref())),
            _ => None,
        })
        .collect();
    let item_ix: HashMap<Uuid, usize> = items.iter().enumerate().map(|(i, p)| (p.0, i)).collect();
    let date_of = |i: usize| items[i].1.published.map(|d| d.to_string());
    let label_of = |id: Uuid| {
        g.node(id)
            .map(|n| n.label().into_owned())
            .unwrap_or_default()
    };

    let story_of = story_index(g, &item_ix, items.len());
    let stories_n = story_of.iter().copied().max().map_or(0, |m| m + 1);

    // Lanes: the outlets that publish items; items without one share a lane.
    let mut publisher: Vec<Option<Uuid>> = vec![None; items.len()];
    for e in edges.iter().filter(|e| e.kind == EdgeKind::PublishedBy) {
        if let Some(&i) = item_ix.get(&e.source) {
            publisher[i].get_or_insert(e.target);
        }
    }
    let mut lane_names: BTreeMap<Option<Uuid>, String> = BTreeMap::new();
    for p in &publisher {
        lane_names
            .entry(*p)
            .or_insert_with(|| p.map_or("(no outlet named)".to_string(), label_of));
    }

    // Credits whose original is not in the inputs: no item of the crediting item's story was
    // published by the credited outlet. Those outlets get a node of their own.
    let story_outlets: HashSet<(usize, Uuid)> = publisher
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.map(|o| (story_of[i], o)))
        .collect();
    let mut item_credits: Vec<Vec<(Uuid, &Edge)>> = vec![Vec::new(); items.len()];
    let mut credited_at: BTreeMap<Uuid, (Option<String>, Vec<usize>)> = BTreeMap::new();
    for e in edges.iter().filter(|e| e.kind == EdgeKind::Credits) {
        let Some(&i) = item_ix.get(&e.source) else {
            continue;
        };
        item_credits[i].push((e.target, e));
        if story_outlets.contains(&(story_of[i], e.target)) {
            continue;
        }
        let when = e.detail().date.clone().or_else(|| date_of(i));
        let entry = credited_at
            .entry(e.target)
            .or_insert((when.clone(), Vec::new()));
        entry.0 = match (entry.0.take(), when) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        entry.1.push(i);
    }
    for o in credited_at.keys() {
        lane_names.entry(Some(*o)).or_insert_with(|| label_of(*o));
    }

    // Claims and the people who said them.
    let claim_ids: Vec<Uuid> = nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Claim)
        .map(|n| n.id)
        .collect();
    let claim_ix: HashMap<Uuid, usize> =
        claim_ids.iter().enumerate().map(|(i, &c)| (c, i)).collect();
    let mut people_ids: Vec<Uuid> = nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Speaker)
        .map(|n| n.id)
        .collect();
    // Outlets a claim names that have no lane and no credited node stand with the people.
    let laned: BTreeSet<Uuid> = lane_names.keys().flatten().copied().collect();
    for e in &edges {
        let look = edge_look(e.kind);
        if look.layer == Layer::Claims
            && claim_ix.contains_key(&e.source)
            && g.node(e.target).is_some_and(|n| n.kind == NodeKind::Outlet)
            && !laned.contains(&e.target)
        {
            people_ids.push(e.target);
        }
    }
    people_ids.sort_unstable();
    people_ids.dedup();
    let person_ix: HashMap<Uuid, usize> = people_ids
        .iter()
        .enumerate()
        .map(|(i, &p)| (p, i))
        .collect();

    // Columns: every date of an item, a credited original, or a date node.
    let mut dates: Vec<String> = (0..items.len()).filter_map(date_of).collect();
    dates.extend(credited_at.values().filter_map(|c| c.0.clone()));
    dates.extend(nodes.iter().filter_map(|n| match &n.data {
        NodeData::Date(d) => Some(d.date.clone()),
        _ => None,
    }));
    let undated_anything = (0..items.len()).any(|i| items[i].1.published.is_none())
        || credited_at.values().any(|c| c.0.is_none());
    let columns = Columns::new(dates.iter().map(String::as_str), undated_anything);

    // Lanes ordered by their first date (undated last), then name.
    let mut first_date: BTreeMap<Option<Uuid>, Option<String>> = BTreeMap::new();
    let mut note = |lane: Option<Uuid>, d: Option<String>| {
        let slot = first_date.entry(lane).or_insert(None);
        if let Some(d) = d
            && slot.as_ref().is_none_or(|s| d < *s)
        {
            *slot = Some(d);
        }
    };
    for (i, p) in publisher.iter().enumerate() {
        note(*p, date_of(i));
    }
    for (o, (d, _)) in &credited_at {
        note(Some(*o), d.clone());
    }
    let mut lane_order: Vec<(bool, Option<String>, String, Option<Uuid>)> = lane_names
        .iter()
        .map(|(k, name)| {
            let d = first_date.get(k).cloned().flatten();
            (d.is_none(), d, name.clone(), *k)
        })
        .collect();
    lane_order.sort();
    let lane_of: HashMap<Option<Uuid>, usize> = lane_order
        .iter()
        .enumerate()
        .map(|(i, l)| (l.3, i))
        .collect();

    // Place the items and credited outlets in lanes.
    let mut placed: Vec<Placed> = (0..items.len())
        .map(|i| Placed {
            lane: lane_of[&publisher[i]],
            x: columns.x(date_of(i).as_deref()),
            order: format!("1{}\u{0}{}", label_of(items[i].0), items[i].0),
        })
        .collect();
    placed.extend(credited_at.iter().map(|(o, (d, _))| Placed {
        lane: lane_of[&Some(*o)],
        x: columns.x(d.as_deref()),
        order: format!("0{o}"),
    }));
    let (tops, heights, ys, lanes_bottom) = layout::stack_lanes(lane_order.len(), &placed);

    // Claims below the lanes, at the column of the first item that prints them; the people
    // below the claims, at the column of their first claim.
    let mut claim_items: Vec<Vec<usize>> = vec![Vec::new(); claim_ids.len()];
    let mut item_claims: Vec<Vec<(usize, Option<usize>)>> = vec![Vec::new(); items.len()];
    let mut claim_named: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); claim_ids.len()];
    for e in edges.iter().filter(|e| e.kind == EdgeKind::Contains) {
        if let (Some(&i), Some(&c)) = (item_ix.get(&e.source), claim_ix.get(&e.target)) {
            let named = e.detail().speaker.and_then(|s| person_ix.get(&s).copied());
            claim_items[c].push(i);
            item_claims[i].push((c, named));
            claim_named[c].extend(named);
        }
    }
    let mut variant: Vec<Option<(usize, Option<String>)>> = vec![None; claim_ids.len()];
    for e in edges.iter().filter(|e| e.kind == EdgeKind::VariantOf) {
        if let (Some(&c), Some(&o)) = (claim_ix.get(&e.source), claim_ix.get(&e.target)) {
            variant[c] = Some((o, e.detail().evidence.clone()));
        }
    }
    let claim_first: Vec<Option<usize>> = claim_ids
        .iter()
        .map(|&c| first_appearance(g, c).and_then(|n| item_ix.get(&n.id).copied()))
        .collect();
    let claim_x: Vec<i64> = claim_first
        .iter()
        .map(|f| columns.x(f.and_then(date_of).as_deref()))
        .collect();
    let claim_keys: Vec<(i64, String)> = claim_ids
        .iter()
        .zip(&claim_x)
        .map(|(&c, &x)| (x, format!("{}\u{0}{c}", label_of(c))))
        .collect();
    let (claim_y, claims_bottom) = layout::stack_band(lanes_bottom + BAND_GAP, &claim_keys);
    let mut person_x: Vec<Option<i64>> = vec![None; people_ids.len()];
    let mut claim_people: Vec<Vec<usize>> = vec![Vec::new(); claim_ids.len()];
    for e in &edges {
        if let (Some(&c), Some(&p)) = (claim_ix.get(&e.source), person_ix.get(&e.target)) {
            if e.kind == EdgeKind::SaidBy {
                claim_people[c].push(p);
            }
            let x = person_x[p].get_or_insert(claim_x[c]);
            *x = (*x).min(claim_x[c]);
        }
        if let (Some(&i), Some(&p)) = (item_ix.get(&e.source), person_ix.get(&e.target)) {
            let x = person_x[p].get_or_insert(placed[i].x);
            *x = (*x).min(placed[i].x);
        }
    }
    let person_keys: Vec<(i64, String)> = people_ids
        .iter()
        .zip(&person_x)
        .map(|(&p, x)| (x.unwrap_or(0), format!("{}\u{0}{p}", label_of(p))))
        .collect();
    let (person_y, _) = layout::stack_band(claims_bottom + BAND_GAP, &person_keys);

    // The texts of items in a copy, within the budget, in id order.
    let mut in_copy = vec![false; items.len()];
    for e in &edges {
        if let (Some(&a), Some(&b)) = (item_ix.get(&e.source), item_ix.get(&e.target)) {
            in_copy[a] = true;
            in_copy[b] = true;
        }
    }
    let mut budget = opts.text_budget;
    let mut texts_left_out = 0;
    let mut text_of: Vec<Option<&str>> = vec![None; items.len()];
    for (i, (_, it)) in items.iter().enumerate() {
        let Some(t) = it.text.as_deref().filter(|_| in_copy[i]) else {
            texts_left_out += usize::from(in_copy[i]);
            continue;
        };
        if t.len() <= budget && t.len() <= opts.text_max {
            budget -= t.len();
            text_of[i] = Some(t);
        } else {
            texts_left_out += 1;
        }
    }

    // Each drawn node's key, for the lines.
    let credited_ix: HashMap<Uuid, usize> = credited_at
        .keys()
        .enumerate()
        .map(|(i, &o)| (o, i))
        .collect();
    let day_ix: HashMap<String, usize> = columns
        .days()
        .enumerate()
        .map(|(i, (d, _))| (d.to_string(), i))
        .collect();
    let key_of = |id: Uuid, kind: EdgeKind| -> Option<String> {
        if let Some(i) = item_ix.get(&id) {
            return Some(format!("i{i}"));
        }
        if let Some(o) = credited_ix.get(&id) {
            return Some(format!("o{o}"));
        }
        if kind == EdgeKind::Credits {
            // A credit whose original is in the inputs: the copy's own line shows it.
            return None;
        }
        if let Some(c) = claim_ix.get(&id) {
            return Some(format!("c{c}"));
        }
        if let Some(p) = person_ix.get(&id) {
            return Some(format!("p{p}"));
        }
        match g.node(id).map(|n| &n.data) {
            Some(NodeData::Date(d)) => day_ix.get(&d.date).map(|i| format!("d{i}")),
            _ => None,
        }
    };
    let kinds_used: BTreeSet<EdgeKind> = edges.iter().map(|e| e.kind).collect();
    let mut edge_kinds: Vec<EdgeKindLine> = EDGE_LOOKS
        .iter()
        .filter(|l| l.layer != Layer::Layout)
        .map(|l| edge_kind_line(l.kind))
        .collect();
    let mut kind_ix: HashMap<EdgeKind, usize> = EDGE_LOOKS
        .iter()
        .filter(|l| l.layer != Layer::Layout)
        .enumerate()
        .map(|(i, l)| (l.kind, i))
        .collect();
    for k in kinds_used {
        if !kind_ix.contains_key(&k) && edge_look(k).layer != Layer::Layout {
            kind_ix.insert(k, edge_kinds.len());
            edge_kinds.push(edge_kind_line(k));
        }
    }
    let view_edges: Vec<ViewEdge> = edges
        .iter()
        .filter_map(|e| {
            let k = *kind_ix.get(&e.kind)?;
            let (s, t) = (key_of(e.source, e.kind)?, key_of(e.target, e.kind)?);
            let al = match (item_ix.get(&e.source), item_ix.get(&e.target)) {
                (Some(&a), Some(&b)) => match (text_of[a], text_of[b]) {
                    // A rewrite's sentences point into each item's span basis: into the texts
                    // here only when both items' spans are text offsets.
                    (Some(ta), Some(tb))
                        if e.kind != EdgeKind::Rewrites
                            || [a, b]
                                .iter()
                                .all(|&i| items[i].1.origin.spans == SpanBasis::Text) =>
                    {
                        shared_passages(e, ta, tb)
                    }
                    _ => Vec::new(),
                },
                _ => Vec::new(),
            };
            Some(ViewEdge {
                k,
                s,
                t,
                conf: e.detail().confidence,
                ev: e.detail().evidence.clone(),
                al,
                share: e.detail().derived_share,
            })
        })
        .collect();

    let view_items: Vec<ViewItem> = items
        .iter()
        .enumerate()
        .map(|(i, &(id, it))| {
            let mut claims = item_claims[i].clone();
            claims.sort_by_cached_key(|&(c, _)| label_of(claim_ids[c]));
            let (claims, named): (Vec<usize>, Vec<Option<usize>>) = claims.into_iter().unzip();
            ViewItem {
                id: id.to_string(),
                title: label_of(id),
                label: excerpt(&label_of(id), 64),
                lane: placed[i].lane,
                date: date_of(i),
                url: it.url.as_deref().and_then(safe_url),
                url_text: it.url.clone(),
                byline: it.byline.clone(),
                dateline: it.dateline.clone(),
                language: it.language.clone(),
                location: match it.origin.start {
                    0 => it.origin.file.to_string(),
                    at => format!("{} at byte {at}", it.origin.file),
                },
                credits: item_credits[i]
                    .iter()
                    .map(|(o, e)| ItemCredit {
                        outlet: label_of(*o),
                        evidence: e.detail().evidence.clone(),
                        date: e.detail().date.clone(),
                        node: credited_ix
                            .get(o)
                            .copied()
                            .filter(|_| credited_at[o].1.contains(&i)),
                    })
                    .collect(),
                excerpt: it.excerpt.clone(),
                text: text_of[i].map(str::to_string),
                x: placed[i].x,
                y: ys[i],
                story: story_of[i],
                odd: odd_dates(g, id, it),
                claims,
                named,
                warnings: it.warnings.clone(),
            }
        })
        .collect();

    let credited: Vec<CreditedNode> = credited_at
        .iter()
        .enumerate()
        .map(|(n, (o, (_, by)))| CreditedNode {
            outlet: label_of(*o),
            lane: placed[items.len() + n].lane,
            x: placed[items.len() + n].x,
            y: ys[items.len() + n],
            by: by.clone(),
        })
        .collect();
    let claims: Vec<ViewClaim> = claim_ids
        .iter()
        .enumerate()
        .map(|(c, &id)| {
            let (text, kind) = match g.node(id).map(|n| &n.data) {
                Some(NodeData::Claim(cl)) => (cl.text.clone(), claim_kind_words(cl.claim_kind)),
                _ => (String::new(), ""),
            };
            let mut speakers = claim_people[c].clone();
            speakers.sort_unstable();
            speakers.dedup();
            ViewClaim {
                label: excerpt(&text, 60),
                text: excerpt(&text, opts.claim_max),
                kind,
                speakers,
                items: claim_items[c].clone(),
                first: claim_first[c],
                disagree: claim_named[c].len() > 1,
                variant_of: variant[c].as_ref().map(|v| v.0),
                difference: variant[c].as_ref().and_then(|v| v.1.clone()),
                x: claim_x[c],
                y: claim_y[c],
            }
        })
        .collect();
    let people: Vec<Person> = people_ids
        .iter()
        .enumerate()
        .map(|(p, &id)| {
            let (name, roles, outlet) = match g.node(id).map(|n| &n.data) {
                Some(NodeData::Speaker(s)) => (s.name.clone(), s.roles.clone(), false),
                _ => (label_of(id), Vec::new(), true),
            };
            Person {
                name,
                roles,
                outlet,
                x: person_keys[p].0,
                y: person_y[p],
            }
        })
        .collect();

    let lanes: Vec<Lane> = lane_order
        .iter()
        .enumerate()
        .map(|(i, (_, _, name, key))| Lane {
            name: name.clone(),
            y: tops[i],
            h: heights[i],
            credited_only: key.is_some_and(|o| !publisher.contains(&Some(o))),
        })
        .collect();
    // Outlets that published items (credited-only lanes are not theirs).
    let outlets_n = publisher.iter().flatten().collect::<BTreeSet<_>>().len();
    let claims_all = claims.len() <= opts.claims_limit;
    ViewData {
        title: format!(
            "{} item{} from {} outlet{}",
            items.len(),
            if items.len() == 1 { "" } else { "s" },
            outlets_n,
            if outlets_n == 1 { "" } else { "s" }
        ),
        counts: Counts {
            items: items.len(),
            outlets: nodes.iter().filter(|n| n.kind == NodeKind::Outlet).count(),
            claims: claims.len(),
            speakers: nodes.iter().filter(|n| n.kind == NodeKind::Speaker).count(),
        },
        limits: Limits {
            claims_shown: claims.len() <= opts.claims_shown,
            claims_all,
            claims_limit: opts.claims_limit,
            texts: text_of.iter().flatten().count(),
            texts_left_out,
            text_budget: opts.text_budget,
        },
        node_kinds: NODE_LOOKS
            .iter()
            .map(|l| KindLine {
                kind: l.kind.as_str(),
                words: l.words,
                colour: l.colour(),
            })
            .collect(),
        edge_kinds,
        lanes,
        days: columns
            .days()
            .map(|(d, x)| Day {
                date: d.to_string(),
                x,
            })
            .collect(),
        undated_x: columns.undated,
        extent: columns.extent(),
        items: view_items,
        credited,
        claims,
        people,
        edges: view_edges,
        stories: stories_n,
    }
}

fn edge_kind_line(kind: EdgeKind) -> EdgeKindLine {
    let l = edge_look(kind);
    EdgeKindLine {
        kind: kind.as_str(),
        label: l.label,
        words: l.words,
        colour: l.colour(),
        line: l.line.as_str(),
        width: l.width,
        arrow: l.arrow,
        layer: match l.layer {
            Layer::Story => "story",
            Layer::Claims => "claims",
            Layer::Layout => "layout",
        },
    }
}

/// A claim's kind in the words of the panel.
fn claim_kind_words(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Direct => "quoted",
        ClaimKind::Indirect => "reported speech",
        ClaimKind::Turn => "interview answer",
    }
}

/// The story (index into [`stories`]) of each item.
fn story_index(g: &Graph, item_ix: &HashMap<Uuid, usize>, n: usize) -> Vec<usize> {
    let mut story_of = vec![0; n];
    for (s, members) in stories(g).into_iter().enumerate() {
        for m in members {
            if let Some(&i) = item_ix.get(&m) {
                story_of[i] = s;
            }
        }
    }
    story_of
}

/// Why an item's date is doubtful: dated before the item it copies, after an item copied from
/// it, or before the original it credits.
fn odd_dates(g: &Graph, id: Uuid, it: &ItemNode) -> Vec<String> {
    let Some(own) = it.published.map(|d| d.to_string()) else {
        return Vec::new();
    };
    let date = |other: Uuid| crate::provenance::published(g, other);
    let mut odd = BTreeSet::new();
    for e in g.edges_from(id) {
        match e.kind {
            EdgeKind::Reposts => {
                if let Some(d) = date(e.target).filter(|d| *d > own) {
                    odd.insert(format!("dated before the item it copies ({d})"));
                }
            }
            EdgeKind::Credits => {
                if let Some(d) = e.detail().date.as_ref().filter(|d| **d > own) {
                    odd.insert(format!("dated before the original it credits ({d})"));
                }
            }
            _ => {}
        }
    }
    for e in g.edges_to(id).filter(|e| e.kind == EdgeKind::Reposts) {
        if let Some(d) = date(e.source).filter(|d| *d < own) {
            odd.insert(format!("dated after an item copied from it ({d})"));
        }
    }
    odd.into_iter().collect()
}

/// The shared passages of a copy edge in UTF-16 offsets of its two ends' texts, the edge's
/// source item's first: what the page highlights.
///
/// Every edge's alignments have their first span in the edge's target and their second in its
/// source (the graph builder turns a `same_text` edge's round to fit), so the halves swap here.
fn shared_passages(e: &Edge, edge_source: &str, edge_target: &str) -> Vec<[usize; 4]> {
    // A rewrite shows its aligned sentences where a copy shows its passages.
    let sentences: Vec<Alignment>;
    let aligned = if e.kind == EdgeKind::Rewrites {
        sentences = e
            .detail()
            .aligned_sentences
            .iter()
            .map(|x| x.aligned)
            .collect();
        &sentences
    } else {
        &e.detail().aligned
    };
    if aligned.is_empty() {
        return Vec::new();
    }
    type Spans = Vec<(usize, usize)>;
    let (in_source, in_target): (Spans, Spans) = aligned
        .iter()
        .map(|a| ((a.copy.start, a.copy.end), (a.source.start, a.source.end)))
        .unzip();
    let a = utf16_offsets(edge_source, &in_source);
    let b = utf16_offsets(edge_target, &in_target);
    a.into_iter()
        .zip(b)
        .filter_map(|(a, b)| Some([a?.0, a?.1, b?.0, b?.1]))
        .collect()
}
