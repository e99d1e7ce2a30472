#!/usr/bin/env python3
"""Labels every same-event pair of the Giveme5W1H news_cluster corpus that shares text, so that
repost links can be scored for precision on real reuse (the README's 31 wire pairs only list
near-whole copies).

The rule is independent of claimtrace (its own tokenisation and alignment, Python difflib):
words are \\w+ runs, lowercased; the two texts are aligned with difflib.SequenceMatcher
(autojunk off) and matching runs of >= 8 words are the shared passages. A shared word counts as
*quoted* when it lies inside quotation marks (“…”, "…", a long ‘…’) or inside an embedded post
("… — Name (@handle) date") in both texts: two outlets quoting the same official or tweet is not
one copying the other, while one outlet quoting the other's prose is. Labels:
  reuse   >= 40 shared words outside quotations (two sentences or more of the same prose:
          one copied the other, or both carry one wire/press-release text)
  quotes  < 40 such words but >= 40 shared words in all (only quotations in common)
  none    otherwise (names, stock phrases)
Pairs of different events are never reuse (the corpus's human event labels); they are not
listed. Spot-checked by hand on the borderline band (30-60 prose words).

usage: label_giveme.py [CORPUS_DIR] > giveme_labels.tsv
"""
import ast, difflib, glob, itertools, json, os, re, sys

MIN_RUN = 8
MIN_PROSE = 40

def quoted_mask(text):
    mask = bytearray(len(text))
    for para in re.finditer(r"[^\n]+", text):
        s, base = para.group(0), para.start()
        spans = [q.span() for q in re.finditer(r"“[^”]*”|\"[^\"]*\"|‘[^’]{20,}’", s)]
        spans += [q.span() for q in re.finditer(r"[^—]*—[^—(]{0,60}\(@\w+\)", s)]
        for a, b in spans:
            mask[base + a:base + b] = b"\x01" * (b - a)
    return mask

def load(root):
    docs = {}
    for f in sorted(glob.glob(os.path.join(root, "news_cluster/data/*.json"))):
        d = json.load(open(f, encoding="utf-8"))
        nc = d["newsCluster"]
        if isinstance(nc, str):
            nc = ast.literal_eval(nc)
        text = d.get("text") or ""
        docs[d["dId"]] = {
            "event": nc["EventId"],
            "toks": [(m.group(0).lower(), m.start()) for m in re.finditer(r"\w+", text)],
            "quoted": quoted_mask(text),
        }
    return docs

def shingles(words, n=MIN_RUN):
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}

def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "../../../shared/corpora/giveme5w1h-news-cluster")
    docs = load(root)
    words = {k: [w for w, _ in d["toks"]] for k, d in docs.items()}
    sh = {k: shingles(w) for k, w in words.items()}
    by_event = {}
    for k, d in docs.items():
        by_event.setdefault(d["event"], []).append(k)
    print("# dId_a\tdId_b\tlabel\tshared_words\tprose_words\tquoted_words")
    for event in sorted(by_event):
        for a, b in itertools.combinations(sorted(by_event[event]), 2):
            if not sh[a] & sh[b]:
                continue
            A, B = docs[a], docs[b]
            sm = difflib.SequenceMatcher(None, words[a], words[b], autojunk=False)
            shared = quoted = 0
            for blk in sm.get_matching_blocks():
                if blk.size < MIN_RUN:
                    continue
                qa = sum(A["quoted"][A["toks"][i][1]] for i in range(blk.a, blk.a + blk.size))
                qb = sum(B["quoted"][B["toks"][i][1]] for i in range(blk.b, blk.b + blk.size))
                shared += blk.size
                quoted += min(qa, qb)
            prose = shared - quoted
            label = "reuse" if prose >= MIN_PROSE else "quotes" if shared >= MIN_PROSE else "none"
            print(f"{a}\t{b}\t{label}\t{shared}\t{prose}\t{quoted}")

if __name__ == "__main__":
    main()
