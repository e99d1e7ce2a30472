#!/usr/bin/env python3
"""Side-by-side baseline: passim 2 (github dasmiq/passim, installed separately with pyspark,
graphframes-py and intervaltree; nothing of it is in this repository) on the same records
claimtrace reads. Writes the records as passim input (id, series = outlet, text), runs passim's
seriatim.py with spark-submit --master 'local[2]' and --pairwise like the `passim` wrapper does
(all pairs across series), and prints the aligned document pairs (two ids per line). The
GraphFrames jar is not needed up to the pairwise output.

usage: passim_pairs.py [--workdir DIR] [-- PASSIM_ARGS...] INPUT..."""
import argparse, glob, json, os, shutil, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(__file__))
from datasketch_pairs import records  # same record reading as the datasketch baseline

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--workdir")
    ap.add_argument("--passim-arg", action="append", default=[])
    ap.add_argument("--reuse-output", action="store_true",
                    help="do not run passim, read the alignments already in WORKDIR/out")
    ap.add_argument("--min-chars", type=int, default=0,
                    help="keep a document pair only if its aligned passages cover this many "
                         "characters of the first document (0: every pair passim aligned)")
    ap.add_argument("inputs", nargs="+")
    a = ap.parse_args()
    import passim
    seriatim = os.path.join(os.path.dirname(passim.__file__), "seriatim.py")
    work = a.workdir or tempfile.mkdtemp(prefix="passim-")
    os.makedirs(os.path.join(work, "in"), exist_ok=True)
    with open(os.path.join(work, "in", "items.json"), "w", encoding="utf-8") as out:
        for r in records(a.inputs):
            rid = str(r.get("id") or r.get("dId"))
            series = r.get("outlet") or r.get("source_domain") or rid
            text = r.get("text") or r.get("maintext") or ""
            out.write(json.dumps({"id": rid, "series": series, "text": text}) + "\n")
    if not a.reuse_output:
        shutil.rmtree(os.path.join(work, "out"), ignore_errors=True)
    cmd = ["spark-submit", "--master", "local[2]", "--driver-memory", "4g", seriatim,
           "--all-pairs", "--pairwise", "--fields", "xxhash64(series) as gid",
           "--filterpairs", "gid < gid2", *a.passim_arg,
           os.path.join(work, "in"), os.path.join(work, "out")]
    t0 = time.time()
    if a.reuse_output:
        cmd = ["true"]
    log = open(os.path.join(work, "spark-reuse.log" if a.reuse_output else "spark.log"), "w")
    p = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT)
    t1 = time.time()
    chars = {}
    for f in glob.glob(os.path.join(work, "out", "align.json", "*.json")):
        for line in open(f, encoding="utf-8"):
            d = json.loads(line)
            key = tuple(sorted((str(d["id"]), str(d["id2"]))))
            chars[key] = chars.get(key, 0) + d["end"] - d["begin"]
    pairs = {k for k, n in chars.items() if n >= a.min_chars}
    for x, y in sorted(pairs):
        print(f"{x}\t{y}")
    print(f"passim: exit {p.returncode}, {len(pairs)} pairs, {t1 - t0:.1f}s (log {work}/spark.log)",
          file=sys.stderr)

if __name__ == "__main__":
    main()
