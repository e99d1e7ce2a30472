//! Credits to the wire agencies on real news: in the Giveme5W1H news_cluster corpus (383
//! articles), every item whose `authors`, dateline, copyright line, contributor line or sign-off
//! names the Associated Press, Reuters or AFP has a `credits` edge to that agency, and its
//! origin ends at the agency (every first known source of `repost_dag` is the agency's or
//! credits it). Which items credit which agency is
//! read here from the raw records with a few plain patterns, apart from the library's own
//! recognisers. Skipped, visibly, when ../shared is absent.

use claimtrace::{EdgeKind, Graph, NoProgress, NodeData, Settings, graph_of_items, read_inputs};
use regex::Regex;
use std::collections::BTreeSet;
use std::path::Path;

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpora/giveme5w1h-news-cluster/news_cluster/data"
);

const AP: &str = "Associated Press";
const REUTERS: &str = "Reuters";
const AFP: &str = "Agence France-Presse";

/// The agency a printed name stands for.
fn agency(name: &str) -> Option<&'static str> {
    let n = name.trim().to_lowercase();
    let n = n.strip_prefix("the ").unwrap_or(&n);
    if n == "associated press" || n == "ap" {
        Some(AP)
    } else if n == "reuters" || n.starts_with("reuters ") {
        Some(REUTERS)
    } else if n == "afp" || n.starts_with("agence france") {
        Some(AFP)
    } else {
        None
    }
}

/// The agencies a raw news-please record credits, by its author list and its text.
fn gold(record: &serde_json::Value) -> BTreeSet<&'static str> {
    let mut out = BTreeSet::new();
    let authors = match &record["authors"] {
        serde_json::Value::Array(a) => a
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        serde_json::Value::String(s) => s
            .trim_matches(['[', ']'])
            .split(',')
            .map(|p| p.trim().trim_matches(['\'', '"']).to_string())
            .collect(),
        _ => Vec::new(),
    };
    out.extend(authors.iter().filter_map(|a| agency(a)));
    let text = record["text"].as_str().unwrap_or_default();
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let dateline = Regex::new(r"^[^()\n]{0,60}\((AP|Reuters|AFP)\)\s*[-–—]").unwrap();
    let copyright = Regex::new(r"^Copyright \d{4} (The Associated Press|Reuters|AFP)\b").unwrap();
    let contributed =
        Regex::new(r"^(The Associated Press|Reuters|AFP) contributed to this report").unwrap();
    let reuters_form =
        Regex::new(r"\((?:Additional )?(?:[Rr]eporting|Writing) by [^)]*Editing by").unwrap();
    let sign_off =
        Regex::new(r"^(?:[a-z]{1,4}(?:/[a-z]{1,4})*\s+)?\((AFP|Reuters|AP)[,)]").unwrap();
    if let Some(c) = lines.first().and_then(|l| dateline.captures(l)) {
        out.extend(agency(&c[1]));
    }
    let foot = &lines[lines.len().saturating_sub(5)..];
    for l in foot {
        for re in [&copyright, &contributed] {
            if let Some(c) = re.captures(l) {
                out.extend(agency(&c[1]));
            }
        }
        if reuters_form.is_match(l) {
            out.insert(REUTERS);
        }
    }
    if let Some(c) = lines.last().and_then(|l| sign_off.captures(l)) {
        out.extend(agency(&c[1]));
    }
    out
}

fn targets(g: &Graph, id: uuid::Uuid, kind: EdgeKind) -> BTreeSet<String> {
    g.edges_from(id)
        .filter(|e| e.kind == kind)
        .filter_map(|e| g.node(e.target))
        .map(|n| n.label().into_owned())
        .collect()
}

#[test]
fn items_crediting_an_agency_credit_it_and_their_origin_ends_there() {
    let root = Path::new(CORPUS);
    if !root.exists() {
        eprintln!("SKIPPED credits_giveme: {CORPUS} is absent");
        return;
    }
    let settings = Settings {
        inputs: vec![root.to_path_buf()],
        ..Settings::default()
    };
    let (items, _) =
        read_inputs(&settings, &NoProgress, &mut |e| panic!("{e}")).expect("corpus reads");
    let g = graph_of_items(items, Default::default(), &NoProgress);
    let (mut total, mut credited, mut origin_at_agency) = (0, 0, 0);
    let mut missing = Vec::new();
    for n in g.sorted_nodes() {
        let NodeData::Item(it) = &n.data else {
            continue;
        };
        let raw: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(it.origin.file.as_ref()).unwrap())
                .unwrap();
        let credits = targets(&g, n.id, EdgeKind::Credits);
        let own = targets(&g, n.id, EdgeKind::PublishedBy);
        let dag = claimtrace::repost_dag(&g, n.id);
        // The agency's own story credits no one: it is the origin.
        for a in gold(&raw).into_iter().filter(|a| !own.contains(*a)) {
            total += 1;
            let has = credits.contains(a);
            // Every first known source is the agency's own story or credits the agency.
            let ends = dag
                .first_known_sources()
                .all(|s| s.item.outlet.as_deref() == Some(a) || s.credits.iter().any(|c| c == a));
            credited += usize::from(has);
            origin_at_agency += usize::from(ends);
            if !(has && ends) {
                missing.push(format!(
                    "{} {a}: credits edge {has}, origin at agency {ends}",
                    it.origin.file
                ));
            }
        }
    }
    eprintln!(
        "giveme: {credited}/{total} agency credits found, {origin_at_agency}/{total} origins end at the agency"
    );
    // The issue counted 28 author lists and 13 copyright lines naming AP or Reuters.
    assert!(total >= 45, "only {total} agency credits in the gold");
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
