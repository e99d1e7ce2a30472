"""The Python package over the library's public API: the same graph as the command line, in
every format, as dicts and as networkx; records as dicts; the per-stage functions; parts."""

import json
import os
import pickle
import re
import subprocess
from importlib.metadata import version
from pathlib import Path

import pytest

import claimtrace

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "reposts.jsonl"


def cli():
    """The command line built by `cargo build`/`cargo test` (CI builds it first), to compare
    with. Absent outside CI: skipped with a visible reason; in CI: a failure."""
    for profile in ("debug", "release"):
        binary = REPO / "target" / profile / "claimtrace"
        if binary.exists():
            return binary
    if os.environ.get("CI") or os.environ.get("CLAIMTRACE_CI"):
        pytest.fail("target/debug/claimtrace is not built")
    pytest.skip("SKIPPED: target/debug/claimtrace is not built (cargo build)")


def cli_output(*args):
    return subprocess.run(
        [str(cli()), *map(str, args)], cwd=REPO, check=True, capture_output=True
    ).stdout.decode()


@pytest.fixture(scope="module")
def graph():
    # The path as the command line below is given it: items keep the path as given.
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        return claimtrace.run(["examples/reposts.jsonl"])
    finally:
        os.chdir(cwd)


def test_version_is_the_crates():
    cargo = (REPO / "Cargo.toml").read_text()
    crate = re.search(r'\[workspace\.package\][^\[]*?version = "([^"]+)"', cargo).group(1)
    assert claimtrace.__version__ == crate
    assert version("claimtrace") == crate


def test_every_format_is_exported_as_the_command_line_writes_it(graph):
    assert set(claimtrace.formats()) >= {"json", "dot", "passim"}
    # With the items' text, as the command line builds some formats' graphs whatever its flags.
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        with_text = claimtrace.run(["examples/reposts.jsonl"], with_text=True)
    finally:
        os.chdir(cwd)
    for fmt in claimtrace.formats():
        expected = cli_output("graph", "--with-text", "--format", fmt, "examples/reposts.jsonl")
        assert with_text.export(fmt) == expected, fmt
    assert graph.export("json") == cli_output("graph", "examples/reposts.jsonl")
    assert graph.export("dot") == cli_output("graph", "--format", "dot", "examples/reposts.jsonl")
    for fmt in claimtrace.formats():
        if claimtrace.format_needs_text(fmt):
            with pytest.raises(ValueError, match="with-text"):
                graph.export(fmt)
    with pytest.raises(ValueError, match="unknown format"):
        graph.export("pdf")


def test_passim_records_from_a_graph_with_text():
    with_text = claimtrace.run([EXAMPLE], with_text=True)
    records = [json.loads(line) for line in with_text.export("passim").splitlines()]
    items = [n for n in with_text.nodes() if n["kind"] == "item"]
    assert [r["id"] for r in records] == [n["id"] for n in items]
    assert [r["text"] for r in records] == [n["text"] for n in items]


def test_nodes_and_edges_are_the_contracts_dicts(graph):
    exported = json.loads(graph.export("json"))
    assert exported["schema"] == claimtrace.SCHEMA_NAME
    assert exported["version"] == claimtrace.SCHEMA_VERSION
    assert graph.nodes() == exported["nodes"]
    assert graph.edges() == exported["edges"]
    assert (graph.node_count, graph.edge_count) == (len(exported["nodes"]), len(exported["edges"]))
    first = exported["nodes"][0]
    assert graph.node(first["id"]) == first
    assert graph.node("not-an-id") is None


def test_networkx_multidigraph(graph):
    nx = pytest.importorskip("networkx")
    g = graph.to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_nodes() == graph.node_count
    assert g.number_of_edges() == graph.edge_count
    assert g.graph["version"] == claimtrace.SCHEMA_VERSION
    reposts = [(s, t, k) for s, t, k, d in g.edges(keys=True, data=True) if d["kind"] == "reposts"]
    assert len(reposts) == 2
    for s, t, key in reposts:
        assert g.nodes[s]["kind"] == g.nodes[t]["kind"] == "item"
        edge = next(e for e in graph.edges() if e["id"] == key)
        assert (edge["source"], edge["target"]) == (s, t)
        assert "evidence" in g.edges[s, t, key]
    # The Lantern copies the Gazette, which copies the wire: the chain is a path in networkx.
    lantern = graph.find_item("lantern-88")
    wire = graph.find_item("nw-2031")
    path = nx.shortest_path(nx.DiGraph((s, t) for s, t, _ in reposts), lantern, wire)
    assert len(path) == 3


def test_records_as_dicts_give_the_graph_of_the_file(graph):
    rows = [json.loads(line) for line in EXAMPLE.read_text().splitlines() if line.strip()]
    items = claimtrace.read_records(rows, "reposts.jsonl")
    assert [i.record_id for i in items] == [r["id"] for r in rows]
    assert items[1].outlet == "Harbor City Gazette"
    assert items[1].published == "2026-03-13"
    from_dicts = claimtrace.graph_of_items(items)
    # The same graph but for the input's name and byte offsets in each item's origin.
    strip = lambda n: {k: v for k, v in n.items() if k != "origin"}
    assert [strip(n) for n in from_dicts.nodes()] == [strip(n) for n in graph.nodes()]
    assert from_dicts.edge_count == graph.edge_count

    one = claimtrace.item_from_record({"id": "x-1", "text": "The pier reopens, Ana Brill said."}, "row-1")
    assert one.record_id == "x-1" and one.origin["file"] == "row-1"


def test_bad_records_raise_input_error_naming_the_line():
    with pytest.raises(claimtrace.InputError, match=r"rows\.jsonl:2: .*text"):
        claimtrace.read_records([{"text": "ok"}, {"title": "no text"}], "rows.jsonl")
    with pytest.raises(claimtrace.InputError):
        claimtrace.read_inputs([REPO / "no-such-file.jsonl"])
    assert issubclass(claimtrace.InputError, ValueError)


def test_items_pickle_for_spark_executors():
    items = claimtrace.read_inputs([EXAMPLE])
    back = pickle.loads(pickle.dumps(items))
    assert [i.to_dict() for i in back] == [i.to_dict() for i in items]
    assert back[0].text == items[0].text
    assert claimtrace.Item.from_json(items[2].to_json()).to_dict() == items[2].to_dict()


def test_claims_of_an_item():
    items = claimtrace.read_inputs([EXAMPLE])
    claims = claimtrace.extract_claims(items[0])
    said = [c for c in claims if c["speaker"] and c["speaker"]["name"] == "Tomas Brandt"]
    assert said, claims
    c = said[0]
    start, end = c["span"]
    assert items[0].text.encode()[start:end].decode() == c["text"]
    assert c["kind"] in ("direct", "indirect", "turn")


def test_per_stage_linking_finds_the_graphs_reposts(graph):
    items = claimtrace.read_inputs([EXAMPLE])
    features = [claimtrace.item_features(i) for i in items]
    assert all(f == sorted(set(f)) for f in features)
    pairs, common = claimtrace.candidate_pairs(items)
    links = []
    for a, b in pairs:
        assert len(set(features[a]) & set(features[b])) >= 3
        link = claimtrace.verify_pair(items[a], items[b], common)
        if link and link["kind"] == "reposts":
            copy, source = (a, b) if link["copy"] == 0 else (b, a)
            links.append((items[copy].record_id, items[source].record_id))
    # Each pair on its own: the Lantern copies the Gazette's copy of the wire, so shares the
    # wire's text too.
    assert sorted(links) == [("hcg-551", "nw-2031"), ("lantern-88", "hcg-551"), ("lantern-88", "nw-2031")]
    # The graph keeps each copy's nearest source: the Lantern reposts the Gazette, not the wire.
    by_id = {n["id"]: n.get("record_id") for n in graph.nodes()}
    edges = sorted((by_id[e["source"]], by_id[e["target"]]) for e in graph.edges() if e["kind"] == "reposts")
    assert edges == [("hcg-551", "nw-2031"), ("lantern-88", "hcg-551")]
    assert claimtrace.verify_pair(items[0], items[3]) is None


def test_parts_assemble_to_the_same_bytes_here_and_on_the_command_line(graph, tmp_path):
    graph.write_parts(tmp_path / "parts", partitions=3)
    assert len(list((tmp_path / "parts" / "nodes").iterdir())) == 3
    back = claimtrace.read_parts(tmp_path / "parts")
    for fmt in claimtrace.formats():
        if not claimtrace.format_needs_text(fmt):
            assert back.export(fmt) == graph.export(fmt)
    assert cli_output("graph", "--from-parts", tmp_path / "parts") == graph.export("json")
    with pytest.raises(FileExistsError):
        graph.write_parts(tmp_path / "parts")


def test_provenance_queries(graph):
    lantern = graph.find_item("https://thelanternblog.example/2026/03/14/bridge")
    assert lantern == graph.find_item("lantern-88")
    dag = graph.repost_dag(lantern)
    assert json.dumps(dag)  # plain values
    assert "Northwind Wire" in json.dumps(dag)
    report = graph.report_item("lantern-88")
    assert report == next(r for r in graph.report_items() if json.dumps(r) == json.dumps(report))
    with pytest.raises(LookupError, match="no item"):
        graph.find_item("no such story anywhere")


def test_the_whole_run_steps_apart_give_the_graph(graph, monkeypatch, tmp_path):
    """The Spark job's whole-run steps, each group on its own: speakers decided a name key at
    a time, nearest sources a group of links at a time, quotation wordings merged by key, the
    graph an item at a time merged by id; the graph is graph_of_items'."""
    from claimtrace import _native

    # Paths as the graph fixture's run gives them.
    monkeypatch.chdir(REPO)
    items = _native.prepare_items(claimtrace.read_inputs(["examples/reposts.jsonl"]))
    claims = [_native.claims_json(i) for i in items]
    by_key = {}
    for c in claims:
        for key, form in _native.name_forms(c):
            by_key.setdefault(key, []).append(form)
    assert any(len(f) > 1 for f in by_key.values()), "a name printed in two items"
    speakers = [s for forms in by_key.values() for s in _native.speakers_of_forms(forms)]
    pairs, common = claimtrace.candidate_pairs(items)
    verified = {}
    for a, b in pairs:
        found = _native.verify_candidate(items[a], items[b], (a, b), common)
        if found is not None:
            verified[(a, b)] = found
    rewrites = _native.rewrite_links(items, list(verified))
    found = [(ab, f, False) for ab, f in verified.items()] + [(ab, f, True) for ab, f in rewrites]
    groups = _native.link_groups([ab for ab, _, _ in found])
    links = []
    for g in sorted(set(groups), reverse=True):
        mine = [(f, r) for (_, f, r), h in zip(found, groups) if h == g]
        links += _native.nearest_sources([f for f, r in mine if not r], [f for f, r in mine if r])
    # The Lantern's link to the wire goes: it copied the Gazette's copy.
    assert len(links) == len(verified) - 1
    by_steps = _native.graph_of_linked(items, claims, links[::-1], speakers[::-1])
    assert by_steps.export("json") == graph.export("json")
    # The graph an item at a time, the parts of each id merged, as the job builds it.
    merged = {}

    def add(merge, key, value):
        merged[key] = merge(merged[key], value) if key in merged else value

    for i in reversed(range(len(items))):
        for key, w in _native.quote_wordings(i, items[i], claims[i]):
            add(_native.merge_wordings, ("wording", key), w)
    variants = _native.quote_variants([w for k, w in merged.items() if k[0] == "wording"])
    by_key = {}
    for i, item in enumerate(items):
        key, facts = _native.key_facts(i, item)
        by_key.setdefault(key, []).append(facts)
    keyed = {i: (k, j) for facts in by_key.values() for i, k, j in _native.item_keys(facts)}
    warnings, needs = {}, {}
    for link in links:
        c, s = json.loads(link)["copy"], json.loads(link)["source"]
        edge, warning = _native.link_part(link, items[c], keyed[c][0], items[s], keyed[s][0])
        if edge is not None:
            add(_native.merge_edge_parts, ("edge", edge[0]), edge[1])
        if warning is not None:
            warnings.setdefault(c, []).append(warning)
    maker = _native.PartMaker(speakers, variants)
    for i in reversed(range(len(items))):
        nodes, edges = maker.item_parts(items[i], claims[i], keyed[i][1], warnings.get(i, []))
        for id_, part in nodes:
            add(_native.merge_node_parts, ("node", id_), part)
        for id_, need, part in edges:
            add(_native.merge_edge_parts, ("edge", id_), part)
            needs[id_] = need
    parts = tmp_path / "parts"
    for kind in ("nodes", "edges"):
        (parts / kind).mkdir(parents=True)
    node_ids = {k[1] for k in merged if k[0] == "node"}
    with open(parts / "nodes" / "part-0.jsonl", "w") as f:
        for k, part in merged.items():
            if k[0] == "node":
                f.write(_native.finish_node_part(part) + "\n")
    with open(parts / "edges" / "part-0.jsonl", "w") as f:
        for k, part in merged.items():
            if k[0] == "edge" and needs.get(k[1]) in (None, *node_ids):
                f.write(_native.finish_edge_part(part) + "\n")
    (parts / "parts.json").write_text(_native.parts_manifest())
    assert claimtrace.read_parts(str(parts)).export("json") == graph.export("json")
