#!/usr/bin/env bash
# The store at a million items (docs/store.md, "A store of 1,000,000 items"; issue 16):
#   - N synthetic items (crates/synth) added in CHUNKS adds of N/CHUNKS each into one growing
#     store (one add of a million holds too much at once), each add's wall, CPU and peak;
#   - `origin --db` on a copy traced to its source, on an original, and on an item by URL;
#   - `db stats` and the bytes on disk per item;
#   - `graph --db` (JSON) against `graph` of the same input files in memory, and that both
#     write the same bytes.
#
# usage: scripts/store/bench-1m.sh [N [CHUNKS]]      (default 1000000 10)
# WORK=DIR keeps the corpus and the store there (default a temporary directory, removed after;
# a million items take about 20 GB with the store); DB=URL uses that PostgreSQL database
# instead of a SQLite file (it must exist and be empty). Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000000}
chunks=${2:-10}
. scripts/store/measure.sh
out=$work/out

"$target/release/examples/synth_reposts" write "$n" "$work/corpus" 7 >/dev/null
# The chunks are the inputs of both the adds and the in-memory run (an item's path is part of
# its place in the run's order; each file stays under the 2 GiB input limit). The whole file
# is not kept: at a million items it is 2.7 GB more on disk.
rm -f "$work"/part*.jsonl
split -n "l/$chunks" -d -a 3 --additional-suffix=.jsonl "$work/corpus/items.jsonl" "$work/part"
rm "$work/corpus/items.jsonl"
parts=("$work"/part*.jsonl)
echo "corpus: $n synthetic items in ${#parts[@]} chunks; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

db=${DB:-$work/store.db}
case $db in postgres*) ;; *) rm -f "$db" "$db"-* ;; esac
i=0
for part in "${parts[@]}"; do
  i=$((i + 1))
  measure "add chunk $i ($(wc -l <"$part") items)" "$bin" add -q --db "$db" "$part"
done

# A copy traced to its source (the last pair of the gold file), that source (an original) and
# an item by its URL (the first item of the corpus).
read -r copy source < <(tail -n 1 "$work/corpus/gold.tsv")
url=$(head -n 1 "${parts[0]}" | python3 -c 'import json, sys; print(json.load(sys.stdin)["url"])')
for item in "$copy" "$source" "$url"; do
  measure "origin --db --item $item" "$bin" origin --db "$db" --item "$item"
  head -n 2 "$work/out" | sed 's/^/    /'
  measure "  again (its pages cached)" "$bin" origin --db "$db" --item "$item"
done

"$bin" db stats --db "$db" | tee "$work/stats"
case $db in
  postgres*) ;;
  *)
    bytes=$(du -cb "$db"* | tail -n 1 | cut -f1)
    echo "on disk: $bytes bytes, $((bytes / n)) bytes per item (the SQLite file and its WAL)"
    ;;
esac

measure "graph --db (JSON)" "$bin" graph -q --db "$db" -o "$work/db.json"
measure "graph of the same inputs in memory (JSON)" "$bin" graph -q -o "$work/mem.json" "${parts[@]}"
if cmp -s "$work/db.json" "$work/mem.json"; then
  echo "graph --db and the in-memory graph: byte-identical ($(stat -c %s "$work/db.json") bytes)"
else
  echo "graph --db and the in-memory graph DIFFER" >&2
  exit 1
fi
rm -f "$work/db.json" "$work/mem.json"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
