#!/usr/bin/env python3
"""Whether a graph keeps every planted copy of scripts/perf/make_corpora.py's copy groups joined
to its article: each copy in the gold (copy id, article id) must be connected to its article
by item-to-item edges (reposts, rewrites, same_text), and no item of one group to another's.
Prints the counts; exits 1 when a copy is cut off or two groups are joined.

usage: groups_check.py GRAPH.json GOLD.tsv
"""
import json
import sys

graph, gold = sys.argv[1], sys.argv[2]
g = json.load(open(graph))
by_record = {n["record_id"]: n["id"] for n in g["nodes"] if n["kind"] == "item" and n.get("record_id")}
parent = {}


def root(x):
    while parent.get(x, x) != x:
        parent[x] = parent.get(parent[x], parent[x])
        x = parent[x]
    return x


links = 0
for e in g["edges"]:
    if e["kind"] in ("reposts", "rewrites", "same_text"):
        links += 1
        a, b = root(e["source"]), root(e["target"])
        if a != b:
            parent[a] = b
pairs = [line.rstrip("\n").split("\t") for line in open(gold) if line.strip()]
cut = [c for c, a in pairs if root(by_record[c]) != root(by_record[a])]
groups = {root(by_record[a]) for _, a in pairs}
articles = {a for _, a in pairs}
print(f"{len(pairs)} copies of {len(articles)} articles: {len(pairs) - len(cut)} joined to their "
      f"article, {len(cut)} cut off; {len(groups)} separate groups; {links} item-to-item edges")
sys.exit(1 if cut or len(groups) != len(articles) else 0)
