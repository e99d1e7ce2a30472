#!/usr/bin/env python3
"""Synthetic record corpora for the performance measurements of docs/perf.md that the repost
generator (crates/synth) does not make. Every text is made up of invented words: no outlet,
person or text is real.

  make_corpora.py short N OUT.jsonl         N short records (5 to 30 words each), no reposts
  make_corpora.py groups BASE.jsonl ARTICLES COPIES OUT.jsonl
        BASE's records, then ARTICLES articles each carried by COPIES outlets word for word
        (one in four copies with a credit line added, one in four with the last paragraph
        dropped: near-identical copies), a day apart; OUT.gold.tsv lists every copy with
        its article (the links a group must keep connected)
  make_corpora.py groups BASE.jsonl ARTICLES COPIES OUT.jsonl near
        the same, each copy near-identical rather than word for word: a banner line of its own
        above the article and a headline of its own, one in four with a "Reporting by" line
        of its own below it (besides the credit line and the dropped paragraph)

Deterministic: the same arguments give the same corpus.
"""
import json
import random
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "an", "el", "or", "um", "ber",
             "dan", "fel", "gor", "pa", "se", "ti", "wu", "za", "ri", "mo", "ly"]


def word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(1 + rng.randrange(3)))


def sentence(rng, n):
    s = " ".join(word(rng) for _ in range(n))
    return s[0].upper() + s[1:] + "."


def short(n, out):
    rng = random.Random(20)
    with open(out, "w") as f:
        for i in range(n):
            rec = {"id": f"short-{i}", "outlet": f"Brief Desk {i % 97}",
                   "published": f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}",
                   "text": sentence(rng, 5 + rng.randrange(26))}
            f.write(json.dumps(rec) + "\n")


def groups(base, articles, copies, out, near=False):
    rng = random.Random(articles * 100003 + copies)
    gold = open(out.removesuffix(".jsonl") + ".gold.tsv", "w")
    with open(out, "w") as f:
        with open(base) as b:
            for line in b:
                f.write(line)
        for a in range(articles):
            paras = [" ".join(sentence(rng, 8 + rng.randrange(12)) for _ in range(4))
                     for _ in range(6)]
            aid = f"article-{a}"
            f.write(json.dumps({"id": aid, "outlet": f"Origin Wire {a}", "published": "2022-03-01",
                                "title": f"Article {a}", "text": "\n\n".join(paras)}) + "\n")
            for c in range(copies):
                body = list(paras)
                if c % 4 == 1:
                    body = body + [f"This story first appeared on Origin Wire {a}."]
                elif c % 4 == 2:
                    body = body[:-1]
                title = f"Article {a}"
                if near:
                    # Each copy's own lines: nothing another copy prints.
                    body = [sentence(rng, 6 + rng.randrange(6))] + body
                    if c % 4 == 3:
                        body = body + [f"Reporting by {word(rng).title()} {word(rng).title()}."]
                    title = sentence(rng, 4 + rng.randrange(4))
                cid = f"copy-{a}-{c}"
                day = 2 + c % 27
                f.write(json.dumps({"id": cid, "outlet": f"Copy Outlet {c}",
                                    "published": f"2022-03-{day:02d}",
                                    "title": title, "text": "\n\n".join(body)}) + "\n")
                gold.write(f"{cid}\t{aid}\n")
    gold.close()


if __name__ == "__main__":
    a = sys.argv[1:]
    if a[:1] == ["short"]:
        short(int(a[1]), a[2])
    elif a[:1] == ["groups"]:
        groups(a[1], int(a[2]), int(a[3]), a[4], a[5:] == ["near"])
    else:
        sys.exit(__doc__)
