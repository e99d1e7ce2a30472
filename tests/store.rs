//! The store (`claimtrace add`, `--db`, `db stats|check`) on SQLite and, where a server is
//! given (`CLAIMTRACE_PG_URL`, which `.ci/run` sets from `scripts/store/pg-cluster.sh`), on
//! PostgreSQL: the same answer in any batches, nothing lost to a killed writer, two writers at
//! once, stores of every older schema version migrated. Outside CI a missing server prints
//! `SKIPPED: ...`; under `CLAIMTRACE_CI=1` it fails.

mod common;

use claimtrace::{ReadSettings, STORE_VERSION, Settings, Store};
use claimtrace_synth::reposts::{SynthOptions, generate};
use common::{claimtrace, in_ci};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A store to test: a SQLite file in its own directory, or a fresh PostgreSQL database.
struct Target {
    db: String,
    backend: &'static str,
    _dir: Option<tempfile::TempDir>,
}

/// The stores a test runs on: SQLite always, PostgreSQL when a server is given. `test` names
/// the PostgreSQL database, so that tests running at once do not share one.
fn targets(test: &str) -> Vec<Target> {
    let dir = tempfile::tempdir().unwrap();
    let mut v = vec![Target {
        db: dir.path().join("store.db").to_string_lossy().into_owned(),
        backend: "sqlite",
        _dir: Some(dir),
    }];
    if let Some(db) = pg_database(test) {
        v.push(Target {
            db,
            backend: "postgresql",
            _dir: None,
        });
    }
    v
}

/// A fresh database `ct_test_<test>` on the server `CLAIMTRACE_PG_URL` names, as a URL.
fn pg_database(test: &str) -> Option<String> {
    let Some(base) = std::env::var("CLAIMTRACE_PG_URL")
        .ok()
        .filter(|s| !s.is_empty())
    else {
        assert!(
            !in_ci(),
            "CLAIMTRACE_PG_URL is not set under CLAIMTRACE_CI=1 (.ci/run starts a server)"
        );
        eprintln!(
            "SKIPPED: the PostgreSQL half of {test} (set CLAIMTRACE_PG_URL; \
             scripts/store/pg-cluster.sh start prints one)"
        );
        return None;
    };
    let name = format!("ct_test_{test}");
    let mut client = postgres::Client::connect(&base, postgres::NoTls)
        .unwrap_or_else(|e| panic!("cannot connect to CLAIMTRACE_PG_URL {base}: {e}"));
    // One statement each: neither may run in a transaction block.
    client
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .unwrap();
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap();
    Some(with_database(&base, &name))
}

/// `url` naming database `db` instead of its own.
fn with_database(url: &str, db: &str) -> String {
    let (main, query) = match url.split_once('?') {
        Some((m, q)) => (m, format!("?{q}")),
        None => (url, String::new()),
    };
    let (scheme, rest) = main.split_once("://").expect("a URL");
    let host = rest.split('/').next().unwrap_or(rest);
    format!("{scheme}://{host}/{db}{query}")
}

/// A synthetic repost corpus of `n` items written as `files` JSON-lines files (item i in file
/// i % files, so that copies and their sources fall in different files), absolute paths.
fn corpus(dir: &Path, n: usize, files: usize, seed: u64) -> Vec<PathBuf> {
    let s = generate(&SynthOptions {
        items: n,
        seed,
        copy_share: 0.4,
    });
    let paths: Vec<PathBuf> = (0..files)
        .map(|f| dir.join(format!("part-{seed}-{f}.jsonl")))
        .collect();
    let mut outs: Vec<_> = paths
        .iter()
        .map(|p| std::fs::File::create(p).unwrap())
        .collect();
    for (i, it) in s.items.iter().enumerate() {
        let m = &it.meta;
        let credits: Vec<&str> = m.credits.iter().map(|c| c.outlet.as_str()).collect();
        let rec = serde_json::json!({
            "id": m.record_id, "url": m.url, "title": m.title, "outlet": m.outlet,
            "published": m.published.map(|d| d.to_string()), "credits": credits, "text": it.text(),
        });
        writeln!(outs[i % files], "{rec}").unwrap();
    }
    paths
}

fn run_ok(args: &[&str]) -> String {
    let out = claimtrace().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "claimtrace {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// What `db check` reports of a store it must find unsound (exit code 1).
fn check_finds_faults(db: &str) -> String {
    let out = claimtrace()
        .args(["db", "check", "--db", db])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "db check of {db}");
    String::from_utf8(out.stdout).unwrap()
}

fn paths(p: &[PathBuf]) -> Vec<&str> {
    p.iter().map(|p| p.to_str().unwrap()).collect()
}

fn add(db: &str, inputs: &[&str]) -> String {
    let mut args = vec!["add", "--quiet", "--db", db];
    args.extend_from_slice(inputs);
    run_ok(&args)
}

/// `graph` (JSON, then DOT) and `report` of the inputs, one run.
fn batch_answer(inputs: &[&str]) -> [String; 3] {
    let mut g = vec!["graph", "--quiet"];
    g.extend_from_slice(inputs);
    let mut d = vec!["graph", "--quiet", "--format", "dot"];
    d.extend_from_slice(inputs);
    let mut r = vec!["report", "--quiet", "--claims", "all"];
    r.extend_from_slice(inputs);
    [run_ok(&g), run_ok(&d), run_ok(&r)]
}

/// The same three answers from the store.
fn store_answer(db: &str) -> [String; 3] {
    [
        run_ok(&["graph", "--db", db]),
        run_ok(&["graph", "--db", db, "--format", "dot"]),
        run_ok(&["report", "--db", db, "--claims", "all"]),
    ]
}

fn assert_same(got: &[String; 3], want: &[String; 3], what: &str) {
    for (i, name) in ["graph JSON", "graph DOT", "report"].iter().enumerate() {
        assert!(
            got[i] == want[i],
            "{what}: {name} differs from one batch run"
        );
    }
}

fn assert_sound(db: &str) {
    let out = run_ok(&["db", "check", "--db", db]);
    assert!(out.ends_with("sound\n"), "{out}");
}

#[test]
fn any_batches_in_any_order_give_the_one_batch_graph() {
    let dir = tempfile::tempdir().unwrap();
    let files = corpus(dir.path(), 240, 5, 11);
    let example = common::repo("examples/reposts.jsonl");
    let mut all = paths(&files);
    all.push(example.to_str().unwrap());
    let want = batch_answer(&all);
    assert!(want[0].contains("\"reposts\""), "the corpus has reposts");
    // One batch; a file a batch, last first; uneven batches with a file added twice.
    let splits: Vec<Vec<Vec<&str>>> = vec![
        vec![all.clone()],
        all.iter().rev().map(|f| vec![*f]).collect(),
        vec![
            vec![all[3]],
            vec![all[5], all[0], all[3]],
            vec![all[1], all[2], all[4]],
            vec![all[0]],
        ],
    ];
    for (n, split) in splits.iter().enumerate() {
        for t in targets(&format!("batches_{n}")) {
            for batch in split {
                add(&t.db, batch);
            }
            let what = format!("{} split {n}", t.backend);
            assert_same(&store_answer(&t.db), &want, &what);
            assert_sound(&t.db);
            // A batch of files all added before adds nothing and is no batch.
            let mut seen = std::collections::HashSet::new();
            let batches = split
                .iter()
                .filter(|b| {
                    let new: Vec<bool> = b.iter().map(|f| seen.insert(*f)).collect();
                    new.contains(&true)
                })
                .count();
            let stats = run_ok(&["db", "stats", "--db", &t.db]);
            assert!(
                stats.contains(&format!("batches   {batches}\n")),
                "{what}: {stats}"
            );
        }
    }
}

#[test]
fn adding_an_input_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let files = corpus(dir.path(), 60, 2, 5);
    let f = paths(&files);
    for t in targets("again") {
        add(&t.db, &f);
        let before = (store_answer(&t.db), run_ok(&["db", "stats", "--db", &t.db]));
        let out = add(&t.db, &[f[1]]);
        assert!(out.starts_with("no new items"), "{}: {out}", t.backend);
        let after = (store_answer(&t.db), run_ok(&["db", "stats", "--db", &t.db]));
        assert!(
            before == after,
            "{}: a second add changed the store",
            t.backend
        );
    }
}

/// Spawns `add` and kills it (SIGKILL) once it says it is linking, in the middle of its
/// transaction; the store must then be as before the batch, or as after it, never between.
#[test]
fn a_killed_add_leaves_the_store_before_or_after_its_batch() {
    let dir = tempfile::tempdir().unwrap();
    let small = corpus(dir.path(), 40, 1, 21);
    let big = corpus(dir.path(), 900, 1, 22);
    let small = paths(&small);
    let big = paths(&big);
    let after = batch_answer(&[small[0], big[0]]);
    for t in targets("killed") {
        add(&t.db, &small);
        let before = store_answer(&t.db);
        // Killed at once (before or while opening the store), then once linking has begun.
        for when in ["at once", "when linking"] {
            let mut child = Command::new(env!("CARGO_BIN_EXE_claimtrace"))
                .args(["add", "--db", &t.db, big[0]])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            if when == "when linking" {
                let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
                let said = lines
                    .by_ref()
                    .map_while(Result::ok)
                    .find(|l| l.contains("linking"));
                assert!(
                    said.is_some(),
                    "{}: add never said it was linking",
                    t.backend
                );
            }
            let exited_first = child.try_wait().unwrap().is_some();
            child.kill().unwrap();
            child.wait().unwrap();
            let now = store_answer(&t.db);
            let state = if now == before {
                "before"
            } else if now == after {
                "after"
            } else {
                panic!("{}: killed {when}, the store is between", t.backend)
            };
            eprintln!(
                "{}: killed {when} (exited first: {exited_first}): store as {state} the batch",
                t.backend
            );
            assert_sound(&t.db);
        }
        // The batch added again completes it.
        add(&t.db, &big);
        assert_same(&store_answer(&t.db), &after, t.backend);
    }
}

#[test]
fn two_adds_at_once_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let files = corpus(dir.path(), 300, 2, 31);
    let f = paths(&files);
    let want = batch_answer(&f);
    for t in targets("concurrent") {
        // Both start on a store that does not exist yet: creating it is raced too.
        let children: Vec<_> = f
            .iter()
            .map(|file| {
                Command::new(env!("CARGO_BIN_EXE_claimtrace"))
                    .args(["add", "--quiet", "--db", &t.db, file])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for c in children {
            let out = c.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}: a concurrent add failed: {}",
                t.backend,
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert_same(&store_answer(&t.db), &want, t.backend);
        assert_sound(&t.db);
    }
}

/// A store written by every older schema version opens (migrated), and an add on it gives the
/// one-batch graph.
#[test]
fn stores_of_every_older_version_are_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let files = corpus(dir.path(), 120, 2, 41);
    let f = paths(&files);
    let settings = Settings {
        inputs: vec![files[0].clone()],
        read: ReadSettings::default(),
        ..Settings::default()
    };
    let first = || {
        claimtrace::read_inputs(&settings, &claimtrace::NoProgress, &mut |_| {})
            .unwrap()
            .0
    };
    let want_first = batch_answer(&f[..1]);
    let want_both = batch_answer(&f);
    for version in 1..STORE_VERSION {
        for t in targets(&format!("migrate_{version}")) {
            Store::create_at_version(&t.db, version, first()).unwrap();
            let what = format!("{} from version {version}", t.backend);
            // A reading command migrates it.
            assert_same(&store_answer(&t.db), &want_first, &what);
            let stats = run_ok(&["db", "stats", "--db", &t.db]);
            assert!(
                stats.contains(&format!("schema    version {STORE_VERSION}\n")),
                "{what}: {stats}"
            );
            assert_sound(&t.db);
            add(&t.db, &f[1..]);
            assert_same(&store_answer(&t.db), &want_both, &what);
        }
        // And `add` migrates it too.
        for t in targets(&format!("migrate_add_{version}")) {
            Store::create_at_version(&t.db, version, first()).unwrap();
            add(&t.db, &f[1..]);
            assert_same(
                &store_answer(&t.db),
                &want_both,
                &format!("{} from version {version}, by add", t.backend),
            );
            assert_sound(&t.db);
        }
    }
}

#[test]
fn a_bad_input_leaves_the_store_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let files = corpus(dir.path(), 30, 1, 51);
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"text\": \"fine\"}\n{not json\n").unwrap();
    for t in targets("bad_input") {
        add(&t.db, &paths(&files));
        let before = store_answer(&t.db);
        let out = claimtrace()
            .args(["add", "--db", &t.db, files[0].to_str().unwrap()])
            .arg(&bad)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", t.backend);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("bad.jsonl:2:"), "{err}");
        assert!(store_answer(&t.db) == before, "{}", t.backend);
    }
}

#[test]
fn a_missing_store_and_inputs_beside_db_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.db");
    let out = claimtrace()
        .args(["graph", "--db"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("none.db") && err.contains("no store"), "{err}");
    assert!(!missing.exists(), "reading a store must not create one");
    let out = claimtrace()
        .args(["origin", "--item", "x", "--db"])
        .arg(&missing)
        .arg("examples/reposts.jsonl")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_finds_a_damaged_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.db");
    let db = db.to_str().unwrap();
    add(
        db,
        &[common::repo("examples/reposts.jsonl").to_str().unwrap()],
    );
    assert_sound(db);
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute(
        "UPDATE ct_nodes SET body = replace(body, 'Corvin', 'Korvin') WHERE kind = 'item'",
        [],
    )
    .unwrap();
    conn.execute(
        "DELETE FROM ct_edges WHERE id = (SELECT min(id) FROM ct_edges)",
        [],
    )
    .unwrap();
    conn.execute(
        "UPDATE ct_claims SET body = '[]' WHERE key = (SELECT min(key) FROM ct_claims WHERE body <> '[]')",
        [],
    )
    .unwrap();
    drop(conn);
    let said = check_finds_faults(db);
    assert!(said.contains("differs from the graph"), "{said}");
    assert!(said.contains("is not stored"), "{said}");
    assert!(said.contains("stored claims of item"), "{said}");
}

#[test]
fn origin_answers_from_the_store_as_from_the_inputs() {
    let example = common::repo("examples/reposts.jsonl");
    let example = example.to_str().unwrap();
    for t in targets("origin") {
        add(&t.db, &[example]);
        for args in [
            vec!["--item", "lantern-88"],
            vec!["--item", "lantern-88", "--json"],
            vec![
                "--item",
                "Bridge closure: months of detours ahead for commuters",
            ],
        ] {
            let mut a = vec!["origin", "--db", &t.db];
            a.extend_from_slice(&args);
            let mut b = vec!["origin", example];
            b.extend_from_slice(&args);
            assert_eq!(run_ok(&a), run_ok(&b), "{} {args:?}", t.backend);
        }
    }
}

/// `origin --db` reads only the item's sources through the indexes: for every item, by id, URL
/// and record id, its answer is the whole graph's.
#[test]
fn origin_reads_only_what_it_needs_and_answers_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let files = corpus(dir.path(), 200, 3, 61);
    let mut f = paths(&files);
    let example = common::repo("examples/reposts.jsonl");
    f.push(example.to_str().unwrap());
    for t in targets("origin_graph") {
        add(&t.db, &f);
        let mut store = Store::open(&t.db).unwrap();
        let full = store.graph(claimtrace::BuildOptions::default()).unwrap();
        let mut copies = 0;
        for n in full.sorted_nodes() {
            let claimtrace::NodeData::Item(item) = &n.data else {
                continue;
            };
            let want = serde_json::to_string(&claimtrace::repost_dag(&full, n.id)).unwrap();
            let keys = [
                Some(n.id.to_string()),
                item.url.clone(),
                item.record_id.clone(),
            ];
            for key in keys.into_iter().flatten() {
                let part = store.origin_graph(&key).unwrap();
                let id = claimtrace::find_item(&part, &key).unwrap();
                assert_eq!(id, n.id, "{}: {key}", t.backend);
                let got = serde_json::to_string(&claimtrace::repost_dag(&part, id)).unwrap();
                assert_eq!(got, want, "{}: origin of {key}", t.backend);
                assert!(
                    part.node_count() < full.node_count() / 2,
                    "{}: origin of {key} read {} of {} nodes",
                    t.backend,
                    part.node_count(),
                    full.node_count()
                );
            }
            copies += usize::from(claimtrace::repost_dag(&full, n.id).nodes.len() > 1);
        }
        assert!(copies > 20, "the corpus has copies to trace ({copies})");
    }
}

/// The formats that want item texts (`--with-text`, passim records, the view) get them from the
/// store as from the inputs, on both backends and over batches (the texts are kept with their
/// items, not in the graph's rows: joined back by the reading command).
#[test]
fn texts_come_back_for_the_formats_that_want_them() {
    let dir = tempfile::tempdir().unwrap();
    let files = corpus(dir.path(), 80, 2, 11);
    let files = paths(&files);
    for t in targets("texts_come_back") {
        add(&t.db, &[files[1]]);
        add(&t.db, &[files[0]]);
        for args in [
            vec!["graph", "--with-text"],
            vec!["graph", "--format", "passim"],
            vec!["graph", "--format", "html"],
            vec!["view"],
        ] {
            let mut a = args.clone();
            a.extend(["--db", &t.db]);
            let mut b = args.clone();
            b.extend(&files);
            assert!(run_ok(&a) == run_ok(&b), "{} {args:?}", t.backend);
        }
    }
}

/// An item's text is stored once, with the item: no graph row holds it, each item node names
/// the stored item whose text it shows, and `db check` finds a node pointing at the wrong one.
#[test]
fn item_texts_are_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.db");
    let db = db.to_str().unwrap();
    let example = common::repo("examples/reposts.jsonl");
    add(db, &[example.to_str().unwrap()]);
    let conn = rusqlite::Connection::open(db).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert!(count("SELECT count(*) FROM ct_nodes WHERE kind = 'item'") > 3);
    assert_eq!(
        count("SELECT count(*) FROM ct_nodes WHERE kind = 'item' AND body LIKE '%\"text\":%'"),
        0,
        "a graph row holds an item's text"
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM ct_nodes n WHERE kind = 'item' \
             AND NOT EXISTS (SELECT 1 FROM ct_items i WHERE i.hash = n.text_of)"
        ),
        0,
        "an item node names no stored item for its text"
    );
    // Two item nodes with different texts swap the items they name.
    conn.execute_batch(
        "CREATE TEMP TABLE two AS SELECT id, text_of FROM ct_nodes WHERE kind = 'item' \
           AND text_of IN (SELECT min(text_of) FROM ct_nodes UNION SELECT max(text_of) FROM ct_nodes);
         UPDATE ct_nodes SET text_of = (SELECT t.text_of FROM two t WHERE t.id <> ct_nodes.id)
           WHERE id IN (SELECT id FROM two);",
    )
    .unwrap();
    drop(conn);
    let said = check_finds_faults(db);
    assert!(said.contains("differs from the graph"), "{said}");
    assert!(said.contains("its digest is not its body's"), "{said}");
}

/// One outlet's letters box, printed under each of its stories (fictional outlet and people).
const LETTERS_BOX: &str = "The Harbor Daily thanks its readers for their letters about the ferry timetable, the new tram line along the quay, the closing of the old fish market on Saturdays, the price of parking near the lighthouse and the noise from the shipyard at night. Letters to the editor are printed on Thursdays when there is room, shortened where needed, and answered by the desk within a week when a reader asks a question about something the paper printed or left out of its pages during the month.";

const HARBOR_STORIES: [&str; 3] = [
    "Councillor Maren Osk said on Monday that the ferry to Little Skerry will run twice a day from March, after the pier was rebuilt with money from the regional fund. The crossing takes forty minutes, and tickets will cost the same as last year for islanders and pupils.",
    "The Quay Street bakery closed on Tuesday after forty one years, its owner Tobias Wren told customers who queued in the rain for a last loaf. He said rent had tripled since the new tram line opened and that he will bake for the Saturday market instead.",
    "Firefighters put out a blaze in a boat shed at the north basin early on Wednesday. Nobody was hurt, the harbour master Ilse Brandt said, but two wooden dinghies and a winter store of sails were lost, and the cause is not yet known to the brigade.",
];

fn harbor_record(i: usize) -> String {
    serde_json::json!({
        "id": format!("hd-{i}"), "url": format!("https://harbordaily.example/{i}"),
        "title": format!("Story {i}"), "outlet": "Harbor Daily",
        "published": format!("2025-02-1{i}"),
        "text": format!("{}\n\n{LETTERS_BOX}", HARBOR_STORIES[i]),
    })
    .to_string()
}

/// The verdict an add keeps on a pair is the one a fresh run gives only while the pair's
/// shingles keep their status: two stories of one outlet sharing its letters box are a repost
/// until a third story with the box makes it the outlet's boilerplate (common), and then they
/// are not linked. The second add must verify the pair again.
#[test]
fn a_shingle_made_common_by_an_add_unlinks_old_pairs() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.jsonl");
    let second = dir.path().join("second.jsonl");
    std::fs::write(
        &first,
        format!("{}\n{}\n", harbor_record(0), harbor_record(1)),
    )
    .unwrap();
    std::fs::write(&second, format!("{}\n", harbor_record(2))).unwrap();
    let (first, second) = (first.to_str().unwrap(), second.to_str().unwrap());
    let before = batch_answer(&[first]);
    assert!(
        before[0].contains("\"kind\":\"reposts\""),
        "the pair is linked"
    );
    let want = batch_answer(&[first, second]);
    assert!(
        !want[0].contains("\"kind\":\"reposts\""),
        "the box is common"
    );
    for t in targets("made_common") {
        add(&t.db, &[first]);
        assert_same(&store_answer(&t.db), &before, t.backend);
        add(&t.db, &[second]);
        assert_same(&store_answer(&t.db), &want, t.backend);
        assert_sound(&t.db);
    }
}

/// Each stored graph row by id, with what tells whether an add wrote it again: SQLite's rowid
/// (a row deleted and inserted gets one above every other's) or PostgreSQL's `xmin` (the
/// transaction that wrote it), beside its body.
fn row_stamps(db: &str, table: &str) -> std::collections::BTreeMap<String, (String, String)> {
    let sql = |stamp: &str| format!("SELECT id, {stamp}, body FROM {table}");
    let mut out = std::collections::BTreeMap::new();
    if db.starts_with("postgres") {
        let mut client = postgres::Client::connect(db, postgres::NoTls).unwrap();
        for row in client.query(&sql("xmin::text"), &[]).unwrap() {
            out.insert(row.get(0), (row.get(1), row.get(2)));
        }
    } else {
        let conn = rusqlite::Connection::open(db).unwrap();
        let mut stmt = conn.prepare(&sql("CAST(rowid AS TEXT)")).unwrap();
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
            .unwrap();
        for row in rows {
            let (id, stamp): (String, (String, String)) = row.unwrap();
            out.insert(id, stamp);
        }
    }
    out
}

/// An add writes only the graph rows its items change: an item that shares no text, outlet or
/// day with the stored ones leaves every stored row as it was (not written again), and the
/// rows it adds are its own node, the nodes only it reaches and edges at its node.
#[test]
fn an_add_of_an_unrelated_item_writes_only_its_own_rows() {
    let dir = tempfile::tempdir().unwrap();
    let first = corpus(dir.path(), 60, 2, 5);
    let lone = dir.path().join("lone.jsonl");
    let record = serde_json::json!({
        "id": "ql-1", "url": "https://quarryledger.example/kilns",
        "title": "Kiln cooperative reopens", "outlet": "Quarry Ledger",
        "published": "1999-04-03",
        "text": "The brick kilns on Tanner Lane fired again on Saturday after four idle \
                 winters, the cooperative that bought them said. Its treasurer, Ilse \
                 Marchetti, said the first load of six thousand bricks would go to the \
                 rebuilt chapel roof. Neighbours had asked for a chimney filter, and the \
                 council granted the permit on that condition.",
    });
    std::fs::write(&lone, format!("{record}\n")).unwrap();
    let first = paths(&first);
    let lone = lone.to_str().unwrap();
    let mut all = first.clone();
    all.push(lone);
    let want = batch_answer(&all);
    for t in targets("unrelated_rows") {
        add(&t.db, &first);
        if t.backend == "sqlite" {
            // Rowids high and in reverse: a row written again, even after every row went,
            // cannot get its old one back.
            let conn = rusqlite::Connection::open(&t.db).unwrap();
            for table in ["ct_nodes", "ct_edges"] {
                conn.execute(&format!("UPDATE {table} SET rowid = 2000000 - rowid"), [])
                    .unwrap();
            }
        }
        let nodes = row_stamps(&t.db, "ct_nodes");
        let edges = row_stamps(&t.db, "ct_edges");
        add(&t.db, &[lone]);
        assert_same(&store_answer(&t.db), &want, t.backend);
        let nodes_after = row_stamps(&t.db, "ct_nodes");
        let edges_after = row_stamps(&t.db, "ct_edges");
        for (before, after, table) in [
            (&nodes, &nodes_after, "node"),
            (&edges, &edges_after, "edge"),
        ] {
            for (id, stamp) in before {
                assert_eq!(
                    after.get(id),
                    Some(stamp),
                    "{}: stored {table} {id} was written again",
                    t.backend
                );
            }
        }
        let new_nodes: Vec<&String> = nodes_after
            .keys()
            .filter(|id| !nodes.contains_key(*id))
            .collect();
        let lone_node = new_nodes
            .iter()
            .find(|id| nodes_after[**id].1.contains("quarryledger.example/kilns"))
            .unwrap_or_else(|| panic!("{}: the new item's node", t.backend));
        // The new edges' ends; every new row must hang from the new item through new edges.
        let ends: Vec<(String, String)> = edges_after
            .iter()
            .filter(|(id, _)| !edges.contains_key(*id))
            .map(|(_, (_, body))| {
                let e: serde_json::Value = serde_json::from_str(body).unwrap();
                let end = |k: &str| e[k].as_str().unwrap().to_string();
                (end("source"), end("target"))
            })
            .collect();
        assert!(!ends.is_empty(), "{}: the item has edges", t.backend);
        let mut reached = std::collections::BTreeSet::from([lone_node.to_string()]);
        loop {
            let before = reached.len();
            for (a, b) in &ends {
                if reached.contains(a) || reached.contains(b) {
                    reached.insert(a.clone());
                    reached.insert(b.clone());
                }
            }
            if reached.len() == before {
                break;
            }
        }
        for (a, b) in &ends {
            assert!(
                reached.contains(a),
                "{}: a new edge {a} -> {b} away from the new item",
                t.backend
            );
        }
        for id in &new_nodes {
            assert!(
                reached.contains(id.as_str()),
                "{}: a new node {id} the new item does not reach",
                t.backend
            );
        }
        assert_sound(&t.db);
    }
}
