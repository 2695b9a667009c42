#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests.
#   tools/pg-test-server.sh start DIR   prints postgres://guatu@127.0.0.1:PORT/guatu
#   tools/pg-test-server.sh stop DIR    stops it and removes its data
# The server listens on 127.0.0.1 only, on a free port, trusts every local
# connection and runs with fsync off: it is for tests and nothing else.
# As root, the server runs as an unprivileged user (PostgreSQL refuses root):
# guatu-test, created when missing, or nobody. When that user cannot reach
# DIR (e.g. under a private mktemp directory), the cluster lives in a fresh
# directory under /tmp that DIR/cluster points to.
# GUATU_PG_KEEP=1 keeps the data directory on stop. GUATU_PG_DURABLE=1
# keeps PostgreSQL's durable defaults (fsync, synchronous commit, full page
# writes): make bench measures writes as production would make them.
set -euo pipefail

die() { echo "pg-test-server: $*" >&2; exit 1; }
warn() { echo "pg-test-server: warning: $*" >&2; }

find_bindir() {
  local d
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    d=$(dirname "$(readlink -f "$(command -v initdb)")")
    [ -x "$d/postgres" ] && { echo "$d"; return; }
  fi
  for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ] && { echo "$d"; return; }
  done
  die "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found; install postgresql"
}

find_psql() {
  if [ -x "$bindir/psql" ]; then echo "$bindir/psql"; return; fi
  command -v psql || die "psql not found; install postgresql-client"
}

pick_user() {
  if id guatu-test >/dev/null 2>&1; then echo guatu-test; return; fi
  if command -v useradd >/dev/null 2>&1 &&
     useradd --system --no-create-home --home-dir /nonexistent \
             --shell /usr/sbin/nologin guatu-test >/dev/null 2>&1; then
    echo guatu-test; return
  fi
  id guatu-test >/dev/null 2>&1 && { echo guatu-test; return; } # created concurrently
  echo nobody
}

# as_user CMD...: runs CMD as $run_user (or as ourselves when not root).
as_user() {
  if [ -z "$run_user" ]; then "$@"; return; fi
  if command -v runuser >/dev/null 2>&1; then
    runuser -u "$run_user" -- "$@"
  elif command -v setpriv >/dev/null 2>&1; then
    setpriv --reuid="$run_user" --regid="$(id -g "$run_user")" --init-groups -- "$@"
  else
    # shellcheck disable=SC2016 # the inner shell expands them
    su -s /bin/sh "$run_user" -c '"$0" "$@"' -- "$@"
  fi
}

port_in_use() { (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local p i
  for i in $(seq 1 50); do
    p=$((15000 + RANDOM % 17000))
    port_in_use "$p" || { echo "$p"; return; }
  done
  die "no free port found"
}

# The cluster directory: DIR/cluster itself, or one under /tmp it links to.
make_cluster_dir() {
  if [ -e "$dir/cluster" ] && [ ! -f "$dir/cluster/.guatu-pg-test" ]; then
    die "$dir/cluster exists and was not made by this script"
  fi
  if [ -n "$run_user" ] && ! as_user test -x "$dir" 2>/dev/null; then
    cluster=$(mktemp -d /tmp/guatu-pg.XXXXXX)
    ln -sfn "$cluster" "$dir/cluster"
  else
    cluster="$dir/cluster"
    rm -rf "$cluster"
    mkdir -p "$cluster"
  fi
  touch "$cluster/.guatu-pg-test"
  [ -z "$run_user" ] || chown -R "$run_user" "$cluster"
  chmod 700 "$cluster"
}

init_cluster() {
  local lc=(--locale=C)
  # C collation (byte order) with UTF-8 character classes, so that pg_trgm
  # and upper()/lower() understand Chinese text.
  local locales help extra=()
  locales=$(locale -a 2>/dev/null || true)
  if grep -qixE 'c\.utf-?8' <<<"$locales"; then lc+=(--lc-ctype=C.UTF-8); fi
  help=$("$bindir/initdb" --help)
  [[ $help != *--no-instructions* ]] || extra+=(--no-instructions)
  as_user "$bindir/initdb" -D "$cluster/data" -U guatu --auth=trust --encoding=UTF8 \
    "${lc[@]}" --no-sync "${extra[@]}" >"$cluster/initdb.log" 2>&1 ||
    { cat "$cluster/initdb.log" >&2; die "initdb failed"; }
  cat >>"$cluster/data/postgresql.conf" <<EOF

# guatu test server
listen_addresses = '127.0.0.1'
unix_socket_directories = '$cluster'
$(if [ "${GUATU_PG_DURABLE:-0}" = 1 ]; then echo "# durable: PostgreSQL's defaults"; else
  printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n'; fi)
max_connections = 200
log_min_messages = warning
log_line_prefix = '%m [%p] '
EOF
}

# Starts the postmaster; retries on another port when one was taken meanwhile.
start_server() {
  local try
  for try in 1 2 3; do
    port=$(free_port)
    if as_user "$bindir/pg_ctl" -D "$cluster/data" -l "$cluster/postgres.log" \
         -o "-p $port" -w -t 30 start >/dev/null 2>&1; then
      return
    fi
    warn "start on port $port failed (try $try)"
  done
  tail -n 20 "$cluster/postgres.log" >&2 || true
  die "the server did not start"
}

psql_run() { # DB SQL
  PGCONNECT_TIMEOUT=10 "$psql" -X -q -At -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$port" -U guatu -d "$1" -c "$2"
}

setup_database() {
  # In template1 first, so databases the tests create have it too.
  psql_run template1 "CREATE EXTENSION IF NOT EXISTS pg_trgm" >/dev/null 2>&1 ||
    warn "extension pg_trgm unavailable (install postgresql-contrib); trigram search disabled"
  psql_run postgres "CREATE DATABASE guatu" >/dev/null
  psql_run guatu "CREATE EXTENSION IF NOT EXISTS pg_trgm" >/dev/null 2>&1 || true
}

server_pid() { # prints the running postmaster's PID from our pidfile, if any
  local pid
  [ -f "$dir/postgres.pid" ] || return 1
  pid=$(head -n 1 "$dir/postgres.pid")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [ -r "/proc/$pid/cmdline" ]; then
    grep -aq postgres "/proc/$pid/cmdline" || return 1
  fi
  echo "$pid"
}

cmd_start() {
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd -P)
  if server_pid >/dev/null; then cat "$dir/url"; return; fi
  bindir=$(find_bindir)
  psql=$(find_psql)
  run_user=""
  [ "$(id -u)" != 0 ] || run_user=$(pick_user)
  make_cluster_dir
  init_cluster
  start_server
  head -n 1 "$cluster/data/postmaster.pid" >"$dir/postgres.pid"
  setup_database
  echo "postgres://guatu@127.0.0.1:$port/guatu" | tee "$dir/url"
}

wait_gone() { # PID TENTHS
  local i
  for ((i = 0; i < $2; i++)); do
    kill -0 "$1" 2>/dev/null || return 0
    sleep 0.1
  done
  return 1
}

cmd_stop() {
  [ -d "$dir" ] || return 0
  dir=$(cd "$dir" && pwd -P)
  local pid
  if pid=$(server_pid); then
    kill -INT "$pid" 2>/dev/null || true           # fast shutdown
    wait_gone "$pid" 150 || { kill -QUIT "$pid" 2>/dev/null || true; wait_gone "$pid" 50; } ||
      { kill -KILL "$pid" 2>/dev/null || true; wait_gone "$pid" 20 || true; }
  fi
  rm -f "$dir/postgres.pid" "$dir/url"
  local c
  c=$(readlink -f "$dir/cluster" 2>/dev/null) || return 0
  if [ -f "$c/postgres.log" ]; then cp "$c/postgres.log" "$dir/postgres.log" 2>/dev/null || true; fi
  if [ "${GUATU_PG_KEEP:-0}" != 1 ] && [ -f "$c/.guatu-pg-test" ]; then
    rm -rf "$c"
    rm -f "$dir/cluster"
  fi
}

[ $# -eq 2 ] || die "usage: $0 start|stop DIR"
dir=$2
case $1 in
  start) cmd_start ;;
  stop) cmd_stop ;;
  *) die "usage: $0 start|stop DIR" ;;
esac
