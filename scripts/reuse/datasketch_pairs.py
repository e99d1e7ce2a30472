#!/usr/bin/env python3
"""Baseline for the side-by-side comparison: datasketch MinHashLSH over word shingles of the same
records claimtrace reads. Prints one candidate pair per line (two record ids, tab-separated) and
its own timing on stderr. Needs `pip install datasketch`.

usage: datasketch_pairs.py [--threshold T] [--perm N] [--k K] INPUT...
  INPUT: .jsonl files of records ("id", "text") or directories / .json files of news-please
  records ("dId", "text" or "maintext").

Text is lower-cased and split on non-word characters, as plain as the usual MinHash recipe."""
import argparse, glob, json, os, re, sys, time
from datasketch import MinHash, MinHashLSH

def records(paths):
    for p in paths:
        files = sorted(glob.glob(os.path.join(p, "**/*.json*"), recursive=True)) if os.path.isdir(p) else [p]
        for f in files:
            with open(f, encoding="utf-8") as fh:
                if f.endswith((".jsonl", ".ndjson")):
                    for line in fh:
                        if line.strip():
                            yield json.loads(line)
                else:
                    d = json.load(fh)
                    yield from (d if isinstance(d, list) else [d])

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--perm", type=int, default=128)
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("inputs", nargs="+")
    a = ap.parse_args()
    t0 = time.time()
    word = re.compile(r"\w+")
    lsh = MinHashLSH(threshold=a.threshold, num_perm=a.perm)
    sigs = []
    for r in records(a.inputs):
        rid = str(r.get("id") or r.get("dId"))
        toks = word.findall((r.get("text") or r.get("maintext") or "").lower())
        sh = {" ".join(toks[i:i + a.k]).encode() for i in range(max(0, len(toks) - a.k + 1))}
        m = MinHash(num_perm=a.perm)
        if sh:
            m.update_batch(list(sh))
        lsh.insert(rid, m)
        sigs.append((rid, m))
    t1 = time.time()
    pairs = set()
    for rid, m in sigs:
        for other in lsh.query(m):
            if other != rid:
                pairs.add(tuple(sorted((rid, other))))
    for p in sorted(pairs):
        print(f"{p[0]}\t{p[1]}")
    t2 = time.time()
    print(f"datasketch: {len(sigs)} records, {len(pairs)} pairs, index {t1 - t0:.1f}s, query {t2 - t1:.1f}s",
          file=sys.stderr)

if __name__ == "__main__":
    main()
