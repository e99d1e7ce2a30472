#!/usr/bin/env python3
"""Scores a claimtrace graph (or a pair list from another tool) of a synthetic repost corpus
against its exact gold (examples/synth_reposts.rs write N DIR).

usage: eval_synth.py GRAPH.json GOLD.tsv
       eval_synth.py --pairs PAIRS.tsv GOLD.tsv     (two record ids per line, any order)

Prints pair precision, recall and F1 (unordered pairs), and how many found gold pairs are
`reposts` or `rewrites` edges pointing from the copy to its source."""
import json, sys

def main():
    a = sys.argv[1:]
    gold = [tuple(l.rstrip("\n").split("\t")[:2]) for l in open(a[-1]) if l.strip()]
    directed = None
    if a[0] == "--pairs":
        pred = [tuple(l.rstrip("\n").split("\t")[:2]) for l in open(a[1]) if l.strip()]
    else:
        g = json.load(open(a[0], encoding="utf-8"))
        rid = {n["id"]: n.get("record_id") for n in g["nodes"] if n["kind"] == "item"}
        edges = [e for e in g["edges"] if e["kind"] in ("reposts", "rewrites", "same_text")]
        pred = [(rid[e["source"]], rid[e["target"]]) for e in edges]
        directed = {(rid[e["source"]], rid[e["target"]]) for e in edges if e["kind"] in ("reposts", "rewrites")}
    P = {frozenset(p) for p in pred}
    G = {frozenset(p) for p in gold}
    tp = len(P & G)
    p = tp / len(P) if P else 1.0
    r = tp / len(G) if G else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    line = f"pairs {len(P)} gold {len(G)}  P {p:.3f} R {r:.3f} F1 {f1:.3f}"
    if directed is not None:
        right = sum(1 for c, s in gold if (c, s) in directed)
        line += f"  direction right {right}/{tp}"
    print(line)

if __name__ == "__main__":
    main()
