#!/usr/bin/env bash
# Reproduces the reuse measurements of docs/reposts.md: synthetic corpora at 1k, 10k and 100k
# items, the agency-versus-newspaper corpus (wholly / partly / not derived, at four edit rates),
# the newsroom rewriting corpus (Latin and Urdu script), Clough-Stevenson's graded answers, the
# Giveme5W1H news_cluster corpus, and the side-by-side baselines when installed
# (datasketch: pip install datasketch; passim: see scripts/reuse/passim_pairs.py).
#
# usage: scripts/reuse/measure.sh [WORKDIR]      (default /tmp/claimtrace-reuse)
# Set BASELINES=0 to skip datasketch and passim, SIZES="1000 10000" to choose sizes.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${1:-/tmp/claimtrace-reuse}
sizes=${SIZES:-1000 10000 100000}
mkdir -p "$work"
cargo build -q --release --bin claimtrace --example synth_reposts
target=${CARGO_TARGET_DIR:-target}/release
# The build directory may be shared: measure private copies.
cp "$target/claimtrace" "$target/examples/synth_reposts" "$work/"
giveme=../shared/corpora/giveme5w1h-news-cluster/news_cluster/data
timefmt="%e s wall, %U s user, %S s sys, %M KB peak"

for n in $sizes; do
  [ -f "$work/synth$n/items.jsonl" ] || "$work/synth_reposts" write "$n" "$work/synth$n"
  /usr/bin/time -f "claimtrace graph synth$n: $timefmt" \
    "$work/claimtrace" graph -q "$work/synth$n/items.jsonl" -o "$work/synth$n/graph.json"
  python3 scripts/reuse/eval_synth.py "$work/synth$n/graph.json" "$work/synth$n/gold.tsv"
done
for e in 40 20 12 8; do
  echo "agency vs newspaper, one word in $e of copied sentences edited:"
  "$work/synth_reposts" derived 700 1 "$e"
done
# The same kind of corpus as records (1,400 items), for the CLI and the baselines side by side.
"$work/synth_reposts" write-derived 700 "$work/derived"
awk -F'\t' '$3 != "not" {print $1 "\t" $2}' "$work/derived/labels.tsv" > "$work/derived/gold.tsv"
/usr/bin/time -f "claimtrace graph derived: $timefmt" \
  "$work/claimtrace" graph -q "$work/derived/items.jsonl" -o "$work/derived/graph.json"
python3 scripts/reuse/eval_synth.py "$work/derived/graph.json" "$work/derived/gold.tsv"
# Newsroom rewriting (wholly, briefs, partly, not derived), in-process and as records, Latin and
# Urdu script.
"$work/synth_reposts" rewritten 700 1
"$work/synth_reposts" rewritten-urdu 700 1
for script in latin urdu; do
  s=""; [ $script = urdu ] && s=-urdu
  "$work/synth_reposts" write-rewritten$s 700 "$work/rewritten-$script" 3
  awk -F'\t' '$3 != "not" {print $1 "\t" $2}' "$work/rewritten-$script/labels.tsv" > "$work/rewritten-$script/gold.tsv"
  /usr/bin/time -f "claimtrace graph rewritten-$script: $timefmt" \
    "$work/claimtrace" graph -q "$work/rewritten-$script/items.jsonl" -o "$work/rewritten-$script/graph.json"
  python3 scripts/reuse/eval_synth.py "$work/rewritten-$script/graph.json" "$work/rewritten-$script/gold.tsv"
done
clough=../shared/corpora/clough-stevenson-short-answers
if [ -d "$clough" ]; then
  python3 scripts/reuse/eval_clough.py --bin "$work/claimtrace" --keep "$work/clough"
fi
if [ -d "$giveme" ]; then
  /usr/bin/time -f "claimtrace graph giveme: $timefmt" "$work/claimtrace" graph -q "$giveme" -o "$work/giveme.json"
  python3 scripts/reuse/eval_giveme.py "$work/giveme.json"
  "$work/synth_reposts" plant 1000 "$giveme" "$work/plant1000"
  "$work/claimtrace" graph -q "$work/plant1000/items.jsonl" -o "$work/plant1000/graph.json"
  python3 scripts/reuse/eval_synth.py "$work/plant1000/graph.json" "$work/plant1000/gold.tsv"
fi

[ "${BASELINES:-1}" = 1 ] || exit 0
if python3 -c "import datasketch" 2>/dev/null; then
  for t in 0.3 0.5; do
    for n in $sizes; do
      /usr/bin/time -f "datasketch t=$t synth$n: $timefmt" python3 scripts/reuse/datasketch_pairs.py \
        --threshold $t "$work/synth$n/items.jsonl" > "$work/ds_synth${n}_$t.tsv"
      python3 scripts/reuse/eval_synth.py --pairs "$work/ds_synth${n}_$t.tsv" "$work/synth$n/gold.tsv"
    done
  done
  for script in latin urdu; do
    for t in 0.1 0.3; do
      /usr/bin/time -f "datasketch t=$t rewritten-$script: $timefmt" python3 scripts/reuse/datasketch_pairs.py \
        --threshold $t "$work/rewritten-$script/items.jsonl" > "$work/ds_rewritten_${script}_$t.tsv"
      python3 scripts/reuse/eval_synth.py --pairs "$work/ds_rewritten_${script}_$t.tsv" "$work/rewritten-$script/gold.tsv"
    done
  done
  # The small corpora at lower thresholds too: datasketch does best on them at 0.1–0.3.
  for t in 0.1 0.2 0.3 0.5; do
    /usr/bin/time -f "datasketch t=$t derived: $timefmt" python3 scripts/reuse/datasketch_pairs.py \
      --threshold $t "$work/derived/items.jsonl" > "$work/ds_derived_$t.tsv"
    python3 scripts/reuse/eval_synth.py --pairs "$work/ds_derived_$t.tsv" "$work/derived/gold.tsv"
    if [ -d "$giveme" ]; then
      /usr/bin/time -f "datasketch t=$t giveme: $timefmt" python3 scripts/reuse/datasketch_pairs.py \
        --threshold $t "$giveme" > "$work/ds_giveme_$t.tsv"
      python3 scripts/reuse/eval_giveme.py --pairs "$work/ds_giveme_$t.tsv" || true
    fi
  done
fi
if python3 -c "import passim" 2>/dev/null && command -v spark-submit >/dev/null; then
  for corpus in giveme synth1000 derived; do
    case $corpus in
      giveme) input=$giveme ;;
      *) input=$work/$corpus/items.jsonl ;;
    esac
    [ -e "$input" ] || continue
    /usr/bin/time -f "passim $corpus: $timefmt" python3 scripts/reuse/passim_pairs.py \
      --workdir "$work/passim-$corpus" "$input" > "$work/passim_$corpus.tsv"
    for m in 0 600; do
      python3 scripts/reuse/passim_pairs.py --workdir "$work/passim-$corpus" --reuse-output \
        --min-chars $m "$input" > "$work/passim_${corpus}_$m.tsv" 2>/dev/null
      echo "passim $corpus min-chars $m:"
      if [ "$corpus" = giveme ]; then
        python3 scripts/reuse/eval_giveme.py --pairs "$work/passim_${corpus}_$m.tsv" || true
      else
        python3 scripts/reuse/eval_synth.py --pairs "$work/passim_${corpus}_$m.tsv" "$work/$corpus/gold.tsv"
      fi
    done
  done
fi
