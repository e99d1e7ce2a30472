#!/usr/bin/env python3
"""Labels every same-event pair of the Giveme5W1H news_cluster corpus that shares text, so that
repost links can be scored for precision on real reuse (the README's 31 wire pairs only list
near-whole copies).

The rule is independent of claimtrace (its own tokenisation and matching): words are \\w+ runs,
lowercased; every run of >= 8 words of one text that the other has too, wherever it is in either
text, is shared (an earlier version aligned with difflib.SequenceMatcher, which misses a passage
that moved up or down). A shared word counts as *quoted* when it lies inside quotation marks
(“…”, "…", a long ‘…’ or '…') or inside an embedded post
("… — Name (@handle) date") in both texts: two outlets quoting the same official or tweet is not
one copying the other, while one outlet quoting the other's prose is. Labels:
  reuse   >= 40 shared words outside quotations (two sentences or more of the same prose:
          one copied the other, or both carry one wire/press-release text)
  quotes  < 40 such words but >= 40 shared words in all (only quotations in common)
  none    otherwise (names, stock phrases)
Runs that stories of other events carry too (an outlet's promo box, stock phrases) are not
shared text. A pair the corpus README lists as a copy is reuse whatever the rule says (column why: readme),
and so is a pair read by hand and found to be one agency story rewritten (REWRITTEN; why: read):
no run of 8 words left in common, but sentence after sentence the same facts in the same order.
Pairs of different events are never reuse (the corpus's human event labels); they are not
listed. Spot-checked by hand on the borderline band (30-60 prose words).

usage: label_giveme.py [CORPUS_DIR] > giveme_labels.tsv
"""
import ast, glob, itertools, json, os, re, sys
from eval_giveme import readme_pairs

MIN_RUN = 8
MIN_PROSE = 40

# Pairs read by hand: one agency story and its rewrite (what the rule above cannot see).
REWRITTEN = {
    # The AP's Rhine cruise-ship story and its update the next day: "BERLIN (AP) - A tourist
    # ship has struck a highway bridge" / "BERLIN — A tourist ship struck a highway bridge", 5
    # of 6 sentences the same facts reworded.
    frozenset(("a021206c7c4f38a40a44c6b43366472ee183b789bd92b8f07c15affa",
               "d65eae9cae0dc897f36f2e5fd18e408f678360fbbd6654a060d56228")),
}

def quoted_mask(text):
    mask = bytearray(len(text))
    for para in re.finditer(r"[^\n]+", text):
        s, base = para.group(0), para.start()
        spans = [q.span() for q in re.finditer(r"“[^”]*”|\"[^\"]*\"|‘[^’]{20,}’", s)]
        spans += [q.span() for q in re.finditer(r"[^—]*—[^—(]{0,60}\(@\w+\)", s)]
        spans += straight_single_quotes(s)
        for a, b in spans:
            mask[base + a:base + b] = b"\x01" * (b - a)
    return mask

def straight_single_quotes(s):
    """'…' as British outlets print quotations: a mark before a word opens, one after a word
    closes; between letters it is an apostrophe (Y'know, don't)."""
    spans, start = [], None
    for k, c in enumerate(s):
        if c != "'":
            continue
        before = s[k - 1] if k else " "
        after = s[k + 1] if k + 1 < len(s) else " "
        if start is None and not before.isalnum() and after.isalnum():
            start = k
        elif start is not None and not after.isalnum() and not before.isspace():
            if k - start >= 20:
                spans.append((start, k + 1))
            start = None
    return spans

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

def shared_words(wa, wb, A, B, elsewhere=frozenset()):
    """Words of a in runs of MIN_RUN or more that b has too, wherever b has them (a passage
    moved up or down is still shared), and how many of them are quoted in both. A run in
    `elsewhere` (found in a story of another event too) is an outlet's boilerplate or a stock
    phrase, not the story's text."""
    at = {}
    for j in range(len(wb) - MIN_RUN + 1):
        at.setdefault(tuple(wb[j:j + MIN_RUN]), j)
    both_quoted = {}
    for i in range(len(wa) - MIN_RUN + 1):
        run = tuple(wa[i:i + MIN_RUN])
        j = at.get(run)
        if j is None or run in elsewhere:
            continue
        for t in range(MIN_RUN):
            q = A["quoted"][A["toks"][i + t][1]] and B["quoted"][B["toks"][j + t][1]]
            both_quoted[i + t] = both_quoted.get(i + t, True) and bool(q)
    return len(both_quoted), sum(both_quoted.values())

def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "../../../shared/corpora/giveme5w1h-news-cluster")
    docs = load(root)
    # The corpus README's list of copies: its word wins where the rule above says otherwise
    # (Engadget printing, all inside quotation marks, the statements Microsoft and Amazon gave
    # Newsweek is still a copy of Newsweek's report).
    listed = readme_pairs(root)
    words = {k: [w for w, _ in d["toks"]] for k, d in docs.items()}
    sh = {k: shingles(w) for k, w in words.items()}
    # Runs found in stories of two or more events: boilerplate (an outlet's promo box) and
    # stock phrases.
    events_of = {}
    for k, runs in sh.items():
        for r in runs:
            events_of.setdefault(r, set()).add(docs[k]["event"])
    elsewhere = frozenset(r for r, e in events_of.items() if len(e) > 1)
    by_event = {}
    for k, d in docs.items():
        by_event.setdefault(d["event"], []).append(k)
    print("# dId_a\tdId_b\tlabel\tshared_words\tprose_words\tquoted_words\twhy")
    for event in sorted(by_event):
        for a, b in itertools.combinations(sorted(by_event[event]), 2):
            if not sh[a] & sh[b]:
                continue
            A, B = docs[a], docs[b]
            shared, quoted = shared_words(words[a], words[b], A, B, elsewhere)
            prose = shared - quoted
            label = "reuse" if prose >= MIN_PROSE else "quotes" if shared >= MIN_PROSE else "none"
            why = "words"
            if frozenset((a, b)) in listed and label != "reuse":
                label, why = "reuse", "readme"
            elif frozenset((a, b)) in REWRITTEN and label != "reuse":
                label, why = "reuse", "read"
            print(f"{a}\t{b}\t{label}\t{shared}\t{prose}\t{quoted}\t{why}")

if __name__ == "__main__":
    main()
