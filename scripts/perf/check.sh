#!/usr/bin/env bash
# Whether the current build writes the same graph as a baseline, byte for byte: the JSON graph
# of the 10k synthetic corpus, of the Giveme5W1H news_cluster corpus and of the seed dump (the
# last two from ../shared, skipped when absent), and the DOT of the synthetic corpus.
#
# usage: scripts/perf/check.sh BASE_BINARY [WORKDIR]     (default /tmp/claimtrace-perf)
#   N=10000   synthetic corpus size
set -euo pipefail
cd "$(dirname "$0")/../.."
base=${1:?usage: scripts/perf/check.sh BASE_BINARY [WORKDIR]}
work=${2:-/tmp/claimtrace-perf}
n=${N:-10000}
mkdir -p "$work/check"
cargo build -q --release --locked --bin claimtrace --example synth_reposts
target=${CARGO_TARGET_DIR:-target}/release
new=$work/check/claimtrace-new
cp "$target/claimtrace" "$new"
corpus=$work/synth$n
[ -f "$corpus/items.jsonl" ] || "$target/examples/synth_reposts" write "$n" "$corpus" >/dev/null

status=0
same() {
  local name=$1; shift
  "$base" "$@" -q -o "$work/check/$name.base" 2>/dev/null
  "$new" "$@" -q -o "$work/check/$name.new" 2>/dev/null
  if cmp -s "$work/check/$name.base" "$work/check/$name.new"; then
    echo "same   $name ($(wc -c < "$work/check/$name.new") bytes)"
  else
    echo "DIFFER $name: diff $work/check/$name.base $work/check/$name.new"
    status=1
  fi
}
same "synth$n.json" graph "$corpus/items.jsonl"
same "synth$n.dot" graph --format dot "$corpus/items.jsonl"
giveme=../shared/corpora/giveme5w1h-news-cluster
if [ -d "$giveme" ]; then same giveme.json graph "$giveme"; else echo "SKIPPED giveme: $giveme absent"; fi
seed=../shared/seeds/blog-dump-2020-09-19.txt
if [ -f "$seed" ]; then same seed.json graph "$seed"; else echo "SKIPPED seed: $seed absent"; fi
exit $status
