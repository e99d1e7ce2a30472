"""The whole claimtrace pipeline on Apache Spark::

    python -m claimtrace.spark INPUT... --out DIR [--master URL] [--partitions N]

The same code as the command line, a step at a time (the library's per-stage functions), so
that ``claimtrace graph --from-parts DIR`` after the job is byte for byte ``claimtrace graph
INPUT...``:

1. the driver lists the inputs (directories walked, sorted); executors read them, a file each;
   the driver gathers the items in listing order (skipping bad inputs with ``--skip-bad``) and
   puts them in the canonical order the cross-item stages take;
2. executors extract each item's claims and features (hashes of sampled shingles);
3. candidate pairs come from a distributed join on features: each feature's posting list, over
   the whole corpus, is judged common (boilerplate: in more items than the run allows, or in 3
   items of one outlet) or not by the library, which proposes its pairs; pairs proposed by at
   least 3 features are candidates;
4. executors verify each candidate (shared passages, linking rules, direction), given the
   common features of its two items, in the partition of its first item, to which each item
   a candidate names is sent once;
5. speakers are made one across items: each item's name forms, grouped by key (the surname),
   decided a key at a time in executors;
6. executors find rewritten stories among the pairs left apart: every item's words counted over
   the run (``reduceByKey``), each item's rare words given the counts, the rare words' posting
   lists joined to the items looking them up, each item's candidates, each candidate aligned
   in the partition of its first item (as in step 4);
7. the links (verified and rewritten) are grouped by connected group (``link_groups``, on the
   driver from the pairs alone) and each group's nearest sources chosen in executors
   (``nearest_sources``);
8. quotation variants: each item's quotations as wordings, merged by key in executors; the
   driver compares the run's distinct wordings (``quote_variants``) and broadcasts the
   variants found with the speakers' table;
9. the graph, built an item at a time in executors: items keyed a key at a time
   (``item_keys``), each link's edge made where its two items are (``link_part``), each item's
   nodes and edges (``PartMaker.item_parts``), the parts of one id merged (``reduceByKey``
   with the library's merge) and written by the executors as the parts files
   ``Graph.write_parts`` would write (JSON lines; Parquet beside them under ``DIR/parquet``).

The items pass through the driver once, in step 1 (gathered in listing order and put in the
canonical order), and are released when Spark holds them; after that the driver holds only
tables (name forms, distinct quotation wordings, linked pairs) and counts: see docs/spark.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from operator import add
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence

from . import _native

DEFAULT_MASTER = "local[2]"

# What a row routed to a judging partition holds: an item, a value that goes with it, a pair.
_ITEM, _EXTRA, _PAIR = 0, 1, 2


# Executors: each function takes and yields plain values and Items (which pickle).


def _read(entries: Iterable[tuple[int, str]], outlet: Optional[str]) -> Iterator[tuple[int, str]]:
    for n, listed in entries:
        yield n, _native.read_listed(listed, outlet=outlet)


def _analyse(rows: Iterable[tuple[int, Any]]) -> Iterator[tuple[int, tuple]]:
    """Each item's claims, features, outlet, its speakers' name forms (key, form), what the
    rewrite step reads of it (day, word keys), its quotations' wordings (key, wording) and what
    the keying of item nodes reads of it (key, facts)."""
    for i, item in rows:
        claims = _native.claims_json(item)
        forms = _native.name_forms(claims)
        yield i, (
            claims,
            _native.item_features(item),
            item.outlet,
            forms,
            _native.rewrite_keys(item),
            _native.quote_wordings(i, item, claims),
            _native.key_facts(i, item),
        )


def _judge(feature: int, docs: Iterable[tuple[int, Optional[str]]], run_items: int):
    docs = sorted(docs)
    common, pairs = _native.feature_pairs(docs, run_items)
    return feature, common, [d for d, _ in docs] if common else [], pairs


def _route(row) -> Iterator[tuple[int, tuple]]:
    """An item, the values that go with it and the partitions whose pairs need it: the item
    once to each of those partitions."""
    i, values = row
    item, extra, dests = None, [], []
    for tag, value in values:
        if tag == _ITEM:
            item = value
        elif tag == _EXTRA:
            extra.append(value)
        else:
            dests.append(value)
    for p in dests:
        yield p, (_ITEM, i, item, extra)


def _judge_partition(rows: Iterable[tuple[int, tuple]], judge) -> Iterator[tuple[tuple[int, int], str]]:
    """Judges the pairs of one partition, given every item they name (each once)."""
    items: dict[int, tuple[Any, list]] = {}
    pairs = []
    for _, row in rows:
        if row[0] == _ITEM:
            items[row[1]] = (row[2], row[3])
        else:
            pairs.append(row[1])
    pairs.sort()
    for a, b in pairs:
        (item_a, extra_a), (item_b, extra_b) = items[a], items[b]
        found = judge(item_a, item_b, (a, b), extra_a, extra_b)
        if found is not None:
            yield (a, b), found


def _verify(item_a, item_b, at, common_a, common_b) -> Optional[str]:
    # Only the two items' common features can lie in a passage they share.
    common = sorted(set(common_a) | set(common_b))
    return _native.verify_candidate(item_a, item_b, at, common)


def _counted(keys: list[int], counts: dict[int, int]) -> list[tuple[int, int]]:
    """An item's word keys with their counts over the run, those another item holds too (a
    word of one item weighs as one left out)."""
    return [(k, counts[k]) for k in keys if k in counts]


class _Rewrite:
    """Aligns one rewrite candidate given the run's word counts (a picklable judge)."""

    def __init__(self, run_items: int, counts):
        self.run_items = run_items
        self.counts = counts  # broadcast: word key -> items holding it (two or more)

    def __call__(self, item_a, item_b, at, _a, _b) -> Optional[str]:
        counts = self.counts.value
        df = _counted(_native.rewrite_keys(item_a)[1], counts)
        df += _counted(_native.rewrite_keys(item_b)[1], counts)
        return _native.rewrite_pair(item_a, item_b, at, df, self.run_items)


def _lookup(i: int, keys: tuple, counts: dict[int, int], run_items: int) -> Iterator[tuple[int, tuple]]:
    """One item's rare words, from its words' counts: (word, posted by the item) for each word
    others find it by, (word, looked up by the item) for each it looks others up by."""
    day, words = keys
    _, posted, lookup = _native.rewrite_lookup(day, _counted(words, counts), run_items)
    for k, _ in posted:
        yield k, (0, i, day)
    for j, (k, c) in enumerate(posted[:lookup]):
        yield k, (1, i, day, j, c)


def _looked_up(row) -> Iterator[tuple[int, tuple]]:
    """One word's posting list (items, ascending, with their days), to each item looking it up."""
    _, rows = row
    rows = list(rows)
    posting = sorted((r[1], r[2]) for r in rows if r[0] == 0)
    for r in rows:
        if r[0] == 1:
            _, i, day, j, c = r
            yield i, (j, day, c, posting)


def _rewrite_candidates(row, run_items: int) -> list[tuple[int, int]]:
    """The rewrite candidates one item proposes, from its lookup words' postings in order."""
    a, rows = row
    rows = sorted(rows, key=lambda r: r[0])
    return _native.rewrite_candidates(a, rows[0][1], [(c, p) for _, _, c, p in rows], run_items)


def _nearest(rows: Iterable[tuple[int, str]]) -> list[str]:
    """The links kept of one group's verified pairs (tag 0) and rewrite links (tag 1)."""
    rows = list(rows)
    return _native.nearest_sources(
        [f for tag, f in rows if tag == 0], [f for tag, f in rows if tag == 1]
    )


def _link_part(copy, source, at, extra_copy, extra_source):
    """The part of the link from ``copy`` to ``source`` (its JSON among the copy's extras,
    ``(1, source, link)``), given both items and their node keys (``(0, key)``)."""
    key = lambda extra: next(e[1] for e in extra if e[0] == 0)
    link = next(e[2] for e in extra_copy if e[0] == 1 and e[1] == at[1])
    return _native.link_part(link, copy, key(extra_copy), source, key(extra_source))


def _item_parts(rows, speakers, variants, with_text: bool) -> Iterator[tuple]:
    """Each item's parts, given its claims (tag 1), keying (2) and the date warnings of the links
    it copies by (3): ``(0, id, part)`` of nodes, ``(1, id, (needs, part))`` of edges."""
    maker = _native.PartMaker(speakers.value, variants.value, with_text=with_text)
    for _, values in rows:
        item, claims, keyed, warnings = None, None, None, []
        for tag, value in values:
            if tag == 0:
                item = value
            elif tag == 1:
                claims = value
            elif tag == 2:
                keyed = value
            else:
                warnings.append(value)
        nodes, edges = maker.item_parts(item, claims, keyed, warnings)
        for i, part in nodes:
            yield 0, i, part
        for i, needs, part in edges:
            yield 1, i, (needs, part)


def _merge_edges(a: tuple, b: tuple) -> tuple:
    return a[0], _native.merge_edge_parts(a[1], b[1])


def _file_of(node_or_edge_id: str, files: int) -> int:
    """The parts file a node or edge goes in: its id's first 64 bits, modulo the files (the rule
    ``Graph.write_parts`` follows, so the files are the same whoever writes them)."""
    return int(node_or_edge_id.replace("-", "")[:16], 16) % files


def _write_lines(index: int, rows: Iterable[tuple], folder: str) -> Iterator[int]:
    """Writes one file of parts, its rows sorted by id: ``part-NNNNN.jsonl``."""
    lines = 0
    with open(os.path.join(folder, f"part-{index:05d}.jsonl"), "w", encoding="utf-8") as f:
        for _, line in rows:
            f.write(line)
            f.write("\n")
            lines += 1
    yield lines


def _write_kind(rdd, folder: Path, files: int) -> int:
    """Writes ``(id, line)`` rows as ``files`` files under ``folder`` from the executors, each
    row in the file its id falls in, each file sorted by id; returns the rows written."""
    folder.mkdir(parents=True)
    where = os.fspath(folder)
    return sum(
        rdd.map(lambda r: ((_file_of(r[0], files), r[0]), r[1]))
        .repartitionAndSortWithinPartitions(files, lambda k: k[0])
        .mapPartitionsWithIndex(lambda i, rows: _write_lines(i, rows, where))
        .collect()
    )


def _at_pairs(sc, parts: int, pairs, indexed, extras, judge):
    """``judge(item_a, item_b, (a, b), extras_a, extras_b)`` of each pair ``(a, b)`` of
    ``pairs``, in the partition of its first item: ``((a, b), verdict)`` where not None.
    ``extras`` are ``(item, value)`` rows, gathered per item. Each item travels once to every
    partition that has a pair naming it (not once per pair): the pairs name the partitions each
    item goes to, and one grouping by item sends it there with its values."""

    def home(a: int) -> int:
        return a % parts

    dests = pairs.flatMap(lambda ab: ((ab[0], home(ab[0])), (ab[1], home(ab[0])))).distinct(parts)
    routed = (
        sc.union(
            [
                indexed.map(lambda r: (r[0], (_ITEM, r[1]))),
                extras.map(lambda r: (r[0], (_EXTRA, r[1]))),
                dests.map(lambda r: (r[0], (_PAIR, r[1]))),
            ]
        )
        .groupByKey(parts)
        .flatMap(_route)
    )
    return (
        sc.union([routed, pairs.map(lambda ab: (home(ab[0]), (_PAIR, ab)))])
        .partitionBy(parts, lambda p: p)
        .mapPartitions(lambda rows: _judge_partition(rows, judge))
    )


def _rewrite_links(sc, parts: int, keep, analysed, indexed, verified, n: int, stats):
    """The rewrite links, ``((a, b), link)``, each step the library's rule on what one word,
    item or pair needs: every item's words counted over the run (their document frequencies,
    by ``reduceByKey``; the words two items or more hold are broadcast, a table of counts, not
    of texts); each item's rare words given the counts; each rare word's items joined to the
    items looking it up; each item's candidates; each candidate aligned, in the partition of
    its first item, given both items (only the items a candidate names are sent)."""
    if n < _native.REWRITE_MIN_ITEMS:
        # Too few items to tell rare words: rewrite_candidates would propose none.
        stats.update(rewrite_words=0, rewrite_candidates=0, rewrites=0)
        return sc.emptyRDD()
    counts = sc.broadcast(
        analysed.flatMap(lambda r: ((k, 1) for k in r[1][4][1]))
        .reduceByKey(add, parts)
        .filter(lambda kv: kv[1] >= 2)
        .collectAsMap()
    )
    stats["rewrite_words"] = len(counts.value)
    candidates = (
        analysed.flatMap(lambda r: _lookup(r[0], r[1][4], counts.value, n))
        .groupByKey(parts)
        .flatMap(_looked_up)
        .groupByKey(parts)
        .flatMap(lambda row: _rewrite_candidates(row, n))
        .distinct(parts)
        .map(lambda ab: (ab, None))
        .subtractByKey(verified.map(lambda r: (r[0], None)), parts)
        .keys()
        .persist(keep)
    )
    stats["rewrite_candidates"] = candidates.count()
    # A few candidates in a run: only the items they name travel.
    named = sc.broadcast(set(candidates.flatMap(lambda ab: ab).distinct(parts).collect()))
    items = indexed.filter(lambda r: r[0] in named.value)
    rewrites = _at_pairs(sc, parts, candidates, items, sc.emptyRDD(), _Rewrite(n, counts))
    rewrites = rewrites.persist(keep)
    stats["rewrites"] = rewrites.count()
    candidates.unpersist()
    # Unpersisted, not destroyed: a lost partition of the rewrites is made again from them.
    named.unpersist()
    counts.unpersist()
    return rewrites


def session(
    master: Optional[str] = DEFAULT_MASTER,
    app: str = "claimtrace",
    driver_memory: Optional[str] = None,
):
    """A Spark session for the job: on ``master`` (``local[2]`` by default), or on the one
    ``spark-submit`` gives when ``master`` is None. ``driver_memory`` (``"8g"``) is the
    driver JVM's heap, which in local mode also holds the executors' cached partitions."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app)
    if driver_memory:
        builder = builder.config("spark.driver.memory", driver_memory)
    if master:
        builder = builder.master(master)
        if master.startswith("local"):
            # The executors of local mode are this interpreter's, with the package installed.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            builder = builder.config("spark.ui.enabled", "false")
    spark = (
        builder.config("spark.ui.showConsoleProgress", "false")
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run(
    inputs: Sequence[os.PathLike | str],
    out: os.PathLike | str,
    *,
    spark=None,
    master: Optional[str] = DEFAULT_MASTER,
    driver_memory: Optional[str] = None,
    partitions: Optional[int] = None,
    skip_bad: bool = False,
    outlet: Optional[str] = None,
    with_text: bool = False,
    parquet: bool = True,
) -> dict[str, int]:
    """Runs the pipeline over ``inputs`` on Spark and writes the graph into ``out`` as parts
    (``claimtrace graph --from-parts OUT``; ``claimtrace.read_parts(OUT)``), ``out`` being
    absent or empty. ``spark`` is a session to run in (else the active one, or one on
    ``master``, stopped at the end); ``partitions``
    how many partitions the items and the join are spread over (by default twice the
    session's parallelism). Returns the sizes of each step (items, postings, features, common
    features, pairs proposed, candidates, verified pairs, name forms, rewrites, links kept,
    nodes, edges).

    Raises ``claimtrace.InputError`` for an input that cannot be read (unless ``skip_bad``),
    before anything is written."""
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise FileExistsError(f"{out} exists and is not empty")
    if spark is None:
        from pyspark.sql import SparkSession

        spark = SparkSession.getActiveSession()
    if spark is not None:
        return _job(spark, inputs, out, partitions, skip_bad, outlet, with_text, parquet)
    # A session of its own is stopped at the end (which also completes Spark's event log).
    spark = session(master, driver_memory=driver_memory)
    try:
        return _job(spark, inputs, out, partitions, skip_bad, outlet, with_text, parquet)
    finally:
        spark.stop()


def _job(spark, inputs, out: Path, partitions, skip_bad, outlet, with_text, parquet) -> dict[str, int]:
    from pyspark import StorageLevel

    # Spilled to disk rather than lost when an executor's memory is short.
    keep = StorageLevel.MEMORY_AND_DISK
    sc = spark.sparkContext
    parts = partitions or max(2, 2 * sc.defaultParallelism)
    stats: dict[str, int] = {}

    # 1. Read: listed on the driver, read in executors and kept there. The driver sees each
    # read's outline (its name and text size, or why it gives nothing) and admits reads by the
    # library's rule; the items of one key are made distinct where they lie, then sorted into
    # the canonical order and numbered: the driver never holds the items.
    listed = _native.list_inputs([os.fspath(p) for p in inputs])
    reads = (
        sc.parallelize(list(enumerate(listed)), max(1, min(parts, len(listed))))
        .mapPartitions(lambda rows: _read(rows, outlet))
        .persist(keep)
    )
    outlines = sorted(reads.map(lambda r: (r[0], _native.read_outline(r[1]))).collect())
    admitted = _native.admit_reads([o for _, o in outlines], skip_bad=skip_bad)
    taken = sc.broadcast({n for (n, _), ok in zip(outlines, admitted) if ok})
    read_items = reads.filter(lambda r: r[0] in taken.value).flatMap(
        lambda r: ((_native.item_key(it), (r[0], k, it)) for k, it in enumerate(_native.items_of_read(r[1])))
    )
    indexed = (
        read_items.groupByKey(parts)
        .flatMap(lambda kv: _native.distinct_items([it for _, _, it in sorted(kv[1], key=lambda t: t[:2])]))
        .sortBy(_native.order_key, numPartitions=parts)
        .zipWithIndex()
        .map(lambda r: (r[1], r[0]))
        .persist(keep)
    )
    n = indexed.count()
    reads.unpersist()
    stats["items"] = n

    # 2. Per item: claims and features.
    analysed = indexed.mapPartitions(_analyse).persist(keep)

    # 3. Candidate pairs: the join on features, judged over the whole corpus.
    postings = analysed.flatMap(lambda r: ((f, (r[0], r[1][2])) for f in r[1][1]))
    judged = (
        postings.groupByKey(parts)
        .map(lambda kv: _judge(kv[0], kv[1], n))
        .persist(keep)
    )
    proposed = judged.flatMap(lambda j: ((p, 1) for p in j[3]))
    candidates = (
        proposed.reduceByKey(add, parts)
        .filter(lambda kv: kv[1] >= _native.MIN_SHARED)
        .keys()
        .persist(keep)
    )
    # Each common feature with the items that hold it: (item, feature).
    common_of = judged.filter(lambda j: j[1]).flatMap(lambda j: ((d, j[0]) for d in j[2]))
    stats["postings"] = postings.count()
    stats["features"] = judged.count()
    stats["common_features"] = judged.filter(lambda j: j[1]).count()
    stats["pairs_proposed"] = proposed.count()
    stats["candidates"] = candidates.count()

    # 4. Verify each candidate in the partition of its first item, given the common features
    # of its two items.
    verified = _at_pairs(sc, parts, candidates, indexed, common_of, _verify).persist(keep)
    stats["verified"] = verified.count()

    # 5. Speakers: the forms of a name grouped by their key (the surname), each group decided
    # where it lies; the driver gets the speaker of each form.
    speakers = (
        analysed.flatMap(lambda r: r[1][3])
        .groupByKey(parts)
        .flatMap(lambda kv: _native.speakers_of_forms(list(kv[1])))
        .collect()
    )
    stats["name_forms"] = len(speakers)
    judged.unpersist()
    candidates.unpersist()

    # 6. Rewritten stories among the pairs verification left apart, in executors.
    rewrites = _rewrite_links(sc, parts, keep, analysed, indexed, verified, n, stats)

    # 7. Nearest sources: the links grouped by their connected group (named on the driver from
    # the linked pairs alone), each group's links chosen where it lies.
    pairs = verified.keys().collect() + rewrites.keys().collect()
    group_of = sc.broadcast(dict(zip(pairs, _native.link_groups(pairs))))
    del pairs
    links = (
        sc.union(
            [
                verified.map(lambda r: (group_of.value[r[0]], (0, r[1]))),
                rewrites.map(lambda r: (group_of.value[r[0]], (1, r[1]))),
            ]
        )
        .groupByKey(parts)
        .flatMap(lambda kv: _nearest(kv[1]))
        .map(lambda link: ((json.loads(link)["copy"], json.loads(link)["source"]), link))
        .persist(keep)
    )
    stats["links"] = links.count()
    group_of.destroy()
    verified.unpersist()
    rewrites.unpersist()
    # 8. Quotation variants: each item's wordings merged by key in executors; the driver
    # compares the run's distinct wordings (one row per quotation key) and sends the variants
    # found (a table of the changed wordings) back with the speakers.
    wordings = (
        analysed.flatMap(lambda r: r[1][5]).reduceByKey(_native.merge_wordings, parts).values().collect()
    )
    stats["quote_wordings"] = len(wordings)
    variants = _native.quote_variants(wordings)
    del wordings
    stats["quote_variants"] = len(variants)
    # 9. The graph, built an item at a time and merged by id in executors: items keyed a key at
    # a time; each link's part made where its two items are; each item's parts; the parts of
    # one id merged (the library's merge, in any order); written as the parts files by the
    # executors.
    keyed = (
        analysed.map(lambda r: r[1][6])
        .groupByKey(parts)
        .flatMap(lambda kv: _native.item_keys(list(kv[1])))
        .persist(keep)
    )
    link_extras = sc.union(
        [
            keyed.map(lambda r: (r[0], (0, r[1]))),
            links.map(lambda r: (r[0][0], (1, r[0][1], r[1]))),
        ]
    )
    linked = _at_pairs(sc, parts, links.keys(), indexed, link_extras, _link_part).persist(keep)
    speakers = sc.broadcast(speakers)
    variants = sc.broadcast(variants)
    made = (
        sc.union(
            [
                indexed.map(lambda r: (r[0], (0, r[1]))),
                analysed.map(lambda r: (r[0], (1, r[1][0]))),
                keyed.map(lambda r: (r[0], (2, r[2]))),
                linked.filter(lambda r: r[1][1] is not None).map(lambda r: (r[0][0], (3, r[1][1]))),
            ]
        )
        .groupByKey(parts)
        .mapPartitions(lambda rows: _item_parts(rows, speakers, variants, with_text))
        # Read twice (nodes, then edges): made once.
        .persist(keep)
    )
    nodes = (
        made.filter(lambda r: r[0] == 0)
        .map(lambda r: (r[1], r[2]))
        .reduceByKey(_native.merge_node_parts, parts)
        .mapValues(_native.finish_node_part)
        .persist(keep)
    )
    merged = (
        sc.union(
            [
                made.filter(lambda r: r[0] == 1).map(lambda r: (r[1], r[2])),
                linked.filter(lambda r: r[1][0] is not None).map(lambda r: (r[1][0][0], (None, r[1][0][1]))),
            ]
        )
        .reduceByKey(_merge_edges, parts)
        .persist(keep)
    )
    # An edge that needs a node (a quotation variant's original) stands if some item made it.
    standing = merged.filter(lambda r: r[1][0] is not None).map(lambda r: (r[1][0], r))
    edges = sc.union(
        [
            merged.filter(lambda r: r[1][0] is None),
            standing.join(nodes.mapValues(lambda _: None), parts).map(lambda r: r[1][0]),
        ]
    ).mapValues(lambda e: _native.finish_edge_part(e[1]))
    partial = out.with_name(f".{out.name}.partial")
    if partial.exists():
        shutil.rmtree(partial)
    try:
        stats["nodes"] = _write_kind(nodes, partial / "nodes", parts)
        stats["edges"] = _write_kind(edges, partial / "edges", parts)
        (partial / "parts.json").write_text(_native.parts_manifest(), encoding="utf-8")
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    if out.exists():
        out.rmdir()
    partial.rename(out)
    for rdd in (indexed, analysed, links, keyed, linked, made, nodes, merged):
        rdd.unpersist()
    speakers.destroy()
    variants.destroy()
    if parquet:
        for kind in ("nodes", "edges"):
            spark.read.json(os.fspath(out / kind)).write.parquet(
                os.fspath(out / "parquet" / kind)
            )
    return stats


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m claimtrace.spark",
        description="Run claimtrace on Apache Spark and write the graph as partitioned node and "
        "edge files (claimtrace graph --from-parts DIR assembles the single export).",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files and directories")
    parser.add_argument("--out", required=True, metavar="DIR", help="absent or empty directory")
    parser.add_argument(
        "--master",
        help=f"Spark master URL (default {DEFAULT_MASTER}; under spark-submit, spark-submit's)",
    )
    parser.add_argument(
        "--partitions", type=int, help="partitions of items and of the join (default: 2 x cores)"
    )
    parser.add_argument(
        "--driver-memory", metavar="SIZE", help="the driver JVM's heap, as 8g (local mode: all of Spark's)"
    )
    parser.add_argument("--skip-bad", action="store_true", help="skip inputs that cannot be read")
    parser.add_argument("--outlet", help="the outlet that published every item")
    parser.add_argument("--with-text", action="store_true", help="item nodes hold their full text")
    parser.add_argument("--no-parquet", action="store_true", help="JSON lines only")
    parser.add_argument("--stats", action="store_true", help="print each step's sizes (JSON)")
    args = parser.parse_args(argv)
    if args.partitions is not None and args.partitions < 1:
        parser.error("--partitions must be at least 1")
    if "-" in args.inputs:
        parser.error("standard input cannot be spread over executors: give files")
    master = args.master
    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:
        master = DEFAULT_MASTER  # not under spark-submit, which sets the master itself
    try:
        stats = run(
            args.inputs,
            args.out,
            master=master,
            driver_memory=args.driver_memory,
            partitions=args.partitions,
            skip_bad=args.skip_bad,
            outlet=args.outlet,
            with_text=args.with_text,
            parquet=not args.no_parquet,
        )
    except (_native.InputError, FileExistsError, FileNotFoundError) as e:
        print(f"claimtrace.spark: error: {e}", file=sys.stderr)
        return 1
    if args.stats:
        print(json.dumps(stats, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
