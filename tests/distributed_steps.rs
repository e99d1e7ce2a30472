//! The run a step at a time, as a distributed job takes it (claimtrace.spark): inputs listed,
//! read one by one and gathered; candidate pairs counted from each feature's posting list;
//! each candidate verified with only its two items' common features; the whole-run steps
//! after — the same graph as `graph_of_items`, byte for byte.

use claimtrace::{
    BuildOptions, Format, Graph, InputRead, LinkParams, Listed, NoProgress, ReadSettings, Settings,
    VerifiedPair,
};
use claimtrace_synth::reposts::{SynthOptions, generate};
use std::collections::{BTreeMap, HashMap};

fn json(g: &Graph) -> Vec<u8> {
    let mut out = Vec::new();
    claimtrace::write_graph(g, Format::Json, &mut out).expect("export");
    out
}

/// The job's steps 2 to 5 on `items` (already read), on one machine, with each step's values
/// sent through serde as a job sends them between machines.
fn graph_by_steps(items: Vec<claimtrace::Item>) -> Graph {
    let p = LinkParams::default();
    let items = claimtrace::prepare_items(items);
    let n = items.len();
    let claims: Vec<String> = items
        .iter()
        .map(|it| serde_json::to_string(&claimtrace::extract_claims(it)).unwrap())
        .collect();
    // The join: each feature's posting list, (index, outlet), ascending.
    let mut postings: BTreeMap<u64, Vec<(usize, Option<&str>)>> = BTreeMap::new();
    for (i, it) in items.iter().enumerate() {
        for f in claimtrace::item_features(it, &p) {
            postings
                .entry(f)
                .or_default()
                .push((i, it.meta.outlet.as_deref()));
        }
    }
    let mut proposed: HashMap<(usize, usize), u32> = HashMap::new();
    let mut common_of: HashMap<usize, Vec<u64>> = HashMap::new();
    for (f, docs) in &postings {
        let (common, pairs) = claimtrace::feature_pairs(docs, n, &p);
        if common {
            for &(d, _) in docs {
                common_of.entry(d).or_default().push(*f);
            }
        }
        for pair in pairs {
            *proposed.entry(pair).or_default() += 1;
        }
    }
    let mut candidates: Vec<(usize, usize)> = proposed
        .into_iter()
        .filter(|&(_, c)| c >= p.min_shared)
        .map(|(pair, _)| pair)
        .collect();
    candidates.sort_unstable();
    let (expected, _) = claimtrace::candidate_pairs(&items, &p);
    assert_eq!(
        candidates, expected,
        "the join finds the index's candidates"
    );
    // Verified in reverse order, as a job may collect them in any order.
    let verified: Vec<String> = candidates
        .iter()
        .rev()
        .filter_map(|&(a, b)| {
            let mut common: Vec<u64> = common_of.get(&a).into_iter().flatten().copied().collect();
            common.extend(common_of.get(&b).into_iter().flatten());
            common.sort_unstable();
            common.dedup();
            claimtrace::verify_candidate((&items[a], &items[b]), (a, b), &common, &p)
        })
        .map(|v| serde_json::to_string(&v).unwrap())
        .collect();
    let claims = claims
        .iter()
        .map(|c| serde_json::from_str(c).unwrap())
        .collect();
    let verified: Vec<VerifiedPair> = verified
        .iter()
        .map(|v| serde_json::from_str(v).unwrap())
        .collect();
    claimtrace::graph_of_analysed(
        items,
        claims,
        verified,
        BuildOptions::default(),
        &NoProgress,
    )
}

#[test]
fn the_steps_give_the_whole_runs_graph() {
    // Enough items for rewrites to be looked for, boilerplate for common features.
    let s = generate(&SynthOptions {
        items: 400,
        seed: 11,
        ..SynthOptions::default()
    });
    let mut shuffled = s.items.clone();
    shuffled.reverse();
    let whole = claimtrace::graph_of_items(s.items, BuildOptions::default(), &NoProgress);
    let by_steps = graph_by_steps(shuffled);
    assert!(whole.edge_count() > 400);
    assert_eq!(json(&by_steps), json(&whole));
}

#[test]
fn inputs_read_one_by_one_and_gathered_are_the_runs_items() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("feed")).unwrap();
    std::fs::write(
        root.join("feed/a.jsonl"),
        "{\"id\": \"a\", \"outlet\": \"Northwind Wire\", \"text\": \"The Harbor Bridge will reopen on Monday.\"}\n",
    )
    .unwrap();
    std::fs::write(root.join("feed/README"), "Notes on this folder.\n").unwrap();
    std::fs::write(root.join("feed/b.jsonl"), "{\"id\": \"b\", \"text\": }\n").unwrap();
    let settings = |skip_bad| Settings {
        inputs: vec![root.join("feed")],
        skip_bad,
        ..Settings::default()
    };
    for skip_bad in [false, true] {
        let settings = settings(skip_bad);
        let whole = claimtrace::read_inputs(&settings, &NoProgress, &mut |_| {});
        // Listed on one machine, read on others (through serde), gathered in listing order.
        let listed = claimtrace::list_inputs(&settings);
        let reads: Vec<InputRead> = listed
            .iter()
            .map(|l| {
                let l: Listed = serde_json::from_str(&serde_json::to_string(l).unwrap()).unwrap();
                let read = claimtrace::read_listed(l, &ReadSettings::default());
                serde_json::from_str(&serde_json::to_string(&read).unwrap()).unwrap()
            })
            .collect();
        let mut warned = Vec::new();
        let gathered =
            claimtrace::gather_reads(&settings, reads, &mut |e| warned.push(e.to_string()));
        match (whole, gathered) {
            (Ok((a, ra)), Ok((b, rb))) => {
                assert!(skip_bad);
                let js = |v: &Vec<claimtrace::Item>| serde_json::to_string(v).unwrap();
                assert_eq!(js(&a), js(&b));
                assert_eq!((ra.skipped, ra.not_news), (rb.skipped, rb.not_news));
                assert_eq!(warned.len(), 2, "{warned:?}");
            }
            (Err(a), Err(b)) => {
                assert!(!skip_bad);
                assert_eq!(a, b);
                assert!(b.to_string().contains("b.jsonl:1"), "{b}");
            }
            _ => panic!("one read failed, the other did not"),
        }
    }
}
