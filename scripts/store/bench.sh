#!/usr/bin/env bash
# The store's numbers (docs/store.md, issue 16), on the synthetic repost corpus of crates/synth:
#   - adding NEW items to a store already holding BASE, against one `graph` run of the NEW alone
#     (time and peak memory, and their ratios), on SQLite and, when CLAIMTRACE_PG_URL is set,
#     PostgreSQL; and the same NEW added to an empty store (the floor of an incremental add);
#   - `origin --db` on one item of the store;
#   - bytes on disk per item;
#   - `graph --db` (the stored graph exported) against `graph` over the inputs (in memory), and
#     against BASELINE (another build's binary, e.g. today's main) when given.
#
# usage: scripts/store/bench.sh [BASE [NEW]]       (default 100000 10000)
# WORK=/tmp/... keeps the corpus and stores (default a temporary directory, removed after);
# BASELINE=PATH also times another binary's whole run; QUICK=1 skips the whole runs.
# Needs GNU time (/usr/bin/time). Both built in release (the generator too: one build, and
# faster at 100k).
set -euo pipefail
cd "$(dirname "$0")/../.."
base=${1:-100000}
new=${2:-10000}
. scripts/store/measure.sh

total=$((base + new))
if [ ! -f "$work/corpus/items.jsonl" ] || [ "$(wc -l <"$work/corpus/items.jsonl")" != "$total" ]; then
  "$target/release/examples/synth_reposts" write "$total" "$work/corpus" 7 >/dev/null
fi
head -n "$base" "$work/corpus/items.jsonl" >"$work/base.jsonl"
tail -n "$new" "$work/corpus/items.jsonl" >"$work/new.jsonl"
# An item to trace: the last copy of the corpus (among the new items), by record id.
item=$(tail -n 1 "$work/corpus/gold.tsv" | cut -f1)
echo "corpus: $base + $new synthetic items; origin of $item"
# The machine may be shared: the load says how far wall times are to be trusted.
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

measure "graph of the $new new items alone (batch)" "$bin" graph -q "$work/new.jsonl"
batch_again() { measure "graph of the $new new items alone, again" "$bin" graph -q "$work/new.jsonl"; }
# QUICK=1 skips the whole-corpus runs from the inputs (minutes each at 100k).
if [ -z "${QUICK:-}" ]; then
  measure "graph of all $total items from the inputs" "$bin" graph -q "$work/base.jsonl" "$work/new.jsonl"
  if [ -n "${BASELINE:-}" ]; then
    measure "same, baseline binary" "$BASELINE" graph -q "$work/base.jsonl" "$work/new.jsonl"
  fi
fi

targets=("$work/store.db")
if [ -n "${CLAIMTRACE_PG_URL:-}" ]; then
  psql=$(ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1)
  "$psql" -q "$CLAIMTRACE_PG_URL" -c "DROP DATABASE IF EXISTS ct_bench WITH (FORCE)" -c "CREATE DATABASE ct_bench"
  targets+=("${CLAIMTRACE_PG_URL%/*}/ct_bench")
fi
for db in "${targets[@]}"; do
  case $db in postgres*) kind=postgresql ;; *) kind=sqlite; rm -f "$db" "$db"-* ;; esac
  echo "--- $kind"
  measure "add $base items to an empty store" "$bin" add -q --db "$db" "$work/base.jsonl"
  # Back to back: the batch run of the new items, then their add (the machine's load moves).
  batch_again
  batch_cpu=$cpu batch_mb=$mb
  measure "add $new items to the store of $base" "$bin" add -q --db "$db" "$work/new.jsonl"
  # The issue's target: the add within 2x the batch run of its items, memory bounded by it.
  echo "add / batch, back to back: $(awk "BEGIN { printf \"%.2f\", $cpu / $batch_cpu }")x CPU, $(awk "BEGIN { printf \"%.1f\", $mb / $batch_mb }")x peak memory (load $(cut -d' ' -f1 /proc/loadavg))"
  # The floor an incremental add cannot go under: the new items added to an empty store
  # (everything an add does for its own items, nothing for stored ones).
  case $kind in
    sqlite) empty=$work/empty.db; rm -f "$empty" "$empty"-* ;;
    *)
      "$psql" -q "$CLAIMTRACE_PG_URL" -c "DROP DATABASE IF EXISTS ct_bench_empty WITH (FORCE)" \
        -c "CREATE DATABASE ct_bench_empty"
      empty="${CLAIMTRACE_PG_URL%/*}/ct_bench_empty" ;;
  esac
  measure "add the $new items to an empty store" "$bin" add -q --db "$empty" "$work/new.jsonl"
  echo "add to an empty store / batch: $(awk "BEGIN { printf \"%.2f\", $cpu / $batch_cpu }")x CPU, $(awk "BEGIN { printf \"%.1f\", $mb / $batch_mb }")x peak memory"
  case $kind in
    sqlite) rm -f "$empty" "$empty"-* ;;
    *) "$psql" -q "$CLAIMTRACE_PG_URL" -c "DROP DATABASE ct_bench_empty WITH (FORCE)" ;;
  esac
  measure "origin --db of one item" "$bin" origin --db "$db" --item "$item"
  measure "graph --db (JSON)" "$bin" graph --db "$db"
  measure "graph --db --format dot" "$bin" graph --db "$db" --format dot
  "$bin" db stats --db "$db" | grep -E '^(items|bytes)'
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
