# Sourced by the store's benchmarks (bench.sh, bench-1m.sh): from the repository's root, it
# makes the work directory ($work: $WORK, or a temporary one removed on exit), builds the
# release binary and the corpus generator, copies the binary to $bin (the build directory may
# be shared: measure a private copy), sets $target, and defines `measure`.

if [ -n "${WORK:-}" ]; then work=$WORK; mkdir -p "$work"; else
  work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fi
cargo build -q --release --locked --bin claimtrace --example synth_reposts
target=${CARGO_TARGET_DIR:-target}
cp "$target/release/claimtrace" "$work/claimtrace"
bin=$work/claimtrace

# Wall time, CPU time (user + system, all threads: on a machine shared with other builds the
# steadier of the two) and peak memory of one command; its output goes to $out (/dev/null
# unless the script sets it). The last measurement's CPU seconds and peak MB are left in $cpu
# and $mb.
out=/dev/null
measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$out"
  read -r secs user sys kb <"$work/time"
  cpu=$(awk "BEGIN { print $user + $sys }")
  mb=$((kb / 1024))
  printf '%-48s %8.2f s %8.2f s cpu %6d MB peak\n' "$label" "$secs" "$cpu" "$mb"
}
