#!/usr/bin/env python3
"""Samples speaker and author names from claimtrace's graphs of the real corpora, for labelling.

usage: scripts/names/sample_names.py BIN SHARED [--seed 12] [--n 200] [--labels TSV]

Runs BIN (claimtrace) over the Giveme5W1H news_cluster records and the Readability test pages'
source.html files under SHARED (the shared/ folder beside the repository), collects the name of
every speaker a claim is said_by and every author an item is written_by, with the corpus and the
file of the first item (in path order) that has it, and prints a seeded sample of N distinct
names of each kind as TSV: kind, name, corpus, file, label. The label column is empty unless
--labels names a TSV of the same form whose labels (person / organisation / not-a-name) are
carried over. The same BIN, SHARED and seed give the same sample.
"""
import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile

GIVEME = "corpora/giveme5w1h-news-cluster/news_cluster/data"
READABILITY = "corpora/mozilla-readability-test-pages/test-pages"


def graph(bin_path, inputs):
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "g.json")
        subprocess.run([bin_path, "graph", "-q", "-o", out] + inputs, check=True)
        with open(out, encoding="utf-8") as f:
            return json.load(f)


def names(g, shared):
    """(kind, name) -> (corpus, file) of the first item in path order that has it."""
    nodes = {n["id"]: n for n in g["nodes"]}
    file_of = {}
    for n in g["nodes"]:
        if n["kind"] == "item":
            file_of[n["id"]] = os.path.relpath(n["origin"]["file"], shared)
    item_of_claim = {}
    for e in g["edges"]:
        if e["kind"] == "contains":
            item_of_claim.setdefault(e["target"], []).append(e["source"])
    found = {}
    for e in g["edges"]:
        if e["kind"] == "written_by":
            items, kind = [e["source"]], "author"
        elif e["kind"] == "said_by":
            items, kind = item_of_claim.get(e["source"], []), "speaker"
        else:
            continue
        name = nodes[e["target"]]["name"]
        for it in items:
            f = file_of[it]
            key = (kind, name)
            if key not in found or f < found[key]:
                found[key] = f
    return {k: (f.split("/")[1], f) for k, f in found.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bin")
    ap.add_argument("shared")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--labels")
    a = ap.parse_args()
    shared = os.path.abspath(a.shared)
    pages = sorted(
        os.path.join(shared, READABILITY, c, "source.html")
        for c in os.listdir(os.path.join(shared, READABILITY))
        if os.path.exists(os.path.join(shared, READABILITY, c, "source.html"))
    )
    found = names(graph(a.bin, [os.path.join(shared, GIVEME)]), shared)
    found.update(names(graph(a.bin, pages), shared))
    labels = {}
    if a.labels:
        with open(a.labels, encoding="utf-8") as f:
            for row in csv.reader(f, delimiter="\t"):
                if row and row[0] != "kind":
                    labels[(row[0], row[1])] = row[4]
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    w.writerow(["kind", "name", "corpus", "file", "label"])
    for kind in ["speaker", "author"]:
        pool = sorted(k for k in found if k[0] == kind)
        pick = random.Random(a.seed).sample(pool, min(a.n, len(pool)))
        for k in sorted(pick):
            corpus, f = found[k]
            w.writerow([kind, k[1], corpus, f, labels.get(k, "")])


if __name__ == "__main__":
    main()
