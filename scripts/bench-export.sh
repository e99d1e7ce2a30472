#!/usr/bin/env bash
# Whole-run speed and peak memory of `claimtrace graph` on generated records (issue 2).
# Usage: scripts/bench-export.sh [RECORDS]   (default 500000 records ≈ 1M nodes)
# Needs GNU time (/usr/bin/time). Prints nodes, seconds, output MB and peak RSS per node.
set -euo pipefail
records=${1:-500000}
cd "$(dirname "$0")/.."
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$records" >"$work/records.jsonl" <<'PY'
import sys
n = int(sys.argv[1])
out = sys.stdout
for i in range(n):
    day, month, year = 1 + i % 28, 1 + (i // 28) % 12, 2000 + (i // 336) % 9
    out.write('{"id":"rec-%d","outlet":"Outlet number %d","url":"https://outlet%d.example/story/%d",'
              '"title":"Generated story %d about \\"topic\\" %d","author":"Writer%d Surname",'
              '"published":"%d-%02d-%02d","language":"en","text":"Story %d: the council said on Monday '
              'that the bridge would reopen. Residents welcomed the news and asked about the cost of repairs."}\n'
              % (i, i % 500, i % 500, i, i, i % 97, i, year, month, day, i))
PY
echo "input: $(du -m "$work/records.jsonl" | cut -f1) MB, $records records"
for fmt in json dot; do
  /usr/bin/time -f "%e %M" -o "$work/time" target/release/claimtrace graph -q --format "$fmt" "$work/records.jsonl" >"$work/out.$fmt"
  read -r secs kb <"$work/time"
  nodes=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['nodes']))" "$work/out.json" 2>/dev/null || echo "?")
  mb=$(du -m "$work/out.$fmt" | cut -f1)
  echo "$fmt: ${secs}s whole run, output ${mb} MB, peak RSS $((kb / 1024)) MB, nodes $nodes, bytes/node $(python3 -c "print(round($kb*1024/$nodes) if '$nodes'!='?' else '?')")"
done
