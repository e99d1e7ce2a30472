//! The run a step at a time, as a distributed job takes it (claimtrace.spark): inputs listed,
//! read one by one and gathered; candidate pairs counted from each feature's posting list;
//! each candidate verified with only its two items' common features; speakers decided a name
//! key at a time; rewrites found, then each connected group of links' nearest sources chosen
//! on its own; the graph built — the same graph as `graph_of_items`, byte for byte.

use claimtrace::{
    BuildOptions, CanonicalSpeaker, ClaimMention, Format, Graph, InputRead, ItemLink, LinkParams,
    Listed, NameForm, NoProgress, ReadSettings, Settings, VerifiedPair,
};
use claimtrace_synth::reposts::{SynthOptions, generate};
use std::collections::{BTreeMap, HashMap};

fn json(g: &Graph) -> Vec<u8> {
    let mut out = Vec::new();
    claimtrace::write_graph(g, Format::Json, &mut out).expect("export");
    out
}

/// The job's steps 2 to 8 on `items` (already read), on one machine, with each step's values
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
    let claims: Vec<Vec<ClaimMention>> = claims
        .iter()
        .map(|c| serde_json::from_str(c).unwrap())
        .collect();
    let speakers = speakers_by_key(&claims);
    let verified: Vec<VerifiedPair> = verified
        .iter()
        .map(|v| serde_json::from_str(v).unwrap())
        .collect();
    let named = claimtrace::graph_of_named(
        items.clone(),
        claims.clone(),
        verified.clone(),
        &speakers,
        BuildOptions::default(),
        &NoProgress,
    );
    let links = links_by_group(&items, verified);
    let linked = claimtrace::graph_of_linked(
        items,
        claims,
        links,
        &speakers,
        BuildOptions::default(),
        &NoProgress,
    );
    assert_eq!(json(&named), json(&linked));
    linked
}

/// The links as the job finishes them: rewrites among the pairs left apart, then the links
/// grouped by connected group, each group's nearest sources chosen on its own (the groups and
/// the links in each in reverse order, through serde), the kept links merged in reverse.
fn links_by_group(items: &[claimtrace::Item], verified: Vec<VerifiedPair>) -> Vec<ItemLink> {
    let p = LinkParams::default();
    let pairs: Vec<(usize, usize)> = verified.iter().map(|f| (f.b, f.a)).collect();
    let whole = claimtrace::rewrite_links(items, &pairs, &p, &NoProgress);
    assert!(!whole.is_empty(), "the corpus has rewritten stories");
    let rewrites = rewrites_by_steps(items, &pairs);
    let mut whole = whole;
    whole.sort_by_key(|f| (f.a, f.b));
    assert_eq!(
        serde_json::to_string(&rewrites).unwrap(),
        serde_json::to_string(&whole).unwrap(),
        "the rewrite step a word, an item and a pair at a time is the whole run's"
    );
    let all: Vec<(VerifiedPair, bool)> = verified
        .into_iter()
        .map(|f| (f, false))
        .chain(rewrites.into_iter().map(|f| (f, true)))
        .collect();
    let pairs: Vec<(usize, usize)> = all.iter().map(|(f, _)| (f.a, f.b)).collect();
    let groups = claimtrace::link_groups(&pairs);
    let mut by_group: BTreeMap<usize, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for ((f, rewrite), g) in all.iter().zip(groups).rev() {
        let g = by_group.entry(g).or_default();
        let side = if *rewrite { &mut g.1 } else { &mut g.0 };
        side.push(serde_json::to_string(f).unwrap());
    }
    assert!(by_group.len() > 10, "the links fall in many groups");
    let parse = |v: &[String]| -> Vec<VerifiedPair> {
        v.iter().map(|f| serde_json::from_str(f).unwrap()).collect()
    };
    let mut links: Vec<ItemLink> = by_group
        .values()
        .rev()
        .flat_map(|(v, r)| claimtrace::nearest_sources(parse(v), parse(r)))
        .map(|l| serde_json::from_str(&serde_json::to_string(&l).unwrap()).unwrap())
        .collect();
    links.reverse();
    links
}

/// Sends a value through serde, as a job sends it between machines.
fn wire<T: serde::Serialize + serde::de::DeserializeOwned>(v: &T) -> T {
    serde_json::from_str(&serde_json::to_string(v).unwrap()).unwrap()
}

/// The rewrite step as the job runs it, each step's values through serde and in reverse order:
/// every item's word keys counted over the run (document frequencies), each item's rare words
/// given the counts, the items posting each word joined to the items looking it up, each
/// item's candidates, the candidates kept once and those verification linked left out, each
/// pair aligned given its two items' counts. Sorted by pair.
fn rewrites_by_steps(items: &[claimtrace::Item], linked: &[(usize, usize)]) -> Vec<VerifiedPair> {
    let p = LinkParams::default();
    let n = items.len();
    let read: Vec<claimtrace::RewriteKeys> = items
        .iter()
        .rev()
        .map(|it| wire(&claimtrace::rewrite_keys(it)))
        .rev()
        .collect();
    let keys: Vec<&Vec<u64>> = read.iter().map(|r| &r.keys).collect();
    let mut df: HashMap<u64, u32> = HashMap::new();
    for k in keys.iter().rev() {
        for &x in k.iter() {
            *df.entry(x).or_default() += 1;
        }
    }
    // An item's keys with their counts, as the job joins them: only those another item holds
    // too (a key of one item weighs as one left out).
    let with_df = |i: usize| -> Vec<(u64, u32)> {
        let mut v: Vec<(u64, u32)> = keys[i]
            .iter()
            .map(|&x| (x, df[&x]))
            .filter(|&(_, d)| d >= 2)
            .collect();
        v.reverse();
        v
    };
    let lookups: Vec<claimtrace::RewriteLookup> = (0..n)
        .rev()
        .map(|i| wire(&claimtrace::rewrite_lookup(read[i].day, &with_df(i), n, &p)))
        .rev()
        .collect();
    // The join: each posted word's items, ascending, with their days.
    let mut posting: HashMap<u64, claimtrace::RewritePosting> = HashMap::new();
    for (i, l) in lookups.iter().enumerate().rev() {
        for &(x, _) in &l.posted {
            posting.entry(x).or_default().push((i, l.day));
        }
    }
    for v in posting.values_mut() {
        v.sort_unstable();
    }
    let mut candidates: Vec<(usize, usize)> = (0..n)
        .rev()
        .flat_map(|a| {
            let l = &lookups[a];
            let looked: Vec<(u32, claimtrace::RewritePosting)> = l.posted[..l.lookup]
                .iter()
                .map(|&(x, d)| (d, posting[&x].clone()))
                .collect();
            wire(&claimtrace::rewrite_candidates(
                a,
                l.day,
                &wire(&looked),
                n,
                &p,
            ))
        })
        .collect();
    assert!(!candidates.is_empty());
    candidates.sort_unstable();
    candidates.dedup();
    let linked: std::collections::HashSet<(usize, usize)> =
        linked.iter().map(|&(a, b)| (a.min(b), a.max(b))).collect();
    let mut found: Vec<VerifiedPair> = candidates
        .iter()
        .rev()
        .filter(|ab| !linked.contains(ab))
        .filter_map(|&(a, b)| {
            let mut d = with_df(a);
            d.extend(with_df(b));
            claimtrace::rewrite_pair((&items[a], &items[b]), (a, b), &wire(&d), n, &p)
        })
        .map(|f| wire(&f))
        .collect();
    found.sort_by_key(|f| (f.a, f.b));
    found
}

/// The speaker step as the job runs it: each item's name forms (through serde), grouped by
/// key, each key decided on its own (the keys and the items' forms in reverse order), the
/// speakers collected in reverse.
fn speakers_by_key(claims: &[Vec<ClaimMention>]) -> Vec<CanonicalSpeaker> {
    let mut by_key: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for c in claims.iter().rev() {
        for f in claimtrace::name_forms(c) {
            by_key
                .entry(f.key.clone())
                .or_default()
                .push(serde_json::to_string(&f).unwrap());
        }
    }
    let mut speakers: Vec<CanonicalSpeaker> = by_key
        .values()
        .rev()
        .flat_map(|forms| {
            let forms: Vec<NameForm> = forms
                .iter()
                .map(|f| serde_json::from_str(f).unwrap())
                .collect();
            claimtrace::speakers_of_forms(forms)
        })
        .map(|s| serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap())
        .collect();
    speakers.reverse();
    speakers
}

/// A claim of `name` (with `roles` and `aliases`).
fn said_by(name: &str, roles: &[&str], aliases: &[&str]) -> ClaimMention {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    serde_json::from_value(serde_json::json!({
        "text": "The ferry will run on Sundays.",
        "span": [0, 30],
        "parts": [],
        "kind": "direct",
        "speaker": {
            "name": name,
            "aliases": s(aliases),
            "roles": s(roles),
            "span": [31, 40],
        },
    }))
    .expect("a claim")
}

#[test]
fn speakers_decided_a_key_at_a_time_are_the_whole_runs() {
    let items = vec![
        vec![
            said_by("Marta Kowalczyk", &["Harbour Commissioner"], &[]),
            said_by("Kowalczyk", &[], &[]),
        ],
        vec![said_by("Marta Kowalczyk", &[], &["M. Kowalczyk"])],
        vec![
            said_by("Martha Kowalczyk", &["Commissioner"], &[]),
            said_by("Ivo Brandt", &[], &[]),
        ],
        vec![
            said_by("Brandt", &[], &[]),
            said_by("Lena Brandt", &[], &[]),
        ],
        vec![said_by("Ivo Brandt", &["Mayor"], &[])],
        vec![said_by("Okafor", &[], &[])],
    ];
    let mut whole = items.clone();
    claimtrace::canonicalise_speakers(&mut whole);
    let mut by_key = items.clone();
    claimtrace::apply_speakers(&mut by_key, &speakers_by_key(&items));
    assert_eq!(by_key, whole);
    // The step did something: one speaker for the forms of a name, and two Brandts kept apart.
    let name = |i: usize, j: usize| whole[i][j].speaker.as_ref().unwrap().name.clone();
    assert_eq!(name(0, 1), "Marta Kowalczyk");
    assert_eq!(name(2, 0), "Marta Kowalczyk");
    assert_eq!(name(3, 0), "Brandt");
    assert_eq!(name(3, 1), "Lena Brandt");
    let marta = whole[0][0].speaker.as_ref().unwrap();
    assert_eq!(marta.roles, ["Commissioner", "Harbour Commissioner"]);
    assert_eq!(
        marta.aliases,
        ["Kowalczyk", "M. Kowalczyk", "Martha Kowalczyk"]
    );
}

/// `n` synthetic items (seed `seed`): enough for rewrites to be looked for, with boilerplate
/// for common features; and 30 stories rewritten from agency copy, for the rewrite step.
fn reposts_and_rewrites(n: usize, seed: u64) -> Vec<claimtrace::Item> {
    let mut items = generate(&SynthOptions {
        items: n,
        seed,
        ..SynthOptions::default()
    })
    .items;
    items.extend(
        claimtrace_synth::rewritten::generate(&claimtrace_synth::rewritten::RewriteOptions {
            events: 30,
            seed: 3,
            ..Default::default()
        })
        .items,
    );
    items
}

#[test]
fn the_steps_give_the_whole_runs_graph() {
    let items = reposts_and_rewrites(400, 11);
    let mut shuffled = items.clone();
    shuffled.reverse();
    let whole = claimtrace::graph_of_items(items, BuildOptions::default(), &NoProgress);
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

/// A small pseudo-random sequence (xorshift), so that groupings vary but a failure repeats.
struct Shuffle(u64);

impl Shuffle {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }
}

/// The parts of one id merged in a random grouping (a tree split at random places, each merge
/// taken either way round, every merged value through serde), as `reduceByKey` may merge them.
fn merge_randomly<P: serde::Serialize + serde::de::DeserializeOwned>(
    mut parts: Vec<P>,
    rng: &mut Shuffle,
    merge: &impl Fn(P, P) -> P,
) -> P {
    if parts.len() == 1 {
        return parts.pop().unwrap();
    }
    let right = parts.split_off(1 + rng.below(parts.len() - 1));
    let (a, b) = (
        merge_randomly(parts, rng, merge),
        merge_randomly(right, rng, merge),
    );
    let merged = if rng.below(2) == 0 {
        merge(a, b)
    } else {
        merge(b, a)
    };
    wire(&merged)
}

/// The graph as the job builds it: the items keyed a key at a time, each link's part made
/// with its two items, each item's parts made on their own (all through serde, in reverse
/// order), then every part shuffled and the parts of each id merged in a random grouping.
fn graph_by_parts(
    items: Vec<claimtrace::Item>,
    claims: Vec<Vec<ClaimMention>>,
    links: &[ItemLink],
    opts: BuildOptions,
    seed: u64,
) -> Graph {
    let n = items.len();
    let mut by_key: BTreeMap<String, Vec<claimtrace::KeyFacts>> = BTreeMap::new();
    for (i, it) in items.iter().enumerate().rev() {
        let f = wire(&claimtrace::key_facts(i, it));
        by_key.entry(f.key.clone()).or_default().push(f);
    }
    let mut keyed: Vec<Option<claimtrace::ItemKeyed>> = vec![None; n];
    for facts in by_key.into_values().rev() {
        for k in claimtrace::item_keys(facts) {
            let k = wire(&k);
            let i = k.index;
            keyed[i] = Some(k);
        }
    }
    let keyed: Vec<claimtrace::ItemKeyed> = keyed.into_iter().map(Option::unwrap).collect();
    let mut warnings: Vec<Vec<String>> = vec![Vec::new(); n];
    let mut edges: Vec<claimtrace::EdgePart> = Vec::new();
    for l in links.iter().rev() {
        let (c, s) = (l.copy, l.source);
        let part = wire(&claimtrace::link_part(
            l,
            (&items[c], &keyed[c].key),
            (&items[s], &keyed[s].key),
        ));
        warnings[part.copy].extend(part.warning);
        edges.extend(part.edge);
    }
    let mut nodes: Vec<claimtrace::NodePart> = Vec::new();
    let each = items.into_iter().zip(claims).zip(warnings).enumerate();
    for (i, ((item, claims), warned)) in each.rev() {
        let parts = wire(&claimtrace::item_parts(
            item, claims, &keyed[i], warned, opts,
        ));
        nodes.extend(parts.nodes);
        edges.extend(parts.edges);
    }
    let mut rng = Shuffle(seed | 1);
    rng.shuffle(&mut nodes);
    rng.shuffle(&mut edges);
    let mut node_groups: HashMap<uuid::Uuid, Vec<claimtrace::NodePart>> = HashMap::new();
    for p in nodes {
        node_groups.entry(p.id()).or_default().push(p);
    }
    let mut edge_groups: HashMap<uuid::Uuid, Vec<claimtrace::EdgePart>> = HashMap::new();
    for p in edges {
        edge_groups.entry(p.id()).or_default().push(p);
    }
    let merged_nodes: Vec<claimtrace::NodePart> = node_groups
        .into_values()
        .map(|v| merge_randomly(v, &mut rng, &claimtrace::NodePart::merge))
        .collect();
    let merged_edges: Vec<claimtrace::EdgePart> = edge_groups
        .into_values()
        .map(|v| merge_randomly(v, &mut rng, &claimtrace::EdgePart::merge))
        .collect();
    claimtrace::graph_of_parts(merged_nodes, merged_edges)
}

/// The edges of each kind in a graph's JSON, to show what a corpus exercised.
fn edge_kinds(g: &Graph) -> BTreeMap<String, usize> {
    let mut kinds = BTreeMap::new();
    for e in g.sorted_edges() {
        *kinds.entry(e.kind.as_str().to_string()).or_default() += 1;
    }
    kinds
}

/// Checks that the graph built per item and merged by id is `build_graph`'s (and the command
/// line's, `graph_of_items`) on `items`, with several seeds; returns the edge kinds it held.
fn parts_match_the_build(name: &str, items: Vec<claimtrace::Item>, opts: BuildOptions) -> Graph {
    let whole = claimtrace::graph_of_items(items.clone(), opts, &NoProgress);
    let items = claimtrace::prepare_items(items);
    let claims = claimtrace::extract_all_claims(&items);
    let links = claimtrace::link_items(&items);
    let built = claimtrace::build_graph(items.clone(), claims.clone(), &links, opts);
    assert_eq!(
        json(&built),
        json(&whole),
        "{name}: build_graph is the run's"
    );
    for seed in [1, 7, 2026] {
        let parts = graph_by_parts(items.clone(), claims.clone(), &links, opts, seed);
        assert!(
            json(&parts) == json(&whole),
            "{name}: the graph merged from parts (seed {seed}) is not the build's"
        );
    }
    whole
}

fn read_corpus(path: &std::path::Path) -> Vec<claimtrace::Item> {
    let settings = Settings {
        inputs: vec![path.to_path_buf()],
        skip_bad: true,
        ..Settings::default()
    };
    claimtrace::read_inputs(&settings, &NoProgress, &mut |_| {})
        .expect("the corpus reads")
        .0
}

/// Items written for the merge's cross-item rules: a page fetched twice with two texts
/// (versions), one entry read twice (one item), a verbatim copy under no URL in two files, one
/// outlet spelt two ways, a quotation trimmed in a copy, a copy dated before its source.
fn merge_fixture(dir: &std::path::Path) -> Vec<claimtrace::Item> {
    let quote = "\u{201c}The ferry will run every Sunday from May until the end of the summer \
                 season, and tickets will cost less than before,\u{201d} said harbour \
                 commissioner Marta Kowalczyk on Tuesday.";
    let trimmed = "\u{201c}The ferry will run every Sunday from May until the end of the summer \
                   season,\u{201d} said harbour commissioner Marta Kowalczyk on Tuesday.";
    let body = "The Harbor Bridge will reopen on Monday after six weeks of repairs to its deck, \
                the city's transport office said. Engineers replaced two expansion joints and \
                resurfaced the approach roads on both banks. Buses will return to their usual \
                routes on the same day.";
    let rec = |id: &str, url: Option<&str>, outlet: &str, date: &str, text: &str| {
        let mut v = serde_json::json!({
            "id": id, "outlet": outlet, "published": date, "title": format!("Story {id}"),
            "text": text,
        });
        if let Some(u) = url {
            v["url"] = u.into();
        }
        v.to_string()
    };
    let a = [
        rec(
            "g-1",
            Some("https://gazette.test/ferry"),
            "Harbor Gazette",
            "2026-04-02",
            &format!("{body}\n\n{quote}"),
        ),
        rec(
            "g-1",
            Some("https://gazette.test/ferry"),
            "Harbor Gazette",
            "2026-04-03",
            &format!("{body}\n\n{quote} The office added that fares are under review."),
        ),
        rec(
            "t-9",
            None,
            "HARBOR GAZETTE",
            "2026-04-01",
            &format!("{body}\n\n{trimmed}"),
        ),
    ];
    let b = [
        rec(
            "g-1",
            Some("https://gazette.test/ferry"),
            "Harbor Gazette",
            "2026-04-02",
            &format!("{body}\n\n{quote}"),
        ),
        rec("x-1", None, "Coastline Daily", "2026-04-05", body),
    ];
    std::fs::write(dir.join("a.jsonl"), a.join("\n") + "\n").unwrap();
    std::fs::write(dir.join("b.jsonl"), b.join("\n") + "\n").unwrap();
    std::fs::write(dir.join("c.jsonl"), b[1].clone() + "\n").unwrap();
    read_corpus(dir)
}

#[test]
fn the_graph_merged_by_id_from_items_is_the_builds() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = parts_match_the_build(
        "fixture",
        merge_fixture(dir.path()),
        BuildOptions::default(),
    );
    let example = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/reposts.jsonl"
    ));
    let with_text = BuildOptions { with_text: true };
    let example = parts_match_the_build("example", read_corpus(example), with_text);
    let items = reposts_and_rewrites(300, 5);
    let synth = parts_match_the_build("synthetic", items, BuildOptions::default());
    // Copies dated before their sources, whose direction stronger evidence decides.
    let provenance = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/records/provenance.jsonl"
    ));
    let provenance = parts_match_the_build(
        "provenance",
        read_corpus(provenance),
        BuildOptions::default(),
    );
    let all = [&fixture, &example, &synth, &provenance];
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for g in all {
        for (k, n) in edge_kinds(g) {
            *kinds.entry(k).or_default() += n;
        }
    }
    // What the merge decides across items was there to decide.
    for k in [
        "version_of",
        "variant_of",
        "said_by",
        "reposts",
        "rewrites",
        "published_by",
    ] {
        assert!(
            kinds.get(k).is_some_and(|&n| n > 0),
            "no {k} edge: {kinds:?}"
        );
    }
    let merged_said_by = all.iter().any(|g| {
        g.sorted_edges()
            .iter()
            .any(|e| e.kind == claimtrace::EdgeKind::SaidBy && e.detail().items > Some(1))
    });
    assert!(merged_said_by, "a claim attributed by two items");
    let warned = |g: &Graph, what: &str| {
        g.sorted_nodes().iter().any(|n| match &n.data {
            claimtrace::NodeData::Item(i) => i.warnings.iter().any(|w| w.contains(what)),
            _ => false,
        })
    };
    assert!(warned(&fixture, "later version"), "versions noted");
    let warned = warned(&provenance, "earlier than the source");
    assert!(warned, "a copy dated before its source");
}

#[test]
fn the_graph_merged_by_id_is_the_builds_on_the_real_corpora() {
    let shared = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
    for path in [
        "seeds/blog-dump-2020-09-19.txt",
        "corpora/giveme5w1h-news-cluster",
    ] {
        let p = shared.join(path);
        if !p.exists() {
            eprintln!("SKIPPED: {} is absent", p.display());
            continue;
        }
        parts_match_the_build(path, read_corpus(&p), BuildOptions::default());
    }
}

/// Quotation variants as the job finds them: each item's wordings (through serde, in reverse),
/// merged by key in a random grouping, the distinct wordings compared, each item's quotations
/// marked on their own; the same marks as the whole run's step.
fn variants_by_key(name: &str, items: &[claimtrace::Item], seed: u64) -> usize {
    let claims: Vec<Vec<ClaimMention>> = items.iter().map(claimtrace::extract_claims).collect();
    let mut whole = claims.clone();
    claimtrace::mark_quote_variants(items, &mut whole);
    let mut by_key: HashMap<String, Vec<claimtrace::QuoteWording>> = HashMap::new();
    for (i, (it, cs)) in items.iter().zip(&claims).enumerate().rev() {
        for w in claimtrace::quote_wordings(i, it, cs) {
            let w = wire(&w);
            by_key.entry(w.key.clone()).or_default().push(w);
        }
    }
    let mut rng = Shuffle(seed | 1);
    let wordings: Vec<claimtrace::QuoteWording> = by_key
        .into_values()
        .map(|mut v| {
            rng.shuffle(&mut v);
            merge_randomly(v, &mut rng, &claimtrace::QuoteWording::merge)
        })
        .collect();
    let found: HashMap<String, claimtrace::QuoteVariant> =
        wire(&claimtrace::quote_variants(wordings))
            .into_iter()
            .collect();
    let mut marked = claims;
    for cs in marked.iter_mut().rev() {
        claimtrace::mark_variants(cs, &found);
    }
    assert!(
        marked == whole,
        "{name}: variants by key differ from the run's"
    );
    found.len()
}

#[test]
fn quotation_variants_by_key_are_the_whole_runs() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = claimtrace::prepare_items(merge_fixture(dir.path()));
    assert!(variants_by_key("fixture", &fixture, 3) > 0);
    let mut found = 0;
    let shared = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
    for path in [
        "seeds/blog-dump-2020-09-19.txt",
        "corpora/giveme5w1h-news-cluster",
    ] {
        let p = shared.join(path);
        if !p.exists() {
            eprintln!("SKIPPED: {} is absent", p.display());
            continue;
        }
        let items = claimtrace::prepare_items(read_corpus(&p));
        for seed in [1, 9] {
            found += variants_by_key(path, &items, seed);
        }
    }
    let synth = claimtrace::prepare_items(
        generate(&SynthOptions {
            items: 300,
            seed: 5,
            ..SynthOptions::default()
        })
        .items,
    );
    found += variants_by_key("synthetic", &synth, 4);
    eprintln!("{found} variants found on the corpora");
}
