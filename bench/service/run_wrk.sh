#!/usr/bin/env bash
# A bounded load test of `divrisk serve` (no assertion: figures only).
#
#   1. POST /v1/assess of one example with wrk, on 1 connection and 1
#      thread, then on all threads (4 connections per thread): requests/s
#      and p50/p99 latency.
#   2. POST /v1/batch of a generated archive with curl against `divrisk
#      batch` on the same file, same rule set, threads and output: cases/s.
#
# Usage: bench/service/run_wrk.sh [--seconds S] [--count N] [--case FILE]
#        (DIVRISK: the binary, default build/engine/cli/divrisk)
# The server is stopped on every way out.
set -euo pipefail
SRC=$(cd "$(dirname "$0")/../.." && pwd)
DIVRISK=${DIVRISK:-$SRC/build/engine/cli/divrisk}
SECONDS_EACH=10
COUNT=20000
CASE=$SRC/examples/g2g-artillery-ammunition-estonia.yaml
RULES=$SRC/rules/att-example-authority
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) SECONDS_EACH=$2; shift 2 ;;
    --count) COUNT=$2; shift 2 ;;
    --case) CASE=$2; shift 2 ;;
    *) echo "usage: $0 [--seconds S] [--count N] [--case FILE]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk not found (apt-get install wrk)" >&2; exit 2; }
THREADS=$(nproc)
WORK=$(mktemp -d)
SERVER=""
cleanup() {
  if [ -n "$SERVER" ]; then kill -TERM "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

mkdir "$WORK/no-lists"
"$DIVRISK" serve --rules "$RULES" --lists-dir "$WORK/no-lists" --listen 127.0.0.1:0 \
  --threads "$THREADS" --max-in-flight 256 --max-connections 256 \
  >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER=$!
for _ in $(seq 100); do grep -q listening "$WORK/serve.out" && break; sleep 0.1; done
PORT=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$WORK/serve.out")
[ -n "$PORT" ] || { cat "$WORK/serve.err" >&2; exit 1; }
URL=http://127.0.0.1:$PORT

# wrk posts the case file as it is.
cat >"$WORK/post.lua" <<LUA
local f = io.open("$CASE", "rb")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/yaml"
LUA
curl -sf -X POST -H 'Content-Type: application/yaml' --data-binary @"$CASE" \
  "$URL/v1/assess" >/dev/null || { echo "the case does not assess" >&2; exit 1; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); case $(basename "$CASE")"
run_wrk() {  # THREADS CONNECTIONS
  local out
  out=$(wrk -t"$1" -c"$2" -d"${SECONDS_EACH}s" --latency -s "$WORK/post.lua" "$URL/v1/assess")
  local rps p50 p99 non2xx
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf 'assess  wrk -t%-2s -c%-3s -d%ss: %8s requests/s  p50 %8s  p99 %8s  non-2xx %s\n' \
    "$1" "$2" "$SECONDS_EACH" "$rps" "$p50" "$p99" "${non2xx:-0}"
}
run_wrk 1 1
run_wrk "$THREADS" $((THREADS * 4))

"$DIVRISK" generate --count "$COUNT" --seed 7 -o "$WORK/archive.jsonl"
for output in full summary; do
  start=$(date +%s.%N)
  "$DIVRISK" batch --rules "$RULES" --lists-dir "$WORK/no-lists" --threads "$THREADS" \
    --output "$output" -o "$WORK/cli.jsonl" "$WORK/archive.jsonl" 2>/dev/null
  cli=$(echo "$(date +%s.%N) - $start" | bc)
  start=$(date +%s.%N)
  curl -sf -X POST -H 'Content-Type: application/x-ndjson' -T "$WORK/archive.jsonl" \
    "$URL/v1/batch?output=$output" -o "$WORK/service.jsonl"
  service=$(echo "$(date +%s.%N) - $start" | bc)
  lines=$(grep -c '^{"case_id"' "$WORK/service.jsonl")
  cmp -s <(grep '^{"case_id"' "$WORK/service.jsonl") "$WORK/cli.jsonl" || {
    echo "the service's batch output differs from divrisk batch" >&2; exit 1; }
  printf 'batch --output %-7s %d cases: divrisk batch %.2f s (%.0f cases/s), /v1/batch %.2f s (%.0f cases/s): %.0f%%\n' \
    "$output" "$lines" "$cli" "$(echo "$lines / $cli" | bc -l)" "$service" \
    "$(echo "$lines / $service" | bc -l)" "$(echo "100 * $cli / $service" | bc -l)"
done
