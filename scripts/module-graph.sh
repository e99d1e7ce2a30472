#!/usr/bin/env bash
# Draws the library's module imports (one box per top-level module, an arrow for each `use`) with
# cargo-modules (`cargo install cargo-modules --locked`), as docs/modules.svg and as the Mermaid
# block in ARCHITECTURE.md, and fails if the modules import each other in a cycle.
#
# usage: scripts/module-graph.sh          (rewrites docs/modules.svg and the block in ARCHITECTURE.md)
set -euo pipefail
cd "$(dirname "$0")/.."
raw=$(cargo modules dependencies -p claimtrace --lib --no-externs --no-fns --no-types --no-traits \
  --no-sysroot --no-owns --max-depth 1 --layout dot)
# "claimtrace::a" -> "claimtrace::b" lines, the crate root's re-exports left out.
edges=$(printf '%s\n' "$raw" | sed -n 's/^ *"claimtrace::\([a-z_]*\)" -> "claimtrace::\([a-z_]*\)".*/\1 \2/p' |
  grep -v '^internals ' | sort -u)
python3 - "$edges" <<'PY'
import sys
edges = [l.split() for l in sys.argv[1].splitlines() if l.strip()]
graph = {}
for a, b in edges:
    graph.setdefault(a, set()).add(b)
    graph.setdefault(b, set())
state = {}
def visit(n, path):
    state[n] = 1
    for m in sorted(graph[n]):
        if state.get(m) == 1:
            sys.exit("import cycle: " + " -> ".join(path + [n, m]))
        if m not in state:
            visit(m, path + [n])
    state[n] = 2
for n in sorted(graph):
    if n not in state:
        visit(n, [])
PY
{
  echo 'digraph modules {'
  echo '  rankdir=TB; node [shape=box, fontname="Helvetica", fontsize=11]; edge [color="#777777"];'
  printf '%s\n' "$edges" | awk '{printf "  \"%s\" -> \"%s\";\n", $1, $2}'
  echo '}'
} | dot -Tsvg > docs/modules.svg
block=$( { echo '```mermaid'; echo 'flowchart TD'; printf '%s\n' "$edges" | awk '{printf "  %s --> %s\n", $1, $2}'; echo '```'; } )
python3 - "$block" <<'PY'
import re, sys
p = "ARCHITECTURE.md"
s = open(p, encoding="utf-8").read()
start, end = "<!-- module-graph:start -->", "<!-- module-graph:end -->"
new = start + "\n" + sys.argv[1] + "\n" + end
s = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda m: new, s, flags=re.S) if start in s else s
open(p, "w", encoding="utf-8").write(s)
PY
echo "no import cycle; wrote docs/modules.svg and ARCHITECTURE.md's module graph"
