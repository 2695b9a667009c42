#!/usr/bin/env bash
# make bench: generates (or reuses) a city-scale database and measures the
# read endpoints with wrk (32 connections), against nginx serving the same
# bytes on loopback as the ceiling, on SQLite and on PostgreSQL; monthly-
# report submissions (POST, durable, audited); start-up time and peak
# memory; the 1,000,000-row import. Prints a table and appends it to
# bench/RESULTS.md with the date, machine and commit.
#
# BENCH_SECONDS (default 10) per endpoint; BENCH_PG=0 skips PostgreSQL;
# BENCH_GEN_ARGS (e.g. "--enterprises 20000") and BENCH_SQLITE_DB make a
# smaller trial run (BENCH_IMPORT=0 skips the import; BENCH_RECORD=0 does not
# append to RESULTS.md);
# BENCH_COCKPIT=0 leaves out the cockpit (GET /api/v1/cockpit, issue 4);
# BENCH_UNCACHED=0 leaves out the second pass with the answer cache off
# (--cache-mb 0), which shows what a request costs when it must be computed.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${GUATU_BIN:-build/guatu}
DATA=bench/data
DUR=${BENCH_SECONDS:-10}
CONNS=32
mkdir -p "$DATA"
work=$(mktemp -d /tmp/guatu-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
            [ -n "${pgdir:-}" ] && tools/pg-test-server.sh stop "$pgdir" >/dev/null 2>&1 || true; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PW='Guatu#Perf2026'

prepare_db() { # $1 db url/path
  local db=$1
  # shellcheck disable=SC2086 # BENCH_GEN_ARGS is a list of flags
  "$BIN" gen --scale city --seed 1 ${BENCH_GEN_ARGS:-} --db "$db" >/dev/null 2>"$work/gen.log"
  printf '%s\n' "$PW" | "$BIN" user add bench --role leader --region 220100 --password-stdin --db "$db" >/dev/null
}

start_server() { # $1 db, [$2 cache MiB] -> sets url, spid, startup_ms
  local db=$1 port; port=$(free_port)
  local t0; t0=$(date +%s%N)
  "$BIN" serve --db "$db" --listen "127.0.0.1:$port" --threads 4 --cache-mb "${2:-16}" --log-level warn >"$work/serve.out" 2>"$work/serve.err" &
  spid=$!; pids+=("$spid")
  until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.005; done
  startup_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  url="http://127.0.0.1:$port"
}

login() { # [$1 username] -> sets cookie, csrf (changes the forced password once)
  local r who=${1:-bench}
  r=$(curl -s -c "$work/cj" -H 'Content-Type: application/json' -d "{\"username\":\"$who\",\"password\":\"$PW\"}" "$url/api/v1/session")
  csrf=$(printf '%s' "$r" | python3 -c 'import sys,json; print(json.load(sys.stdin)["csrf_token"])')
  if printf '%s' "$r" | grep -q '"must_change_password":true'; then
    curl -s -b "$work/cj" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
      -d "{\"old_password\":\"$PW\",\"new_password\":\"${PW}2\"}" "$url/api/v1/me/password" >/dev/null
    PW="${PW}2"
  fi
  cookie=$(awk '$6=="guatu_session"{print "guatu_session="$7}' "$work/cj")
}

run_wrk() { # $1 url [wrk options…] -> "rps p50ms p99ms non2xx requests"
  local u=$1; shift
  wrk -t2 -c$CONNS -d"${DUR}s" --latency -H "Cookie: $cookie" "$@" "$u" >"$work/wrk.txt" 2>&1 || true
  python3 - "$work/wrk.txt" <<'PY'
import re,sys
t=open(sys.argv[1]).read()
def ms(label):
    m=re.search(r'^\s*'+label+r'\s+([\d.]+)(us|ms|s)\s*$', t, re.M)
    if not m: return float('nan')
    v=float(m.group(1)); return v/1000 if m.group(2)=='us' else v*1000 if m.group(2)=='s' else v
rps=re.search(r'Requests/sec:\s+([\d.]+)', t)
non2xx=re.search(r'Non-2xx or 3xx responses:\s+(\d+)', t)
total=re.search(r'(\d+) requests in', t)
print(f"{float(rps.group(1)) if rps else 0:.0f} {ms('50%'):.2f} {ms('99%'):.2f} {non2xx.group(1) if non2xx else 0} {total.group(1) if total else 0}")
PY
}

start_nginx() { # serves $work/static on a port -> nginx_url
  local port; port=$(free_port)
  mkdir -p "$work/nginx"
  cat >"$work/nginx/nginx.conf" <<NG
worker_processes 2; pid $work/nginx/nginx.pid; error_log $work/nginx/error.log;
events { worker_connections 1024; }
http { access_log off; default_type application/json;
  server { listen 127.0.0.1:$port; root $work/static; location / { try_files \$uri =404; } } }
NG
  nginx -c "$work/nginx/nginx.conf" -p "$work/nginx"
  pids+=("$(cat "$work/nginx/nginx.pid")")
  nginx_url="http://127.0.0.1:$port"
}

ENDPOINTS=(
  "enterprise search 消防装备|/api/v1/enterprises?q=%E6%B6%88%E9%98%B2%E8%A3%85%E5%A4%87"
  "enterprise list 朝阳区 p3|/api/v1/enterprises?region=220104&page=3"
  "enterprise detail|/api/v1/enterprises/123457"
  "project list 在建 by investment|/api/v1/projects?stage=building&sort=total_investment&order=desc"
  "project detail|/api/v1/projects/{PROJECT}"
  "me|/api/v1/me"
)
# ---- the cockpit (issue 4), measured like the other reads ----
if [ "${BENCH_COCKPIT:-1}" = 1 ]; then
  ENDPOINTS=("cockpit 长春市|/api/v1/cockpit?region=220100" "${ENDPOINTS[@]}")
fi

# Runs SQL on the database under test (sqlite3 or psql), for set-up checks.
db_sql() { # $1 db, $2 sql
  case $1 in
    postgres://*|postgresql://*) psql -qtA "$1" -c "$2" ;;
    *) sqlite3 "$1" "$2" ;;
  esac
}

# Monthly-report submissions: POST drafts by a 包保 leader of 朝阳区, each a
# durable transaction with its audit record (counted afterwards).
bench_reports() { # $1 label, $2 db
  local label=$1 db=$2 who=gen_220104_1 ids before after saved_pw=$PW saved_cookie=$cookie
  PW='Guatu#Perf2026'
  printf '%s\n' "$PW" | "$BIN" user passwd "$who" --password-stdin --db "$db" >/dev/null
  db_sql "$db" "DELETE FROM project_reports WHERE progress_text = '压测 bench'" >/dev/null
  login "$who"
  ids=$(curl -s -H "Cookie: $cookie" "$url/api/v1/projects?leader_id=me&per_page=500" |
        python3 -c 'import sys,json; print(",".join(str(p["id"]) for p in json.load(sys.stdin)["items"]))')
  before=$(db_sql "$db" "SELECT COUNT(*) FROM audit_log WHERE action = 'report_create'")
  read -r rps p50 p99 bad total < <(BENCH_IDS=$ids BENCH_COOKIE=$cookie BENCH_CSRF=$csrf \
    run_wrk "$url/" -s bench/report-submit.lua)
  after=$(db_sql "$db" "SELECT COUNT(*) FROM audit_log WHERE action = 'report_create'")
  rows+=("$label|report submission (POST, audited)|$rps|$p50|$p99|$bad|")
  extra+=("$label: report submissions: $((total - bad)) of $total requests answered 2xx; audit records written: $((after - before)) (requests in flight when wrk stops commit too; synchronous=FULL on SQLite, fsync on commit on PostgreSQL)")
  PW=$saved_pw cookie=$saved_cookie
}

bench_reads() { # $1 label, $2 project id: every read endpoint, its bytes kept for nginx
  local label=$1 project=$2
  for e in "${ENDPOINTS[@]}"; do
    local name=${e%%|*} path=${e#*|} f
    path=${path//\{PROJECT\}/$project}
    f="$work/static/$(printf '%s' "$name" | md5sum | cut -c1-8).json"
    curl -s -H "Cookie: $cookie" "$url$path" >/dev/null   # warm: e.g. the day's status lights
    curl -s -H "Cookie: $cookie" "$url$path" >"$f"
    read -r rps p50 p99 bad _ < <(run_wrk "$url$path")
    rows+=("$label|$name|$rps|$p50|$p99|$bad|$(basename "$f")")
  done
}

peak_mb() { awk '/VmHWM/{printf "%d", $2 / 1024}' "/proc/$1/status"; }

bench_backend() { # $1 label, $2 db
  local label=$1 db=$2
  PW='Guatu#Perf2026'   # reset: a reused database holds the last run's password
  printf '%s\n' "$PW" | "$BIN" user passwd bench --password-stdin --db "$db" >/dev/null
  start_server "$db"; login
  local project mb
  mkdir -p "$work/static"
  # the first project under construction: reports, procedures, milestones, problems
  project=$(curl -s -H "Cookie: $cookie" "$url/api/v1/projects?stage=building&per_page=1" |
            python3 -c 'import sys,json; print(json.load(sys.stdin)["items"][0]["id"])')
  bench_reads "$label" "$project"
  bench_reports "$label" "$db"
  if [ "$label" = SQLite ] && [ -x /usr/bin/chromium ]; then
    read -r t_login t_cockpit t_chart t_min t_max n_runs < <(node bench/first-render.mjs "$url/" bench "$PW")
    extra+=("first render, cold Chromium: login page ${t_login} ms; cockpit figures ${t_cockpit} ms (median of ${n_runs} cold loads, each after a fresh login; ${t_min}–${t_max} ms), its trend chart ${t_chart} ms")
    results+=("render_ms=$t_cockpit")
  fi
  mb=$(peak_mb "$spid")
  extra+=("$label: ready ${startup_ms} ms after start; peak resident memory ${mb} MB")
  results+=("ready_ms@$label=$startup_ms" "peak_mb@$label=$mb")
  kill "$spid"; wait "$spid" 2>/dev/null || true
  if [ "${BENCH_UNCACHED:-1}" = 1 ]; then
    start_server "$db" 0; login
    bench_reads "$label, no cache" "$project"
    mb=$(peak_mb "$spid")
    extra+=("$label with the answer cache off (--cache-mb 0): peak resident memory ${mb} MB")
    results+=("peak_mb@$label, no cache=$mb")
    kill "$spid"; wait "$spid" 2>/dev/null || true
  fi
}

rows=(); extra=(); results=()
sqlite_db=${BENCH_SQLITE_DB:-$DATA/city.db}
if [ ! -f "$sqlite_db" ]; then
  echo "generating city-scale SQLite database (once)..."
  t0=$(date +%s); prepare_db "$sqlite_db"; extra+=("SQLite city generation: $(( $(date +%s) - t0 )) s")
fi
bench_backend SQLite "$sqlite_db"

if [ "${BENCH_PG:-1}" = 1 ]; then
  # durable settings (the test server's default is fsync off): writes are measured as in production
  pgdir="$work/pg"; pg_url=$(GUATU_PG_DURABLE=1 tools/pg-test-server.sh start "$pgdir")
  echo "generating city-scale PostgreSQL database..."
  t0=$(date +%s); prepare_db "$pg_url"; extra+=("PostgreSQL city generation: $(( $(date +%s) - t0 )) s")
  bench_backend PostgreSQL "$pg_url"
fi

# Import of 1,000,000 enterprises from CSV (the city's own, exported once),
# against sqlite3's .import of the same file into a bare table as the floor.
if [ "${BENCH_IMPORT:-1}" = 1 ]; then
csv="$DATA/enterprises-1m.csv"
[ -f "$csv" ] || "$BIN" export enterprises --format csv --db "$sqlite_db" >"$csv"
idb="$work/import.db"
"$BIN" gen --scale city --enterprises 0 --projects 0 --db "$idb" >/dev/null 2>&1   # regions only
t0=$(date +%s%N); "$BIN" import enterprises "$csv" --db "$idb" >/dev/null 2>"$work/import.err"
t_imp=$(( ($(date +%s%N) - t0) / 1000000 ))
t0=$(date +%s%N); sqlite3 "$work/floor.db" ".mode csv" ".import $csv ent" >/dev/null
t_floor=$(( ($(date +%s%N) - t0) / 1000000 ))
extra+=("import of 1,000,000 enterprises from CSV (validated, one transaction, FTS rebuilt): ${t_imp} ms; sqlite3 .import of the same file: ${t_floor} ms")
results+=("import_ms=$t_imp")
fi
web_bytes=$(node bench/web-bytes.mjs web/dist)
extra+=("initial web bytes (index.html + referenced JS/CSS, gzipped): $web_bytes bytes")
results+=("web_bytes=$web_bytes")
start_nginx
table="| backend | endpoint | req/s | p50 ms | p99 ms | non-2xx | nginx req/s (same bytes) | % of nginx |
|---|---|---|---|---|---|---|---|"
for r in "${rows[@]}"; do
  IFS='|' read -r b n rps p50 p99 bad file <<<"$r"
  if [ -z "$file" ]; then # a write: nginx has no counterpart
    table+=$'\n'"| $b | $n | $rps | $p50 | $p99 | $bad | — | — |"
    continue
  fi
  read -r nrps _ _ _ _ < <(run_wrk "$nginx_url/$file")
  pct=$(python3 -c "print(f'{100*$rps/max($nrps,1):.0f}%')")
  table+=$'\n'"| $b | $n | $rps | $p50 | $p99 | $bad | $nrps | $pct |"
done
targets=$(printf '%s\n' "${results[@]}" | python3 bench/targets.py <(echo "$table"))
echo "$table"
echo
echo "$targets"
printf '%s\n' "${extra[@]}"
[ "${BENCH_RECORD:-1}" = 1 ] && {
  echo; echo "## $(date -u +%Y-%m-%d) — commit $(git rev-parse --short HEAD)"
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); wrk -t2 -c$CONNS -d${DUR}s"
  echo; echo "$table"; echo; echo "$targets"; echo; printf -- '- %s\n' "${extra[@]}"
} >>bench/RESULTS.md
