//! Real exports against schemas/graph.schema.json, with every node and edge kind present.

mod common;

use chrono::NaiveDate;
use claimtrace::EdgeKind;
use claimtrace::{Alignment, ClaimKind, Degree, Rewrite, SentencePair, Span, SpanBasis};
use claimtrace::{BuildOptions, build_graph};
use claimtrace::{ClaimMention, QuoteVariant, SpeakerMention};
use claimtrace::{Credit, Item};
use claimtrace::{Format, write_graph};
use claimtrace::{ItemLink, LinkKind};
use common::{assert_valid_graph, graph_validator};
use serde_json::Value;
use std::sync::Arc;

/// Two items of a fictional wire story and its repost (captured twice: a later version), with a
/// quote, every edge kind filled.
fn full_graph_json(with_text: bool) -> Value {
    let file: Arc<str> = Arc::from("fixture.txt");
    let text =
        "“The dam is safe,” said Chief Engineer Noor Castellan. She told Valley Radio on Friday.";
    let mut wire = Item::with_own_text(&file, 0, 100, text.to_string());
    wire.origin.spans = SpanBasis::File;
    wire.meta.title = Some("Dam declared safe".into());
    wire.meta.outlet = Some("Valley Wire".into());
    wire.meta.published = NaiveDate::from_ymd_opt(2031, 5, 3);
    wire.meta.authors = vec!["Petra Lind".into()];
    wire.meta.byline = Some("Petra Lind".into());
    wire.meta.dateline = Some("OSTRAVEN".into());
    wire.meta.language = Some("en".into());
    let mut copy = Item::with_own_text(&file, 100, 220, format!("Reposted. {text}"));
    copy.meta.title = Some("Dam safe, says engineer".into());
    copy.meta.outlet = Some("The Valley Blog".into());
    copy.meta.credits = vec![Credit {
        outlet: "Valley Wire".into(),
        evidence: "Source: Valley Wire".into(),
        date: NaiveDate::from_ymd_opt(2031, 5, 3),
    }];
    copy.warnings.push("unreadable date \"someday\"".into());
    copy.meta.url = Some("https://valley-blog.example/dam".into());
    // The same page captured again after an edit: a later version.
    let mut edited = copy.clone();
    edited.origin.start = 220;
    edited.origin.end = 330;
    edited.text_mut().push_str(" Updated.");
    let quote_end = text.find('”').unwrap();
    let claim = |offset: usize| ClaimMention {
        text: text[3..quote_end - 1].to_string(),
        span: Span::new(offset + 3, offset + quote_end - 1),
        parts: Vec::new(),
        kind: ClaimKind::Direct,
        language: Some("en".into()),
        speaker: Some(SpeakerMention {
            name: "Noor Castellan".into(),
            aliases: vec!["Castellan".into()],
            roles: vec!["Chief Engineer".into()],
            span: Span::new(offset + 31, offset + 44),
        }),
        cue: Some("said".into()),
        reported_by: Some("Valley Radio".into()),
        said_on: NaiveDate::from_ymd_opt(2031, 5, 2),
        source_span: None,
        variant_of: None,
    };
    // The repost also misquotes the engineer: a variant of her words.
    let mut misquote = claim("Reposted. ".len());
    misquote.text = "The dam is sound".into();
    misquote.variant_of = Some(Box::new(QuoteVariant {
        original: claim(0).text,
        difference: "words changed: \"sound\" for \"safe\"".into(),
        confidence: 0.75,
    }));
    let claims = vec![
        vec![claim(0)],
        vec![claim("Reposted. ".len()), misquote],
        vec![],
    ];
    let links = vec![
        ItemLink {
            kind: LinkKind::Reposts,
            copy: 1,
            source: 0,
            confidence: 0.97,
            evidence: "copy contains the source; credits Valley Wire".into(),
            aligned: vec![Alignment {
                source: Span::new(0, text.len()),
                copy: Span::new(10, 10 + text.len()),
            }],
            rewrite: None,
        },
        ItemLink {
            kind: LinkKind::SameText,
            copy: 0,
            source: 1,
            confidence: 0.5,
            evidence: "test".into(),
            aligned: vec![],
            rewrite: None,
        },
        ItemLink {
            kind: LinkKind::Rewrites,
            copy: 1,
            source: 0,
            confidence: 0.6,
            evidence: "rewritten: test".into(),
            aligned: vec![],
            rewrite: Some(Box::new(Rewrite {
                degree: Degree::Partly,
                derived_share: 0.4,
                sentences: vec![SentencePair {
                    aligned: Alignment {
                        source: Span::new(0, 20),
                        copy: Span::new(10, 30),
                    },
                    changed: "2 words replaced".into(),
                }],
            })),
        },
    ];
    let g = build_graph(
        vec![wire, copy, edited],
        claims,
        &links,
        BuildOptions { with_text },
    );
    let mut out = Vec::new();
    write_graph(&g, Format::Json, &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn every_node_and_edge_kind_validates() {
    for with_text in [false, true] {
        let g = full_graph_json(with_text);
        assert_valid_graph(&g);
        let mut edge_kinds: Vec<&str> = g["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["kind"].as_str().unwrap())
            .collect();
        edge_kinds.sort();
        edge_kinds.dedup();
        let mut all: Vec<&str> = EdgeKind::ALL.iter().map(|k| k.as_str()).collect();
        all.sort();
        assert_eq!(edge_kinds, all);
    }
}

#[test]
fn same_quote_in_two_items_is_one_claim_with_two_contains() {
    let g = full_graph_json(false);
    let claims: Vec<&Value> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "claim" && n["text"] != "The dam is sound")
        .collect();
    assert_eq!(claims.len(), 1);
    let contains: Vec<&Value> = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "contains" && e["target"] == claims[0]["id"])
        .collect();
    assert_eq!(contains.len(), 2);
    // Each mention names its speaker; the claim's said_by counts the items that do.
    let speaker = contains[0]["speaker"].as_str().unwrap();
    assert_eq!(contains[1]["speaker"], speaker);
    let said_by: Vec<&Value> = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "said_by" && e["source"] == claims[0]["id"])
        .collect();
    assert_eq!(said_by.len(), 1);
    assert_eq!(said_by[0]["target"], speaker);
    assert_eq!(said_by[0]["items"], 2);
    let variant = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "variant_of")
        .unwrap();
    assert_eq!(variant["target"], claims[0]["id"]);
    assert_eq!(variant["evidence"], "words changed: \"sound\" for \"safe\"");
    // The file-basis item maps its span to the file; the text-basis item keeps its own offsets.
    let spans: Vec<u64> = contains
        .iter()
        .map(|e| e["span"][0].as_u64().unwrap())
        .collect();
    assert!(spans.contains(&3) && spans.contains(&13), "{spans:?}");
    let same: Vec<&Value> = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "same_text")
        .collect();
    assert!(same[0]["source"].as_str() < same[0]["target"].as_str());
}

#[test]
fn a_rewrite_carries_its_degree_share_and_sentences() {
    let g = full_graph_json(false);
    let edges = g["edges"].as_array().unwrap();
    let r = edges.iter().find(|e| e["kind"] == "rewrites").unwrap();
    assert_eq!(r["degree"], "partly");
    assert_eq!(r["derived_share"], 0.4);
    assert_eq!(
        r["aligned_sentences"],
        serde_json::json!([{"aligned": [0, 20, 10, 30], "changed": "2 words replaced"}])
    );
    // A repost carries none of it.
    let p = edges.iter().find(|e| e["kind"] == "reposts").unwrap();
    assert!(p.get("degree").is_none() && p.get("aligned_sentences").is_none());
}

type Mutation = Box<dyn Fn(&mut Value)>;

#[test]
fn schema_rejects_broken_graphs() {
    let v = graph_validator();
    let good = full_graph_json(false);
    assert!(v.is_valid(&good));
    let mutations: Vec<Mutation> = vec![
        Box::new(|g| g["version"] = 2.into()),
        // A said_by edge counts at least one item; a contains edge's speaker is an id.
        Box::new(|g| {
            let e = g["edges"]
                .as_array_mut()
                .unwrap()
                .iter_mut()
                .find(|e| e["kind"] == "said_by")
                .unwrap();
            e["items"] = 0.into();
        }),
        Box::new(|g| {
            let e = g["edges"]
                .as_array_mut()
                .unwrap()
                .iter_mut()
                .find(|e| e["kind"] == "contains")
                .unwrap();
            e["speaker"] = "Noor Castellan".into();
        }),
        // A claim in pieces has two or more.
        Box::new(|g| {
            let e = g["edges"]
                .as_array_mut()
                .unwrap()
                .iter_mut()
                .find(|e| e["kind"] == "contains")
                .unwrap();
            e["parts"] = serde_json::json!([[3, 9]]);
        }),
        Box::new(|g| g["nodes"][0]["id"] = "not-a-uuid".into()),
        Box::new(|g| g["edges"][0]["kind"] = "mentions".into()),
        Box::new(|g| {
            let item = g["nodes"]
                .as_array_mut()
                .unwrap()
                .iter_mut()
                .find(|n| n["kind"] == "item")
                .unwrap();
            item.as_object_mut().unwrap().remove("excerpt");
        }),
        Box::new(|g| {
            let c = g["nodes"]
                .as_array_mut()
                .unwrap()
                .iter_mut()
                .find(|n| n["kind"] == "claim")
                .unwrap();
            c["claim_kind"] = "rumour".into();
        }),
        Box::new(|g| {
            let d = g["nodes"]
                .as_array_mut()
                .unwrap()
                .iter_mut()
                .find(|n| n["kind"] == "date")
                .unwrap();
            d["date"] = "3 May 2031".into();
        }),
    ];
    for (i, m) in mutations.iter().enumerate() {
        let mut g = good.clone();
        m(&mut g);
        assert!(!v.is_valid(&g), "mutation {i} passed the schema");
    }
}

#[test]
fn record_schema_accepts_the_examples() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(common::repo("schemas/record.schema.json")).unwrap(),
    )
    .unwrap();
    let v = jsonschema::validator_for(&schema).unwrap();
    for line in include_str!("../examples/reposts.jsonl").lines() {
        let r: Value = serde_json::from_str(line).unwrap();
        assert!(v.is_valid(&r), "{line}");
    }
    assert!(!v.is_valid(&serde_json::json!({"title": "no text"})));
}
