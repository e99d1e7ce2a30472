#!/usr/bin/env python3
"""How the item-to-item links of two graphs of one corpus compare (a baseline's and this
build's, where folding copies may change a copy group's links): how many links each has, how
many of the second's are in the first with the same confidence and evidence, and a few of those
that are only in the second. Links are named by their kind and the record ids of their ends.

usage: links_compare.py BASE.json NEW.json
"""
import json
import sys


def links(path):
    g = json.load(open(path))
    rec = {n["id"]: n.get("record_id") for n in g["nodes"] if n["kind"] == "item"}
    out = {}
    for e in g["edges"]:
        if e["kind"] in ("reposts", "rewrites", "same_text") and e["source"] in rec and e["target"] in rec:
            out[(e["kind"], rec[e["source"]], rec[e["target"]])] = (e.get("confidence"), e.get("evidence"))
    return out


base, new = links(sys.argv[1]), links(sys.argv[2])
shared = [k for k in new if k in base]
same = [k for k in shared if base[k] == new[k]]
print(f"base {len(base)} links, new {len(new)}; of the new, in the base: {len(shared)} "
      f"(same confidence and evidence: {len(same)}); only in the new: {len(new) - len(shared)}")
for k in [k for k in new if k not in base][:5]:
    print("  only in the new:", k, new[k])
