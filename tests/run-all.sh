#!/usr/bin/env bash
# Runs every test: unit (cmocka, under ASan+UBSan), API on SQLite and on a
# real PostgreSQL server started here, and the browser test in Debian's
# chromium. Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d /tmp/guatu-test.XXXXXX)
pass=0; fail=0
add() { pass=$((pass + $1)); fail=$((fail + $2)); }

echo "== style: banned functions"
if tools/check-banned.sh; then add 1 0; else add 0 1; fi

echo "== unit tests (ASan + UBSan)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for t in build/tests/test_*; do
  [ -x "$t" ] || continue
  log="$out/$(basename "$t").log"
  # PostgreSQL parts of test_store_* run in the PostgreSQL stage below.
  GUATU_TEST_ALLOW_NO_PG=1 GUATU_TEST_PG_URL= "$t" >"$log" 2>&1; rc=$?
  p=$(grep -aoE '\[  PASSED  \] [0-9]+' "$log" | awk '{s+=$4} END {print s+0}')
  f=$(grep -aoE '\[  FAILED  \] [0-9]+ test' "$log" | awk '{s+=$4} END {print s+0}')
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # crash or sanitizer report
  add "$p" "$f"
  printf '  %-32s %3d passed, %d failed\n' "$(basename "$t")" "$p" "$f"
  [ "$f" -eq 0 ] || tail -n 30 "$log"
done

node_tests() { # $1 label, rest: files; env passes through
  local label=$1; shift
  local tap="$out/$label.tap"
  node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
       --test-reporter=tap --test-reporter-destination="$tap" "$@"
  local p f
  p=$(grep -aE '^# pass [0-9]+' "$tap" | awk '{print $3}'); f=$(grep -aE '^# fail [0-9]+' "$tap" | awk '{print $3}')
  [ -n "$p" ] || { p=0; f=1; echo "  $label: the test runner did not finish"; }
  add "$p" "${f:-0}"
  echo "  $label: $p passed, ${f:-0} failed"
}

pgdir="$out/pg"
pg_url=$(tools/pg-test-server.sh start "$pgdir") || { echo "PostgreSQL test server failed to start"; add 0 1; }
trap 'tools/pg-test-server.sh stop "$pgdir" >/dev/null 2>&1' EXIT

if [ -n "${pg_url:-}" ]; then
  echo "== store backends on PostgreSQL ($pg_url)"
  for t in build/tests/test_store_*; do
    [ -x "$t" ] || continue
    log="$out/$(basename "$t").pg.log"
    GUATU_TEST_PG_URL="$pg_url" "$t" >"$log" 2>&1; rc=$?
    p=$(grep -aoE '\[  PASSED  \] [0-9]+' "$log" | awk '{s+=$4} END {print s+0}')
    f=$(grep -aoE '\[  FAILED  \] [0-9]+ test' "$log" | awk '{s+=$4} END {print s+0}')
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    add "$p" "$f"; echo "  $(basename "$t") on PostgreSQL: $p passed, $f failed"
    [ "$f" -eq 0 ] || tail -n 30 "$log"
  done
fi

echo "== API tests on SQLite"
GUATU_TEST_BACKEND=sqlite node_tests api-sqlite tests/api/*.test.mjs
if [ -n "${pg_url:-}" ]; then
  echo "== API tests on PostgreSQL"
  GUATU_TEST_BACKEND=postgres GUATU_TEST_PG_URL="$pg_url" node_tests api-postgres tests/api/*.test.mjs
fi

if ls tests/e2e/*.test.mjs >/dev/null 2>&1; then
  echo "== browser tests (chromium)"
  GUATU_SCREENSHOT_DIR="${GUATU_SCREENSHOT_DIR:-$out/screenshots}" node_tests e2e tests/e2e/*.test.mjs
  echo "  screenshots: ${GUATU_SCREENSHOT_DIR:-$out/screenshots}"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
