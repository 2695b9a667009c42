#!/usr/bin/env bash
# Installs what the build (and, with "test", the tests) need and this
# machine lacks: Debian -dev packages by name through apt-get, and the
# web UI's npm packages from its lock file. Safe to run repeatedly.
# usage: tools/install-deps.sh build|test|bench
set -euo pipefail
mode=${1:-build}
cd "$(dirname "$0")/.."

missing=()
need_pc() { pkg-config --exists "$1" 2>/dev/null || missing+=("$2"); }
command -v pkg-config >/dev/null || missing+=(pkgconf)
need_pc libmicrohttpd libmicrohttpd-dev
need_pc jansson libjansson-dev
need_pc libsodium libsodium-dev
need_pc sqlite3 libsqlite3-dev
need_pc libpq libpq-dev
need_pc inih libinih-dev
need_pc xlsxwriter libxlsxwriter-dev
need_pc libzip libzip-dev
need_pc expat libexpat1-dev
need_pc cairo libcairo2-dev
need_pc pangocairo libpango1.0-dev
# The PDF briefing draws Chinese text with Noto CJK (fontconfig finds it).
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
# libcsv ships no .pc file: look for its header and library instead.
need_lib() { # $1 header, $2 -l flag, $3 package
  printf '#include <%s>\nint main(void) { return 0; }\n' "$1" |
    cc -x c - "$2" -o /dev/null >/dev/null 2>&1 || missing+=("$3")
}
need_lib csv.h -lcsv libcsv-dev
command -v node >/dev/null || missing+=(nodejs npm)

if [ "$mode" = test ] || [ "$mode" = bench ]; then
  need_pc cmocka libcmocka-dev
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || missing+=(postgresql)
  ls /usr/share/postgresql/*/extension/pg_trgm.control >/dev/null 2>&1 || missing+=(postgresql-contrib)
  command -v pg_dump >/dev/null || missing+=(postgresql-client)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  command -v xmllint >/dev/null || missing+=(libxml2-utils)
  command -v unzip >/dev/null || missing+=(unzip)
  command -v runuser >/dev/null || missing+=(util-linux)
fi
if [ "$mode" = bench ]; then # make bench: load generator, static ceiling, profiler
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || missing+=(nginx-light)
  command -v sqlite3 >/dev/null || missing+=(sqlite3)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

npm_ci() { # $1: directory with package-lock.json
  if [ ! -d "$1/node_modules" ] || [ "$1/package-lock.json" -nt "$1/node_modules/.package-lock.json" ]; then
    (cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
npm_ci web
[ "$mode" != build ] && [ -f tests/e2e/package-lock.json ] && npm_ci tests/e2e
exit 0
