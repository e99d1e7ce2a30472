#!/usr/bin/env bash
# The thresholds of the partly-derived rule against both guards at once: recall per level on the
# agency-versus-newspaper synthetic corpus and precision on Giveme5W1H same-event pairs
# (scripts/reuse/giveme_labels.tsv). Prints one line per setting.
#
# usage: scripts/reuse/sweep_partial.sh    (WORDS="30 40 50" SHARE="0.08 0.12 0.16" PROSE="20 30 40")
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build -q --release --example synth_reposts
bin=${CARGO_TARGET_DIR:-target}/release/examples/synth_reposts
giveme=../shared/corpora/giveme5w1h-news-cluster/news_cluster/data
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for w in ${WORDS:-30 40 50}; do
  for f in ${SHARE:-0.08 0.12 0.16}; do
    for u in ${PROSE:-20 30 40}; do
      export LINK_PARTIAL_WORDS=$w LINK_PARTIAL_SHARE=$f LINK_PARTIAL_PROSE=$u
      synth=$("$bin" derived 700)
      line="words $w share $f prose $u | $synth"
      if [ -d "$giveme" ]; then
        "$bin" pairs 0 "$giveme" > "$tmp"
        line="$line | giveme: $(python3 scripts/reuse/eval_giveme.py --pairs "$tmp" | tr '\n' ' ')"
      fi
      echo "$line"
    done
  done
done
