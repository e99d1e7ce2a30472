#!/usr/bin/env bash
# Speed and memory of a whole `graph` run, the current build against a baseline, back to back:
# wall time, CPU time and peak RSS (/usr/bin/time -v) on synthetic corpora of growing size, on
# both cores and pinned to one (`taskset -c 0`), and the current build's split by stage
# (examples/stage_times.rs). Then scripts/perf/check.sh compares their outputs byte for byte.
# The numbers of docs/perf.md come from here.
#
# usage: scripts/perf/measure.sh [WORKDIR]          (default /tmp/claimtrace-perf)
#   BASE=path/to/claimtrace     the baseline binary; without it, BASE_REF (default main) is
#                               built in WORKDIR/base-src (a git worktree) and used
#   SIZES="10000 100000"        corpus sizes (synthetic items, crates/synth's repost corpus)
#   ROUNDS=1                    runs of each binary per size, alternating baseline and current
#   PIN=1                       also run pinned to one core
#   EXTRA="A.jsonl B.jsonl"     more corpora to run both binaries on, once each, on both cores
#                               (scripts/perf/make_corpora.py: short records, copy groups)
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${1:-/tmp/claimtrace-perf}
sizes=${SIZES:-10000 100000}
rounds=${ROUNDS:-1}
mkdir -p "$work"
cargo build -q --release --locked --bin claimtrace --example synth_reposts --example stage_times
target=${CARGO_TARGET_DIR:-target}/release
# The build directory may be shared: measure private copies.
cp "$target/claimtrace" "$work/claimtrace-new"
cp "$target/examples/synth_reposts" "$target/examples/stage_times" "$work/"
if [ -z "${BASE:-}" ]; then
  ref=${BASE_REF:-main}
  if [ ! -d "$work/base-src" ]; then
    git worktree add --detach "$work/base-src" "$ref"
  fi
  (cd "$work/base-src" && git checkout -q --detach "$ref" && cargo build -q --release --locked --bin claimtrace)
  BASE=$work/base-src/target/release/claimtrace
fi
cp "$BASE" "$work/claimtrace-base"

# One run: prints "LABEL  wall s  user s  sys s  peak MB".
run() {
  local label=$1 out=$2; shift 2
  local log
  log=$(mktemp)
  /usr/bin/time -v "$@" -q -o "$out" 2> "$log" >/dev/null
  awk -v l="$label" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + t[i] }
    /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { m = $2 / 1024 }
    END { printf "%-34s %7.2f s wall %7.2f s user %6.2f s sys %7.0f MB peak\n", l, w, u, s, m }' "$log"
  rm -f "$log"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
for n in $sizes; do
  corpus=$work/synth$n
  [ -f "$corpus/items.jsonl" ] || "$work/synth_reposts" write "$n" "$corpus" >/dev/null
  echo "== synth$n: $(du -m "$corpus/items.jsonl" | cut -f1) MB"
  for r in $(seq "$rounds"); do
    run "base  graph synth$n (2 cores)" "$corpus/base.json" "$work/claimtrace-base" graph "$corpus/items.jsonl"
    run "new   graph synth$n (2 cores)" "$corpus/new.json" "$work/claimtrace-new" graph "$corpus/items.jsonl"
    if [ "${PIN:-1}" = 1 ]; then
      run "base  graph synth$n (taskset -c 0)" "$corpus/base1.json" taskset -c 0 "$work/claimtrace-base" graph "$corpus/items.jsonl"
      run "new   graph synth$n (taskset -c 0)" "$corpus/new1.json" taskset -c 0 "$work/claimtrace-new" graph "$corpus/items.jsonl"
    fi
  done
  "$work/stage_times" "$corpus/items.jsonl" -o "$corpus/stages.json" 2>&1 | sed 's/^/  new /'
  cmp "$corpus/base.json" "$corpus/new.json" && echo "  synth$n: graph JSON byte-identical"
done
for corpus in ${EXTRA:-}; do
  name=$(basename "$corpus" .jsonl)
  echo "== $name: $(du -m "$corpus" | cut -f1) MB, $(wc -l < "$corpus") records"
  run "base  graph $name" "$work/$name.base.json" "$work/claimtrace-base" graph "$corpus"
  run "new   graph $name" "$work/$name.new.json" "$work/claimtrace-new" graph "$corpus"
  "$work/stage_times" "$corpus" -o "$work/$name.stages.json" 2>&1 | sed 's/^/  new /'
  cmp "$work/$name.base.json" "$work/$name.new.json" && echo "  $name: graph JSON byte-identical"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
