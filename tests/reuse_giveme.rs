//! Repost linking on real news: the Giveme5W1H news_cluster corpus (383 articles, 94 outlets).
//! Its README lists 31 cross-outlet AP/Reuters copies; all must end up connected by text edges,
//! and no text edge may join two different human-labelled events (newsCluster.EventId).
//! Skipped, visibly, when ../shared is absent.

use claimtrace::link::{LinkKind, link_items};
use claimtrace::pipeline::{Settings, read_all};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpora/giveme5w1h-news-cluster"
);

fn find(parent: &mut [usize], x: usize) -> usize {
    let mut r = x;
    while parent[r] != r {
        r = parent[r];
    }
    parent[x] = r;
    r
}

#[test]
fn wire_copies_connected_and_events_never_joined() {
    let root = Path::new(CORPUS);
    if !root.exists() {
        eprintln!("SKIPPED reuse_giveme: {CORPUS} is absent");
        return;
    }
    let settings = Settings {
        inputs: vec![root.join("news_cluster/data")],
        ..Settings::default()
    };
    let (items, _) = read_all(&settings, &mut |e| panic!("{e}")).expect("corpus reads");
    assert_eq!(items.len(), 383);

    // The event of each item, from the newsCluster field the reader does not keep.
    let event_re = regex::Regex::new(r"'EventId': (\d+)").unwrap();
    let mut event_of_file: HashMap<PathBuf, u32> = HashMap::new();
    for e in std::fs::read_dir(root.join("news_cluster/data")).unwrap() {
        let path = e.unwrap().path();
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let nc = &v["newsCluster"];
        let ev = match nc.get("EventId").and_then(|e| e.as_u64()) {
            Some(e) => e as u32,
            None => {
                let s = nc.as_str().unwrap_or_default();
                event_re.captures(s).expect("EventId")[1].parse().unwrap()
            }
        };
        event_of_file.insert(path, ev);
    }
    let event: Vec<u32> = items
        .iter()
        .map(|it| event_of_file[Path::new(it.origin.file.as_ref())])
        .collect();
    let index_of: HashMap<&str, usize> = items
        .iter()
        .enumerate()
        .map(|(i, it)| (it.meta.record_id.as_deref().unwrap(), i))
        .collect();

    let links = link_items(&items);
    for l in &links {
        assert_eq!(
            event[l.copy], event[l.source],
            "a text edge joins two events: {:?} / {:?} ({})",
            items[l.copy].meta.title, items[l.source].meta.title, l.evidence
        );
        assert!(!l.aligned.is_empty());
        for a in &l.aligned {
            assert!(a[0] < a[1] && a[1] <= items[l.source].text.len());
            assert!(a[2] < a[3] && a[3] <= items[l.copy].text.len());
        }
    }

    let readme = std::fs::read_to_string(root.join("README.txt")).unwrap();
    let pairs: Vec<(usize, usize)> = readme
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() >= 5 && f[0].parse::<f64>().is_ok()).then(|| (index_of[f[1]], index_of[f[3]]))
        })
        .collect();
    assert_eq!(pairs.len(), 31);
    let mut parent: Vec<usize> = (0..items.len()).collect();
    for l in &links {
        let (a, b) = (find(&mut parent, l.copy), find(&mut parent, l.source));
        parent[a] = b;
    }
    let unconnected: Vec<_> = pairs
        .iter()
        .filter(|&&(a, b)| find(&mut parent, a) != find(&mut parent, b))
        .map(|&(a, _)| items[a].meta.title.clone())
        .collect();
    assert!(unconnected.is_empty(), "not connected: {unconnected:?}");
    let reposts = links.iter().filter(|l| l.kind == LinkKind::Reposts).count();
    eprintln!(
        "reuse_giveme: {} links ({reposts} reposts), 31/31 pairs connected",
        links.len()
    );
}
