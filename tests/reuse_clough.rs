//! Graded reuse on real text: the Clough-Stevenson corpus of short answers (95 answers graded
//! cut / light / heavy / non against their 5 sources; English, not news), read as records the
//! way scripts/reuse/eval_clough.py builds them — one outlet per student, the sources as one
//! encyclopedia outlet, no dates. Cut and light answers should link to their source as copies or
//! rewrites, heavy ones as rewrites, non answers never; a copied answer links to the text it
//! came from, not to a sibling copy. The floors are the numbers this linker reaches (before
//! rewrites: 7 cut, 5 light, 4 heavy answers linked to their source).
//! Skipped, visibly, when ../shared is absent.

use claimtrace::{LinkKind, ReadSettings, items_from_records, link_items};
use std::collections::BTreeMap;
use std::path::Path;

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpora/clough-stevenson-short-answers/data"
);

#[test]
fn graded_answers_link_to_their_source_and_independent_ones_never() {
    let root = Path::new(CORPUS);
    if !root.exists() {
        eprintln!("SKIPPED reuse_clough: {CORPUS} is absent");
        return;
    }
    // File → (task, grade); the sources are graded "orig".
    let info = std::fs::read_to_string(root.join("file_information.csv")).unwrap();
    let mut label: BTreeMap<String, (String, String)> = info
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.trim().split(',').collect();
            (f.len() == 3).then(|| (f[0].to_string(), (f[1].to_string(), f[2].to_string())))
        })
        .collect();
    for t in ["a", "b", "c", "d", "e"] {
        label.insert(format!("orig_task{t}.txt"), (t.into(), "orig".into()));
    }
    let mut records = String::new();
    for (file, (_, grade)) in &label {
        let bytes = std::fs::read(root.join(file)).unwrap();
        let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
        let outlet = if grade == "orig" {
            "Encyclopedia".to_string()
        } else {
            file.split('_').next().unwrap().to_string()
        };
        let rec = serde_json::json!({"id": file, "outlet": outlet, "text": text});
        records.push_str(&rec.to_string());
        records.push('\n');
    }
    let items = items_from_records("clough.jsonl", &records, &ReadSettings::default()).unwrap();
    assert_eq!(items.len(), 100);
    let id = |i: usize| items[i].meta.record_id.clone().unwrap();
    let links = link_items(&items);

    let mut to_source: BTreeMap<&str, usize> = BTreeMap::new();
    let mut non_linked = 0;
    let mut source_as_copy = 0;
    for l in &links {
        let (c, s) = (id(l.copy), id(l.source));
        let (lc, ls) = (&label[&c], &label[&s]);
        assert_eq!(lc.0, ls.0, "a link across tasks: {c} / {s}");
        for (answer, other, lo) in [(&c, &s, ls), (&s, &c, lc)] {
            let la = &label[answer];
            if la.1 == "orig" {
                continue;
            }
            if la.1 == "non" {
                non_linked += 1;
                assert_ne!(
                    lo.1, "orig",
                    "a non-derived answer linked to its source: {answer}"
                );
            } else if lo.1 == "orig" {
                *to_source.entry(la.1.as_str()).or_default() += 1;
                source_as_copy +=
                    usize::from(l.kind != LinkKind::SameText && id(l.copy) == **other);
            }
        }
        if l.kind == LinkKind::Rewrites {
            assert!(l.rewrite.as_ref().is_some_and(|r| !r.sentences.is_empty()));
        }
    }
    eprintln!(
        "reuse_clough: answers linked to their source {to_source:?}, edges of non answers {non_linked}, source called the copy {source_as_copy}"
    );
    for (grade, floor) in [("cut", 12), ("light", 8), ("heavy", 5)] {
        let n = to_source.get(grade).copied().unwrap_or(0);
        assert!(n >= floor, "{grade}: {n} of 19 linked to their source");
    }
    // The one edge of non answers joins two that print the same 48 words of a text outside
    // the corpus: shared text all the same.
    assert!(non_linked <= 2, "{non_linked} edges of non answers");
    assert!(
        source_as_copy <= 1,
        "the source called the copy {source_as_copy} times"
    );
}
