#!/usr/bin/env python3
"""Scores claimtrace's text edges on the Clough-Stevenson corpus of short answers: 95 answers
graded cut / light / heavy / non against their 5 sources (English, not news).

usage: eval_clough.py [--bin BIN] [--corpus DIR] [--keep DIR]
  BIN     the claimtrace binary (default target/release/claimtrace)
  DIR     the corpus (default ../shared/corpora/clough-stevenson-short-answers)
  --keep  write the records and the graph there instead of a temporary folder

The records are built at run time from the corpus (its text is never copied into the
repository): one outlet per student (g0pA ...), the five sources as one encyclopedia outlet,
no dates, record id = the file name. The CLI builds the graph; every reposts / rewrites /
same_text edge is then read back.

Prints, per grade: answers, answers with an edge to their own task's source (recall), edges
that touch an answer of the grade and how many of them join it to its own source (precision),
how many of those are rewrites or copies, and whether the answer is the copy. Non answers must
never be linked: any edge of a non answer is a false one. Ends with one line of JSON (the
numbers tests/reuse_clough.rs asserts)."""
import argparse, csv, json, os, subprocess, sys, tempfile
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
TEXT_EDGES = ("reposts", "rewrites", "same_text")
GRADES = ("cut", "light", "heavy", "non")


def build_records(corpus, out):
    """Writes out/items.jsonl; returns {record id: (task, grade)}."""
    data = os.path.join(corpus, "data")
    labels = {}
    with open(os.path.join(data, "file_information.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            labels[row["File"]] = (row["Task"], row["Category"])
    for t in "abcde":
        labels[f"orig_task{t}.txt"] = (t, "orig")
    with open(os.path.join(out, "items.jsonl"), "w", encoding="utf-8") as o:
        for name in sorted(labels):
            raw = open(os.path.join(data, name), "rb").read()
            text = raw.decode("utf-8", errors="replace").replace("\r\n", "\n")
            task, grade = labels[name]
            outlet = "Encyclopedia" if grade == "orig" else name.split("_")[0]
            rec = {"id": name, "outlet": outlet, "text": text}
            o.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return labels


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(HERE, "../../target/release/claimtrace"))
    ap.add_argument("--corpus", default=os.path.join(HERE, "../../../shared/corpora/clough-stevenson-short-answers"))
    ap.add_argument("--keep")
    a = ap.parse_args()
    if not os.path.isdir(a.corpus):
        print(f"SKIPPED: {a.corpus} is absent")
        return
    work = a.keep or tempfile.mkdtemp(prefix="clough-")
    os.makedirs(work, exist_ok=True)
    labels = build_records(a.corpus, work)
    graph = os.path.join(work, "graph.json")
    subprocess.run([a.bin, "graph", "-q", os.path.join(work, "items.jsonl"), "-o", graph], check=True)
    g = json.load(open(graph, encoding="utf-8"))
    rid = {n["id"]: n.get("record_id") for n in g["nodes"] if n["kind"] == "item"}
    edges = [(rid[e["source"]], rid[e["target"]], e["kind"]) for e in g["edges"] if e["kind"] in TEXT_EDGES]

    source_of = {t: f"orig_task{t}.txt" for t in "abcde"}
    answers = defaultdict(list)
    for name, (task, grade) in labels.items():
        if grade != "orig":
            answers[grade].append(name)
    to_source = defaultdict(set)     # answer -> kinds of its edges to its own source
    touching = Counter()              # grade -> edges touching an answer of it
    right = Counter()                 # grade -> of those, answer <-> own source
    kinds = defaultdict(Counter)      # grade -> kind of the edges to the own source
    answer_is_copy = Counter()        # grade -> directed edges from the answer to its source
    directed = Counter()              # grade -> directed edges between answer and source
    other = Counter()                 # kinds of edges between two answers / across tasks
    for s, t, kind in edges:
        for x, y in ((s, t), (t, s)):
            task, grade = labels[x]
            if grade == "orig":
                continue
            touching[grade] += 1
            if y == source_of[task]:
                right[grade] += 1
                to_source[x].add(kind)
                kinds[grade][kind] += 1
                if kind != "same_text":
                    directed[grade] += 1
                    answer_is_copy[grade] += int(x == s)
        if labels[s][1] != "orig" and labels[t][1] != "orig":
            other[f"{kind} answer-answer"] += 1
        elif labels[s][0] != labels[t][0]:
            other[f"{kind} across tasks"] += 1

    summary = {}
    print(f"{'grade':6} {'answers':>7} {'linked':>6} {'R':>6} {'edges':>5} {'P':>6}  kinds to source; answer is the copy")
    for grade in GRADES:
        n = len(answers[grade])
        linked = sum(1 for x in answers[grade] if to_source[x])
        any_edge = sum(1 for x in answers[grade] if any(x in (s, t) for s, t, _ in edges))
        r = linked / n if n else 0.0
        p = right[grade] / touching[grade] if touching[grade] else 1.0
        if grade == "non":
            p = 1.0 - (any_edge / n if n else 0.0)
        k = ", ".join(f"{v} {kk}" for kk, v in sorted(kinds[grade].items())) or "-"
        d = f"{answer_is_copy[grade]}/{directed[grade]}"
        print(f"{grade:6} {n:7} {linked:6} {r:6.3f} {touching[grade]:5} {p:6.3f}  {k}; {d}")
        summary[grade] = {"answers": n, "linked_to_source": linked, "with_any_edge": any_edge,
                          "edges": touching[grade], "edges_to_source": right[grade],
                          "answer_is_copy": answer_is_copy[grade], "directed": directed[grade]}
    for k, v in sorted(other.items()):
        print(f"other edges: {v} {k}")
    summary["other_edges"] = dict(other)
    print(json.dumps(summary, sort_keys=True))


if __name__ == "__main__":
    main()
