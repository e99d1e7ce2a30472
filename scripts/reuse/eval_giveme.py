#!/usr/bin/env python3
"""Scores text edges (reposts, rewrites, same_text) of a claimtrace graph of the Giveme5W1H news_cluster
corpus against the 31 wire-copy pairs its README lists and its human event labels.

usage: eval_giveme.py GRAPH.json [CORPUS_DIR]   (CORPUS_DIR defaults to ../shared/corpora/giveme5w1h-news-cluster)
       eval_giveme.py --pairs PAIRS.tsv [CORPUS_DIR]  (two dIds per line, from another tool)

Prints: pair precision/recall/F1 against the 31 pairs, how many of them are connected through
text edges, and how many text edges join two different events (must be 0); then the same
predictions against giveme_labels.tsv (label_giveme.py: every same-event pair that shares text,
labelled reuse / quotes / none): precision of the edges, and precision/recall against the pairs
labelled reuse of the pairs joined by a path of text edges (closure) and of the pairs that come
from one item (one source: both are, or copy, one item; two sources of one copy are not a pair)."""
import ast, glob, json, os, sys

def load_corpus(root):
    event = {}
    for f in glob.glob(os.path.join(root, "news_cluster/data/*.json")):
        d = json.load(open(f, encoding="utf-8"))
        nc = d["newsCluster"]
        if isinstance(nc, str):
            nc = ast.literal_eval(nc)
        event[d["dId"]] = nc["EventId"]
    return event, readme_pairs(root)

def readme_pairs(root):
    """The pairs of copies the corpus README lists (score, dId, outlet, dId, outlet, title)."""
    pairs = set()
    for line in open(os.path.join(root, "README.txt"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 5:
            try:
                float(f[0])
            except ValueError:
                continue
            pairs.add(frozenset((f[1], f[3])))
    return pairs

def graph_pairs(path):
    g = json.load(open(path, encoding="utf-8"))
    rid = {n["id"]: n.get("record_id") for n in g["nodes"] if n["kind"] == "item"}
    return [(rid[e["source"]], rid[e["target"]], e["kind"]) for e in g["edges"]
            if e["kind"] in ("reposts", "rewrites", "same_text")]

def main():
    args = sys.argv[1:]
    tsv = args and args[0] == "--pairs"
    if tsv:
        args = args[1:]
    root = args[1] if len(args) > 1 else os.path.join(os.path.dirname(__file__), "../../../shared/corpora/giveme5w1h-news-cluster")
    event, gold = load_corpus(root)
    if tsv:
        pairs = [tuple(l.rstrip("\n").split("\t")[:2]) + ("pair",) for l in open(args[0]) if l.strip()]
    else:
        pairs = graph_pairs(args[0])
    pred = {frozenset((a, b)) for a, b, _ in pairs}
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    parent = {}
    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for a, b, _ in pairs:
        parent[find(a)] = find(b)
    connected = sum(1 for pr in gold if len({find(x) for x in pr}) == 1)
    # The same score over every pair joined by a path of text edges (a chain or star of copies
    # stands for all its pairs, as the README's pair list does).
    groups = {}
    for x in list(parent):
        groups.setdefault(find(x), []).append(x)
    closure = {frozenset((a, b)) for g in groups.values() for i, a in enumerate(g) for b in g[i + 1:]}
    ctp = len(closure & gold)
    cp = ctp / len(closure) if closure else 1.0
    cr = ctp / len(gold)
    cf = 2 * cp * cr / (cp + cr) if cp + cr else 0.0
    cross = sum(1 for a, b, _ in pairs if event[a] != event[b])
    kinds = {}
    for _, _, k in pairs:
        kinds[k] = kinds.get(k, 0) + 1
    print(f"edges {len(pairs)} {kinds}  pairs P {p:.3f} R {r:.3f} F1 {f1:.3f}  "
          f"gold connected {connected}/{len(gold)}  cross-event edges {cross}\n"
          f"  closure: pairs {len(closure)} P {cp:.3f} R {cr:.3f} F1 {cf:.3f}")
    labels_path = os.path.join(os.path.dirname(__file__), "giveme_labels.tsv")
    if os.path.exists(labels_path):
        label = {}
        for line in open(labels_path, encoding="utf-8"):
            if line.startswith("#"):
                continue
            f = line.rstrip("\n").split("\t")
            label[frozenset((f[0], f[1]))] = f[2]
        reuse = {p for p, l in label.items() if l == "reuse"}
        by = {}
        for p in pred:
            l = label.get(p, "none")
            by[l] = by.get(l, 0) + 1
        ep = by.get("reuse", 0) / len(pred) if pred else 1.0
        ltp = len(closure & reuse)
        lp = ltp / len(closure) if closure else 1.0
        lr = ltp / len(reuse)
        lf = 2 * lp * lr / (lp + lr) if lp + lr else 0.0
        # What the graph claims: two items share text when they come from one item (an item
        # itself, or one both reach by following `reposts` and `rewrites` from copy to source; `same_text` goes
        # both ways). Two sources of one copy are not claimed to share text, as the closure says.
        out = {}
        for a, b, k in pairs:
            out.setdefault(a, set()).add(b)
            if k not in ("reposts", "rewrites"):
                out.setdefault(b, set()).add(a)
        def reach(x):
            seen, todo = {x}, [x]
            while todo:
                for z in out.get(todo.pop(), ()):
                    if z not in seen:
                        seen.add(z)
                        todo.append(z)
            return seen
        nodes = sorted({x for a, b, _ in pairs for x in (a, b)})
        up = {x: reach(x) for x in nodes}
        derived = {frozenset((a, b)) for i, a in enumerate(nodes) for b in nodes[i + 1:] if up[a] & up[b]}
        stp = len(derived & reuse)
        sp = stp / len(derived) if derived else 1.0
        sr = stp / len(reuse)
        sf = 2 * sp * sr / (sp + sr) if sp + sr else 0.0
        print(f"  labelled reuse ({len(reuse)} pairs): edges by label {dict(sorted(by.items()))} "
              f"edge P {ep:.3f}; closure P {lp:.3f} R {lr:.3f} F1 {lf:.3f}; "
              f"one source P {sp:.3f} R {sr:.3f} F1 {sf:.3f}")
    return 0 if cross == 0 and connected == len(gold) else 1

if __name__ == "__main__":
    sys.exit(main())
