#!/usr/bin/env python3
"""Whether a graph keeps every planted copy of scripts/perf/make_corpora.py's copy groups joined
to its article: each copy in the gold (copy id, article id) must be connected to its article
by item-to-item edges (reposts, rewrites, same_text), and no item of one group to another's; and
that no planted item reposts one published after it (a copy's source is the article or an earlier
copy). Prints the counts; exits 1 when a copy is cut off, two groups are joined or a repost points
to a later item.

usage: groups_check.py GRAPH.json GOLD.tsv
"""
import json
import sys

graph, gold = sys.argv[1], sys.argv[2]
g = json.load(open(graph))
by_record = {n["record_id"]: n["id"] for n in g["nodes"] if n["kind"] == "item" and n.get("record_id")}
published = {n["id"]: n.get("published") for n in g["nodes"] if n["kind"] == "item"}
parent = {}


def root(x):
    while parent.get(x, x) != x:
        parent[x] = parent.get(parent[x], parent[x])
        x = parent[x]
    return x


links = 0
reposts = []
for e in g["edges"]:
    if e["kind"] == "reposts":
        reposts.append((e["source"], e["target"]))  # (copy, source)
    if e["kind"] in ("reposts", "rewrites", "same_text"):
        links += 1
        a, b = root(e["source"]), root(e["target"])
        if a != b:
            parent[a] = b
pairs = [line.rstrip("\n").split("\t") for line in open(gold) if line.strip()]
cut = [c for c, a in pairs if root(by_record[c]) != root(by_record[a])]
groups = {root(by_record[a]) for _, a in pairs}
articles = {a for _, a in pairs}
planted = {by_record[x] for pair in pairs for x in pair}
planted_reposts = [(c, s) for c, s in reposts if c in planted and s in planted]
later = [(c, s) for c, s in planted_reposts
         if published[c] and published[s] and published[c] < published[s]]
print(f"{len(pairs)} copies of {len(articles)} articles: {len(pairs) - len(cut)} joined to their "
      f"article, {len(cut)} cut off; {len(groups)} separate groups; {links} item-to-item edges; "
      f"{len(planted_reposts)} reposts among planted items, {len(later)} to a later item")
sys.exit(1 if cut or later or len(groups) != len(articles) else 0)
