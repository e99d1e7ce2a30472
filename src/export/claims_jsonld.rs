//! schema.org `Claim` JSON-LD export, for fact-checkers: one `Claim` per claim node with its
//! `text`, its `author` (the speakers it is said by, `Person` or `Organization`), every
//! `appearance` (each item containing it, as a `NewsArticle` with url, headline, datePublished
//! and publisher) and its `firstAppearance` (`provenance::first_appearance`: the earliest-dated
//! item containing it), ready to be the `itemReviewed` of a `ClaimReview`.
//! Ids are the graph's (`urn:uuid:`), so a claim keeps its id across runs and corpora.

use super::agent::speaker_is_person;
use super::day::ymd_str;
use crate::model::{EdgeKind, Graph, Node, NodeData};
use crate::provenance::appearances;
use chrono::NaiveDate;
use serde::{Serialize, Serializer};
use std::collections::HashMap;
use std::io::{self, BufWriter, Write};
use uuid::Uuid;

/// A node's id as a JSON-LD `@id`, `urn:uuid:...`, written straight into the output.
#[derive(Clone, Copy)]
struct Urn(Uuid);

impl Serialize for Urn {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 45];
        buf[..9].copy_from_slice(b"urn:uuid:");
        self.0.hyphenated().encode_lower(&mut buf[9..]);
        // ASCII throughout.
        s.serialize_str(std::str::from_utf8(&buf).unwrap_or_default())
    }
}

/// A publication date as schema.org's `Date`, YYYY-MM-DD.
#[derive(Clone, Copy)]
struct Day(NaiveDate);

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(ymd_str(self.0, &mut [0; 10]))
    }
}

#[derive(Serialize)]
struct Agent<'a> {
    #[serde(rename = "@type")]
    ty: &'static str,
    #[serde(rename = "@id")]
    id: Urn,
    name: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Article<'a> {
    #[serde(rename = "@type")]
    ty: &'static str,
    #[serde(rename = "@id")]
    id: Urn,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<Day>,
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "one_or_many")]
    publisher: Vec<Agent<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    in_language: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Claim<'a, 'b> {
    #[serde(rename = "@type")]
    ty: &'static str,
    #[serde(rename = "@id")]
    id: Urn,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    in_language: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "one_or_many")]
    author: Vec<Agent<'a>>,
    /// When the claim was said, where a text says (`said_on`); the earliest such date.
    #[serde(skip_serializing_if = "Option::is_none")]
    date_created: Option<&'a str>,
    appearance: &'b [Article<'a>],
    #[serde(skip_serializing_if = "Option::is_none")]
    first_appearance: Option<&'b Article<'a>>,
}

/// One value as itself, several as a list: what schema.org consumers expect of `author`.
fn one_or_many<T: Serialize, S: Serializer>(v: &[T], s: S) -> Result<S::Ok, S::Error> {
    match v {
        [one] => one.serialize(s),
        many => many.serialize(s),
    }
}

/// The nodes at the end of `from`'s edges of `kind`, by id.
fn targets(graph: &Graph, from: Uuid, kind: EdgeKind) -> Vec<&Node> {
    let mut v: Vec<&Node> = graph
        .edges_from(from)
        .filter(|e| e.kind == kind)
        .filter_map(|e| graph.node(e.target))
        .collect();
    v.sort_by_key(|n| n.id);
    v
}

/// Whether each speaker met so far is a person: a speaker quoted in many claims is classified
/// once (the rule looks names up in the outlet table).
type People = HashMap<Uuid, bool>;

fn agent<'a>(n: &'a Node, people: &mut People) -> Option<Agent<'a>> {
    let (ty, name) = match &n.data {
        NodeData::Speaker(s) => {
            let person = *people
                .entry(n.id)
                .or_insert_with(|| speaker_is_person(&s.name));
            (if person { "Person" } else { "Organization" }, &s.name)
        }
        NodeData::Outlet(o) => ("Organization", &o.name),
        _ => return None,
    };
    Some(Agent {
        ty,
        id: Urn(n.id),
        name,
    })
}

fn article<'a>(graph: &'a Graph, n: &'a Node, people: &mut People) -> Option<Article<'a>> {
    let NodeData::Item(item) = &n.data else {
        return None;
    };
    Some(Article {
        ty: "NewsArticle",
        id: Urn(n.id),
        url: item.url.as_deref(),
        headline: item.title.as_deref(),
        date_published: item.published.map(Day),
        publisher: targets(graph, n.id, EdgeKind::PublishedBy)
            .into_iter()
            .filter_map(|o| agent(o, people))
            .collect(),
        in_language: item.language.as_deref(),
    })
}

pub fn write(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    let mut w = BufWriter::with_capacity(1 << 16, out);
    w.write_all(b"{\"@context\":\"https://schema.org\",\"@graph\":[")?;
    let mut first = true;
    let mut people = People::new();
    for n in graph.sorted_nodes() {
        let NodeData::Claim(c) = &n.data else {
            continue;
        };
        // Earliest first, so the first appearance is the first of them.
        let articles: Vec<Article> = appearances(graph, n.id)
            .into_iter()
            .filter_map(|i| article(graph, i, &mut people))
            .collect();
        let claim = Claim {
            ty: "Claim",
            id: Urn(n.id),
            text: &c.text,
            in_language: c.language.as_deref(),
            author: targets(graph, n.id, EdgeKind::SaidBy)
                .into_iter()
                .filter_map(|s| agent(s, &mut people))
                .collect(),
            date_created: graph
                .edges_from(n.id)
                .filter(|e| e.kind == EdgeKind::SaidOn)
                .filter_map(|e| match graph.node(e.target).map(|d| &d.data) {
                    Some(NodeData::Date(d)) => Some(d.date.as_str()),
                    _ => None,
                })
                .min(),
            first_appearance: articles.first(),
            appearance: &articles,
        };
        w.write_all(if first { b"\n" } else { b",\n" })?;
        first = false;
        serde_json::to_writer(&mut w, &claim)?;
    }
    w.write_all(b"\n]}\n")?;
    w.flush()
}
