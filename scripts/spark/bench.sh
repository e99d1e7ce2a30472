#!/usr/bin/env bash
# The Spark job in local mode against the command line on N synthetic items (issue 17): wall
# time and peak memory of each, and the sizes of the job's join (--stats). Usage:
#   [DRIVER_MEMORY=8g] [JOB=claimtrace.spark] scripts/spark/bench.sh N [MASTER] [PARTITIONS]
# JOB names the job's module: another version of the job installed beside this one (a copy of
# an earlier spark.py in the package) is measured back to back with it.
# Needs a release build of the command line (target/release/claimtrace, or CLAIMTRACE=path),
# the package installed in release (pip install ./python) into PYTHON's environment
# (default .venv/bin/python) with pyspark, and Java. Peak memory is the largest sum of the RSS
# of the run's whole process tree (the JVM and Python workers included), sampled every 0.2 s,
# and the peak of the Python driver alone.
# The shuffle the job wrote, by stage, comes from Spark's event log (scripts/spark/shuffle.py).
set -euo pipefail
n=${1:?N items}
master=${2:-local[2]}
partitions=${3:-}
cd "$(dirname "$0")/../.."
python=${PYTHON:-.venv/bin/python}
cli=${CLAIMTRACE:-target/release/claimtrace}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The corpus generator's speed is not measured: its debug build will do.
[[ -x target/debug/examples/synth_reposts ]] || cargo build --quiet --example synth_reposts
target/debug/examples/synth_reposts write "$n" "$work/synth" >/dev/null
echo "input: $(du -m "$work/synth/items.jsonl" | cut -f1) MB, $n items; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# The RSS (KB) of process $1 and all its descendants.
tree_kb() {
  ps -e -o pid=,ppid=,rss= | awk -v root="$1" '
    { parent[$1] = $2; rss[$1] = $3 }
    END { for (p in parent) { q = p; while (q != root && q in parent && q > 1) q = parent[q]; if (q == root) s += rss[p] } print s + 0 }'
}

# The CPU seconds (user and system) so far of each process in the tree of process $1: "pid
# seconds" lines.
tree_cpu() {
  ps -e -o pid=,ppid=,times= | awk -v root="$1" '
    { parent[$1] = $2; t[$1] = $3 }
    END { for (p in parent) { q = p; while (q != root && q in parent && q > 1) q = parent[q]; if (q == root) print p, t[p] } }'
}

# Runs "${@:2}" with its output to file $1; prints wall seconds, the CPU seconds of its process
# tree (each process's last sample: on a machine shared with other work, what the run itself
# took), the peak MB of its process tree and that of the process itself (of the Spark job: the
# Python driver, without the JVM and the Python workers).
measure() {
  local out=$1 start peak=0 own=0 kb pid_cpu cpu
  shift
  declare -A last=()
  start=$(date +%s.%N)
  "$@" >"$out" 2>"$out.err" &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    kb=$(tree_kb "$pid")
    ((kb > peak)) && peak=$kb
    kb=$(ps -o rss= -p "$pid" || echo 0)
    ((kb > own)) && own=$kb
    while read -r pid_cpu cpu; do last[$pid_cpu]=$cpu; done < <(tree_cpu "$pid")
    sleep 0.2
  done
  wait "$pid"
  cpu=0
  for pid_cpu in "${!last[@]}"; do cpu=$((cpu + last[$pid_cpu])); done
  echo "$(echo "$(date +%s.%N) - $start" | bc) s, cpu $cpu s, peak $((peak / 1024)) MB, of the process itself $((own / 1024)) MB"
}

echo "cli:   $(measure "$work/cli.json" "$cli" graph -q "$work/synth/items.jsonl")"
args=("$work/synth/items.jsonl" --out "$work/parts" --master "$master" --no-parquet --stats
  --driver-memory "${DRIVER_MEMORY:-8g}")
[[ -n $partitions ]] && args+=(--partitions "$partitions")
mkdir "$work/events"
echo "spark: $(PYSPARK_SUBMIT_ARGS="--conf spark.eventLog.enabled=true --conf spark.eventLog.dir=file://$work/events --conf spark.eventLog.compress=false pyspark-shell" \
  measure "$work/stats.json" "$python" -m "${JOB:-claimtrace.spark}" "${args[@]}")"
echo "join:  $(cat "$work/stats.json")"
"$python" scripts/spark/shuffle.py "$work/events"
"$cli" graph -q --from-parts "$work/parts" -o "$work/parts.json"
cmp -s "$work/cli.json" "$work/parts.json" && echo "same graph: yes" || echo "same graph: NO"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
