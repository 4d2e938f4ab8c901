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

# The table: harness, rule set, cases/s, checksum = divrisk, ratio.
fail=0
expect() {  # NAME RULES SAME
  local row
  row=$(awk -v n="$1" -v r="$2" '$1 == n && $2 == r' "$out")
  if [ -z "$row" ]; then echo "FAIL: no row for $1 on $2"; fail=1; return; fi
  set -- "$1" "$2" "$3" $row
  local rate=$6 same=$7
  case $rate in ''|*[!0-9]*|0) echo "FAIL: $1 on $2 prints no rate: $row"; fail=1 ;; esac
  [ "$same" = "$3" ] || { echo "FAIL: $1 on $2: checksum column '$same', expected '$3'"; fail=1; }
}
expect divrisk bench-subset "(reference)"
expect plain bench-subset yes
expect zen bench-subset yes
expect divrisk att-noscreen "(reference)"
expect plain-full att-noscreen yes
[ "$fail" = 0 ] || exit 1
echo "PASS: every checksum equals divrisk's and every row has a rate"
