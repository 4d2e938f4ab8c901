#!/usr/bin/env bash
# Peer comparison (issue 4): divrisk, a plain JavaScript loop and a GoRules
# ZEN decision graph score the same generated cases under the bench-subset
# rule set. Prints cases per second for each (wall time of the whole
# process, parse included, one thread) and whether each computed exactly
# divrisk's scores (checksum). Exits 1 if a checksum differs, 0 with
# "skipped: ..." when node or npm is missing.
#
# Usage: bench/peers/run.sh [FILE] [--count N]
#   FILE       clean cases as JSON Lines; default: generate N (--seed 1)
#   --count N  cases to generate when no FILE is given (default 100000)
#   DIVRISK=path/to/divrisk overrides the binary (default: build/engine/cli/
#   divrisk, then build/divrisk).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RULES=$ROOT/rules/bench-subset
FILE=
COUNT=100000

die() { echo "run.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case $1 in
    --count) [ $# -ge 2 ] || die "--count needs a number"; COUNT=$2; shift 2 ;;
    --count=*) COUNT=${1#--count=}; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1" ;;
    *) [ -z "$FILE" ] || die "one FILE only"; FILE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); shift ;;
  esac
done
case $COUNT in ''|*[!0-9]*) die "--count needs a whole number, not '$COUNT'" ;; esac

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "skipped: npm/node not found"
  exit 0
fi

if [ -z "${DIVRISK:-}" ]; then
  for candidate in "$ROOT/build/engine/cli/divrisk" "$ROOT/build/divrisk"; do
    if [ -x "$candidate" ]; then DIVRISK=$candidate; break; fi
  done
fi
[ -n "${DIVRISK:-}" ] && [ -x "$DIVRISK" ] || die "divrisk not found: build it, or set DIVRISK"
DIVRISK=$(cd "$(dirname "$DIVRISK")" && pwd)/$(basename "$DIVRISK")

cd "$HERE"
# package-lock.json pins every package, the ZEN binary of every platform
# included, so `npm ci` installs exactly it on any machine. It runs when
# node_modules is missing or was installed from another lock file (the
# stamp is a copy of the lock file it was installed from).
if ! cmp -s package-lock.json node_modules/.divrisk-installed-lock 2>/dev/null; then
  echo "run.sh: npm ci in $HERE (node $(node --version), npm $(npm --version))" >&2
  npm ci --no-audit --no-fund >&2 || die "npm ci failed in bench/peers"
  cp package-lock.json node_modules/.divrisk-installed-lock
fi
node -e "require('@gorules/zen-engine'); require('yaml')" ||
  die "npm ci ran, but @gorules/zen-engine or yaml does not load (is this platform's ZEN binary in package-lock.json?)"
# The harnesses read reference.json and subset.jdm.json, generated here from
# rules/bench-subset (and its reference files) on every run, so that they
# can never be stale.
node build-subset.js || die "cannot generate the harnesses' reference data"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
if [ -z "$FILE" ]; then
  FILE=$TMP/cases.jsonl
  echo "generating $COUNT cases (seed 1, no broken lines)" >&2
  "$DIVRISK" generate --count "$COUNT" --seed 1 --bad-fraction 0 -o "$FILE"
fi
[ -r "$FILE" ] || die "cannot read $FILE"

now() { date +%s.%N; }

# divrisk, parse included: the wall time of the whole batch run.
t0=$(now)
"$DIVRISK" batch --rules "$RULES" --threads 1 --output summary \
  -o "$TMP/divrisk.jsonl" --summary "$TMP/summary.json" "$FILE" 2>"$TMP/divrisk.err" ||
  { cat "$TMP/divrisk.err" >&2; die "divrisk batch failed"; }
t1=$(now)
read_n=$(grep -o '"read":[0-9]*' "$TMP/summary.json" | cut -d: -f2)
rejected=$(grep -o '"rejected":[0-9]*' "$TMP/summary.json" | cut -d: -f2)
# The harnesses score every line; divrisk rejects broken ones. Only a clean
# file can give equal checksums.
[ "$rejected" = 0 ] ||
  die "divrisk rejected $rejected of $read_n lines of $FILE: the comparison needs clean cases (divrisk generate --bad-fraction 0)"
reference=$(node common.js "$TMP/divrisk.jsonl")

rows="divrisk $read_n $t0 $t1 reference"
failed=0
for harness in plain zen; do
  t0=$(now)
  if ! node "$harness.js" "$FILE" >"$TMP/$harness.out" 2>"$TMP/$harness.err"; then
    cat "$TMP/$harness.err" >&2
    echo "run.sh: $harness.js failed" >&2
    failed=1
    continue
  fi
  t1=$(now)
  sum=$(grep '^checksum ' "$TMP/$harness.out")
  if [ "$sum" = "$reference" ]; then same=yes; else same=no; failed=1; fi
  rows="$rows
$harness $read_n $t0 $t1 $same"
done

echo "Peer comparison: $read_n cases from $FILE, rule set rules/bench-subset, 1 thread each"
echo "divrisk $DIVRISK; node $(node --version); zen-engine $(node -p "require('@gorules/zen-engine/package.json').version")"
echo "$rows" | awk '
  { rate[NR] = $2 / ($4 - $3); name[NR] = $1; same[NR] = $5 }
  END {
    printf "%-8s %12s %20s %16s\n", "harness", "cases/s", "checksum = divrisk", "divrisk/harness"
    for (i = 1; i <= NR; i++)
      printf "%-8s %12.0f %20s %16.2f\n", name[i], rate[i], (i == 1 ? "(reference)" : same[i]), rate[1] / rate[i]
  }'
echo "divrisk checksum: ${reference#checksum }"
for harness in plain zen; do
  [ -f "$TMP/$harness.out" ] || continue
  sum=$(grep '^checksum ' "$TMP/$harness.out" || true)
  [ "$sum" = "$reference" ] || echo "$harness checksum:  ${sum#checksum } (DIFFERS)"
done
exit $failed
