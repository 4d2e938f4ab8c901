#!/usr/bin/env bash
# divrisk batch on a Dask distributed cluster on this machine: a scheduler
# and WORKERS workers, each its own process talking TCP on 127.0.0.1 only
# (no dashboards, no nanny), which is how Dask runs on a real cluster. Then
# bench/cluster/dask_batch.py ships the rule set to the workers, splits the
# archive into partitions, pipes each through `divrisk batch --output
# summary -` on a worker and gathers the results and rejects; with --check
# it compares them with one divrisk process over the whole archive.
# The scheduler and the workers are stopped however the script ends.
#
# Usage: bench/cluster/run_dask.sh [options]
#   --divrisk PATH     the binary (default: build/engine/cli/divrisk)
#   --rules DIR        rule set (default: rules/att-default)
#   --input FILE       archive; default: generate --count N --seed 5
#                      --bad-fraction 0.02
#   --count N          cases to generate (default 20000)
#   --workers N        workers, one thread each (default 2)
#   --partitions N     partitions (default 8)
#   --check            compare with a single-process run (exit 1 if not equal)
# Needs /usr/bin/python3 with python3-distributed (Debian 12).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DIVRISK=$ROOT/build/engine/cli/divrisk
RULES=$ROOT/rules/att-default
INPUT=
COUNT=20000
WORKERS=2
PARTITIONS=8
CHECK=
PY=${DASK_PYTHON:-/usr/bin/python3}  # the Debian python that has python3-distributed

die() { echo "run_dask.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --divrisk) DIVRISK=$2; shift 2 ;;
    --rules) RULES=$2; shift 2 ;;
    --input) INPUT=$2; shift 2 ;;
    --count) COUNT=$2; shift 2 ;;
    --workers) WORKERS=$2; shift 2 ;;
    --partitions) PARTITIONS=$2; shift 2 ;;
    --check) CHECK=--check; shift ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1" ;;
  esac
done
[ -x "$DIVRISK" ] || die "divrisk not found at $DIVRISK"
DIVRISK=$(cd "$(dirname "$DIVRISK")" && pwd)/$(basename "$DIVRISK")
RULES=$(cd "$RULES" && pwd)
"$PY" -c 'import distributed' 2>/dev/null || die "$PY cannot import distributed (apt-get install python3-distributed)"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/divrisk-dask.XXXXXX")
pids=()
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  # Each process was started in its own session: signal its whole group.
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for _ in $(seq 50); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$TMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "$INPUT" ]; then
  INPUT=$TMP/archive.jsonl
  "$DIVRISK" generate --count "$COUNT" --seed 5 --bad-fraction 0.02 -o "$INPUT"
fi

# Dask reads its configuration from the environment too: keep it local.
export DASK_TEMPORARY_DIRECTORY=$TMP
export DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT=30s
SCHED=$TMP/scheduler.json
setsid "$PY" -m distributed.cli.dask_scheduler --host 127.0.0.1 --port 0 \
  --no-dashboard --dashboard-address 127.0.0.1:0 --scheduler-file "$SCHED" >"$TMP/scheduler.log" 2>&1 &
pids+=($!)
for _ in $(seq 300); do [ -s "$SCHED" ] && break; sleep 0.1; done
[ -s "$SCHED" ] || { cat "$TMP/scheduler.log" >&2; die "the scheduler did not start"; }
for i in $(seq "$WORKERS"); do
  mkdir -p "$TMP/worker-$i"
  setsid "$PY" -m distributed.cli.dask_worker --scheduler-file "$SCHED" \
    --host 127.0.0.1 --no-dashboard --dashboard-address 127.0.0.1:0 --no-nanny --nthreads 1 --name "worker-$i" \
    --local-directory "$TMP/worker-$i" >"$TMP/worker-$i.log" 2>&1 &
  pids+=($!)
done

mkdir -p "$TMP/out"
status=0
# In the background so that a signal reaches the trap at once (bash runs
# traps only between foreground commands, but interrupts `wait`).
setsid "$PY" "$HERE/dask_batch.py" --scheduler-file "$SCHED" --workers "$WORKERS" \
  --divrisk "$DIVRISK" --rules "$RULES" --input "$INPUT" \
  --partitions "$PARTITIONS" --out "$TMP/out" $CHECK &
pids+=($!)
wait "${pids[-1]}" || status=$?
if [ "$status" != 0 ]; then
  for log in "$TMP"/scheduler.log "$TMP"/worker-*.log; do
    echo "--- $(basename "$log") (last lines)" >&2; tail -n 20 "$log" >&2
  done
fi
exit "$status"
