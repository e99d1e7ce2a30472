#!/usr/bin/env bash
# Speed and memory of a whole `graph` run, the current build against a baseline, back to back:
# wall time, CPU time and peak RSS (/usr/bin/time -v) on synthetic corpora of growing size, on
# both cores and pinned to one (`taskset -c 0`), and the current build's split by stage
# (examples/stage_times.rs: wall, CPU and peak memory of each stage). It ends with one table of
# every run (wall, CPU, peak RSS, the load average when it started), the current build's ratios
# to the baseline, and each binary's speed-up on both cores over one (pinned wall over wall).
# scripts/perf/check.sh compares the outputs of the other corpora byte for byte.
# The numbers of docs/perf.md come from here.
#
# usage: scripts/perf/measure.sh [WORKDIR]          (default /tmp/claimtrace-perf)
#   BASE=path/to/claimtrace     the baseline binary; without it, BASE_REF (default main) is
#                               built in WORKDIR/base-src (a git worktree) and used
#   SIZES="10000 100000"        corpus sizes (synthetic items, crates/synth's repost corpus; one
#                               larger than the 2 GiB input limit is split in two files)
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

# One run: prints "LABEL  wall s  user s  sys s  peak MB" and adds a row to the summary.
summary=$work/summary.tsv
: > "$summary"
run() {
  local label=$1 out=$2; shift 2
  local log load
  log=$(mktemp)
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v "$@" -q -o "$out" 2> "$log" >/dev/null
  awk -v l="$label" -v load="$load" -v sum="$summary" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + t[i] }
    /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { m = $2 / 1024 }
    END {
      printf "%-34s %7.2f s wall %7.2f s user %6.2f s sys %7.0f MB peak (load %s)\n", l, w, u, s, m, load
      printf "%s\t%.2f\t%.2f\t%.0f\t%s\n", l, w, u + s, m, load >> sum
    }' "$log"
  rm -f "$log"
}

# The corpus of N synthetic items, as input files: split in two past the input limit.
corpus_files() {
  local n=$1 corpus=$work/synth$1
  if [ ! -f "$corpus/items.jsonl" ] && ! ls "$corpus"/part*.jsonl >/dev/null 2>&1; then
    "$work/synth_reposts" write "$n" "$corpus" >/dev/null
  fi
  if [ -f "$corpus/items.jsonl" ] && [ "$(stat -c %s "$corpus/items.jsonl")" -gt 2000000000 ]; then
    split -l $(( (n + 1) / 2 )) -d --additional-suffix=.jsonl "$corpus/items.jsonl" "$corpus/part"
    rm "$corpus/items.jsonl"
  fi
  ls "$corpus"/items.jsonl "$corpus"/part*.jsonl 2>/dev/null
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
for n in $sizes; do
  corpus=$work/synth$n
  mapfile -t files < <(corpus_files "$n")
  echo "== synth$n: $(du -cm "${files[@]}" | tail -1 | cut -f1) MB in ${#files[@]} file(s)"
  for r in $(seq "$rounds"); do
    run "base synth$n 2 cores" "$corpus/base.json" "$work/claimtrace-base" graph "${files[@]}"
    run "new  synth$n 2 cores" "$corpus/new.json" "$work/claimtrace-new" graph "${files[@]}"
    if [ "${PIN:-1}" = 1 ]; then
      run "base synth$n taskset -c 0" "$corpus/base1.json" taskset -c 0 "$work/claimtrace-base" graph "${files[@]}"
      run "new  synth$n taskset -c 0" "$corpus/new1.json" taskset -c 0 "$work/claimtrace-new" graph "${files[@]}"
    fi
  done
  "$work/stage_times" "${files[@]}" -o "$corpus/stages.json" 2>&1 | sed 's/^/  new /'
  cmp "$corpus/base.json" "$corpus/new.json" && echo "  synth$n: graph JSON byte-identical"
done
for corpus in ${EXTRA:-}; do
  name=$(basename "$corpus" .jsonl)
  echo "== $name: $(du -m "$corpus" | cut -f1) MB, $(wc -l < "$corpus") records"
  run "base $name 2 cores" "$work/$name.base.json" "$work/claimtrace-base" graph "$corpus"
  run "new  $name 2 cores" "$work/$name.new.json" "$work/claimtrace-new" graph "$corpus"
  "$work/stage_times" "$corpus" -o "$work/$name.stages.json" 2>&1 | sed 's/^/  new /'
  cmp "$work/$name.base.json" "$work/$name.new.json" && echo "  $name: graph JSON byte-identical"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

# Every run in one table; then, per corpus and cores, new over base, and per binary the
# speed-up of two cores over one (wall pinned / wall on both; CPU should not change).
echo
echo "== summary ($(nproc) cores; CPU = user + system; ratios of runs made back to back)"
awk -F'\t' '
  # With ROUNDS > 1 a label repeats: the k-th run of a label is paired with the k-th run of
  # its counterpart (the runs of one round are made back to back).
  { k = ++seen[$1]; label[NR] = $1; nth[NR] = k; wall[$1, k] = $2; cpu[$1, k] = $3; rss[$1, k] = $4; load[$1, k] = $5 }
  END {
    printf "%-36s %9s %9s %9s %6s\n", "run", "wall s", "CPU s", "peak MB", "load"
    for (i = 1; i <= NR; i++) { l = label[i]; k = nth[i]; printf "%-36s %9.2f %9.2f %9.0f %6s\n", l, wall[l, k], cpu[l, k], rss[l, k], load[l, k] }
    printf "\n%-36s %9s %9s %9s\n", "new / base", "wall", "CPU", "peak"
    for (i = 1; i <= NR; i++) {
      l = label[i]; k = nth[i]; if (substr(l, 1, 5) != "new  ") continue
      b = "base " substr(l, 6)
      if ((b, k) in wall && wall[b, k] > 0 && cpu[b, k] > 0 && rss[b, k] > 0)
        printf "%-36s %9.2f %9.2f %9.2f\n", substr(l, 6), wall[l, k] / wall[b, k], cpu[l, k] / cpu[b, k], rss[l, k] / rss[b, k]
    }
    printf "\n%-36s %9s %9s\n", "2 cores over 1 (taskset -c 0)", "speed-up", "CPU"
    for (i = 1; i <= NR; i++) {
      l = label[i]; k = nth[i]; if (l !~ / 2 cores$/) continue
      p = l; sub(/ 2 cores$/, " taskset -c 0", p)
      if ((p, k) in wall && wall[l, k] > 0 && cpu[l, k] > 0)
        printf "%-36s %9.2f %9.2f\n", substr(l, 1, length(l) - 8), wall[p, k] / wall[l, k], cpu[p, k] / cpu[l, k]
    }
  }' "$summary"
