#!/usr/bin/env bash
# Peak memory and time of `claimtrace graph` on the hostile inputs of issue 18, generated here
# (nothing is committed): quote-dense text, one huge JSON line, a gzip bomb, a compressed
# quote-dense dump, deeply nested HTML. Prints each input's size, the peak RSS (GNU time's %M),
# its ratio to the input, the wall time and how the run ended. docs/limits.md has the numbers.
#
# Usage: scripts/limits/measure.sh [MB]     (MB: size of the big inputs, default 300 and 500)
# Needs GNU time (/usr/bin/time), python3 and gzip; writes its inputs under $TMPDIR (about
# 1 GB at the default sizes) and removes them when done.
set -euo pipefail
text_mb=${1:-300}
json_mb=$(( ${1:-300} * 5 / 3 ))
cd "$(dirname "$0")/../.."
cargo build --release --quiet
bin=$PWD/target/release/claimtrace
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
line='The minister said the bridge will stay closed for months, officials confirmed.'

python3 - "$work" "$text_mb" "$json_mb" "$line" <<'PY'
import gzip, json, sys, zlib
work, text_mb, json_mb, line = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
row = (line + "\n").encode()
with open(f"{work}/quote-dense.txt", "wb") as f:
    block = row * ((1 << 20) // len(row))
    for _ in range(text_mb * (1 << 20) // len(block)):
        f.write(block)
with open(f"{work}/one-line.jsonl", "w") as f:
    f.write('{"id":"big-1","text":"' + (line + " ") * (json_mb * 1000000 // (len(line) + 1)) + '"}\n')
# A 6 GiB bomb as concatenated gzip members of 1 MiB of zeros each (a .warc.gz is read alike).
member = gzip.compress(bytes(1 << 20), compresslevel=9)
with open(f"{work}/bomb.jsonl.gz", "wb") as f:
    for _ in range(6 << 10):
        f.write(member)
# 3.5 GiB of quote-dense lines compressed: under the input limit's old 4 GiB, over 100:1.
with gzip.open(f"{work}/quote-dense-3.5g.txt.gz", "wb", compresslevel=6) as f:
    chunk = row * ((64 << 20) // len(row))
    for _ in range(56):
        f.write(chunk)
head = "<!DOCTYPE html><html><head><title>Deep</title></head><body>"
open(f"{work}/spans-140k.html", "w").write(head + "<span>" * 140000 + "x")
open(f"{work}/divs-100k.html", "w").write(head + "<div>" * 100000 + "x")
open(f"{work}/blocks-256x700.html", "w").write(head + ("<div>" * 256 + "x" + "</div>" * 256) * 700)
PY

printf '%-28s %10s %10s %7s %8s  %s\n' input "size MB" "peak MB" "peak/in" seconds result
for f in quote-dense.txt one-line.jsonl bomb.jsonl.gz quote-dense-3.5g.txt.gz spans-140k.html \
         divs-100k.html blocks-256x700.html; do
  set +e
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" graph -q "$work/$f" >"$work/out.json" 2>"$work/err"
  code=$?
  set -e
  read -r secs kb < <(tail -n 1 "$work/time")
  bytes=$(stat -c %s "$work/$f")
  size=$(( bytes / 1000000 ))
  peak=$(( kb * 1024 / 1000000 ))
  result="exit $code"
  if [ "$code" -ne 0 ]; then
    result="$result: $(head -c 90 "$work/err")"
  else
    result="$result, $(grep -c '"kind":"item"' "$work/out.json") item(s)"
  fi
  ratio=$(python3 -c "print(f'{$kb * 1024 / $bytes:.2f}')")
  printf '%-28s %10s %10s %7s %8s  %s\n' "$f" "$size" "$peak" "$ratio" "$secs" "$result"
done
