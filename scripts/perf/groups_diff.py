#!/usr/bin/env python3
"""Every difference between the item-to-item links of two graphs of one corpus (a baseline's,
pair by pair, and this build's, with copy groups folded), each one sorted into what it does to
its copy, so that a difference can be argued rather than counted:

  dropped, copy keeps a source   a link of the baseline's is gone, the copy still reposts
                                 another item published no later than it
  dropped, copy left sourceless  a link of the baseline's is gone and the copy reposts nothing
  added, copy had none           a repost of this build's that the baseline does not have, for
                                 a copy the baseline gave no source at all
  added, another source          the same, for a copy the baseline gave another source
  added, to a later item         a repost whose source was published after its copy

Links are named by kind and record ids; with --list every difference is printed with the two
items' dates. Exits 1 when an added repost points to a later item.

usage: groups_diff.py BASE.json NEW.json [--list]
"""
import collections
import json
import sys


def load(path):
    g = json.load(open(path))
    rec = {n["id"]: n.get("record_id") for n in g["nodes"] if n["kind"] == "item"}
    published = {n.get("record_id"): n.get("published") for n in g["nodes"] if n["kind"] == "item"}
    links = {}
    for e in g["edges"]:
        if e["kind"] in ("reposts", "rewrites", "same_text") and e["source"] in rec and e["target"] in rec:
            links[(e["kind"], rec[e["source"]], rec[e["target"]])] = (e.get("confidence"), e.get("evidence"))
    return links, published


base, published = load(sys.argv[1])
new, _ = load(sys.argv[2])
sources = {name: collections.defaultdict(set) for name in ("base", "new")}
for name, links in (("base", base), ("new", new)):
    for kind, copy, source in links:
        if kind in ("reposts", "rewrites"):
            sources[name][copy].add(source)


def later(copy, source):
    return published[copy] and published[source] and published[copy] < published[source]


kinds = collections.defaultdict(list)
for k in base:
    if k in new:
        continue
    kind, copy, source = k
    keeps = [s for s in sources["new"][copy] if not later(copy, s)]
    kinds["dropped, copy keeps a source" if keeps else "dropped, copy left sourceless"].append(k)
for k in new:
    if k in base:
        continue
    kind, copy, source = k
    if kind != "same_text" and later(copy, source):
        kinds["added, to a later item"].append(k)
    elif sources["base"][copy]:
        kinds["added, another source"].append(k)
    else:
        kinds["added, copy had none"].append(k)
same = sum(1 for k in new if k in base and base[k] == new[k])
print(f"base {len(base)} links, new {len(new)}; in both with the same confidence and evidence: {same}")
for name in ("dropped, copy keeps a source", "dropped, copy left sourceless", "added, copy had none",
             "added, another source", "added, to a later item"):
    print(f"  {name}: {len(kinds[name])}")
    if "--list" in sys.argv:
        for kind, copy, source in sorted(kinds[name]):
            print(f"    {kind} {copy} ({published[copy]}) -> {source} ({published[source]})")
sys.exit(1 if kinds["added, to a later item"] else 0)
