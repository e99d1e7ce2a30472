#!/usr/bin/env bash
# Copy groups, baseline against the current build, back to back: a corpus of N short records
# (no reposts) with ARTICLES articles each carried by COPIES outlets added
# (`make_corpora.py groups`), run through both builds' `stage_times` (the split by stage: the
# link stages are indexing, aligning and the pruning shown as "after aligning sentences"), then
# `groups_check.py` on each graph (every copy joined to its article, no repost of a later item)
# and `links_compare.py` (the new graph's links among the baseline's), then `groups_diff.py`
# (every difference, sorted by what it does to its copy). The numbers of docs/perf.md, "Copy
# groups folded" and "Session 11: near-identical copy groups", come from here.
#
# usage: scripts/perf/groups.sh BASE_STAGE_TIMES [WORKDIR]    (default /tmp/claimtrace-groups)
#   BASE_STAGE_TIMES    examples/stage_times built from the baseline
#   N=1000000 ARTICLES=20 COPIES="50 200 500"
#   NEAR=1              near-identical copies (a banner line and a headline of each copy's
#                       own, one in four with a "Reporting by" line of its own)
set -euo pipefail
cd "$(dirname "$0")/../.."
base=${1:?usage: scripts/perf/groups.sh BASE_STAGE_TIMES [WORKDIR]}
work=${2:-/tmp/claimtrace-groups}
n=${N:-1000000}
articles=${ARTICLES:-20}
mkdir -p "$work"
cargo build -q --release --locked --example stage_times
cp "${CARGO_TARGET_DIR:-target}/release/examples/stage_times" "$work/stage_times-new"
cp "$base" "$work/stage_times-base"
[ -f "$work/short$n.jsonl" ] || python3 scripts/perf/make_corpora.py short "$n" "$work/short$n.jsonl"
near=${NEAR:+near}
for c in ${COPIES:-50 200 500}; do
  corpus=$work/g${articles}x$c${near:+-near}
  [ -f "$corpus.jsonl" ] || python3 scripts/perf/make_corpora.py groups "$work/short$n.jsonl" "$articles" "$c" "$corpus.jsonl" $near
  for v in base new; do
    echo "== $v ${articles} x $c copies (load $(cut -d' ' -f1 /proc/loadavg))"
    "$work/stage_times-$v" "$corpus.jsonl" -o "$corpus.$v.json"
    python3 scripts/perf/groups_check.py "$corpus.$v.json" "$corpus.gold.tsv" || true
  done
  python3 scripts/perf/links_compare.py "$corpus.base.json" "$corpus.new.json"
  python3 scripts/perf/groups_diff.py "$corpus.base.json" "$corpus.new.json" || true
  # The graphs are large (about 800 MB each at 1M records).
  rm -f "$corpus.base.json" "$corpus.new.json"
done
