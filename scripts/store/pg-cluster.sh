#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the store's tests: `start` makes one under a temporary
# directory, listening on 127.0.0.1 only (port PGPORT, default 54329), with trust
# authentication for the `postgres` user, and prints the URL the tests read:
#
#   export CLAIMTRACE_PG_URL=$(scripts/store/pg-cluster.sh start)
#   cargo test --locked --test store
#   scripts/store/pg-cluster.sh stop
#
# `stop` stops it and removes its directory. Needs PostgreSQL's server binaries (Debian:
# `apt-get install postgresql`; found through pg_config or /usr/lib/postgresql/*/bin). Run as
# root it runs the server as the `postgres` user (initdb refuses root); run as anyone else it
# runs as that user.
set -euo pipefail

port="${PGPORT:-54329}"
dir="${CLAIMTRACE_PG_DIR:-${TMPDIR:-/tmp}/claimtrace-pg-$port}"

bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir
    return
  fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$d" ] || [ ! -x "$d/initdb" ]; then
    echo "pg-cluster: no PostgreSQL server binaries (apt-get install postgresql)" >&2
    exit 1
  fi
  echo "$d"
}

# Runs a command as the cluster's owner.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "${1:-}" in
  start)
    bin=$(bindir)
    if [ -f "$dir/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      echo "postgresql://postgres@127.0.0.1:$port/postgres"
      exit 0
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # Loopback only, the socket in the cluster's own directory; fsync off: a test cluster.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=100" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    bin=$(bindir)
    if [ -d "$dir/data" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
