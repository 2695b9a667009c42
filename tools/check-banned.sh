#!/usr/bin/env bash
# Fails when src/ uses a function the project bans (STYLE.md): unbounded
# string copies and formatting, and number parsing that cannot report errors.
set -u
cd "$(dirname "$0")/.."
banned='\b(strcpy|strcat|sprintf|vsprintf|gets|atoi|atol|atoll|atof|strtok|tmpnam)\s*\('
hits=$(grep -rnE "$banned" src --include='*.c' --include='*.h' | grep -v 'snprintf\|vsnprintf' || true)
if [ -n "$hits" ]; then
  echo "banned functions used:"; echo "$hits"; exit 1
fi
echo "no banned functions in src/"
