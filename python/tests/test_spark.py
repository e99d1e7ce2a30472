"""The Spark job (claimtrace.spark) in local mode gives the command line's answer byte for byte:
`claimtrace graph --from-parts DIR` after the job is `claimtrace graph INPUTS`, on the example,
the seed dump, the giveme5w1h folder and a 20k-item synthetic corpus. One Spark session for the
module. Without Java or pyspark the tests skip visibly outside CI and fail in it."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import claimtrace

from test_claimtrace import REPO, cli

SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "blog-dump-2020-09-19.txt"
GIVEME = SHARED / "corpora" / "giveme5w1h-news-cluster"
IN_CI = bool(os.environ.get("CI") or os.environ.get("CLAIMTRACE_CI"))


def missing(what):
    if IN_CI:
        pytest.fail(f"{what} (CI installs it: .ci/run)")
    pytest.skip(f"SKIPPED: {what}")


@pytest.fixture(scope="module")
def spark():
    try:
        import pyspark  # noqa: F401
    except ImportError:
        missing("pyspark is not installed (pip install -r python/requirements-test.txt)")
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        missing("Java is not installed (apt-get install openjdk-17-jre-headless)")
    import claimtrace.spark

    session = claimtrace.spark.session("local[2]")
    yield session
    session.stop()


def job(spark, inputs, out, **kw):
    import claimtrace.spark

    return claimtrace.spark.run([str(p) for p in inputs], out, spark=spark, **kw)


def assert_same_as_cli(spark, inputs, out, **kw):
    """Runs the job and compares the assembled export with the command line's."""
    stats = job(spark, inputs, out, **kw)
    cmd = [str(cli()), "graph"]
    assembled = subprocess.run(cmd + ["--from-parts", str(out)], check=True, capture_output=True)
    whole = subprocess.run(cmd + [str(p) for p in inputs], check=True, capture_output=True)
    assert assembled.stdout == whole.stdout
    # The package assembles the same.
    assert claimtrace.read_parts(str(out)).export("json").encode() == whole.stdout
    return stats


def test_example_is_the_command_lines_graph(spark, tmp_path):
    out = tmp_path / "parts"
    stats = assert_same_as_cli(spark, [REPO / "examples" / "reposts.jsonl"], out, partitions=3)
    assert stats["items"] == 4 and stats["verified"] >= 2
    # Parquet beside the JSON lines, a row per node and edge.
    nodes = spark.read.parquet(str(out / "parquet" / "nodes"))
    assert nodes.count() == stats["nodes"]
    assert spark.read.parquet(str(out / "parquet" / "edges")).count() == stats["edges"]
    # The reposts chain the example plants is there.
    edges = [json.loads(line) for f in sorted((out / "edges").iterdir()) for line in f.open()]
    assert sum(e["kind"] == "reposts" for e in edges) == 2
    # The executors wrote the files the whole graph's write_parts writes, byte for byte: the
    # same files, each node or edge in the file its id names, sorted.
    whole = tmp_path / "whole"
    claimtrace.run([REPO / "examples" / "reposts.jsonl"]).write_parts(str(whole), 3)
    for kind in ("nodes", "edges"):
        names = sorted(p.name for p in (whole / kind).iterdir())
        assert names == sorted(p.name for p in (out / kind).iterdir())
        for name in names:
            assert (out / kind / name).read_bytes() == (whole / kind / name).read_bytes()
    assert (out / "parts.json").read_bytes() == (whole / "parts.json").read_bytes()


def test_seed_dump_is_the_command_lines_graph(spark, tmp_path):
    if not SEED.exists():
        pytest.skip(f"SKIPPED: {SEED} is absent")
    assert_same_as_cli(spark, [SEED], tmp_path / "parts")


def test_giveme5w1h_folder_is_the_command_lines_graph(spark, tmp_path):
    if not GIVEME.exists():
        pytest.skip(f"SKIPPED: {GIVEME} is absent")
    stats = assert_same_as_cli(spark, [GIVEME], tmp_path / "parts", parquet=False)
    assert stats["candidates"] > 0


def synth_writer():
    for profile in ("debug", "release"):
        binary = REPO / "target" / profile / "examples" / "synth_reposts"
        if binary.exists():
            return binary
    missing("target/debug/examples/synth_reposts is not built (cargo test builds it)")


def test_synthetic_20k_is_the_command_lines_graph(spark, tmp_path):
    corpus = tmp_path / "synth"
    subprocess.run([str(synth_writer()), "write", "20000", str(corpus)], check=True)
    stats = assert_same_as_cli(spark, [corpus / "items.jsonl"], tmp_path / "parts", parquet=False)
    # Boilerplate the whole-corpus document frequencies set aside, and planted copies found.
    assert stats["items"] == 20000
    assert stats["common_features"] > 0 and stats["verified"] > 1000


def test_rewritten_stories_are_the_command_lines(spark, tmp_path):
    """Stories rewritten from agency copy: the rewrite steps (word counts, the join on rare
    words, each candidate aligned in an executor) find the command line's rewrites."""
    corpus = tmp_path / "rewritten"
    subprocess.run([str(synth_writer()), "write-rewritten", "30", str(corpus)], check=True)
    stats = assert_same_as_cli(spark, [corpus / "items.jsonl"], tmp_path / "parts", parquet=False)
    assert stats["rewrite_candidates"] > 0 and stats["rewrites"] >= 10


def test_items_read_twice_and_versions_are_the_command_lines(spark, tmp_path):
    """The items are made distinct and put in order in executors (never gathered on the
    driver): one text read from two files is one item with a warning, one URL with two texts
    is two versions, and the order the inputs are given in changes nothing."""
    example = REPO / "examples" / "reposts.jsonl"
    (tmp_path / "b").mkdir()
    again = tmp_path / "b" / "again.jsonl"
    shutil.copy(example, again)
    url = "https://harbor-city-gazette.example/ferry-fares"
    versions = tmp_path / "versions.jsonl"
    versions.write_text(
        json.dumps({"url": url, "outlet": "Harbor City Gazette", "date": "2026-03-02",
                    "text": "Ferry fares will rise by a tenth in April, the port board said."})
        + "\n"
        + json.dumps({"url": url, "outlet": "Harbor City Gazette", "date": "2026-03-03",
                      "text": "Ferry fares will rise by a tenth in May, the port board said on Tuesday."})
        + "\n"
        + json.dumps({"url": url, "outlet": "Harbor City Gazette", "date": "2026-03-02",
                      "text": "Ferry fares will rise by a tenth in April, the port board said."})
        + "\n"
    )
    inputs = [versions, again, example]
    stats = assert_same_as_cli(spark, inputs, tmp_path / "parts", partitions=3, parquet=False)
    assert stats["items"] == 6
    graph = claimtrace.read_parts(str(tmp_path / "parts")).export("json")
    assert "also read, with the same" in graph
    # In another order, the same parts.
    job(spark, list(reversed(inputs)), tmp_path / "reversed", partitions=3, parquet=False)
    for kind in ("nodes", "edges"):
        for f in sorted((tmp_path / "parts" / kind).iterdir()):
            assert (tmp_path / "reversed" / kind / f.name).read_bytes() == f.read_bytes()


def test_bad_input_is_one_error_and_no_output(spark, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "A story."}\n{"id": "b" "text": "x"}\n')
    out = tmp_path / "parts"
    with pytest.raises(claimtrace.InputError, match=r"bad\.jsonl:2"):
        job(spark, [bad], out)
    assert not out.exists()
    # With skip_bad the bad file is skipped, with a warning, and the rest is the graph.
    good = REPO / "examples" / "reposts.jsonl"
    with pytest.warns(UserWarning, match="bad.jsonl"):
        job(spark, [bad, good], out, skip_bad=True, parquet=False)
    assert claimtrace.read_parts(str(out)).node_count == claimtrace.run([good]).node_count


def test_the_command_line_of_the_job(spark, tmp_path, capsys):
    import claimtrace.spark

    out = tmp_path / "parts"
    out.mkdir()
    (out / "x").write_text("taken")
    assert claimtrace.spark.main([str(REPO / "examples" / "reposts.jsonl"), "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("claimtrace.spark: error:") and "not empty" in err
    assert len(err.splitlines()) == 1
