#!/usr/bin/env bash
# ctest: bench/peers/run.sh from a clean state on a small archive, so that
# the peer comparison cannot rot. Passes when run.sh exits 0, prints a rate
# for every row (divrisk and the harnesses on each rule set) and every
# harness's checksum equals divrisk's. Without node or npm it is skipped
# (exit 77, ctest SKIP_RETURN_CODE), except under CI=true, where a missing
# tool is a failure.
#
# Usage: peers_test.sh DIVRISK SOURCE_DIR [COUNT]
set -euo pipefail
DIVRISK=$1
SRC=$2
COUNT=${3:-2000}

missing=()
command -v node >/dev/null 2>&1 || missing+=(node)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if ((${#missing[@]})); then
  if [ "${CI:-}" = true ]; then
    echo "FAIL: CI=true but ${missing[*]} not found (.ci/install-deps installs nodejs and npm)"
    exit 1
  fi
  echo "SKIPPED: ${missing[*]} not found; install nodejs and npm (bash .ci/install-deps) to run the peer comparison"
  exit 77
fi

out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
DIVRISK=$DIVRISK "$SRC/bench/peers/run.sh" --count "$COUNT" >"$out" 2>&1 || status=$?
cat "$out"
[ "$status" = 0 ] || { echo "FAIL: run.sh exited $status"; exit 1; }

# The table: harness, cases/s, checksum = divrisk, divrisk/harness.
fail=0
expect() {  # NAME CHECKSUM-COLUMN
  local row
  row=$(awk -v n="$1" '$1 == n && NF == 4 && $2 ~ /^[0-9]+$/' "$out")
  if [ -z "$row" ]; then echo "FAIL: no row for $1"; fail=1; return; fi
  set -- "$1" "$2" $row
  local rate=$4 same=$5
  case $rate in ''|*[!0-9]*) echo "FAIL: $1 prints no rate: $row"; fail=1 ;; esac
  [ "$rate" != 0 ] || { echo "FAIL: $1: rate 0: $row"; fail=1; }
  [ "$same" = "$2" ] || { echo "FAIL: $1: checksum column '$same', expected '$2'"; fail=1; }
}
expect divrisk "(reference)"
expect plain yes
expect zen yes
[ "$fail" = 0 ] || exit 1
echo "PASS: every checksum equals divrisk's and every row has a rate"
