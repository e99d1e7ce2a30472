#!/usr/bin/env python3
"""Scores claimtrace's English attribution on PolNeAR (brat .ann: Source, Cue, Content spans).

Usage:
  scripts/polnear_score.py PATH/TO/PolNeAR/data --split train [--bin target/release/claimtrace]

PATH holds {train,dev}/{text,attributions}. The test split is held out: this script refuses it.
Each article becomes a JSON record {"id", "text"}; the real CLI (`claimtrace graph --with-text`)
reads them all, and the `contains` edges' `span` / `speaker_span` (byte offsets into the item text
for JSON-record items) are compared with the gold spans (character offsets).

Where an article has several annotators' files (suffixes like _4e07), the lexicographically first
file is used.

Metrics: content P/R/F1 (character Dice >= 0.5, one-to-one greedy matching by Dice), speaker
accuracy (among matched contents, the predicted speaker mention overlaps the gold Source), and
attributed-claim F1 (content matched and speaker right). Nothing from PolNeAR is written into the
repository; the records go to a temporary directory.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict


def parse_ann(path):
    spans = {}
    text_of = {}
    events = []
    with open(path, encoding="utf-8", newline="") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("T"):
                parts = line.split("\t")
                if len(parts) < 2:
                    continue
                head = parts[1].split(" ", 1)
                kind = head[0]
                frags = []
                for fr in head[1].split(";"):
                    a, b = fr.split()
                    frags.append((int(a), int(b)))
                spans[parts[0]] = (kind, frags)
                if len(parts) > 2:
                    text_of[parts[0]] = parts[2]
            elif line.startswith("E"):
                parts = line.split("\t")
                args = parts[1].split()
                roles = defaultdict(list)
                for a in args:
                    role, tid = a.split(":", 1)
                    roles[role.rstrip("0123456789")].append(tid)
                events.append(roles)
    gold = []
    for roles in events:
        src = set()
        cue = " ".join(
            text_of.get(tid, "") for tid in roles.get("Cue", [])
        ).lower()
        for tid in roles.get("Source", []):
            if tid in spans:
                for a, b in spans[tid][1]:
                    src.update(range(a, b))
        for tid in roles.get("Content", []):
            if tid not in spans:
                continue
            chars = set()
            for a, b in spans[tid][1]:
                chars.update(range(a, b))
            if chars:
                gold.append((frozenset(chars), frozenset(src), cue))
    # The same content annotated twice counts once.
    seen = {}
    for c, s, cue in gold:
        seen.setdefault(c, (s, cue))
    return [(c, s, cue) for c, (s, cue) in seen.items()]


def byte_to_char(text):
    m = {}
    b = 0
    for i, ch in enumerate(text):
        m[b] = i
        b += len(ch.encode("utf-8"))
    m[b] = len(text)
    return m


def dice(a, b):
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def trim(text, a, b):
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--bin", default=None)
    ap.add_argument("--by-cue", type=int, default=0, help="recall of the N commonest cues")
    ap.add_argument("--show", type=int, default=0, help="print N misses/false alarms")
    args = ap.parse_args()
    base = os.path.join(args.data, args.split)
    if "test" in os.path.normpath(base).split(os.sep):
        sys.exit("the test split is held out")
    exe = args.bin or os.path.join(
        os.environ.get("CARGO_TARGET_DIR", "target"), "release", "claimtrace"
    )
    texts = sorted(os.listdir(os.path.join(base, "text")))
    anns = sorted(os.listdir(os.path.join(base, "attributions")))
    by_article = {}
    for a in anns:
        stem = a[: -len(".ann")]
        art = stem.rsplit("_", 1)[0]
        by_article.setdefault(art, a)
    docs = {}
    for t in texts:
        art = t[: -len(".txt")]
        if art not in by_article:
            continue
        with open(os.path.join(base, "text", t), encoding="utf-8", newline="") as f:
            text = f.read()
        gold = parse_ann(os.path.join(base, "attributions", by_article[art]))
        docs[art] = (text, gold)
    with tempfile.TemporaryDirectory() as tmp:
        rec = os.path.join(tmp, "polnear.jsonl")
        with open(rec, "w", encoding="utf-8") as f:
            for art, (text, _) in docs.items():
                f.write(json.dumps({"id": art, "text": text}) + "\n")
        run = subprocess.run(
            [exe, "graph", "--with-text", "-q", rec], capture_output=True, text=True
        )
        if run.returncode != 0:
            print(run.stderr, file=sys.stderr)
            sys.exit("claimtrace failed on the batch")
        graph = json.loads(run.stdout)
    items = {}
    kinds = {n["id"]: n.get("claim_kind") for n in graph["nodes"] if n.get("kind") == "claim"}
    for n in graph["nodes"]:
        if n.get("kind") == "item" or "origin" in n:
            rid = n.get("record_id")
            if rid is not None:
                items[n["id"]] = rid
    preds = defaultdict(list)
    for e in graph["edges"]:
        if e["kind"] != "contains" or e["source"] not in items:
            continue
        art = items[e["source"]]
        text = docs[art][0]
        b2c = byte_to_char(text)
        a, b = (b2c[x] for x in e["span"])
        a, b = trim(text, a, b)
        chars = frozenset(range(a, b))
        if e.get("parts"):
            # A claim printed in pieces: its characters are the pieces', not the attribution
            # between them.
            chars = frozenset(
                c for s, t in e["parts"] for c in range(*trim(text, b2c[s], b2c[t]))
            )
        sp = None
        if e.get("speaker_span"):
            sa, sb = (b2c[x] for x in e["speaker_span"])
            sp = frozenset(range(sa, sb))
        kind = kinds.get(e["target"])
        preds[art].append([chars, sp, (a, b), e.get("cue"), kind])
    n_pred = n_gold = n_match = n_spk = 0
    by_cue_gold = defaultdict(int)
    by_cue_hit = defaultdict(int)
    pred_cue_all = defaultdict(int)
    pred_cue_hit = defaultdict(int)
    shown = 0
    for art, (text, gold) in docs.items():
        pr = preds.get(art, [])
        n_pred += len(pr)
        n_gold += len(gold)
        pairs = []
        for i, (pc, *_rest) in enumerate(pr):
            for j, (gc, _, _) in enumerate(gold):
                if pc & gc:
                    d = dice(pc, gc)
                    if d >= 0.5:
                        pairs.append((d, i, j))
        pairs.sort(reverse=True)
        used_p, used_g = set(), set()
        for g in gold:
            by_cue_gold[g[2]] += 1
        for d, i, j in pairs:
            if i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            n_match += 1
            by_cue_hit[gold[j][2]] += 1
            psp, gsp = pr[i][1], gold[j][1]
            if (psp and gsp and psp & gsp) or (not psp and not gsp):
                n_spk += 1
            elif shown < args.show:
                shown += 1
                print("SPK", art, repr(text[min(gsp or [0]):max(gsp or [0]) + 1]),
                      "pred", repr(text[min(psp):max(psp) + 1]) if psp else None)
        for i, p in enumerate(pr):
            pred_cue_all[p[3]] += 1
            if i in used_p:
                pred_cue_hit[p[3]] += 1
        if args.show:
            for i, p in enumerate(pr):
                if i not in used_p and shown < args.show:
                    shown += 1
                    print("FP ", art, p[3], repr(text[p[2][0]:p[2][1]][:160]))
            for j, g in enumerate(gold):
                if j not in used_g and shown < args.show:
                    shown += 1
                    print("FN ", art, repr(g[2]), repr(text[min(g[0]):max(g[0]) + 1][:160]))
    p = n_match / n_pred if n_pred else 0
    r = n_match / n_gold if n_gold else 0
    f = 2 * p * r / (p + r) if p + r else 0
    pa = n_spk / n_pred if n_pred else 0
    ra = n_spk / n_gold if n_gold else 0
    fa = 2 * pa * ra / (pa + ra) if pa + ra else 0
    acc = n_spk / n_match if n_match else 0
    print(f"split={args.split} articles={len(docs)} gold={n_gold} predicted={n_pred} matched={n_match}")
    print(f"content P={100*p:.1f} R={100*r:.1f} F1={100*f:.1f}")
    print(f"speaker accuracy={100*acc:.1f}% attributed P={100*pa:.1f} R={100*ra:.1f} F1={100*fa:.1f}")
    if args.by_cue:
        top = sorted(by_cue_gold.items(), key=lambda kv: -kv[1])[: args.by_cue]
        top_p = sorted(pred_cue_all.items(), key=lambda kv: -kv[1])[: args.by_cue]
        print("precision by predicted cue: " + " | ".join(
            f"{c}:{pred_cue_hit[c]}/{n}" for c, n in top_p))
        print("recall by cue: " + " | ".join(
            f"{c}:{by_cue_hit[c]}/{n}" for c, n in top))
    print("failures=0 (one CLI run over all articles succeeded)")


if __name__ == "__main__":
    main()
